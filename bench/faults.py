"""What the archive does under faults, shown on a real gunicorn: the search index deleted or
corrupted while serving, PostgreSQL restarted while serving, an import killed halfway.

Usage::

    .venv/bin/python -m bench.faults [--workers 2] [--kills 5]     # or: make faults

The archive is imported afresh into a database and search index of its own (``BENCH_DATABASE``,
default ``archive_faults``, and ``BENCH_DIR/index``, default ``var/faults/index``); the PostgreSQL
restart runs on a private cluster of its own, started from the embedded server's binaries in a
temporary directory, so no shared server is ever stopped. Each scenario prints the requests made
during the fault, their statuses, and the time the service took to recover. ``tests/test_faults.py``
runs the same scenarios, bounded.
"""

import argparse
import contextlib
import hashlib
import http.client
import json
import os
import pwd
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.server import PROJECT_DIR, Server, alive, children, fetch, free_port

CORPUS_DIR = Path(os.environ.get("CORPUS_DIR", PROJECT_DIR.parent / "shared" / "corpus"))
# Longer than any page takes, shorter than gunicorn's worker timeout: a request that has no
# answer by then counts as hung.
CLIENT_TIMEOUT = 10.0
RECOVERY_TIMEOUT = 60.0
UNAVAILABLE_MESSAGE = "The search index is unavailable"
DATABASE_MESSAGE = "database cannot be reached"


# --- Clients ----------------------------------------------------------------------------------


@dataclass
class Answer:
    """One request: when it was made (seconds from the start of the traffic), what it asked for
    and what came back: a status, or the name of the error when nothing did."""

    at: float
    url: str
    status: int | None
    error: str | None
    seconds: float
    body: bytes = b""
    found: int | None = None  # the hits a JSON search reported

    @property
    def search(self) -> bool:
        return self.url.startswith("/search/")


def ask(port: int, url: str, timeout: float = CLIENT_TIMEOUT) -> Answer:
    started = time.perf_counter()
    try:
        status, body = fetch(port, url, page="faults", timeout=timeout)
        answer = Answer(0.0, url, status, None, time.perf_counter() - started, body)
        if status == 200 and "format=json" in url:
            answer.found = json.loads(body)["total"]
        return answer
    except (OSError, http.client.HTTPException) as error:  # refused, reset, timed out, cut off
        return Answer(0.0, url, None, type(error).__name__, time.perf_counter() - started)


class Traffic:
    """Clients requesting the given URLs in turn, in threads, until stopped: what a server sees
    from its readers while a fault happens. Bounded by ``max_requests``."""

    def __init__(self, port: int, urls: list[str], *, clients: int = 2, max_requests: int = 2000):
        self.port, self.urls, self.max_requests = port, urls, max_requests
        self.answers: list[Answer] = []
        self.marks: dict[str, float] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(clients)
        ]
        self.started = time.perf_counter()

    def now(self) -> float:
        return time.perf_counter() - self.started

    def mark(self, name: str) -> None:
        self.marks[name] = self.now()

    def _client(self, offset: int) -> None:
        turn = offset
        while not self._stop.is_set():
            with self._lock:
                if len(self.answers) >= self.max_requests:
                    return
            at = self.now()
            answer = ask(self.port, self.urls[turn % len(self.urls)])
            answer.at, answer.body = at, answer.body[:2000]
            with self._lock:
                self.answers.append(answer)
            turn += 1
            time.sleep(0.02)

    def __enter__(self) -> "Traffic":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(CLIENT_TIMEOUT + 5)

    def between(self, start: str | None, end: str | None) -> list[Answer]:
        low = self.marks[start] if start else 0.0
        high = self.marks[end] if end else float("inf")
        return [a for a in self.answers if low <= a.at < high]


def statuses(answers: list[Answer]) -> dict[str, int]:
    """How many answers had each status (or error name), e.g. {"200": 41, "503": 12}."""
    return dict(Counter(str(a.status) if a.status else a.error for a in answers))


def figures(answers: list[Answer]) -> dict:
    """Requests, their statuses, and the slowest answer; searches and other pages apart, with
    the searches that answered 200 but found nothing (an index being rebuilt)."""
    searches = [a for a in answers if a.search]
    pages = [a for a in answers if not a.search]
    result = {
        "requests": len(answers),
        "statuses": statuses(answers),
        "slowest": round(max((a.seconds for a in answers), default=0.0), 3),
    }
    if searches:
        result["search"] = statuses(searches)
        result["empty_searches"] = sum(1 for a in searches if a.found == 0)
        result["pages"] = statuses(pages)
    return result


