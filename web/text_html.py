"""A paragraph's or footnote's plain text, with its offsets, as safe HTML: footnote markers
linked to their notes, citations linked to what they cite, search words marked.

Every piece of imported text goes through ``escape``; only the markup made here is trusted.
"""

from collections import Counter
from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from resolutions.citations.links import citation_url
from resolutions.labels import element_name
from resolutions.models import Citation, CitationKind, Footnote, Paragraph

Span = tuple[int, int]


def paragraph_html(
    paragraph: Paragraph, language: str, anchors: dict[int, str], marks: Iterable[Span] = ()
) -> SafeString:
    """The paragraph's text; ``anchors`` gives each footnote reference (by id) the id a
    footnote's back-link returns to."""
    inserts: dict[int, list[SafeString]] = {}
    for ref in paragraph.footnote_references.all():
        marker = ref.footnote.marker
        inserts.setdefault(ref.offset, []).append(
            # A word joiner keeps the marker on the line of the word it belongs to.
            format_html(
                '\u2060<sup class="fn-ref"><a href="#{}" id="{}" aria-label="{}">{}</a></sup>',
                ref.footnote.eid,
                anchors.get(ref.id, ""),
                element_name(ref.footnote.eid, language),
                marker,
            )
        )
    return _render(paragraph.text, inserts, paragraph.citations.all(), language, tuple(marks))


def footnote_html(footnote: Footnote, language: str, marks: Iterable[Span] = ()) -> SafeString:
    return _render(footnote.text, {}, footnote.citations.all(), language, tuple(marks))


def _render(
    text: str,
    inserts: dict[int, list[SafeString]],
    citations: Iterable[Citation],
    language: str,
    marks: tuple[Span, ...],
) -> SafeString:
    """Text with markers, citation links and <mark>ed search words (``marks``: spans).

    Marks wrap text pieces only, one <mark> per piece, so they never cross a link's tags.
    """
    opening = {c.start: c for c in citations}
    closing = Counter(c.end for c in citations)
    mark_edges = {edge for span in marks for edge in span}
    boundaries = sorted({0, len(text), *inserts, *opening, *closing, *mark_edges})
    parts: list[str] = []
    for i, index in enumerate(boundaries):
        # At one offset: a citation closes, then a footnote marker stands, then one opens.
        parts.extend(["</a>"] * closing[index])
        parts.extend(inserts.get(index, []))
        if index in opening:
            parts.append(_citation_open(opening[index], language))
        if i + 1 < len(boundaries):
            piece = escape(text[index : boundaries[i + 1]])
            marked = any(start <= index < end for start, end in marks)
            parts.append(f"<mark>{piece}</mark>" if marked and piece else piece)
    return mark_safe("".join(parts))  # noqa: S308 — every piece of text above is escaped


def _citation_open(citation: Citation, language: str) -> str:
    url = citation_url(citation, language)
    if citation.kind == CitationKind.DOCUMENT:
        return format_html('<a class="citation document" href="{}" rel="external">', url)
    if citation.target_id is None:
        return format_html(
            '<a class="citation unresolved" href="{}" title="{}">', url, citation.target_symbol
        )
    return format_html('<a class="citation" href="{}">', url)
