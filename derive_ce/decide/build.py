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
from contextlib import contextmanager
from typing import TYPE_CHECKING

import lark
import sympy as sp

from derive_ce.decide.magnitude import factorial, power
from derive_ce.decide.scope import SymScope
from derive_ce.decide.sums import bound_variable, make_product, make_sum
from derive_ce.errors import InputError
from derive_ce.read import names
from derive_ce.read.latex.parser import parse

if TYPE_CHECKING:
    from derive_ce.read.model import Math

FUNCTIONS = {
    "ln": sp.log, "log": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos,
    "tan": sp.tan, "cot": sp.cot, "sec": sp.sec, "csc": sp.csc, "sinh": sp.sinh,
    "cosh": sp.cosh, "tanh": sp.tanh, "coth": sp.coth, "sech": sp.sech, "csch": sp.csch,
    "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan, "arsinh": sp.asinh,
    "arcsinh": sp.asinh, "arcosh": sp.acosh, "arccosh": sp.acosh, "artanh": sp.atanh,
    "arctanh": sp.atanh, "max": sp.Max, "min": sp.Min, "sgn": sp.sign, "sign": sp.sign,
}
INVERSES = {"sin": sp.asin, "cos": sp.acos, "tan": sp.atan, "sinh": sp.asinh,
            "cosh": sp.acosh, "tanh": sp.atanh}
SEVERAL_ARGUMENTS = ("max", "min")
# Names that conventionally denote functions: before a bracket they are
# refused unless declared (`f: function`) or defined (`f(x): ...`).
FUNCTION_LETTERS = {"f", "g", "h", "F", "G", "H", "sigma", "phi", "varphi", "psi",
                    "Phi", "ell"}
_ORDER = re.compile(r"\^\s*\{?\s*([0-9])")
_BRACKETED = ("group", "tuple", "abs", "floor", "ceil")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_RELATIONS = {"EQ": sp.Eq, "NEQ": sp.Ne, "LT": sp.Lt, "GT": sp.Gt, "LE": sp.Le, "GE": sp.Ge}


