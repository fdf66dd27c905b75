"""Words the PDF layout broke apart: ``hu manitarian``, ``re ported``, ``COVID -19``.

Justified lines in UN PDFs come out of pdftotext with a space inside some words. A space is
taken out only where the joined word is one the same document prints whole, and at least one
of the two pieces is not a word of the document on its own, so ``a part`` never becomes
``apart``. Pieces that occur once are fragments, not words: every word of a resolution that
matters is printed more than once, and the few short words that may not be are listed.
"""

import re
from collections import Counter

_TOKEN_RE = re.compile(r"[^\W\d_]+")
# Short words a resolution may print only once; they are words even then.
_COMMON_WORDS = (
    "a an as at be by do he if in is it no of on or so to up us we all and any are but can "
    "for has its may new not one our out see the two was who"
)
_COMMON = frozenset(_COMMON_WORDS.split())
# Pieces longer than this that are words of the document stay apart even if joined they
# spell a word (``protect ion`` joins; ``any one`` stays).
_SHORT_PIECE = 3
# A piece is the whole token but for punctuation before (“hu) or after (nity,).
_WORD_END_RE = re.compile(r"^[^\w]*([^\W\d_]+)$")
_WORD_START_RE = re.compile(r"^([^\W\d_]+)[^\w]*$")
# Matches start only where a run of letters starts and never backtrack into it: a long run
# without a hyphen (a damaged file) must cost its length, not its square.
_COMPOUND_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
_LOOSE_HYPHEN_RE = re.compile(r"(?<=[\w)]) -(?=[\w(])")


class Vocabulary:
    """The words a document prints, with how often."""

    def __init__(self, text: str):
        self.counts = Counter(word.lower() for word in _TOKEN_RE.findall(text))
        self.compounds = Counter(_COMPOUND_RE.findall(text))

    def is_word(self, piece: str) -> bool:
        piece = piece.lower()
        if piece in _COMMON:
            return True
        return len(piece) > 1 and self.counts[piece] >= 2

    def prints_whole(self, word: str) -> bool:
        return self.counts[word.lower()] >= 1

    def should_join(self, first: str, second: str) -> bool:
        if not self.prints_whole(first + second):
            return False
        first_word, second_word = self.is_word(first), self.is_word(second)
        if first_word and second_word:
            return False
        return not first_word or len(second) <= _SHORT_PIECE


def rejoin_words(text: str, vocabulary: Vocabulary) -> str:
    """The text with words broken by the layout joined again."""
    text = _LOOSE_HYPHEN_RE.sub("-", text)
    text = re.sub(r"\( (?=\w)", "(", text)

    tokens = text.split(" ")
    joined: list[str] = []
    for token in tokens:
        if joined:
            first = _WORD_END_RE.search(joined[-1])
            second = _WORD_START_RE.match(token)
            if first and second and vocabulary.should_join(first.group(1), second.group(1)):
                joined[-1] += token
                continue
            # A hyphen lost at a line end between capitals: "Secretary General".
            if (
                first
                and second
                and first.group(1)[:1].isupper()
                and second.group(1)[:1].isupper()
                and vocabulary.compounds[f"{first.group(1)}-{second.group(1)}"]
            ):
                joined[-1] += "-" + token
                continue
        joined.append(token)
    return " ".join(joined)