# --- The archive under test -------------------------------------------------------------------


def manage(*arguments: str, env: dict[str, str], timeout: float = 300) -> tuple[int, str, float]:
    """``manage.py`` in a subprocess with the server's settings: (status, output, seconds)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - started


def server_environment(**extra: str) -> dict[str, str]:
    """The environment gunicorn and the management commands run with: the bench settings on
    the database this process uses and the index under ``BENCH_DIR``."""
    from django.db import connection

    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        BENCH_DATABASE=connection.settings_dict["NAME"],
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


@contextlib.contextmanager
def serving(workdir: Path, workers: int, **environment: str) -> Iterator[Server]:
    """gunicorn as deployed, with ``environment`` set for it, always stopped."""
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        server = Server(workdir, workers)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    try:
        server.wait_until_serving()
        yield server
    finally:
        server.stop()


@dataclass
class Pages:
    """URLs of the archive that need no search index, and a search that finds something."""

    reading: list[str]
    query: str

    @property
    def search(self) -> str:
        return f"/search/?q={self.query}"


def choose_pages() -> Pages:
    """A resolution page, one of its paragraph pages and its session's list, from the
    database; the search looks for a word of that paragraph."""
    from resolutions.models import Paragraph

    paragraph = (
        Paragraph.objects.select_related("version__resolution")
        .filter(version__language="en", kind="operative")
        .order_by("version__resolution__symbol", "position")
        .first()
    )
    if paragraph is None:
        raise RuntimeError("no English operative paragraph in the archive: import some first")
    resolution = paragraph.version.resolution
    listing = f"/ga/{resolution.session}/" if resolution.body == "GA" else "/sc/"
    return Pages(
        reading=[
            paragraph.version.get_absolute_url(),
            paragraph.get_absolute_url(),
            listing,
        ],
        query="security",
    )


def _alive_processes(server: Server) -> list[int]:
    return [pid for pid in [server.pid, *children(server.pid)] if alive(pid)]


# --- Faults of the search index ---------------------------------------------------------------


def delete_index(index_dir: Path) -> None:
    shutil.rmtree(index_dir)


def garbage_toc(index_dir: Path) -> None:
    for path in index_dir.glob("*.toc"):
        path.write_bytes(random.Random(path.name).randbytes(path.stat().st_size))


def garbage_segments(index_dir: Path) -> None:
    # Garbage over the data at the start of each segment; its directory, at the end, survives.
    for path in index_dir.glob("*.seg"):
        with open(path, "r+b") as segment:
            segment.write(random.Random(path.name).randbytes(min(path.stat().st_size, 64 * 1024)))


def truncate_segments(index_dir: Path) -> None:
    # Each segment replaced by its first half, as a copy cut short by a full disk leaves it. The
    # cut copy is a new file: a search reading the old one at that moment finishes on it (Whoosh
    # maps segments into memory, and a mapped file cut short in place would kill the process
    # reading past its new end with SIGBUS; gunicorn would replace the worker).
    for path in index_dir.glob("*.seg"):
        cut = path.with_name(path.name + ".cut")
        cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        cut.replace(path)


INDEX_FAULTS: dict[str, Callable[[Path], None]] = {
    "deleted": delete_index,
    "table of contents overwritten": garbage_toc,
    "segments overwritten": garbage_segments,
    "segments truncated": truncate_segments,
}


def probe_search(port: int, pages: Pages, repeats: int = 3) -> dict:
    """The search page, its JSON and /healthz, each asked ``repeats`` times (so that every
    worker answers), and the pages that need no index."""
    html = [ask(port, pages.search) for _ in range(repeats)]
    as_json = [ask(port, pages.search + "&format=json") for _ in range(repeats)]
    health = [ask(port, "/healthz") for _ in range(repeats)]
    reading = [ask(port, url) for url in pages.reading for _ in range(repeats)]
    return {
        "search_html": statuses(html),
        "search_html_says_unavailable": all(
            UNAVAILABLE_MESSAGE.encode() in a.body for a in html if a.status == 503
        ),
        "search_json": statuses(as_json),
        "search_json_bodies": sorted({a.body.decode(errors="replace") for a in as_json}),
        "healthz": statuses(health),
        "healthz_bodies": sorted({a.body.decode(errors="replace") for a in health}),
        "reading": statuses(reading),
    }


def search_hits(port: int, pages: Pages) -> int | None:
    """The number of hits the JSON search reports, or None when it does not answer 200."""
    return ask(port, pages.search + "&format=json").found


def index_fault(server: Server, index_dir: Path, pages: Pages, fault: str) -> dict:
    """Damage the index under the running server, look at what it answers, rebuild the index
    with ``rebuild_index`` and wait for search to find its hits again, without restarting."""
    from whoosh import index as whoosh_index

    processes = _alive_processes(server)
    before = {"hits": search_hits(server.port, pages)}
    with Traffic(server.port, [pages.search + "&format=json", *pages.reading]) as traffic:
        time.sleep(0.3)
        traffic.mark("fault")
        INDEX_FAULTS[fault](index_dir)
        during = probe_search(server.port, pages)
        # Search must not have made a new, empty index where the deleted one was.
        during["index_recreated"] = fault == "deleted" and whoosh_index.exists_in(index_dir)
        traffic.mark("rebuild")
        status, output, seconds = manage("rebuild_index", "--noinput", env=server_environment())
        traffic.mark("rebuilt")
        deadline = time.perf_counter() + RECOVERY_TIMEOUT
        hits = search_hits(server.port, pages)
        while not hits and time.perf_counter() < deadline:
            time.sleep(0.1)
            hits = search_hits(server.port, pages)
        traffic.mark("recovered")
        time.sleep(0.3)
    after = probe_search(server.port, pages)
    after["hits"] = hits
    return {
        "fault": fault,
        "before": before,
        "during": during,
        "rebuild": {"status": status, "seconds": round(seconds, 2), "output": output[-2000:]},
        "after": after,
        "recovery_after_rebuild": round(traffic.marks["recovered"] - traffic.marks["rebuilt"], 2),
        "traffic_during_fault": figures(traffic.between("fault", "rebuild")),
        "traffic_during_rebuild": figures(traffic.between("rebuild", "rebuilt")),
        "traffic_after": figures(traffic.between("recovered", None)),
        "same_processes": _alive_processes(server) == processes,
    }


# --- PostgreSQL restarted under the server ----------------------------------------------------


class PrivatePostgres:
    """A PostgreSQL cluster of its own, from the embedded server's binaries, in ``workdir``,
    listening on a free loopback port: one this benchmark may stop and start."""

    def __init__(self, workdir: Path) -> None:
        from config.embedded_postgres import _pgserver

        pgserver = _pgserver()
        self.bin = Path(pgserver.__file__).parent / "pginstall" / "bin"
        self.data = workdir / "pgdata"
        self.log = workdir / "postgres.log"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root: the embedded server's user
            from pgserver.utils import ensure_user_exists

            self.user = ensure_user_exists("pgserver").pw_name
        self.data.mkdir(mode=0o700)
        self.log.touch()
        if self.user:
            account = pwd.getpwnam(self.user)
            for path in (workdir, self.data, self.log):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", self.data, "--auth=trust", "-U", "postgres", "--no-sync")

    def _run(self, program: str, *arguments) -> None:
        subprocess.run(
            [self.bin / program, *map(str, arguments)],
            check=True,
            capture_output=True,
            user=self.user,
            timeout=120,
        )

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k '' -c fsync=off"
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")


@contextlib.contextmanager
def private_postgres(database: str, files: list[Path]) -> Iterator[PrivatePostgres]:
    """A private cluster holding ``database`` with ``files`` imported (without the search
    index), removed afterwards."""
    import psycopg

    workdir = Path(tempfile.mkdtemp(prefix="faults-postgres-"))
    os.chmod(workdir, 0o755)
    cluster = None
    try:
        cluster = PrivatePostgres(workdir)
        cluster.start()
        with psycopg.connect(cluster.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{database}"')
        env = server_environment(DATABASE_URL=cluster.url(), SEARCH_INDEX_ON_IMPORT="0")
        for command in (("migrate", "--noinput"), ("import_resolutions", *map(str, files))):
            status, output, _ = manage(*command, env=env)
            if status:
                raise RuntimeError(f"{command[0]} on the private cluster failed:\n{output}")
        yield cluster
    finally:
        if cluster:
            cluster.remove()
        shutil.rmtree(workdir, ignore_errors=True)


def database_restart(
    server: Server, cluster: PrivatePostgres, pages: Pages, outage: float = 3.0
) -> dict:
    """Stop PostgreSQL (fast shutdown) while clients read pages, keep it down for ``outage``
    seconds, start it again and wait for the first page read from it."""
    processes = _alive_processes(server)
    with Traffic(server.port, pages.reading, clients=3) as traffic:
        time.sleep(1.0)
        traffic.mark("stop")
        cluster.stop()
        traffic.mark("stopped")
        time.sleep(outage)
        traffic.mark("start")
        cluster.start()
        traffic.mark("started")
        deadline = time.perf_counter() + RECOVERY_TIMEOUT
        while time.perf_counter() < deadline:
            if any(a.status == 200 for a in traffic.between("started", None)):
                break
            time.sleep(0.02)
        first = min(
            (a.at + a.seconds for a in traffic.between("started", None) if a.status == 200),
            default=None,
        )
        time.sleep(1.0)
        traffic.mark("end")
    stop, start = traffic.marks["stop"], traffic.marks["started"]
    # Requests in flight while pg_ctl stops or starts the server may go either way; those made
    # wholly while it was down, and wholly after the first page read from it again, may not.
    down = [a for a in traffic.between("stopped", "start") if a.at + a.seconds < start]
    settled = [a for a in traffic.between("started", "end") if first and a.at >= first]
    return {
        "outage_seconds": round(start - stop, 2),
        "before": figures([a for a in traffic.between(None, "stop") if a.at + a.seconds < stop]),
        "during": figures(traffic.between("stop", "started")),
        "while_down": figures(down),
        "during_bodies_say_database": all(
            DATABASE_MESSAGE.encode() in a.body
            for a in traffic.between("stop", "started")
            if a.status == 503
        ),
        "all": figures(traffic.answers),
        "recovery_after_start": round(first - traffic.marks["started"], 3) if first else None,
        "recovery_after_stop": round(first - traffic.marks["stop"], 3) if first else None,
        "after": figures(settled),
        "same_processes": _alive_processes(server) == processes,
    }


# --- An import killed halfway -----------------------------------------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def database_problems(files: list[Path]) -> dict:
    """Whether the database holds each file whole or not at all: every stored language version
    has exactly the paragraphs, footnotes and structure that parsing its source gives, each
    file's resolutions are all there or none is, and no resolution is stored without a text."""
    from resolutions.alignment import structure_of
    from resolutions.importer import stored_structure
    from resolutions.models import LanguageVersion, Resolution
    from resolutions.parsing import read_source

    by_name = {path.name: path for path in files}
    parsed = {path.name: read_source(path.read_bytes()).documents for path in files}
    problems = []
    stored = set()
    for version in LanguageVersion.objects.select_related("resolution"):
        stored.add((version.resolution.symbol, version.language))
        path = by_name.get(version.source_name)
        if path is None:
            problems.append(f"{version}: from {version.source_name}, not one of the files")
            continue
        document = next(
            (
                d
                for d in parsed[path.name]
                if (d.symbol, d.language) == (version.resolution.symbol, version.language)
            ),
            None,
        )
        if document is None:
            problems.append(f"{version}: not in {path.name}")
            continue
        if version.source_sha256 != digest(path):
            problems.append(f"{version}: source digest differs from {path.name}")
        paragraphs = list(version.paragraphs.order_by("position").values_list("eid", "text"))
        footnotes = list(version.footnotes.order_by("position").values_list("marker", "text"))
        if paragraphs != [(p.eid, p.text) for p in document.paragraphs]:
            problems.append(f"{version}: paragraphs differ from {path.name}")
        if footnotes != [(f.marker, f.text) for f in document.footnotes]:
            problems.append(f"{version}: footnotes differ from {path.name}")
        if stored_structure(version) != structure_of(document):
            problems.append(f"{version}: structure differs from {path.name}")
    whole = partial = 0
    for name, documents in parsed.items():
        present = [(d.symbol, d.language) in stored for d in documents]
        if all(present) and present:
            whole += 1
        elif any(present):
            partial += 1
            problems.append(f"{name}: only part of its resolutions are stored")
    orphans = list(Resolution.objects.filter(versions=None).values_list("symbol", flat=True))
    problems += [f"{symbol}: a resolution without any text" for symbol in orphans]
    return {
        "versions": len(stored),
        "files_whole": whole,
        "files_partial": partial,
        "problems": problems,
    }


