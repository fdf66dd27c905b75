"""Series in the API: /api/v1/series/<slug>/ (the members in order, their size and the share
changed since the one before), and where a resolution stands in its series, for its own JSON."""

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse

from resolutions.models import Resolution, Series
from resolutions.series import ORDER_FIELDS, place_among
from resolutions.series_overview import overview, stamp_rows

from .http import Validators, api_view, json_response


def api_url(request, name: str, **kwargs) -> str:
    # As ``representations.api_url``, which builds a resolution's JSON with ``series_link``.
    return request.build_absolute_uri(reverse(f"api:{name}", kwargs=kwargs))


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def series_members_prefetch() -> Prefetch:
    """What ``series_link`` reads besides the resolution: its series' members (one query, none
    when it has no series)."""
    return Prefetch(
        "series__resolutions",
        queryset=Resolution.objects.only("symbol", "series_id", *ORDER_FIELDS),
    )


def _neighbour(request, resolution) -> dict | None:
    if resolution is None:
        return None
    return {
        "symbol": resolution.symbol,
        "url": api_url(request, "resolution", symbol=resolution.symbol),
    }


def series_link(request, resolution) -> dict | None:
    """The series of ``resolution`` (fetched with ``select_related("series")`` and
    ``series_members_prefetch``) and its neighbours in it; None when it has no series."""
    series = resolution.series
    if series is None:
        return None
    previous, following = place_among(resolution, series.resolutions.all())
    return {
        "slug": series.slug,
        "title": series.title,
        "url": api_url(request, "series", slug=series.slug),
        "html": request.build_absolute_uri(series.get_absolute_url()),
        "previous": _neighbour(request, previous),
        "next": _neighbour(request, following),
    }


@api_view
def series(request, slug: str):
    """A series: its title and its resolutions in the order adopted."""
    rows = stamp_rows(slug)
    if not rows:
        raise Http404(f"No series {slug}")
    validators = Validators.of(slug, rows, last_modified=max(max(row[1:4]) for row in rows))
    if not_modified := validators.not_modified(request):
        return not_modified
    found = Series.objects.get(pk=rows[0][4])
    members = overview(found)
    return validators.stamp(
        json_response(
            {
                "slug": found.slug,
                "title": found.title,
                "title_language": found.title_language,
                "members": [
                    {
                        "symbol": member.resolution.symbol,
                        "url": api_url(request, "resolution", symbol=member.resolution.symbol),
                        "html": request.build_absolute_uri(member.version.get_absolute_url()),
                        "adopted_on": _iso(member.resolution.adopted_on),
                        "languages": [version.language for version in member.versions],
                        "paragraphs": member.paragraphs,
                        "preambular": member.preambular,
                        "operative": member.operative,
                        "share_changed": (
                            None if member.share_changed is None else round(member.share_changed, 4)
                        ),
                        "compared_in": member.compared_in or None,
                    }
                    for member in members
                ],
                "links": {
                    "self": api_url(request, "series", slug=found.slug),
                    "html": request.build_absolute_uri(found.get_absolute_url()),
                },
            }
        )
    )
