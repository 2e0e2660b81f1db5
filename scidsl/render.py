"""The Matplotlib backend: draw a Drawing on a Figure (no pyplot) and save it atomically."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from scidsl import limits
from scidsl.primitives import Arc, Circle, Dot, Drawing, Line, Text
from scidsl.style import CM_PER_INCH, DEFAULT_DPI, MARGIN_CM, textbook_rc
from scidsl.labels import text_box
from scidsl.text import mathtext_parser

FORMATS = ("png", "svg", "pdf")
_DASH = {"dashed": (0, (4, 2.5)), "dotted": (0, (1, 1.8)), "dashdot": (0, (5, 2, 1, 2))}


class CanvasTooLarge(ValueError):
    """The figure would exceed the size, dpi or pixel limits."""


@dataclass
class Canvas:
    """A drawn figure and what verification needs to know about it."""

    figure: Any
    transform: Any  # page centimetres → pixels of the figure at its dpi
    bounds: tuple[float, float, float, float]
    texts: list[tuple[Any, Text]] = field(default_factory=list)
    dpi: float = DEFAULT_DPI
    painted: bool = False  # the Agg buffer holds the figure as it is now (see `paint`)

    def affine(self) -> list[float]:
        """The page-to-pixel map as shapely's affine_transform takes it: [a, b, d, e, xoff, yoff]."""
        m = self.transform.get_matrix()
        return [m[0, 0], m[0, 1], m[1, 0], m[1, 1], m[0, 2], m[1, 2]]


def canvas_bounds(drawing: Drawing, texts: list[Text]) -> tuple[float, float, float, float]:
    """The page rectangle in cm: geometry, every text box, and a margin."""
    b = drawing.bounds() or (0.0, 0.0, 1.0, 1.0)
    xmin, ymin, xmax, ymax = b
    for t in texts + [i for i in drawing.items if isinstance(i, Text)]:
        x0, y0, x1, y1 = text_box(t.text, t.size, t.at, t.ha, t.va, t.rotation).bounds
        xmin, ymin, xmax, ymax = min(xmin, x0), min(ymin, y0), max(xmax, x1), max(ymax, y1)
    return xmin - MARGIN_CM, ymin - MARGIN_CM, xmax + MARGIN_CM, ymax + MARGIN_CM


def check_canvas(width_in: float, height_in: float, dpi: float) -> str | None:
    """The reason a canvas is refused, or None; checked before any Figure exists."""
    if width_in > limits.MAX_FIGURE_INCHES or height_in > limits.MAX_FIGURE_INCHES:
        return f"the figure would be {width_in:.1f} x {height_in:.1f} in; the limit is {limits.MAX_FIGURE_INCHES} in a side"
    if not 1 <= dpi <= limits.MAX_DPI:
        return f"dpi {dpi:g} is outside 1..{limits.MAX_DPI}"
    if width_in * height_in * dpi * dpi > limits.MAX_PIXELS:
        return f"the figure would have {width_in * height_in * dpi * dpi:.3g} pixels; the limit is {limits.MAX_PIXELS:.0e}"
    return None


def draw(drawing: Drawing, texts: list[Text], dpi: float = DEFAULT_DPI) -> Canvas:
    """Draw everything on a new Figure whose size is the drawing's size in centimetres."""
    from matplotlib.figure import Figure

    xmin, ymin, xmax, ymax = canvas_bounds(drawing, texts)
    w_in, h_in = (xmax - xmin) / CM_PER_INCH, (ymax - ymin) / CM_PER_INCH
    reason = check_canvas(w_in, h_in, dpi)
    if reason:
        raise CanvasTooLarge(reason)
    with textbook_rc():
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.transforms import Affine2D

        fig = Figure(figsize=(w_in, h_in), dpi=dpi)
        FigureCanvasAgg(fig).get_renderer().mathtext_parser = mathtext_parser()
        # the artists live on the figure itself, in page centimetres: no Axes to build, clip or fit
        transform = Affine2D().translate(-xmin, -ymin).scale(1 / CM_PER_INCH) + fig.dpi_scale_trans
        canvas = Canvas(fig, transform, (xmin, ymin, xmax, ymax), dpi=dpi)
        for item in drawing.items:
            _draw_item(canvas, item)
        for t in texts:
            _draw_item(canvas, t)
    return canvas


def _add(canvas: Canvas, artist: Any) -> Any:
    artist.set_transform(canvas.transform)
    return canvas.figure.add_artist(artist)


def _line_kwargs(stroke) -> dict:  # type: ignore[no-untyped-def]
    kw = {"color": stroke.color, "linewidth": stroke.width, "alpha": stroke.alpha, "zorder": stroke.zorder,
          "solid_capstyle": "round", "solid_joinstyle": "round"}
    if stroke.dash:
        kw["linestyle"] = _DASH[stroke.dash]
    return kw


def _patch_kwargs(stroke) -> dict:  # type: ignore[no-untyped-def]
    kw = {"edgecolor": stroke.color if stroke.visible else "none", "linewidth": stroke.width,
          "facecolor": stroke.fill or "none", "alpha": stroke.alpha, "zorder": stroke.zorder,
          "joinstyle": "round"}
    if stroke.dash:
        kw["linestyle"] = _DASH[stroke.dash]
    if stroke.hatch:
        kw["hatch"] = stroke.hatch
    return kw


