"""Vectors and matrices that notes declare in prose.

"Let $A$ and $B$ be invertible $n \\times n$ matrices", "$x \\in \\mathbb{R}^n$",
"$X$ is $N \\times d$", "the weight matrix $W$": the letters named there are
never read as commuting scalars.  Pure text work: no SymPy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive_ce.errors import InputError

_INLINE = re.compile(r"(?<!\\)\$([^$]+)\$|\\\((.+?)\\\)")
_GREEK = (r"alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|"
          r"lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|"
          r"Gamma|Delta|Theta|Lambda|Xi|Sigma|Upsilon|Phi|Psi|Omega")
_BARE = rf"(?:\\(?:{_GREEK})(?![A-Za-z])|[A-Za-z])"
_ONE = (rf"(?:\\(?:mathbf|boldsymbol|bm|vec|mathrm|mathsf|mathit)\s*\{{\s*({_BARE})\s*\}}"
        rf"|\\(?:mathbf|boldsymbol|bm)\s+({_BARE})|({_BARE}))")
_NAMES = re.compile(rf"\s*{_ONE}(?:\s*(?:,|\\text\s*\{{\s*and\s*\}})\s*{_ONE})*\s*")
_NAME_ITEM = re.compile(_ONE)
_REALS = r"\\mathbb\s*(?:\{\s*R\s*\}|R)|ℝ|\\R(?![A-Za-z])"
_DIM = r"(?:[A-Za-z0-9]|\\[A-Za-z]+)(?:\s*[+-]\s*[0-9A-Za-z])?"
_TIMES = r"\s*(?:\\times|×)\s*"
_SHAPE = rf"\s*({_DIM})\s*(?:{_TIMES}({_DIM})\s*)?"
_MEMBER = re.compile(rf"(.*?)\\in\s*(?:{_REALS})\s*\^\s*(?:\{{{_SHAPE}\}}|({_DIM}))\s*")
_DIMS = re.compile(rf"\s*({_DIM}){_TIMES}({_DIM})\s*")
_WORD = re.compile(r"\b(matri(?:x|ces)|vectors?|scalars?|numbers?)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[.;](?:\s|$)")
_LENGTH = re.compile(r"\bvectors?\s+(?:of|with)\s+(?:length|size|dimension)\s*$", re.IGNORECASE)
# between a kind word and a name: the name is a size or a count, not the object
_OF_SIZE = re.compile(r"\b(?:of|with|has|have|having|by|whose|length|size|dimension|rows?|"
                      r"columns?|entries|elements|components)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Declared:
    """A letter the prose calls a vector or a matrix, with its size(s) when said."""
    name: str
    kind: str                      # "vector" or "matrix"
    shape: tuple[str, ...]         # () when no size is said
    line: int
    reason: str
    properties: tuple[str, ...] = ()   # "symmetric", "positive_definite": said right by the names


def declared_in(text: str, line: int) -> list[Declared]:
    """The vectors and matrices one prose line declares."""
    chunks = [(m.start(), m.end(), m.group(1) or m.group(2)) for m in _INLINE.finditer(text)]
    found: list[Declared] = []
    for k, (start, end, math) in enumerate(chunks):
        member = _MEMBER.fullmatch(math)
        if member is not None and _NAMES.fullmatch(member.group(1)):
            dims = tuple(d for d in member.group(2, 3, 4) if d)
            kind = "vector" if len(dims) == 1 else "matrix"
            said = _properties(text, chunks, k, k) if kind == "matrix" else ()
            found += [Declared(n, kind, tuple(d.strip() for d in dims), line,
                               f"`{math.strip()}` (line {line})", said)
                      for n in _names(member.group(1))]
    groups = _name_groups(text, chunks)
    for n, (first, last, names) in enumerate(groups):
        after_end = groups[n + 1][0] if n + 1 < len(groups) else len(text)
        after = _sentence_head(text[chunks[last][1]:chunks[after_end][0]
                                    if after_end < len(chunks) else len(text)])
        before = _sentence_tail(text[(chunks[groups[n - 1][1]][1] if n else 0):chunks[first][0]])
        words = list(_WORD.finditer(before))
        if words and _OF_SIZE.search(before[words[-1].end():]):
            words = []          # "a vector of length $d$": d is the size, not a vector
        adjacent = words and not before[words[-1].end():].strip(" ~,:")
        kind, shape = _kind_after(after)
        if adjacent or (kind is None and words):
            kind = _kind_of(words[-1].group(1))
        if kind is None:
            continue
        if kind == "vector":        # "$w$ is a vector of length $d$"
            sized = n + 1 < len(groups) and len(groups[n + 1][2]) == 1 and _LENGTH.search(after)
            shape = (groups[n + 1][2][0],) if sized else ()
        said = _properties(text, chunks, first, last) if kind == "matrix" else ()
        found += [Declared(name, kind, shape, line,
                           f"the notes call it a {kind} (line {line})", said)
                  for name in names]
    return _merged(found)


_PROPERTY = r"(symmetric\s+positive[- ]definite|positive[- ]definite|symmetric|SPD)"
_AFTER = re.compile(r"\s*,?\s*(?:which\s+)?(?:is|are|be)?\s*(?:both\s+)?(?:an?\s+)?(?:real\s+)?"
                    + _PROPERTY + r"\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b" + _PROPERTY + r"\s*(?:matri(?:x|ces))?\s*$", re.IGNORECASE)


def _properties(text: str, chunks: list, first: int, last: int) -> tuple[str, ...]:
    """`$A$ is symmetric`, `$S \\in \\mathbb{R}^{n\\times n}$ be positive definite`,
    `a symmetric matrix $A$`: the word right after the names (up to the next
    math) or right before them; anything further is not taken to be about them."""
    after = text[chunks[last][1]:chunks[last + 1][0] if last + 1 < len(chunks) else len(text)]
    before = text[chunks[first - 1][1] if first else 0:chunks[first][0]]
    match = _AFTER.match(_sentence_head(after)) or _BEFORE.search(_sentence_tail(before))
    if match is None:
        return ()
    word = match.group(1).lower()
    return ("symmetric", "positive_definite") if "definite" in word or word == "spd" \
        else ("symmetric",)


def _merged(found: list) -> list:
    """A name declared twice on one line keeps its shape and every property said."""
    merged: dict[str, Declared] = {}
    for item in found:
        old = merged.get(item.name)
        if old is None:
            merged[item.name] = item
        else:
            merged[item.name] = Declared(old.name, old.kind, old.shape or item.shape, old.line,
                                         old.reason, tuple(dict.fromkeys(old.properties
                                                                         + item.properties)))
    return list(merged.values())


def _names(text: str) -> list[str]:
    return [next(g for g in m.groups() if g).lstrip("\\") for m in _NAME_ITEM.finditer(text)]


def _name_groups(text: str, chunks: list) -> list[tuple[int, int, list[str]]]:
    """Runs of inline math that are only names (`$A$ and $B$`, `$A, B$`):
    (first chunk, last chunk, names)."""
    groups: list[tuple[int, int, list[str]]] = []
    for n, (start, _end, math) in enumerate(chunks):
        if not _NAMES.fullmatch(math):
            continue
        joined = groups and groups[-1][1] == n - 1 and re.fullmatch(
            r"\s*(?:,|and|or|,\s*and)\s*", text[chunks[n - 1][1]:start])
        if joined:
            groups[-1] = (groups[-1][0], n, groups[-1][2] + _names(math))
        else:
            groups.append((n, n, _names(math)))
    return groups


def _sentence_head(text: str) -> str:
    cut = _SENTENCE.search(text)
    return text[:cut.start()] if cut else text


def _sentence_tail(text: str) -> str:
    cuts = list(_SENTENCE.finditer(text))
    return text[cuts[-1].end():] if cuts else text


def _kind_of(word: str) -> str | None:
    word = word.lower()
    return "matrix" if word.startswith("matri") else "vector" if word.startswith("vector") else None


def _kind_after(after: str) -> tuple[str | None, tuple[str, ...]]:
    """The first kind word after the names, and an `n \\times m` said before it;
    `$X$ is $N \\times d$` (no word) is a matrix of that shape."""
    word = _WORD.search(after)
    head = after[:word.start()] if word else after
    dims = next((_DIMS.fullmatch(m.group(1) or m.group(2)) for m in _INLINE.finditer(head)
                 if _DIMS.fullmatch(m.group(1) or m.group(2))), None)
    shape = tuple(d.strip() for d in dims.groups()) if dims else ()
    if word is not None:
        return _kind_of(word.group(1)), shape
    if dims is not None and re.match(r"\s*(?:is|are|be)\b", after):
        return "matrix", shape
    return None, ()


# -- which steps are matrix steps (on parse trees, no SymPy) -----------------

MATRIX_NODES = frozenset({"sup_top", "sup_invtop", "norm", "napply", "mfunc", "hadamard", "kron",
                          "ones",
                          "group_sub"})


def sized(scope) -> dict[str, object]:
    """The vectors and matrices declared with a size (`size: n`, `shape: [n, m]`):
    usable as a whole.  name -> SymbolDecl."""
    return {n: d for d in scope.symbols if d.kind in ("vector", "matrix") and d.shape
            for n in d.names}


def object_names(scope, parse) -> set[str]:
    """Sized vectors and matrices, and the definitions whose body uses one
    as a whole (`L: \\frac12 \\|X w - y\\|^2`); `parse` reads one LaTeX text."""
    names = set(sized(scope))
    trees = {}
    for definition in scope.definitions:
        if definition.body.syntax == "latex" and not definition.params:
            try:
                trees[definition.name] = parse(definition.body.text, "chain", definition.line)
            except InputError:      # an unreadable body is reported where it is read
                continue
    for _ in range(len(trees) + 1):
        grown = {n for n, tree in trees.items() if uses_objects(tree, names)}
        if grown <= names:
            break
        names |= grown
    return names


def uses_objects(tree, names: set[str]) -> bool:
    """Does the tree use matrix notation, or one of `names` as a whole
    (a symbol without a subscript)?"""
    from derive_ce.read.latex.shape import is_a
    from derive_ce.read.names import tree_name
    for node in tree.iter_subtrees():
        if node.data in MATRIX_NODES:
            return True
        if node.data == "symbol" and not any(is_a(c, "subscript") for c in node.children):
            try:
                if tree_name(node.children[0]) in names:
                    return True
            except InputError:      # not a name this reader knows: not an object
                continue
        if node.data == "pow" and node.children[1].children[:1] \
                and str(node.children[1].children[0]) == "T" and _is_object(node.children[0], names):
            return True
    return False


def _is_object(node, names: set[str]) -> bool:
    return hasattr(node, "iter_subtrees") and uses_objects(node, names)


def bound_letters(tree) -> set[str]:
    """The letters a sum or product binds (`\\sum_j`, `\\sum_{j=1}^{n}`): not free indices."""
    from derive_ce.read.names import tree_name
    found = set()
    for bigop in tree.find_data("bigop"):
        for lower in bigop.iter_subtrees():
            if lower.data in ("lower_eq", "lower_rel", "lower_names", "lower_between"):
                for child in lower.children:
                    if hasattr(child, "data") and child.data in ("name", "styled"):
                        try:
                            found.add(tree_name(child))
                        except InputError:
                            continue
    return found


# -- sizes from use ------------------------------------------------------------------

def sized_by_use(derivation, only: set | None = None):
    """A vector or matrix declared without a size (`x: vector`, or "$x$ a
    vector" in notes; not one only inferred from `x_i`) that the file uses as
    a whole beside matrix notation (`x^\\top x`, `\\|x\\|`) takes its size from
    the indices of its elements, where they determine it: `x_j` with
    `j: {kind: index, range: [1, n]}`, or inside `\\sum_{j=1}^{n}`, makes x n×1;
    `A_{i,j}` with i in [1, m] and j in [1, n] makes A m×n.  Several elements
    must agree; otherwise (or without such elements) nothing is inferred, and
    using it as a whole asks for its size.  `only`: the names it may size (in
    notes, the letters the prose calls vectors or matrices)."""
    import dataclasses

    from derive_ce.read.latex.parser import parse
    from derive_ce.read.model import Math, SymbolDecl

    scope = derivation.scope
    unsized = {n: d for d in scope.symbols if d.kind in ("vector", "matrix") and not d.shape
               and not d.inferred for n in d.names if only is None or n in only}
    if not unsized:
        return derivation
    ranges = {n: d.range for d in scope.symbols if d.range is not None and not d.inferred
              for n in d.names}         # ranges the file declares, not ones guessed from use
    trees = []
    for math in _texts(derivation):
        if math.syntax != "latex":
            continue
        try:
            trees.append(parse(math.text, "relation" if math in _whens(derivation) else "chain",
                               math.line))
        except InputError:
            continue
    found: dict[str, tuple] = {}
    for name, decl in unsized.items():
        shape = _shape_from_use(name, decl.kind, trees, ranges)
        if shape is not None:
            found[name] = shape
    if not found:
        return derivation
    symbols = []
    for decl in scope.symbols:
        inferred = [n for n in decl.names if n in found and decl in unsized.values()]
        if not inferred:
            symbols.append(decl)
            continue
        rest = tuple(n for n in decl.names if n not in found)
        if rest:
            symbols.append(dataclasses.replace(decl, names=rest))
        for name in inferred:
            symbols.append(SymbolDecl((name,), decl.kind, decl.flags, None, decl.line,
                                      shape=tuple(Math(t, decl.line) for t in found[name]),
                                      properties=decl.properties))
    return dataclasses.replace(derivation, scope=dataclasses.replace(scope, symbols=tuple(symbols)))


def _whens(derivation) -> list:
    found = []
    pending = list(derivation.cases) + [c for s in derivation.sections for c in s.cases]
    while pending:
        case = pending.pop()
        found.append(case.when)
        pending.extend(case.cases)
    return found


def _texts(derivation) -> list:
    found = [d.body for d in derivation.scope.definitions]
    parts = [derivation] + list(derivation.sections)
    pending = []
    for part in parts:
        found += [s.math for s in part.steps] + ([part.result] if part.result else [])
        pending += list(part.cases)
    while pending:
        case = pending.pop()
        found += [case.when] + [s.math for s in case.steps] + ([case.result] if case.result else [])
        pending.extend(case.cases)
    return found


def _sum_bounds(tree) -> dict:
    """`\\sum_{i=1}^{n}`: i -> "n", for the sums of one expression that start at 1
    (a letter summed over two different ranges in it: None)."""
    from derive_ce.read.latex.shape import unwrap
    from derive_ce.read.names import tree_name
    found: dict = {}
    for bigop in tree.find_data("bigop"):
        bounds = next((c for c in bigop.children if hasattr(c, "data") and c.data == "bounds"),
                      None)
        if bounds is None:
            continue
        lower = next((c for c in bounds.children if c.data == "lower_eq"), None)
        upper = next((c for c in bounds.children if c.data == "upper"), None)
        if lower is None or upper is None:
            continue
        start = unwrap(lower.children[2])
        if not (hasattr(start, "data") and start.data == "number"
                and str(start.children[0]) == "1"):
            continue
        top = upper.children[0].children[0] if upper.children[0].children else None
        top = unwrap(top)
        if hasattr(top, "data") and top.data == "symbol" and len(top.children) == 1:
            try:
                top = tree_name(top.children[0])
            except InputError:
                continue
        elif top is None or hasattr(top, "data") or top.type not in ("LETTER", "NUMBER"):
            continue
        try:
            letter = tree_name(lower.children[0])
        except InputError:
            continue
        found[letter] = str(top) if found.get(letter, str(top)) == str(top) else None
    return found


def _labelled(power) -> bool:
    """`x^{(i)}`, `x^{(2)}`: a label in brackets, not a power."""
    sup = power.children[1]
    item = sup.children[0] if getattr(sup, "children", None) else None
    while hasattr(item, "data") and item.data == "implicit" and len(item.children) == 1:
        item = item.children[0]
    return hasattr(item, "data") and item.data == "group" and str(item.children[0]) == "("


def _shape_from_use(name: str, kind: str, trees, ranges) -> tuple | None:
    from derive_ce.read.latex.shape import inner_subscript, is_a, unwrap
    from derive_ce.read.names import tree_name
    whole, sizes = False, None
    for tree in trees:
        summed = _sum_bounds(tree)
        # `x^2_i` is element i squared: its subscript stands after the power
        after_power = {id(unwrap(p.children[0])): p.children[2] for p in tree.find_data("pow_sub")}
        samples = {id(unwrap(p.children[0])) for p in tree.find_data("pow") if _labelled(p)}
        notation = any(n.data in MATRIX_NODES - {"group_sub"}
                       or (n.data == "pow" and n.children[1].children[:1]
                                                  and str(n.children[1].children[0]) == "T")
                       for n in tree.iter_subtrees())
        for node in tree.iter_subtrees():
            if node.data != "symbol":
                continue
            try:
                if tree_name(node.children[0]) != name:
                    continue
            except InputError:
                continue
            subscript = next((c for c in node.children[1:] if is_a(c, "subscript")),
                             after_power.get(id(node))) or inner_subscript(node.children[0])
            if id(node) in samples:
                continue                  # `x^{(i)}`: sample i, an element
            if subscript is None:      # a use as a whole counts beside matrix notation only
                whole = whole or (len(node.children) == 1 and notation)
                continue
            items = [c for c in subscript.children if hasattr(c, "data")] or list(subscript.children)
            if kind == "matrix" and len(items) == 1 and is_a(items[0], "implicit") \
                    and len(items[0].children) == 2:
                items = list(items[0].children)
            if len(items) != (1 if kind == "vector" else 2):
                return None
            these = []
            for item in items:
                item = unwrap(item)
                letter = None
                if hasattr(item, "data") and item.data == "symbol" and len(item.children) == 1:
                    try:
                        letter = tree_name(item.children[0])
                    except InputError:
                        letter = None
                elif not hasattr(item, "data") and item.type in ("LETTER", "GREEK"):
                    letter = str(item).lstrip("\\")
                bounds = ranges.get(letter)
                if letter in summed:              # a sum's own bounds come first
                    these.append(summed[letter] if summed[letter] is not None else False)
                elif bounds is None or bounds[0].text.strip() != "1":
                    these.append(None)            # a number, or an index without a range
                else:
                    these.append(bounds[1].text.strip())
            if sizes is None:
                sizes = these
            else:
                sizes = [a if b is None else b if a is None else a if a == b else False
                         for a, b in zip(sizes, these)]
            if sizes is not None and False in sizes:
                return None
    if not whole or sizes is None or any(s is None or s is False for s in sizes):
        return None
    return tuple(sizes)
