"""Symbols inferred from how the notes use letters: indices (sum and
subscript letters), vectors (a letter subscripted by an index), matrices (two
subscripts) and the indices' range, each with the reason it was guessed."""

from __future__ import annotations

import re

from derive_ce.read.model import Math, SymbolDecl
from derive_ce.read.notes.prose import GREEK, LETTER as _LETTER
from derive_ce.read.notes.words import braced

_SUBSCRIPT = r"(?:\{\s*[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])"
_SUBSCRIPTED = re.compile(r"(\\[A-Za-z]+|[A-Za-z])\s*_\s*(" + _SUBSCRIPT + ")")
_SUM = re.compile(r"\\(?:sum|prod)\s*_\s*(?:\{\s*(" + _LETTER + r")\s*(?:=\s*([^{}]*?))?\s*\}|("
                  + _LETTER + r"))(?:\s*\^\s*(\{[^{}]*\}|[A-Za-z0-9]|\\[A-Za-z]+))?")


def subscript_letters(sub: str) -> tuple[str, ...]:
    """`{i,j}` -> ("i", "j"); `\\gamma` -> ("gamma",); `1` or `{ij+1}` -> ()."""
    items = [s.strip() for s in sub.strip("{} ").split(",")]
    if all(re.fullmatch(_LETTER, s) for s in items):
        return tuple(s.lstrip("\\") for s in items)
    return ()

def infer_symbols(texts: list[str], defined: set[str], families: set[str] = frozenset()
                  ) -> tuple[tuple[SymbolDecl, ...], tuple[str, ...]]:
    r"""Indices (sum and subscript letters, and a letter that subscripts a
    defined family: `p_\gamma` of `p_k = …`), vectors (a letter subscripted by
    an index), matrices (two subscripts) and the range's bound, each with the
    reason it was guessed."""
    sums: dict[str, tuple[str, str]] = {}
    for text in texts:
        for match in _SUM.finditer(text):
            index = (match.group(1) or match.group(3)).lstrip("\\")
            upper = (match.group(4) or "").strip("{} ")
            low = (match.group(2) or "").split(",")[0].strip()   # `j=1, j \neq i`: 1
            sums.setdefault(index, (low, upper))
    subscripts: dict[str, set[tuple[str, ...]]] = {}
    for text in texts:
        for match in _SUBSCRIPTED.finditer(_SUM.sub(" ", text)):
            base, letters = match.group(1), subscript_letters(match.group(2))
            if letters and (not base.startswith("\\") or base[1:] in GREEK):
                subscripts.setdefault(base.lstrip("\\"), set()).add(letters)
    indices, vectors, matrices = set(sums), set(), set()
    for base, uses in subscripts.items():
        if base in families:        # an element of a defined family: its subscript is an index
            indices.update(letter for use in uses for letter in use)
    letters = {letter for uses in subscripts.values() for use in uses for letter in use}
    for text in texts:          # a case `k = m` between two subscripts: indices
        for left, right in _equal_pairs(text):
            if left in letters and right in letters:
                indices.update((left, right))
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
    # `x^{(i)}` beside `x_i`: a sample and a feature, never guessed one vector (declared
    # a vector, x^{(i)} would be x_i); left to the reading by use, which keeps them apart
    vectors -= {m.group(1).lstrip("\\") for t in texts for m in _SAMPLED.finditer(t)}
    fractions = [f for t in texts for f in _leibniz(t)]
    derived = {base for base in vectors | matrices
               if any(re.search(_named(base), top) and not re.search(_named(base), below)
                      and not _mentions_variable(top, below) for top, below in fractions)}
    return _declarations(indices - vectors - matrices, vectors, matrices, sums, subscripts,
                         derived)


_SAMPLED = re.compile(r"(\\[A-Za-z]+|[A-Za-z])\s*\^\s*\{\s*\(")
_LEIBNIZ = re.compile(r"\\[dt]?frac\s*\{\s*(?:\\partial(?![A-Za-z])|d|\\mathrm\s*\{\s*d\s*\})")


def _leibniz(text: str) -> list[tuple[str, str]]:
    """What `\\frac{\\partial p_k}{\\partial o_i}` differentiates, and by what:
    [("\\partial p_k", "\\partial o_i")]; `\\frac{d \\log y_i}{dx}` too, and the
    operator form `\\frac{\\partial}{\\partial o_i} \\log p_k` (what follows it, up to
    the next `=`)."""
    found = []
    for match in _LEIBNIZ.finditer(text):
        top = braced(text, text.index("{", match.start()))
        below = braced(text, top[1]) if top is not None else None
        if below is None:
            continue
        operand = top[0]
        if re.fullmatch(r"\s*(?:\\partial|d|\\mathrm\s*\{\s*d\s*\})\s*", operand):
            operand = text[below[1]:].split("=")[0]     # `\frac{\partial}{\partial o_i} \log p_k`
        found.append((operand, below[0]))
    return found


def _mentions_variable(operand: str, below: str) -> bool:
    """Does what is differentiated hold the variable's letter (`a` of
    `\\partial a`, `o` of `\\partial o_i`)?  Then its derivative is no 0 to refuse."""
    found = re.search(r"(?:\\partial|\bd|\\mathrm\s*\{\s*d\s*\})\s*(\\[A-Za-z]+|[A-Za-z])", below)
    if found is None:
        return False
    letter = found.group(1)
    return re.search((re.escape(letter) if letter.startswith("\\") else r"(?<![\\A-Za-z])"
                      + letter) + r"(?![A-Za-z])", operand) is not None


def _named(base: str) -> str:
    return (r"\\" + base if len(base) > 1 else r"(?<![\\A-Za-z])" + base) + r"(?![A-Za-z])\s*_"


def _equal_pairs(text: str) -> list[tuple[str, str]]:
    parts = re.split(r"=|\\neq?\b", text)
    names = [re.fullmatch(r"\s*(" + _LETTER + r")\s*", p) for p in parts]
    return [(names[0].group(1).lstrip("\\"), names[1].group(1).lstrip("\\"))] \
        if len(parts) == 2 and all(names) else []


def _declarations(indices, vectors, matrices, sums, subscripts, derived):
    """The guesses, each with its reason.  A guessed vector or matrix whose
    element is differentiated by something else (`\\frac{\\partial p_k}{\\partial
    o_i}`, `derived`) is marked `guessed`: its elements are not read as
    constants there (p defined nowhere: the derivative is refused, never 0),
    and the import leaves it to the checker's reading by use."""
    decls: list[SymbolDecl] = []
    reasons: list[str] = []
    for kind, names, why in (("vector", vectors, "subscripted by an index: {}"),
                             ("matrix", matrices, "two subscripts: {}")):
        for name in sorted(names):
            uses = sorted(",".join(u) for u in subscripts[name])
            decls.append(SymbolDecl((name,), kind, (), None, 0, guessed=name in derived))
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
