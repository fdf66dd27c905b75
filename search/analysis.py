"""How text is cut into searchable tokens: jieba words for Chinese, stems for Latin scripts,
character bigrams for exact substrings, with UN symbols and numbers kept whole.

Three kinds of field, one analyzer each (``FIELD_ANALYZERS`` is the one map the backend reads):

- ``text`` — every paragraph, any language: Chinese cut into words by jieba; other scripts into
  lower-cased words; symbols such as ``A/76/334``, ``2286(2016)``, ``75/125`` and ``COVID-19``
  as single tokens. At index time each long Chinese word also yields its 2- and 3-character
  dictionary sub-words at the word's own position (人道主义 → 人道, 主义), so a query for part of
  a word finds it while phrases still line up word by word. At query time jieba's precise cut is
  used, and a query term that is a dictionary word stays whole. No stop words: they would shift
  positions and lose 的/和 inside phrases.
- ``text_<language>`` — the same words stemmed for that language (``LANGUAGE_FIELDS``), so
  "attacks" finds "attack" in English and "attaques" finds "attaque" in French.
- ``bigrams`` — Chinese as overlapping character pairs (联合, 合国, 国人, 人员), other tokens
  whole. A phrase of bigrams matches exactly where the characters stand next to each other, which
  word segmentation cannot promise: 国人员 crosses the words 联合国|人员 and is found only here.

The jieba dictionary loads once per process (``initialize``); gunicorn preloads it in the master.
"""

import logging
import re
import threading
from pathlib import Path

import jieba
from whoosh.analysis import LowercaseFilter, StemFilter, Token, Tokenizer

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

_init_lock = threading.Lock()
_initialized = False
_cache_dir: Path | None = None


def configure(cache_dir: Path) -> None:
    """Where jieba keeps its dictionary cache: the project's own folder, not /tmp."""
    global _cache_dir
    _cache_dir = cache_dir


def initialize() -> None:
    """Load jieba's dictionary (its frequency table is empty until then), once per process."""
    global _initialized
    with _init_lock:
        if _initialized:
            return
        jieba.setLogLevel(logging.WARNING)
        if _cache_dir is not None:
            _cache_dir.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(_cache_dir)
        jieba.initialize()
        _initialized = True


def in_dictionary(word: str) -> bool:
    return jieba.dt.FREQ.get(word, 0) > 0


def normalise_symbol(text: str) -> str:
    """One spelling per symbol token: no space before a year, lower case."""
    return re.sub(r"\s+\(", "(", text).lower()


def chinese_words(run: str, mode: str) -> list[tuple[str, int, int, bool]]:
    """(word, start, end, is_sub_word) for a run of Chinese characters.

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


class _ArchiveTokenizer(Tokenizer):
    """Shared walk over symbols, words and Chinese runs; subclasses say how a run is cut."""

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for match in TOKEN_RE.finditer(value):
            if match.lastgroup == "cjk":
                pieces = self.cut_run(match.group(), mode)
            else:
                text = match.group()
                text = normalise_symbol(text) if match.lastgroup == "symbol" else text
                pieces = [(text, 0, len(match.group()), False)]
            for text, start, end, same_position in pieces:
                if not same_position:
                    position += 1
                token.text = text
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = text
                if positions:
                    token.pos = position - 1
                if chars:
                    token.startchar = start_char + match.start() + start
                    token.endchar = start_char + match.start() + end
                yield token

    def cut_run(self, run: str, mode: str) -> list[tuple[str, int, int, bool]]:
        raise NotImplementedError


class WordTokenizer(_ArchiveTokenizer):
    """jieba words (with sub-words at index time) for Chinese; whole words and symbols else."""

    def cut_run(self, run, mode):
        return chinese_words(run, mode)


class BigramTokenizer(_ArchiveTokenizer):
    """Overlapping character pairs for Chinese; whole words and symbols else.

    At index time the last character of a run is also a token of its own, at the position of the
    last pair, so that a one-character query can be a prefix query (国*) that finds every
    occurrence without disturbing the positions that phrases of pairs rely on.
    """

    def cut_run(self, run, mode):
        if len(run) == 1:
            return [(run, 0, 1, False)]
        pairs = [(run[i : i + 2], i, i + 2, False) for i in range(len(run) - 1)]
        if mode != "query":
            pairs.append((run[-1], len(run) - 1, len(run), True))
        return pairs


def word_analyzer():
    return WordTokenizer() | LowercaseFilter()


def bigram_analyzer():
    return BigramTokenizer() | LowercaseFilter()


def stemming_analyzer(language: str):
    """Words stemmed with the Snowball stemmer of ``language``; symbols pass unchanged."""
    return WordTokenizer() | LowercaseFilter() | StemFilter(lang=language)


FIELD_ANALYZERS = {
    "text": word_analyzer,
    "bigrams": bigram_analyzer,
    **{
        field: (lambda language=language: stemming_analyzer(language))
        for language, field in LANGUAGE_FIELDS.items()
    },
}
