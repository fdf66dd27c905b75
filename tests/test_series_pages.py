"""Series as readers and programs see them: a resolution's place in its series on its page, the
series page with its timeline and members, the list of series, and the JSON API."""

import itertools
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator

from api.openapi import document
from resolutions.importer import Status
from resolutions.models import Resolution
from tests.importing import import_file
from tests.series_corpus import SAFETY, SAFETY_SERIES, SAFETY_SLUG, corpus_series_imported
from web.timeline import Point, draw

pytestmark = pytest.mark.django_db


# --- Pages -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_series(django_db_setup, django_db_blocker, corpus_dir):
    with corpus_series_imported(django_db_blocker, corpus_dir):
        yield


def test_a_resolution_page_shows_its_place_in_the_series(client, corpus_series):
    page = client.get("/A/RES/76/127/en/").content.decode()
    nav = re.search(r'<nav class="series-nav".*?</nav>', page, re.S).group(0)
    assert f'href="/series/{SAFETY_SLUG}/"' in nav and SAFETY in nav
    assert (
        '上一项 <span lang="en">previous</span>: <a href="/A/RES/75/125/en/" rel="prev">75/125</a>'
        in nav
    )
    assert (
        '下一项 <span lang="en">next</span>: <a href="/A/RES/77/31/en/" rel="next">77/31</a>' in nav
    )
    assert '全部 <span lang="en">all</span> (5)' in nav
    assert "What changed since 75/125" in nav and 'href="/A/RES/76/127/changes/?lang=en"' in nav
    # The Chinese text links its neighbours in English, the language they have.
    zh = client.get("/A/RES/76/127/zh/").content.decode()
    assert 'href="/A/RES/75/125/" rel="prev"' in zh
    # ... and names the series by its own title, in Chinese.
    zh_nav = re.search(r'<nav class="series-nav".*?</nav>', zh, re.S).group(0)
    zh_title = "人道主义人员的安全保障和联合国人员的保护"
    assert f'<a href="/series/{SAFETY_SLUG}/" lang="zh-Hans">{zh_title}</a>' in zh_nav
    first = client.get("/A/RES/73/137/en/").content.decode()
    assert 'rel="prev"' not in first and "What changed since" not in first


def test_a_resolution_of_no_series_shows_none(client, corpus_dir):
    assert import_file(corpus_dir / "en" / "ga" / "A_RES_76_108.en.txt").status == Status.IMPORTED
    assert "series-nav" not in client.get("/A/RES/76/108/en/").content.decode()


def test_the_series_page_lists_the_members_with_counts_and_a_timeline(client, corpus_series):
    response = client.get(f"/series/{SAFETY_SLUG}/")
    assert response.status_code == 200
    page = response.content.decode()
    rows = re.findall(r"<tr>\s*<td class=\"symbol-cell\"><a href=\"([^\"]+)\">([^<]+)</a>", page)
    assert [symbol for _, symbol in rows] == SAFETY_SERIES
    assert rows[3][0] == "/A/RES/76/127/en/"
    assert "2021-12-10" in page and "第 51 次全体会议" in page
    # Preambular / operative paragraphs of 76/127 (en): 38 and 50.
    assert re.search(r"</span>38 / 50</td>", page)
    svg = re.search(r"<svg class=\"timeline\".*?</svg>", page, re.S).group(0)
    assert svg.count('<a class="mark"') == 5
    assert '<title id="timeline-title">' in svg and '<desc id="timeline-desc">' in svg
    assert re.findall(r'<a class="mark" href="([^"]+)"', svg)[0] == "/A/RES/73/137/en/"
    # Every mark after the first says how much changed since the one before.
    assert len(re.findall(r"改动 \d+% changed", svg)) == 4
    assert "changed since 75/125" in svg


def test_the_series_page_is_kept_until_a_member_changes(client, corpus_series):
    url = f"/series/{SAFETY_SLUG}/"
    first = client.get(url).content
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).content == first
    assert len(queries) == 1
    corrected = Resolution.objects.get(symbol="A/RES/77/31")
    corrected.meeting_number = 99
    corrected.save()
    assert "第 99 次全体会议" in client.get(url).content.decode()


def test_an_unknown_series_is_not_found(client, corpus_series):
    assert client.get("/series/no-such-series/").status_code == 404
    assert client.get("/series/%00/").status_code == 404


