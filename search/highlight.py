"""Which characters of a search hit to mark, and which stretch of it to show in a result list.

The archive finds a paragraph when it contains a query term as a substring (Chinese) or as a
word whose stem matches (Latin, Cyrillic and Arabic scripts). The marks show what matched, as
*whole words*: never half a word, and every occurrence at its own offsets.

Before matching, text and terms are folded alike, character by character — NFKC, then lower
case — so ``ＣＯＶＩＤ－１９`` matches ``COVID-19`` and a full-width ``２２８６（２０１６）``
matches ``2286(2016)``; every folded character remembers the original character it came from, so
spans are always offsets into the text as given.

Chinese terms (any term containing a CJK ideograph):

1. Every occurrence of the term is found as a substring. Whitespace in the term matches any run
   of whitespace in the text, or none: the phrase ``抗击 COVID-19`` matches ``抗击COVID-19``.
2. Each occurrence is fitted to jieba's precise cut of the paragraph (cut once per call):
   an occurrence that starts and ends on word boundaries is marked as it is; one that lies inside
   a single word and is itself a dictionary word is marked as it is too, because the index finds
   人道主义 for the query 人道 through such dictionary sub-words; otherwise it grows to the
   boundaries of the words it touches (国人员 across 联合国|人员 marks 联合国人员).

Other terms: the paragraph is cut into words as ``search.analysis`` cuts it for the index —
runs of letters and digits of any script but CJK, joined by ``- . /``, so that symbols and
numbers stay whole (``A/76/334``, ``A/RES/75/125``, ``75/125``, ``COVID-19``). A Security Council
year in brackets belongs to the number before it, with or without a space: ``2286(2016)`` and
``2286 (2016)`` are one word each and match each other. A word matches when its Snowball stem
(lower case) equals the term's, for the paragraph's ``language``, with the stemmer the index
uses (``search.analysis.stemmer``); with none (``zh``, or a language the archive does not stem)
lower-cased words are compared. A term of several words — a
phrase — matches a run of consecutive words whose stems match in order; punctuation between them
is skipped, as the index skips it.

Spans come back sorted, with overlapping and adjacent ones merged. Nothing is cached between
calls but compiled regular expressions and stemmers.

What is marked is every term of the query but English stop words typed on their own (``the``,
``of``, ``on``): a hit must hold them, but marked they would speckle every line. Inside a quoted
phrase they are part of what was asked for and are marked with it; a query of nothing but stop
words marks them, so that its hits still show why they were found (``marked_terms``).
"""

import logging
import re
import unicodedata
from bisect import bisect_right
from functools import cache, cached_property

import jieba
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import stemmer

Span = tuple[int, int]

# CJK ideographs: the unified block, extension A, the compatibility block and the
# supplementary planes' extensions.
_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_IDEOGRAPH = re.compile(f"[{_IDEOGRAPHS}]")
# A letter or digit of any script except CJK, whose ideographs are not separated by spaces.
_ALNUM = rf"[^\W_{_IDEOGRAPHS}]"
# A four-digit year in brackets after a number: the year of a Security Council resolution.
_RESOLUTION_YEAR = r"(?<=\d)\s?\(\d{4}\)"
# Each repetition starts with a joiner that a letter cannot match, so there is only one way to
# match a word and no backtracking blow-up.
# Apostrophes end a word, as in the index: l'Organisation is "l" and "organisation".
_WORD = re.compile(rf"{_ALNUM}+(?:[-./]{_ALNUM}+)*(?:{_RESOLUTION_YEAR})?")

# Where a snippet may begin or end without cutting into a word or a clause.
_SNIPPET_BREAKS = frozenset(" \t\n\r\u3000，。；、：！？,;:!?")
# The share of a snippet's width shown before its first mark, and the share by which each edge
# may move inwards to reach a break (together at most a fifth of the width asked for).
_SNIPPET_LEAD = 0.25
_SNIPPET_SLACK = 0.1


# English words too common to mark on their own.
STOP_WORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had"),
        *("has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the"),
        *("their", "these", "this", "those", "to", "was", "were", "which", "with"),
    }
)


def marked_terms(terms) -> list[str]:
    """The texts of the query's terms (``search.querylang.Term``) to mark: not an unquoted term
    made only of English stop words, unless nothing else would be marked."""
    texts = [term.text for term in terms]
    marked = [term.text for term in terms if term.phrase or not _only_stop_words(term.text)]
    return marked or texts


