"""The typed scene model (pydantic v2, immutable).

Each statement kind is a frozen model class; its fields are the kind's properties. Values use a few
shared types: Quantity (number with unit, dimension-checked), Ref (a name or member reference), Expr (a
math expression kept as canonical text and a syntax tree), Label (text or mathtext) and Number (a plain
number or a constant expression). The same classes give the JSON form and the JSON Schema.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal, Optional

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler,
                      model_validator)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError, core_schema

from scidsl import limits
from scidsl.diagnostics import Span, has_control
from scidsl.names import DeclName, check_name_text
from scidsl.numbers import check_finite, check_number_text, check_number_texts
from scidsl.units import DIMENSIONS, parse_unit, pretty_unit

# ---- Quantity -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A number with a unit as written (`4 ohm`); `si` converts to SI."""

    value: float
    unit: str = ""

    def __str__(self) -> str:
        return f"{_num_text(self.value)} {self.unit}".strip()

    @property
    def si(self) -> float:
        """The value in SI units (angles in radians)."""
        info = parse_unit(self.unit) if self.unit else None
        return self.value * (info.factor if info else 1.0)

    def pretty(self) -> str:
        """Textbook spelling: `4 Ω`, `3 µF`, `30°`."""
        unit = pretty_unit(self.unit)
        if unit in ("°",):
            return f"{_num_text(self.value)}°"
        return f"{_num_text(self.value)} {unit}".strip()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(
            _to_quantity, serialization=core_schema.plain_serializer_function_ser_schema(str))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "a number with its unit, e.g. '4 ohm', '30 deg', '9.8 m/s^2'"}


def _num_text(v: float) -> str:
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v))


def _to_quantity(v: Any) -> Quantity:
    from scidsl import syntax

    if isinstance(v, Quantity):
        return v
    if isinstance(v, bool):
        raise PydanticCustomError("quantity_type", "expected a number with a unit, got {got}", {"got": v})
    if isinstance(v, (int, float)):
        _finite(v)
        return Quantity(float(v), "")
    if isinstance(v, syntax.Qty):
        return _unit_checked(float(v.number), v.unit)
    if isinstance(v, syntax.Num):
        return Quantity(float(v.text), "")
    if isinstance(v, dict) and "value" in v:
        number = v["value"]
        if isinstance(number, str):
            number = check_number_text("value", number)
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise PydanticCustomError("number_text", "'{v}' is not a number", {"v": str(number)[:40]})
        _finite(number)
        return _unit_checked(float(number), str(v.get("unit", "")))
    if isinstance(v, str):
        node, diags = _parsed(v)
        if node is not None and isinstance(node, (syntax.Qty, syntax.Num)):
            return _to_quantity(node)
        if node is not None and isinstance(node, syntax.Neg) and isinstance(node.operand, (syntax.Qty, syntax.Num)):
            q = _to_quantity(node.operand)
            return Quantity(-q.value, q.unit)
    raise PydanticCustomError("quantity_type", "expected a number with a unit (like 4 ohm), got {got}",
                              {"got": repr(v)[:60]})


_finite = check_finite


def _unit_checked(value: float, unit: str) -> Quantity:
    _finite(value)
    if unit and parse_unit(unit) is None:
        raise PydanticCustomError("unknown_unit", "unknown unit '{unit}'", {"unit": unit})
    return Quantity(value, unit)


@dataclass(frozen=True)
class Dimension:
    """Field metadata: the quantity must have this dimension (`Annotated[Quantity, Dimension("length")]`)."""

    name: str
    unitless_ok: bool = True

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def _check(self, q: Quantity) -> Quantity:
        if not q.unit:
            if self.unitless_ok:
                return q
            raise PydanticCustomError("dimension", "expected a {want} with a unit", {"want": _dim_word(self.name)})
        info = parse_unit(q.unit)
        if info is not None and info.dim != DIMENSIONS[self.name]:
            raise PydanticCustomError(
                "dimension", "expected {want}, but '{unit}' is {got}",
                {"want": _dim_word(self.name), "unit": q.unit, "got": _dim_word(info.dimension_name)})
        return q


def _dim_word(name: str) -> str:
    word = name.replace("_", " ")
    return ("an " if word[0] in "aeiou" else "a ") + word


Length = Annotated[Quantity, Dimension("length")]
Angle = Annotated[Quantity, Dimension("angle")]


def quantity_of(dimension: str, unitless_ok: bool = True) -> Any:
    """The field type for a quantity of the named dimension (see units.DIMENSIONS)."""
    return Annotated[Quantity, Dimension(dimension, unitless_ok)]


