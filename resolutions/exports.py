"""The JSON form of a language version: what ``export_resolution`` prints and the API will serve.

The shape is a public contract: keys may be added, none removed or renamed.
"""

from .models import Citation, LanguageVersion, Resolution


def _citation(citation: Citation) -> dict:
    return {
        "text": citation.cited_text,
        "target": citation.target_symbol,
        "kind": citation.kind,
        "start": citation.start,
        "end": citation.end,
        "pinpoint": citation.pinpoint or None,
        "resolved": citation.target_id is not None,
    }


def resolution_fields(resolution: Resolution) -> dict:
    """What identifies a resolution and when it was adopted: the export's first keys, which the
    API's lists repeat."""
    return {
        "symbol": resolution.symbol,
        "body": resolution.body,
        "session": resolution.session,
        "special_session": resolution.special_session or None,
        "number": str(resolution.number),
        "part": resolution.part or None,
        "year": resolution.year,
        "adopted_on": resolution.adopted_on.isoformat() if resolution.adopted_on else None,
    }


def export_version(version: LanguageVersion) -> dict:
    """The JSON-ready form of a version fetched with ``LanguageVersion.objects.with_contents()``."""
    resolution = version.resolution
    paragraphs = list(version.paragraphs.all())
    eid_of = {paragraph.id: paragraph.eid for paragraph in paragraphs}
    referenced_from: dict[int, list[str]] = {}
    for paragraph in paragraphs:
        for ref in paragraph.footnote_references.all():
            referenced_from.setdefault(ref.footnote_id, []).append(paragraph.eid)
    return {
        **resolution_fields(resolution),
        "meeting_number": resolution.meeting_number,
        "agenda_items": resolution.agenda_items,
        "draft_symbols": resolution.draft_symbols,
        "vote": resolution.vote,
        "language": version.language,
        "languages": sorted(v.language for v in resolution.versions.all()),
        "title": version.title,
        "distributed_on": version.distributed_on.isoformat() if version.distributed_on else None,
        "agenda_title": version.agenda_title,
        "adoption_note": version.adoption_note,
        "opening_formula": version.opening_formula,
        "url": version.get_absolute_url(),
        "source": {
            "name": version.source_name,
            "sha256": version.source_sha256,
            "format": version.source_format,
        },
        "warnings": version.warnings,
        "paragraphs": [
            {
                "eid": paragraph.eid,
                "kind": paragraph.kind,
                "label": paragraph.label or None,
                "parent": eid_of.get(paragraph.parent_id),
                "text": paragraph.text,
                "footnotes": [ref.footnote.marker for ref in paragraph.footnote_references.all()],
                "footnote_refs": [
                    {"marker": ref.footnote.marker, "offset": ref.offset}
                    for ref in paragraph.footnote_references.all()
                ],
                "citations": [_citation(c) for c in paragraph.citations.all()],
            }
            for paragraph in paragraphs
        ],
        "footnotes": [
            {
                "eid": footnote.eid,
                "marker": footnote.marker,
                "text": footnote.text,
                "referenced_from": referenced_from.get(footnote.id, []),
                "citations": [_citation(c) for c in footnote.citations.all()],
            }
            for footnote in version.footnotes.all()
        ],
    }
