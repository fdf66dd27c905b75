"""gunicorn settings for the archive: ``gunicorn -c deploy/gunicorn.conf.py config.wsgi``.

The bind address and worker count come from the environment so one file serves the demo and a
production host alike.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 - 1))
# Load the application once in the master, so workers share what it loads at import.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
