"""The importer: the one place that writes resolutions to the database.

``import_path`` takes a file through parse → validate → align → store, one transaction per
file, so a file is stored whole or not at all, whether it holds one resolution or several.
Re-importing a file whose bytes have not changed writes nothing; a changed file replaces its
language version. Citations point at the resolution they cite as soon as both are in the
archive, whichever arrived first.

Texts are repaired as they are read (``parsing.shared.repairs``). A word the OCR left
hyphenated is mended with the words of the whole archive as evidence, read when the first text
read by OCR is met: for a run of files (``RunWords``), the words stored and those of the run's
files not stored yet, so that importing files one at a time or all together mends them the same
way where the archive allows.

The importer knows nothing of what else the archive keeps: whoever imports passes ``on_stored``,
called with each language version once its file's transaction has committed (the import command
hands them to the search index that way).
"""

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.db import transaction
from django.db.models import Q

from .alignment import WARNING_PREFIX, Structure, disagreements, structure_of
from .models import (
    Citation,
    CitationKind,
    FootnoteReference,
    LanguageVersion,
)
from .parsing import (
    Issue,
    KnownWords,
    Metadata,
    ParsedResolution,
    ParseError,
    read_source,
    validate,
)
from .storing import MetadataConflict, store
from .vocabulary import archive_words

# Bounds far above any real UN text (the longest line of the corpus is under 2,000 bytes, a
# whole Official Records volume a few megabytes): a file past them is not a resolution, and
# parsing it could take minutes.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_LINE_BYTES = 64 * 1024

# Told of each stored language version and the id of the version it replaced, after the commit.
OnStored = Callable[["LanguageVersion", int | None], None]


class Status(StrEnum):
    IMPORTED = "imported"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass
class ImportResult:
    path: Path
    status: Status
    symbol: str = ""
    language: str = ""
    reason: str = ""
    issues: list[Issue] = field(default_factory=list)
    version: LanguageVersion | None = None  # what was stored, when the status says so
    replaced_id: int | None = None  # the language version it replaced


@dataclass
class FileImport:
    """What importing one file did: a result per resolution it holds (a single result when the
    file failed or was skipped as a whole) and what it left out (fragments of
    texts that begin or end outside it)."""

    path: Path
    results: list[ImportResult]
    left_out: list[Issue] = field(default_factory=list)


