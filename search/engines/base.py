"""The seam between the archive and a search engine: what every engine does, in the archive's
terms. Code above it (the search service, indexing, ``check_index``, ``/healthz``,
``rebuild_index``) calls only these methods; everything that touches an engine's own API lives in
that engine's module (``search.engines.whoosh``, ``search.engines.tantivy``).

Each engine is a haystack backend, so haystack's ``SearchIndex`` classes prepare its documents
and ``update_index`` works as for any backend; the archive's own methods are declared here.

An engine's documents are the prepared dicts of ``search.search_indexes`` (one per paragraph and
per footnote): ``id``, ``text``, ``bigrams``, ``text_<language>``, ``symbol``, ``title``,
``subtitle``, ``eid``, ``url``, ``body``, ``period``, ``language``, ``kind``, ``state`` (several
values), ``adopted_on``, ``cites`` and ``version``.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..query import ResultPage, SearchRequest
from . import generations

# Fields every engine stores and gives back with a hit.
STORED_FIELDS = (
    "id",
    "text",
    "symbol",
    "title",
    "subtitle",
    "eid",
    "url",
    "body",
    "period",
    "language",
    "kind",
    "adopted_on",
    "version",
)


def _done() -> None:
    """A write that needs nothing more."""


class IndexUnavailable(Exception):
    """The index cannot be read: missing, unreadable or damaged. Search answers "unavailable"."""


class IndexChanging(Exception):
    """The index changed under a reader (a commit removed files it was about to read): open it
    again and run the search once more."""


class ArchiveEngine:
    """The archive's methods, shared by its haystack backends (mixed in before them)."""

    name = ""

    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self.options = connection_options
        self.index_path = Path(connection_options["PATH"])

    # --- reading ---------------------------------------------------------------------------

    def index_exists(self) -> bool:
        """Whether there is an index to search (a missing one is never created by a reader)."""
        raise NotImplementedError

    def health(self) -> str:
        """``"ok"``, or ``"unavailable (why)"`` naming only the kind of failure."""
        raise NotImplementedError

    def reopen(self) -> None:
        """Open the index afresh, at its latest commit and generation."""
        raise NotImplementedError

    def search_page(self, request: SearchRequest) -> ResultPage:
        """One page of hits with the exact total and facet counts. Raises ``IndexUnavailable``
        or ``IndexChanging``; never anything for what the user typed."""
        raise NotImplementedError

    def stored_documents(self) -> Iterator[dict]:
        """The stored fields of every live document (for ``check_index``)."""
        raise NotImplementedError

    def document_count(self) -> int:
        """How many live documents the index holds."""
        raise NotImplementedError

    def version_counts(self, version_ids: Iterable[int]) -> Counter:
        """How many documents the index holds for each language version."""
        raise NotImplementedError

    # --- writing ---------------------------------------------------------------------------

    def replace_versions(
        self, removed_versions: Iterable, documents: list[dict], *, processes: int = 1
    ) -> None:
        """Remove every document of ``removed_versions`` and add ``documents``, in one commit
        that readers see whole."""
        with generations.writing(self.index_path):
            self.write(removed_versions, documents, processes=processes)

    def start_write(
        self, removed_versions: Iterable, documents: list[dict], *, processes: int = 1
    ) -> Callable[[], None]:
        """Begin ``replace_versions`` and return the call that completes it. An engine may
        analyse the documents in other processes meanwhile, so that the caller (an import) goes
        on storing while they work; by default the write is done before this returns."""
        self.replace_versions(removed_versions, documents, processes=processes)
        return _done

    def write(self, removed_versions, documents: list[dict], *, processes: int = 1) -> None:
        """``replace_versions`` without the lock: for the holder of the lock."""
        raise NotImplementedError

    def delete_index(self) -> None:
        """Remove the index, whatever state its files are in."""
        generations.remove(self.index_path)

    @contextmanager
    def new_generation(self) -> Iterator["ArchiveEngine"]:
        """A backend of the same engine writing into a new, empty index beside the live one;
        when the block ends without an error, the new index replaces the live one atomically.
        Searches meanwhile answer from the live index."""
        with generations.writing(self.index_path):
            directory = generations.new_generation(self.index_path)
            builder = type(self)(self.connection_alias, **{**self.options, "PATH": str(directory)})
            try:
                builder.create()
                yield builder
                builder.close()
            except BaseException:
                builder.done_writing()
                generations.remove(directory)
                raise
            generations.swap_in(self.index_path, directory)
        builder.done_writing()
        self.reopen()

    def create(self) -> None:
        """Create an empty index at this backend's path."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of the index's files (after the last write of a new generation)."""

    def done_writing(self) -> None:
        """Release what a series of writes kept (an engine's analysis processes)."""
