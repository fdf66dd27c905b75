"""A query longer than the search takes gets the site's own 400 page (or the API's JSON error),
never a server's bare refusal."""

from django.http import JsonResponse
from django.shortcuts import render

from search.forms import MAX_QUERY

QUERY_TOO_LONG = f"q is too long: {MAX_QUERY} characters at most"


def query_too_long(request, query: str, as_json: bool):
    """The 400 of a query longer than ``MAX_QUERY`` characters: the site's page, with the box
    holding as much of the query as it takes, or the JSON error of the API."""
    if as_json:
        return JsonResponse({"error": QUERY_TOO_LONG, "parameter": "q"}, status=400)
    context = {"length": len(query), "max_query": MAX_QUERY, "query": query[:MAX_QUERY]}
    return render(request, "search/query_too_long.html", context, status=400)
