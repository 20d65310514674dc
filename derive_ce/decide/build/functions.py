"""Products and functions: how the factors of a product are folded, which
name before a bracket is a function, and how functions are applied."""

from __future__ import annotations

import re

import lark
import sympy as sp

from derive_ce.decide.kinks import Derivative, Subs

from derive_ce.decide.magnitude import factorial, gamma, power, zeta
from derive_ce.errors import InputError
from derive_ce.read import names
from derive_ce.read.latex.shape import (
    bracket_like,
    function_name,
    is_a,
    is_word,
    leibniz,
    point_like,
    prime_count,
    single_name,
    word_below,
)

FUNCTIONS = {
    "ln": sp.log, "log": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos,
    "tan": sp.tan, "cot": sp.cot, "sec": sp.sec, "csc": sp.csc, "sinh": sp.sinh,
    "cosh": sp.cosh, "tanh": sp.tanh, "coth": sp.coth, "sech": sp.sech, "csch": sp.csch,
    "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan, "arsinh": sp.asinh,
    "arcsinh": sp.asinh, "arcosh": sp.acosh, "arccosh": sp.acosh, "artanh": sp.atanh,
    "arctanh": sp.atanh, "max": sp.Max, "min": sp.Min, "sgn": sp.sign, "sign": sp.sign,
    "erf": sp.erf,
}
INVERSES = {"sin": sp.asin, "cos": sp.acos, "tan": sp.atan, "sinh": sp.asinh,
            "cosh": sp.acosh, "tanh": sp.atanh, "exp": sp.log, "ln": sp.exp, "erf": sp.erfinv,
            # the principal branches, through the functions above (the evaluator
            # reads them the same way, evaluate/numbers.py): arccot x = π/2 − arctan x
            # (values in (0, π), continuous at 0), arcsec x = arccos(1/x),
            # arccsc x = arcsin(1/x), arcoth x = artanh(1/x), arsech x = arcosh(1/x),
            # arcsch x = arsinh(1/x)
            "cot": lambda x: sp.pi / 2 - sp.atan(x), "sec": lambda x: sp.acos(1 / x),
            "csc": lambda x: sp.asin(1 / x), "coth": lambda x: sp.atanh(1 / x),
            "sech": lambda x: sp.acosh(1 / x), "csch": lambda x: sp.asinh(1 / x)}
SEVERAL_ARGUMENTS = ("max", "min")
# `\Gamma(x)`, `\zeta(s)` with the letter not declared: the special functions
# (the evaluator reads them as mpmath's gamma and zeta)
SPECIAL_FUNCTIONS = {"Gamma": gamma, "zeta": zeta}
# Names that conventionally denote functions: before a bracket they are
# refused unless declared (`f: function`) or defined (`f(x): ...`).
FUNCTION_LETTERS = {"f", "g", "h", "F", "G", "H", "sigma", "phi", "varphi", "psi", "Gamma", "zeta", "Psi",
                    "Phi", "ell"}


# `^{(3)}`, `^{(i)}`: a sample label or a derivative's order, never a power
LABEL = re.compile(r"\(\s*([A-Za-z]|[0-9]+)\s*\)")


