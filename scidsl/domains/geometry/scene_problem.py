"""Turn geometry statements and `given` facts into a solver Problem plus a plan of what to draw."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl import syntax
from scidsl.diagnostics import Diagnostic, did_you_mean, error
from scidsl.domains.geometry import kinds as k
from scidsl.domains.geometry.problem import (
    Construction,
    Point,
    Problem,
)
from scidsl.model import Given, Node


class Origin:
    """The statement a fact or object came from (compared by identity)."""

    __slots__ = ("node", "what")

    def __init__(self, node: Node, what: str = "") -> None:
        self.node, self.what = node, what

    @property
    def span(self) -> Any:
        """Source span of the statement."""
        return self.node.span


class GeoError(Exception):
    """A problem in one statement, reported as a diagnostic."""

    def __init__(self, code: str, message: str, hint: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.hint, self.key = code, message, hint, key


@dataclass
class Stroke:
    """Something to draw between points: kind is segment|line|ray|dimension."""

    kind: str
    a: str
    b: str
    owner: str
    style: str = "solid"
    color: str = "black"
    label: Optional[str] = None
    node: Any = None


@dataclass
class Mark:
    """A mark on the figure: kind is angle|right|ticks|arrows|side_label."""

    kind: str
    points: tuple[str, ...]
    label: Optional[str] = None
    count: int = 1
    owner: str = ""
    arc_ticks: int = 0  # strokes across an angle arc (the equal halves of a bisected angle)
    hidden: bool = False  # a computed measure not drawn (`answer`)


@dataclass
class Plan:
    """The problem and everything the renderer needs to know besides coordinates."""

    problem: Problem = field(default_factory=Problem)
    polygons: list[tuple[Any, tuple[str, ...]]] = field(default_factory=list)
    strokes: list[Stroke] = field(default_factory=list)
    circles: list[tuple[Any, str]] = field(default_factory=list)
    arcs: list[tuple[Any, str, str, str]] = field(default_factory=list)
    sectors: list[tuple[Any, str, str, str]] = field(default_factory=list)
    lines: list[tuple[Any, str]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    point_nodes: dict[str, Any] = field(default_factory=dict)
    vertex_points: set[str] = field(default_factory=set)
    unit: str = ""
    facts_text: list[tuple[str, tuple[str, ...], Any, str]] = field(default_factory=list)


class PlanBuilder:
    """Walks statements in order; records problems as diagnostics instead of raising."""

    def __init__(self, nodes: list[Node], givens: list[Given]) -> None:
        self.nodes, self.givens = nodes, givens
        self.plan = Plan()
        self.diags: list[Diagnostic] = []
        self.points: list[str] = []
        self.circles: set[str] = set()
        self.line_names: set[str] = set()
        self.unit_si: float | None = None
        self.tangent_count: dict[tuple[str, str], int] = {}
        self.tick_classes = 0
        self.arrow_classes = 0
        self.arc_classes = 0

    # -- driver -------------------------------------------------------------------------------
    def build(self) -> Plan:
        """Declarations first (so facts may name any point), then the facts."""
        self._pick_unit()
        self._declare_all()
        for node in self.nodes:
            self._guard(node, self._statement)
        for g in self.givens:
            self._guard(g, self._given)
        self.plan.problem.points = [Point(n, self._fixed.get(n), None) for n in self.points]
        return self.plan

    def _guard(self, node: Node, fn: Any) -> None:
        try:
            fn(node)
        except GeoError as e:
            span = node.span_of(e.key) if e.key else node.span
            self.diags.append(error(e.code, e.message, span, e.hint))

    # -- units --------------------------------------------------------------------------------
    def _pick_unit(self) -> None:
        """Lengths are measured in the first length unit the scene uses."""
        from scidsl.units import parse_unit

        for q in self._quantities():
            info = parse_unit(q.unit) if q.unit else None
            if info is not None and info.dimension_name == "length":
                self.unit_si, self.plan.unit = info.factor, q.unit
                return

    def _quantities(self) -> list[Any]:
        out: list[Any] = []
        for n in self.nodes:
            for key in ("radius", "length"):
                q = getattr(n, key, None)
                if q is not None:
                    out.append(q)
        for g in self.givens:
            for tree in (g.lhs.tree, g.rhs.tree if g.rhs is not None else None):
                out += [_qty(t) for t in _walk(tree) if isinstance(t, syntax.Qty)]
        return out

    def length_value(self, q: Any, key: str | None = None) -> float:
        """A length quantity in the scene's length unit."""
        from scidsl.units import parse_unit

        check_magnitude(float(q.value), key)
        if not q.unit:
            return float(q.value)
        info = parse_unit(q.unit)
        if info is None or info.dimension_name != "length":
            raise GeoError("E1008", f"'{q}' is not a length", "write a length like 5 cm or a plain number", key)
        return float(q.value) * info.factor / (self.unit_si or info.factor)

    # -- declarations ---------------------------------------------------------------------------
    _fixed: dict[str, tuple[float, float]]

    def _declare_all(self) -> None:
        self._fixed = {}
        for node in self.nodes:
            for name, _ in node.implicit_names():
                self._declare(name)
            if node.kind in ("point", "midpoint", "intersection", "centroid", "circumcenter",
                             "incenter", "orthocenter") and node.name:
                self._declare(node.name)
            if node.kind in ("circle", "circumcircle", "incircle") and node.name:
                self.circles.add(node.name)
            named_line = node.kind == "perpendicular_bisector" or getattr(node, "through", None)
            if node.kind in ("line", "perpendicular_bisector") and node.name and named_line:
                self.line_names.add(node.name)

    def _declare(self, name: str) -> None:
        if name not in self.points:
            self.points.append(name)

    def point(self, name: str, key: str | None = None) -> str:
        """A declared point name, or an E1001 error."""
        if name in self.points:
            return name
        raise GeoError("E1001", f"'{name}' is not a declared point",
                       did_you_mean(name, self.points) or "declare it, e.g. point " + name, key)

    def pair(self, name: str, key: str | None = None) -> tuple[str, str]:
        """A segment name like AB split into two declared points."""
        pts = k.split_points(name)
        if not pts or len(pts) != 2:
            raise GeoError("E1002", f"'{name}' should name two points, like AB", None, key)
        if pts[0] == pts[1]:
            raise GeoError("E1002", f"'{name}' names the same point twice", "a segment joins two different points", key)
        return self.point(pts[0], key), self.point(pts[1], key)

    def triple(self, name: str, key: str | None = None) -> tuple[str, str, str]:
        """A triangle or angle name like ABC split into three declared points."""
        pts = k.split_points(name)
        if not pts or len(pts) != 3:
            raise GeoError("E1002", f"'{name}' should name three points, like ABC", None, key)
        return self.point(pts[0], key), self.point(pts[1], key), self.point(pts[2], key)

    def line_ref(self, name: str, key: str | None = None) -> Any:
        """A named line, or a pair of points."""
        if name in self.line_names:
            return name
        if name in self.circles:
            raise GeoError("E1012", f"'{name}' is a circle, not a line", None, key)
        return self.pair(name, key)

    def circle(self, name: str, key: str | None = None) -> str:
        """A declared circle name."""
        if name in self.circles:
            return name
        raise GeoError("E1012", f"'{name}' is not a circle", did_you_mean(name, sorted(self.circles))
                       or "declare it, e.g. circle c { center: O, radius: 2 }", key)

    # -- statements -----------------------------------------------------------------------------
    def _statement(self, node: Node) -> None:
        from scidsl.domains.geometry import statements

        statements.add_statement(self, node)

    def _given(self, g: Given) -> None:
        from scidsl.domains.geometry import givens

        givens.add_given(self, g)

    # -- helpers used by statements and givens --------------------------------------------------
    def add_fact(self, fact: Any) -> None:
        """Record a solver fact."""
        self.plan.problem.facts.append(fact)

    def add_construction(self, c: Construction) -> None:
        """Record a constructed point."""
        self.plan.problem.constructions.append(c)

    def add_stroke(self, s: Stroke) -> None:
        """Draw a segment/line/ray unless the same one is drawn already."""
        for old in self.plan.strokes:
            if {old.a, old.b} == {s.a, s.b} and old.kind == s.kind == "segment":
                if s.label and not old.label:
                    old.label = s.label
                if s.style != "solid":
                    old.style = s.style
                return
        self.plan.strokes.append(s)
        if s.kind in ("segment", "line", "ray"):
            self.plan.problem.segments.append((s.a, s.b))

    def has_segment(self, a: str, b: str) -> bool:
        """True when ab is a drawn side or segment."""
        return any({s.a, s.b} == {a, b} for s in self.plan.strokes)


MAX_MAGNITUDE = 1e6  # numbers and coordinates stay within ±1e6 (shared limit)


def check_magnitude(v: float, key: str | None = None) -> float:
    """A finite number within the shared coordinate limit, or an E1003 error."""
    if not abs(v) <= MAX_MAGNITUDE:
        raise GeoError("E1003", f"the value {v:g} is outside ±{MAX_MAGNITUDE:g}", "use smaller units", key)
    return v


def _walk(tree: Any) -> list[Any]:
    from scidsl.expr import _children

    out, stack = [], [tree] if tree is not None else []
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(_children(t))
    return out


def _qty(t: syntax.Qty) -> Any:
    from scidsl.model import Quantity

    return Quantity(float(t.number), t.unit)


def build_plan(nodes: list[Node], givens: list[Given]) -> tuple[Plan, list[Diagnostic]]:
    """The drawing plan and problem of a scene's geometry, with any diagnostics."""
    b = PlanBuilder(nodes, givens)
    plan = b.build()
    return plan, b.diags
