"""The HTML layout: the Universal Declaration of Human Rights (A/RES/217 A (III)) in the six
official languages, its header facts from a metadata file, and the files it must refuse."""

import dataclasses
import json
from pathlib import Path

import pytest

from resolutions.labels import element_name, paragraph_label
from resolutions.parsing import (
    MetadataError,
    ParseError,
    load_metadata,
    metadata_by_file,
    read_source,
    validate,
)
from resolutions.parsing.document import OPERATIVE, OTHER, PREAMBULAR

from .golden import check_golden

LANGUAGES = ["zh", "en", "fr", "es", "ru", "ar"]
METADATA = Path(__file__).resolve().parent.parent / "resolutions" / "metadata"
DECLARATION = METADATA / "A_RES_217A_III.json"

# The paragraphs of each version, headings left out: the preamble differs, the articles agree.
PREAMBLE_LENGTH = {"zh": 8, "en": 10, "fr": 9, "es": 10, "ru": 9, "ar": 9}
ARTICLE_PARAGRAPHS = 50
PARAGRAPHS = {"zh": 58, "en": 60, "fr": 59, "es": 60, "ru": 59, "ar": 59}


def declaration_file(corpus_dir: Path, language: str) -> Path:
    return corpus_dir / "udhr" / f"A_RES_217A_III.{language}.html"


@pytest.fixture(scope="module")
def versions(corpus_dir):
    """The parsed Declaration in each language, with the corpus's metadata file applied."""
    metadata = load_metadata(DECLARATION)
    return {
        language: read_source(
            declaration_file(corpus_dir, language).read_bytes(), metadata=metadata
        )
        for language in LANGUAGES
    }


def html(body: str, lang: str = "en") -> bytes:
    return f'<!doctype html>\n<html lang="{lang}">\n<body>\n{body}\n</body>\n</html>\n'.encode()


ARTICLE = '<article data-number="1">\n<h2>Article 1</h2>\n<p>All are born free.</p>\n</article>'
PREAMBLE = "<h1>Declaration</h1>\n<header>\n<p>Whereas something,</p>\n</header>"


