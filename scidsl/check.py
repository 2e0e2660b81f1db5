"""Checks every domain shares: labels must be drawable."""
from __future__ import annotations

from functools import lru_cache

from scidsl import limits
from scidsl.diagnostics import Diagnostic, error
from scidsl.model import LabelMarker, Node, Scene


def _label_fields(node: Node) -> list[tuple[str, str]]:
    out = []
    for key, label in _label_keys(type(node)):
        value = getattr(node, key)
        values = value if isinstance(value, (list, tuple)) else [value]
        out.extend((label, v) for v in values if isinstance(v, str))
    return out


@lru_cache(maxsize=None)
def _label_keys(cls: type[Node]) -> tuple[tuple[str, str], ...]:
    """(field, scene name) of each field of a kind that holds label text (worked out once per kind)."""
    return tuple((key, info.alias or key) for key, info in cls.model_fields.items()
                 if "LabelMarker" in repr(info.annotation) + repr(info.metadata))


def check_labels(scene: Scene) -> list[Diagnostic]:
    """Every label (and mathtext) parses now, not when the figure is saved."""
    from scidsl.text import mathtext_error

    diags = []
    budget, plain = limits.MAX_MATH_CHARS_PER_SCENE, limits.MAX_LABEL_CHARS_PER_SCENE
    for node in scene.items:
        for key, text in _label_fields(node):
            plain -= len(text)
            if plain < 0:  # every glyph is laid out, drawn and measured for overlaps: bound the whole scene
                return diags + [error("E0941", f"the labels of the scene have more than "
                                      f"{limits.MAX_LABEL_CHARS_PER_SCENE} characters", node.span_of(key),
                                      "split the figure into several scenes, or shorten the labels")]
            if "$" in text:
                budget -= len(text)
                if budget < 0:  # mathtext layout costs about 0.4 ms a character: bound the whole scene
                    return diags + [error("E0915", f"the math labels of the scene have more than "
                                          f"{limits.MAX_MATH_CHARS_PER_SCENE} characters", node.span_of(key),
                                          "write long text without $...$, or shorten the formulas")]
            problem = mathtext_error(text)
            if problem:
                code, msg = problem
                diags.append(error(code, msg, node.span_of(key), "math goes between $...$, e.g. \"$\\alpha$\""))
    return diags


__all__ = ["check_labels", "LabelMarker"]
