"""The Official Records layout: an OCR'd page range of the General Assembly's printed volume.

The fixture in fixtures/ocr/ is a fictional text written in the style of the layout; the corpus
tests read the real extract holding A/RES/46/182 from the shared corpus.
"""

import re
from datetime import date
from pathlib import Path

import pytest

from resolutions.parsing import ocr
from resolutions.parsing.document import OPERATIVE, OTHER, PREAMBULAR, SUBPARAGRAPH
from resolutions.parsing.validate import validate
from tests.textcheck import furniture_in_text, missing_words

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ocr"
CORPUS_FILE = Path("en") / "ga-ocr" / "A_RES_46_182.en.txt"
# The running heads and page numbers of the volume, matched independently of the parser.
FURNITURE = re.compile(
    r"^(?:\d+|.*Resol?\w*ions adopted without refere\w*ce to a Main Committee \d+|"
    r"(?:\d+ )?General Assembly—Forty-\w+ Session)$"
)


def _tree(resolution) -> list[tuple[str, str, str | None, str | None]]:
    return [(p.eid, p.kind, p.label, p.parent_eid) for p in resolution.paragraphs]


def _by_eid(resolution) -> dict:
    return {p.eid: p for p in resolution.paragraphs}


def _source_between(text: str, first: str, stop: str | None, notes: tuple[str, ...] = ()) -> str:
    """The source from the heading ``first`` up to the heading ``stop``, without the page-foot
    footnote lines ``notes`` (checked on their own)."""
    lines = [line for line in text.splitlines() if line not in notes]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if line.startswith(stop)) if stop else len(lines)
    return "\n".join(lines[start:end])


# --- Own fixture -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_volume():
    text = (FIXTURES / "volume_47.txt").read_text(encoding="utf-8")
    return text, *ocr.parse_volume(text, "en")


def test_fixture_is_recognised_as_the_ocr_layout(fixture_volume):
    text, _, _ = fixture_volume
    assert ocr.looks_like_ocr_layout(text)


def test_fixture_returns_only_the_complete_resolutions(fixture_volume):
    _, resolutions, _ = fixture_volume
    assert [r.symbol for r in resolutions] == ["A/RES/47/301", "A/RES/47/302"]
    for resolution in resolutions:
        assert (resolution.body, resolution.session) == ("GA", 47)
        assert resolution.adopted_on == date(1992, 12, 21)
        assert resolution.meeting_number == 90
        assert resolution.opening_formula == "The General Assembly,"
        assert resolution.source_format == "ocr"
        assert resolution.language == "en"
    assert resolutions[1].number == 302
    assert resolutions[1].title == "Assistance to lighthouse keepers"


def test_fragments_before_and_after_are_reported_with_their_lines(fixture_volume):
    _, _, issues = fixture_volume
    messages = [str(issue) for issue in issues]
    assert "line 3: lines 3–6 before the first resolution heading" in messages[0]
    assert messages[0].endswith("fragment skipped")
    assert messages[1] == (
        "line 98: 47/303 (Maritime boundaries in the South Sea) runs past the end of the file: "
        "fragment skipped"
    )


def test_hyphenated_title_is_joined(fixture_volume):
    _, resolutions, _ = fixture_volume
    assert resolutions[0].title == (
        "Cooperation in the protection of lighthouses and coastal navigation aids"
    )


def test_line_end_hyphenation_is_mended_and_real_hyphens_kept(fixture_volume):
    _, resolutions, _ = fixture_volume
    paragraphs = _by_eid(resolutions[0])
    assert "depends on reliable" in paragraphs["preamble_3"].text
    assert "the well-being of coastal" in paragraphs["preamble_3"].text
    assert "the Secretary-General on the safety" in paragraphs["preamble_2"].text
    assert "the implementation of the present" in paragraphs["para_3"].text


