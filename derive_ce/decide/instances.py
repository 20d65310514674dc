"""A cross-check on concrete instances: defence in depth for `proved` and `numeric`.

Before a step is reported proved or numeric, it is checked again on a few
concrete instances, by a path that shares nothing with the one that decided
it (no Sum evaluation, no Kronecker deltas, no renaming of bound indices, no
substitution into expressions with bound variables):

- every size symbol gets its own value (all 1, then small, then 12 or more);
- the indices get values in their ranges, consistent with the branch
  (γ = i: equal values, γ ≠ i: different ones);
- the expressions as read are walked with an environment of index values:
  a sum is written out term by term, an element of a defined family is its
  body read with the family's index bound to the element's, a defined name
  is its body, and a derivative is plain differentiation of the written-out
  expression;
- the branch's equalities on reals (y = x, L_i = 0, Σ_c y_c = 1) go in after
  the derivatives; its inequalities choose the points.

If an instance disagrees at a point (confirmed at 60 digits), the step is
`failed` with that instance as its counterexample.
"""

from __future__ import annotations

import random
import zlib

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from derive_ce.decide.build import read_once, read_relation
from derive_ce.decide.magnitude import as_expr
from derive_ce.decide.sampling import concrete_function, size_value
from derive_ce.decide.scope import SymScope, element_label
from derive_ce.results import Verdict

SIZE_PLANS = (((1,), 2), ((2, 3, 4, 5), 2), ((12, 13, 14), 1))   # sizes, real points
MAX_TERMS = 4000           # written-out terms per instance, at most
INDEX_TRIES = 200
DIGITS, CONFIRM = 30, 60


class Skip(Exception):
    """This instance cannot be written out (too big, or not concrete)."""


def cross_check(scope: SymScope, task) -> Verdict | None:
    """A failed Verdict when a concrete instance disagrees, else None."""
    a, b = read_once(task.a, scope), read_once(task.b, scope)
    conditions = [read_relation(m, scope) for m in task.when]
    rng = random.Random(zlib.crc32(f"{task.a.text}|{task.b.text}".encode()))
    integers = _integer_symbols(scope, [a, b] + [s for c in conditions for s in (c[0], c[2])])
    seen = []
    for plan, points in SIZE_PLANS:
        env = _assignment(scope, integers, conditions, plan, rng)
        if env is None or env in seen:      # without sizes, one instance is all there is
            continue
        seen.append(env)
        try:
            found = _instance(scope, env, a, b, conditions, rng, points)
        except Skip:
            continue
        if found is not None:
            return found
    return None


# -- integers: sizes and indices ----------------------------------------------

def _integer_symbols(scope: SymScope, exprs: list) -> set:
    """The integer symbols the step depends on, through definitions and ranges."""
    seen, todo = set(), list(exprs)
    bodies = [body for body, _ in scope.names.values()]
    bodies += [body for _, body, _ in scope.families.values()]
    todo += bodies
    while todo:
        expr = todo.pop()
        for symbol in as_expr(expr).atoms(sp.Symbol):     # indices of elements too
            if symbol.is_integer and not isinstance(symbol, sp.Dummy) and symbol not in seen:
                seen.add(symbol)
                todo += list(scope.ranges.get(symbol, ()))
    return seen


def _assignment(scope, integers, conditions, plan, rng) -> dict | None:
    """Sizes drawn independently from the plan, indices in their ranges,
    until the branch's integer conditions hold."""
    relations = [(left, op, right) for left, op, right in conditions
                 if _over(left, right, integers)]
    indices = sorted((s for s in integers if s in scope.ranges), key=str)
    for _ in range(INDEX_TRIES):
        env = {s: size_value(s, rng.choice(plan), rng) for s in integers if s not in scope.ranges}
        for _ in range(3):          # ranges that depend on other indices
            for index in indices:
                lo, hi = (as_expr(v).xreplace(env) for v in scope.ranges[index])
                if lo.is_Integer and hi.is_Integer and lo <= hi:
                    env[index] = sp.Integer(rng.randint(int(lo), int(hi)))
        if all(i in env for i in indices) and all(_holds(r, env) for r in relations):
            return env
    return None


def _over(left, right, integers) -> bool:
    symbols = (left.free_symbols | right.free_symbols)
    return bool(symbols) and symbols <= integers


_RELATIONS = {"=": sp.Eq, "≠": sp.Ne, "<": sp.Lt, ">": sp.Gt, "≤": sp.Le, "≥": sp.Ge}


