"""Shrink a counterexample, in the spirit of Hypothesis: the smallest sizes,
then the fewest values away from a default, then the simplest values that
still refute (0, 1, −1, 2, 1/2, then small integers and simple fractions).

`shrink((a, b), point)` works on any two SymPy expressions and a point (atom ->
exact value) at which they differ, so that every producer of a counterexample
can use it; `rebuild` lets a caller whose expressions depend on the integers of
the point (sums written out for a size) shrink those too.  A candidate is kept
only when it still refutes at 60 digits (values SymPy reached to that
precision), so every shrunk point is itself a counterexample.  Bounded in CPU
time: what was found when the time is up is kept.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

import mpmath
import sympy as sp

DIGITS = 60
SECONDS = 1.5
MAX_EXACT = 40           # characters: a longer exact value is shown as a decimal


def _candidates() -> list[sp.Rational]:
    """0, 1, −1, 2, 1/2, then small integers and simple fractions, simplest first."""
    head = [Fraction(0), Fraction(1), Fraction(-1), Fraction(2), Fraction(1, 2)]
    rest = {Fraction(p, q) for q in range(1, 11) for p in range(-10 * q, 10 * q + 1)
            if Fraction(p, q).denominator == q}
    ordered = sorted(rest - set(head),
                     key=lambda f: (f.denominator, abs(f.numerator), f < 0))
    return [sp.Rational(f.numerator, f.denominator) for f in head + ordered]


CANDIDATES = _candidates()
_RANK = {v: n for n, v in enumerate(CANDIDATES)}


def simplicity(value) -> tuple:
    """Smaller is simpler: a candidate by its place in CANDIDATES, then any
    other rational by its size and denominator."""
    if value in _RANK:
        return (0, _RANK[value])
    if isinstance(value, sp.Rational):
        return (1, int(value.q), abs(value))
    return (2, 0, 0)


def fits(atom, value) -> bool:
    """The value respects the atom's sign and integer assumptions."""
    if value.is_real is False:
        return False
    return not ((atom.is_positive and value <= 0) or (atom.is_negative and value >= 0)
                or (atom.is_nonnegative and value < 0) or (atom.is_nonpositive and value > 0)
                or (atom.is_nonzero and value == 0)
                or (atom.is_integer and not value.is_Integer))


@dataclass
class Shrunk:
    point: dict          # atom -> exact value, the integers included
    left: object         # the two sides at that point: exact SymPy numbers where
    right: object        # short, else mpmath values at 60 digits
    exact: bool


def differ(a, b, values: dict):
    """(left, right) as mpmath numbers when a and b differ at `values` at 60
    digits (a mismatch SymPy reached to that precision), else None."""
    from derive_ce.decide.sampling import _close, _scale, _value
    left = _value(a, values, DIGITS, strict=True)
    right = _value(b, values, DIGITS, strict=True)
    if left is None or right is None:
        return None
    if _close(left, right, max(abs(left), abs(right)), DIGITS) or \
            _close(left, right, _scale(a, b, values, left, right), DIGITS):
        return None
    return left, right


def shrink(sides: tuple, point: dict, *, integers: dict | None = None,
           rebuild: Callable | None = None, admissible: Callable | None = None,
           seconds: float = SECONDS) -> Shrunk | None:
    """A simpler point at which the two sides still differ, or None if neither
    the given point nor the simplest one refutes at 60 digits.

    `point` maps atoms (symbols, elements) to exact values.  `integers` maps
    the integer symbols the sides were built for (sizes, indices) to their
    values and to the candidates to try, simplest first: {symbol: (value,
    [candidates])}; `rebuild(integers) -> (a, b) or None` gives the sides for
    other integers.  `admissible(point, integers) -> point or None` checks (and may
    complete) a candidate point against the branch's conditions, for the
    integers it was built for.
    """
    end = time.process_time() + seconds
    admissible = admissible or (lambda p, integers: p)
    state = _State(tuple(sides), dict(point), {s: v for s, (v, _) in (integers or {}).items()})
    if differ(*state.sides, state.point) is None:
        # the point refutes only beyond the terms' scale at 60 digits (values of 10^{-186}
        # beside terms of e^{428}): the simplest point may refute plainly
        defaults = {a: _default(a) for a in state.point if fits(a, _default(a))}
        if not defaults or not _try(state, state.sides, {**state.point, **defaults}, admissible):
            return None
    try:
        if integers and rebuild is not None:
            _shrink_integers(state, integers, rebuild, admissible, end)
        _shrink_values(state, admissible, end)
    except Exception:  # noqa: BLE001 - the step's deadline (OutOfTime) or any SymPy
        pass               # failure while shrinking: keep what was found so far
    return _final(state)


