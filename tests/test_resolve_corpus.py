"""Every citation the cite box writes leads back to its own paragraph: for every paragraph and
footnote of every text of the shared corpus, each of the box's lines (Chinese and English, dated
and short, and the permalink) is read back to its resolution and its eid; and in the archive,
followed to a version that has that paragraph."""

import pytest
from django.db import transaction

from resolutions.citations.formatting import citation_forms, footnote_forms
from resolutions.citations.pasted import place_eid, read_citation
from resolutions.citations.resolving import follow_citation
from resolutions.importer import Status
from resolutions.languages import LANGUAGE_ORDER
from resolutions.models import Footnote, LanguageVersion, Paragraph
from resolutions.parsing import read_source
from tests.importing import import_file

from .test_corpus import LAYOUT_OF_FOLDER

ORIGIN = "https://archive.example"
LANGUAGE_OF_TAG = {"zh-Hans": "zh", "en": "en"}


def cite_box_lines(symbol, adopted_on, version_url, eids, markers):
    """(eid, language of the line, text) of every line of every cite box of a version: its own
    page's (eid None), each paragraph page's, and the footnote lines of those pages. The
    permalink's language is None: it is the page's."""
    for eid in [None, *eids]:
        permalink = f"{version_url}{eid}/" if eid else version_url
        for form in citation_forms(symbol, adopted_on, permalink, eid):
            permalink = form.text.startswith(ORIGIN)
            yield eid, None if permalink else LANGUAGE_OF_TAG[form.language], form.text
    for marker in markers:
        for form in footnote_forms(symbol, marker):
            yield f"fn_{marker}", LANGUAGE_OF_TAG[form.language], form.text


@pytest.fixture(scope="module")
def corpus_texts(corpus_dir):
    return [
        document
        for folder in LAYOUT_OF_FOLDER
        for path in sorted((corpus_dir / folder).iterdir())
        for document in read_source(path.read_bytes()).documents
    ]


def test_every_citation_of_the_cite_box_reads_back_to_its_paragraph(corpus_texts):
    wrong, lines = [], 0
    for document in corpus_texts:
        eids = [paragraph.eid for paragraph in document.paragraphs]
        markers = [footnote.marker for footnote in document.footnotes]
        held = {*eids, *(f"fn_{marker}" for marker in markers)}
        url = f"{ORIGIN}/{document.symbol.replace(' ', '')}/{document.language}/"
        for eid, _, text in cite_box_lines(
            document.symbol, document.adopted_on, url, eids, markers
        ):
            lines += 1
            citation = read_citation(text)
            if citation is None or citation.symbol.canonical != document.symbol:
                wrong.append((text, "not read"))
            elif (citation.place and place_eid(citation.place, held)) != eid:
                wrong.append((text, citation.place))
    assert lines > 60_000
    assert wrong == []


# --- Followed in the archive -----------------------------------------------------------------

# Texts with every kind of place: sub-items and footnotes (76/127 in two languages, 80/501 in
# two), annexes (76/7), parts (S/RES/101 (1953)), an agreement's articles
# (S/RES/21 (1947)) and an oddly numbered annex (S/RES/1454 (2002)).
FILES = [
    "zh/A_RES_76_127.zh.md",
    "en/ga/A_RES_76_127.en.txt",
    "en/ga/A_RES_76_7.en.txt",
    "en/sc-crunsc/S_RES_0101_1953.en.txt",
    "en/sc-crunsc/S_RES_0021_1947.en.txt",
    "en/sc-crunsc/S_RES_1454_2002.en.txt",
]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, corpus_dir, english_fixture, french_fixture):
    with django_db_blocker.unblock(), transaction.atomic():
        for path in [*(corpus_dir / name for name in FILES), english_fixture, french_fixture]:
            assert import_file(path).status == Status.IMPORTED, path
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_every_citation_of_the_cite_box_is_followed_to_its_paragraph(archive):
    versions = LanguageVersion.objects.select_related("resolution").defer("source_text")
    having = {}
    for model in (Paragraph, Footnote):
        for version_id, eid in model.objects.values_list("version_id", "eid"):
            having.setdefault(eid, set()).add(version_id)
    wrong, lines = [], 0
    for version in versions:
        resolution = version.resolution
        held = {v.language: v.pk for v in resolution.versions.all()}
        eids = Paragraph.objects.filter(version=version).values_list("eid", flat=True)
        markers = Footnote.objects.filter(version=version).values_list("marker", flat=True)
        url = ORIGIN + version.get_absolute_url()
        # The dated forms differ from the short ones only in the date (read above).
        for eid, language, text in cite_box_lines(
            resolution.symbol, None, url, list(eids), list(markers)
        ):
            lines += 1
            # The line's language, or the page's for the permalink; else the first version,
            # Chinese first, that has the paragraph.
            holders = {code for code, pk in held.items() if eid is None or pk in having[eid]}
            language = language or version.language
            if language not in holders:
                language = min(holders, key=LANGUAGE_ORDER.index)
            target = follow_citation(text)
            if target is None or (target.language, target.eid) != (language, eid):
                wrong.append((text, target and (target.language, target.eid)))
    assert lines > 1000
    assert wrong == []
