"""Reporters: one module per output format, each `render(reports, strict, out, view)`."""

from __future__ import annotations

import os
from dataclasses import dataclass

FORMATS = ("text", "json", "github", "html", "concise")


@dataclass(frozen=True)
class View:
    """How people want to see a report (the machine formats ignore it)."""
    color: str = "auto"        # auto | always | never
    latex: bool = False        # show steps as typed instead of as Unicode math
    quiet: bool = False        # failures and the summary only
    width: int = 100           # columns to wrap at


def width_for(out) -> int:
    """The terminal's width, or $COLUMNS, or 100 when not on a terminal."""
    isatty = getattr(out, "isatty", None)
    if isatty and isatty():
        import shutil   # only here: a cached run into a pipe is quicker without it
        return max(40, shutil.get_terminal_size((100, 24)).columns)
    columns = os.environ.get("COLUMNS", "")
    return max(40, int(columns)) if columns.isdigit() else 100


def reporter(name: str):
    if name == "json":
        from derive_ce.report import json_report as module
    elif name == "github":
        from derive_ce.report import github as module
    elif name == "html":
        from derive_ce.report import html as module
    elif name == "concise":
        from derive_ce.report import concise as module
    else:
        from derive_ce.report import text as module
    return module.render
