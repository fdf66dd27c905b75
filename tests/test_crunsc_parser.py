"""The Security Council corpus layout (OCR of the yearly volumes of Council resolutions).

The fixtures in fixtures/crunsc/ are fictional texts written in the style of the layout; the
corpus tests read the real files of the shared corpus.
"""

import re
from datetime import date
from pathlib import Path

import pytest

from resolutions.importer import Status
from resolutions.models import LanguageVersion, Resolution
from resolutions.parsing import crunsc
from resolutions.parsing.crunsc.vote import parse_vote
from resolutions.parsing.document import OPERATIVE, OTHER, PREAMBULAR, SUBPARAGRAPH, ParseError
from resolutions.parsing.shared.dates import find_date
from resolutions.parsing.shared.meetings import find_meeting
from resolutions.parsing.source import detect_format
from resolutions.parsing.validate import validate
from resolutions.votes import vote_summary
from tests.importing import import_file

# Files of the corpus whose name does not match the resolution they hold: the source data set
# filed a second printing of 538 (1983) and of 773 (1992) under these names (same text, date
# and meeting; the real 542 (1983) of 23 November and 778 (1992) of 2 October are absent). The
# parser reads the symbol the text prints, so each pair claims one symbol and the importer keeps
# the first file it meets.
MISFILED = {
    "S_RES_0542_1983.en.txt": "S_RES_0538_1983.en.txt",
    "S_RES_0778_1992.en.txt": "S_RES_0773_1992.en.txt",
}
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "crunsc"


def _fixture(name: str):
    return crunsc.parse((FIXTURES / name).read_text(encoding="utf-8"), "en")


def _corpus(corpus_dir: Path, number: int, year: int):
    path = corpus_dir / "en" / "sc-crunsc" / f"S_RES_{number:04d}_{year}.en.txt"
    return crunsc.parse(path.read_text(encoding="utf-8"), "en")


def _tree(resolution) -> list[tuple[str, str, str | None, str | None]]:
    return [(p.eid, p.kind, p.label, p.parent_eid) for p in resolution.paragraphs]


# --- Own fixtures ------------------------------------------------------------------------------


def test_fixture_header_with_ocr_slips():
    resolution = _fixture("sample_1975.txt")
    assert resolution.symbol == "S/RES/370 (1975)"
    assert (resolution.body, resolution.number, resolution.year) == ("SC", 370, 1975)
    assert resolution.source_format == crunsc.FORMAT == "crunsc"
    assert resolution.adopted_on == date(1975, 4, 3)  # "ef 3 Apri] 1975"
    assert resolution.title == "Coastal Fisheries Question"
    assert resolution.draft_symbols == ["S/99999"]
    assert resolution.opening_formula == "The Security Council,"


