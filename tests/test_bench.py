"""A tiny run of the whole benchmark, so the benchmark code keeps working: generated corpus,
import, search against the PostgreSQL alternatives, pages under gunicorn. Its figures are
printed, never asserted."""

import json
import os
import subprocess
import sys

from .conftest import PROJECT_DIR


def test_a_tiny_benchmark_runs_end_to_end_and_reports_every_part(tmp_path):
    env = {
        **os.environ,
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
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert size["import"]["statuses"] == {"imported": size["corpus"]["files"]}
    assert size["import"]["paragraphs"] == size["corpus"]["paragraphs"]
    assert set(size["search"]["classes"]["all"]["latency"]) == {"archive", "ilike", "fts"}
    assert all(page["errors"] == 0 for page in size["pages"]["pages"].values())
    assert (tmp_path / "results.md").read_text(encoding="utf-8").startswith("Measured ")
