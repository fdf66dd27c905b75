"""What changed between two texts: paragraphs matched by content, and the words inserted and
deleted in each (``resolutions.changes``).

The corpus tests read the yearly series "Safety and security of humanitarian personnel and
protection of United Nations personnel" (A/RES/73/137 … 77/31) and check pairs of paragraphs
written down from reading the texts side by side.
"""

from functools import cache
from pathlib import Path

import jieba
import pytest

from resolutions.changes import Change, Comparison, Passage, Piece, State, compare
from resolutions.parsing import markdown, pdftext
from resolutions.wording import normalise

# ---------------------------------------------------------------- hand-written passages


def _passages(*texts: str, kind: str = "operative") -> list[Passage]:
    return [Passage(f"para_{n}", text, str(n), kind) for n, text in enumerate(texts, 1)]


def _pairs(comparison: Comparison) -> list[tuple[str | None, str | None, str]]:
    return [
        (c.old.eid if c.old else None, c.new.eid if c.new else None, c.state.value)
        for c in comparison.changes
    ]


def _joined(change: Change, *kinds: Piece) -> str:
    return "".join(text for kind, text in change.pieces if kind in kinds)


def _marked(change: Change, kind: Piece) -> list[str]:
    return [text for piece, text in change.pieces if piece == kind]


SAFETY = "Urges all States to ensure the safety and security of humanitarian personnel;"
ACCESS = (
    "Calls upon all parties to ensure the safe and unhindered access of humanitarian personnel;"
)
REPORT = "Requests the Secretary-General to submit a report at its seventy-seventh session;"
PROTOCOL = "Calls upon all States to consider becoming parties to the Optional Protocol;"
FEMALE = "Welcomes the contribution of female humanitarian personnel in humanitarian operations;"


def test_inserted_paragraph_is_new_and_the_rest_are_unchanged_and_renumbered():
    inserted = "Encourages Member States to support the victims of violence registry;"
    comparison = compare(
        _passages(SAFETY, ACCESS, REPORT), _passages(SAFETY, inserted, ACCESS, REPORT), "en"
    )

    assert _pairs(comparison) == [
        ("para_1", "para_1", "unchanged"),
        (None, "para_2", "new"),
        ("para_2", "para_3", "unchanged"),
        ("para_3", "para_4", "unchanged"),
    ]
    assert [c.renumbered for c in comparison.changes] == [False, False, True, True]
    assert comparison.renumbered == 2
    assert comparison.counts == {"new": 1, "changed": 0, "dropped": 0, "unchanged": 3}
    assert comparison.changes[2].pieces == [(Piece.EQUAL, ACCESS)]


def test_reworded_paragraph_is_changed_with_the_words_inserted_and_deleted():
    reworded = (
        "Requests the Secretary-General to submit a comprehensive report at its seventy-eighth "
        "session;"
    )
    comparison = compare(_passages(SAFETY, REPORT), _passages(SAFETY, reworded), "en")

    change = comparison.changes[1]
    assert (change.state, change.old.eid, change.new.eid) == (State.CHANGED, "para_2", "para_2")
    assert _marked(change, Piece.INSERTED) == ["comprehensive ", "seventy-eighth"]
    assert _marked(change, Piece.DELETED) == ["seventy-seventh"]
    assert _joined(change, Piece.EQUAL, Piece.INSERTED) == reworded
    assert _joined(change, Piece.EQUAL, Piece.DELETED) == REPORT
    assert comparison.share_changed == 0.5


def test_changed_numbers_are_marked_as_words():
    old = "Noting that, in 2020, 1,458 persons were affected by safety and security incidents,"
    new = "Noting that, in 2021, 1,652 persons were affected by safety and security incidents,"
    change = compare(_passages(old), _passages(new), "en").changes[0]

    assert change.state == State.CHANGED
    assert change.pieces == [
        (Piece.EQUAL, "Noting that, in "),
        (Piece.DELETED, "2020, 1,458"),
        (Piece.INSERTED, "2021, 1,652"),
        (Piece.EQUAL, " persons were affected by safety and security incidents,"),
    ]


