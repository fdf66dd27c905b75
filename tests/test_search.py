"""Full-text search through the search page: recall, query language, highlights, facets, JSON."""

import json
import re
from urllib.parse import urlencode

import pytest

from resolutions.importer import Status
from resolutions.models import Footnote, Paragraph
from search.indexing import backend
from search.service import run_search
from tests.importing import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_index(search_engine):
    """An empty index of each engine for this test, filled by the importer."""
    return search_engine


@pytest.fixture
def sample(search_index, sample_path):
    assert import_file(sample_path).status == Status.IMPORTED


@pytest.fixture
def archive(sample, english_fixture, french_fixture):
    for path in (english_fixture, french_fixture):
        assert import_file(path).status == Status.IMPORTED


def all_hits(query: str, **filters) -> set[tuple[str, str, str]]:
    """(symbol, language, eid) of every hit, through every page."""
    hits, page = set(), 1
    while True:
        outcome = run_search(query, filters, page=page)
        assert not outcome.unavailable
        hits |= {(hit.symbol, hit.language, hit.eid) for hit in outcome.hits}
        if page >= outcome.pages:
            return hits
        page += 1


def containing(text: str) -> set[tuple[str, str, str]]:
    """Substring truth: every paragraph and footnote whose text contains ``text``."""
    truth = set()
    for model in (Paragraph, Footnote):
        for item in model.objects.select_related("version__resolution"):
            if text in item.text:
                truth.add((item.version.resolution.symbol, item.version.language, item.eid))
    return truth


@pytest.mark.parametrize(
    "query, needle",
    [
        ("人道主义", "人道主义"),
        ("维持和平", "维持和平"),
        ("安全理事会", "安全理事会"),
        ("近东救济工程处", "近东救济工程处"),
        ("人道", "人道"),
        ("主义", "主义"),
        ("2286(2016)", "2286(2016)"),
        ("75/125", "75/125"),
        ("COVID-19", "COVID-19"),
        ('"联合国人员"', "联合国人员"),
        ("国人员", "国人员"),  # crosses the words 联合国|人员
    ],
)
def test_hits_are_exactly_the_paragraphs_containing_the_query(sample, query, needle):
    truth = containing(needle)
    assert truth, needle
    assert all_hits(query) == truth


def test_traditional_chinese_finds_simplified_text(sample):
    assert all_hits("聯合國人員") == containing("联合国人员")
    assert all_hits("維持和平") == containing("维持和平")


def test_exclusion_and_or(sample):
    both = containing("联合国人员") - containing("维持和平")
    assert all_hits('"联合国人员" -维持和平') == both
    assert all_hits("近东救济工程处 OR 罗马规约") == (
        containing("近东救济工程处") | containing("罗马规约")
    )
    assert all_hits("人道主义 维持和平") == containing("人道主义") & containing("维持和平")


def test_latin_words_match_by_stem_in_their_language(archive):
    assert {h[:2] for h in all_hits("record")} == {("A/RES/80/501", "en")}
    assert all_hits("archives", language="fr") == {
        ("A/RES/80/501", "fr", eid) for eid in ("preamble_3", "para_1", "para_2_b", "para_3")
    }
    assert ("A/RES/80/501", "fr", "para_1") in all_hits("Organisation")
    assert all_hits('"stable address"') == {("A/RES/80/501", "en", "para_2_b_i")}


def test_a_symbol_query_links_the_resolution_and_finds_what_cites_it(client, archive):
    page = client.get("/search/", {"q": "76/127"}).content.decode()
    assert '<a href="/A/RES/76/127/"><strong>A/RES/76/127</strong></a>' in page
    assert all_hits("A/RES/76/127") == {
        ("A/RES/80/501", "en", "para_3"),
        ("A/RES/80/501", "fr", "para_3"),
    }
    missing = client.get("/search/", {"q": "第 46/182 号决议"}).content.decode()
    assert '<a href="/A/RES/46/182/"><strong>A/RES/46/182</strong></a>' in missing


@pytest.mark.parametrize(
    "typed, location",
    [
        ("76/127", "/A/RES/76/127/"),
        ("2286(2016)", "/S/RES/2286(2016)/"),
        ("A/76/334", "https://undocs.org/en/A/76/334"),
    ],
)
def test_go_jumps_straight_to_the_symbol(client, sample, typed, location):
    response = client.get("/search/", {"q": typed, "go": "1"})
    assert response.status_code == 302 and response["Location"] == location