class RunWords:
    """The evidence for mending the texts of a run of files (pass it to ``import_path`` as
    ``known_words``), read once, when a text needs it: the words stored in the archive and those
    of the run's files from ``stored`` on, which the run has not stored yet (it sets ``stored``
    before each file). Whichever file comes first, every word of the run counts once."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        self.stored = 0
        self._words: KnownWords | None = None

    def __call__(self) -> KnownWords:
        if self._words is None:
            self._words = archive_words(self.paths[self.stored :], max_bytes=MAX_FILE_BYTES)
        return self._words


def import_file(path: Path, **options) -> ImportResult:
    """Import a file holding one resolution (see ``import_path`` for the options)."""
    (result,) = import_path(path, **options).results
    return result


def import_path(
    path: Path,
    *,
    language: str | None = None,
    lenient: bool = False,
    strict_alignment: bool = False,
    force: bool = False,
    on_stored: OnStored | None = None,
    known_words: Callable[[], KnownWords] | None = None,
    metadata: Metadata | None = None,
) -> FileImport:
    """Import one file, never raising for a bad one: the results say what went wrong.

    ``force`` replaces every text of the file even when its bytes are unchanged, so that texts
    imported by an earlier version of the parsers are parsed again (and reindexed).

    A file holding several resolutions (an Official Records extract) is stored whole or not at
    all, like any other file. Differences from another language version already in the archive
    are warnings, or make the file fail with ``strict_alignment``. Each version of a resolution
    carries in its warnings where all its versions differ (see ``realign``), so the report says
    the same whichever version arrived last.

    ``on_stored`` is called with each language version stored, once the file's transaction has
    committed; if it fails, the version stays stored and its result says what failed.

    ``known_words`` (see ``RunWords``) gives the evidence for mending words the OCR left
    hyphenated; without it, the words stored in the archive are read (one query), and only for
    a file that holds a text read by OCR.

    ``metadata`` gives the header facts of a file whose layout has none (``html``): such a file
    fails without it.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        failure = ImportResult(path, Status.FAILED, issues=[Issue(0, error.strerror or str(error))])
        return FileImport(path, [failure])
    if problem := _size_problem(data):
        return FileImport(path, [ImportResult(path, Status.FAILED, issues=[problem])])
    try:
        source = read_source(
            data,
            language=language,
            known_words=known_words or archive_words,
            metadata=metadata,
        )
    except ParseError as error:
        return FileImport(path, [ImportResult(path, Status.FAILED, issues=[error.issue])])
    if not source.documents:
        return FileImport(path, [ImportResult(path, Status.SKIPPED, reason=source.skip_reason)])
    digest = hashlib.sha256(data).hexdigest()
    plans = [
        _plan(
            path,
            parsed,
            digest,
            lenient=lenient,
            strict_alignment=strict_alignment,
            force=force,
        )
        for parsed in source.documents
    ]
    results = [plan.result for plan in plans]
    if any(result.status == Status.FAILED for result in results):
        for result in results:
            if result.status != Status.FAILED:
                result.status = Status.FAILED
                result.issues = [Issue(0, "not imported: another text in the file failed")]
        return FileImport(path, results, source.left_out)
    pending = [plan for plan in plans if plan.result.status == Status.IMPORTED]
    try:
        with transaction.atomic():
            stored = [
                store(
                    plan.parsed,
                    source_name=path.name,
                    source_sha256=digest,
                    source_text=source.text,
                    warnings=plan.result.issues,
                    lenient=lenient,
                )
                for plan in pending
            ]
            for symbol in dict.fromkeys(plan.parsed.symbol for plan in pending):
                # A lenient import may store less than it parsed: read its structure back.
                realign(symbol, [p for p in pending if p.parsed.symbol == symbol and not lenient])
    except MetadataConflict as conflict:
        for plan in pending:
            plan.result.status = Status.FAILED
            plan.result.issues = conflict.issues
        return FileImport(path, results, source.left_out)
    # After the commit, never inside it: nothing may hold what the database does not.
    for plan, version in zip(pending, stored, strict=True):
        result = plan.result
        result.status = Status.REPLACED if plan.replaced_id else Status.IMPORTED
        result.version, result.replaced_id = version, plan.replaced_id
        if on_stored is not None:
            try:
                on_stored(version, plan.replaced_id)
            except Exception as error:  # the database is right; what follows it lags behind
                result.issues = [*result.issues, Issue(0, f"stored, but {error}")]
    return FileImport(path, results, source.left_out)


def _size_problem(data: bytes) -> Issue | None:
    """Why the file is too large to be a resolution file, if it is."""
    if len(data) > MAX_FILE_BYTES:
        return Issue(
            0,
            f"the file is {len(data) / 2**20:.1f} MB; a resolution file is at most "
            f"{MAX_FILE_BYTES // 2**20} MB",
        )
    for number, line in enumerate(data.split(b"\n"), start=1):
        if len(line) > MAX_LINE_BYTES:
            return Issue(
                number,
                f"a line of {len(line):,} bytes; no resolution has a line over "
                f"{MAX_LINE_BYTES:,} bytes (is this a resolution file?)",
            )
    return None


@dataclass
class _Plan:
    parsed: ParsedResolution
    result: ImportResult
    replaced_id: int | None = None
    # The structure of every language version the resolution will have once this one is
    # stored, as read when the plan was made.
    structures: dict[str, Structure] = field(default_factory=dict)


def _plan(
    path: Path,
    parsed: ParsedResolution,
    digest: str,
    *,
    lenient: bool,
    strict_alignment: bool,
    force: bool = False,
) -> _Plan:
    """What to do with one parsed resolution: refuse it, leave it, or store it (with warnings)."""
    plan = _Plan(parsed, ImportResult(path, Status.FAILED, parsed.symbol, parsed.language))
    issues = validate(parsed)
    if issues and not lenient:
        plan.result.issues = issues
        return plan
    existing = LanguageVersion.objects.filter(
        resolution__symbol=parsed.symbol, language=parsed.language
    ).first()
    same_bytes = existing is not None and existing.source_sha256 == digest
    if same_bytes and not force:
        plan.result.status = Status.UNCHANGED
        return plan
    if existing and not same_bytes and existing.source_name != path.name:
        # Two files giving one resolution: a collection that files a text twice, or a number
        # misprinted in a header. The first file's text stays; the second is reported, with
        # whether it differs, and never replaces it silently.
        plan.result.status = Status.DUPLICATE
        difference = "the same text" if _same_text(parsed, existing) else "a different text"
        plan.result.issues = [
            Issue(
                0,
                f"{parsed.symbol} ({parsed.language}) is already in the archive from "
                f"{existing.source_name}; this file gives {difference} of it: not stored",
            )
        ]
        return plan
    plan.structures = _structures_with(parsed)
    mismatches = _alignment_warnings(plan.structures)
    if mismatches and strict_alignment:
        plan.result.issues = mismatches
        return plan
    plan.result.status = Status.IMPORTED
    plan.result.issues = [*issues, *parsed.repairs, *mismatches]
    plan.replaced_id = existing.id if existing else None
    return plan


