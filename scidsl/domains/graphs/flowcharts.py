"""Flowcharts: steps linked by `next` / `yes` / `no`, checked, ranked top-down and routed orthogonally.

Rows come from the longest forward path from a start (arrows back up are loops); a decision sends the
exit with the longer way ahead straight down and the other to the side. Every arrow is the cheapest
orthogonal route that crosses no box: straight, one bend, or through the free lanes between rows and
columns.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from scidsl.diagnostics import did_you_mean, error
from scidsl.domains.graphs import kinds as k

P = tuple[float, float]
H_GAP_CM = 1.3  # between columns: room for a lane and a yes/no label
V_GAP_CM = 1.0  # between rows
_SKEW_CM = 0.35  # slant of an input/output parallelogram
_WRAP = {"decision": 16, "start": 24, "end": 24}
MAX_STEPS = 300
_PORT_DIR = {"top": (0.0, 1.0), "bottom": (0.0, -1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}


@dataclass
class Box:
    """One placed step."""

    step: k.Step
    row: int = 0
    col: int = 0
    text: str = ""
    w: float = 2.0
    h: float = 1.0
    center: P = (0.0, 0.0)

    @property
    def name(self) -> str:
        """The step's scene name."""
        return self.step.name or ""

    def port(self, side: str) -> P:
        """Where an arrow leaves or enters the outline on one side."""
        cx, cy = self.center
        inset = _SKEW_CM / 2 if self.step.shape in ("input", "output") else 0.0
        return {"top": (cx, cy + self.h / 2), "bottom": (cx, cy - self.h / 2),
                "left": (cx - self.w / 2 + inset, cy), "right": (cx + self.w / 2 - inset, cy)}[side]

    def rect(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax)."""
        cx, cy = self.center
        return cx - self.w / 2, cy - self.h / 2, cx + self.w / 2, cy + self.h / 2


@dataclass
class Link:
    """One arrow: from a step to the step that follows, with its exit word for a decision."""

    source: str
    target: str
    word: Optional[str] = None  # "yes"/"no" text of a decision's exit
    route: list[P] = field(default_factory=list)
    exit_side: str = "bottom"


@dataclass
class FlowLayout:
    """A placed flowchart."""

    boxes: dict[str, Box]
    links: list[Link]


def exits(step: k.Step) -> list[tuple[str, Optional[str]]]:
    """(target, word) for every arrow out of a step."""
    if step.shape == "decision":
        return [(t, w) for t, w in ((step.yes, step.yes_label), (step.no, step.no_label)) if t]
    return [(step.next, None)] if step.next else []


# ---- checks -------------------------------------------------------------------------------------


def check_steps(ctx: Any, steps: list[k.Step]) -> None:
    """Exits fit the shape, arrows point at steps, there is a start and an end, every step is reached."""
    by_name = {s.name: s for s in steps}
    if len(steps) > MAX_STEPS:
        ctx.report(error("E8023", f"the flowchart has {len(steps)} steps; the limit is {MAX_STEPS}", steps[0].span))
        return
    before = len(ctx.diagnostics)
    for s in steps:
        _check_exits(ctx, s)
        _check_targets(ctx, s, by_name)
    starts = [s for s in steps if s.shape == "start"]
    if not starts:
        ctx.report(error("E8023", "the flowchart has no start step", steps[0].span,
                         f'add: step begin "Start" {{ shape: start, next: {steps[0].name} }}'))
    if not any(s.shape == "end" for s in steps):
        ctx.report(error("E8023", "the flowchart has no end step", steps[-1].span,
                         'add: step stop "End" { shape: end } and point the last arrows at it'))
    if starts and len(ctx.diagnostics) == before:
        _check_reached(ctx, steps, starts, by_name)


def _check_exits(ctx: Any, s: k.Step) -> None:
    if s.shape == "decision":
        if s.yes is not None and s.yes == s.no:
            ctx.report(error("E8020", f"both exits of decision {s.name} lead to {s.yes}", s.span_of("no"),
                             "a decision's yes and no lead to different steps"))
            return
        missing = [w for w, t in (("yes", s.yes), ("no", s.no)) if t is None]
        if missing or s.next is not None:
            why = f"has no `{missing[0]}` exit" if missing else "uses `next`"
            ctx.report(error("E8020", f"decision {s.name} {why}; a decision has exactly two exits, yes and no",
                             s.span_of("next") if s.next else s.span,
                             f"step {s.name} \"...?\" {{ shape: decision, yes: A, no: B }}"))
        return
    if s.yes is not None or s.no is not None:
        ctx.report(error("E8020", f"step {s.name} is a {s.shape}, so it has no yes/no exits",
                         s.span_of("yes") if s.yes else s.span_of("no"),
                         "write shape: decision, or use next: for a single arrow"))
    if s.shape == "end" and s.next is not None:
        ctx.report(error("E8021", f"the end step {s.name} has an arrow out", s.span_of("next"),
                         "remove next, or give the step another shape"))
    elif s.shape != "end" and s.next is None and s.yes is None and s.no is None:
        ctx.report(error("E8021", f"step {s.name} has no arrow out", s.span,
                         "add next: <step>, or write shape: end"))


def _check_targets(ctx: Any, s: k.Step, by_name: dict) -> None:
    for key in ("next", "yes", "no"):
        target = getattr(s, key)
        if target is None:
            continue
        if target not in by_name:
            ctx.report(error("E8024", f"the arrow from {s.name} points at {target}, which is not a step",
                             s.span_of(key), did_you_mean(target, sorted(by_name)) or "declare it as a step"))
        elif by_name[target].shape == "start":
            ctx.report(error("E8024", f"the arrow from {s.name} points at the start step {target}",
                             s.span_of(key), "a start has no arrows in; point at the step after it"))


def _check_reached(ctx: Any, steps: list[k.Step], starts: list[k.Step], by_name: dict) -> None:
    seen: set[str] = set()
    todo = [s.name for s in starts]
    while todo:
        n = todo.pop()
        if n in seen or n not in by_name:
            continue
        seen.add(n)
        todo.extend(t for t, _ in exits(by_name[n]))
    for s in steps:
        if s.name not in seen:
            ctx.report(error("E8022", f"step {s.name} cannot be reached from the start", s.span,
                             "point an arrow (next, yes or no) of an earlier step at it"))


# ---- layout ---------------------------------------------------------------------------------------


def layout_steps(steps: list[k.Step]) -> FlowLayout:
    """Rows, columns and sizes of every box, then an orthogonal route for every arrow."""
    by_name = {s.name: s for s in steps}
    boxes = {s.name: _sized(s) for s in steps}
    links = [Link(s.name, t, w) for s in steps for t, w in exits(s)]  # type: ignore[misc]
    back = _back_links(steps, by_name)
    down = _down_exits(steps, links, back)
    ranks = _ranks(steps, links, back, down)
    _columns(steps, boxes, links, back, ranks, down)
    _coordinates(boxes)
    _route_all(boxes, links, back, down)
    return FlowLayout(boxes, links)


def _sized(s: k.Step) -> Box:
    from scidsl.style import LABEL_SIZE
    from scidsl.text import is_math, measure_text

    width = _WRAP.get(s.shape, 22)
    text = s.text if is_math(s.text) or len(s.text) <= width else "\n".join(textwrap.wrap(s.text, width))
    tw, th, _ = measure_text(text, LABEL_SIZE)
    if s.shape == "decision":  # the text box fits inside the diamond
        return Box(s, text=text, w=max(2.0, 2 * tw + 0.4), h=max(1.2, 2 * th + 0.3))
    if s.shape in ("input", "output"):
        return Box(s, text=text, w=max(2.2, tw + 0.5 + 2 * _SKEW_CM), h=max(0.9, th + 0.4))
    if s.shape in ("start", "end"):
        return Box(s, text=text, w=max(1.8, tw + th + 0.6), h=max(0.8, th + 0.35))
    return Box(s, text=text, w=max(2.2, tw + 0.5), h=max(0.9, th + 0.4))


def _back_links(steps: list[k.Step], by_name: dict) -> set[int]:
    """Indices of links that close a loop (point at a step still on the walk from the start)."""
    links = [(s.name, t) for s in steps for t, _ in exits(s)]
    index = {}
    for i, (a, b) in enumerate(links):
        index.setdefault(a, []).append((i, b))
    back: set[int] = set()
    state: dict[str, int] = {}
    roots = [s.name for s in steps if s.shape == "start"] + [s.name for s in steps]
    for root in roots:
        if root in state:
            continue
        stack = [(root, iter(index.get(root, [])))]
        state[root] = 1
        while stack:  # iterative depth-first walk (no recursion limit on long charts)
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                continue
            i, target = nxt
            if target not in by_name:
                continue
            if state.get(target) == 1:
                back.add(i)
            elif target not in state:
                state[target] = 1
                stack.append((target, iter(index.get(target, []))))
    return back


def _ranks(steps: list[k.Step], links: list[Link], back: set[int], down: set[int]) -> dict[str, int]:
    """Longest forward path from a start: arrows straight down go one row down, a decision's side exit
    may stay on its row."""
    from scidsl.domains.graphs.walks import joined, topological_order

    names = [s.name for s in steps]
    step: dict[tuple[str, str], int] = {}  # of each forward arrow; the last of two same arrows counts
    for i, ln in enumerate(links):
        if i not in back and ln.target in names:
            step[(ln.source, ln.target)] = 1 if i in down else 0
    succ = joined(names, step, directed=True)
    rank = {s.name: 0 for s in steps}
    for n in topological_order(succ) or []:  # the back arrows are left out, so no cycle is left
        for m in succ[n]:
            rank[m] = max(rank[m], rank[n] + step[(n, m)])
    return rank


def _ahead(name: str, links: list[Link], back: set[int]) -> int:
    """How much of the chart lies ahead of a step: the steps reachable forward from it."""
    seen, todo = set(), [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(ln.target for i, ln in enumerate(links) if ln.source == n and i not in back)
    return len(seen)


def _down_exits(steps: list[k.Step], links: list[Link], back: set[int]) -> set[int]:
    """For each step, the one forward link that continues straight down."""
    down: set[int] = set()
    for s in steps:
        mine = [i for i, ln in enumerate(links) if ln.source == s.name and i not in back]
        if not mine:
            continue
        # the exit with more of the chart ahead goes down; on a tie the last written exit (no) does
        best = max(mine, key=lambda i: (_ahead(links[i].target, links, back), mine.index(i)))
        down.add(best)
    return down


def _columns(steps: list[k.Step], boxes: dict[str, Box], links: list[Link], back: set[int],
             ranks: dict[str, int], down: set[int]) -> None:
    """Main line in column 0; a step sits in the leftmost column its arrows in ask for (a side exit asks
    for one column right of its decision), never on a taken cell."""
    taken: set[tuple[int, int]] = set()
    incoming = {s.name: 0 for s in steps}
    for i, ln in enumerate(links):
        if i not in back and ln.target in incoming:
            incoming[ln.target] += 1
    order = sorted(steps, key=lambda s: (ranks[s.name], steps.index(s)))
    for s in order:
        asks = [boxes[ln.source].col + (0 if i in down else 1) for i, ln in enumerate(links)
                if ln.target == s.name and i not in back and ln.source in boxes]
        col, row = min(asks, default=0), ranks[s.name]
        while (row, col) in taken:
            col += 1
        boxes[s.name].row, boxes[s.name].col = row, col
        taken.add((row, col))
        # the arrow straight down to a step only this one leads to needs the cells below it free
        for i, ln in enumerate(links):
            if ln.source == s.name and i in down and ln.target in ranks and incoming[ln.target] == 1:
                taken.update((r, col) for r in range(row + 1, ranks[ln.target]))


def _coordinates(boxes: dict[str, Box]) -> None:
    ncol = max(b.col for b in boxes.values()) + 1
    nrow = max(b.row for b in boxes.values()) + 1
    colw = [max((b.w for b in boxes.values() if b.col == c), default=1.0) for c in range(ncol)]
    rowh = [max((b.h for b in boxes.values() if b.row == r), default=0.8) for r in range(nrow)]
    xs, x = [], 0.0
    for c in range(ncol):
        xs.append(x + colw[c] / 2)
        x += colw[c] + H_GAP_CM
    ys, y = [], 0.0
    for r in range(nrow):
        ys.append(y - rowh[r] / 2)
        y -= rowh[r] + V_GAP_CM
    for b in boxes.values():
        b.center = (xs[b.col], ys[b.row])


# ---- routing ------------------------------------------------------------------------------------


_PRUNE = True  # skip routes that cannot beat the best (off only to test that skipping changes nothing)


def _route_all(boxes: dict[str, Box], links: list[Link], back: set[int], down: set[int]) -> None:
    used_out: dict[str, set[str]] = {n: set() for n in boxes}
    used_in: dict[str, set[str]] = {n: set() for n in boxes}
    drawn: list[tuple[list[P], str]] = []
    # straight arrows first, then side exits, then arrows that merge from afar, then loops: the long
    # routes go around the short ones
    def priority(i: int) -> int:
        ln = links[i]
        if i in back:
            return 3
        same_col = ln.target in boxes and boxes[ln.source].col == boxes[ln.target].col
        return 0 if i in down and same_col else (1 if i not in down else 2)

    order = sorted(range(len(links)), key=lambda i: (priority(i), i))
    lanes = _lanes(boxes)
    rects = [(b, b.rect()) for b in boxes.values()]
    for i in order:
        ln = links[i]
        if ln.target not in boxes:
            continue
        src, dst = boxes[ln.source], boxes[ln.target]
        best = None

        def sided(score: float, s_side: str, t_side: str) -> float:
            return _with_sides(score, t_side in used_in[dst.name], s_side, t_side, i in down)

        def beaten(s: P, s_side: str, t: P, t_side: str) -> bool:
            """No route between these two ports can beat the best so far: each is at least as long
            as their distance and pays for its sides (the margin covers rounding)."""
            return _PRUNE and best is not None and sided(0.25 * _length(s, t) - 1e-9, s_side, t_side) >= best[0]

        for strict in (True, False):  # a crowded box may have to share a side between arrows in and out
            for route, s_side, t_side in _candidates(src, dst, lanes, used_out, used_in, strict, beaten):
                base = _base_score(route)
                if base is None:
                    continue
                # crossings only add to the score: a route whose score without them cannot beat the
                # best so far is not checked against the boxes and the drawn arrows at all
                if _PRUNE and best is not None and sided(base, s_side, t_side) >= best[0]:
                    continue
                if _blocked(route, src, dst, rects):
                    continue
                score = sided(_with_crossings(base, route, dst, drawn), s_side, t_side)
                if best is None or score < best[0]:
                    best = (score, route, s_side, t_side)
            if best is not None:
                break
        if best is None:  # cannot happen: a lane route around everything always exists
            best = (0.0, [src.port("bottom"), dst.port("top")], "bottom", "top")
        _, ln.route, ln.exit_side, t_side = best
        used_out[src.name].add(ln.exit_side)
        used_in[dst.name].add(t_side)
        drawn.append((ln.route, dst.name))


def _lanes(boxes: dict[str, Box]) -> tuple[list[float], list[float]]:
    """x of the free lanes between columns (and outside), y of the free lanes between rows."""
    rects = [b.rect() for b in boxes.values()]
    cols: dict[int, list[float]] = {}
    rows: dict[int, list[float]] = {}
    for b in boxes.values():
        x0, y0, x1, y1 = b.rect()
        cols.setdefault(b.col, []).extend((x0, x1))
        rows.setdefault(b.row, []).extend((y0, y1))
    xs = sorted((min(v), max(v)) for v in cols.values())
    # the outer lanes carry the loops: several parallel ones, so that loops never share a line
    lane_x = ([xs[0][0] - 0.6 - 0.3 * i for i in range(4)] + [(a[1] + b[0]) / 2 for a, b in zip(xs, xs[1:])]
              + [xs[-1][1] + 0.6 + 0.3 * i for i in range(4)])
    ys = sorted(((min(v), max(v)) for v in rows.values()), reverse=True)
    lane_y = [(a[0] + b[1]) / 2 for a, b in zip(ys, ys[1:])]
    lane_y = [max(r[3] for r in rects) + 0.5] + lane_y + [min(r[1] for r in rects) - 0.5]
    return lane_x, lane_y


def _candidates(src: Box, dst: Box, lanes: tuple[list[float], list[float]], used_out: dict, used_in: dict,
                strict: bool, beaten: Callable[[P, str, P, str], bool]):  # type: ignore[no-untyped-def]
    """Routes from a side of src to a side of dst that leave and enter their boxes straight (none for
    a pair of sides that cannot beat the best route so far)."""
    lane_x, lane_y = lanes
    outs = ["bottom", "right", "left"] + (["top"] if src.step.shape != "start" else [])
    ins = ["top", "left", "right", "bottom"]
    for s_side in outs:
        if strict and (s_side in used_out[src.name] or s_side in used_in[src.name]):
            continue
        for t_side in ins:
            if strict and t_side in used_out[dst.name]:
                continue
            s, t = src.port(s_side), dst.port(t_side)
            if beaten(s, s_side, t, t_side):
                continue
            for route in _shapes(s, s_side, t, t_side, lane_x, lane_y):
                route = _clean(route)
                if _heads(route[0], route[1], s_side) and _heads(route[-1], route[-2], t_side):
                    yield route, s_side, t_side


def _with_sides(score: float, merges: bool, s_side: str, t_side: str, straight: bool) -> float:
    """The score plus what the route's sides cost."""
    if merges:
        score += 0.5  # arrows may merge into one entry
    if s_side != "bottom":
        score += 0.8 if straight else 0.3
    if t_side == "bottom":
        score += 3.0
    return score


