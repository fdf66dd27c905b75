"""The tantivy engine: the archive's index in tantivy, a compiled engine embedded like Whoosh (a
directory, no server), for an archive of the whole UN record.

The documents, fields and tokens are Whoosh's (``search.analysis`` cuts the text in Python, in as
many processes as a batch is given, and tantivy receives every analysed field pre-tokenized with
the same positions), so both engines find exactly the same paragraphs; tantivy matches phrases,
counts totals and facets and sorts in compiled code.

The schema, the documents and the analysis processes are in ``search.engines.tantivy_index``.

Each process opens the index itself, at first use (never inherited through a fork), and reloads it
when a commit has changed ``meta.json`` or a rebuild has swapped the generation.
"""

import os
from collections import Counter
from datetime import date
from pathlib import Path

import tantivy
from haystack.backends import BaseEngine, BaseSearchBackend, BaseSearchQuery
from haystack.utils import get_identifier

from ..analysis import analyse
from ..query import WORD_FIELDS, ResultPage, SearchRequest, TermMatch
from . import generations
from .base import ArchiveEngine, IndexChanging, IndexUnavailable
from .tantivy_index import (
    AGGREGATION_SIZE,
    META,
    SCHEMA,
    WRITER_HEAP,
    analysed,
    analysis_pool,
    chunk_size,
    day_number,
    file_stamp,
    in_parallel,
    open_index,
    segment_files,
    segment_files_changed,
    stop_analysis_processes,
    stored,
    to_document,
)

# --- queries -----------------------------------------------------------------------------------


def _phrase(field: str, words: list[str]) -> tantivy.Query | None:
    if not words:
        return None
    if len(words) == 1:
        return tantivy.Query.term_query(SCHEMA, field, words[0])
    return tantivy.Query.phrase_query(SCHEMA, field, words)


def _any(queries: list) -> tantivy.Query:
    queries = [query for query in queries if query is not None]
    if not queries:
        return tantivy.Query.empty_query()
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, query) for query in queries])


def _escaped(text: str) -> str:
    return "".join("\\" + char if not char.isalnum() else char for char in text)


def term_query(term: TermMatch) -> tantivy.Query:
    """A Chinese term is decided by its character pairs and ranked by its words; any other
    term is a phrase of words or of stems."""
    if term.chinese:
        if term.character:
            # Every pair that starts with the character, and the last character of a run.
            decide = tantivy.Query.regex_query(SCHEMA, "bigrams", _escaped(term.character) + ".?")
        else:
            decide = _phrase("bigrams", term.pairs) or tantivy.Query.empty_query()
        rank = _phrase("text", term.words("text"))
        if rank is None:
            return decide
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, decide), (tantivy.Occur.Should, rank)]
        )
    return _any([_phrase(name, term.words(name)) for name in WORD_FIELDS])


def compile_request(request: SearchRequest) -> tantivy.Query:
    if request.cites is not None:
        clauses = [(tantivy.Occur.Must, tantivy.Query.term_query(SCHEMA, "cites", request.cites))]
    else:
        clauses = [
            (tantivy.Occur.Must, _any([term_query(term) for term in group]))
            for group in request.groups
        ]
        clauses += [(tantivy.Occur.MustNot, term_query(term)) for term in request.excluded]
    clauses += [
        (
            tantivy.Occur.Must,
            tantivy.Query.const_score_query(tantivy.Query.term_query(SCHEMA, name, value), 0.0),
        )
        for name, value in request.filters
    ]
    if request.adopted != (None, None):
        clauses.append((tantivy.Occur.Must, adopted_range(*request.adopted)))
    return tantivy.Query.boolean_query(clauses)


def adopted_range(first: date | None, last: date | None) -> tantivy.Query:
    """Adopted from ``first`` to ``last`` inclusive (an end None is open); a document without
    an adoption date holds 0, below every first day."""
    lower = day_number(first) if first else 1
    upper = day_number(last) if last else None
    return tantivy.Query.const_score_query(
        tantivy.Query.range_query(SCHEMA, "adopted_on", tantivy.FieldType.Integer, lower, upper),
        0.0,
    )


# --- the backend -------------------------------------------------------------------------------


def _is_fault(error: BaseException) -> bool:
    """Whether an error is the index's (tantivy reports damage as a Rust panic, which Python
    sees as a ``BaseException``), not the process being stopped."""
    return not isinstance(error, KeyboardInterrupt | SystemExit | GeneratorExit)


