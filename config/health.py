"""``/healthz``: whether this server can answer, for load balancers and monitoring.

It checks that the database answers and that the search index opens, and says which failed
(by kind only: no message that could expose paths or credentials). 200 when both work, 503
otherwise; never cached.
"""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.engines import backend


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return f"unavailable ({type(error).__name__})"
    return "ok"


def _search_index() -> str:
    try:
        return backend().health()
    except Exception as error:
        return f"unavailable ({type(error).__name__})"


@never_cache
def healthz(request):
    checks = {"database": _database(), "search_index": _search_index()}
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
