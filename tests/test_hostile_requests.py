"""Whatever a client sends — in the search box, the query string or the path — the answer is a
page or a refusal (4xx), never a server error.

Searches run against a real index holding two resolutions, on each search engine (the
``search_engine`` fixture); the pages that need no search, on the default one. Queries, filters,
page numbers and paths are generated: unbalanced quotes and brackets, operators alone, wildcards,
field syntax, NUL and control characters, bidirectional marks, emoji, invalid percent-encoding,
very long values and repeated parameters.
"""

from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.importer import Status
from search.engines import backend
from search.forms import MAX_QUERY
from tests.importing import import_file

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Pieces of the query language and of the things people paste into a search box.
FRAGMENTS = [
    '"',
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "-",
    "*",
    "?",
    "~",
    "^2",
    "text:",
    "symbol:",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "/",
    ":",
    "76/127",
    "2286(2016)",
    "A/RES/80/501",
    "第 76/127 号决议",
    "联合国人员",
    "records",
    "\x00",
    "\x01",
    "\x1b",
    "\u200f",
    "\u202e",
    "\ufeff",
    "😀",
    "👩‍👩‍👧",
    "％",
    "%ff",
    "%",
    " ",
    "\t",
    "\n",
    "<script>",
    "'",
    ";",
    "--",
    "a" * 300,
    "国" * 300,
]
hostile_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=6).map(" ".join),
    st.integers(1, 200_000).map(lambda size: "records " * (size // 8)),
)
# Raw query-string values, percent-encoded or not: invalid UTF-8, a lone or broken "%".
raw_values = st.one_of(
    st.binary(max_size=40).map(lambda data: quote_from_bytes(data, safe="")),
    st.sampled_from(["%ff%fe", "%c0%af", "%ed%a0%80", "%", "%z", "%%", "%00", "+", "&", "="]),
    hostile_text.map(lambda text: quote(text, safe="")),
    st.integers().map(str),
    st.sampled_from(["-1", "0", "1e9", "99999999999999999999", "NaN", "1.5", "0x10", "１"]),
)
PARAMETERS = ["q", "page", "sort", "format", "body", "period", "language", "kind", "go", "lang"]
query_strings = st.lists(
    st.tuples(st.sampled_from(PARAMETERS) | raw_values, raw_values), max_size=8
).map(lambda pairs: "&".join(f"{name}={value}" for name, value in pairs))
# Resolution URLs with odd symbols: the characters of symbols, and everything else.
path_pieces = st.one_of(
    st.sampled_from(
        ["A", "RES", "S", "80", "501", "2286(2016)", "en", "fr", "zh", "en-fr", "para_1"]
        + ["preamble_1", "fn_1", "..", ".", "", "ES-11", "%00", "%ff", "%2F", "%", "(", ")"]
    ),
    raw_values,
)
paths = st.lists(path_pieces, min_size=1, max_size=8).map(lambda parts: "/" + "/".join(parts))


def import_archive() -> None:
    for name in ("en_A_RES_80_501.md", "fr_A_RES_80_501.md"):
        assert import_file(FIXTURES / "markdown" / name).status == Status.IMPORTED


@pytest.fixture
def archive(settings):
    """A small real index on the default engine: a resolution in English and French."""
    settings.SEARCH_INDEX_ON_IMPORT = True
    backend().clear()
    import_archive()
    yield
    backend().clear()


@pytest.fixture
def searched_archive(search_engine):
    """The same, in an index of each search engine."""
    import_archive()
    assert backend().document_count() > 0


def assert_answered(client, url: str):
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)
    return response


def test_any_search_query_is_answered_without_a_server_error(client, searched_archive):
    @BOUNDED
    @given(query=hostile_text, json=st.booleans())
    def check(query, json):
        params = {"q": query} | ({"format": "json"} if json else {})
        response = assert_answered(client, "/search/?" + urlencode(params))
        # Longer than the search takes: the site's own 400, as a page or as JSON.
        assert response.status_code == (400 if len(query) > MAX_QUERY else 200)

    check()


def test_any_query_string_is_answered_without_a_server_error(client, searched_archive):
    @BOUNDED
    @given(query_string=query_strings)
    def check(query_string):
        # Never "search index unavailable": that is what an engine failing on a query says.
        assert assert_answered(client, "/search/?" + query_string).status_code != 503
        assert_answered(client, "/?" + query_string)
        assert_answered(client, "/ga/80/?" + query_string)

    check()


def test_any_highlight_asked_of_a_paragraph_is_answered_without_a_server_error(client, archive):
    @BOUNDED
    @given(query=hostile_text, query_string=query_strings)
    def check(query, query_string):
        response = assert_answered(
            client, "/A/RES/80/501/en/para_2_b_i/?" + urlencode({"q": query})
        )
        assert response.status_code == 200
        assert_answered(client, "/A/RES/80/501/fr/para_1/?" + query_string)
        assert_answered(client, "/A/RES/80/501/?" + query_string)

    check()


def test_any_path_is_answered_without_a_server_error(client, archive):
    @BOUNDED
    @given(path=paths, trailing_slash=st.booleans())
    def check(path, trailing_slash):
        assert_answered(client, path + ("/" if trailing_slash else ""))

    check()


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%00",
        "/search/?q=%ff%fe",
        "/search/?q=records&page=-1",
        "/search/?q=records&page=99999999999999999999",
        "/search/?q=records&page=abc&sort=%00&format=%ff",
        "/search/?q=records&body=%00&period=GA%2099999999999999999999&language=zz&kind=%ff",
        "/search/?q=records&period=SC%20abc&period=GA&q=%22&q=(",
        "/search/?q=text:&format=json",
        "/search/?q=" + "records%20" * (MAX_QUERY // 8),
    ],
)
def test_known_hostile_searches_are_answered_without_a_server_error(client, searched_archive, url):
    # Never "search index unavailable" either: that is what an engine failing on a query says.
    assert assert_answered(client, url).status_code == 200


def test_a_query_longer_than_the_search_takes_is_the_site_s_400(client, searched_archive):
    assert assert_answered(client, "/search/?q=" + "records%20" * 20_000).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/A/RES/%00/",
        "/A/RES/80/501%00/",
        "/A/RES/80/501/en/para_1%00/",
        "/A/RES/80/501/en/para_1/?q=%00%ff",
        "/%ff%fe/",
        "/%",
        "/" + "A/RES/" * 3000,
        "/ga/%00/",
        "/ga/99999999999999999999/",
        "/sc/99999999999999999999/",
        "/ga/80/?page=%00&order=%ff&lang=%00",
        "/2286(2016)%00",
    ],
)
def test_known_hostile_requests_are_answered_without_a_server_error(client, archive, url):
    assert_answered(client, url)


@pytest.mark.parametrize(
    "url, status, location",
    [
        ("/a/res/80/501/en/para_1/", 301, "/A/RES/80/501/en/para_1/"),
        ("/80/501/en-fr", 301, "/A/RES/80/501/en-fr/"),
        ("/" + "x/" * 5000 + "a/res/80/501/", 404, None),
        ("/a/res/80/501/en/para_1/" + "x/" * 5000, 404, None),
    ],
)
def test_variant_spellings_redirect_and_long_paths_are_not_found(client, url, status, location):
    response = client.get(url)
    assert response.status_code == status
    assert response.get("Location") == location
