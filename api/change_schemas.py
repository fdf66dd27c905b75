"""The JSON Schemas of what changed (``api.changes``): added to the OpenAPI components."""

from .schemas import DATE, LANGUAGE, LANGUAGES, STRING, URL, json_object, schema

STATES = ["unchanged", "changed", "new", "dropped"]
COUNT = {"type": "integer", "minimum": 0}

CHANGE_SCHEMAS = {
    "ComparedVersion": json_object(
        {
            "symbol": {**STRING, "examples": ["A/RES/77/31"]},
            "language": LANGUAGE,
            "title": STRING,
            "adopted_on": DATE,
            "links": json_object({"api": URL, "html": URL}),
        }
    ),
    "ComparedPassage": {
        "type": ["object", "null"],
        "description": "A paragraph of one of the texts; null when that text has none here.",
        "properties": {
            "eid": {**STRING, "examples": ["para_22"]},
            "label": {**STRING, "description": "As printed: PP3, 22., (a)."},
            "text": STRING,
            "url": {**URL, "description": "The paragraph's permalink."},
        },
        "required": ["eid", "label", "text", "url"],
    },
    "Change": json_object(
        {
            "state": {"type": "string", "enum": STATES},
            "old": schema("ComparedPassage"),
            "new": schema("ComparedPassage"),
            "renumbered": {
                "type": "boolean",
                "description": "Whether the paragraph moved to another number (was para 22).",
            },
            "pieces": {
                "type": "array",
                "description": "Runs of words in reading order: joined, the equal and inserted "
                "ones give the newer text and the equal and deleted ones the older.",
                "items": json_object(
                    {
                        "kind": {"type": "string", "enum": ["equal", "inserted", "deleted"]},
                        "text": STRING,
                    }
                ),
            },
        }
    ),
    "Changes": json_object(
        {
            "from": schema("ComparedVersion"),
            "to": schema("ComparedVersion"),
            "language": LANGUAGE,
            "languages": {**LANGUAGES, "description": "Every language both texts are in."},
            "counts": json_object({state: COUNT for state in STATES}),
            "share_changed": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "The share of the newer text's paragraphs that are new or changed.",
            },
            "changes": {
                "type": "array",
                "items": schema("Change"),
                "description": "Each paragraph of the newer text in its order, and each dropped "
                "paragraph where it stood in the older one.",
            },
            "links": json_object({"html": URL}),
        }
    ),
}
