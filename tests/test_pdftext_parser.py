"""UN PDF text (pdftotext output) of General Assembly and Security Council resolutions.

The fixture in fixtures/pdftext/ is a fictional resolution written in the layout; the corpus tests
read the real files of the shared corpus, and line the English A/RES/76/127 up with the Chinese.
"""

import re
from datetime import date
from pathlib import Path

import pytest

from resolutions.parsing import markdown, pdftext
from resolutions.parsing.document import OPERATIVE, OTHER, PREAMBULAR, SUBPARAGRAPH
from resolutions.parsing.shared.dates import parse_date
from resolutions.parsing.shared.meetings import parse_meeting
from resolutions.parsing.source import detect_format
from resolutions.parsing.validate import validate

from .textcheck import furniture_in_text, missing_words

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdftext"
CORPUS_FILES = [
    *(f"en/ga/{name}" for name in [
        "A_RES_73_137", "A_RES_74_116", "A_RES_75_125", "A_RES_76_1", "A_RES_76_10",
        "A_RES_76_108", "A_RES_76_11", "A_RES_76_117", "A_RES_76_124", "A_RES_76_126",
        "A_RES_76_127", "A_RES_76_13", "A_RES_76_150", "A_RES_76_178", "A_RES_76_19",
        "A_RES_76_195", "A_RES_76_238", "A_RES_76_239", "A_RES_76_245", "A_RES_76_262",
        "A_RES_76_283", "A_RES_76_3", "A_RES_76_300", "A_RES_76_34", "A_RES_76_6",
        "A_RES_76_7", "A_RES_76_77", "A_RES_77_31", "A_RES_ES-11_1", "A_RES_ES-11_3",
    ]),
    "en/sc/S_RES_2175_2014",
    "en/sc/S_RES_2286_2016",
]  # fmt: skip
# Whole lines of page furniture, as the source prints them.
FURNITURE_LINE_RE = re.compile(
    r"^(?:\d{1,3}/\d{1,3}|\d{2}-\d{5}(?: \([A-Z]\))?|\*\d{6,}\*|\d{6}|_{5,}"
    r"|(?:A/RES/\S+|S/RES/\d+ \(\d{4}\))+)$"
)
# A job number glued to the end of a line of text.
INLINE_FURNITURE_RE = re.compile(r"(?<=\S) \d{2}-\d{5}$")


def _fixture(name: str = "A_RES_78_901.en.txt"):
    return pdftext.parse((FIXTURES / name).read_text(encoding="utf-8"), "en")


def _corpus(corpus_dir: Path, name: str):
    return pdftext.parse((corpus_dir / f"{name}.en.txt").read_text(encoding="utf-8"), "en")


def _paragraph(resolution, eid: str):
    return next(p for p in resolution.paragraphs if p.eid == eid)


def _text_furniture_re(text: str) -> re.Pattern:
    """Furniture inside a paragraph: a job number, a barcode, this file's page numbers."""
    pages = text.count("\f") + 1
    return re.compile(rf"\b\d{{2}}-\d{{5}}\b|\*\d{{6,}}\*|(?<![\w/.-])[1-9]\d?/{pages}(?![\w/])")


def _furniture_left(parsed, text: str) -> list[str]:
    """Eids whose text holds furniture; a page-number look-alike that is a cited resolution
    (55/2 in a two-page file) is the text's own."""
    pattern = _text_furniture_re(text)
    left = []
    for eid in furniture_in_text(parsed, pattern):
        item = next((p for p in parsed.paragraphs if p.eid == eid), None)
        item = item or next(n for n in parsed.footnotes if n.eid == eid)
        cited = {c.text for c in item.citations}
        if any(m.group() not in cited for m in pattern.finditer(item.text)):
            left.append(eid)
    return left


# --- Own fixture ------------------------------------------------------------------------------


def test_the_layout_is_detected():
    text = (FIXTURES / "A_RES_78_901.en.txt").read_text(encoding="utf-8")
    assert pdftext.looks_like_pdftext_layout(text)
    assert detect_format(text) == (pdftext.FORMAT, "")
    assert not pdftext.looks_like_pdftext_layout(text.replace("\f", "\n"))


