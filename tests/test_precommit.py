"""The pre-commit hook, run by real pre-commit against this repository."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

GOOD = "title: good\nsteps:\n  - \\frac{d}{dx} x^2\n  - = 2x\n"
BAD = "title: slip\nsteps:\n  - \\frac{d}{dx} x^2\n  - = x\n"
# YAML that is not a derivation: the hook must not be given it
OTHER_YAML = {
    ".github/workflows/ci.yml": "on: push\njobs: {}\n",
    "config.yaml": "name: app\nreplicas: 3\n",
    "docs/mkdocs.yml": "site_name: x\n",
}


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git (.ci/run installs it)")
def test_the_published_hook_passes_good_and_fails_bad(tmp_path):
    """This repository as another repository's `.pre-commit-config.yaml` names it
    (`repo:` and `rev:`, the README's remote snippet), at the committed HEAD: real
    pre-commit clones it, installs the hook's environment once (with
    `.pre-commit-hooks.yaml` as committed), and runs it on the derivation files
    only. (`pre-commit try-repo` would install a fresh environment on every call.)"""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True)
    if head.returncode != 0:
        pytest.skip("needs this repository's git history (a clone)")
    config = f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n" \
             "    hooks:\n      - id: derive-ce\n"
    repo = _user_repo(tmp_path, {"notes/square.derive.yaml": GOOD,
                                 ".pre-commit-config.yaml": config})
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    passed = subprocess.run(command + ["--verbose"], cwd=repo, env=env, capture_output=True,
                            text=True, timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "derive-ce" in passed.stdout and "Passed" in passed.stdout
    assert "good.yaml" in passed.stdout and "square.derive.yaml" in passed.stdout
    assert not re.search(r"(?<![-.\w])config\.yaml|ci\.yml|mkdocs", passed.stdout)

    (repo / "derivations" / "bad.yaml").write_text(BAD)
    _git("add", ".", cwd=repo)
    failed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "bad.yaml" in failed.stdout and "not equal at x = " in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr


def _user_repo(tmp_path, extra: dict):
    """A git repository with a good derivation, other YAML, and `extra` files."""
    repo = tmp_path / "user-repo"
    files = {"derivations/good.yaml": GOOD, **OTHER_YAML, **extra}
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    _git("init", "-q", cwd=repo)
    _git("add", ".", cwd=repo)
    return repo


def _readme_block(marker: str) -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    return next(b for b in blocks if marker in b)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git (.ci/run installs it)")
def test_readme_local_hook_works_as_copied(tmp_path):
    """The README's `repo: local` snippet, pasted into a repository with other YAML."""
    repo = _user_repo(tmp_path, {".pre-commit-config.yaml": _readme_block("repo: local")})
    bin_dir = os.path.dirname(sys.executable)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    passed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    (repo / "derivations" / "bad.yaml").write_text(BAD)
    _git("add", ".", cwd=repo)
    failed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert failed.returncode == 1 and "bad.yaml" in failed.stdout, failed.stdout + failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr


def test_readme_remote_snippet_names_the_hook_and_a_real_kind_of_rev():
    snippet = _readme_block("rev:")
    assert "id: derive-ce" in snippet
    rev = re.search(r"rev: (\S+)", snippet).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}", rev)     # a commit SHA placeholder, not a made-up tag
