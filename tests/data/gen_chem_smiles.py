"""Regenerate chem_smiles.txt: molecules joined from fragments, each checked by RDKit."""
from __future__ import annotations

import random
from pathlib import Path

from rdkit import Chem

CORES = ["c1ccccc1", "C1CCCCC1", "C1CCNCC1", "c1ccncc1", "C1CCOC1", "c1ccoc1", "c1cc[nH]c1",
         "C1CC1", "C1=CCCCC1", "c1ccc2ccccc2c1", "C", "CC", "C=C", "C#C", "CC(C)C", "OC1CCCC1",
         "c1ccsc1", "C1COCCN1", "N", "O"]
SUBSTITUENTS = ["C", "CC", "O", "N", "F", "Cl", "Br", "I", "C(=O)O", "C(=O)N", "C#N", "OC",
                "C(F)(F)F", "[N+](=O)[O-]", "S", "C=O", "CO", "C(=O)OC", "N(C)C", "C=C",
                "[NH3+]", "C(=O)[O-]", "OC(=O)C", "c1ccccc1", "CC(C)(C)C", "[C@@H](N)C", "P(=O)(O)O"]


STEREO = ["N[C@@H](C)C(=O)O", "N[C@@H](CO)C(=O)O", "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O",
          "C/C=C/C", "C/C=C\\C", "C[C@H](O)CC", "F[C@](Cl)(Br)I", "[13CH3]O", "[2H]C([2H])([2H])O",
          "[CH3]", "C[N+](C)(C)C", "[O-][N+](=O)c1ccccc1"]


def _attach(core: str, subs: list[str]) -> str | None:
    mol = Chem.MolFromSmiles(core)
    rw = Chem.RWMol(mol)
    for s in subs:
        frag = Chem.MolFromSmiles(s)
        spots = [a.GetIdx() for a in rw.GetAtoms() if a.GetTotalNumHs() > 0]
        if not spots:
            break
        at = random.choice(spots)
        off = rw.GetNumAtoms()
        rw.InsertMol(frag)
        rw.AddBond(at, off, Chem.BondType.SINGLE)
        a = rw.GetAtomWithIdx(at)
        a.SetNumExplicitHs(max(0, a.GetNumExplicitHs() - 1))
        try:
            Chem.SanitizeMol(rw)
        except Exception:  # noqa: BLE001 - discard a combination RDKit rejects
            return None
    return Chem.MolToSmiles(rw)


def main() -> None:
    """Write a few hundred unique valid SMILES."""
    random.seed(7)
    out: set[str] = set(CORES) | set(STEREO)
    while len(out) < 320:
        smi = _attach(random.choice(CORES), random.choices(SUBSTITUENTS, k=random.randint(1, 3)))
        if smi and Chem.MolFromSmiles(smi) is not None and len(smi) < 80:
            out.add(smi)
    path = Path(__file__).with_name("chem_smiles.txt")
    path.write_text("\n".join(sorted(out)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
