"""Kinds of geometric optics: an optical bench and the thin lenses and mirrors standing on it."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.answers import Answer, answer_field
from scidsl.model import Label, Node, Ref, quantity_of

_IMAGES = 6  # members image1 ... image6 for intermediate images


class OpticalBench(Node):
    """An optical axis in world units with thin lenses and mirrors (`bench_lens`, `bench_mirror` on it); an object or
    a parallel beam; principal rays traced through every element, each image computed and drawn."""

    kind: Literal["optical_bench"] = "optical_bench"
    object_at: Optional[quantity_of("length")] = Field(default=None, description="position of the object, e.g. 0 cm")
    object_height: Optional[quantity_of("length")] = Field(default=None, description="height of the object arrow (default 1 cm)")
    beam: Optional[quantity_of("angle")] = Field(default=None, description="a parallel beam at this angle to the axis "
                                                 "(instead of an object)")
    image: Literal["shown", "hidden", "infinity"] = Field(
        default="shown", description="draw the images; hidden (the image is asked); infinity (the final image is "
        "at infinity, checked)")
    show: list[Literal["focal_points", "focal_lengths", "distances"]] = Field(
        default=["focal_points"], description="what is labelled: F and F', f = ... cm, distances along the axis")
    object_label: Optional[Label] = Field(default="$O$", description="label of the object")
    label: Optional[Label] = Field(default=None, description="caption")
    answer: Answer = answer_field()
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = ("optical_bench B { object_at: 0 cm, object_height: 1 cm }; "
                              "bench_lens L1 on B at 15 cm { focal: 10 cm }")

    def hides_image(self) -> bool:
        """True when the images are asked (`image: hidden`, or `answer` hidden or a placeholder)."""
        return self.image == "hidden" or self.answer != "shown"

    def members(self) -> Optional[set[str]]:
        """Object and image ends: `B.object_tip`, `B.image_tip` (final), `B.image1_tip` (after the first element)."""
        ends = ("tip", "base")
        return ({f"object_{e}" for e in ends} | {f"image_{e}" for e in ends}
                | {f"image{i}_{e}" for i in range(1, _IMAGES + 1) for e in ends})


class _Element(Node):
    on: Ref = Field(description="the optical bench")
    at: quantity_of("length") = Field(description="position on the bench, e.g. 20 cm")
    relations: ClassVar[tuple[str, ...]] = ("on", "at")
    domain: ClassVar[str] = "physics"

    def members(self) -> Optional[set[str]]:
        """Centre, ends and focal points (F1 in front, F2 behind)."""
        return {"center", "top", "bottom", "F1", "F2"}


class BenchLens(_Element):
    """A thin lens on an optical bench: focal length positive (converging) or negative (diverging)."""

    kind: Literal["bench_lens"] = "bench_lens"
    focal: quantity_of("length") = Field(description="signed focal length, e.g. -5 cm for a diverging lens")
    type: Optional[Literal["converging", "diverging"]] = Field(default=None, description="checked against the sign")
    label: Optional[Label] = Field(default=None, description="its name on the figure, e.g. $L_1$")
    example: ClassVar[str] = ("optical_bench B { object_at: 0 cm }; bench_lens L1 on B at 15 cm { focal: 10 cm }; "
                              "bench_lens L2 on B at 35 cm { focal: -5 cm }")


class BenchMirror(_Element):
    """A mirror on an optical bench facing the light (towards smaller x): plane, concave (f > 0) or convex (f < 0)."""

    kind: Literal["bench_mirror"] = "bench_mirror"
    type: Literal["plane", "concave", "convex"] = Field(default="concave", description="its shape")
    focal: Optional[quantity_of("length")] = Field(default=None, description="signed focal length: concave +, convex -")
    label: Optional[Label] = None
    example: ClassVar[str] = ("optical_bench B { object_at: 0 cm }; bench_lens L on B at 20 cm { focal: 10 cm }; "
                              "bench_mirror M on B at 50 cm { type: concave, focal: 6 cm }")

    def members(self) -> Optional[set[str]]:
        """Vertex, ends, focal point and centre of curvature."""
        return {"center", "top", "bottom", "F", "C"}


OPTICS_KINDS = [OpticalBench, BenchLens, BenchMirror]
