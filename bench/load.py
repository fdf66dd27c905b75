"""The archive under a mixed load, as deployed, and searched while the whole corpus is re-imported.

Usage::

    .venv/bin/python -m bench.load [--duration 30] [--clients 16] [--workers N]
                                   [--during-import] [--corpus DIR] [--json]

A database and search index of the script's own (``config.settings.bench`` with BENCH_DATABASE,
default ``archive_load``, and BENCH_DIR, default ``var/load``) are filled from the corpus
(CORPUS_DIR, default ``../shared/corpus``) when they hold nothing yet. gunicorn then serves it as
deployed (``deploy/gunicorn.conf.py``) on a free loopback port, and ``clients`` loopback clients
request a mix of resolution pages, paragraph pages, lists (home page, sessions, years), searches in
Chinese and English and symbol lookups for ``duration`` seconds. Every search answer (JSON) is
compared with the one taken before the load: the same total and the same (symbol, language, eid)
hits on the first page.

With ``--during-import`` the whole corpus is imported again with ``--force`` in another process
while the load runs (the load lasts until the import has finished, at least ``duration``
seconds); since the texts are the same, every search must keep answering as before. Afterwards
the server's log and the import's output are searched for LockError and the index is compared
with the database (``check_index``).

Prints requests/s and p50/p95/p99 overall and per kind of page, 5xx, other errors and connection
errors. Exits with status 1 when any request failed, any search answered differently, a LockError
appeared, the import failed or the index is inconsistent. Figures are measured, never asserted.
What is requested, and how a search answer is compared, is ``bench.load_pages``'s.
"""

import argparse
import http.client
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .load_pages import MIX, Target, baseline, choose_targets, difference
from .pages_bench import Load, percentile, server_times
from .server import PROJECT_DIR, Server, fetch, server_environment, setup_django

# --- The archive ----------------------------------------------------------------------------------


def ensure_imported(corpus: Path, out=sys.stderr) -> dict:
    """Create and migrate the bench database when needed, and import the corpus into it (search
    index included) when it holds no resolution yet."""
    from django.conf import settings
    from django.core.management import CommandError, call_command
    from django.db import connection

    from resolutions.models import LanguageVersion
    from search import consistency

    from .run import _server

    name = connection.settings_dict["NAME"]
    with _server() as server:
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)
    done = {"database": name, "index": str(settings.SEARCH_INDEX_DIR), "imported": False}
    if not LanguageVersion.objects.exists():
        print(f"importing {corpus} into {name} …", file=out)
        started = time.perf_counter()
        output = io.StringIO()
        try:
            call_command("import_resolutions", str(corpus), stdout=output, stderr=output)
        except CommandError as error:  # some files failed: the rest is imported and served
            print(f"import: {error}", file=out)
        done.update(imported=True, import_seconds=round(time.perf_counter() - started, 1))
        done["import_summary"] = output.getvalue().strip().splitlines()[-1:]
    comparison = consistency.check()
    if not comparison.consistent:
        print(f"indexing {len(comparison.versions)} language version(s) …", file=out)
        consistency.repair(comparison)
    done["versions"] = LanguageVersion.objects.count()
    done["documents"] = comparison.in_database
    return done


# --- The load -------------------------------------------------------------------------------------


@dataclass
class Mixed:
    """What the clients saw, per kind of page, and how the search answers compared."""

    kinds: dict[str, Load] = field(default_factory=dict)
    searches_checked: int = 0
    mismatches: Counter = field(default_factory=Counter)  # url → answers that differed
    examples: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_load(
    port: int,
    targets: dict[str, list[Target]],
    expected: dict[str, tuple],
    *,
    clients: int,
    duration: float,
    until=None,
) -> Mixed:
    """``clients`` loopback clients, each going through the mix in its own order, for
    ``duration`` seconds and then for as long as ``until()`` is true."""
    result, lock = Mixed(kinds={kind: Load() for kind in targets}), threading.Lock()
    started = time.perf_counter()
    deadline = started + duration
    sequence = [kind for kind, weight in MIX.items() if kind in targets for _ in range(weight)]

    def client(number: int) -> None:
        chooser = random.Random(number)
        order = chooser.sample(sequence, len(sequence))
        positions = {kind: chooser.randrange(len(urls)) for kind, urls in targets.items()}
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        step = 0
        while time.perf_counter() < deadline or (until is not None and until()):
            kind = order[step % len(order)]
            target = targets[kind][positions[kind] % len(targets[kind])]
            step, positions[kind] = step + 1, positions[kind] + 1
            before = time.perf_counter()
            try:
                status, body = fetch(port, target.url, page=kind, connection=connection)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                with lock:
                    failures = result.kinds[kind].failures
                    failures[type(error).__name__] = failures.get(type(error).__name__, 0) + 1
                    result.kinds[kind].requests += 1
                continue
            seconds = time.perf_counter() - before
            differs = None
            if status == 200 and target.url in expected:
                differs = difference(target.url, body, expected)
            with lock:
                figures = result.kinds[kind]
                figures.requests += 1
                figures.latencies.append(seconds)
                figures.statuses[status] = figures.statuses.get(status, 0) + 1
                figures.body_bytes += len(body)
                if target.url in expected and status == 200:
                    result.searches_checked += 1
                if differs:
                    result.mismatches[target.url] += 1
                    if len(result.examples) < 10:
                        result.examples.append(differs)
        connection.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    for figures in result.kinds.values():
        figures.seconds = result.seconds
    return result


