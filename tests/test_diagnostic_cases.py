"""Golden diagnostics: each tests/cases/**/*.sdl marks the lines that must fail and with which codes."""
from __future__ import annotations

import re

import pytest

import scidsl
from scidsl.diagnostics import all_codes
from scidsl.testing.markers import actual_codes, expected_codes
from tests.conftest import CASES, case_files

# Codes that no scene can trigger on purpose (an internal error is a bug to fix, not a case to keep).
UNREACHABLE = {"E0999"}


@pytest.mark.parametrize("path", case_files(), ids=lambda p: str(p.relative_to(CASES)))
def test_case(path) -> None:  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    result = scidsl.compile(data, path.name)
    expected = expected_codes(data.decode("utf-8", errors="replace"))
    assert expected, "a case file must mark at least one expected diagnostic"
    assert actual_codes(result) == expected
    assert not result.ok or all(c.startswith("W") for _, c in expected)
    for d in result.diagnostics:
        assert d.message and "Traceback" not in d.message


def test_every_code_has_a_case() -> None:
    covered = set()
    for path in case_files():
        covered |= {code for _, code in expected_codes(path.read_text("utf-8", errors="replace"))}
    covered |= _covered_elsewhere()
    missing = sorted(set(all_codes()) - covered - UNREACHABLE)
    assert not missing, f"codes without a test case: {missing}"


def _covered_elsewhere() -> set[str]:
    """Codes whose trigger cannot be written as a case file: a test module lists them in
    `CODES_TESTED_HERE = (...)` and tests each one itself."""
    found: set[str] = set()
    for path in CASES.parent.glob("test_*.py"):
        m = re.search(r"CODES_TESTED_HERE\s*=\s*\(([^)]*)\)", path.read_text("utf-8"))
        if m:
            found |= set(re.findall(r"[EW]\d{4}", m.group(1)))
    return found
