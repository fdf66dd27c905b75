"""The Whoosh engine: haystack's Whoosh backend with the archive's fields, queries and writes.

haystack builds every text field with its ``StemmingAnalyzer``, which finds nothing in Chinese;
this backend swaps in analyzers that yield the tokens of ``search.analysis`` after
``build_schema``, turns the facet fields into whole-value sortable ``ID`` fields, and stores only
what results show. Queries are built as Whoosh query objects from the ``SearchRequest``, never
parsed from a string; facets are counted from the hits' own column values (every facet field holds
one value per document). Writes go through ``write``: one writer and one commit per batch.

Whoosh readers take no lock, but a commit replaces the index's table of contents and removes the
segments it merged: a search that listed the files just before finds one gone
(``FileNotFoundError``; ``EmptyIndexError`` when no table of contents is left for an instant).
That is reported as ``IndexChanging``, and the service opens the index again and retries.
"""

from collections import Counter
from datetime import date, datetime, time

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import sorting
from whoosh.analysis import Token, Tokenizer
from whoosh.columns import VarBytesListColumn
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import KEYWORD, STORED, TEXT

from ..analysis import LANGUAGE_FIELDS, field_tokens
from ..query import WORD_FIELDS, ResultPage, SearchRequest, TermMatch
from . import generations
from .base import ArchiveEngine, IndexChanging, IndexUnavailable

ANALYZED_FIELDS = ("text", "bigrams", *LANGUAGE_FIELDS.values())
KEYWORD_FIELDS = ("symbol", "eid", "body", "period", "language", "kind", "version")
DISPLAY_FIELDS = ("title", "subtitle", "url")
# Facets with several values a document (the States a resolution names): counted from a list
# column, one read per hit.
MULTI_VALUED_FACETS = ("state",)
# The stored copy of the text is what hits are highlighted from; other text fields need none.
STORED_TEXT = "text"
WRITER_TIMEOUT = 30.0  # seconds to wait for another writer before giving up
# What reading an index that a writer is committing to can raise; anything else is a real fault.
COMMIT_RACES = (FileNotFoundError, whoosh_index.EmptyIndexError)


class FieldTokenizer(Tokenizer):
    """The tokens ``search.analysis`` gives for one field, as Whoosh tokens."""

    def __init__(self, field: str):
        self.field = field

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, position, start, end in field_tokens(self.field, value, mode or "index"):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class KeywordList(KEYWORD):
    """Whole values, written comma-separated (as haystack joins a list), each a term, and kept
    as a list column too: an overlapping facet then reads each hit's values from the column
    instead of walking every posting of the field."""

    def __init__(self):
        super().__init__(commas=True)
        self.column_type = VarBytesListColumn()

    def to_column_value(self, value):
        return [part.encode() for part in value.split(",") if part]


def _facet_value(value):
    return value.decode() if isinstance(value, bytes) else value


def _phrase(field: str, words: list[str]) -> wq.Query:
    if not words:
        return wq.NullQuery
    if len(words) == 1:
        return wq.Term(field, words[0])
    return wq.Phrase(field, words)


def term_query(term: TermMatch) -> wq.Query:
    """A Chinese term is decided by its character pairs and ranked by its words; any other
    term is a phrase of words or of stems."""
    if term.chinese:
        decide = (
            wq.Prefix("bigrams", term.character)
            if term.character
            else _phrase("bigrams", term.pairs)
        )
        rank = _phrase("text", term.words("text"))
        return decide if rank is wq.NullQuery else wq.AndMaybe(decide, rank)
    return wq.Or([_phrase(name, term.words(name)) for name in WORD_FIELDS])


def compile_request(request: SearchRequest) -> wq.Query:
    if request.cites is not None:
        return wq.Term("cites", request.cites)
    query = wq.And([wq.Or([term_query(term) for term in group]) for group in request.groups])
    if request.excluded:
        query = wq.AndNot(query, wq.Or([term_query(term) for term in request.excluded]))
    return query


def adopted_range(first: date | None, last: date | None) -> wq.Query:
    """Adopted from ``first`` to ``last`` inclusive (an end None is open); a document without
    an adoption date has no value to fall in it."""
    return wq.DateRange(
        "adopted_on",
        datetime.combine(first, time.min) if first else None,
        datetime.combine(last, time.max) if last else None,
    )


def _stored(fields: dict, score: float) -> dict:
    adopted = fields.get("adopted_on")
    if isinstance(adopted, datetime):
        adopted = adopted.date()
    elif not isinstance(adopted, date):
        adopted = None
    return {**fields, "adopted_on": adopted, "score": score}


