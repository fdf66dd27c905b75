"""Pages of a long answer: ``page`` and ``per_page`` in, links to the neighbouring pages out.

The links go both in the body (``links``) and in a ``Link`` header (RFC 8288), absolute and
keeping every other parameter of the request, so a client can walk the pages without building
URLs.
"""

import re
from dataclasses import dataclass

from search.forms import MAX_PAGE

from .http import BadParameter, single_value

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
_DIGITS = re.compile(r"[0-9]{1,9}")


def whole_number(params, name: str, default: int | None, lowest: int, highest: int) -> int | None:
    """The parameter as an integer from ``lowest`` to ``highest``; ``default`` when absent."""
    raw = single_value(params, name)
    if raw is None:
        return default
    if not _DIGITS.fullmatch(raw) or not lowest <= int(raw) <= highest:
        raise BadParameter(name, f"{name} must be a whole number from {lowest} to {highest}")
    return int(raw)


@dataclass
class Page:
    number: int
    per_page: int
    count: int = 0

    @classmethod
    def from_request(cls, request) -> "Page":
        return cls(
            number=whole_number(request.GET, "page", 1, 1, MAX_PAGE),
            per_page=whole_number(request.GET, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        )

    @property
    def pages(self) -> int:
        """How many pages there are; an empty answer still has its one (empty) page."""
        return max(1, -(-self.count // self.per_page))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    def links(self, request) -> dict[str, str | None]:
        def to(number: int) -> str:
            params = request.GET.copy()
            params["page"] = str(number)
            return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

        return {
            "self": to(self.number),
            "next": to(self.number + 1) if self.number < self.pages else None,
            # Past the end (a search whose hits fell away), "prev" is the last page.
            "prev": to(min(self.number - 1, self.pages)) if self.number > 1 else None,
            "first": to(1),
            "last": to(self.pages),
        }


def link_header(links: dict[str, str | None]) -> str:
    """The links as an HTTP ``Link`` header: <url>; rel="next", <url>; rel="last", …"""
    return ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url and rel != "self")
