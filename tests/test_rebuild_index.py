"""``rebuild_index`` builds a new index beside the live one and swaps it in atomically
(``search.engines.generations``): searches meanwhile answer from the live index, never from an
empty or half-built one, and a rebuild keeps only the generation it replaced. On each search
engine (the ``search_engine`` fixture); real PostgreSQL, real indexes."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client

from resolutions.importer import Status
from search.engines import backend, generations
from search.service import PAGE_SIZE
from tests.importing import import_file

# Each finds fewer hits than a page holds, so one answer shows every hit.
QUERIES = ["维持和平", "75/125", '"peacekeeping operations"']


@pytest.fixture
def archive(search_engine, sample_path, corpus_dir):
    """The Chinese sample and a few English Assembly texts, indexed as imported (committed:
    the rebuild reads them in a thread of its own, over its own connection)."""
    paths = [sample_path, *sorted((corpus_dir / "en" / "ga").glob("*.txt"))[:6]]
    for path in paths:
        assert import_file(path).status == Status.IMPORTED
    return search_engine


def answer(client: Client, query: str) -> tuple[int, int, frozenset]:
    response = client.get("/search/", {"q": query, "format": "json"})
    if response.status_code != 200:
        return response.status_code, 0, frozenset()
    payload = response.json()
    hits = frozenset((hit["symbol"], hit["language"], hit["eid"]) for hit in payload["hits"])
    return 200, payload["total"], hits


def generation_dirs(index_path) -> list:
    return sorted(index_path.parent.glob(f".{index_path.name}.*-gen"))


def rebuild(**options) -> str:
    output = StringIO()
    call_command("rebuild_index", "--noinput", stdout=output, **options)
    return output.getvalue()


def rebuilding(failures: list[BaseException]) -> None:
    """``rebuild_index`` with a commit per text (a slow rebuild), in a thread of its own."""
    try:
        rebuild(batch_size=1, processes=1)
    except BaseException as error:
        failures.append(error)
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_searches_answer_with_the_same_hits_while_rebuild_index_swaps_in_a_new_index(archive):
    client = Client()
    index_path = backend().index_path
    expected = {query: answer(client, query) for query in QUERIES}
    for query, (status, total, hits) in expected.items():
        assert status == 200 and 0 < total <= PAGE_SIZE and len(hits) == total, query

    for round_number in range(2):  # from the index made in place, then from a generation
        live = generations.resolved(index_path)
        failures: list[BaseException] = []
        rebuilder = threading.Thread(target=rebuilding, args=(failures,))
        rebuilder.start()
        answers, while_building = [], 0
        while rebuilder.is_alive():
            building = generations.resolved(index_path) == live and any(
                str(directory) != live for directory in generation_dirs(index_path)
            )
            for query in QUERIES:
                got = answer(client, query)
                answers.append((query, got))
                while_building += building
        rebuilder.join()

        assert failures == [], failures
        # Every answer, before, during and after the swap: 200 with the hits of the live index.
        wrong = [(query, got) for query, got in answers if got != expected[query]]
        assert wrong == [], (round_number, wrong[:3])
        # The searches did run while the new generation was being written …
        assert while_building >= len(QUERIES), (round_number, while_building)
        # … and the rebuild swapped it in: the path is a link to a new generation.
        assert index_path.is_symlink()
        assert generations.resolved(index_path) != live
        assert {query: answer(client, query) for query in QUERIES} == expected


@pytest.mark.django_db
def test_rebuilding_again_and_again_keeps_at_most_two_generations(archive):
    index_path = backend().index_path
    documents = backend().document_count()
    assert documents > 0
    previous = None
    for _ in range(3):
        output = rebuild(verbosity=1)
        assert f"search index ({archive}) rebuilt" in output

        current = generations.resolved(index_path)
        kept = [str(directory) for directory in generation_dirs(index_path)]
        assert index_path.is_symlink()
        assert current in kept
        # The one it replaced stays for searches still reading it; older ones are gone.
        assert len(kept) <= 2, kept
        if previous is not None:
            assert previous in kept and current != previous
        previous = current
        # Beside the index: its link, the generations and the writers' lock, nothing else.
        beside = {path.name for path in index_path.parent.iterdir()}
        assert beside == {
            index_path.name,
            f".{index_path.name}.lock",
            *(directory.rsplit("/", 1)[1] for directory in kept),
        }
        assert backend().document_count() == documents


@pytest.mark.django_db
def test_haystacks_update_index_fills_an_empty_index_with_every_text(archive):
    expected = backend().document_count()
    backend().clear()
    assert backend().document_count() == 0

    call_command("update_index", verbosity=0)

    assert backend().document_count() == expected
    assert answer(Client(), "维持和平")[0] == 200
    call_command("check_index", stdout=StringIO())  # exits with status 1 when they differ
