"""`expr:` steps (SymPy's syntax, whitelisted by read/plain.py) compiled into
closures: the same names and the same concrete values as LaTeX steps."""

from __future__ import annotations

import ast
from fractions import Fraction

from derive_ce.evaluate import numbers as num
from derive_ce.evaluate.numbers import Unsupported, normal, whole
from derive_ce.evaluate.sums import looped
from derive_ce.read.plain import CONSTANT_NAMES, check_plain

_NAMES = {"ln": "ln", "log": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan",
          "cot": "cot", "sec": "sec", "csc": "csc", "sinh": "sinh", "cosh": "cosh",
          "tanh": "tanh", "coth": "coth", "asin": "arcsin", "acos": "arccos",
          "atan": "arctan", "Abs": "abs", "abs": "abs", "sqrt": "sqrt"}


def compile_plain(math, scope, ints: frozenset, bound: tuple = ()):
    from derive_ce.evaluate.latex import Compiler
    tree = check_plain(math)
    return _Plain(Compiler(scope, ints, frozenset(bound))).c(tree.body)


class _Plain:
    def __init__(self, latex):
        self.latex = latex          # names, elements and derivatives as LaTeX reads them

    def c(self, node):
        return getattr(self, f"c_{type(node).__name__}")(node)

    def c_Constant(self, node):
        if isinstance(node.value, float):
            return _const(normal(Fraction(repr(node.value))))
        return _const(node.value)

    def c_Name(self, node):
        scope = self.latex.scope
        if node.id in CONSTANT_NAMES and node.id not in scope.kinds:
            if node.id == "oo":
                raise Unsupported("∞")
            name = "pi" if node.id == "pi" else "e"
            return lambda env: num.constant(name)
        return self.latex.named(node.id)

    def c_UnaryOp(self, node):
        value = self.c(node.operand)
        return (lambda env: -value(env)) if isinstance(node.op, ast.USub) else value

    def c_BinOp(self, node):
        a, b = self.c(node.left), self.c(node.right)
        op = {ast.Add: num.add, ast.Sub: num.sub, ast.Mult: num.mul, ast.Div: num.div,
              ast.Pow: num.power}[type(node.op)]
        if op in (num.add, num.sub):
            def value(env):
                x, y = a(env), b(env)
                env.note(x, y)
                return op(x, y)
            return value
        return lambda env: op(a(env), b(env))

    def c_Subscript(self, node):
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        indices = [self.c(i) for i in items]
        base = node.value.id
        if self.latex.scope.kind(base) == "family":
            return self.latex.family_element(base, indices)
        return self.latex.real_element(base, indices)

    def c_Tuple(self, node):
        raise Unsupported("a tuple")

    def c_Call(self, node):
        name = node.func.id
        if name in ("Sum", "Product"):
            return self._big(name, node.args)
        if name in ("Derivative", "diff"):
            if len(node.args) != 2:
                raise Unsupported(f"{name} with {len(node.args)} arguments")
            keyfn = self._variable(node.args[1])
            body = self.c(node.args[0])
            return self.latex.one_derivative(body, keyfn, 1, ast.unparse(node.args[1]))
        args = [self.c(a) for a in node.args]
        if name == "Rational" and len(args) == 2:
            return lambda env: num.div(args[0](env), args[1](env))
        if name == "factorial" and len(args) == 1:
            return lambda env: num.factorial(args[0](env))
        if name in _NAMES and len(args) == 1:
            func = _NAMES[name]
            return lambda env: num.apply(func, args[0](env))
        raise Unsupported(f"`{name}` in `expr:`")

    def _variable(self, node):
        if isinstance(node, ast.Name):
            scope = self.latex.scope
            if node.id in scope.values:
                return _const(("d", node.id))
            if scope.kind(node.id) != "scalar" or scope.integer(node.id):
                raise Unsupported(f"a derivative by `{node.id}`")
            return _const(("r", node.id, ()))
        if isinstance(node, ast.Subscript):
            items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            indices = [self.c(i) for i in items]
            base = node.value.id
            return lambda env: ("r", base, tuple(whole(f(env)) for f in indices))
        raise Unsupported("a derivative by something that is not a variable")

    def _big(self, name, args):
        if len(args) != 2 or not isinstance(args[1], ast.Tuple) or len(args[1].elts) != 3 \
                or not isinstance(args[1].elts[0], ast.Name):
            raise Unsupported(f"{name} without (index, low, high)")
        letter = args[1].elts[0].id
        lo, hi = self.c(args[1].elts[1]), self.c(args[1].elts[2])
        body = _Plain(self.latex.inner(letter)).c(args[0])
        product = name == "Product"

        return looped([(letter, lo, hi, None)], body, product)   # as a LaTeX sum loops


def _const(value):
    return lambda env: value

