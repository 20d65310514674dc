"""Walks derivations into tasks, asks the cache and the engine, and turns
verdicts into records, in file order.

Needs no SymPy: the math is split into its expressions here (lark only) and
decided in worker processes (workers.py -> engine.py).
"""

from __future__ import annotations

import dataclasses
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from derive_ce.errors import InputError
from derive_ce.limits import cpu_deadline
from derive_ce.results import FileReport, Record, Task, Verdict
from derive_ce.run.cache import Cache
from derive_ce.run.cache import file_bytes as _bytes
from derive_ce.run.cache import report_key as _report_key
from derive_ce.run.cache import stored_report as _stored


@dataclass(frozen=True)
class Options:
    budget: float = 10.0
    jobs: int = 1
    cache_dir: Path | None = None
    explain: bool = False       # attach what was read to every step (no cached verdicts)


@dataclass
class _Slot:
    line: int
    case: tuple[str, ...]
    kind: str
    why: str
    expr: str
    task: int | None = None
    verdict: Verdict | None = None
    prev: int | None = None         # the slot this one is compared with
    against: int | None = None      # the line of that slot
    recovered: tuple | None = None  # (verdict, line held, line of the slip)
    derivation: str = ""


@dataclass
class _Plan:
    report: FileReport
    stored: bool = False
    scope: object = None            # document.Scope
    data: bytes | None = None       # the file's bytes when it was read, for the report cache
    slots: list[_Slot] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    branches: list[tuple] = field(default_factory=list)
    cells: tuple = ()               # a notebook's (cell, line) per line of its notes text
    unreadable: dict = field(default_factory=dict)   # definitions set aside: name -> [line, reason]
    cases_unread: dict = field(default_factory=dict)  # cases whose condition cannot be read:
    #                                                   str(line) -> message


_BROKEN = object()
NOT_CHECKED = "not checked: the expression before it could not be read"
UNSURE = "unsure"   # a notes row not checked whose file cannot be said to hold (results.py)


def check(entries: list[Path | FileReport], options: Options, pool=None,
          texts: dict[Path, bytes] | None = None) -> list[FileReport]:
    """Reports in the order given; a FileReport entry is passed through.

    A file whose exact bytes were checked before is answered from the cache
    without reading its math or starting SymPy.  `pool`: a workers.Pool that
    stays open (the server's); by default one is opened for this call.
    `texts`: contents to check instead of what is on disk (an editor's unsaved
    buffer, a notebook cell), by path.
    """
    cache = Cache(None if options.explain else options.cache_dir)
    texts = texts or {}
    data = [texts[e] if isinstance(e, Path) and e in texts else _bytes(e) for e in entries]
    stored = [_stored(cache, e, d, options.budget) for e, d in zip(entries, data)]
    if all(r is not None for r in stored):
        return stored
    if pool is None:
        from derive_ce.run.workers import Pool
        with Pool(options.jobs) as own:
            return _checked(entries, data, stored, options, cache, own)
    return _checked(entries, data, stored, options, cache, pool)


def _checked(entries, data, stored, options: Options, cache: Cache, pool) -> list[FileReport]:
    pool.start()    # SymPy loads in the worker while the files are read
    plans = [_Plan(r, stored=True) if r is not None else _plan(e, d, options.budget,
                                                               options.explain)
             for e, r, d in zip(entries, stored, data)]
    verdicts = {id(p): [cache.get(t) for t in p.tasks] for p in plans}
    todo = [p for p in plans if any(v is None for v in verdicts[id(p)])]
    _run_missing([p for p in todo if p.report.error is None], verdicts, pool,
                 cache, options.budget)
    _recover([p for p in plans if not p.stored and p.report.error is None],
             verdicts, pool, cache)
    for plan in plans:
        _assemble(plan, verdicts[id(plan)])
        _store(cache, plan, verdicts[id(plan)], options.budget)
    return [p.report for p in plans]


