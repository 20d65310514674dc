"""Numeric sampling: compare two expressions at random points of their domain.

Every point respects the symbols' assumptions (a real symbol takes both
signs, a positive one never a negative value), integer indices lie in their
ranges for several concrete sizes, and the branch's conditions hold.  Values
are exact rationals; both sides are evaluated with high precision.  A point
where a side is undefined is skipped; a mismatch is confirmed at a higher
precision before it counts as a counterexample.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from derive_ce.decide.context import Context
from derive_ce.decide.scope import element_label

POINTS = 10
MIN_POINTS = 5
MAX_TRIES = 60
DIGITS = 30
CONFIRM_DIGITS = 60
RTOL = 1e-10
SIZES = (3, 2, 4, 5, 1, 6, 7)


@dataclass
class Sampled:
    """`equal` (with the number of points), `differ` (with the point), or `unknown`."""
    outcome: str
    points: int = 0
    point: dict | None = None
    left: object = None
    right: object = None
    reason: str = ""


def compare(a: sp.Expr, b: sp.Expr, ranges: dict, ctx: Context) -> Sampled:
    rng = random.Random(zlib.crc32(sp.srepr((a, b)).encode()))
    free = _free(a) | _free(b)
    free |= {s for c in ctx.constraints for s in _free(c)}
    if not free and not (a.atoms(AppliedUndef, sp.Indexed) or b.atoms(AppliedUndef, sp.Indexed)):
        return _compare_at(a.doit(), b.doit(), {}, {}) or Sampled(
            "unknown", reason="neither side could be evaluated to a number")
    good, tries = 0, 0
    while good < POINTS and tries < MAX_TRIES:
        tries += 1
        point = _point(free, ranges, ctx, rng, tries)
        if point is None:
            continue
        result = _try_point(a, b, point, ctx, rng)
        if result is None:
            continue
        if result.outcome == "differ":
            return result
        good += 1
    if good >= MIN_POINTS:
        return Sampled("equal", good)
    return Sampled("unknown", good, reason=f"only {good} of {tries} sampled points could be "
                   "evaluated (the rest fell outside the domain or the conditions)")


def _free(expr) -> set:
    """Free symbols, without the labels of vectors and matrices."""
    labels = {base.label for base in expr.atoms(sp.IndexedBase)}
    return {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s not in labels}


def _point(free, ranges, ctx, rng, attempt) -> dict | None:
    """Integers first (sizes, then indices in their ranges), then the rest later."""
    point: dict = {}
    size = SIZES[attempt % len(SIZES)]
    indices = _ordered_indices(free, ranges)
    sizes = free | {t for s in indices for v in ranges[s] for t in v.free_symbols}
    for symbol in sorted(sizes, key=str):
        if symbol.is_integer and symbol not in ranges:
            point[symbol] = _integer(symbol, size, rng)
    for index in indices:
        lo, hi = (v.xreplace(point) for v in ranges[index])
        if not (lo.is_Integer and hi.is_Integer) or lo > hi:
            return None
        point[index] = sp.Integer(rng.randint(int(lo), int(hi)))
    return point


def _ordered_indices(free, ranges):
    pending = {s for s in free if s in ranges}
    for s in list(pending):
        pending |= _deps(s, ranges)
    return sorted(pending, key=lambda s: (len(_deps(s, ranges)), str(s)))


def _deps(symbol, ranges):
    return {t for v in ranges[symbol] for t in v.free_symbols if t in ranges}


def _integer(symbol, size, rng) -> sp.Integer:
    if symbol.is_positive:
        return sp.Integer(size)
    if symbol.is_nonnegative:
        return sp.Integer(size - 1)
    if symbol.is_negative:
        return sp.Integer(-size)
    return sp.Integer(rng.choice((size, -size, size - 1, 1 - size)))


def _within(symbol, ctx: Context, rng):
    """A value for symbol; a branch bound such as x > 5 moves the range there."""
    low, high = _bounds(symbol, ctx)
    if low is None and high is None:
        return _real(symbol, rng)
    step = sp.Rational(rng.randint(100, 3000), 1000)
    if low is not None and high is not None:
        return low + (high - low) * sp.Rational(rng.randint(1, 999), 1000)
    return low + step if low is not None else high - step


def _bounds(symbol, ctx: Context):
    low = high = None
    for c in ctx.constraints:
        if not isinstance(c, (sp.Gt, sp.Ge, sp.Lt, sp.Le)):
            continue
        if c.lhs == symbol and c.rhs.is_number:
            bound, above = c.rhs, isinstance(c, (sp.Gt, sp.Ge))
        elif c.rhs == symbol and c.lhs.is_number:
            bound, above = c.lhs, isinstance(c, (sp.Lt, sp.Le))
        else:
            continue
        if above:
            low = bound if low is None else sp.Max(low, bound)
        else:
            high = bound if high is None else sp.Min(high, bound)
    return low, high


def _real(symbol, rng) -> sp.Rational:
    magnitude = sp.Rational(rng.randint(100, 3000), 1000)
    if symbol.is_positive or symbol.is_nonnegative:
        return magnitude
    if symbol.is_negative or symbol.is_nonpositive:
        return -magnitude
    if symbol.is_real is not True:
        return magnitude * rng.choice((1, -1)) + sp.I * sp.Rational(rng.randint(-2000, 2000), 1000)
    return magnitude * rng.choice((1, -1))


def _try_point(a, b, point, ctx, rng) -> Sampled | None:
    if not _holds(ctx, point, integers_only=True):
        return None
    try:
        a1, b1 = (_concrete(e.xreplace(point), rng) for e in (a, b))
    except (ValueError, TypeError, ArithmeticError, NotImplementedError):
        return None
    atoms = _free(a1) | _free(b1) | a1.atoms(sp.Indexed) | b1.atoms(sp.Indexed)
    rest = {atom: _within(atom, ctx, rng) for atom in sorted(atoms, key=str)}
    full = {**point, **rest}
    if not _holds(ctx, full, integers_only=False):
        return None
    return _compare_at(a1, b1, rest, _shown(full, ctx))


def _concrete(expr, rng):
    """Finite sums and products expanded, unknown functions made concrete."""
    return _functions(expr.doit(), rng).doit()


def _functions(expr, rng):
    """Each unknown function f becomes a random c0 + c1 t + c2 t² + c3 sin t."""
    for func in sorted({a.func for a in expr.atoms(AppliedUndef)}, key=str):
        c = [sp.Rational(rng.randint(-2000, 2000), 1000) for _ in range(4)]
        t = sp.Dummy("t")
        expr = expr.replace(func, sp.Lambda(t, c[0] + c[1] * t + c[2] * t**2
                                            + c[3] * sp.sin(t)))
    return expr


def _holds(ctx: Context, point: dict, integers_only: bool) -> bool:
    for constraint in ctx.constraints:
        value = constraint.xreplace(point)
        if value in (sp.true, sp.false):
            if value is sp.false:
                return False
            continue
        if integers_only:
            continue
        try:
            if not bool(value):
                return False
        except TypeError:
            return False
    return True


def _compare_at(a, b, values, shown) -> Sampled | None:
    left, right = _value(a, values, DIGITS), _value(b, values, DIGITS)
    if left is None or right is None:
        return None
    if _close(left, right):
        return Sampled("equal", 1)
    left, right = _value(a, values, CONFIRM_DIGITS), _value(b, values, CONFIRM_DIGITS)
    if left is None or right is None or _close(left, right):
        return None
    return Sampled("differ", 1, point=shown, left=left, right=right)


def _value(expr, values, digits) -> complex | None:
    try:
        number = sp.N(expr.xreplace(values), digits)
        value = complex(number)
    except (TypeError, ValueError, ArithmeticError, AttributeError, RecursionError):
        return None
    if not (math.isfinite(value.real) and math.isfinite(value.imag)):
        return None
    return value


def _close(x: complex, y: complex) -> bool:
    return abs(x - y) <= RTOL * max(1.0, abs(x), abs(y))


def _shown(point: dict, ctx: Context) -> dict:
    shown = {}
    for atom, value in point.items():
        if atom in ctx.origins:
            name, expr = ctx.origins[atom]
            shown[name] = expr.xreplace({atom: value})
        else:
            shown[_label(atom)] = value
    return shown


def _label(atom) -> str:
    if isinstance(atom, sp.Indexed):
        return element_label(str(atom.base), atom.indices)
    return sp.sstr(atom)


def evidence(result: Sampled) -> dict:
    """The counterexample as plain data: the point and both values, as text."""
    return {"point": {k: _number(v) for k, v in result.point.items()},
            "left": _number(result.left), "right": _number(result.right)}


def describe(result: Sampled) -> str:
    found = evidence(result)
    items = list(found["point"].items())
    shown = ", ".join(f"{k} = {v}" for k, v in items[:12])
    more = f", … ({len(items) - 12} more)" if len(items) > 12 else ""
    where = f"at {shown}{more}: " if items else ""
    return f"{where}left = {found['left']}, right = {found['right']}"


def _number(value) -> str:
    if isinstance(value, complex):
        if abs(value.imag) < 1e-12 * max(1.0, abs(value.real)):
            return f"{value.real:.10g}"
        return f"{value.real:.6g}{value.imag:+.6g}i"
    if isinstance(value, sp.Rational) and not value.is_Integer:
        return f"{float(value):g}"
    return str(value)