def _heads(port: P, nxt: P, side: str) -> bool:
    """Does the segment from a port run straight out of that side of its box?"""
    dx, dy = _PORT_DIR[side]
    vx, vy = nxt[0] - port[0], nxt[1] - port[1]
    return vx * dx + vy * dy > 1e-9 and abs(vx * dy - vy * dx) < 1e-9


def _step_out(p: P, side: str, d: float = 0.3) -> P:
    dx, dy = _PORT_DIR[side]
    return (p[0] + dx * d, p[1] + dy * d)


def _shapes(s: P, s_side: str, t: P, t_side: str, lane_x: list[float], lane_y: list[float]):  # type: ignore[no-untyped-def]
    """Orthogonal polylines from port s to port t: straight, one bend, two bends, or along lanes."""
    sv, tv = s_side in ("top", "bottom"), t_side in ("top", "bottom")
    yield [s, t]
    if sv and not tv:
        yield [s, (s[0], t[1]), t]
    if tv and not sv:
        yield [s, (t[0], s[1]), t]
    if sv and tv:
        for y in lane_y:
            yield [s, (s[0], y), (t[0], y), t]
    if not sv and not tv:
        for x in lane_x:
            yield [s, (x, s[1]), (x, t[1]), t]
    a, b = _step_out(s, s_side), _step_out(t, t_side)
    for x in lane_x:
        for y in lane_y:
            yield _clean([s, a, (a[0], y) if sv else (x, a[1]), (x, y), (x, b[1]) if not tv else (x, y),
                          (b[0], y) if tv else (x, b[1]), b, t])


