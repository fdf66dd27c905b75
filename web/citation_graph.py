"""What a resolution's citation graph shows: the resolutions it cites and those that cite it,
each with its year, titles and page, read in a fixed number of queries however many there are.

Each side is capped (``LIMIT``, the newest kept) so the drawing stays fast for a resolution
cited by hundreds; the page says how many more there are. ``web.graphs`` draws it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Window,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL

from resolutions.chronology import session_opening_year
from resolutions.citations.links import resolution_url
from resolutions.languages import LANGUAGE_ORDER
from resolutions.models import (
    Citation,
    CitationKind,
    Footnote,
    LanguageVersion,
    Paragraph,
    Resolution,
)
from resolutions.symbols import GENERAL_ASSEMBLY, SECURITY_COUNCIL, parse_symbol

# Resolutions drawn on each side (cites, cited by): the newest are kept.
LIMIT = 60
# Up to this many years the graph runs across the page; beyond, down it, a row per year, so a
# long history scrolls the way pages do (and fits a phone's width) instead of sideways.
YEARS_ACROSS = 8


@dataclass
class GraphNode:
    """A resolution in the graph: in the archive (with its titles) or only cited."""

    symbol: str
    short: str
    year: int | None
    url: str
    in_archive: bool
    versions: list[LanguageVersion] = field(default_factory=list)

    @property
    def title_version(self) -> LanguageVersion | None:
        """The version whose title the list shows: Chinese first."""
        return self.versions[0] if self.versions else None

    @property
    def tooltip(self) -> str:
        """The symbol and up to two titles (Chinese and English first), one a line."""
        titles = [" ".join(version.title.split()) for version in self.versions[:2]]
        if not self.in_archive:
            titles.append("尚未收入本档案 Not in the archive yet")
        return "\n".join([self.symbol, *titles])


@dataclass
class CitationGraph:
    centre: GraphNode
    cites: list[GraphNode]
    cited_by: list[GraphNode]
    more_cites: int = 0
    more_cited_by: int = 0

    @property
    def is_empty(self) -> bool:
        return not self.cites and not self.cited_by

    @property
    def across(self) -> bool:
        """Whether the years run across the page (few of them) or down it."""
        nodes = [self.centre, *self.cites, *self.cited_by]
        return len({node.year for node in nodes}) <= YEARS_ACROSS

    @property
    def description(self) -> str:
        """What the graph shows, in words, Chinese then English."""
        cites = len(self.cites) + self.more_cites
        cited_by = len(self.cited_by) + self.more_cited_by
        if self.is_empty:
            return (
                f"{self.centre.symbol} 未引用其他决议，档案中也没有引用它的决议。"
                f" {self.centre.symbol} cites no other resolution and nothing in the archive"
                " cites it."
            )
        zh, en = (
            ("从左到右", "from left to right")
            if self.across
            else ("从上到下", "from top to bottom")
        )
        return (
            f"{self.centre.symbol} 引用 {cites} 项决议，被 {cited_by} 项决议引用，按年份{zh}排列。"
            f" {self.centre.symbol} cites {cites} resolutions and is cited by {cited_by},"
            f" arranged by year {en}."
        )


def _graph_stamp_sql() -> str:
    """A stamp of everything the graph shows, read with the resolution's row: its versions'
    imports, the citations of it (new ones, or those of a citing text imported again), and
    those in its texts with the imports of the resolutions they lead to (one arriving, or its
    title changing)."""
    version, resolution = LanguageVersion._meta.db_table, Resolution._meta.db_table
    citation, paragraph, footnote = (
        Citation._meta.db_table,
        Paragraph._meta.db_table,
        Footnote._meta.db_table,
    )

    def cited_through(holder: str, column: str) -> str:
        return (
            f"(SELECT count(c.id) || '/' || count(c.target_id) || '/'"
            f" || coalesce(max(t.imported_at)::text, '') FROM {citation} c"
            f" JOIN {holder} h ON h.id = c.{column} JOIN {version} v ON v.id = h.version_id"
            f" LEFT JOIN {version} t ON t.resolution_id = c.target_id"
            f" WHERE v.resolution_id = {resolution}.id)"
        )

    return (
        f"concat_ws(' ', {resolution}.updated_at,"
        f" (SELECT string_agg(v.imported_at::text, ',' ORDER BY v.id) FROM {version} v"
        f" WHERE v.resolution_id = {resolution}.id),"
        f" (SELECT count(*) || '/' || coalesce(max(c.id), 0) FROM {citation} c"
        f" WHERE c.target_symbol = {resolution}.symbol),"
        f" {cited_through(paragraph, 'paragraph_id')}, {cited_through(footnote, 'footnote_id')})"
    )


def with_graph_stamp(queryset):
    """``queryset`` of resolutions, each with ``page_stamp``: it changes whenever its graph
    would (see ``web.page_cache``)."""
    return queryset.annotate(page_stamp=RawSQL(_graph_stamp_sql(), ()))


def _titles() -> Prefetch:
    return Prefetch(
        "versions",
        queryset=LanguageVersion.objects.only("id", "resolution_id", "language", "title"),
    )


def _year(symbol: str, adopted_on: date | None) -> int | None:
    """The year adopted; for a resolution not in the archive, its Council year or the year its
    Assembly session opened (special sessions have no year in their symbol)."""
    if adopted_on:
        return adopted_on.year
    parsed = parse_symbol(symbol)
    if parsed is None:
        return None
    if parsed.body == SECURITY_COUNCIL:
        return parsed.year
    if parsed.body == GENERAL_ASSEMBLY and parsed.session and not parsed.special:
        return session_opening_year(parsed.session)
    return None


def _short(symbol: str) -> str:
    parsed = parse_symbol(symbol)
    return parsed.short if parsed else symbol


def _node(resolution: Resolution) -> GraphNode:
    versions = sorted(resolution.versions.all(), key=lambda v: LANGUAGE_ORDER.index(v.language))
    return GraphNode(
        resolution.symbol,
        resolution.short_symbol,
        _year(resolution.symbol, resolution.adopted_on),
        resolution_url(resolution.symbol),
        True,
        versions,
    )


def _missing_node(symbol: str) -> GraphNode:
    return GraphNode(symbol, _short(symbol), _year(symbol, None), resolution_url(symbol), False)


def _newest_first(node: GraphNode):
    return (-(node.year or 0), node.symbol)


def citation_graph(resolution: Resolution) -> CitationGraph:
    """The graph of ``resolution``: seven queries however many citations."""
    prefetch_related_objects([resolution], _titles())
    own = Q(paragraph__version__resolution=resolution) | Q(footnote__version__resolution=resolution)
    targets = dict(
        Citation.objects.filter(own, kind=CitationKind.RESOLUTION)
        .exclude(target_symbol=resolution.symbol)
        .values_list("target_symbol", "target_id")
        .order_by()  # the model's ordering would join the DISTINCT
        .distinct()
    )
    in_archive = {
        cited.symbol: cited
        for cited in Resolution.objects.filter(pk__in={pk for pk in targets.values() if pk})
        .defer("vote", "states")
        .prefetch_related(_titles())
    }
    cites = sorted(
        (
            _node(in_archive[symbol]) if symbol in in_archive else _missing_node(symbol)
            for symbol in targets
        ),
        key=_newest_first,
    )
    citing = (
        Resolution.objects.exclude(pk=resolution.pk)
        .filter(
            Exists(
                Citation.objects.filter(
                    target_symbol=resolution.symbol,
                    paragraph__version__resolution=OuterRef("pk"),
                )
            )
            | Exists(
                Citation.objects.filter(
                    target_symbol=resolution.symbol,
                    footnote__version__resolution=OuterRef("pk"),
                )
            )
        )
        .defer("vote", "states")
        .annotate(total=Window(Count("*")))
        .order_by("-adopted_on", "-pk")
        .prefetch_related(_titles())[:LIMIT]
    )
    citing = list(citing)
    cited_by = sorted((_node(other) for other in citing), key=_newest_first)
    return CitationGraph(
        _node(resolution),
        cites[:LIMIT],
        cited_by,
        more_cites=max(len(cites) - LIMIT, 0),
        more_cited_by=citing[0].total - len(citing) if citing else 0,
    )


def graph_resolution(symbol: str) -> Resolution | None:
    """The resolution with its graph's stamp, in one query: all a kept graph page needs."""
    return with_graph_stamp(
        Resolution.objects.filter(symbol=symbol).defer("vote", "states")
    ).first()
