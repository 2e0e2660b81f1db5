"""The plots domain's kinds: axes, function graphs, marked points, data series and charts.

Every position here is in data coordinates of the plot it sits on (`on P`); the compiler maps data
to the page, picks the ticks and computes marked points (roots, extrema, intersections).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Optional

from pydantic import Field, model_validator

from scidsl.answers import Answer, answer_field
from scidsl.model import Color, Expr, ExprKind, Label, Node, Number, Ref, Size2, quantity_of


DataPos = Annotated[Expr, ExprKind("a position in data coordinates: '(x, y)' like '(3/5, 4/5)', "
                                   "or the name of a datapoint like 'A'")]
Range = tuple[Number, Number]
Dash = Literal["solid", "dashed", "dotted", "dashdot"]
Special = Literal["roots", "minimum", "maximum", "extrema", "y_intercept"]

_ON = Field(default=None, description="the plot this sits on; may be left out when the scene has one plot")


class _OnPlot(Node):
    on: Optional[Ref] = _ON
    relations: ClassVar[tuple[str, ...]] = ("on",)
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "plots"


class _Curve(_OnPlot):
    color: Color = Field(default="black", description="line colour, e.g. blue, red, #1f77b4")
    width: Number = Field(default=1.5, ge=0.2, le=6, description="line width in points")
    dash: Dash = "solid"
    label: Optional[Label] = Field(default=None, description="text beside the curve, e.g. '$y = x^2$'")
    arrow: Literal["none", "end", "start", "both", "middle"] = Field(
        default="none", description="heads at the ends, or middle: one direction arrow")


class Plot(Node):
    """Axes in data coordinates; with `y` it also draws that function (plot f { y: x*ln(x), x: [0.05, 3] })."""

    kind: Literal["plot"] = "plot"
    y: Optional[Expr] = Field(default=None, description="a function of x to draw, e.g. x*ln(x)")
    x: Optional[Range] = Field(
        default=None, description="the x interval of that function (and default window)"
    )
    mark: list[Special] = Field(default_factory=list, description="special points of y to mark and label")
    xlim: Optional[Range] = Field(default=None, description="visible x range [from, to]; default: fit")
    ylim: Optional[Range] = Field(default=None, description="visible y range [from, to]; default: fit")
    xlabel: Label = Field(default="$x$", description="x-axis label with its unit, e.g. 'V (L)'")
    ylabel: Label = Field(default="$y$", description="y-axis label with its unit, e.g. 'p (atm)'")
    grid: bool = Field(default=False, description="light grid lines at the ticks")
    show: list[Literal["grid", "minor_grid", "process_names", "states"]] = Field(
        default_factory=list, description="grid lines (minor: also between ticks); p–V processes named from "
        "their states; each state's p, V (and T)")
    frame: Literal["arrows", "box"] = Field(
        default="arrows",
        description="arrows: axes through the origin; box: a frame around the window with ticks on its edges",
    )
    xstep: Optional[Number] = Field(
        default=None, gt=0, description="distance between x ticks; default: a round step"
    )
    ystep: Optional[Number] = Field(default=None, gt=0, description="distance between y ticks")
    xticks: Optional[list[Number]] = Field(
        default=None, max_length=200, description="explicit x tick positions"
    )
    yticks: Optional[list[Number]] = Field(
        default=None, max_length=200, description="explicit y tick positions"
    )
    xtick_labels: Optional[list[Label]] = Field(default=None, max_length=200, description="texts for xticks")
    ytick_labels: Optional[list[Label]] = Field(default=None, max_length=200, description="texts for yticks")
    size: Size2 = Field(default=(10.0, 7.0), description="(width, height) of the window in cm")
    equal: bool = Field(default=False, description="same scale on both axes (circles stay round)")
    xscale: Literal["linear", "log"] = Field(default="linear", description="log: decades evenly spaced")
    yscale: Literal["linear", "log"] = Field(default="linear", description="log: decades evenly spaced")
    color: Color = Field(default="black", description="colour of the curve given by y")
    label: Optional[Label] = Field(default=None, description="label of the curve given by y")
    answer: Answer = answer_field()
    example: ClassVar[str] = "plot f { y: x*ln(x), x: [0.05, 3], mark: [minimum, roots], grid: true }"
    domain: ClassVar[str] = "plots"

    @model_validator(mode="before")
    @classmethod
    def _y_range_is_ylim(cls, data: Any) -> Any:
        """`y: [0, 10]` on a plot (a range, not a function) means the y window."""
        if isinstance(data, dict) and isinstance(data.get("y"), (list, tuple)) and "ylim" not in data:
            data = dict(data)
            data["ylim"] = data.pop("y")
        return data


class Function(_Curve):
    """The graph of y = f(x) on a plot; asymptotes and jumps are broken, never joined."""

    kind: Literal["function"] = "function"
    y: Expr = Field(description="y as an expression of x, e.g. 5*x - x^2")
    x: Optional[Range] = Field(default=None, description="the x interval; default: the plot's x range")
    mark: list[Special] = Field(default_factory=list, description="special points to mark and label")
    asymptotes: bool = Field(default=False, description="draw vertical asymptotes as dashed lines")
    ends: Optional[tuple[Literal["open", "closed"], Literal["open", "closed"]]] = Field(
        default=None,
        description="dots at the ends of the x interval: [closed, open] for a piece of a piecewise graph",
    )
    answer: Answer = answer_field()
    example: ClassVar[str] = 'function f on P { y: 5*x - x^2, color: blue, label: "$f(x)$", mark: [roots] }'
    name_required: ClassVar[bool] = True


class Parametric(_Curve):
    """A curve (x(t), y(t)) on a plot, e.g. a circle x: cos(t), y: sin(t)."""

    kind: Literal["parametric"] = "parametric"
    x: Expr = Field(description="x as an expression of t")
    y: Expr = Field(description="y as an expression of t")
    t: Range = Field(description="the interval of t, e.g. [0, 2*pi]")
    example: ClassVar[str] = "parametric circle on P { x: cos(t), y: sin(t), t: [0, 2*pi] }"


Feature = Literal["center", "vertices", "foci", "asymptotes", "directrix", "vertex", "focus"]


class _Conic(_Curve):
    center: Optional[Range] = Field(default=None, description="(h, k)")
    vertices: Optional[list[Range]] = Field(default=None, max_length=2, description="one or both vertices")
    foci: Optional[list[Range]] = Field(default=None, max_length=2, description="one or both foci")
    a: Optional[Number] = Field(default=None, gt=0, description="semi-axis along the foci")
    b: Optional[Number] = Field(default=None, gt=0, description="the other semi-axis")
    eccentricity: Optional[Number] = Field(default=None, ge=0)
    axis: Optional[Literal["x", "y"]] = Field(default=None, description="the axis the foci lie along")
    directrix: Optional[Number] = Field(default=None, description="one directrix: the line x = d (axis x) or y = d")
    show: Optional[list[Feature]] = Field(default=None, description="features to draw and label")
    name_required: ClassVar[bool] = True


class Ellipse(_Conic):
    """An ellipse on a plot from centre, vertices, foci, a, b or eccentricity; extras are checked."""

    kind: Literal["ellipse_curve"] = "ellipse_curve"
    example: ClassVar[str] = "ellipse_curve E on P { foci: [(-4, 0), (4, 0)], a: 5 }"


class Hyperbola(_Conic):
    """A hyperbola from centre, vertices, foci, a, b, eccentricity or asymptote slope; extras are checked."""

    kind: Literal["hyperbola"] = "hyperbola"
    slope: Optional[Number] = Field(default=None, gt=0, description="slope of the asymptotes, ±slope")
    example: ClassVar[str] = "hyperbola H on P { vertices: [(-3, 0), (3, 0)], foci: [(-5, 0), (5, 0)] }"


class Parabola(_Curve):
    """A parabola from two of vertex, focus, directrix and p (vertex to focus); extras are checked."""

    kind: Literal["parabola"] = "parabola"
    vertex: Optional[Range] = None
    focus: Optional[Range] = None
    directrix: Optional[Number] = Field(default=None, description="the line x = d (axis x) or y = d (axis y)")
    p: Optional[Number] = Field(default=None, description="signed distance from vertex to focus")
    axis: Optional[Literal["x", "y"]] = Field(default=None, description="the axis of symmetry is parallel to it")
    show: Optional[list[Feature]] = None
    name_required: ClassVar[bool] = True
    example: ClassVar[str] = "parabola Q on P { focus: (0, 1), directrix: -1 }"


class Implicit(_Curve):
    """The curve F(x, y) = c, traced by marching squares over the window."""

    kind: Literal["implicit"] = "implicit"
    f: Expr = Field(description="F as an expression of x and y, e.g. x^3 + y^3 - 3*x*y")
    equals: Number = Field(default=0, description="the level c")
    example: ClassVar[str] = "implicit C on P { f: x^2 + y^2, equals: 4 }"


class Mark(_OnPlot):
    """Computed point(s) on a curve: roots, extrema, intersection with another curve, or the point at x."""

    kind: Literal["mark"] = "mark"
    of: Ref = Field(description="the function (or plot with y) the point lies on")
    with_: Optional[Ref] = Field(
        default=None, alias="with", description="second curve: mark the intersections"
    )
    at: Optional[Special] = Field(default=None, description="roots, minimum, maximum, extrema or y_intercept")
    x: Optional[Number] = Field(default=None, description="mark the point of the curve at this x")
    label: Optional[Label] = Field(default=None, description="text instead of the name and coordinates")
    coords: bool = Field(default=True, description="show the coordinates after the name, e.g. A(2, 6)")
    exact: bool = Field(
        default=True, description="write proven closed forms like √3 or π/4 instead of decimals"
    )
    drop: bool = Field(default=False, description="dashed lines from the point to both axes")
    tangent: bool = Field(default=False, description="draw the tangent line of the curve at the point")
    answer: Answer = answer_field()
    relations: ClassVar[tuple[str, ...]] = ("of", "with")
    example: ClassVar[str] = "mark X of f with g"


class DataPoint(_OnPlot):
    """A point at data coordinates, drawn as a dot with its label."""

    kind: Literal["datapoint"] = "datapoint"
    at: Range = Field(description="(x, y) in data coordinates, e.g. (3/5, 4/5)")
    label: Optional[Label] = Field(default=None, description="text; default: the name")
    coords: bool = Field(default=False, description="show the coordinates after the label")
    drop: bool = Field(default=False, description="dashed lines from the point to both axes")
    hollow: bool = Field(default=False, description="an open circle (excluded end point)")
    isotherm: bool = Field(
        default=False, description="p-V plots: the dashed isotherm pV = const through this state"
    )
    temperature: Optional[quantity_of("temperature")] = Field(
        default=None, description="p-V plots: the state's temperature, e.g. 300 K (checked: pV/T is one constant)")
    color: Color = "black"
    relations: ClassVar[tuple[str, ...]] = ("on", "at")
    example: ClassVar[str] = "datapoint A on P at (2, 6) { coords: true }"


class DataSegment(_OnPlot):
    """A straight segment between data positions (datapoint names or (x, y))."""

    kind: Literal["datasegment"] = "datasegment"
    from_: DataPos = Field(alias="from")
    to: DataPos
    arrow: Literal["none", "end", "start", "both"] = "none"
    color: Color = "black"
    dash: Dash = "solid"
    width: Number = Field(default=1.2, ge=0.2, le=6)
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("on", "from", "to")
    example: ClassVar[str] = "datasegment OP on P from (0, 0) to A"


class Shade(_OnPlot):
    """A shaded region under a curve (down to y = 0) or between two curves over an x interval."""

    kind: Literal["shade"] = "shade"
    under: Optional[Ref] = Field(default=None, description="the function whose area to y = 0 is shaded")
    between: Optional[list[Ref]] = Field(default=None, description="two functions: the region between them")
    x: Optional[Range] = Field(default=None, description="the x interval; default: where the curves cross")
    color: Color = Field(default="tab:blue")
    alpha: Number = Field(default=0.3, ge=0.05, le=1)
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$")
    label: Optional[Label] = Field(default=None, description="text inside the region, e.g. '$S$'")
    show_area: bool = Field(default=False, description="append the computed area to the label")
    example: ClassVar[str] = 'shade S on P { under: f, x: [0, 2], label: "$S$" }'


class Asymptote(_OnPlot):
    """A dashed reference line: vertical x = c, or y = an expression of x (horizontal or slant)."""

    kind: Literal["asymptote"] = "asymptote"
    x: Optional[Number] = Field(default=None, description="a vertical line x = c")
    y: Optional[Expr] = Field(default=None, description="a line y = c or y = a*x + b")
    label: Optional[Label] = Field(default=None, description="text; default: the equation")
    example: ClassVar[str] = "asymptote on P { x: 0 }"


class Series(_OnPlot):
    """Data points joined by lines (line chart), alone (scatter), optionally with a least-squares line."""

    kind: Literal["series"] = "series"
    points: list[Range] = Field(
        min_length=1, max_length=100_000, description="[(x, y), ...] in data coordinates"
    )
    style: Literal["line", "scatter", "linepoints", "smooth"] = Field(
        default="linepoints", description="line, scatter, linepoints or smooth (a curve through the points)"
    )
    fit: Literal["none", "linear"] = Field(default="none", description="linear: draw the least-squares line")
    values: bool = Field(default=False, description="write the y value beside each point")
    color: Color = "black"
    dash: Dash = "solid"
    label: Optional[Label] = None
    example: ClassVar[str] = "series s on P { points: [(0, 7), (1, 10), (2, 14), (3, 9)] }"


class Note(_OnPlot):
    """Text at data coordinates (a region name in a phase diagram, a remark)."""

    kind: Literal["annotation"] = "annotation"
    text: Label
    at: Range = Field(description="(x, y) in data coordinates")
    color: Color = "black"
    size: Number = Field(default=11, ge=5, le=30)
    relations: ClassVar[tuple[str, ...]] = ("on", "at")
    text_field: ClassVar[Optional[str]] = "text"
    example: ClassVar[str] = 'annotation "liquid" on P at (4500, 8)'


class AngleArc(_OnPlot):
    """An angle mark at a vertex, from one direction to another (counter-clockwise), with its label."""

    kind: Literal["angle_arc"] = "angle_arc"
    at: DataPos = Field(description="the vertex, e.g. (0, 0)")
    from_: DataPos = Field(alias="from", description="a point on the first side, e.g. (1, 0)")
    to: DataPos = Field(description="a point on the second side, e.g. a datapoint name")
    radius: Number = Field(default=0.6, gt=0.1, le=5, description="radius of the arc in cm")
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("on", "at", "from", "to")
    example: ClassVar[str] = 'angle_arc on P at (0, 0) from (1, 0) to A { label: "$a$" }'


class Process(_OnPlot):
    """A thermodynamic process between two datapoints of a p–V plot, drawn with its direction arrow."""

    kind: Literal["process"] = "process"
    from_: Ref = Field(alias="from", description="the initial state (a datapoint)")
    to: Ref = Field(description="the final state (a datapoint)")
    path: Literal["line", "isobaric", "isochoric", "isothermal", "adiabatic"] = Field(
        default="line",
        description="line, isobaric (p const), isochoric (V const), isothermal (pV const), "
        "adiabatic (pV^gamma const)",
    )
    gamma: Number = Field(default=1.4, gt=1, le=3, description="heat capacity ratio for adiabatic paths")
    color: Color = "black"
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("on", "from", "to")
    example: ClassVar[str] = "process on P from a to b { path: isothermal }"


class _Chart(Node):
    title: Optional[Label] = Field(default=None, description="text above the chart")
    size: Size2 = Field(default=(9.0, 6.0), description="(width, height) in cm")
    domain: ClassVar[str] = "plots"


class BarChart(_Chart):
    """Bars for categories with their values; value axis with round ticks."""

    kind: Literal["barchart"] = "barchart"
    categories: list[Label] = Field(min_length=1, max_length=200)
    values: list[Number] = Field(min_length=1, max_length=200)
    xlabel: Optional[Label] = None
    ylabel: Optional[Label] = None
    color: Color = "tab:blue"
    show_values: bool = Field(default=True, description="write each value above its bar")
    ystep: Optional[Number] = Field(default=None, gt=0)
    example: ClassVar[str] = 'barchart b { categories: ["A", "B"], values: [3, 5], ylabel: "count" }'


class Histogram(_Chart):
    """Adjacent bars over bin edges: from `counts` per bin, or from raw `data` counted by the compiler."""

    kind: Literal["histogram"] = "histogram"
    edges: list[Number] = Field(min_length=2, max_length=201, description="bin edges, increasing")
    counts: Optional[list[Number]] = Field(default=None, max_length=200, description="one count per bin")
    data: Optional[list[Number]] = Field(default=None, max_length=100_000, description="raw values to count")
    xlabel: Optional[Label] = None
    ylabel: Label = "frequency"
    color: Color = "tab:blue"
    show_values: bool = True
    ystep: Optional[Number] = Field(default=None, gt=0)
    example: ClassVar[str] = 'histogram h { edges: [0, 10, 20, 30], counts: [4, 9, 5], xlabel: "score" }'


class PieChart(_Chart):
    """Slices proportional to the values, each labelled with its name and percentage."""

    kind: Literal["piechart"] = "piechart"
    labels: list[Label] = Field(min_length=1, max_length=50)
    values: list[Number] = Field(min_length=1, max_length=50)
    percent: bool = Field(default=True, description="write the percentage in each label")
    size: Size2 = Field(default=(8.0, 6.0))
    example: ClassVar[str] = 'piechart p { labels: ["rent", "food"], values: [40, 60] }'


from scidsl.domains.plots.kinds_phase import PhaseDiagram  # noqa: E402

KINDS = [
    Plot,
    Function,
    Parametric,
    Ellipse,
    Hyperbola,
    Parabola,
    Implicit,
    Mark,
    DataPoint,
    DataSegment,
    Shade,
    Asymptote,
    Series,
    Note,
    AngleArc,
    Process,
    BarChart,
    Histogram,
    PieChart,
    PhaseDiagram,
]
