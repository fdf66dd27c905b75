from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, re_path

from api.docs import api_documentation
from resolutions.symbols import URL_SYMBOL_SHAPE
from web.feeds import CitedByFeed, NewResolutionsFeed, SearchFeed
from web.sitemaps import SITEMAPS
from web.views import opendata
from web.views.search import search

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's, a PDF's).
    path("favicon.ico", lambda request: redirect(static("favicon.svg"))),
    path(settings.ADMIN_URL, admin.site.urls),
    path("feeds/resolutions.atom", NewResolutionsFeed(), name="feed_resolutions"),
    path("search/feed.atom", SearchFeed(), name="feed_search"),
    # /A/RES/76/127/cited-by.atom: under the symbol, like the resolution's pages, and ahead of
    # the resolution URLs' catch-all.
    re_path(
        rf"^(?P<symbol>{URL_SYMBOL_SHAPE})/cited-by\.atom$",
        CitedByFeed(),
        name="feed_cited_by",
    ),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", opendata.robots_txt, name="robots"),
    path("opensearch.xml", opendata.opensearch, name="opensearch"),
    path("downloads/", opendata.downloads, name="downloads"),
    path("downloads/un-resolutions.jsonl.gz", opendata.bulk_file, name="bulk_file"),
    path("api/v1/", include("api.urls")),
    path("api/", api_documentation, name="api_docs"),
    # The resolution URLs' catch-all would take these for symbols: the API is meant.
    re_path(r"^api$", lambda request: redirect("/api/", permanent=True)),
    re_path(r"^api/v1$", lambda request: redirect("/api/v1/", permanent=True)),
    path("", include(([path("search/", search, name="search")], "search"))),
    # Last: resolution URLs end with a catch-all that redirects variant spellings of symbols.
    path("", include("web.urls")),
]
