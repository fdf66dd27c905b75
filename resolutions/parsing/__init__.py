"""Parsers that turn a resolution's source file into plain data (no Django here).

``read_source`` is the one entry point: bytes in, a ``ParsedResolution`` (or ``None`` with the
reason the file is skipped) out, ``ParseError`` when the file is a resolution that cannot be read.
"""

from dataclasses import dataclass

from . import crunsc, markdown
from .document import Issue, ParsedResolution, ParseError
from .source import decode, detect_format, detect_language
from .validate import validate

PARSERS = {markdown.FORMAT: markdown.parse, crunsc.FORMAT: crunsc.parse}

__all__ = ["Issue", "ParseError", "ParsedResolution", "Source", "read_source", "validate"]


@dataclass
class Source:
    """A decoded source file and what it is."""

    text: str
    encoding: str
    format: str | None
    skip_reason: str = ""
    language: str | None = None
    parsed: ParsedResolution | None = None


def read_source(data: bytes, *, language: str | None = None) -> Source:
    """Decode, detect and parse one file; ``parsed`` is None when the file is skipped."""
    decoded = decode(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    layout, reason = detect_format(text)
    if layout is None:
        return Source(text, decoded.encoding, None, reason)
    language = language or detect_language(text)
    parsed = PARSERS[layout](text, language)
    return Source(text, decoded.encoding, layout, language=language, parsed=parsed)
