"""Series of resolutions: the list of them, and one series with its timeline and members.

A series page is the same for every reader until one of its resolutions is imported again or
corrected, or the series gains or loses a member: it is rendered once and kept in the page cache
(``web.page_cache``) under a stamp of exactly these, read in one query.
"""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from resolutions.languages import HTML_LANG
from resolutions.models import Series
from resolutions.series import resolution_order, title_key
from resolutions.series_overview import SeriesMember, overview, stamp_rows

from ..page_cache import kept_page
from ..timeline import Point, draw


@dataclass
class SeriesEntry:
    """A series as the list shows it."""

    url: str
    title: str
    lang: str
    years: str
    count: int


def series_list(request):
    """Every series, by title, with how many resolutions it holds and the years it spans."""
    rows = Series.objects.annotate(
        member_count=Count("resolutions"),
        first_adopted=Min("resolutions__adopted_on"),
        last_adopted=Max("resolutions__adopted_on"),
    ).order_by("title")
    entries = [
        SeriesEntry(
            series.get_absolute_url(),
            series.title,
            _html_lang(series),
            _years(series.first_adopted, series.last_adopted),
            series.member_count,
        )
        for series in rows
    ]
    return render(request, "resolutions/series_list.html", {"entries": entries})


def _years(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return ""
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def changes_url(member: SeriesMember) -> str:
    """The changes page of ``member`` against the previous resolution of the series, in the
    language they were compared in; empty for the first."""
    if member.share_changed is None:
        return ""
    return reverse(
        "resolutions:version_changes",
        kwargs={"symbol": member.resolution.symbol, "language": member.compared_in},
    )


@dataclass
class MemberRow:
    """A row of the members table: the member and the links it needs."""

    member: SeriesMember
    url: str
    changes_url: str
    own_title: bool  # its title is not the series' (it was reworded)


def _stamp(slug: str) -> tuple[int, str] | None:
    """The series' id and a digest of what its page shows (its members' versions and when
    each was imported, when each resolution and the series last changed), in one query; None
    when there is no such series."""
    rows = stamp_rows(slug)
    if not rows:
        return None
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:32]
    return rows[0][4], digest


def series(request, slug: str):
    stamp = _stamp(slug)
    if stamp is None:
        raise Http404(f"No series {slug}")
    series_id, digest = stamp
    return kept_page(
        request,
        f"series-{series_id}-{digest}",
        lambda at: _series_page(request, Series.objects.get(pk=series_id)),
    )


def _series_page(request, series: Series) -> HttpResponse:
    members = overview(series)
    rows = [
        MemberRow(
            member,
            member.version.get_absolute_url(),
            changes_url(member),
            title_key(member.version.title) != title_key(series.title),
        )
        for member in members
    ]
    timeline = draw(
        [
            Point(
                symbol=member.resolution.short_symbol,
                url=row.url,
                adopted_on=when,
                paragraphs=member.paragraphs,
                share_changed=member.share_changed,
                previous=member.previous.short_symbol if member.previous else "",
            )
            for member, row, when in zip(members, rows, _dates(members), strict=True)
        ]
    )
    return render(
        request,
        "resolutions/series.html",
        {
            "series": series,
            "rows": rows,
            "timeline": timeline,
            "title_lang": _html_lang(series),
            "votes": any(member.resolution.vote for member in members),
        },
    )


def _html_lang(series: Series) -> str:
    return HTML_LANG.get(series.title_language, "")


def _dates(members: list[SeriesMember]) -> list[date]:
    """Where each member stands on the timeline: its adoption date; without one, the end of its
    session's year, or else the date of the member before it."""
    dates: list[date] = []
    for member in members:
        when = resolution_order(member.resolution)[0]
        if when.year == date.max.year:
            when = dates[-1] if dates else member.version.imported_at.date()
        dates.append(when)
    return dates
