"""Reading a resolution: the whole text, one paragraph, two languages side by side.

Each view makes a fixed number of queries however long the resolution; the arranging is done
by ``web.presentation`` on rows already fetched.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from resolutions.languages import LANGUAGE_ORDER, LANGUAGES
from resolutions.models import (
    Footnote,
    FootnoteReference,
    LanguageVersion,
    Paragraph,
    ParagraphKind,
    Resolution,
)
from resolutions.structure import arrange, build_tree

from ..presentation import (
    cited_targets,
    citing_query,
    group_citing,
    link_footnotes,
    mark_query,
)
from .symbols import not_in_archive


def _in_language_order(versions) -> list[LanguageVersion]:
    return sorted(versions, key=lambda v: LANGUAGE_ORDER.index(v.language))


def resolution(request, symbol: str):
    """A resolution's own URL: its Chinese version first, or the one asked for with ?lang=."""
    versions = {v.language: v for v in LanguageVersion.objects.filter(resolution__symbol=symbol)}
    if not versions:
        return not_in_archive(request, symbol)
    wanted = request.GET.get("lang")
    language = wanted if wanted in versions else min(versions, key=LANGUAGE_ORDER.index)
    return redirect("resolutions:version", symbol=symbol, language=language)


def version(request, symbol: str, language: str):
    try:
        version = LanguageVersion.objects.with_contents().get(
            resolution__symbol=symbol, language=language
        )
    except LanguageVersion.DoesNotExist:
        if not Resolution.objects.filter(symbol=symbol).exists():
            return not_in_archive(request, symbol)
        raise Http404(f"{symbol} has no {LANGUAGES[language]} version") from None
    paragraphs = list(version.paragraphs.all())
    footnotes = list(version.footnotes.all())
    roots = build_tree(paragraphs)
    link_footnotes(paragraphs, footnotes)
    if query := request.GET.get("q"):
        mark_query([*paragraphs, *footnotes], query, language)
    return render(
        request,
        "resolutions/version.html",
        {
            "version": version,
            "resolution": version.resolution,
            "versions": _in_language_order(version.resolution.versions.all()),
            "sections": arrange(roots),
            "footnotes": footnotes,
            "cites": cited_targets(paragraphs, footnotes, language),
            "cited_by": group_citing(citing_query(symbol), language),
        },
    )


def paragraph(request, symbol: str, language: str, eid: str):
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("version__resolution"),
        version__resolution__symbol=symbol,
        version__language=language,
        eid=eid,
    )
    version = paragraph.version
    family = list(
        version.paragraphs.filter(
            Q(pk=paragraph.pk) | Q(parent=paragraph) | Q(parent__parent=paragraph)
        ).prefetch_related(
            "citations",
            Prefetch(
                "footnote_references",
                queryset=FootnoteReference.objects.select_related("footnote"),
            ),
        )
    )
    build_tree(family)
    shown = next(p for p in family if p.pk == paragraph.pk)
    last = max(p.position for p in family)
    neighbours = {
        p.position: p
        for p in version.paragraphs.filter(position__in=[paragraph.position - 1, last + 1])
    }
    footnote_ids = {ref.footnote_id for p in family for ref in p.footnote_references.all()}
    footnotes = list(Footnote.objects.filter(pk__in=footnote_ids).prefetch_related("citations"))
    link_footnotes(family, footnotes)
    if query := request.GET.get("q"):
        mark_query([*family, *footnotes], query, language)
    # Every version, and whether it has this paragraph, for a switcher that keeps the place.
    versions = LanguageVersion.objects.filter(resolution=version.resolution).annotate(
        has_paragraph=Exists(Paragraph.objects.filter(version=OuterRef("pk"), eid=eid))
    )
    cited_by = []
    if paragraph.kind == ParagraphKind.OPERATIVE:
        cited_by = group_citing(citing_query(symbol).filter(pinpoint=paragraph.label), language)
    return render(
        request,
        "resolutions/paragraph.html",
        {
            "paragraph": shown,
            "version": version,
            "resolution": version.resolution,
            "versions": _in_language_order(versions),
            "previous": neighbours.get(paragraph.position - 1),
            "next": neighbours.get(last + 1),
            "footnotes": footnotes,
            "cites": cited_targets(family, footnotes, language),
            "cited_by": cited_by,
            "paragraph_name": paragraph.name_in(language),
        },
    )


@dataclass
class AlignedRow:
    eid: str
    label: str
    left: Paragraph | Footnote | None
    right: Paragraph | Footnote | None


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
            rows.append(AlignedRow(other.eid, _label(other), None, other))
        rows.append(AlignedRow(item.eid, _label(item), item, right_by_eid.get(item.eid)))
    placed = {row.eid for row in rows}
    rows += [AlignedRow(o.eid, _label(o), None, o) for o in right if o.eid not in placed]
    return rows


def _label(item) -> str:
    return item.display_label if isinstance(item, Paragraph) else item.marker


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
    columns = []
    for language, prefix in ((left, "l-"), (right, "r-")):
        version = versions[language]
        paragraphs, footnotes = list(version.paragraphs.all()), list(version.footnotes.all())
        link_footnotes(paragraphs, footnotes, prefix=prefix)
        columns.append((version, paragraphs, footnotes))
    (left_version, left_paragraphs, left_notes), (right_version, right_paragraphs, right_notes) = (
        columns
    )
    resolution = left_version.resolution
    return render(
        request,
        "resolutions/side_by_side.html",
        {
            "resolution": resolution,
            "left": left_version,
            "right": right_version,
            "versions": _in_language_order(resolution.versions.all()),
            "rows": align(left_paragraphs, right_paragraphs),
            "footnote_rows": align(left_notes, right_notes),
        },
    )
