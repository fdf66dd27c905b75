"""How text is cut into searchable tokens: jieba words for Chinese, stems for other scripts,
character pairs for exact substrings, with UN symbols and numbers kept whole.

Plain Python, shared by every engine: each engine indexes exactly these tokens (Whoosh through
a tokenizer that yields them, tantivy as pre-tokenized text), so that both find the same
paragraphs, and the highlighter cuts and stems words the way the index did.

A token is ``(text, position, start, end)``: the lower-cased term, its position in the field
(phrases match consecutive positions) and its character span in the text. Three kinds of field:

- ``text`` — every paragraph, any language: Chinese cut into words by jieba; other scripts into
  lower-cased words; symbols such as ``A/76/334``, ``2286(2016)``, ``75/125`` and ``COVID-19``
  as single tokens. At index time each long Chinese word also yields its 2- and 3-character
  dictionary sub-words at the word's own position (人道主义 → 人道, 主义), so a query for part of
  a word finds it while phrases still line up word by word. At query time jieba's precise cut is
  used, and a query term that is a dictionary word stays whole. No stop words: they would shift
  positions and lose 的/和 inside phrases.
- ``text_<language>`` — the same words stemmed with that language's Snowball stemmer
  (``LANGUAGE_FIELDS``), so "attacks" finds "attack" in English and "attaques" finds "attaque"
  in French.
- ``bigrams`` — Chinese as overlapping character pairs (联合, 合国, 国人, 人员), other tokens
  whole. A phrase of pairs matches exactly where the characters stand next to each other, which
  word segmentation cannot promise: 国人员 crosses the words 联合国|人员 and is found only here.
  At index time the last character of a run is also a token of its own, at the position of the
  run's last pair, so that a one-character query finds every occurrence of its character.

The jieba dictionary loads once per process (``initialize``); gunicorn preloads it in the master.
"""

import re
from array import array
from functools import cache
from pathlib import Path

import jieba
import Stemmer

# jieba's dictionary is loaded where the comparison of texts loads it too; re-exported for the
# engines, the app's start-up and the benchmarks.
from resolutions.segmentation import configure as configure
from resolutions.segmentation import in_dictionary as in_dictionary
from resolutions.segmentation import initialize as initialize
from resolutions.segmentation import jieba_cache_dir as jieba_cache_dir

Token = tuple[str, int, int, int]  # text, position, start, end
Piece = tuple[str, int, int, bool]  # text, start, end, at the position of the token before it

# UN symbols and numbers stay whole: A/76/334, A/RES/75/125, S/RES/2286(2016), 2286 (2016), 75/125.
_SYMBOL = (
    r"[A-Za-z]{1,6}(?:\.\d+)?/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*[A-Za-z0-9](?:\s?\(\d{4}\))?"
    r"|\d+\s?\(\d{4}\)"
    r"|\d+/\d+"
)
# Words of alphabetic scripts (Latin, Cyrillic, Arabic) and numbers, hyphenated ones whole
# (COVID-19); an apostrophe ends a word, so l'Organisation is found as "organisation".
_WORD = r"[^\W_\u3400-\u9fff\uf900-\ufaff]+(?:[-.][^\W_\u3400-\u9fff\uf900-\ufaff]+)*"
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]+"
TOKEN_RE = re.compile(rf"(?P<symbol>{_SYMBOL})|(?P<word>{_WORD})|(?P<cjk>{_CJK})")
CJK_RE = re.compile(_CJK)

# Languages whose text also goes into a stemmed field, and the field's name.
LANGUAGE_FIELDS = {
    "en": "text_en",
    "fr": "text_fr",
    "es": "text_es",
    "ru": "text_ru",
    "ar": "text_ar",
}
# The Snowball stemmer of each language code the archive knows.
_SNOWBALL = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}


def start_analysis_process(cache_dir: Path | None) -> None:
    """Set up a process that analyses documents for an engine (see ``analyse``)."""
    configure(cache_dir)
    initialize()


def normalise_symbol(text: str) -> str:
    """One spelling per symbol token: no space before a year, lower case."""
    return re.sub(r"\s+\(", "(", text).lower()


def chinese_words(run: str, mode: str) -> list[Piece]:
    """The words of a run of Chinese characters.

    Index mode adds dictionary sub-words after their word; query mode keeps a dictionary word
    whole and otherwise uses the precise cut.
    """
    initialize()
    if mode == "query" and in_dictionary(run):
        return [(run, 0, len(run), False)]
    words = []
    for word, start, end in jieba.tokenize(run):
        words.append((word, start, end, False))
        if mode != "query" and len(word) > 2:
            for size in (2, 3):
                for offset in range(len(word) - size + 1):
                    part = word[offset : offset + size]
                    if part != word and in_dictionary(part):
                        words.append((part, start + offset, start + offset + size, True))
    return words


