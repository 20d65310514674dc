"""Matrix and vector calculus (issue 17).

tests/notes/matrix/: The Matrix Cookbook's first- and second-order, trace and
determinant derivatives and the standard ML gradients, written as notes
("Let $X \\in \\mathbb{R}^{m \\times n}$.", then one display); NAME.md must
verify and NAME_slip.md (one transpose, factor, sign or order slip) must
fail on the display's line.
"""

from pathlib import Path

import pytest

from derive_ce.read.shapes import declared_in
from derive_ce.run.checker import Options, check

COOKBOOK = Path(__file__).parent / "notes" / "matrix"


@pytest.fixture(scope="module")
def cookbook():
    checked = check(sorted(COOKBOOK.glob("*.md")), Options(budget=60.0, jobs=2, cache_dir=None))
    return {Path(r.path).name: r for r in checked}


def _identities():
    return sorted(p.name for p in COOKBOOK.glob("*.md") if not p.stem.endswith("_slip"))


def test_every_identity_has_its_slip():
    names = {p.name for p in COOKBOOK.glob("*.md")}
    assert len(_identities()) >= 30
    assert all(n.replace(".md", "_slip.md") in names for n in _identities())


@pytest.mark.parametrize("name", _identities())
def test_identity_verifies_and_its_slip_fails_on_its_line(cookbook, name):
    true, slip = cookbook[name], cookbook[name.replace(".md", "_slip.md")]
    assert true.ok(strict=False), [(r.line, r.status, r.message) for r in true.records]
    failed = [r for r in slip.records if not r.passing(strict=False)]
    assert failed and failed[0].status == "failed" and failed[0].line == 6, slip.records
    assert failed[0].evidence["point"], failed[0]


@pytest.mark.parametrize("prose, declared", [
    ("Let $A$ and $B$ be invertible $n \\times n$ matrices.",
     [("A", "matrix", ("n", "n")), ("B", "matrix", ("n", "n"))]),
    ("where $x \\in \\mathbb{R}^n$ and $A \\in \\mathbb{R}^{n\\times m}$",
     [("x", "vector", ("n",)), ("A", "matrix", ("n", "m"))]),
    ("$X$ is $N \\times d$, $w$ a scalar.", [("X", "matrix", ("N", "d"))]),
    ("the weight matrix $W$ and the vectors $x, \\mathbf{y}$",
     [("W", "matrix", ()), ("x", "vector", ()), ("y", "vector", ())]),
    ("Let $x$ be a point. The matrix $A$ is nice.", [("A", "matrix", ())]),
    ("Let $\\lambda > 0$ be a number.", []),
])
def test_prose_declares_vectors_and_matrices(prose, declared):
    assert [(d.name, d.kind, d.shape) for d in declared_in(prose, 3)] == declared


def test_a_counterexample_gives_sizes_and_entries(run):
    result = run("check", "--format", "json", COOKBOOK / "logdet_slip.md")
    failed = next(s for s in result.json()["files"][0]["steps"] if s["status"] == "failed")
    point = failed["counterexample"]["point"]
    assert point["n"] == "2" and point["X"].startswith("[[")


def test_the_layout_is_said(run):
    result = run("check", COOKBOOK / "lsq.md")
    assert "denominator layout" in result.out
    assert "∇_w (1 / 2) ‖Xw − y‖²" in result.out and "Xᵀ(Xw − y)" in result.out
