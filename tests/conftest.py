import contextlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from derive_ce.cli import main

# Workers forked from a process whose string-hash seed is not fixed start again under a
# fixed one (derive_ce/run/workers.py); the suite's own seed is fixed by this variable, so
# that forked workers keep what a test monkeypatches in this process.
os.environ.setdefault("PYTHONHASHSEED", "0")

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """Run the CLI in-process: run('check', path, ...) -> Run(code, out, err)."""
    monkeypatch.setenv("NO_COLOR", "1")

    def _run(*args: str, cache: bool = False) -> Run:
        argv = [str(a) for a in args]
        if not cache and argv[:1] == ["check"] and "--cache-dir" not in argv:
            argv.append("--no-cache")
        code = main(argv)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return _run


def marker_line(path: Path, word: str) -> int | None:
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        if f"# expect: {word}" in line:
            return number
    return None


@contextlib.contextmanager
def both_readings():
    """Around one batch run: the symbolic ladder runs even where the evaluator
    refutes (derive_ce/decide/engine.py), so a disagreement of the two readings
    shows as `unknown: the two readings disagree`; every other verdict is what it
    is without it.  The batch fixtures run this way, so the check costs no run
    of its own."""
    old = os.environ.get("DERIVE_CE_BOTH_READINGS")
    os.environ["DERIVE_CE_BOTH_READINGS"] = "1"
    try:
        yield
    finally:
        if old is None:
            del os.environ["DERIVE_CE_BOTH_READINGS"]
        else:
            os.environ["DERIVE_CE_BOTH_READINGS"] = old


def disagreements(reports) -> list[tuple[str, int]]:
    """(file, line) of every record where the two readings disagree, over file
    reports (derive_ce.results.FileReport) or the JSON report's files."""
    found = []
    for report in reports:
        if isinstance(report, dict):
            found += [(Path(report["path"]).name, s["line"]) for s in report["steps"]
                      if "the two readings disagree" in s["message"]]
        else:
            found += [(Path(report.path).name, r.line) for r in report.records
                      if "the two readings disagree" in r.message]
    return sorted(found)


def batch(paths, cache: Path) -> list[dict]:
    """One `check` over many files in this process, both readings asked for, with a
    verdict cache (a copy of a file re-decides only what differs): the JSON reports."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), both_readings():
        main(["check", "--cache-dir", str(cache), "--format", "json", *map(str, paths)])
    return json.loads(out.getvalue())["files"]
