"""How many published derivations derive-ce checks unchanged, where they live.

Run by hand from the repository root (a script, not a test):

    .venv/bin/python benchmarks/notes.py [--heldout | --all | --dir DIR] [--dce PATH] [-j 2] [FILE ...]

The corpus is tests/notes/real/ (40 files; tests/notes/heldout/ holds 8 more,
kept aside and not to be tuned on): derivations other people published,
copied verbatim, each with NAME.expect.yaml saying what a careful reader
sees in it (its derivations, which lines hold, whether it is in scope).
Every file is checked in one `derive-ce check --format json --no-cache` run.

A file *verifies unchanged* when derive-ce exits 0 on it with at least one
step proved or numeric (a file where nothing was checked does not count).
A file is *read as expected* when its verdicts are the careful reader's:
the derivations that hold pass, and those published with an error fail
within their lines (`as_expected`); a file with a published error can be
read as expected and never verify.
Prints the files that verify, the steps proved or numeric, and for every
other file its first blocking record (line and message), grouped by cause.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "tests" / "notes"
SUFFIXES = (".md", ".tex", ".txt", ".ipynb")
PASSING = ("proved", "numeric")


@dataclass(frozen=True)
class Outcome:
    """What became of one notes file."""

    name: str
    scope: str          # in | out (as its expect.yaml says)
    verifies: bool
    passing: int        # steps and results proved or numeric
    records: int        # steps and results reported
    line: int | None    # the first blocking line, if any
    why: str            # and its message
    expected: bool = False  # every derivation read as its expect.yaml says (see as_expected)


def corpus(which: str) -> list[Path]:
    folders = {"real": ["real"], "heldout": ["heldout"], "all": ["real", "heldout"]}[which]
    return sorted(p for f in folders for p in (NOTES / f).iterdir() if p.suffix in SUFFIXES)


def folder(path: Path) -> list[Path]:
    """Every notes file directly in one folder (e.g. tests/notes/heldout22), not its README."""
    if not path.is_dir():
        sys.exit(f"--dir {path}: not a folder")
    return sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.stem.lower() != "readme")


def expectation(path: Path) -> dict:
    expect = path.with_name(path.stem + ".expect.yaml")
    return yaml.safe_load(expect.read_text()) if expect.exists() else {}


def run_check(paths: list[Path], dce: list[str], jobs: int) -> dict[str, dict]:
    """derive-ce's JSON report of every file, by resolved path."""
    command = dce + ["check", "--format", "json", "--no-cache", "-j", str(jobs)] + [str(p) for p in paths]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if "Traceback" in done.stderr or not done.stdout.strip():
        sys.exit(f"derive-ce failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    files = json.loads(done.stdout)["files"]
    return {str(Path(f["path"]).resolve()): f for f in files}


def judge(path: Path, report: dict) -> Outcome:
    records = [s for s in report["steps"] if s["kind"] != "start" or s["status"] == "error"]
    passing = sum(s["status"] in PASSING for s in records)
    blocking = [s for s in report["steps"] if s["status"] not in PASSING
                and not (s["kind"] == "start" and s["status"] != "error")]
    scope = expectation(path).get("scope", "in")
    if report.get("error"):
        error = report["error"]
        match = re.match(r"line (\d+): (.*)", error, re.S)
        line, why = (int(match.group(1)), match.group(2)) if match else (None, error)
        return Outcome(path.name, scope, False, passing, len(records), line, why.split("\n")[0])
    if blocking:
        first = blocking[0]
        return Outcome(path.name, scope, False, passing, len(records), first["line"],
                       f"{first['status']}: {(first.get('message') or '').splitlines()[0] if first.get('message') else ''}")
    if passing == 0:
        return Outcome(path.name, scope, False, 0, len(records), None,
                       "nothing was checked (no step read from the display math)")
    return Outcome(path.name, scope, True, passing, len(records), None, "")


def as_expected(path: Path, report: dict) -> bool:
    """Whether derive-ce's verdicts are the careful reader's of NAME.expect.yaml.

    Every derivation that holds has its records (at least one) proved or numeric; every
    derivation published with an error (`holds: false`) has a record failed within its lines;
    no record outside the wrong derivations fails or is refused. A file refused as a whole is
    as expected only when it is out of scope. Files without an expect.yaml count as holding.
    """
    expect = expectation(path)
    if report.get("error"):
        return expect.get("scope", "in") == "out"
    records = [s for s in report["steps"] if s["kind"] != "start" or s["status"] == "error"]
    derivations = expect.get("derivations") or []
    wrong = [d for d in derivations if d.get("holds") is False]

    def within(record: dict, derivation: dict) -> bool:
        first, last = derivation["lines"]
        return record.get("line") is not None and first <= record["line"] <= last

    for derivation in derivations:
        mine = [r for r in records if within(r, derivation)]
        if derivation.get("holds") is False:
            if not any(r["status"] == "failed" for r in mine):
                return False
        elif not mine and "[definitional]" not in str(derivation.get("claim", "")):
            return False
    outside = [r for r in records if not any(within(r, d) for d in wrong)]
    return bool(records) and all(r["status"] in PASSING for r in outside)


def cause(why: str) -> str:
    """The message with its particulars (names, numbers, counterexamples) taken out."""
    text = why.split(" at ", 1)[0] if why.startswith("failed: not equal") else why
    text = re.sub(r"^error: (line \d+: )?", "", text)
    text = re.sub(r" \(column \d+\)$", "", text)
    text = re.sub(r"`[^`]*`", "`…`", text)
    text = re.sub(r"\d+(\.\d+)?", "N", text)
    return text[:110]


def report(outcomes: list[Outcome]) -> str:
    lines = []
    for scope in ("in", "out"):
        group = [o for o in outcomes if o.scope == scope]
        if not group:
            continue
        ok = [o for o in group if o.verifies]
        lines.append(f"{scope}-scope files: {len(ok)} of {len(group)} verify unchanged; "
                     f"{sum(o.expected for o in group)} of {len(group)} read as expected "
                     f"(published errors failed); "
                     f"{sum(o.passing for o in group)} of {sum(o.records for o in group)} "
                     f"steps and results proved or numeric")
    lines.append("")
    lines.append("verify unchanged: " + (", ".join(o.name for o in outcomes if o.verifies) or "none"))
    lines.append("read as expected: " + (", ".join(o.name for o in outcomes if o.expected) or "none"))
    causes: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if not outcome.verifies:
            causes[cause(outcome.why)].append(outcome)
    lines.append("")
    lines.append("first blocking line of every other file, by cause (most files first):")
    for key, group in sorted(causes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"  [{len(group)}] {key}")
        for outcome in group:
            where = f"line {outcome.line}" if outcome.line else "file"
            lines.append(f"        {outcome.name} ({outcome.scope}), {where}: {outcome.why[:140]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="notes to check (default: the corpus)")
    parser.add_argument("--heldout", action="store_const", const="heldout", dest="which",
                        help="the held-out files instead")
    parser.add_argument("--all", action="store_const", const="all", dest="which",
                        help="the corpus and the held-out files")
    parser.add_argument("--dir", type=Path,
                        help="every notes file in this folder instead (e.g. tests/notes/heldout22)")
    parser.add_argument("--dce", help="the derive-ce executable (default: this Python's module)")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    args = parser.parse_args(argv)
    paths = args.files or (folder(args.dir) if args.dir else corpus(args.which or "real"))
    dce = [args.dce] if args.dce else [sys.executable, "-m", "derive_ce"]
    results = run_check(paths, dce, args.jobs)
    outcomes = [dataclasses.replace(judge(p, results[str(p.resolve())]),
                                    expected=as_expected(p, results[str(p.resolve())]))
                for p in paths]
    if args.json:
        print(json.dumps([o.__dict__ for o in outcomes], indent=1))
    else:
        print(report(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
