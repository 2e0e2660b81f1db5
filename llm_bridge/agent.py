"""The generate loop: ask the model for a scene, compile it, send diagnostics back, stop on success."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import prompts
from .feedback import repair_message, success_message
from .givens import givens_note
from .outcome import CompileOutcome, safe_compile
from .retry import EndpointError, RetryPolicy, call_with_retry
from .tools import CHECK, COMPILE_JSON, COMPILE_TEXT
from .trace import TraceWriter

Scene = str | dict[str, Any]
CompileFn = Callable[[Scene], CompileOutcome | Mapping[str, Any]]

MAX_PROBLEM_CHARS = 20_000
_FENCE = re.compile(r"```(?:sdl|scidsl)[ \t]*\n(.*?)```", re.DOTALL)


@dataclass(frozen=True)
class AgentConfig:
    """What to ask, how often, and how patiently."""

    model: str
    max_turns: int = 4
    scene_tool: str = COMPILE_TEXT
    temperature: float | None = None
    max_tokens: int | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    endpoint: str = "the model endpoint"
    review: bool = False  # after the first success, show the model the facts and let it revise once
    review_image: bool = False  # ... and the rendered figure itself, as an image part of the conversation


@dataclass
class Attempt:
    """One model turn: what came back, what compiling it gave, what we answered."""

    turn: int
    scene: Scene | None = None
    outcome: CompileOutcome | None = None
    problem: str | None = None  # a turn without a usable scene says why here
    feedback: str = ""
    usage: dict[str, int] = field(default_factory=dict)
    model_s: float = 0.0
    finish_reason: str | None = None
    confirmed: bool = False  # a review turn in which the model accepted the figure
    compile_s: float = 0.0


@dataclass
class AgentResult:
    """The end of a generation: success, every attempt, and why it stopped."""

    ok: bool
    stop_reason: str  # "compiled" | "max_turns" | "endpoint_error"
    attempts: list[Attempt]
    outcome: CompileOutcome | None = None
    scene: Scene | None = None
    error: str | None = None

    @property
    def usage(self) -> dict[str, int]:
        """Token counts summed over all attempts."""
        total: dict[str, int] = {}
        for attempt in self.attempts:
            for key, value in attempt.usage.items():
                total[key] = total.get(key, 0) + value
        return total

    def report(self) -> str:
        """A short human-readable account of how the generation ended."""
        turns = f"{len(self.attempts)} turn{'s' if len(self.attempts) != 1 else ''}"
        if self.ok:
            return f"figure compiled after {turns}"
        if self.stop_reason == "endpoint_error":
            return f"model endpoint failed after {turns}: {self.error}"
        last = self.attempts[-1] if self.attempts else None
        detail = ""
        if last is not None and last.outcome is not None and last.outcome.errors:
            first = last.outcome.errors[0]
            detail = f"; last error: {first.get('code')} {first.get('message')}"
            if len(last.outcome.errors) > 1:
                detail += f" (+{len(last.outcome.errors) - 1} more)"
        elif last is not None and last.problem:
            detail = f"; last turn: {last.problem}"
        return f"no valid scene after {turns} (the limit){detail}"


@dataclass
class _Conversation:
    """The state of one generation: messages so far, attempts, the best compiled attempt."""

    messages: list[dict[str, Any]]
    attempts: list[Attempt] = field(default_factory=list)
    sent: int = 0
    best: Attempt | None = None
    reviewed: bool = False
    reviewing: bool = False
    problem: str = ""
    givens_checked: bool = False


def _compiled(talk: _Conversation) -> AgentResult:
    """Success with the best compiled attempt."""
    best = talk.best
    assert best is not None and best.outcome is not None
    return AgentResult(True, "compiled", talk.attempts, best.outcome, best.scene)


def _gave_up(talk: _Conversation) -> AgentResult:
    """Failure at the turn limit, carrying the last compiled outcome for the report."""
    last = next((a for a in reversed(talk.attempts) if a.outcome is not None), None)
    outcome, scene = (last.outcome, last.scene) if last else (None, None)
    return AgentResult(False, "max_turns", talk.attempts, outcome, scene)


def _offers_scene(reply: Any) -> bool:
    """True if a reply carries a tool call or a fenced scene."""
    calls = getattr(reply, "tool_calls", None) or []
    return bool(calls) or bool(_FENCE.search(getattr(reply, "content", None) or ""))


class Agent:
    """Runs the loop with an OpenAI-compatible client, a compile function and tool definitions."""

    def __init__(
        self,
        client: Any,
        compile_fn: CompileFn,
        tools: Sequence[Mapping[str, Any]],
        config: AgentConfig,
        *,
        reference: str | None = None,
        trace: TraceWriter | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.compile_fn = compile_fn
        self.tools = [t for t in tools if _tool_name(t) in (config.scene_tool, CHECK)]
        self.config = config
        self.reference = reference
        self.trace = trace or TraceWriter()
        self.sleep = sleep

    def run(self, problem: str, problem_id: str = "") -> AgentResult:
        """Generate a scene for `problem`, repairing it until it compiles or the turns run out."""
        tool = self.config.scene_tool
        talk = _Conversation(
            prompts.initial_messages(problem[:MAX_PROBLEM_CHARS], self.reference, tool),
            problem=problem[:MAX_PROBLEM_CHARS],
        )
        for turn in range(1, self.config.max_turns + 1):
            attempt = Attempt(turn=turn)
            talk.attempts.append(attempt)
            try:
                done = self._turn(talk, attempt, problem_id, last=turn == self.config.max_turns)
            except EndpointError as exc:
                result = AgentResult(False, "endpoint_error", talk.attempts, error=str(exc))
                return self._finish(problem_id, result)
            if done:
                return self._finish(problem_id, _compiled(talk))
        return self._finish(problem_id, _compiled(talk) if talk.best else _gave_up(talk))

    def _turn(self, talk: _Conversation, attempt: Attempt, problem_id: str, *, last: bool) -> bool:
        """One model turn and our answer; True when the figure is final."""
        new_messages = talk.messages[talk.sent :]  # what this turn adds: the prompt, or our answers
        try:
            reply = self._ask(talk.messages, attempt)
        except EndpointError as exc:
            self._record(problem_id, attempt, new_messages, None, error=str(exc))
            raise
        talk.messages.append(_assistant_entry(reply))
        talk.sent = len(talk.messages)
        if talk.reviewing and not _offers_scene(reply):
            attempt.confirmed = True  # the model found the reviewed figure complete
            self._record(problem_id, attempt, new_messages, reply)
            return True
        talk.reviewing = False
        answers = self._answer(reply, attempt)
        compiled = attempt.outcome is not None and attempt.outcome.ok and attempt.problem is None
        if compiled:
            talk.best = attempt
        note = self._givens_note(talk, attempt) if compiled and not last else None
        if note is not None:
            talk.reviewing = True
            attempt.feedback = success_message(attempt.outcome) + "\n\n" + note
            answers[0]["content"] = attempt.feedback
        elif compiled and self.config.review and not talk.reviewed and not last:
            talk.reviewed = talk.reviewing = True
            review = prompts.REVIEW.format(tool=self.config.scene_tool)
            attempt.feedback = success_message(attempt.outcome) + "\n\n" + review
            answers[0]["content"] = attempt.feedback
            if self.config.review_image and attempt.outcome.png:
                answers.append(prompts.image_review_message(attempt.outcome.png, self.config.scene_tool))
        talk.messages.extend(answers)
        self._record(problem_id, attempt, new_messages, reply)
        return compiled and not talk.reviewing

    def _givens_note(self, talk: _Conversation, attempt: Attempt) -> str | None:
        """Once per problem: a note naming givens the figure misses or answers it draws."""
        if talk.givens_checked or attempt.outcome is None:
            return None
        talk.givens_checked = True
        facts = attempt.outcome.fact_data or attempt.outcome.facts
        return givens_note(talk.problem, facts)

    def _ask(self, messages: list[dict[str, Any]], attempt: Attempt) -> Any:
        """One chat completion (with retries); returns the assistant message."""
        kwargs: dict[str, Any] = {
            "model": self.config.model,
            "messages": messages,
            "tools": self.tools,
        }
        if self.config.temperature is not None:
            kwargs["temperature"] = self.config.temperature
        if self.config.max_tokens is not None:
            kwargs["max_tokens"] = self.config.max_tokens
        create = self.client.chat.completions.create
        start = time.monotonic()
        response = call_with_retry(
            lambda: create(**kwargs, timeout=self.config.retry.timeout_s),
            self.config.retry,
            where=self.config.endpoint,
            sleep=self.sleep,
        )
        attempt.model_s = round(time.monotonic() - start, 4)
        attempt.usage = _usage(response)
        if not getattr(response, "choices", None):
            raise EndpointError(f"{self.config.endpoint} returned a completion without choices")
        attempt.finish_reason = getattr(response.choices[0], "finish_reason", None)
        return response.choices[0].message

    def _answer(self, reply: Any, attempt: Attempt) -> list[dict[str, Any]]:
        """Messages answering the model's reply: tool results, or a nudge when no scene came."""
        calls = [c for c in (getattr(reply, "tool_calls", None) or []) if _is_function_call(c)]
        if not calls:
            return [{"role": "user", "content": self._answer_text(reply, attempt)}]
        out = [
            {
                "role": "tool",
                "tool_call_id": calls[0].id,
                "content": self._answer_call(calls[0], attempt),
            }
        ]
        out.extend(
            {"role": "tool", "tool_call_id": c.id, "content": prompts.EXTRA_CALL} for c in calls[1:]
        )
        return out

    def _answer_text(self, reply: Any, attempt: Attempt) -> str:
        """A reply without tool calls: accept a fenced ```sdl block, otherwise ask for the call."""
        match = _FENCE.search(getattr(reply, "content", None) or "")
        if match is None:
            attempt.problem = "the reply had no tool call and no scene"
            attempt.feedback = prompts.NO_TOOL_CALL.format(tool=self.config.scene_tool)
            return attempt.feedback
        return self._compile(match.group(1), attempt, self.compile_fn)

    def _answer_call(self, call: Any, attempt: Attempt) -> str:
        """Run one tool call and return the text the model gets back."""
        name, tool = call.function.name, self.config.scene_tool
        if name not in (COMPILE_TEXT, COMPILE_JSON, CHECK):
            attempt.problem = f"called unknown tool {name!r}"
            attempt.feedback = prompts.UNKNOWN_TOOL.format(name=name, tool=tool)
            return attempt.feedback
        scene, why = parse_scene_argument(call.function.arguments, want_json=name == COMPILE_JSON)
        if scene is None:
            attempt.problem = f"malformed {name} call: {why}"
            attempt.feedback = prompts.BAD_ARGUMENTS.format(name=name, why=why, tool=tool)
            if attempt.finish_reason == "length":
                attempt.feedback += " " + prompts.CUT_OFF
            return attempt.feedback
        # The loop wants a figure: a scene sent for checking is compiled outright, which checks it
        # the same way and saves the model a turn when it is already right.
        return self._compile(scene, attempt, self.compile_fn)

    def _compile(self, scene: Scene, attempt: Attempt, fn: CompileFn) -> str:
        """Compile `scene`, store the outcome on the attempt, and word the answer."""
        attempt.scene = scene
        start = time.monotonic()
        source = scene if isinstance(scene, str) else json.dumps(scene, indent=1)
        outcome = safe_compile(fn, scene, source)
        attempt.compile_s = round(time.monotonic() - start, 4)
        attempt.outcome = outcome
        ok = outcome.ok
        attempt.feedback = (
            success_message(outcome) if ok else repair_message(outcome, self.config.scene_tool)
        )
        return attempt.feedback

    def _record(
        self,
        problem_id: str,
        attempt: Attempt,
        messages: list[dict[str, Any]],
        reply: Any,
        error: str | None = None,
    ) -> None:
        """Write one attempt to the trace."""
        self.trace.write(
            {
                "event": "attempt",
                "problem_id": problem_id,
                "turn": attempt.turn,
                "model": self.config.model,
                "messages": messages,
                "reply": _assistant_entry(reply) if reply is not None else None,
                "scene": attempt.scene,
                "outcome": attempt.outcome.to_json() if attempt.outcome is not None else None,
                "problem": attempt.problem,
                "feedback": attempt.feedback,
                "error": error,
                "usage": attempt.usage,
                "model_s": attempt.model_s,
                "compile_s": attempt.compile_s,
                "finish_reason": attempt.finish_reason,
                "confirmed": attempt.confirmed,
            }
        )

    def _finish(self, problem_id: str, result: AgentResult) -> AgentResult:
        """Write the closing trace record and return the result."""
        self.trace.write(
            {
                "event": "result",
                "problem_id": problem_id,
                "ok": result.ok,
                "stop_reason": result.stop_reason,
                "turns": len(result.attempts),
                "usage": result.usage,
                "error": result.error,
                "report": result.report(),
            }
        )
        return result