# ---- Expr -----------------------------------------------------------------------------------


class Expr:
    """A math expression from the scene, kept as canonical text plus its syntax tree."""

    __slots__ = ("text", "tree")

    def __init__(self, text: str, tree: Any) -> None:
        self.text = text
        self.tree = tree

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expr) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Expr({self.text!r})"

    def __str__(self) -> str:
        return self.text

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(
            _to_expr, serialization=core_schema.plain_serializer_function_ser_schema(str))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "a math expression, e.g. 'x*ln(x)' or 'angle(A, B, C)'"}


def _parsed(text: str) -> tuple[Any, list]:
    """The value a text parses to, and the diagnostics when it does not parse."""
    from scidsl import syntax

    if isinstance(text, (syntax.ExprText, syntax.RefText)) and text.node is not None:
        return text.node, []  # parsed with the scene already: the same tree its text parses to
    return syntax.parse_value_text(text)


def _to_expr(v: Any) -> Expr:
    from scidsl import syntax

    if isinstance(v, Expr):
        return v
    if isinstance(v, bool):
        raise PydanticCustomError("expr_type", "expected an expression, got {got}", {"got": v})
    if isinstance(v, (int, float)):
        _finite(v)
        v = _num_text(v) if float(v).is_integer() else repr(float(v))
    if isinstance(v, Quantity):
        v = str(v)
    if isinstance(v, (tuple, list)) and 2 <= len(v) <= 3:  # a point lowered from `(x, y)`
        nodes = _kept_nodes(v)
        if nodes is not None:
            v = syntax.Point(nodes)  # numbers and values that kept the scene's parse: nothing to parse again
        else:
            v = "(" + ", ".join(_num_text(float(c)) if isinstance(c, (int, float)) and not isinstance(c, bool)
                                else str(c) for c in v) + ")"
    if isinstance(v, str):
        node, diags = _parsed(v)
        if node is None:
            _raise_name_problem(diags)
            raise PydanticCustomError("expr_syntax", "not a valid expression: {why}",
                                      {"why": diags[0].message if diags else v})
        v = node
    if isinstance(v, (syntax.ListV, syntax.Str)):
        raise PydanticCustomError("expr_type", "expected an expression, got {got}", {"got": type(v).__name__})
    if isinstance(v, tuple(_SYNTAX_VALUE_TYPES())):
        return Expr(syntax.format_value(v), v)
    raise PydanticCustomError("expr_type", "expected an expression, got {got}", {"got": repr(v)[:60]})


def _number_node(c: float) -> Any:
    """The syntax of a plain number, as its printed text parses."""
    from scidsl import syntax

    _finite(c)
    text = _num_text(float(c))
    return syntax.Neg(syntax.Num(text[1:])) if text.startswith("-") else syntax.Num(text)


def _kept_nodes(coords: Any) -> Optional[tuple]:
    """The syntax of a lowered point's coordinates when none needs parsing (numbers, and expressions or
    references that kept their parse), built without printing and parsing them again; else None."""
    from scidsl import syntax

    out = []
    for c in coords:
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            out.append(_number_node(c))
        elif isinstance(c, (syntax.ExprText, syntax.RefText)) and c.node is not None:
            out.append(c.node)
        else:
            return None
    return tuple(out)


def _raise_name_problem(diags: list) -> None:
    """A name inside an expression string breaks the identifier rules: keep the specific code."""
    from scidsl.names import NAME_CODES

    kinds = {code: kind for kind, code in NAME_CODES.items()}
    if diags and diags[0].code in kinds:
        raise PydanticCustomError(kinds[diags[0].code], "{why}", {"why": diags[0].message})


@dataclass(frozen=True)
class ExprKind:
    """Field metadata: an expression with its own JSON Schema description (positions, data points).

    `Annotated[Expr, ExprKind("a position: '(x, y)' in cm or a point name")]`; points written
    `(x, y)` and lists of numbers are accepted like in the text form.
    """

    description: str

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(
            _to_expr, serialization=core_schema.plain_serializer_function_ser_schema(str))

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": self.description}


def _SYNTAX_VALUE_TYPES() -> tuple:  # noqa: N802
    from scidsl import syntax

    return (syntax.Num, syntax.Qty, syntax.Ref, syntax.Call, syntax.BinOp, syntax.Neg, syntax.Point, syntax.Bool)


# ---- Number, Ref, Label ---------------------------------------------------------------------


