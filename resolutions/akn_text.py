"""Running text in Akoma Ntoso: a paragraph's plain text with its citations (``<ref>``) and
footnote markers woven in at their offsets, as mixed content that reads back to the same text.

Plain lxml, no Django: what goes in is text and offsets, what comes out is elements.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, lone surrogates,
# U+FFFE/U+FFFF): shown as U+FFFD, one for one, so offsets into the text stay right.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Elements whose content is running text: never indented, since whitespace there is text.
_INLINE_CONTENT = frozenset(
    f"{{{NAMESPACE}}}{name}"
    for name in ("p", "num", "heading", "docNumber", "docTitle", "docDate", "listIntroduction")
)


def tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def new_element(local: str, /, **attributes: str) -> etree._Element:
    """An element to be placed later: declaring the namespace as the default lets it join the
    document without a prefix of its own."""
    return etree.Element(tag(local), attributes, nsmap={None: NAMESPACE})


def sub(parent: etree._Element, local: str, /, **attributes: str) -> etree._Element:
    """A child element named ``local`` in the AKN namespace (``name=`` is an AKN attribute)."""
    return etree.SubElement(parent, tag(local), attributes)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot carry replaced one for one by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True)
class Span:
    """A citation: ``text[start:end]`` becomes ``<ref href=…>``."""

    start: int
    end: int
    href: str


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def weave(
    holder: etree._Element,
    text: str,
    spans: Iterable[Span] = (),
    markers: Iterable[tuple[int, etree._Element]] = (),
) -> etree._Element:
    """Fill ``holder`` (a ``<p>``, ``<heading>``…) with ``text``, each span wrapped in a
    ``<ref>`` and each marker element (a footnote) inserted before ``text[offset]``.

    At one offset a citation closes, then markers stand, then a citation opens; a marker inside
    a citation stands inside its ``<ref>``. A span overlapping an earlier one, empty or past the
    end of the text is left out (its words stay as text); a marker past the end stands at the end.
    """
    text = xml_safe(text)
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if 0 <= span.start < span.end <= len(text) and (not kept or span.start >= kept[-1].end):
            kept.append(span)
    opening = {span.start: span for span in kept}
    at: dict[int, list[etree._Element]] = {}
    for offset, marker in markers:
        at.setdefault(min(max(offset, 0), len(text)), []).append(marker)
    boundaries = sorted({0, len(text), *opening, *(s.end for s in kept), *at})
    stack: list[tuple[etree._Element, int]] = [(holder, len(text))]
    for i, index in enumerate(boundaries):
        while len(stack) > 1 and stack[-1][1] == index:
            stack.pop()
        for marker in at.get(index, []):
            stack[-1][0].append(marker)
        if index in opening:
            span = opening[index]
            stack.append((sub(stack[-1][0], "ref", href=span.href), span.end))
        if i + 1 < len(boundaries):
            _append_text(stack[-1][0], text[index : boundaries[i + 1]])
    return holder


def indent(node: etree._Element, level: int = 0) -> None:
    """Indent the structure for reading, leaving running text untouched."""
    if node.tag in _INLINE_CONTENT or not len(node):
        return
    node.text = "\n" + "  " * (level + 1)
    for child in node:
        indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    node[-1].tail = "\n" + "  " * level
