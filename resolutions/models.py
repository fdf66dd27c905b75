"""The archive's data model: a resolution, its language versions, their paragraphs and notes.

A *resolution* is one adopted decision, identified by its canonical UN symbol. Each *language
version* holds the text in one official language; its paragraphs and footnotes carry an ``eid``
that is the same in every language (``preamble_3``, ``para_4_a``, ``fn_2``), so versions line up
paragraph by paragraph. Citations found in paragraphs and footnotes point at a symbol and, once
that resolution is in the archive, at the resolution itself.

Only the importer (``resolutions.importer``) writes these tables.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.functional import cached_property

from .bodies import BODIES, session_key
from .labels import element_name, paragraph_label
from .languages import LANGUAGES, WrittenIn
from .symbols import canonical_symbol, parse_symbol
from .votes import vote_summary


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


def text_prefetches() -> list[Prefetch]:
    """What a whole text needs besides its version row: paragraphs, footnotes, footnote
    references and citations, a query each however long the text."""
    citations = Citation.objects.order_by("start")
    return [
        Prefetch("paragraphs__citations", queryset=citations),
        Prefetch(
            "paragraphs__footnote_references",
            queryset=FootnoteReference.objects.select_related("footnote").order_by("offset"),
        ),
        Prefetch("footnotes__citations", queryset=citations),
    ]


class LanguageVersionQuerySet(models.QuerySet):
    def with_contents(self) -> "LanguageVersionQuerySet":
        """Versions with their resolution, paragraphs, footnotes, references and citations,
        fetched in a fixed number of queries however long the text."""
        # The kept source is never shown on a page, and it is the largest column by far.
        return (
            self.select_related("resolution")
            .defer("source_text")
            .prefetch_related(
                Prefetch(
                    "resolution__versions", queryset=LanguageVersion.objects.defer("source_text")
                ),
                *text_prefetches(),
            )
        )

    def in_language_order(self) -> "LanguageVersionQuerySet":
        order = models.Case(
            *(models.When(language=code, then=i) for i, code in enumerate(LANGUAGES)),
            output_field=models.IntegerField(),
        )
        return self.order_by(order)


class LanguageVersion(WrittenIn, models.Model):
    """One language version of a resolution, with the source it was imported from."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(max_length=2, choices=list(LANGUAGES.items()))
    title = models.TextField()
    title_key = models.TextField(
        blank=True,
        help_text="The title folded for comparison (case, spacing, punctuation, full-width "
        "forms): resolutions of one title in different sessions form a series.",
    )
    distributed_on = models.DateField(null=True, blank=True)
    opening_formula = models.CharField(
        max_length=200,
        blank=True,
        help_text="The words that open the text: 大会， / The General Assembly,",
    )
    agenda_title = models.TextField(blank=True, help_text="Title of the agenda item, as printed.")
    subtitle = models.CharField(
        max_length=200,
        blank=True,
        help_text="Opening words of the first paragraph, shown under a title with no subject.",
    )
    adoption_note = models.TextField(
        blank=True,
        help_text="How it was adopted, as printed under the header: "
        "[without reference to a Main Committee (A/76/L.26)].",
    )
    source_name = models.CharField(max_length=255, help_text="File name it was imported from.")
    source_sha256 = models.CharField(
        max_length=64, help_text="Hash of the source bytes: re-importing the same file is a no-op."
    )
    source_format = models.CharField(max_length=16)
    source_text = models.TextField(help_text="The decoded source, kept so it can be parsed again.")
    warnings = models.JSONField(
        default=list, blank=True, help_text="Problems accepted by a --lenient import, with lines."
    )
    imported_at = models.DateTimeField(auto_now=True)

    objects = LanguageVersionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "language"], name="one_version_per_language"
            ),
        ]
        indexes = [
            models.Index(fields=["title_key"], name="version_title_key"),
            models.Index(fields=["language", "imported_at"], name="version_language_imported"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} ({self.language})"

    def get_absolute_url(self) -> str:
        return self.absolute_url

    @cached_property
    def absolute_url(self) -> str:
        """Reversed once per instance: its paragraphs' URLs are built from it."""
        return reverse(
            "resolutions:version",
            kwargs={"symbol": self.resolution.symbol, "language": self.language},
        )


class ParagraphKind(models.TextChoices):
    PREAMBULAR = "preambular", "Preambular paragraph"
    OPERATIVE = "operative", "Operative paragraph"
    SUBPARAGRAPH = "subparagraph", "Sub-item"
    OTHER = "other", "Other text"


class ParagraphQuerySet(models.QuerySet):
    def preambular(self) -> "ParagraphQuerySet":
        return self.filter(kind=ParagraphKind.PREAMBULAR)

    def operative(self) -> "ParagraphQuerySet":
        return self.filter(kind=ParagraphKind.OPERATIVE)


class Paragraph(models.Model):
    version = models.ForeignKey(
        LanguageVersion, on_delete=models.CASCADE, related_name="paragraphs"
    )
    position = models.PositiveIntegerField(help_text="Order in the document, from 1.")
    eid = models.CharField(
        max_length=64,
        help_text="Identifier that is the same in every language version (preamble_3, para_4_a), "
        "so permalinks, language switching and side-by-side views line up.",
    )
    kind = models.CharField(max_length=16, choices=ParagraphKind.choices)
    label = models.CharField(
        max_length=16, blank=True, help_text="The printed number or letter: 4, a, ii."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    text = models.TextField(
        help_text="Plain text as shown and searched: no markup, footnote markers or number."
    )
    source_line = models.PositiveIntegerField(help_text="Line of the source file where it starts.")
    text_bands = ArrayField(
        models.BigIntegerField(),
        default=list,
        blank=True,
        help_text="Locality-sensitive hashes of the text (resolutions.echoes): paragraphs that "
        "share one are candidates for the same agreed language.",
    )

    objects = ParagraphQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        indexes = [GinIndex(fields=["text_bands"], name="paragraph_text_bands")]
        constraints = [
            models.UniqueConstraint(fields=["version", "eid"], name="paragraph_eid_unique"),
            models.UniqueConstraint(
                fields=["version", "position"], name="paragraph_position_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.eid}"

    def get_absolute_url(self) -> str:
        # The paragraph URL is the version's plus the eid (see web/urls.py); building it
        # from the version's spares a resolution page a reverse() per paragraph.
        return f"{self.version.get_absolute_url()}{self.eid}/"

    @property
    def display_label(self) -> str:
        """The label printed beside the paragraph, which is also its permalink: PP3, 4., (a)."""
        return paragraph_label(self.eid)

    def name_in(self, language: str) -> str:
        """How a reader of ``language`` cites it: 第 4 段, paragraph 4 (a)."""
        return element_name(self.eid, language)


class Footnote(models.Model):
    version = models.ForeignKey(LanguageVersion, on_delete=models.CASCADE, related_name="footnotes")
    position = models.PositiveIntegerField()
    eid = models.CharField(max_length=16, help_text="fn_<marker>, the same in every language.")
    marker = models.CharField(max_length=8, help_text="The printed marker: 1, 2, … or *.")
    text = models.TextField()
    source_line = models.PositiveIntegerField()
    referenced_from = models.ManyToManyField(
        Paragraph, through="FootnoteReference", related_name="footnotes"
    )

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "marker"], name="footnote_marker_unique"),
            models.UniqueConstraint(fields=["version", "eid"], name="footnote_eid_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.eid}"

    def get_absolute_url(self) -> str:
        """Footnotes have no page of their own: the note on its version's page."""
        return f"{self.version.get_absolute_url()}#{self.eid}"


class FootnoteReference(models.Model):
    """Where a footnote marker stands in a paragraph: an offset into the paragraph's text."""

    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="footnote_references"
    )
    footnote = models.ForeignKey(Footnote, on_delete=models.CASCADE, related_name="references")
    offset = models.PositiveIntegerField(help_text="The marker stands before text[offset].")

    class Meta:
        ordering = ["paragraph", "offset"]

    def __str__(self) -> str:
        return f"{self.footnote} in {self.paragraph.eid} at {self.offset}"


class CitationKind(models.TextChoices):
    RESOLUTION = "resolution", "Resolution"
    DOCUMENT = "document", "Other UN document"


class Citation(models.Model):
    """A reference to a resolution or UN document found in a paragraph or a footnote."""

    paragraph = models.ForeignKey(
        Paragraph, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    footnote = models.ForeignKey(
        Footnote, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    start = models.PositiveIntegerField(help_text="Span of the cited symbol in the text.")
    end = models.PositiveIntegerField()
    cited_text = models.CharField(max_length=128, help_text="The symbol as written: 2175(2014).")
    target_symbol = models.CharField(max_length=64, help_text="Canonical symbol cited.")
    kind = models.CharField(max_length=16, choices=CitationKind.choices)
    target = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by",
        help_text="The cited resolution once it is in the archive; set when either side arrives.",
    )
    pinpoint = models.CharField(
        max_length=32, blank=True, help_text="Paragraph cited, when given: 23 in 第 23 段."
    )

    class Meta:
        ordering = ["paragraph", "footnote", "start"]
        indexes = [models.Index(fields=["target_symbol"], name="citation_target_symbol")]
        constraints = [
            models.CheckConstraint(
                condition=Q(paragraph__isnull=False, footnote__isnull=True)
                | Q(paragraph__isnull=True, footnote__isnull=False),
                name="citation_in_paragraph_or_footnote",
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="citation_span"),
        ]

    def __str__(self) -> str:
        return f"{self.cited_text} → {self.target_symbol}"