def parse_scene_argument(arguments: Any, *, want_json: bool) -> tuple[Scene | None, str]:
    """The `scene` argument of a tool call, or None and the reason it is unusable."""
    if isinstance(arguments, dict):  # some servers send the arguments decoded already
        arguments = json.dumps(arguments)
    if not isinstance(arguments, str | None):
        return None, "the arguments are not a JSON object"
    try:
        data = json.loads(arguments or "")
    except (json.JSONDecodeError, RecursionError) as exc:
        return None, f"the arguments are not valid JSON ({_json_error(exc)})"
    if not isinstance(data, dict) or "scene" not in data:
        return None, "the arguments have no `scene` field"
    scene = data["scene"]
    if want_json:
        if isinstance(scene, str):
            return parse_scene_argument(
                json.dumps({"scene": _loads_or_none(scene)}), want_json=True
            )
        return (scene, "") if isinstance(scene, dict) else (None, "`scene` must be a JSON object")
    if not isinstance(scene, str) or not scene.strip():
        return None, "`scene` must be a non-empty string with the scene text"
    return scene, ""


def _loads_or_none(text: str) -> Any:
    """Decode JSON text, or None when it is not JSON."""
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


def _json_error(exc: Exception) -> str:
    """Position and reason of a JSON decoding error."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}, col {exc.colno}"
    return "nested too deeply"


def _assistant_entry(reply: Any) -> dict[str, Any]:
    """The assistant message as a plain dict to send back in the history."""
    calls = getattr(reply, "tool_calls", None) or []
    content = getattr(reply, "content", None)
    # Some endpoints refuse an assistant message with neither content nor tool calls.
    entry: dict[str, Any] = {"role": "assistant", "content": content if content or calls else ""}
    if calls:
        entry["tool_calls"] = [
            {
                "id": c.id,
                "type": "function",
                "function": {"name": c.function.name, "arguments": _as_text(c.function.arguments)},
            }
            for c in calls
            if _is_function_call(c)
        ]
    return entry


def _as_text(arguments: Any) -> str:
    """Tool-call arguments as the JSON text the chat API expects in the history."""
    if isinstance(arguments, str):
        return arguments
    return json.dumps(arguments, default=str) if arguments is not None else ""


def _is_function_call(call: Any) -> bool:
    """A function tool call; some servers leave out `type`, so a named function is enough."""
    function = getattr(call, "function", None)
    return getattr(call, "type", None) in ("function", None) and bool(
        getattr(function, "name", None)
    )


def _usage(response: Any) -> dict[str, int]:
    """Token counts from a completion, when the endpoint reports them."""
    usage = getattr(response, "usage", None)
    if usage is None:
        return {}
    keys = ("prompt_tokens", "completion_tokens", "total_tokens")
    return {k: int(getattr(usage, k)) for k in keys if isinstance(getattr(usage, k, None), int)}


def _tool_name(tool: Mapping[str, Any]) -> str:
    """Name of an OpenAI-style function tool."""
    return str(tool.get("function", {}).get("name", ""))
