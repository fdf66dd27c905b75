"""Importing files into real PostgreSQL: idempotence, replacement, citations, bad input."""

import pytest

from resolutions.importer import Status
from resolutions.models import (
    Citation,
    Footnote,
    FootnoteReference,
    LanguageVersion,
    Paragraph,
    Resolution,
)
from tests.importing import import_file

pytestmark = pytest.mark.django_db

MODELS = [Resolution, LanguageVersion, Paragraph, Footnote, FootnoteReference, Citation]


def snapshot() -> dict:
    """Every row of every archive table, to prove that a failed import changed nothing."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def write(tmp_path, name: str, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_importing_the_sample_stores_every_paragraph_and_footnote(sample_path):
    result = import_file(sample_path)
    assert (result.status, result.symbol, result.language) == (
        Status.IMPORTED,
        "A/RES/76/127",
        "zh",
    )
    version = LanguageVersion.objects.get(resolution__symbol="A/RES/76/127", language="zh")
    assert version.paragraphs.preambular().count() == 38
    assert version.paragraphs.operative().count() == 50
    assert version.footnotes.count() == 17
    assert FootnoteReference.objects.filter(paragraph__version=version).count() == 17
    assert version.source_text == sample_path.read_text(encoding="utf-8")
    resolution = version.resolution
    assert (resolution.meeting_number, str(resolution.adopted_on)) == (51, "2021-12-10")
    assert resolution.agenda_items == ["75(a)"]


def test_reimporting_an_unchanged_file_changes_nothing(sample_path):
    import_file(sample_path)
    before = snapshot()
    assert import_file(sample_path).status == Status.UNCHANGED
    assert snapshot() == before


def test_a_changed_file_replaces_its_language_version(english_fixture, sample_path, tmp_path):
    import_file(english_fixture)
    import_file(sample_path)
    zh_before = list(Paragraph.objects.filter(version__language="zh").values())
    changed = english_fixture.read_bytes().replace(b"open formats;", b"open, documented formats;")
    result = import_file(write(tmp_path, english_fixture.name, changed))
    assert result.status == Status.REPLACED
    version = LanguageVersion.objects.get(resolution__symbol="A/RES/80/501")
    assert version.paragraphs.get(eid="para_1").text.endswith("open, documented formats;")
    assert version.paragraphs.count() == 10
    assert LanguageVersion.objects.count() == 2
    assert list(Paragraph.objects.filter(version__language="zh").values()) == zh_before


@pytest.mark.parametrize("sample_first", [True, False], ids=["cited-first", "citing-first"])
def test_citations_resolve_whichever_resolution_arrives_first(
    sample_first, sample_path, english_fixture
):
    order = [sample_path, english_fixture] if sample_first else [english_fixture, sample_path]
    for path in order:
        assert import_file(path).status == Status.IMPORTED
    citation = Citation.objects.get(
        paragraph__version__resolution__symbol="A/RES/80/501", target_symbol="A/RES/76/127"
    )
    assert citation.target == Resolution.objects.get(symbol="A/RES/76/127")
    assert citation.paragraph.eid == "para_3"
    # Resolutions not in the archive stay unresolved, with their symbol kept.
    unresolved = Citation.objects.filter(target__isnull=True).values_list(
        "target_symbol", flat=True
    )
    assert "A/RES/46/182" in unresolved and "S/RES/2286 (2016)" in unresolved


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_legitimate_encodings_import_like_utf8(encoding, sample_path, tmp_path):
    text = sample_path.read_text(encoding="utf-8")
    path = write(tmp_path, f"sample.{encoding}.md", text.encode(encoding))
    result = import_file(path)
    assert result.status == Status.IMPORTED, result.issues
    version = LanguageVersion.objects.get()
    assert version.source_text == text
    assert version.paragraphs.count() == 88


def test_language_is_detected_and_can_be_overridden(english_fixture, french_fixture):
    assert import_file(english_fixture).language == "en"
    assert import_file(french_fixture).language == "fr"
    LanguageVersion.objects.filter(language="fr").delete()
    assert import_file(french_fixture, language="es").language == "es"
    assert sorted(LanguageVersion.objects.values_list("language", flat=True)) == ["en", "es"]


def _cut_after_header(sample: bytes) -> bytes:
    head, _, _ = sample.partition("大会，".encode())
    return head


def _undecodable(sample: bytes) -> bytes:
    lines = sample.split(b"\n")
    lines[29] = lines[29][:12] + b"\xff\xfe" + lines[29][12:]
    return b"\n".join(lines)


BAD_SAMPLE_FILES = [
    ("empty", lambda data: b"", 0, "the file is empty"),
    ("blank", lambda data: b"\n\n  \n", 0, "the file is empty"),
    ("binary", lambda data: bytes(range(256)) * 8, 1, "binary file"),
    ("cut-after-header", _cut_after_header, 23, "the file ends after the header"),
    ("undecodable", _undecodable, 30, "undecodable bytes"),
    ("latin-1", lambda data: "Résolution adoptée".encode("latin-1"), 1, "undecodable bytes"),
]


@pytest.mark.parametrize(
    "name, damage, line, message", BAD_SAMPLE_FILES, ids=[case[0] for case in BAD_SAMPLE_FILES]
)
def test_unreadable_files_fail_with_line_and_reason(
    name, damage, line, message, sample_path, english_fixture, tmp_path
):
    import_file(english_fixture)
    before = snapshot()
    result = import_file(write(tmp_path, f"{name}.md", damage(sample_path.read_bytes())))
    assert result.status == Status.FAILED
    assert [(issue.line, issue.message[: len(message)]) for issue in result.issues] == [
        (line, message)
    ]
    assert snapshot() == before


def _lines_of(path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


FLAWED_FIXTURES = [
    (
        "operative-gap",
        ("3. **Decides**", "4. **Decides**"),
        45,
        "operative paragraph 4 follows 2: paragraph 3 is missing",
    ),
    (
        "footnote-undefined",
        ("² See also [A/80/124](#).", ""),
        43,
        "footnote 2 is referenced in para_2_b_ii but never defined",
    ),
    (
        "footnote-unreferenced",
        ("corrections;²", "corrections;"),
        47,
        "footnote 2 is defined but never referenced",
    ),
]


@pytest.mark.parametrize(
    "name, edit, line, message", FLAWED_FIXTURES, ids=[case[0] for case in FLAWED_FIXTURES]
)
def test_flawed_files_fail_and_leave_the_stored_version_alone(
    name, edit, line, message, english_fixture, tmp_path
):
    import_file(english_fixture)
    before = snapshot()
    flawed = english_fixture.read_text(encoding="utf-8").replace(*edit)
    assert flawed != english_fixture.read_text(encoding="utf-8")
    result = import_file(write(tmp_path, english_fixture.name, flawed.encode()))
    assert result.status == Status.FAILED
    assert [(issue.line, issue.message) for issue in result.issues] == [(line, message)]
    assert snapshot() == before


def test_lenient_import_keeps_a_flawed_file_with_its_warnings(english_fixture, tmp_path):
    flawed = english_fixture.read_text(encoding="utf-8").replace("3. **Decides**", "4. **Decides**")
    result = import_file(write(tmp_path, "gap.md", flawed.encode()), lenient=True)
    assert result.status == Status.IMPORTED
    version = LanguageVersion.objects.get()
    assert version.warnings == [
        {"line": 45, "message": "operative paragraph 4 follows 2: paragraph 3 is missing"}
    ]
    assert version.paragraphs.filter(eid="para_4").exists()


def test_a_version_contradicting_another_language_fails_whole(sample_path, tmp_path):
    import_file(sample_path)
    before = snapshot()
    contradicting = sample_path.read_text(encoding="utf-8").replace(
        "第 51 次全体会议", "第 52 次全体会议"
    )
    result = import_file(write(tmp_path, "other.md", contradicting.encode()), language="fr")
    assert result.status == Status.FAILED
    assert "meeting_number is 52 here but 51 in the zh version" in result.issues[0].message
    assert snapshot() == before


def test_files_in_layouts_not_supported_are_skipped_with_a_reason(corpus_dir):
    reasons = {
        corpus_dir / "README.md": "not a resolution in a supported layout",
        corpus_dir / "MANIFEST.tsv": "not a resolution in a supported layout",
        corpus_dir / "parallel" / "UNv1.0.devset.zh": "not a resolution in a supported layout",
    }
    for path, reason in reasons.items():
        result = import_file(path)
        assert result.status == Status.SKIPPED, path
        assert result.reason.startswith(reason), (path, result.reason)
    assert Resolution.objects.count() == 0


def test_a_security_council_corpus_file_imports(corpus_dir):
    result = import_file(corpus_dir / "en" / "sc-crunsc" / "S_RES_0660_1990.en.txt")
    assert (result.status, result.symbol, result.language) == (
        Status.IMPORTED,
        "S/RES/660 (1990)",
        "en",
    )
    version = LanguageVersion.objects.get(resolution__symbol="S/RES/660 (1990)")
    assert version.paragraphs.operative().count() == 4
    assert version.resolution.meeting_number == 2932
    assert str(version.resolution.adopted_on) == "1990-08-02"


def test_a_second_file_with_the_same_symbol_does_not_replace_the_first(english_fixture, tmp_path):
    import_file(english_fixture)
    before = snapshot()
    other = tmp_path / "another_name.md"
    other.write_text(
        english_fixture.read_text(encoding="utf-8").replace("open formats", "paper"),
        encoding="utf-8",
    )
    result = import_file(other)
    assert result.status == Status.DUPLICATE
    assert result.issues[0].message == (
        "A/RES/80/501 (en) is already in the archive from en_A_RES_80_501.md; "
        "this file gives a different text of it: not stored"
    )
    assert snapshot() == before


def test_a_misfiled_copy_is_reported_as_a_duplicate_and_stores_nothing(corpus_dir):
    """The Council corpus files 538 (1983) twice, the second time under 542."""
    first = import_file(corpus_dir / "en" / "sc-crunsc" / "S_RES_0538_1983.en.txt")
    assert first.status == Status.IMPORTED
    before = snapshot()
    copy = import_file(corpus_dir / "en" / "sc-crunsc" / "S_RES_0542_1983.en.txt")
    assert (copy.status, copy.symbol) == (Status.DUPLICATE, "S/RES/538 (1983)")
    assert "already in the archive from S_RES_0538_1983.en.txt" in copy.issues[0].message
    assert snapshot() == before
    assert not Resolution.objects.filter(symbol="S/RES/542 (1983)").exists()


def test_the_same_file_under_another_name_is_the_same_text(english_fixture, tmp_path):
    import_file(english_fixture)
    copy = import_file(write(tmp_path, "copy.md", english_fixture.read_bytes() + b"\n\n"))
    assert copy.status == Status.DUPLICATE
    assert "this file gives the same text of it: not stored" in copy.issues[0].message
