"""After-render verification: measure the drawn figure, not the intent.

Every text artist's real extent comes from the Agg renderer; strokes are mapped to pixels through
the axes transform. A label outside the canvas, two overlapping labels, or a label over a stroke it
does not annotate is an error (shapely does the geometry). The checks of `verify_text` and
`verify_shapes` then look at the page as a reader does: glyphs, containers, label ownership, values
printed twice, near-coincident strokes, marks on drawn arms, curves through their stated points and
symbol bodies.
"""
from __future__ import annotations

import logging
import re
import warnings
from typing import Optional

from scidsl.diagnostics import Diagnostic, Span, error
from scidsl.labels import stroke_geometry
from scidsl.primitives import Drawing, Text
from scidsl.render import Canvas

_TOL_PX = 0.75  # anti-aliasing slack in pixels


def verify_canvas(canvas: Canvas, drawing: Drawing, spans: Optional[dict[str, Span]] = None) -> list[Diagnostic]:
    """Draw the figure, then run every after-render check on what was drawn."""
    from scidsl import verify_shapes as vs
    from scidsl import verify_text as vt
    from scidsl.measure import page_view

    missing = draw_reporting_glyphs(canvas)
    diags = verify_labels(canvas, drawing, spans or {})
    view = page_view(canvas, drawing, spans)
    diags += vt.check_glyphs(view, missing)
    for check in (vt.check_containers, vt.check_ownership, vt.check_values_twice, vs.check_coincident,
                  vs.check_marks, vs.check_curves, vs.check_bodies):
        diags += check(view)
    return diags


class _GlyphLog(logging.Handler):
    """Collects the characters mathtext reports it has no glyph for."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.codes: list[int] = []

    def emit(self, record: logging.LogRecord) -> None:
        m = re.search(r"\[U\+([0-9a-fA-F]+)\]", record.getMessage())
        if m:
            self.codes.append(int(m.group(1), 16))


def draw_reporting_glyphs(canvas: Canvas) -> list[int]:
    """Draw the figure (once: a PNG is later encoded from this drawing) and return the code points
    Matplotlib said it had no glyph for."""
    from scidsl.render import paint

    log = logging.getLogger("matplotlib.mathtext")
    handler = _GlyphLog()
    log.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            paint(canvas)
    finally:
        log.removeHandler(handler)
    codes = list(handler.codes)
    for w in caught:
        m = re.match(r"Glyph (\d+) ", str(w.message))
        if m:
            codes.append(int(m.group(1)))
    return codes


def verify_labels(canvas: Canvas, drawing: Drawing, spans: Optional[dict[str, Span]] = None) -> list[Diagnostic]:
    """Check every drawn text: inside the canvas, clear of other texts and of foreign strokes; each finding
    at the statement that owns the text (when it has a name)."""
    from shapely.affinity import affine_transform
    from shapely.geometry import box
    from shapely.strtree import STRtree

    fig = canvas.figure
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    boxes = []
    diags: list[Diagnostic] = []
    for artist, t in canvas.texts:
        ext = artist.get_window_extent(renderer)
        bx = box(ext.x0 + _TOL_PX, ext.y0 + _TOL_PX, ext.x1 - _TOL_PX, ext.y1 - _TOL_PX)
        boxes.append((bx, t))
        if ext.x0 < -_TOL_PX or ext.y0 < -_TOL_PX or ext.x1 > width + _TOL_PX or ext.y1 > height + _TOL_PX:
            diags.append(error("E5001", f"label {t.text!r} is drawn outside the canvas", _at(spans, t)))
    diags.extend(_text_overlaps(boxes, spans or {}))
    coeffs = canvas.affine()
    strokes = []
    covers = _opaque_fills(drawing)
    for i, item in enumerate(drawing.items):
        if isinstance(item, Text):
            continue
        geom = stroke_geometry(item)
        if geom is not None and covers:
            geom = _uncovered(geom, i, item, covers)
        if geom is not None and not geom.is_empty:
            strokes.append((affine_transform(geom, coeffs), item.owner))
    if strokes:
        tree = STRtree([g for g, _ in strokes])
        for bx, t in boxes:
            for i in tree.query(bx, predicate="intersects"):
                geom, owner = strokes[int(i)]
                if owner is not None and owner in t.may_touch:
                    continue
                if geom.intersection(bx).area > 1.0:
                    diags.append(error("E5003", f"label {t.text!r} overlaps a line"
                                       + (f" of {owner}" if owner else ""), _at(spans, t)))
                    break
    return diags


def _opaque_fills(drawing: Drawing) -> list:
    """(index, zorder, area) of every shape filled opaquely: what it covers is not seen (a charge on a vertex)."""
    from shapely.geometry import Point, Polygon

    from scidsl.primitives import Circle, Line

    out = []
    for i, item in enumerate(drawing.items):
        stroke = getattr(item, "stroke", None)
        if stroke is None or not stroke.fill or stroke.fill == "none" or stroke.alpha < 1 or stroke.hatch:
            continue
        if isinstance(item, Circle):
            out.append((i, stroke.zorder, Point(item.center).buffer(item.radius, 64)))
        elif isinstance(item, Line) and item.closed and len(item.points) >= 3:
            out.append((i, stroke.zorder, Polygon(item.points).buffer(0)))
    return out


def _uncovered(geom, index: int, item, covers: list):  # type: ignore[no-untyped-def]
    """The part of a stroke not hidden under an opaque fill drawn above it."""
    z = item.stroke.zorder if hasattr(item, "stroke") else 2
    for j, zf, area in covers:
        if j != index and (zf > z or (zf == z and j > index)) and area.intersects(geom):
            geom = geom.difference(area.buffer(-1e-3))
    return geom


def _at(spans: Optional[dict[str, Span]], text: Text) -> Optional[Span]:
    """The span of the statement that owns a text, when it is known."""
    return (spans or {}).get(text.owner) if text.owner else None


def _text_overlaps(boxes: list, spans: dict[str, Span]) -> list[Diagnostic]:
    from shapely.strtree import STRtree

    if len(boxes) < 2:
        return []
    tree = STRtree([b for b, _ in boxes])
    diags = []
    for i, (a, ta) in enumerate(boxes):
        for j in sorted(int(j) for j in tree.query(a, predicate="intersects")):
            if j <= i:
                continue
            b, tb = boxes[j]
            if a.intersection(b).area > 1.0:
                other = _at(spans, tb)
                diags.append(error("E5002", f"labels {ta.text!r} and {tb.text!r} overlap", _at(spans, ta) or other,
                                   related=((other, "the other label"),) if other and _at(spans, ta) else ()))
    return diags


def pixel_size(canvas: Canvas) -> tuple[int, int]:
    """The PNG size in pixels."""
    return int(round(canvas.figure.bbox.width)), int(round(canvas.figure.bbox.height))


def texts_of(canvas: Canvas) -> list[Text]:
    """Every text drawn on the canvas."""
    return [t for _, t in canvas.texts]
