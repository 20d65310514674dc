"""Command line: arguments in, exit code out.  Nothing else lives here."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional, Sequence

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Check hand derivations step by step with SymPy.")


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    html = "html"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        from derive_ce import __version__
        typer.echo(f"derive-ce {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", "-V", callback=_version,
                                       is_eager=True, help="Print the version.")) -> None:
    """derive-ce: every step of a derivation must equal the one before it."""


@app.command()
def check(
    paths: Optional[list[Path]] = typer.Argument(
        None, help="Derivation files, notes (.md, .tex, .txt with displays), or folders "
                   "to search for *.yaml / *.yml "
                   "(default: `paths` from [tool.derive-ce], else derivations/)."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="text (for people), json, github (annotations) or html (one page)."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="Fail steps that hold only numerically."),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0.1, help="Seconds allowed per step (default 10)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, show_default=False,
                                       help="Worker processes [default: usable cores; 0: all cores]."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the verdict cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Where verdicts are cached (default .derive_ce_cache)."),
    latex: bool = typer.Option(False, "--latex", help="Show each step as typed, not as rendered math."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Show only the steps that do not hold, and the summary."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never."),
    explain: bool = typer.Option(False, "--explain", help="Show what was read for each step (SymPy's pretty form)."),
    server: bool = typer.Option(False, "--server", help="Ask the warm server (`derive-ce server start`); check here if none answers."),
) -> None:
    """Check derivation files; exit 0 all hold, 1 a step fails, 2 bad input.

    Settings may also come from [tool.derive-ce] in the nearest pyproject.toml
    (paths, timeout, strict, jobs, cache-dir, format); flags override them.
    """
    from derive_ce.report import View, reporter, width_for
    from derive_ce.results import exit_code
    from derive_ce.run.config import ConfigError, discover
    try:
        config = discover(Path.cwd())
    except ConfigError as exc:
        _usage_error(str(exc))
    chosen = _pick(paths or None, config.get("paths"), _default_paths())
    if not chosen:
        _usage_error("no path given, and no derivations/ folder here "
                     "(name files or folders, or set `paths` in [tool.derive-ce])")
    strict = _pick(strict, config.get("strict"), False)
    folder = None if no_cache else _pick(cache_dir, config.get("cache-dir"), Path(".derive_ce_cache"))
    settings = dict(timeout=_pick(timeout, config.get("timeout"), 10.0),
                    jobs=_workers(_pick(jobs, config.get("jobs"), None)), cache_dir=folder,
                    explain=explain)
    reports = _checked(chosen, settings, server)
    name = _pick(format.value if format else None, config.get("format"), "text")
    view = View(color.value, latex, quiet, width_for(sys.stdout))
    reporter(name)(reports, strict, sys.stdout, view)
    raise typer.Exit(exit_code(reports, strict))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the derivation format (for editors)."""
    from importlib import resources
    typer.echo(resources.files("derive_ce.read").joinpath("derivation.schema.json").read_text(),
               nl=False)


def _pick(flag, configured, default):
    """A flag wins over the configuration, which wins over the default."""
    if flag is not None:
        return flag
    return configured if configured is not None else default


def _default_paths() -> list[Path] | None:
    folder = Path("derivations")
    return [folder] if folder.is_dir() else None


def _usage_error(message: str):
    typer.echo(f"derive-ce: {message}", err=True)
    raise typer.Exit(2)


def _checked(paths: list[Path], settings: dict, server: bool) -> list:
    """From the warm server when asked and one answers, else here."""
    from derive_ce.api import check_paths
    if server:
        from derive_ce.run import server as warm
        from derive_ce.run.checker import Options
        try:
            return warm.check(paths, Options(settings["timeout"], settings["jobs"],
                                             settings["cache_dir"], settings["explain"]))
        except warm.Unavailable as exc:
            print(f"derive-ce: no server answered ({exc}); checking here", file=sys.stderr)
    return check_paths(paths, **settings)


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
    from derive_ce.report import View, reporter, width_for
    from derive_ce.run.checker import Options
    from derive_ce.run.watch import watch as run_watch
    render = reporter("text")
    options = Options(timeout, _workers(jobs), None if no_cache else cache_dir)
    view = View("auto", False, False, width_for(sys.stdout))
    run_watch(paths, options, lambda reports: render(reports, strict, sys.stdout, view))


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


@app.command()
def lsp(
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0.1, help="Seconds allowed per "
                                            "step (default: the configuration's, else 10)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the verdict cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Where verdicts are cached "
                                             "(default: the configuration's, else .derive_ce_cache)."),
) -> None:
    """A language server over stdio for editors: diagnostics, hover, quick fixes."""
    try:
        from derive_ce.run.lsp import Settings, serve
    except ModuleNotFoundError as exc:
        _usage_error(f"`derive-ce lsp` needs {exc.name or 'pygls'}: "
                     "pip install 'derive-ce[lsp]' (or pip install pygls)")
    serve(Settings(timeout, jobs, not no_cache, cache_dir))


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
