"""The independent evaluator (evaluate/) as users meet it: true and false twins
of issue 16's classes, kinks, `proved (not cross-checked: …)` and --strict,
and the two readings never disagreeing on the library or any test example.

tests/examples/evaluate/NAME.false.yaml holds a false step marked
`# expect: failed`: never proved or numeric, and the first step that does not
pass.  NAME.true.yaml is its true twin: every step proved or numeric.
"""

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, marker_line
from derive_ce.cli import main

PAIRS = ROOT / "tests" / "examples" / "evaluate"
FILES = sorted(PAIRS.glob("*.yaml"))
UNCHECKED = ROOT / "tests" / "examples" / "evaluate_unchecked" / "infinite_series.yaml"


@pytest.fixture(scope="module")
def reports() -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--no-cache", "--format", "json", str(PAIRS)])
    return {Path(f["path"]).name: f for f in json.loads(out.getvalue())["files"]}


def test_every_pair_has_both_twins():
    names = {p.name.rsplit(".", 2)[0] for p in FILES}
    assert len(names) >= 18
    for name in names:
        assert (PAIRS / f"{name}.true.yaml").exists() and (PAIRS / f"{name}.false.yaml").exists()


@pytest.mark.parametrize("path", [p for p in FILES if p.name.endswith(".false.yaml")],
                         ids=lambda p: p.name)
def test_false_twin_is_never_accepted(reports, path):
    report = reports[path.name]
    want = marker_line(path, "failed")
    bad = [s for s in report["steps"] if s["status"] not in ("proved", "numeric")]
    assert bad and bad[0]["line"] == want, report["steps"]
    assert bad[0]["status"] in ("failed", "unknown")


@pytest.mark.parametrize("path", [p for p in FILES if p.name.endswith(".true.yaml")],
                         ids=lambda p: p.name)
def test_true_twin_verifies_and_is_cross_checked(reports, path):
    report = reports[path.name]
    assert report["ok"] and report["steps"], report
    for step in report["steps"]:
        assert step["status"] in ("proved", "numeric"), step
        assert step.get("cross_checked") is True, step


def test_a_kink_is_reported_never_smoothed(reports):
    (step,) = [s for s in reports["kink_abs.false.yaml"]["steps"] if s["status"] != "proved"]
    assert step["status"] == "unknown"
    assert "not differentiable" in step["message"], step


def test_a_refuted_step_names_its_instance(reports):
    (step,) = [s for s in reports["empty_sum.false.yaml"]["steps"] if s["status"] == "failed"]
    assert step["message"].startswith("not equal at n = 1: left = 0, right = -1")
    assert step["counterexample"]["point"] == {"n": "1"}


def test_not_cross_checked_is_said_and_strict_fails_it(run):
    result = run("check", "--format", "json", UNCHECKED)
    (step,) = result.json()["files"][0]["steps"]
    assert result.code == 0
    assert step["status"] == "proved" and step["cross_checked"] is False
    assert step["message"].startswith("proved (not cross-checked: ∞")
    strict = run("check", "--strict", "--format", "json", UNCHECKED)
    assert strict.code == 1 and not strict.json()["files"][0]["ok"]


# Steps where the two readings are known to disagree.  This list may only
# shrink, and it is empty: the symbolic path's old SymPy conventions (Karr's
# empty sums, a decimal lattice in sampling) are gone, and the chain rule
# through an abstract f(g(x)) agrees to all 50 digits since a declared
# function's coefficients are the same at every precision.
KNOWN: set = set()


def test_the_two_readings_never_disagree():
    """Over the library and the test examples no batch fixture runs, with the
    symbolic ladder run even where the evaluator refutes: a disagreement is a bug."""
    # the red team, the reading twins, the matrix cookbook, the real notes and every notes
    # file of tests/test_notes.py are run with both readings by their own batch fixtures;
    # heldout24-26 are held out, unseen; heldout22-23 are measured, and run here; the
    # library is run with both readings by tests/test_library.py
    # (a folder is read recursively for *.yaml: `tests/notes` would re-run every notes
    # import, which tests/test_notes.py runs with both readings, and refuse ~300
    # verdict and expect files; only the matrix twins are not run elsewhere so)
    folders = ["tests/examples/pass", "tests/examples/fail",
               "tests/examples/evaluate", "tests/notes/matrix"]
    folders += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "notes").rglob("*")
                      if p.suffix in (".md", ".tex", ".txt")
                      and p.relative_to(ROOT / "tests" / "notes").parts[0] in ("heldout22",
                                                                                "heldout23"))
    env = {**os.environ, "DERIVE_CE_BOTH_READINGS": "1", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "derive_ce", "check", "--no-cache", "-j", "2",
                           "--format", "json", *folders], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1500)
    files = json.loads(done.stdout)["files"]
    assert len(files) > 100
    found = {(Path(f["path"]).name, s["line"]) for f in files for s in f["steps"]
             if "the two readings disagree" in s["message"]}
    assert found <= KNOWN, sorted(found - KNOWN)
