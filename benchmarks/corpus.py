"""How many real-world LaTeX lines derive-ce reads, and reads with the right meaning.

Run by hand from the repository root (a script, not a test):

    .venv/bin/python benchmarks/corpus.py [--dce PATH] [--corpus FILE] [-j 2]

Every entry of tests/corpus/lines.yaml becomes one or more derivation files
in a temporary folder, checked with a single
`derive-ce check --format json --no-cache -j N FOLDER`:

- a string meaning: steps [latex, {expr: meaning}];
- a list (a chain `a = b = c`): the whole line alone (is it read at all?),
  then one file per part, [part, {expr: meaning of the part}];
- a mapping {condition: meaning}: steps [latex] and one case per condition
  whose only step is {expr: meaning};
- null (out of scope): the line alone, to see whether it is refused.

An entry is `refused` when any of its LaTeX cannot be read (status error, or
the file is refused), `right` when every comparison with its meaning is
proved or numeric, `misread` otherwise.  An `expr:` that derive-ce refuses is
a fault of the corpus and is reported as `corpus-error`, never counted as a
reading.  Prints the fraction read (not refused) and read right over the
in-scope lines, then the misread and refused lines with their messages.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "lines.yaml"
PASSING = ("proved", "numeric")


@dataclass(frozen=True)
class Verdict:
    """What became of one corpus entry."""

    id: str
    outcome: str        # right | misread | refused | corpus-error | out-of-scope-refused | out-of-scope-read
    message: str = ""


def load(path: Path = CORPUS) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]


def chain_parts(latex: str) -> list[str]:
    """The parts of `a = b = c` split at `=` outside braces and brackets;
    an alignment `&` next to a split `=` goes with it; empty parts dropped."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(latex):
        if char in "{([" and latex[at - 1:at] != "\\":
            depth += 1
        elif char in "})]" and latex[at - 1:at] != "\\":
            depth -= 1
        elif char == "=" and depth == 0:
            parts.append(latex[start:at])
            start = at + 1
    parts.append(latex[start:])
    cleaned = [re.sub(r"&\s*$", "", re.sub(r"^\s*&", "", part)).strip() for part in parts]
    return [part for part in cleaned if part]


PASTE = [(re.compile(p), r) for p, r in (
    (r"\\tag\{[^{}]*\}|\\nonumber", ""), (r"&\s*=", "="), (r"=\s*&", "="),
    (r"^\s*&", ""), (r"(\\\\\s*)+$", ""), (r"[.,]\s*$", ""))]


def without_paste(latex: str) -> str:
    r"""The line without what pasting from an align block or a sentence adds:
    `&`, a trailing `\\`, `\tag{..}`, `\nonumber`, a final `.` or `,`."""
    for pattern, replacement in PASTE:
        latex = pattern.sub(replacement, latex.strip())
    return latex.strip()


def documents(entry: dict) -> list[tuple[str, dict]]:
    """(role, derivation document) pairs for one entry."""
    head = {key: entry[key] for key in ("symbols", "definitions") if entry.get(key)}
    latex, meaning = entry["latex"], entry["meaning"]
    if meaning is None:
        return [("whole", {**head, "steps": [latex]})]
    if isinstance(meaning, str):
        return [("compare", {**head, "steps": [latex, {"expr": meaning}]})]
    if isinstance(meaning, dict):
        cases = [{"when": when, "steps": [{"expr": expr}]} for when, expr in meaning.items()]
        return [("compare", {**head, "steps": [latex], "cases": cases})]
    parts = chain_parts(latex)
    if len(parts) != len(meaning):
        raise ValueError(f"{entry['id']}: {len(parts)} parts but {len(meaning)} meanings")
    return [("whole", {**head, "steps": [latex]})] + [
        ("compare", {**head, "steps": [part, {"expr": expr}]})
        for part, expr in zip(parts, meaning)]


