"""derive-ce benchmarks: figures as ratios against baselines measured in the same run.

Run by hand from the repository root (not a test):

    .venv/bin/python benchmarks/run.py [--repeat 7] [--files 40] [--cached 200]

Prints, every ratio against `python -c "import sympy"` timed in the same rounds
(wall clock, and CPU time where the machine is shared):
  1. N library-like files (copies of derivations/, each with a scope of its
     own so nothing is shared) at -j 1 and -j 2, twice at -j 2, verdicts compared;
  2. start-up, interleaved rounds: a cold check of derivations/ce.yaml, one
     cached file, M cached files, `check --no-cache -j 1 derivations/`, one of
     the M changed, and a re-check after editing one step through
     `check --server`, through the server alone, and in a warm process as
     `watch` does it;
  3. where the time goes, stage by stage (start-up, reading, preparing, the
     symbolic ladder, the cross-check, the cache), in CPU seconds;
  4. seconds per step on generated 150- and 300-step chains;
  5. the slowest five steps of the library and the examples (CPU seconds);
     (`--stages` prints only the library's CPU per stage: the evaluator
     against reading and the symbolic ladder);
  6. the engine against peers on every comparison of ce.yaml and the
     examples: naive simplify, and Math-Verify when it is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CE = ROOT / "derivations" / "ce.yaml"
DCE = [sys.executable, "-m", "derive_ce"]
CLI = DCE + ["check"]
EDITED = "- 1 = p_i - 1"              # the step of ce.yaml that the re-check rounds edit


def seconds(command: list[str], **kwargs) -> float:
    """Wall seconds of the command; its CPU seconds (with its workers') go to CPU."""
    before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False, **kwargs)
    elapsed = time.perf_counter() - start
    CPU.append(_children_cpu() - before)
    return elapsed


CPU: list[float] = []       # the CPU seconds of the last command `seconds` timed


def row(name: str, value: float, ratios: list[float] | None = None, target: str = "",
        cpu: list[float] | None = None) -> None:
    spread = f"(rounds {min(ratios):.2f}-{max(ratios):.2f})" if ratios else ""
    ratio = f"{statistics.median(ratios):5.2f}x" if ratios else ""
    cpu_ratio = f"CPU {statistics.median(cpu):5.2f}x" if cpu else ""
    print(f"{name:<38} {value:7.3f} s  {ratio:>6} {spread:<19} {cpu_ratio:<10} {target}")


# -- library-like files ------------------------------------------------------

def library_like(folder: Path, count: int) -> list[Path]:
    """`count` copies of derivations/*.yaml, each declaring an unused symbol of
    its own, so that no two files share a scope (nor a prepared expression)."""
    sources = sorted((ROOT / "derivations").glob("*.yaml"))
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(count):
        source = sources[number % len(sources)]
        text = source.read_text()
        declaration = f"  unused{number}: {{positive: true}}\n"
        if "\nsymbols:\n" in text:
            text = text.replace("\nsymbols:\n", "\nsymbols:\n" + declaration, 1)
        else:
            first = "\ndefinitions:\n" if "\ndefinitions:\n" in text else "\nsteps:\n"
            text = text.replace(first, "\nsymbols:\n" + declaration + first[1:], 1)
        path = folder / f"{number:03d}_{source.name}"
        path.write_text(text)
        files.append(path)
    return files


def cached_copies(folder: Path, count: int, cache: Path) -> None:
    """`count` copies of derivations/*.yaml, each with a comment of its own:
    distinct files (each its own stored report) whose steps share verdicts, so
    the cache is filled by checking the library once."""
    sources = sorted((ROOT / "derivations").glob("*.yaml"))
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        source = sources[number % len(sources)]
        (folder / f"{number:03d}_{source.name}").write_text(
            source.read_text() + f"# copy {number}\n")
    for target in (ROOT / "derivations", folder):
        subprocess.run(CLI + ["-j", "2", "--cache-dir", str(cache), str(target)], cwd=ROOT,
                       stdout=subprocess.DEVNULL, check=False)


