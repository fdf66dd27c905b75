from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("search.urls")),
    # Last: resolution URLs end with a catch-all that redirects variant spellings of symbols.
    path("", include("resolutions.urls")),
]
