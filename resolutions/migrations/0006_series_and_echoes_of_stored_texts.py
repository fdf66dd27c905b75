"""Texts stored before series and agreed language existed get them: re-importing an unchanged
file writes nothing, so the archive's rows are brought up to date here."""

from django.db import migrations


def fill_in(apps, schema_editor):
    from resolutions import echoes, series

    LanguageVersion = apps.get_model("resolutions", "LanguageVersion")
    for version in LanguageVersion.objects.only("title").iterator():
        version.title_key = series.title_key(version.title)
        version.save(update_fields=["title_key"])
    echoes.backfill(apps)
    series.backfill(apps)


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0005_series_title_key_text_bands")]

    operations = [migrations.RunPython(fill_in, migrations.RunPython.noop)]
