"""Multiple-choice quizzes from a figure's visible facts, with hard distractors; no language model.

Each item asks one fact a reader can see in the figure: its numbers are written on the page (the
`page_numbers` fact), or it is a small count of drawn things (atoms, ticks, components). Its wrong
options are near values, the values of sibling facts (another region's count, the other root), swapped
labels and wrong relations. Hidden facts (`answer: hidden`, measures the figure does not write), results
the figure does not write and facts about names the figure does not show are never asked.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from typing import Any, Iterable, Optional

from scidsl.quiz_options import OPPOSITES, distractors, format_value, plain, same_answer, swap_word

N_OPTIONS = 4
LETTERS = "ABCDEFGH"
# Facts that say nothing a reader could get wrong, only repeat what the figure draws for layout, name
# things the figure does not show (atom indices, branch numbers, a node known only by its name: `node n8
# reads 8` gives the answer away) or need more than the figure to answer.
SKIP = frozenset({"drawn", "point", "ticks", "axis", "exact_form", "__warning__", "visible_givens", "unshown_givens",
                  "page_numbers", "bonded_to", "reactant_atoms", "graph", "hydrogens_on", "atom_count", "bond_count",
                  "net_charge", "atoms_per_cell", "ions_per_cell", "coordination_number", "vertex_text"})
# Whole numbers a reader counts in the figure rather than reads as a written number.
COUNTED = frozenset({"count", "element_count", "ring_count", "ring_size", "coefficient", "lone_pairs", "equal_mark",
                     "parallel_mark", "branches", "steps", "intermediates", "decisions", "generations",
                     "okazaki_fragments", "trophic_level", "functional_group", "rate_determining_step",
                     "charged_atom"})
MAX_COUNTED = 20
# Measures of one figure that two facts may both state (`angle CAB is marked 70°`, `angle(BAC) = 70`).
MEASURES = frozenset({"exact", "angle_mark", "side_label", "angle", "dimension", "between"})
_ATOM = re.compile(r"^([A-Z][a-z]?)\d+$")
_SPECIES = re.compile(r"\b[A-Za-z_]\w*\.(?=[A-Z][A-Za-z0-9]*\b)")  # a reaction's molecule: `adduct.NH3`
_MEMBER = re.compile(r"\b[A-Za-z_]\w*\.[A-Za-z]\w*\b")  # `A.top`, `P.left`: names of anchors, not drawn


def make_quiz(facts: Iterable[Any], seed: int = 0) -> list[dict]:
    """Quiz items (question, options, answer, the fact tested) from the facts the figure shows."""
    facts = list(facts)
    page = _page_numbers(facts)
    unshown = _values_of(facts, "unshown_givens")
    singles = _single_elements(facts)
    visible = [f for f in facts if _askable(f, unshown)]
    siblings: dict[str, list[Any]] = {}
    counts: dict[str, int] = {}
    for f in visible:
        counts[f.predicate] = counts.get(f.predicate, 0) + 1
    alone = {p for p, n in counts.items() if n == 1}  # `what is the triple point?` names one thing
    for f in visible:
        if f.value is not None:
            siblings.setdefault(_family(f), []).append(f.value)
    items, seen, measures = [], set(), set()
    for f in visible:
        item = _item(f, siblings.get(_family(f), []), seed, page, singles, alone)
        if item is None or item["question"] in seen or _repeats(f, item, measures):
            continue
        seen.add(item["question"])
        items.append({"id": len(items) + 1, **item})
    for item in _arrow_items(facts, seed) + _image_items(facts, seed):
        items.append({"id": len(items) + 1, **item})
    return items


_COMPASS = ("to the right", "up and to the right", "up", "up and to the left", "to the left",
            "down and to the left", "down", "down and to the right")
_POINTS = re.compile(r"\bpoints\b.*\(([−-]?\d+(?:\.\d+)?)°\)\s*$")
_SECTOR_MARGIN = 10.0  # degrees: an arrow this close to between two directions is not asked


def _arrow_items(facts: list[Any], seed: int) -> list[dict]:
    """Which way a labelled force points (`mg` points down): the opposite and the square directions are wrong."""
    labels: dict[str, str] = {}
    for f in facts:
        if f.predicate == "drawn" and len(f.args) > 1 and f.args[0] == "force" and isinstance(f.value, str):
            labels[str(f.args[1])] = plain(f.value).strip()
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    items = []
    for f in facts:
        if f.predicate != "relation" or f.hidden or len(f.args) < 2 or f.args[0] != "direction":
            continue
        label = labels.get(str(f.args[1]), "")
        m = _POINTS.search(str(f.text))
        if not label or counts[label] > 1 or "\\" in label or m is None:
            continue  # an unlabelled arrow, or two arrows with one label, cannot be named
        angle = float(m.group(1).replace("−", "-")) % 360.0
        if abs(angle % 45.0 - 22.5) < _SECTOR_MARGIN:
            continue
        k = round(angle / 45.0) % 8
        options = [_COMPASS[k], _COMPASS[(k + 4) % 8], _COMPASS[(k + 2) % 8], _COMPASS[(k + 6) % 8]]
        _rng(f, seed).shuffle(options)
        items.append({"question": f"From the figure: in which direction does the arrow labelled {label} point?",
                      "options": options, "answer": LETTERS[options.index(_COMPASS[k])],
                      "answer_text": _COMPASS[k], "fact": f.to_dict()})
    return items


def _askable(f: Any, unshown: list[float]) -> bool:
    if getattr(f, "hidden", False) or f.predicate in SKIP or _only_unshown(f.value, unshown):
        return False
    if f.predicate == "branch" and f.args and isinstance(f.args[0], int):
        return False  # a circuit's branch numbers are not drawn
    if f.predicate == "element_count" and len(f.args) > 1 and f.args[1] == "H":
        return False  # hydrogens are often implicit in the drawing
    if isinstance(f.value, dict) and not all(isinstance(v, (int, float)) for v in f.value.values()):
        return False  # a record of fields is no single answer
    if f.predicate in ("formula", "element_count") and f.args and "." in str(f.args[0]):
        return False  # `adduct.NH3 has the formula H3N` or `1 N atom`: the name says it
    return not _MEMBER.search(_text_of(f))


def _page_numbers(facts: list[Any]) -> Optional[list[float]]:
    """The numbers the page writes, or None for facts from before the page was read (no check then)."""
    for f in facts:
        if f.predicate == "page_numbers" and isinstance(f.value, list):
            return [float(v) for v in f.value]
    return None


def _values_of(facts: list[Any], predicate: str) -> list[float]:
    """Values the scene states but the page does not write (the `unshown_givens` fact)."""
    for f in facts:
        if f.predicate == predicate and isinstance(f.value, list):
            return [float(e["value"]) for e in f.value if isinstance(e, dict) and "value" in e]
    return []


def _single_elements(facts: list[Any]) -> set[tuple[str, str]]:
    """(molecule, element) pairs with one atom of the element: `N0` may be called `the N atom` there."""
    return {(str(f.args[0]), str(f.args[1])) for f in facts
            if f.predicate == "element_count" and len(f.args) > 1 and f.value == 1}


def _numbers_in(value: Any, depth: int = 0) -> list[float]:
    if isinstance(value, bool) or depth > 3:
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, str):
        from scidsl.completeness import page_numbers

        return page_numbers([value])
    if isinstance(value, (list, tuple)):
        return [n for v in value for n in _numbers_in(v, depth + 1)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers_in(v, depth + 1)]
    return []


def _only_unshown(value: Any, unshown: list[float]) -> bool:
    """True when every number of a fact's value is a given the page does not write: no reader can see it."""
    numbers = _numbers_in(value)
    return bool(numbers and unshown) and all(any(abs(n - u) <= 1e-9 * max(1.0, abs(n)) for u in unshown)
                                             for n in numbers)


