"""`derive-ce watch`: check, then re-check each derivation file when it is saved.

One warm process: the workers keep SymPy loaded and what they prepared, so a
re-check after editing one step does little more than that step.  Files are
watched with watchfiles (inotify and its kin, not polling).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from derive_ce.results import FileReport
from derive_ce.run.checker import Options, check
from derive_ce.run.paths import NOTES, SUFFIXES, expand

Render = Callable[[list[FileReport]], None]


def watch(paths: list[Path], options: Options, render: Render,
          changes: Iterable | None = None) -> None:
    """Render a check of `paths`, then of each batch of changed files.
    `changes`: batches of (change, path) as watchfiles gives them (default:
    watchfiles.watch on the paths, until interrupted)."""
    from derive_ce.run.workers import Pool
    entries = expand(paths)
    names = {e.resolve(): e for e in entries if isinstance(e, Path)}

    def wanted(path: str) -> bool:      # derivation files, notes, and any file named
        return path.endswith(SUFFIXES + NOTES) or Path(path).resolve() in names
    if changes is None:
        from watchfiles import watch as watched
        changes = watched(*paths, watch_filter=lambda _, path: wanted(path))
    with Pool(options.jobs) as pool:
        render(check(entries, options, pool))
        for batch in changes:
            changed = _shown([(c, p) for c, p in batch if wanted(p)], names)
            if changed:
                render(check(changed, options, pool))


def _shown(batch, names: dict) -> list[Path]:
    """The changed files that still exist, named as in the first check (a new
    file: relative to here when inside)."""
    here = Path.cwd()
    files = sorted({Path(path).resolve() for _, path in batch if Path(path).is_file()})
    return [names.get(f) or (f.relative_to(here) if f.is_relative_to(here) else f)
            for f in files]