def test_the_series_list_names_every_series(client, corpus_series):
    page = client.get("/series/").content.decode()
    assert f'<a href="/series/{SAFETY_SLUG}/" lang="en">{SAFETY}</a>' in page
    assert "2018–2022" in page and "5 项决议" in page
    assert 'href="/series/"' in client.get("/").content.decode()  # from every page's footer


# --- API ---------------------------------------------------------------------------------------


def conforms(data: dict, name: str) -> None:
    """``data`` is what the OpenAPI description says a ``name`` is."""
    components = document()["components"]
    wanted = {"$ref": f"#/components/schemas/{name}", "components": components}
    Draft202012Validator(wanted).validate(data)


def test_the_api_gives_a_series_with_its_members(client, corpus_series):
    response = client.get(f"/api/v1/series/{SAFETY_SLUG}/")
    assert response.status_code == 200 and response["ETag"]
    data = response.json()
    assert (data["slug"], data["title"], data["title_language"]) == (SAFETY_SLUG, SAFETY, "en")
    assert [m["symbol"] for m in data["members"]] == SAFETY_SERIES
    first, *rest = data["members"]
    assert first["share_changed"] is None and first["adopted_on"] == "2018-12-14"
    assert first["url"] == "http://testserver/api/v1/resolutions/A/RES/73/137/"
    assert all(0 <= m["share_changed"] <= 1 and m["compared_in"] == "en" for m in rest)
    assert data["members"][3]["languages"] == ["zh", "en"]
    assert data["members"][3]["paragraphs"] >= 88
    assert data["links"]["html"] == f"http://testserver/series/{SAFETY_SLUG}/"
    conforms(data, "Series")
    again = client.get(f"/api/v1/series/{SAFETY_SLUG}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/api/v1/series/nothing/").status_code == 404


def test_a_resolution_in_the_api_names_its_series_and_neighbours(client, corpus_series):
    data = client.get("/api/v1/resolutions/A/RES/76/127/").json()
    assert data["series"] == {
        "slug": SAFETY_SLUG,
        "title": SAFETY,
        "url": f"http://testserver/api/v1/series/{SAFETY_SLUG}/",
        "html": f"http://testserver/series/{SAFETY_SLUG}/",
        "previous": {
            "symbol": "A/RES/75/125",
            "url": "http://testserver/api/v1/resolutions/A/RES/75/125/",
        },
        "next": {
            "symbol": "A/RES/77/31",
            "url": "http://testserver/api/v1/resolutions/A/RES/77/31/",
        },
    }
    conforms(data, "Resolution")
    assert client.get("/api/v1/resolutions/A/RES/77/31/").json()["series"]["next"] is None


# --- The timeline's geometry -------------------------------------------------------------------


def test_the_timeline_sizes_marks_by_paragraphs_and_shows_the_share_changed():
    points = [
        Point("75/125", "/a/", date(2020, 12, 11), 80, None),
        Point("76/127", "/b/", date(2021, 12, 10), 88, 0.2, "75/125"),
        Point("77/31", "/c/", date(2022, 12, 6), 20, 1.0, "76/127"),
        Point("78/1", "/d/", date(2022, 12, 7), 40, 0.0, "77/31"),
    ]
    timeline = draw(points)
    first, second, third, fourth = timeline.marks
    assert [mark.url for mark in timeline.marks] == ["/a/", "/b/", "/c/", "/d/"]
    assert third.r < fourth.r < first.r < second.r
    assert (first.label, first.sector, first.whole_changed) == ("", "", False)
    assert second.label == "20%" and second.sector.startswith("M")
    assert third.whole_changed and not third.sector
    assert fourth.label == "0%" and not fourth.sector and not fourth.whole_changed
    assert "20% changed since 75/125" in second.name and "与 75/125 相比改动 20%" in second.name
    # Two adopted a day apart stay apart, so the calendar's ticks are left out.
    assert all(b.x - a.x >= 100 for a, b in itertools.pairwise(timeline.marks))
    assert timeline.ticks == [] and timeline.width > fourth.x


def test_a_long_series_fits_a_wide_page_with_the_years_marked():
    points = [Point(f"{s}/1", f"/{s}/", date(1945 + s, 12, 1), 50, 0.5, "x") for s in range(40, 80)]
    timeline = draw(points)
    assert len(timeline.marks) == 40
    assert timeline.width <= 40 * 140 and [t.year for t in timeline.ticks][:2] == [1986, 1987]
