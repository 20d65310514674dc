"""The derivation model: plain records that remember their YAML line.

document.py builds them from a file; the engine's worker receives them with
each task, so this module needs nothing heavier than dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Math:
    """A piece of math as typed: `latex` or `expr` (SymPy syntax); `column`
    is where the text starts on its line when known (notes), else 0;
    `breaks`, for a notes row that runs over several lines, holds (offset in
    text, line) where each later line starts, so that each expression of a
    chain is reported on the line it is written on."""
    text: str
    line: int
    syntax: str = "latex"
    column: int = 0
    breaks: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        """The line of the notes that holds text[offset]."""
        return max((line for at, line in self.breaks if at <= offset), default=self.line)


@dataclass(frozen=True)
class Step:
    math: Math
    why: str = ""
    unchecked: str = ""     # notes: why this row is reported as not checked (equation solving)
    unsure: bool = False    # notes: not checked, and the file cannot be said to hold (a name
    #                         defined again): exit 1, never "all steps hold"


@dataclass(frozen=True)
class SymbolDecl:
    names: tuple[str, ...]
    kind: str
    flags: tuple[tuple[str, bool], ...]
    range: tuple[Math, Math] | None
    line: int
    inferred: bool = False      # not in the file: read from how the letter is used
    shape: tuple[Math, ...] = ()   # a vector's (size,), a matrix's (rows, columns)
    properties: tuple[str, ...] = ()   # a matrix's: "symmetric", "positive_definite"
    # notes: a vector or matrix guessed from its subscripts (not in the repr,
    # which seeds the evaluator's instances: a guess does not move them)
    guessed: bool = field(default=False, repr=False)


@dataclass(frozen=True)
class Definition:
    """`p_k: ...` defines the family p (element k); `Loss: ...` a name;
    `\\sigma(x): ...` a function (`function` true, its arguments in params)."""
    name: str
    params: tuple[str, ...]
    body: Math
    line: int
    function: bool = False


@dataclass(frozen=True)
class Case:
    when: Math
    steps: tuple[Step, ...]
    cases: tuple["Case", ...]
    result: Math | None
    line: int


@dataclass(frozen=True)
class Scope:
    """Everything a step is read under: symbols and definitions."""
    symbols: tuple[SymbolDecl, ...] = ()
    definitions: tuple[Definition, ...] = ()
    layout: str = "denominator"     # of ∂f/∂x for vectors and matrices: or "numerator"


def kept_apart(decls: tuple[SymbolDecl, ...], names: set[str]) -> list[tuple[int, SymbolDecl]]:
    """(position, declaration without `names`) of each declaration left with a
    name: a derivation's own declarations take the place of these."""
    kept = []
    for position, decl in enumerate(decls):
        left = tuple(n for n in decl.names if n not in names)
        if left:
            kept.append((position, decl if left == decl.names else replace(decl, names=left)))
    return kept


@dataclass(frozen=True)
class Section:
    """One derivation of several in a file (`derivations:`), with its title."""
    title: str
    steps: tuple[Step, ...]
    cases: tuple[Case, ...]
    result: Math | None
    line: int
    symbols: tuple[SymbolDecl, ...] = ()   # its own declarations: in place of the file's, by name


@dataclass(frozen=True)
class Derivation:
    path: str
    title: str = ""
    source: str = ""
    scope: Scope = field(default_factory=Scope)
    steps: tuple[Step, ...] = ()
    cases: tuple[Case, ...] = ()
    result: Math | None = None
    sections: tuple[Section, ...] = ()     # several derivations sharing the scope
    cells: tuple[tuple[int, int], ...] = ()  # a notebook's: (cell, line in it) per line
