"""Importing as ``manage.py import_resolutions`` does: with SEARCH_INDEX_ON_IMPORT (off in the
test settings, on where a test searches), every text stored is indexed once it is committed."""

from django.conf import settings

from resolutions import importer
from search.indexing import index_version


def import_path(path, **options) -> importer.FileImport:
    if settings.SEARCH_INDEX_ON_IMPORT:
        options.setdefault("on_stored", index_version)
    return importer.import_path(path, **options)


def import_file(path, **options) -> importer.ImportResult:
    """Import a file holding one resolution."""
    (result,) = import_path(path, **options).results
    return result
