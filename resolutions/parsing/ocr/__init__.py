"""The Official Records layout: OCR of a page range of the General Assembly's printed volume.

What it looks like (the extract holding A/RES/46/182 is the reference)::

    II. Resolutions adopted without reference to a Main Committee 49    ← running head
    … the end of the text before, from the middle of a paragraph …
    46/182. Strengthening of the coordination of humani-                 ← symbol and title,
    tarian emergency assistance of the United Nations                      hyphenated
    The General Assembly,                                                ← opening formula
    preambular paragraphs, "1. Adopts …" operative paragraphs, "(a)" sub-items,
    footnote markers flattened into the line ("43/47 ,134")
    78th plenary meeting                                                 ← closing
    19 December 1991
    I. GUIDING PRINCIPLES / 1. Humanitarian …                            ← the annex, if any
    46/219. Operational activities …                                     ← the next resolution,
                                                                           cut off by the page

One file holds several resolutions, so ``parse_volume`` returns a list. Only complete ones are
returned: a resolution is complete when its closing meeting line is in the file. The text before
the first heading and a resolution that the end of the extract cuts off are fragments; they are
reported as issues and never returned.

Decisions:

* Everything between a resolution's closing and the next heading is its annex (the volumes print
  an annex after the closing). The word "ANNEX" is often lost by OCR; the section headings are not.
  A heading of the same session numbered after the previous one ends that annex even when OCR
  lost its opening formula (the resolution it opens is then reported as a fragment).
* Footnotes are numbered through the whole volume and printed at the page feet. A note found at a
  page foot goes to the resolution whose marker calls its number. When the extract does not hold
  the note (the reference extract holds none), the marker still becomes a reference, the footnote
  is kept with empty text and the missing text is reported, so no reference points nowhere.
* The session's year is not in the symbol, so ``year`` stays empty as for the other GA layouts;
  the adoption date carries it.
* OCR slips inside words (``intemational``, ``concemed``) are left as printed: repairing them
  needs a dictionary, and a wrong repair would change the text of a resolution.
* Page repair (running heads, page numbers, hyphenation, paragraphs cut by a page or column) is
  in ``lines``; paragraph structure and label repair in ``body``; footnote markers in
  ``footnotes``.
"""

import re

from ...symbols import parse_symbol
from ..document import Issue, ParsedFootnote, ParsedParagraph, ParsedResolution
from ..shared.blocks import Block
from ..shared.dates import find_date
from ..shared.text import parse_inline
from .body import BodyBuilder, Piece
from .footnotes import Marker, find_markers, number_markers, read_marker, render_markers
from .lines import NOTE_RE, Vocabulary, is_running_head, page_blocks

FORMAT = "ocr"

_HEADING_RE = re.compile(r"^(?P<session>\d{1,2})/(?P<number>\d{1,3})\s?[.,]\s+(?P<title>[A-Z].*)$")
# "The General Assembly," also as OCR reads it now and then ("The Genera! Assembly;").
_OPENING_RE = re.compile(r"^The\s+Gen[a-z!]{3,5}\s+Ass[a-z]{3,6}\s*[,.;:]?$")
_CLOSING_RE = re.compile(
    r"^(?P<meeting>\d{1,3})\s?(?:st|nd|rd|th|d)\s+plenary\s+meeting"
    r"(?:[,.]?\s+(?P<date>\d{1,2}\s+\S+\s+\d{4}))?$",
    re.I,
)
# How far (in blocks) the opening formula may stand below a heading: titles wrap over blocks.
_TITLE_BLOCKS = 4


def looks_like_ocr_layout(text: str) -> bool:
    """At least two "46/182. Title" headings and two "The General Assembly," formulas, a
    "78th plenary meeting" closing and a running head of the printed volume (which the UN's own
    PDFs and the Security Council corpus never print)."""
    lines = [line.strip() for line in text.splitlines()]
    headings = sum(1 for line in lines if _HEADING_RE.match(line))
    openings = sum(1 for line in lines if _OPENING_RE.match(line))
    closings = sum(1 for line in lines if _CLOSING_RE.match(line))
    running_heads = sum(
        1 for line in lines if line and not line.isdigit() and is_running_head(line)
    )
    return headings >= 2 and openings >= 2 and closings >= 1 and running_heads >= 1


