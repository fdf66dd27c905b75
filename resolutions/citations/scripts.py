"""How the Arabic and Russian texts write a resolution's symbol, and the Latin form it stands for.

* Russian texts may type a part letter in Cyrillic: резолюция 217 А (III), with the Cyrillic
  capital А that looks like the Latin A.
* Arabic texts name a part letter (217 ألف: part A; باء B; جيم C; …, in the order of the Latin
  alphabet), write an early session as دورة (session) and its number: (د-3) for (III), and may
  use Arabic-Indic digits (٢١٧). A symbol itself (76/127, 2286 (2016)) reads left to right.

``fold`` maps the digits and look-alike capitals one character for one, so that offsets in the
folded text are offsets in the original; ``latin_short`` and ``arabic_short`` go between the
Arabic and the Latin short forms.
"""

import re

from ..symbols import Symbol, roman_numeral

# The Latin letters as Arabic UN texts name them, in the order of the Latin alphabet.
ARABIC_PART_LETTERS = {
    "ألف": "A",
    "باء": "B",
    "جيم": "C",
    "دال": "D",
    "هاء": "E",
    "واو": "F",
    "زاي": "G",
    "حاء": "H",
    "طاء": "I",
    "ياء": "J",
    "كاف": "K",
    "لام": "L",
}
ARABIC_LETTER_NAMES = {latin: name for name, latin in ARABIC_PART_LETTERS.items()}
ARABIC_PART_SHAPE = "|".join(ARABIC_PART_LETTERS)
# (د-3): the third regular session; the consecutive numbering ran to the thirtieth.
ARABIC_SESSION_SHAPE = r"\(\s*د\s*-\s*[0-9]{1,2}\s*\)"
_ARABIC_SESSION = re.compile(r"\(\s*د\s*-\s*(?P<session>[0-9]{1,2})\s*\)")
LAST_ARABIC_SESSION = 30

# Arabic-Indic (U+0660-0669) and extended Arabic-Indic (U+06F0-06F9) digits, and the Cyrillic
# capitals a part letter may be typed with.
_FOLD = (
    {0x0660 + d: ord("0") + d for d in range(10)}
    | {0x06F0 + d: ord("0") + d for d in range(10)}
    | {ord(cyrillic): ord(latin) for cyrillic, latin in zip("АВСЕ", "ABCE", strict=True)}
)


def fold(text: str) -> str:
    """``text`` with Arabic-Indic digits and Cyrillic look-alike capitals in ASCII, one
    character for one."""
    return text.translate(_FOLD)


def latin_short(number: str, part: str | None, session: str | None) -> str | None:
    """The Latin short form of an Arabic one: "217 A (III)" from 217, ألف and (د-3); the
    number alone (76/127, 2286 (2016)) when there is no session; None for a session no
    consecutive number belongs to."""
    letter = f" {ARABIC_PART_LETTERS[part]}" if part else ""
    if session is None:
        return f"{number}{letter}"
    found = _ARABIC_SESSION.fullmatch(session)
    value = int(found["session"]) if found else 0
    if not 1 <= value <= LAST_ARABIC_SESSION:
        return None
    return f"{number}{letter} ({roman_numeral(value)})"


_ARABIC_ITEM = re.compile(
    rf"(?P<number>[0-9]{{1,4}}(?:/[0-9]{{1,3}})?)"
    rf"(?:\s*(?P<part>{ARABIC_PART_SHAPE})(?![\u0621-\u064a]))?"
    rf"(?:\s*(?P<session>{ARABIC_SESSION_SHAPE}))?"
)


def latin_symbols(text: str) -> str:
    """``text`` (folded) with each Arabic short form written the Latin way: "القرار 217 ألف
    (د-3)" becomes "القرار 217 A (III)"; spans are not kept."""

    def latin(match: re.Match[str]) -> str:
        if not (match["part"] or match["session"]):
            return match[0]
        return latin_short(match["number"], match["part"], match["session"]) or match[0]

    return _ARABIC_ITEM.sub(latin, text)


def arabic_short(symbol: Symbol) -> str:
    """A resolution's short form as Arabic texts write it: 217 ألف (د-3), 58/1 باء,
    2286 (2016), 76/127; a special session's early resolutions keep the Latin form."""
    short = symbol.short
    if symbol.special or not symbol.part and "(" not in short or symbol.year:
        return short
    letter = f" {ARABIC_LETTER_NAMES.get(symbol.part, symbol.part)}" if symbol.part else ""
    if "/" in short:
        return f"{short.rsplit(' ', 1)[0] if symbol.part else short}{letter}"
    return f"{symbol.number}{letter} (د-{symbol.session})"
