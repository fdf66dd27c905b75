"""Recall and precision of Chinese search on real UN sentences, against substring truth.

Usage::

    .venv/bin/python -m bench.search_quality [--sentences 4000] [--engine whoosh|tantivy]

The 4,000 Chinese sentences of the UN Parallel Corpus development set are indexed by a search
engine of the archive (``SEARCH_ENGINE``, or ``--engine``) in a temporary directory; 42 queries
drawn from that text (common and rare dictionary words, phrases of two words, fragments across a
word boundary) are run as the search page runs them. A sentence is relevant when it contains the
query as a substring. Two configurations are measured side by side:

- ``archive``: what the search page runs (character bigrams decide, jieba words rank);
- ``words only``: jieba words alone (a phrase of the query's words among the sentence's words),
  the recipe without the bigram field.
"""

import argparse
import os
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import django

from search.analysis import CJK_RE, chinese_words, in_dictionary, initialize, word_tokens
from search.query import request_for
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


def _document(number: int, sentence: str) -> dict:
    """A sentence as the archive indexes a paragraph."""
    return {
        "id": f"sentence.{number}",
        "django_ct": "sentence",
        "django_id": str(number),
        "text": sentence,
        "bigrams": sentence,
        "symbol": "UNv1.0.devset",
        "title": "",
        "eid": f"s{number}",
        "url": "",
        "body": "GA",
        "period": "GA 70",
        "language": "zh",
        "kind": "operative",
        "adopted_on": None,
        "cites": [],
        "version": "1",
    }


def build_index(directory: str, sentences: list[str], engine: str):
    """A backend of ``engine`` holding the sentences, in ``directory``."""
    from haystack.utils.loading import load_backend

    from search.engines import ENGINES
    from search.indexing import BATCH_PROCESSES

    backend = load_backend(ENGINES[engine]).backend("default", PATH=directory)
    backend.create()
    documents = [_document(number, sentence) for number, sentence in enumerate(sentences)]
    backend.write([], documents, processes=BATCH_PROCESSES)
    backend.done_writing()
    return backend


def _phrase_in(words: list[str], tokens) -> bool:
    """Whether the words stand at consecutive positions among the tokens."""
    positions: dict[str, set[int]] = {}
    for text, position, _, _ in tokens:
        positions.setdefault(text, set()).add(position)
    starts = positions.get(words[0], set()) if words else set()
    return any(
        all(start + offset in positions.get(word, ()) for offset, word in enumerate(words))
        for start in starts
    )


def measure(
    backend, sentences: list[str], queries: list[tuple[str, str]], words_only: bool
) -> list[Measure]:
    results = []
    tokens = [word_tokens(sentence) for sentence in sentences] if words_only else []
    for query, kind in queries:
        if words_only:
            words = [text for text, *_ in word_tokens(query, "query")]
            hits = {
                n for n, sentence_tokens in enumerate(tokens) if _phrase_in(words, sentence_tokens)
            }
        else:
            request = request_for(parse_query(query), limit=len(sentences))
            page = backend.search_page(request)
            hits = {int(document["eid"][1:]) for document in page.documents}
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


def run(
    limit: int | None = None, engine: str | None = None
) -> dict[str, dict[str, tuple[float, float]]]:
    from django.conf import settings

    engine = engine or settings.SEARCH_ENGINE
    sentences = load_sentences(limit)
    queries = choose_queries(sentences)
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        backend = build_index(directory, sentences, engine)
        seconds = time.perf_counter() - started
        report = {
            name: measure(backend, sentences, queries, words_only)
            for name, words_only in (("archive", False), ("words only", True))
        }
    print(
        f"{engine}: {len(sentences)} sentences indexed in {seconds:.1f} s "
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
    parser.add_argument(
        "--engine", choices=["whoosh", "tantivy"], help="The engine (default SEARCH_ENGINE)."
    )
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
    run(arguments.sentences, arguments.engine)


if __name__ == "__main__":
    main()