def test_fixture_paragraphs_and_subitems():
    resolution = _fixture("sample_1975.txt")
    assert _tree(resolution) == [
        ("preamble_1", PREAMBULAR, None, None),
        ("preamble_2", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("para_2", OPERATIVE, "2", None),
        ("para_2_a", SUBPARAGRAPH, "a", "para_2"),
        ("para_2_b", SUBPARAGRAPH, "b", "para_2"),
        ("para_2_b_i", SUBPARAGRAPH, "i", "para_2_b"),
        ("para_2_b_ii", SUBPARAGRAPH, "ii", "para_2_b"),
        ("para_3", OPERATIVE, "3", None),
    ]
    para_1 = resolution.paragraphs[2]
    assert para_1.text == (
        "Calls upon the parties concerned to refrain from any action which might aggravate "
        "the situation;"
    )


def test_fixture_closing_and_footnote():
    resolution = _fixture("sample_1975.txt")
    assert resolution.meeting_number == 9999
    # The closing sentence is kept as printed, and read into the vote.
    assert resolution.vote == {
        "in_favour": 13,
        "against": 0,
        "abstaining": 2,
        "abstaining_members": ["Atlantis", "Utopia"],
    }
    assert resolution.adoption_note == (
        "Adopted at the 9999th meeting by 13 votes to none, with 2 abstentions (Atlantis, Utopia)."
    )
    preamble = resolution.paragraphs[0]
    assert preamble.text.endswith("the northern coast,")
    assert [(ref.marker, ref.offset) for ref in preamble.footnote_refs] == [
        ("12", len(preamble.text))
    ]
    assert [(n.marker, n.text) for n in resolution.footnotes] == [
        ("12", "Ibid., document S/99998.")
    ]
    assert validate(resolution) == []


def test_fixture_parts_headings_and_vote_footnote():
    resolution = _fixture("sample_1948_parts.txt")
    assert resolution.symbol == "S/RES/40 (1948)"
    assert resolution.adopted_on == date(1948, 3, 14)
    assert _tree(resolution) == [
        ("heading_1", OTHER, None, None),
        ("preamble_1", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),
        ("heading_2", OTHER, None, None),
        ("part_B_para_1", OPERATIVE, "1", None),
    ]
    # The note on the vote goes with the closing sentence, not with the footnotes.
    assert resolution.adoption_note == "Adopted at the 999th meeting. [5: Adopted without vote.]"
    assert resolution.vote == {"without_vote": True}
    assert [n.marker for n in resolution.footnotes] == ["4"]
    assert resolution.paragraphs[1].footnote_refs[0].marker == "4"


def test_detection_and_refusal():
    assert crunsc.looks_like_crunsc_layout((FIXTURES / "sample_1975.txt").read_text())
    other = (FIXTURES / "not_a_resolution.txt").read_text()
    assert not crunsc.looks_like_crunsc_layout(other)
    with pytest.raises(ParseError, match="no resolution header"):
        crunsc.parse(other, "en")


def test_date_and_meeting_readers():
    assert find_date("of 15 Auqust 1993") == date(1993, 8, 15)
    assert find_date("of 22 October £1966") == date(1966, 10, 22)
    assert find_date("the matter") is None
    assert find_meeting("at its 3106lst meeting,") == 3106
    assert find_meeting("Adopted unanimously at the 1382nd meeting.") == 1382


# --- Real corpus -------------------------------------------------------------------------------


def test_res_242(corpus_dir):
    resolution = _corpus(corpus_dir, 242, 1967)
    assert resolution.symbol == "S/RES/242 (1967)"
    assert resolution.adopted_on == date(1967, 11, 22)
    assert resolution.meeting_number == 1382
    assert resolution.adoption_note == "Adopted unanimously at the 1382nd meeting."
    operative = [p.label for p in resolution.paragraphs if p.kind == OPERATIVE]
    assert operative == ["1", "2", "3", "4"]
    children = {
        eid: [p.label for p in resolution.paragraphs if p.parent_eid == eid]
        for eid in ("para_1", "para_2")
    }
    assert children == {"para_1": ["i", "ii"], "para_2": ["a", "b", "c"]}  # OCR "(1)" is (i)
    assert len([p for p in resolution.paragraphs if p.kind == PREAMBULAR]) == 3


def test_res_660(corpus_dir):
    resolution = _corpus(corpus_dir, 660, 1990)
    assert resolution.adopted_on == date(1990, 8, 2)
    assert resolution.meeting_number == 2932
    assert [p.label for p in resolution.paragraphs if p.kind == OPERATIVE] == ["1", "2", "3", "4"]
    assert resolution.adoption_note.endswith("One member (Yemen) did not participate in the vote.")
    assert validate(resolution) == []


def test_res_1_of_1946(corpus_dir):
    resolution = _corpus(corpus_dir, 1, 1946)
    assert resolution.symbol == "S/RES/1 (1946)"
    assert resolution.adopted_on == date(1946, 1, 25)
    assert resolution.meeting_number == 2
    assert resolution.title == "Military Staff Committee"
    assert [p.label for p in resolution.paragraphs if p.kind == OPERATIVE] == ["1", "2", "3"]
    assert resolution.footnotes == []
    assert "Adopted without vote." in resolution.adoption_note
    assert validate(resolution) == []


def test_res_290_of_1970(corpus_dir):
    resolution = _corpus(corpus_dir, 290, 1970)  # printed without its year
    assert resolution.symbol == "S/RES/290 (1970)"
    assert resolution.meeting_number == 1563
    assert "with 4 abstentions" in resolution.adoption_note
    assert len([p for p in resolution.paragraphs if p.kind == OPERATIVE]) == 12
    assert resolution.paragraphs[0].footnote_refs[0].marker == "45"
    assert validate(resolution) == []


def _corpus_files(corpus_dir: Path) -> list[Path]:
    paths = sorted((corpus_dir / "en" / "sc-crunsc").glob("*.txt"))
    assert len(paths) == 902
    return paths


def test_whole_corpus_parses_and_validates(corpus_dir):
    """Every file is recognised as this layout, parses, and validates with no issue."""
    failures, unclean = [], {}
    for path in _corpus_files(corpus_dir):
        text = path.read_text(encoding="utf-8")
        if detect_format(text)[0] != crunsc.FORMAT:
            failures.append((path.name, "not recognised as the corpus layout"))
            continue
        try:
            resolution = crunsc.parse(text, "en")
        except ParseError as error:
            failures.append((path.name, str(error)))
            continue
        if issues := validate(resolution):
            unclean[path.name] = [str(issue) for issue in issues]
    assert failures == []
    assert unclean == {}


def test_numbered_sub_items_of_early_texts_keep_their_numbers(corpus_dir):
    """S/RES/118 (1956) lists six requirements as (1) … (6) under a preambular paragraph."""
    resolution = _corpus(corpus_dir, 118, 1956)
    items = [(p.eid, p.label) for p in resolution.paragraphs if p.kind == SUBPARAGRAPH]
    assert items == [(f"preamble_2_{n}", str(n)) for n in range(1, 7)]
    assert validate(resolution) == []


def test_every_symbol_matches_its_file_name(corpus_dir):
    """S_RES_0242_1967.en.txt holds S/RES/242 (1967); the misfiled copies hold their twins'."""
    symbols: dict[str, list[str]] = {}
    for path in _corpus_files(corpus_dir):
        resolution = crunsc.parse(path.read_text(encoding="utf-8"), "en")
        symbols.setdefault(resolution.symbol, []).append(path.name)
        number, year = map(int, re.match(r"S_RES_(\d{4})_(\d{4})", path.name).groups())
        if path.name not in MISFILED:
            assert (resolution.number, resolution.year) == (number, year), path.name
    twins = {symbol: names for symbol, names in symbols.items() if len(names) > 1}
    assert twins == {
        "S/RES/538 (1983)": ["S_RES_0538_1983.en.txt", "S_RES_0542_1983.en.txt"],
        "S/RES/773 (1992)": ["S_RES_0773_1992.en.txt", "S_RES_0778_1992.en.txt"],
    }


@pytest.mark.parametrize("misfiled", sorted(MISFILED))
def test_a_misfiled_copy_is_its_twin(corpus_dir, misfiled):
    """The evidence that the file name is what is wrong: same date, meeting and paragraphs."""
    folder = corpus_dir / "en" / "sc-crunsc"
    copy = crunsc.parse((folder / misfiled).read_text(encoding="utf-8"), "en")
    twin = crunsc.parse((folder / MISFILED[misfiled]).read_text(encoding="utf-8"), "en")
    assert (copy.symbol, copy.adopted_on, copy.meeting_number) == (
        twin.symbol,
        twin.adopted_on,
        twin.meeting_number,
    )
    # The texts are two printings: line breaks and OCR differ, the words are the same.
    assert [p.eid for p in copy.paragraphs][:8] == [p.eid for p in twin.paragraphs][:8]
    assert copy.paragraphs[0].text.split()[:8] == twin.paragraphs[0].text.split()[:8]


def test_year_contradicting_the_date_is_read_from_the_date(corpus_dir):
    resolution = _corpus(corpus_dir, 434, 1978)  # printed "Resolution 434 (1973)"
    assert resolution.symbol == "S/RES/434 (1978)"
    assert resolution.adopted_on == date(1978, 9, 18)


def test_unreadable_year_of_the_date_comes_from_the_header(corpus_dir):
    resolution = _corpus(corpus_dir, 226, 1966)  # "of 14 October £964"
    assert resolution.adopted_on == date(1966, 10, 14)


def test_first_paragraph_without_a_blank_line_after_the_header_is_kept(corpus_dir):
    resolution = _corpus(corpus_dir, 30, 1947)
    assert resolution.draft_symbols == ["S/525"]
    assert resolution.paragraphs[0].text.startswith("Whereas the Security Council on 1 August")


def test_parts_articles_and_annexes_number_their_own_paragraphs(corpus_dir):
    def operative(number, year):
        return [p.eid for p in _corpus(corpus_dir, number, year).paragraphs if p.kind == OPERATIVE]

    assert operative(101, 1953)[:4] == ["para_1", "para_2", "part_B_para_1", "part_B_para_2"]
    assert operative(21, 1947)[:4] == [
        "article_5_para_1",
        "article_5_para_2",
        "article_5_para_3",
        "article_6_para_1",
    ]
    assert "para_5" in operative(687, 1991)  # its parts B–I continue the numbering of part A
    annexed = _corpus(corpus_dir, 1454, 2002)
    eids = [p.eid for p in annexed.paragraphs]
    assert {"annex_a_chemical_item_1", "annex_b_para_20", "annex_b_form_text_1"} <= set(eids)
    assert "annex_a_chemical_item_6_a" in eids


def test_labels_printed_after_their_text_are_put_back(corpus_dir):
    resolution = _corpus(corpus_dir, 724, 1991)
    items = [p.label for p in resolution.paragraphs if p.parent_eid == "para_5_b"]
    assert items == ["i", "ii", "iii", "iv"]
    assert resolution.paragraphs[-1].eid.startswith("para_")


def test_two_markers_side_by_side_are_two_references(corpus_dir):
    resolution = _corpus(corpus_dir, 142, 1960)  # "the Congo, 21 22"
    assert [ref.marker for ref in resolution.paragraphs[0].footnote_refs] == ["21", "22"]


def test_markers_of_notes_the_source_lost_stay_as_printed(corpus_dir):
    resolution = _corpus(corpus_dir, 797, 1992)
    assert resolution.footnotes == []
    assert resolution.paragraphs[1].text.endswith("of 27 October 1992, 1/")


def test_a_note_of_a_later_document_on_the_page_is_left_out(corpus_dir):
    resolution = _corpus(corpus_dir, 508, 1982)  # adopted at the 2374th meeting
    assert resolution.meeting_number == 2374
    # "28 Ibid., 2375th meeting." annotates the next document of the volume's page.
    assert "28" not in [note.marker for note in resolution.footnotes]
    assert validate(resolution) == []


def test_a_text_without_closing_has_no_meeting_and_no_vote(corpus_dir):
    resolution = _corpus(corpus_dir, 129, 1958)
    assert (resolution.adoption_note, resolution.meeting_number, resolution.vote) == (
        "",
        None,
        None,
    )
    assert validate(resolution) == []


def test_votes_read_across_the_corpus(corpus_dir):
    """How many closing sentences give a vote; none gives one that cannot be read at all."""
    with_vote, silent, no_closing = 0, [], 0
    for path in _corpus_files(corpus_dir):
        resolution = crunsc.parse(path.read_text(encoding="utf-8"), "en")
        if resolution.vote:
            with_vote += 1
        elif resolution.adoption_note:
            silent.append(path.name)
        else:
            no_closing += 1
    assert with_vote == 802
    # "Adopted at the 1378th meeting." and "(private meeting)": the sentence gives no vote.
    assert silent == [
        "S_RES_0097_1952.en.txt",
        "S_RES_0227_1966.en.txt",
        "S_RES_0229_1966.en.txt",
        "S_RES_0241_1967.en.txt",
    ]
    assert no_closing == 96


# --- OCR repairs (fictional fixture) -----------------------------------------------------------


def test_operative_numbers_misread_by_the_ocr_are_repaired():
    resolution = _fixture("sample_1986_ocr_slips.txt")
    assert resolution.symbol == "S/RES/595 (1986)"  # "(1936)" in the header, 1986 in the date
    assert _tree(resolution) == [
        ("preamble_1", PREAMBULAR, None, None),
        ("preamble_2", PREAMBULAR, None, None),
        ("para_1", OPERATIVE, "1", None),  # "1,"
        ("para_2", OPERATIVE, "2", None),
        ("para_3", OPERATIVE, "3", None),  # on the line after paragraph 2, no blank line
        ("para_4", OPERATIVE, "4", None),  # "4 Notes"
        ("para_4_a", SUBPARAGRAPH, "a", "para_4"),
        ("para_4_b", SUBPARAGRAPH, "b", "para_4"),  # "(5)"
        ("para_4_c", SUBPARAGRAPH, "c", "para_4"),  # "c)"
        ("para_5", OPERATIVE, "5", None),  # "S."
        ("para_6", OPERATIVE, "6", None),  # "8." between 5 and 7
        ("para_7", OPERATIVE, "7", None),
    ]
    assert resolution.paragraphs[2].text == "Calls upon the parties to exercise restraint;"
    assert resolution.paragraphs[9].text == "Urges all States to support the mission;"
    assert validate(resolution) == []


def test_footnote_markers_found_refused_and_missing():
    resolution = _fixture("sample_1986_ocr_slips.txt")
    preamble = resolution.paragraphs[0]
    text = preamble.text
    assert text.startswith("Having considered the letters of 3 June 1986 and 5 June 1986 from")
    refs = [(ref.marker, ref.offset) for ref in preamble.footnote_refs]
    # 21 stands before "and 5 June" (refused by the first search, found between 20 and 22);
    # 23 is in no text at all: it goes to the end of the paragraph holding its neighbours.
    assert refs == [
        ("21", text.index(" and 5 June")),
        ("22", text.index(" from the")),
        ("23", len(text)),
    ]
    assert [note.marker for note in resolution.footnotes] == ["21", "22", "23"]


def test_a_note_on_the_vote_joins_the_closing_and_the_vote():
    resolution = _fixture("sample_1986_ocr_slips.txt")
    assert resolution.meeting_number == 9998  # "Adapted at the 9998th meeting"
    assert resolution.adoption_note.endswith(
        "[24: One member (Arcadia) did not participate in the voting.]"
    )
    assert resolution.vote == {
        "in_favour": 12,
        "against": 1,
        "against_members": ["Utopia"],
        "abstaining": 1,
        "abstaining_members": ["Atlantis"],
        "not_participating": 1,
        "not_participating_members": ["Arcadia"],
    }


# --- Votes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "vote"),
    [
        ("Adopted unanimously at the 1382nd meeting.", {"unanimous": True}),
        ("Adopted without a vote at the 2347th meeting.", {"without_vote": True}),
        ("Adopted at the 2500th meeting by consensus.", {"consensus": True}),
        (
            "Adopted at the 1563rd meeting by 9 votes to 1 (Union of Soviet Socialist Re- "
            "publics), with I abstention (France).",
            {
                "in_favour": 9,
                "against": 1,
                "against_members": ["Union of Soviet Socialist Republics"],
                "abstaining": 1,
                "abstaining_members": ["France"],
            },
        ),
        (
            "Adopted at the 2067th meeting by 10 votes to none, with 5 abstentions (Canada, "
            "France, Germany, Federal Republic of, United. Kingdom of Great Britain and "
            "Northern Ireland, United States of America).",
            {
                "in_favour": 10,
                "against": 0,
                "abstaining": 5,
                "abstaining_members": [
                    "Canada",
                    "France",
                    "Germany, Federal Republic of",
                    "United Kingdom of Great Britain and Northern Ireland",
                    "United States of America",
                ],
            },
        ),
        (
            "Adopted at the 470th meeting by 9 votes to none. [8: One member (Union of Soviet "
            "Socialist Republics) was absent.]",
            {
                "in_favour": 9,
                "against": 0,
                "absent": 1,
                "absent_members": ["Union of Soviet Socialist Republics"],
            },
        ),
        (
            "Adopted at the 1000th meeting. [6: The draft resolution was voted on in parts. No "
            "vote was taken on the text as a whole.]",
            {"in_parts": True},
        ),
        ("Adopted at the 1378th meeting.", None),
    ],
)
def test_vote_read_from_the_closing_sentence(sentence, vote):
    assert parse_vote(sentence) == vote


