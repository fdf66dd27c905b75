"""Paragraphs rebuilt from the hard-wrapped body lines of UN PDF text.

No blank line separates paragraphs, so each line is asked whether it starts one:

* an operative paragraph opens with its number (``4.``), which may stand alone on its line;
* a sub-item opens with its label (``(a)``, ``(ii)``);
* a preambular paragraph opens with its verb phrase (italic in print, plain here): the previous
  paragraph ended with a comma and the line starts with a capitalised participle or adjective
  followed by lower-case words (``Recalling its``, ``Deeply concerned``, ``Bearing in mind``);
* a heading is a short line without closing punctuation before the next paragraph (``Part I``,
  ``Section 2``, ``Annex``, a sub-heading of the operative part);
* a table is a run of short lines with bare figures; each row becomes one paragraph.

eids: ``preamble_N``, ``para_N``, ``para_N_a_ii``; ``heading_N`` and ``text_N`` (unnumbered
paragraphs) are kind OTHER; ``table_N_row_M`` for table rows. An annex prefixes its eids with
``annex_`` (``annex_para_3``), or ``annex_i_``, ``annex_ii_`` when there are several; a part whose
numbering restarts at 1 prefixes ``part_B_``, as in the Security Council corpus layout.
"""

import re
from dataclasses import dataclass, field

from ..document import OPERATIVE, OTHER, PREAMBULAR, SUBPARAGRAPH, Issue, ParsedParagraph
from ..shared.blocks import ROMAN_RE
from ..shared.dates import parse_date
from ..shared.markers import MARKER_RE
from ..shared.meetings import parse_meeting
from .furniture import Line

_OPERATIVE_RE = re.compile(r"^(?P<label>\d{1,3})\.(?:\s+(?P<text>\S.*))?$")
_DECIMAL_RE = re.compile(r"^(?P<label>\d{1,2}\.\d{1,2})\.?\s+(?P<text>[A-Z].*)$")
_SUBITEM_RE = re.compile(r"^\((?P<label>[a-z]{1,5})\)(?:\s+(?P<text>\S.*))?$")
_ANNEX_RE = re.compile(r"^Annex(?:\s+(?P<number>[IVXL]+))?$")
_HEADING_RE = re.compile(
    r"^(?:(?:Part|Section|Chapter)\s+[\dIVXLA-Z]+\b\.?.*|[IVXL]+\.(?:\s+.*)?)$"
)
_PART_RE = re.compile(r"^Part\s+(?P<label>[0-9A-Z]+)\b")
_ADJECTIVES = "Aware|Conscious|Mindful|Cognizant|Convinced|Determined|Alarmed|Desirous|Concerned"
_PREAMBLE_OPENER_RE = re.compile(
    r"^(?:(?:Deeply|Strongly|Gravely|Further|Profoundly|Seriously|Fully|Also|Firmly|Keenly|"
    rf"Greatly)\s+(?:[a-z]+(?:ing|ed)|{_ADJECTIVES.lower()})"
    rf"|(?!United\b)[A-Z][a-z]+(?:ing|ed)|{_ADJECTIVES})(?:,|\s+[a-z(“]|$)"
)
# An unnumbered operative paragraph after the preamble: "Adopts the following document:".
_OPERATIVE_VERB_RE = re.compile(
    r"^(?:Also\s+)?(?:Adopts|Decides|Requests|Calls|Welcomes|Urges|Takes|Notes|Reaffirms|Endorses|"
    r"Approves|Invites|Encourages|Proclaims|Declares|Expresses|Emphasizes|Stresses|Recommends|"
    r"Authorizes|Condemns|Demands)\s+[a-z]"
)
# A row label of its own: the levels A to J of a scale of assessments.
_ROW_LABEL_RE = re.compile(r"^[A-Z]$")
_CONTINUING_WORDS = "and of for the in to on with by from at a an or its their"
_CONTINUING = frozenset(_CONTINUING_WORDS.split())
_FIGURE_RE = re.compile(r"^(?:[-–—]|\d[\d\s,]*(?:\.\d+)?%?\s*[a-z]?)$")
_TERMINAL = tuple(",;:.")
_HEADING_LENGTH = 120


