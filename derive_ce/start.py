"""The `derive-ce` entry point: a cached check is answered here, before the
command line (typer, rich) is imported; any other check forks the engine's
worker first.

A `check` whose every file has a stored report needs neither SymPy nor
typer: its options are read here by hand, the configuration and the cache
asked, and the reports printed by the same reporters (the text one writing
rich's colour codes itself).  Anything this reader does not know for sure
(an option it does not list, a value typer would refuse, a configuration
error, a file the cache lacks) goes to cli.py, which decides: a wrong guess
costs time, never a verdict or a message.

Otherwise the worker imports SymPy (most of a cold check's time) while this
process imports the command line and reads the files.
"""

from __future__ import annotations

import sys

VALUED = {"--cache-dir": "cache_dir", "--timeout": "timeout", "--format": "format",
          "-f": "format", "--jobs": "jobs", "-j": "jobs", "--color": "color"}
FLAGS = {"--strict": ("strict", True), "--no-strict": ("strict", False),
         "--latex": ("latex", True), "--quiet": ("quiet", True), "-q": ("quiet", True)}
COLORS = ("auto", "always", "never")


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"] and "--server" not in args:
        code = _from_cache(args[1:])
        if code is not None:
            return code
        from derive_ce.run.workers import prestart
        prestart()
    from derive_ce.cli import main as cli_main
    return cli_main(args)


def _from_cache(args: list[str]):
    """The exit code when the cache held every file's report and they were
    printed; None otherwise (cli.py then checks, or words the trouble)."""
    given = _options(args)
    if given is None:
        return None
    try:
        settings = _settings(given)
        if settings is None:
            return None
        from derive_ce.run.cache import answered
        from derive_ce.run.paths import expand
        reports = answered(expand(settings["paths"]), settings["cache_dir"], settings["timeout"])
    except Exception:  # noqa: BLE001 - cli.py meets the same trouble and words it
        return None
    return None if reports is None else _printed(reports, settings)


def _options(args: list[str]) -> dict | None:
    """What `check`'s arguments say, as typer would read them; None at the
    first thing that is not sure (typer then decides)."""
    given: dict = {"paths": []}
    items = iter(args)
    for arg in items:
        name, equals, value = arg.partition("=")
        if arg.startswith("--") and equals and name in VALUED:
            given[VALUED[name]] = value
        elif arg in VALUED:
            value = next(items, None)
            if value is None or value.startswith("-"):
                return None
            given[VALUED[arg]] = value
        elif arg in FLAGS:
            key, flag = FLAGS[arg]
            given[key] = flag
        elif arg.startswith("-") or not arg:
            return None             # --no-cache, --explain, -h, -j2, --, ...
        else:
            given["paths"].append(arg)
    return _valid(given)


def _valid(given: dict) -> dict | None:
    """Values typer accepts, converted as it converts them; None otherwise."""
    import math
    from pathlib import Path
    from derive_ce.report import FORMATS
    try:
        if "timeout" in given:
            given["timeout"] = float(given["timeout"])
            if not (math.isfinite(given["timeout"]) and given["timeout"] >= 0.1):
                return None
        if "jobs" in given and int(given["jobs"]) < 0:
            return None
    except ValueError:
        return None
    if given.get("format", "text") not in FORMATS or given.get("color", "auto") not in COLORS:
        return None
    if given.get("cache_dir") is not None:
        if not given["cache_dir"]:
            return None
        given["cache_dir"] = Path(given["cache_dir"])
    given["paths"] = [Path(p) for p in given["paths"]]
    return given


def _settings(given: dict) -> dict | None:
    """Flags over [tool.derive-ce] over defaults, as cli.check picks them."""
    from pathlib import Path
    from derive_ce.run.config import discover
    config = discover(Path.cwd())
    default = [Path("derivations")] if Path("derivations").is_dir() else None
    paths = _pick(given["paths"] or None, config.get("paths"), default)
    if not paths:
        return None
    return {"paths": paths,
            "strict": _pick(given.get("strict"), config.get("strict"), False),
            "cache_dir": _pick(given.get("cache_dir"), config.get("cache-dir"),
                               Path(".derive_ce_cache")),
            "timeout": float(_pick(given.get("timeout"), config.get("timeout"), 10.0)),
            "format": _pick(given.get("format"), config.get("format"), "text"),
            "color": given.get("color", "auto"), "latex": given.get("latex", False),
            "quiet": given.get("quiet", False)}


def _pick(flag, configured, default):
    if flag is not None:
        return flag
    return configured if configured is not None else default


def _printed(reports: list, settings: dict) -> int:
    """Print as cli.check does, and fail as cli.main does."""
    import errno
    import os
    try:
        from derive_ce.report import View, reporter, width_for
        from derive_ce.results import exit_code
        strict = settings["strict"]
        view = View(settings["color"], settings["latex"], settings["quiet"], width_for(sys.stdout))
        if settings["format"] == "text":
            from derive_ce.report import text
            text.render(reports, strict, sys.stdout, view, ansi=True)
        else:
            reporter(settings["format"])(reports, strict, sys.stdout, view)
        sys.stdout.flush()
        return exit_code(reports, strict)
    except KeyboardInterrupt:
        print("derive-ce: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            return _internal(exc)
        # As click does on a closed pipe: no message, exit 1, nothing more written.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback for users
        return _internal(exc)


def _internal(exc: Exception) -> int:
    print(f"derive-ce: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 2
