"""Following a pasted citation into the archive: the resolution it names, the language version to
read it in and the paragraph or footnote it points to.

The version is the one in the citation's language (``pasted``: Chinese, French, Spanish, Russian
or Arabic for a citation in that language, English for any other) when the archive holds it and it
has the place cited; otherwise the first, Chinese first, that has it. What cannot be followed
says what is missing: the resolution (not in the archive, or not yet possible:
``resolutions.chronology``) or the place in it.
"""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from ..chronology import opens_in
from ..labels import FOOTNOTE_PREFIX, element_name
from ..languages import ENGLISH_NAMES, HTML_LANG, LANGUAGE_ORDER
from ..models import Footnote, LanguageVersion, Paragraph
from ..symbols import parse_symbol
from .links import resolution_url
from .pasted import PastedCitation, place_eid, read_citation

MISSING_RESOLUTION = "resolution"
MISSING_PLACE = "paragraph"


@dataclass(frozen=True)
class CitationTarget:
    """Where a citation leads. ``language`` is set whenever the archive holds the resolution;
    ``eid`` when the citation names a place and the archive has it."""

    citation: PastedCitation
    language: str | None = None
    eid: str | None = None
    languages: tuple[str, ...] = ()  # the versions the archive holds, Chinese first

    @property
    def symbol(self) -> str:
        return self.citation.symbol.canonical

    @property
    def missing(self) -> str | None:
        """What the archive does not hold: the resolution, the place cited, or nothing."""
        if self.language is None:
            return MISSING_RESOLUTION
        if self.citation.place is not None and self.eid is None:
            return MISSING_PLACE
        return None

    @property
    def url(self) -> str:
        """The paragraph's page (a footnote: its place on the version's page), the version's
        page when no place is cited or the place is missing, or the page of a resolution not in
        the archive."""
        if self.language is None:
            return resolution_url(self.symbol)
        url = reverse(
            "resolutions:version", kwargs={"symbol": self.symbol, "language": self.language}
        )
        if self.eid is None:
            return url
        if self.eid.startswith(FOOTNOTE_PREFIX):
            return f"{url}#{self.eid}"
        return f"{url}{self.eid}/"

    @property
    def html_lang(self) -> str:
        """The lang attribute of the place's name."""
        return HTML_LANG.get(self.language or "", "en")

    @property
    def place(self) -> str:
        """The place as the page names it (第 22 段, paragraph 4 (a)), else as it was written."""
        if self.eid is not None:
            return element_name(self.eid, self.language)
        return self.citation.place.written if self.citation.place else ""

    def summary(self) -> dict:
        """The citation as a search's JSON names it, before the results."""
        return {
            "symbol": self.symbol,
            "language": self.language,
            "eid": self.eid,
            "place": self.place,
            "url": self.url,
            "missing": self.missing,
        }

    def explanation(self, today: date) -> str:
        """What was not found, in words (for the API's 404)."""
        symbol = self.citation.symbol
        if self.missing == MISSING_RESOLUTION:
            if opening := opens_in(symbol, today):
                return f"{self.symbol} cannot exist yet: {opening.english}"
            return f"{self.symbol} is not in the archive"
        held = ", ".join(ENGLISH_NAMES[language] for language in self.languages)
        return f"{self.symbol} has no {self.place} in any of its versions ({held})"


def citation_in_query(query: str) -> CitationTarget | None:
    """Where a search query leads when it is a citation; None for a bare symbol, which the
    search already leads to (listing what cites it), and for anything else."""
    if not query.strip() or parse_symbol(query.strip()) is not None:
        return None
    return follow_citation(query)


def follow_citation(text: str) -> CitationTarget | None:
    """Where the citation ``text`` leads, or None when ``text`` is not a citation."""
    citation = read_citation(text)
    return follow(citation) if citation else None


def follow(citation: PastedCitation) -> CitationTarget:
    symbol = citation.symbol.canonical
    held = set(
        LanguageVersion.objects.filter(resolution__symbol=symbol).values_list("language", flat=True)
    )
    if not held:
        return CitationTarget(citation)
    languages = tuple(language for language in LANGUAGE_ORDER if language in held)
    order = sorted(languages, key=lambda language: language != citation.language)
    if citation.place is None:
        return CitationTarget(citation, order[0], languages=languages)
    # The eids the place reads as, then, failing them, the names of every paragraph.
    for eids in (citation.place.eids, None):
        holding = _eids_by_language(symbol, eids)
        for language in order:
            if eid := place_eid(citation.place, holding.get(language, set())):
                return CitationTarget(citation, language, eid, languages)
    return CitationTarget(citation, order[0], languages=languages)


def _eids_by_language(symbol: str, eids: tuple[str, ...] | None) -> dict[str, set[str]]:
    """The paragraphs and footnotes of the resolution's versions, by language: only ``eids``
    when given."""
    holding: dict[str, set[str]] = {}
    for model in (Paragraph, Footnote):
        rows = model.objects.filter(version__resolution__symbol=symbol)
        if eids is not None:
            rows = rows.filter(eid__in=eids)
        for language, eid in rows.values_list("version__language", "eid"):
            holding.setdefault(language, set()).add(eid)
    return holding
