"""Tool definitions derived from a model's JSON Schema, and the strict-mode rewrite."""

from __future__ import annotations

from typing import Literal

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field

from scidsl.llm_bridge.tools import (
    StrictSchemaError,
    build_tools,
    count_properties,
    json_tool,
    strict_violations,
    to_strict_schema,
)


class Part(BaseModel):
    kind: Literal["resistor", "battery"]
    name: str = Field(description="identifier")
    value: float | None = None
    tags: list[str] = []


class Scene(BaseModel):
    title: str = "untitled"
    parts: list[Part]
    main: Part | None = Field(default=None, description="the part drawn first")


def test_three_tools_with_expected_names_and_strictness():
    tools = build_tools(Scene.model_json_schema())
    assert [t["function"]["name"] for t in tools] == [
        "compile_scene",
        "compile_scene_json",
        "check_scene",
    ]
    assert all(t["type"] == "function" and t["function"]["strict"] is True for t in tools)
    for tool in tools:
        params = tool["function"]["parameters"]
        jsonschema.Draft202012Validator.check_schema(params)
        assert strict_violations(params) == []


def test_strict_json_tool_accepts_full_scene_and_rejects_extras():
    params = json_tool(Scene.model_json_schema())["function"]["parameters"]
    validator = jsonschema.Draft202012Validator(params)
    part = {"kind": "resistor", "name": "R1", "value": None, "tags": []}
    ok = {"scene": {"title": "t", "parts": [part], "main": None}}
    assert list(validator.iter_errors(ok)) == []
    extra = {"scene": {**ok["scene"], "colour": "red"}}
    assert [e.validator for e in validator.iter_errors(extra)] == ["additionalProperties"]
    wrong_kind = {"scene": {**ok["scene"], "parts": [{**part, "kind": "lamp"}]}}
    assert [e.validator for e in validator.iter_errors(wrong_kind)] == ["enum"]


def test_optional_keys_become_required_and_nullable():
    strict = to_strict_schema(
        {"type": "object", "properties": {"a": {"type": "integer", "default": 3}}}
    )
    assert strict == {
        "type": "object",
        "properties": {"a": {"type": ["integer", "null"]}},
        "required": ["a"],
        "additionalProperties": False,
    }


def test_ref_with_description_is_inlined():
    schema = {
        "type": "object",
        "$defs": {
            "P": {"type": "object", "properties": {"x": {"type": "number"}}, "required": ["x"]}
        },
        "properties": {"p": {"$ref": "#/$defs/P", "description": "a point"}},
        "required": ["p"],
    }
    strict = to_strict_schema(schema)
    assert strict["properties"]["p"]["description"] == "a point"
    assert strict["properties"]["p"]["additionalProperties"] is False
    assert strict_violations(strict) == []


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (
            {"type": "object", "additionalProperties": {"type": "string"}},
            "#: open objects (maps) cannot be strict",
        ),
        (
            {"type": "object", "properties": {"a": {"not": {"type": "null"}}}},
            "#/properties/a: 'not' cannot be",
        ),
        ({"type": "array"}, "#: the root of a tool's parameters must be an object"),
        (
            {"type": "object", "properties": {"a": {"$ref": "http://x/y", "title": "A"}}},
            "only local references",
        ),
    ],
    ids=["map", "not", "root-array", "remote-ref"],
)
def test_unexpressible_schemas_are_refused(schema, message):
    with pytest.raises(StrictSchemaError, match=message.replace("(", r"\(").replace(")", r"\)")):
        to_strict_schema(schema)


def test_map_schema_falls_back_to_non_strict_tool():
    schema = {
        "type": "object",
        "properties": {"props": {"type": "object", "additionalProperties": True}},
    }
    tool = json_tool(schema)
    assert tool["function"]["strict"] is False
    jsonschema.Draft202012Validator.check_schema(tool["function"]["parameters"])


def test_violations_are_reported():
    found = strict_violations(
        {"type": "object", "properties": {"a": {"type": "string", "minLength": 1}}}
    )
    assert found == [
        "#: object must set additionalProperties to false",
        "#: every property must be required",
        "#/properties/a: keyword 'minLength' is not allowed in strict mode",
    ]


