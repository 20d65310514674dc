"""Soundness: sampling worth trusting, the cross-check on concrete instances,
capture-free substitution, and time limits by CPU time."""

import signal

import pytest
import sympy as sp

from derive_ce.decide import engine, equivalence, sampling, sums
from derive_ce.decide.context import Context, build_context
from derive_ce.decide.engine import run_task
from derive_ce.decide.scope import SymScope
from derive_ce.evaluate.check import cross_check
from derive_ce.memo import Kept
from derive_ce.read import document
from derive_ce.results import Task

x, y = sp.symbols("x y", real=True)
m, n = sp.symbols("m n", integer=True, positive=True)
RANGE = (document.Math("1", 1), document.Math("n", 1))
SOFTMAX = document.Scope(
    (document.SymbolDecl(("L",), "vector", (), None, 1),
     document.SymbolDecl(("n",), "scalar", (("integer", True), ("positive", True)), None, 1),
     document.SymbolDecl(("i", "j", "gamma"), "index", (), RANGE, 1)),
    (document.Definition("p", ("i",), document.Math("\\frac{e^{L_i}}{\\sum_{j=1}^{n} e^{L_j}}", 1), 1),))


def task(before, after, spec=document.Scope(), when=()):
    return Task("compare", spec, tuple(document.Math(w, 1) for w in when),
                document.Math(before, 1), document.Math(after, 2), 10.0)


# -- sampling ---------------------------------------------------------------------

def test_each_size_symbol_is_drawn_on_its_own():
    result = sampling.compare(sp.Integer(0) * m + m, n, {}, Context())
    assert result.outcome == "differ"


def test_sizes_reach_twelve_and_one():
    drawn = [sampling._point({n}, {}, __import__("random").Random(k), k)[n] for k in range(40)]
    assert min(drawn) == 1 and max(drawn) >= 12


def test_reals_span_many_magnitudes_and_both_signs():
    import random
    rng = random.Random(1)
    values = [sampling._real(x, rng) for _ in range(300)]
    magnitudes = [abs(v) for v in values if v != 0]
    assert min(magnitudes) < sp.Rational(1, 100) and max(magnitudes) > 100
    assert any(v < 0 for v in values) and any(v > 0 for v in values) and 0 in values


def test_reals_reach_far_and_tiny():
    """`\\lfloor \\ln(1 + x^2)/32 \\rfloor = 0` holds until x ≈ 9·10⁶; a bump above
    1 only below x ≈ 3·10⁻⁷; their true twins still agree there."""
    far = sp.floor(sp.log(1 + x**2) / 32)
    assert sampling.compare(far, sp.Integer(0), {}, Context()).outcome == "differ"
    assert sampling.compare(far, sp.floor(sp.log(1 + x**2) / 2**5), {}, Context()).outcome \
        in ("equal", "constant")
    periodic = sp.sign(sp.cos(n / 1000))          # 1 only for n < 1571
    assert sampling.compare(periodic, sp.Integer(1), {}, Context()).outcome == "differ"
    assert sampling.compare(periodic, sp.sign(sp.cos(-n / 1000)), {}, Context()).outcome \
        in ("equal", "constant")
    bump = sp.floor(1 / (1 + x**2) + sp.exp(-30))
    assert sampling.compare(bump, sp.floor(1 / (1 + x**2)), {}, Context()).outcome == "differ"


@pytest.mark.parametrize("power", [sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 4)])
def test_a_root_or_power_turns_where_its_constant_says(power):
    """`\\lfloor \\cos(\\sqrt{x}/10^4) \\rfloor = 0` holds only while x < 2.5·10⁸: the scale
    of a root of x beside a constant is that constant's decades times the root's
    degree (10⁸ for a square root, 10¹² for a cube root)."""
    t = sp.Symbol("t", positive=True)
    scale = sp.Integer(10) ** 4
    turning = sp.floor(sp.cos(t ** power / scale))
    assert sampling.compare(turning, sp.Integer(0), {}, Context()).outcome == "differ"
    assert sampling.compare(turning, sp.floor(sp.cos(-t ** power / scale)), {}, Context()).outcome \
        in ("equal", "constant")


@pytest.mark.parametrize("a, b", [
    (x + sp.Rational(1, 10**11), x),                              # a small shift
    ((1 + x / 10**20) ** 2, sp.Integer(1)),                       # a tiny term
    (sp.Abs(x - 4), 4 - x),                                       # wrong only for x > 4
])
def test_the_tolerance_is_relative_not_absolute(a, b):
    assert sampling.compare(a, b, {}, Context()).outcome == "differ"


