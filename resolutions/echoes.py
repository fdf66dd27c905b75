"""Agreed language: where a paragraph's text, the same or nearly the same, appears elsewhere.

Resolutions of a series repeat whole paragraphs year after year, changing a date, a session or a
clause: the words once agreed come back. To find the paragraphs that repeat one among hundreds
of thousands, each paragraph keeps a few *bands* (``Paragraph.text_bands``), hashes such that
two texts that are nearly the same share at least one with overwhelming probability while
unrelated texts almost never do. The database finds the paragraphs sharing a band through an
index; ``similarity`` then checks each of them against the text itself.

A text is compared as a sequence of tokens: words in alphabetic scripts, single characters in
Chinese and Japanese, after folding case, compatibility forms (NFKC) and numbers, so that a new
date, session or resolution number leaves the text "the same" in substance. The bands are
MinHash bands over its shingles (two words, three characters): each band hashes ``ROWS``
MinHash values, and two texts share it with a probability of about ``J ** ROWS``, where ``J``
is the Jaccard similarity of their shingle sets; with ``BANDS`` bands, texts that differ by a
date or a clause share one almost surely. Hashes come from BLAKE2b, so they are the same in
every process and release.

Pure Python, no Django import: ``backfill`` works on the models a migration gives it.
"""

import difflib
import hashlib
import re
import unicodedata

BANDS = 12
ROWS = 3  # MinHash values combined in each band: more make candidates fewer and closer
# Below this many tokens a paragraph (a heading, "(a) Sudan;") is formulaic: no bands.
MIN_WORDS = 6
MIN_CHARACTERS = 10
# "Nearly the same": the share of tokens two texts have in common, in order (difflib's ratio).
# A paragraph that changes a date, adds a clause or a country to a list stays above it; a
# paragraph on the same subject in other words falls well below (see tests/test_agreed_language).
NEARLY_THE_SAME = 0.7

_SIGNED = 1 << 63
_MASK = (1 << 64) - 1
_BINS = BANDS * ROWS
# Odd multipliers that mix a band's values, or a borrowed value, into one 64-bit number.
_K1, _K2 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F

# Characters written without spaces between words: each one is a token.
_IDEOGRAPHIC = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\uac00-\ud7af"  # Hangul syllables
)
_TOKEN = re.compile(rf"[{_IDEOGRAPHIC}]|[^\W{_IDEOGRAPHIC}]+")
_CJK = re.compile(rf"[{_IDEOGRAPHIC}]")
_DIGITS = re.compile(r"\d+")
_CHINESE_NUMBER = re.compile(
    r"(?<=第)[〇零一二三四五六七八九十百千]+|[〇零一二三四五六七八九十百千]{2,}(?=[届年月日次号])"
)
NUMBER = "0"
# English numbers in words, as sessions are named: "seventy-sixth", "twenty-first".
_NUMBERS_IN_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth"
)
_NUMBER_WORDS = frozenset(_NUMBERS_IN_WORDS.split())


def normalise(text: str) -> str:
    """``text`` folded for comparison: compatibility forms, case, and numbers in figures or in
    Chinese numerals (a session, a year, a paragraph number) become ``0``."""
    text = _DIGITS.sub(NUMBER, unicodedata.normalize("NFKC", text).casefold())
    return _CHINESE_NUMBER.sub(NUMBER, text) if _CJK.search(text) else text


def tokens(text: str) -> list[str]:
    """The normalised text's words, and each Chinese, Japanese or Korean character alone; an
    English number word is ``0`` like a number in figures."""
    words = _TOKEN.findall(normalise(text))
    if _NUMBER_WORDS.isdisjoint(words):
        return words
    return [NUMBER if word in _NUMBER_WORDS else word for word in words]


def _ideographic(text: str, words: list[str]) -> bool:
    # Tokens of one character each, mostly: the words of an alphabetic script are longer.
    return bool(words) and len("".join(words)) * 2 < len(words) * 3 and bool(_CJK.search(text))


def shingle_size(text: str, words: list[str]) -> int:
    """Two words, or three characters in a text written mostly in ideographs."""
    return 3 if _ideographic(text, words) else 2


def too_short(words: list[str], size: int) -> bool:
    """Headings and list items of a few words repeat everywhere without being agreed language."""
    return len(words) < (MIN_CHARACTERS if size == 3 else MIN_WORDS)


# Three hashes of each token seen recently, one for each place in a shingle: the paragraphs of
# an archive use a vocabulary of some thousands.
_token_hashes: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
_TOKENS_KEPT = 500_000


