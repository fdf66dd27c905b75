"""Admin for corrections: metadata, titles and paragraph text can be fixed by hand."""

from django.contrib import admin

from .models import Citation, Footnote, LanguageVersion, Paragraph, Resolution


class LanguageVersionInline(admin.TabularInline):
    model = LanguageVersion
    fields = ["language", "title", "source_name", "imported_at"]
    readonly_fields = ["source_name", "imported_at"]
    extra = 0
    show_change_link = True


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["symbol", "body", "session", "year", "adopted_on", "meeting_number"]
    list_filter = ["body", "session"]
    search_fields = ["symbol"]
    inlines = [LanguageVersionInline]


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
class LanguageVersionAdmin(admin.ModelAdmin):
    list_display = ["resolution", "language", "title", "source_name", "imported_at"]
    list_filter = ["language", "source_format"]
    search_fields = ["resolution__symbol", "title"]
    readonly_fields = ["source_name", "source_sha256", "source_format", "source_text", "warnings"]
    inlines = [ParagraphInline, FootnoteInline]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["cited_text", "target_symbol", "kind", "target", "pinpoint"]
    list_filter = ["kind"]
    search_fields = ["target_symbol", "cited_text"]
    raw_id_fields = ["paragraph", "footnote", "target"]
