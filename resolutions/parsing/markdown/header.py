"""The header of a resolution in the Markdown-like layout, up to its number and title.

The body's name (大 会, letter-spaced), ``Distr.: General`` and the distribution date (printed
in English on every version), the session, the agenda item and its title wrapped over several
lines, the adoption line, the bracketed note naming the drafts, and the title line ``76/127.
Title`` that ends the header and gives the symbol.
"""

import re

from ...symbols import Symbol, parse_symbol
from ..document import Issue, ParsedResolution, ParseError
from ..shared.blocks import Block
from ..shared.dates import parse_date
from ..shared.header import (
    body_of,
    parse_adoption,
    parse_adoption_note,
    parse_agenda_items,
    parse_session,
)
from ..shared.text import join_fragments, strip_markup

_TITLE_RE = re.compile(r"^(?P<symbol>\S+(?: [A-Z])?(?: \([IVXL]+\))?)\.\s+(?P<title>\S.*)$")


def title_of(line: str) -> tuple[Symbol, str] | None:
    """The resolution's symbol and title from its title line: 76/127. Title"""
    match = _TITLE_RE.match(line)
    if not match:
        return None
    symbol = parse_symbol(match.group("symbol"))
    if symbol is None or not symbol.is_resolution:
        return None
    return symbol, strip_markup(match.group("title")).strip()


def parse_header(
    blocks: list[Block], title_block: Block, language: str, source_format: str
) -> ParsedResolution:
    """The resolution with its header metadata, from the blocks before the title line."""
    symbol, title = title_of(title_block.raw)
    resolution = ParsedResolution(
        symbol=symbol.canonical,
        body=symbol.body,
        language=language,
        title=title,
        source_format=source_format,
        session=symbol.session,
        special_session=symbol.special or "",
        number=int(symbol.number),
        part=symbol.part or "",
        year=symbol.year,
    )
    expecting_date = False
    agenda_block: Block | None = None
    for block in blocks:
        for offset, line in enumerate(block.lines):
            line_number = block.line + offset
            if expecting_date and (distributed := parse_date(line)):
                resolution.distributed_on = distributed
                expecting_date = False
            elif body := body_of(line):
                if body != resolution.body:
                    resolution.issues.append(
                        Issue(
                            line_number,
                            f"the header names the {body} but the symbol is {resolution.symbol}",
                        )
                    )
            elif line.startswith("Distr."):
                expecting_date = True
            elif session := parse_session(line):
                _check_session(resolution, session, line_number)
            elif (items := parse_agenda_items(line)) is not None:
                resolution.agenda_items = items
                agenda_block = block
            elif adoption := parse_adoption(line):
                resolution.adopted_on = adoption[1]
            elif note := parse_adoption_note(line):
                resolution.adoption_note, resolution.draft_symbols = note
            elif block is agenda_block:
                # The agenda item's title follows its number, wrapped over several lines.
                resolution.agenda_title = join_fragments(resolution.agenda_title, line)
            elif agenda_block is not None and not resolution.agenda_title and offset == 0:
                agenda_block = block
                resolution.agenda_title = line
            else:
                raise ParseError(f"unrecognised header line: {line[:60]!r}", line_number)
    if resolution.distributed_on is None and expecting_date:
        resolution.issues.append(Issue(0, "the Distr. line is not followed by a date"))
    return resolution


def _check_session(resolution: ParsedResolution, session: tuple[int, str], line: int) -> None:
    number, special = session
    if resolution.body == "GA" and (number, special) != (
        resolution.session,
        resolution.special_session,
    ):
        resolution.issues.append(
            Issue(line, f"the header says session {number} but the symbol is {resolution.symbol}")
        )
