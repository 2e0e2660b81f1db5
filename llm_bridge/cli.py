"""Command-line surface of the bridge: `scidsl generate`, `scidsl mcp`, `scidsl docs`, `schema --tools`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the loop pulls in the HTTP client; `scidsl compile` should not pay for it
    from .agent import CompileFn

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Backend:
    """What the commands compile with; the real compiler unless a test injects another."""

    compile_fn: CompileFn
    check_fn: CompileFn
    tools: Callable[[], list[dict[str, Any]]]
    reference: Callable[..., str]  # () -> the whole reference; (domains) -> a slice


def core_backend() -> Backend:
    """The scidsl compiler itself."""
    from . import compiler

    return Backend(
        compiler.compile_outcome,
        compiler.check_outcome,
        compiler.tool_definitions,
        compiler.language_reference,
    )


def add_commands(subparsers: Any) -> None:
    """Add `generate`, `mcp` and `docs` to the `scidsl` command's subparsers."""
    _add_generate(subparsers)
    mcp = subparsers.add_parser(
        "mcp", help="serve compile_scene, check_scene and the reference over MCP (stdio)"
    )
    mcp.set_defaults(func=run_mcp, handler=run_mcp)
    docs = subparsers.add_parser(
        "docs", help="print the language reference generated from the code"
    )
    docs.add_argument("-o", "--output", help="write the reference to this file instead of stdout")
    docs.add_argument("--domain", action="append", default=[], metavar="NAME",
                      help="only the core and this domain (repeat, or a,b), the others as an index")
    docs.set_defaults(func=run_docs, handler=run_docs)
    _add_validate(subparsers)


