"""Reading pages rendered once, and served as rendered until what they show changes.

A resolution's page and a paragraph's page are the same for every reader until an import or a
correction changes what they show: the text itself (its version's ``imported_at`` moves with
every import and every save), the resolution's other language versions (the language switcher),
the texts that cite it, and which of the resolutions it cites are in the archive. The page's
first query reads a stamp of all of these along with the row it needs anyway, the stamp is part
of the cache key, and so a page is rendered once per change and answered from the cache after.
The admin empties the cache once a correction is committed. Pages that mark search words
(``?q=``) are rendered for each request.

The cache is ``CACHES["pages"]``: files under ``var/cache/pages`` by default, shared by every
server process on the machine.
"""

import hashlib
import logging
from collections.abc import Callable

from django.core.cache import caches
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse

from resolutions.models import Citation, CitationKind, LanguageVersion

log = logging.getLogger(__name__)

CACHE = "pages"
STAMPS = ("stamp_links", "stamp_versions", "stamp_citing", "stamp_citing_latest")


def _grouped(queryset: QuerySet, by: str, aggregate) -> Subquery:
    """One aggregate over ``queryset``, as a subquery of a single value."""
    return Subquery(queryset.order_by().values(by).annotate(value=aggregate).values("value"))


def links_stamp(version: str = "pk"):
    """How many of the version's citations lead to a resolution in the archive: it changes
    when a resolution the text cites arrives (or goes), which changes the text's links."""
    resolved = {"target__isnull": False, "kind": CitationKind.RESOLUTION}
    in_paragraphs = _grouped(
        Citation.objects.filter(paragraph__version=OuterRef(version), **resolved),
        "paragraph__version",
        Count("pk"),
    )
    in_footnotes = _grouped(
        Citation.objects.filter(footnote__version=OuterRef(version), **resolved),
        "footnote__version",
        Count("pk"),
    )
    return Coalesce(in_paragraphs, 0) + Coalesce(in_footnotes, 0)


def with_stamp(queryset: QuerySet, to_version: str = "") -> QuerySet:
    """``queryset`` with the page stamp of the version each row is or belongs to
    (``to_version``: the lookup from the row to its version, "version__" for paragraphs)."""
    resolution = f"{to_version}resolution"
    return queryset.annotate(
        stamp_links=links_stamp(f"{to_version}pk"),
        stamp_versions=_grouped(
            LanguageVersion.objects.filter(resolution=OuterRef(resolution)),
            "resolution",
            Max("imported_at"),
        ),
        stamp_citing=_grouped(
            Citation.objects.filter(target_symbol=OuterRef(f"{resolution}__symbol")),
            "target_symbol",
            Count("pk"),
        ),
        stamp_citing_latest=_grouped(
            Citation.objects.filter(target_symbol=OuterRef(f"{resolution}__symbol")),
            "target_symbol",
            Max("pk"),
        ),
    )


def cached_page(
    request: HttpRequest, row, page: str, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The page named ``page`` of ``row`` (fetched through ``with_stamp``) from the cache, or
    rendered by ``render`` and kept when it answers 200."""
    if request.GET.get("q"):
        return render()
    stamp = " ".join(str(getattr(row, name)) for name in STAMPS)
    # The canonical link names the host the page was asked for.
    where = f"{request.scheme}://{request.get_host()}"
    key = f"{page}-{row.pk}-" + hashlib.sha256(f"{stamp} {where}".encode()).hexdigest()
    cache = caches[CACHE]
    try:
        content = cache.get(key)
    except Exception:  # an unreadable cache is only slower
        log.exception("page cache unreadable")
        content = None
    if content is not None:
        return HttpResponse(content)
    response = render()
    if response.status_code == 200:
        try:
            cache.set(key, response.content, None)
        except Exception:
            log.exception("page cache not written")
    return response


def clear() -> None:
    """Forget every page: after a correction, which no stamp sees."""
    caches[CACHE].clear()
