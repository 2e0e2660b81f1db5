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
    from scidsl.diagnostics import format_human, format_json

    if fmt == "json":
        print(format_json(result.diagnostics), file=stream or sys.stdout)
    elif result.diagnostics:
        print(format_human(result.diagnostics, result.source, result.file), file=stream or sys.stderr)


def _compile_file(path: str, verify: bool = True, dpi: Optional[float] = None):  # type: ignore[no-untyped-def]
    from scidsl.pipeline import compile as compile_source

    data, problem = _read(path)
    if data is None:
        return None, problem
    name = "<stdin>" if path == "-" else path
    return compile_source(data, name, verify=verify, dpi=dpi), None


def cmd_compile(args: argparse.Namespace) -> int:
    """Compile a scene to PNG, SVG or PDF."""
    result, problem = _compile_file(args.file, not args.no_verify, args.dpi)
    if result is None:
        print(f"scidsl: {problem}", file=sys.stderr)
        return EXIT_USAGE
    out = args.output or (os.path.splitext(args.file)[0] + ".png" if args.file != "-" else "scene.png")
    _report(result, args.format)
    if not result.ok:
        return EXIT_DIAGNOSTICS
    try:
        result.save(out, dpi=args.dpi)
    except (ValueError, OSError) as exc:
        print(f"scidsl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.facts:
        _write_json(args.facts, [f.to_dict() for f in result.facts])
    if args.format != "json":
        print(f"wrote {out}", file=sys.stderr)
    return EXIT_OK


def _write_json(path: str, data: object) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)


def cmd_check(args: argparse.Namespace) -> int:
    """Check a scene without writing anything."""
    result, problem = _compile_file(args.file, not args.no_verify)
    if result is None:
        print(f"scidsl: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _report(result, "human")
        if result.ok:
            print(f"{result.file}: ok ({len(result.facts)} facts)", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_DIAGNOSTICS


def cmd_fmt(args: argparse.Namespace) -> int:
    """Print the canonical text of a scene."""
    from scidsl.build import build_scene
    from scidsl.diagnostics import format_human
    from scidsl.fmt import format_scene
    from scidsl.pipeline import _front_end, Result

    data, problem = _read(args.file)
    if data is None:
        print(f"scidsl: {problem}", file=sys.stderr)
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
            print(f"{args.file} is not in canonical form", file=sys.stderr)
        return EXIT_OK if same else EXIT_DIAGNOSTICS
    if args.write and args.file != "-":
        with open(args.file, "w", encoding="utf-8") as fh:
            fh.write(text)
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

    result, problem = _compile_file(args.file)
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

    result, problem = _compile_file(args.file)
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
    """Compile many scenes, each in its own budgeted worker process."""
    from scidsl.batch import main_batch

    return main_batch(args.paths, args.out, args.format, args.jobs, args.timeout)


def _bridge_attr(name: str) -> Optional[Callable]:
    try:
        from scidsl.llm_bridge import cli as bridge_cli
    except ImportError:
        return None
    return getattr(bridge_cli, name, None)


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
    p.set_defaults(func=cmd_compile)

    p = sub.add_parser("check", help="check a scene; write nothing")
    p.add_argument("file")
    p.add_argument("--format", choices=("human", "json"), default="human")
    p.add_argument("--no-verify", action="store_true")
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
    p.set_defaults(func=cmd_batch)

    add_commands = _bridge_attr("add_commands")
    if add_commands is not None:
        add_commands(sub)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    """Run the command line."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
