"""The GitHub Action (action.yml): its `run:` steps, as GitHub would run
them, in a temporary repository: the install from the action's own folder,
then `derive-ce check --format github` on the `paths` input."""

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

GOOD = "title: Square\nsteps:\n  - (a + b)^2\n  - = a^2 + 2ab + b^2\n"
SLIP = "# A slipped sign\n\n$$\n\\frac{d}{dx} e^{-x^2}\n= 2x e^{-x^2}\n$$\n"


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text())


def _expand(text: str, inputs: dict) -> str:
    """GitHub's `${{ ... }}` expressions that the action uses."""
    def value(match):
        name = match.group(1).strip()
        if name == "github.action_path":
            return str(ROOT)
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        raise AssertionError(f"the test does not know the expression {name}")
    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def _run_step(step: dict, inputs: dict, workspace: Path, env: dict) -> subprocess.CompletedProcess:
    assert step["shell"] == "bash"
    step_env = {k: _expand(str(v), inputs) for k, v in step.get("env", {}).items()}
    return subprocess.run(["bash", "-e", "-c", _expand(step["run"], inputs)], cwd=workspace,
                          env={**env, **step_env}, capture_output=True, text=True, timeout=900)


def test_the_action_has_an_input_for_paths_and_is_composite():
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert action["inputs"]["paths"]["default"] == "derivations"
    runs = [s for s in action["runs"]["steps"] if "run" in s]
    assert len(runs) == 2 and "--format github" in runs[1]["run"]


@pytest.mark.slow
def test_the_actions_steps_annotate_the_slipped_line(tmp_path):
    workspace = tmp_path / "repo"
    (workspace / "derivations").mkdir(parents=True)
    (workspace / "derivations" / "square.yaml").write_text(GOOD)
    (workspace / "notes").mkdir()
    (workspace / "notes" / "slip.md").write_text(SLIP)
    subprocess.run(["git", "init", "-q", str(workspace)], check=True)
    runner = tmp_path / "runner"
    runner.mkdir()
    _prepared_venv(runner / "derive-ce")
    env = {**os.environ, "RUNNER_TEMP": str(runner),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    install, check = [s for s in _action()["runs"]["steps"] if "run" in s]
    inputs = {**{k: v.get("default", "") for k, v in _action()["inputs"].items()}}

    done = _run_step(install, inputs, workspace, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (runner / "derive-ce" / "bin" / "derive-ce").exists()

    passed = _run_step(check, inputs, workspace, env)      # paths: derivations (the default)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "::error" not in passed.stdout and "1 proved" in passed.stdout

    failed = _run_step(check, {**inputs, "paths": "derivations notes/slip.md"}, workspace, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    [annotation] = [l for l in failed.stdout.splitlines() if l.startswith("::error")]
    assert annotation.startswith("::error file=notes/slip.md,line=5,title=derive-ce::failed: ")


def _prepared_venv(folder: Path) -> None:
    """The venv the install step makes, made first and given this test run's
    site-packages (a .pth line), so pip finds the dependencies installed and
    builds only derive-ce itself: no download of SymPy in a test."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    purelib = Path(sysconfig.get_paths()["purelib"])
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    site = folder / "lib" / version / "site-packages"
    (site / "test-deps.pth").write_text(f"{purelib}\n")
