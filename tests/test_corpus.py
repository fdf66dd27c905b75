"""Every resolution file of the shared corpus reads cleanly: the whole of zh/ and en/, every
layout, parsed, validated and given a symbol of its own, with nothing skipped."""

import re
from collections import Counter

import pytest

from resolutions.labels import paragraph_name
from resolutions.parsing import read_source, validate
from web.converters import EidConverter

LAYOUT_OF_FOLDER = {
    "zh": "markdown",
    "en/ga": "pdftext",
    "en/sc": "pdftext",
    "en/ga-ocr": "ocr",
    "en/sc-crunsc": "crunsc",
}


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    """(folder, file name, Source) for every file under zh/ and en/."""
    return [
        (folder, path.name, read_source(path.read_bytes()))
        for folder in LAYOUT_OF_FOLDER
        for path in sorted((corpus_dir / folder).iterdir())
    ]


def test_the_corpus_has_936_resolution_files(corpus):
    assert len(corpus) == 936


def test_every_file_is_read_in_its_layout_and_none_is_skipped(corpus):
    wrong = [
        (name, source.format, source.skip_reason)
        for folder, name, source in corpus
        if source.format != LAYOUT_OF_FOLDER[folder] or not source.documents
    ]
    assert wrong == []


def test_every_resolution_validates_without_an_issue(corpus):
    issues = {
        f"{name} {document.symbol}": [str(issue) for issue in validate(document)]
        for _, name, source in corpus
        for document in source.documents
    }
    assert {name: found for name, found in issues.items() if found} == {}


def test_only_the_two_misfiled_copies_give_a_resolution_twice(corpus):
    """The Council corpus files 538 (1983) again as 542 and 773 (1992) again as 778; the
    importer keeps the first and reports the second as a duplicate."""
    counts = Counter(
        (document.symbol, document.language)
        for _, _, source in corpus
        for document in source.documents
    )
    assert sorted(key for key, count in counts.items() if count > 1) == [
        ("S/RES/538 (1983)", "en"),
        ("S/RES/773 (1992)", "en"),
    ]
    # 936 files: the Official Records extract gives two resolutions, the two copies none new.
    assert sum(counts.values()) == 937
    assert len(counts) == 935


def test_every_paragraph_of_the_corpus_has_a_url_and_a_name(corpus):
    unroutable = {
        (name, paragraph.eid)
        for _, name, source in corpus
        for document in source.documents
        for paragraph in document.paragraphs
        if not re.fullmatch(EidConverter.regex, paragraph.eid)
        or paragraph_name(paragraph.eid, "en") == paragraph.eid
    }
    assert unroutable == set()
