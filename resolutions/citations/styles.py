"""How the French, Spanish, Russian and Arabic texts of the UN cite a resolution.

The forms are those of the UN's own texts (the UN Parallel Corpus has them side by side):

* résolution 3235 (XXIX) de l'Assemblée générale, annexe · résolution 2100 (2013) du Conseil de
  sécurité en date du 25 avril 2013;
* resolución 3235 (XXIX) de la Asamblea General, anexo · resolución 1990 (2011) del Consejo de
  Seguridad, de 27 de junio de 2011;
* резолюция 3235 (XXIX) Генеральной Ассамблеи, приложение · резолюции 2100 (2013) от 25 апреля
  2013 года;
* قرار الجمعية العامة 3235 (د-29) · قرار مجلس الأمن 1990 (2011) المؤرخ 27 حزيران/يونيه 2011:
  the body after the word, the part letter named (217 ألف), the session as (د-3), the Arabic
  comma before the place.

The place is named as the pages of that language name it (``resolutions.labels``): article 1,
paragraphe 4, alinéa 3 du préambule.
"""

from datetime import date

from ..symbols import GENERAL_ASSEMBLY, Symbol
from .scripts import arabic_short

# The languages with a style of their own here, beside Chinese and English.
STYLED = ("fr", "es", "ru", "ar")

_BODY_NAMES = {
    "fr": {GENERAL_ASSEMBLY: "de l'Assemblée générale", "SC": "du Conseil de sécurité"},
    "es": {GENERAL_ASSEMBLY: "de la Asamblea General", "SC": "del Consejo de Seguridad"},
    "ru": {GENERAL_ASSEMBLY: "Генеральной Ассамблеи", "SC": "Совета Безопасности"},
    "ar": {GENERAL_ASSEMBLY: "الجمعية العامة", "SC": "مجلس الأمن"},
}
# fmt: off
_MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    # The Syriac month and its Latin name, as UN Arabic texts write both.
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
           "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
           "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"],
}
# fmt: on


def written_date(day: date, language: str) -> str:
    """1er décembre 1948, 10 de diciembre de 1948, 10 декабря 1948 года, 10 كانون الأول/ديسمبر
    1948."""
    month = _MONTHS[language][day.month - 1]
    if language == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    if language == "ru":
        return f"{day.day} {month} {day.year} года"
    return f"{day.day} {month} {day.year}"


def styled_citation(symbol: Symbol, language: str, adopted_on: date | None, place: str) -> str:
    """The citation of ``symbol`` in ``language`` (one of ``STYLED``), with its adoption date
    and the place (already named in that language) when given."""
    body = _BODY_NAMES[language][symbol.body]
    when = written_date(adopted_on, language) if adopted_on else ""
    if language == "ar":
        cited = f"قرار {body} {arabic_short(symbol)}" + (f" المؤرخ {when}" if when else "")
        return cited + (f"، {place}" if place else "")
    word = {"fr": "résolution", "es": "resolución", "ru": "резолюция"}[language]
    dated = {"fr": f" en date du {when}", "es": f", de {when}", "ru": f" от {when}"}[language]
    cited = f"{word} {symbol.short} {body}" + (dated if when else "")
    return cited + (f", {place}" if place else "")
