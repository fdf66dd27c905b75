"""The management commands as a user runs them: import_resolutions and export_resolution."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from resolutions.models import LanguageVersion, Resolution

pytestmark = pytest.mark.django_db


class TerminalIO(io.StringIO):
    """Output that says it is a terminal, as a user's shell is."""

    def isatty(self) -> bool:
        return True


def run(*args, stderr=None, **options) -> tuple[str, str]:
    out, err = io.StringIO(), stderr or io.StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def export(symbol: str, *args) -> dict:
    out, _ = run("export_resolution", symbol, *args)
    return json.loads(out)


def test_import_walks_directories_and_summarises(sample_path, english_fixture, corpus_dir):
    out, err = run(
        "import_resolutions",
        str(sample_path.parent),
        str(english_fixture),
        str(corpus_dir / "README.md"),
    )
    assert f"imported A/RES/76/127 (zh): {sample_path}" in out
    assert f"imported A/RES/80/501 (en): {english_fixture}" in out
    assert "skipped 1 file(s): not a resolution in a supported layout" in out
    assert out.strip().splitlines()[-1] == (
        "2 imported, 0 replaced, 0 unchanged, 0 duplicate, 1 skipped, 0 failed (3 files)"
    )
    assert err == ""
    out, _ = run("import_resolutions", str(sample_path))
    assert out.strip().splitlines()[-1].startswith("0 imported, 0 replaced, 1 unchanged")


def test_failures_name_file_and_line_and_exit_with_status_1(english_fixture, tmp_path):
    flawed = tmp_path / "gap.md"
    flawed.write_text(
        english_fixture.read_text(encoding="utf-8").replace("3. **Dec", "4. **Dec"),
        encoding="utf-8",
    )
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    err = io.StringIO()
    with pytest.raises(CommandError) as failure:
        run(
            "import_resolutions",
            str(english_fixture),
            str(flawed),
            str(empty),
            str(tmp_path / "missing.md"),
            stderr=err,
        )
    assert failure.value.returncode == 1
    assert "3 file(s) failed to import" in str(failure.value)
    lines = err.getvalue().splitlines()
    assert f"{flawed}:45: operative paragraph 4 follows 2: paragraph 3 is missing" in lines
    assert f"{empty}: the file is empty" in lines
    assert f"{tmp_path / 'missing.md'}: no such file or directory" in lines
    assert "Traceback" not in err.getvalue()
    assert list(Resolution.objects.values_list("symbol", flat=True)) == ["A/RES/80/501"]


def test_lenient_import_reports_warnings(english_fixture, tmp_path):
    flawed = tmp_path / "gap.md"
    flawed.write_text(
        english_fixture.read_text(encoding="utf-8").replace("3. **Dec", "4. **Dec"),
        encoding="utf-8",
    )
    out, _ = run("import_resolutions", str(flawed), "--lenient")
    assert f"{flawed}:45: warning: operative paragraph 4 follows 2" in out
    assert LanguageVersion.objects.get().warnings[0]["line"] == 45


def test_many_files_show_a_progress_bar_on_a_terminal(english_fixture, tmp_path):
    for n in range(25):
        (tmp_path / f"copy{n:02}.md").write_bytes(english_fixture.read_bytes())
    _, err = run("import_resolutions", str(tmp_path), stderr=TerminalIO())
    assert "[##############################] 25/25" in err
    _, err = run("import_resolutions", str(tmp_path))  # not a terminal: no bar
    assert "#" not in err


def test_export_has_the_documented_shape(sample_path):
    run("import_resolutions", str(sample_path))
    data = export("76/127", "--lang", "zh")
    assert {
        key: data[key]
        for key in [
            "symbol",
            "body",
            "session",
            "number",
            "year",
            "adopted_on",
            "meeting_number",
            "agenda_items",
            "draft_symbols",
            "language",
            "distributed_on",
        ]
    } == {
        "symbol": "A/RES/76/127",
        "body": "GA",
        "session": 76,
        "number": "127",
        "year": None,
        "adopted_on": "2021-12-10",
        "meeting_number": 51,
        "agenda_items": ["75(a)"],
        "draft_symbols": ["A/76/L.26", "A/76/L.26/Add.1"],
        "language": "zh",
        "distributed_on": "2021-12-17",
    }
    first = data["paragraphs"][0]
    assert set(first) >= {"eid", "kind", "label", "parent", "text", "footnotes", "citations"}
    citation = first["citations"][0]
    assert first["text"][citation["start"] : citation["end"]] == citation["text"] == "46/182"
    assert citation["resolved"] is False
    assert set(data["footnotes"][0]) >= {"eid", "marker", "text", "citations"}


@pytest.mark.parametrize(
    "symbol, message",
    [
        ("76/128", "A/RES/76/128 is not in the archive"),
        ("not-a-symbol", "'not-a-symbol' is not a UN resolution symbol"),
    ],
)
def test_export_of_an_unknown_symbol_is_a_clear_error(symbol, message):
    with pytest.raises(CommandError, match=message):
        run("export_resolution", symbol)


def test_export_of_a_missing_language_names_the_available_ones(sample_path):
    run("import_resolutions", str(sample_path))
    with pytest.raises(CommandError, match=r"has no en version \(available: zh\)"):
        run("export_resolution", "A/RES/76/127", "--lang", "en")
