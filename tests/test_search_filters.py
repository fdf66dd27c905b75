"""Narrowing a search: within one resolution (``symbol=``, and the box on a resolution's page),
by adoption date (``adopted_from``, ``adopted_to``), the periods of the facets in the order of
time, and pages of any size in the API (``per_page``). Real index, real database."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from resolutions.importer import Status
from resolutions.models import Resolution
from search.periods import in_chronological_order
from search.service import run_search
from tests.importing import import_file
from tests.test_search import all_hits, containing

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
API = "/api/v1/search/"


@pytest.fixture
def archive(search_engine, sample_path, corpus_dir, english_fixture):
    """Two Assembly sessions (76 in Chinese and English, 80 in English) and three Council years
    (1946, 2014, 2016), indexed."""
    for path in (
        sample_path,
        corpus_dir / "en" / "ga" / "A_RES_76_127.en.txt",
        english_fixture,
        corpus_dir / "en" / "sc" / "S_RES_2175_2014.en.txt",
        corpus_dir / "en" / "sc" / "S_RES_2286_2016.en.txt",
        corpus_dir / "en" / "sc-crunsc" / "S_RES_0001_1946.en.txt",
    ):
        assert import_file(path).status == Status.IMPORTED, path


def symbols_of(hits) -> set[str]:
    return {symbol for symbol, _, _ in hits}


# --- Within one resolution -----------------------------------------------------------------------


def test_symbol_keeps_the_search_within_one_resolution(archive):
    everywhere = all_hits("personnel")
    assert symbols_of(everywhere) > {"A/RES/76/127"}
    for spelling in ("A/RES/76/127", "76/127", "a/res/76/127"):
        within = all_hits("personnel", symbol=spelling)
        assert within == {hit for hit in everywhere if hit[0] == "A/RES/76/127"}


def test_a_council_symbol_is_read_in_any_spelling(archive):
    within = all_hits("protection", symbol="2286(2016)")
    assert within and symbols_of(within) == {"S/RES/2286 (2016)"}


def test_the_search_page_says_it_searches_within_and_offers_everything(client, archive):
    page = client.get("/search/", {"q": "personnel", "symbol": "76/127"}).content.decode()
    assert "Searching within A/RES/76/127." in page
    assert '<a href="?q=personnel&amp;sort=relevance">搜索全部决议' in page
    assert 'name="symbol" type="text" value="A/RES/76/127"' in page
    # The facets keep the search within the resolution.
    assert "symbol=A%2FRES%2F76%2F127" in page.split('class="facets"')[1].split("</aside>")[0]


def test_the_resolution_page_has_a_box_that_searches_within_it(client, archive):
    page = client.get("/A/RES/80/501/en/").content.decode()
    box = page.split('<form class="search-within-box"')[1].split("</form>")[0]
    assert 'action="/search/"' in box
    assert '<input type="hidden" name="symbol" value="A/RES/80/501">' in box
    assert 'name="q" type="search"' in box
    data = client.get("/search/", {"symbol": "A/RES/80/501", "q": "records", "format": "json"})
    assert {hit["symbol"] for hit in data.json()["hits"]} == {"A/RES/80/501"}


def test_a_symbol_the_filter_cannot_read_is_a_400_in_the_api_and_a_notice_on_the_page(
    client, archive
):
    response = client.get(API, {"q": "personnel", "symbol": "not a symbol"})
    assert response.status_code == 400 and response.json()["parameter"] == "symbol"
    assert "resolution's symbol" in response.json()["error"]
    page = client.get("/search/", {"q": "personnel", "symbol": "A/76/L.26"})
    assert page.status_code == 200
    assert "A filter was not used: symbol must be a resolution&#x27;s symbol" in page.text


# --- Adoption dates ------------------------------------------------------------------------------


def test_adoption_dates_bound_the_hits(archive):
    everywhere = all_hits("the")
    assert symbols_of(all_hits("the", adopted_from="2021-12-10")) == {
        "A/RES/76/127",
        "A/RES/80/501",
    }
    assert symbols_of(all_hits("the", adopted_to="2016-12-31")) == {
        "S/RES/1 (1946)",
        "S/RES/2175 (2014)",
        "S/RES/2286 (2016)",
    }
    one_day = all_hits("the", adopted_from="2021-12-10", adopted_to="2021-12-10")
    assert one_day == {hit for hit in everywhere if hit[0] == "A/RES/76/127"}
    assert all_hits("the", adopted_from="2021-12-11", adopted_to="2025-11-30") == set()


def test_the_feed_and_the_page_keep_the_dates(client, archive):
    feed = client.get("/search/feed.atom", {"q": "the", "adopted_to": "2016-12-31"})
    entries = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    assert entries
    assert all("/S/RES/" in entry.find(f"{ATOM}id").text for entry in entries)
    page = client.get("/search/", {"q": "the", "adopted_to": "2016-12-31"}).content.decode()
    assert 'name="adopted_to" type="date" value="2016-12-31"' in page
    assert "adopted_to=2016-12-31" in page.split('class="facets"')[1].split("</aside>")[0]


BAD_DATES = [
    ({"adopted_from": "10 December 2021"}, "adopted_from", "YYYY-MM-DD"),
    ({"adopted_from": "2021-02-30"}, "adopted_from", "YYYY-MM-DD"),
    ({"adopted_to": "20211210"}, "adopted_to", "YYYY-MM-DD"),
    ({"adopted_from": "2022-01-01", "adopted_to": "2021-01-01"}, "adopted_to", "before"),
]


def test_a_bad_date_is_a_400_in_the_api_and_a_notice_on_the_page(client, archive):
    for params, parameter, message in BAD_DATES:
        response = client.get(API, {"q": "the", **params})
        assert response.status_code == 400
        assert response.json()["parameter"] == parameter and message in response.json()["error"]
        page = client.get("/search/", {"q": "the", **params})
        assert page.status_code == 200
        assert "A filter was not used: " in page.text and message in page.text


def test_blank_dates_and_symbol_from_the_form_are_not_asked_for(client, archive):
    page = client.get(
        "/search/", {"q": "the", "symbol": "", "adopted_from": "", "adopted_to": ""}
    ).content.decode()
    assert "A filter was not used" not in page
    assert run_search("the", {}).total == int(
        page.split('class="result-summary"')[1].split("<strong>")[1].split("</strong>")[0]
    )


# --- Periods in the order of time ----------------------------------------------------------------


def test_the_period_facet_lists_sessions_and_years_in_the_order_of_time(client, archive):
    data = client.get("/search/", {"q": "the", "format": "json"}).json()
    periods = [value for value, _ in data["facets"]["period"]]
    assert periods == ["SC 1946", "SC 2014", "SC 2016", "GA 76", "GA 80"]
    counts = [count for _, count in data["facets"]["period"]]
    assert counts != sorted(counts, reverse=True)  # not by count
    page = client.get("/search/", {"q": "the"}).content.decode()
    facet = page.split("届会/年份 Session or year")[1].split("</section>")[0]
    assert [facet.index(f"period={p.replace(' ', '+')}") for p in periods] == sorted(
        facet.index(f"period={p.replace(' ', '+')}") for p in periods
    )


def test_special_sessions_stand_where_their_first_adoption_puts_them(db):
    for symbol, special, session, adopted in (
        ("A/RES/ES-11/1", "ES", 11, date(2022, 3, 2)),
        ("A/RES/S-27/2", "S", 27, date(2002, 5, 10)),
    ):
        Resolution.objects.create(
            symbol=symbol,
            body="GA",
            session=session,
            special_session=special,
            number=1,
            adopted_on=adopted,
        )
    periods = [
        ("GA 76", 9),
        ("GA ES-11", 1),
        ("SC 2022", 5),
        ("GA S-27", 2),
        ("GA 1", 3),
        ("GA S-1", 1),
        ("SC 1946", 4),
    ]
    assert [period for period, _ in in_chronological_order(periods)] == [
        "GA 1",  # January 1946
        "SC 1946",
        "GA S-27",  # May 2002
        "GA 76",  # September 2021
        "SC 2022",
        "GA ES-11",  # March 2022
        "GA S-1",  # nothing adopted in the archive: last
    ]


# --- Pages of any size in the API ----------------------------------------------------------------


def test_the_search_api_honours_per_page(client, archive):
    total = len(containing("人员"))
    assert total > 25
    data = client.get(API, {"q": "人员", "per_page": "7", "page": "2"}).json()
    assert len(data["hits"]) == 7 and data["per_page"] == 7
    assert data["pages"] == -(-total // 7) and data["total"] == total
    assert data["links"]["next"] == f"http://testserver{API}?q=%E4%BA%BA%E5%91%98&per_page=7&page=3"
    first = client.get(API, {"q": "人员", "per_page": "7"}).json()["hits"]
    assert not {hit["eid"] for hit in first} & {hit["eid"] for hit in data["hits"]}
    everything = client.get(API, {"q": "人员", "per_page": "100"}).json()
    assert len(everything["hits"]) == min(total, 100)
    assert client.get(API, {"q": "人员"}).json()["per_page"] == 20


def test_a_page_size_out_of_bounds_is_a_400(client, archive):
    for per_page in ("0", "101", "ten", "-5"):
        response = client.get(API, {"q": "人员", "per_page": per_page})
        assert response.status_code == 400
        assert response.json() == {
            "error": "per_page must be a whole number from 1 to 100",
            "parameter": "per_page",
        }


def test_the_description_documents_the_new_search_parameters(client):
    search = client.get("/api/v1/openapi.json").json()["paths"]["/search/"]["get"]
    parameters = {p["name"]: p for p in search["parameters"] if "name" in p}
    assert parameters["per_page"]["schema"]["maximum"] == 100
    assert parameters["per_page"]["schema"]["default"] == 20
    assert parameters["adopted_from"]["schema"]["format"] == "date"
    assert {"symbol", "adopted_to"} <= set(parameters)
