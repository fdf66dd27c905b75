"""Settings for the benchmarks (``make bench``): the archive as production runs it, on a database
and search index of its own so a benchmark never touches the demo's data.

The database is ``archive_bench`` on the server ``DATABASE_URL`` names (or the embedded one), the
search index is under ``var/bench/index``; both are recreated by each run of ``bench.run``.
"""

import os
from pathlib import Path

from .dev import *  # noqa: F403
from .dev import BASE_DIR, CACHES, DATABASES, HAYSTACK_CONNECTIONS

DEBUG = False
SECRET_KEY = "bench-only-key-for-a-loopback-server-never-deployed"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The benchmark's own URLs add a minimal view to compare the archive's pages with.
ROOT_URLCONF = "bench.urls"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # pages are measured without a collectstatic run

BENCH_DIR = Path(os.environ.get("BENCH_DIR", BASE_DIR / "var" / "bench"))
DATABASES["default"]["NAME"] = os.environ.get("BENCH_DATABASE", "archive_bench")
SEARCH_INDEX_DIR = BENCH_DIR / "index"
BULK_DIR = BENCH_DIR / "bulk"
CACHES["pages"]["LOCATION"] = str(BENCH_DIR / "pages")
HAYSTACK_CONNECTIONS["default"]["PATH"] = str(SEARCH_INDEX_DIR)
# Requests are timed, not logged line by line.
LOGGING = {"version": 1, "disable_existing_loggers": False}
