"""Index generations: a whole index is built beside the live one and swapped in atomically.

``SEARCH_INDEX_DIR`` is where every process opens the index. ``rebuild_index`` writes a new
index into a sibling directory (``.whoosh_index.20261202T150102-4711``) and then points
``SEARCH_INDEX_DIR`` at it with a symbolic link replaced in one ``rename``: a reader opens
either the old index or the new one, never a half-built or an empty one. Readers notice the
switch (``resolved``) and open the new generation at their next search. The generation
replaced is kept until the next rebuild, for searches still reading it; older ones are removed.

All writers of one index, imports and rebuilds alike, take the same lock (``writing``), so an
import never writes into a generation that is about to be replaced.
"""

import ctypes
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def resolved(path: Path) -> str:
    """The directory ``path`` stands for now (through the link, when it is one)."""
    return os.path.realpath(path)


def _siblings(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*-gen"))


def new_generation(path: Path) -> Path:
    """An empty directory beside ``path`` for a new generation of its index."""
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    generation = path.parent / f".{path.name}.{stamp}-{os.getpid()}-{time.monotonic_ns()}-gen"
    generation.mkdir()
    return generation


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False
    where the C library or the filesystem cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return (
        renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0
    )


def swap_in(path: Path, generation: Path) -> None:
    """Make ``path`` stand for ``generation`` in one atomic step, and remove the generations
    before the one it replaces."""
    previous = Path(resolved(path)) if path.exists() or path.is_symlink() else None
    link = path.parent / f".{path.name}.{os.getpid()}.link"
    link.unlink(missing_ok=True)
    link.symlink_to(generation.name)
    if path.exists() and not path.is_symlink():
        # An index made in place (first run, or an older layout) becomes a generation itself:
        # the link and the directory trade names in one step, so a reader finds one or the
        # other. Where that cannot be done, for the instant between two renames the path is
        # missing, and a search answers "unavailable".
        moved = path.parent / f".{path.name}.{time.strftime('%Y%m%dT%H%M%S')}-moved-gen"
        if _exchange(link, path):
            link.rename(moved)
        else:
            path.rename(moved)
            os.replace(link, path)
        previous = moved
    else:
        os.replace(link, path)
    for old in _siblings(path):
        if old not in (generation, previous):
            shutil.rmtree(old, ignore_errors=True)


def remove(path: Path) -> None:
    """Remove the index at ``path``: the link and every generation beside it, or the
    directory."""
    if path.is_symlink():
        target = Path(resolved(path))
        path.unlink()
        shutil.rmtree(target, ignore_errors=True)
    elif path.exists():
        shutil.rmtree(path)
    for old in _siblings(path):
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Hold the write lock of the index at ``path`` (waiting for another writer to finish)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".{path.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
