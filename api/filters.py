"""The filters of the resolution list, read from the query string: body, session, year,
language and a symbol, each checked so that a value the archive cannot hold is a 400."""

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from resolutions.bodies import parse_session_key
from resolutions.languages import LANGUAGES
from resolutions.models import Body, LanguageVersion, Resolution
from resolutions.symbols import canonical_symbol

from .http import BadParameter, single_value
from .pagination import whole_number

FIRST_YEAR, LAST_YEAR = 1946, 2099
MAX_SYMBOL_QUERY = 64
# Newest first: by adoption date, then by number for resolutions adopted the same day.
NEWEST_FIRST = [
    F("adopted_on").desc(nulls_last=True),
    F("year").desc(nulls_last=True),
    F("session").desc(nulls_last=True),
    "-number",
    "part",
    "-id",
]


def filtered_resolutions(params) -> QuerySet[Resolution]:
    """The resolutions the query string asks for, in no particular order."""
    resolutions = Resolution.objects.all()
    if (body := single_value(params, "body")) is not None:
        if body not in Body.values:
            raise BadParameter(
                "body", "body must be GA (General Assembly) or SC (Security Council)"
            )
        resolutions = resolutions.filter(body=body)
    if (session := single_value(params, "session")) is not None:
        if (parsed := parse_session_key(session)) is None:
            raise BadParameter("session", "session must be an Assembly session: 76, ES-11 or S-27")
        number, special = parsed
        resolutions = resolutions.general_assembly().filter(session=number, special_session=special)
    if (year := whole_number(params, "year", None, FIRST_YEAR, LAST_YEAR)) is not None:
        # A Council resolution carries its year in its symbol; an Assembly one has its date.
        resolutions = resolutions.filter(Q(year=year) | Q(year__isnull=True, adopted_on__year=year))
    if (language := single_value(params, "language")) is not None:
        if language not in LANGUAGES:
            raise BadParameter("language", f"language must be one of {', '.join(LANGUAGES)}")
        # A subquery, not a join: the list's other columns still see every version.
        resolutions = resolutions.filter(
            Exists(LanguageVersion.objects.filter(resolution=OuterRef("pk"), language=language))
        )
    if text := (single_value(params, "q") or "").strip():
        if len(text) > MAX_SYMBOL_QUERY:
            raise BadParameter(
                "q", f"q is a symbol or part of one: {MAX_SYMBOL_QUERY} characters at most"
            )
        if "\x00" in text:  # PostgreSQL text cannot hold it, so no symbol does
            return resolutions.none()
        canonical = canonical_symbol(text)
        resolutions = (
            resolutions.filter(symbol=canonical)
            if canonical
            else resolutions.filter(symbol__icontains=text)
        )
    return resolutions
