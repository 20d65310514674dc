"""Run many fuzz cases and count rule breaks.

    .venv/bin/python -m fuzz.run   (from tests/) [--cases 10000] [--cli-every 50]

Rules: the LaTeX and plain readers return an expression or raise InputError;
the loader returns a Derivation or raises InputError; each case answers in
under --limit seconds; and every --cli-every cases a batch of generated files
goes through the real CLI, which must exit 0, 1 or 2 with a JSON report and no
traceback, within its time bound, and create no file outside the batch.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

SENTINEL = Path("/tmp/derive_ce_pwned")
MEMORY = 4 * 1024**3


class TookTooLong(Exception):
    """A reader did not answer within the case's time limit."""


def bounded(reader, value, seconds: float) -> str:
    """reader(value) under a SIGALRM time limit (main thread only)."""
    def expire(signum, frame):
        raise TookTooLong(f"no answer in {seconds:g} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return reader(value)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_memory() -> None:
    """A runaway reader raises MemoryError here instead of meeting the OOM killer."""
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def read_latex(text: str) -> str:
    from derive_ce.read.document import Math
    from derive_ce.errors import InputError
    from derive_ce.decide.build import read_expression
    from derive_ce.read.latex.parser import split_chain
    from derive_ce.decide.scope import SymScope
    from derive_ce.read.document import Scope
    try:
        for part in split_chain(text, 1):
            read_expression(Math(part.text, 1), SymScope(Scope()))
        return "read"
    except InputError:
        return "refused"


def read_plain_text(text: str) -> str:
    from derive_ce.read.document import Math, Scope
    from derive_ce.errors import InputError
    from derive_ce.decide.build.plain import read_plain
    from derive_ce.decide.scope import SymScope
    try:
        read_plain(Math(text, 1, "expr"), SymScope(Scope()))
        return "read"
    except InputError:
        return "refused"


def read_document(text: str) -> str:
    from derive_ce.read import document
    from derive_ce.errors import InputError
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.yaml"
        path.write_text(text, errors="surrogatepass") if "\ud800" not in text else path.write_bytes(
            text.encode("utf-8", "replace"))
        try:
            document.load(path)
            return "read"
        except InputError:
            return "refused"


def run_cli(texts: list[str], limit: float) -> str | None:
    """None when the batch kept every rule, else what broke."""
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            Path(folder, f"{number:04}.yaml").write_bytes(text.encode("utf-8", "replace"))
        SENTINEL.unlink(missing_ok=True)
        command = [sys.executable, "-m", "derive_ce", "check", "--format", "json",
                   "--no-cache", "--timeout", "2", folder]
        try:
            proc = subprocess.run(command, capture_output=True, text=True,
                                  timeout=limit * len(texts) + 60)
        except subprocess.TimeoutExpired:
            return "the CLI did not answer in time"
        if SENTINEL.exists():
            return "a file was created: code ran"
        if proc.returncode not in (0, 1, 2):
            return f"exit code {proc.returncode}"
        if "Traceback" in proc.stdout + proc.stderr:
            return "a traceback"
        try:
            files = json.loads(proc.stdout)["files"]
        except (ValueError, KeyError):
            return "the JSON report does not parse"
        if len(files) != len(texts):
            return f"{len(files)} reports for {len(texts)} files"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--cli-every", type=int, default=50)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds one case may take")
    args = parser.parse_args()
    limit_memory()

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from fuzz import strategies as fz

    tally = {"cases": 0, "cli files": 0, "breaks": 0}
    breaks: list[str] = []
    batch: list[str] = []
    kinds = {"latex": (fz.latex, read_latex), "plain": (fz.plain, read_plain_text),
             "yaml": (fz.yaml_texts, read_document)}

    @settings(max_examples=args.cases, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(sorted(kinds)).flatmap(lambda k: kinds[k][0].map(lambda v: (k, v))))
    def one(case):
        kind, value = case
        tally["cases"] += 1
        try:
            bounded(kinds[kind][1], value, args.limit)
        except Exception as exc:  # noqa: BLE001 - a break of the rules, counted
            breaks.append(f"{kind} {value!r}: {type(exc).__name__}: {exc}"[:300])
        if kind == "yaml":
            batch.append(value)
        if len(batch) >= args.cli_every:
            problem = run_cli(batch, args.limit)
            tally["cli files"] += len(batch)
            if problem:
                breaks.append(f"CLI batch: {problem}")
            batch.clear()
        if tally["cases"] % 1000 == 0:
            print(f"... {tally['cases']} cases, {len(breaks)} breaks", flush=True)

    one()
    tally["breaks"] = len(breaks)
    for line in breaks[:50]:
        print("BREAK", line)
    print(f"fuzz: {tally['cases']} cases run ({tally['cli files']} files through the CLI), "
          f"{tally['breaks']} broke a rule")
    return 1 if breaks else 0


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    raise SystemExit(main())
