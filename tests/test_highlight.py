"""Highlighting search hits as whole words, and choosing the snippet shown in a result list."""

import pytest

from search.highlight import highlight_spans, snippet_window


def marked(text: str, terms: list[str], language: str = "zh") -> list[str]:
    """The marked stretches of ``text``, in order."""
    return [text[start:end] for start, end in highlight_spans(text, terms, language)]


# Chinese


def test_chinese_dictionary_word_is_marked_whole_at_its_offsets():
    text = "联合国人员的安全"

    assert highlight_spans(text, ["人员"], "zh") == [(3, 5)]


def test_dictionary_word_inside_a_longer_word_is_marked_alone():
    # jieba keeps 人道主义 as one word; the index finds it for 人道, a dictionary sub-word.
    assert marked("加强人道主义援助", ["人道"]) == ["人道"]


def test_occurrence_across_two_words_extends_to_their_boundaries():
    # 国人员 is no word: it ends the word 联合国 and takes all of 人员.
    assert marked("保护联合国人员的安全", ["国人员"]) == ["联合国人员"]


def test_part_of_a_word_that_is_no_dictionary_word_extends_to_the_whole_word():
    assert marked("加强人道主义援助", ["道主"]) == ["人道主义"]


def test_repeated_term_is_marked_at_each_occurrence_including_inside_longer_words():
    text = "保护人员，包括医务人员和人员伤亡"

    spans = highlight_spans(text, ["人员"], "zh")

    assert spans == [(2, 4), (9, 11), (12, 14)]
    assert [text[start:end] for start, end in spans] == ["人员", "人员", "人员"]


def test_repeated_extended_occurrences_each_cover_their_own_words():
    text = "联合国人员和联合国人员的家属"

    spans = highlight_spans(text, ["国人员"], "zh")

    assert spans == [(0, 5), (6, 11)]
    assert [text[start:end] for start, end in spans] == ["联合国人员", "联合国人员"]


def test_overlapping_occurrences_are_all_found_and_merged():
    assert highlight_spans("人道人道人", ["人道人"], "zh") == [(0, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("必须抗击 COVID-19 疫情", "抗击 COVID-19"),
        ("必须抗击COVID-19疫情", "抗击COVID-19"),
        ("必须抗击\n  COVID-19 疫情", "抗击\n  COVID-19"),
        ("必须抗击 covid-19 疫情", "抗击 covid-19"),
    ],
)
def test_chinese_phrase_matches_across_any_whitespace_or_none(text, expected):
    assert marked(text, ["抗击 COVID-19"]) == [expected]


def test_chinese_phrase_does_not_match_across_other_characters():
    assert marked("抗击和COVID-19", ["抗击 COVID-19"]) == []


def test_symbol_and_covid_in_chinese_text_are_marked_whole():
    text = "回顾安全理事会第2286(2016)号决议，并抗击COVID-19大流行"

    assert marked(text, ["2286(2016)", "COVID-19"]) == ["2286(2016)", "COVID-19"]


def test_number_inside_a_symbol_is_not_marked_on_its_own():
    assert marked("第2286(2016)号决议", ["2016"]) == []


def test_full_width_characters_in_the_text_match_the_folded_term():
    text = "第２２８６（２０１６）号决议和ＣＯＶＩＤ－１９"

    assert marked(text, ["2286(2016)", "COVID-19"]) == ["２２８６（２０１６）", "ＣＯＶＩＤ－１９"]


def test_offsets_stay_right_after_a_character_that_folds_to_several():
    # NFKC folds ㈠ into three characters, "(一)"; the spans must still index the original text.
    text = "㈠ 联合国人员的安全"

    assert highlight_spans(text, ["人员"], "zh") == [(5, 7)]
    assert marked(text, ["人员"]) == ["人员"]


def test_terms_that_meet_are_merged_into_one_span():
    assert highlight_spans("联合国人员的安全", ["联合国", "人员"], "zh") == [(0, 5)]


@pytest.mark.parametrize("terms", [[], [""], ["  ", "\u3000"]])
def test_blank_terms_mark_nothing(terms):
    assert highlight_spans("联合国人员的安全", terms, "zh") == []


def test_empty_text_marks_nothing():
    assert highlight_spans("", ["人员", "personnel"], "en") == []


# Latin scripts


def test_latin_words_match_whatever_their_case():
    text = "Personnel of the United Nations and associated personnel"

    assert marked(text, ["personnel"], "en") == ["Personnel", "personnel"]


def test_latin_words_match_by_stem():
    text = "Condemning attacks against hospitals; any attack is unacceptable."

    assert marked(text, ["attack"], "en") == ["attacks", "attack"]


