"""Tool definitions for models, derived from the scene model's JSON Schema (never written by hand)."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

JSON = dict[str, Any]

COMPILE_TEXT = "compile_scene"
COMPILE_JSON = "compile_scene_json"
CHECK = "check_scene"
TOOL_NAMES = (COMPILE_TEXT, COMPILE_JSON, CHECK)

# Keywords a strict function schema may carry; everything else is dropped or refused.
_KEEP = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "anyOf",
    "$ref",
    "$defs",
    "description",
    "title",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
}
# Every other keyword (default, examples, discriminator, minLength, ...) is dropped: it only
# annotates or narrows, and the compiler checks the same again.
# Cannot be expressed in strict mode at all.
_REFUSE = {
    "not",
    "if",
    "then",
    "else",
    "patternProperties",
    "dependentSchemas",
    "propertyNames",
    "unevaluatedProperties",
    "minProperties",
    "maxProperties",
}

_TEXT_DESCRIPTION = (
    "Compile a scidsl scene written in the scene language and render it. Returns the facts the "
    "figure shows, or diagnostics (line:col, code, message, hint) to fix. Statements look like "
    '`kind name "text" relword value { key: value }` and facts like `given angle(B, A, C) = 30 deg`.'
)
_JSON_DESCRIPTION = (
    "Compile a scidsl scene given as a JSON object (same meaning as the text form) and render it. "
    "Returns the facts the figure shows, or diagnostics with JSON paths to fix."
)
_CHECK_DESCRIPTION = (
    "Check a scidsl scene (text form) without rendering: parse, resolve names and units, run the "
    "domain checkers. Returns diagnostics, or ok when there are none."
)
# pydantic writes constraints of custom types under their Python names.
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


class StrictSchemaError(ValueError):
    """A JSON Schema construct that strict function calling cannot express."""


def build_tools(scene_schema: Mapping[str, Any], kinds: Sequence[str] = ()) -> list[JSON]:
    """The three OpenAI-style function tools: scene as text, scene as JSON (strict), check."""
    # The text form has no schema to show its vocabulary, so its description lists the kinds.
    vocabulary = f" Statement kinds: {', '.join(kinds)}." if kinds else ""
    return [
        text_tool(COMPILE_TEXT, _TEXT_DESCRIPTION + vocabulary),
        json_tool(scene_schema),
        text_tool(CHECK, _CHECK_DESCRIPTION),
    ]


def text_tool(name: str, description: str) -> JSON:
    """A strict function tool whose only argument is the scene source text."""
    params = {
        "type": "object",
        "properties": {
            "scene": {"type": "string", "description": "The complete scene in scidsl text form."}
        },
        "required": ["scene"],
        "additionalProperties": False,
    }
    return _function(name, description, params, strict=True)


def json_tool(scene_schema: Mapping[str, Any]) -> JSON:
    """The function tool taking the scene as a JSON object, strict when the schema allows it."""
    schema = copy.deepcopy(dict(scene_schema))
    defs = schema.pop("$defs", {})
    params: JSON = {"type": "object", "properties": {"scene": schema}, "required": ["scene"]}
    if defs:
        params["$defs"] = defs
    try:
        return _function(COMPILE_JSON, _JSON_DESCRIPTION, to_strict_schema(params), strict=True)
    except StrictSchemaError:
        # Endpoints still accept the tool without strict decoding; the compiler validates anyway.
        params["additionalProperties"] = False
        return _function(COMPILE_JSON, _JSON_DESCRIPTION, params, strict=False)


def to_strict_schema(schema: Mapping[str, Any]) -> JSON:
    """Rewrite a JSON Schema into the strict subset: closed objects, all keys required, nullable optionals."""
    root = copy.deepcopy(dict(schema))
    out = _strict(root, root, "#")
    if out.get("type") != "object":
        raise StrictSchemaError("#: the root of a tool's parameters must be an object")
    return out


def strict_violations(schema: Mapping[str, Any], path: str = "#") -> list[str]:
    """Every place where `schema` breaks the strict subset (empty when it conforms)."""
    found: list[str] = []
    for key in schema:
        if key not in _KEEP:
            found.append(f"{path}: keyword {key!r} is not allowed in strict mode")
    if schema.get("type") == "object" or "properties" in schema:
        if schema.get("additionalProperties") is not False:
            found.append(f"{path}: object must set additionalProperties to false")
        if sorted(schema.get("required", [])) != sorted(schema.get("properties", {})):
            found.append(f"{path}: every property must be required")
    for key, sub in _children(schema, path):
        found.extend(strict_violations(sub, key))
    return found


def _children(schema: Mapping[str, Any], path: str) -> list[tuple[str, Mapping[str, Any]]]:
    """Sub-schemas with their JSON-pointer-like paths."""
    subs: list[tuple[str, Mapping[str, Any]]] = []
    for name, sub in schema.get("properties", {}).items():
        subs.append((f"{path}/properties/{name}", sub))
    for name, sub in schema.get("$defs", {}).items():
        subs.append((f"{path}/$defs/{name}", sub))
    if isinstance(schema.get("items"), Mapping):
        subs.append((f"{path}/items", schema["items"]))
    for i, sub in enumerate(schema.get("anyOf", [])):
        subs.append((f"{path}/anyOf/{i}", sub))
    return subs


def _strict(node: JSON, root: JSON, path: str) -> JSON:
    """Strict form of one schema node (recursive over the schema, which we generated ourselves)."""
    node = _strict_keywords(_reshape(node, root, path), path)
    if (
        isinstance(node.get("additionalProperties"), Mapping)
        or node.get("additionalProperties") is True
    ):
        raise StrictSchemaError(f"{path}: open objects (maps) cannot be strict")
    if node.get("type") == "object" or "properties" in node:
        _close_object(node, root, path)
    if isinstance(node.get("items"), Mapping):
        node["items"] = _strict(node["items"], root, f"{path}/items")
    if "anyOf" in node:
        node["anyOf"] = [_strict(v, root, f"{path}/anyOf/{i}") for i, v in enumerate(node["anyOf"])]
    if "$defs" in node:
        node["$defs"] = {k: _strict(v, root, f"{path}/$defs/{k}") for k, v in node["$defs"].items()}
    return node


def _reshape(node: JSON, root: JSON, path: str) -> JSON:
    """Rewrite constructs strict mode lacks into ones it has: allOf, tuples, refs with siblings, oneOf."""
    if "allOf" in node:
        node = _merge_all_of(node, path)
    if "prefixItems" in node:
        node = _fixed_length_array(node)
    node = _inline_ref_with_siblings(node, root, path)
    if "oneOf" in node:
        node["anyOf"] = node.pop("oneOf")
    return node


def _strict_keywords(node: JSON, path: str) -> JSON:
    """Refuse inexpressible keywords, translate Python-named bounds, drop everything else unknown."""
    for key in list(node):
        if key in _REFUSE:
            raise StrictSchemaError(f"{path}: {key!r} cannot be expressed in strict mode")
        if key in _BOUNDS:
            node.setdefault(_BOUNDS[key], node[key])
        if key not in _KEEP:
            # Annotations and narrowing keywords: safe to leave out, the compiler checks again.
            del node[key]
    return node


def _close_object(node: JSON, root: JSON, path: str) -> None:
    """Close an object: no extra keys, every key required, formerly optional keys nullable."""
    props = node.setdefault("properties", {})
    node.setdefault("type", "object")
    required = set(node.get("required", []))
    node["additionalProperties"] = False
    for name in list(props):
        sub = _strict(props[name], root, f"{path}/properties/{name}")
        # A constant (a kind tag) is always sent, so it stays required and non-null.
        props[name] = sub if name in required or "const" in sub else _nullable(sub)
    node["required"] = list(props)


def _nullable(node: JSON) -> JSON:
    """Allow null besides `node` (how strict mode spells an optional key)."""
    if _allows_null(node):
        return node
    if isinstance(node.get("type"), str) and "$ref" not in node and "anyOf" not in node:
        return {**node, "type": [node["type"], "null"]} if "enum" not in node else _null_union(node)
    return _null_union(node)


def _null_union(node: JSON) -> JSON:
    """`anyOf: [node, null]`, keeping the description at the top."""
    desc = node.pop("description", None)
    out: JSON = {"anyOf": [node, {"type": "null"}]}
    if desc:
        out["description"] = desc
    return out


def _allows_null(node: Mapping[str, Any]) -> bool:
    """True if the schema already accepts null."""
    typ = node.get("type")
    if typ == "null" or (isinstance(typ, list) and "null" in typ):
        return True
    return any(_allows_null(v) for v in node.get("anyOf", []))


def _inline_ref_with_siblings(node: JSON, root: JSON, path: str) -> JSON:
    """Strict mode rejects `$ref` next to other keywords: inline the target there."""
    if "$ref" not in node or len(node) == 1:
        return node
    target = _resolve(node["$ref"], root, path)
    merged = {**copy.deepcopy(target), **{k: v for k, v in node.items() if k != "$ref"}}
    return merged


def _resolve(ref: str, root: JSON, path: str) -> JSON:
    """Follow a local `#/...` reference."""
    if not ref.startswith("#/"):
        raise StrictSchemaError(f"{path}: only local references are supported, got {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        if not isinstance(node, Mapping) or part not in node:
            raise StrictSchemaError(f"{path}: unresolved reference {ref!r}")
        node = node[part]
    return dict(node)


def _fixed_length_array(node: JSON) -> JSON:
    """A tuple (`prefixItems`) becomes an array of exactly that many items of the member types."""
    members = node.pop("prefixItems")
    distinct = [m for i, m in enumerate(members) if m not in members[:i]]
    node["items"] = distinct[0] if len(distinct) == 1 else {"anyOf": distinct}
    node["minItems"] = node["maxItems"] = len(members)
    return node


def _merge_all_of(node: JSON, path: str) -> JSON:
    """A single-member `allOf` (pydantic's way to attach a description to a ref) folds into the node."""
    members = node.pop("allOf")
    if len(members) != 1:
        raise StrictSchemaError(f"{path}: allOf with several members cannot be strict")
    return {**members[0], **node}


def _function(name: str, description: str, parameters: JSON, *, strict: bool) -> JSON:
    """OpenAI chat-completions function tool wrapper."""
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": parameters,
            "strict": strict,
        },
    }


def count_properties(schema: Mapping[str, Any]) -> int:
    """Object properties in a schema, $defs included (endpoints cap the total for strict tools)."""
    total = len(schema.get("properties", {}))
    return total + sum(count_properties(sub) for _path, sub in _children(schema, "#"))