def test_dropped_paragraph_stands_after_the_paragraph_before_it():
    comparison = compare(
        _passages(SAFETY, ACCESS, REPORT, PROTOCOL), _passages(ACCESS, REPORT), "en"
    )

    assert _pairs(comparison) == [
        ("para_1", None, "dropped"),  # nothing before it: at the start
        ("para_2", "para_1", "unchanged"),
        ("para_3", "para_2", "unchanged"),
        ("para_4", None, "dropped"),
    ]
    assert comparison.counts == {"new": 0, "changed": 0, "dropped": 2, "unchanged": 2}
    # Only the newer text's paragraphs count towards the share changed.
    assert comparison.share_changed == 0.0


def test_moved_paragraph_is_unchanged_and_renumbered_in_the_newer_order():
    comparison = compare(
        _passages(SAFETY, ACCESS, REPORT, PROTOCOL, FEMALE),
        _passages(SAFETY, REPORT, PROTOCOL, FEMALE, ACCESS),
        "en",
    )

    assert _pairs(comparison) == [
        ("para_1", "para_1", "unchanged"),
        ("para_3", "para_2", "unchanged"),
        ("para_4", "para_3", "unchanged"),
        ("para_5", "para_4", "unchanged"),
        ("para_2", "para_5", "unchanged"),
    ]


def test_moved_and_reworded_paragraph_is_found_where_it_went():
    reworded = ACCESS.replace("all parties", "all parties to armed conflict")
    comparison = compare(
        _passages(SAFETY, ACCESS, REPORT, PROTOCOL, FEMALE),
        _passages(SAFETY, REPORT, PROTOCOL, FEMALE, reworded),
        "en",
    )

    assert _pairs(comparison)[-1] == ("para_2", "para_5", "changed")
    assert _marked(comparison.changes[-1], Piece.INSERTED) == ["armed conflict to "]


def test_sub_items_are_matched_as_paragraphs_of_their_own():
    def items(*texts):
        return [
            Passage("para_4", "Requests the Secretary-General:", "4", "operative"),
            *(
                Passage(f"para_4_{letter}", text, f"({letter})", "subparagraph")
                for letter, text in zip("abc", texts, strict=False)
            ),
        ]

    first = "To strengthen the security management system of the United Nations;"
    second = "To report on steps taken to implement the present resolution."
    inserted = "To enhance the collection and analysis of data on road incidents;"
    comparison = compare(items(first, second), items(inserted, first, second), "en")

    assert _pairs(comparison) == [
        ("para_4", "para_4", "unchanged"),
        (None, "para_4_a", "new"),
        ("para_4_a", "para_4_b", "unchanged"),
        ("para_4_b", "para_4_c", "unchanged"),
    ]


def test_unrelated_paragraph_in_the_same_place_is_new_not_changed():
    unrelated = "Decides to include in the provisional agenda of its next session the item;"
    comparison = compare(
        _passages(SAFETY, ACCESS, REPORT), _passages(SAFETY, unrelated, REPORT), "en"
    )

    assert _pairs(comparison) == [
        ("para_1", "para_1", "unchanged"),
        ("para_2", None, "dropped"),
        (None, "para_2", "new"),
        ("para_3", "para_3", "unchanged"),
    ]


def test_a_paragraph_is_paired_with_one_of_its_own_kind_when_two_are_alike():
    old = [Passage("preamble_1", "Recognizing the importance of the safety and security "
                   "of humanitarian personnel,", "", "preambular")]  # fmt: skip
    preambular = (
        "Recognizing also the critical importance of the safety and security of all "
        "humanitarian personnel,"
    )
    operative = "Recognizes the importance of the safety and security of humanitarian personnel;"
    new = [
        Passage("preamble_1", preambular, "", "preambular"),
        Passage("para_1", operative, "1", "operative"),
    ]

    assert _pairs(compare(old, new, "en")) == [
        ("preamble_1", "preamble_1", "changed"),
        (None, "para_1", "new"),
    ]