def index_gaps(index_dir: Path) -> dict:
    """How the search index differs from the database: language versions stored but not
    indexed, versions indexed but no longer stored, and the document counts."""
    from whoosh import index as whoosh_index

    from resolutions.models import Footnote, LanguageVersion, Paragraph

    stored = set(LanguageVersion.objects.values_list("id", flat=True))
    expected = Paragraph.objects.count() + Footnote.objects.count()
    if not whoosh_index.exists_in(index_dir):
        return {"missing": len(stored), "stale": 0, "documents": 0, "expected": expected}
    with whoosh_index.open_dir(index_dir).searcher() as searcher:
        indexed = {int(term) for term in searcher.reader().field_terms("version")}
        documents = searcher.doc_count()
    return {
        "missing": len(stored - indexed),
        "stale": len(indexed - stored),
        "documents": documents,
        "expected": expected,
    }


def empty_archive(index_dir: Path) -> None:
    from resolutions.models import Resolution

    Resolution.objects.all().delete()
    shutil.rmtree(index_dir, ignore_errors=True)


def import_command(files: list[Path]) -> list[str]:
    return [sys.executable, "manage.py", "import_resolutions", *map(str, files)]


def killed_import(files: list[Path], after_files: int, delay: float) -> dict:
    """``import_resolutions`` in a process group of its own, SIGKILLed ``delay`` seconds after
    it reported its ``after_files``-th imported file (after starting, for 0), unless it had
    finished by then."""
    started = time.perf_counter()
    process = subprocess.Popen(
        import_command(files),
        cwd=PROJECT_DIR,
        env=server_environment(SEARCH_INDEX_ON_IMPORT="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    reported = 0
    try:
        if after_files:
            for line in process.stdout:
                reported += line.startswith(b"imported ")
                if reported >= after_files:
                    break
        time.sleep(delay)
    finally:
        # The whole group: the command and any process analysing an index batch for it.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
    return {
        "after_files": after_files,
        "delay": round(delay, 2),
        "killed": process.returncode == -signal.SIGKILL,
        "seconds": round(time.perf_counter() - started, 2),
    }


def check_index(*arguments: str) -> tuple[int, str]:
    status, output, _ = manage("check_index", *arguments, env=server_environment())
    return status, output


def import_kills(files: list[Path], index_dir: Path, kills: list[tuple[int, float]]) -> dict:
    """Kill an import of ``files`` at each point (``killed_import``'s files reported, delay),
    from an empty archive each time, and check what each kill left; then import once more
    without emptying, to completion, and bring the search index in step with check_index."""
    rounds = []
    for after_files, delay in kills:
        empty_archive(index_dir)
        outcome = killed_import(files, after_files, delay)
        outcome["database"] = database_problems(files)
        outcome["index"] = index_gaps(index_dir)
        rounds.append(outcome)
    status, output, seconds = manage(
        "import_resolutions", *map(str, files), env=server_environment(SEARCH_INDEX_ON_IMPORT="1")
    )
    second = {
        "status": status,
        "seconds": round(seconds, 2),
        "summary": output.strip().splitlines()[-1] if output.strip() else "",
        "database": database_problems(files),
        "index": index_gaps(index_dir),
    }
    found_status, found_output = check_index()
    repair_status, repair_output = check_index("--repair")
    return {
        "files": len(files),
        "rounds": rounds,
        "second_import": second,
        "check_index": {"status": found_status, "output": found_output[-1500:]},
        "repair": {"status": repair_status, "output": repair_output[-1500:]},
        "after_repair": {"index": index_gaps(index_dir)},
    }


# --- The command ------------------------------------------------------------------------------


def import_files() -> list[Path]:
    """The English General Assembly texts of the shared corpus (one resolution each)."""
    return sorted((CORPUS_DIR / "en" / "ga").glob("*.txt"))


def prepare_archive(files: list[Path]) -> None:
    """The bench database and index made afresh, holding exactly ``files``."""
    from django.core.management import call_command

    from bench.run import reset_archive

    reset_archive()
    call_command("import_resolutions", *map(str, files), verbosity=0)


def run(workers: int = 2, kills: int = 5, seed: int = 7) -> dict:
    from django.conf import settings
    from django.db import connection

    index_dir = Path(settings.SEARCH_INDEX_DIR)
    files = import_files()
    prepare_archive(files[:8])
    pages = choose_pages()
    result: dict = {"workers": workers, "index": []}
    with serving(index_dir.parent, workers) as server:
        for fault in INDEX_FAULTS:
            result["index"].append(index_fault(server, index_dir, pages, fault))
    restart_dir = index_dir.parent / "postgres-restart"  # gunicorn's logs of that scenario
    restart_dir.mkdir(exist_ok=True)
    with (
        private_postgres(connection.settings_dict["NAME"], files[:8]) as cluster,
        serving(restart_dir, workers, DATABASE_URL=cluster.url()) as server,
    ):
        result["database"] = database_restart(server, cluster, pages)
    choice = random.Random(seed)
    points = sorted((choice.randint(0, len(files)), choice.uniform(0, 0.5)) for _ in range(kills))
    result["import"] = import_kills(files, index_dir, points)
    return result


def _traffic(figures: dict) -> str:
    return (
        f"search {figures.get('search', {})} ({figures.get('empty_searches', 0)} found nothing), "
        f"pages {figures.get('pages', {})}"
    )


def print_report(result: dict) -> None:
    print(f"## Search index faults (gunicorn, {result['workers']} workers)\n")
    print(
        "| fault | search | json | healthz | pages | index recreated | rebuild | "
        "recovery after rebuild | traffic during fault | during rebuild | same processes |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in result["index"]:
        d = r["during"]
        print(
            f"| {r['fault']} | {d['search_html']} | {d['search_json']} | {d['healthz']} | "
            f"{d['reading']} | {d['index_recreated']} | status {r['rebuild']['status']}, "
            f"{r['rebuild']['seconds']} s | {r['recovery_after_rebuild']} s, "
            f"{r['after']['hits']} hits | {_traffic(r['traffic_during_fault'])} | "
            f"{_traffic(r['traffic_during_rebuild'])} | {r['same_processes']} |"
        )
    db = result["database"]
    print("\n## PostgreSQL stopped (fast) and started again under gunicorn\n")
    print(f"- outage: {db['outage_seconds']} s from `pg_ctl stop` to the end of `pg_ctl start`")
    print(f"- before: {db['before']}")
    print(f"- while it was down: {db['while_down']}")
    print(
        f"- from `pg_ctl stop` to the end of `pg_ctl start`: {db['during']} (503 pages name "
        f"the database: "
        f"{db['during_bodies_say_database']})"
    )
    print(
        f"- first 200 {db['recovery_after_start']} s after PostgreSQL was back "
        f"({db['recovery_after_stop']} s after it was stopped); gunicorn not restarted: "
        f"{db['same_processes']}"
    )
    print(f"- after recovery: {db['after']}")
    imp = result["import"]
    print(f"\n## import_resolutions SIGKILLed ({imp['files']} files)\n")
    print("| killed | when | versions stored | files whole | partial | problems | not indexed |")
    print("|---|---|---|---|---|---|---|")
    for r in imp["rounds"]:
        print(
            f"| {r['killed']} | {r['delay']} s after file {r['after_files']} ({r['seconds']} s) "
            f"| {r['database']['versions']} | "
            f"{r['database']['files_whole']} | {r['database']['files_partial']} | "
            f"{len(r['database']['problems'])} | {r['index']['missing']} |"
        )
    second = imp["second_import"]
    print(
        f"\n- import again: status {second['status']}, {second['summary']}; problems "
        f"{len(second['database']['problems'])}; index afterwards {second['index']}"
    )
    print(
        f"- check_index: status {imp['check_index']['status']}; --repair: status "
        f"{imp['repair']['status']}; afterwards {imp['after_repair']}"
    )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--kills", type=int, default=5, help="imports to kill")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    # A database and index of its own, so that the benchmarks' generated corpus and this
    # script's never meet (the bench settings read both names from the environment).
    os.environ.setdefault("BENCH_DATABASE", "archive_faults")
    os.environ.setdefault("BENCH_DIR", str(PROJECT_DIR / "var" / "faults"))
    import django

    django.setup()
    result = run(workers=options.workers, kills=options.kills)
    print_report(result)
    if options.json:
        options.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return result


if __name__ == "__main__":
    main()
