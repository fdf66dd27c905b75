"""Whether the search index holds exactly what PostgreSQL holds, and putting it right.

The database is the record; the index is derived from it, one document per paragraph and per
footnote. They drift apart when an import stored a text but could not index it, when an index
write was interrupted, or when someone edited the database by hand. ``check`` compares the two
in a few seconds for the whole archive: it reads the index's stored fields in one pass of the
engine (a query per document would take minutes) and the database with one query per model.
``repair`` reindexes every language version that differs, through the same ``replace_versions``
the importer writes with, and removes documents the database no longer has.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from haystack.utils import get_model_ct

from resolutions.models import Footnote, Paragraph

from .engines import backend
from .indexing import BATCH_SIZE, processes_for
from .search_indexes import prepared_documents

EXAMPLES = 5  # documents named per kind of difference


@dataclass(frozen=True)
class Document:
    """What the comparison needs of an indexed text: where it belongs and what it says."""

    identifier: str  # haystack's id: "resolutions.paragraph.123"
    version: str  # the language version's id, as the index stores it
    symbol: str
    language: str
    eid: str
    text: str

    def __str__(self) -> str:
        return f"{self.symbol} ({self.language}) {self.eid} [{self.identifier}]"


@dataclass
class Comparison:
    """How the index differs from the database."""

    in_database: int = 0
    in_index: int = 0
    missing: list[Document] = field(default_factory=list)  # in the database, not in the index
    stale: list[Document] = field(default_factory=list)  # in the index, not in the database
    differing: list[Document] = field(default_factory=list)  # text, version or eid changed
    duplicated: list[Document] = field(default_factory=list)  # indexed more than once
    # Versions named by differing documents in the index, when the database names another.
    superseded: set[str] = field(default_factory=set)

    @property
    def consistent(self) -> bool:
        return not (self.missing or self.stale or self.differing or self.duplicated)

    @property
    def versions(self) -> set[str]:
        """The language versions whose documents must be written again: those of every
        difference, on either side (a stale document's version may be gone from the database)."""
        return self.superseded | {
            document.version
            for documents in (self.missing, self.stale, self.differing, self.duplicated)
            for document in documents
        }

    def summary(self) -> list[str]:
        """Lines for an operator: counts, a few examples of each difference, the verdict."""
        lines = [
            f"search index: {self.in_index:,} documents; "
            f"database: {self.in_database:,} paragraphs and footnotes"
        ]
        for name, documents in (
            ("missing from the index", self.missing),
            ("stale (in the index, not in the database)", self.stale),
            ("differing from the database", self.differing),
            ("indexed more than once", self.duplicated),
        ):
            lines.append(f"{name}: {len(documents):,}")
            lines += [f"  {document}" for document in documents[:EXAMPLES]]
            if len(documents) > EXAMPLES:
                lines.append(f"  … and {len(documents) - EXAMPLES:,} more")
        if self.consistent:
            lines.append("consistent: the index holds exactly the database's texts")
        else:
            lines.append(
                f"inconsistent: {len(self.versions):,} language version(s) to reindex "
                "(manage.py check_index --repair)"
            )
        return lines


def database_documents() -> dict[str, Document]:
    """Every paragraph and footnote, by the identifier its index document has."""
    documents = {}
    for model in (Paragraph, Footnote):
        prefix = get_model_ct(model)
        rows = model.objects.values_list(
            "pk", "version_id", "version__resolution__symbol", "version__language", "eid", "text"
        )
        for pk, version, symbol, language, eid, text in rows.iterator(chunk_size=5000):
            identifier = f"{prefix}.{pk}"
            documents[identifier] = Document(identifier, str(version), symbol, language, eid, text)
    return documents


def index_documents() -> list[Document]:
    """Every document in the index (deleted ones left out), from its stored fields."""
    return [
        Document(
            stored.get("id", ""),
            stored.get("version", ""),
            stored.get("symbol", ""),
            stored.get("language", ""),
            stored.get("eid", ""),
            stored.get("text", ""),
        )
        for stored in backend().stored_documents()
    ]


def check() -> Comparison:
    expected = database_documents()
    indexed = index_documents()
    comparison = Comparison(in_database=len(expected), in_index=len(indexed))
    seen: set[str] = set()
    for document in indexed:
        if document.identifier in seen:
            comparison.duplicated.append(document)
            continue
        seen.add(document.identifier)
        stored = expected.get(document.identifier)
        if stored is None:
            comparison.stale.append(document)
        elif (document.version, document.eid, document.text) != (
            stored.version,
            stored.eid,
            stored.text,
        ):
            # Shown and reindexed as the database has it; the index's copy goes with its version.
            comparison.differing.append(stored)
            comparison.superseded.add(document.version)
    comparison.missing = [
        document for identifier, document in expected.items() if identifier not in seen
    ]
    for documents in (comparison.missing, comparison.stale, comparison.differing):
        documents.sort(key=lambda document: (document.symbol, document.language, document.eid))
    return comparison


def repair(comparison: Comparison) -> int:
    """Remove every document of the affected language versions and index them again from the
    database, ``BATCH_SIZE`` versions per commit. Returns the number of versions rewritten."""
    versions = sorted(comparison.versions, key=lambda version: (len(version), version))
    for start in range(0, len(versions), BATCH_SIZE):
        batch = versions[start : start + BATCH_SIZE]
        ids = [int(version) for version in batch if version.isdigit()]
        backend().replace_versions(
            batch, prepared_documents(ids), processes=processes_for(len(batch))
        )
    return len(versions)


def unindexed(version_ids: Iterable[int]) -> list[int]:
    """The language versions among ``version_ids`` whose documents in the index are not as many
    as their paragraphs and footnotes: what an import stopped before its index batch was written
    leaves behind. One term lookup per version, so an import can ask it of every file it found
    unchanged."""
    ids = list(version_ids)
    if not ids:
        return []
    expected: Counter[int] = Counter()
    for model in (Paragraph, Footnote):
        rows = model.objects.filter(version_id__in=ids).values_list("version_id", flat=True)
        expected.update(rows)
    indexed = backend().version_counts(ids)
    return [version for version in ids if indexed[version] != expected[version]]
