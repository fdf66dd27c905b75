"""The Security Council corpus layout: OCR text of the yearly volumes of Council resolutions.

What it looks like (S/RES/242 (1967) is the reference)::

    MILITARY STAFF COMMITTEE                 ← optional topic heading (kept as the title)
    Resolution 242 (1967)                    ← number and year; also "RESOLUTION 770 (1992)",
    of 22 November 1967                        "1 (1946). Resolution of 25 January 1946" or
    [S/3128]                                   "Adopted by the Security Council at its 3106th
                                               meeting, / on 13 August 1992"; [S/…] names drafts
    The Security Council,                    ← opening formula (missing in some early texts)
    preambular paragraphs, "1. Affirms …" operative paragraphs, "(a)" and "(i)" sub-items,
    all hard-wrapped and separated by blank lines; "A", "B" part letters and upper-case
    topic lines between them
    Adopted unanimously at the               ← closing: meeting number and vote, wrapped
    1382nd meeting.
    45 Ibid., document S/10009.              ← footnotes ("45" or "1/"), after the closing

Decisions:

* The closing sentence (meeting and vote) is kept verbatim in ``adoption_note``: the dataclasses
  have no field for a structured vote. Footnotes whose marker stands in the closing sentence or
  in the header (``by 14 votes to none 27`` / ``27 One member (China) did not participate …``)
  are about the vote, not the text: they are appended to ``adoption_note`` as ``[27: …]``
  instead of being stored as footnotes.
* Part letters ("A", "B", "I") and upper-case topic lines are paragraphs of kind OTHER with eids
  ``heading_N``; paragraphs after a part letter get eids prefixed ``part_B_`` from the second
  part on, so that numbering restarting in each part does not collide.
* Unnumbered paragraphs after the first operative paragraph continue it when the previous one
  stopped mid-sentence or they start in lower case; otherwise they are kind OTHER, ``text_N``.
* Footnote markers are either ``1/`` or, in most of the corpus, a bare number after a word
  (``the report 45 of``). Bare numbers are taken as markers only for footnotes that are
  defined, searched in order through the text, skipping numbers that read as articles,
  paragraphs, dates, years or resolution numbers. Markers become superscripts, so
  ``parse_inline`` turns them into references as in the other layouts.
* OCR slips are repaired where they are unambiguous: ``ef``/``Of`` for ``of``, ``Apri]``,
  ``£1966``, ``(197-4)``, ``(1)`` for ``(i)`` (unless a ``(2)`` follows), ``1lst`` meetings.
* Text before the header (the end of the previous document in the volume) and page furniture of
  later UN documents (``Page 2``, ``94-12513 (E)``, repeated ``S/RES/902 (1994)``) is dropped;
  dropped prose before the header is reported in ``issues``.
"""

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from ..symbols import parse_symbol
from .blocks import ROMAN_RE, Block, split_blocks
from .document import (
    OPERATIVE,
    OTHER,
    PREAMBULAR,
    SUBPARAGRAPH,
    Issue,
    ParsedFootnote,
    ParsedParagraph,
    ParsedResolution,
    ParseError,
)
from .header import ENGLISH_MONTHS
from .text import SUPERSCRIPT_DIGITS, ends_paragraph, join_fragments, parse_inline

FORMAT = "crunsc"

_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

