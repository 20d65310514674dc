"""lark parse tree -> SymPy expression, under a SymScope.

The grammar (read/latex/grammar.lark) gives structure; the meanings that
depend on declarations are decided here, and where a line could be read two
ways that differ, it is refused with both readings named.  The rules are
listed in docs/format.md, "How LaTeX is read".

- A product of factors is folded left to right: a declared or defined
  function takes the bracket after it (`\\sigma(x)^2` is σ(x)²); a bare
  function name (`\\cos 2\\theta`, `\\ln xy`) takes the factors up to the next
  function, sum or derivative; a name before a bracket that is neither
  declared nor plainly a product (`f(x)`, `p(x)`) is refused.
- A derivative operator takes the rest of the product after it.
- A sum's index is a fresh symbol (a Dummy) with the sum's own bounds only,
  so no substitution can capture it and no declared range leaks into it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import lark
import sympy as sp

from derive_ce.decide.build.derivatives import Derivatives
from derive_ce.decide.build.functions import LABEL, Functions
from derive_ce.decide.build.sums import Sums
from derive_ce.decide.magnitude import factorial, power
from derive_ce.decide.scope import SymScope
from derive_ce.errors import InputError
from derive_ce.read import names
from derive_ce.read.latex.parser import chain_refusal, parse
from derive_ce.read.latex.shape import (
    column_of,
    inner_subscript,
    is_a,
    simple_parts,
    starts_with_derivative,
    word_below,
)

if TYPE_CHECKING:
    from derive_ce.read.model import Math

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_RELATIONS = {"EQ": sp.Eq, "NEQ": sp.Ne, "LT": sp.Lt, "GT": sp.Gt, "LE": sp.Le, "GE": sp.Ge}


def read_expression(math: Math, scope: SymScope, local: dict | None = None) -> sp.Expr:
    """One expression (a `latex` or `expr` Math) as SymPy; `local` names
    symbols of its own (a family's parameters)."""
    if math.syntax == "expr":
        from derive_ce.decide.build.plain import read_plain
        return read_plain(math, scope)
    tree = parse(math.text, "chain", math.line)
    exprs = [c for c in tree.children if isinstance(c, lark.Tree)]
    if len(exprs) != 1:
        raise InputError("expected one expression, not a chain joined by `=`", math.line)
    builder = _Builder(scope, math)
    builder.local.update(local or {})
    expr = builder.build(exprs[0])
    builder.check_bound_names(expr)
    return builder.unify_elements(expr)


def read_once(math: Math, scope: SymScope) -> sp.Expr:
    """read_expression, kept on the scope: the engine, the cross-check and the
    explanation of one step share one reading (and one set of sum indices)."""
    key = (math.text, math.syntax)
    if key not in scope.readings:
        scope.readings[key] = read_expression(math, scope)
    return scope.readings[key]


def read_relation(math: Math, scope: SymScope) -> tuple[sp.Expr, str, sp.Expr]:
    """A `when:` condition: (left, operator, right), operator one of = ≠ < > ≤ ≥."""
    tree = parse(math.text, "relation", math.line)
    if len(tree.children) != 3:     # a chain the checker did not split into its links
        raise InputError(chain_refusal(math.text), math.line)
    left, op, right = tree.children
    builder = _Builder(scope, math)
    return builder.build(left), _relop(op.children[0]), builder.build(right)


def _relop(token: lark.Token) -> str:
    return {"EQ": "=", "NEQ": "≠", "LT": "<", "GT": ">", "LE": "≤", "GE": "≥"}[token.type]


class _Builder(Functions, Derivatives, Sums):
    def __init__(self, scope: SymScope, math: Math):
        self.scope = scope
        self.math = math
        self.local: dict[str, sp.Dummy] = {}     # a sum's index letter -> its Dummy
        self.bound_names: set[str] = set()       # undeclared letters used as a sum's index
        self.labels: dict[sp.Symbol, tuple[str, list, object]] = {}   # `x_1` -> (x, [1], node)

    # -- plumbing ---------------------------------------------------------
    def fail(self, message: str, node=None) -> InputError:
        column = column_of(node)
        return InputError(message, self.math.line, column, self.math.text if column else None)

    def source(self, node) -> str:
        if isinstance(node, lark.Token):
            return str(node)
        if node.meta.empty:
            return ""
        return self.math.text[node.meta.start_pos:node.meta.end_pos]

    def build(self, node) -> sp.Expr:
        if isinstance(node, lark.Token):
            return self.token(node)
        method = getattr(self, f"rule_{node.data}", None)
        if method is None:
            raise self.fail(f"`{self.source(node) or node.data}` cannot stand here", node)
        try:
            return method(node, *node.children)
        except InputError as exc:
            if exc.line is None:
                exc.line = self.math.line
            raise

    def token(self, token: lark.Token) -> sp.Expr:
        if token.type == "NUMBER":
            return sp.Rational(str(token))
        if token.type in ("LETTER", "GREEK", "TEXTNAME", "NAMED"):
            return self.named(names.token_name(token))
        raise self.fail(f"`{token}` cannot stand here", token)

    def named(self, name: str) -> sp.Expr:
        """A bare name: a sum's index inside its sum, else the scope's object."""
        if name in self.local:
            return self.local[name]
        try:
            return self.scope.symbol(name)
        except InputError as exc:
            raise self.fail(exc.message) from None

    def unify_elements(self, expr: sp.Expr) -> sp.Expr:
        """`x_1 + \\sum_{j=2}^{n} x_j` with x undeclared: once x is a vector,
        `x_1` is its element too, never a scalar of its own."""
        vectors = {str(b) for b in expr.atoms(sp.IndexedBase) if not self.scope.declared(str(b))}
        mapping = {}
        for label, (base, indices, node) in self.labels.items():
            if base in vectors and label in expr.free_symbols:
                try:
                    mapping[label] = self.scope.element(base, indices, indexing=True)
                except InputError as exc:
                    raise self.fail(f"`{base}` is used as a vector here, so: {exc.message}",
                                    node) from None
        return expr.xreplace(mapping) if mapping else expr

    def check_bound_names(self, expr: sp.Expr) -> None:
        """An undeclared letter that indexes a sum may not also stand outside it."""
        free = {s.name for s in expr.free_symbols if isinstance(s, sp.Symbol)
                and not isinstance(s, sp.Dummy)}
        stray = sorted(self.bound_names & free)
        if stray:
            raise InputError(f"`{stray[0]}` is the index of a sum and also stands outside it; "
                             f"declare `{stray[0]}` as an index (symbols: {{kind: index}}) or "
                             "rename one of them", self.math.line)

    # -- arithmetic -------------------------------------------------------
    def rule_add(self, node, left, op, right):
        value = self.build(right)
        self._check_scopes(node, left, right, value, op)
        return self.build(left) + value

    def rule_sub(self, node, left, op, right):
        value = self.build(right)
        self._check_scopes(node, left, right, value, op)
        return self.build(left) - value

    def _check_scopes(self, node, left, right, right_value, op) -> None:
        """A derivative or a sum that ends at `+`/`-` while what follows still
        depends on its variable or index.  A term that starts with a derivative
        of its own (`\\frac{d}{dx} u + \\frac{d}{dx} v`) plainly starts anew."""
        if not starts_with_derivative(right):
            self._check_operator_scope(left, right_value, op, node)
        self._check_sum_index(left, right_value, op)

    def rule_mul(self, node, left, _op, right):
        value = self.build(right)
        self._check_operator_scope(left, value, _op, node)
        return self.build(left) * value

    def rule_div(self, node, left, op, right):
        typed = self.typed_derivative(left, right)      # `∂/∂x f`: derive-ce's printed form
        if typed is not None:
            return typed
        if isinstance(right, lark.Tree) and right.data == "implicit" and len(right.children) > 1:
            shown = self.source(right)
            raise self.fail(f"`{self.source(node)}` can be read two ways: write "
                            f"`\\frac{{{self.source(left)}}}{{{shown}}}` to divide by all of "
                            f"`{shown}`, or put the divisor in brackets", op)
        value = self.build(right)
        self._check_operator_scope(left, value, op, node)
        return self.build(left) / value

    def rule_neg(self, node, _op, operand):
        return -self.build(operand)

    def rule_pos(self, node, _op, operand):
        return self.build(operand)

    def rule_number(self, node, token):
        return self.token(token)

    def rule_percent(self, node, token, _sign):
        return self.token(token) / 100        # `20\%` is 20/100

    def rule_infinity(self, node, _token):
        return sp.oo

    def rule_partial(self, node, token):
        raise self.fail("`\\partial` outside a derivative: write `\\frac{\\partial f}{\\partial x}`, "
                        "`\\frac{\\partial}{\\partial x} f` or `\\partial_x f`", token)

    def rule_factorial(self, node, operand, bang):
        if is_a(operand, "factorial"):
            raise self.fail("`n!!` could be the double factorial or (n!)!: write the product, "
                            "or `(n!)!`", bang)
        return factorial(self.build(operand))

    def rule_pow(self, node, base, sup):
        label = self.source(sup).strip("{} ")
        sample = LABEL.fullmatch(label)
        if sample and is_a(base, "symbol") and len(base.children) == 1:
            return self._sample(base, sample.group(1), sup)
        if sample and is_a(base, "symbol"):
            raise self.fail(f"`{self.source(base)}^{{{label}}}`: a sample label on an element is not "
                            f"read: write both indices as a subscript, as in `x_{{i,j}}`", sup)
        if re.fullmatch(r"\(\s*[A-Za-z]\s*\)|\[.*\]", label):
            raise self.fail(f"`^{{{label}}}` reads as a label (a sample or a layer), not a power: "
                            "labels in superscripts are not read; write a subscript, as in "
                            "`x_i`", sup)
        if sample:     # `(x + 1)^{(2)}`: never a power
            raise self.order_label(sup, f"`{self.source(base).strip()}`")
        if label == "T" and not self.scope.declared("T"):
            raise self.fail("`^T` reads as a transpose, and transposes (matrices as objects) are "
                            "not read: write elements such as `W_{i,j}`, or declare `T` to use "
                            "it as a power", sup)
        exponent, trailing = self._sup(sup)
        base_expr = self.build(base)
        if base_expr is not sp.E and self.source(base).strip() == "e" and (
                "e" in self.local or self.scope.bounds_of("e") is not None):
            raise self.fail("`e` is an index here, so `e^{…}` would be a power of the index, "
                            "not Euler's number: rename the index, or write `\\exp(…)`", base)
        if base_expr is sp.E:
            bound = set(self.local.values())
            if any(s.name == "i" and s not in bound for s in exponent.free_symbols) \
                    and not self.scope.declared("i"):
                raise self.fail("`i` in an exponent of e reads as the imaginary unit, and complex "
                                "numbers are not read: here `i` would be a real symbol", sup)
            return sp.exp(exponent) * trailing
        if exponent.is_Rational and not exponent.is_Integer and exponent.q % 2 == 1 \
                and base_expr.is_real and not base_expr.is_nonnegative:
            return sp.real_root(base_expr, exponent.q) ** exponent.p * trailing  # (-8)^{1/3} = -2
        return power(base_expr, exponent) * trailing

    def _sample(self, base, label: str, sup) -> sp.Expr:
        """`x^{(i)}`: sample (or layer) i of x, a label and not a power.  With x
        declared a vector it is x's element i; else it is element i of its own
        vector, apart from x and from x_i (which may be a feature, not a sample)."""
        index = sp.Integer(int(label)) if label.isdigit() else self.named(label)
        bound = any(isinstance(s, sp.Dummy) for s in index.free_symbols)
        name = self._name(base.children[0])
        if self.scope.kind(name) != "vector" or name in self.scope.inferred:
            name = f"{name}⁽⁾"
        try:        # `x^{(1)}`: element 1 of the samples, as `x^{(i)}` at i = 1 in a
            #         family's body is (`\hat{y}^{(i)}: w x^{(i)} + b`, then `\hat{y}^{(1)}`)
            return self.scope.element(name, [index], indexing=bound or index.is_Integer)
        except InputError as exc:
            raise self.fail(exc.message, sup) from None

    def rule_pow_unicode(self, node, base, token):
        """`x²`, `x⁻¹`: superscript characters pasted from a web page."""
        exponent = sp.Integer(int(str(token).translate(_SUPERSCRIPTS)))
        base_expr = self.build(base)
        return sp.exp(exponent) if base_expr is sp.E else power(base_expr, exponent)

    def rule_pow_sub(self, node, base, sup, subscript):
        """`x^2_i`: the subscript belongs to the name, the power to the element."""
        if not (isinstance(base, lark.Tree) and base.data == "symbol" and len(base.children) == 1):
            raise self.fail("a subscript after a power belongs to a name, as in `x^2_i`", node)
        exponent, trailing = self._sup(sup)
        element = self._element(base.children[0], subscript)
        return power(element, exponent) * trailing

    def _sup(self, sup: lark.Tree) -> tuple[sp.Expr, sp.Expr]:
        """A superscript; `x^23` is x^2·3, as in LaTeX."""
        (item,) = sup.children
        return self._digit_argument(item)

    def _digit_argument(self, item) -> tuple[sp.Expr, sp.Expr]:
        """A one-token argument takes one digit, as in LaTeX: `\\sqrt23` is √2·3."""
        if isinstance(item, lark.Tree) and item.data == "number":
            item = item.children[0]
        if isinstance(item, lark.Token) and item.type == "NUMBER" and len(item) > 1 \
                and item.isdigit():
            return sp.Integer(int(item[0])), sp.Integer(int(item[1:]))
        return self.build(item), sp.Integer(1)

    # -- products: functions, brackets and operators ---------------------
    # -- names and elements ------------------------------------------------
    def _name(self, name_node) -> str:
        try:
            return names.tree_name(name_node)
        except InputError as exc:
            raise self.fail(exc.message, name_node) from None

    def rule_symbol(self, node, name, *rest):
        if any(isinstance(r, lark.Token) and r.type == "PRIME" for r in rest):
            raise self.fail(f"`{self.source(node)}` needs its argument, as in "
                            f"`{self.source(node)}(x)`", node)
        subscript = next((r for r in rest if is_a(r, "subscript")), None)
        inner_sub = inner_subscript(name)
        if subscript is not None and inner_sub is not None:
            raise self.fail("two subscripts on one name", node)
        subscript = subscript or inner_sub
        if subscript is None:
            func = self._function_named(node)
            if func is not None:
                raise self.fail(f"`{self.source(node)}` is a function: apply it, as in "
                                f"`{self.source(node)}(x)`", node)
            return self.named(self._name(name))
        return self._element(name, subscript)

    def _element(self, name_node, subscript) -> sp.Expr:
        base = self._name(name_node)
        if base in ("Sigma", "Pi") and not self.scope.declared(base):
            raise self.fail(f"`\\{base}` is the Greek capital letter: for a "
                            f"{'sum' if base == 'Sigma' else 'product'} write "
                            f"`\\{'sum' if base == 'Sigma' else 'prod'}`", name_node)
        word = word_below(subscript)
        if word is not None:        # `x_{\text{max}}`, `J_\mathrm{reg}`: a label, the name x_max,
            if word in ("max", "min") and self.scope.index_count(base):     # beside a vector x
                raise self.fail(f"`{base}_{{\\{word}}}` beside the vector `{base}`: its "
                                f"{'largest' if word == 'max' else 'smallest'} element "
                                f"(`\\{word}_i {base}_i`, which moves with each `{base}_i`) or a "
                                "name of its own? Write `\\" + word + f"_i {base}_i`, or "
                                "another letter for a constant", subscript)
            return self.named(f"{base}_{word}")     # beside a vector x too (docs/format.md)
        indices, trailing = self._indices(base, subscript)
        if base in ("delta", "Delta") and not self.scope.declared(base) and len(indices) == 2:
            return sp.KroneckerDelta(*indices) * trailing
        bound = any(isinstance(s, sp.Dummy) for i in indices for s in i.free_symbols)
        try:
            element = self.scope.element(base, indices, indexing=bound)
        except InputError as exc:
            raise self.fail(exc.message, subscript) from None
        if isinstance(element, sp.Symbol):
            self.labels[element] = (base, indices, subscript)
        return element * trailing

    def _indices(self, base: str, sub) -> tuple[list[sp.Expr], sp.Expr]:
        items = [c for c in sub.children]
        if len(items) == 1 and isinstance(items[0], lark.Token) \
                and items[0].type == "NUMBER" and len(items[0]) > 1:
            return [sp.Integer(int(items[0][0]))], sp.Rational(str(items[0][1:]))
        if len(items) == 1:
            split = self._juxtaposed(base, items[0])
            if split is not None:
                return split, sp.Integer(1)
        return [self.build(i) for i in items], sp.Integer(1)

    def _juxtaposed(self, base: str, item) -> list[sp.Expr] | None:
        """`W_{ji}` on a matrix is element (j, i), in the order written."""
        wanted = self.scope.index_count(base)
        parts = simple_parts(item)
        if parts is None:
            return None
        letters = [p for p in parts if not (isinstance(p, lark.Token) and p.type == "NUMBER")]
        if wanted == 1 and len(letters) >= 2:
            raise self.fail(f"`{base}` is a vector: `{self.source(item)}` would be one index, "
                            f"the product {' · '.join(self.source(p) for p in parts)}; write one "
                            f"index, or declare `{base}: matrix` for two", item)
        if wanted == 1 or (wanted is None and len(letters) < 2):
            return None
        if wanted is not None and len(parts) != wanted:
            return None
        return [self.build(p) for p in parts]

    def rule_group(self, node, *children):
        inner = [c for c in children if isinstance(c, lark.Tree)]
        return self.build(inner[0])

    def rule_abs(self, node, _open, inner, _close):
        return sp.Abs(self.build(inner))

    def rule_floor(self, node, _open, inner, _close):
        return sp.floor(self.build(inner))

    def rule_ceil(self, node, _open, inner, _close):
        return sp.ceiling(self.build(inner))

    # -- fractions, roots --------------------------------------------------
    def rule_frac(self, node, token, *args):
        if not args:                           # \frac12
            digits = re.findall(r"[0-9]", str(token))
            return sp.Rational(int(digits[0]), int(digits[1]))
        num, den = args
        derivative = self._quotient_derivative(num, den)
        if derivative is not None:
            return derivative
        return self.build(num) / self.build(den)

    def rule_over(self, node, num, _over, den):
        """`{a \\over b}`: TeX's own fraction."""
        return self.rule_frac(node, None, num, den)

    def rule_sqrt(self, node, _sqrt, *args):
        args = [a for a in args if isinstance(a, (lark.Tree, lark.Token))
                and not (isinstance(a, lark.Token) and a.type in ("LBRACK", "RBRACK"))]
        radicand, trailing = self._digit_argument(args[-1])
        if len(args) == 2:
            order = self.build(args[0])
            if order.is_Integer and order.is_odd and not radicand.is_nonnegative:
                return sp.real_root(radicand, order) * trailing     # ∛(-8) = -2
            return sp.root(radicand, order) * trailing
        return sp.sqrt(radicand) * trailing

    def rule_binom(self, node, _token, top, bottom):
        return sp.binomial(self.build(top), self.build(bottom))

    # -- derivatives -------------------------------------------------------
    # -- sums and products -------------------------------------------------
    # -- indicators and cases ----------------------------------------------
    def rule_indicator(self, node, _token, *children):
        trees = [c for c in children if isinstance(c, lark.Tree)]
        left, op, right = trees
        a, b = self.build(left), self.build(right)
        kind = op.children[0].type
        if kind in ("EQ", "NEQ") and a.is_integer and b.is_integer:
            delta = sp.KroneckerDelta(a, b)
            return delta if kind == "EQ" else 1 - delta
        return sp.Piecewise((1, _RELATIONS[kind](a, b)), (0, True))

    def rule_cases(self, node, *children):
        rows = [c for c in children if is_a(c, "crow")]
        for row in rows[:-1]:
            cond = [c for c in row.children if isinstance(c, lark.Tree)][-1]
            if cond.data == "cond_else":
                raise self.fail("`otherwise` must be the last row of `cases`: the rows "
                                "after it could never apply", cond)
        return sp.Piecewise(*(self._case_row(c) for c in rows))

    def _case_row(self, row) -> tuple[sp.Expr, sp.Basic]:
        trees = [c for c in row.children if isinstance(c, lark.Tree)]
        value, cond = self.build(trees[0]), trees[-1]
        if cond.data == "cond_else":
            return value, sp.true
        return value, self._condition(cond)

    def _condition(self, cond) -> sp.Basic:
        """A row's condition: relations (chains too), joined by `or` and `and`."""
        if cond.data in ("cond_any", "cond_all"):
            parts = [self._condition(c) for c in cond.children if isinstance(c, lark.Tree)]
            return (sp.Or if cond.data == "cond_any" else sp.And)(*parts)
        parts = cond.children
        conditions = []
        for i in range(1, len(parts), 2):
            left, right = self.build(parts[i - 1]), self.build(parts[i + 1])
            conditions.append(_RELATIONS[parts[i].children[0].type](left, right))
        return sp.And(*conditions)


# -- helpers on trees ------------------------------------------------------

