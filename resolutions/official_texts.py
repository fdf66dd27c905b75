"""The official texts of a resolution: the PDF of each language version at the UN's document
service (the Official Document System), whatever the archive holds."""

from dataclasses import dataclass
from urllib.parse import urlencode

from .languages import ENGLISH_NAMES, LANGUAGES, WrittenIn

OFFICIAL_PDF = "https://documents.un.org/api/symbol/access?{query}"


def official_pdf_url(symbol: str, language: str) -> str:
    """The official PDF of ``symbol`` in ``language``. The service spells Council symbols as
    the archive's URLs do, without the space (S/RES/2286(2016)), and names languages by their
    ISO 639-1 codes, as the archive does."""
    query = {"s": symbol.replace(" ", ""), "l": language, "t": "pdf"}
    return OFFICIAL_PDF.format(query=urlencode(query, safe="/()"))


@dataclass(frozen=True)
class OfficialText(WrittenIn):
    """A link to the official PDF in one language."""

    language: str
    url: str

    @property
    def name(self) -> str:
        """The language by its own name: 中文, English, Français."""
        return LANGUAGES[self.language]

    @property
    def name_en(self) -> str:
        return ENGLISH_NAMES[self.language]


def official_texts(symbol: str) -> list[OfficialText]:
    """The official PDF in each of the six languages, Chinese first."""
    return [OfficialText(language, official_pdf_url(symbol, language)) for language in LANGUAGES]