def test_each_file_is_read_in_the_html_layout_in_the_language_it_declares(versions):
    for language, source in versions.items():
        (document,) = source.documents
        assert (source.format, document.language, document.source_format) == (
            "html",
            language,
            "html",
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_parsed_declaration_matches_the_golden_file(versions, language, update_golden):
    (document,) = versions[language].documents
    parsed = json.loads(json.dumps(dataclasses.asdict(document), default=str))
    check_golden(f"A_RES_217A_III.{language}.parsed", parsed, update=update_golden)


def test_every_version_validates_without_an_issue(versions):
    assert {lang: validate(source.documents[0]) for lang, source in versions.items()} == {
        lang: [] for lang in LANGUAGES
    }


def test_title_comes_from_the_h1(versions):
    titles = {lang: source.documents[0].title for lang, source in versions.items()}
    assert titles["zh"] == "世界人权宣言"
    assert titles["en"] == "Universal Declaration of Human Rights"
    assert titles["ar"] == "الإعلان العالمي لحقوق الإنسان"


def test_paragraph_counts_differ_only_in_the_preamble(versions):
    for language, source in versions.items():
        paragraphs = source.documents[0].paragraphs
        kinds = [p.kind for p in paragraphs]
        headings = [p for p in paragraphs if "_para_" not in p.eid and p.kind == OTHER]
        assert kinds.count(PREAMBULAR) == PREAMBLE_LENGTH[language], language
        assert len(headings) == 30, language
        assert len(paragraphs) - len(headings) == PARAGRAPHS[language], language
        assert len(paragraphs) - len(headings) - PREAMBLE_LENGTH[language] == ARTICLE_PARAGRAPHS


def test_articles_have_the_same_eids_kinds_and_labels_in_every_language(versions):
    structures = {
        language: [
            (p.eid, p.kind, p.label, p.parent_eid)
            for p in source.documents[0].paragraphs
            if p.kind != PREAMBULAR
        ]
        for language, source in versions.items()
    }
    assert all(structure == structures["en"] for structure in structures.values())
    assert len(structures["en"]) == 30 + ARTICLE_PARAGRAPHS


def test_the_proclamation_closes_the_preamble_in_every_language(versions):
    """English and Spanish set "Now, therefore," and "The General Assembly" apart, French and
    Russian only "The General Assembly"; Chinese runs all into one paragraph; the Arabic text
    has six considerations, not seven (none on friendly relations between nations), and sets
    the Assembly, the proclamation and its object apart."""
    preamble = {
        language: [p.text for p in source.documents[0].paragraphs if p.kind == PREAMBULAR]
        for language, source in versions.items()
    }
    assert preamble["en"][7:9] == ["Now, therefore,", "The General Assembly"]
    assert preamble["en"][9].startswith("Proclaims this Universal Declaration")
    assert preamble["es"][7:9] == ["Ahora, por tanto,", "La Asamblea General,"]
    assert preamble["fr"][7] == "L’Assemblée générale"
    assert preamble["fr"][8].startswith("Proclame la présente Déclaration")
    assert preamble["ru"][7] == "Генеральная Ассамблея,"
    assert preamble["zh"][7].startswith("因此现在，大会，发布这一世界人权宣言")
    assert preamble["ar"][6:8] == ["فإن الجمعية العامة", "تنادي بهذا الإعلان العالمي لحقوق الإنسان"]
    considerations = {language: texts[:7] for language, texts in preamble.items()}
    assert not any("friendly" in text for text in considerations["en"][:3])
    assert "friendly relations between nations" in considerations["en"][3]
    assert len([t for t in preamble["ar"] if t.startswith(("لمّا", "ولما"))]) == 6


def test_the_metadata_numbers_the_preambles_so_that_one_eid_says_one_thing(versions):
    """Numbered as the English text numbers them (resolutions/metadata/): a paragraph a text
    lacks leaves its number out, so the same clause has the same eid in every language."""
    preamble = {
        language: {p.eid: p.text for p in source.documents[0].paragraphs if p.kind == PREAMBULAR}
        for language, source in versions.items()
    }
    assert [eid for eid in preamble["ar"]] == [
        f"preamble_{n}" for n in (1, 2, 3, 5, 6, 7, 9, 10, 11)
    ]
    # The peoples of the United Nations reaffirmed their faith in the Charter: the fifth
    # consideration, also in the Arabic text, which has no fourth.
    assert "peoples of the United Nations" in preamble["en"]["preamble_5"]
    assert "شعوب الأمم المتحدة" in preamble["ar"]["preamble_5"]
    assert (
        "friendly relations" in preamble["en"]["preamble_4"] and "preamble_4" not in preamble["ar"]
    )
    # The proclamation is preamble_10 everywhere; the Assembly that proclaims, preamble_9.
    assert preamble["en"]["preamble_10"].startswith("Proclaims")
    assert preamble["fr"]["preamble_10"].startswith("Proclame")
    assert preamble["ru"]["preamble_10"].startswith("провозглашает")
    assert preamble["es"]["preamble_10"].startswith("Proclama")
    assert preamble["zh"]["preamble_10"].startswith("因此现在，大会，发布")
    assert preamble["ar"]["preamble_10"].startswith("تنادي")
    assert preamble["fr"]["preamble_9"] == "L’Assemblée générale"
    assert preamble["ar"]["preamble_9"] == "فإن الجمعية العامة"
    assert "preamble_8" not in preamble["fr"] and "preamble_8" not in preamble["zh"]


def test_a_metadata_file_that_numbers_another_count_of_paragraphs_fails_the_file(
    corpus_dir, tmp_path
):
    source = DECLARATION.read_text(encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(source.replace('"fr": [1, 2, 3, 4, 5, 6, 7, 9, 10]', '"fr": [1, 2, 3]'))
    data = (corpus_dir / "udhr" / "A_RES_217A_III.fr.html").read_bytes()
    with pytest.raises(ParseError, match="numbers 3 preambular paragraphs in fr; the text has 9"):
        read_source(data, metadata=load_metadata(wrong))


def test_numbered_paragraphs_are_operative_and_unnumbered_ones_other(versions):
    paragraphs = {p.eid: p for p in versions["en"].documents[0].paragraphs}
    heading, only = paragraphs["article_1"], paragraphs["article_1_para_1"]
    assert (heading.kind, heading.label, heading.text) == (OTHER, None, "Article 1")
    assert (only.kind, only.label) == (OTHER, None)
    assert only.text.startswith("All human beings are born free")
    assert [paragraphs[f"article_2_para_{n}"].kind for n in (1, 2)] == [OTHER, OTHER]
    assert "article_2_para_3" not in paragraphs
    numbered = [paragraphs[f"article_11_para_{n}"] for n in (1, 2)]
    assert [(p.kind, p.label) for p in numbered] == [(OPERATIVE, "1"), (OPERATIVE, "2")]
    numbered = {}
    for p in paragraphs.values():
        if p.kind == OPERATIVE:
            article = int(p.eid.split("_")[1])
            numbered[article] = numbered.get(article, 0) + 1
    assert numbered == {
        11: 2, 13: 2, 14: 2, 15: 2, 16: 3, 17: 2, 20: 2, 21: 3, 23: 4, 25: 2, 26: 3, 27: 2, 29: 3,
    }  # fmt: skip


def test_each_paragraph_keeps_the_line_of_its_text(versions):
    zh = {p.eid: p.line for p in versions["zh"].documents[0].paragraphs}
    assert (zh["preamble_1"], zh["article_1"], zh["article_1_para_1"]) == (10, 20, 21)
    en = {p.eid: p.line for p in versions["en"].documents[0].paragraphs}
    # A numbered paragraph's text stands in a <p> on the line after its <li>.
    assert (en["article_11"], en["article_11_para_1"], en["article_11_para_2"]) == (63, 66, 69)


def test_the_metadata_file_gives_the_header_facts(versions):
    for source in versions.values():
        document = source.documents[0]
        assert (document.symbol, document.body, document.session) == ("A/RES/217A(III)", "GA", 3)
        assert (document.number, document.part, str(document.adopted_on)) == (
            217,
            "A",
            "1948-12-10",
        )
        assert document.meeting_number == 183
        assert document.vote == {"in_favour": 48, "against": 0, "abstaining": 8}


def test_a_file_without_metadata_is_refused_with_the_way_to_give_it(corpus_dir):
    with pytest.raises(ParseError, match="carries no resolution header.*--metadata"):
        read_source(declaration_file(corpus_dir, "en").read_bytes())


def test_chinese_commas_and_semicolons_are_made_full_width_and_noted(versions):
    (zh,) = versions["zh"].documents
    texts = "".join(p.text for p in zh.paragraphs)
    assert "," not in texts and ";" not in texts
    assert "人人生而自由，在尊严和权利上一律平等。" in texts
    notes = [str(issue) for issue in zh.repairs]
    assert notes[0] == (
        "line 10: preamble_1: ASCII punctuation after Chinese characters made full-width "
        "(2 × , → ，)"
    )
    assert all("made full-width" in note for note in notes)
    (en,) = versions["en"].documents
    assert en.repairs == []


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("承认,乃是基础,", "承认，乃是基础，"),
        ("奴役;一切形式", "奴役；一切形式"),
        ("如下:第一", "如下：第一"),
        ("在 2020, 年", "在 2020, 年"),  # a comma after a figure is the layout's own
        ("A/RES/76/127,大会", "A/RES/76/127,大会"),
    ],
)
def test_only_ascii_marks_after_chinese_characters_are_repaired(text, repaired):
    page = html(
        f'{PREAMBLE}\n<article data-number="1">\n<h2>第一条</h2>\n<p>{text}</p>\n</article>'
    )
    (document,) = read_source(page, metadata=load_metadata(DECLARATION)).documents
    assert document.paragraphs[-1].text == repaired