def _holds(relation, values: dict) -> bool:
    left, op, right = relation
    value = _RELATIONS[op](as_expr(left).xreplace(values), as_expr(right).xreplace(values))
    return value is sp.true


# -- writing an expression out --------------------------------------------------

class _Writer:
    """Expressions as read, written out under an environment of integer values."""

    def __init__(self, scope: SymScope, top: dict):
        self.scope = scope
        self.top = top
        self.terms = 0
        self.done: dict = {}        # a defined name or family element -> written out

    def out(self, expr, env: dict):
        if isinstance(expr, sp.Symbol):
            return self._symbol(expr, env)
        if isinstance(expr, sp.Indexed):
            return self._element(expr, env)
        if isinstance(expr, (sp.Sum, sp.Product)):
            return self._big(expr, env)
        if isinstance(expr, sp.Derivative):
            return self._derivative(expr, env)
        if isinstance(expr, AppliedUndef) and expr.func.__name__ in self.scope.functions:
            params, body, _ = self.scope.functions[expr.func.__name__]
            values = [self.out(arg, env) for arg in expr.args]
            return self.out(body, {**self.top, **dict(zip(params, values))})
        if not expr.args or isinstance(expr, sp.IndexedBase):
            return expr
        return expr.func(*(self.out(arg, env) for arg in expr.args))

    def _symbol(self, symbol, env):
        if symbol in env:
            return env[symbol]
        if symbol in self.scope.names:
            if symbol not in self.done:
                self.done[symbol] = self.out(self.scope.names[symbol][0], self.top)
            return self.done[symbol]
        return symbol

    def _element(self, element, env):
        indices = [self.out(i, env) for i in element.indices]
        if not all(i.is_Integer for i in indices):
            raise Skip("an index is not a number")
        name = str(element.base)
        if name in self.scope.families:
            key = (name, tuple(indices))
            if key not in self.done:
                params, body, _ = self.scope.families[name]
                self.done[key] = self.out(body, {**self.top, **dict(zip(params, indices))})
            return self.done[key]
        return _element_symbol(element.base, indices)

    def _big(self, big, env):
        *inner, (var, lo, hi) = big.limits          # outermost first: inner bounds may use it
        lo, hi = self.out(lo, env), self.out(hi, env)
        if not (lo.is_Integer and hi.is_Integer):
            raise Skip("a bound is not a number")
        body = type(big)(big.function, *inner) if inner else big.function
        count = max(int(hi) - int(lo) + 1, 0)
        self.terms += count
        if self.terms > MAX_TERMS:
            raise Skip("too many terms")
        values = [self.out(body, {**env, var: sp.Integer(k)})
                  for k in range(int(lo), int(hi) + 1)]
        return sp.Add(*values) if isinstance(big, sp.Sum) else sp.Mul(*values)

    def _derivative(self, derivative, env):
        held = {v: v for v in derivative.variables if v in self.scope.names}
        if held:        # ∂L/∂ŷ with ŷ defined: L written out with ŷ held, then ŷ's value
            inner = _Writer(self.scope, {**self.top, **held})
            value = sp.diff(inner.out(derivative.expr, {**env, **held}), *derivative.variable_count)
            return value.xreplace({v: self.out(v, env) for v in held})
        expr = self.out(derivative.expr, env)
        for var, count in derivative.variable_count:
            concrete = self.out(var, env)
            if not isinstance(concrete, sp.Symbol):
                raise Skip("a derivative by something that is not a variable")
            expr = sp.diff(expr, concrete, count)
        return expr


def _element_symbol(base, indices) -> sp.Symbol:
    flags = {k: v for k, v in base.assumptions0.items() if k in ("real", "positive", "nonnegative")}
    return sp.Symbol(element_label(str(base), indices), **flags)


# -- comparing on one instance --------------------------------------------------

def _instance(scope, env, a, b, conditions, rng, points: int) -> Verdict | None:
    writer = _Writer(scope, env)
    left, right = writer.out(a, env), writer.out(b, env)
    equalities, bounds = {}, []
    for relation in conditions:
        if _over(relation[0], relation[2], set(env)):
            continue
        lhs, op, rhs = writer.out(relation[0], env), relation[1], writer.out(relation[2], env)
        if op == "=":
            equalities.update(_solved(lhs - rhs, equalities))
        else:
            bounds.append((lhs, op, rhs))
    left, right = (as_expr(s).xreplace(equalities) for s in (left, right))
    bounds = [(as_expr(l).xreplace(equalities), op, as_expr(r).xreplace(equalities))
              for l, op, r in bounds]
    functions = _functions(left.atoms(AppliedUndef) | right.atoms(AppliedUndef), rng)
    left, right = (_applied(s, functions) for s in (left, right))
    atoms = set().union(*(_atoms(e) for e in [left, right] + [s for l, _, r in bounds for s in (l, r)]))
    for _ in range(points):
        point = _point(atoms, bounds, rng)
        if point is None:
            continue
        found = _disagree(left, right, point)
        if found is not None:
            return _failed(env, point, *found)
    return None


