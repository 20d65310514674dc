"""Resource attacks: every file gets an answer, none takes the run down."""

import json
from pathlib import Path

import pytest

from conftest import ROOT

GOOD = ROOT / "derivations" / "ce.yaml"


@pytest.mark.parametrize("name, text, message", [
    ("deep_latex", "steps:\n  - x\n  - = " + "{" * 2000 + "x" + "}" * 2000 + "\n",
     "brackets are nested more than 60 deep"),
    ("deep_left", "steps:\n  - x\n  - = " + "\\left(" * 300 + "x" + "\\right)" * 300 + "\n",
     "nested more than 60 deep"),
    ("long_latex", "steps:\n  - x\n  - = " + "x + " * 3000 + "x\n", "longer than 5000 characters"),
    ("deep_expr", "steps:\n  - expr: x\n  - expr: \"" + "(" * 1000 + "x" + ")" * 1000 + "\"\n",
     "cannot read the expression"),
    ("deep_yaml", "steps: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ("huge_file", "steps:\n" + "  - x + 1\n" * 120_000, "larger than 1000000 bytes"),
    ("many_nodes", "steps: [" + "x, " * 25_000 + "x]\n", "more than 20000 YAML nodes"),
])
def test_oversized_input_is_refused_with_a_message(run, tmp_path, name, text, message):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    result = run("check", "--format", "json", path)
    assert result.code == 2
    report = result.json()["files"][0]
    messages = [str(report["error"])] + [s["message"] for s in report["steps"]]
    assert any(message in m for m in messages), messages
    assert "Traceback" not in result.out + result.err


@pytest.mark.parametrize("step, message", [
    ("1000000!", "1000000! is too large to work with exactly"),
    ("10^{10^{10}}", "the number 10^10000000000 is too large"),
    ("2^{2^{2^{2^{2^{2}}}}}", "is too large to work with exactly"),
])
def test_numbers_too_large_to_hold_are_refused(run, tmp_path, step, message):
    path = tmp_path / "attack.yaml"
    path.write_text(f"steps:\n  - x\n  - = {step}\n  - = x\n")
    result = run("check", "--format", "json", path)
    steps = result.json()["files"][0]["steps"]
    assert result.code == 2
    assert steps[0]["status"] == "error" and message in steps[0]["message"]
    assert steps[0]["line"] == 3


@pytest.mark.parametrize("step", [
    "(x+1)^{100000} - (x+1)^{99999} (x + 1) + (x + 1)^{100000}",
    "\\sum_{k=1}^{100000000} \\frac{1}{k^2 + x^2}",
    "\\left(x + y + z + 1\\right)^{5000} - (x + 1)^{5000}",
])
def test_a_pathological_step_is_bounded_and_other_files_still_verify(run, tmp_path, step):
    path = tmp_path / "attack.yaml"
    path.write_text(f"steps:\n  - x\n  - = {step}\n")
    result = run("check", "--format", "json", "--timeout", "2", path, GOOD)
    doc = json.loads(result.out)
    attack, good = doc["files"]
    assert result.code == 1
    assert [s["status"] for s in attack["steps"]] in (["unknown"], ["failed"])
    assert good["ok"] is True


def test_reading_a_file_is_bounded_and_the_file_refused(run, tmp_path, monkeypatch):
    """The notes reader runs in the main process: a search that backtracks on
    a stranger's row (as a why-column pattern once did) must end in a refusal
    with exit 2 and a message, never in a hang; the other files still verify."""
    import time

    from derive_ce.run import checker
    slow = tmp_path / "slow.md"
    slow.write_text("# q\n\n$$x = x$$\n")
    load = checker._load

    def spinning(path, data):
        if Path(path).name == "slow.md":
            while True:
                pass
        return load(path, data)
    monkeypatch.setattr(checker, "_load", spinning)
    monkeypatch.setattr(checker, "READ_SECONDS", 0.5)
    start = time.process_time()
    result = run("check", "--format", "json", slow, GOOD)
    assert time.process_time() - start < 30
    assert result.code == 2
    refused, good = result.json()["files"]
    assert "reading this file took more than 0.5 s of CPU" in refused["error"], refused
    assert good["ok"] is True


@pytest.mark.parametrize("row", ["= x" + " \\quad" * 20_000 + " \\text{a b} + = ",
                                 "= x" + " " * 100_000 + "y",
                                 "= x" + " \\text{a b}" * 10_000])
def test_the_why_column_search_is_linear(row):
    import time

    from derive_ce.read.notes.segments import split_why
    start = time.process_time()
    split_why(row)
    assert time.process_time() - start < 2.0


def test_a_row_of_commands_after_an_open_bracket_reads_at_once(run, tmp_path):
    """`f(\\boldsymbol{\\Sigma}_2^{-1}…` with no closing bracket: the notes reader's
    pattern for `p(y | x)` split each command's letters between the command and
    the letters after it, two ways per letter: 4 commands took 3 s, 8 more than
    the 20 s reading bound (a published KL derivation was refused so)."""
    notes = tmp_path / "kl.md"
    notes.write_text("$$ a = f(" + "\\boldsymbol{\\Sigma}_2^{-1}" * 8 + " + b $$\n"
                     "$$ x + x = 2x $$\n")
    result = run("check", "--format", "json", notes)
    report = result.json()["files"][0]
    assert "took more than" not in str(report["error"])
    assert [s["status"] for s in report["steps"] if s["line"] == 2] == ["proved"]
