"""Right-to-left text and every language at once, as the server writes them: the text of an
Arabic version is marked ``dir="rtl"`` and ``lang="ar"`` while the site's Chinese and English
chrome stays left to right, and one paragraph can be read in every language of its resolution.

(tests/browser/test_rtl.py checks what Chromium makes of it.)
"""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.importer import Status
from resolutions.parsing.html.metadata import load_metadata
from tests.factories import write_resolution
from tests.importing import import_file

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "ru", "ar")
UDHR_METADATA = Path(__file__).resolve().parents[1] / "resolutions/metadata/A_RES_217A_III.json"


@pytest.fixture
def four_languages(tmp_path):
    """A/RES/79/1 in English, French, Russian and Arabic (the same wording, imported as each),
    with sub-items and footnotes; A/RES/79/2 in English and French only."""
    for language in LANGUAGES:
        path = write_resolution(
            tmp_path, f"79-1-{language}.md", session=79, number=1, subitems=2, footnote_every=2
        )
        assert import_file(path, language=language).status == Status.IMPORTED
    for language in ("en", "fr"):
        path = write_resolution(tmp_path, f"79-2-{language}.md", session=79, number=2)
        assert import_file(path, language=language).status == Status.IMPORTED


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def chrome(page: str) -> str:
    """The site's own parts of a page: its header, the breadcrumbs and the language bar."""
    parts = [
        re.search(r'<header class="site-header".*?</header>', page, re.S)[0],
        re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.S)[0],
        re.search(r'<nav class="languages.*?</nav>', page, re.S)[0],
    ]
    return "\n".join(parts)


def rtl_elements(page: str) -> list[str]:
    return re.findall(r'<[a-z0-9]+ [^>]*dir="rtl"[^>]*>', page)


def test_arabic_text_reads_right_to_left_and_the_chrome_left_to_right(client, four_languages):
    page = html(client, "/A/RES/79/1/ar/")
    assert '<html lang="zh-Hans">' in page  # the page itself: no dir, so left to right
    assert '<div class="resolution-text" lang="ar" dir="rtl">' in page
    assert re.search(r'<h1 lang="ar" dir="rtl">Test resolution number 1</h1>', page)
    assert re.search(r'<section class="footnotes".*?<ol lang="ar" dir="rtl">', page, re.S)
    # Every element set right to left is Arabic, and none of them is the site's chrome.
    marked = rtl_elements(page)
    assert len(marked) >= 3
    assert all('lang="ar"' in element for element in marked), marked
    assert 'dir="rtl"' not in chrome(page)
    assert re.search(r'<span class="current" aria-current="page" lang="ar">العربية</span>', page)


def test_texts_in_other_languages_read_left_to_right(client, four_languages):
    for language in ("en", "fr", "ru"):
        page = html(client, f"/A/RES/79/1/{language}/")
        assert f'<div class="resolution-text" lang="{language}" dir="ltr">' in page
        # Only the name العربية (among the official texts) is written right to left.
        assert all('lang="ar"' in element for element in rtl_elements(page))


def test_an_arabic_paragraph_page_marks_the_paragraph_not_its_labels(client, four_languages):
    page = html(client, "/A/RES/79/1/ar/para_1/")
    assert re.search(
        r'<div id="para_1" class="paragraph operative highlighted" lang="ar" dir="rtl">', page
    )
    heading = re.search(r'<h2 id="paragraph-heading">.*?</h2>', page, re.S)[0]
    assert "dir=" not in heading
    assert 'dir="rtl"' not in chrome(page)


def test_side_by_side_sets_only_the_arabic_column_right_to_left(client, four_languages):
    page = html(client, "/A/RES/79/1/en-ar/")
    row = re.search(r'<tr id="para_1_a">(.*?)</tr>', page, re.S)[1]
    assert '<td lang="en" dir="ltr">' in row
    assert '<td lang="ar" dir="rtl">' in row
    assert re.search(r'<table class="side-by-side">', page)  # the table itself keeps the page's


def test_the_language_bar_offers_a_pair_with_each_other_language(client, four_languages):
    page = html(client, "/A/RES/79/1/fr/")
    pairs = re.search(r'<div class="compare">.*?</div>', page, re.S)[0]
    assert re.findall(r'href="/A/RES/79/1/(\w\w-\w\w)/"', pairs) == ["fr-en", "fr-ru", "fr-ar"]
    assert '<span lang="ar">العربية</span><span class="visually-hidden" lang="en"> side' in pairs


def test_a_paragraph_links_to_every_language_when_there_are_three_or_more(client, four_languages):
    link = 'href="/A/RES/79/1/all/para_1/">所有语文 <span lang="en">All languages</span></a>'
    assert link in html(client, "/A/RES/79/1/ar/para_1/")
    assert "所有语文" not in html(client, "/A/RES/79/2/en/para_1/")  # two languages: side by side


