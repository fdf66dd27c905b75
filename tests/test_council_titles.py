"""Council resolutions that can be told apart: the subject as the title where the source gives
one, else the opening words of the first paragraph under "Resolution N (YYYY)", in lists, search
results, feeds and the API."""

import re

import pytest

from resolutions.importer import Status
from resolutions.models import LanguageVersion
from resolutions.parsing import crunsc
from resolutions.titles import opening_words, subtitle_for
from tests.importing import import_file


def _parse(corpus_dir, number: int, year: int):
    path = corpus_dir / "en" / "sc-crunsc" / f"S_RES_{number:04d}_{year}.en.txt"
    return crunsc.parse(path.read_text(encoding="utf-8"), "en")


@pytest.mark.parametrize(
    "number, year, title, agenda_title",
    [
        # The topic heading of the yearly volume.
        (1, 1946, "Military Staff Committee", ""),
        # The agenda item named in the first paragraph.
        (479, 1980, "The situation between Iran and Iraq", "The situation between Iran and Iraq"),
        (
            868,
            1993,
            "An agenda for peace",
            "An agenda for peace: preventive diplomacy, peacemaking and peace-keeping",
        ),
        # The agenda item named in the decision printed just before the resolution.
        (851, 1993, "The situation in Angola", None),
        # No subject in the source: the resolution's name stays its title.
        (242, 1967, "Resolution 242 (1967)", ""),
    ],
)
def test_the_subject_the_source_gives_is_the_title(corpus_dir, number, year, title, agenda_title):
    parsed = _parse(corpus_dir, number, year)
    assert parsed.title == title
    if agenda_title is not None:
        assert parsed.agenda_title == agenda_title
    else:
        assert parsed.agenda_title.startswith("The situation in Angola: further report")


def test_opening_words_are_cut_at_a_word_with_an_ellipsis():
    text = "Expressing its continuing concern with the grave situation in the Middle East,"
    assert opening_words(text, 30) == "Expressing its continuing…"
    assert opening_words("Short,") == "Short"
    assert opening_words("深为关切人道主义人员面临的安全风险", 6) == "深为关切人道…"


def test_a_subtitle_only_under_a_title_that_names_no_subject():
    paragraphs = [("other", "A"), ("preambular", "Noting the report"), ("operative", "Decides")]
    assert subtitle_for("Resolution 242 (1967)", "242 (1967)", paragraphs) == "Noting the report"
    assert subtitle_for("Military Staff Committee", "1 (1946)", paragraphs) == ""


# Six Council texts of 1967 that all have the title "Resolution N (1967)".
YEAR_1967 = [233, 234, 235, 236, 237, 242]


@pytest.fixture
def council_1967(search_engine, corpus_dir):
    for number in YEAR_1967:
        path = corpus_dir / "en" / "sc-crunsc" / f"S_RES_{number:04d}_1967.en.txt"
        assert import_file(path).status == Status.IMPORTED
    return search_engine


@pytest.mark.django_db
def test_the_year_list_tells_the_resolutions_apart(client, council_1967):
    html = client.get("/sc/1967/").content.decode()
    subtitles = re.findall(r'<span class="subtitle">([^<]+)</span>', html)
    assert len(subtitles) == len(YEAR_1967)
    assert len(set(subtitles)) == len(YEAR_1967)
    assert "Expressing its continuing concern with the grave situation in the Middle East" in html


@pytest.mark.django_db
def test_search_results_and_their_json_show_the_subtitle(client, council_1967):
    html = client.get("/search/", {"q": "inadmissibility"}).content.decode()
    assert '<span class="hit-subtitle">Expressing its continuing concern' in html
    data = client.get("/search/", {"q": "inadmissibility", "format": "json"}).json()
    assert data["hits"][0]["subtitle"].startswith("Expressing its continuing concern")


@pytest.mark.django_db
def test_the_feed_and_the_api_show_the_subtitle(client, council_1967):
    feed = client.get("/feeds/resolutions.atom").content.decode()
    assert "Resolution 242 (1967) — Expressing its continuing concern" in feed
    listing = client.get("/api/v1/resolutions/", {"body": "SC"}).json()
    subtitles = {row["symbol"]: row["subtitle"] for row in listing["results"]}
    assert subtitles["S/RES/242 (1967)"].startswith("Expressing its continuing concern")
    detail = client.get("/api/v1/resolutions/S/RES/242(1967)/").json()
    assert detail["versions"][0]["subtitle"].startswith("Expressing its continuing concern")
    assert detail["states"] == ["ISR"]


@pytest.mark.django_db
def test_a_title_with_a_subject_has_no_subtitle(search_engine, corpus_dir):
    path = corpus_dir / "en" / "sc-crunsc" / "S_RES_0001_1946.en.txt"
    assert import_file(path).status == Status.IMPORTED
    version = LanguageVersion.objects.get(resolution__symbol="S/RES/1 (1946)")
    assert (version.title, version.subtitle) == ("Military Staff Committee", "")
