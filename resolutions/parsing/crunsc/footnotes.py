"""Footnote markers in the Security Council corpus texts.

The notes stand after the closing sentence (``45 Ibid., document S/10009.`` or ``1/ …``); their
markers in the text are ``1/`` or, in most of the corpus, a bare number after a word (``the
report 45 of``). Bare numbers are taken as markers only for notes that are defined, searched in
order through the text, skipping numbers that read as articles, paragraphs, dates, years or
resolution numbers. Markers become superscripts, so ``parse_inline`` turns them into references
as in the other layouts.

Notes whose marker stands in the closing sentence or in the header (``by 14 votes to none 27`` /
``27 One member (China) did not participate …``) are about the vote, not the text: they are
appended to ``adoption_note`` as ``[27: …]`` instead of being stored as footnotes.

A note the first search does not place is looked for again, in this order:

1. between the markers of the notes numbered before and after it, where numbers the first
   search refuses are taken ("13 August 1948 5 and 5 January 1949 6", "resolutions 31
   adopted", a marker glued to a year "19895", "°8" for a superscript 58), words such as
   "Article" or "paragraph" and days before a month still excluded;
2. anywhere, when the number stands once in the text (volumes that number their notes across
   resolutions, so that they are not in reading order here);
3. when the marker is in no text at all (lost in the source): a note about the vote ("One member
   (China) did not participate in the voting") joins the closing sentence; any other note is
   referenced at the end of the paragraph holding the next note's marker, else the previous
   one's, else the first paragraph. The notes placed by this rule are listed in ``attached``;
   a note that cites a meeting held after the adoption belongs to a later document printed on
   the same page of the volume and is left out (``elsewhere``).

A superscript the source prints as text (``0.100 m³``) stays text. A ``1/`` marker whose note
the source lost stays as printed.
"""

import re
from dataclasses import dataclass, field

from ..document import FootnoteRef, ParsedParagraph, ParsedResolution
from ..shared.blocks import Block
from ..shared.dates import ENGLISH_MONTHS
from ..shared.markers import (
    DIGIT_TO_SUPERSCRIPT,
    MARKER_RE,
    SUPERSCRIPT_DIGITS,
    SUPERSCRIPT_TO_DIGIT,
)
from ..shared.text import join_fragments, parse_inline
from .header import CLOSING_RE

# Superscripts of the text itself stand in the private use area while markers are read.
_KEPT = "".join(chr(0xE000 + n) for n in range(10))
_KEEP = str.maketrans(SUPERSCRIPT_DIGITS, _KEPT)
_RESTORE = str.maketrans(_KEPT, SUPERSCRIPT_DIGITS)
# "45 Ibid., …", "1/ S/26026.", and the OCR's "1/s United Nations …".
FOOTNOTE_RE = re.compile(r"^(?P<marker>\d{1,3})(?:(?P<slash>/)s?)?\s+(?P<text>\S.*)$")
_SLASH_MARKER_RE = re.compile(r"\s*(?<![\w/.])(?P<marker>\d{1,3})/(?=[\s,.;:)]|$)")
# Words after which a bare number is part of the text, not a footnote marker.
_NUMBER_WORDS = re.compile(
    r"^(?:Article|Articles|paragraph|paragraphs|resolution|resolutions|chapter|section|annex|"
    r"No\.|Nos\.|p\.|pp\.|page|pages|and|to|of|at|on|or|meeting|meetings|item|items|rule|"
    r"rules|Add\.|Rev\.|Corr\.|part|Part|by|than|for|some|about|until|since|in|from|"
    r"nos\.|\d{1,3},?)$",
    re.I,
)


def footnote_section(blocks: list[Block]) -> int:
    """Index of the first block of the trailing footnotes (after the closing, if any)."""
    closing = next((i for i, b in enumerate(blocks) if CLOSING_RE.match(b.lines[0])), None)
    start = len(blocks)
    while start > 0 and FOOTNOTE_RE.match(blocks[start - 1].lines[0]):
        start -= 1
    if closing is not None:
        # After the closing, everything that starts like a note is one.
        first = next(
            (i for i in range(closing + 1, len(blocks)) if FOOTNOTE_RE.match(blocks[i].lines[0])),
            len(blocks),
        )
        start = min(max(start, closing + 1), first)
    return start


def is_slash_note(raw: str) -> bool:
    """A "1/ S/26026." note at a page break of the later documents."""
    match = FOOTNOTE_RE.match(raw)
    return bool(match and match.group("slash"))


