"""Parsing UN symbols given alone: search-box input, URL segments, symbols in headers."""

import csv
import re

import pytest

from resolutions.symbols import (
    URL_SYMBOL_SHAPE,
    Symbol,
    canonical_symbol,
    parse_symbol,
    roman_numeral,
    split_symbol_path,
)


@pytest.mark.parametrize(
    ("text", "canonical", "short"),
    [
        ("A/RES/76/127", "A/RES/76/127", "76/127"),
        ("a/res/76/127", "A/RES/76/127", "76/127"),
        ("A/RES/76/127/", "A/RES/76/127", "76/127"),
        ("76/127", "A/RES/76/127", "76/127"),
        ("第76/127号决议", "A/RES/76/127", "76/127"),
        ("第 76/127 号决议", "A/RES/76/127", "76/127"),
        ("resolution 76/127", "A/RES/76/127", "76/127"),
        ("S/RES/2286 (2016)", "S/RES/2286 (2016)", "2286 (2016)"),
        ("S/RES/2286(2016)", "S/RES/2286 (2016)", "2286 (2016)"),
        ("s/res/2286(2016)", "S/RES/2286 (2016)", "2286 (2016)"),
        ("2286(2016)", "S/RES/2286 (2016)", "2286 (2016)"),
        ("2286 (2016)", "S/RES/2286 (2016)", "2286 (2016)"),
        ("resolution 2286 (2016)", "S/RES/2286 (2016)", "2286 (2016)"),
        ("22 A (I)", "A/RES/22A(I)", "22 A (I)"),
        ("A/RES/22 A (I)", "A/RES/22A(I)", "22 A (I)"),
        ("A/RES/22A(I)", "A/RES/22A(I)", "22 A (I)"),
        ("179 (II)", "A/RES/179(II)", "179 (II)"),
        ("ES-11/1", "A/RES/ES-11/1", "ES-11/1"),
        ("A/RES/ES-11/1", "A/RES/ES-11/1", "ES-11/1"),
        ("A/76/334", "A/76/334", "A/76/334"),
        ("A/76/L.26/Add.1", "A/76/L.26/Add.1", "A/76/L.26/Add.1"),
    ],
)
def test_common_spellings_parse_to_canonical_and_short_form(text, canonical, short):
    symbol = parse_symbol(text)

    assert symbol is not None
    assert symbol.canonical == canonical
    assert symbol.short == short


