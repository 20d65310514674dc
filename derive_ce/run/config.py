"""`[tool.derive-ce]` in pyproject.toml, found upward from a folder (as ruff
and mypy find theirs), checked key by key.  Command-line flags override it.
A pyproject.toml that cannot hold the table is passed over unparsed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from derive_ce.report import FORMATS

KEYS = ("paths", "timeout", "strict", "jobs", "cache-dir", "format")


# Where a [tool.derive-ce] table can begin: the dotted key (`[tool.derive-ce]`,
# `tool."derive-ce".timeout = 5`, spaces around the dot), a `[tool]` table or
# a `tool = {...}` line that may hold it, or a key spelled with escapes.
_MAY_HOLD = re.compile(rb"""tool["']?\s*\.\s*["']?derive-ce|^\s*\[\s*["']?tool["']?\s*\]"""
                       rb"""|^\s*["']?tool["']?\s*=|\\[uU]""", re.MULTILINE)


def may_hold_table(raw: bytes) -> bool:
    """Could these bytes hold a [tool.derive-ce] table?  A file that cannot
    (most projects' pyproject.toml, even one listing derive-ce among its
    dependencies) is passed over unparsed, as one without the table."""
    return _MAY_HOLD.search(raw) is not None


class ConfigError(Exception):
    """A configuration that cannot be used: the message names the file and key."""


@dataclass(frozen=True)
class Config:
    """Settings from a pyproject.toml; paths are relative to its folder."""
    source: Path | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def discover(start: Path) -> Config:
    """The nearest pyproject.toml at or above `start` with a [tool.derive-ce] table."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            table = _table(candidate)
            if table is not None:
                return Config(candidate, _checked(table, candidate))
    return Config()


def _table(path: Path) -> dict | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it: {exc}") from None
    if not may_hold_table(raw):
        return None
    import tomllib   # only here: most pyproject.toml files hold no table of ours
    try:
        data = tomllib.loads(raw.decode())
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it: {exc}") from None
    table = data.get("tool", {}).get("derive-ce") if isinstance(data.get("tool"), dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.derive-ce] must be a table")
    return table


def _checked(table: dict, path: Path) -> dict:
    values = {}
    for key, value in table.items():
        if key not in KEYS:
            import difflib
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise ConfigError(f"{path}: unknown key `{key}` in [tool.derive-ce]{hint}; "
                              f"allowed: {', '.join(KEYS)}")
        values[key] = _value(key, value, path)
    return values


def _value(key: str, value, path: Path):
    where = f"{path}: [tool.derive-ce] `{key}`"
    base = path.parent
    if key == "paths":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} must be a path or a list of paths")
        return [base / v for v in value]
    if key == "cache-dir":
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where} must be a folder name")
        return base / value
    if key == "strict":
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false")
        return value
    if key == "format":
        if value not in FORMATS:
            raise ConfigError(f"{where} must be one of {', '.join(FORMATS)}")
        return value
    if key == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{where} must be a whole number of at least 1")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0.1:
        raise ConfigError(f"{where} must be a number of seconds, at least 0.1")
    return float(value)
