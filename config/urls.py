from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's, a PDF's).
    path("favicon.ico", lambda request: redirect(static("favicon.svg"))),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("search.urls")),
    # Last: resolution URLs end with a catch-all that redirects variant spellings of symbols.
    path("", include("resolutions.urls")),
]
