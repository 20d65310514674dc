"""`expr:` steps as SymPy: the whitelisted ast (read/plain.py) walked into
expressions, names resolved through the scope."""

from __future__ import annotations

import ast

from derive_ce.errors import InputError
from derive_ce.read.plain import CONSTANT_NAMES, check_plain, refuse


def read_plain(math, scope):
    """The checked expression as SymPy, names resolved through the scope."""
    tree = check_plain(math)
    return _Reader(scope, math).read(tree.body)


class _Reader:
    def __init__(self, scope, math):
        import sympy as sp
        self.sp = sp
        self.scope = scope
        self.math = math
        self.local: dict = {}       # a sum's index letter -> its fresh variable

    def read(self, node: ast.AST):
        method = getattr(self, f"read_{type(node).__name__}")
        return method(node)

    def read_Constant(self, node):
        if isinstance(node.value, float):
            if node.value != node.value or node.value in (float("inf"), float("-inf")):
                raise refuse("a number too large for `expr:`", node, self.math)
            return self.sp.Rational(repr(node.value))
        return self.sp.Integer(node.value)

    def read_Name(self, node):
        sp = self.sp
        if node.id in CONSTANT_NAMES and node.id not in self.scope.kinds:
            return {"pi": sp.pi, "E": sp.E, "oo": sp.oo}[node.id]
        if node.id in self.local:
            return self.local[node.id]
        return self.scope.symbol(node.id)

    def read_UnaryOp(self, node):
        value = self.read(node.operand)
        return -value if isinstance(node.op, ast.USub) else value

    def read_BinOp(self, node):
        from derive_ce.decide.magnitude import power
        left, right = self.read(node.left), self.read(node.right)
        op = type(node.op)
        if op is ast.Pow:
            return power(left, right)
        return {ast.Add: lambda: left + right, ast.Sub: lambda: left - right,
                ast.Mult: lambda: left * right, ast.Div: lambda: left / right}[op]()

    def read_Subscript(self, node):
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return self.scope.element(node.value.id, [self.read(i) for i in items])

    def read_Tuple(self, node):
        raise refuse("a tuple can only be the limits of Sum/Product or a Derivative's "
                      "variable", node, self.math)

    def read_Call(self, node):
        name = node.func.id
        if name in ("Sum", "Product"):
            return self._big(name, node.args, node)
        args = [self.read(a) for a in node.args]
        if name in ("Derivative", "diff"):
            if len(args) != 2:
                raise refuse(f"{name} takes (expression, variable)", node, self.math)
            return self.sp.Derivative(args[0], args[1])
        return self._function(name, args, node)

    def _function(self, name, args, node):
        sp = self.sp
        table = {"ln": sp.log, "abs": sp.Abs, "Abs": sp.Abs, "Rational": sp.Rational}
        func = table.get(name) or getattr(sp, name)
        from derive_ce.decide.magnitude import factorial
        try:
            if name == "factorial" and len(args) == 1:
                return factorial(args[0])
            return func(*args)
        except (TypeError, ValueError) as exc:
            raise refuse(f"{name}: {exc}", node, self.math) from None
        except InputError as exc:
            raise refuse(exc.message, node, self.math) from None

    def _big(self, name, args, node):
        from derive_ce.decide.sums import (
            binding,
            bound_variable,
            make_product,
            make_sum,
        )
        if len(args) != 2 or not isinstance(args[1], ast.Tuple) or len(args[1].elts) != 3:
            raise refuse(f"{name} takes (body, (index, low, high))", node, self.math)
        var, lo, hi = (self.read(e) for e in args[1].elts)
        if not isinstance(var, self.sp.Symbol):
            raise refuse(f"the index of {name} must be a name", node, self.math)
        fresh = bound_variable(var.name, lo, hi)
        with binding(self.local, var.name, fresh):
            body = self.read(args[0])
        return (make_sum if name == "Sum" else make_product)(body, fresh, lo, hi)
