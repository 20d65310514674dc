"""The command line: exit codes, the three formats, paths, no traceback."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

EXAMPLES = Path(__file__).parent / "examples"
PASS = EXAMPLES / "pass" / "sigmoid.yaml"
FAIL = EXAMPLES / "fail" / "sign_flip.yaml"
BAD = EXAMPLES / "bad" / "unknown_macro.yaml"


def test_text_output_shows_steps_marks_why_and_summary(run):
    result = run("check", ROOT / "derivations" / "ce.yaml")
    assert result.code == 0
    assert "Manual backpropagation through cross-entropy loss" in result.out
    assert "case γ = i" in result.out and "case γ ≠ i" in result.out
    assert "✓   19  = d/dL_i −ln(e^(L_γ) / (Σⱼ₌₁ e^(L_j)))" in result.out
    assert "| chain rule" in result.out
    assert "result pᵢ − 1" in result.out
    assert "all steps hold: 20 proved (1 file)" in result.out
    assert "\x1b[" not in result.out          # NO_COLOR / not a terminal: plain text


def test_failure_shows_reason_and_counterexample(run):
    result = run("check", FAIL)
    assert result.code == 1
    assert "✗" in result.out and "failed: not equal at x = " in result.out
    assert "previous step = " in result.out and "this step = " in result.out


def test_json_matches_the_contract(run):
    result = run("check", "--format", "json", ROOT / "derivations" / "ce.yaml")
    doc = json.loads(result.out)
    (entry,) = doc["files"]
    assert entry["ok"] is True and entry["error"] is None
    assert entry["path"].endswith("derivations/ce.yaml")
    first = entry["steps"][0]
    assert first["line"] == 19 and first["case"] == [] and first["kind"] == "step"
    assert first["status"] == "proved" and first["why"] == "chain rule"
    results = [s for s in entry["steps"] if s["kind"] == "result"]
    assert [(r["case"], r["status"]) for r in results] == [
        (["\\gamma = i"], "proved"), (["\\gamma \\neq i"], "proved")]
    assert doc["summary"]["proved"] == 20 and doc["summary"]["exit_code"] == 0


def test_json_for_a_file_that_cannot_be_used(run, tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text("stpes:\n  - x\n")
    result = run("check", "--format", "json", path)
    (entry,) = result.json()["files"]
    assert result.code == 2
    assert entry["ok"] is False and entry["steps"] == []
    assert entry["error"].startswith("line 1: unknown key `stpes`")


def test_github_annotations(run):
    result = run("check", "--format", "github", FAIL, BAD)
    lines = result.out.splitlines()
    assert result.code == 2
    assert any(l.startswith(f"::error file={FAIL},line=4,title=derive-ce::failed: not equal")
               for l in lines)
    assert any(l.startswith(f"::error file={BAD},line=4,title=derive-ce::error: line 4: unknown LaTeX command")
               for l in lines)
    assert all("\n" not in l for l in lines)


def test_exit_codes_combine(run):
    assert run("check", PASS).code == 0
    assert run("check", PASS, FAIL).code == 1
    assert run("check", PASS, FAIL, BAD).code == 2


def test_strict_fails_numeric_steps(run, tmp_path):
    path = tmp_path / "numeric.yaml"
    # true for every real x, but no rung of the ladder brings it to zero
    path.write_text("steps:\n  - \\sqrt{x^2 + 2x + 1}\n  - = |x + 1|\n")
    normal = run("check", "--format", "json", path)
    assert [s["status"] for s in normal.json()["files"][0]["steps"]] == ["numeric"]
    assert normal.code == 0
    strict = run("check", "--strict", "--format", "json", path)
    assert strict.code == 1 and strict.json()["files"][0]["ok"] is False
    github = run("check", "--strict", "--format", "github", path)
    assert github.out.startswith(f"::error file={path},line=3,title=derive-ce::numeric: ")


def test_folders_are_searched_for_yaml(run, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text("steps:\n  - x + x\n  - = 2x\n")
    (tmp_path / "b.yml").write_text("steps:\n  - x x\n  - = x^2\n")
    (tmp_path / "notes.txt").write_text("not a derivation")
    result = run("check", "--format", "json", tmp_path)
    assert result.code == 0
    assert [Path(f["path"]).name for f in result.json()["files"]] == ["b.yml", "a.yaml"]


def test_missing_paths_and_empty_folders(run, tmp_path):
    result = run("check", "--format", "json", tmp_path / "nope.yaml", tmp_path)
    assert result.code == 2
    errors = [f["error"] for f in result.json()["files"]]
    assert errors == ["file not found", "no *.yaml or *.yml files in this folder"]


def test_usage_errors_exit_2_without_traceback(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)     # no derivations/ folder: `check` alone has nothing to check
    for args in (("check",), ("check", "--format", "xml", PASS), ("frobnicate",),
                 ("check", "--timeout", "-1", PASS)):
        result = run(*args)
        assert result.code == 2, args
        assert "Traceback" not in result.out + result.err


def test_version(run):
    result = run("--version")
    assert result.code == 0 and result.out.startswith("derive-ce ")


def test_python_dash_m_and_console_script():
    proc = subprocess.run([sys.executable, "-m", "derive_ce", "check", "--no-cache", str(PASS)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "all steps hold" in proc.stdout


def test_cache_gives_the_same_answer(run, tmp_path):
    cache = tmp_path / "cache"
    first = run("check", "--format", "json", "--cache-dir", cache, FAIL)
    assert list(cache.rglob("*.json")), "verdicts were not stored"
    again = run("check", "--format", "json", "--cache-dir", cache, FAIL)
    assert first.code == again.code == 1
    strip = lambda r: [{k: v for k, v in s.items() if k != "method"} for s in r.json()["files"][0]["steps"]]
    assert strip(first) == strip(again)
    assert (cache / ".gitignore").read_text().strip().endswith("*")


MATRIX = """title: 2Sx
symbols:
  x: {kind: vector, size: n}
  S: {kind: matrix, shape: [n, n]%s}
