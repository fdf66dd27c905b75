"""Template tags of the open-data features: the cite box and the feed of what cites a
resolution."""

from django import template
from django.utils.html import format_html

from resolutions.citations.formatting import citation_forms, footnote_forms

from ..feeds import cited_by_feed_url

register = template.Library()


@register.inclusion_tag("resolutions/includes/cite_box.html", takes_context=True)
def cite_box(context, resolution, version, paragraph=None, footnotes=()) -> dict:
    """The "引用 Cite this" box of a language version, or of one of its paragraphs and the
    footnotes shown with it (``web.rendered.NoteOnPage``): Chinese and English citations, and
    the version's own language's. The permalink starts with the page's ``origin``
    (``web.page_cache``), already safe."""
    target = paragraph or version
    permalink = format_html("{}{}", context["origin"], target.get_absolute_url())
    forms = citation_forms(
        resolution.symbol,
        resolution.adopted_on,
        permalink,
        eid=paragraph.eid if paragraph else None,
        language=version.language,
    )
    for note in footnotes:
        forms += footnote_forms(resolution.symbol, note.label, version.language)
    return {"forms": forms}


@register.simple_tag
def cited_by_feed(resolution) -> str:
    """The URL of the feed of texts citing ``resolution``."""
    return cited_by_feed_url(resolution.symbol)
