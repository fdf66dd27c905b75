"""The pages served so far: the list of resolutions and a resolution's text."""

import pytest
from django.urls import reverse

from resolutions.importer import Status, import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(sample_path, english_fixture):
    for path in (sample_path, english_fixture):
        assert import_file(path).status == Status.IMPORTED


def test_home_lists_every_resolution_with_its_languages(client, archive, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<a href="/A/RES/76/127/">A/RES/76/127</a>' in page
    assert '<a href="/A/RES/80/501/">A/RES/80/501</a>' in page
    assert "人道主义人员的安全保障和联合国人员的保护" in page
    assert 'href="/A/RES/80/501/en/" lang="en">English</a>' in page


def test_home_says_how_to_import_when_the_archive_is_empty(client):
    response = client.get("/")
    assert "import_resolutions" in response.content.decode()


def test_a_resolution_opens_in_chinese_first(client, archive):
    response = client.get("/A/RES/76/127/")
    assert response.status_code == 302
    assert response["Location"] == "/A/RES/76/127/zh/"


def test_resolution_page_shows_paragraphs_with_permalinks_and_footnotes(
    client, archive, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get("/A/RES/76/127/zh/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="paragraph ') == 88
    assert '<p id="para_4" class="paragraph operative">' in page
    assert '<a class="permalink" href="#para_4" title="para_4">4.</a>' in page
    assert '<sup class="fn-ref"><a href="#fn_1" id="fn_1-ref-preamble_4">1</a></sup>' in page
    assert '<li id="fn_17" value="17">' in page
    # A cited resolution that is in the archive is a link; one that is not is marked.
    assert '<a class="citation unresolved" title="A/RES/46/182">46/182</a>' in page


def test_citation_of_an_imported_resolution_links_to_it(client, archive):
    page = client.get("/A/RES/80/501/en/").content.decode()
    assert '<a class="citation" href="/A/RES/76/127/">76/127</a>' in page
    assert '<li id="para_2_b_i"' not in page and '<p id="para_2_b_i" class="paragraph sub' in page


def test_imported_text_is_escaped(client, english_fixture, tmp_path):
    hostile = english_fixture.read_text(encoding="utf-8").replace(
        "open formats;", "open formats <script>alert(1)</script> & <b>more</b>;"
    )
    path = tmp_path / "hostile.md"
    path.write_text(hostile, encoding="utf-8")
    assert import_file(path).status == Status.IMPORTED
    page = client.get("/A/RES/80/501/en/").content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>more</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;" in page


def test_paragraph_url_leads_to_its_anchor(client, archive):
    url = reverse(
        "resolutions:paragraph",
        kwargs={"symbol": "A/RES/76/127", "language": "zh", "eid": "para_4"},
    )
    assert url == "/A/RES/76/127/zh/para_4/"
    response = client.get(url)
    assert response["Location"] == "/A/RES/76/127/zh/#para_4"


@pytest.mark.parametrize(
    "url", ["/A/RES/76/128/", "/A/RES/76/127/xx/", "/A/RES/76/127/zh/para_99/"]
)
def test_what_is_not_in_the_archive_is_a_404(client, archive, url):
    assert client.get(url).status_code == 404
