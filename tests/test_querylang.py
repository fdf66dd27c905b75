"""The search box's query language: structure, normalisation and robustness to any input."""

import pytest

from search.querylang import (
    MAX_QUERY_LENGTH,
    NOTICE_NOT_IS_A_WORD,
    NOTICE_ONLY_EXCLUSIONS,
    NOTICE_ONLY_PUNCTUATION,
    NOTICE_TOO_LONG,
    NOTICE_UNCLOSED_QUOTE,
    ParsedQuery,
    Term,
    parse_query,
    to_simplified,
)


def word(text: str) -> Term:
    return Term(text=text, phrase=False)


def phrase(text: str) -> Term:
    return Term(text=text, phrase=True)


def texts(parsed: ParsedQuery) -> list[list[str]]:
    """The groups as plain strings, for short assertions."""
    return [[term.text for term in group] for group in parsed.groups]


# Structure


def test_words_are_each_a_required_group_of_their_own():
    parsed = parse_query("人道主义 人员 安全")

    assert parsed.groups == [[word("人道主义")], [word("人员")], [word("安全")]]
    assert parsed.excluded == []
    assert parsed.notices == []


def test_quoted_words_are_one_phrase_term():
    parsed = parse_query('人道主义 "联合国人员 的安全"')

    assert parsed.groups == [[word("人道主义")], [phrase("联合国人员 的安全")]]


def test_leading_minus_excludes_a_word_or_a_phrase():
    parsed = parse_query('人道主义 -维持和平 -"建设和平 委员会"')

    assert parsed.groups == [[word("人道主义")]]
    assert parsed.excluded == [word("维持和平"), phrase("建设和平 委员会")]


def test_or_joins_its_neighbours_into_one_group_binding_tighter_than_and():
    parsed = parse_query("安全 维持和平 OR 建设和平")

    assert texts(parsed) == [["安全"], ["维持和平", "建设和平"]]


def test_chained_or_makes_one_group_of_all_alternatives():
    parsed = parse_query('维持和平 OR 建设和平 OR "政治特派团" 安全')

    assert parsed.groups == [
        [word("维持和平"), word("建设和平"), phrase("政治特派团")],
        [word("安全")],
    ]


def test_terms_lists_every_positive_term_in_order():
    parsed = parse_query('人道主义 "联合国人员" OR 人员 -维持和平')

    assert parsed.terms == [word("人道主义"), phrase("联合国人员"), word("人员")]


def test_original_is_kept_exactly_as_typed():
    raw = "  聯合國人員\t OR ＣＯＶＩＤ－１９ "

    assert parse_query(raw).original == raw


# Robustness


@pytest.mark.parametrize("raw", ["", "   ", "\u3000\u3000", "\t\n"])
def test_empty_or_blank_query_is_empty_without_notices(raw):
    parsed = parse_query(raw)

    assert parsed.is_empty
    assert parsed.groups == []
    assert parsed.excluded == []
    assert parsed.notices == []


def test_overlong_query_is_cut_to_the_maximum_length_with_a_notice():
    raw = "人道主义人员 " * 715  # 5,005 characters

    parsed = parse_query(raw)

    assert len(raw) > 5000
    assert parsed.notices == [NOTICE_TOO_LONG]
    assert [term.text for term in parsed.terms] == raw[:MAX_QUERY_LENGTH].split()
    assert parsed.original == raw


def test_query_at_the_maximum_length_is_not_cut():
    raw = "安" * MAX_QUERY_LENGTH

    parsed = parse_query(raw)

    assert parsed.terms == [word(raw)]
    assert parsed.notices == []


def test_unclosed_quote_takes_the_rest_of_the_query_as_a_phrase():
    parsed = parse_query('安全 "联合国人员 人道主义人员')

    assert parsed.groups == [[word("安全")], [phrase("联合国人员 人道主义人员")]]
    assert parsed.notices == [NOTICE_UNCLOSED_QUOTE]


def test_lone_quote_at_the_end_is_ignored_with_a_notice():
    parsed = parse_query('安全 "')

    assert parsed.groups == [[word("安全")]]
    assert parsed.notices == [NOTICE_UNCLOSED_QUOTE]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("人道*", [["人道"]]),
        ("人道? 安全", [["人道"], ["安全"]]),
        ("安全^2 人道~0.8", [["安全"], ["人道"]]),
        ('"人道主义 人员"~3', [["人道主义 人员"]]),
        ("人道\\主义", [["人道"], ["主义"]]),
        ("[维持 TO 和平] {安全}", [["维持"], ["TO"], ["和平"], ["安全"]]),
    ],
)
def test_wildcard_boost_fuzzy_escape_and_brackets_only_separate_words(raw, expected):
    assert texts(parse_query(raw)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("title:安全", [["title:安全"]]),
        ("(安全)", [["(安全)"]]),
        ("安全 AND 人道", [["安全"], ["人道"]]),
        ("+安全 Rio+20", [["安全"], ["Rio+20"]]),
        ("safety and security", [["safety"], ["and"], ["security"]]),
        ("peace or security", [["peace"], ["or"], ["security"]]),
    ],
)
def test_other_whoosh_syntax_stays_plain_text(raw, expected):
    parsed = parse_query(raw)

    assert texts(parsed) == expected
    assert parsed.excluded == []


