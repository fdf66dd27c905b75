"""The API's endpoints, all read-only: resolutions (a filtered list, one resolution, one language
version, one paragraph or footnote), full-text search and the OpenAPI description.

Views stay thin: parameters are checked in ``filters`` and by the search form (``search.forms``),
validators come from ``freshness``, and the JSON shapes from ``representations``.
"""

from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, get_script_prefix, resolve, reverse
from django.utils.encoding import escape_uri_path

from resolutions.agreed import trail
from resolutions.citations.links import symbol_url
from resolutions.citations.resolving import citation_in_query
from resolutions.exports import export_version
from resolutions.models import Footnote, LanguageVersion, Paragraph, Resolution
from resolutions.symbols import split_symbol_path
from search.forms import SearchForm
from search.service import PAGE_SIZE as SEARCH_PAGE_SIZE
from search.service import run_search, search_payload

from . import openapi, representations
from .agreed import agreed_language
from .filters import NEWEST_FIRST, filtered_resolutions
from .freshness import NotInArchive, list_validators, resolution_validators, version_validators
from .http import RETRY_AFTER, BadParameter, api_view, error_response, json_response
from .pagination import MAX_PER_PAGE, Page, link_header, whole_number
from .series import series_members_prefetch


def _versions_in_language_order():
    # The kept source is by far the largest column and no API response shows it.
    return Prefetch(
        "versions", queryset=LanguageVersion.objects.defer("source_text").in_language_order()
    )


@api_view
def index(request):
    """Where to start: the resources, their description and its page for people (/api/)."""
    return json_response(
        {
            "links": {
                "resolutions": representations.api_url(request, "resolutions"),
                "search": representations.api_url(request, "search"),
                "resolve": representations.api_url(request, "resolve"),
                "openapi": representations.api_url(request, "openapi"),
                "documentation": request.build_absolute_uri(reverse("api_docs")),
            }
        }
    )


@api_view
def openapi_document(request):
    return json_response(openapi.document())


@api_view
def resolution_list(request):
    """Resolutions, newest first, filtered by body, session, year, language or symbol."""
    page = Page.from_request(request)
    resolutions = filtered_resolutions(request.GET)
    page.count, validators = list_validators(resolutions, request.GET)
    if page.number > page.pages:
        raise Http404(f"There is no page {page.number}: the last page is {page.pages}")
    if not_modified := validators.not_modified(request):
        return not_modified
    rows = resolutions.order_by(*NEWEST_FIRST).prefetch_related(_versions_in_language_order())
    language = request.GET.get("language", "")
    links = page.links(request)
    response = json_response(
        {
            "count": page.count,
            "page": page.number,
            "pages": page.pages,
            "per_page": page.per_page,
            "links": links,
            "results": [
                representations.resolution_summary(request, resolution, language)
                for resolution in rows[page.offset : page.offset + page.per_page]
            ],
        }
    )
    response["Link"] = link_header(links)
    return validators.stamp(response)


@api_view
def resolution(request, symbol: str):
    """A resolution's metadata and its language versions."""
    found = (
        Resolution.objects.filter(symbol=symbol)
        .select_related("series")
        .prefetch_related(_versions_in_language_order(), series_members_prefetch())
    )
    resolution = next(iter(found), None)
    if resolution is None:
        raise NotInArchive(symbol)
    validators = resolution_validators(resolution)
    if not_modified := validators.not_modified(request):
        return not_modified
    return validators.stamp(json_response(representations.resolution_detail(request, resolution)))


def _exported(symbol: str, language: str) -> tuple[LanguageVersion, dict]:
    version = LanguageVersion.objects.with_contents().get(
        resolution__symbol=symbol, language=language
    )
    return version, export_version(version)


@api_view
def version(request, symbol: str, language: str):
    """One language version: the export format, with links."""
    validators = version_validators(symbol, language)
    if not_modified := validators.not_modified(request):
        return not_modified
    version, export = _exported(symbol, language)
    return validators.stamp(
        json_response(representations.version_document(request, version, export))
    )


