"""haystack's Whoosh backend with the archive's analyzers: a subclass, not a copy.

haystack builds every text field with its ``StemmingAnalyzer``, which finds nothing in Chinese;
this backend swaps in the analyzers of ``search.analysis`` after ``build_schema``, turns the
facet fields into whole-value ``ID`` fields, and stores only what results show. Writes go
through ``replace_versions``: one writer and one commit for a batch of imported versions.

Two pieces of the libraries are replaced where they are defined, for every search: haystack's
facet class (``SingleValueFacet``) and the first step of Whoosh's exclusion matcher, which could
keep a document that an excluded word matches.
"""

from haystack.backends import whoosh_backend
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from whoosh import sorting
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import STORED, TEXT
from whoosh.matching.binary import AndNotMatcher
from whoosh.query import Or, Term

from .analysis import FIELD_ANALYZERS

KEYWORD_FIELDS = ("symbol", "eid", "body", "period", "language", "kind", "version")
DISPLAY_FIELDS = ("title", "url")
# The stored copy of the text is what hits are highlighted from; other text fields need none.
STORED_TEXT = "text"
WRITER_TIMEOUT = 30.0  # seconds to wait for another writer before giving up


class SingleValueFacet(sorting.FieldFacet):
    """A facet over a field that holds one value per document, counted from its column.

    haystack builds every facet with ``allow_overlap=True``, for fields that hold several values;
    Whoosh then walks the postings of every value in the whole index on each query, a cost that
    grows with the archive rather than with the hits. The archive's facet fields (body, period,
    language, kind) hold one value per document and are sortable columns, so the hits' own values
    give the same counts.
    """

    def __init__(self, fieldname, reverse=False, allow_overlap=False, maptype=None):
        super().__init__(fieldname, reverse=reverse, allow_overlap=False, maptype=maptype)


# haystack's search() names the facet class from its module; this backend is the archive's only
# search backend, and every field it facets on is single-valued (KEYWORD_FIELDS above).
whoosh_backend.FieldFacet = SingleValueFacet


def _find_first_not_excluded(self) -> None:
    """Move past the first candidates that the excluded words also match.

    Whoosh's ``AndNotMatcher`` checks its first candidate only when both matchers start on the
    same document: when the excluded word's first document comes earlier, an excluded first
    candidate was kept (``sanctions -Iraq`` listed a paragraph naming Iraq, or not, depending
    on how the documents lay in the index's segments)."""
    if self.a.is_active() and self.b.is_active() and self.a.id() >= self.b.id():
        self._find_next()


AndNotMatcher._find_first = _find_first_not_excluded


class ArchiveWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for name, make_analyzer in FIELD_ANALYZERS.items():
            schema.remove(name)
            schema.add(
                name, TEXT(analyzer=make_analyzer(), stored=name == STORED_TEXT, phrase=True)
            )
        for name in KEYWORD_FIELDS:
            schema.remove(name)
            schema.add(name, WHOOSH_ID(stored=True, sortable=True))
        for name in DISPLAY_FIELDS:
            schema.remove(name)
            schema.add(name, STORED())
        return content_field_name, schema

    def clear(self, models=None, commit=True):
        """Clearing the whole index removes its files without opening it first, so that
        ``rebuild_index`` also recovers an index whose table of contents is unreadable (haystack
        opens the index before deleting it, and fails there)."""
        if models is None and self.use_file_storage:
            self.delete_index()
            return
        super().clear(models, commit)

    def replace_versions(self, removed_versions, documents, *, processes: int = 1) -> None:
        """Remove every document of ``removed_versions`` and add ``documents`` (pairs of a
        SearchIndex and a model instance), in one writer and one commit.

        ``processes`` > 1 analyses the documents in that many processes, each writing a segment
        of its own (worth it for a batch of thousands of texts, not for one file). Whoosh's
        default merge policy then keeps the number of segments, which every reader opens,
        small; merging the whole index into one after each import was measured to cost more
        (minutes at 100,000 paragraphs) than it saves."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(
            processes, timeout=WRITER_TIMEOUT, **({"multisegment": True} if processes > 1 else {})
        )
        try:
            if removed_versions:
                writer.delete_by_query(Or([Term("version", str(v)) for v in removed_versions]))
            for search_index, obj in documents:
                prepared = search_index.full_prepare(obj)
                document = {key: self._from_python(value) for key, value in prepared.items()}
                document.pop("boost", None)
                # The versions' documents were deleted above: no copy to look up and replace.
                writer.add_document(**document)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