def character_pairs(run: str, mode: str) -> list[Piece]:
    """Overlapping pairs of a run of Chinese characters (and its last character, at index time,
    at the position of the last pair)."""
    if len(run) == 1:
        return [(run, 0, 1, False)]
    pairs = [(run[i : i + 2], i, i + 2, False) for i in range(len(run) - 1)]
    if mode != "query":
        pairs.append((run[-1], len(run) - 1, len(run), True))
    return pairs


def _tokens(text: str, cut_run, mode: str) -> list[Token]:
    tokens = []
    position = -1
    for match in TOKEN_RE.finditer(text):
        if match.lastgroup == "cjk":
            pieces = cut_run(match.group(), mode)
        else:
            value = match.group()
            value = normalise_symbol(value) if match.lastgroup == "symbol" else value
            pieces = [(value, 0, len(match.group()), False)]
        offset = match.start()
        for value, start, end, same_position in pieces:
            if not same_position:
                position += 1
            tokens.append((value.lower(), position, offset + start, offset + end))
    return tokens


def word_tokens(text: str, mode: str = "index") -> list[Token]:
    """The ``text`` field's tokens: jieba words (with sub-words at index time), whole words and
    symbols."""
    return _tokens(text, chinese_words, mode)


def bigram_tokens(text: str, mode: str = "index") -> list[Token]:
    """The ``bigrams`` field's tokens: character pairs for Chinese, whole words and symbols."""
    return _tokens(text, character_pairs, mode)


def stemmed_tokens(text: str, language: str, mode: str = "index") -> list[Token]:
    """The tokens of the field ``text_<language>``: the words of ``text`` stemmed."""
    stem = stemmer(language)
    return [(stem(value), *rest) for value, *rest in word_tokens(text, mode)]


@cache
def stemmer(language: str):
    """The Snowball stemmer of ``language`` as a function of one word; no change for a language
    without one (``zh``). Every stem, at index and at query time, comes from here.

    Two languages need more than Snowball:

    * Arabic writes the article and the conjunctions and prepositions before it as one word
      with the noun (والكرامة "and the dignity"). Snowball takes some of them off (بالكرامة,
      للكرامة) but not others (والكرامة, فالكرامة), so the prefixes of Larkey's light10
      stemmer (وال بال كال فال لل ال, then و) go first; Snowball then takes the pronouns off
      the end (كرامته → كرام).
    * Spanish: Snowball takes -es off "dignidades" but -ad off "dignidad", so a word is stemmed
      until its stem stops changing, where both meet (dign).
    """
    if language not in _SNOWBALL:
        return _unchanged
    snowball = Stemmer.Stemmer(_SNOWBALL[language]).stemWord
    if language == "ar":
        return lambda word: snowball(_without_arabic_prefix(word))
    if language == "es":
        return lambda word: _fixed_point(snowball, word)
    return snowball


# Longest first; what is left must still be a word of two letters or more.
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")


def _without_arabic_prefix(word: str) -> str:
    """والكرامة → كرامة: the article, and a conjunction or preposition written before it."""
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    # و "and" alone, from a longer word: ولد "boy" stays whole.
    return word[1:] if word.startswith("و") and len(word) > 3 else word


def _fixed_point(stem, word: str) -> str:
    """``word`` stemmed until the stem no longer changes (a few rounds at most)."""
    for _ in range(4):
        stemmed = stem(word)
        if stemmed == word:
            break
        word = stemmed
    return word


def _unchanged(word: str) -> str:
    return word


def field_tokens(field: str, text: str, mode: str = "index") -> list[Token]:
    """The tokens of ``text`` in the index field ``field``."""
    if field == "bigrams":
        return bigram_tokens(text, mode)
    for language, name in LANGUAGE_FIELDS.items():
        if name == field:
            return stemmed_tokens(text, language, mode)
    return word_tokens(text, mode)


def analyse(prepared: dict) -> dict[str, tuple[str, bytes]]:
    """The tokens of every analysed field of a prepared index document, packed (``pack_tokens``)
    to cross from an analysis process to the one that writes the index."""
    text = prepared.get("text") or ""
    tokens = {"text": word_tokens(text), "bigrams": bigram_tokens(text)}
    for language, name in LANGUAGE_FIELDS.items():
        if prepared.get(name):
            tokens[name] = stemmed_tokens(prepared[name], language)
    return {name: pack_tokens(field_tokens) for name, field_tokens in tokens.items()}


# A token never holds a control character (TOKEN_RE matches none).
_SEPARATOR = "\x1f"


def pack_tokens(tokens: list[Token]) -> tuple[str, bytes]:
    """The tokens as one string and one byte string: pickled between processes far faster
    than a tuple per token."""
    numbers = array("q")
    for _, position, start, end in tokens:
        numbers.extend((position, start, end))
    return _SEPARATOR.join(token[0] for token in tokens), numbers.tobytes()


def unpack_tokens(packed: tuple[str, bytes]) -> list[Token]:
    values, numbers_bytes = packed
    numbers = array("q")
    numbers.frombytes(numbers_bytes)
    if not numbers:
        return []
    return [
        (value, *numbers[3 * index : 3 * index + 3])
        for index, value in enumerate(values.split(_SEPARATOR))
    ]
