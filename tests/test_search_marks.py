"""Marks where they matter: English stop words are marked only inside a quoted phrase, and the
query's marks go with the reader from a paragraph's page to the full text (real index, real
database; their colours are checked in Chromium, tests/browser/test_search_marks.py)."""

import re

import pytest

from resolutions.importer import Status
from search.highlight import highlight_spans, marked_terms
from search.querylang import parse_query
from tests.importing import import_file

TEXT = "Condemns the attacks on the personnel of the United Nations"


def marked(query: str, text: str = TEXT) -> list[str]:
    terms = marked_terms(parse_query(query).terms)
    return [text[start:end] for start, end in highlight_spans(text, terms, "en")]


def test_stop_words_typed_on_their_own_are_not_marked():
    assert marked("the attacks on personnel") == ["attacks", "personnel"]
    assert marked("attacks OR of") == ["attacks"]


def test_stop_words_inside_a_quoted_phrase_are_marked_with_it():
    assert marked('"attacks on the personnel"') == ["attacks on the personnel"]
    assert marked('"of the" Nations') == ["of the", "Nations"]


def test_a_query_of_nothing_but_stop_words_still_shows_why_its_hits_were_found():
    assert marked("the") == ["the", "the", "the"]


def test_chinese_and_symbols_are_never_stop_words():
    assert marked_terms(parse_query("the 联合国 on 2286(2016)").terms) == ["联合国", "2286(2016)"]


@pytest.fixture
def archive(search_engine, corpus_dir):
    path = corpus_dir / "en" / "ga" / "A_RES_76_127.en.txt"
    assert import_file(path).status == Status.IMPORTED


@pytest.mark.django_db
def test_hits_and_pages_leave_stop_words_unmarked(client, archive):
    data = client.get("/search/", {"q": "the security of personnel", "format": "json"}).json()
    snippets = " ".join(hit["snippet"] for hit in data["hits"])
    assert "<mark>security</mark>" in snippets.lower()
    assert not re.search(r"<mark>(the|of)</mark>", snippets, re.IGNORECASE)
    quoted = client.get("/search/", {"q": '"security of"', "format": "json"}).json()
    assert "<mark>security of</mark>" in quoted["hits"][0]["snippet"].lower()
    page = client.get("/A/RES/76/127/en/para_4/", {"q": "the security"}).content.decode()
    assert "<mark>security</mark>" in page and "<mark>the</mark>" not in page.lower()


@pytest.mark.django_db
def test_see_in_full_text_keeps_the_query_and_the_full_text_marks_it(client, archive):
    page = client.get("/A/RES/76/127/en/para_4/", {"q": "humanitarian personnel"}).content
    link = re.search(rb'<p class="in-context"><a href="([^"]+)"', page)[1].decode()
    assert link == "/A/RES/76/127/en/?q=humanitarian%20personnel#para_4"
    full_text = client.get(link.split("#")[0]).content.decode()
    paragraph = full_text.split('id="para_4"')[1].split('id="para_5"')[0]
    assert "<mark>humanitarian</mark>" in paragraph and "<mark>personnel</mark>" in paragraph
    # Without a query, the link is the plain permalink (and the page is the one kept).
    plain = client.get("/A/RES/76/127/en/para_4/").content
    assert b'<p class="in-context"><a href="/A/RES/76/127/en/#para_4">' in plain
