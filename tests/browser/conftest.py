"""Browser tests: Debian's Chromium, driven by Playwright, reads the archive from the live server.

Every page a test opens is watched: a console error or an uncaught script error fails the test.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Response, sync_playwright

from resolutions.importer import Status
from resolutions.parsing.html.metadata import load_metadata
from search.indexing import backend as search_backend
from tests.importing import import_file

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT_DIR / "var" / "screenshots"
UDHR_METADATA = PROJECT_DIR / "resolutions" / "metadata" / "A_RES_217A_III.json"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Short enough that a broken page fails quickly, long enough for a loaded two-core machine.
TIMEOUT_MS = 5_000

# The live server listens on the loopback address itself, not on whatever "localhost" resolves to.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole browser suite, closed when the suite is done."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: install it with "
            "`apt-get install chromium fonts-noto-cjk` (or set CHROMIUM to its path)",
            pytrace=False,
        )
    # Playwright's synchronous API marks its event loop as running in this thread between calls,
    # for as long as it runs, and Django's guard against database calls from async code takes
    # every database call for one; everything here is synchronous, so the guard is lifted while
    # the browser runs. Hence the package scope: the browser closes, and the guard (an
    # environment variable that subprocesses inherit) comes back, before the rest of a full run.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class PageProblems:
    """Console errors and uncaught exceptions in the pages of one test."""

    def __init__(self) -> None:
        self.console_errors: list[ConsoleMessage] = []
        self.page_errors: list[str] = []
        # Documents whose own status is 404 or 400 on purpose (the not-found pages, a query too
        # long): the browser logs "Failed to load resource: … 404" for them too, and that is no
        # fault of the page.
        self.not_found_documents: set[str] = set()

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(f"{page.url}: {error}"))
        page.on("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message)

    def _response(self, response: Response) -> None:
        if response.status in (400, 404) and response.request.is_navigation_request():
            self.not_found_documents.add(response.url)

    def report(self) -> list[str]:
        lines = []
        for message in self.console_errors:
            url = message.location.get("url", "")
            if (
                message.text.startswith("Failed to load resource")
                and ("404" in message.text or "400" in message.text)
                and url in self.not_found_documents
            ):
                continue
            lines.append(f"console error at {url}: {message.text}")
        return lines + [f"uncaught error at {error}" for error in self.page_errors]

    def clear(self) -> None:
        self.console_errors.clear()
        self.page_errors.clear()


@pytest.fixture
def page_problems() -> PageProblems:
    """What went wrong in the pages this test opened; the test fails at teardown if anything."""
    return PageProblems()


@pytest.fixture
def open_page(browser, live_server, page_problems) -> Iterator[Callable[..., Page]]:
    """Opens a page in a new browser context (options as for ``browser.new_context``)."""
    contexts = []

    def open_page(**context_options) -> Page:
        context = browser.new_context(base_url=live_server.url, **context_options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page_problems.watch(page)
        return page

    yield open_page
    for context in contexts:
        context.close()
    if lines := page_problems.report():
        pytest.fail("the pages logged errors:\n" + "\n".join(lines), pytrace=False)


@pytest.fixture
def page(open_page) -> Page:
    """A page with JavaScript, in a 1280 × 900 window."""
    return open_page(viewport={"width": 1280, "height": 900})


@pytest.fixture
def archive(
    transactional_db, settings, corpus_dir, sample_path, english_fixture, french_fixture
) -> None:
    """A/RES/76/127 in Chinese, A/RES/80/501 in English and French, S/RES/242 (1967) (a
    Council text without a subject of its own, naming Israel) and the Universal Declaration of
    Human Rights, A/RES/217 A (III), in the six official languages, committed and indexed.

    The committed rows are what the live server's thread sees; the transactional test case
    empties the tables after each test.
    """
    settings.SEARCH_INDEX_ON_IMPORT = True
    search_backend().clear()
    council = corpus_dir / "en" / "sc-crunsc" / "S_RES_0242_1967.en.txt"
    for path in (sample_path, english_fixture, french_fixture, council):
        result = import_file(path)
        assert result.status == Status.IMPORTED, f"{path.name}: {result}"
    declaration = load_metadata(UDHR_METADATA)
    for path in sorted((corpus_dir / "udhr").glob("*.html")):
        result = import_file(path, metadata=declaration)
        assert result.status == Status.IMPORTED, f"{path.name}: {result}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
