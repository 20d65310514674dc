"""Verdicts on disk, keyed by what decides them, written atomically.

The key hashes the two texts, the branch's conditions, the symbols (with a
vector's or matrix's shape and properties: a matrix no longer declared
symmetric never meets the verdict it had when it was) and definitions (without
line numbers, so moving a step keeps its verdict), the layout of gradients,
the time budget, the engine version and the code that decided it (every
module but the reporters, and SymPy, by size and modification time: an
edited engine or another SymPy never meets an older verdict); reading it
needs no SymPy.
A file checked before with the same bytes is answered whole from its stored
report (`answered`), which a cached run reaches without the command line.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from derive_ce import __version__
from derive_ce.read.files import is_notes
from derive_ce.results import FileReport, Task, Verdict

ENGINE_VERSION = f"{__version__}-4"
CACHED = ("proved", "numeric", "failed")
UNCACHED_CODE = ("report", "write", "__pycache__")    # folders that decide no verdict
_fingerprint: list[str] = []


def code_fingerprint() -> str:
    """derive-ce's modules (but the reporters') and SymPy's, by name, size and
    modification time: stat calls only, a millisecond."""
    if not _fingerprint:
        import importlib.util
        seen = stamps(Path(__file__).resolve().parent.parent)
        try:
            spec = importlib.util.find_spec("sympy")
            stat = os.stat(spec.origin)
            seen.append(f"sympy:{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}")
        except (ImportError, AttributeError, TypeError, ValueError, OSError):
            seen.append("sympy: not found")
        _fingerprint.append(hashlib.sha256("\n".join(seen).encode()).hexdigest())
    return _fingerprint[0]


def stamps(package: Path) -> list[str]:
    """`path:size:mtime` of each source file under `package` that can decide a verdict."""
    seen = []
    for root, dirs, names in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d not in UNCACHED_CODE)
        for name in sorted(n for n in names if n.endswith((".py", ".lark", ".json"))):
            path = os.path.join(root, name)
            stat = os.stat(path)
            seen.append(f"{os.path.relpath(path, package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return seen


def key(task: Task) -> str:
    scope = task.scope
    data = [
        ENGINE_VERSION, code_fingerprint(), task.kind, task.budget,
        [(d.names, d.kind, d.flags, _texts(d.range or ()), _texts(d.shape), d.properties)
         for d in scope.symbols],
        [(d.name, d.params, d.body.text, d.function) for d in scope.definitions],
        scope.layout,
        _texts(task.when), _texts((task.a, task.b)),
    ]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _texts(maths) -> list:
    return [None if m is None else [m.text, m.syntax] for m in maths]


class Cache:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self._files: Path | None = None

    def get(self, task: Task) -> Verdict | None:
        if self.folder is None:
            return None
        path = self._path(key(task))
        try:
            return Verdict.from_dict(json.loads(path.read_text()))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, task: Task, verdict: Verdict) -> None:
        if self.folder is None or verdict.status not in CACHED:
            return
        self._write(self._path(key(task)), verdict.to_dict())

    def report(self, data: bytes, budget: float) -> dict | None:
        """The stored report of a file with exactly these bytes, if any."""
        if self.folder is None:
            return None
        try:
            with open(self._report_path(data, budget), "rb") as handle:
                return json.loads(handle.read())
        except (OSError, ValueError):
            return None

    def put_report(self, data: bytes, budget: float, report: dict) -> None:
        if self.folder is None:
            return
        self._write(self._report_path(data, budget), report)

    def _report_path(self, data: bytes, budget: float) -> Path:
        head = f"{ENGINE_VERSION}\0{code_fingerprint()}\0{budget!r}\0".encode()
        if self._files is None:     # joined once: a cached run asks this for every file
            self._files = self.folder / ENGINE_VERSION / "files"
        return self._files / hashlib.sha256(head + data).hexdigest()

    def _write(self, path: Path, data: dict) -> None:
        import tempfile  # not imported for a run answered from the cache
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._ignore_file()
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp")
            with os.fdopen(fd, "w") as handle:
                json.dump(data, handle)
            os.replace(tmp, path)
        except OSError:
            return

    def _path(self, digest: str) -> Path:
        return self.folder / ENGINE_VERSION / digest[:2] / f"{digest}.json"

    def _ignore_file(self) -> None:
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# written by derive-ce\n*\n")


# -- whole files: reports keyed on the file's bytes ---------------------------

def file_bytes(entry) -> bytes | None:
    """The file's bytes, read once, no more than the loader accepts (+1)."""
    if isinstance(entry, FileReport):
        return None
    from derive_ce.read.notebook import limit
    try:
        with open(entry, "rb") as handle:
            return handle.read(limit(entry) + 1)
    except OSError:
        return None


def report_key(path, data: bytes | None) -> bytes | None:
    """The bytes a stored report is keyed on: notes carry their reader's version."""
    if data is None or not is_notes(Path(path), data):
        return data
    from derive_ce.read.notes import READER_VERSION
    return READER_VERSION + data


def stored_report(cache: Cache, entry, data: bytes | None, budget: float) -> FileReport | None:
    """The entry's report from the cache (a FileReport entry is its own)."""
    if isinstance(entry, FileReport):
        return entry
    if data is None:
        return None
    try:
        stored = cache.report(report_key(entry, data), budget)
        return None if stored is None else FileReport.from_dict(str(entry), stored)
    except (KeyError, TypeError, ValueError):
        return None


def answered(entries: list, folder: Path | None, budget: float) -> list[FileReport] | None:
    """Every entry's report when the cache holds them all, else None (the
    first file it lacks ends the search)."""
    cache = Cache(folder)
    reports = []
    for entry in entries:
        report = stored_report(cache, entry, file_bytes(entry), budget)
        if report is None:
            return None
        reports.append(report)
    return reports
