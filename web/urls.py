from django.urls import path, register_converter

from . import views
from .converters import EidConverter, LanguageConverter, SymbolConverter
from .views import changes, series, states
from .views.akn import version_akn
from .views.all_languages import all_languages
from .views.graph import graph
from .views.navigation import go_to_paragraph

register_converter(SymbolConverter, "symbol")
register_converter(LanguageConverter, "lang")
register_converter(EidConverter, "eid")

app_name = "resolutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("ga/", views.ga_sessions, name="ga_sessions"),
    path("ga/<str:session>/", views.ga_session, name="ga_session"),
    path("sc/", views.sc_years, name="sc_years"),
    path("sc/<int:year>/", views.sc_year, name="sc_year"),
    path("states/", states.states, name="states"),
    path("states/<str:code>/", states.state_resolutions, name="state"),
    path("series/", series.series_list, name="series_list"),
    path("series/<str:slug>/", series.series, name="series"),
    path("compare/", changes.compare, name="compare"),
    path("<symbol:symbol>/", views.resolution, name="resolution"),
    path("<symbol:symbol>/<lang:language>/", views.version, name="version"),
    path("<symbol:symbol>/<lang:language>/go/", go_to_paragraph, name="go_to"),
    path("<symbol:symbol>/changes/", changes.changes, name="changes"),
    path(
        "<symbol:symbol>/<lang:language>/changes/", changes.version_changes, name="version_changes"
    ),
    path("<symbol:symbol>/<lang:left>-<lang:right>/", views.side_by_side, name="side_by_side"),
    path("<symbol:symbol>/<lang:language>/<eid:eid>/", views.paragraph, name="paragraph"),
    path("<symbol:symbol>/all/<eid:eid>/", all_languages, name="all_languages"),
    path("<symbol:symbol>/<lang:language>.akn.xml", version_akn, name="version_akn"),
    path("<symbol:symbol>/graph/", graph, name="graph"),
    # Last: any other spelling of a symbol is redirected to the canonical URL above.
    path("<path:spelling>", views.variant, name="variant"),
]
