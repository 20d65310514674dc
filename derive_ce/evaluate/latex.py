"""LaTeX parse trees (read/latex) compiled into plain Python closures.

Each node becomes a function of an Env (runtime.py) that returns a concrete
number.  The reading follows docs/format.md ("How LaTeX is read"), written
here a second time from the parse tree, without SymPy and without the
builders of decide/: a product is folded left to right (a function takes the
bracket after it, a bare `\\cos 2\\theta` the factors up to the next
function, sum or derivative), a derivative operator the rest of the product,
a sum its whole term; sums loop over concrete ranges (an empty range gives
0, an empty product 1); `cases` rows are tried in order.
"""

from __future__ import annotations

import re
from fractions import Fraction

import lark

from derive_ce.evaluate import numbers as num
from derive_ce.evaluate.numbers import Undefined, Unsupported, normal, whole
from derive_ce.evaluate.runtime import concrete, derivative
from derive_ce.read import names
from derive_ce.read.latex.parser import chain_refusal, parse
from derive_ce.read.latex.shape import (
    bare_order,
    function_name,
    inner_subscript,
    is_a,
    items_of,
    leibniz,
    operator_order,
    point_like,
    simple_parts,
    unwrap,
    word_below,
)

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_MISSING = object()
# `\Gamma(x)`, `\zeta(s)` with the letter not declared: the special functions
SPECIAL_FUNCTIONS = {"Gamma": "gamma", "zeta": "zeta"}
RELATIONS = {
    "EQ": lambda c: c == 0, "NEQ": lambda c: c != 0, "LT": lambda c: c < 0,
    "GT": lambda c: c > 0, "LE": lambda c: c <= 0, "GE": lambda c: c >= 0,
}


SQUARE = "square"       # a variable written squared below a first derivative: d/d(σ²)


def _by_square(above: int, variables: list) -> list:
    """Orders that differ above and below: a first derivative by one variable
    written squared (`\\partial \\sigma^2`) is the derivative by σ²; any other
    mismatch is not evaluated."""
    if above == 1 and len(variables) == 1 and variables[0][1] == 2:
        return [(variables[0][0], SQUARE, variables[0][2])]
    raise Unsupported("a derivative whose orders differ above and below")


def _const(value):
    return lambda env: value


def compile_expression(text: str, scope, ints: frozenset, line: int | None = None,
                       bound: tuple = ()):
    """The closure of a one-expression LaTeX text."""
    tree = parse(text, "chain", line)
    exprs = [c for c in tree.children if isinstance(c, lark.Tree)]
    if len(exprs) != 1:
        raise Unsupported("a chain where one expression was expected")
    return Compiler(scope, ints, frozenset(bound)).c(exprs[0])


def compile_relation(text: str, scope, ints: frozenset, line: int | None = None):
    """(left, operator token type, right, left reference, right reference)."""
    tree = parse(text, "relation", line)
    if len(tree.children) != 3:     # a chain the checker did not split into its links
        raise Unsupported(chain_refusal(text))
    left, op, right = tree.children
    compiler = Compiler(scope, ints, frozenset())
    return (compiler.c(left), op.children[0].type, compiler.c(right),
            compiler.reference(left), compiler.reference(right))


# While a sum or product is compiled: (the letters bound around it, the ones of
# them its bounds and body read), innermost last (evaluate/sums.py).
RECORDING: list = []