# Resolution 242 (1967) [of 22 November 1967] / RESOLUTION 770 (1992) / Resolution 290
_HEADER_RE = re.compile(
    r"^Resolution\s+(?P<number>\d{1,4})(?:\s*\((?P<year>[\d\s-]{4,6})\))?(?P<rest>.*)$", re.I
)
# 1 (1946) Resolution of 25 January 1946 / 100 (1953). Resolution of 27 October 1953
_EARLY_HEADER_RE = re.compile(
    r"^(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)\.?\s+Resolution\b(?P<rest>.*)$", re.I
)
_DATE_RE = re.compile(
    r"(?P<day>\d{1,2})[a-z]{0,2}\s+(?P<month>[A-Za-z\]]{3,10})\.?\s+\D?(?P<year>\d{4})"
)
_MEETING_RE = re.compile(r"(?P<number>\d{1,4})\s*[a-zA-Z_]{1,4}\s+meeting", re.I)
_OPENING_RE = re.compile(r"^The Security Council\s*[,.]?$")
_CLOSING_RE = re.compile(r"^(?:Adopted|Approved)\b(?!\s+by the Security Council)")
_OPERATIVE_RE = re.compile(r"^(?P<label>\d{1,3})\.\s+(?P<text>\S.*)$")
_SUBITEM_RE = re.compile(r"^\((?P<label>[a-z]{1,5}|[1l]{1,3}|\d{1,2})\)\s*(?P<text>\S.*)$")
_FOOTNOTE_RE = re.compile(r"^(?P<marker>\d{1,3})(?P<slash>/)?\s+(?P<text>\S.*)$")
_SLASH_MARKER_RE = re.compile(r"\s*(?<![\w/.])(?P<marker>\d{1,3})/(?=[\s,.;:)]|$)")
_PART_RE = re.compile(r"^(?:[A-H]|[IVX]{1,4})$")
_FURNITURE_RE = re.compile(
    r"^(?:Page \d+|\d{2}-\d{5} \([A-Z]\)|S/RES/\d+ \(\d{4}\)(?: Page \d+)?|/\.\.\.|\d{1,3})$"
)
# Words after which a bare number is part of the text, not a footnote marker.
_NUMBER_WORDS = re.compile(
    r"^(?:Article|Articles|paragraph|paragraphs|resolution|resolutions|chapter|section|annex|"
    r"No\.|Nos\.|p\.|pp\.|page|pages|and|to|of|at|on|or|meeting|meetings|item|items|rule|"
    r"rules|Add\.|Rev\.|Corr\.|part|Part|by|than|for|some|about|until|since|in|from|"
    r"nos\.|\d{1,3},?)$",
    re.I,
)


def _header_match(line: str) -> re.Match | None:
    return _HEADER_RE.match(line) or _EARLY_HEADER_RE.match(line)


def looks_like_crunsc_layout(text: str) -> bool:
    """A "Resolution 242 (1967)" or "1 (1946). Resolution of …" line near the top, followed by
    the Council's opening formula or an "Adopted …" closing line, and no Distr. page header
    of the later UN documents."""
    lines = [line.strip() for line in text.splitlines()]
    head = [line for line in lines[:60] if line]
    if any(line.startswith("Distr.") for line in head[:12]):
        return False
    if not any(_header_match(line) for line in head):
        return False
    return any("Security Council" in line or _CLOSING_RE.match(line) for line in lines)


def parse_date(text: str) -> date | None:
    """The first date in ``text``, forgiving OCR slips in the month (Apri], Auqust)."""
    for match in _DATE_RE.finditer(text):
        month = match.group("month").lower().replace("]", "l")
        close = difflib.get_close_matches(month, ENGLISH_MONTHS, n=1, cutoff=0.75)
        if close:
            try:
                return date(
                    int(match.group("year")),
                    ENGLISH_MONTHS.index(close[0]) + 1,
                    int(match.group("day")),
                )
            except ValueError:
                continue
    return None


def parse_meeting(text: str) -> int | None:
    """1382 from "at the 1382nd meeting"; OCR slips such as "3106lst" or "3rd_" are allowed."""
    match = _MEETING_RE.search(text)
    if not match:
        return None
    return int(match.group("number"))


def parse(text: str, language: str) -> ParsedResolution:
    """Parse one file in this layout; raises ParseError when it is not a resolution."""
    lines = text.splitlines()
    blocks = _split_at_opening([b for b in split_blocks(lines) if not _is_furniture(b)])
    if not blocks:
        raise ParseError("the file is empty")
    start = _find_header(blocks)
    resolution, body_start = _parse_header(blocks, start, language)
    # A footnote marker after the header's date: "of 30 May 1992 54".
    header_text = " ".join(line for block in blocks[start[0] : body_start] for line in block.lines)
    markers = re.findall(r"\b\d{4}\s+(\d{1,3})\b", header_text)
    _BodyParser(resolution, markers).parse(blocks[body_start:], last_line=len(lines))
    return resolution


