"""The bridge on the real compiler: generate with a repair turn, live tool schemas, the reference, MCP."""

from __future__ import annotations

import base64
import json
import shutil
import sys

import anyio
import jsonschema
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client

from scidsl.llm_bridge import compiler
from scidsl.llm_bridge.cli import main
from scidsl.llm_bridge.prompts import WORKED_EXAMPLES, system_prompt
from scidsl.llm_bridge.tools import count_properties, strict_violations
from scidsl.llm_bridge.trace import read_trace
from scidsl.registry import kinds
from tests.llm_server import ScriptedServer, scene_call

GOOD = (
    'scene "Pushing a block" { width: 8 cm }\nbox m1 at (0, 0) { size: (1.2, 0.8), text: "$m_1$" }\n'
    'arrow F from (0.6, 0) to (2.6, 0) { label: "$F$" }'
)
BAD = GOOD.replace("box m1", "boxx m1")
FAST = [
    "--model",
    "m",
    "--retries",
    "1",
    "--backoff",
    "0.001",
    "--timeout",
    "20",
    "--api-key-env",
    "SCIDSL_NO_KEY",
]
# Codes that mean an example is not even well-formed (as opposed to naming things declared elsewhere).
MALFORMED = {
    "E0001",
    "E0003",
    "E0101",
    "E0201",
    "E0202",
    "E0203",
    "E0204",
    "E0207",
    "E0301",
    "E0302",
}


def test_generate_repairs_with_real_diagnostics(tmp_path):
    out = tmp_path / "fig.png"
    with ScriptedServer([scene_call(BAD), scene_call(GOOD)]) as server:
        code = main(
            [
                "generate",
                "A force F pushes block m1 to the right.",
                "-o",
                str(out),
                "--base-url",
                server.base_url,
                *FAST,
            ]
        )
    assert code == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    repair = server.requests[1]["messages"][-1]
    assert repair["role"] == "tool"
    assert "error E0101 at line 2, col 1: unknown kind 'boxx'" in repair["content"]
    assert "hint: did you mean 'box'?" in repair["content"]
    attempts = [r for r in read_trace(tmp_path / "fig.trace.jsonl") if r["event"] == "attempt"]
    assert [(a["turn"], a["outcome"]["ok"]) for a in attempts] == [(1, False), (2, True)]
    assert "arrow F $F$" in attempts[1]["outcome"]["facts"]


def test_tool_definitions_are_strict_and_valid():
    tools = compiler.tool_definitions()
    assert [t["function"]["name"] for t in tools] == [
        "compile_scene",
        "compile_scene_json",
        "check_scene",
    ]
    assert all(f" {kind}," in tools[0]["function"]["description"] for kind in list(kinds())[:-1])
    for tool in tools:
        jsonschema.Draft202012Validator.check_schema(tool["function"]["parameters"])
        assert tool["function"]["strict"] is True
        assert strict_violations(tool["function"]["parameters"]) == []
        # OpenAI's documented cap for strict schemas is 5000 object properties in all.
        assert count_properties(tool["function"]["parameters"]) <= 5000


def _strict_form(item: dict, defs: dict) -> dict:
    """Fill every key the strict schema requires with null, as a strict model would send it."""
    branch = next(
        d
        for d in defs.values()
        if d.get("properties", {}).get("kind", {}).get("const") == item["kind"]
    )
    return {key: item.get(key) for key in branch["properties"]}


def test_strict_json_scene_compiles_like_text():
    params = compiler.tool_definitions()[1]["function"]["parameters"]
    scene = compiler.compile_outcome(GOOD)
    assert scene.ok
    import scidsl

    items = scidsl.compile(GOOD).scene.to_json()["items"]
    strict_scene = {"items": [_strict_form(i, params["$defs"]) for i in items]}
    jsonschema.Draft202012Validator(params).validate({"scene": strict_scene})
    outcome = compiler.compile_outcome(strict_scene)
    assert outcome.ok, outcome.diagnostics
    assert outcome.facts == scene.facts


def test_reference_covers_every_kind_and_examples_are_well_formed():
    text = compiler.language_reference()
    assert len(text) < 120_000  # the whole reference, for `scidsl docs`
    for kind, (cls, _dom) in kinds().items():
        assert f"- `{kind}`" in text
        if cls.example:
            assert f"e.g. `{cls.example}`" in text
            codes = {d["code"] for d in compiler.check_outcome(cls.example).diagnostics}
            assert not codes & MALFORMED, (kind, cls.example, codes)


async def _mcp_compile(command: list[str]) -> object:
    params = StdioServerParameters(command=command[0], args=command[1:])
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        good = await session.call_tool("compile_scene", {"scene": GOOD})
        bad = await session.call_tool("compile_scene", {"scene": BAD})
        ref = await session.read_resource("scidsl://reference")
    return good, bad, ref


def test_scidsl_mcp_answers_a_real_client():
    exe = shutil.which("scidsl")
    command = [exe, "mcp"] if exe else [sys.executable, "-m", "scidsl.llm_bridge.cli", "mcp"]
    good, bad, ref = anyio.run(_mcp_compile, command)
    image = [c for c in good.content if c.type == "image"][0]
    assert base64.b64decode(image.data)[:8] == b"\x89PNG\r\n\x1a\n"
    assert good.is_error is False and bad.is_error is True
    assert "unknown kind 'boxx'" in bad.content[0].text
    # The server process builds its own reference; same generator, so same headings and kinds.
    assert ref.contents[0].text.startswith("# scidsl language reference\n")
    assert "\n- `box`: " in ref.contents[0].text and "## Units" in ref.contents[0].text


