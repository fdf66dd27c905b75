"""The search box's small query language: what the user typed, made safe and structured.

The language has four constructs and nothing else::

    人道主义 "联合国人员" -维持和平        words, a "quoted phrase", an -exclusion
    维持和平 OR 建设和平 安全              维持和平 or 建设和平, and 安全

* Words are separated by whitespace (ASCII, the ideographic space U+3000, or any other).
* Terms are AND-ed. ``OR`` — upper case, standing between two terms — joins the terms on either
  side into one group of alternatives, and binds tighter than AND: ``a b OR c`` is a AND (b OR c).
* ``-`` before a word or a phrase excludes paragraphs containing it. Only a *leading* ``-`` is an
  operator: ``COVID-19`` is one word.

The result, ``ParsedQuery``, is data, never a query string: ``groups`` is an AND of OR-groups and
``excluded`` the terms to remove. The text of a ``Term`` is literal and must never be re-parsed,
so the syntax of Whoosh and Lucene (``( ) [ ] : / + AND NOT TO``…) has no effect here:

* Characters that only ever mean syntax and never occur inside a word of a resolution —
  wildcards ``* ?``, boost ``^`` and fuzziness ``~`` (with the number after them), the escape
  ``\\``, brackets ``[ ] { }`` — separate words like spaces, so a habitual ``人道*`` still
  searches 人道.
* Parentheses, ``/``, ``:`` and ``+`` stay inside words, because UN symbols and names need them:
  ``2286(2016)``, ``A/RES/75/125``, ``Rio+20``. Only a *leading* ``+``, Lucene's "required"
  mark, is dropped.
* Upper-case ``AND`` is dropped and ``TO`` is an ordinary word. Upper-case ``NOT`` stays an
  ordinary word too, and a notice points to ``-``.

Normalisation, so that the same query is found however it was typed:

* control characters (U+0000–U+001F, U+007F–U+009F) are removed — those that separate lines or
  fields (tab, newline…) become spaces, since they come from pasting — and so are invisible
  format characters (soft hyphen, zero-width space, word joiner, byte-order mark);
* NFKC folds full-width forms (``ＣＯＶＩＤ－１９`` → ``COVID-19``, ``＂`` → ``"``, U+3000 → space);
* curly and corner quotation marks (``“ ” „ « » 「 」 『 』``) are read as ``"``;
* whitespace is collapsed, then the query is cut to ``MAX_QUERY_LENGTH`` characters, with a notice;
* every term is converted from Traditional to Simplified Chinese (``聯合國人員`` → ``联合国人员``),
  silently: the archive's Chinese is Simplified, and Latin text passes through unchanged.

Whatever the input, parsing never fails; problems become ``notices`` for the user, Chinese then
English. A quote left open takes the rest of the query as its phrase (the likeliest intent when a
closing quote was forgotten), with a notice. Terms with no letter, digit or ideograph (``，``,
``-``, ``()``) are dropped; ``OR`` with nothing to join on one side (at either end, doubled, next
to an exclusion) is ignored.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import opencc

MAX_QUERY_LENGTH = 200

OR_OPERATOR = "OR"
# AND is the default, so the word adds nothing; NOT is not an operator, but its user wants "-".
DROPPED_WORDS = frozenset({"AND"})
MISTAKEN_OPERATORS = frozenset({"NOT"})

NOTICE_TOO_LONG = (
    f"查询过长，只用了前 {MAX_QUERY_LENGTH} 个字符。"
    f"The query was too long: only its first {MAX_QUERY_LENGTH} characters were used."
)
NOTICE_UNCLOSED_QUOTE = (
    "引号没有闭合，引号后的全部文字按一个短语搜索。"
    "A quotation mark was not closed: everything after it is searched as one phrase."
)
NOTICE_ONLY_PUNCTUATION = (
    "查询只有标点符号，没有可搜索的词语。"
    "The query has only punctuation: there are no words to search for."
)
NOTICE_ONLY_EXCLUSIONS = (
    "查询只有排除的词语，请至少输入一个要查找的词语。"
    "The query only excludes words: enter at least one word to look for."
)
NOTICE_NOT_IS_A_WORD = (
    "NOT 在这里不是运算符，而是按普通词语搜索；要排除词语，请在词语前加 -。"
    "NOT is not an operator here and is searched as a word: put - before a word to exclude it."
)

# C0 and C1 control characters. The whitespace among them (tab, newline, the C1 next-line and
# the information separators) becomes a space; the rest is dropped. Invisible format characters
# pasted from documents are dropped too: they would silently split or glue words.
_CONTROL_OR_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff]")
# Read after NFKC, which has already folded the full-width ＂ into ".
_QUOTATION_MARKS = str.maketrans(dict.fromkeys("“”„«»「」『』", '"'))
# Query syntax with no meaning inside the words of a resolution: read as a space. A boost or a
# fuzziness takes its number with it ("安全^2", "人道~0.8"), which would otherwise become a term.
_SYNTAX_ONLY = re.compile(r"[\^~][0-9.]*|[*?\\\[\]{}]")

# One lexeme: optional exclusion marks, then a quoted phrase (closing quote optional, so an
# unbalanced quote runs to the end) or a word. A lone "-" fails the first branch and comes back
# as a word of punctuation, which is then dropped. No nested repetition: linear time.
_LEXEME = re.compile(r'(?P<minus>-+)?(?:"(?P<phrase>[^"]*)(?P<closing>")?|(?P<word>[^\s"]+))')


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word or a quoted phrase, in normalised form."""

    text: str  # Simplified Chinese, NFKC-folded, whitespace collapsed; literal, never syntax
    phrase: bool  # it was quoted


