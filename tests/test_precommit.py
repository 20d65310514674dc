"""The pre-commit hook, run by real pre-commit against this repository."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

GOOD = "title: good\nsteps:\n  - \\frac{d}{dx} x^2\n  - = 2x\n"
BAD = "title: slip\nsteps:\n  - \\frac{d}{dx} x^2\n  - = x\n"


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git (.ci/run installs it)")
def test_try_repo_passes_good_and_fails_bad(tmp_path):
    repo = tmp_path / "user-repo"
    (repo / "derivations").mkdir(parents=True)
    (repo / "derivations" / "good.yaml").write_text(GOOD)
    _git("init", "-q", cwd=repo)
    _git("add", ".", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "derive-ce",
               "--all-files", "--color", "never"]

    passed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "derive-ce" in passed.stdout and "Passed" in passed.stdout

    (repo / "derivations" / "bad.yaml").write_text(BAD)
    _git("add", ".", cwd=repo)
    failed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "bad.yaml" in failed.stdout and "not equal at x = " in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr
