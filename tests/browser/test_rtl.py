"""Right to left in Chromium: the Universal Declaration of Human Rights (A/RES/217 A (III)) in
Arabic reads right to left with its paragraph numbers on the right while the site's chrome stays
left to right; Arabic and Russian are drawn in faces of their scripts; one article reads in all
six languages; Arabic faces English side by side.

Screenshots at 1280 and 375 px go to the ``screenshots`` folder.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from resolutions.importer import Status
from tests.factories import write_resolution
from tests.importing import import_file

from .test_reading_aids import rendered_fonts

SYMBOL = "/A/RES/217A(III)"
PHONE = {"width": 375, "height": 740}
ARABIC_FACE = "Noto Sans Arabic"
CYRILLIC_FACE = "Noto Sans"
SHOTS = {
    "arabic": f"{SYMBOL}/ar/",
    "english-arabic": f"{SYMBOL}/en-ar/",
    "all-languages": f"{SYMBOL}/all/article_1/",
}


def direction(page: Page, selector: str) -> str:
    return page.locator(selector).first.evaluate("element => getComputedStyle(element).direction")


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not drawn"
    return found


def test_arabic_text_reads_right_to_left_and_the_chrome_left_to_right(page, archive):
    page.goto(f"{SYMBOL}/ar/")
    expect(page.locator(".resolution-text")).to_have_attribute("lang", "ar")
    assert direction(page, ".resolution-text") == "rtl"
    assert direction(page, ".resolution-header h1") == "rtl"
    assert direction(page, "#preamble_1 > .text > .content") == "rtl"
    for chrome in (".site-header", ".site-nav", "nav.languages", ".breadcrumbs", ".go-to"):
        assert direction(page, chrome) == "ltr", chrome
    # The text is set against the right edge of its column.
    text = box(page, ".resolution-text")
    content = box(page, "#preamble_1 > .text > .content")
    assert content["x"] + content["width"] > text["x"] + text["width"] - 64


def test_the_number_of_an_arabic_paragraph_stands_on_its_right(page, archive):
    page.goto(f"{SYMBOL}/ar/")
    number = box(page, "#preamble_1 > .text > .permalink")
    content = box(page, "#preamble_1 > .text > .content")
    assert number["x"] >= content["x"] + content["width"] - 1, (number, content)
    # And on the left of an English one.
    page.goto(f"{SYMBOL}/en/")
    number = box(page, "#preamble_1 > .text > .permalink")
    content = box(page, "#preamble_1 > .text > .content")
    assert number["x"] + number["width"] <= content["x"] + 1, (number, content)


@pytest.fixture
def arabic_lists(archive, tmp_path) -> None:
    """A/RES/79/1 with sub-items and footnotes, imported as an Arabic text."""
    path = write_resolution(tmp_path, "79-1.md", session=79, subitems=2, footnote_every=2)
    assert import_file(path, language="ar").status == Status.IMPORTED


def test_arabic_sub_items_and_footnote_markers_mirror(page, arabic_lists):
    page.goto("/A/RES/79/1/ar/")
    paragraph, item = box(page, "#para_1 > .text"), box(page, "#para_1_a > .text")
    # A sub-item is indented from the right, its letter on its right.
    assert item["x"] + item["width"] < paragraph["x"] + paragraph["width"] - 16, (item, paragraph)
    letter, content = box(page, "#para_1_a > .text > .permalink"), box(page, "#para_1_a .content")
    assert letter["x"] >= content["x"] + content["width"] - 1
    # A footnote's marker stands at the right of its note.
    note, marker = box(page, ".footnotes li"), box(page, ".footnotes li .marker")
    assert marker["x"] + marker["width"] > note["x"] + note["width"] - 24, (marker, note)
    assert direction(page, ".footnotes ol") == "rtl"
    assert direction(page, ".footnotes h2") == "ltr"


def test_arabic_is_drawn_in_an_arabic_face_and_russian_in_a_cyrillic_one(page, archive):
    page.goto(f"{SYMBOL}/ar/")
    arabic = rendered_fonts(page, "#preamble_1 > .text > .content")
    assert max(arabic, key=arabic.get) == ARABIC_FACE, arabic
    expect(page.locator("#preamble_1 > .text > .content")).to_have_css(
        "font-family", re.compile(rf'^"{ARABIC_FACE}",')
    )
    page.goto(f"{SYMBOL}/ru/")
    russian = rendered_fonts(page, "#preamble_1 > .text > .content")
    assert set(russian) == {CYRILLIC_FACE}, russian
    assert direction(page, ".resolution-text") == "ltr"


def test_one_article_reads_in_all_six_languages(page, archive):
    page.goto(f"{SYMBOL}/ar/article_1/")
    page.get_by_role("link", name="所有语文 All languages").click()
    expect(page).to_have_url(f"{page.url.split('/A/RES')[0]}{SYMBOL}/all/article_1/")
    blocks = page.locator(".language-text")
    expect(blocks).to_have_count(6)
    languages = [blocks.nth(i).get_attribute("lang") for i in range(6)]
    assert languages == ["zh-Hans", "en", "fr", "es", "ru", "ar"]
    assert direction(page, ".language-text[lang=ar]") == "rtl"
    for language in languages[:-1]:
        assert direction(page, f".language-text[lang={language}]") == "ltr", language
    assert direction(page, "nav.languages") == "ltr"
    expect(page.locator(".language-text[lang=fr]")).to_contain_text("Tous les êtres humains")
    arabic = rendered_fonts(page, ".language-text[lang=ar] .content")
    assert max(arabic, key=arabic.get) == ARABIC_FACE, arabic


def test_english_and_arabic_side_by_side_pair_every_article(page, archive):
    page.goto(f"{SYMBOL}/en-ar/")
    for number in range(1, 31):
        row = page.locator(f"tr#article_{number}")
        expect(row.locator("td[lang=en]")).not_to_have_text("—")
        expect(row.locator("td[lang=ar]")).not_to_have_text("—")
    assert direction(page, "table.side-by-side") == "ltr"  # the grid stays: English on the left
    assert direction(page, "tr#article_1 td[lang=ar]") == "rtl"
    english, arabic = box(page, "tr#article_1 td[lang=en]"), box(page, "tr#article_1 td[lang=ar]")
    assert english["x"] < arabic["x"]


@pytest.mark.parametrize("name", SHOTS)
def test_screenshots_of_the_arabic_pages(open_page, archive, screenshots, name):
    for width, viewport in ((1280, {"width": 1280, "height": 900}), (375, PHONE)):
        page = open_page(viewport=viewport)
        response = page.goto(SHOTS[name])
        assert response.status == 200
        page.screenshot(path=screenshots / f"rtl-{name}-{width}.png", full_page=True)
