"""Facts a Venn diagram shows: region counts, set sizes, intersections, the union, outside and total."""
from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any, Optional

from scidsl.answers import hides
from scidsl.domains.sets.regions import OUTSIDE, count_text, name_of, plain


def _value(f: Fraction) -> Any:
    return f.numerator if f.denominator == 1 else float(f)


def _sum(venn: Any, masks: list[int]) -> Optional[Fraction]:
    counts = [venn.solved.regions[m].count for m in masks]
    return None if any(c is None for c in counts) else sum(counts, Fraction(0))


def _hidden(venn: Any, masks: list[int]) -> bool:
    """True when one of the regions is computed and its count not drawn (`answer`)."""
    return hides(venn.node) and any(venn.solved.regions[m].source.startswith("computed") for m in masks)


def venn_facts(venn: Any) -> list:
    """The facts of one diagram."""
    from scidsl.pipeline import Fact

    name, n = venn.owner, venn.solved.n
    sets = [venn.node.shown(i) for i in range(n)]
    out = [Fact("sets", (name,), [plain(s) for s in sets], f"venn {name} shows the sets {', '.join(sets)}")]
    for mask, region in sorted(venn.solved.regions.items(), key=lambda kv: (kv[0] == OUTSIDE, kv[0])):
        if region.count is None:
            continue
        where = name_of(mask, sets)
        label = region.label or (venn.node.outside_label if mask == OUTSIDE else None)
        shown = f"{label} = {count_text(region.count)}" if label else count_text(region.count)
        extra = f" ({', '.join(region.elements)})" if region.elements else ""
        out.append(Fact("region", (name, where), _value(region.count), f"{where}: {shown}{extra}"
                        + (" (computed)" if region.source.startswith("computed") else ""),
                        hidden=_hidden(venn, [mask])))
    for size in range(1, n + 1):
        for combo in itertools.combinations(range(n), size):
            masks = [m for m in range(1, 1 << n) if all(m >> i & 1 for i in combo)]
            total = _sum(venn, masks)
            if total is None:
                continue
            what = " ∩ ".join(plain(sets[i]) for i in combo)
            pred = "size" if size == 1 else "intersection"
            out.append(Fact(pred, (name, what), _value(total), f"n({what}) = {count_text(total)}",
                            hidden=_hidden(venn, masks)))
    union = _sum(venn, list(range(1, 1 << n)))
    if union is not None:
        what = " ∪ ".join(plain(s) for s in sets)
        out.append(Fact("union", (name, what), _value(union), f"n({what}) = {count_text(union)}",
                        hidden=_hidden(venn, list(range(1, 1 << n)))))
    total = _sum(venn, list(range(1 << n)))
    if total is not None:
        out.append(Fact("total", (name,), _value(total), f"n(U) = {count_text(total)}",
                        hidden=_hidden(venn, list(range(1 << n))) and venn.node.total is None))
    return out
