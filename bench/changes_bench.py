"""How long the changes page takes to render: two 100-paragraph resolutions of one series.

Usage::

    .venv/bin/python -m bench.changes_bench [--repeats 30] [--seed 1] [--json]

``make bench`` runs it after the other parts (``bench.run``), in the bench database; run alone,
it uses a database of its own (``archive_changes_bench``), emptied first.

Two English resolutions of a hundred paragraphs each (40 preambular, 60 operative) are
generated from real UN sentences (``parallel/UNv1.0.devset.en`` in the shared corpus) and
imported as one series; the newer one is the older with what a year changes: some paragraphs
reworded (words replaced, a clause added or cut), a few inserted, a few dropped, so that most
operative numbers shift. The changes page of the newer one is then asked for through Django's
whole request handling, in process (no network): cold, with its kept copy removed before each
request (matching, word differences, rendering and the queries), and warm, answered from the
page cache. Server time is what the target "≤ 100 ms" refers to. Figures are measured, never
asserted.
"""

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from .pages_bench import percentile

PREAMBULAR, OPERATIVE = 40, 60
SESSION = 99
NUMBERS = (901, 902)
TITLE = "Cooperation between the United Nations and the benchmark organization"
SENTENCES = Path("parallel") / "UNv1.0.devset.en"
_UNSAFE = re.compile(r"[*_\[\]\\`#|<>\x00-\x1f]")
_LEADING_LABEL = re.compile(r"^(?:\(?[0-9a-zA-Z]{1,3}[.)]\s+)+")
PREAMBULAR_VERBS = ("Recalling", "Reaffirming", "Noting", "Welcoming", "Recognizing", "Stressing")
OPERATIVE_VERBS = ("Decides", "Requests", "Calls upon", "Encourages", "Welcomes", "Urges")
INSERTED_CLAUSES = (
    "in close cooperation with Member States",
    "within existing resources",
    "as a matter of priority",
    "including through South-South cooperation",
)


def load_sentences(corpus_dir: Path) -> list[str]:
    """Sentences of the parallel corpus fit to be a paragraph: long enough, no markup."""
    chosen = []
    with open(corpus_dir / SENTENCES, encoding="utf-8") as lines:
        for line in lines:
            text = _LEADING_LABEL.sub("", line.strip())
            if 80 <= len(text) <= 400 and not _UNSAFE.search(text) and text[0].isalpha():
                chosen.append(text.rstrip(".;:,"))
    return chosen


def _paragraphs(rng: random.Random, sentences: list[str]) -> tuple[list, list[str]]:
    """(kind, "verb|text") of the older resolution, preambular paragraphs then operative ones, and
    sentences it does not use (for the paragraphs the newer one inserts)."""
    picked = rng.sample(sentences, PREAMBULAR + OPERATIVE + 5)
    older = [("preambular", f"{rng.choice(PREAMBULAR_VERBS)}|{t}") for t in picked[:PREAMBULAR]]
    older += [
        ("operative", f"{rng.choice(OPERATIVE_VERBS)}|{text}")
        for text in picked[PREAMBULAR : PREAMBULAR + OPERATIVE]
    ]
    return older, picked[PREAMBULAR + OPERATIVE :]


