"""Finding citations of resolutions and UN documents in running text.

The sentences are written for these tests in the style of UN resolutions.
"""

import pytest

from resolutions.citations.finding import find_citations


def cited(text):
    """(symbol as written, canonical target, pinpoint) for each citation, checking spans."""
    matches = find_citations(text)
    for match in matches:
        assert text[match.start : match.end] == match.text
    return [(m.text, m.symbol.canonical, m.pinpoint) for m in matches]


def test_chinese_paragraph_with_resolutions_treaty_and_report():
    text = (
        "大会回顾其第 46/182 号决议和安全理事会第 2175(2014)号决议，"
        "注意到《条约汇编》第 2051 卷，第 35457 号所载公约，"
        "并注意到秘书长的报告（A/76/334，第 23 段）。"
    )

    assert cited(text) == [
        ("46/182", "A/RES/46/182", None),
        ("2175(2014)", "S/RES/2175 (2014)", None),
        ("A/76/334", "A/76/334", "23"),
    ]
    assert [m.symbol.short for m in find_citations(text)] == ["46/182", "2175 (2014)", "A/76/334"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("重申其第 76/127 号决议，", [("76/127", "A/RES/76/127")]),
        ("重申其第76/127号决议，", [("76/127", "A/RES/76/127")]),
        ("又回顾安理会第 2286 (2016)号决议，", [("2286 (2016)", "S/RES/2286 (2016)")]),
        ("铭记第 22 A (I)号决议，", [("22 A (I)", "A/RES/22A(I)")]),
        ("铭记第 179 (II)号决议，", [("179 (II)", "A/RES/179(II)")]),
        ("回顾紧急特别会议第 ES-11/1 号决议，", [("ES-11/1", "A/RES/ES-11/1")]),
        ("回顾第２１７５（２０１４）号决议，", [("２１７５（２０１４）", "S/RES/2175 (2014)")]),
    ],
)
def test_chinese_resolution_citation(text, expected):
    assert [(text, canonical) for text, canonical, _ in cited(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "回顾第 46/182 和 75/125 号决议，",
        "回顾第46/182、75/125号决议，",
        "回顾第 46/182 号和第 75/125 号决议，",
        "回顾第 46/182 号以及第 75/125 号决议，",
    ],
)
def test_chinese_list_of_two_resolutions(text):
    assert [canonical for _, canonical, _ in cited(text)] == ["A/RES/46/182", "A/RES/75/125"]


@pytest.mark.parametrize(
    "text",
    [
        "回顾第 1265(1999)号、第 1296(2000)号和第 2222(2015)号决议，",
        "回顾第 1265(1999)、1296(2000)和 2222(2015)号决议，",
        "回顾第1265(1999)、第1296(2000)及第2222(2015)号决议，",
    ],
)
def test_chinese_list_of_council_resolutions(text):
    assert [written for written, _, _ in cited(text)] == ["1265(1999)", "1296(2000)", "2222(2015)"]


