"""The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json.

Built from the same constants the endpoints check their parameters with (languages, page
sizes, patterns), so the description cannot drift from what the API accepts; the response
schemas are in ``schemas``.
"""

from resolutions.bodies import SESSION_PATTERN
from resolutions.citations.pasted import MAX_CITATION
from resolutions.symbols import URL_SYMBOL_SHAPE
from search.forms import KINDS, MAX_PAGE, MAX_QUERY, MAX_SYMBOL, PERIOD_PATTERN
from search.service import PAGE_SIZE as SEARCH_PAGE_SIZE
from search.service import SORTS

from .filters import FIRST_YEAR, LAST_YEAR, MAX_SYMBOL_QUERY
from .pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE
from .schemas import LANGUAGE, SCHEMAS, STRING, ref, schema

VERSION = "1.0.0"
SYMBOL_PATTERN = URL_SYMBOL_SHAPE.replace(r"\d", "[0-9]")
# What eids are made of (the longest a paragraph's may be is 64 characters).
ELEMENT_PATTERN = "[0-9A-Za-z_*]{1,64}"


def _query(name: str, value: dict, description: str, **extra) -> dict:
    return {"name": name, "in": "query", "schema": value, "description": description, **extra}


PARAMETERS = {
    "Symbol": {
        "name": "symbol",
        "in": "path",
        "required": True,
        "description": "The resolution's symbol as the site's URLs write it, the space of a "
        "Council symbol dropped: A/RES/76/127, S/RES/2286(2016). Its slashes are sent as they "
        "are or percent-encoded; other spellings (76/127) are redirected.",
        # ASCII digits: what the site's own symbols are written with.
        "schema": {"type": "string", "pattern": f"^(?:{SYMBOL_PATTERN})$"},
        "examples": {
            "assembly": {"value": "A/RES/76/127"},
            "council": {"value": "S/RES/2286(2016)"},
        },
    },
    "Language": {
        "name": "language",
        "in": "path",
        "required": True,
        "description": "An official language of the United Nations.",
        "schema": LANGUAGE,
    },
    "Eid": {
        "name": "eid",
        "in": "path",
        "required": True,
        "description": "A paragraph's or footnote's eid, the same in every language: "
        "preamble_3, para_4, para_4_a, fn_2.",
        "schema": {"type": "string", "pattern": f"^{ELEMENT_PATTERN}$"},
        "example": "para_4",
    },
    "Page": _query(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        "The page to return, from 1.",
    ),
    "PerPage": _query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        "How many resolutions a page holds.",
    ),
    "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "description": "The ETag of a copy kept: 304 Not Modified while it is current.",
        "schema": STRING,
    },
    "IfModifiedSince": {
        "name": "If-Modified-Since",
        "in": "header",
        "description": "The Last-Modified date of a copy kept: 304 while nothing changed since.",
        "schema": STRING,
    },
}

HEADERS = {
    "ETag": {"description": "Changes whenever the data shown changes.", "schema": STRING},
    "Last-Modified": {"description": "When the data shown last changed.", "schema": STRING},
    "Link": {
        "description": 'The other pages (RFC 8288): <url>; rel="next", rel="prev", rel="first", '
        'rel="last".',
        "schema": STRING,
    },
    "Access-Control-Allow-Origin": {
        "description": "Always *: any web page may read the API.",
        "schema": {"type": "string", "enum": ["*"]},
    },
}


def _json_content(body: dict) -> dict:
    return {"application/json": {"schema": body}}


def _error(description: str) -> dict:
    return {"description": description, "content": _json_content(schema("Error"))}


RESPONSES = {
    "NotModified": {
        "description": "The copy the client kept is current (If-None-Match, If-Modified-Since).",
        "headers": {"ETag": ref("headers", "ETag")},
    },
    "BadRequest": _error("A parameter the API cannot use; `parameter` names it."),
    "NotFound": _error(
        "Nothing here: a resolution, language version, paragraph or page the archive does not hold."
    ),
    "ServiceUnavailable": {
        **_error("The database or the search index cannot be reached; try again later."),
        "headers": {"Retry-After": {"schema": STRING}},
    },
}


def _ok(description: str, schema_name: str, *, revalidated: bool, paged: bool = False) -> dict:
    headers = {"Access-Control-Allow-Origin": ref("headers", "Access-Control-Allow-Origin")}
    if revalidated:
        headers["ETag"] = ref("headers", "ETag")
        headers["Last-Modified"] = ref("headers", "Last-Modified")
    if paged:
        headers["Link"] = ref("headers", "Link")
    return {
        "description": description,
        "headers": headers,
        "content": _json_content(schema(schema_name)),
    }


def _get(operation_id: str, summary: str, parameters: list, responses: dict, **extra) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters,
            "responses": responses,
            **extra,
        }
    }


REVALIDATION = [ref("parameters", "IfNoneMatch"), ref("parameters", "IfModifiedSince")]
RESOURCE_ERRORS = {
    "304": ref("responses", "NotModified"),
    "404": ref("responses", "NotFound"),
    "503": ref("responses", "ServiceUnavailable"),
}
SESSION_EXAMPLE = "76, ES-11 (emergency special session) or S-27 (special session)"

