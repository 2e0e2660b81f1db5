"""Biology: labelled cell diagrams and DNA replication forks.

The author lists what is there (organelles, enzymes); the compiler draws and places every part, sets
the labels around the figure with leader lines that never cross, and checks the biology (organelles
that a cell type lacks, strand polarity at a replication fork).
"""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from scidsl.model import Label, Node, Number

ANIMAL_DEFAULT = ["nucleus", "nucleolus", "rough_er", "smooth_er", "golgi", "mitochondrion", "ribosomes",
                  "lysosome", "centrosome", "plasma_membrane"]
PLANT_DEFAULT = ["nucleus", "nucleolus", "rough_er", "smooth_er", "golgi", "mitochondrion", "ribosomes",
                 "chloroplast", "central_vacuole", "cell_wall", "plasma_membrane"]
ENZYMES_DEFAULT = ["helicase", "topoisomerase", "ssb", "primase", "polymerase_iii", "polymerase_i", "ligase"]

FACT_DOCS: dict[str, tuple[str, str]] = {}


class CellDiagram(Node):
    """A labelled animal or plant cell: organelles drawn inside it, labels around it with leader lines."""

    kind: Literal["cell_diagram"] = "cell_diagram"
    type: Literal["animal", "plant"] = "animal"
    organelles: list[str] | None = Field(
        default=None, max_length=40,
        description="nucleus, nucleolus, nuclear_envelope, nuclear_pore, chromatin, "
                    "rough_er, smooth_er, golgi, mitochondrion, ribosomes, lysosome, peroxisome, vesicle, "
                    "vacuole, central_vacuole, chloroplast, plastid, cell_wall, plasmodesmata, plasma_membrane, "
                    "cytoplasm, cytoskeleton, centrosome, centrioles (default: the usual set)")
    label: Label | None = Field(default=None, description="caption under the cell")
    labels: bool = True
    text_field: ClassVar[str | None] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = ('cell_diagram A "(a) animal cell" { type: animal, organelles: [nucleus, nucleolus, '
                              'rough_er, golgi, mitochondrion, lysosome, centrosome] }')

    def members(self) -> set[str] | None:
        return {"center", "membrane", "nucleus"}


Side = Literal["left", "right"]
Strand = Literal["top", "bottom"]


class ReplicationFork(Node):
    """A DNA replication fork drawn with correct polarity; only `direction` and `top_5prime` are needed, more is checked.

    Parental helix, template strands with 5'/3' ends, a continuous leading strand, Okazaki fragments
    with RNA primers on the lagging strand, the enzymes and an arrow for the fork's movement.
    """

    kind: Literal["replication_fork"] = "replication_fork"
    direction: Side = Field(default="right", description="the way the fork travels")
    top_5prime: Side = Field(default="left", description="end of the top template that is 5'")
    bottom_5prime: Side | None = Field(default=None, description="checked: antiparallel")
    leading: Strand | None = Field(default=None, description="side of the leading strand (checked)")
    lagging: Strand | None = Field(default=None, description="side of the Okazaki fragments (checked)")
    leading_5prime: Side | None = Field(default=None, description="5' end of the leading strand (checked)")
    lagging_5prime: Side | None = Field(default=None, description="5' end of each fragment (checked)")
    fragments: int = Field(default=4, ge=2, le=6, description="Okazaki fragments")
    enzymes: list[str] = Field(default_factory=lambda: list(ENZYMES_DEFAULT), max_length=12,
                               description="helicase, topoisomerase, ssb, primase, polymerase_iii, polymerase_i, "
                                           "ligase (default all)")
    primers: bool = True
    labels: bool = True
    label: Label | None = Field(default=None, description="caption")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = "replication_fork F { direction: right, top_5prime: left, fragments: 4 }"


class EcologicalPyramid(Node):
    """A pyramid of numbers, biomass or energy: one bar per trophic level, widths proportional to values."""

    kind: Literal["ecological_pyramid"] = "ecological_pyramid"
    type: Literal["numbers", "biomass", "energy"] = "energy"
    levels: list[Label] = Field(min_length=2, max_length=8, description="trophic levels, producers first")
    values: list[Number] = Field(min_length=2, max_length=8, description="one per level")
    unit: Label | None = Field(default=None, description="e.g. 'kJ m$^{-2}$ yr$^{-1}$'")
    scale: Literal["linear", "log"] = Field(default="linear", description="log: one width step per factor 10")
    label: Label | None = Field(default=None, description="caption")
    text_field: ClassVar[str | None] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = ('ecological_pyramid E { type: energy, levels: [producers, herbivores, carnivores], '
                              'values: [10000, 1000, 100] }')


