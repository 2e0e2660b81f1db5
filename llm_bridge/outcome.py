"""The compile outcome the bridge works with: a plain, model-friendly view of a compile result."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

DiagnosticDict = dict[str, Any]


@dataclass(frozen=True)
class CompileOutcome:
    """What compiling one scene produced: success flag, diagnostics, facts and the figure."""

    ok: bool
    diagnostics: tuple[DiagnosticDict, ...] = ()
    facts: tuple[str, ...] = ()
    source: str = ""
    fact_data: tuple[dict[str, Any], ...] = field(default=(), compare=False)  # with `hidden`, for the givens check
    png: bytes | None = None
    save: Callable[[str], None] | None = field(default=None, compare=False)

    @property
    def errors(self) -> tuple[DiagnosticDict, ...]:
        """Diagnostics with severity error."""
        return tuple(d for d in self.diagnostics if d.get("severity", "error") == "error")

    @property
    def warnings(self) -> tuple[DiagnosticDict, ...]:
        """Diagnostics with severity warning."""
        return tuple(d for d in self.diagnostics if d.get("severity") == "warning")

    def to_json(self) -> dict[str, Any]:
        """Plain JSON form (no figure bytes) for traces and tool results."""
        return {
            "ok": self.ok,
            "diagnostics": [dict(d) for d in self.diagnostics],
            "facts": list(self.facts),
        }


def to_outcome(value: CompileOutcome | Mapping[str, Any], source: str = "") -> CompileOutcome:
    """Accept a `CompileOutcome` or a result-like dict and return a `CompileOutcome`."""
    if isinstance(value, CompileOutcome):
        return value
    diagnostics = tuple(_normalise_diagnostic(d) for d in value.get("diagnostics", ()))
    has_error = any(d.get("severity", "error") == "error" for d in diagnostics)
    return CompileOutcome(
        ok=bool(value.get("ok", not has_error)),
        diagnostics=diagnostics,
        facts=tuple(str(f.get("text", f)) if isinstance(f, Mapping) else str(f) for f in value.get("facts", ())),
        fact_data=tuple(dict(f) for f in value.get("facts", ()) if isinstance(f, Mapping)),
        source=str(value.get("source", source)),
        png=value.get("png"),
        save=value.get("save"),
    )


def _normalise_diagnostic(diag: Mapping[str, Any]) -> DiagnosticDict:
    """Copy a diagnostic dict (flat or with a nested `span`), keeping only plain JSON values."""
    out: DiagnosticDict = {
        "code": str(diag.get("code", "E0000")),
        "message": str(diag.get("message", "")),
    }
    out["severity"] = str(diag.get("severity", "error"))
    out.update(_place(diag))
    for key in ("hint", "path"):
        if diag.get(key) is not None:
            out[key] = str(diag[key])
    related = [
        {**_place(r), "note": str(r.get("note", r.get("message", "")))}
        for r in diag.get("related") or ()
    ]
    if related:
        out["related"] = related
    return out


def _place(item: Mapping[str, Any]) -> DiagnosticDict:
    """line/col/end_line/end_col (and file) from a flat dict or its nested `span`."""
    span = item.get("span") if isinstance(item.get("span"), Mapping) else item
    out: DiagnosticDict = {
        k: span[k] for k in ("line", "col", "end_line", "end_col") if isinstance(span.get(k), int)
    }
    if isinstance(span.get("file"), str):
        out["file"] = span["file"]
    return out


def safe_compile(fn: Callable[[Any], Any], scene: Any, source: str = "") -> CompileOutcome:
    """Call a compile function; a crash inside it becomes an E0999 diagnostic, never a traceback."""
    try:
        return to_outcome(fn(scene), source=source)
    except Exception as exc:  # noqa: BLE001 - the model gets a diagnostic, the loop goes on
        message = f"internal error: {type(exc).__name__}: {str(exc)[:300]}"
        diag = {"code": "E0999", "severity": "error", "message": message}
        return CompileOutcome(ok=False, diagnostics=(diag,), source=source)
