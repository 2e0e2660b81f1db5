"""The biology painters kept outside renderers/biology.py, by plan type."""
from __future__ import annotations

from typing import Any

from scidsl.renderers.ecology import PAINTERS as ECOLOGY
from scidsl.renderers.genes_bio import PAINTERS as GENES
from scidsl.renderers.molecular_bio import PAINTERS as MOLECULAR

PAINTERS: dict[type, Any] = {**ECOLOGY, **MOLECULAR, **GENES}
