"""Series: General Assembly resolutions that continue one another, session after session.

Most Assembly resolutions are yearly: the same title comes back every session ("Safety and
security of humanitarian personnel and protection of United Nations personnel": 73/137, 74/116,
75/125, 76/127, 77/31). Resolutions of the same title in different sessions belong to one
series, and so do those whose opening preambular paragraphs recall the previous one of the
same title (``resolutions.series_rule`` says exactly which).

The importer calls ``place_in_series`` with each resolution it stores, in its transaction: the
resolution joins, leaves or merges series as its titles and opening paragraphs say, and every
resolution of a series that changed is marked updated (``updated_at``), so that the pages
showing its place are rendered again. A migration calls ``backfill`` once for an archive
imported before series existed.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from .models import Citation, LanguageVersion, Resolution, Series
from .series_rule import (
    OPENING_PARAGRAPHS,
    Candidate,
    Recall,
    groups,
    order_key,
    preferred_title,
    title_key,
)

__all__ = [
    "backfill",
    "corrected",
    "members",
    "neighbours",
    "place_in_series",
    "resolution_deleted",
    "title_key",
]

GENERAL_ASSEMBLY = "GA"
RESOLUTION_CITATION = "resolution"
# Slugs stay under the column's 200 characters with room for a "-12" that makes one unique.
_SLUG_LENGTH = 180


def place_in_series(resolution) -> None:
    """Put ``resolution`` (just stored, in the importer's transaction) in its series, and keep
    the series it touches right: a few queries, whatever the size of the archive."""
    if resolution.body != GENERAL_ASSEMBLY:
        return
    opening = Citation.objects.filter(
        paragraph__eid__in=OPENING_PARAGRAPHS, kind=RESOLUTION_CITATION
    )
    keys = (
        LanguageVersion.objects.filter(resolution=resolution)
        .exclude(title_key="")
        .values("title_key")
    )
    near = Resolution.objects.filter(body=GENERAL_ASSEMBLY).filter(
        Q(pk=resolution.pk)
        | Q(pk__in=LanguageVersion.objects.filter(title_key__in=keys).values("resolution_id"))
        | Q(
            symbol__in=opening.filter(paragraph__version__resolution=resolution).values(
                "target_symbol"
            )
        )
        | Q(
            pk__in=opening.filter(target_symbol=resolution.symbol).values(
                "paragraph__version__resolution_id"
            )
        )
    )
    # What the resolution links to, and all of their series: a series can only grow by what
    # the resolution brings, or split where it was the link.
    affected = Resolution.objects.filter(
        Q(pk__in=near.values("pk")) | Q(series_id__in=near.values("series_id"))
    )
    _regroup(affected, Series, LanguageVersion, Citation, stored=resolution.pk)


def corrected(resolution) -> None:
    """After a correction by hand (the admin): its titles folded again, and the resolution put
    in the series they and its date now say."""
    for version in LanguageVersion.objects.filter(resolution=resolution).only("title", "title_key"):
        if version.title_key != (key := title_key(version.title)):
            version.title_key = key
            version.save(update_fields=["title_key"])
    place_in_series(resolution)


def resolution_deleted(sender, instance, **kwargs) -> None:
    """After a resolution is deleted (the admin): the series it was in regrouped without it,
    and gone when fewer than two are left."""
    if instance.series_id is not None:
        _regroup(
            Resolution.objects.filter(series_id=instance.series_id),
            Series,
            LanguageVersion,
            Citation,
        )
        Series.objects.filter(pk=instance.series_id, resolutions__isnull=True).delete()


def backfill(apps) -> None:
    """Put every stored Assembly resolution in its series (a migration's ``apps``: only the
    historical models' fields and default managers)."""
    Resolution = apps.get_model("resolutions", "Resolution")
    _regroup(
        Resolution.objects.filter(body=GENERAL_ASSEMBLY),
        apps.get_model("resolutions", "Series"),
        apps.get_model("resolutions", "LanguageVersion"),
        apps.get_model("resolutions", "Citation"),
    )


def _regroup(
    resolutions, series_model, version_model, citation_model, stored: int | None = None
) -> None:
    """Make the series of ``resolutions`` what the rule says, reading them (and their versions
    and opening citations) in three queries. ``resolutions`` must hold every member of any
    series one of them belongs to. The model classes are passed so that a migration's
    historical models serve as well."""
    rows = list(
        resolutions.values_list(
            "id",
            "symbol",
            "special_session",
            "session",
            "adopted_on",
            "number",
            "part",
            "series_id",
        )
    )
    if not rows:
        return
    candidates = {
        row[0]: Candidate(
            id=row[0],
            symbol=row[1],
            session=(row[2], row[3]),
            order=order_key(row[4], row[3], row[2], row[5], row[6]),
            titles={},
        )
        for row in rows
    }
    was_in = {row[0]: row[7] for row in rows}
    titles: dict[int, dict[str, str]] = {id_: {} for id_ in candidates}
    for resolution_id, language, key, title in version_model.objects.filter(
        resolution_id__in=resolutions.values("pk")
    ).values_list("resolution_id", "language", "title_key", "title"):
        candidates[resolution_id].titles[language] = key
        titles[resolution_id][language] = title
    for resolution_id, language, target in citation_model.objects.filter(
        paragraph__eid__in=OPENING_PARAGRAPHS,
        kind=RESOLUTION_CITATION,
        paragraph__version__resolution_id__in=resolutions.values("pk"),
        target_symbol__in=resolutions.values("symbol"),
    ).values_list(
        "paragraph__version__resolution_id",
        "paragraph__version__language",
        "target_symbol",
    ):
        candidates[resolution_id].recalls.append(Recall(target, language))

    found = groups(candidates.values())
    held = series_model.objects.filter(pk__in={s for s in was_in.values() if s})
    series = {row[0]: row[1:] for row in held.values_list("id", "title", "title_language")}
    before: dict[int, list[int]] = {series_id: [] for series_id in series}
    for candidate in sorted(candidates.values(), key=lambda c: c.order):
        if was_in[candidate.id] in before:
            before[was_in[candidate.id]].append(candidate.id)
    now = timezone.now()
    # A series keeps the row (and the slug) of the one that held most of its members before;
    # the largest series choose first.
    chosen: dict[int, int] = {}
    claimed: set[int] = set()
    for index in sorted(range(len(found)), key=lambda i: -len(found[i])):
        former = [
            was_in[c.id]
            for c in found[index]
            if was_in[c.id] in series and was_in[c.id] not in claimed
        ]
        if former:
            chosen[index] = max(set(former), key=lambda s: (former.count(s), -s))
            claimed.add(chosen[index])
    series_model.objects.filter(pk__in=set(series) - claimed).delete()
    for index, group in enumerate(found):
        member_ids = [c.id for c in group]
        language, title = preferred_title(titles[member_ids[-1]])
        series_id = chosen.get(index)
        if series_id is None:
            series_id = series_model.objects.create(
                slug=_free_slug(series_model, title), title=title, title_language=language
            ).pk
            changed = True
        else:
            changed = before[series_id] != member_ids or series[series_id] != (title, language)
            if changed:
                series_model.objects.filter(pk=series_id).update(
                    title=title, title_language=language, updated_at=now
                )
        if changed or stored in member_ids:
            # Every member's page shows the series' title and its neighbours: rendered again.
            resolutions.model.objects.filter(pk__in=member_ids).update(
                series_id=series_id, updated_at=now
            )
    grouped = {c.id for group in found for c in group}
    alone = [id_ for id_, series_id in was_in.items() if series_id and id_ not in grouped]
    if alone:
        resolutions.model.objects.filter(pk__in=alone).update(series_id=None, updated_at=now)


def _free_slug(series_model, title: str) -> str:
    """The series' URL name, from its title; numbered when another series has it."""
    base = slugify(title, allow_unicode=True)[:_SLUG_LENGTH].strip("-") or "series"
    taken = set(
        series_model.objects.filter(Q(slug=base) | Q(slug__startswith=f"{base}-")).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


# The fields ``resolution_order`` reads.
ORDER_FIELDS = ("adopted_on", "session", "special_session", "number", "part")


def resolution_order(resolution) -> tuple:
    """Where ``resolution`` stands in its series (``series_rule.order_key``)."""
    return order_key(
        resolution.adopted_on,
        resolution.session,
        resolution.special_session,
        resolution.number,
        resolution.part,
    )


def members(series) -> list:
    """The resolutions of ``series`` (a ``Series``) in the order they were adopted: by date
    (a resolution without one at the end of its session's year), then session and number."""
    return sorted(series.resolutions.all(), key=resolution_order)


def place_among(resolution, others) -> tuple:
    """(previous, next) of ``resolution`` among ``others`` (its series' members, itself
    included, in any order), each None at an end."""
    order = sorted(others, key=resolution_order)
    at = next((i for i, member in enumerate(order) if member.pk == resolution.pk), None)
    if at is None:
        return None, None
    return (
        order[at - 1] if at else None,
        order[at + 1] if at + 1 < len(order) else None,
    )


def neighbours(resolution) -> tuple:
    """The resolutions before and after ``resolution`` in its series: (previous, next), each
    None at an end or when it has no series."""
    if resolution.series_id is None:
        return None, None
    return place_among(resolution, resolution.series.resolutions.all())
