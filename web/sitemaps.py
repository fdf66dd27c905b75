"""The sitemap search engines read: /sitemap.xml is an index of the sections below, each split
into pages of at most 50,000 URLs by Django's sitemap views.

- ``pages``: the home page, the list pages (every Assembly session and Council year, every
  series of Assembly resolutions) and the downloads page, each dated by the latest import it
  shows;
- ``resolutions``: every resolution, through the URLs of its language versions (a resolution's
  own URL only redirects to one of them), dated by when that text was imported.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from resolutions.models import LanguageVersion, Resolution, Series


@dataclass
class Page:
    url: str
    lastmod: datetime | None


class ListPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[Page]:
        latest = LanguageVersion.objects.aggregate(latest=Max("imported_at"))["latest"]
        pages = [
            Page(reverse("resolutions:home"), latest),
            Page(reverse("resolutions:ga_sessions"), latest),
            Page(reverse("resolutions:sc_years"), latest),
            Page(reverse("downloads"), latest),
            Page(reverse("resolutions:series_list"), latest),
        ]
        groups = (
            Resolution.objects.values("body", "special_session", "session", "year")
            .annotate(latest=Max("versions__imported_at"))
            .order_by("body", "special_session", "session", "year")
        )
        for group in groups:
            if group["latest"] is None:
                continue  # a resolution row without a text lists nothing
            latest = group.pop("latest")
            # An unsaved resolution of the group knows the URL of its list.
            pages.append(Page(Resolution(**group).get_browse_url(), latest))
        series = Series.objects.annotate(latest=Max("resolutions__versions__imported_at"))
        pages += [Page(s.get_absolute_url(), max(s.latest, s.updated_at)) for s in series]
        return pages

    def location(self, item: Page) -> str:
        return item.url

    def lastmod(self, item: Page) -> datetime | None:
        return item.lastmod


class LanguageVersionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            LanguageVersion.objects.select_related("resolution")
            .only("language", "imported_at", "resolution__symbol")
            .order_by(*(f"resolution__{field}" for field in Resolution._meta.ordering), "language")
        )

    def lastmod(self, item: LanguageVersion) -> datetime:
        return item.imported_at

    def get_latest_lastmod(self) -> datetime | None:
        """For the index: one aggregate instead of reading every version."""
        return LanguageVersion.objects.aggregate(latest=Max("imported_at"))["latest"]


SITEMAPS = {"pages": ListPagesSitemap, "resolutions": LanguageVersionSitemap}
