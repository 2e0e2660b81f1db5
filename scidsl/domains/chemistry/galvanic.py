"""Galvanic cells: which electrode is the anode, E°cell = E°cathode − E°anode, and the cell notation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scidsl.diagnostics import Diagnostic, did_you_mean, error
from scidsl.units import DIMENSIONS, parse_unit

MIN_E, MAX_E = -3.1, 3.0  # the range of standard reduction potentials in tables (Li⁺/Li to F₂/F⁻)
EMF_TOL = 0.0005


@dataclass
class GalvanicEntry:
    """A checked galvanic cell: index of the anode (0 or 1) and E°cell in volts."""

    node: Any
    ok: bool = False
    anode: int = 0
    e_cell: float = 0.0

    @property
    def cathode(self) -> int:
        """Index of the cathode."""
        return 1 - self.anode


def _volts(q: Any) -> float | None:
    info = parse_unit(q.unit) if q.unit else None
    if info is None or info.dim != DIMENSIONS["voltage"]:
        return None
    return float(q.si)


def check_galvanic(node: Any) -> tuple[GalvanicEntry, list[Diagnostic]]:
    """Check electrodes, potentials, the stated anode and the stated E°cell."""
    out: list[Diagnostic] = []
    _check_species(node, out)
    volts = [_volts(q) for q in node.potentials]
    for q, v in zip(node.potentials, volts):
        if v is None or not MIN_E <= v <= MAX_E:
            out.append(error("E3085", f"the potential {q} is not a standard reduction potential "
                             f"(a voltage from {MIN_E} V to +{MAX_E} V)", node.span_of("potentials"),
                             "write it in volts, e.g. -0.76 V"))
    if out:
        return GalvanicEntry(node), out
    e0, e1 = volts  # type: ignore[misc]
    if abs(e0 - e1) < 1e-9:
        out.append(error("E3080", f"both half-cells have E° = {e0:g} V: the cell gives no voltage",
                         node.span_of("potentials"), "two different couples make a galvanic cell"))
        return GalvanicEntry(node), out
    anode = 0 if e0 < e1 else 1
    entry = GalvanicEntry(node, True, anode, (e1 - e0) if anode == 0 else (e0 - e1))
    _check_stated_anode(node, entry, volts, out)  # type: ignore[arg-type]
    if node.emf is not None:
        emf = _volts(node.emf)
        if emf is None:
            out.append(error("E3085", f"the stated E°cell {node.emf} is not a voltage", node.span_of("emf")))
        elif abs(emf - entry.e_cell) > EMF_TOL:
            out.append(error("E3083", f"the stated E°cell {node.emf} is not E°cathode − E°anode = "
                             f"{entry.e_cell:.2f} V", node.span_of("emf")))
    entry.ok = not out
    return entry, out


def _check_species(node: Any, out: list[Diagnostic]) -> None:
    from .formula import parse_formula
    from .issues import ChemError

    for key in ("electrodes", "ions"):
        for text in getattr(node, key) or []:
            try:
                parse_formula(text)
            except ChemError as err:
                out.append(error("E3084", f"{key[:-1]} '{text}': {err.issues[0].message}",
                                 node.span_of(key), err.issues[0].hint or "write e.g. Zn, Cu^2+"))


def _check_stated_anode(node: Any, entry: GalvanicEntry, volts: list[float],
                        out: list[Diagnostic]) -> None:
    if node.anode is None:
        return
    if node.anode not in node.electrodes:
        out.append(error("E3081", f"the anode '{node.anode}' is not one of the electrodes "
                         f"{', '.join(node.electrodes)}", node.span_of("anode"),
                         did_you_mean(node.anode, list(node.electrodes))))
        return
    stated = node.electrodes.index(node.anode)
    if stated != entry.anode:
        out.append(error("E3082", f"{node.anode} (E° = {volts[stated]:+.2f} V) cannot be the anode: "
                         f"{node.electrodes[entry.anode]} has the lower reduction potential "
                         f"({volts[entry.anode]:+.2f} V)", node.span_of("anode"),
                         "oxidation happens at the electrode with the lower E°"))


def _state(text: str, state: str) -> str:
    return text if text.endswith(")") else f"{text}({state})"


def notation(entry: GalvanicEntry) -> str:
    """Plain cell notation, anode on the left: Zn(s) | Zn^2+(aq) || Cu^2+(aq) | Cu(s)."""
    node = entry.node
    a, c = entry.anode, entry.cathode
    ions = node.ions or node.solutions
    return (f"{_state(node.electrodes[a], 's')} | {_state(ions[a], 'aq')} || "
            f"{_state(ions[c], 'aq')} | {_state(node.electrodes[c], 's')}")


def notation_mathtext(entry: GalvanicEntry) -> str:
    """The cell notation with sub- and superscripts, for the caption."""
    from .formula import parse_formula
    from .issues import ChemError

    def fm(text: str, state: str) -> str:
        try:
            return parse_formula(_state(text, state)).mathtext()
        except ChemError:  # a solution written as words ("1 M Fe(NO3)3") stays as written
            return text

    node = entry.node
    a, c = entry.anode, entry.cathode
    ions = node.ions or node.solutions
    return (f"{fm(node.electrodes[a], 's')} | {fm(ions[a], 'aq')} ‖ {fm(ions[c], 'aq')} | "
            f"{fm(node.electrodes[c], 's')}")


def galvanic_facts(entry: GalvanicEntry) -> list:
    """Anode, cathode, E°cell, electron flow, bridge ions and the notation."""
    from scidsl.pipeline import Fact

    node = entry.node
    name = node.name or "galvanic"
    an, ca = node.electrodes[entry.anode], node.electrodes[entry.cathode]
    e = f"{entry.e_cell:.2f} V"
    return [
        Fact("anode", (name,), an, f"{an} is the anode (oxidation, negative terminal) of {name}"),
        Fact("cathode", (name,), ca, f"{ca} is the cathode (reduction, positive terminal) of {name}"),
        Fact("e_cell", (name,), e, f"E°cell = E°cathode − E°anode = {e}"),
        Fact("spontaneous", (name,), True, f"{name} is spontaneous (E°cell > 0)"),
        Fact("electron_flow", (name,), [an, ca], f"electrons flow from {an} to {ca} through the wire"),
        Fact("bridge_ions", (name,), {"anions": an, "cations": ca},
             f"in the salt bridge ({node.bridge}) anions move toward {an}, cations toward {ca}"),
        Fact("notation", (name,), notation(entry), f"cell notation: {notation(entry)}"),
    ]
