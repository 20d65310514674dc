"""Hints for steps that could not be decided, read from the parse (no SymPy).

A sum bound that is not declared (`\\sum_{k=1}^{K}` with `K` undeclared) is a
real scalar, so neither SymPy nor sampling can make much of the sum: say which
declaration is missing and how to write it.
"""

from __future__ import annotations

import lark

from derive_ce.errors import InputError


def missing_declarations(texts: list[str], scope) -> str:
    """`K` is not declared: declare it as `K: {...}` — or "" when nothing is missing."""
    declared = {n for d in scope.symbols for n in d.names} | {d.name for d in scope.definitions}
    missing: list[str] = []
    for text in texts:
        for name in _bound_names(text):
            if name not in declared and name not in missing:
                missing.append(name)
    if not missing:
        return ""
    names = ", ".join(f"`{n}`" for n in missing)
    verb = "is" if len(missing) == 1 else "are"
    return (f"{names} {verb} the bound of a sum or product but not declared: declare "
            f"{'it' if len(missing) == 1 else 'them'} as `{', '.join(missing)}: "
            "{integer: true, positive: true}` under `symbols:`")


def _bound_names(text: str) -> list[str]:
    from derive_ce.read.latex.parser import parse
    try:
        tree = parse(text)
    except InputError:
        return []
    names = []
    for bounds in tree.find_data("bounds"):
        parts = [c for c in bounds.children if isinstance(c, lark.Tree)]
        if parts and parts[0].data == "name":
            parts = parts[1:]           # the index itself
        for part in parts:
            for symbol in part.find_data("symbol"):
                names.append(_name(symbol.children[0]))
    return [n for n in names if n]


def _name(node) -> str:
    token = node.children[0] if isinstance(node, lark.Tree) else node
    return str(token).lstrip("\\") if token.type in ("LETTER", "GREEK") else ""
