"""The search form: one reading of a search's parameters (q, body, period, language, kind,
symbol, adopted_from, adopted_to, sort and page) for the search page, its Atom feed and the API
alike.

The form checks each parameter against what the index can hold: a body is GA or SC, a period an
Assembly session or a Council year, a language one of the six official languages, a kind one of
the kinds of text indexed, a symbol a resolution's (in any spelling, read as its canonical
one), an adoption date a day written YYYY-MM-DD (``adopted_from`` no later than ``adopted_to``),
a sort one of ``SORTS``, a page a whole number from 1 to ``MAX_PAGE`` and a query at most
``MAX_QUERY`` characters. A parameter given twice is ambiguous and refused,
and so is an empty value (``body=`` is no body); an absent parameter is simply not asked for.

What a refused value leads to is up to the reader of the form. The API answers the first one
with a 400 naming the parameter (``first_error``). The search page and the feed never refuse a
search: ``search_arguments`` gives what the form accepted and, for a refused value, what the page
has always made of it; a refused symbol or date is left out of the search, and ``ignored``
says why, for the page to show.
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from resolutions.bodies import SESSION_PATTERN
from resolutions.languages import LANGUAGES
from resolutions.models import Body, ParagraphKind
from resolutions.states import all_states
from resolutions.symbols import parse_symbol

from .query import FACETS, SORTS

# The period facet: an Assembly session (GA 76, GA ES-11) or a Council year (SC 2016).
PERIOD_PATTERN = rf"GA {SESSION_PATTERN}|SC [0-9]{{4}}"
KINDS = (*ParagraphKind.values, "footnote")
# Longer queries are cut by the search itself (with a notice); beyond this the URL is abuse.
MAX_QUERY = 1000
# Deeper pages are never useful to a reader and cost a long scan; narrow the filters instead.
MAX_PAGE = 10_000
# The longest spelling of a symbol the symbol filter reads.
MAX_SYMBOL = 64
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Filters of the resolution rather than of the paragraph: refused, they are left out.
RESOLUTION_FILTERS = ("symbol", "adopted_from", "adopted_to")
QUERY_REQUIRED = "q is required: the words, phrase or symbol to search for"


class OneValue(forms.TextInput):
    """A query-string parameter: its value (None when absent), or the list of all its values
    when it is given more than once."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist") and len(values := data.getlist(name)) > 1:
            return values
        return data.get(name)


class Parameter(forms.Field):
    """One parameter of the search, given at most once and checked whenever it is given."""

    widget = OneValue
    empty_values = [None]  # an empty value is a value like any other, and is checked

    def __init__(self, name: str, allowed, refusal: str):
        super().__init__(required=False)
        self.parameter = name
        self.allowed = allowed
        self.refusal = f"{name} {refusal}"

    def to_python(self, value):
        if isinstance(value, list):
            raise ValidationError(
                f"{self.parameter} is given {len(value)} times: give it once", code="repeated"
            )
        return value

    def validate(self, value):
        if value is not None and not self.allowed(value):
            raise ValidationError(self.refusal, code="invalid")


def _page_in_range(value: str) -> bool:
    return _WHOLE_NUMBER.fullmatch(value) is not None and 1 <= int(value) <= MAX_PAGE


def _is_resolution_symbol(value: str) -> bool:
    symbol = parse_symbol(value) if len(value) <= MAX_SYMBOL else None
    return symbol is not None and symbol.is_resolution


def _is_day(value: str) -> bool:
    try:
        return _ISO_DATE.fullmatch(value) is not None and date.fromisoformat(value) is not None
    except ValueError:  # 2021-02-30
        return False


def _nearest_page(raw: str) -> int:
    """The page the search page has always shown for a page number it cannot use: the nearest
    one from 1 to MAX_PAGE, or the first when it is no number at all."""
    try:
        return max(1, min(int(raw or 1), MAX_PAGE))
    except ValueError:
        return 1


