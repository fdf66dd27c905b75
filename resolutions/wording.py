"""The words of a paragraph, and the words inserted and deleted between two wordings of it.

A paragraph is cut into tiles that cover its text without gaps: words (a hyphenated word whole,
so "seventy-sixth" changes as one), numbers with their separators ("1,458", "75/125"), runs of
Chinese characters cut by jieba into its words, spaces, and single marks of punctuation. Tiles
are what the word-level difference works on, so the kept, inserted and deleted runs join up to
the exact texts; the words alone, folded to one case and width, are what paragraphs are matched
on.

Plain Python: no Django here.
"""

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache

import jieba

from .segmentation import initialize as initialize_jieba

_CJK = r"[\u3400-\u9fff\uf900-\ufaff]+"
# Combining accents and Arabic vowel marks belong to the word they sit on.
_MARKS = r"\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670"
_LETTERS = rf"(?:[^\W_\u3400-\u9fff\uf900-\ufaff][{_MARKS}]*)+"
_NUMBER = r"\d+(?:[.,/]\d+)*(?![^\W_])"
# A word, hyphenated or with an apostrophe whole: Secretary-General's, COVID-19, l'Organisation.
_WORD = rf"{_LETTERS}(?:[-'’]{_LETTERS})*"
# A run of Chinese characters (cut by jieba next), a number, a word, spaces, or one mark.
TILE_RE = re.compile(rf"{_CJK}|{_NUMBER}|{_WORD}|\s+|.", re.DOTALL)
WORD_RE = re.compile(rf"{_CJK}|{_NUMBER}|{_WORD}")
_CJK_RE = re.compile(_CJK)
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_SPACE_RE = re.compile(r"\s+")
# A run kept between two changes and no longer than this, with no word in it (a space, a comma,
# the slash of 75/125), is shown inside the change: "[-2019, 1,516-] [+2020, 1,458+]" reads
# better than a change on each side of a comma.
_GLUE_LENGTH = 3


class Piece(StrEnum):
    EQUAL = "equal"
    INSERTED = "inserted"
    DELETED = "deleted"


Pieces = list[tuple[Piece, str]]
# A run kept, or a change: (deleted, inserted).
Run = str | tuple[str, str]
Unit = tuple[str, str]  # the spaces before a tile, the tile


def normalise(text: str) -> str:
    """The text as matched for identity: one width (NFKC), one case, no spaces (a space in the
    middle of a word, left over from a PDF line, is not a change)."""
    return _SPACE_RE.sub("", _fold(text))


@lru_cache(maxsize=4096)
def tiles(text: str) -> tuple[str, ...]:
    """The text cut into tiles that cover it."""
    found = TILE_RE.findall(text)
    if not _CJK_RE.search(text):
        return tuple(found)
    initialize_jieba()
    cut: list[str] = []
    for tile in found:
        if _CJK_RE.fullmatch(tile):
            cut += _chinese_words(tile)
        else:
            cut.append(tile)
    return tuple(cut)


@lru_cache(maxsize=16384)
def _chinese_words(run: str) -> tuple[str, ...]:
    """jieba's words of a run of Chinese characters: cached by run, since two wordings of a
    paragraph share most of their runs."""
    return tuple(jieba.lcut(run))


def is_word(tile: str) -> bool:
    """Whether a tile is a word or a number (not spaces or a mark)."""
    return tile[0].isalnum()


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words and numbers of the text, folded to one width and case, as matched."""
    if _CJK_RE.search(text):
        return tuple(_fold(tile) for tile in tiles(text) if is_word(tile))
    return tuple(WORD_RE.findall(_fold(text)))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def similarity(old: tuple[str, ...], new: tuple[str, ...]) -> float:
    """How much of two word sequences is the same, in order (0 to 1)."""
    if not old and not new:
        return 1.0
    start, old_end, new_end = _common_ends(old, new)
    kept = start + len(old) - old_end
    if start < old_end and start < new_end:
        middle = SequenceMatcher(None, old[start:old_end], new[start:new_end], autojunk=False)
        kept += sum(block.size for block in middle.get_matching_blocks())
    return 2 * kept / (len(old) + len(new))


def _common_ends(old: Sequence[str], new: Sequence[str]) -> tuple[int, int, int]:
    """Where the two sequences stop being the same from the start, and from the end: the
    length of the common beginning, and the ends of each sequence's differing middle."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return start, old_end, new_end


