"""Footnote markers of the Official Records, as OCR leaves them.

The volumes number footnotes consecutively through the whole book and print the markers as
superscripts after the punctuation (``resolution 43/47,¹³⁴``). OCR flattens them into the line
and often misreads them: ``43/47 ,134``, ``1991 ,!35``, ``Colonialism;'**``,
``assistance,'*’``. A marker that cannot be read is numbered from its neighbours, since the
numbers run on by one; the first readable marker anchors the sequence.
"""

import re
from dataclasses import dataclass

from ..shared.markers import DIGIT_TO_SUPERSCRIPT

_MARKER_CHARS = r"[\d!'*’?]"
# After the paragraph's final punctuation (a space may stand before it: "43/47 ,134").
_END_MARKER_RE = re.compile(rf"\s*(?P<punct>[,;:.])\s*(?P<marker>{_MARKER_CHARS}{{2,4}})$")
# Inside a sentence only a misread superscript is a marker: "Countries!*? and".
_MID_MARKER_RE = re.compile(rf"(?<=[A-Za-z)])(?P<marker>[!'*’?]{_MARKER_CHARS}{{1,3}})(?=\s)")


def read_marker(token: str) -> int | None:
    """The number OCR made of a superscript marker, or None when it is unreadable."""
    digits = token.replace("!", "1")
    return int(digits) if digits.isdigit() else None


@dataclass
class Marker:
    """One marker found in a raw paragraph: where it stands and what it reads as."""

    key: str  # which raw paragraph (the caller's key)
    start: int
    end: int
    punct: str
    read: int | None
    number: int | None = None


def find_markers(key: str, raw: str) -> list[Marker]:
    """The footnote markers of one raw paragraph, in order."""
    found = [
        Marker(key, m.start(), m.end(), "", read_marker(m.group("marker")))
        for m in _MID_MARKER_RE.finditer(raw)
    ]
    if match := _END_MARKER_RE.search(raw):
        found = [marker for marker in found if marker.start < match.start()]
        found.append(
            Marker(
                key, match.start(), match.end(), match.group("punct"), read_marker(match["marker"])
            )
        )
    return found


def number_markers(markers: list[Marker]) -> None:
    """Give every marker its number: as read when that keeps the sequence going forward, else
    one more than the marker before (or, before the first readable one, counted back from it)."""
    previous: int | None = None
    for index, marker in enumerate(markers):
        if previous is None:
            anchor = next(
                ((i, m.read) for i, m in enumerate(markers[index:], index) if m.read is not None),
                None,
            )
            marker.number = anchor[1] - (anchor[0] - index) if anchor else None
        elif marker.read is not None and marker.read > previous:
            marker.number = marker.read  # a marker OCR lost entirely leaves a gap
        else:
            marker.number = previous + 1
        if marker.number is not None:
            previous = marker.number


def render_markers(raw: str, markers: list[Marker]) -> str:
    """The raw text with each numbered marker as superscript digits, which ``parse_inline``
    turns into footnote references; unnumbered markers are dropped from the text."""
    for marker in sorted(markers, key=lambda m: m.start, reverse=True):
        superscript = str(marker.number).translate(DIGIT_TO_SUPERSCRIPT) if marker.number else ""
        raw = raw[: marker.start] + marker.punct + superscript + raw[marker.end :]
    return raw