@dataclass
class _State:
    sides: tuple
    point: dict
    integers: dict


def _try(state: _State, sides, point, admissible, integers: dict | None = None) -> bool:
    integers = state.integers if integers is None else integers
    full = admissible(dict(point), integers)
    if full is None:
        return False
    try:
        found = differ(*sides, full)
    except (TypeError, ValueError, ArithmeticError, AttributeError, RecursionError):
        return False
    if found is None:
        return False
    state.sides, state.point, state.integers = sides, full, integers
    return True


def _shrink_integers(state: _State, integers: dict, rebuild, admissible, end: float) -> None:
    """Each size, then each index, to its simplest value that still refutes
    (the others adjusted to stay in their ranges by `rebuild`); again while
    that changes something (a smaller index may allow a smaller size)."""
    for _ in range(3):
        before = dict(state.integers)
        for symbol, (_, candidates) in integers.items():
            _shrink_integer(state, symbol, candidates, rebuild, admissible, end)
        if state.integers == before or time.process_time() > end:
            return


def _shrink_integer(state: _State, symbol, candidates, rebuild, admissible, end) -> None:
    current = state.integers.get(symbol)
    for value in candidates:
        if time.process_time() > end:
            return
        if value == current:
            break
        trial = {**state.integers, symbol: value}
        built = rebuild(trial)
        if built is None:
            continue
        sides, fixed = built
        atoms = _atoms(sides)
        kept = {k: v for k, v in state.point.items() if k in atoms}
        new = sorted(atoms - set(kept), key=str)
        if any(_try(state, sides, {**kept, **fill}, admissible, fixed)
               for fill in _fillings(new)):
            break


def _fillings(atoms: list):
    """Values for the atoms a new size or index brings in: all at their default,
    then all different (1, 2, 3 …, within their signs), which tells them apart."""
    yield {a: _default(a) for a in atoms}
    if atoms:
        yield {a: sp.Integer(n) if fits(a, sp.Integer(n)) else _default(a)
               for n, a in enumerate(atoms, 1)}


