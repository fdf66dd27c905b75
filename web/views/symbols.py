"""Symbols as users write them: variant spellings redirect, unknown resolutions get a page."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from resolutions.citations.links import document_service_url
from resolutions.languages import LANGUAGES
from resolutions.symbols import parse_symbol, split_symbol_path

from ..presentation import citations_of, group_citing


def variant(request, spelling: str):
    """Any other spelling of a resolution URL, redirected (301) to the canonical one.

    /76/127/, /a/res/76/127, /2286(2016)/, /S/RES/2286 (2016)/en/ all land on the canonical URL;
    what follows the symbol (a language, a paragraph) is kept.
    """
    if found := split_symbol_path(spelling):
        symbol, rest = found
        url = _canonical_url(symbol.canonical, rest)
        if url is not None and url != request.path:
            if request.META.get("QUERY_STRING"):
                url += "?" + request.META["QUERY_STRING"]
            return HttpResponsePermanentRedirect(url)
    raise Http404("No page here")


def _canonical_url(symbol: str, rest: list[str]) -> str | None:
    """The canonical URL of the symbol followed by what came after it, when that is a page."""
    if not rest:
        routes = [("resolution", {})]
    elif len(rest) == 1:
        left, _, right = rest[0].partition("-")
        routes = [
            ("version", {"language": rest[0]}),
            ("side_by_side", {"left": left, "right": right}),
        ]
    elif len(rest) == 2:
        routes = [("paragraph", {"language": rest[0], "eid": rest[1]})]
    else:
        return None
    for name, kwargs in routes:
        try:
            return reverse(f"resolutions:{name}", kwargs={"symbol": symbol, **kwargs})
        except NoReverseMatch:
            continue
    return None


def not_in_archive(request, symbol: str):
    """The friendly 404 for a resolution the archive does not hold (yet)."""
    parsed = parse_symbol(symbol)
    context = {
        "symbol": symbol,
        "short_symbol": parsed.short if parsed else symbol,
        "service_links": [
            (code, name, document_service_url(symbol, code)) for code, name in LANGUAGES.items()
        ],
        "citing": group_citing(citations_of(symbol), "zh"),
    }
    return render(request, "resolutions/not_in_archive.html", context, status=404)
