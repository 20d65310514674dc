"""`--format json`: one JSON document on stdout, as the contract fixes it."""

from __future__ import annotations

import json

from derive_ce.results import FileReport, Record, counts, exit_code, not_checked


def render(reports: list[FileReport], strict: bool, out, view=None) -> None:
    document = {
        "files": [_file(r, strict) for r in reports],
        "summary": {**counts(reports), "exit_code": exit_code(reports, strict)},
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def _file(report: FileReport, strict: bool) -> dict:
    records = [] if report.error is not None else report.records
    data = {
        "path": report.path,
        "title": report.title,
        "ok": report.ok(strict),
        "error": report.error,
        "steps": [_record(r) for r in records if r.kind != "start" or r.status == "error"],
    }
    skipped = [{"line": r.line, "case": list(r.case), "expr": r.expr, "message": r.message}
               for r in records if not_checked(r)]
    if skipped:
        data["not_checked"] = skipped
    titles = list(dict.fromkeys(r.derivation for r in records if r.derivation))
    if titles:
        data["derivations"] = [
            {"title": t, "ok": all(r.passing(strict) for r in records if r.derivation == t)}
            for t in titles]
    return data


def _record(record: Record) -> dict:
    data = {"line": record.line, **({"cell": record.cell} if record.cell else {}),
            "case": list(record.case),
            "kind": "step" if record.kind == "start" else record.kind,
            "status": record.status, "message": record.message}
    if record.why:
        data["why"] = record.why
    data["expr"] = record.expr
    if record.method:
        data["method"] = record.method
    if record.against is not None:
        data["against"] = record.against
    if record.reading:
        data["reading"] = record.reading
    if record.evidence and record.status == "failed" and "point" in record.evidence:
        data["counterexample"] = record.evidence
    if record.status == "failed":
        data["slip"] = record.slip or {"kind": None, "difference": None}
        if record.readings:
            data["readings"] = record.readings
    if record.derivation:
        data["derivation"] = record.derivation
    if record.cross_checked is not None:
        data["cross_checked"] = record.cross_checked
    return data