def _readable(fact: Any, answer: str, page: Optional[list[float]]) -> bool:
    """True when a reader can get the answer off the page: its numbers are written there, or it is a count."""
    if fact.predicate in COUNTED:
        return isinstance(fact.value, (int, str)) and re.fullmatch(r"−?\d+", answer) is not None \
            and abs(int(answer.replace("−", "-"))) <= MAX_COUNTED
    if page is None:
        return True
    from scidsl.completeness import _on_page

    return all(_on_page(n, page) for n in _numbers_in(answer))


def _family(fact: Any) -> str:
    """Facts whose values may stand in for each other: same predicate, same measure (`angle(...)`)."""
    first = str(fact.args[0]) if fact.args else ""
    return fact.predicate + (":" + first.split("(")[0] if "(" in first else "")


def _repeats(fact: Any, item: dict, measures: set) -> bool:
    """True when an earlier item asked the same measure of the same points (`angle CAB`, `angle(BAC)`)."""
    if fact.predicate not in MEASURES:
        return False
    numbers = tuple(_numbers_in(item["answer_text"]))
    key = (numbers, frozenset(re.findall(r"[A-Z]", " ".join(str(a) for a in fact.args))))
    if not numbers or key in measures:
        return bool(numbers)
    measures.add(key)
    return False