def run_check(folder: Path, dce: list[str], jobs: int) -> dict[str, dict]:
    """One CLI call for the folder; its JSON report by file name."""
    command = dce + ["check", "--format", "json", "--no-cache", "-j", str(jobs), str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"derive-ce gave no JSON (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return {Path(item["path"]).name: item for item in report["files"]}


def judge_file(result: dict, role: str, exprs: set[str]) -> tuple[str, str]:
    """(outcome, message) of one generated file."""
    if result.get("error") and not result.get("steps"):
        return "refused", result["error"]
    records = result.get("steps", [])
    for record in records:
        if record["status"] == "error":
            if record.get("expr") in exprs:
                return "corpus-error", record["message"]
            return "refused", record["message"]
    if role == "whole":
        return "read", ""
    for record in records:
        if record["status"] not in PASSING:
            return "misread", f"{record['status']}: {record['message']}"
    if not records:
        return "misread", "nothing was compared"
    return "right", ""


def judge_entry(entry: dict, outcomes: list[tuple[str, str]]) -> Verdict:
    kinds = [outcome for outcome, _ in outcomes]
    first = {outcome: message for outcome, message in reversed(outcomes)}
    if entry["meaning"] is None:
        if "refused" in kinds:
            return Verdict(entry["id"], "out-of-scope-refused", first["refused"])
        return Verdict(entry["id"], "out-of-scope-read")
    for outcome in ("corpus-error", "refused", "misread"):
        if outcome in kinds:
            return Verdict(entry["id"], outcome, first[outcome])
    return Verdict(entry["id"], "right")


def expressions(entry: dict) -> set[str]:
    meaning = entry["meaning"]
    if isinstance(meaning, dict):
        return set(meaning.values())
    if isinstance(meaning, list):
        return set(meaning)
    return {meaning} if meaning else set()


def classify(entries: list[dict], dce: list[str], jobs: int = 2) -> list[Verdict]:
    """Write the files, run derive-ce once, judge every entry."""
    with tempfile.TemporaryDirectory(prefix="dce-corpus-") as folder:
        plan = []
        for number, entry in enumerate(entries):
            names = []
            for part, (role, document) in enumerate(documents(entry)):
                name = f"e{number:03d}_{part}.yaml"
                Path(folder, name).write_text(yaml.safe_dump(document, allow_unicode=True,
                                                             sort_keys=False), encoding="utf-8")
                names.append((name, role))
            plan.append((entry, names))
        results = run_check(Path(folder), dce, jobs)
    verdicts = []
    for entry, names in plan:
        outcomes = [judge_file(results[name], role, expressions(entry)) for name, role in names]
        verdicts.append(judge_entry(entry, outcomes))
    return verdicts


def summary(entries: list[dict], verdicts: list[Verdict]) -> str:
    by_id = {entry["id"]: entry for entry in entries}
    count = {}
    for verdict in verdicts:
        count[verdict.outcome] = count.get(verdict.outcome, 0) + 1
    scoped = sum(count.get(k, 0) for k in ("right", "misread", "refused", "corpus-error"))
    read = count.get("right", 0) + count.get("misread", 0)
    lines = [f"corpus: {len(entries)} lines, {scoped} in scope, "
             f"{len(entries) - scoped} out of scope",
             f"read (not refused):      {read}/{scoped} = {read / max(scoped, 1):.0%}",
             f"read with right meaning: {count.get('right', 0)}/{scoped} = "
             f"{count.get('right', 0) / max(scoped, 1):.0%}",
             f"out of scope: {count.get('out-of-scope-refused', 0)} refused, "
             f"{count.get('out-of-scope-read', 0)} read anyway"]
    for outcome in ("misread", "refused", "corpus-error", "out-of-scope-read"):
        chosen = [v for v in verdicts if v.outcome == outcome]
        if chosen:
            lines.append(f"\n{outcome} ({len(chosen)}):")
        if outcome == "refused":
            chosen.sort(key=lambda v: refusal_kind(v.message))
        for verdict in chosen:
            message = " ".join(verdict.message.split())[:160]
            lines.append(f"  {verdict.id}: {by_id[verdict.id]['latex']}")
            if message:
                lines.append(f"      {message}")
    refusals = [refusal_kind(v.message) for v in verdicts if v.outcome == "refused"]
    if refusals:
        lines.append("\nrefusals by what was refused:")
        lines += [f"  {refusals.count(kind):3d}  {kind}" for kind in sorted(set(refusals),
                                                                     key=refusals.count, reverse=True)]
    return "\n".join(lines)


def refusal_kind(message: str) -> str:
    """What a refusal message is about: the command or text it stops at."""
    first = message.split("\n")[0]
    command = re.search(r"unknown LaTeX command (\\[A-Za-z]+)", first)
    if command:
        return f"command {command.group(1)}"
    at = re.search(r"cannot read the LaTeX at `([^`\s]+)", first)
    if at:
        return f"stops at `{at.group(1)[:12]}`"
    return re.sub(r"`[^`]*`", "`…`", re.sub(r"^line \d+: ", "", first))[:70]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dce", help="the derive-ce executable (default: this Python's module)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--only", help="comma-separated entry ids")
    parser.add_argument("--strip-paste", action="store_true",
                        help="remove &, trailing \\\\, \\tag, final . or , first (what is read beyond pasting)")
    args = parser.parse_args(argv)
    dce = [args.dce] if args.dce else [sys.executable, "-m", "derive_ce"]
    entries = load(args.corpus)
    if args.only:
        wanted = set(args.only.split(","))
        entries = [entry for entry in entries if entry["id"] in wanted]
    if args.strip_paste:
        entries = [{**entry, "latex": without_paste(entry["latex"])} for entry in entries]
    print(summary(entries, classify(entries, dce, args.jobs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
