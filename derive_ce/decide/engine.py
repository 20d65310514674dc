"""The engine's side of a task: read the math, prepare it, decide.

Runs inside a worker process (see workers.py); keeps what it read, keyed by
the texts, so a step shared by two comparisons is read and prepared once.
"""

from __future__ import annotations

import dataclasses
import os
import time

import sympy as sp
from sympy.core.function import AppliedUndef

from derive_ce.decide.slip import explain
from derive_ce.decide.build import read_once
from derive_ce.decide.context import Context, build_context
from derive_ce.decide.equivalence import OutOfTime, deadline, equivalent
from derive_ce.decide.ranges import resolve
from derive_ce.decide.scope import SymScope
from derive_ce.decide.slip.kinds import named
from derive_ce.decide.sums import canonical
from derive_ce.errors import InputError
from derive_ce.results import Task, Verdict

_MEMO_LIMIT = 512
SHRINK_SECONDS = 3.0       # a refuted step's counterexample, found again and shrunk
CROSS_CHECK_SECONDS = 3.0    # the evaluator's CPU limit per step (it counts its work first)
MARGIN = 0.6                 # a step that needs more of its budget than this is not decided


def both_readings() -> bool:
    """Tests: run the symbolic ladder even where the evaluator refutes, so that a
    disagreement of the two readings shows as `unknown: the two readings disagree`;
    every other verdict stays what it is without it.  Read per task, so that a
    test can set it around one run."""
    return os.environ.get("DERIVE_CE_BOTH_READINGS") == "1"


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
            return _scope_verdict(scope, task)
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
        return Verdict("unknown", f"timed out after {time.process_time() - start:.1f} s of CPU "
                       "(reading and evaluating the expressions)", "timeout")
    outcome = _cross_check(task, task.budget - (time.process_time() - start))
    if outcome.kind == "differ" and not both_readings():
        left = task.budget * MARGIN - (time.process_time() - start)
        return named(a, b, _shrunk(a, b, scope.ranges, ctx, left) or _refuted(outcome))
    if outcome.kind == "kink":
        return Verdict("unknown", f"{outcome.reason} (on a concrete instance: "
                       f"{_where(outcome.point)}), so the step is not decided", "kink")
    sampled: list = []
    verdict = equivalent(a, b, scope.ranges, ctx,
                         task.budget * MARGIN - (time.process_time() - start), sampled)
    spent = time.process_time() - start
    if outcome.kind == "differ":        # both readings asked for (tests)
        if verdict.status in ("proved", "numeric"):
            return _disagree(verdict, outcome)
        left = task.budget * MARGIN - spent
        return named(a, b, _shrunk(a, b, scope.ranges, ctx, left) or _refuted(outcome))
    if verdict.method == "timeout" or spent > task.budget * MARGIN:
        return Verdict("unknown", f"timed out: {spent:.1f} s of CPU spent, and a step is decided "
                       f"within {task.budget * MARGIN:g} s ({MARGIN:.0%} of the {task.budget:g} s "
                       "limit), so that its verdict does not depend on the machine's load",
                       "timeout")
    if verdict.status == "failed" and outcome.kind == "agree":     # the symbolic path alone
        verdict = _confirmed(task, a, b, verdict, sampled[-1] if sampled else None,
                             task.budget - spent, outcome)
    if verdict.status not in ("proved", "numeric"):
        return named(a, b, verdict)     # a failed step: which slip (decide/slip/kinds.py)
    if outcome.kind == "agree":
        return dataclasses.replace(verdict, cross_checked=True)
    note = f"not cross-checked: {outcome.reason}"
    message = f"{verdict.status} ({note})" + (f"; {verdict.message}" if verdict.message else "")
    return dataclasses.replace(verdict, message=message, cross_checked=False)


def _disagree(verdict: Verdict, outcome) -> Verdict:
    return Verdict("unknown", f"the two readings disagree at {_where(outcome.point)}: the "
                   f"symbolic path says {verdict.status}, the evaluator finds left = "
                   f"{outcome.left}, right = {outcome.right} (a bug in derive-ce, please "
                   "report it)", "disagree", evidence=_evidence(outcome))


def _confirmed(task: Task, a, b, verdict: Verdict, sampled, left: float, outcome) -> Verdict:
    """A refutation by the symbolic path alone, where the evaluator agreed at
    its own instances, asked of the evaluator at that counterexample: `failed`
    stands where the evaluator finds the difference there too, or cannot
    evaluate there (docs/format.md, "two readings"); where it finds the two
    sides equal there, the readings disagree and the step is `unknown`."""
    if verdict.method != "sampling" or sampled is None or sampled.at is None:
        return verdict      # a constant difference, shown at no point: it stands
    if a.atoms(AppliedUndef) or b.atoms(AppliedUndef):
        return verdict      # each reading has its own concrete functions: not the same point
    from derive_ce.evaluate.check import Outcome, check_at
    start = time.process_time()
    try:
        with deadline(max(min(CROSS_CHECK_SECONDS, left), 0.05)):
            found = check_at(task, sampled.at, _gap(sampled.left, sampled.right))
    except OutOfTime:
        found = Outcome("unchecked", reason="the evaluator ran out of time")
    except RecursionError:
        found = Outcome("unchecked", reason="the expression is nested too deeply")
    SPENT.append(time.process_time() - start)
    del SPENT[:-_MEMO_LIMIT]
    if found.kind != "agree":
        return verdict
    symbolic = verdict.evidence or {}
    where = _where(symbolic.get("point") or found.point)
    return Verdict("unknown", f"the two readings disagree at {where}: the symbolic path "
                   f"finds left = {symbolic.get('left')}, right = {symbolic.get('right')}, the "
                   f"evaluator finds left = {found.left}, right = {found.right} there (and "
                   f"agrees at its {outcome.instances} instances), so the step is not decided "
                   "(a bug in derive-ce, please report it)", "disagree",
                   evidence=verdict.evidence)


