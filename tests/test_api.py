"""The JSON API under /api/v1/: resolutions, language versions, paragraphs and footnotes, search;
pages and their links, filters, JSON errors, revalidation (ETag, Last-Modified) and CORS."""

import json
import shutil
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.test import override_settings

from resolutions.exports import export_version
from resolutions.importer import Status
from resolutions.models import LanguageVersion, Resolution
from search.indexing import backend
from tests.importing import import_file

pytestmark = pytest.mark.django_db

API = "/api/v1"
EVERY_RESOURCE = [
    f"{API}/resolutions/",
    f"{API}/resolutions/?body=GA&per_page=1&page=2",
    f"{API}/resolutions/A/RES/80/501/",
    f"{API}/resolutions/A/RES/80/501/en/",
    f"{API}/resolutions/A/RES/80/501/en/para_2_b_ii/",
    f"{API}/resolutions/S/RES/2286(2016)/en/para_1/",
]


@pytest.fixture(scope="module")
def archive(
    django_db_setup, django_db_blocker, corpus_dir, sample_path, english_fixture, french_fixture
):
    """Three resolutions in four texts, imported and indexed once for the module: A/RES/76/127
    (zh), A/RES/80/501 (en, fr; it cites 76/127, 2286 (2016) and 46/182, which is not in the
    archive) and S/RES/2286 (2016) (en). Each test runs in a savepoint of this transaction, which
    is rolled back after the module."""
    council = corpus_dir / "en" / "sc" / "S_RES_2286_2016.en.txt"
    with django_db_blocker.unblock(), transaction.atomic():
        backend().clear()
        with override_settings(SEARCH_INDEX_ON_IMPORT=True):
            for path in (sample_path, english_fixture, french_fixture, council):
                assert import_file(path).status == Status.IMPORTED, path
        yield
        transaction.set_rollback(True)
        backend().clear()


@pytest.fixture
def imported_an_hour_ago(archive):
    """The archive as if imported an hour ago, so that what a test imports is visibly later even
    to Last-Modified, which counts whole seconds."""
    earlier = timedelta(hours=1)
    LanguageVersion.objects.update(imported_at=F("imported_at") - earlier)
    Resolution.objects.update(
        created_at=F("created_at") - earlier, updated_at=F("updated_at") - earlier
    )


def get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json", response.content[:200]
    return response


def symbols(response) -> list[str]:
    return [row["symbol"] for row in response.json()["results"]]


# --- The list of resolutions -------------------------------------------------------------------


def test_the_list_gives_resolutions_newest_first_with_their_languages(client, archive):
    response = get(client, f"{API}/resolutions/")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3 and data["page"] == 1 and data["pages"] == 1
    assert symbols(response) == ["A/RES/80/501", "A/RES/76/127", "S/RES/2286 (2016)"]
    first = data["results"][0]
    assert first["languages"] == ["en", "fr"]
    assert first["adopted_on"] == "2025-12-01"
    assert first["body"] == "GA" and first["session"] == 80 and first["number"] == "501"
    assert first["title"] == "Preservation of the records of the United Nations"
    assert first["links"] == {
        "self": "http://testserver/api/v1/resolutions/A/RES/80/501/",
        "html": "http://testserver/A/RES/80/501/",
    }
    council = data["results"][2]
    assert council["year"] == 2016 and council["session"] is None
    assert council["links"]["self"] == "http://testserver/api/v1/resolutions/S/RES/2286(2016)/"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body": "SC"}, ["S/RES/2286 (2016)"]),
        ({"body": "GA"}, ["A/RES/80/501", "A/RES/76/127"]),
        ({"session": "76"}, ["A/RES/76/127"]),
        ({"session": "ES-11"}, []),
        ({"year": "2016"}, ["S/RES/2286 (2016)"]),
        ({"year": "2025"}, ["A/RES/80/501"]),
        ({"language": "fr"}, ["A/RES/80/501"]),
        ({"language": "zh"}, ["A/RES/76/127"]),
        ({"q": "76/127"}, ["A/RES/76/127"]),
        ({"q": "2286 (2016)"}, ["S/RES/2286 (2016)"]),
        ({"q": "A/RES/80"}, ["A/RES/80/501"]),
        ({"body": "GA", "language": "en"}, ["A/RES/80/501"]),
        ({"body": "SC", "session": "76"}, []),
    ],
)
def test_the_list_filters_by_body_session_year_language_and_symbol(
    client, archive, params, expected
):
    response = get(client, f"{API}/resolutions/", **params)
    assert response.status_code == 200
    assert symbols(response) == expected
    assert response.json()["count"] == len(expected)


