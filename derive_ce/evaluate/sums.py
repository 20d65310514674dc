"""Sums and products over concrete ranges: `\\sum_{j=1}^{n}`, `\\sum_{k \\le j}`,
`\\sum_{j \\neq i}`, `\\sum_{1 \\le k \\le n}`, `\\sum_{i,j}`, `\\sum_j` (the
declared range).  The range is looped over; an empty range gives 0 (a
product 1), whatever its bounds: the usual convention, not Karr's.  A
declared range that names another index is read where the sum stands, so
`j: {range: [1, i]}` inside `\\sum_i` runs up to that sum's i."""

from __future__ import annotations

import lark

from derive_ce.evaluate import numbers as num
from derive_ce.evaluate.numbers import Unsupported, whole
from derive_ce.read import names
from derive_ce.read.latex.shape import is_a

_MISSING = object()


def big_operator(compiler, node, token, rest):
    product = str(token) in ("\\prod", "∏")
    body_node = rest[-1]
    bounds = rest[0] if len(rest) == 2 else None
    if bounds is None:
        limits = [_range_of(compiler, _index_of_body(compiler, body_node), None, None)]
    else:
        limits = _limits(compiler, bounds)
    letters = [limit[0] for limit in limits]
    compiled, inner = [], compiler
    from derive_ce.evaluate.latex import RECORDING
    reads: set = set()
    RECORDING.append((compiler.bound, reads))
    try:
        for name, lo, hi, excluded in limits:     # outermost first: inner bounds may use it
            compiled.append((name, lo(inner), hi(inner),
                             None if excluded is None else excluded(inner)))
            inner = inner.inner(name)
        if product and any(e is not None for *_, e in compiled):
            raise Unsupported("a product that leaves an index out")
        body = compiler.inner(*letters).c(body_node)
    finally:
        RECORDING.pop()
    return kept(looped(compiled, body, product), tuple(sorted(reads)))


def kept(total, reads: tuple):
    """The sum's value kept for its instance and point (env.memo, as defined
    names are) and the values of the enclosing letters it reads: Σ_k e^{L_{a,k}}
    in the body of p_{a,q} is summed once per a, not once per (a, q).  Its
    work is counted again where the value is reused, so that the limit on the
    work of an instance is reached as before.  The values a case's conditions
    fixed so far are part of the key (a condition solved after the sum was
    summed changes it), and nothing is reused while an equality is being
    solved (the instance lists the values read, to pick the one to solve for)."""
    def value(env):
        inst = env.inst
        if getattr(inst, "reads", None) is not None:
            return total(env)
        fixed = getattr(inst, "fixed", None)
        key = (value, tuple(env.loc.get(name, _MISSING) for name in reads),
               tuple(fixed.items()) if fixed else ())
        found = env.memo.get(key, _MISSING)
        if found is not _MISSING:
            env.count(found[1])
            return found[0]
        before = env.work[0]
        result = total(env)
        env.memo[key] = (result, env.work[0] - before)
        return result
    return value


def looped(limits, body, product: bool):
    depth = len(limits)

    def loop(env, level):
        name, lo, hi, excluded = limits[level]
        start, stop = whole(lo(env)), whole(hi(env))
        skip = whole(excluded(env)) if excluded is not None else None
        env.count(max(stop - start + 1, 0))
        total = 1 if product else 0
        saved = env.loc.get(name, _MISSING)
        try:
            for k in range(start, stop + 1):
                if k == skip:
                    continue
                env.loc[name] = k
                term = body(env) if level + 1 == depth else loop(env, level + 1)
                if product:
                    total = num.mul(total, term)
                else:
                    env.note(total, term)
                    total = num.add(total, term)
        finally:
            if saved is _MISSING:
                env.loc.pop(name, None)
            else:
                env.loc[name] = saved
        return total

    return lambda env: loop(env, 0)


# Each limit is (name, lo, hi, excluded) with the bounds as functions of the
# compiler they are read under (the enclosing sums' letters bound).

def _const_bound(value):
    return lambda compiler: (lambda env: value)


def _tree_bound(node, shift: int = 0):
    def bound(compiler):
        value = compiler.c(node)
        if shift == 0:
            return value
        return lambda env: num.add(value(env), shift)
    return bound


