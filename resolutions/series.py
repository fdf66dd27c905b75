"""Series: General Assembly resolutions that continue one another, session after session.

Most Assembly resolutions are yearly: the same title comes back every session ("Safety and
security of humanitarian personnel and protection of United Nations personnel": 73/137, 74/116,
75/125, 76/127, 77/31). Resolutions of the same title in different sessions belong to one
series, and so do those whose opening preambular paragraphs recall the previous one of the
same title.
"""

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def title_key(title: str) -> str:
    """``title`` folded for comparison: case, full-width forms, spacing and punctuation do not
    count ("Safety and security …" = "SAFETY AND SECURITY, …"; 联合国 ＝ 联合国)."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return _NOT_WORD.sub(" ", folded).strip()


def backfill(apps) -> None:
    """Put every stored Assembly resolution in its series (a migration's ``apps``: only the
    historical models' fields and default managers)."""


def members(series) -> list:
    """The resolutions of ``series`` (a ``Series``) in the order they were adopted: by session,
    then date, then number."""
    return list(series.resolutions.order_by("session", "adopted_on", "number", "part"))


def neighbours(resolution) -> tuple:
    """The resolutions before and after ``resolution`` in its series: (previous, next), each
    None at an end or when it has no series."""
    if resolution.series_id is None:
        return None, None
    order = members(resolution.series)
    place = next(i for i, member in enumerate(order) if member.pk == resolution.pk)
    return (
        order[place - 1] if place else None,
        order[place + 1] if place + 1 < len(order) else None,
    )