class Compiler:
    def __init__(self, scope, ints: frozenset, bound: frozenset):
        self.scope = scope
        self.ints = ints
        self.bound = bound

    def inner(self, *letters: str) -> "Compiler":
        return Compiler(self.scope, self.ints, self.bound | set(letters))

    def c(self, node):
        if isinstance(node, lark.Token):
            return self.token(node)
        method = getattr(self, f"r_{node.data}", None)
        if method is None:
            raise Unsupported(f"`{node.data}`")
        return method(node, *node.children)

    def token(self, token):
        if token.type == "NUMBER":
            return _const(normal(Fraction(str(token))))
        if token.type in ("LETTER", "GREEK", "TEXTNAME", "NAMED"):
            return self.named(names.token_name(token))
        raise Unsupported(f"`{token}`")

    # -- names -------------------------------------------------------------
    def named(self, name: str):
        scope = self.scope
        if name in self.bound:
            for outer, used in RECORDING:       # a sum being compiled reads this letter
                if name in outer:
                    used.add(name)
            return lambda env: env.loc[name]
        if name in scope.values:
            return self.value_of(name)
        kind = scope.kind(name)
        if kind == "index":
            key = ("i", name)
            return lambda env: env.inst.index(name, env)
        if not scope.declared(name) and name in ("e", "pi"):
            return lambda env: num.constant(name)
        if kind in ("vector", "matrix", "family", "function"):
            raise Unsupported(f"`{name}` without an index")
        if scope.integer(name) or name in self.ints:
            return lambda env: env.inst.size(name)
        key = ("r", name, ())
        return self.lookup(key)

    @staticmethod
    def lookup(key):
        def value(env):
            found = env.over.get(key, _MISSING)
            return env.inst.real(key) if found is _MISSING else found
        return value

    def value_of(self, name: str):
        key = ("d", name)
        scope = self.scope

        def value(env):
            found = env.over.get(key, _MISSING)
            if found is not _MISSING:
                return found
            found = env.memo.get(key, _MISSING)
            if found is _MISSING:
                body = self.definition(("value", name), scope.values[name], ())
                found = body(env.fresh({}))
                env.memo[key] = found
            return found
        return value

    def definition(self, what, definition, params):
        cache = self.scope.compiled
        key = (what, self.ints)
        if key not in cache:
            cache[key] = None
            cache[key] = _compile_math(definition.body, self.scope, self.ints, params)
        body = cache[key]
        if body is None:
            raise Unsupported("a definition that refers to itself")
        return body

    def reference(self, node):
        """A key function when node is a plain variable (a symbol, an index, a
        size, an element of a vector), else None: what a condition can set."""
        node = unwrap(node)
        if not is_a(node, "symbol") or any(isinstance(c, lark.Token) for c in node.children):
            return None
        name = names.tree_name(node.children[0])
        if len(node.children) == 1 and inner_subscript(node.children[0]) is None:
            scope = self.scope
            if name in self.bound or name in scope.values or (
                    not scope.declared(name) and name in ("e", "pi")):
                return None
            kind = scope.kind(name)
            if kind == "index":
                return _const(("i", name))
            if kind != "scalar":
                return None
            if scope.integer(name) or name in self.ints:
                return _const(("n", name))
            return _const(("r", name, ()))
        try:
            return self.variable(node)
        except Unsupported:
            return None

    def variable(self, node):
        """What a derivative moves: a real symbol, an element, a defined name."""
        if not is_a(node, "symbol"):
            raise Unsupported("a derivative by something that is not a variable")
        name = names.tree_name(node.children[0])
        subscript = next((c for c in node.children[1:] if is_a(c, "subscript")), None)
        subscript = subscript or inner_subscript(node.children[0])
        if subscript is None:
            if name in self.bound:
                raise Unsupported("a derivative by a bound letter")
            if name in self.scope.values:
                return _const(("d", name))
            kind = self.scope.kind(name)
            if kind != "scalar" or self.scope.integer(name) or name in self.ints \
                    or (not self.scope.declared(name) and name in ("e", "pi")):
                raise Unsupported(f"a derivative by `{name}`")
            return _const(("r", name, ()))
        defined = self._defined_label(name, subscript)
        if defined is not None:
            return _const(("d", defined))       # `dL/dz_2`, z_2 defined: as d/du moves u
        if self.scope.kind(name) in ("family", "function") or \
                (name in ("delta", "Delta") and not self.scope.declared(name)):
            raise Unsupported("a derivative by a defined element")
        indices, trailing = self.indices(name, subscript)
        if trailing is not None:
            raise Unsupported("a derivative by a product")

        def key(env):
            return ("r", name, tuple(_index(f(env)) for f in indices))
        return key

    def current(self, keyfn):
        """The value of a variable's key in an environment."""
        def value(env, key):
            found = env.over.get(key, _MISSING)
            if found is not _MISSING:
                return found
            if key[0] == "d":
                return self.value_of(key[1])(env)
            return env.inst.real(key)
        return value

    # -- arithmetic ----------------------------------------------------------
    def r_add(self, node, left, _op, right):
        a, b = self.c(left), self.c(right)
        return lambda env: _added(env, a(env), b(env))

    def r_sub(self, node, left, _op, right):
        a, b = self.c(left), self.c(right)
        return lambda env: _added(env, a(env), -b(env))

    def r_mul(self, node, left, _op, right):
        a, b = self.c(left), self.c(right)
        return lambda env: num.mul(a(env), b(env))

    def r_div(self, node, left, _op, right):
        if _typed_derivative(left, right):
            raise Unsupported("a derivative typed as derive-ce prints it (`d/dx`, `∂/∂x`)")
        a, b = self.c(left), self.c(right)
        return lambda env: num.div(a(env), b(env))

    def r_neg(self, node, _op, operand):
        a = self.c(operand)
        return lambda env: -a(env)

    def r_pos(self, node, _op, operand):
        return self.c(operand)

    def r_number(self, node, token):
        return self.token(token)

    def r_percent(self, node, token, _sign):
        return _const(normal(Fraction(str(token)) / 100))     # `20\%`: hundredths

    def r_infinity(self, node, _token):
        raise Unsupported("∞")

    def r_factorial(self, node, operand, _bang):
        a = self.c(operand)
        return lambda env: num.factorial(a(env))

    def r_group(self, node, *children):
        return self.c([c for c in children if isinstance(c, lark.Tree)][0])

    def r_abs(self, node, _open, inner, _close):
        a = self.c(inner)
        return lambda env: abs(a(env))

    def r_floor(self, node, _open, inner, _close):
        a = self.c(inner)
        return lambda env: num.floor(a(env))

    def r_ceil(self, node, _open, inner, _close):
        a = self.c(inner)
        return lambda env: num.ceil(a(env))

    def r_binom(self, node, _token, top, bottom):
        a, b = self.c(top), self.c(bottom)
        return lambda env: num.binomial(a(env), b(env))

    def r_choose(self, node, top, _choose, bottom):
        return self.r_binom(node, None, top, bottom)

    def r_tuple(self, node, *children):
        raise Unsupported("a list outside a function's arguments")

    def r_partial(self, node, token):
        raise Unsupported("`\\partial` outside a derivative")

    # -- powers and roots ------------------------------------------------------
    def euler(self, node) -> bool:
        node = unwrap(node)
        return is_a(node, "symbol") and len(node.children) == 1 and is_a(node.children[0], "name") \
            and names.tree_name(node.children[0]) == "e" and "e" not in self.bound \
            and (not self.scope.declared("e") or self.scope.kind("e") == "index")
        # An index named e is a whole number, never the base of e^{z}: there,
        # e is Euler's number (where the symbolic path reads the index, the
        # two readings disagree and the step is not proved).

    def sup(self, sup):
        """(exponent, trailing factor or None): `x^23` is x²·3, as in TeX."""
        (item,) = sup.children
        return self.digit_argument(item)

    def digit_argument(self, item):
        if is_a(item, "number"):
            item = item.children[0]
        if isinstance(item, lark.Token) and item.type == "NUMBER" and len(item) > 1 \
                and item.isdigit():
            return _const(int(item[0])), _const(int(item[1:]))
        return self.c(item), None

    def raised(self, base, exponent, trailing, euler=False):
        if euler:
            def value(env):
                return num.apply("exp", exponent(env))
        else:
            def value(env):
                return num.power(base(env), exponent(env))
        return _times(value, trailing)

    def r_pow(self, node, base, sup):
        label = _sample_label(sup)
        if label is not None and is_a(base, "symbol") and len(base.children) == 1:
            return self.sample(base, label)
        if label is not None:
            raise Unsupported("`^{(k)}` after something that is not a name (a label or an order)")
        exponent, trailing = self.sup(sup)
        if self.euler(base):
            return self.raised(None, exponent, trailing, euler=True)
        return self.raised(self.c(base), exponent, trailing)

    def sample(self, base, label):
        """`x^{(i)}`: sample i of x, a label and not a power: element i of x
        when x is declared a vector, else of a vector of its own (`x⁽⁾`)."""
        name = names.tree_name(base.children[0])
        if self.scope.kind(name) != "vector" or name in self.scope.inferred:
            name = f"{name}⁽⁾"
        index = _const(int(label)) if label.isdigit() else self.named(label)
        if self.scope.kind(name) == "family":       # `\hat{y}^{(i)}: w x^{(i)} + b` defined
            return self.family_element(name, [index])
        return self.real_element(name, [index])

    def r_pow_unicode(self, node, base, token):
        exponent = _const(int(str(token).translate(_SUPERSCRIPTS)))
        if self.euler(base):
            return self.raised(None, exponent, None, euler=True)
        return self.raised(self.c(base), exponent, None)

    def r_pow_sub(self, node, base, sup, subscript):
        exponent, trailing = self.sup(sup)
        element = self.element(base.children[0], subscript)
        return self.raised(element, exponent, trailing)

    def r_sqrt(self, node, _sqrt, *args):
        args = [a for a in args if isinstance(a, (lark.Tree, lark.Token))
                and not (isinstance(a, lark.Token) and a.type in ("LBRACK", "RBRACK"))]
        radicand, trailing = self.digit_argument(args[-1])
        if len(args) == 2:
            order = self.c(args[0])
            return _times(lambda env: num.root(radicand(env), order(env)), trailing)
        return _times(lambda env: num.root(radicand(env), 2), trailing)

    # -- fractions and derivatives -------------------------------------------------
    def r_frac(self, node, token, *args):
        if not args:
            digits = re.findall(r"[0-9]", str(token))
            return _const(Fraction(int(digits[0]), int(digits[1])))
        top, bottom = args
        quotient = self.quotient_derivative(top, bottom)
        if quotient is not None:
            return quotient
        a, b = self.c(top), self.c(bottom)
        return lambda env: num.div(a(env), b(env))

    def r_over(self, node, top, _over, bottom):
        return self.r_frac(node, None, top, bottom)

    def differential(self, node) -> int | None:
        if is_a(node, "pow"):
            if self.differential(node.children[0]) != 1:
                return None
            return _whole_power(node.children[1])
        if is_a(node, "partial"):
            return 1
        if is_a(node, "symbol") and len(node.children) == 1 and is_a(node.children[0], "name"):
            token = node.children[0].children[0]
            return 1 if isinstance(token, lark.Token) and names.token_name(token) == "d" \
                and not self.scope.declared("d") else None
        return None

    def quotient_derivative(self, top, bottom):
        top_items, bottom_items = items_of(top), items_of(bottom)
        order = self.differential(top_items[0])
        if order is None:
            return self.symbolic_quotient(top_items, bottom_items)
        if len(bottom_items) < 2 or self.differential(bottom_items[0]) is None:
            if len(top_items) == 1:
                raise Unsupported("a derivative without its variable")
            return None
        if len(top_items) < 2:
            raise Unsupported("a derivative of nothing")
        variables = []
        for position in range(0, len(bottom_items), 2):
            if self.differential(bottom_items[position]) != 1 or position + 1 >= len(bottom_items):
                raise Unsupported("a derivative's variables")
            target, count = bottom_items[position + 1], 1
            if is_a(target, "pow"):
                exponent, trailing = self.sup(target.children[1])
                if trailing is not None:
                    raise Unsupported("a derivative's order")
                target, count = target.children[0], _small(exponent)
            variables.append((self.variable(target), count, _label(target)))
        if sum(k for _, k, _ in variables) != order:
            variables = _by_square(order, variables)
        rest = top_items[1:]
        if len(rest) == 1 and is_a(rest[0], "symbol") and len(rest[0].children) == 1 \
                and len(variables) == 1:
            func = self.function_named(rest[0])
            if func is not None and self.scope.arity(func) in (1, None):
                call = self.caller(func, 1)
                keyfn = variables[0][0]
                current = self.current(keyfn)
                square = variables[0][1] == SQUARE

                def body(env):
                    at = current(env, keyfn(env))
                    return call(env, [num.mul(at, at) if square else at])   # df/d(σ²): f'(σ²)
                return self.differentiated(body, variables)
        return self.differentiated(self.implicit(rest), variables)

    def symbolic_quotient(self, top_items, bottom_items):
        r"""`\frac{d^{n} y}{dx^{n}}`: a derivative of an order in whole-number
        letters, the same below; its order is taken at each instance."""
        head = top_items[0]
        if not (is_a(head, "pow") and self.differential(head.children[0]) == 1
                and len(bottom_items) == 2 and self.differential(bottom_items[0]) == 1):
            return None
        target = bottom_items[1]
        if not is_a(target, "pow") or bare_order(_label(head.children[1])) \
                != bare_order(_label(target.children[1])):
            raise Unsupported("a derivative whose orders differ above and below")
        if len(top_items) < 2:
            raise Unsupported("a derivative of nothing")
        count = _order(self.sup(target.children[1]))
        variables = [(self.variable(target.children[0]), count, _label(target.children[0]))]
        return self.differentiated(self.implicit(top_items[1:]), variables)

    def differentiated(self, body, variables):
        for keyfn, order, label in variables:
            if order == SQUARE:
                body = self.by_square(body, keyfn, label)
            else:
                body = self.one_derivative(body, keyfn, order, label)
        return body

    def by_square(self, body, keyfn, label: str):
        """d/d(σ²): the derivative by σ, over 2σ (the chain rule through σ²)."""
        first, current = self.one_derivative(body, keyfn, 1, label), self.current(keyfn)
        return lambda env: num.div(first(env), num.mul(2, current(env, keyfn(env))))

    def one_derivative(self, body, keyfn, order: int, label: str, at=None):
        current = self.current(keyfn)

        def value(env):
            key = keyfn(env)
            start = at(env) if at is not None else current(env, key)
            times = order(env) if callable(order) else order
            env.count(3 * times)
            return derivative(lambda t: body(env.moved(key, t)), start, times, label, env.note)
        return value

    def r_dapply(self, node, op, operand):
        return self.differentiated(self.c(operand), self.operator_variables(op))

    def operator_variables(self, op):
        if op.data == "dop_sub":
            target = op.children[1].children[0]
            if isinstance(target, lark.Token):
                target = lark.Tree("symbol", [lark.Tree("name", [target])])
            return [(self.variable(target), 1, _label(target))]
        above = operator_order(str(op.children[0]))
        dvars = [c for c in op.children if is_a(c, "dvar")]
        if not above.isdigit():          # \frac{d^{n}}{dx^{n}}: one variable, the same order
            if len(dvars) != 1 or len(dvars[0].children) != 2 \
                    or bare_order(_label(dvars[0].children[1])) != above:
                raise Unsupported("a derivative whose orders differ above and below")
            count = _order(self.sup(dvars[0].children[1]))
            return [(self.variable(dvars[0].children[0]), count, _label(dvars[0].children[0]))]
        variables = []
        for dvar in dvars:
            count = 1
            if len(dvar.children) == 2:
                exponent, trailing = self.sup(dvar.children[1])
                if trailing is not None:
                    raise Unsupported("a derivative's order")
                count = _small(exponent)
            variables.append((self.variable(dvar.children[0]), count, _label(dvar.children[0])))
        if sum(k for _, k, _ in variables) != int(above):
            return _by_square(int(above), variables)
        return variables

    # -- products, functions ---------------------------------------------------
    def r_implicit(self, node, *items):
        return self.implicit(list(items))

    def implicit(self, items):
        factors, index = [], 0
        while index < len(items):
            value, index = self.take(items, index)
            factors.append(value)
        if len(factors) == 1:
            return factors[0]

        def product(env):
            out = 1
            for factor in factors:
                out = num.mul(out, factor(env))
            return out
        return product

    def take(self, items, index):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if is_a(item, "func_bare"):
            return self.bare_function(items, index)
        typeset = self.typeset_number(item, following)
        if typeset is not None:
            return typeset, index + 2
        increment = self.increment(item, following)
        if increment is not None:
            return increment, index + 2
        if is_a(item, "frac", "over") and leibniz(item) and is_a(following, "group") \
                and point_like(following):
            return self.evaluated(item, following), index + 2
        if is_a(item, "symbol"):
            applied = self.application(item, following)
            if applied is not None:
                return applied, index + 2
        if is_a(item, "pow") and is_a(item.children[0], "symbol") \
                and self.function_named(item.children[0]) is not None:
            if _order_superscript(item.children[1]):     # `f^{(3)}(x)`: the third derivative
                label = _sample_label(item.children[1])
                if label is None or not label.isdigit() or not 0 < int(label) <= 40:
                    raise Unsupported("`f^{(k)}` (a derivative of order k)")
                applied = self.application(item.children[0], following, int(label))
                if applied is None:
                    raise Unsupported("`f^{(k)}` without its argument")
                return applied, index + 2
            applied = self.application(item.children[0], following)
            if applied is not None:
                exponent, trailing = self.sup(item.children[1])
                return self.raised(applied, exponent, trailing), index + 2
        return self.c(item), index + 1

    def typeset_number(self, item, following):
        """`2 3` is 23 and `2\\frac{1}{2}` is 5/2, as TeX sets them."""
        if not (is_a(item, "number") and str(item.children[0]).isdigit()):
            return None
        if is_a(following, "number") and str(following.children[0]).isdigit():
            return _const(int(str(item.children[0]) + str(following.children[0])))
        if is_a(following, "frac") and len(following.children) == 3 \
                and all(_digits(a) for a in following.children[1:]):
            whole_part = int(str(item.children[0]))
            top, bottom = (int(_digits(a)) for a in following.children[1:])
            if bottom == 0:
                return None
            return _const(normal(whole_part + Fraction(top, bottom)))
        return None

    def evaluated(self, item, group):
        """`\\frac{dy}{dx}(0)`: the derivative at a point."""
        top, bottom = [c for c in item.children if isinstance(c, lark.Tree)]
        bottom_items = items_of(bottom)
        if len(bottom_items) != 2:
            raise Unsupported("a derivative of several variables at a point")
        target = bottom_items[1]
        top_items = items_of(top)
        order = self.differential(top_items[0])
        if is_a(target, "pow"):         # `dx^{2}` below `d^{2} y`: the order once more
            if order is None or order < 2 or _whole_power(target.children[1]) != order:
                raise Unsupported("a derivative whose orders above and below differ")
            target = target.children[0]
        keyfn = self.variable(target)
        point = self.c(group)
        rest = top_items[1:]
        if len(rest) == 1 and is_a(rest[0], "symbol") and self.function_named(rest[0]):
            call = self.caller(self.function_named(rest[0]), 1)
            current = self.current(keyfn)
            body = lambda env: call(env, [current(env, keyfn(env))])      # noqa: E731
        else:
            body = self.implicit(rest)
        return self.one_derivative(body, keyfn, order or 1, _label(bottom_items[1]), at=point)

    def increment(self, item, following):
        if not (is_a(item, "symbol") and len(item.children) == 1 and is_a(following, "symbol")):
            return None
        token = item.children[0].children[0]
        if not isinstance(token, lark.Token):
            return None
        mark = {"\\Delta": "Δ", "\\delta": "δ"}.get(str(token))
        if mark is None or self.scope.declared(names.token_name(token)):
            return None
        if any(isinstance(c, lark.Token) for c in following.children[1:]):
            return None
        name = mark + names.tree_name(following.children[0])
        subscript = next((c for c in following.children if is_a(c, "subscript")), None)
        if subscript is None:
            return self.named(name)
        word = word_below(subscript)
        if word is not None:                    # `\Delta x_{\text{max}}`: a label, Δx_max
            return self.named(f"{name}_{word}")
        indices, trailing = self.indices(name, subscript)
        return _times(self.real_element(name, indices), trailing)

    def function_named(self, symbol) -> str | None:
        if any(is_a(c, "subscript") for c in symbol.children):
            return None
        try:
            name = names.tree_name(symbol.children[0])
        except Exception:
            return None
        if name in self.bound:          # a function's own parameter by a function's name
            return None
        return name if self.scope.kind(name) == "function" or (
            name in self.scope.kinds and self.scope.kinds[name] == "function") else None

    def caller(self, name: str, count: int):
        """call(env, args) for a defined function (its body, the arguments bound)
        or a declared one (one concrete function per name)."""
        definition = self.scope.functions.get(name)
        if definition is not None:
            params = definition.params
            if len(params) != count:
                raise Unsupported(f"`{name}` with {count} arguments")

            def call(env, args):
                body = self.definition(("function", name), definition, params)
                env.count()
                return body(env.fresh(dict(zip(params, args))))
            return call
        func = concrete(name, count)
        return lambda env, args: func(*args)

    def application(self, symbol, following, order: int = 0):
        """`f(x)`, `f'(x)`, `f^{(order)}(x)` of a declared or defined f."""
        name = self.function_named(symbol)
        if name is None:
            return None if order else self.special_function(symbol, following)
        primes = order or sum(len(c) for c in symbol.children
                              if isinstance(c, lark.Token) and c.type == "PRIME")
        inner, wrap = self.argument_of(following)
        if inner is None:
            raise Unsupported(f"`{name}` without its argument")
        args = self.arguments(inner)
        call = self.caller(name, len(args))
        if primes:
            if len(args) != 1:
                raise Unsupported("a prime on a function of several arguments")
            (arg,) = args

            def value(env):
                env.count(3 * primes)
                return derivative(lambda t: call(env, [t]), arg(env), primes, name, env.note)
        else:
            def value(env):
                return call(env, [a(env) for a in args])
        return wrap(value)

    def special_function(self, symbol, following):
        """`\\Gamma(n + 1)`, `\\zeta(2)` with Γ, ζ not declared nor bound: the
        gamma and the Riemann zeta function, of one argument (`\\Gamma` alone
        stays a letter)."""
        name = SPECIAL_FUNCTIONS.get(_plain_name(symbol))
        if name is None or self.scope.declared(_plain_name(symbol)) \
                or _plain_name(symbol) in self.bound:
            return None
        inner, wrap = self.argument_of(following)
        if inner is None:
            return None
        args = self.arguments(inner)
        if len(args) != 1:
            raise Unsupported(f"`{name}` with {len(args)} arguments")
        (arg,) = args
        return wrap(lambda env: num.apply(name, arg(env)))

    def argument_of(self, following):
        if is_a(following, "group", "tuple"):
            return following, lambda value: value
        if is_a(following, "pow") and is_a(following.children[0], "group", "tuple"):
            if _sample_label(following.children[1]) is not None:
                raise Unsupported("`f(x)^{(k)}` (a label or an order after an application)")
            exponent, trailing = self.sup(following.children[1])
            return following.children[0], lambda value: self.raised(value, exponent, trailing)
        if is_a(following, "factorial") and is_a(following.children[0], "group", "tuple"):
            return following.children[0], lambda value: (lambda env: num.factorial(value(env)))
        return None, None

    def arguments(self, inner):
        if is_a(inner, "tuple"):
            return [self.c(c) for c in inner.children if isinstance(c, lark.Tree)]
        return [self.c(inner)]

    def stops(self, item) -> bool:
        if is_a(item, "func_bare", "func_app", "bigop", "dapply"):
            return True
        return is_a(item, "symbol") and self.function_named(item) is not None

    def bare_function(self, items, index):
        head = items[index]
        if index + 1 >= len(items):
            raise Unsupported("a function without its argument")
        if self.stops(items[index + 1]):
            argument, end = self.take(items, index + 1)
            return self.builtin(head, [argument]), end
        end = index + 1
        while end < len(items) and not self.stops(items[end]):
            end += 1
        return self.builtin(head, [self.implicit(items[index + 1:end])]), end

    def builtin(self, head, args):
        name = function_name(str(head.children[0]))
        mods = [c for c in head.children[1:] if is_a(c, "fpow", "fbase")]
        if len(args) > 1 and name not in ("max", "min"):
            raise Unsupported(f"`\\{name}` with several arguments")
        base = next((m for m in mods if is_a(m, "fbase")), None)
        if base is not None:
            if name != "log":
                raise Unsupported(f"`\\{name}` with a subscript")
            radix, _ = self.sup(base.children[0])
            (arg,) = args

            def value(env):
                return num.div(num.apply("ln", arg(env)), num.apply("ln", radix(env)))
        else:
            def value(env):
                return num.apply(name, *(a(env) for a in args))
        for mod in (m for m in mods if is_a(m, "fpow")):
            value = self.builtin_power(name, value, args, mod)
        return value

    def builtin_power(self, name, value, args, mod):
        exponent, trailing = self.sup(mod.children[0])
        inverse = num.INVERSES.get(name)

        def raised(env):
            power = exponent(env)
            if power == -1 and inverse is not None:
                return num.apply(inverse, args[0](env))
            return num.power(value(env), power)
        return _times(raised, trailing)

    def r_func_app(self, node, token, *rest):
        return self.builtin(node, self.arguments(rest[-1]))

    def r_func_bare(self, node, token, *rest):
        raise Unsupported("a function without its argument")

    def r_func_prime(self, node, token, primes, group):
        name = function_name(str(token))
        if name in ("max", "min"):
            raise Unsupported(f"`\\{name}'`")
        arg = self.c(group)
        count = len(str(primes))

        def value(env):
            env.count(3 * count)
            return derivative(lambda t: num.apply(name, t), arg(env), count, f"\\{name}",
                              env.note)
        return value

    # -- symbols and elements ------------------------------------------------------
    def r_symbol(self, node, name, *rest):
        if any(isinstance(r, lark.Token) and r.type == "PRIME" for r in rest):
            raise Unsupported("a prime without an argument")
        subscript = next((r for r in rest if is_a(r, "subscript")), None)
        subscript = subscript or inner_subscript(name)
        if subscript is None:
            return self.named(names.tree_name(name))
        return self.element(name, subscript)

    def element(self, name_node, subscript):
        base = names.tree_name(name_node)
        defined = self._defined_label(base, subscript)
        if defined is not None:
            return self.named(defined)          # `x_1: …`, `L_{\text{total}}: …` defined
        indices, trailing = self.indices(base, subscript)
        if base in ("delta", "Delta") and not self.scope.declared(base) and len(indices) == 2:
            first, second = indices
            return _times(lambda env: 1 if _index(first(env)) == _index(second(env)) else 0,
                          trailing)
        kind = self.scope.kind(base)
        if kind == "family":
            return _times(self.family_element(base, indices), trailing)
        if kind == "function" and all(_digits(i) is not None for i in subscript.children):
            return _times(self.real_element(base, indices), trailing)   # `g_0`: a name of its own
        if kind in ("function", "value") or base in self.bound:
            raise Unsupported(f"`{base}` with an index")
        return _times(self.real_element(base, indices), trailing)

    def real_element(self, base, indices):
        def value(env):
            key = ("r", base, tuple(_index(f(env)) for f in indices))
            found = env.over.get(key, _MISSING)
            return env.inst.real(key) if found is _MISSING else found
        return value

    def family_element(self, base, indices):
        definition = self.scope.families[base]
        params = definition.params
        if len(params) != len(indices):
            raise Unsupported(f"`{base}` with {len(indices)} indices")

        def value(env):
            at = tuple(_index(f(env)) for f in indices)
            key = ("f", base, at)
            found = env.memo.get(key, _MISSING)
            if found is _MISSING:
                body = self.definition(("family", base), definition, params)
                env.count()
                found = body(env.fresh(dict(zip(params, at))))
                env.memo[key] = found
            return found
        return value

    def _defined_label(self, base: str, sub) -> str | None:
        """The name a subscripted letter is: a word below it (`x_{\\text{max}}`,
        beside a vector x too), or a defined `x_1` (one digit below), as the
        symbolic path reads it (decide/build, _element; decide/scope.py,
        element): None otherwise."""
        word = word_below(sub)
        if word is not None:
            return f"{base}_{word}"
        items = list(sub.children)
        digits = _digits(items[0]) if len(items) == 1 else None
        if digits is None or len(digits) != 1 or f"{base}_{digits}" not in self.scope.values \
                or self.scope.kind(base) in ("vector", "matrix", "family"):
            return None
        return f"{base}_{digits}"

    def indices(self, base: str, sub):
        items = list(sub.children)
        if len(items) == 1 and isinstance(items[0], lark.Token) \
                and items[0].type == "NUMBER" and len(items[0]) > 1:
            return [_const(int(items[0][0]))], _const(normal(Fraction(str(items[0][1:]))))
        if len(items) == 1:
            split = self.juxtaposed(base, items[0])
            if split is not None:
                return split, None
        return [self.c(i) for i in items], None

    def juxtaposed(self, base, item):
        wanted = self.scope.index_count(base)
        parts = simple_parts(item)
        if parts is None:
            return None
        letters = [p for p in parts if not (isinstance(p, lark.Token) and p.type == "NUMBER")]
        if wanted == 1 and len(letters) >= 2:
            raise Unsupported("several letters as one index")
        if wanted == 1 or (wanted is None and len(letters) < 2):
            return None
        if wanted is not None and len(parts) != wanted:
            return None
        return [self.c(p) for p in parts]

    # -- indicators and cases -----------------------------------------------------
    def r_indicator(self, node, _token, *children):
        left, op, right = [c for c in children if isinstance(c, lark.Tree)]
        a, b, test = self.c(left), self.c(right), RELATIONS[op.children[0].type]
        return lambda env: 1 if test(num.decide(a(env), b(env))) else 0

    def r_cases(self, node, *children):
        rows = []
        for row in (c for c in children if is_a(c, "crow")):
            trees = [c for c in row.children if isinstance(c, lark.Tree)]
            rows.append((self.c(trees[0]), self.condition(trees[-1])))

        def value(env):
            for result, holds in rows:
                if holds(env):
                    return result(env)
            raise Undefined("no row of the cases holds")
        return value

    def condition(self, cond):
        """A row's condition: `a < b < c`, joined by `or` and `and`; `otherwise`."""
        if cond.data == "cond_else":
            return lambda env: True
        if cond.data in ("cond_any", "cond_all"):
            parts = [self.condition(c) for c in cond.children if isinstance(c, lark.Tree)]
            if cond.data == "cond_any":
                return lambda env: any(p(env) for p in parts)
            return lambda env: all(p(env) for p in parts)
        if cond.data != "cond_rel":
            raise Unsupported(f"a condition `{cond.data}`")
        parts, tests = cond.children, []
        for i in range(1, len(parts), 2):
            tests.append((self.c(parts[i - 1]), RELATIONS[parts[i].children[0].type],
                          self.c(parts[i + 1])))
        return lambda env: all(test(num.decide(a(env), b(env))) for a, test, b in tests)

    # -- sums and products ------------------------------------------------------
    def r_bigop(self, node, token, *rest):
        from derive_ce.evaluate.sums import big_operator
        return big_operator(self, node, token, rest)


