"""Running a search: the query, facet filters, sorting and paging, on the configured engine.

``run_search`` returns everything the page, the feed and the JSON need; it never raises for what
the user typed, and reports an unusable index as ``unavailable`` instead of failing.

Searches go on while the importer writes and while ``rebuild_index`` swaps in a new index. An
engine that finds the index changing under a search (a commit removed the files it was about to
read) says so with ``IndexChanging``; the index is then opened afresh and the search run again,
so a search during an import answers from the index before or after the commit, never with an
error.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import date

from django.utils.safestring import SafeString

from resolutions.languages import WrittenIn
from resolutions.symbols import Symbol, canonical_symbol, parse_symbol

from .engines import backend
from .engines.base import IndexChanging
from .highlight import highlight_spans, marked_html, marked_terms, snippet_window
from .periods import in_chronological_order
from .query import FACETS, SORTS, TERM_FILTERS, request_for
from .querylang import ParsedQuery, parse_query
from .titles import TitleHit, matching_titles

log = logging.getLogger(__name__)

PAGE_SIZE = 20
SEARCH_ATTEMPTS = 3
# FACETS and SORTS are the search page's too: the API and the feed take them from here.
__all__ = [
    "FACETS",
    "PAGE_SIZE",
    "SORTS",
    "Hit",
    "Outcome",
    "TitleHit",
    "marked_html",
    "run_search",
]


@dataclass
class Hit(WrittenIn):
    symbol: str
    title: str
    language: str
    eid: str
    kind: str
    url: str
    adopted_on: date | None
    snippet: SafeString
    score: float
    subtitle: str = ""  # the opening words, under a title that names no subject


@dataclass
class Outcome:
    query: str
    parsed: ParsedQuery
    symbol: Symbol | None = None
    resolutions: list[TitleHit] = field(default_factory=list)  # titles that match, on page 1
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PAGE_SIZE
    pages: int = 0
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    seconds: float = 0.0
    unavailable: bool = False

    @property
    def searched(self) -> bool:
        return self.symbol is not None or not self.parsed.is_empty


def _hit(document: dict, terms: list[str]) -> Hit:
    text = document.get("text") or ""
    language = document.get("language", "")
    spans = highlight_spans(text, terms, language) if terms else []
    return Hit(
        symbol=document.get("symbol", ""),
        title=document.get("title", ""),
        subtitle=document.get("subtitle", ""),
        language=language,
        eid=document.get("eid", ""),
        kind=document.get("kind", ""),
        url=document.get("url", ""),
        adopted_on=document.get("adopted_on"),
        snippet=marked_html(text, spans, snippet_window(text, spans)),
        score=document.get("score", 0.0),
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def run_search(
    query: str,
    filters: dict[str, str],
    sort: str = "relevance",
    page: int = 1,
    per_page: int = PAGE_SIZE,
) -> Outcome:
    """One page of the search. ``filters`` are the search form's: facet values and ``symbol``
    (in any spelling) must hold, ``adopted_from`` and ``adopted_to`` (YYYY-MM-DD) bound the
    adoption date. The first page also names the resolutions whose title matches
    (``search.titles``)."""
    started = time.perf_counter()
    parsed = parse_query(query)
    outcome = Outcome(query=query, parsed=parsed, page=max(page, 1), per_page=per_page)
    term_filters = {name: value for name, value in filters.items() if name in TERM_FILTERS}
    if "symbol" in term_filters:
        term_filters["symbol"] = canonical_symbol(term_filters["symbol"]) or term_filters["symbol"]
    adopted = (_day(filters.get("adopted_from")), _day(filters.get("adopted_to")))
    symbol = parse_symbol(query.strip()) if query.strip() else None
    if symbol is not None:
        outcome.symbol = symbol
        terms: list[str] = []
    elif parsed.is_empty:
        return outcome
    else:
        terms = marked_terms(parsed.terms)
    request = request_for(
        parsed,
        cites=symbol.canonical if symbol is not None else None,
        filters=term_filters,
        adopted=adopted,
        sort=sort,
        offset=(outcome.page - 1) * per_page,
        limit=per_page,
    )
    engine = backend()
    for attempt in range(1, SEARCH_ATTEMPTS + 1):
        try:
            if attempt > 1:
                engine.reopen()
            if not engine.index_exists():
                outcome.unavailable = True
                return outcome
            result = engine.search_page(request)
            break
        except IndexChanging:
            if attempt == SEARCH_ATTEMPTS:
                log.exception("search index kept changing under the search for %r", query)
                outcome.unavailable = True
                return outcome
        except Exception:
            log.exception("search failed for %r", query)
            outcome.unavailable = True
            return outcome
    outcome.total = result.total
    outcome.facets = result.facets
    if "period" in outcome.facets:
        outcome.facets["period"] = in_chronological_order(outcome.facets["period"])
    outcome.pages = (outcome.total + per_page - 1) // per_page
    outcome.hits = [_hit(document, terms) for document in result.documents]
    if symbol is None and outcome.page == 1:
        outcome.resolutions = matching_titles(parsed, term_filters, adopted)
    outcome.seconds = time.perf_counter() - started
    return outcome


def search_payload(outcome, symbol_url) -> dict:
    """The results of a search as the JSON of the search page and of the API give them."""
    return {
        "query": outcome.query,
        "total": outcome.total,
        "page": outcome.page,
        "pages": outcome.pages,
        "per_page": outcome.per_page,
        "seconds": round(outcome.seconds, 4),
        "notices": outcome.parsed.notices,
        "symbol": outcome.symbol.canonical if outcome.symbol else None,
        "symbol_url": symbol_url,
        "resolutions": [
            {
                "symbol": found.symbol,
                "language": found.language,
                "title": found.title,
                "marked_title": str(found.marked_title),
                "url": found.url,
                "adopted_on": found.adopted_on.isoformat() if found.adopted_on else None,
            }
            for found in outcome.resolutions
        ],
        "hits": [
            {
                "symbol": hit.symbol,
                "language": hit.language,
                "eid": hit.eid,
                "kind": hit.kind,
                "url": hit.url,
                "title": hit.title,
                "subtitle": hit.subtitle,
                "adopted_on": hit.adopted_on.isoformat() if hit.adopted_on else None,
                "snippet": str(hit.snippet),
                "score": hit.score,
            }
            for hit in outcome.hits
        ],
        "facets": {
            name: [[value, count] for value, count in values if value is not None]
            for name, values in outcome.facets.items()
        },
    }
