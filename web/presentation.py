"""What the reading pages show, prepared in Python from rows already fetched.

Views fetch a fixed number of queries; these functions arrange the rows (paragraph trees with
their text as HTML, footnotes with their back-links, what a text cites and what cites it)
into the dataclasses templates read, without touching the database again, so templates only
loop.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.safestring import SafeString

from resolutions.citations.links import citation_url
from resolutions.labels import element_name
from resolutions.models import (
    Citation,
    CitationKind,
    Footnote,
    LanguageVersion,
    Paragraph,
    Resolution,
)
from resolutions.structure import Node, build_tree
from search.highlight import highlight_spans, marked_terms
from search.querylang import parse_query

from .text_html import Span, footnote_html, paragraph_html

Marker = Callable[[str], list[Span]]


@dataclass
class ShownParagraph:
    """A paragraph as a reading page shows it: its text as HTML, its names in Chinese and
    English (for the permalink's label), and its sub-items."""

    paragraph: Paragraph
    html: SafeString
    name_zh: str
    name_en: str
    subitems: list["ShownParagraph"] = field(default_factory=list)

    @property
    def eid(self) -> str:
        return self.paragraph.eid

    @property
    def label(self) -> str:
        return self.paragraph.display_label


@dataclass
class ShownFootnote:
    """A footnote with its text as HTML and the markers that point at it: (the marker's id,
    the eid of the paragraph it stands in)."""

    footnote: Footnote
    html: SafeString
    backrefs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def eid(self) -> str:
        return self.footnote.eid

    @property
    def label(self) -> str:
        return self.footnote.marker


@dataclass
class ShownText:
    """A text's paragraphs (the top-level ones, sub-items inside) and footnotes, as shown."""

    paragraphs: list[ShownParagraph]
    footnotes: list[ShownFootnote]

    def in_order(self) -> list[ShownParagraph]:
        """Every paragraph, sub-items included, in document order."""
        ordered: list[ShownParagraph] = []

        def walk(items: list[ShownParagraph]) -> None:
            for item in items:
                ordered.append(item)
                walk(item.subitems)

        walk(self.paragraphs)
        return ordered


def query_marker(query: str, language: str) -> Marker | None:
    """The spans of the search words of ``query`` in a text, or None when it has none."""
    terms = marked_terms(parse_query(query).terms) if query else []
    if not terms:
        return None
    return lambda text: highlight_spans(text, terms, language)


def show_text(
    paragraphs: list[Paragraph],
    footnotes: list[Footnote],
    language: str,
    *,
    prefix: str = "",
    marker: Marker | None = None,
) -> ShownText:
    """The paragraphs (a tree: sub-items under their paragraph) and footnotes of a text, with
    each footnote marker linked to its note and back. ``prefix`` keeps ids apart when two
    versions share a page; ``marker`` marks search words."""
    anchors, backrefs = _footnote_anchors(paragraphs, prefix)

    def shown(node: Node) -> ShownParagraph:
        paragraph = node.paragraph
        marks = marker(paragraph.text) if marker else ()
        return ShownParagraph(
            paragraph,
            paragraph_html(paragraph, language, anchors, marks),
            element_name(paragraph.eid, "zh"),
            element_name(paragraph.eid, "en"),
            [shown(item) for item in node.subitems],
        )

    return ShownText(
        [shown(node) for node in build_tree(paragraphs)],
        [
            ShownFootnote(
                footnote,
                footnote_html(footnote, language, marker(footnote.text) if marker else ()),
                backrefs.get(footnote.id, []),
            )
            for footnote in footnotes
        ],
    )


def _footnote_anchors(
    paragraphs: list[Paragraph], prefix: str
) -> tuple[dict[int, str], dict[int, list[tuple[str, str]]]]:
    """The id of each footnote reference (by reference id), and the ids that point at each
    footnote with the paragraphs they stand in (by footnote id), so a reader can go from the
    marker to the note and back."""
    anchors: dict[int, str] = {}
    backrefs: dict[int, list[tuple[str, str]]] = {}
    for paragraph in paragraphs:
        seen: Counter[int] = Counter()
        for ref in paragraph.footnote_references.all():
            seen[ref.footnote_id] += 1
            repeat = seen[ref.footnote_id]
            anchor = f"{prefix}ref-{ref.footnote.eid}-{paragraph.eid}" + (
                f"-{repeat}" if repeat > 1 else ""
            )
            anchors[ref.id] = anchor
            backrefs.setdefault(ref.footnote_id, []).append((anchor, paragraph.eid))
    return anchors, backrefs


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
    for holder in [*paragraphs, *footnotes]:
        place = (holder.eid, element_name(holder.eid, language))
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
            if place not in target.places:
                target.places.append(place)
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


def citations_of(symbol: str):
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
        holder: Paragraph | Footnote = citation.paragraph or citation.footnote
        version: LanguageVersion = holder.version
        group = groups.setdefault(version.resolution_id, CitingResolution(version.resolution))
        place = CitingPlace(
            holder.get_absolute_url(),
            element_name(holder.eid, language),
            version.language,
            citation.pinpoint,
        )
        if place not in group.places:
            group.places.append(place)
    return sorted(
        groups.values(),
        key=lambda g: (g.resolution.adopted_on or date.min, g.resolution.symbol),
        reverse=True,
    )