def _whole_power(sup) -> int | None:
    """The exponent of `^{2}`, `^3` when it is a whole number > 0, else None."""
    item = sup.children[0]
    if is_a(item, "implicit") and len(item.children) == 1:
        item = item.children[0]
    if is_a(item, "number"):
        item = item.children[0]
    if isinstance(item, lark.Token) and item.type == "NUMBER" and str(item).isdigit() \
            and int(item) > 0:
        return int(item)
    return None


def _plain_name(symbol) -> str | None:
    """The name of a symbol with neither subscript nor prime, else None."""
    if any(is_a(c, "subscript") or isinstance(c, lark.Token) for c in symbol.children[1:]):
        return None
    try:
        return names.tree_name(symbol.children[0])
    except Exception:           # noqa: BLE001 - a name the reader refuses is no function
        return None


def _differential(node) -> bool:
    """`d` (a bare letter d) or `∂`, as in derive-ce's printed `d/dx`."""
    if isinstance(node, lark.Tree) and node.data == "partial":
        return True
    if isinstance(node, lark.Tree) and node.data == "symbol":
        return [str(t) for t in node.scan_values(lambda v: isinstance(v, lark.Token))] == ["d"]
    return False


def _typed_derivative(left, right) -> bool:
    """`d/dx f` or `∂/∂x(f)`: the shape the builder reads as a derivative."""
    def parts(node):
        return node.children if isinstance(node, lark.Tree) and node.data == "implicit" \
            else [node]
    top, rest = parts(left), parts(right)
    return len(top) == 1 and _differential(top[0]) and len(rest) >= 2 and _differential(rest[0])


