"""Names with accents: `\\hat{x}` in LaTeX, in symbols and in definitions."""

from __future__ import annotations

import re

from derive_ce.errors import InputError

_MARKS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303"}


_ACCENT = re.compile(r"\\(hat|bar|tilde)\s*(?:\{\s*\\?([A-Za-z]+)\s*\}|\\([A-Za-z]+)|([A-Za-z]))")


def accented(text: str) -> str:
    """`\\hat{x}` -> "x̂": the name with a combining accent."""
    match = _ACCENT.match(text.strip())
    if match is None:
        raise InputError(f"cannot read the accent `{text}`")
    name = match.group(2) or match.group(3) or match.group(4)
    return name + _MARKS[match.group(1)]