def test_fixture_header():
    resolution = _fixture()
    assert resolution.symbol == "A/RES/78/901"
    assert (resolution.body, resolution.session, resolution.number) == ("GA", 78, 901)
    assert resolution.title == "Protection of lighthouse keepers and humanitarian coastal personnel"
    assert resolution.distributed_on == date(2023, 12, 20)
    assert resolution.adopted_on == date(2023, 12, 15)
    assert resolution.meeting_number == 48
    assert resolution.agenda_items == ["71(b)"]
    assert (
        resolution.agenda_title == "Oceans and the law of the sea: protection of lighthouse keepers"
    )
    assert resolution.adoption_note == (
        "without reference to a Main Committee (A/78/L.99 and A/78/L.99/Add.1)"
    )
    assert resolution.draft_symbols == ["A/78/L.99", "A/78/L.99/Add.1"]
    assert resolution.opening_formula == "The General Assembly,"


def test_fixture_structure_and_annex_eids():
    resolution = _fixture()
    assert [(p.eid, p.kind, p.label, p.parent_eid) for p in resolution.paragraphs] == [
        ("preamble_1", PREAMBULAR, None, None),
        ("preamble_2", PREAMBULAR, None, None),
        ("preamble_3", PREAMBULAR, None, None),
        ("preamble_4", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("para_2", OPERATIVE, "2", None),
        ("para_2_a", SUBPARAGRAPH, "a", "para_2"),
        ("para_2_b", SUBPARAGRAPH, "b", "para_2"),
        ("para_2_b_i", SUBPARAGRAPH, "i", "para_2_b"),
        ("para_2_b_ii", SUBPARAGRAPH, "ii", "para_2_b"),
        ("para_3", OPERATIVE, "3", None),
        ("annex_heading_1", OTHER, None, None),
        ("annex_para_1", OPERATIVE, "1", None),
        ("annex_para_2", OPERATIVE, "2", None),
        ("annex_para_2_a", SUBPARAGRAPH, "a", "annex_para_2"),
        ("annex_para_2_b", SUBPARAGRAPH, "b", "annex_para_2"),
        ("annex_table_1_row_1", OTHER, None, None),
        ("annex_table_1_row_2", OTHER, None, None),
    ]
    assert validate(resolution) == []


def test_page_furniture_is_dropped_and_a_page_break_inside_a_paragraph_is_joined():
    resolution = _fixture()
    texts = " ".join(p.text for p in resolution.paragraphs)
    for furniture in ("23-12345", "2312345", "201223", "2/3", "A/RES/78/901", "coastal personnel"):
        assert furniture not in texts
    assert _paragraph(resolution, "para_3").text == (
        "Decides to adopt the guidelines annexed to the present resolution."
    )


def test_an_operative_number_alone_on_its_line_opens_the_paragraph():
    resolution = _fixture()
    assert _paragraph(resolution, "para_1").text.startswith("Urges all States")
    assert _paragraph(resolution, "para_2_a").text == "Protect the premises of lighthouses;"


def test_footnote_text_before_its_marker_is_paired():
    resolution = _fixture()
    assert [(n.marker, n.text) for n in resolution.footnotes] == [
        ("1", "The Convention on Coastal Lights of 1 March 2019."),
        ("2", "See A/78/999, para. 4."),
    ]
    assert [n.citations[0].target for n in resolution.footnotes[1:]] == ["A/78/999"]


def test_inline_markers_are_told_from_numbers_of_the_sentence():
    preamble = _paragraph(_fixture(), "preamble_3")
    assert [ref.marker for ref in preamble.footnote_refs] == ["1"]
    assert "17 lighthouses" in preamble.text
    assert "has reached 95," in preamble.text
    offset = preamble.footnote_refs[0].offset
    assert preamble.text[:offset].endswith("Convention on Coastal Lights,")
    assert preamble.text[offset:].startswith(" which entered into force")


def test_words_split_by_the_layout_are_joined():
    resolution = _fixture()
    assert "deliver humanitarian assistance," in _paragraph(resolution, "preamble_4").text
    assert "are reported safe" in _paragraph(resolution, "para_2").text
    # Two words of the document stay two words.
    assert "keepers has reached" in _paragraph(resolution, "preamble_3").text


def test_two_column_leftover_words_go_back_into_their_line():
    preamble = _paragraph(_fixture(), "preamble_2")
    assert preamble.text == (
        "Reaffirming the principles of humanity, neutrality, impartiality and independence "
        "for the provision of humanitarian assistance,"
    )


def test_table_rows_are_paragraphs():
    resolution = _fixture()
    assert _paragraph(resolution, "annex_table_1_row_2").text == "Assistant keeper 30"


def test_closing_readers_take_a_resumed_meeting_only_where_asked():
    # The UN's PDFs print a meeting resumed on another day; the structure reader asks for it.
    assert parse_meeting("54th (resumed) plenary meeting", resumed=True) == 54
    assert parse_meeting("54th (resumed) plenary meeting") is None
    assert parse_meeting("51st plenary meeting", resumed=True) == 51
    assert parse_meeting("第 51 次全体会议", resumed=True) == 51
    assert parse_date(" 10 December 2021 ") == date(2021, 12, 10)
    assert parse_date("on 10 December 2021") is None  # a whole line, not a sentence


def test_fixture_keeps_every_word():
    text = (FIXTURES / "A_RES_78_901.en.txt").read_text(encoding="utf-8")
    parsed = _fixture()
    assert missing_words(text, parsed, FURNITURE_LINE_RE, INLINE_FURNITURE_RE) == []
    assert _furniture_left(parsed, text) == []


# --- The corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_file_parses_and_validates(corpus_dir, name):
    assert validate(_corpus(corpus_dir, name)) == []


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_file_loses_no_word_and_keeps_no_furniture(corpus_dir, name):
    text = (corpus_dir / f"{name}.en.txt").read_text(encoding="utf-8")
    parsed = pdftext.parse(text, "en")
    assert missing_words(text, parsed, FURNITURE_LINE_RE, INLINE_FURNITURE_RE) == []
    assert _furniture_left(parsed, text) == []


def _alignment(resolution):
    return [(p.eid, p.kind, p.label, p.parent_eid) for p in resolution.paragraphs]


@pytest.fixture(scope="module")
def english_and_chinese(corpus_dir):
    english = _corpus(corpus_dir, "en/ga/A_RES_76_127")
    chinese_text = (corpus_dir / "zh" / "A_RES_76_127.zh.md").read_text(encoding="utf-8")
    return english, markdown.parse(chinese_text, "zh")


def test_english_76_127_lines_up_with_the_chinese(english_and_chinese):
    english, chinese = english_and_chinese
    assert len(english.paragraphs) == len(chinese.paragraphs) == 88
    assert _alignment(english) == _alignment(chinese)


def test_english_76_127_footnotes_are_referenced_from_the_same_paragraphs(english_and_chinese):
    def references(resolution):
        return {(r.marker, p.eid) for p in resolution.paragraphs for r in p.footnote_refs}

    english, chinese = english_and_chinese
    assert [n.marker for n in english.footnotes] == [str(n) for n in range(1, 18)]
    assert [n.marker for n in english.footnotes] == [n.marker for n in chinese.footnotes]
    assert references(english) == references(chinese)


def test_english_76_127_cites_what_the_chinese_cites(english_and_chinese):
    def cited(resolution):
        return [(p.eid, [c.target for c in p.citations]) for p in resolution.paragraphs]

    english, chinese = english_and_chinese
    assert cited(english) == cited(chinese)
    assert _paragraph(english, "preamble_1").citations[0].target == "A/RES/46/182"


def test_english_76_127_header_agrees_with_the_chinese(english_and_chinese):
    english, chinese = english_and_chinese
    for name in ("adopted_on", "meeting_number", "agenda_items", "draft_symbols", "symbol"):
        assert getattr(english, name) == getattr(chinese, name), name
    assert english.agenda_items == ["75(a)"]
    assert english.draft_symbols == ["A/76/L.26", "A/76/L.26/Add.1"]
    assert english.distributed_on == date(2021, 12, 17)


def test_english_76_127_page_one_repairs(english_and_chinese):
    english, _ = english_and_chinese
    assert _paragraph(english, "preamble_8").text == (
        "Reaffirming the principles of humanity, neutrality, impartiality and independence "
        "for the provision of humanitarian assistance,"
    )
    assert "international humanitarian law and ensure" in _paragraph(english, "preamble_5").text


def test_a_note_referred_to_again_on_a_later_page_is_referenced_twice(corpus_dir):
    resolution = _corpus(corpus_dir, "en/ga/A_RES_73_137")
    holders = [p.eid for p in resolution.paragraphs if "12" in [r.marker for r in p.footnote_refs]]
    assert len(holders) == 2
    assert not any(p.text.endswith(" 12") for p in resolution.paragraphs)


def test_a_label_printed_before_the_tail_of_its_item_is_repaired(corpus_dir):
    resolution = _corpus(corpus_dir, "en/ga/A_RES_76_126")
    assert _paragraph(resolution, "para_20_a").text == (
        "An assessment of the assistance actually received by the Palestinian people;"
    )


def test_words_of_a_scrambled_line_go_back_in_order(corpus_dir):
    resolution = _corpus(corpus_dir, "en/ga/A_RES_76_10")
    assert _paragraph(resolution, "preamble_2").text == (
        "Recalling also its resolution 73/89 of 6 December 2018, entitled “Comprehensive, just "
        "and lasting peace in the Middle East”,"
    )


def test_a_flattened_table_keeps_its_rows(corpus_dir):
    resolution = _corpus(corpus_dir, "en/ga/A_RES_76_239")
    assert _paragraph(resolution, "table_1_row_2").text == (
        "A Permanent members of the Security Council Not applicable Premium"
    )


def test_security_council_header(corpus_dir):
    resolution = _corpus(corpus_dir, "en/sc/S_RES_2286_2016")
    assert resolution.symbol == "S/RES/2286 (2016)"
    assert (resolution.body, resolution.number, resolution.year) == ("SC", 2286, 2016)
    assert resolution.meeting_number == 7685
    assert resolution.adopted_on == date(2016, 5, 3)
    assert resolution.opening_formula == "The Security Council,"


def test_every_citation_of_2286_is_found(corpus_dir):
    resolution = _corpus(corpus_dir, "en/sc/S_RES_2286_2016")
    cited = [c.target for p in resolution.paragraphs for c in p.citations]
    assert cited == [
        "S/RES/2175 (2014)",
        "S/RES/1502 (2003)",
        "S/RES/1265 (1999)",
        "S/RES/1296 (2000)",
        "S/RES/1674 (2006)",
        "S/RES/1738 (2006)",
        "S/RES/1894 (2009)",
        "S/RES/2222 (2015)",
        "S/RES/1539 (2004)",
        # "1612" and "(2005)" are on two lines in the source.
        "S/RES/1612 (2005)",
        "S/RES/1998 (2011)",
        "A/RES/70/104",
        "A/RES/70/106",
        "A/RES/69/132",
    ]


def test_annexes_and_parts_number_their_paragraphs_apart(corpus_dir):
    declaration = _corpus(corpus_dir, "en/ga/A_RES_76_7")
    eids = [p.eid for p in declaration.paragraphs]
    assert eids[:2] == ["text_1", "annex_heading_1"]
    assert eids[2:4] == ["annex_para_1", "annex_para_2"]
    assert "annex_para_29" in eids
    budget = _corpus(corpus_dir, "en/ga/A_RES_76_245")
    assert "annex_table_1_row_2" in [p.eid for p in budget.paragraphs]
    assert _paragraph(budget, "heading_1").text == (
        "Part I Overall policymaking, direction and coordination"
    )
