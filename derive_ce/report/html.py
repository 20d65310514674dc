"""`--format html`: one self-contained page, math as MathML (no script, no network).

Each step is typeset from its LaTeX by latex2mathml; its tooltip shows how
derive-ce read it (the Unicode rendering).  latex2mathml copies text such as
`\\text{...}` into its output unescaped, so its MathML is parsed and written
out again through a whitelist of MathML elements and attributes; anything
else falls back to the escaped Unicode rendering.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from derive_ce.read.render import is_math
from derive_ce.report import View
from derive_ce.report.layout import (
    case_text,
    failure,
    label,
    math_text,
    natural,
    numbers,
    relabel,
    record_why,
    step_text,
)
from derive_ce.results import FileReport, Record, counts, exit_code

MARKS = {"proved": "✓", "numeric": "≈", "failed": "✗", "unknown": "?", "error": "!",
         "start": "·"}
PREFIX = {"start": "", "step": "=", "result": "result"}
ELEMENTS = set("""math mrow mi mn mo ms mtext mspace msub msup msubsup mfrac msqrt mroot
mover munder munderover mstyle mtable mtr mtd mpadded mphantom menclose""".split())
ATTRIBUTES = set("""display stretchy fence form accent accentunder mathvariant separator
lspace rspace linethickness displaystyle scriptlevel columnalign width height depth
notation movablelimits largeop symmetric minsize maxsize""".split())
MAX_LATEX = 5_000
MAX_ROWS = 12                 # rows of a counterexample table, at most
STATES = {0: "holds", 1: "does not hold", 2: "has input that cannot be used"}

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#1b1b1b}
h1{font-size:1.5em;margin:0 0 .3em} h2{font-size:1.15em;margin:1.6em 0 .4em}
h3{font-size:1.05em;margin:1em 0 .3em}
.summary{padding:.6em 1em;border-radius:6px;font-weight:600}
.summary.ok{background:#e3f5e1;color:#17611b} .summary.bad{background:#fde2e2;color:#9b1111}
.tally span{display:inline-block;margin-right:1.2em}
ul.files{padding-left:1.2em} a{color:#1f4fbf}
section.case{border-left:3px solid #7aa7d6;margin:.4em 0 .4em .4em;padding-left:.8em}
.case>h4{margin:.3em 0;font-size:1em;color:#2a5d8f}
div.step{display:grid;grid-template-columns:1.6em 3.2em 3.6em 1fr;align-items:baseline;
  gap:.2em;padding:.25em .4em;border-radius:4px}
div.step+div.step{border-top:1px solid #eee}
.mark{font-weight:700;text-align:center} .line{color:#777;text-align:right;padding-right:.6em}
.rel{color:#555} math{font-size:1.2em;math-style:normal}
.why{grid-column:4;color:#666;font-style:italic}
.proved .mark{color:#1d7a22} .numeric .mark{color:#a66b00} .unknown .mark{color:#8a2a9e}
div.failed,div.error{background:#fde2e2} .failed .mark,.error .mark{color:#c40000}
.message{grid-column:2/5;color:#6b0000;white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.9em}
.message.note{color:#1f4d1f}
table.counterexample{grid-column:4;justify-self:start;border-collapse:collapse;margin:.3em 0;font-size:.9em}
table.counterexample td,table.counterexample th{border:1px solid #e5b3b3;padding:.15em .6em;text-align:left}
p.slip{grid-column:2/5;margin:.3em 0 .1em;color:#6b0000}
table.readings{grid-column:2/5;justify-self:start;border-collapse:collapse;margin:.2em 0}
table.readings th{text-align:left;font-weight:500;color:#555;padding:.15em .8em .15em 0;font-size:.9em}
pre.reading{grid-column:4;margin:.2em 0;color:#0b5f73;font-size:.85em}
.fileerror{background:#fde2e2;padding:.5em 1em;border-radius:4px;white-space:pre-wrap;font-family:ui-monospace,monospace}
"""