def first(inner: str) -> str:
    """The preamble and article 1 holding ``inner`` (the article opens on line 8)."""
    return f"{PREAMBLE}\n<article data-number='1'>\n{inner}\n</article>"


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        (PREAMBLE, "no <article", 0),
        (first("<h2>Article 1</h3>\n<p>x</p>"), "broken HTML markup: Unexpected end tag", 9),
        (first("<h2>Article 1</h2>\n<p>x</p>\n" + ARTICLE.replace("1", "2"))[:-11], "inside", 11),
        (f"{PREAMBLE}\n{ARTICLE.replace('1', '2')}", "article 2 where article 1 was expected", 8),
        (first("<h2>A</h2>\n<p>x</p>").replace(" data-number='1'", ""), "without a number", 8),
        (first("<p>x</p>"), "does not open with its <h2>", 8),
        (first("<h2>Article 1</h2>\n<p> </p>"), "article_1_para_1 is empty", 10),
        (first("<h2>A</h2>\n<p>x</p>\n<ol><li>y</li></ol>"), "<p> paragraphs or one <ol>", 8),
        (first("<h2>Article 1</h2>\nloose text"), "text outside any paragraph", 8),
        (f"<h1>Declaration</h1>\n{ARTICLE}", "0 <header> elements", 0),
        (f"<header>\n<p>x</p>\n</header>\n{ARTICLE}", "0 <h1> elements", 0),
    ],
)
def test_a_malformed_file_is_refused_with_the_reason_and_line(body, message, line):
    with pytest.raises(ParseError, match=message) as refused:
        read_source(html(body), metadata=load_metadata(DECLARATION))
    assert refused.value.line == line


