"""Markdown / LaTeX notes -> the Derivation records document.py builds,
each remembering the notes' own line.

Displays (`$$…$$`, `\\[…\\]`, align / equation / gather environments) give
one step per `=` line or `\\\\` row; prose between them may open a case
("if $\\gamma = i$:"); the rest of the prose is kept as notes.  Symbols are
inferred from use.  Everything guessed is said in `Imported.notes` and in
the reasons beside symbols, definitions, cases and results, so that a YAML
writer can show it.  Pure text work: no SymPy, nothing evaluated.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from derive_ce.errors import InputError
from derive_ce.read.files import decode, read_bytes
from derive_ce.read.model import (
    Case,
    Definition,
    Derivation,
    Math,
    Scope,
    Step,
    SymbolDecl,
)
from derive_ce.read.shapes import Declared, declared_in

MAX_ROWS = 20_000
MAX_PROSE = 400        # longer prose lines open no case and give no title
READER_VERSION = b"derive-ce notes reader 2\0"   # part of the report cache key
ENVIRONMENTS = ("align", "align*", "equation", "equation*", "gather", "gather*",
                "eqnarray", "eqnarray*", "multline", "multline*")
_OPEN = re.compile(r"\$\$|\\\[|\\begin\s*\{(" + "|".join(re.escape(e) for e in ENVIRONMENTS) + r")\}")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_WHY = re.compile(r"\\q?quad\s*\|")
_QUAD = re.compile(r"\\q?quad\b")
_TEXT = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{([^{}]*)\}")
_NOISE = re.compile(r"\\(?:nonumber|notag)\b|\\(?:label|tag)\s*\{[^{}]*\}"
                    r"|\\(?:begin|end)\s*\{(?:aligned|split|gathered)\}|(?<!\\)&")
GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa "
         "lambda mu nu xi rho varrho sigma tau upsilon phi varphi chi psi omega "
         "Gamma Delta Theta Lambda Xi Sigma Upsilon Phi Psi Omega").split()
_LETTER = r"(?:\\(?:" + "|".join(GREEK) + r")(?![A-Za-z])|[A-Za-z])"
_SUBSCRIPT = r"(?:\{\s*[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])"
_NAME = re.compile(r"\s*(?:\\(?:text|mathrm|operatorname)\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}"
                   r"|(" + _LETTER + r"))\s*(?:_\s*(" + _SUBSCRIPT + r")|\(\s*([^()]*)\))?\s*:?$")
_SUBSCRIPTED = re.compile(r"(\\[A-Za-z]+|[A-Za-z])\s*_\s*(" + _SUBSCRIPT + ")")
_SUM = re.compile(r"\\(?:sum|prod)\s*_\s*(?:\{\s*(" + _LETTER + r")\s*(?:=\s*([^{}]*?))?\s*\}|("
                  + _LETTER + r"))(?:\s*\^\s*(\{[^{}]*\}|[A-Za-z0-9]|\\[A-Za-z]+))?")
_RELATION = re.compile(r"=|\\neq?\b|\\leq?\b|\\geq?\b|\\[lg]t\b|<|>")
_CASE_LINE = re.compile(
    r"(?:(?:if|for|when|in the case|in case|case)\s+(?:that\s+)?"
    r"(?:\$([^$]+)\$|\\\((.+?)\\\))|case\s+([^$:]+?))"
    r"\s*(?:,?\s*(?:then|we get|we have))?\s*[:.,]?", re.IGNORECASE)
_OTHERWISE = re.compile(r"(?:otherwise|else)\s*[:.,]?", re.IGNORECASE)
_SKIP_TEX = re.compile(r"^\\(?:documentclass|usepackage|begin\s*\{document\}|end\s*\{document\}"
                       r"|maketitle|date|author)(?![A-Za-z])")
_TOKEN = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}"
                    r"|\\([A-Za-z]+)|([A-Za-z])")
_HEADING = re.compile(r"^(?:#+\s*|\\(?:title|section\*?|subsection\*?|chapter\*?)\s*\{)(.*?)\}?\s*$")


@dataclass(frozen=True)
class Row:
    """One step as written: its text and where it starts in the notes."""
    text: str
    line: int
    column: int          # 1-based; 0 when the row runs over several lines
    starts_with_equals: bool


@dataclass(frozen=True)
class Prose:
    text: str
    line: int


@dataclass(frozen=True)
class Imported:
    """The derivation read from notes, and what the reader guessed."""
    derivation: Derivation
    notes: tuple[Prose, ...] = ()                 # prose, goals, lines not checked
    symbol_reasons: tuple[str, ...] = ()          # one per scope.symbols entry
    definition_notes: tuple[str, ...] = ()        # one per scope.definitions entry
    case_sources: tuple[str, ...] = ()            # one per top-level case: the prose line


def is_notes(path: Path, data: bytes | None = None) -> bool:
    """Notes by suffix (.md .markdown .tex .ltx), or .txt / no suffix with
    a display in it and no top-level `steps:` key; YAML otherwise."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown", ".tex", ".ltx", ".ipynb"):
        return True
    if suffix not in (".txt", ""):
        return False
    if data is None:
        try:
            data = read_bytes(path)
        except InputError:
            return False
    text = data.decode("utf-8", errors="replace")
    return bool(_OPEN.search(text)) and not re.search(r"(?m)^steps\s*:", text)


