"""A file's bytes and its text, within the size a derivation may have, and
whether it is notes or YAML (a cached run asks that, so it stays light)."""

from __future__ import annotations

import re
from pathlib import Path

from derive_ce.errors import InputError

MAX_BYTES = 1_000_000
NOTES_SUFFIXES = (".md", ".markdown", ".tex", ".ltx", ".ipynb")
ENVIRONMENTS = ("align", "align*", "equation", "equation*", "gather", "gather*",
                "eqnarray", "eqnarray*", "multline", "multline*", "flalign", "flalign*",
                "alignat", "alignat*", "displaymath", "math")
_ENV = "|".join(re.escape(e) for e in ENVIRONMENTS)
DISPLAY = re.compile(r"\$\$|\\\[|\\begin\s*\{(" + _ENV + r")\}(?:\{\d+\})?")
LONE = re.compile(r"(?m)^([ \t]*)\$(?!\$)([^$\n]+?|[ \t]*\n[^$]+?\n[ \t]*)\$[ \t]*[.,;:]?[ \t]*$")


def has_display(text: str) -> bool:
    """Display math of any dialect the notes reader reads (read/notes/displays.py)."""
    return bool(DISPLAY.search(text) or "```math" in text or LONE.search(text))


def is_notes(path: Path, data: bytes | None = None) -> bool:
    """Notes by suffix (.md .markdown .tex .ltx), or .txt / no suffix with
    a display in it and no top-level `steps:` key; YAML otherwise."""
    suffix = path.suffix.lower()
    if suffix in NOTES_SUFFIXES:
        return True
    if suffix not in (".txt", ""):
        return False
    if data is None:
        try:
            data = read_bytes(path)
        except InputError:
            return False
    text = data.decode("utf-8", errors="replace")
    return has_display(text) and not re.search(r"(?m)^steps\s*:", text)


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, no more than limit + 1 (enough to refuse it)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError("file not found") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}") from None


def decode(data: bytes, kind: str) -> str:
    """UTF-8 text (a byte-order mark dropped); `kind` names what was expected."""
    if len(data) > MAX_BYTES:
        raise InputError(f"the file is larger than {MAX_BYTES} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the file is not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise InputError(f"the file is binary, not {kind}")
    return text
