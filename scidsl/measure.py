"""The drawn page as after-render checks see it: ink in pixels, text boxes, owners and source spans."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import Diagnostic, Span, error
from scidsl.primitives import Arc, Circle, Dot, Drawing, Line, Primitive, Text

P = tuple[float, float]


@dataclass
class Ink:
    """One visible stroke: its centre line in pixels, owner, role and half width in pixels."""

    item: Primitive
    line: Any  # shapely geometry (pixels)
    owner: Optional[str]
    role: str
    half: float


@dataclass
class DrawnText:
    """A drawn text with its real extent in pixels."""

    text: Text
    box: Any  # shapely box (pixels)


@dataclass
class PageView:
    """Everything the checks measure, in pixels; `span` maps an owner to the statement that made it."""

    drawing: Drawing
    coeffs: list[float]
    px_per_pt: float
    inks: list[Ink] = field(default_factory=list)
    texts: list[DrawnText] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    _tree: Any = None

    def px(self, p: P) -> P:
        """A page point (cm) in pixels."""
        a, b, d, e, xo, yo = self.coeffs
        return (a * p[0] + b * p[1] + xo, d * p[0] + e * p[1] + yo)

    def geom(self, g: Any) -> Any:
        """A shapely geometry in cm mapped to pixels."""
        from shapely.affinity import affine_transform

        return affine_transform(g, self.coeffs)

    def span(self, owner: Optional[str]) -> Optional[Span]:
        """The span of the statement that owns a drawn object (the object's name, or its base name)."""
        if not owner:
            return None
        for key in (owner, owner.split(".")[0], owner.split(" ")[-1]):
            if key in self.spans:
                return self.spans[key]
        return None

    def near(self, geom: Any, distance: float) -> list[Ink]:
        """Inks whose centre line comes within `distance` pixels of `geom`."""
        from shapely.strtree import STRtree

        if not self.inks:
            return []
        if self._tree is None:
            self._tree = STRtree([i.line for i in self.inks])
        return [self.inks[int(i)] for i in self._tree.query(geom, predicate="dwithin", distance=distance)]

    def report(self, code: str, message: str, owner: Optional[str], hint: str) -> Diagnostic:
        """An error located at the owner's statement."""
        return error(code, message, self.span(owner), hint)


def page_view(canvas: Any, drawing: Drawing, spans: Optional[dict[str, Span]] = None) -> PageView:
    """Measure a drawn canvas (the figure must have been drawn)."""
    from shapely.geometry import box

    view = PageView(drawing, canvas.affine(), canvas.figure.dpi / 72, spans=dict(spans or {}))
    renderer = canvas.figure.canvas.get_renderer()
    for artist, t in canvas.texts:
        ext = artist.get_window_extent(renderer)
        view.texts.append(DrawnText(t, box(ext.x0, ext.y0, ext.x1, ext.y1)))
    for item in drawing.items:
        line = centre_line(item)
        if line is not None:
            width = item.stroke.width if hasattr(item, "stroke") else 0.0
            view.inks.append(Ink(item, view.geom(line), item.owner, item.role, width * view.px_per_pt / 2))
    return view


def centre_line(item: Primitive) -> Any:
    """The visible centre line of a primitive in cm (None for text and fill-only shapes)."""
    import numpy as np
    from shapely.geometry import LinearRing, LineString, Point

    from scidsl.labels import arc_points

    if isinstance(item, Line):
        if not item.stroke.visible or len(item.points) < 2:
            return None
        pts = np.asarray(item.points, dtype=float)  # an array goes into shapely whole, not point by point
        return LinearRing(pts) if item.closed and len(pts) >= 3 else LineString(pts)
    if isinstance(item, Circle):
        return Point(item.center).buffer(item.radius, 64).exterior if item.stroke.visible else None
    if isinstance(item, Arc):
        return LineString(arc_points(item, 96))
    if isinstance(item, Dot):
        return Point(item.center).buffer(item.radius, 16)
    return None


def statement_spans(scene: Any) -> dict[str, Span]:
    """Name → span of every named statement of a scene, and of the names it declares (`triangle ABC` → A)."""
    out: dict[str, Span] = {}
    counts: dict[str, int] = {}
    for n in scene.items:
        counts[n.kind] = counts.get(n.kind, 0) + 1
        span = getattr(n, "span", None)
        if span is None:
            continue
        implicit = getattr(n, "implicit_names", None)
        for name, _ in (implicit() if callable(implicit) else []):
            out.setdefault(name, span)
        if getattr(n, "name", None):
            out[n.name] = span
        else:
            out[f"{n.kind}@{id(n)}"] = span  # how the drawing layer names the primitives of a nameless statement
            out.setdefault(f"{n.kind} {counts[n.kind]}", span)  # and how solids name them: `cone 1`
        lhs = getattr(n, "lhs", None)
        if n.kind == "given" and lhs is not None:
            out.setdefault(f"given {lhs.text}", span)  # what a domain calls the object a fact draws
    return out
