"""The JSON Schemas of the API's responses (OpenAPI ``components/schemas``).

Objects are open: keys may be added over time, none removed, as the export format promises.
"""

from resolutions.languages import LANGUAGE_ORDER
from search.forms import KINDS

from .pagination import MAX_PER_PAGE


def ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def schema(name: str) -> dict:
    return ref("schemas", name)


def nullable(type_: str, **extra) -> dict:
    return {"type": [type_, "null"], **extra}


def json_object(properties: dict, required: list[str] | None = None, **extra) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        **extra,
    }


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
URL = {"type": "string", "format": "uri"}
STRINGS = {"type": "array", "items": STRING}
DATE = nullable("string", format="date")

RESOLUTION_FIELDS = {
    "symbol": {**STRING, "examples": ["A/RES/76/127", "S/RES/2286 (2016)"]},
    "body": {"type": "string", "enum": ["GA", "SC"]},
    "session": nullable("integer", description="Assembly session; null for the Council."),
    "special_session": {
        "type": ["string", "null"],
        "enum": ["S", "ES", None],
        "description": "S for a special session, ES for an emergency special session.",
    },
    "number": {**STRING, "description": "Number within the session, or the Council's number."},
    "part": nullable("string", description="Part letter of early Assembly resolutions."),
    "year": nullable("integer", description="Year in a Council symbol: 2016 in 2286 (2016)."),
    "adopted_on": DATE,
}
RESOLUTION_METADATA = {
    "meeting_number": nullable("integer"),
    "agenda_items": STRINGS,
    "draft_symbols": STRINGS,
    "vote": nullable("object", description="How the vote went, when the source says."),
}
LANGUAGE = {"type": "string", "enum": LANGUAGE_ORDER}
LANGUAGES = {"type": "array", "items": LANGUAGE}
SUBTITLE = {
    **STRING,
    "description": "The opening words of the first paragraph, under a title that names no "
    "subject (Resolution 242 (1967)); empty otherwise.",
}
STATES = {
    "type": "array",
    "items": {"type": "string", "pattern": "^[A-Z]{3}$"},
    "description": "ISO 3166 alpha-3 codes of the States and territories the text names "
    "(historic ones included: SUN, YUG, RHO).",
}
PARAGRAPH_KIND = {"type": "string", "enum": [kind for kind in KINDS if kind != "footnote"]}

