"""Worker processes that run engine tasks under a hard CPU-time limit.

A SymPy call that never returns cannot be interrupted from outside its
thread, so each task runs in a worker process.  Before a task the worker
sets its own RLIMIT_CPU to the CPU time it has used plus the task's budget
and a grace: the kernel ends it (SIGXCPU) when the task overstays, however
busy the machine is, and the task is `unknown`.  The parent also keeps a
generous wall-clock backstop for a worker that hangs without using CPU.
A worker has a memory ceiling, so one pathological step cannot take the run
down.

Tasks come in groups (a file's tasks): a group stays on one worker, so the
expressions its comparisons share are read and prepared once.  When no group
is left to start, an idle worker takes the second half of the largest
unfinished group (a chain split in two re-prepares one expression).
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from multiprocessing.connection import wait

from derive_ce.results import Task, Verdict

MEMORY_LIMIT = 4 * 1024**3
START_TIMEOUT = 120.0
GRACE = 1.0                 # CPU seconds beyond the budget before the kernel ends a task
WALL_FACTOR, WALL_EXTRA = 20.0, 10.0  # backstop: 20x the budget + 10 s of wall clock
STEAL_WORTH = 32            # tasks that pay for starting one more worker to share a file


SEED = "0"                  # the string-hash seed SymPy runs under in every worker


def _fixed_seed(conn) -> None:
    """Make this (just forked) worker run under a fixed string-hash seed.

    SymPy's results can follow the iteration order of sets of its objects, and
    that order follows Python's string-hash seed, random per process: which
    floor an `unknown` named changed with the seed (attack24 golden_beatty_sum).
    A worker forked from a process whose seed is not fixed (PYTHONHASHSEED
    unset, as for every user) starts again as a fresh interpreter under a fixed
    seed, keeping its pipe to the parent, so that the same command gives the
    same verdicts every run.  Where the variable is set (the test suite sets it),
    the fork serves as it is, under that seed."""
    if os.environ.get("PYTHONHASHSEED") is not None:
        return
    import derive_ce
    fd = conn.fileno()
    os.set_inheritable(fd, True)
    root = os.path.dirname(os.path.dirname(os.path.abspath(derive_ce.__file__)))
    env = {**os.environ, "PYTHONHASHSEED": SEED,
           "PYTHONPATH": os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])])}
    try:
        os.execve(sys.executable, [sys.executable, "-c", "from derive_ce.run.workers import "
                                   f"serve_fd; serve_fd({fd})"], env)
    except OSError:
        return                          # no interpreter to start again: serve as forked


DUMMY_BASE = 10**7           # past every base SymPy draws (10^6 … 9·10^6) plus its imports' Dummies


def _fixed_dummies() -> None:
    """Number the worker's Dummy symbols (sum indices, derivative variables)
    from a fixed base, as the string-hash seed is fixed (_fixed_seed).  SymPy
    draws the base at random per process, and a Dummy's number is part of its
    hash and of srepr: the order of a set of expressions, and so the form of a
    failed step's difference (redteam a32_second_row), and the sampler's seed,
    and so the counterexample shown (evaluate/unknown_function.false: f'(x^2)
    reads with a Dummy), changed from run to run of the same command.  The
    base is past any SymPy draws, so that the Dummies SymPy made while it was
    imported (numbered from its own base) still come before the worker's."""
    from sympy import Dummy
    Dummy._base_dummy_index = DUMMY_BASE


def _forked(conn) -> None:
    _fixed_seed(conn)
    _serve(conn)


def serve_fd(fd: int) -> None:
    """A worker started again under the fixed seed: serve on the inherited pipe."""
    from multiprocessing.connection import Connection
    _serve(Connection(fd))


def _serve(conn) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    _limit_resources()
    try:
        from derive_ce.decide import engine
        _fixed_dummies()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(Verdict("unknown", f"the engine could not start: {exc}"))
        return
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        _limit_cpu(task.budget)
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


def _limit_resources() -> None:
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))   # SIGXCPU dumps no core
    except (ImportError, ValueError, OSError):
        pass


