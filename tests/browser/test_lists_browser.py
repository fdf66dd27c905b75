"""Lists in Chromium on a phone: dates stay on one line, Council texts are told apart by their
subtitle, and the States named lead to their resolutions."""

from playwright.sync_api import expect

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2}


def _date_lines(page) -> list[dict]:
    """Each date of the list: its white-space and how many lines it takes."""
    return page.eval_on_selector_all(
        ".resolution-list td.date-cell time",
        """times => times.map(time => {
            const style = getComputedStyle(time);
            const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
            return {
                whiteSpace: style.whiteSpace,
                lines: Math.round(time.getBoundingClientRect().height / lineHeight),
                text: time.textContent,
            };
        })""",
    )


def test_dates_never_wrap_on_a_phone(open_page, archive, screenshots):
    page = open_page(**PHONE)
    for url in ("/", "/ga/76/", "/sc/1967/"):
        page.goto(url)
        dates = _date_lines(page)
        assert dates, url
        for date in dates:
            assert date["whiteSpace"] == "nowrap", (url, date)
            assert date["lines"] == 1, (url, date)
        shot = screenshots / f"list-phone{url.replace('/', '_')}.png"
        page.screenshot(path=str(shot), full_page=True)


def test_a_council_text_without_a_subject_shows_its_opening_words(page, archive):
    page.goto("/sc/1967/")
    row = page.locator(".resolution-list tbody tr").filter(has_text="S/RES/242 (1967)")
    expect(row.locator(".subtitle")).to_contain_text("Expressing its continuing concern")


def test_the_states_named_lead_to_their_resolutions(page, archive):
    page.goto("/")
    page.get_by_role("link", name="按提及的国家和领土浏览").click()
    page.get_by_role("link", name="Israel 以色列").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("提及以色列的决议")
    expect(page.locator(".resolution-list")).to_contain_text("S/RES/242 (1967)")
