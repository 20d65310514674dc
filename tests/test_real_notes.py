"""Published derivations, checked where they live (issue 15's corpus).

tests/notes/real/ holds 40 derivations other people published, copied
verbatim with their address on the first line; tests/notes/heldout/ 8 more,
kept aside (not to be tuned on). NAME.expect.yaml says what a careful
reader sees: the derivations (line ranges), that they hold, whether the
file is in scope, and a planted slip (`slip:` a line and a replacement that
makes it false).

These tests assert what must hold today, never today's shortcomings:
- every file is read without a traceback, and a refusal names its line;
- no derivation with a planted slip verifies, and no step that reads the
  slipped expression is proved or numeric;
- the files in tests/notes/verifying.yaml (a ratchet) keep verifying
  unchanged: exit 0 with at least one step proved or numeric.
How many verify, and why the others do not, is measured by
benchmarks/notes.py.
"""

import re
from pathlib import Path

import pytest
import yaml

from conftest import both_readings, disagreements
from derive_ce.results import FileReport
from derive_ce.run.checker import Options, check
from derive_ce.run.paths import expand

NOTES = Path(__file__).parent / "notes"
SUFFIXES = (".md", ".tex", ".txt", ".ipynb")
PASSING = ("proved", "numeric")
RATCHET = NOTES / "verifying.yaml"


def _corpus() -> list[Path]:
    return sorted(p for folder in ("real", "heldout") for p in (NOTES / folder).iterdir()
                  if p.suffix in SUFFIXES)


def _expect(path: Path) -> dict:
    return yaml.safe_load(path.with_name(path.stem + ".expect.yaml").read_text())


def _slipped(path: Path, folder: Path) -> Path | None:
    slip = _expect(path).get("slip")
    if not slip:
        return None
    lines = path.read_text().split("\n")
    line = lines[slip["line"] - 1]
    assert slip["from"] in line, (path.name, slip)
    lines[slip["line"] - 1] = line.replace(slip["from"], slip["to"], 1)
    target = folder / path.parent.name / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines))
    return target


def _check(paths: list[Path], cache: Path) -> dict[str, FileReport]:
    with both_readings():
        reports = check(expand(paths), Options(budget=20.0, jobs=2, cache_dir=cache))
    return {Path(r.path).resolve().as_posix(): r for r in reports}


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One fresh verdict cache for the corpus and its slipped copies: a copy re-decides
    only the comparisons its slip changed."""
    return tmp_path_factory.mktemp("real-notes-cache")


@pytest.fixture(scope="module")
def reports(cache) -> dict[str, FileReport]:
    return _check(_corpus(), cache)


def test_the_two_readings_agree_on_the_corpus_and_its_slips(reports, slipped):
    """Both runs ask for both readings: a disagreement is a bug."""
    assert disagreements(reports.values()) == []
    assert disagreements(report for _, report in slipped.values()) == []


@pytest.fixture(scope="module")
def slipped(tmp_path_factory, cache, reports) -> dict[str, tuple[Path, FileReport]]:
    folder = tmp_path_factory.mktemp("slipped")
    copies = {p.name: c for p in _corpus() if (c := _slipped(p, folder))}
    checked = _check(list(copies.values()), cache)
    return {name: (copy, checked[copy.resolve().as_posix()]) for name, copy in copies.items()}


def _report(reports, path: Path) -> FileReport:
    return reports[path.resolve().as_posix()]


def _verifies(report: FileReport) -> bool:
    counted = [r for r in report.records if r.kind != "start"]
    return report.exit_code(strict=False) == 0 and any(r.status in PASSING for r in counted)


def _plain(latex: str) -> str:
    return re.sub(r"[\s$]|\\[,;!]", "", latex).rstrip(".,")


def test_the_corpus_has_its_size_and_its_sources():
    assert len([p for p in _corpus() if p.parent.name == "real"]) == 40
    assert len([p for p in _corpus() if p.parent.name == "heldout"]) == 8
    for path in _corpus():
        first = path.read_text().split("\n", 1)[0]
        assert re.match(r"(<!--|%) source: https?://\S+", first), path.name
        expect = _expect(path)
        assert expect["scope"] in ("in", "out"), path.name
        assert expect["scope"] == "in" or expect["out_of_scope"], path.name
        size = len(path.read_text().splitlines())
        for derivation in expect["derivations"]:
            first_line, last_line = derivation["lines"]
            assert 1 < first_line <= last_line <= size, (path.name, derivation)


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_read_without_a_traceback_and_refusals_name_their_line(reports, path):
    report = _report(reports, path)
    assert report.exit_code(strict=False) in (0, 1, 2)
    if report.error is not None:
        assert re.match(r"line \d+: ", report.error), report.error
        assert "Traceback" not in report.error
    for record in report.records:
        assert record.line >= 1
        if record.status == "error":
            assert record.message and "Traceback" not in record.message


@pytest.mark.parametrize("name", yaml.safe_load(RATCHET.read_text())["verifying"])
def test_files_that_verify_keep_verifying(reports, name):
    (path,) = [p for p in _corpus() if p.name == name]
    report = _report(reports, path)
    bad = [(r.line, r.status, r.message[:120]) for r in report.records if not r.passing(strict=False)]
    assert _verifies(report), report.error or bad


@pytest.mark.parametrize("path", [p for p in _corpus() if _expect(p).get("slip")],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_planted_slip_is_never_proved(slipped, path):
    slip = _expect(path)["slip"]
    copy, report = slipped[path.name]
    assert not _verifies(report), f"{path.name} verifies with a false line {slip['line']}"
    wrong = _plain(slip["to"])
    # A result record that restates its own row (against its own line) is not
    # a comparison; the steps around the slip are (issue 15, item 7).
    tainted = [r for r in report.records if r.line == slip["line"] and wrong in _plain(r.expr)
               and r.kind != "start" and not (r.kind == "result" and r.against == r.line)]
    proved = [(r.line, r.kind, r.expr) for r in tainted if r.status in PASSING]
    assert not proved, proved
