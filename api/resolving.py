"""/api/v1/resolve/?cite=…: where a citation leads, in any form a reader pastes it
(大会第76/127号决议，第22段, GA res 76/127, para 22, S/RES/2286 (2016), para. 4, a permalink).

The answer names the resolution, the language version to read it in and the paragraph or
footnote, with the page and the API resource of that place. A 404 says what the archive does
not hold: the resolution, or the place cited in it.
"""

from django.utils import timezone

from resolutions.citations.pasted import MAX_CITATION
from resolutions.citations.resolving import follow_citation

from .http import BadParameter, api_view, error_response, json_response, single_value
from .representations import api_url

CITE_REQUIRED = (
    "cite is required: a citation of a resolution, such as 大会第76/127号决议，第22段 or "
    "GA res 76/127, para 22"
)
CITE_TOO_LONG = f"cite is too long: {MAX_CITATION} characters at most"
NOT_A_CITATION = (
    "cite is not a citation of a resolution: give its symbol (76/127, S/RES/2286 (2016)), "
    "optionally with a paragraph (para. 4 (a), 序言部分第3段)"
)


@api_view
def resolve(request):
    cite = single_value(request.GET, "cite")
    if cite is None or not cite.strip():
        raise BadParameter("cite", CITE_REQUIRED)
    if len(cite) > MAX_CITATION:
        raise BadParameter("cite", CITE_TOO_LONG)
    target = follow_citation(cite)
    if target is None:
        raise BadParameter("cite", NOT_A_CITATION)
    if target.missing:
        return error_response(
            404,
            target.explanation(timezone.localdate()),
            symbol=target.symbol,
            missing=target.missing,
        )
    where = {"symbol": target.symbol, "language": target.language}
    if target.eid:
        api = api_url(request, "element", **where, eid=target.eid)
    else:
        api = api_url(request, "version", **where)
    return json_response(
        {
            **where,
            "eid": target.eid,
            "url": request.build_absolute_uri(target.url),
            "api": api,
        }
    )
