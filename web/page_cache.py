"""Reading pages rendered once, and served as rendered until what they show changes.

A resolution's page and a paragraph's page are the same for every reader until an import or a
correction changes what they show: the text itself (its version's ``imported_at`` moves with
every import and every save), the resolution's other language versions (the language switcher),
the texts that cite it, and which of the resolutions it cites are in the archive; a paragraph's
page also lists the texts that repeat its words, so its stamp moves with every import in its
language. The page's first query reads a stamp of all of these along with the row it needs
anyway (``with_stamp``), the stamp is part of the cache key, and so a page is rendered once per
change and answered from the cache after, in that one query. The admin empties the cache once
a correction is committed. Pages that mark search words (``?q=``) are rendered for each request.

A page is kept without the address it was asked at: its canonical link and permalink are
rendered with ``ORIGIN`` in place of the scheme and host, which are filled in as it is served.
``ORIGIN`` holds a ``<``, which imported text can never put on a page (it is escaped), so only
those links are filled in. Pages can thus be rendered ahead, without a request (see
``web.rendered``).

The cache is ``CACHES["pages"]``: files under ``var/cache/pages`` by default, shared by every
server process on the machine. Every key carries a fingerprint of the code and templates that
render pages, so a new release never serves pages its predecessor rendered.
"""

import hashlib
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db.models.expressions import RawSQL
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.models import (
    Citation,
    CitationKind,
    Footnote,
    LanguageVersion,
    Paragraph,
    Resolution,
)

log = logging.getLogger(__name__)

CACHE = "pages"
ORIGIN = mark_safe("<origin>")  # noqa: S308 — a placeholder, replaced before a page is served
_ORIGIN_BYTES = ORIGIN.encode()


@cache
def _stamp_sql() -> tuple[str, str]:
    """The SQL of the page stamp and of the links stamp, for a query over language versions (or
    joining them, with their resolution): each reads a few rows through an index."""
    version, resolution = LanguageVersion._meta.db_table, Resolution._meta.db_table
    citation, paragraph, footnote = (
        Citation._meta.db_table,
        Paragraph._meta.db_table,
        Footnote._meta.db_table,
    )
    resolved = f"c.target_id IS NOT NULL AND c.kind = '{CitationKind.RESOLUTION.value}'"
    # How many of the version's citations lead to a resolution in the archive: it changes
    # when a resolution the text cites arrives (or goes), which changes the text's links.
    links = (
        f"(SELECT count(*) FROM {citation} c JOIN {paragraph} p ON p.id = c.paragraph_id"
        f" WHERE p.version_id = {version}.id AND {resolved})"
        f" + (SELECT count(*) FROM {citation} c JOIN {footnote} f ON f.id = c.footnote_id"
        f" WHERE f.version_id = {version}.id AND {resolved})"
    )
    page = (
        f"concat_ws(' ', {version}.imported_at, {resolution}.updated_at, ({links}),"
        f" (SELECT max(v.imported_at) FROM {version} v"
        f" WHERE v.resolution_id = {version}.resolution_id),"
        f" (SELECT count(*) || '/' || coalesce(max(c.id), 0) FROM {citation} c"
        f" WHERE c.target_symbol = {resolution}.symbol))"
    )
    return page, links


def with_stamp(queryset, *, language_imports: bool = False):
    """``queryset`` (over language versions with their resolution, or over rows joining them
    both, as ``select_related`` does) with ``page_stamp`` and ``links_stamp``. With
    ``language_imports``, the page stamp also moves with every import of a text in the
    version's language: a paragraph page lists the texts that repeat its words."""
    page, links = _stamp_sql()
    if language_imports:
        version = LanguageVersion._meta.db_table
        latest = (
            f"(SELECT max(v.imported_at) FROM {version} v WHERE v.language = {version}.language)"
        )
        page = f"concat_ws(' ', {page}, {latest})"
    return queryset.annotate(page_stamp=RawSQL(page, ()), links_stamp=RawSQL(links, ()))


def origin(request: HttpRequest) -> SafeString:
    return mark_safe(escape(f"{request.scheme}://{request.get_host()}"))  # noqa: S308


def page_key(page: str, row) -> str:
    stamp = hashlib.sha256(row.page_stamp.encode()).hexdigest()[:32]
    return f"{page}-{row.pk}-{stamp}"


def cached_page(
    request: HttpRequest, row, page: str, render: Callable[[SafeString], HttpResponse]
) -> HttpResponse:
    """The page named ``page`` of ``row`` (fetched through ``with_stamp``) from the cache, or
    rendered by ``render(origin)`` and kept when it answers 200."""
    if request.GET.get("q"):
        return render(origin(request))
    return kept_page(request, page_key(page, row), render)


def kept_page(
    request: HttpRequest, key: str, render: Callable[[SafeString], HttpResponse]
) -> HttpResponse:
    """The page kept under ``key``, or rendered by ``render(origin)`` and kept when it answers
    200."""
    content = kept(key)
    if content is None:
        response = render(ORIGIN)
        if response.status_code != 200:
            response.content = response.content.replace(_ORIGIN_BYTES, origin(request).encode())
            return response
        content = response.content
        keep(key, content)
    return HttpResponse(content.replace(_ORIGIN_BYTES, origin(request).encode()))


# What renders a page: the site's templates and the code of the packages that build them.
_RENDERING_SOURCES = ("templates", "web", "resolutions", "api")


@cache
def code_fingerprint() -> str:
    """A digest of every template and module that renders pages, read once per process: pages
    kept by an earlier release are not found under the keys of this one."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in _RENDERING_SOURCES:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".xml"} and "migrations" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def kept(key: str):
    """What is kept under ``key``, or None (an unreadable cache is only slower)."""
    try:
        return caches[CACHE].get(key, version=code_fingerprint())
    except Exception:
        log.exception("page cache unreadable")
        return None


def keep(key: str, value) -> None:
    """Keep ``value`` (a page's bytes, a rendered text) until the cache is full or emptied."""
    try:
        caches[CACHE].set(key, value, None, version=code_fingerprint())
    except Exception:
        log.exception("page cache not written")


def clear() -> None:
    """Forget every page: after a correction, which no stamp sees."""
    caches[CACHE].clear()
