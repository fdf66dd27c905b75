"""Footnote markers: the superscript digits that call a footnote from the text.

Every layout ends with its markers as superscript digits in a paragraph's raw text, however the
source printed them (a superscript, a bare number, ``1/``); ``parse_inline`` turns them into
footnote references at offsets into the plain text.
"""

import re

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
DIGIT_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
MARKER_RE = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
