"""Math expressions from scenes: safe numeric evaluation and sympy trees, built from syntax nodes.

Nothing here evaluates text: every value is built from our own syntax tree with a whitelist of
functions, and sizes are estimated before any computation.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Iterator, Mapping

from scidsl import limits, syntax
from scidsl.units import parse_unit

FUNCTIONS_1 = ("sin", "cos", "tan", "asin", "acos", "atan", "sqrt", "ln", "log", "exp", "abs",
               "sinh", "cosh", "tanh", "asinh", "acosh", "atanh")
CONSTANTS = ("pi", "e")


class ExprError(ValueError):
    """An expression cannot be evaluated (unknown name or function, domain error, too large)."""


def _math_fn(name: str) -> Callable[[float], float]:
    table: dict[str, Callable[[float], float]] = {
        "sin": math.sin, "cos": math.cos, "tan": math.tan, "asin": math.asin, "acos": math.acos,
        "atan": math.atan, "sqrt": math.sqrt, "ln": math.log, "log": math.log10, "exp": math.exp,
        "abs": abs, "sinh": math.sinh, "cosh": math.cosh, "tanh": math.tanh, "asinh": math.asinh,
        "acosh": math.acosh, "atanh": math.atanh,
    }
    return table[name]


def count_nodes(tree: Any) -> int:
    """The number of syntax nodes in a value (iterative)."""
    n, stack = 0, [tree]
    while stack:
        node = stack.pop()
        n += 1
        stack.extend(_children(node))
    return n


def _children(node: Any) -> list:
    if isinstance(node, syntax.BinOp):
        return [node.left, node.right]
    if isinstance(node, syntax.Neg):
        return [node.operand]
    if isinstance(node, syntax.Call):
        return list(node.args)
    if isinstance(node, (syntax.ListV, syntax.Point)):
        return list(node.items)
    return []


def names_in(tree: Any) -> set[str]:
    """The free variable names of an expression (constants excluded)."""
    out: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, syntax.Ref) and node.dotted not in CONSTANTS:
            out.add(node.dotted)
        stack.extend(_children(node))
    return out


def calls_in(tree: Any) -> list[syntax.Call]:
    """Every call node in an expression, outermost first."""
    out: list[syntax.Call] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, syntax.Call):
            out.append(node)
        stack.extend(reversed(_children(node)))
    return out


def _check_size(tree: Any) -> None:
    if count_nodes(tree) > limits.MAX_EXPR_NODES:
        raise ExprError(f"the expression has more than {limits.MAX_EXPR_NODES} parts")


def evaluate(tree: Any, env: Mapping[str, float] | None = None) -> float:
    """Evaluate an expression numerically with floats; quantities become SI values (angles in rad)."""
    _check_size(tree)
    env = env or {}
    try:
        value = _eval(tree, env)
    except (OverflowError, ZeroDivisionError, ValueError) as exc:
        if isinstance(exc, ExprError):
            raise
        raise ExprError(f"cannot evaluate: {exc}") from None
    if not math.isfinite(value):
        raise ExprError("the value is not finite")
    return value


def evaluate_constant(tree: Any) -> float:
    """Evaluate an expression that has no free variables."""
    return evaluate(tree, {})


def _eval(node: Any, env: Mapping[str, float]) -> float:  # noqa: C901 - one case per node type
    if isinstance(node, syntax.Num):
        return float(node.text)
    if isinstance(node, syntax.Qty):
        info = parse_unit(node.unit)
        if info is None:
            raise ExprError(f"unknown unit '{node.unit}'")
        return float(node.number) * info.factor
    if isinstance(node, syntax.Ref):
        name = node.dotted
        if name in env:
            return float(env[name])
        if name == "pi":
            return math.pi
        if name == "e":
            return math.e
        raise ExprError(f"unknown name '{name}'")
    if isinstance(node, syntax.Neg):
        return -_eval(node.operand, env)
    if isinstance(node, syntax.BinOp):
        a, b = _eval(node.left, env), _eval(node.right, env)
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        if node.op == "/":
            return a / b
        _unitless_exponent(node.right)
        return _pow(a, b)
    if isinstance(node, syntax.Call):
        if node.fn not in FUNCTIONS_1:
            raise ExprError(f"unknown function '{node.fn}'")
        if len(node.args) != 1:
            raise ExprError(f"{node.fn}() takes one argument")
        return float(_math_fn(node.fn)(_eval(node.args[0], env)))
    raise ExprError(f"not a number: {syntax.format_value(node) if node is not None else node}")


def _walk(tree: Any) -> Iterator[Any]:
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(_children(node))


def _unitless_exponent(exponent: Any) -> None:
    """Refuse a unit inside an exponent: `10^5 cm` reads as 10^(5 cm), which has no value."""
    for node in _walk(exponent):
        if isinstance(node, syntax.Qty):
            raise ExprError(f"an exponent cannot have a unit ('{syntax.format_value(node)}'); "
                            "write a power of ten with a unit as 1e5 cm")


def _pow(a: float, b: float) -> float:
    if a != 0 and abs(b) * math.log10(max(abs(a), 1e-300)) > 300:
        raise ExprError("the power is too large")
    result = a ** b
    if isinstance(result, complex):
        raise ExprError("a negative number to a fractional power")
    return float(result)


def numpy_function(tree: Any, variable: str | tuple[str, ...]) -> Callable[..., Any]:
    """A vectorised function of one variable (or several, in order) built from the syntax tree (no text evaluation)."""
    import numpy as np

    _check_size(tree)
    for node in _walk(tree):
        if isinstance(node, syntax.BinOp) and node.op == "^":
            _unitless_exponent(node.right)
    names = (variable,) if isinstance(variable, str) else tuple(variable)
    ufuncs = {"sin": np.sin, "cos": np.cos, "tan": np.tan, "asin": np.arcsin, "acos": np.arccos,
              "atan": np.arctan, "sqrt": np.sqrt, "ln": np.log, "log": np.log10, "exp": np.exp, "abs": np.abs,
              "sinh": np.sinh, "cosh": np.cosh, "tanh": np.tanh, "asinh": np.arcsinh, "acosh": np.arccosh,
              "atanh": np.arctanh}

    def ev(node: Any, env: dict[str, Any]) -> Any:  # noqa: C901
        if isinstance(node, syntax.Ref) and node.dotted in env:
            return env[node.dotted]
        if isinstance(node, (syntax.Num, syntax.Qty)) or (isinstance(node, syntax.Ref) and node.dotted in CONSTANTS):
            return _eval(node, {})
        if isinstance(node, syntax.Neg):
            return -ev(node.operand, env)
        if isinstance(node, syntax.BinOp):
            a, b = ev(node.left, env), ev(node.right, env)
            ops = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}
            return ops[node.op](a, b)
        if isinstance(node, syntax.Call) and node.fn in ufuncs and len(node.args) == 1:
            return ufuncs[node.fn](ev(node.args[0], env))
        raise ExprError(f"cannot use {syntax.format_value(node)} in a function of {', '.join(names)}")

    def f(*xs: Any) -> Any:
        with np.errstate(all="ignore"):
            return ev(tree, {n: np.asarray(x, dtype=float) if not np.isscalar(x) else float(x)
                             for n, x in zip(names, xs)})

    return f


def to_sympy(tree: Any, symbols: Mapping[str, Any] | None = None) -> Any:
    """Build a sympy expression from the syntax tree with constructors and a function whitelist."""
    import sympy as sp

    _check_size(tree)
    symbols = dict(symbols or {})
    fns = {"sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "asin": sp.asin, "acos": sp.acos, "atan": sp.atan,
           "sqrt": sp.sqrt, "ln": sp.log, "exp": sp.exp, "abs": sp.Abs, "sinh": sp.sinh, "cosh": sp.cosh,
           "tanh": sp.tanh, "asinh": sp.asinh, "acosh": sp.acosh, "atanh": sp.atanh,
           "log": lambda a: sp.log(a, 10)}

    def build(node: Any) -> Any:  # noqa: C901
        if isinstance(node, syntax.Num):
            return sp.Rational(node.text) if len(node.text) <= limits.MAX_INT_DIGITS + 20 else sp.Float(node.text)
        if isinstance(node, syntax.Qty):
            info = parse_unit(node.unit)
            if info is None:
                raise ExprError(f"unknown unit '{node.unit}'")
            factor = sp.pi / 180 if node.unit in ("deg", "°") else sp.nsimplify(info.factor)
            return sp.Mul(sp.Rational(node.number), factor)  # both exact numbers of bounded size
        if isinstance(node, syntax.Ref):
            name = node.dotted
            if name in symbols:
                return symbols[name]
            if name == "pi":
                return sp.pi
            if name == "e":
                return sp.E
            symbols[name] = sp.Symbol(name, real=True)
            return symbols[name]
        if isinstance(node, syntax.Neg):
            return sp.Mul(-1, build(node.operand), evaluate=False)
        if isinstance(node, syntax.BinOp):
            a, b = build(node.left), build(node.right)
            if node.op == "+":
                return sp.Add(a, b)
            if node.op == "-":
                return sp.Add(a, sp.Mul(-1, b))
            if node.op == "*":
                return sp.Mul(a, b)
            if node.op == "/":
                return sp.Mul(a, sp.Pow(b, -1))
            _unitless_exponent(node.right)
            _guard_power(a, b)
            return sp.Pow(a, b)
        if isinstance(node, syntax.Call) and node.fn in fns and len(node.args) == 1:
            return fns[node.fn](build(node.args[0]))
        raise ExprError(f"cannot use {syntax.format_value(node)} in an expression")

    return build(tree)


def _guard_power(base: Any, exp: Any) -> None:
    """Refuse powers whose result would have more digits than the limit, before sympy computes them."""
    if base.is_number and exp.is_number:
        try:
            b = abs(float(base))
            x = float(exp)
        except (TypeError, ValueError, OverflowError):
            raise ExprError("the power is too large") from None
        if b > 1 and x * math.log10(b) > limits.MAX_RESULT_DIGITS:
            raise ExprError("the power is too large")
