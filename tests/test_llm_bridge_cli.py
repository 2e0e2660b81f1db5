"""`generate`, `docs` and the tool listing, with a stand-in compiler and the loopback chat server."""

from __future__ import annotations

import json

from tests.llm_fakes import PNG_1x1, fake_compile
from tests.llm_server import ScriptedServer, http_error, scene_call, unused_port

from scidsl.llm_bridge.cli import Backend, main
from scidsl.llm_bridge.tools import build_tools
from scidsl.llm_bridge.trace import read_trace

BAD = 'scene { title: "t" }\nbogus B1'
GOOD = 'scene { title: "t" }\nbox B1'
FAKE = Backend(
    fake_compile,
    fake_compile,
    lambda: build_tools({"type": "object", "properties": {}}),
    lambda: "# reference\n",
)
FAST = [
    "--model",
    "m",
    "--retries",
    "1",
    "--backoff",
    "0.001",
    "--timeout",
    "5",
    "--api-key-env",
    "SCIDSL_NO_KEY",
]


def test_generate_repairs_and_writes_figure_and_trace(tmp_path, capsys):
    out = tmp_path / "fig.png"
    with ScriptedServer([scene_call(BAD), scene_call(GOOD)]) as server:
        code = main(
            [
                "generate",
                "A box.",
                "-o",
                str(out),
                "--base-url",
                server.base_url,
                *FAST,
                "--save-scene",
                str(tmp_path / "fig.sdl"),
            ],
            backend=FAKE,
        )
    assert code == 0
    assert out.read_bytes() == PNG_1x1
    assert (tmp_path / "fig.sdl").read_text() == GOOD + "\n"
    trace = read_trace(tmp_path / "fig.trace.jsonl")
    assert [(r["event"], r.get("turn")) for r in trace] == [
        ("attempt", 1),
        ("attempt", 2),
        ("result", None),
    ]
    assert (
        trace[0]["outcome"]["diagnostics"][0]["code"] == "E0101"
        and trace[1]["outcome"]["ok"] is True
    )
    assert "figure compiled after 2 turns" in capsys.readouterr().err


def test_generate_gives_up_with_exit_1(tmp_path, capsys):
    with ScriptedServer([scene_call(BAD)] * 2) as server:
        code = main(
            [
                "generate",
                "A box.",
                "-o",
                str(tmp_path / "f.png"),
                "--base-url",
                server.base_url,
                "--max-turns",
                "2",
                *FAST,
            ],
            backend=FAKE,
        )
    assert code == 1 and not (tmp_path / "f.png").exists()
    assert "no valid scene after 2 turns (the limit); last error: E0101" in capsys.readouterr().err


def test_generate_unreachable_endpoint(tmp_path, capsys):
    url = f"http://127.0.0.1:{unused_port()}/v1"
    code = main(
        ["generate", "A box.", "-o", str(tmp_path / "f.png"), "--base-url", url, *FAST],
        backend=FAKE,
    )
    err = capsys.readouterr().err
    assert code == 1
    assert f"model endpoint failed after 1 turn: cannot reach the model endpoint at {url}" in err


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["generate", "A box.", *FAST], backend=FAKE) == 2
    assert "give the figure path with -o" in capsys.readouterr().err
    assert main(["generate", "-o", "x.png", *FAST], backend=FAKE) == 2
    assert "give either the problem text or --input" in capsys.readouterr().err
    assert (
        main(
            ["generate", "A", "-o", "x.png", "--model", "m", "--api-key-env", "SCIDSL_NO_KEY"],
            backend=FAKE,
        )
        == 2
    )
    assert "no API key: set SCIDSL_NO_KEY" in capsys.readouterr().err


def test_generate_batch_with_bad_line_and_resume(tmp_path, capsys):
    problems = tmp_path / "p.jsonl"
    problems.write_text(
        json.dumps({"id": "a/1", "problem_text": "A box."})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "b.2", "problem": "Another box."})
        + "\n"
    )
    out = tmp_path / "out"
    steps = [scene_call(BAD), scene_call(GOOD), http_error(400, "context too long")]
    with ScriptedServer(steps) as server:
        code = main(
            [
                "generate",
                "--input",
                str(problems),
                "--out",
                str(out),
                "--base-url",
                server.base_url,
                *FAST,
            ],
            backend=FAKE,
        )
    assert code == 1
    records = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [(r["id"], r["ok"], r["stop_reason"]) for r in records] == [
        ("a_1", True, "compiled"),
        ("line2", False, "bad_input"),
        ("b.2", False, "endpoint_error"),
    ]
    assert (out / "a_1.png").read_bytes() == PNG_1x1 and (
        out / "a_1.sdl"
    ).read_text() == GOOD + "\n"
    assert "context too long" in records[2]["error"]
    trace = read_trace(out / "trace.jsonl")
    assert [r["problem_id"] for r in trace if r["event"] == "result"] == ["a_1", "b.2"]
    assert "1 drawn, 2 failed, 0 skipped of 3" in capsys.readouterr().err

    with ScriptedServer([scene_call(GOOD)]) as server:
        code = main(
            [
                "generate",
                "--input",
                str(problems),
                "--out",
                str(out),
                "--resume",
                "--base-url",
                server.base_url,
                *FAST,
            ],
            backend=FAKE,
        )
    # Only b.2 is asked again: a_1 is skipped, the bad line fails without a call.
    assert len(server.requests) == 1
    assert "1 drawn, 1 failed, 1 skipped of 3" in capsys.readouterr().err
    assert (out / "b.2.png").read_bytes() == PNG_1x1 and (
        out / "b.2.sdl"
    ).read_text() == GOOD + "\n"