def test_spaces_inside_words_case_and_width_are_not_changes():
    # Spaces left inside words by the PDF ("a nd"), a capital, and full-width digits.
    old = "Welcomes the services to personnel affected by safety a nd security incidents in 2021;"
    new = (
        "Welcomes the services to Personnel affected by safety and security incidents in ２０２１;"
    )
    change = compare(_passages(old), _passages(new), "en").changes[0]

    assert change.state == State.UNCHANGED
    assert change.pieces == [(Piece.EQUAL, new)]


def test_a_change_of_hyphen_or_punctuation_is_a_change():
    old = "Encourages enhanced information-sharing, assistance in emergency situations;"
    new = "Encourages enhanced information sharing; assistance in emergency situations;"
    change = compare(_passages(old), _passages(new), "en").changes[0]

    assert change.state == State.CHANGED
    assert _marked(change, Piece.DELETED) == ["information-sharing,"]
    assert _marked(change, Piece.INSERTED) == ["information sharing;"]


def test_chinese_changes_are_marked_in_jieba_words():
    old = "请秘书长向大会第七十七届会议提交报告，并强烈谴责针对人道主义人员的一切暴力行为。"
    new = "请秘书长向大会第七十八届会议提交报告，并最强烈地谴责针对人道主义人员的一切暴力行为。"
    change = compare(_passages(old), _passages(new), "zh").changes[0]

    assert change.state == State.CHANGED
    assert _marked(change, Piece.DELETED) == ["第七十七届"]
    assert _marked(change, Piece.INSERTED) == ["第七十八届", "最", "地"]
    _assert_pieces_rebuild_the_texts(change)
    _assert_marks_keep_jieba_words_whole(change)


def test_empty_texts_compare_to_nothing():
    assert compare([], [], "en").changes == []
    comparison = compare([], _passages(SAFETY), "en")
    assert _pairs(comparison) == [(None, "para_1", "new")]
    assert comparison.share_changed == 1.0


# ---------------------------------------------------------------- the corpus series


@cache
def _read(path: Path) -> tuple[Passage, ...]:
    text = path.read_text(encoding="utf-8")
    parse = markdown.parse if path.suffix == ".md" else pdftext.parse
    parsed = parse(text, path.name.split(".")[1])
    return tuple(Passage(p.eid, p.text, p.label or "", p.kind) for p in parsed.paragraphs)


@pytest.fixture(scope="module")
def english(corpus_dir):
    def read(symbol: str) -> tuple[Passage, ...]:
        return _read(corpus_dir / "en" / "ga" / f"{symbol.replace('/', '_')}.en.txt")

    return read


def _assert_sample(comparison: Comparison, sample):
    found = {(c.old.eid if c.old else None, c.new.eid if c.new else None): c.state.value
             for c in comparison.changes}  # fmt: skip
    for old, new, state in sample:
        assert found.get((old, new)) == state, (old, new, state)


