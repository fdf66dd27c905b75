"""The Markdown-like layout parser, on the Chinese sample and on fixtures in other languages."""

import re

import pytest

from resolutions.parsing import read_source, validate
from resolutions.parsing.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH
from resolutions.parsing.shared.text import strip_markup

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MARKER = re.compile(f"[{SUPERSCRIPTS}]+")


@pytest.fixture(scope="module")
def sample(sample_path):
    source = read_source(sample_path.read_bytes())
    assert source.format == "markdown"
    (parsed,) = source.documents
    return parsed


def plain(line: str) -> str:
    """A source line as it should read in the archive: markup and markers gone.

    Written independently of the parser, so the tests do not check the parser against itself.
    """
    line = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", line).replace("**", "")
    line = line.replace("\\(", "(").replace("\\)", ")")
    line = re.sub(rf"([{SUPERSCRIPTS}]+) (?=[\u4e00-\u9fff])", r"\1", line)
    # A space between two Chinese characters is a flaw of the conversion (又回顾 国际人道法).
    line = re.sub(r"(?<=[\u4e00-\u9fff《》，]) +(?=[\u4e00-\u9fff《》，])", "", line)
    return MARKER.sub("", line).strip()


def superscript_to_digits(marker: str) -> str:
    return marker.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))


def test_sample_has_38_preambular_and_50_operative_paragraphs_and_17_footnotes(sample):
    kinds = [p.kind for p in sample.paragraphs]
    assert kinds.count(PREAMBULAR) == 38
    assert kinds.count(OPERATIVE) == 50
    assert kinds.count(SUBPARAGRAPH) == 0
    assert [f.marker for f in sample.footnotes] == [str(n) for n in range(1, 18)]
    assert validate(sample) == []


def test_sample_header_metadata(sample):
    assert sample.symbol == "A/RES/76/127"
    assert (sample.body, sample.session, sample.number) == ("GA", 76, 127)
    assert sample.language == "zh"
    assert sample.title == "人道主义人员的安全保障和联合国人员的保护"
    assert str(sample.distributed_on) == "2021-12-17"
    assert str(sample.adopted_on) == "2021-12-10"
    assert sample.meeting_number == 51
    assert sample.agenda_items == ["75(a)"]
    assert sample.draft_symbols == ["A/76/L.26", "A/76/L.26/Add.1"]
    assert sample.opening_formula == "大会，"
    assert sample.agenda_title.startswith("加强联合国人道主义和救灾援助，包括")
    assert "\n" not in sample.agenda_title


def test_eids_follow_the_design(sample):
    preambular = [p.eid for p in sample.paragraphs if p.kind == PREAMBULAR]
    operative = [p for p in sample.paragraphs if p.kind == OPERATIVE]
    assert preambular == [f"preamble_{n}" for n in range(1, 39)]
    assert [p.eid for p in operative] == [f"para_{n}" for n in range(1, 51)]
    assert [p.label for p in operative] == [str(n) for n in range(1, 51)]
    assert [f.eid for f in sample.footnotes] == [f"fn_{n}" for n in range(1, 18)]


def test_every_footnote_reference_sits_on_the_paragraph_that_carries_it(sample, sample_path):
    """Each marker in the source lands in the paragraph holding the text just before it."""
    found = 0
    for line in sample_path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip()[0] in SUPERSCRIPTS:
            continue  # blank, or a footnote's own definition
        for match in MARKER.finditer(line):
            context = plain(line[: match.start()])[-8:]
            marker = superscript_to_digits(match.group())
            holders = [
                p
                for p in sample.paragraphs
                for ref in p.footnote_refs
                if ref.marker == marker and p.text[: ref.offset].endswith(context)
            ]
            assert len(holders) == 1, f"footnote {marker} after {context!r}"
            found += 1
    assert found == 17
    assert sorted((ref.marker for p in sample.paragraphs for ref in p.footnote_refs), key=int) == [
        str(n) for n in range(1, 18)
    ]


