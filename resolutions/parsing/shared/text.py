"""Inline text of a paragraph: markup, footnote markers and fragments joined across lines.

The plain text of a paragraph is what readers see and what search indexes, so it carries no
markup (``**bold**``, ``[A/76/L.26](#)``, ``2175\\(2014\\)``) and no footnote markers; the markers
become references at offsets into that text. Citations are found in the plain text afterwards.
"""

import re
import unicodedata
from dataclasses import dataclass

from ...citations.finding import find_citations
from ..document import CitationSpan, FootnoteRef
from .markers import MARKER_RE, SUPERSCRIPT_TO_DIGIT

# [text](#) and [text](url): the link text stays, the target goes (the conversion links nothing).
# A target may hold balanced parentheses, as in Markdown: [text](https://host/a_(b)).
_LINK_RE = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_BOLD_RE = re.compile(r"\*\*|__")
# *Recalling* — the italic verb that opens a preambular paragraph in Latin-script versions.
_ITALIC_RE = re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
# Sentence-internal punctuation that ends a paragraph in the UN layout: preambular paragraphs end
# with a comma, operative ones with a semicolon or a full stop.
TERMINAL_PUNCTUATION = frozenset("，,；;。.：:")


def is_cjk(char: str) -> bool:
    """True for a Chinese character or the full-width punctuation set with them."""
    if not char:
        return False
    code = ord(char)
    return (
        0x3000 <= code <= 0x303F  # CJK punctuation: 、。《》「」
        or 0x3400 <= code <= 0x9FFF  # CJK unified ideographs and extension A
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms: ，；：（）
        or 0x20000 <= code <= 0x2FA1F
        or char in "“”‘’"
    )


def strip_markup(raw: str) -> str:
    """Markdown-like markup removed: links become their text, bold marks go, escapes resolve."""
    text = _LINK_RE.sub(lambda m: m.group(1), raw)
    text = _BOLD_RE.sub("", text)
    text = _ITALIC_RE.sub(r"\1", text)
    return _ESCAPE_RE.sub(r"\1", text)


def join_fragments(first: str, second: str) -> str:
    """Join two pieces of one paragraph split by a line or page break.

    Chinese is written without spaces between words, so CJK pieces join directly; Latin-script
    pieces join with one space.
    """
    first, second = first.rstrip(), second.lstrip()
    if not first or not second:
        return first + second
    # Curly quotes are set in both scripts: the letter beside them decides.
    last = first.rstrip("*“”‘’")[-1:] or first[-1]
    following = second.lstrip("*[“”‘’")[:1] or second[0]
    if is_cjk(last) or is_cjk(following):
        return first + second
    return f"{first} {second}"


def ends_paragraph(raw: str) -> bool:
    """Whether a raw fragment ends the way a paragraph ends (before any footnote marker)."""
    text = MARKER_RE.sub("", strip_markup(raw)).rstrip()
    return bool(text) and text[-1] in TERMINAL_PUNCTUATION


@dataclass
class InlineText:
    text: str
    footnote_refs: list[FootnoteRef]
    citations: list[CitationSpan]


def parse_inline(raw: str) -> InlineText:
    """Plain text, footnote references and citations of one paragraph or footnote."""
    text = unicodedata.normalize("NFC", strip_markup(raw)).strip()
    parts: list[str] = []
    refs: list[FootnoteRef] = []
    length = 0
    position = 0
    for match in MARKER_RE.finditer(text):
        before = text[position : match.start()]
        parts.append(before)
        length += len(before)
        refs.append(FootnoteRef(match.group().translate(SUPERSCRIPT_TO_DIGIT), length))
        position = match.end()
        # The conversion leaves a space after a superscript; between Chinese characters it is
        # not part of the text (条约¹ 的原则 reads 条约的原则).
        previous = text[match.start() - 1 : match.start()]
        following = text[position + 1 : position + 2]
        if text[position : position + 1] == " " and is_cjk(previous) and is_cjk(following):
            position += 1
    parts.append(text[position:])
    plain = "".join(parts).rstrip()
    # A marker at the very end may have followed a space that the strip removed.
    refs = [FootnoteRef(ref.marker, min(ref.offset, len(plain))) for ref in refs]
    return InlineText(plain, refs, citation_spans(plain))


def citation_spans(text: str) -> list[CitationSpan]:
    """The citations of a plain text, as the parsed data holds them."""
    return [
        CitationSpan(
            start=m.start,
            end=m.end,
            text=m.text,
            target=m.symbol.canonical,
            kind=m.symbol.kind,
            pinpoint=m.pinpoint,
        )
        for m in find_citations(text)
    ]
