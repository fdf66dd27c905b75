"""The search endpoint's parameters, checked: the search page's own (q, body, period, language,
kind, sort, page), where a value the index cannot hold is a 400 rather than an empty answer."""

import re

from django.urls import reverse

from resolutions.languages import LANGUAGES
from resolutions.links import document_service_url
from resolutions.models import Body, ParagraphKind
from search.service import FACETS, SORTS

from .filters import SESSION_PATTERN
from .http import BadParameter, single_value
from .pagination import MAX_PAGE, whole_number

# Longer queries are cut by the search itself (with a notice); beyond this the URL is abuse.
MAX_QUERY = 1000
KINDS = (*ParagraphKind.values, "footnote")
# The period facet: an Assembly session (GA 76, GA ES-11) or a Council year (SC 2016).
PERIOD_PATTERN = rf"GA {SESSION_PATTERN}|SC [0-9]{{4}}"
FACET_CHECKS = {
    "body": (lambda value: value in Body.values, "GA or SC"),
    "period": (
        lambda value: re.fullmatch(PERIOD_PATTERN, value) is not None,
        "an Assembly session or a Council year: GA 76, GA ES-11, SC 2016",
    ),
    "language": (lambda value: value in LANGUAGES, f"one of {', '.join(LANGUAGES)}"),
    "kind": (lambda value: value in KINDS, f"one of {', '.join(KINDS)}"),
}


def search_parameters(params) -> tuple[str, dict[str, str], str, int]:
    """(query, facet filters, sort, page) from the query string; BadParameter when unusable."""
    query = single_value(params, "q")
    if not query:
        raise BadParameter("q", "q is required: the words, phrase or symbol to search for")
    if len(query) > MAX_QUERY:
        raise BadParameter("q", f"q is too long: {MAX_QUERY} characters at most")
    filters = {}
    for name in FACETS:
        if (value := single_value(params, name)) is not None:
            allowed, described = FACET_CHECKS[name]
            if not allowed(value):
                raise BadParameter(name, f"{name} must be {described}")
            filters[name] = value
    sort = single_value(params, "sort")
    if sort is None:
        sort = "relevance"
    elif sort not in SORTS:
        raise BadParameter("sort", f"sort must be one of {', '.join(SORTS)}")
    page = whole_number(params, "page", 1, 1, MAX_PAGE)
    return query, filters, sort, page


def symbol_url(outcome) -> str | None:
    """Where a query that is a symbol leads, as on the search page: the resolution's page, or
    the UN's document service for other documents."""
    symbol = outcome.symbol
    if symbol is None:
        return None
    if symbol.is_resolution:
        return reverse("resolutions:resolution", kwargs={"symbol": symbol.canonical})
    return document_service_url(symbol.canonical)
