"""What changed: a resolution against the previous one of its series, or any two a reader picks.

Each paragraph of the newer text is shown in its order, marked unchanged, changed (the words
inserted and deleted marked), or new; each paragraph of the older text that nothing matches is
shown, dropped, where it stood. Runs of unchanged paragraphs are folded so the changes stand
out. A page is a handful of queries however long the texts, and is kept in the page cache until
either text is imported again.
"""

import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.changes import Piece, State
from resolutions.comparing import compare_versions
from resolutions.labels import element_name, paragraph_label
from resolutions.languages import LANGUAGES
from resolutions.models import Resolution
from resolutions.series import neighbours

from ..compared import (
    Pair,
    Refusal,
    read_language,
    read_symbol,
    resolutions_asked,
    version_pair,
)
from ..page_cache import kept_page
from .symbols import not_in_archive

_STATE_NAMES = {
    State.UNCHANGED.value: ("未改动", "unchanged"),
    State.CHANGED.value: ("有改动", "changed"),
    State.NEW.value: ("新增", "new"),
    State.DROPPED.value: ("删除", "dropped"),
}
_OPEN = {Piece.INSERTED: "<ins>", Piece.DELETED: "<del>"}
_CLOSE = {Piece.INSERTED: "</ins>", Piece.DELETED: "</del>"}


@dataclass(frozen=True)
class ShownChange:
    """One paragraph as the changes view shows it."""

    state: str
    anchor: str  # its id on the page: the newer text's eid, or dropped-<eid>
    label: str  # PP3, 4., (a)
    url: str  # its permalink, in the newer text (in the older one when dropped)
    name_zh: str
    name_en: str
    kind: str
    html: SafeString  # the text, inserted words in <ins> and deleted ones in <del>
    was_zh: str = ""  # 原第 22 段, when it moved
    was_en: str = ""

    @property
    def state_zh(self) -> str:
        return _STATE_NAMES[self.state][0]

    @property
    def state_en(self) -> str:
        return _STATE_NAMES[self.state][1]


@dataclass
class Run:
    """Paragraphs that follow one another: unchanged ones are folded together."""

    unchanged: bool
    changes: list[ShownChange] = field(default_factory=list)

    @property
    def span(self) -> str:
        """PP1–PP4, or the one label."""
        first, last = self.changes[0].label, self.changes[-1].label
        return first if len(self.changes) == 1 else f"{first}–{last}"


@dataclass
class ChangesView:
    old: object  # LanguageVersion
    new: object
    counts: dict[str, int]
    share_changed: float
    runs: list[Run]
    # (code, name, URL) of the same changes in each other language both texts have.
    other_languages: list[tuple[str, str, str]]

    @property
    def percent_changed(self) -> int:
        return round(self.share_changed * 100)


def pieces_html(pieces) -> SafeString:
    """The pieces of a paragraph as HTML, every piece escaped."""
    return mark_safe(  # noqa: S308 — each piece is escaped here
        "".join(
            f"{_OPEN[kind]}{escape(text)}{_CLOSE[kind]}" if kind in _OPEN else escape(text)
            for kind, text in pieces
        )
    )


def _shown(change, old, new) -> ShownChange:
    passage = change.new or change.old
    version = new if change.new else old
    eid = passage.eid
    changed = change.state == State.CHANGED
    html = pieces_html(change.pieces) if changed else escape(passage.text)
    shown = {
        "state": change.state.value,
        "anchor": eid if change.new else f"dropped-{eid}",
        "label": paragraph_label(eid),
        "url": f"{version.get_absolute_url()}{eid}/",
        "name_zh": element_name(eid, "zh"),
        "name_en": element_name(eid, "en"),
        "kind": passage.kind,
        "html": html,
    }
    if change.renumbered:
        shown["was_zh"] = "原" + element_name(change.old.eid, "zh")
        shown["was_en"] = "was " + element_name(change.old.eid, "en")
    return ShownChange(**shown)


def changes_view(pair: Pair, url_in) -> ChangesView:
    """The comparison of the pair's two texts, arranged for the page (``url_in(language)``
    is the address of the same comparison in another language): two queries."""
    comparison = compare_versions(pair.old, pair.new)
    runs: list[Run] = []
    for change in comparison.changes:
        unchanged = change.state == State.UNCHANGED
        if not runs or runs[-1].unchanged != unchanged or not unchanged:
            runs.append(Run(unchanged))
        runs[-1].changes.append(_shown(change, pair.old, pair.new))
    others = [
        (code, LANGUAGES[code], url_in(code)) for code in pair.shared if code != pair.language
    ]
    return ChangesView(
        pair.old, pair.new, comparison.counts, comparison.share_changed, runs, others
    )


def compare_url(older: str, newer: str, language: str = "") -> str:
    query = {"from": older, "to": newer}
    if language:
        query["language"] = language
    return f"{reverse('resolutions:compare')}?{urlencode(query)}"


def page_key(pair: Pair, page: str = "changes", series=None) -> str:
    """Where the page of ``pair`` is kept: it changes with every import of either text (and
    with the series whose name the page shows)."""
    stamp = " ".join(
        str(part)
        for part in (
            pair.old.imported_at,
            pair.new.imported_at,
            pair.old.resolution.updated_at,
            pair.new.resolution.updated_at,
            pair.shared,
            series and series.updated_at,
        )
    )
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:32]
    return f"{page}-{pair.old.pk}-{pair.new.pk}-{digest}"


