"""Chemistry kinds: molecules (SMILES or explicit atoms and bonds), reactions and unit cells.

Molecules are checked by RDKit (valence, aromaticity) and drawn from RDKit's 2-D depiction;
reactions are proved balanced in every element and in charge; unit cells report atoms per cell
and coordination numbers.
"""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from scidsl.answers import Answer, Givens, answer_field, givens_field
from scidsl.model import Label, Node, Number, Quantity, Ref

Show = Literal["skeletal", "condensed", "full", "lewis", "connectivity"]


class _Chem(Node):
    domain: ClassVar[str] = "chemistry"


class Molecule(_Chem):
    """A molecule from SMILES or from explicit `atom` and `bond` statements, valence-checked."""

    kind: Literal["molecule"] = "molecule"
    smiles: str | None = Field(default=None, max_length=5000,
                                  description="SMILES, e.g. \"CCO\"; omit to use atom/bond statements")
    show: Show = Field(default="skeletal", description="skeletal, condensed (CH3, OH labels), full "
                       "(every H drawn), lewis (full with lone pairs) or connectivity (no bond orders)")
    label: Label | None = Field(default=None, description="caption under the molecule")
    numbers: bool = Field(default=False, description="write each atom's index next to it")
    atom_labels: list[str] | None = Field(default=None, max_length=500,
                                             description="notes at atoms as \"index: text\", "
                                             "e.g. [\"1: α\", \"4: carboxyl\"]")
    highlight: list[int] | None = Field(default=None, max_length=500,
                                           description="atom indices to highlight")
    highlight_bonds: list[str] | None = Field(default=None, max_length=500,
                                                 description="bonds to highlight as \"i-j\" atom pairs")
    carbons: bool = Field(default=False, description="write C at every carbon in skeletal mode")
    answer: Answer = answer_field()
    text_field: ClassVar[str | None] = "label"
    example: ClassVar[str] = 'molecule ethanol { smiles: "CCO", show: skeletal, label: "ethanol" }'


class Atom(_Chem):
    """An atom of a molecule written out explicitly (for Lewis structures and odd bonding)."""

    kind: Literal["atom"] = "atom"
    of: Ref = Field(description="the molecule it belongs to")
    element: str = Field(min_length=1, max_length=3, description="element symbol, e.g. O")
    charge: int = Field(default=0, ge=-8, le=8, description="formal charge")
    isotope: int = Field(default=0, ge=0, le=300, description="mass number, 0 for natural")
    radicals: int = Field(default=0, ge=0, le=4, description="unpaired electrons")
    hydrogens: int | None = Field(default=None, ge=0, le=8,
                                     description="attached H not written as atoms; default: implicit")
    relations: ClassVar[tuple[str, ...]] = ("of",)
    example: ClassVar[str] = "atom O1 of water { element: O }"


class Bond(_Chem):
    """A bond between two explicit atoms."""

    kind: Literal["bond"] = "bond"
    between: list[Ref] = Field(min_length=2, max_length=2, description="the two atoms")
    order: Literal["single", "double", "triple", "aromatic", "unknown"] = Field(
        default="single", description="unknown: a connectivity skeleton")
    stereo: Literal["wedge", "hash"] | None = Field(
        default=None, description="wedge (toward the viewer) or hash, drawn from the first atom")
    relations: ClassVar[tuple[str, ...]] = ("between",)
    name_required: ClassVar[bool] = False
    example: ClassVar[str] = "bond between [O1, H1]"


class Reaction(_Chem):
    """A chemical equation, proved balanced; `?` is a species to find, deduced when it can be."""

    kind: Literal["reaction"] = "reaction"
    equation: str = Field(max_length=2000, description="e.g. \"CH4 + 2 O2 -> CO2 + 2 H2O\"; arrows "
                          "-> (forward), <=> (equilibrium), <-> (resonance); states (s) (l) (g) (aq)")
    above: Label | None = Field(default=None, description="condition above the arrow, e.g. heat")
    below: Label | None = Field(default=None, description="condition below the arrow")
    smiles: list[str] | None = Field(default=None, max_length=40,
                                        description="one SMILES per species (in order) to draw "
                                        "structures instead of formulas; checked against the formula")
    show: Literal["skeletal", "condensed", "full", "lewis", "connectivity"] = Field(
        default="skeletal", description="how structures from `smiles` are drawn")
    skeleton: bool = Field(default=False, description="an unbalanced skeleton to balance: not an error")
    blanks: bool = Field(default=False, description="a skeleton with a blank for each coefficient")
    states: bool = Field(default=True, description="write the states (s), (l), (g), (aq)")
    label: Label | None = Field(default=None, description="caption under the equation")
    answer: Answer = answer_field()
    unknown: Literal["coefficients", "products"] = Field(
        default="coefficients", description="what `answer` hides: the coefficients or the products")
    text_field: ClassVar[str | None] = "label"
    example: ClassVar[str] = 'reaction combustion { equation: "CH4 + 2 O2 -> CO2 + 2 H2O", above: "heat" }'


class Crystal(_Chem):
    """A unit cell (sc, bcc, fcc, hcp, nacl, cscl, or cubic with crystal_site ions) in 3-D."""

    kind: Literal["crystal"] = "crystal"
    lattice: str = Field(description="sc, bcc, fcc, hcp, nacl, cscl, or cubic (crystal_site ions)")
    species: list[str] | None = Field(default=None, max_length=2,
                                         description="what sits on the sites: one name, or for nacl/"
                                         "cscl [corner ion, other ion], e.g. [\"I-\", \"Rb+\"]")
    projection: Literal["oblique", "isometric", "axonometric"] = Field(default="oblique")
    radii: list[Number] | None = Field(default=None, max_length=2,
                                          description="drawn radius per species, fraction of the edge")
    legend: bool = Field(default=True, description="a key naming each kind of atom")
    edge: Quantity | None = Field(default=None, description="e.g. 390 pm: site radii to scale")
    givens: Givens = givens_field()
    formula: str | None = Field(default=None, max_length=40, description="stated formula, checked")
    label: Label | None = Field(default=None, description="caption under the cell")
    text_field: ClassVar[str | None] = "label"
    example: ClassVar[str] = 'crystal cell { lattice: bcc, species: ["Fe"] }'


from .kinds_figures import KINDS as _FIGURES  # noqa: E402

KINDS = [Molecule, Atom, Bond, Reaction, Crystal, *_FIGURES]
