"""Citations pasted as they are written lead to their paragraph: read in every common form
(``resolutions.citations.pasted``), followed into the archive in the citation's language or the
version that has the place (``resolving``), from the search box, on the search page and its
JSON, and at /api/v1/resolve/."""

import json
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import override_settings

from resolutions.citations.pasted import CitedPlace, place_eid, read_citation, read_place
from resolutions.citations.resolving import follow_citation
from resolutions.importer import Status
from search.indexing import backend
from tests.importing import import_file

RESOLVE = "/api/v1/resolve/"


@pytest.mark.parametrize(
    ("text", "symbol", "language", "eids"),
    [
        ("大会第76/127号决议，第22段", "A/RES/76/127", "zh", ("para_22",)),
        ("第76/127号决议第22段", "A/RES/76/127", "zh", ("para_22",)),
        ("第76/127号决议序言部分第3段", "A/RES/76/127", "zh", ("preamble_3",)),
        ("大会 第 76/127 号决议 , 第 22 段", "A/RES/76/127", "zh", ("para_22",)),
        ("大会2021年12月10日第76/127号决议，第4(a)段", "A/RES/76/127", "zh", ("para_4_a",)),
        ("大会第76/127号决议，附件二第1段", "A/RES/76/127", "zh", ("annex_ii_para_1",)),
        ("大会第76/127号决议，序言部分第三段", "A/RES/76/127", "zh", ("preamble_3",)),
        (
            "安全理事会第2286(2016)号决议，执行部分第二十二段",
            "S/RES/2286 (2016)",
            "zh",
            ("para_22",),
        ),
        ("安理会第2286（2016）号决议第4段", "S/RES/2286 (2016)", "zh", ("para_4",)),
        ("GA res 76/127, para 22", "A/RES/76/127", "en", ("para_22",)),
        (
            "General Assembly resolution 76/127 of 10 December 2021, para. 22",
            "A/RES/76/127",
            "en",
            ("para_22",),
        ),
        ("A/RES/76/127, para. 4 (a)", "A/RES/76/127", "en", ("para_4_a",)),
        ("A/RES/76/127, para. 4(a)(ii)", "A/RES/76/127", "en", ("para_4_a_ii",)),
        ("S/RES/2286 (2016), para. 4", "S/RES/2286 (2016)", "en", ("para_4",)),
        ("resolution 2286 (2016), operative paragraph 4", "S/RES/2286 (2016)", "en", ("para_4",)),
        ("operative paragraph 4 of resolution 2286 (2016)", "S/RES/2286 (2016)", "en", ("para_4",)),
        ("76/127 para 22", "A/RES/76/127", "en", ("para_22",)),
        ("76/127, PP3", "A/RES/76/127", "en", ("preamble_3",)),
        ("76/127, preambular paragraph 3", "A/RES/76/127", "en", ("preamble_3",)),
        ("76/127, sixth preambular paragraph", "A/RES/76/127", "en", ("preamble_6",)),
        (
            "UNGA Res. 76/127, twenty-first preambular paragraph",
            "A/RES/76/127",
            "en",
            ("preamble_21",),
        ),
        ("paragraph 3 of the annex to resolution 76/127", "A/RES/76/127", "en", ("annex_para_3",)),
        ("76/127, annex II, para. 1", "A/RES/76/127", "en", ("annex_ii_para_1",)),
        ("76/127, footnote 2", "A/RES/76/127", "en", ("fn_2",)),
        ("S/RES/101 (1953), para. 1 (B)", "S/RES/101 (1953)", "en", ("part_B_para_1", "para_1_b")),
        ("S/RES/21 (1947), para. 1 (article 5)", "S/RES/21 (1947)", "en", ("article_5_para_1",)),
        ("217 A (III), para. 1", "A/RES/217A(III)", "en", ("para_1",)),
        ("https://archive.example/A/RES/76/127/zh/para_4_a/", "A/RES/76/127", "zh", ("para_4_a",)),
        ("/A/RES/80/501/fr/#fn_1", "A/RES/80/501", "fr", ("fn_1",)),
    ],
)
def test_a_citation_is_read_in_every_common_form(text, symbol, language, eids):
    citation = read_citation(text)
    assert citation is not None, text
    assert (citation.symbol.canonical, citation.language) == (symbol, language)
    assert citation.place is not None and citation.place.eids == eids