def read_expression(math: Math, scope: SymScope, local: dict | None = None) -> sp.Expr:
    """One expression (a `latex` or `expr` Math) as SymPy; `local` names
    symbols of its own (a family's parameters)."""
    if math.syntax == "expr":
        from derive_ce.decide.build_plain import read_plain
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
        self.local: dict[str, sp.Dummy] = {}     # a sum's index letter -> its Dummy
        self.bound_names: set[str] = set()       # undeclared letters used as a sum's index
        self.labels: dict[sp.Symbol, tuple[str, list, object]] = {}   # `x_1` -> (x, [1], node)

    # -- plumbing ---------------------------------------------------------
    def fail(self, message: str, node=None) -> InputError:
        column = _column(node)
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
        if not _starts_with_derivative(right):
            self._check_operator_scope(left, right_value, op, node)
        self._check_sum_index(left, right_value, op)

    def _check_sum_index(self, left, right_value, op) -> None:
        """`\\sum_i a_i + b_i`: the sum ends at `+`, so the i after it is free.
        When that letter is the sum's own index, the line means the sum to go
        on: refused, with both readings."""
        total = _trailing(left, "bigop")
        if total is None:
            return
        letters = self._bound_letters(total)
        free = {s.name for s in right_value.free_symbols if not isinstance(s, sp.Dummy)}
        free |= {s.name for e in right_value.atoms(sp.Indexed) for s in e.free_symbols
                 if not isinstance(s, sp.Dummy)}
        clash = sorted(letters & free)
        if clash:
            text = self.source(total)
            raise self.fail(f"the {str(total.children[0])} over `{clash[0]}` ends at `{op}`, but "
                            f"`{clash[0]}` is used after it: write the whole body in brackets, "
                            f"`{str(total.children[0])}_{{...}} \\left(...\\right)`, or rename "
                            f"the index if `{text}` is meant to end there", op)

    def _bound_letters(self, bigop) -> set[str]:
        bounds = next((c for c in bigop.children if _is(c, "bounds")), None)
        if bounds is None:
            return set()
        return {self._name(n) for lower in bounds.children if lower.data != "upper"
                for n in lower.children if _is(n, "name", "styled")}

    def rule_mul(self, node, left, _op, right):
        value = self.build(right)
        self._check_operator_scope(left, value, _op, node)
        return self.build(left) * value

    def rule_div(self, node, left, op, right):
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

    def rule_infinity(self, node, _token):
        return sp.oo

    def rule_partial(self, node, token):
        raise self.fail("`\\partial` outside a derivative: write `\\frac{\\partial f}{\\partial x}`, "
                        "`\\frac{\\partial}{\\partial x} f` or `\\partial_x f`", token)

    def rule_factorial(self, node, operand, bang):
        if _is(operand, "factorial"):
            raise self.fail("`n!!` could be the double factorial or (n!)!: write the product, "
                            "or `(n!)!`", bang)
        return factorial(self.build(operand))

    def rule_pow(self, node, base, sup):
        label = self.source(sup).strip("{} ")
        if re.fullmatch(r"\(\s*[A-Za-z]\s*\)|\[.*\]", label):
            raise self.fail(f"`^{{{label}}}` reads as a label (a sample or a layer), not a power: "
                            "labels in superscripts are not read; write a subscript, as in "
                            "`x_i`", sup)
        if label == "T" and not self.scope.declared("T"):
            raise self.fail("`^T` reads as a transpose, and transposes (matrices as objects) are "
                            "not read: write elements such as `W_{i,j}`, or declare `T` to use "
                            "it as a power", sup)
        exponent, trailing = self._sup(sup)
        base_expr = self.build(base)
        if base_expr is sp.E:
            if any(s.name == "i" for s in exponent.free_symbols) and not self.scope.declared("i"):
                raise self.fail("`i` in an exponent of e reads as the imaginary unit, and complex "
                                "numbers are not read: here `i` would be a real symbol", sup)
            return sp.exp(exponent) * trailing
        if exponent.is_Rational and not exponent.is_Integer and exponent.q % 2 == 1 \
                and base_expr.is_real and not base_expr.is_nonnegative:
            return sp.real_root(base_expr, exponent.q) ** exponent.p * trailing  # (-8)^{1/3} = -2
        return power(base_expr, exponent) * trailing

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
        if isinstance(item, lark.Token) and item.type == "FRAC_DIGITS":     # x^\frac12
            digits = re.findall(r"[0-9]", str(item))
            return sp.Rational(int(digits[0]), int(digits[1])), sp.Integer(1)
        if isinstance(item, lark.Token) and item.type == "NUMBER" and len(item) > 1 \
                and item.isdigit():
            return sp.Integer(int(item[0])), sp.Integer(int(item[1:]))
        return self.build(item), sp.Integer(1)

    # -- products: functions, brackets and operators ---------------------
    def rule_implicit(self, node, *items):
        self._check_spelled_names(items)
        factors = []
        index = 0
        while index < len(items):
            value, index = self._take(items, index)
            factors.append(value)
        return sp.Mul(*factors)

    def _check_spelled_names(self, items) -> None:
        """`net_k` with `net` declared: LaTeX reads n·e·t_k; the file means net.
        Refused, with the spelling that names it."""
        letters = [str(i.children[0].children[0]) if _is(i, "symbol") and _is(i.children[0], "name")
                   and i.children[0].children[0].type == "LETTER" else None for i in items]
        for start in range(len(items)):
            for end in range(start + 2, len(items) + 1):
                word = letters[start:end]
                if None in word:
                    break
                if len(items[end - 2].children) != 1:      # only the last letter takes x_k
                    break
                name = "".join(word)
                if self.scope.declared(name):
                    raise self.fail(f"`{name}` is declared, but written as letters it is the "
                                    f"product {'·'.join(word)}: write `\\text{{{name}}}`",
                                    items[start])

    def _take(self, items, index: int) -> tuple[sp.Expr, int]:
        """The factor starting at items[index], and where the next one starts."""
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if _is(item, "func_bare"):
            return self._bare_function(items, index)
        increment = self._increment(item, following)
        if increment is not None:
            return increment, index + 2
        if _is(item, "frac", "over") and _leibniz(item) and _is(following, "group") \
                and _point_like(following):
            return self._evaluated(item, following), index + 2
        if _is(item, "symbol"):
            applied = self._application(item, following)
            if applied is not None:
                return applied, index + 2
        if _is(item, "pow") and _is(item.children[0], "symbol") \
                and self._function_named(item.children[0]) is not None:   # f^2(x) = (f(x))²
            applied = self._application(item.children[0], following)
            exponent, trailing = self._sup(item.children[1])
            return power(applied, exponent) * trailing, index + 2
        return self.build(item), index + 1

    def _evaluated(self, item, group) -> sp.Expr:
        """`\\frac{dy}{dx}(0)`: the derivative at a point, never a product with 0."""
        value = self.build(item)
        if not isinstance(value, sp.Derivative) or len(value.variables) != 1:
            raise self.fail("a derivative of several variables is evaluated at one point each: "
                            "write the values", group)
        return sp.Subs(value, value.variables[0], self.build(group))

    def _increment(self, item, following) -> sp.Expr | None:
        """`\\Delta x`, `\\delta w`: one name, the increment (never Δ·x, which
        would cancel in `\\frac{\\Delta y}{\\Delta x}`)."""
        if not (_is(item, "symbol") and len(item.children) == 1 and _is(following, "symbol")):
            return None
        token = item.children[0].children[0]
        mark = {"\\Delta": "Δ", "\\delta": "δ"}.get(str(token))
        if mark is None or self.scope.declared(names.token_name(token)):
            return None
        if any(isinstance(c, lark.Token) for c in following.children[1:]):
            return None                                   # a prime
        name = mark + self._name(following.children[0])
        subscript = next((c for c in following.children if _is(c, "subscript")), None)
        if subscript is None:
            return self.named(name)
        indices, trailing = self._indices(name, subscript)
        return self.scope.element(name, indices) * trailing

    def _bare_function(self, items, index: int) -> tuple[sp.Expr, int]:
        """`\\cos 2\\theta`, `\\ln xy`: the argument runs to the next function,
        sum or derivative; `\\ln \\ln x` and `\\ln \\sum_j` take that one factor."""
        head = items[index]
        if index + 1 >= len(items):
            raise self.fail(f"`{self.source(head)}` needs an argument", head)
        if self._stops(items[index + 1]):
            argument, end = self._take(items, index + 1)
            return self._apply_builtin(head, [argument]), end
        end = index + 1
        while end < len(items) and not self._stops(items[end]):
            end += 1
        segment = items[index + 1:end]
        for later in segment[1:]:
            if _bracket_like(later):
                text = self.source(head)
                inside = " ".join(self.source(s) for s in segment)
                raise self.fail(f"`{text} {inside}` can be read two ways: write "
                                f"`{text}\\left({inside}\\right)` or put the argument of "
                                f"`{text}` in brackets, as in `{text}({self.source(segment[0])})`",
                                later)
        argument = sp.Mul(*(self.build(s) for s in segment))
        return self._apply_builtin(head, [argument]), end

    def _stops(self, item) -> bool:
        """Items that end a bare function's argument."""
        if _is(item, "func_bare", "func_app", "bigop", "dapply"):
            return True
        return _is(item, "symbol") and self._function_named(item) is not None

    def _function_named(self, symbol) -> sp.FunctionClass | None:
        name_node = symbol.children[0]
        if len([c for c in symbol.children if _is(c, "subscript")]):
            return None
        return self.scope.function(self._name(name_node))

    def _application(self, symbol, following) -> sp.Expr | None:
        """`f(x)`, `\\sigma(x)^2`, `f'(x)`; None when the symbol is a factor."""
        func = self._function_named(symbol)
        primes = _primes(symbol)
        if func is None:
            self._check_doubtful(symbol, following, primes)
            return None
        label = self.source(symbol)
        inner, wrap = _argument_of(following)
        if inner is None:
            raise self.fail(f"the function `{label}` needs its argument in brackets, "
                            f"as in `{label}(x)`", symbol)
        args = self._arguments(inner)
        self._check_arity(symbol, func, len(args))
        value = _derivative_at(func, args, primes, self, symbol) if primes else func(*args)
        return wrap(self, value)

    def _arguments(self, inner) -> list[sp.Expr]:
        if _is(inner, "tuple"):
            return [self.build(c) for c in inner.children if isinstance(c, lark.Tree)]
        return [self.build(inner)]

    def _check_arity(self, symbol, func, count: int) -> None:
        expected = self.scope.arity(str(func))
        if expected is not None and expected != count:
            raise self.fail(f"`{str(func)}` is defined with {expected} argument"
                            f"{'s' if expected != 1 else ''}, not {count}", symbol)

    def _check_doubtful(self, symbol, following, primes: int) -> None:
        """A name before a bracket that may be a function is refused, not guessed:
        a bracket around one name or a list (`p(x)`, `g(a, b)`), or any bracket
        after an undeclared function letter or word (`f(x + 1)`, `\\mathrm{ReLU}(z)`).
        A bracket that holds the name itself (`h(1 - h)`) is plainly a product."""
        name = self._name(symbol.children[0])
        label = self.source(symbol.children[0]) + "".join(
            self.source(c) for c in symbol.children if _is(c, "subscript"))
        if primes:
            raise self.fail(f"`{self.source(symbol)}`: a prime marks the derivative of a function; "
                            f"declare `{label}: function` or define `{label}(x): ...`", symbol)
        inner, _ = _argument_of(following)
        if inner is None or self._mentions(inner, name):
            return
        plain = not any(_is(c, "subscript") for c in symbol.children) \
            and not self.scope.declared(name)
        shaped = _is(inner, "tuple") or _single_name(inner)
        if not (shaped or (plain and (name in FUNCTION_LETTERS or _is_word(name)))):
            return
        kind = self.scope.kind(name)
        what = ("is defined as a value" if name in {s.name for s in self.scope.names}
                else f"is declared as a {kind}" if self.scope.declared(name) else "is not declared")
        shown = f"{self.source(symbol)}{self.source(following)}"
        advice = (f"to apply it, declare `{label}: function` or define `{label}(x): ...`; "
                  if label == self.source(symbol.children[0]) else "")
        raise self.fail(f"is `{label}` a function here? `{label}` {what}, and `{shown}` is refused "
                        f"rather than guessed: {advice}for a product write "
                        f"`{label} \\cdot {self.source(following)}`", symbol)

    def _mentions(self, inner, name: str) -> bool:
        try:
            value = self.build(inner)
        except InputError:
            return False
        names_used = {str(s) for s in value.free_symbols}
        names_used |= {str(e.base) for e in value.atoms(sp.Indexed)}
        return name in names_used

    def _apply_builtin(self, head, args: list[sp.Expr]) -> sp.Expr:
        token = head.children[0]
        name = _function_name(str(token))
        mods = [c for c in head.children[1:] if _is(c, "fpow", "fbase")]
        if len(args) > 1 and name not in SEVERAL_ARGUMENTS:
            raise self.fail(f"`\\{name}` takes one argument", head)
        base = next((m for m in mods if _is(m, "fbase")), None)
        if base is not None:
            if name != "log":
                raise self.fail(f"`\\{name}` has no subscript", base)
            value = sp.log(args[0], self._sup(base.children[0])[0])
        else:
            value = FUNCTIONS[name](*args)
        for mod in (m for m in mods if _is(m, "fpow")):
            exponent, trailing = self._sup(mod.children[0])
            if exponent == -1 and name in INVERSES:
                value = INVERSES[name](*args) * trailing
            else:
                value = power(value, exponent) * trailing
        return value

    def rule_func_app(self, node, token, *rest):
        inner = rest[-1]
        return self._apply_builtin(node, self._arguments(inner))

    def rule_func_prime(self, node, token, primes, group):
        """`\\sin'(x)`: the derivative of a built-in function, at the argument."""
        name = _function_name(str(token))
        if name in SEVERAL_ARGUMENTS:
            raise self.fail(f"`\\{name}'` is not read", node)
        t = sp.Dummy("t", real=True)
        return sp.Subs(sp.Derivative(FUNCTIONS[name](t), (t, len(primes))), t, self.build(group))

    def rule_choose(self, node, top, _choose, bottom):
        return sp.binomial(self.build(top), self.build(bottom))

    def rule_func_bare(self, node, token, *rest):
        raise self.fail(f"`{token}` needs an argument", node)

    def rule_tuple(self, node, *children):
        raise self.fail("a list `(a, b)` can only hold the arguments of a function, as in "
                        "`f(a, b)` or `\\max(0, x)`", node)

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
        subscript = next((r for r in rest if _is(r, "subscript")), None)
        inner_sub = _inner_subscript(name)
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
        single = _unwrap(items[0]) if len(items) == 1 else None
        if _is(single, "func_bare") and len(single.children) == 1 \
                or _is(single, "symbol") and _text_name(single):
            label = _function_name(str(_first_token(single)))          # x_{\text{max}}
            return [sp.Symbol(label, real=True)], sp.Integer(1)
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
        parts = _simple_parts(item)
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
    def rule_dapply(self, node, op, operand):
        """`\\frac{d}{dx} 3x^2` is d/dx (3x²): the operator takes the rest of the product."""
        variables = self._operator_variables(op)
        self._check_bracket_first(operand, variables, op)
        value = self.build(operand)
        if "partial" not in str(op.children[0]) and op.data == "dop_frac":
            self._check_total(value, variables, op)
        return sp.Derivative(value, *variables)

    def _check_total(self, value: sp.Expr, variables, node) -> None:
        """`\\frac{dy}{dx}` with y undeclared: y is a constant, so the derivative
        is 0, which no reader means.  Refused with how to say that y depends on x."""
        if self._depends(value, variables):
            return
        loose = sorted(str(s) for s in self.scope.expand(value).free_symbols
                       if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)
                       and not self.scope.declared(str(s)))
        if loose:
            var = sp.sstr(variables[0][0])
            raise self.fail(f"`{loose[0]}` does not depend on `{var}` as written (it is not "
                            f"declared), so this total derivative would be 0: define "
                            f"`{loose[0]}: ...` in terms of `{var}`, or declare `{loose[0]}: "
                            f"function` and write `{loose[0]}({var})`", node)

    def _operator_variables(self, op) -> list[tuple[sp.Expr, int]]:
        if op.data == "dop_sub":
            target = op.children[1].children[0]
            if isinstance(target, lark.Token):
                target = lark.Tree("symbol", [lark.Tree("name", [target])])
            return [(self._variable(target), 1)]
        order = _ORDER.search(str(op.children[0]))
        variables = [self._dvar(c) for c in op.children if _is(c, "dvar")]
        total = sum(k for _, k in variables)
        wanted = int(order.group(1)) if order else 1
        if total != wanted:
            raise self.fail(f"the derivative `{self.source(op)}` has order {wanted} above and "
                            f"{total} below", op)
        return variables

    def _dvar(self, dvar) -> tuple[sp.Expr, int]:
        var = self._variable(dvar.children[0])
        if len(dvar.children) == 1:
            return var, 1
        order, trailing = self._sup(dvar.children[1])
        if not (order.is_Integer and order > 0) or trailing != 1:
            raise self.fail("the order of a derivative is a small whole number", dvar)
        return var, int(order)

    def _check_bracket_first(self, operand, variables, op) -> None:
        """`\\frac{d}{dx}(x^2) e^x`: the bracket alone, or all of it?  Refused
        when the readings differ."""
        items = operand.children if _is(operand, "implicit") else []
        if len(items) < 2 or not _bracket_like(items[0]):
            return
        rest = sp.Mul(*(self.build(i) for i in items[1:]))
        if self._depends(rest, variables):
            first, others = self.source(items[0]), " ".join(self.source(i) for i in items[1:])
            raise self.fail(
                f"`{self.source(op)} {first} {others}` can be read two ways: the derivative of "
                f"`{first}` times `{others}`, or the derivative of the whole product; write "
                f"`\\left({self.source(op)} {first}\\right) {others}` or "
                f"`{self.source(op)} \\left({first} {others}\\right)`", op)

    def _check_operator_scope(self, left, right_value, op, node) -> None:
        """`\\frac{d}{dx} x \\cdot e^x`: d/dx(x·eˣ) or (dx/dx)·eˣ?  Likewise
        `\\frac{d}{dx} x^3 + x`.  Refused when the readings differ; a bracket
        after the operator (`\\frac{d}{dx}(u) \\cdot v`) is the convention and reads as
        the derivative of the bracket."""
        applied = _trailing_operator(left)
        if applied is None:
            return
        dop, operand = applied.children
        if _bracket_like(operand):
            return
        variables = self._operator_variables(dop)
        if self._depends(right_value, variables):
            text, inner = self.source(dop), self.source(operand)
            rest = self.source(node)[len(self.source(left)):].strip()
            raise self.fail(
                f"`{text} {inner} {rest}` can be read two ways: `{text}` applied to `{inner}` "
                f"alone, or to all of `{inner} {rest}`; write `{text}\\left({inner}\\right) {rest}` "
                f"or put everything it applies to in brackets", dop)

    def _depends(self, value: sp.Expr, variables) -> bool:
        value = self.scope.expand(value)
        for var, _ in variables:
            if isinstance(var, sp.Indexed):
                if any(e.base == var.base for e in value.atoms(sp.Indexed)):
                    return True
            elif var in value.free_symbols:
                return True
        return False

    def _quotient_derivative(self, num, den):
        """`\\frac{d f}{d x}`, `\\frac{d^2 y}{dx^2}`, `\\frac{\\partial^2 f}{\\partial x \\partial y}`."""
        den_items, num_items = _items(den), _items(num)
        num_order = self._differential(num_items[0])
        if num_order is None:
            return None
        if len(den_items) < 2 or self._differential(den_items[0]) is None:
            if len(num_items) == 1:
                raise self.fail(f"`\\frac{{{self.source(num)}}}{{{self.source(den)}}}` looks like a "
                                "derivative but its variable cannot be read: write "
                                "`\\frac{d}{dx}` or `\\frac{\\partial}{\\partial x}`", den)
            return None
        if len(num_items) < 2:
            raise self.fail(f"`\\frac{{{self.source(num)}}}{{{self.source(den)}}}` has no "
                            "function to differentiate", num)
        variables = self._denominator(den_items, den)
        total = sum(k for _, k in variables)
        if total != num_order:
            raise self.fail(f"the derivative has order {num_order} above and {total} below", den)
        function = self._differentiated(num_items[1:], variables, num)
        if not _is(num_items[0], "partial") and not (
                _is(num_items[0], "pow") and _is(num_items[0].children[0], "partial")):
            self._check_total(function, variables, num)
        return sp.Derivative(function, *variables)

    def _differentiated(self, items, variables, num) -> sp.Expr:
        """The numerator after `d`: `\\frac{df}{dx}` with f a function of one
        argument is f(x)."""
        if len(items) == 1 and _is(items[0], "symbol") and len(items[0].children) == 1:
            func = self._function_named(items[0])
            if func is not None and len(variables) == 1 and self.scope.arity(str(func)) in (1, None):
                return func(variables[0][0])
        return self.rule_implicit(num, *items)

    def _denominator(self, items, den) -> list[tuple[sp.Expr, int]]:
        variables = []
        for position in range(0, len(items), 2):
            if self._differential(items[position]) != 1 or position + 1 >= len(items):
                raise self.fail("write the variables of a derivative as `dx` or "
                                "`\\partial x \\partial y`", den)
            target = items[position + 1]
            order = 1
            if _is(target, "pow"):
                order_value, trailing = self._sup(target.children[1])
                if not order_value.is_Integer or trailing != 1:
                    raise self.fail("the order of a derivative is a small whole number", target)
                target, order = target.children[0], int(order_value)
            variables.append((self._variable(target), order))
        return variables

    def _differential(self, node) -> int | None:
        """1 for `d` or `\\partial`, n for `d^n`; None for anything else."""
        if _is(node, "pow"):
            inner = self._differential(node.children[0])
            if inner != 1:
                return None
            order, trailing = self._sup(node.children[1])
            return int(order) if order.is_Integer and order > 0 and trailing == 1 else None
        if _is(node, "partial"):
            return 1
        if _is(node, "symbol") and len(node.children) == 1 and _is(node.children[0], "name"):
            token = node.children[0].children[0]
            return 1 if names.token_name(token) == "d" and not self.scope.declared("d") else None
        return None

    def _variable(self, node) -> sp.Expr:
        if not _is(node, "symbol"):
            raise self.fail(f"a derivative is taken with respect to a variable, not "
                            f"`{self.source(node)}`", node)
        var = self.build(node)
        if isinstance(var, sp.Symbol) and var in self.scope.ranges:
            raise self.fail(f"`{var}` is an index (an integer): a derivative is taken with "
                            f"respect to a real symbol or an element such as `L_{var}`", node)
        if isinstance(var, sp.Indexed) and self.scope.is_defined(var):
            raise self.fail(f"`{self.source(node)}` is an element of a defined family, so it is "
                            "not a variable to differentiate by: define the other quantities in "
                            "terms of a plain name", node)
        if not isinstance(var, (sp.Symbol, sp.Indexed)):
            raise self.fail("a derivative is taken with respect to a symbol or an "
                            "element such as `L_i`", node)
        return var

    # -- sums and products -------------------------------------------------
    def rule_bigop(self, node, token, *rest):
        body_node = rest[-1]
        bounds = rest[0] if len(rest) == 2 else None
        if bounds is None:
            limits = [self._range_of(self._index_of_body(body_node, token), None, None, token)]
        else:
            limits = self._limits(bounds, token)
        return self._summed(str(token), limits, body_node, token)

    def _index_of_body(self, body, token) -> str:
        """`\\sum e^{x_k}`: with no index written, the one declared index that
        the body uses as a subscript, if there is exactly one."""
        used = {self._name(c) for sub in body.find_data("subscript")
                for c in sub.find_data("name")}
        used |= {names.token_name(t) for sub in body.find_data("subscript")
                 for t in sub.children if isinstance(t, lark.Token) and t.type != "NUMBER"}
        indices = sorted(n for n in used if self.scope.bounds_of(n) is not None)
        if len(indices) != 1:
            raise self.fail(f"`{token}` needs its index, as in `{token}_{{j=1}}^{{n}}` or "
                            f"`{token}_j`" + (f" (the body uses {', '.join(indices)})"
                                              if indices else ""), token)
        return indices[0]

    def _summed(self, kind: str, limits: list, body_node, token) -> sp.Expr:
        """Nested sums for `\\sum_{i,j}`; the innermost limit is last."""
        if not limits:
            return self.build(body_node)
        (name, lo, hi, excluded), others = limits[0], limits[1:]
        var = bound_variable(name, lo, hi)
        if not self.scope.declared(name):
            self.bound_names.add(name)
        with self._binding(name, var):
            body = self._summed(kind, others, body_node, token)
        if kind == "\\prod":
            self._check_product_body(body_node, var, name)
            if excluded is not None:
                raise self.fail("`\\prod_{j \\neq i}` is not read; write the product's bounds",
                                token)
            return make_product(body, var, lo, hi)
        total = make_sum(body, var, lo, hi)
        if excluded is not None:
            inside = sp.And(sp.Ge(excluded, lo), sp.Le(excluded, hi))
            total -= body.xreplace({var: excluded}) * sp.Piecewise((1, inside), (0, True))
        return total

    @contextmanager
    def _binding(self, name: str, var: sp.Dummy):
        """Inside a sum's body, its index letter names the sum's own variable."""
        saved = self.local.get(name)
        self.local[name] = var
        try:
            yield
        finally:
            if saved is None:
                del self.local[name]
            else:
                self.local[name] = saved

    def _check_product_body(self, body_node, var, name: str) -> None:
        """`\\prod_i x_i \\cdot 2`: is the 2 inside (2ⁿ) or after (2)?  Refused when a
        factor after `\\cdot` or `/` does not use the index."""
        if not _is(body_node, "mul", "div"):
            return
        with self._binding(name, var):
            right = self.build(body_node.children[-1])
        if var not in right.free_symbols:
            raise self.fail(f"`{self.source(body_node.children[-1])}` after "
                            f"`{self.source(body_node.children[1])}` could be inside the product "
                            f"(once per factor) or after it (once): put the product's body in "
                            f"brackets, or move `{self.source(body_node.children[-1])}` before "
                            "`\\prod`", body_node.children[1])

    def _limits(self, bounds, token) -> list[tuple[str, sp.Expr, sp.Expr, sp.Expr | None]]:
        lower = next((c for c in bounds.children if c.data != "upper"), None)
        upper = next((c for c in bounds.children if c.data == "upper"), None)
        if lower is None:
            raise self.fail(f"`{token}` needs its index, as in `{token}_{{j=1}}^{{n}}`", token)
        hi = self._sup(upper.children[0])[0] if upper is not None else None
        if lower.data == "lower_names":
            named = [self._name(c) for c in lower.children]
            if len(named) > 1 and hi is not None:
                raise self.fail(f"`{token}` over several indices takes its bounds from "
                                "their declared ranges", token)
            return [self._range_of(n, None, hi, token) for n in named]
        if lower.data == "lower_between":
            return [self._between(lower, token)]
        name = self._name(lower.children[0])
        if lower.data == "lower_rel":
            return [self._relation_bounds(name, lower.children[1], lower.children[2], token)]
        limit = self._range_of(name, self.build(lower.children[2]), hi, token)
        for cond in (c for c in lower.children if _is(c, "bcond")):
            limit = self._cut(limit, cond, token)
        return [limit]

    def _between(self, lower, token):
        """`\\sum_{1 \\le k \\le n}`."""
        low, op1, name_node, op2, high = lower.children
        kinds = (op1.children[0].type, op2.children[0].type)
        if not set(kinds) <= {"LE", "LT"}:
            raise self.fail(f"write the bounds of `{token}` as `a \\le k \\le b`", lower)
        lo = self.build(low) + (1 if kinds[0] == "LT" else 0)
        hi = self.build(high) - (1 if kinds[1] == "LT" else 0)
        return self._name(name_node), lo, hi, None

    def _cut(self, limit, cond, token):
        """`\\sum_{j=1, j \\neq i}^{n}`: a condition after the lower bound leaves
        one index out or stops the range."""
        name, lo, hi, excluded = limit
        if self._name(cond.children[0]) != name:
            raise self.fail(f"a condition in the bounds of `{token}` is on its index `{name}`",
                            cond)
        _, low, high, skip = self._relation_bounds(name, cond.children[1], cond.children[2],
                                                   token, (lo, hi))
        if skip is not None and excluded is not None:
            raise self.fail(f"`{token}` leaves out one index at most", cond)
        return name, low, high, skip if skip is not None else excluded

    def _relation_bounds(self, name: str, relop, other_node, token, within=None):
        """`\\sum_{k \\le j}`, `\\sum_{j \\neq i}`: the declared range (or `within`), cut."""
        op = relop.children[0].type
        other = self.build(other_node)
        lo, hi = within or self._declared_range(name, token)
        if op == "NEQ":
            return name, lo, hi, other
        cut = {"LE": ("hi", other), "LT": ("hi", other - 1),
               "GE": ("lo", other), "GT": ("lo", other + 1)}.get(op)
        if cut is None:
            raise self.fail(f"`{token}` cannot take the bound `{self.source(relop)}`", relop)
        return (name, cut[1], hi, None) if cut[0] == "lo" else (name, lo, cut[1], None)

    def _range_of(self, name: str, lo, hi, token):
        if lo is None and hi is not None and self.scope.bounds_of(name) is None:
            lo = sp.Integer(1)                  # `\\sum_j^C`: j from 1 to C
        if lo is None or hi is None:
            declared = self._declared_range(name, token, lo is not None)
            lo = declared[0] if lo is None else lo
            hi = declared[1] if hi is None else hi
        return name, lo, hi, None

    def _declared_range(self, name: str, token, has_lower: bool = False):
        declared = self.scope.bounds_of(name)
        if declared is None:
            raise self.fail(f"the {token} over `{name}` has no {'upper ' if has_lower else ''}"
                            f"bound and `{name}` has no declared range", token)
        return declared

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
        rows = [self._case_row(c) for c in children if _is(c, "crow")]
        return sp.Piecewise(*rows)

    def _case_row(self, row) -> tuple[sp.Expr, sp.Basic]:
        trees = [c for c in row.children if isinstance(c, lark.Tree)]
        value, cond = self.build(trees[0]), trees[-1]
        if cond.data == "cond_else":
            return value, sp.true
        parts = cond.children
        conditions = []
        for i in range(1, len(parts), 2):
            left, right = self.build(parts[i - 1]), self.build(parts[i + 1])
            conditions.append(_RELATIONS[parts[i].children[0].type](left, right))
        return value, sp.And(*conditions)


