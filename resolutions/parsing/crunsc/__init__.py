"""The Security Council corpus layout: OCR text of the yearly volumes of Council resolutions.

What it looks like (S/RES/242 (1967) is the reference)::

    MILITARY STAFF COMMITTEE                 ← optional topic heading (kept as the title)
    Resolution 242 (1967)                    ← number and year; also "RESOLUTION 770 (1992)",
    of 22 November 1967                        "1 (1946). Resolution of 25 January 1946" or
    [S/3128]                                   "Adopted by the Security Council at its 3106th
                                               meeting, / on 13 August 1992"; [S/…] names drafts
    The Security Council,                    ← opening formula (missing in some early texts)
    preambular paragraphs, "1. Affirms …" operative paragraphs, "(a)" and "(i)" sub-items,
    all hard-wrapped and separated by blank lines; "A", "B" part letters and upper-case
    topic lines between them
    Adopted unanimously at the               ← closing: meeting number and vote, wrapped
    1382nd meeting.
    45 Ibid., document S/10009.              ← footnotes ("45" or "1/"), after the closing

The modules: this one is the entry point; ``header`` reads the header and the closing,
``lines`` the line patterns and labels, ``body`` the paragraphs, sub-items, parts and annexes,
``footnotes`` the footnote markers, ``vote`` the vote, ``subject`` the agenda item a text names.

Decisions:

* The closing sentence (meeting and vote) is kept verbatim in ``adoption_note``, and read into
  ``vote`` (see the ``vote`` module). Notes on the vote are folded into the closing sentence.
* Part letters ("A", "B", "I") and upper-case topic lines are paragraphs of kind OTHER with eids
  ``heading_N``; when operative numbering restarts at 1 after a part letter, the paragraphs of
  that part get eids prefixed ``part_B_`` so that they do not collide; parts that continue the
  numbering (S/RES/687 (1991)) keep plain eids. "Article 6" of an approved agreement prefixes
  ``article_6_`` the same way; an annex prefixes ``annex_`` or ``annex_b_``, its lists
  ("Chemical Section:") ``annex_a_chemical_``, a form attached to it ``…form_``.
* Lettered decisions without a paragraph above them and the "(1)" entries of an annex's lists
  are kind OTHER, ``item_a``, ``item_1``.
* Unnumbered paragraphs after the first operative paragraph continue it when the previous one
  stopped mid-sentence or they start in lower case; otherwise they are kind OTHER, ``text_N``.
* OCR slips are repaired where they are unambiguous: ``ef``/``Of`` for ``of``, ``Apri]``,
  ``£1966``, ``(197-4)``, ``(1)`` for ``(i)`` (unless a ``(2)`` follows), ``1lst`` meetings,
  ``Adapted`` for ``Adopted``; operative numbers ``5,``, ``S.``, ``l.``, ``Z.``, ``7 Calls``
  where that number is the one expected next, and a number between N-1 and N+1 read as N;
  sub-item labels ``(5)`` for ``(b)``, ``b)``, ``(c})``, ``(ad)`` where the neighbours agree. A
  paragraph starting on the line after the previous one, without a blank line, is split off.
* Where the source lost a paragraph's number (an unnumbered paragraph between N-1 and N+1) or
  its number and first words (S/RES/346 (1974)), the paragraph still gets number N.
* A text without a closing sentence (S/RES/129 (1958), 178 (1963), …) has no meeting number
  and no vote (``None``): the source does not give them, and it is not an error of the file.
* Text before the header (the end of the previous document in the volume, the cover of later
  UN documents), a "Decisions" heading after the closing and what follows it up to the notes
  (the next document of the volume), and page furniture (``Page 2``, ``94-12513 (E)``, repeated
  ``S/RES/902 (1994)``) is dropped; prose before the header that stops mid-sentence is reported
  in ``issues``.
"""

from ...symbols import parse_symbol
from ..document import ParsedResolution, ParseError
from ..shared.blocks import split_blocks
from .body import BodyParser
from .header import CLOSING_RE, find_header, header_markers, header_match, parse_header
from .lines import is_furniture, split_at_opening
from .subject import agenda_item, subject_of
from .vote import parse_vote

FORMAT = "crunsc"

__all__ = ["FORMAT", "looks_like_crunsc_layout", "parse"]


def looks_like_crunsc_layout(text: str) -> bool:
    """A "Resolution 242 (1967)" or "1 (1946). Resolution of …" line near the top, followed by
    the Council's opening formula or an "Adopted …" closing line, and no "Distr.: General" page
    header of the later UN documents."""
    lines = [line.strip() for line in text.splitlines()]
    head = [line for line in lines[:60] if line]
    # "Distr.: General" heads the later documents, read as pdftext; a 1994 cover prints a bare
    # "Distr." over "GENERAL" (S/RES/902 (1994)) and is this layout.
    if any(line.startswith("Distr.:") for line in head[:12]):
        return False
    if not any(header_match(line) for line in head):
        return False
    return any("Security Council" in line or CLOSING_RE.match(line) for line in lines)


def parse(text: str, language: str) -> ParsedResolution:
    """Parse one file in this layout; raises ParseError when it is not a resolution."""
    lines = text.splitlines()
    blocks = split_at_opening([b for b in split_blocks(lines) if not is_furniture(b)])
    if not blocks:
        raise ParseError("the file is empty")
    start = find_header(blocks)
    resolution, body_start = parse_header(blocks, start, language, FORMAT)
    markers = header_markers(blocks, start, body_start)
    BodyParser(resolution, markers).parse(blocks[body_start:], last_line=len(lines))
    resolution.vote = parse_vote(resolution.adoption_note)
    _name_subject(resolution, [line for block in blocks[: start[0]] for line in block.lines])
    return resolution


def _name_subject(resolution: ParsedResolution, before: list[str]) -> None:
    """The agenda item named just before the header or in the first paragraph, and its subject
    as the title of a text that has no topic heading."""
    first = resolution.paragraphs[0].text if resolution.paragraphs else ""
    item = agenda_item(" ".join(before)) or agenda_item(first)
    if item:
        resolution.agenda_title = item
        if resolution.title == f"Resolution {parse_symbol(resolution.symbol).short}":
            resolution.title = subject_of(item)
