"""Citations in French, Spanish, Russian and Arabic, as the UN writes them: found in running
text (``finding``), written by the cite box (``formatting``) and read back from it
(``pasted``), and checked against the real UN texts of the parallel corpus, where every line
says the same thing in six languages.
"""

import html
import re
from datetime import date
from pathlib import Path

import pytest

from resolutions.citations.finding import find_citations
from resolutions.citations.formatting import citation_forms, cite
from resolutions.citations.pasted import read_citation
from resolutions.citations.resolving import follow_citation
from resolutions.importer import Status
from resolutions.parsing import load_metadata, metadata_by_file
from tests.importing import import_file, import_path

UDHR = "A/RES/217A(III)"
METADATA = (
    Path(__file__).resolve().parent.parent / "resolutions" / "metadata" / "A_RES_217A_III.json"
)
ADOPTED = date(1948, 12, 10)


def cited(text):
    """(symbol as written, canonical target) for each citation, checking spans."""
    matches = find_citations(text)
    for match in matches:
        assert text[match.start : match.end] == match.text
    return [(m.text, m.symbol.canonical) for m in matches]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Rappelant la résolution 217 A (III) de l'Assemblée générale,", "217 A (III)"),
        ("Recordando la resolución 217 A (III) de la Asamblea General,", "217 A (III)"),
        ("Recordando su resolución 217 A (III), de 10 de diciembre de 1948,", "217 A (III)"),
        ("回顾大会第217 A (III)号决议，", "217 A (III)"),
        ("回顾第 217 A(III) 号决议，", "217 A(III)"),
        ("ссылаясь на резолюция 217 A (III) Генеральной Ассамблеи,", "217 A (III)"),
        # The part letter typed in Cyrillic, and the word in other cases.
        ("ссылаясь на свою резолюцию 217 А (III),", "217 А (III)"),
        ("в соответствии с резолюцией 217 А (III) от 10 декабря 1948 года", "217 А (III)"),
        ("положения резолюции 217 А (III) Генеральной Ассамблеи", "217 А (III)"),
        ("إذ تشير إلى القرار 217 ألف (د-3)،", "217 ألف (د-3)"),
        ("وإذ تشير إلى قرار الجمعية العامة 217 ألف (د-3)", "217 ألف (د-3)"),
        ("عملا بقرارها ٢١٧ ألف (د-3)", "٢١٧ ألف (د-3)"),
        ("وفقا للقرار 217 ألف (د-٣) المؤرخ 10 كانون الأول/ديسمبر 1948", "217 ألف (د-٣)"),
    ],
)
def test_the_declaration_is_found_in_each_languages_usual_forms(text, written):
    assert cited(text) == [(written, UDHR)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "résolutions 181 (II), 194 (III) et 377 A (V)",
            ["A/RES/181(II)", "A/RES/194(III)", "A/RES/377A(V)"],
        ),
        (
            "resoluciones 181 (II), 194 (III) y 377 A (V)",
            ["A/RES/181(II)", "A/RES/194(III)", "A/RES/377A(V)"],
        ),
        (
            "резолюции 181 (II), 194 (III) и 377 А (V)",
            ["A/RES/181(II)", "A/RES/194(III)", "A/RES/377A(V)"],
        ),
        (
            "القرارات 181 (د-2) و 194 (د-3) و 377 ألف (د-5)",
            ["A/RES/181(II)", "A/RES/194(III)", "A/RES/377A(V)"],
        ),
        ("résolution 76/127", ["A/RES/76/127"]),
        ("resolución 76/127", ["A/RES/76/127"]),
        ("резолюция 76/127", ["A/RES/76/127"]),
        ("القرار 76/127", ["A/RES/76/127"]),
        ("القرار ٧٦/١٢٧", ["A/RES/76/127"]),
        ("resoluciones 58/1 B y C de la Asamblea General", ["A/RES/58/1B", "A/RES/58/1C"]),
        ("резолюции 58/1 В и С от 1 декабря 2003 года", ["A/RES/58/1B", "A/RES/58/1C"]),
        ("قرارها 58/1 باء", ["A/RES/58/1B"]),
    ],
)
def test_early_lettered_and_sessional_resolutions_in_four_languages(text, expected):
    assert [canonical for _, canonical in cited(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # Times, years and counts that look like symbols.
        "12 شباط/فبراير 2015، الساعة 47/10",
        "٢ - وفي عام 2014 (2015) عقدت اللجنة 25 جلسة",
        "в 2014 году было 25/12 человек, 181 (II) страница",
        "Il y a 76/127 cas et 217 A (III) pages.",
        "el párrafo 4 de 2015 (1) y 76/127 personas",
        # Another body's resolutions look like the Assembly's.
        "resolución 43/1 del Consejo de Derechos Humanos",
        "резолюции Совета по правам человека 43/1",
        "résolution 43/1 du Conseil des droits de l'homme",
        # The word for decision, not resolution: مقرر.
        "المقرر 76/127",
        # الإقرار (declaration) and الاستقرار (stability) contain the letters of قرار.
        "الإقرار 76/127 والاستقرار 76/128",
    ],
)
def test_ordinary_numbers_and_other_bodies_are_not_citations(text):
    assert cited(text) == []


