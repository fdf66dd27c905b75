"""The benchmark corpus generator: real sentences in the sample's layout, parsed without issues."""

import re
from pathlib import Path

import pytest

from bench.corpus_words import chinese_numeral
from bench.make_corpus import SESSIONS, generate
from resolutions.parsing import read_source, validate
from resolutions.parsing.document import SUBPARAGRAPH
from resolutions.parsing.shared.header import chinese_number
from resolutions.symbols import parse_symbol

TARGET = 300
# A paragraph split by a page break: text stops mid-word, the page's notes, the text goes on.
PAGE_BROKEN = re.compile(r"[\u4e00-\u9fff]\n\n(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+ [^\n]*\n\n)+[\u4e00-\u9fff]")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.zh.md"))}


@pytest.fixture(scope="module")
def generated(tmp_path_factory, corpus_dir):
    out = tmp_path_factory.mktemp("corpus")
    summary = generate(out, paragraphs=TARGET, seed=1, corpus_dir=corpus_dir)
    return summary, _files(out)


@pytest.fixture(scope="module")
def parsed(generated):
    _, files = generated
    return {name: read_source(data).documents for name, data in files.items()}


def test_same_seed_writes_identical_files(generated, tmp_path, corpus_dir):
    _, first = generated
    generate(tmp_path / "again", paragraphs=TARGET, seed=1, corpus_dir=corpus_dir)
    generate(tmp_path / "other", paragraphs=TARGET, seed=2, corpus_dir=corpus_dir)
    assert _files(tmp_path / "again") == first
    assert _files(tmp_path / "other") != first


def test_every_file_parses_without_issues_with_the_stated_counts(generated, parsed):
    summary, files = generated
    assert summary.files == len(files)
    assert summary.characters == sum(len(data.decode()) for data in files.values())
    total = 0
    for name, documents in parsed.items():
        (doc,) = documents
        assert validate(doc) == [], name
        assert doc.language == "zh"
        assert name == doc.symbol.replace("/", "_") + ".zh.md"
        assert doc.agenda_items and doc.agenda_title and doc.draft_symbols, name
        assert doc.adopted_on and doc.distributed_on and doc.meeting_number, name
        assert 20 <= len(doc.paragraphs) <= 120, name
        total += len(doc.paragraphs)
    assert total == summary.paragraphs


@pytest.mark.parametrize("target", [100, 2000, 25_000])
def test_sizes_are_honoured(tmp_path, corpus_dir, target):
    summary = generate(tmp_path, paragraphs=target, seed=3, corpus_dir=corpus_dir)
    assert abs(summary.paragraphs - target) <= target * 0.03
    assert target / 120 <= summary.files <= target / 20
    assert len(list(tmp_path.glob("*.zh.md"))) == summary.files


def test_files_of_an_earlier_run_are_replaced(tmp_path, corpus_dir):
    generate(tmp_path, paragraphs=2000, seed=1, corpus_dir=corpus_dir)
    summary = generate(tmp_path, paragraphs=200, seed=1, corpus_dir=corpus_dir)
    assert len(list(tmp_path.glob("*.zh.md"))) == summary.files


def test_citations_of_generated_resolutions_point_at_earlier_generated_ones(parsed):
    docs = [doc for (doc,) in parsed.values()]
    order = {doc.symbol: (doc.session, doc.number) for doc in docs}
    generated_cited = real_cited = 0
    for doc in docs:
        citations = [c for p in doc.paragraphs for c in p.citations]
        citations += [c for note in doc.footnotes for c in note.citations]
        for citation in citations:
            symbol = parse_symbol(citation.target)
            if citation.kind == "resolution" and symbol.session in SESSIONS:
                assert citation.target in order, citation
                assert order[citation.target] < order[doc.symbol]
                generated_cited += 1
            elif citation.kind == "resolution":
                real_cited += 1
    assert generated_cited > 0 and real_cited > 0


def test_symbols_are_outside_the_sessions_of_real_texts(parsed):
    for (doc,) in parsed.values():
        assert doc.session in SESSIONS and doc.session > 80


def test_sub_items_footnotes_and_page_broken_paragraphs_occur(generated, parsed):
    _, files = generated
    docs = [doc for (doc,) in parsed.values()]
    paragraphs = [p for doc in docs for p in doc.paragraphs]
    lettered = [p for p in paragraphs if p.kind == SUBPARAGRAPH and p.label == "a"]
    roman = [p for p in paragraphs if p.kind == SUBPARAGRAPH and p.label == "ii"]
    assert lettered and roman
    assert sum(len(doc.footnotes) for doc in docs) > 0
    assert any(PAGE_BROKEN.search(data.decode()) for data in files.values())


def test_preambular_paragraphs_come_before_numbered_operative_ones(parsed):
    for (doc,) in parsed.values():
        kinds = [p.kind for p in doc.paragraphs if p.kind != SUBPARAGRAPH]
        assert kinds[0] == "preambular" and kinds[-1] == "operative"
        assert kinds == sorted(kinds, key=lambda kind: kind != "preambular")


@pytest.mark.parametrize("session", [1, 10, 19, 76, 80, 81, 99, 100, 101, 110, 120, 999])
def test_session_numerals_read_back(session):
    assert chinese_number(chinese_numeral(session)) == session
