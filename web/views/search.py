"""The search page, /search/?q=…, as HTML or (format=json) as JSON."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect, render

from resolutions.bodies import BODIES
from resolutions.citations.links import symbol_url
from resolutions.citations.resolving import MISSING_PLACE, citation_in_query
from resolutions.labels import element_name
from resolutions.languages import LANGUAGES
from resolutions.states import state
from resolutions.symbols import parse_symbol
from search.forms import MAX_QUERY, SearchForm
from search.service import FACETS, PAGE_SIZE, SORTS, Hit, run_search, search_payload

from .query_limits import query_too_long

KIND_NAMES = {
    "preambular": "序言段落 Preambular",
    "operative": "执行段落 Operative",
    "subparagraph": "分项 Sub-item",
    "other": "其他 Other",
    "footnote": "脚注 Footnote",
}
# 大会 General Assembly, 安理会 Security Council
BODY_NAMES = {code: f"{names.zh_short} {names.en}" for code, names in BODIES.items()}
FACET_HEADINGS = {
    "body": "机关 Body",
    "period": "届会/年份 Session or year",
    "language": "语文 Language",
    "kind": "段落类型 Kind",
    "state": "提及的国家和领土 States and territories named",
}


# The most frequent values a facet shows on the page (all, unless named here), and the value
# filtered on; the JSON has all.
SHOWN_VALUES = {"state": 25}


def facet_label(name: str, value: str) -> str:
    if name == "body":
        return BODY_NAMES.get(value, value)
    if name == "language":
        return LANGUAGES.get(value, value)
    if name == "kind":
        return KIND_NAMES.get(value, value)
    if name == "state" and (named := state(value)) is not None:
        return f"{named.zh} {named.en}"
    if name == "period":
        body, _, number = value.partition(" ")
        if body == "GA":
            return f"{BODIES['GA'].zh}第 {number} 届会议"
        return f"{BODIES['SC'].zh_short} {number} 年"
    return value


@dataclass
class ShownHit:
    """A search result as the page lists it: the hit, what kind of text it is, the name of its
    place (第 4 段, footnote 2) and a link that marks the query words there."""

    hit: Hit
    kind_label: str
    place: str
    link: str


def highlighted_link(url: str, query: str) -> str:
    """The hit's permalink, asking the page to mark the query words: /…/para_4/?q=…"""
    path, hash_mark, anchor = url.partition("#")
    return f"{path}?{urlencode({'q': query})}{hash_mark}{anchor}"


def search(request):
    # Never refused: what the search form cannot accept falls back as search_arguments says.
    form = SearchForm(request.GET)
    query, filters, sort, page = form.search_arguments()
    as_json = request.GET.get("format") == "json"
    if len(query) > MAX_QUERY:
        return query_too_long(request, query, as_json)
    # A citation goes to its paragraph, and is searched as its resolution's symbol.
    citation = citation_in_query(query)
    if citation and request.GET.get("go") and citation.missing != MISSING_PLACE:
        return redirect(citation.url)
    outcome = run_search(citation.symbol if citation else query, filters, sort, page)
    leads_to = symbol_url(outcome.symbol) if outcome.symbol else None
    if leads_to and request.GET.get("go") and citation is None:
        return redirect(leads_to)
    if as_json:
        return _json(outcome, leads_to, citation)
    kept = {k: v for k, v in {"q": query, "sort": sort, **filters}.items() if v}
    facets = [
        {
            "name": name,
            "heading": FACET_HEADINGS[name],
            "values": [
                {
                    "value": value,
                    "label": facet_label(name, value),
                    "count": count,
                    "selected": filters.get(name) == value,
                    "url": "?"
                    + urlencode(
                        {k: v for k, v in kept.items() if k != name}
                        | ({} if filters.get(name) == value else {name: value})
                    ),
                }
                for rank, (value, count) in enumerate(outcome.facets.get(name, []))
                if value is not None
                and (rank < SHOWN_VALUES.get(name, rank + 1) or filters.get(name) == value)
            ],
        }
        for name in FACETS
    ]
    hits = [
        ShownHit(
            hit,
            KIND_NAMES.get(hit.kind, hit.kind),
            element_name(hit.eid, hit.language),
            highlighted_link(hit.url, outcome.query),
        )
        for hit in outcome.hits
    ]
    status = 503 if outcome.unavailable else 200
    return render(
        request,
        "search/search.html",
        {
            "outcome": outcome,
            "hits": hits,
            "query": query,
            "filters": filters,
            "ignored": form.ignored(),
            "within_url": _within_url(filters),
            "search_everywhere": "?" + urlencode({k: v for k, v in kept.items() if k != "symbol"}),
            "symbol_url": leads_to,
            "citation": citation,
            "facets": facets,
            "facets_shown": any(facet["values"] for facet in facets),
            "sort": sort,
            "kept": urlencode(kept),
            "sort_urls": {name: "?" + urlencode(kept | {"sort": name}) for name in SORTS},
            "first_number": (outcome.page - 1) * PAGE_SIZE + 1,
        },
        status=status,
    )


def _within_url(filters: dict[str, str]) -> str | None:
    """The page of the resolution a search is kept within (``symbol=``), if any."""
    return symbol_url(parse_symbol(filters["symbol"])) if "symbol" in filters else None


def _json(outcome, leads_to: str | None, citation=None):
    if outcome.unavailable:
        return JsonResponse({"error": "search index unavailable"}, status=503)
    return JsonResponse(
        {"citation": citation and citation.summary(), **search_payload(outcome, leads_to)},
        json_dumps_params={"ensure_ascii": False},
    )
