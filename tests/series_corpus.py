"""The corpus series of the series tests: "Safety and security of humanitarian personnel and
protection of United Nations personnel", 73/137 … 77/31 in English and 76/127 in Chinese."""

from contextlib import contextmanager

from django.db import transaction

from resolutions.importer import Status
from resolutions.models import Resolution
from resolutions.series import members
from tests.importing import import_file

SAFETY = "Safety and security of humanitarian personnel and protection of United Nations personnel"
SAFETY_SERIES = ["A/RES/73/137", "A/RES/74/116", "A/RES/75/125", "A/RES/76/127", "A/RES/77/31"]
SAFETY_SLUG = (
    "safety-and-security-of-humanitarian-personnel-and-protection-of-united-nations-personnel"
)


def series_of(symbol: str) -> list[str]:
    """The symbols of the series ``symbol`` belongs to, in order; [] when it has none."""
    resolution = Resolution.objects.select_related("series").get(symbol=symbol)
    if resolution.series is None:
        return []
    return [member.symbol for member in members(resolution.series)]


@contextmanager
def corpus_series_imported(django_db_blocker, corpus_dir):
    """The English series 73/137 … 77/31 and the Chinese 76/127, imported once for a module
    (each test runs in a savepoint of this transaction, rolled back after the module)."""
    paths = [
        corpus_dir / "en" / "ga" / f"A_RES_{s.split('/', 2)[2].replace('/', '_')}.en.txt"
        for s in SAFETY_SERIES
    ]
    with django_db_blocker.unblock(), transaction.atomic():
        for path in [*paths, corpus_dir / "zh" / "A_RES_76_127.zh.md"]:
            assert import_file(path).status == Status.IMPORTED, path
        yield
        transaction.set_rollback(True)
