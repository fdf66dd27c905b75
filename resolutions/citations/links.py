"""Where a citation leads: a resolution in the archive, its not-yet-archived page, or the UN's
own document service for other documents."""

from urllib.parse import urlencode

from django.urls import reverse

from ..models import Citation, CitationKind
from ..symbols import Symbol

# The UN's document service resolves any symbol to the official PDF in each language.
UN_DOCUMENT_SERVICE = "https://undocs.org/{language}/{symbol}"


def document_service_url(symbol: str, language: str = "en") -> str:
    return UN_DOCUMENT_SERVICE.format(language=language, symbol=symbol)


def resolution_url(symbol: str, language: str | None = None, pinpoint: str = "") -> str:
    """The resolution's page, in ``language`` when it has that version, at a paragraph."""
    url = reverse("resolutions:resolution", kwargs={"symbol": symbol})
    if language:
        url += "?" + urlencode({"lang": language})
    if pinpoint:
        url += f"#para_{pinpoint}"
    return url


def citation_url(citation: Citation, language: str) -> str:
    """The link for a citation read in a text of ``language``."""
    if citation.kind == CitationKind.DOCUMENT:
        return document_service_url(citation.target_symbol, language)
    if citation.target_id is None:
        return resolution_url(citation.target_symbol)  # the "not in the archive yet" page
    return resolution_url(citation.target_symbol, language, citation.pinpoint)


def symbol_url(symbol: Symbol) -> str:
    """Where a symbol leads: the resolution's page, or the UN's document service for other
    documents."""
    if symbol.is_resolution:
        return resolution_url(symbol.canonical)
    return document_service_url(symbol.canonical)
