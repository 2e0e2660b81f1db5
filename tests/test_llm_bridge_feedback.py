"""Repair messages, outcome normalisation, retry policy and traces."""

from __future__ import annotations

import json

import openai

try:  # openai 3 ships its HTTP stack as httpx2; older releases use httpx
    import httpx2 as httpx
except ImportError:  # pragma: no cover
    import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.llm_bridge.agent import parse_scene_argument
from scidsl.llm_bridge.feedback import format_diagnostic, repair_message
from scidsl.llm_bridge.outcome import to_outcome
from scidsl.llm_bridge.retry import EndpointError, RetryPolicy, call_with_retry
from scidsl.llm_bridge.trace import TraceWriter, read_trace

SOURCE = 'scene { title: "t" }\ntriangle ABC\ngiven angle(A, B, X) = 30 deg'
DIAG = {
    "code": "E0103",
    "message": "X names nothing declared",
    "line": 3,
    "col": 17,
    "end_line": 3,
    "end_col": 18,
    "hint": "did you mean C?",
}


def test_repair_message_shows_location_source_caret_and_hint():
    text = repair_message(to_outcome({"diagnostics": [DIAG]}, source=SOURCE))
    assert text.splitlines()[:6] == [
        "The scene did not compile: 1 error.",
        "",
        "error E0103 at line 3, col 17: X names nothing declared",
        "   3 | given angle(A, B, X) = 30 deg",
        "     |                 ^",
        "  hint: did you mean C?",
    ]
    assert text.endswith("state only what the problem gives.")


def test_json_path_diagnostic_and_related_note():
    diag = {
        "code": "E0201",
        "message": "unknown property 'colour'",
        "path": "$.statements[2].props.colour",
        "related": [{"line": 1, "col": 1, "note": "kind declared here"}],
    }
    assert format_diagnostic(diag) == [
        "error E0201 at $.statements[2].props.colour: unknown property 'colour'",
        "  note at line 1, col 1: kind declared here",
    ]


def test_control_and_bidi_characters_are_escaped_and_the_caret_follows():
    source = "dot d at (0, 0) { colr: red }  # \x1b]52;c;aGVsbG8=\x07 \u202e"
    diag = {"code": "E0201", "message": "no 'co\x1b[2Jlr'", "line": 1, "col": 19, "end_col": 28,
            "hint": "\u202e"}
    text = repair_message(to_outcome({"diagnostics": [diag]}, source=source))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b]52" in text and "\\u202e" in text
    source = "dot \x1b d at (0, 0) { colr: red }"
    col = source.index("colr") + 1
    lines = format_diagnostic({**diag, "col": col, "end_col": col + 9}, [source])
    assert lines[1] == "   1 | dot \\x1b d at (0, 0) { colr: red }"
    assert lines[2].index("^") == lines[1].index("colr") and lines[2].count("^") == 9


def test_many_errors_are_cut_to_the_first_ones():
    diags = [{**DIAG, "line": 1, "col": 1} for _ in range(12)]
    text = repair_message(to_outcome({"diagnostics": diags}, source=SOURCE))
    assert text.count("error E0103") == 8 and "(4 more not shown; fix these first.)" in text


@settings(max_examples=200, deadline=None)
@given(
    line=st.integers(-3, 8),
    col=st.integers(-3, 80),
    end=st.one_of(st.none(), st.integers(-3, 90)),
    source=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
)
def test_any_span_formats_without_error(line, col, end, source):
    diag = {"code": "E0001", "message": "m", "line": line, "col": col, "end_col": end}
    lines = format_diagnostic(diag, source.split("\n"))
    assert lines[0].startswith("error E0001")
    if len(lines) > 1 and lines[-1].lstrip().startswith("|"):
        assert "^" in lines[-1]


def test_outcome_defaults_ok_from_diagnostics():
    assert (
        to_outcome({"diagnostics": [{"code": "W2001", "message": "w", "severity": "warning"}]}).ok
        is True
    )
    assert to_outcome({"diagnostics": [{"code": "E1", "message": "e"}]}).ok is False


