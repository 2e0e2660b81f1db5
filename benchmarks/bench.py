"""Time per stage for every example, against Matplotlib alone drawing and saving the same figure.

    python benchmarks/bench.py [--repeat 3] [--json out.json] [--circuit 400] [examples/geometry ...]

"Matplotlib alone" redraws the compiled figure's final primitives with direct Matplotlib calls and
saves a PNG: the cost a hand-written script pays for drawing, without parsing, checking, solving,
label placement or verification. The first compile of each domain includes its imports (cold);
later repeats are warm (the garbage of the first is collected before them); the ratio of an example is
its median compile + save over the median of Matplotlib alone, both measured in the same process one
after the other. A last line gives the median and the worst ratio. `--circuit N` also times a generated circuit of about N resistors (a
battery feeding parallel branches of resistors in series, every part with a value label): the cost of
label measurement and placement on large figures. Like `scidsl` itself, the benchmark runs with one
BLAS thread unless OPENBLAS_NUM_THREADS says otherwise. `--fresh-labels` forgets every parsed and
measured label before each compile and each Matplotlib run: the cost for a batch whose scenes share
no label at all (by default each scene's repeats find its labels already parsed, as a batch finds
the variables, units and tick numbers its scenes have in common).
"""
from __future__ import annotations

import argparse
import gc
import io
import json
import os
import pathlib
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the command line and batch workers run

ROOT = pathlib.Path(__file__).resolve().parent.parent


def matplotlib_alone(result) -> float:  # type: ignore[no-untyped-def]
    """Seconds for plain Matplotlib to draw the same primitives and save a PNG.

    Everything the figure shows is drawn as a script would draw it (cold_start.draw_items, which the
    cold-start script runs too): outlines with their widths and dashes, fills and hatching, arrow
    heads, and texts with their colours, turns and grounds.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from cold_start import draw_items, plain_items

    items = plain_items(result)
    start = time.perf_counter()
    fig = result.canvas.figure
    w, h = fig.get_size_inches()
    plain = Figure(figsize=(w, h), dpi=fig.dpi)
    FigureCanvasAgg(plain)
    ax = plain.add_axes((0, 0, 1, 1))
    xmin, ymin, xmax, ymax = result.canvas.bounds
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_axis_off()
    draw_items(ax, items)
    plain.savefig(io.BytesIO(), format="png")
    return time.perf_counter() - start


def forget_labels() -> None:
    """Empty every cache of parsed or measured text, ours and Matplotlib's."""
    from matplotlib import text as mtext
    from matplotlib.mathtext import MathTextParser

    from scidsl import text

    MathTextParser._parse_cached.cache_clear()
    type(text.mathtext_parser())._parse_cached.cache_clear()
    text.measure_text.cache_clear()
    text._parse_mathtext.cache_clear()
    metrics = getattr(mtext, "_get_text_metrics_function", None)  # the measuring renderer's own cache
    if metrics is not None:
        metrics(text._scratch()[1]).cache_clear()


def large_circuit(parts: int) -> str:
    """Scene text of a battery feeding about sqrt(parts) parallel branches of resistors in series."""
    cols = max(1, round(parts ** 0.5))
    rows = max(1, -(-parts // cols))
    lines = ['scene "Large network"', "battery V { voltage: 12 V }"]
    branches = []
    for r in range(rows):
        names = [f"R{r * cols + c + 1}" for c in range(cols) if r * cols + c < parts]
        lines += [f"resistor {n} {{ resistance: {n[1:]} ohm }}" for n in names]
        branches.append("series(" + ", ".join(names) + ")")
    lines.append("circuit c { loop: [V, parallel(" + ", ".join(branches) + ")] }")
    return "\n".join(lines) + "\n"


def bench_file(path: pathlib.Path, repeat: int, fresh: bool = False) -> dict:
    """Median stage times (ms) of compiling and saving one scene."""
    return bench_source(path.read_bytes(), str(path.relative_to(ROOT)), repeat, fresh)


def bench_source(source: bytes | str, name: str, repeat: int, fresh: bool = False) -> dict:
    """Median stage times (ms) of compiling and saving one scene given as text (fresh: labels forgotten
    before each run)."""
    import scidsl

    runs, totals, saves, baselines = [], [], [], []
    for k in range(repeat):
        if k == 1:
            # the first compile of a domain imports it (sympy, for one): the full garbage collection that
            # this many new objects soon sets off belongs to that cold run, not to a warm one
            gc.collect()
        if fresh:
            forget_labels()
        t0 = time.perf_counter()
        result = scidsl.compile(source, name)
        t1 = time.perf_counter()
        if not result.ok:
            return {"file": name, "error": [d.code for d in result.errors]}
        result.to_bytes("png")
        t2 = time.perf_counter()
        runs.append(result.timings)
        totals.append(t1 - t0)
        saves.append(t2 - t1)
        if fresh:
            forget_labels()
        baselines.append(matplotlib_alone(result))
    stages = {k: round(statistics.median(r.get(k, 0.0) for r in runs) * 1000, 2) for k in runs[0]}
    total = statistics.median(totals) + statistics.median(saves)
    base = statistics.median(baselines)
    return {"file": name, "stages_ms": stages,
            "compile_ms": round(statistics.median(totals) * 1000, 1), "save_png_ms": round(statistics.median(saves) * 1000, 1),
            "matplotlib_alone_ms": round(base * 1000, 1), "ratio": round(total / base, 2) if base else None,
            "cold_ms": round(totals[0] * 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the results as JSON")
    parser.add_argument("--circuit", type=int, default=0, metavar="N",
                        help="also time a generated circuit of N resistors")
    parser.add_argument("--fresh-labels", action="store_true",
                        help="forget parsed and measured labels before every run")
    args = parser.parse_args(argv)
    files = sorted(f for p in args.paths for f in (pathlib.Path(p).rglob("*.sdl") if pathlib.Path(p).is_dir() else [pathlib.Path(p)]))
    rows = [bench_file(f.resolve(), args.repeat, args.fresh_labels) for f in files]
    if args.circuit > 0:
        rows.append(bench_source(large_circuit(args.circuit), f"<circuit of {args.circuit} resistors>", args.repeat,
                                 args.fresh_labels))
    print(f"{'example':44} {'compile':>8} {'save':>7} {'mpl':>7} {'ratio':>6}  stages (ms)")
    for r in rows:
        if "error" in r:
            print(f"{r['file']:44} error {r['error']}")
            continue
        stages = " ".join(f"{k}={v}" for k, v in r["stages_ms"].items())
        print(f"{r['file']:44} {r['compile_ms']:8.1f} {r['save_png_ms']:7.1f} {r['matplotlib_alone_ms']:7.1f} "
              f"{r['ratio']:6.2f}  {stages}")
    print(summary(rows))
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(rows, indent=2))
    return 0


def summary(rows: list[dict]) -> str:
    """One line: the median and worst ratio over the scenes, and how many are above 2x."""
    timed = [r for r in rows if r.get("ratio")]
    if not timed:
        return "no scene compiled"
    worst = max(timed, key=lambda r: r["ratio"])
    ratios = [r["ratio"] for r in timed]
    return (f"{len(timed)} scenes: median ratio {statistics.median(ratios):.2f}, worst {worst['ratio']:.2f} "
            f"({worst['file']}), {sum(x > 2 for x in ratios)} above 2x; medians: compile "
            f"{statistics.median(r['compile_ms'] for r in timed):.1f} ms, save "
            f"{statistics.median(r['save_png_ms'] for r in timed):.1f} ms, Matplotlib alone "
            f"{statistics.median(r['matplotlib_alone_ms'] for r in timed):.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
