"""The domain registry: which kinds exist, which domain owns them, and lazy loading of domains.

A domain is one `Domain` entry: a light module of kinds (pydantic models only), an implementation
module loaded only when a scene uses the domain, its diagnostic codes and the fact functions
(`angle`, `parallel`, ...) its `given` statements may use.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scidsl.model import Node


@dataclass(frozen=True)
class Domain:
    """One domain's registration."""

    name: str
    kinds_module: str
    impl_module: str
    codes_module: str | None = None
    fact_functions: tuple[str, ...] = field(default=())
    summary: str = ""


DOMAINS: tuple[Domain, ...] = (
    Domain("draw", "scidsl.domains.draw.kinds", "scidsl.domains.draw.domain", "scidsl.domains.draw.codes",
           summary="drawing primitives and physics symbols for anything no domain covers: polyline, shape, "
                   "region, curve, circle_arc, arrow, force, text, box, dot, group, spring, surface, floor, "
                   "ceiling, wall, mirror, dimension, disk, pulley, ellipse, angle_mark, current_mark, field, "
                   "charge, lens, spherical_mirror, ray_diagram, rope, rod, incline, wedge, block, axes, panel, "
                   "note; placed by relations (on, hangs from, left of, ...)"),
    Domain("geometry", "scidsl.domains.geometry.kinds", "scidsl.domains.geometry.domain",
           "scidsl.domains.geometry.codes",
           fact_functions=("angle", "length", "parallel", "perpendicular", "equal", "on", "tangent",
                           "ratio", "collinear", "right", "radius", "area", "perimeter", "distance", "arc"),
           summary="plane geometry solved from given facts"),
    Domain("circuits", "scidsl.domains.circuits.kinds", "scidsl.domains.circuits.domain",
           "scidsl.domains.circuits.codes", summary="circuit schematics checked and laid out"),
    Domain("chemistry", "scidsl.domains.chemistry.kinds", "scidsl.domains.chemistry.domain",
           "scidsl.domains.chemistry.codes",
           summary="molecules, reactions and crystal unit cells checked with RDKit"),
    Domain("plots", "scidsl.domains.plots.kinds", "scidsl.domains.plots.domain", "scidsl.domains.plots.codes",
           summary="function graphs with computed roots, extrema and intersections; data series, shaded "
                   "areas, p-V processes; bar charts, histograms and pie charts"),
    Domain("tables", "scidsl.domains.tables.kinds", "scidsl.domains.tables.domain",
           "scidsl.domains.tables.codes", summary="tables, contingency tables and Punnett squares"),
    Domain("sets", "scidsl.domains.sets.kinds", "scidsl.domains.sets.domain", "scidsl.domains.sets.codes",
           summary="Venn diagrams with region counts checked against set sizes"),
    Domain("graphs", "scidsl.domains.graphs.kinds", "scidsl.domains.graphs.domain",
           "scidsl.domains.graphs.codes",
           summary="graphs and networks, trees, flowcharts, pedigrees and flow diagrams laid out by the compiler"),
    Domain("solids", "scidsl.domains.solids.kinds", "scidsl.domains.solids.domain",
           "scidsl.domains.solids.codes",
           fact_functions=("length", "angle", "parallel", "perpendicular", "equal", "right", "distance", "ratio"),
           summary="solid geometry: prisms, pyramids, cylinders, cones and spheres in oblique projection"),
    Domain("biology", "scidsl.domains.biology.kinds", "scidsl.domains.biology.domain",
           "scidsl.domains.biology.codes",
           summary="cell diagrams with labelled organelles and DNA replication forks checked for strand polarity"),
    Domain("physics", "scidsl.domains.physics.kinds", "scidsl.domains.physics.domain",
           "scidsl.domains.physics.codes",
           summary="energy-level diagrams with checked transitions, standing waves on strings and in tubes; "
                   "plates, wires, rails, coils, spheres; optical benches with traced rays"),
    Domain("waveoptics", "scidsl.domains.physics.waveoptics_kinds", "scidsl.domains.physics.waveoptics",
           "scidsl.domains.physics.waveoptics_codes",
           summary="refraction, prisms, double slits, interferometers, photocells"),
    Domain("lab", "scidsl.domains.lab.kinds", "scidsl.domains.lab.domain", "scidsl.domains.lab.codes",
           summary="laboratory apparatus assembled by the compiler: titration, stands, glassware with volumes"),
)


# Kinds two domains both define (the first keeps the name); tests require this to stay empty.
COLLISIONS: list[str] = []


def _try_import(module: str) -> ModuleType | None:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        # A domain that is not written yet is simply absent; any other missing module is a bug.
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            return None
        raise