def render(reports: list[FileReport], strict: bool, out, view: View | None = None) -> None:
    view = view or View()
    code = exit_code(reports, strict)
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>derive-ce report</title>", f"<style>{STYLE}</style></head><body>",
             _summary(reports, strict, code)]
    for number, report in enumerate(reports, 1):
        parts.append(_file(report, number, strict, view))
    parts.append("</body></html>")
    out.write("\n".join(parts) + "\n")


def _summary(reports: list[FileReport], strict: bool, code: int) -> str:
    word = {0: "all steps hold", 1: "some steps do not hold", 2: "some input could not be used"}[code]
    tally = " ".join(f"<span>{MARKS[s]} {n} {s}</span>" for s, n in counts(reports).items() if n)
    if code == 0 and not tally:
        word = "no step to check"     # prose only: exit 0, but nothing was shown to hold
    items = "".join(
        f'<li><a href="#file-{n}">{escape(r.path)}</a>{_title(r)}: '
        f'{STATES[r.exit_code(strict)]}</li>'
        for n, r in enumerate(reports, 1))
    return (f'<header><h1>derive-ce report</h1><p class="summary {"ok" if code == 0 else "bad"}">'
            f'{word}</p><p class="tally">{tally or "nothing checked"}</p>'
            f'<ul class="files">{items}</ul></header>')


def _title(report: FileReport) -> str:
    return f" — {escape(report.title)}" if report.title else ""


def _file(report: FileReport, number: int, strict: bool, view: View) -> str:
    head = f'<section class="file" id="file-{number}"><h2>{escape(report.path)}{_title(report)}</h2>'
    if report.error is not None:
        return head + f'<p class="fileerror">! {escape(report.error)}</p></section>'
    body: list[str] = []
    open_cases: list[str] = []
    section = ""
    for record in report.records:
        if record.derivation != section:
            body.append(_close(open_cases, 0) + ("</section>" if section else ""))
            section = record.derivation
            body.append(f'<section class="derivation"><h3>{escape(section)}</h3>')
        body.append(_cases(open_cases, record))
        body.append(_record(record, view))
    body.append(_close(open_cases, 0) + ("</section>" if section else ""))
    return head + "".join(body) + "</section>"


def _cases(open_cases: list[str], record: Record) -> str:
    """Close and open <section class="case"> so that the open ones are the record's."""
    case = record.case
    same = 0
    while same < min(len(open_cases), len(case)) and open_cases[same] == case[same]:
        same += 1
    html = _close(open_cases, same)
    for depth in range(same, len(case)):
        open_cases.append(case[depth])
        shown = case_text(record, depth, False)
        html += f'<section class="case"><h4>case {mathml(case[depth], "relation", shown)}</h4>'
    return html


def _close(open_cases: list[str], keep: int) -> str:
    html = ""
    while len(open_cases) > keep:
        open_cases.pop()
        html += "</section>"
    return html


def _record(record: Record, view: View) -> str:
    kind = "start" if record.kind == "start" and record.status != "error" else record.status
    html = (f'<div class="step {kind}"><span class="mark" title="{kind}">{MARKS[kind]}</span>'
            f'<span class="line">{_line(record)}</span><span class="rel">{PREFIX[record.kind]}</span>'
            f"<span>{mathml(record.expr, shown=step_text(record, False))}</span>")
    if record.why and record.kind != "start":
        html += f'<span class="why">{_why(record)}</span>'
    if record.reading:
        html += f'<pre class="reading">{escape(record.reading)}</pre>'
    if record.status == "proved" and record.message and kind != "start":    # the layout, a caveat
        html += f'<div class="message note">proved: {escape(relabel(record.message, record.kind))}</div>'
    if record.status != "proved" and kind != "start":
        message = failure(record, view.latex) if record.message else ""
        html += f'<div class="message">{escape(record.status)}{": " if message else ""}{escape(message)}</div>'
        html += _counterexample(record)
        html += _explained(record)
    return html + "</div>"


