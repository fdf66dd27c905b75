"""WSGI entry point for gunicorn (``config.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

application = get_wsgi_application()

# Load jieba's dictionary now, in gunicorn's master (preload_app), so workers share it.
from search.analysis import initialize  # noqa: E402

initialize()