class WhooshBackend(ArchiveEngine, WhooshSearchBackend):
    name = "whoosh"

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for name in ANALYZED_FIELDS:
            schema.remove(name)
            schema.add(
                name, TEXT(analyzer=FieldTokenizer(name), stored=name == STORED_TEXT, phrase=True)
            )
        for name in KEYWORD_FIELDS:
            schema.remove(name)
            schema.add(name, WHOOSH_ID(stored=True, sortable=True))
        for name in DISPLAY_FIELDS:
            schema.remove(name)
            schema.add(name, STORED())
        for name in MULTI_VALUED_FACETS:
            schema.remove(name)
            schema.add(name, KeywordList())
        return content_field_name, schema

    # --- reading ---------------------------------------------------------------------------

    def index_exists(self) -> bool:
        try:
            return whoosh_index.exists_in(str(self.index_path))
        except COMMIT_RACES as error:
            raise IndexChanging from error
        except Exception:
            return False

    def health(self) -> str:
        try:
            if not whoosh_index.exists_in(str(self.index_path)):
                return "unavailable (no index)"
            whoosh_index.open_dir(str(self.index_path)).doc_count()
        except Exception as error:
            return f"unavailable ({type(error).__name__})"
        return "ok"

    def reopen(self) -> None:
        """Open the index again at the generation and commit now live (never through haystack's
        ``setup``, which creates an empty index where it finds none)."""
        if self.setup_complete:
            self._generation = generations.resolved(self.index_path)
            self.index = self.storage.open_index(schema=self.schema)

    def _open(self) -> None:
        if not self.setup_complete:
            self.setup()
            self._generation = generations.resolved(self.index_path)
        elif generations.resolved(self.index_path) != getattr(self, "_generation", None):
            self.reopen()
        else:
            self.index = self.index.refresh()

    def search_page(self, request: SearchRequest) -> ResultPage:
        try:
            self._open()
            return self._search_page(request)
        except COMMIT_RACES as error:
            raise IndexChanging from error
        except Exception as error:
            raise IndexUnavailable(type(error).__name__) from error

    def _search_page(self, request: SearchRequest) -> ResultPage:
        query = compile_request(request)
        filters = [wq.Term(name, value) for name, value in request.filters]
        if request.adopted != (None, None):
            filters.append(adopted_range(*request.adopted))
        with self.index.searcher() as searcher:
            results = searcher.search(
                query,
                limit=request.offset + request.limit,
                filter=wq.And(filters) if filters else None,
                sortedby=(
                    sorting.FieldFacet("adopted_on", reverse=True)
                    if request.sort == "date"
                    else None
                ),
                groupedby={
                    name: sorting.FieldFacet(
                        name, maptype=sorting.Count, allow_overlap=name in MULTI_VALUED_FACETS
                    )
                    for name in request.facets
                },
            )
            page = ResultPage(total=len(results))
            for hit in results[request.offset : request.offset + request.limit]:
                page.documents.append(_stored(hit.fields(), hit.score or 0.0))
            for name in request.facets:
                counts = results.groups(name)
                page.facets[name] = sorted(
                    (
                        (_facet_value(value), count)
                        for value, count in counts.items()
                        if value is not None
                    ),
                    key=lambda item: (-item[1], str(item[0])),
                )
        return page

    def stored_documents(self):
        self._open()
        with self.index.reader() as reader:
            yield from reader.all_stored_fields()

    def document_count(self) -> int:
        self._open()
        return self.index.doc_count()

    def version_counts(self, version_ids) -> Counter:
        self._open()
        counts: Counter = Counter()
        with self.index.searcher() as searcher:
            for version in version_ids:
                term = wq.Term("version", str(version))
                counts[version] = sum(1 for _ in searcher.docs_for_query(term))
        return counts

    # --- writing ---------------------------------------------------------------------------

    def create(self) -> None:
        self.setup()

    def clear(self, models=None, commit=True):
        """Clearing the whole index removes its files without opening it first, so that a
        clear also recovers an index whose table of contents is unreadable (haystack opens the
        index before deleting it, and fails there)."""
        if models is None and self.use_file_storage:
            self.delete_index()
            self.setup_complete = False
            self._open()
            return
        super().clear(models, commit)

    def write(self, removed_versions, documents, *, processes: int = 1) -> None:
        """``processes`` > 1 analyses the documents in that many processes, each writing a
        segment of its own (worth it for a batch of thousands of texts, not for one file).
        Whoosh's default merge policy then keeps the number of segments, which every reader
        opens, small."""
        self._open()
        writer = self.index.writer(
            processes, timeout=WRITER_TIMEOUT, **({"multisegment": True} if processes > 1 else {})
        )
        try:
            removed = [wq.Term("version", str(v)) for v in removed_versions]
            if removed:
                writer.delete_by_query(wq.Or(removed))
            for prepared in documents:
                # A field without a value (a resolution whose adoption date is unknown) is
                # left out: haystack would write None as the string "None".
                document = {
                    key: self._from_python(value)
                    for key, value in prepared.items()
                    if value is not None
                }
                document.pop("boost", None)
                # The versions' documents were deleted above: no copy to look up and replace.
                writer.add_document(**document)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()


class WhooshSearchEngine(WhooshEngine):
    backend = WhooshBackend
