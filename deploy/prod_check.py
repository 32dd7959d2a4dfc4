"""make prod-check: the production stack of deploy/ on this machine, driven as users and staff would.

Starts, on the loopback only, every part itself: a fresh PostgreSQL database (the cluster is
started if it is down), Redis (cache, sessions, rate limits, Celery broker), an SMTP server that
stores every message, a Celery worker and two gunicorn app servers (deploy/Procfile, with
deploy/gunicorn.conf.py and the environment of deploy/env.example), and nginx with
deploy/nginx/mekendeshter.conf and a self-signed certificate. Only host names, ports, paths and
secrets are substituted. Then it runs the checks, prints one line per check and a total line, stops
every process it started by its pid (also on failure or Ctrl-C), and exits non-zero on any failure.

    .venv/bin/python deploy/prod_check.py                 # everything (a few minutes)
    .venv/bin/python deploy/prod_check.py --only sessions,ratelimit
    .venv/bin/python deploy/prod_check.py --keep          # leave the stack running for a look

The PostgreSQL check stops and starts the machine's cluster for a few seconds.
"""

import argparse
import atexit
import email
import email.policy
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from aiosmtpd.controller import Controller
from PIL import Image
from playwright.sync_api import sync_playwright
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent
LANGS = ("ky", "ru", "en")
DB_NAME, RESTORE_DB_NAME, DB_USER = "mekendeshter_prodcheck", "mekendeshter_prodcheck_restore", "prodcheck"
STAFF_EMAIL, MEMBER_EMAIL, SESSION_EMAIL = (
    "staff@prodcheck.example",
    "member@prodcheck.example",
    "session@prodcheck.example",
)
# Requests that must follow a reload or a restart under load for its result to mean anything.
MIN_AFTER = 50
PASSWORD = "prodcheck-" + secrets.token_urlsafe(12)
CHECKS = [
    "config",
    "pages",
    "uploads",
    "mail",
    "members",
    "sessions",
    "ratelimit",
    "browser",
    "admin",
    "reload",
    "postgres",
    "smtp",
    "healthz",
    "backup",
    "mailhosts",
]


def log(message):
    print(message, flush=True)


# --- The SMTP server (this file run with --smtp) ---------------------------------------------


