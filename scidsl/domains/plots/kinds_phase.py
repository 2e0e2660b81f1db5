"""The phase diagram kind: solid, liquid and gas regions of a substance from its triple and critical points."""

from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.model import Label, Node, Size2, quantity_of

Temperature = quantity_of("temperature", unitless_ok=False)
Pressure = quantity_of("pressure", unitless_ok=False)
PhaseShow = Literal["regions", "triple_point", "critical_point", "normal_points"]


class PhaseDiagram(Node):
    """A p–T phase diagram computed from its triple and critical points (checked), regions and points named.

    Sublimation, melting and boiling curves meet at the triple point; the boiling curve ends at the critical point.
    """

    kind: Literal["phase_diagram"] = "phase_diagram"
    triple_point: tuple[Temperature, Pressure] = Field(description="(T, p), e.g. (273.16 K, 0.611 kPa)")
    critical_point: tuple[Temperature, Pressure] = Field(description="(T, p), e.g. (647 K, 22064 kPa)")
    boiling_point: Optional[Temperature] = Field(default=None, description="normal boiling point (at 1 atm)")
    melting_point: Optional[Temperature] = Field(default=None, description="normal melting point (at 1 atm)")
    sublimation_point: Optional[Temperature] = Field(
        default=None, description="normal sublimation point (at 1 atm; triple point above 1 atm, e.g. CO2)")
    scale: Literal["auto", "linear", "log"] = Field(
        default="auto", description="pressure axis (auto: log when the 1 atm line or many decades need it)")
    show: list[PhaseShow] = Field(
        default=["regions", "triple_point", "critical_point", "normal_points"],
        description="phases named; points with their T and p; the 1 atm line (default all)")
    size: Size2 = Field(default=(12.0, 8.0), description="(width, height) of the window in cm")
    label: Optional[Label] = Field(default=None, description="caption, e.g. the substance")
    name_required: ClassVar[bool] = False
    text_field: ClassVar[Optional[str]] = "label"
    domain: ClassVar[str] = "plots"
    example: ClassVar[str] = ("phase_diagram water { triple_point: (273.16 K, 0.611 kPa), "
                              "critical_point: (647 K, 22064 kPa), boiling_point: 373.15 K }")
