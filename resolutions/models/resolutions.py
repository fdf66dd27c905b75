"""Resolutions, identified by their canonical UN symbol, and the series they form."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property

from ..bodies import BODIES, session_key
from ..languages import LANGUAGES
from ..symbols import canonical_symbol, parse_symbol
from ..votes import vote_summary


class Body(models.TextChoices):
    GENERAL_ASSEMBLY = "GA", BODIES["GA"].en
    SECURITY_COUNCIL = "SC", BODIES["SC"].en


class ResolutionQuerySet(models.QuerySet):
    def by_symbol(self, text: str) -> "ResolutionQuerySet":
        """Resolutions whose symbol is ``text`` in any common spelling: 76/127, 2286(2016)."""
        canonical = canonical_symbol(text)
        return self.filter(symbol=canonical) if canonical else self.none()

    def general_assembly(self) -> "ResolutionQuerySet":
        return self.filter(body=Body.GENERAL_ASSEMBLY)

    def security_council(self) -> "ResolutionQuerySet":
        return self.filter(body=Body.SECURITY_COUNCIL)


class Series(models.Model):
    """General Assembly resolutions that continue one another, session after session: the same
    title, or an opening paragraph that recalls the previous resolution of that title. Kept by
    ``resolutions.series`` as texts are stored."""

    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="The series' URL name, from its title: /series/<slug>/.",
    )
    title = models.TextField(
        help_text="The title of its latest resolution, English when it has one."
    )
    title_language = models.CharField(max_length=2, choices=list(LANGUAGES.items()))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "series"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resolutions:series", kwargs={"slug": self.slug})


class Resolution(models.Model):
    symbol = models.CharField(
        max_length=64,
        unique=True,
        help_text="Canonical UN symbol: A/RES/76/127, S/RES/2286 (2016), A/RES/217A(III).",
    )
    body = models.CharField(max_length=2, choices=Body.choices)
    session = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="General Assembly session (76); empty for the Council."
    )
    special_session = models.CharField(
        max_length=2,
        blank=True,
        help_text="'S' for a special session, 'ES' for an emergency special session.",
    )
    number = models.PositiveIntegerField(help_text="Number within the session, or Council number.")
    part = models.CharField(
        max_length=2,
        blank=True,
        help_text="Part letter of early Assembly resolutions (217 A (III)).",
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year in a Security Council symbol: 2016 in 2286 (2016)."
    )
    adopted_on = models.DateField(null=True, blank=True)
    meeting_number = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Plenary (Assembly) or Council meeting at which it was adopted: 51 for the 51st.",
    )
    agenda_items = ArrayField(
        models.CharField(max_length=32),
        default=list,
        blank=True,
        help_text="Agenda item numbers as printed, sub-item letter included: 75(a).",
    )
    draft_symbols = ArrayField(
        models.CharField(max_length=64),
        default=list,
        blank=True,
        help_text="Symbols of the draft resolution and its addenda or revisions.",
    )
    vote = models.JSONField(
        null=True,
        blank=True,
        help_text=(
            "How the vote went, read from the closing sentence: {'unanimous': true}, or counts "
            "such as {'in_favour': 13, 'against': 0, 'abstaining': 2, 'abstaining_members': "
            "[...]}; see resolutions.parsing.crunsc.vote. Empty when the source does not say."
        ),
    )
    states = ArrayField(
        models.CharField(max_length=3),
        default=list,
        blank=True,
        help_text="ISO 3166 alpha-3 codes of the States its paragraphs name: resolutions.states.",
    )
    series = models.ForeignKey(
        Series,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
        help_text="The yearly series it belongs to, when another resolution continues it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["body", "special_session", "session", "year", "number", "part"]
        indexes = [
            models.Index(fields=["body", "session", "number"], name="resolution_ga_browse"),
            models.Index(fields=["body", "year", "number"], name="resolution_sc_browse"),
            models.Index(fields=["adopted_on"], name="resolution_adopted_on"),
            GinIndex(fields=["states"], name="resolution_states"),
        ]

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("resolutions:resolution", kwargs={"symbol": self.symbol})

    @cached_property
    def short_symbol(self) -> str:
        """How the resolution is cited: 76/127, 2286 (2016), 217 A (III)."""
        return parse_symbol(self.symbol).short

    @property
    def session_key(self) -> str:
        """The Assembly session as the browse URLs write it: 76, ES-11, S-27."""
        return session_key(self.session, self.special_session)

    def get_browse_url(self) -> str:
        """The list this resolution belongs to: its Assembly session or its Council year."""
        if self.body == Body.SECURITY_COUNCIL:
            return reverse("resolutions:sc_year", kwargs={"year": self.year})
        return reverse("resolutions:ga_session", kwargs={"session": self.session_key})

    @cached_property
    def vote_summary(self) -> dict[str, str] | None:
        """The vote in words, Chinese and English: 以 13 票赞成、0 票反对、2 票弃权通过 /
        Adopted by 13 votes to none, with 2 abstentions (France, Italy)."""
        return vote_summary(self.vote) if self.vote else None
