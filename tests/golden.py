"""Golden files: the expected export of a real corpus file, kept under tests/golden/.

A golden file pins every character of every paragraph and footnote without holding a copy of
the corpus text: texts are replaced by their length and digest. ``pytest --update-golden``
rewrites the files from the current output; review the diff before committing it.
"""

import hashlib
import json
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def text_digest(text: str) -> str:
    """A text as golden files pin it: its length and SHA-256, not the corpus text itself."""
    return f"{len(text)} chars, sha256 {hashlib.sha256(text.encode()).hexdigest()}"


def golden_view(data: dict) -> dict:
    """The export with each paragraph's and footnote's text replaced by its length and digest."""
    for item in [*data["paragraphs"], *data["footnotes"]]:
        item["text"] = text_digest(item["text"])
    return data


def check_golden(name: str, export: dict, *, update: bool) -> None:
    """Compare an export with ``tests/golden/<name>.json`` (or rewrite that file)."""
    path = GOLDEN_DIR / f"{name}.json"
    actual = golden_view(export)
    if update:
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    assert actual == json.loads(path.read_text(encoding="utf-8"))
