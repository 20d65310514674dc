"""The default output, for people: each step, its status and its why."""

from __future__ import annotations

import os

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from derive_ce.results import FileReport, Record, counts, exit_code

MARKS = {"proved": ("✓", "green"), "numeric": ("≈", "yellow"), "failed": ("✗", "bold red"),
         "unknown": ("?", "magenta"), "error": ("!", "bold red"), "start": ("·", "dim")}


def render(reports: list[FileReport], strict: bool, out) -> None:
    console = Console(file=out, no_color="NO_COLOR" in os.environ or None,
                      highlight=False, soft_wrap=True)
    for number, report in enumerate(reports):
        if number:
            console.print()
        _file(console, report)
    tally = counts(reports)
    code = exit_code(reports, strict)
    summary = ", ".join(f"{n} {s}" for s, n in tally.items() if n)
    word = {0: "[green]all steps hold[/]", 1: "[bold red]some steps do not hold[/]",
            2: "[bold red]some input could not be used[/]"}[code]
    console.print(f"\n{word}: {summary or 'nothing checked'} "
                  f"({len(reports)} file{'s' if len(reports) != 1 else ''})")


def _file(console: Console, report: FileReport) -> None:
    title = f" — {escape(report.title)}" if report.title else ""
    console.print(f"[bold]{escape(report.path)}[/]{title}")
    if report.error is not None:
        console.print(f"  [bold red]! cannot use this file:[/] {escape(report.error)}")
        return
    case: tuple[str, ...] = ()
    for record in report.records:
        if record.case != case:
            case = record.case
            if case:
                console.print(f"  [bold cyan]case {escape(' ; '.join(case))}[/]")
        _record(console, record, "  " * (len(case) + 1))


def _record(console: Console, record: Record, indent: str) -> None:
    mark, style = MARKS["start" if record.kind == "start" and record.status != "error"
                        else record.status]
    line = Text(indent)
    line.append(f"{mark} ", style=style)
    line.append(f"{record.line:>4}  ", style="dim")
    prefix = "result " if record.kind == "result" else ("  " if record.kind == "start" else "= ")
    line.append(prefix + record.expr)
    if record.why and record.kind != "start":
        line.append(f"   | {record.why}", style="italic dim")
    console.print(line)
    if record.reading:
        for text in record.reading.splitlines():
            console.print(Text(f"{indent}        {text}", style="cyan"))
    if record.kind == "start" and record.status != "error":
        return
    if record.status != "proved" or record.message:
        label = Text(f"{indent}        {record.status}", style=style)
        if record.message:
            label.append(": " + record.message, style="default")
        console.print(label)