# -- helpers on trees ------------------------------------------------------

def _is(node, *kinds: str) -> bool:
    return isinstance(node, lark.Tree) and node.data in kinds


def _first_token(node) -> lark.Token:
    return next(node.scan_values(lambda v: isinstance(v, lark.Token)))


def _text_name(symbol) -> bool:
    return len(symbol.children) == 1 and _is(symbol.children[0], "name") \
        and symbol.children[0].children[0].type == "TEXTNAME"


def _unwrap(node):
    """A product of one factor is that factor."""
    while _is(node, "implicit") and len(node.children) == 1:
        node = node.children[0]
    return node


def _bracket_like(node) -> bool:
    """A bracket the reader sees: `(x)`, `[x]`, `|x|`, not TeX's invisible `{x}`."""
    node = _unwrap(node)
    if _is(node, "pow", "factorial"):
        return _bracket_like(node.children[0])
    if _is(node, "group"):
        return any(isinstance(c, lark.Token) for c in node.children)
    return _is(node, *_BRACKETED)


def _argument_of(following):
    """The bracket a function takes, and how to wrap the application:
    `f (x)`, `f (x)^2`, `f (x)!`."""
    if _is(following, "group", "tuple"):
        return following, lambda builder, value: value
    if _is(following, "pow") and _is(following.children[0], "group", "tuple"):
        sup = following.children[1]

        def raised(builder, value):
            exponent, trailing = builder._sup(sup)
            return power(value, exponent) * trailing
        return following.children[0], raised
    if _is(following, "factorial") and _is(following.children[0], "group", "tuple"):
        return following.children[0], lambda builder, value: factorial(value)
    return None, None


