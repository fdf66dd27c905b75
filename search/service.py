"""Running a search: the query, facet filters, sorting and paging, through haystack.

``run_search`` returns everything the page and the JSON need; it never raises for what the user
typed, and reports an unusable index as ``unavailable`` instead of failing.

Searches go on while the importer writes. Whoosh readers take no lock, but a commit replaces the
index's table of contents and removes the segments it merged: a search that listed the files just
before finds one gone (``FileNotFoundError``; ``EmptyIndexError`` when no table of contents is
left for an instant). The index is then opened afresh and the search run again, so a search
during an import answers from the index before or after the commit, never with an error.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from haystack import connections
from haystack.query import SearchQuerySet
from whoosh import index as whoosh_index

from resolutions.symbols import Symbol, parse_symbol

from .highlight import highlight_spans, snippet_window
from .query import build_query, citing_query, filter_query
from .querylang import ParsedQuery, parse_query

log = logging.getLogger(__name__)

PAGE_SIZE = 20
FACETS = ("body", "period", "language", "kind")
SORTS = ("relevance", "date")
# What reading an index that a writer is committing to can raise; anything else is a real fault.
COMMIT_RACES = (FileNotFoundError, whoosh_index.EmptyIndexError)
SEARCH_ATTEMPTS = 3


@dataclass
class Hit:
    symbol: str
    title: str
    language: str
    eid: str
    kind: str
    url: str
    adopted_on: date | None
    snippet: SafeString
    score: float


@dataclass
class Outcome:
    query: str
    parsed: ParsedQuery
    symbol: Symbol | None = None
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 0
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    seconds: float = 0.0
    unavailable: bool = False

    @property
    def searched(self) -> bool:
        return self.symbol is not None or not self.parsed.is_empty


def index_exists() -> bool:
    """Whether there is a readable index to search: a missing one is not silently recreated."""
    try:
        return whoosh_index.exists_in(connections["default"].options["PATH"])
    except COMMIT_RACES:
        raise  # the caller tries again
    except Exception:  # an unreadable directory or table of contents
        log.exception("search index cannot be read")
        return False


def reopen_index() -> None:
    """Open the search backend's index again, at the generation committed last (never through
    haystack's ``setup``, which creates an empty index when it finds none)."""
    backend = connections["default"].get_backend()
    if backend.setup_complete:
        backend.index = backend.storage.open_index(schema=backend.schema)


def marked_html(
    text: str, spans: list[tuple[int, int]], window: tuple[int, int] | None = None
) -> SafeString:
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


def _hit(result, terms: list[str]) -> Hit:
    text = result.text or ""
    spans = highlight_spans(text, terms, result.language) if terms else []
    adopted = result.adopted_on
    if isinstance(adopted, datetime):
        adopted = adopted.date()
    return Hit(
        symbol=result.symbol,
        title=result.title,
        language=result.language,
        eid=result.eid,
        kind=result.kind,
        url=result.url,
        adopted_on=adopted,
        snippet=marked_html(text, spans, snippet_window(text, spans)),
        score=result.score,
    )


def run_search(
    query: str, filters: dict[str, str], sort: str = "relevance", page: int = 1
) -> Outcome:
    started = time.perf_counter()
    parsed = parse_query(query)
    outcome = Outcome(query=query, parsed=parsed, page=max(page, 1))
    symbol = parse_symbol(query.strip()) if query.strip() else None
    if symbol is not None:
        outcome.symbol = symbol
        raw = citing_query(symbol.canonical)
        terms: list[str] = []
    elif parsed.is_empty:
        return outcome
    else:
        raw = build_query(parsed.groups, parsed.excluded)
        terms = [term.text for term in parsed.terms]
    for attempt in range(1, SEARCH_ATTEMPTS + 1):
        try:
            if attempt > 1:
                reopen_index()
            if not index_exists():
                outcome.unavailable = True
                return outcome
            page_results = _search(raw, filters, sort, outcome)
            break
        except COMMIT_RACES:
            if attempt == SEARCH_ATTEMPTS:
                log.exception("search index kept changing under the search for %r", raw)
                outcome.unavailable = True
                return outcome
        except Exception:
            log.exception("search failed for %r", raw)
            outcome.unavailable = True
            return outcome
    outcome.pages = (outcome.total + PAGE_SIZE - 1) // PAGE_SIZE
    outcome.hits = [_hit(result, terms) for result in page_results if result is not None]
    outcome.seconds = time.perf_counter() - started
    return outcome


def _search(raw: str, filters: dict[str, str], sort: str, outcome: Outcome) -> list:
    """One page of results for the raw query; sets the total and the facet counts."""
    results = SearchQuerySet().raw_search(raw)
    for name, value in filters.items():
        results = results.narrow(filter_query(name, value))
    for name in FACETS:
        results = results.facet(name)
    if sort == "date":
        results = results.order_by("-adopted_on")
    first = (outcome.page - 1) * PAGE_SIZE
    page_results = list(results[first : first + PAGE_SIZE])
    outcome.total = results.count()
    outcome.facets = results.facet_counts().get("fields", {})
    return page_results
