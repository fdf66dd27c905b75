"""The layouts a source file can be in, each with how to recognise it and how to parse it.

``markdown``: a Markdown-like conversion of the UN's PDF of a resolution; ``crunsc``: OCR text
of the Security Council's yearly volumes; ``ocr``: OCR of a page range of the General
Assembly's Official Records, holding several resolutions; ``pdftext``: ``pdftotext`` output of
the UN's PDF; ``html``: a text published as structured HTML, which carries no resolution
header (its facts come from a metadata file, see ``html.metadata``). A file is in the first
layout, in this order, whose signature it shows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from . import crunsc, html, markdown, ocr, pdftext
from .document import Issue, ParsedResolution

# The resolutions a file holds, and what it leaves out (fragments of texts that begin or end
# outside it, footnote texts it does not hold).
Parsed = tuple[list[ParsedResolution], list[Issue]]


@dataclass(frozen=True)
class Format:
    """A layout: its name (``source_format`` of what it parses), its signature and its parser."""

    name: str
    looks_like: Callable[[str], bool]
    parse: Callable[[str, str], Parsed]


def _one_resolution(parse: Callable[[str, str], ParsedResolution]) -> Callable[[str, str], Parsed]:
    """The parser of a layout that holds one resolution per file, and leaves nothing out."""

    def parse_file(text: str, language: str) -> Parsed:
        return [parse(text, language)], []

    return parse_file


FORMATS = {
    layout.name: layout
    for layout in (
        Format(
            markdown.FORMAT, markdown.looks_like_markdown_layout, _one_resolution(markdown.parse)
        ),
        Format(crunsc.FORMAT, crunsc.looks_like_crunsc_layout, _one_resolution(crunsc.parse)),
        Format(ocr.FORMAT, ocr.looks_like_ocr_layout, ocr.parse_volume),
        Format(pdftext.FORMAT, pdftext.looks_like_pdftext_layout, _one_resolution(pdftext.parse)),
        Format(html.FORMAT, html.looks_like_html_layout, _one_resolution(html.parse)),
    )
}
