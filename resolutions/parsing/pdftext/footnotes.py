"""Footnotes of UN PDF text: the block under a page's ``______`` rule, and the markers in the text.

pdftotext writes a footnote's marker on a line of its own, and not always before its text:
markers may come first and their texts after (``3`` / ``4`` / text of 3 / text of 4), or the
text of the page's first note may come first and its marker last (text of 1 / ``2`` / text of 2
… / ``1``). The block is read as runs of markers and runs of text: a run of markers owns the
text run after it, and a text run with no marker before it belongs to the markers left over at
the end. A text run owned by several markers is cut where a line ends a sentence.

In the text the markers are bare numbers (``treaties, 1 and``, ``1949 2 and``), easily taken
for numbers of the sentence (``17 abductions``, ``has reached 95,``). Only markers of notes
printed on the same page are looked for, in increasing order, and numbers that read as part of
the sentence are skipped. A found marker becomes a superscript, which ``parse_inline`` turns
into a footnote reference.
"""

import re
from dataclasses import dataclass

from ..shared.dates import ENGLISH_MONTHS
from ..shared.markers import DIGIT_TO_SUPERSCRIPT
from .furniture import Line

_MARKER_LINE_RE = re.compile(r"^\d{1,3}$")
_SENTENCE_END = (".", ")", ";", "”")
# Words after which a number is part of the sentence: "Article 47", "paragraphs 5 and 6".
_NUMBER_WORDS_RE = re.compile(
    r"^(?:articles?|paragraphs?|resolutions?|chapters?|sections?|annex(?:es)?|no\.|nos\.|p\.|"
    r"pp\.|pages?|and|to|of|at|on|or|meetings?|items?|rules?|parts?|by|than|for|some|about|"
    r"until|since|in|from|vol\.|goals?|targets?|levels?|principles?|decisions?|"
    r"\d{1,3},?)$",
    re.I,
)
# What follows a number of the sentence: "95 per cent", "17 persons".
_NUMBER_FOLLOWERS_RE = re.compile(
    r"^(?:\(\d{4}\)|per\b|%|hours|days|weeks|months|years|persons|people|States|countries|"
    r"members|times|levels)\b"
)


@dataclass
class Note:
    marker: str
    text: str
    line: int


def read_notes(lines: list[Line]) -> tuple[list[Note], list[Line], list[str]]:
    """The notes of one page's block, the lines that continue the previous page's last note,
    and markers left without text."""
    runs: list[tuple[str, list[Line]]] = []
    for line in lines:
        kind = "marker" if _MARKER_LINE_RE.match(line.text) else "text"
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(line)
        else:
            runs.append((kind, [line]))
    leading: list[Line] = []
    if runs and runs[0][0] == "text":
        leading = runs.pop(0)[1]
    trailing: list[Line] = []
    if runs and runs[-1][0] == "marker":
        trailing = runs.pop()[1]
    notes: list[Note] = []
    for index in range(0, len(runs) - 1, 2):
        notes += _pair(runs[index][1], runs[index + 1][1])
    continuation: list[Line] = []
    unmatched: list[str] = []
    if trailing and leading:
        notes = _pair(trailing, leading) + notes
    elif leading:
        continuation = leading
    elif trailing:
        unmatched = [line.text for line in trailing]
    return notes, continuation, unmatched


def _pair(markers: list[Line], texts: list[Line]) -> list[Note]:
    pieces = _cut(texts, len(markers))
    return [
        Note(marker.text, " ".join(line.text for line in piece), piece[0].number if piece else 0)
        for marker, piece in zip(markers, pieces, strict=True)
    ]


def _cut(lines: list[Line], count: int) -> list[list[Line]]:
    """``lines`` cut into ``count`` notes, where lines end sentences; short lines (the last of
    a note rarely fills the measure) first."""
    if count <= 1:
        return [lines]
    width = max(len(line.text) for line in lines)
    candidates = sorted(
        range(len(lines) - 1),
        key=lambda i: (
            not lines[i].text.endswith(_SENTENCE_END),
            not lines[i + 1].text[:1].isupper(),
            len(lines[i].text) >= width * 0.9,
            len(lines[i].text),
        ),
    )
    cuts = sorted(candidates[: count - 1])
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(lines[start : cut + 1])
        start = cut + 1
    pieces.append(lines[start:])
    while len(pieces) < count:
        pieces.append([])
    return pieces


def place_markers(lines: list[Line], markers: list[str]) -> list[str]:
    """Turn the bare markers of ``markers`` in the page's body lines into superscripts, in
    increasing order; the markers not found are returned."""
    if not lines:  # a page of footnotes and no body, as in a damaged file
        return sorted(markers, key=int)
    text = "\n".join(line.text for line in lines)
    cursor = 0
    missing = []
    for marker in sorted(markers, key=int):
        found = _find(text, marker, cursor) or _find(text, marker, 0)
        if found is None:
            missing.append(marker)
            continue
        start, end = found
        superscript = marker.translate(DIGIT_TO_SUPERSCRIPT)
        # A marker that opens a line goes to the end of the line before: lines stay lines.
        if text[start] == "\n":
            superscript += "\n"
        text = text[:start] + superscript + text[end:]
        cursor = start + len(superscript)
    for line, new in zip(lines, text.split("\n"), strict=True):
        line.text = new
    return missing


_REPEATED_RE = re.compile(r"(?<=[,;:])[ ]?(?P<marker>\d{1,3})$", re.M)


def place_repeated_markers(lines: list[Line], markers: set[str]) -> None:
    """Turn into superscripts the markers of notes printed on an earlier page that a paragraph
    refers to again ("… Criminal Court; 12"): only right after a comma or semicolon at a line
    end, where a number of the sentence does not stand."""
    for line in lines:
        match = _REPEATED_RE.search(line.text)
        if match and match.group("marker") in markers:
            superscript = match.group("marker").translate(DIGIT_TO_SUPERSCRIPT)
            line.text = line.text[: match.start()] + superscript


def _find(text: str, marker: str, start: int) -> tuple[int, int] | None:
    """The span of the marker with the space before it: "treaties, 1 and" → ", 1"."""
    pattern = re.compile(rf"(?:(?<=\S)[ \n]|(?<=[,;:”]))(?<![\d./-]){marker}(?=[\s,;:.]|$)")
    for match in pattern.finditer(text, start):
        before = text[: match.start()].split()
        after = text[match.end() :].lstrip()
        if before and _NUMBER_WORDS_RE.match(before[-1]):
            continue
        word = re.match(r"[A-Za-z]+", after)
        if word and word.group().lower() in ENGLISH_MONTHS:
            continue
        if _NUMBER_FOLLOWERS_RE.match(after):
            continue
        same_line = text[match.end() :].split("\n", 1)[0]
        # Markers follow punctuation; a number before a full stop is a label or a figure.
        if re.match(r"^\s*\d(?!\d*/\d)", same_line) or same_line.startswith("."):
            continue
        return match.start(), match.end()
    return None