def parse_volume(text: str, language: str) -> tuple[list[ParsedResolution], list[Issue]]:
    """Every complete resolution of an Official Records extract, and what the extract leaves
    out: fragments of texts that begin or end outside it, footnote texts it does not hold.

    Problems of a complete resolution itself (no adoption date, an unreadable footnote marker)
    are in that resolution's ``issues``, so that a strict import refuses it."""
    lines = text.splitlines()
    vocabulary = Vocabulary.of(lines)
    page = page_blocks(lines, _starts_block)
    blocks = page.blocks
    starts = _heading_indexes(blocks)
    issues: list[Issue] = []
    if not starts:
        return [], [Issue(0, "no resolution heading such as '46/182. Title' found")]
    if starts[0] > 0:
        first, last = blocks[0].line, _last_line(blocks[starts[0] - 1])
        issues.append(
            Issue(
                first,
                f"lines {first}–{last} before the first resolution heading (the end of a "
                "preceding text): fragment skipped",
            )
        )
    resolutions: list[ParsedResolution] = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(blocks)
        at_end = end == len(blocks)
        resolution = _parse_resolution(blocks[start:end], language, vocabulary, issues, at_end)
        if resolution is not None:
            resolutions.append(resolution)
    _finish(resolutions, _footnote_texts(page.notes, vocabulary, issues), issues)
    return resolutions, issues


def _starts_block(line: str) -> bool:
    return bool(_OPENING_RE.match(line) or _CLOSING_RE.match(line) or _HEADING_RE.match(line))


def _last_line(block: Block) -> int:
    return block.line + len(block.lines) - 1


def _heading_indexes(blocks: list[Block]) -> list[int]:
    """Blocks that open a resolution: a heading with the opening formula shortly below it, or a
    heading of the same session numbered after the one before (its formula lost to OCR), which
    must not be read as part of the annex before it."""
    indexes = []
    last: tuple[int, int] | None = None
    for index, block in enumerate(blocks):
        match = _HEADING_RE.match(block.lines[0])
        if not match:
            continue
        number = int(match["session"]), int(match["number"])
        following = blocks[index + 1 : index + 1 + _TITLE_BLOCKS]
        if any(_OPENING_RE.match(b.lines[0]) for b in following) or (
            last is not None and number[0] == last[0] and number[1] > last[1]
        ):
            indexes.append(index)
            last = number
    return indexes


def _parse_resolution(
    blocks: list[Block],
    language: str,
    vocabulary: Vocabulary,
    issues: list[Issue],
    at_end: bool,
) -> ParsedResolution | None:
    """One resolution, its paragraphs still holding raw text; None for a fragment."""
    heading = _HEADING_RE.match(blocks[0].lines[0])
    name = f"{heading['session']}/{heading['number']}"
    opening = next((i for i, b in enumerate(blocks) if _OPENING_RE.match(b.lines[0])), None)
    if opening is None:
        issues.append(
            Issue(
                blocks[0].line,
                f"{name} has no opening formula 'The General Assembly,': fragment skipped",
            )
        )
        return None
    title_lines = [heading["title"], *blocks[0].lines[1:]]
    title_lines += [line for block in blocks[1:opening] for line in block.lines]
    title = vocabulary.text(title_lines)
    closing = next((i for i, b in enumerate(blocks) if _CLOSING_RE.match(b.lines[0])), None)
    if closing is None:
        where = "runs past the end of the file" if at_end else "has no closing meeting line"
        issues.append(Issue(blocks[0].line, f"{name} ({title}) {where}: fragment skipped"))
        return None
    symbol = parse_symbol(f"A/RES/{name}")
    # The closing line may carry the date, or the date may follow; what comes after is annex.
    closing_lines = blocks[closing].lines[:1]
    annex_blocks = _rest(blocks[closing]) + blocks[closing + 1 :]
    dated = _CLOSING_RE.match(closing_lines[0])["date"]
    if not dated and annex_blocks and find_date(annex_blocks[0].lines[0]):
        closing_lines.append(annex_blocks[0].lines[0])
        annex_blocks[:1] = _rest(annex_blocks[0])
    adopted = find_date(" ".join(closing_lines))
    resolution = ParsedResolution(
        symbol=symbol.canonical,
        body=symbol.body,
        language=language,
        title=title,
        source_format=FORMAT,
        session=symbol.session,
        number=int(symbol.number),
        year=symbol.year,
        adopted_on=adopted,
        meeting_number=int(_CLOSING_RE.match(closing_lines[0])["meeting"]),
        adoption_note=", ".join(closing_lines),
        opening_formula=blocks[opening].lines[0],
    )
    if adopted is None:
        resolution.issues.append(
            Issue(blocks[closing].line, f"{name}: no adoption date after the closing")
        )
    builder = BodyBuilder()
    builder.body(_pieces(_rest(blocks[opening]) + blocks[opening + 1 : closing], vocabulary))
    annex = _pieces(annex_blocks, vocabulary)
    if annex:
        builder.annex(annex)
        if at_end:
            resolution.issues.append(
                Issue(
                    annex[0].line, f"the annex of {name} runs to the end of the file: it may be cut"
                )
            )
    resolution.paragraphs = builder.paragraphs
    resolution.issues.extend(builder.issues)
    return resolution


