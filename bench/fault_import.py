"""``import_resolutions`` SIGKILLed at chosen points, for ``bench.faults``: whether the database
then holds each file whole or not at all, how the search index differs from it, and whether the
import run again and ``check_index --repair`` bring the two back in step."""

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.server import PROJECT_DIR, server_environment
from bench.traffic import engine_at, manage


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
    from resolutions.models import Footnote, LanguageVersion, Paragraph

    stored = set(LanguageVersion.objects.values_list("id", flat=True))
    expected = Paragraph.objects.count() + Footnote.objects.count()
    engine = engine_at(index_dir)
    if not engine.index_exists():
        return {"missing": len(stored), "stale": 0, "documents": 0, "expected": expected}
    indexed = {int(document["version"]) for document in engine.stored_documents()}
    documents = engine.document_count()
    return {
        "missing": len(stored - indexed),
        "stale": len(indexed - stored),
        "documents": documents,
        "expected": expected,
    }


def empty_archive(index_dir: Path) -> None:
    from resolutions.models import Resolution
    from search.engines import generations

    Resolution.objects.all().delete()
    generations.remove(index_dir)


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