def test_the_titles_of_the_list_follow_the_language_filter(client, archive):
    (row,) = get(client, f"{API}/resolutions/", language="fr").json()["results"]
    assert (
        row["title"]
        != get(client, f"{API}/resolutions/", language="en").json()["results"][0]["title"]
    )
    french = LanguageVersion.objects.get(resolution__symbol="A/RES/80/501", language="fr")
    assert row["title"] == french.title


def test_pages_link_to_their_neighbours_in_the_body_and_the_link_header(client, archive):
    base = "http://testserver/api/v1/resolutions/?body=GA&per_page=1&page="
    first = get(client, f"{API}/resolutions/", body="GA", per_page="1")
    assert first.json()["links"] == {
        "self": base + "1",
        "next": base + "2",
        "prev": None,
        "first": base + "1",
        "last": base + "2",
    }
    assert first["Link"] == f'<{base}2>; rel="next", <{base}1>; rel="first", <{base}2>; rel="last"'
    second = get(client, first.json()["links"]["next"])
    data = second.json()
    assert (data["count"], data["page"], data["pages"], data["per_page"]) == (2, 2, 2, 1)
    assert symbols(second) == ["A/RES/76/127"]
    assert data["links"]["next"] is None and data["links"]["prev"] == base + "1"
    assert f'<{base}1>; rel="prev"' in second["Link"] and 'rel="next"' not in second["Link"]


def test_a_page_past_the_last_is_a_json_404(client, archive):
    response = get(client, f"{API}/resolutions/", page="3", per_page="2")
    assert response.status_code == 404
    assert response.json() == {"error": "There is no page 3: the last page is 2"}


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("page", "0"),
        ("page", "two"),
        ("page", "-1"),
        ("page", "10001"),
        ("per_page", "0"),
        ("per_page", "101"),
        ("per_page", "1.5"),
        ("page", ""),
        ("body", ""),
        ("body", "ga"),
        ("body", "ECOSOC"),
        ("session", "76th"),
        ("session", "0"),
        ("year", "1900"),
        ("year", "２０１６"),
        ("language", "de"),
        ("q", "A/RES/" + "1" * 60),
    ],
)
def test_bad_list_parameters_are_a_json_400_naming_the_parameter(client, archive, parameter, value):
    response = get(client, f"{API}/resolutions/", **{parameter: value})
    assert response.status_code == 400
    data = response.json()
    assert data["parameter"] == parameter and parameter in data["error"]


def test_a_parameter_given_twice_is_a_json_400(client, archive):
    response = get(client, f"{API}/resolutions/", body=["GA", "SC"])
    assert response.status_code == 400
    assert response.json() == {"error": "body is given 2 times: give it once", "parameter": "body"}


def test_the_list_costs_the_same_queries_for_any_page_size(
    client, archive, django_assert_num_queries
):
    # The counts and dates of the whole list, one page of rows, their versions.
    for per_page in ("1", "3"):
        with django_assert_num_queries(3):
            assert get(client, f"{API}/resolutions/", per_page=per_page).status_code == 200


# --- One resolution, one language version, one paragraph -----------------------------------------


def test_a_resolution_lists_its_language_versions_with_links(client, archive):
    data = get(client, f"{API}/resolutions/A/RES/80/501/").json()
    assert data["symbol"] == "A/RES/80/501"
    assert data["meeting_number"] == 51
    assert data["draft_symbols"] == ["A/80/L.40", "A/80/L.40/Add.1"]
    assert data["languages"] == ["en", "fr"]
    assert [version["language"] for version in data["versions"]] == ["en", "fr"]
    assert data["versions"][1]["links"] == {
        "self": "http://testserver/api/v1/resolutions/A/RES/80/501/fr/",
        "html": "http://testserver/A/RES/80/501/fr/",
    }
    assert data["links"]["html"] == "http://testserver/A/RES/80/501/"


@pytest.mark.parametrize(
    "path",
    [
        "S/RES/2286(2016)/",
        "S%2FRES%2F2286%282016%29/",  # a client that percent-encodes the path parameter
    ],
)
def test_council_symbols_are_spelled_as_in_the_sites_urls(client, archive, path):
    response = get(client, f"{API}/resolutions/{path}")
    assert response.status_code == 200
    assert response.json()["symbol"] == "S/RES/2286 (2016)"


