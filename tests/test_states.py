"""States and territories named: the names found in a text, stored at import, and offered as a
facet, a filter (search page, JSON, API) and a browse page."""

import pytest
import tantivy

from resolutions.importer import Status
from resolutions.models import Resolution
from resolutions.states import all_states, state, states_named
from search.engines.tantivy import TantivyBackend
from search.engines.tantivy_index import SchemaOutdated, open_index
from search.service import run_search
from tests.importing import import_file


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Syrian Arab Republic", {"SYR"}),
        ("阿拉伯叙利亚共和国", {"SYR"}),
        (
            "Iran (Islamic Republic of) and the Democratic People's Republic of Korea",
            {"IRN", "PRK"},
        ),
        ("the Republic of Korea", {"KOR"}),
        ("the State of Palestine", {"PSE"}),
        ("Bolivia (Plurinational State of)", {"BOL"}),
        ("the United Republic of Tanzania", {"TZA"}),
        ("Côte d'Ivoire and Viet Nam", {"CIV", "VNM"}),
        ("Türkiye", {"TUR"}),
        ("the Democratic Republic of the Congo", {"COD"}),
        ("伊朗伊斯兰共和国和朝鲜民主主义人民共和国", {"IRN", "PRK"}),
        ("刚果民主共和国", {"COD"}),
        # Wrapped over a line break in the source.
        ("the United Kingdom of Great\nBritain and Northern Ireland", {"GBR"}),
    ],
)
def test_un_short_forms_are_found(text, expected):
    assert states_named(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Guinea-Bissau", {"GNB"}),
        ("Papua New Guinea", {"PNG"}),
        ("Equatorial Guinea", {"GNQ"}),
        ("Guinea and Guinea-Bissau", {"GIN", "GNB"}),
        ("the Portuguese armed forces of Guinea (Bissau)", {"GNB"}),
        ("West New Guinea (West Irian)", set()),
        ("the Gulf of Guinea", set()),
        ("Nigeria", {"NGA"}),
        ("the Niger", {"NER"}),
        ("Nigerian forces", set()),
        ("South Sudan", {"SSD"}),
        ("the Sudan", {"SDN"}),
        ("几内亚比绍", {"GNB"}),
        ("赤道几内亚和巴布亚新几内亚", {"GNQ", "PNG"}),
        ("尼日利亚", {"NGA"}),
        ("Israeli forces", set()),
    ],
)
def test_a_name_inside_a_longer_name_or_word_is_not_found(text, expected):
    assert states_named(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chad and the Lake Chad basin", {"TCD"}),
        ("the Lake Chad basin", set()),
        ("the Jordan River", set()),
        ("Jordan", {"JOR"}),
        ("the situation in Georgia", {"GEO"}),
        # Plain words are not names: names are matched with their capitals.
        ("to jordan the chad", set()),
        # Chinese phrases holding a State's name by accident.
        ("发展中国家", set()),
        ("非法国际贩运", set()),
        ("拉美国家", set()),
        ("印度洋", set()),
        ("发展中国家和中国", {"CHN"}),
    ],
)
def test_risky_names_are_found_only_as_states(text, expected):
    assert states_named(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Union of Soviet Socialist Republics", {"SUN"}),
        ("USSR", {"SUN"}),
        ("Yugoslavia", {"YUG"}),
        ("Southern Rhodesia", {"RHO"}),
        ("the illegal régime in Rhodesia", {"RHO"}),
        ("Czechoslovakia", {"CSK"}),
        ("Zaire", {"COD"}),
        ("Dahomey", {"BEN"}),
        ("South West Africa", {"NAM"}),
        ("the Hashemite Kingdom of Transjordan", {"JOR"}),
    ],
)
def test_historic_names_of_the_council_texts(text, expected):
    assert states_named(text) == expected


def test_the_congo_of_1960_is_todays_democratic_republic_of_the_congo():
    assert states_named("the Republic of the Congo", 1960) == {"COD"}
    assert states_named("the Republic of the Congo", 1975) == {"COG"}
    assert states_named("Congo (Brazzaville)", 1962) == {"COG"}


