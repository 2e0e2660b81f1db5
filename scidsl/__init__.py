"""scidsl: a compiler from a typed scene language to verified scientific figures.

    >>> import scidsl
    >>> result = scidsl.compile('scene "T"\\n')
    >>> result.ok
    True
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from scidsl.pipeline import Result


def compile(source: "str | bytes | dict | list", filename: str = "<scene>", *, verify: bool = True,
            dpi: "float | None" = None) -> "Result":  # noqa: A001
    """Compile a scene (text, bytes or JSON object) into a verified figure; see scidsl.pipeline.Result."""
    from scidsl.pipeline import compile as _compile

    return _compile(source, filename, verify=verify, dpi=dpi)


def __getattr__(name: str) -> Any:
    if name in ("Result", "Fact", "CompileOptions"):
        from scidsl import pipeline

        return getattr(pipeline, name)
    if name in ("Diagnostic", "ScidslError", "Span"):
        from scidsl import diagnostics

        return getattr(diagnostics, name)
    raise AttributeError(name)
