"""Reading aids: the word to a reader whose language a text is not in, the official texts, the
table of contents, going to a paragraph by its name, where OCR texts came from, and the API
found from the pages."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.html import escape

from api.openapi import document
from resolutions.importer import Status
from tests.importing import import_file, import_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(corpus_dir, sample_path):
    """A/RES/76/127 in Chinese and English, and S/RES/2286 (2016), which the Chinese text
    cites, in English only."""
    for path in (
        sample_path,
        corpus_dir / "en" / "ga" / "A_RES_76_127.en.txt",
        corpus_dir / "en" / "sc" / "S_RES_2286_2016.en.txt",
    ):
        assert import_file(path).status == Status.IMPORTED


def html(response) -> str:
    return response.content.decode()


def follow(client, url: str):
    """The page a link leads to, through its redirects."""
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response


# ---- A text not in the reader's language ----


def test_a_chinese_reader_following_a_citation_is_told_the_text_is_english(client, archive):
    chinese = html(client.get("/A/RES/76/127/zh/"))
    link = re.search(r'<a class="citation" href="([^"]+)">2286 ?\(2016\)</a>', chinese).group(1)
    response = follow(client, link.replace("&amp;", "&"))
    assert response.redirect_chain[-1][0] == "/S/RES/2286(2016)/en/?from=zh"
    page = html(response)
    notice = re.search(r'<p class="notice language-notice"[^>]*>(.*?)</p>', page, re.S)
    assert 'lang="zh-Hans"' in notice.group(0)
    assert "本决议尚无中文本，以下为英文本。" in notice.group(1)
    assert (
        'href="https://documents.un.org/api/symbol/access?s=S/RES/2286(2016)&amp;l=zh'
        '&amp;t=pdf"' in notice.group(1)
    )
    # Told at the top: before the resolution's header.
    assert page.index("language-notice") < page.index('class="resolution-header"')


def test_an_english_reader_arriving_at_a_chinese_only_text_is_told_in_english(client, sample_path):
    assert import_file(sample_path).status == Status.IMPORTED
    response = follow(client, "/A/RES/76/127/?lang=en")
    assert response.redirect_chain[-1][0] == "/A/RES/76/127/zh/?from=en"
    page = html(response)
    notice = re.search(
        r'<p class="notice language-notice"[^>]*lang="en"[^>]*>(.*?)</p>', page, re.S
    )
    assert "This resolution is not in the archive in English yet; below is the Chinese text." in (
        notice.group(1)
    )
    assert "s=A/RES/76/127&amp;l=en&amp;t=pdf" in notice.group(1)


def test_asking_for_a_language_without_a_version_shows_another_with_the_notice(client, archive):
    response = client.get("/S/RES/2286(2016)/fr/")
    assert response.status_code == 302
    assert response["Location"] == "/S/RES/2286(2016)/en/?from=fr"
    assert "Cette résolution n’est pas encore dans l’archive en français" in html(
        client.get(response["Location"])
    )


def test_the_notice_is_never_kept_in_the_page_other_readers_get(client, archive):
    assert "language-notice" in html(client.get("/S/RES/2286(2016)/en/?from=zh"))
    assert "language-notice" not in html(client.get("/S/RES/2286(2016)/en/"))
    assert "language-notice" in html(client.get("/S/RES/2286(2016)/en/?from=zh"))


def test_no_notice_when_the_reader_language_is_there(client, archive):
    # A/RES/76/127 is in Chinese: someone sent to its English text is not told otherwise.
    assert "language-notice" not in html(client.get("/A/RES/76/127/en/?from=zh"))
    assert "language-notice" not in html(client.get("/A/RES/76/127/en/?from=xx"))


def test_every_version_page_links_the_official_pdf_in_six_languages(client, archive):
    for url, symbol in (
        ("/A/RES/76/127/zh/", "A/RES/76/127"),
        ("/S/RES/2286(2016)/en/", "S/RES/2286(2016)"),
    ):
        page = html(client.get(url))
        block = re.search(r'<p class="official-texts">.*?</p>', page, re.S).group(0)
        links = re.findall(r'href="([^"]+)" hreflang="([^"]+)"', block)
        assert [lang for _, lang in links] == ["zh-Hans", "en", "fr", "es", "ru", "ar"]
        for href, _ in links:
            query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
            assert href.startswith(f"https://documents.un.org/api/symbol/access?s={symbol}&")
            assert query["t"] == ["pdf"]
        languages = [parse_qs(urlsplit(h.replace("&amp;", "&")).query)["l"][0] for h, _ in links]
        assert languages == ["zh", "en", "fr", "es", "ru", "ar"]


# ---- Table of contents and going to a paragraph ----


@pytest.fixture
def with_annex(corpus_dir):
    """A/RES/46/181 and 46/182 from a volume of the Official Records: 46/182 has an annex
    with headings."""
    stored = import_path(corpus_dir / "en" / "ga-ocr" / "A_RES_46_182.en.txt")
    assert {result.symbol for result in stored.results} >= {"A/RES/46/182"}


def test_a_text_with_an_annex_and_headings_has_a_table_of_contents(client, with_annex):
    page = html(client.get("/A/RES/46/182/en/"))
    contents = re.search(r'<nav class="contents".*?</nav>', page, re.S).group(0)
    assert '<ol lang="en" dir="ltr">' in contents
    assert '<a href="#annex" lang="zh-Hans">附件 <span lang="en">Annex</span></a>' in contents
    anchors = re.findall(r'href="#([^"]+)" class="heading-link">([^<]+)<', contents)
    assert anchors and all(anchor.startswith("annex_heading_") for anchor, _ in anchors)
    for anchor, _ in anchors:
        assert f'id="{anchor}"' in page  # every entry leads somewhere
    # Before the text.
    assert page.index('class="contents"') < page.index('class="resolution-text"')


def test_a_text_without_headings_or_annexes_has_none(client, archive):
    assert 'class="contents"' not in html(client.get("/A/RES/76/127/zh/"))


@pytest.mark.parametrize(
    ("asked", "eid"),
    [
        ("22", "para_22"),
        ("PP3", "preamble_3"),
        ("pp 3", "preamble_3"),
        ("序言部分第3段", "preamble_3"),
        ("第 22 段", "para_22"),
        ("paragraph 22", "para_22"),
        ("para_22", "para_22"),
        ("２２", "para_22"),
    ],
)
def test_the_go_to_box_goes_to_the_paragraph(client, archive, asked, eid):
    response = client.get("/A/RES/76/127/zh/go/", {"p": asked})
    assert response.status_code == 302
    assert response["Location"] == f"/A/RES/76/127/zh/#{eid}"


def test_the_go_to_box_reaches_sub_items(client, english_fixture):
    assert import_file(english_fixture).status == Status.IMPORTED
    for asked in ("2(b)", "2 (b)", "第 2(b) 段", "paragraph 2 (b)"):
        response = client.get("/A/RES/80/501/en/go/", {"p": asked})
        assert response["Location"] == "/A/RES/80/501/en/#para_2_b", asked


def test_the_go_to_box_is_on_the_page_and_works_without_javascript(client, archive):
    page = html(client.get("/A/RES/76/127/zh/"))
    form = re.search(r'<form class="go-to"[^>]*>', page).group(0)
    assert 'action="/A/RES/76/127/zh/go/"' in form and 'method="get"' in form
    assert 'name="p"' in page


def test_a_paragraph_the_text_lacks_is_a_404_naming_the_resolution(client, archive):
    response = client.get("/A/RES/76/127/zh/go/", {"p": "999"})
    assert response.status_code == 404
    page = html(response)
    assert "A/RES/76/127" in page and "999" in page
    assert '<a href="/A/RES/76/127/zh/">' in page
    assert 'class="go-to"' in page  # try again


def test_a_name_that_is_no_paragraph_is_a_400_saying_how_to_write_one(client, archive):
    response = client.get("/A/RES/76/127/zh/go/", {"p": "<script>x</script>"})
    assert response.status_code == 400
    page = html(response)
    assert "PP3" in page
    assert "<script>x" not in page and "&lt;script&gt;x" in page


@pytest.mark.parametrize("hostile", ["para_4\x00", "\x00", "4" * 10_000, "%ff", "第\n段"])
def test_hostile_go_to_names_get_a_clear_answer(client, archive, hostile):
    assert client.get("/A/RES/76/127/zh/go/", {"p": hostile}).status_code in (400, 404)


def test_an_empty_go_to_returns_to_the_text(client, archive):
    response = client.get("/A/RES/76/127/zh/go/", {"p": " "})
    assert response["Location"] == "/A/RES/76/127/zh/"


@pytest.mark.parametrize(
    "asked",
    ["annex, paragraph 3", "paragraph 3 (annex)", "附件第 3 段", "第 3 段 (附件)", "annex_para_3"],
)
def test_the_go_to_box_reaches_annex_paragraphs(client, corpus_dir, asked):
    assert import_file(corpus_dir / "en" / "ga" / "A_RES_76_7.en.txt").status == Status.IMPORTED
    response = client.get("/A/RES/76/7/en/go/", {"p": asked})
    assert response["Location"] == "/A/RES/76/7/en/#annex_para_3", asked


# ---- OCR texts say where they came from ----


def test_a_council_text_from_ocr_names_its_source(client, corpus_dir):
    path = corpus_dir / "en" / "sc-crunsc" / "S_RES_0242_1967.en.txt"
    assert import_file(path).status == Status.IMPORTED
    for url in ("/S/RES/242(1967)/en/", "/S/RES/242(1967)/en/para_1/"):
        page = html(client.get(url))
        aside = re.search(r'<aside class="provenance notice".*?</aside>', page, re.S).group(0)
        assert "OCR" in aside and "1967" in aside
        assert 'href="https://doi.org/10.5281/zenodo.7319781"' in aside
        assert "Corpus of Resolutions: UN Security Council (CR-UNSC)" in aside
        assert "S_RES_0242_1967.en.txt" in aside
        assert "s=S/RES/242(1967)&amp;l=en" in aside


def test_an_official_records_text_from_ocr_says_it_is_uncorrected(client, with_annex):
    page = html(client.get("/A/RES/46/182/en/"))
    aside = re.search(r'<aside class="provenance notice".*?</aside>', page, re.S).group(0)
    assert "Official Records of the General Assembly" in aside
    assert "46th session" in aside and "not been corrected" in aside
    assert "A_RES_46_182.en.txt" in aside


def test_a_text_from_the_un_digital_document_has_no_ocr_note(client, archive):
    assert "provenance" not in html(client.get("/A/RES/76/127/zh/"))


# ---- The API, found from the pages ----


def test_version_and_paragraph_pages_name_their_api_resources(client, archive):
    page = html(client.get("/A/RES/76/127/zh/"))
    assert re.search(
        r'<link rel="alternate" type="application/json" [^>]*'
        r'href="/api/v1/resolutions/A/RES/76/127/zh/">',
        page,
    )
    assert re.search(
        r'<link rel="alternate" type="application/akn\+xml" [^>]*'
        r'href="/A/RES/76/127/zh.akn.xml">',
        page,
    )
    assert client.get("/api/v1/resolutions/A/RES/76/127/zh/").status_code == 200
    paragraph = html(client.get("/A/RES/76/127/zh/para_22/"))
    assert re.search(
        r'<link rel="alternate" type="application/json" [^>]*'
        r'href="/api/v1/resolutions/A/RES/76/127/zh/para_22/">',
        paragraph,
    )
    assert client.get("/api/v1/resolutions/A/RES/76/127/zh/para_22/").status_code == 200


def test_the_footer_leads_to_the_api(client, archive):
    for url in ("/", "/A/RES/76/127/zh/"):
        footer = re.search(r'<footer class="site-footer">.*?</footer>', html(client.get(url)), re.S)
        assert '<a href="/api/">' in footer.group(0)


def test_the_api_page_describes_every_endpoint_from_the_openapi_document(client, archive):
    response = client.get("/api/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = html(response)
    description = document()
    for path, operations in description["paths"].items():
        assert f"<code>GET /api/v1{path}</code>" in page
        assert escape(operations["get"]["summary"]) in page
    for name in description["components"]["schemas"]:
        assert f'id="schema-{name}"' in page
    # Parameters with their types and the shapes of responses, linked.
    assert "<code>per_page</code>" in page
    assert '<a href="#schema-ResolutionList"><code>ResolutionList</code></a>' in page
    # Examples that answer.
    examples = re.findall(r'Example: <a href="([^"]+)"', page)
    assert len(examples) >= 6
    for example in examples:
        if "/search/" not in example:  # the search index is the search tests' to build
            assert client.get(example.replace("&amp;", "&")).status_code == 200, example
    # Only the site's own assets.
    assert not re.search(r'(?:src|href)="https?://(?!documents\.un\.org)', page)


def test_a_client_asking_for_json_at_api_gets_the_json_index(client, archive):
    response = client.get("/api/", HTTP_ACCEPT="application/json")
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/"
    assert "Accept" in response["Vary"]
