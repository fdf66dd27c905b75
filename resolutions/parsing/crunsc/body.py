"""The body of a Security Council corpus text: paragraphs, sub-items, parts, annexes, notes.

``BodyParser`` walks the blocks after the header in order. Where the OCR misread a label, the
neighbouring paragraphs decide (paragraph 5 printed "8." between 4 and 6 is 5); where the source
lost a number or the opening words of a paragraph, the paragraph still gets its place.
"""

import re
from dataclasses import dataclass, field

from ..document import (
    OPERATIVE,
    OTHER,
    PREAMBULAR,
    SUBPARAGRAPH,
    Issue,
    ParsedFootnote,
    ParsedParagraph,
    ParsedResolution,
    ParseError,
)
from ..shared.blocks import ROMAN_RE, Block
from ..shared.meetings import find_meeting
from ..shared.text import ends_paragraph, join_fragments
from .footnotes import (
    FOOTNOTE_RE,
    Markers,
    footnote_section,
    is_slash_note,
    split_joined_refs,
)
from .header import CLOSING_RE
from .lines import (
    ANNEX_RE,
    ARTICLE_RE,
    BARE_LABEL_RE,
    FORM_RE,
    INLINE_FIRST_ITEM_RE,
    LOOSE_OPERATIVE_RE,
    NEXT_DOCUMENT_RE,
    OPENING_RE,
    OPERATIVE_RE,
    PART_RE,
    SECTION_RE,
    SUBITEM_RE,
    is_heading,
    item_label,
    loose_label,
    restarting_parts,
    subitem_label,
)


