from django.apps import AppConfig


class WebConfig(AppConfig):
    """The archive's HTML pages: browsing, reading, search, feeds, sitemaps and the admin."""

    name = "web"
    verbose_name = "Pages"

    def ready(self):
        from resolutions.signals import texts_imported

        from .rendered import render_imported

        texts_imported.connect(render_imported, dispatch_uid="web.render_imported")
