"""How to cite a resolution, a paragraph or a footnote, in Chinese and in English.

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
from ..languages import CHINESE_NAMES, ENGLISH_NAMES, HTML_LANG
from ..parsing.shared.dates import ENGLISH_MONTHS
from ..symbols import parse_symbol

# The languages citations are offered in, Chinese first.
CITED_IN = ("zh", "en")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
_CHINESE_DIGITS = "〇一二三四五六七八九"
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
    """A paragraph or footnote as a citation names it, in ``language`` ("zh" or "en"):
    第4段 / para. 4, 序言部分第3段 / preambular para. 3, 第2(a)段 / para. 2 (a),
    附件第3段 / annex, para. 3, 脚注1 / footnote 1."""
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
    body = BODIES[parsed.body].name(language)
    place = place_name(eid, language) if eid else ""
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


def citation_forms(
    symbol: str, adopted_on: date | None, permalink: str, eid: str | None = None
) -> list[CitationForm]:
    """Every form the cite box offers: Chinese and English, with the adoption date and short
    (the short one only when a date makes them differ), then the permalink."""
    forms = []
    for language in CITED_IN:
        tag, name, name_en = HTML_LANG[language], CHINESE_NAMES[language], ENGLISH_NAMES[language]
        short = cite(symbol, language, eid=eid)
        if adopted_on:
            dated = cite(symbol, language, adopted_on=adopted_on, eid=eid)
            forms.append(CitationForm(name, name_en, tag, dated))
            forms.append(CitationForm(f"{name}简式", f"{name_en}, short", tag, short))
        else:
            forms.append(CitationForm(name, name_en, tag, short))
    forms.append(CitationForm("永久链接", "Permalink", "en", permalink))
    return forms


def footnote_forms(symbol: str, marker: str) -> list[CitationForm]:
    """The short Chinese and English citations of footnote ``marker``, for the cite box of a
    paragraph that references it."""
    return [
        CitationForm(
            f"脚注{marker} {CHINESE_NAMES[language]}",
            f"Footnote {marker}, {ENGLISH_NAMES[language]}",
            HTML_LANG[language],
            cite(symbol, language, eid=f"{FOOTNOTE_PREFIX}{marker}"),
        )
        for language in CITED_IN
    ]