def test_a_file_in_another_encoding_is_refused_with_its_line():
    page = html(f"{PREAMBLE}\n{ARTICLE.replace('free', 'libres et égaux')}", lang="fr")
    with pytest.raises(ParseError, match="undecodable bytes") as refused:
        read_source(page.decode().encode("latin-1"), metadata=load_metadata(DECLARATION))
    assert refused.value.line == 10


def test_metadata_for_a_file_with_its_own_header_is_refused(sample_path):
    with pytest.raises(ParseError, match="gives its own header"):
        read_source(sample_path.read_bytes(), metadata=load_metadata(DECLARATION))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"symbol": "A/76/L.26"}, "is not a resolution symbol"),
        ({"adopted_on": "10 December 1948"}, "not a date"),
        ({"session": 4}, r"session 4 but A/RES/217A\(III\) is of session 3"),
        ({"vote": {"in_favour": "48"}}, "not a count"),
        ({"meeting": 183}, '"meeting" is'),
        ({"files": []}, "names of the source files"),
        ({"adopted": "1948-12-10"}, "unknown field"),
    ],
)
def test_a_wrong_metadata_file_is_refused_with_the_reason(tmp_path, change, message):
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps({**json.loads(DECLARATION.read_text()), **change}))
    with pytest.raises(MetadataError, match=message) as refused:
        load_metadata(path)
    assert str(refused.value).startswith(f"{path}: ")


def test_two_metadata_files_may_not_give_one_source_file_two_symbols(tmp_path):
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps({**json.loads(DECLARATION.read_text()), "symbol": "A/RES/260(III)"})
    )
    with pytest.raises(MetadataError, match="A_RES_217A_III.*named here as A/RES/260"):
        metadata_by_file([load_metadata(DECLARATION), load_metadata(other)])


@pytest.mark.parametrize(
    ("eid", "label", "names"),
    [
        ("article_1", "¶", {"zh": "第 1 条", "en": "article 1", "ar": "المادة 1"}),
        (
            "article_13_para_2",
            "2.",
            {"en": "paragraph 2 (article 13)", "fr": "paragraphe 2 (article 13)"},
        ),
        ("preamble_10", "PP10", {"ru": "пункт 10 преамбулы"}),
    ],
)
def test_articles_and_their_paragraphs_are_named_in_every_language(eid, label, names):
    assert paragraph_label(eid) == label
    assert {language: element_name(eid, language) for language in names} == names
