"""The one canonical text of a scene: `parse(fmt(scene)) == scene` for every scene."""
from __future__ import annotations

from typing import Any

from scidsl.model import Expr, Given, Node, Quantity, Scene, _num_text
from scidsl.syntax import encode_string, is_plain_name

_SKIP = ("kind", "name", "span", "spans")


def format_scene(scene: Scene) -> str:
    """Print a scene in canonical form, one statement per line."""
    return "".join(format_node(n) + "\n" for n in scene.items)


def format_node(node: Node) -> str:
    """Print one statement."""
    if isinstance(node, Given):
        return _format_given(node)
    cls = type(node)
    head = [node.kind]
    if node.name is not None:
        head.append(node.name)
    body: list[str] = []
    for key, info in cls.model_fields.items():
        if key in _SKIP:
            continue
        value = getattr(node, key)
        if _is_default(value, info):
            continue
        alias = info.alias or key
        text = format_python(value, info.annotation, info.metadata)
        if alias == cls.text_field and isinstance(value, str):
            head.append(encode_string(value))
        elif alias in cls.relations:
            head.append(f"{relword(alias)} {text}")
        else:
            body.append(f"{alias}: {text}")
    # relations must follow the name and text in the order the kind declares them
    head = _order_head(head, cls, node)
    return " ".join(head) + (" { " + ", ".join(body) + " }" if body else "")


def _order_head(head: list[str], cls: type[Node], node: Node) -> list[str]:
    words = [relword(r) + " " for r in cls.relations]
    fixed = [h for h in head if not any(h.startswith(w) for w in words)]
    rels = []
    for w in words:
        rels.extend(h for h in head if h.startswith(w) and h not in rels)
    return fixed + rels


def relword(key: str) -> str:
    """How a relation key is written in a statement head (`hangs_from` → `hangs from`)."""
    return key.replace("_", " ")


def _format_given(node: Given) -> str:
    text = "given " + node.lhs.text
    if node.op is not None and node.rhs is not None:
        text += f" {node.op} {node.rhs.text}"
    body = []
    if node.label is not None:
        body.append(f"label: {encode_string(node.label)}")
    if not node.show:
        body.append("show: false")
    if node.vary is not None:
        body.append(f"vary: [{_num_text(node.vary[0])}, {_num_text(node.vary[1])}]")
    return text + (" { " + ", ".join(body) + " }" if body else "")


def _is_default(value: Any, info: Any) -> bool:
    if info.is_required():
        return False
    default = info.get_default(call_default_factory=True)
    return value == default


def _bare_ok(annotation: Any, metadata: list) -> bool:
    text = repr(annotation) + repr(metadata)
    return "RefMarker" in text or "Literal" in text


def format_python(value: Any, annotation: Any = None, metadata: list | None = None) -> str:
    """Print a validated property value as scene text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _num_text(value)
    if isinstance(value, Quantity):
        return str(value)
    if isinstance(value, Expr):
        return value.text
    if isinstance(value, str):
        if is_plain_name(value) and _bare_ok(annotation, metadata or []):
            return value
        return encode_string(value)
    if isinstance(value, tuple):
        return "(" + ", ".join(format_python(v, annotation, metadata) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(format_python(v, annotation, metadata) for v in value) + "]"
    if isinstance(value, dict):
        return "[" + ", ".join(format_python(v, annotation, metadata) for v in value.values()) + "]"
    return encode_string(str(value))
