"""Plain problem records produced by the chemistry algorithms before they become diagnostics."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChemIssue:
    """One problem found in a formula, SMILES string, molecule or equation.

    ``offset``/``length`` locate the problem inside the source string (0-based, characters);
    ``atom`` is the RDKit atom index when the problem belongs to one atom.
    """

    code: str
    message: str
    offset: int | None = None
    length: int = 1
    atom: int | None = None
    hint: str | None = None
    severity: str = "error"

    def shifted(self, by: int) -> ChemIssue:
        """Return the same issue with its offset moved by ``by`` characters."""
        if self.offset is None:
            return self
        return ChemIssue(self.code, self.message, self.offset + by, self.length, self.atom,
                         self.hint, self.severity)


class ChemError(Exception):
    """Raised inside the chemistry algorithms to carry a list of issues out of a deep call."""

    def __init__(self, issues: list[ChemIssue]) -> None:
        super().__init__("; ".join(i.message for i in issues))
        self.issues = issues
