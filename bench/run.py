"""Load test of the portal's pages on 127.0.0.1.

Starts gunicorn with the benchmark settings, then for each page keeps CONCURRENCY keep-alive
connections busy for DURATION seconds and prints requests per second and p50/p95 latency,
beside a minimal Django view measured on the same run. Use with bulk data:
    python manage.py load_demo && python manage.py generate_bulk && python bench/run.py
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/bench/minimal",
    "/ky/",
    "/ru/forum/",
    "/ky/forum/2016/",
    "/ky/forum/2016/outcome/",
    "/ky/forum/2016/programme/",
    "/ru/news/",
    "/ru/news/?page=100",
    "/en/news/2016-08-27-condolences/",
    "/ky/directory/",
    "/ky/directory/?page=300",
    "/ky/directory/?people=300",
    "/ru/directory/?q=Bishkek",
    "/ky/directory/experts/",
]


def hammer(port, path, duration, concurrency):
    latencies, errors = [], []
    deadline = time.perf_counter() + duration

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(response.status)
            except (OSError, http.client.HTTPException) as error:
                errors.append(type(error).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            latencies.append(time.perf_counter() - start)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def wait_for(port):
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "mekendeshter.wsgi",
            "-b",
            f"127.0.0.1:{args.port}",
            "-w",
            str(args.workers),
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(args.port)
        print(f"{args.workers} gunicorn workers, {args.concurrency} connections, {args.duration:g} s per page")
        print(f"{'page':40} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for path in PAGES:
            hammer(args.port, path, 0.5, 2)  # warm-up
            latencies, errors = hammer(args.port, path, args.duration, args.concurrency)
            latencies.sort()
            p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
            p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan")
            print(f"{path:40} {len(latencies) / args.duration:8.1f} {p50:8.1f} {p95:8.1f} {len(errors):7}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
