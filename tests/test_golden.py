"""Golden files: the export of real corpus files, pinned field by field.

Each case imports the files named (the resolution and, where it matters, those it cites, so
that resolved citations are pinned too) and compares the export of one language version with
``tests/golden/<name>.json``. ``pytest --update-golden`` rewrites them; review the diff.
"""

import io
import json

import pytest
from django.core.management import call_command

from resolutions.importer import Status
from tests.importing import import_path

from .golden import check_golden

pytestmark = pytest.mark.django_db

CASES = {
    "A_RES_76_127.zh": ("A/RES/76/127", "zh", ["zh/A_RES_76_127.zh.md"]),
    "A_RES_76_127.en": ("A/RES/76/127", "en", ["en/ga/A_RES_76_127.en.txt"]),
    "S_RES_2286_2016.en": (
        "S/RES/2286 (2016)",
        "en",
        ["en/sc/S_RES_2286_2016.en.txt", "en/sc/S_RES_2175_2014.en.txt"],
    ),
    "S_RES_2175_2014.en": ("S/RES/2175 (2014)", "en", ["en/sc/S_RES_2175_2014.en.txt"]),
    "A_RES_46_182.en": ("A/RES/46/182", "en", ["en/ga-ocr/A_RES_46_182.en.txt"]),
}


@pytest.mark.parametrize("name", CASES)
def test_export_matches_the_golden_file(name, corpus_dir, update_golden):
    symbol, language, files = CASES[name]
    for file in files:
        results = import_path(corpus_dir / file).results
        assert {result.status for result in results} == {Status.IMPORTED}, results
    out = io.StringIO()
    call_command("export_resolution", symbol, "--lang", language, stdout=out)
    check_golden(name, json.loads(out.getvalue()), update=update_golden)