@pytest.mark.parametrize(
    ("asked", "canonical"),
    [
        ("resolutions/76/127/", "resolutions/A/RES/76/127/"),
        ("resolutions/a/res/80/501/fr/", "resolutions/A/RES/80/501/fr/"),
        ("resolutions/2286(2016)/en/fn_1/", "resolutions/S/RES/2286(2016)/en/fn_1/"),
        ("resolutions/S/RES/2286 (2016)/", "resolutions/S/RES/2286(2016)/"),
        ("resolutions?body=SC", "resolutions/?body=SC"),
    ],
)
def test_other_spellings_are_redirected_to_the_canonical_url(client, archive, asked, canonical):
    response = client.get(f"{API}/{asked}")
    assert response.status_code == 301
    assert response["Location"] == f"{API}/{canonical}"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_resolution_not_in_the_archive_is_a_json_404_pointing_to_the_un(client, archive):
    response = get(client, f"{API}/resolutions/A/RES/46/182/")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error.startswith("A/RES/46/182 is not in the archive") and "https://" in error
    assert get(client, f"{API}/resolutions/A/RES/46/182/en/para_1/").status_code == 404


def test_a_language_version_is_the_export_format_plus_links(client, archive):
    data = get(client, f"{API}/resolutions/A/RES/80/501/en/").json()
    links = data.pop("links")
    version = LanguageVersion.objects.with_contents().get(
        resolution__symbol="A/RES/80/501", language="en"
    )
    assert data == json.loads(json.dumps(export_version(version), cls=DjangoJSONEncoder))
    assert links == {
        "self": "http://testserver/api/v1/resolutions/A/RES/80/501/en/",
        "html": "http://testserver/A/RES/80/501/en/",
        "resolution": "http://testserver/api/v1/resolutions/A/RES/80/501/",
        "versions": {
            "en": "http://testserver/api/v1/resolutions/A/RES/80/501/en/",
            "fr": "http://testserver/api/v1/resolutions/A/RES/80/501/fr/",
        },
    }


def test_the_chinese_version_reads_as_exported(client, archive):
    data = get(client, f"{API}/resolutions/A/RES/76/127/zh/").json()
    assert data["language"] == "zh" and data["title"] == "人道主义人员的安全保障和联合国人员的保护"
    assert data["paragraphs"][0]["eid"] == "preamble_1"
    assert "第 46/182 号决议" in data["paragraphs"][0]["text"]


def test_a_missing_language_version_is_a_json_404_naming_the_others(client, archive):
    response = get(client, f"{API}/resolutions/A/RES/76/127/en/")
    assert response.status_code == 404
    assert response.json() == {"error": "A/RES/76/127 has no English version; it has: zh"}


def test_a_paragraph_comes_with_its_footnotes_citations_and_permalink(client, archive):
    data = get(client, f"{API}/resolutions/A/RES/80/501/en/para_2_b_ii/").json()
    assert data["symbol"] == "A/RES/80/501" and data["language"] == "en"
    assert (data["eid"], data["kind"], data["label"], data["parent"]) == (
        "para_2_b_ii",
        "subparagraph",
        "ii",
        "para_2_b",
    )
    assert data["text"].startswith("Keep the history of corrections")
    (note,) = data["footnotes"]
    assert (note["eid"], note["marker"], note["text"]) == ("fn_2", "2", "See also A/80/124.")
    assert data["text"][: note["offset"]].rstrip().endswith("corrections;")
    assert data["permalink"] == "http://testserver/A/RES/80/501/en/para_2_b_ii/"
    assert data["links"]["version"] == "http://testserver/api/v1/resolutions/A/RES/80/501/en/"
    assert client.get(data["permalink"]).status_code == 200


def test_citations_say_whether_the_cited_resolution_is_in_the_archive(client, archive):
    data = get(client, f"{API}/resolutions/A/RES/80/501/en/preamble_1/").json()
    resolved = {citation["target"]: citation["resolved"] for citation in data["citations"]}
    assert resolved == {"A/RES/46/182": False, "S/RES/2286 (2016)": True}


def test_a_footnote_is_read_like_a_paragraph_with_an_anchor_for_permalink(client, archive):
    data = get(client, f"{API}/resolutions/A/RES/80/501/en/fn_1/").json()
    assert (data["kind"], data["label"], data["footnotes"]) == ("footnote", "1", [])
    assert data["referenced_from"] == ["preamble_2"]
    assert data["text"] == "A/80/123, para. 14."
    assert data["permalink"] == "http://testserver/A/RES/80/501/en/#fn_1"


@pytest.mark.parametrize("eid", ["para_99", "fn_9", "preamble", "PARA_1"])
def test_an_unknown_paragraph_is_a_json_404(client, archive, eid):
    response = get(client, f"{API}/resolutions/A/RES/80/501/en/{eid}/")
    assert response.status_code == 404
    assert response.json() == {"error": f"A/RES/80/501 (en) has no paragraph or footnote {eid}"}


