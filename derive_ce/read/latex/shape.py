"""The shapes of LaTeX parse trees that the reading rules look at: which
node a factor is, whether it is a bracket a reader sees, where a derivative
or a sum ends.  Pure lark, no SymPy."""

from __future__ import annotations

import re

import lark

from derive_ce.errors import InputError
from derive_ce.read import names

BRACKETED = ("group", "tuple", "abs", "floor", "ceil")
_ORDER = re.compile(r"\^\s*(\{[^{}]*\}|[0-9A-Za-z])")


_TURNING = ("floor", "ceil", "abs", "factorial", "binom", "cases")
_TURNING_FUNCTIONS = ("min", "max", "sign", "sgn", "mod")
JUMPING = (("floor", "ceil", "cases"), ("sign", "sgn", "mod", "heaviside"))


def turning_names(tree, kinds: tuple = (_TURNING, _TURNING_FUNCTIONS)) -> set[str]:
    r"""The names read inside a function that turns at integers or at a
    constant: `\lfloor n/13 \rfloor`, `|n - 4|`, `\min(n, 5)`, `n!`, cases.  A
    size among them needs instances past where it turns; `|x_i|` holds x and
    i, not the size n of a sum around it.  `kinds=JUMPING`: only functions that
    jump (a floor, cases, sign), where continuity does not carry agreement
    from random points to every point."""
    found: set[str] = set()
    for node in tree.iter_subtrees():
        turning = node.data in kinds[0] or (
            node.data == "func_app" and node.children and isinstance(node.children[0], lark.Token)
            and function_name(str(node.children[0])).lower() in kinds[1])
        if not turning:
            continue
        for inner in node.iter_subtrees():
            if inner.data in ("name", "styled") or (inner.data == "symbol" and inner.children
                                                    and isinstance(inner.children[0], lark.Token)):
                try:
                    found.add(names.tree_name(inner if inner.data != "symbol"
                                              else inner.children[0]))
                except (InputError, AttributeError, IndexError):
                    continue
    return found


_INTEGER = re.compile(r"(?<![A-Za-z_\\.0-9])[0-9]+(?![.0-9])")


def largest_integer(texts) -> int:
    """The largest integer written in the texts (0 for none)."""
    return max((int(m.group(0)) for t in texts for m in _INTEGER.finditer(t)), default=0)


def bare_order(text: str) -> str:
    """A derivative's order as written, without braces and spaces: `{ 2n }` is `2n`."""
    return re.sub(r"[\s{}]+", "", text)


def operator_order(token: str) -> str:
    """The order written on a derivative operator's token (`\\frac{d^{2n}}{d`):
    `2n`; `1` where none is written."""
    found = _ORDER.search(token)
    return bare_order(found.group(1)) if found else "1"


def is_a(node, *kinds: str) -> bool:
    return isinstance(node, lark.Tree) and node.data in kinds


def first_token(node) -> lark.Token:
    return next(node.scan_values(lambda v: isinstance(v, lark.Token)))


def is_text_name(symbol) -> bool:
    return len(symbol.children) == 1 and is_a(symbol.children[0], "name") \
        and symbol.children[0].children[0].type == "TEXTNAME"


def unwrap(node):
    """A product of one factor is that factor."""
    while is_a(node, "implicit") and len(node.children) == 1:
        node = node.children[0]
    return node


def bracket_like(node) -> bool:
    """A bracket the reader sees: `(x)`, `[x]`, `|x|`, not TeX's invisible `{x}`."""
    node = unwrap(node)
    if is_a(node, "pow", "factorial"):
        return bracket_like(node.children[0])
    if is_a(node, "group"):
        return any(isinstance(c, lark.Token) for c in node.children)
    return is_a(node, *BRACKETED)


def point_like(group) -> bool:
    """`(0)`, `(a)`, `(x_0)`: a bracket around one number or name."""
    inner = [unwrap(c) for c in group.children if isinstance(c, lark.Tree)]
    return len(inner) == 1 and is_a(inner[0], "symbol", "number")


def single_name(group) -> bool:
    """`(x)`, `(\\theta)`, `(x_i)`: a bracket around one name, as in `p(x)`."""
    inner = [unwrap(c) for c in group.children if isinstance(c, lark.Tree)]
    return len(inner) == 1 and is_a(inner[0], "symbol")


def is_word(name: str) -> bool:
    return len(name) > 1 and name not in names.GREEK and name.isascii()


def prime_count(symbol) -> int:
    return sum(len(c) for c in symbol.children if isinstance(c, lark.Token) and c.type == "PRIME")


