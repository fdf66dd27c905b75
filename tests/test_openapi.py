"""The API's OpenAPI description: a valid OpenAPI 3.1 document that names every endpoint, and a
live server whose every answer conforms to it, checked by schemathesis with generated requests
and with requests for texts the archive holds."""

import re

import pytest
import requests
import schemathesis
from django.db import connection
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api import urls as api_urls
from resolutions.importer import Status
from resolutions.states import all_states
from resolutions.symbols import parse_symbol
from search.indexing import backend
from tests.importing import import_file

# Requests that reach texts the archive holds: generated symbols and eids almost never do.
HELD = {
    "/resolutions/{symbol}/": [{"symbol": "A/RES/80/501"}, {"symbol": "S/RES/2286(2016)"}],
    "/resolutions/{symbol}/{language}/": [
        {"symbol": "A/RES/76/127", "language": "zh"},
        {"symbol": "A/RES/80/501", "language": "fr"},
    ],
    "/resolutions/{symbol}/{language}/{eid}/": [
        {"symbol": "A/RES/80/501", "language": "en", "eid": "para_2_b_ii"},
        {"symbol": "A/RES/80/501", "language": "en", "eid": "fn_1"},
        {"symbol": "A/RES/76/127", "language": "zh", "eid": "para_4"},
    ],
}
SEARCHED = [{"q": "人道主义人员"}, {"q": "Council"}, {"q": "76/127"}]
# Citations of places the archive holds, of one it does not and of a resolution it does not.
CITED = [
    {"cite": "大会第76/127号决议，第4段"},
    {"cite": "A/RES/80/501, para. 2 (b) (ii)"},
    {"cite": "76/127, para. 999"},
    {"cite": "GA res 46/182, para 1"},
]
GENERATED_EXAMPLES = 20
HELD_EXAMPLES = 4


