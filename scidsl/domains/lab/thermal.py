"""Thermometers and calorimeters: scales, readings in °C, ΔT and the heat q = m c ΔT or C ΔT."""
from __future__ import annotations

import math
from typing import Any

from scidsl.diagnostics import error, warning
from scidsl.domains.lab import kinds as k
from scidsl.model import Quantity
from scidsl.pipeline import Fact
from scidsl.units import DIMENSIONS, parse_unit

WATER_C = 4.184  # J/(g·K), the specific heat textbooks use for dilute solutions
MAX_SPAN = 400.0  # °C from the lowest to the highest mark of a glass thermometer
FULL_MARKS = 60  # at most this many divisions on a full thermometer
CLOSEUP_SPAN, CLOSEUP_MINOR = 5.0, 0.2


def celsius(q: Quantity) -> float | None:
    """A temperature in °C (from degC or K); None when it is not a temperature."""
    if q.unit == "degC":
        return float(q.value)
    if q.unit == "K":
        return float(q.value) - 273.15
    return None


def minor_step(lo: float, hi: float) -> float:
    """The smallest division of a full scale from ``lo`` to ``hi``."""
    return next(s for s in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50) if (hi - lo) / s <= FULL_MARKS)


def window(node: k.Thermometer) -> tuple[float, float, float]:
    """(lowest mark, highest mark, smallest division) as drawn."""
    lo, hi = (celsius(q) for q in node.scale)
    if node.view == "closeup" and node.reading is not None:
        r = celsius(node.reading) or 0.0
        start = max(lo, min(math.floor(r) - 2.0, hi - CLOSEUP_SPAN))  # type: ignore[type-var]
        return start, min(hi, start + CLOSEUP_SPAN), CLOSEUP_MINOR  # type: ignore[type-var]
    return lo, hi, minor_step(lo, hi)  # type: ignore[arg-type]


def _dim(q: Quantity, dim: Any) -> bool:
    info = parse_unit(q.unit) if q.unit else None
    return info is not None and info.dim == dim


def check_thermal(ctx: Any, node: Any) -> None:
    """Units, the scale and the readings of a thermometer; the mass and constant of a calorimeter."""
    if isinstance(node, k.Thermometer):
        _check_thermometer(ctx, node)
    elif isinstance(node, k.Calorimeter):
        _check_calorimeter(ctx, node)


def _not_temperature(ctx: Any, node: Any, key: str, q: Quantity) -> None:
    ctx.report(error("E9521", f"thermometer {node.name}: the {key} {q} is not a temperature",
                     node.span_of(key), "write it in degC or K, e.g. 24.5 degC"))


def _check_thermometer(ctx: Any, node: k.Thermometer) -> None:
    scale = [celsius(q) for q in node.scale]
    if None in scale:
        _not_temperature(ctx, node, "scale", node.scale[scale.index(None)])
        return
    lo, hi = scale
    if not lo < hi or hi - lo > MAX_SPAN:  # type: ignore[operator]
        ctx.report(error("E9522", f"thermometer {node.name}: a scale from {node.scale[0]} to {node.scale[1]} "
                         "cannot be drawn", node.span_of("scale"),
                         f"give the lowest mark first, at most {MAX_SPAN:g} °C below the highest"))
        return
    for key in ("initial", "reading"):
        q = getattr(node, key)
        if q is None:
            continue
        t = celsius(q)
        if t is None:
            _not_temperature(ctx, node, key, q)
        elif not lo - 1e-9 <= t <= hi + 1e-9:  # type: ignore[operator]
            ctx.report(error("E9520", f"thermometer {node.name}: the {key} {q.pretty()} is off its scale "
                             f"({node.scale[0].pretty()} to {node.scale[1].pretty()})", node.span_of(key),
                             "use a thermometer whose scale covers the reading"))
        else:
            _check_resolution(ctx, node, key, t)


def _check_resolution(ctx: Any, node: k.Thermometer, key: str, t: float) -> None:
    step = window(node)[2] / 10
    if abs(t / step - round(t / step)) > 1e-6:
        ctx.report(warning("W9520", f"thermometer {node.name}: the {key} {t:g} °C is finer than a tenth of its "
                           f"smallest division ({step * 10:g} °C)", node.span_of(key),
                           f"read it to {step:g} °C"))