def _clean(route: list[P]) -> list[P]:
    """Drop repeated points and points in the middle of a straight run."""
    out: list[P] = []
    for p in route:
        if out and abs(out[-1][0] - p[0]) < 1e-9 and abs(out[-1][1] - p[1]) < 1e-9:
            continue
        out.append(p)
    i = 1
    while i < len(out) - 1:
        a, b, c = out[i - 1], out[i], out[i + 1]
        if (abs(a[0] - b[0]) < 1e-9 and abs(b[0] - c[0]) < 1e-9) or (abs(a[1] - b[1]) < 1e-9 and abs(b[1] - c[1]) < 1e-9):
            out.pop(i)
        else:
            i += 1
    return out


def _base_score(route: list[P]) -> Optional[float]:
    """None when the route is not orthogonal or leaves no room for its ends; else length plus bends."""
    segs = list(zip(route, route[1:]))
    if not segs or any(abs(a[0] - b[0]) > 1e-9 and abs(a[1] - b[1]) > 1e-9 for a, b in segs):
        return None
    if _length(*segs[-1]) < 0.3 or _length(*segs[0]) < 0.15:
        return None  # room for the arrow head, and a visible start
    return sum(_length(a, b) for a, b in segs) * 0.25 + 0.6 * (len(segs) - 1)


