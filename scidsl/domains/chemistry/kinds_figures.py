"""Chemistry figure kinds: energy profiles, crystal sites by position and galvanic cells."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from scidsl.answers import Givens, givens_field
from scidsl.model import Label, Node, Number, Quantity, Ref

ENERGY_UNITS = ("kJ/mol", "kcal/mol", "kJ", "J", "eV")


class _Chem(Node):
    domain: ClassVar[str] = "chemistry"


class EnergyProfile(_Chem):
    """A reaction energy profile through stated levels; Ea and ΔH marked and computed."""

    kind: Literal["energy_profile"] = "energy_profile"
    levels: list[Number] = Field(min_length=1, max_length=21, description="energies in order: "
                                 "reactants, transition state, [intermediate, transition state, ...], "
                                 "products")
    catalysed: list[Number] | None = Field(default=None, max_length=21,
                                           description="levels of a catalysed path, drawn dashed")
    unit: Literal["kJ/mol", "kcal/mol", "kJ", "J", "eV"] = "kJ/mol"
    names: list[Label] | None = Field(default=None, max_length=21,
                                      description="a name per level, e.g. [\"A + B\", \"\", \"C\"]")
    ea: Number | None = Field(default=None, description="stated activation energy, checked")
    dh: Number | None = Field(default=None, description="stated ΔH, checked")
    values: bool = Field(default=False, description="write the values of Ea and ΔH")
    label: Label | None = None
    text_field: ClassVar[str | None] = "label"
    example: ClassVar[str] = "energy_profile ep { levels: [0, 80, -40], catalysed: [0, 45, -40] }"

    def members(self) -> set[str] | None:
        n = len(self.levels)
        out = {"reactants", "products", "peak"}
        out |= {f"ts{i + 1}" for i in range(n // 2)} | {f"i{i + 1}" for i in range(max(0, n // 2 - 1))}
        return out


class CrystalSite(_Chem):
    """Ions of one species placed in a `crystal { lattice: cubic }` cell, by position."""

    kind: Literal["crystal_site"] = "crystal_site"
    of: Ref = Field(description="the crystal")
    species: str = Field(min_length=1, max_length=20, description="e.g. \"Ti^4+\"")
    at: list[Literal["corners", "edges", "faces", "body", "tetrahedral"]] | None = Field(
        default=None, max_length=5, description="positions by name")
    positions: list[tuple[Number, Number, Number]] | None = Field(
        default=None, max_length=64, description="fractional coordinates, repeated by the lattice")
    radius: Quantity | None = Field(default=None, description="ionic radius, e.g. 60.5 pm")
    relations: ClassVar[tuple[str, ...]] = ("of",)
    name_required: ClassVar[bool] = False
    example: ClassVar[str] = 'crystal_site of cell { species: "O^2-", at: [faces], radius: 140 pm }'


class Galvanic(_Chem):
    """A galvanic cell: half-cells, salt bridge, voltmeter; anode and E°cell from the potentials."""

    kind: Literal["galvanic"] = "galvanic"
    electrodes: list[str] = Field(min_length=2, max_length=2, description="e.g. [\"Zn\", \"Cu\"]")
    solutions: list[Label] = Field(min_length=2, max_length=2,
                                   description="e.g. [\"ZnSO4(aq)\", \"CuSO4(aq)\"]")
    ions: list[str] | None = Field(default=None, min_length=2, max_length=2,
                                   description="ions for the notation, e.g. [\"Zn^2+\", \"Cu^2+\"]")
    potentials: list[Quantity] = Field(min_length=2, max_length=2,
                                       description="standard reduction potentials, e.g. [-0.76 V, 0.34 V]")
    anode: str | None = Field(default=None, description="stated anode, checked")
    emf: Quantity | None = Field(default=None, description="stated E°cell, checked")
    bridge: Label = Field(default="KNO3", description="salt in the bridge")
    givens: Givens = givens_field()
    label: Label | None = None
    text_field: ClassVar[str | None] = "label"
    example: ClassVar[str] = ('galvanic g { electrodes: ["Zn", "Cu"], solutions: ["ZnSO4(aq)", '
                              '"CuSO4(aq)"], potentials: [-0.76 V, 0.34 V] }')

    def members(self) -> set[str] | None:
        return {"anode", "cathode", "bridge", "voltmeter"}


KINDS = [EnergyProfile, CrystalSite, Galvanic]
