"""UN PDF text: what ``pdftotext`` makes of a resolution printed by the United Nations.

The reference is the English A/RES/76/127; the Security Council prints the same way
(S/RES/2286 (2016)). What the layout does to the text, and where it is undone:

* page furniture (symbol, running title, page and job numbers, barcode, print date) between
  and inside paragraphs — ``furniture``;
* footnotes under a ``______`` rule on each page, markers apart from or after their texts, and
  bare numbers for markers in the text — ``footnotes``;
* words taken out of a two-column line, a label before the tail of its item — ``repair``;
* hard-wrapped lines with no blank line between paragraphs — ``structure``;
* words broken by justification (``hu manitarian``) — ``words``;
* the printed header — ``header``.
"""

import re

from ..document import Issue, ParsedFootnote, ParsedResolution
from ..shared.text import parse_inline
from .footnotes import Note, place_markers, place_repeated_markers, read_notes
from .furniture import Page, split_pages, strip_furniture
from .header import FORMAT, OPENING_RE, header_end, parse_header
from .repair import repair_columns
from .structure import StructureBuilder
from .words import Vocabulary, rejoin_words

__all__ = ["FORMAT", "looks_like_pdftext_layout", "parse"]

_SYMBOL_LINE_RE = re.compile(r"^(?:A/RES/\S+|S/RES/\d+ \(\d{4}\))$")


def looks_like_pdftext_layout(text: str) -> bool:
    """Form feeds between pages, the symbol first, a Distr. line and an opening formula."""
    lines = [line.strip() for line in text[:6000].splitlines() if line.strip()]
    return bool(
        "\f" in text
        and lines
        and _SYMBOL_LINE_RE.match(lines[0])
        and any(line.startswith("Distr.") for line in lines[:8])
        and any(OPENING_RE.match(line) for line in lines)
    )


def parse(text: str, language: str) -> ParsedResolution:
    """Parse one file in this layout; raises ParseError when it is not a resolution."""
    pages = split_pages(text)
    first = [line for line in pages[0] if line.text]
    end = header_end(first)
    opening = first[end]
    resolution = parse_header(first[:end], language)
    resolution.opening_formula = opening.text
    running_title = resolution.title if resolution.body == "GA" else ""
    printed_symbol = first[0].text
    cleaned = strip_furniture(pages, printed_symbol, running_title, opening.number + 1)
    notes = _read_footnotes(cleaned, resolution)
    body = repair_columns([line for page in cleaned for line in page.body])
    vocabulary = Vocabulary(text)
    annexes = sum(1 for line in body if re.match(r"^Annex(?:\s+[IVXL]+)?$", line.text))
    builder = StructureBuilder(annex_count=annexes)
    builder.build(body)
    resolution.issues += builder.issues
    resolution.meeting_number = builder.meeting_number or resolution.meeting_number
    if (
        builder.closing_date
        and resolution.adopted_on
        and builder.closing_date != resolution.adopted_on
    ):
        resolution.issues.append(Issue(0, "the closing date differs from the adoption date"))
    for paragraph in builder.paragraphs:
        inline = parse_inline(rejoin_words(builder.raw[paragraph.eid], vocabulary))
        paragraph.text = inline.text
        paragraph.footnote_refs = inline.footnote_refs
        paragraph.citations = inline.citations
        if not paragraph.text:
            resolution.issues.append(Issue(paragraph.line, f"paragraph {paragraph.eid} is empty"))
    resolution.paragraphs = builder.paragraphs
    for note in notes:
        inline = parse_inline(rejoin_words(note.text, vocabulary))
        if inline.footnote_refs:
            resolution.issues.append(Issue(note.line, f"footnote {note.marker} holds a marker"))
        resolution.footnotes.append(
            ParsedFootnote(note.marker, inline.text, note.line, inline.citations)
        )
    return resolution


def _read_footnotes(pages: list[Page], resolution: ParsedResolution) -> list[Note]:
    """Every page's notes, with their markers in the page's text made superscripts."""
    notes: list[Note] = []
    seen: set[str] = set()
    for index, page in enumerate(pages):
        page_notes, continuation, unmatched = read_notes(page.notes)
        if continuation:
            if notes:
                notes[-1].text += " " + " ".join(line.text for line in continuation)
            else:
                resolution.issues.append(
                    Issue(continuation[0].number, "footnote text without a marker")
                )
        for marker in unmatched:
            resolution.issues.append(Issue(0, f"footnote marker {marker} without text"))
        for note in page_notes:
            if note.marker in seen:
                resolution.issues.append(Issue(note.line, f"footnote {note.marker} defined twice"))
            seen.add(note.marker)
        notes += page_notes
        missing = place_markers(page.body, [note.marker for note in page_notes])
        # A marker printed at the foot of the page before may have its note on the next page.
        for neighbour in (pages[index - 1] if index else None,):
            if missing and neighbour is not None:
                missing = place_markers(neighbour.body, missing)
        for marker in missing:
            resolution.issues.append(Issue(0, f"footnote marker {marker} not found in the text"))
        earlier = {note.marker for note in notes} - {note.marker for note in page_notes}
        if earlier:
            place_repeated_markers(page.body, earlier)
    return notes
