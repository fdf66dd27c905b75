"""The timeline of a series, drawn as SVG on the server: one mark per resolution along the
years, its size the number of paragraphs, a dark sector and a figure for the share changed
since the resolution before.

Here only the geometry is worked out, from plain values; ``templates/resolutions/
series_timeline.html`` writes the SVG (the template engine escapes every text in it). Each mark
is a link to its resolution, named for screen readers by its own ``<title>``; the members
table beside the picture holds the same facts.
"""

import math
from dataclasses import dataclass
from datetime import date

# Pixels: a year's width (shrunk for a long series), the least space between two marks, and the
# smallest and largest mark.
YEAR_WIDTH = 130.0
MIN_GAP = 128.0
WIDEST = 800.0  # with the margins, the width of the page's column
SMALLEST, LARGEST = 9.0, 34.0
MARGIN = 72.0
TOP = 46.0  # room for the share labels above the marks


@dataclass(frozen=True)
class Point:
    """One resolution as the timeline shows it."""

    symbol: str  # as cited: 75/125
    url: str
    adopted_on: date
    paragraphs: int
    share_changed: float | None  # since ``previous``; None for the first or when not compared
    previous: str = ""  # the symbol before it, as cited


@dataclass
class Mark:
    url: str
    symbol: str
    year: str
    x: float
    y: float
    r: float
    sector: str  # SVG path of the share changed; empty when none or all of it
    whole_changed: bool
    label: str  # "32%", or empty for the first
    name: str  # the link's accessible name
    label_y: float
    symbol_y: float
    year_y: float


@dataclass
class Tick:
    """The first of January of ``year`` on the axis."""

    x: float
    year: int
    y1: float
    y2: float
    label: str  # the year, where no mark stands near to say it
    label_y: float


@dataclass
class Timeline:
    width: int
    height: int
    axis_y: float
    axis_from: float
    axis_to: float
    marks: list[Mark]
    ticks: list[Tick]
    first_year: int
    last_year: int


def _when(day: date) -> float:
    """The date as a year and fraction: 2020-12-11 → 2020.94."""
    return day.year + (day.timetuple().tm_yday - 1) / 366


def _sector(x: float, y: float, r: float, share: float) -> str:
    """A pie slice of ``share`` of the circle, clockwise from twelve o'clock."""
    angle = 2 * math.pi * share
    end_x, end_y = x + r * math.sin(angle), y - r * math.cos(angle)
    large = 1 if share > 0.5 else 0
    return (
        f"M{x:.1f} {y:.1f} L{x:.1f} {y - r:.1f} "
        f"A{r:.1f} {r:.1f} 0 {large} 1 {end_x:.1f} {end_y:.1f} Z"
    )


def _name(point: Point) -> str:
    words = f"{point.symbol}, {point.adopted_on.isoformat()}, {point.paragraphs} paragraphs"
    if point.share_changed is not None:
        percent = round(point.share_changed * 100)
        words += f", {percent}% changed since {point.previous}"
        words += f"；与 {point.previous} 相比改动 {percent}%"
    return words


def draw(points: list[Point]) -> Timeline:
    """The timeline of ``points`` (in the order adopted)."""
    if not points:
        return Timeline(0, 0, 0, 0, 0, [], [], 0, 0)
    times = [_when(point.adopted_on) for point in points]
    span = times[-1] - times[0]
    room = max(WIDEST, MIN_GAP * len(points))
    per_year = YEAR_WIDTH if span * YEAR_WIDTH <= room else room / span
    largest = max(point.paragraphs for point in points) or 1
    axis_y = TOP + LARGEST
    xs: list[float] = []
    for when in times:
        x = MARGIN + (when - times[0]) * per_year
        xs.append(max(x, xs[-1] + MIN_GAP) if xs else x)
    marks = []
    for point, x in zip(points, xs, strict=True):
        r = SMALLEST + (LARGEST - SMALLEST) * math.sqrt(point.paragraphs / largest)
        share = point.share_changed
        marks.append(
            Mark(
                url=point.url,
                symbol=point.symbol,
                year=str(point.adopted_on.year),
                x=round(x, 1),
                y=axis_y,
                r=round(r, 1),
                sector=_sector(x, axis_y, r, share) if share and share < 0.999 else "",
                whole_changed=share is not None and share >= 0.999,
                label="" if share is None else f"{round(share * 100)}%",
                name=_name(point),
                label_y=round(axis_y - LARGEST - 10, 1),
                symbol_y=round(axis_y + LARGEST + 20, 1),
                year_y=round(axis_y + LARGEST + 38, 1),
            )
        )
    first, last = points[0].adopted_on.year, points[-1].adopted_on.year
    # The first of January of each year on the axis, while the marks keep to the calendar (none
    # was pushed aside to make room).
    on_calendar = all(
        abs(x - (MARGIN + (when - times[0]) * per_year)) < 0.5
        for x, when in zip(xs, times, strict=True)
    )
    step = 1 if per_year >= 40 else 5 if per_year >= 8 else 10
    ticks = []
    for year in range(first + 1, last + 1):
        x = MARGIN + (year - times[0]) * per_year
        if on_calendar and year % step == 0:
            crowded = any(abs(x - mark.x) < LARGEST + 20 for mark in marks)
            ticks.append(
                Tick(
                    round(x, 1),
                    year,
                    axis_y - 5,
                    axis_y + 5,
                    "" if crowded else str(year),
                    axis_y + 20,
                )
            )
    width = xs[-1] + MARGIN
    return Timeline(
        width=math.ceil(width),
        height=math.ceil(axis_y + LARGEST + 50),
        axis_y=axis_y,
        axis_from=MARGIN - LARGEST,
        axis_to=round(xs[-1] + LARGEST, 1),
        marks=marks,
        ticks=ticks,
        first_year=first,
        last_year=last,
    )