def _parallel(corpus_dir, marker: str) -> dict[str, str]:
    """The line holding ``marker`` in the English file, in every language of the UN Parallel
    Corpus development set (the files are aligned line by line)."""
    folder = corpus_dir / "parallel"
    english = (folder / "UNv1.0.devset.en").read_text(encoding="utf-8").split("\n")
    index = next(
        i for i, line in enumerate(english) if line.startswith(marker) or f" {marker}" in line
    )
    return {
        language: (folder / f"UNv1.0.devset.{language}")
        .read_text(encoding="utf-8")
        .split("\n")[index]
        for language in ("en", "fr", "es", "ru", "ar", "zh")
    }


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        # résolution 973 (X) du 15 décembre 1955 · قرارها 973 (د-10) المؤرخ …
        ("resolution 973 (X)", {"A/RES/973(X)"}),
        # résolution 1696 (XVI) de l'Assemblée générale … résolution 845 (IX) · لقرار الجمعية
        # العامة 1696 (د-16) … القرار 845 (د-9)
        ("resolution 1696 (XVI)", {"A/RES/1696(XVI)", "A/RES/845(IX)"}),
        # résolutions 1591 (2005) et 1556 (2004) · القرارين 1591 (2005) و 1556 (2004)
        ("resolutions 1591 (2005) and 1556 (2004)", {"S/RES/1591 (2005)", "S/RES/1556 (2004)"}),
        # resoluciones del Consejo de Seguridad 822 (1993), 853 (1993) 874 (1993) y 884 (1993)
        (
            "resolutions 822 (1993)",
            {"S/RES/822 (1993)", "S/RES/853 (1993)", "S/RES/874 (1993)", "S/RES/884 (1993)"},
        ),
        # قرارا مجلس الأمن 1267 (1999) و 1989 (2011) · Resoluciones del Consejo de Seguridad …
        (
            "Security Council resolutions 1267 (1999) and 1989 (2011)",
            {"S/RES/1267 (1999)", "S/RES/1989 (2011)"},
        ),
    ],
)
def test_the_un_texts_cite_the_same_resolutions_in_all_six_languages(corpus_dir, marker, expected):
    for language, line in _parallel(corpus_dir, marker).items():
        found = {m.symbol.canonical for m in find_citations(line) if m.symbol.is_resolution}
        assert found == expected, (language, line[:200])


def test_another_bodys_resolution_stays_unlinked_in_the_un_texts(corpus_dir):
    # résolution 9 (I) du Conseil économique et social: ECOSOC's, not the Assembly's 9 (I).
    line = _parallel(corpus_dir, "Commission on Narcotic Drugs was established")["fr"]
    assert "résolution 9 (I) du Conseil économique et social" in line
    assert cited(line) == []


@pytest.mark.parametrize(
    ("language", "short", "dated"),
    [
        (
            "fr",
            "résolution 217 A (III) de l'Assemblée générale, article 1",
            "résolution 217 A (III) de l'Assemblée générale en date du 10 décembre 1948, article 1",
        ),
        (
            "es",
            "resolución 217 A (III) de la Asamblea General, artículo 1",
            "resolución 217 A (III) de la Asamblea General, de 10 de diciembre de 1948, artículo 1",
        ),
        (
            "ru",
            "резолюция 217 A (III) Генеральной Ассамблеи, статья 1",
            "резолюция 217 A (III) Генеральной Ассамблеи от 10 декабря 1948 года, статья 1",
        ),
        (
            "ar",
            "قرار الجمعية العامة 217 ألف (د-3)، المادة 1",
            "قرار الجمعية العامة 217 ألف (د-3) المؤرخ 10 كانون الأول/ديسمبر 1948، المادة 1",
        ),
    ],
)
def test_each_version_is_cited_in_its_own_style(language, short, dated):
    assert cite(UDHR, language, eid="article_1") == short
    assert cite(UDHR, language, adopted_on=ADOPTED, eid="article_1") == dated


