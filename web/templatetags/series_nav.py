"""The place of a resolution in its series, as its page shows it: the series, the resolutions
before and after it, and the way to what changed since the one before."""

from dataclasses import dataclass

from django import template
from django.contrib.postgres.aggregates import ArrayAgg
from django.urls import reverse

from resolutions.languages import HTML_LANG
from resolutions.models import Resolution
from resolutions.series import place_among

register = template.Library()


@dataclass
class Neighbour:
    """The resolution before or after, as cited (75/125), linked in the reader's language when
    it has a version in it."""

    symbol: str
    url: str


@dataclass
class SeriesPlace:
    title: str
    title_lang: str
    url: str
    count: int
    previous: Neighbour | None
    next: Neighbour | None
    changes_url: str  # what changed since ``previous``; empty without one


def _neighbour(resolution, language: str) -> Neighbour | None:
    if resolution is None:
        return None
    if language in resolution.languages:
        url = reverse(
            "resolutions:version", kwargs={"symbol": resolution.symbol, "language": language}
        )
    else:
        url = resolution.get_absolute_url()
    return Neighbour(resolution.short_symbol, url)


def _changes_url(symbol: str, language: str) -> str:
    """The changes page, in the reader's language when both resolutions have it."""
    return reverse("resolutions:changes", kwargs={"symbol": symbol}) + f"?lang={language}"


@register.simple_tag
def series_place(resolution, version) -> SeriesPlace | None:
    """Where ``resolution`` stands in its series, for a reader of ``version``: one query, none
    when it belongs to no series."""
    if resolution.series_id is None:
        return None
    members = list(
        Resolution.objects.filter(series_id=resolution.series_id)
        .select_related("series")
        .annotate(languages=ArrayAgg("versions__language", default=[]))
    )
    if not members:
        return None
    series = members[0].series
    previous, following = place_among(resolution, members)
    language = version.language
    # A series is named by its titles: in the reader's language, by this text's own.
    named_in = language if version.title.strip() else series.title_language
    return SeriesPlace(
        title=version.title if named_in == language else series.title,
        title_lang=HTML_LANG.get(named_in, ""),
        url=series.get_absolute_url(),
        count=len(members),
        previous=_neighbour(previous, language),
        next=_neighbour(following, language),
        changes_url=_changes_url(resolution.symbol, language) if previous else "",
    )
