"""Is a == b under a branch's conditions?  A ladder of strategies.

Cheapest first, each bounded by the step's deadline: structure, canonical
forms (expand, cancel), numeric sampling (which alone may refute), then
heavier canonical forms (powsimp / expand_log, rewrite(exp), simplify).
`proved` only when a symbolic rung reached zero; `numeric` when sampling
agreed and no rung could prove it; `failed` with a counterexample point.
"""

from __future__ import annotations

import itertools
import math
import time

import sympy as sp

from derive_ce.decide import sampling
from derive_ce.decide.context import Context
from derive_ce.decide.sums import merge_sums
from derive_ce.limits import cpu_deadline
from derive_ce.results import Verdict


class OutOfTime(Exception):
    """The soft deadline of a step passed inside a rung."""


def deadline(seconds: float):
    """Raise OutOfTime after `seconds` of this process's CPU time (worker
    processes only: uses SIGPROF; derive_ce/limits.py)."""
    return cpu_deadline(seconds, OutOfTime)


CHEAP_SECONDS = 1.0    # at most, per cheap rung: sampling must keep its time
HEAVY_SECONDS = 1.0    # at most, per heavy rung: a numeric verdict should come soon

CHEAP = (
    ("expand", lambda d: sp.expand(d)),
    ("cancel", lambda d: sp.cancel(sp.together(d))),
    ("merge sums", lambda d: sp.cancel(merge_sums(d)) if d.has(sp.Sum) else d),
)
HEAVY = (
    ("powsimp", lambda d: sp.expand(sp.expand_log(sp.powsimp(sp.expand(d))))),
    ("rewrite(exp)", lambda d: sp.cancel(sp.expand(d.rewrite(sp.exp)))),
    ("logcombine", lambda d: sp.simplify(sp.logcombine(d))),
    ("simplify", lambda d: sp.simplify(d)),
    ("residues", lambda d: _by_residues(d)),
)
MAX_RESIDUE_CASES = 36


def equivalent(a: sp.Expr, b: sp.Expr, ranges: dict, ctx: Context,
               budget: float, sampled: list | None = None) -> Verdict:
    """The verdict on a == b, deciding within `budget` seconds.

    `ranges` maps index symbols to (low, high); `ctx` holds the branch's
    conditions.  The verdict carries its evidence: the rung that proved it,
    the number of points that agreed, or the counterexample.
    `sampled`, where given, receives the sampling's result (its
    counterexample, as plain data, for the engine to ask the evaluator).
    """
    undefined = _undefined(a, b)
    if undefined:
        return Verdict("unknown", undefined, "undefined")
    if a == b:
        return Verdict("proved", method="identical")
    diff = _masked(a - b)
    end = time.process_time() + budget
    forms: dict = {}
    proof = _first_zero(diff, CHEAP, end, min(budget / 10, CHEAP_SECONDS), forms)
    if proof:
        return Verdict("proved", method=proof)
    found = _sample(a, b, ranges, ctx, end)
    if sampled is not None:
        sampled.append(found)
    sampled = found
    if sampled.outcome == "differ":
        return Verdict("failed", "not equal " + sampling.describe(sampled), "sampling",
                       evidence=sampling.evidence(sampled))
    proof = _first_zero(diff, HEAVY, end, min(budget / 10, HEAVY_SECONDS), forms)
    if proof:
        return Verdict("proved", method=proof)
    if sampled.outcome == "equal":
        return Verdict("numeric", f"equal at {sampled.points} sampled points "
                       f"({sampled.ranges()}); SymPy could not prove it", "sampling",
                       evidence={"points": sampled.points})
    if sampled.outcome == "constant":
        return Verdict("unknown", f"{sampled.reason}, but SymPy could not prove them equal "
                       "(a number is not taken as equal on its digits alone)", "constant")
    if time.process_time() >= end:
        return Verdict("unknown", f"timed out after {budget:g} s: {sampled.reason}", "timeout")
    return _undecided(diff, forms.get("simplify"), sampled, end)


def _masked(diff: sp.Expr) -> sp.Expr:
    """Sums inside function arguments, such as e^{-Σ_k X_{n,k} w_k}, as opaque
    symbols for the canonical forms (which would otherwise turn e^{Σ} into Π e^{…}).
    Sound for proofs: if the difference is zero for any value of a symbol, it is
    zero for the sum it stands for."""
    mapping: dict = {}
    for func in diff.atoms(sp.Function):
        for inner in func.atoms(sp.Sum):
            mapping.setdefault(inner, sp.Dummy("sum"))
    return diff.xreplace(mapping) if mapping else diff


