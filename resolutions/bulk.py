"""The whole archive as one download: gzip-compressed JSON Lines, one language version per line
in the form ``export_resolution --format json`` prints (``resolutions.exports.export_version``),
and a small manifest beside it (count, generated_at, sha256, size).

The file is written under a temporary name in the same directory and renamed into place, so a
download never sees half a file and a failed export leaves the previous one as it was.
"""

import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from .exports import export_version
from .models import LanguageVersion, Resolution

FILE_NAME = "un-resolutions.jsonl.gz"
MANIFEST_NAME = "un-resolutions.manifest.json"
# Versions fetched (with their paragraphs, footnotes and citations) per round trip.
CHUNK_SIZE = 50
# Level 6 makes a file within a few per cent of level 9's in a fraction of the time.
COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Manifest:
    file: str
    count: int
    generated_at: str  # ISO 8601, UTC
    sha256: str  # of the compressed file, as downloaded
    size: int  # bytes of the compressed file

    @property
    def generated(self) -> datetime:
        return datetime.fromisoformat(self.generated_at)


def _versions():
    ordering = (f"resolution__{field}" for field in Resolution._meta.ordering)
    return LanguageVersion.objects.with_contents().order_by(*ordering, "language")


def _atomic_write(path: Path, write: Callable) -> None:
    """Call ``write`` with a binary file that becomes ``path`` only once it is complete."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 — closed below, renamed or removed
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o644)  # readable by the web server, like any static file
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def write_bulk(directory: Path, progress: Callable[[int, int], None] | None = None) -> Manifest:
    """Export every language version to ``directory``/un-resolutions.jsonl.gz and its manifest;
    ``progress(done, total)`` is called as versions are written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / FILE_NAME
    versions = _versions()
    total = versions.count()
    count = 0

    def write(raw) -> None:
        nonlocal count
        with gzip.GzipFile(
            filename=FILE_NAME.removesuffix(".gz"),
            mode="wb",
            fileobj=raw,
            compresslevel=COMPRESS_LEVEL,
        ) as compressed:
            for version in versions.iterator(chunk_size=CHUNK_SIZE):
                line = json.dumps(export_version(version), ensure_ascii=False)
                compressed.write(line.encode("utf-8") + b"\n")
                count += 1
                if progress:
                    progress(count, total)

    _atomic_write(path, write)
    manifest = Manifest(
        file=FILE_NAME,
        count=count,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        sha256=_sha256(path),
        size=path.stat().st_size,
    )
    body = json.dumps(asdict(manifest), indent=2).encode() + b"\n"
    _atomic_write(directory / MANIFEST_NAME, lambda file: file.write(body))
    return manifest


def read_manifest(directory: Path) -> Manifest | None:
    """The manifest of the file in ``directory``; None when no complete export is there."""
    directory = Path(directory)
    try:
        data = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
        manifest = Manifest(**{name: data[name] for name in Manifest.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return manifest if (directory / FILE_NAME).is_file() else None
