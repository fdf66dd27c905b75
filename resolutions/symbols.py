"""UN document symbols: parsing, validation and canonical spelling.

Every resolution and document of the United Nations is identified by a *symbol*, and
the archive uses that symbol as its single identifier (in the database and in URLs). This
module turns the many ways people write a symbol into one canonical spelling, and rejects
strings that only look like one.

General Assembly resolutions changed numbering scheme in 1976:

* Sessions I to XXX (1946-1975) numbered their resolutions consecutively across sessions,
  from 1 to a little over 3,500, and gave the session in roman numerals: ``217 A (III)``
  is resolution 217, part A, adopted at the third session. The part letter marks
  resolutions adopted together under one number. Canonical: ``A/RES/217A(III)``.
* From the thirty-first session (1976) the numbering restarts at 1 in every session and
  the session comes first, in arabic numerals: ``76/127`` is the 127th resolution of the
  seventy-sixth session. Canonical: ``A/RES/76/127``. Sessions run to three digits (the
  100th opens in 2045). Here too a part letter marks resolutions adopted together under one
  number, sometimes months apart: ``58/1 B`` is part B of resolution 58/1, a resolution of its
  own. Canonical, spelt as the early ones are: ``A/RES/58/1B``.
* Special sessions and emergency special sessions have their own session numbers, with
  the prefix ``S-`` or ``ES-``. Those held before 1976 took their resolution numbers from
  the consecutive series (``1874 (S-IV)``, ``2253 (ES-V)``; canonical ``A/RES/1874(S-IV)``),
  later ones number per session like regular ones: ``A/RES/S-27/2``, ``A/RES/ES-11/1``.

Security Council resolutions have been numbered consecutively since 1946 and are cited
with the year of adoption: ``S/RES/2286 (2016)``, usually shortened to ``2286 (2016)``.

Other documents (reports, draft resolutions, letters) have symbols made of slash-separated
components: a series prefix naming the organ (``A/`` General Assembly, ``S/`` Security
Council, ``E/`` Economic and Social Council), subsidiary bodies (``C.3``, ``CN.4``), a
session or year, a type (``L.`` limited distribution, usually a draft), a number, and
suffixes for an addendum, revision or corrigendum: ``A/C.3/76/L.5/Rev.1``. They are kept as
written, only tidied.

Short forms such as ``76/127`` or ``2286 (2016)`` are also what page numbers, dates and
treaty references look like, so each form is checked against the ranges the UN actually
uses (see the limits below) before it is accepted.
"""

import re
import unicodedata
from dataclasses import dataclass

RESOLUTION = "resolution"
DOCUMENT = "document"

GENERAL_ASSEMBLY = "GA"
SECURITY_COUNCIL = "SC"
ECONOMIC_AND_SOCIAL_COUNCIL = "ECOSOC"
OTHER_BODY = "OTHER"

# Sessional numbering began with the thirty-first session. The upper bounds are generous (the
# 100th session opens in 2045; no session has adopted 1,000 resolutions) but keep page numbers
# ("2/13") and dates ("12/10") out. Whether a session has opened yet is a matter of the date.
FIRST_SESSIONAL_SESSION = 31
LAST_PLAUSIBLE_SESSION = 999
MAX_SESSIONAL_NUMBER = 999
LAST_ROMAN_SESSION = FIRST_SESSIONAL_SESSION - 1
# The seventh special session (1975) and the fifth emergency special session (1967) were the
# last to use the consecutive series; S-8 and ES-6 onwards are numbered per session.
LAST_ROMAN_SPECIAL_SESSION = {"S": 7, "ES": 5}
LAST_SPECIAL_SESSION = {"S": 40, "ES": 20}
MAX_EARLY_NUMBER = 3600
SECURITY_COUNCIL_YEARS = range(1946, 2100)
MAX_SECURITY_COUNCIL_NUMBER = 9999

# Resolution numbers only ever grow, so one well-known resolution per era bounds the date
# of every other: a number above an anchor cannot predate it, one below cannot follow it.
# This rejects "24 (2016)" or "3314 (II)" without a table of every resolution.
SECURITY_COUNCIL_ANCHORS = (
    (82, 1950),
    (242, 1967),
    (338, 1973),
    (598, 1987),
    (678, 1990),
    (827, 1993),
    (1244, 1999),
    (1325, 2000),
    (1540, 2004),
    (1973, 2011),
    (2231, 2015),
    (2532, 2020),
    (2720, 2023),
)
EARLY_GENERAL_ASSEMBLY_ANCHORS = (
    (22, 1),
    (181, 2),
    (217, 3),
    (377, 5),
    (1514, 15),
    (2200, 21),
    (2625, 25),
    (3314, 29),
)

