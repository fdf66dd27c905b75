"""A tiny run of the whole benchmark, so the benchmark code keeps working: generated corpus,
import, search against the PostgreSQL alternatives, pages under gunicorn. Its figures are
printed, never asserted."""

import json
import os
import subprocess
import sys

import pytest

from search.engines import ENGINES

from .conftest import PROJECT_DIR


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_a_tiny_benchmark_runs_end_to_end_and_reports_every_part(tmp_path, engine):
    env = {
        **os.environ,
        "SEARCH_ENGINE": engine,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "BENCH_DIR": str(tmp_path),
        "BENCH_DATABASE": f"archive_bench_test_{os.getpid()}",
    }
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.run",
            "--paragraphs",
            "300",
            "--repeats",
            "1",
            "--duration",
            "1",
            "--max-requests",
            "20",
            "--concurrency",
            "2",
            "--drop",
        ],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    print(completed.stdout)
    assert completed.returncode == 0, completed.stderr[-3000:]
    results = json.loads((tmp_path / f"results-{engine}.json").read_text(encoding="utf-8"))
    assert results["engine"] == engine
    (size,) = results["sizes"]
    assert size["import"]["statuses"] == {"imported": size["corpus"]["files"]}
    assert size["import"]["paragraphs"] == size["corpus"]["paragraphs"]
    assert set(size["search"]["classes"]["all"]["latency"]) == {"archive", "ilike", "fts"}
    assert all(page["errors"] == 0 for page in size["pages"]["pages"].values())
    assert size["changes"]["statuses"] == [200]
    assert size["import"]["peak_rss_kb"] > 0
    for query in size["search"]["queries"]:
        assert query["archive_matches_ilike"], query
    report = (tmp_path / f"results-{engine}.md").read_text(encoding="utf-8")
    assert report.startswith(f"Engine: **{engine}**. Measured ")
