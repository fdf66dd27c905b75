"""A language version's text rendered to HTML once per import, for its page and the pages of
each of its paragraphs.

Rendering a text (every paragraph with its footnote markers and citation links, the footnotes,
what it cites) is most of what a reading page costs, and a text changes only when it is imported
again or corrected. ``rendered_text`` keeps the result in the page cache under the version's id,
its ``imported_at`` and how many of its citations lead to a resolution in the archive (a link
changes when the resolution it cites arrives). The resolution page is this text in its page; a
paragraph's page is one of its blocks with its footnotes. ``render_imported`` renders the texts
an import stored, so that their first reader finds them ready. The page around the text (header,
language switcher, what cites it, the cite box) is rendered per request and kept whole by
``web.page_cache``.

Nothing here depends on the request, so what is kept is the same for every reader.
"""

import logging
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from resolutions.models import LanguageVersion, text_prefetches
from resolutions.structure import arrange

from .page_cache import ORIGIN, keep, kept, page_key, with_stamp
from .presentation import (
    CitedTarget,
    Marker,
    ShownParagraph,
    citations_of,
    cited_targets,
    group_citing,
    show_text,
)
from .reading_aids import table_of_contents

log = logging.getLogger(__name__)


@dataclass
class Block:
    """A paragraph as its own page shows it: its text and sub-items as HTML, the footnotes they
    reference, and where it stands among the version's paragraphs."""

    eid: str
    html: SafeString
    footnotes: list[str]  # footnote eids, in the order their notes are printed
    family: list[str]  # its eid and its sub-items', in document order
    index: int  # its place in ``RenderedText.order``


@dataclass
class Note:
    """A footnote as a page prints it."""

    eid: str
    label: str  # the printed marker
    html: SafeString  # empty when the source lacks the note's text
    backrefs: list[tuple[str, str]] = field(default_factory=list)  # (anchor, paragraph eid)

    def on_page(self, shown_eids: set[str] | None = None) -> "NoteOnPage":
        """The note with the back-links to the paragraphs a page shows (all when None)."""
        anchors = [a for a, eid in self.backrefs if shown_eids is None or eid in shown_eids]
        return NoteOnPage(self.eid, self.label, self.html, anchors)


@dataclass
class NoteOnPage:
    eid: str
    label: str
    html: SafeString
    backrefs: list[str]


@dataclass
class RenderedText:
    """A version's text as HTML: the whole body, each paragraph's block, the footnotes and
    what each paragraph and footnote cites."""

    body: SafeString
    blocks: dict[str, Block]
    order: list[str]  # paragraph eids in document order
    notes: list[Note]
    cites: list[CitedTarget]  # for the whole text
    cites_by_holder: dict[str, list[CitedTarget]]  # each paragraph's and footnote's own
    contents: SafeString = SafeString("")  # the table of contents, for headings and annexes

    def block(self, eid: str) -> Block | None:
        return self.blocks.get(eid)

    def notes_for(self, block: Block) -> list[NoteOnPage]:
        shown = set(block.family)
        wanted = set(block.footnotes)
        return [note.on_page(shown) for note in self.notes if note.eid in wanted]

    def cites_for(self, block: Block) -> list[CitedTarget]:
        """What the paragraph, its sub-items and their footnotes cite, each target once, in
        the order first cited."""
        merged: dict[str, CitedTarget] = {}
        for holder in [*block.family, *block.footnotes]:
            for target in self.cites_by_holder.get(holder, []):
                kept = merged.setdefault(
                    target.symbol,
                    CitedTarget(target.symbol, target.kind, target.url, target.resolved),
                )
                kept.places += [p for p in target.places if p not in kept.places]
        return list(merged.values())


def render_text(version: LanguageVersion, marker: Marker | None = None) -> RenderedText:
    """Fetch (five queries) and render the text of ``version``; ``marker`` marks search
    words."""
    prefetch_related_objects([version], *text_prefetches())
    language = version.language
    paragraphs = list(version.paragraphs.all())
    footnotes = list(version.footnotes.all())
    shown = show_text(paragraphs, footnotes, language, marker=marker)
    sections = arrange(shown.paragraphs)
    # Rendered by the template engine, which escapes what it is given.
    body = render_to_string("resolutions/includes/text.html", {"sections": sections})
    order = [item.eid for item in shown.in_order()]
    notes = [
        Note(
            shown_note.eid,
            shown_note.label,
            shown_note.html,
            shown_note.backrefs,
        )
        for shown_note in shown.footnotes
    ]
    referenced = {
        paragraph.eid: {ref.footnote.eid for ref in paragraph.footnote_references.all()}
        for paragraph in paragraphs
    }
    blocks: dict[str, Block] = {}

    def add(item: ShownParagraph) -> list[str]:
        family = [item.eid]
        for subitem in item.subitems:
            family += add(subitem)
        wanted = set().union(*(referenced[eid] for eid in family))
        blocks[item.eid] = Block(
            item.eid,
            render_to_string("resolutions/includes/paragraph.html", {"item": item}),
            [note.eid for note in notes if note.eid in wanted],
            family,
            order.index(item.eid),
        )
        return family

    for item in shown.paragraphs:
        add(item)
    return RenderedText(
        body,
        blocks,
        order,
        notes,
        cited_targets(paragraphs, footnotes, language),
        {
            holder.eid: cited_targets([holder], [], language)
            for holder in [*paragraphs, *footnotes]
            if holder.citations.all()
        },
        render_to_string(
            "resolutions/includes/contents.html",
            {"contents": table_of_contents(sections), "version": version},
        ),
    )


def _key(version: LanguageVersion, links: int) -> str:
    return f"text-{version.pk}-{version.imported_at.timestamp()}-{links}"


def rendered_text(version: LanguageVersion, links: int) -> RenderedText:
    """The text of ``version`` from the cache, or rendered and kept (``links``: its
    ``links_stamp``, read with the version by ``web.page_cache.with_stamp``)."""
    key = _key(version, links)
    text = kept(key)
    if text is None:
        text = render_text(version)
        keep(key, text)
    return text


def version_page(
    version: LanguageVersion, text: RenderedText, origin: str, came_from: str = ""
) -> str:
    """The resolution page of ``version`` (with its resolution) showing ``text``, for a reader
    who came from a text in ``came_from`` (``web.reading_aids.language_notice``)."""
    resolution = version.resolution
    return render_to_string(
        "resolutions/version.html",
        {
            "origin": origin,
            "came_from": came_from,
            "version": version,
            "resolution": resolution,
            "versions": resolution.versions.defer("source_text").in_language_order(),
            "text": text,
            "footnotes": [note.on_page() for note in text.notes],
            "cites": text.cites,
            "cited_by": group_citing(citations_of(resolution.symbol), version.language),
        },
    )


def render_versions(version_ids: list[int], chunk: int = 200) -> None:
    """Render the texts of these versions, and their resolution pages, ahead of their first
    reader (after an import)."""
    for start in range(0, len(version_ids), chunk):
        versions = with_stamp(
            LanguageVersion.objects.filter(pk__in=version_ids[start : start + chunk])
            .select_related("resolution")
            .defer("source_text")
        )
        for version in versions:
            text = render_text(version)
            keep(_key(version, version.links_stamp), text)
            keep(page_key("version", version), version_page(version, text, ORIGIN).encode())


def render_imported(sender, version_ids: list[int], **kwargs) -> None:
    """Render what an import stored; a failure leaves the texts to be rendered when read."""
    try:
        render_versions(version_ids)
    except Exception:
        log.exception("imported texts not rendered ahead")
