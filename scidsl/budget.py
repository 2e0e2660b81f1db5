"""A compile budget for the command line and servers: the compile runs in a child process with a time
limit and a memory limit (resident size watched; data segment capped where the platform allows)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl import limits
from scidsl.diagnostics import Diagnostic, Span, error


@dataclass
class Compiled:
    """A compile's plain results: diagnostics, facts as data, the source text and the encoded figure."""

    file: str
    source: Optional[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    image: Optional[bytes] = None

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not any(d.is_error for d in self.diagnostics)

    def to_dict(self) -> dict:
        """Diagnostics and facts as plain data (the shape of `Result.to_dict`)."""
        return {"ok": self.ok, "diagnostics": [d.to_dict() for d in self.diagnostics], "facts": self.facts}


def compile_plain(source: bytes, filename: str, verify: bool = True, dpi: Optional[float] = None,
                  fmt: Optional[str] = None) -> dict:
    """Compile (and encode when `fmt` is given) in this process; return plain data only."""
    from scidsl.pipeline import CompileOptions, compile_scene

    result = compile_scene(source, filename, CompileOptions(verify=verify, dpi=dpi))
    image = None
    if fmt and result.ok:
        try:
            image = result.to_bytes(fmt, dpi)
        except MemoryError:
            result.diagnostics.append(_over_budget(filename, "encoding the figure ran out of memory"))
    return {"diagnostics": [d.to_dict() for d in result.diagnostics], "source": result.source,
            "facts": [f.to_dict() for f in result.facts], "image": image}


def compile_budgeted(source: bytes, filename: str, *, verify: bool = True, dpi: Optional[float] = None,
                     fmt: Optional[str] = None, seconds: float = limits.COMPILE_SECONDS,
                     memory: int = limits.COMPILE_BYTES) -> Compiled:
    """Compile within `seconds` and `memory` (in a child process); seconds <= 0 compiles here without a budget."""
    if seconds <= 0:
        return _compiled(filename, compile_plain(source, filename, verify, dpi, fmt))
    from scidsl.worker import run_isolated

    status, value = run_isolated(_capped, (memory, source, filename, verify, dpi, fmt), seconds, memory)
    if status == "ok":
        return _compiled(filename, value)
    why = {"timeout": f"compiling took longer than the {seconds:g} s budget",
           "memory": f"compiling needed more than the {memory / 2**20:g} MiB memory budget",
           "crashed": f"the compiler process crashed ({value})",
           "error": f"the compiler process failed ({value})"}[status]
    text = source.decode("utf-8", errors="replace") if isinstance(source, bytes) else None
    return Compiled(filename, text, [_over_budget(filename, why, "--memory" if status == "memory" else "--budget")])


def _capped(memory: int, *args: Any) -> dict:
    """compile_plain under a data-segment limit, so that a runaway allocation fails fast as MemoryError."""
    try:
        import resource

        limit = memory + (1 << 30)  # slack: libraries map more than they keep resident
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ImportError, ValueError, OSError, AttributeError):
        pass  # the resident-size watch of the parent still applies
    return compile_plain(*args)


def _over_budget(filename: str, why: str, option: str = "--memory") -> Diagnostic:
    return error("E0909", why, Span(filename, 1, 1, 1, 2), f"simplify the scene, or raise {option}")


def _compiled(filename: str, data: dict) -> Compiled:
    return Compiled(filename, data["source"], [diagnostic_from_dict(d) for d in data["diagnostics"]],
                    data["facts"], data["image"])


def diagnostic_from_dict(d: dict) -> Diagnostic:
    """The inverse of `Diagnostic.to_dict`."""
    def span(s: Optional[dict]) -> Optional[Span]:
        return Span(s["file"], s["line"], s["col"], s["end_line"], s["end_col"]) if s else None

    related = tuple((span(r["span"]), r["note"]) for r in d.get("related", ()) if r.get("span"))
    return Diagnostic(d["code"], d["message"], span(d.get("span")), d.get("hint"), d.get("severity", "error"),
                      related)  # type: ignore[arg-type]
