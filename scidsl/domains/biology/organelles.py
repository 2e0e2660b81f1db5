"""The organelles a cell diagram knows: names, spellings, labels and which cells have them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Organelle:
    """One organelle: its label and where biology finds it (ok, or the reason it is absent / doubtful)."""

    label: str
    animal: str = "ok"  # "ok", "no: reason" (an error) or "doubt: reason" (a warning)
    plant: str = "ok"


ORGANELLES: dict[str, Organelle] = {
    "nucleus": Organelle("nucleus"),
    "nucleolus": Organelle("nucleolus"),
    "nuclear_envelope": Organelle("nuclear envelope"),
    "nuclear_pore": Organelle("nuclear pore"),
    "chromatin": Organelle("chromatin"),
    "rough_er": Organelle("rough ER"),
    "smooth_er": Organelle("smooth ER"),
    "golgi": Organelle("Golgi apparatus"),
    "mitochondrion": Organelle("mitochondrion"),
    "ribosomes": Organelle("ribosomes"),
    "lysosome": Organelle("lysosome", plant="doubt: plant cells digest in their vacuole; textbooks draw no "
                                            "lysosomes in plant cells"),
    "peroxisome": Organelle("peroxisome"),
    "vesicle": Organelle("vesicle"),
    "vacuole": Organelle("vacuole"),
    "central_vacuole": Organelle("central vacuole", animal="no: a large central vacuole belongs to plant cells"),
    "chloroplast": Organelle("chloroplast", animal="no: animal cells have no chloroplasts (they do not "
                                                   "photosynthesise)"),
    "plastid": Organelle("plastid", animal="no: plastids are found in plant cells only"),
    "cell_wall": Organelle("cell wall", animal="no: animal cells have no cell wall"),
    "plasmodesmata": Organelle("plasmodesmata", animal="no: plasmodesmata cross plant cell walls"),
    "plasma_membrane": Organelle("plasma membrane"),
    "cytoplasm": Organelle("cytoplasm"),
    "cytoskeleton": Organelle("cytoskeleton"),
    "centrosome": Organelle("centrosome", plant="doubt: plant cells organise microtubules without a "
                                                "centrosome; textbooks draw none in plant cells"),
    "centrioles": Organelle("centrioles", plant="no: the cells of flowering plants have no centrioles"),
}

ALIASES: dict[str, str] = {
    "mitochondria": "mitochondrion", "ribosome": "ribosomes", "lysosomes": "lysosome",
    "peroxisomes": "peroxisome", "vesicles": "vesicle", "vacuoles": "vacuole", "chloroplasts": "chloroplast",
    "plastids": "plastid", "golgi_apparatus": "golgi", "golgi_body": "golgi", "cell_membrane": "plasma_membrane",
    "membrane": "plasma_membrane", "er": "rough_er", "rer": "rough_er", "ser": "smooth_er",
    "endoplasmic_reticulum": "rough_er", "rough_endoplasmic_reticulum": "rough_er",
    "smooth_endoplasmic_reticulum": "smooth_er", "centriole": "centrioles", "nuclear_membrane": "nuclear_envelope",
    "nuclear_pores": "nuclear_pore", "large_vacuole": "central_vacuole", "plasmodesma": "plasmodesmata",
    "microtubules": "cytoskeleton", "microfilaments": "cytoskeleton", "intermediate_filaments": "cytoskeleton",
    "amyloplast": "plastid", "chromosomes": "chromatin", "dna": "chromatin", "golgi_complex": "golgi",
    "free_ribosomes": "ribosomes", "rough_er_ribosomes": "rough_er", "tonoplast": "central_vacuole",
}

NUCLEAR_PARTS = ("nucleolus", "nuclear_envelope", "nuclear_pore", "chromatin")


def canonical(name: str) -> str | None:
    """The catalogue key of an organelle name as written (case, spaces and hyphens ignored), or None."""
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    if key in ORGANELLES:
        return key
    return ALIASES.get(key)


ENZYMES: dict[str, str] = {
    "helicase": "helicase", "topoisomerase": "topoisomerase", "ssb": "single-strand binding proteins",
    "primase": "primase", "polymerase_iii": "DNA polymerase III", "polymerase_i": "DNA polymerase I",
    "ligase": "DNA ligase",
}
ENZYME_ALIASES: dict[str, str] = {
    "dna_helicase": "helicase", "gyrase": "topoisomerase", "dna_gyrase": "topoisomerase",
    "single_strand_binding_proteins": "ssb", "single_strand_binding_protein": "ssb", "ssbs": "ssb",
    "dna_primase": "primase", "pol_iii": "polymerase_iii", "dna_polymerase_iii": "polymerase_iii",
    "pol_i": "polymerase_i", "dna_polymerase_i": "polymerase_i", "dna_ligase": "ligase",
    "polymerase_3": "polymerase_iii", "polymerase_1": "polymerase_i",
}


def canonical_enzyme(name: str) -> str | None:
    """The key of an enzyme name as written, or None."""
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return key if key in ENZYMES else ENZYME_ALIASES.get(key)
