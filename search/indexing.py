"""Keeping the search index in step with the database, from the one process that writes.

The importer calls ``index_version`` after a file's transaction has committed; ``rebuild_index``
(haystack's command) rebuilds everything from PostgreSQL.
"""

from haystack import connections

from resolutions.models import LanguageVersion

from .search_indexes import FootnoteIndex, ParagraphIndex


def backend():
    return connections["default"].get_backend()


def index_version(version: LanguageVersion, replaced_version_id: int | None = None) -> None:
    """Index every paragraph and footnote of ``version``, dropping those of the version it
    replaced (and any earlier documents of this one), in one commit."""
    paragraphs = ParagraphIndex().index_queryset().filter(version=version)
    footnotes = FootnoteIndex().index_queryset().filter(version=version)
    documents = [(ParagraphIndex(), p) for p in paragraphs]
    documents += [(FootnoteIndex(), f) for f in footnotes]
    removed = [version.id] + ([replaced_version_id] if replaced_version_id else [])
    backend().replace_versions(removed, documents)
