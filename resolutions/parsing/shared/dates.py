"""Dates as the UN prints them: 2021 年 12 月 10 日, 10 December 2021, 1er décembre 2021.

Two readers, for two kinds of source:

* ``parse_date`` reads a line that is a date and nothing else, in Chinese, English, French or
  Spanish, as the UN's own files print it (the distribution date, the date under the closing
  meeting);
* ``find_date`` finds the first English date in a sentence of OCR text (``of 22 November
  1967``, ``on 13 August 1992``), forgiving the OCR's slips: ``Apri]``, ``Auqust``, ``1st``,
  ``£1966``.
"""

import difflib
import re
from datetime import date

# Month names in English, French and Spanish, in calendar order; English comes first.
_MONTH_NAMES = [
    ("january", "janvier", "enero"),
    ("february", "février", "fevrier", "febrero"),
    ("march", "mars", "marzo"),
    ("april", "avril", "abril"),
    ("may", "mai", "mayo"),
    ("june", "juin", "junio"),
    ("july", "juillet", "julio"),
    ("august", "août", "aout", "agosto"),
    ("september", "septembre", "septiembre", "setiembre"),
    ("october", "octobre", "octubre"),
    ("november", "novembre", "noviembre"),
    ("december", "décembre", "decembre", "diciembre"),
]
ENGLISH_MONTHS = [names[0] for names in _MONTH_NAMES]
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}

# Year, month and day of 2021 年 12 月 10 日; day, month name and year of 10 December 2021,
# 1er décembre 2021, 10 de diciembre de 2021.
CJK_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
LATIN_DATE = r"(\d{1,2})(?:er)?\s+(?:de\s+)?([^\W\d_]+)\s+(?:de\s+)?(\d{4})"
# A date in OCR text: "22nd Apri] 1967", "14 October £1966" (one stray character before the year).
_OCR_DATE_RE = re.compile(
    r"(?P<day>\d{1,2})[a-z]{0,2}\s+(?P<month>[A-Za-z\]]{3,10})\.?\s+\D?(?P<year>\d{4})"
)


def make_date(year: int | str, month: int | str, day: int | str) -> date | None:
    """The date, or None when there is no such day (31 February)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The date that ``text`` is, in any of the printed languages; None if it is not one."""
    text = text.strip()
    if match := re.fullmatch(CJK_DATE, text):
        return make_date(*match.groups())
    if match := re.fullmatch(LATIN_DATE, text):
        day, month, year = match.groups()
        if month.lower() in MONTHS:
            return make_date(year, MONTHS[month.lower()], day)
    return None


def find_date(text: str) -> date | None:
    """The first English date in OCR text, reading a misspelt month as the one it is closest to
    (``Auqust``); None if there is none."""
    for match in _OCR_DATE_RE.finditer(text):
        month = match.group("month").lower().replace("]", "l")
        close = difflib.get_close_matches(month, ENGLISH_MONTHS, n=1, cutoff=0.75)
        if close and (found := make_date(match["year"], MONTHS[close[0]], match["day"])):
            return found
    return None
