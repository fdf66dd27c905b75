"""The Markdown-like layout: a conversion of the UN PDF with light markup.

What it looks like (the Chinese version of A/RES/76/127 is the reference)::

    大 会                                   ← the body, letter-spaced
    Distr.: General / 17 December 2021      ← distribution, printed in English
    第七十六届会议 / 议程项目 75(a) / …       ← session, agenda item and its title
    2021 年 12 月 10 日大会决议               ← adoption
    [未经发交主要委员会而通过([A/76/L.26](#))] ← how it was adopted, with the draft symbols
    76/127. 人道主义人员的安全保障……           ← number and title
    大会，                                   ← opening formula
    preambular paragraphs, then "1. **敦促**…" operative paragraphs and "(a)" sub-items
    ¹ footnote text                          ← where the PDF page ended, even inside a paragraph
    2021 年 12 月 10 日 / 第 51 次全体会议      ← date and meeting

Blocks are separated by blank lines. A page break may split a paragraph, with the page's
footnotes between the two halves; the halves are joined again. The header, up to the title line,
is read in ``header``; the body here.
"""

import re
from dataclasses import dataclass, field

from ..document import (
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    Issue,
    ParsedFootnote,
    ParsedParagraph,
    ParsedResolution,
    ParseError,
)
from ..shared.blocks import ROMAN_RE, Block, split_blocks
from ..shared.dates import parse_date
from ..shared.header import body_of, opening_formula_body
from ..shared.markers import SUPERSCRIPT_DIGITS, SUPERSCRIPT_TO_DIGIT
from ..shared.meetings import parse_meeting
from ..shared.text import ends_paragraph, join_fragments, parse_inline, strip_markup
from .header import parse_header, title_of

FORMAT = "markdown"

_FOOTNOTE_RE = re.compile(rf"^(?P<marker>[{SUPERSCRIPT_DIGITS}]+)\s+(?P<text>\S.*)$")
_OPERATIVE_RE = re.compile(r"^(?P<label>\d{1,3})\.\s+(?P<text>\S.*)$")
# (a) and (ii) in most languages; a) and ii) in French.
_SUBITEM_RE = re.compile(
    r"^(?:[(（](?P<label>[a-z]{1,5})[)）]\s*|(?P<french>[a-z]{1,5})\)\s+)(?P<text>\S.*)$"
)


def _starts_block(line: str) -> bool:
    """A footnote or an operative paragraph starts a block even without a blank line before."""
    return bool(_FOOTNOTE_RE.match(line) or _OPERATIVE_RE.match(line))


def looks_like_markdown_layout(text: str) -> bool:
    """The layout's signature: a body name, a Distr. line and a numbered title line."""
    lines = [line.strip() for line in text.splitlines()[:80] if line.strip()]
    has_body = any(body_of(line) for line in lines[:5])
    has_distribution = any(line.startswith("Distr.") for line in lines[:10])
    has_title = any(title_of(line) for line in lines)
    return has_body and has_distribution and has_title and "\f" not in text


def parse(text: str, language: str) -> ParsedResolution:
    """Parse one file in this layout; raises ParseError when it is not a resolution."""
    blocks = split_blocks(text.splitlines(), _starts_block)
    if not blocks:
        raise ParseError("the file is empty")
    title_index = next((i for i, b in enumerate(blocks) if title_of(b.raw)), None)
    if title_index is None:
        raise ParseError("no resolution number and title line (such as '76/127. Title') found")
    resolution = parse_header(blocks[:title_index], blocks[title_index], language, FORMAT)
    _BodyParser(resolution).parse(blocks[title_index + 1 :], last_line=len(text.splitlines()))
    return resolution


