"""Units and dimensions: SI and the usual textbook units, checked without any heavy library."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Dimension exponents over (length, mass, time, current, temperature, amount, luminosity, angle).
Dim = tuple[int, int, int, int, int, int, int, int]
_BASES = ("m", "kg", "s", "A", "K", "mol", "cd", "rad")


def _d(**exps: int) -> Dim:
    return tuple(exps.get(b, 0) for b in _BASES)  # type: ignore[return-value]


DIMENSIONS: dict[str, Dim] = {
    "dimensionless": _d(),
    "length": _d(m=1),
    "area": _d(m=2),
    "volume": _d(m=3),
    "mass": _d(kg=1),
    "time": _d(s=1),
    "frequency": _d(s=-1),
    "angle": _d(rad=1),
    "velocity": _d(m=1, s=-1),
    "acceleration": _d(m=1, s=-2),
    "force": _d(kg=1, m=1, s=-2),
    "energy": _d(kg=1, m=2, s=-2),
    "power": _d(kg=1, m=2, s=-3),
    "pressure": _d(kg=1, m=-1, s=-2),
    "charge": _d(A=1, s=1),
    "current": _d(A=1),
    "voltage": _d(kg=1, m=2, s=-3, A=-1),
    "resistance": _d(kg=1, m=2, s=-3, A=-2),
    "capacitance": _d(kg=-1, m=-2, s=4, A=2),
    "inductance": _d(kg=1, m=2, s=-2, A=-2),
    "magnetic_field": _d(kg=1, s=-2, A=-1),
    "temperature": _d(K=1),
    "amount": _d(mol=1),
    "concentration": _d(mol=1, m=-3),
    "molar_mass": _d(kg=1, mol=-1),
    "density": _d(kg=1, m=-3),
    "linear_density": _d(kg=1, m=-1),
}

_DIM_NAME = {v: k for k, v in DIMENSIONS.items()}

# name -> (factor to SI, dimension name)
_BASE_UNITS: dict[str, tuple[float, str]] = {
    "m": (1.0, "length"), "g": (1e-3, "mass"), "s": (1.0, "time"), "A": (1.0, "current"),
    "K": (1.0, "temperature"), "mol": (1.0, "amount"), "N": (1.0, "force"), "J": (1.0, "energy"),
    "W": (1.0, "power"), "Pa": (1.0, "pressure"), "V": (1.0, "voltage"), "ohm": (1.0, "resistance"),
    "Ω": (1.0, "resistance"), "F": (1.0, "capacitance"), "H": (1.0, "inductance"),
    "T": (1.0, "magnetic_field"), "C": (1.0, "charge"), "Hz": (1.0, "frequency"),
    "L": (1e-3, "volume"), "eV": (1.602176634e-19, "energy"),
}
_PREFIXES = {"G": 1e9, "M": 1e6, "k": 1e3, "c": 1e-2, "m": 1e-3, "u": 1e-6, "µ": 1e-6, "μ": 1e-6,
             "n": 1e-9, "p": 1e-12}
_PREFIXABLE = {"m", "g", "s", "A", "N", "J", "W", "Pa", "V", "ohm", "Ω", "F", "H", "T", "C", "Hz",
               "L", "eV", "mol", "K"}
_OTHER_UNITS: dict[str, tuple[float, str]] = {
    "deg": (math.pi / 180, "angle"), "°": (math.pi / 180, "angle"), "rad": (1.0, "angle"),
    "in": (0.0254, "length"), "ft": (0.3048, "length"), "mi": (1609.344, "length"),
    "min": (60.0, "time"), "h": (3600.0, "time"), "hr": (3600.0, "time"),
    "atm": (101325.0, "pressure"), "bar": (1e5, "pressure"), "kPa": (1e3, "pressure"),
    "mL": (1e-6, "volume"), "M": (1e3, "concentration"), "degC": (1.0, "temperature"),
    "kcal": (4184.0, "energy"), "cal": (4.184, "energy"), "u": (1.66053906660e-27, "mass"),
    "amu": (1.66053906660e-27, "mass"), "Da": (1.66053906660e-27, "mass"), "%": (0.01, "dimensionless"),
    "kohm": (1e3, "resistance"), "Mohm": (1e6, "resistance"), "kΩ": (1e3, "resistance"),
    "MΩ": (1e6, "resistance"), "yr": (3.15576e7, "time"),
}

_PRETTY = {"ohm": "Ω", "kohm": "kΩ", "Mohm": "MΩ", "u": "µ", "deg": "°", "degC": "°C"}


@dataclass(frozen=True)
class UnitInfo:
    """What a unit expression means in SI."""

    factor: float
    dim: Dim

    @property
    def dimension_name(self) -> str:
        """The textbook name of the dimension, or its base-unit form."""
        return _DIM_NAME.get(self.dim) or _dim_formula(self.dim)


def _dim_formula(dim: Dim) -> str:
    parts = [f"{b}^{e}" if e != 1 else b for b, e in zip(_BASES, dim) if e]
    return "·".join(parts) or "dimensionless"


def _single(name: str) -> UnitInfo | None:
    if name in _OTHER_UNITS:
        f, d = _OTHER_UNITS[name]
        return UnitInfo(f, DIMENSIONS[d])
    if name in _BASE_UNITS:
        f, d = _BASE_UNITS[name]
        return UnitInfo(f, DIMENSIONS[d])
    for p, pf in _PREFIXES.items():
        rest = name[len(p):]
        if name.startswith(p) and rest in _PREFIXABLE:
            f, d = _BASE_UNITS[rest]
            return UnitInfo(f * pf, DIMENSIONS[d])
    return None


_TOKEN = re.compile(r"([\/*·]?)([^\/*·^]+)(?:\^(-?[0-9]+))?")


def parse_unit(text: str) -> UnitInfo | None:
    """Interpret a unit expression like `m/s^2` or `kg*m`; None if any part is unknown."""
    if not text:
        return None
    factor, dim = 1.0, [0] * len(_BASES)
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            return None
        pos = m.end()
        op, name, exp = m.group(1), m.group(2), int(m.group(3) or 1)
        if abs(exp) > 9:
            return None
        info = _single(name)
        if info is None:
            return None
        sign = -1 if op == "/" else 1
        factor *= info.factor ** (sign * exp)
        dim = [a + sign * exp * b for a, b in zip(dim, info.dim)]
    if pos != len(text):
        return None
    return UnitInfo(factor, tuple(dim))  # type: ignore[arg-type]


def known_units() -> list[str]:
    """Every unit name without prefixes, for hints and docs."""
    return sorted(set(_BASE_UNITS) | set(_OTHER_UNITS))


def pretty_unit(unit: str) -> str:
    """Textbook spelling of a unit: ohm → Ω, uF → µF, deg → °."""
    if unit in _PRETTY:
        return _PRETTY[unit]
    for plain, nice in (("ohm", "Ω"),):
        if unit.endswith(plain):
            return unit[: -len(plain)] + nice
    if unit.startswith("u") and _single(unit) is not None and unit[1:] in _PREFIXABLE:
        return "µ" + unit[1:]
    return unit
