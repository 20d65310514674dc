"""The engine's side of a task: read the math, prepare it, decide.

Runs inside a worker process (see workers.py); keeps what it read, keyed by
the texts, so a step shared by two comparisons is read and prepared once.
"""

from __future__ import annotations

import time

import sympy as sp

from derive_ce.context import Context, build_context
from derive_ce.equivalence import OutOfTime, deadline, equivalent
from derive_ce.errors import InputError
from derive_ce.latex.build import ElementSum, read_expression
from derive_ce.ranges import resolve
from derive_ce.results import Task, Verdict
from derive_ce.scope import SymScope

_MEMO_LIMIT = 512
_scopes: dict = {}
_contexts: dict = {}
_prepared: dict = {}


def run_task(task: Task) -> Verdict:
    start = time.monotonic()
    try:
        scope = _scope(task.scope)
        if task.kind == "scope":
            for branch in task.branches:
                _context(scope, task.scope, branch)
            return Verdict("proved", method="scope")
        ctx = _context(scope, task.scope, task.when)
    except InputError as exc:
        return Verdict("error", exc.describe(), error_side="scope", line=exc.line)
    budget = task.budget - (time.monotonic() - start)
    try:
        with deadline(max(budget, 0.05)):
            b = _prepared_side(scope, task, ctx, task.b, "b")
            if isinstance(b, Verdict) or task.kind == "read":
                return b if isinstance(b, Verdict) else Verdict("proved", method="read")
            a = _prepared_side(scope, task, ctx, task.a, "a")
            if isinstance(a, Verdict):
                return a
    except OutOfTime:
        return Verdict("unknown", f"timed out after {task.budget:g} s (reading and "
                       "evaluating the expressions)", "timeout")
    verdict = equivalent(a, b, scope.ranges, ctx, task.budget - (time.monotonic() - start))
    if verdict.method == "timeout":
        return Verdict("unknown", f"timed out after {task.budget:g} s", "timeout")
    return verdict


def _prepared_side(scope, task, ctx, math, side: str):
    try:
        return _prepare(scope, task, ctx, math)
    except InputError as exc:
        return Verdict("error", exc.describe(), error_side=side, line=exc.line,
                       column=exc.column)


def _scope(spec) -> SymScope:
    if spec not in _scopes:
        _bound(_scopes)
        _scopes[spec] = SymScope(spec)
    return _scopes[spec]


def _context(scope: SymScope, spec, when: tuple) -> Context:
    key = (spec, when)
    if key not in _contexts:
        _bound(_contexts)
        _contexts[key] = build_context(when, scope)
    return _contexts[key]


def _prepare(scope: SymScope, task: Task, ctx: Context, math) -> sp.Expr:
    """Definitions expanded, the branch applied, derivatives and sums done."""
    key = (task.scope, task.when, math.text, math.syntax)
    if key not in _prepared:
        _bound(_prepared)
        expr = read_expression(math, scope)
        expr = ctx.apply(scope.expand(expr))
        _prepared[key] = _evaluate(expr, scope.ranges, ctx)
    return _prepared[key]


def _evaluate(expr: sp.Expr, ranges: dict, ctx: Context) -> sp.Expr:
    """doit() until nothing changes (a derivative of a sum leaves a sum to do)."""
    for _ in range(4):
        done = resolve(expr.doit(), ranges, ctx)
        if done == expr:
            break
        expr = done
    return rename_bound(order_sums(expr))


def order_sums(expr: sp.Expr) -> sp.Expr:
    """Σ_n a_n Σ_k b_{n,k} -> one Σ over (n, k) of a_n b_{n,k}, its independent
    ranges in a fixed order, so that the order of summation changes nothing."""
    if not expr.args:
        return expr
    args = [order_sums(a) for a in expr.args]
    expr = expr if all(a is b for a, b in zip(args, expr.args)) else expr.func(*args)
    if not isinstance(expr, sp.Sum):
        return expr
    spread = sp.expand_mul(expr.function)
    if spread.is_Add:                       # Σ (a + b) -> Σ a + Σ b, each in order
        return sp.Add(*(order_sums(type(expr)(term, *expr.limits)) for term in spread.args))
    limits, body, kind = list(expr.limits), expr.function, type(expr)
    inner = [f for f in sp.Mul.make_args(body) if isinstance(f, sp.Sum)]
    if len(inner) == 1 and _independent(limits + list(inner[0].limits)):
        (total,) = inner
        rest = sp.Mul(*(f for f in sp.Mul.make_args(body) if f is not total))
        if not ({v for v, _, _ in total.limits} & rest.free_symbols):
            body, limits = rest * total.function, list(total.limits) + limits
            kind = ElementSum if ElementSum in (kind, type(total)) else kind
    if _independent(limits):
        limits.sort(key=lambda limit: (sp.srepr(limit[1]), sp.srepr(limit[2])))
    return sp.Sum.__new__(kind, body, *limits) if len(limits) > 1 else kind(body, *limits)


def _independent(limits) -> bool:
    names = {v for v, _, _ in limits}
    return len(names) == len(limits) and not any(
        names & (lo.free_symbols | hi.free_symbols) for _, lo, hi in limits)


def rename_bound(expr: sp.Expr, depth: int = 0) -> sp.Expr:
    """Σ_j and Σ_k over the same range are the same sum: bound indices get
    canonical names by nesting depth and position, so that structure sees it."""
    if not expr.args:
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)):
        names = {var: _canonical(var, lo, depth, pos)
                 for pos, (var, lo, _) in enumerate(expr.limits)}
        limits = [(names[v], lo, hi) for v, lo, hi in expr.limits]
        body = rename_bound(expr.function.xreplace(names), depth + 1)
        return type(expr)(body, *limits)
    args = [rename_bound(a, depth) for a in expr.args]
    return expr if all(a is b for a, b in zip(args, expr.args)) else expr.func(*args)


def _canonical(var, lo, depth: int, pos: int) -> sp.Symbol:
    flags = {"integer": True}
    if lo.is_positive:
        flags["positive"] = True
    elif lo.is_nonnegative:
        flags["nonnegative"] = True
    return sp.Symbol(f"_bound{depth}_{pos}", **flags)


def _bound(memo: dict) -> None:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
