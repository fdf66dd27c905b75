"""A series at a glance: its resolutions in order, each with its size and how much of it
changed since the one before, as the series page, its timeline and the API show them."""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Q

from .changes import compare
from .comparing import passages_of
from .languages import LANGUAGE_ORDER
from .models import LanguageVersion, ParagraphKind, Resolution, Series
from .series import resolution_order

_SLUG = re.compile(r"[-\w]{1,200}")


@dataclass
class SeriesMember:
    """One resolution of a series. ``version`` is the language version shown (in the series'
    language when it has one, else the first in the archive's order); the counts are its.
    ``share_changed`` is the share of its paragraphs new or changed since the previous member,
    compared in ``compared_in``, a language both have; None for the first, or when the two
    share no language."""

    resolution: Resolution
    version: LanguageVersion
    versions: list[LanguageVersion]
    preambular: int
    operative: int
    paragraphs: int
    share_changed: float | None = None
    compared_in: str = ""
    previous: Resolution | None = field(default=None, repr=False)

    def version_in(self, language: str) -> LanguageVersion:
        return next(version for version in self.versions if version.language == language)

    @property
    def percent_changed(self) -> int | None:
        return None if self.share_changed is None else round(self.share_changed * 100)


def _counted_versions(series: Series):
    """Every version of the series' resolutions, with its resolution and paragraph counts: one
    query."""
    return (
        LanguageVersion.objects.filter(resolution__series=series)
        .select_related("resolution")
        .defer("source_text")
        .annotate(
            preambular_count=Count(
                "paragraphs", filter=Q(paragraphs__kind=ParagraphKind.PREAMBULAR)
            ),
            operative_count=Count("paragraphs", filter=Q(paragraphs__kind=ParagraphKind.OPERATIVE)),
            paragraph_count=Count("paragraphs"),
        )
    )


def overview(series: Series) -> list[SeriesMember]:
    """The members of ``series`` in order, with their counts and the share changed since each
    one's predecessor: two queries, however many members."""
    by_resolution: dict[int, list[LanguageVersion]] = {}
    for version in _counted_versions(series):
        by_resolution.setdefault(version.resolution_id, []).append(version)
    ordered = sorted(by_resolution.values(), key=lambda vs: resolution_order(vs[0].resolution))
    preferred = [series.title_language, *LANGUAGE_ORDER]
    members: list[SeriesMember] = []
    for versions in ordered:
        versions.sort(key=lambda v: LANGUAGE_ORDER.index(v.language))
        by_language = {v.language: v for v in versions}
        shown = next(by_language[lang] for lang in preferred if lang in by_language)
        member = SeriesMember(
            resolution=shown.resolution,
            version=shown,
            versions=versions,
            preambular=shown.preambular_count,
            operative=shown.operative_count,
            paragraphs=shown.paragraph_count,
        )
        if members:
            before = members[-1]
            member.previous = before.resolution
            theirs = {v.language: v for v in before.versions}
            shared = [lang for lang in preferred if lang in by_language and lang in theirs]
            if shared:
                member.compared_in = shared[0]
        members.append(member)
    pairs = [
        (before.version_in(member.compared_in), member.version_in(member.compared_in), member)
        for before, member in zip(members, members[1:], strict=False)
        if member.compared_in
    ]
    texts = passages_of({version for old, new, _ in pairs for version in (old, new)})
    for old, new, member in pairs:
        member.share_changed = compare(texts[old.pk], texts[new.pk], new.language).share_changed
    return members


def stamp_rows(slug: str) -> list[tuple]:
    """What a view of the series ``slug`` depends on, in one query: each version of its
    resolutions (id, imported_at), when each resolution and the series itself last changed, and
    the series' id; empty when there is no such series."""
    if not _SLUG.fullmatch(slug):
        return []  # nothing slugify makes, such as a NUL the database would refuse
    return list(
        LanguageVersion.objects.filter(resolution__series__slug=slug)
        .order_by("pk")
        .values_list(
            "pk",
            "imported_at",
            "resolution__updated_at",
            "resolution__series__updated_at",
            "resolution__series_id",
        )
    )
