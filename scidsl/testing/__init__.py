"""scidsl in its users' tests: generated scenes with the facts they must state, and a pytest plugin.

- `scidsl.testing.strategies` (needs hypothesis, `pip install scidsl[testing]`): strategies drawing valid
  scenes of every domain (`SceneCase`) and scenes broken in a known way (`BrokenScene`).
- `scidsl.testing.plugin`: the pytest plugin (installed with scidsl, inert until a project sets
  `scidsl_scenes`) that compiles a folder of `.sdl` files and compares their facts with snapshots.
- `scidsl.testing.scenes`: `SceneCase`, `BrokenScene`, `ExpectedFact`, usable without hypothesis.
"""
from __future__ import annotations

from scidsl.testing.scenes import ANY, BrokenScene, ExpectedFact, SceneCase, number_of

__all__ = ["ANY", "BrokenScene", "ExpectedFact", "SceneCase", "number_of"]
