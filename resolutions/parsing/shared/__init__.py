"""What the layouts have in common: how the UN prints dates, meetings, header lines, footnote
markers and paragraph labels, whichever file they are read from, and the flaws of a source
repaired in every parsed text (``repairs``).

Dates and meetings have two readers each: ``parse_date`` and ``parse_meeting`` read a line
that is a date or a meeting and nothing else, in any of the printed languages; ``find_date``
and ``find_meeting`` find the first one in a sentence of English OCR text, forgiving the OCR's
slips.
"""