def _point_like(group) -> bool:
    """`(0)`, `(a)`, `(x_0)`: a bracket around one number or name."""
    inner = [_unwrap(c) for c in group.children if isinstance(c, lark.Tree)]
    return len(inner) == 1 and _is(inner[0], "symbol", "number")


def _single_name(group) -> bool:
    """`(x)`, `(\\theta)`, `(x_i)`: a bracket around one name, as in `p(x)`."""
    inner = [_unwrap(c) for c in group.children if isinstance(c, lark.Tree)]
    return len(inner) == 1 and _is(inner[0], "symbol")


def _is_word(name: str) -> bool:
    return len(name) > 1 and name not in names.GREEK and name.isascii()


def _primes(symbol) -> int:
    return sum(len(c) for c in symbol.children if isinstance(c, lark.Token) and c.type == "PRIME")


def _derivative_at(func, args, primes: int, builder, symbol) -> sp.Expr:
    if len(args) != 1:
        raise builder.fail("a prime marks the derivative of a function of one argument", symbol)
    t = sp.Dummy("t", real=True)
    return sp.Subs(sp.Derivative(func(t), (t, primes)), t, args[0])


def _starts_with_derivative(node) -> bool:
    node = _unwrap(node)
    while _is(node, "implicit", "neg", "pos", "mul", "div"):
        node = _unwrap(node.children[0] if not _is(node, "neg", "pos") else node.children[-1])
    return _is(node, "dapply") or (_is(node, "frac", "over") and _leibniz(node))