class Functions:
    """A part of the LaTeX builder (decide/build.py): methods of _Builder."""

    def order_label(self, sup, after: str) -> InputError:
        """The refusal of `^{(3)}` after a bracket or an application (`(x+1)^{(3)}`,
        `g(x)^{(3)}`): a label or a derivative's order there, never a power."""
        label = self.source(sup).strip("{} ")
        return self.fail(f"`^{{{label}}}` after {after} reads as a label or a derivative's "
                         f"order, not a power: write `^{{{label.strip('() ')}}}` for the power, "
                         f"or `f^{{{label}}}(x)` for the derivative of a declared or defined f",
                         sup)

    def rule_implicit(self, node, *items):
        self._check_spelled_names(items)
        self._check_nested_bars(items)
        factors = []
        index = 0
        while index < len(items):
            value, index = self._take(items, index)
            factors.append(value)
        return sp.Mul(*factors)

    def _check_nested_bars(self, items) -> None:
        """`| x |y| - 1 |`: read |x|·y·|-1| or |x·|y| - 1|; two `|...|` with a
        factor between them can nest either way, so the product is refused."""
        def plain_bars(item) -> bool:
            if is_a(item, "pow"):
                item = item.children[0]
            return is_a(item, "abs") and any(isinstance(c, lark.Token) and c.type == "BAR"
                                             for c in item.children)
        bars = [i for i, item in enumerate(items) if plain_bars(item)]
        for first, second in zip(bars, bars[1:]):
            if second - first >= 2:
                shown = " ".join(self.source(i) for i in items[first:second + 1])
                raise self.fail(f"`{shown}` can be read two ways: the bars can close and open "
                                f"(`|a| b |c|`) or nest (`|a |b| c|`); write `\\left| ... \\right|` "
                                "for the outer bars, or `\\cdot` between the factors", items[first])

    def _check_spelled_names(self, items) -> None:
        """`net_k` with `net` declared: LaTeX reads n·e·t_k; the file means net.
        Refused, with the spelling that names it."""
        letters = [str(i.children[0].children[0]) if is_a(i, "symbol") and is_a(i.children[0], "name")
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
        if is_a(item, "func_bare"):
            return self._bare_function(items, index)
        increment = self._increment(item, following)
        if increment is not None:
            return increment, index + 2
        if is_a(item, "frac", "over") and leibniz(item) and is_a(following, "group") \
                and point_like(following):
            return self._evaluated(item, following), index + 2
        if is_a(item, "frac", "over") and leibniz(item) and is_a(following, "group"):
            shown = self.source(item)
            raise self.fail(f"`{shown}{self.source(following)}` can be read two ways: the derivative "
                            f"at `{self.source(following)}` or a product with it; write `f'(...)` "
                            f"for the derivative at a point, or `{shown} \\cdot {self.source(following)}` "
                            "for the product", following)
        if is_a(item, "symbol"):
            applied = self._application(item, following)
            if applied is not None:
                return applied, index + 2
        if is_a(item, "pow") and is_a(item.children[0], "symbol") \
                and self._function_named(item.children[0]) is not None:   # f^2(x) = (f(x))²
            order = self._derivative_order(item)
            self._check_symbolic_derivative_order(item)                   # g^{(n)}(x)
            if order is not None:                                         # f^{(2)}(x) = f''(x)
                return self._derivative_application(item.children[0], following, order), index + 2
            self._check_not_inverse(item)
            applied = self._application(item.children[0], following)
            exponent, trailing = self._sup(item.children[1])
            return power(applied, exponent) * trailing, index + 2
        if is_a(item, "pow") and is_a(item.children[0], "symbol") and following is not None \
                and _argument_of(following)[0] is not None \
                and self._function_like(item.children[0]):
            self._check_not_inverse(item)
            self._check_symbolic_derivative_order(item)
            if self._derivative_order(item) is not None:
                raise self.fail(f"`{self.source(item)}` is a derivative of a function: declare "
                                f"`{self.source(item.children[0])}: function` or define it", item)
        return self.build(item), index + 1

    def _function_like(self, symbol) -> bool:
        """`f`, `\\sigma`, `\\mathrm{ReLU}`: a name that conventionally denotes a function."""
        if any(is_a(c, "subscript") for c in symbol.children) or self.scope.declared(
                self._name(symbol.children[0])):
            return False
        name = self._name(symbol.children[0])
        return name in FUNCTION_LETTERS or is_word(name)

    def _derivative_order(self, item) -> int | None:
        """`f^{(2)}`: the order k of a derivative written `^{(k)}`."""
        import re
        found = re.fullmatch(r"\s*\{?\s*\(\s*([0-9]+)\s*\)\s*\}?\s*", self.source(item.children[1]))
        return int(found.group(1)) if found else None

    def _check_symbolic_derivative_order(self, item) -> None:
        """`g^{(n)}(x)`, `f^{(k+1)}(x)`: a derivative of a function of symbolic order,
        never the power g(x)^n; refused, naming the construct."""
        import re
        found = re.fullmatch(r"\s*\{\s*\(([^()]*)\)\s*\}\s*", self.source(item.children[1]))
        if found and not found.group(1).strip().isdigit():
            raise self.fail(f"`{self.source(item)}` is a derivative of symbolic order "
                            f"`{found.group(1).strip()}`: a derivative of symbolic order is not "
                            "checked; write it for a given whole order (`"
                            f"{self.source(item.children[0])}^{{(2)}}`), or write its result", item)

    def _check_not_inverse(self, item) -> None:
        """`f^{-1}(x)`, `g^{-1}(5)`: the inverse function, never 1/f(x); refused."""
        import re
        if re.fullmatch(r"\s*\{?\s*-\s*1\s*\}?\s*", self.source(item.children[1])):
            label = self.source(item.children[0])
            raise self.fail(f"`{self.source(item)}` is the inverse function of `{label}`, which "
                            "derive-ce does not read (it is not the reciprocal): define the "
                            f"inverse by name, or write `\\frac{{1}}{{{label}(x)}}` for the "
                            "reciprocal", item)

    def _derivative_application(self, symbol, following, order: int) -> sp.Expr:
        func = self._function_named(symbol)
        label = self.source(symbol)
        inner, wrap = _argument_of(following)
        if inner is None or prime_count(symbol):
            raise self.fail(f"the derivative `{label}^{{({order})}}` needs its argument in "
                            f"brackets, as in `{label}^{{({order})}}(x)`", symbol)
        args = self._arguments(inner)
        self._check_arity(symbol, func, len(args))
        if order == 0:
            return wrap(self, func(*args))
        return wrap(self, _derivative_at(func, args, order, self, symbol))

    def _evaluated(self, item, group) -> sp.Expr:
        """`\\frac{dy}{dx}(0)`: the derivative at a point, never a product with 0."""
        value = self.build(item)
        if not isinstance(value, sp.Derivative) or len(set(value._wrt_variables)) != 1:
            raise self.fail("a derivative of several variables is evaluated at one point each: "
                            "write the values", group)
        return sp.Subs(value, value._wrt_variables[0], self.build(group))

    def _increment(self, item, following) -> sp.Expr | None:
        """`\\Delta x`, `\\delta w`: one name, the increment (never Δ·x, which
        would cancel in `\\frac{\\Delta y}{\\Delta x}`)."""
        if not (is_a(item, "symbol") and len(item.children) == 1 and is_a(following, "symbol")):
            return None
        token = item.children[0].children[0]
        mark = {"\\Delta": "Δ", "\\delta": "δ"}.get(str(token))
        if mark is None or self.scope.declared(names.token_name(token)):
            return None
        if any(isinstance(c, lark.Token) for c in following.children[1:]):
            return None                                   # a prime
        name = mark + self._name(following.children[0])
        subscript = next((c for c in following.children if is_a(c, "subscript")), None)
        if subscript is None:
            return self.named(name)
        word = word_below(subscript)
        if word is not None:                    # `\Delta x_{\text{max}}`: a label, Δx_max
            return self.named(f"{name}_{word}")
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
            if bracket_like(later):
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
        if is_a(item, "func_bare", "func_app", "bigop", "dapply"):
            return True
        return is_a(item, "symbol") and self._function_named(item) is not None

    def _function_named(self, symbol) -> sp.FunctionClass | None:
        name_node = symbol.children[0]
        if len([c for c in symbol.children if is_a(c, "subscript")]):
            return None
        name = self._name(name_node)
        if name in self.local:      # a function's own parameter, or a sum's index, by that name
            return None
        return self.scope.function(name)

    def _application(self, symbol, following) -> sp.Expr | None:
        """`f(x)`, `\\sigma(x)^2`, `f'(x)`; None when the symbol is a factor."""
        func = self._function_named(symbol)
        primes = prime_count(symbol)
        if func is None and not primes:
            func = self._special_function(symbol, following)
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

    def _special_function(self, symbol, following):
        """`\\Gamma(n + 1)`, `\\zeta(2)` with Γ, ζ not declared: the gamma and
        the Riemann zeta function, of one argument (`\\Gamma` alone stays a
        letter; a declared Γ is whatever it is declared as)."""
        if any(is_a(c, "subscript") for c in symbol.children):
            return None
        name = self._name(symbol.children[0])
        func = SPECIAL_FUNCTIONS.get(name)
        if func is None or self.scope.declared(name) or _argument_of(following)[0] is None:
            return None
        inner, _ = _argument_of(following)
        if is_a(inner, "tuple"):
            raise self.fail(f"`{self.source(symbol)}` takes one argument here (the "
                            f"{'gamma' if name == 'Gamma' else 'Riemann zeta'} function)", symbol)
        return func

    def _arguments(self, inner) -> list[sp.Expr]:
        if is_a(inner, "tuple"):
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
            self.source(c) for c in symbol.children if is_a(c, "subscript"))
        if primes:
            raise self.fail(f"`{self.source(symbol)}`: a prime marks the derivative of a function; "
                            f"declare `{label}: function` or define `{label}(x): ...`", symbol)
        inner, _ = _argument_of(following)
        if inner is None or self._mentions(inner, name):
            return
        plain = not any(is_a(c, "subscript") for c in symbol.children) \
            and not self.scope.declared(name)
        shaped = is_a(inner, "tuple") or single_name(inner)
        if not (shaped or (plain and (name in FUNCTION_LETTERS or is_word(name)))):
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
        name = function_name(str(token))
        mods = [c for c in head.children[1:] if is_a(c, "fpow", "fbase")]
        if len(args) > 1 and name not in SEVERAL_ARGUMENTS:
            raise self.fail(f"`\\{name}` takes one argument", head)
        base = next((m for m in mods if is_a(m, "fbase")), None)
        if base is not None:
            if name in SEVERAL_ARGUMENTS:
                raise self.fail(f"`\\{name}_{self.source(base.children[0])}` (a {'maximum' if name == 'max' else 'minimum'} "
                                "over an index) is not read: derive-ce checks algebra, sums and "
                                f"derivatives; write the terms, as in `\\{name}(x_1, x_2)`", base)
            if name != "log":
                raise self.fail(f"`\\{name}` has no subscript", base)
            value = sp.log(args[0], self._sup(base.children[0])[0])
        else:
            value = FUNCTIONS[name](*args)
        for mod in (m for m in mods if is_a(m, "fpow")):
            exponent, trailing = self._sup(mod.children[0])
            if exponent == -1 and name in INVERSES and base is None:
                value = INVERSES[name](*args) * trailing
            elif exponent == -1:
                raise self.fail(f"`{self.source(head)}`: `^{{-1}}` on a function is its inverse, "
                                "which derive-ce does not read here (it is not the reciprocal): "
                                f"write the inverse by name, or `\\frac{{1}}{{{token}(x)}}` for "
                                "the reciprocal", mod)
            else:
                value = power(value, exponent) * trailing
        return value

    def rule_func_app(self, node, token, *rest):
        inner = rest[-1]
        return self._apply_builtin(node, self._arguments(inner))

    def rule_func_prime(self, node, token, primes, group):
        """`\\sin'(x)`: the derivative of a built-in function, at the argument."""
        name = function_name(str(token))
        if name in SEVERAL_ARGUMENTS:
            raise self.fail(f"`\\{name}'` is not read", node)
        t = sp.Dummy("t", real=True)
        return Subs(Derivative(FUNCTIONS[name](t), (t, len(primes))), t, self.build(group))

    def rule_choose(self, node, top, _choose, bottom):
        return sp.binomial(self.build(top), self.build(bottom))

    def rule_func_bare(self, node, token, *rest):
        raise self.fail(f"`{token}` needs an argument", node)

    def rule_tuple(self, node, *children):
        raise self.fail("a list `(a, b)` can only hold the arguments of a function, as in "
                        "`f(a, b)` or `\\max(0, x)`", node)


def _argument_of(following):
    """The bracket a function takes, and how to wrap the application:
    `f (x)`, `f (x)^2`, `f (x)!`."""
    if is_a(following, "group", "tuple"):
        return following, lambda builder, value: value
    if is_a(following, "pow") and is_a(following.children[0], "group", "tuple"):
        sup = following.children[1]

        def raised(builder, value):
            if LABEL.fullmatch(builder.source(sup).strip("{} ")):     # `g(x)^{(3)}`
                raise builder.order_label(sup, "an application")
            exponent, trailing = builder._sup(sup)
            return power(value, exponent) * trailing
        return following.children[0], raised
    if is_a(following, "factorial") and is_a(following.children[0], "group", "tuple"):
        return following.children[0], lambda builder, value: factorial(value)
    return None, None


def _derivative_at(func, args, primes: int, builder, symbol) -> sp.Expr:
    if len(args) != 1:
        raise builder.fail("a prime marks the derivative of a function of one argument", symbol)
    t = sp.Dummy("t", real=True)
    return Subs(Derivative(func(t), (t, primes)), t, args[0])