@pytest.mark.parametrize(
    "text",
    [
        "第 35457 号",
        "第 23 段",
        "第 1265(1999)号",  # no 决议: could be anything numbered
        "第 75/555 号决定",  # a decision, not a resolution
        "第 2 和 3 号决议",
        "见第 2/13 页",
    ],
)
def test_chinese_numbered_things_that_are_not_resolution_citations(text):
    assert cited(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reaffirming its resolution 46/182 of 19 December 1991 on humanitarian assistance,",
            [("46/182", "A/RES/46/182")],
        ),
        (
            "Recalling Security Council resolution 2286 (2016) on the protection of civilians,",
            [("2286 (2016)", "S/RES/2286 (2016)")],
        ),
        (
            "Bearing in mind General Assembly resolution 217 A (III),",
            [("217 A (III)", "A/RES/217A(III)")],
        ),
        ("Resolution 22 A (I).", [("22 A (I)", "A/RES/22A(I)")]),
        (
            "Recalling its resolution ES-10/15 of 20 July 2004,",
            [("ES-10/15", "A/RES/ES-10/15")],
        ),
        (
            "in accordance with resolution 2286(2016) and its own mandate,",
            [("2286(2016)", "S/RES/2286 (2016)")],
        ),
        (
            "as set out in its resolutions 1874 (S-IV) of 27 June 1963,",
            [("1874 (S-IV)", "A/RES/1874(S-IV)")],
        ),
    ],
)
def test_english_resolution_citation(text, expected):
    assert [(text, canonical) for text, canonical, _ in cited(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Recalling its resolutions 1265 (1999), 1296 (2000) and 2222 (2015),",
            ["1265 (1999)", "1296 (2000)", "2222 (2015)"],
        ),
        (
            "Recalling its resolutions 1265 (1999), 1296 (2000), and 2222 (2015),",
            ["1265 (1999)", "1296 (2000)", "2222 (2015)"],
        ),
        ("Recalling resolutions 46/182 and 75/125,", ["46/182", "75/125"]),
        ("pursuant to resolution 46/182 or 75/125,", ["46/182", "75/125"]),
        (
            "Recalling resolutions 46/182 of 19 December 1991 and 75/125 of 11 December 2020,",
            ["46/182", "75/125"],
        ),
        (
            "Recalling its resolutions 338 (1973) of 22 October, 340 (1973) of 25 October,",
            ["338 (1973)", "340 (1973)"],
        ),
    ],
)
def test_english_list_gives_one_citation_per_symbol(text, expected):
    assert [written for written, _, _ in cited(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rappelant sa résolution 46/182 du 19 décembre 1991,",
            [("46/182", "A/RES/46/182")],
        ),
        (
            "Rappelant ses résolutions 1265 (1999) et 1296 (2000),",
            [("1265 (1999)", "S/RES/1265 (1999)"), ("1296 (2000)", "S/RES/1296 (2000)")],
        ),
        (
            "conformément à la résolution 2286 (2016) du Conseil de sécurité,",
            [("2286 (2016)", "S/RES/2286 (2016)")],
        ),
        (
            "Résolution 217 A (III) de l'Assemblée générale.",
            [("217 A (III)", "A/RES/217A(III)")],
        ),
    ],
)
def test_french_resolution_citation(text, expected):
    assert [(text, canonical) for text, canonical, _ in cited(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recalling resolution\n2286 (2016),", ["2286 (2016)"]),
        ("Recalling resolution 2286\n(2016),", ["2286\n(2016)"]),
        ("Recalling resolutions 46/182,\n75/125 and 76/127,", ["46/182", "75/125", "76/127"]),
        ("Recalling General Assembly resolution 217\nA (III),", ["217\nA (III)"]),
        ("重申其第\n46/182 号决议，", ["46/182"]),
    ],
)
def test_citation_broken_across_lines(text, expected):
    assert [written for written, _, _ in cited(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("参看 A/76/334，第 23 段。", [("A/76/334", "23")]),
        ("见 A/76/334, 第 23 段。", [("A/76/334", "23")]),
        ("如第 75/125 号决议第 4 段所述，", [("75/125", "4")]),
        ("See resolution 75/125, para. 4.", [("75/125", "4")]),
        ("See resolution 75/125, paragraph 4.", [("75/125", "4")]),
        ("as requested in paragraph 4 of resolution 75/125,", [("75/125", "4")]),
        ("in paragraph 12 of its resolution 2286 (2016),", [("2286 (2016)", "12")]),
        ("See A/76/334, para. 23.", [("A/76/334", "23")]),
        ("Voir la résolution 75/125, par. 4.", [("75/125", "4")]),
        ("au paragraphe 4 de la résolution 75/125,", [("75/125", "4")]),
        ("See A/RES/75/125, para. 4.", [("A/RES/75/125", "4")]),
        ("Recalling resolution 75/125, and welcoming", [("75/125", None)]),
        ("见 A/76/334，附件一。", [("A/76/334", None)]),
    ],
)
def test_pinpoint_names_the_paragraph_cited(text, expected):
    assert [(written, pinpoint) for written, _, pinpoint in cited(text)] == expected


def test_pinpoint_after_a_list_belongs_to_its_last_symbol():
    text = "回顾第 46/182 号和第 75/125 号决议第 4 段，"

    assert [(written, pinpoint) for written, _, pinpoint in cited(text)] == [
        ("46/182", None),
        ("75/125", "4"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recalling A/RES/76/127 and S/RES/2286 (2016),", ["A/RES/76/127", "S/RES/2286 (2016)"]),
        ("见 A/76/L.26 和 A/76/L.26/Add.1。", ["A/76/L.26", "A/76/L.26/Add.1"]),
        ("report of the Committee (A/74/19).", ["A/74/19"]),
        ("draft resolution A/C.3/76/L.5/Rev.1,", ["A/C.3/76/L.5/Rev.1"]),
        ("letter (S/2016/123) and E/CN.4/2005/L.10.", ["S/2016/123", "E/CN.4/2005/L.10"]),
        ("A/56/1026-S/2002/932, annex II", ["A/56/1026", "S/2002/932"]),
        ("voir A/RES/22 A (I)", ["A/RES/22 A (I)"]),
    ],
)
def test_full_symbols_are_citations_anywhere(text, expected):
    assert [written for written, _, _ in cited(text)] == expected