def test_constant_tags_stay_non_null():
    schema = {
        "type": "object",
        "properties": {"kind": {"const": "scene", "default": "scene", "type": "string"}},
    }
    assert to_strict_schema(schema)["properties"]["kind"] == {"const": "scene", "type": "string"}


def test_tuples_become_fixed_length_arrays():
    schema = {
        "type": "object",
        "properties": {"p": {"type": "array", "prefixItems": [{"type": "number"}] * 2}},
        "required": ["p"],
    }
    strict = to_strict_schema(schema)
    assert strict["properties"]["p"] == {
        "type": "array",
        "items": {"type": "number"},
        "minItems": 2,
        "maxItems": 2,
    }
    validator = jsonschema.Draft202012Validator(strict)
    assert validator.is_valid({"p": [1, 2]}) and not validator.is_valid({"p": [1, 2, 3]})


def test_python_bounds_become_json_schema_bounds_and_unknown_keys_go():
    schema = {
        "type": "object",
        "properties": {"r": {"type": "number", "ge": 0, "lt": 1, "x-note": "n"}},
        "required": ["r"],
    }
    assert to_strict_schema(schema)["properties"]["r"] == {
        "type": "number",
        "minimum": 0,
        "exclusiveMaximum": 1,
    }


_LEAF = st.sampled_from(
    [
        {"type": "string"},
        {"type": "number", "ge": 0},
        {"type": "integer"},
        {"type": "boolean"},
        {"enum": ["a", "b"]},
        {"type": "string", "default": "x", "minLength": 1},
    ]
)


def _objects(children):
    names = st.lists(st.sampled_from(["a", "b", "c", "kind", "from"]), unique=True, max_size=4)
    return names.flatmap(
        lambda keys: st.tuples(
            st.lists(children, min_size=len(keys), max_size=len(keys)),
            st.sets(st.sampled_from(keys)) if keys else st.just(set()),
        ).map(
            lambda pair: {
                "type": "object",
                "properties": dict(zip(keys, pair[0])),
                "required": sorted(pair[1]),
            }
        )
    )


_SCHEMAS = st.recursive(
    _LEAF,
    lambda children: st.one_of(
        _objects(children),
        children.map(lambda c: {"type": "array", "items": c}),
        st.lists(children, min_size=1, max_size=3).map(lambda cs: {"oneOf": cs}),
        children.map(lambda c: {"allOf": [c], "description": "d"}),
        st.lists(children, min_size=2, max_size=2).map(
            lambda cs: {"type": "array", "prefixItems": cs}
        ),
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_SCHEMAS, min_size=1, max_size=3))
def test_any_model_like_schema_becomes_valid_strict_schema(members):
    root = {"type": "object", "properties": {f"p{i}": m for i, m in enumerate(members)}}
    strict = to_strict_schema(root)
    jsonschema.Draft202012Validator.check_schema(strict)
    assert strict_violations(strict) == []


def test_text_tool_lists_the_kinds():
    tools = build_tools({"type": "object", "properties": {}}, ["scene", "resistor"])
    assert tools[0]["function"]["description"].endswith(" Statement kinds: scene, resistor.")
    assert "Statement kinds" not in tools[2]["function"]["description"]


def test_count_properties_includes_defs_and_nesting():
    schema = {
        "properties": {"a": {"type": "object", "properties": {"b": {}, "c": {}}}},
        "$defs": {"D": {"properties": {"x": {}}}},
    }
    assert count_properties(schema) == 4


def test_drop_unset_removes_null_keys_in_items():
    from scidsl.llm_bridge.compiler import drop_unset

    scene = {
        "items": [
            {"kind": "box", "fill": None, "size": [1, None], "style": {"dash": None, "w": 1}},
            3,
        ]
    }
    assert drop_unset(scene) == {
        "items": [{"kind": "box", "size": [1, None], "style": {"w": 1}}, 3]
    }
    assert drop_unset({"other": None}) == {"other": None}
