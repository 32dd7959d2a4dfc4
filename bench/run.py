"""Load test of the portal's pages on 127.0.0.1 (`make bench`, `make bench ARGS=--quick`).

1. Data: the database of DATABASE_URL (PostgreSQL in production; SQLite without it) is migrated,
   the demo is loaded unless this database already holds it from the current sources (recorded in
   var/bench-demo.json; `--reload-demo` loads it anyway), and bulk data of the issue's size is
   generated (100,000 people, 5,000 articles, 20,000 associations) unless it is already there.
2. Server: gunicorn with deploy/gunicorn.conf.py, 4 sync workers, production settings
   (bench/settings.py: no debug, Redis cache, the minimal view of bench/urls.py).
3. Pages: for each page, `wrk -t2 -c20 -d10s --latency` (Python threads only when wrk is not
   installed: they share the two cores with the server and understate it), with the page cache
   on and off (BENCH_PAGE_CACHE=on|off|both, default both; the cache is PAGE_CACHE_SECONDS of the
   settings). Each row gives req/s as a share of the minimal Django view measured in the same run
   (the machine is shared: absolute figures move by up to 2x, ratios much less), p50/p95/p99,
   errors, and the issue's target with met/missed.
4. Mixed: 100 clients for 60 s over home, editions, outcome, news, directory and search with
   varied queries (a wrk Lua script), reporting errors and p95.

Everything runs on the loopback; every process started here is stopped by its pid, and each wrk
run has a timeout.
"""

import argparse
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
BULK = {"people": 100_000, "articles": 5_000, "associations": 20_000}

# Targets of issue 10, on the 2-core machine, 20 clients, 4 workers, bulk data.
CONTENT = "content"  # ≥ 40% of the minimal view from the page cache, ≥ 10% without it
LIST = "list"  # directory list and searches: p95 ≤ 50 ms and ≥ 10%
OTHER = "other"  # measured, no target of its own (≥ 10% uncached, as every page)

MINIMAL = "/bench/minimal"
PAGES = [
    (MINIMAL, None),
    ("/ky/", CONTENT),
    ("/ru/forum/", CONTENT),
    ("/ky/forum/2016/", CONTENT),
    ("/ky/forum/2016/programme/", CONTENT),
    ("/ky/forum/2016/venue/", CONTENT),
    ("/ky/forum/2016/outcome/", CONTENT),
    ("/ru/news/", CONTENT),
    ("/ru/news/?page=300", OTHER),
    ("/en/news/2016-08-27-condolences/", CONTENT),
    ("/ky/directory/", LIST),
    ("/ky/directory/?people=300", LIST),
    ("/ky/directory/?page=300", LIST),
    ("/ky/directory/experts/", OTHER),
    ("/ru/directory/?q=Bishkek", LIST),
    ("/ky/search/?q=Bishkek", LIST),
]
SEARCHES = ["Bishkek", "Бишкек", "Москва", "Moscow", "Ош", "Айгүл", "Manas", "форум", "Istanbul", "benchmarks"]


def mixed_paths():
    """What 100 visitors browse at once: the home page in three languages, editions, the outcome
    document, news (first and deeper pages, articles), the directory and both searches."""
    paths = [f"/{language}/" for language in ("ky", "ru", "en")] * 3
    paths += ["/ru/forum/", "/ky/forum/2016/", "/ru/forum/2016/programme/", "/ky/forum/2016/venue/"]
    paths += ["/ky/forum/2016/outcome/", "/ru/forum/2016/outcome/", "/en/forum/2016/outcome/"]
    paths += [f"/{language}/news/?page={page}" for language in ("ky", "ru") for page in (1, 2, 5, 40, 300)]
    paths += [f"/ru/news/bulk-{n}/" for n in (1, 7, 100, 2500, 4999)] + ["/en/news/2016-08-27-condolences/"]
    paths += ["/ky/directory/", "/ru/directory/?people=50", "/ky/directory/?page=120", "/ru/directory/?country=KZ"]
    paths += [f"/ru/directory/?q={quote(query)}" for query in SEARCHES[:5]]
    languages = ["ky", "ru", "en", "ky", "ru"]
    paths += [f"/{language}/search/?q={quote(query)}" for language, query in zip(languages, SEARCHES[5:], strict=True)]
    return paths


