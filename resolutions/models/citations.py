"""Citations: where a paragraph or a footnote cites a resolution or another UN document."""

from django.db import models
from django.db.models import Q

from .resolutions import Resolution


class CitationKind(models.TextChoices):
    RESOLUTION = "resolution", "Resolution"
    DOCUMENT = "document", "Other UN document"


class Citation(models.Model):
    """A reference to a resolution or UN document found in a paragraph or a footnote."""

    paragraph = models.ForeignKey(
        "Paragraph", null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    footnote = models.ForeignKey(
        "Footnote", null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
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
