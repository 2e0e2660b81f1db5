"""The MCP server, driven by the official `mcp` client over stdio."""

from __future__ import annotations

import base64
import sys
import textwrap
from pathlib import Path

import anyio
import pytest
from tests.llm_fakes import PNG_1x1
from mcp import ClientSession, StdioServerParameters, stdio_client

TESTS = Path(__file__).resolve().parent
GOOD = 'scene { title: "t" }\nbox B1'
BAD = 'scene { title: "t" }\nbogus B1'

SERVER_SCRIPT = textwrap.dedent(
    f"""
    import sys
    sys.path.insert(0, {str(TESTS)!r})
    from llm_fakes import fake_compile
    from scidsl.llm_bridge.mcp_server import build_server, serve_stdio
    def reference(domains=()):
        if "nope" in domains:
            raise ValueError("no domain nope")
        return "# scidsl reference\\nbox B1" + ("".join(" " + d for d in domains))
    serve_stdio(build_server(fake_compile, reference))
    """
)


async def _session_calls(script: Path) -> dict[str, object]:
    params = StdioServerParameters(command=sys.executable, args=[str(script)])
    out: dict[str, object] = {}
    with open(script.with_suffix(".log"), "w") as errlog:
        async with (
            stdio_client(params, errlog=errlog) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            out["tools"] = (await session.list_tools()).tools
            out["good"] = await session.call_tool("compile_scene", {"scene": GOOD})
            out["bad"] = await session.call_tool("compile_scene", {"scene": BAD})
            out["check"] = await session.call_tool("check_scene", {"scene": GOOD})
            out["ref_tool"] = await session.call_tool("language_reference", {})
            out["ref_slice"] = await session.call_tool("language_reference", {"domains": "physics, draw"})
            out["ref_bad"] = await session.call_tool("language_reference", {"domains": "nope"})
            out["resource"] = await session.read_resource("scidsl://reference")
            out["prompt"] = await session.get_prompt(
                "draw_figure", {"problem": "A 4 ohm resistor."}
            )
    return out


@pytest.fixture(scope="module")
def mcp_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    script = tmp_path_factory.mktemp("mcp") / "server.py"
    script.write_text(SERVER_SCRIPT)
    return anyio.run(_session_calls, script)


def test_lists_tools_with_scene_argument(mcp_results):
    tools = {t.name: t for t in mcp_results["tools"]}
    assert set(tools) == {"compile_scene", "check_scene", "language_reference"}
    assert tools["compile_scene"].input_schema["required"] == ["scene"]
    assert tools["compile_scene"].input_schema["properties"]["scene"]["type"] == "string"


def test_compile_returns_image_block_and_facts(mcp_results):
    result = mcp_results["good"]
    assert result.is_error is False
    text, image = result.content
    assert text.type == "text" and "- statement: box B1" in text.text
    assert image.type == "image" and image.mime_type == "image/png"
    assert base64.b64decode(image.data) == PNG_1x1
    assert result.structured_content["ok"] is True


def test_compile_error_returns_diagnostics(mcp_results):
    result = mcp_results["bad"]
    assert result.is_error is True
    assert len(result.content) == 1
    assert "error E0101 at line 2, col 1: unknown kind 'bogus'" in result.content[0].text
    assert result.structured_content["diagnostics"][0]["code"] == "E0101"


def test_check_and_reference(mcp_results):
    assert mcp_results["check"].content[0].text == "ok: no errors"
    assert mcp_results["ref_tool"].content[0].text.startswith("# scidsl reference")
    assert mcp_results["resource"].contents[0].text.startswith("# scidsl reference")
    prompt_text = mcp_results["prompt"].messages[0].content.text
    assert "A 4 ohm resistor." in prompt_text and "# scidsl reference" in prompt_text


def test_slow_and_crashing_compiles_become_diagnostics():
    import time

    from mcp import Client

    from scidsl.llm_bridge.mcp_server import build_server

    def slow(_scene):
        time.sleep(1.0)
        return {"ok": True}

    def crash(_scene):
        raise ValueError("bad")

    async def calls():
        async with Client(build_server(slow, lambda: "", crash, budget_s=0.1)) as client:
            crash_result = await client.call_tool("check_scene", {"scene": "box B"})
            return await client.call_tool("compile_scene", {"scene": "box B"}), crash_result

    slow_result, crash_result = anyio.run(calls)
    assert slow_result.is_error and "error E0909: " in slow_result.content[0].text
    assert "compiling took longer than 0.1 s" in slow_result.content[0].text
    assert (
        crash_result.is_error and "internal error: ValueError: bad" in crash_result.content[0].text
    )


def _sleepy(scene):
    import time

    if "slow" in scene:
        time.sleep(30)
    return {"ok": True}


def test_an_abandoned_compile_does_not_block_the_next():
    from mcp import Client

    from scidsl.llm_bridge.mcp_server import build_server

    async def calls():
        async with Client(build_server(_sleepy, lambda: "", budget_s=1.0)) as client:
            slow = await client.call_tool("check_scene", {"scene": "slow"})
            quick = await client.call_tool("check_scene", {"scene": "box B"})
            return slow, quick

    slow, quick = anyio.run(calls)
    assert slow.is_error and "E0909" in slow.content[0].text
    assert not quick.is_error


def test_oversized_scene_is_refused_unread():
    from mcp import Client

    from scidsl import limits
    from scidsl.llm_bridge.mcp_server import build_server

    async def call():
        async with Client(build_server(_sleepy, lambda: "")) as client:
            return await client.call_tool("check_scene", {"scene": "x" * (limits.MAX_REQUEST_BYTES + 1)})

    result = anyio.run(call)
    assert result.is_error and "E0901" in result.content[0].text


def test_oversized_request_line_is_skipped():
    import io

    from scidsl.llm_bridge.mcp_server import _BoundedLines

    stream = io.BytesIO(b"x" * 5000 + b"\n" + b'{"ok": 1}\n')
    lines = _BoundedLines(stream, 100)
    assert lines._read_line() == (None, "E0901: the request is over the 100 byte limit; send a smaller scene")
    assert lines._read_line() == '{"ok": 1}\n'
    assert lines._read_line() is None


def test_unreadable_requests_are_answered_with_their_id():
    import io
    import json

    from scidsl.llm_bridge.mcp_server import _BoundedLines, _Wire

    stream = io.BytesIO(b'{"jsonrpc": "2.0", "id": 7, "params": {"scene": "' + b"x" * 200 + b'"}}\n'
                        b'{"jsonrpc": "2.0", "id": 8, "params": {"scene": "\\ud800"}}\n'
                        b'{"jsonrpc": "2.0", "id": "a", "params": {"scene": "\xff"}}\n'
                        b'{"jsonrpc": "2.0", "id": 9, "params": {"scene": "\\ud83d\\ude00 \\\\ud800"}}\n')
    wire = _Wire(io.BytesIO())
    lines = _BoundedLines(stream, 150, wire)

    async def collect() -> list[str]:
        return [line async for line in lines]

    assert [json.loads(line)["id"] for line in anyio.run(collect)] == [9]  # a pair and an escaped backslash pass
    answers = [json.loads(line) for line in wire.stream.getvalue().splitlines()]
    assert [(a["id"], a["error"]["message"][:5]) for a in answers] == [(7, "E0901"), (8, "E0910"), ("a", "E0002")]


def test_the_reference_tool_gives_a_slice_by_domain(mcp_results):
    assert mcp_results["ref_slice"].content[0].text.endswith("box B1 physics draw")
    assert mcp_results["ref_bad"].content[0].text == "error: no domain nope"
