"""The `derive-ce` entry point: forks the engine's worker before anything else.

The worker imports SymPy (most of a cold check's time) while this process
imports the command line and reads the files.  A check that the cache will
answer whole starts no worker: a glance at the arguments tells (a wrong
guess costs time, never a verdict: the real check decides).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

VALUED = ("--cache-dir", "--timeout", "--format", "-f", "--jobs", "-j", "--color")
FLAGS = ("--strict", "--no-strict", "--server", "--latex", "--quiet", "-q")


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"] and "--server" not in args and _needs_engine(args[1:]):
        from derive_ce.run.workers import prestart
        prestart()
    from derive_ce.cli import main as cli_main
    return cli_main(args)


def _needs_engine(args: list[str]) -> bool:
    """Will this check need SymPy?  False only when every file's report is cached."""
    options = {"--cache-dir": ".derive_ce_cache", "--timeout": "10.0"}
    paths = []
    pending = None
    for arg in args:
        if pending is not None:
            options[pending], pending = arg, None
        elif arg.split("=", 1)[0] in VALUED and "=" in arg:
            name, value = arg.split("=", 1)
            options[name] = value
        elif arg in VALUED:
            pending = arg
        elif arg.startswith("-") and arg not in FLAGS:
            return True                 # --no-cache, or anything unforeseen
        elif not arg.startswith("-"):
            paths.append(Path(arg))
    paths = paths or [Path("derivations")]        # the default when no path is named
    try:
        budget = float(options["--timeout"])
    except ValueError:
        return True
    return _uncached(paths, Path(options["--cache-dir"]), budget)


def _uncached(paths: list[Path], folder: Path, budget: float) -> bool:
    from derive_ce.run.cache import Cache
    from derive_ce.run.checker import _bytes
    from derive_ce.run.paths import expand
    cache = Cache(folder)
    for entry in expand(paths):
        if isinstance(entry, Path):
            data = _bytes(entry)
            if data is None or cache.report(data, budget) is None:
                return True
    return False
