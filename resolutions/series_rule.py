"""Which General Assembly resolutions continue one another: the rule that makes a series.

Two resolutions of different sessions belong together when they share a title (in a language
both are written in; titles compared folded, see ``title_key``), or when one of the opening
preambular paragraphs of the later one cites the earlier one ("Recalling its resolution 76/127
of 9 December 2021 and all previous resolutions on …") and their titles are alike: nearly the
same words. A recall thus joins a reworded title to the series it continues, while a citation
of a resolution on another subject, however fully the paragraph names it ("Reaffirming its
resolution 46/182 … on the strengthening of the coordination of humanitarian emergency
assistance"), joins nothing. Continuations chain: a series is every resolution reachable from
another by such links. Resolutions of one title adopted in one session only are not a series
(parts of one decision, or a title used twice in a year); with a resolution of another session
they all join it.

Plain Python, no Django: ``resolutions.series`` reads the facts from the database and keeps
``Series`` rows to match.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .languages import LANGUAGE_ORDER

# The paragraphs that say which resolutions a text continues: they open the preamble.
OPENING_PARAGRAPHS = ("preamble_1", "preamble_2", "preamble_3")
# Share of words two titles must have in common (of all words either has) to be alike: a word
# added or replaced in a title of six words keeps it alike, a different subject in the same
# body ("Expedited Arbitration Rules of UNCITRAL" and "Establishment of UNCITRAL") does not.
ALIKE = 2 / 3

_NOT_WORD = re.compile(r"[\W_]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Words that say nothing of a subject, in the languages whose titles are split into words.
_FILLER = frozenset(
    {
        *("a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "the"),
        *("to", "with", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le"),
        *("les", "par", "pour", "sur", "un", "une", "al", "con", "del", "el", "las", "los"),
        *("para", "por", "y", "и", "в", "во", "для", "за", "к", "на", "о", "об", "от", "по"),
        *("с", "со"),
    }
)


def title_key(title: str) -> str:
    """``title`` folded for comparison: case, full-width forms, spacing and punctuation do not
    count ("Safety and security …" = "SAFETY AND SECURITY, …"; 联合国 ＝ 联合国)."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return _NOT_WORD.sub(" ", folded).strip()


def _subject_words(key: str) -> frozenset[str]:
    """The words of a folded title that name its subject; Chinese, written without spaces,
    as pairs of characters."""
    words: set[str] = set()
    for word in key.split():
        if _HAN.search(word):
            words.update(word[i : i + 2] for i in range(max(1, len(word) - 1)))
        elif word not in _FILLER:
            words.add(word)
    return frozenset(words)


def alike(key: str, other: str) -> bool:
    """Whether two folded titles in one language are nearly the same."""
    words, others = _subject_words(key), _subject_words(other)
    if not words or not others:
        return False
    return len(words & others) / len(words | others) >= ALIKE


def order_key(
    adopted_on: date | None, session: int | None, special_session: str, number: int, part: str
) -> tuple:
    """Where a resolution stands in its series: by adoption date; without one, at the end of
    the year its regular session met (the first met in 1946), after those dated."""
    if adopted_on is None:
        year = 1945 + session if session and not special_session else date.max.year
        adopted_on = date(year, 12, 31)
    return (adopted_on, special_session, session or 0, number, part)


@dataclass(frozen=True)
class Recall:
    """A resolution cited in an opening preambular paragraph of the version in ``language``."""

    target: str
    language: str


@dataclass
class Candidate:
    """What the rule reads of one Assembly resolution: its titles folded, by language, and
    what its opening paragraphs cite."""

    id: int
    symbol: str
    session: tuple[str, int | None]  # (special session mark, number): ("", 76), ("ES", 11)
    order: tuple  # ``order_key``
    titles: dict[str, str]
    recalls: list[Recall] = field(default_factory=list)


def continues(later: Candidate, earlier: Candidate) -> bool:
    """Whether an opening paragraph of ``later`` recalls ``earlier`` as its predecessor: a
    resolution of an earlier session with a title alike in the paragraph's language."""
    if earlier.session == later.session or not earlier.order < later.order:
        return False
    return any(
        recall.target == earlier.symbol
        and alike(later.titles.get(recall.language, ""), earlier.titles.get(recall.language, ""))
        for recall in later.recalls
    )


def groups(candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    """The series among ``candidates``: every group of two or more that continue one another,
    each in the order adopted, the groups in the order of their first members."""
    candidates = list(candidates)
    parent = {c.id: c.id for c in candidates}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: int, b: int) -> None:
        parent[root(a)] = root(b)

    by_title: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        for language, key in candidate.titles.items():
            if key:
                by_title[language, key].append(candidate)
    for same in by_title.values():
        if len({c.session for c in same}) > 1:
            for other in same[1:]:
                join(same[0].id, other.id)
    by_symbol = {c.symbol: c for c in candidates}
    for later in candidates:
        for recall in later.recalls:
            earlier = by_symbol.get(recall.target)
            if earlier is not None and continues(later, earlier):
                join(later.id, earlier.id)
    grouped: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        grouped[root(candidate.id)].append(candidate)
    found = [sorted(group, key=lambda c: c.order) for group in grouped.values() if len(group) > 1]
    return sorted(found, key=lambda group: group[0].order)


def preferred_title(titles: dict[str, str]) -> tuple[str, str]:
    """(language, title) of the title a series is named by: the English one, else the first in
    the archive's order of languages."""
    for language in ["en", *LANGUAGE_ORDER]:
        if titles.get(language):
            return language, titles[language]
    return "", ""
