"""A reader's journeys through the archive in Chromium: open a resolution, follow its links,
switch language, share a paragraph; with and without JavaScript, on a desktop and a phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from .pages import PAGES_TO_CHECK

TITLE_76_127 = "人道主义人员的安全保障和联合国人员的保护"
HIGHLIGHT = "rgb(255, 244, 194)"  # --mark in archive.css: the paragraph or note being pointed at


def target(page: Page):
    """The element the URL's fragment points at (CSS :target)."""
    return page.locator(":target")


def language_link(page: Page, name: str):
    return page.locator("nav.languages").get_by_role("link", name=name, exact=True)


def test_a_resolution_opens_in_chinese_with_its_title_and_every_paragraph(page, archive):
    page.goto("/A/RES/76/127/")
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/$"))
    expect(page).to_have_title(re.compile("^A/RES/76/127 · " + TITLE_76_127))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_76_127)
    expect(page.locator(".resolution-text .paragraph:visible")).to_have_count(88)
    expect(page.locator("#para_4")).to_contain_text("强烈敦促所有国家")


def test_citation_leads_to_the_cited_resolution_in_the_archive(page, archive):
    page.goto("/A/RES/80/501/en/")
    page.locator("#para_3").get_by_role("link", name="76/127", exact=True).click()
    # From an English text to the only version there is, which the reader is told.
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/\?from=en$"))
    expect(page.locator(".language-notice")).to_contain_text("not in the archive in English")
    expect(page.locator(".resolution-header .symbol strong")).to_have_text("A/RES/76/127")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_76_127)
    # And the cited resolution knows who cites it.
    expect(page.locator(".cited-by")).to_contain_text("A/RES/80/501")


def test_footnote_marker_leads_to_the_note_and_back(page, archive):
    page.goto("/A/RES/76/127/zh/")
    marker = page.locator("#preamble_4 .fn-ref a")
    note = page.locator("#fn_1")
    expect(marker).to_have_text("1")
    expect(note).not_to_be_in_viewport()

    marker.click()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/#fn_1$"))
    expect(target(page)).to_have_id("fn_1")
    expect(note).to_be_in_viewport()
    expect(note).to_have_css("background-color", HIGHLIGHT)
    expect(marker).not_to_be_in_viewport()

    note.get_by_role("link", name="回到正文 back to the text").click()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/#ref-fn_1-preamble_4$"))
    expect(target(page)).to_have_id("ref-fn_1-preamble_4")
    expect(marker).to_be_in_viewport()
    expect(note).not_to_be_in_viewport()


def test_paragraph_permalink_marks_the_paragraph(page, archive):
    page.goto("/A/RES/76/127/zh/#para_4")
    para_4, para_5, para_7 = (page.locator(f"#para_{n}") for n in (4, 5, 7))
    expect(target(page)).to_have_id("para_4")
    expect(para_4).to_be_in_viewport()
    expect(para_4).to_have_css("background-color", HIGHLIGHT)
    expect(para_5).not_to_have_css("background-color", HIGHLIGHT)

    # The label in front of a paragraph is its permalink: the mark moves with it.
    label = para_7.locator("> .text > .permalink")
    expect(label).to_have_text("7.")
    label.click()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/#para_7$"))
    expect(target(page)).to_have_id("para_7")
    expect(para_7).to_have_css("background-color", HIGHLIGHT)
    expect(para_4).not_to_have_css("background-color", HIGHLIGHT)


def test_language_links_stay_in_view_and_keep_the_paragraph_being_read(open_page, archive):
    # A short window, so that any paragraph of this short resolution can reach its top.
    page = open_page(viewport={"width": 1280, "height": 480})
    page.goto("/A/RES/80/501/en/#para_2")
    expect(target(page)).to_have_id("para_2")
    french = language_link(page, "Français")
    # The language bar stays at the top of the window while the reader reads on.
    expect(french).to_be_in_viewport()

    french.click()
    expect(page).to_have_url(re.compile(r"/A/RES/80/501/fr/#para_2$"))
    expect(page.locator(".resolution-text")).to_have_attribute("lang", "fr")
    expect(target(page)).to_have_id("para_2")
    expect(page.locator("#para_2")).to_have_css("background-color", HIGHLIGHT)

    # Scrolling on: the links follow the paragraph now at the top of the window.
    page.locator("#para_3").evaluate("element => element.scrollIntoView()")
    english = language_link(page, "English")
    expect(english).to_have_attribute("href", re.compile(r"/A/RES/80/501/en/#para_3$"))
    english.click()
    expect(page).to_have_url(re.compile(r"/A/RES/80/501/en/#para_3$"))


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_language_link_on_a_paragraph_page_leads_to_the_same_paragraph(
    open_page, archive, javascript
):
    page = open_page(java_script_enabled=javascript)
    page.goto("/A/RES/80/501/en/para_2_b/")
    expect(page.locator(".focus > .paragraph")).to_have_id("para_2_b")
    language_link(page, "Français").click()
    expect(page).to_have_url(re.compile(r"/A/RES/80/501/fr/para_2_b/$"))
    expect(page.locator(".focus > .paragraph")).to_have_id("para_2_b")
    expect(page.locator(".focus > .paragraph")).to_have_attribute("lang", "fr")


