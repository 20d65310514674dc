"""The warm server (`derive-ce server`, `check --server`) and `derive-ce watch`."""

import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT
from derive_ce.run import server
from derive_ce.run.checker import Options
from derive_ce.run.watch import watch

FILES = [ROOT / "derivations" / "ce.yaml", ROOT / "tests/examples/fail/sign_flip.yaml",
         ROOT / "tests/examples/bad/bad_kind.yaml"]


@pytest.fixture
def private(monkeypatch):
    """A runtime folder of this test's own (short: socket paths are limited)."""
    folder = Path(tempfile.mkdtemp(prefix="dce", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def _verdicts(result) -> list[tuple]:
    return [(f["path"], f["error"], s["line"], s["status"], s["message"][:12])
            for f in result.json()["files"] for s in f["steps"]]


def test_the_server_answers_as_a_one_shot_check_and_stops(run, private):
    assert run("server", "start", "-j", "1").out.startswith("derive-ce server: started")
    assert "running" in run("server", "status").out
    socket = private / "derive-ce" / "server.sock"
    assert stat.S_IMODE((private / "derive-ce").stat().st_mode) == 0o700
    assert stat.S_IMODE(socket.stat().st_mode) == 0o600
    one_shot = run("check", "--format", "json", *FILES)
    served = run("check", "--format", "json", "--server", *FILES)
    assert served.code == one_shot.code == 2
    assert served.err == ""                       # answered by the server, no fallback
    assert _verdicts(served) == _verdicts(one_shot)
    assert run("server", "stop").out.startswith("derive-ce server: stopped")
    assert not socket.exists()
    stopped = run("server", "status")
    assert "not running" in stopped.out and stopped.code == 1     # scripts can test it


def test_without_a_server_check_falls_back_to_a_one_shot_check(run, private):
    one_shot = run("check", "--format", "json", *FILES)
    fallback = run("check", "--format", "json", "--server", *FILES)
    assert "no server answered" in fallback.err and "checking here" in fallback.err
    assert fallback.code == one_shot.code
    assert _verdicts(fallback) == _verdicts(one_shot)


def test_a_socket_left_by_a_dead_server_is_replaced(run, private):
    (private / "derive-ce").mkdir(mode=0o700)
    (private / "derive-ce" / "server.sock").write_text("stale")
    status = run("server", "status")
    assert status.out.endswith("not running\n") and status.code == 1
    assert run("server", "start", "-j", "1").out.startswith("derive-ce server: started")
    served = run("check", "--format", "json", "--server", FILES[1])
    assert served.code == 1 and served.err == ""


def test_a_folder_open_to_others_is_not_trusted(private):
    (private / "derive-ce").mkdir(mode=0o755)
    (private / "derive-ce").chmod(0o755)
    with pytest.raises(server.Unavailable, match="not private"):
        server.check([FILES[1]], Options(10.0, 1, None))


def test_watch_rechecks_a_file_when_it_is_saved(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("steps:\n  - (x+1)^2\n  - = x^2 + 2x + 1\n")

    def saves():
        path.write_text("steps:\n  - (x+1)^2\n  - = x^2 + 3x + 1\n")
        yield {("modified", str(path)), ("modified", str(tmp_path / "notes.txt"))}
        path.write_text("steps:\n  - (x+1)^2\n  - = (x+1)(x+1)\n")
        yield {("modified", str(path))}

    shown = []
    watch([path], Options(10.0, 1, None), shown.append, saves())
    assert [[r.path for r in reports] for reports in shown] == [[str(path)]] * 3
    assert [[rec.status for rec in reports[0].records][1:] for reports in shown] == \
        [["proved"], ["failed"], ["proved"]]


def test_watch_rechecks_notes_too(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("$$\n(x+1)^2 = x^2 + 2x + 1\n$$\n")
    other = tmp_path / "other.md"

    def saves():
        notes.write_text("$$\n(x+1)^2 = x^2 + 3x + 1\n$$\n")
        other.write_text("$$\nx + x = 2x\n$$\n")
        yield {("modified", str(notes)), ("added", str(other))}

    shown = []
    watch([notes], Options(10.0, 1, None), shown.append, saves())
    assert [sorted(Path(r.path).name for r in reports) for reports in shown] == \
        [["notes.md"], ["notes.md", "other.md"]]
    assert any(r.status == "failed" for r in shown[1][0].records)
