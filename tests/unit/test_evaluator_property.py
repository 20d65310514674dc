"""Property: the two readings of a line agree.

Random expressions from the grammar's rules (arithmetic, fractions, powers,
roots, |…|, floors, elementary functions, max/min, sums and products over
concrete ranges, cases, derivatives) are built by decide/build and evaluated
by SymPy at a point, and evaluated by evaluate/ at the same point: they must
agree to 25 digits, or one side refuses (a domain, a construct it does not
read).
"""

from fractions import Fraction

import mpmath
import sympy as sp
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from derive_ce.decide.build import read_expression
from derive_ce.decide.scope import SymScope
from derive_ce.errors import InputError
from derive_ce.evaluate.instances import Instance, Plan
from derive_ce.evaluate.latex import compile_expression
from derive_ce.evaluate.numbers import NotDifferentiable, Undefined, Unsupported, real
from derive_ce.evaluate.runtime import Env
from derive_ce.evaluate.scope import Scope
from derive_ce.read import document

SPEC = document.Scope()
X = Fraction(7137491, 10 ** 7) + Fraction(1, 3 * 10 ** 9)
Y = -Fraction(12345678, 10 ** 7) - Fraction(1, 7 * 10 ** 9)

leaves = st.sampled_from(["x", "y", "2", "3", "\\frac{3}{7}", "0.5", "\\pi", "e", "x^{2}"])
UNARY = ["-@A", "\\sin(@A)", "\\cos(@A)", "\\tanh(@A)", "\\ln(@A)", "\\sqrt{@A}",
         "\\left|@A\\right|", "\\lfloor @A \\rfloor", "\\arctan(@A)", "\\left(@A\\right)^{2}",
         "\\left(@A\\right)^{3}", "\\exp(\\sin(@A))", "\\frac{d}{dx}\\left(@A\\right)",
         "\\frac{\\partial}{\\partial y}\\left(@A\\right)", "\\sum_{k=1}^{3} \\left(k @A\\right)",
         "\\sum_{k=2}^{1} \\left(@A\\right)", "\\prod_{k=1}^{2} \\left(@A + k\\right)",
         "\\sqrt[3]{@A}"]
BINARY = ["@A + @B", "@A - @B", "@A \\cdot @B", "\\frac{@A}{@B}", "\\max(@A, @B)",
          "\\min(@A, @B)", "\\begin{cases} @A & x > 0 \\\\ @B & \\text{otherwise} \\end{cases}",
          "\\left(@A\\right)\\left(@B\\right)"]


def _grow(children):
    return st.one_of(
        st.tuples(st.sampled_from(UNARY), children).map(lambda t: t[0].replace("@A", t[1])),
        st.tuples(st.sampled_from(BINARY), children, children).map(
            lambda t: t[0].replace("@A", t[1]).replace("@B", t[2])))


expressions = st.recursive(leaves, _grow, max_leaves=6)


def symbolic(text: str):
    scope = SymScope(SPEC)
    expr = read_expression(document.Math(text, 1), scope).doit()
    point = {scope.symbol("x"): sp.Rational(X.numerator, X.denominator),
             scope.symbol("y"): sp.Rational(Y.numerator, Y.denominator)}
    value = sp.N(expr.xreplace(point).doit(), 50)
    if not value.is_real or not value.is_finite:
        return None
    with mpmath.workdps(60):
        return mpmath.mpf(str(value))


def concrete(text: str, digits: int = 50):
    body = compile_expression(text, Scope(SPEC), frozenset())
    inst = Instance(Scope(SPEC), "property", Plan(0, (1,), (-1.0, 1.0)), None)
    inst.fixed.update({("r", "x", ()): X, ("r", "y", ()): Y})
    with mpmath.workdps(digits):
        return real(body(Env(inst)))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(expressions)
@example("\\sqrt[3]{\\sin(\\pi)}")      # rounding amplified by a root: shrinks with the digits
def test_sympy_and_the_evaluator_agree_at_a_point(text):
    try:
        expected = symbolic(text)
    except (InputError, TypeError, ValueError, ZeroDivisionError, RecursionError):
        return                      # the symbolic side refuses
    try:
        found = concrete(text)
    except (Undefined, Unsupported, NotDifferentiable, ZeroDivisionError):
        return                      # the evaluator refuses
    if expected is None:
        return
    with mpmath.workdps(50):
        scale = max(abs(expected), abs(found), mpmath.mpf(1))
        if abs(expected - found) <= mpmath.mpf(10) ** -25 * scale:
            return
    # a difference that shrinks with the precision is rounding, as the cross-check
    # takes it (`\sqrt[3]{\sin(\pi)}`: 10⁻¹⁷ at 50 digits, 10⁻³⁴ at 100, exactly 0 in SymPy)
    finer = concrete(text, 100)
    with mpmath.workdps(100):
        assert abs(expected - finer) <= abs(expected - found) * mpmath.mpf(10) ** -10, \
            (text, expected, found, finer)
