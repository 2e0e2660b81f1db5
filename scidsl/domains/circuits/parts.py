"""Catalogue of circuit part kinds: terminals, value property, unit and drawing family."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartKind:
    """What the compiler knows about one kind of circuit part."""

    kind: str
    terminals: tuple[str, ...]
    family: str  # passive | vsource | isource | meter | switch | wire | marker
    value_key: str | None = None  # property holding the main value, e.g. "resistance"
    unit: str | None = None  # base unit symbol of that value
    prefix: str = "X"  # default label letter
    polar: bool = False  # terminal order matters for the drawing
    optional_terminals: tuple[str, ...] = ()  # may stay unconnected


def _k(kind: str, family: str, **kw: object) -> PartKind:
    terminals = kw.pop("terminals", ("a", "b"))
    return PartKind(kind=kind, family=family, terminals=terminals, **kw)  # type: ignore[arg-type]


KINDS: dict[str, PartKind] = {
    k.kind: k
    for k in (
        _k("resistor", "passive", value_key="resistance", unit="ohm", prefix="R"),
        _k("capacitor", "passive", value_key="capacitance", unit="F", prefix="C"),
        _k("inductor", "passive", value_key="inductance", unit="H", prefix="L"),
        _k("lamp", "passive", value_key="resistance", unit="ohm", prefix="L"),
        _k("fuse", "passive", value_key="current", unit="A", prefix="F"),
        _k("diode", "passive", prefix="D", polar=True),
        _k("led", "passive", prefix="D", polar=True),
        _k("rheostat", "passive", value_key="resistance", unit="ohm", prefix="R",
           terminals=("a", "b", "wiper"), optional_terminals=("a", "b", "wiper")),
        _k("potentiometer", "passive", value_key="resistance", unit="ohm", prefix="R",
           terminals=("a", "b", "wiper"), optional_terminals=("a", "b", "wiper")),
        _k("cell", "vsource", value_key="voltage", unit="V", prefix="E", polar=True),
        _k("battery", "vsource", value_key="voltage", unit="V", prefix="E", polar=True),
        _k("dc_source", "vsource", value_key="voltage", unit="V", prefix="V", polar=True),
        _k("ac_source", "vsource", value_key="voltage", unit="V", prefix="V"),
        _k("current_source", "isource", value_key="current", unit="A", prefix="I", polar=True),
        _k("switch", "switch", prefix="S"),
        _k("two_way_switch", "switch", prefix="S", terminals=("common", "a", "b"),
           optional_terminals=("a", "b")),
        _k("ammeter", "meter", prefix="A", polar=True),
        _k("voltmeter", "meter", prefix="V", polar=True),
        _k("galvanometer", "meter", prefix="G"),
        _k("wire", "wire", prefix="W"),
        _k("ground", "marker", prefix="G", terminals=("a",)),
        _k("terminal", "marker", prefix="T", terminals=("a",)),
        _k("junction", "marker", prefix="J", terminals=("a",)),
    )
}

# Other names an author may write for a terminal (first name is canonical).
TERMINAL_ALIASES: dict[str, str] = {
    "left": "a", "right": "b", "minus": "a", "plus": "b", "n": "a", "p": "b",
    "anode": "a", "cathode": "b", "in": "a", "out": "b", "w": "wiper", "c": "common",
}

# Units other than the base unit that a value may carry, mapped to the base.
UNIT_NAMES: dict[str, str] = {
    "ohm": "ohm", "Ω": "ohm", "ohms": "ohm", "F": "F", "H": "H", "V": "V", "A": "A",
    "W": "W", "Hz": "Hz",
}

UNIT_SYMBOLS: dict[str, str] = {"ohm": "Ω", "F": "F", "H": "H", "V": "V", "A": "A",
                                "W": "W", "Hz": "Hz"}

# Which property keys take which base unit (a value under one of these keys is unit-checked).
PROPERTY_UNITS: dict[str, str] = {
    "resistance": "ohm", "internal_resistance": "ohm", "capacitance": "F", "inductance": "H",
    "voltage": "V", "emf": "V", "current": "A", "power": "W", "frequency": "Hz",
}


def kind_info(kind: str) -> PartKind | None:
    """Return the catalogue entry for a part kind, or None when unknown."""
    return KINDS.get(kind)


def canonical_terminal(kind: str, terminal: str) -> str | None:
    """Map an author's terminal name (or alias) to the canonical one for this kind."""
    info = KINDS.get(kind)
    if info is None:
        return None
    if terminal in info.terminals:
        return terminal
    alias = TERMINAL_ALIASES.get(terminal)
    return alias if alias in info.terminals else None