def test_every_state_has_an_english_and_a_chinese_name():
    states = all_states()
    assert states["SYR"].en == "Syrian Arab Republic"
    assert states["SYR"].zh == "阿拉伯叙利亚共和国"
    assert states["FRA"].zh == "法国"  # from pycountry's zh_CN catalogue
    assert states["SUN"].historic and states["SUN"].zh == "苏联"
    assert all(s.en and s.zh for s in states.values())
    assert state("syr") is states["SYR"] and state("XXX") is None


@pytest.fixture
def council(search_engine, corpus_dir):
    """S/RES/242 (1967) (Israel, the Middle East) and S/RES/1 (1946) (no State named), and
    S/RES/216 (1965) (Southern Rhodesia)."""
    # S/RES/1 first: the index then has a segment where no document names a State.
    for name in ("S_RES_0001_1946", "S_RES_0242_1967", "S_RES_0216_1965"):
        path = corpus_dir / "en" / "sc-crunsc" / f"{name}.en.txt"
        assert import_file(path).status == Status.IMPORTED
    return search_engine


@pytest.mark.django_db
def test_the_import_stores_the_states_a_resolution_names(council):
    assert Resolution.objects.get(symbol="S/RES/242 (1967)").states == ["ISR"]
    assert Resolution.objects.get(symbol="S/RES/216 (1965)").states == ["RHO"]
    assert Resolution.objects.get(symbol="S/RES/1 (1946)").states == []


@pytest.mark.django_db
def test_the_state_facet_counts_and_filters_in_every_engine(council):
    outcome = run_search("States", {})
    facet = dict(outcome.facets["state"])
    assert set(facet) == {"ISR", "RHO"}
    assert facet["ISR"] == run_search("States", {"state": "ISR"}).total
    filtered = run_search("States", {"state": "RHO"})
    assert filtered.total and {hit.symbol for hit in filtered.hits} == {"S/RES/216 (1965)"}


@pytest.mark.django_db
def test_the_search_page_and_its_json_offer_the_state_facet(client, council):
    page = client.get("/search/", {"q": "States"})
    assert "提及的国家和领土" in page.content.decode()
    assert "以色列 Israel" in page.content.decode()
    data = client.get("/search/", {"q": "States", "state": "ISR", "format": "json"})
    assert {hit["symbol"] for hit in data.json()["hits"]} == {"S/RES/242 (1967)"}
    assert "ISR" in dict(data.json()["facets"]["state"])


@pytest.mark.django_db
def test_the_api_search_takes_a_state_and_refuses_an_unknown_one(client, council):
    found = client.get("/api/v1/search/", {"q": "States", "state": "RHO"})
    assert found.status_code == 200
    assert {hit["symbol"] for hit in found.json()["hits"]} == {"S/RES/216 (1965)"}
    refused = client.get("/api/v1/search/", {"q": "States", "state": "Syria"})
    assert refused.status_code == 400
    assert "state" in refused.content.decode()


@pytest.mark.django_db
def test_the_states_page_lists_each_state_with_its_count(client, council):
    page = client.get("/states/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'href="/states/ISR/"' in html and "以色列" in html
    assert "南罗得西亚" in html or "Southern Rhodesia" in html
    home = client.get("/").content.decode()
    assert 'href="/states/"' in home


@pytest.mark.django_db
def test_a_state_page_lists_the_resolutions_naming_it(client, council):
    page = client.get("/states/ISR/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "S/RES/242 (1967)" in html and "S/RES/216 (1965)" not in html
    assert "Resolutions naming Israel" in html and "提及以色列的决议" in html
    assert client.get("/states/isr/").headers["Location"] == "/states/ISR/"
    assert client.get("/states/XXX/").status_code == 404
    # A State the archive's texts never name has no list.
    assert client.get("/states/FRA/").status_code == 404


def test_a_tantivy_index_built_before_the_state_field_asks_for_a_rebuild(tmp_path):
    older = tantivy.SchemaBuilder()
    older.add_text_field("text", stored=True)
    path = tmp_path / "index"
    path.mkdir()
    tantivy.Index(older.build(), str(path), reuse=True)
    with pytest.raises(SchemaOutdated, match="rebuild_index"):
        open_index(str(path))
    engine = TantivyBackend("default", PATH=str(path))
    assert engine.health() == "unavailable (SchemaOutdated)"
