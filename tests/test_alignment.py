"""Lining up language versions: the importer compares each file with the versions already in
the archive and reports every difference; --strict-alignment makes a difference fatal. (Six
versions at once: tests/test_alignment_six.py.)"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from resolutions.alignment import Structure, compare, structure_of
from resolutions.importer import Status, stored_structure
from resolutions.models import LanguageVersion
from resolutions.parsing import read_source
from tests.importing import import_file

from .test_importer import snapshot, write

TWO_PARAGRAPHS = Structure(
    paragraphs=(
        ("preamble_1", "preambular", "", ""),
        ("para_1", "operative", "1", ""),
        ("para_1_a", "subparagraph", "a", "para_1"),
    ),
    footnotes={"1": ("preamble_1",)},
    citations={"para_1": frozenset({"A/RES/46/182"})},
)


def test_identical_structures_line_up():
    assert compare(TWO_PARAGRAPHS, TWO_PARAGRAPHS, "zh") == []


def test_a_missing_paragraph_is_named_with_the_counts():
    shorter = Structure(
        paragraphs=TWO_PARAGRAPHS.paragraphs[:2],
        footnotes=TWO_PARAGRAPHS.footnotes,
        citations=TWO_PARAGRAPHS.citations,
    )
    assert compare(shorter, TWO_PARAGRAPHS, "zh") == [
        "paragraphs: 1 preambular, 1 operative, 0 sub-items, 0 other here; "
        "1 preambular, 1 operative, 1 sub-items, 0 other in zh",
        "para_1_a of the zh version is missing here",
    ]


def test_a_relabelled_paragraph_a_moved_footnote_and_a_lost_citation_are_reported():
    other = Structure(
        paragraphs=(
            ("preamble_1", "preambular", "", ""),
            ("para_1", "operative", "1", ""),
            ("para_1_a", "subparagraph", "b", "para_1"),
        ),
        footnotes={"1": ("para_1",), "2": ("para_1",)},
        citations={},
    )
    assert compare(TWO_PARAGRAPHS, other, "en") == [
        "para_1_a is subparagraph (a) under para_1 here but subparagraph (b) under para_1 in en",
        "footnote 1 is referenced from preamble_1 here but from para_1 in en",
        "footnote 2 of the en version is missing here",
        "para_1 cites A/RES/46/182 here but nothing in en",
    ]


def _parsed(path, language=None):
    (document,) = read_source(path.read_bytes(), language=language).documents
    return document


def test_the_structure_read_back_from_the_database_is_the_parsed_one(db, sample_path):
    assert import_file(sample_path).status == Status.IMPORTED
    version = LanguageVersion.objects.get(language="zh")
    assert stored_structure(version) == structure_of(_parsed(sample_path))
    assert len(stored_structure(version).footnotes) == 17


def test_versions_that_line_up_import_without_warnings(db, english_fixture, french_fixture):
    assert import_file(english_fixture).issues == []
    result = import_file(french_fixture)
    assert (result.status, result.issues) == (Status.IMPORTED, [])


def _moved_footnote(french_fixture):
    """The French fixture with footnote 2 referenced from paragraph 3 instead of 2 (b) (ii)."""
    text = french_fixture.read_text(encoding="utf-8")
    text = text.replace("corrections ;²", "corrections ;").replace("76/127.", "76/127.²")
    return text.encode()


def test_a_difference_is_a_warning_stored_with_the_version(
    db, english_fixture, french_fixture, tmp_path
):
    import_file(english_fixture)
    result = import_file(write(tmp_path, french_fixture.name, _moved_footnote(french_fixture)))
    assert result.status == Status.IMPORTED
    assert [issue.message for issue in result.issues] == [
        "alignment: footnote 2: referenced from para_2_b_ii in en; from para_3 in fr"
    ]
    # Both versions say where they differ, the one stored first as well.
    for version in LanguageVersion.objects.all():
        assert version.warnings == [{"line": 0, "message": result.issues[0].message}]


def test_strict_alignment_refuses_the_file_and_changes_nothing(
    db, english_fixture, french_fixture, tmp_path
):
    import_file(english_fixture)
    before = snapshot()
    path = write(tmp_path, french_fixture.name, _moved_footnote(french_fixture))
    result = import_file(path, strict_alignment=True)
    assert result.status == Status.FAILED
    assert "footnote 2: referenced from para_2_b_ii in en; from para_3 in fr" in (
        result.issues[0].message
    )
    assert snapshot() == before
    with pytest.raises(CommandError):
        call_command("import_resolutions", str(path), "--strict-alignment", verbosity=0)
    assert snapshot() == before
