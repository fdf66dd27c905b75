"""Golden files of Security Council corpus texts, one or more from each decade, 1940s to 1990s.

Each golden file under tests/golden/ pins what the parser makes of one real file of the shared
corpus: the header's metadata, the vote, and per paragraph its eid, kind, label, parent,
footnote references and citations. Texts are pinned by length and digest, so no corpus text is
copied here. ``pytest --update-golden`` rewrites them; review the diff before committing.

Beside the golden comparison, every file is checked for lost text: each word of the source
(page furniture aside) is somewhere in the parse, and no furniture is in a paragraph.
"""

import re

import pytest

from resolutions.parsing import crunsc
from resolutions.parsing.document import ParsedResolution
from resolutions.parsing.validate import validate

from .golden import check_golden, text_digest
from .textcheck import furniture_in_text, missing_words

# (number, year): chosen for what each one exercises.
GOLDEN = [
    (47, 1948),  # Kashmir: a long text, "10. (a)" paragraphs that are only their sub-items
    (80, 1950),  # footnote markers after dates: "13 August 1948 5 and 5 January 1949 6"
    (242, 1967),  # the reference: (i), (ii) under paragraph 1 and (a)–(c) under paragraph 2
    (346, 1974),  # "3," for "3." and a paragraph whose number and first words the source lost
    (591, 1986),  # "8." printed between paragraphs 4 and 6, "7 Calls" without its full stop
    (687, 1991),  # parts A–I continuing the operative numbering, sub-items, many footnotes
    (902, 1994),  # a later UN document: cover, page number, job number and symbol as furniture
]

# Lines that are page furniture: page numbers, job numbers, repeated symbols, the cover.
_FURNITURE_LINE_RE = re.compile(
    r"^(?:Page \d+|\d{2}-\d{5} \([A-Z]\)|S/RES/\d+ \(\d{4}\)(?: Page \d+)?|/\.\.\.|\d{1,3}|"
    r"UNITED NATIONS|S|Security Council|Distr\.|GENERAL)$"
)
# Furniture that must never end up inside a paragraph or a footnote.
_FURNITURE_IN_TEXT_RE = re.compile(r"\b\d{2}-\d{5} \([A-Z]\)|\bPage \d+\b|S/RES/\d+ \(\d{4}\)")


def _path(corpus_dir, number: int, year: int):
    return corpus_dir / "en" / "sc-crunsc" / f"S_RES_{number:04d}_{year}.en.txt"


def _citations(spans) -> list[dict]:
    return [
        {"start": c.start, "end": c.end, "target": c.target, "kind": c.kind, "pinpoint": c.pinpoint}
        for c in spans
    ]


def _view(parsed: ParsedResolution) -> dict:
    """The parse as golden data; ``check_golden`` replaces the texts by their digests."""
    return {
        "symbol": parsed.symbol,
        "body": parsed.body,
        "number": parsed.number,
        "year": parsed.year,
        "title": parsed.title,
        "adopted_on": parsed.adopted_on.isoformat() if parsed.adopted_on else None,
        "meeting_number": parsed.meeting_number,
        "draft_symbols": parsed.draft_symbols,
        "opening_formula": parsed.opening_formula,
        "adoption_note": text_digest(parsed.adoption_note),
        "vote": parsed.vote,
        "paragraphs": [
            {
                "eid": p.eid,
                "kind": p.kind,
                "label": p.label,
                "parent": p.parent_eid,
                "text": p.text,
                "footnote_refs": [
                    {"marker": r.marker, "offset": r.offset} for r in p.footnote_refs
                ],
                "citations": _citations(p.citations),
            }
            for p in parsed.paragraphs
        ],
        "footnotes": [
            {"marker": n.marker, "text": n.text, "citations": _citations(n.citations)}
            for n in parsed.footnotes
        ],
    }


@pytest.mark.parametrize(("number", "year"), GOLDEN, ids=[f"{n}({y})" for n, y in GOLDEN])
def test_parse_matches_golden_file(corpus_dir, update_golden, number, year):
    parsed = crunsc.parse(_path(corpus_dir, number, year).read_text(encoding="utf-8"), "en")
    assert validate(parsed) == []
    check_golden(f"S_RES_{number:04d}_{year}.en", _view(parsed), update=update_golden)


@pytest.mark.parametrize(("number", "year"), GOLDEN, ids=[f"{n}({y})" for n, y in GOLDEN])
def test_no_text_is_lost_and_no_furniture_is_kept(corpus_dir, number, year):
    text = _path(corpus_dir, number, year).read_text(encoding="utf-8")
    parsed = crunsc.parse(text, "en")
    assert missing_words(text, parsed, _FURNITURE_LINE_RE) == []
    assert furniture_in_text(parsed, _FURNITURE_IN_TEXT_RE) == []


def test_res_242_golden_holds_its_sub_items(corpus_dir):
    """The golden file of 242 (1967) pins (i), (ii) under 1 and (a), (b), (c) under 2."""
    parsed = crunsc.parse(_path(corpus_dir, 242, 1967).read_text(encoding="utf-8"), "en")
    tree = [(p.eid, p.label, p.parent_eid) for p in parsed.paragraphs if p.parent_eid]
    assert tree == [
        ("para_1_i", "i", "para_1"),
        ("para_1_ii", "ii", "para_1"),
        ("para_2_a", "a", "para_2"),
        ("para_2_b", "b", "para_2"),
        ("para_2_c", "c", "para_2"),
    ]
    assert parsed.vote == {"unanimous": True}


def test_the_furniture_check_finds_furniture():
    """The check itself: a job number left inside a paragraph is reported."""
    parsed = crunsc.parse(
        "Resolution 1 (1946)\nof 25 January 1946\n\nThe Security Council,\n\n"
        "1. Decides to meet 94-12513 (E) again;\n\nAdopted unanimously at the 2nd meeting.\n",
        "en",
    )
    assert furniture_in_text(parsed, _FURNITURE_IN_TEXT_RE) == ["para_1"]