@pytest.mark.parametrize(
    "text",
    [
        "2/13",
        "1/3",
        "10/12/2021",
        "2021/12/10",
        "12/10",
        "23",
        "2016",
        "(2016)",
        "第 23 段",
        "COVID-19",
        "1 458",
        "第 75 卷，第 970-973 号",
        "第 2051 卷，第 35457 号",
        "vol. 75, No. 970",
        "21-18798 (E)",
        "",
        "resolution",
    ],
)
def test_near_misses_are_not_symbols(text):
    assert parse_symbol(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "30/5",  # the last roman-numeral session was XXX
        "1000/1",  # beyond any plausible session
        "76/0",
        "76/1000",
        "76/0127",  # leading zeros are dates ("05/12"), never resolution numbers
        "S-41/1",
        "ES-21/1",
        "S-7/1",  # the seventh special session still used the consecutive series
        "ES-5/1",
    ],
)
def test_sessional_form_outside_the_un_ranges_is_rejected(text):
    assert parse_symbol(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "22 (XXXI)",  # roman numerals stopped at the thirtieth session
        "22 (IIII)",  # malformed numeral
        "3601 (XXX)",
        "0 (I)",
        "3314 (II)",  # numbers grow with sessions: 3314 belongs to the 1970s
        "22 (XXIX)",
        "1874 (S-VIII)",  # S-8 onwards are numbered per session
        "2253 (ES-VI)",
    ],
)
def test_early_form_outside_the_un_ranges_is_rejected(text):
    assert parse_symbol(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "0 (2016)",
        "10000 (2016)",
        "2286 (1945)",
        "2286 (2100)",
        "24 (2016)",  # numbers grow with years: 24 was adopted in 1947
        "2286 (1990)",
        "S/RES/2286",  # a Council symbol needs its year
    ],
)
def test_security_council_form_outside_the_un_ranges_is_rejected(text):
    assert parse_symbol(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A/RES/76/127",
            Symbol("A/RES/76/127", "resolution", "GA", 76, "127", None),
        ),
        (
            "A/RES/S-27/2",
            Symbol("A/RES/S-27/2", "resolution", "GA", 27, "2", None, special="S"),
        ),
        (
            "ES-11/1",
            Symbol("A/RES/ES-11/1", "resolution", "GA", 11, "1", None, special="ES"),
        ),
        (
            "217 A (III)",
            Symbol("A/RES/217A(III)", "resolution", "GA", 3, "217", None, part="A"),
        ),
        (
            "3314 (XXIX)",
            Symbol("A/RES/3314(XXIX)", "resolution", "GA", 29, "3314", None),
        ),
        (
            "1874 (S-IV)",
            Symbol("A/RES/1874(S-IV)", "resolution", "GA", 4, "1874", None, special="S"),
        ),
        (
            "2253 (ES-V)",
            Symbol("A/RES/2253(ES-V)", "resolution", "GA", 5, "2253", None, special="ES"),
        ),
        (
            "S/RES/2286 (2016)",
            Symbol("S/RES/2286 (2016)", "resolution", "SC", None, "2286", 2016),
        ),
        (
            "242 (1967)",
            Symbol("S/RES/242 (1967)", "resolution", "SC", None, "242", 1967),
        ),
    ],
)
def test_resolution_fields_are_filled_from_the_symbol(text, expected):
    assert parse_symbol(text) == expected


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("A/RES/S-27/2", "S-27/2"),
        ("S-27/2", "S-27/2"),
        ("A/RES/217A(III)", "217 A (III)"),
        ("A/RES/1874(S-IV)", "1874 (S-IV)"),
        ("a/res/2253 (es-v)", "2253 (ES-V)"),
        ("A/RES/3379(XXX)", "3379 (XXX)"),
    ],
)
def test_special_and_early_sessions_have_their_own_short_form(text, short):
    assert parse_symbol(text).short == short


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("２２８６（２０１６）", "S/RES/2286 (2016)"),
        ("Ｓ／ＲＥＳ／２２８６　（２０１６）", "S/RES/2286 (2016)"),
        ("第７６／１２７号决议", "A/RES/76/127"),
        ("第 2175（2014）号决议", "S/RES/2175 (2014)"),
        ("Ａ／７６／３３４", "A/76/334"),
        ("217 A (Ⅲ)", "A/RES/217A(III)"),
    ],
)
def test_full_width_and_compatibility_characters_are_folded(text, canonical):
    assert canonical_symbol(text) == canonical


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("General Assembly resolution 217 A (III)", "A/RES/217A(III)"),
        ("Security Council resolution 2286 (2016)", "S/RES/2286 (2016)"),
        ("Resolution 46/182", "A/RES/46/182"),
        ("résolution 46/182", "A/RES/46/182"),
        ("第 22 A (I)号决议", "A/RES/22A(I)"),
        ("第 179 (II)号决议", "A/RES/179(II)"),
        ("  76/127\n", "A/RES/76/127"),
        ("2286\n(2016)", "S/RES/2286 (2016)"),
        ("/S/RES/2286(2016)/", "S/RES/2286 (2016)"),
    ],
)
def test_citation_words_and_stray_whitespace_are_ignored(text, canonical):
    assert canonical_symbol(text) == canonical


@pytest.mark.parametrize(
    ("text", "canonical", "body"),
    [
        ("A/76/334", "A/76/334", "GA"),
        ("A/76/L.26", "A/76/L.26", "GA"),
        ("A/74/19", "A/74/19", "GA"),
        ("A/C.3/76/L.5/Rev.1", "A/C.3/76/L.5/Rev.1", "GA"),
        ("A/76/334/Corr.1", "A/76/334/Corr.1", "GA"),
        ("A/ES-11/L.1", "A/ES-11/L.1", "GA"),
        ("S/2016/123", "S/2016/123", "SC"),
        ("S/PRST/2014/5", "S/PRST/2014/5", "SC"),
        ("S/18202", "S/18202", "SC"),
        ("E/CN.4/2005/L.10", "E/CN.4/2005/L.10", "ECOSOC"),
        ("E/CN.4/Sub.2/1999/L.3", "E/CN.4/Sub.2/1999/L.3", "ECOSOC"),
        ("ST/SGB/2003/13", "ST/SGB/2003/13", "OTHER"),
    ],
)
def test_document_symbols_are_kept_as_written_with_their_body(text, canonical, body):
    symbol = parse_symbol(text)

    assert symbol.canonical == canonical
    assert symbol.body == body
    assert symbol.kind == "document"
    assert not symbol.is_resolution
    assert symbol.short == canonical
    assert (symbol.session, symbol.number, symbol.year) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("a/76/l.26/add.1", "A/76/L.26/Add.1"),
        ("A/C.3/76/L.5/rev.1", "A/C.3/76/L.5/Rev.1"),
        ("A/76/334/CORR.1", "A/76/334/Corr.1"),
        ("S/18164/Add. 1", "S/18164/Add.1"),
        ("A/76/ L.26", "A/76/L.26"),
    ],
)
def test_document_symbols_are_tidied(text, canonical):
    assert canonical_symbol(text) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "A/76",  # a lone serial number needs three digits
        "A/L.26",  # nothing but a type
        "A/76/L",  # symbols end in a number
        "X/76/334",  # unknown series
        "A/RES/2/13",  # a resolution symbol that fails its checks is not a document
        "S/RES/2286",
    ],
)
def test_malformed_document_symbols_are_rejected(text):
    assert parse_symbol(text) is None


