"""Lines pdftotext put out of place, put back before paragraphs are rebuilt.

Where the PDF set a line as two columns of justified words, pdftotext may take words out of the
line and print them apart, each between blank lines, after the paragraph::

    Reaffirming the principles of humanity, neutrality,        ← the line that lost words
    independence for the provision of humanitarian assistance,

    impartiality                                               ← its lost words

    and

The lost words go back at the end of the paragraph's first line that stops short of the
measure. A sub-item's label may likewise come before a short tail of its text (``(a)`` /
``people;`` / blank / ``An assessment … Palestinian``); the tail goes back to the end.
"""

import re

from .furniture import Line

_LABEL_RE = re.compile(r"^(?:\(\w{1,5}\)|\d{1,3}\.)$")
# A lost piece: one or two words in lower case, or a year (the "2018," of "6 December 2018,").
_LOST_RE = re.compile(r"^(?:[a-z][\w’'-]*[,;]?(?: [a-z][\w’'-]*[,;]?)?|\d{4}[,;]?)$")
_SHORT_SHARE = 0.8


def repair_columns(lines: list[Line]) -> list[Line]:
    """The lines with words lost by a two-column line put back, and label tails moved."""
    width = max((len(line.text) for line in lines), default=0)
    result: list[Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if _is_lost(lines, position) and _put_back(result, line, width):
            position += 1
            continue
        if (
            _LABEL_RE.match(line.text)
            and position + 2 < len(lines)
            and _is_label_tail(lines[position + 1], lines[position + 2], width)
        ):
            tail, text = lines[position + 1], lines[position + 2]
            result += [line, Line(text.number, text.text), Line(tail.number, tail.text)]
            position += 3
            continue
        result.append(line)
        position += 1
    return result


def _is_lost(lines: list[Line], position: int) -> bool:
    line = lines[position]
    following = lines[position + 1] if position + 1 < len(lines) else None
    return bool(
        line.after_gap and (following is None or following.after_gap) and _LOST_RE.match(line.text)
    )


def _put_back(result: list[Line], lost: Line, width: int) -> bool:
    """Append the lost words to the line before the paragraph's last, when it stops short."""
    if len(result) < 2 or result[-1].after_gap:
        return False
    line = result[-2]
    if len(line.text) >= width * _SHORT_SHARE or _LABEL_RE.match(line.text):
        return False
    line.text = f"{line.text} {lost.text}"
    return True


def _is_label_tail(tail: Line, text: Line, width: int) -> bool:
    return (
        not tail.after_gap
        and tail.text[:1].islower()
        and len(tail.text) < width * 0.4
        and text.after_gap
        and text.text[:1].isupper()
    )
