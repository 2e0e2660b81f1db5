"""Kinds of wave optics and the photoelectric effect: refraction, prisms, double slits, interferometers."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.answers import Givens, givens_field
from scidsl.model import Label, Node, quantity_of

_Angle = quantity_of("angle")
_Len = quantity_of("length")


class _Optic(Node):
    """Shared fields: a caption; the name is optional."""

    label: Optional[Label] = None
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "waveoptics"


class Refraction(_Optic):
    """Incident, reflected and refracted rays at a boundary by Snell's law."""

    kind: Literal["refraction"] = "refraction"
    n1: float = Field(default=1.0, ge=1.0, le=5.0, description="index above")
    n2: float = Field(default=1.5, ge=1.0, le=5.0, description="index below")
    incidence: _Angle = Field(description="from the normal")
    refraction: Optional[_Angle] = Field(default=None, description="checked")
    media: Optional[list[Label]] = Field(default=None, min_length=2, max_length=2, description="[air, glass]")
    givens: Givens = givens_field()
    example: ClassVar[str] = "refraction r { n1: 1.0, n2: 1.5, incidence: 40 deg }"

    def members(self) -> Optional[set[str]]:
        """The point of incidence and the far ends of the rays."""
        return {"point", "incident", "reflected", "refracted"}


class OpticalPrism(_Optic):
    """A ray through a prism, refracted face by face; deviation computed."""

    kind: Literal["optical_prism"] = "optical_prism"
    apex: Optional[_Angle] = Field(default=None, description="60 deg")
    n: float = Field(default=1.5, ge=1.0, le=5.0)
    incidence: _Angle = Field()
    deviation: Optional[_Angle] = Field(default=None, description="checked")
    givens: Givens = givens_field()
    example: ClassVar[str] = "optical_prism p { apex: 60 deg, n: 1.5, incidence: 45 deg }"

    def members(self) -> Optional[set[str]]:
        """Apex, base corners and where the ray enters and leaves."""
        return {"apex", "left", "right", "entry", "exit"}


class DoubleSlit(_Optic):
    """Two slits, a screen with bright fringes y = mλL/d to scale, the intensity."""

    kind: Literal["double_slit"] = "double_slit"
    separation: _Len = Field(description="d")
    distance: _Len = Field(description="L")
    wavelength: _Len
    width: Optional[_Len] = Field(default=None)
    orders: int = Field(default=2, ge=1, le=5, description="shown each side")
    spacing: Optional[_Len] = Field(default=None, description="checked")
    example: ClassVar[str] = "double_slit s { separation: 0.2 mm, distance: 1 m, wavelength: 600 nm }"

    def members(self) -> Optional[set[str]]:
        """The slits, the screen's centre and the first bright fringe."""
        return {"slit1", "slit2", "center", "m1"}


class Interferometer(_Optic):
    """A Michelson interferometer: source, 45° splitter, two mirrors, detector."""

    kind: Literal["interferometer"] = "interferometer"
    arms: list[_Len] = Field(min_length=2, max_length=2, description="[L1, L2]")
    wavelength: Optional[_Len] = None
    shift: Optional[_Len] = Field(default=None, description="of M1")
    fringes: Optional[float] = Field(default=None, ge=0, le=1e9, description="checked")
    example: ClassVar[str] = "interferometer m { arms: [12 cm, 10 cm], wavelength: 633 nm, shift: 0.1 mm }"

    def members(self) -> Optional[set[str]]:
        """Source, splitter, mirrors and detector."""
        return {"source", "splitter", "M1", "M2", "detector"}


class Photoelectric(_Optic):
    """A photocell: light on a cathode, anode, battery, ammeter, voltmeter."""

    kind: Literal["photoelectric"] = "photoelectric"
    frequency: Optional[quantity_of("frequency")] = None
    wavelength: Optional[_Len] = None
    work_function: quantity_of("energy") = Field(description="e.g. 2.3 eV")
    polarity: Literal["forward", "reverse"] = Field(default="forward")
    voltage: Optional[quantity_of("voltage")] = None
    current: Optional[bool] = Field(default=None, description="checked")
    stopping: Optional[quantity_of("voltage")] = Field(default=None, description="checked")
    givens: Givens = givens_field()
    example: ClassVar[str] = "photoelectric p { wavelength: 400 nm, work_function: 2.3 eV }"

    def members(self) -> Optional[set[str]]:
        """Cathode, anode and the meters."""
        return {"cathode", "anode", "battery", "ammeter", "voltmeter"}


KINDS = [Refraction, OpticalPrism, DoubleSlit, Interferometer, Photoelectric]
