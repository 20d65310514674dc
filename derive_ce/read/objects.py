"""Letters that notes use as vectors and matrices without declaring them.

Notes written in matrix notation often say nothing of their objects:
`\\nabla_\\beta \\|y - X\\beta\\|^2 = -2X^\\top (y - X\\beta)` only shows them. Here,
on the parse trees (no SymPy), a letter is an object where the notation
leaves no other reading: it is transposed (`X^\\top`, `X^T`), it is the
variable of a gradient (`\\nabla_\\beta`), it stands alone inside a norm
(`\\|w\\|`), or it is added to an object (`y - X\\beta`). Its shape then comes
from how it is used, by unification: a product's inner sizes agree, a sum's
shapes agree, the sides of an equation agree, a trace or a determinant is of
a square matrix. A lowercase letter is a (column) vector, an uppercase one a
matrix, as the notation's readers take them. Sizes nothing fixes get names
of their own (`n`, `m`, `d`, … not used in the notes). Where the uses
contradict each other (a matrix with a side of 1, a vector used as a
matrix), nothing is inferred and the steps are refused as before, asking
for a declaration.

Only the notes import uses this; a YAML file declares its objects.
"""

from __future__ import annotations

import re

import lark

from derive_ce.errors import InputError
from derive_ce.read.latex.shape import is_a, transpose_kind, unwrap
from derive_ce.read.names import token_name, tree_name

ONE = 0                 # the dimension 1 (a vector's columns); variables are 1, 2, …
_SIZE_NAMES = ("n", "m", "d", "p", "q", "r", "s", "N", "M", "D", "K")
_SCALAR_FUNCTIONS = ("tr", "trace", "det")


