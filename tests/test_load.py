"""Searching while the index is written, and the archive under a bounded mixed load.

A real gunicorn serves a part of the corpus to 16 loopback clients while, in the second run, the
same files are imported again with ``--force`` in another process. Nothing may fail: no 5xx, no
connection error, every search answer the same as before, no LockError, and the index the same
as the database afterwards. Figures are printed by ``bench.load``, never asserted here.
"""

from pathlib import Path

import pytest
from django.test import Client
from whoosh import index as whoosh_index
from whoosh.index import TOC

from bench import load
from bench.load_pages import MIX, search_url
from resolutions.importer import Status, import_file
from search.indexing import backend
from search.service import run_search

# A part of the corpus in every layout: the Chinese sample, Assembly and Council texts.
PART = [
    "zh/A_RES_76_127.zh.md",
    "en/ga/A_RES_76_127.en.txt",
    "en/ga/A_RES_75_125.en.txt",
    "en/ga/A_RES_74_116.en.txt",
    "en/ga/A_RES_73_137.en.txt",
    "en/ga/A_RES_77_31.en.txt",
    "en/ga/A_RES_76_1.en.txt",
    "en/ga/A_RES_76_10.en.txt",
    "en/ga/A_RES_76_108.en.txt",
    "en/ga/A_RES_ES-11_1.en.txt",
    "en/sc/S_RES_2175_2014.en.txt",
    "en/sc/S_RES_2286_2016.en.txt",
    "en/sc-crunsc/S_RES_0242_1967.en.txt",
    *(f"en/sc-crunsc/S_RES_{number:04d}_1946.en.txt" for number in range(1, 13)),
]


@pytest.fixture
def search_index(settings):
    settings.SEARCH_INDEX_ON_IMPORT = True
    backend().clear()
    yield
    backend().clear()


@pytest.fixture
def corpus_part(corpus_dir, tmp_path) -> Path:
    """The files of PART, linked into a folder of their own."""
    folder = tmp_path / "corpus"
    for name in PART:
        link = folder / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(corpus_dir / name)
    return folder


@pytest.fixture
def served(transactional_db, search_index, settings, tmp_path, monkeypatch):
    """What gunicorn and the importing process read: this test's committed database and its
    index (BENCH_DIR/index)."""
    (tmp_path / "index").symlink_to(settings.SEARCH_INDEX_DIR)
    monkeypatch.setenv("BENCH_DIR", str(tmp_path))


# --- A search meeting a commit ----------------------------------------------------------------


@pytest.fixture
def commit_between_listing_and_reading(monkeypatch):
    """Make the next opening of the index meet a commit exactly where it hurts: after the
    reader has found the latest table of contents and before it opens it. A real writer commits
    at that moment; the commit removes the table of contents the reader is about to open."""
    original = TOC._latest_generation.__func__
    state = {"armed": False, "commits": 0}

    def latest_generation(cls, storage, indexname):
        generation = original(cls, storage, indexname)
        if state["armed"]:
            state["armed"] = False
            writer = backend().index.writer()
            writer.commit()
            state["commits"] += 1
        return generation

    monkeypatch.setattr(TOC, "_latest_generation", classmethod(latest_generation))
    return state


@pytest.mark.django_db
def test_opening_the_index_during_a_commit_finds_its_file_gone(
    search_index, sample_path, commit_between_listing_and_reading, settings
):
    assert import_file(sample_path).status == Status.IMPORTED
    commit_between_listing_and_reading["armed"] = True

    with pytest.raises(FileNotFoundError):
        whoosh_index.exists_in(str(settings.SEARCH_INDEX_DIR))
    assert commit_between_listing_and_reading["commits"] == 1


@pytest.mark.django_db
def test_a_search_that_meets_a_commit_is_answered_from_the_index_reopened(
    search_index, sample_path, commit_between_listing_and_reading
):
    assert import_file(sample_path).status == Status.IMPORTED
    before = run_search("联合国人员", {})
    assert before.total > 0

    commit_between_listing_and_reading["armed"] = True
    during = run_search("联合国人员", {})

    assert commit_between_listing_and_reading["commits"] == 1
    assert not during.unavailable
    assert during.total == before.total
    assert [(h.symbol, h.eid) for h in during.hits] == [(h.symbol, h.eid) for h in before.hits]


@pytest.mark.django_db
def test_searching_while_a_writer_holds_the_index_lock_answers_normally(search_index, sample_path):
    assert import_file(sample_path).status == Status.IMPORTED
    writer = backend().index.writer()  # an import in progress holds the lock
    try:
        response = Client().get("/search/", {"q": "联合国人员", "format": "json"})
        page = Client().get("/search/", {"q": "76/127"})
    finally:
        writer.cancel()

    assert response.status_code == 200
    assert response.json()["total"] > 0
    assert page.status_code == 200
    assert b"LockError" not in page.content


# --- The mixed load ---------------------------------------------------------------------------


def assert_nothing_failed(result: dict) -> None:
    overall = result["overall"]
    assert overall["server_errors"] == 0, overall["statuses"]
    assert overall["other_errors"] == 0, overall["statuses"]
    assert overall["connection_errors"] == 0, overall["connection_error_kinds"]
    assert result["searches"]["checked"] > 0
    assert result["searches"]["differing"] == 0, result["searches"]["examples"]
    assert result["lock_errors"] == []
    assert result["server_log_tracebacks"] == 0
    assert result["failures"] == []
    for kind in MIX:
        assert result["kinds"][kind]["requests"] > 0, kind
        assert result["kinds"][kind]["statuses"].keys() == {"200"}, kind


def test_the_archive_serves_a_mixed_load_without_errors(served, corpus_part):
    result = load.run(duration=3, clients=16, workers=2, corpus=corpus_part)

    assert result["archive"]["imported"]
    assert result["archive"]["versions"] == len(PART)
    assert_nothing_failed(result)
    assert "import" not in result
    # The searches found something to compare: Chinese words, English words and symbols.
    totals = result["search_totals"]
    assert totals[search_url("联合国人员")] > 0
    assert totals[search_url("humanitarian")] > 0
    assert totals[search_url("76/127")] > 0


def test_searches_answer_as_before_while_the_corpus_is_imported_again(served, corpus_part):
    result = load.run(duration=3, clients=16, workers=2, during_import=True, corpus=corpus_part)

    assert_nothing_failed(result)
    assert result["import"]["status"] == 0
    assert f"0 imported, {len(PART)} replaced, 0 unchanged" in result["import"]["summary"][0]
    assert result["check_index"]["status"] == 0
    assert (
        "consistent: the index holds exactly the database's texts"
        in (result["check_index"]["output"])
    )