def test_latin_term_is_never_marked_inside_a_longer_word():
    assert marked("humanitarian personnel", ["man", "person"], "en") == []


def test_latin_phrase_matches_consecutive_words_in_order():
    text = "humanitarian personnel, personnel humanitarian, humanitarian and personnel"

    spans = highlight_spans(text, ["humanitarian personnel"], "en")

    assert [text[start:end] for start, end in spans] == ["humanitarian personnel"]
    assert spans == [(0, 22)]


def test_latin_phrase_matches_across_punctuation_and_line_breaks():
    text = "safety of humanitarian\npersonnel; Humanitarian, Personnel"

    assert marked(text, ["humanitarian personnel"], "en") == [
        "humanitarian\npersonnel",
        "Humanitarian, Personnel",
    ]


def test_latin_phrase_matches_stems_in_order():
    assert marked("attacks against humanitarian personnel", ["attack against"], "en") == [
        "attacks against"
    ]


def test_repeated_latin_word_is_marked_at_each_occurrence_but_not_in_a_compound():
    text = "personnel and personnel-related costs for personnel"

    spans = highlight_spans(text, ["personnel"], "en")

    assert spans == [(0, 9), (42, 51)]
    assert [text[start:end] for start, end in spans] == ["personnel", "personnel"]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("A/76/334", "A/76/334"),
        ("75/125", "75/125"),
        ("COVID-19", "COVID-19"),
        ("2286(2016)", "2286 (2016)"),
        ("2286 (2016)", "2286 (2016)"),
    ],
)
def test_un_symbols_are_whole_words_in_latin_text(term, expected):
    text = "Recalling resolution 2286 (2016), document A/76/334, resolution 75/125 and COVID-19,"

    assert marked(text, [term], "en") == [expected]


@pytest.mark.parametrize("term", ["76", "334", "COVID", "2016", "125"])
def test_parts_of_a_symbol_are_not_marked(term):
    text = "document A/76/334, resolution 75/125, COVID-19 and 2286 (2016)"

    assert marked(text, [term], "en") == []


def test_french_words_match_by_french_stem():
    text = "Condamne les attaques contre le personnel humanitaire"

    assert marked(text, ["attaque", "humanitaires"], "fr") == ["attaques", "humanitaire"]


def test_language_without_stemmer_compares_lower_cased_words():
    text = "联合国 Personnel 遭受 attacks"

    assert marked(text, ["personnel", "attack"], "zh") == ["Personnel"]


# Snippets


def long_text() -> str:
    """Some 600 characters of preamble with the term near the middle."""
    filler = "Recalling its previous resolutions on the question, "
    return filler * 6 + "the safety and security of humanitarian personnel. " + filler * 5


def test_short_text_is_shown_whole():
    text = "联合国人员的安全"

    assert snippet_window(text, [(3, 5)]) == (0, len(text))


def test_snippet_holds_the_first_span_and_stays_near_the_width():
    text = long_text()
    spans = highlight_spans(text, ["humanitarian personnel"], "en")

    start, end = snippet_window(text, spans, width=160)

    assert start <= spans[0][0] and spans[0][1] <= end
    assert 0.8 * 160 <= end - start <= 160


def test_snippet_begins_and_ends_on_word_boundaries():
    text = long_text()
    spans = highlight_spans(text, ["personnel"], "en")

    start, end = snippet_window(text, spans, width=160)

    assert text[start - 1] in " ,"
    assert text[end] in " ,"
    assert not text[start].isspace() and not text[end - 1].isspace()


def test_snippet_never_cuts_a_later_span():
    text = "x" * 100 + "人员" + "y" * 70 + "联合国人员" + "z" * 100
    spans = [(100, 102), (172, 177)]  # a window of 100 from 75 would end inside the second

    start, end = snippet_window(text, spans, width=100)

    assert start <= 100 and end >= 102
    assert all(end <= s or end >= e for s, e in spans)
    assert end == 172  # the cut span is left out whole rather than halved


def test_span_longer_than_the_width_is_shown_whole():
    text = "a" * 50 + "b" * 300 + "c" * 50

    start, end = snippet_window(text, [(50, 350)], width=160)

    assert start <= 50 and end >= 350


def test_snippet_near_the_end_of_the_text_still_has_the_full_width():
    text = "大会，" * 100 + "联合国人员"

    start, end = snippet_window(text, [(300, 305)], width=160)

    assert end == len(text)
    assert end - start >= 0.8 * 160


def test_snippet_without_spans_starts_at_the_beginning():
    text = "大会，" * 100

    start, end = snippet_window(text, [], width=160)

    assert start == 0
    assert 0.8 * 160 <= end <= 160
