"""Every page makes the same number of SQL queries whatever the size of the resolution."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.importer import Status
from tests.factories import write_resolution
from tests.importing import import_file

pytestmark = pytest.mark.django_db

# Queries per page, the first time it is asked for (after that, a resolution or paragraph page
# is answered from the page cache in one query: see test_page_cache); a change here is a change
# in how the page reads the database.
PAGES = {
    "home": ("/", 6),
    "session list": ("/ga/{session}/", 4),
    "resolution": ("/A/RES/{session}/1/", 1),
    # The text's place in its series is one query (the generated 78/1 and 79/1 form one).
    "version": ("/A/RES/{session}/1/en/", 9),
    # The paragraphs that repeat its words (agreed language) are one query.
    "paragraph": ("/A/RES/{session}/1/en/para_2/", 9),
    "side by side": ("/A/RES/{session}/1/en-fr/", 7),
    # One paragraph and its sub-items in every language: versions, paragraphs, citations and
    # footnote markers.
    "all languages": ("/A/RES/{session}/1/all/para_2/", 4),
    "not in the archive": ("/A/RES/{session}/999/", 2),
    "citation graph": ("/A/RES/{session}/1/graph/", 7),
}


@pytest.fixture
def small_and_large(tmp_path):
    """Session 78 holds a short resolution, session 79 one a hundred times longer, both in two
    languages, with footnotes, sub-items and citations, and each cited by another resolution."""
    sizes = {
        78: {"preambular": 2, "operative": 3, "subitems": 2, "footnote_every": 2, "citations": 2},
        79: {
            "preambular": 150,
            "operative": 250,
            "subitems": 3,
            "footnote_every": 4,
            "citations": 60,
        },
    }
    for session, size in sizes.items():
        size = dict(size)
        cites = tuple(f"{session}/{n}" for n in range(2, 2 + size.pop("citations")))
        for language in ("en", "fr"):
            path = write_resolution(
                tmp_path, f"{session}-{language}.md", session=session, number=1, cites=cites, **size
            )
            assert import_file(path, language=language).status == Status.IMPORTED
        citing = write_resolution(
            tmp_path,
            f"{session}-citing.md",
            session=session,
            number=2,
            cites=(f"{session}/1", f"{session}/999"),
        )
        assert import_file(citing).status == Status.IMPORTED
    return sizes


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 302, 404), (url, response.status_code)
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_page_queries_do_not_grow_with_the_resolution(client, small_and_large, page):
    url, expected = PAGES[page]
    counts = {
        session: count_queries(client, url.format(session=session)) for session in small_and_large
    }
    assert counts == {session: expected for session in small_and_large}
