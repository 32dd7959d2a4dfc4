"""gunicorn settings of the app servers (`gunicorn --config deploy/gunicorn.conf.py mekendeshter.wsgi`).

One gunicorn per port behind nginx (deploy/nginx/mekendeshter.conf lists them); `kill -HUP` reloads
the code with no failed request (new workers start before the old ones finish their requests).
"""

import os

# nginx reaches the app servers on the loopback only.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1) + 1))
# nginx buffers slow clients, so sync workers only ever wait for the database and the cache.
worker_class = "sync"
timeout = 30
# Longer than a request may take: a reload or a stop lets running requests finish.
graceful_timeout = 35
# X-Forwarded-Proto is trusted from nginx on this machine only (Django trusts it through
# DJANGO_BEHIND_PROXY; gunicorn uses it for wsgi.url_scheme).
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
errorlog = "-"
