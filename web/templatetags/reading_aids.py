"""Template tags of the reading aids: the official texts, the word on a text read by OCR and
the word to a reader whose language the text is not in."""

from django import template

from resolutions.alignment import alignment_notes
from resolutions.official_texts import official_texts
from resolutions.provenance import provenance

from ..reading_aids import language_notice

register = template.Library()


@register.inclusion_tag("resolutions/includes/official_texts.html")
def official_texts_of(resolution) -> dict:
    """Links to the official PDF of ``resolution`` in the six languages."""
    return {"texts": official_texts(resolution.symbol)}


@register.inclusion_tag("resolutions/includes/provenance.html")
def provenance_of(version) -> dict:
    """Where the text of ``version`` came from, when it was read by OCR."""
    return {"provenance": provenance(version)}


@register.inclusion_tag("resolutions/includes/language_notice.html", takes_context=True)
def notice_for_reader(context, version, versions) -> dict:
    """The word to a reader who came from a text in another language (``came_from``) that
    the archive has no version in theirs."""
    available = {other.language for other in versions}
    came_from = context.get("came_from", "")
    return {
        "notice": language_notice(version.resolution.symbol, version.language, came_from, available)
    }


@register.inclusion_tag("resolutions/includes/alignment_notes.html")
def alignment_notes_of(version) -> dict:
    """Where the language versions of ``version``'s resolution differ, paragraph by paragraph."""
    return {"notes": alignment_notes(version.warnings)}
