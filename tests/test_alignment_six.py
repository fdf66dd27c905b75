"""Six language versions lined up at once: each place where they differ is reported once, with the
languages grouped by what they have there (the largest group first), in the warnings of every
version, whichever version was imported last."""

import re
from itertools import permutations
from pathlib import Path

import pytest

from resolutions.alignment import Structure, alignment_notes, disagreements, structure_of
from resolutions.importer import ImportResult, Status
from resolutions.models import LanguageVersion, Resolution
from resolutions.parsing import load_metadata, metadata_by_file, read_source
from tests.importing import import_file, import_path

from .conftest import PROJECT_DIR
from .test_importer import snapshot

SIX = ("zh", "en", "fr", "es", "ru", "ar")


def _declaration(preamble: int = 8, article_26: int = 3, **changes) -> Structure:
    """A Declaration-like structure: ``preamble`` preambular paragraphs, article 1, and article 26
    with ``article_26`` numbered paragraphs."""
    paragraphs = [(f"preamble_{n}", "preambular", "", "") for n in range(1, preamble + 1)]
    paragraphs += [("article_1", "operative", "1", ""), ("article_26", "operative", "26", "")]
    paragraphs += [
        (f"article_26_para_{n}", "subparagraph", str(n), "article_26")
        for n in range(1, article_26 + 1)
    ]
    return Structure(paragraphs=tuple(paragraphs), **changes)


def _same_in_six(**overrides) -> dict[str, Structure]:
    return {language: overrides.get(language, _declaration()) for language in SIX}


def _report(structures) -> list[str]:
    return [str(found) for found in disagreements(structures)]


def test_six_versions_that_line_up_have_nothing_to_report():
    assert disagreements(_same_in_six()) == []


def test_a_single_version_has_nothing_to_line_up_with():
    assert disagreements({"ar": _declaration(preamble=3)}) == []


def test_a_paragraph_one_version_lacks_is_reported_once_against_the_other_five():
    found = disagreements(_same_in_six(ar=_declaration(preamble=7)))
    assert [str(item) for item in found] == [
        "preamble: 8 paragraphs in zh, en, fr, es, ru; 7 in ar (preamble_8 missing)"
    ]
    assert found[0].eids == ("preamble_8",)


def test_a_missing_numbered_paragraph_of_an_article_names_the_article_and_the_paragraph():
    assert _report(_same_in_six(ar=_declaration(article_26=2))) == [
        "article_26: 4 paragraphs in zh, en, fr, es, ru; 3 in ar (article_26_para_3 missing)"
    ]


def test_three_preamble_lengths_are_grouped_around_the_largest_group():
    """The Declaration's sources: the preamble runs to 8, 9 or 10 paragraphs."""
    found = disagreements(
        {
            "zh": _declaration(preamble=8),
            "en": _declaration(preamble=10),
            "fr": _declaration(preamble=9),
            "es": _declaration(preamble=10),
            "ru": _declaration(preamble=9),
            "ar": _declaration(preamble=9),
        }
    )
    assert [str(item) for item in found] == [
        "preamble: 9 paragraphs in fr, ru, ar; 10 in en, es (preamble_10 extra); "
        "8 in zh (preamble_9 missing)"
    ]
    assert found[0].eids == ("preamble_9", "preamble_10")
    assert [group.languages for group in found[0].groups] == [
        ("fr", "ru", "ar"),
        ("en", "es"),
        ("zh",),
    ]


@pytest.mark.parametrize("order", list(permutations(SIX))[::37])
def test_the_report_does_not_depend_on_the_order_the_versions_come_in(order):
    structures = {
        "zh": _declaration(preamble=8),
        "en": _declaration(preamble=10),
        "fr": _declaration(preamble=9, article_26=2),
        "es": _declaration(preamble=10),
        "ru": _declaration(preamble=9),
        "ar": _declaration(preamble=9, footnotes={"1": ("article_1",)}),
    }
    expected = _report(structures)
    assert _report({language: structures[language] for language in order}) == expected


def test_an_even_split_puts_first_the_side_of_the_language_the_archive_reads_first():
    assert _report({"en": _declaration(preamble=2), "zh": _declaration(preamble=1)}) == [
        "preamble: 1 paragraph in zh; 2 in en (preamble_2 extra)"
    ]


def test_a_part_only_one_version_has_is_extra_there():
    longer = _declaration()
    longer = Structure(paragraphs=(*longer.paragraphs, ("article_31", "operative", "31", "")))
    assert _report(_same_in_six(en=longer)) == [
        "article_31: 0 paragraphs in zh, fr, es, ru, ar; 1 in en (article_31 extra)"
    ]


