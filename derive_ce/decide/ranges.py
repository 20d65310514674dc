"""Decide index relations from declared ranges: i <= n for i in [1, n].

SymPy leaves `Piecewise((f(i), i <= n), (0, True))` and KroneckerDelta(γ, i)
open; the ranges and the branch's distinct pairs close them.
"""

from __future__ import annotations

import sympy as sp

from derive_ce.decide.context import Context
from derive_ce.memo import Kept


def resolve(expr: sp.Expr, ranges: dict, ctx: Context) -> sp.Expr:
    """Replace every relation and Kronecker delta that the ranges decide."""
    for _ in range(3):
        mapping = {}
        for rel in expr.atoms(sp.core.relational.Relational):
            value = decide(rel, ranges, ctx)
            if value is not None:
                mapping[rel] = sp.true if value else sp.false
        for delta in expr.atoms(sp.KroneckerDelta):
            value = equal(delta.args[0], delta.args[1], ranges, ctx)
            if value is not None:
                mapping[delta] = sp.Integer(1 if value else 0)
        if not mapping:
            return expr
        expr = expr.xreplace(mapping)
    return expr


def decide(rel, ranges: dict, ctx: Context) -> bool | None:
    if isinstance(rel, sp.Eq):
        return equal(rel.lhs, rel.rhs, ranges, ctx)
    if isinstance(rel, sp.Ne):
        value = equal(rel.lhs, rel.rhs, ranges, ctx)
        return None if value is None else not value
    if isinstance(rel, (sp.Le, sp.Lt)):
        return _nonneg(rel.rhs - rel.lhs, ranges, strict=isinstance(rel, sp.Lt))
    if isinstance(rel, (sp.Ge, sp.Gt)):
        return _nonneg(rel.lhs - rel.rhs, ranges, strict=isinstance(rel, sp.Gt))
    return None


def decide_in(rel, ranges: dict) -> bool | None:
    """An order relation decided from the given ranges alone (no branch)."""
    if isinstance(rel, (sp.Le, sp.Lt)):
        return _nonneg(rel.rhs - rel.lhs, ranges, strict=isinstance(rel, sp.Lt))
    if isinstance(rel, (sp.Ge, sp.Gt)):
        return _nonneg(rel.lhs - rel.rhs, ranges, strict=isinstance(rel, sp.Gt))
    return None


def equal(a, b, ranges: dict, ctx: Context) -> bool | None:
    if a == b:
        return True
    if frozenset((a, b)) in ctx.distinct:
        return False
    diff = a - b
    if diff.is_number:
        return bool(diff == 0)
    if _nonneg(diff, ranges, strict=True) or _nonneg(-diff, ranges, strict=True):
        return False
    return None


def _nonneg(diff, ranges: dict, strict: bool) -> bool | None:
    """Is diff >= 0 (> 0) for every index in its range? None: cannot say.
    Kept by diff, strictness and the ranges' contents: the same deltas and
    bounds (δ_{i,j}, j <= n) come back in every step of a file and every round
    of the engine's doit loop, and the answer depends on nothing else."""
    try:
        key = (diff, strict, frozenset(ranges.items()))
    except TypeError:               # an unhashable range: not kept
        return _nonneg_now(diff, ranges, strict)
    return _decided.get(key, lambda: _nonneg_now(diff, ranges, strict))


_decided = Kept(8192)


def _nonneg_now(diff, ranges: dict, strict: bool) -> bool | None:
    low, high = _extreme(diff, ranges, -1), _extreme(diff, ranges, +1)
    if low is not None and (low.is_positive if strict else low.is_nonnegative):
        return True
    if high is not None and (high.is_nonpositive if strict else high.is_negative):
        return False
    return None


def _extreme(diff, ranges: dict, direction: int):
    """The least (direction -1) or greatest (+1) value of a linear diff."""
    for _ in range(4):
        indices = [s for s in diff.free_symbols if s in ranges]
        if not indices:
            return diff
        for index in indices:
            slope = sp.diff(diff, index)
            if not slope.is_number:
                return None
            lo, hi = ranges[index]
            pick = hi if (slope > 0) == (direction > 0) else lo
            diff = sp.expand(diff.xreplace({index: pick}))
    return None
