"""URL converter for resolution symbols written the way the archive's URLs write them.

URLs carry the canonical symbol with the space of Security Council symbols dropped:
``/A/RES/76/127/``, ``/S/RES/2286(2016)/``, ``/A/RES/217A(III)/``.
"""

from .symbols import canonical_symbol


class SymbolConverter:
    regex = r"A/RES/(?:(?:ES-|S-)?\d+/\d+|\d+[A-Z]?\([IVXL]+\))|S/RES/\d+ ?\(\d{4}\)"

    def to_python(self, value: str) -> str:
        canonical = canonical_symbol(value)
        if canonical is None:
            raise ValueError(value)
        return canonical

    def to_url(self, value: str) -> str:
        return value.replace(" ", "")
