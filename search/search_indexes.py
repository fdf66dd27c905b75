"""What the search index holds, in every engine: one document per paragraph and one per
footnote, in every language, so that every hit opens on a permalink.

Fields (the analyzers behind the text fields are in ``search.analysis``):

- ``text`` the plain text (stored, for highlighting), ``bigrams`` the same for exact substrings,
  ``text_<language>`` the same once more, stemmed, in the version's own language only;
- ``symbol``, ``title``, ``eid``, ``url`` to show and link a hit without touching the database;
- ``body``, ``period`` (GA 76, SC 2016), ``language`` and ``kind`` for facets and filters, and
  ``state``, the States and territories the resolution names (several values a document);
- ``subtitle``, the opening words shown under a title that names no subject;
- ``adopted_on`` for sorting by date, ``cites`` (canonical symbols) for symbol queries, and
  ``version`` so that re-importing a language version can replace its documents at once.
"""

from functools import cached_property

from django.db.models import Prefetch
from haystack import indexes
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.utils import get_identifier, get_model_ct

from resolutions.bodies import session_key
from resolutions.models import Citation, Footnote, LanguageVersion, Paragraph

from .analysis import LANGUAGE_FIELDS

FOOTNOTE_KIND = "footnote"


class _TextIndex(indexes.SearchIndex):
    text = indexes.CharField(document=True)
    bigrams = indexes.CharField()
    text_en = indexes.CharField()
    text_fr = indexes.CharField()
    text_es = indexes.CharField()
    text_ru = indexes.CharField()
    text_ar = indexes.CharField()
    symbol = indexes.CharField()
    title = indexes.CharField(indexed=False)
    eid = indexes.CharField()
    url = indexes.CharField(indexed=False)
    body = indexes.CharField()
    period = indexes.CharField()
    language = indexes.CharField()
    kind = indexes.CharField()
    adopted_on = indexes.DateField(null=True)
    cites = indexes.MultiValueField()
    state = indexes.MultiValueField()
    subtitle = indexes.CharField(indexed=False)
    version = indexes.CharField()

    def prepare(self, obj):
        """Every field, set here at once: haystack's field-by-field preparation, which looks up
        each field on the model first, took as long as analysing the text in Chinese."""
        version = obj.version
        resolution = version.resolution
        field = LANGUAGE_FIELDS.get(version.language)
        self.prepared_data = data = {
            ID: get_identifier(obj),
            DJANGO_CT: self._content_type,
            DJANGO_ID: str(obj.pk),
        }
        data.update(
            {
                "eid": obj.eid,
                "kind": self.prepare_kind(obj),
                "text": obj.text,
                "bigrams": obj.text,
                **{name: (obj.text if name == field else "") for name in LANGUAGE_FIELDS.values()},
                "symbol": resolution.symbol,
                "title": version.title,
                "url": self.url_of(obj),
                "body": resolution.body,
                "period": period_of(resolution),
                "language": version.language,
                "adopted_on": resolution.adopted_on,
                "cites": sorted({citation.target_symbol for citation in obj.citations.all()}),
                "state": list(resolution.states),
                "subtitle": version.subtitle,
                "version": str(version.id),
            }
        )
        return data

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.select_related("version__resolution")
            .defer("version__source_text", "version__warnings")
            .prefetch_related("citations")
        )

    @cached_property
    def _content_type(self) -> str:
        return get_model_ct(self.get_model())

    def url_of(self, obj) -> str:
        raise NotImplementedError


def period_of(resolution) -> str:
    """The facet value for an Assembly session or a Council year: "GA 76", "SC 2016"."""
    if resolution.body == "SC":
        return f"SC {resolution.year}"
    return f"GA {session_key(resolution.session, resolution.special_session)}"


class ParagraphIndex(_TextIndex, indexes.Indexable):
    def get_model(self):
        return Paragraph

    def prepare_kind(self, obj):
        return obj.kind

    def url_of(self, obj):
        return obj.get_absolute_url()


class FootnoteIndex(_TextIndex, indexes.Indexable):
    def get_model(self):
        return Footnote

    def prepare_kind(self, obj):
        return FOOTNOTE_KIND

    def url_of(self, obj):
        return f"{obj.version.get_absolute_url()}#{obj.eid}"


def prepared_documents(version_ids) -> list[dict]:
    """The index documents of every paragraph and footnote of the language versions.

    Each version (without its kept source, which can be larger than all its paragraphs) is read
    once and shared by its paragraphs and footnotes; their citations come in one query each.
    """
    ids = list(version_ids)
    versions = (
        LanguageVersion.objects.select_related("resolution")
        .defer("source_text", "warnings")
        .in_bulk(ids)
    )
    citations = Citation.objects.only("paragraph", "footnote", "target_symbol")
    documents = []
    for search_index in (ParagraphIndex(), FootnoteIndex()):
        queryset = (
            search_index.get_model()
            .objects.filter(version_id__in=ids)
            .prefetch_related(Prefetch("citations", queryset=citations))
            .order_by("pk")
        )
        for obj in queryset:
            obj.version = versions[obj.version_id]
            documents.append(search_index.full_prepare(obj))
    return documents