@pytest.mark.parametrize("eid", ["<script>", "%00", "para_1%0A", "x" * 65])
def test_what_cannot_be_an_eid_is_a_json_404(client, archive, eid):
    response = get(client, f"{API}/resolutions/A/RES/80/501/en/{eid}/")
    assert response.status_code == 404
    assert "No such API resource" in response.json()["error"]


# --- Search ------------------------------------------------------------------------------------


def test_search_answers_with_the_search_pages_json_and_links(client, archive):
    data = get(client, f"{API}/search/", q="人道主义人员", language="zh").json()
    page = client.get("/search/", {"q": "人道主义人员", "language": "zh", "format": "json"}).json()
    assert data["total"] > 0
    hit_links = [hit.pop("links") for hit in data["hits"]]
    (named,) = data["resolutions"]
    assert named.pop("links") == {
        "api": "http://testserver/api/v1/resolutions/A/RES/76/127/",
        "html": "http://testserver/A/RES/76/127/zh/",
    }
    assert data.pop("seconds") >= 0 and page.pop("seconds") >= 0
    assert data.pop("links")["self"].startswith("http://testserver/api/v1/search/?q=")
    assert data == page
    first = data["hits"][0]
    assert hit_links[0] == {
        "api": f"http://testserver/api/v1/resolutions/A/RES/76/127/zh/{first['eid']}/",
        "html": f"http://testserver{first['url']}",
    }
    assert get(client, hit_links[0]["api"]).json()["eid"] == first["eid"]


