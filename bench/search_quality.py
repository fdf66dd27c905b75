"""Recall and precision of Chinese search on real UN sentences, against substring truth.

Usage::

    .venv/bin/python -m bench.search_quality [--sentences 4000]

The 4,000 Chinese sentences of the UN Parallel Corpus development set are indexed with the
archive's analyzers; 36 queries drawn from that text (common and rare dictionary words, two- and
three-word phrases) are run through the archive's query builder. A sentence is relevant when it
contains the query as a substring. Two configurations are measured side by side:

- ``archive``: what the search page runs (character bigrams decide, jieba words rank);
- ``words only``: jieba words alone, the recipe in DESIGN.md without the bigram field.
"""

import argparse
import os
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from whoosh import index
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser

from search.analysis import (
    CJK_RE,
    bigram_analyzer,
    chinese_words,
    in_dictionary,
    initialize,
    word_analyzer,
)
from search.query import build_query, quoted
from search.querylang import parse_query

PROJECT_DIR = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(os.environ.get("CORPUS_DIR", PROJECT_DIR.parent / "shared" / "corpus"))
SEED = 20211210


@dataclass
class Measure:
    query: str
    kind: str
    relevant: int
    found: int
    correct: int

    @property
    def recall(self) -> float:
        return self.correct / self.relevant if self.relevant else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0


def load_sentences(limit: int | None = None) -> list[str]:
    path = CORPUS_DIR / "parallel" / "UNv1.0.devset.zh"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line][:limit]


def choose_queries(sentences: list[str]) -> list[tuple[str, str]]:
    """(query, kind): 12 common words, 12 rare words, 12 phrases of adjacent words, and
    6 fragments that cross a word boundary (国人员 in 联合国|人员), seeded.

    Words are Chinese dictionary words of two or more characters, as a reader would type them.
    """
    initialize()
    frequency: Counter[str] = Counter()
    bigram_phrases: Counter[str] = Counter()
    fragments: Counter[str] = Counter()
    for sentence in sentences:
        words = [w for w, _, _, sub in chinese_words(sentence, "index") if not sub]
        words = [w for w in words if len(w) >= 2 and CJK_RE.fullmatch(w) and in_dictionary(w)]
        frequency.update(words)
        bigram_phrases.update(
            a + b for a, b in zip(words, words[1:], strict=False) if a + b in sentence
        )
        fragments.update(
            a[-1] + b
            for a, b in zip(words, words[1:], strict=False)
            if a + b in sentence and not in_dictionary(a[-1] + b)
        )
    rng = random.Random(SEED)
    common = [w for w, n in frequency.most_common(80)]
    rare = sorted(w for w, n in frequency.items() if 3 <= n <= 6)
    phrases = sorted(p for p, n in bigram_phrases.items() if n >= 3)
    return (
        [(w, "common word") for w in rng.sample(common, 12)]
        + [(w, "rare word") for w in rng.sample(rare, 12)]
        + [(p, "phrase") for p in rng.sample(phrases, 12)]
        + [
            (f, "cross-word")
            for f in rng.sample(sorted(f for f, n in fragments.items() if n >= 3), 6)
        ]
    )


def build_index(directory: str, sentences: list[str]):
    schema = Schema(
        id=ID(stored=True, unique=True),
        text=TEXT(analyzer=word_analyzer()),
        bigrams=TEXT(analyzer=bigram_analyzer()),
    )
    ix = index.create_in(directory, schema)
    with ix.writer() as writer:
        for number, sentence in enumerate(sentences):
            writer.add_document(id=str(number), text=sentence, bigrams=sentence)
    return ix


def measure(
    ix, sentences: list[str], queries: list[tuple[str, str]], words_only: bool
) -> list[Measure]:
    parser = QueryParser("text", ix.schema)
    results = []
    with ix.searcher() as searcher:
        for query, kind in queries:
            if words_only:
                raw = f"text:{quoted(query)}"
            else:
                parsed = parse_query(query)
                raw = build_query(parsed.groups, parsed.excluded)
            hits = {int(hit["id"]) for hit in searcher.search(parser.parse(raw), limit=None)}
            truth = {n for n, sentence in enumerate(sentences) if query in sentence}
            results.append(Measure(query, kind, len(truth), len(hits), len(hits & truth)))
    return results


def summarise(results: list[Measure]) -> dict[str, tuple[float, float]]:
    """Micro-averaged (recall, precision) per kind of query and over all."""
    summary = {}
    for kind in [*sorted({m.kind for m in results}), "all"]:
        chosen = [m for m in results if kind in ("all", m.kind)]
        relevant = sum(m.relevant for m in chosen)
        found = sum(m.found for m in chosen)
        correct = sum(m.correct for m in chosen)
        summary[kind] = (correct / relevant if relevant else 1.0, correct / found if found else 1.0)
    return summary


def run(limit: int | None = None) -> dict[str, dict[str, tuple[float, float]]]:
    sentences = load_sentences(limit)
    queries = choose_queries(sentences)
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        ix = build_index(directory, sentences)
        seconds = time.perf_counter() - started
        report = {
            name: measure(ix, sentences, queries, words_only)
            for name, words_only in (("archive", False), ("words only", True))
        }
    print(
        f"{len(sentences)} sentences indexed in {seconds:.1f} s "
        f"({len(sentences) / seconds:,.0f}/s); {len(queries)} queries"
    )
    print(f"{'configuration':<12} {'queries':<12} {'recall':>7} {'precision':>9}")
    summaries = {}
    for name, results in report.items():
        summaries[name] = summarise(results)
        for kind, (recall, precision) in summaries[name].items():
            print(f"{name:<12} {kind:<12} {recall:7.3f} {precision:9.3f}")
    misses = [m for m in report["words only"] if m.recall < 1 or m.precision < 1]
    if misses:
        print(
            "words only, imperfect queries:",
            ", ".join(f"{m.query} (r {m.recall:.2f}, p {m.precision:.2f})" for m in misses),
        )
    return summaries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=None, help="Index only the first N.")
    run(parser.parse_args().sentences)


if __name__ == "__main__":
    main()
