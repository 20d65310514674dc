"""Symbols, assumptions, index ranges and definitions, as SymPy objects.

Built in the engine's worker from a document.Scope.  Every name a file
uses is resolved here, so one name is always one SymPy object.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

import sympy as sp

from derive_ce.errors import InputError

if TYPE_CHECKING:
    from derive_ce.read import model as document

GREEK_CONSTANTS = {"pi": sp.pi}


class SymScope:
    """Name -> SymPy object, with kinds, ranges and definitions."""

    def __init__(self, spec: document.Scope):
        self.kinds: dict[str, str] = {}
        self.flags: dict[str, dict[str, bool]] = {}
        self._objects: dict[str, sp.Basic] = {}
        self.ranges: dict[sp.Symbol, tuple[sp.Expr, sp.Expr]] = {}
        self.families: dict[str, tuple[tuple[sp.Basic, ...], sp.Expr, int]] = {}
        self.names: dict[sp.Symbol, tuple[sp.Expr, int]] = {}
        self._outer: dict[sp.Symbol, sp.Basic | None] = {}   # a sum's index -> its letter outside
        for decl in spec.symbols:
            self._declare(decl)
        self._definition_names = {d.name: d for d in spec.definitions}
        for decl in spec.symbols:
            if decl.range is not None:
                self._set_range(decl)
        for definition in spec.definitions:
            self._define(definition)
        _check_cycles(self)

    # -- declarations ---------------------------------------------------
    def _declare(self, decl: document.SymbolDecl) -> None:
        flags = dict(decl.flags)
        for name in decl.names:
            if name in self.kinds:
                raise InputError(f"`{name}` is declared twice", decl.line)
            self.kinds[name] = decl.kind
            self.flags[name] = flags

    def _set_range(self, decl: document.SymbolDecl) -> None:
        from derive_ce.decide.build import read_expression
        lo, hi = (read_expression(m, self) for m in decl.range)
        for name in decl.names:
            self._objects.pop(name, None)
            self.ranges[self.symbol(name, lo=lo)] = (lo, hi)

    def _define(self, definition: document.Definition) -> None:
        from derive_ce.decide.build import read_expression
        body = read_expression(definition.body, self)
        if definition.params:
            params = tuple(self.symbol(p) for p in definition.params)
            for name, param in zip(definition.params, params):
                if not isinstance(param, sp.Symbol):
                    raise InputError(f"`{name}` is a constant here; use another letter for "
                                     f"the index of `{definition.name}`", definition.line)
            self.families[definition.name] = (params, body, definition.line)
        else:
            self.names[self.symbol(definition.name)] = (body, definition.line)

    # -- lookups used by the LaTeX and plain readers ---------------------
    def kind(self, name: str) -> str:
        if name in self._definition_names and self._definition_names[name].params:
            return "family"
        return self.kinds.get(name, "scalar")

    def symbol(self, name: str, lo: sp.Expr | None = None) -> sp.Basic:
        """The object for a bare name: a symbol, e, π or a definition's name."""
        if name in self._objects:
            return self._objects[name]
        kind = self.kind(name)
        if name not in self.kinds and name not in self._definition_names:
            if name == "e":
                return sp.E
            if name in GREEK_CONSTANTS:
                return GREEK_CONSTANTS[name]
        if kind in ("vector", "matrix", "family"):
            raise InputError(f"`{name}` is a {kind if kind != 'family' else 'defined family'}: "
                             f"write an element such as `{name}_i`")
        if kind == "function":
            raise InputError(f"`{name}` is a function: apply it, as in `{name}(x)`")
        obj = sp.Symbol(name, **self._assumptions(name, lo))
        self._objects[name] = obj
        return obj

    def _assumptions(self, name: str, lo: sp.Expr | None) -> dict[str, bool]:
        flags = dict(self.flags.get(name, {}))
        if self.kinds.get(name) == "index":
            flags["integer"] = True
            if lo is not None and lo.is_number and lo >= 1:
                flags.setdefault("positive", True)
            elif lo is not None and lo.is_number and lo >= 0:
                flags.setdefault("nonnegative", True)
        if flags.get("real", True) or flags.get("integer") or flags.get("positive"):
            flags.setdefault("real", True)
        return flags

    def base(self, name: str) -> sp.IndexedBase:
        key = f"[]{name}"
        if key not in self._objects:
            flags = {k: v for k, v in self.flags.get(name, {}).items() if v}
            flags.setdefault("real", self.flags.get(name, {}).get("real", True))
            self._objects[key] = sp.IndexedBase(name, **flags)
        return self._objects[key]

    def element(self, name: str, indices: list[sp.Expr]) -> sp.Expr:
        kind = self.kind(name)
        if kind == "matrix" and len(indices) != 2:
            raise InputError(f"`{name}` is a matrix: write `{name}_{{i,j}}`")
        if kind == "vector" and len(indices) != 1:
            raise InputError(f"`{name}` is a vector: write one index, `{name}_i`")
        if kind == "family":
            params = self._definition_names[name].params
            if len(indices) != len(params):
                raise InputError(f"`{name}` is defined with {len(params)} index(es)")
        if kind in ("vector", "matrix", "family") or self._is_indexing(indices):
            return self.base(name)[tuple(indices)]
        return self.symbol(element_label(name, indices))

    def _is_indexing(self, indices: list[sp.Expr]) -> bool:
        """An undeclared base with an index-kind subscript is a vector."""
        names = {s.name for i in indices for s in i.free_symbols}
        return any(self.kinds.get(n) == "index" for n in names)

    def function(self, name: str) -> sp.FunctionClass | None:
        if self.kinds.get(name) != "function":
            return None
        key = f"(){name}"
        if key not in self._objects:
            real = self.flags.get(name, {}).get("real", True)
            self._objects[key] = sp.Function(name, real=real)
        return self._objects[key]

    @contextmanager
    def binding(self, name: str, symbol: sp.Symbol):
        """Inside a sum or product, its index letter reads as `symbol`."""
        before = self._objects.get(name)
        self._objects[name] = symbol
        self._outer[symbol] = before
        try:
            yield
        finally:
            if before is None:
                self._objects.pop(name)
            else:
                self._objects[name] = before

    def bounds(self, var: sp.Symbol) -> tuple[sp.Expr, sp.Expr] | None:
        """The declared range of var (inside a sum over its letter: of the letter)."""
        return self.ranges.get(self._outer.get(var) or var)

    # -- definitions -----------------------------------------------------
    def expand(self, expr: sp.Expr) -> sp.Expr:
        """Replace defined names and family elements until none is left."""
        for _ in range(len(self.names) + len(self.families) + 1):
            new = self._expand_once(expr)
            if new == expr:
                return new
            expr = new
        return expr

    def _expand_once(self, expr: sp.Expr) -> sp.Expr:
        """One round of definitions, without capture: a body's bound indices
        are renamed away from the indices an element is used with."""
        from derive_ce.decide.sums import substitute
        expr = substitute(expr, {s: body for s, (body, _) in self.names.items()})
        for name, (params, body, _) in self.families.items():
            base = self.base(name)
            expr = expr.replace(
                lambda e, b=base: isinstance(e, sp.Indexed) and e.base == b,
                lambda e, p=params, bd=body: substitute(bd, dict(zip(p, e.indices))))
        return expr


def element_label(name: str, indices) -> str:
    """How an element is written back: `x_1`, `W_{1,2}`."""
    label = ",".join(sp.sstr(i) for i in indices)
    return f"{name}_{label}" if len(indices) == 1 else f"{name}_{{{label}}}"


def _check_cycles(scope: SymScope) -> None:
    deps: dict[str, tuple[set[str], int]] = {}
    for sym, (body, line) in scope.names.items():
        deps[sym.name] = (_mentions(scope, body), line)
    for name, (_, body, line) in scope.families.items():
        deps[name] = (_mentions(scope, body), line)
    for start in deps:
        path = _cycle_from(start, deps)
        if path:
            raise InputError(f"the definition of `{start}` refers to itself: "
                             + " → ".join(path), deps[start][1])


def _mentions(scope: SymScope, body: sp.Expr) -> set[str]:
    names = {s.name for s in body.atoms(sp.Symbol) if s in scope.names}
    names |= {b.name for b in body.atoms(sp.IndexedBase) if b.name in scope.families}
    return names


def _cycle_from(start: str, deps: dict[str, tuple[set[str], int]]) -> list[str] | None:
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        name, path = stack.pop()
        for nxt in deps.get(name, (set(), 0))[0]:
            if nxt == start:
                return path + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None