# --- Figures --------------------------------------------------------------------------------------


def _figures(loads: list[Load], seconds: float, server: list[float]) -> dict:
    latencies = [s * 1000 for load in loads for s in load.latencies]
    statuses: Counter = Counter()
    failures: Counter = Counter()
    for load in loads:
        statuses.update(load.statuses)
        failures.update(load.failures)
    requests = sum(load.requests for load in loads)

    def rounded(value):
        return None if value is None else round(value, 2)

    return {
        "requests": requests,
        "requests_per_second": round(requests / seconds, 1) if seconds else 0.0,
        **{f"p{p}": rounded(percentile(latencies, p)) for p in (50, 95, 99)},
        **{f"server_p{p}": rounded(percentile(server, p)) for p in (50, 95, 99)},
        "statuses": {str(status): n for status, n in sorted(statuses.items())},
        "server_errors": sum(n for status, n in statuses.items() if status >= 500),
        "other_errors": sum(n for status, n in statuses.items() if not 200 <= status < 500),
        "connection_errors": sum(failures.values()),
        "connection_error_kinds": dict(failures),
    }


def _logged_errors(server_log: str, kept: int = 3) -> list[str]:
    """The first ``kept`` errors the server logged (JSON lines at level ERROR, with their
    tracebacks), so that a failed run says what went wrong."""
    return [line[:4000] for line in server_log.splitlines() if '"level": "ERROR"' in line][:kept]


def lock_errors(*texts: str) -> list[str]:
    return [line for text in texts for line in text.splitlines() if "LockError" in line]


