"""A bound on CPU time, for the stages that can hang on a stranger's input:
reading a file (run/checker.py, in the main process) and deciding a step
(decide/equivalence.py, in the workers). Needs nothing but the standard
library, so that reading stays free of SymPy."""

from __future__ import annotations

import signal
import time
from contextlib import contextmanager


@contextmanager
def cpu_deadline(seconds: float, expired):
    """Raise `expired()` after `seconds` of this process's CPU time (SIGPROF:
    the main thread only), so that a busy machine, which slows the clock on the
    wall but not the work done, does not change an outcome. A deadline inside
    another keeps the outer one: the inner ends no later, and the outer keeps
    what is left of its own time."""
    def _expire(signum, frame):
        # armed again: an exception raised where Python drops it (a __del__, a gc
        # callback) must not leave the work unbounded; the `finally` below disarms it
        signal.setitimer(signal.ITIMER_PROF, 0.05)
        raise expired()
    outer, _ = signal.getitimer(signal.ITIMER_PROF)
    began = time.process_time()
    previous = signal.signal(signal.SIGPROF, _expire)
    signal.setitimer(signal.ITIMER_PROF, max(min(seconds, outer) if outer > 0 else seconds, 0.01))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if outer > 0:
            signal.setitimer(signal.ITIMER_PROF,
                             max(outer - (time.process_time() - began), 0.01))