class FoodWeb(Node):
    """A food web (`eats`) or chain (`chain`): arrows from food to feeder, rows by trophic level."""

    kind: Literal["food_web"] = "food_web"
    eats: list[list[Label]] | None = Field(default=None, max_length=200, description="[eater, food] pairs")
    chain: list[Label] | None = Field(default=None, max_length=12, description="a food chain, producer first")
    producers: list[Label] | None = Field(default=None, max_length=60, description="checked: they eat nothing")
    label: Label | None = Field(default=None, description="caption")
    text_field: ClassVar[str | None] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = "food_web W { eats: [[rabbit, grass], [fox, rabbit]] }"


class Translation(Node):
    """Translation: mRNA codons through a ribosome's E, P and A sites, tRNAs, the growing chain."""

    kind: Literal["translation"] = "translation"
    mrna: Label = Field(description="5'→3', e.g. 'AUGUUCGGAUAA' (at most 36 bases)")
    at: int = Field(default=2, ge=1, le=12, description="the codon in the P site, from 1")
    anticodons: list[Label] | None = Field(default=None, max_length=12,
                                           description="per codon from the first, 3'→5'; checked")
    amino_acids: list[Label] | None = Field(default=None, max_length=12, description="checked: Met, Phe, ...")
    label: Label | None = Field(default=None, description="caption")
    text_field: ClassVar[str | None] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = 'translation T { mrna: "AUGUUCGGAUAA", at: 3 }'


class BloodCell(Node):
    """A red blood cell in a solution: shape and water flow follow from the tonicity."""

    kind: Literal["blood_cell"] = "blood_cell"
    solution: Literal["hypotonic", "isotonic", "hypertonic"] | None = None
    inside: Number | None = Field(default=None, gt=0, description="solute inside, e.g. 0.9 (% NaCl)")
    outside: Number | None = Field(default=None, ge=0, description="solute outside; with inside, checked")
    label: Label | None = Field(default=None, description="caption")
    text_field: ClassVar[str | None] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = "blood_cell R { solution: hypotonic }"


PROKARYOTE_PARTS = ["capsule", "cell_wall", "plasma_membrane", "cytoplasm", "nucleoid", "plasmid", "ribosomes",
                    "pili", "flagellum"]


class Prokaryote(Node):
    """A labelled bacterial cell: capsule, wall, membrane, nucleoid, plasmids, ribosomes, pili, flagellum."""

    kind: Literal["prokaryote"] = "prokaryote"
    parts: list[str] | None = Field(default=None, max_length=12, description="default: " + ", ".join(PROKARYOTE_PARTS))
    label: Label | None = Field(default=None, description="caption")
    text_field: ClassVar[str | None] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = "prokaryote B { parts: [cell_wall, plasma_membrane, nucleoid, plasmid, flagellum] }"


class Promoter(Node):
    """A bacterial promoter: −35 and −10 boxes, the +1 start; with transcription, RNA polymerase and mRNA."""

    kind: Literal["promoter"] = "promoter"
    minus35: Label = Field(default="TTGACA", description="the −35 box, coding strand 5'→3'")
    minus10: Label = Field(default="TATAAT", description="the −10 box")
    spacer: int = Field(default=17, ge=1, le=40, description="bases between the boxes (checked 15–19)")
    transcription: bool = Field(default=True, description="draw RNA polymerase and the new mRNA")
    gene: Label | None = Field(default=None, description="name of the gene downstream")
    label: Label | None = Field(default=None, description="caption")
    text_field: ClassVar[str | None] = "label"
    domain: ClassVar[str] = "biology"
    example: ClassVar[str] = 'promoter lac { minus35: "TTTACA", minus10: "TATGTT", gene: "lacZ" }'


KINDS = [CellDiagram, ReplicationFork, EcologicalPyramid, FoodWeb, Translation, BloodCell, Prokaryote, Promoter]
