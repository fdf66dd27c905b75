"""The paragraphs of one resolution in an Official Records extract, and of its annex.

The body runs from the opening formula to the closing ``78th plenary meeting``: preambular
paragraphs, then ``1.`` operative paragraphs with ``(a)`` and ``(i)`` sub-items. An annex follows
the closing: upper-case section headings (``I. GUIDING PRINCIPLES``), lettered and unnumbered
sub-headings (``(a) Contingency funding arrangements``, ``Early warning``) and paragraphs numbered
through the whole annex. Annex eids carry the ``annex_`` prefix (``annex_i_``, ``annex_ii_`` when
the volume prints several annexes).

OCR misreads labels; where the sequence leaves one reading only, the label is repaired:
``1,``/``ti.`` for ``1.``/``11.``, ``(5)``/``(@)``/``(/)``/``{g)``/``(A)`` for the expected
letter, a lost ``(i)`` in ``(Preparing``, and ``Ti,``/``VIL`` for section numerals ``II``/``VII``.
"""

import re
from dataclasses import dataclass, field

from ..document import OPERATIVE, OTHER, PREAMBULAR, SUBPARAGRAPH, Issue, ParsedParagraph
from ..shared.blocks import ROMAN_RE

_NUMBERED_RE = re.compile(r"^(?P<label>\d{1,3}|[tTlIi1]{1,2}\d?)[.,]\s+(?P<text>\S.*)$")
_SECTION_RE = re.compile(r"^(?P<label>[IVXLTil1]{1,5})[.,]?\s+(?P<title>[A-Z][^a-z]{3,})$")
_ANNEX_TITLE_RE = re.compile(r"^ANNEX(?:\s+(?P<label>[IVXL]{1,5}))?$", re.I)
_SUBITEM_RE = re.compile(r"^[({](?P<label>[^\s)}]{1,5})[)}]\s*(?P<text>\S.*)$")
# "(i) Preparing" read as "(Preparing": the label is lost, the bracket stays.
_LOST_LABEL_RE = re.compile(r"^\((?P<text>[A-Z][a-z]+\b.*)$")
_TERMINAL = tuple(",;:.")
_UNITS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]