def _only_stop_words(text: str) -> bool:
    words = _WORD.findall(_fold(text)[0])
    return bool(words) and all(word in STOP_WORDS for word in words)


def marked_html(text: str, spans: list[Span], window: tuple[int, int] | None = None) -> SafeString:
    """The text (or a window of it) with the spans in <mark>, every piece escaped."""
    start, end = window or (0, len(text))
    parts, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 — pieces escaped above


def highlight_spans(text: str, terms: list[str], language: str) -> list[Span]:
    """Sorted, merged, non-overlapping [start, end) spans of `text` to mark for the query terms."""
    return merge_spans([span for spans in spans_by_term(text, terms, language) for span in spans])


def spans_by_term(text: str, terms: list[str], language: str) -> list[list[Span]]:
    """For each term, where it occurs in ``text`` (unsorted, unmerged; empty where it does not):
    whether each term is there, with the text read once."""
    paragraph = _Paragraph(text, language)
    found: list[list[Span]] = []
    for term in terms:
        folded_term = " ".join(_fold(term)[0].split())
        if not folded_term:
            found.append([])
        elif _IDEOGRAPH.search(folded_term):
            found.append(_chinese_spans(paragraph, folded_term))
        else:
            found.append(_word_spans(paragraph, folded_term))
    return found


def snippet_window(text: str, spans: list[Span], width: int = 160) -> Span:
    """A [start, end) window of about `width` characters to show in a result list, around the first
    span (the whole text when it is short); never cuts a span.

    About a quarter of the window comes before the first span, and its edges move (by at most a
    tenth of ``width``, and only inwards) to a space or a clause break, so it neither starts nor
    ends in the middle of a word where it can help it. A span longer than the window is shown
    whole; a later span that the end would cut is left out entirely. The caller adds ellipses
    where ``start > 0`` or ``end < len(text)``.
    """
    if len(text) <= width:
        return 0, len(text)
    spans = merge_spans(spans)
    first = spans[0] if spans else (0, 0)
    start, end = _window_around(first, width, len(text))
    start, end = _move_edges_to_breaks(text, start, end, first, int(width * _SNIPPET_SLACK))
    return start, _end_outside_spans(end, spans)


class _Paragraph:
    """The text of a hit, folded for matching, with its words cut lazily and at most once."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        self.folded, self._origin = _fold(text)

    def original_span(self, folded_start: int, folded_end: int) -> Span:
        """The span of the original text that the folded characters [start, end) came from."""
        return self._origin[folded_start], self._origin[folded_end - 1] + 1

    @cached_property
    def chinese_words(self) -> list[Span]:
        """jieba's precise cut of the whole text; its words tile the text without gaps."""
        _initialize_jieba()
        return [(start, end) for _, start, end in jieba.tokenize(self.text)]

    @cached_property
    def _chinese_word_ends(self) -> list[int]:
        return [end for _, end in self.chinese_words]

    def chinese_words_touching(self, start: int, end: int) -> list[Span]:
        """The words of the cut that share at least one character with [start, end)."""
        index = bisect_right(self._chinese_word_ends, start)
        touching = []
        while index < len(self.chinese_words) and self.chinese_words[index][0] < end:
            touching.append(self.chinese_words[index])
            index += 1
        return touching

    @cached_property
    def words(self) -> list[tuple[str, Span]]:
        """(comparison key, original span) for every word outside the Chinese runs."""
        return [
            (_word_key(match.group(), self.language), self.original_span(*match.span()))
            for match in _WORD.finditer(self.folded)
        ]


def _chinese_spans(paragraph: _Paragraph, folded_term: str) -> list[Span]:
    """Every occurrence of a Chinese term, fitted to whole words."""
    return [
        _fit_to_words(paragraph, paragraph.original_span(*occurrence))
        for occurrence in _occurrences(paragraph.folded, folded_term)
    ]


def _occurrences(folded_text: str, folded_term: str) -> list[Span]:
    """Where the term occurs in the text, overlapping occurrences included.

    The pattern sits in a lookahead so that every starting position is tried (人道人 occurs twice
    in 人道人道人). Its pieces are literal and non-blank, so ``\\s*`` between them cannot
    backtrack more than the length of one run of spaces.
    """
    pattern = r"\s*".join(re.escape(piece) for piece in folded_term.split())
    return [match.span(1) for match in re.finditer(f"(?=({pattern}))", folded_text)]


