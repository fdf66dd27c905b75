"""The printed header of a resolution: body, session, agenda items, adoption and drafts.

The header is printed in the language of the version, except the distribution date, which the UN
prints in English on every version. Each reader returns ``None`` when a line is not what it
looks for, so the layout parser can try them in turn.
"""

import re
from datetime import date

from ...citations.finding import find_citations
from .dates import CJK_DATE, LATIN_DATE, make_date, parse_date
from .text import strip_markup

BODY_NAMES = {
    "GA": (
        "大会",
        "General Assembly",
        "Assemblée générale",
        "Asamblea General",
        "Генеральная Ассамблея",
        "الجمعية العامة",
    ),
    "SC": (
        "安全理事会",
        "Security Council",
        "Conseil de sécurité",
        "Consejo de Seguridad",
        "Совет Безопасности",
        "مجلس الأمن",
    ),
}


def body_of(line: str) -> str | None:
    """GA or SC when the line is the name of the body (大 会 is printed letter-spaced)."""
    compact = re.sub(r"\s+", "", line)
    for body, names in BODY_NAMES.items():
        if any(compact == re.sub(r"\s+", "", name) for name in names):
            return body
    return None


def opening_formula_body(line: str) -> str | None:
    """GA or SC when the line is the opening formula: 大会， / The General Assembly,"""
    stripped = strip_markup(line).strip()
    if not stripped or stripped[-1] not in "，,":
        return None
    words = re.sub(r"^(?:The|L'|L’|Le|La|El)\s*", "", stripped[:-1].strip())
    return body_of(words)


# --- Sessions ---------------------------------------------------------------------------------

