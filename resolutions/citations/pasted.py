"""A citation as a reader pastes it, read back to the resolution and the place in it it names.

A citation is a resolution's symbol in any spelling ``resolutions.symbols`` reads, the words a
citation puts around it (the body, "resolution", 号决议, the adoption date), and optionally a
place in the resolution:

* 大会第76/127号决议，第22段 · 第76/127号决议第22段 · 第76/127号决议序言部分第3段 ·
  大会2021年12月10日第76/127号决议，附件二第1段 · 安全理事会第2286(2016)号决议，第4(a)段;
* GA res 76/127, para 22 · General Assembly resolution 76/127 of 10 December 2021, para. 22 ·
  A/RES/76/127, para. 4 (a) · S/RES/2286 (2016), para. 4 · resolution 2286 (2016), operative
  paragraph 4 · 76/127 para 22 · 76/127, PP3 · 76/127, sixth preambular paragraph ·
  paragraph 3 of the annex · footnote 2;
* the archive's own permalinks (https://…/A/RES/76/127/zh/para_22/).

Every form the cite box writes (``formatting``) reads back to its own paragraph: the place is
read into the eids it can name (para. 1 (B) is paragraph 1 of part B, or sub-item (b)), and a
place no reading covers is matched against the names the cite box and the pages give each
paragraph of the version (``place_eid``).

A citation in French, Spanish, Russian or Arabic (``pasted_styles``: résolution 217 A (III) de
l'Assemblée générale, article 1 · القرار 217 ألف (د-3)) is read in its language, one in Chinese as
Chinese, any other as English: that is the version a reader of it is sent to first.

Plain Python: which paragraph a place names is decided from the eids of a version, passed in.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..labels import FOOTNOTE_PREFIX, element_name
from ..languages import LANGUAGES
from ..symbols import (
    FULL_SYMBOL_SHAPE,
    GENERAL_ASSEMBLY,
    SECURITY_COUNCIL,
    SHORT_RESOLUTION_SHAPE,
    Symbol,
    parse_symbol,
    roman_numeral,
    split_symbol_path,
)
from .formatting import place_name
from .pasted_styles import (
    STYLED_ARTICLE,
    STYLED_PLACE_WORD,
    STYLED_READINGS,
    styled_body,
    styled_language,
)
from .scripts import fold, latin_symbols

# Longer than any citation with its date and place; a longer text is a search, not a citation.
MAX_CITATION = 300


@dataclass(frozen=True)
class CitedPlace:
    """A place in a resolution as the citation writes it, and the eids it can name, the likelier
    first (none when only the names of a version's paragraphs can tell)."""

    written: str
    eids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PastedCitation:
    """The resolution a citation names, the language it is written in and the place, if any."""

    symbol: Symbol
    language: str
    place: CitedPlace | None = None


_CJK = re.compile(r"[\u3400-\u9fff]")
_SYMBOL = re.compile(rf"{FULL_SYMBOL_SHAPE}|{SHORT_RESOLUTION_SHAPE}")
_BODIES = {
    "general assembly": GENERAL_ASSEMBLY,
    "unga": GENERAL_ASSEMBLY,
    "ga": GENERAL_ASSEMBLY,
    "security council": SECURITY_COUNCIL,
    "unsc": SECURITY_COUNCIL,
    "sc": SECURITY_COUNCIL,
    "大会": GENERAL_ASSEMBLY,
    "安全理事会": SECURITY_COUNCIL,
    "安理会": SECURITY_COUNCIL,
}
# The words before the symbol: "GA res", "General Assembly resolution", "UNSC Res. No.", 大会,
# 大会2021年12月10日第, 安理会第.
_EN_BEFORE = re.compile(
    r"(?:the\s+)?(?:(?:UN|United\s+Nations)\s+)?"
    r"(?P<body>general\s+assembly|security\s+council|unga|unsc|ga|sc)?\s*"
    r"(?:r[eé]s(?:olution)?\.?)?\s*(?:no\.?\s*)?",
    re.IGNORECASE,
)
# The place may come first: "operative paragraph 4 of resolution 2286 (2016)", "paragraph 3 of
# the annex to resolution 76/127".
_EN_PLACE_FIRST = re.compile(
    rf"(?P<place>.+?)\s*,?\s+(?:of|in|to)\s+(?:{_EN_BEFORE.pattern})", re.IGNORECASE
)
_ZH_BEFORE = re.compile(
    r"(?:联合国)?(?P<body>大会|安全理事会|安理会)?(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)?(?:通过的)?"
    r"第?(?:决议)?"
)
# The words after it: 号决议 and a comma; the adoption date and a comma.
_ZH_AFTER = re.compile(r"(?:号决议|号)?[,;:、]?(?P<place>.*)")
_EN_AFTER = re.compile(
    r"(?:\s*,?\s*(?:of|adopted\s+on|adopted)\s+[0-9]{1,2}\s+[a-z]+,?\s+[0-9]{4}"
    r"|\s*\(\s*[0-9]{1,2}\s+[a-z]+,?\s+[0-9]{4}\s*\))?"
    r"(?P<separator>\s*[,;:]?\s*)(?P<place>.*)",
    re.IGNORECASE,
)

# --- Places --------------------------------------------------------------------------------
# fmt: off
_ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth"]
_ORDINAL_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# fmt: on
ORDINALS = {word: n for n, word in enumerate(_ORDINAL_UNITS + _ORDINAL_TEENS, start=1)} | {
    f"{tens[:-1]}ieth": 10 * (i + 2) for i, tens in enumerate(_TENS)
}
ORDINALS |= {
    f"{tens}-{unit}": 10 * (i + 2) + u
    for i, tens in enumerate(_TENS)
    for u, unit in enumerate(_ORDINAL_UNITS, start=1)
}
_ORDINAL = r"[a-z]+(?:-[a-z]+)?|[0-9]{1,3}(?:st|nd|rd|th)"
_PARAGRAPH = r"(?:sub-?)?para(?:graph)?\.?"
_GROUPS = r"(?P<groups>(?:\s*\([^()]*\))*)"
_EN_PLACE = re.compile(
    r"(?:the\s+)?(?:annex(?:\s+(?P<annex>[ivxl]+))?\s*[,:]?\s*)?(?:"
    rf"(?:preambular\s+(?:{_PARAGRAPH}|§)|pp\.?|preamble\s*,?\s*(?:{_PARAGRAPH})?)"
    r"\s*(?P<preamble>[0-9]{1,4})"
    rf"|(?P<preamble_ordinal>{_ORDINAL})\s+preambular\s+{_PARAGRAPH}"
    rf"|(?:(?:operative\s+)?(?:{_PARAGRAPH}|§|¶)|op\.?|operative)\s*(?P<operative>[0-9]{{1,4}})"
    rf"|(?P<operative_ordinal>{_ORDINAL})\s+operative\s+{_PARAGRAPH}"
    r"|(?P<bare>[0-9]{1,4})"
    r"|heading\s+(?P<heading>[0-9]{1,4})"
    rf"|unnumbered\s+{_PARAGRAPH}\s*(?P<text>[0-9]{{1,4}})"
    r"|table\s+(?P<table>[0-9]{1,4})\s*,?\s*row\s+(?P<row>[0-9]{1,4})"
    r"|(?P<item>item)(?=\s*\()"
    r"|(?:footnote|fn\.?|note)\s*(?P<footnote>[0-9]{1,4}|\*{1,4})"
    rf"){_GROUPS}"
    r"(?:\s*,?\s*(?:of|in)\s+(?:the\s+)?(?P<of>preamble|annex(?:\s+(?P<of_annex>[ivxl]+))?))?",
    re.IGNORECASE,
)
_ZH_NUMBER = r"[0-9]{1,4}|[一二三四五六七八九十]{1,4}"
_ZH_PLACE = re.compile(
    r"(?:附件(?P<annex>[一二三四五六七八九十]{1,3}|[ivxlIVXL]{1,6})?)?(?:"
    rf"序言(?:部分)?第?(?P<preamble>{_ZH_NUMBER})(?P<inner_preamble>(?:\([^()]*\))*)段"
    rf"|(?:执行部分)?第(?P<operative>{_ZH_NUMBER})(?P<inner>(?:\([^()]*\))*)段"
    rf"|标题(?P<heading>{_ZH_NUMBER})"
    rf"|无编号段落(?P<text>{_ZH_NUMBER})"
    rf"|表(?P<table>{_ZH_NUMBER})第(?P<row>{_ZH_NUMBER})行"
    r"|(?P<item>(?:\([a-z]{1,4}\))+)项"
    r"|脚注(?P<footnote>[0-9]{1,4}|\*{1,4})"
    rf"){_GROUPS}(?:分段|分项|项)?"
)
# A place no reading covers is still one when it starts like one (para. b (chemical) (1) of an
# oddly numbered annex): the names of the version's paragraphs decide.
_PLACE_WORD = re.compile(
    r"(?:(?:sub-?)?para(?:graph)?|preambular|annex|heading|unnumbered|table|item|footnote"
    r"|article)\b|第|序言|执行部分|附件|标题|无编号|表|脚注|\(",
    re.IGNORECASE,
)
_ITEM = re.compile(r"[a-z]{1,4}|[0-9]{1,3}")
_PART = re.compile(r"[A-Z]{1,4}")
_ARTICLE = re.compile(r"(?:article\s*|第)([0-9]{1,3})条?", re.IGNORECASE)
_ANNEX = re.compile(r"(?:annex|附件)\s*([ivxl]+|[一二三四五六七八九十]+)?", re.IGNORECASE)
_CHINESE_DIGITS = {d: n for n, d in enumerate("〇一二三四五六七八九")}


def read_citation(text: str) -> PastedCitation | None:
    """The resolution (and the place in it) ``text`` cites, when the whole of ``text`` is a
    citation of a resolution or a permalink of the archive; None otherwise."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    if not text or len(text) > MAX_CITATION:
        return None
    if text.startswith(("http://", "https://", "/")) and " " not in text:
        return _read_permalink(text)
    if _CJK.search(text):
        return _read(re.sub(r"\s", "", text), "zh", _ZH_BEFORE, _ZH_AFTER, _read_zh_place)
    if language := styled_language(text):
        _, before, after = STYLED_READINGS[language]
        return _read(latin_symbols(fold(text)), language, before, after, _read_styled_place)
    return _read(text, "en", _EN_BEFORE, _EN_AFTER, _read_en_place)


def read_place(written: str) -> CitedPlace | None:
    """A place in a resolution written on its own, as a citation ends (22, 4(a), PP3,
    preambular paragraph 3, annex II, para. 1, 序言部分第3段, 第4(a)段); None when it names none."""
    text = " ".join(unicodedata.normalize("NFKC", written).split())
    if not text or len(text) > MAX_CITATION:
        return None
    if _CJK.search(text):
        return _read_zh_place(re.sub(r"\s", "", text))
    return _read_en_place(text)


def place_eid(place: CitedPlace, eids: set[str] | frozenset[str]) -> str | None:
    """The eid, among a version's ``eids`` (paragraphs and footnotes), that ``place`` names:
    the first eid it reads as, else the one paragraph whose name it is."""
    for eid in place.eids:
        if eid in eids:
            return eid
    wanted = _name_key(place.written)
    named = {eid for eid in eids if wanted in _name_keys(eid)}
    return named.pop() if len(named) == 1 else None


def _read(text: str, language: str, before, after, place_reader) -> PastedCitation | None:
    """The symbol, with only a citation's words before it (``before``; in English the place may
    come first) and after it (``after``: the date, a comma, the place)."""
    for match in _SYMBOL.finditer(text):
        words = before.fullmatch(text[: match.start()].rstrip())
        if words is None and language == "en":
            words = _EN_PLACE_FIRST.fullmatch(text[: match.start()])
        if words is None:
            return None  # the symbol is not where a citation has it
        symbol = parse_symbol(match[0])
        if symbol is None or not symbol.is_resolution:
            continue
        rest = after.fullmatch(text[match.end() :])
        if rest is None:
            return None
        named = _named_body(words.groupdict().get("body") or rest.groupdict().get("body"))
        if named and named != symbol.body:
            return None
        written = rest["place"].strip()
        if "place" in words.groupdict():
            if written or words["place"][0].isdigit():
                return None  # a place on both sides, or a number that is not said to be one
            written = words["place"]
        if not written:
            return PastedCitation(symbol, language)
        if language == "en" and written[0].isdigit() and not rest["separator"].strip():
            return None  # "76/127 22" is two numbers, not a paragraph
        place = place_reader(written)
        return PastedCitation(symbol, language, place) if place else None
    return None


def _named_body(name: str | None) -> str | None:
    """The body (GA, SC) a citation's words name, if any."""
    if not name:
        return None
    return _BODIES.get(name.lower()) or styled_body(name)