# Series prefixes accepted for document symbols: the principal organs, the Secretariat and
# a few common series. Requiring one keeps fractions and dates from passing as documents.
DOCUMENT_SERIES_BODIES = {
    "A": GENERAL_ASSEMBLY,
    "S": SECURITY_COUNCIL,
    "E": ECONOMIC_AND_SOCIAL_COUNCIL,
    "T": OTHER_BODY,
    "ST": OTHER_BODY,
    "DP": OTHER_BODY,
    "TD": OTHER_BODY,
    "UNEP": OTHER_BODY,
    "CCPR": OTHER_BODY,
    "CEDAW": OTHER_BODY,
    "CERD": OTHER_BODY,
    "CRC": OTHER_BODY,
}
# Suffix components the UN spells with a capital and lower case ("Add.1", not "ADD.1").
TITLE_CASE_COMPONENTS = {"add", "amend", "corr", "rev", "sub"}

# Patterns for *locating* symbols in running text. They describe the written shape only
# (no groups, optional whitespace where the UN puts a space or a line may break); every
# hit must still be confirmed with parse_symbol.
# A part letter after a sessional number ("58/1 B") is one capital followed by punctuation, the
# end, a citation's next word or a Chinese one: "resolution 58/1 A new …" keeps its article out.
PART_LETTER_SHAPE = (
    r"[A-Z](?![0-9A-Za-z/(-])(?=\s*(?:[,;.:)\]”\"，、；。）号和及与或،]|$|(?:of|and|or|et|ou|du|section"
    r"|entitled|intitulée?s?|adopted|on|in|which|after|paras?|paragraphs?"
    r"|y|e|o|u|de|del|и|или|от|Генеральной|[СC]овета|المؤرخ)\b))"
)
SESSIONAL_SHAPE = rf"(?:E?S-)?[0-9]{{1,3}}/[0-9]{{1,3}}(?:\s?{PART_LETTER_SHAPE})?"
EARLY_SHAPE = r"[0-9]{1,4}\s*(?:[A-Z]\s*)?\(\s*(?:E?S-)?[IVX]{1,6}\s*\)"
SECURITY_COUNCIL_SHAPE = r"[0-9]{1,4}\s*\(\s*[0-9]{4}\s*\)"
# Older texts put a space in "Add. 1"; it is dropped in the canonical form.
_COMPONENT_SHAPE = r"(?:E?S-[0-9]+|[0-9]+|[A-Za-z]+(?:\. ?[0-9]+)*)"
DOCUMENT_SHAPE = (
    rf"(?:{'|'.join(DOCUMENT_SERIES_BODIES)})"
    rf"(?:/{_COMPONENT_SHAPE})+(?<=[0-9])"
)
SHORT_RESOLUTION_SHAPE = rf"(?:{SECURITY_COUNCIL_SHAPE}|{EARLY_SHAPE}|{SESSIONAL_SHAPE})"
FULL_SYMBOL_SHAPE = (
    rf"(?:A/RES/(?:{EARLY_SHAPE}|{SESSIONAL_SHAPE})"
    rf"|S/RES/{SECURITY_COUNCIL_SHAPE}"
    rf"|{DOCUMENT_SHAPE})"
)
# A resolution's canonical symbol as the archive's URLs write it, the space of a Council symbol
# dropped: A/RES/76/127, A/RES/58/1B, A/RES/ES-11/1, A/RES/217A(III), S/RES/2286(2016). Other
# spellings are redirected to it (see split_symbol_path).
URL_SYMBOL_SHAPE = (
    r"A/RES/(?:(?:ES-|S-)?[1-9]\d*/[1-9]\d*[A-Z]?|[1-9]\d*[A-Z]?\((?:E?S-)?[IVXL]+\))"
    r"|S/RES/[1-9]\d*\(\d{4}\)"
)
# At most a language and a paragraph follow a resolution's symbol in a URL path.
MAX_PARTS_AFTER_SYMBOL = 2


@dataclass(frozen=True)
class Symbol:
    """A validated UN symbol; ``canonical`` is its one spelling used as identifier.

    For documents only ``canonical``, ``kind`` and ``body`` are set.
    """

    canonical: str
    kind: str
    body: str
    session: int | None
    number: str | None
    year: int | None
    part: str | None = None
    special: str | None = None

    @property
    def is_resolution(self) -> bool:
        return self.kind == RESOLUTION

    @property
    def short(self) -> str:
        """The form used when citing in running text: "76/127", "58/1 B", "2286 (2016)"."""
        if not self.is_resolution:
            return self.canonical
        if self.body == SECURITY_COUNCIL:
            return f"{self.number} ({self.year})"
        session = _session_label(self.session, self.special, self._in_consecutive_series)
        part = f" {self.part}" if self.part else ""
        if self._in_consecutive_series:
            return f"{self.number}{part} ({session})"
        return f"{session}/{self.number}{part}"

    @property
    def _in_consecutive_series(self) -> bool:
        """Whether this General Assembly resolution predates per-session numbering."""
        if self.special:
            return self.session <= LAST_ROMAN_SPECIAL_SESSION[self.special]
        return self.session <= LAST_ROMAN_SESSION


