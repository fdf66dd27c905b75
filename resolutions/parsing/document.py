"""The plain data a parser makes of one source file: what the importer stores.

Every layout (the Markdown-like conversion, pdftotext output, the Security Council corpus) is
parsed into these dataclasses, so the importer, the validator and the tests need to know only one
shape. Offsets index into the paragraph's or footnote's plain ``text``.
"""

from dataclasses import dataclass, field
from datetime import date

PREAMBULAR = "preambular"
OPERATIVE = "operative"
SUBPARAGRAPH = "subparagraph"
OTHER = "other"


@dataclass(frozen=True)
class Issue:
    """A problem found in a source file, with the line it concerns (1-based; 0 if none)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class ParseError(Exception):
    """The file cannot be read as a resolution at all; nothing of it may be stored."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.issue = Issue(line, message)

    @property
    def line(self) -> int:
        return self.issue.line


@dataclass(frozen=True)
class CitationSpan:
    start: int
    end: int
    text: str
    target: str
    kind: str
    pinpoint: str | None = None


@dataclass(frozen=True)
class FootnoteRef:
    marker: str
    offset: int


@dataclass
class ParsedParagraph:
    eid: str
    kind: str
    label: str | None
    parent_eid: str | None
    text: str
    line: int
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    citations: list[CitationSpan] = field(default_factory=list)


@dataclass
class ParsedFootnote:
    marker: str
    text: str
    line: int
    citations: list[CitationSpan] = field(default_factory=list)

    @property
    def eid(self) -> str:
        return f"fn_{self.marker}"


@dataclass
class ParsedResolution:
    """One language version of a resolution, with the metadata its header gives."""

    symbol: str
    body: str
    language: str
    title: str
    source_format: str
    session: int | None = None
    special_session: str = ""
    number: int | None = None
    part: str = ""
    year: int | None = None
    distributed_on: date | None = None
    adopted_on: date | None = None
    meeting_number: int | None = None
    agenda_items: list[str] = field(default_factory=list)
    agenda_title: str = ""
    adoption_note: str = ""
    # How the vote went, as JSON-ready data: {"unanimous": True} or {"in_favour": 13,
    # "against": 0, "abstaining": 2, "abstaining_members": [...]}; None when not said.
    vote: dict | None = None
    draft_symbols: list[str] = field(default_factory=list)
    opening_formula: str = ""
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    footnotes: list[ParsedFootnote] = field(default_factory=list)
    # Problems that do not stop parsing; the validator adds its own. A strict import fails on any.
    issues: list[Issue] = field(default_factory=list)
    # Flaws of the source mended in the text (a stray space, a broken word): kept among the
    # version's warnings, never a reason to refuse it.
    repairs: list[Issue] = field(default_factory=list)