def _hash_tokens(words: list[str], places: int) -> list[list[int]]:
    """The hashes of ``words`` for each of the first ``places`` places in a shingle."""
    tables = _token_hashes
    if len(tables[0]) > _TOKENS_KEPT:
        for table in tables:
            table.clear()
    for word in set(words).difference(tables[0]):
        digest = hashlib.blake2b(word.encode(), digest_size=24, person=b"un-token").digest()
        for place, table in enumerate(tables):
            table[word] = int.from_bytes(digest[place * 8 : place * 8 + 8], "little")
    return [list(map(table.__getitem__, words)) for table in tables[:places]]


def shingle_hashes(words: list[str], size: int) -> set[int]:
    """A 64-bit hash of each run of ``size`` tokens: the exclusive or of its tokens' hashes for
    their places (tabulation hashing, which MinHash may rely on)."""
    if size == 3:
        first, second, third = _hash_tokens(words, 3)
        return {a ^ b ^ c for a, b, c in zip(first, second[1:], third[2:], strict=False)}
    first, second = _hash_tokens(words, 2)
    return {a ^ b for a, b in zip(first, second[1:], strict=False)}


def bands(text: str) -> list[int]:
    """The text's MinHash bands, signed 64-bit integers as PostgreSQL's bigint holds them; none
    for a text too short to be agreed language.

    One hash per shingle is spread over ``BANDS * ROWS`` bins by its remainder, and each bin
    keeps its smallest (one-permutation MinHash); an empty bin borrows from another, so short
    texts get every band too. Band *j* hashes bins *j*·ROWS … *j*·ROWS+ROWS−1.
    """
    words = tokens(text)
    size = shingle_size(text, words)
    if too_short(words, size):
        return []
    hashes = shingle_hashes(words, size)
    if not hashes:
        return []
    # Walked from the largest down, each bin ends up holding its smallest hash.
    lowest = {h % _BINS: h for h in sorted(hashes, reverse=True)}
    bins = [lowest.get(i) for i in range(_BINS)]
    if len(lowest) < _BINS:
        bins = _densified(bins)
    return [_band(band, bins[band * ROWS : band * ROWS + ROWS]) for band in range(BANDS)]


def _band(band: int, values: list[int]) -> int:
    """One number for the band's values and its place, as a signed 64-bit integer."""
    combined = band
    for value in values:
        combined = ((combined ^ value) * _K1) & _MASK
    combined ^= combined >> 31
    return combined - _SIGNED


def _donor_order(empty: int) -> list[int]:
    def key(donor: int) -> bytes:
        return hashlib.blake2b(f"{empty}:{donor}".encode(), digest_size=8).digest()

    return sorted((donor for donor in range(_BINS) if donor != empty), key=key)


# For each bin, the order in which it looks at the others when it is empty: a fixed
# pseudo-random order, different for each bin, so that a band's empty bins borrow from
# different bins and stay as independent as MinHash values should be.
_DONORS = [_donor_order(empty) for empty in range(_BINS)]


def _densified(bins: list[int | None]) -> list[int]:
    """Each empty bin takes the hash of the first bin, in its own order, that has one, marked
    with both bins."""
    filled = list(bins)
    for empty, value in enumerate(bins):
        if value is None:
            donor = next(donor for donor in _DONORS[empty] if bins[donor] is not None)
            filled[empty] = ((bins[donor] ^ empty) * _K2 + donor) & _MASK
    return filled


def similarity(a: str, b: str) -> float:
    """How much of two texts is the same, from 0 to 1: twice the tokens they have in common, in
    order, over the tokens of both."""
    return Resemblance(a).to(b)


class Resemblance:
    """One text, compared with many others in turn."""

    def __init__(self, text: str):
        self._words = text.split()
        self._matcher = difflib.SequenceMatcher(None, autojunk=False)
        self._matcher.set_seq2(tokens(text))

    def same_words(self, other: str) -> bool:
        """The two texts are word for word the same (spacing aside)."""
        return other.split() == self._words

    def to(self, other: str, at_least: float = 0.0) -> float:
        """``similarity`` of the text and ``other``; 0 when it is surely below ``at_least``."""
        matcher = self._matcher
        matcher.set_seq1(tokens(other))
        if not matcher.a and not matcher.b:
            return 1.0
        if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
            return 0.0
        return matcher.ratio()


BACKFILL_BATCH = 2000


def backfill(apps) -> None:
    """Compute ``Paragraph.text_bands`` for every stored paragraph (a migration's ``apps``: only
    the historical models' fields and default managers)."""
    Paragraph = apps.get_model("resolutions", "Paragraph")
    last = 0
    while True:
        batch = list(
            Paragraph.objects.filter(pk__gt=last).order_by("pk").only("pk", "text")[:BACKFILL_BATCH]
        )
        if not batch:
            return
        for paragraph in batch:
            paragraph.text_bands = bands(paragraph.text)
        Paragraph.objects.bulk_update(batch, ["text_bands"])
        last = batch[-1].pk
