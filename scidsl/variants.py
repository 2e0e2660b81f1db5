"""Variants of a scene: givens and kind properties resampled within their declared ranges, each re-checked.

`given length(AB) = 5 cm { vary: [3, 8] }` and `vary of R1.resistance { range: [2, 10] }` declare ranges.
A variant is the scene with new values drawn in those ranges; one that fails any check (a triangle that
cannot close, a Venn region that turns negative) is rejected, and only distinct values are kept.
"""
from __future__ import annotations

import json
import math
import os
import random
from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import Diagnostic, error
from scidsl.model import Given, Quantity, Scene, Vary

MAX_TRIES_PER_VARIANT = 25
MAX_VARIANTS = 1000  # each variant is a full compilation


@dataclass(frozen=True)
class Slot:
    """One value that varies: the item (by index) and its key in the scene's JSON form."""

    index: int
    key: str
    low: float
    high: float
    unit: str
    integer: bool
    at: tuple[int, ...] = ()  # position inside a list property, from 1

    def pick(self, rng: random.Random) -> float:
        """A value in the range: a whole number when the range and the value are whole, else two digits of it."""
        if self.integer:
            return float(rng.randint(math.ceil(self.low), math.floor(self.high)))
        places = max(1, 1 - math.floor(math.log10(self.high - self.low)))
        return round(rng.uniform(self.low, self.high), places)


@dataclass
class Variant:
    """A verified variant: the values drawn, the compiled result and its canonical text."""

    values: dict[str, float]
    result: Any
    text: str
    quiz: list = field(default_factory=list)


def _number_of(tree: Any) -> Optional[tuple[float, str]]:
    from scidsl import syntax

    if isinstance(tree, syntax.Num):
        return float(tree.text), ""
    if isinstance(tree, syntax.Qty):
        return float(tree.number), tree.unit
    if isinstance(tree, syntax.Neg):
        inner = _number_of(tree.operand)
        return (-inner[0], inner[1]) if inner else None
    return None


def _range_error(node: Any, low: float, high: float, key: str) -> Optional[Diagnostic]:
    if low < high:
        return None
    return error("E0971", f"the range [{low:g}, {high:g}] is empty: the first number must be the smaller",
                 node.span_of(key), "write the range as [lowest, highest]")


def _item_at(value: Any, at: Optional[list[int]]) -> Any:
    """The entry of a list property at 1-based positions, or None when there is none."""
    for i in at or []:
        if not isinstance(value, (list, tuple)) or not 1 <= i <= len(value):
            return None
        value = value[i - 1]
    return value


def _current(scene: Scene, node: Vary) -> tuple[Any, Any, Any]:
    """The statement a `vary` names, its field, and the value it varies."""
    name, key = node.of.split(".")
    target = next((n for n in scene.items if n.name == name), None)
    info = type(target).model_fields.get(key) if target is not None else None
    value = _item_at(getattr(target, key, None), node.at) if info is not None else None
    return target, info, value


def _property(scene: Scene, node: Vary) -> tuple[Optional[Any], Optional[Diagnostic]]:
    """The statement a `vary` names, when its property (at `at`) holds a number."""
    name, key = node.of.split(".")
    target, info, value = _current(scene, node)
    if isinstance(value, Quantity) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return target, None
    what = f"'{name}' is not declared" if target is None else (
        f"{target.kind} {name} has no number '{key}'" if value is None or info is None
        else f"{target.kind} {name}.{key} is not a number")
    return None, error("E0972", f"vary of {node.of}: {what}", node.span_of("of"),
                       "name a statement and a property holding a number, e.g. R1.resistance")


def check_vary(scene: Scene) -> list[Diagnostic]:
    """Every declared range is a real interval on a value that is a number."""
    out: list[Diagnostic] = []
    for node in scene.items:
        if isinstance(node, Given) and node.vary is not None:
            if node.op != "=" or node.rhs is None or _number_of(node.rhs.tree) is None:
                out.append(error("E0970", "only a given of the form `expr = number` may vary", node.span_of("vary"),
                                 "write the value as a number with its unit, e.g. given length(AB) = 5 cm"))
            elif (d := _range_error(node, *node.vary, "vary")) is not None:
                out.append(d)
        elif isinstance(node, Vary):
            target, d = _property(scene, node)
            out += [d] if d is not None else []
            if target is not None and (d := _range_error(node, *node.range, "range")) is not None:
                out.append(d)
    return out


