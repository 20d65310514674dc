"""Symbols, assumptions, index ranges and definitions, as SymPy objects.

Built in the engine's worker from a document.Scope.  Every name a file
uses is resolved here, so one name is always one SymPy object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

from derive_ce.decide.kinks import Derivative

from derive_ce.errors import InputError

if TYPE_CHECKING:
    from derive_ce.read import model as document

GREEK_CONSTANTS = {"pi": sp.pi}


class SymScope:
    """Name -> SymPy object, with kinds, ranges and definitions."""

    def __init__(self, spec: document.Scope):
        self.spec = spec
        # definitions that cannot be read, set aside (_set_aside): name -> (line, reason);
        # every use of the name is refused with that reason, never read as a free letter
        self.unreadable: dict[str, tuple[int, str]] = {}
        self.kinds: dict[str, str] = {}
        self.readings: dict[tuple[str, str], sp.Expr] = {}   # see build.read_once
        self.inferred: set[str] = {n for d in spec.symbols if d.inferred for n in d.names}
        self.guessed: set[str] = {n for d in spec.symbols if d.guessed for n in d.names}
        self.flags: dict[str, dict[str, bool]] = {}
        self._objects: dict[str, sp.Basic] = {}
        self.ranges: dict[sp.Symbol, tuple[sp.Expr, sp.Expr]] = {}
        self.families: dict[str, tuple[tuple[sp.Basic, ...], sp.Expr, int]] = {}
        self.names: dict[sp.Symbol, tuple[sp.Expr, int]] = {}
        self.functions: dict[str, tuple[tuple[sp.Basic, ...], sp.Expr, int]] = {}
        for decl in spec.symbols:
            self._declare(decl)
        self._definition_names = {d.name: d for d in spec.definitions}
        self.object_definitions = _object_definitions(spec)
        for decl in spec.symbols:
            if decl.range is not None:
                self._set_range(decl)
        for definition in spec.definitions:
            if definition.name not in self.object_definitions:
                try:
                    self._define(definition)
                except InputError as exc:
                    self.unreadable[definition.name] = (definition.line, exc.message)
        self._set_aside()

    def _set_aside(self) -> None:
        """Set aside, besides the definitions that cannot be read: each one read
        before such a name was known to be unreadable that uses it (it was read
        as a plain letter there), and the first name of a cycle; in turn, until
        none is left.  The other definitions stay: the contract's "the other
        steps are still checked" (docs/derivation-format.md, exit status)."""
        while True:
            while self.unreadable:
                used = [(name, line, sorted(self._uses(body) & set(self.unreadable)))
                        for name, body, line in self._bodies()]
                used = [(name, line, names) for name, line, names in used if names]
                if not used:
                    break
                for name, line, names in used:
                    self._drop(name, line, f"it uses `{names[0]}`, whose definition on line "
                               f"{self.unreadable[names[0]][0]} cannot be read")
            try:
                _check_cycles(self)
                return
            except InputError as exc:
                self._drop(exc.definition, exc.line, exc.message)

    def _bodies(self):
        yield from ((sym.name, body, line) for sym, (body, line) in self.names.items())
        yield from ((name, body, line) for name, (_, body, line)
                    in list(self.families.items()) + list(self.functions.items()))

    @staticmethod
    def _uses(body: sp.Expr) -> set[str]:
        names = {s.name for s in body.atoms(sp.Symbol)}
        names |= {b.name for b in body.atoms(sp.IndexedBase)}
        return names | {str(f.func) for f in body.atoms(sp.core.function.AppliedUndef)}

    def _drop(self, name: str, line: int, reason: str) -> None:
        self.names = {s: v for s, v in self.names.items() if s.name != name}
        self.families.pop(name, None)
        self.functions.pop(name, None)
        self._objects.pop(name, None)
        self.unreadable[name] = (line, reason)

    def _unread(self, name: str) -> InputError:
        line, reason = self.unreadable[name]
        return InputError(f"`{name}` is defined on line {line}, and that definition cannot "
                          f"be read ({reason}), so a step that uses `{name}` is not read")

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
        if definition.function:     # `t(m): e^{2m}` beside `m(x): -x`: the parameter m is t's own
            local = {p: sp.Dummy(p, real=True) for p in definition.params
                     if p in self._definition_names or self.kinds.get(p, "scalar") != "scalar"}
        else:
            local = {p: sp.Dummy(p, integer=True) for p in definition.params if p not in self.kinds}
        body = read_expression(definition.body, self, local)
        if definition.function:
            params = tuple(local.get(p) or self.symbol(p) for p in definition.params)
            if len(set(params)) != len(params) or not all(isinstance(q, sp.Symbol) for q in params):
                raise InputError(f"the arguments of `{definition.name}` must be distinct "
                                 "letters, such as `f(x, y)`", definition.line)
            self.functions[definition.name] = (params, body, definition.line)
        elif definition.params:
            params = tuple(local.get(p) or self.symbol(p) for p in definition.params)
            for name, param in zip(definition.params, params):
                if not isinstance(param, sp.Symbol):
                    raise InputError(f"`{name}` is a constant here; use another letter for "
                                     f"the index of `{definition.name}`", definition.line)
            self.families[definition.name] = (params, body, definition.line)
        else:
            self.names[self.symbol(definition.name)] = (body, definition.line)

    # -- lookups used by the LaTeX and plain readers ---------------------
    def kind(self, name: str) -> str:
        if name in self.unreadable:
            raise self._unread(name)
        definition = self._definition_names.get(name)
        if definition is not None and definition.function:
            return "function"
        if definition is not None and definition.params:
            return "family"
        return self.kinds.get(name, "scalar")

    def declared(self, name: str) -> bool:
        """Declared under symbols: or defined under definitions:."""
        return name in self.kinds or name in self._definition_names

    def index_count(self, name: str) -> int | None:
        """How many indices an element of `name` has: None when undeclared."""
        kind = self.kind(name)
        if kind == "family":
            return len(self._definition_names[name].params)
        return {"vector": 1, "matrix": 2}.get(kind)

    def arity(self, name: str) -> int | None:
        definition = self._definition_names.get(name)
        return len(definition.params) if definition is not None and definition.function else None

    def is_defined(self, obj: sp.Basic) -> bool:
        if isinstance(obj, sp.Indexed):
            return str(obj.base) in self.families
        return obj in self.names

    def bounds_of(self, name: str) -> tuple[sp.Expr, sp.Expr] | None:
        """The declared range of an index named `name`."""
        if self.kinds.get(name) != "index":
            return None
        return self.ranges.get(self.symbol(name))

    def symbol(self, name: str, lo: sp.Expr | None = None) -> sp.Basic:
        """The object for a bare name: a symbol, e, π or a definition's name."""
        if name in self.unreadable:
            raise self._unread(name)
        if name in self._objects:
            return self._objects[name]
        kind = self.kind(name)
        if name not in self.kinds and name not in self._definition_names:
            if name == "e":
                return sp.E
            if name in GREEK_CONSTANTS:
                return GREEK_CONSTANTS[name]
        if name in self.object_definitions:
            raise InputError(f"`{name}` is defined with vectors or matrices as a whole; "
                             "a step that uses it is read as a matrix step, and this part of it "
                             "is not")
        if kind in ("vector", "matrix", "family"):
            element = f"{name}_{{i,j}}" if kind == "matrix" else f"{name}_i"
            raise InputError(f"`{name}` is a {kind if kind != 'family' else 'defined family'}, "
                             "never a commuting scalar; this step uses it as a whole, which is "
                             f"not read here: write an element such as `{element}`")
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

    def element(self, name: str, indices: list[sp.Expr], indexing: bool = False) -> sp.Expr:
        """Element `indices` of `name`; an undeclared name is a vector or matrix
        when an index is a declared index or a sum's index (`indexing`)."""
        kind = self.kind(name)
        if kind == "matrix" and len(indices) != 2:
            raise InputError(f"`{name}` is a matrix: write `{name}_{{i,j}}`")
        if kind == "vector" and len(indices) != 1:
            raise InputError(f"`{name}` is a vector: write one index, `{name}_i`")
        if kind == "family":
            params = self._definition_names[name].params
            if len(indices) != len(params):
                raise InputError(f"`{name}` is defined with {len(params)} index(es)")
        if kind == "function":
            if all(i.is_Integer for i in indices):     # `g_0` beside `g(x) = x^3`: a name
                return self.symbol(element_label(name, indices))   # of its own, as x_1 is
            raise InputError(f"`{name}` is a function: apply it, as in `{name}(x)`")
        if kind in ("vector", "matrix", "family") or indexing or self._is_indexing(indices):
            if name in self.kinds and kind == "scalar":
                raise InputError(f"`{name}` is declared as a scalar, so `{name}` with an index is "
                                 f"not one of its elements: declare `{name}: vector` (or matrix)")
            _check_integer_indices(name, indices, set(self.kinds) | set(self._definition_names))
            return self.base(name)[tuple(indices)]
        return self.symbol(element_label(name, indices))

    def _is_indexing(self, indices: list[sp.Expr]) -> bool:
        """An undeclared base with an index-kind subscript is a vector."""
        names = {s.name for i in indices for s in i.free_symbols}
        return any(self.kinds.get(n) == "index" for n in names)

    def function(self, name: str) -> sp.FunctionClass | None:
        """The function a declared (`f: function`) or defined (`f(x): ...`) name is."""
        if self.kind(name) != "function":
            return None
        key = f"(){name}"
        if key not in self._objects:
            real = self.flags.get(name, {}).get("real", True)
            self._objects[key] = sp.Function(name, real=real)
        return self._objects[key]

    # -- definitions -----------------------------------------------------
    def expand(self, expr: sp.Expr, held: frozenset = frozenset()) -> sp.Expr:
        """Replace defined names and family elements until none is left (but
        the `held` names)."""
        expr = self._derivatives_by_names(expr)
        for _ in range(len(self.names) + len(self.families) + len(self.functions) + 1):
            new = self._expand_once(expr, held)
            if new == expr:
                return new
            expr = new
        return expr

    def _derivatives_by_names(self, expr: sp.Expr) -> sp.Expr:
        """∂L/∂ŷ with ŷ defined, as in the chain rule of a backward pass: L is
        expanded with ŷ held as a variable, differentiated, and only then is ŷ
        itself expanded."""
        def by_names(derivative):
            held = frozenset(v for v in derivative._wrt_variables if v in self.names)
            inner = self.expand(derivative.expr, held)
            return Derivative(inner, *derivative.variable_count).doit()
        return expr.replace(
            lambda e: isinstance(e, sp.Derivative) and any(v in self.names for v in e._wrt_variables),
            by_names)

    def _expand_functions(self, expr: sp.Expr) -> sp.Expr:
        for name, (params, body, _) in self.functions.items():
            func = self.function(name)
            if expr.has(func):
                expr = expr.replace(func, _applied(func, params, body))
        return expr

    def _expand_once(self, expr: sp.Expr, held: frozenset = frozenset()) -> sp.Expr:
        """One round of definitions, without capture: a body's bound indices
        are renamed away from the indices an element is used with."""
        from derive_ce.decide.sums import substitute
        expr = substitute(expr, {s: body for s, (body, _) in self.names.items() if s not in held})
        expr = self._expand_functions(expr)
        for name, (params, body, _) in self.families.items():
            base = self.base(name)
            expr = expr.replace(
                lambda e, b=base: isinstance(e, sp.Indexed) and e.base == b,
                lambda e, p=params, bd=body: substitute(bd, dict(zip(p, e.indices))))
        return expr


