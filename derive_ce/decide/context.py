"""A branch's conditions as SymPy: substitutions, assumptions, constraints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sympy as sp

from derive_ce.decide.build import read_relation
from derive_ce.decide.kinks import settle
from derive_ce.decide.scope import SymScope
from derive_ce.decide.sums import canonical, substitute
from derive_ce.errors import InputError

if TYPE_CHECKING:
    from derive_ce.read.model import Math

_SIGN = {(">", "left"): "positive", ("<", "left"): "negative",
         ("≥", "left"): "nonnegative", ("≤", "left"): "nonpositive",
         (">", "right"): "negative", ("<", "right"): "positive",
         ("≥", "right"): "nonpositive", ("≤", "right"): "nonnegative"}
_OPPOSITE = {"negative": "positive", "nonpositive": "nonnegative"}
_OPS = {"<": sp.Lt, ">": sp.Gt, "≤": sp.Le, "≥": sp.Ge, "=": sp.Eq, "≠": sp.Ne}


@dataclass
class Context:
    """γ = i replaces γ by i; γ ≠ i makes them distinct; x > 0 an assumption."""
    subs: list[dict] = field(default_factory=list)
    distinct: set[frozenset] = field(default_factory=set)
    constraints: list[sp.Basic] = field(default_factory=list)
    origins: dict = field(default_factory=dict)   # shifted symbol -> (name, its value)
    late: dict = field(default_factory=dict)      # canonical sum -> its value, once evaluated

    def apply(self, expr: sp.Expr) -> sp.Expr:
        for mapping in self.subs:
            expr = substitute(expr, mapping)
        return expr

    def apply_late(self, expr: sp.Expr) -> sp.Expr:
        """`when: \\sum_c y_{b,c} = 1`: that sum, wherever it stands after
        evaluation (whatever its index letter), is replaced by its value."""
        expr = _decided_branches(settle(expr), self.constraints)
        if not self.late:
            return expr
        return expr.replace(lambda e: isinstance(e, sp.Sum) and canonical(e) in self.late,
                            lambda e: self.late[canonical(e)])


def _decided_branches(expr: sp.Expr, constraints: list) -> sp.Expr:
    r"""Under `when: |x| \le \delta`, a piecewise case whose condition is
    that constraint (or one of its links) holds, and a case whose condition is
    its negation never does: the piecewise keeps only the cases left open.
    Only a condition identical to a constraint, or to its negation, is decided."""
    if not constraints or not expr.has(sp.Piecewise):
        return expr
    held = {_normal(c) for c in constraints if isinstance(c, sp.core.relational.Relational)}
    if not held:
        return expr
    shifts = _shifts(constraints)
    return expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: _decided(e, held, shifts))


def _shifts(constraints: list) -> list[dict]:
    r"""Each constraint `s < e` (`s` a real letter, not in e) as the values it
    leaves s: s = e − t with t > 0 (t ≥ 0 for ≤; e + t for > and ≥).  A case
    whose condition SymPy then finds false for every such t never holds:
    under `r < -\delta` (δ > 0), |r| ≤ δ becomes δ + t ≤ δ, false."""
    found = []
    for c in constraints:
        if not isinstance(c, (sp.Lt, sp.Le, sp.Gt, sp.Ge)):
            continue
        for side, other, below in ((c.lhs, c.rhs, isinstance(c, (sp.Lt, sp.Le))),
                                   (c.rhs, c.lhs, isinstance(c, (sp.Gt, sp.Ge)))):
            if isinstance(side, sp.Symbol) and side.is_real and side not in other.free_symbols:
                t = _slack(c)
                found.append({side: other - t if below else other + t})
        found += _linear_shifts(c)
    return found


def _linear_shifts(c) -> list[dict]:
    r"""`w x - y > \delta`: each real letter the difference is linear in, with a
    number as its coefficient (y here), as the value the constraint leaves it
    (y = w x − δ − t, t > 0), so that a case `|w x - y| \le \delta` of a
    piecewise is seen never to hold under it."""
    difference = sp.expand(c.lhs - c.rhs)          # > 0 (or ≥, <, ≤)
    found = []
    for s in sorted(difference.free_symbols, key=str):
        if not (isinstance(s, sp.Symbol) and s.is_real):
            continue
        coefficient = difference.coeff(s)
        rest = difference - coefficient * s
        if not coefficient.is_number or coefficient == 0 or s in rest.free_symbols \
                or not rest.free_symbols:
            continue                    # `s < 3`: a letter and a number, _shifts has it
        t = _slack(c)
        target = t if isinstance(c, (sp.Gt, sp.Ge)) else -t
        found.append({s: (target - rest) / coefficient})
    return found


def _slack(c) -> sp.Dummy:
    """What a constraint leaves between its sides: t > 0 (strict), t ≥ 0."""
    if isinstance(c, (sp.Lt, sp.Gt)):
        return sp.Dummy("t", positive=True)
    return sp.Dummy("t", nonnegative=True)


def _never(link, shifts: list[dict]) -> bool:
    """Does a constraint's shift make this relation false (see _shifts)?"""
    if not isinstance(link, sp.core.relational.Relational):
        return False
    for shift in shifts:
        if set(shift) & link.free_symbols:
            try:
                if link.xreplace(shift) is sp.false:
                    return True
            except (TypeError, ValueError, RecursionError):
                continue
    return False


