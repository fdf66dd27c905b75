"""Comparing stored texts: two language versions, or a resolution and the previous one of its
series (``resolutions.changes`` does the comparing)."""

from .changes import Comparison, Passage, compare
from .models import LanguageVersion, Paragraph


def passages(version: LanguageVersion) -> list[Passage]:
    """The version's paragraphs as compared, in document order: one query."""
    rows = Paragraph.objects.filter(version=version).order_by("position")
    return [
        Passage(eid, text, label, kind)
        for eid, text, label, kind in rows.values_list("eid", "text", "label", "kind")
    ]


def passages_of(versions) -> dict[int, list[Passage]]:
    """The paragraphs of each of ``versions`` as compared, by version id: one query however
    many versions."""
    found: dict[int, list[Passage]] = {version.pk: [] for version in versions}
    rows = Paragraph.objects.filter(version__in=list(found)).order_by("version", "position")
    for version_id, eid, text, label, kind in rows.values_list(
        "version_id", "eid", "text", "label", "kind"
    ):
        found[version_id].append(Passage(eid, text, label, kind))
    return found


def compare_versions(old: LanguageVersion, new: LanguageVersion) -> Comparison:
    """What changed from ``old`` to ``new`` (two versions in one language, as a rule)."""
    return compare(passages(old), passages(new), new.language)
