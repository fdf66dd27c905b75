"""The Security Council corpus layout (OCR of the yearly volumes of Council resolutions).

The fixtures in fixtures/crunsc/ are fictional texts written in the style of the layout; the
corpus tests read the real files of the shared corpus.
"""

from datetime import date
from pathlib import Path

import pytest

from resolutions.parsing import crunsc
from resolutions.parsing.document import OPERATIVE, OTHER, PREAMBULAR, SUBPARAGRAPH, ParseError
from resolutions.parsing.validate import validate

# Files of the 902 that validate with no issue (ratchet: raise it when the parser improves).
CLEAN_FILES = 765
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "crunsc"


def _fixture(name: str):
    return crunsc.parse((FIXTURES / name).read_text(encoding="utf-8"), "en")


def _corpus(corpus_dir: Path, number: int, year: int):
    path = corpus_dir / "en" / "sc-crunsc" / f"S_RES_{number:04d}_{year}.en.txt"
    return crunsc.parse(path.read_text(encoding="utf-8"), "en")


def _tree(resolution) -> list[tuple[str, str, str | None, str | None]]:
    return [(p.eid, p.kind, p.label, p.parent_eid) for p in resolution.paragraphs]


# --- Own fixtures ------------------------------------------------------------------------------


def test_fixture_header_with_ocr_slips():
    resolution = _fixture("sample_1975.txt")
    assert resolution.symbol == "S/RES/370 (1975)"
    assert (resolution.body, resolution.number, resolution.year) == ("SC", 370, 1975)
    assert resolution.source_format == crunsc.FORMAT == "crunsc"
    assert resolution.adopted_on == date(1975, 4, 3)  # "ef 3 Apri] 1975"
    assert resolution.title == "Coastal Fisheries Question"
    assert resolution.draft_symbols == ["S/99999"]
    assert resolution.opening_formula == "The Security Council,"


