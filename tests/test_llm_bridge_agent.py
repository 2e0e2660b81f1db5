"""The generate loop against a real HTTP server speaking the OpenAI chat API, via the `openai` client."""

from __future__ import annotations

import json

import pytest
from tests.llm_fakes import fake_compile
from tests.llm_server import (
    ScriptedServer,
    Step,
    http_error,
    scene_call,
    text_reply,
    tool_call,
    unused_port,
)

from scidsl.llm_bridge.agent import Agent, AgentConfig
from scidsl.llm_bridge.endpoint import make_client
from scidsl.llm_bridge.retry import RetryPolicy
from scidsl.llm_bridge.tools import build_tools
from scidsl.llm_bridge.trace import TraceWriter, read_trace

FAST = RetryPolicy(timeout_s=5.0, max_retries=2, base_delay_s=0.001, max_delay_s=0.01)
SCENE_SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}},
    "required": ["title"],
}
BAD = 'scene { title: "t" }\nbogus B1\nresistor R1 { resistance: 4 ohm }'
GOOD = 'scene { title: "t" }\nbox B1\nresistor R1 { resistance: 4 ohm }'


def _agent(server: ScriptedServer, trace: TraceWriter | None = None, **config: object) -> Agent:
    client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
    cfg = AgentConfig(
        model="scripted", retry=FAST, endpoint=f"the model endpoint at {server.base_url}", **config
    )
    return Agent(
        client, fake_compile, build_tools(SCENE_SCHEMA), cfg, reference="REFERENCE", trace=trace
    )


def test_repair_on_second_turn_sends_diagnostics(tmp_path):
    trace_path = tmp_path / "trace.jsonl"
    with (
        ScriptedServer([scene_call(BAD), scene_call(GOOD)]) as server,
        TraceWriter(trace_path) as trace,
    ):
        result = _agent(server, trace).run("A box and a resistor.", problem_id="p1")
    assert result.ok and result.stop_reason == "compiled"
    assert result.scene == GOOD
    assert len(server.requests) == 2
    second = server.requests[1]["messages"]
    tool_msgs = [m for m in second if m["role"] == "tool"]
    assert len(tool_msgs) == 1 and tool_msgs[0]["tool_call_id"] == "call_1"
    assert "E0101 at line 2, col 1: unknown kind 'bogus'" in tool_msgs[0]["content"]
    assert "   2 | bogus B1" in tool_msgs[0]["content"]
    assert "hint: did you mean 'box'?" in tool_msgs[0]["content"]
    assert (
        second[-2]["role"] == "assistant"
        and second[-2]["tool_calls"][0]["function"]["name"] == "compile_scene"
    )
    records = read_trace(trace_path)
    attempts = [r for r in records if r["event"] == "attempt"]
    assert [a["turn"] for a in attempts] == [1, 2]
    assert attempts[0]["scene"] == BAD and attempts[0]["outcome"]["ok"] is False
    assert attempts[1]["scene"] == GOOD and attempts[1]["outcome"]["ok"] is True
    assert attempts[0]["usage"] == {
        "prompt_tokens": 100,
        "completion_tokens": 20,
        "total_tokens": 120,
    }
    assert (
        attempts[0]["messages"][0]["role"] == "system"
        and "REFERENCE" in attempts[0]["messages"][0]["content"]
    )
    assert attempts[1]["messages"][0]["role"] == "tool"
    assert records[-1] == {**records[-1], "event": "result", "ok": True, "turns": 2}


def test_first_request_offers_tools_and_problem():
    with ScriptedServer([scene_call(GOOD)]) as server:
        _agent(server).run("Draw a 4 ohm resistor.")
    body = server.requests[0]
    assert server.paths == ["/v1/chat/completions"]
    assert body["model"] == "scripted"
    assert [t["function"]["name"] for t in body["tools"]] == ["compile_scene", "check_scene"]
    assert "Draw a 4 ohm resistor." in body["messages"][1]["content"]


def test_never_fixed_stops_at_bound_with_report():
    with ScriptedServer([scene_call(BAD)] * 3) as server:
        result = _agent(server, max_turns=3).run("A box.")
    assert not result.ok and result.stop_reason == "max_turns"
    assert len(server.requests) == 3 and len(result.attempts) == 3
    assert (
        result.report()
        == "no valid scene after 3 turns (the limit); last error: E0101 unknown kind 'bogus'"
    )
    assert result.usage["total_tokens"] == 360


