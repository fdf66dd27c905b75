"""Build the whole search index again from PostgreSQL, beside the live one, and swap it in.

Usage::

    python manage.py rebuild_index [--noinput] [--batch-size 100] [--processes N]

Replaces haystack's command of the same name, which empties the index before filling it: for the
seconds (or, for the whole record, minutes) that takes, searches would answer with no hits. Here
searches keep answering from the live index until the new one is complete; then it replaces the
live one in one atomic step (``search.engines.generations``). An import that wants to write
meanwhile waits for the rebuild and then writes into the new index. The command also recovers an
index that is missing or damaged. Exits with status 1 when the new index cannot be written, the
live one left as it was.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from resolutions.models import LanguageVersion
from search.engines import backend
from search.indexing import BATCH_PROCESSES, BATCH_SIZE
from search.search_indexes import prepared_documents


class Command(BaseCommand):
    help = "Rebuild the search index from the database beside the live one, then swap it in."

    def add_arguments(self, parser):
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Accepted for compatibility: the live index is never emptied, nothing is asked.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Language versions per commit (default {BATCH_SIZE}).",
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=BATCH_PROCESSES,
            help=f"Processes analysing the text (default {BATCH_PROCESSES}, one per core).",
        )

    def handle(self, *args, batch_size: int, processes: int, verbosity: int = 1, **options):
        started = time.perf_counter()
        version_ids = list(LanguageVersion.objects.order_by("pk").values_list("pk", flat=True))
        documents = 0
        engine = backend()
        try:
            with engine.new_generation() as builder:
                for start in range(0, len(version_ids), batch_size):
                    batch = version_ids[start : start + batch_size]
                    prepared = prepared_documents(batch)
                    builder.write([], prepared, processes=processes)
                    documents += len(prepared)
                    if verbosity >= 2:
                        self.stdout.write(
                            f"  {start + len(batch):,} of {len(version_ids):,} language versions"
                        )
        except Exception as error:
            raise CommandError(
                f"the search index could not be rebuilt ({error}); the live index is unchanged"
            ) from error
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"search index ({engine.name}) rebuilt: {len(version_ids):,} language "
                    f"versions, {documents:,} documents in {time.perf_counter() - started:.1f} s"
                )
            )