# A/RES/76/127 → A/RES/77/31: one preambular paragraph inserted (16), so the preambular
# paragraphs after it move up by one; the operative paragraphs keep their numbers.
SAMPLE_76_127_TO_77_31 = [
    ("preamble_1", "preamble_1", "unchanged"),  # "Reaffirming its resolution 46/182"
    ("preamble_2", "preamble_2", "changed"),  # "75/125 of 11 December 2020" → "76/127 of 10 …"
    ("preamble_13", "preamble_13", "changed"),  # "of national and locally recruited … 2021"
    ("preamble_15", "preamble_15", "unchanged"),  # "Expressing deep concern at the exposure"
    (None, "preamble_16", "new"),  # "Noting with concern the increasing threat of disinformation"
    ("preamble_16", "preamble_17", "changed"),  # "Expressing deep concern also that" loses "also"
    ("preamble_17", "preamble_18", "unchanged"),  # "Stressing the need to uphold … the flag"
    ("preamble_19", "preamble_20", "changed"),  # "+ and a negative impact on their health"
    ("preamble_21", "preamble_22", "changed"),  # "coronavirus disease (COVID-19)" → "COVID-19"
    ("preamble_22", "preamble_23", "changed"),  # "in 2020, 1,458 persons" → "in 2021, 1,652"
    ("preamble_23", "preamble_24", "changed"),  # "484 recorded attacks" → "461"
    ("preamble_30", "preamble_31", "changed"),  # "in the light of" → "in light of"
    ("preamble_31", "preamble_32", "changed"),  # "Recognizing also the role" → "Recognizing the"
    ("preamble_35", "preamble_36", "unchanged"),  # "Stressing that acceptance of humanitarian"
    ("preamble_37", "preamble_38", "changed"),  # "information-sharing" → "information sharing"
    ("preamble_38", "preamble_39", "unchanged"),  # "telecommunicatio ns", "gl obal": PDF spaces
    ("para_1", "para_1", "unchanged"),  # "Takes note with appreciation of the report"
    ("para_6", "para_6", "changed"),  # "+ and other health emergencies", "+ also reaffirms"
    ("para_11", "para_11", "changed"),  # "sexual violence, sexual exploitation" → "violence;"
    ("para_13", "para_13", "unchanged"),  # "p erpetrated": a PDF space only
    ("para_33", "para_33", "unchanged"),  # "safety a nd security": a PDF space only
    ("para_42", "para_42", "changed"),  # "system, to strengthen" → "system, strengthen"
    ("para_46", "para_46", "changed"),  # "enhanced information-sharing" → "information sharing"
    ("para_50", "para_50", "changed"),  # "seventy-seventh session" → "seventy-eighth"
]

# A/RES/75/125 → A/RES/76/127: three preambular and five operative paragraphs inserted.
SAMPLE_75_125_TO_76_127 = [
    ("preamble_2", "preamble_2", "changed"),  # "74/116 of 16 December 2019" → "75/125 of 11 …"
    ("preamble_11", "preamble_11", "unchanged"),  # "19 August 201 0": a PDF space only
    ("preamble_12", "preamble_12", "changed"),  # "the increase in the number of attacks" → "the"
    ("preamble_13", "preamble_13", "changed"),  # "+ who accounted for the majority of deaths"
    (None, "preamble_14", "new"),  # "Reaffirming its commitment to the zero-tolerance policy"
    ("preamble_14", "preamble_15", "unchanged"),  # "Expressing deep concern at the exposure"
    ("preamble_19", "preamble_20", "unchanged"),  # "Commending also the courage … peace"
    (None, "preamble_21", "new"),  # "Expressing deep appreciation … (COVID-19) pandemic"
    ("preamble_20", "preamble_22", "changed"),  # "in 2019, 1,516 persons" → "in 2020, 1,458"
    ("preamble_21", "preamble_23", "changed"),  # "483 recorded attacks" → "484"; "injured" → …
    (None, "preamble_30", "new"),  # "Recognizing the critical importance of … monitoring"
    ("preamble_28", "preamble_31", "changed"),  # "Recognizing the role" → "Recognizing also the"
    ("preamble_31", "preamble_34", "changed"),  # "the increased number of accidents" → "the"
    ("preamble_34", "preamble_37", "changed"),  # "information sharing" → "information-sharing"
    ("preamble_35", "preamble_38", "unchanged"),  # "telecommunicatio ns": a PDF space only
    ("para_3", "para_3", "unchanged"),  # "cr iminally motivated": a PDF space only
    (None, "para_6", "new"),  # "Calls upon all States and parties … the COVID-19 pandemic"
    ("para_6", "para_7", "unchanged"),  # "Calls upon all States to consider becoming parties to"
    ("para_10", "para_11", "unchanged"),  # "crime a nd acts": a PDF space only
    (None, "para_13", "new"),  # "Underscores the critical importance … sexual exploitation"
    ("para_15", "para_17", "unchanged"),  # "medical duties ,": a PDF space only
    ("para_16", "para_18", "unchanged"),  # "while al so recognizing": a PDF space only
    (None, "para_25", "new"),  # "Calls upon States to explore and scale up measures"
    ("para_30", "para_33", "unchanged"),  # "Also welcomes the efforts … counselling"
    ("para_37", "para_40", "unchanged"),  # "adequately consu lted on": a PDF space only
    (None, "para_42", "new"),  # "Encourages … to continue to improve … incident data system"
    (None, "para_43", "new"),  # "Calls upon Member States … existing data sharing mechanisms"
    ("para_41", "para_46", "changed"),  # "enhanced information sharing" → "information-sharing"
    ("para_45", "para_50", "changed"),  # "seventy-sixth session" → "seventy-seventh"
]


