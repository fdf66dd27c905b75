"""Atom feeds: newly added resolutions, what cites a resolution, and a search, as a feed reader
reads them (real PostgreSQL, and a real search index for the search feed)."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from resolutions.importer import Status
from resolutions.models import LanguageVersion
from search.engines import backend
from tests.factories import markdown_resolution, write_resolution
from tests.importing import import_file

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def read_feed(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entries(feed: ET.Element) -> list[dict]:
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "updated": datetime.fromisoformat(entry.findtext(f"{ATOM}updated")),
            "summary": entry.findtext(f"{ATOM}summary"),
            "summary_type": entry.find(f"{ATOM}summary").get("type"),
        }
        for entry in feed.iter(f"{ATOM}entry")
    ]


@pytest.fixture
def archive(sample_path, english_fixture):
    """A/RES/76/127 in Chinese, then A/RES/80/501 in English, which cites it."""
    for path in (sample_path, english_fixture):
        assert import_file(path).status == Status.IMPORTED


# --- Newly added resolutions --------------------------------------------------------------------


def test_new_resolutions_feed_lists_the_latest_imports_first(client, archive):
    feed = read_feed(client.get("/feeds/resolutions.atom"))
    assert feed.tag == f"{ATOM}feed"
    assert "Newly added resolutions" in feed.findtext(f"{ATOM}title")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://testserver/feeds/resolutions.atom"
    )
    english, chinese = entries(feed)
    assert english["id"] == english["link"] == "http://testserver/A/RES/80/501/en/"
    assert english["title"] == "A/RES/80/501 · Preservation of the records of the United Nations"
    assert "Adopted 2025-12-01" in english["summary"]
    assert chinese["id"] == "http://testserver/A/RES/76/127/zh/"
    assert chinese["title"] == "A/RES/76/127 · 人道主义人员的安全保障和联合国人员的保护"
    assert "Adopted 2021-12-10" in chinese["summary"]
    stored = LanguageVersion.objects.get(resolution__symbol="A/RES/80/501")
    assert english["updated"] == stored.imported_at
    assert english["updated"] >= chinese["updated"]
    assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == english["updated"]


def test_a_replaced_text_comes_back_as_the_same_entry_updated(
    client, archive, english_fixture, tmp_path
):
    before = entries(read_feed(client.get("/feeds/resolutions.atom")))
    changed = tmp_path / english_fixture.name
    changed.write_text(
        english_fixture.read_text(encoding="utf-8").replace("open formats", "durable formats"),
        encoding="utf-8",
    )
    assert import_file(changed).status == Status.REPLACED
    after = entries(read_feed(client.get("/feeds/resolutions.atom")))
    assert [e["id"] for e in after] == [e["id"] for e in before]
    assert after[0]["updated"] >= before[0]["updated"]


def test_feed_text_is_escaped_never_markup(client, tmp_path):
    title = "Tags such as <script>alert(1)</script> & <b>bold</b> stay text"
    import_file(write_resolution(tmp_path, "r.md", session=79, number=7, title=title))
    response = client.get("/feeds/resolutions.atom")
    (entry,) = entries(read_feed(response))
    assert entry["title"] == f"A/RES/79/7 · {title}"
    assert entry["summary_type"] == "html"
    # The summary is HTML in which the title is escaped text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in entry["summary"]
    assert "<script>" not in entry["summary"]
    assert b"<script>" not in response.content


def test_new_resolutions_feed_of_an_empty_archive_is_a_valid_empty_feed(client):
    feed = read_feed(client.get("/feeds/resolutions.atom"))
    assert entries(feed) == []
    assert feed.findtext(f"{ATOM}id") == "http://testserver/"


# --- What cites a resolution ---------------------------------------------------------------


def test_cited_by_feed_has_each_citing_paragraph_with_its_permalink(client, archive):
    feed = read_feed(client.get("/A/RES/76/127/cited-by.atom"))
    assert "Texts citing A/RES/76/127" in feed.findtext(f"{ATOM}title")
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == (
        "http://testserver/A/RES/76/127/"
    )
    (entry,) = entries(feed)
    assert entry["id"] == entry["link"] == "http://testserver/A/RES/80/501/en/para_3/"
    assert entry["title"] == "A/RES/80/501 · paragraph 3"
    assert "recalls resolution <mark>76/127</mark>." in entry["summary"]
    assert "Adopted 2025-12-01" in entry["summary"]


def test_cited_by_feed_of_a_resolution_not_in_the_archive_lists_what_cites_it(client, archive):
    found = entries(read_feed(client.get("/A/RES/46/182/cited-by.atom")))
    assert {e["id"] for e in found} == {
        "http://testserver/A/RES/76/127/zh/preamble_1/",
        "http://testserver/A/RES/80/501/en/preamble_1/",
    }
    # Newest import first: the English text was imported after the Chinese.
    assert found[0]["id"].startswith("http://testserver/A/RES/80/501/")


def test_cited_by_feed_has_one_entry_per_paragraph_and_counts_footnotes(client, tmp_path):
    import_file(write_resolution(tmp_path, "a.md", session=79, number=1))
    citing = markdown_resolution(session=79, number=2, cites=("79/1",), footnote_every=4)
    citing = citing.replace("resolution 79/1", "resolution 79/1 and resolution 79/1")
    citing = citing.replace("See A/79/101.", "See resolution 79/1.")
    (tmp_path / "b.md").write_text(citing, encoding="utf-8")
    assert import_file(tmp_path / "b.md").status == Status.IMPORTED
    found = entries(read_feed(client.get("/A/RES/79/1/cited-by.atom")))
    assert [e["id"] for e in found] == [
        "http://testserver/A/RES/79/2/en/para_1/",
        "http://testserver/A/RES/79/2/en/#fn_1",
    ]
    assert found[0]["summary"].count("<mark>79/1</mark>") == 2
    assert found[1]["title"] == "A/RES/79/2 · footnote 1"


def test_cited_by_feed_of_a_council_resolution(client, archive):
    found = entries(read_feed(client.get("/S/RES/2286(2016)/cited-by.atom")))
    assert "http://testserver/A/RES/80/501/en/preamble_1/" in {e["id"] for e in found}


def test_resolution_and_paragraph_pages_link_their_feed(client, archive):
    for url in ("/A/RES/76/127/zh/", "/A/RES/76/127/zh/para_4/"):
        page = client.get(url).content.decode()
        assert re.search(
            r'<link rel="alternate" type="application/atom\+xml" title="[^"]*Texts citing '
            r'A/RES/76/127" href="/A/RES/76/127/cited-by.atom">',
            page,
        )
        assert '<a href="/A/RES/76/127/cited-by.atom" type="application/atom+xml">' in page
        # And every page names the feed of new resolutions, in its head and its footer.
        assert re.search(
            r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" '
            r'href="/feeds/resolutions.atom">',
            page,
        )
        assert '<a href="/feeds/resolutions.atom"' in page


def test_a_feed_url_that_is_no_symbol_is_not_found(client, archive):
    assert client.get("/A/RES/0/1/cited-by.atom").status_code == 404
    assert client.get("/feeds/cited-by.atom").status_code == 404


# --- A search ----------------------------------------------------------------------------------


@pytest.fixture
def search_index(search_engine):
    """An empty index of each engine for this test, filled by the importer; as in
    tests/test_search.py."""
    return search_engine


def test_search_feed_lists_the_latest_matches_by_adoption_date(client, search_index, tmp_path):
    for number, adopted in ((1, "3 March 2020"), (2, "5 May 2024"), (3, "4 April 2022")):
        import_file(
            write_resolution(
                tmp_path, f"r{number}.md", session=79, number=number, adopted=adopted, operative=1
            )
        )
    feed = read_feed(client.get("/search/feed.atom", {"q": "continue"}))
    found = entries(feed)
    assert [e["id"] for e in found] == [
        "http://testserver/A/RES/79/2/en/para_1/",
        "http://testserver/A/RES/79/3/en/para_1/",
        "http://testserver/A/RES/79/1/en/para_1/",
    ]
    assert found[0]["title"] == "A/RES/79/2 · paragraph 1"
    assert "to <mark>continue</mark> the work" in found[0]["summary"]
    assert "Adopted 2024-05-05" in found[0]["summary"]
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://testserver/search/feed.atom?q=continue"
    )
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == (
        "http://testserver/search/?q=continue&sort=date"
    )


def test_search_feed_takes_the_search_page_filters(
    client, search_index, sample_path, english_fixture
):
    for path in (sample_path, english_fixture):
        import_file(path)
    everything = entries(read_feed(client.get("/search/feed.atom", {"q": "76/127"})))
    assert {e["id"] for e in everything} == {"http://testserver/A/RES/80/501/en/para_3/"}
    chinese = entries(read_feed(client.get("/search/feed.atom", {"q": "76/127", "language": "zh"})))
    assert chinese == []
    humanitarian = entries(
        read_feed(client.get("/search/feed.atom", {"q": "人道主义", "kind": "operative"}))
    )
    assert humanitarian
    assert all(re.search(r"/A/RES/76/127/zh/para_\d+/$", e["id"]) for e in humanitarian)


def test_search_feed_without_a_query_is_empty(client, search_index):
    assert entries(read_feed(client.get("/search/feed.atom"))) == []


def test_search_feed_answers_503_while_the_index_is_unavailable(
    client, search_index, sample_path, tmp_path
):
    import_file(sample_path)
    index_dir = backend().index_path
    index_dir.rename(tmp_path / "moved-away")
    try:
        response = client.get("/search/feed.atom", {"q": "人道主义"})
        assert response.status_code == 503
        assert response["Retry-After"]
        assert "unavailable" in response.content.decode()
    finally:
        (tmp_path / "moved-away").rename(index_dir)
    assert client.get("/search/feed.atom", {"q": "人道主义"}).status_code == 200


def test_the_search_page_links_the_feed_of_its_results(client, search_index, english_fixture):
    import_file(english_fixture)
    page = client.get("/search/", {"q": "records", "language": "en"}).content.decode()
    feed = "/search/feed.atom?q=records&amp;sort=relevance&amp;language=en"
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert page.count(f'href="{feed}"') == 2  # in the head, and beside the result count
    assert "/search/feed.atom" not in client.get("/search/").content.decode()
