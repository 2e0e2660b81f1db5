"""Pedigree charts: people, matings and their children; generations derived and checked, rows laid out.

Generations come from the family links alone (a child is one generation below its parents, partners
share a generation); a stated `generation` must agree. Each row is ordered by sibships under their
parents, a partner who marries in standing beside their spouse.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import did_you_mean, error
from scidsl.domains.graphs import kinds as k

P = tuple[float, float]
SLOT_CM = 1.4  # distance between neighbours in a row
ROW_CM = 2.4  # distance between generations
SYMBOL_CM = 0.6


@dataclass
class PedigreeLayout:
    """A placed pedigree."""

    people: dict[str, k.Person]
    matings: list[k.Mating]
    generation: dict[str, int]
    pos: dict[str, P] = field(default_factory=dict)
    number: dict[str, int] = field(default_factory=dict)
    settings: Optional[k.Pedigree] = None


def _people(ctx: Any) -> dict[str, k.Person]:
    return {n.name: n for n in ctx.nodes if isinstance(n, k.Person)}


def _matings(ctx: Any) -> list[k.Mating]:
    return [n for n in ctx.nodes if isinstance(n, k.Mating)]


def check_pedigree(ctx: Any) -> None:
    """Partners are people of opposite sex; each child has one family; no loops; generations agree."""
    people = _people(ctx)
    matings = _matings(ctx)
    before = len(ctx.diagnostics)
    family: dict[str, k.Mating] = {}
    for m in matings:
        _check_mating(ctx, m, people, family)
    if len(ctx.diagnostics) == before and not _check_ancestry(ctx, people, matings):
        generations(people, matings, ctx)


def _check_mating(ctx: Any, m: k.Mating, people: dict[str, k.Person], family: dict[str, k.Mating]) -> None:
    for key in ("between", "children"):
        for who in getattr(m, key):
            if who not in people:
                ctx.report(error("E8043", f"{who} is not a person", m.span_of(key),
                                 did_you_mean(who, sorted(people)) or f"declare it: person {who} {{ sex: female }}"))
    a, b = m.between
    if a == b:
        ctx.report(error("E8041", f"the mating lists {a} twice", m.span_of("between"), "name two partners"))
    elif a in people and b in people:
        sa, sb = people[a].sex, people[b].sex
        if sa == sb and sa != "unknown":
            ctx.report(error("E8040", f"both partners {a} and {b} are {sa}", m.span_of("between"),
                             "a mating joins a male and a female (or write sex: unknown)"))
    for child in m.children:
        if child in m.between:
            ctx.report(error("E8044", f"{child} is listed as a child of their own mating", m.span_of("children")))
        elif child in family:
            first = family[child]
            ctx.report(error("E8041", f"{child} is a child in two families", m.span_of("children"),
                             "list each child under one mating only",
                             related=((first.span, "first listed here"),) if first.span else ()))
        else:
            family[child] = m


def _check_ancestry(ctx: Any, people: dict[str, k.Person], matings: list[k.Mating]) -> bool:
    """Report someone who is their own ancestor; True when found."""
    from scidsl.domains.graphs.walks import find_cycle, joined

    mating: dict[tuple[str, str], k.Mating] = {}  # of each parent → child line; the last listed counts
    for m in matings:
        for parent in m.between:
            for child in m.children:
                mating[(parent, child)] = m
    cycle = find_cycle(joined([], mating, directed=True), directed=True)
    if cycle is None:
        return False
    who = cycle[0][0]
    m = mating[cycle[0]]
    ctx.report(error("E8044", f"{who} is their own ancestor ({' → '.join([u for u, _ in cycle] + [who])})",
                     m.span_of("children"), "check which mating lists whom as a child"))
    return True


def generations(people: dict[str, k.Person], matings: list[k.Mating], ctx: Any = None) -> dict[str, int]:
    """Generation of everyone (1 = I): children one below their parents, partners level; stated ones kept."""
    links: dict[str, list[tuple[str, int, k.Mating]]] = {n: [] for n in people}
    for m in matings:
        a, b = m.between
        if a in people and b in people:
            links[a].append((b, 0, m))
            links[b].append((a, 0, m))
        for child in m.children:
            for parent in m.between:
                if child in people and parent in people:
                    links[parent].append((child, 1, m))
                    links[child].append((parent, -1, m))
    gen: dict[str, int] = {}
    order = sorted(people, key=lambda n: people[n].generation is None)  # stated generations anchor first
    for start in order:
        if start in gen:
            continue
        part = _propagate(start, people, links, gen, ctx)
        shift = _anchor(part, people)
        for n in part:
            gen[n] = part[n] + shift
    return gen


def _propagate(start: str, people: dict, links: dict, gen: dict, ctx: Any) -> dict[str, int]:
    part = {start: 0}
    todo = [start]
    while todo:
        n = todo.pop()
        for other, step, m in links[n]:
            want = part[n] + step
            if other not in part:
                part[other] = want
                todo.append(other)
            elif part[other] != want and ctx is not None:
                ctx.report(error("E8042", f"{other} cannot be both in generation offset {part[other]} and "
                                 f"{want} of this family", m.span, "partners share a generation; children are one "
                                 "below their parents"))
                return part
    stated = {n: people[n].generation - part[n] for n in part if people[n].generation is not None}
    if len(set(stated.values())) > 1 and ctx is not None:
        names = sorted(stated, key=lambda n: part[n])
        a, b = names[0], next(n for n in names if stated[n] != stated[names[0]])
        ctx.report(error("E8042", f"{b} is stated to be in generation {people[b].generation}, which does not "
                         f"fit {a} in generation {people[a].generation}", people[b].span_of("generation"),
                         "a child is one generation below its parents"))
    return part


def _anchor(part: dict[str, int], people: dict[str, k.Person]) -> int:
    for n, off in part.items():
        if people[n].generation is not None:
            return people[n].generation - off
    return 1 - min(part.values())


# ---- layout ---------------------------------------------------------------------------------------


def layout_pedigree(ctx: Any) -> PedigreeLayout:
    """Rows by generation; sibships in birth order under their parents; partners side by side."""
    people, matings = _people(ctx), _matings(ctx)
    gen = generations(people, matings)
    settings = next((n for n in ctx.nodes if isinstance(n, k.Pedigree)), None)
    lay = PedigreeLayout(people, matings, gen, settings=settings)
    rows = _rows(people, matings, gen)
    for row in rows.values():
        for i, n in enumerate(row):
            lay.number[n] = i + 1
    _place(lay, rows)
    return lay


def _rows(people: dict[str, k.Person], matings: list[k.Mating], gen: dict[str, int]) -> dict[int, list[str]]:
    """The order of each generation's row."""
    parents_of = {c: m for m in matings for c in m.children}
    partners: dict[str, list[str]] = {n: [] for n in people}
    for m in matings:
        a, b = m.between
        partners[a].append(b)
        partners[b].append(a)
    placed: set[str] = set()
    rows: dict[int, list[str]] = {}
    for g in sorted(set(gen.values())):
        row: list[str] = []
        members = [n for n in people if gen[n] == g]
        # sibships in the order of their parents in the row above, then everyone without parents here
        above = rows.get(g - 1, [])
        families = sorted({id(parents_of[n]): parents_of[n] for n in members if n in parents_of}.values(),
                          key=lambda m: min((above.index(p) for p in m.between if p in above), default=0))
        for m in families:
            for child in m.children:
                _add_with_partners(child, row, placed, partners, parents_of, gen)
        for n in members:
            _add_with_partners(n, row, placed, partners, parents_of, gen)
        rows[g] = row
    return rows


