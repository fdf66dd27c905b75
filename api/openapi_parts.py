"""The building blocks of the API's OpenAPI description (``api.openapi``): its parameters,
headers and responses, and how an operation is written."""

from resolutions.symbols import URL_SYMBOL_SHAPE
from search.forms import MAX_PAGE

from .pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE
from .schemas import LANGUAGE, STRING, ref, schema

SYMBOL_PATTERN = URL_SYMBOL_SHAPE.replace(r"\d", "[0-9]")
# What eids are made of (the longest a paragraph's may be is 64 characters).
ELEMENT_PATTERN = "[0-9A-Za-z_*]{1,64}"


def query_parameter(name: str, value: dict, description: str, **extra) -> dict:
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
    "Page": query_parameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        "The page to return, from 1.",
    ),
    "PerPage": query_parameter(
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


def json_content(body: dict) -> dict:
    return {"application/json": {"schema": body}}


def error_response(description: str) -> dict:
    return {"description": description, "content": json_content(schema("Error"))}


RESPONSES = {
    "NotModified": {
        "description": "The copy the client kept is current (If-None-Match, If-Modified-Since).",
        "headers": {"ETag": ref("headers", "ETag")},
    },
    "BadRequest": error_response("A parameter the API cannot use; `parameter` names it."),
    "NotFound": error_response(
        "Nothing here: a resolution, language version, paragraph or page the archive does not hold."
    ),
    "ServiceUnavailable": {
        **error_response("The database or the search index cannot be reached; try again later."),
        "headers": {"Retry-After": {"schema": STRING}},
    },
}


def ok_response(
    description: str, schema_name: str, *, revalidated: bool, paged: bool = False
) -> dict:
    headers = {"Access-Control-Allow-Origin": ref("headers", "Access-Control-Allow-Origin")}
    if revalidated:
        headers["ETag"] = ref("headers", "ETag")
        headers["Last-Modified"] = ref("headers", "Last-Modified")
    if paged:
        headers["Link"] = ref("headers", "Link")
    return {
        "description": description,
        "headers": headers,
        "content": json_content(schema(schema_name)),
    }


def operation(operation_id: str, summary: str, parameters: list, responses: dict, **extra) -> dict:
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
