"""URL converters: resolution symbols and language codes as the archive's URLs write them.

URLs carry the canonical symbol with the space of Security Council symbols dropped:
``/A/RES/76/127/``, ``/S/RES/2286(2016)/``, ``/A/RES/217A(III)/``. Other spellings do not match
here; they reach ``views.symbols.variant`` and are redirected.
"""

from resolutions.languages import LANGUAGE_PATTERN
from resolutions.symbols import URL_SYMBOL_SHAPE, canonical_symbol


class SymbolConverter:
    regex = URL_SYMBOL_SHAPE

    def to_python(self, value: str) -> str:
        canonical = canonical_symbol(value)
        if canonical is None:
            raise ValueError(value)
        return canonical

    def to_url(self, value: str) -> str:
        return value.replace(" ", "")


class LanguageConverter:
    regex = LANGUAGE_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class EidConverter:
    """Paragraph identifiers: preamble_3, para_4_a_ii, annex_2, heading_1, part_B_para_1,
    annex_para_3, annex_ii_heading_1, table_1_row_2, article_5, article_5_para_1, item_a
    (footnotes are anchors on the page, not pages of their own)."""

    regex = (
        r"(?:annex_(?:[ivxl]+_)?)?(?:(?:part|article)_[0-9A-Za-z]+_)?"
        r"(?:preamble|para|annex|heading|text|table|item)_[0-9a-z_]+"
        r"|article_[0-9A-Za-z]+"  # a whole article of an instrument the resolution adopts
    )

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