def _same_text(parsed: ParsedResolution, version: LanguageVersion) -> bool:
    """Whether the stored version has exactly the parsed paragraphs and footnotes."""
    paragraphs = [(p.eid, p.text) for p in parsed.paragraphs]
    footnotes = [(f.marker, f.text) for f in parsed.footnotes]
    return paragraphs == list(
        version.paragraphs.order_by("position").values_list("eid", "text")
    ) and footnotes == list(version.footnotes.order_by("position").values_list("marker", "text"))


def alignment_issues(parsed: ParsedResolution) -> list[Issue]:
    """Where the parsed file and the other language versions already in the archive differ,
    each place once, with the languages grouped by what they have there."""
    return _alignment_warnings(_structures_with(parsed))


def _structures_with(parsed: ParsedResolution) -> dict[str, Structure]:
    """The structures of the resolution's versions, the parsed one in place of any stored in
    its language."""
    others = LanguageVersion.objects.filter(resolution__symbol=parsed.symbol).exclude(
        language=parsed.language
    )
    return {
        **{other.language: stored_structure(other) for other in others},
        parsed.language: structure_of(parsed),
    }


def _alignment_warnings(structures: dict[str, Structure]) -> list[Issue]:
    return [Issue(0, f"{WARNING_PREFIX}{found}") for found in disagreements(structures)]


def realign(symbol: str, plans: Sequence[_Plan] = ()) -> None:
    """Write where the language versions of ``symbol`` differ into the warnings of every one
    of them, in place of what they said before, so that a version stored or replaced changes
    the report of the others too. Call in the transaction that stored it: ``plans`` are those
    of the versions it stored, whose structures spare reading the others again when no other
    version arrived in between."""
    versions = list(
        LanguageVersion.objects.filter(resolution__symbol=symbol).only("language", "warnings")
    )
    languages = {version.language for version in versions}
    if len(plans) == 1 and set(plans[0].structures) == languages:
        structures = plans[0].structures
    else:
        structures = {version.language: stored_structure(version) for version in versions}
    report = [
        {"line": issue.line, "message": issue.message} for issue in _alignment_warnings(structures)
    ]
    for version in versions:
        warnings = [
            *(w for w in version.warnings if not w["message"].startswith(WARNING_PREFIX)),
            *report,
        ]
        if warnings != version.warnings:
            LanguageVersion.objects.filter(pk=version.pk).update(warnings=warnings)


def stored_structure(version: LanguageVersion) -> Structure:
    """The structure of a stored language version, read in four queries."""
    paragraphs = tuple(
        (eid, kind, label, parent or "")
        for eid, kind, label, parent in version.paragraphs.order_by("position").values_list(
            "eid", "kind", "label", "parent__eid"
        )
    )
    footnotes: dict[str, list[str]] = {
        marker: [] for marker in version.footnotes.values_list("marker", flat=True)
    }
    for marker, eid in (
        FootnoteReference.objects.filter(paragraph__version=version)
        .values_list("footnote__marker", "paragraph__eid")
        .order_by("paragraph__position", "offset")
    ):
        footnotes[marker].append(eid)
    citations: dict[str, set[str]] = {}
    for paragraph_eid, footnote_eid, target in Citation.objects.filter(
        Q(paragraph__version=version) | Q(footnote__version=version), kind=CitationKind.RESOLUTION
    ).values_list("paragraph__eid", "footnote__eid", "target_symbol"):
        citations.setdefault(paragraph_eid or footnote_eid, set()).add(target)
    return Structure(
        paragraphs=paragraphs,
        footnotes={marker: tuple(eids) for marker, eids in footnotes.items()},
        citations={eid: frozenset(targets) for eid, targets in citations.items()},
    )
