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


@dataclass(frozen=True)
class Declared:
    """A letter the prose calls a vector or a matrix, with its size(s) when said."""
    name: str
    kind: str                      # "vector" or "matrix"
    shape: tuple[str, ...]         # () when no size is said
    line: int
    reason: str


def declared_in(text: str, line: int) -> list[Declared]:
    """The vectors and matrices one prose line declares."""
    chunks = [(m.start(), m.end(), m.group(1) or m.group(2)) for m in _INLINE.finditer(text)]
    found: list[Declared] = []
    for start, end, math in chunks:
        member = _MEMBER.fullmatch(math)
        if member is not None and _NAMES.fullmatch(member.group(1)):
            dims = tuple(d for d in member.group(2, 3, 4) if d)
            kind = "vector" if len(dims) == 1 else "matrix"
            found += [Declared(n, kind, tuple(d.strip() for d in dims), line,
                               f"`{math.strip()}` (line {line})")
                      for n in _names(member.group(1))]
    groups = _name_groups(text, chunks)
    for n, (first, last, names) in enumerate(groups):
        after_end = groups[n + 1][0] if n + 1 < len(groups) else len(text)
        after = _sentence_head(text[chunks[last][1]:chunks[after_end][0]
                                    if after_end < len(chunks) else len(text)])
        before = _sentence_tail(text[(chunks[groups[n - 1][1]][1] if n else 0):chunks[first][0]])
        words = list(_WORD.finditer(before))
        adjacent = words and not before[words[-1].end():].strip(" ~,:")
        kind, shape = _kind_after(after)
        if adjacent or (kind is None and words):
            kind = _kind_of(words[-1].group(1))
        if kind is None:
            continue
        found += [Declared(name, kind, shape if kind == "matrix" else (), line,
                           f"the notes call it a {kind} (line {line})")
                  for name in names]
    return found


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
