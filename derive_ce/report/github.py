"""`--format github`: GitHub Actions workflow commands, one per problem."""

from __future__ import annotations

from derive_ce.results import FileReport, counts, exit_code

LEVELS = {"failed": "error", "error": "error", "unknown": "warning"}


def render(reports: list[FileReport], strict: bool, out, view=None) -> None:
    for report in reports:
        if report.error is not None:
            line = _line_of(report.error)
            out.write(_command("error", report.path, line, report.error) + "\n")
            continue
        for record in report.records:
            level = LEVELS.get(record.status)
            if strict and record.status == "numeric":
                level = "error"
            if level:
                text = f"{record.status}: {record.message}".strip(": ")
                if record.cell:         # a notebook: the line of a cell, not of the file
                    text = f"{record.place()}: {text}"
                line = None if record.cell else record.line
                out.write(_command(level, report.path, line, text) + "\n")
    tally = counts(reports)
    out.write(", ".join(f"{n} {s}" for s, n in tally.items())
              + f"; exit {exit_code(reports, strict)}\n")


def _command(level: str, path: str, line: int | None, message: str) -> str:
    where = f"file={_escape_property(path)}" + (f",line={line}" if line else "")
    return f"::{level} {where},title=derive-ce::{_escape(message)}"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def _line_of(message: str) -> int | None:
    if message.startswith("line "):
        number = message[5:].split(":", 1)[0]
        return int(number) if number.isdigit() else None
    return None