def load(path: Path, data: bytes | None = None) -> Derivation:
    if path.suffix.lower() == ".ipynb":
        from derive_ce.read import notebook      # its markdown cells, as notes
        return notebook.load(path, data)
    return read(path, data).derivation


def read(path: Path, data: bytes | None = None) -> Imported:
    """Read notes (or their bytes, already read); InputError when unusable."""
    text = _decode(read_bytes(path) if data is None else data)
    masked = _mask(text, tex=path.suffix.lower() in (".tex", ".ltx"))
    return _Builder(str(path)).build(_blocks(masked, text))


def _decode(data: bytes) -> str:
    return decode(data, "notes").replace("\r\n", "\n").replace("\r", "\n")


# -- text -> displays and prose ----------------------------------------------

def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _mask(text: str, tex: bool) -> str:
    """Blank out what is never math (code fences, `code`, HTML and LaTeX
    comments), keeping every other character where it was."""
    lines, fence = [], None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence or match:
            if match and (fence is None or match.group(1) == fence):
                fence = None if fence else match.group(1)
            lines.append(" " * len(line))
            continue
        line = re.sub(r"`[^`]*`", lambda m: " " * len(m.group()), line)
        if tex:
            line = re.sub(r"(?<!\\)%.*", lambda m: " " * len(m.group()), line)
        lines.append(line)
    masked, out, pos = "\n".join(lines), [], 0
    while (start := masked.find("<!--", pos)) >= 0:
        end = masked.find("-->", start + 4)
        end = len(masked) if end < 0 else end + 3
        out += [masked[pos:start], _blank(masked[start:end])]
        pos = end
    return "".join(out) + masked[pos:]