@dataclass
class Result:
    path: str
    requests_per_second: float
    p50: float  # milliseconds
    p95: float
    p99: float
    errors: int
    requests: int


# --- Load generators -----------------------------------------------------------------------------


def _milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def _percentile(latencies, share):
    return latencies[min(int(len(latencies) * share), len(latencies) - 1)] * 1000 if latencies else float("nan")


# wrk prints p50/p75/p90/p99 with --latency; p95 is read from its histogram in the script's done().
REPORT_P95 = """
function done(summary, latency, requests)
  io.write(string.format("P95 %d\\n", latency:percentile(95)))
end
"""


def wrk(port, path, *, duration, connections, threads=2, script=REPORT_P95):
    """`wrk --latency` against one path, or the paths a script's request() chooses."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    seconds = max(1, round(duration))  # wrk takes whole seconds
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    process = subprocess.Popen(
        [*command, "-s", lua.name, f"http://127.0.0.1:{port}{path}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output, _ = process.communicate(timeout=duration + 30)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    finally:
        Path(lua.name).unlink(missing_ok=True)
    try:
        latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        p95 = int(re.search(r"^P95 (\d+)$", output, re.MULTILINE).group(1)) / 1000  # microseconds
        p50, p99 = _milliseconds(latency["50"]), _milliseconds(latency["99"])
        requests = int(re.search(r"(\d+) requests in", output).group(1))
    except (AttributeError, KeyError) as error:
        raise SystemExit(f"wrk printed what this script cannot read ({error}):\n{output}") from error
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return Result(path, rate, p50, p95, p99, errors, requests)


def threads_fallback(port, path, *, duration, connections, paths=None):
    """Keep-alive connections from Python threads (when wrk is not installed)."""
    latencies, errors = [], []
    deadline = time.perf_counter() + duration
    targets = paths or [path]

    def worker(offset):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        n = offset
        while time.perf_counter() < deadline:
            target = targets[n % len(targets)]
            n += 1
            start = time.perf_counter()
            try:
                connection.request("GET", target, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    errors.append(response.status)
            except (OSError, http.client.HTTPException) as error:
                errors.append(type(error).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            latencies.append(time.perf_counter() - start)
        connection.close()

    workers = [threading.Thread(target=worker, args=(n * 7,)) for n in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    latencies.sort()
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    return Result(
        path,
        len(latencies) / duration,
        p50,
        _percentile(latencies, 0.95),
        _percentile(latencies, 0.99),
        len(errors),
        len(latencies),
    )


def mixed_script(paths):
    """A wrk script that spreads requests over `paths`, each connection starting elsewhere."""
    listed = ",\n".join(json.dumps(path) for path in paths)
    return (
        f"""-- Generated by bench/run.py: the mixed scenario's paths.
local paths = {{
{listed}
}}
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  counter = (thread_id or 0) * 13
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""
        + REPORT_P95
    )


# --- Data and server -----------------------------------------------------------------------------


def manage(*arguments, env):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def bulk_present(env):
    """The bulk rows already there, as generate_bulk names them (counted in a child process)."""
    code = (
        "import django, json; django.setup()\n"
        "from diaspora.models import Association, DirectoryEntry\n"
        "from news.models import Article\n"
        "print(json.dumps({'people': DirectoryEntry.objects.filter(slug__startswith='bulk-person-').count(),"
        " 'articles': Article.objects.filter(slug__startswith='bulk-').count(),"
        " 'associations': Association.objects.filter(name_en__startswith='Bulk association').count()}))"
    )
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


# What the demo rows and their search documents are made from: when none of these files changed
# since the demo was loaded into this very database, loading it again (which rebuilds every search
# document, bulk rows included: minutes) would write the same rows.
DEMO_SOURCES = (
    "mekendeshter/demo/*.py",
    "mekendeshter/management/commands/load_demo.py",
    "mekendeshter/management/commands/rebuild_search_documents.py",
    "mekendeshter/core/search.py",
    "mekendeshter/core/translit.py",
    "*/models.py",
    "*/migrations/*.py",
)


