"""How a resolution's paragraphs stand: sub-items under their paragraph, and the body and each
annex as runs of preambular paragraphs, operative paragraphs, headings, table rows and unnumbered
text, in document order. The reading pages and the Akoma Ntoso export lay texts out from it."""

from dataclasses import dataclass, field

from .labels import annex_of
from .models import Paragraph, ParagraphKind


def build_tree(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The top-level paragraphs in order, each with ``subitems`` holding its sub-items."""
    by_id = {paragraph.id: paragraph for paragraph in paragraphs}
    roots = []
    for paragraph in paragraphs:
        paragraph.subitems = []
    for paragraph in paragraphs:
        parent = by_id.get(paragraph.parent_id)
        (parent.subitems if parent else roots).append(paragraph)
    return roots


@dataclass
class Run:
    """Consecutive top-level paragraphs shown the same way: "preambular", "operative",
    "heading", "table" (rows of one table) or "other" (unnumbered text)."""

    kind: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Section:
    """The body of the resolution, or one of its annexes, as runs in document order."""

    annex: str | None  # None for the body, "" for the only annex, "ii" for annex II
    runs: list[Run] = field(default_factory=list)

    @property
    def is_annex(self) -> bool:
        return self.annex is not None

    @property
    def anchor(self) -> str:
        return f"annex_{self.annex}" if self.annex else "annex"

    @property
    def number(self) -> str:
        return (self.annex or "").upper()


def _run_kind(paragraph: Paragraph) -> str:
    if paragraph.kind == ParagraphKind.PREAMBULAR:
        return "preambular"
    if paragraph.kind == ParagraphKind.OPERATIVE:
        return "operative"
    for kind in ("heading", "table"):
        if f"{kind}_" in paragraph.eid:
            return kind
    return "other"


def arrange(roots: list[Paragraph]) -> list[Section]:
    """The top-level paragraphs as the printed text lays them out: the body, then each annex,
    each as runs of preambular paragraphs, operative paragraphs, headings, table rows and
    unnumbered text in document order (a heading between two parts stays between them)."""
    sections: list[Section] = []
    for paragraph in roots:
        annex = annex_of(paragraph.eid)
        if not sections or sections[-1].annex != annex:
            sections.append(Section(annex))
        runs = sections[-1].runs
        kind = _run_kind(paragraph)
        if not runs or runs[-1].kind != kind:
            runs.append(Run(kind))
        runs[-1].paragraphs.append(paragraph)
    return sections
