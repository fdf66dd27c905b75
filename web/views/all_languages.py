"""One paragraph (or article) of a resolution in every language the archive holds it in.

``/A/RES/217A(III)/all/article_1/`` shows article 1 of the Universal Declaration, heading and
paragraphs, in Chinese, English, French, Spanish, Russian and Arabic, one block per
language, each marked with its own language and writing direction. The page reads the versions
(with the page stamp) in one query and the paragraphs of the place, in every version, in three;
it is kept in the page cache until one of the versions changes.
"""

import hashlib
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from resolutions.labels import element_name
from resolutions.languages import CHINESE_NAMES, ENGLISH_NAMES, LANGUAGES, WrittenIn
from resolutions.models import Citation, FootnoteReference, LanguageVersion, Paragraph

from ..page_cache import kept_page, with_stamp
from ..presentation import ShownParagraph, show_text
from .symbols import not_in_archive


@dataclass
class LanguageBlock(WrittenIn):
    """The place in one language: its version, and the paragraph with its sub-items (none when
    this version lacks it)."""

    version: LanguageVersion
    items: list[ShownParagraph]

    @property
    def language(self) -> str:
        return self.version.language

    @property
    def chinese_name(self) -> str:
        return CHINESE_NAMES[self.language]

    @property
    def english_name(self) -> str:
        return ENGLISH_NAMES[self.language]

    @property
    def own_name(self) -> str:
        """The language's name in itself, when the Chinese and English names are not it."""
        name = LANGUAGES[self.language]
        return "" if name in (self.chinese_name, self.english_name) else name

    @property
    def url(self) -> str:
        """The paragraph's own page in this language, or the version when it lacks it."""
        if self.items:
            return self.items[0].paragraph.get_absolute_url()
        return self.version.get_absolute_url()


def all_languages(request, symbol: str, eid: str):
    versions = list(
        with_stamp(LanguageVersion.objects.select_related("resolution").defer("source_text"))
        .filter(resolution__symbol=symbol)
        .in_language_order()
    )
    if not versions:
        return not_in_archive(request, symbol)
    stamps = " | ".join(f"{v.pk} {v.page_stamp}" for v in versions)
    digest = hashlib.sha256(stamps.encode()).hexdigest()[:32]
    key = f"all-languages-{versions[0].resolution_id}-{eid}-{digest}"
    return kept_page(request, key, lambda origin: _page(versions, eid, origin))


def _page(versions: list[LanguageVersion], eid: str, origin: str) -> HttpResponse:
    # The place and its sub-items, whose eids continue its own (article_1_para_2, para_4_a).
    paragraphs = (
        Paragraph.objects.filter(version__in=versions)
        .filter(Q(eid=eid) | Q(eid__startswith=f"{eid}_"))
        .order_by("version_id", "position")
        .prefetch_related(
            Prefetch("citations", queryset=Citation.objects.order_by("start")),
            Prefetch(
                "footnote_references",
                queryset=FootnoteReference.objects.select_related("footnote").order_by("offset"),
            ),
        )
    )
    by_pk = {version.pk: version for version in versions}
    by_version: dict[int, list[Paragraph]] = {}
    for paragraph in paragraphs:
        paragraph.version = by_pk[paragraph.version_id]  # for its URL, without a query
        by_version.setdefault(paragraph.version_id, []).append(paragraph)
    blocks = []
    for version in versions:
        shown = show_text(
            by_version.get(version.pk, []), [], version.language, prefix=f"{version.language}-"
        )
        # The place first, then what continues its eid in order: its sub-items are under it,
        # and an article's paragraphs follow its heading.
        items = shown.paragraphs
        for item in items:
            _notes_in_full_text(item, version.get_absolute_url())
        blocks.append(LanguageBlock(version, items))
    if not any(block.items for block in blocks):
        raise Http404(f"{eid} is in no version of {versions[0].resolution}")
    title = next(block for block in blocks if block.items).version
    return HttpResponse(
        render_to_string(
            "resolutions/all_languages.html",
            {
                "origin": origin,
                "resolution": versions[0].resolution,
                "eid": eid,
                "blocks": blocks,
                "title_version": title,
                "name_zh": element_name(eid, "zh"),
                "name_en": element_name(eid, "en"),
            },
        )
    )


def _notes_in_full_text(item: ShownParagraph, version_url: str) -> None:
    """Point the footnote markers of the paragraph and its sub-items at their notes on the
    version's page: this page shows six texts, not their notes. Imported text is escaped (its
    quotes are entities), so only the markers' own links read ``href="#fn_``."""
    item.html = SafeString(item.html.replace('href="#fn_', f'href="{version_url}#fn_'))
    for subitem in item.subitems:
        _notes_in_full_text(subitem, version_url)