def test_running_head_inside_a_paragraph_is_dropped_and_the_paragraph_joined(fixture_volume):
    _, resolutions, _ = fixture_volume
    assert _by_eid(resolutions[0])["para_1"].text == (
        "Welcomes the cooperation of Member States and of non-governmental organizations "
        "in the maintenance of navigation aids;"
    )
    annex_4 = _by_eid(resolutions[1])["annex_para_4"].text
    assert annex_4.endswith("at the cost of the employing authority.")
    for resolution in resolutions:
        inline_furniture = re.compile(r"Main Committee|Session|\b(?:77|78|79)\b")
        assert furniture_in_text(resolution, inline_furniture) == []


def test_preambular_operative_and_sub_items_with_ocr_slip_repaired(fixture_volume):
    _, resolutions, _ = fixture_volume
    assert _tree(resolutions[0]) == [
        ("preamble_1", PREAMBULAR, None, None),
        ("preamble_2", PREAMBULAR, None, None),
        ("preamble_3", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("para_2", OPERATIVE, "2", None),
        ("para_2_a", SUBPARAGRAPH, "a", "para_2"),
        ("para_2_b", SUBPARAGRAPH, "b", "para_2"),  # printed "(5)"
        ("para_2_b_i", SUBPARAGRAPH, "i", "para_2_b"),
        ("para_2_b_ii", SUBPARAGRAPH, "ii", "para_2_b"),  # printed "(11)"
        ("para_2_c", SUBPARAGRAPH, "c", "para_2"),
        ("para_3", OPERATIVE, "3", None),
    ]
    assert _by_eid(resolutions[0])["para_2_b"].text == (
        "To train keepers and technicians in the coastal States, in particular:"
    )
    assert validate(resolutions[0]) == []


def test_paragraph_number_read_with_a_comma_is_repaired(fixture_volume):
    _, resolutions, _ = fixture_volume
    paragraph = _by_eid(resolutions[1])["para_1"]
    assert (paragraph.label, paragraph.text) == (
        "1",
        "Adopts the guidelines contained in the annex to the present resolution;",
    )


def test_annex_after_the_closing_belongs_to_the_resolution(fixture_volume):
    _, resolutions, _ = fixture_volume
    annex = [p for p in _tree(resolutions[1]) if p[0].startswith("annex_")]
    assert annex == [
        ("annex_heading_1", OTHER, None, None),
        ("annex_heading_2", OTHER, None, None),
        ("annex_text_1", OTHER, None, None),
        ("annex_heading_3", OTHER, "I", None),
        ("annex_para_1", OPERATIVE, "1", None),
        ("annex_para_2", OPERATIVE, "2", None),
        ("annex_heading_4", OTHER, "II", None),  # printed "Ti,"
        ("annex_para_3", OPERATIVE, "3", None),
        ("annex_para_3_a", SUBPARAGRAPH, "a", "annex_para_3"),
        ("annex_para_3_b", SUBPARAGRAPH, "b", "annex_para_3"),
        ("annex_para_3_c", SUBPARAGRAPH, "c", "annex_para_3"),
        ("annex_heading_5", OTHER, None, None),
        ("annex_para_4", OPERATIVE, "4", None),
    ]
    paragraphs = _by_eid(resolutions[1])
    assert paragraphs["annex_heading_3"].text == "GENERAL PRINCIPLES"
    assert paragraphs["annex_heading_5"].text == "Refresher courses"
    assert validate(resolutions[1]) == []


def test_footnote_markers_are_numbered_through_the_volume(fixture_volume):
    _, resolutions, issues = fixture_volume
    first, second = resolutions
    preamble_2 = _by_eid(first)["preamble_2"]
    assert preamble_2.text.endswith("on the safety of coastal navigation,")
    assert [(r.marker, r.offset) for r in preamble_2.footnote_refs] == [
        ("12", len(preamble_2.text))
    ]
    # "'*" cannot be read: it is the marker after 12.
    assert [r.marker for r in _by_eid(first)["para_2_c"].footnote_refs] == ["13"]
    assert [r.marker for r in _by_eid(second)["preamble_1"].footnote_refs] == ["14"]
    assert [note.marker for note in first.footnotes] == ["12", "13"]


def test_footnote_at_a_page_foot_is_attached_and_missing_ones_reported(fixture_volume):
    _, resolutions, issues = fixture_volume
    note_12, note_13 = resolutions[0].footnotes
    assert (note_12.text, note_12.line) == ("A/47/501 and Corr.1.", 24)
    assert [c.target for c in note_12.citations] == ["A/47/501"]
    # The note stood between the halves of paragraph 1, which is whole again.
    assert "non-governmental organizations" in _by_eid(resolutions[0])["para_1"].text
    # Footnote 13 is called but its page foot is not in the extract: kept empty, reported.
    assert note_13.text == ""
    missing = [str(issue) for issue in issues if "footnote" in issue.message]
    assert missing == [
        "line 41: A/RES/47/301: the text of footnote 13 (at the foot of the printed page) "
        "is not in the extract",
        "line 54: A/RES/47/302: the text of footnote 14 (at the foot of the printed page) "
        "is not in the extract",
    ]


def test_citations_are_found_across_line_breaks(fixture_volume):
    _, resolutions, _ = fixture_volume
    citations = _by_eid(resolutions[0])["preamble_1"].citations
    assert [(c.text, c.target) for c in citations] == [
        ("2816 (XXVI)", "A/RES/2816(XXVI)"),
        ("45/100", "A/RES/45/100"),
    ]


def test_no_fixture_text_is_lost(fixture_volume):
    text, resolutions, _ = fixture_volume
    first, second = resolutions
    # Only the OCR of labels the parse repaired is not found: "(5)" is (b), "(11)" is (ii).
    assert missing_words(_source_between(text, "47/301.", "47/302."), first, FURNITURE) == [
        "5",
        "11",
    ]
    assert missing_words(_source_between(text, "47/302.", "47/303."), second, FURNITURE) == ["5"]


def test_a_volume_without_headings_gives_nothing():
    resolutions, issues = ocr.parse_volume("Some text.\n\nMore text.\n", "en")
    assert resolutions == []
    assert [str(issue) for issue in issues] == [
        "no resolution heading such as '46/182. Title' found"
    ]


# --- The shared corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_volume(corpus_dir):
    text = (corpus_dir / CORPUS_FILE).read_text(encoding="utf-8")
    resolutions, issues = ocr.parse_volume(text, "en")
    return text, {r.symbol: r for r in resolutions}, issues


def test_corpus_detection_matches_only_the_official_records_extract(corpus_dir):
    assert ocr.looks_like_ocr_layout((corpus_dir / CORPUS_FILE).read_text(encoding="utf-8"))
    others = [
        path
        for folder in ("zh", "en/ga", "en/sc", "en/sc-crunsc")
        for path in sorted((corpus_dir / folder).iterdir())
    ]
    assert len(others) > 900
    matched = [p.name for p in others if ocr.looks_like_ocr_layout(p.read_text(encoding="utf-8"))]
    assert matched == []


def test_corpus_returns_exactly_the_two_complete_resolutions(corpus_volume):
    _, resolutions, issues = corpus_volume
    assert list(resolutions) == ["A/RES/46/181", "A/RES/46/182"]
    for resolution in resolutions.values():
        assert resolution.adopted_on == date(1991, 12, 19)
        assert resolution.meeting_number == 78
        assert (resolution.body, resolution.session) == ("GA", 46)
        assert resolution.opening_formula == "The General Assembly,"
    assert resolutions["A/RES/46/182"].number == 182
    assert resolutions["A/RES/46/182"].title == (
        "Strengthening of the coordination of humanitarian emergency assistance of the "
        "United Nations"
    )
    assert resolutions["A/RES/46/181"].title == (
        "International Decade for the Eradication of Colonialism"
    )
    left_out = [str(issue) for issue in issues if "fragment skipped" in issue.message]
    assert left_out == [
        "line 3: lines 3–42 before the first resolution heading (the end of a preceding text): "
        "fragment skipped",
        "line 513: 46/219 (Operational activities of the United Nations system) runs past the "
        "end of the file: fragment skipped",
    ]


def test_corpus_46_182_body(corpus_volume):
    _, resolutions, _ = corpus_volume
    resolution = resolutions["A/RES/46/182"]
    body = [p for p in _tree(resolution) if not p[0].startswith("annex_")]
    assert body == [
        *[(f"preamble_{n}", PREAMBULAR, None, None) for n in range(1, 6)],
        ("para_1", OPERATIVE, "1", None),
        ("para_2", OPERATIVE, "2", None),
    ]
    preamble_1 = _by_eid(resolution)["preamble_1"]
    assert [c.target for c in preamble_1.citations] == [
        "A/RES/2816(XXVI)",
        "A/RES/45/100",
    ]
    assert [r.marker for r in _by_eid(resolution)["preamble_5"].footnote_refs] == ["137"]
    assert [note.marker for note in resolution.footnotes] == ["137"]


def test_corpus_46_182_annex(corpus_volume):
    _, resolutions, _ = corpus_volume
    resolution = resolutions["A/RES/46/182"]
    paragraphs = _by_eid(resolution)
    numbered = [p for p in resolution.paragraphs if p.eid.startswith("annex_para_")]
    operative = [p.label for p in numbered if p.kind == OPERATIVE]
    assert operative == [str(n) for n in range(1, 43)]
    sub_items = [p.label for p in numbered if p.kind == SUBPARAGRAPH]
    assert sub_items == list("abcdefghi")
    assert {p.parent_eid for p in numbered if p.kind == SUBPARAGRAPH} == {"annex_para_35"}
    sections = [(p.label, p.text) for p in resolution.paragraphs if p.eid.startswith("annex_h")]
    assert sections == [
        ("I", "GUIDING PRINCIPLES"),
        ("II", "PREVENTION"),
        ("III", "PREPAREDNESS"),
        (None, "Early warning"),
        ("IV", "STAND-BY CAPACITY"),
        ("a", "Contingency funding arrangements"),
        ("b", "Additional measures for rapid response"),
        ("V", "CONSOLIDATED APPEALS"),
        ("VI", "COORDINATION, COOPERATION AND LEADERSHIP"),
        ("a", "Leadership of the Secretary-General"),
        ("b", "JInier-Agency Standing Committee"),
        ("c", "Country-level coordination"),
        ("VII", "CONTINUUM FROM RELIEF TO REHABILITATION AND DEVELOPMENT"),
    ]
    # OCR slips repaired: "1," "7," "ti." for paragraph numbers, "(5)" "(@)" "(/)" "{g)" "(A)"
    # and a lost "(i)" for the letters.
    assert paragraphs["annex_para_11"].text.startswith("Contributions for humanitarian")
    assert paragraphs["annex_para_35_b"].text.startswith("Maintaining an overview")
    assert paragraphs["annex_para_35_i"].text.startswith("Preparing an annual report")
    assert paragraphs["annex_para_35_c"].text.endswith(
        "to be followed by periodic situation reports including information on all sources "
        "of external assistance;"
    )
    assert paragraphs["annex_para_41"].text.endswith(
        "afler the initial relief stage. The rehabilitation phase should be used as an "
        "opportunity to restructure and improve facilities and services destroyed by "
        "emergencies in order to enable them to withstand the impact of future emergencies."
    )
    assert [c.text for c in paragraphs["annex_para_12"].citations] == ["2816 (XXVI)", "45/100"]
    assert validate(resolution) == []


def test_corpus_46_182_hyphenation(corpus_volume):
    _, resolutions, _ = corpus_volume
    paragraphs = _by_eid(resolutions["A/RES/46/182"])
    assert "humanitarian assistance, including" in paragraphs["preamble_1"].text
    assert "non-governmental organizations working" in paragraphs["annex_para_5"].text
    assert "on an assured, broad-based and additional basis" in paragraphs["annex_para_24"].text
    assert "50 million United States dollars" in paragraphs["annex_para_24"].text
    assert "Secretary-General" in paragraphs["para_2"].text
    assert "the international community" in paragraphs["annex_para_8"].text


def test_corpus_46_182_no_text_lost_and_no_page_furniture(corpus_volume):
    text, resolutions, _ = corpus_volume
    resolution = resolutions["A/RES/46/182"]
    source = _source_between(text, "46/182.", "46/219.")
    # Only "VIL", the OCR of the section numeral VII (stored repaired as the label), is not found.
    assert missing_words(source, resolution, FURNITURE) == ["VIL"]
    inline_furniture = re.compile(r"Main Committee|Forty-sixth Session|\b(?:49|50|51|52)\b(?! mil)")
    assert furniture_in_text(resolution, inline_furniture) == []


def test_corpus_46_181_whole(corpus_volume):
    text, resolutions, _ = corpus_volume
    resolution = resolutions["A/RES/46/181"]
    assert _tree(resolution) == [
        *[(f"preamble_{n}", PREAMBULAR, None, None) for n in range(1, 7)],
        *[(f"para_{n}", OPERATIVE, str(n), None) for n in range(1, 6)],
    ]
    paragraphs = _by_eid(resolution)
    assert paragraphs["preamble_1"].text.startswith(
        "Guided by the fundamental and universal principles enshrined in the Charter"
    )
    assert "self-determination and independence" in paragraphs["para_1"].text
    assert "Colonial Countries and Peoples and other relevant" in paragraphs["para_1"].text
    refs = {p.eid: [r.marker for r in p.footnote_refs] for p in resolution.paragraphs}
    assert {eid: markers for eid, markers in refs.items() if markers} == {
        "preamble_4": ["134"],
        "preamble_5": ["135"],
        "para_4": ["136"],
    }
    assert paragraphs["preamble_4"].text.endswith("in pursuance of its resolution 43/47,")
    source = _source_between(text, "46/181.", "46/182.")
    # Only "35" of the marker ",!35" (read as footnote 135) is not found.
    assert missing_words(source, resolution, FURNITURE) == ["35"]
    assert validate(resolution) == []


def test_paragraphs_without_blank_lines_and_a_roman_list_under_a_paragraph():
    text = (
        "II. Resolutions adopted without reference to a Main Committee 12\n\n"
        "47/1. Procedures of the Committee\n"
        "The General Assembly,\n"
        "Noting the report,\n"
        "1. Decides:\n"
        "(i) To act;\n"
        "(ii) To report;\n"
        "2. Requests the Secretary-General to report.\n"
        "3rd plenary meeting, 2 October 1992\n"
        "ANNEX\n"
        "Text of the plan.\n\n"
        "47/2. Second text\n"
        "The General Assembly,\n"
        "1. Decides to act.\n"
        "4th plenary meeting\n"
        "3 October 1992\n"
    )
    resolutions, issues = ocr.parse_volume(text, "en")
    assert issues == []
    first, second = resolutions
    assert _tree(first) == [
        ("preamble_1", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("para_1_i", SUBPARAGRAPH, "i", "para_1"),
        ("para_1_ii", SUBPARAGRAPH, "ii", "para_1"),
        ("para_2", OPERATIVE, "2", None),
        ("annex_heading_1", OTHER, None, None),
        ("annex_text_1", OTHER, None, None),
    ]
    assert (first.adopted_on, first.meeting_number) == (date(1992, 10, 2), 3)
    assert (second.adopted_on, second.meeting_number) == (date(1992, 10, 3), 4)
    assert validate(first) == []


def test_a_heading_without_its_opening_formula_still_ends_the_annex_before_it(fixture_volume):
    text, _, _ = fixture_volume
    garbled = text.replace("South Sea\n\nThe General Assembly,", "South Sea\n\nTbe Gcncral,")
    resolutions, issues = ocr.parse_volume(garbled, "en")
    assert [r.symbol for r in resolutions] == ["A/RES/47/301", "A/RES/47/302"]
    assert resolutions[1].paragraphs[-1].eid == "annex_para_4"
    assert "line 98: 47/303 has no opening formula" in [str(i) for i in issues][1]
