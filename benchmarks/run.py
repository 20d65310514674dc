"""derive-ce benchmarks: figures as ratios against baselines measured in the same run.

Run by hand from the repository root (not a test):

    .venv/bin/python benchmarks/run.py [--repeat 5]

Prints:
  1. a cold check of derivations/ce.yaml against `python -c "import sympy"`;
  2. a cached re-check of it against the same;
  3. seconds per step on generated 150- and 300-step chains, and their growth;
  4. the engine against a naive baseline (doit, then simplify(a - b) == 0) on
     every comparison of ce.yaml and tests/examples, in time and in verdicts.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CE = ROOT / "derivations" / "ce.yaml"
CLI = [sys.executable, "-m", "derive_ce", "check"]


def timed(command: list[str], repeat: int) -> float:
    """Median wall time of a command over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup(repeat: int) -> None:
    """Interleaved: each round times the baseline, a cold and a cached check
    back to back, so that a slow minute of the machine hits all three alike."""
    cache = Path(tempfile.mkdtemp()) / "cache"
    subprocess.run(CLI + ["--cache-dir", str(cache), str(CE)], cwd=ROOT,
                   stdout=subprocess.DEVNULL, check=False)
    rounds = []
    for _ in range(repeat):
        sympy = timed([sys.executable, "-c", "import sympy"], 1)
        cold = timed(CLI + ["--no-cache", str(CE)], 1)
        cached = timed(CLI + ["--cache-dir", str(cache), str(CE)], 1)
        rounds.append((sympy, cold, cached))
    shutil.rmtree(cache.parent)
    sympy = statistics.median(r[0] for r in rounds)
    for name, column, target in (("cold check of ce.yaml     ", 1, "<= 2.0x"),
                                 ("cached re-check of ce.yaml", 2, "<= 0.6x")):
        ratios = sorted(r[column] / r[0] for r in rounds)
        seconds = statistics.median(r[column] for r in rounds)
        print(f"{name}      {seconds:6.3f} s   {statistics.median(ratios):5.2f}x "
              f"(rounds {ratios[0]:.2f}-{ratios[-1]:.2f})   target {target}")
    print(f"import sympy (baseline)         {sympy:6.3f} s   median of {repeat} rounds")


def chain(steps: int) -> str:
    """A chain of simple, true steps: (x + k)^2 - 2kx - k^2 for k = 0 .. steps."""
    lines = ["title: generated chain", "steps:"]
    for k in range(steps + 1):
        lines.append(f"  - = (x + {k})^2 - {2 * k} x - {k * k}" if k else "  - x^2")
    return "\n".join(lines) + "\n"


def chains(repeat: int) -> None:
    folder = Path(tempfile.mkdtemp())
    results = {}
    for steps in (150, 300):
        path = folder / f"chain{steps}.yaml"
        path.write_text(chain(steps))
        results[steps] = timed(CLI + ["--no-cache", str(path)], max(1, repeat // 2))
        print(f"{steps}-step chain                  {results[steps]:6.3f} s   "
              f"{1000 * results[steps] / steps:5.1f} ms/step (incl. start-up)   target <= 40 ms")
    print(f"growth 300/150                  {results[300] / results[150]:6.2f}x            target <= 2.3x")
    shutil.rmtree(folder)


def corpus() -> list[tuple[Path, object, str]]:
    """(file, task, expected) for every comparison of the verifying and failing examples."""
    from derive_ce.run.checker import tasks_of
    files = [(CE, "pass")]
    files += [(p, "pass") for p in sorted((ROOT / "tests/examples/pass").glob("*.yaml"))]
    files += [(p, "fail") for p in sorted((ROOT / "tests/examples/fail").glob("*.yaml"))]
    out = []
    for path, kind in files:
        bad_line = marker_line(path, "failed")
        for task in tasks_of(path):
            if task.kind == "compare":
                wrong = kind == "fail" and task.b.line == bad_line
                out.append((path, task, "failed" if wrong else "holds"))
    return out


def marker_line(path: Path, word: str) -> int | None:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if f"# expect: {word}" in line:
            return number
    return None


def naive(task) -> str:
    """The baseline: read, expand definitions, apply the case, doit, simplify(a - b)."""
    import sympy as sp
    from derive_ce.decide import engine
    scope = engine._scope(task.scope)
    ctx = engine._context(scope, task.scope, task.when)
    from derive_ce.decide.build import read_expression
    a, b = (ctx.apply(scope.expand(read_expression(m, scope))).doit() for m in (task.a, task.b))
    return "proved" if sp.simplify(a - b) == 0 else "failed"


def baseline() -> None:
    from derive_ce.decide import engine
    from derive_ce.results import Task
    items = corpus()
    for _, task, _ in items[:1]:
        engine.run_task(Task("scope", task.scope))          # warm both sides alike
    runs = {}
    for name, decide in (("naive", naive), ("engine", lambda t: engine.run_task(t).status)):
        engine._prepared.clear()
        start = time.perf_counter()
        verdicts = [decide(task) for _, task, _ in items]
        runs[name] = (time.perf_counter() - start, verdicts)
    print(f"comparisons in the corpus       {len(items)} "
          f"({sum(e == 'failed' for *_, e in items)} of them wrong steps)")
    for name, (seconds, verdicts) in runs.items():
        right = sum(_right(v, e) for v, (*_, e) in zip(verdicts, items))
        unsound = sum(v in ("proved", "numeric") and e == "failed" for v, (*_, e) in zip(verdicts, items))
        print(f"{name:<8} {seconds:6.3f} s   right {right}/{len(items)}   "
              f"false 'holds' {unsound}   verdicts {_tally(verdicts)}")
    print(f"engine speed-up over naive      {runs['naive'][0] / runs['engine'][0]:5.2f}x   target >= 3x")


def _right(verdict: str, expected: str) -> bool:
    return verdict == "failed" if expected == "failed" else verdict in ("proved", "numeric")


def _tally(verdicts: list[str]) -> str:
    return ", ".join(f"{v} {verdicts.count(v)}" for v in sorted(set(verdicts)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    startup(args.repeat)
    chains(args.repeat)
    baseline()


if __name__ == "__main__":
    main()