def slots(scene: Scene) -> list[Slot]:
    """The values a variant draws anew, in scene order."""
    index = {id(n): i for i, n in enumerate(scene.items)}
    out = []
    for node in scene.items:
        if isinstance(node, Given) and node.vary is not None and node.rhs is not None:
            value, unit = _number_of(node.rhs.tree) or (0.0, "")
            out.append(Slot(index[id(node)], "rhs", *node.vary, unit, _whole(value, *node.vary)))
        elif isinstance(node, Vary):
            target, _, value = _current(scene, node)
            unit = value.unit if isinstance(value, Quantity) else ""
            number = value.value if isinstance(value, Quantity) else float(value)
            out.append(Slot(index[id(target)], node.of.split(".")[1], *node.range, unit, _whole(number, *node.range),
                            tuple(node.at or ())))
    return out


def _whole(*numbers: float) -> bool:
    return all(float(x).is_integer() for x in numbers)


def _with_values(scene: Scene, chosen: list[tuple[Slot, float]]) -> dict:
    data = scene.to_json()
    for slot, value in chosen:
        number = str(int(value)) if float(value).is_integer() else f"{value:g}"
        new = f"{number} {slot.unit}".strip() if slot.unit or slot.key == "rhs" else value
        holder, key = data["items"][slot.index], slot.key
        for i in slot.at:
            holder, key = holder[key], i - 1
        holder[key] = new
    return data


def _label(scene: Scene, slot: Slot) -> str:
    node = scene.items[slot.index]
    where = "".join(f"[{i}]" for i in slot.at)
    return f"given {node.lhs.text}" if isinstance(node, Given) else f"{node.name}.{slot.key}{where}"


def make_variants(scene: Scene, n: int, seed: int = 0, filename: str = "<scene>") -> list[Variant]:
    """Up to n distinct variants that compile with every check and verification passing."""
    from scidsl.fmt import format_scene
    from scidsl.pipeline import compile as compile_scene
    from scidsl.quiz import make_quiz

    todo, rng = slots(scene), random.Random(seed)
    n = min(n, MAX_VARIANTS)
    if not todo:
        return []
    found: list[Variant] = []
    seen: set[tuple[float, ...]] = set()
    for _ in range(n * MAX_TRIES_PER_VARIANT):
        if len(found) == n:
            break
        values = tuple(slot.pick(rng) for slot in todo)
        if values in seen:
            continue
        seen.add(values)
        result = compile_scene(_with_values(scene, list(zip(todo, values))), filename)
        if result.ok and result.scene is not None:
            labels = {_label(scene, s): v for s, v in zip(todo, values)}
            found.append(Variant(labels, result, format_scene(result.scene), make_quiz(result.facts, seed)))
    return found


def write_variants(variants: list[Variant], stem: str, out_dir: str) -> list[dict]:
    """Each variant as stem-k.sdl, stem-k.png, stem-k.facts.json and stem-k.quiz.json; returns the records."""
    os.makedirs(out_dir, exist_ok=True)
    records = []
    for k, v in enumerate(variants, 1):
        base = os.path.join(out_dir, f"{stem}-{k}")
        write_text(base + ".sdl", v.text)
        v.result.save(base + ".png")
        _dump(base + ".facts.json", [f.to_dict() for f in v.result.facts])
        _dump(base + ".quiz.json", v.quiz)
        records.append({"variant": k, "scene": base + ".sdl", "image": base + ".png", "values": v.values})
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    write_text(os.path.join(out_dir, f"{stem}.variants.jsonl"), lines)
    return records


def _dump(path: str, data: Any) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2, default=str))


def write_text(path: str, text: str) -> None:
    """Write through a temporary file and a rename, never through a symbolic link."""
    import tempfile

    if os.path.islink(path):
        raise OSError(f"refusing to write through the symbolic link {path}")
    fd, tmp = tempfile.mkstemp(prefix=".scidsl-", dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