def test_a_relabelled_paragraph_is_one_line_naming_both_labels():
    relabelled = Structure(
        paragraphs=tuple(
            (eid, kind, "4" if eid == "article_26_para_3" else label, parent)
            for eid, kind, label, parent in _declaration().paragraphs
        )
    )
    assert _report(_same_in_six(ru=relabelled)) == [
        "article_26_para_3: subparagraph (3) under article_26 in zh, en, fr, es, ar; "
        "subparagraph (4) under article_26 in ru"
    ]


def test_a_paragraph_of_another_kind_in_one_version_is_not_also_counted_missing():
    moved = Structure(
        paragraphs=tuple(
            (eid, "operative" if eid == "preamble_8" else kind, label, parent)
            for eid, kind, label, parent in _declaration().paragraphs
        )
    )
    assert _report(_same_in_six(es=moved)) == [
        "preamble_8: preambular in zh, en, fr, ru, ar; operative in es"
    ]


def test_paragraphs_in_another_order_are_one_line():
    shuffled = _declaration()
    first, second, *rest = shuffled.paragraphs
    assert _report(_same_in_six(fr=Structure(paragraphs=(second, first, *rest)))) == [
        "paragraph order: one in zh, en, es, ru, ar; another in fr"
    ]


def test_a_footnote_referenced_elsewhere_or_missing_is_one_line():
    noted = _declaration(footnotes={"1": ("article_1",)})
    structures = {language: noted for language in SIX}
    structures["fr"] = _declaration(footnotes={"1": ("article_26",)})
    structures["ar"] = _declaration()
    found = disagreements(structures)
    assert [str(item) for item in found] == [
        "footnote 1: referenced from article_1 in zh, en, es, ru; from article_26 in fr; not in ar"
    ]
    assert found[0].eids == ("article_1", "article_26")


def test_a_lost_citation_is_reported_but_not_that_of_a_paragraph_a_version_lacks():
    citing = _declaration(
        citations={
            "article_1": frozenset({"A/RES/46/182"}),
            "article_26_para_3": frozenset({"A/RES/1/1"}),
        }
    )
    structures = {language: citing for language in SIX}
    structures["zh"] = _declaration(citations={"article_26_para_3": frozenset({"A/RES/1/1"})})
    structures["ar"] = _declaration(
        article_26=2, citations={"article_1": citing.citations["article_1"]}
    )
    assert _report(structures) == [
        "article_26: 4 paragraphs in zh, en, fr, es, ru; 3 in ar (article_26_para_3 missing)",
        "article_1: cites A/RES/46/182 in en, fr, es, ru, ar; nothing in zh",
    ]


# The Universal Declaration of Human Rights in the six languages, imported --------------------

UDHR_ORDER = ("zh", "en", "fr", "es", "ru", "ar")
METADATA = PROJECT_DIR / "resolutions" / "metadata" / "A_RES_217A_III.json"
UDHR_SYMBOL = "A/RES/217A(III)"
# Where the six sources differ: the preamble runs to 8 paragraphs in Chinese (its last one the
# whole proclamation), 9 in French, Russian and Arabic, 10 in English and Spanish.
# The preambles as the metadata numbers them (resolutions/metadata/A_RES_217A_III.json): the
# French and Russian lack "Now, therefore,", the Chinese runs 8–10 into the proclamation, the
# Arabic lacks the fourth consideration and splits the proclamation.
UDHR_REPORT = (
    "preamble: 10 paragraphs in en, es; 9 in fr, ru (preamble_8 missing); "
    "8 in zh (preamble_8, preamble_9 missing); "
    "9 in ar (preamble_4, preamble_8 missing; preamble_11 extra)"
)


@pytest.fixture(scope="module")
def udhr_dir(corpus_dir) -> Path:
    return corpus_dir / "udhr"


def _udhr_file(udhr_dir, language) -> Path:
    return udhr_dir / f"A_RES_217A_III.{language}.html"


def _import(path: Path, **options) -> ImportResult:
    metadata = metadata_by_file([load_metadata(METADATA)])[path.name]
    (result,) = import_path(path, metadata=metadata, **options).results
    return result


def _import_udhr(udhr_dir, languages) -> None:
    for language in languages:
        result = _import(_udhr_file(udhr_dir, language))
        assert result.status == Status.IMPORTED, result.issues


def _warnings() -> dict[str, list]:
    return {
        version.language: version.warnings
        for version in LanguageVersion.objects.filter(resolution__symbol=UDHR_SYMBOL)
    }


