from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Full-text search of paragraphs and footnotes (django-haystack with Whoosh and jieba)."""

    name = "search"
    verbose_name = "Search"
