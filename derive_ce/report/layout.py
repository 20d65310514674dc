"""Text layout shared by the reporters: math as people read it, counterexamples
with one precision, and wrapping at operator boundaries (no rich, no SymPy)."""

from __future__ import annotations

import re
import unicodedata

from derive_ce.results import Record

BREAKS = (" = ", " + ", " − ", " · ", " × ", " / ", " ")
PROSE = (", ", " ")
_NUMBER = re.compile(r"^(-?[0-9.eE+-]+?)(?:([+-][0-9.eE+-]+)i)?$")


def width(text: str) -> int:
    """Columns the text takes (combining accents take none)."""
    if text.isascii():
        return len(text)
    return len(text) - sum(map(bool, map(unicodedata.combining, text)))


def step_text(record: Record, latex: bool) -> str:
    """A step as it was read (or as typed, with `--latex`)."""
    if latex:
        return record.expr
    return record.shown or math_text(record.expr, False)


def math_text(source: str, latex: bool, start: str = "chain") -> str:
    """A step as Unicode math, or as typed with `--latex`."""
    if latex:
        return source
    from derive_ce.read.render import render
    return render(source, start)


def record_why(record: Record, latex: bool) -> str:
    return why_text(record.why, latex) if latex or not record.shown_why else record.shown_why


def case_text(record: Record, depth: int, latex: bool) -> str:
    """The label of the record's case at `depth`, as read (or as typed)."""
    if not latex and len(record.shown_case) > depth:
        return record.shown_case[depth]
    return math_text(record.case[depth], latex, "relation")


def why_text(why: str, latex: bool) -> str:
    """A why as prose with its math rendered (as typed, with `--latex`)."""
    if latex:
        return why
    from derive_ce.read.render import render_prose
    return render_prose(why)


def wrap(text: str, first: int, rest: int, breaks: tuple = BREAKS) -> list[str]:
    """Lines of at most `first` (then `rest`) columns, broken before an operator
    (or, for prose, after a comma)."""
    lines: list[str] = []
    room = first
    while width(text) > room > 0:
        cut = _cut(text, room, breaks)
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip(" ")
        room = rest
    lines.append(text)
    return lines


def _cut(text: str, room: int, breaks: tuple) -> int:
    """Where to break: before the last operator that fits, else anywhere."""
    limit = _index_at_width(text, room)
    short = _short_brackets(text, room)
    # not inside a bracket that fits on a line (it moves to the next one whole),
    # else as late as an operator allows
    for spans, least in ((short, room // 3), (short, 0), ([], room // 3)):
        for op in breaks:
            at = text.rfind(op, 0, limit)
            while at > least and any(lo < at < hi for lo, hi in spans):
                at = text.rfind(op, 0, at)
            if at > least:
                return at + (len(op) - 1 if op.startswith(",") else 1 if op != " " else 0)
    return max(limit, 1)


_OPEN, _CLOSE = "([{⟨", ")]}⟩"


def _short_brackets(text: str, room: int) -> list[tuple[int, int]]:
    """(open, close) positions of the brackets whose whole span fits in `room`."""
    spans, stack = [], []
    for at, char in enumerate(text):
        if char in _OPEN:
            stack.append(at)
        elif char in _CLOSE and stack:
            start = stack.pop()
            if width(text[start:at + 1]) <= room:
                spans.append((start, at))
    return spans


def _index_at_width(text: str, room: int) -> int:
    used = 0
    for index, char in enumerate(text):
        used += 0 if unicodedata.combining(char) else 1
        if used > room:
            return index
    return len(text)


# -- failures: sides labelled, numbers at one precision -----------------------

SIDES = {"result": ("the last step", "the result")}


def failure(record: Record, latex: bool) -> str:
    """`not equal at x = 1.42: previous step = -0.374, this step = 0.374`."""
    evidence = record.evidence or {}
    if record.status != "failed" or "point" not in evidence:
        return relabel(record.message, record.kind)
    before, after = SIDES.get(record.kind, ("previous step", "this step"))
    left, right = numbers(str(evidence.get("left")), str(evidence.get("right")))
    items = sorted(evidence["point"].items(), key=lambda kv: ("_" in kv[0], natural(kv[0])))
    point = ", ".join(f"{label(k, latex, record.shown_point)} = {numbers(str(v))[0]}" for k, v in items[:12])
    more = len(evidence["point"]) - 12
    point += f", … ({more} more)" if more > 0 else ""
    where = f" at {point}" if point else ""
    return f"not equal{where}: {before} = {left}, {after} = {right}"


def explained(record: Record, latex: bool) -> list[tuple[str, str]]:
    """What a failed step's report says under the ✗, after the counterexample:
    the slip in words, the difference, and both sides as read (definitions
    expanded), as (label, text) pairs."""
    if record.status != "failed":
        return []
    rows = []
    slip = record.slip or {}
    if slip.get("said"):
        rows.append(("slip", slip["said"]))
    if slip.get("difference"):
        before, after = SIDES.get(record.kind, ("previous step", "this step"))
        shown = slip["difference"] if latex else slip.get("shown") or slip["difference"]
        rows.append((f"{after} − {before}", shown))
    for name, side in (record.readings or {}).items():
        before, after = SIDES.get(record.kind, ("previous step", "this step"))
        what = before if name == "previous" else after
        how = "read as, definitions expanded" if side.get("expanded") else "read as"
        rows.append((f"{what} {how}", side["latex"] if latex else side["shown"]))
    return rows


def natural(name: str) -> list:
    """A sort key that orders numbers by value: X_{1,2} before X_{1,10}."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", name)]


def relabel(message: str, kind: str = "step") -> str:
    before, after = SIDES.get(kind, ("previous step", "this step"))
    message = re.sub(r"\bleft = ", f"{before} = ", message)
    message = re.sub(r"\bright = ", f"{after} = ", message)
    return message.replace("the left side", f"{before}").replace("the right side", f"{after}")


def label(name: str, latex: bool, shown: dict | None = None) -> str:
    """A counterexample's variable as read (`shown`: as the checker rendered
    it, kept with the report so that a cached run parses nothing)."""
    if latex:
        return name
    if shown and name in shown:
        return shown[name]
    from derive_ce.read.render import name_text
    return name_text(name)


def numbers(*texts: str) -> list[str]:
    """Numbers at 6 significant digits, more only where needed to tell them apart."""
    wanted = len({_value(t) for t in texts})
    for digits in (6, 8, 10, 12, 15, 20, 30):
        shown = [_number(t, digits) for t in texts]
        if len({_value(t) for t in shown}) == wanted:     # `5.00000e-13` is `5.0e-13`
            return shown
    return list(texts)


def _value(text: str):
    """A number's value (for telling shown numbers apart), else the text."""
    from decimal import Decimal, InvalidOperation
    try:
        return Decimal(text.strip())        # equal by value, at any precision
    except (InvalidOperation, ValueError):
        return text


def _number(text: str, digits: int) -> str:
    match = _NUMBER.match(text.strip())
    if not match or "." not in text and "e" not in text.lower():
        return text
    from decimal import Decimal, InvalidOperation   # only for a counterexample
    try:    # Decimal: a value such as 2.6e-106453 must not become 0 on the way
        real = Decimal(match.group(1))
        imag = Decimal(match.group(2)) if match.group(2) else None
    except InvalidOperation:
        return text
    shown = f"{real:.{digits}g}"
    return shown if imag is None else f"{shown}{imag:+.{digits}g}i"
