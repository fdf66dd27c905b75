"""The header facts of texts whose files carry none (the HTML layout), from a metadata file.

A UN text published as HTML gives its title and text but not the resolution's header: symbol,
adoption date, meeting, vote. Those come from a small JSON file written from the record (the
Official Records, the UN's voting record), which names the source files it applies to::

    {
      "symbol": "A/RES/217 A (III)",
      "files": ["A_RES_217A_III.zh.html", "A_RES_217A_III.en.html", …],
      "adopted_on": "1948-12-10",
      "meeting": {"number": 183, "kind": "plenary"},
      "session": 3,
      "vote": {"in_favour": 48, "against": 0, "abstaining": 8},
      "preamble": {"ar": [1, 2, 3, 5, 6, 7, 9, 10, 11], …},
      "source": "where the facts were read"
    }

``session`` is optional and, when given, must agree with the symbol; ``vote`` has the shape the
parsers give (see ``crunsc.vote``); ``source`` is for the reader of the file. ``preamble`` says,
for a language whose text lacks, merges or splits a preambular paragraph, the number each of its
preambular paragraphs has in the fullest text: the versions' paragraphs then share an eid exactly
where they say the same thing, and the alignment check names the paragraphs a text lacks.
Nothing is guessed: a field that is missing stays empty, a field that is wrong is refused with
the reason.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...languages import LANGUAGES
from ...symbols import Symbol, parse_symbol
from ..document import ParsedResolution, ParseError

_FIELDS = {"symbol", "files", "adopted_on", "meeting", "session", "vote", "preamble", "source"}
_VOTE_COUNTS = {"in_favour", "against", "abstaining", "not_participating", "absent"}
_VOTE_FLAGS = {"unanimous", "without_vote", "consensus", "in_parts"}
_MEETING_KINDS = {"plenary", "committee", "council"}


# The archive's own record of the header facts of texts published without them: read by every
# import, beside any file given with --metadata.
ARCHIVE_METADATA = Path(__file__).resolve().parents[2] / "metadata"


def archive_metadata_files() -> list[Path]:
    return sorted(ARCHIVE_METADATA.glob("*.json"))


class MetadataError(Exception):
    """A metadata file that cannot be read, or says something impossible; names the file."""


@dataclass(frozen=True)
class Metadata:
    """The header facts of one resolution and the source files (by name) that give its text."""

    path: str
    symbol: Symbol
    files: frozenset[str]
    adopted_on: date | None = None
    meeting_number: int | None = None
    vote: dict | None = None
    # Language → the number of each of its preambular paragraphs in the fullest text.
    preamble: dict[str, tuple[int, ...]] = field(default_factory=dict)


def load_metadata(path: Path) -> Metadata:
    """The metadata file at ``path``; raises MetadataError saying what is wrong with it."""

    def wrong(reason: str) -> MetadataError:
        return MetadataError(f"{path}: {reason}")

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise wrong(error.strerror or str(error)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise wrong(f"not a JSON file ({error})") from None
    if not isinstance(data, dict):
        raise wrong("a metadata file is a JSON object")
    if unknown := set(data) - _FIELDS:
        raise wrong(f"unknown field(s) {', '.join(sorted(unknown))}")
    symbol = parse_symbol(str(data.get("symbol", "")))
    if symbol is None or symbol.kind != "resolution":
        raise wrong(f"{data.get('symbol')!r} is not a resolution symbol")
    files = data.get("files")
    if not files or not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise wrong('"files" lists the names of the source files it applies to')
    if data.get("session") is not None and data["session"] != symbol.session:
        raise wrong(
            f"session {data['session']} but {symbol.canonical} is of session {symbol.session}"
        )
    return Metadata(
        path=str(path),
        symbol=symbol,
        files=frozenset(files),
        adopted_on=_date(data.get("adopted_on"), wrong),
        meeting_number=_meeting(data.get("meeting"), wrong),
        vote=_vote(data.get("vote"), wrong),
        preamble=_preamble(data.get("preamble"), wrong),
    )


def _date(value, wrong) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise wrong(f'"adopted_on" is {value!r}, not a date written 1948-12-10') from None


def _meeting(value, wrong) -> int | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("number"), int):
        raise wrong('"meeting" is {"number": 183, "kind": "plenary"}')
    if value["number"] < 1 or value.get("kind", "plenary") not in _MEETING_KINDS:
        raise wrong(f'"meeting" {value} has no such number or kind')
    return value["number"]


def _vote(value, wrong) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not value:
        raise wrong('"vote" is {"in_favour": 48, "against": 0, "abstaining": 8} or the like')
    for key, count in value.items():
        if key in _VOTE_COUNTS:
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise wrong(f'vote "{key}" is {count!r}, not a count')
        elif key in _VOTE_FLAGS:
            if count is not True:
                raise wrong(f'vote "{key}" is said only when true')
        elif not (key.endswith("_members") and isinstance(count, list)):
            raise wrong(f'"{key}" is not part of a vote')
    return value


def _preamble(value, wrong) -> dict[str, tuple[int, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise wrong('"preamble" is {"ar": [1, 2, 3, 5, …]}: numbers by language')
    numbers = {}
    for language, listed in value.items():
        if language not in LANGUAGES:
            raise wrong(f'"preamble" names {language!r}, not one of {", ".join(LANGUAGES)}')
        if (
            not isinstance(listed, list)
            or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in listed)
            or listed != sorted(set(listed))
        ):
            raise wrong(f'"preamble" of {language} is not a list of rising numbers: {listed!r}')
        numbers[language] = tuple(listed)
    return numbers


def metadata_by_file(metadata: list[Metadata]) -> dict[str, Metadata]:
    """Each source file name and the metadata that names it; raises MetadataError when two
    files name the same source file."""
    found: dict[str, Metadata] = {}
    for item in metadata:
        for name in item.files:
            if name in found and found[name].symbol != item.symbol:
                raise MetadataError(
                    f"{item.path}: {name} is named here as {item.symbol.canonical} and in "
                    f"{found[name].path} as {found[name].symbol.canonical}"
                )
            found[name] = item
    return found


def apply_metadata(resolution: ParsedResolution, metadata: Metadata) -> None:
    """Give ``resolution`` the header facts of ``metadata``; the title stays the file's own."""
    symbol = metadata.symbol
    resolution.symbol = symbol.canonical
    resolution.body = symbol.body
    resolution.session = symbol.session
    resolution.special_session = symbol.special or ""
    resolution.number = int(symbol.number)
    resolution.part = symbol.part or ""
    resolution.year = symbol.year
    resolution.adopted_on = metadata.adopted_on
    resolution.meeting_number = metadata.meeting_number
    resolution.vote = dict(metadata.vote) if metadata.vote is not None else None
    if numbers := metadata.preamble.get(resolution.language):
        _number_preamble(resolution, numbers, metadata.path)


def _number_preamble(resolution: ParsedResolution, numbers: tuple[int, ...], path: str) -> None:
    """The preambular paragraphs numbered as the metadata says (``preamble_N``)."""
    preambular = [p for p in resolution.paragraphs if p.eid.startswith("preamble_")]
    if len(preambular) != len(numbers):
        raise ParseError(
            f"{path} numbers {len(numbers)} preambular paragraphs in {resolution.language}; "
            f"the text has {len(preambular)}",
            preambular[0].line if preambular else 1,
        )
    for paragraph, number in zip(preambular, numbers, strict=True):
        paragraph.eid = f"preamble_{number}"
