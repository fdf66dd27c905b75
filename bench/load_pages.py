"""What ``bench.load`` requests, and what a search must keep answering: the mix of page kinds,
the URLs of each kind chosen evenly over the archive (resolution pages, paragraph pages, lists,
searches in Chinese and English, symbol lookups), and each search's answer before the load, with
which every answer during the load is compared."""

import json
from dataclasses import dataclass
from urllib.parse import quote

from .server import fetch

# Searches: Chinese words and phrases, English words, and symbols (which list what cites them).
QUERIES = {
    "search": [
        "联合国人员",
        "人道主义",
        "安全理事会",
        "自然灾害",
        "秘书长",
        "国际人道主义法",
        "humanitarian",
        "peacekeeping",
        "refugees",
        '"territorial integrity"',
        "sanctions -Iraq",
        "apartheid",
    ],
    "symbol": ["76/127", "2286(2016)", "S/RES/242 (1967)", "A/RES/46/182", "2175 (2014)"],
}
# Requests of each kind in every cycle of a client's sequence.
MIX = {"resolution": 3, "paragraph": 4, "list": 2, "search": 4, "symbol": 1}
SAMPLE = 150  # resolution and paragraph pages spread over the archive, per kind
PAGE_SIZE = 20  # search.service.PAGE_SIZE: the first page holds every hit up to this many


def search_url(query: str) -> str:
    return f"/search/?q={quote(query)}&format=json"


def search_key(body: bytes) -> tuple:
    """What must not change while the same texts are re-imported: the total, and the hits of
    the first page (as a set: ranks move while replaced documents still count in Whoosh's
    statistics, and the first page holds every hit when there are at most PAGE_SIZE)."""
    answer = json.loads(body)
    hits = frozenset((hit["symbol"], hit["language"], hit["eid"]) for hit in answer["hits"])
    return answer["total"], hits if answer["total"] <= PAGE_SIZE else None


@dataclass
class Target:
    kind: str
    url: str


def choose_targets() -> dict[str, list[Target]]:
    """The URLs of each kind, spread evenly over the archive (the same on every run)."""
    from django.urls import reverse

    from resolutions.models import LanguageVersion, Paragraph, Resolution

    def spread(items: list, count: int) -> list:
        step = max(1, len(items) // count)
        return items[::step][:count]

    versions = list(LanguageVersion.objects.select_related("resolution").order_by("id"))
    paragraphs = list(
        Paragraph.objects.select_related("version__resolution").order_by("version_id", "position")
    )
    lists = ["/", reverse("resolutions:ga_sessions"), reverse("resolutions:sc_years")]
    browse = sorted({r.get_browse_url() for r in Resolution.objects.all()})
    lists += spread(browse, 40)
    targets = {
        "resolution": [
            Target("resolution", v.get_absolute_url()) for v in spread(versions, SAMPLE)
        ],
        "paragraph": [
            Target("paragraph", p.get_absolute_url()) for p in spread(paragraphs, SAMPLE)
        ],
        "list": [Target("list", url) for url in lists],
        **{
            kind: [Target(kind, search_url(query)) for query in queries]
            for kind, queries in QUERIES.items()
        },
    }
    return {kind: targets[kind] for kind in MIX if targets[kind]}


def _key_text(key) -> str:
    if isinstance(key, str):
        return key
    total, hits = key
    return f"{total} hits" + (f" {sorted(hits)[:3]}…" if hits else "")


def baseline(port: int, targets: dict[str, list[Target]]) -> dict[str, tuple]:
    """The answer to every search before the load, by URL; a failing search stops the run."""
    expected = {}
    for kind in QUERIES:
        for target in targets.get(kind, []):
            status, body = fetch(port, target.url, page=f"baseline {kind}")
            if status != 200:
                raise RuntimeError(f"{target.url} answers {status} before the load")
            expected[target.url] = search_key(body)
    return expected


def difference(url: str, body: bytes, expected: dict[str, tuple]) -> str | None:
    """How an answer (JSON, status 200) to the search ``url`` differs from its answer before
    the load, in words; None when it does not."""
    try:
        key = search_key(body)
    except (ValueError, KeyError) as error:
        key = f"unreadable answer: {error}"
    if key == expected[url]:
        return None
    return f"{url}: {_key_text(key)} instead of " + _key_text(expected[url])
