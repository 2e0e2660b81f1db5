"""Biology: labelled cell diagrams and DNA replication forks.

The author lists what is there (organelles, enzymes); the compiler draws and places every part, sets
the labels around the figure with leader lines that never cross, and checks the biology (organelles
that a cell type lacks, strand polarity at a replication fork).
"""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.model import Label, Node

ANIMAL_DEFAULT = ["nucleus", "nucleolus", "rough_er", "smooth_er", "golgi", "mitochondrion", "ribosomes",
                  "lysosome", "centrosome", "plasma_membrane"]
PLANT_DEFAULT = ["nucleus", "nucleolus", "rough_er", "smooth_er", "golgi", "mitochondrion", "ribosomes",
                 "chloroplast", "central_vacuole", "cell_wall", "plasma_membrane"]
ENZYMES_DEFAULT = ["helicase", "topoisomerase", "ssb", "primase", "polymerase_iii", "polymerase_i", "ligase"]

FACT_DOCS: dict[str, tuple[str, str]] = {}


class CellDiagram(Node):
    """A labelled animal or plant cell: organelles drawn inside it, labels around it with leader lines."""

    kind: Literal["cell_diagram"] = "cell_diagram"
    type: Literal["animal", "plant"] = Field(default="animal", description="animal (no cell wall, no "
                                             "chloroplasts) or plant (cell wall, chloroplasts, central vacuole)")
    organelles: Optional[list[str]] = Field(
        default=None, max_length=40,
        description="what to draw and label: nucleus, nucleolus, nuclear_envelope, nuclear_pore, chromatin, "
                    "rough_er, smooth_er, golgi, mitochondrion, ribosomes, lysosome, peroxisome, vesicle, "
                    "vacuole, central_vacuole, chloroplast, plastid, cell_wall, plasmodesmata, plasma_membrane, "
                    "cytoplasm, cytoskeleton, centrosome, centrioles; default: the usual set for the type")
    label: Optional[Label] = Field(default=None, description="caption under the cell, e.g. \"(a) animal cell\"")
    labels: bool = Field(default=True, description="label every organelle")
    text_field: ClassVar[Optional[str]] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = ('cell_diagram A "(a) animal cell" { type: animal, organelles: [nucleus, nucleolus, '
                              'rough_er, golgi, mitochondrion, lysosome, centrosome] }')

    def members(self) -> Optional[set[str]]:
        return {"center", "membrane", "nucleus"}


Side = Literal["left", "right"]
Strand = Literal["top", "bottom"]


class ReplicationFork(Node):
    """A DNA replication fork drawn with correct polarity; only `moves` and `top_5prime` are needed, more is checked.

    Parental helix, template strands with 5'/3' ends, a continuous leading strand, Okazaki fragments
    with RNA primers on the lagging strand, the enzymes and an arrow for the fork's movement.
    """

    kind: Literal["replication_fork"] = "replication_fork"
    moves: Side = Field(default="right", description="the way the fork travels (the unreplicated helix lies "
                        "on that side)")
    top_5prime: Side = Field(default="left", description="which end of the top template strand is its 5' end")
    bottom_5prime: Optional[Side] = Field(default=None, description="which end of the bottom template is 5' "
                                          "(checked: the templates are antiparallel)")
    leading: Optional[Strand] = Field(default=None, description="the template side of the leading strand "
                                      "(checked: the template read 3'→5' toward the fork)")
    lagging: Optional[Strand] = Field(default=None, description="the side of the Okazaki fragments (checked)")
    leading_5prime: Optional[Side] = Field(default=None, description="the 5' end of the new leading strand "
                                           "(checked: new DNA grows 5'→3')")
    lagging_5prime: Optional[Side] = Field(default=None, description="the 5' end of each Okazaki fragment (checked)")
    fragments: int = Field(default=4, ge=2, le=6, description="Okazaki fragments drawn")
    enzymes: list[str] = Field(default_factory=lambda: list(ENZYMES_DEFAULT), max_length=12,
                               description="helicase, topoisomerase, ssb (single-strand binding proteins), "
                                           "primase, polymerase_iii, polymerase_i, ligase; [] for none")
    primers: bool = Field(default=True, description="draw the RNA primers")
    labels: bool = Field(default=True, description="label strands, fragments, primers and enzymes")
    label: Optional[Label] = Field(default=None, description="caption under the figure")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = "replication_fork F { moves: right, top_5prime: left, fragments: 4 }"


KINDS = [CellDiagram, ReplicationFork]
