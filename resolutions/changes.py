"""What changed between two texts: paragraphs matched by what they say, not by their number.

A yearly resolution is last year's text with paragraphs inserted, reworded and dropped, so its
paragraph numbers shift: paragraph 22 of one year is paragraph 23 of the next. Paragraphs are
therefore matched by content, and each paragraph of the newer text is shown as unchanged,
changed (with the words inserted and deleted), or new; each of the older text's paragraphs
that nothing matches is dropped.

Plain Python: no Django here (``resolutions.comparing`` reads stored versions).
"""

import heapq
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .wording import Piece, normalise, similarity, word_diff, words

__all__ = ["Change", "Comparison", "Passage", "Piece", "State", "compare"]

# A paragraph of the older text and one of the newer are the same paragraph, reworded, when this
# share of their words is the same, in order; or this lower share when the paragraph stands where
# it stood (in the same gap of at most GAP paragraphs between two neighbours already paired),
# where a heavy rewrite is still the same paragraph to a reader. Each round of pairing narrows
# the gaps; ROUNDS bounds them.
MATCH_FLOOR = 0.55
IN_PLACE_FLOOR = 0.35
GAP = 5
ROUNDS = 3
# Pairs sharing this much of their vocabulary (after the penalties below) are the same paragraph
# without weighing word order.
SURE = 0.8
# Only the pairs sharing this share of their vocabulary (Dice) are weighed word by word, and only
# the few best of each paragraph (a SHORTLIST by that share, of which at most CANDIDATES are
# weighed): cheap to count, it keeps the costly measure off the rest.
CANDIDATE_FLOOR = 0.2
SHORTLIST = 5
CANDIDATES = 3
# Of two pairs sharing as much, the one that keeps the kind (preambular with preambular) and the
# one that keeps its place go first.
OTHER_KIND_PENALTY = 0.1
MOVED_PENALTY = 0.05


@dataclass(frozen=True)
class Passage:
    """A paragraph as compared: its eid (para_22), how it is printed (22.), its kind, its text."""

    eid: str
    text: str
    label: str = ""
    kind: str = ""


