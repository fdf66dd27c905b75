"""The search benchmark runs end to end on the sample and its three systems agree on substrings.

Figures are never asserted: only the report's shape, and that the archive (paragraphs only),
ILIKE and jieba full-text search find the same paragraphs for a word they all cut alike.
"""

import pytest
from django.db import connection

from bench import pg_search, search_bench
from resolutions.importer import Status
from search.indexing import backend
from tests.importing import import_file

# Committed for real: an index cannot be built on a table with deferred constraint checks pending.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sample(settings, sample_path):
    """A/RES/76/127 in Chinese, imported and indexed in this test's own index."""
    settings.SEARCH_INDEX_ON_IMPORT = True
    backend().clear()
    assert import_file(sample_path).status == Status.IMPORTED
    yield
    backend().clear()


@pytest.fixture
def report(sample):
    return search_bench.run(repeats=1)


def test_report_has_every_class_and_system(report):
    assert report["paragraphs"] > 0
    assert report["archive_index"]["bytes"] > 0
    # The embedded server has no pg_trgm: ILIKE then runs without an index, and says so.
    trigram = report["ilike_index"]
    assert (trigram["bytes"] > 0) == trigram["available"] == (trigram["index"] is not None)
    assert report["fts_table"]["bytes"] > 0
    assert set(report["classes"]) == {*search_bench.CLASSES, "all"}
    for row in report["classes"].values():
        assert set(row["latency"]) == set(search_bench.SYSTEMS)
        for figures in row["latency"].values():
            assert set(figures) == {"p50_ms", "p95_ms", "p99_ms"}
        assert row["archive_vs_ilike_p95"] > 0
        assert row["archive_vs_fts_p95"] > 0


def test_systems_agree_on_the_count_of_a_common_word(report):
    (item,) = [q for q in report["queries"] if q["query"] == "人道主义"]
    hits = item["hits"]
    assert hits["archive"]["paragraphs"] > 0
    assert hits["archive"]["paragraphs"] == hits["ilike"]["total"] == hits["fts"]["total"]
    assert item["counts_agree"]


def test_traditional_query_finds_what_its_simplified_form_finds(report):
    (traditional,) = [q for q in report["queries"] if q["class"] == "traditional"]
    (phrase,) = [q for q in report["queries"] if q["class"] == "phrase"]
    assert traditional["hits"] == phrase["hits"]
    assert traditional["ilike_as_typed_total"] == 0


def test_side_objects_are_dropped_unless_kept(report):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_regclass(%s), to_regclass(%s)",
            [pg_search.FTS_TABLE, pg_search.TRGM_INDEX],
        )
        assert cursor.fetchone() == (None, None)


def test_rerun_with_kept_side_objects_rebuilds_them(sample):
    try:
        first = search_bench.run(repeats=1, keep=True)
        second = search_bench.run(repeats=1, keep=True)
    finally:
        search_bench.drop_side_objects()
    assert first["fts_table"]["bytes"] == second["fts_table"]["bytes"]
    assert [q["hits"] for q in first["queries"]] == [q["hits"] for q in second["queries"]]