def _normal(relation) -> sp.Basic:
    return relation.canonical if isinstance(relation, sp.core.relational.Relational) else relation


def _decided(piecewise: sp.Piecewise, held: set, shifts: tuple | list = ()) -> sp.Expr:
    kept = []
    for value, cond in piecewise.args:
        links = cond.args if isinstance(cond, sp.And) else (cond,)
        if any(isinstance(link, sp.core.relational.Relational)
               and _normal(link.negated) in held for link in links) \
                or any(_never(link, shifts) for link in links):
            continue                                   # this case never holds here
        open_links = [link for link in links if _normal(link) not in held]
        if not open_links:
            kept.append((value, sp.true))
            break
        kept.append((value, sp.And(*open_links) if len(open_links) > 1 else open_links[0]))
    if not kept or kept == list(piecewise.args):
        return piecewise
    return sp.Piecewise(*kept)


def build_context(conditions: tuple[Math, ...], scope: SymScope) -> Context:
    ctx = Context()
    for math in conditions:
        left, op, right = read_relation(math, scope)
        left, right = ctx.apply(scope.expand(left)), ctx.apply(scope.expand(right))
        _add(ctx, left, op, right, math)
    return ctx


def _add(ctx: Context, left, op: str, right, math: Math) -> None:
    if op == "=" and isinstance(left, sp.Sum) and not right.has(sp.Sum):
        ctx.late[canonical(left)] = right
        return
    if op == "=":
        ctx.subs.append(_equality(left, right, math))
        return
    relation = _OPS[op](left, right)
    if relation is sp.false:
        raise InputError(f"the condition `{math.text}` can never hold", math.line)
    if relation is sp.true:
        return
    if op == "≠":
        ctx.distinct.add(frozenset((left, right)))
    ctx.constraints.append(relation)
    shift = _shift(left, op, right)
    if shift:
        ((symbol, value),) = shift.items()
        if value != symbol and not isinstance(value, sp.Symbol):
            (gap,) = value.free_symbols
            ctx.origins[gap] = (symbol.name, value)
        ctx.subs.append(shift)
        kept = _declared_sign(symbol, value)
        ctx.constraints = [c.xreplace(shift) for c in ctx.constraints] + kept


_DECLARED = (("positive", sp.Gt), ("negative", sp.Lt),
             ("nonnegative", sp.Ge), ("nonpositive", sp.Le))


def _declared_sign(symbol: sp.Symbol, value: sp.Expr) -> list:
    """`x: positive` stays positive inside `when: x < 1` (x = 1 - t): the
    declared sign, as a condition on the shifted value (t < 1)."""
    for flag, relation in _DECLARED:
        if symbol.assumptions0.get(flag):
            held = relation(value, 0)
            if held is sp.true:
                return []
            if held is sp.false:
                raise InputError(f"`{symbol.name}` is declared {flag}, and the branch's "
                                 "condition contradicts it")
            solved = _for_gap(held)
            return [solved if solved is not None else held]
    return []


def _for_gap(held) -> sp.Basic | None:
    """c - t > 0 as t < c (a bound the sampler draws within), or None."""
    (gap,) = held.free_symbols or (None,)
    if gap is None:
        return None
    diff = held.lhs - held.rhs
    slope = sp.diff(diff, gap)
    if not slope.is_number or slope == 0:
        return None
    bound = sp.expand(gap - diff / slope)
    flip = slope < 0
    kind = type(held)
    mirrored = {sp.Gt: sp.Lt, sp.Lt: sp.Gt, sp.Ge: sp.Le, sp.Le: sp.Ge}
    return (mirrored[kind] if flip else kind)(gap, bound)


def _consistent(assumptions: dict, flag: str) -> dict:
    keep = {k: v for k, v in assumptions.items() if k in ("real", "finite")}
    keep.update(real=True, **{flag: True})
    return keep


def _equality(left, right, math: Math) -> dict:
    if isinstance(left, (sp.Symbol, sp.Indexed)) and left != right:
        return {left: right}
    if isinstance(right, (sp.Symbol, sp.Indexed)):
        return {right: left}
    raise InputError("an `=` condition needs a symbol on one side, as in "
                     "`\\gamma = i`", math.line)


def _shift(left, op, right) -> dict | None:
    """x > 0: x becomes a positive x.  x > c: x becomes c + t with t > 0,
    t named `x - c`, so that SymPy can use the bound in a proof."""
    if op not in ("<", ">", "≤", "≥"):
        return None
    if isinstance(left, sp.Symbol) and right.is_number and right.is_real:
        symbol, bound, flag = left, right, _SIGN[(op, "left")]
    elif isinstance(right, sp.Symbol) and left.is_number and left.is_real:
        symbol, bound, flag = right, left, _SIGN[(op, "right")]
    else:
        return None
    if symbol.is_integer:
        return None
    if bound == 0:
        return {symbol: sp.Symbol(symbol.name, **_consistent(symbol.assumptions0, flag))}
    above = flag in ("positive", "nonnegative")
    name = f"{symbol.name} - {sp.sstr(bound)}" if above else f"{sp.sstr(bound)} - {symbol.name}"
    gap = sp.Symbol(name, **_consistent({}, flag if above else _OPPOSITE[flag]))
    return {symbol: bound + gap if above else bound - gap}
