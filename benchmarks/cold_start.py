"""Cold start: one `scidsl compile` process against one Matplotlib script process, side by side.

    python benchmarks/cold_start.py [--runs 7] [scene.sdl ...]

For each scene, a stand-alone Matplotlib script is written that draws the compiled figure's final
primitives (lines, fills and hatching, arrow heads, circles, arcs, dots, texts with the same mathtext) on
a Figure and saves a PNG: what a hand-written script costs, Python start-up and imports included. The two commands run in turn (A B A
B ...), each run's wall time is taken from outside, and the ratio is the median of the pairwise ratios,
so a machine that slows down during the run does not bias it. A fixed script drawing a small triangle
with three plain labels is the second yardstick. Both run with bytecode caches written, as after an
installation (PYTHONDONTWRITEBYTECODE is dropped for the runs).
"""
from __future__ import annotations

import argparse
import inspect
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCENES = ["examples/draw/incline_forces.sdl", "examples/geometry/right_triangle_345.sdl",
          "examples/graphs/binary_tree.sdl"]
HEADER = '''import sys
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib import patches
'''
DRAW = '''fig = Figure(figsize=SIZE, dpi=DPI)
FigureCanvasAgg(fig)
ax = fig.add_axes((0, 0, 1, 1))
ax.set_xlim(BOUNDS[0], BOUNDS[2])
ax.set_ylim(BOUNDS[1], BOUNDS[3])
ax.set_axis_off()
draw_items(ax, ITEMS)
fig.savefig(sys.argv[1], format="png")
'''
TRIANGLE = HEADER + '''fig = Figure(figsize=(4, 3))
FigureCanvasAgg(fig)
ax = fig.add_subplot()
ax.plot([0, 4, 4, 0], [0, 0, 3, 0], color="k")
ax.text(2, -0.3, "4 cm"); ax.text(4.1, 1.5, "3 cm"); ax.text(1.8, 1.8, "5 cm")
ax.set_aspect("equal"); ax.axis("off")
fig.savefig(sys.argv[1], format="png")
'''


