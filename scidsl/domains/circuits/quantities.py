"""Values with units for circuit parts: parsing of unit names, exact SI values, textbook labels."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .parts import UNIT_NAMES, UNIT_SYMBOLS

PREFIXES: dict[str, int] = {"p": -12, "n": -9, "u": -6, "µ": -6, "μ": -6, "m": -3, "": 0,
                            "k": 3, "M": 6, "G": 9}
PREFIX_SYMBOLS: dict[str, str] = {"u": "μ", "µ": "μ"}


@dataclass(frozen=True)
class Quantity:
    """A number with a unit as written, e.g. 3 uF (number=3, unit="uF")."""

    number: Fraction
    unit: str
    text: str | None = None  # the number as the author wrote it ("5.0"), for labels

    @property
    def base(self) -> str | None:
        """Base unit ("F" for "uF"), or None if the unit is not a known electrical unit."""
        split = split_unit(self.unit)
        return split[1] if split else None

    @property
    def si(self) -> Fraction:
        """Exact value in the base unit."""
        split = split_unit(self.unit)
        exponent = PREFIXES[split[0]] if split else 0
        return self.number * Fraction(10) ** exponent


def split_unit(unit: str) -> tuple[str, str] | None:
    """Split "kohm" into ("k", "ohm"); None for units this domain does not know."""
    if unit in UNIT_NAMES:
        return "", UNIT_NAMES[unit]
    if len(unit) > 1 and unit[0] in PREFIXES and unit[1:] in UNIT_NAMES:
        return unit[0], UNIT_NAMES[unit[1:]]
    return None


def quantity(number: float | int | str | Fraction, unit: str) -> Quantity:
    """Build a Quantity from a number (kept exact when given as text or int) and a unit."""
    text = number if isinstance(number, str) else None
    if isinstance(number, float):
        value = Fraction(str(number))
    else:
        value = Fraction(number)
    return Quantity(value, unit, text)


def format_number(q: Quantity) -> str:
    """The number as the author wrote it, else its shortest exact decimal form."""
    if q.text is not None:
        return q.text
    if q.number.denominator == 1:
        return str(q.number.numerator)
    return f"{float(q.number):g}"


def format_quantity(q: Quantity) -> str:
    """Textbook form of a value: "4 Ω", "3 μF", "12 V"."""
    split = split_unit(q.unit)
    if split is None:
        return f"{format_number(q)} {q.unit}"
    prefix, base = split
    return f"{format_number(q)} {PREFIX_SYMBOLS.get(prefix, prefix)}{UNIT_SYMBOLS[base]}"


def subscript_name(name: str) -> str:
    """Label symbol for a part name in mathtext: "R1" → "$R_{1}$", "Vbat" → "$V_{bat}$"."""
    head, rest = name[:1], name[1:].lstrip("_")
    if not head.isalpha() or not all(c.isalnum() or c in "_'" for c in name):
        return name
    return f"${head}_{{{rest}}}$" if rest else f"${head}$"