@dataclass
class _BodyParser:
    """Walks the blocks after the title, building paragraphs and footnotes in document order."""

    resolution: ParsedResolution
    raw: dict[str, str] = field(default_factory=dict)  # eid → raw text, joined across pages
    preambular_count: int = 0
    in_operative_part: bool = False
    lettered: ParsedParagraph | None = None
    last: ParsedParagraph | None = None
    closing_seen: bool = False

    def parse(self, blocks: list[Block], last_line: int) -> None:
        if not blocks:
            raise ParseError("the file ends after the header: no paragraphs", last_line)
        resolution = self.resolution
        if opening_formula_body(blocks[0].raw):
            resolution.opening_formula = strip_markup(blocks[0].raw).strip()
            blocks = blocks[1:]
        else:
            resolution.issues.append(
                Issue(
                    blocks[0].line,
                    "no opening formula (such as '大会，' or "
                    "'The General Assembly,') before the first paragraph",
                )
            )
        for block in blocks:
            self._take(block)
        if not resolution.paragraphs:
            raise ParseError("the file ends after the header: no paragraphs", last_line)
        for paragraph in resolution.paragraphs:
            inline = parse_inline(self.raw[paragraph.eid])
            paragraph.text = inline.text
            paragraph.footnote_refs = inline.footnote_refs
            paragraph.citations = inline.citations

    def _take(self, block: Block) -> None:
        raw = block.raw
        if match := _FOOTNOTE_RE.match(raw):
            # The last page's footnotes come after the closing lines.
            self._footnote(match, block.line)
        elif self.closing_seen:
            raise ParseError(f"text after the closing meeting line: {raw[:60]!r}", block.line)
        elif self._closing(block):
            self.closing_seen = True
        elif match := _OPERATIVE_RE.match(raw):
            label = match.group("label")
            self._add(f"para_{int(label)}", OPERATIVE, label, None, match.group("text"), block.line)
            self.in_operative_part, self.lettered = True, None
        elif match := _SUBITEM_RE.match(raw):
            label = match.group("label") or match.group("french")
            self._subitem(label, match.group("text"), block.line)
        elif self.last is not None and self._continues_last(raw):
            self.raw[self.last.eid] = join_fragments(self.raw[self.last.eid], raw)
        else:
            self.preambular_count += 1
            self.lettered = None
            self._add(f"preamble_{self.preambular_count}", PREAMBULAR, None, None, raw, block.line)

    def _continues_last(self, raw: str) -> bool:
        """Whether a block is the rest of the previous paragraph, split by a page break.

        In the operative part every paragraph starts with its number or sub-item label, so any
        other block continues the previous one. In the preamble a block continues when the
        previous paragraph stopped mid-sentence, or when it starts in lower case (Latin scripts).
        """
        if self.in_operative_part:
            return True
        first = strip_markup(raw).lstrip()[:1]
        return not ends_paragraph(self.raw[self.last.eid]) or first.islower()

    def _subitem(self, label: str, text: str, line: int) -> None:
        """(a) belongs to the paragraph above; (ii) to the lettered item above it.

        (i), (v) and (x) are letters too: they are roman numerals unless they are the letter
        that comes next, as (i) after (h).
        """
        lettered = self.lettered
        next_letter = lettered is not None and label == chr(ord(lettered.label) + 1)
        if lettered is not None and not next_letter and ROMAN_RE.match(label):
            parent = lettered
        else:
            parent = next(
                (p for p in reversed(self.resolution.paragraphs) if p.parent_eid is None), None
            )
            if parent is None:
                raise ParseError(f"sub-item ({label}) before any paragraph", line)
        paragraph = self._add(f"{parent.eid}_{label}", SUBPARAGRAPH, label, parent.eid, text, line)
        if parent is not lettered:
            self.lettered = paragraph

    def _add(
        self, eid: str, kind: str, label: str | None, parent: str | None, raw: str, line: int
    ) -> ParsedParagraph:
        if eid in self.raw:
            raise ParseError(f"paragraph {eid} appears twice", line)
        paragraph = ParsedParagraph(eid, kind, label, parent, "", line)
        self.resolution.paragraphs.append(paragraph)
        self.raw[eid] = raw
        self.last = paragraph
        return paragraph

    def _footnote(self, match: re.Match, line: int) -> None:
        marker = match.group("marker").translate(SUPERSCRIPT_TO_DIGIT)
        if any(note.marker == marker for note in self.resolution.footnotes):
            raise ParseError(f"footnote {marker} is defined twice", line)
        inline = parse_inline(match.group("text"))
        if inline.footnote_refs:
            self.resolution.issues.append(Issue(line, f"footnote {marker} contains a marker"))
        self.resolution.footnotes.append(
            ParsedFootnote(marker, inline.text, line, inline.citations)
        )

    def _closing(self, block: Block) -> bool:
        """The closing meeting and date in either order: 第 51 次全体会议 / 51st plenary meeting."""
        lines = block.lines
        if len(lines) > 2:
            return False
        meetings = [parse_meeting(line) for line in lines]
        dates = [parse_date(line) for line in lines]
        if sum(m is not None for m in meetings) != 1 or any(
            m is None and d is None for m, d in zip(meetings, dates, strict=True)
        ):
            return False
        resolution = self.resolution
        resolution.meeting_number = next(m for m in meetings if m is not None)
        closing_date = next((d for d in dates if d is not None), None)
        if closing_date and resolution.adopted_on and closing_date != resolution.adopted_on:
            resolution.issues.append(
                Issue(
                    block.line,
                    f"the closing date {closing_date} differs from the adoption "
                    f"date {resolution.adopted_on} in the header",
                )
            )
        resolution.adopted_on = resolution.adopted_on or closing_date
        return True
