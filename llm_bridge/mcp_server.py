"""An MCP server (stdio) offering compile_scene, check_scene and the language reference."""

from __future__ import annotations

import base64
import json
import os
import re
import threading
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import Any

import anyio
from mcp.server.mcpserver import MCPServer, UserMessage
from mcp.types import CallToolResult, ImageContent, TextContent

from scidsl import limits

from . import prompts
from .agent import CompileFn
from .feedback import repair_message, success_message
from .outcome import CompileOutcome, safe_compile

REFERENCE_URI = "scidsl://reference"
COMPILE_BUDGET_S = 30.0  # per-scene budget for server workers (LIMITS.md)
COMPILES_AT_ONCE = 2  # compile children at a time: each may take its whole memory budget
INSTRUCTIONS = (
    "scidsl compiles a small typed scene language into checked scientific figures. Read the "
    f"language reference (tool language_reference or resource {REFERENCE_URI}), write a scene that "
    "states only what the problem gives, call compile_scene, and fix any diagnostics it returns."
)


def build_server(
    compile_fn: CompileFn,
    reference_fn: Callable[..., str],
    check_fn: CompileFn | None = None,
    *,
    budget_s: float = COMPILE_BUDGET_S,
) -> MCPServer:
    """An `MCPServer` whose tools call the given compile/check functions."""
    server = MCPServer("scidsl", instructions=INSTRUCTIONS)
    check = check_fn or compile_fn
    compiles = _Compiles()

    @server.tool(
        description="Compile a scidsl scene (text form) and return the figure as PNG with its facts, "
        "or diagnostics to fix."
    )
    async def compile_scene(scene: str) -> CallToolResult:
        outcome = await _run(compile_fn, scene, budget_s, compiles)
        return _compile_result(outcome)

    @server.tool(
        description="Check a scidsl scene (text form) without rendering; returns diagnostics or ok."
    )
    async def check_scene(scene: str) -> CallToolResult:
        outcome = await _run(check, scene, budget_s, compiles, render=False)
        return _text_result(_check_text(outcome), outcome)

    @server.tool(
        description="The scidsl language reference: every kind, property, unit and fact statement. "
        "`domains` (comma-separated, e.g. 'physics,draw') gives only those domains, the others as "
        "an index of kind names."
    )
    def language_reference(domains: str = "") -> str:
        names = tuple(d.strip() for d in domains.split(",") if d.strip())
        try:
            return reference_fn(names) if names else reference_fn()
        except ValueError as exc:
            return f"error: {exc}"

    @server.resource(REFERENCE_URI, name="scidsl language reference", mime_type="text/markdown")
    def reference_resource() -> str:
        return reference_fn()

    @server.prompt(
        description="Draw the figure for a science problem with scidsl (understand, plan, scene)."
    )
    def draw_figure(problem: str) -> list[UserMessage]:
        text = prompts.system_prompt(reference_fn()) + "\n\n" + prompts.user_prompt(problem)
        return [UserMessage(text)]

    return server


async def _run(fn: CompileFn, scene: str, budget_s: float, compiles: _Compiles,
               render: bool = True) -> CompileOutcome:
    """Compile in a child process within the budget; the server keeps answering meanwhile.

    A compile over its budget is killed with its process, so nothing it held (Matplotlib's global
    state, a lock, memory) outlives the request; the next request starts clean.
    """
    if len(scene) > limits.MAX_REQUEST_BYTES:
        diag = {"code": "E0901", "severity": "error",
                "message": f"the scene has {len(scene)} characters; the limit is {limits.MAX_REQUEST_BYTES}"}
        return CompileOutcome(ok=False, diagnostics=(diag,), source="")
    from scidsl.worker import run_isolated

    cancel = threading.Event()
    try:  # at most COMPILES_AT_ONCE children; a request abandoned by the client kills its child at once
        status, value = await anyio.to_thread.run_sync(
            run_isolated, _outcome_in_child, (fn, scene, render), budget_s, limits.WORKER_BYTES, cancel,
            abandon_on_cancel=True, limiter=compiles())
    finally:
        cancel.set()
    if status == "ok":
        return value
    why = {"timeout": f"compiling took longer than {budget_s:g} s",
           "memory": f"compiling needed more than {limits.WORKER_BYTES / 2**30:g} GiB"}.get(
        status, f"the compiler process failed ({value})")
    diag = {"code": "E0909", "severity": "error", "message": why}
    return CompileOutcome(ok=False, diagnostics=(diag,), source=scene)


class _Compiles:
    """A server's limit on compiles running at once, made inside its event loop on first use."""

    def __init__(self) -> None:
        self._limiter: anyio.CapacityLimiter | None = None

    def __call__(self) -> anyio.CapacityLimiter:
        self._limiter = self._limiter or anyio.CapacityLimiter(COMPILES_AT_ONCE)
        return self._limiter


def _outcome_in_child(fn: CompileFn, scene: str, render: bool) -> CompileOutcome:
    """The compile's outcome as plain data the parent can receive (the figure as PNG bytes, no callables)."""
    outcome = safe_compile(fn, scene, scene)
    png = outcome.png
    if render and png is None and outcome.ok:
        png = _png_via_save(outcome)
    return replace(outcome, png=png if render else None, save=None)


def _compile_result(outcome: CompileOutcome) -> CallToolResult:
    """Success: the facts as text and the figure as an image block. Failure: the repair text."""
    if not outcome.ok:
        return _text_result(repair_message(outcome), outcome)
    content: list[Any] = [TextContent(type="text", text=success_message(outcome))]
    png = outcome.png if outcome.png is not None else _png_via_save(outcome)
    if png is not None:
        content.append(
            ImageContent(
                type="image", data=base64.b64encode(png).decode("ascii"), mime_type="image/png"
            )
        )
    return CallToolResult(content=content, structured_content=outcome.to_json(), is_error=False)