def test_other_resolutions_in_the_un_styles():
    assert cite("S/RES/2286 (2016)", "fr", adopted_on=date(2016, 5, 3)) == (
        "résolution 2286 (2016) du Conseil de sécurité en date du 3 mai 2016"
    )
    assert cite("A/RES/76/127", "es", eid="para_4") == (
        "resolución 76/127 de la Asamblea General, párrafo 4"
    )
    assert cite("A/RES/76/127", "ru", eid="preamble_3") == (
        "резолюция 76/127 Генеральной Ассамблеи, пункт 3 преамбулы"
    )
    assert cite("A/RES/58/1B", "ar") == "قرار الجمعية العامة 58/1 باء"
    assert cite("A/RES/181(II)", "ar") == "قرار الجمعية العامة 181 (د-2)"
    assert cite("A/RES/76/127", "fr", adopted_on=date(2021, 12, 1)).endswith("du 1er décembre 2021")


@pytest.mark.parametrize(
    ("language", "tag", "direction", "label"),
    [
        ("fr", "fr", "ltr", ("法文", "French")),
        ("es", "es", "ltr", ("西班牙文", "Spanish")),
        ("ru", "ru", "ltr", ("俄文", "Russian")),
        ("ar", "ar", "rtl", ("阿拉伯文", "Arabic")),
    ],
)
def test_the_cite_box_of_a_version_adds_its_own_style_after_chinese_and_english(
    language, tag, direction, label
):
    forms = citation_forms(UDHR, ADOPTED, "https://x.org/p/", "article_1", language)
    assert [form.language for form in forms] == ["zh-Hans"] * 2 + ["en"] * 2 + [tag] * 2 + ["en"]
    own = forms[4:6]
    assert [(form.label, form.label_en) for form in own] == [
        label,
        (f"{label[0]}简式", f"{label[1]}, short"),
    ]
    assert {form.direction for form in own} == {direction}
    assert forms[5].text == cite(UDHR, language, eid="article_1")


def test_chinese_and_english_versions_keep_their_two_styles():
    for language in ("zh", "en", None):
        forms = citation_forms(UDHR, ADOPTED, "https://x.org/p/", None, language)
        assert [form.language for form in forms] == ["zh-Hans"] * 2 + ["en"] * 3


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar"])
@pytest.mark.parametrize(
    ("eid", "eids"),
    [("article_1", ("article_1",)), ("preamble_1", ()), ("article_1_para_2", ()), (None, None)],
)
def test_every_form_the_cite_box_writes_is_read_back(language, eid, eids):
    for form in citation_forms(UDHR, ADOPTED, "https://x.org/p/", eid, language)[4:6]:
        citation = read_citation(form.text)
        assert (citation.symbol.canonical, citation.language) == (UDHR, language), form.text
        if eid is None:
            assert citation.place is None
        else:
            assert citation.place.eids == eids


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("résolution 217 A (III)", "fr"),
        ("la résolution 217 A (III) de l'Assemblée générale", "fr"),
        ("resolución 217 A (III)", "es"),
        ("резолюции 217 А (III)", "ru"),
        ("резолюции Генеральной Ассамблеи 217 А (III)", "ru"),
        ("القرار 217 ألف (د-3)", "ar"),
        ("القرار ٢١٧ ألف (د-٣)", "ar"),
        ("第 217 A(III) 号决议", "zh"),
        ("General Assembly resolution 217 A (III), article 1", "en"),
    ],
)
def test_the_cite_box_reader_reads_each_language(text, language):
    citation = read_citation(text)
    assert (citation.symbol.canonical, citation.language) == (UDHR, language)


@pytest.mark.parametrize(
    ("text", "language", "symbol"),
    [
        ("résolution 76/127", "fr", "A/RES/76/127"),
        ("resolución 76/127, párrafo 4", "es", "A/RES/76/127"),
        ("резолюция 76/127", "ru", "A/RES/76/127"),
        ("القرار 76/127", "ar", "A/RES/76/127"),
        ("قرار مجلس الأمن 2286 (2016)", "ar", "S/RES/2286 (2016)"),
        ("résolution 377 A (V) de l'Assemblée générale", "fr", "A/RES/377A(V)"),
        ("резолюция 181 (II) Генеральной Ассамблеи", "ru", "A/RES/181(II)"),
        ("قرار الجمعية العامة 194 (د-3)", "ar", "A/RES/194(III)"),
    ],
)
def test_the_reader_reads_other_resolutions_in_each_language(text, language, symbol):
    citation = read_citation(text)
    assert (citation.symbol.canonical, citation.language) == (symbol, language)


