"""The command line: compile, check, fmt, schema (and the LLM bridge's commands when installed).

Exit codes: 0 success, 1 the scene has errors, 2 usage errors.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Callable, Optional

EXIT_OK, EXIT_DIAGNOSTICS, EXIT_USAGE = 0, 1, 2


def escape_text(text: str) -> str:
    """Terminal-safe text (see scidsl.diagnostics.escape_text)."""
    from scidsl.diagnostics import escape_text as escape

    return escape(text)


def _read(path: str) -> tuple[Optional[bytes], Optional[str]]:
    from scidsl import limits

    try:
        if path == "-":
            data = sys.stdin.buffer.read(limits.MAX_SOURCE_BYTES + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(limits.MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        return None, f"cannot read {path}: {exc.strerror or exc}"
    return data, None


def _report(result, fmt: str, stream=None) -> None:  # type: ignore[no-untyped-def]
    from scidsl import limits
    from scidsl.diagnostics import format_human, format_json

    if fmt == "json":
        print(format_json(result.diagnostics), file=stream or sys.stdout)
    elif result.diagnostics:
        print(format_human(result.diagnostics, result.source, result.file, limits.MAX_SHOWN_DIAGNOSTICS),
              file=stream or sys.stderr)


def _compile_file(args: argparse.Namespace, fmt: Optional[str] = None):  # type: ignore[no-untyped-def]
    from scidsl.budget import compile_budgeted

    data, problem = _read(args.file)
    if data is None:
        return None, problem
    name = "<stdin>" if args.file == "-" else args.file
    return compile_budgeted(data, name, verify=not args.no_verify, dpi=getattr(args, "dpi", None), fmt=fmt,
                            seconds=args.budget, memory=int(args.memory * 2**20)), None


def _compile_here(path: str):  # type: ignore[no-untyped-def]
    """Compile a file in this process, with verification (quiz and variants need the whole result)."""
    from scidsl.pipeline import compile as compile_source

    data, problem = _read(path)
    if data is None:
        return None, problem
    return compile_source(data, "<stdin>" if path == "-" else path), None


def _say(message: str) -> None:
    from scidsl.diagnostics import escape_text

    print(f"scidsl: {escape_text(message)}", file=sys.stderr)


def _output_of(args: argparse.Namespace) -> tuple[Optional[str], Optional[str]]:
    """The output path and format, or a usage problem (unknown format, unsafe path)."""
    from scidsl.outfile import UnsafeOutput, check_target
    from scidsl.render import FORMATS

    out = args.output or (os.path.splitext(args.file)[0] + ".png" if args.file != "-" else "scene.png")
    fmt = (os.path.splitext(out)[1].lstrip(".") or "png").lower()
    if fmt not in FORMATS:
        return None, f"unknown output format '{fmt}'; use one of {', '.join(FORMATS)}"
    try:
        check_target(out, [args.file])
        if args.facts:
            check_target(args.facts, [args.file, out])
    except UnsafeOutput as exc:
        return None, str(exc) + ("" if args.output else "; name the output with -o")
    return out, None


def cmd_compile(args: argparse.Namespace) -> int:
    """Compile a scene to PNG, SVG or PDF."""
    from scidsl.outfile import write_atomic

    out, problem = _output_of(args)
    if out is None:
        _say(problem or "cannot write the output")
        return EXIT_USAGE
    if getattr(args, "preload", False):
        _preload()  # before the compile process is forked from this one, which inherits it
    result, problem = _compile_file(args, os.path.splitext(out)[1].lstrip(".").lower() or "png")
    if result is None:
        _say(problem or "cannot read the scene")
        return EXIT_USAGE
    _report(result, args.format)
    if not result.ok or result.image is None:
        return EXIT_DIAGNOSTICS
    try:
        write_atomic(out, result.image, [args.file])
        if args.facts:
            write_atomic(args.facts, _json_bytes(result.facts), [args.file, out])
    except (ValueError, OSError) as exc:
        _say(str(exc))
        return EXIT_USAGE
    if args.format != "json":
        print(f"wrote {escape_text(out)}", file=sys.stderr)
    return EXIT_OK


def _json_bytes(data: object) -> bytes:
    from scidsl.diagnostics import json_text

    return json_text(data).encode("utf-8")


def cmd_check(args: argparse.Namespace) -> int:
    """Check a scene without writing anything."""
    from scidsl.diagnostics import json_text

    result, problem = _compile_file(args)
    if result is None:
        _say(problem or "cannot read the scene")
        return EXIT_USAGE
    if args.format == "json":
        print(json_text(result.to_dict()))
    else:
        _report(result, "human")
        if result.ok:
            print(f"{escape_text(result.file)}: ok ({len(result.facts)} facts)", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_DIAGNOSTICS


def cmd_fmt(args: argparse.Namespace) -> int:
    """Print the canonical text of a scene."""
    from scidsl.build import build_scene
    from scidsl.diagnostics import format_human
    from scidsl.fmt import format_scene
    from scidsl.pipeline import _front_end, Result

    data, problem = _read(args.file)
    if data is None:
        _say(problem or "cannot read the scene")
        return EXIT_USAGE
    holder = Result(args.file, None)
    scene, diags = _front_end(data, args.file, holder)
    if diags or scene is None:
        print(format_human(diags, holder.source, args.file), file=sys.stderr)
        return EXIT_DIAGNOSTICS
    text = format_scene(scene)
    if args.check:
        same = holder.source == text
        if not same:
            print(f"{escape_text(args.file)} is not in canonical form", file=sys.stderr)
        return EXIT_OK if same else EXIT_DIAGNOSTICS
    if args.write and args.file != "-":
        from scidsl.outfile import write_atomic

        try:
            write_atomic(args.file, text.encode("utf-8"))
        except (ValueError, OSError) as exc:
            _say(str(exc))
            return EXIT_USAGE
    else:
        sys.stdout.write(text)
    del build_scene
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of scenes (or the tool definitions)."""
    if args.tools:
        hook = _bridge_attr("print_tools")
        if hook is None:
            print("scidsl: the LLM bridge is not installed", file=sys.stderr)
            return EXIT_USAGE
        return int(hook() or 0)
    from scidsl.schema import scene_json_schema

    print(json.dumps(scene_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_quiz(args: argparse.Namespace) -> int:
    """Print multiple-choice items about the figure's visible facts as JSON."""
    from scidsl.quiz import make_quiz

    result, problem = _compile_here(args.file)
    if result is None:
        print(f"scidsl: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if not result.ok:
        _report(result, "human")
        return EXIT_DIAGNOSTICS
    items = make_quiz(result.facts, seed=args.seed)
    print(json.dumps({"file": result.file, "items": items}, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_variants(args: argparse.Namespace) -> int:
    """Write N distinct verified variants of a scene whose givens or properties declare ranges."""
    from scidsl.variants import MAX_VARIANTS, make_variants, slots, write_variants

    result, problem = _compile_here(args.file)
    if result is None:
        print(f"scidsl: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if not result.ok or result.scene is None:
        _report(result, "human")
        return EXIT_DIAGNOSTICS
    if not 1 <= args.n <= MAX_VARIANTS:
        print(f"scidsl: -n must be between 1 and {MAX_VARIANTS}", file=sys.stderr)
        return EXIT_USAGE
    if not slots(result.scene):
        print(f"scidsl: {args.file} declares no range (given ... {{ vary: [a, b] }} or vary of X.p {{ range: [a, b] }})",
              file=sys.stderr)
        return EXIT_USAGE
    found = make_variants(result.scene, args.n, args.seed, result.file)
    stem = os.path.splitext(os.path.basename(args.file))[0] if args.file != "-" else "scene"
    try:
        write_variants(found, stem, args.out)
    except (OSError, ValueError) as exc:
        print(f"scidsl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {len(found)} verified variant(s) of {args.file} to {args.out}", file=sys.stderr)
    if len(found) < args.n:
        print(f"scidsl: only {len(found)} distinct variants passed every check (asked for {args.n})", file=sys.stderr)
        return EXIT_DIAGNOSTICS
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Compile scenes into a dataset: images, scenes, facts and quizzes as JSONL and Parquet."""
    from scidsl.dataset import DATASET_JSONL, DATASET_PARQUET, export_dataset

    try:
        counts = export_dataset(args.paths, args.out, args.jobs, args.seed)
    except ImportError as exc:
        print(f"scidsl export: {exc} (install pyarrow)", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"scidsl export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{counts['rows']} figures with {counts['items']} quiz items in {os.path.join(args.out, DATASET_JSONL)} "
          f"and {DATASET_PARQUET}; {counts['failed']} failed", file=sys.stderr)
    return EXIT_DIAGNOSTICS if counts["failed"] else EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    """Compile many scenes on warm budgeted workers (local or on a Dask cluster)."""
    from scidsl.batch import main_batch

    return main_batch(args.paths, args.out, args.format, args.jobs, args.timeout, args.dask)


def _bridge_attr(name: str) -> Optional[Callable]:
    try:
        from scidsl.llm_bridge import cli as bridge_cli
    except ImportError:
        return None
    return getattr(bridge_cli, name, None)


def _budget_options(p: argparse.ArgumentParser) -> None:
    from scidsl import limits

    p.add_argument("--budget", type=float, default=limits.COMPILE_SECONDS, metavar="SECONDS",
                   help=f"time budget of the compile (default {limits.COMPILE_SECONDS:g}; 0: no budget, in process)")
    p.add_argument("--memory", type=float, default=limits.COMPILE_BYTES / 2**20, metavar="MIB",
                   help=f"memory budget of the compile in MiB (default {limits.COMPILE_BYTES // 2**20})")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(prog="scidsl", description="Compile scene files into verified figures.")
    parser.add_argument("--version", action="version", version="scidsl 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("compile", help="compile a scene to PNG, SVG or PDF")
    p.add_argument("file", help="scene file (.sdl or .json), or - for standard input")
    p.add_argument("-o", "--output", help="output file; its suffix picks the format (default: FILE.png)")
    p.add_argument("--format", choices=("human", "json"), default="human", help="diagnostics format")
    p.add_argument("--dpi", type=float, default=None, help="raster resolution")
    p.add_argument("--facts", help="also write the figure's facts as JSON to this file")
    p.add_argument("--no-verify", action="store_true", help="skip the after-render verification")
    _budget_options(p)
    p.set_defaults(func=cmd_compile)

    p = sub.add_parser("check", help="check a scene; write nothing")
    p.add_argument("file")
    p.add_argument("--format", choices=("human", "json"), default="human")
    p.add_argument("--no-verify", action="store_true")
    _budget_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("fmt", help="print the canonical text of a scene")
    p.add_argument("file")
    p.add_argument("--write", action="store_true", help="rewrite the file in place")
    p.add_argument("--check", action="store_true", help="exit 1 if the file is not canonical")
    p.set_defaults(func=cmd_fmt)

    p = sub.add_parser("schema", help="print the JSON Schema of scenes")
    p.add_argument("--tools", action="store_true", help="print the tool definitions for LLM tool calling")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("quiz", help="print multiple-choice items about the figure's visible facts (JSON)")
    p.add_argument("file", help="scene file (.sdl or .json), or - for standard input")
    p.add_argument("--seed", type=int, default=0, help="seed of the option order and the near values")
    p.set_defaults(func=cmd_quiz)

    p = sub.add_parser("variants", help="write N distinct verified variants of a scene with ranges")
    p.add_argument("file", help="scene file (.sdl or .json) whose givens or properties declare ranges")
    p.add_argument("-n", type=int, default=5, help="number of variants (default 5)")
    p.add_argument("--seed", type=int, default=0, help="seed of the values drawn")
    p.add_argument("--out", required=True, help="output folder (scene, image, facts and quiz per variant)")
    p.set_defaults(func=cmd_variants)

    p = sub.add_parser("export", help="write a dataset (image, scene, facts, quiz per figure) as JSONL and Parquet")
    p.add_argument("paths", nargs="+", help="scene files or folders")
    p.add_argument("--out", required=True, help="dataset folder (images, dataset.jsonl, dataset.parquet)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="scenes compiled at once")
    p.add_argument("--seed", type=int, default=0, help="seed of the quizzes' option order")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("batch", help="compile many scenes into images and JSONL records")
    p.add_argument("paths", nargs="+", help="scene files or folders")
    p.add_argument("--out", required=True, help="output folder (images and records.jsonl; resumable)")
    p.add_argument("--format", choices=("png", "svg", "pdf"), default="png")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="scenes compiled at once")
    p.add_argument("--timeout", type=float, default=None, help="seconds per scene (default 30)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run on the Dask cluster at ADDRESS (tcp://host:8786), or 'local' for a LocalCluster "
                        "of --jobs processes")
    p.set_defaults(func=cmd_batch)

    add_commands = _bridge_attr("add_commands")
    if add_commands is not None:
        add_commands(sub)
    return parser


# Garbage collection in a command-line process. With Python's defaults (700, 10, 10) the import of the
# compiler and a small compile ran two hundred young and one or two full collections, 30-80 ms of a 0.4 s
# cold start spent walking objects that live until exit. A compile imports what every figure needs with
# the collector off and freezes it (no collection walks those objects again); rarer young collections
# still free the short-lived cycles of a large scene (a 400-part circuit keeps the same peak memory).
GC_THRESHOLDS = (20_000, 20, 100)
PRELOAD = ("scidsl.pipeline", "matplotlib.figure", "matplotlib.backends.backend_agg", "shapely")


def _preload() -> None:
    """Import what every compile needs, untracked by the garbage collector from then on."""
    import gc
    import importlib

    gc.disable()
    try:
        for name in PRELOAD:
            importlib.import_module(name)
    finally:
        gc.freeze()
        gc.enable()


def main(argv: Optional[list[str]] = None) -> int:
    """Run the command line (argv None: this process is the command, and its settings are tuned)."""
    # scenes are small problems: one BLAS thread is fastest, and idle BLAS threads spinning on a busy
    # machine made small solves and layouts up to ten times slower (an explicit setting is kept)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if argv is None:
        import gc

        gc.set_threshold(*GC_THRESHOLDS)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.preload = one_shot = argv is None and args.func is cmd_compile
    try:
        code = int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    if one_shot and sys.getprofile() is None and sys.gettrace() is None:  # a profiler or coverage reports at exit
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End a finished compile command without the interpreter's teardown of every module (~20 ms with
    Matplotlib, pydantic and the compiler loaded). Its files are written and closed, its compile process
    has been waited for, and nothing else runs: only the standard streams need flushing."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass
    os._exit(code)
