"""Search latency: the archive against two PostgreSQL alternatives, on the same data, in one run.

Usage::

    .venv/bin/python -m bench.search_bench [--repeats 5] [--keep]

Called by the benchmark orchestrator after the archive has been imported and indexed, under
``config.settings.bench``; ``run()`` returns a JSON-ready dict. Three systems answer one fixed set
of queries, named by class (common words, rare words, a phrase, a filtered query, a Traditional
Chinese query), each query timed ``repeats`` times after one warm-up, the systems interleaved:

- ``archive``: ``search.service.run_search`` as the search page calls it (page 1, relevance),
  with the highlighting of the shown hits and the facet counts;
- ``ilike``: ``ILIKE '%term%'`` over paragraph text, backed by a ``pg_trgm`` GIN index, the first
  page (20 rows, in document order) plus the total count;
- ``fts``: PostgreSQL full-text search over text cut by the archive's own jieba word tokenizer
  (``search.analysis.word_analyzer``, the default cut without the sub-words, which would shift the
  positions phrases rely on), in a side table with a GIN index; the first page by ``ts_rank``
  plus the total count.

Fairness: both PostgreSQL systems get the query as the archive's query language parses it
(``parse_query``), so Traditional Chinese reaches them converted to Simplified like it reaches the
archive; the count of the text as typed is reported beside it. Filters become a WHERE on the joined
language version and resolution. The archive indexes footnotes as well as paragraphs, so its
paragraph count (total minus the ``footnote`` facet) is the figure compared with the others.

The trigram index (``bench_paragraph_text_trgm``) and the side table (``bench_paragraph_fts``) are
rebuilt by every run, so their build time is always measured and reruns start alike; both are
dropped at the end unless ``keep`` is set (the trigram index would slow later writes to the
paragraph table). Nothing else is created or dropped. A trigram index that someone else made on
the same column is used as found, with no build time.
"""

import argparse
import json
import os
import random
import time
from collections import Counter
from pathlib import Path

import django

if __name__ == "__main__":
    # The command line: the bench settings, set up before the first model is imported.
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from resolutions.models import Footnote, LanguageVersion, Paragraph, Resolution  # noqa: E402
from search.search_indexes import FOOTNOTE_KIND, period_of  # noqa: E402
from search.service import run_search  # noqa: E402

from .pg_search import (  # noqa: E402
    P,
    build_fts_table,
    build_trigram_index,
    drop_side_objects,
    fts_search,
    ilike_search,
    ilike_uses_index,
    like_pattern,
)

SYSTEMS = ("archive", "ilike", "fts")
CLASSES = ("common", "rare", "phrase", "filtered", "traditional")
COMMON_WORDS = ("联合国", "人道主义", "秘书长")
PHRASE = '"联合国人员"'
TRADITIONAL = "聯合國人員"
# Rare words are drawn from the data: dictionary words in this many paragraphs, seeded.
RARE_RANGE = (3, 10)
RARE_COUNT = 3
SEED = 20211210


# Building the PostgreSQL alternatives


# The query set


def choose_rare_words(frequency: Counter) -> list[str]:
    low, high = RARE_RANGE
    candidates = sorted(w for w, n in frequency.items() if low <= n <= high)
    if not candidates and frequency:
        fewest = min(frequency.values())
        candidates = sorted(w for w, n in frequency.items() if n == fewest)
    return random.Random(SEED).sample(candidates, min(RARE_COUNT, len(candidates)))


def busiest_period() -> str | None:
    """The session or year with the most Chinese paragraphs (else any language): the filter."""
    for versions in (LanguageVersion.objects.filter(language="zh"), LanguageVersion.objects):
        counts: Counter[str] = Counter()
        rows = versions.values(
            "resolution__body",
            "resolution__special_session",
            "resolution__session",
            "resolution__year",
        ).annotate(paragraphs=Count("paragraphs"))
        for row in rows:
            resolution = Resolution(
                **{key.removeprefix("resolution__"): row[key] for key in row if key != "paragraphs"}
            )
            counts[period_of(resolution)] += row["paragraphs"]
        if counts:
            return max(sorted(counts), key=counts.__getitem__)
    return None


def query_set(frequency: Counter) -> list[dict]:
    """[{"class", "query", "filters"}], the same for every system."""
    queries = [{"class": "common", "query": w, "filters": {}} for w in COMMON_WORDS]
    queries += [{"class": "rare", "query": w, "filters": {}} for w in choose_rare_words(frequency)]
    queries.append({"class": "phrase", "query": PHRASE, "filters": {}})
    period = busiest_period()
    if period:
        queries.append({"class": "filtered", "query": "联合国", "filters": {"period": period}})
    queries.append({"class": "traditional", "query": TRADITIONAL, "filters": {}})
    return queries


# The three systems


def archive_search(query: str, filters: dict) -> dict:
    """What the search view runs for page 1 in the default order."""
    outcome = run_search(query, filters, "relevance", 1)
    if outcome.unavailable:
        raise RuntimeError(f"the archive's search failed or has no index, query {query!r}")
    footnotes = dict(outcome.facets.get("kind", [])).get(FOOTNOTE_KIND, 0)
    return {"total": outcome.total, "paragraphs": outcome.total - footnotes}


SEARCHES = {"archive": archive_search, "ilike": ilike_search, "fts": fts_search}


# Measuring


