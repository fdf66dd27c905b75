"""A paragraph's agreed-language trail in the API (``resolutions.agreed``), and its schema."""

from resolutions.agreed import Trail, Use

from .representations import api_url
from .schemas import DATE, STRING, URL, json_object, schema

AGREED_SCHEMAS = {
    "AgreedLanguage": {
        "type": ["object", "null"],
        "description": "Where the paragraph's words, the same or nearly the same, were first "
        "used in the archive (in the same language), and the later texts that repeat them, in "
        "order of adoption. Null for a footnote, or a paragraph too short to trace (a heading, "
        "a few words).",
        "properties": {
            "first_used": {
                **schema("AgreedUse"),
                "description": "The earliest use: this paragraph itself when it is the first.",
            },
            "later": {
                "type": "array",
                "items": schema("AgreedUse"),
                "description": "The later uses, this paragraph among them unless it is the "
                "first; at most a dozen.",
            },
            "more": {
                "type": "integer",
                "minimum": 0,
                "description": "Later uses found but not listed.",
            },
            "complete": {
                "type": "boolean",
                "description": "False when the archive holds more candidates than were checked "
                "(only the earliest were).",
            },
        },
        "required": ["first_used", "later", "more", "complete"],
    },
    "AgreedUse": json_object(
        {
            "symbol": {**STRING, "examples": ["A/RES/73/137"]},
            "adopted_on": DATE,
            "eid": {**STRING, "examples": ["preamble_3"]},
            "name": {**STRING, "description": "How the paragraph is cited, in its language."},
            "same_words": {
                "type": "boolean",
                "description": "Word for word the same; otherwise nearly the same.",
            },
            "similarity": {"type": "number", "minimum": 0, "maximum": 1},
            "is_this": {"type": "boolean", "description": "The paragraph asked for."},
            "links": json_object({"self": URL, "html": URL}),
        }
    ),
}


def agreed_language(request, trail: Trail | None) -> dict | None:
    if trail is None or not trail.traced or trail.first is None:
        return None
    return {
        "first_used": _use(request, trail.first),
        "later": [_use(request, use) for use in trail.later],
        "more": trail.more,
        "complete": trail.complete,
    }


def _use(request, use: Use) -> dict:
    return {
        "symbol": use.symbol,
        "adopted_on": use.adopted_on.isoformat() if use.adopted_on else None,
        "eid": use.eid,
        "name": use.name,
        "same_words": use.same_words,
        "similarity": round(use.similarity, 3),
        "is_this": use.is_this,
        "links": {
            "self": api_url(
                request, "element", symbol=use.symbol, language=use.language, eid=use.eid
            ),
            "html": request.build_absolute_uri(use.url),
        },
    }
