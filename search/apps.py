from django.apps import AppConfig
from django.conf import settings


class SearchConfig(AppConfig):
    """Full-text search of paragraphs and footnotes (django-haystack with Whoosh and jieba)."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from .analysis import configure

        configure(settings.JIEBA_CACHE_DIR)
