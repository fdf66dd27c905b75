"""/api/v1/: the read-only JSON API. Symbols are spelled as in the site's URLs
(/api/v1/resolutions/A/RES/76/127/, /api/v1/resolutions/S/RES/2286(2016)/)."""

from django.urls import path, re_path, register_converter

# The site's URLs register the symbol and language converters; the API reads symbols the same way.
import web.urls  # noqa: F401
from web.converters import EidConverter

from . import changes, resolving, series, views
from .openapi_parts import ELEMENT_PATTERN


class ElementConverter(EidConverter):
    """The eid of a paragraph or, unlike the site's pages, of a footnote: para_4_a,
    annex_ii_heading_1, fn_2. Only the characters eids are made of, so that nothing else
    reaches the database."""

    regex = ELEMENT_PATTERN


register_converter(ElementConverter, "element")

app_name = "api"

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("resolutions/", views.resolution_list, name="resolutions"),
    path("resolutions/<symbol:symbol>/", views.resolution, name="resolution"),
    path("resolutions/<symbol:symbol>/changes/", changes.changes, name="changes"),
    path("resolutions/<symbol:symbol>/<lang:language>/", views.version, name="version"),
    path(
        "resolutions/<symbol:symbol>/<lang:language>/<element:eid>/",
        views.element,
        name="element",
    ),
    path("search/", views.search, name="search"),
    path("resolve/", resolving.resolve, name="resolve"),
    path("compare/", changes.compare, name="compare"),
    path("series/<str:slug>/", series.series, name="series"),
    # Last: other spellings are redirected, anything else is a JSON 404 (even a path holding a
    # line break, which <path:> would leave to the site's HTML 404).
    re_path(r"^(?P<rest>(?s:.+))$", views.elsewhere, name="elsewhere"),
]
