"""The matrix cookbook's figures (issue 17): how many identities verify, how
many are cross-checked by the independent evaluator, how many one-slip twins
fail on their line.

Run by hand from the repository root (a measurement, not a test):

    .venv/bin/python benchmarks/matrix.py [--dce PATH] [-j 2]

tests/notes/matrix/NAME.md is an identity written as notes (its display on
line 6), NAME_slip.md the same with one transpose, factor, sign or order
slip; tests/notes/matrix/yaml/NAME.true.yaml and NAME.false.yaml are YAML
twins (the false one marks its line with `expect: failed`).  All are
checked in one `derive-ce check --format json --no-cache` run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COOKBOOK = ROOT / "tests" / "notes" / "matrix"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dce", default=str(ROOT / ".venv" / "bin" / "derive-ce"))
    parser.add_argument("-j", default="2")
    args = parser.parse_args()
    notes = sorted(COOKBOOK.glob("*.md"))
    yaml = sorted((COOKBOOK / "yaml").glob("*.true.yaml")) \
        + sorted((COOKBOOK / "yaml").glob("*.false.yaml"))
    run = subprocess.run([args.dce, "check", "--format", "json", "--no-cache", "-j", args.j]
                         + [str(p.resolve()) for p in notes + yaml], capture_output=True, text=True)
    files = {Path(f["path"]).name: f for f in json.loads(run.stdout)["files"]}
    true = [p.name for p in notes if not p.stem.endswith("_slip")] \
        + [p.name for p in yaml if ".true." in p.name]
    verified, checked, slips, caught, misses = 0, 0, 0, 0, []
    for name in true:
        steps = files[name]["steps"]
        good = [s for s in steps if s["status"] in ("proved", "numeric")]
        if steps and len(good) == len(steps):
            verified += 1
            checked += all(s.get("cross_checked") for s in good)
        else:
            misses.append((name, [(s["line"], s["status"], s["message"][:90]) for s in steps
                                  if s["status"] not in ("proved", "numeric")]))
    for path in notes + yaml:
        if not (path.stem.endswith("_slip") or ".false." in path.name):
            continue
        slips += 1
        line = 6 if path.suffix == ".md" else next(
            n for n, text in enumerate(path.read_text().splitlines(), 1) if "expect: failed" in text)
        bad = [s for s in files[path.name]["steps"] if s["status"] not in ("proved", "numeric")]
        if bad and bad[0]["status"] == "failed" and bad[0]["line"] == line:
            caught += 1
        else:
            misses.append((path.name, [(s["line"], s["status"]) for s in bad[:1]]))
    print(f"identities that verify: {verified}/{len(true)} ({verified / len(true):.0%}); "
          f"cross-checked by the evaluator: {checked}/{verified}")
    print(f"one-slip twins failed on their line: {caught}/{slips}")
    for name, why in misses:
        print(f"  {name}: {why}")


if __name__ == "__main__":
    main()