def _read_permalink(text: str) -> PastedCitation | None:
    """/A/RES/76/127/zh/para_22/ or /A/RES/76/127/en/#fn_1, with or without scheme and host;
    without a language, the resolution's own URL, read as Chinese as the site shows it."""
    address = urlsplit(text)
    found = split_symbol_path(unquote(address.path))
    if found is None:
        return None
    symbol, rest = found
    language = rest[0].partition("-")[0] if rest else ""
    if language not in LANGUAGES:
        return None if rest else PastedCitation(symbol, "zh")
    eid = rest[1] if len(rest) > 1 else unquote(address.fragment)
    place = CitedPlace(eid, (eid,)) if eid else None
    return PastedCitation(symbol, language, place)


def _read_en_place(written: str) -> CitedPlace | None:
    match = _EN_PLACE.fullmatch(written)
    if match is None:
        return _unread(written)
    annex, of = None, (match["of"] or "").lower()
    if re.match(r"(?:the\s+)?annex", written, re.IGNORECASE):
        annex = (match["annex"] or "").lower()
    if of.startswith("annex"):
        annex = (match["of_annex"] or "").lower()
    operative = match["operative"] or match["bare"] or _ordinal(match["operative_ordinal"])
    preamble = match["preamble"] or _ordinal(match["preamble_ordinal"])
    if of == "preamble":  # paragraph 3 of the preamble
        preamble, operative = preamble or operative, None
    return _place(written, match, annex, preamble, operative)


