"""Bounded time, the cache, and parallel workers, through the real CLI."""

import os
import signal
import sys
import time

from conftest import ROOT
from derive_ce.decide import engine
from derive_ce.read.document import Math, Scope
from derive_ce.results import Task, Verdict
from derive_ce.run.workers import Pool

SLOW = """title: one step SymPy cannot finish in a second
steps:
  - x
  - = \\sum_{k=1}^{100000000} \\frac{x}{k^2 + x^2}
  - = y
  - = y + 0
  - = 2y - y
"""


def test_a_step_that_times_out_is_unknown_and_the_rest_is_checked(run, tmp_path):
    path = tmp_path / "slow.yaml"
    path.write_text(SLOW)
    result = run("check", "--format", "json", "--timeout", "1", path)
    steps = result.json()["files"][0]["steps"]
    assert result.code == 1
    assert [s["status"] for s in steps][:2] == ["unknown", "unknown"]
    assert all(s["message"].startswith("timed out") and " s of CPU" in s["message"]
               for s in steps[:2])            # the time actually spent, not the limit
    assert [s["status"] for s in steps][2:] == ["proved", "proved"]


def _blocking_run_task(task):
    """Stands in for the engine: on the step `spin` it computes forever, on
    `sleep` it waits forever, both deaf to the soft deadline's signals."""
    if task.b is not None and task.b.text in ("spin", "sleep"):
        for name in ("SIGALRM", "SIGPROF", "SIGVTALRM"):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        while task.b.text == "spin":
            pass
        time.sleep(600)
    return Verdict("proved", method="stub")


def _stub_tasks(middle: str, budget: float) -> list[Task]:
    return [Task("compare", Scope(), (), Math("a", 1), Math(text, 2), budget=budget)
            for text in ("fast", middle, "fast")]


def test_a_worker_that_computes_past_its_cpu_time_is_killed_and_replaced(monkeypatch):
    monkeypatch.setattr(engine, "run_task", _blocking_run_task)   # workers fork with it
    with Pool(1) as pool:
        verdicts = pool.run(_stub_tasks("spin", 0.5))
    assert [v.status for v in verdicts] == ["proved", "unknown", "proved"]
    assert verdicts[1].message == "timed out after 0.5 s"


def test_a_worker_that_hangs_without_computing_is_killed_by_the_backstop(monkeypatch):
    monkeypatch.setattr(engine, "run_task", _blocking_run_task)
    with Pool(1) as pool:
        verdicts = pool.run(_stub_tasks("sleep", 0.1))
    assert [v.status for v in verdicts] == ["proved", "unknown", "proved"]
    assert verdicts[1].message == "timed out after 0.1 s"


def test_a_group_stays_on_one_worker_and_a_failed_gate_skips_the_rest(monkeypatch):
    monkeypatch.setattr(engine, "run_task", lambda task: Verdict(
        "failed" if task.b.text == "gate" else "proved", message=str(os.getpid())))
    texts = ["ok", "x", "gate", "x", "ok", "y", "ok", "z"]   # groups of two are never split
    tasks = [Task("compare", Scope(), (), Math("a", 1), Math(t, 2)) for t in texts]
    with Pool(2) as pool:
        verdicts = pool.run(tasks, [n // 2 for n in range(8)], gate=True)
    assert [v and v.status for v in verdicts] == \
        ["proved"] * 2 + ["failed", None] + ["proved"] * 4
    for first in (0, 4, 6):
        assert verdicts[first].message == verdicts[first + 1].message   # one worker's pid


def test_parallel_workers_give_the_same_report_in_the_same_order(run):
    files = [ROOT / "derivations" / "ce.yaml", *sorted((ROOT / "tests/examples/fail").glob("*.yaml"))]
    serial = run("check", "--format", "json", *files)
    parallel = run("check", "--format", "json", "-j", "2", *files)
    assert serial.code == parallel.code == 1
    assert serial.out == parallel.out


CHECK_CACHED = """
import sys
from derive_ce.run import workers
workers._Worker.__init__ = lambda self: (_ for _ in ()).throw(AssertionError("worker started"))
from derive_ce.cli import main
code = main(["check", "--format", "json", "--cache-dir", sys.argv[1], sys.argv[2]])
heavy = sorted(m for m in ("sympy", "lark", "yaml") if m in sys.modules)
print("HEAVY", heavy, file=sys.stderr)
raise SystemExit(code)
"""


def test_an_unchanged_file_is_answered_from_the_cache_without_sympy(run, tmp_path):
    import subprocess
    cache = tmp_path / "cache"
    ce = ROOT / "derivations" / "ce.yaml"
    first = run("check", "--format", "json", "--cache-dir", cache, ce)
    proc = subprocess.run([sys.executable, "-c", CHECK_CACHED, str(cache), str(ce)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr          # no SymPy, no parser, not even YAML
    assert proc.stdout == first.out


def test_a_changed_step_is_rechecked_and_the_rest_comes_from_the_cache(run, tmp_path):
    cache = tmp_path / "cache"
    path = tmp_path / "d.yaml"
    path.write_text("steps:\n  - (x+1)^2\n  - = x^2 + 2x + 1\n  - = x (x + 2) + 1\n")
    assert run("check", "--cache-dir", cache, path).code == 0
    path.write_text("steps:\n  - (x+1)^2\n  - = x^2 + 2x + 1\n  - = x (x + 3) + 1\n")
    result = run("check", "--format", "json", "--cache-dir", cache, path)
    assert result.code == 1
    assert [s["status"] for s in result.json()["files"][0]["steps"]] == ["proved", "failed"]


HOG = "while True: pass"


def test_parallel_workers_under_load_give_exactly_the_serial_verdicts(run, tmp_path):
    import shutil
    import subprocess
    folder = tmp_path / "folder"
    shutil.copytree(ROOT / "tests/examples/fail", folder / "fail")
    shutil.copytree(ROOT / "tests/examples/pass", folder / "pass")
    shutil.copy(ROOT / "derivations/silu.yaml", folder)
    hogs = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(2)]
    try:
        serial = run("check", "--format", "json", "-j", "1", folder)
        parallel = run("check", "--format", "json", "-j", "2", folder)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    assert serial.code == parallel.code == 1
    assert "unknown" not in {status for *_, status in _verdicts(serial)}
    assert _verdicts(parallel) == _verdicts(serial)


def _verdicts(result) -> list[tuple]:
    return [(f["path"], f["error"], s["line"], s["status"])
            for f in result.json()["files"] for s in f["steps"]]


def test_jobs_zero_means_every_core_and_the_default_is_the_usable_cores(run, monkeypatch):
    from derive_ce import cli
    monkeypatch.setattr("os.cpu_count", lambda: 7)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert cli._workers(0) == 7
    assert cli._workers(None) == 3
    assert cli._workers(2) == 2
    result = run("check", "--format", "json", "-j", "0", ROOT / "tests/examples/fail/sign_flip.yaml")
    assert result.code == 1