def _gap(left, right) -> str:
    """|left − right| of the symbolic counterexample, as text ("" if unknown)."""
    import mpmath
    try:
        with mpmath.workdps(120):
            gap = abs(_mp(left) - _mp(right))
            return mpmath.nstr(gap, 30) if mpmath.isfinite(gap) else ""
    except (TypeError, ValueError, ArithmeticError, AttributeError):
        return ""


def _mp(value):
    import mpmath
    if isinstance(value, sp.Basic):
        real, imag = sp.N(value, 110).as_real_imag()
        return mpmath.mpc(mpmath.mpf(str(real)), mpmath.mpf(str(imag)))
    return mpmath.mpc(value)


def _cross_check(task: Task, left: float):
    """The evaluator's outcome (evaluate/): bounded by its own count of work,
    and by CROSS_CHECK_SECONDS of CPU as a last resort; its cost is kept in SPENT."""
    from derive_ce.evaluate.check import Outcome, cross_check
    start = time.process_time()
    try:
        with deadline(max(min(CROSS_CHECK_SECONDS, left), 0.05)):
            outcome = cross_check(task)
    except OutOfTime:
        outcome = Outcome("unchecked", reason=f"the evaluator ran out of time "
                          f"({time.process_time() - start:.1f} s)")
    except RecursionError:
        outcome = Outcome("unchecked", reason="the expression is nested too deeply")
    SPENT.append(time.process_time() - start)
    del SPENT[:-_MEMO_LIMIT]
    return outcome


def _where(point: dict) -> str:
    items = list(point.items())
    more = f", … ({len(items) - 12} more)" if len(items) > 12 else ""
    return ", ".join(f"{k} = {v}" for k, v in items[:12]) + more if items else "no variables"


def _evidence(outcome) -> dict:
    return {"point": dict(outcome.point), "left": outcome.left, "right": outcome.right}


def _shrunk(a, b, ranges, ctx, left: float) -> Verdict | None:
    """A step the evaluator refuted, shown at the symbolic sampler's
    counterexample, shrunk to small values (decide/slip/shrink.py), where the
    sampler finds one too within its share of the time; None otherwise."""
    from derive_ce.decide import sampling
    try:
        with deadline(max(min(left, SHRINK_SECONDS), 0.05)):
            sampled = sampling.compare(a, b, ranges, ctx)
    except (OutOfTime, TypeError, ValueError, ArithmeticError, NotImplementedError,
            AttributeError, RecursionError):
        return None
    if sampled.outcome != "differ":
        return None
    return Verdict("failed", "not equal " + sampling.describe(sampled), "sampling",
                   evidence=sampling.evidence(sampled))


def _scope_verdict(scope: SymScope, task: Task) -> Verdict:
    """The scope can be used; what in it cannot be read is set aside, each on its
    own line (the contract: the other steps are still checked): definitions
    (SymScope._set_aside), and cases whose condition cannot be read, whose steps
    then have the case's error (they ask for the same context)."""
    cases: dict[int, str] = {}
    for branch in task.branches:
        try:
            _context(scope, task.scope, branch)
        except InputError as exc:
            if exc.line is None:
                raise
            cases.setdefault(exc.line, exc.message)
    evidence = {}
    if scope.unreadable:
        evidence["unreadable"] = {name: [line, reason]
                                  for name, (line, reason) in scope.unreadable.items()}
    if cases:
        evidence["cases"] = {str(line): message for line, message in cases.items()}
    return Verdict("proved", method="scope", evidence=evidence or None)


def _refuted(outcome) -> Verdict:
    return Verdict("failed", f"not equal at {_where(outcome.point)}: left = {outcome.left}, "
                   f"right = {outcome.right} (on a concrete instance, confirmed at 100 digits)",
                   "instance", evidence=_evidence(outcome))


def _prepared_side(scope, task, ctx, math, side: str):
    try:
        return _prepare(scope, task, ctx, math)
    except InputError as exc:
        return Verdict("error", exc.describe(), error_side=side)


def _scope(spec) -> SymScope:
    if spec not in _scopes:
        _bound(_scopes)
        _scopes[spec] = SymScope(spec)      # what cannot be read in it is set aside
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