def _fit_to_words(paragraph: _Paragraph, occurrence: Span) -> Span:
    """The occurrence made whole words of the paragraph's cut (see the module docstring)."""
    start, end = occurrence
    touching = paragraph.chinese_words_touching(start, end)
    first_start, last_end = touching[0][0], touching[-1][1]
    on_boundaries = first_start == start and last_end == end
    is_dictionary_sub_word = len(touching) == 1 and _in_dictionary(paragraph.text[start:end])
    if on_boundaries or is_dictionary_sub_word:
        return occurrence
    return first_start, last_end


def _word_spans(paragraph: _Paragraph, folded_term: str) -> list[Span]:
    """Every run of consecutive words of the paragraph whose keys are the term's, in order."""
    term_keys = [
        _word_key(match.group(), paragraph.language) for match in _WORD.finditer(folded_term)
    ]
    if not term_keys:
        return []
    words = paragraph.words
    size = len(term_keys)
    spans = []
    for first in range(len(words) - size + 1):
        run = words[first : first + size]
        if all(key == term_key for (key, _), term_key in zip(run, term_keys, strict=True)):
            spans.append((run[0][1][0], run[-1][1][1]))
    return spans


def _word_key(folded_word: str, language: str) -> str:
    """What two words must share to match: the stem, spelled one way.

    ``2286 (2016)`` and ``2286(2016)`` are one symbol, and ’ is typed as ' more often than not.
    """
    word = "".join(folded_word.split()).replace("’", "'")
    return stemmer(language)(word)


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` NFKC-folded and lower-cased character by character, and for every folded
    character the index of the original character it came from (folding may change lengths:
    ㈠ becomes (一), İ becomes i̇)."""
    if text.isascii():  # folding changes no length: the common case of Latin text, at once
        return text.lower(), list(range(len(text)))
    pieces = []
    origin = []
    for index, char in enumerate(text):
        piece = char.lower() if char.isascii() else unicodedata.normalize("NFKC", char).lower()
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return "".join(pieces), origin


def merge_spans(spans) -> list[Span]:
    """Spans sorted, with overlapping and adjacent ones joined into one."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@cache
def _initialize_jieba() -> None:
    # The dictionary loads on first use; loading it here keeps FREQ from being read empty.
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _in_dictionary(word: str) -> bool:
    return jieba.dt.FREQ.get(word, 0) > 0


def _window_around(first: Span, width: int, length: int) -> Span:
    """A window of ``width`` characters (more if ``first`` is longer) with ``first`` in its
    first quarter, moved back from the end of the text so that it is never short."""
    start = max(0, first[0] - int(width * _SNIPPET_LEAD))
    end = min(length, max(start + width, first[1]))
    return min(start, max(0, end - width)), end


def _move_edges_to_breaks(text: str, start: int, end: int, first: Span, slack: int) -> Span:
    """The window with its edges moved inwards to breaks within ``slack``, keeping ``first``."""
    if start > 0:
        start = _start_after_break(text, start, min(start + slack, first[0]))
    if end < len(text):
        end = _end_after_break(text, end, max(end - slack, first[1]))
    return start, end


def _start_after_break(text: str, start: int, limit: int) -> int:
    """Just after the first break in text[start:limit] (``start`` if none), blanks skipped."""
    position = next((p + 1 for p in range(start, limit) if text[p] in _SNIPPET_BREAKS), start)
    while position < limit and text[position].isspace():
        position += 1
    return position


def _end_after_break(text: str, end: int, limit: int) -> int:
    """Just after the last break in text[limit:end] (``end`` if none), blanks dropped."""
    position = next(
        (p + 1 for p in range(end - 1, limit - 1, -1) if text[p] in _SNIPPET_BREAKS), end
    )
    while position > limit and text[position - 1].isspace():
        position -= 1
    return position


def _end_outside_spans(end: int, spans: list[Span]) -> int:
    """``end``, moved back before the span it would cut, if any.

    The spans are merged, so at most one can straddle ``end``, and it is never the first span:
    the window was built to hold that one whole.
    """
    for start, span_end in spans:
        if start < end < span_end:
            return start
    return end
