"""Where a text came from, for the texts a reader should know were read by OCR.

Two layouts are OCR of scanned print: ``crunsc``, the Security Council's yearly volumes of
resolutions and decisions as read and corrected by hand in the Corpus of Resolutions: UN
Security Council (CR-UNSC), and ``ocr``, page ranges of the General Assembly's Official Records
read by OCR and not corrected. Their texts can differ from the official ones where the scan or
the reading failed, so their pages say so, name the source and link the official text.
"""

from dataclasses import dataclass

from .models import Body, LanguageVersion
from .official_texts import official_pdf_url
from .parsing import OCR_FORMATS

# The published data set the ``crunsc`` files come from (version 2024-05-03, CC0).
CR_UNSC = "https://doi.org/10.5281/zenodo.7319781"


@dataclass(frozen=True)
class Provenance:
    """What a page says about an OCR text: in Chinese and in English, the source named and
    linked, the file imported, and the official text to compare with."""

    zh: str
    en: str
    source_name: str  # the published source, as cited
    source_url: str  # "" when the source has no address of its own
    file_name: str
    official_url: str


def provenance(version: LanguageVersion) -> Provenance | None:
    """What the page of ``version`` (with its resolution) says about where its text came
    from; None for texts converted from the UN's own digital documents."""
    if version.source_format not in OCR_FORMATS:
        return None
    resolution = version.resolution
    official = official_pdf_url(resolution.symbol, version.language)
    if version.source_format == "crunsc":
        year = resolution.year or ""
        return Provenance(
            zh=f"本文本取自安全理事会 {year} 年决议和决定汇编的扫描本，经光学字符识别（OCR）"
            "并由人工校对，可能仍与正式文本有出入。",
            en=f"This text was read by OCR from a scan of the Security Council's {year} volume "
            "of resolutions and decisions and corrected by hand; it may still differ from the "
            "official text.",
            source_name="Corpus of Resolutions: UN Security Council (CR-UNSC)",
            source_url=CR_UNSC,
            file_name=version.source_name,
            official_url=official,
        )
    session = resolution.session if resolution.body == Body.GENERAL_ASSEMBLY else None
    where_zh = f"第 {session} 届会议" if session else ""
    where_en = f" of the {_ordinal(session)} session" if session else ""
    return Provenance(
        zh=f"本文本取自大会正式记录{where_zh}决议汇编的扫描本，经光学字符识别（OCR），"
        "未经校对，可能有识别错误。",
        en=f"This text was read by OCR from a scan of the General Assembly's Official Records"
        f" (resolutions{where_en}) and has not been corrected: it may hold recognition errors.",
        source_name="Official Records of the General Assembly",
        source_url="",
        file_name=version.source_name,
        official_url=official,
    )


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
