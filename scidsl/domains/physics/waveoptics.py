"""Wave optics and the photoelectric effect, checked and laid out: refraction, prisms, double slits,
Michelson interferometers and photocells."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from scidsl.diagnostics import error
from scidsl.domains.physics import snell
from scidsl.domains.physics import waveoptics_kinds as k

GAP_CM = 2.0
TEXT_SCALES_WITH_DRAWING = True  # meter letters and the electron sign sit in room the layout keeps for them
ANGLE_TOL_DEG = 0.5
E_CHARGE = 1.602176634e-19


@dataclass
class Item:
    """One checked figure with what its physics computed (angles in rad, SI otherwise)."""

    node: Any
    values: dict = field(default_factory=dict)
    path: Optional[snell.PrismPath] = None
    x0: float = 0.0


def degrees(q: Any) -> float:
    """An angle quantity in degrees (a bare number counts as degrees)."""
    return q.value if not q.unit else math.degrees(q.si)


def _ev(q: Any) -> float:
    """An energy quantity in eV (a bare number counts as eV)."""
    return q.value if not q.unit else q.si / E_CHARGE


# ---- checks: each returns the computed item, or None after reporting -------------------------------------

def _refraction(node: k.Refraction, report: Callable) -> Optional[Item]:
    t1 = degrees(node.incidence)
    if not 0 <= t1 < 90:
        report(error("E9740", f"an angle of incidence of {t1:g}° is not between 0° and 90°",
                     node.span_of("incidence"), "measure it from the normal"))
        return None
    t2 = snell.snell(node.n1, node.n2, math.radians(t1))
    crit = snell.critical(node.n1, node.n2)
    if node.refraction is not None:
        stated = degrees(node.refraction)
        if t2 is None:
            report(error("E9740", f"at {t1:g}° the ray is totally reflected (critical angle "
                         f"{math.degrees(crit or 0):.3g}°): there is no refraction angle", node.span_of("refraction"),
                         "leave `refraction` out"))
            return None
        if abs(stated - math.degrees(t2)) > ANGLE_TOL_DEG:
            report(error("E9740", f"Snell's law gives a refraction angle of {math.degrees(t2):.3g}°, not {stated:g}° "
                         f"({node.n1:g} sin {t1:g}° = {node.n2:g} sin θ₂)", node.span_of("refraction"),
                         "leave `refraction` out: it is computed"))
            return None
    return Item(node, {"theta1": math.radians(t1), "theta2": t2, "critical": crit})


def _prism(node: k.OpticalPrism, report: Callable) -> Optional[Item]:
    apex = degrees(node.apex) if node.apex is not None else 60.0
    i = degrees(node.incidence)
    if not (10 <= apex <= 120 and 0 <= i < 90):
        report(error("E9741", f"a prism is drawn with an apex angle of 10°–120° and an incidence of 0°–90°, "
                     f"not {apex:g}° and {i:g}°", node.span, "check the apex angle and the angle of incidence"))
        return None
    values = snell.prism_angles(math.radians(apex), node.n, math.radians(i))
    values.update(apex=math.radians(apex), i=math.radians(i), min=snell.min_deviation(math.radians(apex), node.n))
    if node.deviation is not None:
        dev = values["deviation"]
        stated = degrees(node.deviation)
        if dev is None or abs(math.degrees(dev) - stated) > ANGLE_TOL_DEG:
            why = ("the ray is totally reflected at the second face" if dev is None
                   else f"the two faces give a deviation of {math.degrees(dev):.3g}°, not {stated:g}°")
            report(error("E9741", why, node.span_of("deviation"), "leave `deviation` out: it is computed"))
            return None
    return Item(node, values, snell.trace_prism(math.radians(apex), node.n, math.radians(i)))


def _slits(node: k.DoubleSlit, report: Callable) -> Optional[Item]:
    d, screen, lam = node.separation.si, node.distance.si, node.wavelength.si
    width = node.width.si if node.width is not None else None
    if min(d, screen, lam) <= 0 or (width is not None and width <= 0):
        report(error("E9742", "slit separation, screen distance, wavelength and slit width are above zero", node.span))
        return None
    if d > 1e7 * lam:
        report(error("E9742", "slits more than 10⁷ wavelengths apart give fringes too fine to draw", node.span,
                     "check the units of d and λ"))
        return None
    if node.orders * lam >= d or (width is not None and width >= d):
        why = (f"slits {node.width.pretty()} wide overlap at a separation of {node.separation.pretty()}"  # type: ignore
               if width is not None and width >= d else
               f"order {node.orders} needs sin θ = mλ/d = {node.orders * lam / d:.3g}, above 1: "
               f"it does not exist")
        report(error("E9742", why, node.span, "show fewer orders, or check d and λ (d must exceed mλ)"))
        return None
    spacing = lam * screen / d
    theta = math.asin(node.orders * lam / d)
    small = theta < math.radians(10) and screen > 10 * d
    if node.spacing is not None:
        stated = node.spacing.si
        if not small or abs(stated - spacing) > 0.02 * spacing:
            why = (f"λL/d = {_si_text(spacing)}, not {node.spacing.pretty()}" if small else
                   f"order {node.orders} lies at θ = {math.degrees(theta):.3g}°: y = mλL/d does not hold")
            report(error("E9743", f"the fringe spacing is wrong: {why}", node.span_of("spacing"),
                         "leave `spacing` out: it is computed"))
            return None
    fringes = snell.fringe_positions(d, screen, lam, node.orders)
    return Item(node, {"spacing": spacing, "small": small, "fringes": fringes, "theta": theta})


def _michelson(node: k.Interferometer, report: Callable) -> Optional[Item]:
    l1, l2 = (q.si for q in node.arms)
    if min(l1, l2) <= 0:
        report(error("E9744", "the arm lengths of an interferometer are above zero", node.span_of("arms")))
        return None
    lam = node.wavelength.si if node.wavelength is not None else None
    shift = node.shift.si if node.shift is not None else None
    count = 2 * abs(shift) / lam if lam and shift is not None and lam > 0 else None
    count = count if count is not None and math.isfinite(count) else None
    if node.fringes is not None and (count is None or abs(count - node.fringes) > 0.5):
        moved = node.shift.pretty() if node.shift is not None else ""
        why = (f"moving a mirror by {moved} changes the path by {_si_text(2 * abs(shift or 0))}: "
               f"2·shift/λ = {count:.4g} fringes, not {node.fringes:g}" if count is not None else
               "a fringe count needs the wavelength and the mirror shift")
        report(error("E9744", why, node.span_of("fringes"), "leave `fringes` out: it is computed"))
        return None
    return Item(node, {"l1": l1, "l2": l2, "difference": 2 * (l1 - l2), "wavelength": lam, "count": count})


def _photo(node: k.Photoelectric, report: Callable) -> Optional[Item]:
    f = node.frequency.si if node.frequency is not None else None
    lam = node.wavelength.si if node.wavelength is not None else None
    if f is None and lam is None or (f is not None and f <= 0) or (lam is not None and lam <= 0):
        report(error("E9747", "the light needs a frequency or a wavelength above zero", node.span,
                     "give `frequency: 6e14 Hz` or `wavelength: 400 nm`"))
        return None
    if f is not None and lam is not None and abs(f * lam / snell.C_LIGHT - 1) > 0.02:
        report(error("E9747", f"c/λ = {snell.C_LIGHT / lam:.4g} Hz, not {f:.4g} Hz", node.span_of("frequency"),
                     "give only one of frequency and wavelength"))
        return None
    f = f if f is not None else snell.C_LIGHT / lam  # type: ignore[operator]
    if not math.isfinite(snell.photon_ev(f)):
        report(error("E9747", "the light's frequency is too large to compute with", node.span))
        return None
    phi = _ev(node.work_function)
    if phi <= 0:
        report(error("E9747", "the work function is above zero", node.span_of("work_function")))
        return None
    kmax = snell.photon_ev(f) - phi
    volts = node.voltage.si if node.voltage is not None else 0.0
    flows = kmax > 0 and (node.polarity == "forward" or volts < kmax)
    if node.current and kmax <= 0:
        report(error("E9745", f"hf = {snell.photon_ev(f):.3g} eV is below the work function {phi:.3g} eV: "
                     f"no electrons leave the cathode (threshold {phi / snell.H_EV_S:.3g} Hz)",
                     node.span_of("current"), "raise the frequency, or state `current: false`"))
        return None
    if node.stopping is not None and abs(node.stopping.si - max(kmax, 0)) > 0.02 * max(kmax, 0.05):
        report(error("E9746", f"(hf − φ)/e = {max(kmax, 0):.3g} V, not {node.stopping.pretty()}",
                     node.span_of("stopping"), "leave `stopping` out: it is computed"))
        return None
    return Item(node, {"f": f, "phi": phi, "photon": snell.photon_ev(f), "kmax": kmax, "flows": flows})


def _si_text(metres: float) -> str:
    for unit, factor in (("m", 1.0), ("mm", 1e-3), ("µm", 1e-6), ("nm", 1e-9)):
        if abs(metres) >= factor or unit == "nm":
            return f"{metres / factor:.4g} {unit}"
    return f"{metres:.4g} m"


_MAKE: dict[type, Callable] = {k.Refraction: _refraction, k.OpticalPrism: _prism, k.DoubleSlit: _slits,
                               k.Interferometer: _michelson, k.Photoelectric: _photo}
_WIDTH = {k.Refraction: 8.0, k.OpticalPrism: 12.0, k.DoubleSlit: 11.8, k.Interferometer: 11.0, k.Photoelectric: 9.0}


def check(ctx: Any) -> None:
    """Every stated angle, spacing, count and voltage agrees with the physics."""
    for node in ctx.nodes:
        _MAKE[type(node)](node, ctx.report)


def layout(ctx: Any) -> list[Item]:
    """Every figure, computed again silently, side by side."""
    out: list[Item] = []
    x = 0.0
    for node in ctx.nodes:
        item = _MAKE[type(node)](node, lambda d: None)
        if item is None:
            continue
        item.x0 = x
        x += _WIDTH[type(node)] + GAP_CM
        out.append(item)
    return out


def render(ctx: Any, layout: list[Item]) -> Any:
    """Primitives of every figure (renderers/phys_waveoptics.py, renderers/phys_photo.py)."""
    from scidsl.renderers.phys_waveoptics import render_waveoptics

    return render_waveoptics(layout)


def facts(ctx: Any, layout: list[Item] | None) -> list:
    """Angles, deviations, fringe positions, path differences and photoelectric energies."""
    from scidsl.domains.physics.waveoptics_facts import facts_of

    return [f for item in layout or [] for f in facts_of(item)]


def verify(ctx: Any, layout: list[Item] | None, page: Any) -> None:
    """Measure the drawn rays: Snell's law at a boundary, a prism's deviation (E9748)."""
    from scidsl.domains.physics.waveoptics_facts import measured_refraction, measured_turn

    for item in layout or []:
        owner = item.node.name or f"{item.node.kind}@{id(item.node)}"
        if isinstance(item.node, k.Refraction) and item.values["theta2"] is not None:
            drawn = measured_refraction(page, owner)
            want = (math.degrees(item.values["theta1"]), math.degrees(item.values["theta2"]))
            if drawn is not None and max(abs(a - b) for a, b in zip(drawn, want)) > ANGLE_TOL_DEG:
                ctx.report(error("E9748", f"the rays are drawn at {drawn[0]:.1f}° and {drawn[1]:.1f}° to the normal, "
                                 f"not {want[0]:.1f}° and {want[1]:.1f}°", item.node.span, _BUG))
        elif isinstance(item.node, k.OpticalPrism) and item.values["deviation"] is not None:
            turn = measured_turn(page, owner)
            want_dev = abs(math.degrees(item.values["deviation"]))
            if turn is not None and abs(turn - want_dev) > ANGLE_TOL_DEG:
                ctx.report(error("E9748", f"the drawn ray turns by {turn:.1f}°, not by the deviation {want_dev:.1f}°",
                                 item.node.span, _BUG))


_BUG = "this is a bug in the drawing of the rays; please report the scene"
