"""Derivatives: operators, Leibniz quotients, their variables and orders,
and the readings of an operator's scope that are refused."""

from __future__ import annotations

import lark
import sympy as sp

from derive_ce.decide.kinks import Derivative
from derive_ce.decide.scope import element_label

from derive_ce.read import names
from derive_ce.read.latex.shape import (
    bare_order,
    bracket_like,
    is_a,
    items_of,
    operator_order,
    trailing_operator,
)



SQUARE = "square"      # the order of a variable written squared below a first derivative


def _by_square(above: int, variables: list) -> bool:
    """`\\frac{\\partial \\ell}{\\partial \\sigma^2}`: order 1 above and one variable
    squared below is the derivative by σ² (a variance), not an order mismatch."""
    return above == 1 and len(variables) == 1 and variables[0][1] == 2


def _derivative(value: sp.Expr, variables: list) -> sp.Expr:
    """d value / d(σ²) is (d value / dσ) / (2σ), the chain rule through σ² (σ ≠ 0):
    in σ² alone, d/dσ g(σ²) = 2σ g'(σ²)."""
    if len(variables) == 1 and variables[0][1] == SQUARE:
        var = variables[0][0]
        return Derivative(value, var) / (2 * var)
    return Derivative(value, *variables)


class Derivatives:
    """A part of the LaTeX builder (decide/build.py): methods of _Builder."""

    def rule_dapply(self, node, op, operand):
        """`\\frac{d}{dx} 3x^2` is d/dx (3x²): the operator takes the rest of the product."""
        variables = self._operator_variables(op)
        self._check_bracket_first(operand, variables, op)
        value = self.build(operand)
        if "partial" not in str(op.children[0]) and op.data == "dop_frac":
            self._check_total(value, variables, op)
        else:
            self._check_partial_by_name(value, variables, op)
        return _derivative(value, variables)

    def typed_derivative(self, left, right):
        """`d/dx x² eˣ`, `∂/∂x(x² y)`: the derivative as derive-ce prints it, typed
        back; it takes the rest of the product, as `\\frac{d}{dx}` does.  None
        when `left / right` is not of that shape."""
        if not (is_a(left, "implicit") and len(left.children) == 1 and is_a(right, "implicit")):
            return None
        top, parts = left.children[0], right.children
        if len(parts) < 3 or self._differential(top) != 1 or self._differential(parts[0]) != 1 \
                or is_a(top, "partial") != is_a(parts[0], "partial"):
            return None
        var = self._variable(parts[1])
        operand = parts[2] if len(parts) == 3 else lark.Tree("implicit", parts[2:])
        value = self.build(operand)
        if not is_a(top, "partial"):
            self._check_total(value, [(var, 1)], left)
        return sp.Derivative(value, var)

    def _check_total(self, value: sp.Expr, variables, node) -> None:
        """`\\frac{dy}{dx}` with y undeclared: y is a constant, so the derivative
        is 0, which no reader means.  Refused with how to say that y depends on x."""
        named = [v for v, _ in variables if v in self.scope.names]
        if named:
            self._check_by_name(value, named, node)
            return
        self._refuse_constant(value, variables, node, "total")

    def _refuse_constant(self, value: sp.Expr, variables, node, kind: str) -> None:
        """The derivative of what does not depend on the variable and holds a
        letter that is not declared (`\\frac{\\partial L}{\\partial z}`): it would be
        0, which no reader means (notes name the unknown this way)."""
        named = frozenset(v for v, _ in variables if v in self.scope.names)
        if self._depends(value, variables) or named and any(
                v in self.scope.expand(value, named).free_symbols for v in named):
            return
        expanded = self.scope.expand(value)
        loose = sorted({str(s) for s in expanded.free_symbols
                        if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)
                        and self._undeclared(str(s))}
                       | {str(e.base.label) for e in expanded.atoms(sp.Indexed)
                          if self._undeclared(str(e.base.label))})
        if loose:
            var = _written(variables[0][0])
            element = next((e for e in expanded.atoms(sp.Indexed)
                            if str(e.base.label) == loose[0]), None)
            if element is not None:
                raise self.fail(f"`{_written(element)}` does not depend on `{var}` as written "
                                f"(`{loose[0]}` is not defined, and its elements are read as "
                                f"constants), so this {kind} derivative would be 0: define "
                                f"`{_written(element)}: ...` in terms of `{var}`", node)
            raise self.fail(f"`{loose[0]}` does not depend on `{var}` as written (it is not "
                            f"declared), so this {kind} derivative would be 0: define "
                            f"`{loose[0]}: ...` in terms of `{var}`, or declare `{loose[0]}: "
                            f"function` and write `{loose[0]}({var})`", node)

    def _undeclared(self, name: str) -> bool:
        """Neither declared nor defined, or a kind only guessed from how the
        name is used (`p_k` makes p a vector of constants, in a YAML file or in
        notes, which no reader means when differentiating it)."""
        return not self.scope.declared(name) or name in self.scope.inferred \
            or name in self.scope.guessed

    def _check_partial_by_name(self, value: sp.Expr, variables, node) -> None:
        """∂/∂u with u defined holds the other symbols constant (∂L/∂ŷ of
        (ŷ - y)² + λw² is 2(ŷ - y)), but an expression not written in u at all
        while made of what u is made of (∂/∂u sin(2x), u := 2x) is refused."""
        self._refuse_constant(value, variables, node, "partial")
        named = [v for v, _ in variables if v in self.scope.names]
        if not named:
            return
        inner = self.scope.expand(value, frozenset(named))
        for var in named:
            made_of = {s for s in self.scope.expand(var).free_symbols if not isinstance(s, sp.Dummy)}
            if var not in inner.free_symbols and inner.free_symbols & made_of:
                self._check_by_name(value, [var], node)

    def _check_by_name(self, value: sp.Expr, named: list, node) -> None:
        """d/du with u defined (u := 2x): the expression is read with u held as
        a variable.  Where it is not written in u (`\\frac{d}{du} \\sin(2x)`), or
        also uses what u is made of (`u^2 + x`), d/du would need the chain rule
        through x: refused, not read as 0 or as a partial derivative."""
        inner = self.scope.expand(value, frozenset(named))
        for var in named:
            made_of = {s for s in self.scope.expand(var).free_symbols if not isinstance(s, sp.Dummy)}
            shared = sorted(str(s) for s in inner.free_symbols & made_of)
            if var not in inner.free_symbols or shared:
                what = f"`{shared[0]}`" if shared else "what it is made of"
                raise self.fail(f"`{var}` is defined as `{sp.sstr(self.scope.expand(var))}`, and "
                                f"this expression depends on {what} other than through `{var}`: "
                                f"the total derivative by `{var}` needs the chain rule, which is "
                                f"not applied; write the expression in terms of `{var}` alone",
                                node)

    def _operator_variables(self, op) -> list[tuple[sp.Expr, int]]:
        if op.data == "dop_sub":
            target = op.children[1].children[0]
            if isinstance(target, lark.Token):
                target = lark.Tree("symbol", [lark.Tree("name", [target])])
            return [(self._variable(target), 1)]
        above = operator_order(str(op.children[0]))
        dvars = [c for c in op.children if is_a(c, "dvar")]
        if not above.isdigit():          # \frac{d^{n}}{dx^{n}}: one variable, the same order below
            below = bare_order(self.source(dvars[0].children[1])) if len(dvars[0].children) == 2 else "1"
            if len(dvars) != 1 or below != above:
                raise self.fail(f"the derivative `{self.source(op)}` has order `{above}` above and "
                                f"`{below if len(dvars) == 1 else '…'}` below: write one variable "
                                f"with the same order, as in `\\frac{{d^{{{above}}}}}{{dx^{{{above}}}}}`", op)
            return [self._dvar(dvars[0], op)]
        variables = [self._dvar(c, op) for c in dvars]
        total = sum(k for _, k in variables)
        if total != int(above):
            if _by_square(int(above), variables):
                return [(variables[0][0], SQUARE)]
            raise self.fail(f"the derivative `{self.source(op)}` has order {above} above and "
                            f"{total} below", op)
        return variables

    def _dvar(self, dvar, op) -> tuple[sp.Expr, object]:
        var = self._variable(dvar.children[0])
        if len(dvar.children) == 1:
            return var, 1
        order, trailing = self._sup(dvar.children[1])
        if order.is_Integer and order > 0 and trailing == 1:
            return var, int(order)
        if trailing != 1 or not order.free_symbols:
            raise self.fail("the order of a derivative is a small whole number", dvar)
        self._whole_order(order, f"`{self.source(op)}`", op)
        return var, order

    def _whole_order(self, order: sp.Expr, head: str, node) -> None:
        """A symbolic order must be a whole number ≥ 0 by its declarations."""
        if order.is_integer and order.is_nonnegative:
            return
        letters = sorted(str(s) for s in order.free_symbols)
        raise self.fail(f"{head} is a derivative of order `{sp.sstr(order)}`, which must be a "
                        f"whole number ≥ 0: declare `{', '.join(letters)}` so (`{letters[0]}: "
                        "{integer: true, nonnegative: true}`), or write it for a given order "
                        "(`\\frac{d^2}{dx^2}`)", node)

    def _check_bracket_first(self, operand, variables, op) -> None:
        """`\\frac{d}{dx}(x^2) e^x`: the bracket alone, or all of it?  Refused
        when the readings differ.  A bracket free of the variable
        (`\\frac{\\partial}{\\partial w} (\\tau - 1)(y - w x)`) is a constant factor
        of the whole product: its derivative alone would be 0, which no reader
        means."""
        items = operand.children if is_a(operand, "implicit") else []
        if len(items) < 2 or not bracket_like(items[0]):
            return
        rest = sp.Mul(*(self.build(i) for i in items[1:]))
        if self._depends(rest, variables) and self._depends(self.build(items[0]), variables):
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
        applied = trailing_operator(left)
        if applied is None:
            return
        dop, operand = applied.children
        if bracket_like(operand):
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
        den_items, num_items = items_of(den), items_of(num)
        if (self.scope.declared("d") or "d" in self.local) and len(num_items) > 1 \
                and len(den_items) > 1 and _letter_d(num_items[0]) and _letter_d(den_items[0]):
            raise self.fail(f"`d` is {'declared' if self.scope.declared('d') else 'a sum index'} "
                            f"here, so `\\frac{{{self.source(num)}}}{{{self.source(den)}}}` could "
                            "be a derivative or a quotient of products with d: rename the "
                            "index, or write `\\frac{\\partial y}{\\partial x}` (or `\\cdot` "
                            "for the quotient)", num)
        symbolic = self._symbolic_order(num_items, den_items, num, den)
        if symbolic is not None:
            return symbolic
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
            if not _by_square(num_order, variables):
                raise self.fail(f"the derivative has order {num_order} above and {total} below",
                                den)
            variables = [(variables[0][0], SQUARE)]
        function = self._differentiated(num_items[1:], variables, num)
        if not is_a(num_items[0], "partial") and not (
                is_a(num_items[0], "pow") and is_a(num_items[0].children[0], "partial")):
            self._check_total(function, variables, num)
        else:
            self._check_partial_by_name(function, variables, num)
        return _derivative(function, variables)

    def _symbolic_order(self, num_items, den_items, num, den):
        r"""`\frac{d^n}{dx^n} e^{2x}`, `\frac{d^{n+1} y}{dx^{n+1}}`: a derivative whose
        order is an expression in whole numbers ≥ 0 (declared so), with the same
        order below; never read as a quotient of products with the letter d.
        It stays a derivative of that order: each sampled n is done as a
        derivative of order n (d⁰ is the function itself).  None where the
        order is not symbolic."""
        top = num_items[0]
        if not is_a(top, "pow") or self._differential(top.children[0]) != 1 \
                or self._differential(top) is not None:
            return None
        if len(den_items) < 2 or self._differential(den_items[0]) != 1:
            return None
        written = self.source(top.children[1]).strip().strip("{}").strip()
        head = f"`\\frac{{{self.source(num)}}}{{{self.source(den)}}}` is a derivative of order `{written}`"
        order, trailing = self._sup(top.children[1])
        if trailing != 1 or not order.free_symbols:
            raise self.fail(f"{head}: the order of a derivative is a whole number, as in "
                            "`\\frac{d^2}{dx^2}`, or an expression in declared whole numbers, as "
                            "in `\\frac{d^{n}}{dx^{n}}`", num)
        self._whole_order(order, f"`\\frac{{{self.source(num)}}}{{{self.source(den)}}}`", num)
        if len(den_items) != 2 or not is_a(den_items[1], "pow"):
            raise self.fail(f"{head}: write its one variable with the same order below, as in "
                            "`\\frac{d^{n}}{dx^{n}}`", den)
        below, trailing = self._sup(den_items[1].children[1])
        if trailing != 1 or sp.expand(below - order) != 0:
            raise self.fail(f"{head} above and `{self.source(den_items[1].children[1]).strip()}` "
                            "below", den)
        if len(num_items) < 2:
            raise self.fail(f"`\\frac{{{self.source(num)}}}{{{self.source(den)}}}` has no "
                            "function to differentiate", num)
        variables = [(self._variable(den_items[1].children[0]), order)]
        function = self._differentiated(num_items[1:], variables, num)
        if is_a(top.children[0], "partial"):
            self._check_partial_by_name(function, variables, num)
        else:
            self._check_total(function, variables, num)
        return Derivative(function, *variables)

    def _differentiated(self, items, variables, num) -> sp.Expr:
        """The numerator after `d`: `\\frac{df}{dx}` with f a function of one
        argument is f(x)."""
        if len(items) == 1 and is_a(items[0], "symbol") and len(items[0].children) == 1:
            func = self._function_named(items[0])
            if func is not None and len(variables) == 1 and self.scope.arity(str(func)) in (1, None):
                var, order = variables[0]
                return func(var ** 2 if order == SQUARE else var)    # df/d(σ²) is f'(σ²)
        return self.rule_implicit(num, *items)

    def _denominator(self, items, den) -> list[tuple[sp.Expr, int]]:
        variables = []
        for position in range(0, len(items), 2):
            if self._differential(items[position]) != 1 or position + 1 >= len(items):
                raise self.fail("write the variables of a derivative as `dx` or "
                                "`\\partial x \\partial y`", den)
            target = items[position + 1]
            order = 1
            if is_a(target, "pow"):
                order_value, trailing = self._sup(target.children[1])
                if not order_value.is_Integer or trailing != 1:
                    raise self.fail("the order of a derivative is a small whole number", target)
                target, order = target.children[0], int(order_value)
            variables.append((self._variable(target), order))
        return variables

    def _differential(self, node) -> int | None:
        """1 for `d` or `\\partial`, n for `d^n`; None for anything else."""
        if is_a(node, "pow"):
            inner = self._differential(node.children[0])
            if inner != 1:
                return None
            order, trailing = self._sup(node.children[1])
            return int(order) if order.is_Integer and order > 0 and trailing == 1 else None
        if is_a(node, "partial"):
            return 1
        if is_a(node, "symbol") and len(node.children) == 1 and is_a(node.children[0], "name"):
            token = node.children[0].children[0]
            return 1 if names.token_name(token) == "d" and not self.scope.declared("d") else None
        return None

    def _variable(self, node) -> sp.Expr:
        if not is_a(node, "symbol"):
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


def _letter_d(node) -> bool:
    """The plain letter d (maybe with a power, `d^2`)."""
    if is_a(node, "pow"):
        node = node.children[0]
    return is_a(node, "symbol") and len(node.children) == 1 and is_a(node.children[0], "name") \
        and names.token_name(node.children[0].children[0]) == "d"


def _written(expr: sp.Expr) -> str:
    """`o[i]` as written, `o_i` (`A_{i,j}`; a sum's own letter for a bound
    index); other expressions as SymPy prints them."""
    if not isinstance(expr, sp.Indexed):
        return sp.sstr(expr)
    return element_label(str(expr.base.label), [sp.Symbol(i.name.lstrip("_"))
                                                if isinstance(i, sp.Dummy) else i
                                                for i in expr.indices])
