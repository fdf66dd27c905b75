"""How fast gunicorn serves the archive's pages, how much memory it takes, and how many SQL
queries each page makes.

Usage::

    DJANGO_SETTINGS_MODULE=config.settings.bench \\
        .venv/bin/python -m bench.pages_bench [--duration 10] [--max-requests 2000] \\
        [--concurrency 4] [--workers N] [--json]

Run it after the archive has been imported and indexed into the bench database. It starts
gunicorn with ``deploy/gunicorn.conf.py`` on a free loopback port, in a process group of its own
that is always stopped, and loads four pages one after the other from loopback clients: a
resolution page (the Chinese version with the median number of paragraphs), one of its operative
paragraphs, the search page for a common word, and ``/bench/minimal/`` (no database, no
template), the floor the others are compared with. Each page gets at most ``duration`` seconds
and ``max_requests`` requests. Server time is read from gunicorn's access log, which is what the
target "resolution page p95 ≤ 30 ms server time" refers to; the client's latencies also hold the
loopback round trip and the client's own share of the CPU. Figures are measured, never asserted.
"""

import argparse
import http.client
import json
import math
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .server import MINIMAL_URL, Server, alive, fetch, setup_django

SEARCH_WORD = "人道主义"
# The page each request was for and the server's time in microseconds, tab-separated; the
# access log's own format (deploy/gunicorn.conf.py) rounds to whole milliseconds.


class NotImported(RuntimeError):
    """The bench database holds nothing to serve."""


@dataclass
class Page:
    name: str
    url: str


@dataclass
class Load:
    """What the clients saw for one page."""

    latencies: list[float] = field(default_factory=list)  # seconds, every response received
    statuses: dict[int, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)  # connection errors by kind
    body_bytes: int = 0
    requests: int = 0
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        bad = sum(n for status, n in self.statuses.items() if not 200 <= status < 300)
        return bad + sum(self.failures.values())


# --- What to request ----------------------------------------------------------------------------


