"""Citations of resolutions and UN documents in the plain text of a paragraph or footnote.

Full symbols (``A/RES/76/127``, ``S/RES/2286 (2016)``, ``A/76/334``) are unambiguous and
are found anywhere. The short forms resolutions cite each other by (``76/127``,
``2286 (2016)``, ``22 A (I)``) are also how page numbers, dates and treaty references look,
so they count only in a citation context:

* Chinese: ``第 46/182 号决议``, and lists that end in one ``号决议``:
  ``第 1265(1999)号、第 1296(2000)号和第 2222(2015)号决议``, ``第 46/182 和 75/125 号决议``.
  ``第 35457 号`` (a treaty number) and ``第 23 段`` (a paragraph) are not resolutions.
* English and French: ``resolution 46/182 of 19 December 1991``, ``résolutions
  1265 (1999) et 1296 (2000)``, with lists joined by commas, "and", "or", "et", "ou", and
  lists of titled resolutions (``resolution 70/104 entitled "…", 70/106 entitled "…"``) where
  a short symbol right before "entitled" is a resolution unless a decision is named.
* Spanish and Russian the same way: ``resolución 973 (X), de 15 de diciembre de 1955``,
  ``resoluciones 1591 (2005) y 1556 (2004)``, ``резолюции 217 А (III)`` in any case of the word,
  the part letter perhaps a Cyrillic А, ``резолюции Совета Безопасности 1325 (2000)``.
* Arabic: ``القرار 217 ألف (د-3)``, ``بالقرار 2127 (2013)``, ``قرار مجلس الأمن 2118 (2013)``,
  ``قرارها 973 (د-10)``, ``القرارين 1591 (2005) و 1556 (2004)``: the word with its article,
  prepositions and pronouns, the part letter named (ألف), the session as (د-3)
  (``resolutions.citations.scripts``), the digits perhaps Arabic-Indic.

Every item of a list counts, whatever it carries: a part letter (``43/78 H of 7 December
1988``, ``55/5 B and C``: parts B and C of 55/5, each a resolution of its own), a section
(``45/248 B, section VI, of 21 December 1990``), a date the OCR of an old volume damaged
(``187 (1964) of 13, March``).

The short numbers of the Human Rights Council (``43/1``, ``S-29/1``) and of the Economic and
Social Council look like General Assembly ones, so a citation naming one of those bodies is
skipped rather than linked to the wrong resolution.

A pinpoint names the paragraph cited: ``A/76/334，第 23 段``, ``第 75/125 号决议第 4 段``,
``resolution 75/125, para. 4`` and ``paragraph 4 of resolution 75/125``. It belongs to the
symbol it touches: the last of a list when it follows, the first when it precedes.

Text is matched after folding full-width forms (``（２０１４）``), Arabic-Indic digits and Cyrillic
look-alike capitals to ASCII one character for one, so spans stay valid in the original text;
whitespace, including a line break from hard-wrapped text, may separate the words of a
citation.
"""

import re
from dataclasses import dataclass

from ..symbols import (
    EARLY_SHAPE,
    FULL_SYMBOL_SHAPE,
    PART_LETTER_SHAPE,
    SECURITY_COUNCIL_SHAPE,
    SHORT_RESOLUTION_SHAPE,
    Symbol,
    parse_symbol,
)
from .scripts import ARABIC_PART_SHAPE, ARABIC_SESSION_SHAPE, fold, latin_short


@dataclass(frozen=True)
class CitationMatch:
    """One cited symbol: ``text[start:end] == self.text``, the symbol as written."""

    start: int
    end: int
    text: str
    symbol: Symbol
    pinpoint: str | None = None


# Full-width ASCII (U+FF01-U+FF5E) and the ideographic space, mapped one to one so that
# offsets in the folded text are offsets in the original.
_FULL_WIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: " "}

# A symbol glued to letters, digits or a slash is part of something else ("10/12/2021").
_NOT_GLUED_BEFORE = r"(?<![0-9A-Za-z/])"
_NOT_GLUED_AFTER = r"(?![0-9A-Za-z/])"
_FULL_SYMBOL = rf"{_NOT_GLUED_BEFORE}{FULL_SYMBOL_SHAPE}{_NOT_GLUED_AFTER}"
_SHORT_RESOLUTION = rf"{_NOT_GLUED_BEFORE}{SHORT_RESOLUTION_SHAPE}{_NOT_GLUED_AFTER}"

