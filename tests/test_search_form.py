"""One search form for the search page, its feed and the API: the same parameters, checked the
same way. The API refuses what the form refuses with a 400 naming the parameter; the page and the
feed still answer, reading a refused value as the page always has (real index, real requests)."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from resolutions.importer import Status
from search.forms import MAX_PAGE, MAX_QUERY, QUERY_REQUIRED, SearchForm
from tests.importing import import_file

ATOM = "{http://www.w3.org/2005/Atom}"


def form(query_string: str, **options) -> SearchForm:
    return SearchForm(QueryDict(query_string), **options)


# --- The form -----------------------------------------------------------------------------------


def test_a_search_the_form_accepts_is_read_as_given():
    searched = form(
        "q=humanitarian&body=GA&period=GA+ES-11&language=zh&kind=footnote&sort=date&page=3",
        query_required=True,
    )
    assert searched.is_valid() and searched.first_error() is None
    assert searched.search_arguments() == (
        "humanitarian",
        {"body": "GA", "period": "GA ES-11", "language": "zh", "kind": "footnote"},
        "date",
        3,
    )


@pytest.mark.parametrize(
    ("query_string", "refused"),
    [
        ("", ("q", QUERY_REQUIRED)),
        ("q=", ("q", QUERY_REQUIRED)),
        (f"q={'x' * (MAX_QUERY + 1)}", ("q", f"q is too long: {MAX_QUERY} characters at most")),
        ("q=a&q=b", ("q", "q is given 2 times: give it once")),
        ("q=a&body=UNGA", ("body", "body must be GA or SC")),
        ("q=a&body=", ("body", "body must be GA or SC")),
        (
            "q=a&period=SC+16",
            (
                "period",
                "period must be an Assembly session or a Council year: GA 76, GA ES-11, SC 2016",
            ),
        ),
        ("q=a&language=english", ("language", "language must be one of zh, en, fr, es, ru, ar")),
        (
            "q=a&kind=annex",
            ("kind", "kind must be one of preambular, operative, subparagraph, other, footnote"),
        ),
        ("q=a&sort=oldest", ("sort", "sort must be one of relevance, date")),
        ("q=a&sort=date&sort=date&sort=date", ("sort", "sort is given 3 times: give it once")),
        ("q=a&page=0", ("page", f"page must be a whole number from 1 to {MAX_PAGE}")),
        (f"q=a&page={MAX_PAGE + 1}", ("page", f"page must be a whole number from 1 to {MAX_PAGE}")),
        ("q=a&page=2.0", ("page", f"page must be a whole number from 1 to {MAX_PAGE}")),
        # The first refusal in the order of the parameters is the one given.
        ("page=0&kind=annex&q=a&body=UNGA", ("body", "body must be GA or SC")),
    ],
)
def test_the_form_refuses_a_value_the_index_cannot_hold_naming_it(query_string, refused):
    checked = form(query_string, query_required=True)
    assert not checked.is_valid()
    assert checked.first_error() == refused


def test_without_words_a_search_is_the_page_s_empty_start_unless_words_are_required():
    assert form("").is_valid()
    assert form("").search_arguments() == ("", {}, "relevance", 1)
    assert form("", query_required=True).first_error() == ("q", QUERY_REQUIRED)


@pytest.mark.parametrize(
    ("query_string", "arguments"),
    [
        ("q=a&q=b&body=GA&body=SC", ("b", {"body": "SC"}, "relevance", 1)),
        (f"q={'x' * 1500}", ("x" * 1500, {}, "relevance", 1)),
        ("q=a&body=UNGA&language=", ("a", {"body": "UNGA"}, "relevance", 1)),
        ("q=a&sort=oldest", ("a", {}, "relevance", 1)),
        ("q=a&sort=oldest&sort=date", ("a", {}, "date", 1)),
        ("q=a&page=abc", ("a", {}, "relevance", 1)),
        ("q=a&page=-3", ("a", {}, "relevance", 1)),
        ("q=a&page=", ("a", {}, "relevance", 1)),
        ("q=a&page=99999999999999999999", ("a", {}, "relevance", MAX_PAGE)),
        ("q=a&page=+7", ("a", {}, "relevance", 7)),
    ],
)
def test_the_page_and_the_feed_read_a_refused_value_as_the_page_always_has(query_string, arguments):
    assert form(query_string).search_arguments() == arguments


# --- The page, the feed and the API, on one index -----------------------------------------------


@pytest.fixture
def searched(db, search_engine, sample_path, english_fixture):
    """A/RES/76/127 in Chinese and A/RES/80/501 in English, which cites it, in an index of each
    engine."""
    for path in (sample_path, english_fixture):
        assert import_file(path).status == Status.IMPORTED


def api_answer(client, pairs):
    response = client.get(f"/api/v1/search/?{urlencode(pairs)}")
    return response.status_code, response.json()


def page_results(client, pairs) -> dict:
    response = client.get(f"/search/?{urlencode([*pairs, ('format', 'json')])}")
    assert response.status_code == 200
    results = json.loads(response.content)
    del results["seconds"]
    return results


def feed_entries(client, pairs) -> list[str]:
    response = client.get(f"/search/feed.atom?{urlencode(pairs)}")
    assert response.status_code == 200
    return [
        entry.findtext(f"{ATOM}id")
        for entry in ET.fromstring(response.content).iter(f"{ATOM}entry")
    ]


@pytest.mark.parametrize(
    ("extra", "parameter", "read_as"),
    [
        ([("sort", "oldest")], "sort", []),
        ([("page", "abc")], "page", []),
        ([("page", "0")], "page", []),
        ([("language", "zh"), ("language", "en")], "language", [("language", "en")]),
    ],
)
def test_a_refused_value_is_a_400_from_the_api_and_read_leniently_by_the_page_and_feed(
    client, searched, extra, parameter, read_as
):
    search = [("q", "76/127")]
    status, answer = api_answer(client, search + extra)
    assert status == 400 and answer["parameter"] == parameter
    assert answer["error"] == form(urlencode(search + extra)).first_error()[1]

    assert api_answer(client, search + read_as)[0] == 200
    expected = page_results(client, search + read_as)
    assert expected["hits"], "the search finds something"
    assert page_results(client, search + extra) == expected
    assert feed_entries(client, search + extra) == feed_entries(client, search + read_as)


def test_a_filter_the_index_cannot_hold_is_refused_by_the_api_and_finds_nothing_elsewhere(
    client, searched
):
    search = [("q", "76/127"), ("body", "UNGA")]
    assert api_answer(client, search) == (
        400,
        {"error": "body must be GA or SC", "parameter": "body"},
    )
    assert page_results(client, search)["total"] == 0
    # The page keeps the filter as given in its links, so removing it is one click.
    html = client.get(f"/search/?{urlencode(search)}").content.decode()
    assert "body=UNGA" in html
    assert feed_entries(client, search) == []


def test_the_api_description_states_the_bounds_of_the_form(client):
    description = client.get("/api/v1/openapi.json").json()
    search = {p.get("name"): p for p in description["paths"]["/search/"]["get"]["parameters"]}
    assert search["q"]["schema"]["maxLength"] == MAX_QUERY
    page = description["components"]["parameters"]["Page"]
    assert page["schema"]["maximum"] == MAX_PAGE
