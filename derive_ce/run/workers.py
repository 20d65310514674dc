"""Worker processes that run engine tasks under a hard time limit.

A SymPy call that never returns cannot be interrupted from outside its
thread, so each task runs in a worker process: when a task overstays its
time the worker is killed and replaced, and the task is `unknown`.  A worker
also has a memory ceiling, so one pathological step cannot take the run down.
"""

from __future__ import annotations

import multiprocessing
import time
from multiprocessing.connection import wait

from derive_ce.results import Task, Verdict

MEMORY_LIMIT = 4 * 1024**3
START_TIMEOUT = 60.0
GRACE = 1.0


def _serve(conn) -> None:
    _limit_memory()
    try:
        from derive_ce.decide import engine
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(Verdict("unknown", f"the engine could not start: {exc}"))
        return
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_run(engine, task))


def _run(engine, task: Task) -> Verdict:
    try:
        return engine.run_task(task)
    except MemoryError:
        return Verdict("unknown", "ran out of memory", "memory")
    except RecursionError:
        return Verdict("unknown", "the expression is nested too deeply for SymPy", "recursion")
    except Exception as exc:  # noqa: BLE001 - SymPy can raise anything; never a traceback
        return Verdict("unknown", f"SymPy failed: {type(exc).__name__}: {exc}"[:300], "sympy")


def _limit_memory() -> None:
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Worker:
    def __init__(self):
        parent, child = _context().Pipe()
        self.conn = parent
        self.process = _context().Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.task_index: int | None = None
        self.deadline = 0.0
        self.ready = False

    def wait_ready(self) -> Verdict | None:
        if self.ready:
            return None
        if not self.conn.poll(START_TIMEOUT):
            return Verdict("unknown", "the engine did not start in time")
        message = self.conn.recv()
        self.ready = message == "ready"
        return None if self.ready else message

    def send(self, index: int, task: Task) -> None:
        self.task_index = index
        self.budget = task.budget
        self.deadline = time.monotonic() + task.budget + GRACE
        self.conn.send(task)

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class Pool:
    """Runs tasks on `jobs` workers; results come back in task order."""

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self.workers: list[_Worker] = []

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.kill()
        self.workers = []

    def start(self, count: int = 1) -> None:
        """Start workers now, so that they import SymPy while the caller works."""
        while len(self.workers) < min(self.jobs, count):
            self.workers.append(_Worker())

    def run(self, tasks: list[Task]) -> list[Verdict]:
        results: list[Verdict | None] = [None] * len(tasks)
        pending = list(range(len(tasks)))[::-1]
        self.start(len(tasks))
        busy: list[_Worker] = []
        while pending or busy:
            for worker in [w for w in self.workers if w not in busy]:
                if pending:
                    self._start(worker, pending.pop(), tasks, results, busy)
            self._collect(busy, results)
        return results  # type: ignore[return-value]

    def _start(self, worker, index, tasks, results, busy) -> None:
        problem = worker.wait_ready()
        if problem is not None:
            results[index] = problem
            return
        worker.send(index, tasks[index])
        busy.append(worker)

    def _collect(self, busy: list[_Worker], results: list) -> None:
        if not busy:
            return
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = wait([w.conn for w in busy], timeout)
        for worker in list(busy):
            if worker.conn in ready:
                results[worker.task_index] = self._receive(worker)
                busy.remove(worker)
            elif time.monotonic() >= worker.deadline:
                results[worker.task_index] = Verdict(
                    "unknown", f"timed out after {worker.budget:g} s", "timeout")
                busy.remove(worker)
                self._replace(worker)

    def _receive(self, worker: _Worker) -> Verdict:
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            return Verdict("unknown", "the engine stopped (out of memory?)", "crash")

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker()