def _read_zh_place(written: str) -> CitedPlace | None:
    match = _ZH_PLACE.fullmatch(written)
    if match is None:
        return _unread(written)
    annex = None
    if written.startswith("附件"):
        annex = _roman(match["annex"]) if match["annex"] else ""
    inner = (match["inner_preamble"] or "") + (match["inner"] or "")
    return _place(written, match, annex, match["preamble"], match["operative"], inner)


def _read_styled_place(written: str) -> CitedPlace | None:
    """A place as a French, Spanish, Russian or Arabic citation names it: article 1 reads as
    article_1, any other is matched against the names the pages give the paragraphs."""
    if found := STYLED_ARTICLE.fullmatch(written):
        return CitedPlace(written, (f"article_{found[1]}",))
    return CitedPlace(written) if STYLED_PLACE_WORD.match(written) else None


def _unread(written: str) -> CitedPlace | None:
    """A place no reading covers: one only if it starts like one."""
    return CitedPlace(written) if _PLACE_WORD.match(written) else None


def _place(written, match, annex, preamble, operative, inner: str = "") -> CitedPlace | None:
    """The eids a read place can name: its kind and number, its sub-items, and where it stands
    (an annex, a part, an article)."""
    groups = re.findall(r"\(([^()]*)\)", inner + (match["groups"] or ""))
    if match["item"]:
        groups = re.findall(r"\(([^()]*)\)", match["item"]) + groups
    items, part, article = [], None, None
    for group in (piece.strip() for text in groups for piece in text.split(",")):
        if _ITEM.fullmatch(group) and part is None and article is None:
            items.append(group)
        elif _PART.fullmatch(group) and part is None:
            part = group
        elif found := _ARTICLE.fullmatch(group):
            article = found[1]
        elif found := _ANNEX.fullmatch(group):
            annex = _roman(found[1]) if found[1] else ""
        else:
            return _unread(written)
    if preamble:
        core = [f"preamble_{_number(preamble)}"]
    elif operative:
        core = [f"para_{_number(operative)}"]
    elif match["heading"]:
        core = [f"heading_{_number(match['heading'])}"]
    elif match["text"]:
        core = [f"text_{_number(match['text'])}"]
    elif match["table"]:
        core = [f"table_{_number(match['table'])}_row_{_number(match['row'])}"]
    elif match["footnote"]:
        return CitedPlace(written, (f"{FOOTNOTE_PREFIX}{match['footnote']}",))
    elif match["item"]:
        core = ["item"]
    else:
        return _unread(written)  # an ordinal that is no number
    if "item" not in core and core[0].startswith("table") and items:
        return _unread(written)
    base = "_".join([*core, *items])
    where = f"annex_{annex}_" if annex else ("annex_" if annex == "" else "")
    if article:
        where += f"article_{article}_"
    eids = [f"{where}part_{part}_{base}"] if part else []
    # An upper-case letter may also be a sub-item written in capitals: (A) for (a).
    eids.append(f"{where}{base}_{part.lower()}" if part else f"{where}{base}")
    return CitedPlace(written, tuple(eids))


