"""The evaluator (evaluate/) on its own: its conventions, its instances, and
that it shares nothing with the symbolic path but the parser."""

import ast
from pathlib import Path

import pytest

from derive_ce.evaluate.check import Evaluator
from derive_ce.read import document

EVALUATE = Path(__file__).resolve().parents[2] / "derive_ce" / "evaluate"
SIZE = document.SymbolDecl(("n",), "scalar", (("integer", True), ("positive", True)), None, 1)


def compare(a, b, when=(), symbols=(), definitions=()):
    spec = document.Scope(tuple(symbols), tuple(definitions))
    return Evaluator(spec).compare(document.Math(a, 1), document.Math(b, 2),
                                   tuple(document.Math(w, 1) for w in when))


def test_the_evaluator_imports_nothing_from_decide_nor_sympy():
    for path in EVALUATE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert not name.startswith(("derive_ce.decide", "sympy")), (path.name, name)
                if name.startswith("derive_ce."):
                    assert name.startswith(("derive_ce.read", "derive_ce.evaluate",
                                            "derive_ce.errors", "derive_ce.results",
                                            "derive_ce.memo")), name   # a store, no reading


@pytest.mark.parametrize("a, b, kind", [
    ("\\sum_{k=3}^{n} 1", "\\max(n - 2, 0)", "agree"),        # empty range: 0
    ("\\sum_{k=3}^{n} 1", "n - 2", "differ"),                  # not Karr's -1 at n = 1
    ("\\prod_{k=3}^{n} 2", "2^{\\max(n - 2, 0)}", "agree"),    # empty product: 1
    ("\\binom{n}{15}", "0", "differ"),                         # sizes past the constants
    ("\\sum_{j=1, j \\neq 2}^{n} 1", "n - 1", "differ"),      # n = 1: the 2 is not in range
])
def test_ranges_are_looped_over(a, b, kind):
    assert compare(a, b, symbols=[SIZE]).kind == kind


def test_a_declared_range_binds_to_the_enclosing_sum():
    symbols = [SIZE, document.SymbolDecl(("i",), "index", (), (document.Math("1", 1),
                                                               document.Math("n", 1)), 1),
               document.SymbolDecl(("j",), "index", (), (document.Math("1", 1),
                                                         document.Math("i", 1)), 1)]
    assert compare("\\sum_{i=1}^{n} \\sum_{j} 1", "\\frac{n (n+1)}{2}", symbols=symbols).kind \
        == "agree"


@pytest.mark.parametrize("a, b, when, kind", [
    ("\\frac{d}{dx} |x|", "\\frac{x}{|x|}", (), "kink"),
    ("\\frac{d}{dx} \\max(0, x)", "0", ("x = 0",), "kink"),
    ("\\frac{d}{dx} \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}", "0",
     (), "kink"),                                               # a jump
    ("\\frac{d}{dx} |x|", "1", ("x > 0",), "agree"),
    ("\\frac{d^2}{dx^2} x^4", "12 x^2", (), "agree"),
    ("\\frac{\\partial^2}{\\partial x \\partial y} x^2 y^3", "6 x y^2", (), "agree"),
])
def test_derivatives_are_numeric_with_a_one_sided_check(a, b, when, kind):
    outcome = compare(a, b, when)
    assert outcome.kind == kind, outcome
    if kind == "kink":
        assert outcome.reason == "not differentiable in x at 0"


@pytest.mark.parametrize("a, b, kind", [
    ("\\sin(10^{8} \\pi x)", "0", "differ"),          # reals are not on a lattice
    ("\\min(x, 2000)", "x", "differ"),                # they reach past the constants
    ("x + 10^{30}", "10^{30}", "differ"),              # and are compared at 50 digits
    ("\\begin{cases} 1 & x > 0 \\\\ 2 & x > -1 \\\\ 3 & \\text{otherwise} \\end{cases}",
     "\\begin{cases} 1 & x > 0 \\\\ 2 & x > -1 \\\\ 3 & x \\le -1 \\end{cases}", "agree"),
])
def test_numbers_and_rows(a, b, kind):
    assert compare(a, b).kind == kind


