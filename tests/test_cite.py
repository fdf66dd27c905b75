"""Citing the archive: the citation strings in Chinese and English for every kind of paragraph,
and the "引用 Cite this" box on resolution and paragraph pages."""

import html
import re
from datetime import date

import pytest

from resolutions.citations.formatting import (
    chinese_number,
    citation_forms,
    cite,
    footnote_forms,
    place_name,
)
from resolutions.importer import Status
from resolutions.labels import paragraph_name
from tests.importing import import_file

ADOPTED_76_127 = date(2021, 12, 10)


@pytest.mark.parametrize(
    ("eid", "chinese", "english"),
    [
        ("preamble_3", "序言部分第3段", "preambular para. 3"),
        ("para_4", "第4段", "para. 4"),
        ("para_2_a", "第2(a)段", "para. 2 (a)"),
        ("para_2_b_ii", "第2(b)(ii)段", "para. 2 (b) (ii)"),
        ("fn_1", "脚注1", "footnote 1"),
        ("annex_para_3", "附件第3段", "annex, para. 3"),
        ("annex_para_3_a", "附件第3(a)段", "annex, para. 3 (a)"),
        ("annex_ii_para_1", "附件二第1段", "annex II, para. 1"),
        ("annex_iv_preamble_2", "附件四序言部分第2段", "annex IV, preambular para. 2"),
        ("annex_heading_1", "附件标题1", "annex, heading 1"),
        ("heading_2", "标题2", "heading 2"),
        ("text_2", "无编号段落2", "unnumbered para. 2"),
        ("table_1_row_12", "表1第12行", "table 1, row 12"),
        ("item_a", "(a)项", "item (a)"),
        ("part_B_para_1", "第1段(B)", "para. 1 (B)"),
        ("article_5_para_1", "第1段(第5条)", "para. 1 (article 5)"),
    ],
)
def test_every_kind_of_paragraph_is_named_as_a_citation_names_it(eid, chinese, english):
    assert place_name(eid, "zh") == chinese
    assert place_name(eid, "en") == english


@pytest.mark.parametrize(
    "eid", ["preamble_3", "para_4", "para_2_a_ii", "heading_2", "table_1_row_2"]
)
def test_the_citation_names_agree_with_the_page_names(eid):
    """Outside annexes the citation says what the page says, only written the citing way."""
    assert place_name(eid, "zh") == paragraph_name(eid, "zh").replace(" ", "")
    assert place_name(eid, "en") == paragraph_name(eid, "en").replace("paragraph", "para.")


@pytest.mark.parametrize(
    ("symbol", "eid", "chinese", "english"),
    [
        (
            "A/RES/76/127",
            "para_4",
            "大会第76/127号决议，第4段",
            "General Assembly resolution 76/127, para. 4",
        ),
        (
            "S/RES/2286 (2016)",
            "para_1",
            "安全理事会第2286(2016)号决议，第1段",
            "Security Council resolution 2286 (2016), para. 1",
        ),
        (
            "A/RES/76/127",
            "preamble_3",
            "大会第76/127号决议，序言部分第3段",
            "General Assembly resolution 76/127, preambular para. 3",
        ),
        (
            "A/RES/80/501",
            "para_2_a",
            "大会第80/501号决议，第2(a)段",
            "General Assembly resolution 80/501, para. 2 (a)",
        ),
        (
            "A/RES/80/501",
            "fn_1",
            "大会第80/501号决议，脚注1",
            "General Assembly resolution 80/501, footnote 1",
        ),
        (
            "A/RES/78/901",
            "annex_para_3",
            "大会第78/901号决议，附件第3段",
            "General Assembly resolution 78/901, annex, para. 3",
        ),
        (
            "A/RES/217A(III)",
            None,
            "大会第217A(III)号决议",
            "General Assembly resolution 217 A (III)",
        ),
        ("A/RES/ES-11/1", None, "大会第ES-11/1号决议", "General Assembly resolution ES-11/1"),
    ],
)
def test_short_citations_in_chinese_and_english(symbol, eid, chinese, english):
    assert cite(symbol, "zh", eid=eid) == chinese
    assert cite(symbol, "en", eid=eid) == english


def test_the_long_form_carries_the_adoption_date():
    assert (
        cite("A/RES/76/127", "en", adopted_on=ADOPTED_76_127, eid="para_4")
        == "General Assembly resolution 76/127 of 10 December 2021, para. 4"
    )
    assert (
        cite("A/RES/76/127", "zh", adopted_on=ADOPTED_76_127, eid="para_4")
        == "大会2021年12月10日第76/127号决议，第4段"
    )
    assert (
        cite("S/RES/2286 (2016)", "en", adopted_on=date(2016, 5, 3))
        == "Security Council resolution 2286 (2016) of 3 May 2016"
    )
    assert (
        cite("S/RES/2286 (2016)", "zh", adopted_on=date(2016, 5, 3))
        == "安全理事会2016年5月3日第2286(2016)号决议"
    )


def test_only_resolutions_are_cited_this_way():
    with pytest.raises(ValueError, match="not a resolution"):
        cite("A/76/L.26", "en")


def test_annexes_are_numbered_in_chinese_numerals():
    assert [chinese_number(n) for n in (1, 4, 10, 12, 20, 21)] == [
        "一",
        "四",
        "十",
        "十二",
        "二十",
        "二十一",
    ]