@pytest.fixture
def description(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_description_is_valid_openapi_3_1(description):
    validate(description)  # raises, saying where, when the document is not valid
    assert description["openapi"] == "3.1.0"
    assert description["servers"] == [{"url": "/api/v1"}]


def _documented_path(route) -> str:
    """An API route as an OpenAPI path: resolutions/<symbol:symbol>/ → /resolutions/{symbol}/"""
    return "/" + re.sub(r"<\w+:(\w+)>", r"{\1}", str(route.pattern))


def test_the_description_names_every_endpoint_and_its_path_parameters(description):
    routes = [route for route in api_urls.urlpatterns if route.name != "elsewhere"]
    assert set(description["paths"]) == {_documented_path(route) for route in routes}
    parameters = description["components"]["parameters"]
    for path, item in description["paths"].items():
        declared = [
            parameters[p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p
            for p in item["get"]["parameters"]
        ]
        in_path = {p["name"] for p in declared if p["in"] == "path"}
        assert in_path == set(re.findall(r"{(\w+)}", path)), path
        assert set(item) == {"get"}, "the API is read-only"


@pytest.fixture
def served_archive(
    transactional_db,
    live_server,
    settings,
    corpus_dir,
    sample_path,
    english_fixture,
    french_fixture,
):
    """The four texts of the API tests, committed and indexed, behind a live server."""
    settings.SEARCH_INDEX_ON_IMPORT = True
    backend().clear()
    council = corpus_dir / "en" / "sc" / "S_RES_2286_2016.en.txt"
    for path in (sample_path, english_fixture, french_fixture, council):
        assert import_file(path).status == Status.IMPORTED, path
    yield f"{live_server.url}/api/v1"
    backend().clear()


def _exercise(
    strategy, base_url: str, session: requests.Session, examples: int, excluded_checks=()
) -> set[int]:
    """Send ``examples`` generated requests; every answer must be one the description allows:
    a documented status (never a 5xx), content type, headers and body schema. Returns the
    statuses seen."""
    statuses = set()

    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def answers_as_described(case):
        response = case.call_and_validate(
            base_url=base_url, session=session, excluded_checks=list(excluded_checks)
        )
        statuses.add(response.status_code)

    answers_as_described()
    return statuses


def _askable(operation, strategy):
    return strategy.filter(_askable_search) if operation.path == "/search/" else strategy


def _askable_search(case) -> bool:
    """Whether a generated search asks what the API can answer: the description cannot say
    that a symbol must be a resolution's, a state one of the States the archive knows, or that
    adopted_to is not before adopted_from, and the API refuses each with its documented 400."""
    query = case.query or {}
    if "symbol" in query and not _is_resolution_symbol(str(query["symbol"])):
        return False
    if "state" in query and str(query["state"]) not in all_states():
        return False
    first, last = query.get("adopted_from"), query.get("adopted_to")
    return not (first and last and str(first) > str(last))


def _is_resolution_symbol(text: str) -> bool:
    symbol = parse_symbol(text)
    return symbol is not None and symbol.is_resolution


def test_every_operation_answers_as_described(served_archive):
    schema = schemathesis.openapi.from_url(f"{served_archive}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    # Loaded from its URL, the description leaves out the operation that serves it.
    assert {operation.path for operation in operations} == {
        "/",
        "/resolutions/",
        "/resolutions/{symbol}/",
        "/resolutions/{symbol}/{language}/",
        "/resolutions/{symbol}/{language}/{eid}/",
        "/resolutions/{symbol}/changes/",
        "/search/",
        "/resolve/",
        "/compare/",
        "/series/{slug}/",
    }
    seen = {}
    with requests.Session() as session:
        for operation in operations:
            # Any string the description allows may be sent as a citation, and most are none:
            # /resolve/ answers them with its documented 400, which is no rejected valid request.
            # So with /compare/, whose symbols are any strings a reader may type.
            lenient = (
                [positive_data_acceptance] if operation.path in ("/resolve/", "/compare/") else []
            )
            strategy = _askable(operation, operation.as_strategy())
            statuses = _exercise(strategy, served_archive, session, GENERATED_EXAMPLES, lenient)
            for path_parameters in HELD.get(operation.path, []):
                strategy = operation.as_strategy(path_parameters=path_parameters)
                statuses |= _exercise(strategy, served_archive, session, HELD_EXAMPLES)
            if operation.path in ("/search/", "/resolve/"):
                for query in SEARCHED if operation.path == "/search/" else CITED:
                    strategy = _askable(operation, operation.as_strategy(query=query))
                    statuses |= _exercise(strategy, served_archive, session, HELD_EXAMPLES, lenient)
            seen[operation.path] = statuses
    # Both the texts held and those not were reached, and the search found something.
    for path in HELD:
        assert {200, 404} <= seen[path], (path, seen[path])
    assert 200 in seen["/resolutions/"] and 200 in seen["/search/"]
    assert {200, 400, 404} <= seen["/resolve/"]


def test_parameters_outside_the_description_are_refused_with_a_400(served_archive):
    schema = schemathesis.openapi.from_url(f"{served_archive}/openapi.json")
    with requests.Session() as session:
        for path in ("/resolutions/", "/search/"):
            strategy = schema[path]["GET"].as_strategy(generation_mode=GenerationMode.NEGATIVE)
            statuses = _exercise(strategy, served_archive, session, GENERATED_EXAMPLES)
            assert 400 in statuses, (path, statuses)


@pytest.fixture
def database_away(transactional_db):
    """The connection pointed at a port where no server listens, as while PostgreSQL restarts."""
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
    yield
    connection.close()
    connection.settings_dict.update(saved)


@pytest.mark.parametrize(
    ("url", "documented"),
    [
        ("resolutions/", "/resolutions/"),
        ("resolutions/A/RES/80/501/", "/resolutions/{symbol}/"),
        ("resolutions/A/RES/80/501/en/para_1/", "/resolutions/{symbol}/{language}/{eid}/"),
    ],
)
def test_while_the_database_is_away_the_api_answers_its_documented_503(
    client, description, database_away, url, documented
):
    response = client.get(f"/api/v1/{url}")
    assert response.status_code == 503
    assert response.json() == {"error": "database unavailable"}
    assert response["Retry-After"] == "5" and response["Access-Control-Allow-Origin"] == "*"
    assert "503" in description["paths"][documented]["get"]["responses"]
