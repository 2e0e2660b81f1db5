"""After-render checks of drawn text: glyphs, containers, label ownership, values printed twice."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Optional

from scidsl.diagnostics import Diagnostic
from scidsl.measure import DrawnText, PageView
from scidsl.primitives import Dot, Text
from scidsl.style import FALLBACK_FAMILY, FONT_FAMILY

_PLAIN_FONTS = (FONT_FAMILY, FALLBACK_FAMILY)
_MATH_FONTS = ("STIXGeneral", "STIXNonUnicode")
_CONTAIN_TOL_PX = 1.0
_ARM_TOL_PX = 1.5
_OWN_MARGIN_PT = 6.0  # a label is ambiguous when another object is nearer than its owner by this much
_OWN_RATIO = 0.5  # ... and at most this share of the distance to its owner
# strokes that are no object a label could name (grids, axes, marks, fills)
QUIET_ROLES = ("grid", "hatch", "tick", "axis", "frame", "rule", "cell_fill", "mark", "leader", "drop",
                "venn_shade", "venn_tint", "highlight", "fill", "legend_swatch")


# --- glyphs ---------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _font_path(family: str) -> Optional[str]:
    from matplotlib.font_manager import FontProperties, findfont

    try:
        return findfont(FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def font_has(family: str, ch: str) -> bool:
    """True when the font of this family has a glyph for the character."""
    from matplotlib.font_manager import get_font

    path = _font_path(family)
    return path is not None and get_font(path).get_char_index(ord(ch)) != 0


def drawn_characters(text: str) -> Iterable[tuple[str, bool]]:
    """(character, in math) for every character a text draws; math commands are not characters."""
    parts = re.split(r"(?<!\\)\$", text)
    math = len(parts) % 2 == 1 and len(parts) > 1
    for i, part in enumerate(parts):
        in_math = math and i % 2 == 1
        if in_math:
            part = re.sub(r"\\[A-Za-z]+|\\.|[{}^_]", "", part)
        for ch in part:
            if not ch.isspace() and unicodedata.category(ch)[0] != "C":
                yield ch, in_math


def missing_glyphs(text: str) -> list[str]:
    """The characters of a text that no available font draws, in order, each once."""
    out: list[str] = []
    for ch, in_math in drawn_characters(text):
        if ord(ch) < 128 or ch in out:
            continue
        fonts = _MATH_FONTS if in_math else _PLAIN_FONTS
        if not any(font_has(f, ch) for f in fonts):
            out.append(ch)
    return out


def check_glyphs(view: PageView, reported: Iterable[int] = ()) -> list[Diagnostic]:
    """Every character of every text exists in a font that draws it (E5010); none becomes a box."""
    out, seen = [], set()
    for dt in view.texts:
        chars = missing_glyphs(dt.text.text)
        if chars:
            seen.update(ord(c) for c in chars)
            out.append(_glyph_error(view, dt.text.text, chars, dt.text.owner))
    for code in reported:  # what Matplotlib itself reported while drawing
        if code not in seen:
            seen.add(code)
            holder = next((dt.text for dt in view.texts if chr(code) in dt.text.text), None)
            out.append(_glyph_error(view, holder.text if holder else "", [chr(code)],
                                    holder.owner if holder else None))
    return out


def _glyph_error(view: PageView, text: str, chars: list[str], owner: Optional[str]) -> Diagnostic:
    names = ", ".join(f"{c!r} ({unicodedata.name(c, 'unnamed')}, U+{ord(c):04X})" for c in chars)
    return view.report("E5010", f"{'the character' if len(chars) == 1 else 'the characters'} {names} in "
                       f"{text!r} {'is' if len(chars) == 1 else 'are'} in no available font "
                       f"({', '.join(_PLAIN_FONTS)}); a box would be drawn instead", owner,
                       "write it another way (mathtext such as $^{2+}$, or plain letters)")


# --- text inside its container --------------------------------------------------------------------

def check_containers(view: PageView) -> list[Diagnostic]:
    """A text drawn inside a shape of its owner (a box, a flowchart step, a table cell) stays inside it (E5011)."""
    from shapely.geometry import box

    out = []
    for dt in view.texts:
        t = dt.text
        if t.anchor is not None:
            continue  # placed labels sit beside their objects, not in them
        shape = view.geom(box(*t.within)) if t.within is not None else _container(view, t)
        if shape is None:
            continue
        if not shape.buffer(_CONTAIN_TOL_PX).contains(_ink_box(dt)):
            out.append(view.report("E5011", f"the text {t.text!r} runs outside its "
                                   f"{'cell' if t.within else 'shape'}" + (f" ({t.owner})" if t.owner else ""),
                                   t.owner, "shorten the text or make its shape larger"))
    return out


def _ink_box(dt: DrawnText) -> Any:
    """The text's box, less the font's blank line padding above and below the letters."""
    from shapely.geometry import box

    x0, y0, x1, y1 = dt.box.bounds
    pad = min(0.12 * (y1 - y0), 2.0)
    return box(x0 + 0.5, y0 + pad, x1 - 0.5, y1 - pad)


def _container(view: PageView, t: Text) -> Any:
    """The smallest closed shape of the text's owner around the text's position (pixels), or None."""
    from shapely.geometry import Point, Polygon

    from scidsl.primitives import Circle, Line

    if t.owner is None:
        return None
    at = Point(*view.px(t.at))
    best = None
    for item in view.drawing.items:
        if item.owner != t.owner or not getattr(getattr(item, "stroke", None), "visible", False):
            continue
        if isinstance(item, Line) and item.closed and len(item.points) >= 3:
            shape = view.geom(Polygon(item.points))
        elif isinstance(item, Circle):
            shape = view.geom(Point(item.center).buffer(item.radius, 64))
        else:
            continue
        if shape.is_valid and shape.contains(at) and (best is None or shape.area < best.area):
            best = shape
    return best


# --- label ownership ------------------------------------------------------------------------------

def check_ownership(view: PageView) -> list[Diagnostic]:
    """A placed label is nearer its owner than any other object, by a clear margin (E5013)."""
    from shapely.geometry import Point

    out = []
    margin = _OWN_MARGIN_PT * view.px_per_pt
    points = [(dt.text.owner, Point(*view.px(dt.text.anchor))) for dt in view.texts
              if dt.text.anchor is not None and dt.text.owner is not None and _pointlike(view, dt.text)]
    for dt in view.texts:
        t = dt.text
        if t.anchor is None or t.owner is None:
            continue
        mine = {t.owner, *t.may_touch}
        if any(i.role in ("mark", "angle") for i in view.inks if i.owner in mine):
            continue  # an angle's value sits in its wedge, between the arms, by construction
        spot = Point(*view.px(t.anchor))
        own, cut = [i.line for i in view.inks if i.owner in mine], None
        if not own and not _pointlike(view, t):
            own, cut = _stretch_under(view, spot)  # a length of an edge another statement draws
        d_own = min([dt.box.distance(g) for g in own] + [dt.box.distance(spot)])
        if d_own <= margin:
            continue
        near = _nearest_rival(view, dt, mine, d_own, points, cut)
        if near is not None and near[0] < _OWN_RATIO * d_own and d_own - near[0] > margin:
            out.append(view.report("E5013", f"label {t.text!r} of {t.owner} sits nearer to {near[1]} "
                                   f"({near[0] / view.px_per_pt:.1f} pt) than to {t.owner} "
                                   f"({d_own / view.px_per_pt:.1f} pt)", t.owner,
                                   "give the label room next to its own object, or move the objects apart"))
    return out


def _stretch_under(view: PageView, spot: Any) -> tuple[list, Any]:
    """The straight pieces of drawn strokes under a label's anchor, and the area they take (not a rival)."""
    from shapely.geometry import LineString
    from shapely.ops import unary_union

    pieces = []
    for ink in view.near(spot, _ARM_TOL_PX):
        if ink.owner is None or ink.role in QUIET_ROLES or isinstance(ink.item, Dot):
            continue
        coords = list(ink.line.coords)
        pieces.append(min((LineString(pair) for pair in zip(coords, coords[1:])), key=lambda s: s.distance(spot)))
    return pieces, (unary_union(pieces).buffer(2 * _ARM_TOL_PX) if pieces else None)


