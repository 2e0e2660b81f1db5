"""Names of a phase diagram's regions: set inside their region clear of every line, or beside it with a leader."""

from __future__ import annotations

import math
from typing import Any, Optional

from scidsl.domains.plots.layout import Axes, CurveL, Panel, TextL

P = tuple[float, float]
GAP = 0.15  # cm kept between a name and any line or other name
LEADER_GAP = 0.08  # cm between a leader's end and the name it points from
# where a name may go around the spot it names: distances (cm) and directions (degrees, up-right first)
DISTANCES = (0.9, 1.4, 2.0, 2.7, 3.5)
DIRECTIONS = (30, 0, 60, -30, 90, 150, 180, 120, -60, 210, 270, 240, -90)


def _text_box(c: P, w: float, h: float) -> tuple[float, float, float, float]:
    return c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2


def _data(ax: Axes, page: P) -> P:
    """Page centimetres → data (the inverse of `Axes.page`)."""
    xmin, ymin, xmax, ymax = ax.window
    fx, fy = (page[0] - ax.offset[0]) / ax.width, (page[1] - ax.offset[1]) / ax.height

    def back(f: float, lo: float, hi: float, log: bool) -> float:
        return 10 ** (math.log10(lo) + f * (math.log10(hi) - math.log10(lo))) if log else lo + f * (hi - lo)

    return back(fx, xmin, xmax, ax.xlog), back(fy, ymin, ymax, ax.ylog)


class _Room:
    """The panel's lines and names on the page, and the window a name must stay in."""

    def __init__(self, panel: Panel) -> None:
        from shapely.geometry import LineString, box

        from scidsl.text import measure_text

        ax = panel.axes
        assert ax is not None
        self.ax = ax
        self.lines = [LineString([ax.page(p) for p in piece])
                      for c in panel.curves for piece in c.pieces if len(piece) > 1]
        self.leaders = [LineString([ax.page(p) for p in piece])
                        for c in panel.curves if c.role == "leader" for piece in c.pieces if len(piece) > 1]
        self.taken = [box(*_text_box(ax.page(t.at), *measure_text(t.text, t.size)[:2])) for t in panel.texts]
        (x0, y0), (x1, y1) = ax.page((ax.window[0], ax.window[1])), ax.page((ax.window[2], ax.window[3]))
        self.frame = (x0 + 0.1, y0 + 0.1, x1 - 0.1, y1 - 0.1)

    def clear(self, b: Any) -> bool:
        """True when a text box lies in the window and keeps clear of every line and name."""
        x0, y0, x1, y1 = self.frame
        inside = x0 <= b.bounds[0] and b.bounds[2] <= x1 and y0 <= b.bounds[1] and b.bounds[3] <= y1
        return inside and all(b.distance(g) > GAP for g in self.lines + self.taken)


def free_spot(panel: Panel, text: str, candidates: list[P]) -> Optional[P]:
    """The first candidate whose text box keeps clear of every line and earlier name in the window."""
    from shapely.geometry import box

    from scidsl.text import measure_text

    room = _Room(panel)
    w, h, _ = measure_text(text, 12)
    for at in candidates:
        if room.clear(box(*_text_box(room.ax.page(at), w, h))):
            return at
    return None


def led_spot(panel: Panel, text: str, target: P, crossings: int = 1) -> Optional[tuple[P, P]]:
    """A clear spot near `target` (data) for a name too big for its region, and the end of its leader.

    The leader runs from the target to the name and crosses at most `crossings` lines (one: the region's
    border), never another leader.
    """
    from shapely.geometry import LineString, Point, box

    from scidsl.text import measure_text

    room = _Room(panel)
    w, h, _ = measure_text(text, 12)
    a = room.ax.page(target)
    for d in DISTANCES:
        for deg in DIRECTIONS:
            ux, uy = math.cos(math.radians(deg)), math.sin(math.radians(deg))
            c = (a[0] + d * ux + w / 2 * ux, a[1] + d * uy + h / 2 * uy)
            b = box(*_text_box(c, w, h))
            if not room.clear(b):
                continue
            ring = b.buffer(LEADER_GAP, join_style=2).exterior
            end = LineString([a, c]).intersection(ring)
            if end.is_empty or not isinstance(end, Point):
                continue
            leader = LineString([a, (end.x, end.y)])
            crossed = sum(leader.crosses(g) for g in room.lines)
            if crossed <= crossings and not any(leader.intersects(t) for t in room.taken) \
                    and not any(leader.crosses(g) for g in room.leaders):  # two leaders never cross
                return _data(room.ax, c), _data(room.ax, (end.x, end.y))
    return None


def add_leader(panel: Panel, owner: str, target: P, end: P) -> None:
    """The thin line from what a name points at (data) to the end `led_spot` found beside the name."""
    panel.curves.append(CurveL(owner + ".leader", [[target, end]], "0.3", 0.7, role="leader"))


def name_region(panel: Panel, owner: str, region: str, candidates: list[P]) -> None:
    """Name a region inside it when there is room, else beside it with a leader into it."""
    at = free_spot(panel, region, candidates)
    if at is None:
        target = candidates[min(2, len(candidates) - 1)]
        led = led_spot(panel, region, target)
        if led is not None:
            at, end = led
            add_leader(panel, owner, target, end)
        else:
            at = candidates[0]
    panel.texts.append(TextL(owner, at, region, "black", 12, touch=False))
