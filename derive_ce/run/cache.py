"""Verdicts on disk, keyed by what decides them, written atomically.

The key hashes the two texts, the branch's conditions, the symbols and
definitions (without line numbers, so moving a step keeps its verdict),
the time budget and the engine version; reading it needs no SymPy.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from derive_ce import __version__
from derive_ce.results import Task, Verdict

ENGINE_VERSION = f"{__version__}-4"
CACHED = ("proved", "numeric", "failed")


def key(task: Task) -> str:
    scope = task.scope
    data = [
        ENGINE_VERSION, task.kind, task.budget,
        [(d.names, d.kind, d.flags, _texts(d.range or ())) for d in scope.symbols],
        [(d.name, d.params, d.body.text) for d in scope.definitions],
        _texts(task.when), _texts((task.a, task.b)),
    ]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _texts(maths) -> list:
    return [None if m is None else [m.text, m.syntax] for m in maths]


class Cache:
    def __init__(self, folder: Path | None):
        self.folder = folder

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
            return json.loads(self._report_path(data, budget).read_text())
        except (OSError, ValueError):
            return None

    def put_report(self, data: bytes, budget: float, report: dict) -> None:
        if self.folder is None:
            return
        self._write(self._report_path(data, budget), report)

    def _report_path(self, data: bytes, budget: float) -> Path:
        head = f"{ENGINE_VERSION}\0{budget!r}\0".encode()
        return self.folder / ENGINE_VERSION / "files" / hashlib.sha256(head + data).hexdigest()

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
