"""Import resolution files into the archive, and index what was stored.

Usage::

    python manage.py import_resolutions PATH [PATH ...] [--lang zh] [--lenient]
                                        [--strict-alignment] [--force] [--report] [--no-bulk]
                                        [--metadata FILE ...]

Each PATH is a file or a directory searched recursively. The layout and language of every file
are detected from its content; files that are not a resolution in a supported layout are listed
as skipped with the reason. Each file is imported in its own transaction: a file that fails
leaves the database as it was. A file holding several resolutions (an Official Records extract)
imports each complete one and lists the fragments it left out. A language version whose
structure differs from another language version already in the archive is reported; with
--strict-alignment it fails. A file whose bytes have not changed since it was imported is left
as it is, unless --force is given: then every text is parsed, stored and indexed again (what to
run after upgrading the parsers), and reported as replaced. When any text was imported or
replaced, the bulk download (see export_bulk) is written again, unless --no-bulk is given.
Flaws of a source that are repaired (a stray space between Chinese characters, a word the OCR
left hyphenated at a line end) are listed as warnings; the words of the archive and of every file
given decide how a hyphenated word is spelt.
A text published as HTML carries no resolution header: its symbol, adoption date, meeting and
vote come from a metadata file (JSON) that names the source files it applies to: the archive's
own, in resolutions/metadata/ (the shared corpus's Declaration), and any given with --metadata.
An HTML file no metadata file names fails.
With SEARCH_INDEX_ON_IMPORT (the default), every text stored is handed to the search index,
in batches; a text the index lacks is indexed even when its file is unchanged.
Exits with status 1 when any file failed.
"""

from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from resolutions.bulk import write_bulk
from resolutions.importer import ImportResult, RunWords, Status, import_path
from resolutions.languages import LANGUAGES
from resolutions.models import LanguageVersion
from resolutions.parsing import (
    MetadataError,
    archive_metadata_files,
    load_metadata,
    metadata_by_file,
)
from resolutions.reports import corpus_report, format_report
from resolutions.signals import texts_imported

from ...consistency import unindexed
from ...indexing import IndexBatch

# Below this many files a progress bar is more noise than help.
PROGRESS_MIN_FILES = 20


def collect_files(paths: list[str]) -> tuple[list[Path], list[Path]]:
    """(files to import, paths that do not exist); directories are walked, hidden files left."""
    files, missing = [], []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not any(part.startswith(".") for part in p.parts[-1:])
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


def _refresh_statistics() -> None:
    """Bring PostgreSQL's statistics of the archive's tables up to date, so that the pages'
    queries are planned for the archive as the import left it, not as it was before."""
    tables = [model._meta.db_table for model in apps.get_app_config("resolutions").get_models()]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