def run(
    *,
    duration: float = 30.0,
    clients: int = 16,
    workers: int | None = None,
    during_import: bool = False,
    corpus: Path | None = None,
    out=sys.stderr,
) -> dict:
    """Serve the bench database, load it, and return the figures and checks (JSON-ready)."""
    from django.core.management import CommandError, call_command

    corpus = Path(corpus or os.environ.get("CORPUS_DIR", PROJECT_DIR.parent / "shared" / "corpus"))
    archive = ensure_imported(corpus, out=out)
    targets = choose_targets()
    result: dict = {
        "settings": {"duration": duration, "clients": clients, "cores": os.cpu_count()},
        "archive": archive,
        "during_import": during_import,
        "targets": {kind: len(urls) for kind, urls in targets.items()},
    }
    with tempfile.TemporaryDirectory(prefix="load-") as workdir:
        server = Server(Path(workdir), workers)
        importer = None
        try:
            server.wait_until_serving()
            result["settings"]["workers"] = len(server.worker_pids)
            expected = baseline(server.port, targets)
            result["search_totals"] = {url: key[0] for url, key in expected.items()}
            import_log = Path(workdir) / "import.log"
            if during_import:
                command = [sys.executable, "manage.py", "import_resolutions", str(corpus)]
                with open(import_log, "wb") as log:
                    importer = subprocess.Popen(
                        [*command, "--force"],
                        cwd=PROJECT_DIR,
                        env=server_environment(),
                        stdin=subprocess.DEVNULL,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                print(f"re-importing {corpus} with --force during the load …", file=out)
            mixed = run_load(
                server.port,
                targets,
                expected,
                clients=clients,
                duration=duration,
                until=(lambda: importer.poll() is None) if importer else None,
            )
        finally:
            if importer is not None and importer.poll() is None:
                importer.kill()
                importer.wait()
            server.stop()
        times = server_times(server.access_log)
        server_log = server.error_log.read_text(errors="replace")
        import_output = import_log.read_text(errors="replace") if importer else ""

    result["seconds"] = round(mixed.seconds, 1)
    every_time = [seconds for kind in mixed.kinds for seconds in times.get(kind, [])]
    result["overall"] = _figures(list(mixed.kinds.values()), mixed.seconds, every_time)
    result["kinds"] = {
        kind: _figures([load], mixed.seconds, times.get(kind, []))
        for kind, load in mixed.kinds.items()
    }
    result["searches"] = {
        "checked": mixed.searches_checked,
        "differing": sum(mixed.mismatches.values()),
        "examples": mixed.examples,
    }
    result["server_log_tracebacks"] = server_log.count("Traceback")
    result["server_log_errors"] = _logged_errors(server_log)
    result["lock_errors"] = lock_errors(server_log, import_output)
    if importer is not None:
        result["import"] = {
            "status": importer.returncode,
            "summary": [line for line in import_output.splitlines() if "files)" in line][-1:],
        }
        output = io.StringIO()
        try:
            call_command("check_index", stdout=output)
            status = 0
        except CommandError as error:
            status = error.returncode
        result["check_index"] = {"status": status, "output": output.getvalue().splitlines()}
    result["failures"] = failures(result)
    return result


def failures(result: dict) -> list[str]:
    """Everything that makes the run fail, in words."""
    found = []
    overall = result["overall"]
    for key in ("server_errors", "other_errors", "connection_errors"):
        if overall[key]:
            found.append(f"{overall[key]} {key.replace('_', ' ')}")
    if result["searches"]["differing"]:
        found.append(f"{result['searches']['differing']} search answers differed")
    if result["server_log_tracebacks"]:
        found.append(f"{result['server_log_tracebacks']} tracebacks in the server log")
    if result["lock_errors"]:
        found.append(f"LockError: {result['lock_errors'][0]}")
    if "import" in result and result["import"]["status"] != 0:
        found.append(f"the import exited with status {result['import']['status']}")
    if "check_index" in result and result["check_index"]["status"] != 0:
        found.append("the search index differs from the database after the import")
    return found


def table(result: dict) -> str:
    def cell(value) -> str:
        return "—" if value is None else f"{value:,.1f}"

    lines = [
        "| kind | requests | req/s | p50 / p95 / p99 ms | server p50 / p95 / p99 ms "
        "| 5xx | other errors | connection errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in [*result["kinds"].items(), ("**overall**", result["overall"])]:
        lines.append(
            f"| {name} | {row['requests']:,} | {cell(row['requests_per_second'])} "
            f"| {cell(row['p50'])} / {cell(row['p95'])} / {cell(row['p99'])} "
            f"| {cell(row['server_p50'])} / {cell(row['server_p95'])} / {cell(row['server_p99'])} "
            f"| {row['server_errors']} | {row['other_errors']} | {row['connection_errors']} |"
        )
    settings, archive, searches = result["settings"], result["archive"], result["searches"]
    lines += [
        "",
        f"{settings['clients']} clients for {result['seconds']} s against {settings['workers']} "
        f"gunicorn workers on {settings['cores']} cores; archive {archive['database']}: "
        f"{archive['versions']:,} language versions, {archive['documents']:,} paragraphs "
        "and footnotes.",
        *(
            [f"Imported first, in {archive['import_seconds']} s: {archive['import_summary']}"]
            if archive["imported"]
            else []
        ),
        f"Search answers checked against the answers before the load: {searches['checked']:,}, "
        f"differing: {searches['differing']}.",
        *[f"  {example}" for example in searches["examples"]],
        f"LockError lines: {len(result['lock_errors'])}; tracebacks in the server log: "
        f"{result['server_log_tracebacks']}.",
    ]
    if "import" in result:
        lines.append(
            f"Re-import with --force: exit status {result['import']['status']}; "
            + " ".join(result["import"]["summary"])
        )
        lines.append(f"check_index afterwards: exit status {result['check_index']['status']}")
        lines += [f"  {line}" for line in result["check_index"]["output"]]
    lines.append("FAILED: " + "; ".join(result["failures"]) if result["failures"] else "OK")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=30.0, help="Seconds of load (at least).")
    parser.add_argument("--clients", type=int, default=16, help="Concurrent loopback clients.")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: the config's)."
    )
    parser.add_argument(
        "--during-import",
        action="store_true",
        help="Re-import the whole corpus with --force while the load runs.",
    )
    parser.add_argument(
        "--corpus", type=Path, help="Folder of resolution files (default: CORPUS_DIR)."
    )
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args(argv)
    setup_django("load")
    result = run(
        duration=args.duration,
        clients=args.clients,
        workers=args.workers,
        during_import=args.during_import,
        corpus=args.corpus,
    )
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else table(result))
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
