"""Page repair for the Official Records extracts: running heads, page breaks and hyphenation.

The printed volumes set two columns of hard-wrapped text under a running head (``II.
Resolutions adopted without reference to a Main Committee 49`` on right-hand pages, ``50
General Assembly—Forty-sixth Session`` on left-hand ones) and hyphenate words at line ends. OCR
keeps all of that, so a paragraph can be cut by a page head, a lone page number or a blank line
where a column ended. This module turns the lines into blocks of one paragraph each.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..shared.blocks import Block, split_blocks
from ..shared.text import join_fragments

# The running heads of the volumes, as OCR reads them ("Ii. Resotutions adopted without
# refereace to a Main Committee 51"), and a page number on a line of its own.
_RUNNING_HEADS = [
    re.compile(
        r"^(?:\d{1,4}\s+)?General\s+Assembly\s*[—–-]{1,2}\s*[A-Z][\w-]*\s+"
        r"(?:(?:Emergency\s+)?Special\s+)?Session(?:\s+\d{1,4})?$",
        re.I,
    ),
    re.compile(r"^[IVXLil1]{1,5}[.,]?\s+Res\w{5,9}\s+adopted\s+(?:without|on|by)\b.{0,80}$", re.I),
    re.compile(r"^\d{1,4}$"),
]
# Prefixes that keep their hyphen when a line break falls after them (self-determination,
# non-governmental, broad-based) even when the volume has no other instance of the word.
_KEEP_HYPHEN = frozenset(
    ["self", "non", "well", "broad", "long", "short", "high", "low", "full", "mid", "cross", "half"]
)
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# A paragraph number, even one OCR reads as letters ("ti." for "11."), is never a continuation.
_LABEL_RE = re.compile(r"^(?:[tTlIi1\d]{1,3}[.,]\s+[A-Z]|[({]\S{1,5}[)}]\s)")
# A footnote at a page foot: its number (OCR may read the 1 as "!") and the note itself.
NOTE_RE = re.compile(
    r"^(?P<marker>[\d!]{1,4})\s+(?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)(?P<text>[A-Z(“\"].*)$"
)
_TERMINAL = tuple(",;:.")
# The start of a paragraph inside a block: "2. Requests", "(b) To report".
_ANNEX_RE = re.compile(r"^ANNEX(?:\s+[IVXL]{1,5})?$", re.I)
_NEW_PARAGRAPH_RE = re.compile(r"^(?:\d{1,3}[.,]\s+[A-Z]|[({][a-z]{1,4}[)}]\s+[A-Z])")


def is_running_head(line: str) -> bool:
    """A running head or a page number of the printed volume."""
    return any(pattern.match(line.strip()) for pattern in _RUNNING_HEADS)


@dataclass
class Vocabulary:
    """The words of the whole extract: evidence for how a word broken at a line end is spelt."""

    words: set[str]
    compounds: set[str]

    @classmethod
    def of(cls, lines: list[str]) -> "Vocabulary":
        words: set[str] = set()
        compounds: set[str] = set()
        for line in lines:
            tokens = _WORD_RE.findall(line.rstrip())
            if tokens and line.rstrip().endswith("-"):
                tokens.pop()  # the first half of a broken word
            for token in tokens:
                parts = token.lower().split("-")
                words.update(parts)
                compounds.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))
        return cls(words, compounds)

    def join(self, first: str, second: str) -> str:
        """Two lines of one paragraph joined; a word broken at the line end is mended.

        ``humani-`` + ``tarian`` becomes ``humanitarian``, but ``Secretary-`` + ``General``
        and ``non-`` + ``governmental`` keep their hyphen: the rest of the volume decides when it
        spells the word either way, the prefix or a capital letter otherwise.
        """
        first, second = first.rstrip(), second.lstrip()
        head = re.search(r"([A-Za-z]+)-$", first)
        tail = re.match(r"[A-Za-z]+", second)
        if not head or not tail:
            return join_fragments(first, second)
        before, after = head.group(1).lower(), tail.group().lower()
        if second[0].isupper() and head.group(1)[0].isupper():
            keep = True  # Secretary-General, Non-Self-Governing
        elif before + after in self.words:
            keep = False
        elif f"{before}-{after}" in self.compounds:
            keep = True
        else:
            keep = before in _KEEP_HYPHEN
        if keep:
            return first + second
        if head.group(1).islower():
            # A capital inside a word is OCR ("en-" / "Shrined").
            second = second[0].lower() + second[1:]
        return first[:-1] + second

    def text(self, lines: list[str]) -> str:
        joined = lines[0].strip() if lines else ""
        for line in lines[1:]:
            joined = self.join(joined, line)
        return joined


@dataclass
class Page:
    """The extract as blocks of text in reading order, and the footnotes of the page feet."""

    blocks: list[Block]
    notes: list[Block]


def page_blocks(lines: list[str], starts_block: Callable[[str], bool]) -> Page:
    """Blocks of the extract with running heads and page numbers dropped, footnotes at the page
    feet set apart, and paragraphs that a page or column break cut in two put together again.

    A footnote is a block opening with its number and text (``134 A/46/634.``) in the run of
    such blocks just before a running head or the end of the extract: the foot of a page.
    A block continues the one before it when that one stops on a hyphen, or the new one starts in
    lower case, or in a figure (``14 December 1990``) after text without final punctuation:
    paragraphs in the volumes start with a capital, a number or a letter in brackets.
    """
    raw = [part for block in split_blocks(lines, starts_block) for part in _split_at_labels(block)]
    heads = [all(is_running_head(line) for line in block.lines) for block in raw]
    at_foot = True
    notes: list[Block] = []
    text: list[Block] = []
    for block, head in zip(reversed(raw), reversed(heads), strict=True):
        if head:
            at_foot = True
        elif at_foot and NOTE_RE.match(block.lines[0]):
            notes[:0] = _split_notes(block)
        else:
            at_foot = False
            text.insert(0, block)
    merged: list[Block] = []
    for block in text:
        previous = merged[-1] if merged else None
        if previous is not None and _continues(previous.lines[-1], block.lines[0], starts_block):
            previous.lines.extend(block.lines)
        else:
            merged.append(Block(block.line, list(block.lines)))
    return Page(merged, notes)


def _split_at_labels(block: Block) -> list[Block]:
    """A block cut where a numbered paragraph or a sub-item starts after a line that ends a
    sentence, and around an "ANNEX" line: scans do not always keep the blank lines."""
    parts = [Block(block.line, [block.lines[0]])]
    for offset, line in enumerate(block.lines[1:], start=1):
        previous = block.lines[offset - 1]
        if (
            _NEW_PARAGRAPH_RE.match(line)
            and previous.endswith(_TERMINAL)
            or _ANNEX_RE.match(line)
            or _ANNEX_RE.match(previous)
        ):
            parts.append(Block(block.line + offset, [line]))
        else:
            parts[-1].lines.append(line)
    return parts


def _continues(last: str, first: str, starts_block: Callable[[str], bool]) -> bool:
    if _LABEL_RE.match(first) or starts_block(first):
        return False
    if first[:1].islower() or last.endswith("-") and first[:1].isalpha():
        return True
    return first[:1].isdigit() and not last.endswith(_TERMINAL)


def _split_notes(block: Block) -> list[Block]:
    """One block per footnote: a page foot often sets several notes without blank lines."""
    notes: list[Block] = []
    for offset, line in enumerate(block.lines):
        if NOTE_RE.match(line) or not notes:
            notes.append(Block(block.line + offset, [line]))
        else:
            notes[-1].lines.append(line)
    return notes
