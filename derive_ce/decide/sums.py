"""Sums and products: how they are built, evaluated and put in canonical form.

- ElementSum: Σ over vector or matrix elements, which has no closed form.
- make_sum / make_product: constant factors taken outside, as people write.
- canonical: nested sums in a fixed order, bound indices renamed by position,
  so that Σ_j and Σ_k, or Σ_n Σ_k and Σ_k Σ_n, compare equal structurally.
- merge_sums: Σ a - Σ b over the same range as Σ (a - b).
"""

from __future__ import annotations

from contextlib import contextmanager

import sympy as sp
from sympy.printing.precedence import PRECEDENCE_TRADITIONAL

from derive_ce.decide.magnitude import as_expr, power
from derive_ce.memo import Kept


_done = Kept(4096)
_canonical = Kept(4096)


def _remembered(doit):
    """A sum's doit() kept by the sum itself (its body, bounds and bound
    symbols, Dummies by identity) and the hints: the engine does each
    expression until nothing changes, and the definitions' sums recur in every
    step of a file, so the same sum was done again and again (2 400 times
    for 214 sums in derivations/).  The result depends only on those."""
    def remembered(self, **hints):
        key = (doit, self, tuple(sorted(hints.items())))
        return _done.get(key, lambda: doit(self, **hints))
    remembered.__doc__ = doit.__doc__
    return remembered


class UsualSum(sp.Sum):
    """Σ with the usual convention: a range with fewer than no terms is empty
    and sums to 0.  SymPy's own Sum follows Karr (Σ_{k=3}^{1} 1 = -1, so
    Σ_{k=3}^{n} 1 = n - 2 for every n); here a closed form found for symbolic
    bounds is kept only where the range has hi - lo + 1 >= 0 terms, and is 0
    elsewhere (a Piecewise that the ranges close when they can)."""

    _empty = sp.S.Zero

    @_remembered
    def doit(self, **hints):
        if len(self.limits) > 1:            # innermost first: an inner range may be empty
            inner, *outer = self.limits     # SymPy's first limit is the innermost
            done = type(self)(self.function, inner).doit(**hints)
            if isinstance(done, type(self)):
                return self                 # Σ(Σ f) would fold back into this sum
            return type(self)(done, *outer).doit(**hints)
        var, lo, hi = self.limits[0]
        body = self.function.doit(**hints) if hints.get("deep", True) else self.function
        body = within(body, var, lo, hi)
        count = hi - lo + 1
        if count.is_Integer:
            return _karr(self)(body, (var, lo, hi)).doit(**hints) if count > 0 else self._empty
        done = _karr(self)(body, (var, lo, hi)).doit(**hints)
        if isinstance(done, (sp.Sum, sp.Product)) and done.function == body:
            return type(self)(body, (var, lo, hi))
        done = done.replace(lambda e: type(e) in (sp.Sum, sp.Product),
                            lambda e: (UsualSum if isinstance(e, sp.Sum) else UsualProduct)(*e.args))
        done = nonempty(done, count, self._empty)
        if _wrong_when_small(self, done, body, (var, lo, hi)):
            return type(self)(body, (var, lo, hi))
        return done


class UsualProduct(sp.Product):
    """Π with the usual convention: an empty range has product 1 (see UsualSum)."""

    _empty = sp.S.One
    doit = UsualSum.doit