def _reworded(rng: random.Random, text: str) -> str:
    """The text as a year's negotiation changes it: a word replaced, a clause added or cut."""
    verb, _, text = text.partition("|")
    words = text.split()
    choice = rng.random()
    if choice < 0.4 and len(words) > 8:
        at = rng.randrange(2, len(words) - 2)
        words[at] = rng.choice(("further", "strongly", "all", "relevant", "effective"))
    elif choice < 0.75:
        at = rng.randrange(2, len(words))
        words[at:at] = [rng.choice(INSERTED_CLAUSES) + ","]
    else:
        cut = rng.randrange(2, max(3, len(words) // 3))
        start = rng.randrange(1, max(2, len(words) - cut))
        del words[start : start + cut]
    return f"{verb}|{' '.join(words)}"


def newer_paragraphs(
    rng: random.Random, older: list[tuple[str, str]], spare: list[str]
) -> list[tuple[str, str]]:
    """The older paragraphs with 15 reworded, 5 inserted and 5 dropped: still 100."""
    newer = list(older)
    for at in rng.sample(range(len(newer)), 15):
        kind, text = newer[at]
        newer[at] = (kind, _reworded(rng, text))
    for at in sorted(rng.sample(range(len(newer)), 5), reverse=True):
        del newer[at]
    for text in spare[:5]:
        at = rng.randrange(PREAMBULAR // 2, len(newer))
        kind = newer[at][0]
        verbs = PREAMBULAR_VERBS if kind == "preambular" else OPERATIVE_VERBS
        newer.insert(at, (kind, f"{rng.choice(verbs)}|{text}"))
    return newer


def markdown(number: int, session: int, paragraphs: list[tuple[str, str]]) -> str:
    """A resolution in the archive's Markdown layout (as ``tests.factories`` writes one)."""
    adopted = f"{6 + session % 20} December {1945 + session}"
    lines = [
        "General Assembly",
        "",
        "Distr.: General",
        adopted,
        "",
        "Agenda item 12",
        "",
        f"Resolution adopted by the General Assembly on {adopted}",
        "",
        f"[without reference to a Main Committee ([A/{session}/L.{number}](#))]",
        "",
        f"{session}/{number}. {TITLE}",
        "",
        "The General Assembly,",
        "",
    ]
    operative = 0
    for kind, text in paragraphs:
        verb, _, text = text.partition("|")
        body = text[0].lower() + text[1:]
        if kind == "preambular":
            lines += [f"*{verb}* {body},", ""]
        else:
            operative += 1
            lines += [f"{operative}. **{verb}** {body};", ""]
    lines += ["", "51st plenary meeting", adopted, ""]
    return "\n".join(lines)


def import_pair(corpus_dir: Path, seed: int) -> str:
    """The two resolutions imported into one series; the changes page's URL."""
    from resolutions.importer import import_path
    from resolutions.models import Resolution, Series

    rng = random.Random(seed)
    sentences = load_sentences(corpus_dir)
    older, spare = _paragraphs(rng, sentences)
    newer = newer_paragraphs(rng, older, spare)
    with tempfile.TemporaryDirectory(prefix="changes-bench-") as workdir:
        for session, number, paragraphs in (
            (SESSION - 1, NUMBERS[0], older),
            (SESSION, NUMBERS[1], newer),
        ):
            path = Path(workdir) / f"A_RES_{session}_{number}.en.md"
            path.write_text(markdown(number, session, paragraphs), encoding="utf-8")
            for result in import_path(path, language="en").results:
                if result.status.value not in ("imported", "replaced", "unchanged"):
                    raise RuntimeError(f"{path.name}: {result}")
    series, _ = Series.objects.get_or_create(
        slug="changes-bench", defaults={"title": TITLE, "title_language": "en"}
    )
    symbols = [f"A/RES/{SESSION - 1}/{NUMBERS[0]}", f"A/RES/{SESSION}/{NUMBERS[1]}"]
    Resolution.objects.filter(symbol__in=symbols).update(series=series)
    return f"/{symbols[1]}/en/changes/"


def _timed(client, url: str, host: str) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        elapsed = time.perf_counter() - started
    return elapsed * 1000, response.status_code, len(queries)


def _figures(milliseconds: list[float]) -> dict:
    return {
        "p50": round(percentile(milliseconds, 50), 2),
        "p95": round(percentile(milliseconds, 95), 2),
        "max": round(max(milliseconds), 2),
    }


def run(*, repeats: int = 30, seed: int = 1, corpus_dir: Path | None = None) -> dict:
    """Import the pair, then time the changes page cold and warm (milliseconds)."""
    from django.conf import settings
    from django.core.cache import caches
    from django.test import Client

    from resolutions.comparing import compare_versions
    from resolutions.models import LanguageVersion
    from web.compared import version_pair
    from web.page_cache import CACHE, code_fingerprint
    from web.views.changes import page_key

    corpus_dir = corpus_dir or Path(settings.CORPUS_DIR)
    url = import_pair(corpus_dir, seed)
    old, new = (
        LanguageVersion.objects.select_related("resolution").get(
            resolution__symbol=symbol, language="en"
        )
        for symbol in (f"A/RES/{SESSION - 1}/{NUMBERS[0]}", f"A/RES/{SESSION}/{NUMBERS[1]}")
    )
    pair = version_pair(old.resolution, new.resolution, "en")
    key = page_key(pair, series=new.resolution.series)

    host = "127.0.0.1" if "127.0.0.1" in settings.ALLOWED_HOSTS else "testserver"
    client = Client()
    cold, warm, statuses, queries = [], [], set(), {}
    _timed(client, url, host)  # templates and the word segmenter loaded once, as in a server
    for _ in range(repeats):
        # Only this page's kept copy is removed: the rest of the cache is left alone.
        caches[CACHE].delete(key, version=code_fingerprint())
        elapsed, status, count = _timed(client, url, host)
        cold.append(elapsed)
        statuses.add(status)
        queries["cold"] = count
    for _ in range(repeats):
        elapsed, status, count = _timed(client, url, host)
        warm.append(elapsed)
        statuses.add(status)
        queries["warm"] = count
    comparison = compare_versions(old, new)
    return {
        "url": url,
        "paragraphs": {
            "older": PREAMBULAR + OPERATIVE,
            "newer": len(comparison.changes) - comparison.counts["dropped"],
        },
        "counts": comparison.counts,
        "repeats": repeats,
        "statuses": sorted(statuses),
        "queries": queries,
        "cold_ms": _figures(cold),
        "warm_ms": _figures(warm),
    }


def table(result: dict) -> str:
    counts = result["counts"]
    return "\n".join(
        [
            f"Changes page {result['url']} ({result['paragraphs']['older']} → "
            f"{result['paragraphs']['newer']} paragraphs: {counts['new']} new, "
            f"{counts['changed']} changed, {counts['dropped']} dropped, "
            f"{counts['unchanged']} unchanged), {result['repeats']} requests each:",
            "",
            "| | p50 ms | p95 ms | max ms | queries |",
            "|---|---:|---:|---:|---:|",
            *(
                f"| {name} | {result[f'{name}_ms']['p50']} | {result[f'{name}_ms']['p95']} "
                f"| {result[f'{name}_ms']['max']} | {result['queries'][name]} |"
                for name in ("cold", "warm")
            ),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=30, help="Requests cold and warm.")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the generated texts.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args(argv)
    from .server import setup_django

    setup_django(own="changes_bench")
    from .run import reset_archive

    reset_archive()
    result = run(repeats=args.repeats, seed=args.seed)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return result


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
