"""A Venn diagram's statement read into exact regions: counts given, computed from sizes, and checked."""
from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any, Optional

from scidsl.diagnostics import Diagnostic, error, warning
from scidsl.domains.sets import kinds as k
from scidsl.domains.sets.regions import (
    OUTSIDE,
    Equation,
    Region,
    RegionError,
    Solved,
    count_text,
    exact_mask,
    matching,
    name_of,
    plain,
    solve,
    to_fraction,
)

Report = Callable[[Diagnostic], None]


def analyse(node: k.Venn, report: Report) -> Optional[Solved]:
    """Every region's count (given or computed); diagnostics for what does not add up."""
    errors: list[Diagnostic] = []

    def note(diag: Diagnostic) -> None:
        if diag.is_error:
            errors.append(diag)
        report(diag)

    return _analyse(node, note, errors)


def _analyse(node: k.Venn, report: Report, errors: list[Diagnostic]) -> Optional[Solved]:
    sets = node.sets
    names = [plain(s) for s in sets]
    if not 2 <= len(sets) <= 3 or len(set(names)) != len(names) or any(not n for n in names):
        report(error("E7501", f"venn {node.name} has {len(sets)} sets ({', '.join(sets) or 'none'}); it needs 2 or 3 "
                     "with different names", node.span_of("sets"), "write sets: [\"A\", \"B\"] or [\"A\", \"B\", \"C\"]"))
        return None
    if node.labels is not None and len(node.labels) != len(sets):
        report(error("E7501", f"venn {node.name} has {len(sets)} sets but {len(node.labels)} labels",
                     node.span_of("labels"), "give one label per set, or leave labels out"))
        return None
    solved = Solved(len(sets), {m: Region(m) for m in range(1 << len(sets))})
    for entry in node.regions:
        _region_entry(node, entry, solved, report)
    if node.outside is not None:
        _fill(node, solved.regions[OUTSIDE], node.outside, node.outside_label, "outside", report)
    for entry in node.sizes:
        _size_entry(node, entry, solved, report)
    if node.total is not None:
        solved.equations.append(Equation("the universe total", list(range(1 << len(sets))),
                                         to_fraction(node.total) or Fraction(0), "total"))
    for key in node.shade:
        try:
            matching(key, node.keys())
        except RegionError as exc:
            report(error(exc.code, f"venn {node.name}: shade {key!r}: {exc}", node.span_of("shade"), exc.hint))
    _check(node, solved, report, quiet=bool(errors))
    return solved


def _region_entry(node: k.Venn, entry: list, solved: Solved, report: Report) -> None:
    if len(entry) not in (2, 3) or isinstance(entry[0], (int, float)) or (len(entry) == 3 and not isinstance(entry[2], str)):
        report(error("E7503", f"venn {node.name}: {entry} is not [region, count], [region, count, \"label\"] or "
                     "[region, [elements]]", node.span_of("regions"), "for example [\"A & B\", 4]"))
        return
    try:
        mask = exact_mask(entry[0], node.keys())
    except RegionError as exc:
        report(error(exc.code, f"venn {node.name}: region {entry[0]!r}: {exc}", node.span_of("regions"), exc.hint))
        return
    label = entry[2] if len(entry) == 3 else None
    _fill(node, solved.regions[mask], entry[1], label, name_of(mask, node.sets), report)


def _fill(node: k.Venn, region: Region, value: Any, label: Optional[str], where: str, report: Report) -> None:
    key = "outside" if region.mask == OUTSIDE else "regions"
    if region.source == "given":
        report(error("E7503", f"venn {node.name}: the region {where} is given twice", node.span_of(key),
                     "give each region once; [\"A\", n] means A only"))
        return
    if isinstance(value, list):
        region.elements = [_element_text(v) for v in value]
        region.count = Fraction(len(value))
    else:
        count = to_fraction(value)
        if count is None or count < 0:
            report(error("E7504", f"venn {node.name}: the count of {where} is {value!r}", node.span_of(key),
                         "a count is a number of at least 0, or a list of the elements"))
            return
        region.count = count
    region.label, region.source = label, "given"
    _check_math(node, [label or ""] + (region.elements or []), key, report)


def _check_math(node: k.Venn, texts: list[str], key: str, report: Report) -> None:
    from scidsl.text import mathtext_error

    for text in texts:
        problem = mathtext_error(text)
        if problem:
            report(error("E7509", f"venn {node.name}: {text!r}: {problem[1]}", node.span_of(key),
                         "math goes between $...$, e.g. \"$x^2$\""))


def _element_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("-", "−") if isinstance(value, (int, float)) else str(value)


def _size_entry(node: k.Venn, entry: list, solved: Solved, report: Report) -> None:
    if len(entry) != 2 or isinstance(entry[0], (int, float)):
        report(error("E7503", f"venn {node.name}: the size {entry} is not [sets, size]", node.span_of("sizes"),
                     "for example [\"A\", 46] or [\"A & B\", 4]"))
        return
    value = to_fraction(entry[1])
    if value is None or value < 0:
        report(error("E7504", f"venn {node.name}: the size of {entry[0]} is {entry[1]!r}", node.span_of("sizes"),
                     "a size is a number of at least 0"))
        return
    try:
        masks = matching(entry[0], node.keys())
    except RegionError as exc:
        report(error(exc.code, f"venn {node.name}: size {entry[0]!r}: {exc}", node.span_of("sizes"), exc.hint))
        return
    key = entry[0] if isinstance(entry[0], str) else " & ".join(entry[0])
    solved.equations.append(Equation(key, masks, value))


def _has_counts(solved: Solved) -> bool:
    """True when the diagram gives any count (a diagram of shading alone has none)."""
    return bool(solved.equations) or any(r.source == "given" for r in solved.regions.values())


def _check(node: k.Venn, solved: Solved, report: Report, quiet: bool) -> None:
    for eq in solve(solved):
        parts = [solved.regions[m].count for m in eq.masks]
        total = sum(parts, Fraction(0))  # type: ignore[arg-type]
        terms = " + ".join(count_text(p) for p in parts)  # type: ignore[arg-type]
        if eq.what == "total":
            report(error("E7506", f"venn {node.name}: the regions and the outside add up to {count_text(total)} "
                         f"({terms}), but the total is given as {count_text(eq.value)}", node.span_of("total"),
                         "correct a count, or the total"))
        else:
            report(error("E7505", f"venn {node.name}: the regions of {eq.key} add up to {count_text(total)} ({terms}), "
                         f"but its size is given as {count_text(eq.value)}", node.span_of("sizes"),
                         f"the regions of {eq.key} are: " + ", ".join(name_of(m, node.sets) for m in eq.masks)))
    for region in solved.regions.values():
        if region.source.startswith("computed") and region.count is not None and region.count < 0:
            report(error("E7507", f"venn {node.name}: the region {name_of(region.mask, node.sets)} would hold "
                         f"{count_text(region.count)} ({region.source})", node.span_of("sizes"),
                         "check the given sizes: a set cannot be smaller than its overlaps"))
        elif region.count is None and region.mask != OUTSIDE and _has_counts(solved) and not quiet:
            report(warning("W7501", f"venn {node.name}: the region {name_of(region.mask, node.sets)} is neither given "
                           "nor computable from the sizes; it is left empty", node.span_of("regions"),
                           "give its count in regions, or the sizes that determine it"))
