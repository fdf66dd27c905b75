"""/api/: the API described for people, read from the same OpenAPI document clients get at
/api/v1/openapi.json, so the page cannot say other than the API does.

A client that asks for JSON (``Accept: application/json``) is sent to the JSON index, /api/v1/.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers

from . import openapi

# A request each endpoint answers, to open from the page.
EXAMPLES = {
    "/": "",
    "/openapi.json": "",
    "/resolutions/": "?body=GA&session=76",
    "/resolutions/{symbol}/": "",
    "/resolutions/{symbol}/{language}/": "",
    "/resolutions/{symbol}/{language}/{eid}/": "",
    "/search/": "?q=" + quote("联合国人员") + "&language=zh",
}
EXAMPLE_VALUES = {"symbol": "A/RES/76/127", "language": "zh", "eid": "para_22"}


@dataclass
class Shape:
    """A schema written for a reader: its type in words, then the named schema it refers to
    ("array of " and Paragraph)."""

    text: str
    refers_to: str = ""


@dataclass
class Parameter:
    name: str
    where: str
    required: bool
    shape: Shape
    description: str


@dataclass
class Response:
    status: str
    description: str
    shape: Shape | None


@dataclass
class Endpoint:
    path: str  # as the API's URLs write it: /api/v1/resolutions/{symbol}/
    anchor: str
    summary: str
    parameters: list[Parameter]
    responses: list[Response]
    example: str  # a URL to try, or ""


@dataclass
class Field:
    name: str
    required: bool
    shape: Shape
    description: str


@dataclass
class Schema:
    name: str
    description: str
    fields: list[Field] = field(default_factory=list)


def _resolve(document: dict, value: dict) -> dict:
    """``value``, or what its ``$ref`` names."""
    if "$ref" not in value:
        return value
    _, _, kind, name = value["$ref"].split("/")
    return document["components"][kind][name]


def _shape(value: dict) -> Shape:
    """An array of Paragraph, string (date) or null, one of GA, SC, ≥ 1 …"""
    if "$ref" in value:
        name = value["$ref"].rsplit("/", 1)[1]
        return Shape("", name)
    if "enum" in value:
        return Shape("one of " + ", ".join("null" if v is None else str(v) for v in value["enum"]))
    kinds = value.get("type", "any")
    kinds = list(kinds) if isinstance(kinds, list) else [kinds]
    if "array" in kinds and "items" in value:
        items = _shape(value["items"])
        return Shape(f"array of {items.text}", items.refers_to)
    text = " or ".join(kinds)
    if value.get("format"):
        text += f" ({value['format']})"
    limits = [
        f"{label} {value[key]}"
        for key, label in (
            ("minimum", "≥"),
            ("maximum", "≤"),
            ("minLength", "length ≥"),
            ("maxLength", "length ≤"),
        )
        if key in value
    ]
    if "default" in value:
        limits.append(f"default {value['default']}")
    if limits:
        text += ", " + ", ".join(limits)
    return Shape(text)


def _anchor(path: str) -> str:
    name = "".join(c if c.isalnum() else "-" for c in path).strip("-")
    return f"get-{name}" if name else "get-index"


def _example(base: str, path: str) -> str:
    if path not in EXAMPLES:
        return ""
    filled = path
    for name, value in EXAMPLE_VALUES.items():
        filled = filled.replace("{" + name + "}", value)
    return base + filled + EXAMPLES[path]


def endpoints(document: dict) -> list[Endpoint]:
    base = document["servers"][0]["url"]
    found = []
    for path, operations in document["paths"].items():
        operation = operations["get"]
        parameters = []
        for value in operation.get("parameters", []):
            parameter = _resolve(document, value)
            parameters.append(
                Parameter(
                    parameter["name"],
                    parameter["in"],
                    parameter.get("required", False),
                    _shape(parameter.get("schema", {})),
                    parameter.get("description", ""),
                )
            )
        responses = []
        for status, value in operation["responses"].items():
            response = _resolve(document, value)
            content = response.get("content", {}).get("application/json")
            shape = _shape(content["schema"]) if content else None
            responses.append(Response(status, response.get("description", ""), shape))
        found.append(
            Endpoint(
                base + path,
                _anchor(path),
                operation.get("summary", ""),
                parameters,
                responses,
                _example(base, path),
            )
        )
    return found


def schemas(document: dict) -> list[Schema]:
    found = []
    for name, value in document["components"]["schemas"].items():
        required = set(value.get("required", []))
        found.append(
            Schema(
                name,
                value.get("description", ""),
                [
                    Field(key, key in required, _shape(prop), prop.get("description", ""))
                    for key, prop in value.get("properties", {}).items()
                ],
            )
        )
    return found


def _wants_json(request) -> bool:
    return not request.accepts("text/html") and request.accepts("application/json")


def api_documentation(request):
    """The API's endpoints, parameters and response shapes, with examples to open."""
    if _wants_json(request):
        response = redirect("api:index")
    else:
        document = openapi.document()
        response = render(
            request,
            "api/documentation.html",
            {
                "info": document["info"],
                # The description marks code with backticks, as Markdown does.
                "description": enumerate(document["info"]["description"].split("`")),
                "endpoints": endpoints(document),
                "schemas": schemas(document),
            },
        )
    patch_vary_headers(response, ["Accept"])
    return response
