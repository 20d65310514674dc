"""What the tool read, shown to the user: SymPy's pretty form of a step as
read (before definitions are expanded and derivatives or sums evaluated), so
that the derivative, sum, function and index structure is visible."""

from __future__ import annotations

import dataclasses

import sympy as sp

from derive_ce.errors import InputError
from derive_ce.results import Task, Verdict

MAX_CHARS = 4_000
TWO_LINES = 160          # characters of a reading with definitions expanded, at most


def attach(task: Task, verdict: Verdict, scope) -> Verdict:
    """The verdict with what was read: for a failed step, both sides as
    rendered math with definitions expanded (`readings`); with --explain,
    SymPy's drawing of this step (`reading`)."""
    if verdict.status == "failed" and task.a is not None:
        verdict = dataclasses.replace(verdict, readings=readings(task, scope))
    if not task.explain:
        return verdict
    return dataclasses.replace(verdict, reading=_reading(task.b, scope))


def readings(task: Task, scope) -> dict:
    """{"previous"|"this": {"latex", "shown", "expanded"}}: each side as read,
    definitions expanded, as LaTeX and as the steps' Unicode rendering; as
    typed (definitions kept) when the expansion would not fit on two lines."""
    from derive_ce.decide.build import read_once
    from derive_ce.decide.slip.kinds import latex
    from derive_ce.read.render import render as shown
    found = {}
    for name, math in (("previous", task.a), ("this", task.b)):
        try:
            read = read_once(math, scope)
            expanded = scope.expand(read)
        except InputError:
            continue
        text = latex(expanded)
        side = {"latex": text, "shown": shown(text), "expanded": expanded != read}
        if len(side["shown"]) > TWO_LINES and expanded != read:
            text = latex(read)
            side = {"latex": text, "shown": shown(text), "expanded": False}
        found[name] = side
    return found


def noted(task: Task, verdict: Verdict, scope) -> Verdict:
    """A letter read as a vector without a declaration is said so in the report."""
    from derive_ce.decide.build import read_once
    try:
        expr = read_once(task.b, scope)
    except InputError:
        return verdict
    inferred = sorted(str(b) for b in expr.atoms(sp.IndexedBase)
                      if not scope.declared(str(b)) or str(b) in scope.inferred)
    bases = {str(b.label) for b in expr.atoms(sp.IndexedBase)}    # y of y_i is among free_symbols
    counts = sorted(str(s) for s in expr.free_symbols
                    if str(s) in scope.inferred and str(s) not in bases)
    notes = [f"`{name}` is read as a vector or matrix (it is written with an index as "
             f"subscript): declare it (`{name}: vector`) to say so" for name in inferred
             if not name.endswith("⁽⁾")]
    notes += [f"`{name[:-2]}^{{(…)}}` is read as samples of {name[:-2]}, one for each label "
              f"(apart from {name[:-2]} and from its elements {name[:-2]}_i)"
              for name in inferred if name.endswith("⁽⁾")]
    notes += [f"`{name}`, {_bounding(expr, name)}, is not declared: it is read as a whole "
              f"number, 0 or more; declare it (`{name}: {{integer: true, positive: true}}`) "
              "to say so" for name in counts]
    if not notes:
        return verdict
    note = "\n".join(notes)
    message = f"{verdict.message}\n{note}" if verdict.message else note
    return dataclasses.replace(verdict, message=message)


def _bounding(expr, name: str) -> str:
    """`the upper bound of j and k`: what the symbol bounds, by the sums' indices."""
    where: dict[str, list[str]] = {}
    for big in expr.atoms(sp.Sum, sp.Product):
        for var, lo, hi in big.limits:
            for side, bound in (("upper", hi), ("lower", lo)):
                if name in {str(s) for s in bound.free_symbols}:
                    letters = where.setdefault(side, [])
                    letter = str(var).lstrip("_")       # a sum's index is a Dummy `_j`
                    if letter not in letters:
                        letters.append(letter)
    parts = [f"the {side} bound of {' and '.join(sorted(v))}" for side, v in where.items()]
    return ", ".join(parts) if parts else "which bounds a sum or product"


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