@pytest.mark.parametrize("a, b, kind", [
    ("\\lfloor \\frac{\\ln(1 + x^2)}{32} \\rfloor", "0", "differ"),        # 1 from x ≈ 9e6
    ("\\lfloor \\frac{\\ln(1 + x^2)}{32} \\rfloor", "\\lfloor \\frac{\\ln(1 + x^2)}{2^5} \\rfloor",
     "agree"),
    ("\\lfloor \\frac{1}{1 + x^2} + e^{-30} \\rfloor", "\\lfloor \\frac{1}{1 + x^2} \\rfloor",
     "differ"),                                                                  # x < 3e-7
    ("(x + 1)^2 - x^2", "2x + 1", "agree"),             # no cancellation fails far away
    ("\\frac{1 - \\cos(x)}{x^2}", "\\frac{2 \\sin^2(x / 2)}{x^2}", "agree"),   # nor tiny
    ("e^{e^{x}}", "e^{e^{x}}", "agree"),                # e^(e^(10^12)) is skipped, not an error
])
def test_far_and_tiny_reals(a, b, kind):
    outcome = compare(a, b)
    assert outcome.kind == kind, outcome
    if kind == "differ":
        assert outcome.point


POSITIVE_X = document.SymbolDecl(("x",), "scalar", (("positive", True),), None, 1)


@pytest.mark.parametrize("a, b, kind", [
    ("\\lfloor \\cos(\\frac{\\sqrt{x}}{10^{6}}) \\rfloor", "0", "differ"),          # from x = 2.5e12
    ("\\lfloor \\cos(\\frac{\\sqrt[3]{x}}{10^{4}}) \\rfloor", "0", "differ"),       # from x = 3.9e12
    ("\\lfloor \\cos(x^{1/3} \\cdot 10^{-4}) \\rfloor", "0", "differ"),              # a small factor
    ("\\lfloor \\cos(\\frac{x^{\\frac{1}{4}}}{10^{4}}) \\rfloor", "0", "differ"),   # from x = 6e16
    ("\\lfloor \\cos(\\frac{\\sqrt[3]{x}}{10^{4}}) \\rfloor",
     "\\lfloor \\cos(-\\frac{\\sqrt[3]{x}}{10^{4}}) \\rfloor", "agree"),
])
def test_a_root_of_a_variable_is_drawn_past_where_it_meets_a_constant(a, b, kind):
    """The far reals stop at 10^{12}; a root beside a large constant turns at the
    constant's power: two more instances are drawn just past it."""
    outcome = compare(a, b, symbols=[POSITIVE_X])
    assert outcome.kind == kind, outcome


@pytest.mark.parametrize("when, kind", [(("n > 20",), "differ"), (("n < 20",), "agree")])
def test_a_case_draws_its_sizes_from_its_own_bounds(when, kind):
    assert compare("\\binom{n}{21}", "0", when, symbols=[SIZE]).kind == kind


def test_a_case_below_a_tiny_constant_gets_an_instance():
    positive = document.SymbolDecl(("x",), "scalar", (("positive", True),), None, 1)
    assert compare("\\min(x, 10^{-7})", "x", ("x < 10^{-6}",), [positive]).kind == "differ"
    assert compare("\\min(x, 10^{-5})", "x", ("x < 10^{-6}",), [positive]).kind == "agree"


def test_a_case_without_an_instance_is_said():
    outcome = compare("x", "x", ("x > 2",), [], ())
    assert outcome.kind == "agree"
    none = compare("n", "n", ("n > 2",), [document.SymbolDecl(
        ("n",), "scalar", (("integer", True), ("positive", True)), None, 1)])
    assert none.kind == "agree"
    empty = compare("x", "x", ("x \\neq x",))
    assert empty.kind == "unchecked" and "no instance" in empty.reason


def test_definitions_are_applied_with_their_arguments_bound():
    symbols = [document.SymbolDecl(("L",), "vector", (), None, 1), SIZE,
               document.SymbolDecl(("i", "j", "k"), "index", (), (document.Math("1", 1),
                                                                  document.Math("n", 1)), 1)]
    family = document.Definition("p", ("k",), document.Math(
        "\\frac{e^{L_k}}{\\sum_{j=1}^{n} e^{L_j}}", 1), 1)
    sigma = document.Definition("sigma", ("x",), document.Math("\\frac{1}{1 + e^{-x}}", 1), 1,
                                function=True)
    assert compare("\\frac{\\partial p_i}{\\partial L_i}", "p_i (1 - p_i)", (), symbols,
                   [family]).kind == "agree"
    assert compare("\\sum_{j=1}^{n} p_j", "1", (), symbols, [family]).kind == "agree"
    assert compare("\\frac{d}{dz} \\sigma(2z)", "2 \\sigma(2z)(1 - \\sigma(2z))", (), [],
                   [sigma]).kind == "agree"


