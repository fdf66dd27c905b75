"""Resolutions whose title matches a search, named before the paragraphs that match it.

A language version's title is found as a paragraph is: each group of the query has a term in it
and no excluded term is; a Chinese term as a substring, any other term as words matching by stem
in the title's language (Traditional Chinese has been read as Simplified by the query language).
Whitespace between two Chinese characters is not there for the match, in the title or in the
query, so that a title a conversion left a space in, or a query typed with one, is still found.

Titles are few, one per language version, so they are matched in PostgreSQL: a query narrows
the versions to those whose title holds every substring a match must contain (the Chinese
characters of a Chinese term; the start of each word's stem of any other term), and the
highlighter (``search.highlight``), which reads words as the index does, decides among them and
marks the title.

The titles answer the filters a resolution has (body, period, language, symbol, the States it
names, adoption dates); a filter of paragraphs (kind) leaves them out. The best few come back,
one per resolution, in the language that matched best: a title that is the whole query first,
then by the share of the title the query covers, then the newest. A query of the commonest words
matches many titles; the highlighter then reads only the likeliest few (``MAX_CANDIDATES``): the
whole query first, then the shortest titles (the query covers most of them), then the newest.
"""

import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, ExpressionWrapper, F, Func, Q, TextField, Value
from django.db.models.functions import Length, Lower
from django.utils.safestring import SafeString

from resolutions.bodies import parse_session_key
from resolutions.languages import LANGUAGE_ORDER, WrittenIn
from resolutions.models import LanguageVersion

from .analysis import CJK_RE, LANGUAGE_FIELDS, stemmer
from .highlight import Span, marked_html, marked_terms, merge_spans, spans_by_term

MAX_TITLES = 5
# The most titles the highlighter reads for one query (about a millisecond each): those that
# are the whole query first, then the shortest, then the newest. Only a query of common words
# has more, and then these hold the best few.
MAX_CANDIDATES = 25
# The filters a title can answer; any other (a paragraph's kind) leaves titles out.
TITLE_FILTERS = frozenset({"body", "period", "language", "symbol", "state"})
# Whitespace with a Chinese character on either side: a space a conversion left.
_CHINESE = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_IN_CHINESE = re.compile(rf"(?<=[{_CHINESE}])\s+(?=[{_CHINESE}])")
_LATIN_WORD = re.compile(rf"[^\W_{_CHINESE}]+")
# How many characters of a stem's start to require: its last ones may differ between the words
# that share it (happy, happiness: happi).
_STEM_SLACK = 2
_STEMMED_LANGUAGES = ("zh", *LANGUAGE_FIELDS)


@dataclass
class TitleHit(WrittenIn):
    """A resolution whose title matches, in the language that matched."""

    symbol: str
    language: str
    title: str
    marked_title: SafeString
    url: str
    adopted_on: date | None
    exact: bool
    coverage: float  # the share of the title's characters that the query marks
    version_id: int


def matching_titles(parsed, filters: dict[str, str], adopted=(None, None)) -> list[TitleHit]:
    """The resolutions whose title matches the parsed query (``search.querylang``), best first;
    ``filters`` and ``adopted`` as for ``search.query.request_for``."""
    if parsed.is_empty or set(filters) - TITLE_FILTERS:
        return []
    versions = _filtered(LanguageVersion.objects.all(), filters, adopted)
    if versions is None:
        return []
    whole_query = _compact(_fold(" ".join(term.text for term in parsed.terms)))
    versions = versions.annotate(folded_title=Lower(_Nfkc(F("title")))).annotate(
        compact_title=Func(
            F("folded_title"),
            Value(r"\s+"),
            Value(""),
            Value("g"),
            function="regexp_replace",
            output_field=TextField(),
        )
    )
    for group in parsed.groups:
        either = Q(pk__in=[])
        for term in group:
            either |= _must_contain(term.text)
        versions = versions.filter(either)
    rows = (
        versions.annotate(exact=ExpressionWrapper(Q(compact_title=whole_query), BooleanField()))
        .order_by(
            "-exact", Length("title"), F("resolution__adopted_on").desc(nulls_last=True), "pk"
        )
        .values_list("pk", "title", "language", "resolution__symbol", "resolution__adopted_on")
    )
    best: dict[str, TitleHit] = {}
    for row in rows[:MAX_CANDIDATES]:
        hit = _title_hit(*row, parsed=parsed, whole_query=whole_query)
        if hit is not None and (hit.symbol not in best or _rank(hit) < _rank(best[hit.symbol])):
            best[hit.symbol] = hit
    shown = sorted(best.values(), key=_rank)[:MAX_TITLES]
    urls = _version_urls([hit.version_id for hit in shown])
    for hit in shown:
        hit.url = urls[hit.version_id]
    return shown


