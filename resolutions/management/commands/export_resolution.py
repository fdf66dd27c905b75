"""Print one language version of a resolution as JSON or as Akoma Ntoso XML.

Usage::

    python manage.py export_resolution SYMBOL [--lang zh] [--format json|akn]

SYMBOL may be written in any common spelling: A/RES/76/127, 76/127, 2286(2016). ``--format akn``
prints the Akoma Ntoso 3.0 document that ``/A/RES/76/127/zh.akn.xml`` serves.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from resolutions.akn import export_akn
from resolutions.exports import export_version
from resolutions.languages import LANGUAGES
from resolutions.models import LanguageVersion
from resolutions.symbols import canonical_symbol


class Command(BaseCommand):
    help = "Print one language version of a resolution as JSON or Akoma Ntoso XML."

    def add_arguments(self, parser):
        parser.add_argument("symbol", help="The resolution's symbol, in any common spelling.")
        parser.add_argument(
            "--lang",
            choices=sorted(LANGUAGES),
            help="Language version (default: Chinese when present).",
        )
        parser.add_argument(
            "--format",
            choices=["json", "akn"],
            default="json",
            help="Output format: the archive's JSON (default) or Akoma Ntoso 3.0 XML.",
        )

    def handle(self, *args, symbol, lang, **options):
        canonical = canonical_symbol(symbol)
        if canonical is None:
            raise CommandError(f"{symbol!r} is not a UN resolution symbol")
        versions = LanguageVersion.objects.with_contents().filter(resolution__symbol=canonical)
        if not versions.exists():
            raise CommandError(f"{canonical} is not in the archive")
        version = (
            versions.filter(language=lang).first() if lang else versions.in_language_order().first()
        )
        if version is None:
            available = ", ".join(sorted(versions.values_list("language", flat=True)))
            raise CommandError(f"{canonical} has no {lang} version (available: {available})")
        if options["format"] == "akn":
            self.stdout.write(export_akn(version).decode(), ending="")
        else:
            self.stdout.write(json.dumps(export_version(version), ensure_ascii=False, indent=2))
