"""The engine's verdicts: sound on traps, honest about what it could not prove."""

import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive_ce.read import document
from derive_ce.decide import sampling
from derive_ce.decide.context import Context, build_context
from derive_ce.decide.engine import run_task
from derive_ce.decide.equivalence import equivalent
from derive_ce.results import Task
from derive_ce.decide.scope import SymScope

x, y = sp.symbols("x y", real=True)
p = sp.Symbol("p", positive=True)
EMPTY = document.Scope()


def decide(a, b, ranges=None, ctx=None, budget=10.0):
    return equivalent(a, b, ranges or {}, ctx or Context(), budget)


def check(before: str, after: str, symbols=(), when=(), scope=None):
    """Run one comparison task the way the checker does."""
    spec = scope or document.Scope(symbols)
    return run_task(Task("compare", spec, tuple(document.Math(w, 1) for w in when),
                         document.Math(before, 1), document.Math(after, 2), 10.0))


# -- traps: each is false somewhere in its domain ------------------------------

def test_sqrt_of_square_is_not_x_for_real_x():
    verdict = check("\\sqrt{x^2}", "x")
    assert verdict.status == "failed"
    point = verdict.evidence["point"]
    assert float(point["x"]) < 0            # the counterexample is a negative x
    assert verdict.evidence["left"] != verdict.evidence["right"]


def test_sqrt_of_square_is_x_for_positive_x():
    positive = document.SymbolDecl(("x",), "scalar", (("positive", True),), None, 1)
    assert check("\\sqrt{x^2}", "x", (positive,)).status == "proved"


def test_log_of_product_needs_positive_factors():
    assert check("\\ln(a b)", "\\ln a + \\ln b").status == "failed"
    positive = document.SymbolDecl(("a", "b"), "scalar", (("positive", True),), None, 1)
    assert check("\\ln(a b)", "\\ln a + \\ln b", (positive,)).status == "proved"


def _sum_scope():
    n = document.SymbolDecl(("n",), "scalar", (("integer", True), ("positive", True)), None, 1)
    k = document.SymbolDecl(("k",), "index", (), (document.Math("1", 1), document.Math("n", 1)), 1)
    return (n, k)


def test_wrong_closed_form_of_a_sum_fails_and_the_right_one_is_proved():
    assert check("\\sum_{k=1}^{n} k^3", "\\frac{n^2 (n+1)^2}{4}", _sum_scope()).status == "proved"
    assert check("\\sum_{k=1}^{n} k^3", "\\frac{n^2 (n+1)^2}{2}", _sum_scope()).status == "failed"


def test_identity_true_only_at_one_size_fails():
    # sum_{k=1}^{n} k = n holds for n = 1 only: several sizes are sampled
    verdict = check("\\sum_{k=1}^{n} k", "n", _sum_scope())
    assert verdict.status == "failed" and verdict.evidence["point"]["n"] != "1"


def _softmax_scope():
    rng = (document.Math("1", 1), document.Math("n", 1))
    return document.Scope(
        (document.SymbolDecl(("L",), "vector", (), None, 1),
         document.SymbolDecl(("n",), "scalar", (("integer", True), ("positive", True)), None, 1),
         document.SymbolDecl(("i", "j", "gamma"), "index", (), rng, 1)),
        (document.Definition("p", ("k",), document.Math("\\frac{e^{L_k}}{\\sum_{j} e^{L_j}}", 1), 1),))


def test_index_mix_up_is_only_wrong_when_gamma_differs_from_i():
    grad = "\\frac{\\partial}{\\partial L_i} \\left(-\\ln p_\\gamma\\right)"
    scope = _softmax_scope()
    assert check(grad, "p_\\gamma - 1", when=("\\gamma = i",), scope=scope).status == "proved"
    assert check(grad, "p_i", when=("\\gamma \\neq i",), scope=scope).status == "proved"
    wrong = check(grad, "p_\\gamma", when=("\\gamma \\neq i",), scope=scope)
    assert wrong.status == "failed"
    assert wrong.evidence["point"]["gamma"] != wrong.evidence["point"]["i"]


def test_undefined_sides_are_unknown_not_proved():
    assert decide(sp.zoo, sp.zoo).status == "unknown"


def test_too_few_valid_points_is_unknown_never_numeric():
    # no sampled point satisfies sin x > 2: nothing was checked, so no `numeric`
    verdict = check("\\sqrt{x^2}", "x", when=("\\sin(x) > 2",))
    assert verdict.status == "unknown"
    assert "sampled points could be evaluated" in verdict.message


def test_a_branch_that_can_never_hold_is_an_error():
    verdict = check("x", "x", when=("x > 1000", "x < -1000"))
    assert verdict.status == "error" and "can never hold" in verdict.message


