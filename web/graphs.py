"""The citation graph of a resolution drawn: SVG from Graphviz's ``dot``, inlined in the page.

One column per year (only the years that have a resolution in the graph), oldest on the left,
the year written above it; with many years, a row per year, oldest at the top. Each resolution
is a box labelled with its short symbol and year, a link to its page, with its titles as a
tooltip. The resolution itself is filled; resolutions the archive does not hold yet are dashed
and lead to their "not in the archive yet" page. Arrows point from the citing resolution to the
cited one.

Nothing imported goes through DOT: the source ``dot`` reads holds generated node names, short
symbols (escaped) and years. Titles are set on the links after drawing, through an XML library
that escapes them.
"""

import logging
from functools import cache

import graphviz
from django.utils.safestring import SafeString, mark_safe
from lxml import etree

from .citation_graph import CitationGraph, GraphNode

log = logging.getLogger(__name__)

# Beyond this many resolutions, the arrows to and from the resolution are drawn as one trunk.
CONCENTRATED = 12
FONT = "Noto Sans CJK SC"
GRAPH_ID = "citation-graph"
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"


def _drawn_nodes(graph: CitationGraph) -> dict[str, GraphNode]:
    """Each resolution once (one may both cite and be cited), by symbol, in drawing order: the
    ``n``-th is the DOT node ``n<n>``."""
    unique: dict[str, GraphNode] = {}
    for node in [graph.centre, *graph.cites, *graph.cited_by]:
        unique.setdefault(node.symbol, node)
    return unique


def graph_dot(graph: CitationGraph) -> graphviz.Digraph:
    """The DOT source: a column (or row) per year, a box per resolution, an arrow per
    citation."""
    unique = _drawn_nodes(graph)
    years: dict[int | None, list[GraphNode]] = {}
    for node in unique.values():
        years.setdefault(node.year, []).append(node)
    dot = graphviz.Digraph(
        "citations",
        graph_attr={
            "id": GRAPH_ID,
            "rankdir": "LR" if graph.across else "TB",
            # Many arrows sharing the resolution merge into one trunk, which keeps one cited over
            # decades from a fan of parallel lines through every year between.
            "concentrate": "true" if len(unique) > CONCENTRATED else "false",
            "bgcolor": "transparent",
            "nodesep": "0.12",
            "ranksep": "0.45",
            "fontname": FONT,
        },
        node_attr={
            "shape": "box",
            "style": "rounded",
            "fontname": FONT,
            "fontsize": "12",
            "margin": "0.1,0.04",
            "height": "0.3",
            "color": "#0a5aa8",
            "fontcolor": "#0a5aa8",
        },
        edge_attr={"color": "#5a6470", "arrowsize": "0.6", "constraint": "false"},
    )
    names = {symbol: f"n{index}" for index, symbol in enumerate(unique)}
    for node in unique.values():
        name = names[node.symbol]
        label = graphviz.escape(node.short)
        if node.year is not None and f"({node.year})" not in node.short:
            label += f"\\n{node.year}"  # a Council symbol says its year already
        attributes = {"id": f"{GRAPH_ID}-{name}", "label": label, "URL": graphviz.escape(node.url)}
        if node is graph.centre:
            attributes.update(style="rounded,filled,bold", fillcolor="#0a5aa8", fontcolor="white")
        elif not node.in_archive:
            attributes.update(style="rounded,dashed", color="#5a6470", fontcolor="#3d4650")
        dot.node(name, **attributes)
    # The year axis: one label per year, chained from the oldest, each in its year's rank.
    order = sorted(years, key=lambda year: -1 if year is None else year)
    axis = [f"y{index}" for index in range(len(order))]
    for name, year in zip(axis, order, strict=True):
        dot.node(
            name,
            label="?" if year is None else str(year),
            id=f"{GRAPH_ID}-{name}",
            shape="plaintext",
            fontcolor="#5a6470",
            fontsize="11",
        )
        with dot.subgraph() as column:
            column.attr(rank="same")
            for member in [name, *(names[node.symbol] for node in years[year])]:
                column.node(member)
    for left, right in zip(axis, axis[1:], strict=False):
        dot.edge(left, right, style="invis", constraint="true", weight="100")
    centre = names[graph.centre.symbol]
    # Drawn from the older end with the arrow turned back, so arrows lead to the cited text.
    for node in graph.cites:
        dot.edge(names[node.symbol], centre, dir="back")
    for node in graph.cited_by:
        dot.edge(centre, names[node.symbol], dir="back")
    return dot


def graph_svg(graph: CitationGraph) -> SafeString | None:
    """The graph as inline SVG for an HTML page, or None when ``dot`` could not draw it."""
    if graph.is_empty:
        return None
    try:
        drawn = graph_dot(graph).pipe(format="svg", engine="dot")
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError, OSError) as error:
        log.error("citation graph of %s not drawn: %s", graph.centre.symbol, error)
        return None
    except Exception:
        log.exception("citation graph of %s not drawn", graph.centre.symbol)
        return None
    return _inline(drawn, graph)


@cache
def _parser() -> etree.XMLParser:
    return etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True)


def _inline(drawn: bytes, graph: CitationGraph) -> SafeString:
    """``dot``'s SVG made fit to stand in an HTML page: no prolog, a title and a description
    for screen readers, each link's tooltip set from its resolution's titles, and the parts
    that only draw (year labels, arrows) hidden from assistive technology, which reads the
    links by their labels."""
    root = etree.fromstring(drawn, _parser())
    # A document of its own (the roles HTML allows an svg: img would hide the links inside).
    root.set("role", "document")
    root.set("aria-labelledby", f"{GRAPH_ID}-title")
    root.set("aria-describedby", f"{GRAPH_ID}-desc")
    root.set("class", "citation-graph")
    title = etree.Element(f"{{{SVG_NS}}}title", id=f"{GRAPH_ID}-title")
    title.text = f"{graph.centre.symbol} 引用关系图 Citation graph"
    desc = etree.Element(f"{{{SVG_NS}}}desc", id=f"{GRAPH_ID}-desc")
    desc.text = graph.description
    root.insert(0, desc)
    root.insert(0, title)
    tooltips = {
        f"{GRAPH_ID}-n{index}": node.tooltip
        for index, node in enumerate(_drawn_nodes(graph).values())
    }
    for group in root.iter(f"{{{SVG_NS}}}g"):
        kind = group.get("class")
        for inner in group.findall(f"{{{SVG_NS}}}title"):
            group.remove(inner)  # dot's titles name its own nodes ("n3", "n0->n3")
        if kind == "edge" or (kind == "node" and group.get("id") not in tooltips):
            group.set("aria-hidden", "true")
        elif kind == "node":
            for link in group.iter(f"{{{SVG_NS}}}a"):
                link.set(f"{{{XLINK_NS}}}title", tooltips[group.get("id")])
    return mark_safe(etree.tostring(root, encoding="unicode"))  # noqa: S308 — serialised XML