def test_search_pages_link_to_each_other_and_keep_the_filters(client, archive):
    first = get(client, f"{API}/search/", q="the", body="SC").json()
    assert first["total"] > 20 and first["pages"] == -(-first["total"] // 20)
    assert {hit["symbol"] for hit in first["hits"]} == {"S/RES/2286 (2016)"}
    assert first["links"]["prev"] is None
    assert first["links"]["next"] == "http://testserver/api/v1/search/?q=the&body=SC&page=2"
    second = get(client, first["links"]["next"])
    assert second.json()["page"] == 2 and 'rel="prev"' in second["Link"]
    seen = {hit["eid"] for hit in first["hits"]}
    assert seen.isdisjoint(hit["eid"] for hit in second.json()["hits"])


def test_search_facets_count_the_hits_of_each_value(client, archive):
    data = get(client, f"{API}/search/", q="2286 (2016)").json()
    languages = dict(data["facets"]["language"])
    assert languages["en"] > 0 and languages["fr"] > 0
    assert sum(dict(data["facets"]["body"]).values()) == data["total"]


def test_a_symbol_query_finds_what_cites_it(client, archive):
    data = get(client, f"{API}/search/", q="76/127").json()
    assert data["symbol"] == "A/RES/76/127" and data["symbol_url"] == "/A/RES/76/127/"
    assert ("A/RES/80/501", "para_3") in {(hit["symbol"], hit["eid"]) for hit in data["hits"]}


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "x" * 1001}, "q"),
        ({"q": "humanitarian", "body": "UNGA"}, "body"),
        ({"q": "humanitarian", "period": "GA seventy-six"}, "period"),
        ({"q": "humanitarian", "language": "english"}, "language"),
        ({"q": "humanitarian", "kind": "annex"}, "kind"),
        ({"q": "humanitarian", "sort": "oldest"}, "sort"),
        ({"q": "humanitarian", "page": "0"}, "page"),
    ],
)
def test_bad_search_parameters_are_a_json_400_naming_the_parameter(
    client, archive, params, parameter
):
    response = get(client, f"{API}/search/", **params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_search_without_its_index_is_a_json_503(client, archive, settings, tmp_path):
    index = settings.SEARCH_INDEX_DIR
    shutil.move(index, tmp_path / "moved-away")
    try:
        response = get(client, f"{API}/search/", q="humanitarian")
    finally:
        shutil.move(tmp_path / "moved-away", index)
    assert response.status_code == 503
    assert response.json() == {"error": "search index unavailable"}
    assert response["Retry-After"]


# --- Revalidation ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", EVERY_RESOURCE)
def test_an_unchanged_resource_revalidates_by_etag_as_304(client, archive, url):
    response = client.get(url)
    assert response.status_code == 200
    etag = response["ETag"]
    assert etag.startswith('"') and response["Cache-Control"] == "public, no-cache"
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and again["Access-Control-Allow-Origin"] == "*"
    assert client.get(url, headers={"If-None-Match": '"something else"'}).status_code == 200


@pytest.mark.parametrize("url", EVERY_RESOURCE)
def test_an_unchanged_resource_revalidates_by_date_as_304(client, archive, url):
    response = client.get(url)
    last_modified = response["Last-Modified"]
    again = client.get(url, headers={"If-Modified-Since": last_modified})
    assert again.status_code == 304 and again["Last-Modified"] == last_modified
    earlier = format_datetime(parsedate_to_datetime(last_modified) - timedelta(seconds=1), True)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200


def test_head_gives_the_headers_of_get_without_the_body(client, archive):
    url = f"{API}/resolutions/A/RES/80/501/en/"
    response = client.head(url)
    assert response.status_code == 200 and response.content == b""
    assert response["ETag"] == client.get(url)["ETag"]


def test_revalidating_a_version_reads_dates_and_counts_only(
    client, archive, django_assert_num_queries
):
    url = f"{API}/resolutions/A/RES/80/501/en/"
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(2):  # the versions' dates, the citations' counts
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_a_changed_text_changes_the_validators_of_everything_showing_it(
    client, imported_an_hour_ago, english_fixture, tmp_path
):
    urls = [f"{API}/resolutions/", *EVERY_RESOURCE[2:5]]
    before = {url: client.get(url) for url in urls}
    changed = tmp_path / english_fixture.name
    changed.write_text(
        english_fixture.read_text(encoding="utf-8").replace("open formats", "durable formats"),
        encoding="utf-8",
    )
    assert import_file(changed).status == Status.REPLACED
    for url, response in before.items():
        with_etag = client.get(url, headers={"If-None-Match": response["ETag"]})
        assert with_etag.status_code == 200, url
        assert with_etag["ETag"] != response["ETag"]
        with_date = client.get(url, headers={"If-Modified-Since": response["Last-Modified"]})
        assert with_date.status_code == 200, url
    paragraph = client.get(f"{API}/resolutions/A/RES/80/501/en/para_1/").json()
    assert "durable formats" in paragraph["text"]


def test_a_cited_resolution_arriving_changes_the_citing_versions_validators(
    client, imported_an_hour_ago, corpus_dir
):
    Resolution.objects.filter(symbol="S/RES/2286 (2016)").delete()
    url = f"{API}/resolutions/A/RES/80/501/en/"
    before = client.get(url)
    assert (
        import_file(corpus_dir / "en" / "sc" / "S_RES_2286_2016.en.txt").status == Status.IMPORTED
    )
    after = client.get(url, headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    cited = {c["target"]: c["resolved"] for c in after.json()["paragraphs"][0]["citations"]}
    assert cited["S/RES/2286 (2016)"] is True
    since = client.get(url, headers={"If-Modified-Since": before["Last-Modified"]})
    assert since.status_code == 200


# --- Origins and methods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"{API}/",
        f"{API}/resolutions/",
        f"{API}/resolutions/?page=0",
        f"{API}/resolutions/A/RES/46/182/",
        f"{API}/search/?q=humanitarian",
        f"{API}/openapi.json",
        f"{API}/no/such/thing",
    ],
)
def test_any_web_page_may_read_the_api(client, archive, url):
    response = client.get(url, headers={"Origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Link" in response["Access-Control-Expose-Headers"]


def test_a_preflight_for_a_revalidating_get_is_answered(client, archive):
    response = client.options(
        f"{API}/resolutions/A/RES/80/501/",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("url", ["/", "/A/RES/80/501/en/", "/search/?q=humanitarian&format=json"])
def test_the_html_site_is_not_opened_to_other_origins(client, archive, url):
    response = client.get(url, headers={"Origin": "https://example.org"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", [f"{API}/resolutions/", f"{API}/resolutions/A/RES/80/501/en/"])
def test_writing_is_a_json_405(client, archive, method, url):
    response = getattr(client, method)(url, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json() == {"error": f"{method.upper()} is not allowed: the API is read-only"}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_api_url_is_a_json_404_pointing_to_the_description(client, archive):
    response = get(client, f"{API}/resolution/A/RES/80/501/")
    assert response.status_code == 404
    assert "/api/v1/openapi.json" in response.json()["error"]


def test_the_index_links_to_the_resources(client, archive):
    assert get(client, f"{API}/").json() == {
        "links": {
            "resolutions": "http://testserver/api/v1/resolutions/",
            "search": "http://testserver/api/v1/search/",
            "resolve": "http://testserver/api/v1/resolve/",
            "openapi": "http://testserver/api/v1/openapi.json",
            "documentation": "http://testserver/api/",
        }
    }


@pytest.mark.parametrize(("path", "location"), [("/api", "/api/"), ("/api/v1", "/api/v1/")])
def test_the_api_root_is_found_without_its_slash(client, path, location):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == location
