"""What the fault scenarios of ``bench.faults`` share: gunicorn serving the archive with an
environment of their own, the management commands run beside it, the pages its readers ask
for, and readers requesting them in threads while a fault happens, with what they were answered.
"""

import contextlib
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.server import PROJECT_DIR, Server, fetch

# Longer than any page takes, shorter than gunicorn's worker timeout: a request that has no
# answer by then counts as hung.
CLIENT_TIMEOUT = 10.0
RECOVERY_TIMEOUT = 60.0  # seconds a scenario waits for the service to answer again


# --- Readers ----------------------------------------------------------------------------------


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


def engine_at(index_dir: Path):
    """This process's search engine (``SEARCH_ENGINE``, which the servers and commands started
    from here inherit) on the index at ``index_dir``, to ask it what the index holds."""
    from search.engines import backend

    live = backend()
    return type(live)(live.connection_alias, **{**live.options, "PATH": str(index_dir)})


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