def _blocked(route: list[P], src: Box, dst: Box, rects: list[tuple[Box, tuple]]) -> bool:
    """Does the route double back into its own boxes or cross another box?"""
    return any(_hits(a, b, box, rect, src, dst, route) for a, b in zip(route, route[1:]) for box, rect in rects)


def _with_crossings(score: float, route: list[P], dst: Box, drawn: list) -> float:
    """The score plus penalties for running along or across the arrows already drawn."""
    segs = list(zip(route, route[1:]))
    for other, target in drawn:
        for c, d in zip(other, other[1:]):
            for a, b in segs:
                if _overlap(a, b, c, d):
                    score += 0.2 if target == dst.name else 8.0
                elif _cross(a, b, c, d):
                    score += 2.0
    return score


def _length(a: P, b: P) -> float:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def _hits(a: P, b: P, box: Box, rect: tuple, src: Box, dst: Box, route: list[P]) -> bool:
    """Does the segment enter the box, whose outline is rect (its own boxes only at the route's two ends)?"""
    x0, y0, x1, y1 = rect
    pad = 0.12
    sx0, sx1 = min(a[0], b[0]), max(a[0], b[0])
    sy0, sy1 = min(a[1], b[1]), max(a[1], b[1])
    if box is src or box is dst:
        # the first and last segments start on the outline and must leave it outward
        end = route[0] if box is src else route[-1]
        inner = (x0 + 1e-6 < (sx0 + sx1) / 2 < x1 - 1e-6) and (y0 + 1e-6 < (sy0 + sy1) / 2 < y1 - 1e-6)
        touches_end = end in (a, b)
        if touches_end:
            return inner
        return sx1 > x0 - 1e-6 and sx0 < x1 + 1e-6 and sy1 > y0 - 1e-6 and sy0 < y1 + 1e-6
    return sx1 > x0 - pad and sx0 < x1 + pad and sy1 > y0 - pad and sy0 < y1 + pad


