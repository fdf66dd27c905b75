from django.apps import AppConfig
from django.conf import settings


class SearchConfig(AppConfig):
    """Full-text search of paragraphs and footnotes: jieba and character pairs, on Whoosh or
    tantivy behind one seam (``search.engines``)."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from .analysis import configure

        configure(settings.JIEBA_CACHE_DIR)
        if settings.SEARCH_ENGINE == "whoosh":
            from .engines import whoosh_patches

            whoosh_patches.apply()