def _explained(record: Record) -> str:
    """The slip in words, the difference and both readings as MathML."""
    slip = record.slip or {}
    parts = []
    if slip.get("said"):
        parts.append(f'<p class="slip"><b>slip:</b> {escape(slip["said"])}</p>')
    before, after = ("the last step", "the result") if record.kind == "result" \
        else ("previous step", "this step")
    rows = []
    if slip.get("difference"):
        rows.append((f"{after} − {before}", slip["difference"], slip.get("shown", "")))
    for name, side in (record.readings or {}).items():
        how = "read as, definitions expanded" if side.get("expanded") else "read as"
        rows.append((f"{before if name == 'previous' else after} {how}", side["latex"],
                     side.get("shown", "")))
    if rows:
        parts.append('<table class="readings">' + "".join(
            f"<tr><th>{escape(name)}</th><td>{mathml(text, shown=shown)}</td></tr>"
            for name, text, shown in rows) + "</table>")
    return "".join(parts)


def _why(record: Record) -> str:
    """Free text, or math typeset when it is LaTeX that derive-ce can read."""
    shown = record_why(record, False)
    if is_math(record.why):
        return mathml(record.why, shown=shown)
    return escape(shown)


def _counterexample(record: Record) -> str:
    evidence = record.evidence or {}
    if record.status != "failed" or "point" not in evidence:
        return ""
    items = sorted(evidence["point"].items(), key=lambda kv: ("_" in kv[0], natural(kv[0])))
    rows = "".join(f"<tr><th>{escape(label(k, False, record.shown_point))}</th>"
                   f"<td>{escape(numbers(str(v))[0])}</td></tr>"
                   for k, v in items[:MAX_ROWS])
    if len(items) > MAX_ROWS:
        rows += f'<tr><td colspan="2">… {len(items) - MAX_ROWS} more</td></tr>'
    left, right = numbers(str(evidence.get("left")), str(evidence.get("right")))
    before, after = ("the last step", "the result") if record.kind == "result" \
        else ("previous step", "this step")
    rows += f"<tr><th>{before}</th><td>{escape(left)}</td></tr>"
    rows += f"<tr><th>{after}</th><td>{escape(right)}</td></tr>"
    return f'<table class="counterexample"><caption>counterexample</caption>{rows}</table>'


# -- MathML, through a whitelist ------------------------------------------------

def mathml(latex: str, start: str = "chain", shown: str = "") -> str:
    """Typeset LaTeX as MathML; the escaped Unicode rendering if that fails."""
    shown = shown or math_text(latex, False, start)
    try:
        if len(latex) > MAX_LATEX:
            raise ValueError("too long")
        from latex2mathml.converter import convert
        root = ET.fromstring(convert(latex))
        body = "".join(_element(child) for child in root)
    except Exception:  # noqa: BLE001 - latex2mathml may fail on any input; show text
        return f'<code title="{escape(latex)}">{escape(shown)}</code>'
    return (f'<span class="math" title="read as: {escape(shown)}">'
            f'<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow>{body}'
            '</mrow></math></span>')


def _element(node: ET.Element) -> str:
    tag = node.tag.rsplit("}", 1)[-1]
    if tag not in ELEMENTS:
        raise ValueError(f"unexpected element {tag}")
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in node.attrib.items() if k in ATTRIBUTES)
    inner = escape(node.text or "") + "".join(
        _element(child) + escape(child.tail or "") for child in node)
    return f"<{tag}{attrs}>{inner}</{tag}>"


def _line(record: Record) -> str:
    """The line number; in a notebook the cell too ("3:2", its title says it)."""
    if record.cell:
        return f'<span title="{record.place()}">{record.cell}:{record.line}</span>'
    return str(record.line)
