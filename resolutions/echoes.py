"""Agreed language: where a paragraph's text, the same or nearly the same, appears elsewhere.
"""


def backfill(apps) -> None:
    """Compute ``Paragraph.text_bands`` for every stored paragraph (a migration's ``apps``: only
    the historical models' fields and default managers)."""
