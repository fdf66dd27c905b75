"""Finding resolutions: the home page and the lists by Assembly session and Council year."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from resolutions.bodies import BODIES, parse_session_key, session_key
from resolutions.languages import LANGUAGES
from resolutions.models import Body, LanguageVersion, Resolution

PAGE_SIZE = 50
ORDERS = {
    "number": ["special_session", "session", "year", "number", "part"],
    "date": ["adopted_on", "number", "part"],
}
ASSEMBLY, COUNCIL = BODIES[Body.GENERAL_ASSEMBLY], BODIES[Body.SECURITY_COUNCIL]


@dataclass
class Group:
    """One Assembly session or Council year, with how many resolutions it holds."""

    label: str
    detail: str
    count: int
    url: str


def session_label(session: int, special: str) -> tuple[str, str]:
    """(第 76 届会议, 76th session) and the same for special and emergency special sessions."""
    kind = {"": "", "S": "特别", "ES": "紧急特别"}[special]
    kind_en = {"": "", "S": "special ", "ES": "emergency special "}[special]
    return f"第 {session} 届{kind}会议", f"{kind_en}session {session_key(session, special)}"


def assembly_sessions() -> list[Group]:
    rows = (
        Resolution.objects.general_assembly()
        .values("special_session", "session")
        .annotate(total=Count("id"))
        .order_by("-session", "special_session")
    )
    groups = []
    for row in rows:
        label, detail = session_label(row["session"], row["special_session"])
        key = session_key(row["session"], row["special_session"])
        url = reverse("resolutions:ga_session", kwargs={"session": key})
        groups.append(Group(label, detail, row["total"], url))
    return groups


def council_years() -> list[Group]:
    rows = (
        Resolution.objects.security_council()
        .values("year")
        .annotate(total=Count("id"))
        .order_by("-year")
    )
    return [
        Group(
            f"{row['year']} 年",
            str(row["year"]),
            row["total"],
            reverse("resolutions:sc_year", kwargs={"year": row["year"]}),
        )
        for row in rows
    ]


def _with_versions(queryset):
    return queryset.prefetch_related(
        Prefetch("versions", queryset=LanguageVersion.objects.in_language_order())
    )


# The home page's counts: 大会决议, 安理会决议.
BODY_NAMES = {code: f"{names.zh_short}决议" for code, names in BODIES.items()}


@dataclass
class ResolutionRow:
    """A resolution in a list, with the version whose title the row shows."""

    resolution: Resolution
    versions: list[LanguageVersion]
    shown: LanguageVersion | None


def resolution_rows(resolutions, language: str = "") -> list[ResolutionRow]:
    """Each resolution with its version in ``language``, or its first, to show."""
    rows = []
    for resolution in resolutions:
        versions = list(resolution.versions.all())
        shown = next(
            (v for v in versions if v.language == language), versions[0] if versions else None
        )
        rows.append(ResolutionRow(resolution, versions, shown))
    return rows


def home(request):
    bodies = dict(Resolution.objects.values_list("body").annotate(Count("id")))
    languages = dict(LanguageVersion.objects.values_list("language").annotate(Count("id")))
    context = {
        "body_counts": [
            (BODY_NAMES[code], label, bodies.get(code, 0)) for code, label in Body.choices
        ],
        "language_counts": [
            (code, name, languages[code]) for code, name in LANGUAGES.items() if code in languages
        ],
        "sessions": assembly_sessions(),
        "years": council_years(),
        # Undated resolutions have no place among the most recent: they come last, if at all.
        "recent": resolution_rows(
            _with_versions(
                Resolution.objects.order_by(F("adopted_on").desc(nulls_last=True), "-id")
            )[:10]
        ),
    }
    return render(request, "resolutions/home.html", context)


def ga_sessions(request):
    return render(
        request,
        "resolutions/groups.html",
        {
            "heading": f"{ASSEMBLY.zh}决议",
            "heading_detail": f"{ASSEMBLY.en} resolutions",
            "groups": assembly_sessions(),
        },
    )


def sc_years(request):
    return render(
        request,
        "resolutions/groups.html",
        {
            "heading": f"{COUNCIL.zh}决议",
            "heading_detail": f"{COUNCIL.en} resolutions",
            "groups": council_years(),
        },
    )


def ga_session(request, session: str):
    if (parsed := parse_session_key(session.upper())) is None:
        raise Http404("No such session")
    number, special = parsed
    label, detail = session_label(number, special)
    queryset = Resolution.objects.general_assembly().filter(session=number, special_session=special)
    return resolution_list(request, queryset, f"{ASSEMBLY.zh}{label}", f"{ASSEMBLY.en}, {detail}")


def sc_year(request, year: int):
    queryset = Resolution.objects.security_council().filter(year=year)
    return resolution_list(
        request, queryset, f"{COUNCIL.zh} {year} 年决议", f"{COUNCIL.en} resolutions of {year}"
    )


def resolution_list(request, queryset, heading: str, heading_detail: str, parent=None):
    """A page of ``queryset``'s resolutions, by number or date, in a language; ``parent``
    (Chinese, English, URL) is the page above it in the breadcrumbs."""
    language = request.GET.get("lang", "")
    if language not in LANGUAGES:
        language = ""
    order = request.GET.get("order", "number")
    if order not in ORDERS:
        order = "number"
    # The language filter offers the languages this list holds, and the one asked for.
    held = set(
        LanguageVersion.objects.filter(resolution__in=queryset)
        .values_list("language", flat=True)
        .distinct()
    )
    languages = {code: name for code, name in LANGUAGES.items() if code in held or code == language}
    if language:
        queryset = queryset.filter(versions__language=language)
    page = Paginator(_with_versions(queryset.order_by(*ORDERS[order])), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    if not page.paginator.count and not language:
        raise Http404("No resolutions in this group")
    page.object_list = resolution_rows(page.object_list, language)
    return render(
        request,
        "resolutions/list.html",
        {
            "heading": heading,
            "heading_detail": heading_detail,
            "parent": parent,
            "page": page,
            "language": language,
            "order": order,
            "languages": languages,
            # Pagination links keep the filters.
            "query_base": urlencode({k: v for k, v in (("lang", language), ("order", order)) if v}),
        },
    )