def _rest(block: Block) -> list[Block]:
    """The lines of a block after its first, as a block of their own (if any)."""
    return [Block(block.line + 1, block.lines[1:])] if len(block.lines) > 1 else []


def _pieces(blocks: list[Block], vocabulary: Vocabulary) -> list[Piece]:
    return [Piece(block.line, vocabulary.text(block.lines)) for block in blocks]


def _footnote_texts(
    notes: list[Block], vocabulary: Vocabulary, issues: list[Issue]
) -> dict[int, tuple[int, str]]:
    """The footnotes found at the page feet: number → (line, raw text)."""
    texts = {}
    for note in notes:
        match = NOTE_RE.match(note.lines[0])
        number = read_marker(match["marker"])
        if number is None or number in texts:
            why = "an unreadable number" if number is None else "a number already read"
            issues.append(Issue(note.line, f"footnote {match['marker']!r} has {why}: skipped"))
            continue
        texts[number] = (note.line, vocabulary.text([match["text"], *note.lines[1:]]))
    return texts


def _finish(
    resolutions: list[ParsedResolution],
    notes: dict[int, tuple[int, str]],
    issues: list[Issue],
) -> None:
    """Number the footnote markers through the volume, then make the plain text and attach each
    footnote found at a page foot to the resolution whose marker calls it."""
    markers: dict[tuple[int, int], list[Marker]] = {}
    for index, resolution in enumerate(resolutions):
        for position, paragraph in enumerate(resolution.paragraphs):
            markers[index, position] = find_markers(f"{index}:{position}", paragraph.text)
    number_markers([marker for found in markers.values() for marker in found])
    for index, resolution in enumerate(resolutions):
        for position, paragraph in enumerate(resolution.paragraphs):
            own = markers[index, position]
            inline = parse_inline(render_markers(paragraph.text, own))
            paragraph.text = inline.text
            paragraph.footnote_refs = inline.footnote_refs
            paragraph.citations = inline.citations
            for marker in own:
                _footnote(resolution, paragraph, marker, notes, issues)
    for number, (line, _) in sorted(notes.items()):
        issues.append(
            Issue(
                line,
                f"footnote {number} at a page foot is called by no complete resolution: skipped",
            )
        )


def _footnote(
    resolution: ParsedResolution,
    paragraph: ParsedParagraph,
    marker: Marker,
    notes: dict[int, tuple[int, str]],
    issues: list[Issue],
) -> None:
    if marker.number is None:
        resolution.issues.append(
            Issue(paragraph.line, f"an unreadable footnote marker in {paragraph.eid}")
        )
        return
    if any(note.marker == str(marker.number) for note in resolution.footnotes):
        resolution.issues.append(
            Issue(paragraph.line, f"footnote marker {marker.number} appears twice")
        )
        return
    if marker.number in notes:
        line, raw = notes.pop(marker.number)
        inline = parse_inline(raw)
        resolution.footnotes.append(
            ParsedFootnote(str(marker.number), inline.text, line, inline.citations)
        )
        return
    resolution.footnotes.append(ParsedFootnote(str(marker.number), "", paragraph.line))
    issues.append(
        Issue(
            paragraph.line,
            f"{resolution.symbol}: the text of footnote {marker.number} "
            "(at the foot of the printed page) is not in the extract",
        )
    )