def _add_validate(subparsers: Any) -> None:
    """The `validate` command (its module, and the HTTP client, load only when it runs)."""
    p = subparsers.add_parser(
        "validate", help="ask a vision model each figure's quiz from the image alone"
    )
    p.add_argument("folder", help="a dataset folder written by `scidsl export`")
    p.add_argument(
        "--model", default=os.environ.get("SCIDSL_MODEL"), help="model name (default $SCIDSL_MODEL)"
    )
    p.add_argument(
        "--base-url",
        default=os.environ.get("OPENAI_BASE_URL"),
        help="OpenAI-compatible endpoint (default $OPENAI_BASE_URL)",
    )
    p.add_argument(
        "--api-key-env", default="OPENAI_API_KEY", help="environment variable holding the API key"
    )
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one answer")
    p.set_defaults(func=run_validate, handler=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    """`scidsl validate`, see `validate.py`."""
    from .validate import run_validate as run

    return run(args)


def _add_generate(subparsers: Any) -> None:
    """The `generate` command and its options."""
    gen = subparsers.add_parser(
        "generate", help="ask a language model to draw the figure for a problem"
    )
    gen.add_argument("problem", nargs="?", help="the problem text, or - to read it from stdin")
    gen.add_argument("-o", "--output", help="figure file for one problem (.png, .svg or .pdf)")
    gen.add_argument("--domain", action="append", default=[], metavar="NAME",
                     help="give the model the reference of these domains only (repeat, or a,b)")
    gen.add_argument(
        "--input", help='JSONL file of problems: {"id": ..., "problem_text": ...} a line'
    )
    gen.add_argument(
        "--out", help="output directory for --input (figures, scenes, results.jsonl, trace.jsonl)"
    )
    gen.add_argument(
        "--format", default="png", choices=("png", "svg", "pdf"), help="figure format for --input"
    )
    gen.add_argument(
        "--jobs", type=int, default=1, help="with --input: problems in flight at once (default 1)"
    )
    gen.add_argument(
        "--resume", action="store_true", help="with --input: skip problems already drawn in --out"
    )
    gen.add_argument(
        "--model", default=os.environ.get("SCIDSL_MODEL"), help="model name (default $SCIDSL_MODEL)"
    )
    gen.add_argument(
        "--base-url",
        default=os.environ.get("OPENAI_BASE_URL"),
        help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (default $OPENAI_BASE_URL)",
    )
    gen.add_argument(
        "--api-key-env", default="OPENAI_API_KEY", help="environment variable holding the API key"
    )
    gen.add_argument(
        "--max-turns", type=int, default=4, help="model turns before giving up (default 4)"
    )
    gen.add_argument(
        "--timeout", type=float, default=120.0, help="seconds to wait for one model answer"
    )
    gen.add_argument(
        "--retries", type=int, default=4, help="retries on 429, 5xx, time-outs, refused connections"
    )
    gen.add_argument(
        "--backoff",
        type=float,
        default=1.0,
        help="first retry delay in seconds (doubles each time)",
    )
    gen.add_argument("--temperature", type=float, default=None)
    gen.add_argument(
        "--review",
        nargs="?",
        const="facts",
        choices=("facts", "image"),
        default=None,
        help="after the first figure compiles, show the model its facts (or, with `--review image`, also the "
        "rendered PNG, for a vision model) and let it revise once",
    )
    gen.add_argument(
        "--scene-format",
        choices=("text", "json"),
        default="text",
        help="ask for the scene as text (compile_scene) or as JSON (compile_scene_json)",
    )
    gen.add_argument("--trace", help="JSONL trace of every attempt (default: next to the output)")
    gen.add_argument("--save-scene", help="also write the final scene to this file (one problem)")
    gen.set_defaults(func=run_generate, handler=run_generate)


def print_tools(backend: Backend | None = None) -> int:
    """Print the tool definitions (OpenAI function-tool JSON) and return the exit code."""
    backend = backend or core_backend()
    print(json.dumps(backend.tools(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _reference(backend: Backend, args: argparse.Namespace) -> str:
    """The whole reference, or the slice for the domains named by `--domain` (ValueError: unknown)."""
    domains = tuple(d.strip() for arg in getattr(args, "domain", None) or [] for d in arg.split(",") if d.strip())
    return backend.reference(domains) if domains else backend.reference()  # type: ignore[call-arg]


def run_docs(args: argparse.Namespace, backend: Backend | None = None) -> int:
    """`scidsl docs`: print or write the generated language reference."""
    backend = backend or core_backend()
    try:
        text = _reference(backend, args)
    except ValueError as exc:
        print(f"scidsl docs: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if getattr(args, "output", None):
        from .batch import write_atomic

        try:
            write_atomic(Path(args.output), text.encode("utf-8"))
        except (OSError, ValueError) as exc:
            print(f"scidsl docs: cannot write {args.output}: {_reason(exc)}", file=sys.stderr)
            return EXIT_FAILED
    else:
        sys.stdout.write(text)
    return EXIT_OK


def run_mcp(args: argparse.Namespace, backend: Backend | None = None) -> int:
    """`scidsl mcp`: serve over stdio until the client disconnects."""
    from .mcp_server import build_server, serve_stdio

    backend = backend or core_backend()
    serve_stdio(build_server(backend.compile_fn, backend.reference, backend.check_fn))
    return EXIT_OK


def run_generate(args: argparse.Namespace, backend: Backend | None = None) -> int:
    """`scidsl generate`: one problem to one figure, or a JSONL file of problems to a directory."""
    if args.problem == "-":
        args.problem = sys.stdin.read().strip()
    usage = _usage_error(args)
    if usage:
        print(f"scidsl generate: {usage}", file=sys.stderr)
        return EXIT_USAGE
    backend = backend or core_backend()
    from .endpoint import EndpointConfigError

    try:
        _reference(backend, args) if getattr(args, "domain", None) else None
    except ValueError as exc:
        print(f"scidsl generate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        agent_factory = _agent_factory(args, backend)
        return _run_batch(args, agent_factory) if args.input else _run_one(args, agent_factory)
    except EndpointConfigError as exc:
        print(f"scidsl generate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # an unwritable trace, output directory or results file
        print(f"scidsl generate: {_reason(exc)}", file=sys.stderr)
        return EXIT_FAILED


def _reason(exc: Exception) -> str:
    """An OS error as 'reason: path', other errors as their message."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc)


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the command line, if anything."""
    if not args.model:
        return "name the model with --model (or set SCIDSL_MODEL)"
    if bool(args.problem) == bool(args.input):
        return "give either the problem text or --input FILE.jsonl"
    if args.problem and not args.output:
        return "give the figure path with -o (e.g. -o fig.png)"
    if args.input and not args.out:
        return "give the output directory with --out DIR"
    if (
        min(args.max_turns, args.jobs) < 1
        or args.retries < 0
        or args.timeout <= 0
        or args.backoff < 0
    ):
        return "--max-turns and --jobs must be ≥ 1, --retries ≥ 0, --timeout > 0, --backoff ≥ 0"
    return None


def _agent_factory(args: argparse.Namespace, backend: Backend) -> Callable[[Any], Any]:
    """A function making the agent for a given trace writer."""
    from .agent import Agent, AgentConfig
    from .endpoint import describe_endpoint, make_client
    from .retry import RetryPolicy
    from .tools import COMPILE_JSON, COMPILE_TEXT

    policy = RetryPolicy(
        timeout_s=args.timeout,
        max_retries=args.retries,
        base_delay_s=args.backoff,
        max_delay_s=max(30.0, args.backoff),
    )
    client = make_client(args.base_url, args.api_key_env, policy)
    config = AgentConfig(
        model=args.model,
        max_turns=args.max_turns,
        temperature=args.temperature,
        retry=policy,
        scene_tool=COMPILE_JSON if args.scene_format == "json" else COMPILE_TEXT,
        endpoint=describe_endpoint(args.base_url),
        review=args.review is not None,
        review_image=args.review == "image",
    )
    tools, reference = backend.tools(), _reference(backend, args)
    return lambda trace: Agent(
        client,
        backend.compile_fn,
        tools,
        config,
        reference=reference,
        trace=trace,
    )


def _run_one(args: argparse.Namespace, make_agent: Callable[[Any], Any]) -> int:
    """Draw one problem into args.output."""
    from .batch import save_figure, save_scene
    from .trace import TraceWriter

    output = Path(args.output)
    trace_path = Path(args.trace) if args.trace else output.with_name(output.stem + ".trace.jsonl")
    with TraceWriter(trace_path) as trace:
        result = make_agent(trace).run(args.problem, problem_id=output.stem)
    if args.save_scene and result.scene is not None:
        save_scene(result, Path(args.save_scene))
    if not result.ok:
        print(f"scidsl generate: {result.report()} (trace: {trace_path})", file=sys.stderr)
        return EXIT_FAILED
    try:
        save_figure(result, output)
    except Exception as exc:  # noqa: BLE001 - reported as a failure with its reason
        print(f"scidsl generate: could not save {output}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"{output}: {result.report()} (trace: {trace_path})", file=sys.stderr)
    return EXIT_OK


def _run_batch(args: argparse.Namespace, make_agent: Callable[[Any], Any]) -> int:
    """Draw every problem of args.input into args.out."""
    from scidsl.batch import FolderBusy
    from scidsl.outfile import UnsafeOutput

    from .batch import read_problems, run_batch
    from .trace import TraceWriter

    out_dir = Path(args.out)
    try:
        problems = list(read_problems(args.input))
    except OSError as exc:
        print(f"scidsl generate: cannot read {args.input}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        with TraceWriter(Path(args.trace) if args.trace else out_dir / "trace.jsonl") as trace:
            summary = run_batch(
                problems,
                out_dir,
                make_agent(trace),
                fmt=args.format,
                resume=args.resume,
                jobs=args.jobs,
                progress=lambda msg: print(msg, file=sys.stderr),
            )
    except (FolderBusy, UnsafeOutput) as exc:
        print(f"scidsl generate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"{summary.ok} drawn, {summary.failed} failed, {summary.skipped} skipped of {summary.total} "
        f"(results: {out_dir / 'results.jsonl'})",
        file=sys.stderr,
    )
    return EXIT_OK if summary.failed == 0 else EXIT_FAILED


def main(argv: Sequence[str] | None = None, backend: Backend | None = None) -> int:
    """Run the bridge's commands on their own (`python -m scidsl.llm_bridge.cli ...`)."""
    parser = argparse.ArgumentParser(prog="scidsl")
    sub = parser.add_subparsers(dest="command", required=True)
    add_commands(sub)
    sub.add_parser("tools", help="print the tool definitions").set_defaults(
        func=lambda a, backend=None: print_tools(backend)
    )
    args = parser.parse_args(argv)
    return int(args.func(args, backend=backend))


if __name__ == "__main__":
    sys.exit(main())
