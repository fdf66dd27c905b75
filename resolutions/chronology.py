"""When a resolution can first exist: a symbol whose session or year lies ahead is no resolution
the archive is missing but one nobody has adopted yet.

The General Assembly opens its regular session every September, the Nth in 1945 + N (the 76th
in 2021, the 100th in 2045), and no resolution of a session predates its opening. The Security
Council's symbols carry their year. Special and emergency special sessions meet when called, and
the early symbols are all in the past, so neither is ever ahead.
"""

from dataclasses import dataclass
from datetime import date

from .symbols import GENERAL_ASSEMBLY, SECURITY_COUNCIL, Symbol

FIRST_SESSION_YEAR = 1945
SESSION_OPENING_MONTH = 9


@dataclass(frozen=True)
class Opening:
    """The session or year a symbol belongs to, still ahead."""

    year: int
    session: int | None = None  # None for a Council year

    @property
    def english(self) -> str:
        """the 99th session opens in 2044 · the year 2031 has not begun"""
        if self.session is None:
            return f"the year {self.year} has not begun"
        return f"the {ordinal(self.session)} session opens in {self.year}"

    @property
    def chinese(self) -> str:
        """第 99 届会议于 2044 年开幕 · 2031 年尚未到来"""
        if self.session is None:
            return f"{self.year} 年尚未到来"
        return f"第 {self.session} 届会议于 {self.year} 年开幕"


def session_opening_year(session: int) -> int:
    """The year the Assembly's regular session ``session`` opens: 2021 for the 76th."""
    return FIRST_SESSION_YEAR + session


def opens_in(symbol: Symbol, today: date) -> Opening | None:
    """The session or year of ``symbol`` when it has not begun by ``today``, else None."""
    if symbol.body == SECURITY_COUNCIL and symbol.year and symbol.year > today.year:
        return Opening(symbol.year)
    if symbol.body == GENERAL_ASSEMBLY and symbol.session and not symbol.special:
        year = session_opening_year(symbol.session)
        if date(year, SESSION_OPENING_MONTH, 1) > today:
            return Opening(year, symbol.session)
    return None


def ordinal(number: int) -> str:
    """99th, 100th, 101st, 102nd, 111th."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"
