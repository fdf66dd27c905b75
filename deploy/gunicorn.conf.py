"""gunicorn settings for the archive: ``gunicorn -c deploy/gunicorn.conf.py config.wsgi``.

The bind address and worker count come from the environment, so one file serves the demo
(``127.0.0.1:$PORT``) and a production host behind nginx
(``GUNICORN_BIND=unix:/run/un-archive/gunicorn.sock``, see deploy/README.md).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: requests are short and nginx buffers slow clients, so a worker is never held by
# the network. Each worker uses its own database connection.
workers = int(os.environ.get("WEB_CONCURRENCY", max(1, multiprocessing.cpu_count() * 2 - 1)))
# Load the application once in the master, so workers share what it loads at import (jieba's
# dictionary among it). Code changes therefore need a restart, not a reload.
preload_app = True

# --- Timeouts ---------------------------------------------------------------------------------
# A worker silent for this long is killed and replaced; nginx's proxy_read_timeout is longer, so
# the visitor sees gunicorn's answer (or a 502), not nginx's own timeout.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On stop or restart, requests in progress get this long to finish.
graceful_timeout = 20
# Seconds an idle keep-alive connection stays open (used by asynchronous worker classes; sync
# workers close each connection after its response).
keepalive = 5

# --- Request limits ---------------------------------------------------------------------------
# A search's URL carries its query: the 1,000 characters the search takes (search.forms.MAX_QUERY)
# are some 9,000 bytes of Chinese percent-encoded, 12,000 of characters beyond the BMP, and the
# page a search leads to sends that URL back as its Referer. The site answers a query of any
# length with its own page (a 400 past the limit), so such requests must reach it: header fields
# up to nginx's 16 KB buffers (large_client_header_buffers 4 16k), a larger one refused with
# 431. gunicorn bounds a request line at 8190 bytes at most, or not at all (0): it is left to
# nginx, which refuses a line longer than 16 KB with 414; served without nginx (make demo), a
# worker reading an endless line is stopped by the worker timeout.
limit_request_line = 0
limit_request_fields = 100
limit_request_field_size = 16384

# --- Logging ----------------------------------------------------------------------------------
# JSON lines on stdout (config/logging.py): the access log has one line per request with its
# status, size and duration in milliseconds; the error log holds gunicorn's own messages.
# --access-logformat on the command line replaces the JSON access line with that format.
logger_class = "config.logging.GunicornJsonLogger"
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# --- Control socket ---------------------------------------------------------------------------
# gunicorn's control socket (for `gunicornc`) only where one is asked for: production puts it in
# /run/un-archive. gunicorn's default, in the user's home directory, is read-only to the service
# and would be shared by every gunicorn the same user runs (demo, benchmarks, tests).
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
