"""Sums and products: their indices and bounds, a fresh variable for each
index, and the bodies that are refused as ambiguous."""

from __future__ import annotations

import lark
import sympy as sp

from derive_ce.decide.sums import binding, bound_variable, make_product, make_sum
from derive_ce.read import names
from derive_ce.read.latex.shape import (
    is_a,
    trailing_node,
)


class Sums:
    """A part of the LaTeX builder (decide/build.py): methods of _Builder."""

    def _check_sum_index(self, left, right_value, op) -> None:
        """`\\sum_i a_i + b_i`: the sum ends at `+`, so the i after it is free.
        When that letter is the sum's own index, the line means the sum to go
        on: refused, with both readings."""
        total = trailing_node(left, "bigop")
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
        bounds = next((c for c in bigop.children if is_a(c, "bounds")), None)
        if bounds is None:
            return set()
        return {self._name(n) for lower in bounds.children if lower.data != "upper"
                for n in lower.children if is_a(n, "name", "styled")}

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
        enclosing = self.__dict__.setdefault("_enclosing", {})
        enclosing[var] = (lo, hi)
        try:
            with binding(self.local, name, var):
                body = self._summed(kind, others, body_node, token)
        finally:
            del enclosing[var]
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

    def _check_product_body(self, body_node, var, name: str) -> None:
        """`\\prod_i x_i \\cdot 2`: is the 2 inside (2ⁿ) or after (2)?  Refused when a
        factor after `\\cdot` or `/` does not use the index."""
        if not is_a(body_node, "mul", "div"):
            return
        with binding(self.local, name, var):
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
        for cond in (c for c in lower.children if is_a(c, "bcond")):
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
        if cut[0] == "lo":        # the declared range still holds: the tighter bound wins
            return name, self._tighter(lo, cut[1], sp.Max), hi, None
        return name, lo, self._tighter(hi, cut[1], sp.Min), None

    def _tighter(self, declared, cut, pick):
        """max (or min) of a declared bound and a cut, decided from the ranges
        of declared indices and enclosing sums where they can."""
        from derive_ce.decide.ranges import decide_in

        ranges = {**self.scope.ranges, **self.__dict__.get("_enclosing", {})}
        for smaller, larger in ((cut, declared), (declared, cut)):
            if decide_in(sp.Le(smaller, larger), ranges):
                return larger if pick is sp.Max else smaller
        return pick(declared, cut)

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
        # `j: {range: [1, i]}` inside `\sum_{i=1}^{n}`: the i of the enclosing sum
        inside = {s: self.local[s.name] for b in declared for s in b.free_symbols
                  if s.name in self.local and self.local[s.name] != s}
        return tuple(b.xreplace(inside) for b in declared) if inside else declared