def test_malformed_tool_call_is_explained_then_repaired():
    broken = tool_call("compile_scene", '{"scene": "box B1', content=None)
    with ScriptedServer([broken, scene_call(GOOD)]) as server:
        result = _agent(server).run("A box.")
    assert result.ok and len(result.attempts) == 2
    assert result.attempts[0].problem.startswith(
        "malformed compile_scene call: the arguments are not valid JSON"
    )
    answer = server.requests[1]["messages"][-1]
    assert answer["role"] == "tool" and "could not be read" in answer["content"]


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        (
            tool_call("compile_scene", {"text": GOOD}),
            "malformed compile_scene call: the arguments have no `scene` field",
        ),
        (tool_call("draw_it", {"scene": GOOD}), "called unknown tool 'draw_it'"),
        (text_reply("I would draw a box."), "the reply had no tool call and no scene"),
    ],
    ids=["no-scene-field", "unknown-tool", "no-tool-call"],
)
def test_unusable_replies_get_a_nudge(step, problem):
    with ScriptedServer([step, scene_call(GOOD)]) as server:
        result = _agent(server).run("A box.")
    assert result.ok and result.attempts[0].problem == problem
    assert server.requests[1]["messages"][-1]["content"] == result.attempts[0].feedback


def test_fenced_scene_without_tool_call_is_accepted():
    with ScriptedServer([text_reply(f"Plan...\n```sdl\n{GOOD}\n```")]) as server:
        result = _agent(server).run("A box.")
    assert result.ok and result.scene.strip() == GOOD


def test_rate_limit_then_success():
    with ScriptedServer(
        [http_error(429, "slow down", retry_after="0"), scene_call(GOOD)]
    ) as server:
        result = _agent(server).run("A box.")
    assert result.ok and len(server.requests) == 2 and len(result.attempts) == 1


def test_server_errors_exhaust_retries():
    with ScriptedServer([http_error(503, "overloaded")] * 3) as server:
        result = _agent(server).run("A box.")
    assert not result.ok and result.stop_reason == "endpoint_error"
    assert len(server.requests) == 3  # first try + max_retries
    assert "answered HTTP 503: overloaded (gave up after 3 attempts)" in result.error


def test_client_error_is_not_retried():
    with ScriptedServer([http_error(401, "bad key")]) as server:
        result = _agent(server).run("A box.")
    assert len(server.requests) == 1
    assert result.error.endswith("answered HTTP 401: bad key (check the API key)")


def test_unreachable_endpoint_gives_clear_error(tmp_path):
    url = f"http://127.0.0.1:{unused_port()}/v1"
    client = make_client(url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
    cfg = AgentConfig(model="m", retry=FAST, endpoint=f"the model endpoint at {url}")
    trace = TraceWriter(tmp_path / "t.jsonl")
    result = Agent(client, fake_compile, build_tools(SCENE_SCHEMA), cfg, trace=trace).run("A box.")
    trace.close()
    assert not result.ok and result.stop_reason == "endpoint_error"
    assert result.error.startswith(f"cannot reach the model endpoint at {url}")
    assert "gave up after 3 attempts" in result.error
    assert read_trace(tmp_path / "t.jsonl")[0]["error"] == result.error


def test_timeout_is_retried():
    slow = Step(body=json.loads(json.dumps(scene_call(GOOD).body)), delay_s=1.0)
    policy = RetryPolicy(timeout_s=0.2, max_retries=1, base_delay_s=0.001, max_delay_s=0.01)
    with ScriptedServer([slow, scene_call(GOOD)]) as server:
        client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=policy)
        agent = Agent(
            client, fake_compile, build_tools(SCENE_SCHEMA), AgentConfig(model="m", retry=policy)
        )
        result = agent.run("A box.")
    assert result.ok and len(server.requests) == 2


def test_json_scene_tool_is_offered_and_used():
    scene = {"title": "t"}
    seen = []

    def compile_json(value):
        seen.append(value)
        return {"ok": True, "facts": ["title t"]}

    with ScriptedServer([tool_call("compile_scene_json", {"scene": scene})]) as server:
        client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
        cfg = AgentConfig(model="m", retry=FAST, scene_tool="compile_scene_json")
        result = Agent(client, compile_json, build_tools(SCENE_SCHEMA), cfg).run("Title t.")
    assert result.ok and seen == [scene]
    assert [t["function"]["name"] for t in server.requests[0]["tools"]] == [
        "compile_scene_json",
        "check_scene",
    ]


def test_check_scene_call_is_compiled_outright():
    with ScriptedServer([tool_call("check_scene", {"scene": GOOD})]) as server:
        result = _agent(server).run("A box.")
    assert result.ok and len(result.attempts) == 1 and len(server.requests) == 1


def test_crashing_compiler_becomes_a_diagnostic():
    def crash(_scene):
        raise RuntimeError("boom")

    with ScriptedServer([scene_call(GOOD)]) as server:
        client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
        agent = Agent(
            client,
            crash,
            build_tools(SCENE_SCHEMA),
            AgentConfig(model="m", retry=FAST, max_turns=1),
        )
        result = agent.run("A box.")
    assert not result.ok and result.stop_reason == "max_turns"
    assert result.outcome.diagnostics[0]["message"] == "internal error: RuntimeError: boom"


