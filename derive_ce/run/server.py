"""A warm checker behind a Unix socket, for the edit-and-check loop.

`derive-ce server start` leaves a process whose workers have SymPy loaded and
keep what they prepared; `derive-ce check --server` sends it the check and
renders its reports, or checks in-process when no server answers.

Safe to leave running: the socket lives in a folder only its user may enter
(mode 0700, under $XDG_RUNTIME_DIR or the user cache folder), is itself mode
0600, and the server answers only peers with its own user id.  One request
at a time; `stop`, SIGTERM or SIGINT close the workers and remove the socket.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from derive_ce.results import FileReport, Record
from derive_ce.run.cache import ENGINE_VERSION

NAME = "server.sock"
START_WAIT = 30.0
REQUEST_LIMIT = 1 << 20


class Unavailable(Exception):
    """No server answered (or it could not be trusted): check in-process."""


def folder() -> Path:
    """The user's private folder for the socket, created mode 0700."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        base = Path(runtime)
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "derive-ce"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise Unavailable(f"{path} is not private to this user")
    return path


def socket_path() -> Path:
    return folder() / NAME


# -- client ------------------------------------------------------------------

def request(message: dict, timeout: float | None = None) -> dict:
    """Send one request, return the reply; Unavailable if no server answers."""
    try:
        path = socket_path()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(timeout)
            conn.connect(str(path))
            conn.sendall(json.dumps({**message, "version": ENGINE_VERSION}).encode() + b"\n")
            conn.shutdown(socket.SHUT_WR)
            reply = json.loads(_read_all(conn))
    except (OSError, ValueError) as exc:
        raise Unavailable(str(exc)) from None
    if "error" in reply:
        raise Unavailable(reply["error"])
    return reply


def check(paths: list[Path], options) -> list[FileReport]:
    """The server's reports for these paths, as a one-shot check would give them
    (options: a checker.Options; the server's own workers, whatever its jobs)."""
    cache_dir = options.cache_dir
    reply = request({"command": "check", "cwd": os.getcwd(), "paths": [str(p) for p in paths],
                     "budget": options.budget, "explain": options.explain,
                     "cache_dir": None if cache_dir is None else str(cache_dir.absolute())})
    return [_report(data) for data in reply["reports"]]


def start(jobs: int) -> str:
    """Start a detached server (if none answers) and wait until it does."""
    try:
        return f"already running (pid {request({'command': 'ping'}, 5.0)['pid']})"
    except Unavailable:
        pass
    log = os.open(folder() / "server.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    subprocess.Popen([sys.executable, "-m", "derive_ce.run.server", str(jobs)],
                     stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                     start_new_session=True, close_fds=True)
    os.close(log)
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline:
        try:
            return f"started (pid {request({'command': 'ping'}, 5.0)['pid']})"
        except Unavailable:
            time.sleep(0.05)
    raise Unavailable(f"the server did not start; see {folder() / 'server.log'}")


def stop() -> str:
    try:
        pid = request({"command": "stop"}, 30.0)["pid"]
    except Unavailable:
        return "not running"
    return f"stopped (pid {pid})"


def status() -> str:
    try:
        return f"running (pid {request({'command': 'ping'}, 5.0)['pid']})"
    except Unavailable:
        return "not running"


def _read_all(conn: socket.socket) -> bytes:
    chunks = []
    while chunk := conn.recv(1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _report(data: dict) -> FileReport:
    records = [Record(**{**r, "case": tuple(r["case"])}) for r in data["records"]]
    return FileReport(data["path"], data["title"], data["error"], records)


# -- server ------------------------------------------------------------------

def serve(jobs: int) -> None:
    """Answer requests until `stop`, SIGTERM or SIGINT."""
    from derive_ce.run.workers import Pool
    path = socket_path()
    listener = _listen(path)
    signal.signal(signal.SIGTERM, _interrupt)
    pool = Pool(jobs)
    pool.start(jobs)        # warm: SymPy loads now, not at the first request
    try:
        while _answer(listener, pool):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        pool.close()
        listener.close()
        path.unlink(missing_ok=True)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _listen(path: Path) -> socket.socket:
    if path.exists():
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(str(path))
            raise SystemExit(f"derive-ce: a server already listens on {path}")
        except ConnectionRefusedError:
            path.unlink()          # left by a server that died
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        listener.bind(str(path))
    finally:
        os.umask(old)
    listener.listen(8)
    return listener


def _answer(listener: socket.socket, pool) -> bool:
    """Answer one connection; False after `stop`."""
    conn, _ = listener.accept()
    with conn:
        try:
            if not _same_user(conn):
                return True
            conn.settimeout(10.0)
            message = json.loads(_read_limited(conn))
            reply, going_on = _reply(message, pool)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            reply, going_on = {"error": f"bad request: {exc}"}, True
        except Exception as exc:  # noqa: BLE001 - the client falls back to a one-shot check
            reply, going_on = {"error": f"internal error: {type(exc).__name__}: {exc}"}, True
        try:
            conn.sendall(json.dumps(reply).encode())
        except OSError:
            pass
    return going_on


def _reply(message: dict, pool) -> tuple[dict, bool]:
    if message.get("version") != ENGINE_VERSION:
        return {"error": f"the server runs engine {ENGINE_VERSION}"}, True
    command = message["command"]
    if command == "ping":
        return {"pid": os.getpid()}, True
    if command == "stop":
        socket_path().unlink(missing_ok=True)     # gone before the client hears back
        return {"pid": os.getpid()}, False
    if command == "check":
        return {"reports": _check(message, pool)}, True
    return {"error": f"unknown command {command!r}"}, True


def _check(message: dict, pool) -> list[dict]:
    from derive_ce.run.checker import Options
    from derive_ce.run.checker import check as run_check
    from derive_ce.run.paths import expand
    os.chdir(message["cwd"])          # paths are reported as the user typed them
    cache_dir = message["cache_dir"]
    options = Options(float(message["budget"]), pool.jobs,
                      None if cache_dir is None else Path(cache_dir), bool(message["explain"]))
    reports = run_check(expand([Path(p) for p in message["paths"]]), options, pool)
    return [{"path": r.path, "title": r.title, "error": r.error,
             "records": [asdict(record) for record in r.records]} for r in reports]


def _same_user(conn: socket.socket) -> bool:
    if not hasattr(socket, "SO_PEERCRED"):
        return True     # the folder's mode 0700 is the guard
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", creds)
    return uid == os.getuid()


def _read_limited(conn: socket.socket) -> bytes:
    data = b""
    while chunk := conn.recv(1 << 16):
        data += chunk
        if len(data) > REQUEST_LIMIT:
            raise ValueError("request too large")
    return data


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
