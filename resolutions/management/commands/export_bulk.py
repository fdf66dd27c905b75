"""Write the whole archive as one download for /downloads/.

Usage::

    python manage.py export_bulk [--dir DIR]

Writes ``un-resolutions.jsonl.gz`` (gzip-compressed JSON Lines: one language version per line,
as ``export_resolution --format json`` prints it) and ``un-resolutions.manifest.json`` (count,
generated_at, sha256, size) to BULK_DIR (default ``var/bulk``), or to DIR. The file replaces the
previous one only once it is complete. ``import_resolutions`` runs this after every import that
added or replaced a text.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from resolutions.bulk import write_bulk


class Command(BaseCommand):
    help = "Export every language version to a gzip-compressed JSON Lines file for download."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            dest="directory",
            type=Path,
            help="Directory to write to (default: the BULK_DIR setting, var/bulk).",
        )

    def handle(self, *args, directory, **options):
        directory = directory or Path(settings.BULK_DIR)
        show_progress = self.stderr.isatty()
        try:
            manifest = write_bulk(directory, progress=self._progress if show_progress else None)
        except OSError as error:
            raise CommandError(f"could not write the bulk file to {directory}: {error}") from error
        if show_progress:
            self.stderr.write("")
        self.stdout.write(
            f"{manifest.count} language versions written to {directory / manifest.file} "
            f"({filesizeformat(manifest.size)}, sha256 {manifest.sha256})"
        )

    def _progress(self, done: int, total: int) -> None:
        if done % 50 and done != total:
            return
        width = 30
        filled = width * done // max(total, 1)
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stderr.flush()