class Command(BaseCommand):
    help = "Import resolution files (or directories of them, recursively) into the archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="A resolution file or a directory to search recursively.",
        )
        parser.add_argument(
            "--lang",
            choices=sorted(LANGUAGES),
            help="Language of the files, when detection should be overridden.",
        )
        parser.add_argument(
            "--lenient",
            action="store_true",
            help="Import files with numbering or footnote problems, recording "
            "them as warnings, instead of refusing them.",
        )
        parser.add_argument(
            "--strict-alignment",
            action="store_true",
            help="Fail a file whose paragraphs, footnotes or citations differ from another "
            "language version of the same resolution already in the archive.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace every text even when its file is unchanged since it was imported "
            "(after upgrading the parsers).",
        )
        parser.add_argument(
            "--report",
            action="store_true",
            help="Finish with the corpus report: per format and language, the files, "
            "paragraphs, footnotes and citations in the archive.",
        )
        parser.add_argument(
            "--no-bulk",
            action="store_true",
            help="Leave the bulk download (export_bulk) as it is, even after changes.",
        )
        parser.add_argument(
            "--metadata",
            action="append",
            default=[],
            metavar="FILE",
            help="A JSON file giving the header facts (symbol, adoption date, meeting, vote) of "
            "the source files it names, for layouts that carry none (HTML); repeatable. Those "
            "in resolutions/metadata/ are always read.",
        )

    def handle(
        self, *args, paths, lang, lenient, strict_alignment, force, report, verbosity, **options
    ):
        try:
            metadata = metadata_by_file(
                [
                    load_metadata(path)
                    for path in [*archive_metadata_files(), *map(Path, options["metadata"])]
                ]
            )
        except MetadataError as error:
            raise CommandError(str(error)) from None
        files, missing = collect_files(paths)
        counts: dict[Status, int] = defaultdict(int)
        skipped: dict[str, list[Path]] = defaultdict(list)
        for path in missing:
            self.stderr.write(f"{path}: no such file or directory")
            counts[Status.FAILED] += 1
        show_progress = len(files) >= PROGRESS_MIN_FILES and self.stderr.isatty()
        unchanged: list[tuple[str, str]] = []
        stored: list[int] = []
        indexing = settings.SEARCH_INDEX_ON_IMPORT
        # The words of the archive and of the whole run, so the order of the files does not matter.
        known_words = RunWords(files)
        with IndexBatch() as index_batch:
            for done, path in enumerate(files, start=1):
                known_words.stored = done - 1
                outcome = import_path(
                    path,
                    language=lang,
                    lenient=lenient,
                    strict_alignment=strict_alignment,
                    force=force,
                    on_stored=index_batch.take if indexing else None,
                    known_words=known_words,
                    metadata=metadata.get(path.name),
                )
                stored += [result.version.pk for result in outcome.results if result.version]
                for result in outcome.results:
                    counts[result.status] += 1
                    if result.status == Status.UNCHANGED:
                        unchanged.append((result.symbol, result.language))
                    if result.status == Status.SKIPPED:
                        skipped[result.reason].append(path)
                    else:
                        self._report(result, verbosity)
                for notice in outcome.left_out:
                    line = f":{notice.line}" if notice.line else ""
                    self.stdout.write(
                        self.style.WARNING(f"{path}{line}: left out: {notice.message}")
                    )
                if show_progress:
                    self._progress(done, len(files))
            if indexing:
                self._index_unchanged(unchanged, index_batch)
        for problem in index_batch.problems:
            self.stderr.write(
                self.style.WARNING(f"warning: {problem}; run `manage.py check_index --repair`")
            )
        if show_progress:
            self.stderr.write("")
        self._report_skipped(skipped, verbosity)
        if stored:
            _refresh_statistics()
            # Once every file is in: a text's page shows its other language versions and what
            # cites it, which later files of the same run may add.
            texts_imported.send(sender=self.__class__, version_ids=stored)
        if (counts[Status.IMPORTED] or counts[Status.REPLACED]) and not options["no_bulk"]:
            try:
                bulk = write_bulk(settings.BULK_DIR)
                self.stdout.write(f"bulk download: {bulk.count} language versions written")
            except OSError as error:
                self.stderr.write(
                    self.style.WARNING(f"warning: bulk download not written: {error}")
                )
        summary = ", ".join(f"{counts[status]} {status}" for status in Status)
        self.stdout.write(f"{summary} ({len(files)} files)")
        if report:
            self.stdout.write(format_report(corpus_report()))
        if counts[Status.FAILED]:
            raise CommandError(f"{counts[Status.FAILED]} file(s) failed to import", returncode=1)

    def _index_unchanged(self, unchanged: list[tuple[str, str]], index_batch) -> None:
        """Index the unchanged texts that are missing from the search index: an import stopped
        after storing them and before writing their index batch."""
        if not unchanged:
            return
        symbols = {symbol for symbol, _ in unchanged}
        wanted = set(unchanged)
        ids = [
            version_id
            for version_id, symbol, language in LanguageVersion.objects.filter(
                resolution__symbol__in=symbols
            ).values_list("id", "resolution__symbol", "language")
            if (symbol, language) in wanted
        ]
        try:
            missing = unindexed(ids)
        except Exception as error:
            index_batch.problems.append(f"the search index could not be read ({error})")
            return
        for version_id in missing:
            index_batch.add(version_id, None)
        if missing:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(missing)} unchanged text(s) were missing from the search index "
                    "(an earlier import stopped before indexing them): indexed now"
                )
            )

    def _report(self, result: ImportResult, verbosity: int) -> None:
        what = f"{result.symbol} ({result.language})"
        if result.status == Status.FAILED:
            for issue in result.issues:
                line = f":{issue.line}" if issue.line else ""
                self.stderr.write(self.style.ERROR(f"{result.path}{line}: {issue.message}"))
            return
        if result.status == Status.UNCHANGED:
            if verbosity >= 2:
                self.stdout.write(f"unchanged {what}: {result.path}")
            return
        if result.status == Status.DUPLICATE:
            for issue in result.issues:
                self.stdout.write(self.style.WARNING(f"{result.path}: duplicate: {issue.message}"))
            return
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"{result.status} {what}: {result.path}"))
        for issue in result.issues:
            line = f":{issue.line}" if issue.line else ""
            self.stdout.write(self.style.WARNING(f"{result.path}{line}: warning: {issue.message}"))

    def _report_skipped(self, skipped: dict[str, list[Path]], verbosity: int) -> None:
        if not skipped or verbosity < 1:
            return
        for reason, paths in sorted(skipped.items()):
            self.stdout.write(f"skipped {len(paths)} file(s): {reason}")
            shown = paths if verbosity >= 2 or len(paths) <= 5 else paths[:3]
            for path in shown:
                self.stdout.write(f"  {path}")
            if len(shown) < len(paths):
                self.stdout.write(f"  … and {len(paths) - len(shown)} more (-v 2 lists them)")

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stderr.flush()
