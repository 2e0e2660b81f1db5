"""Parse chemical formulas such as ``Ca(OH)2``, ``CuSO4·5H2O``, ``Fe^3+``, ``SO4^2-(aq)``."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scidsl import limits

from .elements import close_symbols, is_element
from .issues import ChemError, ChemIssue

MAX_FORMULA_LENGTH = 500
MAX_COUNT_DIGITS = 6
MAX_GROUP_DEPTH = 16
STATES: tuple[str, ...] = ("aq", "s", "l", "g")
HYDRATE_DOTS = "·•∙⋅.*"
_SUB_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SUP_CHARS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_MINUS_SIGNS = "−–"
UNKNOWN = "?"  # the species a problem asks for


@dataclass(frozen=True)
class Formula:
    """A parsed formula: element counts, net charge, physical state and display tokens."""

    text: str
    counts: dict[str, int]
    charge: int = 0
    state: str | None = None
    tokens: tuple[tuple[str, str], ...] = field(default=())  # (kind, text); kind in sym/sub/dot/sup

    @property
    def unknown(self) -> bool:
        """True for the species the problem asks for, written ``?``."""
        return self.text == UNKNOWN

    def hill(self) -> str:
        """Return the formula in Hill order (C, H, then alphabetical), without charge."""
        return hill_formula(self.counts)

    def mathtext(self) -> str:
        """Return a Matplotlib mathtext rendering with subscripts, charge and state."""
        return formula_mathtext(self)


def hill_formula(counts: dict[str, int]) -> str:
    """Return ``counts`` written in Hill order."""
    keys = sorted(counts)
    if "C" in counts:
        keys = ["C"] + (["H"] if "H" in counts else []) + [k for k in keys if k not in ("C", "H")]
    return "".join(k + (str(counts[k]) if counts[k] != 1 else "") for k in keys if counts[k])


def charge_text(charge: int) -> str:
    """Return a charge as written in a superscript: ``+``, ``2-``, ``3+``."""
    if charge == 0:
        return ""
    sign = "+" if charge > 0 else "-"
    return (str(abs(charge)) if abs(charge) != 1 else "") + sign


def formula_mathtext(f: Formula) -> str:
    """Return ``f`` as mathtext: digits as subscripts, charge as superscript."""
    out: list[str] = []
    for kind, text in f.tokens:
        if kind == "sub":
            out.append(f"$_{{{text}}}$")
        elif kind == "dot":
            out.append("·")
        else:
            out.append(text)
    if f.charge:
        # braces keep mathtext from spacing the sign like a binary operator ("3 +")
        sign = charge_text(f.charge).replace("-", "{−}").replace("+", "{+}")
        out.append("$^{" + sign + "}$")
    if f.state:
        out.append(f"({f.state})")
    return "".join(out).replace("$$", "")


class _Scanner:
    """Recursive-descent scanner over one formula string (depth-capped)."""

    def __init__(self, text: str) -> None:
        self.text = text.translate(_SUB_DIGITS)
        self.pos = 0
        self.tokens: list[tuple[str, str]] = []

    def peek(self, k: int = 0) -> str:
        i = self.pos + k
        return self.text[i] if i < len(self.text) else ""

    def fail(self, message: str, offset: int | None = None, length: int = 1,
             hint: str | None = None, code: str = "E3010") -> ChemError:
        at = self.pos if offset is None else offset
        return ChemError([ChemIssue(code, message, at, max(1, length), hint=hint)])

    def count(self) -> int:
        start = self.pos
        while self.peek().isdigit() and self.peek().isascii():
            self.pos += 1
        digits = self.text[start:self.pos]
        if not digits:
            return 1
        if len(digits) > MAX_COUNT_DIGITS:
            raise self.fail(f"count '{digits}' is too large", start, len(digits))
        if int(digits) == 0:
            raise self.fail("a count of 0 is not allowed", start, len(digits))
        self.tokens.append(("sub", digits))
        return int(digits)

    def element(self) -> Counter:
        start = self.pos
        sym = self.peek()
        self.pos += 1
        if self.peek().islower() and self.peek().isascii():
            sym += self.peek()
            self.pos += 1
        if not is_element(sym):
            prev = self.tokens[-1][1] if self.tokens and self.tokens[-1][0] == "sym" else ""
            joined = prev + sym.lower()
            if len(sym) == 1 and len(prev) == 1 and is_element(joined):
                raise self.fail(f"unknown element '{sym}'", start, 1, f"did you mean {joined}?",
                                code="E3011")
            close = close_symbols(sym)
            hint = f"did you mean {' or '.join(close)}?" if close else "element symbols start " \
                "with a capital letter, e.g. Cl, Na"
            raise self.fail(f"unknown element '{sym}'", start, len(sym), hint, code="E3011")
        self.tokens.append(("sym", sym))
        return Counter({sym: self.count()})

    def group(self, depth: int) -> Counter:
        c = self.peek()
        if c.isupper() and c.isascii():
            return self.element()
        if c in "([":
            close = ")" if c == "(" else "]"
            if depth >= MAX_GROUP_DEPTH:
                raise self.fail("brackets nested too deeply")
            start = self.pos
            self.tokens.append(("sym", c))
            self.pos += 1
            inner = self.sequence(depth + 1)
            if self.peek() != close:
                raise self.fail(f"'{c}' is not closed", start, hint=f"add '{close}'")
            self.tokens.append(("sym", close))
            self.pos += 1
            n = self.count()
            return Counter({k: v * n for k, v in inner.items()})
        raise self.fail(f"unexpected '{c}' in formula" if c else "formula ends too early")

    def sequence(self, depth: int) -> Counter:
        total: Counter = Counter()
        while self.peek() and (self.peek().isupper() or self.peek() in "(["):
            if self.peek() == "(" and self._state_ahead():
                break
            total.update(self.group(depth))
        if not total:
            hint = "element symbols start with a capital letter, e.g. CO2, Na" \
                if self.peek().islower() else None
            raise self.fail("expected an element symbol" if self.peek() else "empty formula",
                            hint=hint)
        return total

    def _state_ahead(self) -> bool:
        rest = self.text[self.pos:]
        return any(rest == f"({s})" for s in STATES)

    def hydrates(self) -> Counter:
        total = self.sequence(0)
        while self.peek() and self.peek() in HYDRATE_DOTS:
            self.tokens.append(("dot", "·"))
            self.pos += 1
            start = self.pos
            while self.peek().isdigit() and self.peek().isascii():
                self.pos += 1
            n = int(self.text[start:self.pos] or "1")
            if self.pos > start:
                self.tokens.append(("sym", self.text[start:self.pos]))
            part = self.sequence(0)
            total.update({k: v * n for k, v in part.items()})
        return total

    def charge(self) -> int:
        if self.peek() == "^":
            self.pos += 1
            return self._charge_body(braced=self.peek() == "{")
        if self.peek() and self.peek() in "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻":
            start = self.pos
            while self.peek() and self.peek() in "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻":
                self.pos += 1
            return self._charge_from(self.text[start:self.pos].translate(_SUP_CHARS), start)
        start = self.pos
        while self.peek() and self.peek() in "+-" + _MINUS_SIGNS:
            self.pos += 1
        body = self.text[start:self.pos]
        return sum(1 if ch == "+" else -1 for ch in body)

    def _charge_body(self, braced: bool) -> int:
        if braced:
            self.pos += 1
        start = self.pos
        while self.peek() and (self.peek().isdigit() or self.peek() in "+-" + _MINUS_SIGNS):
            self.pos += 1
        body = self.text[start:self.pos]
        if braced:
            if self.peek() != "}":
                raise self.fail("charge '{' is not closed", hint="write e.g. SO4^{2-}")
            self.pos += 1
        return self._charge_from(body, start)

    def _charge_from(self, body: str, start: int) -> int:
        for m in _MINUS_SIGNS:
            body = body.replace(m, "-")
        digits = body.strip("+-")
        signs = body.replace(digits, "", 1) if digits else body
        ok = signs in ("+", "-") and (body.startswith(digits) or body.endswith(digits)) \
            and (not digits or (digits.isascii() and digits.isdigit()))
        if not ok or len(digits) > 3:
            raise self.fail(f"cannot read charge '{body}'", start, max(1, len(body)),
                            hint="write the charge like Fe^3+, SO4^2- or Na+")
        n = int(digits) if digits else 1
        if n > limits.MAX_ION_CHARGE:
            raise self.fail(f"a charge of {body} is beyond ±{limits.MAX_ION_CHARGE}", start, max(1, len(body)),
                            hint="ions carry a few charges, like Fe^3+ or PO4^3-", code="E3090")
        return n if signs == "+" else -n

    def state(self) -> str | None:
        if self.peek() == "(" and self._state_ahead():
            s = self.text[self.pos + 1:-1]
            self.pos = len(self.text)
            return s
        return None


def parse_formula(text: str) -> Formula:
    """Parse one species formula; raise ``ChemError`` with located issues when it is malformed."""
    if len(text) > MAX_FORMULA_LENGTH:
        raise ChemError([ChemIssue("E3010", f"formula longer than {MAX_FORMULA_LENGTH} characters",
                                   0, len(text))])
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if stripped in ("e-", "e^-", "e⁻", "e−"):
        return Formula(stripped, {}, -1, None, (("sym", "e"),))
    if stripped == UNKNOWN:
        return Formula(UNKNOWN, {}, 0, None, (("sym", UNKNOWN),))
    sc = _Scanner(stripped)
    try:
        counts = sc.hydrates()
        charge = sc.charge()
        state = sc.state()
        if sc.pos < len(sc.text):
            rest = sc.text[sc.pos:]
            hint = "separate species with ' + ' (spaces around the plus)" if "+" in \
                sc.text[:sc.pos] else "states are (s), (l), (g) or (aq)" if rest.startswith("(") \
                else None
            raise sc.fail(f"unexpected '{rest[0]}' in formula", hint=hint)
    except ChemError as err:
        raise ChemError([i.shifted(lead) for i in err.issues]) from None
    _check_electrons(stripped, dict(counts), charge, lead)
    return Formula(stripped, dict(counts), charge, state, tuple(sc.tokens))


def _check_electrons(text: str, counts: dict, charge: int, lead: int) -> None:
    """A cation cannot lose more electrons than its atoms have."""
    from scidsl.domains.chemistry.elements import ATOMIC_NUMBER

    electrons = sum(ATOMIC_NUMBER.get(sym, 0) * n for sym, n in counts.items())
    if charge > 0 and all(sym in ATOMIC_NUMBER for sym in counts) and charge > electrons:
        raise ChemError([ChemIssue("E3090", f"{text} would have lost {charge} electrons, but its atoms have "
                                   f"only {electrons}", lead, max(1, len(text)), hint="check the charge")])