def word_diff(old: str, new: str) -> Pieces:
    """Runs of words kept, deleted and inserted that turn ``old`` into ``new``: joined, the kept
    and inserted runs give ``new`` exactly and the kept and deleted runs give ``old``. Within a
    change the deleted words come before the inserted ones."""
    # Tiles are compared without the spaces before them: a space is neither a word nor a
    # change, and as a tile of its own it would match every other space of the paragraph.
    old_units, new_units = _units(old), _units(new)
    old_keys = [tile for _, tile in old_units]
    new_keys = [tile for _, tile in new_units]
    start, old_end, new_end = _common_ends(old_keys, new_keys)
    runs: list[Run] = _kept(old_units[:start], new_units[:start])
    matcher = SequenceMatcher(
        None, old_keys[start:old_end], new_keys[start:new_end], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part = old_units[start + i1 : start + i2]
        new_part = new_units[start + j1 : start + j2]
        if op == "equal":
            runs += _kept(old_part, new_part)
        else:
            runs.append((_text(old_part), _text(new_part)))
    runs += _kept(old_units[old_end:], new_units[new_end:])
    return _merge(_pieces(_tidy([run for run in runs if run])))


def _units(text: str) -> list[Unit]:
    """The text's tiles other than spaces, each with the spaces before it; the spaces at the
    end go with an empty last tile, so the units join up to the text."""
    units: list[Unit] = []
    space = ""
    for tile in tiles(text):
        if tile.isspace():
            space += tile
        else:
            units.append((space, tile))
            space = ""
    units.append((space, ""))
    return units


def _text(units: list[Unit]) -> str:
    return "".join(space + tile for space, tile in units)


def _kept(old: list[Unit], new: list[Unit]) -> list[Run]:
    """Units whose tiles are the same: kept, but for any spaces that differ."""
    runs: list[Run] = []
    for (old_space, tile), (new_space, _) in zip(old, new, strict=True):
        if old_space == new_space:
            runs.append(new_space + tile)
        else:
            runs += [(old_space, new_space), tile]
    return runs


def _tidy(runs: list[Run]) -> list[Run]:
    """The runs as read: neighbouring runs of one sort joined; short kept runs without a word
    between two changes taken into one change with them; spaces that begin or end both sides of
    a change kept outside it."""
    runs = _joined(runs)  # kept runs and changes now take turns
    glued: list[Run] = []
    for index, run in enumerate(runs):
        between_changes = 0 < index < len(runs) - 1
        if between_changes and isinstance(run, str) and _is_glue(run):
            glued.append((run, run))
        else:
            glued.append(run)
    trimmed: list[Run] = []
    for run in _joined(glued):
        if isinstance(run, str):
            trimmed.append(run)
            continue
        deleted, inserted = run
        lead = _shared_space(deleted, inserted)
        deleted, inserted = deleted[lead:], inserted[lead:]
        tail = _shared_space(deleted[::-1], inserted[::-1])
        end_deleted, end_inserted = len(deleted) - tail, len(inserted) - tail
        trimmed += [
            run[0][:lead],
            (deleted[:end_deleted], inserted[:end_inserted]),
            deleted[end_deleted:],
        ]
    return _spaces_after(_joined([run for run in trimmed if run and run != ("", "")]))


def _spaces_after(runs: list[Run]) -> list[Run]:
    """Words inserted or deleted between two kept words, with the space before them moved to
    after them: "of {+national and +}locally" rather than "of{+ national and+} locally"."""
    for index in range(1, len(runs) - 1):
        before, run, after = runs[index - 1], runs[index], runs[index + 1]
        if not (isinstance(run, tuple) and isinstance(before, str) and isinstance(after, str)):
            continue
        deleted, inserted = run
        moved = deleted or inserted
        if (deleted and inserted) or not moved[0].isspace() or not after.startswith(moved[0]):
            continue
        moved = moved[1:] + moved[0]
        runs[index - 1] = before + after[0]
        runs[index] = (moved, "") if deleted else ("", moved)
        runs[index + 1] = after[1:]
    return [run for run in runs if run]


def _is_glue(run: str) -> bool:
    return len(run) <= _GLUE_LENGTH and not _WORD_CHAR_RE.search(run)


def _shared_space(one: str, other: str) -> int:
    """How many spaces both strings begin with."""
    count = 0
    limit = min(len(one), len(other))
    while count < limit and one[count] == other[count] and one[count].isspace():
        count += 1
    return count


def _joined(runs: list[Run]) -> list[Run]:
    joined: list[Run] = []
    for run in runs:
        if joined and isinstance(run, str) and isinstance(joined[-1], str):
            joined[-1] += run
        elif joined and isinstance(run, tuple) and isinstance(joined[-1], tuple):
            joined[-1] = (joined[-1][0] + run[0], joined[-1][1] + run[1])
        else:
            joined.append(run)
    return joined


def _pieces(runs: list[Run]) -> Pieces:
    pieces: Pieces = []
    for run in runs:
        if isinstance(run, str):
            pieces.append((Piece.EQUAL, run))
        else:
            deleted, inserted = run
            pieces += [(Piece.DELETED, deleted), (Piece.INSERTED, inserted)]
    return [(kind, text) for kind, text in pieces if text]


def _merge(pieces: Pieces) -> Pieces:
    """Adjacent runs of one kind joined into one."""
    merged: Pieces = []
    for kind, text in pieces:
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return merged
