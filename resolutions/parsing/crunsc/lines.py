"""Line patterns of the Security Council corpus texts and the readers of their labels.

The OCR misreads labels in known ways ("S." for 5., "(5)" for (b), "c)" for (c)); the readers
here return what a line says it is, and the body parser decides with the neighbouring lines
whether a misreading is unambiguous.
"""

import re

from ..shared.blocks import Block
from .header import CLOSING_RE

OPENING_RE = re.compile(r"^The Security Council\s*[,.]?$")
OPERATIVE_RE = re.compile(r"^(?P<label>\d{1,3})\.\s+(?P<text>\S.*)$")
# "(a)", and the OCR's "b)" and "(c})".
SUBITEM_RE = re.compile(
    r"^(?:\((?P<label>[a-z]{1,5}|[1l]{1,3}|\d{1,2})[}\]]?\)|(?P<bare>[a-z])\))\s*(?P<text>\S.*)$"
)
# "5," "S." "l." "i9." "Z." "6.Calls" "2 Requests": an operative number misread, taken only where
# that number is the one expected next.
LOOSE_OPERATIVE_RE = re.compile(
    r"^(?P<label>[\dSlIiLZ|]{1,3})(?:\s*[.,]\s*|\s+)(?P<text>[A-Z\"“‘].*)$"
)
_OCR_DIGITS = str.maketrans("SlIiLZ|", "5111121")
PART_RE = re.compile(r"^(?:[A-H]|[IVX]{1,4})$")
ANNEX_RE = re.compile(r"^(?:Annex|ANNEX)(?:\s+(?P<name>[A-Z]|[IVX]{1,4}))?$")
SECTION_RE = re.compile(r"^([A-Z][a-z]+) Section:$")
FORM_RE = re.compile(r"^.*\bFORM$")
BARE_LABEL_RE = re.compile(r"^\((?P<label>[ivx]{1,5}|[a-z])\)$")
INLINE_FIRST_ITEM_RE = re.compile(r"^(?P<lead>[^()]*?:)\s*\(a\)\s+(?P<text>\S.*)$")
# After the closing, the heading of the volume's next document.
NEXT_DOCUMENT_RE = re.compile(r"^Decisions?$")
ARTICLE_RE = re.compile(r"^Article\s+(\d{1,2})\.?$")
_FURNITURE_RE = re.compile(
    r"^(?:Page \d+|\d{2}-\d{5} \([A-Z]\)|S/RES/\d+ \(\d{4}\)(?: Page \d+)?|/\.\.\.|\d{1,3})$"
)


def split_at_opening(blocks: list[Block]) -> list[Block]:
    """The opening formula and the closing lines as blocks of their own, even when no blank line
    sets them apart."""
    result = []
    for block in blocks:
        start = 0
        for offset, line in enumerate(block.lines):
            if offset and starts_closing(block.lines[offset:]):
                result.append(Block(block.line + start, block.lines[start:offset]))
                result.append(Block(block.line + offset, block.lines[offset:]))
                start = len(block.lines)
                break
            if OPENING_RE.match(line):
                for first, last in ((start, offset), (offset, offset + 1)):
                    if last > first:
                        result.append(Block(block.line + first, block.lines[first:last]))
                start = offset + 1
        if start < len(block.lines):
            result.append(Block(block.line + start, block.lines[start:]))
    return result


def starts_closing(lines: list[str]) -> bool:
    """Whether the lines start with the closing "Adopted … at the 2256th meeting"."""
    return bool(CLOSING_RE.match(lines[0])) and "meeting" in " ".join(lines[:2])


def is_furniture(block: Block) -> bool:
    block.lines = [line for line in block.lines if not _FURNITURE_RE.match(line)]
    return not block.lines


def restarting_parts(blocks: list[Block]) -> set[int]:
    """The part letters ("B", "II") after which operative numbering starts again at 1; in other
    resolutions the parts continue it (S/RES/687 (1991): A 1–4, B 5–6, C 7–…)."""
    restarting, part = set(), None
    for block in blocks:
        if PART_RE.match(block.raw) or ARTICLE_RE.match(block.raw):
            part = block.line
        elif part is not None and (number := loose_label(block.raw)) is not None:
            if number == 1:
                restarting.add(part)
            part = None
    return restarting


def item_label(match: re.Match) -> str:
    return match.group("label") or match.group("bare")


def loose_label(raw: str) -> int | None:
    """The operative number that ``raw`` opens with, reading OCR slips ("S." is 5)."""
    match = LOOSE_OPERATIVE_RE.match(raw)
    if match is None:
        return None
    digits = match.group("label").translate(_OCR_DIGITS)
    return int(digits) if digits.isdigit() else None


def subitem_label(label: str, following: list[Block]) -> str:
    """(1) and (l) are OCR for (i) unless a (2) follows; (11) for (ii), (111) for (iii)."""
    if re.fullmatch(r"[1l]{1,3}", label):
        for block in following:
            if block.lines[0].startswith("(2)"):
                return label
        return label.replace("1", "i").replace("l", "i")
    return label


def is_heading(raw: str) -> bool:
    """An upper-case topic line such as "ANNEX" (not a paragraph of the resolution)."""
    letters = [c for c in raw if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(raw) < 100