def demo_fingerprint():
    digest = hashlib.sha256()
    files = sorted({path for pattern in DEMO_SOURCES for path in ROOT.glob(pattern) if ".venv" not in path.parts})
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def database_identity(env):
    """This database as a string that changes when it is dropped and created again (PostgreSQL:
    its oid and name; SQLite: the file's inode), or None when it cannot tell."""
    code = (
        "import django, os; django.setup()\nfrom django.db import connection\n"
        "if connection.vendor == 'postgresql':\n"
        "    with connection.cursor() as cursor:\n"
        "        cursor.execute('SELECT oid, datname FROM pg_database WHERE datname = current_database()')\n"
        "        print('postgresql:%s:%s' % cursor.fetchone())\n"
        "else:\n"
        "    name = connection.settings_dict['NAME']\n"
        "    print(f'sqlite:{name}:{os.stat(name).st_ino}' if os.path.exists(str(name)) else '')\n"
    )
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    lines = output.stdout.strip().splitlines()
    return lines[-1] if lines and lines[-1] else None


def load_demo_unless_current(env, force=False):
    """`load_demo`, skipped when the record in var/ says it was loaded into this database from the
    same sources (`--reload-demo` loads it anyway)."""
    identity = database_identity(env)
    marker = ROOT / "var" / "bench-demo.json"
    fingerprint = demo_fingerprint()
    try:
        loaded = json.loads(marker.read_text())
    except (OSError, ValueError):
        loaded = {}
    if not force and identity and loaded.get(identity) == fingerprint:
        print("Demo content already loaded from the current sources: not loaded again.", flush=True)
        return
    manage("load_demo", "-v0", env=env)
    if identity:
        marker.parent.mkdir(exist_ok=True)
        marker.write_text(json.dumps(loaded | {identity: fingerprint}, indent=1))


def prepare_data(env, sizes, reload_demo=False):
    postgres = env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    print(f"Database: {'PostgreSQL' if postgres else 'SQLite (set DATABASE_URL for PostgreSQL)'}", flush=True)
    manage("migrate", "--noinput", "-v0", env=env)
    load_demo_unless_current(env, force=reload_demo)
    if bulk_present(env) == sizes:
        print(f"Bulk data present: {sizes}", flush=True)
    else:
        print(f"Generating bulk data {sizes} (once; later runs reuse it)...", flush=True)
        manage("generate_bulk", *(f"--{name}={count}" for name, count in sizes.items()), env=env)
    if postgres:
        # Fresh statistics and visibility maps, as autovacuum leaves them on a live site.
        code = (
            "import django; django.setup()\nfrom django.db import connection\n"
            "with connection.cursor() as cursor:\n"
            "    for table in ('diaspora_directoryentry', 'diaspora_association', 'news_article', 'auth_user'):\n"
            "        cursor.execute(f'VACUUM ANALYZE {table}')\n"
        )
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


