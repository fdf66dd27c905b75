"""The pages benchmark serves the sample with a real gunicorn, loads every page and stops it.

Figures are never asserted: only what the result holds, that nothing failed, and that no server
is left behind.
"""

from pathlib import Path

import pytest

from bench import pages_bench
from resolutions.importer import Status
from search.indexing import backend
from tests.importing import import_file


@pytest.fixture
def served_sample(transactional_db, settings, sample_path, tmp_path, monkeypatch):
    """The Chinese sample, committed (gunicorn's workers read it over their own connections)
    and indexed; the server's index directory (BENCH_DIR/index) is this test's index."""
    settings.SEARCH_INDEX_ON_IMPORT = True
    backend().clear()
    assert import_file(sample_path).status == Status.IMPORTED
    (tmp_path / "index").symlink_to(settings.SEARCH_INDEX_DIR)
    monkeypatch.setenv("BENCH_DIR", str(tmp_path))
    yield
    backend().clear()


def test_every_page_is_served_without_errors_and_the_server_is_stopped(served_sample):
    result = pages_bench.run(duration=1, max_requests=20, concurrency=2, workers=1)

    assert set(result["pages"]) == {"resolution", "paragraph", "search", "minimal"}
    assert result["chosen"]["symbol"] == "A/RES/76/127"
    for name, page in result["pages"].items():
        assert 0 < page["requests"] <= 20, name
        assert page["errors"] == 0, (name, page["statuses"], page["connection_errors"])
        assert page["server_requests"] == page["requests"], name
        for key in ("requests_per_second", "p50", "p95", "p99", "server_p95"):
            assert page[key] is not None and page[key] >= 0, (name, key)
        assert isinstance(page["queries"], int), name
    assert result["pages"]["minimal"]["queries"] == 0
    assert result["pages"]["minimal"]["p95_vs_minimal"] == 1.0
    assert result["start_to_first_response"] > 0
    assert len(result["worker_rss_kb"]) == result["settings"]["workers"] == 1
    assert result["master_rss_kb"] > 0

    server = result["server"]
    assert server["stopped"]
    for pid in (server["pid"], *server["worker_pids"]):
        assert not Path(f"/proc/{pid}").exists(), pid


def test_an_empty_archive_is_refused_before_any_server_starts(db):
    with pytest.raises(pages_bench.NotImported, match="import the archive first"):
        pages_bench.run(duration=1, max_requests=1, concurrency=1, workers=1)