def _pointlike(view: PageView, t: Text) -> bool:
    """True for the name of a point: its owner draws only dots, or nothing and it names a page anchor."""
    own = [i for i in view.inks if i.owner == t.owner]
    if own:
        return all(isinstance(i.item, Dot) for i in own)
    return t.anchor is not None and any(abs(t.anchor[0] - x) < 1e-6 and abs(t.anchor[1] - y) < 1e-6
                                        for x, y in view.drawing.anchors.values())


def _nearest_rival(view: PageView, dt: DrawnText, mine: set, d_own: float, points: list,
                   cut: Any = None) -> Optional[tuple[float, str]]:
    """(distance, name) of the nearest object of the label's type that is not its owner.

    With `cut` (the label names a stretch of a stroke), every other stroke counts, even of one object.
    """
    # a point's name competes with other points, a line's label with other lines
    pointlike = cut is None and _pointlike(view, dt.text)
    best: Optional[tuple[float, str]] = None
    for i in view.near(dt.box, d_own):
        if i.owner is None or i.owner in mine or isinstance(i.item, Dot) != pointlike or i.role in QUIET_ROLES:
            continue
        if cut is None and _same_object(i.owner, dt.text.owner):
            continue
        geom = i.line if cut is None else i.line.difference(cut)
        if geom.is_empty:
            continue
        d = dt.box.distance(geom)
        if best is None or d < best[0]:
            best = (d, i.owner)
    if pointlike:
        for owner, spot in points:
            if owner not in mine and not _same_object(owner, dt.text.owner):
                d = dt.box.distance(spot)
                if best is None or d < best[0]:
                    best = (d, owner)
    return best


