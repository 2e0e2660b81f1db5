"""The numpy least-squares step finds what SciPy's trust-region reflective method finds."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import least_squares as scipy_least_squares

from scidsl.domains.geometry.lsq import least_squares

OPTS = dict(xtol=1e-14, ftol=1e-14, gtol=1e-14, max_nfev=300)


def _rosenbrock(x: np.ndarray) -> np.ndarray:
    return np.array([10 * (x[1] - x[0] ** 2), 1 - x[0]])


def _circle_fit(x: np.ndarray) -> np.ndarray:
    """A point at distances 1, 2 and 2.5 from three fixed points, pulled weakly towards (3, 3)."""
    centres = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 2.0]])
    return np.concatenate([np.hypot(*(x[:2] - centres).T) - [1.0, 2.0, 2.5], 1e-6 * (x - 3.0)])


def _underdetermined(x: np.ndarray) -> np.ndarray:
    return np.array([x[0] + x[1] - 1.0, 1e-3 * x[2]])


@pytest.mark.parametrize("fun, x0", [(_rosenbrock, np.array([-1.2, 1.0])), (_circle_fit, np.array([3.0, 3.0])),
                                     (_circle_fit, np.zeros(2)), (_underdetermined, np.array([5.0, -2.0, 1.0]))])
def test_same_answer_as_scipy(fun, x0: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    ours = least_squares(fun, x0, **OPTS)
    theirs = scipy_least_squares(fun, x0, method="trf", **OPTS).x
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)


def test_rosenbrock_minimum() -> None:
    np.testing.assert_allclose(least_squares(_rosenbrock, np.array([-1.2, 1.0]), **OPTS), [1.0, 1.0], atol=1e-10)


def test_not_finite_at_the_start_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        least_squares(lambda x: np.array([np.nan]), np.zeros(1), **OPTS)


def test_the_evaluation_budget_holds() -> None:
    calls = []

    def fun(x: np.ndarray) -> np.ndarray:
        calls.append(1)
        return _rosenbrock(x)

    x = least_squares(fun, np.array([-1.2, 1.0]), xtol=1e-14, ftol=1e-14, gtol=1e-14, max_nfev=5)
    assert len(calls) <= 5 * (1 + 2)  # five trial steps, each with at most one two-column Jacobian
    assert abs(x[0] - 1.0) > 1e-3  # stopped before the minimum
