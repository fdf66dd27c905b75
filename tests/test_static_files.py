"""Static files are collected under hashed names and served by WhiteNoise with long caching."""

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

MANIFEST = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = MANIFEST
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_collected_files_have_hashed_and_compressed_names(collected):
    css = static("css/archive.css")
    assert css.startswith("/static/css/archive.") and css != "/static/css/archive.css"
    assert (collected / css.removeprefix("/static/")).is_file()
    assert (collected / (css.removeprefix("/static/") + ".gz")).is_file()


@pytest.mark.django_db
def test_whitenoise_serves_hashed_files_for_a_year(collected, settings):
    settings.WHITENOISE_USE_FINDERS = False
    # WhiteNoise reads STATIC_ROOT when its middleware starts: a new client starts a new stack.
    response = Client().get(static("js/archive.js"))
    assert response.status_code == 200
    assert "max-age=315360000" in response["Cache-Control"]
    assert b"data-keep-paragraph" in b"".join(response.streaming_content)