def _atoms(sides) -> set:
    found = set()
    for side in sides:
        found |= side.atoms(sp.Indexed)
        labels = {b.label for b in side.atoms(sp.IndexedBase)}
        found |= {s for s in side.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    return {a for a in found if not (isinstance(a, sp.Symbol) and a.is_integer)}


def _default(atom):
    return next(v for v in CANDIDATES if fits(atom, v))


def _shrink_values(state: _State, admissible, end: float) -> None:
    """First as many values as can be at their default (0, or the simplest
    allowed) at once, then each value to its simplest refuting candidate."""
    atoms = sorted(state.point, key=str)
    defaults = {a: _default(a) for a in atoms if fits(a, _default(a))}
    if any(state.point[a] != v for a, v in defaults.items()):
        _try(state, state.sides, {**state.point, **defaults}, admissible)
    changed = True
    while changed and time.process_time() < end:
        changed = False
        for atom in atoms:
            current = state.point.get(atom)
            if current is None:
                continue
            rank = simplicity(current)
            for value in CANDIDATES:
                if time.process_time() > end or simplicity(value) >= rank:
                    break
                if fits(atom, value) and _try(state, state.sides,
                                              {**state.point, atom: value}, admissible):
                    changed = True
                    break


def _final(state: _State) -> Shrunk:
    a, b = state.sides
    left, right = differ(a, b, state.point)
    exact_left, exact_right = _exact(a, state.point), _exact(b, state.point)
    exact = exact_left is not None and exact_right is not None
    return Shrunk({**state.integers, **state.point},
                  exact_left if exact else left, exact_right if exact else right, exact)


def _exact(expr, point):
    """The side's exact value when it is a short closed form (3/4, 2·e⁻¹), else None."""
    try:
        value = expr.xreplace(point)
        if not value.is_number or value.has(sp.Sum, sp.Product, sp.Derivative, sp.Integral):
            return None
        text = sp.sstr(value)
    except (TypeError, ValueError, ArithmeticError, AttributeError, RecursionError):
        return None
    return value if len(text) <= MAX_EXACT and value.is_finite else None


def text(value) -> str:
    """A value as shown: exact as typed math (`3/4`, `2·exp(−1)`), else 10 digits."""
    if isinstance(value, sp.Basic):
        if value.is_Rational:
            return str(value)
        from derive_ce.read.render import render
        shown = sp.sstr(value).replace("**", "^").replace("*", "·")
        try:
            return render(sp.latex(value)) or shown
        except Exception:  # noqa: BLE001 - render falls back on its own; belt and braces
            return shown
    if isinstance(value, (mpmath.mpc, mpmath.mpf)):
        value = mpmath.mpc(value)
        if abs(value.imag) <= 1e-12 * max(1, abs(value.real)):
            return mpmath.nstr(value.real, 10)
        return f"{mpmath.nstr(value.real, 6)}{'+' if value.imag >= 0 else '-'}" \
               f"{mpmath.nstr(abs(value.imag), 6)}i"
    return str(value)


def integer_candidates(symbol, low=None, high=None) -> list:
    """The values an integer symbol may take, simplest first: 1, 2, 3 … for
    a positive size, 0, 1, −1 … for one without sign, low … high for an index."""
    if low is not None and high is not None:
        return [sp.Integer(k) for k in range(int(low), int(high) + 1)]
    values = [sp.Integer(k) for k in (0, 1, -1, 2, -2, 3, -3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)]
    return [v for v in values if fits(symbol, v)]


def sampled(found, a, b, integers: dict, reals: dict, functions: dict, ctx, ranges: dict):
    """sampling.py's counterexample shrunk: `found` (a Sampled that differs at
    `integers` ∪ `reals`) with a simpler point and both sides' values there."""
    from derive_ce.decide import sampling
    from derive_ce.decide.magnitude import as_expr

    def rebuild(values: dict):
        fixed = dict(values)
        for index in sampling._ordered_indices(set(fixed), ranges):
            if index not in fixed:
                continue
            lo, hi = (v.xreplace(fixed) for v in ranges[index])
            if not (lo.is_Integer and hi.is_Integer) or lo > hi:
                return None
            fixed[index] = min(max(fixed[index], lo), hi)
        if not sampling._holds(ctx.constraints, fixed, integers_only=True):
            return None
        try:
            sides = tuple(sampling._concrete(e.xreplace(fixed), functions) for e in (a, b))
        except (ValueError, TypeError, ArithmeticError, NotImplementedError, AttributeError):
            return None
        return sides, fixed

    def admissible(point: dict, fixed: dict):
        values = dict(point)
        try:
            late = [(sampling._concrete(t.xreplace(fixed), {}),
                     as_expr(v).xreplace(fixed)) for t, v in ctx.late.items()]
            constraints = [sampling._concrete(c.xreplace(fixed), {})
                           for c in ctx.constraints]
        except (ValueError, TypeError, ArithmeticError, NotImplementedError, AttributeError):
            return None
        if not sampling._satisfied(late, values):
            return None
        full = {**fixed, **values}
        if not sampling._holds(constraints, full, integers_only=False):
            return None
        return values

    candidates = {}
    for symbol in sorted((s for s in integers if s not in ranges), key=str):
        candidates[symbol] = (integers[symbol], integer_candidates(symbol))
    for symbol in sampling._ordered_indices(set(integers), ranges):
        if symbol in integers:
            lo, hi = (v.xreplace(integers) for v in ranges[symbol])
            if lo.is_Integer and hi.is_Integer:     # the low end first, whatever the size
                candidates[symbol] = (integers[symbol], integer_candidates(symbol, lo, hi))

    try:
        sides = tuple(sampling._concrete(e.xreplace(integers), functions) for e in (a, b))
        shrunk = shrink(sides, reals, integers=candidates, rebuild=rebuild,
                        admissible=admissible)
    except Exception:  # noqa: BLE001 - SymPy can raise anything: the point found stands
        return found
    if shrunk is None:
        return found
    return sampling.Sampled("differ", 1, point=sampling._shown(shrunk.point, ctx),
                            left=shrunk.left, right=shrunk.right,
                            at=sampling.plain(shrunk.point, ctx))
