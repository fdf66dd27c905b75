"""The search index deleted, overwritten or cut short under a running gunicorn, for
``bench.faults``: what search, /healthz and the other pages answer meanwhile, and how soon search
finds its hits again once ``rebuild_index`` has rebuilt the index, without a restart."""

import os
import random
import time
from collections.abc import Callable
from pathlib import Path

from bench.server import Server, server_environment
from bench.traffic import (
    RECOVERY_TIMEOUT,
    Pages,
    Traffic,
    ask,
    engine_at,
    figures,
    manage,
    statuses,
)

UNAVAILABLE_MESSAGE = "The search index is unavailable"
# Each engine's files, by what they hold: the table of contents names the segments (Whoosh's
# ``*.toc``, tantivy's ``meta.json``), the segments hold the documents and their terms.
TABLE_OF_CONTENTS = {"whoosh": ("*.toc",), "tantivy": ("meta.json",)}
SEGMENTS = {
    "whoosh": ("*.seg",),
    "tantivy": ("*.idx", "*.term", "*.pos", "*.store", "*.fast", "*.fieldnorm"),
}


def index_files(index_dir: Path, kinds: dict[str, tuple[str, ...]]) -> list[Path]:
    """The engine's files of one kind in the index at ``index_dir``, through the link to its
    generation when it is one (as it is after ``rebuild_index``). Never none: a fault that found
    nothing to damage would damage nothing."""
    from search.engines import generations

    directory = Path(generations.resolved(index_dir))
    patterns = kinds[engine_at(index_dir).name]
    found = sorted({path for pattern in patterns for path in directory.glob(pattern)})
    if not found:
        raise RuntimeError(f"no {' '.join(patterns)} in {directory}")
    return found


def delete_index(index_dir: Path) -> None:
    """The index removed: the link and the generation it points to, or the directory."""
    from search.engines import generations

    generations.remove(index_dir)


def garbage_toc(index_dir: Path) -> None:
    for path in index_files(index_dir, TABLE_OF_CONTENTS):
        path.write_bytes(random.Random(path.name).randbytes(path.stat().st_size))


def garbage_segments(index_dir: Path) -> None:
    # Garbage over the data at the start of each segment file; the end of a large one survives.
    for path in index_files(index_dir, SEGMENTS):
        with open(path, "r+b") as segment:
            segment.write(random.Random(path.name).randbytes(min(path.stat().st_size, 64 * 1024)))


def truncate_segments(index_dir: Path) -> None:
    # Each segment file replaced by its first half, as a copy cut short by a full disk leaves
    # it. The cut copy is a new file: a search reading the old one at that moment finishes on it
    # (both engines map segments into memory, and a mapped file cut short in place would kill
    # the process reading past its new end with SIGBUS; gunicorn would replace the worker).
    for path in index_files(index_dir, SEGMENTS):
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
    processes = server.alive_processes()
    before = {"hits": search_hits(server.port, pages)}
    with Traffic(server.port, [pages.search + "&format=json", *pages.reading]) as traffic:
        time.sleep(0.3)
        traffic.mark("fault")
        INDEX_FAULTS[fault](index_dir)
        during = probe_search(server.port, pages)
        # Search must not have made a new, empty index (or even its directory) where the deleted
        # one was.
        during["index_recreated"] = fault == "deleted" and (
            os.path.lexists(index_dir) or engine_at(index_dir).index_exists()
        )
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
        "same_processes": server.alive_processes() == processes,
    }
