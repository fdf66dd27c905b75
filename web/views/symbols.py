"""Symbols as users write them: variant spellings redirect, unknown resolutions get a page."""

from dataclasses import dataclass

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from resolutions.chronology import opens_in
from resolutions.citations.links import document_service_url
from resolutions.labels import element_name
from resolutions.languages import CHINESE_NAMES, ENGLISH_NAMES, LANGUAGES
from resolutions.models import LanguageVersion, Paragraph, Resolution
from resolutions.symbols import parse_symbol, split_symbol_path

from ..presentation import citations_of, group_citing


def variant(request, spelling: str):
    """Any other spelling of a resolution URL, redirected (301) to the canonical one.

    /76/127/, /a/res/76/127, /2286(2016)/, /S/RES/2286 (2016)/en/ all land on the canonical URL;
    what follows the symbol (a language, a paragraph) is kept.
    """
    if found := split_symbol_path(spelling):
        symbol, rest = found
        url = _canonical_url(symbol.canonical, rest)
        if url is not None and url != request.path:
            if request.META.get("QUERY_STRING"):
                url += "?" + request.META["QUERY_STRING"]
            return HttpResponsePermanentRedirect(url)
    raise Http404("No page here")


def _canonical_url(symbol: str, rest: list[str]) -> str | None:
    """The canonical URL of the symbol followed by what came after it, when that is a page."""
    if not rest:
        routes = [("resolution", {})]
    elif rest == ["changes"]:
        routes = [("changes", {})]
    elif rest == ["graph"]:
        routes = [("graph", {})]
    elif len(rest) == 1:
        left, _, right = rest[0].partition("-")
        routes = [
            ("version", {"language": rest[0]}),
            ("side_by_side", {"left": left, "right": right}),
        ]
    elif len(rest) == 2 and rest[0] == "all":
        routes = [("all_languages", {"eid": rest[1]})]
    elif len(rest) == 2 and rest[1] == "changes":
        routes = [("version_changes", {"language": rest[0]})]
    elif len(rest) == 2:
        routes = [("paragraph", {"language": rest[0], "eid": rest[1]})]
    else:
        return None
    for name, kwargs in routes:
        try:
            return reverse(f"resolutions:{name}", kwargs={"symbol": symbol, **kwargs})
        except NoReverseMatch:
            continue
    return None


def not_in_archive(request, symbol: str):
    """The friendly 404 for a resolution the archive does not hold (yet), or that cannot exist
    yet: its session or year is still ahead (then there is no official text to link to)."""
    parsed = parse_symbol(symbol)
    opening = opens_in(parsed, timezone.localdate()) if parsed else None
    context = {
        "symbol": symbol,
        "short_symbol": parsed.short if parsed else symbol,
        "opening": opening,
        "service_links": [
            (code, name, document_service_url(symbol, code)) for code, name in LANGUAGES.items()
        ]
        if opening is None
        else [],
        "citing": group_citing(citations_of(symbol), "zh"),
    }
    return render(request, "resolutions/not_in_archive.html", context, status=404)


@dataclass(frozen=True)
class VersionLink:
    """A language version the missing paragraph's page leads to: its text, or the paragraph in
    it when it has the paragraph."""

    version: LanguageVersion
    url: str
    has_paragraph: bool

    @property
    def chinese_name(self) -> str:
        return CHINESE_NAMES[self.version.language]

    @property
    def english_name(self) -> str:
        return ENGLISH_NAMES[self.version.language]


def missing_paragraph(request, symbol: str, language: str, eid: str):
    """The 404 of a paragraph the archive does not hold: it names the resolution and leads back
    to it, to the version asked for, and to the paragraph in the versions that have it."""
    resolution = Resolution.objects.filter(symbol=symbol).first()
    if resolution is None:
        return not_in_archive(request, symbol)
    having = set(
        Paragraph.objects.filter(version__resolution=resolution, eid=eid).values_list(
            "version__language", flat=True
        )
    )
    links = [
        VersionLink(
            version,
            f"{version.get_absolute_url()}{eid}/"
            if version.language in having
            else version.get_absolute_url(),
            version.language in having,
        )
        for version in resolution.versions.defer("source_text").in_language_order()
    ]
    asked = next((link.version for link in links if link.version.language == language), None)
    context = {
        "resolution": resolution,
        "asked": asked,
        "title_version": asked or (links[0].version if links else None),
        "language_zh": CHINESE_NAMES[language],
        "language_en": ENGLISH_NAMES[language],
        "place_zh": element_name(eid, "zh"),
        "place_en": element_name(eid, "en"),
        "others": [link for link in links if link.version != asked],
    }
    return render(request, "resolutions/missing_paragraph.html", context, status=404)
