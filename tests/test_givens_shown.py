"""Given values of a kind's figure are written on the page, unless the scene marks them `givens: hidden`."""
from __future__ import annotations

from pathlib import Path

import pytest

import scidsl
from scidsl.fmt import format_scene

ROOT = Path(__file__).resolve().parent.parent / "examples"
# examples whose every stated value is a given of the problem a reader needs (an angle, a potential, an area)
EXAMPLES = ["physics/refraction_air_glass.sdl", "physics/total_internal_reflection.sdl",
            "physics/prism_deviation.sdl", "physics/prism_total_reflection.sdl", "physics/photoelectric_cell.sdl",
            "physics/photoelectric_stopping.sdl", "physics/capacitor_two_dielectrics.sdl",
            "physics/capacitor_dielectric_layers.sdl", "physics/ladder_against_wall.sdl",
            "chemistry/galvanic_daniell.sdl", "chemistry/galvanic_silver_copper.sdl",
            "physics/solenoid_with_current.sdl", "physics/toroid_windings.sdl", "physics/charged_sphere_point.sdl",
            "physics/shell_point_inside.sdl", "physics/rod_on_rails.sdl", "circuits/ac_rlc.sdl", "physics/travelling_wave_snapshot.sdl",
            "lab/coffee_cup_calorimeter.sdl", "lab/bomb_calorimeter.sdl", "chemistry/perovskite_cell.sdl",
            "lab/thermometer_in_beaker.sdl", "lab/filtration.sdl", "lab/titration_hcl_naoh.sdl"]
# a pendulum writes its angle, mass and length in metres; its stated period is a checked result, not a given
PENDULUM = "ceiling top\npendulum p hangs from top { length: 1 m, angle: 20 deg, mass: 0.2 kg, label: \"$m$\" }"
HIDDEN = {
    "refraction r { n1: 1.0, n2: 1.5, incidence: 40 deg, givens: hidden }": ["40°"],
    "optical_prism p { apex: 60 deg, n: 1.5, incidence: 45 deg, givens: hidden }": ["60°", "45°"],
    "photoelectric p { wavelength: 400 nm, work_function: 2.3 eV, voltage: 1.5 V, givens: hidden }":
        ["400 nm", "2.3 eV", "1.5 V"],
    "capacitor_plates C { separation: 2 mm, area: 100 cm^2, givens: hidden }": ["2 mm", "100 cm^2"],
    'galvanic g { electrodes: ["Zn", "Cu"], solutions: ["ZnSO4(aq)", "CuSO4(aq)"], potentials: [-0.76 V, 0.34 V], '
    "givens: hidden }": ["-0.76 V", "0.34 V"],
    "solenoid s { I: 3 A, N: 400, length: 20 cm, givens: hidden }": ["3 A", "20 cm"],
    "toroid t { I: 2 A, N: 600, r: 12 cm, givens: hidden }": ["2 A", "12 cm"],
    "charged_sphere s { Q: 4 nC, radius: 10 cm, givens: hidden }": ["4 nC", "10 cm"],
    "wire_section a { current: out, I: 3 A, field: true, label: \"$I_1$\", givens: hidden }": ["3 A"],
    "rails r { separation: 0.4 m, speed: 2 m/s, motion: right, givens: hidden }": ["0.4 m", "2 m/s"],
    PENDULUM.replace(" }", ", givens: hidden }"): ["0.2 kg", "1 m", "20°"],
    "calorimeter C { type: coffee_cup, mass: 100 g, givens: hidden }\n"
    "thermometer T at C { scale: [0 degC, 50 degC], initial: 21 degC, reading: 27.4 degC, givens: hidden }":
        ["100 g", "21 °C"],
    "burette B { capacity: 50 mL, initial: 1.20 mL, reading: 24.85 mL, contents: \"NaOH\", givens: hidden }":
        ["1.2 mL"],
    "crystal c { lattice: cubic, edge: 390 pm, givens: hidden }\n"
    "crystal_site of c { species: \"Na\", at: [corners], radius: 100 pm }": ["390 pm", "100 pm"],
    "beaker K { capacity: 100 mL, volume: 60 mL, givens: hidden }": ["100 mL"],
    "floor f\nwall w\nrod AB on f against w { length: 4, angle: 60 deg, givens: hidden }": ["60°"],
}


def _unshown(src: str) -> list[str]:
    result = scidsl.compile(src)
    assert result.ok, result.diagnostics
    (fact,) = [f for f in result.facts if f.predicate == "unshown_givens"]
    return [e["text"] for e in fact.value]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_given_of_the_example_is_written(name: str) -> None:
    assert _unshown((ROOT / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("src", list(HIDDEN))
def test_givens_hidden_stay_unwritten(src: str) -> None:
    assert _unshown(src) == HIDDEN[src]
    scene = scidsl.compile(src).scene
    assert scene is not None and "givens: hidden" in format_scene(scene)  # the mark survives formatting
    shown = src.replace("givens: hidden", "givens: shown")
    assert _unshown(shown) == []


def test_a_given_is_written_as_its_symbol_and_value() -> None:
    result = scidsl.compile("optical_prism p { apex: 60 deg, n: 1.5, incidence: 45 deg }")
    texts = {t.text for t in result.texts}
    assert {"$A$ = 60°", "$i$ = 45°"} <= texts, texts
