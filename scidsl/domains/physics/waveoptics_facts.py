"""Facts of wave optics and the photoelectric effect, as sentences a quiz can ask about."""
from __future__ import annotations

import math
from typing import Any

from scidsl.domains.physics import waveoptics_kinds as k


def _deg(rad: float) -> float:
    return round(math.degrees(rad), 4)


def facts_of(item: Any) -> list:
    """The facts of one computed figure."""
    make = {k.Refraction: _refraction, k.OpticalPrism: _prism, k.DoubleSlit: _slits,
            k.Interferometer: _michelson, k.Photoelectric: _photo}
    return make[type(item.node)](item.node.name, item.values)


def _refraction(name: str, v: dict) -> list:
    from scidsl.pipeline import Fact

    out = [Fact("reflection_angle", (name,), _deg(v["theta1"]), f"the reflected ray leaves at {_deg(v['theta1']):.4g}°"
                " from the normal")]
    if v["theta2"] is None:
        out.append(Fact("total_internal_reflection", (name,), True, "the ray is totally reflected: no refracted ray"))
    else:
        out.append(Fact("refraction_angle", (name,), _deg(v["theta2"]),
                        f"the refracted ray makes θ₂ = {_deg(v['theta2']):.4g}° with the normal"))
    if v["critical"] is not None:
        out.append(Fact("critical_angle", (name,), _deg(v["critical"]),
                        f"the critical angle is {_deg(v['critical']):.4g}°"))
    return out


def _prism(name: str, v: dict) -> list:
    from scidsl.pipeline import Fact

    out = [Fact("refraction_angle", (name, "first face"), _deg(v["r1"]), f"inside, r₁ = {_deg(v['r1']):.4g}°"),
           Fact("incidence_angle", (name, "second face"), _deg(v["r2"]),
                f"at the second face r₂ = {_deg(v['r2']):.4g}°")]
    if v["e"] is None:
        out.append(Fact("total_internal_reflection", (name, "second face"), True,
                        "the ray is totally reflected at the second face"))
    else:
        out.append(Fact("emergence_angle", (name,), _deg(v["e"]), f"the ray leaves at e = {_deg(v['e']):.4g}°"))
        out.append(Fact("deviation", (name,), _deg(v["deviation"]),
                        f"the deviation is δ = i + e − A = {_deg(v['deviation']):.4g}°"))
    if v["min"] is not None:
        out.append(Fact("minimum_deviation", (name,), _deg(v["min"]),
                        f"the minimum deviation is {_deg(v['min']):.4g}°"))
    return out


def _slits(name: str, v: dict) -> list:
    from scidsl.domains.physics.waveoptics import _si_text
    from scidsl.pipeline import Fact

    out = []
    if v["small"]:
        out.append(Fact("fringe_spacing", (name,), v["spacing"],
                        f"the fringe spacing λL/d is {_si_text(v['spacing'])}"))
    for m, y in sorted(v["fringes"].items()):
        if m > 0:
            out.append(Fact("bright_fringe", (name, m), y, f"bright fringe m = {m} lies {_si_text(y)} from the centre"))
    return out


def _michelson(name: str, v: dict) -> list:
    from scidsl.domains.physics.waveoptics import _si_text
    from scidsl.pipeline import Fact

    out = [Fact("path_difference", (name,), v["difference"],
                f"the path difference 2(L₁ − L₂) is {_si_text(v['difference'])}")]
    if v["count"] is not None:
        out.append(Fact("fringe_count", (name,), round(v["count"], 6),
                        f"moving M₁ shifts {v['count']:.4g} fringes past the detector"))
    return out


def _photo(name: str, v: dict) -> list:
    from scidsl.domains.physics.snell import C_LIGHT, H_EV_S
    from scidsl.pipeline import Fact

    f0 = v["phi"] / H_EV_S
    out = [Fact("photon_energy", (name,), round(v["photon"], 6), f"each photon carries hf = {v['photon']:.4g} eV"),
           Fact("threshold_frequency", (name,), f0, f"the threshold frequency φ/h is {f0:.4g} Hz"),
           Fact("threshold_wavelength", (name,), C_LIGHT / f0,
                f"the threshold wavelength is {C_LIGHT / f0 * 1e9:.4g} nm")]
    if v["kmax"] > 0:
        out += [Fact("max_kinetic_energy", (name,), round(v["kmax"], 6), f"K_max = hf − φ = {v['kmax']:.4g} eV"),
                Fact("stopping_voltage", (name,), round(v["kmax"], 6), f"the stopping voltage is {v['kmax']:.4g} V")]
    out.append(Fact("photocurrent", (name,), v["flows"], "a current flows" if v["flows"] else "no current flows"))
    return out


def _drawn_direction(page: Any, owner: str, role: str) -> Any:
    """Unit direction of a ray drawn as consecutive pieces (first point to last), or None when not drawn."""
    from scidsl.primitives import Line

    lines = [it for it in page.items if isinstance(it, Line) and it.owner == owner and it.role == role]
    if not lines:
        return None
    a, b = lines[0].points[0], lines[-1].points[-1]
    d = math.dist(a, b)
    return None if d == 0 else ((b[0] - a[0]) / d, (b[1] - a[1]) / d)


def _between(u: Any, v: Any, lines: bool) -> float:
    c = u[0] * v[0] + u[1] * v[1]
    return math.degrees(math.acos(max(-1.0, min(1.0, abs(c) if lines else c))))


def measured_refraction(page: Any, owner: str) -> Any:
    """(θ₁, θ₂) in degrees as drawn: the incident and refracted rays against the normal."""
    rays = [_drawn_direction(page, owner, r) for r in ("normal", "incident", "refracted")]
    if any(r is None for r in rays):
        return None
    return _between(rays[1], rays[0], True), _between(rays[2], rays[0], True)


def measured_turn(page: Any, owner: str) -> Any:
    """How far the drawn emergent ray turns from the incident one (degrees)."""
    rays = [_drawn_direction(page, owner, r) for r in ("incident", "emergent")]
    return None if any(r is None for r in rays) else _between(rays[0], rays[1], False)