def _same_object(a: str, b: str) -> bool:
    """Owners that name one object or an object and its part ("f" and "f.root1"); siblings are distinct."""
    return a == b or a == b.split(".")[0] or b == a.split(".")[0]


# --- no value twice -------------------------------------------------------------------------------

_VALUE = r"(-?\d[\d.,]*(?:[A-Za-zΩμ°%]+)?)"


def flat_text(text: str) -> str:
    """A text as its values read: no spaces, math delimiters or spacing commands ("$24\\,$V" → "24V")."""
    flat = text.replace("\\mathrm", "").replace("\\Omega", "Ω").replace("\\mu", "μ").replace("−", "-")
    return re.sub(r"[\s${}~]|\\[,;! ]", "", flat)


def states_value(text: str, value: str) -> bool:
    """True when a text already states the value ("24 V", "V₁ (24 V)", "$24$ V" all state 24 V)."""
    flat, want = flat_text(text), flat_text(value)
    return bool(want) and re.search(rf"(?<![\d.]){re.escape(want)}(?![\d.A-Za-z])", flat) is not None


def printed_twice(text: str) -> Optional[str]:
    """The value a label states twice in a row ("V₁ = 24 V = 24 V", "24 V = 24 V", "(24 V) = 24 V"), or None."""
    pattern = rf"(?:^|[=(])(?<![\w.]){_VALUE}\)?=(?={_VALUE}(?![\d.]))"
    return next((m.group(1) for m in re.finditer(pattern, flat_text(text)) if m.group(1) == m.group(2)), None)


def check_values_twice(view: PageView) -> list[Diagnostic]:
    """No drawn text states the same value twice (E5016)."""
    out = []
    for dt in view.texts:
        value = printed_twice(dt.text.text)
        if value is not None:
            out.append(view.report("E5016", f"label {dt.text.text!r} states the value {value} twice",
                                   dt.text.owner, "the label already states its value; drop one of them"))
    return out