def _split_at_opening(blocks: list[Block]) -> list[Block]:
    """The opening formula and the closing lines as blocks of their own, even when no blank line
    sets them apart."""
    result = []
    for block in blocks:
        start = 0
        for offset, line in enumerate(block.lines):
            if offset and _starts_closing(block.lines[offset:]):
                result.append(Block(block.line + start, block.lines[start:offset]))
                result.append(Block(block.line + offset, block.lines[offset:]))
                start = len(block.lines)
                break
            if _OPENING_RE.match(line):
                for first, last in ((start, offset), (offset, offset + 1)):
                    if last > first:
                        result.append(Block(block.line + first, block.lines[first:last]))
                start = offset + 1
        if start < len(block.lines):
            result.append(Block(block.line + start, block.lines[start:]))
    return result


def _starts_closing(lines: list[str]) -> bool:
    """Whether the lines start with the closing "Adopted … at the 2256th meeting"."""
    return bool(_CLOSING_RE.match(lines[0])) and "meeting" in " ".join(lines[:2])


def _is_furniture(block: Block) -> bool:
    block.lines = [line for line in block.lines if not _FURNITURE_RE.match(line)]
    return not block.lines


def _find_header(blocks: list[Block]) -> tuple[int, int]:
    """(block index, line index) of the "Resolution 242 (1967)" line."""
    for index, block in enumerate(blocks):
        for offset, line in enumerate(block.lines):
            if _header_match(line):
                return index, offset
    raise ParseError("no resolution header (such as 'Resolution 242 (1967)') found")


def _parse_header(
    blocks: list[Block], start: tuple[int, int], language: str
) -> tuple[ParsedResolution, int]:
    index, offset = start
    before = [line for block in blocks[:index] for line in block.lines]
    before += blocks[index].lines[:offset]
    header_line = blocks[index].line + offset
    match = _header_match(blocks[index].lines[offset])
    # The header runs to the opening formula or the first paragraph.
    header_lines = blocks[index].lines[offset:]
    body_start = index + 1
    while body_start < len(blocks) and _is_header_block(blocks[body_start]):
        header_lines += blocks[body_start].lines
        body_start += 1
    header_text = " ".join([match.group("rest"), *header_lines[1:]])
    adopted = parse_date(header_text)
    year_digits = re.sub(r"\D", "", match.group("year") or "")
    year = int(year_digits) if len(year_digits) == 4 else (adopted.year if adopted else None)
    symbol = parse_symbol(f"S/RES/{match.group('number')} ({year})") if year else None
    if symbol is None:
        raise ParseError(
            f"not a valid Security Council resolution number: {blocks[index].lines[offset]!r}",
            header_line,
        )
    title = before[-1] if before and before[-1].isupper() else ""
    resolution = ParsedResolution(
        symbol=symbol.canonical,
        body=symbol.body,
        language=language,
        # The volumes print no title of their own; the topic heading, else the resolution's name.
        title=title.title() if title else f"Resolution {symbol.short}",
        source_format=FORMAT,
        number=int(symbol.number),
        year=symbol.year,
        adopted_on=adopted,
        meeting_number=parse_meeting(header_text),
    )
    resolution.draft_symbols = _draft_symbols(header_lines)
    prose = [line for line in before if line != title]
    if prose:
        resolution.issues.append(
            Issue(1, f"{len(prose)} lines of text before the resolution header were skipped")
        )
    if adopted is None:
        resolution.issues.append(Issue(header_line, "no adoption date in the header"))
    return resolution, body_start


def _is_header_block(block: Block) -> bool:
    first = block.lines[0]
    return bool(
        re.match(r"^(?:[oe]f|On)\s+\d", first, re.I)
        or re.match(r"^\d{1,2} [A-Z][a-z]+ \d{4}$", first)
        or re.match(r"^Adopted by the Security", first)
        or re.match(r"^[\[(]\s*\d?S?/", first)
        or re.match(r"^\d+(?:st|nd|rd|th) meeting", first)
    )


