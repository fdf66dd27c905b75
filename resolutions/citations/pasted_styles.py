"""The words a French, Spanish, Russian or Arabic citation puts around a resolution's symbol, as
``pasted`` reads them: every form ``styles`` writes, and the UN's own variants.

* résolution 217 A (III) de l'Assemblée générale en date du 10 décembre 1948, article 1;
* resolución 217 A (III) de la Asamblea General, de 10 de diciembre de 1948, artículo 1;
* резолюция 217 А (III) Генеральной Ассамблеи от 10 декабря 1948 года, статья 1 (or резолюции
  Генеральной Ассамблеи 217 А (III));
* قرار الجمعية العامة 217 ألف (د-3) المؤرخ 10 كانون الأول/ديسمبر 1948، المادة 1 (or القرار
  217 ألف (د-3)).

The text is read folded (``scripts.fold``: Arabic-Indic digits, Cyrillic look-alike capitals),
with the Arabic short forms written the Latin way (``scripts.latin_symbols``), so the patterns
allow a folded С or А where Russian words start with one.
"""

import re

from ..symbols import GENERAL_ASSEMBLY, SECURITY_COUNCIL
from .scripts import fold

_PLACE = r"(?P<separator>\s*[,;:،]?\s*)(?P<place>.*)"
_RU_BODY = r"Генеральной\s+[АA]ссамблеи|[СC]овета\s+Безопасности"
_AR_BODY = r"الجمعية\s+العامة|مجلس\s+الأمن"

# language: (what the text is recognised by, the words before the symbol, the words after it)
STYLED_READINGS = {
    "ar": (
        re.compile(r"[\u0600-\u06ff]"),
        re.compile(rf"(?:[وف]?(?:[بل]?ال|لل|[بل])?)?قرار\s*(?:(?P<body>{_AR_BODY})\s*)?"),
        re.compile(
            rf"(?:\s+(?:لل|ل)?(?P<body>{_AR_BODY}))?"
            r"(?:\s*،?\s*المؤر[\u064b-\u0652]*خ\s+[0-9]{1,2}\s+[^0-9،,]+?\s+[0-9]{4})?"
            rf"{_PLACE}"
        ),
    ),
    "ru": (
        re.compile(r"[\u0400-\u04ff]"),
        re.compile(rf"резолюци[а-я]*\s*(?:№\s*)?(?:(?P<body>{_RU_BODY})\s*)?", re.IGNORECASE),
        re.compile(
            rf"(?:\s+(?P<body>{_RU_BODY}))?"
            r"(?:\s*,?\s*от\s+[0-9]{1,2}\s+[а-я]+\s+[0-9]{4}\s+года)?"
            rf"{_PLACE}",
            re.IGNORECASE,
        ),
    ),
    "es": (
        re.compile(r"\bresoluci[oó]n\b", re.IGNORECASE),
        re.compile(r"(?:la\s+)?resoluci[oó]n\s*(?:n\.?\s*[oº°]\.?\s*)?", re.IGNORECASE),
        re.compile(
            r"(?:\s+(?P<body>de\s+la\s+Asamblea\s+General|del\s+Consejo\s+de\s+Seguridad))?"
            r"(?:\s*,?\s*de\s+[0-9]{1,2}\s+de\s+[a-z]+\s+de\s+[0-9]{4})?"
            rf"{_PLACE}",
            re.IGNORECASE,
        ),
    ),
    "fr": (
        re.compile(r"résolution|de\s+l['’]Assemblée|du\s+Conseil\s+de", re.IGNORECASE),
        re.compile(r"(?:la\s+)?r[ée]s(?:olution)?\.?\s*(?:n[o°]\.?\s*)?", re.IGNORECASE),
        re.compile(
            r"(?:\s+(?P<body>de\s+l['’]Assemblée\s+générale|du\s+Conseil\s+de\s+sécurité))?"
            r"(?:\s*,?\s*(?:en\s+date\s+)?du\s+(?:1er|[0-9]{1,2})\s+[^\W\d_]+\s+[0-9]{4})?"
            rf"{_PLACE}",
            re.IGNORECASE,
        ),
    ),
}


def _body_key(name: str) -> str:
    return " ".join(fold(name).lower().replace("’", "'").split())


STYLED_BODIES = {
    _body_key(name): body
    for body, names in (
        (GENERAL_ASSEMBLY, ("de l'Assemblée générale", "de la Asamblea General")),
        (GENERAL_ASSEMBLY, ("Генеральной Ассамблеи", "الجمعية العامة")),
        (SECURITY_COUNCIL, ("du Conseil de sécurité", "del Consejo de Seguridad")),
        (SECURITY_COUNCIL, ("Совета Безопасности", "مجلس الأمن")),
    )
    for name in names
}


def styled_body(name: str) -> str | None:
    """The body a French, Spanish, Russian or Arabic citation names (GA, SC)."""
    return STYLED_BODIES.get(_body_key(name))


def styled_language(text: str) -> str | None:
    """The language of a citation written in French, Spanish, Russian or Arabic; None for any
    other."""
    for language, (recognised, _, _) in STYLED_READINGS.items():
        if recognised.search(text):
            return language
    return None


# A place as those languages name it: article 1, paragraphe 4, alinéa 3 du préambule, пункт 4.
STYLED_PLACE_WORD = re.compile(
    r"article|artículo|статья|المادة|paragraphe|párrafo|пункт|الفقرة|alinéa|annexe|anexo"
    r"|приложение|المرفق|note|nota|сноска|الحاشية|par\.",
    re.IGNORECASE,
)
STYLED_ARTICLE = re.compile(r"(?:article|artículo|статья|المادة)\s*([0-9]{1,3})", re.IGNORECASE)