def _compile_math(math, scope, ints, params=()):
    if math.syntax == "expr":
        from derive_ce.evaluate.plain import compile_plain
        return compile_plain(math, scope, ints, params)
    return compile_expression(math.text, scope, ints, math.line, params)


def _added(env, a, b):
    env.note(a, b)
    return num.add(a, b)


def _times(value, trailing):
    if trailing is None:
        return value
    return lambda env: num.mul(value(env), trailing(env))


def _index(value):
    if isinstance(value, str):
        return value
    return whole(value)


def _small(exponent) -> int:
    try:
        value = exponent(None)
    except (AttributeError, TypeError):
        raise Unsupported("the order of a derivative is a small whole number") from None
    if not isinstance(value, int) or value <= 0:
        raise Unsupported("the order of a derivative is a small whole number")
    return value


MAX_ORDER = 40


def _order(sup_pair):
    r"""The order of `\frac{d^{n}}{dx^{n}}` at an instance: a whole number
    0 … MAX_ORDER, else the instance is not evaluated."""
    exponent, trailing = sup_pair
    if trailing is not None:
        raise Unsupported("a derivative's order")

    def at(env) -> int:
        try:
            value = whole(exponent(env))
        except (TypeError, ValueError, ArithmeticError):
            raise Unsupported("a derivative's order that is not a whole number") from None
        if not isinstance(value, int) or not 0 <= value <= MAX_ORDER:
            raise Unsupported(f"a derivative of order {value} (0 … {MAX_ORDER} are evaluated)")
        return value
    return at


