"""Command-line paths -> derivation files (folders: every *.yaml, *.yml).

A file named on the command line is checked whatever its suffix (notes such
as notes.md are read as notes by the checker); a folder means derivation
files only, so that `derive-ce check .` does not read every README.
"""

from __future__ import annotations

import os
from pathlib import Path

from derive_ce.results import FileReport

SUFFIXES = (".yaml", ".yml")
NOTES = (".md", ".markdown", ".tex", ".ltx", ".ipynb")


def expand(paths: list[Path]) -> list[Path | FileReport]:
    """The files to check in order, or a report where a path gives none."""
    entries: list[Path | FileReport] = []
    for path in paths:
        if path.is_dir():
            found = _walk(path)
            entries.extend(found or [FileReport(str(path), error=_empty(path))])
        elif path.exists():
            entries.append(path)
        else:
            entries.append(FileReport(str(path), error="file not found"))
    seen: set[Path] = set()
    unique = []
    for entry in entries:
        if isinstance(entry, Path) and entry in seen:
            continue
        if isinstance(entry, Path):
            seen.add(entry)
        unique.append(entry)
    return unique


def _empty(folder: Path) -> str:
    notes = next((p for p in sorted(folder.rglob("*")) if p.suffix in NOTES), None)
    hint = f"; notes are checked when named, as in `derive-ce check {notes}`" if notes else ""
    return f"no *.yaml or *.yml files in this folder{hint}"


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in sorted(names) if n.endswith(SUFFIXES))
    return found
