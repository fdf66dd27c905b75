"""Agreed language as a reader sees it in Chromium: a paragraph's page leads to where its words
were first used and on to the texts that repeat them, without JavaScript too, and the page
passes axe-core and the Nu HTML checker at a desktop's width and a phone's."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from resolutions.importer import Status
from tests.importing import import_file

from .test_accessibility import BLOCKING, describe
from .test_html_validity import nu_errors

PARAGRAPH = "/A/RES/77/31/en/para_18/"  # on counter-terrorism, first agreed in 74/116


@pytest.fixture
def repeated(transactional_db, corpus_dir):
    """74/116, 75/125 and 77/31 in English, committed for the live server."""
    for name in ("A_RES_74_116.en.txt", "A_RES_75_125.en.txt", "A_RES_77_31.en.txt"):
        assert import_file(corpus_dir / "en" / "ga" / name).status == Status.IMPORTED


@pytest.mark.parametrize("width", [1280, 375])
def test_the_first_use_leads_to_the_paragraph_that_first_had_the_words(
    open_page, repeated, screenshots, width
):
    page = open_page(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page.goto(PARAGRAPH)
    section = page.locator("section.agreed-language")
    expect(section.get_by_role("heading", name="首次使用 Agreed language")).to_be_visible()
    section.screenshot(path=str(screenshots / f"agreed-language-{width}.png"))
    later = section.locator("ol.later-uses > li")
    expect(later).to_have_count(2)
    expect(later.nth(1).locator('a[aria-current="page"]')).to_have_attribute("href", PARAGRAPH)
    section.locator(".first-use a").click()
    expect(page).to_have_url(f"{page.url.split('/A/RES/')[0]}/A/RES/74/116/en/para_16/")
    expect(page.locator(".first-use")).to_contain_text("This is the first use")


def test_a_paragraph_page_with_a_trail_passes_axe_and_the_html_checker(
    page, client, repeated, tmp_path
):
    page.goto(PARAGRAPH)
    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
    paths = []
    for url in (PARAGRAPH, "/A/RES/74/116/en/para_16/"):
        response = client.get(url)
        assert response.status_code == 200
        paths.append(tmp_path / f"{len(paths)}.html")
        paths[-1].write_bytes(response.content)
    assert nu_errors(paths) == []
