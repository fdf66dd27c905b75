"""Compare the search index with the database, and optionally put it right.

Usage::

    python manage.py check_index [--repair]

Lists the paragraphs and footnotes the index is missing, the documents it holds that the
database no longer has, and those whose text, language version or eid differ from the
database, with counts and a few examples of each. Exits with status 1 when the two differ.
With --repair, every language version concerned is indexed again from the database (stale
documents removed in the same commit), the comparison is made once more, and the status is 0
when the index is now consistent.
"""

from django.core.management.base import BaseCommand, CommandError

from search import consistency


class Command(BaseCommand):
    help = "Compare the search index with the database; --repair reindexes what differs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair",
            action="store_true",
            help="Reindex the language versions that differ and remove stale documents.",
        )

    def handle(self, *args, repair: bool = False, **options):
        comparison = consistency.check()
        if not comparison.consistent and repair:
            self._write(comparison)
            rewritten = consistency.repair(comparison)
            self.stdout.write(f"repaired: {rewritten:,} language version(s) indexed again")
            comparison = consistency.check()
        self._write(comparison)
        if not comparison.consistent:
            raise CommandError("the search index differs from the database", returncode=1)

    def _write(self, comparison) -> None:
        *details, verdict = comparison.summary()
        for line in details:
            self.stdout.write(line)
        style = self.style.SUCCESS if comparison.consistent else self.style.ERROR
        self.stdout.write(style(verdict))