def percentile(values: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(values)
    place = (len(ordered) - 1) * fraction
    low = int(place)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (place - low)


def latency(milliseconds: list[float]) -> dict:
    return {
        f"p{round(q * 100)}_ms": round(percentile(milliseconds, q), 3) for q in (0.5, 0.95, 0.99)
    }


def measure(queries: list[dict], repeats: int, trigram_index: str) -> list[dict]:
    """Every query through every system: one warm-up, then ``repeats`` interleaved timings."""
    for item in queries:
        item["hits"] = {name: SEARCHES[name](item["query"], item["filters"]) for name in SYSTEMS}
        item["ms"] = {name: [] for name in SYSTEMS}
    for _ in range(repeats):
        for item in queries:
            for name in SYSTEMS:
                started = time.perf_counter()
                SEARCHES[name](item["query"], item["filters"])
                item["ms"][name].append((time.perf_counter() - started) * 1000)
    for item in queries:
        hits = item["hits"]
        counts = {hits["archive"]["paragraphs"], hits["ilike"]["total"], hits["fts"]["total"]}
        item["counts_agree"] = len(counts) == 1
        item["archive_matches_ilike"] = hits["archive"]["paragraphs"] == hits["ilike"]["total"]
        item["latency"] = {name: latency(item["ms"][name]) for name in SYSTEMS}
        item["ilike_uses_trigram_index"] = ilike_uses_index(
            item["query"], item["filters"], trigram_index
        )
    return queries


def summarise(queries: list[dict]) -> dict:
    """Latency per class and system over all timings of the class, and archive/other at p95."""
    classes = {}
    for name in [*CLASSES, "all"]:
        chosen = [q for q in queries if name in ("all", q["class"])]
        if not chosen:
            continue
        systems = {
            system: latency([ms for q in chosen for ms in q["ms"][system]]) for system in SYSTEMS
        }
        archive_p95 = systems["archive"]["p95_ms"]
        classes[name] = {
            "queries": [q["query"] for q in chosen],
            "latency": systems,
            "archive_vs_ilike_p95": round(archive_p95 / systems["ilike"]["p95_ms"], 3),
            "archive_vs_fts_p95": round(archive_p95 / systems["fts"]["p95_ms"], 3),
        }
    return classes


def directory_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run(*, repeats: int = 5, keep: bool = False) -> dict:
    paragraphs = Paragraph.objects.count()
    footnotes = Footnote.objects.count()
    index_bytes = directory_bytes(Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"]))
    try:
        trigram = build_trigram_index()
        fts, frequency = build_fts_table()
        queries = measure(query_set(frequency), repeats, trigram["index"])
        traditional = [q for q in queries if q["class"] == "traditional"]
        for item in traditional:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT count(*) FROM {P} WHERE text ILIKE %s", [like_pattern(TRADITIONAL)]
                )
                item["ilike_as_typed_total"] = cursor.fetchone()[0]
    finally:
        if not keep:
            drop_side_objects()
    return {
        "repeats": repeats,
        "paragraphs": paragraphs,
        "footnotes": footnotes,
        "archive_index": {
            "path": settings.HAYSTACK_CONNECTIONS["default"]["PATH"],
            "bytes": index_bytes,
            "bytes_per_paragraph": round(index_bytes / paragraphs, 1) if paragraphs else None,
        },
        "ilike_index": trigram,
        "fts_table": fts,
        "side_objects_kept": keep,
        "classes": summarise(queries),
        "queries": [{key: value for key, value in q.items() if key != "ms"} for q in queries],
    }


def print_report(report: dict) -> None:
    index = report["archive_index"]
    print(
        f"{report['paragraphs']:,} paragraphs, {report['footnotes']:,} footnotes; archive index "
        f"{index['bytes'] / 1e6:.1f} MB ({index['bytes_per_paragraph']} B/paragraph)"
    )
    trgm, fts = report["ilike_index"], report["fts_table"]
    if not trgm["available"]:
        built = "not available on this server"
    else:
        built = (
            f"{trgm['build_seconds']:.1f} s" if trgm["build_seconds"] is not None else "existing"
        )
    print(f"pg_trgm index {trgm['bytes'] / 1e6:.1f} MB, {built}")
    print(
        f"FTS side table {fts['bytes'] / 1e6:.1f} MB (GIN {fts['index_bytes'] / 1e6:.1f} MB), "
        f"{fts['build_seconds']:.1f} s: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in fts["stage_seconds"].items())
    )
    print(
        f"\n{'class':<12}"
        + "".join(f"{s + ' p50/p95 ms':>24}" for s in SYSTEMS)
        + "  a/ilike  a/fts"
    )
    for name, row in report["classes"].items():
        cells = "".join(
            f"{row['latency'][s]['p50_ms']:>13.1f} /{row['latency'][s]['p95_ms']:>8.1f}"
            for s in SYSTEMS
        )
        print(
            f"{name:<12}{cells}{row['archive_vs_ilike_p95']:>9.2f}{row['archive_vs_fts_p95']:>7.2f}"
        )
    print(
        f"\n{'query':<16}{'class':<12}{'archive (paras)':>16}{'ilike':>8}{'fts':>8}"
        "  agree  trigram index used"
    )
    for q in report["queries"]:
        hits = q["hits"]
        archive = f"{hits['archive']['total']} ({hits['archive']['paragraphs']})"
        label = q["query"] + (f" [{', '.join(q['filters'].values())}]" if q["filters"] else "")
        print(
            f"{label:<16}{q['class']:<12}{archive:>16}{hits['ilike']['total']:>8}"
            f"{hits['fts']['total']:>8}  {'yes' if q['counts_agree'] else 'NO ':<5}"
            f"  {'yes' if q['ilike_uses_trigram_index'] else 'no'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="Timed runs of each query.")
    parser.add_argument(
        "--keep", action="store_true", help="Leave the trigram index and FTS table in place."
    )
    parser.add_argument("--json", type=Path, help="Also write the report to this JSON file.")
    arguments = parser.parse_args()
    report = run(repeats=arguments.repeats, keep=arguments.keep)
    print_report(report)
    if arguments.json:
        arguments.json.write_text(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