def _store(cache: Cache, plan: _Plan, verdicts: list, budget: float) -> None:
    """Keep the whole report when every verdict in it is final."""
    report = plan.report
    final = ("proved", "numeric", "failed")
    if report.error is None and plan.tasks and not plan.stored and plan.data is not None \
            and all(v is not None and v.status in final and not v.error_side for v in verdicts) \
            and all(r.status in final or r.kind == "start" for r in report.records):
        cache.put_report(_report_key(report.path, plan.data), budget, report.to_dict())


def _run_missing(plans: list[_Plan], verdicts: dict, pool, cache: Cache, budget: float) -> None:
    """Each file's scope check, then its uncached tasks, all on one worker
    where the load allows (workers.Pool groups), so shared expressions are
    prepared once; a file whose scope cannot be used gets its error."""
    tasks, groups, slots = [], [], []
    for number, plan in enumerate(plans):
        tasks.append(Task("scope", plan.scope, budget=max(budget, 5.0),
                          branches=tuple(plan.branches)))
        groups.append(number)
        slots.append((plan, None))
        for index, verdict in enumerate(verdicts[id(plan)]):
            if verdict is None:
                tasks.append(plan.tasks[index])
                groups.append(number)
                slots.append((plan, index))
    for (plan, index), verdict in zip(slots, pool.run(tasks, groups, gate=True)):
        if index is None:
            if verdict.status != "proved":
                plan.report.error = verdict.message
            else:
                plan.unreadable = (verdict.evidence or {}).get("unreadable") or {}
                plan.cases_unread = (verdict.evidence or {}).get("cases") or {}
        elif verdict is not None:
            verdicts[id(plan)][index] = verdict
            cache.put(plan.tasks[index], verdict)


def _recover(plans: list[_Plan], verdicts: dict, pool, cache: Cache) -> None:
    """One slip, one ✗: a step that fails against a failed step is compared
    also with the last step that held; if it equals that one, it recovers."""
    jobs = []
    for plan in plans:
        for slot in plan.slots:
            held = _held_before(plan, slot, verdicts[id(plan)])
            if held is not None:
                task = dataclasses.replace(plan.tasks[slot.task], a=plan.tasks[held.task].b)
                jobs.append((slot, held, task, cache.get(task)))
    missing = [job for job in jobs if job[3] is None]
    for job, verdict in zip(missing, pool.run([j[2] for j in missing]) if missing else []):
        cache.put(job[2], verdict)
        jobs[jobs.index(job)] = (*job[:3], verdict)
    for slot, held, _, verdict in jobs:
        if verdict.status in ("proved", "numeric"):
            slot.recovered = (verdict, held.line, slot.against)


def _held_before(plan: _Plan, slot: _Slot, verdicts: list) -> _Slot | None:
    """The last slot that held before slot's failed predecessor, when slot
    failed too; None otherwise."""
    def status(s):
        return (s.verdict if s.task is None else verdicts[s.task]).status
    if slot.task is None or slot.prev is None or status(slot) != "failed":
        return None
    before = plan.slots[slot.prev]
    if status(before) != "failed":
        return None
    while before.prev is not None:
        before = plan.slots[before.prev]
        if before.task is not None and status(before) in ("proved", "numeric"):
            return before
        if status(before) != "failed":
            return None
    return before if before.kind == "start" and status(before) == "proved" else None


# -- planning: document -> slots and tasks -----------------------------------

def tasks_of(path: Path, budget: float = 10.0) -> list[Task]:
    """The engine tasks a file gives (for benchmarks and tools)."""
    return _plan(path, None, budget).tasks


READ_SECONDS = 20.0     # of CPU, to read one file into its tasks (YAML or notes, the LaTeX parse)