def test_the_report_names_exactly_the_eids_the_six_parsed_files_do_not_share(udhr_dir):
    metadata = load_metadata(METADATA)
    structures = {}
    for language in UDHR_ORDER:
        data = _udhr_file(udhr_dir, language).read_bytes()
        (parsed,) = read_source(data, metadata=metadata).documents
        structures[language] = structure_of(parsed)
    eids = [{p[0] for p in structures[language].paragraphs} for language in UDHR_ORDER]
    not_shared = set.union(*eids) - set.intersection(*eids)
    found = disagreements(structures)
    assert not_shared == {"preamble_4", "preamble_8", "preamble_9", "preamble_11"}
    assert {eid for item in found for eid in item.eids} == not_shared
    assert [str(item) for item in found] == [UDHR_REPORT]


def test_every_version_says_the_same_whichever_order_the_six_arrive_in(db, udhr_dir):
    _import_udhr(udhr_dir, UDHR_ORDER)
    zh_first = _warnings()
    Resolution.objects.filter(symbol=UDHR_SYMBOL).delete()
    _import_udhr(udhr_dir, reversed(UDHR_ORDER))
    zh_last = _warnings()
    assert zh_last == zh_first
    for language in UDHR_ORDER:
        assert alignment_notes(zh_last[language]) == [UDHR_REPORT]
    # The repairs of the Chinese text stay beside the report.
    assert len(zh_last["zh"]) > 1
    assert len(zh_last["en"]) == 1


def test_a_replaced_version_changes_the_report_of_every_version(db, udhr_dir, tmp_path):
    _import_udhr(udhr_dir, UDHR_ORDER)
    english = _udhr_file(udhr_dir, "en").read_text(encoding="utf-8")
    without_proclamation = "\n".join(
        line for line in english.splitlines() if "<p>Proclaims this Universal" not in line
    )
    path = tmp_path / "A_RES_217A_III.en.html"
    path.write_text(without_proclamation, encoding="utf-8")
    assert _import(path).status == Status.REPLACED
    # The English paragraphs are numbered as they come, 1 to 9: the last is missing.
    expected = (
        "preamble: 9 paragraphs in fr, ru; 8 in zh (preamble_9 missing); "
        "9 in en (preamble_10 missing; preamble_8 extra); 10 in es (preamble_8 extra); "
        "9 in ar (preamble_4 missing; preamble_11 extra)"
    )
    assert {language: alignment_notes(w) for language, w in _warnings().items()} == {
        language: [expected] for language in UDHR_ORDER
    }


def test_strict_alignment_refuses_a_version_that_differs_from_any_stored_one(db, udhr_dir):
    for language in ("fr", "ru"):  # two sources with the same nine paragraphs
        assert _import(_udhr_file(udhr_dir, language), strict_alignment=True).issues == []
    before = snapshot()
    result = _import(_udhr_file(udhr_dir, "en"), strict_alignment=True)
    assert result.status == Status.FAILED
    assert [issue.message for issue in result.issues] == [
        "alignment: preamble: 9 paragraphs in fr, ru; 10 in en (preamble_8 extra)"
    ]
    assert snapshot() == before


@pytest.mark.parametrize("pair", [("en", "ar"), ("zh", "ru")])
def test_side_by_side_pairs_every_article_where_the_preambles_differ(client, db, udhr_dir, pair):
    _import_udhr(udhr_dir, UDHR_ORDER)
    left, right = pair
    response = client.get(f"/{UDHR_SYMBOL}/{left}-{right}/")
    assert response.status_code == 200
    rows = response.context["rows"]
    articles = [row for row in rows if re.fullmatch(r"article_\d+", row.eid)]
    assert [row.eid for row in articles] == [f"article_{n}" for n in range(1, 31)]
    assert all(row.left and row.right for row in articles)
    assert all(row.left and row.right for row in rows if row.eid.startswith("article_"))


def test_the_resolution_page_shows_where_the_versions_differ(client, db, udhr_dir):
    _import_udhr(udhr_dir, UDHR_ORDER)
    page = client.get(f"/{UDHR_SYMBOL}/ar/").content.decode()
    assert "Where the language versions differ" in page
    assert UDHR_REPORT in page


def test_a_page_whose_versions_line_up_says_nothing_of_differences(
    client, db, english_fixture, french_fixture
):
    for path in (english_fixture, french_fixture):
        assert import_file(path).issues == []
    version = LanguageVersion.objects.get(language="fr")
    page = client.get(version.get_absolute_url()).content.decode()
    assert "Where the language versions differ" not in page
