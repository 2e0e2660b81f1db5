"""Text measurement and mathtext validation, behind one pair of functions."""
from __future__ import annotations

from functools import lru_cache

from scidsl import limits
from scidsl.style import FONT_FAMILY, LABEL_SIZE, PT_PER_CM, textbook_rc

_OVERSAMPLE = 10


def is_math(text: str) -> bool:
    """True when the text has an even, non-zero number of unescaped dollar signs."""
    n = text.replace("\\$", "").count("$")
    return n > 0 and n % 2 == 0


_BAD_MATH: set[str] = set()


def drawable(text: str) -> str:
    """The text as it is drawn: math that Matplotlib could not lay out is drawn as plain characters."""
    return text.replace("$", "\\$") if text in _BAD_MATH else text


@lru_cache(maxsize=4096)
def measure_text(text: str, size: float) -> tuple[float, float, float]:
    """Width, height and descent of a label in centimetres: the extent Matplotlib lays the text out in."""
    try:
        return _measure(text, size)
    except ValueError:  # generated math that mathtext rejects: measured (and later drawn) as plain text
        _BAD_MATH.add(text)
        return _measure(drawable(text), size)


# Distinct math labels remembered across figures: a parse is a few hundred bytes of glyph positions and
# costs milliseconds, and a batch repeats its variables, units and tick numbers from scene to scene.
MATH_PARSES_KEPT = 4096


@lru_cache(maxsize=1)
def mathtext_parser():  # type: ignore[no-untyped-def]
    """The one mathtext parser that validates, measures and draws every label.

    Each Matplotlib renderer makes its own parser, and all of them share a cache of only 50 parses
    keyed by the parser: a label was parsed again to be checked, to be measured, for each figure, and
    whenever 50 other labels had come between. This parser keeps its own, larger cache.
    """
    from matplotlib.mathtext import MathTextParser

    cached = getattr(MathTextParser, "_parse_cached", None)
    if cached is None or not hasattr(cached, "__wrapped__"):
        return MathTextParser("path")  # a Matplotlib without the cache: plain parser, same results

    class _KeepingParser(MathTextParser):
        _parse_cached = lru_cache(MATH_PARSES_KEPT)(cached.__wrapped__)

    return _KeepingParser("path")


def _measure(text: str, size: float) -> tuple[float, float, float]:
    import warnings

    with textbook_rc(), warnings.catch_warnings():
        # a glyph no font has is reported once, with its statement, when the figure is drawn (E5010)
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig, renderer = _scratch()
        artist = fig.text(0, 0, text, fontsize=size, ha="left", va="baseline")
        try:
            ext = artist.get_window_extent(renderer)
            _, _, descent = renderer.get_text_width_height_descent(text, artist.get_fontproperties(),
                                                                   is_math(text))
        finally:
            artist.remove()
    scale = _OVERSAMPLE * PT_PER_CM
    return float(ext.width) / scale, float(ext.height) / scale, float(descent) / scale


@lru_cache(maxsize=1)
def _scratch():  # type: ignore[no-untyped-def]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1, 1), dpi=72 * _OVERSAMPLE)
    renderer = FigureCanvasAgg(fig).get_renderer()
    renderer.mathtext_parser = mathtext_parser()
    return fig, renderer


def math_nesting(text: str) -> int:
    """Deepest brace nesting in a math label."""
    depth = best = 0
    for ch in text:
        if ch == "{":
            depth += 1
            best = max(best, depth)
        elif ch == "}":
            depth = max(0, depth - 1)
    return best


def mathtext_error(text: str) -> tuple[str, str] | None:
    """Return (code, message) when a label cannot be drawn; checked at compile time, not at save."""
    if len(text) > limits.MAX_LABEL_CHARS:
        return "E0906", f"the label has {len(text)} characters; the limit is {limits.MAX_LABEL_CHARS}"
    if not is_math(text):
        if text.replace("\\$", "").count("$") % 2:
            return "E0206", "the label has an unmatched '$'"
        return None
    if math_nesting(text) > limits.MAX_MATH_NESTING:
        return "E0906", f"the math label nests deeper than {limits.MAX_MATH_NESTING} levels"
    return _parse_mathtext(text)


@lru_cache(maxsize=2048)
def _parse_mathtext(text: str) -> tuple[str, str] | None:
    try:
        # parsed as it is measured at the usual label size: that measurement then costs nothing
        _measure(text, LABEL_SIZE)
    except ValueError as exc:
        first = str(exc).strip().splitlines()
        return "E0206", "invalid math label: " + (first[-1] if first else "cannot parse")
    except Exception as exc:  # mathtext raises several kinds on odd input
        return "E0206", f"invalid math label: {type(exc).__name__}"
    return None
