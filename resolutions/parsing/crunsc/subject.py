"""The subject of a Security Council text, where the source gives one.

The yearly volumes print a topic heading above the texts of each subject ("MILITARY STAFF
COMMITTEE"), read by ``header``; most texts of the corpus were cut from the volumes without it.
Some name their agenda item instead: in the decision printed just before the resolution ("… in
the discussion of the item entitled “The situation in Angola: further report of the
Secretary-General …”", S/RES/851 (1993)) or in their first paragraph ("Having begun
consideration of the item entitled “The situation between Iran and Iraq”", S/RES/479 (1980)).
The item's title is kept as printed (``agenda_title``); its subject, the words before the
colon, becomes the title.
"""

import re

# “…” or "…"; the title may be wrapped over lines and broken at a line end ("situa- tion").
_ITEM_RE = re.compile(r"\bitem\s+entitled\s+[“\"](?P<item>[^”\"]{3,400})[”\"]")


def agenda_item(text: str) -> str:
    """The title of the agenda item ``text`` names ("the item entitled “…”"), or ""."""
    match = _ITEM_RE.search(text)
    if match is None:
        return ""
    item = " ".join(match.group("item").split())
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "", item)


def subject_of(item: str) -> str:
    """The subject an agenda item's title states: "The situation in Angola" of "The situation
    in Angola: further report of the Secretary-General on …"."""
    return item.split(":", 1)[0].strip()
