"""The plain-syntax reader accepts SymPy's notation and runs nothing."""

import pytest
import sympy as sp

from derive_ce.read import document
from derive_ce.errors import InputError
from derive_ce.decide.sums import ElementSum, canonical
from derive_ce.decide.build.plain import read_plain
from derive_ce.decide.scope import SymScope

x = sp.Symbol("x", real=True)


def read(text, scope=None):
    return read_plain(document.Math(text, 3, "expr"), scope or SymScope(document.Scope()))


@pytest.mark.parametrize("text, expected", [
    ("x**2 + 2*x", x**2 + 2 * x),
    ("exp(x) * log(x) / sqrt(x)", sp.exp(x) * sp.log(x) / sp.sqrt(x)),
    ("Derivative(x**3, x)", sp.Derivative(x**3, x)),
    ("-x + 0.5", -x + sp.Rational(1, 2)),
    ("pi + E", sp.pi + sp.E),
    ("Abs(x) + abs(x)", 2 * sp.Abs(x)),
    ("Rational(1, 3) * x", x / 3),
])
def test_reads(text, expected):
    assert read(text) == expected


def test_vectors_and_sums():
    rng = (document.Math("1", 1), document.Math("n", 1))
    decls = (document.SymbolDecl(("L",), "vector", (), None, 1),
             document.SymbolDecl(("n",), "scalar", (("integer", True), ("positive", True)), None, 1),
             document.SymbolDecl(("j",), "index", (), rng, 1))
    scope = SymScope(document.Scope(decls))
    L, j, n = scope.base("L"), scope.symbol("j"), scope.symbol("n")
    assert canonical(read("Sum(exp(L[j]), (j, 1, n))", scope)) \
        == canonical(ElementSum(sp.exp(L[j]), (j, 1, n)))


@pytest.mark.parametrize("text, message", [
    ("().__class__.__base__.__subclasses__()", "attribute access"),
    ("x.__class__", "`Attribute` is not allowed"),
    ("__import__('os').system('touch /tmp/derive_ce_pwned')", "attribute access (`.system`)"),
    ("__import__('os')", "unknown function `__import__`"),
    ("eval('1')", "unknown function `eval`"),
    ("open('/tmp/derive_ce_pwned', 'w')", "unknown function `open`"),
    ("(lambda: 1)()", "unknown function `Lambda`"),
    ("[i for i in range(3)]", "`ListComp` is not allowed"),
    ("'a' * 3", "only numbers"),
    ("exp(x, y=2)", "keyword arguments"),
    ("_x + 1", "the name `_x`"),
    ("x[1:2]", "`Slice` is not allowed"),
    ("exp(x", "cannot read the expression"),
    ("x if x else 1", "`IfExp` is not allowed"),
    ("f'{x}'", "`JoinedStr` is not allowed"),
])
def test_refuses_everything_else(text, message, tmp_path):
    with pytest.raises(InputError) as info:
        read(text)
    assert message in info.value.message
    assert info.value.line == 3


def test_deep_nesting_is_an_error_not_a_crash():
    with pytest.raises(InputError):
        read("(" * 500 + "x" + ")" * 500)
