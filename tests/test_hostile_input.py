"""Importing damaged files: real UN texts of every layout, truncated, flipped, shuffled, padded
with huge lines, NUL bytes or the wrong encoding.

Whatever the bytes, ``import_path`` answers with a result per resolution and never raises; a
failure says why (and on which line, when a line is to blame); and a file is stored whole or
not at all: the archive either holds exactly what it held before, or every resolution that
parsing the same bytes gives, paragraph by paragraph, footnote by footnote.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from resolutions.alignment import structure_of
from resolutions.importer import Status, stored_structure
from resolutions.models import (
    Citation,
    Footnote,
    FootnoteReference,
    LanguageVersion,
    Paragraph,
    Resolution,
)
from resolutions.parsing import ParseError, read_source
from resolutions.parsing.pdftext.footnotes import place_markers
from tests.importing import import_path

pytestmark = pytest.mark.django_db

# One real file of each layout the archive reads.
LAYOUTS = {
    "markdown": "zh/A_RES_76_127.zh.md",
    "crunsc": "en/sc-crunsc/S_RES_0242_1967.en.txt",
    "pdftext": "en/sc/S_RES_2286_2016.en.txt",
    "ocr": "en/ga-ocr/A_RES_46_182.en.txt",
}
MODELS = [Resolution, LanguageVersion, Paragraph, Footnote, FootnoteReference, Citation]
# Bounded and reproducible: the same examples on every run.
BOUNDED = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
layouts = st.sampled_from(sorted(LAYOUTS))


@pytest.fixture(scope="module")
def originals(corpus_dir) -> dict[str, bytes]:
    return {layout: (corpus_dir / path).read_bytes() for layout, path in LAYOUTS.items()}


def snapshot() -> dict:
    """Every row of every archive table."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def parsed_documents(data: bytes) -> dict:
    """What parsing the bytes gives, by (symbol, language); empty when they do not parse."""
    try:
        source = read_source(data)
    except ParseError:
        return {}
    return {(parsed.symbol, parsed.language): parsed for parsed in source.documents}


def assert_imported_whole_or_not_at_all(tmp_path, name: str, data: bytes, prior: bytes = b""):
    """Import ``data`` as the file ``name`` (after ``prior``, when given, under the same name),
    check every property, and leave the database as it was."""
    path = tmp_path / name
    with transaction.atomic():
        if prior:
            path.write_bytes(prior)
            import_path(path)
        before = snapshot()
        path.write_bytes(data)
        outcome = import_path(path)

        assert outcome.results
        for result in outcome.results:
            assert result.status in set(Status)
            if result.status == Status.FAILED:
                assert result.issues and all(str(issue).strip() for issue in result.issues)
            if result.status == Status.SKIPPED:
                assert result.reason
        stored = [r for r in outcome.results if r.status in (Status.IMPORTED, Status.REPLACED)]
        if not stored:
            assert snapshot() == before
        expected = parsed_documents(data)
        for result in stored:
            parsed = expected[(result.symbol, result.language)]
            version = LanguageVersion.objects.get(
                resolution__symbol=result.symbol, language=result.language
            )
            assert list(version.paragraphs.order_by("position").values_list("eid", "text")) == [
                (p.eid, p.text) for p in parsed.paragraphs
            ]
            assert list(version.footnotes.order_by("position").values_list("marker", "text")) == [
                (f.marker, f.text) for f in parsed.footnotes
            ]
            assert stored_structure(version) == structure_of(parsed)
            assert Citation.objects.filter(paragraph__version=version).count() == sum(
                len(p.citations) for p in parsed.paragraphs
            )
            assert Citation.objects.filter(footnote__version=version).count() == sum(
                len(f.citations) for f in parsed.footnotes
            )
        transaction.set_rollback(True)
    return outcome


@st.composite
def truncations(draw, originals):
    data = originals[draw(layouts)]
    return data[: draw(st.integers(0, len(data)))]


@st.composite
def byte_flips(draw, originals):
    data = bytearray(originals[draw(layouts)])
    for _ in range(draw(st.integers(1, 12))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def line_edits(draw, originals):
    """Lines duplicated, dropped, or shuffled within a stretch of the file."""
    lines = originals[draw(layouts)].split(b"\n")
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(lines) - 1))
        end = draw(st.integers(start, min(len(lines), start + 40)))
        edit = draw(st.sampled_from(["duplicate", "drop", "shuffle"]))
        if edit == "duplicate":
            lines[start:start] = lines[start:end]
        elif edit == "drop":
            del lines[start:end]
        else:
            lines[start:end] = draw(st.permutations(lines[start:end]))
    return b"\n".join(lines)


@st.composite
def nul_bytes(draw, originals):
    data = originals[draw(layouts)]
    position = draw(st.integers(0, len(data)))
    return data[:position] + b"\x00" * draw(st.integers(1, 3)) + data[position:]


