"""The bodies whose resolutions the archive holds, as the archive names them, and the Assembly's
sessions as its URLs, filters and facets write them.

A body is named in full in Chinese and in English (大会 / General Assembly, 安全理事会 / Security
Council); lists, facets and breadcrumbs use the short Chinese name (安理会), and Akoma Ntoso
names the body by its AKN4UN actor code (unga, unsc).

An Assembly session is written ``76`` for a regular session, ``S-27`` for a special session and
``ES-11`` for an emergency special session: the *session key* of the browse URLs
(``/ga/ES-11/``), of the API's ``session`` filter and of the search's period facet (``GA 76``).
"""

import re
from dataclasses import dataclass

from .symbols import GENERAL_ASSEMBLY, SECURITY_COUNCIL


@dataclass(frozen=True)
class BodyNames:
    """How the archive names one body."""

    zh: str  # in full: 大会, 安全理事会
    en: str  # General Assembly, Security Council
    zh_short: str  # in lists and facets: 大会, 安理会
    actor: str  # the AKN4UN actor code: unga, unsc

    def name(self, language: str) -> str:
        """The full name in Chinese ("zh") or, for any other language, in English."""
        return self.zh if language == "zh" else self.en


BODIES = {
    GENERAL_ASSEMBLY: BodyNames(zh="大会", en="General Assembly", zh_short="大会", actor="unga"),
    SECURITY_COUNCIL: BodyNames(
        zh="安全理事会", en="Security Council", zh_short="安理会", actor="unsc"
    ),
}

# An Assembly session key: 76, ES-11 (emergency special), S-27 (special).
SESSION_PATTERN = r"(?:(?:ES|S)-)?[1-9][0-9]{0,2}"


def session_key(session: int, special: str = "") -> str:
    """The key of an Assembly session: 76; ES-11 when ``special`` is "ES", S-27 for "S"."""
    return f"{special}-{session}" if special else str(session)


def parse_session_key(key: str) -> tuple[int, str] | None:
    """(session, special) for a session key: (76, "") for 76, (11, "ES") for ES-11; None for
    anything that is not one."""
    if re.fullmatch(SESSION_PATTERN, key) is None:
        return None
    special, _, number = key.rpartition("-")
    return int(number), special
