"""What helps a reader find their way in a text: a word when the text is not in the language
they came from, and the table of contents of a text with headings or annexes."""

from dataclasses import dataclass

from django.utils.text import Truncator

from resolutions.languages import (
    CHINESE_NAMES,
    ENGLISH_NAMES,
    LANGUAGES,
    WrittenIn,
)
from resolutions.official_texts import official_pdf_url
from resolutions.structure import Section

# Each language named in each language, as the notice's sentence needs it.
_NAMES_IN = {
    "zh": CHINESE_NAMES,
    "en": ENGLISH_NAMES,
    "fr": {
        "zh": "chinois",
        "en": "anglais",
        "fr": "français",
        "es": "espagnol",
        "ru": "russe",
        "ar": "arabe",
    },
    "es": {
        "zh": "chino",
        "en": "inglés",
        "fr": "francés",
        "es": "español",
        "ru": "ruso",
        "ar": "árabe",
    },
    "ru": {
        "zh": "китайском",
        "en": "английском",
        "fr": "французском",
        "es": "испанском",
        "ru": "русском",
        "ar": "арабском",
    },
    "ar": {
        "zh": "الصينية",
        "en": "الإنكليزية",
        "fr": "الفرنسية",
        "es": "الإسبانية",
        "ru": "الروسية",
        "ar": "العربية",
    },
}
# {reader}: the reader's language, {shown}: the language of the text shown, as _NAMES_IN
# names them in the reader's language.
_SENTENCES = {
    "zh": ("本决议尚无{reader}本，以下为{shown}本。", "联合国正式文件系统中的{reader}本（PDF）"),
    "en": (
        "This resolution is not in the archive in {reader} yet; below is the {shown} text.",
        "The official {reader} text at the UN document service (PDF)",
    ),
    "fr": (
        "Cette résolution n’est pas encore dans l’archive en {reader} ; voici le texte {shown}.",
        "Le texte officiel en {reader} sur le système de documents de l’ONU (PDF)",
    ),
    "es": (
        "Esta resolución aún no está en el archivo en {reader}; a continuación, el texto en "
        "{shown}.",
        "El texto oficial en {reader} en el sistema de documentos de las Naciones Unidas (PDF)",
    ),
    "ru": (
        "Этой резолюции ещё нет в архиве на {reader} языке; ниже — текст на {shown} языке.",
        "Официальный текст на {reader} языке в системе документов ООН (PDF)",
    ),
    "ar": (
        "هذا القرار غير متاح بعد في الأرشيف باللغة {reader}؛ وفيما يلي النص باللغة {shown}.",
        "النص الرسمي باللغة {reader} في نظام الوثائق الرسمية للأمم المتحدة (PDF)",
    ),
}


@dataclass(frozen=True)
class LanguageNotice(WrittenIn):
    """Told, in the reader's language, that the text shown is in another, with the official
    text in theirs."""

    language: str  # the reader's
    sentence: str
    link_text: str
    url: str


def language_notice(
    symbol: str, shown: str, came_from: str, available: set[str]
) -> LanguageNotice | None:
    """The notice for a reader who came from a text in ``came_from`` to the ``shown`` version
    of ``symbol``: None unless the archive has no version in their language."""
    if came_from not in LANGUAGES or came_from == shown or came_from in available:
        return None
    names = _NAMES_IN[came_from]
    sentence, link = _SENTENCES[came_from]
    return LanguageNotice(
        came_from,
        sentence.format(reader=names[came_from], shown=names[shown]),
        link.format(reader=names[came_from]),
        official_pdf_url(symbol, came_from),
    )


@dataclass
class ContentsEntry:
    """A line of the table of contents: an annex, or a heading of the text."""

    anchor: str
    text: str
    entries: list["ContentsEntry"]
    annex: str | None = None  # for an annex's own line: "" (the only one) or "II"


def table_of_contents(sections: list[Section]) -> list[ContentsEntry]:
    """The headings of the body and each annex with its headings; empty for a text that has
    neither headings nor annexes."""
    contents: list[ContentsEntry] = []
    for section in sections:
        headings = [
            ContentsEntry(item.eid, Truncator(item.paragraph.text).chars(120), [])
            for run in section.runs
            if run.kind == "heading"
            for item in run.items
        ]
        if section.is_annex:
            contents.append(ContentsEntry(section.anchor, "", headings, section.number))
        else:
            contents += headings
    return contents
