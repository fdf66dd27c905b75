"""Lists: the most recently adopted first and the undated last, dates that never wrap, and a
language filter that offers only the languages the list holds."""

import re

import pytest

from resolutions.importer import Status
from resolutions.models import Resolution
from tests.factories import write_resolution
from tests.importing import import_file

pytestmark = pytest.mark.django_db


def _symbols(html: str) -> list[str]:
    return re.findall(r'class="symbol-cell"><a href="[^"]+">([^<]+)</a>', html)


def test_undated_resolutions_come_last_in_most_recently_adopted(client, corpus_dir):
    # S/RES/462 (1980): the source gives no adoption date.
    for name in ("S_RES_0462_1980", "S_RES_0242_1967", "S_RES_0479_1980"):
        path = corpus_dir / "en" / "sc-crunsc" / f"{name}.en.txt"
        assert import_file(path).status == Status.IMPORTED
    assert Resolution.objects.get(symbol="S/RES/462 (1980)").adopted_on is None
    recent = client.get("/").content.decode().split('id="recent-heading"')[1]
    assert _symbols(recent) == ["S/RES/479 (1980)", "S/RES/242 (1967)", "S/RES/462 (1980)"]


def test_dates_in_lists_are_in_cells_that_do_not_wrap(client, tmp_path):
    import_file(write_resolution(tmp_path, "r1.md", number=1, adopted="1 December 2024"))
    html = client.get("/ga/79/").content.decode()
    assert '<td class="date-cell"><time datetime="2024-12-01">2024-12-01</time></td>' in html
    css = client.get("/static/css/archive.css")
    stylesheet = b"".join(css.streaming_content) if css.streaming else css.content
    assert re.search(rb"\.resolution-list \.date-cell[^{]*\{[^}]*white-space:\s*nowrap", stylesheet)


def test_the_language_filter_offers_only_the_languages_the_list_holds(
    client, sample_path, english_fixture, french_fixture
):
    for path in (sample_path, english_fixture, french_fixture):
        assert import_file(path).status == Status.IMPORTED
    options = re.compile(r'<option value="([a-z]{2})"')
    # Session 80 holds A/RES/80/501 in English and French.
    assert options.findall(client.get("/ga/80/").content.decode()) == ["en", "fr"]
    # Session 76 holds A/RES/76/127 in Chinese only.
    assert options.findall(client.get("/ga/76/").content.decode()) == ["zh"]
    # A language asked for in the URL stays selected, even where the list lacks it.
    asked = client.get("/ga/76/", {"lang": "fr"}).content.decode()
    assert options.findall(asked) == ["zh", "fr"]
    assert '<option value="fr" selected>' in asked