SCHEMAS = {
    "Error": json_object(
        {
            "error": {**STRING, "description": "What went wrong, in words."},
            "parameter": {**STRING, "description": "The query parameter at fault (400)."},
        },
        required=["error"],
    ),
    "PageLinks": json_object(
        {
            "self": URL,
            "next": nullable("string", format="uri"),
            "prev": nullable("string", format="uri"),
            "first": URL,
            "last": URL,
        }
    ),
    "Index": json_object(
        {
            "links": json_object(
                {
                    "resolutions": URL,
                    "search": URL,
                    "resolve": URL,
                    "openapi": URL,
                    "documentation": URL,
                }
            )
        }
    ),
    "ResolutionSummary": json_object(
        {
            **RESOLUTION_FIELDS,
            "title": nullable(
                "string", description="In the language filtered on, else the first version's."
            ),
            "subtitle": SUBTITLE,
            "states": STATES,
            "languages": LANGUAGES,
            "links": json_object({"self": URL, "html": URL}),
        }
    ),
    "ResolutionList": json_object(
        {
            "count": {**INTEGER, "minimum": 0},
            "page": {**INTEGER, "minimum": 1},
            "pages": {**INTEGER, "minimum": 1},
            "per_page": {**INTEGER, "minimum": 1, "maximum": MAX_PER_PAGE},
            "links": schema("PageLinks"),
            "results": {"type": "array", "items": schema("ResolutionSummary")},
        }
    ),
    "VersionSummary": json_object(
        {
            "language": LANGUAGE,
            "title": STRING,
            "subtitle": SUBTITLE,
            "distributed_on": DATE,
            "imported_at": {**STRING, "format": "date-time"},
            "links": json_object({"self": URL, "html": URL}),
        }
    ),
    "Resolution": json_object(
        {
            **RESOLUTION_FIELDS,
            **RESOLUTION_METADATA,
            "states": STATES,
            "languages": LANGUAGES,
            "versions": {"type": "array", "items": schema("VersionSummary")},
            "series": schema("SeriesLink"),
            "links": json_object({"self": URL, "html": URL}),
        }
    ),
    "Citation": json_object(
        {
            "text": {**STRING, "description": "The symbol as written: 2175(2014)."},
            "target": {**STRING, "description": "The canonical symbol cited."},
            "kind": {"type": "string", "enum": ["resolution", "document"]},
            "start": {**INTEGER, "minimum": 0},
            "end": {**INTEGER, "minimum": 1},
            "pinpoint": nullable("string", description="The paragraph cited, when given."),
            "resolved": {"type": "boolean", "description": "Whether the archive holds it."},
        }
    ),
    "Paragraph": json_object(
        {
            "eid": {**STRING, "description": "The same in every language: preamble_3, para_4_a."},
            "kind": PARAGRAPH_KIND,
            "label": nullable("string"),
            "parent": nullable("string", description="eid of the paragraph it belongs to."),
            "text": STRING,
            "footnotes": {**STRINGS, "description": "Markers of the footnotes it references."},
            "footnote_refs": {
                "type": "array",
                "items": json_object({"marker": STRING, "offset": {**INTEGER, "minimum": 0}}),
            },
            "citations": {"type": "array", "items": schema("Citation")},
        }
    ),
    "Footnote": json_object(
        {
            "eid": STRING,
            "marker": STRING,
            "text": STRING,
            "referenced_from": {**STRINGS, "description": "eids of the paragraphs citing it."},
            "citations": {"type": "array", "items": schema("Citation")},
        }
    ),
    "Version": json_object(
        {
            **RESOLUTION_FIELDS,
            **RESOLUTION_METADATA,
            "language": LANGUAGE,
            "languages": LANGUAGES,
            "title": STRING,
            "distributed_on": DATE,
            "agenda_title": STRING,
            "adoption_note": STRING,
            "opening_formula": STRING,
            "url": {**STRING, "description": "Path of the version's page on the site."},
            "source": json_object({"name": STRING, "sha256": STRING, "format": STRING}),
            "warnings": {
                "type": "array",
                "items": {"type": "object"},
                "description": "Problems accepted by a lenient import, with their lines.",
            },
            "paragraphs": {"type": "array", "items": schema("Paragraph")},
            "footnotes": {"type": "array", "items": schema("Footnote")},
            "links": json_object(
                {
                    "self": URL,
                    "html": URL,
                    "resolution": URL,
                    "versions": {"type": "object", "additionalProperties": URL},
                }
            ),
        },
        description="The export format of a language version (`export_resolution`), plus links.",
    ),
    "Element": json_object(
        {
            "symbol": STRING,
            "language": LANGUAGE,
            "eid": STRING,
            "kind": {"type": "string", "enum": list(KINDS)},
            "label": nullable("string", description="Printed number or letter; a note's marker."),
            "parent": nullable("string"),
            "text": STRING,
            "footnotes": {
                "type": "array",
                "items": json_object(
                    {
                        "eid": STRING,
                        "marker": STRING,
                        "offset": {**INTEGER, "minimum": 0},
                        "text": STRING,
                    }
                ),
                "description": "The footnotes the paragraph references, where and what they say.",
            },
            "citations": {"type": "array", "items": schema("Citation")},
            "referenced_from": {**STRINGS, "description": "For a footnote: the paragraphs."},
            "permalink": {**URL, "description": "The paragraph's page (a footnote's anchor)."},
            "agreed_language": schema("AgreedLanguage"),
            "links": json_object({"self": URL, "version": URL, "resolution": URL, "html": URL}),
        }
    ),
    "SearchHit": json_object(
        {
            "symbol": STRING,
            "language": LANGUAGE,
            "eid": STRING,
            "kind": {"type": "string", "enum": list(KINDS)},
            "url": {**STRING, "description": "Path of the paragraph's page on the site."},
            "title": STRING,
            "subtitle": SUBTITLE,
            "adopted_on": DATE,
            "snippet": {**STRING, "description": "HTML: the text around the hit, words in <mark>."},
            "score": nullable("number"),
            "links": json_object({"api": URL, "html": URL}),
        }
    ),
    "SearchResolution": json_object(
        {
            "symbol": STRING,
            "language": {**LANGUAGE, "description": "The language of the title that matched."},
            "title": STRING,
            "marked_title": {**STRING, "description": "HTML: the title, query words in <mark>."},
            "url": {**STRING, "description": "Path of the language version's page on the site."},
            "adopted_on": DATE,
            "links": json_object({"api": URL, "html": URL}),
        }
    ),
    "ResolvedCitation": json_object(
        {
            "symbol": {**STRING, "examples": ["A/RES/76/127", "S/RES/2286 (2016)"]},
            "language": LANGUAGE,
            "eid": nullable(
                "string",
                description="The paragraph or footnote; null when the citation names the "
                "resolution only.",
            ),
            "url": {
                **URL,
                "description": "The paragraph's page (a footnote: its place on the version's "
                "page), or the version's.",
            },
            "api": {**URL, "description": "The paragraph, footnote or version in this API."},
        }
    ),
    "CitationNotFound": json_object(
        {
            "error": {**STRING, "description": "What the archive does not hold, in words."},
            "symbol": STRING,
            "missing": {"type": "string", "enum": ["resolution", "paragraph"]},
        }
    ),
    "SearchResults": json_object(
        {
            "citation": {
                "type": ["object", "null"],
                "description": "When q is a citation (大会第76/127号决议，第22段, GA res 76/127, "
                "para 22): where it leads, or what the archive lacks (`missing`); the hits are "
                "then those of its resolution's symbol.",
                "properties": {
                    "symbol": STRING,
                    "language": nullable("string"),
                    "eid": nullable("string"),
                    "place": STRING,
                    "url": STRING,
                    "missing": {
                        "type": ["string", "null"],
                        "enum": ["resolution", "paragraph", None],
                    },
                },
                "required": ["symbol", "language", "eid", "place", "url", "missing"],
            },
            "query": STRING,
            "total": {**INTEGER, "minimum": 0},
            "page": {**INTEGER, "minimum": 1},
            "pages": {**INTEGER, "minimum": 0},
            "per_page": {**INTEGER, "minimum": 1, "maximum": MAX_PER_PAGE},
            "seconds": {"type": "number"},
            "notices": {**STRINGS, "description": "What was made of an odd query."},
            "symbol": nullable("string", description="The canonical symbol, when q is one."),
            "symbol_url": nullable("string"),
            "resolutions": {
                "type": "array",
                "items": schema("SearchResolution"),
                "description": "On the first page, the resolutions whose title matches the "
                "query (a few at most, best first, one per resolution); `total` and `hits` count "
                "paragraphs and footnotes only.",
            },
            "hits": {"type": "array", "items": schema("SearchHit")},
            "facets": {
                "type": "object",
                "description": "Per facet (body, period, language, kind, state): [value, count] "
                "pairs.",
                "additionalProperties": {
                    "type": "array",
                    "items": {
                        "type": "array",
                        "items": {"type": ["string", "integer"]},
                        "minItems": 2,
                        "maxItems": 2,
                    },
                },
            },
            "links": schema("PageLinks"),
        }
    ),
}
