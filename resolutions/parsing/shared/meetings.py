"""The meeting that adopted a resolution: 第 51 次全体会议, 51st plenary meeting, 51e séance.

Two readers, for two kinds of source:

* ``parse_meeting`` reads a line that names a meeting and nothing else, in Chinese, English or
  French, as the UN's own files print it under a General Assembly resolution;
* ``find_meeting`` finds the meeting in a sentence of OCR text (``Adopted unanimously at the
  1382nd meeting.``), forgiving slips in the ordinal (``3106lst``, ``3rd_``).
"""

import re

_MEETING_RES = [
    re.compile(r"第\s*(\d+)\s*次(?:全体)?会议"),
    re.compile(r"(\d+)(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting", re.I),
    re.compile(r"(\d+)(?:e|re|ème)\s+séance(?:\s+plénière)?", re.I),
]
# A meeting resumed on another day, as the UN's PDFs print it: "54th (resumed) plenary meeting".
_RESUMED_MEETING_RE = re.compile(r"(\d+)(?:st|nd|rd|th)(?:\s+\(resumed\))?\s+plenary meeting")
_OCR_MEETING_RE = re.compile(r"(?P<number>\d{1,4})\s*[a-zA-Z_]{1,4}\s+meeting", re.I)


def parse_meeting(line: str, *, resumed: bool = False) -> int | None:
    """51 from 第 51 次全体会议 / 51st plenary meeting / 51e séance plénière; with ``resumed``,
    54 from 54th (resumed) plenary meeting too."""
    patterns = [_RESUMED_MEETING_RE, *_MEETING_RES] if resumed else _MEETING_RES
    for pattern in patterns:
        if match := pattern.fullmatch(line.strip()):
            return int(match.group(1))
    return None


def find_meeting(text: str) -> int | None:
    """1382 from "… at the 1382nd meeting"; None if ``text`` names no meeting."""
    match = _OCR_MEETING_RE.search(text)
    return int(match.group("number")) if match else None