class State(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    NEW = "new"
    DROPPED = "dropped"


@dataclass
class Change:
    """One paragraph of either text, in the newer text's order (a dropped paragraph stands
    where it stood in the older one). ``pieces`` spell a changed paragraph as runs of words
    kept, inserted and deleted, in reading order; joined, the kept and inserted runs give the
    newer text and the kept and deleted ones the older."""

    state: State
    old: Passage | None
    new: Passage | None
    pieces: list[tuple[Piece, str]] = field(default_factory=list)

    @property
    def renumbered(self) -> bool:
        """Whether the paragraph moved to another number (was para 22)."""
        return bool(self.old and self.new and self.old.eid != self.new.eid)


@dataclass
class Comparison:
    """Every paragraph of both texts, as changes in the newer text's order."""

    changes: list[Change]

    def count(self, state: State) -> int:
        return sum(1 for change in self.changes if change.state == state)

    @property
    def counts(self) -> dict[str, int]:
        """{"new": 7, "changed": 29, "dropped": 2, "unchanged": 12}"""
        return {
            state.value: self.count(state)
            for state in (State.NEW, State.CHANGED, State.DROPPED, State.UNCHANGED)
        }

    @property
    def share_changed(self) -> float:
        """The share of the newer text's paragraphs that are new or changed (0 to 1)."""
        newer = [change for change in self.changes if change.new is not None]
        if not newer:
            return 0.0
        return sum(1 for c in newer if c.state in (State.NEW, State.CHANGED)) / len(newer)

    @property
    def renumbered(self) -> int:
        """How many paragraphs kept or reworded stand under another number (was para 22)."""
        return sum(1 for change in self.changes if change.renumbered)


def compare(old: Sequence[Passage], new: Sequence[Passage], language: str) -> Comparison:
    """The changes from ``old`` to ``new``, in the newer text's order.

    Paragraphs whose texts are the same (ignoring case, width and spacing) are paired first, in
    order; of the rest, the pairs most alike are paired best first, above a floor (lower for a
    paragraph that stands where it stood). Each dropped paragraph follows the newer paragraph
    matched to the nearest older paragraph before it, or stands first.

    The texts are in ``language``; words are told apart by their script (Chinese cut into
    jieba's words, other scripts at spaces and marks), so a Chinese text quoting English is cut
    right too."""
    old_keys = [normalise(p.text) for p in old]
    new_keys = [normalise(p.text) for p in new]
    matched = _match_same(old_keys, new_keys)
    matched |= _match_alike(old, new, matched)

    matched_old = {i: j for j, i in matched.items()}
    dropped_after: dict[int, list[int]] = defaultdict(list)  # new index (-1: start) → old ones
    previous = -1
    for i in range(len(old)):
        if i in matched_old:
            previous = matched_old[i]
        else:
            dropped_after[previous].append(i)

    changes = [Change(State.DROPPED, old[i], None) for i in dropped_after[-1]]
    for j, passage in enumerate(new):
        i = matched.get(j)
        if i is None:
            changes.append(Change(State.NEW, None, passage))
        elif old_keys[i] == new_keys[j]:
            changes.append(Change(State.UNCHANGED, old[i], passage, [(Piece.EQUAL, passage.text)]))
        else:
            pieces = word_diff(old[i].text, passage.text)
            changes.append(Change(State.CHANGED, old[i], passage, pieces))
        changes += [Change(State.DROPPED, old[i], None) for i in dropped_after.get(j, [])]
    return Comparison(changes)


def _match_same(old_keys: list[str], new_keys: list[str]) -> dict[int, int]:
    """Newer index → older index of the paragraphs that say the same, paired in order."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i, key in enumerate(old_keys):
        waiting[key].append(i)
    matched = {}
    for j, key in enumerate(new_keys):
        if waiting.get(key):
            matched[j] = waiting[key].popleft()
    return matched


def _match_alike(
    old: Sequence[Passage], new: Sequence[Passage], matched: dict[int, int]
) -> dict[int, int]:
    """Newer index → older index of reworded paragraphs, among those ``matched`` leaves.

    Pairs are weighed best first by the share of vocabulary they have in common (with a little
    less for a change of kind or place); a pair is taken when its words, in order, are alike
    enough. Each reworded paragraph found narrows the gaps between paired paragraphs, so the
    pairs standing in a gap are weighed again against the lower floor, for a few rounds."""
    taken = set(matched.values())
    olds = [i for i in range(len(old)) if i not in taken]
    news = [j for j in range(len(new)) if j not in matched]
    if not olds or not news:
        return {}
    old_words = {i: words(old[i].text) for i in olds}
    new_words = {j: words(new[j].text) for j in news}
    shares = _shortlist(old_words, new_words)

    alike: dict[int, int] = {}
    weighed = _Weighed(old_words, new_words)
    ends = [(-1, -1), (len(old), len(new))]
    for round_ in range(ROUNDS):
        paired = set(alike.values())
        anchors = sorted([*ends, *((i, j) for j, i in (matched | alike).items())])
        candidates = []
        for (i, j), share in shares.items():
            if j in alike or i in paired:
                continue
            in_place = _in_place(anchors, i, j)
            if round_ and not in_place:
                continue  # weighed against the same floor in the first round
            priority = share - (OTHER_KIND_PENALTY if old[i].kind != new[j].kind else 0)
            priority -= 0 if in_place else MOVED_PENALTY
            candidates.append((priority, -abs(i - j), i, j, in_place))
        found = 0
        tries: dict[int, int] = defaultdict(int)  # older i, and newer ~j: pairs weighed
        for priority, _, i, j, in_place in sorted(candidates, reverse=True):
            if j in alike or i in paired:
                continue
            if (i, j) not in weighed:
                if tries[i] >= CANDIDATES or tries[~j] >= CANDIDATES:
                    continue
                tries[i] += 1
                tries[~j] += 1
            if priority >= SURE or weighed.at_least(
                i, j, IN_PLACE_FLOOR if in_place else MATCH_FLOOR
            ):
                alike[j] = i
                paired.add(i)
                found += 1
        if not found:
            break
    return alike


def _shortlist(
    old_words: dict[int, tuple[str, ...]], new_words: dict[int, tuple[str, ...]]
) -> dict[tuple[int, int], float]:
    """(older, newer) → the share of vocabulary they have in common (Dice), for the SHORTLIST
    pairs of each paragraph that share most, above CANDIDATE_FLOOR."""
    # Each paragraph's vocabulary as the bits of one integer: a shared count is an AND.
    bits: dict[str, int] = {}
    old_sets = {i: _vocabulary(sequence, bits) for i, sequence in old_words.items()}
    new_sets = {j: _vocabulary(sequence, bits) for j, sequence in new_words.items()}
    old_sizes = {i: vocabulary.bit_count() for i, vocabulary in old_sets.items()}
    new_sizes = {j: vocabulary.bit_count() for j, vocabulary in new_sets.items()}
    by_new: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    by_old: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for j, new_set in new_sets.items():
        for i, old_set in old_sets.items():
            shared = (old_set & new_set).bit_count()
            share = 2 * shared / (old_sizes[i] + new_sizes[j]) if shared else 0.0
            if share >= CANDIDATE_FLOOR:
                by_new[j].append((share, i, j))
                by_old[i].append((share, i, j))
    return {
        (i, j): share
        for row in (*by_new.values(), *by_old.values())
        for share, i, j in heapq.nlargest(SHORTLIST, row)
    }


class _Weighed:
    """How alike pairs of paragraphs are, each pair weighed once: first by the words they have
    in common in any order (a bound on the share in order, and cheap), then, unless that bound
    is already below the floor, by the words they have in common in order."""

    def __init__(
        self, old_words: dict[int, tuple[str, ...]], new_words: dict[int, tuple[str, ...]]
    ):
        self.old_words, self.new_words = old_words, new_words
        self.old_counts: dict[int, Counter[str]] = {}
        self.new_counts: dict[int, Counter[str]] = {}
        self.bounds: dict[tuple[int, int], float] = {}
        self.ratios: dict[tuple[int, int], float] = {}

    def __contains__(self, pair: tuple[int, int]) -> bool:
        return pair in self.bounds

    def at_least(self, i: int, j: int, floor: float) -> bool:
        if (i, j) not in self.bounds:
            old = self.old_counts.setdefault(i, Counter(self.old_words[i]))
            new = self.new_counts.setdefault(j, Counter(self.new_words[j]))
            common = sum((old & new).values())
            self.bounds[i, j] = 2 * common / max(1, old.total() + new.total())
        if self.bounds[i, j] < floor:
            return False
        if (i, j) not in self.ratios:
            self.ratios[i, j] = similarity(self.old_words[i], self.new_words[j])
        return self.ratios[i, j] >= floor


def _vocabulary(sequence: tuple[str, ...], bits: dict[str, int]) -> int:
    vocabulary = 0
    for word in sequence:
        vocabulary |= 1 << bits.setdefault(word, len(bits))
    return vocabulary


def _in_place(anchors: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether older ``i`` and newer ``j`` stand in the same short gap between paragraphs paired
    as the same (or an end of the texts): ``anchors``, (older, newer) in older order, begin
    with (-1, -1) and end with the lengths of the texts."""
    at = bisect_left(anchors, (i, -1))
    (old_before, new_before), (old_after, new_after) = anchors[at - 1], anchors[at]
    return (
        new_before < j < new_after
        and old_after - old_before - 1 <= GAP
        and new_after - new_before - 1 <= GAP
    )
