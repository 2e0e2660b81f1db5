"""Conics from their features: solve the axis-aligned ellipse, hyperbola or parabola, then check every
given feature against it (vertices, foci, a, b, eccentricity, asymptotes, directrix)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Optional

from scidsl.domains.plots import kinds as k
from scidsl.domains.plots.layout import LayoutError
from scidsl.domains.plots.ticks import format_number

P = tuple[float, float]
TOL = 1e-6


@dataclass(frozen=True)
class Conic:
    """An axis-aligned conic. Ellipse, hyperbola: centre, semi-axes a (towards the foci), b, c.
    Parabola: `center` is the vertex and `a` the signed focal distance p."""

    kind: str
    center: P
    axis: str
    a: float
    b: float = 0.0

    @property
    def c(self) -> float:
        """Centre-to-focus distance."""
        if self.kind == "ellipse":
            return math.sqrt(max(self.a ** 2 - self.b ** 2, 0.0))
        return math.sqrt(self.a ** 2 + self.b ** 2) if self.kind == "hyperbola" else self.a

    def along(self, d: float) -> P:
        """The point at distance d from the centre along the focal axis."""
        h, kk = self.center
        return (h + d, kk) if self.axis == "x" else (h, kk + d)

    def foci(self) -> list[P]:
        """Both foci (one for a parabola)."""
        return [self.along(self.a)] if self.kind == "parabola" else [self.along(-self.c), self.along(self.c)]

    def vertices(self) -> list[P]:
        """Both vertices on the focal axis (the vertex of a parabola)."""
        return [self.center] if self.kind == "parabola" else [self.along(-self.a), self.along(self.a)]

    def directrices(self) -> list[float]:
        """x = d (axis x) or y = d (axis y) of each directrix."""
        o = self.center[0] if self.axis == "x" else self.center[1]
        if self.kind == "parabola":
            return [o - self.a]
        return [] if self.c < TOL else [o - self.a ** 2 / self.c, o + self.a ** 2 / self.c]

    @property
    def eccentricity(self) -> float:
        """c / a, and 1 for a parabola."""
        return 1.0 if self.kind == "parabola" else self.c / self.a

    def asymptotes(self) -> list[tuple[float, float]]:
        """(slope, intercept) of y = m x + q for a hyperbola."""
        if self.kind != "hyperbola":
            return []
        m = self.b / self.a if self.axis == "x" else self.a / self.b
        h, kk = self.center
        return [(m, kk - m * h), (-m, kk + m * h)]

    def residual(self, x: float, y: float) -> float:
        """The implicit equation's left side minus its right side (0 on the curve)."""
        u, v = x - self.center[0], y - self.center[1]
        if self.axis == "y":
            u, v = v, u
        if self.kind == "parabola":
            return v ** 2 - 4 * self.a * u
        sign = 1.0 if self.kind == "ellipse" else -1.0
        return u ** 2 / self.a ** 2 + sign * v ** 2 / self.b ** 2 - 1


def _num(v: float) -> str:
    return format_number(v).strip("$")


def _square(var: str, o: float) -> str:
    if abs(o) < TOL:
        return f"{var}^2"
    return f"({var} {'-' if o > 0 else '+'} {_num(abs(o))})^2"


def equation(c: Conic) -> str:
    """The textbook equation in mathtext, e.g. $\\frac{x^2}{9} - \\frac{y^2}{4} = 1$."""
    (h, kk), (first, second) = c.center, ("x", "y") if c.axis == "x" else ("y", "x")
    oa, ob = (h, kk) if c.axis == "x" else (kk, h)
    if c.kind == "parabola":
        return f"${_square(second, ob)} = {_num(4 * c.a)}{_linear(first, oa)}$"
    sign = "+" if c.kind == "ellipse" else "-"
    return (f"$\\frac{{{_square(first, oa)}}}{{{_num(c.a ** 2)}}} {sign} "
            f"\\frac{{{_square(second, ob)}}}{{{_num(c.b ** 2)}}} = 1$")


def _linear(var: str, o: float) -> str:
    return var if abs(o) < TOL else f"({var} {'-' if o > 0 else '+'} {_num(abs(o))})"


# ---- solving ---------------------------------------------------------------------------------


def solve(node: Any) -> Conic:
    """The conic a statement determines, checked against every feature it gives."""
    if isinstance(node, k.Parabola):
        conic = _solve_parabola(node)
    else:
        conic = _solve_central(node)
    _check_features(node, conic)
    return conic


def _axis_of(node: Any, pairs: list[tuple[P, P]]) -> str:
    """The focal axis from two points on it (vertex–vertex, focus–focus, centre–focus), else `axis` or x."""
    for p, q in pairs:
        dx, dy = abs(p[0] - q[0]), abs(p[1] - q[1])
        if dx < TOL and dy < TOL:
            continue
        if dx > TOL and dy > TOL:
            raise LayoutError("E6031", f"{node.kind} {node.name}: {_pt(p)} and {_pt(q)} do not lie on a line "
                              "parallel to an axis", node, None, "only conics with axes parallel to x and y are drawn")
        return "x" if dx > TOL else "y"
    return node.axis or ("y" if isinstance(node, k.Parabola) else "x")


