"""Security by default: headers on every page, the admin behind a login at a configurable URL,
corrections made there reaching search, and a clean answer while the database is away."""

import base64
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.db import connection

from resolutions.importer import Status
from resolutions.models import LanguageVersion, Resolution
from search.indexing import backend, index_version
from search.service import run_search
from tests.conftest import PROJECT_DIR
from tests.importing import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(english_fixture) -> LanguageVersion:
    assert import_file(english_fixture).status == Status.IMPORTED
    return LanguageVersion.objects.get(language="en")


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize(
    "path", ["/", "/A/RES/80/501/en/", "/search/?q=peace", "/nowhere/", "/admin/login/"]
)
def test_every_page_forbids_inline_script_framing_and_sniffing(client, imported, path):
    response = client.get(path)
    # The search page answers 503 here (no index in this test): its headers are the same.
    assert response.status_code in (200, 404, 503)
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in source for sources in directives.values() for source in sources)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_one_inline_style_allowed_is_the_500_page_s_own(client):
    page = (PROJECT_DIR / "templates" / "500.html").read_text()
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert policy(client.get("/"))["style-src"] == ["'self'", f"'sha256-{digest}'"]


def test_the_admin_asks_for_a_login(client, imported):
    response = client.get(f"/admin/resolutions/languageversion/{imported.pk}/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_admin_url_comes_from_the_environment():
    code = (
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('admin:index'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "ADMIN_URL": "corrections-7f3a/",
            "DATABASE_URL": "postgresql://unused@127.0.0.1:1/unused",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "/corrections-7f3a/"


class FormFields(HTMLParser):
    """The values a browser would submit from the page's forms."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._open: str | None = None  # the textarea or select being read
        self._textarea = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type") not in ("submit", "checkbox"):
            self.fields[name] = attributes.get("value") or ""
        elif tag == "input" and name and "checked" in attributes:
            self.fields[name] = attributes.get("value") or "on"
        elif tag in ("textarea", "select") and name:
            self._open, self._textarea = name, tag == "textarea"
            self.fields[name] = ""
        elif tag == "option" and "selected" in attributes and self._open:
            self.fields[self._open] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag in ("textarea", "select"):
            self._open = None

    def handle_data(self, data):
        if self._open and self._textarea:
            self.fields[self._open] += data


def admin_form(client, url: str) -> dict[str, str]:
    form = FormFields()
    form.feed(client.get(url).content.decode())
    return form.fields


@pytest.fixture
def indexed(imported, settings):
    """The English resolution in this test's search index."""
    settings.SEARCH_INDEX_ON_IMPORT = True
    backend().clear()
    index_version(imported)
    yield imported
    backend().clear()


def test_a_correction_in_the_admin_is_searchable_once_saved(
    admin_client, indexed, django_capture_on_commit_callbacks
):
    paragraph = indexed.paragraphs.order_by("position").first()
    assert not run_search("Quetzalcoatlus", {}).hits

    url = f"/admin/resolutions/languageversion/{indexed.pk}/change/"
    fields = admin_form(admin_client, url)
    (field,) = [
        name
        for name, value in fields.items()
        if name.endswith("-text") and value.strip() == paragraph.text.strip()
    ]
    fields[field] = paragraph.text + " Quetzalcoatlus"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, fields)
    assert response.status_code == 302, response.content.decode()[:2000]

    paragraph.refresh_from_db()
    assert paragraph.text.endswith("Quetzalcoatlus")
    (hit,) = run_search("Quetzalcoatlus", {}).hits
    assert (hit.symbol, hit.eid) == (indexed.resolution.symbol, paragraph.eid)


def test_a_resolution_corrected_in_the_admin_is_indexed_under_its_new_date(
    admin_client, indexed, django_capture_on_commit_callbacks
):
    resolution = indexed.resolution
    word = re.search(r"[A-Za-z]{7,}", indexed.paragraphs.first().text).group()
    assert {hit.adopted_on for hit in run_search(word, {}).hits} == {resolution.adopted_on}

    url = f"/admin/resolutions/resolution/{resolution.pk}/change/"
    fields = admin_form(admin_client, url)
    assert fields["adopted_on"] == resolution.adopted_on.strftime("%Y/%m/%d")
    fields["adopted_on"] = "2025/12/24"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, fields)
    assert response.status_code == 302, response.content.decode()[:2000]

    assert Resolution.objects.get(pk=resolution.pk).adopted_on.isoformat() == "2025-12-24"
    dates = {hit.adopted_on.isoformat() for hit in run_search(word, {}).hits}
    assert dates == {"2025-12-24"}


@pytest.fixture
def database_away(transactional_db, english_fixture):
    """The connection pointed at a port where no server listens, as while PostgreSQL restarts;
    calling the fixture's value brings it back."""
    assert import_file(english_fixture).status == Status.IMPORTED
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}

    def back() -> None:
        connection.close()
        connection.settings_dict.update(saved)

    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
    yield back
    back()


def test_pages_answer_503_while_the_database_is_unreachable(client, database_away):
    response = client.get("/A/RES/80/501/en/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    assert "Temporarily unavailable" in response.content.decode()
    assert "Content-Security-Policy" in response


def test_the_service_recovers_by_itself_when_the_database_is_back(client, database_away):
    assert client.get("/A/RES/80/501/en/").status_code == 503
    database_away()
    response = client.get("/A/RES/80/501/en/")
    assert response.status_code == 200
    assert "A/RES/80/501" in response.content.decode()


def test_a_form_post_over_a_megabyte_is_refused(client):
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "x" * (1024 * 1024 + 1)}
    )
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
    response = client.post("/admin/login/", {f"field{n}": "x" for n in range(5001)})
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/", "/A/RES/80/501/en/para_1/", "/ga/", "/A/RES/80/501/"])
def test_every_kind_of_page_answers_503_while_the_database_is_unreachable(
    client, database_away, path
):
    assert client.get(path).status_code == 503