def _plan(path: Path, data: bytes | None, budget: float, explain: bool = False) -> _Plan:
    plan = _Plan(FileReport(str(path)), data=data)
    try:
        with _reading(READ_SECONDS):
            derivation = _load(path, data)
    except InputError as exc:
        plan.report.error = exc.describe()
        return plan
    plan.report.title = derivation.title
    plan.cells = derivation.cells
    plan.scope = _with_inferred(derivation)
    walker = _Walker(plan, budget, explain)
    for title, section in _sections(derivation):
        walker.scope = _own(plan.scope, getattr(section, "symbols", ()))
        first = len(plan.slots)
        last = walker.steps(section.steps, None, (), ())
        walker.cases(section.cases, last, (), ())
        walker.result(section.result, last, (), ())
        for slot in plan.slots[first:]:
            slot.derivation = title
    return plan


@contextmanager
def _reading(seconds: float):
    """Reading is bounded like deciding: past `seconds` of CPU (in the main
    thread), the file is refused with exit 2 rather than left to hang (a notes
    reader's search that backtracks over a long row must not stall a
    pre-commit hook)."""
    if threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "ITIMER_PROF"):
        yield
        return

    def expired():
        return InputError(f"reading this file took more than {seconds:g} s of CPU: it is "
                          "refused (please report the file: reading should be fast)")
    with cpu_deadline(seconds, expired):
        yield


def _sections(derivation) -> list[tuple[str, object]]:
    """(title, chain) for each derivation in the file: one, or `derivations:`."""
    if derivation.sections:
        return [(s.title, s) for s in derivation.sections]
    return [("", derivation)]


def _own(scope, symbols: tuple):
    """The file's scope with a derivation's own declarations in place of the
    file's for those names (`derivations:` items with `symbols:`)."""
    if not symbols:
        return scope
    from derive_ce.read.model import kept_apart
    kept = kept_apart(scope.symbols, {n for d in symbols for n in d.names})
    return dataclasses.replace(scope, symbols=tuple(d for _, d in kept) + tuple(symbols))


def _load(path: Path, data: bytes | None):
    """Notes (.md, .tex, or .txt with displays) are read as notes, the rest as YAML."""
    from derive_ce.read.files import is_notes
    if is_notes(path, data):
        from derive_ce.read import notes
        return notes.load(path, data)
    from derive_ce.read import document
    return document.load(path, data)


def _with_inferred(derivation):
    """The file's scope, with the letters it uses as vectors declared."""
    from derive_ce.read import infer
    from derive_ce.read.latex.parser import parse
    inferred = infer.declarations(derivation, parse)
    scope = derivation.scope
    return dataclasses.replace(scope, symbols=scope.symbols + inferred) if inferred else scope


