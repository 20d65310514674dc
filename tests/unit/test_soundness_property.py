"""Property: the symbolic verdict never contradicts the concrete instances.

Random small derivations, with a definition whose body sums over j, sums
over letters that may clash with it, derivatives by elements, and the cases
γ = i / γ ≠ i.  The oracle is the independent evaluator (evaluate/), which
shares only the parser with the symbolic path: when it finds an instance
that disagrees, the symbolic path (run here without the cross-check) must
not have said proved or numeric.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive_ce.decide import engine
from derive_ce.evaluate.check import Outcome, cross_check
from derive_ce.read import document
from derive_ce.results import Task

RANGE = (document.Math("1", 1), document.Math("n", 1))
SCOPE = document.Scope(
    (document.SymbolDecl(("L",), "vector", (), None, 1),
     document.SymbolDecl(("W",), "matrix", (), None, 1),
     document.SymbolDecl(("n",), "scalar", (("integer", True), ("positive", True)), None, 1),
     document.SymbolDecl(("i", "j", "k", "gamma"), "index", (), RANGE, 1)),
    (document.Definition("q", ("k",), document.Math("\\sum_{j=1}^{n} W_{k,j} L_j", 1), 1),))

free_letters = st.sampled_from(["i", "j", "\\gamma"])
leaves = st.one_of(free_letters.map(lambda l: f"L_{{{l}}}"), free_letters.map(lambda l: f"q_{{{l}}}"),
                   st.sampled_from(["x", "2"]))


def _combine(children):
    pair = st.tuples(children, children)
    return st.one_of(
        pair.map(lambda t: f"{t[0]} + {t[1]}"),
        pair.map(lambda t: f"\\left({t[0]}\\right) \\left({t[1]}\\right)"),
        st.tuples(st.sampled_from(["j", "k"]), children).map(
            lambda t: f"\\sum_{{{t[0]}=1}}^{{n}} \\left({t[1]} + L_{t[0]}\\right)"),
        st.tuples(free_letters, children).map(
            lambda t: f"\\frac{{\\partial}}{{\\partial L_{{{t[0]}}}}} \\left({t[1]}\\right)"))


expressions = st.recursive(leaves, _combine, max_leaves=5)
MUTATIONS = [
    lambda e: e,                                                   # the same
    lambda e: e.replace("L_{i}", "L_{j}"),                          # an index slip
    lambda e: e.replace("\\sum_{k=1}", "\\sum_{j=1}").replace("L_k", "L_j"),   # a bound letter renamed
    lambda e: e.replace("\\gamma", "i"),                           # the case's value put in by hand
    lambda e: e.replace("q_{j}", "\\sum_{k=1}^{n} W_{j,k} L_k"),    # a definition written out
]
CASES = [(), ("\\gamma = i",), ("\\gamma \\neq i",)]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(expressions, st.sampled_from(range(len(MUTATIONS))), st.sampled_from(CASES))
def test_symbolic_verdicts_agree_with_concrete_instances(before, which, when):
    after = MUTATIONS[which](before)
    task = Task("compare", SCOPE, tuple(document.Math(w, 1) for w in when),
                document.Math(before, 1), document.Math(after, 2), 10.0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "_cross_check", lambda task, left: Outcome("unchecked", reason="off"))
        symbolic = engine.run_task(task)
    if symbolic.status == "error":
        return
    oracle = cross_check(task)
    if oracle.kind == "differ":
        assert symbolic.status not in ("proved", "numeric"), (before, after, when, symbolic, oracle)
    if which == 0:
        assert symbolic.status == "proved"