def test_document_citation_targets_the_tidied_symbol():
    assert cited("see A/76/L.26/add.1") == [("A/76/L.26/add.1", "A/76/L.26/Add.1", None)]


@pytest.mark.parametrize(
    "text",
    [
        "XA/76/334",  # glued to letters
        "A/76/3345/",  # glued to a slash
        "see 76/334 above",  # no series prefix
        "the ratio 46/182 was noted",  # a short form needs a citation context
        "Human Rights Council resolution 43/1 of 19 June 2020",
        "Human Rights Council resolution S-29/1",
        "Economic and Social Council resolution 9 (I)",
        "la résolution 9 (I) du Conseil économique et social",
        "resolution 43/1 of the Human Rights Council",
        "人权理事会2020年6月19日第 43/1 号决议",
        "经济及社会理事会第9 (I)号决议",
        "decision 75/555",
    ],
)
def test_not_a_citation_of_a_general_assembly_or_council_resolution(text):
    assert cited(text) == []


def test_paragraph_full_of_near_misses_has_no_citation():
    text = (
        "2021 年 12 月 10 日第 50 次全体会议通过，见第 23 段和第 2/13 页；"
        "《条约汇编》第 75 卷，第 970-973 号，vol. 75, No. 970; "
        "on 19 December 1991, page 2/13, 21-18798 (E), 1 458 cases of COVID-19 "
        "in 2016, dated 10/12/2021 or 2021/12/10, on 12/10, (2016), "
        "resolution 2/13, resolution 24 (2016) and resolution 3314 (II)."
    )

    assert cited(text) == []


def test_citations_come_in_order_without_overlap():
    text = (
        "Recalling resolution 46/182, A/RES/75/125 and Security Council resolutions "
        "1265 (1999) and 2286 (2016), 回顾第 2175(2014)号决议 and A/76/334,"
    )
    matches = find_citations(text)

    assert [m.symbol.canonical for m in matches] == [
        "A/RES/46/182",
        "A/RES/75/125",
        "S/RES/1265 (1999)",
        "S/RES/2286 (2016)",
        "S/RES/2175 (2014)",
        "A/76/334",
    ]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))


def test_text_without_citations_gives_an_empty_list():
    assert find_citations("") == []
    assert find_citations("大会，重申其承诺。") == []


def test_titled_resolutions_after_the_first_of_a_list_are_citations():
    text = (
        "Recalling its resolutions, including resolution\n70/104 entitled “Safety and security "
        "of staff”, 70/106 entitled “Strengthening of coordination”, and 69/132 entitled "
        "“Global health”,"
    )
    assert cited(text) == [
        ("70/104", "A/RES/70/104", None),
        ("70/106", "A/RES/70/106", None),
        ("69/132", "A/RES/69/132", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Recalling its decision 70/540 entitled “Revitalization of the work”,",
        "rappelant sa décision 70/540 intitulée « Revitalisation »,",
        "the Human Rights Council resolution 43/1 entitled “Promotion”",
    ],
)
def test_titled_decisions_and_other_bodies_are_not_resolution_citations(text):
    assert cited(text) == []


def test_list_with_a_part_letter_keeps_every_item_and_the_letter():
    text = (
        "Recalling its resolutions 43/78 H of 7 December 1988, 53/70 of 4 December\n"
        "1998, 54/49 of 1 December 1999 and 75/240 of 31 December 2020,"
    )

    assert cited(text) == [
        ("43/78 H", "A/RES/43/78H", None),
        ("53/70", "A/RES/53/70", None),
        ("54/49", "A/RES/54/49", None),
        ("75/240", "A/RES/75/240", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Recalling its resolutions 55/5 B and C of 23 December 2000, 57/4 B of 20 December",
            [
                ("55/5 B", "A/RES/55/5B", None),
                ("C", "A/RES/55/5C", None),
                ("57/4 B", "A/RES/57/4B", None),
            ],
        ),
        (
            "resolutions 75/253 A, B and C of 24 December 2020",
            [
                ("75/253 A", "A/RES/75/253A", None),
                ("B", "A/RES/75/253B", None),
                ("C", "A/RES/75/253C", None),
            ],
        ),
        (
            "回顾大会第55/5 B和C号决议",
            [("55/5 B", "A/RES/55/5B", None), ("C", "A/RES/55/5C", None)],
        ),
    ],
)
def test_further_part_letters_of_a_list_are_resolutions_of_their_own(text, expected):
    assert cited(text) == expected


