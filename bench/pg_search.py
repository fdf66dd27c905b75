"""The two PostgreSQL alternatives the archive's search is measured against, built on the same
paragraphs: ``ILIKE '%term%'`` backed by a ``pg_trgm`` GIN index, and full-text search over text
cut by the archive's own jieba word tokenizer (``simple`` configuration, GIN index). Each answers
a query as the search page needs it: the first page of paragraphs and the total count."""

import json
import time
from collections import Counter

from django.db import connection

from resolutions.models import LanguageVersion, Paragraph, Resolution
from search.analysis import CJK_RE, in_dictionary, initialize, word_tokens
from search.querylang import parse_query
from search.service import PAGE_SIZE

TRGM_INDEX = "bench_paragraph_text_trgm"
FTS_TABLE = "bench_paragraph_fts"
FTS_INDEX = "bench_paragraph_fts_tsv"
BATCH = 2000
P = Paragraph._meta.db_table
V = LanguageVersion._meta.db_table
R = Resolution._meta.db_table
JOINS = f"JOIN {V} v ON v.id = p.version_id JOIN {R} r ON r.id = v.resolution_id"


def _relation_size(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size(%s::regclass)", [name])
        return cursor.fetchone()[0]


def trigram_extension() -> bool:
    """Whether this server has pg_trgm (the embedded server that runs without DATABASE_URL
    ships without PostgreSQL's contrib extensions)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        available = cursor.fetchone() is not None
        if available:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    return available


def build_trigram_index() -> dict:
    """The pg_trgm GIN index on paragraph text: someone else's if present, else (re)built. Where
    the server has no pg_trgm, ILIKE runs without an index and the result says so."""
    if not trigram_extension():
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {P}")
        return {"index": None, "build_seconds": None, "bytes": 0, "available": False}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname <> %s"
            " AND indexdef LIKE '%%gin_trgm_ops%%'",
            [P, TRGM_INDEX],
        )
        found = cursor.fetchone()
        seconds = None
        if found:
            name = found[0]
        else:
            name = TRGM_INDEX
            cursor.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
            started = time.perf_counter()
            cursor.execute(f"CREATE INDEX {TRGM_INDEX} ON {P} USING gin (text gin_trgm_ops)")
            seconds = time.perf_counter() - started
        cursor.execute(f"ANALYZE {P}")
    return {
        "index": name,
        "build_seconds": seconds,
        "bytes": _relation_size(name),
        "available": True,
    }


def segment(text: str, mode: str = "index") -> list[str]:
    """The words of the archive's ``text`` field, one per position (sub-words left out)."""
    words, last = [], None
    for word, position, _, _ in word_tokens(text, mode):
        if position != last:
            words.append(word)
            last = position
    return words


def build_fts_table() -> tuple[dict, Counter]:
    """The side table of jieba-segmented tsvectors with its GIN index, and how many paragraphs
    each Chinese dictionary word occurs in (to choose the rare words from)."""
    initialize()
    frequency: Counter[str] = Counter()
    seconds = {"segment": 0.0, "insert": 0.0, "index": 0.0}
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        cursor.execute(
            f"CREATE TABLE {FTS_TABLE} (paragraph_id bigint PRIMARY KEY, tsv tsvector NOT NULL)"
        )
        rows = Paragraph.objects.order_by("id").values_list("id", "text")
        batch = []
        for paragraph_id, text in rows.iterator(chunk_size=BATCH):
            started = time.perf_counter()
            words = segment(text)
            frequency.update({w for w in words if CJK_RE.fullmatch(w) and len(w) >= 2})
            batch.append((paragraph_id, " ".join(words)))
            seconds["segment"] += time.perf_counter() - started
            if len(batch) == BATCH:
                seconds["insert"] += _insert(cursor, batch)
                batch = []
        seconds["insert"] += _insert(cursor, batch)
        started = time.perf_counter()
        cursor.execute(f"CREATE INDEX {FTS_INDEX} ON {FTS_TABLE} USING gin (tsv)")
        cursor.execute(f"ANALYZE {FTS_TABLE}")
        seconds["index"] = time.perf_counter() - started
    report = {
        "table": FTS_TABLE,
        "build_seconds": sum(seconds.values()),
        "stage_seconds": seconds,
        "bytes": _relation_size(FTS_TABLE),
        "index_bytes": _relation_size(FTS_INDEX),
    }
    return report, Counter({w: n for w, n in frequency.items() if in_dictionary(w)})


def _insert(cursor, batch) -> float:
    started = time.perf_counter()
    if batch:
        cursor.executemany(f"INSERT INTO {FTS_TABLE} VALUES (%s, to_tsvector('simple', %s))", batch)
    return time.perf_counter() - started


def drop_side_objects() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        cursor.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")


def _filter_sql(filters: dict) -> tuple[str, list]:
    """The page's facet filters as conditions on the paragraph, its version and resolution."""
    clauses, params = [], []
    for name, value in filters.items():
        if name == "period":
            body, _, number = value.partition(" ")
            if body == "SC":
                clauses.append("r.body = 'SC' AND r.year = %s")
                params.append(int(number))
            else:  # "GA 76", or "GA ES-11" for an emergency special session
                special, _, session = number.rpartition("-")
                clauses.append("r.body = 'GA' AND r.special_session = %s AND r.session = %s")
                params += [special, int(session)]
        else:
            column = {"language": "v.language", "body": "r.body", "kind": "p.kind"}[name]
            clauses.append(f"{column} = %s")
            params.append(value)
    return "".join(f" AND {c}" for c in clauses), params


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page_and_count(cursor, page_sql, count_sql, params) -> int:
    cursor.execute(page_sql, params)
    cursor.fetchall()
    cursor.execute(count_sql, params)
    return cursor.fetchone()[0]


def ilike_sql(query: str, filters: dict) -> tuple[str, str, list]:
    """The first page's statement, the count's, and their parameters."""
    parsed = parse_query(query)
    where, params = [], []
    for group in parsed.groups:
        where.append("(" + " OR ".join("p.text ILIKE %s" for _ in group) + ")")
        params += [like_pattern(term.text) for term in group]
    for term in parsed.excluded:
        where.append("p.text NOT ILIKE %s")
        params.append(like_pattern(term.text))
    extra, extra_params = _filter_sql(filters)
    condition = " AND ".join(where) + extra
    page = (
        f"SELECT p.id, p.eid, p.text, v.language, v.title, r.symbol FROM {P} p {JOINS}"
        f" WHERE {condition} ORDER BY p.id LIMIT {PAGE_SIZE}"
    )
    count = f"SELECT count(*) FROM {P} p {JOINS if filters else ''} WHERE {condition}"
    return page, count, params + extra_params


def ilike_search(query: str, filters: dict) -> dict:
    page, count, params = ilike_sql(query, filters)
    with connection.cursor() as cursor:
        return {"total": _page_and_count(cursor, page, count, params)}


def ilike_uses_index(query: str, filters: dict, index: str | None) -> bool:
    """Whether PostgreSQL's plan for the ILIKE count reads the trigram index (a term of fewer
    than three characters has no trigram, and the whole table is scanned)."""
    if index is None:
        return False
    _, count, params = ilike_sql(query, filters)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {count}", params)
        plan = cursor.fetchone()[0]
    return f'"Index Name": "{index}"' in (plan if isinstance(plan, str) else json.dumps(plan))


def _tsquery(term_text: str) -> tuple[str, str]:
    return "phraseto_tsquery('simple', %s)", " ".join(segment(term_text, mode="query"))


def fts_search(query: str, filters: dict) -> dict:
    parsed = parse_query(query)
    parts, params = [], []
    for group in parsed.groups:
        pieces = [_tsquery(term.text) for term in group]
        parts.append("(" + " || ".join(sql for sql, _ in pieces) + ")")
        params += [value for _, value in pieces]
    for term in parsed.excluded:
        sql, value = _tsquery(term.text)
        parts.append(f"!!{sql}")
        params.append(value)
    tsquery = " && ".join(parts)
    extra, extra_params = _filter_sql(filters)
    page = (
        f"WITH q AS (SELECT {tsquery} AS q) SELECT p.id, p.eid, p.text, v.language, v.title,"
        f" r.symbol, ts_rank(f.tsv, q.q) AS rank FROM q, {FTS_TABLE} f"
        f" JOIN {P} p ON p.id = f.paragraph_id {JOINS} WHERE f.tsv @@ q.q{extra}"
        f" ORDER BY rank DESC, p.id LIMIT {PAGE_SIZE}"
    )
    joins = f"JOIN {P} p ON p.id = f.paragraph_id {JOINS}" if filters else ""
    count = (
        f"WITH q AS (SELECT {tsquery} AS q) SELECT count(*) FROM q, {FTS_TABLE} f {joins}"
        f" WHERE f.tsv @@ q.q{extra}"
    )
    with connection.cursor() as cursor:
        return {"total": _page_and_count(cursor, page, count, params + extra_params)}