def test_go_with_words_searches(client, sample):
    response = client.get("/search/", {"q": "维持和平", "go": "1"})
    assert response.status_code == 200 and "<mark>维持和平</mark>" in response.content.decode()


def test_hits_are_highlighted_as_whole_words(client, sample):
    page = client.get("/search/", {"q": "国人员"}).content.decode()
    assert "<mark>联合国人员</mark>" in page and "<mark>国人员</mark>" not in page
    page = client.get("/search/", {"q": "人道"}).content.decode()
    assert "<mark>人道</mark>主义" in page


def test_the_permalink_of_a_hit_marks_the_query_words(client, sample):
    page = client.get("/search/", {"q": "近东救济工程处"}).content.decode()
    link = re.search(r'class="hit-symbol" href="([^"]+)"', page).group(1)
    assert link == "/A/RES/76/127/zh/preamble_22/?" + urlencode({"q": "近东救济工程处"})
    paragraph = client.get(link.replace("&amp;", "&")).content.decode()
    assert paragraph.count("<mark>近东救济工程处</mark>") == 1


def test_facets_filter_and_count(client, archive):
    data = client.get("/search/", {"q": "archives OR 人员", "format": "json"}).json()
    facets = {name: dict(values) for name, values in data["facets"].items()}
    assert facets["language"]["zh"] == len(containing("人员"))
    assert facets["body"] == {"GA": data["total"]}
    assert facets["period"]["GA 76"] == len(containing("人员"))
    assert set(facets["kind"]) >= {"preambular", "operative", "footnote"}
    only_french = client.get(
        "/search/", {"q": "archives OR 人员", "language": "fr", "format": "json"}
    ).json()
    assert {hit["language"] for hit in only_french["hits"]} == {"fr"}
    assert only_french["total"] == facets["language"]["fr"]
    page = client.get("/search/", {"q": "人员", "kind": "footnote"}).content.decode()
    assert 'aria-current="true" class="selected">脚注 Footnote</a>' in page


def test_sort_by_date_puts_the_newest_first(archive):
    outcome = run_search("archives OR 人员", {}, sort="date")
    dates = [hit.adopted_on for hit in outcome.hits]
    assert dates == sorted(dates, reverse=True) and dates[0].year == 2025


def test_json_has_the_documented_shape(client, sample):
    data = client.get("/search/", {"q": "人道主义", "format": "json", "page": "2"}).json()
    assert set(data) >= {"total", "hits", "facets", "page", "pages"}
    assert data["total"] == len(containing("人道主义")) and data["page"] == 2
    assert data["pages"] == (data["total"] + 19) // 20
    hit = data["hits"][0]
    assert set(hit) >= {"symbol", "language", "eid", "url", "title", "snippet"}
    assert "<mark>人道主义</mark>" in hit["snippet"]


def test_results_show_total_time_and_pages(client, sample):
    page = client.get("/search/", {"q": "人道主义"}).content.decode()
    total = len(containing("人道主义"))
    assert f"共 <strong>{total}</strong> 个结果" in page
    assert re.search(r"\d\.\d{3} 秒", page)
    assert (
        'rel="next" href="?q=%E4%BA%BA%E9%81%93%E4%B8%BB%E4%B9%89&amp;sort=relevance&amp;page=2"'
        in page
    )


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "请输入要搜索的字词"),
        ("   ", "请输入要搜索的字词"),
        ("。，、！？", "没有可搜索的词语"),
        ('"联合国人员', "联合国人员"),
        ("人道主义 AND (安全 OR", "人道主义"),
        ("title:安全 ^2 ~ * ? [a TO z] {x} \\", "安全"),
        ("人道\x00主义\x1f\x7f", "人道主义"),
        ("人道主义" * 250, "200"),  # the longest query taken, searched by its first 200 characters
        ("-维持和平", "没有可搜索的词语"),
    ],
)
def test_bad_queries_get_a_helpful_page_never_an_error(client, sample, query, message):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_missing_index_says_search_is_unavailable_and_other_pages_work(client, sample, tmp_path):
    index_dir = backend().index_path
    index_dir.rename(tmp_path / "moved-away")
    try:
        response = client.get("/search/", {"q": "人道主义"})
        assert response.status_code == 503
        assert "搜索索引暂时不可用" in response.content.decode()
        assert client.get("/search/", {"q": "人道主义", "format": "json"}).status_code == 503
        assert client.get("/A/RES/76/127/zh/").status_code == 200
        assert client.get("/").status_code == 200
    finally:
        (tmp_path / "moved-away").rename(index_dir)
    assert client.get("/search/", {"q": "人道主义"}).status_code == 200


