"""The tantivy index's schema, its documents and the processes that analyse their text, for
the tantivy engine (``search.engines.tantivy``).

- ``text`` (stored, the highlighter's source), ``bigrams`` and ``text_<language>``: pre-tokenized
  by ``search.analysis``, with positions.
- ``body``, ``period``, ``language``, ``kind``: whole values, fast fields counted with terms
  aggregations (exact: each field has far fewer values than the aggregation's size); ``state``
  the same with several values a document.
- ``symbol``, ``eid``, ``version``, ``id``, ``cites``: whole values; ``adopted_on`` an integer
  ``YYYYMMDD`` fast field to sort by (0 when unknown).
"""

import atexit
import json
import multiprocessing
import os
import threading
from datetime import date
from pathlib import Path

import tantivy

from ..analysis import (
    LANGUAGE_FIELDS,
    analyse,
    jieba_cache_dir,
    start_analysis_process,
    unpack_tokens,
)

PRE_TOKENIZED = ("text", "bigrams", *LANGUAGE_FIELDS.values())
FACET_FIELDS = ("body", "period", "language", "kind")
# Facets with several values a document: the States and territories a resolution names.
MULTI_VALUED_FACETS = ("state",)
KEYWORD_FIELDS = ("id", "symbol", "eid", "version")
DISPLAY_FIELDS = ("title", "subtitle", "url")
WRITER_HEAP = 256_000_000  # bytes; tantivy flushes a segment when its writer's heap is full
AGGREGATION_SIZE = 65_536  # more than the values of any facet field
META = "meta.json"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True, tokenizer_name="raw", index_option="position")
    for name in PRE_TOKENIZED[1:]:
        builder.add_text_field(name, tokenizer_name="raw", index_option="position")
    for name in FACET_FIELDS:
        builder.add_text_field(
            name, stored=True, fast=True, tokenizer_name="raw", index_option="basic"
        )
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    for name in DISPLAY_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("cites", tokenizer_name="raw", index_option="basic")
    for name in MULTI_VALUED_FACETS:
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("adopted_on", stored=True, indexed=True, fast=True)
    return builder.build()


SCHEMA = build_schema()


class SchemaOutdated(ValueError):
    """The index on disk was built with other fields than this version of the archive indexes
    (a field added since): it cannot be opened, and ``manage.py rebuild_index`` builds it anew
    beside the old one."""


def open_index(path: str) -> tantivy.Index:
    """The index at ``path``, created empty when there is none."""
    try:
        return tantivy.Index(SCHEMA, path, reuse=True)
    except ValueError as error:
        if "schema does not match" in str(error):
            raise SchemaOutdated(
                f"the search index at {path} was built with other fields: "
                "run `manage.py rebuild_index`"
            ) from error
        raise


# --- documents ---------------------------------------------------------------------------------


def _pre_tokenized(text: str, packed: tuple[str, bytes]) -> tantivy.PreTokenizedString:
    return tantivy.PreTokenizedString(
        text, [tantivy.Token(*token) for token in unpack_tokens(packed)]
    )


def to_document(prepared: dict, tokens: dict[str, tuple[str, bytes]]) -> tantivy.Document:
    document = tantivy.Document()
    for name, packed in tokens.items():
        document.add_pre_tokenized_text(name, _pre_tokenized(prepared[name], packed))
    for name in (*FACET_FIELDS, *KEYWORD_FIELDS, *DISPLAY_FIELDS):
        value = prepared.get(name)
        if value is not None:
            document.add_text(name, str(value))
    for symbol in prepared.get("cites") or ():
        document.add_text("cites", symbol)
    for name in MULTI_VALUED_FACETS:
        for value in prepared.get(name) or ():
            document.add_text(name, value)
    adopted = prepared.get("adopted_on")
    document.add_integer("adopted_on", day_number(adopted))
    return document


def day_number(day) -> int:
    return day.year * 10_000 + day.month * 100 + day.day if isinstance(day, date) else 0


def _day(number: int) -> date | None:
    return date(number // 10_000, number // 100 % 100, number % 100) if number else None


def stored(document: tantivy.Document, score: float) -> dict:
    fields = {name: values[0] for name, values in document.to_dict().items() if values}
    fields["adopted_on"] = _day(fields.get("adopted_on") or 0)
    fields["score"] = score
    return fields


# Analysis processes, kept for the life of the process that writes (an import or a rebuild).
_pool = None
_pool_size = 0
_pool_lock = threading.Lock()


def analysis_pool(processes: int):
    global _pool, _pool_size
    with _pool_lock:
        if _pool is None or _pool_size != processes:
            if _pool is not None:
                _pool.terminate()
            # Started afresh, not forked: a fork inherits whatever locks the writing process's
            # other threads hold (Whoosh's and multiprocessing's own), and can hang on them.
            _pool = multiprocessing.get_context("spawn").Pool(
                processes, initializer=start_analysis_process, initargs=(jieba_cache_dir(),)
            )
            _pool_size = processes
        return _pool


@atexit.register
def stop_analysis_processes() -> None:
    """Stop the analysis processes (at the end of an import or a rebuild: the threads that
    serve them must not be inherited by a process forked later)."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.terminate()
            _pool.join()
            _pool = None


def in_parallel(documents: list[dict], processes: int) -> bool:
    return processes > 1 and len(documents) >= 2 * processes


def chunk_size(documents: list[dict], processes: int) -> int:
    return max(1, min(256, len(documents) // (processes * 4)))


def analysed(documents: list[dict], processes: int) -> list[dict]:
    if not in_parallel(documents, processes):
        return [analyse(document) for document in documents]
    return analysis_pool(processes).map(
        analyse, documents, chunksize=chunk_size(documents, processes)
    )


# --- the files of a reader ---------------------------------------------------------------------


def file_stamp(path: str) -> tuple:
    stat = os.stat(path)
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def segment_files(generation: str) -> dict[str, tuple]:
    """The stamps of the files of the segments ``meta.json`` lists (taken after opening them)."""
    try:
        with open(Path(generation) / META, encoding="utf-8") as meta:
            segments = {
                segment["segment_id"].replace("-", "") for segment in json.load(meta)["segments"]
            }
        stamps = {}
        with os.scandir(generation) as entries:
            for entry in entries:
                if entry.name.split(".")[0] in segments:
                    stamps[entry.path] = file_stamp(entry.path)
        return stamps
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # unreadable: the reader just opened will fail on its own


def segment_files_changed(stamps: dict[str, tuple]) -> bool:
    """Whether a segment file a reader has open was changed or removed without a commit.
    tantivy writes each file once and removes it only after a commit has dropped it from
    ``meta.json`` (which reloads the reader): one changed in place or replaced under an unchanged
    ``meta.json`` is damage, which the reader's mapped copy hides (garbage counted as no hits, a
    file cut short answered from the old copy). Opening the index again finds it."""
    for path, stamp in stamps.items():
        try:
            if file_stamp(path) != stamp:
                return True
        except OSError:
            return True
    return False