@dataclass
class BodyParser:
    """Walks the blocks after the header, building paragraphs and footnotes in order."""

    resolution: ParsedResolution
    header_markers: list[str] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    part: str = ""
    parts_seen: int = 0
    in_annex: bool = False
    annex: str = ""  # the eid prefix of the annex, "annex_b_"
    in_form: bool = False
    in_section: bool = False  # a list of an annex ("Chemical Section:"), numbered "(1)", "(2)"
    restarting: set[int] = field(default_factory=set)  # lines of part letters
    in_operative_part: bool = False
    numbered: int = 0  # the last operative number of the current part
    lettered: ParsedParagraph | None = None
    roman_run: bool = False
    last: ParsedParagraph | None = None
    closing: list[str] = field(default_factory=list)
    next_document: bool = False  # after the closing, the volume's next document has begun
    footnote_raw: dict[str, str] = field(default_factory=dict)

    def parse(self, blocks: list[Block], last_line: int) -> None:
        resolution = self.resolution
        footnotes_from = footnote_section(blocks)
        self.restarting = restarting_parts(blocks)
        for position, block in enumerate(blocks):
            if position >= footnotes_from:
                self._footnotes(block)
            elif self.closing:
                self._after_closing(block)
            else:
                following = blocks[position + 1 : position + 3]
                for piece, lost_number in self._unglue(block, following):
                    if lost_number:
                        self._operative_paragraph(lost_number, piece.raw, piece.line)
                    else:
                        self._take(piece, following)
        if not resolution.paragraphs:
            raise ParseError("the file has no paragraphs after the header", last_line)
        # A few texts print no closing sentence (S/RES/129 (1958)): the meeting and the vote stay
        # unknown (None), which is what the source says; the text itself is complete.
        if self.closing:
            note = " ".join(self.closing)
            resolution.adoption_note = re.sub(r"\s+", " ", note).strip()
            resolution.meeting_number = find_meeting(note) or resolution.meeting_number
        markers = Markers(resolution, self.raw, self.footnote_raw, self.header_markers)
        markers.place()
        defined = {note.marker for note in resolution.footnotes}
        for paragraph in resolution.paragraphs:
            markers.apply(paragraph)
            paragraph.footnote_refs = split_joined_refs(paragraph.footnote_refs, defined)

    def _after_closing(self, block: Block) -> None:
        # The vote is often wrapped over blocks: "(China, Zimbabwe)". A "Decisions" heading
        # opens the next document of the volume, which is not this resolution's (as the text
        # before the header is not).
        if not self.next_document:
            self.closing.extend(block.lines)
        self._end_of_closing()

    def _end_of_closing(self) -> None:
        heading = next(
            (i for i, line in enumerate(self.closing) if NEXT_DOCUMENT_RE.match(line)), None
        )
        if heading is not None:
            del self.closing[heading:]
            self.next_document = True

    def _footnotes(self, block: Block) -> None:
        marker = None
        for offset, line in enumerate(block.lines):
            if match := FOOTNOTE_RE.match(line):
                marker = match.group("marker")
                if marker in self.footnote_raw:
                    self.resolution.issues.append(
                        Issue(block.line + offset, f"footnote {marker} is defined twice")
                    )
                    marker = None
                    continue
                self.footnote_raw[marker] = match.group("text")
                self.resolution.footnotes.append(ParsedFootnote(marker, "", block.line + offset))
            elif marker is not None or (self.resolution.footnotes and offset == 0):
                last = self.resolution.footnotes[-1].marker
                self.footnote_raw[last] = join_fragments(self.footnote_raw[last], line)

    def _take(self, block: Block, following: list[Block]) -> None:
        raw = block.raw
        first = block.lines[0]
        if CLOSING_RE.match(first):
            self.closing = list(block.lines)
            self._end_of_closing()
        elif OPENING_RE.match(raw):
            if not self.resolution.opening_formula:
                self.resolution.opening_formula = raw.rstrip(",.") + ","
        elif match := is_slash_note(raw):
            self._footnotes(block)
        elif self.in_form:
            # A form attached to an annex: its numbered boxes are not paragraphs of the text.
            self._add("text", OTHER, None, None, raw, block.line)
        elif annex := ANNEX_RE.match(raw):
            name = annex.group("name")
            self.annex = self.part = f"annex_{name.lower()}_" if name else "annex_"
            self.in_section = False
            self.numbered, self.lettered, self.in_annex = 0, None, True
            self.in_operative_part = True  # unnumbered annex paragraphs are text, not preamble
            self._add("heading", OTHER, None, None, raw, block.line)
        elif self.in_annex and (section := SECTION_RE.match(raw)):
            self.in_section = True
            # "Chemical Section:", "Missile Section:": lists of an annex that number their own.
            self.part = f"{self.annex}{section.group(1).lower()}_"
            self.numbered, self.lettered, self.last = 0, None, None
            self._add("heading", OTHER, None, None, raw, block.line)
            self.last = None
        elif self.in_annex and FORM_RE.match(raw):
            self.part, self.in_form = f"{self.part}form_", True
            self._add("heading", OTHER, None, None, raw, block.line)
        elif PART_RE.match(raw) or is_heading(raw) or ARTICLE_RE.match(raw):
            if article := ARTICLE_RE.match(raw):
                # The articles of an agreement the resolution approves number their own lists.
                if block.line in self.restarting:
                    self.part, self.numbered = f"article_{article.group(1)}_", 0
                self.in_operative_part, self.lettered = False, None
            elif PART_RE.match(raw):
                self.parts_seen += 1
                if self.parts_seen > 1 and block.line in self.restarting:
                    self.part, self.numbered = f"part_{raw}_", 0
                self.in_operative_part, self.lettered = False, None
            self._add("heading", OTHER, None, None, raw, block.line, prefix=False)
        elif not self.in_section and (operative := self._operative(raw, following)):
            self._operative_paragraph(*operative, block.line)
        elif (match := SUBITEM_RE.match(raw)) and self._is_item(item_label(match)):
            # Lettered decisions with no paragraph above them ("(a) Resolves …", "(b) Requests
            # …"), and the numbered entries of an annex's list ("(1) C.1.0.4.1.0: …").
            self._item(item_label(match), match.group("text"), raw, block.line)
        elif match := SUBITEM_RE.match(raw):
            label = self._letter_slip(subitem_label(item_label(match), following), following)
            self._subitem(label, match.group("text"), match.group(0), block.line)
        elif (bare := BARE_LABEL_RE.match(raw)) and self._text_before_label():
            # A label printed after its text in two columns ("To examine …" / "(i)").
            previous = self.resolution.paragraphs.pop()
            self.counts[self.part + "text"] -= 1
            self.last = self.resolution.paragraphs[-1]
            text = self.raw.pop(previous.eid)
            self._subitem(bare.group("label"), text, f"{raw} {text}", previous.line)
        elif self.last is not None and self._continues_last(raw):
            self.raw[self.last.eid] = join_fragments(self.raw[self.last.eid], raw)
        elif self._number_lost(raw, following):
            # The number is missing in the source, but the paragraph stands between N-1 and N+1.
            self._operative_paragraph(str(self.numbered + 1), raw, block.line)
        elif self.in_operative_part:
            self._add("text", OTHER, None, None, raw, block.line)
        else:
            self.lettered = None
            self._add("preamble", PREAMBULAR, None, None, raw, block.line)

    def _item(self, label: str, text: str, printed: str, line: int) -> None:
        eid = f"{self.part}item_{label}"
        if self.in_section and eid in self.raw:
            # The list prints one entry number on several entries ("(9) 9.A.13.b", "(9) A.13.c").
            self.raw[eid] = join_fragments(self.raw[eid], printed)
            self.last = next(p for p in self.resolution.paragraphs if p.eid == eid)
            return
        inline = INLINE_FIRST_ITEM_RE.match(text) if self.in_section else None
        # "(3) 4.2.3: (a) Fluid energy mills …": the entry's code, then its first sub-item.
        self._add(
            f"item_{label}", OTHER, label, None, inline.group("lead") if inline else text, line
        )
        if inline:
            self._subitem("a", inline.group("text"), inline.group(0), line)

    def _is_item(self, label: str) -> bool:
        """Whether a "(b)" or "(1)" line is an entry of its own rather than a sub-item."""
        last = self.last
        if last is None:
            return True
        if self.in_section or (self.in_annex and not self.numbered):
            return label.isdigit()
        lettered_items = "item_" in last.eid and last.parent_eid is None and last.label.isalpha()
        return lettered_items and label.isalpha()

    def _text_before_label(self) -> bool:
        """Whether the last paragraph is unlabelled text inside a lettered item's list."""
        last = self.last
        return (
            last is not None
            and last.eid.startswith(self.part + "text_")
            and self.lettered is not None
        )

    def _letter_slip(self, label: str, following: list[Block]) -> str:
        """A label the OCR misread, where its neighbours say what it is: "(5)" or "(6)" after (a)
        is (b), "(2)" opening a list followed by (b) is (a); a run (1), (2), (3) stays."""
        lettered = self.lettered
        after = SUBITEM_RE.match(following[0].raw) if following else None
        after = item_label(after) if after else None
        if not label.isdigit():
            if lettered is None or ROMAN_RE.match(label) or self.roman_run:
                return label
            if len(lettered.label) != 1:
                return label
            expected = chr(ord(lettered.label) + 1)
            if len(label) == 1:
                # "(a)" between (c) and (e) is (d).
                return expected if after == chr(ord(expected) + 1) else label
            # "(ad)" for (d), "(bob)" for (b): the expected letter with OCR noise around it.
            return expected if expected in label else label
        if lettered is None:
            return "a" if after == "b" and label != "1" else label
        if len(lettered.label) == 1 and not self.roman_run and after != str(int(label) + 1):
            return chr(ord(lettered.label) + 1)
        return label

    def _operative(self, raw: str, following: list[Block]) -> tuple[str, str] | None:
        """(label, text) when ``raw`` opens an operative paragraph."""
        expected = self.numbered + 1
        if match := OPERATIVE_RE.match(raw):
            after = loose_label(following[0].raw) if following else None
            if self.numbered and int(match.group("label")) != expected and after == expected + 1:
                return str(expected), match.group("text")  # "8." between 4 and 6 is 5
            return match.group("label"), match.group("text")
        if not self.in_annex and loose_label(raw) == self.numbered + 1:  # "I." is roman there
            return str(self.numbered + 1), LOOSE_OPERATIVE_RE.match(raw).group("text")
        return None

    def _operative_paragraph(self, label: str, text: str, line: int) -> None:
        # "10. (a) The Government of India should …": the paragraph is only its sub-items.
        first_item = SUBITEM_RE.match(text)
        opening = "" if first_item and item_label(first_item) == "a" else text
        self._add(f"para_{int(label)}", OPERATIVE, label, None, opening, line)
        self.in_operative_part, self.lettered, self.roman_run = True, None, False
        self.numbered = int(label)
        if not opening:
            self._subitem("a", first_item.group("text"), first_item.group(0), line)

    def _number_lost(self, raw: str, following: list[Block]) -> bool:
        """An unnumbered paragraph after operative N-1, starting a sentence, with N+1 next."""
        if not self.in_operative_part or not raw[:1].isupper() or not following:
            return False
        return loose_label(following[0].raw) == self.numbered + 2 and (
            self.last is None or ends_paragraph(self.raw[self.last.eid])
        )

    def _unglue(self, block: Block, following: list[Block]) -> list[tuple[Block, str | None]]:
        """A block split where a paragraph starts on a line of its own without the blank line
        before it ("… by whomever they are being held;" / "2. Calls for …"), with the operative
        number of a piece whose opening words the source lost."""
        first = block.lines[0]
        if len(block.lines) > 1 and (PART_RE.match(first) or ANNEX_RE.match(first)):
            # "A" / "1. Welcomes …", "Annex B" / "Goods Review List procedures"
            rest = Block(block.line + 1, block.lines[1:])
            return [(Block(block.line, block.lines[:1]), None), (rest, None)]
        operative = self._operative(block.raw, following) if block.lines else None
        expected = int(operative[0]) + 1 if operative else self.numbered + 1
        cuts = []
        for offset in range(1, len(block.lines)):
            previous, line = block.lines[offset - 1], block.lines[offset]
            if loose_label(line) == expected and re.search(r"[;:,.]\s*\d{0,3}$", previous):
                cuts.append((offset, None))
                expected += 1
            elif re.match(r"\((?:a|i)\)\s", line) and previous.endswith(":"):
                cuts.append((offset, None))  # "Decides:" / "(a) To call upon …"
            elif self.in_section and re.match(r"\(\d{1,2}\)\s", line) and previous[-1:] in ".;":
                cuts.append((offset, None))  # the next entry of an annex's list
        if operative and not cuts and following and loose_label(following[0].raw) == expected + 1:
            # "… until 24 October 1974;" / "the problems of the Force, …": paragraph 5 lost
            # its number and first words (S/RES/346 (1974)); it starts after the last ";".
            ends = [i for i in range(1, len(block.lines)) if block.lines[i - 1].endswith(";")]
            if ends and block.lines[ends[-1]][:1].islower():
                cuts.append((ends[-1], str(expected)))
        pieces, start, lost = [], 0, None
        for offset, number in cuts:
            pieces.append((Block(block.line + start, block.lines[start:offset]), lost))
            start, lost = offset, number
        pieces.append((Block(block.line + start, block.lines[start:]), lost))
        return pieces

    def _continues_last(self, raw: str) -> bool:
        if self.last.kind == OTHER and self.last.eid.startswith(("heading", self.part + "heading")):
            return False
        # A footnote marker may follow the final comma: "the report of 5 July, 12".
        previous = re.sub(r"\s+\d{1,3}/?$", "", self.raw[self.last.eid])
        if previous.endswith(":") and self.in_section and not ends_paragraph(raw):
            return True  # "the following components:" / "Casings Hammer/Anvils"
        return not ends_paragraph(previous) or raw[:1].islower()

    def _subitem(self, label: str, text: str, printed: str, line: int) -> None:
        """(a) belongs to the paragraph above; (ii) to the lettered item above it, or to the
        paragraph when its sub-items are numbered (i), (ii) directly."""
        lettered = self.lettered
        next_letter = (
            lettered is not None
            and len(lettered.label) == 1
            and label == chr(ord(lettered.label) + 1)
        )
        top = next(p for p in reversed(self.resolution.paragraphs) if p.parent_eid is None)
        if lettered is None and label == "i":
            self.roman_run = True
        roman = ROMAN_RE.match(label) is not None
        if lettered is not None and not next_letter and roman and not self.roman_run:
            parent = lettered
        else:
            parent = top
        eid = f"{parent.eid}_{label}"
        if eid in self.raw:
            # A repeated label: OCR or a list restarting; keep the text with the previous item.
            self.raw[self.last.eid] = join_fragments(self.raw[self.last.eid], printed)
            self.resolution.issues.append(Issue(line, f"sub-item ({label}) repeated in {eid}"))
            return
        paragraph = ParsedParagraph(eid, SUBPARAGRAPH, label, parent.eid, "", line)
        self._store(paragraph, text)
        if parent is top:
            self.lettered = paragraph

    def _add(
        self,
        kind_name: str,
        kind: str,
        label: str | None,
        parent: str | None,
        raw: str,
        line: int,
        prefix: bool = True,
    ) -> None:
        part = self.part if prefix else ""
        if kind_name in ("preamble", "heading", "text"):
            key = part + kind_name
            self.counts[key] = self.counts.get(key, 0) + 1
            eid = f"{key}_{self.counts[key]}"
        else:
            eid = part + kind_name
        if eid in self.raw:
            self.resolution.issues.append(Issue(line, f"paragraph {eid} appears twice"))
            self.raw[self.last.eid] = join_fragments(self.raw[self.last.eid], raw)
            return
        self._store(ParsedParagraph(eid, kind, label, parent, "", line), raw)

    def _store(self, paragraph: ParsedParagraph, raw: str) -> None:
        self.resolution.paragraphs.append(paragraph)
        self.raw[paragraph.eid] = raw
        self.last = paragraph
