"""Validate a SMILES string token by token before RDKit sees it, recording each atom's span."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .elements import close_symbols, is_element
from .issues import ChemIssue

MAX_SMILES_LENGTH = 5000
MAX_ATOMS = 500
MAX_BRANCH_DEPTH = 64

_ORGANIC = ("Cl", "Br", "B", "C", "N", "O", "P", "S", "F", "I", "b", "c", "n", "o", "p", "s", "*")
_AROMATIC_BRACKET = {"b", "c", "n", "o", "p", "s", "se", "as", "te", "si"}
_BRACKET = re.compile(
    r"\[(?P<iso>\d{0,3})(?P<sym>[A-Z][a-z]?|se|as|te|si|[bcnops]|\*)"
    r"(?P<chiral>@(?:@|TH[12]|AL[12]|SP[1-3]|TB\d{1,2}|OH\d{1,2})?)?"
    r"(?P<h>H\d?)?(?P<charge>[+-](?:\d{1,2}|[+-]*))?(?P<cls>:\d{1,4})?\]")
_BONDS = "-=#$:/\\"


@dataclass(frozen=True)
class SmilesAtom:
    """One atom as written in the SMILES string (index = RDKit atom index)."""

    symbol: str
    offset: int
    length: int


def _issue(code: str, message: str, at: int, length: int = 1, hint: str | None = None) -> ChemIssue:
    return ChemIssue(code, message, at, max(1, length), hint=hint)


def _bracket(text: str, at: int) -> tuple[SmilesAtom | None, int, ChemIssue | None]:
    end = text.find("]", at)
    if end < 0:
        return None, len(text), _issue("E3001", "'[' is not closed", at, hint="add ']'")
    m = _BRACKET.fullmatch(text, at, end + 1)
    if m is None:
        return None, end + 1, _issue("E3001", f"cannot read bracket atom '{text[at:end + 1]}'",
                                     at, end + 1 - at, "write e.g. [NH4+], [13CH3], [C@@H], [Fe+3]")
    sym = m.group("sym")
    if sym != "*" and sym not in _AROMATIC_BRACKET and not is_element(sym):
        close = close_symbols(sym)
        return None, end + 1, _issue("E3006", f"unknown element '{sym}'", m.start("sym"), len(sym),
                                     f"did you mean {' or '.join(close)}?" if close else None)
    return SmilesAtom(sym, at, end + 1 - at), end + 1, None


def _ring_label(text: str, i: int) -> tuple[str | None, int]:
    if text[i].isascii() and text[i].isdigit():
        return text[i], i + 1
    pair = text[i + 1:i + 3]
    if text[i] == "%" and pair.isascii() and pair.isdigit() and len(pair) == 2:
        return text[i:i + 3], i + 3
    return None, i


class _Walker:
    """State of one pass over the string."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.atoms: list[SmilesAtom] = []
        self.issues: list[ChemIssue] = []
        self.branches: list[int] = []
        self.rings: dict[str, int] = {}
        self.prev_atom = False
        self.pending_bond: int | None = None

    def step(self, i: int) -> int:
        t, ch = self.text, self.text[i]
        if ch == "[":
            atom, nxt, issue = _bracket(t, i)
            return self._atom(atom, nxt, issue)
        two = t[i:i + 2]
        if len(two) == 2 and two not in ("Cl", "Br") and is_element(two) and two[1] not in "bcnops":
            return self._junk(two, i)
        for sym in _ORGANIC:
            if t.startswith(sym, i):
                return self._atom(SmilesAtom(sym, i, len(sym)), i + len(sym), None)
        label, nxt = _ring_label(t, i)
        if label is not None:
            return self._ring(label, i, nxt)
        return self._punct(ch, i)

    def _atom(self, atom: SmilesAtom | None, nxt: int, issue: ChemIssue | None) -> int:
        if issue:
            self.issues.append(issue)
        if atom:
            self.atoms.append(atom)
        self.prev_atom, self.pending_bond = True, None
        return nxt

    def _ring(self, label: str, i: int, nxt: int) -> int:
        if not self.prev_atom:
            self.issues.append(_issue("E3001", f"ring-closure digit '{label}' must follow an atom", i))
        elif label in self.rings:
            del self.rings[label]
        else:
            self.rings[label] = i
        self.pending_bond = None
        return nxt

    def _punct(self, ch: str, i: int) -> int:
        if ch in _BONDS:
            if not self.prev_atom or self.pending_bond is not None:
                self.issues.append(_issue("E3001", f"bond '{ch}' must sit between two atoms", i))
            self.pending_bond = i
            return i + 1
        if ch == "(":
            if not self.prev_atom:
                self.issues.append(_issue("E3008", "branch '(' must follow an atom", i))
            if len(self.branches) >= MAX_BRANCH_DEPTH:
                self.issues.append(_issue("E3008", "branches nested too deeply", i))
                return len(self.text)
            self.branches.append(i)
            return i + 1
        if ch == ")":
            if not self.branches:
                self.issues.append(_issue("E3008", "')' has no matching '('", i))
            else:
                self.branches.pop()
            return i + 1
        if ch == ".":
            self.prev_atom = False
            return i + 1
        return self._junk(ch, i)

    def _junk(self, ch: str, i: int) -> int:
        if ch.isspace():
            self.issues.append(_issue("E3001", "SMILES may not contain spaces", i,
                                      len(self.text) - i, "one molecule per SMILES string; "
                                      "use '.' to separate disconnected parts"))
            return len(self.text)
        word = re.match(r"[A-Z][a-z]?|[a-z]", self.text[i:])
        if word and is_element(word.group()):
            sym = word.group()
            self.issues.append(_issue("E3006", f"element '{sym}' must be written in brackets",
                                      i, len(sym), f"write [{sym}] (with its charge, e.g. [{sym}+])"))
            return self._atom(SmilesAtom(sym, i, len(sym)), i + len(sym), None)
        if word:
            sym = word.group()
            close = [s for s in close_symbols(sym) if s in _ORGANIC]
            hint = f"did you mean {close[0]}?" if close else \
                "atoms outside B C N O P S F Cl Br I need brackets, e.g. [Na+], [Si]"
            self.issues.append(_issue("E3006", f"unknown element '{sym}'", i, len(sym), hint))
            return i + len(sym)
        self.issues.append(_issue("E3001", f"unexpected character '{ch}' in SMILES", i))
        return i + 1


