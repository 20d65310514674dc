"""The LaTeX reader: every construct of the contract and the seed notes."""

import re

import pytest
import sympy as sp

from derive_ce.read import document
from derive_ce.errors import InputError
from derive_ce.decide.build import read_expression, read_relation
from derive_ce.decide.kinks import Derivative
from derive_ce.decide.sums import ElementSum, UsualSum, canonical
from derive_ce.read.latex.parser import split_chain
from derive_ce.decide.scope import SymScope

SEED = "/work/shared/seed/000_e787732ffd3abadd.txt"

x, y = sp.symbols("x y", real=True)


def scope(symbols=(), definitions=()):
    decls = tuple(document.SymbolDecl(tuple(n.split(",")), kind, flags, rng, 1)
                  for n, kind, flags, rng in symbols)
    return SymScope(document.Scope(decls, definitions))


def ce_scope():
    rng = (document.Math("1", 1), document.Math("n", 1))
    definitions = (document.Definition("p", ("k",), document.Math("\\frac{e^{L_k}}{\\sum_j e^{L_j}}", 1), 1),
                   document.Definition("Loss", (), document.Math("-\\ln(p_\\gamma)", 1), 1))
    return scope([("L", "vector", (), None), ("n", "scalar", (("integer", True), ("positive", True)), None),
                  ("i,j,gamma", "index", (), rng)], definitions)


def read(text, sc=None):
    return read_expression(document.Math(text, 1), sc or scope())


@pytest.mark.parametrize("text, expected", [
    ("2x + 3", 2 * x + 3),
    ("x^2 y", x**2 * y),
    ("x^{23}", x**23),
    ("\\frac{x}{y}", x / y),
    ("\\dfrac{1}{2}", sp.Rational(1, 2)),
    ("0.25 x", x / 4),
    ("x \\cdot y \\times 2", 2 * x * y),
    ("\\left( x + 1 \\right)^2", (x + 1)**2),
    ("[x + 1] \\{y\\}", (x + 1) * y),
    ("\\sqrt{x^2}", sp.sqrt(x**2)),
    ("\\sqrt[3]{x}", sp.real_root(x, 3)),         # the real cube root: ∛(-8) = -2
    ("\\exp(x) - e^{x} + e^x", sp.exp(x)),
    ("e", sp.E),
    ("\\pi", sp.pi),
    ("\\ln x y", sp.log(x * y)),            # a bare \ln takes the factors up to the next function
    ("\\ln(x)^2", sp.log(x)**2),
    ("\\ln x^2", sp.log(x**2)),
    ("\\tanh^2(x)", sp.tanh(x)**2),
    ("\\sin^{-1}(x)", sp.asin(x)),
    ("\\log(x)", sp.log(x)),
    ("|x| + x", sp.Abs(x) + x),
    ("\\left| x - y \\right|", sp.Abs(x - y)),
    ("x!", sp.factorial(x)),
    ("\\text{Loss} + \\mathrm{Loss}", 2 * sp.Symbol("Loss", real=True)),
    ("Loss", sp.Symbol("L", real=True) * sp.Symbol("o", real=True) * sp.Symbol("s", real=True)**2),
    ("\\alpha \\gamma", sp.Symbol("alpha", real=True) * sp.Symbol("gamma", real=True)),
    ("x_1 + x_{2}", sp.Symbol("x_1", real=True) + sp.Symbol("x_2", real=True)),
    ("-\\frac{1}{x}", -1 / x),
    ("x \\, y \\; \\quad 2", 2 * x * y),
])
def test_reads(text, expected):
    assert sp.simplify(read(text) - expected) == 0 and read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("\\frac{d}{dx} x^2", sp.Derivative(x**2, x)),
    ("\\frac{d}{d x} \\left(x^2\\right) y", sp.Derivative(x**2 * y, x)),   # both readings agree
    ("\\frac{\\partial}{\\partial x} -\\ln(x)", sp.Derivative(-sp.log(x), x)),
    ("\\frac{d x^2}{d x}", sp.Derivative(x**2, x)),
    ("\\frac{\\partial (x y)}{\\partial y}", sp.Derivative(x * y, y)),
    ("\\frac{d}{dx} \\sin(x) \\cdot 2", 2 * sp.Derivative(sp.sin(x), x)),
])
def test_derivative_operator_takes_the_next_factor(text, expected):
    got = read(text)
    assert got.atoms(Derivative) and got == expected.replace(   # the kink-aware derivative
        lambda e: type(e) is sp.Derivative, lambda e: Derivative(*e.args))


