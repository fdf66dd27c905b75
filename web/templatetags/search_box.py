"""The search box's own limit, for every input that sends a query (``maxlength``)."""

from django import template

from search.forms import MAX_QUERY

register = template.Library()


@register.simple_tag
def max_query_length() -> int:
    """The most characters a query may have (``search.forms.MAX_QUERY``)."""
    return MAX_QUERY
