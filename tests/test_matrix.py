"""Matrix and vector calculus (issue 17).

tests/notes/matrix/: The Matrix Cookbook's first- and second-order, trace and
determinant derivatives and the standard ML gradients, written as notes
("Let $X \\in \\mathbb{R}^{m \\times n}$.", then one display); NAME.md must
verify and NAME_slip.md (one transpose, factor, sign or order slip) must
fail on the display's line.
"""

from pathlib import Path

import pytest

from conftest import both_readings, disagreements
from derive_ce.decide.engine import run_task
from derive_ce.evaluate.matrix import cross_check as matrix_check
from derive_ce.evaluate.check import Outcome
from derive_ce.read import document
from derive_ce.read.shapes import declared_in
from derive_ce.results import Task
from derive_ce.run.checker import Options, check

COOKBOOK = Path(__file__).parent / "notes" / "matrix"


@pytest.fixture(scope="module")
def cookbook():
    with both_readings():
        checked = check(sorted(COOKBOOK.glob("*.md")), Options(budget=60.0, jobs=2, cache_dir=None))
    return {Path(r.path).name: r for r in checked}


def test_the_two_readings_agree_on_the_cookbook(cookbook):
    """The run above asks for both readings: a disagreement is a bug."""
    assert disagreements(cookbook.values()) == []


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
    assert all(r.cross_checked for r in true.records if r.status in ("proved", "numeric")
               and r.method != "read"), true.records
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
    # a size or a count after the kind word is not the object
    ("Here $X$ is $N \\times d$, $w$ is a vector of length $d$ and $y \\in \\mathbb{R}^N$.",
     [("y", "vector", ("N",)), ("X", "matrix", ("N", "d")), ("w", "vector", ("d",))]),
    ("Let $x$ be a vector with $n$ entries.", [("x", "vector", ())]),
    ("The matrix $A$ has $m$ rows.", [("A", "matrix", ())]),
    ("a vector of size $k$", []),
])
def test_prose_declares_vectors_and_matrices(prose, declared):
    assert [(d.name, d.kind, d.shape) for d in declared_in(prose, 3)] == declared


SECTIONS = """# Quadratic forms

Let $A \\in \\mathbb{{R}}^{{n \\times n}}$ be symmetric and $x \\in \\mathbb{{R}}^n$.

$$\\nabla_x \\left(x^\\top A x\\right) = 2 A x$$

# Again

Now let $A \\in \\mathbb{{R}}^{{n \\times n}}$ be {again}.

$$\\nabla_x \\left(x^\\top A x\\right) = {result}$$
"""


@pytest.mark.parametrize("again, result, code", [("any square matrix", "2 A x", 1),
                                                 ("any square matrix", "(A + A^\\top) x", 0),
                                                 ("positive definite", "2 A x", 0)])
def test_a_matrix_declared_again_is_that_object_from_there_on(run, tmp_path, again, result, code):
    """The second section's A is what the prose says there, never the first's
    (that proved 2Ax for a matrix said not to be symmetric: attack25 round2,
    md_symmetric_redeclared); the import writes it as that derivation's own."""
    path = tmp_path / "sections.md"
    path.write_text(SECTIONS.format(again=again, result=result))
    checked = run("check", "--format", "json", path)
    steps = checked.json()["files"][0]["steps"]
    assert [(s["line"], s["status"]) for s in steps if s["kind"] != "start"] == \
        [(5, "proved"), (11, "proved" if code == 0 else "failed")], steps
    imported = run("import", path)
    assert "    symbols:\n      A: {kind: matrix, shape: [n, n]" in imported.out, imported.out
    (tmp_path / "sections.yaml").write_text(imported.out)
    assert run("check", tmp_path / "sections.yaml").code == code       # as the notes are checked


def test_one_derivation_that_declares_a_letter_twice_is_refused(run, tmp_path):
    path = tmp_path / "once.md"
    path.write_text("# q\n\nLet $A \\in \\mathbb{R}^{n \\times n}$ be symmetric and $x \\in "
                    "\\mathbb{R}^n$.\n\n$$\\nabla_x x^\\top A x$$\n\nNow let $A \\in "
                    "\\mathbb{R}^{n \\times m}$.\n\n$$= 2 A x$$\n")
    checked = run("check", path)
    assert checked.code == 2 and "`A` is declared twice: line 3 says matrix, n×n, symmetric; " \
        "line 7 says matrix, n×m" in " ".join(checked.out.split()), checked.out


