"""Which declaration a step misses, read from the parse."""

from derive_ce.read.hints import missing_declarations
from derive_ce.read.model import Definition, Math, Scope, SymbolDecl

K = SymbolDecl(("K",), "scalar", (("integer", True), ("positive", True)), None, 1)


def test_an_undeclared_bound_is_named_with_its_declaration():
    hint = missing_declarations([r"\sum_{k=1}^{K} k^2"], Scope())
    assert hint.startswith("`K` is the bound of a sum or product but not declared")
    assert "`K: {integer: true, positive: true}`" in hint


def test_declared_or_numeric_bounds_need_nothing():
    assert missing_declarations([r"\sum_{k=1}^{K} k^2"], Scope((K,))) == ""
    assert missing_declarations([r"\sum_{k=1}^{10} k^2", r"\prod_{j} a_j"], Scope()) == ""
    defined = Scope((), (Definition("K", (), Math("3", 1), 1),))
    assert missing_declarations([r"\sum_{k=1}^{K} k"], defined) == ""


def test_several_missing_and_the_index_itself_is_not_one():
    hint = missing_declarations([r"\sum_{k=M}^{N} k", r"\prod_{i=1}^{N} i"], Scope())
    assert hint.startswith("`M`, `N` are the bound") and "`M, N: {integer" in hint
    assert "`k`" not in hint and "`i`" not in hint


def test_unreadable_math_gives_no_hint():
    assert missing_declarations([r"\sum_{k=1}^{\foo} k"], Scope()) == ""
