"""Text output for people, the options that shape it, config and the API."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLES = Path(__file__).parent / "examples"
PASS = EXAMPLES / "pass" / "sigmoid.yaml"
FAIL = EXAMPLES / "fail" / "sign_flip.yaml"
GOOD = "title: good\nsteps:\n  - \\frac{d}{dx} x^2\n  - = 2x\n"
BAD = "title: slip\nsteps:\n  - \\frac{d}{dx} x^2\n  - = x\n"


def _script(code: str, *args, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd, env=env)


def test_plain_output_imports_neither_rich_nor_escape_codes(tmp_path):
    code = ("import sys; from derive_ce.cli import main; code = main(sys.argv[1:]);"
            "print('RICH' if 'rich' in sys.modules else 'NO-RICH')")
    proc = _script(code, "check", "--no-cache", str(PASS))
    assert "NO-RICH" in proc.stdout and "\x1b[" not in proc.stdout


def test_color_always_styles_and_never_does_not(run):
    coloured = run("check", "--color", "always", FAIL)
    assert "\x1b[" in coloured.out and "✗" in coloured.out
    plain = run("check", "--color", "never", FAIL)
    assert "\x1b[" not in plain.out


def test_no_color_wins_over_auto_even_on_a_terminal(monkeypatch):
    from derive_ce.report import View
    from derive_ce.report.text import _colour

    class Tty:
        def isatty(self):
            return True
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _colour(Tty(), View())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("TERM", raising=False)
    assert _colour(Tty(), View())
    assert _colour(Tty(), View(color="never")) is False


def test_latex_shows_the_source_as_typed(run):
    result = run("check", "--latex", FAIL)
    assert "= 2x e^{-x^2}" in result.out
    assert "2x e^(−x²)" in run("check", FAIL).out


def test_quiet_shows_failures_and_the_summary_only(run):
    result = run("check", "--quiet", PASS, FAIL)
    assert str(PASS) not in result.out and str(FAIL) in result.out
    assert "✓" not in result.out and "✗" in result.out
    assert "some steps do not hold: " in result.out


def test_long_steps_wrap_before_an_operator_with_a_hanging_indent(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    lines = run("check", ROOT / "derivations" / "ce.yaml").out.splitlines()
    assert all(len(line) <= 60 for line in lines if not line.startswith(str(ROOT)))
    step = lines.index(next(l for l in lines if "✓   26" in l))
    assert lines[step + 1].startswith(" " * 14) and lines[step + 1].strip()[0] in "+−·=/("


def test_whys_share_one_column(run):
    lines = run("check", ROOT / "derivations" / "ce.yaml").out.splitlines()
    columns = {line.index("| ") for line in lines if "| " in line and "|x|" not in line}
    assert len(columns) == 1


def test_short_and_long_options(run):
    assert run("-V").out.startswith("derive-ce ")
    assert "Usage" in run("-h").out and "--quiet" in run("check", "-h").out


def test_no_path_checks_derivations_folder(run, tmp_path, monkeypatch):
    (tmp_path / "derivations").mkdir()
    (tmp_path / "derivations" / "good.yaml").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.code == 0 and "good.yaml" in result.out


def test_no_path_and_no_folder_is_a_usage_error(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.code == 2 and "no derivations/ folder" in result.err


def test_a_folder_is_never_called_this_file(run, tmp_path):
    result = run("check", tmp_path)
    assert "cannot use this folder" in result.out and "this file" not in result.out


# -- [tool.derive-ce] ----------------------------------------------------------

def _project(tmp_path, table: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.derive-ce]\n{table}")
    (tmp_path / "maths").mkdir()
    (tmp_path / "maths" / "good.yaml").write_text(GOOD)
    (tmp_path / "maths" / "sub").mkdir()
    return tmp_path


def test_config_is_found_upward_and_flags_override_it(run, tmp_path, monkeypatch):
    _project(tmp_path, 'paths = ["maths"]\nformat = "json"\ntimeout = 5\n')
    monkeypatch.chdir(tmp_path / "maths" / "sub")
    result = run("check")
    assert result.code == 0
    assert result.json()["files"][0]["path"].endswith("good.yaml")
    assert "all steps hold" in run("check", "--format", "text").out


def test_config_strict_and_cache_dir(run, tmp_path, monkeypatch):
    _project(tmp_path, 'paths = "maths"\nstrict = true\ncache-dir = "cached"\n')
    monkeypatch.chdir(tmp_path)
    assert run("check", cache=True).code == 0
    assert (tmp_path / "cached").is_dir()


@pytest.mark.parametrize("table, words", [
    ("timeuot = 3\n", "unknown key `timeuot` in [tool.derive-ce] (did you mean `timeout`?)"),
    ('format = "xml"\n', "`format` must be one of text, json, github, html"),
    ("jobs = 0\n", "`jobs` must be a whole number"),
    ('strict = "yes"\n', "`strict` must be true or false"),
    ("timeout = [1]\n", "`timeout` must be a number of seconds"),
    ("paths = 3\n", "`paths` must be a path or a list of paths"),
])
def test_bad_config_is_a_clear_error(run, tmp_path, monkeypatch, table, words):
    _project(tmp_path, table)
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.code == 2 and words in result.err and "pyproject.toml" in result.err
    assert "Traceback" not in result.err


def test_broken_toml_is_a_clear_error(run, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.derive-ce\n")
    monkeypatch.chdir(tmp_path)
    result = run("check", PASS)
    assert result.code == 2 and "cannot read it" in result.err


# -- the API -------------------------------------------------------------------

def test_check_paths_returns_reports(tmp_path):
    import derive_ce
    (tmp_path / "bad.yaml").write_text(BAD)
    (tmp_path / "good.yaml").write_text(GOOD)
    reports = derive_ce.check_paths([tmp_path])
    assert [Path(r.path).name for r in reports] == ["bad.yaml", "good.yaml"]
    assert [r.ok(strict=False) for r in reports] == [False, True]
    assert reports[0].records[-1].status == "failed"
    assert derive_ce.check_paths(tmp_path / "nope.yaml")[0].error == "file not found"
    with pytest.raises(TypeError):
        derive_ce.check_paths([tmp_path], colour=True)


# -- several derivations in one file -------------------------------------------

SEVERAL = EXAMPLES / "fail" / "several_derivations_slip.yaml"


def test_several_derivations_each_under_its_title(run):
    lines = run("check", SEVERAL).out.splitlines()
    first, second = lines.index("  ∂E/∂b"), lines.index("  ∂E/∂w")
    assert first < second
    assert all(l.startswith("    ") for l in lines[first + 1:second])
    assert any("✗" in l for l in lines[second:]) and not any("✗" in l for l in lines[:second])


def test_several_derivations_in_json(run):
    (entry,) = run("check", "--format", "json", SEVERAL).json()["files"]
    assert entry["derivations"] == [{"title": "∂E/∂b", "ok": True},
                                    {"title": "∂E/∂w", "ok": False}]
    assert [s["derivation"] for s in entry["steps"]] == ["∂E/∂b"] * 2 + ["∂E/∂w"] * 2
    assert entry["ok"] is False


def test_one_derivation_json_has_no_new_keys(run):
    (entry,) = run("check", "--format", "json", PASS).json()["files"]
    assert "derivations" not in entry and all("derivation" not in s for s in entry["steps"])


def test_a_cached_run_prints_the_same_math_without_lark_sympy_or_rich(tmp_path):
    code = ("import sys; from derive_ce.cli import main; main(sys.argv[1:]);"
            "print([m for m in ('lark', 'sympy', 'rich') if m in sys.modules])")
    args = ("check", "--cache-dir", str(tmp_path / "cache"), str(ROOT / "derivations" / "ce.yaml"))
    first, second = _script(code, *args), _script(code, *args)
    assert first.stdout.rsplit("\n", 2)[0] == second.stdout.rsplit("\n", 2)[0]
    assert "dLoss/dLᵢ" in second.stdout and "Σⱼ₌₁" in second.stdout
    assert second.stdout.strip().endswith("[]"), second.stdout[-300:]


def test_counterexample_numbers_keep_their_size_and_one_precision():
    from derive_ce.report.layout import numbers
    assert numbers("-2.635330018e-106453", "2.635330018e-106453") == [
        "-2.63533e-106453", "2.63533e-106453"]            # not -0 and 0
    assert numbers("0.988428", "0.567357672") == ["0.988428", "0.567358"]
    assert numbers("1.0000000001", "1.0000000002") == ["1.0000000001", "1.0000000002"]
    assert numbers("1.195787395", "1.19579+6.28319i") == ["1.19579", "1.19579+6.28319i"]
    # two values that differ past the 28th digit are never shown as the same number
    assert numbers("2.000000000000000000000000000001e-30", "2.0e-30") == [
        "2.000000000000000000000000000001e-30", "2.0e-30"]
    assert numbers("5.0000000000004166667e-13", "5.0e-13") == ["5.00000000000042e-13", "5.0e-13"]


def test_a_tiny_exact_difference_is_shown_with_its_digits(run, tmp_path):
    path = tmp_path / "tiny.yaml"
    path.write_text("steps:\n  - '\\left(1 + 10^{-30}\\right)^{2} - 1'\n  - '= 2 \\cdot 10^{-30}'\n")
    found = run("check", "--no-cache", "--format", "json", path).json()
    (step,) = found["files"][0]["steps"]
    assert step["status"] == "failed"
    assert step["counterexample"]["left"] != step["counterexample"]["right"]
    assert step["counterexample"]["left"].startswith("2.000000000000000000000000000001e-30")