def _to_number(v: Any) -> float:
    """A plain number, or a constant expression such as 2*sqrt(3) or cos(30 deg)."""
    if isinstance(v, bool):
        raise PydanticCustomError("number_type", "expected a number, got {got}", {"got": v})
    if isinstance(v, (int, float)):
        _finite(v)
        return float(v)
    if isinstance(v, str):
        from scidsl.expr import ExprError, evaluate_constant

        e = _to_expr(v)
        try:
            value = evaluate_constant(e.tree)
        except ExprError as exc:
            raise PydanticCustomError("expr_eval", "expected a number: {why}", {"why": str(exc)}) from None
        _finite(value)
        return value
    raise PydanticCustomError("number_type", "expected a number, got {got}", {"got": repr(v)[:60]})


class _NumberMarker:
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        # before-validator, so that Field(ge=..., le=...) constraints still apply to the float
        return core_schema.no_info_before_validator_function(_to_number, handler(source))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "number"}


Number = Annotated[float, _NumberMarker]
# A size or length in cm that must be drawn: strictly positive and bounded like coordinates.
Positive = Annotated[float, _NumberMarker, Field(ge=limits.MIN_SIZE_CM, le=limits.MAX_ABS_COORD)]
Size2 = tuple[Positive, Positive]


class RefMarker:
    """Field metadata: the string is a reference to a declared name (printed bare by fmt)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_after_validator_function(_check_ref, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "the name of a declared object, or a member like 'ABC.A'"}


def _check_ref(v: str) -> str:
    from scidsl.syntax import is_plain_name

    check_name_text(v)
    if not is_plain_name(v):
        raise PydanticCustomError("ref_syntax", "'{v}' is not a name (letters, digits, _ and ')", {"v": v[:60]})
    return v


Ref = Annotated[str, RefMarker]


def _not_expression(v: Any) -> Any:
    from scidsl.syntax import ExprText

    if isinstance(v, ExprText):
        raise PydanticCustomError("expr_type", "the expression {got} is not a label: write the text in quotes",
                                  {"got": v[:60]})
    return v


def _check_label(v: str) -> str:
    if len(v) > limits.MAX_LABEL_CHARS:
        raise PydanticCustomError("label_length", "the label has {n} characters; the limit is {limit}",
                                  {"n": len(v), "limit": limits.MAX_LABEL_CHARS})
    if has_control(v):
        raise PydanticCustomError("label_control", "labels are one line of text without control or bidi characters",
                                  {})
    return v


class LabelMarker:
    """Field metadata: text shown in the figure; may contain mathtext between $...$."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_before_validator_function(
            _not_expression, core_schema.no_info_after_validator_function(_check_label, core_schema.str_schema()))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "text shown in the figure; math between $...$, e.g. '$\\\\alpha$'"}


Label = Annotated[str, LabelMarker]
Point2 = tuple[Number, Number]


def _check_color(v: str) -> str:
    import re

    if re.fullmatch(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})", v):
        return v
    from matplotlib.colors import is_color_like  # only when a scene names a colour

    if len(v) <= 40 and v.isprintable() and is_color_like(v) and not v.replace(".", "", 1).isdigit():
        return v
    import difflib

    from matplotlib.colors import CSS4_COLORS, TABLEAU_COLORS

    near = difflib.get_close_matches(v.lower(), [*CSS4_COLORS, *TABLEAU_COLORS], n=1)
    maybe = f"; did you mean {near[0]}?" if near else ""
    raise PydanticCustomError("color", "'{v}' is not a colour (a name like red or tab:blue, or #rrggbb){maybe}",
                              {"v": v[:60], "maybe": maybe})


