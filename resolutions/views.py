"""Pages of the archive: the list of resolutions and a resolution's text."""

from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from .languages import LANGUAGES
from .models import LanguageVersion, Paragraph, Resolution


def home(request):
    resolutions = Resolution.objects.prefetch_related(
        Prefetch("versions", queryset=LanguageVersion.objects.in_language_order())
    )
    counts = Resolution.objects.values("body").annotate(total=Count("id")).order_by("body")
    return render(
        request,
        "resolutions/home.html",
        {"resolutions": resolutions, "counts": counts, "languages": LANGUAGES},
    )


def resolution(request, symbol):
    versions = LanguageVersion.objects.filter(resolution__symbol=symbol).in_language_order()
    version = versions.select_related("resolution").first()
    if version is None:
        raise Http404(f"{symbol} is not in the archive")
    return redirect(version)


def version(request, symbol, language):
    version = get_object_or_404(
        LanguageVersion.objects.with_contents(),
        resolution__symbol=symbol,
        language=language,
    )
    return render(
        request, "resolutions/version.html", {"version": version, "resolution": version.resolution}
    )


def paragraph(request, symbol, language, eid):
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("version__resolution"),
        version__resolution__symbol=symbol,
        version__language=language,
        eid=eid,
    )
    return redirect(f"{paragraph.version.get_absolute_url()}#{paragraph.eid}")
