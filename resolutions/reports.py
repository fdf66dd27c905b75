"""The corpus report: what the archive holds, per source format and language.

It answers the questions asked after every large import: how many files of each layout came in,
how much text they gave (paragraphs, footnotes), how many citations were found in them, and how
many of the resolutions cited are themselves in the archive.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q

from .models import Citation, CitationKind, Footnote, LanguageVersion, Paragraph


@dataclass
class ReportRow:
    source_format: str
    language: str
    files: int = 0
    resolutions: int = 0
    paragraphs: int = 0
    footnotes: int = 0
    citations: int = 0
    resolution_citations: int = 0
    resolved: int = 0
    warnings: int = 0

    def add(self, other: "ReportRow") -> None:
        for name in ReportRow.__dataclass_fields__:
            if name not in ("source_format", "language"):
                setattr(self, name, getattr(self, name) + getattr(other, name))


def corpus_report() -> list[ReportRow]:
    """One row per (source format, language) in the archive, in that order, then a total."""
    rows: dict[tuple[str, str], ReportRow] = {}

    def row(source_format: str, language: str) -> ReportRow:
        return rows.setdefault((source_format, language), ReportRow(source_format, language))

    for entry in LanguageVersion.objects.values("source_format", "language").annotate(
        files=Count("source_name", distinct=True),
        resolutions=Count("id"),
        warnings=Count("id", filter=~Q(warnings=[])),
    ):
        found = row(entry["source_format"], entry["language"])
        found.files, found.resolutions = entry["files"], entry["resolutions"]
        found.warnings = entry["warnings"]
    for model, field in [(Paragraph, "paragraphs"), (Footnote, "footnotes")]:
        for entry in model.objects.values(
            source_format=F("version__source_format"), language=F("version__language")
        ).annotate(count=Count("id")):
            setattr(row(entry["source_format"], entry["language"]), field, entry["count"])
    for owner in ("paragraph", "footnote"):
        counts = (
            Citation.objects.filter(**{f"{owner}__isnull": False})
            .values(
                source_format=F(f"{owner}__version__source_format"),
                language=F(f"{owner}__version__language"),
            )
            .annotate(
                citations=Count("id"),
                resolution_citations=Count("id", filter=Q(kind=CitationKind.RESOLUTION)),
                resolved=Count("id", filter=Q(target__isnull=False)),
            )
        )
        for entry in counts:
            found = row(entry["source_format"], entry["language"])
            found.citations += entry["citations"]
            found.resolution_citations += entry["resolution_citations"]
            found.resolved += entry["resolved"]
    ordered = [rows[key] for key in sorted(rows)]
    total = ReportRow("all", "")
    for entry in ordered:
        total.add(entry)
    return [*ordered, total]


_COLUMNS = [
    ("format", "source_format"),
    ("lang", "language"),
    ("files", "files"),
    ("texts", "resolutions"),
    ("paragraphs", "paragraphs"),
    ("footnotes", "footnotes"),
    ("citations", "citations"),
    ("of resolutions", "resolution_citations"),
    ("resolved", "resolved"),
    ("with warnings", "warnings"),
]


def format_report(rows: list[ReportRow]) -> str:
    """The report as a plain-text table; "resolved" counts citations of resolutions that are
    in the archive, "texts" language versions (an extract file may hold several)."""
    table = [[title for title, _ in _COLUMNS]] + [
        [str(getattr(row, name)) for _, name in _COLUMNS] for row in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(_COLUMNS))]
    lines = [
        "  ".join(
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in table
    ]
    return "\n".join(["Corpus report", *lines])
