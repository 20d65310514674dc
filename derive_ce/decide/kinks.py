"""Derivatives at kinks and jumps: |x|, max(0, x), a piecewise step, ⌊x⌋.

SymPy differentiates |x| to sign(x) and max(0, x) to Heaviside(x), and then
sign(0) = 0 and Heaviside(0) = 1/2 would make derivatives at the kink; a
piecewise function with a jump differentiates to 0 on both sides.  Here a
derivative of an expression that has kinks is held as `Differentiable`: the
derivative together with the function and the places where it may have a
kink (an expression that is 0 there).  Where the branch puts the variable
exactly on a kink, the derivative is the common limit of the one-sided
derivatives when the function is continuous there and they agree (x|x| at
0 is 0); otherwise the step is refused: "not differentiable at x = 0".
Elsewhere the wrapper is the plain derivative.
"""

from __future__ import annotations

import sympy as sp

from derive_ce.errors import InputError


class Derivative(sp.Derivative):
    """A derivative that remembers where its function has kinks."""

    def doit(self, **hints):
        done = _steps_flat(super().doit(**hints))
        if isinstance(done, sp.Derivative):
            return done
        expr = self.expr.doit(**hints) if hints.get("deep", True) else self.expr
        points = [v for v, _ in self.variable_count]
        kinks = [k for v in points for k in kinks_of(expr, v)]
        if not kinks:
            return done
        dummies = [sp.Dummy(sp.sstr(v), real=True) for v in points]
        at = dict(zip(points, dummies))
        simple = len(self.variable_count) == 1 and self.variable_count[0][1] == 1
        return Differentiable(done, sp.Tuple(*points), sp.Tuple(*dummies), expr.xreplace(at),
                              done.xreplace(at), sp.Tuple(*(k.xreplace(at) for k in kinks)),
                              sp.Integer(1 if simple else 0))


class Subs(sp.Subs):
    """f'(a): the derivative taken (with its kinks) before the point goes in;
    SymPy's own Subs differentiates around Derivative.doit."""

    def doit(self, **hints):
        expr, variables, point = self.args
        if isinstance(expr, Derivative):
            done = expr.doit(**hints)
            if not isinstance(done, sp.Derivative):
                return done.subs(list(zip(variables, point)))
        return super().doit(**hints)


def _steps_flat(done: sp.Expr) -> sp.Expr:
    """SymPy leaves d/dx ⌊g⌋ undone: it is 0, and d/dx frac(g) is g', away
    from the jumps (where g is an integer), which kinks_of registers, so that
    a derivative taken on a jump is refused."""
    if not done.has(sp.Derivative) or not done.has(sp.floor, sp.ceiling, sp.frac):
        return done
    return done.replace(
        lambda e: isinstance(e, sp.Derivative) and isinstance(e.expr, (sp.floor, sp.ceiling,
                                                                       sp.frac)),
        lambda e: sp.Derivative(e.expr.args[0], *e.variable_count).doit()
        if isinstance(e.expr, sp.frac) else sp.Integer(0))


def kinks_of(expr: sp.Expr, var) -> list:
    """Expressions that are 0 where expr may have a kink or a jump in var."""
    found = []
    for atom in expr.atoms(sp.Abs, sp.sign, sp.Heaviside):
        if atom.args[0].has(var):
            found.append(atom.args[0])
    for atom in expr.atoms(sp.Max, sp.Min):
        args = [a for a in atom.args]
        found += [a - b for i, a in enumerate(args) for b in args[i + 1:] if (a - b).has(var)]
    for atom in expr.atoms(sp.floor, sp.ceiling, sp.frac):
        if atom.args[0].has(var):
            found.append(sp.sin(sp.pi * atom.args[0]))
    for atom in expr.atoms(sp.Piecewise):
        for _, cond in atom.args:
            rels = [cond] if isinstance(cond, sp.core.relational.Relational) else \
                list(cond.atoms(sp.core.relational.Relational))
            found += [r.lhs - r.rhs for r in rels if r.has(var)]
    return found


class Differentiable(sp.Function):
    """(value, points, dummies, function, derivative, kinks, simple): the
    derivative `value`, where no kink is exactly at the points."""

    @classmethod
    def eval(cls, value, points, dummies, function, derivative, kinks, simple):  # safe: SymPy's Function.eval hook, not Python's eval
        if all(state.is_zero is False for state in _states(points, dummies, kinks)):
            return value
        return None

    def _eval_derivative(self, s):
        value, points, dummies, function, derivative, kinks, _ = self.args
        return Differentiable(value.diff(s), points, dummies, function, derivative, kinks,
                              sp.Integer(0))

    def _eval_evalf(self, prec):
        value, points, dummies, _, _, kinks, _ = self.args
        if any(state.is_zero for state in _states(points, dummies, kinks)):
            return sp.nan
        return value._eval_evalf(prec)

    def _sympystr(self, printer):
        return printer._print(self.args[0])


def _states(points, dummies, kinks) -> list:
    at = dict(zip(dummies, points))
    return [kink.xreplace(at) for kink in kinks]


def settle(expr: sp.Expr) -> sp.Expr:
    """Every held derivative replaced by its value; one with its variable
    exactly on a kink by the one-sided limits, or refused."""
    if not expr.has(Differentiable):
        return expr
    return expr.replace(lambda e: isinstance(e, Differentiable), _settled)


def _one_sided(expr: sp.Expr, t, p, sign: int) -> sp.Expr:
    """The limit of expr as t tends to p from above (sign 1) or below: t is
    written p ± s with s > 0 first, so that conditions such as t > p decide
    (SymPy's own one-sided limit of a Piecewise does not)."""
    s = sp.Dummy("s", positive=True)
    return sp.limit(expr.xreplace({t: p + sign * s}), s, 0, "+")


def _settled(held: Differentiable) -> sp.Expr:
    value, points, dummies, function, derivative, kinks, simple = held.args
    if not any(state.is_zero for state in _states(points, dummies, kinks)):
        return value
    where = ", ".join(f"{sp.sstr(p)}" if d.name.startswith("_") else f"{d.name} = {sp.sstr(p)}"
                      for d, p in zip(dummies, points))
    if simple:
        (t,), (p,) = dummies, points
        try:
            sides = [_one_sided(function, t, p, sign) for sign in (1, -1)]
            slopes = [_one_sided(derivative, t, p, sign) for sign in (1, -1)]
            at = function.xreplace({t: p})
        except (NotImplementedError, ValueError, TypeError, ArithmeticError):
            sides = slopes = None
        if sides and sp.simplify(sides[0] - sides[1]) == 0 and sp.simplify(sides[0] - at) == 0 \
                and slopes[0].is_finite and sp.simplify(slopes[0] - slopes[1]) == 0:
            return slopes[0]
        raise InputError(f"not differentiable at {where}: the function has a kink or a jump "
                         "there (its one-sided values or slopes differ), so the derivative "
                         "has no value to compare")
    raise InputError(f"not differentiable at {where}: the function may have a kink or a jump "
                     "there, so the derivative has no value to compare")
