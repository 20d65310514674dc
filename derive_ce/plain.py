"""SymPy's Python syntax (`expr:` steps), read through a whitelist.

The text is parsed by `ast` and walked node by node; only numbers, names,
arithmetic, subscripts of declared vectors and matrices, and calls of the
functions below are accepted.  Nothing is evaluated, imported or looked up
as an attribute, so no code in the file can run.
"""

from __future__ import annotations

import ast
import warnings

from derive_ce.errors import InputError

MAX_LENGTH = 5_000
MAX_NODES = 2_000
FUNCTION_NAMES = ("exp", "log", "ln", "sqrt", "sin", "cos", "tan", "cot", "sec",
                  "csc", "sinh", "cosh", "tanh", "coth", "asin", "acos", "atan",
                  "Abs", "abs", "factorial", "Sum", "Product", "Derivative", "diff",
                  "Rational")
CONSTANT_NAMES = ("pi", "E", "oo")


def check_plain(math) -> ast.Expression:
    """Parse and whitelist-check without SymPy; raise InputError if refused."""
    if len(math.text) > MAX_LENGTH:
        raise InputError(f"the expression is longer than {MAX_LENGTH} characters", math.line)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # e.g. "invalid decimal literal" on stderr
            tree = ast.parse(math.text.strip(), mode="eval")
    except SyntaxError as exc:
        raise InputError(f"cannot read the expression: {exc.msg}", math.line,
                         exc.offset, math.text) from None
    except (RecursionError, MemoryError, ValueError):
        raise InputError("the expression is nested too deeply", math.line) from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise InputError(f"the expression has more than {MAX_NODES} parts", math.line)
    for node in nodes:
        _allowed(node, math)
    return tree


_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant,
          ast.Subscript, ast.Tuple, ast.Load, ast.Add, ast.Sub, ast.Mult, ast.Div,
          ast.Pow, ast.USub, ast.UAdd)


def _allowed(node: ast.AST, math) -> None:
    if not isinstance(node, _NODES):
        raise _refuse(f"`{type(node).__name__}` is not allowed in `expr:` "
                      "(only numbers, names, + - * / **, calls and subscripts)", node, math)
    if isinstance(node, ast.Constant) and (isinstance(node.value, bool)
                                           or not isinstance(node.value, (int, float))):
        raise _refuse("only numbers are allowed as constants in `expr:`", node, math)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute):
            raise _refuse(f"attribute access (`.{node.func.attr}`) is not allowed in `expr:`",
                          node.func, math)
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTION_NAMES:
            raise _refuse(f"unknown function `{_called(node)}` in `expr:`; allowed: "
                          + ", ".join(FUNCTION_NAMES), node, math)
        if node.keywords:
            raise _refuse("keyword arguments are not allowed in `expr:`", node, math)
    if isinstance(node, ast.Name) and ("__" in node.id or node.id.startswith("_")):
        raise _refuse(f"the name `{node.id}` is not allowed", node, math)
    if isinstance(node, ast.Subscript) and not isinstance(node.value, ast.Name):
        raise _refuse("only a vector or matrix name may be subscripted", node, math)


def _called(node: ast.Call) -> str:
    """The name at the root of what is called: `getattr` in getattr(x, 'a')()."""
    func = node.func
    while isinstance(func, (ast.Call, ast.Attribute, ast.Subscript)):
        func = func.func if isinstance(func, ast.Call) else func.value
    return func.id if isinstance(func, ast.Name) else type(func).__name__


def _refuse(message: str, node: ast.AST, math) -> InputError:
    column = getattr(node, "col_offset", None)
    return InputError(message, math.line, None if column is None else column + 1, math.text)


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

    def read(self, node: ast.AST):
        method = getattr(self, f"read_{type(node).__name__}")
        return method(node)

    def read_Constant(self, node):
        if isinstance(node.value, float):
            if node.value != node.value or node.value in (float("inf"), float("-inf")):
                raise _refuse("a number too large for `expr:`", node, self.math)
            return self.sp.Rational(repr(node.value))
        return self.sp.Integer(node.value)

    def read_Name(self, node):
        sp = self.sp
        if node.id in CONSTANT_NAMES and node.id not in self.scope.kinds:
            return {"pi": sp.pi, "E": sp.E, "oo": sp.oo}[node.id]
        return self.scope.symbol(node.id)

    def read_UnaryOp(self, node):
        value = self.read(node.operand)
        return -value if isinstance(node.op, ast.USub) else value

    def read_BinOp(self, node):
        from derive_ce.magnitude import power
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
        raise _refuse("a tuple can only be the limits of Sum/Product or a Derivative's "
                      "variable", node, self.math)

    def read_Call(self, node):
        name = node.func.id
        if name in ("Sum", "Product"):
            return self._big(name, node.args, node)
        args = [self.read(a) for a in node.args]
        if name in ("Derivative", "diff"):
            if len(args) != 2:
                raise _refuse(f"{name} takes (expression, variable)", node, self.math)
            return self.sp.Derivative(args[0], args[1])
        return self._function(name, args, node)

    def _function(self, name, args, node):
        sp = self.sp
        table = {"ln": sp.log, "abs": sp.Abs, "Abs": sp.Abs, "Rational": sp.Rational}
        func = table.get(name) or getattr(sp, name)
        from derive_ce.magnitude import factorial
        try:
            if name == "factorial" and len(args) == 1:
                return factorial(args[0])
            return func(*args)
        except (TypeError, ValueError) as exc:
            raise _refuse(f"{name}: {exc}", node, self.math) from None
        except InputError as exc:
            raise _refuse(exc.message, node, self.math) from None

    def _big(self, name, args, node):
        from derive_ce.sums import make_product, make_sum
        if len(args) != 2 or not isinstance(args[1], ast.Tuple) or len(args[1].elts) != 3:
            raise _refuse(f"{name} takes (body, (index, low, high))", node, self.math)
        var, lo, hi = (self.read(e) for e in args[1].elts)
        if not isinstance(var, self.sp.Symbol):
            raise _refuse(f"the index of {name} must be a name", node, self.math)
        body = self.read(args[0])
        return (make_sum if name == "Sum" else make_product)(body, var, lo, hi)
