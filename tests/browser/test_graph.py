"""The citation graph in Chromium: a picture of links, followed with the mouse, the keyboard,
or without JavaScript, legible on a desktop and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from resolutions.importer import Status
from tests.importing import import_file

GRAPH = "/A/RES/76/127/graph/"


@pytest.fixture
def series(archive, corpus_dir):
    """Besides the archive: 75/125, which 76/127 cites, and 77/31, which cites it, in English."""
    for name in ("A_RES_75_125.en.txt", "A_RES_77_31.en.txt"):
        result = import_file(corpus_dir / "en" / "ga" / name)
        assert result.status == Status.IMPORTED, name


def node(page, label: str):
    """The link of the resolution labelled ``label`` in the drawing."""
    return page.locator("svg.citation-graph a").filter(has_text=label)


def test_a_node_of_the_graph_leads_to_its_resolution(page, series):
    page.goto(GRAPH)
    expect(page.get_by_role("heading", level=1)).to_contain_text("引用关系图")
    graph = page.get_by_role("document", name="A/RES/76/127 引用关系图 Citation graph")
    expect(graph).to_be_visible()
    expect(node(page, "77/31")).to_be_visible()
    node(page, "75/125").click()
    expect(page).to_have_url(re.compile(r"/A/RES/75/125/en/$"))
    expect(page.locator(".resolution-header .symbol strong")).to_have_text("A/RES/75/125")


def test_a_node_is_reached_and_followed_with_the_keyboard(page, series):
    page.goto(GRAPH)
    link = node(page, "77/31")
    link.focus()
    assert link.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/A/RES/77/31/en/$"))


def test_a_node_not_in_the_archive_leads_to_the_page_that_says_so(page, series):
    page.goto(GRAPH)
    node(page, "2286 (2016)").click()
    expect(page).to_have_url(re.compile(r"/S/RES/2286\(2016\)/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("not in the archive yet")


def test_the_graph_is_drawn_and_followed_without_javascript(open_page, series):
    page = open_page(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page.goto(GRAPH)
    expect(node(page, "75/125")).to_be_visible()
    node(page, "77/31").click()
    expect(page).to_have_url(re.compile(r"/A/RES/77/31/en/$"))


def test_the_resolution_page_leads_to_its_graph(page, series):
    page.goto("/A/RES/76/127/zh/")
    page.get_by_role("link", name="引用关系图 Citation graph").click()
    expect(page).to_have_url(re.compile(re.escape(GRAPH) + "$"))


@pytest.mark.parametrize("width", [1280, 375])
def test_the_graph_is_legible_on_a_desktop_and_a_phone(open_page, series, screenshots, width):
    page = open_page(viewport={"width": width, "height": 900})
    page.goto(GRAPH)
    page.screenshot(path=screenshots / f"graph-{width}.png", full_page=True)
    # The drawing keeps its size (scrolling sideways in its frame on a phone), not the page.
    label = node(page, "75/125").locator("text").first
    assert label.evaluate("t => t.getBoundingClientRect().height") >= 12
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The lists under it carry the same links.
    expect(page.locator(".graph-lists")).to_contain_text("A/RES/77/31")