def _add_with_partners(n: str, row: list[str], placed: set[str], partners: dict, parents_of: dict,
                       gen: dict[str, int]) -> None:
    if n in placed:
        return
    row.append(n)
    placed.add(n)
    for p in partners[n]:
        # a partner who married in (no parents drawn) stands beside; one with parents keeps their sibship
        if p not in placed and p not in parents_of and gen.get(p) == gen.get(n):
            row.append(p)
            placed.add(p)


def _place(lay: PedigreeLayout, rows: dict[int, list[str]]) -> None:
    """x of every person: row by row, each sibship as close under its parents as the row allows."""
    parents_of = {c: m for m in lay.matings for c in m.children}
    for g in sorted(rows):
        row = rows[g]
        y = -(g - min(rows)) * ROW_CM
        x_prev = None
        blocks = _blocks(row, parents_of)
        for block in blocks:
            want = _wanted_x(block, parents_of, lay.pos, len(block))
            start = want if x_prev is None else max(want, x_prev + SLOT_CM)
            for i, n in enumerate(block):
                lay.pos[n] = (start + i * SLOT_CM, y)
            x_prev = start + (len(block) - 1) * SLOT_CM
    _centre_founders(lay, rows)


def _blocks(row: list[str], parents_of: dict) -> list[list[str]]:
    """Runs of the row that share parents (with the partners standing among them)."""
    blocks: list[list[str]] = []
    current: Optional[int] = None
    for n in row:
        fam = id(parents_of[n]) if n in parents_of else None
        if blocks and (fam is None or fam == current):
            blocks[-1].append(n)
        else:
            blocks.append([n])
            current = fam
    return blocks


