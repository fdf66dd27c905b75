"""The text of a resolution in one language: its version, paragraphs, footnotes and the places
its footnote markers stand."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property

from ..labels import UNNUMBERED_LABEL, element_name, paragraph_label
from ..languages import LANGUAGES, WrittenIn
from .citations import Citation
from .resolutions import Resolution


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
        """The label printed beside the paragraph, which is also its permalink: PP3, 4., (a);
        a pilcrow where the source prints no number (an article's unnumbered paragraphs, whose
        eid ``article_2_para_1`` names them as a reader cites them)."""
        label = paragraph_label(self.eid)
        if self.kind == ParagraphKind.OTHER and not self.label and label.endswith("."):
            return UNNUMBERED_LABEL
        return label

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