def test_a_declared_letter_is_held_constant_by_a_partial_derivative():
    declared = scope([("x,y", "scalar", (("real", True),), None)])
    got = read("\\frac{\\partial y}{\\partial x}", declared)
    assert got.atoms(Derivative) and got.doit() == 0


@pytest.mark.parametrize("text", ["\\frac{\\partial y}{\\partial x}", "\\frac{\\partial L}{\\partial z}",
                                  "\\frac{d L}{d x}", "\\frac{\\partial}{\\partial w} (L + 1)"])
def test_the_derivative_of_an_undeclared_letter_is_refused_not_zero(text):
    """Notes name an unknown this way (`\\partial L / \\partial z`): read as 0, a
    step `= 0` would be proved."""
    with pytest.raises(InputError, match="would be 0"):
        read(text)


def test_sums_take_missing_bounds_from_the_range():
    sc = ce_scope()
    L, n, j = sc.base("L"), sc.symbol("n"), sc.symbol("j")
    total = canonical(ElementSum(sp.exp(L[j]), (j, 1, n)))
    assert canonical(read("\\sum_{j=1} e^{L_j}", sc)) == total
    assert canonical(read("\\sum_j e^{L_j}", sc)) == total
    assert canonical(read("\\sum_{j=1}^{n} e^{L_j}", sc)) == total
    assert canonical(read("\\sum_{j} 2 e^{L_j}", sc)) == 2 * total      # constant factors leave the sum
    assert read("\\sum_{k=1}^{n} k", sc).func is UsualSum     # closed forms are still sought


def test_a_sums_index_carries_only_the_sums_own_bounds():
    sc = ce_scope()
    j = sc.symbol("j")                                    # declared: an index in [1, n]
    total = read("\\sum_{j=-n}^{n} |j|", sc)
    ((var, lo, hi),) = total.limits
    assert var != j and var.is_integer and var.is_positive is None
    assert total.function == sp.Abs(var)                  # |j| is not j: j may be negative
    assert j not in total.free_symbols


def test_vector_elements_and_greek_indices():
    sc = ce_scope()
    L = sc.base("L")
    assert read("L_\\gamma + L_{i} + L_1", sc) == L[sc.symbol("gamma")] + L[sc.symbol("i")] + L[1]


def test_matrix_elements():
    rng = (document.Math("1", 1), document.Math("n", 1))
    sc = scope([("W", "matrix", (), None), ("i,j", "index", (), rng)])
    W, i, j = sc.base("W"), sc.symbol("i"), sc.symbol("j")
    assert read("W_{i,j}", sc) == W[i, j]
    assert read("W_{ij}", sc) == W[i, j]


def test_function_application_and_product():
    sc = scope([("f", "function", (), None)])
    f = sc.function("f")
    assert read("f(x) + x (y + 1)", sc) == f(x) + x * (y + 1)
    with pytest.raises(InputError, match="is `x` a function here"):
        read("x (y)", sc)         # function-shaped: refused, not guessed


@pytest.mark.parametrize("line", re.findall(r"\$\$(.*?)\$\$", open(SEED).read(), re.S))
def test_every_line_of_the_seed_notes_reads(line):
    body = re.split(r"\\quad\s*\|", line)[0]
    parts = split_chain(body)
    assert parts
    sc = ce_scope()
    for part in parts:
        read(part.text, sc)


def test_chains_split_with_columns():
    parts = split_chain("= a + b = c")
    assert [(p.text, p.column) for p in parts] == [("a + b", 3), ("c", 11)]


@pytest.mark.parametrize("text, message, column", [
    ("x + \\foo{y}", "unknown LaTeX command \\foo", 5),
    ("\\frac{x}{2", "ends too early", 11),
    ("x < 1", "a relation (<)", 3),
    ("x + + ", "ends too early", 7),
    ("(" * 100 + "x" + ")" * 100, "nested more than", None),
    ("x^23", "write `^{23}`", 2),           # TeX takes only the first digit: refused
    ("\\sum_{k=1}^10 k", "write `^{10}`", 11),
    ("x_12 + 1", "write `_{12}`", 2),
])
def test_syntax_errors_name_the_column(text, message, column):
    with pytest.raises(InputError) as info:
        split_chain(text, 7)
    assert message in info.value.message
    assert info.value.line == 7
    if column:
        assert info.value.column == column
        assert "^" in info.value.describe()


def test_relations():
    sc = scope()
    assert read_relation(document.Math("x \\neq y", 1), sc) == (x, "≠", y)
    assert read_relation(document.Math("x \\ge 0", 1), sc)[1] == "≥"
    with pytest.raises(InputError, match="one relation"):
        read_relation(document.Math("x", 1), sc)