def _draw_item(canvas: Canvas, item: Any) -> None:
    from matplotlib import patches
    from matplotlib.lines import Line2D

    if isinstance(item, Line):
        if item.closed or item.stroke.fill or item.stroke.hatch:
            _add(canvas, patches.Polygon(item.points, closed=item.closed, **_patch_kwargs(item.stroke)))
        elif item.stroke.visible:
            xs, ys = zip(*item.points)
            _add(canvas, Line2D(xs, ys, **_line_kwargs(item.stroke)))
        if item.arrow in ("end", "both"):
            _arrow_head(canvas, item.points[-2], item.points[-1], item.stroke)
        if item.arrow in ("start", "both"):
            _arrow_head(canvas, item.points[1], item.points[0], item.stroke)
    elif isinstance(item, Circle):
        _add(canvas, patches.Circle(item.center, item.radius, **_patch_kwargs(item.stroke)))
    elif isinstance(item, Arc):
        _draw_arc(canvas, item)
    elif isinstance(item, Dot):
        _add(canvas, patches.Circle(item.center, item.radius, facecolor="white" if item.hollow else item.color,
                                    edgecolor=item.color, linewidth=0.8, zorder=4))
    elif isinstance(item, Text):
        from matplotlib.text import Text as TextArtist

        from scidsl.text import drawable

        bbox = {"facecolor": item.background, "edgecolor": "none", "pad": 0.5} if item.background else None
        artist = _add(canvas, TextArtist(item.at[0], item.at[1], drawable(item.text), fontsize=item.size,
                                         ha=item.ha, va=item.va, rotation=item.rotation, color=item.color,
                                         zorder=6, bbox=bbox, clip_on=False))
        canvas.texts.append((artist, item))


def _draw_arc(canvas: Canvas, item: Arc) -> None:
    from matplotlib import patches

    kw = _patch_kwargs(item.stroke)
    kw.pop("facecolor", None)
    kw.pop("hatch", None)
    kw.pop("joinstyle", None)
    _add(canvas, patches.Arc(item.center, 2 * item.radius, 2 * item.radius, theta1=item.theta1,
                             theta2=item.theta2, **kw))
    if item.arrow:
        from scidsl.labels import arc_points

        pts = arc_points(item)
        if item.arrow in ("end", "both"):
            _arrow_head(canvas, pts[-3], pts[-1], item.stroke)
        if item.arrow in ("start", "both"):
            _arrow_head(canvas, pts[2], pts[0], item.stroke)


def _arrow_head(canvas: Canvas, tail: Any, tip: Any, stroke: Any) -> None:
    from matplotlib.patches import FancyArrowPatch

    # the head alone: a shaft of a thousandth of the last segment keeps its direction, and the line
    # under it keeps its own dash
    tail = (tip[0] - (tip[0] - tail[0]) * 1e-3, tip[1] - (tip[1] - tail[1]) * 1e-3)
    _add(canvas, FancyArrowPatch(tail, tip, arrowstyle="-|>", mutation_scale=8 + 2 * stroke.width,
                                 shrinkA=0, shrinkB=0, color=stroke.color, linewidth=stroke.width,
                                 zorder=stroke.zorder + 0.1))


def paint(canvas: Canvas) -> None:
    """Render the figure into its Agg buffer; a PNG at the same dpi is then encoded from that buffer."""
    with textbook_rc():
        canvas.figure.canvas.draw()
    canvas.painted = True


def write(canvas: Canvas, stream: Any, fmt: str, dpi: float | None = None) -> None:
    """Encode the figure into a binary stream; the same input always gives the same bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format '{fmt}'; use one of {', '.join(FORMATS)}")
    metadata = {"svg": {"Date": None, "Creator": "scidsl"}, "pdf": {"CreationDate": None, "Creator": "scidsl",
                "Producer": "scidsl"}, "png": {"Software": "scidsl"}}[fmt]
    with textbook_rc():
        if fmt == "png" and _painted_as_saved(canvas, dpi):
            from matplotlib.image import imsave

            # what savefig does for PNG, without drawing the figure a second time
            imsave(stream, canvas.figure.canvas.buffer_rgba(), format="png", origin="upper",
                   dpi=canvas.figure.dpi, metadata=metadata)
        else:
            canvas.figure.savefig(stream, format=fmt, dpi=dpi or canvas.dpi, metadata=metadata)


def _painted_as_saved(canvas: Canvas, dpi: float | None) -> bool:
    """True when the Agg buffer already holds exactly what savefig would draw."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig, rc = canvas.figure, matplotlib.rcParams
    return (canvas.painted and not fig.stale and type(fig.canvas) is FigureCanvasAgg
            and (dpi is None or dpi == canvas.dpi) and fig.dpi == canvas.dpi
            and rc["savefig.facecolor"] == "auto" and rc["savefig.edgecolor"] == "auto"
            and not rc["savefig.transparent"] and rc["savefig.bbox"] is None)


def save(canvas: Canvas, path: str, fmt: str | None = None, dpi: float | None = None,
         inputs: tuple[str, ...] = ()) -> str:
    """Write the figure to `path` through a temporary file and a rename; never through a symlink,
    never over a FIFO, device or one of `inputs`."""
    from scidsl.outfile import write_atomic

    fmt = (fmt or os.path.splitext(path)[1].lstrip(".") or "png").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format '{fmt}'; use one of {', '.join(FORMATS)}")
    return write_atomic(path, lambda fh: write(canvas, fh, fmt, dpi), inputs)