@pytest.mark.parametrize("between", ["# In general\n\n", ""])
def test_an_assumption_in_the_prose_holds_in_its_own_section(run, tmp_path, between):
    """"For $x > 0$" in one section does not prove `\\sqrt{x^2} = x` in the next
    ("# In general"); without a heading between them, it holds for both."""
    path = tmp_path / "scoped.md"
    path.write_text("# Positive part\n\nFor $x > 0$, the root undoes the square:\n\n"
                    "$$\\sqrt{x^2} = x$$\n\n" + between + "$$\\sqrt{x^2} = x$$\n")
    steps = run("check", "--format", "json", path).json()["files"][0]["steps"]
    statuses = [s["status"] for s in steps if s["kind"] != "start"]
    assert statuses == ["proved", "failed"] if between else set(statuses) == {"proved"}, steps
    imported = run("import", path)
    (tmp_path / "scoped.yaml").write_text(imported.out)
    assert run("check", tmp_path / "scoped.yaml").code == (1 if between else 0), imported.out


def test_the_import_writes_what_the_prose_says_of_a_matrix(run, tmp_path):
    notes = tmp_path / "spd.md"
    notes.write_text("# q\n\nLet $A \\in \\mathbb{R}^{n \\times n}$ be symmetric positive "
                     "definite and $x \\in \\mathbb{R}^n$.\n\n$$\\nabla_x x^\\top A x = 2Ax$$\n")
    imported = run("import", notes)
    assert "A: {kind: matrix, shape: [n, n], symmetric: true, positive_definite: true}" \
        in imported.out, imported.out
    (tmp_path / "spd.yaml").write_text(imported.out)
    assert run("check", tmp_path / "spd.yaml").code == 0      # as the notes are checked


def test_a_counterexample_gives_sizes_and_entries(run):
    result = run("check", "--format", "json", COOKBOOK / "logdet_slip.md")
    failed = next(s for s in result.json()["files"][0]["steps"] if s["status"] == "failed")
    point = failed["counterexample"]["point"]
    assert point["n"] == "2" and point["X"].startswith("[[")


def test_the_layout_is_said(run):
    result = run("check", COOKBOOK / "lsq.md")
    assert "denominator layout" in result.out
    assert "∇_w (1 / 2) ‖Xw − y‖²" in result.out and "Xᵀ(Xw − y)" in result.out


def test_the_html_report_shows_matrix_notation(run):
    result = run("check", "--format", "html", COOKBOOK / "lsq.md")
    assert result.code == 0
    assert "‖Xw − y‖²" in result.out and "Xᵀ(Xw − y)" in result.out    # the text beside the MathML
    assert "<math" in result.out and "denominator layout" in result.out


# -- the second reading (evaluate/matrix.py) ----------------------------------------

SQUARE = document.Scope((
    document.SymbolDecl(("A", "B"), "matrix", (), None, 1,
                        shape=(document.Math("n", 1), document.Math("n", 1))),
    document.SymbolDecl(("x",), "vector", (), None, 1, shape=(document.Math("n", 1),)),
    document.SymbolDecl(("S",), "matrix", (), None, 1,
                        shape=(document.Math("n", 1), document.Math("n", 1)),
                        properties=("symmetric",)),
))


def _task(before, after, spec=SQUARE, when=()):
    return Task("compare", spec, tuple(document.Math(w, 1) for w in when),
                document.Math(before, 1), document.Math(after, 2), 20.0)


@pytest.mark.parametrize("before, true, false", [
    ("(A B)^\\top", "B^\\top A^\\top", "A^\\top B^\\top"),
    ("(A B)^{-1}", "B^{-1} A^{-1}", "A^{-1} B^{-1}"),
    ("\\nabla_x x^\\top A x", "(A + A^\\top) x", "2 A x"),
    ("\\nabla_x x^\\top S x", "2 S x", "S x"),
    ("\\frac{\\partial}{\\partial A} \\operatorname{tr}(A B)", "B^\\top", "B"),
    ("\\frac{\\partial}{\\partial A} \\log \\det A", "A^{-\\top}", "A^{-1}"),
    ("\\nabla^2_x \\frac{1}{2} \\|A x\\|^2", "A^\\top A", "A A^\\top"),
    ("\\operatorname{tr}(A \\otimes B)", "\\operatorname{tr}(A) \\operatorname{tr}(B)",
     "\\operatorname{tr}(A) + \\operatorname{tr}(B)"),
    ("x^\\top \\mathbf{1}", "\\sum_{i=1}^{n} x_i", "\\sum_{i=1}^{n} x_i^2"),
])
def test_the_evaluator_reads_matrices_on_its_own(before, true, false):
    assert matrix_check(_task(before, true)).kind == "agree"
    wrong = matrix_check(_task(before, false))
    assert wrong.kind == "differ" and wrong.point["n"] != "1", wrong


