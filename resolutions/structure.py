"""How a resolution's paragraphs stand: sub-items under their paragraph, and the body and each
annex as runs of preambular paragraphs, operative paragraphs, headings, table rows and unnumbered
text, in document order. The reading pages and the Akoma Ntoso export lay texts out from it."""

from dataclasses import dataclass, field

from .labels import annex_of
from .models import Paragraph, ParagraphKind


@dataclass
class Node:
    """A paragraph and its sub-items, in document order."""

    paragraph: Paragraph
    subitems: list["Node"] = field(default_factory=list)


def build_tree(paragraphs: list[Paragraph]) -> list[Node]:
    """The paragraphs whose parent is not among ``paragraphs``, in order, each with its
    sub-items."""
    nodes = {paragraph.id: Node(paragraph) for paragraph in paragraphs}
    roots = []
    for paragraph in paragraphs:
        parent = nodes.get(paragraph.parent_id)
        (parent.subitems if parent else roots).append(nodes[paragraph.id])
    return roots


@dataclass
class Run:
    """Consecutive top-level paragraphs shown the same way: "preambular", "operative",
    "heading", "table" (rows of one table) or "other" (unnumbered text)."""

    kind: str
    items: list = field(default_factory=list)  # Nodes, or what a page shows of them


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


def arrange(roots: list) -> list[Section]:
    """The top-level paragraphs as the printed text lays them out: the body, then each annex,
    each as runs of preambular paragraphs, operative paragraphs, headings, table rows and
    unnumbered text in document order (a heading between two parts stays between them).

    ``roots`` are ``Node``s, or anything else holding its ``paragraph``."""
    sections: list[Section] = []
    for root in roots:
        annex = annex_of(root.paragraph.eid)
        if not sections or sections[-1].annex != annex:
            sections.append(Section(annex))
        runs = sections[-1].runs
        kind = _run_kind(root.paragraph)
        if not runs or runs[-1].kind != kind:
            runs.append(Run(kind))
        runs[-1].items.append(root)
    return sections
