"""The engine's side of a task: read the math, prepare it, decide.

Runs inside a worker process (see workers.py); keeps what it read, keyed by
the texts, so a step shared by two comparisons is read and prepared once.
"""

from __future__ import annotations

import time

import sympy as sp

from derive_ce.decide import explain
from derive_ce.decide.build import read_once
from derive_ce.decide.context import Context, build_context
from derive_ce.decide.equivalence import OutOfTime, deadline, equivalent
from derive_ce.decide.instances import cross_check
from derive_ce.decide.ranges import resolve
from derive_ce.decide.scope import SymScope
from derive_ce.decide.slip import named
from derive_ce.decide.sums import canonical
from derive_ce.errors import InputError
from derive_ce.results import Task, Verdict

_MEMO_LIMIT = 512
CROSS_CHECK_SECONDS = 2.0
SPENT: list[float] = []      # CPU seconds of each cross-check, most recent last
_scopes: dict = {}
_contexts: dict = {}
_prepared: dict = {}


def run_task(task: Task) -> Verdict:
    """The verdict on a task, with what was read where it is asked for
    (`--explain`) or needed (a failed step shows its reading)."""
    verdict = _decide(task)
    if task.kind not in ("read", "compare") or verdict.error_side \
            or verdict.method.startswith("matrix"):
        return verdict
    verdict = explain.noted(task, verdict, _scope(task.scope))
    if task.explain or verdict.status == "failed":
        return explain.attach(task, verdict, _scope(task.scope))
    return verdict


def _decide(task: Task) -> Verdict:
    start = time.process_time()
    try:
        scope = _scope(task.scope)
        if task.kind == "scope":
            for branch in task.branches:
                _context(scope, task.scope, branch)
            return Verdict("proved", method="scope")
        ctx = _context(scope, task.scope, task.when)
    except InputError as exc:
        return Verdict("error", exc.describe(), error_side="scope")
    budget = task.budget - (time.process_time() - start)
    from derive_ce.decide import matrices      # vectors and matrices as a whole (issue 17)
    if task.kind != "scope" and matrices.applies(scope, task):
        return matrices.decide(scope, task, budget)
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
    reserve = min(CROSS_CHECK_SECONDS, task.budget / 5)     # kept for the cross-check
    verdict = equivalent(a, b, scope.ranges, ctx,
                         task.budget - reserve - (time.process_time() - start))
    if verdict.method == "timeout":
        return Verdict("unknown", f"timed out after {task.budget:g} s", "timeout")
    if verdict.status in ("proved", "numeric"):
        verdict = _cross_checked(scope, task, verdict, task.budget - (time.process_time() - start))
    return named(a, b, verdict)     # a failed step: which slip (decide/slip.py)


def _cross_checked(scope: SymScope, task: Task, verdict: Verdict, left: float) -> Verdict:
    """The verdict, unless a concrete instance disagrees (see instances.py).
    Bounded by CROSS_CHECK_SECONDS of CPU time and what is left of the
    step's budget; its cost is kept in SPENT."""
    start = time.process_time()
    try:
        with deadline(max(min(CROSS_CHECK_SECONDS, left), 0.05)):
            found = cross_check(scope, task)
    except (OutOfTime, InputError, TypeError, ValueError, ArithmeticError,
            NotImplementedError, AttributeError, RecursionError):
        found = None
    SPENT.append(time.process_time() - start)
    del SPENT[:-_MEMO_LIMIT]
    return found or verdict


def _prepared_side(scope, task, ctx, math, side: str):
    try:
        return _prepare(scope, task, ctx, math)
    except InputError as exc:
        return Verdict("error", exc.describe(), error_side=side)


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
    """Definitions expanded, derivatives and sums done, then the branch applied
    (under `y = x`, d/dx (x y) is y: the value must not reach a derivative)."""
    key = (task.scope, task.when, math.text, math.syntax)
    if key not in _prepared:
        _bound(_prepared)
        expr = _evaluate(scope.expand(read_once(math, scope)), scope.ranges, ctx)
        if ctx.subs:    # the branch's values go in after the derivatives are taken
            expr = _evaluate(ctx.apply(expr), scope.ranges, ctx)
        _prepared[key] = ctx.apply_late(expr)
    return _prepared[key]


def _evaluate(expr: sp.Expr, ranges: dict, ctx: Context) -> sp.Expr:
    """doit() until nothing changes (a derivative of a sum leaves a sum to do)."""
    for _ in range(4):
        done = resolve(expr.doit(), ranges, ctx)
        if done == expr:
            break
        expr = done
    return canonical(expr)


def _bound(memo: dict) -> None:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
