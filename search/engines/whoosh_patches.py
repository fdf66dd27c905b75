"""The one correction to Whoosh the archive needs, applied from ``SearchConfig.ready()`` when
Whoosh is the engine, and only to the version it was written against.

Whoosh's ``AndNotMatcher`` checks its first candidate only when both matchers start on the same
document: when the excluded word's first document comes earlier, an excluded first candidate was
kept (``sanctions -Iraq`` listed a paragraph naming Iraq, or not, depending on how the documents
lay in the index's segments). Upstream would retire this by calling ``_find_next`` in
``AndNotMatcher._find_first`` whenever the first candidate is at or past the excluded matcher's
document (whoosh/matching/binary.py).
"""

import logging

import whoosh
from whoosh.matching.binary import AndNotMatcher

log = logging.getLogger(__name__)

PATCHED_VERSION = (2, 7, 5)


def _find_first_not_excluded(self) -> None:
    """Move past the first candidates that the excluded words also match."""
    if self.a.is_active() and self.b.is_active() and self.a.id() >= self.b.id():
        self._find_next()


def apply() -> None:
    if tuple(whoosh.__version__[:3]) != PATCHED_VERSION:
        log.warning(
            "Whoosh %s is not %s: the AndNotMatcher correction is not applied; check whether "
            "the new version still keeps an excluded first candidate",
            whoosh.versionstring(),
            ".".join(map(str, PATCHED_VERSION)),
        )
        return
    AndNotMatcher._find_first = _find_first_not_excluded
