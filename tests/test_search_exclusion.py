"""An excluded word excludes every paragraph it occurs in, wherever the paragraphs lie in the
index (Whoosh's own exclusion kept the first candidate when the excluded word occurred earlier),
on each search engine."""

import pytest

from resolutions.importer import Status
from resolutions.models import LanguageVersion
from search.indexing import index_version
from search.service import run_search
from tests.factories import write_resolution
from tests.importing import import_file

pytestmark = pytest.mark.django_db


def test_an_excluded_word_found_before_the_first_candidate_still_excludes_it(
    search_engine, settings, tmp_path
):
    settings.SEARCH_INDEX_ON_IMPORT = False  # indexed below, once its texts are in place
    path = write_resolution(tmp_path, "en_A_RES_79_1.md", preambular=3, operative=1)
    assert import_file(path).status == Status.IMPORTED
    version = LanguageVersion.objects.get()
    texts = {
        # In index order: the excluded word alone, then both words, then the wanted one.
        "preamble_1": "Recalling the zebra crossings of the headquarters district,",
        "preamble_2": "Recalling the quokka and the zebra of the visitors' garden,",
        "preamble_3": "Recalling the quokka of the visitors' garden,",
    }
    for eid, text in texts.items():
        version.paragraphs.filter(eid=eid).update(text=text)
    index_version(version)

    assert {hit.eid for hit in run_search("quokka", {}).hits} == {"preamble_2", "preamble_3"}
    assert {hit.eid for hit in run_search("quokka -zebra", {}).hits} == {"preamble_3"}
    assert {hit.eid for hit in run_search("zebra -quokka", {}).hits} == {"preamble_1"}
