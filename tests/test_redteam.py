"""Red team: attack derivations aimed at the engine's edges, in pairs.

tests/examples/redteam/NAME.false.yaml holds a false step, marked
`# expect: failed`: it must never be proved or numeric, and the file must
exit 1 with its first failing record on that line.  NAME.true.yaml is its
true twin: it must verify (exit 0, every record proved or numeric).  The
classes: capture in substitution, bound indices and their own ranges,
dependent bounds in double sums, case values before derivatives, sampling
(sizes, magnitudes, tolerance, constants, unknown functions, conditions).
"""

from pathlib import Path

import pytest

from conftest import batch, disagreements, marker_line

ROOT = Path(__file__).parent / "examples" / "redteam"
FILES = sorted(ROOT.glob("*.yaml"))


def _checked(folder: Path, cache: Path) -> dict:
    """The true twins, then the false ones, with both readings and one fresh verdict
    cache (a false twin re-decides only the comparisons its slip changed): name -> report."""
    found = {}
    for twins in ("*.true.yaml", "*.false.yaml"):
        found.update({Path(f["path"]).name: f for f in batch(sorted(folder.glob(twins)), cache)})
    return found


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict:
    return _checked(ROOT, tmp_path_factory.mktemp("redteam-cache"))


def test_the_two_readings_agree_on_every_attack(reports):
    """The run above asks for both readings: a disagreement is a bug."""
    assert disagreements(reports.values()) == []


def test_every_attack_has_both_twins():
    names = {p.name.rsplit(".", 2)[0] for p in FILES}
    assert len(names) >= 40
    for name in names:
        assert (ROOT / f"{name}.true.yaml").exists() and (ROOT / f"{name}.false.yaml").exists()


@pytest.mark.parametrize("path", [p for p in FILES if p.name.endswith(".false.yaml")],
                         ids=lambda p: p.name)
def test_false_twin_is_never_accepted(reports, path):
    report = reports[path.name]
    want = marker_line(path, "failed")
    marked = [s for s in report["steps"] if s["line"] == want]
    assert marked and all(s["status"] not in ("proved", "numeric") for s in marked), marked
    bad = [s for s in report["steps"] if s["status"] not in ("proved", "numeric")]
    assert bad[0]["line"] == want, bad


@pytest.mark.parametrize("path", [p for p in FILES if p.name.endswith(".true.yaml")],
                         ids=lambda p: p.name)
def test_true_twin_verifies(reports, path):
    report = reports[path.name]
    assert report["ok"] and report["steps"], report
    assert all(s["status"] in ("proved", "numeric") for s in report["steps"]), report["steps"]


# Pairs whose true twin SymPy cannot prove and sampling may not call numeric
# (a floor of an integer turns where no sampling is sure to look; a vector
# inside a sign jumps where random entries never fall): the false
# twin is never accepted, the true twin is never failed, and an `unknown`
# says why.
UNDECIDED = Path(__file__).parent / "examples" / "undecided"


@pytest.fixture(scope="module")
def undecided(tmp_path_factory) -> dict:
    return _checked(UNDECIDED, tmp_path_factory.mktemp("undecided-cache"))


@pytest.mark.parametrize("path", sorted(UNDECIDED.glob("*.yaml")), ids=lambda p: p.name)
def test_undecided_pair_is_never_misjudged(undecided, path):
    report = undecided[path.name]
    assert disagreements([report]) == []
    if path.name.endswith(".false.yaml"):
        want = marker_line(path, "failed")
        marked = [s for s in report["steps"] if s["line"] == want]
        assert marked and all(s["status"] not in ("proved", "numeric") for s in marked), marked
    else:
        assert report["steps"] and all(s["status"] in ("proved", "numeric", "unknown")
                                       for s in report["steps"]), report["steps"]
        why = ("decides nothing", "never meet where it jumps", "cannot show where it turns")
        for step in report["steps"]:
            assert step["status"] != "unknown" or any(w in step["message"] for w in why), step
