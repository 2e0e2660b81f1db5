"""Element symbols, valence electrons and standard atomic weights."""
from __future__ import annotations

from functools import cache

_PERIODIC_TABLE = """
H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr
Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb
Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf
Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og
"""
SYMBOLS: tuple[str, ...] = tuple(_PERIODIC_TABLE.split())

ATOMIC_NUMBER: dict[str, int] = {s: i + 1 for i, s in enumerate(SYMBOLS)}

# Isotope shorthands that textbooks write as their own symbols.
ISOTOPE_SYMBOLS: dict[str, tuple[str, int]] = {"D": ("H", 2), "T": ("H", 3)}


def is_element(symbol: str) -> bool:
    """Return True when ``symbol`` is a chemical element symbol (case-sensitive)."""
    return symbol in ATOMIC_NUMBER


@cache
def atomic_weight(symbol: str) -> float:
    """Return the standard atomic weight of ``symbol`` in g/mol (RDKit's table)."""
    from rdkit import Chem

    return float(Chem.GetPeriodicTable().GetAtomicWeight(ATOMIC_NUMBER[symbol]))


@cache
def valence_electrons(symbol: str) -> int:
    """Return the number of outer-shell electrons of a main-group element."""
    from rdkit import Chem

    return int(Chem.GetPeriodicTable().GetNOuterElecs(ATOMIC_NUMBER[symbol]))


def close_symbols(text: str) -> list[str]:
    """Return element symbols that differ from ``text`` only in letter case."""
    return [s for s in SYMBOLS if s.lower() == text.lower() and s != text]