def smtp_server(port, store):
    """Store every message as a file (envelope recipients first) until SIGTERM."""
    store = Path(store)

    class Store:
        async def handle_DATA(self, server, session, envelope):
            name = f"{time.time_ns()}"
            head = f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n".encode()
            (store / f".{name}.tmp").write_bytes(head + envelope.original_content)
            # Renamed when complete: a reader never sees half a message.
            (store / f".{name}.tmp").rename(store / f"{name}.eml")
            return "250 Message accepted for delivery"

    controller = Controller(Store(), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


# --- Processes ----------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait(condition, timeout, what):
    """Poll `condition` until it is true; the deadline only bounds a failure, it is no assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:  # not up yet
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what}: not ready after {timeout} s")


class Processes:
    """Every process this run started, stopped by its pid (newest first) whatever happens."""

    def __init__(self, logs):
        self.logs = logs
        self.running = {}

    def start(self, name, argv, env=None):
        out = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        self.running[name] = (process, out)
        return process

    def pid(self, name):
        return self.running[name][0].pid

    def stop(self, name, sig=signal.SIGTERM, timeout=45):
        process, out = self.running.pop(name)
        if process.poll() is None:
            process.send_signal(sig)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        out.close()

    def stop_all(self):
        for name in reversed(list(self.running)):
            try:
                self.stop(name)
            except Exception as error:  # keep stopping the others
                log(f"could not stop {name}: {error}")


def run(argv, env=None, check=True, **kwargs):
    result = subprocess.run(argv, cwd=kwargs.pop("cwd", ROOT), env=env, capture_output=True, text=True, **kwargs)
    if check and result.returncode:
        raise RuntimeError(
            f"{' '.join(map(str, argv[:4]))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def psql(sql):
    # As the postgres superuser, from / (its home may not be readable from here).
    run(["su", "postgres", "-c", "psql -v ON_ERROR_STOP=1 -q"], input=sql, cwd="/")


def pg_cluster():
    version = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(p) for p in v.split(".")])[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def pg_ready():
    return run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"], check=False).returncode == 0


# --- HTTP ---------------------------------------------------------------------------------------


class FormParser(HTMLParser):
    """The forms of a page with what a browser would submit (file inputs named apart)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea, self._options = [], None, None, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower()}
            self._form |= {"fields": [], "files": [], "names": set(), "id": a.get("id", "")}
            self.forms.append(self._form)
        if self._form is None or "name" not in a and tag in ("input", "select", "textarea"):
            return
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            self._form["names"].add(a["name"])
            if kind == "file":
                self._form["files"].append(a["name"])
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "image", "reset"):
                self._form["fields"].append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self._select, self._options = {"name": a["name"], "multiple": "multiple" in a}, []
            self._form["names"].add(a["name"])
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
            self._form["names"].add(a["name"])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._select["multiple"] and self._options:
                chosen = [self._options[0][0]]
            self._form["fields"] += [(self._select["name"], value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._form["fields"].append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None


def find_form(html, predicate):
    parser = FormParser()
    parser.feed(html)
    for form in parser.forms:
        if predicate(form):
            return form
    raise AssertionError(f"no such form on the page (forms: {[sorted(f['names'])[:6] for f in parser.forms]})")


def form_data(form, **values):
    """The form's own fields, with `values` replacing (or adding) fields of those names."""
    data = [(name, value) for name, value in form["fields"] if name not in values]
    for name, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            data.append((name, item))
    return data


class Client:
    """A visitor: its own cookies (kept by hand, so a Secure cookie also goes to an app server
    reached directly over HTTP), optional source address and headers, redirects followed."""

    def __init__(self, base, *, public, verify, source=None, headers=None):
        self.base, self.public, self.verify = base.rstrip("/"), public.rstrip("/"), verify
        self.headers, self.cookies, self.source = dict(headers or {}), {}, source
        self.session = requests.Session()
        self.session.trust_env = False
        if source:

            class SourceAdapter(HTTPAdapter):
                def init_poolmanager(self, *args, **kwargs):
                    kwargs["source_address"] = (source, 0)
                    super().init_poolmanager(*args, **kwargs)

            self.session.mount("http://", SourceAdapter())
            self.session.mount("https://", SourceAdapter())

    def clone(self, **changes):
        other = Client(
            changes.get("base", self.base),
            public=self.public,
            verify=self.verify,
            source=changes.get("source", self.source),
            headers=changes.get("headers", self.headers),
        )
        other.cookies = dict(self.cookies)
        return other

    def url(self, path):
        if path.startswith(self.public):
            path = path[len(self.public) :]
        return path if path.startswith("http") else self.base + path

    def request(self, method, path, *, follow=True, headers=None, **kwargs):
        url = self.url(path)
        for _ in range(10):
            sent = {**self.headers, **(headers or {})}
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            response = self.session.request(
                method, url, headers=sent, allow_redirects=False, timeout=60, verify=self.verify, **kwargs
            )
            self.session.cookies.clear()
            for header in response.raw.headers.getlist("Set-Cookie"):
                name, _, rest = header.partition("=")
                value = rest.split(";", 1)[0]
                expired = "max-age=0" in header.lower() or "1970" in header
                if expired:
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
            if follow and response.status_code in (301, 302, 303, 307, 308):
                url = self.url(urljoin(url, response.headers["Location"]))
                if response.status_code in (301, 302, 303):
                    method, kwargs = "GET", {}
                continue
            response.final_url = url
            return response
        raise RuntimeError(f"too many redirects from {path}")

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, *, referer, **kwargs):
        # Django checks the Referer of HTTPS posts against the host: the page the form was on.
        headers = {"Referer": self.public + urlsplit(referer).path, **kwargs.pop("headers", {})}
        return self.request("POST", path, data=data, headers=headers, **kwargs)

    def submit(self, page, predicate, files=None, follow=True, **values):
        """Fill in and submit a form of `page` (a response) as a browser would."""
        form = find_form(page.text, predicate)
        action = form["action"] or urlsplit(page.final_url).path
        action = urljoin(page.final_url, action)
        return self.post(action, form_data(form, **values), referer=page.final_url, files=files, follow=follow)


# --- Mail ---------------------------------------------------------------------------------------


class Mailbox:
    def __init__(self, store):
        self.store, self.seen = store, set()

    def all(self):
        messages = []
        for path in sorted(self.store.glob("*.eml")):
            messages.append((path, email.message_from_bytes(path.read_bytes(), policy=email.policy.default)))
        return messages

    def wait(self, predicate, timeout=60, what="a letter"):
        found = []

        def arrived():
            for path, message in self.all():
                if path not in self.seen and predicate(message):
                    self.seen.add(path)
                    found.append(message)
                    return True
            return False

        wait(arrived, timeout, what)
        return found[0]


def mail_text(message):
    texts = []
    for part in message.walk():
        if part.get_content_maintype() == "text" and not part.is_attachment():
            texts.append(part.get_content())
    return "\n".join(texts)


def mail_links(message):
    links = set(re.findall(r"https?://[^\s<>\"')\]]+", mail_text(message)))
    return sorted(unescape(link).rstrip(".,;") for link in links)


def mail_to(address):
    return lambda message: address in message["X-Envelope-To"]


# --- The check ----------------------------------------------------------------------------------


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


class ProdCheck:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="prodcheck-"))
        # nginx's workers run as another user: they must reach STATIC_ROOT and MEDIA_ROOT.
        self.tmp.chmod(0o755)
        self.logs = self.tmp / "logs"
        self.logs.mkdir()
        self.procs = Processes(self.logs)
        self.results, self.figures = [], {"pages": 0, "static": 0, "admin": 0, "mails": 0}
        self.ports = {name: free_port() for name in ("https", "http", "web1", "web2", "redis", "smtp")}
        self.origin = f"https://127.0.0.1:{self.ports['https']}"
        self.static_seen, self.links_seen = {}, {}
        self.staff = None
        self.prepared = set()

    # --- Bringing the stack up -------------------------------------------------------------------

    def environment(self):
        """deploy/env.example with this run's secret, addresses, ports and directories."""
        base = {}
        for line in (DEPLOY / "env.example").read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, value = line.partition("=")
                base[key] = value
        self.db_password = secrets.token_hex(16)
        redis = f"redis://127.0.0.1:{self.ports['redis']}"
        overrides = {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.origin,
            "DATABASE_URL": self.database_url(DB_NAME),
            "CACHE_URL": f"{redis}/1",
            "CELERY_BROKER_URL": f"{redis}/2",
            "EMAIL_URL": f"smtp://127.0.0.1:{self.ports['smtp']}",
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "GUNICORN_WORKERS": "2",
            # The SMTP check waits for the retries: seconds rather than a minute keep it short.
            "MAIL_RETRY_SECONDS": "3",
        }
        unknown = set(overrides) - set(base)
        expect(not unknown, f"deploy/env.example lacks {sorted(unknown)}")
        self.env_file_keys = set(base)
        system = {k: os.environ[k] for k in ("HOME", "LANG", "TZ") if k in os.environ}
        return {
            **system,
            "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "PYTHONUNBUFFERED": "1",
            **base,
            **overrides,
        }

    def database_url(self, name):
        return f"postgres://{DB_USER}:{self.db_password}@127.0.0.1:5432/{name}"

    def manage(self, *args, env=None, **kwargs):
        return run([sys.executable, "manage.py", *args], env=env or self.env, **kwargs)

    def django(self, code, env=None):
        """Run `code` in `manage.py shell`; it leaves its answer in `result`, returned as JSON."""
        code += "\nimport json\nprint('PRODCHECK ' + json.dumps(result, default=str))"
        out = self.manage("shell", "--no-imports", "-c", code, env=env).stdout
        line = [line for line in out.splitlines() if line.startswith("PRODCHECK ")][-1]
        return json.loads(line.removeprefix("PRODCHECK "))

    def up(self):
        self.env = self.environment()
        # PostgreSQL: the machine's cluster (started if down, as .ci/run does), a fresh database.
        if not pg_ready():
            run([*pg_cluster(), "start"])
        wait(pg_ready, 60, "PostgreSQL")
        psql(f"""
DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{DB_USER}') THEN
    ALTER ROLE {DB_USER} LOGIN PASSWORD '{self.db_password}';
  ELSE
    CREATE ROLE {DB_USER} LOGIN PASSWORD '{self.db_password}';
  END IF;
END $$;
DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE);
DROP DATABASE IF EXISTS {RESTORE_DB_NAME} WITH (FORCE);
CREATE DATABASE {DB_NAME} OWNER {DB_USER};
""")
        self.start_redis()
        self.start_smtp()

        # What the README tells an operator to run before starting the servers.
        for step in (
            ["migrate", "--noinput", "-v0"],
            ["compilemessages", "--ignore=.venv", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
            ["check", "--deploy", "--fail-level", "WARNING"],
            ["load_demo"],
        ):
            self.manage(*step)
        self.setup = self.django(SETUP_CODE.replace("@@PASSWORD@@", PASSWORD))

        procfile = {}
        for line in (DEPLOY / "Procfile").read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, command = line.partition(":")
                procfile[name.strip()] = command.split()
        self.procfile = procfile
        for name in ("web1", "web2"):
            env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.ports[name]}"}
            self.procs.start(name, [str(VENV_BIN / procfile["web"][0]), *procfile["web"][1:]], env)
        self.procs.start("worker", [str(VENV_BIN / procfile["worker"][0]), *procfile["worker"][1:]], self.env)
        self.start_nginx()

        for name in ("web1", "web2"):
            port = self.ports[name]
            wait(lambda port=port: self.direct(port).get("/healthz").status_code == 200, 60, f"gunicorn {name}")
        wait(lambda: b"ready." in (self.logs / "worker.log").read_bytes(), 60, "the Celery worker")
        wait(lambda: self.client().get("/healthz").status_code == 200, 30, "nginx")
        log(f"stack up in {self.tmp}: nginx {self.origin}, gunicorn :{self.ports['web1']} :{self.ports['web2']}")

    def start_redis(self):
        port = self.ports["redis"]
        argv = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
        self.procs.start("redis", [*argv, "--dir", str(self.tmp)])
        wait(lambda: run(["redis-cli", "-p", str(port), "ping"], check=False).stdout.strip() == "PONG", 30, "Redis")
        for db in ("1", "2"):  # the cache and the broker
            run(["redis-cli", "-p", str(port), "-n", db, "FLUSHDB"])

    def start_smtp(self):
        self.mail_store = self.tmp / "mail"
        self.mail_store.mkdir(exist_ok=True)
        self.mailbox = getattr(self, "mailbox", None) or Mailbox(self.mail_store)
        port = self.ports["smtp"]
        self.procs.start("smtp", [sys.executable, __file__, "--smtp", str(port), str(self.mail_store)])

        def listening():
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                return sock.recv(100).startswith(b"220")

        wait(listening, 30, "the SMTP server")

    def start_nginx(self):
        prefix = self.tmp / "nginx"
        (prefix / "tmp").mkdir(parents=True)
        cert, key = prefix / "cert.pem", prefix / "key.pem"
        run([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert),
        ])  # fmt: skip
        self.cert = str(cert)
        site = (DEPLOY / "nginx" / "mekendeshter.conf").read_text()
        substitutions = [
            ("    listen [::]:80;\n", ""),
            ("    listen [::]:443 ssl http2;\n", ""),
            ("listen 80;", f"listen 127.0.0.1:{self.ports['http']};"),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{self.ports['https']} ssl http2;"),
            ("https://$host$request_uri", f"https://$host:{self.ports['https']}$request_uri"),
            ("server_name mekendeshter.org www.mekendeshter.org;", "server_name 127.0.0.1 localhost;"),
            ("/etc/letsencrypt/live/mekendeshter.org/fullchain.pem", str(cert)),
            ("/etc/letsencrypt/live/mekendeshter.org/privkey.pem", str(key)),
            ("/srv/mekendeshter/static/", f"{self.env['STATIC_ROOT']}/"),
            ("/srv/mekendeshter/media/", f"{self.env['MEDIA_ROOT']}/"),
            ("server 127.0.0.1:8001;", f"server 127.0.0.1:{self.ports['web1']};"),
            ("server 127.0.0.1:8002;", f"server 127.0.0.1:{self.ports['web2']};"),
        ]
        for old, new in substitutions:
            expect(old in site, f"deploy/nginx/mekendeshter.conf no longer contains {old.strip()!r}")
            site = site.replace(old, new)
        (prefix / "mekendeshter.conf").write_text(site)
        temp = "\n".join(
            f"    {kind}_temp_path {prefix}/tmp/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (prefix / "nginx.conf").write_text(f"""worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    sendfile on;
{temp}
    include {prefix}/mekendeshter.conf;
}}
""")
        argv = ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
        run([*argv, "-t"])
        self.procs.start("nginx", [*argv, "-g", "daemon off;"])

    def down(self):
        self.procs.stop_all()

    # --- Clients -----------------------------------------------------------------------------------

    def client(self, source=None):
        """A visitor through nginx over TLS (the certificate is this run's own)."""
        return Client(self.origin, public=self.origin, verify=self.cert, source=source)

    def direct(self, port, client_ip="127.0.0.1"):
        """An app server reached directly, with the headers nginx would send for `client_ip`."""
        headers = {
            "Host": f"127.0.0.1:{self.ports['https']}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": client_ip,
        }
        return Client(f"http://127.0.0.1:{port}", public=self.origin, verify=False, headers=headers)

    def totp_codes(self):
        """The staff member's codes for this 30-second window and the next two, by counter.

        Computed by allauth in `manage.py shell`, which takes seconds on a busy machine: the
        code sent is then chosen by the window the clock is in when it is sent.
        """
        code = (
            "from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value\n"
            "import time\n"
            f"secret = {self.setup['totp_secret']!r}\n"
            "now = int(time.time()) // 30\n"
            "result = {now + i: format_hotp_value(hotp_value(secret, now + i)) for i in range(3)}"
        )
        return {int(counter): value for counter, value in self.django(code).items()}

    def sign_in(self, client, address, *, totp=False):
        page = client.get("/en/accounts/login/")
        response = client.submit(page, lambda f: "password" in f["names"], login=address, password=PASSWORD)
        if totp:
            expect(
                "/2fa/authenticate/" in response.final_url, f"no code asked after the password: {response.final_url}"
            )
            codes = self.totp_codes()
            # allauth accepts only the current window's code, once: near the end of a window,
            # wait for the next one rather than send a code that expires on the way.
            if 30 - time.time() % 30 < 3:
                time.sleep(30 - time.time() % 30 + 0.1)
            counter = int(time.time()) // 30
            if counter not in codes:
                codes = self.totp_codes()
            response = client.submit(response, lambda f: "code" in f["names"], code=codes[int(time.time()) // 30])
        expect(
            response.status_code == 200 and "/accounts/" not in response.final_url,
            f"sign-in failed: {response.final_url}",
        )
        return response

    def staff_client(self):
        if self.staff is None:
            staff = self.client(source="127.0.0.20")
            self.sign_in(staff, STAFF_EMAIL, totp=True)
            expect(staff.get("/admin/").status_code == 200, "the admin does not open for staff with TOTP")
            # Kept only once signed in: a failed sign-in is tried again by the next check.
            self.staff = staff
        return self.staff

    # --- Running the checks ------------------------------------------------------------------------

    def run_checks(self, only):
        for name in CHECKS:
            if only and name not in only:
                continue
            started = time.monotonic()
            try:
                ok, summary = True, getattr(self, f"check_{name}")()
            except Failure as error:
                ok, summary = False, str(error)
            except Exception as error:
                ok, summary = False, f"{type(error).__name__}: {error}"
                traceback.print_exc()
            self.results.append((name, ok))
            log(f"{'PASS' if ok else 'FAIL'} {name}: {summary} ({time.monotonic() - started:.0f} s)")

    def check_config(self):
        """The systemd units run the Procfile's commands; env.example names every variable used."""
        units = {"web": "mekendeshter-web@.service", "worker": "mekendeshter-worker.service"}
        for name, unit in units.items():
            text = (DEPLOY / "systemd" / unit).read_text()
            command = re.search(r"^ExecStart=(.*)$", text, re.M).group(1).split()
            command[0] = Path(command[0]).name
            expect(command == self.procfile[name], f"{unit} runs {command}, the Procfile {self.procfile[name]}")
        # http → https, to the same path.
        response = Client(f"http://127.0.0.1:{self.ports['http']}", public="", verify=False).get(
            "/ru/news/", follow=False
        )
        location = response.headers.get("Location")
        expect(
            response.status_code == 301 and location == f"{self.origin}/ru/news/",
            f"HTTP answers {response.status_code} {location}",
        )
        return f"units match the Procfile, HTTP redirects to {self.origin}, check --deploy clean"

    def page_problems(self, url, response, lang=None):
        problems = []
        if response.status_code >= 500:
            return [f"{url}: {response.status_code}"]
        headers = response.headers
        if "text/html" in headers.get("Content-Type", ""):
            csp = headers.get("Content-Security-Policy", "")
            if "frame-ancestors 'none'" not in csp or "script-src" not in csp:
                problems.append(f"{url}: CSP {csp!r}")
            if "max-age=" not in headers.get("Strict-Transport-Security", ""):
                problems.append(f"{url}: no HSTS")
            if headers.get("X-Content-Type-Options") != "nosniff":
                problems.append(f"{url}: no nosniff")
            if not headers.get("Referrer-Policy"):
                problems.append(f"{url}: no Referrer-Policy")
            if lang and f'<html lang="{lang}"' not in response.text:
                problems.append(f"{url}: not in {lang}")
            for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', response.text):
                self.static_seen.setdefault(unescape(ref), url)
            for link in re.findall(r'href="(/(?:ky|ru|en)/[^"#]*)', response.text):
                link = unescape(link)
                path, _, query = link.partition("?")
                # Pages, and their pagination; not every combination of filters, not sign-out.
                if (not query or re.fullmatch(r"page=\d+", query)) and "/logout/" not in path:
                    self.links_seen.setdefault(self.origin + link, url)
        return problems

    def fetch_pages(self, client, urls, lang_of=lambda url: None):
        problems, statuses = [], {}

        def one(url):
            worker = client.clone()
            response = worker.get(url)
            return url, response

        with ThreadPoolExecutor(8) as pool:
            for url, response in pool.map(one, urls):
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                problems += self.page_problems(url, response, lang_of(url))
        return problems, statuses

    def check_static(self):
        problems, hashed = [], 0
        client = self.client(source="127.0.0.19")
        todo = [ref for ref in self.static_seen if ref not in getattr(self, "static_done", set())]
        self.static_done = getattr(self, "static_done", set()) | set(todo)

        def one(ref):
            return ref, client.clone().get(ref)

        with ThreadPoolExecutor(8) as pool:
            for ref, response in pool.map(one, todo):
                if response.status_code != 200:
                    problems.append(f"{ref} (on {self.static_seen[ref]}): {response.status_code}")
                elif response.headers.get("X-Content-Type-Options") != "nosniff":
                    problems.append(f"{ref}: no nosniff")
                elif re.search(r"\.[0-9a-f]{12}\.\w+$", ref):
                    hashed += 1
                    if "immutable" not in response.headers.get("Cache-Control", ""):
                        problems.append(f"{ref}: Cache-Control {response.headers.get('Cache-Control')}")
        self.figures["static"] += len(todo)
        return problems, len(todo), hashed

    def check_pages(self):
        sitemap = self.client(source="127.0.0.10").get("/sitemap.xml")
        expect(sitemap.status_code == 200, f"sitemap.xml: {sitemap.status_code}")
        urls = set(re.findall(r"<loc>([^<]+)</loc>", sitemap.text)) | set(re.findall(r'href="([^"]+)"', sitemap.text))
        wrong = [url for url in urls if not url.startswith(self.origin + "/")]
        expect(not wrong, f"sitemap URLs on another host: {wrong[:3]}")
        year = self.setup["open_year"]
        forms = [
            "contact/", "subscribe/", "accounts/login/", "accounts/signup/", "accounts/password/reset/",
            "search/?q=Ош", "search/?q=a%00b", f"forum/{year}/register/", f"forum/{year}/outcome/propose/",
            "directory/me/", "me/",
        ]  # fmt: skip
        urls |= {f"{self.origin}/{lang}/{path}" for lang in LANGS for path in forms}
        problems, statuses = [], {}

        def walk(urls):
            # Each language from its own address: the directory's per-client limit is for people,
            # and this walks every page at once.
            for index, lang in enumerate(LANGS):
                mine = [url for url in urls if urlsplit(url).path.startswith(f"/{lang}/")]
                client = self.client(source=f"127.0.0.{11 + index}")
                p, s = self.fetch_pages(client, mine, lambda url, lang=lang: lang)
                problems.extend(p)
                for code, n in s.items():
                    statuses[code] = statuses.get(code, 0) + n
            rest = [url for url in urls if urlsplit(url).path.split("/")[1] not in LANGS]
            p, s = self.fetch_pages(self.client(source="127.0.0.14"), rest)
            problems.extend(p)
            for code, n in s.items():
                statuses[code] = statuses.get(code, 0) + n

        walk(sorted(urls))
        # Then every page those pages link to (programme, venue, photos, registrations, feeds,
        # directory entries, pagination...): a link that does not open is a broken page too.
        linked = sorted(set(self.links_seen) - urls)
        walk(linked)
        urls = sorted(urls) + linked
        # Sign-in with a provider that is not configured is a page that does not exist, not an error.
        providers = ["google", "facebook", "vk", "odnoklassniki", "mailru", "telegram"]
        missing = [f"/{lang}/accounts/{provider}/login/" for lang in LANGS for provider in providers]
        client = self.client(source="127.0.0.14")
        for path in missing:
            response = client.get(path)
            if response.status_code != 404:
                problems.append(f"{path}: {response.status_code}, not 404")
            problems += self.page_problems(path, response)
        urls += missing
        static_problems, static_count, hashed = self.check_static()
        self.figures["pages"] += len(urls)
        expect(set(statuses) == {200}, f"statuses {statuses}; {problems[:5]}")
        problems += static_problems
        cached = [f"{self.origin}/{lang}/{path}" for lang in LANGS for path in ("", "forum/", "news/")]
        problems += self.page_cache_problems(cached, form_page=f"{self.origin}/ru/contact/")
        expect(not problems, f"{len(problems)} problems: {problems[:5]}")
        return (
            f"{len(urls)} pages (sitemap, forms and the {len(linked)} pages they link to, in ky/ru/en: 200; "
            f"unconfigured providers' sign-in: 404) with headers; {static_count} static files "
            f"200 ({hashed} hashed, immutable); {len(cached)} anonymous pages from the page cache "
            "(public, no cookie, 304 on If-None-Match), a form page not kept"
        )

    def page_cache_problems(self, urls, form_page):
        """Anonymous pages come from the shared page cache through nginx, whichever app server
        answers: public Cache-Control, no cookie, the same ETag, 304 on If-None-Match; a page with
        a form is never kept (its CSRF token is the visitor's own)."""
        problems = []
        for url in urls:
            client = self.client(source="127.0.0.23")
            first, again = client.get(url), client.get(url)
            headers = again.headers
            if headers.get("X-Page-Cache") != "hit":
                problems.append(f"{url}: not from the page cache ({headers.get('X-Page-Cache')})")
            control = headers.get("Cache-Control", "")
            if "public" not in control or "s-maxage=" not in control or "Set-Cookie" in headers:
                problems.append(f"{url}: Cache-Control {control!r}, cookie {headers.get('Set-Cookie')}")
            if first.headers.get("ETag") != headers.get("ETag") or first.text != again.text:
                problems.append(f"{url}: the kept page differs from the first answer")
            revalidated = client.get(url, headers={"If-None-Match": headers.get("ETag", "")})
            if revalidated.status_code != 304 or revalidated.content:
                problems.append(f"{url}: If-None-Match answered {revalidated.status_code}")
        client = self.client(source="127.0.0.23")
        for response in (client.get(form_page), client.get(form_page)):
            if "X-Page-Cache" in response.headers or "public" in response.headers.get("Cache-Control", ""):
                problems.append(f"{form_page}: a page with a form was kept ({response.headers.get('Cache-Control')})")
        return problems

    def check_admin(self):
        staff = self.staff_client()
        # After the other checks, so that uploads, registrations and newsletters have change pages too.
        pages = self.django(ADMIN_CODE)
        urls = pages["urls"]
        problems, statuses = self.fetch_pages(staff, urls)
        static_problems, static_count, _ = self.check_static()
        self.figures["admin"] += len(urls)
        expect(set(statuses) == {200}, f"statuses {statuses}; {problems[:5]}")
        expect(not problems and not static_problems, f"{(problems + static_problems)[:5]}")
        empty, no_add = ", ".join(pages["empty"]) or "none", ", ".join(pages["no_add"]) or "none"
        return (
            f"{len(urls)} admin pages of {pages['models']} registered models 200 (changelist, add, change, "
            f"history); {static_count} more static files 200; no object to change: {empty}; no add page: {no_add}"
        )

    def check_uploads(self):
        staff = self.staff_client()

        def jpeg(size, colour):
            out = io.BytesIO()
            Image.new("RGB", size, colour).save(out, "JPEG", quality=90)
            return out.getvalue()

        # A photo, through the album's multiple-upload field of the admin's add form.
        page = staff.get("/admin/forum/album/add/")
        titles = {
            name: "Prod-check album"
            for name in find_form(page.text, lambda f: "upload" in f["files"])["names"]
            if name.startswith("title_")
        }
        response = staff.submit(
            page,
            lambda f: "upload" in f["files"],
            files=[("upload", ("prodcheck.jpg", jpeg((1800, 1200), (200, 40, 40)), "image/jpeg"))],
            edition=str(self.setup["edition_2016"]),
            _save="Save",
            **titles,
        )
        expect(
            response.status_code == 200 and response.final_url.endswith("/admin/forum/album/"),
            f"album upload: {response.status_code} {response.final_url}",
        )
        # A cover, through the article's change form (the rich-text body is a textarea there).
        article = self.setup["article"]
        page = staff.get(f"/admin/news/article/{article['pk']}/change/")
        response = staff.submit(
            page,
            lambda f: "cover" in f["files"],
            files=[("cover", ("cover.jpg", jpeg((2000, 1000), (30, 90, 160)), "image/jpeg"))],
            _save="Save",
        )
        expect(
            response.final_url.endswith("/admin/news/article/"),
            f"cover upload: {response.status_code} {response.final_url}",
        )

        # A speaker's photo, through the speaker's add form.
        page = staff.get("/admin/forum/person/add/")
        names = find_form(page.text, lambda f: "photo" in f["files"])["names"]
        response = staff.submit(
            page,
            lambda f: "photo" in f["files"],
            files=[("photo", ("speaker.jpg", jpeg((800, 800), (40, 160, 90)), "image/jpeg"))],
            _save="Save",
            **{name: "Айгуль Проверка" for name in names if name.startswith("name_")},
        )
        expect(response.final_url.endswith("/admin/forum/person/"), f"speaker upload: {response.final_url}")

        media = self.django(MEDIA_CODE)
        expect(media["photo_urls"] and media["cover_urls"], f"nothing stored: {media}")
        client = self.client(source="127.0.0.15")
        files = media["photo_urls"] + media["cover_urls"] + media["speaker_urls"]
        for url in files:
            response = client.get(url)
            headers = response.headers
            expect(
                response.status_code == 200 and headers["Content-Type"].startswith("image/"),
                f"{url}: {response.status_code} {headers.get('Content-Type')}",
            )
            expect(
                headers.get("X-Content-Type-Options") == "nosniff"
                and "sandbox" in headers.get("Content-Security-Policy", ""),
                f"{url}: media headers {dict(headers)}",
            )
        photos = client.get(f"/ky/forum/{media['year']}/photos/")
        expect(
            any(url in photos.text for url in media["photo_urls"]), "the photos page shows no thumbnail of the upload"
        )
        detail = client.get(f"/ru/news/{article['slug']}/")
        og = re.search(r'<meta property="og:image"\s+content="([^"]+)"', detail.text)
        expect(og and og.group(1).startswith(self.origin + "/media/"), f"og:image {og and og.group(1)}")
        expect(client.get(og.group(1)).status_code == 200, f"og:image {og.group(1)} does not open")
        expect(any(url in detail.text for url in media["cover_urls"]), "the article shows no cover")
        return (
            "admin forms: a photo (album), a cover (article), a speaker's photo; "
            f"{len(files)} files (originals and "
            "thumbnails) 200 through nginx with nosniff and a sandbox CSP; photos page, article and og:image "
            "show them"
        )

    def check_links(self, client, message):
        links = [link for link in mail_links(message) if link.startswith(self.origin)]
        for link in links:
            response = client.get(link)
            expect(response.status_code == 200, f"{link} in {message['Subject']!r}: {response.status_code}")
        self.figures["mails"] += 1
        return len(links)

    def check_mail(self):
        # Subscribe (in Kyrgyz), confirm from the letter, get a newsletter sent from the admin, unsubscribe.
        visitor = self.client(source="127.0.0.16")
        address = "reader@prodcheck.example"
        page = visitor.get("/ky/subscribe/")
        response = visitor.submit(page, lambda f: "email" in f["names"], email=address, news="on")
        expect(
            response.final_url.endswith("/ky/subscribe/sent/") and response.status_code == 200,
            f"subscribe: {response.final_url}",
        )
        letter = self.mailbox.wait(mail_to(address), what="the confirmation letter")
        confirm = [link for link in mail_links(letter) if "/subscribe/confirm/" in link]
        expect(confirm and confirm[0].startswith(self.origin + "/"), f"confirmation links {mail_links(letter)}")
        page = visitor.get(confirm[0])
        response = visitor.submit(
            page, lambda f: f["method"] == "post" and "/confirm/" in (f["action"] or page.final_url)
        )
        expect(response.status_code == 200, f"confirming: {response.status_code}")
        state = self.django(
            f"from news.models import Subscription\nresult = Subscription.objects.get(email={address!r}).status"
        )
        expect(state == "confirmed", f"subscription is {state}")
        self.figures["mails"] += 1

        staff = self.staff_client()
        page = staff.get("/admin/news/newsletter/add/")
        form = find_form(page.text, lambda f: "topic" in f["names"])
        texts = {name: f"Prod-check {name}" for name in form["names"] if name.startswith(("subject_", "body_"))}
        response = staff.submit(page, lambda f: "topic" in f["names"], topic="news", _continue="1", **texts)
        match = re.search(r"/admin/news/newsletter/(\d+)/change/", response.final_url)
        expect(match, f"newsletter not saved: {response.final_url}")
        page = staff.get(f"/admin/news/newsletter/{match.group(1)}/send/")
        response = staff.submit(page, lambda f: f["method"] == "post" and "/send/" in (f["action"] or page.final_url))
        expect(response.status_code == 200, f"sending: {response.status_code}")
        letter = self.mailbox.wait(
            lambda m: mail_to(address)(m) and "Prod-check" in m["Subject"], what="the newsletter"
        )
        expect(letter["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click", "no List-Unsubscribe-Post")
        target = re.search(r"<(https://[^>]+)>", letter["List-Unsubscribe"] or "")
        expect(
            target and target.group(1).startswith(self.origin + "/"), f"List-Unsubscribe {letter['List-Unsubscribe']}"
        )
        # RFC 8058: the mail program posts with no cookie and no token of ours.
        mail_program = self.client(source="127.0.0.17")
        response = mail_program.request("POST", target.group(1), data={"List-Unsubscribe": "One-Click"})
        expect(response.status_code == 200, f"one-click unsubscribe: {response.status_code}")
        state = self.django(
            f"from news.models import Subscription\nresult = Subscription.objects.get(email={address!r}).status"
        )
        expect(state == "unsubscribed", f"after one-click the subscription is {state}")
        self.figures["mails"] += 1

        # A registration: its letter's links and its .ics.
        member = self.client(source="127.0.0.18")
        self.sign_in(member, MEMBER_EMAIL)
        page = member.get(f"/ru/forum/{self.setup['open_year']}/register/")
        response = member.submit(
            page,
            lambda f: "privacy_consent" in f["names"],
            first_name="Айгуль",
            last_name="Проверка",
            country="DE",
            city="Berlin",
            phone="+4915112345678",
            privacy_consent="on",
        )
        # Success returns to the registration page (200); a form error answers 400.
        expect(
            response.status_code == 200,
            f"registering: {response.status_code} {response.final_url}",
        )
        letter = self.mailbox.wait(mail_to(MEMBER_EMAIL), what="the registration letter")
        opened = self.check_links(member, letter)
        ics = [part for part in letter.walk() if part.get_content_type() == "text/calendar"]
        expect(ics, "the registration letter has no .ics")
        calendar = ics[0].get_content()
        calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
        urls = re.findall(r"^URL[^:]*:(\S+)", calendar.replace("\r\n ", ""), re.M)
        expect(urls and all(url.startswith(self.origin + "/") for url in urls), f".ics URLs {urls}")
        for url in urls:
            expect(member.get(url).status_code == 200, f".ics link {url} does not open")
        feed = member.get(f"/ru/forum/{self.setup['open_year']}/calendar.ics")
        expect(feed.status_code == 200 and "BEGIN:VCALENDAR" in feed.text, f"calendar.ics: {feed.status_code}")
        return (
            f"subscribe → letter → confirm on {self.origin} → newsletter from the admin through the worker → "
            f"one-click unsubscribe; registration letter: {opened} links and the .ics open"
        )

    def check_members(self):
        """A member's own writes: a comment, a proposal to the outcome document, a directory entry."""
        member = self.client(source="127.0.0.22")
        self.sign_in(member, MEMBER_EMAIL)
        article = self.setup["article"]["slug"]
        page = member.get(f"/ru/news/{article}/")
        response = member.submit(page, lambda f: "body" in f["names"], body="Спасибо за новость! Проверка.")
        expect(response.status_code == 200 and article in response.final_url, f"comment: {response.status_code}")
        page = member.get(f"/ru/forum/{self.setup['open_year']}/outcome/propose/")
        target = re.search(r'<option value="((?:item|section)-\d+)"', page.text)
        expect(target, "the proposal form offers nothing to amend")
        response = member.submit(
            page,
            lambda f: "reason" in f["names"],
            target=target.group(1),
            text="Дополнить пункт упоминанием молодёжных объединений.",
            reason="Проверка производственной конфигурации.",
        )
        expect(
            response.status_code == 200 and "/proposals/" in response.final_url,
            f"proposal: {response.status_code} {response.final_url}",
        )
        page = member.get("/ru/directory/me/")
        response = member.submit(
            page, lambda f: "consent" in f["names"], display_name="Айгуль П.", country="DE", city="Berlin", consent="on"
        )
        expect(
            response.status_code == 200 and response.final_url.endswith("/ru/directory/me/"),
            f"directory entry: {response.status_code} {response.final_url}",
        )
        counts = self.django(
            "from diaspora.models import DirectoryEntry\n"
            "from forum.models import Proposal\n"
            "from news.models import Comment\n"
            "result = [Comment.objects.count(), Proposal.objects.count(), DirectoryEntry.objects.count()]"
        )
        expect(all(counts), f"not stored: comments, proposals, entries = {counts}")
        return "a member commented, proposed an amendment and created a directory entry through nginx"

    def check_sessions(self):
        one = self.direct(self.ports["web1"], "127.0.0.31")
        self.sign_in(one, SESSION_EMAIL)
        old = dict(one.cookies)
        other = self.direct(self.ports["web2"], "127.0.0.31")
        other.cookies = dict(old)
        expect(
            other.get("/en/me/").final_url.endswith("/en/me/"), "the session of one app server is unknown to the other"
        )
        page = other.get("/en/accounts/logout/")
        response = other.submit(page, lambda f: f["method"] == "post" and "logout" in (f["action"] or page.final_url))
        expect("sessionid" not in other.cookies, f"sign-out kept the session ({response.final_url})")
        refused = 0
        for port in (self.ports["web1"], self.ports["web2"]) * 10:
            replay = self.direct(port, "127.0.0.31")
            replay.cookies = dict(old)
            response = replay.get("/en/me/", follow=False)
            expect(
                response.status_code == 302 and "/accounts/login/" in response.headers["Location"],
                f"the old cookie still opens /en/me/ on :{port}",
            )
            refused += 1
        return (
            f"signed in on :{self.ports['web1']}, out on :{self.ports['web2']}; old cookie refused "
            f"{refused}/{refused} times by both"
        )

    def contact(self, client, n):
        page = client.get("/ru/contact/")
        return client.submit(
            page,
            lambda f: "message" in f["names"],
            name="Проверка",
            email=f"contact{n}@prodcheck.example",
            message=f"Письмо {n} от проверки производственной конфигурации.",
            follow=False,
        )

    def check_ratelimit(self):
        limit = 5  # forum.views.CONTACT_LIMIT
        # One client (127.0.0.40, as nginx reports it) alternating between the two app servers.
        servers = [self.direct(self.ports["web1"], "127.0.0.40"), self.direct(self.ports["web2"], "127.0.0.40")]
        for n in range(limit):
            response = self.contact(servers[n % 2], n)
            expect(response.status_code == 302, f"contact {n + 1} of {limit}: {response.status_code}")
        response = self.contact(servers[limit % 2], limit)
        expect(response.status_code == 429, f"contact {limit + 1} on the other server: {response.status_code}, not 429")
        # The same client through nginx, claiming another address: still limited.
        forger = self.client(source="127.0.0.40")
        forger.headers["X-Forwarded-For"] = "203.0.113.7"
        response = self.contact(forger, 99)
        expect(response.status_code == 429, f"a forged X-Forwarded-For escapes the limit: {response.status_code}")
        # Another client, connecting from 127.0.0.41: not limited by the first.
        response = self.contact(self.client(source="127.0.0.41"), 100)
        expect(response.status_code == 302, f"a second client is limited by the first: {response.status_code}")
        return (
            f"{limit} posts across both app servers, the next 429; forged X-Forwarded-For 429; 127.0.0.41 not limited"
        )

    def check_browser(self):
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
        # The directory's map shows associations with coordinates: staff add one in the admin.
        staff = self.staff_client()
        page = staff.get("/admin/diaspora/association/add/")
        names = find_form(page.text, lambda f: "latitude" in f["names"])["names"]
        response = staff.submit(
            page,
            lambda f: "latitude" in f["names"],
            country="DE",
            city="Berlin",
            latitude="52.520008",
            longitude="13.404954",
            _save="Save",
            **{name: "Prod-check Kyrgyz society" for name in names if name.startswith("name_")},
        )
        expect(response.final_url.endswith("/admin/diaspora/association/"), f"association: {response.final_url}")
        pages = [f"/en/forum/{self.setup['venue_year']}/venue/", "/ru/directory/"]
        problems, markers = [], 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=flags
            )
            try:
                context = browser.new_context(ignore_https_errors=True)
                page = context.new_page()
                page.on(
                    "response",
                    lambda r: (
                        r.url.startswith(self.origin) and r.status >= 400 and problems.append(f"{r.url}: {r.status}")
                    ),
                )
                page.on(
                    "requestfailed", lambda r: r.url.startswith(self.origin) and problems.append(f"{r.url}: failed")
                )
                page.on(
                    "console",
                    lambda m: m.type == "error" and "Content Security Policy" in m.text and problems.append(m.text),
                )
                for path in pages:
                    page.goto(self.origin + path)
                    page.wait_for_selector(".leaflet-marker-icon", timeout=15000)
                    page.wait_for_function(
                        "[...document.querySelectorAll('.leaflet-marker-icon')].every(i => i.complete)"
                    )
                    ok = page.evaluate(
                        "[...document.querySelectorAll('img.leaflet-marker-icon')]"
                        ".filter(i => i.naturalWidth > 0).length"
                    )
                    expect(ok > 0, f"{path}: no marker image loaded")
                    markers += ok
            finally:
                browser.close()
        expect(not problems, f"{problems[:5]}")
        return (
            f"Chromium: {len(pages)} map pages, {markers} marker images loaded, no failed request or CSP "
            "error on our origin"
        )

    # --- Under load -------------------------------------------------------------------------------

    def load(self):
        return Load(self, ["/ky/", "/ru/forum/2016/", "/en/news/", "/ky/forum/2016/outcome/", "/ru/forum/"])

    def worker_pids(self, name):
        out = run(["ps", "-o", "pid=", "--ppid", str(self.procs.pid(name))], check=False).stdout
        return {int(pid) for pid in out.split()}

    def check_reload(self):
        with self.load() as load:
            load.settle(100)
            before = {name: self.worker_pids(name) for name in ("web1", "web2")}
            for name in before:
                os.kill(self.procs.pid(name), signal.SIGHUP)

            def reloaded():
                return all(
                    not (self.worker_pids(name) & old) and len(self.worker_pids(name)) == 2
                    for name, old in before.items()
                )

            wait(reloaded, 40, "gunicorn's reload")
            reloaded_at = time.monotonic()
            load.settle(load.count() + 200)
        after = len(load.since(reloaded_at))
        failures = load.failures()
        expect(not failures, f"{len(failures)} failed requests of {load.count()}: {failures[:3]}")
        expect(after >= MIN_AFTER, f"only {after} requests after the reload (machine too busy to tell)")
        return (
            f"HUP to both app servers under 20 clients: all workers replaced, {load.count()} requests "
            f"({after} after the new workers were up), 0 failed"
        )

    def check_postgres(self):
        health_while_down = None
        with self.load() as load:
            load.settle(100)
            down_at = time.monotonic()
            run([*pg_cluster(), "stop", "-m", "fast"])
            try:
                health_while_down = self.client().get("/healthz")
            finally:
                run([*pg_cluster(), "start"])
                wait(pg_ready, 60, "PostgreSQL after the restart")
            up_at = time.monotonic()
            load.settle(load.count() + 300)
        during = [f for f in load.failures() if f[0] < up_at]
        after = [f for f in load.failures() if f[0] >= up_at]
        body = health_while_down.json() if health_while_down is not None else {}
        expect(
            health_while_down.status_code == 503 and body.get("database") == "error",
            f"healthz while down: {health_while_down.status_code} {body}",
        )
        expect(not after, f"{len(after)} errors after PostgreSQL was back: {after[:3]}")
        served_after = len(load.since(up_at))
        expect(served_after >= MIN_AFTER, f"only {served_after} requests after the restart (machine too busy to tell)")
        return (
            f"{load.count()} requests; {len(during)} errors while down ({up_at - down_at:.1f} s, healthz 503 "
            f"database), 0 of {served_after} after"
        )

    def check_smtp(self):
        """With the SMTP server down, actions that send mail answer their success pages; the
        letters leave once it is back (the worker retries them)."""
        self.procs.stop("smtp")
        worker_log = self.logs / "worker.log"
        log_start = worker_log.stat().st_size
        visitor = self.client(source="127.0.0.50")
        address = "while-down@prodcheck.example"
        problems, expected = [], []
        try:
            page = visitor.get("/ru/subscribe/")
            response = visitor.submit(page, lambda f: "email" in f["names"], email=address, news="on")
            if response.status_code == 200 and response.final_url.endswith("/subscribe/sent/"):
                expected.append(("the subscription's confirmation", mail_to(address)))
            else:
                problems.append(f"subscribe: {response.status_code} {response.final_url}")
            response = self.contact(visitor, 500)
            if response.status_code == 302:
                expected.append(("the contact request", lambda m: "contact500@prodcheck.example" in mail_text(m)))
            else:
                problems.append(f"contact: {response.status_code}")
            page = visitor.get("/ru/accounts/password/reset/")
            response = visitor.submit(page, lambda f: "email" in f["names"], email=MEMBER_EMAIL)
            if response.status_code == 200 and "/done/" in response.final_url:
                expected.append(("the password reset", mail_to(MEMBER_EMAIL)))
            else:
                problems.append(f"password reset: {response.status_code} {response.final_url}")

            # The server stays down until the worker has tried each letter and failed: what is
            # checked is the retry, not a worker that happened to come after the restart.
            def retries():
                with worker_log.open("rb") as out:
                    out.seek(log_start)
                    return out.read().count(b" retry: Retry in ")

            try:
                wait(lambda: retries() >= len(expected), 60, "the worker's retries while SMTP is down")
            except RuntimeError as error:
                problems.append(f"{error} ({retries()} retries logged)")
        finally:
            self.start_smtp()
        started = time.monotonic()
        for what, predicate in expected:
            try:
                self.mailbox.wait(predicate, timeout=240, what=what)
            except RuntimeError as error:
                problems.append(str(error))
        expect(not problems, f"with SMTP down: {problems}")
        return (
            "subscribe, contact and password reset answered their success pages with SMTP down; all "
            f"{len(expected)} letters arrived {time.monotonic() - started:.0f} s after it came back"
        )

    def check_healthz(self):
        client = self.client()
        response = client.get("/healthz")
        expect(
            response.status_code == 200
            and response.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"},
            f"healthz {response.status_code} {response.text[:200]}",
        )
        self.procs.stop("redis")
        try:
            down = client.get("/healthz")
        finally:
            self.start_redis()
        body = down.json() if down.status_code in (200, 503) else {}
        expect(
            down.status_code == 503 and body.get("cache") == "error" and body.get("broker") == "error",
            f"healthz without Redis: {down.status_code} {body}",
        )
        wait(lambda: client.get("/healthz").status_code == 200, 30, "healthz after Redis came back")
        return (
            "200 with database, cache and broker ok; 503 naming cache and broker without Redis (and database "
            "while PostgreSQL was down); 200 again after"
        )

    def needs(self, *names):
        """Run the checks whose data this one needs (for --only), once."""
        for name in names:
            if name not in {done for done, _ in self.results} | self.prepared:
                self.prepared.add(name)
                getattr(self, f"check_{name}")()

    def check_backup(self):
        self.needs("uploads", "mail")  # photos, covers, registrations and subscriptions to restore
        backups = self.tmp / "backups"
        env = {**self.env}
        files = run([str(DEPLOY / "backup.sh"), str(backups)], env=env).stdout.split()
        psql(f"CREATE DATABASE {RESTORE_DB_NAME} OWNER {DB_USER};")
        restored = {
            **self.env,
            "DATABASE_URL": self.database_url(RESTORE_DB_NAME),
            "MEDIA_ROOT": str(self.tmp / "media-restored"),
        }
        run([str(DEPLOY / "restore.sh"), *files], env=restored)
        before, after = self.django(COUNT_CODE), self.django(COUNT_CODE, env=restored)
        expect(before == after, f"counts differ: {before} → {after}")
        expect(before["registrations"] and before["files"] and before["photos"], f"nothing worth a backup: {before}")
        return f"pg_dump + media tarball → fresh database and directory: {before} equal"

    def check_mailhosts(self):
        problems, count = [], 0
        host = urlsplit(self.origin).netloc
        for path, message in self.mailbox.all():
            count += 1
            raw = path.read_text(errors="replace")
            if "127.0.0.1:8000" in raw:
                problems.append(f"{message['Subject']}: 127.0.0.1:8000")
            for link in mail_links(message):
                netloc = urlsplit(link).netloc
                if netloc != host and re.match(r"(127\.|localhost|testserver|example\.)", netloc):
                    problems.append(f"{message['Subject']}: {link}")
        expect(count and not problems, f"{count} letters; {problems[:5]}")
        return f"{count} letters, every link to the site on {self.origin}"


class Load:
    """20 clients through nginx from 127.0.0.1, for at most 60 s; each request's start and result kept."""

    def __init__(self, check, paths, clients=20, limit=60):
        self.check, self.paths, self.clients, self.limit = check, paths, clients, limit
        self.results, self.stop = [], threading.Event()

    def __enter__(self):
        self.started = time.monotonic()
        self.threads = [threading.Thread(target=self.run, args=(i,)) for i in range(self.clients)]
        for thread in self.threads:
            thread.start()
        return self

    def run(self, index):
        client = self.check.client()
        n = index
        while not self.stop.is_set() and time.monotonic() - self.started < self.limit:
            path = self.paths[n % len(self.paths)]
            n += 1
            at = time.monotonic()
            try:
                status = client.get(path, follow=False).status_code
            except Exception as error:  # a refused or reset connection is a failed request
                status = type(error).__name__
            self.results.append((at, path, status))

    def settle(self, n):
        """Let the clients run until `n` requests in all, or until the time limit (a busy machine)."""
        deadline = self.started + self.limit
        while self.count() < n and time.monotonic() < deadline:
            time.sleep(0.2)

    def since(self, moment):
        return [r for r in self.results if r[0] >= moment]

    def count(self):
        return len(self.results)

    def failures(self):
        return [r for r in self.results if r[2] != 200]

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()


# --- Code run in `manage.py shell` (the production settings and database) -------------------------

SETUP_CODE = """
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from forum.models import Edition
from news.models import Article

User = get_user_model()
people = {}
accounts = [
    ("staff@prodcheck.example", True),
    ("member@prodcheck.example", False),
    ("session@prodcheck.example", False),
]
for email, staff in accounts:
    user = User.objects.create_user(username=email.split("@")[0], email=email, password="@@PASSWORD@@")
    user.is_staff = user.is_superuser = staff
    user.save()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    people[email] = user
secret = generate_totp_secret()
TOTP.activate(people["staff@prodcheck.example"], secret)

article = Article.objects.published().order_by("-published_at").first()
result = {
    "totp_secret": secret,
    "open_year": next(e.year for e in Edition.objects.order_by("-year") if e.registration_is_open()),
    "venue_year": 2016,
    "edition_2016": Edition.objects.get(year=2016).pk,
    "article": {"pk": article.pk, "slug": article.slug},
}
"""

ADMIN_CODE = """
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

# Every page of every model the admin registers: its own registry, not a list of ours.
request = RequestFactory().get("/admin/")
request.user = get_user_model().objects.get(email="staff@prodcheck.example")
urls, empty, no_add = [], [], []
for model, model_admin in admin.site._registry.items():
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    urls.append(reverse(f"{name}_changelist"))
    if model_admin.has_add_permission(request):
        urls.append(reverse(f"{name}_add"))
    else:
        no_add.append(model._meta.label)
    obj = model._default_manager.order_by("pk").first()
    if obj is None:
        empty.append(model._meta.label)
    else:
        urls.append(reverse(f"{name}_change", args=[obj.pk]))
        urls.append(reverse(f"{name}_history", args=[obj.pk]))
result = {"urls": urls, "models": len(admin.site._registry), "empty": empty, "no_add": no_add}
"""

MEDIA_CODE = """
from forum.models import Person, Photo
from news.models import Article, COVER_WIDTHS

photo = Photo.objects.select_related("album__edition").latest("pk")
article = Article.objects.exclude(cover="").latest("updated_at" if hasattr(Article, "updated_at") else "pk")
result = {
    "speaker_urls": [person.photo.url for person in Person.objects.exclude(photo="")],
    "year": photo.album.edition.year,
    "photo_urls": [photo.image.url] + [url for url, width in photo.thumbnails],
    "cover_urls": [article.cover.url] + [article.cover_url(width) for width in COVER_WIDTHS],
}
"""

COUNT_CODE = """
import os
from django.conf import settings
from django.contrib.auth import get_user_model
from forum.models import Edition, Item, Photo, Registration
from news.models import Article, Subscription

result = {
    "editions": Edition.objects.count(),
    "items": Item.objects.count(),
    "registrations": Registration.objects.count(),
    "photos": Photo.objects.count(),
    "covers": Article.objects.exclude(cover="").count(),
    "subscriptions": Subscription.objects.count(),
    "users": get_user_model().objects.count(),
    "files": sum(len(files) for _, _, files in os.walk(settings.MEDIA_ROOT)),
}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help=f"comma-separated checks of: {', '.join(CHECKS)}")
    parser.add_argument("--keep", action="store_true", help="leave the stack running until Enter is pressed")
    parser.add_argument("--smtp", nargs=2, metavar=("PORT", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.smtp:
        return smtp_server(int(args.smtp[0]), args.smtp[1])
    only = {name for name in args.only.split(",") if name}
    unknown = only - set(CHECKS)
    if unknown:
        parser.error(f"unknown checks {sorted(unknown)}")

    check = ProdCheck(args)
    # SIGTERM (CI's timeout), SIGHUP and Ctrl-C all end in the finally below, which stops every
    # process; atexit covers an exit from anywhere else (stopping twice is harmless).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
    atexit.register(check.down)
    failed = True
    try:
        try:
            check.up()
        except Exception as error:
            check.results.append(("setup", False))
            log(f"FAIL setup: {error}")
            traceback.print_exc()
        else:
            check.run_checks(only)
            if args.keep:
                input(f"stack running ({check.origin}); Enter stops it ")
        failures = sum(1 for _, ok in check.results if not ok)
        f = check.figures
        log(
            f"TOTAL: {len(check.results)} checks, {failures} failed; pages {f['pages']}, static files {f['static']}, "
            f"admin pages {f['admin']}, mails followed {f['mails']}"
        )
        failed = failures > 0
    finally:
        check.down()
        if failed:
            log(f"logs kept in {check.logs}; databases {DB_NAME} and {RESTORE_DB_NAME} kept")
        else:
            shutil.rmtree(check.tmp, ignore_errors=True)
            if pg_ready():
                psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE); DROP DATABASE IF EXISTS {RESTORE_DB_NAME};")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
