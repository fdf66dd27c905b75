"""Search in all six languages, on the Universal Declaration of Human Rights (A/RES/217 A (III)):
French, Spanish, Russian and Arabic words match by stem in their own language, and the language
facet offers all six. Runs on every engine.
"""

from pathlib import Path

import pytest

from resolutions.importer import Status
from resolutions.parsing import load_metadata, metadata_by_file
from search.analysis import stemmer
from search.service import run_search
from tests.importing import import_path

UDHR = "A/RES/217A(III)"
METADATA = Path(__file__).resolve().parent.parent / "resolutions" / "metadata"
# The first preambular paragraph and the text of article 1 speak of dignity in every language.
DIGNITY = {"preamble_1", "article_1_para_1"}


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["dignité", "dignités"]),
        ("es", ["dignidad", "dignidades"]),
        ("ru", ["достоинство", "достоинства", "достоинстве"]),
        # The article and the prepositions and conjunctions written with the noun, and the
        # pronouns after it: dignity, the dignity, in the dignity, and the dignity, his dignity.
        ("ar", ["كرامة", "الكرامة", "بالكرامة", "والكرامة", "فالكرامة", "كرامته"]),
    ],
)
def test_the_inflections_of_a_word_share_one_stem(language, words):
    stem = stemmer(language)
    assert len({stem(word) for word in words}) == 1, [stem(word) for word in words]


def test_arabic_words_that_only_begin_like_a_prefix_keep_their_letters():
    stem = stemmer("ar")
    assert stem("ولد") != stem("لد")  # و of ولد (boy) is no conjunction in a word so short
    assert stem("كرامة") != stem("رامة")


@pytest.fixture
def udhr(search_engine, corpus_dir):
    """The Declaration's six versions, imported and indexed into this engine's index."""
    metadata = metadata_by_file([load_metadata(METADATA / "A_RES_217A_III.json")])
    for path in sorted((corpus_dir / "udhr").glob("*.html")):
        (result,) = import_path(path, metadata=metadata[path.name]).results
        assert result.status == Status.IMPORTED, (path, result.issues)
    return search_engine


def hits(query: str) -> set[tuple[str, str]]:
    """(language, eid) of every hit of the Declaration, through every page."""
    found, page = set(), 1
    while True:
        outcome = run_search(query, {}, page=page)
        assert not outcome.unavailable
        found |= {(hit.language, hit.eid) for hit in outcome.hits if hit.symbol == UDHR}
        if page >= outcome.pages:
            return found
        page += 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("fr", "dignité"),
        ("fr", "dignités"),
        ("es", "dignidad"),
        ("es", "dignidades"),
        ("ru", "достоинство"),
        ("ru", "достоинства"),
        ("ar", "كرامة"),
        ("ar", "الكرامة"),
    ],
)
def test_a_word_finds_article_1_and_the_first_preambular_paragraph_in_its_language(
    udhr, language, query
):
    found = hits(query)
    assert {eid for found_in, eid in found if found_in == language} >= DIGNITY
    assert {found_in for found_in, _ in found} == {language}


@pytest.mark.django_db
def test_the_language_facet_offers_all_six_languages(udhr, client):
    query = "dignité OR dignidad OR достоинство OR كرامة OR dignity OR 尊严"
    outcome = run_search(query, {}, page=1)
    assert {value for value, _ in outcome.facets["language"]} == {
        "zh",
        "en",
        "fr",
        "es",
        "ru",
        "ar",
    }
    page = client.get("/search/", {"q": query}).content.decode()
    for label in ("中文", "English", "Français", "Español", "Русский", "العربية"):
        assert label in page
    arabic_only = run_search(query, {"language": "ar"}, page=1)
    assert {hit.language for hit in arabic_only.hits} == {"ar"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("القرار 217 ألف (د-3)، المادة 1", "/A/RES/217A(III)/ar/article_1/"),
        ("résolution 217 A (III) de l'Assemblée générale", "/A/RES/217A(III)/fr/"),
    ],
)
def test_the_search_box_opens_a_citation_in_its_language(udhr, client, query, location):
    response = client.get("/search/", {"q": query, "go": "1"})
    assert (response.status_code, response["Location"]) == (302, location)
