"""Admin for corrections: metadata, titles and paragraph text can be fixed by hand.

A correction is searchable as soon as it is saved: the texts it touches are indexed again once
its transaction commits, and the reading pages kept rendered (``web.page_cache``) are forgotten.
"""

import logging

from django.contrib import admin, messages
from django.db import transaction

from resolutions.models import Citation, Footnote, LanguageVersion, Paragraph, Resolution
from resolutions.series import corrected
from search.indexing import index_version

from . import page_cache

log = logging.getLogger(__name__)


def reindex_after_commit(request, versions) -> None:
    """Index the versions again once the correction is committed (never before: the index must
    not hold what the database does not). The correction is kept if indexing fails; the editor
    is told how to bring the index up to date."""
    version_list = list(versions)

    def reindex() -> None:
        try:
            for version in version_list:
                index_version(version)
        except Exception:
            log.exception("search index not updated after a correction")
            messages.warning(
                request,
                "The correction is saved, but the search index could not be updated: "
                "run `manage.py check_index --repair`.",
            )

    transaction.on_commit(reindex)


class CorrectionAdmin(admin.ModelAdmin):
    """Saving or deleting anything here empties the page cache once it is committed."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        transaction.on_commit(page_cache.clear)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(page_cache.clear)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(page_cache.clear)


class LanguageVersionInline(admin.TabularInline):
    model = LanguageVersion
    fields = ["language", "title", "source_name", "imported_at"]
    readonly_fields = ["source_name", "imported_at"]
    extra = 0
    show_change_link = True


@admin.register(Resolution)
class ResolutionAdmin(CorrectionAdmin):
    list_display = ["symbol", "body", "session", "year", "adopted_on", "meeting_number"]
    list_filter = ["body", "session"]
    search_fields = ["symbol"]
    inlines = [LanguageVersionInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Symbol, date and body are in every indexed paragraph of every language version.
        reindex_after_commit(request, form.instance.versions.all())
        corrected(form.instance)  # a title or a date may move it in or out of a series


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    fields = ["position", "eid", "kind", "label", "text"]
    readonly_fields = ["position", "eid", "kind", "label"]
    extra = 0
    can_delete = False


class FootnoteInline(admin.TabularInline):
    model = Footnote
    fields = ["marker", "text"]
    readonly_fields = ["marker"]
    extra = 0
    can_delete = False


@admin.register(LanguageVersion)
class LanguageVersionAdmin(CorrectionAdmin):
    list_display = ["resolution", "language", "title", "source_name", "imported_at"]
    list_filter = ["language", "source_format"]
    search_fields = ["resolution__symbol", "title"]
    readonly_fields = ["source_name", "source_sha256", "source_format", "source_text", "warnings"]
    inlines = [ParagraphInline, FootnoteInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reindex_after_commit(request, [form.instance])
        corrected(form.instance.resolution)


@admin.register(Citation)
class CitationAdmin(CorrectionAdmin):
    list_display = ["cited_text", "target_symbol", "kind", "target", "pinpoint"]
    list_filter = ["kind"]
    search_fields = ["target_symbol", "cited_text"]
    raw_id_fields = ["paragraph", "footnote", "target"]
