"""Shared fixtures: the real UN texts of the shared corpus and the project's own fixtures."""

import os
from pathlib import Path

import pytest
from haystack import connections

from search.engines import ENGINES

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files from the current output instead of comparing with them.",
    )


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Every test starts with no page rendered before it (``web.page_cache``)."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus (CORPUS_DIR, default ../shared/corpus beside the project)."""
    path = Path(os.environ.get("CORPUS_DIR", PROJECT_DIR.parent / "shared" / "corpus"))
    if not (path / "zh").is_dir():
        pytest.fail(
            f"the shared corpus is not at {path}: set CORPUS_DIR to the folder holding zh/ and en/"
        )
    return path


@pytest.fixture(scope="session")
def sample_path(corpus_dir) -> Path:
    """The Chinese version of A/RES/76/127, the reference document."""
    return corpus_dir / "zh" / "A_RES_76_127.zh.md"


@pytest.fixture(scope="session")
def english_fixture() -> Path:
    return FIXTURES / "markdown" / "en_A_RES_80_501.md"


@pytest.fixture(scope="session")
def french_fixture() -> Path:
    return FIXTURES / "markdown" / "fr_A_RES_80_501.md"


@pytest.fixture(params=sorted(ENGINES))
def search_engine(request, settings, tmp_path, monkeypatch) -> str:
    """Each search test runs once per engine, on an empty index of its own in a temporary
    directory; imports index what they store. Servers and commands started as subprocesses
    inherit the engine through ``SEARCH_ENGINE``."""
    name = request.param
    connection = connections.connections_info["default"]
    saved = dict(connection)
    index_dir = tmp_path / f"{name}-index"
    connection.update(ENGINE=ENGINES[name], PATH=str(index_dir))
    settings.SEARCH_ENGINE = name
    settings.SEARCH_INDEX_DIR = index_dir
    settings.SEARCH_INDEX_ON_IMPORT = True
    monkeypatch.setenv("SEARCH_ENGINE", name)
    connections.reload("default")
    connections["default"].get_backend().clear()
    yield name
    connection.clear()
    connection.update(saved)
    connections.reload("default")
