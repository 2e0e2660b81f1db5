"""The sets domain's kinds: Venn diagrams of two or three sets with counts or elements in their regions."""
from __future__ import annotations

import math
from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from scidsl.answers import Answer, answer_field
from scidsl.model import Label, Node, Number


def _to_item(v: Any, depth: int = 0) -> Any:
    """An entry value: a number, a text, or a list of these (one level deep inside an entry)."""
    if isinstance(v, bool):
        raise PydanticCustomError("entry_type", "expected a number, a text or a list, got {got}", {"got": v})
    if isinstance(v, (int, float)):
        if not math.isfinite(v) or abs(v) > 1e300:
            raise PydanticCustomError("number_range", "the number {got} is not finite", {"got": v})
        return v
    if isinstance(v, str):
        # `-5` reaches the model as text
        if v.startswith("-") and v[1:].isascii() and v[1:].replace(".", "", 1).isdigit() and len(v) < 100:
            return -float(v[1:]) if "." in v else -int(v[1:])
        if len(v) > 500 or any(ord(c) < 32 for c in v):
            raise PydanticCustomError("label_control", "a text is one line of at most 500 characters", {})
        return v
    if isinstance(v, (list, tuple)) and depth < 2:
        if len(v) > 1000:
            raise PydanticCustomError("too_long", "a list has more than 1000 entries", {})
        return [_to_item(x, depth + 1) for x in v]
    raise PydanticCustomError("entry_type", "expected a number, a text or a list, got {got}", {"got": repr(v)[:60]})


class EntryMarker:
    """Field metadata: one [where, what] entry."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(_entry)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "array", "description": "[region, count] or [region, count, \"label\"] or [region, [elements]]; "
                "the region names its sets, e.g. \"A & B\""}


def _entry(v: Any) -> list:
    if not isinstance(v, (list, tuple)):
        raise PydanticCustomError("entry_type", "expected a list like [\"A & B\", 4], got {got}", {"got": repr(v)[:60]})
    return _to_item(list(v))


Entry = Annotated[list, EntryMarker]
Key = Union[Label, list[Label]]


class Venn(Node):
    """A Venn diagram of 2 or 3 sets: region counts are checked against set sizes and totals, missing ones computed."""

    kind: Literal["venn"] = "venn"
    caption: Optional[Label] = Field(default=None, description="text above the diagram")
    sets: list[Label] = Field(max_length=10, description="the sets' names, e.g. [\"A\", \"B\", \"Rh+\"]")
    labels: Optional[list[Label]] = Field(default=None, max_length=3,
                                          description="longer names shown instead, e.g. [\"Football\", \"Tennis\"]")
    regions: list[Entry] = Field(default_factory=list, max_length=16, description=(
        "exact regions: [\"A\", 6] is A only, [\"A & B\", 1] A and B only; [\"A\", 6, \"A−\"] shows 'A− = 6'; "
        "[\"A\", [1, 3]] lists elements"))
    outside: Optional[Union[Number, list[Union[Number, Label]]]] = Field(
        default=None, description="count (or elements) in the universe outside every set")
    outside_label: Optional[Label] = Field(default=None, description="name shown before the outside count")
    sizes: list[Entry] = Field(default_factory=list, max_length=32, description=(
        "checked sizes that also fill missing regions: [\"A\", 46] all of A, [\"A & B\", 4] all of A ∩ B"))
    total: Optional[Number] = Field(default=None, ge=0, description="size of the universe; checked against the regions")
    universe: Label = Field(default="U", description="label of the universe rectangle, e.g. 'U = 100 students'")
    shade: list[Key] = Field(default_factory=list, max_length=16,
                             description="regions to shade, e.g. [\"A & B\"] or [\"outside\"]")
    fill: bool = Field(default=True, description="tint each set's circle in a light colour")
    answer: Answer = answer_field()

    text_field: ClassVar[Optional[str]] = "caption"
    domain: ClassVar[str] = "sets"
    example: ClassVar[str] = ('venn V { sets: ["A", "B"], regions: [["A", 12], ["A & B", 5], ["B", 8]], '
                              'outside: 3, total: 28 }')


    def keys(self) -> list[str]:
        """The sets as region keys may name them: by name or by label."""
        if not self.labels:
            return list(self.sets)
        # a NUL joins a name and its label: neither can contain one (labels exclude control characters)
        return [f"{s}\x00{self.labels[i]}" if i < len(self.labels) else s for i, s in enumerate(self.sets)]

    def shown(self, i: int) -> str:
        """The text shown for set i."""
        return self.labels[i] if self.labels and i < len(self.labels) else self.sets[i]


KINDS = [Venn]
