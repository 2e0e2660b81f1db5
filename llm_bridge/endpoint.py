"""Building the `openai` client for any OpenAI-compatible endpoint."""

from __future__ import annotations

import os
from typing import Any

from .retry import RetryPolicy

DEFAULT_KEY_ENV = "OPENAI_API_KEY"
# Local servers (llama.cpp, vLLM, Ollama) accept any key; the client still insists on one.
PLACEHOLDER_KEY = "no-key"


class EndpointConfigError(ValueError):
    """The endpoint settings are incomplete (e.g. no API key for the public API)."""


def resolve_api_key(api_key_env: str = DEFAULT_KEY_ENV, base_url: str | None = None) -> str:
    """The API key from the named environment variable; a placeholder for a custom base URL."""
    key = os.environ.get(api_key_env, "").strip()
    if key:
        return key
    if base_url:
        return PLACEHOLDER_KEY
    msg = f"no API key: set {api_key_env} (or name another variable with --api-key-env), or pass --base-url"
    raise EndpointConfigError(msg)


def make_client(
    base_url: str | None = None,
    api_key_env: str = DEFAULT_KEY_ENV,
    policy: RetryPolicy | None = None,
) -> Any:
    """An `openai.OpenAI` client; retries are ours (see `retry.py`), so the client's own are off."""
    import openai  # imported here so `scidsl` starts without loading the HTTP stack

    policy = policy or RetryPolicy()
    return openai.OpenAI(
        api_key=resolve_api_key(api_key_env, base_url),
        base_url=base_url or None,
        timeout=policy.timeout_s,
        max_retries=0,
    )


def describe_endpoint(base_url: str | None) -> str:
    """How messages name the endpoint: its URL, or the public API."""
    return f"the model endpoint at {base_url}" if base_url else "the OpenAI API"
