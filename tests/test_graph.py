"""The citation graph page: what a resolution cites and what cites it, drawn by Graphviz along
the years, each resolution a link, kept once drawn until an import changes it."""

import logging
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree, html

from resolutions.importer import Status
from tests.factories import write_resolution
from tests.importing import import_file
from web import citation_graph

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
HOSTILE_TITLE = 'Quotes " and \' <b>bold</b> & \\G \\N back\\slash \\" end'


@pytest.fixture
def series(corpus_dir):
    """75/125, 76/127 and 77/31 in English (each citing the one before) and 76/127 in
    Chinese: real texts, which also cite Council resolutions and older Assembly ones."""
    for path in (
        corpus_dir / "en" / "ga" / "A_RES_75_125.en.txt",
        corpus_dir / "en" / "ga" / "A_RES_76_127.en.txt",
        corpus_dir / "en" / "ga" / "A_RES_77_31.en.txt",
        corpus_dir / "zh" / "A_RES_76_127.zh.md",
    ):
        assert import_file(path).status == Status.IMPORTED, path.name


def fetch(client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def svg_of(page: str) -> etree._Element:
    """The inline SVG of a graph page, parsed as the XML it must also be."""
    match = re.search(r"<svg\b.*?</svg>", page, re.DOTALL)
    assert match, "the page has no inline SVG"
    return etree.fromstring(match.group(0))


def node_links(svg) -> dict[str, str]:
    """The links of the graph's resolutions: their address → their tooltip."""
    return {a.get(f"{XLINK}href"): a.get(f"{XLINK}title") for a in svg.iter(f"{SVG}a")}


def year_axis(svg) -> list[tuple[str, float, float]]:
    """The year labels as drawn, in the order dot was given them: (year, x, y)."""
    labels = []
    for group in svg.iter(f"{SVG}g"):
        if re.fullmatch(r"citation-graph-y\d+", group.get("id") or ""):
            text = group.find(f"{SVG}text")
            labels.append((text.text, float(text.get("x")), float(text.get("y"))))
    return labels


def test_the_graph_links_what_it_cites_and_what_cites_it(client, series):
    page, _ = fetch(client, "/A/RES/76/127/graph/")
    links = node_links(svg_of(page))
    assert "/A/RES/75/125/" in links  # cited, in the archive
    assert "/A/RES/77/31/" in links  # cites it
    assert "/S/RES/2286(2016)/" in links  # cited, not in the archive
    assert "/A/RES/76/127/" in links  # the resolution itself
    assert links["/A/RES/75/125/"].startswith("A/RES/75/125\nSafety and security")
    assert "人道主义人员的安全保障" in links["/A/RES/76/127/"]  # Chinese title first
    for url, tooltip in links.items():
        response = client.get(url, follow=True)
        # Those not in the archive lead to the page that says so.
        expected = 404 if "Not in the archive yet" in tooltip else 200
        assert response.status_code == expected, url
    assert client.get("/S/RES/2286(2016)/").status_code == 404
    # The same links, listed, under the bilingual headings.
    assert "引用的决议" in page and "引用本决议的决议" in page
    document = html.fromstring(page)
    listed = document.xpath('//ul[@class="graph-nodes"]/li/a/@href')
    assert set(listed) == set(links) - {"/A/RES/76/127/"}


def test_the_years_run_in_order(client, series):
    page, _ = fetch(client, "/A/RES/76/127/graph/")
    axis = year_axis(svg_of(page))
    years = [int(year) for year, _, _ in axis]
    assert years == sorted(years) and len(set(years)) == len(years)
    assert {2016, 2020, 2021, 2022} <= set(years)
    xs = [x for _, x, _ in axis]
    assert xs == sorted(xs)  # a few years: oldest on the left
    # Each resolution stands in its year's column.
    svg = svg_of(page)
    column = {year: x for year, x, _ in axis}
    for a in svg.iter(f"{SVG}a"):
        texts = [t.text for t in a.iter(f"{SVG}text")]
        if texts[-1] in column:
            assert float(a.find(f"{SVG}text").get("x")) == pytest.approx(column[texts[-1]])


def test_the_resolution_and_those_not_in_the_archive_are_marked(client, series):
    svg = svg_of(fetch(client, "/A/RES/76/127/graph/")[0])
    shapes = {}
    for a in svg.iter(f"{SVG}a"):
        shapes[a.get(f"{XLINK}href")] = a.find(f"{SVG}path")
    assert shapes["/A/RES/76/127/"].get("fill") not in (None, "none")  # filled
    assert shapes["/S/RES/2286(2016)/"].get("stroke-dasharray")  # dashed
    assert not shapes["/A/RES/75/125/"].get("stroke-dasharray")
    assert "尚未收入本档案" in node_links(svg)["/S/RES/2286(2016)/"]


def test_the_svg_is_labelled_for_screen_readers_and_stands_in_html(client, series):
    page, _ = fetch(client, "/A/RES/76/127/graph/")
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    svg = svg_of(page)
    assert svg.get("role") == "document"
    title = svg.find(f"{SVG}title")
    assert svg.get("aria-labelledby") == title.get("id")
    assert "Citation graph" in title.text
    desc = svg.find(f"{SVG}desc")
    assert svg.get("aria-describedby") == desc.get("id")
    assert "cited by 1" in desc.text
    # Only the links speak: arrows and year labels are hidden from assistive technology.
    for group in svg.iter(f"{SVG}g"):
        if group.get("class") == "edge":
            assert group.get("aria-hidden") == "true"


def test_a_hostile_title_is_shown_as_written_and_never_as_markup(client, tmp_path):
    path = write_resolution(tmp_path, "hostile.md", session=79, number=1, title=HOSTILE_TITLE)
    assert import_file(path).status == Status.IMPORTED
    citing = write_resolution(tmp_path, "citing.md", session=79, number=2, cites=("79/1",))
    assert import_file(citing).status == Status.IMPORTED
    page, _ = fetch(client, "/A/RES/79/2/graph/")
    assert "<b>" not in page
    tooltip = node_links(svg_of(page))["/A/RES/79/1/"]
    assert tooltip.split("\n")[1] == HOSTILE_TITLE
    listed = html.fromstring(page).xpath('//ul[@class="graph-nodes"]//span[@class="node-title"]')
    assert [span.text_content() for span in listed] == [HOSTILE_TITLE]


def test_a_resolution_citing_nothing_and_cited_by_nothing_says_so(client, tmp_path):
    path = write_resolution(tmp_path, "alone.md", session=79, number=1)
    assert import_file(path).status == Status.IMPORTED
    page, _ = fetch(client, "/A/RES/79/1/graph/")
    assert "<svg" not in page
    assert "cites no other resolution, and nothing in the archive cites it yet" in page


def test_another_spelling_of_the_symbol_is_redirected_to_the_graph(client, series):
    response = client.get("/76/127/graph/")
    assert response.status_code == 301
    assert response["Location"] == "/A/RES/76/127/graph/"


def test_a_resolution_not_in_the_archive_has_its_friendly_404(client):
    response = client.get("/A/RES/79/5/graph/")
    assert response.status_code == 404
    assert "is not in the archive yet" in response.content.decode()


def test_the_resolution_page_links_its_graph_and_the_graph_links_back(client, series):
    assert 'href="/A/RES/76/127/graph/"' in client.get("/A/RES/76/127/en/").content.decode()
    page, _ = fetch(client, "/A/RES/76/127/graph/")
    assert 'href="/A/RES/76/127/">返回决议全文' in page


def test_each_side_is_capped_and_the_rest_counted(client, tmp_path, monkeypatch):
    cited = tuple(f"78/{n}" for n in range(1, citation_graph.LIMIT + 6))
    path = write_resolution(tmp_path, "many.md", session=79, number=1, operative=70, cites=cited)
    assert import_file(path).status == Status.IMPORTED
    for number in range(2, 6):
        citing = write_resolution(
            tmp_path, f"c{number}.md", session=79, number=number, cites=("79/1",)
        )
        assert import_file(citing).status == Status.IMPORTED
    page, _ = fetch(client, "/A/RES/79/1/graph/")
    assert len(node_links(svg_of(page))) == 1 + citation_graph.LIMIT + 4
    assert "另有 5 项" in page and "And 5 more" in page
    assert "cites 65 resolutions and is cited by 4" in page
    monkeypatch.setattr(citation_graph, "LIMIT", 3)
    graph = citation_graph.citation_graph(citation_graph.graph_resolution("A/RES/79/1"))
    assert (len(graph.cited_by), graph.more_cited_by) == (3, 1)
    assert (len(graph.cites), graph.more_cites) == (3, 62)


def test_the_queries_do_not_grow_with_the_graph(client, tmp_path):
    """A graph of one resolution each way, and one of sixty each way: the same queries."""
    counts = []
    for session, size in ((78, 1), (79, 60)):
        cited = tuple(f"{session - 10}/{n}" for n in range(1, size + 1))
        path = write_resolution(
            tmp_path, f"{session}.md", session=session, number=1, operative=size, cites=cited
        )
        assert import_file(path).status == Status.IMPORTED
        # One text cited in the archive, so both graphs read titles on both sides.
        other = write_resolution(tmp_path, f"{session}-o.md", session=session - 10, number=1)
        assert import_file(other).status == Status.IMPORTED
        for number in range(2, size + 2):
            citing = write_resolution(
                tmp_path, f"{session}-{number}.md", session=session, number=number,
                cites=(f"{session}/1",),
            )  # fmt: skip
            assert import_file(citing).status == Status.IMPORTED
        counts.append(fetch(client, f"/A/RES/{session}/1/graph/")[1])
    assert counts[0] == counts[1]


def test_a_graph_asked_for_again_is_not_drawn_again_until_an_import_changes_it(
    client, series, tmp_path
):
    first, drawing = fetch(client, "/A/RES/77/31/graph/")
    again, kept = fetch(client, "/A/RES/77/31/graph/")
    assert again == first
    assert kept == 1 < drawing
    # A new text citing it: the graph is drawn again, with it.
    path = write_resolution(tmp_path, "citing.md", session=79, number=1, cites=("77/31",))
    assert import_file(path).status == Status.IMPORTED
    page, _ = fetch(client, "/A/RES/77/31/graph/")
    assert "/A/RES/79/1/" in node_links(svg_of(page))
    # A resolution it cites arriving: its node is no longer dashed.
    page, _ = fetch(client, "/A/RES/76/127/graph/")
    assert "/A/RES/73/137/" not in node_links(svg_of(page))
    before, _ = fetch(client, "/A/RES/75/125/graph/")
    assert "尚未收入本档案" in node_links(svg_of(before))["/A/RES/74/116/"]
    path = write_resolution(tmp_path, "74-116.md", session=74, number=116, title="Arrived")
    assert import_file(path).status == Status.IMPORTED
    after, _ = fetch(client, "/A/RES/75/125/graph/")
    assert node_links(svg_of(after))["/A/RES/74/116/"] == "A/RES/74/116\nArrived"


def test_without_dot_the_page_lists_the_links_and_draws_once_dot_is_back(
    client, series, monkeypatch, caplog
):
    monkeypatch.setenv("PATH", "/nonexistent")
    with caplog.at_level(logging.ERROR, logger="web.graphs"):
        page, _ = fetch(client, "/A/RES/76/127/graph/")
    assert "<svg" not in page
    assert "The graph could not be drawn just now" in page
    assert 'href="/A/RES/75/125/"' in page
    assert any("not drawn" in record.getMessage() for record in caplog.records)
    monkeypatch.undo()
    page, _ = fetch(client, "/A/RES/76/127/graph/")
    assert "/A/RES/75/125/" in node_links(svg_of(page))
