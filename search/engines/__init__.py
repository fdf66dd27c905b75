"""Search engines behind one seam (``base.ArchiveEngine``): Whoosh, the default, and tantivy, for
an archive of the whole record. ``SEARCH_ENGINE`` chooses one; ``backend()`` is the live one."""

from haystack import connections

ENGINES = {
    "whoosh": "search.engines.whoosh.WhooshSearchEngine",
    "tantivy": "search.engines.tantivy.TantivySearchEngine",
}


def backend():
    """The configured engine's backend for this process (see ``base.ArchiveEngine``)."""
    return connections["default"].get_backend()
