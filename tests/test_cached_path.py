"""The cached path (start.py): a check the cache answers whole prints, byte for
byte, what the command line (typer, rich) prints, without importing them."""

import io
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT

EXAMPLES = ROOT / "tests" / "examples"
FILES = [ROOT / "derivations" / "ce.yaml", EXAMPLES / "pass" / "nested_cases.yaml",
         EXAMPLES / "pass" / "several_derivations.yaml", EXAMPLES / "pass" / "plain_and_latex.yaml",
         EXAMPLES / "fail" / "sign_flip.yaml", EXAMPLES / "fail" / "several_derivations_slip.yaml",
         EXAMPLES / "fail" / "one_slip.yaml", ROOT / "tests" / "notes" / "planted_slip.md",
         ROOT / "tests" / "notes" / "latex_align.tex"]
HEAVY = ("typer", "rich", "click", "sympy", "lark", "multiprocessing")
FAST = ("import sys; from derive_ce import start; code = start.main(sys.argv[1:]);"
        "sys.stdout.flush(); print('LOADED', [m for m in %r if m in sys.modules], file=sys.stderr);"
        "raise SystemExit(code)" % (HEAVY,))
TYPER = ("import sys; from derive_ce.cli import main; code = main(sys.argv[1:]);"
         "raise SystemExit(code)")


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORTERM", "FORCE_COLOR")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"}, **extra)
    return env


def _run(code, args, env):
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                          timeout=300, cwd=ROOT, env=env)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache")
    proc = _run(TYPER, ["check", "--cache-dir", folder, *FILES], _env())
    assert proc.returncode == 1, proc.stderr      # the failing examples fail
    return folder


@pytest.mark.parametrize("options", [
    ["--color", "never"], ["--color", "always"], ["--format", "json"], ["-f", "json", "--color=always"],
    ["--format=github"], ["--format", "github", "--strict"], ["--color", "always", "--quiet"],
    ["--color", "always", "--latex", "--no-strict"], ["--format", "html"], ["-q", "--timeout=10"],
])
def test_a_cached_check_prints_what_the_command_line_prints(cache, options):
    args = ["check", *options, "--cache-dir", cache, *FILES]
    fast, typer = _run(FAST, args, _env()), _run(TYPER, args, _env())
    # answered before typer, rich or SymPy (html typesets the LaTeX: lark)
    loaded = b"LOADED ['lark']" if _format(options) == "html" else b"LOADED []"
    assert loaded in fast.stderr, fast.stderr
    assert fast.stdout == typer.stdout and fast.returncode == typer.returncode == 1
    assert (b"\x1b[" in fast.stdout) == ("always" in " ".join(options) and "text" in _format(options))


def _format(options):
    joined = " ".join(options)
    return next((f for f in ("json", "github", "html") if f in joined), "text")


@pytest.mark.parametrize("env", [
    {"TERM": "xterm"}, {"TERM": "xterm-256color", "COLORTERM": "truecolor"}, {"TERM": "dumb"},
    {"TERM": "unknown"}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}, {"TERM": "xterm-kitty"},
])
def test_colour_codes_match_rich_on_every_terminal(cache, env):
    args = ["check", "--color", "always", "--cache-dir", cache, *FILES]
    fast, typer = _run(FAST, args, _env(**env)), _run(TYPER, args, _env(**env))
    assert fast.stdout == typer.stdout and fast.returncode == typer.returncode


def test_one_file_missing_from_the_cache_goes_to_the_engine(cache, tmp_path):
    new = tmp_path / "new.yaml"
    new.write_text("title: new\nsteps:\n  - x + x\n  - = 2 x\n")
    fast = _run(FAST, ["check", "--cache-dir", cache, FILES[0], new], _env())
    assert b"'typer'" in fast.stderr
    assert fast.returncode == 0 and b"all steps hold" in fast.stdout


@pytest.mark.parametrize("args", [
    ["--explain"], ["--no-cache"], ["-j2"], ["-fjson"], ["--", "x.yaml"], ["--format", "xml"],
    ["--timeout", "0.01"], ["--timeout", "nan"], ["--jobs", "-1"], ["--jobs", "two"],
    ["--color", "sometimes"], ["--cache-dir"], ["--cache-dir", "--strict"], ["-f=json"], ["-h"],
    ["--strict=yes"], [""],
])
def test_anything_unsure_is_left_to_typer(args):
    from derive_ce.start import _options
    assert _options(args) is None


def test_options_read_as_typer_reads_them():
    from pathlib import Path

    from derive_ce.start import _options
    given = _options(["a.yaml", "-q", "--format=json", "-j", "0", "--timeout", "2.5", "b",
                      "--no-strict", "--color", "never", "--cache-dir=c", "--latex", "-f", "text"])
    assert given == {"paths": [Path("a.yaml"), Path("b")], "quiet": True, "format": "text",
                     "jobs": "0", "timeout": 2.5, "strict": False, "color": "never",
                     "cache_dir": Path("c"), "latex": True}


