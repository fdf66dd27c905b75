"""The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json.

Built from the same constants the endpoints check their parameters with (languages, page
sizes, patterns), so the description cannot drift from what the API accepts; the response
schemas are in ``schemas``.
"""

from resolutions.bodies import SESSION_PATTERN
from resolutions.citations.pasted import MAX_CITATION
from search.forms import KINDS, MAX_QUERY, MAX_SYMBOL, PERIOD_PATTERN
from search.service import PAGE_SIZE as SEARCH_PAGE_SIZE
from search.service import SORTS

from .agreed import AGREED_SCHEMAS
from .change_schemas import CHANGE_SCHEMAS
from .filters import FIRST_YEAR, LAST_YEAR, MAX_SYMBOL_QUERY
from .openapi_parts import (
    HEADERS,
    PARAMETERS,
    RESOURCE_ERRORS,
    RESPONSES,
    REVALIDATION,
    SESSION_EXAMPLE,
    json_content,
    ok_response,
    operation,
    query_parameter,
)
from .pagination import MAX_PER_PAGE
from .schemas import LANGUAGE, SCHEMAS, ref, schema
from .series_schemas import SERIES_SCHEMAS, SERIES_SLUG_PATTERN

VERSION = "1.0.0"
# What the two comparisons (a resolution against the previous of its series, any two) share.
COMPARED_LANGUAGE = query_parameter(
    "language",
    LANGUAGE,
    "The language of the texts compared; by default the first both have (Chinese first).",
)
CHANGES_RESPONSES = {
    "200": ok_response("The changes", "Changes", revalidated=True),
    "400": ref("responses", "BadRequest"),
    **RESOURCE_ERRORS,
}
PATHS = {
    "/": operation(
        "getIndex",
        "Where to start: links to the resources and to this description",
        [],
        {"200": ok_response("Links", "Index", revalidated=False)},
    ),
    "/openapi.json": operation(
        "getOpenApi",
        "This description of the API",
        [],
        {"200": {"description": "OpenAPI 3.1", "content": json_content({"type": "object"})}},
    ),
    "/resolutions/": operation(
        "listResolutions",
        "Resolutions, newest first, with filters and pages",
        [
            query_parameter("body", {"type": "string", "enum": ["GA", "SC"]}, "GA or SC."),
            query_parameter(
                "session",
                {"type": "string", "pattern": f"^(?:{SESSION_PATTERN})$"},
                f"An Assembly session: {SESSION_EXAMPLE}.",
            ),
            query_parameter(
                "year",
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                "Adopted in this year (a Council resolution: the year in its symbol).",
            ),
            query_parameter(
                "language",
                LANGUAGE,
                "Only resolutions with a version in this language; each row's title is then in it.",
            ),
            query_parameter(
                "q",
                {"type": "string", "maxLength": MAX_SYMBOL_QUERY},
                "A symbol in any spelling (76/127, 2286 (2016)) or part of one (A/RES/76/).",
            ),
            ref("parameters", "Page"),
            ref("parameters", "PerPage"),
            *REVALIDATION,
        ],
        {
            "200": ok_response(
                "A page of resolutions", "ResolutionList", revalidated=True, paged=True
            ),
            "400": ref("responses", "BadRequest"),
            **RESOURCE_ERRORS,
        },
    ),
    "/resolutions/{symbol}/": operation(
        "getResolution",
        "A resolution's metadata and its language versions",
        [ref("parameters", "Symbol"), *REVALIDATION],
        {"200": ok_response("The resolution", "Resolution", revalidated=True), **RESOURCE_ERRORS},
    ),
    "/resolutions/{symbol}/changes/": operation(
        "getChanges",
        "What changed in a resolution since the previous one of its series, paragraph by paragraph",
        [
            ref("parameters", "Symbol"),
            COMPARED_LANGUAGE,
            *REVALIDATION,
        ],
        CHANGES_RESPONSES,
        description="A 404 when the archive holds no previous resolution of its series, or "
        "none in the language asked for.",
    ),
    "/resolutions/{symbol}/{language}/": operation(
        "getVersion",
        "One language version, whole: the export format, with links",
        [ref("parameters", "Symbol"), ref("parameters", "Language"), *REVALIDATION],
        {
            "200": ok_response("The language version", "Version", revalidated=True),
            **RESOURCE_ERRORS,
        },
    ),
    "/resolutions/{symbol}/{language}/{eid}/": operation(
        "getElement",
        "One paragraph or footnote, with its footnotes, citations and permalink",
        [
            ref("parameters", "Symbol"),
            ref("parameters", "Language"),
            ref("parameters", "Eid"),
            *REVALIDATION,
        ],
        {
            "200": ok_response("The paragraph or footnote", "Element", revalidated=True),
            **RESOURCE_ERRORS,
        },
    ),
    "/search/": operation(
        "search",
        "Full-text search of paragraphs and footnotes, with facets",
        [
            query_parameter(
                "q",
                {"type": "string", "minLength": 1, "maxLength": MAX_QUERY},
                'Words, "quoted phrases", -exclusions and OR; or a symbol, to find what cites it.',
                required=True,
            ),
            query_parameter("body", {"type": "string", "enum": ["GA", "SC"]}, "GA or SC."),
            query_parameter(
                "period",
                {"type": "string", "pattern": f"^(?:{PERIOD_PATTERN})$"},
                "An Assembly session or a Council year: GA 76, GA ES-11, SC 2016.",
            ),
            query_parameter("language", LANGUAGE, "Only paragraphs in this language."),
            query_parameter(
                "kind", {"type": "string", "enum": list(KINDS)}, "Only this kind of text."
            ),
            query_parameter(
                "state",
                {"type": "string", "pattern": "^[A-Z]{3}$"},
                "Only resolutions naming this State or territory: its ISO 3166 alpha-3 code "
                "(SYR, COD; SUN for the USSR).",
            ),
            query_parameter(
                "symbol",
                {"type": "string", "maxLength": MAX_SYMBOL},
                "Only in this resolution: its symbol in any spelling (76/127, 2286 (2016)).",
            ),
            query_parameter(
                "adopted_from",
                {"type": "string", "format": "date"},
                "Only resolutions adopted on this day (YYYY-MM-DD) or later; those whose "
                "adoption date is unknown are left out.",
            ),
            query_parameter(
                "adopted_to",
                {"type": "string", "format": "date"},
                "Only resolutions adopted on this day (YYYY-MM-DD) or earlier; not before "
                "adopted_from.",
            ),
            query_parameter(
                "sort",
                {"type": "string", "enum": list(SORTS), "default": "relevance"},
                "relevance, or date (newest first).",
            ),
            ref("parameters", "Page"),
            query_parameter(
                "per_page",
                {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PER_PAGE,
                    "default": SEARCH_PAGE_SIZE,
                },
                "How many hits a page holds.",
            ),
        ],
        {
            "200": ok_response(
                "A page of hits and facet counts; on the first page, the resolutions whose "
                "title matches the query",
                "SearchResults",
                revalidated=False,
                paged=True,
            ),
            "400": ref("responses", "BadRequest"),
            "503": ref("responses", "ServiceUnavailable"),
        },
    ),
    "/resolve/": operation(
        "resolveCitation",
        "Where a citation leads: the resolution, the version and the paragraph it names",
        [
            query_parameter(
                "cite",
                {"type": "string", "minLength": 1, "maxLength": MAX_CITATION},
                "A citation as written: 大会第76/127号决议，第22段 · GA res 76/127, para 22 · "
                "S/RES/2286 (2016), para. 4 (a) · 第76/127号决议序言部分第3段 · résolution "
                "217 A (III) de l'Assemblée générale, article 1 · القرار 217 ألف (د-3) · a "
                "permalink. A citation in Chinese, French, Spanish, Russian or Arabic leads to "
                "the version in its language, any other to the English one, when the archive "
                "has the place cited in it.",
                required=True,
            ),
        ],
        {
            "200": ok_response("The place cited", "ResolvedCitation", revalidated=False),
            "400": ref("responses", "BadRequest"),
            "404": {
                "description": "The archive does not hold the resolution cited, or the place "
                "cited in it; `missing` says which.",
                "content": json_content(schema("CitationNotFound")),
            },
            "503": ref("responses", "ServiceUnavailable"),
        },
    ),
    "/series/{slug}/": operation(
        "getSeries",
        "A series: General Assembly resolutions of one title, session after session, in order, "
        "with their size and the share changed since the one before",
        [
            {
                "name": "slug",
                "in": "path",
                "required": True,
                "description": "The series' URL name, from its title: letters (of any script), "
                "digits, hyphens and underscores.",
                "schema": {"type": "string", "pattern": SERIES_SLUG_PATTERN},
                "example": "safety-and-security-of-humanitarian-personnel-and-protection-of-"
                "united-nations-personnel",
            },
            *REVALIDATION,
        ],
        {"200": ok_response("The series", "Series", revalidated=True), **RESOURCE_ERRORS},
    ),
    "/compare/": operation(
        "compare",
        "What changed between any two resolutions, paragraph by paragraph",
        [
            query_parameter(
                "from",
                {"type": "string", "minLength": 1, "maxLength": 200},
                "The older resolution: its symbol in any spelling (76/127, A/RES/76/127).",
                required=True,
            ),
            query_parameter(
                "to",
                {"type": "string", "minLength": 1, "maxLength": 200},
                "The newer resolution, another one: its symbol in any spelling.",
                required=True,
            ),
            COMPARED_LANGUAGE,
            *REVALIDATION,
        ],
        CHANGES_RESPONSES,
        description="A 400 when a symbol is none or both are the same resolution; a 404 when "
        "the archive does not hold one of them or holds them in no language in common.",
    ),
}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "UN Resolutions Archive API",
            "version": VERSION,
            "description": "Read-only open data: United Nations resolutions, their language "
            "versions, paragraphs and footnotes, and full-text search. Every response may be "
            "read from any origin (CORS); resources carry ETag and Last-Modified for "
            "revalidation; lists are paged with `page` and a `Link` header.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": PATHS,
        "components": {
            "schemas": {**SCHEMAS, **CHANGE_SCHEMAS, **SERIES_SCHEMAS, **AGREED_SCHEMAS},
            "parameters": PARAMETERS,
            "headers": HEADERS,
            "responses": RESPONSES,
        },
    }