def _leibniz(frac) -> bool:
    """`\\frac{d f}{d x}`, `{df \\over dx}`: a numerator that starts with a differential."""
    trees = [c for c in frac.children if isinstance(c, lark.Tree)]
    first = _items(trees[0])[0] if len(trees) == 2 else None
    if _is(first, "pow"):
        first = first.children[0]
    return _is(first, "partial") or (_is(first, "symbol") and len(first.children) == 1
                                     and str(first.children[0].children[0]) == "d")


def _trailing_operator(node):
    """The derivative application at the right end of node, if any."""
    return _trailing(node, "dapply")


def _trailing(node, kind: str, through=("implicit", "neg", "pos", "mul", "div", "add", "sub")):
    """The `kind` node (a derivative, a sum) at the right end of node, if any:
    what a following operator meets first."""
    while isinstance(node, lark.Tree):
        if node.data == kind:
            return node
        if node.data not in through:
            return None
        node = node.children[-1]
    return None


def _simple_parts(item) -> list | None:
    """`ji`, `i\\gamma`, `12`: single letters and digits written side by side."""
    item = _unwrap(item)
    if _is(item, "number") or (isinstance(item, lark.Token) and item.type == "NUMBER"):
        token = item.children[0] if _is(item, "number") else item
        return [lark.Token("NUMBER", d) for d in str(token)] if str(token).isdigit() else None
    if not _is(item, "implicit"):
        return None
    parts = []
    for child in item.children:
        if _is(child, "symbol") and len(child.children) == 1 and _is(child.children[0], "name"):
            parts.append(child)
        elif _is(child, "number") and len(child.children[0]) == 1:
            parts.append(child)
        else:
            return None
    return parts


def _inner_subscript(name_node):
    """`\\hat{y_j}`: the subscript written inside the accent."""
    if _is(name_node, "styled"):
        return next((c for c in name_node.children if _is(c, "subscript")), None)
    return None


def _items(node) -> list:
    if _is(node, "implicit"):
        return list(node.children)
    return [node]


def _function_name(text: str) -> str:
    match = re.search(r"\{\s*([A-Za-z]+)\s*\}", text)
    return match.group(1) if match else text.lstrip("\\")


def _column(node) -> int | None:
    if isinstance(node, lark.Token) and node.start_pos is not None:
        return node.start_pos + 1
    if isinstance(node, lark.Tree) and not node.meta.empty:
        return node.meta.start_pos + 1
    return None
