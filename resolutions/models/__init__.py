"""The archive's data model: a resolution, its language versions, their paragraphs and notes.

A *resolution* is one adopted decision, identified by its canonical UN symbol. Each *language
version* holds the text in one official language; its paragraphs and footnotes carry an ``eid``
that is the same in every language (``preamble_3``, ``para_4_a``, ``fn_2``), so versions line up
paragraph by paragraph. Citations found in paragraphs and footnotes point at a symbol and, once
that resolution is in the archive, at the resolution itself.

Only the importer (``resolutions.importer``) writes these tables.
"""

from .citations import Citation, CitationKind
from .resolutions import Body, Resolution, ResolutionQuerySet, Series
from .texts import (
    Footnote,
    FootnoteReference,
    LanguageVersion,
    LanguageVersionQuerySet,
    Paragraph,
    ParagraphKind,
    ParagraphQuerySet,
    text_prefetches,
)

__all__ = [
    "Body",
    "Citation",
    "CitationKind",
    "Footnote",
    "FootnoteReference",
    "LanguageVersion",
    "LanguageVersionQuerySet",
    "Paragraph",
    "ParagraphKind",
    "ParagraphQuerySet",
    "Resolution",
    "ResolutionQuerySet",
    "Series",
    "text_prefetches",
]