def test_vote_in_words():
    assert vote_summary({"unanimous": True}) == {"zh": "一致通过。", "en": "Adopted unanimously."}
    assert vote_summary(
        {"in_favour": 10, "against": 0, "abstaining": 5, "not_participating": 1}
    ) == {
        "zh": "以 10 票赞成、0 票反对、5 票弃权通过；1 个成员未参加表决。",
        "en": "Adopted by 10 votes to none, with 5 abstentions; 1 member did not participate "
        "in the vote.",
    }


@pytest.mark.django_db
def test_vote_is_stored_exported_and_shown(client, tmp_path):
    from resolutions.exports import export_version

    path = tmp_path / "S_RES_0595_1986.en.txt"
    path.write_bytes((FIXTURES / "sample_1986_ocr_slips.txt").read_bytes())
    assert import_file(path).status == Status.IMPORTED
    resolution = Resolution.objects.get(symbol="S/RES/595 (1986)")
    assert resolution.vote["against_members"] == ["Utopia"]
    version = LanguageVersion.objects.with_contents().get(resolution=resolution)
    assert export_version(version)["vote"] == resolution.vote
    page = client.get(version.get_absolute_url()).content.decode()
    assert '表决 <span lang="en">Vote</span>' in page
    assert "以 12 票赞成、1 票反对、1 票弃权通过" in page
    assert (
        "Adopted by 12 votes to 1 (Utopia), with 1 abstention (Atlantis); "
        "1 member (Arcadia) did not participate in the vote."
    ) in page