def test_the_box_offers_dated_and_short_forms_then_the_permalink():
    forms = citation_forms("A/RES/76/127", ADOPTED_76_127, "https://x.org/A/RES/76/127/zh/", None)
    assert [(f.label_en, f.language, f.text) for f in forms] == [
        ("Chinese", "zh-Hans", "大会2021年12月10日第76/127号决议"),
        ("Chinese, short", "zh-Hans", "大会第76/127号决议"),
        ("English", "en", "General Assembly resolution 76/127 of 10 December 2021"),
        ("English, short", "en", "General Assembly resolution 76/127"),
        ("Permalink", "en", "https://x.org/A/RES/76/127/zh/"),
    ]


def test_without_an_adoption_date_the_box_has_one_form_per_language():
    forms = citation_forms("S/RES/2286 (2016)", None, "https://x.org/p/", "para_1")
    assert [f.text for f in forms] == [
        "安全理事会第2286(2016)号决议，第1段",
        "Security Council resolution 2286 (2016), para. 1",
        "https://x.org/p/",
    ]


def test_a_footnote_is_cited_in_both_languages():
    assert [(f.label, f.label_en, f.text) for f in footnote_forms("A/RES/80/501", "2")] == [
        ("脚注2 中文", "Footnote 2, Chinese", "大会第80/501号决议，脚注2"),
        ("脚注2 英文", "Footnote 2, English", "General Assembly resolution 80/501, footnote 2"),
    ]


# --- The box on the pages ------------------------------------------------------------------


@pytest.fixture
def archive(db, sample_path, english_fixture):
    for path in (sample_path, english_fixture):
        assert import_file(path).status == Status.IMPORTED


def cite_box(client, url: str, **request) -> list[tuple[str, str]]:
    """(term, text) of each line of the page's cite box."""
    page = client.get(url, **request).content.decode()
    box = re.search(r'<section class="cite-box".*?</section>', page, re.S)
    assert box, f"no cite box on {url}"
    assert re.search(r'<h2 id="cite-heading">引用 <span lang="en">Cite this</span></h2>', box[0])
    lines = re.findall(
        r"<dt>(.*?)</dt>\s*<dd><span class=\"citation-text\" lang=\"[^\"]+\" dir=\"[a-z]+\">"
        r"(.*?)</span></dd>",
        box[0],
        re.S,
    )
    return [(re.sub(r"<[^>]+>", "", term), html.unescape(text)) for term, text in lines]


def test_the_resolution_page_has_a_cite_box_for_the_resolution(client, archive):
    assert cite_box(client, "/A/RES/76/127/zh/") == [
        ("中文 Chinese", "大会2021年12月10日第76/127号决议"),
        ("中文简式 Chinese, short", "大会第76/127号决议"),
        ("英文 English", "General Assembly resolution 76/127 of 10 December 2021"),
        ("英文简式 English, short", "General Assembly resolution 76/127"),
        ("永久链接 Permalink", "http://testserver/A/RES/76/127/zh/"),
    ]


def test_the_paragraph_page_cites_the_paragraph(client, archive):
    assert cite_box(client, "/A/RES/76/127/zh/para_4/") == [
        ("中文 Chinese", "大会2021年12月10日第76/127号决议，第4段"),
        ("中文简式 Chinese, short", "大会第76/127号决议，第4段"),
        ("英文 English", "General Assembly resolution 76/127 of 10 December 2021, para. 4"),
        ("英文简式 English, short", "General Assembly resolution 76/127, para. 4"),
        ("永久链接 Permalink", "http://testserver/A/RES/76/127/zh/para_4/"),
    ]


@pytest.mark.parametrize(
    ("url", "chinese", "english"),
    [
        ("/A/RES/76/127/zh/preamble_3/", "大会第76/127号决议，序言部分第3段", "preambular para. 3"),
        ("/A/RES/80/501/en/para_2_a/", "大会第80/501号决议，第2(a)段", "para. 2 (a)"),
        ("/A/RES/80/501/en/para_2_b_ii/", "大会第80/501号决议，第2(b)(ii)段", "para. 2 (b) (ii)"),
    ],
)
def test_each_kind_of_paragraph_page_cites_its_paragraph(client, archive, url, chinese, english):
    lines = dict(cite_box(client, url))
    assert lines["中文简式 Chinese, short"] == chinese
    assert lines["英文简式 English, short"].endswith(", " + english)
    assert lines["永久链接 Permalink"] == "http://testserver" + url


def test_the_permalink_follows_the_host_the_page_was_asked_for(client, archive, settings):
    settings.ALLOWED_HOSTS = ["undocs.example"]
    lines = cite_box(client, "/A/RES/80/501/en/para_1/", HTTP_HOST="undocs.example", secure=True)
    assert lines[-1] == ("永久链接 Permalink", "https://undocs.example/A/RES/80/501/en/para_1/")


def test_a_paragraph_page_also_cites_the_footnotes_it_shows(client, archive):
    lines = cite_box(client, "/A/RES/76/127/zh/preamble_4/")
    assert lines[-2:] == [
        ("脚注1 中文 Footnote 1, Chinese", "大会第76/127号决议，脚注1"),
        ("脚注1 英文 Footnote 1, English", "General Assembly resolution 76/127, footnote 1"),
    ]
    assert ("永久链接 Permalink", "http://testserver/A/RES/76/127/zh/preamble_4/") in lines