def test_huge_terms_that_cancel_still_agree():
    a = sp.exp(1000 * x) * (1 + sp.exp(-1000 * x))
    assert sampling.compare(a, sp.exp(1000 * x) + 1, {}, Context()).outcome == "equal"


@pytest.mark.parametrize("a, b", [
    (sp.pi, sp.Rational("3.14159265358979")),
    (sp.exp(sp.pi * sp.sqrt(163)), sp.Integer(640320) ** 3 + 744),
    (sp.Rational(1, 3), sp.Rational("0.33333333333")),
])
def test_constants_are_decided_at_sixty_digits(a, b):
    assert sampling.compare(a, b, {}, Context()).outcome == "differ"
    assert equivalence.equivalent(a, b, {}, Context(), 5.0).status == "failed"


def test_a_constant_is_compared_with_its_own_digits_not_its_terms():
    """√(10⁴⁰+1) − 10²⁰ is 1/(2·10²⁰) − 1.25·10⁻⁶¹: both sides are evaluated to
    60 digits of their own value, so the difference shows; measured against
    the terms (10²⁰) it was 'agree to 55 digits', unknown."""
    a = sp.sqrt(sp.Integer(10) ** 40 + 1) - sp.Integer(10) ** 20
    assert sampling.compare(a, sp.Rational(1, 2 * 10**20), {}, Context()).outcome == "differ"
    assert sampling.compare(a, 1 / (sp.sqrt(sp.Integer(10) ** 40 + 1) + sp.Integer(10) ** 20),
                            {}, Context()).outcome == "constant"


def test_a_constant_step_is_never_numeric_from_digits_alone():
    verdict = equivalence.equivalent(sp.Integer(1), sp.Integer(1) + sp.exp(-sp.Integer(200)),
                                     {}, Context(), 5.0)
    assert verdict.status in ("failed", "unknown")


def test_one_function_for_both_sides():
    f = sp.Function("f", real=True)
    a, b = f(x) * (sp.sin(x) ** 2 + sp.cos(x) ** 2), f(x)
    assert sampling.compare(a, b, {}, Context()).outcome == "equal"
    assert sampling.compare(a, f(-x), {}, Context()).outcome == "differ"


def test_conditions_on_symbols_absent_from_the_step_hold_at_every_point():
    scope = SymScope(document.Scope())
    ctx = build_context((document.Math("y > 3", 1), document.Math("x > y", 1)), scope)
    result = sampling.compare(sp.Abs(x - 3), x - 3, {}, ctx)
    assert result.outcome == "equal"
    assert sampling.compare(sp.Abs(x - 4), x - 4, {}, ctx).outcome == "differ"


def test_numeric_says_how_many_points_and_over_which_ranges():
    verdict = run_task(task("|x - 4|", "|4 - x|"))
    if verdict.status == "numeric":
        assert "sampled points" in verdict.message and "magnitude" in verdict.message
    assert verdict.status in ("proved", "numeric")


# -- cases, derivatives, capture ---------------------------------------------------

@pytest.mark.parametrize("when, after, status", [
    ("y = x", "y", "proved"), ("y = x", "2 y", "failed"),
])
def test_case_values_go_in_after_the_derivative(when, after, status):
    assert run_task(task("\\frac{\\partial}{\\partial x} (x y)", after, when=(when,))).status == status


@pytest.mark.parametrize("when", ["x > 2", "x = 0", "x < -1", "x \\ge 3"])
def test_conditions_do_not_break_derivatives(when):
    verdict = run_task(task("\\frac{d}{dx} x^3", "3 x^2", when=(when,)))
    assert verdict.status == "proved", verdict.message


def test_a_family_whose_sum_runs_over_j_used_as_p_j():
    assert run_task(task("\\frac{\\partial p_j}{\\partial L_j}", "p_j (1 - p_j)", SOFTMAX)).status \
        in ("proved", "numeric")
    assert run_task(task("\\frac{\\partial p_j}{\\partial L_j}", "0", SOFTMAX)).status == "failed"


def test_substitution_renames_bound_indices_apart():
    j, k = sp.symbols("j k", integer=True)
    L = sp.IndexedBase("L")
    total = sp.Sum(L[j] * L[k], (j, 1, n))
    replaced = sums.substitute(total, {k: j})
    assert replaced != sp.Sum(L[j] ** 2, (j, 1, n))
    ((var, _, _),) = replaced.limits
    assert var != j and replaced.function == L[var] * L[j]


