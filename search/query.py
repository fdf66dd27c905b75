"""What a search asks of an engine, as data: every engine turns a ``SearchRequest`` into a query
of its own (``search.engines``), from the same tokens.

- A Chinese term must occur as an exact substring: a phrase of character pairs in ``bigrams``
  decides whether a paragraph is a hit (a one-character term: its character, anywhere). The
  term's jieba words in ``text`` only rank: paragraphs where the term stands as whole words rank
  above those where it straddles words (国人员 in 联合国人员).
- Any other term is a phrase of words, matched exactly in ``text`` or by stem in the stemmed
  field of each language.
- Terms are data all the way down: nothing the user types becomes engine syntax.

Filters narrow the hits: a facet's value or the resolution's symbol must hold (``filters``), and
the adoption date must fall in a range (``adopted``, either end open); a range leaves out the
resolutions whose adoption date is unknown.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .analysis import CJK_RE, LANGUAGE_FIELDS, Token, bigram_tokens, field_tokens

WORD_FIELDS = ("text", *LANGUAGE_FIELDS.values())
# "state" holds several values a document: the States and territories its resolution names.
FACETS = ("body", "period", "language", "kind", "state")
SORTS = ("relevance", "date")
# Whole-value filters: the facets, and the resolution's canonical symbol (search within one).
TERM_FILTERS = (*FACETS, "symbol")


@dataclass(frozen=True)
class TermMatch:
    """One term of the query, analysed as the index analysed the texts."""

    text: str

    @cached_property
    def chinese(self) -> bool:
        return bool(CJK_RE.search(self.text))

    @cached_property
    def character(self) -> str | None:
        """The character of a one-character Chinese term, which is found wherever it stands."""
        chinese = "".join(CJK_RE.findall(self.text))
        return chinese if len(chinese) == 1 and chinese == self.text.strip() else None

    @cached_property
    def pairs(self) -> list[str]:
        """The ``bigrams`` phrase that decides a Chinese term."""
        return _texts(bigram_tokens(self.text, "query"))

    def words(self, field_name: str = "text") -> list[str]:
        """The phrase of words the term is in ``field_name`` (``text`` or a stemmed field)."""
        return _texts(field_tokens(field_name, self.text, "query"))


def _texts(tokens: list[Token]) -> list[str]:
    return [text for text, *_ in tokens]


@dataclass(frozen=True)
class SearchRequest:
    """One page of a search: an AND of OR-groups of terms, minus the excluded terms, or the
    paragraphs citing a symbol; with facet filters, a sort and a page."""

    groups: tuple[tuple[TermMatch, ...], ...] = ()
    excluded: tuple[TermMatch, ...] = ()
    cites: str | None = None  # a canonical symbol
    filters: tuple[tuple[str, str], ...] = ()  # (facet or symbol, value), each must hold
    adopted: tuple[date | None, date | None] = (None, None)  # first and last day, inclusive
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20
    facets: tuple[str, ...] = FACETS


@dataclass
class ResultPage:
    """What an engine found: the exact total, one page of stored documents (with ``score``)
    and the facet counts of every hit, most frequent value first."""

    total: int = 0
    documents: list[dict] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def request_for(
    parsed,
    *,
    cites: str | None = None,
    filters=None,
    adopted=(None, None),
    sort="relevance",
    offset=0,
    limit=20,
) -> SearchRequest:
    """The request for a parsed query (``search.querylang``) or for the paragraphs citing
    ``cites``; ``filters`` maps ``TERM_FILTERS`` to values, ``adopted`` is (first, last day)."""
    groups: tuple = ()
    excluded: tuple = ()
    if cites is None:
        groups = tuple(tuple(TermMatch(term.text) for term in group) for group in parsed.groups)
        excluded = tuple(TermMatch(term.text) for term in parsed.excluded)
    return SearchRequest(
        groups=groups,
        excluded=excluded,
        cites=cites,
        filters=tuple(sorted((filters or {}).items())),
        adopted=tuple(adopted),
        sort=sort if sort in SORTS else "relevance",
        offset=offset,
        limit=limit,
    )