class _Where:
    """Offsets in the notes -> 1-based (line, column)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _blocks(text: str, original: str) -> list:
    """Prose lines and displays (lists of rows), in the order of the notes;
    `text` is the masked notes, `original` what prose is quoted from."""
    blocks: list = []
    pos = rows = 0
    where = _Where(text)
    while (match := _OPEN.search(text, pos)) is not None:
        blocks.extend(_prose(text, original, where(pos)[0], pos, match.start()))
        env = match.group(1)
        close = "$$" if match.group() == "$$" else ("\\]" if env is None else None)
        closer = re.compile(re.escape(close) if close else r"\\end\s*\{" + re.escape(env) + r"\}")
        end = closer.search(text, match.end())
        if end is None:
            line, column = where(match.start())
            raise InputError(f"the display `{match.group()}` opened at column {column} "
                             "is never closed", line)
        blocks.append(_rows(text, where, match.end(), end.start()))
        rows += len(blocks[-1])
        if rows > MAX_ROWS:
            raise InputError(f"the notes hold more than {MAX_ROWS} display rows")
        pos = end.end()
    blocks.extend(_prose(text, original, where(pos)[0], pos, len(text)))
    return blocks


def _prose(text: str, original: str, first: int, start: int, end: int) -> list[Prose]:
    lines = zip(text[start:end].split("\n"), original[start:end].split("\n"))
    return [Prose(" ".join(said.split()), first + n)
            for n, (masked, said) in enumerate(lines) if masked.strip()]


def _rows(text: str, where: _Where, start: int, end: int) -> list[Row]:
    """Rows of a display: split at `\\\\`, then at lines that begin with `=`."""
    body = text[start:end]
    body = re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group()), body)
    body = _NOISE.sub(lambda m: " " * len(m.group()), body)
    rows: list[Row] = []
    offset = 0
    for piece in re.split(r"(\\\\(?:\[[^\]\n]*\])?)", body):
        if not piece.startswith("\\\\"):
            rows.extend(_piece_rows(where, start + offset, piece))
        offset += len(piece)
    return rows


def _piece_rows(where: _Where, start: int, piece: str) -> list[Row]:
    groups: list[list[tuple[int, str]]] = []
    offset = 0
    for line in piece.split("\n"):
        stripped = line.strip()
        if stripped:
            at = start + offset + (len(line) - len(line.lstrip()))
            if not groups or stripped.startswith("="):
                groups.append([])
            groups[-1].append((at, stripped))
        offset += len(line) + 1
    rows = []
    for group in groups:
        joined = re.sub(r"(?<!\\)[.,;]\s*$", "", " ".join(t for _, t in group)).strip()
        if not joined:
            continue
        line, column = where(group[0][0])
        rows.append(Row(joined, line, column if len(group) == 1 else 0, joined.startswith("=")))
    return rows


# -- splitting math without parsing it --------------------------------------

def split_why(text: str) -> tuple[str, str]:
    """`a = b \\quad | rule` -> ("a = b", "\\text{rule}" as written)."""
    parts = _WHY.split(text, maxsplit=1)
    return parts[0].rstrip(), (parts[1].strip() if len(parts) == 2 else "")


def clean_why(raw: str) -> str:
    return " ".join(_QUAD.sub(" ", _TEXT.sub(r"\1", raw)).split())


def top_parts(text: str) -> list[str]:
    """The parts of `a = b = c` at bracket depth 0 (a leading `=` gives an
    empty first part)."""
    parts, depth, last = [], 0, 0
    for pos, char in enumerate(text):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == "=" and depth == 0 and text[pos - 1:pos] not in ("\\", "<", ">", "!"):
            parts.append(text[last:pos].strip())
            last = pos + 1
    parts.append(text[last:].strip())
    return parts


def _definition_name(text: str) -> tuple[str, tuple[str, ...], bool] | None:
    """`\\text{Loss}` -> ("Loss", (), False); `p_i` -> ("p", ("i",), False);
    `\\sigma(x)` -> ("sigma", ("x",), True); anything else -> None."""
    match = _NAME.match(text)
    if not match:
        return None
    name = match.group(1) or match.group(2).lstrip("\\")
    if name == "e":         # Euler's number, never a name to define
        return None
    if match.group(4) is not None:
        params = _subscript_letters(match.group(4))
        return (name, params, True) if params and not match.group(1) else None
    if match.group(3) is None:
        return name, (), False
    params = _subscript_letters(match.group(3))
    return (name, params, False) if params else None


def _subscript_letters(sub: str) -> tuple[str, ...]:
    """`{i,j}` -> ("i", "j"); `\\gamma` -> ("gamma",); `1` or `{ij+1}` -> ()."""
    items = [s.strip() for s in sub.strip("{} ").split(",")]
    if all(re.fullmatch(_LETTER, s) for s in items):
        return tuple(s.lstrip("\\") for s in items)
    return ()


# -- displays and prose -> a derivation ---------------------------------------

@dataclass
class _Branch:
    when: Math | None
    source: str = ""
    steps: list[Step] = field(default_factory=list)
    last: tuple[str, int] | None = None     # the branch's last expression and its line


@dataclass
class _DefinitionChain:
    """`\\text{Loss} = A` and the `= B` rows after it: checked as the
    derivation's chain only when no other chain follows."""
    name: str
    line: int
    steps: list[Step]


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.title = ""
        self.notes: list[Prose] = []
        self.definitions: list[Definition] = []
        self.definition_notes: list[str] = []
        self.main = _Branch(None)
        self.cases: list[_Branch] = []
        self.open: _DefinitionChain | None = None   # a definition's chain, still open
        self.pending: Row | None = None   # one expression, not yet known as start or goal
        self.used: set[str] = set()     # names in the math so far, for "first use"
        self.objects: dict[str, Declared] = {}   # letters the prose calls vectors or matrices

    @property
    def branch(self) -> _Branch:
        return self.cases[-1] if self.cases else self.main

    def build(self, blocks: list) -> Imported:
        for block in blocks:
            if isinstance(block, Prose):
                self._prose(block)
            else:
                for row in block:
                    self._row(row)
        self._settle_pending()
        self._close_definition(promote=not self.main.steps and not self.cases)
        return self._imported()

    # prose
    def _prose(self, prose: Prose) -> None:
        if _SKIP_TEX.match(prose.text):
            return
        for declared in declared_in(prose.text, prose.line):
            self.objects.setdefault(declared.name, declared)
        if len(prose.text) > MAX_PROSE:
            self.notes.append(prose)
            return
        text = re.sub(r"^[\s>*_#-]+|[\s*_]+$", "", prose.text)
        when = _case_condition(text, self.cases[-1].when if self.cases else None)
        if when is not None:
            self._settle_pending()
            self._close_definition(promote=False)
            self.cases.append(_Branch(Math(when, prose.line), prose.text))
            return
        heading = _HEADING.match(prose.text)
        if not self.title:
            self.title = heading.group(1).strip() if heading else prose.text.strip()
            return
        self.notes.append(prose)

    # math
    def _row(self, row: Row) -> None:
        body, raw_why = split_why(row.text)
        parts = top_parts(body)
        if not any(parts):
            self.notes.append(Prose(f"an empty row, skipped: {row.text}", row.line))
            return
        self._why_definition(raw_why, row)
        if row.starts_with_equals:
            if self.pending is not None:
                self._step(self.pending, *split_why(self.pending.text))
                self.pending = None
            self._step(row, body, raw_why)
            return
        self._settle_pending()
        if len(parts) == 1:
            self.pending = row
            return
        if self._main_definition(parts, row, raw_why):
            return
        self._close_definition(promote=False)
        self._step(row, body, raw_why)

    def _settle_pending(self) -> None:
        if self.pending is not None:
            self.notes.append(Prose(f"goal (one expression, no step): {self.pending.text}",
                                    self.pending.line))
            self.pending = None

    def _step(self, row: Row, body: str, raw_why: str, column: int | None = None) -> None:
        self._see(body)
        step = Step(Math(body, row.line, column=row.column if column is None else column),
                    clean_why(raw_why))
        if self.open is not None:
            self.open.steps.append(step)
            return
        self.branch.steps.append(step)
        self.branch.last = (_last(body), row.line)

    def _main_definition(self, parts: list[str], row: Row, raw_why: str) -> bool:
        """`\\text{Loss} = …` (or `:=`) naming something not used before
        and not used in its own body."""
        lhs = parts[0].removesuffix(":")
        named = _definition_name(lhs)
        if named is None or not parts[1] or self._used(named[0]) \
                or any(_mentions(p, named[0]) for p in parts[1:]):
            return False
        self._close_definition(promote=False)
        self._define(named, parts[1], row, "")
        self.open = _DefinitionChain(named[0], row.line, [])
        self._step(row, " = ".join(parts[1:]), raw_why, column=0)
        return True

    def _close_definition(self, promote: bool) -> None:
        """A definition's chain becomes the derivation's steps when it is the
        only chain; otherwise what it says beyond the definition is noted
        as not checked (a derivation file checks one chain)."""
        chain, self.open = self.open, None
        if chain is None or sum(len([p for p in top_parts(s.math.text) if p])
                                for s in chain.steps) < 2:
            return
        if promote:
            self.main.steps.extend(chain.steps)
            last = chain.steps[-1].math
            self.main.last = (_last(last.text), last.line)
            return
        said = [s for s in chain.steps if len([p for p in top_parts(s.math.text) if p]) > 1
                or s is not chain.steps[0]]
        for step in said:
            self.notes.append(Prose(f"not checked (another chain follows): `{step.math.text}` "
                                    f"continues the definition of {chain.name} (line {chain.line})",
                                    step.math.line))

    def _why_definition(self, raw_why: str, row: Row) -> None:
        """`\\quad | \\quad p_i = \\frac{…}{…} \\quad \\text{softmax}`."""
        segments = [s.strip() for s in _QUAD.split(raw_why) if s.strip()]
        if not segments:
            return
        parts = top_parts(segments[0])
        named = _definition_name(parts[0].removesuffix(":"))
        if len(parts) != 2 or named is None or not parts[1] or self._used(named[0]) \
                or _mentions(parts[1], named[0]):
            return
        self._define(named, parts[1], row, clean_why(" ".join(segments[1:])))

    def _used(self, name: str) -> bool:
        return name in self.used or any(name == d.name for d in self.definitions)

    def _see(self, text: str) -> None:
        self.used.update(next(g for g in m.groups() if g) for m in _TOKEN.finditer(text))

    def _define(self, named, body: str, row: Row, label: str) -> None:
        definition = Definition(named[0], named[1], Math(body, row.line), row.line, named[2])
        self.definitions.append(definition)
        self._see(body)
        self.definition_notes.append(f"line {row.line}" + (f": {label}" if label else ""))

    # the result
    def _imported(self) -> Imported:
        cases = tuple(Case(b.when, tuple(b.steps), (), _result(b), b.when.line)
                      for b in self.cases)
        whens = [c.when.text for c in cases]
        symbols, reasons = infer_symbols(
            [s.math.text for b in [self.main, *self.cases] for s in b.steps]
            + [d.body.text for d in self.definitions] + whens,
            {d.name for d in self.definitions})
        symbols, reasons = _with_objects(symbols, reasons, self.objects)
        derivation = Derivation(
            path=self.path, title=self.title, source=f"notes: {self.path}",
            scope=Scope(symbols, _ordered(self.definitions)),
            steps=tuple(self.main.steps), cases=cases,
            result=None if self.cases else _result(self.main))
        order = {id(d): n for n, d in enumerate(self.definitions)}
        return Imported(derivation, tuple(sorted(self.notes, key=lambda n: n.line)), reasons,
                        tuple(self.definition_notes[order[id(d)]]
                              for d in derivation.scope.definitions),
                        tuple(b.source for b in self.cases))