class _Walker:
    def __init__(self, plan: _Plan, budget: float, explain: bool = False):
        self.plan = plan
        self.budget = budget
        self.slot_of: dict[int, int] = {}      # id(Math) -> index of its slot
        self.explain = explain
        self.scope = plan.scope                # the derivation's (its own `symbols:` in place)

    def steps(self, steps, prev, when: tuple, labels: tuple):
        for step in steps:
            if getattr(step, "unchecked", ""):      # notes: equation solving, with its reason
                self._fixed(step.math.line, labels, "start", step.why, step.math.text,
                            Verdict("unknown", f"not checked: {step.unchecked}",
                                    UNSURE if getattr(step, "unsure", False) else ""))
                prev = None
                continue
            try:
                parts = _parts(step.math)
            except InputError as exc:
                self._fixed(step.math.line, labels, "step", step.why,
                            step.math.text.removeprefix("=").strip(),
                            Verdict("error", _describe(exc, step.math)))
                prev = _BROKEN
                continue
            for number, part in enumerate(parts, 1):
                why = step.why if number == len(parts) else ""
                prev = self._link(prev, part, when, labels, "step", why)
        return prev

    def cases(self, cases, prev, when: tuple, labels: tuple) -> None:
        for case in cases:
            inner_when, inner_labels = when + _links(case.when), labels + (case.when.text,)
            self.plan.branches.append(inner_when)
            last = self.steps(case.steps, prev, inner_when, inner_labels)
            self.cases(case.cases, last, inner_when, inner_labels)
            self.result(case.result, last, inner_when, inner_labels)

    def result(self, math, prev, when: tuple, labels: tuple) -> None:
        if math is None:
            return
        try:
            parts = _parts(math)
            if len(parts) != 1:
                raise InputError("a result is one expression", math.line)
        except InputError as exc:
            self._fixed(math.line, labels, "result", "", math.text,
                        Verdict("error", exc.describe()))
            return
        if prev is None:
            prev = _BROKEN
        self._link(prev, parts[0], when, labels, "result", "")

    def _link(self, prev, part, when, labels, kind, why):
        if prev is _BROKEN:
            self._fixed(part.line, labels, kind, why, part.text, Verdict("unknown", NOT_CHECKED))
        elif prev is None:
            self._task(Task("read", self.scope, when, None, part, self.budget,
                            explain=self.explain),
                       _Slot(part.line, labels, "start", why, part.text))
        else:
            self._task(Task("compare", self.scope, when, prev, part, self.budget,
                            explain=self.explain),
                       _Slot(part.line, labels, kind, why, part.text,
                             prev=self.slot_of.get(id(prev)), against=prev.line))
        self.slot_of[id(part)] = len(self.plan.slots) - 1
        return part

    def _task(self, task: Task, slot: _Slot) -> None:
        slot.task = len(self.plan.tasks)
        self.plan.tasks.append(task)
        self.plan.slots.append(slot)

    def _fixed(self, line, labels, kind, why, text, verdict) -> None:
        self.plan.slots.append(_Slot(line, labels, kind, why, text, verdict=verdict))


def _describe(exc: InputError, math) -> str:
    """The error, with the column in the file when the math knows where it starts."""
    if math.column and exc.column:
        exc = InputError(f"{exc.message} (column {math.column + exc.column - 1})",
                         exc.line, exc.column, exc.text)
    return exc.describe()


def _parts(math) -> list:
    """A step's expressions: one for `expr:`, the parts of `a = b = c` for LaTeX."""
    if math.syntax == "expr":
        from derive_ce.read.plain import check_plain
        check_plain(math)
        return [math]
    from derive_ce.read.latex.parser import split_chain
    from derive_ce.read.model import Math
    return [Math(p.text, math.line_at(p.column - 1), "latex")
            for p in split_chain(math.text, math.line)]


# -- assembling: verdicts -> records -----------------------------------------

def _assemble(plan: _Plan, verdicts: list) -> None:
    if plan.report.error is not None or plan.stored:
        return
    seen: set[str] = set()
    errors: set[int] = set()        # lines whose error is on a record of their own
    for slot in plan.slots:
        verdict = slot.verdict if slot.task is None else verdicts[slot.task]
        record = _record(slot, verdict, explained=slot.against in errors)
        if record.status == "error":
            errors.add(record.line)
        record = _shown(plan, slot, record)
        if record.kind != "start":
            record = _once(record, seen)
        plan.report.records.append(_in_cell(record, plan.cells) if plan.cells else record)
    for name, (line, reason) in plan.unreadable.items():
        body = next((d.body.text for d in plan.scope.definitions if d.name == name), name)
        _set_aside(plan, line, body, f"line {line}: the definition of `{name}` cannot be read: "
                   f"{reason}; the steps that use `{name}` are not checked")
    for line, message in plan.cases_unread.items():
        when = next((m.text for branch in plan.branches for m in branch
                     if m.line == int(line)), "")
        _set_aside(plan, int(line), when, f"line {line}: the condition of this case cannot be "
                   f"read: {message}; the steps under it are not checked")


