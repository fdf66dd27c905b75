"""Parsers that turn a resolution's source file into plain data (no Django here).

``read_source`` is the one entry point: bytes in, the ``ParsedResolution`` of each resolution
the file holds out (none, with the reason, when the file is skipped), ``ParseError`` when the
file is a resolution that cannot be read. Most layouts hold one resolution per file; a volume
layout (an Official Records extract) holds several, and fragments of texts that begin or end
outside the file, which are reported and left out.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .document import Issue, ParsedResolution, ParseError
from .formats import FORMATS
from .html.metadata import (
    Metadata,
    MetadataError,
    apply_metadata,
    archive_metadata_files,
    load_metadata,
    metadata_by_file,
)
from .shared.repairs import OCR_FORMATS, KnownWords, repair
from .source import decode, detect_format, detect_language
from .validate import validate

__all__ = [
    "Issue",
    "KnownWords",
    "Metadata",
    "MetadataError",
    "OCR_FORMATS",
    "ParseError",
    "ParsedResolution",
    "apply_metadata",
    "archive_metadata_files",
    "load_metadata",
    "metadata_by_file",
    "Source",
    "read_source",
    "validate",
]


@dataclass
class Source:
    """A decoded source file and what it is."""

    text: str
    encoding: str
    format: str | None
    skip_reason: str = ""
    language: str | None = None
    documents: list[ParsedResolution] = field(default_factory=list)
    # What a volume leaves out: fragments of texts not whole in the file, footnote texts it
    # does not hold.
    left_out: list[Issue] = field(default_factory=list)


def read_source(
    data: bytes,
    *,
    language: str | None = None,
    known_words: Callable[[], KnownWords] | None = None,
    metadata: Metadata | None = None,
) -> Source:
    """Decode, detect and parse one file; ``documents`` is empty when the file is skipped.

    Texts are repaired (see ``shared.repairs``). A word the OCR left hyphenated is mended with
    the words of the file itself and those of the rest of the archive, which ``known_words``
    gives: it is called only when the file holds a text read by OCR.

    A layout that carries no resolution header (``html``) takes its symbol, adoption date,
    meeting and vote from ``metadata``; without it the file cannot be read (``ParseError``).
    Metadata given for a file that has a header of its own is refused as well.
    """
    decoded = decode(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    layout, reason = detect_format(text)
    if layout is None:
        return Source(text, decoded.encoding, None, reason)
    language = language or detect_language(text)
    source = Source(text, decoded.encoding, layout, language=language)
    source.documents, source.left_out = FORMATS[layout].parse(text, language)
    for document in source.documents:
        _apply_header(document, metadata)
    known = KnownWords()
    if any(document.source_format in OCR_FORMATS for document in source.documents):
        known = KnownWords.of_text(text) | (known_words() if known_words else KnownWords())
    for document in source.documents:
        repair(document, known)
    return source


def _apply_header(document: ParsedResolution, metadata: Metadata | None) -> None:
    """Give a text without a header of its own the facts of its metadata file."""
    if document.symbol and metadata is not None:
        raise ParseError(
            f"the file gives its own header ({document.symbol}); {metadata.path} must not name it"
        )
    if document.symbol:
        return
    if metadata is None:
        raise ParseError(
            f"a text in the {document.source_format} layout carries no resolution header "
            "(symbol, adoption date, meeting, vote): give a metadata file that names this file "
            "with --metadata (see resolutions/metadata/)"
        )
    apply_metadata(document, metadata)
