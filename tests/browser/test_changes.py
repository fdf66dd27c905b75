"""What changed, as a reader sees it in Chromium: the counts, words inserted and deleted, folded
unchanged paragraphs that open on a click, and the compare form."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from resolutions.importer import Status
from resolutions.models import Resolution, Series
from tests.importing import import_file

from .test_accessibility import BLOCKING, describe
from .test_html_validity import nu_errors

CHANGES = "/A/RES/77/31/en/changes/"


@pytest.fixture
def series(transactional_db, corpus_dir):
    """76/127 and 77/31 in English, one series, committed for the live server."""
    for name in ("A_RES_76_127.en.txt", "A_RES_77_31.en.txt"):
        assert import_file(corpus_dir / "en" / "ga" / name).status == Status.IMPORTED
    safety, _ = Series.objects.get_or_create(
        slug="safety-browser", defaults={"title": "Safety and security", "title_language": "en"}
    )
    Resolution.objects.filter(symbol__in=["A/RES/76/127", "A/RES/77/31"]).update(series=safety)


def test_a_reader_sees_the_counts_and_the_words_changed(page, series, screenshots):
    page.goto("/A/RES/77/31/changes/")
    assert page.url.endswith(CHANGES)
    counts = page.locator(".change-counts")
    expect(counts).to_be_visible()
    expect(counts).to_contain_text(re.compile(r"\d+ new, \d+ changed, \d+ dropped, \d+ unchanged"))
    changed = page.locator("#preamble_2")
    expect(changed.locator("ins").first).to_be_visible()
    expect(changed.locator("del").first).to_be_visible()
    # Struck through and underlined, not told by colour alone.
    deleted = changed.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    inserted = changed.locator("ins").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert (deleted, inserted) == ("line-through", "underline")
    expect(page.locator("#preamble_17 .change-was")).to_contain_text("was preambular paragraph 16")
    page.screenshot(path=str(screenshots / "changes-1280.png"), full_page=False)


def test_unchanged_paragraphs_are_folded_and_open_on_a_click(page, series):
    page.goto(CHANGES)
    run = page.locator("details.unchanged-run").first
    unchanged = run.locator(".change").first
    expect(unchanged).to_be_hidden()
    run.locator("summary").click()
    expect(unchanged).to_be_visible()
    # A paragraph's number leads to its own page.
    page.locator("#preamble_2 .change-label").click()
    expect(page).to_have_url(re.compile(r"/A/RES/77/31/en/preamble_2/$"))


def test_the_compare_form_compares_two_resolutions_typed_as_readers_write_them(page, series):
    page.goto("/compare/")
    page.get_by_label("较早的决议").fill("76/127")
    page.get_by_label("较新的决议").fill("A/RES/77/31")
    page.get_by_role("button", name=re.compile("Compare")).click()
    expect(page).to_have_url(re.compile(r"from=A%2FRES%2F76%2F127&to=A%2FRES%2F77%2F31"))
    expect(page.locator(".change-counts")).to_contain_text("unchanged")
    page.get_by_label("较早的决议").fill("no such thing")
    page.get_by_role("button", name=re.compile("Compare")).click()
    expect(page.locator(".refusal")).to_contain_text("is not a resolution symbol")


def test_the_changes_page_passes_axe_and_the_html_checker(page, series, client, tmp_path):
    page.goto(CHANGES)
    page.locator("details.unchanged-run summary").first.click()
    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
    saved = tmp_path / "changes.html"
    saved.write_bytes(client.get(CHANGES).content)
    messages = nu_errors([saved])
    assert not messages, messages


def test_the_changes_page_reads_on_a_phone(open_page, series, screenshots):
    phone = open_page(viewport={"width": 375, "height": 812})
    phone.goto(CHANGES)
    expect(phone.locator(".change-counts")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways: {width}px"
    phone.screenshot(path=str(screenshots / "changes-375.png"), full_page=False)