def _number(written: str) -> int:
    """22 from "22" or from 二十二."""
    if written.isdigit():
        return int(written)
    tens, _, units = written.rpartition("十")
    if "十" not in written:
        return int("".join(str(_CHINESE_DIGITS[d]) for d in written))
    return (_CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (
        _CHINESE_DIGITS[units] if units else 0
    )


def _ordinal(word: str | None) -> str | None:
    """ "6" from "sixth" or "6th"; None when the word is no ordinal."""
    if not word:
        return None
    word = word.lower()
    if word[:-2].isdigit():
        return word[:-2]
    return str(ORDINALS[word]) if word in ORDINALS else None


def _roman(written: str) -> str:
    """An annex's number as its eid writes it: "ii" from II or from 二."""
    if re.fullmatch(r"[ivxl]+", written, re.IGNORECASE):
        return written.lower()
    return roman_numeral(_number(written)).lower()


def _name_key(text: str) -> str:
    """A name with what writing it may vary in left out: spaces, full stops, commas."""
    text = unicodedata.normalize("NFKC", text).replace("paragraph", "para")
    return re.sub(r"[\s.,、]", "", text)


def _name_keys(eid: str) -> set[str]:
    """Every name the cite box and the pages give the paragraph or footnote ``eid``."""
    return {
        _name_key(name(eid, language))
        for language in LANGUAGES
        for name in (place_name, element_name)
    }