@api_view
def element(request, symbol: str, language: str, eid: str):
    """One paragraph or footnote of a language version, with its permalink."""
    validators = version_validators(symbol, language, language_imports=True)
    where = {"version__resolution__symbol": symbol, "version__language": language, "eid": eid}
    paragraph = Paragraph.objects.filter(**where).only("id", "text", "text_bands").first()
    if paragraph is None and not Footnote.objects.filter(**where).exists():
        raise Http404(f"{symbol} ({language}) has no paragraph or footnote {eid}")
    if not_modified := validators.not_modified(request):
        return not_modified
    version, export = _exported(symbol, language)
    document = representations.element_document(request, version, export, eid)
    document["agreed_language"] = agreed_language(request, paragraph and trail(paragraph, language))
    return validators.stamp(json_response(document))


@api_view
def search(request):
    """The search page's results and facets as JSON (its ``format=json``), with page links;
    the parameters are the search form's, and the first it refuses is a 400."""
    form = SearchForm(request.GET, query_required=True)
    if refused := form.first_error():
        raise BadParameter(*refused)
    per_page = whole_number(request.GET, "per_page", SEARCH_PAGE_SIZE, 1, MAX_PER_PAGE)
    query, filters, sort, number = form.search_arguments()
    # A citation is named first and searched as its resolution's symbol, as on the page.
    citation = citation_in_query(query)
    outcome = run_search(citation.symbol if citation else query, filters, sort, number, per_page)
    if outcome.unavailable:
        response = error_response(503, "search index unavailable")
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    payload = {
        "citation": citation and citation.summary(),
        **search_payload(outcome, symbol_url(outcome.symbol) if outcome.symbol else None),
    }
    for hit in payload["hits"]:
        hit["links"] = {
            "api": representations.api_url(
                request, "element", symbol=hit["symbol"], language=hit["language"], eid=hit["eid"]
            ),
            "html": request.build_absolute_uri(hit["url"]),
        }
    for found in payload["resolutions"]:
        found["links"] = {
            "api": representations.api_url(request, "resolution", symbol=found["symbol"]),
            "html": request.build_absolute_uri(found["url"]),
        }
    page = Page(number=outcome.page, per_page=per_page, count=outcome.total)
    payload["links"] = page.links(request)
    response = json_response(payload)
    response["Link"] = link_header(payload["links"])
    return response


@api_view
def elsewhere(request, rest: str):
    """Any other URL under the API: a missing slash or another spelling of a symbol is
    redirected (301) to the canonical URL, as on the site; anything else is a JSON 404."""
    if url := _canonical_url(request, rest):
        # Encoded, so that what the client typed (a space, a line break) cannot break the header.
        url = escape_uri_path(url)
        if query := request.META.get("QUERY_STRING"):
            url += "?" + query
        return HttpResponsePermanentRedirect(url)
    return error_response(
        404, f"No such API resource; the endpoints are described at {reverse('api:openapi')}"
    )


def _canonical_url(request, rest: str) -> str | None:
    if not request.path.endswith("/") and _is_endpoint(request.path + "/"):
        return request.path + "/"
    head, _, tail = rest.partition("/")
    if head != "resolutions":
        return None
    if (found := split_symbol_path(tail)) is None:
        return None
    symbol, rest = found
    url = reverse("api:resolution", kwargs={"symbol": symbol.canonical})
    url += "".join(f"{part}/" for part in rest)
    return url if url != request.path and _is_endpoint(url) else None


def _is_endpoint(path: str) -> bool:
    """Whether the URL path (as ``reverse`` and ``request.path`` write it) names an endpoint."""
    try:
        return resolve("/" + path.removeprefix(get_script_prefix())).url_name != "elsewhere"
    except Resolver404:
        return False