def _check_integer_indices(name: str, indices: list[sp.Expr], used: set) -> None:
    """An element's index is an integer: a number, an index, a sum's index.
    Every index that is not is named at once; the size suggested for their
    range is a name not already in use."""
    loose = sorted({str(s) for i in indices for s in i.free_symbols if not s.is_integer})
    if loose:
        taken = used | {name} | set(loose)
        size = next((n for n in ("n", "N", "m", "M", "K", "D") if n not in taken), "n_1")
        listed = ", ".join(f"`{n}`" for n in loose)
        if len(loose) == 1:
            raise InputError(f"the index {listed} of `{name}` is not declared as an index: "
                             f"declare it (`{loose[0]}: {{kind: index, range: [1, {size}]}}`)")
        raise InputError(f"the indices {listed} of `{name}` are not declared as indices: "
                         f"declare them (`{', '.join(loose)}: {{kind: index, range: [1, {size}]}}`)")
    for index in indices:
        if not index.is_integer:
            raise InputError(f"`{sp.sstr(index)}` is not a whole number, so it cannot index "
                             f"`{name}`")


def _applied(func: sp.FunctionClass, params: tuple, body: sp.Expr):
    """f(a, b) -> body with the parameters replaced at once (sum indices in the
    body are Dummies, so nothing in the arguments can be captured)."""
    return lambda *args: body.xreplace(dict(zip(params, args)))


