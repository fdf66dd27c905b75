"""Pages of the archive: browsing (home, lists), reading (resolution, paragraph, side by side)
and symbol resolution (variant spellings, resolutions not in the archive yet)."""

from .browse import ga_session, ga_sessions, home, sc_year, sc_years
from .reading import paragraph, resolution, side_by_side, version
from .symbols import variant

__all__ = [
    "ga_session",
    "ga_sessions",
    "home",
    "paragraph",
    "resolution",
    "sc_year",
    "sc_years",
    "side_by_side",
    "variant",
    "version",
]
