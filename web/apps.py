from django.apps import AppConfig


class WebConfig(AppConfig):
    """The archive's HTML pages: browsing, reading, search, feeds, sitemaps and the admin."""

    name = "web"
    verbose_name = "Pages"
