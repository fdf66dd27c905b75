"""Print the corpus report: per source format and language, what the archive holds.

Usage::

    python manage.py corpus_report [--format text|json]

Columns: files imported, language versions ("texts"; an Official Records extract gives several
per file), paragraphs, footnotes, citations found, citations of resolutions, and how many of
those resolve to a resolution in the archive; the last row adds them up.
"""

import json
from dataclasses import asdict

from django.core.management.base import BaseCommand

from resolutions.reports import corpus_report, format_report


class Command(BaseCommand):
    help = "Print per format and language the files, paragraphs, footnotes and citations stored."

    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="A table for people (default) or JSON for scripts.",
        )

    def handle(self, *args, format, **options):
        rows = corpus_report()
        if format == "json":
            self.stdout.write(json.dumps([asdict(row) for row in rows], indent=2))
        else:
            self.stdout.write(format_report(rows))