class TantivyBackend(ArchiveEngine, BaseSearchBackend):
    name = "tantivy"

    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self._index = None
        self._opened = None  # (process, generation, meta.json's stamp) the reader was opened at
        self._segment_files: dict[str, tuple] = {}  # the stamps of its segments' files

    # --- reading ---------------------------------------------------------------------------

    def index_exists(self) -> bool:
        try:
            return tantivy.Index.exists(str(self.index_path))
        except BaseException as error:
            if not _is_fault(error):
                raise
            return False

    def _reader(self) -> tantivy.Index:
        """The index, reloaded when a commit or a rebuild has changed it since the last use."""
        generation = generations.resolved(self.index_path)
        try:
            stamp = file_stamp(Path(generation) / META)
        except FileNotFoundError as error:
            raise IndexUnavailable("no index") from error
        opened = (os.getpid(), generation, stamp)
        if (
            self._index is None
            or self._opened[:2] != opened[:2]
            or segment_files_changed(self._segment_files)
        ):
            self._index = open_index(generation)
            self._index.config_reader("Manual", 0)
            self._segment_files = segment_files(generation)
        elif self._opened[2] != stamp:
            self._index.reload()
            self._segment_files = segment_files(generation)
        self._opened = opened
        return self._index

    def reopen(self) -> None:
        self._index = None

    def health(self) -> str:
        try:
            if not self.index_exists():
                return "unavailable (no index)"
            searcher = self._reader().searcher()
            if searcher.num_docs:
                result = searcher.search(tantivy.Query.all_query(), 1)
                searcher.doc(result.hits[0][1])
        except BaseException as error:
            if not _is_fault(error):
                raise
            return f"unavailable ({type(error).__name__})"
        return "ok"

    def search_page(self, request: SearchRequest) -> ResultPage:
        try:
            if not self.index_exists():
                raise IndexUnavailable("no index")
            return self._search_page(request)
        except (IndexUnavailable, IndexChanging):
            raise
        except FileNotFoundError as error:
            raise IndexChanging from error
        except BaseException as error:
            if not _is_fault(error):
                raise
            self.reopen()
            raise IndexUnavailable(type(error).__name__) from error

    def _search_page(self, request: SearchRequest) -> ResultPage:
        searcher = self._reader().searcher()
        query = compile_request(request)
        by_date = request.sort == "date"
        result = searcher.search(
            query,
            max(request.limit, 1),
            count=True,
            offset=request.offset,
            **({"order_by_field": "adopted_on", "order": tantivy.Order.Desc} if by_date else {}),
        )
        page = ResultPage(total=result.count)
        for score, address in result.hits[: request.limit]:
            page.documents.append(stored(searcher.doc(address), 0.0 if by_date else float(score)))
        if request.facets and result.count:
            aggregations = searcher.aggregate(
                query,
                {
                    name: {"terms": {"field": name, "size": AGGREGATION_SIZE}}
                    for name in request.facets
                },
            )
            for name in request.facets:
                buckets = aggregations.get(name, {}).get("buckets", [])
                page.facets[name] = sorted(
                    ((bucket["key"], bucket["doc_count"]) for bucket in buckets),
                    key=lambda item: (-item[1], str(item[0])),
                )
        else:
            page.facets = {name: [] for name in request.facets}
        return page

    # No index holds no documents (as Whoosh's backend reports, which creates an empty one):
    # an import stopped before its first index batch leaves none, and the import run again or
    # ``check_index --repair`` then finds every text missing and writes it.

    def stored_documents(self):
        if not self.index_exists():
            return
        searcher = self._reader().searcher()
        if not searcher.num_docs:
            return
        result = searcher.search(tantivy.Query.all_query(), searcher.num_docs, count=False)
        for _, address in result.hits:
            yield stored(searcher.doc(address), 0.0)

    def document_count(self) -> int:
        if not self.index_exists():
            return 0
        return self._reader().searcher().num_docs

    def version_counts(self, version_ids) -> Counter:
        counts: Counter = Counter()
        if not self.index_exists():
            return counts
        searcher = self._reader().searcher()
        for version in version_ids:
            query = tantivy.Query.term_query(SCHEMA, "version", str(version))
            counts[version] = searcher.search(query, 1, count=True).count
        return counts

    # --- writing ---------------------------------------------------------------------------

    def create(self) -> None:
        self.index_path.mkdir(parents=True, exist_ok=True)
        tantivy.Index(SCHEMA, str(self.index_path), reuse=True)

    def start_write(self, removed_versions, documents, *, processes: int = 1):
        """The text is analysed by the analysis processes while the caller goes on (an import
        parses and stores its next files); the write itself waits for the returned call."""
        if not in_parallel(documents, processes):
            return super().start_write(removed_versions, documents, processes=processes)
        removed_versions = list(removed_versions)
        pending = analysis_pool(processes).map_async(
            analyse, documents, chunksize=chunk_size(documents, processes)
        )

        def finish() -> None:
            tokens = pending.get()
            with generations.writing(self.index_path):
                self._add(removed_versions, documents, tokens)

        return finish

    def done_writing(self) -> None:
        stop_analysis_processes()

    def write(self, removed_versions, documents, *, processes: int = 1) -> None:
        self._add(removed_versions, documents, analysed(documents, processes))

    def _add(self, removed_versions, documents, tokens) -> None:
        deletions = [("version", str(version)) for version in removed_versions]
        self._commit(deletions, documents, tokens)

    def _commit(self, deletions, documents, tokens) -> None:
        """Delete the documents holding each (field, value) of ``deletions``, add ``documents``
        with their analysed ``tokens``, and commit, in one writer."""
        self.index_path.mkdir(parents=True, exist_ok=True)
        index = open_index(str(self.index_path))
        writer = index.writer(WRITER_HEAP, 1)
        try:
            for field_name, value in deletions:
                writer.delete_documents_by_term(field_name, value)
            for prepared, document_tokens in zip(documents, tokens, strict=True):
                writer.add_document(to_document(prepared, document_tokens))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        writer.wait_merging_threads()

    # haystack's own calls, for ``update_index`` and ``clear_index``.

    def update(self, index, iterable, commit=True):
        documents = [index.full_prepare(obj) for obj in iterable]
        if documents:
            with generations.writing(self.index_path):
                deletions = [("id", prepared["id"]) for prepared in documents]
                self._commit(deletions, documents, analysed(documents, 1))

    def remove(self, obj_or_string, commit=True):
        with generations.writing(self.index_path):
            self._commit([("id", get_identifier(obj_or_string))], [], [])

    def clear(self, models=None, commit=True):
        """Leave an empty index (every document of the archive is a paragraph or a footnote,
        so clearing some models clears them all)."""
        self.delete_index()
        self.create()
        self.reopen()

    def search(self, query_string, **kwargs):
        raise NotImplementedError("the archive searches through search_page(SearchRequest)")


class TantivySearchEngine(BaseEngine):
    backend = TantivyBackend
    query = BaseSearchQuery