class ColorMarker:
    """Field metadata: a Matplotlib colour name or #rrggbb."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_after_validator_function(_check_color, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "a colour name (red, tab:blue) or #rrggbb"}


Color = Annotated[str, ColorMarker]


# ---- nodes ----------------------------------------------------------------------------------


class Node(BaseModel):
    """Base of every statement kind. Subclasses set `kind: Literal["..."]` and their properties."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True,
                              arbitrary_types_allowed=True, protected_namespaces=(), defer_build=True)

    kind: str
    name: DeclName = None
    span: SkipJsonSchema[Optional[Span]] = Field(default=None, exclude=True)
    spans: SkipJsonSchema[dict[str, Span]] = Field(default_factory=dict, exclude=True)

    # What the kind is for: `relations` are printed in the head (`altitude CD of ABC from C`),
    # `text_field` takes the statement's positional string, `example` feeds the generated docs.
    relations: ClassVar[tuple[str, ...]] = ()
    text_field: ClassVar[Optional[str]] = None
    name_required: ClassVar[bool] = True
    example: ClassVar[str] = ""
    domain: ClassVar[str] = "core"
    # The kind of name the statement declares, when not its own kind (`midpoint M` declares a point).
    declares: ClassVar[Optional[str]] = None

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.model_dump() == self.model_dump()  # type: ignore[union-attr]

    @model_validator(mode="before")
    @classmethod
    def _number_texts(cls, data: Any) -> Any:
        check_number_texts(cls, data)
        return data

    def __hash__(self) -> int:
        return hash((self.kind, self.name))

    def span_of(self, key: str) -> Optional[Span]:
        """The span of one property, or of the whole statement."""
        return self.spans.get(key, self.span)

    def implicit_names(self) -> list[tuple[str, str]]:
        """(name, kind) pairs this statement declares besides its own name (`triangle ABC` → points)."""
        return []

    def members(self) -> Optional[set[str]]:
        """Names valid after a dot (`ramp.top`); None means this kind has no members."""
        return None

    def refs(self) -> list[tuple[str, str]]:
        """(property, reference) pairs this statement points at, for name resolution."""
        out: list[tuple[str, str]] = []
        for key, label, is_ref, item_ann in _ref_fields(type(self)):
            value = getattr(self, key)
            if value is None:
                continue
            if isinstance(value, str):
                if is_ref:
                    out.append((label, value))
            elif isinstance(value, (list, tuple)):
                out.extend((label, ref) for item in value for ref in _refs_in(item, item_ann))
        return out


@lru_cache(maxsize=None)
def _ref_fields(cls: type) -> tuple[tuple[str, str, bool, Any], ...]:
    """Per field of a kind that may name other objects: its key, its scene name, whether a text value
    is a reference, and the annotation of its list items (worked out once per kind)."""
    return tuple((key, info.alias or key, _is_ref_annotation(info.annotation, info.metadata),
                  _item_annotation(info.annotation))
                 for key, info in cls.model_fields.items() if key not in ("kind", "name", "span", "spans"))


def _item_annotation(annotation: Any) -> Any:
    """The annotation of a list field's items (through an Optional: Optional[list[Ref]] → Ref)."""
    from typing import get_args

    inner = get_args(annotation)
    item_ann = inner[0] if inner else None
    if item_ann is not None and getattr(item_ann, "__origin__", None) in (list, tuple):
        item_ann = get_args(item_ann)[0]
    return item_ann


def _is_ref_annotation(annotation: Any, metadata: list) -> bool:
    if any(m is RefMarker or isinstance(m, RefMarker) for m in metadata):
        return True
    if any(m is RefMarker for m in getattr(annotation, "__metadata__", ())):
        return True
    from typing import Union, get_args, get_origin

    # Optional[Ref] hides the marker inside the union
    return get_origin(annotation) is Union and any(_is_ref_annotation(a, []) for a in get_args(annotation))


def _item_is_ref(annotation: Any) -> bool:
    """Whether a text item of this annotation is a reference (cached when the annotation hashes)."""
    try:
        return _item_is_ref_cached(annotation)
    except TypeError:
        return _is_ref_annotation(annotation, [])


@lru_cache(maxsize=None)
def _item_is_ref_cached(annotation: Any) -> bool:
    return _is_ref_annotation(annotation, [])


def _refs_in(value: Any, annotation: Any) -> list[str]:
    """The references inside one list item of the given annotation."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if _item_is_ref(annotation) else []
    if isinstance(value, (list, tuple)):
        item_ann = _item_annotation(annotation)
        return [ref for item in value for ref in _refs_in(item, item_ann)]
    return []


class Scene(BaseModel):
    """A whole scene: its statements in order."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    items: tuple[Node, ...] = ()
    file: SkipJsonSchema[str] = Field(default="<scene>", exclude=True)
    # names of statements that failed to build, so that references to them are not reported again
    unbuilt: SkipJsonSchema[tuple[str, ...]] = Field(default=(), exclude=True)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scene) and len(self.items) == len(other.items) and all(
            a == b for a, b in zip(self.items, other.items))

    def __hash__(self) -> int:
        return hash(len(self.items))

    def by_kind(self, *kinds: str) -> list[Node]:
        """The statements of the given kinds, in order."""
        return [n for n in self.items if n.kind in kinds]

    @property
    def settings(self) -> "SceneSettings":
        """The `scene { ... }` statement, or the defaults."""
        found = [n for n in self.items if isinstance(n, SceneSettings)]
        return found[0] if found else SceneSettings(kind="scene")

    def to_json(self) -> dict:
        """The JSON form of the scene."""
        return {"items": [n.model_dump(mode="json", by_alias=True, exclude_defaults=True) | {"kind": n.kind}
                          for n in self.items]}


