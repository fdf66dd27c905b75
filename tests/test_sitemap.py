"""What crawlers and browsers discover on their own: the sitemap, robots.txt and the OpenSearch
description."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import resolve

from resolutions.importer import Status
from resolutions.models import LanguageVersion, Series
from tests.importing import import_file

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


@pytest.fixture
def archive(sample_path, english_fixture, french_fixture):
    for path in (sample_path, english_fixture, french_fixture):
        assert import_file(path).status == Status.IMPORTED


def urlset(client, url: str) -> dict[str, str | None]:
    """{location: lastmod} of a sitemap section."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_is_an_index_of_its_sections(client, archive):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    sections = {s.findtext(f"{SITEMAP}loc"): s.findtext(f"{SITEMAP}lastmod") for s in root}
    assert set(sections) == {
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-resolutions.xml",
    }
    latest = max(LanguageVersion.objects.values_list("imported_at", flat=True))
    assert sections["http://testserver/sitemap-resolutions.xml"].startswith(
        latest.date().isoformat()
    )


def test_every_language_version_is_in_the_sitemap_dated_by_its_import(client, archive):
    found = urlset(client, "/sitemap-resolutions.xml")
    expected = {
        f"http://testserver{v.get_absolute_url()}": v.imported_at.date().isoformat()
        for v in LanguageVersion.objects.select_related("resolution")
    }
    assert found == expected
    assert list(found) == [
        "http://testserver/A/RES/76/127/zh/",
        "http://testserver/A/RES/80/501/en/",
        "http://testserver/A/RES/80/501/fr/",
    ]


def test_the_list_pages_are_in_the_sitemap(client, archive):
    found = urlset(client, "/sitemap-pages.xml")
    assert set(found) == {
        "http://testserver/",
        "http://testserver/ga/",
        "http://testserver/sc/",
        "http://testserver/downloads/",
        "http://testserver/series/",
        "http://testserver/ga/76/",
        "http://testserver/ga/80/",
    }
    assert all(found.values())
    for url in found:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_each_series_is_in_the_sitemap(client, corpus_dir):
    for number in ("75_125", "76_127"):
        assert import_file(corpus_dir / "en" / "ga" / f"A_RES_{number}.en.txt").status == "imported"
    (series,) = Series.objects.all()
    found = urlset(client, "/sitemap-pages.xml")
    assert f"http://testserver{series.get_absolute_url()}" in found
    assert client.get(series.get_absolute_url()).status_code == 200


def test_the_sitemap_of_an_empty_archive_still_answers(client):
    assert set(urlset(client, "/sitemap-resolutions.xml")) == set()
    assert "http://testserver/" in urlset(client, "/sitemap-pages.xml")
    assert client.get("/sitemap.xml").status_code == 200


def test_robots_txt_allows_all_but_the_admin_and_searches(client, settings):
    settings.ADMIN_URL = "back-office-7f3a/"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = [line for line in response.content.decode().splitlines() if line.strip()]
    assert lines[1:] == [
        "User-agent: *",
        "Allow: /",
        "Disallow: /back-office-7f3a/",
        "Disallow: /search/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_opensearch_description_lets_a_browser_search_the_archive(client, archive):
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/opensearchdescription+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    short_name = root.findtext(f"{OPENSEARCH}ShortName")
    assert "联合国" in short_name and "UN" in short_name
    assert len(short_name) <= 16  # the specification's limit
    templates = {url.get("type"): url.get("template") for url in root.iter(f"{OPENSEARCH}Url")}
    assert templates["text/html"] == "http://testserver/search/?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://testserver/search/feed.atom?q={searchTerms}"
    image = root.find(f"{OPENSEARCH}Image")
    assert image.text == "http://testserver/static/favicon.svg"
    assert client.get(image.text.removeprefix("http://testserver")).status_code == 200
    # What a browser requests for words typed into its address bar is the search page.
    search = templates["text/html"].replace("{searchTerms}", "人道主义")
    assert resolve(urlsplit(search).path).view_name == "search:search"


def test_every_page_head_links_the_opensearch_description(client, archive):
    for url in ("/", "/A/RES/76/127/zh/", "/downloads/"):
        page = client.get(url).content.decode()
        assert (
            '<link rel="search" type="application/opensearchdescription+xml" '
            'title="联合国决议档案 UN Resolutions Archive" href="/opensearch.xml">'
        ) in page
