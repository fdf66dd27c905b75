"""Lining up the language versions of one resolution, paragraph by paragraph.

Every language version of a resolution has the same structure: the same preambular and operative
paragraphs under the same eids, the same footnotes referenced from the same paragraphs, the same
resolutions cited from the same places. The side-by-side view and language switching stand on
that, and a difference almost always means that one of the files was read wrongly (a paragraph
split in two, a footnote marker missed) or that the texts themselves differ (a translation that
runs two preambular paragraphs into one), so the importer reports every difference.

``compare`` words the differences between two versions from one side; ``disagreements`` looks at
all of a resolution's versions at once and says where they differ, each place once, with the
languages grouped by what they have there.

Plain Python: the importer builds a ``Structure`` from a parsed file and from a stored version.
"""

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

from .languages import LANGUAGE_ORDER, LANGUAGES
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


# Six versions compared at once -------------------------------------------------------------
#
# Comparing each version with every other one pair by pair reports one difference fifteen times
# over, worded fifteen ways. ``disagreements`` looks at every version at once instead: for each
# place where they differ it groups the languages by what they have there, the largest group
# first (ties go to the language that comes first in the archive's order), and says once how
# the others depart from it.

PREAMBLE = "preamble"
# What begins a version's warning that says where the versions differ.
WARNING_PREFIX = "alignment: "


def alignment_notes(warnings: list[dict]) -> list[str]:
    """What a version's stored warnings say about where the language versions differ."""
    return [
        w["message"].removeprefix(WARNING_PREFIX)
        for w in warnings
        if w.get("message", "").startswith(WARNING_PREFIX)
    ]


@dataclass(frozen=True)
class Group:
    """Some language versions that agree at one place: what they have there (``what``), and
    how that departs from the largest group (``note``, empty for the largest group itself)."""

    what: str
    languages: tuple[str, ...]
    note: str = ""

    def __str__(self) -> str:
        said = f"{self.what} in {', '.join(self.languages)}"
        return f"{said} ({self.note})" if self.note else said


@dataclass(frozen=True)
class Disagreement:
    """One place where the language versions of a resolution differ: a part of the text (the
    preamble, or an operative paragraph with its sub-items), a paragraph, a footnote, or the
    order of the paragraphs, with the eids that some versions lack or have differently."""

    subject: str
    groups: tuple[Group, ...]
    eids: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.subject}: {'; '.join(str(group) for group in self.groups)}"


def disagreements(structures: Mapping[str, Structure]) -> list[Disagreement]:
    """Where the language versions (``structures`` by language) differ, in document order; an
    empty list when they line up. Which version arrived first changes nothing."""
    if len(structures) < 2:
        return []
    languages = sorted(structures, key=_language_order)
    order = _merged_order([[p[0] for p in structures[lang].paragraphs] for lang in languages])
    shapes = {
        lang: {eid: (kind, label, parent) for eid, kind, label, parent in s.paragraphs}
        for lang, s in structures.items()
    }
    parts = _parts(shapes, languages, order)
    found: list[Disagreement] = []
    for part, eids in _by_part(parts, order).items():
        if difference := _part_difference(part, eids, shapes, languages):
            found.append(difference)
        found += filter(None, (_shape_difference(eid, shapes, languages) for eid in eids))
    if difference := _order_difference(structures, languages):
        found.append(difference)
    found += _footnote_disagreements(structures, languages)
    found += _citation_disagreements(structures, shapes, languages, order)
    return found


def _language_order(language: str) -> tuple[int, str]:
    position = LANGUAGE_ORDER.index(language) if language in LANGUAGE_ORDER else len(LANGUAGES)
    return position, language


def _grouped(values: Mapping[str, Hashable], languages: list[str]) -> list[tuple]:
    """(value, languages) for each value of ``values`` (by language), the value most
    languages share first, ties to the value of the language first in ``languages``."""
    groups: dict[Hashable, list[str]] = {}
    for lang in languages:
        if lang in values:
            groups.setdefault(values[lang], []).append(lang)
    return sorted(
        ((value, tuple(langs)) for value, langs in groups.items()),
        key=lambda group: (-len(group[1]), languages.index(group[1][0])),
    )


def _merged_order(sequences: list[list[str]]) -> list[str]:
    """Every eid of the sequences once, each placed after the eid it follows where it occurs."""
    merged: list[str] = []
    seen: set[str] = set()
    for sequence in sequences:
        after = -1
        for eid in sequence:
            if eid in seen:
                after = merged.index(eid)
                continue
            after += 1
            merged.insert(after, eid)
            seen.add(eid)
    return merged