@pytest.mark.parametrize(
    ("text", "symbol", "language"),
    [
        ("大会第76/127号决议", "A/RES/76/127", "zh"),
        ("General Assembly resolution 76/127 of 10 December 2021", "A/RES/76/127", "en"),
        ("Security Council resolution 2286 (2016)", "S/RES/2286 (2016)", "en"),
    ],
)
def test_a_citation_of_the_whole_resolution_names_no_place(text, symbol, language):
    citation = read_citation(text)
    assert (citation.symbol.canonical, citation.language, citation.place) == (
        symbol,
        language,
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "联合国人员的安全",
        "76/127 women",
        "76/127 operations",
        "76/127 22",  # two numbers, not a paragraph
        "第76/127号决议执行情况",
        "General Assembly resolution 2286 (2016), para. 4",  # not an Assembly resolution
        "safety of 76/127",
        "A/76/L.26, para. 4",  # a document, not a resolution
        "https://example.org/search/?q=76/127",
        "",
        "76/127, para. 4 " + "x" * 400,
    ],
)
def test_what_is_no_citation_is_not_read_as_one(text):
    assert read_citation(text) is None


@pytest.mark.parametrize(
    ("written", "eids"),
    [
        ("22", ("para_22",)),
        ("4(a)", ("para_4_a",)),
        ("PP3", ("preamble_3",)),
        ("序言部分第 3 段", ("preamble_3",)),
        ("annex II, para. 1", ("annex_ii_para_1",)),
    ],
)
def test_a_place_is_read_on_its_own_too(written, eids):
    assert read_place(written).eids == eids


def test_a_place_no_reading_covers_is_found_by_the_name_the_cite_box_gives_it():
    """An oddly numbered annex (S/RES/1454 (2002)): the cite box names annex_b_para_1 from its
    eid, and that name leads back to it."""
    citation = read_citation("Security Council resolution 1454 (2002), para. b (para) (1)")
    assert citation.place == CitedPlace("para. b (para) (1)")
    eids = {"annex_b_para_1", "annex_b_para_2", "annex_a_chemical_text_1", "para_1"}
    assert place_eid(citation.place, eids) == "annex_b_para_1"


def test_a_capital_letter_is_a_part_where_the_text_has_parts_else_a_sub_item():
    place = read_citation("76/127, para 1 (B)").place
    assert place_eid(place, {"part_B_para_1", "para_1_b"}) == "part_B_para_1"
    assert place_eid(place, {"para_1", "para_1_b"}) == "para_1_b"


