"""Importing the Declaration's six HTML files as a user does: with the archive's metadata file
(resolutions/metadata/, read by every import) they are stored as one resolution in six
languages; an HTML file no metadata file names, or a malformed one, fails with the reason and
nothing of it is written."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from resolutions.models import LanguageVersion, Paragraph, Resolution

pytestmark = pytest.mark.django_db

METADATA = str(
    Path(__file__).resolve().parent.parent / "resolutions" / "metadata" / "A_RES_217A_III.json"
)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_resolutions", *args, "--no-bulk", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_six_languages_import_as_one_resolution_with_the_archives_metadata(corpus_dir, client):
    out, err = run(str(corpus_dir / "udhr"))
    assert out.strip().splitlines()[-1] == (
        "6 imported, 0 replaced, 0 unchanged, 0 duplicate, 1 skipped, 0 failed (7 files)"
    )
    resolution = Resolution.objects.get(symbol="A/RES/217A(III)")
    assert (resolution.session, resolution.number, resolution.part) == (3, 217, "A")
    assert (str(resolution.adopted_on), resolution.meeting_number) == ("1948-12-10", 183)
    assert resolution.vote == {"in_favour": 48, "against": 0, "abstaining": 8}
    versions = {v.language: v for v in resolution.versions.all()}
    assert sorted(versions) == ["ar", "en", "es", "fr", "ru", "zh"]
    assert versions["zh"].title == "世界人权宣言"
    assert versions["zh"].source_format == "html"
    counts = {
        language: version.paragraphs.exclude(eid__regex=r"^article_\d+$").count()
        for language, version in versions.items()
    }
    assert counts == {"zh": 58, "en": 60, "fr": 59, "es": 60, "ru": 59, "ar": 59}
    repaired = [w["message"] for w in versions["zh"].warnings if "full-width" in w["message"]]
    assert len(repaired) == 44
    assert "preamble_1: ASCII punctuation after Chinese characters made full-width" in repaired[0]

    response = client.get("/A/RES/217A(III)/")
    assert response.status_code == 302
    assert response["Location"] == "/A/RES/217A(III)/zh/"
    page = client.get("/A/RES/217A(III)/zh/").content.decode()
    assert "人人生而自由，在尊严和权利上一律平等。" in page
    assert client.get("/A/RES/217A(III)/en/article_13_para_2/").status_code == 200


def test_only_numbered_article_paragraphs_print_a_number(corpus_dir, client):
    run(str(corpus_dir / "udhr" / "A_RES_217A_III.en.html"), "--metadata", METADATA)
    page = client.get("/A/RES/217A(III)/en/").content.decode()
    printed = dict(re.findall(r'<a class="permalink" href="#(\w+)"[^>]*>([^<]*)</a>', page))
    assert printed["article_1"] == printed["article_1_para_1"] == printed["article_2_para_2"] == "¶"
    assert (printed["article_11_para_1"], printed["article_11_para_2"]) == ("1.", "2.")
    assert (printed["preamble_1"], printed["preamble_10"]) == ("PP1", "PP10")


def test_a_file_no_metadata_names_fails_saying_how_to_give_it(corpus_dir, tmp_path):
    for language in ("en", "fr"):
        source = corpus_dir / "udhr" / f"A_RES_217A_III.{language}.html"
        (tmp_path / f"declaration.{language}.html").write_bytes(source.read_bytes())
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 file"):
        call_command("import_resolutions", str(tmp_path), stdout=io.StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'declaration.en.html'}: ")
    assert "carries no resolution header" in lines[0] and "--metadata" in lines[0]
    assert not Resolution.objects.exists()
    # Named by a metadata file given on the command line, they import.
    named = tmp_path / "named.json"
    named.write_text(
        Path(METADATA)
        .read_text(encoding="utf-8")
        .replace('"A_RES_217A_III.en.html"', '"declaration.en.html"')
        .replace('"A_RES_217A_III.fr.html"', '"declaration.fr.html"'),
        encoding="utf-8",
    )
    out, _ = run(str(tmp_path), "--metadata", str(named))
    assert "2 imported" in out
    assert sorted(Resolution.objects.get().versions.values_list("language", flat=True)) == [
        "en",
        "fr",
    ]


def test_a_malformed_html_file_fails_with_file_and_line_and_writes_nothing(corpus_dir, tmp_path):
    source = (corpus_dir / "udhr" / "A_RES_217A_III.en.html").read_text(encoding="utf-8")
    broken = tmp_path / "A_RES_217A_III.en.html"
    broken.write_text(source.replace("<h2>Article 5</h2>", "<h2>Article 5</h3>"), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_resolutions", str(broken), "--metadata", METADATA, stdout=io.StringIO(),
            stderr=err,
        )  # fmt: skip
    assert err.getvalue().strip() == (f"{broken}:39: broken HTML markup: Unexpected end tag : h3")
    assert not LanguageVersion.objects.exists() and not Paragraph.objects.exists()


def test_a_wrong_metadata_file_stops_the_command_before_any_import(corpus_dir, tmp_path):
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"symbol": "A/RES/217 A (III)", "files": ["x.html"], "vote": 48}')
    with pytest.raises(CommandError, match=r"wrong\.json: \"vote\" is"):
        run(str(corpus_dir / "udhr"), "--metadata", str(wrong))
    assert not Resolution.objects.exists()