def _limit_cpu(budget: float) -> None:
    """Let the kernel end this process once the task has used budget + GRACE of CPU."""
    try:
        import resource
        usage = resource.getrusage(resource.RUSAGE_SELF)
        used = usage.ru_utime + usage.ru_stime
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = math.ceil(used + budget + GRACE)
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    except (ImportError, ValueError, OSError):
        pass


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Worker:
    def __init__(self):
        parent, child = _context().Pipe()
        self.conn = parent
        self.process = _context().Process(target=_forked, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.task_index: int | None = None
        self.group: _Group | None = None
        self.budget = 0.0
        self.backstop = 0.0
        self.ready = False

    def wait_ready(self) -> Verdict | None:
        if self.ready:
            return None
        if not self.conn.poll(START_TIMEOUT):
            return Verdict("unknown", "the engine did not start in time")
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            return Verdict("unknown", "the engine could not start")
        self.ready = message == "ready"
        return None if self.ready else message

    def send(self, index: int, task: Task) -> None:
        self.task_index = index
        self.budget = task.budget
        self.backstop = time.monotonic() + WALL_FACTOR * task.budget + WALL_EXTRA
        self.conn.send(task)

    def out_of_cpu(self) -> bool:
        self.process.join(1.0)
        return self.process.exitcode in (-signal.SIGXCPU, -signal.SIGKILL)

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


_spare: list[_Worker] = []


def prestart() -> None:
    """Fork a worker now, so that it imports SymPy while the command line is
    parsed and the files are read; the next Pool takes it."""
    if not _spare:
        _spare.append(_Worker())


def discard_spare() -> None:
    while _spare:
        _spare.pop().kill()


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
            self.workers.append(_spare.pop() if _spare else _Worker())

    def run(self, tasks: list[Task], groups: list | None = None,
            gate: bool = False) -> list[Verdict | None]:
        """Verdicts in task order.  groups[i] names task i's group (its file):
        a group's tasks run in order on one worker where the load allows.
        With `gate`, a group's first task must be proved, or the rest of the
        group is skipped (its verdicts are None)."""
        results: list[Verdict | None] = [None] * len(tasks)
        pending = _grouped(groups if groups is not None else list(range(len(tasks))), gate)
        self.start(max(len(pending), len(tasks) // STEAL_WORTH))
        for worker in self.workers:
            worker.group = None
        busy: list[_Worker] = []
        while pending or busy or any(w.group for w in self.workers):
            for worker in [w for w in self.workers if w not in busy]:
                index = self._next(worker, pending)
                if index is not None:
                    self._start(worker, index, tasks, results, busy)
            self._collect(busy, results)
        return results  # type: ignore[return-value]

    def _next(self, worker: _Worker, pending: deque) -> int | None:
        """The worker's next task: its own group's, a new group's, or a stolen half."""
        if not worker.group:
            if pending:
                worker.group = pending.popleft()
            else:
                worker.group = _steal([w.group for w in self.workers if w is not worker])
        return worker.group.popleft() if worker.group else None

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
        timeout = max(0.0, min(w.backstop for w in busy) - time.monotonic())
        ready = wait([w.conn for w in busy], timeout)
        for worker in list(busy):
            if worker.conn in ready:
                verdict = self._receive(worker)
            elif time.monotonic() >= worker.backstop:
                verdict = _timed_out(worker.budget)
                self._replace(worker)
            else:
                continue
            busy.remove(worker)
            results[worker.task_index] = verdict
            group = worker.group
            if group is not None and group.gated:
                group.gated = False
                if verdict.status != "proved":
                    group.clear()

    def _receive(self, worker: _Worker) -> Verdict:
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            out_of_cpu = worker.out_of_cpu()
            self._replace(worker)
            if out_of_cpu:
                return _timed_out(worker.budget)
            return Verdict("unknown", "the engine stopped (out of memory?)", "crash")

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        fresh = _Worker()
        fresh.group = worker.group
        self.workers[self.workers.index(worker)] = fresh


def _timed_out(budget: float) -> Verdict:
    return Verdict("unknown", f"timed out after {budget:g} s", "timeout")


class _Group(deque):
    """A group's task indices still to start; `gated` until its first verdict."""

    def __init__(self, gated: bool = False):
        super().__init__()
        self.gated = gated


def _grouped(groups: list, gate: bool) -> deque:
    """Task indices gathered by group, groups in order of first appearance."""
    gathered: dict = {}
    for index, group in enumerate(groups):
        gathered.setdefault(group, _Group(gate)).append(index)
    return deque(gathered.values())


def _steal(groups: list) -> _Group | None:
    """The second half of the largest unfinished group, taken from its owner
    (never from a group whose gate is still open)."""
    largest = max((g for g in groups if g and len(g) >= 2 and not g.gated),
                  key=len, default=None)
    if largest is None:
        return None
    half = _Group()
    for _ in range(len(largest) // 2):
        half.appendleft(largest.pop())
    return half
