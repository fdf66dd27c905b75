"""The archive under faults, on a real gunicorn: the search index deleted or corrupted while
serving, PostgreSQL restarted while serving, an import killed halfway.

The scenarios are the ones ``python -m bench.faults`` runs with figures (``bench.fault_index``,
``bench.fault_postgres``, ``bench.fault_import``); here they run small, and what the server
answered is asserted, never how fast. The search index faults, and the import killed while it
writes the index, run once per search engine (the ``search_engine`` fixture: the server and the
commands inherit ``SEARCH_ENGINE``); the PostgreSQL restart runs on the default engine.
"""

import json

import pytest

from bench.fault_import import import_kills
from bench.fault_index import index_fault
from bench.fault_postgres import database_restart, private_postgres
from bench.server import server_environment
from bench.traffic import choose_pages, manage, serving
from resolutions.importer import Status
from tests.importing import import_file

pytestmark = pytest.mark.django_db(transaction=True)

UNAVAILABLE_JSON = '{"error": "search index unavailable"}'


@pytest.fixture
def english_files(corpus_dir):
    return sorted((corpus_dir / "en" / "ga").glob("*.txt"))


@pytest.fixture
def archive(transactional_db, english_files, tmp_path, monkeypatch):
    """Three resolutions committed (gunicorn's workers read them over their own connections);
    the server's search index is BENCH_DIR/index, this test's own."""
    for path in english_files[:3]:
        assert import_file(path).status == Status.IMPORTED
    monkeypatch.setenv("BENCH_DIR", str(tmp_path))
    return english_files[:3]


@pytest.fixture
def served(search_engine, archive, tmp_path):
    """gunicorn with two workers serving the archive on each engine, its index built by
    ``rebuild_index`` (so BENCH_DIR/index is a link to the generation it built)."""
    status, output, _ = manage("rebuild_index", "--noinput", env=server_environment())
    assert status == 0, output
    assert f"search index ({search_engine}) rebuilt" in output
    index_dir = tmp_path / "index"
    assert index_dir.is_symlink()
    with serving(tmp_path, workers=2) as server:
        yield server, index_dir, choose_pages()


def assert_search_unavailable_then_recovered(result):
    during, after = result["during"], result["after"]
    assert result["before"]["hits"] > 0
    # While the index is broken: search says so with a 503, the other pages are unaffected.
    assert during["search_html"] == {"503": 3}
    assert during["search_html_says_unavailable"]
    assert during["search_json"] == {"503": 3}
    assert during["search_json_bodies"] == [UNAVAILABLE_JSON]
    assert during["healthz"] == {"503": 3}
    for body in during["healthz_bodies"]:
        health = json.loads(body)
        assert health["database"] == "ok"
        assert health["search_index"].startswith("unavailable")
    assert during["reading"] == {"200": 9}
    assert not during["index_recreated"]
    # rebuild_index repairs it under the running server: the same processes find the same hits.
    assert result["rebuild"]["status"] == 0, result["rebuild"]["output"]
    assert after["hits"] == result["before"]["hits"]
    assert after["search_html"] == {"200": 3}
    assert after["healthz"] == {"200": 3}
    assert after["reading"] == {"200": 9}
    assert result["same_processes"]
    # Readers never met a 500 or a dropped connection, before, during or after.
    for phase in ("traffic_during_fault", "traffic_during_rebuild", "traffic_after"):
        assert set(result[phase]["statuses"]) <= {"200", "503"}, (phase, result[phase])
    assert set(result["traffic_after"]["statuses"]) == {"200"}


def test_a_deleted_index_makes_only_search_unavailable_until_rebuild_index(served):
    server, index_dir, pages = served
    generation = index_dir.resolve()

    result = index_fault(server, index_dir, pages, "deleted")

    assert_search_unavailable_then_recovered(result)
    # The generation the link pointed to went with it; the rebuild made a new one.
    assert not generation.exists()
    assert index_dir.is_symlink() and index_dir.resolve() != generation


def test_a_corrupted_index_makes_only_search_unavailable_until_rebuild_index(served):
    """Garbage over the table of contents (Whoosh's ``*.toc``, tantivy's ``meta.json``), then
    over the segments, then segments cut short: each is found, and each is rebuilt into a new
    generation under the same running server (haystack's own clear would fail on the first: it
    opens the index before deleting it)."""
    server, index_dir, pages = served

    for fault in ("table of contents overwritten", "segments overwritten", "segments truncated"):
        damaged = index_dir.resolve()
        result = index_fault(server, index_dir, pages, fault)

        assert_search_unavailable_then_recovered(result)
        assert index_dir.resolve() != damaged, fault


def test_a_postgresql_restart_gives_503s_and_the_server_recovers_by_itself(archive, tmp_path):
    from django.db import connection

    with (
        private_postgres(connection.settings_dict["NAME"], archive) as cluster,
        serving(tmp_path, workers=2, DATABASE_URL=cluster.url()) as server,
    ):
        pages = choose_pages()
        result = database_restart(server, cluster, pages, outage=2.0)

    assert set(result["before"]["statuses"]) == {"200"}
    # While the server is down every page is a 503 saying why, never a 500, a reset connection
    # or a request left hanging (CLIENT_TIMEOUT would have recorded it as an error).
    assert result["while_down"]["requests"] > 0
    assert result["while_down"]["statuses"] == {"503": result["while_down"]["requests"]}
    assert result["during_bodies_say_database"]
    assert set(result["all"]["statuses"]) <= {"200", "503"}, result["all"]
    # Once it is back the same gunicorn processes answer 200 again, unrestarted.
    assert result["recovery_after_start"] is not None
    assert result["after"]["requests"] > 0
    assert result["after"]["statuses"] == {"200": result["after"]["requests"]}
    assert result["same_processes"]


def test_an_import_killed_at_any_point_leaves_each_file_whole_or_absent(
    search_engine, transactional_db, english_files, tmp_path, monkeypatch
):
    monkeypatch.setenv("BENCH_DIR", str(tmp_path))
    files = english_files[:6]
    index_dir = tmp_path / "index"
    # Before the first file is stored, after the last (writing the index), and last right after
    # the first: its text is stored, its index batch not yet written.
    kills = [(0, 1.0), (len(files), 0.2), (1, 0.0)]

    result = import_kills(files, index_dir, kills)

    for outcome in result["rounds"]:
        database = outcome["database"]
        assert database["problems"] == [], outcome
        assert database["files_partial"] == 0
        assert database["files_whole"] == database["versions"]
    # The kills that came after a file was reported found it stored.
    assert [r["database"]["versions"] >= r["after_files"] for r in result["rounds"]] == [True] * 3
    assert any(r["killed"] for r in result["rounds"])
    second = result["second_import"]
    assert second["status"] == 0
    assert second["database"]["problems"] == []
    assert second["database"]["files_whole"] == len(files)
    # What the killed import stored but never indexed, the import run again indexes: the file is
    # unchanged, and its texts are missing from the index.
    assert result["rounds"][-1]["index"]["missing"] > 0, result["rounds"][-1]
    assert second["index"]["missing"] == 0, second
    assert result["check_index"]["status"] == 0, result["check_index"]["output"]
    assert result["repair"]["status"] == 0, result["repair"]["output"]
    index = result["after_repair"]["index"]
    assert (index["missing"], index["stale"]) == (0, 0)
    assert index["documents"] == index["expected"] > 0
