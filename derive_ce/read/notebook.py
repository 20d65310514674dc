"""Jupyter notebooks (.ipynb) -> notes text -> the Derivation notes.py reads.

The display math of the markdown cells is the derivation: the cells are
joined into one notes text (a blank line between two cells), read by the
notes reader, and every line is mapped back to its cell and its line there
(`Derivation.cells`), so that reports say "cell 3, line 2".  Code and raw
cells, and all outputs, are ignored.  The notebook is JSON read with the
standard library; nothing in it is run.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from derive_ce.errors import InputError
from derive_ce.read.files import MAX_BYTES, decode, read_bytes

SUFFIX = ".ipynb"
MAX_NOTEBOOK = 50_000_000      # outputs (plots) make notebooks large; only markdown is read


def is_notebook(path: Path) -> bool:
    return path.suffix.lower() == SUFFIX


def limit(path: Path) -> int:
    """How many bytes of this file may be read."""
    return MAX_NOTEBOOK if is_notebook(Path(path)) else MAX_BYTES


def load(path: Path, data: bytes | None = None):
    """The derivation in the notebook's markdown cells; InputError when unusable."""
    from derive_ce.read import notes
    text, cells = notes_text(_read(path) if data is None else data)
    try:
        derivation = notes.load(path.with_suffix(".md"), text.encode())
    except InputError as exc:
        raise InputError(where(cells, exc.line) + exc.message if exc.line else exc.message,
                         None, exc.column, exc.text) from None
    return dataclasses.replace(derivation, path=str(path), cells=cells)


def where(cells: tuple, line: int | None) -> str:
    """"cell 3, line 2: " for a line of the joined notes text."""
    if line and 0 < line <= len(cells) and cells[line - 1][0]:
        cell, inner = cells[line - 1]
        return f"cell {cell}, line {inner}: "
    return f"line {line}: " if line else ""


def notes_text(data: bytes) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The markdown cells as one notes text, and for each of its lines
    (cell number, line in the cell); (0, 0) for the blank line between cells.
    Cells are numbered from 1 as they stand in the notebook, code cells included."""
    if len(data) > MAX_NOTEBOOK:
        raise InputError(f"the notebook is larger than {MAX_NOTEBOOK} bytes")
    document = _json(data)
    lines: list[str] = []
    cells: list[tuple[int, int]] = []
    for number, cell in enumerate(_cells(document), 1):
        if cell.get("cell_type") != "markdown":
            continue
        source = _source(cell, number)
        _closed(source, number)
        if lines:
            lines.append("")
            cells.append((0, 0))
        for inner, line in enumerate(source.replace("\r\n", "\n").replace("\r", "\n")
                                     .split("\n"), 1):
            lines.append(line)
            cells.append((number, inner))
    text = "\n".join(lines)
    if len(text.encode()) > MAX_BYTES:
        raise InputError(f"the notebook's markdown is larger than {MAX_BYTES} bytes")
    return text, tuple(cells)


def _closed(source: str, number: int) -> None:
    """A display opened in a cell is closed in that cell (Jupyter renders each
    cell alone), so that joining the cells never pairs two cells' `$$`."""
    shown = re.sub(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1|`[^`\n]*`", "", source)
    opened, closed = (len(re.findall(r"(?<!\\)\\" + b, shown)) for b in (r"\[", r"\]"))
    if shown.count("$$") % 2 or opened != closed:
        raise InputError(f"cell {number}: a display (`$$` or `\\[`) is opened and never "
                         "closed in this cell")


def _read(path: Path) -> bytes:
    return read_bytes(path, MAX_NOTEBOOK)


def _json(data: bytes) -> dict:
    text = decode(data, "a notebook") if len(data) <= MAX_BYTES else _decode_large(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a notebook: JSON error at column {exc.colno}: {exc.msg}",
                         exc.lineno) from None
    except (RecursionError, ValueError):
        raise InputError("not a notebook: the JSON is nested too deeply") from None
    if not isinstance(document, dict):
        raise InputError("not a notebook: the JSON is not an object with `cells`")
    return document


def _decode_large(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the file is not UTF-8 text (byte {exc.start})") from None


def _cells(document: dict) -> list:
    cells = document.get("cells")
    if cells is None and "worksheets" in document:
        raise InputError("a notebook of format 3: save it as format 4 "
                         "(`jupyter nbconvert --to notebook --nbformat 4`)")
    if not isinstance(cells, list):
        raise InputError("not a notebook: no `cells` list")
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict):
            raise InputError(f"cell {number}: not a notebook cell (an object)")
    return cells


def _source(cell: dict, number: int) -> str:
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(s, str) for s in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise InputError(f"cell {number}: its `source` is neither text nor a list of lines")
