"""Data-driven: tests/examples/{pass,fail,bad} and derivations/ must behave.

pass/: exit 0, every record proved or numeric.
fail/: exit 1, the first failing record on the line marked `# expect: failed`.
bad/:  exit 2, the line marked `# expect: error` named (when marked), no traceback.
"""

from pathlib import Path

import pytest

from conftest import marker_line

EXAMPLES = Path(__file__).parent / "examples"


def _files(kind):
    return sorted((EXAMPLES / kind).glob("*.yaml"), key=lambda p: p.name)


@pytest.mark.parametrize("path", _files("pass"), ids=lambda p: p.name)
def test_pass(run, path):
    result = run("check", "--format", "json", path)
    steps = result.json()["files"][0]["steps"]
    assert result.code == 0, result.out
    assert steps and all(s["status"] in ("proved", "numeric") for s in steps)


@pytest.mark.parametrize("path", _files("fail"), ids=lambda p: p.name)
def test_fail(run, path):
    result = run("check", "--format", "json", path)
    steps = result.json()["files"][0]["steps"]
    bad = [s for s in steps if s["status"] != "proved" and s["status"] != "numeric"]
    assert result.code == 1, result.out
    assert bad and bad[0]["line"] == marker_line(path, "failed"), bad
    assert bad[0]["status"] == "failed"
    assert bad[0]["message"].startswith(("not equal at", "the two sides differ"))


@pytest.mark.parametrize("path", _files("bad") + _files("hostile"), ids=lambda p: p.name)
def test_bad(run, path):
    result = run("check", "--format", "json", path)
    report = result.json()["files"][0]
    want = marker_line(path, "error")
    assert result.code == 2, result.out
    assert "Traceback" not in result.out + result.err
    if want is not None:
        named = f"line {want}" in str(report["error"]) or any(
            s["line"] == want and s["status"] == "error" for s in report["steps"])
        assert named, report
    expected = _expected_message(path)
    if expected:
        messages = [str(report["error"])] + [s["message"] for s in report["steps"]]
        assert any(expected in m for m in messages), messages


def _expected_message(path: Path) -> str | None:
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("# message: "):
            return line.removeprefix("# message: ")
    return None


SENTINEL = Path("/tmp/derive_ce_pwned")


def test_hostile_files_run_no_code(run):
    SENTINEL.unlink(missing_ok=True)
    result = run("check", "--format", "json", EXAMPLES / "hostile")
    assert result.code == 2
    assert not SENTINEL.exists(), "a hostile file created a file: code ran"
    reports = result.json()["files"]
    assert len(reports) == len(_files("hostile"))
    assert all(not r["ok"] for r in reports)