def roman_numeral(value: int) -> str:
    """Roman numerals as the UN writes session numbers (only I to XXX are ever needed)."""
    numeral = []
    for letters, worth in (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1)):
        count, value = divmod(value, worth)
        numeral.append(letters * count)
    return "".join(numeral)


def _session_label(session: int, special: str | None, roman: bool) -> str:
    """The session as written in a symbol: "76", "III", "ES-11", "S-IV"."""
    label = roman_numeral(session) if roman else str(session)
    return f"{special}-{label}" if special else label


# Looking a numeral up, rather than converting it, also rejects malformed ones ("IIII").
_ROMAN_SESSIONS = {roman_numeral(s): s for s in range(1, LAST_ROMAN_SESSION + 1)}

_CITATION_WORDS = re.compile(
    r"(?:(?:general\s+assembly|security\s+council)\s+)?r[ée]solution\s+(?P<symbol>.+)"
    r"|第\s*(?P<zh_symbol>.+?)\s*号\s*决议",
    re.IGNORECASE,
)
# A space survives only between two digits, where removing it would merge numbers ("1 458").
_REMOVABLE_SPACE = re.compile(r"(?<![0-9]) | (?![0-9])")

_SESSIONAL = re.compile(
    r"(?:A/RES/)?(?:(?P<special>E?S)-)?(?P<session>[0-9]+)/(?P<number>[0-9]+)(?P<part>[A-Z])?",
    re.IGNORECASE,
)
_EARLY = re.compile(
    r"(?:A/RES/)?(?P<number>[0-9]+)(?P<part>[A-Z])?\((?:(?P<special>E?S)-)?(?P<roman>[IVX]+)\)",
    re.IGNORECASE,
)
_SECURITY_COUNCIL = re.compile(
    r"(?:S/RES/)?(?P<number>[0-9]+)\((?P<year>[0-9]{4})\)", re.IGNORECASE
)
_DOCUMENT = re.compile(DOCUMENT_SHAPE, re.IGNORECASE)


def parse_symbol(text: str) -> Symbol | None:
    """One symbol given alone, in any common spelling (what a user types in a search box,
    or a URL path segment): "A/RES/76/127", "a/res/76/127", "A/RES/76/127/", "76/127",
    "第 76/127 号决议", "resolution 2286 (2016)", "S/RES/2286(2016)", "22 A (I)",
    "A/RES/ES-11/1", "A/76/L.26/Add.1". Returns None for anything that is not a valid symbol.
    """
    candidate = _strip_citation_words(unicodedata.normalize("NFKC", text).strip())
    candidate = _REMOVABLE_SPACE.sub("", " ".join(candidate.split())).strip("/")
    for parse in (_parse_sessional, _parse_early, _parse_security_council, _parse_document):
        symbol = parse(candidate)
        if symbol is not None:
            return symbol
    return None


def split_symbol_path(path: str) -> tuple[Symbol, list[str]] | None:
    """A resolution's symbol at the start of a URL path, in any spelling, and the parts that
    follow it: "a/res/76/127/en/" -> (A/RES/76/127, ["en"]), "S/RES/2286 (2016)/" ->
    (S/RES/2286 (2016), []). The longest start that is a resolution's symbol wins; None when
    no start of the path is one.
    """
    parts = path.strip("/").split("/")
    # Only the last cuts can leave few enough parts after the symbol, and trying every cut of
    # a long path would cost its length squared.
    for cut in range(len(parts), max(len(parts) - MAX_PARTS_AFTER_SYMBOL - 1, 0), -1):
        symbol = parse_symbol("/".join(parts[:cut]))
        if symbol is not None and symbol.is_resolution:
            return symbol, parts[cut:]
    return None


def canonical_symbol(text: str) -> str | None:
    """The canonical spelling of ``text``, or None when it is not a valid symbol."""
    symbol = parse_symbol(text)
    return symbol.canonical if symbol else None


def _strip_citation_words(text: str) -> str:
    """Drop the words around a symbol: "resolution 76/127", "第 76/127 号决议" -> "76/127"."""
    match = _CITATION_WORDS.fullmatch(text)
    if match is None:
        return text
    return match["symbol"] or match["zh_symbol"]