def _solved(difference, known: dict) -> dict:
    """y = x as {y: x}: one atom of the (linear) difference solved for."""
    difference = sp.expand(difference.xreplace(known))
    for atom in sorted(_atoms(difference), key=str, reverse=True):
        coeff = sp.diff(difference, atom)
        if coeff.is_number and coeff != 0:
            return {atom: sp.expand(atom - difference / coeff)}
    raise Skip("an equality that is not linear in a variable")


def _atoms(expr) -> set:
    return {s for s in as_expr(expr).free_symbols if isinstance(s, sp.Symbol)}


def _functions(applied, rng) -> dict:
    arity = {a.func: len(a.args) for a in applied}
    return {func: concrete_function(arity[func], rng) for func in sorted(arity, key=str)}


def _applied(expr, functions: dict):
    for func, replacement in functions.items():
        expr = expr.replace(func, replacement)
    return expr.doit() if functions else expr


def _point(atoms, bounds, rng) -> dict | None:
    """Reals over 10⁻¹ … 10 with both signs, that satisfy the inequalities."""
    for _ in range(40):
        point = {atom: _real(atom, rng) for atom in sorted(atoms, key=str)}
        if all(_holds(b, point) for b in bounds):
            return point
    return None


def _real(atom, rng) -> sp.Rational:
    magnitude = sp.Rational(f"{10 ** rng.uniform(-1, 1):.6g}")   # ranges are sampling's job
    if atom.is_positive or atom.is_nonnegative:
        return magnitude
    if atom.is_negative or atom.is_nonpositive:
        return -magnitude
    return magnitude * rng.choice((1, -1))


def _disagree(left, right, point):
    """(left, right) values when they differ at both 30 and 60 digits."""
    for digits, strict in ((DIGITS, False), (CONFIRM, True)):
        values = [_number(side, point, digits, strict) for side in (left, right)]
        if None in values:
            return None
        lhs, rhs = values
        if _close(lhs, rhs, max(abs(lhs), abs(rhs)), digits) or \
                _close(lhs, rhs, _scale(left, right, point), digits):
            return None
    return lhs, rhs


def _close(lhs, rhs, scale, digits: int) -> bool:
    with mpmath.workdps(digits + 10):
        return abs(lhs - rhs) <= mpmath.mpf(10) ** (5 - digits) * scale


def _scale(left, right, point):
    """The largest term of either side: what a true identity may cancel."""
    values = [_number(t, point, 15) for side in (left, right) for t in sp.Add.make_args(side)]
    return max((abs(v) for v in values if v is not None), default=0)


def _number(expr, point, digits, strict=False):
    try:
        real, imag = sp.N(expr.xreplace(point), digits, strict=strict).as_real_imag()
        with mpmath.workdps(digits + 10):
            value = mpmath.mpc(mpmath.mpf(str(real)), mpmath.mpf(str(imag)))
    except (TypeError, ValueError, ArithmeticError, AttributeError, RecursionError):
        return None
    return value if mpmath.isfinite(value.real) and mpmath.isfinite(value.imag) else None


def _failed(env, point, left, right) -> Verdict:
    shown = {sp.sstr(k): str(v) for k, v in sorted(env.items(), key=lambda kv: str(kv[0]))}
    shown.update({sp.sstr(k): f"{float(v):.6g}" for k, v in point.items()})
    items = list(shown.items())
    where = ", ".join(f"{k} = {v}" for k, v in items[:12])
    more = f", … ({len(items) - 12} more)" if len(items) > 12 else ""
    lhs, rhs = _pair(left, right)
    return Verdict("failed", f"not equal at {where}{more}: left = {lhs}, right = {rhs} "
                   "(on a concrete instance: sums written out, derivatives taken term by term)",
                   "instance", evidence={"point": shown, "left": lhs, "right": rhs})


def _pair(left, right) -> tuple[str, str]:
    for digits in (10, 20, 40, 60):
        shown = mpmath.nstr(left.real, digits), mpmath.nstr(right.real, digits)
        if shown[0] != shown[1]:
            return shown
    return shown