def _wrong_when_small(total, closed: sp.Expr, body: sp.Expr, limit) -> bool:
    r"""A closed form that differs from the sum written out at the smallest
    sizes: SymPy gives Σ_{k=0}^{n} (-1)^k \binom{n}{k} = 0 for every n, but at
    n = 0 the sum is 1.  Each integer letter of the bounds is tried at its
    lowest values (0, 1, 2 or from 1 as declared); only a definite mismatch
    between numbers counts, and the sum is then kept as written."""
    var, lo, hi = limit
    letters = sorted((s for s in (lo.free_symbols | hi.free_symbols) if s.is_integer), key=str)
    if not letters or len(letters) > 2 or closed.has(sp.Sum, sp.Product):
        return False
    rest = sorted((body.free_symbols | closed.free_symbols) - {var} - set(letters), key=str)
    if len(rest) > 4 or rest and (body.has(sp.Indexed, sp.IndexedBase)
                                  or body.atoms(sp.core.function.AppliedUndef)):
        return False
    start = {s: 1 if s.is_positive else 0 if s.is_nonnegative else None for s in letters}
    if any(v is None for v in start.values()):
        return False
    for shift, other in [(n, 0) for n in range(3)] + ([(0, 1), (1, 1)] if rest else []):
        # the other letters at exact values their declarations allow (Σ_k C(n,k) x^k (-x)^{n-k}
        # is 0 in SymPy's closed form, 1 at n = 0 for every x)
        point = {s: sp.Integer(v + shift) for s, v in start.items()}
        point.update({s: _exact_value(s, other) for s in rest})
        low, high = lo.xreplace(point), hi.xreplace(point)
        if not (low.is_Integer and high.is_Integer) or high - low > 12:
            continue
        try:
            terms = [body.xreplace({**point, var: sp.Integer(k)})
                     for k in range(int(low), int(high) + 1)]
            written = (sp.Add(*terms) if isinstance(total, sp.Sum) else sp.Mul(*terms)) \
                if terms else total._empty
            value = closed.xreplace(point)
            gap = sp.nsimplify(sp.expand(value - written)) if value.is_number else None
        except (TypeError, ValueError, ArithmeticError, RecursionError):
            return False
        if gap is not None and gap.is_number and gap.is_zero is False:
            return True
    return False


def _exact_value(symbol: sp.Symbol, which: int) -> sp.Expr:
    """An exact value `symbol` may take: 2 or 3 for an integer, 3/7 or 5/3 for
    a positive or nonnegative real, their negatives for a negative one, 3/7
    or −5/3 for any real."""
    if symbol.is_integer:
        value = sp.Integer(2 + which)
    else:
        value = (sp.Rational(3, 7), sp.Rational(5, 3))[which]
    if symbol.is_negative or (symbol.is_integer is not True and symbol.is_positive is None
                              and symbol.is_nonnegative is None and which == 1):
        value = -value
    return value


def _karr(total) -> type:
    return sp.Sum if isinstance(total, sp.Sum) else sp.Product


def nonempty(value: sp.Expr, count: sp.Expr, empty: sp.Expr) -> sp.Expr:
    """value where a range has count >= 0 terms, else the empty sum or product."""
    if count.is_nonnegative:
        return value
    holds = sp.Ge(count, 0)
    if holds is sp.true:
        return value
    if holds is sp.false:
        return empty
    return sp.Piecewise((value, holds), (empty, True))


