"""In a real browser, script-like text in a resolution is read, never run."""

import pytest

from resolutions.importer import Status
from search.indexing import backend as search_backend
from tests.conftest import FIXTURES
from tests.importing import import_file

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hostile_archive(transactional_db, settings):
    settings.SEARCH_INDEX_ON_IMPORT = True
    search_backend().clear()
    for path in (
        FIXTURES / "markdown" / "en_A_RES_80_501.md",
        FIXTURES / "hostile" / "en_A_RES_80_666.md",
        FIXTURES / "hostile" / "fr_A_RES_80_666.md",
    ):
        assert import_file(path).status == Status.IMPORTED


@pytest.mark.parametrize(
    "url",
    [
        "/A/RES/80/666/en/",
        "/A/RES/80/666/en-fr/",
        "/A/RES/80/666/en/preamble_2/?q=onerror",
        "/search/?q=alert",
    ],
)
def test_script_like_text_shows_as_typed_and_raises_no_dialog(page, hostile_archive, url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    text = page.locator("body").inner_text()
    assert SCRIPT in text
    assert "<img src=x onerror=alert(1)>" in text or url.startswith("/search/")
    assert page.locator("body img[src='x'], body svg[onload]").count() == 0
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    assert dialogs == []
