"""Text that looks like markup or script is shown as typed and never runs, on every page.

A resolution may quote anything: ``<script>alert(1)</script>``, ``<img src=x onerror=…>``, a
``javascript:`` link, entities such as ``&lt;b&gt;``. The archive stores the characters as typed
and every page, the search results (snippets with their marks), the JSON and the admin show
those characters to the reader: none becomes an element, an event handler or a link target,
and an entity shows as the entity, not as the character it would stand for.
"""

import json
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command

from resolutions.importer import Status
from resolutions.models import Citation, LanguageVersion, Paragraph
from search.indexing import backend
from tests.importing import import_file

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

HOSTILE = FIXTURES / "hostile"
SCRIPT = "<script>alert(1)</script>"
# What the reader must see: the characters as typed in the source file.
TYPED = [SCRIPT, "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "&lt;b&gt;", "&amp;"]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class Page(HTMLParser):
    """The elements of an HTML page and the text a reader sees."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._text = StringIO()
        self._in_script = False
        self.feed(html)
        self.close()
        self.text = self._text.getvalue()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "script":
            self._in_script = True
            self.scripts.append((attributes, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            attributes, content = self.scripts[-1]
            self.scripts[-1] = (attributes, content + data)
        else:
            self._text.write(data)


def assert_inert(html: str, *, shows: list[str] = TYPED) -> Page:
    """No element of the page runs script but the site's own static files, and the reader sees
    each of ``shows`` as typed."""
    page = Page(html)
    for attributes, content in page.scripts:
        src = attributes.get("src") or ""
        assert src.startswith("/static/") and not content.strip(), (attributes, content)
    for tag, attributes in page.elements:
        handlers = [name for name in attributes if name.startswith("on")]
        assert not handlers, (tag, attributes)
        for name in URL_ATTRIBUTES & attributes.keys():
            value = "".join((attributes[name] or "").split()).lower()
            assert not value.startswith(("javascript:", "data:text/html")), (tag, attributes)
        assert attributes.get("src") != "x", (tag, attributes)  # the quoted <img src=x>
    for typed in shows:
        assert typed in page.text, typed
    return page


@pytest.fixture
def archive(settings):
    """The hostile resolution in English and French, indexed, and the resolution it cites."""
    settings.SEARCH_INDEX_ON_IMPORT = True
    backend().clear()
    for path in (
        FIXTURES / "markdown" / "en_A_RES_80_501.md",
        HOSTILE / "en_A_RES_80_666.md",
        HOSTILE / "fr_A_RES_80_666.md",
    ):
        assert import_file(path).status == Status.IMPORTED
    yield
    backend().clear()


def test_the_archive_stores_script_like_text_as_typed(archive):
    version = LanguageVersion.objects.get(resolution__symbol="A/RES/80/666", language="en")
    assert version.title == f"Records that say {SCRIPT} and &lt;b&gt;"
    assert SCRIPT in version.paragraphs.get(eid="preamble_1").text
    assert "Tom &amp; Jerry <b>stay</b>" in version.paragraphs.get(eid="para_2").text


@pytest.mark.parametrize(
    "url",
    [
        "/A/RES/80/666/",
        "/A/RES/80/666/en/",
        "/A/RES/80/666/en-fr/",
        "/A/RES/80/666/fr-en/",
        "/A/RES/80/666/en/preamble_2/",
        "/A/RES/80/666/en/para_2/",
        "/A/RES/80/666/en/para_1/?q=alert",
        "/A/RES/80/666/en/preamble_1/?q=script+alert",
    ],
)
def test_reading_pages_show_script_like_text_as_typed(client, archive, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    # Title and footnotes are on every one of these pages; the paragraphs on most.
    assert_inert(html, shows=[SCRIPT, "&lt;b&gt;"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;lt;b&amp;gt;" in html  # the entity as typed, escaped once more


def test_the_full_page_shows_every_paragraph_and_footnote_as_typed(client, archive):
    page = assert_inert(client.get("/A/RES/80/666/en/").content.decode())
    assert "Tom &amp; Jerry <b>stay</b> text and javascript:alert(1) a word" in page.text
    assert 'See also resolution 80/501 and "><svg onload=alert(1)>.' in page.text


def test_the_citation_next_to_script_like_text_stays_a_plain_link(client, archive):
    page = assert_inert(client.get("/A/RES/80/666/en/preamble_1/").content.decode(), shows=[SCRIPT])
    links = [attributes["href"] for tag, attributes in page.elements if tag == "a"]
    assert any(href.startswith("/A/RES/80/501/") for href in links)


def test_cited_by_lists_of_script_like_text_run_nothing(client, archive):
    for url in ("/A/RES/80/501/en/", "/A/RES/46/182/"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        page = assert_inert(response.content.decode(), shows=[])
        assert "80/666" in page.text, url


@pytest.mark.parametrize(
    "query", ["alert", "script", "onerror", "onload", "javascript", "Jerry", "lt", "amp"]
)
def test_search_results_mark_words_inside_script_like_text_and_run_nothing(client, archive, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    page = assert_inert(response.content.decode(), shows=[])
    assert any(tag == "mark" for tag, _ in page.elements), query
    assert "80/666" in response.content.decode()


def test_search_snippets_show_the_hostile_text_as_typed(client, archive):
    page = assert_inert(client.get("/search/", {"q": "alert"}).content.decode(), shows=[SCRIPT])
    assert "<img src=x onerror=alert(1)>" in page.text
    page = assert_inert(client.get("/search/", {"q": "Jerry"}).content.decode(), shows=[])
    assert "Tom &amp; Jerry <b>stay</b>" in page.text


def test_search_json_gives_the_text_as_typed_and_snippets_as_inert_html(client, archive):
    response = client.get("/search/", {"q": "alert", "format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    hits = json.loads(response.content)["hits"]
    assert {hit["symbol"] for hit in hits} == {"A/RES/80/666"}
    for hit in hits:
        snippet = assert_inert(hit["snippet"], shows=[])
        assert {tag for tag, _ in snippet.elements} <= {"mark"}
        assert "alert" in snippet.text
    assert f"Records that say {SCRIPT} and &lt;b&gt;" in {hit["title"] for hit in hits}


def test_the_export_gives_the_text_exactly_as_typed(archive):
    out = StringIO()
    call_command("export_resolution", "80/666", "--lang", "en", stdout=out)
    exported = json.loads(out.getvalue())
    paragraphs = {p["eid"]: p["text"] for p in exported["paragraphs"]}
    stored = dict(
        Paragraph.objects.filter(
            version__language="en", version__resolution__symbol="A/RES/80/666"
        ).values_list("eid", "text")
    )
    assert paragraphs == stored
    assert exported["title"] == f"Records that say {SCRIPT} and &lt;b&gt;"
    assert "&lt;b&gt; bold &amp; plain" in paragraphs["para_1"]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "secret")
    client.force_login(user)
    return client


def test_admin_pages_show_script_like_text_as_typed(editor, archive, settings):
    admin = "/" + settings.ADMIN_URL
    version = LanguageVersion.objects.get(resolution__symbol="A/RES/80/666", language="en")
    citation = Citation.objects.filter(paragraph__version=version).first()
    # Every page but the citation's shows the title.
    for url, shows_title in (
        (f"{admin}resolutions/languageversion/{version.pk}/change/", True),
        (f"{admin}resolutions/languageversion/", True),
        (f"{admin}resolutions/resolution/{version.resolution.pk}/change/", True),
        (f"{admin}resolutions/citation/", False),
        (f"{admin}resolutions/citation/{citation.pk}/change/", False),
    ):
        response = editor.get(url)
        assert response.status_code == 200, url
        page = Page(response.content.decode())
        for tag, attributes in page.elements:
            assert not [name for name in attributes if name.startswith("on")], (url, tag)
            href = "".join((attributes.get("href") or "").split()).lower()
            assert not href.startswith("javascript:"), (url, tag)
        for attributes, content in page.scripts:
            # The admin's own scripts: static files, its translations, and JSON data not run.
            src = attributes.get("src") or ""
            assert (
                src.startswith(("/static/", f"{admin}jsi18n/"))
                or attributes.get("type") == "application/json"
            ), (url, attributes, content)
            assert "alert(1)" not in content, url
        if shows_title:
            assert f"{SCRIPT} and &lt;b&gt;" in page.text, url
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode(), url
    change = editor.get(f"{admin}resolutions/languageversion/{version.pk}/change/")
    text = Page(change.content.decode()).text
    # Paragraph texts are edited in the page's inline rows.
    assert "Tom &amp; Jerry <b>stay</b> text" in text
    assert "<img src=x onerror=alert(1)>" in text
