"""What the index is given for each paragraph and footnote: the documents an import writes in
batches are exactly those haystack's own preparation makes (``update_index`` uses that one)."""

import pytest

from resolutions.importer import Status
from resolutions.models import LanguageVersion
from search.search_indexes import FootnoteIndex, ParagraphIndex, prepared_documents
from tests.importing import import_file

pytestmark = pytest.mark.django_db


def test_batch_documents_equal_haystacks_preparation(sample_path, english_fixture, corpus_dir):
    council = corpus_dir / "en" / "sc" / "S_RES_2286_2016.en.txt"
    for path in (sample_path, english_fixture, council):
        assert import_file(path).status == Status.IMPORTED
    ids = list(LanguageVersion.objects.values_list("pk", flat=True))

    batch = prepared_documents(ids)

    one_by_one = [
        search_index.full_prepare(obj)
        for search_index in (ParagraphIndex(), FootnoteIndex())
        for obj in search_index.index_queryset().filter(version_id__in=ids).order_by("pk")
    ]
    assert batch == one_by_one
    assert {document["kind"] for document in batch} >= {"operative", "footnote"}
    assert any(document["cites"] for document in batch)
    assert all(document["url"].startswith("/") for document in batch)
