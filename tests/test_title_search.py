"""Titles are searched in every language: a query that matches a resolution's title names that
resolution first, linking to its version in the language matched, on the page and in the JSON;
the paragraph hits and their totals stay what they were (real index, real database)."""

import pytest

from resolutions.importer import Status
from resolutions.models import LanguageVersion, Resolution
from search.service import run_search
from tests.importing import import_file
from tests.test_search import containing

pytestmark = pytest.mark.django_db

TITLE_ZH = "人道主义人员的安全保障和联合国人员的保护"
TITLE_EN = (
    "Safety and security of humanitarian personnel and protection of United Nations personnel"
)


@pytest.fixture
def archive(search_engine, sample_path, corpus_dir, english_fixture, french_fixture):
    """A/RES/76/127 in Chinese and English, A/RES/80/501 in English and French, indexed."""
    for path in (
        sample_path,
        corpus_dir / "en" / "ga" / "A_RES_76_127.en.txt",
        english_fixture,
        french_fixture,
    ):
        assert import_file(path).status == Status.IMPORTED, path


def named(query: str, **filters) -> list[tuple[str, str]]:
    """(symbol, language) of each resolution the search names for its title, in order."""
    outcome = run_search(query, filters)
    assert not outcome.unavailable
    return [(found.symbol, found.language) for found in outcome.resolutions]


def test_the_exact_chinese_title_names_the_resolution_first(archive):
    outcome = run_search(TITLE_ZH, {})
    (found,) = outcome.resolutions
    assert (found.symbol, found.language, found.url) == ("A/RES/76/127", "zh", "/A/RES/76/127/zh/")
    assert found.exact and str(found.marked_title) == f"<mark>{TITLE_ZH}</mark>"
    # The paragraphs are searched as before: no paragraph holds the whole title.
    assert outcome.total == len(containing(TITLE_ZH)) == 0


def test_the_english_title_finds_the_english_version_by_its_words(archive):
    assert named("Safety and security of humanitarian personnel")[0] == ("A/RES/76/127", "en")
    assert named(TITLE_EN)[0] == ("A/RES/76/127", "en")
    # Words match by stem, as in paragraphs: "protecting" finds "protection".
    assert named("protecting humanitarian") == [("A/RES/76/127", "en")]
    assert named("records preservation") == [("A/RES/80/501", "en")]


def test_traditional_characters_and_spaces_find_the_title_as_paragraph_search_does(archive):
    assert named("人道主義人員的安全保障和聯合國人員的保護") == [("A/RES/76/127", "zh")]
    assert named("人道主义人员 联合国人员") == [("A/RES/76/127", "zh")]
    # A space left between two characters by a conversion is no obstacle, in the title or the
    # query, and the mark spans it.
    LanguageVersion.objects.filter(language="zh").update(
        title="人道主义人员的安全 保障和联合国人员的保护"
    )
    outcome = run_search('"安全保障"', {})
    (found,) = outcome.resolutions
    assert str(found.marked_title) == "人道主义人员的<mark>安全 保障</mark>和联合国人员的保护"
    assert named("人道主义人员的安全保障和联合国人员的保护")[0] == ("A/RES/76/127", "zh")
    assert named("人道主义 人员的安全") == [("A/RES/76/127", "zh")]


def test_every_term_must_be_in_the_title_and_no_excluded_one(archive):
    assert named("人道主义人员 维持和平") == []
    assert named("人道主义人员 -联合国") == []
    assert named("humanitarian OR records") == [("A/RES/80/501", "en"), ("A/RES/76/127", "en")]
    assert named("personnel -protection") == []


def test_a_title_that_is_the_whole_query_comes_before_titles_that_only_hold_it(archive):
    LanguageVersion.objects.filter(language="fr").update(title="Preservation of the records")
    assert named("Preservation of the records") == [("A/RES/80/501", "fr")]
    LanguageVersion.objects.filter(language="en", resolution__symbol="A/RES/76/127").update(
        title="Preservation of the records of humanitarian personnel, 2021"
    )
    # One entry a resolution, in the language whose title matched best.
    assert named("Preservation of the records") == [("A/RES/80/501", "fr"), ("A/RES/76/127", "en")]


def test_titles_answer_the_filters_a_resolution_has(archive):
    assert named(TITLE_ZH, language="zh") == [("A/RES/76/127", "zh")]
    assert named(TITLE_ZH, language="en") == []
    assert named("personnel", body="SC") == []
    assert named("personnel", period="GA 76") == [("A/RES/76/127", "en")]
    assert named("personnel", period="GA 80") == []
    assert named("personnel", symbol="A/RES/80/501") == []
    assert named("personnel", adopted_from="2021-12-10", adopted_to="2021-12-10") == [
        ("A/RES/76/127", "en")
    ]
    assert named("personnel", adopted_from="2022-01-01") == []
    Resolution.objects.filter(symbol="A/RES/76/127").update(states=["AFG"])
    assert named("personnel", state="AFG") == [("A/RES/76/127", "en")]
    assert named("personnel", state="SYR") == []
    # A filter of paragraphs has no meaning for a title.
    assert named("personnel", kind="operative") == []


def test_a_symbol_query_and_later_pages_name_no_title(archive):
    assert named("76/127") == []
    assert run_search("人员", {}, page=2).resolutions == []


def test_the_search_page_names_the_resolution_before_the_hits(client, archive):
    page = client.get("/search/", {"q": "人道主义人员"}).content.decode()
    named_at = page.index('class="title-matches"')
    assert page.index('<a class="title-match" href="/A/RES/76/127/zh/">') > named_at
    assert "<mark>人道主义人员</mark>的安全保障和联合国人员的保护" in page
    assert named_at < page.index('<ol class="hits"')


def test_the_json_lists_resolutions_before_hits(client, archive):
    data = client.get("/search/", {"q": TITLE_EN, "format": "json"}).json()
    keys = list(data)
    assert keys.index("resolutions") < keys.index("hits")
    assert data["resolutions"][0] == {
        "symbol": "A/RES/76/127",
        "language": "en",
        "title": TITLE_EN,
        # Stop words typed on their own are not marked.
        "marked_title": "<mark>Safety</mark> and <mark>security</mark> of "
        "<mark>humanitarian</mark> <mark>personnel</mark> and <mark>protection</mark> of "
        "<mark>United</mark> <mark>Nations</mark> <mark>personnel</mark>",
        "url": "/A/RES/76/127/en/",
        "adopted_on": "2021-12-10",
    }


def test_the_api_names_the_resolution_with_its_links(client, archive):
    data = client.get("/api/v1/search/", {"q": TITLE_ZH}).json()
    keys = list(data)
    assert keys.index("resolutions") < keys.index("hits")
    (found,) = data["resolutions"]
    assert found["symbol"] == "A/RES/76/127" and found["language"] == "zh"
    assert found["links"] == {
        "api": "http://testserver/api/v1/resolutions/A/RES/76/127/",
        "html": "http://testserver/A/RES/76/127/zh/",
    }
