"""Keeping the search index in step with the database, from the one process that writes.

The importer calls ``index_version`` after a file's transaction has committed; ``rebuild_index``
(haystack's command) rebuilds everything from PostgreSQL.

Every engine writes a segment per commit, and a segment's cost grows with the number of distinct
terms in it, which Chinese character pairs make large: a commit per file would spend most of a
bulk import writing small segments. Inside ``batched()`` (``import_resolutions`` runs in one),
versions are indexed together, one writer and one commit per batch, their text analysed by one
process per core; a text becomes searchable when its batch is written, at the latest when the
batch ends.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from .engines import backend
from .search_indexes import prepared_documents

# Language versions per writer in a batch: large enough to amortise a segment, small enough
# that a text waits seconds, not minutes, to be searchable during a long import.
BATCH_SIZE = 100
# A batch is analysed by this many processes (jieba is pure Python, one core each).
BATCH_PROCESSES = min(os.cpu_count() or 1, 4)
PARALLEL_FROM = 10  # versions in a write


def processes_for(versions: int) -> int:
    """Spreading a handful of texts over processes costs more than it saves."""
    return BATCH_PROCESSES if versions >= PARALLEL_FROM else 1


def _write(version_ids: list[int], removed: list[int], *, processes: int = 1) -> None:
    """Index every paragraph and footnote of the versions, after removing every document of
    ``removed`` (the versions themselves and those they replaced), in one commit."""
    backend().replace_versions(removed, prepared_documents(version_ids), processes=processes)


@dataclass
class IndexBatch:
    """Versions waiting to be indexed together, and what went wrong writing earlier ones."""

    size: int = BATCH_SIZE
    version_ids: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, version_id: int, replaced_version_id: int | None) -> None:
        self.version_ids.append(version_id)
        self.removed += [version_id] + ([replaced_version_id] if replaced_version_id else [])
        if len(self.version_ids) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Write the waiting versions. A failure is kept in ``problems``, the database being
        right and only the index behind."""
        if not self.version_ids:
            return
        try:
            _write(self.version_ids, self.removed, processes=processes_for(len(self.version_ids)))
        except Exception as error:
            self.problems.append(
                f"{len(self.version_ids)} imported text(s) are not in the search index ({error})"
            )
        finally:
            self.version_ids, self.removed = [], []


_current_batch: ContextVar[IndexBatch | None] = ContextVar("index_batch", default=None)


@contextmanager
def batched(size: int = BATCH_SIZE) -> Iterator[IndexBatch]:
    """Index the versions imported inside the block together, ``size`` at a time."""
    batch = IndexBatch(size)
    token = _current_batch.set(batch)
    try:
        yield batch
    finally:
        _current_batch.reset(token)
        batch.flush()


def index_version(version, replaced_version_id: int | None = None) -> None:
    """Index every paragraph and footnote of ``version``, dropping those of the version it
    replaced (and any earlier documents of this one): now, or with its batch inside
    ``batched()``."""
    batch = _current_batch.get()
    if batch is not None:
        batch.add(version.id, replaced_version_id)
        return
    removed = [version.id] + ([replaced_version_id] if replaced_version_id else [])
    _write([version.id], removed)
