"""Naming paragraphs from their eids: the label beside the text, how a reader cites it, and the
URL that opens it."""

import re

import pytest

from resolutions.labels import annex_of, paragraph_label, paragraph_name
from web.converters import EidConverter


@pytest.mark.parametrize(
    ("eid", "label", "english", "chinese"),
    [
        ("preamble_3", "PP3", "preambular paragraph 3", "序言部分第 3 段"),
        ("para_4_a_ii", "(ii)", "paragraph 4 (a) (ii)", "第 4(a)(ii) 段"),
        ("part_B_para_1", "1.", "paragraph 1 (B)", "第 1 段 (B)"),
        ("annex_para_3", "3.", "paragraph 3 (annex)", "第 3 段 (附件)"),
        ("annex_para_3_a", "(a)", "paragraph 3 (a) (annex)", "第 3(a) 段 (附件)"),
        ("annex_ii_para_1", "1.", "paragraph 1 (annex II)", "第 1 段 (附件 II)"),
        ("heading_2", "¶", "heading 2", "标题 2"),
        ("annex_heading_1", "¶", "heading 1 (annex)", "标题 1 (附件)"),
        ("annex_text_2", "¶", "unnumbered paragraph 2 (annex)", "无编号段落 2 (附件)"),
        ("table_1_row_12", "¶", "table 1, row 12", "表 1 第 12 行"),
        ("annex_i_table_2_row_3", "¶", "table 2, row 3 (annex I)", "表 2 第 3 行 (附件 I)"),
        ("article_5_para_1", "1.", "paragraph 1 (article 5)", "第 1 段 (第 5 条)"),
        (
            "article_5_preamble_2",
            "PP2",
            "preambular paragraph 2 (article 5)",
            "序言部分第 2 段 (第 5 条)",
        ),
        ("item_a", "(a)", "(a)", "(a)"),
        ("item_a_ii", "(ii)", "(a) (ii)", "(a)(ii)"),
    ],
)
def test_every_eid_has_a_label_a_name_and_a_url(eid, label, english, chinese):
    assert paragraph_label(eid) == label
    assert paragraph_name(eid, "en") == english
    assert paragraph_name(eid, "zh") == chinese
    assert re.fullmatch(EidConverter.regex, eid)


@pytest.mark.parametrize(
    ("eid", "annex"),
    [("para_1", None), ("annex_para_1", ""), ("annex_ii_heading_1", "ii"), ("heading_1", None)],
)
def test_the_annex_a_paragraph_stands_in(eid, annex):
    assert annex_of(eid) == annex