def _overlap(a: P, b: P, c: P, d: P) -> bool:
    if abs(a[0] - b[0]) < 1e-9 and abs(c[0] - d[0]) < 1e-9 and abs(a[0] - c[0]) < 0.05:
        return min(max(a[1], b[1]), max(c[1], d[1])) - max(min(a[1], b[1]), min(c[1], d[1])) > 0.05
    if abs(a[1] - b[1]) < 1e-9 and abs(c[1] - d[1]) < 1e-9 and abs(a[1] - c[1]) < 0.05:
        return min(max(a[0], b[0]), max(c[0], d[0])) - max(min(a[0], b[0]), min(c[0], d[0])) > 0.05
    return False


def _cross(a: P, b: P, c: P, d: P) -> bool:
    h1, h2 = abs(a[1] - b[1]) < 1e-9, abs(c[1] - d[1]) < 1e-9
    if h1 == h2:
        return False
    (h, v) = ((a, b), (c, d)) if h1 else ((c, d), (a, b))
    x, y = v[0][0], h[0][1]
    return (min(h[0][0], h[1][0]) < x < max(h[0][0], h[1][0])) and (min(v[0][1], v[1][1]) < y < max(v[0][1], v[1][1]))


# ---- facts -------------------------------------------------------------------------------------


def facts_of(lay: FlowLayout) -> list:
    """Each step with its shape and text, and each arrow with its exit word."""
    from scidsl.pipeline import Fact

    out = []
    for b in lay.boxes.values():
        out.append(Fact("step", (b.name,), {"shape": b.step.shape, "text": b.step.text},
                        f"{b.step.shape} {b.name}: {b.step.text}"))
    for ln in lay.links:
        out.append(Fact("flow", (ln.source, ln.target), ln.word,
                        f"{ln.source} → {ln.target}" + (f" ({ln.word})" if ln.word else "")))
    decisions = sum(1 for b in lay.boxes.values() if b.step.shape == "decision")
    out.append(Fact("decisions", (), decisions, f"{decisions} decision diamond(s)"))
    return out
