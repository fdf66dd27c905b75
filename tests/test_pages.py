"""The pages: home, lists, a resolution, a paragraph, two languages side by side, symbols."""

import itertools
import re

import pytest
from django.urls import reverse

from resolutions.importer import Status
from tests.factories import write_resolution
from tests.importing import import_file, import_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(sample_path, english_fixture, french_fixture):
    for path in (sample_path, english_fixture, french_fixture):
        assert import_file(path).status == Status.IMPORTED


def html(response) -> str:
    return response.content.decode()


def test_home_says_what_the_archive_holds_and_where_to_browse(client, archive):
    page = html(client.get("/"))
    assert re.search(r"<strong>2</strong> 大会决议", page)
    assert re.search(r"<strong>0</strong> 安理会决议", page)
    assert re.search(r'<strong>1</strong> <span lang="zh">中文</span>', page)
    assert re.search(r'<strong>1</strong> <span lang="fr">Français</span>', page)
    assert '<a href="/ga/76/">第 76 届会议</a>' in page
    assert '<a href="/ga/80/">第 80 届会议</a>' in page
    assert 'action="/search/"' in page and 'name="q"' in page
    assert '<input type="hidden" name="go" value="1">' in page  # a symbol goes straight there
    # The newest resolution comes first in "most recently adopted".
    assert page.index("A/RES/80/501") < page.index("A/RES/76/127")


def test_home_of_an_empty_archive_says_how_to_import(client):
    assert "import_resolutions" in html(client.get("/"))


