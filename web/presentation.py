"""What the reading pages show, prepared in Python from rows already fetched.

Views fetch a fixed number of queries; these functions arrange the rows (paragraph trees,
footnote back-links, what a text cites and what cites it) without touching the database again,
so templates only loop.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from resolutions.labels import paragraph_name
from resolutions.links import citation_url
from resolutions.models import (
    Citation,
    CitationKind,
    Footnote,
    LanguageVersion,
    Paragraph,
    Resolution,
)

FOOTNOTE_NAMES = {
    "zh": "脚注 {marker}",
    "fr": "note {marker}",
    "es": "nota {marker}",
    "ru": "сноска {marker}",
    "ar": "الحاشية {marker}",
}


def footnote_name(marker: str, language: str) -> str:
    return FOOTNOTE_NAMES.get(language, "footnote {marker}").format(marker=marker)


def link_footnotes(
    paragraphs: list[Paragraph], footnotes: list[Footnote], prefix: str = ""
) -> None:
    """Give each footnote reference an anchor, and each footnote the anchors that cite it, so
    a reader can go from the marker to the note and back. ``prefix`` keeps anchors apart when
    two versions share a page."""
    backrefs: dict[int, list[str]] = {footnote.id: [] for footnote in footnotes}
    for paragraph in paragraphs:
        seen: Counter[int] = Counter()
        for ref in paragraph.footnote_references.all():
            seen[ref.footnote_id] += 1
            repeat = seen[ref.footnote_id]
            ref.anchor = f"{prefix}ref-{ref.footnote.eid}-{paragraph.eid}" + (
                f"-{repeat}" if repeat > 1 else ""
            )
            backrefs.setdefault(ref.footnote_id, []).append(ref.anchor)
    for footnote in footnotes:
        footnote.backrefs = backrefs[footnote.id]


@dataclass
class CitedTarget:
    """A resolution or document this text cites, and where."""

    symbol: str
    kind: str
    url: str
    resolved: bool
    places: list[tuple[str, str]] = field(default_factory=list)  # (anchor, name)

    @property
    def is_document(self) -> bool:
        return self.kind == CitationKind.DOCUMENT


def cited_targets(
    paragraphs: list[Paragraph], footnotes: list[Footnote], language: str
) -> list[CitedTarget]:
    """Everything the text cites, in the order it is first cited."""
    targets: dict[str, CitedTarget] = {}
    holders = [(p.eid, paragraph_name(p.eid, language), p) for p in paragraphs]
    holders += [(f.eid, footnote_name(f.marker, language), f) for f in footnotes]
    for anchor, name, holder in holders:
        for citation in holder.citations.all():
            target = targets.setdefault(
                citation.target_symbol,
                CitedTarget(
                    citation.target_symbol,
                    citation.kind,
                    citation_url(citation, language),
                    citation.target_id is not None,
                ),
            )
            if (anchor, name) not in target.places:
                target.places.append((anchor, name))
    return list(targets.values())


@dataclass
class CitingPlace:
    url: str
    name: str
    language: str
    pinpoint: str


@dataclass
class CitingResolution:
    resolution: Resolution
    places: list[CitingPlace] = field(default_factory=list)


def citing_query(symbol: str):
    """Citations of ``symbol`` with everything needed to show where they stand, in one query."""
    return (
        Citation.objects.filter(target_symbol=symbol)
        .select_related("paragraph__version__resolution", "footnote__version__resolution")
        .defer("paragraph__version__source_text", "footnote__version__source_text")
        .order_by("pk")
    )


def group_citing(citations, language: str) -> list[CitingResolution]:
    """Citing places grouped by the resolution they stand in, newest resolution first."""
    groups: dict[int, CitingResolution] = {}
    for citation in citations:
        holder = citation.paragraph or citation.footnote
        version: LanguageVersion = holder.version
        if isinstance(holder, Paragraph):
            url, name = holder.get_absolute_url(), paragraph_name(holder.eid, language)
        else:
            url = f"{version.get_absolute_url()}#{holder.eid}"
            name = footnote_name(holder.marker, language)
        group = groups.setdefault(version.resolution_id, CitingResolution(version.resolution))
        place = CitingPlace(url, name, version.language, citation.pinpoint)
        if place not in group.places:
            group.places.append(place)
    return sorted(
        groups.values(),
        key=lambda g: (g.resolution.adopted_on or date.min, g.resolution.symbol),
        reverse=True,
    )


def mark_query(items, query: str, language: str) -> None:
    """Give each paragraph or footnote the spans of the search words in ``query`` to mark."""
    from search.highlight import highlight_spans
    from search.querylang import parse_query

    terms = [term.text for term in parse_query(query).terms]
    for item in items:
        item.marks = highlight_spans(item.text, terms, language) if terms else []
