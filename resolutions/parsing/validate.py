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
    """Operative paragraphs run 1, 2, 3… without gaps; the body, each annex and each part whose
    numbering restarts (``annex_para_1``, ``part_B_para_1``) are sequences of their own."""
    issues = []
    expected: dict[str, int] = {}  # eid prefix → the number the next paragraph should have
    for paragraph in resolution.paragraphs:
        if paragraph.kind != OPERATIVE:
            continue
        prefix = paragraph.eid[: paragraph.eid.rfind("para_")]
        number = int(paragraph.label)
        following = expected.get(prefix, 1)
        if number != following:
            missing = (
                f"paragraph {following} is missing" if number > following else "numbering goes back"
            )
            where = f" in {prefix.rstrip('_')}" if prefix else ""
            issues.append(
                Issue(
                    paragraph.line,
                    f"operative paragraph {number}{where} follows {following - 1}: {missing}",
                )
            )
        expected[prefix] = number + 1
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
    """Sub-items run (a), (b), (c)… under a paragraph and (i), (ii)… under a lettered item; a
    list that opens with (i) is roman, one that opens with (1) (early Council texts) is
    numbered 1, 2, 3…"""
    issues = []
    kinds = {paragraph.eid: paragraph.kind for paragraph in resolution.paragraphs}
    count: dict[str, int] = {}  # parent eid → sub-items seen under it
    styles: dict[str, str] = {}  # parent eid → "roman", "numbers" or "letters"
    for paragraph in resolution.paragraphs:
        if paragraph.kind != SUBPARAGRAPH:
            continue
        index = count.get(paragraph.parent_eid, 0)
        count[paragraph.parent_eid] = index + 1
        if index == 0:
            if kinds[paragraph.parent_eid] == SUBPARAGRAPH or paragraph.label == "i":
                styles[paragraph.parent_eid] = "roman"
            elif paragraph.label == "1":
                styles[paragraph.parent_eid] = "numbers"
            else:
                styles[paragraph.parent_eid] = "letters"
        style = styles[paragraph.parent_eid]
        if style == "roman" and index < len(_ROMAN):
            expected = _ROMAN[index]
        elif style == "numbers":
            expected = str(index + 1)
        else:
            expected = chr(ord("a") + index)
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