@pytest.mark.parametrize("typed", ["76/127", "A/RES/76/127", "第 76/127 号决议", " a/res/76/127 "])
def test_the_home_page_box_goes_straight_to_a_symbol(client, archive, typed):
    response = client.get("/search/", {"q": typed, "go": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/A/RES/76/127/"


def test_session_list_shows_rows_filters_and_orders(client, archive, tmp_path):
    for number in (3, 1, 2):
        day = 10 - number  # adopted in the reverse order of their numbers
        write_resolution(
            tmp_path, f"r{number}.md", session=79, number=number, adopted=f"{day} December 2024"
        )
    for path in sorted(tmp_path.iterdir()):
        import_file(path)
    page = html(client.get("/ga/79/"))
    assert re.findall(r">(A/RES/79/\d+)<", page) == ["A/RES/79/1", "A/RES/79/2", "A/RES/79/3"]
    by_date = html(client.get("/ga/79/", {"order": "date"}))
    assert re.findall(r">(A/RES/79/\d+)<", by_date) == ["A/RES/79/3", "A/RES/79/2", "A/RES/79/1"]
    assert '<time datetime="2024-12-09">' in page
    french = html(client.get("/ga/80/", {"lang": "fr"}))
    assert "Conservation des archives de l&#x27;Organisation" in french
    assert html(client.get("/ga/76/", {"lang": "fr"})).count("<tbody>") == 0


def test_lists_are_paginated_and_keep_their_filters(client, tmp_path):
    for number in range(1, 53):
        import_file(write_resolution(tmp_path, f"r{number}.md", session=79, number=number))
    first = html(client.get("/ga/79/", {"lang": "en"}))
    assert first.count('class="symbol-cell"') == 50
    assert 'href="?lang=en&amp;order=number&amp;page=2"' in first
    second = html(client.get("/ga/79/", {"lang": "en", "page": 2}))
    assert second.count('class="symbol-cell"') == 2


def test_unknown_groups_are_not_found(client, archive):
    assert client.get("/ga/12/").status_code == 404
    assert client.get("/ga/XYZ/").status_code == 404
    assert client.get("/sc/1900/").status_code == 404


def test_a_resolution_opens_in_chinese_or_the_language_asked_for(client, archive):
    assert client.get("/A/RES/76/127/")["Location"] == "/A/RES/76/127/zh/"
    assert client.get("/A/RES/80/501/")["Location"] == "/A/RES/80/501/en/"
    assert client.get("/A/RES/80/501/", {"lang": "fr"})["Location"] == "/A/RES/80/501/fr/"
    # A language it has no version in: another, and a word to the reader (tests/test_reading_aids).
    assert client.get("/A/RES/80/501/", {"lang": "zh"})["Location"] == "/A/RES/80/501/en/?from=zh"


def test_resolution_page_header_and_structure(client, archive):
    page = html(client.get("/A/RES/76/127/zh/"))
    assert "<strong>A/RES/76/127</strong>" in page
    assert '<h1 lang="zh-Hans" dir="ltr">人道主义人员的安全保障和联合国人员的保护</h1>' in page
    assert '<time datetime="2021-12-10">' in page and "第 51 次全体会议" in page
    assert "75(a)" in page and 'href="https://undocs.org/zh/A/76/L.26/Add.1"' in page
    assert '<p class="opening-formula">大会，</p>' in page
    assert page.count('class="paragraph preambular"') == 38
    assert page.count('class="paragraph operative"') == 50
    assert '<li id="para_4" class="paragraph operative" value="4">' in page
    label = '<a class="permalink" href="#para_4" aria-label="第 4 段的链接 · link to paragraph 4">'
    assert f"{label}4.</a>" in page
    assert '<link rel="canonical" href="http://testserver/A/RES/76/127/zh/">' in page


def test_sub_items_are_nested_and_labelled(client, archive):
    page = html(client.get("/A/RES/80/501/en/"))
    start, end = page.index('<li id="para_2_b" '), page.index('<li id="para_3" ')
    item = page[start:end]
    assert '<ol class="subitems">' in item
    assert '<li id="para_2_b_ii" class="paragraph subparagraph">' in item
    assert ">(ii)</a>" in item


def test_footnote_markers_link_to_notes_and_back(client, archive):
    page = html(client.get("/A/RES/76/127/zh/"))
    marker = '<a href="#fn_1" id="ref-fn_1-preamble_4" aria-label="脚注 1">1</a>'
    assert f'<sup class="fn-ref">{marker}</sup>' in page
    note = re.search(r'<li id="fn_1" value="1">(.*?)</li>', page, re.S).group(1)
    assert 'href="#ref-fn_1-preamble_4"' in note
    assert page.count('class="backref"') == 17


def test_citations_link_to_resolutions_pages_and_documents(client, archive):
    english = html(client.get("/A/RES/80/501/en/"))
    # In the archive: a link to it, in the reader's language when it has one.
    assert '<a class="citation" href="/A/RES/76/127/?lang=en">76/127</a>' in english
    # Not in the archive: a link to the page that says so.
    assert '<a class="citation unresolved" href="/A/RES/46/182/" title="A/RES/46/182">' in english
    # Other UN documents: the UN's document service.
    assert (
        '<a class="citation document" href="https://undocs.org/en/A/80/123" rel="external">'
        in english
    )
    chinese = html(client.get("/A/RES/76/127/zh/"))
    assert '<a class="citation unresolved" href="/S/RES/2286(2016)/"' in chinese


def test_a_citation_with_a_pinpoint_links_to_that_paragraph(client, archive, tmp_path):
    path = tmp_path / "pinpoint.md"
    text = write_resolution(tmp_path, "base.md", session=79, number=7).read_text(encoding="utf-8")
    path.write_text(
        text.replace("item 1;", "item 1, as set out in resolution 80/501, para. 2;"),
        encoding="utf-8",
    )
    assert import_file(path).status == Status.IMPORTED
    page = html(client.get("/A/RES/79/7/en/"))
    assert '<a class="citation" href="/A/RES/80/501/?lang=en#para_2">80/501</a>' in page
    cited = html(client.get("/A/RES/80/501/en/para_2/"))
    assert '<a href="/A/RES/79/7/en/para_1/" hreflang="en">paragraph 1</a>' in cited


def test_cites_and_cited_by_sections(client, archive):
    cited = html(client.get("/A/RES/76/127/zh/"))
    cited_by = cited[cited.index('id="cited-by-heading"') :]
    assert '<a href="/A/RES/80/501/">A/RES/80/501</a>' in cited_by
    assert '<a href="/A/RES/80/501/en/para_3/" hreflang="en">第 3 段</a>' in cited_by
    assert '<a href="/A/RES/80/501/fr/para_3/" hreflang="fr">第 3 段</a>' in cited_by
    cites = cited[cited.index('id="cites-heading"') : cited.index('id="cited-by-heading"')]
    for symbol in [
        "A/RES/46/182",
        "A/RES/75/125",
        "S/RES/2175 (2014)",
        "S/RES/2286 (2016)",
        "A/76/334",
        "A/74/19",
        "A/RES/22A(I)",
        "A/RES/179(II)",
    ]:
        assert f">{symbol}</a>" in cites, symbol
    assert '<a href="#fn_6">脚注 6</a>' in cites


def test_paragraph_page_has_context_navigation_and_canonical_link(client, archive):
    page = html(client.get("/A/RES/76/127/zh/para_22/"))
    assert "<title>A/RES/76/127 第 22 段 · 人道主义人员的安全保障和联合国人员的保护</title>" in page
    assert '<link rel="canonical" href="http://testserver/A/RES/76/127/zh/para_22/">' in page
    assert '<div id="para_22" class="paragraph operative highlighted"' in page
    assert '<a rel="prev" href="/A/RES/76/127/zh/para_21/">' in page
    assert '<a rel="next" href="/A/RES/76/127/zh/para_23/">' in page
    # Its footnotes, and what it cites, and nothing from other paragraphs.
    assert '<li id="fn_15" value="15">' in page and '<li id="fn_16" value="16">' in page
    assert 'id="fn_1"' not in page
    assert ">A/RES/22A(I)</a>" in page and "A/RES/46/182" not in page


def test_paragraph_page_of_a_paragraph_with_sub_items_skips_them_for_next(client, archive):
    page = html(client.get("/A/RES/80/501/en/para_2/"))
    assert '<li id="para_2_b_ii" class="paragraph subparagraph">' in page
    assert '<a rel="next" href="/A/RES/80/501/en/para_3/">' in page
    assert '<a rel="prev" href="/A/RES/80/501/en/para_1/">' in page


def test_language_switcher_keeps_the_paragraph(client, archive):
    page = html(client.get("/A/RES/80/501/en/para_2_b/"))
    assert 'href="/A/RES/80/501/fr/para_2_b/" lang="fr" hreflang="fr">Français</a>' in page
    assert '<span class="current" aria-current="page" lang="en">English</span>' in page
    full = html(client.get("/A/RES/80/501/en/"))
    assert 'href="/A/RES/80/501/fr/" lang="fr" hreflang="fr" data-keep-paragraph>' in full
    assert 'href="/A/RES/80/501/en-fr/"' in full


def test_side_by_side_aligns_paragraphs_and_notes_by_eid(client, archive):
    page = html(client.get("/A/RES/80/501/en-fr/"))
    rows = re.findall(r'<tr id="([a-z0-9_]+)"', page)
    assert rows[:4] == ["preamble_1", "preamble_2", "preamble_3", "para_1"]
    assert rows[-2:] == ["fn_1", "fn_2"]
    row = re.search(r'<tr id="para_2_b_i">(.*?)</tr>', page, re.S).group(1)
    assert "Publish every paragraph at a stable address;" in row
    assert "Publient chaque paragraphe à une adresse stable ;" in row
    assert '<td lang="fr" dir="ltr">' in row


def test_side_by_side_needs_two_existing_languages(client, archive):
    assert client.get("/A/RES/80/501/en-en/").status_code == 404
    assert client.get("/A/RES/80/501/en-zh/").status_code == 404


@pytest.mark.parametrize(
    "spelling, canonical",
    [
        ("/76/127", "/A/RES/76/127/"),
        ("/76/127/", "/A/RES/76/127/"),
        ("/A/RES/76/127", "/A/RES/76/127/"),
        ("/a/res/76/127/", "/A/RES/76/127/"),
        ("/2286(2016)/", "/S/RES/2286(2016)/"),
        ("/S/RES/2286%20(2016)/", "/S/RES/2286(2016)/"),
        ("/s/res/2286(2016)/en/", "/S/RES/2286(2016)/en/"),
        ("/76/127/zh/para_4/", "/A/RES/76/127/zh/para_4/"),
        ("/80/501/en-fr/", "/A/RES/80/501/en-fr/"),
        ("/217%20A%20(III)/", "/A/RES/217A(III)/"),
    ],
)
def test_variant_spellings_redirect_permanently(client, spelling, canonical):
    response = client.get(spelling)
    assert response.status_code == 301
    assert response["Location"] == canonical


def test_a_resolution_not_in_the_archive_gets_a_friendly_404(client, archive):
    response = client.get("/A/RES/46/182/")
    assert response.status_code == 404
    page = html(response)
    assert "第 46/182 号决议尚未收入本档案" in page
    assert 'href="https://undocs.org/en/A/RES/46/182"' in page
    assert 'href="https://undocs.org/zh/A/RES/46/182"' in page
    assert '<a href="/A/RES/76/127/zh/preamble_1/" hreflang="zh">序言部分第 1 段</a>' in page
    assert '<a href="/A/RES/80/501/fr/preamble_1/" hreflang="fr">序言部分第 1 段</a>' in page
    assert client.get("/A/RES/46/182/en/").status_code == 404


def test_unknown_pages_get_the_friendly_404(client, archive):
    for url in [
        "/no-such-page/",
        "/A/RES/76/127/xx/",
        "/A/RES/76/127/zh/para_99/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
    assert "找不到此页" in html(client.get("/no-such-page/"))


def test_imported_text_is_escaped(client, english_fixture, tmp_path):
    hostile = english_fixture.read_text(encoding="utf-8").replace(
        "open formats;", "open formats <script>alert(1)</script> & <b>more</b>;"
    )
    path = tmp_path / "hostile.md"
    path.write_text(hostile, encoding="utf-8")
    assert import_file(path).status == Status.IMPORTED
    page = html(client.get("/A/RES/80/501/en/"))
    assert "<script>alert(1)</script>" not in page and "<b>more</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;" in page


def test_server_errors_get_a_page_that_needs_nothing(client, settings):
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "服务器出错" in page and "{%" not in page


def test_paragraph_url_names(archive):
    url = reverse(
        "resolutions:paragraph",
        kwargs={"symbol": "A/RES/76/127", "language": "zh", "eid": "para_4"},
    )
    assert url == "/A/RES/76/127/zh/para_4/"


def test_an_annex_follows_the_body_under_its_own_title_with_headings_in_place(client, corpus_dir):
    import_path(corpus_dir / "en" / "ga-ocr" / "A_RES_46_182.en.txt")
    page = html(client.get("/A/RES/46/182/en/"))
    body_end = page.index('id="para_2"')
    annex = page.index('<section class="annex" id="annex" aria-labelledby="annex-title">')
    heading = page.index('id="annex_heading_1"')
    first = page.index('id="annex_para_1"')
    assert body_end < annex < heading < first < page.index('id="annex_heading_2"')
    assert "Annex</span></h2>" in page
    # Each annex paragraph names itself as part of the annex.
    assert "link to paragraph 1 (annex)" in page
    assert "link to heading 1 (annex)" in page


def test_table_rows_stay_together_in_document_order(client, corpus_dir):
    import_file(corpus_dir / "en" / "ga" / "A_RES_76_245.en.txt")
    page = html(client.get("/A/RES/76/245/en/"))
    run = page[page.index('<div class="table-run">') :]
    ids = re.findall(r'id="([a-z0-9_]+)" class="paragraph', run)
    rows = list(itertools.takewhile(lambda eid: "table" in eid, ids))
    assert rows == [f"annex_table_1_row_{n}" for n in range(1, len(rows) + 1)]
    assert len(rows) > 10


def test_a_footnote_whose_text_the_source_lacks_says_so(client, corpus_dir):
    import_path(corpus_dir / "en" / "ga-ocr" / "A_RES_46_182.en.txt")
    page = html(client.get("/A/RES/46/181/en/"))
    note = page[page.index('<li id="fn_134"') :]
    note = note[: note.index("</li>")]
    assert "The text of this footnote is not in the source." in note