def _plain(tex: str) -> str:
    import re

    return re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"\1/\2", tex.strip("$"))


def _pt(p: P) -> str:
    return f"({_num(p[0])}, {_num(p[1])})"


def _mid(p: P, q: P) -> P:
    return ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)


def _solve_central(node: Any) -> Conic:
    vs, fs = list(node.vertices or []), list(node.foci or [])
    pairs = [tuple(ps) for ps in (vs, fs) if len(ps) == 2]
    centers = ([tuple(node.center)] if node.center else []) + [_mid(*ps) for ps in pairs]
    if not centers:
        raise _missing(node, "a centre, or both vertices or both foci")
    h = centers[0]
    axis = _axis_of(node, pairs + [(h, v) for v in vs] + [(h, f) for f in fs])
    known: dict[str, float] = {}
    for key, value in (("a", node.a), ("b", node.b), ("e", node.eccentricity), ("m", getattr(node, "slope", None))):
        if value is not None:
            known[key] = float(value)
    if vs:
        known.setdefault("a", math.dist(h, vs[0]))
    if fs:
        known.setdefault("c", math.dist(h, fs[0]))
    if getattr(node, "directrix", None) is not None:  # centre to directrix: a²/c
        known["k"] = abs(float(node.directrix) - h[0 if axis == "x" else 1]) or 1e-300
    a, b = _sizes(node, known, axis)
    return Conic("ellipse" if node.kind == "ellipse_curve" else node.kind, (float(h[0]), float(h[1])), axis, a, b)


Rule = tuple[str, tuple[str, ...], Callable[..., float]]
_DIRECTRIX: list[Rule] = [
    ("a", ("k", "e"), lambda kk, e: kk * e), ("c", ("a", "k"), lambda a, kk: a * a / kk),
    ("a", ("c", "k"), lambda c, kk: math.sqrt(c * kk)),
]
_ELLIPSE: list[Rule] = [
    ("c", ("a", "e"), lambda a, e: a * e), ("a", ("c", "e"), lambda c, e: c / e),
    ("b", ("a", "c"), lambda a, c: math.sqrt(a * a - c * c)), ("a", ("b", "c"), lambda b, c: math.hypot(b, c)),
    ("c", ("a", "b"), lambda a, b: math.sqrt(a * a - b * b)),
]
_HYPERBOLA: list[Rule] = [
    ("c", ("a", "e"), lambda a, e: a * e), ("a", ("c", "e"), lambda c, e: c / e),
    ("b", ("a", "m"), lambda a, m: a * m), ("a", ("b", "m"), lambda b, m: b / m),
    ("b", ("a", "c"), lambda a, c: math.sqrt(c * c - a * a)), ("a", ("b", "c"), lambda b, c: math.sqrt(c * c - b * b)),
    ("c", ("a", "b"), lambda a, b: math.hypot(a, b)), ("b", ("a", "e"), lambda a, e: a * math.sqrt(e * e - 1)),
]


def _sizes(node: Any, known: dict[str, float], axis: str) -> tuple[float, float]:
    """a and b from whatever is known, by the ellipse or hyperbola relations."""
    if "m" in known and axis == "y":
        known["m"] = 1 / known["m"]  # a vertical hyperbola's asymptotes have slope a/b
    _check_ranges(node, known)
    rules = (_ELLIPSE if node.kind == "ellipse_curve" else _HYPERBOLA) + _DIRECTRIX
    changed = True
    while changed:
        changed = False
        for target, needs, fn in rules:
            if target not in known and all(n in known for n in needs):
                known[target] = fn(*(known[n] for n in needs))
                _check_ranges(node, known)
                changed = True
    if "a" not in known or "b" not in known:
        raise _missing(node, "two of a, b, c (foci), eccentricity" + (", slope" if node.kind == "hyperbola" else ""))
    return known["a"], known["b"]


def _check_ranges(node: Any, known: dict[str, float]) -> None:
    a, c, e = known.get("a"), known.get("c"), known.get("e")
    ellipse = node.kind == "ellipse_curve"
    if e is not None and ((ellipse and e >= 1) or (not ellipse and e <= 1)):
        raise LayoutError("E6032", f"{node.kind} {node.name}: an eccentricity of {_num(e)} is not "
                          f"{'below' if ellipse else 'above'} 1", node, "eccentricity",
                          "an ellipse has 0 ≤ e < 1, a hyperbola e > 1")
    if a is not None and c is not None and ((ellipse and c >= a - TOL) or (not ellipse and c <= a + TOL)):
        raise LayoutError("E6032", f"{node.kind} {node.name}: the foci are {_num(c)} from the centre and the vertices "
                          f"{_num(a)}", node, None, "an ellipse's foci lie inside its vertices, a hyperbola's outside")
    b = known.get("b")
    if ellipse and a is not None and b is not None and b > a + TOL:
        raise LayoutError("E6032", f"ellipse {node.name}: b = {_num(b)} is longer than a = {_num(a)}", node, "b",
                          "a is the semi-axis along the foci; for a tall ellipse write axis: y")


