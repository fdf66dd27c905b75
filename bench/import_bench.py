"""Import speed, end to end, with the share of each stage and the jieba limit beside it.

Every file goes through the importer exactly as ``import_resolutions`` runs it (parse, validate,
store in PostgreSQL, index in the configured engine). The stages are timed by wrapping the
importer's own stage functions for the duration of the run, so the shares come from the same run
as the total.

In the same run, the text of the paragraphs and footnotes (the first 50,000) is cut by jieba
alone, in one process, the way the index's word field cuts it: that rate is what the import
could approach if everything but segmentation cost nothing, and import/jieba is the headline
ratio.
"""

import resource
import time
from collections import defaultdict
from contextlib import contextmanager, suppress
from pathlib import Path

from django.conf import settings
from django.db.models import Sum
from django.db.models.functions import Length

from resolutions import importer
from resolutions.importer import Status, import_path
from resolutions.models import Footnote, Paragraph
from resolutions.parsing import read_source
from search import analysis
from search.indexing import BATCH_SIZE, IndexBatch

# The importer's stage functions, as the module calls them.
STAGES = {
    "parse": "read_source",
    "validate": "validate",
    "store": "store",
}


@contextmanager
def _timed_stages(seconds: dict[str, float]):
    """Wrap the importer's stage functions so each call adds its duration to ``seconds``; gives
    the wrapper, for the stage the importer is handed (the index)."""
    originals = {name: getattr(importer, attribute) for name, attribute in STAGES.items()}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - started

        return wrapper

    for name, attribute in STAGES.items():
        setattr(importer, attribute, timed(name, originals[name]))
    try:
        yield timed
    finally:
        for name, attribute in STAGES.items():
            setattr(importer, attribute, originals[name])


JIEBA_SAMPLE = 50_000  # texts: jieba's rate per character is the same on any larger corpus


def _texts(files: list[Path], limit: int = JIEBA_SAMPLE) -> tuple[list[str], int]:
    """The text of every paragraph and footnote of the files (the first ``limit`` or a few
    more), and how many are paragraphs."""
    texts, paragraphs = [], 0
    for path in files:
        if len(texts) >= limit:
            break
        for document in read_source(path.read_bytes()).documents:
            texts += [paragraph.text for paragraph in document.paragraphs]
            texts += [note.text for note in document.footnotes]
            paragraphs += len(document.paragraphs)
    return texts, paragraphs


def jieba_rate(texts: list[str]) -> dict:
    """Characters per second of jieba's precise cut alone over ``texts``."""
    analysis.initialize()
    started = time.perf_counter()
    words = 0
    for text in texts:
        words += sum(1 for _ in analysis.jieba.tokenize(text))
    seconds = time.perf_counter() - started
    characters = sum(len(text) for text in texts)
    return {
        "seconds": seconds,
        "characters": characters,
        "words": words,
        "characters_per_second": characters / seconds if seconds else 0.0,
    }


def reset_peak_rss() -> None:
    """Start the process's memory high-water mark afresh (Linux), so that the peak reported is
    this import's, not that of what the process did before it."""
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


def peak_rss_kb() -> int:
    """The process's largest resident size since ``reset_peak_rss``, in KiB."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(corpus: Path, *, index_batch: int = BATCH_SIZE) -> dict:
    """Import every file of ``corpus`` into the (empty) bench database and index, writing the
    index ``index_batch`` language versions at a time (1: a commit per file)."""
    files = sorted(path for path in corpus.iterdir() if path.is_file())
    jieba = jieba_rate(_texts(files)[0])
    reset_peak_rss()
    seconds: dict[str, float] = defaultdict(float)
    statuses: dict[str, int] = defaultdict(int)
    # As import_resolutions runs: indexed in batches, the last one written when the run ends.
    with _timed_stages(seconds) as timed:
        started = time.perf_counter()
        with IndexBatch(size=index_batch) as batch:
            to_index = timed("index", batch.take)
            for path in files:
                for result in import_path(path, on_stored=to_index).results:
                    statuses[result.status] += 1
            last_batch = time.perf_counter()
            batch.close()
            seconds["index"] += time.perf_counter() - last_batch
        total = time.perf_counter() - started
    if batch.problems:
        raise RuntimeError("; ".join(batch.problems))
    if failed := statuses.get(Status.FAILED):
        raise RuntimeError(f"{failed} generated file(s) failed to import")
    paragraphs = Paragraph.objects.count()
    footnotes = Footnote.objects.count()
    characters = sum(
        model.objects.aggregate(characters=Sum(Length("text")))["characters"] or 0
        for model in (Paragraph, Footnote)
    )
    accounted = sum(seconds.values())
    shares = {name: seconds[name] / total for name in STAGES}
    shares["other"] = max(0.0, (total - accounted) / total)
    rate = characters / total
    return {
        "files": len(files),
        "paragraphs": paragraphs,
        "footnotes": footnotes,
        "characters": characters,
        "seconds": total,
        "files_per_second": len(files) / total,
        "paragraphs_per_second": paragraphs / total,
        "characters_per_second": rate,
        "stage_seconds": {name: seconds[name] for name in STAGES},
        "stage_shares": shares,
        "jieba": jieba,
        "import_vs_jieba": rate / jieba["characters_per_second"],
        "statuses": {str(status): count for status, count in statuses.items()},
        "index_batch": index_batch,
        "engine": settings.SEARCH_ENGINE,
        # The import's own process, and the largest of the processes that analysed its text.
        "peak_rss_kb": peak_rss_kb(),
    }
