"""One slip, one ✗: the step after a slip is compared with the last step that held."""

from pathlib import Path

EXAMPLES = Path(__file__).parent / "examples"


def _steps(run, text, tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text(text)
    result = run("check", "--format", "json", path)
    return result.code, {s["line"]: s for s in result.json()["files"][0]["steps"]}


def test_the_step_after_a_slip_recovers_and_the_file_still_fails(run):
    result = run("check", "--format", "json", EXAMPLES / "fail" / "one_slip.yaml")
    steps = {s["line"]: s for s in result.json()["files"][0]["steps"]}
    assert result.code == 1
    assert steps[4]["status"] == "failed" and steps[4]["against"] == 3
    assert steps[5]["status"] == "proved" and steps[5]["against"] == 3
    assert steps[5]["message"] == "holds against line 3; the slip on line 4 stands"
    assert steps[6]["status"] == "proved" and steps[6]["against"] == 5 and not steps[6]["message"]


def test_a_second_wrong_step_is_not_a_recovery(run, tmp_path):
    code, steps = _steps(run, "steps:\n  - x^2\n  - = x^3\n  - = x^4\n", tmp_path)
    assert code == 1
    assert steps[3]["status"] == "failed" and steps[4]["status"] == "failed"
    assert steps[4]["against"] == 3


def test_recovery_looks_past_several_slips(run, tmp_path):
    code, steps = _steps(run, "steps:\n  - (x + 1)^2\n  - = x^2 + 1\n  - = x^2 + 3\n"
                         "  - = x^2 + 2x + 1\n", tmp_path)
    assert code == 1
    assert [steps[n]["status"] for n in (3, 4, 5)] == ["failed", "failed", "proved"]
    assert steps[5]["message"] == "holds against line 2; the slip on line 4 stands"