%ssteps:
  - \\nabla_x x^T S x
  - = 2 S x
"""


def test_a_cached_verdict_is_never_met_by_another_matrix_declaration(run, tmp_path):
    """The same step, S declared symmetric (proved), then not: the verdict stored for
    the first is not the second's (the cache key held no shape or properties, and a
    reading twin was proved from the cache)."""
    cache = tmp_path / "cache"
    (tmp_path / "a.yaml").write_text(MATRIX % (", symmetric: true", ""))
    (tmp_path / "b.yaml").write_text(MATRIX % ("", ""))
    proved = run("check", "--format", "json", "--cache-dir", cache, tmp_path / "a.yaml")
    assert proved.code == 0, proved.out
    failed = run("check", "--format", "json", "--cache-dir", cache, tmp_path / "b.yaml")
    assert failed.code == 1, failed.out


def test_a_bad_step_is_an_error_and_the_rest_is_still_checked(run, tmp_path):
    path = tmp_path / "partly.yaml"
    path.write_text("steps:\n  - x^2\n  - = \\foo{x}\n  - = x \\cdot x\n  - = x x\n  - = 2x\n")
    result = run("check", "--format", "json", path)
    steps = result.json()["files"][0]["steps"]
    assert result.code == 2
    assert [(s["line"], s["status"]) for s in steps] == [
        (3, "error"), (4, "unknown"), (5, "proved"), (6, "failed")]
    assert steps[1]["message"] == "not checked: the expression before it could not be read"


def test_a_step_not_checked_says_why_when_its_predecessor_fails_only_in_the_case(run, tmp_path):
    """d²/dx² x²|x| reads everywhere but at the kink x = 0: under `when: x = 0`
    the start has no error record of its own, so the reason goes with the step."""
    path = tmp_path / "kink.yaml"
    path.write_text("steps:\n  - \\frac{d^{2}}{dx^{2}} x^{2}|x|\ncases:\n  - when: x = 0\n"
                    "    steps:\n      - = 0\n")
    steps = run("check", "--format", "json", path).json()["files"][0]["steps"]
    assert [(s["line"], s["status"]) for s in steps] == [(6, "unknown")]
    assert steps[0]["message"].startswith("not checked: the expression before it could not be "
                                          "read here: not differentiable at x = 0")


def test_help_is_printed_as_written(run):
    import re
    out = run("check", "--help").out
    assert "[tool.derive-ce]" in out                     # not taken for markup
    assert re.search(r"--format FORMAT\s+text \(for people\)", out)
    assert "╭" not in out


def test_concise_format_is_one_line_per_problem(run):
    import re
    result = run("check", "--format", "concise", ROOT / "tests/examples/fail/sign_flip.yaml",
                 ROOT / "tests/examples/bad/yaml_syntax.yaml")
    lines = result.out.splitlines()
    assert re.fullmatch(r".*sign_flip\.yaml:4:\d+: failed: not equal at x = 1: .*a sign slipped\)",
                        lines[0])
    assert re.fullmatch(r".*yaml_syntax\.yaml:\d+:1: error: .*", lines[1])
    assert lines[-1].endswith("(exit 2)") and len(lines) == 3
