"""Going to a paragraph by the name a reader gives it (PP3, 22, 4(a), 序言部分第 3 段), from
the box on a resolution's page: a plain GET form, so it works without JavaScript."""

import re

from django.http import Http404
from django.shortcuts import redirect, render

from resolutions.citations.pasted import MAX_CITATION, CitedPlace, place_eid, read_place
from resolutions.languages import CHINESE_NAMES, ENGLISH_NAMES, LANGUAGES
from resolutions.models import LanguageVersion, Paragraph

# An eid as the archive writes it (para_4_a), which a reader may paste from a permalink.
_EID = re.compile(r"[a-z0-9_]{1,64}")


def go_to_paragraph(request, symbol: str, language: str):
    """The version's page at the paragraph named by ``?p=``; a page saying what was not found
    (and the box again) when the version has no such paragraph."""
    version = (
        LanguageVersion.objects.select_related("resolution")
        .defer("source_text")
        .filter(resolution__symbol=symbol, language=language)
        .first()
    )
    if version is None:
        raise Http404(f"{symbol} has no {LANGUAGES[language]} version")
    asked = request.GET.get("p", "").strip()
    if not asked:
        return redirect(version.get_absolute_url())
    place = read_place(asked)
    understood = place is not None or bool(_EID.fullmatch(asked))
    eid = _held(version, place or CitedPlace(asked, (asked,)))
    if eid:
        return redirect(f"{version.get_absolute_url()}#{eid}")
    return render(
        request,
        "resolutions/go_to_missing.html",
        {
            "version": version,
            "resolution": version.resolution,
            "language_zh": CHINESE_NAMES[language],
            "language_en": ENGLISH_NAMES[language],
            "asked": asked[:MAX_CITATION],
            "understood": understood,
        },
        status=404 if understood else 400,
    )


def _held(version: LanguageVersion, place: CitedPlace) -> str | None:
    """The paragraph of ``version`` that ``place`` names, read as the citation resolver reads
    it; in a text whose paragraphs are numbered within parts (part_B_para_1), the one paragraph
    of that number in a part."""
    held = set(Paragraph.objects.filter(version=version).values_list("eid", flat=True))
    if eid := place_eid(place, held):
        return eid
    in_parts = {
        eid
        for eid in held
        for wanted in place.eids
        if re.fullmatch(rf"part_[0-9A-Za-z]+_{re.escape(wanted)}", eid)
    }
    return in_parts.pop() if len(in_parts) == 1 else None