def choose_pages() -> tuple[list[Page], dict]:
    """The pages to load, read from the database: the Chinese version whose paragraph count is
    the median (ties broken by symbol, so the choice is the same on every run) and its middle
    operative paragraph."""
    from django.db import connection
    from django.db.models import Count

    from resolutions.models import LanguageVersion, Paragraph, ParagraphKind

    database = connection.settings_dict["NAME"]
    versions = list(
        LanguageVersion.objects.filter(language="zh")
        .annotate(size=Count("paragraphs"))
        .filter(size__gt=0)
        .order_by("size", "resolution__symbol")
        .select_related("resolution")
    )
    if not versions:
        raise NotImported(
            f"the database {database!r} holds no Chinese resolution with paragraphs: import the "
            "archive first (DJANGO_SETTINGS_MODULE=config.settings.bench manage.py "
            "import_resolutions …, then rebuild_index if the import did not index)"
        )
    version = versions[(len(versions) - 1) // 2]
    paragraphs = version.paragraphs.order_by("position")
    candidates = list(paragraphs.filter(kind=ParagraphKind.OPERATIVE, parent=None)) or list(
        paragraphs
    )
    paragraph: Paragraph = candidates[(len(candidates) - 1) // 2]
    paragraph.version = version  # get_absolute_url without another query
    resolution_url = version.get_absolute_url()
    pages = [
        Page("resolution", resolution_url),
        Page("paragraph", paragraph.get_absolute_url()),
        Page("search", f"/search/?q={quote(SEARCH_WORD)}"),
        Page("minimal", MINIMAL_URL),
    ]
    chosen = {
        "database": database,
        "symbol": version.resolution.symbol,
        "language": version.language,
        "paragraphs": version.size,
        "paragraph": paragraph.eid,
        "paragraph_kind": paragraph.kind,
        "chinese_versions": len(versions),
        "search_word": SEARCH_WORD,
    }
    return pages, chosen


def count_queries(pages: list[Page]) -> dict[str, dict]:
    """SQL queries per page, in process with Django's test client. The second request is the
    one counted (the load sees warm caches); the first is kept when it differs."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    # The same URLs as the server's, whatever settings the caller runs under.
    with override_settings(ROOT_URLCONF="bench.urls"):
        for page in pages:
            runs = []
            for _ in range(2):
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(page.url)
                runs.append((response.status_code, len(queries)))
            counts[page.name] = {"status": runs[-1][0], "queries": runs[-1][1]}
            if runs[0][1] != runs[1][1]:
                counts[page.name]["queries_first_request"] = runs[0][1]
    return counts


# --- The load -----------------------------------------------------------------------------------


def load(port: int, page: Page, *, duration: float, max_requests: int, concurrency: int) -> Load:
    """``concurrency`` clients, each with its own connection, request ``page`` until
    ``max_requests`` have been sent or ``duration`` seconds have passed."""
    result, lock = Load(), threading.Lock()
    started = time.perf_counter()
    deadline = started + duration
    finished = [started]

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies, statuses, failures, body_bytes = [], {}, {}, 0
        try:
            while True:
                with lock:
                    if result.requests >= max_requests or time.perf_counter() >= deadline:
                        break
                    result.requests += 1
                before = time.perf_counter()
                try:
                    status, body = fetch(port, page.url, page=page.name, connection=connection)
                except (OSError, http.client.HTTPException) as error:
                    kind = type(error).__name__
                    failures[kind] = failures.get(kind, 0) + 1
                    connection.close()
                    continue
                latencies.append(time.perf_counter() - before)
                statuses[status] = statuses.get(status, 0) + 1
                body_bytes += len(body)
        finally:
            connection.close()
            with lock:
                result.latencies += latencies
                for status, n in statuses.items():
                    result.statuses[status] = result.statuses.get(status, 0) + n
                for kind, n in failures.items():
                    result.failures[kind] = result.failures.get(kind, 0) + n
                result.body_bytes += body_bytes
                finished.append(time.perf_counter())

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = max(finished) - started
    return result


def server_times(access_log: Path) -> dict[str, list[float]]:
    """Milliseconds the server spent on each request of the load, by page."""
    times: dict[str, list[float]] = {}
    for line in access_log.read_text(errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].isdigit():
            times.setdefault(parts[0], []).append(int(parts[2]) / 1000)
    return times


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile: a value that was measured, never an interpolation."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def summary(page: Page, figures: Load, server: list[float], queries: dict) -> dict:
    latencies = [seconds * 1000 for seconds in figures.latencies]
    responses = len(figures.latencies)
    return {
        "url": page.url,
        "requests": figures.requests,
        "requests_per_second": _round(figures.requests / figures.seconds if figures.seconds else 0),
        "p50": _round(percentile(latencies, 50)),
        "p95": _round(percentile(latencies, 95)),
        "p99": _round(percentile(latencies, 99)),
        "errors": figures.errors,
        "statuses": {str(status): n for status, n in sorted(figures.statuses.items())},
        "connection_errors": dict(figures.failures),
        "seconds": _round(figures.seconds, 3),
        "bytes_per_response": round(figures.body_bytes / responses) if responses else None,
        "server_requests": len(server),
        "server_p50": _round(percentile(server, 50), 3),
        "server_p95": _round(percentile(server, 95), 3),
        "server_p99": _round(percentile(server, 99), 3),
        **queries,
    }


# --- The benchmark ------------------------------------------------------------------------------


def _memory_report(memory: dict) -> dict:
    return {
        "master": memory["master"],
        "workers": [figures for _, figures in sorted(memory["workers"].items())],
    }


def run(
    *,
    duration: float = 10.0,
    max_requests: int = 2000,
    concurrency: int = 4,
    workers: int | None = None,
) -> dict:
    """Serve the bench database with gunicorn, load each page, and return the figures (JSON-ready).

    ``workers`` is gunicorn's WEB_CONCURRENCY; None keeps deploy/gunicorn.conf.py's default.
    Raises NotImported when the database holds no Chinese resolution.
    """
    pages, chosen = choose_pages()
    queries = count_queries(pages)
    for name, counted in queries.items():
        if counted["status"] != 200:
            raise RuntimeError(f"the {name} page answers {counted['status']} in process")

    with tempfile.TemporaryDirectory(prefix="pages-bench-") as workdir:
        server = Server(Path(workdir), workers)
        try:
            first_response = server.wait_until_serving()
            memory_at_start = server.memory()
            # One request per page before the clock runs: a misconfigured server (another
            # database, a missing index) fails here rather than as thousands of errors.
            for page in pages:
                status, body = fetch(server.port, page.url, page=f"warmup {page.name}")
                if status != 200:
                    raise RuntimeError(
                        f"the server answers {status} for the {page.name} page {page.url}: "
                        f"{body[:300].decode(errors='replace')}\n{server.log_tail()}"
                    )
            loads = {
                page.name: load(
                    server.port,
                    page,
                    duration=duration,
                    max_requests=max_requests,
                    concurrency=concurrency,
                )
                for page in pages
            }
            memory_after = server.memory()
        finally:
            server.stop()
        times = server_times(server.access_log)

    results = {
        page.name: summary(page, loads[page.name], times.get(page.name, []), queries[page.name])
        for page in pages
    }
    for figures in results.values():
        for key in ("p95", "server_p95"):
            floor, value = results["minimal"][key], figures[key]
            figures[f"{key}_vs_minimal"] = _round(
                value / floor if floor and value is not None else None
            )
    after = _memory_report(memory_after)
    return {
        "settings": {
            "duration": duration,
            "max_requests": max_requests,
            "concurrency": concurrency,
            "workers": len(memory_at_start["workers"]),
            "cores": os.cpu_count(),
        },
        "chosen": chosen,
        "server": {
            "pid": server.pid,
            "worker_pids": server.worker_pids,
            "stopped": not any(alive(pid) for pid in [server.pid, *server.worker_pids]),
        },
        "start_to_first_response": round(first_response, 3),
        "memory_kb": {"start": _memory_report(memory_at_start), "after_load": after},
        "master_rss_kb": after["master"]["rss"],
        "worker_rss_kb": [figures["rss"] for figures in after["workers"]],
        "pages": results,
    }


def table(result: dict) -> str:
    def cell(value, digits: int = 1) -> str:
        return "—" if value is None else f"{value:,.{digits}f}"

    lines = [
        "| page | requests | req/s | p50 / p95 / p99 ms | p95 ÷ minimal | server p95 ms "
        "| SQL queries | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in result["pages"].items():
        lines.append(
            f"| {name} | {page['requests']} | {cell(page['requests_per_second'])} "
            f"| {cell(page['p50'])} / {cell(page['p95'])} / {cell(page['p99'])} "
            f"| {cell(page['p95_vs_minimal'], 2)} | {cell(page['server_p95'], 2)} "
            f"| {page['queries']} | {page['errors']} |"
        )
    chosen, memory = result["chosen"], result["memory_kb"]

    def megabytes(figures: dict, key: str) -> str:
        return cell(figures[key] / 1024 if figures[key] is not None else None)

    lines.append("")
    for moment, heading in (("start", "at start"), ("after_load", "after the load")):
        workers = memory[moment]["workers"]
        lines.append(
            f"Memory {heading}: master RSS {megabytes(memory[moment]['master'], 'rss')} MB; "
            f"workers RSS {', '.join(megabytes(w, 'rss') for w in workers)} MB "
            f"(PSS {', '.join(megabytes(w, 'pss') for w in workers)} MB)."
        )
    settings = result["settings"]
    lines += [
        f"Start to first response: {result['start_to_first_response']:.2f} s; "
        f"gunicorn workers {settings['workers']}, concurrent clients "
        f"{settings['concurrency']}, cores {settings['cores']}.",
        f"Resolution page: {chosen['symbol']} ({chosen['language']}), {chosen['paragraphs']} "
        f"paragraphs, median of {chosen['chinese_versions']} Chinese versions; paragraph "
        f"{chosen['paragraph']}; search for {chosen['search_word']}.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=float, default=10.0, help="Seconds of load per page, at most."
    )
    parser.add_argument(
        "--max-requests", type=int, default=2000, help="Requests per page, at most."
    )
    parser.add_argument("--concurrency", type=int, default=4, help="Concurrent loopback clients.")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: the config's)."
    )
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args(argv)
    setup_django()
    result = run(
        duration=args.duration,
        max_requests=args.max_requests,
        concurrency=args.concurrency,
        workers=args.workers,
    )
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else table(result))
    return result


if __name__ == "__main__":
    main()
