"""What changed, as JSON: a resolution against the previous one of its series, or any two.

The same comparison as the changes and compare pages (``web.views.changes``): each paragraph
of the newer text in order, and each dropped one where it stood, with its state, both sides
and the pieces of a changed paragraph's text (kept, inserted, deleted).
"""

from django.http import Http404
from django.urls import reverse

from resolutions.changes import Comparison
from resolutions.comparing import compare_versions
from resolutions.labels import paragraph_label
from resolutions.models import Resolution
from resolutions.series import neighbours
from web.compared import Pair, Refusal, read_language, read_symbol, resolutions_asked, version_pair
from web.views.changes import compare_url

from .freshness import NotInArchive
from .http import BadParameter, Validators, api_view, json_response, single_value
from .representations import api_url


def _refuse(refusal: Refusal):
    if refusal.status == 400:
        raise BadParameter(refusal.parameter, refusal.en)
    raise Http404(refusal.en)


def _language(params) -> str:
    language = read_language(single_value(params, "language"))
    if isinstance(language, Refusal):
        _refuse(language)
    return language


def _passage(passage, version, request) -> dict | None:
    if passage is None:
        return None
    return {
        "eid": passage.eid,
        "label": paragraph_label(passage.eid),
        "text": passage.text,
        "url": request.build_absolute_uri(f"{version.get_absolute_url()}{passage.eid}/"),
    }


def _side(request, version) -> dict:
    symbol = version.resolution.symbol
    return {
        "symbol": symbol,
        "language": version.language,
        "title": version.title,
        "adopted_on": version.resolution.adopted_on and version.resolution.adopted_on.isoformat(),
        "links": {
            "api": api_url(request, "version", symbol=symbol, language=version.language),
            "html": request.build_absolute_uri(version.get_absolute_url()),
        },
    }


def comparison_document(request, pair: Pair, comparison: Comparison, html: str) -> dict:
    return {
        "from": _side(request, pair.old),
        "to": _side(request, pair.new),
        "language": pair.language,
        "languages": pair.shared,
        "counts": comparison.counts,
        "share_changed": round(comparison.share_changed, 4),
        "changes": [
            {
                "state": change.state.value,
                "old": _passage(change.old, pair.old, request),
                "new": _passage(change.new, pair.new, request),
                "renumbered": change.renumbered,
                "pieces": [{"kind": kind.value, "text": text} for kind, text in change.pieces],
            }
            for change in comparison.changes
        ],
        "links": {"html": request.build_absolute_uri(html)},
    }


def _answer(request, pair: Pair, html: str):
    validators = Validators.of(
        pair.old.pk,
        pair.new.pk,
        pair.old.resolution.updated_at,
        pair.new.resolution.updated_at,
        last_modified=max(pair.old.imported_at, pair.new.imported_at),
    )
    if not_modified := validators.not_modified(request):
        return not_modified
    comparison = compare_versions(pair.old, pair.new)
    return validators.stamp(json_response(comparison_document(request, pair, comparison, html)))


@api_view
def changes(request, symbol: str):
    """What changed in a resolution since the previous one of its series."""
    language = _language(request.GET)
    resolution = Resolution.objects.select_related("series").filter(symbol=symbol).first()
    if resolution is None:
        raise NotInArchive(symbol)
    previous, _ = neighbours(resolution)
    if previous is None:
        raise Http404(
            f"{symbol} has no previous resolution in a series in the archive; compare it with "
            f"another at {reverse('api:compare')}?from=…&to={symbol}"
        )
    pair = version_pair(previous, resolution, language)
    if isinstance(pair, Refusal):
        _refuse(pair)
    html = reverse(
        "resolutions:version_changes", kwargs={"symbol": symbol, "language": pair.language}
    )
    return _answer(request, pair, html)


@api_view
def compare(request):
    """What changed between any two resolutions, in a language both have."""
    asked = {}
    for name in ("from", "to"):
        text = single_value(request.GET, name)
        if text is None:
            raise BadParameter(name, f"{name} is required: a resolution symbol such as 76/127")
        symbol = read_symbol(text, name)
        if isinstance(symbol, Refusal):
            _refuse(symbol)
        asked[name] = symbol
    language = _language(request.GET)
    found = resolutions_asked(asked["from"], asked["to"])
    if isinstance(found, Refusal):
        _refuse(found)
    pair = version_pair(*found, language)
    if isinstance(pair, Refusal):
        _refuse(pair)
    return _answer(request, pair, compare_url(asked["from"], asked["to"], pair.language))