def _rng(fact: Any, seed: int) -> random.Random:
    key = json.dumps([fact.predicate, [str(a) for a in fact.args], str(fact.value), seed], ensure_ascii=False)
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))


def _item(fact: Any, siblings: list[Any], seed: int, page: Optional[list[float]],
          singles: set[tuple[str, str]], alone: set[str]) -> Optional[dict]:
    rng = _rng(fact, seed)
    text = _named(fact, _text_of(fact), singles)
    if text is None:
        return None
    if fact.value is None:
        question, answer, wrong = _relation_item(fact, text)
    else:
        found = _locate(fact.value, text)
        if found is not None:
            (start, end), answer, digits = found
            question = f"From the figure: {text[:start]}____{text[end:]}. What goes in the blank?"
        elif fact.predicate in alone and len(fact.args) <= 1 and _numbers_in(fact.value) \
                and not isinstance(fact.value, str):
            answer, digits = format_value(fact.value, 6), 6
            question = f"From the figure, what is the {fact.predicate.replace('_', ' ')}?"
        else:
            return None  # the text does not write the value and the figure holds several such facts
        wrong = distractors(fact.value, answer, siblings, rng, digits)
        if question.startswith("From the figure:") and re.search(r"[+−]____", question):
            wrong = [w for w in wrong if not w.startswith("−")]  # `q = +____` takes no second sign
    if not _readable(fact, answer, page):
        return None
    wrong = [w for w in dict.fromkeys(wrong) if w and not same_answer(w, answer)
             and not (fact.predicate == "coefficient" and w == "0")][: N_OPTIONS - 1]
    if len(wrong) < 2:
        return None
    options = [answer, *wrong]
    rng.shuffle(options)
    return {"question": question, "options": options, "answer": LETTERS[options.index(answer)],
            "answer_text": answer, "fact": fact.to_dict()}


def _text_of(fact: Any) -> str:
    """The fact's sentence as the figure writes it: plain text, a real minus sign before numbers."""
    text = re.sub(r"(?<![\w)])-(?=\d)", "−", plain(str(fact.text)))
    return _SPECIES.sub("", text)  # `adduct.NH3` is drawn as NH3


def _named(fact: Any, text: str, singles: set[tuple[str, str]]) -> Optional[str]:
    """The text with an atom index (`N0`) said as the figure shows it (`the N atom`), or None if ambiguous."""
    atoms = [str(a) for a in fact.args[1:] if _ATOM.match(str(a))]
    if not atoms:
        return text
    if not fact.args or (str(fact.args[0]), _ATOM.match(atoms[0]).group(1)) not in singles:  # type: ignore[union-attr]
        return None
    element = _ATOM.match(atoms[0]).group(1)  # type: ignore[union-attr]
    text = re.sub(rf"\batom {atoms[0]}\b", f"the {element} atom", text)
    return re.sub(rf"\b{atoms[0]}\b", f"the {element} atom", text)


