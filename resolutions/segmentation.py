"""Chinese words as jieba cuts them, with its dictionary loaded once per process.

The search index cuts Chinese text into words (``search.analysis``), and so does the comparison
of two texts (``resolutions.wording``): both load jieba's dictionary here, from the project's own
cache folder, once per process (gunicorn preloads it in the master).
"""

import logging
import marshal
import threading
from pathlib import Path

import jieba

_init_lock = threading.Lock()
_initialized = False
_cache_dir: Path | None = None


def configure(cache_dir: Path) -> None:
    """Where jieba keeps its dictionary cache: the project's own folder, not /tmp."""
    global _cache_dir
    _cache_dir = cache_dir


def jieba_cache_dir() -> Path | None:
    return _cache_dir


class _WholeFileMarshal:
    """``marshal`` as jieba uses it, reading its dictionary cache in one piece: unmarshalling
    from a file object reads it a little at a time, three times slower, and that is most of the
    time a server takes to start."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


def initialize() -> None:
    """Load jieba's dictionary (its frequency table is empty until then), once per process."""
    global _initialized
    with _init_lock:
        if _initialized:
            return
        jieba.setLogLevel(logging.WARNING)
        if _cache_dir is not None:
            _cache_dir.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(_cache_dir)
        jieba.marshal = _WholeFileMarshal
        jieba.initialize()
        _initialized = True


def in_dictionary(word: str) -> bool:
    initialize()
    return jieba.dt.FREQ.get(word, 0) > 0
