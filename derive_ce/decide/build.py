"""lark parse tree -> SymPy expression, under a SymScope.

Walks the tree explicitly (the parser bounded its depth), so that the
derivative forms, which need to look at raw subtrees, are read in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lark
import sympy as sp

from derive_ce.errors import InputError
from derive_ce.read.latex.parser import parse
from derive_ce.decide.magnitude import factorial, power
from derive_ce.read.names import accented
from derive_ce.decide.scope import SymScope
from derive_ce.decide.sums import bound_variable, make_product, make_sum

if TYPE_CHECKING:
    from derive_ce.read.model import Math

FUNCTIONS = {
    "ln": sp.log, "log": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos,
    "tan": sp.tan, "cot": sp.cot, "sec": sp.sec, "csc": sp.csc, "sinh": sp.sinh,
    "cosh": sp.cosh, "tanh": sp.tanh, "coth": sp.coth, "arcsin": sp.asin,
    "arccos": sp.acos, "arctan": sp.atan,
}
INVERSES = {"sin": sp.asin, "cos": sp.acos, "tan": sp.atan, "sinh": sp.asinh,
            "cosh": sp.acosh, "tanh": sp.atanh}


def read_expression(math: Math, scope: SymScope) -> sp.Expr:
    """One expression (a `latex` or `expr` Math) as SymPy."""
    if math.syntax == "expr":
        from derive_ce.decide.build_plain import read_plain
        return read_plain(math, scope)
    tree = parse(math.text, "chain", math.line)
    exprs = [c for c in tree.children if isinstance(c, lark.Tree)]
    if len(exprs) != 1:
        raise InputError("expected one expression, not a chain joined by `=`", math.line)
    builder = _Builder(scope, math)
    expr = builder.build(exprs[0])
    _check_bound_indices(expr, builder.bound, math)
    return expr


def _check_bound_indices(expr: sp.Expr, bound: set, math: Math) -> None:
    """An undeclared letter that indexes a sum may not also stand outside it."""
    stray = sorted(str(s) for s in bound & expr.free_symbols)
    if stray:
        raise InputError(f"`{stray[0]}` is the index of a sum and also stands outside it; "
                         f"declare `{stray[0]}` as an index (symbols: {{kind: index}}) or "
                         "rename one of them", math.line)


def read_relation(math: Math, scope: SymScope) -> tuple[sp.Expr, str, sp.Expr]:
    """A `when:` condition: (left, operator, right), operator one of = ≠ < > ≤ ≥."""
    tree = parse(math.text, "relation", math.line)
    left, op, right = tree.children
    builder = _Builder(scope, math)
    return builder.build(left), _relop(op.children[0]), builder.build(right)


def _relop(token: lark.Token) -> str:
    return {"EQ": "=", "NEQ": "≠", "LT": "<", "GT": ">", "LE": "≤", "GE": "≥"}[token.type]


class _Builder:
    def __init__(self, scope: SymScope, math: Math):
        self.scope = scope
        self.math = math
        self.bound: set = set()     # undeclared letters used as a sum's index

    def fail(self, message: str, node: lark.Tree | lark.Token | None = None) -> InputError:
        column = _column(node)
        return InputError(message, self.math.line, column,
                          self.math.text if column else None)

    def build(self, node: lark.Tree | lark.Token) -> sp.Expr:
        if isinstance(node, lark.Token):
            return self.token(node)
        method = getattr(self, f"rule_{node.data}", None)
        if method is None:
            raise self.fail(f"`{node.data}` cannot stand here", node)
        try:
            return method(node, *node.children)
        except InputError as exc:
            if exc.line is None:
                exc.line = self.math.line
            raise

    def token(self, token: lark.Token) -> sp.Expr:
        if token.type == "NUMBER":
            return sp.Rational(str(token))
        if token.type in ("LETTER", "GREEK", "TEXTNAME"):
            return self.scope.symbol(_name(token))
        raise self.fail(f"`{token}` cannot stand here", token)

    # -- arithmetic -------------------------------------------------------
    def rule_add(self, node, left, _op, right):
        return self.build(left) + self.build(right)

    def rule_sub(self, node, left, _op, right):
        return self.build(left) - self.build(right)

    def rule_mul(self, node, left, _op, right):
        return self.build(left) * self.build(right)

    def rule_div(self, node, left, _op, right):
        return self.build(left) / self.build(right)

    def rule_neg(self, node, _op, operand):
        return -self.build(operand)

    def rule_pos(self, node, _op, operand):
        return self.build(operand)

    def rule_number(self, node, token):
        return self.token(token)

    def rule_infinity(self, node, _token):
        return sp.oo

    def rule_partial(self, node, token):
        raise self.fail("`\\partial` outside a derivative", token)

    def rule_implicit(self, node, *items):
        for item in items:
            func = self._function_of(item)
            if func is not None:
                raise self.fail(f"the function `{func}` needs its argument in brackets, "
                                "as in `f(x)`", item)
        return sp.Mul(*(self.build(item) for item in items))

    def rule_call(self, node, symbol, group):
        """`f(x)` applies a declared function; otherwise `x (y)` multiplies."""
        func = self._function_of(symbol)
        if func is not None:
            return func(self.build(group))
        return self.build(symbol) * self.build(group)

    def _function_of(self, item):
        if isinstance(item, lark.Tree) and item.data == "symbol" and len(item.children) == 1:
            return self.scope.function(_name(item.children[0].children[0]))
        return None

    def rule_factorial(self, node, operand, _bang):
        return factorial(self.build(operand))

    def rule_pow(self, node, base, sup):
        exponent, trailing = self._sup(sup)
        base_expr = self.build(base)
        if base_expr is sp.E:
            return sp.exp(exponent) * trailing
        return power(base_expr, exponent) * trailing

    def _sup(self, sup: lark.Tree) -> tuple[sp.Expr, sp.Expr]:
        """A superscript; `x^23` is x^2·3, as in LaTeX."""
        (item,) = sup.children
        if isinstance(item, lark.Token) and item.type == "NUMBER" and len(item) > 1:
            return sp.Integer(int(item[0])), sp.Rational(str(item[1:]))
        return self.build(item), sp.Integer(1)

    # -- names -----------------------------------------------------------
    def rule_symbol(self, node, name, subscript=None):
        base = _name(name.children[0])
        if subscript is None:
            return self.scope.symbol(base)
        indices, trailing = self._subscript(subscript)
        if self.scope.kind(base) == "matrix" and len(indices) == 1 and indices[0].is_Mul \
                and len(indices[0].args) == 2:
            indices = list(indices[0].args)
        return self.scope.element(base, indices) * trailing

    def _subscript(self, sub: lark.Tree) -> tuple[list[sp.Expr], sp.Expr]:
        items = sub.children
        if len(items) == 1 and isinstance(items[0], lark.Token) \
                and items[0].type == "NUMBER" and len(items[0]) > 1:
            return [sp.Integer(int(items[0][0]))], sp.Rational(str(items[0][1:]))
        return [self.build(i) for i in items], sp.Integer(1)

    def rule_group(self, node, *children):
        inner = [c for c in children if isinstance(c, lark.Tree)]
        return self.build(inner[0])

    def rule_abs(self, node, _open, inner, _close):
        return sp.Abs(self.build(inner))

    # -- fractions, roots, functions --------------------------------------
    def rule_frac(self, node, _frac, num, den):
        derivative = self._quotient_derivative(num, den)
        if derivative is not None:
            return derivative
        return self.build(num) / self.build(den)

    def _quotient_derivative(self, num, den):
        """`\\frac{d f}{d x}` and `\\frac{\\partial f}{\\partial x}`."""
        den_items = _items(den)
        num_items = _items(num)
        if len(den_items) != 2 or not _is_differential(den_items[0], self.scope):
            return None
        if len(num_items) < 2 or not _is_differential(num_items[0], self.scope):
            return None
        var = self._variable(den_items[1])
        return sp.Derivative(self.rule_implicit(num, *num_items[1:]), var)

    def _variable(self, node) -> sp.Expr:
        var = self.build(node)
        if not isinstance(var, (sp.Symbol, sp.Indexed)):
            raise self.fail("a derivative is taken with respect to a symbol or an "
                            "element such as `L_i`", node)
        if isinstance(var, sp.Symbol) and var in self.scope.ranges:
            raise self.fail(f"`{var}` is an index (an integer): a derivative is taken with "
                            f"respect to a real symbol or an element such as `L_{var}`", node)
        return var

    def rule_sqrt(self, node, _sqrt, *args):
        args = [a for a in args if isinstance(a, lark.Tree)]
        if len(args) == 2:
            return sp.root(self.build(args[1]), self.build(args[0]))
        return sp.sqrt(self.build(args[0]))

    def rule_func(self, node, token, *rest):
        name = str(token).lstrip("\\")
        argument = self.build(rest[-1])
        if len(rest) == 2:
            exponent, trailing = self._sup(rest[0])
            if exponent == -1 and name in INVERSES:
                return INVERSES[name](argument) * trailing
            return power(FUNCTIONS[name](argument), exponent) * trailing
        return FUNCTIONS[name](argument)

    def rule_farg(self, node, inner):
        return self.build(inner)

    def rule_farg_pow(self, node, base, sup):
        return self.rule_pow(node, base, sup)

    # -- big operators and derivatives -----------------------------------
    def rule_bigop(self, node, token, *rest):
        body_node = rest[-1]
        bounds = rest[0] if len(rest) == 2 else None
        var, lo, hi = self._bounds(bounds, token)
        fresh = bound_variable(var.name, lo)
        with self.scope.binding(var.name, fresh):
            body = self.build(body_node)
        if str(token) == "\\sum":
            return make_sum(body, fresh, lo, hi)
        return make_product(body, fresh, lo, hi)

    def _bounds(self, bounds, token):
        if bounds is None or not any(isinstance(c, lark.Tree) and c.data == "name"
                                     for c in bounds.children):
            raise self.fail(f"`{token}` needs its index, as in `{token}_{{j=1}}^{{n}}` "
                            f"or `{token}_j`", token)
        name_node = bounds.children[0]
        var = self.scope.symbol(_name(name_node.children[0]))
        lo = hi = None
        for i, child in enumerate(bounds.children):
            if isinstance(child, lark.Token) and child.type == "EQ":
                lo = self.build(bounds.children[i + 1])
            if isinstance(child, lark.Tree) and child.data == "sup":
                hi = self._sup(child)[0]
        declared = self.scope.bounds(var) if isinstance(var, sp.Symbol) else None
        if (lo is None or hi is None) and declared is None:
            raise self.fail(f"the {token} over `{var}` has no {'upper ' if lo is not None else ''}"
                            f"bound and `{var}` has no declared range", token)
        lo = declared[0] if lo is None else lo
        hi = declared[1] if hi is None else hi
        if not isinstance(var, sp.Symbol):
            raise self.fail(f"`{var}` cannot be the index of a {token}", token)
        if declared is None:
            self.bound.add(var)
        return var, lo, hi

    def rule_deriv(self, node, _op, variable, operand):
        """d/dx applies to the next factor; in `d/dx x (y)` that is x alone."""
        var = self._variable(variable)
        inner = operand.children[-1]
        if isinstance(inner, lark.Tree) and inner.data == "call" \
                and self._function_of(inner.children[0]) is None:
            sign = -1 if len(operand.children) == 2 else 1
            return sign * sp.Derivative(self.build(inner.children[0]), var) \
                * self.build(inner.children[1])
        return sp.Derivative(self.build(operand), var)

    def rule_operand(self, node, *children):
        value = self.build(children[-1])
        return -value if len(children) == 2 else value


def _name(token: lark.Token) -> str:
    text = str(token)
    if token.type == "ACCENTED":
        return accented(text)
    if token.type == "TEXTNAME":
        inner = text[text.index("{") + 1:-1].strip()
        if not inner.replace("_", "").isalnum() or not inner[:1].isalpha():
            raise InputError(f"`{inner}` is not a name (letters and digits)")
        return inner
    return text.lstrip("\\")


def _items(node) -> list:
    if isinstance(node, lark.Tree) and node.data == "implicit":
        return list(node.children)
    return [node]


def _is_differential(node, scope: SymScope) -> bool:
    if isinstance(node, lark.Tree) and node.data == "partial":
        return True
    if isinstance(node, lark.Tree) and node.data == "symbol" and len(node.children) == 1:
        token = node.children[0].children[0]
        return _name(token) == "d" and "d" not in scope.kinds
    return False


def _column(node) -> int | None:
    if isinstance(node, lark.Token) and node.start_pos is not None:
        return node.start_pos + 1
    if isinstance(node, lark.Tree) and not node.meta.empty:
        return node.meta.start_pos + 1
    return None
