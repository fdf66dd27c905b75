"""The archive's URLs plus the smallest Django view, the floor the pages are measured against."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as archive_urlpatterns


def minimal(request):
    """No database, no template: what Django and gunicorn cost on their own."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *archive_urlpatterns]
