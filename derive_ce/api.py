"""The Python API: what `derive-ce check` does, for a notebook or another tool.

    >>> from derive_ce import check_paths
    >>> [report] = check_paths(["derivations/ce.yaml"])
    >>> report.ok(strict=False), [r.status for r in report.records][:2]
    (True, ['proved', 'proved'])

Reports are plain data (derive_ce.results.FileReport and Record); the CLI
prints the same list with the reporter of your choice.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from derive_ce.results import FileReport


def check_paths(paths: Iterable[str | os.PathLike], *, timeout: float = 10.0, jobs: int = 1,
                cache_dir: str | os.PathLike | None = None,
                explain: bool = False) -> list[FileReport]:
    """Check derivation files and folders (folders: every *.yaml / *.yml below).

    timeout: seconds allowed per step; jobs: worker processes; cache_dir:
    where verdicts are kept between runs (None: no cache); explain: attach
    to every record what was read (`Record.reading`).  A path that
    cannot be used gives a report with `error` set; nothing is raised for
    bad input.
    """
    from derive_ce.run.checker import Options, check
    from derive_ce.run.paths import expand
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not timeout >= 0.1:
        raise ValueError("timeout must be at least 0.1 seconds")
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    folder = None if cache_dir is None else Path(cache_dir)
    return check(expand([Path(p) for p in paths]), Options(float(timeout), int(jobs), folder,
                                                          bool(explain)))
