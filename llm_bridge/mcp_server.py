"""An MCP server (stdio) offering compile_scene, check_scene and the language reference."""

from __future__ import annotations

import base64
import os
import tempfile
import threading
from collections.abc import Callable
from typing import Any

import anyio
from mcp.server.mcpserver import MCPServer, UserMessage
from mcp.types import CallToolResult, ImageContent, TextContent

from . import prompts
from .agent import CompileFn
from .feedback import repair_message, success_message
from .outcome import CompileOutcome, safe_compile

REFERENCE_URI = "scidsl://reference"
_COMPILE_LOCK = threading.Lock()
COMPILE_BUDGET_S = 30.0  # per-scene budget for server workers (LIMITS.md)
INSTRUCTIONS = (
    "scidsl compiles a small typed scene language into checked scientific figures. Read the "
    f"language reference (tool language_reference or resource {REFERENCE_URI}), write a scene that "
    "states only what the problem gives, call compile_scene, and fix any diagnostics it returns."
)


def build_server(
    compile_fn: CompileFn,
    reference_fn: Callable[[], str],
    check_fn: CompileFn | None = None,
    *,
    budget_s: float = COMPILE_BUDGET_S,
) -> MCPServer:
    """An `MCPServer` whose tools call the given compile/check functions."""
    server = MCPServer("scidsl", instructions=INSTRUCTIONS)
    check = check_fn or compile_fn

    @server.tool(
        description="Compile a scidsl scene (text form) and return the figure as PNG with its facts, "
        "or diagnostics to fix."
    )
    async def compile_scene(scene: str) -> CallToolResult:
        outcome = await _run(compile_fn, scene, budget_s)
        return _compile_result(outcome)

    @server.tool(
        description="Check a scidsl scene (text form) without rendering; returns diagnostics or ok."
    )
    async def check_scene(scene: str) -> CallToolResult:
        outcome = await _run(check, scene, budget_s)
        return _text_result(_check_text(outcome), outcome)

    @server.tool(
        description="The scidsl language reference: every kind, property, unit and fact statement."
    )
    def language_reference() -> str:
        return reference_fn()

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


async def _run(fn: CompileFn, scene: str, budget_s: float) -> CompileOutcome:
    """Compile in a worker thread so the server keeps answering, within a time budget."""
    try:
        with anyio.fail_after(budget_s):
            return await anyio.to_thread.run_sync(
                _compile_one_at_a_time, fn, scene, abandon_on_cancel=True
            )
    except TimeoutError:
        message = f"compiling took longer than {budget_s:g} s"
        diag = {"code": "E0909", "severity": "error", "message": message}
        return CompileOutcome(ok=False, diagnostics=(diag,), source=scene)


def _compile_one_at_a_time(fn: CompileFn, scene: str) -> CompileOutcome:
    """Compile under the server-wide lock: Matplotlib is not thread-safe.

    A compile abandoned at its budget keeps the lock until it ends; calls meanwhile wait within
    their own budgets. The compiler bounds its own work, so such waits stay short.
    """
    with _COMPILE_LOCK:
        return safe_compile(fn, scene, scene)


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


def serve_stdio(server: MCPServer) -> None:
    """Serve over stdin/stdout until the client disconnects."""
    server.run("stdio")