def _top(eid: str, shape: dict[str, tuple[str, str, str]]) -> str:
    """The paragraph at the top of ``eid``'s tree (itself when it has no parent)."""
    seen = {eid}
    while (parent := shape[eid][2]) and parent in shape and parent not in seen:
        eid = parent
        seen.add(eid)
    return eid


def _parts(shapes: dict, languages: list[str], order: list[str]) -> dict[str, str]:
    """The part of the text each eid belongs to, as most versions place it: the preamble, or
    the top-level paragraph it is (or is under)."""
    parts = {}
    for eid in order:
        placed = {}
        for lang in languages:
            shape = shapes[lang]
            if eid in shape:
                top = _top(eid, shape)
                placed[lang] = PREAMBLE if shape[top][0] == "preambular" else top
        parts[eid] = _grouped(placed, languages)[0][0]
    return parts


def _by_part(parts: dict[str, str], order: list[str]) -> dict[str, list[str]]:
    by_part: dict[str, list[str]] = {}
    for eid in order:
        by_part.setdefault(parts[eid], []).append(eid)
    return by_part


def _part_difference(part, eids, shapes, languages) -> Disagreement | None:
    """The paragraphs some versions have in ``part`` and others lack, counted."""
    held = {lang: frozenset(e for e in eids if e in shapes[lang]) for lang in languages}
    groups = _grouped(held, languages)
    if len(groups) == 1:
        return None
    largest = groups[0][0]
    said, concerned = [], set()
    for position, (have, langs) in enumerate(groups):
        missing = [e for e in eids if e in largest and e not in have]
        extra = [e for e in eids if e in have and e not in largest]
        concerned.update(missing, extra)
        notes = [f"{', '.join(missing)} missing"] if missing else []
        notes += [f"{', '.join(extra)} extra"] if extra else []
        count = str(len(have))
        if not position:
            count += " paragraph" if len(have) == 1 else " paragraphs"
        said.append(Group(count, langs, "; ".join(notes)))
    return Disagreement(part, tuple(said), tuple(e for e in eids if e in concerned))


def _shape_difference(eid, shapes, languages) -> Disagreement | None:
    """How the versions that have ``eid`` differ on what it is (its kind, label or parent)."""
    groups = _grouped(
        {lang: shapes[lang][eid] for lang in languages if eid in shapes[lang]}, languages
    )
    if len(groups) == 1:
        return None
    return Disagreement(
        eid, tuple(Group(_describe(*shape), langs) for shape, langs in groups), (eid,)
    )


def _order_difference(structures, languages) -> Disagreement | None:
    """Whether the paragraphs every version has come in another order in some versions."""
    everywhere = set.intersection(
        *({p[0] for p in structures[lang].paragraphs} for lang in languages)
    )
    sequences = {
        lang: tuple(p[0] for p in structures[lang].paragraphs if p[0] in everywhere)
        for lang in languages
    }
    groups = _grouped(sequences, languages)
    if len(groups) == 1:
        return None
    return Disagreement(
        "paragraph order",
        tuple(
            Group("another" if index else "one", langs) for index, (_, langs) in enumerate(groups)
        ),
    )


def _footnote_disagreements(structures, languages) -> list[Disagreement]:
    markers = set().union(*(structures[lang].footnotes for lang in languages))
    found = []
    for marker in sorted(markers, key=_marker_order):
        references = {lang: structures[lang].footnotes.get(marker) for lang in languages}
        groups = _grouped(references, languages)
        if len(groups) == 1:
            continue
        said, first = [], True
        for eids, langs in groups:
            if eids is None:
                said.append(Group("not", langs))
                continue
            said.append(Group(f"{'referenced ' if first else ''}from {_eids(eids)}", langs))
            first = False
        concerned = {eid for eids, _ in groups if eids for eid in eids}
        found.append(Disagreement(f"footnote {marker}", tuple(said), tuple(sorted(concerned))))
    return found


def _citation_disagreements(structures, shapes, languages, order) -> list[Disagreement]:
    """Differences in what a paragraph or footnote cites, among the versions that have it."""
    owners = set().union(*(structures[lang].citations for lang in languages))
    position = {eid: index for index, eid in enumerate(order)}
    found = []
    for owner in sorted(owners, key=lambda eid: (position.get(eid, len(order)), eid)):
        cited = {
            lang: structures[lang].citations.get(owner, frozenset())
            for lang in languages
            if owner in shapes[lang] or owner.removeprefix("fn_") in structures[lang].footnotes
        }
        groups = _grouped(cited, languages)
        if len(groups) > 1:
            said = tuple(
                Group(f"{'cites ' if not index else ''}{_symbols(symbols)}", langs)
                for index, (symbols, langs) in enumerate(groups)
            )
            found.append(Disagreement(owner, said, (owner,)))
    return found
