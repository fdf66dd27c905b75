"""``/healthz`` says whether the database and the search index work, on each search engine."""

import pytest
from django.core.management import call_command

from search.engines import backend

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_index(search_engine):
    """The path of an empty index of each engine."""
    assert backend().index_exists()
    return backend().index_path


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
    # And the index found again is healthy again, without a restart.
    assert client.get("/healthz").status_code == 200


def test_an_index_rebuilt_into_a_generation_is_healthy_and_its_removal_is_a_503(
    client, search_index
):
    call_command("rebuild_index", "--noinput", verbosity=0)
    assert search_index.is_symlink()
    assert client.get("/healthz").json()["search_index"] == "ok"

    backend().delete_index()  # the link and the generation it points to

    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["search_index"] == "unavailable (no index)"