def _sample_label(sup) -> str | None:
    """`^{(i)}`, `^{(2)}`: the label inside, else None."""
    item = unwrap(sup.children[0])
    if not (is_a(item, "group") and isinstance(item.children[0], lark.Token)
            and item.children[0].type == "LPAR"):
        return None
    inner = unwrap(next(c for c in item.children if isinstance(c, lark.Tree)))
    if is_a(inner, "number") and str(inner.children[0]).isdigit():
        return str(inner.children[0])
    if is_a(inner, "symbol") and len(inner.children) == 1 and is_a(inner.children[0], "name"):
        token = inner.children[0].children[0]
        if isinstance(token, lark.Token) and token.type == "LETTER" and re.fullmatch(
                "[A-Za-z]", str(token)):
            return str(token)
    return None


def _digits(node) -> str | None:
    node = unwrap(node)
    if is_a(node, "number") and str(node.children[0]).isdigit():
        return str(node.children[0])
    if isinstance(node, lark.Token) and node.type == "NUMBER" and str(node).isdigit():
        return str(node)
    return None


def _label(node) -> str:
    try:
        return "".join(str(t) for t in node.scan_values(lambda v: isinstance(v, lark.Token)))
    except AttributeError:
        return str(node)


def _order_superscript(sup) -> bool:
    """`^{(2)}`: a superscript that is one whole number in brackets."""
    inner = [c for c in sup.children if isinstance(c, lark.Tree)]
    node = inner[0] if len(inner) == 1 else None
    while isinstance(node, lark.Tree) and len([c for c in node.children if isinstance(c, lark.Tree)]) == 1 \
            and not is_a(node, "group"):
        node = next(c for c in node.children if isinstance(c, lark.Tree))
    if not is_a(node, "group"):
        return False
    kids = [c for c in node.children if isinstance(c, lark.Tree)]
    while len(kids) == 1 and not is_a(kids[0], "number"):
        kids = [c for c in kids[0].children if isinstance(c, lark.Tree)]
    return len(kids) == 1 and is_a(kids[0], "number") and str(kids[0].children[0]).isdigit()