def test_paragraphs_broken_by_a_page_break_are_joined(sample):
    texts = {p.eid: p.text for p in sample.paragraphs}
    assert "地区工人员，2020 年这些人员中有 1 人丧生" in texts["preamble_22"]
    assert "包括联合国人员和人道主义人员实施的这种行为" in texts["para_13"]
    assert "必须达到的标准，包括相关国内法和国际法所载的标准" in texts["para_30"]
    # Whole paragraphs end the way UN paragraphs end; none starts mid-sentence.
    for paragraph in sample.paragraphs:
        assert paragraph.text[-1] in ("，" if paragraph.kind == PREAMBULAR else "；。"), (
            paragraph.eid
        )
        assert paragraph.text[0] not in "，。；、员", paragraph.eid


def test_no_markup_is_left_in_any_text(sample):
    texts = [p.text for p in sample.paragraphs] + [f.text for f in sample.footnotes]
    texts += [sample.title, sample.agenda_title, sample.adoption_note, sample.opening_formula]
    for text in texts:
        assert "**" not in text and "](#)" not in text and "\\" not in text, text
        assert "[" not in text and not MARKER.search(text), text
        assert text == text.strip()
        assert "  " not in text


def test_footnote_marker_space_between_chinese_characters_is_dropped(sample):
    texts = {p.eid: p.text for p in sample.paragraphs}
    assert "所有相关条约的原则" in texts["preamble_4"]
    assert "日内瓦四公约及其 1977 年" in texts["preamble_5"]


def test_every_line_of_the_source_body_is_in_a_paragraph_or_footnote(sample, sample_path):
    lines = sample_path.read_text(encoding="utf-8").splitlines()
    body_start = next(i for i, line in enumerate(lines) if line.startswith("76/127. ")) + 1
    texts = [p.text for p in sample.paragraphs] + [f.text for f in sample.footnotes]
    fields = [
        sample.opening_formula,
        "2021 年 12 月 10 日",
        f"第 {sample.meeting_number} 次全体会议",
    ]
    assert str(sample.adopted_on) == "2021-12-10"
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        if not line.strip():
            continue
        text = plain(re.sub(r"^\d+\. ", "", line))
        assert any(text in t for t in texts) or text in fields, f"line {number}: {line[:30]}"


def test_every_header_line_is_kept_in_a_metadata_field(sample, sample_path):
    lines = [line.strip() for line in sample_path.read_text(encoding="utf-8").splitlines()]
    header = lines[: lines.index("76/127. 人道主义人员的安全保障和联合国人员的保护") + 1]
    kept = {
        "大 会": sample.body == "GA",
        "Distr.: General": True,  # the distribution class: every resolution is General
        "17 December 2021": str(sample.distributed_on) == "2021-12-17",
        "第七十六届会议": sample.session == 76,
        "议程项目 75(a)": sample.agenda_items == ["75(a)"],
        "2021 年 12 月 10 日大会决议": str(sample.adopted_on) == "2021-12-10",
        "76/127. 人道主义人员的安全保障和联合国人员的保护": sample.title in header[-1],
    }
    for line in filter(None, header):
        if line in kept:
            assert kept[line], line
        elif line.startswith("["):
            assert plain(line[1:-1]) == sample.adoption_note
        else:
            assert line in sample.agenda_title, line


EXPECTED_SAMPLE_CITATIONS = {
    ("preamble_1", "46/182", "A/RES/46/182", None),
    ("preamble_2", "75/125", "A/RES/75/125", None),
    ("preamble_2", "2175(2014)", "S/RES/2175 (2014)", None),
    ("preamble_3", "2286(2016)", "S/RES/2286 (2016)", None),
    ("fn_6", "A/76/334", "A/76/334", "23"),
    ("fn_7", "A/74/19", "A/74/19", None),
    ("fn_8", "A/76/334", "A/76/334", None),
    ("fn_11", "A/76/334", "A/76/334", None),
    ("fn_13", "A/76/334", "A/76/334", None),
    ("fn_15", "22 A (I)", "A/RES/22A(I)", None),
    ("fn_16", "179 (II)", "A/RES/179(II)", None),
}


def test_every_citation_in_the_sample_is_found_and_nothing_else(sample):
    found = set()
    for holder in [*sample.paragraphs, *sample.footnotes]:
        for citation in holder.citations:
            assert holder.text[citation.start : citation.end] == citation.text
            found.add((holder.eid, citation.text, citation.target, citation.pinpoint))
    assert found == EXPECTED_SAMPLE_CITATIONS