@st.composite
def huge_lines(draw, originals):
    """One line of 1 to 5 MB, of letters, of CJK, of spaces or of words, somewhere in the file."""
    lines = originals[draw(layouts)].split(b"\n")
    filler = draw(st.sampled_from(["x", "国", " ", "lorem ipsum ", "hu manitarian "]))
    size = draw(st.integers(1_000_000, 5_000_000))
    line = (filler * (size // len(filler.encode()) + 1)).encode()[:size]
    position = draw(st.integers(0, len(lines)))
    lines.insert(position, line.decode("utf-8", errors="ignore").encode())
    return b"\n".join(lines)


@st.composite
def re_encodings(draw, originals):
    """The text in another encoding, with or without a byte-order mark; characters it cannot
    hold become question marks."""
    text = originals[draw(layouts)].decode("utf-8")
    encoding = draw(
        st.sampled_from(
            ["gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "latin-1"]
            + ["cp1252", "big5", "shift_jis"]
        )
    )
    return text.encode(encoding, errors="replace")


@pytest.mark.parametrize(
    "mutations", [truncations, byte_flips, line_edits, nul_bytes, re_encodings]
)
def test_a_damaged_file_is_stored_whole_or_not_at_all(mutations, originals, tmp_path):
    @BOUNDED
    @given(data=mutations(originals), after_original=st.booleans())
    def check(data, after_original):
        prior = originals["markdown"] if after_original else b""
        outcome = assert_imported_whole_or_not_at_all(tmp_path, "resolution.txt", data, prior)
        for result in outcome.results:
            event(result.status)

    check()


def test_a_file_with_a_line_of_megabytes_is_stored_whole_or_not_at_all(originals, tmp_path):
    @settings(BOUNDED, max_examples=6)
    @given(data=huge_lines(originals))
    def check(data):
        assert_imported_whole_or_not_at_all(tmp_path, "resolution.txt", data)

    check()


def test_a_file_damaged_twice_over_is_stored_whole_or_not_at_all(originals, tmp_path):
    @BOUNDED
    @given(data=st.data())
    def check(data):
        damaged = data.draw(line_edits(originals))
        position = data.draw(st.integers(0, len(damaged)))
        damaged = damaged[:position] + data.draw(st.binary(max_size=8)) + damaged[position:]
        assert_imported_whole_or_not_at_all(tmp_path, "resolution.txt", damaged)

    check()


@pytest.mark.parametrize(
    "data, message, line",
    [
        (b"", "the file is empty", 0),
        (b" \n\n\t\n", "the file is empty", 0),
        (b"1. Decides\n2. Requests\n\x00\x00\n", "NUL bytes", 3),
        (b"The General Assembly,\n\n1. D\xe9cide\n", "undecodable bytes", 3),
        (b"\xff\xfeT\x00h\x00\x00\xd8", "undecodable bytes for utf-16", 1),
    ],
)
def test_an_unreadable_file_fails_with_its_reason_and_line(data, message, line, tmp_path):
    outcome = assert_imported_whole_or_not_at_all(tmp_path, "broken.txt", data)
    (result,) = outcome.results
    (issue,) = result.issues
    assert result.status == Status.FAILED
    assert message in issue.message
    assert issue.line == line


def test_chinese_text_in_gb18030_or_utf16_is_stored_as_in_utf8(originals, tmp_path):
    text = originals["markdown"].decode("utf-8")
    for encoding in ("gb18030", "utf-16"):
        outcome = assert_imported_whole_or_not_at_all(
            tmp_path, f"{encoding}.md", text.encode(encoding)
        )
        assert [r.status for r in outcome.results] == [Status.IMPORTED]


def test_a_latin1_file_is_refused_with_the_line_of_its_first_accent(tmp_path, english_fixture):
    text = english_fixture.read_text().replace("formats;", "formats à jour;")
    outcome = assert_imported_whole_or_not_at_all(tmp_path, "latin1.md", text.encode("latin-1"))
    (result,) = outcome.results
    assert result.status == Status.FAILED
    first_accent = next(i for i, c in enumerate(text) if not c.isascii())
    assert result.issues[0].line == text[:first_accent].count("\n") + 1


def test_a_page_of_footnotes_without_body_text_is_imported(corpus_dir, tmp_path):
    # A page break right before the footnote rule leaves a page whose body is empty.
    text = (corpus_dir / "en/ga/A_RES_76_127.en.txt").read_text(encoding="utf-8")
    rule = text.index("\n_____")
    damaged = text[:rule] + "\n\f" + text[rule:]
    outcome = assert_imported_whole_or_not_at_all(tmp_path, "A_RES_76_127.en.txt", damaged.encode())
    assert [(r.symbol, r.status) for r in outcome.results] == [("A/RES/76/127", Status.IMPORTED)]


def test_a_page_without_body_lines_leaves_its_markers_unplaced():
    assert place_markers([], ["2", "1"]) == ["1", "2"]


def test_a_megabyte_of_letters_without_a_hyphen_parses(originals):
    # Reading compounds such as "Secretary-General" must not cost the square of a run's length.
    text = originals["pdftext"].decode("utf-8").replace("\f", "\f" + "x" * 2_000_000 + "\n", 1)
    (parsed,) = read_source(text.encode()).documents
    assert parsed.symbol == "S/RES/2286 (2016)"


def test_a_line_longer_than_any_resolution_s_is_refused_with_its_number(originals, tmp_path):
    # Hundreds of thousands of citations on one line: refused before any parser sees it.
    lines = originals["markdown"].split(b"\n")
    lines[20] = "第 76/127 号决议".encode() * 20_000
    outcome = assert_imported_whole_or_not_at_all(tmp_path, "long-line.md", b"\n".join(lines))
    (result,) = outcome.results
    assert result.status == Status.FAILED
    assert result.issues[0].line == 21
    assert "no resolution has a line over 65,536 bytes" in result.issues[0].message


def test_a_file_larger_than_any_resolution_file_is_refused(tmp_path):
    line = b"The General Assembly, recalling its earlier resolutions on the matter,\n"
    data = line * (33 * 1024 * 1024 // len(line))
    outcome = assert_imported_whole_or_not_at_all(tmp_path, "large.txt", data)
    (result,) = outcome.results
    assert result.status == Status.FAILED
    assert "a resolution file is at most 32 MB" in result.issues[0].message