def _draft_symbols(lines: list[str]) -> list[str]:
    drafts = []
    for line in lines:
        if re.match(r"^[\[(]", line):
            for candidate in re.findall(r"S/\d+(?:/[A-Za-z.\d]+)*", line):
                symbol = parse_symbol(candidate)
                if symbol is not None:
                    drafts.append(symbol.canonical)
    return drafts


@dataclass
class _BodyParser:
    """Walks the blocks after the header, building paragraphs and footnotes in order."""

    resolution: ParsedResolution
    header_markers: list[str] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    part: str = ""
    parts_seen: int = 0
    in_operative_part: bool = False
    lettered: ParsedParagraph | None = None
    roman_run: bool = False
    last: ParsedParagraph | None = None
    closing: list[str] = field(default_factory=list)
    footnote_raw: dict[str, str] = field(default_factory=dict)

    def parse(self, blocks: list[Block], last_line: int) -> None:
        resolution = self.resolution
        footnotes_from = self._footnote_section(blocks)
        for position, block in enumerate(blocks):
            if position >= footnotes_from:
                self._footnotes(block)
            elif self.closing:
                self._after_closing(block)
            else:
                self._take(block, blocks[position + 1 : position + 3])
        if not resolution.paragraphs:
            raise ParseError("the file has no paragraphs after the header", last_line)
        if not self.closing and resolution.meeting_number is None:
            # From 1992 the header says "Adopted by the Security Council at its 3106th meeting".
            resolution.issues.append(Issue(0, "no closing 'Adopted … meeting' line"))
        else:
            note = " ".join(self.closing)
            resolution.adoption_note = re.sub(r"\s+", " ", note).strip()
            resolution.meeting_number = parse_meeting(note) or resolution.meeting_number
        self._place_markers()
        for paragraph in resolution.paragraphs:
            inline = parse_inline(self.raw[paragraph.eid])
            paragraph.text = inline.text
            paragraph.footnote_refs = inline.footnote_refs
            paragraph.citations = inline.citations

    def _footnote_section(self, blocks: list[Block]) -> int:
        """Index of the first block of the trailing footnotes (after the closing, if any)."""
        closing = next((i for i, b in enumerate(blocks) if _CLOSING_RE.match(b.lines[0])), None)
        start = len(blocks)
        while start > 0 and _FOOTNOTE_RE.match(blocks[start - 1].lines[0]):
            start -= 1
        if closing is not None:
            # After the closing, everything that starts like a note is one.
            first = next(
                (
                    i
                    for i in range(closing + 1, len(blocks))
                    if _FOOTNOTE_RE.match(blocks[i].lines[0])
                ),
                len(blocks),
            )
            start = min(max(start, closing + 1), first)
        return start

    def _after_closing(self, block: Block) -> None:
        # The vote is often wrapped over blocks: "(China, Zimbabwe)".
        self.closing.extend(block.lines)

    def _footnotes(self, block: Block) -> None:
        marker = None
        for offset, line in enumerate(block.lines):
            if match := _FOOTNOTE_RE.match(line):
                marker = match.group("marker")
                if marker in self.footnote_raw:
                    self.resolution.issues.append(
                        Issue(block.line + offset, f"footnote {marker} is defined twice")
                    )
                    marker = None
                    continue
                self.footnote_raw[marker] = match.group("text")
                self.resolution.footnotes.append(ParsedFootnote(marker, "", block.line + offset))
            elif marker is not None or (self.resolution.footnotes and offset == 0):
                last = self.resolution.footnotes[-1].marker
                self.footnote_raw[last] = join_fragments(self.footnote_raw[last], line)

    def _take(self, block: Block, following: list[Block]) -> None:
        raw = block.raw
        first = block.lines[0]
        if _CLOSING_RE.match(first):
            self.closing = list(block.lines)
        elif _OPENING_RE.match(raw):
            if not self.resolution.opening_formula:
                self.resolution.opening_formula = raw.rstrip(",.") + ","
        elif match := _SLASH_MARKER_FOOTNOTE(raw):
            self._footnotes(block)
        elif _PART_RE.match(raw) or _is_heading(raw):
            if _PART_RE.match(raw):
                self.parts_seen += 1
                self.part = f"part_{raw}_" if self.parts_seen > 1 else ""
                self.in_operative_part, self.lettered = False, None
            self._add("heading", OTHER, None, None, raw, block.line, prefix=False)
        elif match := _OPERATIVE_RE.match(raw):
            label = match.group("label")
            self._add(f"para_{int(label)}", OPERATIVE, label, None, match.group("text"), block.line)
            self.in_operative_part, self.lettered, self.roman_run = True, None, False
        elif (match := _SUBITEM_RE.match(raw)) and self.last is not None:
            self._subitem(_subitem_label(match.group("label"), following), match, block.line)
        elif self.last is not None and self._continues_last(raw):
            self.raw[self.last.eid] = join_fragments(self.raw[self.last.eid], raw)
        elif self.in_operative_part:
            self._add("text", OTHER, None, None, raw, block.line)
        else:
            self.lettered = None
            self._add("preamble", PREAMBULAR, None, None, raw, block.line)

    def _continues_last(self, raw: str) -> bool:
        if self.last.kind == OTHER and self.last.eid.startswith(("heading", self.part + "heading")):
            return False
        # A footnote marker may follow the final comma: "the report of 5 July, 12".
        previous = re.sub(r"\s+\d{1,3}/?$", "", self.raw[self.last.eid])
        return not ends_paragraph(previous) or raw[:1].islower()

    def _subitem(self, label: str, match: re.Match, line: int) -> None:
        """(a) belongs to the paragraph above; (ii) to the lettered item above it, or to the
        paragraph when its sub-items are numbered (i), (ii) directly."""
        lettered = self.lettered
        next_letter = (
            lettered is not None
            and len(lettered.label) == 1
            and label == chr(ord(lettered.label) + 1)
        )
        if label == "6" and lettered is not None and lettered.label == "a":
            label = "b"  # OCR reads (b) as (6)
        top = next(p for p in reversed(self.resolution.paragraphs) if p.parent_eid is None)
        if lettered is None and label == "i":
            self.roman_run = True
        roman = ROMAN_RE.match(label) is not None
        if lettered is not None and not next_letter and roman and not self.roman_run:
            parent = lettered
        else:
            parent = top
        eid = f"{parent.eid}_{label}"
        if eid in self.raw:
            # A repeated label: OCR or a list restarting; keep the text with the previous item.
            self.raw[self.last.eid] = join_fragments(self.raw[self.last.eid], match.group(0))
            self.resolution.issues.append(Issue(line, f"sub-item ({label}) repeated in {eid}"))
            return
        paragraph = ParsedParagraph(eid, SUBPARAGRAPH, label, parent.eid, "", line)
        self._store(paragraph, match.group("text"))
        if parent is top:
            self.lettered = paragraph

    def _add(
        self,
        kind_name: str,
        kind: str,
        label: str | None,
        parent: str | None,
        raw: str,
        line: int,
        prefix: bool = True,
    ) -> None:
        part = self.part if prefix else ""
        if kind_name in ("preamble", "heading", "text"):
            key = part + kind_name
            self.counts[key] = self.counts.get(key, 0) + 1
            eid = f"{key}_{self.counts[key]}"
        else:
            eid = part + kind_name
        if eid in self.raw:
            self.resolution.issues.append(Issue(line, f"paragraph {eid} appears twice"))
            self.raw[self.last.eid] = join_fragments(self.raw[self.last.eid], raw)
            return
        self._store(ParsedParagraph(eid, kind, label, parent, "", line), raw)

    def _store(self, paragraph: ParsedParagraph, raw: str) -> None:
        self.resolution.paragraphs.append(paragraph)
        self.raw[paragraph.eid] = raw
        self.last = paragraph

    def _place_markers(self) -> None:
        """Turn footnote markers into superscripts; fold notes on the vote into the note."""
        resolution = self.resolution
        for paragraph in resolution.paragraphs:
            self.raw[paragraph.eid] = _SLASH_MARKER_RE.sub(
                lambda m: m.group("marker").translate(_SUPERSCRIPT), self.raw[paragraph.eid]
            )
        already = {ref for eid in self.raw for ref in re.findall("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", self.raw[eid])}
        cursor = (0, 0)
        folded = []
        closing = resolution.adoption_note
        for note in list(resolution.footnotes):
            marker = note.marker
            if marker.translate(_SUPERSCRIPT) in already:
                continue
            if marker in self.header_markers:
                folded.append(note)
                continue
            found = self._find_bare(marker, cursor)
            if found is not None:
                cursor = found
            elif re.search(rf"(?<=[^\d(\s])\s*{marker}(?:[\s.,]|$)", closing):
                folded.append(note)
        for note in folded:
            resolution.footnotes.remove(note)
            resolution.adoption_note = re.sub(
                rf"(?<=[^\d\s(])\s*{note.marker}(?=[\s.,]|$)", "", resolution.adoption_note, count=1
            )
            resolution.adoption_note = join_fragments(
                resolution.adoption_note, f"[{note.marker}: {self.footnote_raw[note.marker]}]"
            )
        for note in resolution.footnotes:
            inline = parse_inline(self.footnote_raw[note.marker])
            note.text, note.citations = inline.text, inline.citations

    def _find_bare(self, marker: str, cursor: tuple[int, int]) -> tuple[int, int] | None:
        """Find the bare number ``marker`` after ``cursor`` and make it a superscript."""
        paragraphs = self.resolution.paragraphs
        pattern = re.compile(rf"(?:(?<=\S)\s+|(?<=[,;:)”\"]))(?<!\d){marker}(?=[\s,.;:]|$)")
        for index in range(cursor[0], len(paragraphs)):
            eid = paragraphs[index].eid
            raw = self.raw[eid]
            start = cursor[1] if index == cursor[0] else 0
            for match in pattern.finditer(raw, start):
                if _reads_as_number(raw, match):
                    continue
                superscript = marker.translate(_SUPERSCRIPT)
                self.raw[eid] = raw[: match.start()] + superscript + raw[match.end() :]
                return index, match.start() + len(superscript)
        return None