_OTHER_BODY_EN_FR = (
    r"Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council"
    r"|Conseil\s+des\s+droits\s+de\s+l['’]homme|Conseil\s+économique\s+et\s+social"
    r"|Consejo\s+de\s+Derechos\s+Humanos|Consejo\s+Económico\s+y\s+Social"
    r"|[СC]овета?\s+по\s+правам\s+человека|Экономическ\w+\s+и\s+[СC]оциальн\w+\s+[СC]овета?"
)
# The Assembly or the Council may be named between the word and the number: резолюции Совета
# Безопасности 1325 (2000), resoluciones del Consejo de Seguridad 822 (1993). (Capitals С and А
# are matched folded too: see ``scripts.fold``.)
_BODY_BETWEEN = (
    r"(?:Генеральной\s+[АA]ссамблеи|[СC]овета\s+Безопасности|del\s+Consejo\s+de\s+Seguridad"
    r"|de\s+la\s+Asamblea\s+General|du\s+Conseil\s+de\s+sécurité"
    r"|de\s+l['’]Assemblée\s+générale)\s+"
)
_OTHER_BODY_ZH = r"人权理事会|经济及社会理事会|经社理事会"
_ZH_DATE = r"[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日"
# The year is left out when the symbol already gives it: "338 (1973) of 22 October"; two items
# may share a date ("2253 (ES-V) and 2254 (ES-V) of 4 and 14 July 1967"). OCR may put a stray
# comma or full stop after the day ("of 13, March").
_WESTERN_DATE = (
    r"(?:(?:of|du|en\s+date\s+du)\s+[0-9]{1,2}(?:er)?(?:\s+(?:and|et)\s+[0-9]{1,2})?[,.]?"
    r"\s+[^\W\d_]+(?:,?\s+[0-9]{4})?"
    r"|de\s+[0-9]{1,2}\s+de\s+[^\W\d_]+(?:\s+de\s+[0-9]{4})?"
    r"|от\s+[0-9]{1,2}\s+[^\W\d_]+(?:\s+[0-9]{4}\s+года)?)"
)
# "45/248 B, section VI, of 21 December 1990": the section stays part of the item.
_SECTION = r"\s*,?\s+(?:sections?|sect\.)\s+[IVXLC]+(?:\s*(?:,|and|et)\s*[IVXLC]+)*\b,?"
# The further parts of a lettered resolution: "55/5 B and C", "75/253 A, B and C".
_PART_LETTER = rf"(?<![0-9A-Za-z/]){PART_LETTER_SHAPE}"
_WESTERN_ITEM = (
    rf"(?:{_SHORT_RESOLUTION}|{_PART_LETTER})(?:{_SECTION})?(?:\s*,?\s+{_WESTERN_DATE})?"
)
# OCR of the old volumes reads a comma as a full stop or loses it; before a Council symbol,
# which nothing else resembles, the list goes on.
_AND_OR = r"and|or|et|ou|y|e|o|u|и|или"
_WESTERN_SEPARATOR = (
    rf"\s*,\s*(?:(?:{_AND_OR})\s+)?|\s+(?:{_AND_OR})\s+(?:also\s+)?"
    rf"|(?:\.\s+|\s+)(?={SECURITY_COUNCIL_SHAPE})"
)
_ZH_SEPARATOR = r"\s*(?:号\s*)?(?:、|和|及|以及|与|或)\s*(?:第\s*)?"
_PINPOINT_BEFORE = (
    r"(?i:paragraphs?|paragraphes?)\s+(?P<western_pinpoint_before>[0-9]+)\s+(?:of|de)\s+"
    r"(?:(?:its|the|sa|la)\s+)?(?:(?:General\s+Assembly|Security\s+Council)\s+)?"
)


def _pinpoint_after(group: str) -> str:
    """A paragraph number right after the symbol: ", para. 4", ", par. 4", "，第 4 段"."""
    return (
        r"(?:\s*[,，]?\s*(?:(?:paras?\.|paragraphs?|par\.|paragraphes?)\s*|第\s*(?=[0-9]+\s*段))"
        rf"(?P<{group}>[0-9]+))?"
    )


