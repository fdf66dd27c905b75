"""Searching while the index is written, and the archive under a bounded mixed load.

A real gunicorn serves a part of the corpus to 16 loopback clients while, in the second run, the
same files are imported again with ``--force`` in another process. Nothing may fail: no 5xx, no
connection error, every search answer the same as before, no LockError, and the index the same
as the database afterwards. Figures are printed by ``bench.load``, never asserted here.

Every test runs once per search engine (the ``search_engine`` fixture; gunicorn and the importing
process inherit ``SEARCH_ENGINE``), except two about a race of Whoosh's own, which run on Whoosh
alone.
"""

import threading
from pathlib import Path

import pytest
from django.test import Client
from whoosh import index as whoosh_index
from whoosh.index import TOC

from bench import load
from bench.load_pages import MIX, search_url
from resolutions.importer import Status
from resolutions.models import LanguageVersion
from search.engines import backend, generations
from search.search_indexes import prepared_documents
from search.service import PAGE_SIZE, run_search
from tests.importing import import_file

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
def search_index(search_engine):
    """An empty index of each engine, filled by the importer."""
    return search_engine


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


def hits_of(outcome) -> tuple[int, frozenset[tuple[str, str]]]:
    assert not outcome.unavailable
    return outcome.total, frozenset((hit.symbol, hit.eid) for hit in outcome.hits)


@pytest.mark.django_db
def test_a_search_during_commits_answers_from_the_index_before_or_after_each(
    search_index, sample_path
):
    """A writer thread commits the sample's version again and again, one paragraph that the
    query finds alternately left out and put back; every search meanwhile answers, and answers
    exactly as the index was before a commit or after it, never in between and never
    "unavailable"."""
    assert import_file(sample_path).status == Status.IMPORTED
    version = LanguageVersion.objects.get()
    query = "维持和平"
    whole = hits_of(run_search(query, {}))
    assert 1 < whole[0] <= PAGE_SIZE  # every hit on the first page: the sets compare exactly
    documents = prepared_documents([version.pk])
    left_out = next(d for d in documents if d["eid"] == sorted(whole[1])[0][1])
    without = [d for d in documents if d is not left_out]
    states = [without, documents]
    commits = 6
    written = []

    def write() -> None:
        for number in range(commits):
            backend().replace_versions([version.pk], states[number % 2])
            written.append(number)

    writer = threading.Thread(target=write)
    writer.start()
    answers = []
    while writer.is_alive():
        answers.append(hits_of(run_search(query, {})))
    writer.join()

    # After the last commit the paragraph is back; without it, one hit fewer.
    assert hits_of(run_search(query, {})) == whole
    backend().replace_versions([version.pk], without)
    shorter = hits_of(run_search(query, {}))
    assert shorter[0] == whole[0] - 1 and shorter[1] < whole[1]
    assert len(written) == commits
    assert answers, "no search ran while the writer committed"
    assert set(answers) <= {whole, shorter}, set(answers) - {whole, shorter}
    assert set(answers) == {whole, shorter}  # the searches saw commits of both kinds land


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
            writer = whoosh_index.open_dir(str(backend().index_path)).writer()
            writer.commit()
            state["commits"] += 1
        return generation

    monkeypatch.setattr(TOC, "_latest_generation", classmethod(latest_generation))
    return state


@pytest.mark.django_db
@pytest.mark.parametrize("search_engine", ["whoosh"], indirect=True)
def test_opening_the_index_during_a_commit_finds_its_file_gone(
    search_index, sample_path, commit_between_listing_and_reading
):
    """Whoosh only: a Whoosh commit replaces the table of contents (``*.toc``) a reader has just
    listed. (tantivy's readers open ``meta.json``, which a commit replaces atomically.)"""
    assert import_file(sample_path).status == Status.IMPORTED
    commit_between_listing_and_reading["armed"] = True

    with pytest.raises(FileNotFoundError):
        whoosh_index.exists_in(str(backend().index_path))
    assert commit_between_listing_and_reading["commits"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("search_engine", ["whoosh"], indirect=True)
def test_a_search_that_meets_a_commit_is_answered_from_the_index_reopened(
    search_index, sample_path, commit_between_listing_and_reading
):
    """Whoosh only: the race of the test above, met by a search, is answered from the index
    opened again (``IndexChanging``). The same answer on every engine, for commits met at any
    point, is ``test_a_search_during_commits_answers_from_the_index_before_or_after_each``."""
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
    """An import in progress holds the index's write lock (every writer, import or rebuild,
    takes it); searches never wait for it, and another writer does."""
    assert import_file(sample_path).status == Status.IMPORTED
    version = LanguageVersion.objects.get()
    documents = prepared_documents([version.pk])
    before = run_search("联合国人员", {}).total
    written = threading.Event()

    def write() -> None:
        backend().replace_versions(
            [version.pk], [d for d in documents if "联合国人员" not in d["text"]]
        )
        written.set()

    writer = threading.Thread(target=write)
    with generations.writing(backend().index_path):
        writer.start()
        response = Client().get("/search/", {"q": "联合国人员", "format": "json"})
        page = Client().get("/search/", {"q": "76/127"})
        # The other writer waits for the lock, and the index is as it was meanwhile.
        assert not written.wait(0.5)
        assert run_search("联合国人员", {}).total == before
    writer.join(30)

    assert written.is_set()
    assert response.status_code == 200
    assert response.json()["total"] == before > 0
    assert page.status_code == 200
    assert b"LockError" not in page.content
    assert run_search("联合国人员", {}).total == 0


# --- The mixed load ---------------------------------------------------------------------------


def assert_nothing_failed(result: dict) -> None:
    overall = result["overall"]
    assert overall["server_errors"] == 0, (overall["statuses"], result["server_log_errors"])
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
