"""The tables domain's kinds: data and contingency tables, Punnett squares."""
from __future__ import annotations

import math
import re
from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from scidsl.answers import Answer, answer_field
from scidsl.diagnostics import has_control
from scidsl.model import Color, Label, Node, Number, Quantity
from scidsl.syntax import ExprText

_NEGATIVE = re.compile(r"^-\s*\(?\s*[0-9.]")


def _to_cell(v: Any) -> Union[int, float, Quantity, str]:
    """A table cell: a number, a quantity or a text (math between $...$)."""
    if isinstance(v, bool):
        raise PydanticCustomError("cell_type", "a cell is a number, a quantity or a text, not {got}", {"got": v})
    if isinstance(v, (int, float)):
        if not math.isfinite(v) or abs(v) > 1e300:
            raise PydanticCustomError("number_range", "the number {got} is not finite", {"got": v})
        return v
    if isinstance(v, Quantity):
        return v
    if isinstance(v, dict) and "value" in v:
        from scidsl.model import _to_quantity

        return _to_quantity(v)
    if isinstance(v, str):
        if _NEGATIVE.match(v):  # `-5` and `-3 cm` reach the model as text; they are numbers
            return _negative(v)
        if isinstance(v, ExprText):
            raise PydanticCustomError("cell_type", "the expression {got} is not a cell: write a number, a quantity "
                                      "or a text in quotes", {"got": v[:60]})
        if len(v) > 500:
            raise PydanticCustomError("label_length", "the cell has {n} characters; the limit is 500", {"n": len(v)})
        if has_control(v):
            raise PydanticCustomError("label_control", "a cell is one line of text without control or bidi characters",
                                      {})
        return v
    raise PydanticCustomError("cell_type", "a cell is a number, a quantity or a text, not {got}",
                              {"got": repr(v)[:60]})


def _negative(v: str) -> Union[int, float, Quantity, str]:
    from scidsl.model import _to_quantity

    try:
        q = _to_quantity(v)
    except PydanticCustomError:
        return v
    if q.unit:
        return q
    return int(q.value) if float(q.value).is_integer() and "." not in v else q.value


def _cell_json(v: Any) -> Any:
    if isinstance(v, Quantity):
        return {"value": v.value, "unit": v.unit}
    return v


class CellMarker:
    """Field metadata: one table cell."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(
            _to_cell, serialization=core_schema.plain_serializer_function_ser_schema(_cell_json))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"description": "a number (55, 2.5), a quantity ('3 cm') or a text ('red', '$x^2$')",
                "anyOf": [{"type": "number"}, {"type": "string"},
                          {"type": "object", "properties": {"value": {"type": "number"}, "unit": {"type": "string"}}}]}


Cell = Annotated[Any, CellMarker]
CellRef = list[Union[int, Label]]
Totals = Union[bool, Literal["rows", "columns", "both", "none"]]


class Table(Node):
    """A table with a header row and a header column; totals are computed, or checked when given."""

    kind: Literal["table"] = "table"
    caption: Optional[Label] = Field(default=None, description="text above the table, e.g. 'Table 1. Athletes'")
    columns: Optional[list[Label]] = Field(default=None, max_length=1000,
                                           description="column headers (with units, e.g. 'Time (s)')")
    rows: Optional[list[Label]] = Field(default=None, max_length=1000, description="row headers, one per row of cells")
    corner: Optional[Label] = Field(default=None, description="text of the top-left cell when both headers are given")
    cells: list[list[Cell]] = Field(max_length=1000, description="one list per row: numbers, quantities or texts, "
                                    "e.g. [[55, 295], [231, 219]]")
    totals: Totals = Field(default=False, description="true (or both): add a Total column and a Total row computed "
                           "by the compiler; rows or columns for one of them")
    row_totals: Optional[list[Number]] = Field(default=None, max_length=1000,
                                               description="given totals of each row; checked against the sums")
    column_totals: Optional[list[Number]] = Field(default=None, max_length=1000,
                                                  description="given totals of each column; checked against the sums")
    grand_total: Optional[Number] = Field(default=None, description="given total of all cells; checked")
    total_label: Label = Field(default="Total", description="header of the total row and column")
    decimals: Optional[int] = Field(default=None, ge=0, le=10, description="digits after the point for every number")
    align: Literal["center", "right"] = Field(default="center", description="alignment of the cells' contents")
    highlight: list[CellRef] = Field(default_factory=list, max_length=1000,
                                     description="cells to shade: [row, column], numbers from 1 or header texts")
    highlight_color: Color = Field(default="#fde9a9", description="fill of highlighted cells")

    text_field: ClassVar[Optional[str]] = "caption"
    domain: ClassVar[str] = "tables"
    example: ClassVar[str] = ('table t { columns: ["Injury", "No injury"], rows: ["Stretches", "Does not stretch"], '
                              'cells: [[55, 295], [231, 219]], totals: true }')


class PunnettSquare(Node):
    """A Punnett square: the compiler derives the gametes and offspring of a cross and their ratios."""

    kind: Literal["punnett_square"] = "punnett_square"
    cross: Optional[Label] = Field(default=None, description="the parents' genotypes, e.g. 'Aa x Aa', 'AaBb x aabb', "
                                   "'I^A i x I^B i', 'X^A X^a x X^a Y' (capital = dominant; two capitals: codominant)")
    parents: Optional[list[Label]] = Field(default=None, min_length=2, max_length=2,
                                           description="the two genotypes, another way to write the cross: [\"Aa\", \"Aa\"]")
    caption: Optional[Label] = Field(default=None, description="text above the square")
    shade: bool = Field(default=True, description="shade each offspring cell by its phenotype")
    traits: Optional[list[list[Label]]] = Field(
        default=None, max_length=3, description="per gene [dominant, recessive] phenotype, e.g. "
        "[[\"purple\", \"white\"]]; shown in the legend and the ratio")
    dominance: Optional[Label] = Field(default=None, description="order of multiple alleles, e.g. 'C > c^h > c'")
    phenotypes: Optional[list[list[Label]]] = Field(
        default=None, max_length=20, description="[allele or genotype, name] pairs, e.g. [[\"I^A\", \"A\"], "
        "[\"i\", \"O\"]]; codominant alleles join their names (AB)")
    ratio: Optional[Label] = Field(default=None, description="the expected phenotype ratio, checked: '3 : 1'")
    show: list[Literal["key", "ratio"]] = Field(
        default_factory=list, description="a key of allele letters → traits; the phenotype ratio (not with "
        "answer: hidden)")
    labels: Optional[list[Label]] = Field(default=None, max_length=2,
                                          description="names of the two parents shown before their genotypes, e.g. "
                                          "[\"♀\", \"♂\"]")
    answer: Answer = answer_field()

    text_field: ClassVar[Optional[str]] = "caption"
    domain: ClassVar[str] = "tables"
    example: ClassVar[str] = 'punnett_square P { cross: "Aa x Aa", traits: [["purple", "white"]] }'

    def cross_text(self) -> str:
        """The cross as text, from `cross` or `parents`."""
        return self.cross if self.cross is not None else " x ".join(self.parents or [])


KINDS = [Table, PunnettSquare]