@dataclass
class Markers:
    """The raw text of paragraphs and notes, while markers are found and made superscripts."""

    resolution: ParsedResolution
    raw: dict[str, str]
    footnote_raw: dict[str, str]
    header_markers: list[str] = field(default_factory=list)
    # Notes whose marker is not in the text, referenced by the rule of ``_attach``, and those
    # left out as another document's (``_later_document``).
    attached: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)

    def place(self) -> None:
        """Turn footnote markers into superscripts; fold notes on the vote into the note."""
        resolution = self.resolution
        defined = {note.marker for note in resolution.footnotes}
        for paragraph in resolution.paragraphs:
            # A superscript the source prints ("0.100 m³") is text, not a note's marker.
            self.raw[paragraph.eid] = MARKER_RE.sub(
                lambda m: (
                    m.group()
                    if m.group().translate(SUPERSCRIPT_TO_DIGIT) in defined
                    else m.group().translate(_KEEP)
                ),
                self.raw[paragraph.eid],
            )
            # A "1/" whose note the source lost (S/RES/797 (1992)) stays as printed.
            self.raw[paragraph.eid] = _SLASH_MARKER_RE.sub(
                lambda m: (
                    m.group("marker").translate(DIGIT_TO_SUPERSCRIPT)
                    if m.group("marker") in defined
                    else m.group(0)
                ),
                self.raw[paragraph.eid],
            )
        already = {ref for eid in self.raw for ref in re.findall("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", self.raw[eid])}
        cursor = (0, 0)
        folded, missing = [], []
        closing = resolution.adoption_note
        for note in list(resolution.footnotes):
            marker = note.marker
            if marker.translate(DIGIT_TO_SUPERSCRIPT) in already:
                continue
            if marker in self.header_markers:
                folded.append(note)
                continue
            found = self._find_bare(marker, cursor)
            if found is not None:
                cursor = found
            elif re.search(rf"(?<=[^\d(\s])\s*{marker}(?:[\s.,]|$)", closing):
                folded.append(note)
            else:
                missing.append(note)
        for search in (self._find_between, self._find_anywhere):
            while any([search(note.marker) for note in missing]):
                missing = [note for note in missing if self._position(note.marker) is None]
        for note in missing:
            if self._position(note.marker) is not None:
                continue
            if _VOTE_NOTE_RE.search(self.footnote_raw[note.marker]):
                folded.append(note)
            elif self._later_document(note.marker):
                resolution.footnotes.remove(note)
                self.elsewhere.append(note.marker)
            else:
                self._attach(note.marker)
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

    def _position(self, marker: str) -> tuple[int, int] | None:
        """(paragraph index, offset) of the superscript ``marker`` in the raw texts."""
        pattern = re.compile(rf"(?<![⁰-⁹]){marker.translate(DIGIT_TO_SUPERSCRIPT)}(?![⁰-⁹])")
        for index, paragraph in enumerate(self.resolution.paragraphs):
            if match := pattern.search(self.raw[paragraph.eid]):
                return index, match.start()
        return None

    def _neighbours(self, marker: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """Where the nearest placed notes before and after ``marker`` stand (notes are numbered
        in reading order)."""
        numbers = sorted(int(note.marker) for note in self.resolution.footnotes)
        before = [self._position(str(n)) for n in numbers if n < int(marker)]
        after = [self._position(str(n)) for n in numbers if n > int(marker)]
        before = [p for p in before if p is not None]
        after = [p for p in after if p is not None]
        return (before[-1] if before else (0, 0)), (after[0] if after else None)

    def _find_anywhere(self, marker: str) -> bool:
        """The marker where the notes are not in reading order (a volume that numbers its notes
        across resolutions): taken when the number stands once in the text, and not as text."""
        found = [
            (eid, match)
            for eid in self.raw
            for match in self._pattern(marker).finditer(self.raw[eid])
            if not _is_text_number(self.raw[eid], match)
        ]
        if len(found) != 1:
            return False
        self._make_superscript(found[0][0], found[0][1], marker)
        return True

    def _make_superscript(self, eid: str, match: re.Match, marker: str) -> None:
        raw = self.raw[eid]
        self.raw[eid] = (
            raw[: match.start()].rstrip()
            + marker.translate(DIGIT_TO_SUPERSCRIPT)
            + raw[match.end() :]
        )

    @staticmethod
    def _pattern(marker: str) -> re.Pattern:
        return re.compile(
            rf"(?:(?:(?<=\S)\s+|(?<=[,;:)”\"])|(?<=\b1[89]\d\d)){marker}"
            # ° is how the OCR read a superscript 5: "Conventions of 1949°8" is note 58.
            + (rf"|°{marker[1:]}" if marker[:1] == "5" and len(marker) == 2 else "")
            + r")(?=[\s,.;:“\"]|$)"
        )

    def _find_between(self, marker: str) -> bool:
        """A marker the first search refused ("13 August 1948 5 and 5 January 1949 6",
        "resolutions 31 adopted", "February 19895") taken when it stands between the markers
        of the notes numbered before and after it."""
        low, high = self._neighbours(marker)
        pattern = self._pattern(marker)
        for index in range(low[0], len(self.resolution.paragraphs)):
            eid = self.resolution.paragraphs[index].eid
            raw = self.raw[eid]
            for match in pattern.finditer(raw, low[1] if index == low[0] else 0):
                if high is not None and (index, match.start()) > high:
                    return False
                if _is_text_number(raw, match):
                    continue
                self._make_superscript(eid, match, marker)
                return True
        return False

    def _later_document(self, marker: str) -> bool:
        """A note citing a meeting held after the adoption ("… the record of the 2496th
        meeting" under a resolution of the 2480th) annotates a later document printed on the
        same page of the volume, not this resolution."""
        adopted_at = self.resolution.meeting_number
        meetings = re.findall(r"(\d{1,4})(?:st|nd|rd|th) meeting", self.footnote_raw[marker])
        return adopted_at is not None and any(int(number) > adopted_at for number in meetings)

    def _attach(self, marker: str) -> None:
        """A note whose marker is not in the text at all (lost in the source): referenced at the
        end of the paragraph holding the next note's marker, else the previous note's, else the
        first paragraph — the nearest the reading order allows."""
        low, high = self._neighbours(marker)
        placed = high or (low if self._position_exists() else None)
        index = placed[0] if placed else 0
        eid = self.resolution.paragraphs[index].eid
        self.raw[eid] = self.raw[eid].rstrip() + marker.translate(DIGIT_TO_SUPERSCRIPT)
        self.attached.append(marker)

    def _position_exists(self) -> bool:
        return any(re.search("[⁰-⁹]", raw) for raw in self.raw.values())

    def apply(self, paragraph: ParsedParagraph) -> None:
        """The paragraph's plain text, references and citations from its raw text."""
        inline = parse_inline(self.raw[paragraph.eid])
        paragraph.text = inline.text.translate(_RESTORE)
        paragraph.footnote_refs = inline.footnote_refs
        paragraph.citations = inline.citations

    def _find_bare(self, marker: str, cursor: tuple[int, int]) -> tuple[int, int] | None:
        """Find the bare number ``marker`` after ``cursor`` and make it a superscript."""
        paragraphs = self.resolution.paragraphs
        pattern = re.compile(rf"(?:(?<=\S)\s+|(?<=[,;:)”\"]))(?<!\d){marker}(?=[\s,.;:“\"]|$)")
        for index in range(cursor[0], len(paragraphs)):
            eid = paragraphs[index].eid
            raw = self.raw[eid]
            start = cursor[1] if index == cursor[0] else 0
            for match in pattern.finditer(raw, start):
                if _reads_as_number(raw, match):
                    continue
                superscript = marker.translate(DIGIT_TO_SUPERSCRIPT)
                self.raw[eid] = raw[: match.start()] + superscript + raw[match.end() :]
                return index, match.start() + len(superscript)
        return None


_VOTE_NOTE_RE = re.compile(
    r"did not participate in the vot|(?:was|were) absent|Adopted without vote|"
    r"adopted unanimously|No vote was taken|details of the vote",
    re.I,
)
# Words after which a number is text even between two markers.
_TEXT_NUMBER_WORDS = re.compile(
    r"^(?:Articles?|paragraphs?|paras?\.|chapters?|sections?|annex|No\.|Nos\.|pp?\.|pages?|"
    r"meetings?|items?|rules?|Add\.|Rev\.|Corr\.|part|vol\.)$",
    re.I,
)


def _is_text_number(raw: str, match: re.Match) -> bool:
    """Whether a number found between two markers is still text: "Article 27", a day before a
    month, "resolution 425 (1978)"."""
    before = raw[: match.start()].split()
    after = raw[match.end() :].lstrip()
    if before and _TEXT_NUMBER_WORDS.match(before[-1]):
        return True
    if len(before) > 1 and re.fullmatch(r"\d{1,3},?", before[-1]):
        return bool(_TEXT_NUMBER_WORDS.match(before[-2]))  # "paras. 10 11": a list of numbers
    next_word = re.match(r"[A-Za-z]+", after)
    if next_word and next_word.group().lower() in ENGLISH_MONTHS:
        return True
    return bool(re.match(r"^(?:\(\d{4}\)|per\b|%|hours|days|months|years)", after))


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


def split_joined_refs(refs: list[FootnoteRef], defined: set[str]) -> list[FootnoteRef]:
    """Two markers side by side ("the Congo, 21 22") read as one superscript ²¹²²: split it
    into the two defined notes."""
    result = []
    for ref in refs:
        if ref.marker not in defined:
            for cut in range(1, len(ref.marker)):
                first, second = ref.marker[:cut], ref.marker[cut:]
                if first in defined and second in defined:
                    result += [FootnoteRef(first, ref.offset), FootnoteRef(second, ref.offset)]
                    break
            else:
                result.append(ref)
        else:
            result.append(ref)
    return result