def test_fixture_paragraphs_and_subitems():
    resolution = _fixture("sample_1975.txt")
    assert _tree(resolution) == [
        ("preamble_1", PREAMBULAR, None, None),
        ("preamble_2", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("para_2", OPERATIVE, "2", None),
        ("para_2_a", SUBPARAGRAPH, "a", "para_2"),
        ("para_2_b", SUBPARAGRAPH, "b", "para_2"),
        ("para_2_b_i", SUBPARAGRAPH, "i", "para_2_b"),
        ("para_2_b_ii", SUBPARAGRAPH, "ii", "para_2_b"),
        ("para_3", OPERATIVE, "3", None),
    ]
    para_1 = resolution.paragraphs[2]
    assert para_1.text == (
        "Calls upon the parties concerned to refrain from any action which might aggravate "
        "the situation;"
    )


def test_fixture_closing_and_footnote():
    resolution = _fixture("sample_1975.txt")
    assert resolution.meeting_number == 9999
    # No vote field in ParsedResolution: the closing sentence is kept as text.
    assert resolution.adoption_note == (
        "Adopted at the 9999th meeting by 13 votes to none, with 2 abstentions (Atlantis, Utopia)."
    )
    preamble = resolution.paragraphs[0]
    assert preamble.text.endswith("the northern coast,")
    assert [(ref.marker, ref.offset) for ref in preamble.footnote_refs] == [
        ("12", len(preamble.text))
    ]
    assert [(n.marker, n.text) for n in resolution.footnotes] == [
        ("12", "Ibid., document S/99998.")
    ]
    assert validate(resolution) == []


def test_fixture_parts_headings_and_vote_footnote():
    resolution = _fixture("sample_1948_parts.txt")
    assert resolution.symbol == "S/RES/40 (1948)"
    assert resolution.adopted_on == date(1948, 3, 14)
    assert _tree(resolution) == [
        ("heading_1", OTHER, None, None),
        ("preamble_1", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("heading_2", OTHER, None, None),
        ("part_B_para_1", OPERATIVE, "1", None),
    ]
    # The note on the vote goes with the closing sentence, not with the footnotes.
    assert resolution.adoption_note == "Adopted at the 999th meeting. [5: Adopted without vote.]"
    assert [n.marker for n in resolution.footnotes] == ["4"]
    assert resolution.paragraphs[1].footnote_refs[0].marker == "4"


def test_detection_and_refusal():
    assert crunsc.looks_like_crunsc_layout((FIXTURES / "sample_1975.txt").read_text())
    other = (FIXTURES / "not_a_resolution.txt").read_text()
    assert not crunsc.looks_like_crunsc_layout(other)
    with pytest.raises(ParseError, match="no resolution header"):
        crunsc.parse(other, "en")


def test_date_and_meeting_readers():
    assert crunsc.parse_date("of 15 Auqust 1993") == date(1993, 8, 15)
    assert crunsc.parse_date("of 22 October £1966") == date(1966, 10, 22)
    assert crunsc.parse_date("the matter") is None
    assert crunsc.parse_meeting("at its 3106lst meeting,") == 3106
    assert crunsc.parse_meeting("Adopted unanimously at the 1382nd meeting.") == 1382


# --- Real corpus -------------------------------------------------------------------------------


def test_res_242(corpus_dir):
    resolution = _corpus(corpus_dir, 242, 1967)
    assert resolution.symbol == "S/RES/242 (1967)"
    assert resolution.adopted_on == date(1967, 11, 22)
    assert resolution.meeting_number == 1382
    assert resolution.adoption_note == "Adopted unanimously at the 1382nd meeting."
    operative = [p.label for p in resolution.paragraphs if p.kind == OPERATIVE]
    assert operative == ["1", "2", "3", "4"]
    children = {
        eid: [p.label for p in resolution.paragraphs if p.parent_eid == eid]
        for eid in ("para_1", "para_2")
    }
    assert children == {"para_1": ["i", "ii"], "para_2": ["a", "b", "c"]}  # OCR "(1)" is (i)
    assert len([p for p in resolution.paragraphs if p.kind == PREAMBULAR]) == 3


def test_res_660(corpus_dir):
    resolution = _corpus(corpus_dir, 660, 1990)
    assert resolution.adopted_on == date(1990, 8, 2)
    assert resolution.meeting_number == 2932
    assert [p.label for p in resolution.paragraphs if p.kind == OPERATIVE] == ["1", "2", "3", "4"]
    assert resolution.adoption_note.endswith("One member (Yemen) did not participate in the vote.")
    assert validate(resolution) == []


def test_res_1_of_1946(corpus_dir):
    resolution = _corpus(corpus_dir, 1, 1946)
    assert resolution.symbol == "S/RES/1 (1946)"
    assert resolution.adopted_on == date(1946, 1, 25)
    assert resolution.meeting_number == 2
    assert resolution.title == "Military Staff Committee"
    assert [p.label for p in resolution.paragraphs if p.kind == OPERATIVE] == ["1", "2", "3"]
    assert resolution.footnotes == []
    assert "Adopted without vote." in resolution.adoption_note
    assert validate(resolution) == []


def test_res_290_of_1970(corpus_dir):
    resolution = _corpus(corpus_dir, 290, 1970)  # printed without its year
    assert resolution.symbol == "S/RES/290 (1970)"
    assert resolution.meeting_number == 1563
    assert "with 4 abstentions" in resolution.adoption_note
    assert len([p for p in resolution.paragraphs if p.kind == OPERATIVE]) == 12
    assert resolution.paragraphs[0].footnote_refs[0].marker == "45"
    assert validate(resolution) == []


def test_whole_corpus(corpus_dir):
    """Every file parses; the share that validates cleanly is recorded here."""
    paths = sorted((corpus_dir / "en" / "sc-crunsc").glob("*.txt"))
    assert len(paths) == 902
    failures, clean = [], 0
    for path in paths:
        try:
            resolution = crunsc.parse(path.read_text(encoding="utf-8"), "en")
        except ParseError as error:
            failures.append((path.name, str(error)))
            continue
        if not validate(resolution):
            clean += 1
    assert failures == []
    assert clean >= CLEAN_FILES