def test_numeric_when_sympy_cannot_prove():
    # x^x^... no: a true identity SymPy's ladder does not close is sampled only
    a = sp.Abs(sp.sin(x)) ** 2
    b = sp.sin(x) ** 2
    verdict = decide(a, b)
    assert verdict.status in ("proved", "numeric")
    if verdict.status == "numeric":
        assert verdict.evidence == {"points": sampling.POINTS}


# -- properties ------------------------------------------------------------------

leaves = st.sampled_from([x, y, p, sp.Integer(2), sp.Integer(3), sp.Rational(1, 2)])


def _combine(children):
    pair = st.tuples(children, children)
    return st.one_of(
        pair.map(lambda t: t[0] + t[1]), pair.map(lambda t: t[0] * t[1]),
        pair.map(lambda t: t[0] - t[1]), children.map(sp.exp), children.map(sp.sin),
        children.map(lambda e: e ** 2), children.map(lambda e: sp.log(p + e ** 2)))


expressions = st.recursive(leaves, _combine, max_leaves=6)
rewrites = [sp.expand, sp.factor, sp.together, lambda e: sp.expand(sp.expand_trig(e))]


def _value(expr, values):
    return complex(sp.N(expr.subs(values), 30))


def _nonzero(expr):
    try:
        return abs(_value(expr, {x: sp.Rational(7, 10), y: sp.Rational(-13, 10), p: sp.Rational(9, 5)})) > 1e-6
    except (TypeError, ValueError, ZeroDivisionError):
        return False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions, st.sampled_from(range(len(rewrites))))
def test_true_identities_are_never_failed(expr, which):
    other = rewrites[which](expr)
    verdict = decide(expr, other, budget=5.0)
    assert verdict.status != "failed", (expr, other, verdict)


PERTURB = [
    lambda e: -e,                         # a flipped sign
    lambda e: 2 * e,                      # a changed coefficient
    lambda e: e + 1,                      # a dropped or added term
    lambda e: e.xreplace({x: y, y: x}),   # swapped symbols
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions, st.sampled_from(range(len(PERTURB))))
def test_perturbations_are_never_proved_or_numeric(expr, which):
    other = PERTURB[which](sp.expand(expr))
    if not _nonzero(expr - other):
        return                             # the perturbation happened to change nothing here
    verdict = decide(expr, other, budget=5.0)
    assert verdict.status not in ("proved", "numeric"), (expr, other, verdict)


def test_an_exponential_of_an_exponential_far_out_is_sampled_not_crashed():
    """e^{e^{p + x}} at p near 900: the exponent's exponent overflows a float, and the
    digits it asks for were int(inf) (hypothesis found it: OverflowError)."""
    verdict = decide(sp.exp(sp.exp(p + x)), 2 * sp.exp(sp.exp(p) * sp.exp(x)), budget=5.0)
    assert verdict.status not in ("proved", "numeric"), verdict
    assert sampling._exponential_digits(sampling._exponent_spread(
        sp.exp(sp.exp(p + x)), sp.Integer(0), {p: sp.Integer(900), x: sp.Integer(0)})) == 400


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=5), st.integers(min_value=-3, max_value=3))
def test_index_swaps_in_vector_sums_are_caught(power, shift):
    scope = SymScope(_softmax_scope())
    L, i, _j = scope.base("L"), scope.symbol("i"), scope.symbol("j")
    ctx = build_context((document.Math("\\gamma \\neq i", 1),), scope)
    g = scope.symbol("gamma")
    right = L[i] ** power + shift
    wrong = L[g] ** power + shift
    assert decide(right, wrong, scope.ranges, ctx).status == "failed"


def test_sums_that_differ_only_in_their_index_letter_are_proved():
    scope = _softmax_scope()
    spec = document.Scope(scope.symbols + (document.SymbolDecl(
        ("k",), "index", (), (document.Math("1", 1), document.Math("n", 1)), 1),), scope.definitions)
    verdict = check("\\frac{e^{L_i}}{\\sum_j e^{L_j}}", "\\frac{e^{L_i}}{\\sum_{k=1}^{n} e^{L_k}}", scope=spec)
    assert verdict.status == "proved"


def test_a_deadline_dropped_where_python_swallows_it_fires_again():
    """OutOfTime raised inside a gc callback or a __del__ is dropped by Python
    (the suite saw one in hypothesis's gc callback): the deadline arms itself
    again, so the work stays bounded. SIGALRM (10 s of wall clock) turns a
    hang into a failure."""
    import signal

    import pytest

    from derive_ce.decide.equivalence import OutOfTime, deadline

    def hung(signum, frame):
        raise AssertionError("the deadline did not fire again")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        with pytest.raises(OutOfTime):
            with deadline(0.05):
                try:
                    while True:
                        pass
                except OutOfTime:
                    pass                # dropped, as Python drops it in a gc callback
                while True:
                    pass
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