@pytest.mark.parametrize(
    "canonical",
    [
        "A/RES/76/127",
        "A/RES/S-27/2",
        "A/RES/ES-11/1",
        "A/RES/22A(I)",
        "A/RES/1874(S-IV)",
        "A/RES/58/1B",
        "A/RES/100/1",
        "S/RES/2286 (2016)",
        "S/RES/1 (1946)",
    ],
)
def test_short_and_canonical_forms_round_trip(canonical):
    symbol = parse_symbol(canonical)

    assert symbol.canonical == canonical
    assert parse_symbol(symbol.short) == symbol


def test_canonical_symbol_is_none_for_an_invalid_symbol():
    assert canonical_symbol("2/13") is None


@pytest.mark.parametrize(
    ("value", "numeral"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (29, "XXIX")]
)
def test_roman_numerals_are_written_as_in_session_numbers(value, numeral):
    assert roman_numeral(value) == numeral


def test_every_symbol_in_the_corpus_manifest_is_already_canonical(corpus_dir):
    manifest = corpus_dir / "MANIFEST.tsv"
    with manifest.open(encoding="utf-8") as rows:
        symbols = [row["symbol"] for row in csv.DictReader(rows, delimiter="\t") if row["symbol"]]

    assert len(symbols) > 900
    assert [s for s in symbols if canonical_symbol(s) != s] == []


@pytest.mark.parametrize(
    ("text", "canonical", "short"),
    [
        ("100/1", "A/RES/100/1", "100/1"),  # the 100th session opens in 2045
        ("A/RES/123/45", "A/RES/123/45", "123/45"),
        ("第 999/1 号决议", "A/RES/999/1", "999/1"),
    ],
)
def test_three_digit_sessions_are_valid_symbols(text, canonical, short):
    symbol = parse_symbol(text)

    assert (symbol.canonical, symbol.short, symbol.session) == (canonical, short, int(short[:3]))


@pytest.mark.parametrize(
    ("text", "canonical", "short"),
    [
        ("58/1 B", "A/RES/58/1B", "58/1 B"),
        ("A/RES/58/1 B", "A/RES/58/1B", "58/1 B"),
        ("a/res/58/1b", "A/RES/58/1B", "58/1 B"),
        ("resolution 43/78 H", "A/RES/43/78H", "43/78 H"),
        ("第 55/5 C 号决议", "A/RES/55/5C", "55/5 C"),
    ],
)
def test_lettered_sessional_resolution_is_a_symbol_of_its_own(text, canonical, short):
    symbol = parse_symbol(text)

    assert (symbol.canonical, symbol.short, symbol.part) == (canonical, short, short[-1])
    assert symbol != parse_symbol("58/1")


@pytest.mark.parametrize(
    ("path", "symbol", "rest"),
    [
        ("A/RES/58/1B/en/para_2/", "A/RES/58/1B", ["en", "para_2"]),
        ("a/res/58/1 B/", "A/RES/58/1B", []),
        ("A/RES/100/1/", "A/RES/100/1", []),
    ],
)
def test_lettered_and_three_digit_symbols_start_a_url_path(path, symbol, rest):
    found, parts = split_symbol_path(path)

    assert (found.canonical, parts) == (symbol, rest)
    assert re.fullmatch(URL_SYMBOL_SHAPE, symbol)
