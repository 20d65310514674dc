"""The `derive-ce` entry point: forks the engine's worker before anything else.

The worker imports SymPy (most of a cold check's time) while this process
imports the command line and reads the files; a check answered from the
cache ends it unused.
"""

from __future__ import annotations

import sys
from typing import Optional, Sequence


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"] and "--server" not in args:
        from derive_ce.run.workers import prestart
        prestart()
    from derive_ce.cli import main as cli_main
    return cli_main(args)
