"""Settings shared by every environment; each value that differs comes from the environment.

``dev`` (the default), ``test`` and ``prod`` build on this module.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    if not url.startswith(("postgres://", "postgresql://")):
        raise ImproperlyConfigured("DATABASE_URL must be a PostgreSQL URL (postgresql://…).")
    # Persistent connections, checked at the start of each request: a server restarted behind
    # the archive costs the requests made while it is down, not a restart of the workers.
    return dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )


# --- Core -------------------------------------------------------------------------------------

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    # Before haystack: its rebuild_index is replaced by one that builds beside the live index.
    "search",
    "haystack",
    "resolutions",
    "web",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it is the first to see a view's exception.
    "config.middleware.DatabaseUnavailableMiddleware",
]

# --- Security headers ---------------------------------------------------------------------------
# Everything the pages load comes from the archive itself, and no page runs inline script: text
# imported from a file can never become code. The one inline style is the stand-alone 500 page's
# (templates/500.html), allowed by its hash. Frames: none, ever.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'sha256-UcyziMjIktC/icFnPlYsEeX2cQvaXYohLK2HmFtH0Ew='"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing on the site takes large input: the admin's forms are the only ones that post (a
# long resolution's paragraphs, three fields each, on one page).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The admin, for corrections, behind login; its path can be moved away from the default.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")

# --- Database ---------------------------------------------------------------------------------
# Each environment sets DATABASES: prod from DATABASE_URL only, dev and test from DATABASE_URL or
# the embedded server (config.embedded_postgres).

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Search -----------------------------------------------------------------------------------

# The engine: "whoosh" (the default, for the demo and archives up to about 100,000 paragraphs) or
# "tantivy" (compiled, for the whole record). Both hold the same documents and find the same hits.
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "whoosh").strip().lower()
if SEARCH_ENGINE not in ("whoosh", "tantivy"):
    raise ImproperlyConfigured(f"SEARCH_ENGINE must be whoosh or tantivy, not {SEARCH_ENGINE!r}.")
SEARCH_INDEX_DIR = Path(
    os.environ.get("SEARCH_INDEX_DIR", BASE_DIR / "var" / f"{SEARCH_ENGINE}_index")
)
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": f"search.engines.{SEARCH_ENGINE}.{SEARCH_ENGINE.capitalize()}SearchEngine",
        "PATH": str(SEARCH_INDEX_DIR),
        # Spelling suggestions are very slow on Whoosh and of little use for Chinese.
        "INCLUDE_SPELLING": False,
    },
}
# Indexing happens in the importer, after its transaction commits, never from request handlers.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
# Every document in the index is a paragraph or a footnote, both registered: haystack's filter on
# registered models would only match and score the whole index again on every query.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
# The importer indexes what it stored; a bulk load may turn this off and run rebuild_index after.
SEARCH_INDEX_ON_IMPORT = env_bool("SEARCH_INDEX_ON_IMPORT", True)
# jieba's dictionary cache, kept with the project's other local data.
JIEBA_CACHE_DIR = BASE_DIR / "var" / "jieba"

# --- Internationalisation -----------------------------------------------------------------------

# The interface speaks Chinese first with English beside it; the texts carry their own lang.
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files -------------------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
# WhiteNoise serves static files from gunicorn: from STATIC_ROOT after collectstatic, with hashed
# names that browsers may cache for a year (while DEBUG is on, straight from STATICFILES_DIRS).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False

# --- The archive ------------------------------------------------------------------------------

# Where `make demo` finds resolution files to import.
CORPUS_DIR = Path(os.environ.get("CORPUS_DIR", BASE_DIR.parent / "shared" / "corpus"))
# Where export_bulk (and import_resolutions after an import) writes the whole archive as one
# file, served at /downloads/.
BULK_DIR = Path(os.environ.get("BULK_DIR", BASE_DIR / "var" / "bulk"))
# Resolution and paragraph pages, kept once rendered until an import or a correction changes
# them (web.page_cache): files shared by every server process on the machine.
PAGE_CACHE_DIR = Path(os.environ.get("PAGE_CACHE_DIR", BASE_DIR / "var" / "cache" / "pages"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(PAGE_CACHE_DIR),
        "TIMEOUT": None,
        # Every language version and paragraph of a large archive; a full cache forgets a
        # third of its pages, which are rendered again when asked for.
        "OPTIONS": {"MAX_ENTRIES": 200_000},
    },
}

# JSON lines on stdout (time, level, logger, message, exception), like gunicorn's own logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # jieba announces its dictionary loading on every start; only its problems matter.
    "loggers": {"jieba": {"level": "WARNING"}, "pgserver": {"level": "WARNING"}},
}
