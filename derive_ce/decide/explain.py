"""What the tool read, shown to the user: SymPy's pretty form of a step as
read (before definitions are expanded and derivatives or sums evaluated), so
that the derivative, sum, function and index structure is visible."""

from __future__ import annotations

import dataclasses

import sympy as sp

from derive_ce.errors import InputError
from derive_ce.results import Task, Verdict

MAX_CHARS = 4_000


def attach(task: Task, verdict: Verdict, scope) -> Verdict:
    """The verdict with the reading of its step (and, for a failed step
    without --explain, of the step before it too)."""
    shown = _reading(task.b, scope)
    if verdict.status == "failed" and not task.explain and task.a is not None:
        shown = f"previous step read as:\n{_reading(task.a, scope)}\nthis step read as:\n{shown}"
    return dataclasses.replace(verdict, reading=shown)


def noted(task: Task, verdict: Verdict, scope) -> Verdict:
    """A letter read as a vector without a declaration is said so in the report."""
    from derive_ce.decide.build import read_once
    try:
        expr = read_once(task.b, scope)
    except InputError:
        return verdict
    inferred = sorted(str(b) for b in expr.atoms(sp.IndexedBase)
                      if not scope.declared(str(b)) or str(b) in scope.inferred)
    counts = sorted(str(s) for s in expr.free_symbols if str(s) in scope.inferred)
    notes = [f"`{name}` is read as a vector or matrix (it is written with an index as "
             f"subscript): declare it (`{name}: vector`) to say so" for name in inferred
             if not name.endswith("⁽⁾")]
    notes += [f"`{name[:-2]}^{{(…)}}` is read as samples of {name[:-2]}, one for each label "
              f"(apart from {name[:-2]} and from its elements {name[:-2]}_i)"
              for name in inferred if name.endswith("⁽⁾")]
    notes += [f"`{name}` is read as a whole number, 0 or more (it bounds a sum or product): "
              f"declare it (`{name}: {{integer: true, positive: true}}`) to say so"
              for name in counts]
    if not notes:
        return verdict
    note = "\n".join(notes)
    message = f"{verdict.message}\n{note}" if verdict.message else note
    return dataclasses.replace(verdict, message=message)


def _reading(math, scope) -> str:
    from derive_ce.decide.build import read_once
    try:
        expr = read_once(math, scope)
    except InputError:
        return ""
    return render(expr)


def render(expr: sp.Expr) -> str:
    """Multi-line Unicode pretty form; a sum's index shown by its letter."""
    plain = expr.xreplace({d: sp.Symbol(d.name) for d in expr.atoms(sp.Dummy)})
    text = sp.pretty(plain, use_unicode=True, wrap_line=False)
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + "\n…"
