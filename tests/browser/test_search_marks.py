"""Marks and filters as a reader sees them in Chromium: the marks on the paragraph a hit opens
stand out from its yellow, they survive "see it in the full text", and on a phone the filters
can be reached before the results."""

import re

from playwright.sync_api import expect

QUERY = "近东救济工程处"


def luminance(css_colour: str) -> float:
    """The relative luminance (WCAG 2) of a computed ``rgb(…)`` colour."""
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def computed(locator, property_name: str) -> str:
    return locator.evaluate(f"element => getComputedStyle(element).{property_name}")


def assert_marks_stand_out(paragraph) -> None:
    mark = paragraph.locator("mark").first
    expect(mark).to_have_text(QUERY)
    background = computed(paragraph, "backgroundColor")
    assert background == "rgb(255, 244, 194)"  # the paragraph is highlighted yellow
    mark_background = computed(mark, "backgroundColor")
    assert not mark_background.startswith("rgba"), mark_background  # opaque
    assert contrast(mark_background, background) >= 3
    # And the marked words stay readable on the mark.
    assert contrast(computed(mark, "color"), mark_background) >= 4.5


def test_marks_on_the_paragraph_a_hit_opens_stand_out_from_its_yellow(page, archive, screenshots):
    page.goto(f"/A/RES/76/127/zh/preamble_22/?q={QUERY}")
    assert_marks_stand_out(page.locator("#preamble_22"))
    page.locator("#preamble_22").screenshot(path=screenshots / "search-marks-paragraph.png")


def test_marks_survive_see_it_in_the_full_text(page, archive, screenshots):
    page.goto(f"/A/RES/76/127/zh/preamble_22/?q={QUERY}")
    page.get_by_role("link", name=re.compile("在全文中查看")).click()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/\?q=.+#preamble_22$"))
    target = page.locator("#preamble_22")
    expect(target.locator("mark")).to_be_in_viewport()
    assert_marks_stand_out(target)
    page.screenshot(path=screenshots / "search-marks-full-text.png")


def test_on_a_phone_the_filters_come_before_the_results(open_page, archive, screenshots):
    phone = open_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    phone.goto("/search/?q=联合国人员 OR archives")
    to_filters = phone.get_by_role("link", name=re.compile("筛选结果"))
    expect(to_filters).to_be_in_viewport()
    first_hit = phone.locator(".hit").first
    assert to_filters.bounding_box()["y"] < first_hit.bounding_box()["y"]
    phone.screenshot(path=screenshots / "search-phone-top.png")
    to_filters.click()
    expect(phone).to_have_url(re.compile("#filters$"))
    expect(phone.locator(".facets h2").first).to_be_in_viewport()
    phone.screenshot(path=screenshots / "search-phone-filters.png")
    phone.locator(".facets").get_by_role("link", name="Français").click()
    expect(phone.locator(".hit .language-tag")).to_have_text(["fr"] * 4)
    back = phone.get_by_role("link", name=re.compile("回到结果"))
    phone.goto(phone.url + "#filters")
    back.click()
    expect(phone.locator(".result-summary")).to_be_in_viewport()


def test_on_a_wide_screen_the_filters_need_no_link(page, archive, screenshots):
    page.goto("/search/?q=联合国人员 OR archives&adopted_from=2021-01-01")
    expect(page.locator(".to-filters")).to_be_hidden()
    expect(page.locator(".facets h2").first).to_be_in_viewport()
    page.screenshot(path=screenshots / "search-wide.png")


def test_the_box_on_a_resolution_page_searches_within_it(page, archive, screenshots):
    page.goto("/A/RES/80/501/en/")
    box = page.get_by_role("searchbox", name=re.compile("Search within this resolution"))
    box.fill("records")
    page.screenshot(path=screenshots / "search-within-box.png")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?symbol=A%2FRES%2F80%2F501&q=records$"))
    expect(page.locator(".search-within")).to_contain_text("Searching within A/RES/80/501")
    expect(page.locator(".hit a.hit-symbol").first).to_contain_text("A/RES/80/501")
