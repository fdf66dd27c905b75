"""Open data: the downloads page and the bulk file, and what crawlers and browsers look for at the
site's root (robots.txt, the OpenSearch description)."""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import http_date

from resolutions.bulk import FILE_NAME, read_manifest


def downloads(request):
    """What can be downloaded or followed: the whole archive as one file, and the feeds."""
    return render(
        request, "resolutions/downloads.html", {"manifest": read_manifest(settings.BULK_DIR)}
    )


def bulk_file(request):
    """The bulk file itself, as a .gz download (no Content-Encoding: clients keep it
    compressed); a page explaining that it is not there yet (404) until export_bulk has run."""
    manifest = read_manifest(settings.BULK_DIR)
    if manifest is None:
        return render(request, "resolutions/bulk_missing.html", status=404)
    response = FileResponse(
        (Path(settings.BULK_DIR) / FILE_NAME).open("rb"),
        as_attachment=True,
        filename=FILE_NAME,
        content_type="application/gzip",
    )
    response.headers["ETag"] = f'"{manifest.sha256}"'
    response.headers["Last-Modified"] = http_date(manifest.generated.timestamp())
    return response


def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {
            "admin_url": f"/{settings.ADMIN_URL.strip('/')}/",
            "search_url": reverse("search:search"),
            "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
        },
        content_type="text/plain; charset=utf-8",
    )


def opensearch(request):
    """Lets a browser add the archive as a search engine (the page heads link it)."""
    search_url = request.build_absolute_uri(reverse("search:search"))
    return render(
        request,
        "opensearch.xml",
        {
            "search_url": search_url,
            "feed_url": request.build_absolute_uri(reverse("feed_search")),
            "home_url": request.build_absolute_uri(reverse("resolutions:home")),
            "icon_url": request.build_absolute_uri(static("favicon.svg")),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
