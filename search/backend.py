"""haystack's Whoosh backend with the archive's analyzers: a subclass, not a copy.

haystack builds every text field with its ``StemmingAnalyzer``, which finds nothing in Chinese;
this backend swaps in the analyzers of ``search.analysis`` after ``build_schema``, turns the
facet fields into whole-value ``ID`` fields, and stores only what results show. Writes go
through ``replace_versions``: one writer, one commit per imported file.
"""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import STORED, TEXT
from whoosh.query import Or, Term

from .analysis import FIELD_ANALYZERS

KEYWORD_FIELDS = ("symbol", "eid", "body", "period", "language", "kind", "version")
DISPLAY_FIELDS = ("title", "url")
# The stored copy of the text is what hits are highlighted from; other text fields need none.
STORED_TEXT = "text"
WRITER_TIMEOUT = 30.0  # seconds to wait for another writer before giving up


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

    def replace_versions(self, removed_versions, documents) -> None:
        """Remove every document of ``removed_versions`` and add ``documents`` (pairs of a
        SearchIndex and a model instance), in one writer and one commit."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        writer = self.index.writer(timeout=WRITER_TIMEOUT)
        try:
            if removed_versions:
                writer.delete_by_query(Or([Term("version", str(v)) for v in removed_versions]))
            for search_index, obj in documents:
                prepared = search_index.full_prepare(obj)
                document = {key: self._from_python(value) for key, value in prepared.items()}
                document.pop("boost", None)
                writer.update_document(**document)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
