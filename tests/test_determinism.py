"""The same command gives the same verdicts every run: the library checked twice
without a cache, at -j 1 and -j 2, each run under its own string-hash seed (set
iteration order), gives the same status and message on every step.  (Three runs
side by side, under load, are benchmarks/run.py's figure.)"""

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

LIBRARY = ROOT / "derivations"


def _verdicts(jobs: int, seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "derive_ce", "check", "--no-cache", "-j", str(jobs),
                           "--format", "json", str(LIBRARY)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return [(f["path"], f["error"], s["line"], s["status"], _untimed(s["message"]),
             s.get("counterexample"))
            for f in json.loads(proc.stdout)["files"] for s in f["steps"]]


def _untimed(message: str) -> str:
    """A message without the seconds it reports (none does today but a timeout's)."""
    return re.sub(r"\b\d+(?:\.\d+)? ?s\b", "<seconds>", message)


@pytest.mark.slow
def test_two_runs_of_the_library_give_the_same_verdicts():
    first = _verdicts(1, "1")
    assert first and {status for *_, status, _, _ in first} <= {"proved", "numeric"}
    for jobs, seed in ((2, "random"),):
        again = _verdicts(jobs, seed)
        assert again == first, [(a, b) for a, b in zip(first, again) if a != b][:5]


HASH_SENSITIVE = [ROOT / "tests" / "attack24" / "golden_beatty_sum.false.yaml",
                  ROOT / "tests" / "attack24" / "mod_square_residue.false.yaml"]


def _messages(seed: str | None) -> list:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    if seed is not None:
        env["PYTHONHASHSEED"] = seed
    proc = subprocess.run([sys.executable, "-m", "derive_ce", "check", "--no-cache", "--format",
                           "json", *map(str, HASH_SENSITIVE)], capture_output=True, text=True,
                          cwd=ROOT, env={**env, "NO_COLOR": "1"}, timeout=600)
    return [(s["line"], s["status"], s["message"]) for f in json.loads(proc.stdout)["files"]
            for s in f["steps"]]


def test_without_a_hash_seed_the_engine_runs_under_a_fixed_one():
    """Which floor SymPy names in an `unknown` follows the iteration order of a set,
    that is Python's string-hash seed (seeds 1 and 2 named different floors): a user's
    run, with PYTHONHASHSEED unset, gives what seed 0 gives, every time."""
    fixed = _messages("0")
    assert any(status == "unknown" for _, status, _ in fixed)
    for _ in range(3):
        assert _messages(None) == fixed
