"""The one textbook style every renderer shares."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

FONT_FAMILY = "STIXGeneral"
FALLBACK_FAMILY = "DejaVu Sans"  # shipped with Matplotlib: super/subscripts, arrows, Greek
LABEL_SIZE = 11.0
LINE_WIDTH = 1.2
THIN_WIDTH = 0.8
MARGIN_CM = 0.25
CM_PER_INCH = 2.54
PT_PER_CM = 72 / 2.54
DEFAULT_DPI = 200
MAX_NATURAL_CM = 22.0
MIN_NATURAL_CM = 3.0

RC = {
    "font.family": [FONT_FAMILY, FALLBACK_FAMILY],  # a character STIX lacks falls back, never a box
    "mathtext.fontset": "stix",
    "svg.hashsalt": "scidsl",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "path.simplify": False,
    "text.usetex": False,
    "axes.unicode_minus": True,
}


@contextmanager
def textbook_rc() -> Iterator[None]:
    """Matplotlib settings for measuring and drawing; never enables usetex."""
    import matplotlib

    with matplotlib.rc_context(RC):
        yield
