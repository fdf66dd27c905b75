"""The JSON Schemas of series (``api.series``): added to the OpenAPI components."""

from .schemas import DATE, LANGUAGE, LANGUAGES, STRING, URL, json_object, schema

# What slugs are made of (``django.utils.text.slugify`` with ``allow_unicode``).
SERIES_SLUG_PATTERN = r"^[-\w]{1,200}$"
NEIGHBOUR = {
    "type": ["object", "null"],
    "description": "The resolution before or after it in the series; null at an end.",
    "properties": {"symbol": {**STRING, "examples": ["A/RES/75/125"]}, "url": URL},
    "required": ["symbol", "url"],
}
COUNT = {"type": "integer", "minimum": 0}

SERIES_SCHEMAS = {
    "SeriesLink": {
        "type": ["object", "null"],
        "description": "The series the resolution belongs to (General Assembly resolutions of "
        "one title, session after session) and its neighbours in it; null when none.",
        "properties": {
            "slug": STRING,
            "title": STRING,
            "url": {**URL, "description": "The series in this API."},
            "html": URL,
            "previous": NEIGHBOUR,
            "next": NEIGHBOUR,
        },
        "required": ["slug", "title", "url", "html", "previous", "next"],
    },
    "SeriesMember": json_object(
        {
            "symbol": {**STRING, "examples": ["A/RES/76/127"]},
            "url": {**URL, "description": "The resolution in this API."},
            "html": URL,
            "adopted_on": DATE,
            "languages": LANGUAGES,
            "paragraphs": {**COUNT, "description": "All its paragraphs, sub-items included."},
            "preambular": COUNT,
            "operative": COUNT,
            "share_changed": {
                "type": ["number", "null"],
                "minimum": 0,
                "maximum": 1,
                "description": "The share of its paragraphs new or changed since the member "
                "before (0 to 1); null for the first, or when the two share no language.",
            },
            "compared_in": {
                "type": ["string", "null"],
                "enum": [*LANGUAGE["enum"], None],
                "description": "The language the two were compared in.",
            },
        }
    ),
    "Series": json_object(
        {
            "slug": {**STRING, "examples": ["safety-and-security-of-humanitarian-personnel"]},
            "title": {
                **STRING,
                "description": "The title of its latest resolution, English when it has one.",
            },
            "title_language": LANGUAGE,
            "members": {
                "type": "array",
                "items": schema("SeriesMember"),
                "description": "In the order adopted.",
            },
            "links": json_object({"self": URL, "html": URL}),
        }
    ),
}