def _text(value) -> str:
    try:
        text = sp.sstr(value)
    except ValueError:                     # an integer too long to print
        return "a very large number"
    return text if len(text) <= 200 else text[:200] + "…"


def _undefined(a: sp.Expr, b: sp.Expr) -> str:
    for side, expr in (("left", a), ("right", b)):
        if expr.has(sp.zoo, sp.nan):
            return f"the {side} side is undefined (a division by zero?)"
    return ""


def _first_zero(diff, rungs, end: float, share: float, forms: dict) -> str:
    """The name of the first rung that brings diff to zero, each rung bounded
    by `share` seconds (cheap rungs must leave time for sampling); the forms
    computed are kept in `forms` by rung name."""
    for name, rung in rungs:
        left = end - time.process_time()
        if left <= 0:
            return ""
        try:
            with deadline(min(left, share)):
                forms[name] = rung(diff)
            if forms[name] == 0:
                return name
        except OutOfTime:
            continue
        except (TypeError, ValueError, ArithmeticError, NotImplementedError,
                AttributeError, sp.PolynomialError, LookupError, StopIteration):
            continue        # a rung SymPy trips in (sum_simplify's StopIteration): the next one
    return ""


def _by_residues(diff: sp.Expr) -> sp.Expr:
    """0 when diff simplifies to 0 in every residue class of its integer
    symbols: n = q m + r for r = 0..q-1, with q from `(-1)^n` (2) and from the
    denominators of n's coefficients inside floor, ceiling, frac and Mod
    (`\\lceil n/2 \\rceil`, `\\lfloor n/3 \\rfloor`). The classes cover every
    integer (m keeps n's sign where n is nonnegative), so a zero in each is a
    proof; diff itself (nonzero) otherwise."""
    moduli: dict = {}
    turning = [p for p in diff.atoms(sp.Pow) if p.base == -1] + \
        list(diff.atoms(sp.floor, sp.ceiling, sp.frac, sp.Mod))
    for node in turning:
        inner = node.exp if isinstance(node, sp.Pow) else node.args[0]
        modulus = node.args[1] if isinstance(node, sp.Mod) else None
        for symbol in inner.free_symbols:
            if not symbol.is_integer:
                continue
            coeff = sp.expand(inner).coeff(symbol)
            if isinstance(node, sp.Pow):
                q = 2 * (coeff.q if coeff.is_Rational else 1)
            elif modulus is not None:
                q = int(modulus) if modulus.is_Integer else 0
            else:
                q = coeff.q if coeff.is_Rational else 0
            if 1 < q <= 12:
                moduli[symbol] = sp.ilcm(moduli.get(symbol, 1), q)
    if not moduli or math.prod(moduli.values()) > MAX_RESIDUE_CASES:
        return diff
    symbols = list(moduli)
    fresh = {s: sp.Dummy(f"{s}_m", integer=True, nonnegative=bool(s.is_nonnegative))
             for s in symbols}
    for residues in itertools.product(*(range(moduli[s]) for s in symbols)):
        values = {s: moduli[s] * fresh[s] + r for s, r in zip(symbols, residues)}
        if sp.simplify(diff.xreplace(values)) != 0:
            return diff
    return sp.Integer(0)


def _sample(a, b, ranges, ctx, end: float) -> sampling.Sampled:
    left = end - time.process_time()
    if left <= 0:
        return sampling.Sampled("unknown", reason="no time left to sample")
    try:
        with deadline(left):
            return sampling.compare(a, b, ranges, ctx)
    except OutOfTime:
        return sampling.Sampled("unknown", reason="sampling ran out of time")


def _undecided(diff, simple, sampled: sampling.Sampled, end: float) -> Verdict:
    """Sampling could not decide: a constant nonzero difference still fails."""
    if simple is None:
        try:
            with deadline(max(end - time.process_time(), 0.05)):
                simple = sp.simplify(diff)
        except (OutOfTime, TypeError, ValueError, ArithmeticError, NotImplementedError):
            simple = None
    if simple is not None and simple.is_number and simple != 0 and simple.is_finite:
        return Verdict("failed", f"the two sides differ by {_text(simple)}", "difference")
    return Verdict("unknown", f"could not decide: {sampled.reason}", "sampling")