def test_upper_case_not_is_a_word_and_the_notice_points_to_minus():
    parsed = parse_query("安全 NOT 维持和平")

    assert texts(parsed) == [["安全"], ["NOT"], ["维持和平"]]
    assert parsed.excluded == []
    assert parsed.notices == [NOTICE_NOT_IS_A_WORD]


def test_control_characters_are_removed_and_line_breaks_separate_words():
    parsed = parse_query("人道\x00主义\x07\x9b 人员\n安全\r\n维持\t和平\x7f")

    assert texts(parsed) == [["人道主义"], ["人员"], ["安全"], ["维持"], ["和平"]]
    assert parsed.notices == []


def test_invisible_format_characters_do_not_split_words():
    parsed = parse_query("\ufeff联合国\u200b人员 peace\u00adkeeping")

    assert texts(parsed) == [["联合国人员"], ["peacekeeping"]]


def test_terms_of_punctuation_only_are_dropped_silently_among_words():
    parsed = parse_query("安全 ， () -- 人道")

    assert texts(parsed) == [["安全"], ["人道"]]
    assert parsed.notices == []


@pytest.mark.parametrize("raw", ["，。！", '"…" ()', "-- ——", '""'])
def test_query_of_punctuation_only_is_empty_with_a_notice(raw):
    parsed = parse_query(raw)

    assert parsed.is_empty
    assert parsed.notices == [NOTICE_ONLY_PUNCTUATION]


def test_query_of_exclusions_only_is_empty_with_a_notice():
    parsed = parse_query("-维持和平")

    assert parsed.is_empty
    assert parsed.excluded == [word("维持和平")]
    assert parsed.notices == [NOTICE_ONLY_EXCLUSIONS]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("OR 安全 人道", [["安全"], ["人道"]]),
        ("安全 人道 OR", [["安全"], ["人道"]]),
        ("OR OR 安全", [["安全"]]),
        ("OR", []),
    ],
)
def test_or_at_either_end_is_ignored(raw, expected):
    assert texts(parse_query(raw)) == expected


def test_doubled_or_still_joins_the_terms_around_it():
    assert texts(parse_query("维持和平 OR OR 建设和平")) == [["维持和平", "建设和平"]]


def test_or_next_to_an_exclusion_joins_nothing():
    parsed = parse_query("安全 OR -维持和平 人道 -建设和平 OR 人员")

    assert texts(parsed) == [["安全"], ["人道"], ["人员"]]
    assert parsed.excluded == [word("维持和平"), word("建设和平")]


def test_quoted_or_is_a_phrase_term():
    assert parse_query('安全 "OR" 人道').groups == [[word("安全")], [phrase("OR")], [word("人道")]]


def test_lone_minus_is_ignored():
    parsed = parse_query("安全 - 人道 -")

    assert texts(parsed) == [["安全"], ["人道"]]
    assert parsed.excluded == []


def test_minus_inside_a_word_is_part_of_the_word():
    parsed = parse_query("抗击 COVID-19 -COVID-19")

    assert texts(parsed) == [["抗击"], ["COVID-19"]]
    assert parsed.excluded == [word("COVID-19")]


@pytest.mark.parametrize(
    "raw",
    ["＂联合国人员 安全＂", "“联合国人员 安全”", "「联合国人员 安全」", "« 联合国人员 安全 »"],
)
def test_full_width_curly_and_corner_quotes_are_quotes(raw):
    parsed = parse_query(raw)

    assert parsed.groups == [[phrase("联合国人员 安全")]]
    assert parsed.notices == []


def test_ideographic_space_separates_words():
    assert texts(parse_query("人道主义\u3000人员")) == [["人道主义"], ["人员"]]


def test_full_width_ascii_is_folded():
    parsed = parse_query("ＣＯＶＩＤ－１９ －维持和平")

    assert parsed.groups == [[word("COVID-19")]]
    assert parsed.excluded == [word("维持和平")]


def test_traditional_chinese_becomes_simplified_without_a_notice():
    parsed = parse_query('聯合國人員 "維持和平行動" -國際人道法')

    assert parsed.groups == [[word("联合国人员")], [phrase("维持和平行动")]]
    assert parsed.excluded == [word("国际人道法")]
    assert parsed.notices == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2286(2016)", "2286(2016)"),
        ("A/RES/75/125", "A/RES/75/125"),
        ("76/127", "76/127"),
        ("COVID-19", "COVID-19"),
        ("A/76/L.26/Add.1", "A/76/L.26/Add.1"),
        ("２２８６（２０１６）", "2286(2016)"),
    ],
)
def test_un_symbols_stay_one_term_changed_only_by_nfkc(raw, expected):
    assert parse_query(f"安全 {raw}").groups == [[word("安全")], [word(expected)]]


def test_whitespace_inside_a_phrase_is_collapsed():
    assert parse_query('"  联合国人员 \u3000\t的  安全 "').terms == [phrase("联合国人员 的 安全")]


# Traditional to Simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("聯合國人員的安全", "联合国人员的安全"),
        ("人道主義援助", "人道主义援助"),
        ("联合国人员的安全", "联合国人员的安全"),
        ("humanitarian personnel 2286(2016)", "humanitarian personnel 2286(2016)"),
        ("", ""),
    ],
)
def test_to_simplified_converts_traditional_and_leaves_the_rest(text, expected):
    assert to_simplified(text) == expected
