"""Command-line paths -> derivation files (folders: every *.yaml, *.yml)."""

from __future__ import annotations

import os
from pathlib import Path

from derive_ce.results import FileReport

SUFFIXES = (".yaml", ".yml")


def expand(paths: list[Path]) -> list[Path | FileReport]:
    """The files to check in order, or a report where a path gives none."""
    entries: list[Path | FileReport] = []
    for path in paths:
        if path.is_dir():
            found = _walk(path)
            entries.extend(found or [FileReport(
                str(path), error="no *.yaml or *.yml files in this folder")])
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


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in sorted(names) if n.endswith(SUFFIXES))
    return found
