"""The Akoma Ntoso download of a language version: ``/A/RES/76/127/zh.akn.xml``."""

from django.http import Http404, HttpResponse

from resolutions.akn import CONTENT_TYPE, download_name, export_akn
from resolutions.languages import LANGUAGES
from resolutions.models import LanguageVersion


def version_akn(request, symbol: str, language: str):
    """The version as an ``.akn.xml`` file, in a fixed number of queries however long."""
    version = (
        LanguageVersion.objects.with_contents()
        .filter(resolution__symbol=symbol, language=language)
        .first()
    )
    if version is None:
        raise Http404(f"{symbol} has no {LANGUAGES[language]} version in the archive")
    response = HttpResponse(export_akn(version), content_type=f"{CONTENT_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{download_name(version)}"'
    return response
