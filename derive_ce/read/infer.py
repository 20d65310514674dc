"""Letters that a derivation uses as vectors without declaring them.

`\\sum_j x_j` with x undeclared can only mean the elements of x.  Found here
on the parse trees of the whole file (no SymPy), so that every line reads x
the same way: `x_1` in one step and `\\sum_j x_j` in another are elements of
one vector.  The report says so, once.
"""

from __future__ import annotations

from collections.abc import Iterable

import lark

from derive_ce.errors import InputError
from derive_ce.read.model import Derivation, Math, SymbolDecl
from derive_ce.read.names import letter, tree_name

_BOUND = ("lower_eq", "lower_rel", "lower_names")


def vectors(trees: Iterable[lark.Tree], declared: set[str]) -> dict[str, int]:
    """Undeclared name -> number of indices, for names written with a sum's
    index as subscript inside that sum."""
    found: dict[str, int] = {}
    for tree in trees:
        for bigop in tree.find_data("bigop"):
            bound = _bound_names(bigop)
            for symbol in bigop.children[-1].find_data("symbol"):
                _note(symbol, bound, declared, found)
    return found


def _bound_names(bigop: lark.Tree) -> set[str]:
    names = set()
    for bounds in (c for c in bigop.children if isinstance(c, lark.Tree) and c.data == "bounds"):
        for lower in (c for c in bounds.children if c.data in _BOUND):
            names |= {_safe_name(n) for n in lower.children
                      if isinstance(n, lark.Tree) and n.data in ("name", "styled")}
    return names - {None}


def _note(symbol: lark.Tree, bound: set[str], declared: set[str], found: dict) -> None:
    subscript = next((c for c in symbol.children
                      if isinstance(c, lark.Tree) and c.data == "subscript"), None)
    name = _safe_name(symbol.children[0])
    if subscript is None or name is None or name in declared:
        return
    used = {_safe_name(s.children[0]) for s in subscript.find_data("symbol")}
    used |= {letter(str(t)) for t in subscript.children if isinstance(t, lark.Token)}
    count = _index_count(subscript)
    if name in ("delta", "Delta") and count == 2:
        return                                   # the Kronecker delta
    if used & bound:
        found[name] = max(found.get(name, 1), count)


def _index_count(subscript: lark.Tree) -> int:
    items = [c for c in subscript.children if isinstance(c, lark.Tree)]
    if len(items) > 1:
        return len(items)
    if items and items[0].data == "implicit" and all(
            c.data == "symbol" and len(c.children) == 1 for c in items[0].children):
        return len(items[0].children)
    return 1


def _safe_name(node) -> str | None:
    try:
        return tree_name(node)
    except InputError:
        return None


def sizes(trees: Iterable[lark.Tree], declared: set[str]) -> set[str]:
    """Undeclared names in the bounds of sums and products (`\\sum_{k=1}^{N}`):
    they count terms, so they are whole numbers."""
    found: set[str] = set()
    for tree in trees:
        for bounds in tree.find_data("bounds"):
            for part in bounds.children:
                found |= _bare_names(part.children[-1] if part.data != "upper" else part)
    return found - declared


def _bare_names(node) -> set[str]:
    if not isinstance(node, lark.Tree):
        return set()
    out = set()
    for symbol in node.find_data("symbol"):
        if len(symbol.children) == 1:
            name = _safe_name(symbol.children[0])
            if name is not None:
                out.add(name)
    return out


def declarations(derivation: Derivation, parse) -> tuple[SymbolDecl, ...]:
    """SymbolDecls for what the file uses without declaring (marked `inferred`):
    letters used as vectors or matrices, and the sizes that bound sums
    (nonnegative integers); `parse` reads one LaTeX text."""
    declared = {n for d in derivation.scope.symbols for n in d.names}
    declared |= {d.name for d in derivation.scope.definitions}
    trees = []
    for math in _texts(derivation):
        try:
            trees.append(parse(math.text, "chain", math.line))
        except InputError:
            continue
    kinds = {1: "vector", 2: "matrix"}
    found = vectors(trees, declared)
    decls = [SymbolDecl((name,), kinds[count], (), None, 0, inferred=True)
             for name, count in sorted(found.items()) if count in kinds]
    whole = (("integer", True), ("nonnegative", True))
    decls += [SymbolDecl((name,), "scalar", whole, None, 0, inferred=True)
              for name in sorted(sizes(trees, declared | set(found)) - _bound_letters(trees))]
    return tuple(decls)


def _bound_letters(trees) -> set[str]:
    return {n for tree in trees for bigop in tree.find_data("bigop") for n in _bound_names(bigop)}


def _texts(derivation: Derivation) -> Iterable[Math]:
    yield from (d.body for d in derivation.scope.definitions)
    yield from (m for d in derivation.scope.symbols if d.range for m in d.range)
    yield from (s.math for s in derivation.steps if s.math.syntax == "latex")
    if derivation.result is not None:
        yield derivation.result
    pending = list(derivation.cases)
    while pending:
        case = pending.pop()
        yield from (s.math for s in case.steps if s.math.syntax == "latex")
        if case.result is not None:
            yield case.result
        pending.extend(case.cases)
