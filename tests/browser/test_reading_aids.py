"""Reading aids in Chromium: fonts by script, the table of contents and the go-to box landing
below the sticky language bar, footnote back-links likewise, and a paragraph linked and cited
from a phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from resolutions.importer import Status
from tests.importing import import_file, import_path

PHONE = {"width": 375, "height": 740}
CJK = "Noto Sans CJK SC"
LATIN = "Noto Sans"


@pytest.fixture
def texts(transactional_db, corpus_dir, sample_path) -> None:
    """A/RES/76/127 in Chinese and English, and the Official Records volume holding
    A/RES/46/182, whose annex has headings; committed for the live server."""
    for path in (sample_path, corpus_dir / "en" / "ga" / "A_RES_76_127.en.txt"):
        assert import_file(path).status == Status.IMPORTED
    import_path(corpus_dir / "en" / "ga-ocr" / "A_RES_46_182.en.txt")


def rendered_fonts(page: Page, selector: str) -> dict[str, int]:
    """The fonts Chromium drew the text of ``selector`` with, and how many glyphs each."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["glyphCount"] for font in fonts}


def assert_below_the_bar(page: Page, selector: str) -> None:
    """The element's top is in the window, below the sticky language bar's bottom."""
    bar = page.locator("nav.languages").bounding_box()
    box = page.locator(selector).bounding_box()
    window = page.viewport_size
    assert bar is not None and box is not None
    assert bar["y"] + bar["height"] <= box["y"] + 0.5, (selector, bar, box)
    assert box["y"] < window["height"], (selector, box)


def test_english_is_set_in_a_latin_face_and_chinese_in_noto_cjk(page, texts, screenshots):
    page.goto("/A/RES/76/127/en/#preamble_18")
    english = "#preamble_18 > .text > .content"
    expect(page.locator(english)).to_contain_text("patient’s")
    assert set(rendered_fonts(page, english)) == {LATIN}
    expect(page.locator(english)).to_have_css("font-family", re.compile(rf'^"{LATIN}",'))
    # The English words beside Chinese labels, too.
    assert set(rendered_fonts(page, ".languages .label span[lang=en]")) == {LATIN}
    page.screenshot(path=screenshots / "reading-aids-english-font.png")

    page.goto("/A/RES/76/127/zh/#para_35")
    chinese = "#para_35 > .text > .content"
    expect(page.locator(chinese)).to_contain_text("“")
    assert set(rendered_fonts(page, chinese)) == {CJK}
    expect(page.locator(chinese)).to_have_css("font-family", re.compile(rf'^"{CJK}",'))
    page.screenshot(path=screenshots / "reading-aids-chinese-font.png")


def test_the_table_of_contents_leads_below_the_language_bar(page, texts, screenshots):
    page.goto("/A/RES/46/182/en/")
    contents = page.get_by_role("navigation", name="目录 Contents")
    expect(contents).to_be_visible()
    page.screenshot(path=screenshots / "reading-aids-contents.png")
    entries = contents.locator("a.heading-link")
    expect(entries.first).to_be_visible()
    anchor = entries.nth(2).get_attribute("href")
    entries.nth(2).click()
    expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
    assert_below_the_bar(page, anchor)
    page.screenshot(path=screenshots / "reading-aids-contents-followed.png")
    contents.get_by_role("link", name=re.compile("^附件")).click()
    assert_below_the_bar(page, "#annex")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desk", "phone"])
def test_the_footnote_back_link_lands_below_the_language_bar(
    open_page, texts, screenshots, viewport
):
    page = open_page(viewport=viewport)
    page.goto("/A/RES/76/127/zh/")
    page.locator("#preamble_4 .fn-ref a").click()
    expect(page).to_have_url(re.compile("#fn_1$"))
    assert_below_the_bar(page, "#fn_1")
    page.locator("#fn_1").get_by_role("link", name="回到正文 back to the text").click()
    expect(page).to_have_url(re.compile("#ref-fn_1-preamble_4$"))
    assert_below_the_bar(page, "#ref-fn_1-preamble_4")
    page.screenshot(path=screenshots / f"reading-aids-backref-{viewport['width']}.png")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_go_to_box_goes_to_the_paragraph(open_page, texts, javascript):
    page = open_page(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page.goto("/A/RES/76/127/zh/")
    box = page.get_by_role("textbox", name="跳至段落 Go to paragraph")
    box.fill("序言部分第 3 段")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/#preamble_3$"))
    assert_below_the_bar(page, "#preamble_3")
    page.get_by_role("textbox", name="跳至段落 Go to paragraph").fill("22")
    page.get_by_role("button", name="前往 Go").click()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/#para_22$"))
    assert_below_the_bar(page, "#para_22")


def test_on_a_phone_tapping_a_number_offers_link_and_cite(open_page, texts, screenshots):
    page = open_page(
        viewport=PHONE, has_touch=True, permissions=["clipboard-read", "clipboard-write"]
    )
    page.goto("/A/RES/76/127/zh/")
    paragraph = page.locator("#para_4")
    copy = paragraph.locator(":scope > .text > .copy-link")
    cite = paragraph.locator(":scope > .text > .cite-link")
    expect(copy).to_be_hidden()
    expect(cite).to_be_hidden()

    paragraph.locator(":scope > .text > .permalink").tap()
    expect(page).to_have_url(re.compile("#para_4$"))
    for control in (copy, cite, paragraph.locator(":scope > .text > .paragraph-page")):
        expect(control).to_be_visible()
        expect(control).to_be_in_viewport()
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert box["height"] >= 24  # big enough to tap
    page.screenshot(path=screenshots / "reading-aids-phone-tapped.png")

    copy.tap()
    expect(copy).to_have_text("已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/A/RES/76/127/zh/#para_4")

    cite.tap()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/para_4/#cite$"))
    box = page.locator("#cite")
    expect(box).to_be_in_viewport()
    expect(box).to_contain_text("大会第76/127号决议")
    expect(box).to_contain_text("para. 4")
    page.screenshot(path=screenshots / "reading-aids-phone-cite.png")


def test_on_a_phone_without_javascript_the_number_still_offers_the_cite_link(open_page, texts):
    page = open_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/A/RES/76/127/zh/")
    page.locator("#para_4 > .text > .permalink").click()
    cite = page.locator("#para_4 > .text > .cite-link")
    expect(cite).to_be_visible()
    cite.click()
    expect(page.locator("#cite")).to_be_in_viewport()