def roman(number: int) -> str:
    """The section numeral as printed: 1 → I, 14 → XIV (sections stay well under 40)."""
    return "X" * (number // 10) + _UNITS[number % 10] if 0 < number < 40 else str(number)


def _roman_value(label: str) -> int | None:
    return next((n for n in range(1, 40) if roman(n) == label.upper()), None)


def _one_slip(read: str, expected: str) -> bool:
    """Whether ``read`` is ``expected`` with one character changed, added or dropped."""
    if abs(len(read) - len(expected)) > 1:
        return False
    if len(read) == len(expected):
        return sum(a != b for a, b in zip(read, expected, strict=True)) <= 1
    short, long = sorted((read, expected), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@dataclass
class Piece:
    """One paragraph's worth of text (a block after page repair) and its first line."""

    line: int
    text: str


@dataclass
class BodyBuilder:
    """Builds the paragraphs of one resolution in reading order; ``text`` holds the raw text
    (footnote markers still in it) until the caller renders it."""

    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    prefix: str = ""
    in_annex: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    top: ParsedParagraph | None = None  # the numbered paragraph sub-items belong to
    lettered: ParsedParagraph | None = None  # the last (a)-style sub-item under it
    roman_list: bool = False  # the list under the numbered paragraph runs (i), (ii) …
    expected_number: int = 1
    section: int = 0

    def body(self, pieces: list[Piece]) -> None:
        for index, piece in enumerate(pieces):
            self._take(piece, pieces[index + 1 : index + 2])

    def annex(self, pieces: list[Piece]) -> None:
        """The text after the closing: one annex, or several under "ANNEX I", "ANNEX II"."""
        titled = [p for p in pieces if _ANNEX_TITLE_RE.match(p.text)]
        several = len(titled) > 1 or any(_ANNEX_TITLE_RE.match(p.text)["label"] for p in titled)
        self.in_annex = True
        self._open_annex("annex_i_" if several else "annex_")
        for index, piece in enumerate(pieces):
            match = _ANNEX_TITLE_RE.match(piece.text)
            if match and several and (match["label"] or "I").upper() != "I":
                self._open_annex(f"annex_{match['label'].lower()}_")
            if match:
                self._add("heading", OTHER, match["label"], piece.line, piece.text)
                continue
            self._take(piece, pieces[index + 1 : index + 2])

    def _open_annex(self, prefix: str) -> None:
        self.prefix, self.expected_number, self.section = prefix, 1, 0
        self.top = self.lettered = None

    def _take(self, piece: Piece, following: list[Piece]) -> None:
        text = piece.text
        next_text = following[0].text if following else ""
        if self.in_annex and (match := _SECTION_RE.match(text)):
            self._section(match, piece)
        elif match := _NUMBERED_RE.match(text):
            self._numbered(match, piece)
        elif self._is_subheading(text, next_text):
            match = _SUBITEM_RE.match(text)
            label, title = (match["label"], match["text"]) if match else (None, text)
            self._add("heading", OTHER, label, piece.line, title)
            self.top = self.lettered = None
        elif self.top is not None and (
            (match := _SUBITEM_RE.match(text)) or (match := _LOST_LABEL_RE.match(text))
        ):
            self._subitem(match, piece, following)
        elif self.top is None and not self.in_annex and self.expected_number == 1:
            self._add("preamble", PREAMBULAR, None, piece.line, text)
        else:
            self._add("text", OTHER, None, piece.line, text)
            self.top = self.lettered = None

    def _is_subheading(self, text: str, next_text: str) -> bool:
        """A short line of the annex without final punctuation, not followed by a sub-item:
        "Early warning", "(a) Contingency funding arrangements", the annex's own title."""
        return (
            self.in_annex
            and len(text) < 90
            and (text[:1].isupper() or text[:1] in "({")
            and not text.endswith(_TERMINAL)
            and not (_SUBITEM_RE.match(next_text) and _SUBITEM_RE.match(text))
        )

    def _section(self, match: re.Match, piece: Piece) -> None:
        expected = self.section + 1
        read = _roman_value(match["label"])
        if read == expected or _one_slip(match["label"].upper(), roman(expected)):
            number = expected
        else:
            number = read or expected
            self.issues.append(
                Issue(piece.line, f"section {match['label']} where {roman(expected)} was expected")
            )
        self.section = number
        self._add("heading", OTHER, roman(number), piece.line, match["title"])
        self.top = self.lettered = None

    def _numbered(self, match: re.Match, piece: Piece) -> None:
        label = match["label"]
        # "1," or "ti." for "1." or "11.": OCR of the number the sequence calls for.
        number = int(label) if label.isdigit() else self.expected_number
        eid = f"{self.prefix}para_{number}"
        if any(p.eid == eid for p in self.paragraphs):
            self.issues.append(Issue(piece.line, f"paragraph {number} appears twice"))
            self._add("text", OTHER, None, piece.line, piece.text)
            return
        paragraph = ParsedParagraph(eid, OPERATIVE, str(number), None, match["text"], piece.line)
        self.paragraphs.append(paragraph)
        self.top, self.lettered = paragraph, None
        self.expected_number = number + 1

    def _subitem(self, match: re.Match, piece: Piece, following: list[Piece]) -> None:
        """(a) belongs to the numbered paragraph above, (i) to the lettered item above it, or
        to the paragraph when its list itself runs (i), (ii)."""
        read = match.groupdict().get("label")
        lettered = self.lettered
        next_label = _SUBITEM_RE.match(following[0].text) if following else None
        if (
            read
            and read.isdigit()
            and (
                lettered is not None
                and lettered.label.isdigit()
                or read == "1"
                and next_label is not None
                and next_label["label"] == "2"
            )
        ):
            label, parent = read, self.top  # a list numbered (1), (2) …
        else:
            if read and re.fullmatch(r"[1lI!|]{1,3}", read):
                read = "i" * len(read)  # (1), (11): OCR of (i), (ii)
            expected = self._expected_label()
            if read == expected or read is None or not re.fullmatch(r"[a-z]{1,5}", read):
                # A slip in the list ("(5)" for "(b)", "(@)" for "(d)") or a lost label.
                label, parent = expected, self.top
            elif lettered is not None and not self.roman_list and ROMAN_RE.match(read):
                label, parent = read, lettered
            else:
                label, parent = read, self.top
        eid = f"{parent.eid}_{label}"
        if any(p.eid == eid for p in self.paragraphs):
            self.issues.append(Issue(piece.line, f"sub-item ({label}) repeated in {parent.eid}"))
            self._add("text", OTHER, None, piece.line, piece.text)
            return
        paragraph = ParsedParagraph(eid, SUBPARAGRAPH, label, parent.eid, match["text"], piece.line)
        self.paragraphs.append(paragraph)
        if parent is self.top:
            if lettered is None:
                self.roman_list = label == "i"
            self.lettered = paragraph

    def _expected_label(self) -> str:
        """The label the list under the numbered paragraph calls for next."""
        lettered = self.lettered
        if lettered is None:
            return "a"
        if self.roman_list:
            return roman((_roman_value(lettered.label) or 0) + 1).lower()
        if lettered.label.isdigit():
            return str(int(lettered.label) + 1)
        return chr(ord(lettered.label[-1]) + 1)

    def _add(self, kind_name: str, kind: str, label: str | None, line: int, text: str) -> None:
        key = f"{self.prefix}{kind_name}"
        self.counts[key] = self.counts.get(key, 0) + 1
        eid = f"{key}_{self.counts[key]}"
        self.paragraphs.append(ParsedParagraph(eid, kind, label, None, text, line))
