"""What compiled expressions run in: the environment, numeric derivatives,
and the concrete functions that stand for declared (unknown) functions."""

from __future__ import annotations

import random
import zlib
from fractions import Fraction

import mpmath
from mpmath import mpf

from derive_ce.evaluate.numbers import NotDifferentiable, Unsupported, exact, normal, real

MAX_WORK = 50_000         # terms written out and function evaluations, per expression and instance


class Env:
    """One instance (the values of every symbol), the variables a derivative
    moves (`over`), the values of bound letters (`loc`: sum indices,
    parameters), and a memo of defined names for this `over`."""

    __slots__ = ("inst", "over", "memo", "loc", "work")

    def __init__(self, inst, over=None, loc=None, work=None):
        self.inst = inst
        self.over = over or {}
        self.memo = {}
        self.loc = loc if loc is not None else {}
        self.work = work if work is not None else [0, 0]

    def moved(self, key, value) -> "Env":
        """The same instance with one variable set to value (a fresh memo)."""
        return Env(self.inst, {**self.over, key: value}, dict(self.loc), self.work)

    def fresh(self, loc: dict) -> "Env":
        """The same values with only the given bound letters (a definition's body)."""
        other = Env.__new__(Env)
        other.inst, other.over, other.memo, other.work = self.inst, self.over, self.memo, self.work
        other.loc = loc
        return other

    def note(self, a, b) -> None:
        """The largest term added so far: what a true identity may cancel."""
        for value in (a, b):
            size = abs(value)
            if type(size) is not mpf and isinstance(size, Fraction):   # (see numbers.exact)
                size = real(size)
            if size > self.work[1]:
                self.work[1] = size

    def count(self, amount: int = 1) -> None:
        self.work[0] += amount
        if self.work[0] > MAX_WORK:
            raise Unsupported(f"more than {MAX_WORK:,} terms or evaluations in one instance")


# -- numeric derivatives -------------------------------------------------------

def derivative(g, x0, order: int, label: str, note=None):
    """The order-th derivative of g at x0 by central differences at raised
    precision; each order checks that the one-sided derivatives agree, so a
    kink or a jump raises NotDifferentiable instead of being smoothed over.
    `note` is told the scale of the result's error: |g| / max(1, |x0|)."""
    if order == 0:
        return g(x0)
    if order == 1:
        return _first(g, x0, label, note)
    return _higher(g, x0, order, label, note)


def _first(g, x0, label: str, note=None):
    r"""Central difference with a step of 10^-(D+2) at 2D+10 digits: the step's
    error (h²) is far below D digits, and the rounding error stays at D+8.
    One-sided derivatives that differ are tried once more at 4D+10 digits
    before a kink is said: `\ln(1 - \sigma(z))` at z = 123 loses 54 digits to
    the cancellation in 1 − σ(z), which is rounding, not a kink.  Then once
    more with a step D digits smaller: a smooth function's one-sided slopes
    differ by its curvature times the step, which shrinks with it
    (`\cosh(x^3)` at x = −1.2·10^{10} curves by 3x² = 4·10^{20} per unit of
    its slope), while a kink's differ by the same jump at any step."""
    digits = mpmath.mp.dps
    for work, step in ((2 * digits + 10, digits + 2), (4 * digits + 10, digits + 2),
                       (5 * digits + 10, 2 * digits + 2)):
        with mpmath.workdps(work):
            point = real(x0)
            h = mpf(10) ** (-step) * max(mpf(1), abs(point))
            mid, up, down = g(x0), g(point + h), g(point - h)      # x0 as it is: 0 stays exact
            try:
                return normal(+_slope(down, mid, up, h, digits, point, note))
            except _Spread:
                continue
    raise NotDifferentiable(label, x0)