@lru_cache(maxsize=1)
def kinds() -> dict[str, tuple[type["Node"], Domain | None]]:
    """Every statement kind: kind name → (model class, owning domain or None for the core)."""
    table: dict[str, tuple[type[Node], Domain | None]] = {k: (cls, None) for k, cls in _core_kinds().items()}
    for dom in DOMAINS:
        mod = _try_import(dom.kinds_module)
        if mod is None:
            continue
        for cls in getattr(mod, "KINDS", ()):
            kind = cls.model_fields["kind"].default
            if kind in table:
                COLLISIONS.append(f"{kind}: {table[kind][1].name if table[kind][1] else 'core'} and {dom.name}")
                continue
            table[kind] = (cls, dom)
    return table


def _core_kinds() -> dict[str, type["Node"]]:
    """The kinds of the core: the scene statement, given facts and ranges to vary."""
    from scidsl.model import Given, SceneSettings, Vary

    return {"scene": SceneSettings, "given": Given, "vary": Vary}


@lru_cache(maxsize=1)
def kind_index() -> dict[str, str]:
    """Kind name → owning domain name ("" for the core), without importing every kinds module:
    read from the user cache while the domain sources are unchanged, else built from `kinds()`."""
    import json
    import pathlib

    from scidsl import cache

    here = pathlib.Path(__file__).parent
    key = cache.digest([__file__, cache.files_key(here / "domains"), cache.files_key(here, "model.py"),
                        cache.files_key(here, "registry.py")])
    name = f"kinds-{cache.digest([__file__])[:12]}.json"  # one entry per installation, replaced on change
    data = cache.read(name, key)
    if data is not None:
        try:
            index = json.loads(data)
            if isinstance(index, dict) and all(isinstance(v, str) for v in index.values()):
                return index
        except ValueError:
            pass
    index = {kind: (dom.name if dom else "") for kind, (_, dom) in kinds().items()}
    cache.write(name, key, json.dumps(index).encode("utf-8"))
    return index


@lru_cache(maxsize=None)
def _module_kinds(domain_name: str) -> dict[str, type["Node"]]:
    """The kinds one domain's kinds module defines."""
    if not domain_name:
        return dict(_core_kinds())
    mod = _try_import(next(d for d in DOMAINS if d.name == domain_name).kinds_module)
    return {cls.model_fields["kind"].default: cls for cls in getattr(mod, "KINDS", ())}


def kind_class(kind: str) -> type["Node"] | None:
    """The model class of a kind, or None (imports only the kinds module of its domain)."""
    dom = kind_index().get(kind)
    return None if dom is None else _module_kinds(dom).get(kind)


def domain_of_kind(kind: str) -> Domain | None:
    """The domain owning a kind (None for core kinds)."""
    name = kind_index().get(kind)
    return next((d for d in DOMAINS if d.name == name), None) if name else None


def _present(dom: Domain) -> bool:
    """True when the domain's kinds module exists (it owns at least one kind)."""
    return dom.name in kind_index().values()


def domain_of_function(fn: str) -> Domain | None:
    """The first domain owning a given-fact function such as `angle`."""
    doms = domains_of_function(fn)
    return doms[0] if doms else None


def domains_of_function(fn: str) -> list[Domain]:
    """Every domain owning a given-fact function (several may share `length` or `angle`)."""
    return [dom for dom in DOMAINS if fn in dom.fact_functions and _present(dom)]


def fact_functions() -> list[str]:
    """Every function a `given` fact may use."""
    return sorted({fn for dom in DOMAINS for fn in dom.fact_functions if _present(dom)})


@lru_cache(maxsize=None)
def implementation(domain_name: str) -> Any:
    """Import a domain's implementation module (heavy dependencies load here, on first use)."""
    dom = next(d for d in DOMAINS if d.name == domain_name)
    return importlib.import_module(dom.impl_module)


def fact_docs() -> dict[str, tuple[str, str]]:
    """Fact function → (meaning, example), from each domain's kinds module `FACT_DOCS`."""
    docs: dict[str, tuple[str, str]] = {}
    for dom in DOMAINS:
        mod = _try_import(dom.kinds_module)
        if mod is not None:
            docs.update(getattr(mod, "FACT_DOCS", {}))
    return docs


def domain_codes() -> dict[str, str]:
    """The diagnostic codes every domain registers."""
    codes: dict[str, str] = {}
    for dom in DOMAINS:
        mod = _try_import(dom.codes_module) if dom.codes_module else None
        if mod is not None:
            codes.update(getattr(mod, "CODES", {}))
    return codes
