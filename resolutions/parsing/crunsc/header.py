"""The header of a Security Council corpus text: symbol, adoption date, meeting and drafts.

``Resolution 242 (1967)`` / ``of 22 November 1967`` / ``[S/3128]`` in the yearly volumes;
``1 (1946). Resolution of 25 January 1946`` in the first years; ``RESOLUTION 770 (1992)`` /
``Adopted by the Security Council at its 3106th meeting, / on 13 August 1992`` in the later
documents. The year is the year of adoption: when the printed year contradicts the adoption date
(``Resolution 434 (1973)`` / ``of 18 September 1978``, an OCR slip), the date wins; when the
date's year is unreadable (``of 14 October £964``), the printed year completes it. A header
without a date, or without its day (S/RES/462 (1980), 801 (1993)), leaves ``adopted_on`` unknown.

Text before the header is dropped: the cover of the later UN documents, or the end of the
preceding document of the volume.
"""

import re

from ...symbols import parse_symbol
from ..document import Issue, ParsedResolution, ParseError
from ..shared.blocks import Block
from ..shared.dates import find_date
from ..shared.meetings import find_meeting

# Resolution 242 (1967) [of 22 November 1967] / RESOLUTION 770 (1992) / Resolution 290
_HEADER_RE = re.compile(
    r"^Resolution\s+(?P<number>\d{1,4})(?:\s*\((?P<year>[\d\s-]{4,6})\))?(?P<rest>.*)$", re.I
)
# 1 (1946) Resolution of 25 January 1946 / 100 (1953). Resolution of 27 October 1953
_EARLY_HEADER_RE = re.compile(
    r"^(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)\.?\s+Resolution\b(?P<rest>.*)$", re.I
)
# The cover of the later UN documents: "UNITED NATIONS", "S", "Distr.", "GENERAL", the symbol.
_COVER_RE = re.compile(
    r"^(?:UNITED NATIONS|S|Security Council(?:\s+Distr\.:? General)?|Distr\.:?(?: General)?|"
    r"GENERAL|United Nations\s+S/RES/\d+ \(\d{4}\)|S/RES/\d+ \(\d{4}\)|\d{1,2} [A-Z][a-z]+ \d{4})$"
)
# The closing sentence; "Adapted" is the OCR's reading of "Adopted" in a few closings.
CLOSING_RE = re.compile(r"^(?:Adopted|Adapted|Approved)\b(?!\s+by the Security Council)")


def header_match(line: str) -> re.Match | None:
    """The "Resolution 242 (1967)" or "1 (1946). Resolution of …" line, if ``line`` is one."""
    return _HEADER_RE.match(line) or _EARLY_HEADER_RE.match(line)


def find_header(blocks: list[Block]) -> tuple[int, int]:
    """(block index, line index) of the "Resolution 242 (1967)" line."""
    for index, block in enumerate(blocks):
        for offset, line in enumerate(block.lines):
            if header_match(line):
                return index, offset
    raise ParseError("no resolution header (such as 'Resolution 242 (1967)') found")


def parse_header(
    blocks: list[Block], start: tuple[int, int], language: str, source_format: str
) -> tuple[ParsedResolution, int]:
    """The resolution with its header metadata, and the index of the first block of the body."""
    index, offset = start
    before = [line for block in blocks[:index] for line in block.lines]
    before += blocks[index].lines[:offset]
    header_line = blocks[index].line + offset
    match = header_match(blocks[index].lines[offset])
    # The header runs to the opening formula or the first paragraph.
    header_lines = blocks[index].lines[offset:]
    body_start = index + 1
    while body_start < len(blocks) and _is_header_block(blocks[body_start]):
        header_lines += blocks[body_start].lines
        body_start += 1
    # The first paragraph may follow the header lines without a blank line (S/RES/30 (1947)):
    # it goes back to the body as a block of its own.
    for cut in range(1, len(header_lines)):
        if not _is_header_line(header_lines[cut]) and not _continues_header(header_lines, cut):
            block = next(b for b in reversed(blocks[:body_start]) if header_lines[cut] in b.lines)
            at = block.lines.index(header_lines[cut])
            blocks.insert(body_start, Block(block.line + at, block.lines[at:]))
            del block.lines[at:]
            header_lines = header_lines[:cut]
            break
    header_text = " ".join([match.group("rest"), *header_lines[1:]])
    adopted = find_date(header_text)
    if adopted is None and (printed := re.search(r"\((\d{4})\)", match.group(0))):
        # "of 14 October £964": the year is unreadable, the header's "(1966)" gives it.
        adopted = find_date(
            re.sub(r"(\d{1,2} [A-Z][a-z]+)\s+\S*", rf"\1 {printed[1]}", header_text)
        )
    year_digits = re.sub(r"\D", "", match.group("year") or "")
    year = int(year_digits) if len(year_digits) == 4 else None
    if adopted is not None and year != adopted.year:
        year = adopted.year  # a misread year in the header ("434 (1973)" of 18 September 1978)
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
        source_format=source_format,
        number=int(symbol.number),
        year=symbol.year,
        adopted_on=adopted,
        meeting_number=find_meeting(header_text),
    )
    resolution.draft_symbols = _draft_symbols(header_lines)
    prose = [line for line in before if line != title and not _COVER_RE.match(line)]
    # The end of the preceding document of the volume ("… Peace Accords for Angola.”") is not
    # this resolution's; a fragment that stops mid-sentence may be, and is reported.
    if prose and not re.search(r"[.”\"]\)?$", prose[-1]):
        resolution.issues.append(
            Issue(1, f"{len(prose)} lines of text before the resolution header were skipped")
        )
    # No date at all (S/RES/462 (1980)) or no day ("on January 1993", S/RES/801 (1993)): the
    # adoption date stays unknown, as in the source.
    return resolution, body_start


def header_markers(blocks: list[Block], start: tuple[int, int], body_start: int) -> list[str]:
    """Footnote markers after the header's date ("of 30 May 1992 54"): notes on the adoption."""
    text = " ".join(line for block in blocks[start[0] : body_start] for line in block.lines)
    return re.findall(r"\b\d{4}\s+(\d{1,3})\b", text)


def _is_header_block(block: Block) -> bool:
    return _is_header_line(block.lines[0])


def _continues_header(lines: list[str], index: int) -> bool:
    """A wrapped header line: "Adopted by the Security Council at its 3106th meeting," /
    "on 13 August 1992", or a draft symbol list "[S/4258 and" / "Add.1]"."""
    previous = lines[index - 1]
    return (
        previous.count("[") > previous.count("]")
        or previous.rstrip().endswith(",")
        and (bool(re.match(r"^(?:on|of)\b", lines[index], re.I)))
    )


def _is_header_line(first: str) -> bool:
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
            # The OCR reads S/ as 8/ or $/, and spaces "Corr. 1".
            line = re.sub(r"(?<![\w/])[8$§]/(?=\d)", "S/", line)
            line = re.sub(r"\b(Add|Corr|Rev)\. (\d)", r"\1.\2", line)
            for candidate in re.findall(r"S/\d+(?:/[A-Za-z.\d]+)*", line):
                symbol = parse_symbol(candidate)
                if symbol is not None:
                    drafts.append(symbol.canonical)
    return drafts
