"""Keeping the search index in step with the database, from the one process that writes.

The importer hands over each language version it stored, once the file's transaction has
committed, to the ``on_stored`` callback it is given: ``index_version`` indexes it at once,
``IndexBatch.take`` with others. ``rebuild_index`` rebuilds everything from PostgreSQL.

Every engine writes a segment per commit, and a segment's cost grows with the number of distinct
terms in it, which Chinese character pairs make large: a commit per file would spend most of a
bulk import writing small segments. In an ``IndexBatch`` (``import_resolutions`` fills one),
versions are indexed together, one writer and one commit per batch, their text analysed by one
process per core; a text becomes searchable when its batch is written, at the latest when the
batch ends.
"""

import os
from collections.abc import Callable
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


@dataclass
class IndexBatch:
    """Versions waiting to be indexed together, and what went wrong writing earlier ones.

    A batch large enough to be analysed by several processes is analysed while the import goes
    on storing the next files, and written at the next ``flush`` (or ``close``): PostgreSQL and
    the engine do not wait on each other. A smaller one is written when it is flushed.
    """

    size: int = BATCH_SIZE
    version_ids: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    _pending: tuple[int, Callable[[], None]] | None = None

    def __enter__(self) -> "IndexBatch":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def take(self, version, replaced_version_id: int | None) -> None:
        """Index ``version`` with the batch: the importer's ``on_stored``."""
        self.add(version.id, replaced_version_id)

    def add(self, version_id: int, replaced_version_id: int | None) -> None:
        self.version_ids.append(version_id)
        self.removed += [version_id] + ([replaced_version_id] if replaced_version_id else [])
        if len(self.version_ids) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Start writing the waiting versions, after finishing the write started before. A
        failure is kept in ``problems``, the database being right and only the index behind."""
        self._finish()
        if not self.version_ids:
            return
        count = len(self.version_ids)
        processes = processes_for(count)
        try:
            documents = prepared_documents(self.version_ids)
            finish = backend().start_write(self.removed, documents, processes=processes)
            self._pending = (count, finish)
        except Exception as error:
            self._failed(count, error)
        finally:
            self.version_ids, self.removed = [], []
        if processes == 1:
            self._finish()

    def close(self) -> None:
        """Write everything still waiting."""
        self.flush()
        self._finish()
        backend().done_writing()

    def _finish(self) -> None:
        if self._pending is None:
            return
        (count, finish), self._pending = self._pending, None
        try:
            finish()
        except Exception as error:
            self._failed(count, error)

    def _failed(self, count: int, error: Exception) -> None:
        self.problems.append(f"{count} imported text(s) are not in the search index ({error})")


class IndexNotUpdated(Exception):
    """The texts are stored, but the search index does not hold them yet."""


def index_version(version, replaced_version_id: int | None = None) -> None:
    """Index every paragraph and footnote of ``version`` now, dropping those of the version it
    replaced (and any earlier documents of this one)."""
    removed = [version.id] + ([replaced_version_id] if replaced_version_id else [])
    try:
        backend().replace_versions(removed, prepared_documents([version.id]))
    except Exception as error:
        raise IndexNotUpdated(
            f"the search index was not updated ({error}); run `manage.py rebuild_index`"
        ) from error