def test_76_127_to_77_31_matches_the_paragraphs_read_side_by_side(english):
    comparison = compare(english("A/RES/76/127"), english("A/RES/77/31"), "en")

    _assert_sample(comparison, SAMPLE_76_127_TO_77_31)
    assert comparison.counts == {"new": 1, "changed": 15, "dropped": 0, "unchanged": 73}
    # preamble_16 … 38 became preamble_17 … 39.
    assert comparison.renumbered == 23


def test_75_125_to_76_127_matches_the_paragraphs_read_side_by_side(english):
    comparison = compare(english("A/RES/75/125"), english("A/RES/76/127"), "en")

    _assert_sample(comparison, SAMPLE_75_125_TO_76_127)
    assert comparison.counts == {"new": 8, "changed": 10, "dropped": 0, "unchanged": 70}


def test_76_127_against_75_125_drops_the_paragraphs_75_125_lacks(english):
    # A reader comparing the other way round: each paragraph inserted in 76/127 is dropped,
    # standing after the paragraph that preceded it.
    comparison = compare(english("A/RES/76/127"), english("A/RES/75/125"), "en")
    reversed_sample = [(new, old, {"new": "dropped"}.get(state, state))
                       for old, new, state in SAMPLE_75_125_TO_76_127]  # fmt: skip

    _assert_sample(comparison, reversed_sample)
    assert comparison.counts == {"new": 0, "changed": 10, "dropped": 8, "unchanged": 70}
    pairs = _pairs(comparison)
    at = pairs.index(("preamble_14", None, "dropped"))
    assert pairs[at - 1] == ("preamble_13", "preamble_13", "changed")
    assert pairs[at + 1] == ("preamble_15", "preamble_14", "unchanged")
    at = pairs.index(("para_42", None, "dropped"))
    assert pairs[at - 1 : at + 3] == [
        ("para_41", "para_38", "unchanged"),
        ("para_42", None, "dropped"),
        ("para_43", None, "dropped"),
        ("para_44", "para_39", "unchanged"),
    ]


def test_a_paragraph_rewritten_over_four_years_is_changed_where_it_stands(english):
    # 73/137's "Deeply concerned about the particular vulnerability of locally recruited
    # humanitarian personnel … concerned that 67 per cent of United Nations personnel killed in
    # 2017 were locally recruited" is 77/31's, rewritten: less than half its words are kept in
    # order, but it stands where it stood, between the same neighbours.
    comparison = compare(english("A/RES/73/137"), english("A/RES/77/31"), "en")

    _assert_sample(comparison, [("preamble_13", "preamble_13", "changed")])
    assert comparison.counts["dropped"] == 0


