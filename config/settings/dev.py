"""Development settings: the default for manage.py, `make demo` and local work.

Without ``DATABASE_URL`` the embedded PostgreSQL server in ``var/pgdata`` is started on demand.
"""

import os

from .base import *  # noqa: F403
from .base import database_from_url, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
WHITENOISE_USE_FINDERS = DEBUG
# A development-only key; production settings refuse to start without a real one.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    from config.embedded_postgres import database_url

    return database_url()


DATABASES = {"default": database_from_url(_database_url())}