def _figure_width(q: Quantity) -> Quantity:
    cm = q.si * 100 if q.unit else q.value
    if cm < limits.MIN_FIGURE_CM:
        raise PydanticCustomError("value_range", "the figure must be at least {low} cm wide",
                                  {"low": f"{limits.MIN_FIGURE_CM:g}"})
    if cm > limits.MAX_FIGURE_INCHES * 2.54:
        raise PydanticCustomError("figure_size", "the figure width {got} is over the limit of {high} in",
                                  {"got": str(q), "high": f"{limits.MAX_FIGURE_INCHES:g}"})
    return q


class SceneSettings(Node):
    """Figure-wide settings: title, size, resolution and symbol style."""

    kind: Literal["scene"] = "scene"
    title: Optional[Label] = None
    width: Optional[Annotated[Length, AfterValidator(_figure_width)]] = Field(
        default=None, description="figure width (e.g. 12 cm); default: fit")
    dpi: Optional[Number] = Field(default=None, gt=0, description="raster resolution of PNG output")
    font_size: Optional[Number] = Field(default=None, ge=limits.MIN_FONT_PT, le=limits.MAX_FONT_PT,
                                        description="label size in points (default 11)")
    symbols: Literal["iec", "ansi"] = Field(default="iec", description="symbol style for circuits")
    show_title: bool = Field(default=False, description="draw the title above the figure")

    text_field: ClassVar[Optional[str]] = "title"
    name_required: ClassVar[bool] = False
    example: ClassVar[str] = 'scene "Right triangle" { width: 10 cm }'


class Given(Node):
    """A given fact: `given length(AB) = 5 cm`, `given parallel(AB, CD)`; shown in the figure by default."""

    kind: Literal["given"] = "given"
    lhs: Expr
    op: Optional[Literal["=", "<", ">", "<=", ">="]] = None
    rhs: Optional[Expr] = None
    label: Optional[Label] = Field(default=None, description="text shown for this fact instead of its value")
    show: bool = Field(default=True, description="mark this fact in the figure")
    vary: Optional[list[Number]] = Field(default=None, min_length=2, max_length=2,
                                         description="range of the value in variants, e.g. [3, 8] (`scidsl variants`)")

    name_required: ClassVar[bool] = False
    example: ClassVar[str] = "given angle(B, A, C) = 30 deg"

    @property
    def function(self) -> Optional[str]:
        """The measure or relation the fact is about (`angle`, `parallel`), if it is a call."""
        from scidsl import syntax

        tree = self.lhs.tree
        if isinstance(tree, syntax.BinOp):  # length(AB) / length(BC) = 2
            tree = tree.left
        return tree.fn if isinstance(tree, syntax.Call) else None


def _check_property_ref(v: str) -> str:
    parts = v.split(".")
    if len(parts) != 2 or not all(p.replace("_", "a").isalnum() and not p[:1].isdigit() for p in parts):
        raise PydanticCustomError("property_ref", "'{v}' is not NAME.property (like R1.resistance)", {"v": v[:60]})
    return v


class PropertyRefMarker:
    """Field metadata: a statement's property, `R1.resistance` (printed bare by fmt, checked by variants)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_after_validator_function(_check_property_ref, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "a statement's property, e.g. 'R1.resistance'"}


class Vary(Node):
    """A range a kind's number may take in variants: `vary of R1.resistance { range: [2, 10] }`."""

    kind: Literal["vary"] = "vary"
    of: Annotated[str, PropertyRefMarker] = Field(description="the statement and its property, e.g. R1.resistance")
    range: list[Number] = Field(min_length=2, max_length=2, description="lowest and highest value, e.g. [2, 10]")
    at: Optional[list[int]] = Field(default=None, min_length=1, max_length=3,
                                    description="position in a list property, from 1: [7, 3] is the 7th entry's 3rd")

    relations: ClassVar[tuple[str, ...]] = ("of",)
    name_required: ClassVar[bool] = False
    example: ClassVar[str] = "vary of R1.resistance { range: [2, 10] }"