def test_the_formats_typer_offers_are_the_reporters():
    from derive_ce.cli import Format
    from derive_ce.report import FORMATS
    assert tuple(f.value for f in Format) == FORMATS


def test_a_config_error_is_worded_by_the_command_line(cache, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.derive-ce]\ntimeuot = 3\n")
    proc = subprocess.run([sys.executable, "-m", "derive_ce", "check", "--cache-dir", str(cache),
                           str(FILES[0])], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 2 and "did you mean `timeout`" in proc.stderr


# -- the colour codes, segment by segment ---------------------------------------

STYLES = ["", "green", "yellow", "bold red", "magenta", "dim", "bold", "bold cyan", "italic dim",
          "cyan", "underline"]
TEXTS = st.text(st.sampled_from("ab =+−·√Σⱼ₌₁x̂\u0301 \t\n\r\x1b\x07\x0b\x00é∂✓") , max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(TEXTS, st.sampled_from(STYLES)), max_size=6), max_size=5),
       st.sampled_from(["xterm", "xterm-256color", "linux", "screen-16color"]))
def test_the_colour_writer_writes_what_rich_writes(lines, term):
    from derive_ce.report import text
    old = os.environ.get("TERM")
    os.environ["TERM"] = term
    try:
        outs = []
        for writer in (text._ansi_sink, text._rich_sink):
            out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
            sink = writer(out)
            for segments in lines:
                sink(segments)
            out.flush()
            outs.append(out.buffer.getvalue())
        assert outs[0] == outs[1]
    finally:
        if old is None:
            del os.environ["TERM"]
        else:
            os.environ["TERM"] = old


def test_the_table_covers_every_style_the_text_reporter_uses():
    from derive_ce.report import text
    used = {style for _, style in text.MARKS.values()} | {"bold", "dim", "cyan", "bold cyan",
                                                           "italic dim"}
    assert used <= set(text.SGR)
    source = (ROOT / "derive_ce" / "report" / "text.py").read_text()
    import re
    assert set(re.findall(r'"((?:bold |italic )?(?:red|green|yellow|magenta|cyan|dim|bold))"',
                          source)) <= set(text.SGR)


# -- [tool.derive-ce]: a pyproject.toml that cannot hold it is not parsed --------

@pytest.mark.parametrize("text, holds", [
    ("[tool.derive-ce]\n", True), ('[ tool . "derive-ce" ]\n', True),
    ("tool.'derive-ce'.timeout = 1\n", True), ("[tool]\nderive-ce = {}\n", True),
    ("tool = {derive-ce = {}}\n", True), ('"tool".derive-ce.strict = true\n', True),
    ('["tool"]\n', True), ('x = "\\u0064"\n', True), ("[tool.derive-ce\n", True),
    ('[project]\nname = "derive-ce"\ndependencies = ["derive-ce>=1"]\n[project.scripts]\n'
     'derive-ce = "derive_ce.start:main"\n[tool.poetry.dependencies]\nderive-ce = "^1"\n'
     "[tool.ruff]\nline-length = 100\n", False),
])
def test_which_pyproject_files_are_parsed(text, holds):
    import tomllib

    from derive_ce.run.config import may_hold_table
    assert may_hold_table(text.encode()) is holds
    if not holds:       # never a false "no": the file really holds no table of ours
        assert "derive-ce" not in tomllib.loads(text).get("tool", {})


def test_a_broken_pyproject_without_our_table_is_passed_over(tmp_path):
    from derive_ce.run.config import discover
    (tmp_path / "pyproject.toml").write_text('[project\nname = "derive-ce"\n')
    assert discover(tmp_path).values == {}


# -- the cache never answers for other code -----------------------------------

def test_an_edited_engine_meets_no_older_verdict(tmp_path):
    import shutil

    from derive_ce.run import cache
    package = tmp_path / "derive_ce"
    shutil.copytree(ROOT / "derive_ce", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache.stamps(package)
    report = package / "report" / "text.py"
    report.write_text(report.read_text() + "\n")           # a reporter: verdicts unchanged
    assert cache.stamps(package) == before
    engine = package / "decide" / "engine.py"
    os.utime(engine, ns=(engine.stat().st_atime_ns, engine.stat().st_mtime_ns + 10**9))
    assert cache.stamps(package) != before
    assert any(s.startswith("decide/engine.py:") for s in before)


def test_the_keys_hold_the_code_fingerprint(monkeypatch, tmp_path):
    from derive_ce.run import cache
    from derive_ce.run.checker import tasks_of
    task = tasks_of(FILES[0])[1]
    store = cache.Cache(tmp_path)
    verdict_key, report_path = cache.key(task), store._report_path(b"steps: []", 10.0)
    monkeypatch.setattr(cache, "_fingerprint", ["another engine"])
    assert cache.key(task) != verdict_key
    assert store._report_path(b"steps: []", 10.0) != report_path
