"""`%load_ext derive_ce`, then a `%%derive` cell: check the derivation in the
cell (YAML, or Markdown / LaTeX notes) and show the report inline.

The magic returns a `Checked` object: Jupyter shows its HTML report (the
page of `--format html`, in a frame so that its style stays inside), a
terminal IPython its text report.  One warm worker pool serves the session,
so a re-run after editing one step decides only that step again.

    %%derive --timeout 20 --strict
    $$ \\frac{d}{dx} x^2 = 2x $$
"""

from __future__ import annotations

import argparse
import atexit
import io
import re
import shlex
from html import escape
from pathlib import Path

from derive_ce.results import FileReport, exit_code

_pool = None


class Checked:
    """A cell's report: `reports`, `ok`, `exit_code`, and its rich reprs."""

    def __init__(self, reports: list[FileReport], strict: bool):
        self.reports = reports
        self.strict = strict
        self.exit_code = exit_code(reports, strict)
        self.ok = self.exit_code == 0

    def html(self) -> str:
        """The whole HTML report page (what `--format html` writes)."""
        from derive_ce.report import View, reporter
        out = io.StringIO()
        reporter("html")(self.reports, self.strict, out, View(color="never"))
        return out.getvalue()

    def text(self) -> str:
        from derive_ce.report import View, reporter
        out = io.StringIO()
        reporter("text")(self.reports, self.strict, out, View(color="never", width=100))
        return out.getvalue()

    def _repr_html_(self) -> str:
        rows = sum(len(r.records) + 2 for r in self.reports)
        height = min(1200, 160 + 34 * rows)
        return (f'<iframe srcdoc="{escape(self.html(), quote=True)}" '
                f'style="width:100%;height:{height}px;border:0" '
                f'title="derive-ce report"></iframe>')

    def __repr__(self) -> str:
        return self.text().rstrip("\n")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="%%derive", add_help=False, exit_on_error=False)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--cache-dir", default=".derive_ce_cache")
    return parser


def derive(line: str, cell: str) -> Checked:
    """The `%%derive` cell magic: check the cell's text, return its report."""
    try:
        args, extra = _parser().parse_known_args(shlex.split(line))
        if extra:
            raise ValueError(f"unknown option {extra[0]!r}")
    except (argparse.ArgumentError, ValueError) as exc:
        raise UsageError(f"%%derive [--timeout S] [--strict] [--no-cache] "
                         f"[--cache-dir DIR]: {exc}") from None
    if not args.timeout >= 0.1:
        raise UsageError("%%derive: --timeout must be at least 0.1 seconds")
    from derive_ce.run.checker import Options, check
    name = Path("cell.md" if is_notes_text(cell) else "cell.yaml")
    options = Options(args.timeout, 1, None if args.no_cache else Path(args.cache_dir))
    reports = check([name], options, _warm_pool(), texts={name: cell.encode()})
    return Checked(reports, args.strict)


def is_notes_text(text: str) -> bool:
    """Notes when the cell holds display math and no top-level `steps:` or
    `derivations:` key; YAML otherwise."""
    displays = re.search(r"\$\$|\\\[|\\begin\s*\{", text)
    return bool(displays) and not re.search(r"(?m)^(steps|derivations)\s*:", text)


class UsageError(Exception):
    """A bad magic line (IPython shows it as an error, without a traceback)."""


def _warm_pool():
    global _pool
    if _pool is None:
        from derive_ce.run.workers import Pool
        _pool = Pool(1)
        atexit.register(_close)
    return _pool


def _close() -> None:
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None


def load(ipython) -> None:
    """Register `%%derive` (called by `%load_ext derive_ce`)."""
    from IPython.core.error import UsageError as IPythonUsage

    def cell_magic(line: str, cell: str):
        try:
            return derive(line, cell)
        except UsageError as exc:
            raise IPythonUsage(str(exc)) from None
    ipython.register_magic_function(cell_magic, magic_kind="cell", magic_name="derive")
