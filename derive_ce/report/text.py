"""The default output, for people: each step as math, its status and its why.

Laid out as plain lines of (text, style) segments.  Without colour (NO_COLOR,
`--color never`, or not a terminal) the segments are written as they are,
without importing rich, so no escape code can leak; with colour, rich styles
them.  A run answered from the cache (start.py) writes rich's codes itself
(`ansi=True`), byte for byte what rich writes, and leaves to rich any line
or terminal where that is not plain (tests/test_output.py compares them).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from derive_ce.report import View
from derive_ce.report.layout import (
    PROSE,
    case_text,
    explained,
    failure,
    record_why,
    step_text,
    width,
    wrap,
)
from derive_ce.results import FileReport, Record, counts, exit_code, not_checked, unsure

MARKS = {"proved": ("✓", "green"), "numeric": ("≈", "yellow"), "failed": ("✗", "bold red"),
         "unknown": ("?", "magenta"), "error": ("!", "bold red"), "start": ("·", "dim")}
PREFIX = {"start": "  ", "step": "= ", "result": "result "}
HEAD = 8                      # "✓ 1234  ": the mark and the line number
# What rich writes for each style on a colour terminal, whatever its colour
# system (these are the 16 standard colours): attributes, then the colour.
SGR = {"green": "32", "yellow": "33", "magenta": "35", "cyan": "36", "bold": "1", "dim": "2",
       "bold red": "1;31", "bold cyan": "1;36", "italic dim": "2;3"}
_RICH_ALTERS = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")   # rich strips or expands these


def render(reports: list[FileReport], strict: bool, out, view: View | None = None,
           ansi: bool = False) -> None:
    """`ansi`: write the colour codes here, without rich, where rich would
    write exactly these (the cached path: rich costs a fifth of its time)."""
    view = view or View()
    sink = _sink(out, view, ansi)
    shown = 0
    for report in reports:
        lines = _file(report, strict, view)
        if lines:
            if shown:
                sink([])
            for line in lines:
                sink(line)
            shown += 1
    sink([])
    sink(_summary(reports, strict))


def _summary(reports: list[FileReport], strict: bool) -> list:
    tally = counts(reports)
    code = exit_code(reports, strict)
    summary = ", ".join(f"{n} {s}" for s, n in tally.items() if n)
    skipped = sum(1 for r in reports for record in r.records if not_checked(record))
    if skipped:
        summary += ("; " if summary else "") + \
            f"{skipped} row{'s' if skipped != 1 else ''} not checked (each with its reason)"
    word, style = {0: ("all steps hold", "green"), 1: ("some steps do not hold", "bold red"),
                   2: ("some input could not be used", "bold red")}[code]
    if code == 1 and not tally["failed"] \
            and any(unsure(record) for r in reports for record in r.records):
        word = "some steps are not checked"          # a name defined again: never "all hold"
    if code == 0 and not any(tally.values()):
        word, style = "no step to check", "yellow"   # prose only: exit 0, but nothing holds
    files = len({r.path for r in reports})
    return [(word, style), (f": {summary or 'nothing checked'} "
                            f"({files} file{'s' if files != 1 else ''})", "")]


def _file(report: FileReport, strict: bool, view: View) -> list[list]:
    title = [(f" — {report.title}", "")] if report.title else []
    header = [[(report.path, "bold")] + title]
    if report.error is not None:
        what = "folder" if Path(report.path).is_dir() else "file"
        return header + _message_lines("  ", f"! cannot use this {what}: ", report.error,
                                       "bold red", view.width)
    records = [r for r in report.records if not view.quiet or not r.passing(strict)]
    if not records:
        return [] if view.quiet else header
    column = _why_column(records, view)
    lines: list[list] = []
    case: tuple[str, ...] = ()
    section = ""
    for record in records:
        if record.derivation != section:
            section, case = record.derivation, ()
            lines.append([("  ", ""), (section, "bold")])
        if record.case != case:
            lines.extend(_case_headers(case, record, 1 if section else 0, view))
            case = record.case
        lines.extend(_record(record, _indent(record), column, view))
    return header + lines


def _indent(record: Record) -> str:
    """Two spaces a level: the file, its derivation (of several), each case."""
    return "  " * (len(record.case) + 1 + (1 if record.derivation else 0))


def _case_headers(old: tuple, record: Record, offset: int, view: View) -> list[list]:
    new = record.case
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    return [[("  " * (depth + 1 + offset), ""),
             ("case " + case_text(record, depth, view.latex), "bold cyan")]
            for depth in range(same, len(new))]


def _start(record: Record, indent: str) -> int:
    return len(indent) + HEAD + len(PREFIX[record.kind]) + len(_line(record)) - 4


def _line(record: Record) -> str:
    """The line number, right-aligned; in a notebook "cell 3, line 2"."""
    return record.place() if record.cell else f"{record.line:>4}"


def _why_column(records: list[Record], view: View) -> int:
    """One column for every why of the file, left of 60% of the width."""
    limit = max(30, int(view.width * 0.6))
    ends = [_start(r, _indent(r)) + width(step_text(r, view.latex))
            for r in records if r.why]
    fitting = [e for e in ends if e + 3 <= limit]
    return max(fitting, default=limit - 3) + 3


def _record(record: Record, indent: str, column: int, view: View) -> list[list]:
    kind = "start" if record.kind == "start" and record.status != "error" else record.status
    mark, style = MARKS[kind]
    start = _start(record, indent)
    texts = wrap(step_text(record, view.latex), view.width - start, view.width - start - 2)
    lines = [[(indent, ""), (f"{mark} ", style), (f"{_line(record)}  ", "dim"),
              (PREFIX[record.kind] + texts[0], "")]]
    lines += [[(" " * (start + 2) + text, "")] for text in texts[1:]]
    if record.why and record.kind != "start":
        why = record_why(record, view.latex)
        if not view.latex and "\\" in why:     # math the renderer could not read
            lines += [[(" " * (start + 2) + ("| " if n == 0 else "  ") + text, "italic dim")]
                      for n, text in enumerate(wrap(record.why, max(view.width - start - 4, 20),
                                                    max(view.width - start - 4, 20), PROSE))]
        else:
            _add_why(lines, why, column, view.width)
    if record.kind != "start" or record.status == "error" or not_checked(record):
        if record.status != "proved" or record.message:
            message = failure(record, view.latex) if record.message else ""
            lines += _message_lines(indent + " " * HEAD, record.status + (": " if message else ""),
                                    message, style, view.width)
    for name, text in explained(record, view.latex):
        lines += _math_lines(indent + " " * HEAD, name + ": ", text, view.width)
    return lines + [[(indent + " " * HEAD + text, "cyan")] for text in record.reading.splitlines()]


def _math_lines(indent: str, label: str, text: str, total: int) -> list[list]:
    """`slip: …`, `this step read as: …`: math wrapped under itself."""
    hang = len(indent) + 2
    texts = wrap(text, max(total - len(indent) - len(label), 20), max(total - hang, 20))
    lines = [[(indent, ""), (label, "cyan"), (texts[0], "")]]
    return lines + [[(" " * hang + t, "")] for t in texts[1:]]


def _add_why(lines: list[list], why: str, column: int, total: int) -> None:
    last = sum(width(text) for text, _ in lines[-1])
    texts = wrap(why, max(total - column - 2, 20), max(total - column - 2, 20), PROSE)
    if last + 3 <= column:
        lines[-1].append((" " * (column - last) + "| " + texts[0], "italic dim"))
    else:
        lines.append([(" " * column + "| " + texts[0], "italic dim")])
    lines += [[(" " * column + "  " + text, "italic dim")] for text in texts[1:]]


def _message_lines(indent: str, label: str, message: str, style: str, total: int) -> list[list]:
    """`failed: …`, wrapped under itself; preformatted lines (a caret) kept as they are."""
    first, *rest = message.split("\n") if message else [""]
    hang = len(indent) + 2
    texts = wrap(first, max(total - len(indent) - len(label), 20), max(total - hang, 20), PROSE)
    lines = [[(indent, ""), (label, style), (texts[0], "")]]
    lines += [[(" " * hang + text, "")] for text in texts[1:]]
    lines += [[(indent + text, "")] for text in rest]
    return lines


def _sink(out, view: View, ansi: bool = False):
    if not _colour(out, view):
        return lambda segments: out.write("".join(text for text, _ in segments) + "\n")
    if ansi and _plain_terminal(out):
        return _ansi_sink(out)
    return _rich_sink(out)


def _ansi_sink(out):
    """Each styled segment as `ESC[<codes>m text ESC[0m`, as rich's Style.render
    writes it; a line rich would alter (control characters, tabs, lone
    surrogates) or a style not in SGR goes to rich."""
    rich = []

    def sink(segments) -> None:
        if any(style not in SGR and style or _RICH_ALTERS.search(text)
               for text, style in segments):
            if not rich:
                rich.append(_rich_sink(out))
            rich[0](segments)
            return
        out.write("".join(f"\x1b[{SGR[style]}m{text}\x1b[0m" if style and text else text
                          for text, style in segments) + "\n")
    return sink


def _plain_terminal(out) -> bool:
    """Would rich write the standard colour codes here?  Not when NO_COLOR
    (attributes only) or a dumb terminal (nothing) says otherwise, nor where
    the output cannot take UTF-8 (rich words that error its own way)."""
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return (os.environ.get("NO_COLOR", "") == ""
            and os.environ.get("TERM", "").lower() not in ("dumb", "unknown")
            and encoding == "utf8")


def _rich_sink(out):
    from rich.console import Console
    from rich.text import Text
    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True,
                      markup=False, emoji=False)

    def sink(segments) -> None:
        line = Text()
        for text, style in segments:
            line.append(text, style=style or None)
        console.print(line)
    return sink


def _colour(out, view: View) -> bool:
    if view.color != "auto":
        return view.color == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())