def test_unknown_functions_are_one_concrete_function_per_name():
    f = document.SymbolDecl(("f", "g"), "function", (), None, 1)
    assert compare("\\frac{d}{dx} f(x^2)", "2 x f'(x^2)", (), [f]).kind == "agree"
    assert compare("f(x)", "g(x)", (), [f]).kind == "differ"


@pytest.mark.parametrize("a, b, kind", [
    ("\\operatorname{sgn}(\\cos(\\frac{n}{1000}))", "1", "differ"),     # from n = 1571
    ("\\lfloor \\frac{n^2}{2 \\cdot 10^{4}} \\rfloor", "0", "differ"),   # from n = 142
    ("\\sum_{k=1}^{n} k", "\\frac{n (n + 1)}{2}", "agree"),   # n counts terms: never huge
])
def test_integers_that_count_nothing_are_drawn_far(a, b, kind):
    assert compare(a, b, symbols=[SIZE]).kind == kind


def test_a_declared_function_is_the_same_at_every_precision():
    """Its coefficients do not depend on the precision it is first made at: the
    chain rule through a defined name agrees with the one written out."""
    import mpmath
    from derive_ce.evaluate.runtime import concrete
    with mpmath.workdps(15):
        low = concrete("g", 1)
    with mpmath.workdps(110):
        high = concrete("g", 1)
    with mpmath.workdps(50):
        x = mpmath.mpf("-0.14207874519728904175320113740403186949977316362733")
        assert low(x) == high(x)
    functions = [document.SymbolDecl(("f", "g"), "function", (), None, 1)]
    y = [document.Definition("y", (), document.Math("f(g(x))", 1), 1)]
    assert compare("\\frac{dy}{dx}", "f'(g(x)) g'(x)", symbols=functions,
                   definitions=y).kind == "agree"
    assert compare("\\frac{dy}{dx}", "f'(g(x))", symbols=functions,
                   definitions=y).kind == "differ"


def test_the_same_instances_every_time():
    first = compare("\\sin(10^{8} \\pi x)", "0")
    again = compare("\\sin(10^{8} \\pi x)", "0")
    assert first.point == again.point and first.left == again.left


def test_a_step_near_the_time_limit_is_unknown_every_time(monkeypatch):
    """A step that needs more than MARGIN of its budget is not decided, whatever
    the load, and the message says how much CPU it spent."""
    import time

    from derive_ce.decide import engine
    from derive_ce.results import Task, Verdict

    def slow(*args):
        start = time.process_time()
        while time.process_time() - start < 0.4:
            pass
        return Verdict("proved", method="identical")
    monkeypatch.setattr(engine, "equivalent", slow)
    task = Task("compare", document.Scope(), (), document.Math("x + x", 1),
                document.Math("2 x", 2), 0.5)
    verdict = engine.run_task(task)
    assert verdict.status == "unknown" and verdict.method == "timeout"
    assert verdict.message.startswith("timed out: 0.") and "s of CPU spent" in verdict.message


def test_an_index_named_e_is_never_the_base_of_a_power():
    ranged = (document.Math("1", 1), document.Math("n", 1))
    symbols = [SIZE, document.SymbolDecl(("e", "k"), "index", (), ranged, 1),
               document.SymbolDecl(("z",), "vector", (), None, 1)]
    assert compare("e^{z_k}", "\\exp(z_k)", (), symbols).kind == "agree"
    assert compare("z_e", "z_k", ("e = k",), symbols).kind == "agree"


# -- at a given point (another reading's counterexample, issue 16) -------------------

NONNEG = document.SymbolDecl(("n",), "scalar", (("integer", True), ("nonnegative", True)), None, 1)
VECTOR = (document.SymbolDecl(("L",), "vector", (), None, 1), SIZE,
          document.SymbolDecl(("i", "j"), "index", (),
                              (document.Math("1", 1), document.Math("n", 1)), 1))


def at(a, b, point, gap="", when=(), symbols=()):
    spec = document.Scope(tuple(symbols), ())
    return Evaluator(spec).at(document.Math(a, 1), document.Math(b, 2),
                              tuple(document.Math(w, 1) for w in when), point, gap)


@pytest.mark.parametrize("b, kind", [("0^n", "agree"), ("0", "differ")])
def test_at_a_point_the_empty_alternating_sum_is_one(b, kind):
    found = at("\\sum_{k=0}^{n} (-1)^k \\binom{n}{k}", b, {"n": 0}, symbols=(NONNEG,))
    assert found.kind == kind and found.left == "1"