PATHS = {
    "/": _get(
        "getIndex",
        "Where to start: links to the resources and to this description",
        [],
        {"200": _ok("Links", "Index", revalidated=False)},
    ),
    "/openapi.json": _get(
        "getOpenApi",
        "This description of the API",
        [],
        {"200": {"description": "OpenAPI 3.1", "content": _json_content({"type": "object"})}},
    ),
    "/resolutions/": _get(
        "listResolutions",
        "Resolutions, newest first, with filters and pages",
        [
            _query("body", {"type": "string", "enum": ["GA", "SC"]}, "GA or SC."),
            _query(
                "session",
                {"type": "string", "pattern": f"^(?:{SESSION_PATTERN})$"},
                f"An Assembly session: {SESSION_EXAMPLE}.",
            ),
            _query(
                "year",
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                "Adopted in this year (a Council resolution: the year in its symbol).",
            ),
            _query(
                "language",
                LANGUAGE,
                "Only resolutions with a version in this language; each row's title is then in it.",
            ),
            _query(
                "q",
                {"type": "string", "maxLength": MAX_SYMBOL_QUERY},
                "A symbol in any spelling (76/127, 2286 (2016)) or part of one (A/RES/76/).",
            ),
            ref("parameters", "Page"),
            ref("parameters", "PerPage"),
            *REVALIDATION,
        ],
        {
            "200": _ok("A page of resolutions", "ResolutionList", revalidated=True, paged=True),
            "400": ref("responses", "BadRequest"),
            **RESOURCE_ERRORS,
        },
    ),
    "/resolutions/{symbol}/": _get(
        "getResolution",
        "A resolution's metadata and its language versions",
        [ref("parameters", "Symbol"), *REVALIDATION],
        {"200": _ok("The resolution", "Resolution", revalidated=True), **RESOURCE_ERRORS},
    ),
    "/resolutions/{symbol}/{language}/": _get(
        "getVersion",
        "One language version, whole: the export format, with links",
        [ref("parameters", "Symbol"), ref("parameters", "Language"), *REVALIDATION],
        {"200": _ok("The language version", "Version", revalidated=True), **RESOURCE_ERRORS},
    ),
    "/resolutions/{symbol}/{language}/{eid}/": _get(
        "getElement",
        "One paragraph or footnote, with its footnotes, citations and permalink",
        [
            ref("parameters", "Symbol"),
            ref("parameters", "Language"),
            ref("parameters", "Eid"),
            *REVALIDATION,
        ],
        {"200": _ok("The paragraph or footnote", "Element", revalidated=True), **RESOURCE_ERRORS},
    ),
    "/search/": _get(
        "search",
        "Full-text search of paragraphs and footnotes, with facets",
        [
            _query(
                "q",
                {"type": "string", "minLength": 1, "maxLength": MAX_QUERY},
                'Words, "quoted phrases", -exclusions and OR; or a symbol, to find what cites it.',
                required=True,
            ),
            _query("body", {"type": "string", "enum": ["GA", "SC"]}, "GA or SC."),
            _query(
                "period",
                {"type": "string", "pattern": f"^(?:{PERIOD_PATTERN})$"},
                "An Assembly session or a Council year: GA 76, GA ES-11, SC 2016.",
            ),
            _query("language", LANGUAGE, "Only paragraphs in this language."),
            _query("kind", {"type": "string", "enum": list(KINDS)}, "Only this kind of text."),
            _query(
                "state",
                {"type": "string", "pattern": "^[A-Z]{3}$"},
                "Only resolutions naming this State or territory: its ISO 3166 alpha-3 code "
                "(SYR, COD; SUN for the USSR).",
            ),
            _query(
                "symbol",
                {"type": "string", "maxLength": MAX_SYMBOL},
                "Only in this resolution: its symbol in any spelling (76/127, 2286 (2016)).",
            ),
            _query(
                "adopted_from",
                {"type": "string", "format": "date"},
                "Only resolutions adopted on this day (YYYY-MM-DD) or later; those whose "
                "adoption date is unknown are left out.",
            ),
            _query(
                "adopted_to",
                {"type": "string", "format": "date"},
                "Only resolutions adopted on this day (YYYY-MM-DD) or earlier; not before "
                "adopted_from.",
            ),
            _query(
                "sort",
                {"type": "string", "enum": list(SORTS), "default": "relevance"},
                "relevance, or date (newest first).",
            ),
            ref("parameters", "Page"),
            _query(
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
            "200": _ok(
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
    "/resolve/": _get(
        "resolveCitation",
        "Where a citation leads: the resolution, the version and the paragraph it names",
        [
            _query(
                "cite",
                {"type": "string", "minLength": 1, "maxLength": MAX_CITATION},
                "A citation as written: 大会第76/127号决议，第22段 · GA res 76/127, para 22 · "
                "S/RES/2286 (2016), para. 4 (a) · 第76/127号决议序言部分第3段 · a permalink. A "
                "Chinese citation leads to the Chinese version, any other to the English one, "
                "when the archive has the place cited in it.",
                required=True,
            ),
        ],
        {
            "200": _ok("The place cited", "ResolvedCitation", revalidated=False),
            "400": ref("responses", "BadRequest"),
            "404": {
                "description": "The archive does not hold the resolution cited, or the place "
                "cited in it; `missing` says which.",
                "content": _json_content(schema("CitationNotFound")),
            },
            "503": ref("responses", "ServiceUnavailable"),
        },
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
            "schemas": SCHEMAS,
            "parameters": PARAMETERS,
            "headers": HEADERS,
            "responses": RESPONSES,
        },
    }