def test_every_language_page_shows_the_paragraph_and_its_subitems_in_each(client, four_languages):
    page = html(client, "/A/RES/79/1/all/para_1/")
    blocks = re.findall(
        r'<section class="language-block" id="lang-(\w+)".*?<div class="language-text" '
        r'lang="(\w+)" dir="(\w+)">(.*?)</section>',
        page,
        re.S,
    )
    # Chinese first, then the archive's order of the official languages.
    assert [(b[0], b[1], b[2]) for b in blocks] == [
        ("en", "en", "ltr"),
        ("fr", "fr", "ltr"),
        ("ru", "ru", "ltr"),
        ("ar", "ar", "rtl"),
    ]
    for language, _, _, block in blocks:
        links = re.findall(r'class="permalink" href="([^"]+)"', block)
        assert links == [
            f"/A/RES/79/1/{language}/{eid}/" for eid in ("para_1", "para_1_a", "para_1_b")
        ]
        assert "Decides to continue the work described in item 1" in block
        assert "To report on aspect b of item 1;" in block
        # A footnote marker leads to its note in that language's full text.
        assert f'href="/A/RES/79/1/{language}/#fn_' in block
    assert 'dir="rtl"' not in chrome(page)
    assert re.search(
        r'<link rel="canonical" href="http://testserver/A/RES/79/1/all/para_1/">', page
    )


def test_every_language_page_says_which_language_lacks_the_paragraph(
    client, tmp_path, four_languages
):
    path = write_resolution(tmp_path, "79-1-es.md", session=79, number=1, operative=1)
    assert import_file(path, language="es").status == Status.IMPORTED
    page = html(client, "/A/RES/79/1/all/para_3/")
    assert (
        '西班牙文本中没有此段 <span lang="en">The Spanish text has no such paragraph</span>' in page
    )
    assert page.count('class="language-text"') == 4


def test_every_language_page_is_not_found_for_a_paragraph_no_version_has(client, four_languages):
    assert client.get("/A/RES/79/1/all/para_99/").status_code == 404
    assert client.get("/A/RES/79/999/all/para_1/").status_code == 404


def test_every_language_page_has_a_canonical_url(client, four_languages):
    response = client.get("/79/1/all/para_1/")
    assert response.status_code == 301
    assert response["Location"] == "/A/RES/79/1/all/para_1/"


def test_every_language_page_is_kept_once_rendered(client, four_languages):
    url = "/A/RES/79/1/all/para_1_a/"
    first = html(client, url)
    with CaptureQueriesContext(connection) as queries:
        again = html(client, url)
    assert len(queries) == 1
    assert again == first


@pytest.fixture
def declaration(corpus_dir):
    """The Universal Declaration of Human Rights in its six languages."""
    metadata = load_metadata(UDHR_METADATA)
    for path in sorted((corpus_dir / "udhr").glob("*.html")):
        assert import_file(path, metadata=metadata).status == Status.IMPORTED


def test_the_declaration_in_arabic_reads_right_to_left(client, declaration):
    page = html(client, "/A/RES/217A(III)/ar/")
    assert '<div class="resolution-text" lang="ar" dir="rtl">' in page
    assert '<h1 lang="ar" dir="rtl">الإعلان العالمي لحقوق الإنسان</h1>' in page
    assert 'dir="rtl"' not in chrome(page)


def test_the_declaration_side_by_side_pairs_every_article(client, declaration):
    for pair in ("en-ar", "fr-ar"):
        page = html(client, f"/A/RES/217A(III)/{pair}/")
        left = pair[:2]
        for number in range(1, 31):
            row = re.search(rf'<tr id="article_{number}">(.*?)</tr>', page, re.S)
            assert row, (pair, number)
            cells = re.findall(r'<td lang="(\w+)" dir="(\w+)">(.*?)</td>', row[1], re.S)
            assert [(lang, way) for lang, way, _ in cells] == [(left, "ltr"), ("ar", "rtl")]
            assert all('class="missing"' not in text for _, _, text in cells), (pair, number)


def test_an_article_of_the_declaration_reads_in_all_six_languages(client, declaration):
    assert 'href="/A/RES/217A(III)/all/article_1/">所有语文' in html(
        client, "/A/RES/217A(III)/ru/article_1/"
    )
    page = html(client, "/A/RES/217A(III)/all/article_1/")
    blocks = dict(re.findall(r'<div class="language-text" lang="([\w-]+)" dir="(\w+)">', page))
    assert blocks == {
        "zh-Hans": "ltr",
        "en": "ltr",
        "fr": "ltr",
        "es": "ltr",
        "ru": "ltr",
        "ar": "rtl",
    }
    for words in (
        "人人生而自由",
        "All human beings are born free",
        "Tous les êtres humains",
        "Todos los seres humanos",
        "Все люди рождаются",
        "يولد جميع الناس أحرارًا",
    ):
        assert words in page


def test_arabic_search_results_read_right_to_left(client, search_engine, declaration):
    page = html(client, "/search/?q=الإنسان")
    assert '<span lang="ar" dir="rtl">الإعلان العالمي لحقوق <mark>الإنسان</mark></span>' in page
    assert re.search(r'<p class="hit-snippet" lang="ar" dir="rtl">.*?<mark>', page)
    english = html(client, "/search/?q=dignity")
    assert re.search(r'<p class="hit-snippet" lang="en" dir="ltr">', english)
