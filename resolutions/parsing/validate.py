"""Consistency checks on a parsed resolution: numbering, footnotes, eids.

A strict import fails on any issue found here; ``--lenient`` stores the file with them recorded.
"""

from .document import OPERATIVE, SUBPARAGRAPH, Issue, ParsedResolution


def validate(resolution: ParsedResolution) -> list[Issue]:
    """Every problem of the resolution: those the parser noted and those found here."""
    return [
        *resolution.issues,
        *_operative_numbering(resolution),
        *_subitem_lettering(resolution),
        *_footnote_references(resolution),
    ]


def _operative_numbering(resolution: ParsedResolution) -> list[Issue]:
    issues = []
    expected = 1
    for paragraph in resolution.paragraphs:
        if paragraph.kind != OPERATIVE:
            continue
        number = int(paragraph.label)
        if number != expected:
            missing = (
                f"paragraph {expected} is missing" if number > expected else "numbering goes back"
            )
            issues.append(
                Issue(
                    paragraph.line,
                    f"operative paragraph {number} follows {expected - 1}: {missing}",
                )
            )
        expected = number + 1
    return issues


_ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
]


def _subitem_lettering(resolution: ParsedResolution) -> list[Issue]:
    """Sub-items run (a), (b), (c)… under a paragraph and (i), (ii)… under a lettered item."""
    issues = []
    kinds = {paragraph.eid: paragraph.kind for paragraph in resolution.paragraphs}
    count: dict[str, int] = {}  # parent eid → sub-items seen under it
    roman_lists: dict[str, bool] = {}
    for paragraph in resolution.paragraphs:
        if paragraph.kind != SUBPARAGRAPH:
            continue
        index = count.get(paragraph.parent_eid, 0)
        count[paragraph.parent_eid] = index + 1
        # Under a lettered item the list is roman; a list that opens with (i) is roman too.
        if index == 0:
            roman_lists[paragraph.parent_eid] = (
                kinds[paragraph.parent_eid] == SUBPARAGRAPH or paragraph.label == "i"
            )
        roman = roman_lists[paragraph.parent_eid]
        expected = _ROMAN[index] if roman and index < len(_ROMAN) else chr(ord("a") + index)
        if paragraph.label != expected:
            issues.append(
                Issue(
                    paragraph.line, f"sub-item ({paragraph.label}) where ({expected}) was expected"
                )
            )
    return issues


def _footnote_references(resolution: ParsedResolution) -> list[Issue]:
    issues = []
    defined = {note.marker: note for note in resolution.footnotes}
    referenced: set[str] = set()
    for paragraph in resolution.paragraphs:
        for ref in paragraph.footnote_refs:
            referenced.add(ref.marker)
            if ref.marker not in defined:
                issues.append(
                    Issue(
                        paragraph.line,
                        f"footnote {ref.marker} is referenced in {paragraph.eid} but never defined",
                    )
                )
    for marker, note in defined.items():
        if marker not in referenced:
            issues.append(Issue(note.line, f"footnote {marker} is defined but never referenced"))
    return issues