def _with_objects(symbols, reasons, objects: dict[str, Declared]):
    """The letters the prose calls vectors or matrices, declared so (never
    commuting scalars), before what was inferred from use."""
    if not objects:
        return symbols, reasons
    decls, why = [], []
    for name, said in objects.items():
        decls.append(SymbolDecl((name,), said.kind, (), None, said.line,
                                shape=tuple(Math(d, said.line) for d in said.shape)))
        why.append(said.reason)
    for decl, reason in zip(symbols, reasons):
        names = tuple(n for n in decl.names if n not in objects)
        if names:
            decls.append(SymbolDecl(names, decl.kind, decl.flags, decl.range, decl.line,
                                    decl.inferred, decl.shape))
            why.append(reason)
    return tuple(decls), tuple(why)


def _last(text: str) -> str:
    """The last expression of `a = b = c`, or "" when it ends in `=`."""
    return top_parts(text)[-1]


def _result(branch: _Branch) -> Math | None:
    """The branch's last expression, when it can be read (a row that cannot
    is reported once, as its step, not again as a result)."""
    if branch.last is None or not branch.last[0]:
        return None
    from derive_ce.read.latex.parser import split_chain
    try:
        split_chain(branch.steps[-1].math.text, branch.last[1])
    except InputError:
        return None
    return Math(*branch.last)


