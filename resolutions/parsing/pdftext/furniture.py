"""Page furniture of UN PDF text (pdftotext output), and the pages it is dropped from.

pdftotext keeps the printed page: every page repeats the resolution's symbol and (from page 2 on)
its title, and prints a page number (``2/13``) and the job number (``21-18798``); page 1 adds
the masthead (``United Nations`` / ``General Assembly``), the job number with its language
(``21-18798 (E)``), the print date (``231221``) and a barcode (``*2118798*``). None of it is
text of the resolution. Each page is split into its body and, under the ``______`` rule, its
footnotes.
"""

import re
from dataclasses import dataclass, field

# Lines that are furniture wherever they stand.
FURNITURE_RE = re.compile(
    r"^(?:\d{1,3}/\d{1,3}"  # page number 2/13
    r"|\d{2}-\d{5}(?:\s*\([A-Z]\))?"  # job number 21-18798 (E)
    r"|\*\d{6,}\*"  # barcode *2118798*
    r")$"
)
# The print date under the page-1 job number: 231221.
_PRINT_DATE_RE = re.compile(r"^\d{6}$")
FOOTNOTE_RULE_RE = re.compile(r"^_{5,}$")
# pdftotext sometimes glues the job number to the end of a line of text.
_GLUED_JOB_NUMBER_RE = re.compile(r"(?<=\S) \d{2}-\d{5}(?: \([A-Z]\))?$")


@dataclass
class Line:
    """One line of the file, stripped, with its number (1-based) and whether blank lines (or
    dropped furniture) stand between it and the previous kept line."""

    number: int
    text: str
    after_gap: bool = False


@dataclass
class Page:
    """A printed page: the lines of its body and of its footnote block, furniture dropped."""

    number: int
    body: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)


def split_pages(text: str) -> list[list[Line]]:
    """The file's lines by page (form feeds separate pages), blank lines kept as empty text."""
    pages: list[list[Line]] = [[]]
    for number, raw in enumerate(text.split("\n"), start=1):
        parts = raw.split("\f")
        for index, part in enumerate(parts):
            if index:
                pages.append([])
            pages[-1].append(Line(number, part.strip()))
    return [page for page in pages if any(line.text for line in page)]


def _words(text: str) -> list[str]:
    return text.split()


def symbol_line_re(symbol: str) -> re.Pattern:
    """The symbol as a page header, printed once or (a pdftotext slip) twice in a row."""
    spaced = re.escape(symbol).replace(r"\ ", r"\s*")
    return re.compile(rf"^(?:{spaced})+$")


def strip_furniture(
    pages: list[list[Line]], symbol: str, running_title: str, header_end: int
) -> list[Page]:
    """Pages with furniture dropped and bodies split from footnote blocks.

    ``header_end`` is the number of the first line after the header on page 1: the masthead
    and title before it are the header's, not furniture.
    """
    symbol_re = symbol_line_re(symbol)
    result = []
    for index, lines in enumerate(pages):
        lines = [line for line in lines if index or line.number >= header_end]
        furniture = [
            bool(
                FURNITURE_RE.match(line.text)
                or symbol_re.match(line.text)
                or (index == 0 and _PRINT_DATE_RE.match(line.text))
            )
            for line in lines
        ]
        _mark_running_title(lines, furniture, running_title)
        page = Page(index + 1)
        target = page.body
        gap = False
        for line, dropped in zip(lines, furniture, strict=True):
            if dropped or not line.text:
                gap = True
                continue
            if FOOTNOTE_RULE_RE.match(line.text):
                target, gap = page.notes, False
                continue
            text = _GLUED_JOB_NUMBER_RE.sub("", line.text)
            target.append(Line(line.number, text, gap))
            gap = False
        result.append(page)
    return result


def _mark_running_title(lines: list[Line], furniture: list[bool], title: str) -> None:
    """Mark runs of lines that spell the running title next to other furniture.

    The title is wrapped differently from page to page, so runs are matched word by word. A
    run far from the page's furniture is text (a declaration may repeat the title as its
    heading) and stays.
    """
    title_words = _words(title)
    if not title_words:
        return
    filled = [i for i, line in enumerate(lines) if line.text]
    for position, start in enumerate(filled):
        if furniture[start]:
            continue
        words: list[str] = []
        run = []
        for index in filled[position:]:
            if furniture[index]:
                break
            words += _words(lines[index].text)
            run.append(index)
            if words != title_words[: len(words)]:
                break
            if len(words) == len(title_words):
                if _next_to_furniture(run, filled, furniture):
                    for marked in run:
                        furniture[marked] = True
                break


def _next_to_furniture(run: list[int], filled: list[int], furniture: list[bool]) -> bool:
    first, last = filled.index(run[0]), filled.index(run[-1])
    before = filled[first - 1] if first > 0 else None
    after = filled[last + 1] if last + 1 < len(filled) else None
    return before is None or after is None or furniture[before] or furniture[after]
