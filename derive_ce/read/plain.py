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
        raise refuse(f"`{type(node).__name__}` is not allowed in `expr:` "
                      "(only numbers, names, + - * / **, calls and subscripts)", node, math)
    if isinstance(node, ast.Constant) and (isinstance(node.value, bool)
                                           or not isinstance(node.value, (int, float))):
        raise refuse("only numbers are allowed as constants in `expr:`", node, math)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute):
            raise refuse(f"attribute access (`.{node.func.attr}`) is not allowed in `expr:`",
                          node.func, math)
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTION_NAMES:
            raise refuse(f"unknown function `{_called(node)}` in `expr:`; allowed: "
                          + ", ".join(FUNCTION_NAMES), node, math)
        if node.keywords:
            raise refuse("keyword arguments are not allowed in `expr:`", node, math)
    if isinstance(node, ast.Name) and ("__" in node.id or node.id.startswith("_")):
        raise refuse(f"the name `{node.id}` is not allowed", node, math)
    if isinstance(node, ast.Subscript) and not isinstance(node.value, ast.Name):
        raise refuse("only a vector or matrix name may be subscripted", node, math)


def _called(node: ast.Call) -> str:
    """The name at the root of what is called: `getattr` in getattr(x, 'a')()."""
    func = node.func
    while isinstance(func, (ast.Call, ast.Attribute, ast.Subscript)):
        func = func.func if isinstance(func, ast.Call) else func.value
    return func.id if isinstance(func, ast.Name) else type(func).__name__


def refuse(message: str, node: ast.AST, math) -> InputError:
    column = getattr(node, "col_offset", None)
    return InputError(message, math.line, None if column is None else column + 1, math.text)
