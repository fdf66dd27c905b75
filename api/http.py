"""What every API response shares: JSON bodies, JSON errors, CORS, methods and revalidation.

The API is read-only and public: any web page may read it (``Access-Control-Allow-Origin: *``,
no credentials), and a client that kept a response revalidates it with ``If-None-Match`` or
``If-Modified-Since`` and gets ``304 Not Modified`` while the data behind it is unchanged.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

log = logging.getLogger(__name__)

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Request headers a browser may send across origins: the revalidation headers are not on the
# CORS safelist, so a page that revalidates asks first (a preflight).
ALLOWED_HEADERS = "Accept, Accept-Language, Cache-Control, If-Modified-Since, If-None-Match"
# Response headers a script on another origin may read besides the safelisted ones.
EXPOSED_HEADERS = "ETag, Last-Modified, Link, Retry-After"
PREFLIGHT_MAX_AGE = 24 * 60 * 60
RETRY_AFTER = 5


class BadParameter(Exception):
    """A query parameter the API cannot use: answered 400, naming the parameter."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def single_value(params, name: str) -> str | None:
    """The parameter's value, None when absent; given twice it is ambiguous, so refused."""
    values = params.getlist(name)
    if len(values) > 1:
        raise BadParameter(name, f"{name} is given {len(values)} times: give it once")
    return values[0] if values else None


def json_response(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def error_response(status: int, message: str, **details) -> JsonResponse:
    return json_response({"error": message, **details}, status=status)


def api_view(view):
    """An API endpoint: GET (and HEAD) only, errors as JSON, readable from any origin.

    ``Http404`` becomes a JSON 404 and ``BadParameter`` a JSON 400; while the database cannot
    be reached the answer is a JSON 503 with ``Retry-After``, as the site's pages do.
    """

    @csrf_exempt  # read-only: nothing is ever changed, and no cookie is read
    @wraps(view)
    def endpoint(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            del response["Content-Type"]
            response["Allow"] = ALLOWED_METHODS
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
        elif request.method not in ("GET", "HEAD"):
            response = error_response(405, f"{request.method} is not allowed: the API is read-only")
            response["Allow"] = ALLOWED_METHODS
        else:
            response = _answer(view, request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    return endpoint


def _answer(view, request, *args, **kwargs) -> HttpResponse:
    try:
        return view(request, *args, **kwargs)
    except BadParameter as bad:
        return error_response(400, bad.message, parameter=bad.parameter)
    except Http404 as missing:
        return error_response(404, str(missing) or "Not found")
    except (OperationalError, InterfaceError) as error:
        log.error("database unavailable for %s: %s", request.path, error)
        response = error_response(503, "database unavailable")
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response


@dataclass(frozen=True)
class Validators:
    """An ETag and a Last-Modified date derived from the data a response shows.

    ``last_modified`` is the newest change among the rows involved; the ETag also covers what a
    date cannot, such as a row that was deleted or a citation that came to point at a resolution.
    """

    etag: str
    last_modified: datetime | None

    @classmethod
    def of(cls, *state, last_modified: datetime | None) -> "Validators":
        digest = hashlib.sha256(repr((state, last_modified)).encode()).hexdigest()
        return cls(etag=f'"{digest[:32]}"', last_modified=last_modified)

    @property
    def timestamp(self) -> int | None:
        return int(self.last_modified.timestamp()) if self.last_modified else None

    def not_modified(self, request) -> HttpResponse | None:
        """304 when the client's copy is current, 412 when it asked for a state the data is not
        in (``If-Match``), else None: the response has to be built."""
        response = get_conditional_response(request, etag=self.etag, last_modified=self.timestamp)
        if response is None:
            return None
        if response.status_code == 412:
            response = error_response(412, "precondition failed: the data has changed")
        return self.stamp(response)

    def stamp(self, response: HttpResponse) -> HttpResponse:
        response["ETag"] = self.etag
        if self.timestamp is not None:
            response["Last-Modified"] = http_date(self.timestamp)
        # Caches may keep a copy but must ask again before using it: imports change data at any
        # time, and revalidation costs a few small queries.
        patch_cache_control(response, public=True, no_cache=True)
        return response