def _SLASH_MARKER_FOOTNOTE(raw: str) -> bool:  # noqa: N802 - reads as a pattern
    """A "1/ S/26026." note at a page break of the later documents."""
    match = _FOOTNOTE_RE.match(raw)
    return bool(match and match.group("slash"))


def _reads_as_number(raw: str, match: re.Match) -> bool:
    """Whether a bare number is text (Article 47, 22 and 23 November, 4 March 1964)."""
    before = raw[: match.start()].rstrip()
    after = raw[match.end() :].lstrip()
    word_before = before.split()[-1] if before.split() else ""
    if _NUMBER_WORDS.search(word_before):
        return True
    next_word = re.match(r"[A-Za-z]+", after)
    if next_word and next_word.group().lower() in ENGLISH_MONTHS:
        return True
    return bool(re.match(r"^(?:\(\d{4}\)|and\s+\d|to\s+\d|per\b|%|hours|days|months|years)", after))


def _subitem_label(label: str, following: list[Block]) -> str:
    """(1) and (l) are OCR for (i) unless a (2) follows; (11) for (ii), (111) for (iii)."""
    if re.fullmatch(r"[1l]{1,3}", label):
        for block in following:
            if block.lines[0].startswith("(2)"):
                return label
        return label.replace("1", "i").replace("l", "i")
    return label


def _is_heading(raw: str) -> bool:
    """An upper-case topic line such as "ANNEX" (not a paragraph of the resolution)."""
    letters = [c for c in raw if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(raw) < 100
