"""A series as a reader sees it in Chromium: the timeline's marks lead to the resolutions, a
resolution's page leads to the next of its series, and both pages pass axe-core and the Nu HTML
checker, at a desktop's width and a phone's."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from resolutions.importer import Status
from tests.importing import import_file

from .test_accessibility import BLOCKING, describe
from .test_html_validity import nu_errors

SERIES = (
    "/series/safety-and-security-of-humanitarian-personnel-and-protection-of-united-nations-"
    "personnel/"
)
MEMBERS = ["75/125", "76/127", "77/31"]


@pytest.fixture
def series(transactional_db, corpus_dir):
    """75/125, 76/127 and 77/31 in English and 76/127 in Chinese, committed for the live server:
    one series, found as they were imported."""
    for name in ("A_RES_75_125.en.txt", "A_RES_76_127.en.txt", "A_RES_77_31.en.txt"):
        assert import_file(corpus_dir / "en" / "ga" / name).status == Status.IMPORTED
    assert import_file(corpus_dir / "zh" / "A_RES_76_127.zh.md").status == Status.IMPORTED


def no_blocking_violations(page) -> None:
    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


def test_each_mark_of_the_timeline_leads_to_its_resolution(page, series, screenshots):
    page.goto(SERIES)
    marks = page.locator("svg.timeline a.mark")
    expect(marks).to_have_count(3)
    expect(page.locator("svg.timeline text.symbol")).to_have_text(MEMBERS)
    expect(page.locator("svg.timeline text.share")).to_have_count(2)
    expect(page.locator("svg.timeline text.share").first).to_have_text(
        re.compile(r"改动 \d+% changed")
    )
    page.screenshot(path=str(screenshots / "series-1280.png"), full_page=True)
    marks.nth(1).click()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/en/$"))


def test_a_resolution_page_leads_to_the_next_of_its_series_and_back(page, series):
    page.goto("/A/RES/76/127/en/")
    nav = page.get_by_role("navigation", name="决议系列 Series")
    expect(nav).to_contain_text("全部 all (3)")
    nav.get_by_role("link", name="77/31").click()
    expect(page).to_have_url(re.compile(r"/A/RES/77/31/en/$"))
    page.get_by_role("navigation", name="决议系列 Series").get_by_role("link", name="全部").click()
    expect(page).to_have_url(re.compile(re.escape(SERIES) + "$"))


@pytest.mark.parametrize("width", [1280, 375])
def test_the_series_pages_pass_axe_at_any_width(open_page, series, screenshots, width):
    page = open_page(viewport={"width": width, "height": 900})
    for url in (SERIES, "/series/", "/A/RES/76/127/en/", "/A/RES/76/127/zh/"):
        page.goto(url)
        no_blocking_violations(page)
    page.goto(SERIES)
    page.screenshot(path=str(screenshots / f"series-{width}.png"), full_page=True)


def test_the_series_pages_are_valid_html(client, series, tmp_path):
    paths = []
    for name, url in {
        "series": SERIES,
        "series-list": "/series/",
        "series-member": "/A/RES/76/127/en/",
    }.items():
        response = client.get(url)
        assert response.status_code == 200, url
        paths.append(tmp_path / f"{name}.html")
        paths[-1].write_bytes(response.content)
    messages = nu_errors(paths)
    assert not messages, "\n".join(f"{m.get('url')}: {m['message']}" for m in messages)
