"""Lettered sessional resolutions (``58/1 B``) and three-digit sessions as the archive's pages
and citations see them: symbols of their own, with their own URLs."""

import pytest

from resolutions.importer import Status
from resolutions.models import Citation
from tests.importing import import_file

pytestmark = pytest.mark.django_db

# Recalls "55/5 B and C", "57/4 B", "58/1 B" and, in its paragraphs, "44/197 B".
BUDGET = "en/ga/A_RES_76_238.en.txt"


@pytest.fixture
def budget(corpus_dir):
    assert import_file(corpus_dir / BUDGET).status == Status.IMPORTED


def test_every_part_of_a_lettered_list_is_stored_as_its_own_citation(budget):
    targets = set(
        Citation.objects.filter(paragraph__eid="preamble_1").values_list(
            "target_symbol", "cited_text"
        )
    )

    assert {
        ("A/RES/55/5B", "55/5 B"),
        ("A/RES/55/5C", "C"),
        ("A/RES/57/4B", "57/4 B"),
        ("A/RES/58/1B", "58/1 B"),
    } <= targets
    assert not Citation.objects.filter(target_symbol__in=["A/RES/55/5", "A/RES/58/1"]).exists()


def test_a_lettered_citation_links_to_the_page_of_its_part(client, budget):
    page = client.get("/A/RES/76/238/en/").content.decode()

    assert 'href="/A/RES/58/1B/"' in page
    assert 'href="/A/RES/55/5C/"' in page
    response = client.get("/A/RES/58/1B/")
    assert response.status_code == 404
    assert "58/1 B" in response.content.decode()
    assert "/A/RES/76/238/en/preamble_1/" in response.content.decode()


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("/58/1%20B/", "/A/RES/58/1B/"),
        ("/a/res/58/1b/", "/A/RES/58/1B/"),
        ("/100/1/", "/A/RES/100/1/"),
    ],
)
def test_lettered_and_three_digit_spellings_redirect_to_their_url(client, spelling, canonical):
    response = client.get(spelling)

    assert (response.status_code, response["Location"]) == (301, canonical)
