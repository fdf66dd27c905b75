"""The corpus report counts what the archive holds, per source format and language."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from resolutions.models import Citation, LanguageVersion
from tests.importing import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(sample_path, english_fixture, french_fixture):
    for path in (sample_path, english_fixture, french_fixture):
        import_file(path)


def _rows() -> dict[tuple[str, str], dict]:
    output = StringIO()
    call_command("corpus_report", "--format", "json", stdout=output)
    return {(row["source_format"], row["language"]): row for row in json.loads(output.getvalue())}


def test_each_format_and_language_has_its_own_counts(archive):
    rows = _rows()
    assert set(rows) == {("markdown", "en"), ("markdown", "fr"), ("markdown", "zh"), ("all", "")}
    for (source_format, language), row in rows.items():
        if source_format == "all":
            continue
        version = LanguageVersion.objects.get(language=language)
        citations = Citation.objects.filter(paragraph__version=version) | Citation.objects.filter(
            footnote__version=version
        )
        assert row == {
            "source_format": "markdown",
            "language": language,
            "files": 1,
            "resolutions": 1,
            "paragraphs": version.paragraphs.count(),
            "footnotes": version.footnotes.count(),
            "citations": citations.count(),
            "resolution_citations": citations.filter(kind="resolution").count(),
            "resolved": citations.filter(target__isnull=False).count(),
            # Only the Chinese sample needs repairs: spaces left between Chinese characters.
            "warnings": 1 if language == "zh" else 0,
        }
    chinese = rows["markdown", "zh"]
    assert (chinese["footnotes"], chinese["paragraphs"]) == (17, 88)  # 38 preambular, 50 operative
    # The fixtures cite 76/127, which is in the archive, and 46/182 and 2286 (2016), which are not.
    assert rows["markdown", "fr"]["resolved"] == 1
    assert rows["markdown", "fr"]["resolution_citations"] == 3


def test_the_last_row_adds_up_the_others(archive):
    rows = _rows()
    total = rows.pop(("all", ""))
    for name in ("files", "resolutions", "paragraphs", "footnotes", "citations", "resolved"):
        assert total[name] == sum(row[name] for row in rows.values())
    assert total["files"] == 3


def test_import_can_finish_with_the_report_as_a_table(sample_path):
    output = StringIO()
    call_command("import_resolutions", str(sample_path), "--report", stdout=output)
    lines = output.getvalue().splitlines()
    header = lines.index("Corpus report")
    assert lines[header + 1].split()[:4] == ["format", "lang", "files", "texts"]
    assert lines[header + 2].split()[:6] == ["markdown", "zh", "1", "1", "88", "17"]


def test_an_empty_archive_reports_zeros():
    assert _rows() == {
        ("all", ""): {
            "source_format": "all",
            "language": "",
            **dict.fromkeys(
                [
                    "files",
                    "resolutions",
                    "paragraphs",
                    "footnotes",
                    "citations",
                    "resolution_citations",
                    "resolved",
                    "warnings",
                ],
                0,
            ),
        }
    }
