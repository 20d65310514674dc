"""A branch's conditions as SymPy: substitutions, assumptions, constraints."""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from derive_ce.document import Math
from derive_ce.errors import InputError
from derive_ce.latex.build import read_relation
from derive_ce.scope import SymScope

_SIGN = {(">", "left"): "positive", ("<", "left"): "negative",
         ("≥", "left"): "nonnegative", ("≤", "left"): "nonpositive",
         (">", "right"): "negative", ("<", "right"): "positive",
         ("≥", "right"): "nonpositive", ("≤", "right"): "nonnegative"}
_OPS = {"<": sp.Lt, ">": sp.Gt, "≤": sp.Le, "≥": sp.Ge, "=": sp.Eq, "≠": sp.Ne}


@dataclass
class Context:
    """γ = i replaces γ by i; γ ≠ i makes them distinct; x > 0 an assumption."""
    subs: list[dict] = field(default_factory=list)
    distinct: set[frozenset] = field(default_factory=set)
    constraints: list[sp.Basic] = field(default_factory=list)

    def apply(self, expr: sp.Expr) -> sp.Expr:
        for mapping in self.subs:
            expr = expr.xreplace(mapping)
        return expr


def build_context(conditions: tuple[Math, ...], scope: SymScope) -> Context:
    ctx = Context()
    for math in conditions:
        left, op, right = read_relation(math, scope)
        left, right = ctx.apply(scope.expand(left)), ctx.apply(scope.expand(right))
        _add(ctx, left, op, right, math)
    return ctx


def _add(ctx: Context, left, op: str, right, math: Math) -> None:
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
    sign = _sign_assumption(left, op, right)
    if sign:
        symbol, flag = sign
        assumptions = {**symbol.assumptions0, flag: True}
        assumptions.pop("commutative", None)
        ctx.subs.append({symbol: sp.Symbol(symbol.name, **_consistent(assumptions, flag))})
        ctx.constraints = [c.xreplace(ctx.subs[-1]) for c in ctx.constraints]


def _consistent(assumptions: dict, flag: str) -> dict:
    keep = {k: v for k, v in assumptions.items()
            if k in ("real", "integer", "finite", flag)}
    keep["real"] = True
    return keep


def _equality(left, right, math: Math) -> dict:
    if isinstance(left, (sp.Symbol, sp.Indexed)) and left != right:
        return {left: right}
    if isinstance(right, (sp.Symbol, sp.Indexed)):
        return {right: left}
    raise InputError("an `=` condition needs a symbol on one side, as in "
                     "`\\gamma = i`", math.line)


def _sign_assumption(left, op, right):
    if op not in ("<", ">", "≤", "≥"):
        return None
    if isinstance(left, sp.Symbol) and right == 0:
        return left, _SIGN[(op, "left")]
    if isinstance(right, sp.Symbol) and left == 0 and op != "≠":
        return right, _SIGN[(op, "right")]
    return None
