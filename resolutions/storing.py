"""Writing a parsed resolution to the database: the resolution row (created, or checked against
what other language versions recorded), then its language version with paragraphs, footnotes,
footnote references and citations, each kind in one bulk insert. ``store`` runs inside the
importer's transaction; nothing else writes these tables.
"""

from .echoes import bands
from .models import (
    Citation,
    Footnote,
    FootnoteReference,
    LanguageVersion,
    Paragraph,
    Resolution,
)
from .parsing import Issue, ParsedResolution
from .parsing.document import CitationSpan, ParsedFootnote, ParsedParagraph
from .series import place_in_series, title_key
from .states import states_named
from .titles import subtitle_for


class MetadataConflict(Exception):
    """The file's header disagrees with what another language version already recorded."""

    def __init__(self, issues: list[Issue]):
        super().__init__("; ".join(map(str, issues)))
        self.issues = issues


# Metadata a header may give; other language versions of the same resolution must agree on it.
_SHARED_FIELDS = ["adopted_on", "meeting_number", "agenda_items", "draft_symbols", "vote"]


def _upsert_resolution(parsed: ParsedResolution, lenient: bool) -> tuple[Resolution, list[Issue]]:
    identity = {
        "body": parsed.body,
        "session": parsed.session,
        "special_session": parsed.special_session,
        "number": parsed.number,
        "part": parsed.part,
        "year": parsed.year,
    }
    header = {name: getattr(parsed, name) for name in _SHARED_FIELDS}
    resolution, created = Resolution.objects.select_for_update().get_or_create(
        symbol=parsed.symbol, defaults={**identity, **header}
    )
    if created:
        return resolution, []
    others = list(
        resolution.versions.exclude(language=parsed.language).values_list("language", flat=True)
    )
    conflicts = []
    for name, value in header.items():
        stored = getattr(resolution, name)
        if others and stored and value and stored != value:
            conflicts.append(
                Issue(
                    0,
                    f"{name} is {value} here but {stored} in the "
                    f"{'/'.join(others)} version already imported",
                )
            )
        elif value or not others:
            setattr(resolution, name, value)
    if conflicts and not lenient:
        raise MetadataConflict(conflicts)
    for name, value in identity.items():
        setattr(resolution, name, value)
    resolution.save()
    return resolution, conflicts


def store(
    parsed: ParsedResolution,
    *,
    source_name: str,
    source_sha256: str,
    source_text: str,
    warnings: list[Issue],
    lenient: bool = False,
) -> LanguageVersion:
    """Write one parsed language version, replacing the one stored before. Call in a transaction."""
    resolution, conflicts = _upsert_resolution(parsed, lenient)
    resolution.versions.filter(language=parsed.language).delete()
    version = LanguageVersion.objects.create(
        resolution=resolution,
        language=parsed.language,
        title=parsed.title,
        title_key=title_key(parsed.title),
        distributed_on=parsed.distributed_on,
        opening_formula=parsed.opening_formula,
        agenda_title=parsed.agenda_title,
        subtitle=subtitle_for(
            parsed.title, resolution.short_symbol, [(p.kind, p.text) for p in parsed.paragraphs]
        ),
        adoption_note=parsed.adoption_note,
        source_name=source_name,
        source_sha256=source_sha256,
        source_format=parsed.source_format,
        source_text=source_text,
        warnings=[{"line": i.line, "message": i.message} for i in [*warnings, *conflicts]],
    )
    paragraphs = _store_paragraphs(version, parsed.paragraphs)
    footnotes = _store_footnotes(version, parsed.footnotes)
    FootnoteReference.objects.bulk_create(
        FootnoteReference(paragraph=paragraph, footnote=footnotes[ref.marker], offset=ref.offset)
        for paragraph, parsed_paragraph in zip(paragraphs, parsed.paragraphs, strict=True)
        for ref in parsed_paragraph.footnote_refs
        if ref.marker in footnotes  # a lenient import may keep a marker with no note
    )
    _store_citations(
        [
            (paragraph, None, span)
            for paragraph, parsed_paragraph in zip(paragraphs, parsed.paragraphs, strict=True)
            for span in parsed_paragraph.citations
        ]
        + [
            (None, footnotes[parsed_note.marker], span)
            for parsed_note in parsed.footnotes
            for span in parsed_note.citations
        ]
    )
    _store_states(resolution)
    place_in_series(resolution)
    # Citations imported earlier that were waiting for this resolution now point at it.
    Citation.objects.filter(target_symbol=resolution.symbol, target__isnull=True).update(
        target=resolution
    )
    return version


def _store_states(resolution: Resolution) -> None:
    """The States and territories named in the paragraphs of every language version stored."""
    texts = Paragraph.objects.filter(version__resolution=resolution).values_list("text", flat=True)
    year = resolution.adopted_on.year if resolution.adopted_on else resolution.year
    resolution.states = sorted(set().union(*(states_named(text, year) for text in texts)))
    resolution.save(update_fields=["states"])


def _store_paragraphs(version: LanguageVersion, parsed: list[ParsedParagraph]) -> list[Paragraph]:
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(
            version=version,
            position=position,
            eid=p.eid,
            kind=p.kind,
            label=p.label or "",
            text=p.text,
            source_line=p.line,
            text_bands=bands(p.text),
        )
        for position, p in enumerate(parsed, start=1)
    )
    # Sub-items point at their parent, which is created in the same batch before them.
    by_eid = {paragraph.eid: paragraph for paragraph in paragraphs}
    children = []
    for paragraph, parsed_paragraph in zip(paragraphs, parsed, strict=True):
        if parsed_paragraph.parent_eid:
            paragraph.parent = by_eid[parsed_paragraph.parent_eid]
            children.append(paragraph)
    Paragraph.objects.bulk_update(children, ["parent"])
    return paragraphs


def _store_footnotes(version: LanguageVersion, parsed: list[ParsedFootnote]) -> dict[str, Footnote]:
    """The version's footnotes by marker."""
    footnotes = Footnote.objects.bulk_create(
        Footnote(
            version=version,
            position=position,
            eid=f.eid,
            marker=f.marker,
            text=f.text,
            source_line=f.line,
        )
        for position, f in enumerate(parsed, start=1)
    )
    return {footnote.marker: footnote for footnote in footnotes}


def _store_citations(found: list[tuple[Paragraph | None, Footnote | None, CitationSpan]]) -> None:
    targets = dict(
        Resolution.objects.filter(symbol__in={span.target for _, _, span in found}).values_list(
            "symbol", "id"
        )
    )
    Citation.objects.bulk_create(
        Citation(
            paragraph=paragraph,
            footnote=footnote,
            start=span.start,
            end=span.end,
            cited_text=span.text,
            target_symbol=span.target,
            kind=span.kind,
            target_id=targets.get(span.target),
            pinpoint=span.pinpoint or "",
        )
        for paragraph, footnote, span in found
    )
