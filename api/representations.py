"""The JSON shapes of the API's resources, built from rows already fetched (no queries here).

Every resource carries ``links``: absolute URLs of itself, of the resources around it and of
the page a person reads (``html``). A language version is exactly ``export_version``'s JSON, the
public export format, with its links added.
"""

from django.urls import reverse

from resolutions.exports import resolution_fields
from resolutions.models import LanguageVersion, Resolution

from .series import series_link


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def api_url(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", kwargs=kwargs))


def resolution_summary(request, resolution: Resolution, language: str = "") -> dict:
    """A row of the list: its versions fetched in language order; the title is the one in
    ``language`` when it has that version, else its first (Chinese when there is one)."""
    versions = list(resolution.versions.all())
    shown = next((v for v in versions if v.language == language), versions[0] if versions else None)
    return {
        **resolution_fields(resolution),
        "title": shown.title if shown else None,
        "subtitle": shown.subtitle if shown else "",
        "states": resolution.states,
        "languages": [version.language for version in versions],
        "links": {
            "self": api_url(request, "resolution", symbol=resolution.symbol),
            "html": request.build_absolute_uri(resolution.get_absolute_url()),
        },
    }


def resolution_detail(request, resolution: Resolution) -> dict:
    versions = list(resolution.versions.all())
    return {
        **resolution_fields(resolution),
        "meeting_number": resolution.meeting_number,
        "agenda_items": resolution.agenda_items,
        "draft_symbols": resolution.draft_symbols,
        "vote": resolution.vote,
        "states": resolution.states,
        "languages": [version.language for version in versions],
        "versions": [
            {
                "language": version.language,
                "title": version.title,
                "subtitle": version.subtitle,
                "distributed_on": _iso(version.distributed_on),
                "imported_at": _iso(version.imported_at),
                "links": version_links(request, resolution, version.language),
            }
            for version in versions
        ],
        "series": series_link(request, resolution),
        "links": {
            "self": api_url(request, "resolution", symbol=resolution.symbol),
            "html": request.build_absolute_uri(resolution.get_absolute_url()),
        },
    }


def version_links(request, resolution: Resolution, language: str) -> dict:
    html = reverse(
        "resolutions:version", kwargs={"symbol": resolution.symbol, "language": language}
    )
    return {
        "self": api_url(request, "version", symbol=resolution.symbol, language=language),
        "html": request.build_absolute_uri(html),
    }


def version_document(request, version: LanguageVersion, export: dict) -> dict:
    """``export`` (``export_version(version)``) with links to the resolution and to every
    language version of it."""
    resolution = version.resolution
    return {
        **export,
        "links": {
            **version_links(request, resolution, version.language),
            "resolution": api_url(request, "resolution", symbol=resolution.symbol),
            "versions": {
                language: api_url(request, "version", symbol=resolution.symbol, language=language)
                for language in export["languages"]
            },
        },
    }


def element_document(request, version: LanguageVersion, export: dict, eid: str) -> dict | None:
    """One paragraph or footnote of the exported version, with the notes it references written
    out and its permalink; None when the version has no element ``eid``."""
    element = _paragraph(export, eid) or _footnote(export, eid)
    if element is None:
        return None
    resolution = version.resolution
    html = version.get_absolute_url()
    # A paragraph has a page of its own; a footnote is an anchor on the version's page.
    permalink = f"{html}#{eid}" if element["kind"] == "footnote" else f"{html}{eid}/"
    return {
        "symbol": resolution.symbol,
        "language": version.language,
        **element,
        "permalink": request.build_absolute_uri(permalink),
        "links": {
            "self": api_url(
                request, "element", symbol=resolution.symbol, language=version.language, eid=eid
            ),
            "version": api_url(
                request, "version", symbol=resolution.symbol, language=version.language
            ),
            "resolution": api_url(request, "resolution", symbol=resolution.symbol),
            "html": request.build_absolute_uri(permalink),
        },
    }


def _paragraph(export: dict, eid: str) -> dict | None:
    paragraph = next((p for p in export["paragraphs"] if p["eid"] == eid), None)
    if paragraph is None:
        return None
    notes = {footnote["marker"]: footnote for footnote in export["footnotes"]}
    return {
        "eid": paragraph["eid"],
        "kind": paragraph["kind"],
        "label": paragraph["label"],
        "parent": paragraph["parent"],
        "text": paragraph["text"],
        "footnotes": [
            {
                "eid": notes[ref["marker"]]["eid"],
                "marker": ref["marker"],
                "offset": ref["offset"],
                "text": notes[ref["marker"]]["text"],
            }
            for ref in paragraph["footnote_refs"]
        ],
        "citations": paragraph["citations"],
        "referenced_from": [],
    }


def _footnote(export: dict, eid: str) -> dict | None:
    footnote = next((f for f in export["footnotes"] if f["eid"] == eid), None)
    if footnote is None:
        return None
    return {
        "eid": footnote["eid"],
        "kind": "footnote",
        "label": footnote["marker"],
        "parent": None,
        "text": footnote["text"],
        "footnotes": [],
        "citations": footnote["citations"],
        "referenced_from": footnote["referenced_from"],
    }
