"""A cold start imports only what the scene needs; the per-user cache is safe and self-healing."""
from __future__ import annotations

import json
import pickle
import os
import subprocess
import sys

import pytest

from scidsl import cache
from scidsl.registry import _module_kinds, domain_of_kind, kind_class, kind_index, kinds

HEAVY = ("sympy", "scipy", "networkx", "rdkit")
PROBE = """
import sys, scidsl
r = scidsl.compile(open(sys.argv[1]).read(), sys.argv[1])
r.to_bytes("png")
print(r.ok, sorted(m for m in {HEAVY!r} if m in sys.modules), sorted({{
    m.split(".")[2] for m in sys.modules if m.startswith("scidsl.domains.") and m.count(".") >= 3}}))
"""


def test_the_kinds_index_agrees_with_the_full_registry() -> None:
    table = kinds()
    assert set(kind_index()) == set(table)
    for kind, (cls, dom) in table.items():
        assert kind_class(kind) is cls
        assert domain_of_kind(kind) is dom
    assert kind_class("no_such_kind") is None


@pytest.mark.parametrize("example", ["draw/incline_forces.sdl"])
def test_a_drawing_loads_no_solver_library_and_no_other_domain(tmp_path, example: str) -> None:  # type: ignore[no-untyped-def]
    path = os.path.join(os.path.dirname(__file__), "..", "examples", example)
    env = {**os.environ, "SCIDSL_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", PROBE.format(HEAVY=HEAVY), path], env=env,
                           capture_output=True, text=True, timeout=120) for _ in range(2)]
    # The first run fills the cache (every kinds module, no solver); the second reads it.
    assert runs[0].stdout.startswith("True [] ["), runs[0].stderr
    assert runs[1].stdout.strip() == "True [] ['draw']", runs[1].stderr
    assert sorted(name.split("-")[0] for name in os.listdir(tmp_path / "cache")) == ["kinds", "parser"]


def test_cache_entries_are_keyed_and_damage_is_ignored(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SCIDSL_CACHE_DIR", str(tmp_path / "c"))
    assert cache.read("x", "k1") is None
    cache.write("x", "k1", b"data")
    assert cache.read("x", "k1") == b"data"
    assert cache.read("x", "k2") is None  # made for other inputs
    (tmp_path / "c" / "y").symlink_to(tmp_path / "c" / "x")
    assert cache.read("y", "k1") is None  # never through a link
    os.chmod(tmp_path / "c", 0o777)
    assert cache.cache_dir() is None and cache.read("x", "k1") is None  # others could write there
    os.chmod(tmp_path / "c", 0o700)


def test_a_damaged_kinds_index_is_rebuilt(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SCIDSL_CACHE_DIR", str(tmp_path))
    kind_index.cache_clear()
    try:
        first = kind_index()
        entry = next(tmp_path.glob("kinds-*.json"))
        key = entry.read_bytes().split(b"\n", 1)[0]
        entry.write_bytes(key + b"\n" + json.dumps(["not", "an", "index"]).encode())
        kind_index.cache_clear()
        assert kind_index() == first
        assert json.loads(entry.read_bytes().split(b"\n", 1)[1]) == first
    finally:
        kind_index.cache_clear()
        _module_kinds.cache_clear()


def test_a_compile_result_reads_back_without_the_compiler() -> None:
    # The command line compiles in a child process; the answer it sends back (facts, diagnostics,
    # image) must unpickle in the parent without importing the model, pydantic and the parser again.
    from scidsl.budget import compile_plain

    source = open(os.path.join(os.path.dirname(__file__), "..", "examples", "geometry", "angle_bisector.sdl"),
                  "rb").read()
    data = compile_plain(source, "angle_bisector.sdl", fmt="png")
    assert any(f["args"] for f in data["facts"])  # facts naming points are in it
    probe = "import pickle, sys; pickle.loads(sys.stdin.buffer.read()); print(sorted(m for m in sys.modules " \
            "if m.startswith(('scidsl', 'pydantic', 'lark'))))"
    out = subprocess.run([sys.executable, "-c", probe], input=pickle.dumps(data), capture_output=True, timeout=120)
    assert out.stdout.decode().strip() == "[]", out.stderr.decode()
