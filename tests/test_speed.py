"""The figure is drawn once, and a cold compile imports only what its scene's domains need."""
from __future__ import annotations

import io
import json
import pathlib
import subprocess
import sys

import pytest

import scidsl
from scidsl.render import _painted_as_saved

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _savefig_png(result) -> bytes:  # type: ignore[no-untyped-def]
    """The PNG Matplotlib's own savefig writes for the compiled figure."""
    from scidsl.style import textbook_rc

    buf = io.BytesIO()
    with textbook_rc():
        result.figure.savefig(buf, format="png", dpi=result.canvas.dpi, metadata={"Software": "scidsl"})
    return buf.getvalue()


@pytest.mark.parametrize("scene", ["examples/draw/incline_forces.sdl", "examples/geometry/right_triangle_345.sdl"])
def test_png_from_the_verified_drawing_has_savefig_bytes(scene: str) -> None:
    result = scidsl.compile((ROOT / scene).read_bytes(), scene)
    assert result.ok and result.canvas.painted
    assert _painted_as_saved(result.canvas, None)
    assert result.to_bytes("png") == _savefig_png(result)


def test_a_figure_changed_after_compiling_is_drawn_again() -> None:
    result = scidsl.compile(b'scene "s"\ndot P at (0, 0) { label: "P" }\npolyline l { points: [(0, 0), (2, 1)] }\n')
    assert result.ok
    before = result.to_bytes("png")
    from matplotlib.lines import Line2D

    result.canvas.figure.add_artist(Line2D([0, 2], [1, 0], color="red", linewidth=4,
                                           transform=result.canvas.transform))
    assert not _painted_as_saved(result.canvas, None)
    after = result.to_bytes("png")
    assert after != before and after == _savefig_png(result)


def test_another_dpi_is_drawn_again() -> None:
    result = scidsl.compile(b'scene "s"\npolyline l { points: [(0, 0), (2, 1)] }\n')
    assert not _painted_as_saved(result.canvas, 100)
    assert result.to_bytes("png", 100) != result.to_bytes("png")


def test_unverified_compile_still_saves() -> None:
    result = scidsl.compile(b'scene "s"\npolyline l { points: [(0, 0), (2, 1)] }\n', verify=False)
    assert result.ok and not result.canvas.painted
    assert result.to_bytes("png") == _savefig_png(result)


HEAVY = ("sympy", "scipy", "networkx")
PROBE = """import json, sys
from scidsl.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(m for m in %r if m in sys.modules)}))
"""


def _loaded(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE % (HEAVY,), *args], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_compiling_a_drawing_imports_no_solver_library(tmp_path: pathlib.Path) -> None:
    probe = _loaded("compile", "examples/draw/incline_forces.sdl", "-o", str(tmp_path / "f.png"), "--budget", "0")
    assert probe == {"code": 0, "loaded": []}
    assert (tmp_path / "f.png").stat().st_size > 0


def test_compiling_a_solved_right_triangle_imports_no_solver_library(tmp_path: pathlib.Path) -> None:
    probe = _loaded("compile", "examples/geometry/right_triangle_345.sdl", "-o", str(tmp_path / "t.png"),
                    "--facts", str(tmp_path / "t.json"), "--budget", "0")
    assert probe == {"code": 0, "loaded": []}
    facts = json.loads((tmp_path / "t.json").read_text())
    assert "180*acos(3/5)/pi" in json.dumps(facts)  # the exact values are still written


def test_a_math_label_is_parsed_once_to_check_and_measure_it_and_once_to_draw_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from matplotlib import _mathtext

    label = "$\\omega_{17} t + \\varphi_{23}$"  # found in no other test: nothing has parsed it yet
    seen: list[float] = []
    parse = _mathtext.Parser.parse

    def counting(self, s, fonts_object, fontsize, dpi):  # type: ignore[no-untyped-def]
        if s == label:
            seen.append(dpi)
        return parse(self, s, fonts_object, fontsize, dpi)

    monkeypatch.setattr(_mathtext.Parser, "parse", counting)
    text = f'scene "Phase"\narrow v from (0, 0) to (3, 0) {{ label: "{label}" }}\n'
    result = scidsl.compile(text)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    result.to_bytes("png")
    assert len(seen) == 2, seen
    scidsl.compile(text).to_bytes("png")
    assert len(seen) == 2, seen  # the next figure with the same label parses it no more
