"""The period facet in the order of time: Assembly sessions and Council years from the earliest.

A Council year (``SC 2016``) begins in January of that year. A regular Assembly session
(``GA 76``) opens in September of the year 1945 + its number (the first opened in January 1946).
A special or emergency special session (``GA S-27``, ``GA ES-11``) has no such rule: it stands
where the earliest adoption date the archive holds for it puts it, and last when none is known.
"""

from django.db.models import Min

from resolutions.bodies import parse_session_key
from resolutions.models import Resolution

FIRST_SESSION_OPENED = (1946, 1)
UNKNOWN = (9999, 12)


def in_chronological_order(periods: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The (period, count) pairs of a facet, earliest period first."""
    special = _special_session_starts([period for period, _ in periods])
    return sorted(periods, key=lambda item: (*_start(item[0], special), item[0]))


def _start(period: str, special: dict[tuple[int, str], tuple[int, int]]) -> tuple[int, int]:
    """(year, month) in which the period begins."""
    body, _, key = period.partition(" ")
    if body == "SC" and key.isdigit():
        return int(key), 1
    session = parse_session_key(key) if body == "GA" else None
    if session is None:
        return UNKNOWN
    number, kind = session
    if kind:
        return special.get(session, UNKNOWN)
    return FIRST_SESSION_OPENED if number == 1 else (1945 + number, 9)


def _special_session_starts(periods: list[str]) -> dict[tuple[int, str], tuple[int, int]]:
    """(year, month) of the earliest adoption in each special session among ``periods``; one
    query, and none when there is no special session among them."""
    sessions = [
        session
        for period in periods
        if period.startswith("GA ")
        and (session := parse_session_key(period[3:])) is not None
        and session[1]
    ]
    if not sessions:
        return {}
    first = (
        Resolution.objects.filter(
            body="GA",
            session__in={number for number, _ in sessions},
            special_session__in={kind for _, kind in sessions},
            adopted_on__isnull=False,
        )
        .values("session", "special_session")
        .annotate(first=Min("adopted_on"))
    )
    return {
        (row["session"], row["special_session"]): (row["first"].year, row["first"].month)
        for row in first
    }