def _wanted_x(block: list[str], parents_of: dict, pos: dict[str, P], size: int) -> float:
    m = next((parents_of[n] for n in block if n in parents_of), None)
    if m is None or not all(p in pos for p in m.between):
        return 0.0
    mid = sum(pos[p][0] for p in m.between) / 2
    kids = [i for i, n in enumerate(block) if n in m.children]
    centre = (kids[0] + kids[-1]) / 2 if kids else (size - 1) / 2
    return mid - centre * SLOT_CM


def _centre_founders(lay: PedigreeLayout, rows: dict[int, list[str]]) -> None:
    """A couple in the top row moves over the middle of its children when the row leaves room."""
    top = rows[min(rows)]
    for m in lay.matings:
        a, b = m.between
        if a not in top or b not in top or not m.children or abs(top.index(a) - top.index(b)) != 1:
            continue
        kids = [lay.pos[c][0] for c in m.children if c in lay.pos]
        shift = (min(kids) + max(kids)) / 2 - (lay.pos[a][0] + lay.pos[b][0]) / 2
        others = [lay.pos[n][0] for n in top if n not in (a, b)]
        new = sorted((lay.pos[a][0] + shift, lay.pos[b][0] + shift))
        if all(abs(x - new[0]) >= SLOT_CM - 1e-9 and abs(x - new[1]) >= SLOT_CM - 1e-9 for x in others):
            for p in (a, b):
                lay.pos[p] = (lay.pos[p][0] + shift, lay.pos[p][1])


# ---- facts ---------------------------------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII",
         "XXIX", "XXX")


def facts_of(lay: PedigreeLayout) -> list:
    """Each person (sex, status, generation, number), each mating and its children."""
    from scidsl.pipeline import Fact

    out = []
    for n, p in lay.people.items():
        status = "affected" if p.affected else ("carrier" if p.carrier else "unaffected")
        g = lay.generation[n]
        out.append(Fact("person", (n,), {"sex": p.sex, "status": status, "generation": g, "number": lay.number[n],
                                         "deceased": p.deceased, "label": p.label},
                        f"{ROMAN[g - 1]}-{lay.number[n]} ({n}{', ' + p.label if p.label else ''}): "
                        f"{status} {p.sex}" + (", deceased" if p.deceased else "")))
    for m in lay.matings:
        out.append(Fact("mating", tuple(m.between), list(m.children),
                        f"{' and '.join(m.between)} have {len(m.children)} child(ren)"
                        + (f": {', '.join(m.children)}" if m.children else "")))
    out.append(Fact("generations", (), max(lay.generation.values(), default=0),
                    f"{max(lay.generation.values(), default=0)} generations"))
    return out