PAIRED = document.Scope((
    document.SymbolDecl(("A", "B", "C"), "matrix", (), None, 1,
                        shape=(document.Math("n", 1), document.Math("n", 1))),
    document.SymbolDecl(("x", "y"), "vector", (), None, 1, shape=(document.Math("n", 1),)),
))


@pytest.mark.parametrize("before, true, false", [
    # a 1×1 product is the number it holds, and traces are compared in one form
    ("\\|x\\|^2", "x^\\top x", "x^\\top y"),
    ("\\|x\\|_2^2", "x^\\top x", "2 x^\\top x"),
    ("\\|x + y\\|^2", "x^\\top x + 2 y^\\top x + y^\\top y", "x^\\top x + y^\\top x + y^\\top y"),
    ("x^\\top A y", "y^\\top A^\\top x", "y^\\top A x"),
    ("\\operatorname{tr}(A B C)", "\\operatorname{tr}(C A B)", "\\operatorname{tr}(B A C)"),
    ("\\operatorname{tr}(A B)", "\\operatorname{tr}(B^\\top A^\\top)", "\\operatorname{tr}(A^\\top B)"),
    ("\\|A\\|_F^2", "\\operatorname{tr}(A A^\\top)", "\\operatorname{tr}(A A)"),
    # `\\cdot` between two vectors is their inner product (`\\times` is not read so)
    ("\\|x + y\\|^2", "\\|x\\|^2 + 2 x \\cdot y + \\|y\\|^2", "\\|x\\|^2 + x \\cdot y + \\|y\\|^2"),
    ("x \\cdot y", "y^\\top x", "x^\\top A y"),
    ("(A x) \\cdot y", "x^\\top A^\\top y", "x^\\top A y"),
])
def test_numbers_made_of_vectors_are_proved_and_their_slips_fail(before, true, false):
    proved = run_task(_task(before, true, PAIRED))
    assert (proved.status, proved.cross_checked) == ("proved", True), proved
    assert run_task(_task(before, false, PAIRED)).status == "failed"


def test_a_symmetric_declaration_is_drawn_symmetric():
    assert matrix_check(_task("S^\\top", "S")).kind == "agree"
    assert matrix_check(_task("A^\\top", "A")).kind == "differ"


def test_a_planted_reading_error_in_the_symbolic_path_is_caught(monkeypatch):
    """The SymPy readings (symbolic and explicit) share MatrixReader: plant a
    reading error there (a transpose read as nothing) and the evaluator,
    which reads the parse tree on its own, refuses both verdicts it gives."""
    from derive_ce.decide.build import matrix as build

    original = build.MatrixReader.rule_pow

    def no_transpose(self, node, base, sup):
        if self.sup_kind(sup) == "T":
            return self.read(base)
        return original(self, node, base, sup)
    monkeypatch.setattr(build.MatrixReader, "rule_pow", no_transpose)
    wrong = run_task(_task("A^\\top B", "A B"))            # false, proved by the planted path
    assert (wrong.status, wrong.method) == ("unknown", "disagree"), wrong
    assert "the symbolic path says proved" in wrong.message
    right = run_task(_task("(A B)^\\top", "B^\\top A^\\top"))   # true, failed by it
    assert (right.status, right.method) == ("unknown", "disagree"), right
    monkeypatch.undo()
    assert run_task(_task("A^\\top B", "A B")).status == "failed"
    assert run_task(_task("(A B)^\\top", "B^\\top A^\\top")).cross_checked is True