def scan_smiles(text: str) -> tuple[list[SmilesAtom], list[ChemIssue]]:
    """Return the atoms of ``text`` in RDKit order with their spans, and syntax issues."""
    if not text.strip():
        return [], [_issue("E3002", "SMILES is empty", 0, hint="e.g. smiles: \"CCO\" for ethanol")]
    if len(text) > MAX_SMILES_LENGTH:
        return [], [_issue("E3003", f"SMILES longer than {MAX_SMILES_LENGTH} characters", 0,
                           len(text))]
    w = _Walker(text)
    i = 0
    while i < len(text) and len(w.atoms) <= MAX_ATOMS:
        i = w.step(i)
    return w.atoms, _final_issues(w, text)


def _final_issues(w: _Walker, text: str) -> list[ChemIssue]:
    issues = list(w.issues)
    if len(w.atoms) > MAX_ATOMS:
        issues.append(_issue("E3003", f"molecule has more than {MAX_ATOMS} atoms (limit "
                             f"{MAX_ATOMS})", 0, len(text), "draw a smaller fragment"))
        return issues
    if w.pending_bond is not None and not any(x.offset == w.pending_bond for x in issues):
        issues.append(_issue("E3001", "SMILES ends with a bond", w.pending_bond))
    for at in w.branches:
        issues.append(_issue("E3008", "'(' is not closed", at, hint="add ')'"))
    for label, at in w.rings.items():
        issues.append(_issue("E3007", f"ring bond {label} is opened but never closed", at,
                             len(label), f"close the ring with a second '{label}'"))
    if not w.atoms and not issues:
        issues.append(_issue("E3002", "SMILES has no atoms", 0, len(text)))
    return issues