class _Shapes:
    def __init__(self, excluded: set[str], known: dict[str, tuple[int, str]], declared: dict):
        self.excluded = excluded                # letters that are no object (defined, indices)
        self.objects: dict[str, tuple[int, int]] = {}
        self.why: dict[str, tuple[int, str]] = dict(known)
        self.parent: dict[int, int] = {ONE: ONE}
        self.count = 0
        self.line = 0
        sizes: dict[str, int] = {}
        for name, dims in declared.items():     # said in the prose: their sizes, by name
            ids = [ONE if d == "1" else sizes.setdefault(d, self.fresh()) for d in dims]
            self.objects[name] = (ids[0], ids[1] if len(ids) > 1 else ONE)
        for name in known:                      # found in an earlier round: objects from the start
            self.objects[name] = (self.fresh(), ONE if _lowercase(name) else self.fresh())

    # -- dimensions: union-find ------------------------------------------------
    def fresh(self) -> int:
        self.count += 1
        self.parent[self.count] = self.count
        return self.count

    def find(self, d: int) -> int:
        while self.parent[d] != d:
            self.parent[d] = self.parent[self.parent[d]]
            d = self.parent[d]
        return d

    def unify(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            if b == ONE:
                a, b = b, a
            self.parent[b] = a

    def same(self, a: tuple, b: tuple) -> None:
        self.unify(a[0], b[0])
        self.unify(a[1], b[1])

    # -- objects ---------------------------------------------------------------
    def promote(self, name: str, why: str) -> tuple[int, int]:
        if name not in self.objects:
            vector = _lowercase(name)
            self.objects[name] = (self.fresh(), ONE if vector else self.fresh())
            self.why[name] = (self.line, why)
        return self.objects[name]

    def letter(self, node) -> str | None:
        """The candidate letter a node is (a bare symbol), or None."""
        node = _bare(node)
        if not is_a(node, "symbol") or len(node.children) != 1:
            return None
        try:
            name = tree_name(node.children[0])
        except InputError:
            return None
        if name in self.objects:
            return name
        return None if name in self.excluded or name in _NEVER or len(name) > 1 \
            and not name.isalpha() else name

    # -- shapes of expressions: None is a number --------------------------------
    def shape(self, node):
        if isinstance(node, lark.Token):
            return None
        kind = node.data
        handler = getattr(self, "s_" + kind, None)
        if handler is not None:
            return handler(node)
        for child in node.children:        # anything else is a number; look inside it
            self.shape(child)
        return None

    def s_symbol(self, node):
        name = self.letter(node)
        return self.objects.get(name) if name is not None else None

    def s_group(self, node):
        inner = [c for c in node.children if isinstance(c, lark.Tree)]
        return self.shape(inner[0]) if len(inner) == 1 else self._all(inner)

    def _all(self, children):
        for child in children:
            self.shape(child)
        return None

    def s_neg(self, node):
        return self.shape(node.children[-1])

    s_pos = s_neg

    def s_add(self, node):
        left, right = node.children[0], node.children[-1]
        a, b = self.shape(left), self.shape(right)
        if a is not None and b is None and self.letter(right) is not None:
            b = self.promote(self.letter(right), "added to a vector or matrix")
        if b is not None and a is None and self.letter(left) is not None:
            a = self.promote(self.letter(left), "added to a vector or matrix")
        if a is not None and b is not None:
            self.same(a, b)
        return a or b

    s_sub = s_add

    s_hadamard = s_add

    def s_mul(self, node):
        a, b = self.shape(node.children[0]), self.shape(node.children[-1])
        dot = str(node.children[1]).strip() in ("\\cdot", "·", "⋅")
        if a is not None and b is not None and dot and a[1] == ONE and b[1] == ONE:
            self.unify(a[0], b[0])
            return None                     # x \cdot y: the inner product
        return self._times(a, b)

    def _times(self, a, b):
        if a is None or b is None:
            return a or b
        self.unify(a[1], b[0])
        return (a[0], b[1])

    def s_implicit(self, node):
        items = list(node.children)
        shapes = []
        for k, child in enumerate(items):
            following = items[k + 1] if k + 1 < len(items) else None
            if is_a(child, "group") and k and is_a(items[k - 1], "symbol") \
                    and self.letter(items[k - 1]) not in self.objects:
                self.shape(child)           # `f(x)`: an application, a number here
                shapes[-1] = None
                continue
            value = self.shape(child)
            name = self.letter(child)
            if value is None and name is not None and _matrix_letter(name) \
                    and following is not None and not is_a(following, "group") \
                    and self._object_ahead(following):
                value = self.promote(name, "multiplying a vector or matrix")   # `X \beta`
            before = next((v for v in reversed(shapes) if v is not None), None)
            if value is None and name is not None and _lowercase(name) and before is not None \
                    and self.find(before[0]) == ONE and self.find(before[1]) != ONE:
                value = self.promote(name, "after a row vector")       # `w^\top x`
            shapes.append(value)
        value = None
        for item in shapes:
            value = self._times(value, item) if value is not None else item
        return value

    def _object_ahead(self, node) -> bool:
        name = self.letter(node)
        return name in self.objects

    def s_div(self, node):
        a = self.shape(node.children[0])
        self.shape(node.children[-1])
        return a

    def s_frac(self, node):
        parts = [c for c in node.children if isinstance(c, lark.Tree)]
        if len(parts) < 2:
            return self._all(parts)
        top = self.shape(parts[0])
        self.shape(parts[1])
        return top

    def s_pow(self, node):
        base, sup = node.children[0], node.children[1]
        kind = transpose_kind(sup)
        if kind in ("T", "-T"):
            name = self.letter(base)
            value = self.shape(base)
            if value is None and name is not None:
                value = self.promote(name, "transposed")
            if value is None:
                return None
            if kind == "-T":
                self.unify(value[0], value[1])
            return (value[1], value[0])
        value = self.shape(base)
        if value is None or is_a(unwrap(base), "norm"):
            return None
        if _minus_one(sup):
            self.unify(value[0], value[1])
        return value

    def s_norm(self, node):
        inner = [c for c in node.children if isinstance(c, lark.Tree) and c.data != "nsub"]
        for child in inner:
            name = self.letter(child)
            if name is not None and name not in self.objects:
                self.promote(name, "inside a norm")
            self.shape(child)
        return None

    def s_napply(self, node):
        nabla, operand = node.children[0], node.children[-1]
        variable, order = None, 1
        for mod in nabla.children[1:]:
            if is_a(mod, "nabla_var"):
                variable = _dsub_name(mod.children[0])
            elif is_a(mod, "nabla_order"):
                order = 2
        self.shape(operand)
        if variable is None or variable in self.excluded and variable not in self.objects:
            return None
        value = self.promote(variable, "the variable of a gradient")
        return (value[0], value[0]) if order == 2 else value

    def s_mfunc(self, node):
        token = str(node.children[0])
        name = re.sub(r"^\\(?:operatorname|mathrm|text)\s*\{\s*|\s*\}$|^\\", "", token).lower()
        argument = self.shape(node.children[-1])
        if name == "softmax":
            return argument
        if argument is None:
            return None
        if name == "diag":
            return (argument[0], argument[0])
        if name in _SCALAR_FUNCTIONS:
            self.unify(argument[0], argument[1])
        return None

    def s_dapply(self, node):
        """`\\frac{\\partial}{\\partial X} f`: the shape of X (denominator layout) when X
        is an object and f a number."""
        dop, operand = node.children[0], node.children[-1]
        inner = self.shape(operand)
        variables = [c for c in dop.children if is_a(c, "dvar")]
        if len(variables) != 1 or inner is not None:
            return None
        name = self.letter(variables[0].children[0])
        return self.objects.get(name) if name is not None else None

    def s_chain(self, node):
        parts = [c for c in node.children if isinstance(c, lark.Tree)]
        sides = [self.shape(c) for c in parts]
        found = [s for s in sides if s is not None]
        if found:                   # a lone letter equal to an object is one (`… = A`)
            for part, side in zip(parts, sides):
                name = self.letter(part)
                if side is None and name is not None:
                    found.append(self.promote(name, "equal to a vector or matrix"))
        for other in found[1:]:
            self.same(found[0], other)
        return found[0] if found else None


_NEVER = ("e", "i", "I", "T", "pi", "d", "partial")     # I: the identity


def infer(texts: list[tuple[str, int]], parse, excluded: set[str],
          declared: dict[str, tuple[str, ...]] | None = None) -> dict:
    """name -> (kind, shape as size names, line, why) for the letters the
    texts (LaTeX steps, with their lines) use as vectors or matrices, beside
    the `declared` ones (name -> their sizes; a vector's is one); {} when
    none, or when the uses contradict each other."""
    declared = declared or {}
    trees = []
    for text, line in texts:
        try:
            trees.append((parse(text, "chain", line), line))
        except InputError:
            continue
    known: dict[str, tuple[int, str]] = {}
    for _ in range(6):      # objects found late count from the start: sizes afresh each round
        shapes = _Shapes(excluded, known, declared)
        for tree, line in trees:
            shapes.line = line
            shapes.shape(tree)
        if set(shapes.objects) == set(known) | set(declared):
            return _declared(shapes, texts, declared)
        known = {n: shapes.why[n] for n in shapes.objects if n not in declared}
    return {}


def _declared(shapes: _Shapes, texts, declared: dict) -> dict:
    used = {m for text, _ in texts for m in re.findall(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", text)}
    used |= {d for dims in declared.values() for d in dims}
    free = [n for n in _SIZE_NAMES if n not in used and n not in shapes.objects]
    names: dict[int, str] = {}
    for name, dims in declared.items():       # a size the prose named keeps its name
        for d, var in zip(dims, shapes.objects[name]):
            if d != "1":
                if shapes.find(var) == ONE:
                    return {}                   # a named size forced to 1: a contradiction
                names.setdefault(shapes.find(var), d)
    out = {}
    for name, (rows, cols) in shapes.objects.items():
        if name in declared:
            continue
        dims = []
        for d in (rows, cols):
            root = shapes.find(d)
            if root == ONE:
                dims.append("1")
                continue
            if root not in names:
                if not free:
                    return {}
                names[root] = free.pop(0)
            dims.append(names[root])
        vector = _lowercase(name)
        if vector and (dims[1] != "1" or dims[0] == "1") or not vector and "1" in dims:
            return {}                          # the uses contradict the notation
        line, why = shapes.why[name]
        out[name] = ("vector", (dims[0],), line, why) if vector \
            else ("matrix", tuple(dims), line, why)
    return out


def _matrix_letter(name: str) -> bool:
    """An uppercase letter before a vector is a matrix (`X \\beta`, `A x`); these
    capitals usually name numbers (a count, a loss, a cost, a time)."""
    return len(name) == 1 and name.isupper() and name not in "NMKTLCEJ" \
        or name in ("Sigma", "Lambda")


def _lowercase(name: str) -> bool:
    """x, w, β (`beta`): a vector; X, W, Σ (`Sigma`): a matrix."""
    return name[:1].islower()


def _bare(node):
    node = unwrap(node)
    while is_a(node, "group"):
        inner = [c for c in node.children if isinstance(c, lark.Tree)]
        if len(inner) != 1:
            return node
        node = unwrap(inner[0])
    return node


def _minus_one(sup) -> bool:
    child = sup.children[0] if sup.children else None
    inner = unwrap(child) if isinstance(child, lark.Tree) else None
    return is_a(inner, "neg") and is_a(unwrap(inner.children[-1]), "number") \
        and str(unwrap(inner.children[-1]).children[0]) == "1"


def _dsub_name(dsub) -> str | None:
    child = dsub.children[0]
    try:
        if isinstance(child, lark.Token):
            return token_name(child)
        return tree_name(child.children[0])
    except InputError:
        return None
