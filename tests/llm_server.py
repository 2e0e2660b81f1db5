"""A scripted OpenAI-compatible chat server on 127.0.0.1 for the bridge's tests.

Each POST to /v1/chat/completions takes the next step of a script and answers with it; every
request body is kept so tests can assert what the model would have been sent.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Step:
    """One scripted answer: an HTTP status, headers and a JSON body, after an optional delay."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    raw: bytes | None = None


def tool_call(
    name: str, arguments: str | dict[str, Any], content: str | None = None, call_id: str = "call_1"
) -> Step:
    """A completion whose assistant message calls one function tool."""
    args = arguments if isinstance(arguments, str) else json.dumps(arguments)
    message = {
        "role": "assistant",
        "content": content,
        "tool_calls": [
            {"id": call_id, "type": "function", "function": {"name": name, "arguments": args}}
        ],
    }
    return Step(body=_completion(message, "tool_calls"))


def scene_call(scene: str, content: str | None = "Given: ... Plan: ...") -> Step:
    """A completion calling compile_scene with `scene`."""
    return tool_call("compile_scene", {"scene": scene}, content)


def text_reply(content: str) -> Step:
    """A completion with plain assistant text and no tool call."""
    return Step(body=_completion({"role": "assistant", "content": content}, "stop"))


def http_error(status: int, message: str = "error", retry_after: str | None = None) -> Step:
    """An OpenAI-style error answer with the given status."""
    headers = {"retry-after": retry_after} if retry_after is not None else {}
    return Step(
        status=status,
        body={"error": {"message": message, "type": "scripted", "code": None}},
        headers=headers,
    )


def _completion(message: dict[str, Any], finish: str) -> dict[str, Any]:
    """A chat.completion object around one assistant message."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "scripted",
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


class ScriptedServer:
    """Context manager running the scripted server on an ephemeral loopback port."""

    def __init__(self, steps: Iterable[Step]) -> None:
        self.steps = list(steps)
        self.requests: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        """Base URL to hand to the `openai` client."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def next_step(self, path: str, body: dict[str, Any]) -> Step:
        """Record a request and return the step that answers it."""
        with self._lock:
            self.paths.append(path)
            self.requests.append(body)
            if not self.steps:
                return http_error(
                    500, "script exhausted: the client sent more requests than scripted"
                )
            return self.steps.pop(0)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("content-length", "0"))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {"_unparsed": raw.decode("utf-8", "replace")}
                step = server.next_step(self.path, body)
                if step.delay_s:
                    time.sleep(step.delay_s)
                payload = step.raw if step.raw is not None else json.dumps(step.body).encode()
                try:
                    self.send_response(step.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for key, value in step.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (time-out test); nothing to answer

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass  # keep test output clean

        return Handler


def unused_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