def verdicts(command: list[str]) -> tuple[float, float, list]:
    """Wall seconds, CPU seconds (the command and its workers), the verdicts."""
    before = _children_cpu()
    start = time.perf_counter()
    out = subprocess.run(command + ["--format", "json"], cwd=ROOT, capture_output=True,
                         text=True, check=False).stdout
    elapsed = time.perf_counter() - start
    files = json.loads(out)["files"]
    return elapsed, _children_cpu() - before, [(f["path"], f["error"], s["line"], s["status"],
                                                s["message"]) for f in files for s in f["steps"]]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def scaling(folder: Path, count: int) -> None:
    """-j 1 and -j 2 on the same files, no cache, -j 2 twice: the same verdicts
    every run (statuses and messages) and the speed-up of a second core."""
    results = [(jobs, *verdicts(CLI + ["-j", str(jobs), "--no-cache", str(folder)]))
               for jobs in (1, 2, 2)]
    _, serial_time, _, serial = results[0]
    statuses = sorted({s for *_, s, _ in serial})
    print(f"{count} library-like files: {len(serial)} checks, statuses {statuses}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for jobs, elapsed, cpu, found in results:
        same = "same verdicts as -j 1" if found == serial else \
            f"{sum(a != b for a, b in zip(found, serial))} verdicts DIFFER from -j 1"
        print(f"  -j {jobs}  {elapsed:7.1f} s wall  {cpu:7.1f} s CPU   "
              f"{serial_time / elapsed:4.2f}x the speed of -j 1   {same}")
    print(f"  -j 2 speed-up (median of two runs): "
          f"{serial_time / statistics.median(r[1] for r in results[1:]):.2f}x   target >= 1.4x")


# -- start-up and re-check rounds --------------------------------------------

def edit(path: Path, round_number: int) -> None:
    """A new but equal form of one step, so that exactly one comparison is new."""
    text = CE.read_text()
    assert EDITED in text, "benchmarks: the edited step is no longer in ce.yaml"
    path.write_text(text.replace(EDITED, f"- 1 = p_i - 1 + {round_number + 2} - {round_number + 2}"))


def startup(repeat: int, many: Path, cache: Path, library_rounds: int = 3) -> None:
    """Interleaved: each round times every column back to back, so that a slow
    minute of the shared machine hits all of them alike; ratios per round."""
    work = Path(tempfile.mkdtemp(prefix="dce", dir="/tmp"))
    env = {**os.environ, "XDG_RUNTIME_DIR": str(work)}
    one, served, warm_copy = work / "ce.yaml", work / "served.yaml", work / "warm.yaml"
    shutil.copy(CE, one)
    cached = ["--cache-dir", str(cache)]
    subprocess.run(CLI + cached + [str(one)], cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    subprocess.run(DCE + ["server", "start", "-j", "1"], cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL, check=True)
    warm = WarmProcess(warm_copy, cache / "warm")
    changed = next((p for p in sorted(many.iterdir()) if p.name.endswith("_ce.yaml")),
                   sorted(many.iterdir())[0])
    count = len(list(many.iterdir()))
    columns = [
        ("import sympy", "", lambda n: seconds([sys.executable, "-c", "import sympy"])),
        ("cold check of ce.yaml", "<= 1.4x", lambda n: seconds(CLI + ["--no-cache", str(CE)])),
        ("one cached file", "<= 0.25x", lambda n: seconds(CLI + cached + [str(one)])),
        (f"{count} cached files", "<= 0.35x", lambda n: seconds(CLI + cached + [str(many)])),
        ("check --no-cache -j 1 derivations/", "<= 12x",
         lambda n: seconds(CLI + ["--no-cache", "-j", "1", str(ROOT / "derivations")])
         if n < library_rounds else None),
        (f"one step of one of {count} files changed", "",
         lambda n: (edit(changed, n), seconds(CLI + cached + [str(many)]))[1]),
        ("re-check, check --server", "<= 0.2x",
         lambda n: (edit(served, n), seconds(CLI + ["--server", *cached, str(served)], env=env))[1]),
        ("re-check, the server alone", "<= 0.2x", lambda n: served_alone(served, cache, env, n)),
        ("re-check, warm process (watch)", "<= 0.2x", warm.recheck),
    ]
    try:
        rounds, cpus = [], []
        for n in range(repeat):
            rounds.append([])
            cpus.append([])
            for _, _, measure in columns:
                CPU.clear()
                value = measure(n)      # None: not measured in this round
                rounds[-1].append(float("nan") if value is None else value)
                cpus[-1].append(CPU[-1] if CPU and value is not None else float("nan"))
    finally:
        warm.close()
        subprocess.run(DCE + ["server", "stop"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    base, base_cpu = [r[0] for r in rounds], [c[0] for c in cpus]
    SYMPY_CPU.append(statistics.median(base_cpu))
    row("import sympy (baseline)", statistics.median(base), None,
        f"median of {repeat} interleaved rounds, {SYMPY_CPU[0]:.3f} s CPU")
    for column, (name, target, _) in enumerate(columns[1:], 1):
        measured = [(r[column], r[0]) for r in rounds if r[column] == r[column]]
        cpu = [c[column] / b for c, b in zip(cpus, base_cpu) if c[column] == c[column]]
        row(name + (f" ({len(measured)} rounds)" if len(measured) < repeat else ""),
            statistics.median(v for v, _ in measured), [v / b for v, b in measured],
            f"target {target}" if target else "", cpu or None)


SYMPY_CPU: list[float] = []     # the CPU seconds of `import sympy`, for the stage ratios


def served_alone(path: Path, cache: Path, env: dict, number: int) -> float:
    """The server's part of a re-check: one request from a Python already running."""
    code = ("import sys, time; from pathlib import Path; from derive_ce.run import server;"
            "from derive_ce.run.checker import Options; options = Options(10.0, 1, Path(sys.argv[2]));"
            "t = time.perf_counter(); server.check([Path(sys.argv[1])], options);"
            "print(time.perf_counter() - t)")
    edit(path, number + 1000)
    out = subprocess.run([sys.executable, "-c", code, str(path), str(cache)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return float(out)


class WarmProcess:
    """What `watch` does after a save: check the file with warm workers."""

    def __init__(self, path: Path, cache: Path):
        from derive_ce.run.checker import Options
        from derive_ce.run.workers import Pool
        self.path = path
        self.options = Options(10.0, 1, cache)
        self.pool = Pool(1)
        edit(path, -1)
        self.recheck(-1)

    def recheck(self, number: int) -> float:
        from derive_ce.run.checker import check
        edit(self.path, number + 2000)
        start = time.perf_counter()
        check([self.path], self.options, self.pool)
        return time.perf_counter() - start

    def close(self) -> None:
        self.pool.close()


# -- chains, slowest steps, peers --------------------------------------------

def chain(steps: int) -> str:
    """A chain of simple, true steps: (x + k)^2 - 2kx - k^2 for k = 0 .. steps."""
    lines = ["title: generated chain", "steps:"]
    for k in range(steps + 1):
        lines.append(f"  - = (x + {k})^2 - {2 * k} x - {k * k}" if k else "  - x^2")
    return "\n".join(lines) + "\n"


def chains() -> None:
    folder = Path(tempfile.mkdtemp())
    results = {}
    for steps in (150, 300):
        path = folder / f"chain{steps}.yaml"
        path.write_text(chain(steps))
        results[steps] = seconds(CLI + ["--no-cache", "-j", "1", str(path)])
        print(f"{steps}-step chain                  {results[steps]:6.3f} s   "
              f"{1000 * results[steps] / steps:5.1f} ms/step (incl. start-up)   target <= 40 ms")
    print(f"growth 300/150                  {results[300] / results[150]:6.2f}x            target <= 2.3x")
    shutil.rmtree(folder)


MATRIX_STAGE = "vectors and matrices as a whole (matrices.decide)"


def cold() -> None:
    """Forget what this process kept (a worker's memos), as a fresh worker would."""
    from derive_ce.decide import engine, matrices, ranges, sums
    from derive_ce.evaluate import check, numbers
    from derive_ce.read.latex import parser
    for memo in (engine._prepared, engine._scopes, engine._contexts, check._evaluators,
                 sums._done, sums._canonical, parser._parsed, numbers._applied,
                 ranges._decided, matrices._read_symbolically, matrices._numeric):
        memo.clear()


STAGE_HOOKS = (("preparing (SymPy: build, expand, doit)", "_prepare"),
               ("symbolic ladder", "equivalent"))


def breakdown(cached: Path, cache: Path) -> None:
    """Where the time goes, in CPU seconds and as a ratio to `import sympy`'s:
    start-up (subprocesses), then every task of the library in one process as
    a worker runs them, with the engine's stages timed where they are called,
    then the cache answering the cached files."""
    from derive_ce.decide import engine
    from derive_ce.results import Task
    from derive_ce.run import cache as store
    from derive_ce.run.checker import tasks_of
    from derive_ce.run.paths import expand
    base = SYMPY_CPU[0] if SYMPY_CPU else _cpu_of([sys.executable, "-c", "import sympy"])
    lines = [("start-up: interpreter and command line", _cpu_of(
                 [sys.executable, "-c", "import derive_ce.cli"])),
             ("start-up: a worker's engine (SymPy)", _cpu_of(
                 [sys.executable, "-c", "import derive_ce.decide.engine"]))]
    files = sorted((ROOT / "derivations").glob("*.yaml"))
    start = time.process_time()
    tasks = [task for path in files for task in tasks_of(path)]
    lines.append(("reading (YAML, LaTeX parse; no SymPy)", time.process_time() - start))
    spent: dict = {}
    saved = {name: getattr(engine, name) for _, name in STAGE_HOOKS if hasattr(engine, name)}
    for label, name in STAGE_HOOKS:
        if name in saved:
            setattr(engine, name, _timed(saved[name], label, spent))
    cold()
    from derive_ce.decide import matrices
    matrix_decide = matrices.decide
    matrices.decide = _timed(matrix_decide, MATRIX_STAGE, spent)
    try:
        engine.SPENT.clear()
        start = time.process_time()
        for task in {t.scope: Task("scope", t.scope) for t in tasks}.values():
            engine.run_task(task)
        for task in tasks:
            engine.run_task(task)
        total = time.process_time() - start
        spent["cross-check (engine.SPENT)"] = sum(engine.SPENT)
    finally:
        for name, function in saved.items():
            setattr(engine, name, function)
        matrices.decide = matrix_decide
    for label, name in STAGE_HOOKS:
        lines.append((label, spent.get(label, float("nan"))) if name in saved
                     else (label + " (not found)", float("nan")))
    lines.append((MATRIX_STAGE, spent.get(MATRIX_STAGE, 0.0)))
    lines.append(("cross-check (engine.SPENT)", spent["cross-check (engine.SPENT)"]))
    lines.append(("the rest of the engine (scopes, explaining)",
                  total - sum(v for v in spent.values())))
    entries = expand([cached])
    start = time.process_time()
    store.answered(entries, cache, 10.0)
    lines.append((f"cache: {len(entries)} stored reports found and read",
                  time.process_time() - start))
    keeper = store.Cache(cache)
    start = time.process_time()
    for task in tasks:
        keeper.get(task)
    lines.append((f"cache: {len(tasks)} verdict look-ups", time.process_time() - start))
    print(f"stages, {len(files)} library files, {len(tasks)} tasks, CPU seconds "
          f"(x the {base:.3f} s CPU of import sympy):")
    for label, value in lines:
        print(f"  {label:<46} {value:7.3f} s  {value / base:6.2f}x")


def _timed(function, label: str, spent: dict):
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - start
    return timed


def _cpu_of(command: list[str], repeat: int = 3) -> float:
    values = []
    for _ in range(repeat):
        seconds(command)
        values.append(CPU[-1])
    return statistics.median(values)


def slowest() -> None:
    """The five slowest steps of the library and the examples, in CPU seconds
    (one process, in file order, as a worker runs them)."""
    from derive_ce.decide import engine
    from derive_ce.run.checker import tasks_of
    files = sorted((ROOT / "derivations").glob("*.yaml"))
    files += sorted((ROOT / "tests/examples/pass").glob("*.yaml"))
    files += sorted((ROOT / "tests/examples/fail").glob("*.yaml"))
    timed = []
    for path in files:
        for task in tasks_of(path):
            start = time.process_time()
            verdict = engine.run_task(task)
            line = task.b.line if task.b is not None else 0
            timed.append((time.process_time() - start, path.relative_to(ROOT), line, verdict.status))
    timed.sort(reverse=True)
    numeric = [t for t in timed if t[3] == "numeric"]
    print(f"slowest steps of {len(files)} files ({len(timed)} tasks, {sum(t[0] for t in timed):.1f} s CPU):")
    for cpu, path, line, status in timed[:5]:
        print(f"  {cpu:6.2f} s  {path}:{line}  {status}")
    worst = f"{numeric[0][0]:.2f} s" if numeric else "none numeric"
    print(f"  slowest numeric verdict: {worst}   target <= ~1 s")


def stages() -> None:
    """Where the engine's CPU goes on the library, one process, in file order:
    the evaluator's cross-check (evaluate/, engine.SPENT) against the rest
    (reading, the symbolic ladder), per comparison; and the verdicts."""
    from collections import Counter

    from derive_ce.decide import engine
    from derive_ce.run.checker import tasks_of
    total = spent = 0.0
    compared = 0
    verdicts: Counter = Counter()
    for path in sorted((ROOT / "derivations").glob("*.yaml")):
        cold()
        for task in tasks_of(path):
            before = len(engine.SPENT)
            start = time.process_time()
            verdict = engine.run_task(task)
            total += time.process_time() - start
            spent += sum(engine.SPENT[before:])
            compared += task.kind == "compare"
            verdicts[(verdict.status, verdict.cross_checked)] += 1
    print(f"library, {compared} comparisons, {total:.2f} s CPU in the engine:")
    print(f"  evaluator (cross-check)   {spent:6.2f} s   {spent / compared * 1000:6.1f} ms per step")
    print(f"  reading + symbolic ladder {total - spent:6.2f} s   "
          f"{(total - spent) / compared * 1000:6.1f} ms per step")
    print("  verdicts (status, cross-checked):", dict(verdicts))


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
            if task.kind != "compare":
                continue
            if kind == "fail" and task.b.line > bad_line:
                break           # after the slip, a step is compared with the slip itself
            wrong = kind == "fail" and task.b.line == bad_line
            out.append((path, task, "failed" if wrong else "holds"))
    return out


def marker_line(path: Path, word: str) -> int | None:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if f"# expect: {word}" in line:
            return number
    return None


PEER_SECONDS = 10.0     # a peer's CPU limit per step pair, the engine's default budget


def naive(task) -> str:
    """The baseline: read, expand definitions, apply the case, doit, simplify(a - b),
    within PEER_SECONDS of CPU (past it: `unknown`)."""
    import sympy as sp
    from derive_ce.decide import engine
    from derive_ce.decide.build import read_expression
    from derive_ce.decide.equivalence import OutOfTime, deadline
    scope = engine._scope(task.scope)
    ctx = engine._context(scope, task.scope, task.when)
    try:
        with deadline(PEER_SECONDS):
            a, b = (ctx.apply(scope.expand(read_expression(m, scope))).doit()
                    for m in (task.a, task.b))
            return "proved" if sp.simplify(a - b) == 0 else "failed"
    except OutOfTime:
        return "unknown"


def mathverify(task) -> str:
    """Math-Verify on the two LaTeX texts as written (no symbols, no cases)."""
    from math_verify import parse, verify
    try:
        same = verify(parse(f"${task.a.text}$"), parse(f"${task.b.text}$"))
    except Exception:  # noqa: BLE001 - a peer that cannot read a step says no
        same = False
    return "proved" if same else "failed"


def peers() -> None:
    from derive_ce.decide import engine
    from derive_ce.results import Task
    items = corpus()
    for _, task, _ in items[:1]:
        engine.run_task(Task("scope", task.scope))          # warm both sides alike
    deciders = {"naive": naive, "engine": lambda t: engine.run_task(t).status}
    try:
        import math_verify  # noqa: F401
        deciders["mathverify"] = mathverify
    except ImportError:
        print("Math-Verify is not installed (pip install 'math-verify[antlr4_13_2]'): skipped")
    runs = {}
    for name, decide in deciders.items():
        engine._prepared.clear()
        start = time.perf_counter()
        found = [decide(task) for _, task, _ in items]
        runs[name] = (time.perf_counter() - start, found)
    print(f"comparisons in the corpus       {len(items)} "
          f"({sum(e == 'failed' for *_, e in items)} of them wrong steps)")
    for name, (elapsed, found) in runs.items():
        right = sum(_right(v, e) for v, (*_, e) in zip(found, items))
        unsound = sum(v in ("proved", "numeric") and e == "failed" for v, (*_, e) in zip(found, items))
        print(f"{name:<10} {elapsed:6.3f} s   right {right}/{len(items)}   "
              f"false 'holds' {unsound}   verdicts {_tally(found)}")
    print(f"engine speed-up over naive      {runs['naive'][0] / runs['engine'][0]:5.2f}x   target >= 3x")


def _right(verdict: str, expected: str) -> bool:
    return verdict == "failed" if expected == "failed" else verdict in ("proved", "numeric")


def _tally(found: list[str]) -> str:
    return ", ".join(f"{v} {found.count(v)}" for v in sorted(set(found)))


def byte_compiled() -> None:
    """derive_ce's bytecode written before anything is timed, as `pip install`
    writes it for an installed package (and Python on first import, unless
    PYTHONDONTWRITEBYTECODE is set): without it, where the variable is set, each
    timed process compiled derive_ce from source, about 0.1 s of CPU of a cold
    check (0.3-0.4x `import sympy`, whose own bytecode is installed), which no
    user pays."""
    import compileall
    compileall.compile_dir(str(ROOT / "derive_ce"), quiet=1)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set: derive_ce byte-compiled first, as an install does")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="interleaved start-up rounds")
    parser.add_argument("--files", type=int, default=40, help="library-like files for -j 1 / -j 2")
    parser.add_argument("--cached", type=int, default=200, help="cached files for start-up")
    parser.add_argument("--library-rounds", type=int, default=3,
                        help="rounds that also time the whole library at -j 1")
    parser.add_argument("--stages", action="store_true", help="only the per-stage CPU breakdown")
    parser.add_argument("--no-peers", action="store_true",
                        help="skip naive simplify and Math-Verify (the longest part)")
    args = parser.parse_args()
    byte_compiled()
    if args.stages:
        stages()
        return
    work = Path(tempfile.mkdtemp(prefix="dce-bench"))
    try:
        many, cache, whole = work / "files", work / "cache", work / "cached"
        library_like(many, args.files)
        scaling(many, args.files)
        cached_copies(whole, args.cached, cache)
        startup(args.repeat, whole, cache, args.library_rounds)
        breakdown(whole, cache)
        chains()
        slowest()
        stages()
        if not args.no_peers:
            peers()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
