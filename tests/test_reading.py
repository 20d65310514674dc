"""Data-driven: every reading rule in tests/examples/reading/, each with twins.

pass/:   the true twin verifies: exit 0, every record proved or numeric.
fail/:   the false twin is caught: exit 1, the first failed record on the
         line marked `# expect: failed`, nothing failing before it.
refuse/: a line that could be read two ways (or not at all) is refused:
         exit 2, an error on the line marked `# expect: error`, with the
         message of the `# message:` comment.
The folder is checked in one run (one engine start) and judged per file.
"""

from pathlib import Path

import pytest

from conftest import both_readings, disagreements, marker_line
from derive_ce.results import FileReport
from derive_ce.run.checker import Options, check
from derive_ce.run.paths import expand

READING = Path(__file__).parent / "examples" / "reading"


def _files(kind: str) -> list[Path]:
    return sorted((READING / kind).glob("*.yaml"))


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, FileReport]:
    """The true twins, then the rest, with one fresh verdict cache: a false twin
    re-decides only the comparisons its slip changed."""
    cache = tmp_path_factory.mktemp("reading-cache")
    found = {}
    with both_readings():
        for part in (_files("pass"), [p for p in expand([READING]) if p.parent.name != "pass"]):
            checked = check(part, Options(budget=20.0, jobs=2, cache_dir=cache))
            found.update({Path(r.path).resolve().as_posix(): r for r in checked})
    return found


def test_the_two_readings_agree_on_every_reading(reports):
    """The run above asks for both readings: a disagreement is a bug."""
    assert disagreements(reports.values()) == []


def _report(reports, path: Path) -> FileReport:
    return reports[path.resolve().as_posix()]


def _message(path: Path) -> str | None:
    for line in path.read_text().splitlines():
        if line.startswith("# message: "):
            return line.removeprefix("# message: ")
    return None


def test_every_rule_has_both_twins():
    passing = {p.name for p in _files("pass")}
    failing = {p.name for p in _files("fail")}
    assert passing == failing, passing ^ failing


@pytest.mark.parametrize("path", _files("pass"), ids=lambda p: p.name)
def test_true_twin_verifies(reports, path):
    report = _report(reports, path)
    assert report.error is None, report.error
    bad = [r for r in report.records if not r.passing(strict=False)]
    assert report.records and not bad, [(r.line, r.status, r.message) for r in bad]


@pytest.mark.parametrize("path", _files("fail"), ids=lambda p: p.name)
def test_false_twin_fails_on_its_line(reports, path):
    report = _report(reports, path)
    assert report.exit_code(strict=False) == 1, report.error
    bad = [r for r in report.records if not r.passing(strict=False)]
    assert bad[0].line == marker_line(path, "failed"), [(r.line, r.status, r.message) for r in bad]
    assert bad[0].status == "failed", bad[0].message


@pytest.mark.parametrize("path", _files("refuse"), ids=lambda p: p.name)
def test_doubtful_line_is_refused(reports, path):
    report = _report(reports, path)
    assert report.exit_code(strict=False) == 2
    errors = [r for r in report.records if r.status == "error"]
    assert errors, report.error
    assert errors[0].line == marker_line(path, "error")
    assert _message(path) in errors[0].message, errors[0].message


def test_explain_shows_what_was_read(run):
    result = run("check", "--format", "json", "--explain",
                 READING / "pass" / "kronecker_softmax.yaml")
    steps = result.json()["files"][0]["steps"]
    assert result.code == 0
    assert all(s["reading"] for s in steps)
    assert "δ" in steps[0]["reading"]          # \delta_{ij} read as the Kronecker delta
    text = run("check", "--explain", READING / "pass" / "bracket_power.yaml").out
    assert "q⋅(1 - q)" in text                 # the power sits on the bracket alone


def test_a_failed_step_shows_both_readings(run):
    result = run("check", "--format", "json", READING / "fail" / "bracket_power.yaml")
    (failed,) = [s for s in result.json()["files"][0]["steps"] if s["status"] == "failed"]
    assert failed["readings"]["previous"]["shown"] and failed["readings"]["this"]["shown"]
    assert "reading" not in failed          # SymPy's drawing: only with --explain


def test_an_inferred_vector_is_said_once(reports):
    report = _report(reports, READING / "pass" / "undeclared_vector.yaml")
    notes = [r for r in report.records if "`x` is read as a vector" in r.message
             and r.kind != "start"]          # a chain start is not shown
    assert len(notes) == 1 and notes[0].kind == "step"
