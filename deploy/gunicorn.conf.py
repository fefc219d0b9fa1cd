"""gunicorn settings for the microsite: `gunicorn -c deploy/gunicorn.conf.py`.

Every value can be overridden from the environment (GUNICORN_WORKERS, …) or on
the command line. See deploy/README.md.
"""

import multiprocessing
import os

wsgi_app = "microsite.wsgi:application"

# nginx (deploy/nginx.conf) proxies to this address; nothing else should reach it.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# The usual starting point for synchronous workers: 2 × cores + 1. Each worker keeps
# one database connection open for CONN_MAX_AGE seconds (set CONN_MAX_AGE=60 with
# PostgreSQL: opening a connection per request makes pages about 3× slower), so
# PostgreSQL's max_connections must exceed workers × app servers.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Behind nginx, which buffers slow clients: sync workers. Without a proxy
# (deploy/README.md), GUNICORN_WORKER_CLASS=gthread with a few threads per worker:
# visitors' browsers keep their connections open (keep-alive) and one slow client
# no longer holds a whole worker, as gunicorn's documentation advises.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
# nginx keeps upstream connections open (upstream keepalive); browsers do too
# when gunicorn faces them (gthread).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))

# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200

# Load the app once in the master: faster start, memory shared between workers.
preload_app = True

# The proxy sets X-Forwarded-For/Proto; trust it only from the local nginx.
forwarded_allow_ips = "127.0.0.1"

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
