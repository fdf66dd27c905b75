from django.apps import AppConfig
from django.db.models.signals import post_delete


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"

    def ready(self) -> None:
        from .models import Resolution
        from .series import resolution_deleted

        post_delete.connect(resolution_deleted, sender=Resolution, dispatch_uid="series")