def test_a_section_of_a_lettered_resolution_does_not_end_the_list():
    text = (
        "Recalling its resolutions 45/248 B, section VI, of 21 December 1990, "
        "55/231 of 23 December 2000 and 72/266 B of 5 July 2018,"
    )

    assert cited(text) == [
        ("45/248 B", "A/RES/45/248B", None),
        ("55/231", "A/RES/55/231", None),
        ("72/266 B", "A/RES/72/266B", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("its resolution 58/1 B of 23 June 2004", [("58/1 B", "A/RES/58/1B", None)]),
        ("in resolution 44/197 B.", [("44/197 B", "A/RES/44/197B", None)]),
        ("第 58/1 B 号决议第 4 段", [("58/1 B", "A/RES/58/1B", "4")]),
        # A capital word after the number is no part letter.
        ("resolution 58/1 A new approach", [("58/1", "A/RES/58/1", None)]),
        ("resolution 58/1 I believe", [("58/1", "A/RES/58/1", None)]),
    ],
)
def test_lettered_sessional_resolution_is_cited_with_its_letter(text, expected):
    assert cited(text) == expected


def test_list_damaged_by_ocr_is_read_to_its_end():
    """S/RES/219 (1965), paragraph 1, as the OCR of the printed volume reads it."""
    text = (
        "Reaffirms its resolutions 186 (1964) of 4 March,\n187 (1964) of 13, March, "
        "192(1964) of 20 June,\n193 (1964) of 9 August, 194 (1964) of 25 September and\n"
        "198 (1964) of 18 December 1964, 201 (1965) of 19 March,\n206 (1965) of 15 June and "
        "207 (1965) of 10 August\n1965 and the consensus expressed by the President"
    )

    assert [target for _, target, _ in cited(text)] == [
        f"S/RES/{number} ({year})"
        for number, year in [
            (186, 1964),
            (187, 1964),
            (192, 1964),
            (193, 1964),
            (194, 1964),
            (198, 1964),
            (201, 1965),
            (206, 1965),
            (207, 1965),
        ]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # S/RES/385 (1976): a full stop read for a comma.
        (
            "resolutions 276 (1970) of 30 January. 282 (1970) of 23 July, 283 (1970)",
            ["S/RES/276 (1970)", "S/RES/282 (1970)", "S/RES/283 (1970)"],
        ),
        # S/RES/587 (1986): a comma lost.
        (
            "Recalling its resolutions 444 (1979), 450 (1979) 469 (1980) and 488 (1981), in which",
            ["S/RES/444 (1979)", "S/RES/450 (1979)", "S/RES/469 (1980)", "S/RES/488 (1981)"],
        ),
        # S/RES/280 (1970): "resolutions" misread.
        (
            "to abide by resoiutions 262 (1968) and 270 (1969);",
            ["S/RES/262 (1968)", "S/RES/270 (1969)"],
        ),
        # S/RES/446 (1979): two items sharing one date.
        (
            "resolutions 2253 (ES-V) and 2254 (ES-V) of 4 and 14 July 1967, 32/5 of 28 October "
            "1977 and 33/113 of 18 December 1978;",
            ["A/RES/2253(ES-V)", "A/RES/2254(ES-V)", "A/RES/32/5", "A/RES/33/113"],
        ),
        # S/RES/632 (1989).
        (
            "resolutions 385 (1976) and 435 (1978) of 29 September 1978 and also 629 (1989) of 16",
            ["S/RES/385 (1976)", "S/RES/435 (1978)", "S/RES/629 (1989)"],
        ),
    ],
)
def test_list_damaged_by_ocr_is_read_past_the_damage(text, expected):
    assert [target for _, target, _ in cited(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "resolution 1325 (2000). 2 Members of the Council",  # no symbol after the full stop
        "resolutions 1325 (2000) 12 December",
    ],
)
def test_a_list_does_not_run_on_past_its_last_symbol(text):
    assert [target for _, target, _ in cited(text)] == ["S/RES/1325 (2000)"]