def test_corpus_changes_mark_the_words_that_changed(english):
    comparison = compare(english("A/RES/76/127"), english("A/RES/77/31"), "en")
    by_new = {c.new.eid: c for c in comparison.changes if c.new}

    assert _marked(by_new["para_50"], Piece.DELETED) == ["seventy-seventh"]
    assert _marked(by_new["para_50"], Piece.INSERTED) == ["seventy-eighth"]
    assert _marked(by_new["preamble_13"], Piece.INSERTED)[0] == "national and "
    assert _marked(by_new["preamble_22"], Piece.DELETED) == ["coronavirus disease (", ")"]
    assert _marked(by_new["preamble_22"], Piece.INSERTED) == []
    assert _marked(by_new["preamble_17"], Piece.DELETED) == ["also "]


# ---------------------------------------------------------------- properties over the corpus


def _assert_pieces_rebuild_the_texts(change: Change):
    if change.state == State.CHANGED:
        assert _joined(change, Piece.EQUAL, Piece.INSERTED) == change.new.text
        assert _joined(change, Piece.EQUAL, Piece.DELETED) == change.old.text
        assert all(text for _, text in change.pieces)
        kinds = [kind for kind, _ in change.pieces]
        assert all(one != other for one, other in zip(kinds, kinds[1:], strict=False))
    elif change.state == State.UNCHANGED:
        assert change.pieces == [(Piece.EQUAL, change.new.text)]
        assert normalise(change.old.text) == normalise(change.new.text)


def _boundaries(change: Change) -> set[int]:
    """Where, in the newer text, a kept or inserted run begins or ends."""
    offsets, at = set(), 0
    for kind, text in change.pieces:
        if kind != Piece.DELETED:
            offsets |= {at, at + len(text)}
            at += len(text)
    return offsets


def _assert_marks_keep_words_whole(change: Change):
    text = change.new.text
    for at in _boundaries(change) - {0, len(text)}:
        assert not (text[at - 1].isalnum() and text[at].isalnum()), (text[:at], text[at:])


def _assert_marks_keep_jieba_words_whole(change: Change):
    words = {end for _, _, end in jieba.tokenize(change.new.text)} | {0}
    assert _boundaries(change) <= words


def _assert_every_paragraph_once_in_order(comparison, old, new):
    assert [c.new for c in comparison.changes if c.new] == list(new)
    place = {id(passage): at for at, passage in enumerate(old)}
    assert sorted(place[id(c.old)] for c in comparison.changes if c.old) == list(range(len(old)))


def test_pieces_rebuild_both_texts_across_the_corpus(corpus_dir):
    files = sorted((corpus_dir / "en" / "ga").glob("*.en.txt"))
    pairs = list(zip(files, files[1:], strict=False))
    pairs += [(newer, older) for older, newer in pairs[:4]]
    assert len(pairs) >= 30
    for older, newer in pairs:
        old, new = _read(older), _read(newer)
        comparison = compare(old, new, "en")
        _assert_every_paragraph_once_in_order(comparison, old, new)
        for change in comparison.changes:
            _assert_pieces_rebuild_the_texts(change)
            if change.state == State.CHANGED:
                _assert_marks_keep_words_whole(change)


def test_pieces_rebuild_both_chinese_texts(corpus_dir):
    old = _read(corpus_dir / "zh" / "A_RES_76_127.zh.md")
    edits = [("人道主义人员", "人道主义工作人员"), ("2020", "2021"), ("和", "及"), ("，", "；")]
    new = [
        Passage(p.eid, p.text.replace(*edits[n % 4]) if n % 3 == 0 else p.text, p.label, p.kind)
        for n, p in enumerate(old)
    ]
    comparison = compare(old, new, "zh")

    edited = sum(1 for before, after in zip(old, new, strict=True) if before.text != after.text)
    _assert_every_paragraph_once_in_order(comparison, old, new)
    assert edited >= 15
    assert comparison.counts == {"new": 0, "changed": edited, "dropped": 0,
                                 "unchanged": len(old) - edited}  # fmt: skip
    for change in comparison.changes:
        _assert_pieces_rebuild_the_texts(change)
        if change.state == State.CHANGED:
            _assert_marks_keep_jieba_words_whole(change)
