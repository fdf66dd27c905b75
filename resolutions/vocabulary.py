"""The words of the archive: the evidence for mending a word the OCR left hyphenated.

A word broken at a line end of a printed volume (``inter- national``) is joined where the
archive prints the joined word, and keeps its hyphen where it prints the hyphenated one (see
``parsing.shared.repairs``). One file seldom holds that evidence; the archive does: every
paragraph and footnote stored, and every file of the import run, read before any is imported
so that the order of the files does not change how a text is mended.
"""

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from django.db import connection

from .models import Footnote, Paragraph
from .parsing import KnownWords, ParseError
from .parsing.shared.repairs import WORD_PATTERN, WORD_RE
from .parsing.source import decode


def archive_words(paths: Iterable[Path] = (), max_bytes: int | None = None) -> KnownWords:
    """The words stored in the archive (one query) and those of the files at ``paths``."""
    return stored_words() | file_words(paths, max_bytes)


def stored_words() -> KnownWords:
    """Every word of the stored paragraphs and footnotes, with how often it is printed."""
    query = f"""
        SELECT lower(m[1]), count(*)
        FROM (
            SELECT text FROM {Paragraph._meta.db_table}
            UNION ALL SELECT text FROM {Footnote._meta.db_table}
        ) AS texts, regexp_matches(texts.text, %s, 'g') AS m
        GROUP BY 1
    """
    with connection.cursor() as cursor:
        cursor.execute(query, [f"({WORD_PATTERN})"])
        return KnownWords.of(cursor.fetchall())


def file_words(paths: Iterable[Path], max_bytes: int | None = None) -> KnownWords:
    """The words of source files; one that cannot be read, or is over ``max_bytes``, gives none
    (its import says why)."""
    counts: Counter[str] = Counter()
    for path in paths:
        try:
            if max_bytes is not None and path.stat().st_size > max_bytes:
                continue
            counts.update(word.lower() for word in WORD_RE.findall(decode(path.read_bytes()).text))
        except (OSError, ParseError):
            continue
    return KnownWords.of(counts.items())
