"""Waves on strings: Melde's string vibrator and travelling-wave snapshots, checked and stated as facts."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

from scidsl.diagnostics import error
from scidsl.domains.physics import wave_kinds as wk

TOL = 0.01


@dataclass
class Vibrator:
    """A string vibrator with its computed λ, and T, v, f when they can be computed (SI)."""

    node: wk.StringVibrator
    wavelength: float
    tension: Optional[float]
    speed: Optional[float]
    frequency: Optional[float]
    x0: float = 0.0


@dataclass
class Snapshot:
    """A travelling wave with its speed (SI) when the frequency is known."""

    node: wk.TravellingWave
    speed: Optional[float]
    x0: float = 0.0


def string_numbers(length: float, n: int, tension: Optional[float], density: Optional[float]) -> tuple:
    """λ = 2L/n; v = √(T/μ) and f = v/λ when T and μ are known."""
    lam = 2 * length / n
    if tension is None or density is None or tension <= 0 or density <= 0:
        return lam, None, None
    v = math.sqrt(tension / density)
    return lam, v, v / lam


def vibrator(node: wk.StringVibrator, report: Any) -> Optional[Vibrator]:
    """The vibrator's numbers, its stated frequency checked."""
    g = node.g.si if node.g is not None else 9.8
    tension = node.tension.si if node.tension is not None else (node.mass.si * g if node.mass is not None else None)
    values = [q.si for q in (node.length, node.mass, node.tension, node.density, node.frequency) if q is not None]
    if node.length.si <= 0 or any(v <= 0 for v in values):
        report(error("E9734", "the string's length, mass, tension, density and frequency must be above zero",
                     node.span, "e.g. length: 1 m, mass: 0.5 kg, density: 2 g/m"))
        return None
    lam, v, f = string_numbers(node.length.si, node.harmonic, tension, node.density.si if node.density else None)
    if f is not None and not (math.isfinite(f) and f > 0):
        report(error("E9734", "the string's wave speed and frequency cannot be computed from these values", node.span,
                     "give the mass (or tension) and the density in ordinary units, e.g. 0.5 kg and 2 g/m"))
        return None
    if node.frequency is not None and f is not None and abs(node.frequency.si - f) > TOL * f:
        report(error("E9734", f"harmonic {node.harmonic} of this string vibrates at f = n/(2L)·√(T/μ) = {f:.4g} Hz, "
                     f"not {node.frequency.pretty()}", node.span_of("frequency") or node.span,
                     "correct the frequency, the mass (T = m·g), the density or the harmonic"))
        return None
    return Vibrator(node, lam, tension, v, f)


def snapshot(node: wk.TravellingWave, report: Any) -> Optional[Snapshot]:
    """The wave's speed, a stated one checked against fλ."""
    if node.wavelength.si <= 0 or node.amplitude.si <= 0 or (node.frequency is not None and node.frequency.si <= 0):
        report(error("E9735", "a travelling wave's wavelength, amplitude and frequency are above zero", node.span,
                     "e.g. wavelength: 0.4 m, amplitude: 2 cm"))
        return None
    v = node.frequency.si * node.wavelength.si if node.frequency is not None else None
    if node.speed is not None and v is not None and abs(node.speed.si - v) > TOL * v:
        report(error("E9735", f"a wave of f = {node.frequency.pretty()} and λ = {node.wavelength.pretty()} travels at "
                     f"v = fλ = {v:.4g} m/s, not {node.speed.pretty()}", node.span_of("speed") or node.span,
                     "correct the speed, the frequency or the wavelength"))
        return None
    return Snapshot(node, v if v is not None else (node.speed.si if node.speed is not None else None))


def facts(item: Any) -> list:
    """λ, T, v and f of a vibrator; λ, A and v of a snapshot."""
    from scidsl.pipeline import Fact

    name = item.node.name
    if isinstance(item, Snapshot):
        node = item.node
        out = [Fact("wavelength", (name,), node.wavelength.pretty(), f"the wave has λ = {node.wavelength.pretty()}"),
               Fact("amplitude", (name,), node.amplitude.pretty(), f"the wave has amplitude {node.amplitude.pretty()}"),
               Fact("travels", (name,), node.direction, f"the wave travels to the {node.direction}")]
        if item.speed is not None:
            out.append(Fact("wave_speed", (name,), round(item.speed, 6), f"the wave travels at v = fλ = "
                            f"{item.speed:.4g} m/s"))
        return out
    out = [Fact("wavelength", (name,), round(item.wavelength, 6), f"harmonic {item.node.harmonic} on the string has "
                f"λ = 2L/n = {item.wavelength:.4g} m")]
    if item.tension is not None:
        out.append(Fact("tension", (name,), round(item.tension, 6), f"the string's tension is {item.tension:.4g} N"))
    if item.speed is not None:
        out.append(Fact("wave_speed", (name,), round(item.speed, 6), f"waves on the string travel at √(T/μ) = "
                        f"{item.speed:.4g} m/s"))
        out.append(Fact("frequency", (name,), round(item.frequency, 6), f"the vibrator's frequency is v/λ = "
                        f"{item.frequency:.4g} Hz"))
    return out
