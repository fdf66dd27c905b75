"""Turning the bytes of a file into text, and telling its layout and language.

UN texts arrive as UTF-8 most of the time, as UTF-16 with a byte-order mark from Windows tools,
and as GB18030 from Chinese systems. Anything else is refused with the line where decoding
failed, rather than guessed at and stored as mojibake.
"""

import codecs
import re
from dataclasses import dataclass

from ..languages import LANGUAGES
from .document import ParseError
from .formats import FORMATS
from .html import language_of

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _cjk_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u4e00" <= c <= "\u9fff") / len(letters)


def decode(data: bytes) -> Decoded:
    """Text of a file: UTF-8 (with or without BOM), UTF-16/32 with BOM, or GB18030."""
    if not data.strip():
        raise ParseError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as error:
                raise ParseError(
                    f"undecodable bytes for {encoding}", _line_of(data, error.start)
                ) from None
    if b"\x00" in data:
        raise ParseError(
            "binary file (contains NUL bytes), not a text file", _line_of(data, data.index(b"\x00"))
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    # GB18030 decodes almost any byte string, so accept it only when the result reads as Chinese:
    # a UTF-8 file with a damaged byte, or a Latin-1 file, must be refused, not turned to mojibake.
    lenient = data.decode("utf-8", errors="replace")
    errors = lenient.count("\ufffd")
    valid = sum(1 for c in lenient if ord(c) > 0x7F) - errors
    if errors > valid:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if _cjk_share(text) > 0.3:
                return Decoded(text, "gb18030")
    raise ParseError(
        "undecodable bytes: the file is neither UTF-8, UTF-16 with a byte-order mark nor GB18030",
        _line_of(data, utf8_error.start),
    )


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def detect_format(text: str) -> tuple[str | None, str]:
    """(format, "") for a supported layout, or (None, why the file is skipped)."""
    if _CONTROL_RE.search(text.replace("\f", "")):
        return None, "not a text document (control characters)"
    for layout in FORMATS.values():
        if layout.looks_like(text):
            return layout.name, ""
    return None, "not a resolution in a supported layout"


_SCRIPTS = [
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
]
_LATIN_MARKERS = {
    "fr": re.compile(r"\b(?:les|des|du|et|l'Assemblée|générale|résolution)\b"),
    "es": re.compile(r"\b(?:los|las|del|y|Asamblea|resolución)\b"),
    "en": re.compile(r"\b(?:the|of|and|Assembly|resolution)\b"),
}


def detect_language(text: str) -> str:
    """The language of the text: the one an HTML document declares, else the one its script
    and, for Latin scripts, its commonest words say."""
    if (declared := language_of(text)) in LANGUAGES:
        return declared
    sample = text[:20000]
    letters = sum(1 for c in sample if c.isalpha()) or 1
    for language, script in _SCRIPTS:
        if len(script.findall(sample)) / letters > 0.2:
            return language
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _LATIN_MARKERS.items()}
    return max(counts, key=counts.get)
