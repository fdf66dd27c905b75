"""Agreed language: the "first used in" trail of a paragraph.

The paragraphs in the same language that say the same thing, word for word or nearly, in the
order their resolutions were adopted: the first of them is where the words were first agreed,
as far as the archive knows, and the others repeat them. Candidates are the paragraphs that
share a band with this one (``Paragraph.text_bands``, through its GIN index), the earliest
``CANDIDATES`` of them in adoption order; each is then checked against the text itself
(``echoes.Resemblance``). One query however many paragraphs the archive holds.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import F
from django.urls import reverse

from .echoes import NEARLY_THE_SAME, Resemblance
from .labels import element_name
from .models import Paragraph

# At most this many paragraphs sharing a band are read and checked: the earliest, so the first
# use is among them. An archive that repeats one paragraph more often than this says "more".
CANDIDATES = 300
# Later uses listed on a page; the rest are counted.
SHOWN = 12


@dataclass(frozen=True)
class Use:
    """One paragraph that has the words: where it stands and how close it is."""

    symbol: str
    language: str
    adopted_on: date | None
    year: int | None
    eid: str
    name: str
    url: str
    same_words: bool
    similarity: float
    is_this: bool

    @property
    def label(self) -> str:
        """The symbol with the year it was adopted, unless the symbol says it: A/RES/73/137
        (2018), S/RES/2286 (2016)."""
        if self.year and f"({self.year})" not in self.symbol:
            return f"{self.symbol} ({self.year})"
        return self.symbol


@dataclass(frozen=True)
class Trail:
    """Where a paragraph's words were first used, and the later uses: ``later`` lists at most
    ``SHOWN`` of them and ``more`` counts the rest; ``complete`` is false when the archive has
    more candidates than were checked. An untraced paragraph (a heading, a few words) has no
    first use."""

    traced: bool
    first: Use | None = None
    later: list[Use] = field(default_factory=list)
    more: int = 0
    complete: bool = True

    @property
    def first_is_this(self) -> bool:
        return self.first is not None and self.first.is_this

    @property
    def only_use(self) -> bool:
        return self.first_is_this and not self.later and not self.more


def trail(paragraph: Paragraph, language: str = "") -> Trail:
    """The trail of ``paragraph``, whose version is in ``language`` (read from the version when
    not given)."""
    if not paragraph.text_bands:
        return Trail(traced=False)
    language = language or paragraph.version.language
    rows = list(
        Paragraph.objects.filter(
            text_bands__overlap=paragraph.text_bands, version__language=language
        )
        .order_by(
            F("version__resolution__adopted_on").asc(nulls_last=True),
            "version__resolution__session",
            "version__resolution__year",
            "version__resolution__number",
            "version__resolution__part",
            "position",
        )
        .values(
            "id",
            "eid",
            "text",
            symbol=F("version__resolution__symbol"),
            adopted_on=F("version__resolution__adopted_on"),
            year=F("version__resolution__year"),
        )[: CANDIDATES + 1]
    )
    complete = len(rows) <= CANDIDATES
    resemblance = Resemblance(paragraph.text)
    found = []
    for row in rows[:CANDIDATES]:
        row["is_this"] = row["id"] == paragraph.pk
        row["same_words"] = row["is_this"] or resemblance.same_words(row["text"])
        if row["same_words"]:
            row["similarity"] = 1.0
        else:
            row["similarity"] = resemblance.to(row["text"], at_least=NEARLY_THE_SAME)
            if row["similarity"] < NEARLY_THE_SAME:
                continue
        found.append(row)
    if not found:  # the paragraph was imported again between the page's queries
        return Trail(traced=True, complete=complete)
    first, *later = (_use(row, language) for row in found[: SHOWN + 1])
    return Trail(
        traced=True,
        first=first,
        later=later,
        more=max(len(found) - 1 - SHOWN, 0),
        complete=complete,
    )


def _use(row: dict, language: str) -> Use:
    version_url = reverse(
        "resolutions:version", kwargs={"symbol": row["symbol"], "language": language}
    )
    return Use(
        symbol=row["symbol"],
        language=language,
        adopted_on=row["adopted_on"],
        year=row["adopted_on"].year if row["adopted_on"] else row["year"],
        eid=row["eid"],
        name=element_name(row["eid"], language),
        url=f"{version_url}{row['eid']}/",
        same_words=row["same_words"],
        similarity=row["similarity"],
        is_this=row["is_this"],
    )
