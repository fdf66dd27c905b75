from django.urls import path, register_converter

from . import views
from .converters import SymbolConverter

register_converter(SymbolConverter, "symbol")

app_name = "resolutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("<symbol:symbol>/", views.resolution, name="resolution"),
    path("<symbol:symbol>/<str:language>/", views.version, name="version"),
    path("<symbol:symbol>/<str:language>/<slug:eid>/", views.paragraph, name="paragraph"),
]
