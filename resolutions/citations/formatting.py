"""How to cite a resolution, a paragraph or a footnote, in Chinese and in English, and in the
language of the version read (``styles``: French, Spanish, Russian, Arabic).

The forms follow the UN's own editorial usage: 大会第76/127号决议，第4段 and
General Assembly resolution 76/127, para. 4; with the adoption date, 大会2021年12月9日第76/127号
决议 and General Assembly resolution 76/127 of 9 December 2021. A paragraph or footnote is named
from its eid as the pages name it (``resolutions.labels.element_name``), in the citation's style:
序言部分第3段 / preambular para. 3, 第2(a)段 / para. 2 (a), 附件第3段 / annex, para. 3,
脚注1 / footnote 1.

Plain Python on purpose: the cite box, and anything else that cites, passes a symbol, a date and
an eid.
"""

import re
from dataclasses import dataclass
from datetime import date

from ..bodies import BODIES
from ..labels import FOOTNOTE_PREFIX, annex_of, element_name
from ..languages import CHINESE_NAMES, ENGLISH_NAMES, HTML_LANG, RIGHT_TO_LEFT
from ..parsing.shared.dates import ENGLISH_MONTHS
from ..symbols import parse_symbol
from .styles import STYLED, styled_citation

# The languages citations are offered in, Chinese first.
CITED_IN = ("zh", "en")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
_CHINESE_DIGITS = "〇一二三四五六七八九"
_RIGHT_TO_LEFT_TAGS = frozenset(HTML_LANG[language] for language in RIGHT_TO_LEFT)
_PARAGRAPH_WORD = re.compile(r"\bparagraph\b")


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[letter] for letter in numeral.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def chinese_number(value: int) -> str:
    """一 to 九十九, as Chinese texts number annexes: 附件二."""
    tens, units = divmod(value, 10)
    if not tens:
        return _CHINESE_DIGITS[units]
    written = ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十"
    return written + (_CHINESE_DIGITS[units] if units else "")


def _annex_words(annex: str, language: str) -> str:
    """附件 / 附件二, annex / annex II."""
    if language == "zh":
        return "附件" + (chinese_number(_roman_value(annex)) if annex else "")
    return f"annex {annex.upper()}" if annex else "annex"


def place_name(eid: str, language: str) -> str:
    """A paragraph or footnote as a citation names it, in ``language``:
    第4段 / para. 4, 序言部分第3段 / preambular para. 3, 第2(a)段 / para. 2 (a),
    附件第3段 / annex, para. 3, 脚注1 / footnote 1; in French, Spanish, Russian and Arabic as
    the pages name it (paragraphe 4, alinéa 3 du préambule, article 1)."""
    if language in STYLED:
        return element_name(eid, language)
    annex = annex_of(eid)
    inner = eid
    if annex is not None:
        inner = eid.removeprefix(f"annex_{annex}_" if annex else "annex_")
    name = element_name(inner, language)
    if language == "zh":
        # Chinese citations run the number into the words: 第4段, not the page's 第 4 段.
        name = name.replace(" ", "")
        if name.startswith("("):  # an item of a list standing on its own: (a)项
            name += "项"
    else:
        name = _PARAGRAPH_WORD.sub("para.", name)
        if name.startswith("("):
            name = f"item {name}"
    if annex is None:
        return name
    where = _annex_words(annex, language)
    return f"{where}{name}" if language == "zh" else f"{where}, {name}"


def english_date(day: date) -> str:
    """9 December 2021, the UN's English style."""
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1].capitalize()} {day.year}"


def chinese_date(day: date) -> str:
    """2021年12月9日."""
    return f"{day.year}年{day.month}月{day.day}日"


def cite(
    symbol: str, language: str, *, adopted_on: date | None = None, eid: str | None = None
) -> str:
    """The citation of a resolution (or one of its paragraphs or footnotes, ``eid``) in
    ``language``, with the adoption date when ``adopted_on`` is given."""
    parsed = parse_symbol(symbol)
    if parsed is None or not parsed.is_resolution:
        raise ValueError(f"not a resolution symbol: {symbol!r}")
    place = place_name(eid, language) if eid else ""
    if language in STYLED:
        return styled_citation(parsed, language, adopted_on, place)
    body = BODIES[parsed.body].name(language)
    if language == "zh":
        when = chinese_date(adopted_on) if adopted_on else ""
        # The Chinese texts write the number without spaces: 第2286(2016)号决议, 第217A(III)号决议.
        number = parsed.short.replace(" ", "")
        return f"{body}{when}第{number}号决议" + (f"，{place}" if place else "")
    when = f" of {english_date(adopted_on)}" if adopted_on else ""
    return f"{body} resolution {parsed.short}{when}" + (f", {place}" if place else "")


@dataclass(frozen=True)
class CitationForm:
    """One ready-to-copy line of the cite box: what it is (Chinese first) and the text."""

    label: str
    label_en: str
    language: str  # the BCP 47 tag of the text
    text: str

    @property
    def direction(self) -> str:
        """The writing direction of the text: rtl for Arabic."""
        return "rtl" if self.language in _RIGHT_TO_LEFT_TAGS else "ltr"


def offered_in(language: str | None) -> tuple[str, ...]:
    """The languages the cite box of a version in ``language`` cites in: Chinese and English,
    and the version's own language when it has a style of its own."""
    return (*CITED_IN, language) if language in STYLED else CITED_IN


def citation_forms(
    symbol: str,
    adopted_on: date | None,
    permalink: str,
    eid: str | None = None,
    language: str | None = None,
) -> list[CitationForm]:
    """Every form the cite box offers: Chinese and English, then the version's own
    ``language`` (French, Spanish, Russian, Arabic), with the adoption date and short (the
    short one only when a date makes them differ), then the permalink."""
    forms = []
    for cited_in in offered_in(language):
        tag, name, name_en = HTML_LANG[cited_in], CHINESE_NAMES[cited_in], ENGLISH_NAMES[cited_in]
        short = cite(symbol, cited_in, eid=eid)
        if adopted_on:
            dated = cite(symbol, cited_in, adopted_on=adopted_on, eid=eid)
            forms.append(CitationForm(name, name_en, tag, dated))
            forms.append(CitationForm(f"{name}简式", f"{name_en}, short", tag, short))
        else:
            forms.append(CitationForm(name, name_en, tag, short))
    forms.append(CitationForm("永久链接", "Permalink", "en", permalink))
    return forms


def footnote_forms(symbol: str, marker: str, language: str | None = None) -> list[CitationForm]:
    """The short Chinese and English citations of footnote ``marker`` (and in the version's
    own ``language``), for the cite box of a paragraph that references it."""
    return [
        CitationForm(
            f"脚注{marker} {CHINESE_NAMES[cited_in]}",
            f"Footnote {marker}, {ENGLISH_NAMES[cited_in]}",
            HTML_LANG[cited_in],
            cite(symbol, cited_in, eid=f"{FOOTNOTE_PREFIX}{marker}"),
        )
        for cited_in in offered_in(language)
    ]
