"""Bacterial cells (parts a prokaryote has, and eukaryotic organelles it lacks) and promoters."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scidsl.diagnostics import did_you_mean, error, warning
from scidsl.domains.biology import kinds as k

PART_LABELS = {"capsule": "capsule", "cell_wall": "cell wall", "plasma_membrane": "plasma membrane",
               "cytoplasm": "cytoplasm", "nucleoid": "nucleoid (DNA)", "plasmid": "plasmid",
               "ribosomes": "ribosomes (70S)", "pili": "pili", "flagellum": "flagellum"}
PART_ALIASES = {"cell_membrane": "plasma_membrane", "membrane": "plasma_membrane", "dna": "nucleoid",
                "chromosome": "nucleoid", "plasmids": "plasmid", "ribosome": "ribosomes", "pilus": "pili",
                "fimbriae": "pili", "flagella": "flagellum", "wall": "cell_wall", "slime_layer": "capsule"}
EUKARYOTIC = {"nucleus": "its DNA lies free in the nucleoid, with no nuclear envelope",
              "mitochondrion": "respiration happens at its plasma membrane", "mitochondria": "respiration happens "
              "at its plasma membrane", "chloroplast": "photosynthetic bacteria use infoldings of the membrane",
              "golgi": "it has no membrane-bound organelles", "rough_er": "it has no endoplasmic reticulum",
              "smooth_er": "it has no endoplasmic reticulum", "er": "it has no endoplasmic reticulum",
              "lysosome": "it has no membrane-bound organelles", "nucleolus": "it has no nucleus",
              "vacuole": "it has no membrane-bound organelles", "centrosome": "it has no centrosome"}
CONSENSUS = {"minus35": "TTGACA", "minus10": "TATAAT"}


def part_key(name: str) -> str | None:
    """The key of a prokaryote part as written, or None."""
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return key if key in PART_LABELS else PART_ALIASES.get(key)


@dataclass
class ProkaryotePlan:
    """The parts drawn, in catalogue order."""

    node: k.Prokaryote
    parts: list[str]


def check_prokaryote(ctx: Any, node: k.Prokaryote) -> None:
    """Known parts; eukaryotic organelles refused with the reason."""
    span = node.span_of("parts")
    for name in node.parts or []:
        key = name.strip().lower().replace(" ", "_").replace("-", "_")
        if key in EUKARYOTIC:
            ctx.report(error("E9051", f"prokaryote {node.name}: a prokaryote has no {name}: {EUKARYOTIC[key]}", span,
                             f"remove {name}; a bacterial cell shows " + ", ".join(k.PROKARYOTE_PARTS)))
        elif part_key(name) is None:
            ctx.report(error("E9050", f"prokaryote {node.name}: '{name}' is not a part scidsl knows", span,
                             did_you_mean(name, list(PART_LABELS)) or "known: " + ", ".join(PART_LABELS)))


def prokaryote_plan(node: k.Prokaryote) -> ProkaryotePlan:
    """Known parts in catalogue order (default: all)."""
    keys = {part_key(n) for n in (node.parts if node.parts is not None else k.PROKARYOTE_PARTS)}
    return ProkaryotePlan(node, [p for p in PART_LABELS if p in keys])


def prokaryote_facts(plan: ProkaryotePlan) -> list:
    """Cell type and each part."""
    from scidsl.pipeline import Fact

    name = plan.node.name or "cell"
    out = [Fact("cell_type", (name,), "prokaryote", f"{name} is a prokaryotic (bacterial) cell, with no nucleus")]
    out += [Fact("part", (name, p), PART_LABELS[p], f"{name} shows the {PART_LABELS[p]}") for p in plan.parts]
    return out


# ---- promoters ---------------------------------------------------------------------------------------


@dataclass
class PromoterPlan:
    """A promoter as drawn: box sequences upper case, mismatches against the consensus."""

    node: k.Promoter
    boxes: dict[str, str]
    mismatches: dict[str, int]


def check_promoter(ctx: Any, node: k.Promoter) -> None:
    """Boxes of six DNA bases; spacing of a σ70 promoter; a weak match to the consensus is a warning."""
    for key in ("minus35", "minus10"):
        seq = getattr(node, key).strip().upper()
        if len(seq) != 6 or set(seq) - set("ACGT"):
            ctx.report(error("E9052", f"promoter {node.name}: the {_box(key)} box '{getattr(node, key)}' is not six "
                             "DNA bases", node.span_of(key), f"the consensus is {CONSENSUS[key]}"
                             + ("; DNA has T where RNA has U" if "U" in seq else "")))
            continue
        miss = sum(a != b for a, b in zip(seq, CONSENSUS[key]))
        if miss > 3:
            ctx.report(warning("W9050", f"promoter {node.name}: the {_box(key)} box {seq} differs from the consensus "
                               f"{CONSENSUS[key]} in {miss} of 6 bases; RNA polymerase would hardly bind it",
                               node.span_of(key), f"consensus: {CONSENSUS[key]}"))
    if not 15 <= node.spacer <= 19:
        ctx.report(error("E9053", f"promoter {node.name}: {node.spacer} bases between the boxes; σ70 promoters have "
                         "15–19 (usually 17), so the −10 box would not sit near −10", node.span_of("spacer"),
                         "spacer: 17"))


def _box(key: str) -> str:
    return "−35" if key == "minus35" else "−10"


def promoter_plan(node: k.Promoter) -> PromoterPlan:
    """Boxes upper case with their mismatches."""
    boxes = {key: getattr(node, key).strip().upper() for key in ("minus35", "minus10")}
    return PromoterPlan(node, boxes, {key: sum(a != b for a, b in zip(v, CONSENSUS[key])) for key, v in boxes.items()})


def promoter_facts(plan: PromoterPlan) -> list:
    """The boxes, their match to the consensus, the start and the direction of transcription."""
    from scidsl.pipeline import Fact

    name = plan.node.name or "promoter"
    out = [Fact("box", (name, _box(key)), seq, f"{_box(key)} box {seq} ({6 - plan.mismatches[key]} of 6 bases "
                f"match the consensus {CONSENSUS[key]})") for key, seq in plan.boxes.items()]
    out.append(Fact("start", (name,), "+1", "transcription starts at +1 and runs to the right (downstream)"))
    if plan.node.transcription:
        out.append(Fact("template", (name,), "bottom", "RNA polymerase reads the bottom (template) strand 3'→5' and "
                        "makes mRNA 5'→3', with the sequence of the top (coding) strand"))
    return out