def _resolution_number(digits: str) -> int | None:
    """Resolution numbers are never written with a leading zero; "05/12" is a date."""
    return None if digits.startswith("0") else int(digits)


def _fits_chronology(number: int, period: int, anchors: tuple[tuple[int, int], ...]) -> bool:
    """Whether resolution ``number`` can date from ``period`` (a year or session)."""
    return all(
        (number <= anchor or period >= anchor_period)
        and (number >= anchor or period <= anchor_period)
        for anchor, anchor_period in anchors
    )


def _parse_sessional(candidate: str) -> Symbol | None:
    match = _SESSIONAL.fullmatch(candidate)
    if match is None:
        return None
    special = match["special"].upper() if match["special"] else None
    session = _resolution_number(match["session"])
    number = _resolution_number(match["number"])
    if session is None or number is None or not 1 <= number <= MAX_SESSIONAL_NUMBER:
        return None
    if special:
        first, last = LAST_ROMAN_SPECIAL_SESSION[special] + 1, LAST_SPECIAL_SESSION[special]
    else:
        first, last = FIRST_SESSIONAL_SESSION, LAST_PLAUSIBLE_SESSION
    if not first <= session <= last:
        return None
    part = match["part"].upper() if match["part"] else None
    label = _session_label(session, special, roman=False)
    return Symbol(
        canonical=f"A/RES/{label}/{number}{part or ''}",
        kind=RESOLUTION,
        body=GENERAL_ASSEMBLY,
        session=session,
        number=str(number),
        year=None,
        part=part,
        special=special,
    )


def _parse_early(candidate: str) -> Symbol | None:
    match = _EARLY.fullmatch(candidate)
    if match is None:
        return None
    special = match["special"].upper() if match["special"] else None
    number = _resolution_number(match["number"])
    session = _ROMAN_SESSIONS.get(match["roman"].upper())
    if number is None or session is None or not 1 <= number <= MAX_EARLY_NUMBER:
        return None
    if special:
        plausible = session <= LAST_ROMAN_SPECIAL_SESSION[special]
    else:
        # The anchors are regular-session resolutions; special sessions interleave with them.
        plausible = _fits_chronology(number, session, EARLY_GENERAL_ASSEMBLY_ANCHORS)
    if not plausible:
        return None
    part = match["part"].upper() if match["part"] else None
    label = _session_label(session, special, roman=True)
    return Symbol(
        canonical=f"A/RES/{number}{part or ''}({label})",
        kind=RESOLUTION,
        body=GENERAL_ASSEMBLY,
        session=session,
        number=str(number),
        year=None,
        part=part,
        special=special,
    )


def _parse_security_council(candidate: str) -> Symbol | None:
    match = _SECURITY_COUNCIL.fullmatch(candidate)
    if match is None:
        return None
    number = _resolution_number(match["number"])
    year = int(match["year"])
    if number is None or not 1 <= number <= MAX_SECURITY_COUNCIL_NUMBER:
        return None
    if year not in SECURITY_COUNCIL_YEARS:
        return None
    if not _fits_chronology(number, year, SECURITY_COUNCIL_ANCHORS):
        return None
    return Symbol(
        canonical=f"S/RES/{number} ({year})",
        kind=RESOLUTION,
        body=SECURITY_COUNCIL,
        session=None,
        number=str(number),
        year=year,
    )


def _parse_document(candidate: str) -> Symbol | None:
    if _DOCUMENT.fullmatch(candidate) is None:
        return None
    series, *components = candidate.split("/")
    series = series.upper()
    # A/RES/… and S/RES/… are resolutions; one that failed their checks is no document.
    if series in ("A", "S") and components[0].upper() == "RES":
        return None
    # Before the session or year entered symbols (1976 for the General Assembly, 1994 for
    # the Security Council) a serial number followed the prefix: "S/18202", "A/810". Short
    # ones are more likely something else ("A/4"), so a lone number needs three digits.
    if len(components) == 1 and not re.fullmatch(r"[0-9]{3,}", components[0]):
        return None
    return Symbol(
        canonical="/".join([series, *map(_canonical_component, components)]),
        kind=DOCUMENT,
        body=DOCUMENT_SERIES_BODIES[series],
        session=None,
        number=None,
        year=None,
    )


def _canonical_component(component: str) -> str:
    """Capitalise as the UN does: series letters upper case ("L.26"), suffixes not ("Add.1")."""
    letters, dot, rest = component.partition(".")
    if letters.lower() in TITLE_CASE_COMPONENTS:
        return letters.capitalize() + dot + rest
    return component.upper()