_FULL_CITATION = rf"(?P<full>{_FULL_SYMBOL}){_pinpoint_after('full_pinpoint')}"
_CHINESE_CITATION = (
    rf"(?:(?P<zh_other_body>{_OTHER_BODY_ZH})\s*(?:{_ZH_DATE})?\s*)?"
    rf"第\s*(?P<zh_items>{_SHORT_RESOLUTION}"
    rf"(?:{_ZH_SEPARATOR}(?:{_SHORT_RESOLUTION}|{_PART_LETTER}))*)"
    rf"\s*号\s*决议{_pinpoint_after('zh_pinpoint')}"
)
_WESTERN_CITATION = (
    rf"(?:{_PINPOINT_BEFORE})?(?:(?P<western_other_body>{_OTHER_BODY_EN_FR})\s+)?"
    r"(?<![^\W\d_])(?:(?i:r[eé]so[l1iI]utions?|resoluci[oó]n(?:es)?)"
    r"|[Рр]езолюци(?:я|и|ю|ей|ям|ями|ях|й))\s+"
    rf"(?:{_BODY_BETWEEN}|(?P<western_other_between>{_OTHER_BODY_EN_FR})\s+)?"
    rf"(?P<western_items>{_WESTERN_ITEM}(?:(?:{_WESTERN_SEPARATOR}){_WESTERN_ITEM})*)"
    r"(?P<western_other_body_after>\s+(?:(?:of\s+the|du|de\s+la|del)\s+)?"
    rf"(?:{_OTHER_BODY_EN_FR}))?"
    rf"{_pinpoint_after('western_pinpoint')}"
)
# In a list of titled resolutions only the first carries the word "resolution": "resolution
# 70/104 entitled …, 70/106 entitled … and 69/132 entitled …". A short symbol right before
# "entitled" is a resolution unless a decision is named.
_ENTITLED_CITATION = (
    rf"(?<!decision\s)(?<!decisions\s)(?<!décision\s)"
    rf"(?P<entitled>{_SHORT_RESOLUTION})(?=\s+(?:entitled|intitulée?s?)\b)"
)
# Arabic: the word with its article, a preposition or conjunction before it (بالقرار, وقرار,
# للقرار) and a pronoun or the dual and plural after it (قراره, قرارها, القرارين, قرارا مجلس
# الأمن, القرارات).
_ARABIC_LETTER = r"\u0621-\u064a"
_ARABIC_WORD = (
    rf"(?<![{_ARABIC_LETTER}])(?:[وف]?(?:[بل]?ال|لل|[بل])?)قرار"
    rf"(?:ات|ين|ان|ا|اته|اتها|اتهم|ه|ها|هم|هما)?(?![{_ARABIC_LETTER}])"
)
_ARABIC_BODY = r"الجمعية\s+العامة|مجلس\s+الأمن|المجلس|الجمعية"
_ARABIC_ITEM = (
    r"(?<![0-9/])(?:[0-9]{1,4}\s*\(\s*[0-9]{4}\s*\)"
    rf"|[0-9]{{1,4}}\s*(?:(?:{ARABIC_PART_SHAPE})\s*)?{ARABIC_SESSION_SHAPE}"
    rf"|{EARLY_SHAPE}"
    rf"|[0-9]{{1,3}}/[0-9]{{1,3}}(?:\s+(?:{ARABIC_PART_SHAPE})(?![{_ARABIC_LETTER}]))?)"
    r"(?![0-9/])"
)
_ARABIC_DATE = (
    rf"\s*،?\s*المؤر[\u064b-\u0652]*خ[{_ARABIC_LETTER}]*\s+[0-9]{{1,2}}\s+"
    rf"[{_ARABIC_LETTER}]+(?:\s+[{_ARABIC_LETTER}]+)?(?:\s*/\s*[{_ARABIC_LETTER}]+)?\s+[0-9]{{4}}"
)
_ARABIC_SEPARATOR = r"\s*[،,]\s*(?:و\s*)?|\s+و\s*|\s+أو\s+"
_ARABIC_CITATION = (
    rf"{_ARABIC_WORD}\s+(?:(?:{_ARABIC_BODY})\s+)?"
    rf"(?P<ar_items>{_ARABIC_ITEM}(?:{_ARABIC_DATE})?"
    rf"(?:(?:{_ARABIC_SEPARATOR}){_ARABIC_ITEM}(?:{_ARABIC_DATE})?)*)"
)
# One regex for all five kinds of citation, so a paragraph is scanned once and the
# matches come out in order without overlapping.
_CITATION = re.compile(
    rf"{_FULL_CITATION}|{_CHINESE_CITATION}|{_WESTERN_CITATION}|{_ENTITLED_CITATION}"
    rf"|{_ARABIC_CITATION}"
)
_ARABIC_LIST_ITEM = re.compile(
    rf"(?P<number>[0-9]{{1,4}}(?:\s*\(\s*[0-9]{{4}}\s*\)|/[0-9]{{1,3}})?)"
    rf"(?:\s*(?P<part>{ARABIC_PART_SHAPE})(?![{_ARABIC_LETTER}]))?"
    rf"(?:\s*(?P<session>{ARABIC_SESSION_SHAPE}))?"
    rf"|(?P<latin>{EARLY_SHAPE})"
)
_ARABIC_ITEM_AT = re.compile(_ARABIC_ITEM)
_ARABIC_DATE_AT = re.compile(_ARABIC_DATE)
_LIST_ITEM = re.compile(rf"(?P<symbol>{_SHORT_RESOLUTION})|(?P<part>{_PART_LETTER})")
# A symbol ending in a part letter: "58/1 B", "58/1B", the letter replaceable by another.
_LETTERED = re.compile(r"(?P<number>.*[0-9])\s?[A-Z]")