def test_copy_link_button_puts_the_paragraph_address_on_the_clipboard(
    open_page, archive, live_server
):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto("/A/RES/76/127/zh/")
    button = page.locator("#para_4 > .text > .copy-link")
    expect(button).to_have_css("opacity", "0")
    page.locator("#para_4").hover()
    expect(button).to_have_css("opacity", "1")
    expect(button).to_have_text("复制链接")
    button.click()
    expect(button).to_have_text("已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{live_server.url}/A/RES/76/127/zh/#para_4"


def test_reading_works_without_javascript(open_page, archive):
    page = open_page(java_script_enabled=False)
    page.goto("/A/RES/76/127/")
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_76_127)
    expect(page.locator(".resolution-text .paragraph:visible")).to_have_count(88)
    expect(page.locator(".copy-link")).to_have_count(0)  # added by the script only

    page.locator("#preamble_4 .fn-ref a").click()
    expect(page).to_have_url(re.compile(r"#fn_1$"))
    expect(target(page)).to_have_id("fn_1")
    page.locator("#fn_1 .backref").click()
    expect(target(page)).to_have_id("ref-fn_1-preamble_4")

    # Without the script the language link leads to the top of the other version.
    page.goto("/A/RES/80/501/en/#para_2")
    language_link(page, "Français").click()
    expect(page).to_have_url(re.compile(r"/A/RES/80/501/fr/$"))
    expect(page.locator(".resolution-text")).to_have_attribute("lang", "fr")


def test_error_watch_excuses_only_the_404_of_the_page_itself(page, archive, page_problems):
    page.goto("/no-such-page/")
    assert page_problems.report() == []
    with page.expect_console_message(lambda message: "404" in message.text):
        page.evaluate("fetch('/static/js/no-such-script.js')")
    with page.expect_console_message(lambda message: message.text == "broken"):
        page.evaluate("console.error('broken')")
    with page.expect_event("pageerror"):
        page.evaluate("setTimeout(() => { throw new Error('uncaught') })")
    problems = page_problems.report()
    page_problems.clear()  # they were made on purpose: this test's page passes
    assert len(problems) == 3, problems
    assert "no-such-script.js" in problems[0]


# Every kind of page, and what it answers. The archive holds no Security Council resolution
# (the importer skips the Council's files so far), so a Council year is a "not found" page.
EVERY_PAGE = [
    ("/", 200),
    ("/ga/", 200),
    ("/ga/76/", 200),
    ("/sc/", 200),
    ("/sc/2016/", 404),
    ("/A/RES/76/127/", 200),  # redirected to /A/RES/76/127/zh/
    ("/A/RES/76/127/zh/", 200),
    ("/A/RES/76/127/zh/para_22/", 200),
    ("/A/RES/80/501/en/", 200),
    ("/A/RES/80/501/en-fr/", 200),
    ("/A/RES/46/182/", 404),
    ("/no-such-page/", 404),
]


def test_no_page_logs_an_error_in_the_console(page, archive, page_problems):
    for url, status in EVERY_PAGE:
        response = page.goto(url)
        assert response.status == status, f"{url} answered {response.status}"
    assert page_problems.report() == []


def test_every_in_page_link_has_its_target(page, archive):
    # Permalinks, footnote markers and their way back, links to places in the text.
    for url, _ in PAGES_TO_CHECK.values():
        page.goto(url)
        missing = page.evaluate(
            """() => [...document.querySelectorAll("a[href*='#']")]
                .map(link => new URL(link.href))
                .filter(to => to.pathname === location.pathname && to.hash.length > 1)
                .map(to => decodeURIComponent(to.hash.slice(1)))
                .filter(id => !document.getElementById(id))"""
        )
        assert missing == [], f"links on {url} lead nowhere: {missing}"


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize(
    ("name", "url", "window"),
    [
        ("resolution-zh", "/A/RES/76/127/zh/", DESKTOP),
        ("paragraph-zh", "/A/RES/76/127/zh/para_22/", DESKTOP),
        ("resolution-en-phone", "/A/RES/80/501/en/", PHONE),
    ],
    ids=["resolution-zh", "paragraph-zh", "resolution-en-phone"],
)
def test_page_fits_its_window_and_is_photographed(
    open_page, archive, screenshots, name, url, window
):
    phone = window is PHONE
    page = open_page(
        viewport=window, is_mobile=phone, has_touch=phone, device_scale_factor=2 if phone else 1
    )
    page.goto(url)
    # Nothing sticks out sideways: no horizontal scrolling, on a phone either.
    assert page.evaluate("document.documentElement.scrollWidth") <= window["width"]
    path = screenshots / f"{name}.png"
    path.unlink(missing_ok=True)
    page.screenshot(path=path, full_page=True, timeout=15_000)
    assert path.stat().st_size > 50_000, f"{path} is suspiciously small"