def series_url(series) -> str:
    return series.get_absolute_url() if series else ""


def _with_previous(request, symbol: str) -> tuple[Resolution, Resolution] | HttpResponse:
    """The resolution ``symbol`` and the one before it in its series, or the page saying why
    there is no such pair."""
    resolution = Resolution.objects.select_related("series").filter(symbol=symbol).first()
    if resolution is None:
        return not_in_archive(request, symbol)
    previous, _ = neighbours(resolution)
    if previous is None:
        return _no_previous(request, resolution)
    return resolution, previous


def changes(request, symbol: str):
    """/A/RES/77/31/changes/: the changes since the previous resolution of its series, in the
    language asked for with ?lang= when both have it, else the first both have."""
    found = _with_previous(request, symbol)
    if isinstance(found, HttpResponse):
        return found
    resolution, previous = found
    wanted = request.GET.get("lang", "")
    pair = version_pair(previous, resolution, wanted if wanted in LANGUAGES else "")
    if isinstance(pair, Refusal) and wanted:
        pair = version_pair(previous, resolution, "")
    if isinstance(pair, Refusal):
        return _refused(request, pair, previous.symbol, resolution.symbol)
    return redirect("resolutions:version_changes", symbol=symbol, language=pair.language)


def version_changes(request, symbol: str, language: str):
    """/A/RES/77/31/en/changes/: the changes since the previous resolution, in one language."""
    found = _with_previous(request, symbol)
    if isinstance(found, HttpResponse):
        return found
    resolution, previous = found
    pair = version_pair(previous, resolution, language)
    if isinstance(pair, Refusal):
        return _refused(request, pair, previous.symbol, resolution.symbol)
    series = resolution.series
    return kept_page(
        request,
        page_key(pair, series=series),
        lambda at: _changes_page(request, pair, series, at),
    )


def _changes_page(request, pair: Pair, series, at: str) -> HttpResponse:
    symbol = pair.new.resolution.symbol

    def url_in(language: str) -> str:
        return reverse(
            "resolutions:version_changes", kwargs={"symbol": symbol, "language": language}
        )

    context = {
        "view": changes_view(pair, url_in),
        "origin": at,
        "canonical": url_in(pair.language),
        "series": series,
        "series_url": series_url(series),
        "compare_url": compare_url(pair.old.resolution.symbol, symbol),
    }
    return render(request, "resolutions/changes.html", context)


def _no_previous(request, resolution: Resolution):
    """A resolution with nothing before it in a series (or with no series): the way to compare
    it with another."""
    context = {
        "resolution": resolution,
        "series": resolution.series,
        "series_url": series_url(resolution.series),
        "compare_url": f"{reverse('resolutions:compare')}?{urlencode({'to': resolution.symbol})}",
    }
    return render(request, "resolutions/changes_none.html", context, status=404)


def _refused(request, refusal: Refusal, older: str = "", newer: str = ""):
    context = {
        "refusal": refusal,
        "asked": {"from": older, "to": newer, "language": ""},
        "languages": LANGUAGES.items(),
    }
    return render(request, "resolutions/compare.html", context, status=refusal.status)


def compare(request):
    """/compare/?from=76/127&to=77/31&language=en: the changes between any two resolutions, in
    a language both have (the first, when none is asked for). Without symbols, the form."""
    params = request.GET
    asked = {name: params.get(name, "")[:200] for name in ("from", "to", "language")}
    context = {"asked": asked, "languages": LANGUAGES.items()}
    if not (asked["from"].strip() or asked["to"].strip()):
        return render(request, "resolutions/compare.html", context)
    older = read_symbol(asked["from"], "from")
    newer = read_symbol(asked["to"], "to")
    language = read_language(asked["language"])
    refusal = next((x for x in (older, newer, language) if isinstance(x, Refusal)), None)
    found = refusal or resolutions_asked(older, newer)
    if isinstance(found, Refusal):
        return render(
            request, "resolutions/compare.html", {**context, "refusal": found}, status=found.status
        )
    pair = version_pair(*found, language)
    if isinstance(pair, Refusal):
        return render(
            request, "resolutions/compare.html", {**context, "refusal": pair}, status=pair.status
        )
    if (asked["from"], asked["to"], asked["language"]) != (older, newer, pair.language) or set(
        params
    ) - set(asked):
        # One address per comparison: the symbols as the archive writes them, the language named.
        return redirect(compare_url(older, newer, pair.language))
    return kept_page(
        request, page_key(pair, "compare"), lambda at: _compare_page(request, pair, asked, at)
    )


def _compare_page(request, pair: Pair, asked: dict, at: str) -> HttpResponse:
    older, newer = pair.old.resolution.symbol, pair.new.resolution.symbol
    context = {
        "view": changes_view(pair, lambda language: compare_url(older, newer, language)),
        "asked": asked,
        "languages": LANGUAGES.items(),
        "origin": at,
        "canonical": compare_url(older, newer, pair.language),
    }
    return render(request, "resolutions/compare.html", context)