def _set_aside(plan: _Plan, line: int, text: str, message: str) -> None:
    """A definition, or a case's condition, that cannot be read: an error on
    its own line, placed in line order, unless a step on that line already
    has its error (notes: the definition's display, read as a chain; a
    condition written on its row); the steps that use it say so on theirs."""
    if any(r.line == line and r.status == "error" for r in plan.report.records):
        return
    record = Record(line, (), "start", "error", message, expr=text, shown=text)
    if plan.cells:
        record = _in_cell(record, plan.cells)
    records = plan.report.records
    at = next((k for k, r in enumerate(records) if (r.cell, r.line) >= (record.cell, record.line)),
              len(records))
    if at < len(records) and records[at].line == record.line:
        record = dataclasses.replace(record, derivation=records[at].derivation)
    records.insert(at, record)


def _in_cell(record: Record, cells: tuple) -> Record:
    """A notebook's record: its line, and the lines its message names, in their cell."""
    import re

    def place(line: int) -> tuple[int, int]:
        return cells[line - 1] if 0 < line <= len(cells) else (0, line)

    def named(match) -> str:
        cell, inner = place(int(match.group(1)))
        return f"cell {cell}, line {inner}" if cell else match.group()
    cell, line = place(record.line)
    against = None if record.against is None else place(record.against)
    return dataclasses.replace(record, cell=cell, line=line,
                               against=against[1] if against and against[0] == cell else None,
                               message=re.sub(r"\bline (\d+)", named, record.message))


def _once(record: Record, seen: set[str]) -> Record:
    """A note ("`x` is read as a vector ...") is shown once per file."""
    lines = record.message.split("\n")
    kept = [line for line in lines if not (line.startswith("`") and line in seen)]
    seen.update(line for line in lines if line.startswith("`"))
    return record if kept == lines else dataclasses.replace(record, message="\n".join(kept))


def _shown(plan: _Plan, slot: _Slot, record: Record) -> Record:
    """The step, its why and its cases as read, in Unicode math, kept with the
    report (and its cache) so that a cached run parses nothing."""
    from derive_ce.read.render import name_text, render, render_prose
    math = plan.tasks[slot.task].b if slot.task is not None else None
    plain = math is not None and math.syntax != "latex" or record.status == "error"
    point = (record.evidence or {}).get("point") if record.status == "failed" else None
    return dataclasses.replace(
        record, shown=slot.expr if plain else render(slot.expr),
        shown_why=render_prose(slot.why) if slot.why else "",
        shown_case=tuple(render(c, "relation") for c in slot.case),
        column=getattr(math, "column", 0) or 0,
        shown_point={k: name_text(k) for k in point} if isinstance(point, dict) else None)


def _record(slot: _Slot, verdict: Verdict, explained: bool = True) -> Record:
    """explained: the expression before has an error record of its own; else
    the reason it could not be read here (only under this case, as a
    derivative at a kink) goes with "not checked"."""
    against = slot.against
    if slot.recovered is not None:
        verdict, against, slip = slot.recovered
        verdict = dataclasses.replace(
            verdict, message=f"holds against line {against}; the slip on line {slip} stands")
    status, message = verdict.status, verdict.message
    if verdict.error_side == "a":
        reason = "" if explained or not verdict.message else f" here: {verdict.message}"
        status, message = "unknown", NOT_CHECKED + reason
    if verdict.error_side == "scope":
        status = "error"
    checked = verdict.cross_checked if status in ("proved", "numeric") else None
    return Record(slot.line, slot.case, slot.kind, status, message, slot.why,
                  slot.expr, verdict.method, verdict.evidence, verdict.reading, against,
                  derivation=slot.derivation,
                  slip=verdict.slip if status == "failed" else None,
                  readings=verdict.readings if status == "failed" else None,
                  cross_checked=checked)


def _links(math) -> tuple:
    """A case's condition as the relations both readings take in turn: a
    chain `0 < x < 1` is `0 < x` and `x < 1`; one relation is itself."""
    if math.syntax != "latex":
        return (math,)
    from derive_ce.read.latex.parser import condition_links
    texts = condition_links(math.text, math.line)
    if texts == [math.text]:
        return (math,)
    return tuple(dataclasses.replace(math, text=text) for text in texts)
