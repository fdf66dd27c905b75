"""Resolution and paragraph pages are rendered once and answered from the cache until an
import or a correction changes what they show."""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.importer import Status
from resolutions.models import Resolution
from tests.factories import write_resolution
from tests.importing import import_file
from tests.test_security import admin_form
from web.page_cache import code_fingerprint

pytestmark = pytest.mark.django_db

PAGES = ["/A/RES/79/1/en/", "/A/RES/79/1/en/para_1/"]


@pytest.fixture
def cited(tmp_path):
    """A/RES/79/1, which cites 79/2 (not in the archive yet)."""
    path = write_resolution(tmp_path, "cited.md", session=79, number=1, cites=("79/2",))
    assert import_file(path).status == Status.IMPORTED
    return tmp_path


def fetch(client, url: str, **headers) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_a_page_asked_for_again_costs_one_query_and_is_the_same(client, cited, url):
    first, rendering = fetch(client, url)
    again, cached = fetch(client, url)
    assert again == first
    assert cached == 1 < rendering


def test_a_text_imported_later_changes_what_the_pages_show(client, cited):
    page, _ = fetch(client, PAGES[0])
    assert "Nothing in the archive cites this yet" in page
    assert 'class="citation unresolved"' in page
    path = write_resolution(cited, "citing.md", session=79, number=2, cites=("79/1",))
    assert import_file(path).status == Status.IMPORTED
    page, _ = fetch(client, PAGES[0])
    assert "Nothing in the archive cites this yet" not in page
    assert 'href="/A/RES/79/2/"' in page  # the citing resolution, in the cited-by panel
    assert 'class="citation unresolved"' not in page  # 79/2 is in the archive now


def test_a_correction_in_the_admin_is_shown_at_once(
    admin_client, client, cited, django_capture_on_commit_callbacks
):
    resolution = Resolution.objects.get(symbol="A/RES/79/1")
    for url in PAGES:
        assert "第 4321 次全体会议" not in fetch(client, url)[0]
    change = f"/admin/resolutions/resolution/{resolution.pk}/change/"
    fields = admin_form(admin_client, change)
    fields["meeting_number"] = "4321"
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change, fields).status_code == 302
    for url in PAGES:
        assert "第 4321 次全体会议" in fetch(client, url)[0]


@pytest.mark.parametrize("url", PAGES)
def test_a_page_marking_search_words_is_rendered_for_its_query(client, cited, url):
    fetch(client, url)
    marked, _ = fetch(client, f"{url}?q=continue")
    assert "<mark>continue</mark>" in marked
    assert "<mark>" not in fetch(client, url)[0]


def test_the_import_command_renders_the_texts_it_stored(client, tmp_path):
    path = write_resolution(tmp_path, "r.md", session=79, number=1, cites=("79/2",))
    call_command("import_resolutions", str(path), "--no-bulk", stdout=io.StringIO())
    page, queries = fetch(client, PAGES[0])
    assert queries == 1  # the whole page was rendered by the import
    assert 'class="citation unresolved"' in page
    page, queries = fetch(client, PAGES[1])
    # The paragraph, its versions, what cites it, what repeats its words: its text was rendered.
    assert queries == 4
    assert "Decides" in page


@pytest.mark.parametrize("url", PAGES)
def test_a_kept_page_names_the_address_it_is_asked_at(client, cited, url):
    for host in ("127.0.0.1:8000", "localhost"):
        page, _ = fetch(client, url, HTTP_HOST=host)
        assert f'<link rel="canonical" href="http://{host}{url}">' in page
        assert f"http://{host}{url}</span>" in page  # the permalink in the cite box
        assert "origin>" not in page


def test_pages_are_kept_under_the_code_that_rendered_them(client, cited):
    """A release with other templates or code never serves the pages its predecessor kept."""
    fetch(client, PAGES[0])
    keys = list(caches["pages"]._cache)  # the tests' in-memory cache: ":<version>:<key>"
    assert keys and all(f":{code_fingerprint()}:" in key for key in keys)


def test_the_code_fingerprint_moves_with_a_template(tmp_path, settings):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>{{ text }}</p>")
    settings.BASE_DIR = tmp_path
    before = code_fingerprint.__wrapped__()
    template.write_text("<p lang=en>{{ text }}</p>")
    assert code_fingerprint.__wrapped__() != before