def _check_text(outcome: CompileOutcome) -> str:
    """'ok' (with any warnings) or the repair text."""
    if not outcome.ok:
        return repair_message(outcome)
    if outcome.warnings:
        return "ok: no errors\n" + success_message(outcome).split("\n", 1)[-1]
    return "ok: no errors"


def _text_result(text: str, outcome: CompileOutcome) -> CallToolResult:
    """A text-only tool result; failures are marked as tool errors so the model repairs them."""
    return CallToolResult(
        content=[TextContent(type="text", text=text)],
        structured_content=outcome.to_json(),
        is_error=not outcome.ok,
    )


def _png_via_save(outcome: CompileOutcome) -> bytes | None:
    """PNG bytes from an outcome that can only save to a path."""
    if outcome.save is None:
        return None
    fd, path = tempfile.mkstemp(suffix=".png")
    os.close(fd)
    try:
        outcome.save(path)
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(path)


def serve_stdio(server: MCPServer, max_bytes: int = limits.MAX_REQUEST_BYTES) -> None:
    """Serve over stdin/stdout until the client disconnects; a request line over `max_bytes` is dropped
    unread (its bytes are skipped, never held), so one huge request cannot exhaust the server."""
    anyio.run(_serve, server, max_bytes)


async def _serve(server: MCPServer, max_bytes: int) -> None:
    import sys

    from mcp.server.stdio import stdio_server

    low = server._lowlevel_server  # noqa: SLF001 - MCPServer.run_stdio_async does the same with default streams
    # Requests are read from a private copy of fd 0 and fd 0 itself points at the null device: a compile
    # child forked while the reader thread blocks must not inherit a locked sys.stdin. Answers go to a
    # private copy of fd 1 and fd 1 points at stderr, so stray output of a child never reaches the wire.
    requests = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, sys.stdin.fileno())
    os.close(null)
    sys.stdout.flush()
    wire = _Wire(os.fdopen(os.dup(sys.stdout.fileno()), "wb"))
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with requests, wire.stream:
        lines = _BoundedLines(requests, max_bytes, wire)
        async with stdio_server(stdin=lines, stdout=wire) as (read, write):  # type: ignore[arg-type]
            await low.run(read, write, low.create_initialization_options())


class _Wire:
    """The answer stream: whole lines, one writer at a time (the server's answers and the reader's refusals)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self._lock: anyio.Lock | None = None

    async def write(self, text: str) -> None:
        self._lock = self._lock or anyio.Lock()
        data = text.encode("utf-8", errors="backslashreplace")
        async with self._lock:
            await anyio.to_thread.run_sync(self._put, data)

    async def flush(self) -> None:
        """Every write is flushed already."""

    def _put(self, data: bytes) -> None:
        self.stream.write(data)
        self.stream.flush()


class _BoundedLines:
    """Lines of a binary stream as text, each at most `max_bytes`. A request the JSON-RPC layer would drop
    unanswered (over the size limit, not UTF-8, a lone surrogate) is answered here with an error for its id."""

    def __init__(self, stream: Any, max_bytes: int, wire: _Wire | None = None) -> None:
        self.stream = stream
        self.max_bytes = max_bytes
        self.wire = wire

    def __aiter__(self) -> AsyncIterator[str]:
        return self._lines()

    async def _lines(self) -> AsyncIterator[str]:
        while True:
            line = await anyio.to_thread.run_sync(self._read_line)
            if line is None:
                return
            if isinstance(line, tuple):
                if self.wire is not None and line[0] is not None:
                    await self.wire.write(json.dumps(_refusal(*line)) + "\n")
                continue
            yield line

    def _read_line(self) -> str | tuple[Any, str] | None:
        """The next line; (id, why) for a request to refuse; None at the end of the stream."""
        data = self.stream.readline(self.max_bytes + 1)
        if not data:
            return None
        if len(data) > self.max_bytes and not data.endswith(b"\n"):
            while True:  # skip the rest of the oversized line in bounded pieces
                chunk = self.stream.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            return _head_id(data), f"E0901: the request is over the {self.max_bytes} byte limit; send a smaller scene"
        return _checked_text(data)


def _checked_text(data: bytes) -> str | tuple[Any, str]:
    """The line as text, or (id, why) when it is not UTF-8 or holds a lone surrogate escape."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _head_id(data), f"E0002: the request is not valid UTF-8 (byte 0x{data[exc.start]:02x})"
    if not _SURROGATE_ESCAPE.search(text):
        return text
    try:
        message = json.loads(text)
        json.dumps(message, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        what = f"U+{ord(exc.object[exc.start]):04X}"
        return _head_id(data), f"E0910: the request holds a lone surrogate ({what}); strings must be valid Unicode"
    except (ValueError, RecursionError):
        pass  # not JSON: the JSON-RPC layer reports it
    return text


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_HEAD_ID = re.compile(rb'"id"\s*:\s*(-?[0-9]{1,18}|"(?:[^"\\\n]|\\.){0,200}")')


def _head_id(data: bytes) -> Any:
    """The request id from the start of a line, when it comes before the params; None if not found."""
    head = data[:65536]
    found = _HEAD_ID.search(head)
    params = head.find(b'"params"')
    if found is None or (params != -1 and params < found.start()):
        return None
    try:
        return json.loads(found.group(1).decode("utf-8", errors="replace"))
    except ValueError:
        return None


def _refusal(request_id: Any, why: str) -> dict:
    """A JSON-RPC error answer (invalid request) for a request that cannot be read."""
    return {"jsonrpc": "2.0", "id": request_id, "error": {"code": -32600, "message": why}}