def plain_items(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    """The figure's primitives as plain tuples for `draw_items`: everything the figure shows (outlines
    with their widths and dashes, fills and hatching, arrow heads, texts with their colours, turns and
    grounds), as a script drawing the same figure would draw it."""
    from scidsl.primitives import Arc, Circle, Dot, Line, Text

    dashes = {"dashed": (0, (4, 2.5)), "dotted": (0, (1, 1.8)), "dashdot": (0, (5, 2, 1, 2)), None: "-"}

    def style(s) -> dict:  # type: ignore[no-untyped-def]
        return {"edgecolor": s.color if s.visible else "none", "facecolor": s.fill or "none", "lw": s.width,
                "hatch": s.hatch, "alpha": s.alpha, "linestyle": dashes[s.dash]}

    def xy(p) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        return float(p[0]), float(p[1])

    out: list[tuple] = []
    for it in list(result.drawing.items) + list(result.texts):
        if isinstance(it, Line):
            s = it.stroke
            if it.closed or s.fill or s.hatch:
                out.append(("shape", [xy(p) for p in it.points], it.closed, style(s)))
            elif s.visible:
                out.append(("line", [float(p[0]) for p in it.points], [float(p[1]) for p in it.points], s.color,
                            s.width, s.alpha, dashes[s.dash]))
            if it.arrow in ("end", "both"):
                out.append(("head", xy(it.points[-2]), xy(it.points[-1]), s.color, s.width))
            if it.arrow in ("start", "both"):
                out.append(("head", xy(it.points[1]), xy(it.points[0]), s.color, s.width))
        elif isinstance(it, Circle):
            out.append(("circle", xy(it.center), float(it.radius), style(it.stroke)))
        elif isinstance(it, Arc):
            kw = style(it.stroke)
            del kw["facecolor"], kw["hatch"]
            out.append(("arc", xy(it.center), float(it.radius), it.theta1, it.theta2, kw))
        elif isinstance(it, Dot):
            out.append(("dot", xy(it.center), float(it.radius), it.color, "white" if it.hollow else it.color))
        elif isinstance(it, Text):
            out.append(("text", xy(it.pos), it.text, it.size, it.ha, it.va, it.rotation, it.color, it.background))
    return out


def draw_items(ax, items) -> None:  # type: ignore[no-untyped-def]
    """Draw plain_items' tuples with direct Matplotlib calls (its source goes into the generated script)."""
    from matplotlib import patches

    for kind, *a in items:
        if kind == "line":
            ax.plot(a[0], a[1], color=a[2], lw=a[3], alpha=a[4], linestyle=a[5])
        elif kind == "shape":
            ax.add_patch(patches.Polygon(a[0], closed=a[1], **a[2]))
        elif kind == "head":
            ax.annotate("", xy=a[1], xytext=a[0], arrowprops={"arrowstyle": "-|>", "color": a[2], "lw": a[3]})
        elif kind == "circle":
            ax.add_patch(patches.Circle(a[0], a[1], **a[2]))
        elif kind == "arc":
            ax.add_patch(patches.Arc(a[0], 2 * a[1], 2 * a[1], theta1=a[2], theta2=a[3], **a[4]))
        elif kind == "dot":
            ax.add_patch(patches.Circle(a[0], a[1], facecolor=a[3], edgecolor=a[2]))
        else:
            ground = {"facecolor": a[7], "edgecolor": "none", "pad": 0.5} if a[7] else None
            ax.text(a[0][0], a[0][1], a[1], fontsize=a[2], ha=a[3], va=a[4], rotation=a[5], color=a[6],
                    bbox=ground)


def matplotlib_script(scene: pathlib.Path) -> str:
    """A stand-alone Matplotlib script drawing the compiled scene's primitives."""
    import scidsl

    result = scidsl.compile(scene.read_bytes(), str(scene))
    if not result.ok:
        raise SystemExit(f"{scene}: does not compile: {[d.code for d in result.errors]}")
    fig = result.canvas.figure
    size = tuple(float(x) for x in fig.get_size_inches())
    data = (f"SIZE = {size!r}\nDPI = {float(fig.dpi)!r}\nBOUNDS = {tuple(map(float, result.canvas.bounds))!r}\n"
            f"ITEMS = {plain_items(result)!r}\n")
    return HEADER + inspect.getsource(draw_items) + data + DRAW


def paired(a: list[str], b: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall seconds of A and B and the median of the pairwise ratios A/B (one warm-up each)."""
    times_a, times_b = [], []
    for i in range(runs + 1):
        ta, tb = _wall(a), _wall(b)
        if i:  # the first pair warms the file cache
            times_a.append(ta)
            times_b.append(tb)
    ratios = [x / y for x, y in zip(times_a, times_b)]
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def _wall(cmd: list[str]) -> float:
    """Wall seconds of one run of a command, with bytecode caches allowed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Print, per scene, the cold compile against the same figure in plain Matplotlib."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenes", nargs="*", default=[str(ROOT / s) for s in SCENES])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    scidsl_cmd = [sys.executable, "-m", "scidsl", "compile"]
    with tempfile.TemporaryDirectory() as tmp:
        png, triangle = str(pathlib.Path(tmp) / "out.png"), pathlib.Path(tmp) / "triangle.py"
        triangle.write_text(TRIANGLE)
        print(f"{'scene':44} {'scidsl s':>9} {'same mpl s':>10} {'ratio':>6} {'triangle s':>10} {'ratio':>6}")
        for scene in map(pathlib.Path, args.scenes):
            script = pathlib.Path(tmp) / "same.py"
            script.write_text(matplotlib_script(scene))
            cmd = [*scidsl_cmd, str(scene), "-o", png]
            a, b, ratio = paired(cmd, [sys.executable, str(script), png], args.runs)
            _, t, ratio_t = paired(cmd, [sys.executable, str(triangle), png], args.runs)
            name = str(scene.resolve().relative_to(ROOT)) if scene.resolve().is_relative_to(ROOT) else str(scene)
            print(f"{name:44} {a:9.3f} {b:10.3f} {ratio:6.2f} {t:10.3f} {ratio_t:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
