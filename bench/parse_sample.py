"""How fast the Markdown-layout parser reads the Chinese sample, and where the time goes.

Usage::

    .venv/bin/python -m bench.parse_sample [--repeat 200]

Prints paragraphs and characters per second for the whole parse (decoding, layout, inline
repair, citation finding) and for citation finding alone over the same paragraph texts.
"""

import argparse
import os
import time
from pathlib import Path

from resolutions.citations.finding import find_citations
from resolutions.parsing import read_source

PROJECT_DIR = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(os.environ.get("CORPUS_DIR", PROJECT_DIR.parent / "shared" / "corpus"))


def rate(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="Parses to time (default 200).")
    args = parser.parse_args()

    data = (CORPUS_DIR / "zh" / "A_RES_76_127.zh.md").read_bytes()
    (parsed,) = read_source(data).documents
    texts = [p.text for p in parsed.paragraphs] + [f.text for f in parsed.footnotes]
    characters = sum(map(len, texts))

    start = time.perf_counter()
    for _ in range(args.repeat):
        read_source(data)
    parse_seconds = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            find_citations(text)
    citation_seconds = time.perf_counter() - start

    print(
        f"sample: {len(parsed.paragraphs)} paragraphs, {len(parsed.footnotes)} footnotes, "
        f"{characters:,} characters; {args.repeat} repetitions"
    )
    print(
        f"whole parse:        {parse_seconds / args.repeat * 1000:7.2f} ms per file, "
        f"{rate(len(texts) * args.repeat, parse_seconds)} paragraphs, "
        f"{rate(characters * args.repeat, parse_seconds)} characters"
    )
    print(
        f"citations alone:    {citation_seconds / args.repeat * 1000:7.2f} ms per file, "
        f"{rate(characters * args.repeat, citation_seconds)} characters"
    )
    print(f"share of citations: {citation_seconds / parse_seconds:.0%} of the parse")


if __name__ == "__main__":
    main()