def test_at_a_point_sizes_indices_and_elements_map_by_name():
    point = {"n": 3, "i": 2, ("L", (1,)): "1/2", ("L", (2,)): "-3/7", ("L", (3,)): 2}
    assert at("L_i \\sum_{j=1}^{n} L_j", "-\\frac{3}{7} \\cdot \\frac{29}{14}", point,
              symbols=VECTOR).kind == "agree"
    assert at("L_i \\sum_{j=1}^{n} L_j", "L_i n", point, symbols=VECTOR).kind == "differ"
    assert at("L_i", "-\\frac{3}{7}", {**point, "i": 1}, symbols=VECTOR).kind == "differ"


def test_at_a_point_nothing_is_drawn():
    found = at("x + y", "y + x", {"x": "1/3"})
    assert found.kind == "unchecked" and "`y` is not in the point" in found.reason


def test_at_a_point_the_case_sets_what_the_point_leaves_out_and_must_hold():
    assert at("y", "x", {"x": "1/3"}, when=("y = x",)).kind == "agree"
    assert at("x", "1", {"x": 2}, when=("x < 1",)).kind == "unchecked"


def test_at_a_point_an_agreement_counts_only_where_the_difference_would_show():
    """Inexact values equal to the evaluator's tolerance: agreement only if the
    difference the other reading found is well past that tolerance."""
    assert at("\\sin(x)^2 + \\cos(x)^2", "1", {"x": "1/3"}, gap="1").kind == "agree"
    assert at("\\sin(x)^2 + \\cos(x)^2", "1", {"x": "1/3"}, gap="1e-95").kind == "unchecked"
    assert at("\\sin(x)^2 + \\cos(x)^2", "1", {"x": "1/3"}).kind == "unchecked"


@pytest.mark.parametrize("a, b, kind", [
    ("\\sqrt[3]{8x + 16}", "(2 + 10^{-40}) \\sqrt[3]{x + 2}", "differ"),    # 5e-41 relative
    ("\\sqrt[3]{8x + 16}", "2 \\sqrt[3]{x + 2}", "agree"),
    ("\\frac{d}{dz} \\ln(1 - \\frac{1}{1 + e^{-z}})", "-\\frac{1}{1 + e^{-z}}", "agree"),  # 1 − σ(247)
])
def test_precision_follows_the_step(a, b, kind):
    assert compare(a, b).kind == kind


def test_a_higher_derivative_evaluates_one_grid_and_still_finds_kinks():
    """d⁵/dx⁵ x e^{2x}: 2·5 + 1 evaluations (nesting the first derivative made
    3⁵ = 243, at precisions that doubled per level: 3 s, and the cross-check
    ran out of time); a kink of any lower derivative is still found."""
    import mpmath

    from derive_ce.evaluate.numbers import NotDifferentiable
    from derive_ce.evaluate.runtime import derivative

    calls = []

    def g(t):
        calls.append(t)
        t = mpmath.mpf(t)
        return t * mpmath.exp(2 * t)

    with mpmath.workdps(100):
        x = mpmath.mpf("0.7")
        value = derivative(g, x, 5, "x")
        assert abs(value - 16 * (2 * x + 5) * mpmath.exp(2 * x)) < mpmath.mpf(10) ** -95
        assert len(calls) == 11
        for function, order in ((abs, 2), (lambda t: t * abs(t), 2),
                                (lambda t: t**4 if t > 0 else 0, 4), (mpmath.floor, 3)):
            with pytest.raises(NotDifferentiable):
                derivative(lambda t: function(mpmath.mpf(t)), 0, order, "x")
        assert abs(derivative(lambda t: (mpmath.mpf(t) ** 4 if t > 0 else 0), 0, 3, "x")) \
            < mpmath.mpf(10) ** -90


@pytest.mark.parametrize("right, kind", [("1", "agree"), ("0", "differ")])
def test_a_point_that_leaves_out_a_real_is_completed(right, kind):
    """The symbolic path's counterexample holds only what its reading kept:
    SymPy sums C(n,k) x^k (-x)^{n-k} to 0, so its point at n = 0 has no x.
    The evaluator completes the point with drawn reals rather than giving up
    (which let the symbolic refutation of a true step stand)."""
    nonnegative = document.SymbolDecl(("n",), "scalar",
                                      (("integer", True), ("nonnegative", True)), None, 1)
    spec = document.Scope((nonnegative,))
    outcome = Evaluator(spec).at(document.Math("\\sum_{k=0}^{n} \\binom{n}{k} x^{k} (-x)^{n-k}", 1),
                                 document.Math(right, 2), (), {"n": 0}, gap="1")
    assert outcome.kind == kind, outcome
    assert "x" in outcome.point, outcome