def _missing(node: Any, what: str) -> LayoutError:
    return LayoutError("E6033", f"{node.kind} {node.name} is not determined: give {what}", node, None,
                       f"e.g. {node.example.split('{', 1)[1].strip('} ')}")


def _solve_parabola(node: k.Parabola) -> Conic:
    v, f, d = node.vertex, node.focus, node.directrix
    axis = _axis_of(node, [(tuple(v), tuple(f))] if v and f else [])
    i = 0 if axis == "x" else 1
    if v is None and f is not None and d is not None:
        v = tuple(f[j] if j != i else (f[i] + d) / 2 for j in range(2))
    if v is None:
        raise _missing(node, "the vertex, or the focus and the directrix")
    p = node.p if node.p is not None else (f[i] - v[i]) if f is not None else (v[i] - d) if d is not None else None
    if p is None:
        raise _missing(node, "the focus, the directrix or p besides the vertex")
    if abs(p) < TOL:
        raise LayoutError("E6032", f"parabola {node.name}: the focus lies on the vertex", node, None,
                          "the focus and the directrix are p ≠ 0 from the vertex, on opposite sides")
    return Conic("parabola", (float(v[0]), float(v[1])), axis, float(p))


def _check_features(node: Any, c: Conic) -> None:
    """Every given feature must be the solved conic's own."""
    given = _given(node)
    for what, value, want in _claims(node, c, given):
        if not _agrees(value, want):
            raise LayoutError("E6030", f"{node.kind} {node.name}: the given {what} {_show(value)} disagrees with the "
                              f"other features, which give {_show(want)}", node, None,
                              f"the others give {_plain(equation(c))}; drop or correct the {what}")


def _given(node: Any) -> dict[str, Any]:
    keys = ("center", "vertices", "foci", "a", "b", "eccentricity", "slope", "vertex", "focus", "directrix", "p")
    return {key: getattr(node, key) for key in keys if getattr(node, key, None) is not None}


def _claims(node: Any, c: Conic, given: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    out: list[tuple[str, Any, Any]] = []
    sizes = {"a": c.a, "b": c.b, "eccentricity": c.eccentricity}
    for key, value in given.items():
        if key in ("center", "vertex"):
            out.append((key, tuple(value), c.center))
        elif key in ("vertices", "foci", "focus"):
            pool = c.vertices() if key == "vertices" else c.foci()
            for p in (value if key != "focus" else [value]):
                out.append((key[:-1] if key != "foci" else "focus", tuple(p), min(pool, key=lambda q: math.dist(q, p))))
        elif key == "slope":
            out.append(("asymptote slope", value, abs(c.asymptotes()[0][0])))
        elif key == "directrix":
            near = min(c.directrices() or [math.inf], key=lambda d: abs(d - value))
            out.append((key, value, near))
        elif key == "p":
            out.append((key, value, c.a))
        elif node.kind != "parabola":
            out.append((key, value, sizes[key]))
    return out


def _agrees(value: Any, want: Any) -> bool:
    if isinstance(want, tuple):
        return math.dist(value, want) <= 1e-6 * max(1.0, math.hypot(*want))
    return abs(float(value) - want) <= 1e-6 * max(1.0, abs(want))


def _show(v: Any) -> str:
    return _pt(v) if isinstance(v, tuple) else _num(float(v))


def feature_points(c: Conic) -> list[tuple[str, P, Optional[str]]]:
    """(role, point, default label) of the centre, vertices and foci."""
    if c.kind == "parabola":
        return [("vertices", c.center, "$V$"), ("foci", c.foci()[0], "$F$")]
    out = [("center", c.center, "$C$")]
    out += [("vertices", p, f"$V_{i + 1}$") for i, p in enumerate(c.vertices())]
    out += [("foci", p, f"$F_{i + 1}$") for i, p in enumerate(c.foci())]
    return out


def default_show(c: Conic) -> set[str]:
    """Features drawn when `show` is not given."""
    return {"hyperbola": {"vertices", "foci", "asymptotes"}, "ellipse": {"vertices", "foci"},
            "parabola": {"vertices", "foci", "directrix"}}[c.kind]


def normalise_show(show: Optional[list[str]], c: Conic) -> set[str]:
    """`show` with the singular names of a parabola's features mapped to the plural ones."""
    if show is None:
        return default_show(c)
    return {{"vertex": "vertices", "focus": "foci"}.get(s, s) for s in show}