def _check_calorimeter(ctx: Any, node: k.Calorimeter) -> None:
    if node.mass is not None and not _dim(node.mass, DIMENSIONS["mass"]):
        ctx.report(error("E9521", f"calorimeter {node.name}: the mass {node.mass} is not a mass",
                         node.span_of("mass"), "write it in g or kg, e.g. 100.0 g"))
    heat_capacity = tuple(a - b for a, b in zip(DIMENSIONS["energy"], DIMENSIONS["temperature"]))
    if node.heat_capacity is not None and not _dim(node.heat_capacity, heat_capacity):
        ctx.report(error("E9521", f"calorimeter {node.name}: the heat capacity {node.heat_capacity} is not "
                         "an energy per kelvin", node.span_of("heat_capacity"), "write it in J/K or kJ/K"))
    if node.type == "bomb" and not node.sample:
        ctx.report(error("E9523", f"bomb calorimeter {node.name} burns nothing", node.span_of("type"),
                         'name the sample, e.g. sample: "1.000 g benzoic acid"'))


def thermal_facts(nodes: list[Any]) -> list[Fact]:
    """Readings, ΔT of each thermometer, and the heat each calorimeter measures."""
    out: list[Fact] = []
    for node in nodes:
        if isinstance(node, k.Thermometer) and node.reading is not None:
            out += _thermometer_facts(node, nodes)
    return out


def _thermometer_facts(node: k.Thermometer, nodes: list[Any]) -> list[Fact]:
    name = node.name or "thermometer"
    t = celsius(node.reading)  # type: ignore[arg-type]
    out = [Fact("temperature", (name,), f"{t:g} °C", f"thermometer {name} reads {t:g} °C")]
    if node.initial is None:
        return out
    dt = round(t - celsius(node.initial), 9)  # type: ignore[operator]
    out.append(Fact("delta_t", (name,), f"{dt:g} K", f"ΔT = {t:g} °C − {celsius(node.initial):g} °C = {dt:g} K"))
    cal = next((n for n in nodes if isinstance(n, k.Calorimeter) and n.name == node.at), None)
    if cal is not None:
        out += _heat_facts(cal, dt)
    return out


def _joules(q: float) -> str:
    """An amount of heat to four significant figures, in kJ from 10 kJ up."""
    return f"{q / 1000:.4g} kJ" if abs(q) >= 1e4 else f"{q:.4g} J"


def _heat_facts(cal: k.Calorimeter, dt: float) -> list[Fact]:
    name = cal.name or "calorimeter"
    out = []
    if cal.mass is not None:
        m = cal.mass.si * 1000
        q = m * WATER_C * dt
        out.append(Fact("heat_absorbed", (name,), _joules(q),
                        f"q = m c ΔT = {m:g} g × {WATER_C} J/(g·K) × {dt:g} K = {_joules(q)}"))
    if cal.heat_capacity is not None:
        q = cal.heat_capacity.si * dt
        out.append(Fact("heat_absorbed", (name, "calorimeter"), _joules(q),
                        f"q = C ΔT = {cal.heat_capacity.pretty()} × {dt:g} K = {_joules(q)}"))
    kind = "exothermic" if dt > 0 else "endothermic" if dt < 0 else "thermoneutral"
    out.append(Fact("process", (name,), kind, f"the process in {name} is {kind} (ΔT {'>' if dt > 0 else '<'} 0)"))
    return out


def verify_thermometers(ctx: Any, page: Any) -> None:
    """The top of each drawn column sits at its reading on the drawn scale."""
    for node in ctx.nodes:
        if not isinstance(node, k.Thermometer) or node.reading is None or not node.name:
            continue
        a, b, top = (page.anchors.get(f"{node.name}.{key}") for key in ("scale_a", "scale_b", "level"))
        if a is None or b is None or top is None or abs(b[1] - a[1]) < 1e-9:
            continue
        lo, hi, _ = window(node)
        drawn = lo + (top[1] - a[1]) / (b[1] - a[1]) * (hi - lo)
        want = celsius(node.reading)
        if abs(drawn - want) > 0.01 * (hi - lo):  # type: ignore[operator]
            ctx.report(error("E9524", f"thermometer {node.name}: the column is drawn at {drawn:.2f} °C, not at "
                             f"{want:g} °C", node.span_of("reading"),
                             "please report this scene to the scidsl maintainers"))