def _plain(raw: str) -> str:
    return MARKER_RE.sub("", raw).rstrip()


def _starts_paragraph(text: str) -> bool:
    return bool(
        _OPERATIVE_RE.match(text)
        or _SUBITEM_RE.match(text)
        or _ANNEX_RE.match(text)
        or _HEADING_RE.match(text)
        or _DECIMAL_RE.match(text)
        or parse_meeting(text, resumed=True)
    )


@dataclass
class StructureBuilder:
    """Walks the body lines in order, building paragraphs (raw text, markers as superscripts)."""

    annex_count: int
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)  # prefix → last operative number
    annex: str = ""  # "annex_" or "annex_ii_" inside an annex
    part: str = ""  # "part_B_" once numbering restarted in part B
    part_label: str = ""
    operative: set[str] = field(default_factory=set)  # prefixes whose operative part began
    current: ParsedParagraph | None = None
    top: ParsedParagraph | None = None
    lettered: ParsedParagraph | None = None
    table: list[str] | None = None  # eid prefix of the current table's rows
    row_has_figure: bool = False
    meeting_number: int | None = None
    closing_date: object = None

    @property
    def prefix(self) -> str:
        return self.annex + self.part

    def build(self, lines: list[Line]) -> None:
        position = 0
        while position < len(lines):
            position = self._take(lines, position)

    # --- one line -------------------------------------------------------------------------

    def _take(self, lines: list[Line], position: int) -> int:
        line = lines[position]
        text = line.text
        following = lines[position + 1].text if position + 1 < len(lines) else ""
        meeting = parse_meeting(text, resumed=True)
        if meeting and (parse_date(following) or self._closing_before(lines, position)):
            self.meeting_number = meeting
            self.table = None
            if parse_date(following):
                self.closing_date = parse_date(following)
                return position + 2
            return position + 1
        if parse_date(text) and parse_meeting(following, resumed=True):
            self.closing_date = parse_date(text)
            return position + 1
        if match := _ANNEX_RE.match(text):
            self._start_annex(match.group("number"))
            return self._heading(lines, position)
        if self.table is not None and not self._ends_table(line):
            self._table_cell(line)
            return position + 1
        self.table = None
        if (match := _OPERATIVE_RE.match(text)) and self._is_next_number(int(match["label"])):
            self._operative(int(match["label"]), match["text"] or "", line.number)
        elif match := _DECIMAL_RE.match(text):
            self._add("text", OTHER, match["label"], None, match["text"], line.number)
        elif (match := _SUBITEM_RE.match(text)) and self.top is not None:
            self._subitem(match["label"], match["text"] or "", line.number)
        elif _HEADING_RE.match(text) and len(text) < _HEADING_LENGTH:
            if part := _PART_RE.match(text):
                self.part_label = part["label"]
            return self._heading(lines, position)
        elif self._starts_table(lines, position):
            self._start_table(line)
        elif self.current is None or self._starts_new(lines, position):
            return self._unnumbered(lines, position)
        else:
            self._append(text)
        return position + 1

    def _closing_before(self, lines: list[Line], position: int) -> bool:
        return position > 0 and parse_date(lines[position - 1].text) is not None

    def _append(self, text: str) -> None:
        eid = self.current.eid
        self.raw[eid] = f"{self.raw[eid]} {text}".strip()

    # --- paragraphs -----------------------------------------------------------------------

    def _is_next_number(self, number: int) -> bool:
        last = self.numbers.get(self.prefix, 0)
        return number == last + 1 or (number == 1 and last > 0)

    def _operative(self, number: int, text: str, line: int) -> None:
        if number == 1 and self.numbers.get(self.prefix, 0) > 0:
            # Numbering restarts: a new part of the text.
            label = self.part_label or str(self.counts.get("parts", 1) + 1)
            self.counts["parts"] = self.counts.get("parts", 1) + 1
            self.part = f"part_{label}_"
        self.numbers[self.prefix] = number
        self.operative.add(self.prefix)
        paragraph = self._add(
            f"{self.prefix}para_{number}", OPERATIVE, str(number), None, text, line
        )
        self.top, self.lettered = paragraph, None

    def _subitem(self, label: str, text: str, line: int) -> None:
        """(a) belongs to the paragraph above; (ii) to the lettered item above it; (i) after (h)
        is the next letter."""
        lettered = self.lettered
        next_letter = (
            lettered is not None
            and len(lettered.label) == 1
            and label == chr(ord(lettered.label) + 1)
        )
        if lettered is not None and not next_letter and ROMAN_RE.match(label):
            parent = lettered
        else:
            parent = self.top
        paragraph = self._add(f"{parent.eid}_{label}", SUBPARAGRAPH, label, parent.eid, text, line)
        if parent is self.top:
            self.lettered = paragraph

    def _unnumbered(self, lines: list[Line], position: int) -> int:
        line = lines[position]
        if self._looks_like_heading(lines, position):
            return self._heading(lines, position)
        in_preamble = self.prefix not in self.operative and not self.annex
        if in_preamble and _PREAMBLE_OPENER_RE.match(line.text):
            paragraph = self._add("preamble", PREAMBULAR, None, None, line.text, line.number)
        else:
            paragraph = self._add("text", OTHER, None, None, line.text, line.number)
            if not _PREAMBLE_OPENER_RE.match(line.text):
                self.operative.add(self.prefix)
        self.top, self.lettered = paragraph, None
        return position + 1

    def _starts_new(self, lines: list[Line], position: int) -> bool:
        """Whether an unlabelled line starts a paragraph rather than continuing the current."""
        previous = _plain(self.raw[self.current.eid])
        text = lines[position].text
        if not previous:
            return False
        if self.current.kind == OTHER and self.current.eid.split("_")[-2] == "heading":
            return True
        if not previous.endswith(_TERMINAL):
            return False
        if (
            previous.endswith(",")
            and self.current.kind == PREAMBULAR
            and _OPERATIVE_VERB_RE.match(text)
        ):
            return True
        if previous.endswith(",") and _PREAMBLE_OPENER_RE.match(text):
            return not (self.prefix in self.operative and self.current.kind != PREAMBULAR)
        if previous.endswith(":") and self.current.kind == OTHER:
            return True
        return not previous.endswith(",") and self._looks_like_heading(lines, position)

    def _looks_like_heading(self, lines: list[Line], position: int) -> bool:
        """A short run of lines without closing punctuation, right before a paragraph."""
        run: list[str] = []
        for line in lines[position:]:
            if run and (_starts_paragraph(line.text) or _PREAMBLE_OPENER_RE.match(line.text)):
                break
            # A title breaks off after "and", "of"…; a line in upper case after it is text.
            if run and line.text[:1].isupper() and run[-1].split()[-1] not in _CONTINUING:
                break
            run.append(line.text)
            if len(" ".join(run)) > _HEADING_LENGTH:
                return False
        if not run or not run[0][:1].isupper() or _PREAMBLE_OPENER_RE.match(run[0]):
            return False
        if any(_plain(text).endswith(_TERMINAL) for text in run):
            return False
        return position + len(run) < len(lines)

    def _heading(self, lines: list[Line], position: int) -> int:
        """A heading with the title lines under it (Section 2 / Political affairs).

        A label (Part I, Section 2, Annex, II.) takes one title line; a title line takes the
        next when it breaks off after a word such as "and" or "of", or the next starts in
        lower case."""
        first = lines[position]
        words = [first.text]
        labelled = bool(_HEADING_RE.match(first.text) or _ANNEX_RE.match(first.text))
        position += 1
        while position < len(lines):
            text = lines[position].text
            bare_label = labelled and len(words) == 1
            if (
                _starts_paragraph(text)
                or (_PREAMBLE_OPENER_RE.match(text) and len(text) > 60)
                or (_plain(words[-1]).endswith(_TERMINAL) and not bare_label)
                or len(" ".join(words)) + len(text) > _HEADING_LENGTH * 2
                or _FIGURE_RE.match(text)
            ):
                break
            last_word = words[-1].split()[-1].lower()
            if not (bare_label or text[:1].islower() or last_word in _CONTINUING):
                break
            words.append(text)
            position += 1
        key = self.annex + "heading"
        self.counts[key] = self.counts.get(key, 0) + 1
        eid = f"{key}_{self.counts[key]}"
        paragraph = ParsedParagraph(eid, OTHER, None, None, "", first.number)
        self._store(paragraph, " ".join(words))
        self.top, self.lettered = None, None
        return position

    def _start_annex(self, number: str | None) -> None:
        if self.annex_count > 1 and number:
            self.annex = f"annex_{number.lower()}_"
        else:
            self.annex = "annex_"
        self.part, self.part_label = "", ""

    # --- tables ---------------------------------------------------------------------------

    def _starts_table(self, lines: list[Line], position: int) -> bool:
        """Short lines and bare figures ahead, after a finished paragraph or a heading."""
        if self.current is None:
            return False
        if (
            not _plain(self.raw[self.current.eid]).endswith((":", ".", ";"))
            and self.current.eid.split("_")[-2] != "heading"
        ):
            return False
        window = lines[position : position + 14]
        if len(window) < 4 or any(len(line.text) > 70 for line in window):
            return False
        cells = sum(bool(_FIGURE_RE.match(t.text) or _ROW_LABEL_RE.match(t.text)) for t in window)
        return cells >= 2

    def _start_table(self, line: Line) -> None:
        key = self.prefix + "table"
        self.counts[key] = self.counts.get(key, 0) + 1
        self.table = [f"{key}_{self.counts[key]}_row_", "0"]
        self._new_row(line)

    def _new_row(self, line: Line) -> None:
        self.table[1] = str(int(self.table[1]) + 1)
        eid = f"{self.table[0]}{self.table[1]}"
        self._store(ParsedParagraph(eid, OTHER, None, None, "", line.number), line.text)
        self.row_has_figure = bool(_FIGURE_RE.match(line.text))

    def _table_cell(self, line: Line) -> None:
        figure = bool(_FIGURE_RE.match(line.text))
        if (self.row_has_figure and not figure) or _ROW_LABEL_RE.match(line.text):
            self._new_row(line)
            return
        self._append(line.text)
        self.row_has_figure = self.row_has_figure or figure

    def _ends_table(self, line: Line) -> bool:
        text = line.text
        return bool(
            len(text) > 70
            or (len(text) > 60 and _plain(text).endswith(_TERMINAL))
            or (_OPERATIVE_RE.match(text) and _OPERATIVE_RE.match(text)["text"])
            or (_OPERATIVE_RE.match(text) and self._is_next_number(int(text.rstrip("."))))
            or _SUBITEM_RE.match(text)
            or _ANNEX_RE.match(text)
        )

    # --- storage --------------------------------------------------------------------------

    def _add(
        self, name: str, kind: str, label: str | None, parent: str | None, raw: str, line: int
    ) -> ParsedParagraph:
        if name in ("preamble", "text"):
            key = self.prefix + name
            self.counts[key] = self.counts.get(key, 0) + 1
            eid = f"{key}_{self.counts[key]}"
        else:
            eid = name
        if eid in self.raw:
            self.issues.append(Issue(line, f"paragraph {eid} appears twice"))
            self._append(raw)
            return self.current
        paragraph = ParsedParagraph(eid, kind, label, parent, "", line)
        self._store(paragraph, raw)
        return paragraph

    def _store(self, paragraph: ParsedParagraph, raw: str) -> None:
        self.paragraphs.append(paragraph)
        self.raw[paragraph.eid] = raw
        self.current = paragraph
