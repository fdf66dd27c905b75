"""The citation graph page of a resolution: the picture, and the same links as lists.

The page is kept once rendered (``web.page_cache``) under a stamp of everything it shows
(``web.citation_graph.with_graph_stamp``): answered from the cache it costs one query, and
``dot`` runs once per change. A graph ``dot`` could not draw is not kept, so it is drawn again
once ``dot`` works; the page answers meanwhile with the lists and a note.
"""

from django.http import HttpResponse
from django.shortcuts import render

from ..citation_graph import citation_graph, graph_resolution
from ..graphs import graph_svg
from ..page_cache import keep, kept, page_key
from .symbols import not_in_archive


def graph(request, symbol: str):
    resolution = graph_resolution(symbol)
    if resolution is None:
        return not_in_archive(request, symbol)
    key = page_key("graph", resolution)
    if (content := kept(key)) is not None:
        return HttpResponse(content)
    graph = citation_graph(resolution)
    svg = graph_svg(graph)
    response = render(
        request,
        "resolutions/graph.html",
        {
            "resolution": resolution,
            "graph": graph,
            "svg": svg,
            "not_drawn": svg is None and not graph.is_empty,
        },
    )
    if svg is not None or graph.is_empty:
        keep(key, response.content)
    return response