def _higher(g, x0, order: int, label: str, note=None):
    r"""The order-th derivative as central differences of central differences
    on one grid x0 + k·h (k = -order … order), with the one-sided check at
    every level, so that a kink of any lower derivative is still found. Each
    level loses D+2 digits, so the grid is evaluated once, at D + order·(D+2)
    + 10 digits: 2·order + 1 evaluations. (Nesting the first derivative
    evaluated 3^order points at precisions that doubled with each level:
    `rac{d^5}{dx^5} x e^{2x}` took 3 s.) As for the first derivative, a
    spread is tried once more at twice the digits, then with a step D digits
    smaller (a curvature, not a kink), before a kink is said."""
    digits = mpmath.mp.dps
    base = digits + order * (digits + 2) + 10
    small = digits + order * (2 * digits + 2) + 10
    for work, step in ((base, digits + 2), (2 * base, digits + 2), (small, 2 * digits + 2)):
        with mpmath.workdps(work):
            point = real(x0)
            h = mpf(10) ** (-step) * max(mpf(1), abs(point))
            values: dict = {}
            levels: dict = {}

            def at(k: int):
                if k not in values:      # x0 as it is at k = 0: 0 stays exact
                    values[k] = g(x0) if k == 0 else g(point + k * h)
                return values[k]

            def level(m: int, k: int):
                """The m-th derivative at x0 + k·h, or None where the sides differ."""
                if m == 0:
                    return at(k)
                if (m, k) not in levels:
                    levels[(m, k)] = _slope(level(m - 1, k - 1), level(m - 1, k),
                                            level(m - 1, k + 1), h, digits, point, note)
                return levels[(m, k)]

            at(0)           # outside the domain there (1/x at 0): Undefined, not a kink
            try:
                return normal(+level(order, 0))
            except _Spread:
                continue
    raise NotDifferentiable(label, x0)


class _Spread(Exception):
    """The one-sided slopes differ at one level of a higher derivative."""


def _slope(down, mid, up, h, digits: int, point, note):
    """The central difference, where the one-sided ones agree to D/2 digits;
    `note` is told the scale of its error (it is good to D digits of
    |g| / max(1, |x0|), not of itself)."""
    if exact(mid) and exact(up) and exact(down) and mid == up == down:
        return 0
    mid, up, down = real(mid), real(up), real(down)
    forward, backward = (up - mid) / h, (mid - down) / h
    if abs(forward - backward) > mpf(10) ** (-(digits // 2)) * (1 + abs(forward) + abs(backward)):
        raise _Spread
    if note is not None:
        note(max(abs(up), abs(down)) / max(mpf(1), abs(point)), 0)
    return (up - down) / (2 * h)


# -- concrete functions for declared ones -----------------------------------------

def concrete(name: str, arity: int):
    """One smooth function per name and arity, the same wherever it is used:
    f(x₁…x_k) = a + Σ bᵢxᵢ + c·sin(Σ dᵢxᵢ + e) + g·exp(−(Σ qᵢxᵢ)²/4)."""
    rng = random.Random(zlib.crc32(f"function|{name}|{arity}".encode()))

    def coefficient(low=0.3, high=1.7):
        """One coefficient, the same at whatever precision it is made: read from
        its digits at 80 digits, sign included (a `-value` outside the block
        would round it to the caller's precision: a function made while a
        definition is read inside a derivative would differ from the same
        function made at 15 digits, in the 16th digit)."""
        digits = "".join(str(rng.randrange(10)) for _ in range(60))
        lead = low + (high - low) * rng.random()
        sign = "" if rng.random() < 0.5 else "-"
        with mpmath.workdps(80):
            return mpf(f"{sign}{lead:.6f}{digits}")

    a, c, e, g = (coefficient() for _ in range(4))
    b = [coefficient() for _ in range(arity)]
    d = [coefficient() for _ in range(arity)]
    q = [coefficient() for _ in range(arity)]

    def function(*args):
        if len(args) != arity:
            raise Unsupported(f"`{name}` applied to {len(args)} arguments")
        xs = [real(x) for x in args]
        linear = sum((bi * x for bi, x in zip(b, xs)), mpf(0))
        wave = mpmath.sin(sum((di * x for di, x in zip(d, xs)), e))
        bump = mpmath.exp(-sum((qi * x for qi, x in zip(q, xs)), mpf(0)) ** 2 / 4)
        return normal(a + linear + c * wave + g * bump)

    return function