def within(body: sp.Expr, var: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr:
    """Relations in body that var's own range [lo, hi] decides, replaced by
    their truth (Σ_i of a Piecewise on n - i + 1 >= 0 with i in [1, n])."""
    from derive_ce.decide.ranges import decide_in

    mapping = {}
    for rel in body.atoms(sp.core.relational.Relational):
        if var in rel.free_symbols:
            value = decide_in(rel, {var: (lo, hi)})
            if value is not None:
                mapping[rel] = sp.true if value else sp.false
    return body.xreplace(mapping) if mapping else body


class ElementSum(UsualSum):
    """Σ over vector or matrix elements, such as Σ_j e^{L_j}.

    No closed form exists for an unknown sequence, so doit() does not search
    for one (SymPy's Gosper and hypergeometric attempts are most of the cost
    of a step); it only evaluates the body, sums Kronecker deltas, and
    expands sums whose bounds are numbers.
    """

    @_remembered
    def doit(self, **hints):
        limits = self.limits
        if all(lo.is_Integer and hi.is_Integer for _, lo, hi in limits):
            return UsualSum.doit(self, **hints)
        body = self.function.doit(**hints) if hints.get("deep", True) else self.function
        for limit in limits:                  # one index at a time, innermost first
            body = _summed(body, limit)
        return body


# SymPy's LaTeX and pretty printers know Σ and Π by class name: under a power
# `(Σ_k x_k)^2` lost its brackets and read as Σ_k x_k^2 in "read as".
for _name, _like in (("UsualSum", "Sum"), ("ElementSum", "Sum"), ("UsualProduct", "Product")):
    PRECEDENCE_TRADITIONAL.setdefault(_name, PRECEDENCE_TRADITIONAL[_like])


def _summed(body: sp.Expr, limit) -> sp.Expr:
    """Σ over one index: Kronecker deltas summed, Σ (a + b) split, else kept."""
    var = limit[0]
    if any(var in delta.free_symbols for delta in body.atoms(sp.KroneckerDelta)):
        return sp.Add(*(_delta_summed(term, limit) for term in sp.Add.make_args(sp.expand(body))))
    if body.is_Add:
        return sp.Add(*(make_sum(term, *limit) for term in body.args))
    return make_sum(body, *limit)


def _delta_summed(term: sp.Expr, limit) -> sp.Expr:
    """Σ_j δ_{j,e} f(j) = f(e) where lo <= e <= hi, else 0 (a Piecewise that
    the ranges close later).  Any other term stays a sum: SymPy's delta
    summation is slow on delta-free terms and unsound on δ_{i,2j} (it
    returns x_{i/2} for odd i)."""
    var, lo, hi = limit
    factors = sp.Mul.make_args(term)
    for delta in factors:
        value = _delta_value(delta, var)
        if value is not None:
            rest = sp.Mul(*(f for f in factors if f is not delta))
            inside = sp.Interval(lo, hi).as_relational(value)
            return sp.Piecewise((rest.subs(var, value), inside), (sp.S.Zero, True))
    if not any(var in d.free_symbols for d in term.atoms(sp.KroneckerDelta)):
        return make_sum(term, *limit)
    outside, inside = _split(term, var)     # kept: SymPy's Sum would delta-sum it
    return outside * ElementSum(inside, limit)


def _delta_value(factor: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """e when factor is δ_{var,e} or δ_{e,var} (or a power of it), e free of var."""
    if factor.is_Pow and factor.exp.is_Integer and factor.exp.is_positive:
        factor = factor.base
    if not isinstance(factor, sp.KroneckerDelta):
        return None
    first, second = factor.args
    if first == var and var not in second.free_symbols:
        return second
    if second == var and var not in first.free_symbols:
        return first
    return None


def bound_variable(name: str, lo: sp.Expr, hi: sp.Expr) -> sp.Dummy:
    """A sum's index: a fresh integer that carries only the sum's own bounds,
    never a declared index's range or another sum's letter."""
    return sp.Dummy(name, **_index_flags(lo, hi))


@contextmanager
def binding(local: dict, name: str, var: sp.Symbol):
    """Inside a sum's body, its index letter names the sum's own variable:
    `local` is a reader's table of such names, restored afterwards."""
    saved = local.get(name)
    local[name] = var
    try:
        yield
    finally:
        if saved is None:
            del local[name]
        else:
            local[name] = saved


def _index_flags(lo: sp.Expr, hi: sp.Expr) -> dict:
    """What a sum's index is known to be from its own bounds, and nothing else."""
    flags = {"integer": True}
    if lo.is_positive:
        flags["positive"] = True
    elif lo.is_nonnegative:
        flags["nonnegative"] = True
    elif hi.is_negative:
        flags["negative"] = True
    elif hi.is_nonpositive:
        flags["nonpositive"] = True
    return flags


def substitute(expr: sp.Expr, mapping: dict) -> sp.Expr:
    """expr with mapping's keys replaced, without capture: a bound index that
    clashes with a name coming in (or with a key's own index) is renamed
    first, and a derivative by a replaced variable is taken before the value
    goes in (it becomes Subs)."""
    if not mapping:
        return expr
    avoid = set()
    for key, value in mapping.items():
        avoid |= key.free_symbols | as_expr(value).free_symbols
    expr = _apart(expr, avoid)
    held = {d: sp.Dummy("derivative") for d in expr.atoms(sp.Derivative)
            if any(v in mapping or v.free_symbols & set(mapping) for v in d._wrt_variables)}
    back = {holder: d.subs(mapping) for d, holder in held.items()}
    return expr.xreplace(held).xreplace(mapping).xreplace(back)


def _apart(expr: sp.Expr, avoid: set) -> sp.Expr:
    """Bound indices of sums and products in `avoid` renamed to fresh ones."""
    expr = _map_args(expr, lambda arg: _apart(arg, avoid))
    if isinstance(expr, (sp.Sum, sp.Product)):
        clash = {v: sp.Dummy(v.name, **v.assumptions0)
                 for v, _, _ in expr.limits if v in avoid}
        if clash:
            expr = expr.xreplace(clash)
    return expr


def make_sum(body: sp.Expr, var: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr:
    """Σ with the factors that do not depend on the index taken outside."""
    outside, inside = _split(body, var)
    count = hi - lo + 1
    if inside == 1:
        return _guarded(outside, nonempty(count, count, sp.S.Zero), count)
    kind = ElementSum if _over_elements(inside, var) else UsualSum
    return _guarded(outside, kind(inside, (var, lo, hi)), count)


def _guarded(outside: sp.Expr, total: sp.Expr, count: sp.Expr) -> sp.Expr:
    """outside · Σ, and 0 where the range is empty: Σ_{k=1}^{n} 1/n is 0 at
    n = 0 (no term is ever evaluated), but (1/n)·n is 1 for SymPy, so the
    false `= 1` was proved.  Only where outside has a denominator in symbols
    and the range is not known to hold a term."""
    held = sp.Ge(count, 1)
    if held is sp.true or not sp.denom(outside).free_symbols:
        return outside * total
    return sp.Piecewise((outside * total, held), (sp.S.Zero, True))


def _over_elements(body: sp.Expr, var: sp.Symbol) -> bool:
    return any(var in element.free_symbols for element in body.atoms(sp.Indexed))


def make_product(body: sp.Expr, var: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr:
    outside, inside = _split(body, var)
    count = hi - lo + 1
    return nonempty(power(outside, count), count, sp.S.One) * UsualProduct(inside, (var, lo, hi))


def _split(body: sp.Expr, var: sp.Symbol) -> tuple[sp.Expr, sp.Expr]:
    inside, outside = [], []
    for factor in sp.Mul.make_args(body):
        (inside if var in depends_on(factor) else outside).append(factor)
    return sp.Mul(*outside), sp.Mul(*inside)


def depends_on(expr: sp.Expr) -> set:
    """The letters expr depends on: its free symbols, and the letters of the
    variables of a derivative not yet taken.  SymPy counts ∂p_i/∂z_j as free of
    j (a derivative's variable is bound for it), so Σ_j ∂p_i/∂z_j became
    n·∂p_i/∂z_j, with j free, where the sum is 0 (attack 32)."""
    found = set(expr.free_symbols)
    for derivative in expr.atoms(sp.Derivative):
        for variable, count in derivative.variable_count:    # `d^k/dx^k`: its order too
            found |= variable.free_symbols | getattr(count, "free_symbols", set())
    return found


def canonical(expr: sp.Expr) -> sp.Expr:
    """The canonical form of every sum in expr (see the module's doc); kept by
    expr (it depends on nothing else): several texts of a file prepare to the
    same expression, and the same sums come back in a branch's late values."""
    return _canonical.get(expr, lambda: _canonical_now(expr))


def _canonical_now(expr: sp.Expr) -> sp.Expr:
    taken = [int(s.name[len("_bound"):].split("_")[0]) for s in expr.free_symbols
             if s.name.startswith("_bound") and s.name[len("_bound"):].split("_")[0].isdigit()]
    # a part of a canonical expression (Σ_c y_{r,c} inside Σ_r) keeps the names
    # of its enclosing sums free: its own indices are named past them, so the
    # outer index is never captured (Σ_c y_{r,c} is not the trace Σ_c y_{c,c})
    return rename_bound(order_sums(expr), max(taken) + 1 if taken else 0)


def order_sums(expr: sp.Expr) -> sp.Expr:
    """Σ_n a_n Σ_k b_{n,k} -> one Σ over (n, k) of a_n b_{n,k}, its independent
    ranges in a fixed order, so that the order of summation changes nothing."""
    expr = _map_args(expr, order_sums)
    if not isinstance(expr, sp.Sum):
        return expr
    spread = _spread(expr.function)
    if spread.is_Add:                       # Σ (a + b) -> Σ a + Σ b, each in order
        return sp.Add(*(order_sums(_rebuilt(expr, term)) for term in spread.args))
    limits, body, kind = list(expr.limits), expr.function, type(expr)
    inner = [f for f in sp.Mul.make_args(body) if isinstance(f, sp.Sum)]
    if len(inner) == 1 and _independent(limits + list(inner[0].limits)):
        (total,) = inner
        rest = sp.Mul(*(f for f in sp.Mul.make_args(body) if f is not total))
        if not ({v for v, _, _ in total.limits} & depends_on(rest)):
            body, limits = rest * total.function, list(total.limits) + limits
            kind = ElementSum if ElementSum in (kind, type(total)) else kind
    if _independent(limits):
        separated = _separate(body, limits)
        if separated is not None:
            return separated
        limits.sort(key=lambda limit: (sp.srepr(limit[1]), sp.srepr(limit[2])))
    return kind(body, *limits)


def _spread(body: sp.Expr) -> sp.Expr:
    """Products over sums multiplied out, and small powers of sums too:
    Σ_k (x_k - μ)^2 becomes Σ x_k^2 - 2 μ Σ x_k + m μ^2 once split."""
    small = body.replace(
        lambda e: e.is_Pow and e.base.is_Add and e.exp.is_Integer and 2 <= e.exp <= 4,
        lambda e: sp.expand(e, deep=False))
    return sp.expand_mul(small)


def _separate(body: sp.Expr, limits: list) -> sp.Expr | None:
    """Σ_{j,k} a_j b_k -> (Σ_j a_j)(Σ_k b_k), when each factor has one index."""
    if len(limits) < 2:
        return None
    groups: dict = {var: [] for var, _, _ in limits}
    constant = []
    for factor in sp.Mul.make_args(body):
        used = [var for var in groups if var in depends_on(factor)]
        if len(used) > 1:
            return None
        (groups[used[0]] if used else constant).append(factor)
    total = sp.Mul(*constant)
    for var, lo, hi in limits:
        total *= make_sum(sp.Mul(*groups[var]), var, lo, hi)
    return total


def _rebuilt(total: sp.Sum, body: sp.Expr) -> sp.Expr:
    if len(total.limits) == 1:
        return make_sum(body, *total.limits[0])
    return type(total)(body, *total.limits)


def _independent(limits) -> bool:
    names = {v for v, _, _ in limits}
    return len(names) == len(limits) and not any(
        names & (lo.free_symbols | hi.free_symbols) for _, lo, hi in limits)


def rename_bound(expr: sp.Expr, depth: int = 0) -> sp.Expr:
    """Σ_j and Σ_k over the same range are the same sum: bound indices get
    canonical names by nesting depth and position, so that structure sees it."""
    if isinstance(expr, (sp.Sum, sp.Product)):
        names = {var: sp.Symbol(f"_bound{depth}_{pos}", **_index_flags(lo, hi))
                 for pos, (var, lo, hi) in enumerate(expr.limits)}
        limits = [(names[v], lo.xreplace(names), hi.xreplace(names)) for v, lo, hi in expr.limits]
        inner = _apart(expr.function, set(names.values()))    # no inner sum may capture
        body = rename_bound(inner.xreplace(names), depth + 1)
        return type(expr)(body, *limits)
    return _map_args(expr, lambda arg: rename_bound(arg, depth))


def _map_args(expr: sp.Expr, fn) -> sp.Expr:
    """expr with fn applied to its arguments, rebuilt only if one changed."""
    if not expr.args:
        return expr
    args = [fn(a) for a in expr.args]
    return expr if all(a is b for a, b in zip(args, expr.args)) else expr.func(*args)


def merge_sums(expr: sp.Expr, simplify_body=sp.cancel) -> sp.Expr:
    """Σ a_j - Σ b_j over the same range -> Σ (a_j - b_j), the body simplified.

    Bound indices were given canonical names (rename_bound), so sums
    over the same range have equal limits.  Factors outside a sum that do not
    involve its index move inside.
    """
    groups: dict = {}
    rest = []
    for term in sp.Add.make_args(sp.expand_mul(expr)):
        sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if len(sums) != 1:
            rest.append(term)
            continue
        (total,) = sums
        coeff = term / total
        if {v for v, _, _ in total.limits} & depends_on(coeff):
            rest.append(term)
            continue
        key = (type(total), total.limits)
        groups[key] = groups.get(key, 0) + coeff * total.function
    merged = []
    for (kind, limits), body in groups.items():
        body = simplify_body(merge_sums(body, simplify_body))
        if body != 0:
            merged.append(kind(body, *limits))
    return sp.Add(*rest, *merged)


