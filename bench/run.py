"""Run the benchmarks: import, search, pages and footprint, at one or more corpus sizes.

Usage::

    make bench [PARAGRAPHS=100000] [SEARCH_ENGINE=tantivy]
    .venv/bin/python -m bench.run --paragraphs 10000,100000 [--duration 10] [--repeats 5]

For each size, a Chinese corpus of about that many paragraphs is generated from real UN
sentences (``bench.make_corpus``), imported into a fresh database (``archive_bench``) and search
index of its own, searched with a fixed query set by the archive and by two PostgreSQL
alternatives on the same data, and served by gunicorn under a bounded loopback load. Figures are
printed as Markdown tables; they are measured, never asserted. The engine is ``SEARCH_ENGINE``'s;
results are written to ``var/bench/results-<engine>.json`` and ``.md``.
"""

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    import django

    django.setup()


def machine() -> dict:
    """What the figures were measured on."""
    memory = 0
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    model = ""
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with _server() as server:
        postgres = server.execute("SHOW server_version").fetchone()[0]
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(memory / 2**30, 1),
        "cpu": model,
        "python": platform.python_version(),
        "postgresql": postgres,
        "system": platform.platform(),
    }


def _server():
    """A connection to the bench database's server, outside the bench database (with the
    parameters Django would use, so the embedded server's socket is found too)."""
    import psycopg
    from django.db import connections

    parameters = connections["default"].get_connection_params()
    options = {
        name: parameters[name]
        for name in ("host", "port", "user", "password")
        if parameters.get(name)
    }
    return psycopg.connect(dbname="postgres", autocommit=True, **options)


def drop_archive() -> None:
    """Remove the bench database (for runs that must leave nothing behind)."""
    from django.conf import settings
    from django.db import connections

    connections.close_all()
    with _server() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{settings.DATABASES["default"]["NAME"]}"')


def reset_archive() -> None:
    """An empty bench database with the archive's tables, and an empty search index."""
    from django.conf import settings
    from django.core.management import call_command

    from search.engines import generations

    drop_archive()
    with _server() as server:
        server.execute(f'CREATE DATABASE "{settings.DATABASES["default"]["NAME"]}"')
    call_command("migrate", verbosity=0)
    generations.remove(Path(settings.SEARCH_INDEX_DIR))
    call_command("rebuild_index", interactive=False, verbosity=0)


def index_footprint() -> dict:
    from django.conf import settings

    from resolutions.models import Footnote, Paragraph

    size = sum(p.stat().st_size for p in Path(settings.SEARCH_INDEX_DIR).rglob("*") if p.is_file())
    documents = Paragraph.objects.count() + Footnote.objects.count()
    return {"index_bytes": size, "index_bytes_per_text": size / documents if documents else 0}


def run_size(paragraphs: int, args) -> dict:
    from django.conf import settings

    from bench import changes_bench, import_bench, make_corpus, pages_bench, search_bench

    corpus_dir = Path(settings.BENCH_DIR) / "corpus"
    started = time.perf_counter()
    corpus = make_corpus.generate(corpus_dir, paragraphs=paragraphs, seed=args.seed)
    generated = time.perf_counter() - started
    reset_archive()
    result = {
        "target_paragraphs": paragraphs,
        "corpus": {
            "files": corpus.files,
            "paragraphs": corpus.paragraphs,
            "characters": corpus.characters,
            "generation_seconds": generated,
        },
    }
    print(f"[{paragraphs} paragraphs] importing {corpus.files} files …", file=sys.stderr)
    batch = {"index_batch": args.index_batch} if args.index_batch else {}
    result["import"] = import_bench.run(corpus_dir, **batch)
    result["footprint"] = index_footprint()
    if "search" not in args.skip:
        print(f"[{paragraphs} paragraphs] searching …", file=sys.stderr)
        result["search"] = search_bench.run(repeats=args.repeats)
    if "pages" not in args.skip:
        print(f"[{paragraphs} paragraphs] serving …", file=sys.stderr)
        result["pages"] = pages_bench.run(
            duration=args.duration, max_requests=args.max_requests, concurrency=args.concurrency
        )
    if "changes" not in args.skip:
        print(f"[{paragraphs} paragraphs] comparing …", file=sys.stderr)
        result["changes"] = changes_bench.run(repeats=6 * args.repeats, seed=args.seed)
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--paragraphs",
        default="10000",
        help="Corpus size(s) in paragraphs, comma-separated (default 10000).",
    )
    parser.add_argument("--seed", type=int, default=1, help="Seed of the generated corpus.")
    parser.add_argument("--repeats", type=int, default=5, help="Timed runs of each query.")
    parser.add_argument(
        "--duration", type=float, default=10.0, help="Seconds of load per page (at most)."
    )
    parser.add_argument(
        "--max-requests", type=int, default=2000, help="Requests per page (at most)."
    )
    parser.add_argument("--concurrency", type=int, default=4, help="Concurrent loopback clients.")
    parser.add_argument(
        "--index-batch",
        type=int,
        help="Language versions per index commit (default: as import_resolutions; 1 commits "
        "after every file).",
    )
    parser.add_argument(
        "--skip",
        choices=["search", "pages", "changes"],
        action="append",
        default=[],
        help="Leave a part out (to measure the others quickly).",
    )
    parser.add_argument("--drop", action="store_true", help="Drop the bench database when done.")
    args = parser.parse_args(argv)
    _setup_django()
    from django.conf import settings

    from bench.report import markdown

    sizes = [int(size.replace("_", "")) for size in args.paragraphs.split(",")]
    results = {
        "engine": settings.SEARCH_ENGINE,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "sizes": [run_size(size, args) for size in sizes],
    }
    out = Path(settings.BENCH_DIR)
    out.mkdir(parents=True, exist_ok=True)
    name = f"results-{settings.SEARCH_ENGINE}"
    (out / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    (out / f"{name}.md").write_text(table, encoding="utf-8")
    print(table)
    if args.drop:
        drop_archive()
    return results


if __name__ == "__main__":
    main()