def _locate(value: Any, text: str) -> Optional[tuple[tuple[int, int], str, int]]:
    """Where the text writes the value (as given, or rounded as the text rounds it): span, answer, digits."""
    for digits in (4, 3, 2) if isinstance(value, float) or _has_float(value) else (4,):
        answer = format_value(value, digits)
        if not answer:
            return None
        m = re.search(rf"(?<![\w.]){re.escape(answer)}(?![\w]|\.\d)", text)
        if m is not None:
            return m.span(), answer, digits
    return None


def _has_float(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and any(isinstance(v, float) for v in value)


def _relation_item(fact: Any, text: str) -> tuple[Optional[str], str, list[str]]:
    """A fact without a value (`R1 and R2 are in parallel`): which statement does the figure show?"""
    # "in"/"out" and "up"/"down" are too common in sentences to make a wrong relation of
    pairs = [p for p in OPPOSITES if p not in (("in", "out"), ("up", "down"))]
    wrong = [swap_word(text, a, b) for a, b in pairs] + [_swap_names(text, fact.args)]
    wrong = [w for w in wrong if w and w != text and "in perpendicular" not in w]
    return "Which statement does the figure show?", text, wrong


def _swap_names(text: str, args: tuple) -> Optional[str]:
    """The two names swapped, only where the order matters (`a → b`, `from a to b`)."""
    if not re.search(r"→|->|\bfrom\b.*\bto\b", text):
        return None
    names = [str(a) for a in args if isinstance(a, str) and a and a in text]
    if len(names) < 2 or names[0] == names[1]:
        return None
    a, b = names[0], names[1]
    return text.replace(a, "\0").replace(b, a).replace("\0", b)


_IMAGE_WORDS = (("real", "virtual"), ("inverted", "upright"), ("magnified", "diminished"))


def _image_items(facts: list[Any], seed: int) -> list[dict]:
    """What the drawn image of a lens or mirror is like (real, inverted, magnified); each word flipped is wrong."""
    labels = {str(f.args[1]): (f.args[0], plain(f.value).strip() if isinstance(f.value, str) else "")
              for f in facts if f.predicate == "drawn" and len(f.args) > 1 and f.args[0] in ("lens", "spherical_mirror")}
    images = [f for f in facts if f.predicate == "image" and len(f.args) == 3 and not f.hidden]
    items = []
    for f in images:
        size = re.search(r"\b(magnified|diminished)\b", str(f.text))
        kind, label = labels.get(str(f.args[0]), ("", ""))
        if size is None or not kind or (not label and len(images) > 1) or "\\" in label:
            continue  # an image of the same size, or of an optic the figure does not name
        words = [str(f.args[1]), str(f.args[2]), size.group(1)]
        if any(w not in dict(_IMAGE_WORDS) and w not in dict((b, a) for a, b in _IMAGE_WORDS) for w in words):
            continue
        answer = ", ".join(words)
        flip = {**dict(_IMAGE_WORDS), **{b: a for a, b in _IMAGE_WORDS}}
        wrong = [", ".join(flip[w] if i == k else w for i, w in enumerate(words)) for k in range(3)]
        options = [answer, *wrong]
        _rng(f, seed).shuffle(options)
        noun = "mirror" if kind == "spherical_mirror" else "lens"
        about = f"the {noun} labelled “{label}”" if label else f"the {noun}"
        items.append({"question": f"From the figure: the image formed by {about} is ____. What goes in the blank?",
                      "options": options, "answer": LETTERS[options.index(answer)], "answer_text": answer,
                      "fact": f.to_dict()})
    return items