def test_several_tool_calls_each_get_an_answer():
    message = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "a",
                "type": "function",
                "function": {"name": "compile_scene", "arguments": json.dumps({"scene": BAD})},
            },
            {
                "id": "b",
                "type": "function",
                "function": {"name": "compile_scene", "arguments": json.dumps({"scene": GOOD})},
            },
        ],
    }
    first = Step(
        body={
            **scene_call(BAD).body,
            "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls"}],
        }
    )
    with ScriptedServer([first, scene_call(GOOD)]) as server:
        result = _agent(server).run("A box.")
    assert result.ok and len(result.attempts) == 2
    answers = [m for m in server.requests[1]["messages"] if m["role"] == "tool"]
    assert [m["tool_call_id"] for m in answers] == ["a", "b"]
    assert (
        "E0101" in answers[0]["content"]
        and answers[1]["content"] == "Ignored: send one scene per turn."
    )


def test_cut_off_reply_is_explained():
    cut = tool_call("compile_scene", '{"scene": "box B1')
    cut.body["choices"][0]["finish_reason"] = "length"
    with ScriptedServer([cut, scene_call(GOOD)]) as server:
        result = _agent(server).run("A box.")
    assert result.ok and result.attempts[0].finish_reason == "length"
    assert server.requests[1]["messages"][-1]["content"].endswith(
        "Your reply was cut off at the output limit: keep the plan short and send the scene sooner."
    )


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (
            Step(body={**scene_call(GOOD).body, "choices": []}),
            "returned a completion without choices",
        ),
        (Step(raw=b"<html>gateway</html>"), "sent an unusable response"),
    ],
    ids=["no-choices", "not-json"],
)
def test_unusable_completion_is_an_endpoint_error(step, message):
    with ScriptedServer([step]) as server:
        result = _agent(server).run("A box.")
    assert not result.ok and result.stop_reason == "endpoint_error"
    assert message in result.error


GOOD2 = GOOD + "\nbox B2"


def test_review_confirmed_keeps_the_figure():
    with ScriptedServer([scene_call(GOOD), text_reply("DONE")]) as server:
        result = _agent(server, review=True).run("A box.")
    assert result.ok and result.scene == GOOD and len(result.attempts) == 2
    assert result.attempts[1].confirmed
    review = server.requests[1]["messages"][-1]["content"]
    assert review.startswith(
        "The scene compiled and the figure was rendered.\nFacts shown in the figure:"
    )
    assert "Review the figure against the problem" in review and "call compile_scene" in review


def test_review_revision_replaces_the_figure():
    with ScriptedServer([scene_call(GOOD), scene_call(GOOD2)]) as server:
        result = _agent(server, review=True).run("Two boxes.")
    assert result.ok and result.scene == GOOD2 and len(server.requests) == 2


def test_failed_revision_falls_back_to_the_reviewed_figure():
    with ScriptedServer([scene_call(GOOD), scene_call(BAD), scene_call(BAD)]) as server:
        result = _agent(server, review=True, max_turns=3).run("A box.")
    assert result.ok and result.scene == GOOD and len(result.attempts) == 3
    assert "E0101" in server.requests[2]["messages"][-1]["content"]


def test_no_review_on_the_last_turn():
    with ScriptedServer([scene_call(GOOD)]) as server:
        result = _agent(server, review=True, max_turns=1).run("A box.")
    assert result.ok and len(server.requests) == 1


def test_tool_call_without_type_is_accepted():
    step = tool_call("compile_scene", {"scene": GOOD})
    del step.body["choices"][0]["message"]["tool_calls"][0]["type"]
    with ScriptedServer([step]) as server:
        result = _agent(server).run("A box.")
    assert result.ok and result.scene == GOOD


def test_image_review_sends_the_rendered_figure():
    import base64

    from scidsl.llm_bridge.compiler import compile_outcome

    scene = 'scene "A block"\nfloor f\nbox B1 on f'
    with ScriptedServer([scene_call(scene), text_reply("DONE")]) as server:
        client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
        cfg = AgentConfig(model="scripted", retry=FAST, endpoint="loopback", review=True, review_image=True)
        agent = Agent(client, compile_outcome, build_tools(SCENE_SCHEMA), cfg, reference="REFERENCE")
        result = agent.run("A box.")
    assert result.ok and result.attempts[1].confirmed
    last = server.requests[1]["messages"][-1]
    assert last["role"] == "user"
    text, image = last["content"]
    assert "Critique it as a teacher would" in text["text"]
    url = image["image_url"]["url"]
    assert url.startswith("data:image/png;base64,")
    assert base64.b64decode(url.split(",", 1)[1]).startswith(b"\x89PNG\r\n\x1a\n")