def test_docs_and_tools(tmp_path, capsys):
    assert main(["docs"], backend=FAKE) == 0
    assert capsys.readouterr().out == "# reference\n"
    assert main(["docs", "-o", str(tmp_path / "ref.md")], backend=FAKE) == 0
    assert (tmp_path / "ref.md").read_text() == "# reference\n"
    assert main(["tools"], backend=FAKE) == 0
    names = [t["function"]["name"] for t in json.loads(capsys.readouterr().out)]
    assert names == ["compile_scene", "compile_scene_json", "check_scene"]


def test_read_problems_makes_ids_safe_and_unique(tmp_path):
    from scidsl.llm_bridge.batch import read_problems

    path = tmp_path / "p.jsonl"
    lines = [
        {"id": "../x", "text": "a"},
        {"id": "../x", "text": "b"},
        {"id": "..", "text": "c"},
        [1],
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n")
    problems = list(read_problems(path))
    assert [(p.id, p.text, p.error) for p in problems] == [
        ("x", "a", None),
        ("x_2", "b", None),
        ("problem", "c", None),
        ("line4", "", "line 4 is not a JSON object"),
    ]


def test_unwritable_paths_are_reported_not_raised(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["docs", "-o", str(blocker / "ref.md")], backend=FAKE) == 1
    assert "scidsl docs: cannot write" in capsys.readouterr().err
    with ScriptedServer([]) as server:
        code = main(
            [
                "generate",
                "A box.",
                "-o",
                str(tmp_path / "f.png"),
                "--trace",
                str(blocker / "t.jsonl"),
                "--base-url",
                server.base_url,
                *FAST,
            ],
            backend=FAKE,
        )
    assert code == 1 and "scidsl generate: " in capsys.readouterr().err
    assert server.requests == []


def test_figure_description_joins_the_problem(tmp_path):
    from scidsl.llm_bridge.batch import read_problems

    path = tmp_path / "p.jsonl"
    path.write_text(
        json.dumps({"id": "q", "problem_text": "Find x.", "figure_description": " A triangle. "})
    )
    assert next(read_problems(path)).text == "Find x.\n\nFigure description: A triangle."


def test_parallel_batch_serialises_compiles(tmp_path, capsys):
    import threading
    import time

    inside, overlaps, lock = [0], [], threading.Lock()

    def exclusive_compile(scene):
        with lock:
            inside[0] += 1
            overlaps.append(inside[0])
        time.sleep(0.02)  # widen the window in which a second compile could enter
        with lock:
            inside[0] -= 1
        return fake_compile(scene)

    backend = Backend(exclusive_compile, exclusive_compile, FAKE.tools, FAKE.reference)
    problems = tmp_path / "p.jsonl"
    problems.write_text(
        "".join(json.dumps({"id": f"p{i}", "text": "A box."}) + "\n" for i in range(6))
    )
    out = tmp_path / "out"
    with ScriptedServer([scene_call(GOOD)] * 6) as server:
        code = main(
            [
                "generate",
                "--input",
                str(problems),
                "--out",
                str(out),
                "--jobs",
                "3",
                "--base-url",
                server.base_url,
                *FAST,
            ],
            backend=backend,
        )
    assert code == 0 and len(server.requests) == 6
    assert max(overlaps) == 1
    assert sorted(p.name for p in out.glob("*.png")) == [f"p{i}.png" for i in range(6)]
    assert "6 drawn, 0 failed, 0 skipped of 6" in capsys.readouterr().err


def test_cli_hook_does_not_load_the_http_client():
    import subprocess
    import sys

    code = "import sys, scidsl.llm_bridge.cli; print('openai' in sys.modules, 'mcp' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"]


def test_generate_review_turn_is_traced(tmp_path):
    from tests.llm_server import text_reply

    out = tmp_path / "fig.png"
    with ScriptedServer([scene_call(GOOD), text_reply("DONE")]) as server:
        code = main(
            [
                "generate",
                "A box.",
                "-o",
                str(out),
                "--review",
                "--base-url",
                server.base_url,
                *FAST,
            ],
            backend=FAKE,
        )
    assert code == 0 and out.read_bytes() == PNG_1x1
    attempts = [r for r in read_trace(tmp_path / "fig.trace.jsonl") if r["event"] == "attempt"]
    assert [(a["turn"], a["confirmed"]) for a in attempts] == [(1, False), (2, True)]


def test_problem_from_stdin(tmp_path, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("A box on stdin.\n"))
    with ScriptedServer([scene_call(GOOD)]) as server:
        code = main(
            ["generate", "-", "-o", str(tmp_path / "f.png"), "--base-url", server.base_url, *FAST],
            backend=FAKE,
        )
    assert code == 0 and "A box on stdin." in server.requests[0]["messages"][1]["content"]


def test_docs_by_domain(capsys):
    assert main(["docs", "--domain", "physics,draw"]) == 0
    text = capsys.readouterr().out
    assert "- `standing_wave`" in text and "- `molecule`" not in text and "## Other domains" in text
    assert main(["docs", "--domain", "chem"]) == 1
    assert "no domain chem" in capsys.readouterr().err