def _ordered(definitions: list[Definition]) -> tuple[Definition, ...]:
    """Definitions in the order they can be read: one that uses another
    comes after it (notes often give the main one first)."""
    left = list(definitions)
    done: list[Definition] = []
    while left:
        ready = [d for d in left
                 if not any(_mentions(d.body.text, o.name) for o in left if o is not d)]
        pick = ready[0] if ready else left[0]
        done.append(pick)
        left.remove(pick)
    return tuple(done)


def _mentions(text: str, name: str) -> bool:
    name = re.escape(name)
    return re.search(r"\\(?:text|mathrm|operatorname)\s*\{\s*" + name + r"\s*\}"
                     r"|(?<![A-Za-z\\])\\?" + name + r"(?![A-Za-z])", text) is not None


def _case_condition(text: str, previous: Math | None) -> str | None:
    """The condition a prose line opens a case with, or None: the line is
    "if $…$:", "for \\(…\\)", "case x > 0:", "otherwise:" and little more."""
    if _OTHERWISE.fullmatch(text) and previous is not None:
        return _negate(previous.text)
    match = _CASE_LINE.fullmatch(text)
    if match is None:
        return None
    condition = next(g for g in match.groups() if g is not None).strip()
    return condition if _RELATION.search(condition) else None


_OPPOSITE = {"=": "\\neq", "\\neq": "=", "\\ne": "=", "<": "\\ge", ">": "\\le",
             "\\le": ">", "\\leq": ">", "\\ge": "<", "\\geq": "<", "\\lt": "\\ge",
             "\\gt": "\\le"}