@pytest.mark.parametrize(
    "text",
    [
        # The body named is not the one whose number this is.
        "قرار مجلس الأمن 217 ألف (د-3)",
        "résolution 217 A (III) du Conseil de sécurité",
        "резолюция 2286 (2016) Генеральной Ассамблеи",
        # Words around the symbol that no citation has.
        "résolution 217 A (III) sur les droits de l'homme et autres choses",
    ],
)
def test_the_reader_refuses_what_is_no_citation(text):
    assert read_citation(text) is None


# --- The cite box on the pages ------------------------------------------------------------------


def cite_box_lines(client, url: str) -> list[tuple[str, str, str, str]]:
    """(term, lang, dir, text) of each line of the page's cite box."""
    page = client.get(url).content.decode()
    box = re.search(r'<section class="cite-box".*?</section>', page, re.S)
    assert box, f"no cite box on {url}"
    lines = re.findall(
        r"<dt>(.*?)</dt>\s*<dd><span class=\"citation-text\" lang=\"([^\"]+)\" dir=\"([a-z]+)\">"
        r"(.*?)</span></dd>",
        box[0],
        re.S,
    )
    return [
        (re.sub(r"<[^>]+>", "", term), lang, way, html.unescape(text))
        for term, lang, way, text in lines
    ]


@pytest.fixture
def french_version(db, english_fixture, french_fixture):
    for path in (english_fixture, french_fixture):
        assert import_file(path).status == Status.IMPORTED


def test_a_french_page_offers_the_french_citation_beside_chinese_and_english(
    client, french_version
):
    lines = cite_box_lines(client, "/A/RES/80/501/fr/para_1/")
    assert [(term, lang, way) for term, lang, way, _ in lines][4:7] == [
        ("法文 French", "fr", "ltr"),
        ("法文简式 French, short", "fr", "ltr"),
        ("永久链接 Permalink", "en", "ltr"),
    ]
    assert lines[5][3] == "résolution 80/501 de l'Assemblée générale, paragraphe 1"
    assert lines[4][3].startswith("résolution 80/501 de l'Assemblée générale en date du ")
    # The English page keeps its two styles.
    english = cite_box_lines(client, "/A/RES/80/501/en/para_1/")
    assert [lang for _, lang, _, _ in english] == ["zh-Hans", "zh-Hans", "en", "en", "en"]


def test_the_french_citation_on_the_page_leads_back_to_the_french_paragraph(client, french_version):
    text = cite_box_lines(client, "/A/RES/80/501/fr/para_1/")[5][3]
    target = follow_citation(text)
    assert (target.language, target.eid) == ("fr", "para_1")


# --- The Declaration in six languages, cited and resolved ----------------------------------------


@pytest.fixture
def udhr(db, corpus_dir):
    """The Declaration's six versions, imported."""
    metadata = metadata_by_file([load_metadata(METADATA)])
    for path in sorted((corpus_dir / "udhr").glob("*.html")):
        (result,) = import_path(path, metadata=metadata[path.name]).results
        assert result.status == Status.IMPORTED, (path, result.issues)


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar"])
@pytest.mark.parametrize("eid", ["article_1", "article_1_para_1", "preamble_1"])
def test_the_api_resolves_each_versions_citation_to_its_own_version(client, udhr, language, eid):
    text = cite(UDHR, language, adopted_on=ADOPTED, eid=eid)
    response = client.get("/api/v1/resolve/", {"cite": text})
    assert response.status_code == 200, text
    answer = response.json()
    assert (answer["symbol"], answer["language"], answer["eid"]) == (UDHR, language, eid), text


@pytest.mark.parametrize(
    ("text", "language", "eid"),
    [
        ("القرار ٢١٧ ألف (د-٣)، المادة ١", "ar", "article_1"),
        ("резолюции 217 А (III), статья 1", "ru", "article_1"),
        ("resolución 217 A (III), artículo 1", "es", "article_1"),
        ("第217A(III)号决议，第1条", "zh", "article_1"),
        ("General Assembly resolution 217 A (III), article 1", "en", "article_1"),
    ],
)
def test_a_pasted_citation_opens_the_declaration_in_its_language(udhr, text, language, eid):
    target = follow_citation(text)
    assert (target.symbol, target.language, target.eid, target.missing) == (
        UDHR,
        language,
        eid,
        None,
    )
