"""The site's own errors: a query longer than the search takes gets a page of the site (and the
form never sends one), a missing paragraph's 404 leads back to its resolution, and a symbol whose
session or year is still ahead says it cannot exist yet."""

import re
from datetime import date

import pytest
from django.db import transaction
from django.test import override_settings

from resolutions.chronology import Opening, opens_in, ordinal, session_opening_year
from resolutions.importer import Status
from resolutions.symbols import parse_symbol
from search.forms import MAX_QUERY
from search.indexing import backend
from tests.importing import import_file

pytestmark = pytest.mark.django_db

CHINESE_QUERY = "联合国人员的安全保障" * (MAX_QUERY // 10)


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, sample_path, english_fixture, french_fixture):
    """A/RES/76/127 in Chinese, A/RES/80/501 in English and French (it cites A/RES/46/182, which
    is not in the archive), imported and indexed once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        backend().clear()
        with override_settings(SEARCH_INDEX_ON_IMPORT=True):
            for path in (sample_path, english_fixture, french_fixture):
                assert import_file(path).status == Status.IMPORTED, path
        yield
        transaction.set_rollback(True)
        backend().clear()


def page(client, url: str, status: int) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def has_site_chrome(html: str) -> bool:
    return '<header class="site-header">' in html and '<footer class="site-footer">' in html


# --- The query's length ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/", 200),
        ("/search/", 200),
        ("/search/?q=联合国人员", 200),
        ("/A/RES/76/127/zh/", 200),
        ("/A/RES/76/127/zh/para_4/", 200),
        ("/nothing-here/", 404),
        ("/search/?q=" + "x" * (MAX_QUERY + 1), 400),
    ],
)
def test_every_search_box_takes_the_queries_the_search_takes(client, archive, url, status):
    inputs = re.findall(r'<input[^>]*\bname="q"[^>]*>', page(client, url, status))
    assert inputs, f"no search box on {url}"
    for field in inputs:
        assert f'maxlength="{MAX_QUERY}"' in field, field


def test_a_query_of_the_longest_length_is_searched(client, archive):
    assert len(CHINESE_QUERY) == MAX_QUERY
    html = page(client, "/search/?q=" + CHINESE_QUERY, 200)
    assert 'class="search-page"' in html and has_site_chrome(html)


def test_a_longer_query_gets_the_site_s_page_saying_so(client, archive):
    query = CHINESE_QUERY + "安"
    html = page(client, "/search/?q=" + query, 400)
    assert has_site_chrome(html)
    assert f"查询最多 {MAX_QUERY} 个字符，这次收到 {MAX_QUERY + 1} 个" in html
    assert f"A query may have {MAX_QUERY} characters at most; this one has {MAX_QUERY + 1}." in html
    # The box keeps as much of the query as it takes.
    assert f'value="{CHINESE_QUERY}"' in html


def test_a_longer_query_gets_a_json_400_in_json(client, archive):
    for url in ("/search/?format=json&q=", "/api/v1/search/?q="):
        response = client.get(url + "x" * (MAX_QUERY + 1))
        assert response.status_code == 400
        assert response.json() == {
            "error": f"q is too long: {MAX_QUERY} characters at most",
            "parameter": "q",
        }


# --- A missing paragraph -----------------------------------------------------------------------


def test_a_missing_paragraph_names_its_resolution_and_leads_back(client, archive):
    html = page(client, "/A/RES/76/127/zh/para_999/", 404)
    assert has_site_chrome(html)
    assert "A/RES/76/127 的中文本中没有第 999 段" in html
    assert "The Chinese text of A/RES/76/127 has no paragraph 999" in html
    assert '<a href="/A/RES/76/127/"><strong>A/RES/76/127</strong></a>' in html
    assert '<a href="/A/RES/76/127/zh/">阅读中文本全文' in html
    assert "人道主义人员的安全保障和联合国人员的保护" in html  # the resolution's title


def test_a_missing_paragraph_leads_to_the_versions_that_have_it(client, archive):
    html = page(client, "/A/RES/80/501/en/para_99/", 404)
    assert '<a href="/A/RES/80/501/en/">阅读英文本全文' in html
    assert '<a href="/A/RES/80/501/fr/" hreflang="fr">法文本' in html

    html = page(client, "/A/RES/80/501/zh/para_1/", 404)
    assert "A/RES/80/501 尚无中文本" in html
    assert '<a href="/A/RES/80/501/en/para_1/" hreflang="en">英文本第 1 段' in html
    assert "Paragraph 1 in the English text" in html


def test_the_missing_paragraph_s_page_costs_the_same_few_queries_for_any_resolution(
    client, archive, django_assert_num_queries
):
    # The paragraph looked for, the resolution, the versions having it, the versions.
    for url in ("/A/RES/76/127/zh/para_999/", "/A/RES/80/501/en/para_99/"):
        with django_assert_num_queries(4):
            client.get(url)


def test_a_paragraph_of_a_resolution_not_in_the_archive_gets_its_page(client, archive):
    html = page(client, "/A/RES/46/182/en/para_1/", 404)
    assert "Resolution 46/182 is not in the archive yet" in html
    assert "A/RES/80/501" in html  # which cites it


# --- Symbols that cannot exist yet ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "english", "chinese"),
    [
        (
            "/A/RES/99/999/",
            "Resolution 99/999 cannot exist yet: the 99th session opens in 2044",
            "第 99/999 号决议尚不可能存在：第 99 届会议于 2044 年开幕",
        ),
        (
            "/A/RES/101/2/",
            "Resolution 101/2 cannot exist yet: the 101st session opens in 2046",
            "第 101/2 号决议尚不可能存在：第 101 届会议于 2046 年开幕",
        ),
        (
            "/S/RES/3000(2099)/",
            "Resolution 3000 (2099) cannot exist yet: the year 2099 has not begun",
            "第 3000 (2099) 号决议尚不可能存在：2099 年尚未到来",
        ),
    ],
)
def test_a_symbol_whose_session_or_year_is_ahead_cannot_exist_yet(client, url, english, chinese):
    html = page(client, url, 404)
    assert english in html and chinese in html
    assert "not in the archive yet" not in html
    assert "undocs.org" not in html  # no official text to link to


def test_three_digit_sessions_are_symbols(client):
    """The 100th session opens in 2045: its resolutions have pages, redirected spellings and all."""
    assert parse_symbol("A/RES/100/1").canonical == "A/RES/100/1"
    assert client.get("/100/1/")["Location"] == "/A/RES/100/1/"
    assert "the 100th session opens in 2045" in page(client, "/A/RES/100/1/", 404)


def test_a_symbol_of_a_session_that_has_opened_is_not_in_the_archive_yet(client):
    html = page(client, "/A/RES/80/999/", 404)
    assert "Resolution 80/999 is not in the archive yet" in html
    assert "cannot exist yet" not in html
    assert "https://undocs.org/en/A/RES/80/999" in html


@pytest.mark.parametrize(
    ("symbol", "today", "opening"),
    [
        ("A/RES/82/1", date(2027, 8, 31), Opening(2027, 82)),
        ("A/RES/82/1", date(2027, 9, 1), None),
        ("A/RES/76/127", date(2021, 1, 1), Opening(2021, 76)),
        ("A/RES/100/1", date(2026, 12, 7), Opening(2045, 100)),
        ("S/RES/2800 (2027)", date(2026, 12, 31), Opening(2027)),
        ("S/RES/2800 (2027)", date(2027, 1, 1), None),
        ("A/RES/ES-11/1", date(2000, 1, 1), None),  # emergency sessions meet when called
        ("A/RES/217A(III)", date(2026, 12, 7), None),
    ],
)
def test_a_session_opens_in_september_and_a_council_year_on_new_year_s_day(symbol, today, opening):
    assert opens_in(parse_symbol(symbol), today) == opening


def test_sessions_open_in_the_year_1945_plus_their_number_and_are_named_in_order():
    assert session_opening_year(76) == 2021 and session_opening_year(100) == 2045
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 99, 100, 101, 102, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "99th", "100th", "101st",
        "102nd", "111th", "112th",
    ]  # fmt: skip