# --- In the archive --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive(
    django_db_setup, django_db_blocker, corpus_dir, sample_path, english_fixture, french_fixture
):
    """A/RES/76/127 in Chinese and English, A/RES/80/501 in English and French, and
    S/RES/2286 (2016) in English, imported and indexed once for the module."""
    paths = [
        sample_path,
        corpus_dir / "en" / "ga" / "A_RES_76_127.en.txt",
        corpus_dir / "en" / "sc" / "S_RES_2286_2016.en.txt",
        english_fixture,
        french_fixture,
    ]
    with django_db_blocker.unblock(), transaction.atomic():
        backend().clear()
        with override_settings(SEARCH_INDEX_ON_IMPORT=True):
            for path in paths:
                assert import_file(path).status == Status.IMPORTED, path
        yield
        transaction.set_rollback(True)
        backend().clear()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "language", "eid", "url"),
    [
        ("大会第76/127号决议，第22段", "zh", "para_22", "/A/RES/76/127/zh/para_22/"),
        ("GA res 76/127, para 22", "en", "para_22", "/A/RES/76/127/en/para_22/"),
        ("第76/127号决议序言部分第3段", "zh", "preamble_3", "/A/RES/76/127/zh/preamble_3/"),
        ("76/127, footnote 1", "en", "fn_1", "/A/RES/76/127/en/#fn_1"),
        # No Chinese version: the English one, which has the paragraph.
        ("大会第80/501号决议，第2(b)(ii)段", "en", "para_2_b_ii", "/A/RES/80/501/en/para_2_b_ii/"),
        # No Chinese version of 2286 (2016): the citation's language is only a preference.
        ("安全理事会第2286(2016)号决议，第1段", "en", "para_1", "/S/RES/2286(2016)/en/para_1/"),
        ("大会第76/127号决议", "zh", None, "/A/RES/76/127/zh/"),
        ("General Assembly resolution 80/501", "en", None, "/A/RES/80/501/en/"),
    ],
)
def test_a_citation_leads_to_its_paragraph_in_its_language_or_a_version_that_has_it(
    archive, text, language, eid, url
):
    target = follow_citation(text)
    assert (target.language, target.eid, target.url, target.missing) == (language, eid, url, None)


@pytest.mark.django_db
def test_what_the_archive_lacks_is_named(archive):
    assert follow_citation("76/127, para. 999").missing == "paragraph"
    assert follow_citation("76/127, para. 999").url == "/A/RES/76/127/en/"
    assert follow_citation("GA res 46/182, para 1").missing == "resolution"
    assert follow_citation("GA res 46/182, para 1").url == "/A/RES/46/182/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("大会第76/127号决议，第22段", "/A/RES/76/127/zh/para_22/"),
        ("76/127 para 22", "/A/RES/76/127/en/para_22/"),
        ("resolution 2286 (2016), operative paragraph 4", "/S/RES/2286(2016)/en/para_4/"),
        ("大会第76/127号决议", "/A/RES/76/127/zh/"),
        ("GA res 46/182, para 1", "/A/RES/46/182/"),
    ],
)
def test_the_search_box_goes_straight_to_the_place_cited(client, archive, text, location):
    response = client.get("/search/", {"q": text, "go": "1"})
    assert (response.status_code, response["Location"]) == (302, location)


@pytest.mark.django_db
def test_the_search_page_names_the_citation_first_and_lists_what_cites_the_resolution(
    client, archive
):
    page = client.get("/search/", {"q": "大会第76/127号决议，第22段"}).content.decode()
    entry = page.index('class="citation-match"')
    assert entry < page.index('class="hits"')
    assert '<a href="/A/RES/76/127/zh/para_22/"><strong>A/RES/76/127</strong>' in page
    assert '<span lang="zh-Hans">第 22 段</span>' in page

    data = client.get("/search/", {"q": "76/127 para 22", "format": "json"}).json()
    assert next(iter(data)) == "citation"
    assert data["citation"] == {
        "symbol": "A/RES/76/127",
        "language": "en",
        "eid": "para_22",
        "place": "paragraph 22",
        "url": "/A/RES/76/127/en/para_22/",
        "missing": None,
    }
    # The hits are the paragraphs citing 76/127 (A/RES/80/501 does), as for its bare symbol.
    assert {hit["symbol"] for hit in data["hits"]} == {"A/RES/80/501"}
    assert data["symbol"] == "A/RES/76/127"


@pytest.mark.django_db
def test_the_api_search_names_the_citation_as_the_page_does(client, archive):
    query = {"q": "GA res 76/127, para 22"}
    data = client.get("/api/v1/search/", query).json()
    page = client.get("/search/", query | {"format": "json"}).json()
    assert data["citation"] == page["citation"]
    assert page["citation"]["url"] == "/A/RES/76/127/en/para_22/"
    assert [hit["eid"] for hit in data["hits"]] == [hit["eid"] for hit in page["hits"]]