def element_label(name: str, indices) -> str:
    """How an element is written back: `x_1`, `W_{1,2}`."""
    label = ",".join(sp.sstr(i) for i in indices)
    return f"{name}_{label}" if len(indices) == 1 else f"{name}_{{{label}}}"


def _object_definitions(spec) -> set[str]:
    """Definitions whose body uses a sized vector or matrix as a whole: read
    by the matrix reader (decide/matrices.py), never as scalars."""
    from derive_ce.read.latex.parser import parse
    from derive_ce.read.shapes import object_names, sized
    if not any(d.shape for d in spec.symbols):
        return set()
    return object_names(spec, parse) - set(sized(spec))


def _check_cycles(scope: SymScope) -> None:
    deps: dict[str, tuple[set[str], int]] = {}
    for sym, (body, line) in scope.names.items():
        deps[sym.name] = (_mentions(scope, body), line)
    for name, (_, body, line) in list(scope.families.items()) + list(scope.functions.items()):
        deps[name] = (_mentions(scope, body), line)
    for start in deps:
        path = _cycle_from(start, deps)
        if path:
            error = InputError(f"the definition of `{start}` refers to itself: "
                               + " → ".join(path), deps[start][1])
            error.definition = start
            raise error


def _mentions(scope: SymScope, body: sp.Expr) -> set[str]:
    names = {s.name for s in body.atoms(sp.Symbol) if s in scope.names}
    names |= {b.name for b in body.atoms(sp.IndexedBase) if b.name in scope.families}
    names |= {str(f.func) for f in body.atoms(sp.core.function.AppliedUndef)
              if str(f.func) in scope.functions}
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
