"""`--format concise`: one line per problem, `path:line:col: status: message`,
as ruff and mypy print them (editors and `grep` jump to the place), then a
summary line."""

from __future__ import annotations

from derive_ce.report.layout import failure
from derive_ce.results import FileReport, counts, exit_code


def render(reports: list[FileReport], strict: bool, out, view=None) -> None:
    for report in reports:
        if report.error is not None:
            line = _line_of(report.error)
            out.write(f"{report.path}:{line or 1}:1: error: {_one_line(report.error)}\n")
            continue
        for record in report.records:
            if record.passing(strict):
                continue
            message = failure(record, False) if record.message else record.status
            said = (record.slip or {}).get("said")
            if said:
                message += f" ({said})"
            if record.cell:             # a notebook: the line is within its cell
                message = f"{record.place()}: {message}"
            out.write(f"{report.path}:{record.line}:{record.column or 1}: {record.status}: "
                      f"{_one_line(message)}\n")
    tally = counts(reports)
    summary = ", ".join(f"{n} {s}" for s, n in tally.items() if n) or "nothing checked"
    out.write(f"{summary} (exit {exit_code(reports, strict)})\n")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _line_of(message: str) -> int | None:
    if message.startswith("line "):
        number = message[5:].split(":", 1)[0].split(",")[0]
        return int(number) if number.isdigit() else None
    return None