def test_print_tools_json(capsys):
    from scidsl.llm_bridge.cli import print_tools

    assert print_tools() == 0
    assert json.loads(capsys.readouterr().out) == compiler.tool_definitions()


def test_scidsl_generate_command_end_to_end(tmp_path):
    import subprocess

    out = tmp_path / "fig.svg"
    env = {k: v for k, v in __import__("os").environ.items() if k != "OPENAI_API_KEY"}
    with ScriptedServer([scene_call(BAD), scene_call(GOOD)]) as server:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "scidsl",
                "generate",
                "A force pushes a block.",
                "-o",
                str(out),
                "--base-url",
                server.base_url,
                "--trace",
                str(tmp_path / "t.jsonl"),
                *FAST,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().lstrip().startswith("<?xml")
    assert "figure compiled after 2 turns" in proc.stderr
    results = [r for r in read_trace(tmp_path / "t.jsonl") if r["event"] == "attempt"]
    assert [r["scene"] for r in results] == [BAD, GOOD]


def test_generate_json_scene_with_nulls(tmp_path):
    import scidsl
    from tests.llm_server import tool_call

    params = compiler.tool_definitions()[1]["function"]["parameters"]
    items = [
        _strict_form(i, params["$defs"]) for i in scidsl.compile(GOOD).scene.to_json()["items"]
    ]
    out = tmp_path / "fig.png"
    with ScriptedServer([tool_call("compile_scene_json", {"scene": {"items": items}})]) as server:
        code = main(
            [
                "generate",
                "A block.",
                "-o",
                str(out),
                "--scene-format",
                "json",
                "--base-url",
                server.base_url,
                *FAST,
            ]
        )
    assert code == 0 and out.read_bytes()[:4] == b"\x89PNG"
    assert [t["function"]["name"] for t in server.requests[0]["tools"]] == [
        "compile_scene_json",
        "check_scene",
    ]


@pytest.mark.parametrize("example", WORKED_EXAMPLES, ids=lambda ex: ex.scene.split("\n")[0])
def test_worked_examples_in_the_prompt_compile(example):
    outcome = compiler.compile_outcome(example.scene, render=False)
    assert outcome.ok, outcome.diagnostics
    assert f"```sdl\n{example.scene}\n```" in system_prompt()


def test_fact_examples_are_well_formed_givens():
    facts = compiler.reference_doc().facts
    assert {f.name for f in facts} >= {"angle", "length", "parallel"}
    for fact in facts:
        if fact.example:
            assert fact.example.startswith(f"given {fact.name}("), fact
            codes = {d["code"] for d in compiler.check_outcome(fact.example).diagnostics}
            assert not codes & MALFORMED, (fact.name, fact.example, codes)


def test_scidsl_schema_tools_and_docs_commands():
    import subprocess

    tools = subprocess.run(
        [sys.executable, "-m", "scidsl", "schema", "--tools"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert tools.returncode == 0, tools.stderr
    assert [t["function"]["name"] for t in json.loads(tools.stdout)] == [
        "compile_scene",
        "compile_scene_json",
        "check_scene",
    ]
    docs = subprocess.run(
        [sys.executable, "-m", "scidsl", "docs"], capture_output=True, text=True, timeout=120
    )
    assert docs.returncode == 0 and docs.stdout.startswith("# scidsl language reference\n")


def test_the_prompt_asks_for_what_a_student_needs_and_never_the_answer():
    prompt = system_prompt()
    for guidance in ("Show every given value on the page", "add a key", "Name what the problem names",
                     "direction of motion", "Never the answer", "`answer: hidden`", "annotations: show:",
                     "Do not add objects the situation does not have"):
        assert guidance in prompt, guidance
    assert "the problem does not mention" not in prompt
    scenes = "\n".join(ex.scene for ex in WORKED_EXAMPLES)
    # the worked examples use what they preach: switches, a key, a hidden answer, a givens box, motion
    for use in ("show: [process_names, states", "show: [key]", "answer: hidden", "givens g", "direction: right"):
        assert use in scenes, use


def test_the_prompt_stays_a_reasonable_size():
    assert len(system_prompt("")) < 9_000


def test_a_reference_slice_holds_its_domains_and_names_the_others():
    """A prompt carries the core, the drawing layer and one domain: about 12k tokens at most."""
    from scidsl.registry import kinds

    whole = compiler.language_reference()
    for domain in compiler.domain_names():
        part = compiler.language_reference(("draw", domain))
        assert len(part) < 50_000 < len(whole), domain
        for kind, (_cls, dom) in kinds().items():
            name = dom.name if dom else "core"
            if name in ("core", "draw", domain):
                assert f"- `{kind}`" in part, (domain, kind)
            else:  # listed by name in the index, not described
                assert f"- `{kind}`" not in part and kind in part.split("## Other domains")[1], (domain, kind)
    with pytest.raises(ValueError, match="no domain chem"):
        compiler.language_reference(("chem",))