def _version_urls(ids: list[int]) -> dict[int, str]:
    versions = LanguageVersion.objects.select_related("resolution").only(
        "language", "resolution__symbol"
    )
    return {pk: version.get_absolute_url() for pk, version in versions.in_bulk(ids).items()}


def _rank(hit: TitleHit) -> tuple:
    newest = -(hit.adopted_on.toordinal() if hit.adopted_on else 0)
    return (not hit.exact, -hit.coverage, newest, hit.symbol, LANGUAGE_ORDER.index(hit.language))


def _filtered(versions, filters: dict[str, str], adopted):
    """The versions the filters allow, or None when they allow none."""
    if "language" in filters:
        versions = versions.filter(language=filters["language"])
    if "body" in filters:
        versions = versions.filter(resolution__body=filters["body"])
    if "symbol" in filters:
        versions = versions.filter(resolution__symbol=filters["symbol"])
    if "state" in filters:
        versions = versions.filter(resolution__states__contains=[filters["state"]])
    if "period" in filters:
        body, _, key = filters["period"].partition(" ")
        if body == "SC" and key.isdigit():
            versions = versions.filter(resolution__body="SC", resolution__year=int(key))
        elif body == "GA" and (session := parse_session_key(key)):
            number, special = session
            versions = versions.filter(
                resolution__body="GA",
                resolution__session=number,
                resolution__special_session=special,
            )
        else:
            return None
    first, last = adopted
    if first:
        versions = versions.filter(resolution__adopted_on__gte=first)
    if last:
        versions = versions.filter(resolution__adopted_on__lte=last)
    return versions


class _Nfkc(Func):
    """PostgreSQL's normalize(text, NFKC): full-width forms folded, as the query is."""

    function = "normalize"
    template = "%(function)s(%(expressions)s, NFKC)"


def _must_contain(term: str) -> Q:
    """A condition every title matching ``term`` meets (and a few others): the SQL side of the
    match, checked before the highlighter decides."""
    folded = _fold(term)
    if CJK_RE.search(folded):
        return Q(compact_title__contains=_compact(folded))
    condition = Q()
    for word in _LATIN_WORD.findall(folded):
        start = _stable_start(word)
        # Case is folded alike on both sides only for ASCII and for scripts without case (the
        # database's lower() may not know other scripts); other words are left to the
        # highlighter.
        if start and (start.isascii() or start.upper() == start.lower()):
            condition &= Q(folded_title__contains=start)
    return condition


def _stable_start(word: str) -> str:
    """The start of ``word`` that every word sharing its stem, in any language the archive
    stems, begins with."""
    start = word
    for language in _STEMMED_LANGUAGES:
        start = os.path.commonprefix([start, stemmer(language)(word)])
    return start[: max(len(start) - _STEM_SLACK, 1)] if len(start) > _STEM_SLACK else start


def _title_hit(
    version_id, title, language, symbol, adopted_on, *, parsed, whole_query
) -> TitleHit | None:
    """The title as a hit when it matches the query (its marks mapped back across the spaces
    taken out), or None."""
    compact, origin = _without_spaces_in_chinese(title)
    positive = [term.text for term in parsed.terms]
    excluded = [term.text for term in parsed.excluded]
    found = spans_by_term(compact, positive + excluded, language)
    present = {text for text, spans in zip(positive + excluded, found, strict=True) if spans}
    if not all(any(term.text in present for term in group) for group in parsed.groups):
        return None
    if present.intersection(excluded):
        return None
    marked = set(marked_terms(parsed.terms))
    spans = merge_spans(
        (origin[start], origin[end - 1] + 1)
        for text, term_spans in zip(positive, found, strict=False)
        if text in marked
        for start, end in term_spans
    )
    return TitleHit(
        symbol=symbol,
        language=language,
        title=title,
        marked_title=marked_html(title, spans),
        url="",
        adopted_on=adopted_on,
        exact=_compact(_fold(title)) == whole_query,
        coverage=_coverage(title, spans),
        version_id=version_id,
    )


def _coverage(title: str, spans: list[Span]) -> float:
    letters = sum(1 for char in title if char.isalnum())
    marked = sum(1 for start, end in spans for char in title[start:end] if char.isalnum())
    return marked / letters if letters else 0.0


def _without_spaces_in_chinese(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace between Chinese characters, and for each character kept its
    offset in ``text``."""
    kept, origin, position = [], [], 0
    for match in _SPACE_IN_CHINESE.finditer(text):
        kept.append(text[position : match.start()])
        origin.extend(range(position, match.start()))
        position = match.end()
    kept.append(text[position:])
    origin.extend(range(position, len(text)))
    return "".join(kept), origin


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _compact(text: str) -> str:
    """Whitespace gone altogether: a Chinese term is a substring of a title made so."""
    return "".join(text.split())
