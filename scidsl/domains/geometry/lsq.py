"""Small dense nonlinear least squares in numpy: a trust-region reflective step without bounds.

The solver follows the algorithm of SciPy's ``least_squares(method="trf")`` for unbounded problems with
a dense forward-difference Jacobian and the exact trust-region subproblem (Moré's iteration on the SVD),
step for step, so the geometry solver finds the same figures without importing scipy.optimize (about a
quarter of a second of a cold start). The problems here have at most a few hundred unknowns.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from numpy.linalg import norm

EPS = float(np.finfo(float).eps)
Residuals = Callable[[np.ndarray], np.ndarray]


def least_squares(fun: Residuals, x0: np.ndarray, ftol: float, xtol: float, gtol: float,
                  max_nfev: int) -> np.ndarray:
    """The x near x0 that minimises ½‖fun(x)‖² (a local minimum), as SciPy's trf method finds it."""
    x = np.atleast_1d(x0).astype(float)
    f = _values(fun, x)
    if not np.all(np.isfinite(f)):
        raise ValueError("residuals are not finite at the start")
    jac = _jacobian(fun, x, f)
    cost = 0.5 * np.dot(f, f)
    g = jac.T.dot(f)
    delta = norm(x)  # numpy scalars throughout, as in SciPy (a zero radius divides to inf, not an error)
    if delta == 0:
        delta = np.float64(1.0)
    alpha, nfev, status = 0.0, 1, None
    while True:
        if norm(g, ord=np.inf) < gtol or status is not None or nfev == max_nfev:
            return x
        u, s, vt = _svd(jac)
        v, uf = vt.T, u.T.dot(f)
        reduction = -1.0
        while reduction <= 0 and nfev < max_nfev:
            step, alpha = _trust_region_step(len(x), len(f), uf, s, v, delta, alpha)
            predicted = -_quadratic(jac, g, step)
            x_new = x + step
            f_new = _values(fun, x_new)
            nfev += 1
            step_norm = norm(step)
            if not np.all(np.isfinite(f_new)):
                delta = 0.25 * step_norm
                continue
            cost_new = 0.5 * np.dot(f_new, f_new)
            reduction = cost - cost_new
            delta_new, ratio = _update_radius(delta, reduction, predicted, step_norm, step_norm > 0.95 * delta)
            status = _terminated(reduction, cost, step_norm, norm(x), ratio, ftol, xtol)
            if status is not None:
                break
            alpha *= delta / delta_new
            delta = delta_new
        if reduction > 0:
            x, f, cost = x_new, f_new, cost_new
            if status is not None:
                return x  # the Jacobian at the answer would not change it
            jac = _jacobian(fun, x, f)
            g = jac.T.dot(f)


def _values(fun: Residuals, x: np.ndarray) -> np.ndarray:
    return np.atleast_1d(np.asarray(fun(x), dtype=float))


def _jacobian(fun: Residuals, x: np.ndarray, f: np.ndarray) -> np.ndarray:
    """Forward differences with steps √ε·max(1, |x|), signed like x (0 counts as positive)."""
    h = EPS**0.5 * ((x >= 0).astype(float) * 2 - 1) * np.maximum(1.0, np.abs(x))
    cols = np.empty((len(x), len(f)))
    for i in range(len(x)):
        x1 = np.copy(x)
        x1[i] = x[i] + h[i]
        cols[i] = (_values(fun, x1) - f) / ((x[i] + h[i]) - x[i])
    return cols.T


def _svd(jac: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not np.all(np.isfinite(jac)):
        raise ValueError("the Jacobian is not finite")
    u, s, vt = np.linalg.svd(jac, full_matrices=False)
    # SciPy hands LAPACK's factors back in Fortran order; the products that follow sum in the same
    # order (and so round the same way) only with the same memory layout
    return np.asfortranarray(u), s, np.asfortranarray(vt)


def _trust_region_step(n: int, m: int, uf: np.ndarray, s: np.ndarray, v: np.ndarray, delta: float,
                       alpha: float, rtol: float = 0.01, max_iter: int = 10) -> tuple[np.ndarray, float]:
    """The step minimising the linear model within radius delta, and its Levenberg–Marquardt parameter."""
    suf = s * uf
    full_rank = m >= n and s[-1] > EPS * m * s[0]
    if full_rank:
        p = -v.dot(uf / s)
        if norm(p) <= delta:
            return p, 0.0
    upper = norm(suf) / delta
    lower = 0.0
    if full_rank:
        phi, phi_prime = _phi(0.0, suf, s, delta)
        lower = -phi / phi_prime
    if not full_rank and alpha == 0:
        alpha = max(0.001 * upper, (lower * upper) ** 0.5)
    for _ in range(max_iter):
        if alpha < lower or alpha > upper:
            alpha = max(0.001 * upper, (lower * upper) ** 0.5)
        phi, phi_prime = _phi(alpha, suf, s, delta)
        if phi < 0:
            upper = alpha
        ratio = phi / phi_prime
        lower = max(lower, alpha - ratio)
        alpha -= (phi + delta) * ratio / delta
        if abs(phi) < rtol * delta:
            break
    p = -v.dot(suf / (s**2 + alpha))
    return p * (delta / norm(p)), alpha


def _phi(alpha: float, suf: np.ndarray, s: np.ndarray, delta: float) -> tuple[float, float]:
    denom = s**2 + alpha
    p_norm = norm(suf / denom)
    return p_norm - delta, -np.sum(suf**2 / denom**3) / p_norm


def _quadratic(jac: np.ndarray, g: np.ndarray, step: np.ndarray) -> float:
    js = jac.dot(step)
    return 0.5 * np.dot(js, js) + np.dot(step, g)


def _update_radius(delta: float, actual: float, predicted: float, step_norm: float,
                   bound_hit: bool) -> tuple[float, float]:
    if predicted > 0:
        ratio = actual / predicted
    elif predicted == actual == 0:
        ratio = 1
    else:
        ratio = 0
    if ratio < 0.25:
        delta = 0.25 * step_norm
    elif ratio > 0.75 and bound_hit:
        delta *= 2.0
    return delta, ratio


def _terminated(reduction: float, cost: float, step_norm: float, x_norm: float, ratio: float,
                ftol: float, xtol: float) -> int | None:
    f_ok = reduction < ftol * cost and ratio > 0.25
    x_ok = step_norm < xtol * (xtol + x_norm)
    return 4 if f_ok and x_ok else 2 if f_ok else 3 if x_ok else None