def test_a_derivative_by_a_replaced_variable_is_taken_first():
    f = sp.Function("f")
    replaced = sums.substitute(sp.Derivative(f(x), x), {x: sp.Integer(0)})
    assert isinstance(replaced, sp.Subs)


# -- the cross-check on concrete instances -----------------------------------------

def test_the_cross_check_catches_what_a_broken_preparation_proves(monkeypatch):
    """Defence in depth: if the symbolic path prepared both sides wrongly
    (here: as the same expression), the concrete instances still fail a false
    step, and a true one keeps its verdict."""
    monkeypatch.setattr(engine, "_prepare", lambda scope, task, ctx, math: sp.Integer(0))
    wrong = run_task(task("\\sum_{j=1}^{n} L_j L_\\gamma", "\\sum_{j=1}^{n} L_j^2", SOFTMAX,
                          when=("\\gamma = i",)))
    assert (wrong.status, wrong.method) == ("failed", "instance")
    right = run_task(task("\\sum_{j=1}^{n} L_j L_\\gamma", "L_i \\sum_{k=1}^{n} L_k", SOFTMAX,
                          when=("\\gamma = i",)))
    assert right.status == "proved"


def test_the_cross_check_alone_finds_a_capture():
    found = cross_check(task("\\frac{\\partial p_j}{\\partial L_j}", "0", SOFTMAX))
    assert found.kind == "differ" and "n" in found.point


def test_the_cross_check_respects_the_case():
    spec = SOFTMAX
    same = task("\\frac{\\partial L_\\gamma}{\\partial L_i}", "1", spec, when=("\\gamma = i",))
    other = task("\\frac{\\partial L_\\gamma}{\\partial L_i}", "0", spec, when=("\\gamma \\neq i",))
    assert cross_check(same).kind == "agree"
    assert cross_check(other).kind == "agree"
    wrong = task("\\frac{\\partial L_\\gamma}{\\partial L_i}", "0", spec, when=("\\gamma = i",))
    assert cross_check(wrong).kind == "differ"


# -- time --------------------------------------------------------------------------

def test_the_soft_deadline_counts_cpu_time():
    with equivalence.deadline(5.0):
        assert signal.getitimer(signal.ITIMER_PROF)[0] > 0
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_canonical_names_never_capture_an_outer_index():
    j = sp.Dummy("j", integer=True, positive=True)
    taken = sp.Symbol("_bound0_0", integer=True, positive=True)    # already canonical inside
    x = sp.IndexedBase("x")
    renamed = sums.rename_bound(sp.Sum(x[j] * sp.Sum(x[taken] * j, (taken, 1, n)), (j, 1, n)))
    outer, = renamed.limits
    inner = renamed.function.atoms(sp.Sum).pop()
    assert inner.limits[0][0] != outer[0]
    assert outer[0] in inner.function.free_symbols                  # j still means the outer index


def test_a_sums_index_is_known_only_by_its_own_bounds():
    j = sp.Dummy("j", integer=True)
    renamed = sums.rename_bound(sp.Sum(sp.Abs(j), (j, -n, -1)))
    ((var, _, _),) = renamed.limits
    assert var.is_negative and not var.is_positive


# -- a refutation by the symbolic path alone is confirmed at its point (issue 16) ------

NONNEG = document.Scope(
    (document.SymbolDecl(("n",), "scalar", (("integer", True), ("nonnegative", True)), None, 1),), ())


def test_a_closed_form_wrong_at_the_smallest_size_is_not_used():
    """SymPy sums (-1)^k C(n, k) to 0, wrong at n = 0 (the sum is 1): the
    closed form is checked against the sum written out at n = 0, 1, 2, and
    the sum is kept as written, so the true step is numeric, the false one
    failed at n = 0."""
    true = run_task(task("\\sum_{k=0}^{n} (-1)^k \\binom{n}{k}", "0^n", NONNEG))
    assert true.status == "numeric", true
    false = run_task(task("\\sum_{k=0}^{n} (-1)^k \\binom{n}{k}", "0", NONNEG))
    assert false.status == "failed" and "n = 0" in false.message, false


def test_a_symbolic_refutation_the_evaluator_contradicts_there_is_unknown(monkeypatch):
    """With SymPy's closed form taken as it is (0, wrong at n = 0), the
    evaluator finds 1 = 1 there, so the step is not failed but unknown, and
    says the readings disagree."""
    monkeypatch.setattr(sums, "_wrong_when_small", lambda *args: False)
    monkeypatch.setattr(engine, "_prepared", {})
    monkeypatch.setattr(sums, "_done", Kept(4096))
    true = run_task(task("\\sum_{k=0}^{n} (-1)^k \\binom{n}{k}", "0^n", NONNEG))
    assert true.status == "unknown" and true.method == "disagree", true
    assert "the two readings disagree at n = 0" in true.message
    false = run_task(task("\\sum_{k=0}^{n} (-1)^k \\binom{n}{k}", "0", NONNEG))
    assert false.status == "failed" and "n = 0" in false.message, false