class Server:
    """gunicorn with the production configuration, on the loopback, stopped by its pid."""

    def __init__(self, port, workers, env):
        self.port = port
        server_env = env | {"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
        command = [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "mekendeshter.wsgi"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait()

    def _wait(self):
        for _ in range(300):
            if self.process.poll() is not None:
                raise SystemExit("gunicorn stopped while starting")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", MINIMAL)
                if connection.getresponse().status == 200:
                    self.measure_idle()
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not answer within a minute")

    def settle(self, limit=60):
        """Wait until the workers are idle: a sync worker still answers requests that were queued
        when wrk stopped, and they would be counted against the next page."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                self.get(MINIMAL, timeout=5)
            except OSError:  # a timeout: still busy
                continue
            if time.perf_counter() - start < max(3 * self.idle, 0.05):
                return
        print(f"(the server was still busy {limit} s after the last page)", flush=True)

    def measure_idle(self):
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            self.get(MINIMAL)
            timings.append(time.perf_counter() - start)
        self.idle = statistics.median(timings)

    def get(self, path, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- Report --------------------------------------------------------------------------------------


def target(kind, cached, result, minimal):
    """The issue's target for this row and whether it was met."""
    share = result.requests_per_second / minimal
    if kind is None:
        return "", ""
    if kind == CONTENT and cached:
        goal, met = "≥ 40%", share >= 0.40
    elif kind == LIST:
        goal, met = "p95 ≤ 50 ms, ≥ 10%", result.p95 <= 50 and share >= 0.10
    else:
        goal, met = "≥ 10%", share >= 0.10
    met = met and result.errors == 0 and result.requests > 0
    return goal, "met" if met else "MISSED"


def print_header(title):
    print(f"\n{title}\n")
    print("| page | req/s | share of minimal | p50 ms | p95 ms | p99 ms | errors | target | |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |", flush=True)


def print_row(kind, result, minimal, cached):
    goal, met = target(kind, cached, result, minimal)
    share = result.requests_per_second / minimal
    print(
        f"| `{result.path}` | {result.requests_per_second:,.0f} | {share:.1%} | {result.p50:.1f} | "
        f"{result.p95:.1f} | {result.p99:.1f} | {result.errors} | {goal} | {met} |",
        flush=True,
    )


def run_mode(server, args, cached, use_wrk):
    duration, connections = args.duration, args.connections

    def load(path, seconds, clients, paths=None):
        if use_wrk:
            script = mixed_script(paths) if paths else REPORT_P95
            return wrk(args.port, path, duration=seconds, connections=clients, script=script)
        return threads_fallback(args.port, path, duration=seconds, connections=clients, paths=paths)

    label = "on" if cached else "off"
    problems = []
    for path, _kind in PAGES:
        response = server.get(path)
        if response.status != 200:
            problems.append(f"{path}: {response.status}")
    if problems:
        print("Pages that do not answer 200: " + ", ".join(problems))
    probe = server.get("/ru/forum/").getheader("Cache-Control") or ""
    if cached and "public" not in probe:
        print("Note: pages answer without `Cache-Control: public`: no page cache on this branch, 'on' = 'off'.")
    clients = "wrk -t2" if use_wrk else "Python threads"
    print_header(
        f"Page cache {label} ({clients}, {connections} connections, {duration:g} s per page, {args.workers} workers)"
    )
    rows, minimal = [], None
    for path, kind in PAGES:
        load(path, args.warmup, args.workers)  # every worker has run the page once
        server.settle()
        result = load(path, duration, connections)
        minimal = minimal or result.requests_per_second or 1
        print_row(kind, result, minimal, cached)
        rows.append((kind, result))
        server.settle()  # requests still queued when wrk stopped must not slow the next page
    paths = mixed_paths()
    load(paths[0], args.warmup, args.workers, paths)
    server.settle()
    mixed = load("/", args.mixed_duration, args.mixed_connections, paths)
    met = "met" if mixed.errors == 0 and mixed.requests and mixed.p95 <= 250 else "MISSED"
    print(
        f"\nMixed scenario, page cache {label}: {args.mixed_connections} clients for {args.mixed_duration:g} s over "
        f"{len(paths)} paths: {mixed.requests_per_second:,.0f} req/s "
        f"({mixed.requests_per_second / minimal:.1%} of minimal), p50 {mixed.p50:.1f} ms, p95 {mixed.p95:.1f} ms, "
        f"p99 {mixed.p99:.1f} ms, errors {mixed.errors}; target 0 errors, p95 ≤ 250 ms: {met}",
        flush=True,
    )
    return rows, mixed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per page")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--mixed-duration", type=float, default=60.0)
    parser.add_argument("--mixed-connections", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="3 s per page, 10 s of mixed load")
    parser.add_argument("--skip-data", action="store_true", help="use the database as it is")
    parser.add_argument(
        "--reload-demo", action="store_true", help="load the demo even when it is loaded from the current sources"
    )
    args = parser.parse_args()
    if args.quick:
        args.duration, args.warmup, args.mixed_duration = 3.0, 0.5, 10.0

    modes = {"on": [True], "off": [False], "both": [True, False]}[os.environ.get("BENCH_PAGE_CACHE", "both")]
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}
    if not args.skip_data:
        prepare_data(env, BULK, reload_demo=args.reload_demo)
    use_wrk = shutil.which("wrk") is not None
    if not use_wrk:
        print("wrk is not installed (Debian: apt-get install wrk): Python threads, which understate the server.")
    seconds = len(modes) * (len(PAGES) * (args.duration + args.warmup + 1) + args.mixed_duration + args.warmup + 10)
    print(f"About {seconds / 60:.0f} minutes of load.", flush=True)
    for cached in modes:
        # The page cache holds pages for PAGE_CACHE_SECONDS; 0 turns it off.
        server_env = env | {"PAGE_CACHE_SECONDS": "60" if cached else "0"}
        server = Server(args.port, args.workers, server_env)
        try:
            run_mode(server, args, cached, use_wrk)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