@pytest.mark.parametrize(
    "fixture, language, opening",
    [
        ("english_fixture", "en", "The General Assembly,"),
        ("french_fixture", "fr", "L'Assemblée générale,"),
    ],
)
def test_the_layout_parses_in_latin_script_languages(request, fixture, language, opening):
    parsed = read_source(request.getfixturevalue(fixture).read_bytes()).documents[0]
    assert validate(parsed) == []
    assert (parsed.symbol, parsed.language, parsed.opening_formula) == (
        "A/RES/80/501",
        language,
        opening,
    )
    assert (str(parsed.adopted_on), str(parsed.distributed_on)) == ("2025-12-01", "2025-12-03")
    assert (parsed.session, parsed.meeting_number, parsed.agenda_items) == (80, 51, ["68(b)"])
    assert parsed.draft_symbols == ["A/80/L.40", "A/80/L.40/Add.1"]
    structure = [(p.eid, p.kind, p.label, p.parent_eid) for p in parsed.paragraphs]
    assert structure == [
        ("preamble_1", PREAMBULAR, None, None),
        ("preamble_2", PREAMBULAR, None, None),
        ("preamble_3", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("para_2", OPERATIVE, "2", None),
        ("para_2_a", SUBPARAGRAPH, "a", "para_2"),
        ("para_2_b", SUBPARAGRAPH, "b", "para_2"),
        ("para_2_b_i", SUBPARAGRAPH, "i", "para_2_b"),
        ("para_2_b_ii", SUBPARAGRAPH, "ii", "para_2_b"),
        ("para_3", OPERATIVE, "3", None),
    ]
    texts = {p.eid: p.text for p in parsed.paragraphs}
    # Italic and bold verbs lose their marks; a page-broken paragraph is joined with a space.
    assert texts["preamble_1"].startswith(
        ("Recalling its resolution 46/182", "Rappelant sa résolution 46/182")
    )
    assert texts["preamble_3"].endswith((" over the long term,", " lisibles à long terme,"))
    assert texts["para_1"].startswith(("Requests the", "Prie le"))
    targets = [(c.text, c.target) for c in parsed.paragraphs[0].citations]
    assert targets == [("46/182", "A/RES/46/182"), ("2286(2016)", "S/RES/2286 (2016)")]
    assert [(c.target, c.pinpoint) for c in parsed.footnotes[0].citations] == [("A/80/123", "14")]
    refs = {
        p.eid: [(r.marker, p.text[: r.offset]) for r in p.footnote_refs]
        for p in parsed.paragraphs
        if p.footnote_refs
    }
    assert set(refs) == {"preamble_2", "para_2_b_ii"}
    assert refs["preamble_2"][0][1].endswith(("Secretary-General,", "Secrétaire général"))


def test_sub_items_nest_under_preambular_and_lettered_items(english_fixture):
    """(i) after (h) is a letter; (i) after (a) is a roman numeral; preambles have sub-items too."""
    letters = "\n\n".join(f"({letter}) Item {letter};" for letter in "abcdefghij")
    text = (
        english_fixture.read_text(encoding="utf-8")
        .replace(
            "*Recalling also* the report of the Secretary-General,¹ and noting the recommendations "
            "contained therein,",
            "*Recalling also* the report of the Secretary-General,¹ which found:\n\n"
            "(a) That records were lost,\n\n(i) On paper,\n\n(ii) In digital form,",
        )
        .replace("(a) To share the texts of resolutions in all official languages;", letters)
        .replace("(b) To support archives", "(k) To support archives")
    )
    parsed = read_source(text.encode()).documents[0]
    assert validate(parsed) == []
    structure = {p.eid: p.parent_eid for p in parsed.paragraphs if p.kind == SUBPARAGRAPH}
    assert structure["preamble_2_a"] == "preamble_2"
    assert structure["preamble_2_a_i"] == structure["preamble_2_a_ii"] == "preamble_2_a"
    assert structure["para_2_h"] == structure["para_2_i"] == structure["para_2_j"] == "para_2"
    assert structure["para_2_k_i"] == structure["para_2_k_ii"] == "para_2_k"


@pytest.mark.parametrize(
    "raw, text",
    [
        ("see [76/127](#) now", "see 76/127 now"),
        ("see [link](javascript:alert(1)) now", "see link now"),
        ("see [the page](https://example.org/a_(b)) now", "see the page now"),
    ],
)
def test_a_link_keeps_its_text_and_loses_its_whole_target(raw, text):
    assert strip_markup(raw) == text
