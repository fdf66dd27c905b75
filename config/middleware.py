"""Middleware of the whole site: the security headers Django does not set itself, and a clean
answer while the database cannot be reached."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render

log = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again while the database is unreachable.
RETRY_AFTER = 5


class ContentSecurityPolicyMiddleware:
    """Send ``settings.CONTENT_SECURITY_POLICY`` with every response that has none yet.

    The archive's pages run no inline script: imported text that slipped past escaping still
    could not execute.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(
            f"{directive} {' '.join(sources)}".strip()
            for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with a short page, instead of a 500, while PostgreSQL cannot be reached.

    A request that finds the server down (restarting, failing over, out of connections) gets a
    page saying so and ``Retry-After``; Django's persistent connections check their health at the
    start of each request, so the service recovers by itself once the server is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error("database unavailable for %s: %s", request.path, exception)
        if request.GET.get("format") == "json":
            response = JsonResponse({"error": "database unavailable"}, status=503)
        else:
            response = render(request, "503.html", status=503)
        response.headers["Retry-After"] = str(RETRY_AFTER)
        response.headers["Cache-Control"] = "no-store"
        return response
