"""Problem records produced by the circuit checks (turned into core diagnostics later)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Issue:
    """One problem: stable code, message, the part it concerns and the statement it comes from."""

    code: str
    message: str
    part: str | None = None
    origin: object = None  # opaque handle (e.g. a source span) of the statement at fault
    hint: str | None = None
    severity: Literal["error", "warning"] = "error"

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity == "error"
