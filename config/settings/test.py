"""Settings for the test suite (selected by pytest's configuration in pyproject.toml).

Tests use real PostgreSQL (``DATABASE_URL`` or the embedded server) in a test database that the
run creates and drops, and a search index in a temporary directory.
"""

import tempfile
from pathlib import Path

from .dev import *  # noqa: F403
from .dev import HAYSTACK_CONNECTIONS

DEBUG = False
# Pages render without a collectstatic run; the hashed names are tested on their own.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
# Only the search tests index (their fixture turns this on): indexing is jieba's slow part.
SEARCH_INDEX_ON_IMPORT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="unarchive-test-index-"))
BULK_DIR = Path(tempfile.mkdtemp(prefix="unarchive-test-bulk-"))
HAYSTACK_CONNECTIONS["default"]["PATH"] = str(SEARCH_INDEX_DIR)
# Kept in the test process (and the live server's thread), emptied before each test.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
