"""``check_index`` finds every way the search index can differ from the database and
``--repair`` puts it right; ``import_resolutions --force`` replaces unchanged texts and leaves
the index as the database is. Real PostgreSQL, and a real index of each search engine (the
``search_engine`` fixture)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from resolutions.models import LanguageVersion, Paragraph, ParagraphKind
from search.engines import backend
from search.search_indexes import prepared_documents
from search.service import run_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(search_engine, sample_path):
    """The Chinese sample, imported and indexed into an index of this test's own, on each
    engine."""
    call_command("import_resolutions", str(sample_path), stdout=StringIO())
    return LanguageVersion.objects.get(resolution__symbol="A/RES/76/127", language="zh")


def check_index(*args) -> tuple[int, str]:
    """The command's exit status and output."""
    output = StringIO()
    try:
        call_command("check_index", *args, stdout=output)
    except CommandError as error:
        return error.returncode, output.getvalue()
    return 0, output.getvalue()


def remove_from_index(paragraph: Paragraph) -> None:
    """Write the paragraph's language version into the index again without the paragraph."""
    identifier = f"resolutions.paragraph.{paragraph.pk}"
    documents = prepared_documents([paragraph.version_id])
    before = backend().document_count()
    backend().replace_versions(
        [paragraph.version_id], [d for d in documents if d["id"] != identifier]
    )
    assert backend().document_count() == before - 1


def operative(version, number: int) -> Paragraph:
    return version.paragraphs.get(eid=f"para_{number}")


def test_the_index_is_consistent_after_an_import(sample):
    status, output = check_index()

    documents = sample.paragraphs.count() + sample.footnotes.count()
    assert status == 0, output
    assert f"search index: {documents:,} documents; database: {documents:,}" in output
    assert "missing from the index: 0" in output
    assert "consistent: the index holds exactly the database's texts" in output


def test_a_document_deleted_from_the_index_is_reported_missing_and_repaired(sample):
    paragraph = operative(sample, 4)
    remove_from_index(paragraph)

    status, output = check_index()
    assert status == 1
    assert "missing from the index: 1" in output
    assert f"A/RES/76/127 (zh) para_4 [resolutions.paragraph.{paragraph.pk}]" in output
    assert "inconsistent: 1 language version(s) to reindex" in output

    status, output = check_index("--repair")
    assert status == 0, output
    assert "repaired: 1 language version(s) indexed again" in output
    assert output.rstrip().endswith("consistent: the index holds exactly the database's texts")
    assert check_index()[0] == 0


def test_a_paragraph_added_to_the_database_is_reported_missing_and_becomes_searchable(sample):
    added = Paragraph.objects.create(
        version=sample,
        position=999,
        eid="annex_para_1",
        kind=ParagraphKind.OTHER,
        text="维持和平特派团的太阳能电站",
        source_line=1,
    )
    assert run_search("太阳能电站", {}).total == 0

    status, output = check_index()
    assert status == 1
    assert "missing from the index: 1" in output
    assert f"annex_para_1 [resolutions.paragraph.{added.pk}]" in output

    assert check_index("--repair")[0] == 0
    found = run_search("太阳能电站", {})
    assert [(hit.symbol, hit.eid) for hit in found.hits] == [("A/RES/76/127", "annex_para_1")]


def test_a_paragraph_edited_in_the_database_is_reported_differing_and_reindexed(sample):
    paragraph = operative(sample, 2)
    Paragraph.objects.filter(pk=paragraph.pk).update(text="经过修订的段落：海底电缆的保护")

    status, output = check_index()
    assert status == 1
    assert "differing from the database: 1" in output
    assert "missing from the index: 0" in output
    assert f"A/RES/76/127 (zh) para_2 [resolutions.paragraph.{paragraph.pk}]" in output

    assert check_index("--repair")[0] == 0
    assert [hit.eid for hit in run_search("海底电缆", {}).hits] == ["para_2"]


def test_a_paragraph_removed_from_the_database_is_reported_stale_and_removed(sample):
    paragraph = operative(sample, 3)
    words = paragraph.text[:6]
    assert "para_3" in {hit.eid for hit in run_search(f'"{words}"', {}).hits}
    Paragraph.objects.filter(pk=paragraph.pk).delete()

    status, output = check_index()
    assert status == 1
    assert "stale (in the index, not in the database): 1" in output
    assert f"para_3 [resolutions.paragraph.{paragraph.pk}]" in output

    assert check_index("--repair")[0] == 0
    assert "para_3" not in {hit.eid for hit in run_search(f'"{words}"', {}).hits}


def test_every_difference_at_once_is_repaired_in_one_run(sample):
    remove_from_index(operative(sample, 1))
    Paragraph.objects.filter(pk=operative(sample, 5).pk).update(text="改过的文字")
    Paragraph.objects.filter(pk=operative(sample, 6).pk).delete()

    status, output = check_index()
    assert status == 1
    assert "missing from the index: 1" in output
    assert "differing from the database: 1" in output
    assert "stale (in the index, not in the database): 1" in output

    status, output = check_index("--repair")
    assert status == 0, output
    assert check_index()[0] == 0


def test_force_replaces_an_unchanged_file_and_the_index_follows(sample, sample_path):
    before, paragraphs = sample.pk, sample.paragraphs.count()
    output = StringIO()
    call_command("import_resolutions", str(sample_path), stdout=output)
    assert "0 imported, 0 replaced, 1 unchanged" in output.getvalue()
    assert LanguageVersion.objects.get(language="zh").pk == before

    output = StringIO()
    call_command("import_resolutions", str(sample_path), "--force", stdout=output)

    assert f"replaced A/RES/76/127 (zh): {sample_path}" in output.getvalue()
    assert "0 imported, 1 replaced, 0 unchanged" in output.getvalue()
    replaced = LanguageVersion.objects.get(language="zh")
    assert replaced.pk != before
    assert replaced.paragraphs.count() == paragraphs
    # The old version's documents went with it; the new one's are all there.
    assert check_index()[0] == 0
    assert {hit.language for hit in run_search("联合国人员", {}).hits} == {"zh"}