def test_a_symbolic_refutation_the_evaluator_confirms_there_stays_failed():
    """256 hides in 2^{2^3}: the evaluator's instances stop below it, the
    sampler's point n = 257 (with i and L_i) is evaluated there and confirmed."""
    spec = document.Scope(SOFTMAX.symbols, ())
    wrong = run_task(task("L_i \\min(n, 2^{2^{3}})", "L_i n", spec))
    assert wrong.status == "failed" and "n = 257" in wrong.message, wrong


def test_a_broken_symbolic_reading_of_a_true_step_is_never_failed(monkeypatch):
    """Defence in depth, the other way round: a symbolic side read wrongly (here:
    doubled) refutes a true step at a point with a size, an index and elements;
    the evaluator, asked at that point, finds the sides equal: unknown."""
    prepare = engine._prepare

    def broken(scope, task, ctx, math):
        expr = prepare(scope, task, ctx, math)
        return 2 * expr if math.text == "L_i \\sum_{k=1}^{n} L_k" else expr
    monkeypatch.setattr(engine, "_prepare", broken)
    found = run_task(task("\\sum_{j=1}^{n} L_j L_\\gamma", "L_i \\sum_{k=1}^{n} L_k", SOFTMAX,
                          when=("\\gamma = i",)))
    assert (found.status, found.method) == ("unknown", "disagree"), found
    assert "n = " in found.message and "L_" in found.message


@pytest.mark.parametrize("a, b", [(1 / sp.sin(x), sp.csc(x)), (1 / sp.cos(x), sp.sec(x)),
                                  (sp.cos(x) / sp.sin(x), sp.cot(x)),
                                  (sp.cosh(x) / sp.sinh(x), sp.coth(x)),
                                  (sp.cosh(2 * x), 1 + 2 * sp.sinh(x) ** 2)])
def test_reciprocal_trig_is_evaluated_to_its_digits_far_out(a, b):
    """SymPy's evalf of csc(2.3·10^10) is right to 25 of 30 digits: the sampler
    evaluates csc, sec, cot as quotients of sin and cos, so a true step holds."""
    far = sp.Rational(234757435807955616, 9999991)
    assert sampling._compare_at(a, b, {x: far}, {}).outcome == "equal"
    assert sampling.compare(a, b, {}, Context()).outcome in ("equal", "constant")


def test_a_factor_off_in_the_41st_digit_is_compared_at_the_digits_it_needs():
    """`\\sqrt[3]{8x + 16} = (2 + 10^{-40}) \\sqrt[3]{x + 2}` differs by 5·10⁻⁴¹
    relative: a 30-digit comparison called it equal (attack 18)."""
    off = (2 + sp.Rational(1, 10**40)) * sp.cbrt(x + 2)
    assert sampling._fine_digits(sp.cbrt(8 * x + 16), off) == 25
    assert sampling._fine_digits(sp.sin(x), sp.Rational(1, 2) * x) == 0
    assert sampling.compare(sp.cbrt(8 * x + 16), off, {}, Context()).outcome == "differ"
    assert sampling.compare(sp.cbrt(8 * x + 16), 2 * sp.cbrt(x + 2), {}, Context()).outcome \
        in ("equal", "constant")


def test_far_apart_exponentials_are_evaluated_with_the_digits_they_need():
    """A softmax at z = (0, 1, 323.4): ln p₃ = ln(1 − 10⁻¹⁴⁰) is 0 below 140
    digits, and SymPy's evalf (strict or not) gave the same wrong value at
    30, 60 and 120 digits, so a true step (Σ p ln p = Σ p (z − ln Σ e^z)) failed."""
    z = [sp.Integer(0), sp.Integer(1), sp.Rational(3234, 10)]
    e = [sp.exp(t) for t in z]
    total = sum(e)
    a = sum(ei * sp.log(ei / total) for ei in e) / total
    b = (-total * sp.log(total) + sum(ei * t for ei, t in zip(e, z))) / total
    assert sampling._compare_at(a, b, {}, {}).outcome == "equal"
    assert sampling._compare_at(a, b + sp.exp(-sp.Integer(330)), {}, {}).outcome == "differ"
