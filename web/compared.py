"""Which two texts a comparison shows: two resolutions read in one language they both have.

The changes page, the compare page and their JSON share these rules: the language asked for
when both have it, else the first of the archive's order (Chinese first) that both have; a
reader's symbol in any common spelling; and a refusal that says what is wrong (a symbol that
is none, a resolution the archive does not hold, the same one twice, no language in common).
"""

from dataclasses import dataclass

from resolutions.languages import CHINESE_NAMES, ENGLISH_NAMES, LANGUAGE_ORDER, LANGUAGES
from resolutions.models import LanguageVersion, Resolution
from resolutions.symbols import parse_symbol

# Longer than any symbol written with the words around it ("General Assembly resolution …").
MAX_SYMBOL_INPUT = 100


@dataclass(frozen=True)
class Refusal:
    """Why two texts cannot be compared, in Chinese and English, with the HTTP status and the
    parameter at fault (for the API)."""

    status: int
    zh: str
    en: str
    parameter: str = ""


@dataclass(frozen=True)
class Pair:
    """The older and the newer language version compared, and the languages both have."""

    old: LanguageVersion
    new: LanguageVersion
    shared: list[str]

    @property
    def language(self) -> str:
        return self.new.language


def language_names(code: str) -> str:
    return f"{CHINESE_NAMES[code]} {ENGLISH_NAMES[code]}"


def read_symbol(text: str, parameter: str) -> str | Refusal:
    """The canonical symbol of a resolution the reader typed (76/127, A/RES/76/127,
    2286 (2016)), or why it is none."""
    text = " ".join(text.split())
    if not text:
        return Refusal(400, "请填写决议文号。", "Enter a resolution symbol.", parameter)
    symbol = parse_symbol(text) if len(text) <= MAX_SYMBOL_INPUT else None
    if symbol is None or not symbol.is_resolution:
        shown = text if len(text) <= 40 else text[:40] + "…"
        return Refusal(
            400,
            f"“{shown}”不是决议文号（例如 76/127 或 A/RES/76/127）。",
            f"“{shown}” is not a resolution symbol (such as 76/127 or A/RES/76/127).",
            parameter,
        )
    return symbol.canonical


def read_language(text: str | None, parameter: str = "language") -> str | Refusal:
    """The language asked for ("" for the first both texts have), or why it is none."""
    if not text:
        return ""
    if text not in LANGUAGES:
        return Refusal(
            400,
            f"没有“{text[:10]}”这种语言：请选择 {'、'.join(LANGUAGE_ORDER)} 之一。",
            f"There is no language “{text[:10]}”: choose one of {', '.join(LANGUAGE_ORDER)}.",
            parameter,
        )
    return text


def version_pair(older: Resolution, newer: Resolution, language: str) -> Pair | Refusal:
    """The two versions to compare, in ``language`` or the first language both have: one
    query."""
    versions = (
        LanguageVersion.objects.filter(resolution__in=[older, newer])
        .select_related("resolution")
        .defer("source_text")
    )
    by_key = {(version.resolution_id, version.language): version for version in versions}
    shared = [
        code for code in LANGUAGE_ORDER if (older.pk, code) in by_key and (newer.pk, code) in by_key
    ]
    if not shared:
        return Refusal(
            404,
            f"{older.symbol} 和 {newer.symbol} 在本档案中没有相同语言的文本，无法比较。",
            f"The archive holds {older.symbol} and {newer.symbol} in no language in common, "
            "so they cannot be compared.",
            "language",
        )
    if language and language not in shared:
        return Refusal(
            404,
            f"本档案没有两项决议的{CHINESE_NAMES[language]}文本；两者共有："
            f"{'、'.join(CHINESE_NAMES[code] for code in shared)}。",
            f"The archive does not hold both in {ENGLISH_NAMES[language]}; both are in "
            f"{', '.join(ENGLISH_NAMES[code] for code in shared)}.",
            "language",
        )
    chosen = language or shared[0]
    return Pair(by_key[(older.pk, chosen)], by_key[(newer.pk, chosen)], shared)


def resolutions_asked(older: str, newer: str) -> tuple[Resolution, Resolution] | Refusal:
    """The two resolutions of canonical symbols ``older`` and ``newer``: one query."""
    if older == newer:
        return Refusal(
            400,
            f"两边都是 {older}：请选择两项不同的决议。",
            f"Both are {older}: choose two different resolutions.",
            "to",
        )
    found = {r.symbol: r for r in Resolution.objects.filter(symbol__in=[older, newer])}
    for symbol, parameter in ((older, "from"), (newer, "to")):
        if symbol not in found:
            return Refusal(
                404,
                f"{symbol} 尚未收入本档案。",
                f"{symbol} is not in the archive yet.",
                parameter,
            )
    return found[older], found[newer]