def test_reimporting_a_changed_file_replaces_its_documents(search_index, english_fixture, tmp_path):
    import_file(english_fixture)
    assert all_hits('"open formats"') == {("A/RES/80/501", "en", "para_1")}
    changed = tmp_path / english_fixture.name
    changed.write_text(
        english_fixture.read_text(encoding="utf-8").replace("open formats", "durable formats"),
        encoding="utf-8",
    )
    assert import_file(changed).status == Status.REPLACED
    assert all_hits('"open formats"') == set()
    assert all_hits('"durable formats"') == {("A/RES/80/501", "en", "para_1")}
    assert len(all_hits("Requests")) == 1  # no document of the old version is left


def test_rebuild_index_restores_the_index_from_the_database(sample):
    from django.core.management import call_command

    expected = all_hits("人道主义")
    backend().clear()
    assert run_search("人道主义", {}).total == 0
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert all_hits("人道主义") == expected


def test_json_of_a_bad_query_is_valid(client, sample):
    data = json.loads(client.get("/search/", {"q": "。。。", "format": "json"}).content)
    assert data["total"] == 0 and data["hits"] == [] and data["notices"]


def test_a_batch_is_searchable_once_written_and_replaces_old_documents(
    search_index, english_fixture, french_fixture, tmp_path
):
    from search.indexing import IndexBatch

    with IndexBatch(size=10) as batch:
        import_file(english_fixture, on_stored=batch.take)
        import_file(french_fixture, on_stored=batch.take)
        assert all_hits('"open formats"') == set()  # waiting for the batch to be written
    assert batch.problems == []
    assert all_hits('"open formats"') == {("A/RES/80/501", "en", "para_1")}
    assert ("A/RES/80/501", "fr", "para_1") in all_hits("formats")
    changed = tmp_path / english_fixture.name
    changed.write_text(
        english_fixture.read_text(encoding="utf-8").replace("open formats", "durable formats"),
        encoding="utf-8",
    )
    with IndexBatch(size=1) as batch:
        assert import_file(changed, on_stored=batch.take).status == Status.REPLACED
        # A batch of one is written as soon as it is full.
        assert all_hits('"durable formats"') == {("A/RES/80/501", "en", "para_1")}
    assert all_hits('"open formats"') == set()


def test_the_import_command_indexes_in_batches_and_says_when_the_index_failed(
    search_index, sample_path, english_fixture, tmp_path
):
    import io

    from django.core.management import call_command

    call_command("import_resolutions", str(sample_path), stdout=io.StringIO())
    assert ("A/RES/76/127", "zh", "preamble_1") in all_hits("重申")
    index_dir = backend().index_path
    index_dir.rename(tmp_path / "moved-away")
    index_dir.write_text("not an index")  # a file where the index directory should be
    err = io.StringIO()
    try:
        call_command("import_resolutions", str(english_fixture), stdout=io.StringIO(), stderr=err)
    finally:
        index_dir.unlink()
        (tmp_path / "moved-away").rename(index_dir)
    assert "1 imported text(s) are not in the search index" in err.getvalue()
    assert "run `manage.py check_index --repair`" in err.getvalue()
    assert Paragraph.objects.filter(version__language="en").exists()


def test_a_batch_written_by_several_processes_finds_the_same(
    search_index, sample_path, english_fixture, french_fixture, monkeypatch
):
    from search import indexing

    monkeypatch.setattr(indexing, "PARALLEL_FROM", 2)
    monkeypatch.setattr(indexing, "BATCH_PROCESSES", 2)
    with indexing.IndexBatch(size=2) as batch:
        for path in (sample_path, english_fixture, french_fixture):
            import_file(path, on_stored=batch.take)
    for query in ("人员", "人道主义", "Secretary-General"):
        assert all_hits(query) == containing(query), query
    outcome = run_search("人员", {})
    assert dict(outcome.facets["language"])["zh"] == len(containing("人员"))
    assert backend().document_count() == Paragraph.objects.count() + (Footnote.objects.count())