@pytest.mark.django_db
def test_a_missing_paragraph_is_named_on_the_search_page_and_the_box_stays_there(client, archive):
    response = client.get("/search/", {"q": "大会第76/127号决议，第999段", "go": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert '中没有“<span class="asked">第999段</span>”' in page
    assert 'has no “<span class="asked">第999段</span>”' in page
    data = client.get("/search/", {"q": "大会第76/127号决议，第999段", "format": "json"}).json()
    assert data["citation"]["missing"] == "paragraph"
    assert data["citation"]["url"] == "/A/RES/76/127/zh/"
    missing = client.get("/search/", {"q": "GA res 46/182, para 1", "format": "json"}).json()
    assert missing["citation"]["missing"] == "resolution"


@pytest.mark.django_db
def test_a_bare_symbol_or_words_make_no_citation_entry(client, archive):
    for query in ("76/127", "联合国人员"):
        assert client.get("/search/", {"q": query, "format": "json"}).json()["citation"] is None
        assert 'class="citation-match"' not in client.get("/search/", {"q": query}).content.decode()


# --- /api/v1/resolve/ ------------------------------------------------------------------------


def resolve(client, cite=None, **extra):
    query = urlencode(({"cite": cite} if cite is not None else {}) | extra)
    response = client.get(f"{RESOLVE}?{query}")
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db
def test_the_api_resolves_a_citation_to_the_place_and_its_resources(client, archive):
    assert resolve(client, "大会第76/127号决议，第22段") == (
        200,
        {
            "symbol": "A/RES/76/127",
            "language": "zh",
            "eid": "para_22",
            "url": "http://testserver/A/RES/76/127/zh/para_22/",
            "api": "http://testserver/api/v1/resolutions/A/RES/76/127/zh/para_22/",
        },
    )
    status, answer = resolve(client, "A/RES/80/501, para. 2 (b) (ii)")
    assert (status, answer["language"], answer["eid"]) == (200, "en", "para_2_b_ii")
    status, answer = resolve(client, "S/RES/2286 (2016)")
    assert status == 200 and answer["eid"] is None
    assert answer["url"] == "http://testserver/S/RES/2286(2016)/en/"
    assert answer["api"] == "http://testserver/api/v1/resolutions/S/RES/2286(2016)/en/"
    status, answer = resolve(client, "76/127, footnote 1")
    assert answer["url"] == "http://testserver/A/RES/76/127/en/#fn_1"
    assert answer["api"] == "http://testserver/api/v1/resolutions/A/RES/76/127/en/fn_1/"


@pytest.mark.django_db
def test_the_api_says_what_was_not_found(client, archive):
    assert resolve(client, "大会第76/127号决议，第999段") == (
        404,
        {
            "error": "A/RES/76/127 has no 第999段 in any of its versions (Chinese, English)",
            "symbol": "A/RES/76/127",
            "missing": "paragraph",
        },
    )
    status, answer = resolve(client, "GA res 46/182, para 1")
    assert (status, answer["missing"]) == (404, "resolution")
    assert answer["error"] == "A/RES/46/182 is not in the archive"
    status, answer = resolve(client, "A/RES/99/1, para 1")
    assert answer["error"] == "A/RES/99/1 cannot exist yet: the 99th session opens in 2044"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "cite is required"),
        ({"cite": " "}, "cite is required"),
        ({"cite": "联合国人员的安全"}, "cite is not a citation of a resolution"),
        ({"cite": "A/76/L.26"}, "cite is not a citation of a resolution"),
        ({"cite": "76/127, para " + "9" * 400}, "cite is too long"),
    ],
)
def test_the_api_refuses_what_is_no_citation_with_a_400(client, archive, query, message):
    status, answer = resolve(client, **query)
    assert status == 400 and answer["parameter"] == "cite"
    assert answer["error"].startswith(message)


@pytest.mark.django_db
def test_a_cite_given_twice_is_refused(client, archive):
    response = client.get(f"{RESOLVE}?cite=76/127&cite=2286(2016)")
    assert response.status_code == 400
    assert response.json() == {"error": "cite is given 2 times: give it once", "parameter": "cite"}
