"""Snapshots of what a figure states: its facts as JSON, one fact a line, and a perceptual image distance."""
from __future__ import annotations

import difflib
import io
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scidsl.pipeline import Result

SIGNIFICANT_DIGITS = 6  # floats in snapshots: enough to see a change, few enough to survive platform noise
IMAGE_GRID = 64         # images are compared as a 64 × 64 grid of grey cell means
ASPECT_TOLERANCE = 0.05


def _normalise(value: Any) -> Any:
    if isinstance(value, float):
        rounded = float(f"{value:.{SIGNIFICANT_DIGITS}g}")
        return 0.0 if rounded == 0 else rounded
    if isinstance(value, (list, tuple)):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _normalise(v) for k, v in value.items()}
    return value


def dump_facts(facts: list[dict]) -> str:
    """Snapshot text: a JSON list with one fact a line, so that a diff shows whole facts."""
    rows = [json.dumps(_normalise(f), ensure_ascii=False) for f in facts]
    return "[\n" + ",\n".join(f"  {r}" for r in rows) + ("\n" if rows else "") + "]\n"


def facts_snapshot(result: "Result") -> str:
    """The snapshot text of a compiled scene's facts."""
    return dump_facts([f.to_dict() for f in result.facts])


def facts_diff(snapshot_text: str, current_text: str, name: str) -> str:
    """A unified diff from the stored snapshot to the current facts; empty when they agree."""
    try:
        stored = dump_facts(json.loads(snapshot_text))
    except (ValueError, TypeError, AttributeError):
        stored = snapshot_text  # not a list of facts: show the whole difference
    if stored == current_text:
        return ""
    lines = difflib.unified_diff(stored.splitlines(), current_text.splitlines(),
                                 f"{name} (snapshot)", f"{name} (now)", lineterm="", n=1)
    return "\n".join(lines)


def _grey_grid(png: bytes) -> tuple[Any, float]:
    """The image as IMAGE_GRID × IMAGE_GRID grey cell means in [0, 1] (alpha over white), and its aspect."""
    import numpy as np
    from matplotlib import image

    pixels = image.imread(io.BytesIO(png), format="png").astype(float)
    if pixels.ndim == 2:
        grey = pixels
    else:
        rgb = pixels[..., :3] @ np.array([0.299, 0.587, 0.114])
        alpha = pixels[..., 3] if pixels.shape[2] == 4 else 1.0
        grey = rgb * alpha + (1.0 - alpha)
    rows = np.linspace(0, grey.shape[0], IMAGE_GRID + 1).astype(int)
    cols = np.linspace(0, grey.shape[1], IMAGE_GRID + 1).astype(int)
    cells = np.array([[grey[r0:max(r1, r0 + 1), c0:max(c1, c0 + 1)].mean() for c0, c1 in zip(cols, cols[1:])]
                      for r0, r1 in zip(rows, rows[1:])])
    return cells, grey.shape[1] / grey.shape[0]


def image_distance(expected_png: bytes, actual_png: bytes) -> float:
    """Mean absolute difference of the two images' downscaled grey grids (0 same, 1 black for white);
    images whose aspect ratios differ by more than 5 % are 1 apart."""
    import numpy as np

    a, aspect_a = _grey_grid(expected_png)
    b, aspect_b = _grey_grid(actual_png)
    if abs(aspect_a - aspect_b) > ASPECT_TOLERANCE * max(aspect_a, aspect_b):
        return 1.0
    return float(np.abs(a - b).mean())
