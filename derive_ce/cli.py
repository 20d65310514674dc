"""Command line: arguments in, exit code out.  Nothing else lives here."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional, Sequence

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False,
                  help="Check hand derivations step by step with SymPy.")


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        from derive_ce import __version__
        typer.echo(f"derive-ce {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version,
                                       is_eager=True, help="Print the version.")) -> None:
    """derive-ce: every step of a derivation must equal the one before it."""


@app.command()
def check(
    paths: list[Path] = typer.Argument(..., help="Derivation files, notes (.md, .tex, .txt with displays), or folders to search for *.yaml / *.yml."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (for people), json, or github (annotations)."),
    strict: bool = typer.Option(False, "--strict", help="Fail steps that hold only numerically."),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="Seconds allowed per step."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, show_default=False,
                                       help="Worker processes [default: usable cores; 0: all cores]."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the verdict cache."),
    cache_dir: Path = typer.Option(Path(".derive_ce_cache"), "--cache-dir", help="Where verdicts are cached."),
    explain: bool = typer.Option(False, "--explain", help="Show what was read for each step (SymPy's pretty form)."),
    server: bool = typer.Option(False, "--server", help="Ask the warm server (`derive-ce server start`); check here if none answers."),
) -> None:
    """Check derivation files; exit 0 all hold, 1 a step fails, 2 bad input."""
    from derive_ce.run.checker import Options
    from derive_ce.report import reporter
    from derive_ce.results import exit_code
    options = Options(timeout, _workers(jobs), None if no_cache else cache_dir, explain)
    reports = _checked(paths, options, server)
    reporter(format.value)(reports, strict, sys.stdout)
    raise typer.Exit(exit_code(reports, strict))


def _checked(paths: list[Path], options, server: bool) -> list:
    from derive_ce.run.checker import check as run_check
    from derive_ce.run.paths import expand
    if server:
        from derive_ce.run import server as warm
        try:
            return warm.check(paths, options)
        except warm.Unavailable as exc:
            print(f"derive-ce: no server answered ({exc}); checking here", file=sys.stderr)
    return run_check(expand(paths), options)


@app.command()
def watch(
    paths: list[Path] = typer.Argument(..., help="Derivation files, or folders of them."),
    strict: bool = typer.Option(False, "--strict", help="Fail steps that hold only numerically."),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="Seconds allowed per step."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, show_default=False,
                                       help="Worker processes [default: usable cores; 0: all cores]."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the verdict cache."),
    cache_dir: Path = typer.Option(Path(".derive_ce_cache"), "--cache-dir", help="Where verdicts are cached."),
) -> None:
    """Check the files, then re-check each one when it is saved (Ctrl-C ends)."""
    from derive_ce.report import reporter
    from derive_ce.run.checker import Options
    from derive_ce.run.watch import watch as run_watch
    render = reporter("text")
    options = Options(timeout, _workers(jobs), None if no_cache else cache_dir)
    run_watch(paths, options, lambda reports: render(reports, strict, sys.stdout))


class Action(str, Enum):
    start = "start"
    stop = "stop"
    status = "status"


@app.command()
def server(
    action: Action = typer.Argument(..., help="start (detached), stop, or status."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, show_default=False,
                                       help="The server's worker processes [default: usable cores]."),
) -> None:
    """A warm checker for `check --server`: one per user, on a private socket."""
    from derive_ce.run import server as warm
    try:
        message = {"start": lambda: warm.start(_workers(jobs)), "stop": warm.stop,
                   "status": warm.status}[action.value]()
    except warm.Unavailable as exc:
        print(f"derive-ce: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    typer.echo(f"derive-ce server: {message}")


def _workers(jobs: Optional[int]) -> int:
    """-j: by default the usable cores (the process's affinity), 0: all cores."""
    import os
    if jobs is None:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return jobs or os.cpu_count() or 1


@app.command("import")
def import_notes(
    notes: Path = typer.Argument(..., help="Markdown or LaTeX notes (.md, .tex, .txt)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the YAML here (default: stdout)."),
) -> None:
    """Turn notes into a derivation YAML file, guesses marked as comments; exit 2 if unreadable."""
    from derive_ce.write.derivation import import_notes as run_import
    raise typer.Exit(run_import(notes, output))


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the CLI and return its exit code; never let a traceback out."""
    try:
        return _main(argv)
    finally:
        workers = sys.modules.get("derive_ce.run.workers")
        if workers is not None:
            workers.discard_spare()    # the worker forked early, unused: a cached check


def _main(argv: Optional[Sequence[str]]) -> int:
    try:
        app(args=list(argv) if argv is not None else None, prog_name="derive-ce")
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except KeyboardInterrupt:
        print("derive-ce: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - never a traceback for users
        print(f"derive-ce: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    return 0
