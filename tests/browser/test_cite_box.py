"""The cite box in Chromium: each line copies with one click, and stays plain selectable text
without JavaScript."""

from playwright.sync_api import expect

CHINESE = "大会2021年12月10日第76/127号决议，第4段"
ENGLISH = "General Assembly resolution 76/127 of 10 December 2021, para. 4"


def line(page, term: str):
    """The <dd> of the cite box line whose term starts with ``term``."""
    return (
        page.locator(".cite-box .citation-forms > div")
        .filter(has=page.locator("dt", has_text=term))
        .locator("dd")
    )


def test_copy_buttons_put_each_citation_on_the_clipboard(
    open_page, archive, live_server, screenshots
):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto("/A/RES/76/127/zh/para_4/")
    box = page.get_by_role("region", name="引用 Cite this")
    expect(box).to_be_visible()
    expect(box.get_by_role("button")).to_have_count(5)

    english = line(page, "英文 English").first
    expect(english.locator(".citation-text")).to_have_text(ENGLISH)
    button = english.get_by_role("button", name="复制 Copy: 英文 English")
    button.click()
    expect(button).to_have_text("已复制")
    assert page.evaluate("navigator.clipboard.readText()") == ENGLISH

    chinese = line(page, "中文 Chinese").first
    chinese.get_by_role("button").click()
    assert page.evaluate("navigator.clipboard.readText()") == CHINESE

    permalink = line(page, "永久链接").get_by_role("button")
    permalink.click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{live_server.url}/A/RES/76/127/zh/para_4/"
    )
    expect(button).to_have_text("复制")  # the confirmation goes away again

    box.scroll_into_view_if_needed()
    box.screenshot(path=screenshots / "cite-box.png")


def test_without_javascript_the_box_is_selectable_text(open_page, archive):
    page = open_page(java_script_enabled=False)
    page.goto("/A/RES/76/127/zh/")
    box = page.get_by_role("region", name="引用 Cite this")
    expect(box.locator(".citation-text")).to_have_count(5)
    expect(box.get_by_role("button")).to_have_count(0)
    expect(box.locator(".citation-text").first).to_have_text("大会2021年12月10日第76/127号决议")
    expect(box.locator(".citation-text").first).to_have_css("user-select", "all")


def test_a_french_version_copies_its_own_citation(open_page, archive, live_server):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto("/A/RES/80/501/fr/para_1/")
    french = line(page, "法文简式 French, short")
    expect(french.locator(".citation-text")).to_have_text(
        "résolution 80/501 de l'Assemblée générale, paragraphe 1"
    )
    french.get_by_role("button").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "résolution 80/501 de l'Assemblée générale, paragraphe 1"
    )


def test_the_arabic_citation_reads_right_to_left_in_a_left_to_right_box(
    open_page, archive, screenshots
):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.goto("/A/RES/217A(III)/ar/article_1/")
    arabic = line(page, "阿拉伯文简式 Arabic, short").locator(".citation-text")
    expect(arabic).to_have_text("قرار الجمعية العامة 217 ألف (د-3)، المادة 1")
    assert arabic.evaluate("element => getComputedStyle(element).direction") == "rtl"
    english = line(page, "英文简式 English, short").locator(".citation-text")
    assert english.evaluate("element => getComputedStyle(element).direction") == "ltr"
    box = page.get_by_role("region", name="引用 Cite this")
    box.scroll_into_view_if_needed()
    box.screenshot(path=screenshots / "cite-box-arabic.png")
