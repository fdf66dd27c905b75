"""When the data behind a response last changed: the validators of the API's conditional GETs.

Each function reads only timestamps and counts, so a client revalidating an unchanged
resource costs one or two small queries and no export.

A language version's JSON changes when the version is imported again or corrected (its
``imported_at``), when the resolution's metadata changes (``updated_at``), when another
language version arrives or changes (its ``languages``), and when a resolution it cites enters
the archive (its citations become ``resolved``: that resolution's ``created_at``).
"""

from django.db.models import Count, Max, Q
from django.http import Http404

from resolutions.citations.links import document_service_url
from resolutions.languages import LANGUAGES
from resolutions.models import Citation, LanguageVersion

from .http import Validators


class NotInArchive(Http404):
    """A symbol the archive holds no resolution for (yet)."""

    def __init__(self, symbol: str):
        super().__init__(
            f"{symbol} is not in the archive; the UN's document service has it: "
            f"{document_service_url(symbol)}"
        )


def _newest(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


def list_validators(resolutions, params) -> tuple[int, Validators]:
    """How many resolutions the filtered list holds, and its validators."""
    state = resolutions.aggregate(
        resolution_count=Count("id", distinct=True),
        version_count=Count("versions", distinct=True),
        updated=Max("updated_at"),
        imported=Max("versions__imported_at"),
    )
    validators = Validators.of(
        sorted(params.lists()),
        state["resolution_count"],
        state["version_count"],
        last_modified=_newest(state["updated"], state["imported"]),
    )
    return state["resolution_count"], validators


def resolution_validators(resolution) -> Validators:
    """For a resolution fetched with its versions."""
    versions = [(v.language, v.imported_at) for v in resolution.versions.all()]
    return Validators.of(
        resolution.symbol,
        versions,
        last_modified=_newest(resolution.updated_at, *(moment for _, moment in versions)),
    )


def version_validators(symbol: str, language: str, language_imports: bool = False) -> Validators:
    """For the version of ``symbol`` in ``language`` and everything read from it; 404 when the
    archive lacks the resolution or that version. With ``language_imports``, also for every
    text in that language (a paragraph's agreed-language trail)."""
    versions = list(
        LanguageVersion.objects.filter(resolution__symbol=symbol)
        .order_by("language")
        .values_list("id", "language", "imported_at", "resolution__updated_at")
    )
    if not versions:
        raise NotInArchive(symbol)
    version_id = next((row[0] for row in versions if row[1] == language), None)
    if version_id is None:
        available = ", ".join(row[1] for row in versions)
        raise Http404(f"{symbol} has no {LANGUAGES[language]} version; it has: {available}")
    citations = Citation.objects.filter(
        Q(paragraph__version_id=version_id) | Q(footnote__version_id=version_id)
    ).aggregate(resolved=Count("target"), arrived=Max("target__created_at"))
    state = [[row[:3] for row in versions], citations["resolved"]]
    latest = None
    if language_imports:
        latest = LanguageVersion.objects.filter(language=language).aggregate(
            latest=Max("imported_at")
        )["latest"]
        state.append(latest)
    return Validators.of(
        *state,
        last_modified=_newest(
            versions[0][3], citations["arrived"], latest, *(row[2] for row in versions)
        ),
    )