_CHINESE_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_number(text: str) -> int | None:
    """七十六 → 76, 一百零二 → 102: the numerals the Chinese header uses for sessions."""
    if not text or any(c not in _CHINESE_DIGITS and c not in "十百" for c in text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        else:
            unit = 10 if char == "十" else 100
            total += (1 if digit is None else digit) * unit
            digit = None
    return total + (digit or 0)


_EN_UNITS = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_EN_TENS = {
    "twent": 20,
    "thirt": 30,
    "fort": 40,
    "fift": 50,
    "sixt": 60,
    "sevent": 70,
    "eight": 80,
    "ninet": 90,
}
_FR_UNITS = [
    "",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_FR_TENS = {
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "quatre-vingt": 80,
}


def english_ordinal(text: str) -> int | None:
    """seventy-sixth → 76."""
    text = text.lower().strip()
    if text in _EN_UNITS:
        return _EN_UNITS.index(text)
    for stem, tens in _EN_TENS.items():
        if text == stem + "ieth":
            return tens
        if text.startswith(stem + "y-") and text[len(stem) + 2 :] in _EN_UNITS[1:10]:
            return tens + _EN_UNITS.index(text[len(stem) + 2 :])
    return None


def _french_cardinal(text: str) -> int | None:
    text = text.replace(" et ", "-").replace("-et-", "-")
    if text in _FR_UNITS:
        return _FR_UNITS.index(text)
    if text.startswith("dix-") and text[4:] in _FR_UNITS[7:10]:
        return 10 + _FR_UNITS.index(text[4:])
    for stem, tens in sorted(_FR_TENS.items(), key=lambda item: -len(item[0])):
        if text in (stem, stem + "s"):
            return tens
        if text.startswith(stem + "-"):
            rest = _french_cardinal(text[len(stem) + 1 :])
            if rest is not None and 0 < rest < 20:
                return tens + rest
    return None


def french_ordinal(text: str) -> int | None:
    """soixante-seizième → 76, premier → 1."""
    text = text.lower().strip()
    if text in ("premier", "première"):
        return 1
    if not text.endswith("ième"):
        return None
    stem = text[: -len("ième")]
    for ordinal_stem, cardinal in (("cinqu", "cinq"), ("neuv", "neuf"), ("un", "un")):
        if stem.endswith(ordinal_stem):
            stem = stem[: -len(ordinal_stem)] + cardinal
            break
    else:
        if stem.endswith(
            (
                "quatr",
                "onz",
                "douz",
                "treiz",
                "quatorz",
                "quinz",
                "seiz",
                "trent",
                "quarant",
                "cinquant",
                "soixant",
            )
        ):
            stem += "e"
    return _french_cardinal(stem)


_SESSION_PATTERNS = [
    (
        re.compile(r"第(?P<n>[零一二两三四五六七八九十百]+)届(?P<kind>紧急特别|特别)?会议"),
        chinese_number,
    ),
    (
        re.compile(r"(?P<n>[A-Za-z-]+)\s+(?P<kind>emergency special|special)?\s*session", re.I),
        english_ordinal,
    ),
    (
        re.compile(
            r"(?P<n>[^\W\d_][\w-]*)\s+session(?:\s+(?P<kind>extraordinaire d'urgence|"
            r"extraordinaire))?",
            re.I,
        ),
        french_ordinal,
    ),
]
_SPECIAL_KINDS = {
    "紧急特别": "ES",
    "特别": "S",
    "emergency special": "ES",
    "special": "S",
    "extraordinaire d'urgence": "ES",
    "extraordinaire": "S",
}


def parse_session(line: str) -> tuple[int, str] | None:
    """(76, "") for 第七十六届会议 / Seventy-sixth session; (11, "ES") for emergency special."""
    for pattern, read_number in _SESSION_PATTERNS:
        if match := pattern.fullmatch(line.strip()):
            number = read_number(match.group("n"))
            if number:
                kind = (match.group("kind") or "").lower()
                return number, _SPECIAL_KINDS.get(kind, "")
    return None


# --- Agenda, adoption, drafts -----------------------------------------------------------------

_AGENDA_RE = re.compile(
    r"议程项目\s*(?P<zh>.+)"
    r"|Agenda items?\s+(?P<en>.+)"
    r"|Points?\s+(?P<fr>.+?)\s+de l[’']ordre du jour"
)
_AGENDA_ITEM_RE = re.compile(r"(\d+)\s*(?:\(\s*([a-z])\s*\)|([a-z])\))?")


def parse_agenda_items(line: str) -> list[str] | None:
    """["75(a)"] for 议程项目 75(a), Agenda item 75 (a), Point 75 a) de l'ordre du jour."""
    match = _AGENDA_RE.fullmatch(line.strip())
    if not match:
        return None
    listed = next(group for group in match.groups() if group)
    items = [
        number + (f"({letter or letter_fr})" if letter or letter_fr else "")
        for number, letter, letter_fr in _AGENDA_ITEM_RE.findall(listed)
    ]
    return items or None


_ADOPTION_RES = [
    re.compile(rf"{CJK_DATE}\s*(?P<body>大会|安全理事会)决议"),
    re.compile(
        rf"Resolution adopted by the (?P<body>General Assembly|Security Council)"
        rf"\s+on\s+(?P<date>{LATIN_DATE})"
    ),
    re.compile(
        rf"Résolution adoptée par (?:l[’']|le )(?P<body>Assemblée générale|Conseil de sécurité)"
        rf"\s+le\s+(?P<date>{LATIN_DATE})"
    ),
]


def parse_adoption(line: str) -> tuple[str, date] | None:
    """(body, adoption date) from 2021 年 12 月 10 日大会决议 / Resolution adopted by … on …"""
    for pattern in _ADOPTION_RES:
        if match := pattern.fullmatch(line.strip()):
            groups = match.groupdict()
            adopted = (
                parse_date(groups["date"]) if "date" in groups else make_date(*match.groups()[:3])
            )
            if adopted:
                return body_of(groups["body"]) or "", adopted
    return None


def parse_adoption_note(line: str) -> tuple[str, list[str]] | None:
    """The bracketed note under the header and the draft symbols it names."""
    stripped = line.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    note = strip_markup(stripped[1:-1]).strip()
    drafts = [m.symbol.canonical for m in find_citations(note) if m.symbol.kind == "document"]
    return note, drafts