def test_a_proof_both_readings_agree_on_skips_the_explicit_instances(monkeypatch):
    """SymPy's proof for every size, and the evaluator equal at its instances:
    the explicit SymPy instances are not drawn (their time went to steps both
    readings had settled).  A step SymPy does not prove, or whose proof the
    evaluator does not confirm, still gets them."""
    from derive_ce.decide import matrices

    drawn = []
    explicit = matrices._explicit
    monkeypatch.setattr(matrices, "_explicit", lambda *a: drawn.append(a[1].b.text) or explicit(*a))
    proved = run_task(_task("(A B)^\\top", "B^\\top A^\\top"))
    assert (proved.status, proved.method, proved.cross_checked) == ("proved", "matrix", True)
    assert drawn == []
    assert run_task(_task("(A B)^\\top", "A^\\top B^\\top")).status == "failed"
    assert drawn == ["A^\\top B^\\top"]
    monkeypatch.setattr(matrices, "_evaluated", lambda task, left: Outcome("unchecked", reason="off"))
    alone = run_task(_task("(A B)^\\top", "B^\\top A^\\top"))
    assert (alone.status, alone.cross_checked) == ("proved", False)
    assert drawn[-1] == "B^\\top A^\\top"          # not confirmed: the instances were drawn


# -- YAML twins: cases, \otimes, \mathbf{1} and sizes from use ---------------------

TWINS = COOKBOOK / "yaml"
ATTACK = Path(__file__).parent / "attack16"
PAIRS = [TWINS / p.name.replace(".true.yaml", "") for p in sorted(TWINS.glob("*.true.yaml"))] \
    + [ATTACK / n for n in ("transpose_notation", "norm_notation")]


@pytest.fixture(scope="module")
def twins():
    files = [Path(f"{p}.{kind}.yaml") for p in PAIRS for kind in ("true", "false")] \
        + sorted(TWINS.glob("*.refused.*"))
    checked = check(files, Options(budget=60.0, jobs=2, cache_dir=None))
    return {Path(r.path).name: r for r in checked}


def _marked(path: Path) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1)
                if "expect: failed" in line)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_a_yaml_twin_verifies_and_its_false_twin_fails_on_its_line(twins, pair):
    true, false = twins[f"{pair.name}.true.yaml"], twins[f"{pair.name}.false.yaml"]
    assert true.ok(strict=False), [(r.line, r.status, r.message) for r in true.records]
    assert all(r.cross_checked for r in true.records[1:] if r.status in ("proved", "numeric")
               ), true.records
    failed = [r for r in false.records if not r.passing(strict=False)]
    assert failed and failed[0].status == "failed", false.records
    assert failed[0].line == _marked(Path(f"{pair}.false.yaml")), failed[0]


@pytest.mark.parametrize("name, fix", [
    ("ones_unsized.refused.yaml", "`\\mathbf{1}_n`"),
    ("size_not_determined.refused.yaml", "x: {kind: vector, size: n}"),
    ("size_two_ranges.refused.md", "$x \\in \\mathbb{R}^n$"),
])
def test_a_size_nothing_determines_is_refused_naming_the_fix(twins, name, fix):
    errors = [r for r in twins[name].records if r.status == "error"]
    assert errors and fix in errors[0].message, twins[name].records


def test_the_evaluator_follows_the_layout():
    numerator = document.Scope(SQUARE.symbols, layout="numerator")
    assert matrix_check(_task("\\frac{\\partial}{\\partial x} x^\\top A x",
                              "x^\\top (A + A^\\top)", numerator)).kind == "agree"
    assert matrix_check(_task("\\frac{\\partial}{\\partial x} x^\\top A x",
                              "(A + A^\\top) x", numerator)).kind == "differ"
    assert matrix_check(_task("\\nabla_x x^\\top A x", "(A + A^\\top) x", numerator)).kind \
        == "agree"


def test_the_evaluator_refuses_what_it_cannot_instantiate():
    huge = document.Scope((document.SymbolDecl(("A",), "matrix", (), None, 1,
                                               shape=(document.Math("1000", 1),) * 2),))
    found = matrix_check(_task("A^\\top", "A", huge))
    assert found.kind == "unchecked" and "1000" in found.reason


def test_a_cross_product_is_refused_by_name():
    verdict = run_task(_task("\\|x \\times y\\|^2", "\\|x\\|^2 \\|y\\|^2 - (x \\cdot y)^2", PAIRED))
    assert verdict.status == "error" and "the cross product" in verdict.message, verdict