def _negate(condition: str) -> str | None:
    """"otherwise" after `a = b` is `a \\neq b`, after `x > 0` is `x \\le 0`."""
    found = list(_RELATION.finditer(condition))
    if len(found) != 1:
        return None
    match = found[0]
    return f"{condition[:match.start()].strip()} {_OPPOSITE[match.group()]} " \
           f"{condition[match.end():].strip()}"


# -- symbols ----------------------------------------------------------------

def infer_symbols(texts: list[str], defined: set[str]) -> tuple[tuple[SymbolDecl, ...], tuple[str, ...]]:
    """Indices (sum and subscript letters), vectors (a letter subscripted by
    an index), matrices (two subscripts) and the range's bound, each with the
    reason it was guessed."""
    sums: dict[str, tuple[str, str]] = {}
    for text in texts:
        for match in _SUM.finditer(text):
            index = (match.group(1) or match.group(3)).lstrip("\\")
            upper = (match.group(4) or "").strip("{} ")
            sums.setdefault(index, ((match.group(2) or "").strip(), upper))
    subscripts: dict[str, set[tuple[str, ...]]] = {}
    for text in texts:
        for match in _SUBSCRIPTED.finditer(_SUM.sub(" ", text)):
            base, letters = match.group(1), _subscript_letters(match.group(2))
            if letters and (not base.startswith("\\") or base[1:] in GREEK):
                subscripts.setdefault(base.lstrip("\\"), set()).add(letters)
    indices, vectors, matrices = set(sums), set(), set()
    for _ in range(len(subscripts) + 1):
        for base, uses in subscripts.items():
            if base in defined or base in indices:
                continue
            if any(len(u) == 2 for u in uses):
                matrices.add(base)
            elif any(u[0] in indices for u in uses):
                vectors.add(base)
            else:
                continue
            indices.update(letter for use in uses for letter in use)
    for text in texts:
        for left, right in _equal_pairs(text):
            if left in indices or right in indices:
                indices.update((left, right))
    return _declarations(indices - vectors - matrices, vectors, matrices, sums, subscripts)


def _equal_pairs(text: str) -> list[tuple[str, str]]:
    parts = re.split(r"=|\\neq?\b", text)
    names = [re.fullmatch(r"\s*(" + _LETTER + r")\s*", p) for p in parts]
    return [(names[0].group(1).lstrip("\\"), names[1].group(1).lstrip("\\"))] \
        if len(parts) == 2 and all(names) else []


def _declarations(indices, vectors, matrices, sums, subscripts):
    decls: list[SymbolDecl] = []
    reasons: list[str] = []
    for kind, names, why in (("vector", vectors, "subscripted by an index: {}"),
                             ("matrix", matrices, "two subscripts: {}")):
        for name in sorted(names):
            uses = sorted(",".join(u) for u in subscripts[name])
            decls.append(SymbolDecl((name,), kind, (), None, 0))
            reasons.append(why.format(", ".join(f"{name}_{{{u}}}" for u in uses)))
    if not indices:
        return tuple(decls), tuple(reasons)
    taken = indices | vectors | matrices
    default_upper = next((u for _, u in sums.values() if u), "n" if "n" not in taken else "N")
    groups: dict[tuple[str, str], list[str]] = {}
    for name in sorted(indices):
        low, upper = sums.get(name, ("", ""))
        groups.setdefault((low or "1", upper or default_upper), []).append(name)
    bounds = set()
    for (low, upper), names in groups.items():
        decls.append(SymbolDecl(tuple(names), "index", (), (Math(low, 0), Math(upper, 0)), 0))
        summed = [n for n in names if n in sums]
        reasons.append("indices" + (f" (summed over: {', '.join(summed)})" if summed else "")
                       + f"; range [{low}, {upper}] guessed"
                       + (" (the sums give no upper bound)" if not any(sums.get(n, ("", ""))[1]
                                                                      for n in names) else ""))
        bounds.update(b for b in (low, upper) if re.fullmatch(r"[A-Za-z]", b))
    for bound in sorted(bounds - taken):
        decls.append(SymbolDecl((bound,), "scalar", (("integer", True), ("positive", True)), None, 0))
        reasons.append("the indices' upper bound: a positive integer")
    return tuple(decls), tuple(reasons)
