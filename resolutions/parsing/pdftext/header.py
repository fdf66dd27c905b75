"""The printed header of a UN resolution in pdftotext output.

General Assembly::

    A/RES/76/127                                   ← symbol (repeated on every page)
    United Nations / General Assembly              ← masthead
    Distr.: General / 17 December 2021             ← distribution
    Seventy-sixth session / Agenda item 75 (a)     ← session, agenda item(s) and their title
    Resolution adopted by the General Assembly     ← adoption, the date on either line
    on 10 December 2021
    [without reference to a Main Committee (A/76/L.26 and A/76/L.26/Add.1)]
    76/127.                                        ← number, then the title
    Safety and security of humanitarian personnel …
    The General Assembly,                          ← opening formula: the header ends here

Security Council::

    S/RES/2286 (2016) / United Nations / Security Council / Distr.: General / 3 May 2016
    Resolution 2286 (2016)
    Adopted by the Security Council at its 7685th meeting, on
    3 May 2016
    The Security Council,
"""

import re

from ...symbols import parse_symbol
from ..document import Issue, ParsedResolution, ParseError
from ..shared.dates import parse_date
from ..shared.header import body_of, parse_adoption, parse_adoption_note, parse_session
from .furniture import FURNITURE_RE, Line

FORMAT = "pdftext"

OPENING_RE = re.compile(r"^The (?:General Assembly|Security Council)\s*,?$")
_NUMBER_LINE_RE = re.compile(
    r"^(?P<number>(?:E?S-\d+/\d+)|\d+/\d+(?: [A-Z])?)\.(?:\s+(?P<rest>.*))?$"
)
_SC_ADOPTION_RE = re.compile(
    r"^Adopted by the Security Council at its (?P<meeting>\d+)(?:st|nd|rd|th) meeting,?"
    r"\s+on\s+(?P<date>.+)$"
)
_AGENDA_RE = re.compile(r"^Agenda items?\s+(.+)$")
# 75 (a), 100 (ii): the sub-item letter or roman numeral is kept as the Chinese prints it, 75(a).
_AGENDA_ITEM_RE = re.compile(r"(\d+)(?:\s*\(([a-z]{1,4})\))?")


def header_end(lines: list[Line]) -> int:
    """Index of the opening formula (The General Assembly,) among the first page's lines."""
    for index, line in enumerate(lines):
        if OPENING_RE.match(line.text):
            return index
    raise ParseError("no opening formula ('The General Assembly,' or 'The Security Council,')")


def parse_header(lines: list[Line], language: str) -> ParsedResolution:
    """The resolution with its header metadata, from the lines before the opening formula."""
    lines = [line for line in lines if line.text and not FURNITURE_RE.match(line.text)]
    if not lines:
        raise ParseError("the file is empty")
    symbol = parse_symbol(lines[0].text)
    if symbol is None or not symbol.is_resolution:
        raise ParseError(f"the first line is not a resolution symbol: {lines[0].text!r}", 1)
    resolution = ParsedResolution(
        symbol=symbol.canonical,
        body=symbol.body,
        language=language,
        title="",
        source_format=FORMAT,
        session=symbol.session,
        special_session=symbol.special or "",
        number=int(symbol.number),
        part=symbol.part or "",
        year=symbol.year,
    )
    if symbol.body == "SC":
        _read_council_header(resolution, lines[1:])
        resolution.title = resolution.title or f"Resolution {symbol.short}"
    else:
        _read_assembly_header(resolution, lines[1:])
    return resolution


def _read_council_header(resolution: ParsedResolution, lines: list[Line]) -> None:
    text = " ".join(line.text for line in lines)
    adoption = _SC_ADOPTION_RE.search(
        text[text.find("Adopted by") :] if "Adopted by" in text else ""
    )
    if adoption:
        resolution.meeting_number = int(adoption.group("meeting"))
        resolution.adopted_on = parse_date(adoption.group("date"))
        resolution.adoption_note = re.sub(r"\s+", " ", adoption.group(0))
    else:
        resolution.issues.append(Issue(0, "no 'Adopted by the Security Council …' line"))
    expecting_date = False
    for line in lines:
        if line.text.startswith("Distr."):
            expecting_date = True
        elif expecting_date and (distributed := parse_date(line.text)):
            resolution.distributed_on = distributed
            expecting_date = False


def _read_assembly_header(resolution: ParsedResolution, lines: list[Line]) -> None:
    expecting_date = False
    agenda_title: list[str] = []
    in_agenda_title = False
    position = 0
    while position < len(lines):
        line = lines[position]
        text = line.text
        position += 1
        if expecting_date and (distributed := parse_date(text)):
            resolution.distributed_on = distributed
            expecting_date = False
        elif (body_of(text) or text == "United Nations") and not in_agenda_title:
            continue  # the masthead; inside an agenda title these words are the title's
        elif text.startswith("Distr."):
            expecting_date = True
        elif session := parse_session(text):
            if session != (resolution.session, resolution.special_session):
                resolution.issues.append(
                    Issue(line.number, f"the header's session differs from {resolution.symbol}")
                )
        elif match := _AGENDA_RE.match(text):
            resolution.agenda_items = [
                number + (f"({letter})" if letter else "")
                for number, letter in _AGENDA_ITEM_RE.findall(match.group(1))
            ]
            in_agenda_title = True
        elif text.startswith("Resolution adopted by"):
            in_agenda_title = False
            adoption = text
            if not re.search(r"\d{4}$", adoption) and position < len(lines):
                adoption = f"{adoption} {lines[position].text}"
                position += 1
            parsed = parse_adoption(re.sub(r"\s+", " ", adoption))
            if parsed is None:
                raise ParseError(f"unreadable adoption line: {adoption!r}", line.number)
            resolution.adopted_on = parsed[1]
        elif text.startswith("["):
            note = text
            while not note.endswith("]") and position < len(lines):
                note = f"{note} {lines[position].text}"
                position += 1
            resolution.adoption_note, resolution.draft_symbols = parse_adoption_note(note)
        elif match := _NUMBER_LINE_RE.match(text):
            title = [match.group("rest")] if match.group("rest") else []
            title += [rest.text for rest in lines[position:]]
            resolution.title = " ".join(title)
            return
        elif in_agenda_title:
            agenda_title.append(text)
        else:
            raise ParseError(f"unrecognised header line: {text[:60]!r}", line.number)
        resolution.agenda_title = " ".join(agenda_title)
    raise ParseError("no resolution number and title (such as '76/127.') in the header")