class SearchForm(forms.Form):
    """A search's parameters, read from the query string; ``query_required`` for the API, where
    a search without words is a mistake rather than the search page's empty start."""

    q = Parameter(
        "q", lambda text: len(text) <= MAX_QUERY, f"is too long: {MAX_QUERY} characters at most"
    )
    body = Parameter("body", lambda value: value in Body.values, "must be GA or SC")
    period = Parameter(
        "period",
        lambda value: re.fullmatch(PERIOD_PATTERN, value) is not None,
        "must be an Assembly session or a Council year: GA 76, GA ES-11, SC 2016",
    )
    language = Parameter(
        "language", lambda value: value in LANGUAGES, f"must be one of {', '.join(LANGUAGES)}"
    )
    kind = Parameter("kind", lambda value: value in KINDS, f"must be one of {', '.join(KINDS)}")
    state = Parameter(
        "state",
        lambda value: value in all_states(),
        "must be the ISO 3166 alpha-3 code of a State or territory: SYR, COD, SUN",
    )
    symbol = Parameter(
        "symbol",
        _is_resolution_symbol,
        "must be a resolution's symbol: A/RES/76/127, 76/127, S/RES/2286 (2016)",
    )
    adopted_from = Parameter(
        "adopted_from", _is_day, "must be a day written YYYY-MM-DD, such as 2021-12-10"
    )
    adopted_to = Parameter(
        "adopted_to", _is_day, "must be a day written YYYY-MM-DD, such as 2021-12-31"
    )
    sort = Parameter("sort", lambda value: value in SORTS, f"must be one of {', '.join(SORTS)}")
    page = Parameter("page", _page_in_range, f"must be a whole number from 1 to {MAX_PAGE}")

    def __init__(self, data, *, query_required: bool = False):
        super().__init__(data)
        self.query_required = query_required

    def clean_q(self):
        query = self.cleaned_data["q"]
        if self.query_required and not query:
            raise ValidationError(QUERY_REQUIRED, code="required")
        return query

    def clean_symbol(self):
        symbol = self.cleaned_data["symbol"]
        return parse_symbol(symbol).canonical if symbol is not None else None

    def clean(self):
        first, last = self.cleaned_data.get("adopted_from"), self.cleaned_data.get("adopted_to")
        if first and last and first > last:
            self.add_error(
                "adopted_to",
                ValidationError(
                    f"adopted_to ({last}) is before adopted_from ({first}): "
                    "the range would hold no day",
                    code="empty_range",
                ),
            )
        return self.cleaned_data

    def ignored(self) -> list[str]:
        """Why each symbol or date given was left out of the search (empty values, as a form
        sends for a field left blank, are simply not asked for)."""
        return [
            self.errors[name][0]
            for name in RESOLUTION_FILTERS
            if name in self.errors and self.data.get(name)
        ]

    def first_error(self) -> tuple[str, str] | None:
        """The first refused parameter, in the order of the fields, and why: (name, message)."""
        for name in self.fields:
            if name in self.errors:
                return name, self.errors[name][0]
        return None

    def search_arguments(self) -> tuple[str, dict[str, str], str, int]:
        """(query, filters, sort, page) for ``run_search``: each value the form accepted, and
        for a refused one what the search page has always made of it: no symbol or date
        (``ignored`` says why), the last of repeated values, a query too long cut by the search
        (with a notice), a facet filter kept as given (it then finds nothing), a sort other
        than ``SORTS`` read as relevance and a page number out of range or unreadable as the
        nearest page. The filters are the facets', then ``symbol`` (canonical),
        ``adopted_from`` and ``adopted_to`` (YYYY-MM-DD)."""
        refused = self.errors

        def given(name: str) -> str:
            return self.data.get(name) or ""

        def read(name: str, fallback):
            return fallback if name in refused else self.cleaned_data[name]

        query = read("q", given("q")) or ""
        filters = {name: value for name in FACETS if (value := read(name, given(name)))}
        filters |= {
            name: self.cleaned_data[name]
            for name in RESOLUTION_FILTERS
            if name not in refused and self.cleaned_data.get(name)
        }
        sort = read("sort", given("sort") if given("sort") in SORTS else None) or "relevance"
        page = read("page", None)
        return query, filters, sort, int(page) if page else _nearest_page(given("page"))