def _limits(compiler, bounds):
    lower = next((c for c in bounds.children if c.data != "upper"), None)
    upper = next((c for c in bounds.children if c.data == "upper"), None)
    if lower is None:
        raise Unsupported("a sum without its index")
    hi = None
    if upper is not None:
        item = upper.children[0].children[0]
        if isinstance(item, lark.Token) and item.type == "NUMBER" and len(item) > 1:
            raise Unsupported(f"an upper bound `^{item}` without braces")
        hi = _sup_bound(upper.children[0])
    if lower.data == "lower_names":
        named = [names.tree_name(c) for c in lower.children]
        if len(named) > 1 and hi is not None:
            raise Unsupported("several indices with one upper bound")
        return [_range_of(compiler, n, None, hi) for n in named]
    if lower.data == "lower_between":
        low, op1, name_node, op2, high = lower.children
        kinds = (op1.children[0].type, op2.children[0].type)
        if not set(kinds) <= {"LE", "LT"}:
            raise Unsupported("bounds that are not `a \\le k \\le b`")
        return [(names.tree_name(name_node), _tree_bound(low, 1 if kinds[0] == "LT" else 0),
                 _tree_bound(high, -1 if kinds[1] == "LT" else 0), None)]
    name = names.tree_name(lower.children[0])
    if lower.data == "lower_rel":
        return [_relation_bounds(compiler, name, lower.children[1], lower.children[2], None)]
    limit = _range_of(compiler, name, _tree_bound(lower.children[2]), hi)
    for cond in (c for c in lower.children if is_a(c, "bcond")):
        if names.tree_name(cond.children[0]) != name:
            raise Unsupported("a condition on another letter in a sum's bounds")
        _, low, high, skip = _relation_bounds(compiler, name, cond.children[1],
                                              cond.children[2], (limit[1], limit[2]))
        if skip is not None and limit[3] is not None:
            raise Unsupported("a sum that leaves out two indices")
        limit = (name, low, high, skip if skip is not None else limit[3])
    return [limit]


def _sup_bound(sup):
    item = sup.children[0]

    def bound(compiler):
        value, trailing = compiler.digit_argument(item)
        if trailing is not None:
            raise Unsupported("an upper bound of several digits without braces")
        return value
    return bound


def _relation_bounds(compiler, name, relop, other_node, within):
    op = relop.children[0].type
    lo, hi = within or _declared_range(compiler, name)
    other = _tree_bound(other_node)
    if op == "NEQ":
        return name, lo, hi, other
    # `\sum_{k \le j}` keeps k's declared bounds: k runs up to min(j, its upper bound)
    if op == "LE":
        return name, lo, _within(hi, other, min), None
    if op == "LT":
        return name, lo, _within(hi, _tree_bound(other_node, -1), min), None
    if op == "GE":
        return name, _within(lo, other, max), hi, None
    if op == "GT":
        return name, _within(lo, _tree_bound(other_node, 1), max), hi, None
    raise Unsupported("a sum bound with `=`")


def _within(declared, cut, pick):
    def bound(compiler):
        first, second = declared(compiler), cut(compiler)
        return lambda env: pick(whole(first(env)), whole(second(env)))
    return bound


def _range_of(compiler, name, lo, hi):
    declared = compiler.scope.ranges.get(name)
    if lo is None and hi is not None and declared is None:
        lo = _const_bound(1)                       # `\sum_j^C`: j from 1 to C
    if lo is None or hi is None:
        low, high = _declared_range(compiler, name)
        lo, hi = lo or low, hi or high
    return name, lo, hi, None


def _declared_range(compiler, name):
    declared = compiler.scope.ranges.get(name)
    if declared is None:
        raise Unsupported(f"a sum over `{name}`, which has no declared range")
    return tuple(_math_bound(m) for m in declared)


def _math_bound(math):
    def bound(compiler):
        from derive_ce.evaluate.latex import compile_expression
        if math.syntax == "expr":
            from derive_ce.evaluate.plain import compile_plain
            return compile_plain(math, compiler.scope, compiler.ints, tuple(compiler.bound))
        return compile_expression(math.text, compiler.scope, compiler.ints, math.line,
                                  tuple(compiler.bound))
    return bound


def _index_of_body(compiler, body) -> str:
    used = set()
    for sub in body.find_data("subscript"):
        used |= {names.tree_name(c) for c in sub.find_data("name")}
        used |= {names.token_name(t) for t in sub.children
                 if isinstance(t, lark.Token) and t.type != "NUMBER"}
    indices = sorted(n for n in used if n in compiler.scope.ranges)
    if len(indices) != 1:
        raise Unsupported("a sum without its index")
    return indices[0]
