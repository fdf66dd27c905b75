"""Atom feeds, for readers who follow the archive from a feed reader.

- ``/feeds/resolutions.atom``: the language versions added (or replaced) most recently;
- ``/A/RES/76/127/cited-by.atom``: newly imported paragraphs and footnotes that cite a resolution
  (also one not in the archive yet);
- ``/search/feed.atom?q=…``: the latest paragraphs matching a search, with the search page's
  filters, newest adoption date first.

Every entry's id is the permalink of what it shows, so a reader recognises an entry it has seen
and shows it again, as updated, when its text is imported again. Summaries are HTML built from
escaped text.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.safestring import SafeString

from resolutions.bodies import BODIES
from resolutions.labels import element_name
from resolutions.languages import HTML_LANG, LANGUAGES
from resolutions.models import Citation, LanguageVersion
from resolutions.symbols import parse_symbol
from search.forms import SearchForm
from search.service import marked_html, run_search

from .converters import SymbolConverter

# Entries per feed: enough for a reader polling daily through a large import.
FEED_SIZE = 50
SEARCH_FEED_SIZE = 20  # one page of search results
ARCHIVE_NAME = "联合国决议档案 UN Resolutions Archive"
# 大会决议 General Assembly resolution, 安全理事会决议 Security Council resolution
BODY_WORDS = {code: f"{names.zh}决议 {names.en} resolution" for code, names in BODIES.items()}


def cited_by_feed_url(symbol: str) -> str:
    """The feed of what cites ``symbol``: /S/RES/2286(2016)/cited-by.atom."""
    return reverse("feed_cited_by", kwargs={"symbol": SymbolConverter().to_url(symbol)})


def _titled(title: str, subtitle: str) -> str:
    """A title that names no subject, with the opening words that tell the text apart:
    "Resolution 242 (1967) — Expressing its continuing concern …"."""
    return f"{title} — {subtitle}" if subtitle else title


def _adopted(day) -> SafeString:
    if day is None:
        return format_html("")
    return format_html(" · 通过日期 Adopted {}", day.isoformat())


class ArchiveFeed(Feed):
    feed_type = Atom1Feed
    language = HTML_LANG["zh"]
    author_name = ARCHIVE_NAME

    def item_title(self, item) -> str:
        # Atom titles are text: the feed writer escapes them, so no escaping here.
        return item.title

    def item_link(self, item) -> str:
        return item.url

    def item_description(self, item) -> SafeString:
        return item.summary

    def item_updateddate(self, item) -> datetime:
        return item.updated

    def item_categories(self, item) -> list[str]:
        return item.categories


@dataclass
class Entry:
    title: str
    url: str
    summary: SafeString
    updated: datetime
    categories: list[str]


def _version_entry(version: LanguageVersion) -> Entry:
    resolution = version.resolution
    return Entry(
        title=f"{resolution.symbol} · {_titled(version.title, version.subtitle)}",
        url=version.get_absolute_url(),
        summary=format_html(
            '<p><strong>{}</strong> · {} · {}{}</p><p lang="{}">{}</p>',
            resolution.symbol,
            BODY_WORDS[resolution.body],
            LANGUAGES[version.language],
            _adopted(resolution.adopted_on),
            version.html_lang,
            _titled(version.title, version.subtitle),
        ),
        updated=version.imported_at,
        categories=[resolution.body, version.language],
    )


class NewResolutionsFeed(ArchiveFeed):
    title = "新收录的决议 · Newly added resolutions — " + ARCHIVE_NAME
    subtitle = (
        "最近收录或更新的决议文本，每种语文一条。 "
        "The resolution texts added or updated most recently, one entry per language version."
    )

    def link(self) -> str:
        return reverse("resolutions:home")

    def items(self) -> list[Entry]:
        versions = (
            LanguageVersion.objects.select_related("resolution")
            .only(
                "language",
                "title",
                "subtitle",
                "imported_at",
                "resolution__symbol",
                "resolution__body",
                "resolution__adopted_on",
            )
            .order_by("-imported_at", "-pk")[:FEED_SIZE]
        )
        return [_version_entry(version) for version in versions]


@dataclass
class CitedSymbol:
    symbol: str


class CitedByFeed(ArchiveFeed):
    """What cites one resolution: each entry a citing paragraph (or footnote) with the citation
    marked, the most recently imported first."""

    def get_object(self, request, symbol: str) -> CitedSymbol:
        parsed = parse_symbol(symbol)
        if parsed is None or not parsed.is_resolution:
            raise Http404("Not a resolution symbol")
        return CitedSymbol(parsed.canonical)

    def title(self, obj: CitedSymbol) -> str:
        return f"引用 {obj.symbol} 的文本 · Texts citing {obj.symbol} — {ARCHIVE_NAME}"

    def subtitle(self, obj: CitedSymbol) -> str:
        return (
            f"档案中新收录的引用 {obj.symbol} 的段落和脚注。 "
            f"Paragraphs and footnotes citing {obj.symbol}, newest imports first."
        )

    def link(self, obj: CitedSymbol) -> str:
        return reverse("resolutions:resolution", kwargs={"symbol": obj.symbol})

    def items(self, obj: CitedSymbol) -> list[Entry]:
        citations = (
            Citation.objects.filter(target_symbol=obj.symbol)
            .select_related("paragraph__version__resolution", "footnote__version__resolution")
            .defer("paragraph__version__source_text", "footnote__version__source_text")
            .annotate(
                imported_at=Coalesce(
                    "paragraph__version__imported_at", "footnote__version__imported_at"
                )
            )
            .order_by("-imported_at", "paragraph__position", "footnote__position", "start")
        )
        # A paragraph citing twice is one entry; the slice bounds the rows read.
        holders: dict[tuple[str, int], list[Citation]] = {}
        for citation in citations[: FEED_SIZE * 4]:
            holder = citation.paragraph or citation.footnote
            key = (type(holder).__name__, holder.pk)
            if key not in holders and len(holders) == FEED_SIZE:
                continue
            holders.setdefault(key, []).append(citation)
        return [_citing_entry(found) for found in holders.values()]


def _citing_entry(citations: list[Citation]) -> Entry:
    holder = citations[0].paragraph or citations[0].footnote
    version = holder.version
    resolution = version.resolution
    url, place = holder.get_absolute_url(), element_name(holder.eid, version.language)
    text = marked_html(holder.text, [(c.start, c.end) for c in citations])
    return Entry(
        title=f"{resolution.symbol} · {place}",
        url=url,
        summary=format_html(
            '<p><strong>{}</strong> · {} · {}{}</p><p lang="{}">{}</p><p lang="{}">{}</p>',
            resolution.symbol,
            place,
            LANGUAGES[version.language],
            _adopted(resolution.adopted_on),
            version.html_lang,
            _titled(version.title, version.subtitle),
            version.html_lang,
            text,
        ),
        updated=version.imported_at,
        categories=[resolution.body, version.language],
    )


class SearchUnavailable(Exception):
    pass


@dataclass
class SearchRequest:
    query: str
    filters: dict[str, str]
    hits: list


class SearchFeed(ArchiveFeed):
    """The latest paragraphs and footnotes matching a search (the search page's ``q`` and
    filters), newest adoption date first; 503 while the search index is unavailable."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchUnavailable:
            response = HttpResponse(
                "搜索索引暂时不可用。 The search index is unavailable at the moment.\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response.headers["Retry-After"] = "60"
            return response

    def get_object(self, request) -> SearchRequest:
        # The search page's reading of q and the filters; the feed's own order is by date.
        query, filters, _sort, _page = SearchForm(request.GET).search_arguments()
        outcome = run_search(query, filters, sort="date")
        if outcome.unavailable:
            raise SearchUnavailable
        return SearchRequest(query, filters, outcome.hits[:SEARCH_FEED_SIZE])

    def _parameters(self, obj: SearchRequest) -> dict[str, str]:
        return {"q": obj.query, **obj.filters}

    def title(self, obj: SearchRequest) -> str:
        return f"搜索 Search: {obj.query} — {ARCHIVE_NAME}"

    def subtitle(self, obj: SearchRequest) -> str:
        return "最新的匹配段落，按通过日期排序。 The latest matching paragraphs, by adoption date."

    def link(self, obj: SearchRequest) -> str:
        return f"{reverse('search:search')}?{urlencode(self._parameters(obj) | {'sort': 'date'})}"

    def feed_url(self, obj: SearchRequest) -> str:
        return f"{reverse('feed_search')}?{urlencode(self._parameters(obj))}"

    def items(self, obj: SearchRequest) -> list[Entry]:
        symbols = {hit.symbol for hit in obj.hits}
        imported = {
            (symbol, language): imported_at
            for symbol, language, imported_at in LanguageVersion.objects.filter(
                resolution__symbol__in=symbols
            ).values_list("resolution__symbol", "language", "imported_at")
        }
        return [_hit_entry(hit, imported.get((hit.symbol, hit.language))) for hit in obj.hits]


def _hit_entry(hit, imported_at: datetime | None) -> Entry:
    place = element_name(hit.eid, hit.language)
    adopted = datetime.combine(hit.adopted_on, time(), tzinfo=UTC) if hit.adopted_on else None
    return Entry(
        title=f"{hit.symbol} · {place}",
        url=hit.url,
        summary=format_html(
            '<p><strong>{}</strong> · {}{}</p><p lang="{}">{}</p><p lang="{}">{}</p>',
            hit.symbol,
            place,
            _adopted(hit.adopted_on),
            HTML_LANG.get(hit.language, hit.language),
            _titled(hit.title, hit.subtitle),
            HTML_LANG.get(hit.language, hit.language),
            hit.snippet,
        ),
        # A hit whose text was removed since it was indexed still has its adoption date.
        updated=imported_at or adopted or datetime.now(UTC),
        categories=[hit.language, hit.kind],
    )
