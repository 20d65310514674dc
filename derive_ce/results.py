"""Plain data that flows from the checker to the reporters (no SymPy)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

STATUSES = ("proved", "numeric", "failed", "unknown", "error")


@dataclass(frozen=True)
class Verdict:
    """What the engine says of one comparison (or of reading one expression)."""
    status: str
    message: str = ""
    method: str = ""
    error_side: str = ""   # "a", "b" or "scope": which input could not be read
    evidence: dict | None = None   # failed: {"point", "left", "right"}; numeric: {"points"}
    reading: str = ""      # what was read, SymPy's pretty form (--explain)
    slip: dict | None = None       # failed: {"kind", "difference", "said", …} (decide/slip/kinds.py)
    readings: dict | None = None   # failed: both sides as read, definitions expanded:
    #                                {"previous"|"this": {"latex", "shown"}} (decide/slip/explain.py)
    cross_checked: bool | None = None   # proved/numeric: did the evaluator (evaluate/) agree?

    def to_dict(self) -> dict:
        return {"status": self.status, "message": self.message, "method": self.method,
                "evidence": self.evidence, "reading": self.reading, "slip": self.slip,
                "readings": self.readings, "cross_checked": self.cross_checked}

    @classmethod
    def from_dict(cls, data: dict) -> "Verdict":
        return cls(data["status"], data.get("message", ""), data.get("method", ""),
                   evidence=data.get("evidence"), reading=data.get("reading", ""),
                   slip=data.get("slip"), readings=data.get("readings"),
                   cross_checked=data.get("cross_checked"))


@dataclass(frozen=True)
class Record:
    """One checked step or result, where it stands in the file."""
    line: int
    case: tuple[str, ...]
    kind: str           # "step", "result", or "start" (the expression a chain starts from)
    status: str
    message: str = ""
    why: str = ""
    expr: str = ""
    method: str = ""
    evidence: dict | None = None
    reading: str = ""
    against: int | None = None    # the line this step was compared with
    derivation: str = ""    # its title, in a file of several derivations
    shown: str = ""         # as read, in Unicode math (read/render.py): the expression,
    shown_why: str = ""     # the why,
    shown_case: tuple[str, ...] = ()   # and the case labels,
    shown_point: dict | None = None    # and a counterexample's variables
    slip: dict | None = None       # failed: what kind of slip (Verdict.slip)
    readings: dict | None = None   # failed: both sides as read (Verdict.readings)
    column: int = 0                # 1-based column where the step's math starts; 0: unknown
    cross_checked: bool | None = None  # False: proved, but the evaluator could not check it
    cell: int = 0           # in a notebook: the cell, and `line` is the line in that cell

    def place(self) -> str:
        """"line 12", or in a notebook "cell 3, line 2"."""
        return f"cell {self.cell}, line {self.line}" if self.cell else f"line {self.line}"

    def passing(self, strict: bool) -> bool:
        """--strict fails what holds only numerically, and a proof that the
        independent evaluator could not cross-check."""
        if self.kind == "start":       # a notes row not checked for a name defined again: unsure
            return self.status != "error" and self.method != "unsure"
        if self.status == "proved":
            return not (strict and self.cross_checked is False)
        return self.status == "numeric" and not strict


def unsure(record: Record) -> bool:
    """A notes row not checked because the notes gave a name a second meaning
    (or a value not read) before it: the file cannot be said to hold (exit 1)."""
    return not_checked(record) and record.method == "unsure"


def not_checked(record: Record) -> bool:
    """A notes row read but not checked (equation solving), with its reason."""
    return record.kind == "start" and record.message.startswith("not checked: ")


@dataclass
class FileReport:
    path: str
    title: str = ""
    error: str | None = None
    records: list[Record] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"title": self.title, "records": [asdict(r) for r in self.records]}

    @classmethod
    def from_dict(cls, path: str, data: dict) -> "FileReport":
        records = [Record(**{**r, "case": tuple(r["case"]),
                             "shown_case": tuple(r.get("shown_case", ()))})
                   for r in data["records"]]
        return cls(path, data["title"], None, records)

    def ok(self, strict: bool) -> bool:
        return self.error is None and all(r.passing(strict) for r in self.records)

    def exit_code(self, strict: bool) -> int:
        if self.error is not None or any(r.status == "error" for r in self.records):
            return 2
        return 0 if self.ok(strict) else 1


def exit_code(reports: list[FileReport], strict: bool) -> int:
    codes = [r.exit_code(strict) for r in reports]
    return max(codes, default=2)


def counts(reports: list[FileReport]) -> dict[str, int]:
    tally = {s: 0 for s in STATUSES}
    for report in reports:
        for record in report.records:
            if record.kind != "start" or record.status == "error":
                tally[record.status] += 1
    return tally


@dataclass(frozen=True)
class Task:
    """One unit of work for the engine: check a scope, read or compare."""
    kind: str                       # "scope", "read" or "compare"
    scope: object                   # document.Scope
    when: tuple = ()                # the branch's conditions (document.Math), outermost first
    a: object = None                # document.Math: the expression before
    b: object = None                # document.Math: the expression checked
    budget: float = 10.0
    branches: tuple = ()            # for "scope": every branch's conditions
    explain: bool = False           # attach what was read to the verdict
