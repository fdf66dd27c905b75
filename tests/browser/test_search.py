"""Searching in the browser: from the home page's box to the highlighted paragraph."""

import re

from playwright.sync_api import expect


def test_a_query_on_the_home_page_leads_to_the_highlighted_paragraph(page, archive):
    page.goto("/")
    box = page.get_by_role("searchbox", name=re.compile("搜索全文"))
    box.fill("近东救济工程处")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    hits = page.locator(".hit")
    expect(hits).to_have_count(1)
    expect(hits.locator("mark")).to_have_text("近东救济工程处")

    hits.locator("a.hit-symbol").click()
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/preamble_22/\?q="))
    marked = page.locator("#preamble_22 mark")
    expect(marked).to_have_count(1)
    expect(marked).to_have_text("近东救济工程处")
    expect(marked).to_be_in_viewport()


def test_facets_narrow_the_results(page, archive):
    page.goto("/search/?q=archives")
    summary = page.locator(".result-summary strong").first
    expect(summary).to_have_text("5")
    page.locator(".facets").get_by_role("link", name="Français").click()
    expect(summary).to_have_text("4")
    expect(page.locator(".hit .language-tag")).to_have_text(["fr"] * 4)


def test_a_symbol_typed_on_the_home_page_opens_the_resolution(page, archive):
    page.goto("/")
    box = page.get_by_role("searchbox", name=re.compile("搜索全文"))
    box.fill("第 76/127 号决议")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/A/RES/76/127/zh/$"))