def starts_with_derivative(node) -> bool:
    node = unwrap(node)
    while is_a(node, "implicit", "neg", "pos", "mul", "div"):
        node = unwrap(node.children[0] if not is_a(node, "neg", "pos") else node.children[-1])
    return is_a(node, "dapply") or (is_a(node, "frac", "over") and leibniz(node))


def leibniz(frac) -> bool:
    """`\\frac{d f}{d x}`, `{df \\over dx}`, `\\frac{\\mathrm{d} f}{\\mathrm{d} x}`: a
    numerator that starts with a differential (`d` however it is typeset)."""
    trees = [c for c in frac.children if isinstance(c, lark.Tree)]
    first = items_of(trees[0])[0] if len(trees) == 2 else None
    if is_a(first, "pow"):
        first = first.children[0]
    return is_a(first, "partial") or (is_a(first, "symbol") and len(first.children) == 1
                                     and names.token_name(first.children[0].children[0]) == "d")


def trailing_operator(node):
    """The derivative application at the right end of node, if any."""
    return trailing_node(node, "dapply")


def trailing_node(node, kind: str, through=("implicit", "neg", "pos", "mul", "div", "add", "sub")):
    """The `kind` node (a derivative, a sum) at the right end of node, if any:
    what a following operator meets first."""
    while isinstance(node, lark.Tree):
        if node.data == kind:
            return node
        if node.data not in through:
            return None
        node = node.children[-1]
    return None


def simple_parts(item) -> list | None:
    """`ji`, `i\\gamma`, `12`: single letters and digits written side by side."""
    item = unwrap(item)
    if is_a(item, "number") or (isinstance(item, lark.Token) and item.type == "NUMBER"):
        token = item.children[0] if is_a(item, "number") else item
        return [lark.Token("NUMBER", d) for d in str(token)] if str(token).isdigit() else None
    if not is_a(item, "implicit"):
        return None
    parts = []
    for child in item.children:
        if is_a(child, "symbol") and len(child.children) == 1 and is_a(child.children[0], "name"):
            parts.append(child)
        elif is_a(child, "number") and len(child.children[0]) == 1:
            parts.append(child)
        else:
            return None
    return parts


def inner_subscript(name_node):
    """`\\hat{y_j}`: the subscript written inside the accent."""
    if is_a(name_node, "styled"):
        return next((c for c in name_node.children if is_a(c, "subscript")), None)
    return None


def items_of(node) -> list:
    if is_a(node, "implicit"):
        return list(node.children)
    return [node]


def function_name(text: str) -> str:
    match = re.search(r"\{\s*([A-Za-z]+)\s*\}", text)
    return match.group(1) if match else text.lstrip("\\")


def word_below(sub) -> str | None:
    """The word of a subscript that is one (`x_{\\text{max}}`, `x_{\\max}`, the
    unbraced `J_\\mathrm{reg}` and `x_\\text{max}`), else None: a label, the
    name x_max, in both readings."""
    items = list(sub.children)
    if len(items) != 1:
        return None
    if isinstance(items[0], lark.Token):
        return function_name(str(items[0])) if items[0].type in ("TEXTNAME", "FUNC") else None
    single = unwrap(items[0])
    if is_a(single, "func_bare") and len(single.children) == 1 \
            or is_a(single, "symbol") and is_text_name(single):
        return function_name(str(first_token(single)))
    return None


def column_of(node) -> int | None:
    if isinstance(node, lark.Token) and node.start_pos is not None:
        return node.start_pos + 1
    if isinstance(node, lark.Tree) and not node.meta.empty:
        return node.meta.start_pos + 1
    return None


def transpose_kind(sup, t_is_letter: bool = False) -> str:
    """A power's superscript: `T` (a transpose: `^\\top`, `^T`), `-T` (its inverse:
    `^{-\\top}`, `^{-T}`) or `power`; where `T` is a declared letter (`t_is_letter`),
    `^T` is a power."""
    if is_a(sup, "sup_top"):
        return "T"
    if is_a(sup, "sup_invtop"):
        return "-T"
    if t_is_letter:
        return "power"
    child = sup.children[0] if sup.children else None
    if isinstance(child, lark.Token):
        return "T" if str(child) == "T" else "power"
    inner = unwrap(child)
    sign = ""
    if is_a(inner, "neg"):
        sign, inner = "-", unwrap(inner.children[-1])
    if is_a(inner, "symbol") and len(inner.children) == 1:
        try:
            if names.tree_name(inner.children[0]) == "T":
                return sign + "T"
        except InputError:
            return "power"
    return "power"
