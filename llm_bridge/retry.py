"""Calling a chat endpoint with time-outs, bounded retries with backoff, and clear endpoint errors."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import openai

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait for one call and how to retry 429, 5xx, time-outs and refused connections."""

    timeout_s: float = 120.0
    max_retries: int = 4
    base_delay_s: float = 1.0
    max_delay_s: float = 30.0
    jitter: float = 0.25

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `attempt` (1-based): Retry-After if given, else exponential."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_delay_s)
        base = min(self.base_delay_s * 2 ** (attempt - 1), self.max_delay_s)
        return base * (1 + self.jitter * random.random())


class EndpointError(RuntimeError):
    """The model endpoint could not give an answer; the message says why and where."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.retryable = retryable


def call_with_retry(
    call: Callable[[], T],
    policy: RetryPolicy,
    *,
    where: str = "the model endpoint",
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[int, EndpointError, float], None] | None = None,
) -> T:
    """Run `call`, retrying retryable endpoint failures with backoff; raise `EndpointError` at the end."""
    attempt = 0
    while True:
        try:
            return call()
        except openai.APIError as exc:
            err, retry_after = classify(exc, where)
        except (openai.OpenAIError, ValueError) as exc:
            # A body that is not the promised JSON (a proxy's HTML page, a cut stream).
            text = f"{where} sent an unusable response: {_short(str(exc))}"
            raise EndpointError(text) from None
        attempt += 1
        if not err.retryable or attempt > policy.max_retries:
            if err.retryable:
                raise EndpointError(
                    f"{err} (gave up after {attempt} attempts)", status=err.status
                ) from None
            raise err from None
        wait = policy.delay(attempt, retry_after)
        if on_retry is not None:
            on_retry(attempt, err, wait)
        sleep(wait)


def classify(exc: openai.APIError, where: str) -> tuple[EndpointError, float | None]:
    """Map an `openai` exception to an `EndpointError` saying whether a retry may help."""
    if isinstance(exc, openai.APITimeoutError):
        return EndpointError(f"{where} did not answer in time", retryable=True), None
    if isinstance(exc, openai.APIConnectionError):
        cause = _root_cause(exc)
        return EndpointError(f"cannot reach {where}: {cause}", retryable=True), None
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        retryable = status == 429 or status >= 500
        text = f"{where} answered HTTP {status}: {_short(_server_message(exc))}"
        if status in (401, 403):
            text += " (check the API key)"
        elif status == 404:
            text += " (check --base-url and --model)"
        return EndpointError(text, status=status, retryable=retryable), _retry_after(exc)
    return EndpointError(f"{where} sent an unusable response: {_short(str(exc))}"), None


def _server_message(exc: openai.APIStatusError) -> str:
    """The error text the server sent, without the client's 'Error code: N -' prefix."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        if isinstance(inner.get("message"), str) and inner["message"]:
            return inner["message"]
    return exc.message


def _retry_after(exc: openai.APIStatusError) -> float | None:
    """The Retry-After header in seconds, when the server sent a number."""
    value = exc.response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _root_cause(exc: BaseException) -> str:
    """The innermost cause's message, e.g. 'Connection refused'."""
    seen = exc
    for _ in range(10):  # cause chains are short; bound the walk anyway
        if seen.__cause__ is None:
            break
        seen = seen.__cause__
    text = str(seen) or type(seen).__name__
    return _short(text)


def _short(text: str, limit: int = 300) -> str:
    """Collapse whitespace and cut long server messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
