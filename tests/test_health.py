"""``/healthz`` says whether the database and the search index work."""

from pathlib import Path

import pytest

from search.indexing import backend

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_index():
    backend().clear()
    backend().setup()
    yield Path(backend().path)
    backend().clear()


def test_a_healthy_server_answers_200_and_is_never_cached(client, search_index):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search_index": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_missing_search_index_is_a_503_naming_it(client, search_index, tmp_path):
    search_index.rename(tmp_path / "moved-away")
    try:
        response = client.get("/healthz")
    finally:
        (tmp_path / "moved-away").rename(search_index)
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "ok",
        "search_index": "unavailable (no index)",
    }
    # The pages that need no index keep working.
    assert client.get("/").status_code == 200