@dataclass
class ParsedQuery:
    """A query as structured data: an AND of OR-groups of terms, minus the excluded terms."""

    original: str
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """No positive term: nothing to search for (exclusions alone select nothing)."""
        return not self.groups

    @property
    def terms(self) -> list[Term]:
        """Every positive term in the order typed, e.g. for highlighting."""
        return [term for group in self.groups for term in group]


@dataclass(frozen=True)
class _Lexeme:
    """A term or the OR operator, as read from the query; ``term`` is None for OR."""

    term: Term | None
    excluded: bool = False

    @property
    def is_or(self) -> bool:
        return self.term is None


_OR = _Lexeme(term=None)


@cache
def _traditional_to_simplified() -> opencc.OpenCC:
    # Loading the conversion tables takes a few milliseconds: do it once per process.
    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional Chinese converted to Simplified; other scripts are returned unchanged."""
    return _traditional_to_simplified().convert(text) if text else text


def parse_query(raw: str) -> ParsedQuery:
    """Read what was typed into the search box; never raises, whatever ``raw`` holds."""
    parsed = ParsedQuery(original=raw)
    text = _tidy(raw)
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        parsed.notices.append(NOTICE_TOO_LONG)
    lexemes, dropped_any = _read_lexemes(text, parsed.notices)
    _group(lexemes, parsed)
    if parsed.is_empty and parsed.excluded:
        parsed.notices.append(NOTICE_ONLY_EXCLUSIONS)
    elif parsed.is_empty and dropped_any:
        parsed.notices.append(NOTICE_ONLY_PUNCTUATION)
    return parsed


def _tidy(raw: str) -> str:
    """The query with control characters gone, forms folded and whitespace collapsed."""
    text = _CONTROL_OR_INVISIBLE.sub(lambda match: " " if match.group().isspace() else "", raw)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTATION_MARKS)
    text = _SYNTAX_ONLY.sub(" ", text)
    return " ".join(text.split())


def _read_lexemes(text: str, notices: list[str]) -> tuple[list[_Lexeme], bool]:
    """The terms and ORs of ``text`` in order, and whether any term was dropped as punctuation."""
    lexemes = []
    dropped_any = False
    for match in _LEXEME.finditer(text):
        excluded = match["minus"] is not None
        if match["phrase"] is not None:
            if match["closing"] is None:
                notices.append(NOTICE_UNCLOSED_QUOTE)
            term = _make_term(match["phrase"], phrase=True)
        elif not excluded and match["word"] == OR_OPERATOR:
            lexemes.append(_OR)
            continue
        elif not excluded and match["word"] in DROPPED_WORDS:
            continue
        else:
            _note_mistaken_operator(match["word"], excluded, notices)
            term = _make_term(match["word"], phrase=False)
        if term is None:
            dropped_any = True
        else:
            lexemes.append(_Lexeme(term, excluded))
    return lexemes, dropped_any


def _note_mistaken_operator(word: str, excluded: bool, notices: list[str]) -> None:
    if not excluded and word in MISTAKEN_OPERATORS and NOTICE_NOT_IS_A_WORD not in notices:
        notices.append(NOTICE_NOT_IS_A_WORD)


def _make_term(text: str, phrase: bool) -> Term | None:
    """The term for a word or phrase, or None when it has no letter, digit or ideograph."""
    if not phrase:
        # Lucene's "required" mark: every term is required already, so it only gets in the way.
        text = text.lstrip("+")
    text = text.strip()
    # str.isalnum is true for letters of every script, digits and CJK ideographs alike.
    if not any(char.isalnum() for char in text):
        return None
    return Term(text=to_simplified(text), phrase=phrase)


def _group(lexemes: list[_Lexeme], parsed: ParsedQuery) -> None:
    """Fill ``parsed.groups`` and ``parsed.excluded``: OR joins a term to the group before it.

    An OR counts only between two positive terms; one at either end, doubled, or next to an
    exclusion has nothing to join and is ignored.
    """
    joining = False
    previous: _Lexeme | None = None
    for lexeme in lexemes:
        if lexeme.is_or:
            joining = joining or (previous is not None and _is_positive(previous))
        elif lexeme.excluded:
            parsed.excluded.append(lexeme.term)
            joining = False
        elif joining:
            parsed.groups[-1].append(lexeme.term)
            joining = False
        else:
            parsed.groups.append([lexeme.term])
        previous = lexeme


def _is_positive(lexeme: _Lexeme) -> bool:
    return not lexeme.is_or and not lexeme.excluded
