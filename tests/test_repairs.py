"""Flaws of a source repaired in the text: stray spaces between Chinese characters, and words
the OCR of a printed volume left hyphenated at a line end, mended with the archive's words."""

import io
import re

import pytest
from django.core.management import call_command

from resolutions.importer import RunWords, Status
from resolutions.models import LanguageVersion, Paragraph
from resolutions.parsing import KnownWords, read_source
from resolutions.parsing.document import FootnoteRef, ParsedParagraph, ParsedResolution
from resolutions.parsing.shared.repairs import repair
from resolutions.parsing.shared.text import citation_spans
from search.service import run_search
from tests.importing import import_file, import_path

STRAY_SPACE = re.compile(r"[\u3400-\u9fff，。；：、《》（）] +[\u3400-\u9fff，。；：、《》（）]")
SC = "en/sc-crunsc"
# "the maintenance of inter-\nnational peace": the file never prints "international" whole.
BROKEN = f"{SC}/S_RES_0119_1956.en.txt"
# Prints "international peace" whole.
WHOLE = f"{SC}/S_RES_0120_1956.en.txt"


def paragraph(source, eid):
    (document,) = source.documents
    return next(p for p in document.paragraphs if p.eid == eid)


def test_space_between_chinese_characters_is_taken_out_of_the_text(sample_path):
    source = read_source(sample_path.read_bytes())
    (document,) = source.documents

    assert paragraph(source, "preamble_6").text.startswith("又回顾国际人道法明确规定")
    assert paragraph(source, "preamble_7").text.startswith("深为关切国际法特别是")
    assert [p.eid for p in document.paragraphs if STRAY_SPACE.search(p.text)] == []
    # The source keeps it; every repair is recorded, with the line of its paragraph.
    assert "又回顾 国际人道法" in source.text
    assert [issue.line for issue in document.repairs] == [40, 42, 44, 46, 48, 50, 52, 54, 56]
    assert "space between Chinese characters removed" in document.repairs[0].message
    # A space beside a figure is the layout's, not a flaw: 在 2020 年.
    assert "深为关切在 2020 年死亡" in paragraph(source, "preamble_13").text


def test_footnote_references_and_citations_keep_their_place_in_a_repaired_text():
    text = "深为关切 国际法¹ 又回顾 第76/127号决议"
    parsed = ParsedResolution("A/RES/76/128", "GA", "zh", "", "markdown")
    parsed.paragraphs = [
        ParsedParagraph(
            "preamble_1",
            "preambular",
            None,
            None,
            text,
            3,
            [FootnoteRef("1", text.index("¹"))],
            citation_spans(text),
        )
    ]
    parsed.paragraphs[0].text = text.replace("¹", "")

    repair(parsed, KnownWords())

    (repaired,) = parsed.paragraphs
    assert repaired.text == "深为关切国际法又回顾第76/127号决议"
    (ref,) = repaired.footnote_refs
    assert repaired.text[: ref.offset] == "深为关切国际法"
    (citation,) = repaired.citations
    assert repaired.text[citation.start : citation.end] == citation.text == "76/127"
    assert len(parsed.repairs) == 3


@pytest.mark.parametrize(
    ("text", "head", "tail", "mended"),
    [
        ("the international community", "inter", "national", "international"),
        ("Inter national", "Inter", "national", None),
        ("the Secretary-General", "Secretary", "General", "Secretary-General"),
        ("self-determination", "self", "determination", "self-determination"),
        ("governmental bodies", "non-govern", "mental", "non-governmental"),
        # A suspended hyphen is no broken word: "cost- and time-effective".
        ("cost and time", "cost", "and", None),
        # A hyphenated spelling printed once where the joined one is printed more is a slip.
        ("Decem-ber December December", "Decem", "ber", "December"),
        # Printed more than once, it is the spelling of its time.
        ("co-operate co-operate cooperate cooperate cooperate", "co", "operate", "co-operate"),
        # Some prefixes keep their hyphen without other evidence.
        ("", "self", "sufficiency", "self-sufficiency"),
        ("", "Govern", "men", None),
    ],
)
def test_broken_word_is_spelt_as_the_archive_spells_it(text, head, tail, mended):
    assert KnownWords.of_text(text).mend(head, tail) == mended


def test_hyphenation_is_mended_only_in_texts_read_by_ocr(corpus_dir):
    # A/RES/76/7 prints "age- and gender-responsive" from a PDF: a suspended hyphen.
    asked = []

    def known() -> KnownWords:
        asked.append(True)
        return KnownWords.of_text("ageand ageand")

    source = read_source((corpus_dir / "en/ga/A_RES_76_7.en.txt").read_bytes(), known_words=known)

    assert "age- and" in paragraph(source, "annex_para_15").text
    assert not asked  # the archive's words are not even read for a text from a PDF


@pytest.mark.django_db
def test_broken_word_is_mended_with_the_words_of_the_whole_archive(corpus_dir):
    alone = import_file(corpus_dir / BROKEN)
    assert alone.status == Status.IMPORTED
    assert "maintenance of inter- national peace" in text_of("S/RES/119 (1956)", "preamble_2")

    assert import_file(corpus_dir / WHOLE).status == Status.IMPORTED
    again = import_file(corpus_dir / BROKEN, force=True)

    assert again.status == Status.REPLACED
    assert "maintenance of international peace" in text_of("S/RES/119 (1956)", "preamble_2")
    version = LanguageVersion.objects.get(resolution__symbol="S/RES/119 (1956)")
    assert {
        "line": 9,
        "message": "preamble_2: line-end hyphenation undone (inter- national → international)",
    } in version.warnings
    assert "inter-\nnational" in version.source_text


@pytest.mark.django_db
def test_a_run_of_files_mends_a_word_whichever_file_comes_first(corpus_dir):
    files = [corpus_dir / BROKEN, corpus_dir / WHOLE]
    known = RunWords(files)

    for index, path in enumerate(files):
        known.stored = index  # as import_resolutions does
        assert import_path(path, known_words=known).results[0].status == Status.IMPORTED

    assert "maintenance of international peace" in text_of("S/RES/119 (1956)", "preamble_2")


def text_of(symbol: str, eid: str) -> str:
    return Paragraph.objects.get(version__resolution__symbol=symbol, eid=eid).text


@pytest.mark.django_db
def test_phrase_copied_from_the_official_text_is_found(search_engine, sample_path):
    assert import_file(sample_path).status == Status.IMPORTED

    outcome = run_search("深为关切国际法", {}, page=1)

    assert [(hit.symbol, hit.eid) for hit in outcome.hits] == [("A/RES/76/127", "preamble_7")]
    version = LanguageVersion.objects.get(language="zh")
    assert "又回顾 国际人道法" in version.source_text
    assert sum("Chinese characters" in w["message"] for w in version.warnings) == 9


@pytest.mark.django_db
def test_the_import_command_reads_the_words_of_every_file_before_the_first(corpus_dir):
    out = io.StringIO()

    call_command(
        "import_resolutions",
        str(corpus_dir / BROKEN),
        str(corpus_dir / WHOLE),
        "--no-bulk",
        stdout=out,
    )

    assert "maintenance of international peace" in text_of("S/RES/119 (1956)", "preamble_2")
    assert "warning: preamble_2: line-end hyphenation undone (inter- national" in out.getvalue()