@pytest.mark.parametrize(
    ("arguments", "want_json", "expected"),
    [
        ('{"scene": "box B"}', False, ("box B", "")),
        ('{"scene": ""}', False, (None, "`scene` must be a non-empty string with the scene text")),
        ('{"scene": {"a": 1}}', True, ({"a": 1}, "")),
        ('{"scene": "{\\"a\\": 1}"}', True, ({"a": 1}, "")),
        ('{"scene": "not json"}', True, (None, "`scene` must be a JSON object")),
        ("[1]", False, (None, "the arguments have no `scene` field")),
        ("", False, (None, "the arguments are not valid JSON (Expecting value at line 1, col 1)")),
        ("[" * 100_000, False, (None, "the arguments are not valid JSON (nested too deeply)")),
        ({"scene": "box B"}, False, ("box B", "")),
        (42, False, (None, "the arguments are not a JSON object")),
    ],
    ids=[
        "text",
        "empty",
        "json",
        "json-in-string",
        "json-bad-string",
        "not-object",
        "empty-args",
        "deep",
        "decoded",
        "number",
    ],
)
def test_parse_scene_argument(arguments, want_json, expected):
    assert parse_scene_argument(arguments, want_json=want_json) == expected


def _status_error(status: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://x/v1/chat/completions")
    response = httpx.Response(status, headers=headers or {}, request=request)
    return openai.APIStatusError("boom", response=response, body={"message": "boom"})


def test_retry_uses_retry_after_then_succeeds():
    waits: list[float] = []
    calls = iter([_status_error(429, {"retry-after": "7"}), _status_error(500), "done"])

    def call() -> str:
        item = next(calls)
        if isinstance(item, Exception):
            raise item
        return item

    policy = RetryPolicy(max_retries=3, base_delay_s=0.5, max_delay_s=5.0, jitter=0.0)
    assert call_with_retry(call, policy, sleep=waits.append) == "done"
    assert waits == [5.0, 1.0]  # Retry-After capped at max_delay_s, then exponential (second retry)


def test_delay_grows_exponentially_and_is_capped():
    policy = RetryPolicy(base_delay_s=1.0, max_delay_s=6.0, jitter=0.0)
    assert [policy.delay(n) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 6.0]


def test_non_retryable_status_raises_at_once():
    waits: list[float] = []

    def call() -> None:
        raise _status_error(400)

    with pytest.raises(EndpointError, match="answered HTTP 400: boom") as info:
        call_with_retry(call, RetryPolicy(), sleep=waits.append)
    assert waits == [] and info.value.status == 400


def test_trace_appends_lines(tmp_path):
    path = tmp_path / "sub" / "t.jsonl"
    with TraceWriter(path) as trace:
        trace.write({"event": "attempt", "turn": 1, "scene": "box B"})
    with TraceWriter(path) as trace:
        trace.write({"event": "result", "ok": True})
    assert read_trace(path) == [
        {"event": "attempt", "turn": 1, "scene": "box B"},
        {"event": "result", "ok": True},
    ]
    assert all(json.loads(line) for line in path.read_text().splitlines())


def test_nested_span_diagnostics_are_flattened():
    diag = {
        "code": "E0103",
        "severity": "error",
        "message": "m",
        "hint": None,
        "span": {"file": "f.sdl", "line": 2, "col": 3, "end_line": 2, "end_col": 5},
        "related": [
            {
                "span": {"file": "f.sdl", "line": 1, "col": 1, "end_line": 1, "end_col": 2},
                "note": "here",
            }
        ],
    }
    out = to_outcome({"ok": False, "diagnostics": [diag]}).diagnostics[0]
    assert out == {
        "code": "E0103",
        "message": "m",
        "severity": "error",
        "line": 2,
        "col": 3,
        "end_line": 2,
        "end_col": 5,
        "file": "f.sdl",
        "related": [
            {"line": 1, "col": 1, "end_line": 1, "end_col": 2, "file": "f.sdl", "note": "here"}
        ],
    }
