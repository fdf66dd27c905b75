"""Reading a resolution: the whole text, one paragraph, two languages side by side.

Each view makes a fixed number of queries however long the resolution; the arranging is done
by ``web.presentation`` on rows already fetched. The resolution and paragraph pages are kept
once rendered (``web.page_cache``): answered from the cache, they cost one query.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from resolutions.agreed import trail
from resolutions.labels import element_name
from resolutions.languages import LANGUAGE_ORDER, LANGUAGES
from resolutions.models import (
    LanguageVersion,
    Paragraph,
    ParagraphKind,
    Resolution,
)

from ..page_cache import cached_page, with_stamp
from ..presentation import (
    ShownFootnote,
    ShownParagraph,
    citations_of,
    group_citing,
    query_marker,
    show_text,
)
from ..rendered import RenderedText, render_text, rendered_text, version_page
from .symbols import missing_paragraph, not_in_archive


def _in_language_order(versions) -> list[LanguageVersion]:
    return sorted(versions, key=lambda v: LANGUAGE_ORDER.index(v.language))


def resolution(request, symbol: str):
    """A resolution's own URL: its Chinese version first, or the one asked for with ?lang=
    (citations link a text's own language). Asked for a language it has no version in, it
    shows another and tells the reader so (``?from=``)."""
    languages = set(
        LanguageVersion.objects.filter(resolution__symbol=symbol).values_list("language", flat=True)
    )
    if not languages:
        return not_in_archive(request, symbol)
    return _version_in(symbol, languages, request.GET.get("lang", ""))


def _version_in(symbol: str, languages: set[str], wanted: str):
    """A redirect to the version in ``wanted``, or to the first there is, from ``wanted``."""
    if wanted in languages:
        return redirect("resolutions:version", symbol=symbol, language=wanted)
    url = reverse(
        "resolutions:version",
        kwargs={"symbol": symbol, "language": min(languages, key=LANGUAGE_ORDER.index)},
    )
    return redirect(url + (f"?from={wanted}" if wanted in LANGUAGES else ""))


def version(request, symbol: str, language: str):
    version = (
        with_stamp(LanguageVersion.objects.select_related("resolution").defer("source_text"))
        .filter(resolution__symbol=symbol, language=language)
        .first()
    )
    if version is None:
        languages = set(
            LanguageVersion.objects.filter(resolution__symbol=symbol).values_list(
                "language", flat=True
            )
        )
        if not languages:
            return not_in_archive(request, symbol)
        return _version_in(symbol, languages, language)
    # A reader who came from a text in another language is told when there is no version in
    # theirs: a page of its own in the cache, one per language at most.
    came_from = request.GET.get("from", "")
    if came_from not in LANGUAGES or came_from == language:
        came_from = ""
    return cached_page(
        request,
        version,
        f"version-from-{came_from}" if came_from else "version",
        lambda origin: _version_page(request, version, origin, came_from),
    )


def _text(request, version: LanguageVersion) -> RenderedText:
    """The version's text as rendered once per import; with the search words of ``?q=``
    marked, rendered for this request."""
    if marker := query_marker(request.GET.get("q", ""), version.language):
        return render_text(version, marker)
    return rendered_text(version, version.links_stamp)


def _version_page(request, version: LanguageVersion, origin: str, came_from: str = ""):
    return HttpResponse(version_page(version, _text(request, version), origin, came_from))


def paragraph(request, symbol: str, language: str, eid: str):
    paragraph = (
        with_stamp(
            Paragraph.objects.select_related("version__resolution").defer("version__source_text"),
            language_imports=True,
        )
        .filter(version__resolution__symbol=symbol, version__language=language, eid=eid)
        .first()
    )
    if paragraph is None:
        return missing_paragraph(request, symbol, language, eid)
    return cached_page(
        request, paragraph, "paragraph", lambda origin: _paragraph_page(request, paragraph, origin)
    )


@dataclass
class Neighbour:
    """The paragraph before or after the one shown (and its sub-items)."""

    url: str
    name: str


def _paragraph_page(request, paragraph: Paragraph, origin: str):
    version = paragraph.version
    version.links_stamp = paragraph.links_stamp
    language = version.language
    text = _text(request, version)
    block = text.block(paragraph.eid)
    if block is None:  # imported again between the two queries
        raise Http404(f"{paragraph.eid} is no longer in {version}")
    previous = text.order[block.index - 1] if block.index else None
    following = block.index + len(block.family)
    following = text.order[following] if following < len(text.order) else None
    # Every version, and whether it has this paragraph, for a switcher that keeps the place.
    versions = LanguageVersion.objects.filter(resolution=version.resolution).annotate(
        has_paragraph=Exists(Paragraph.objects.filter(version=OuterRef("pk"), eid=paragraph.eid))
    )
    cited_by = []
    if paragraph.kind == ParagraphKind.OPERATIVE:
        cited_by = group_citing(
            citations_of(version.resolution.symbol).filter(pinpoint=paragraph.label), language
        )
    footnotes = text.notes_for(block)
    return render(
        request,
        "resolutions/paragraph.html",
        {
            "origin": origin,
            "paragraph": paragraph,
            "focus": block,
            "version": version,
            "resolution": version.resolution,
            "versions": versions.defer("source_text").in_language_order(),
            "previous": previous and _neighbour(version, previous),
            "next": following and _neighbour(version, following),
            "footnotes": footnotes,
            "cites": text.cites_for(block),
            "cited_by": cited_by,
            "paragraph_name": element_name(paragraph.eid, language),
            "name_en": element_name(paragraph.eid, "en"),
            "agreed": trail(paragraph, language),
        },
    )


def _neighbour(version: LanguageVersion, eid: str) -> Neighbour:
    return Neighbour(f"{version.get_absolute_url()}{eid}/", element_name(eid, "zh"))


@dataclass
class AlignedRow:
    eid: str
    label: str
    left: ShownParagraph | ShownFootnote | None
    right: ShownParagraph | ShownFootnote | None


def align(left: list, right: list) -> list[AlignedRow]:
    """Rows pairing items with the same eid; an item only one side has stays in its place."""
    right_by_eid = {item.eid: item for item in right}
    left_eids = {item.eid for item in left}
    rows: list[AlignedRow] = []
    pending_right = iter(right)
    for item in left:
        # Right-side items that the left lacks come before the next shared one.
        for other in pending_right:
            if other.eid == item.eid or other.eid in left_eids:
                break
            rows.append(AlignedRow(other.eid, other.label, None, other))
        rows.append(AlignedRow(item.eid, item.label, item, right_by_eid.get(item.eid)))
    placed = {row.eid for row in rows}
    rows += [AlignedRow(o.eid, o.label, None, o) for o in right if o.eid not in placed]
    return rows


def side_by_side(request, symbol: str, left: str, right: str):
    if left == right:
        raise Http404("Choose two different languages")
    versions = {
        v.language: v
        for v in LanguageVersion.objects.with_contents().filter(
            resolution__symbol=symbol, language__in=[left, right]
        )
    }
    if len(versions) < 2:
        if not Resolution.objects.filter(symbol=symbol).exists():
            return not_in_archive(request, symbol)
        raise Http404(f"{symbol} is not in the archive in both languages")
    left_text, right_text = (
        show_text(
            list(versions[language].paragraphs.all()),
            list(versions[language].footnotes.all()),
            language,
            prefix=prefix,
        )
        for language, prefix in ((left, "l-"), (right, "r-"))
    )
    resolution = versions[left].resolution
    return render(
        request,
        "resolutions/side_by_side.html",
        {
            "resolution": resolution,
            "left": versions[left],
            "right": versions[right],
            "versions": _in_language_order(resolution.versions.all()),
            "rows": align(left_text.in_order(), right_text.in_order()),
            "footnote_rows": align(left_text.footnotes, right_text.footnotes),
        },
    )
