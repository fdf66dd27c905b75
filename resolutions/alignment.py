"""Lining up two language versions of one resolution, paragraph by paragraph.

Every language version of a resolution has the same structure: the same preambular and operative
paragraphs under the same eids, the same footnotes referenced from the same paragraphs, the same
resolutions cited from the same places. The side-by-side view and language switching stand on
that, and a difference almost always means that one of the two files was read wrongly (a
paragraph split in two, a footnote marker missed), so the importer reports every difference.

Plain Python: the importer builds a ``Structure`` from a parsed file and from a stored version.
"""

from collections import Counter
from dataclasses import dataclass, field

from .parsing.document import ParsedResolution


@dataclass(frozen=True)
class Structure:
    """What must be the same in every language version of one resolution."""

    # (eid, kind, label, parent eid) in document order.
    paragraphs: tuple[tuple[str, str, str, str], ...]
    # Footnote marker → eids of the paragraphs that reference it, in order.
    footnotes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # eid of a paragraph or footnote → the resolutions it cites.
    citations: dict[str, frozenset[str]] = field(default_factory=dict)


def structure_of(parsed: ParsedResolution) -> Structure:
    """The structure of a parsed file."""
    references: dict[str, list[str]] = {note.marker: [] for note in parsed.footnotes}
    for paragraph in parsed.paragraphs:
        for ref in paragraph.footnote_refs:
            references.setdefault(ref.marker, []).append(paragraph.eid)
    cited = {
        owner.eid: frozenset(span.target for span in owner.citations if span.kind == "resolution")
        for owner in [*parsed.paragraphs, *parsed.footnotes]
    }
    return Structure(
        paragraphs=tuple(
            (p.eid, p.kind, p.label or "", p.parent_eid or "") for p in parsed.paragraphs
        ),
        footnotes={marker: tuple(eids) for marker, eids in references.items()},
        citations={eid: targets for eid, targets in cited.items() if targets},
    )


def compare(this: Structure, other: Structure, other_language: str) -> list[str]:
    """Every difference between this version and the ``other_language`` version, worded from
    this version's side; an empty list when they line up."""
    return [
        *_paragraph_differences(this, other, other_language),
        *_footnote_differences(this, other, other_language),
        *_citation_differences(this, other, other_language),
    ]


def _counts(structure: Structure) -> str:
    kinds = Counter(kind for _, kind, _, _ in structure.paragraphs)
    return (
        f"{kinds['preambular']} preambular, {kinds['operative']} operative, "
        f"{kinds['subparagraph']} sub-items, {kinds['other']} other"
    )


def _paragraph_differences(this: Structure, other: Structure, language: str) -> list[str]:
    differences = []
    if _counts(this) != _counts(other):
        differences.append(f"paragraphs: {_counts(this)} here; {_counts(other)} in {language}")
    theirs = {eid: (kind, label, parent) for eid, kind, label, parent in other.paragraphs}
    ours = {eid for eid, _, _, _ in this.paragraphs}
    for eid, kind, label, parent in this.paragraphs:
        if eid not in theirs:
            differences.append(f"{eid} is not in the {language} version")
        elif (kind, label, parent) != theirs[eid]:
            differences.append(
                f"{eid} is {_describe(kind, label, parent)} here "
                f"but {_describe(*theirs[eid])} in {language}"
            )
    differences += [
        f"{eid} of the {language} version is missing here"
        for eid, _, _, _ in other.paragraphs
        if eid not in ours
    ]
    if not differences and [p[0] for p in this.paragraphs] != [p[0] for p in other.paragraphs]:
        differences.append(f"the paragraphs are in a different order than in {language}")
    return differences


def _describe(kind: str, label: str, parent: str) -> str:
    described = f"{kind} ({label})" if label else kind
    return f"{described} under {parent}" if parent else described


def _footnote_differences(this: Structure, other: Structure, language: str) -> list[str]:
    differences = []
    for marker in sorted(this.footnotes.keys() | other.footnotes.keys(), key=_marker_order):
        if marker not in other.footnotes:
            differences.append(f"footnote {marker} is not in the {language} version")
        elif marker not in this.footnotes:
            differences.append(f"footnote {marker} of the {language} version is missing here")
        elif this.footnotes[marker] != other.footnotes[marker]:
            differences.append(
                f"footnote {marker} is referenced from {_eids(this.footnotes[marker])} here "
                f"but from {_eids(other.footnotes[marker])} in {language}"
            )
    return differences


def _marker_order(marker: str) -> tuple[int, str]:
    return (int(marker), "") if marker.isdigit() else (0, marker)


def _eids(eids: tuple[str, ...]) -> str:
    return ", ".join(eids) if eids else "nowhere"


def _citation_differences(this: Structure, other: Structure, language: str) -> list[str]:
    differences = []
    for eid in sorted(this.citations.keys() | other.citations.keys()):
        ours, theirs = this.citations.get(eid, frozenset()), other.citations.get(eid, frozenset())
        if ours != theirs:
            differences.append(
                f"{eid} cites {_symbols(ours)} here but {_symbols(theirs)} in {language}"
            )
    return differences


def _symbols(symbols: frozenset[str]) -> str:
    return ", ".join(sorted(symbols)) if symbols else "nothing"
