"""What changed between two texts: paragraphs matched by what they say, not by their number.

A yearly resolution is last year's text with paragraphs inserted, reworded and dropped, so its
paragraph numbers shift: paragraph 22 of one year is paragraph 23 of the next. Paragraphs are
therefore matched by content, and each paragraph of the newer text is shown as unchanged,
changed (with the words inserted and deleted), or new; each of the older text's paragraphs
that nothing matches is dropped.

Plain Python: no Django here (``resolutions.comparing`` reads stored versions).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


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


class Piece(StrEnum):
    EQUAL = "equal"
    INSERTED = "inserted"
    DELETED = "deleted"


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


def compare(old: Sequence[Passage], new: Sequence[Passage], language: str) -> Comparison:
    """The changes from ``old`` to ``new`` (texts in ``language``)."""
    # A first approximation, matching by eid: to be replaced by matching on content.
    old_by_eid = {p.eid: p for p in old}
    changes = []
    for passage in new:
        before = old_by_eid.pop(passage.eid, None)
        if before is None:
            changes.append(Change(State.NEW, None, passage))
        elif before.text == passage.text:
            changes.append(Change(State.UNCHANGED, before, passage, [(Piece.EQUAL, passage.text)]))
        else:
            pieces = [(Piece.DELETED, before.text), (Piece.INSERTED, passage.text)]
            changes.append(Change(State.CHANGED, before, passage, pieces))
    changes += [Change(State.DROPPED, p, None) for p in old_by_eid.values()]
    return Comparison(changes)
