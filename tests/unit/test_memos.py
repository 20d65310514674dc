"""What the engine keeps between steps must be keyed by everything the result
depends on: a parse tree by the text (an error still names each caller's
line), a sum's doit() by the sum with its symbols' assumptions."""

import pytest
import sympy as sp

from derive_ce.decide.sums import UsualSum
from derive_ce.errors import InputError
from derive_ce.read.latex import parser


def test_a_text_is_parsed_once_and_its_tree_shared():
    first = parser.parse(r"\frac{a}{b} + c_{i}", "chain", 3)
    assert parser.parse(r"\frac{a}{b} + c_{i}", "chain", 9) is first
    assert parser.parse(r"\frac{a}{b} + c_{j}", "chain", 3) is not first


def test_an_unreadable_text_names_the_line_of_each_caller():
    for line in (3, 7):
        with pytest.raises(InputError) as caught:
            parser.parse(r"\frac{a}{", "chain", line)
        assert caught.value.line == line


def test_the_same_text_read_as_a_relation_is_its_own_tree():
    relation = parser.parse("x = 1", "relation", 1)
    chain = parser.parse("x = 1", "chain", 1)
    assert (relation.data, chain.data) == ("relation", "chain")


def test_a_sums_doit_is_kept_per_assumptions_of_its_bound():
    k = sp.Dummy("k", integer=True)
    counted = sp.Symbol("n", integer=True, nonnegative=True)
    any_integer = sp.Symbol("n", integer=True)
    assert UsualSum(1, (k, 1, counted)).doit() == counted
    # true twin above, false twin here: the same text of a sum, but n may be
    # negative, so the empty range must stay possible (0 for n < 0)
    assert UsualSum(1, (k, 1, any_integer)).doit() == \
        sp.Piecewise((any_integer, any_integer >= 0), (0, True))
    assert UsualSum(1, (k, 1, counted)).doit() == counted