def find_citations(text: str) -> list[CitationMatch]:
    """Every citation of a resolution or UN document in a plain-text paragraph, in order,
    non-overlapping."""
    folded = fold(text.translate(_FULL_WIDTH_TO_ASCII))
    citations = []
    for match in _CITATION.finditer(folded):
        if match["full"]:
            start, end = match.span("full")
            citations += _cite(text, [(start, end)], None, match["full_pinpoint"])
        elif match["zh_items"] and not match["zh_other_body"]:
            spans = _item_spans(folded, match.span("zh_items"))
            citations += _cite(text, spans, None, match["zh_pinpoint"])
        elif match["western_items"] and not _names_other_body(match):
            spans = _item_spans(folded, match.span("western_items"))
            citations += _cite(
                text, spans, match["western_pinpoint_before"], match["western_pinpoint"]
            )
        elif match["entitled"]:
            citations += _cite(text, [match.span("entitled")], None, None)
        elif match["ar_items"]:
            citations += _cite(text, _arabic_item_spans(folded, match.span("ar_items")), None, None)
    return citations


def _names_other_body(match: re.Match[str]) -> bool:
    return bool(
        match["western_other_body"]
        or match["western_other_between"]
        or match["western_other_body_after"]
    )


Span = tuple[int, int, str]  # start, end, and the symbol the text there stands for


def _item_spans(folded: str, list_span: tuple[int, int]) -> list[Span]:
    """The span of each item of a list such as "1265 (1999), 1296 (2000)", with the symbol it
    stands for: a lone part letter ("C" in "55/5 B and C") is a part of the lettered item
    before it, and nothing after an item without a letter."""
    spans: list[Span] = []
    lettered = None
    for item in _LIST_ITEM.finditer(folded, *list_span):
        if item["symbol"]:
            lettered = _LETTERED.fullmatch(item["symbol"])
            spans.append((*item.span(), item["symbol"]))
        elif lettered is not None:
            spans.append((*item.span(), f"{lettered['number']} {item['part']}"))
    return spans


def _arabic_item_spans(folded: str, list_span: tuple[int, int]) -> list[Span]:
    """The span of each item of an Arabic list, with the Latin short form it stands for:
    "217 A (III)" for 217 ألف (د-3). A date's day and year are no items."""
    spans: list[Span] = []
    position, end = list_span
    while (item := _ARABIC_ITEM_AT.search(folded, position, end)) is not None:
        position = item.end()
        found = _ARABIC_LIST_ITEM.fullmatch(item[0])
        written = found["latin"] or latin_short(found["number"], found["part"], found["session"])
        if written:
            spans.append((*item.span(), written))
        date = _ARABIC_DATE_AT.match(folded, position, end)
        position = date.end() if date else position
    return spans


def _cite(
    text: str,
    spans: list[tuple[int, int]] | list[Span],
    pinpoint_before: str | None,
    pinpoint_after: str | None,
) -> list[CitationMatch]:
    """CitationMatch for each span that holds a valid symbol, with the pinpoints attached
    to the first and last symbol they touch."""
    citations = []
    for index, (start, end, *written) in enumerate(spans):
        symbol = parse_symbol(written[0] if written else text[start:end])
        if symbol is None:
            continue
        if index == len(spans) - 1 and pinpoint_after:
            pinpoint = pinpoint_after
        elif index == 0:
            pinpoint = pinpoint_before
        else:
            pinpoint = None
        citations.append(CitationMatch(start, end, text[start:end], symbol, pinpoint))
    return citations
