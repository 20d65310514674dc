import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from derive_ce.cli import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """Run the CLI in-process: run('check', path, ...) -> Run(code, out, err)."""
    monkeypatch.setenv("NO_COLOR", "1")

    def _run(*args: str, cache: bool = False) -> Run:
        argv = [str(a) for a in args]
        if not cache and argv[:1] == ["check"] and "--cache-dir" not in argv:
            argv.append("--no-cache")
        code = main(argv)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return _run


def marker_line(path: Path, word: str) -> int | None:
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        if f"# expect: {word}" in line:
            return number
    return None
