"""Exact numbers that stay small enough to compute with.

SymPy evaluates a power of two numbers, or a factorial of a number, at once
and exactly; `10^{10^{10}}` would exhaust memory.  An unevaluated huge power is
no protection (any later operation may evaluate it), so such numbers are
refused while the math is read, with a message.
"""

from __future__ import annotations

import sympy as sp

from derive_ce.errors import InputError

MAX_BITS = 1_000_000
MAX_FACTORIAL = 20_000


def power(base: sp.Expr, exponent: sp.Expr) -> sp.Expr:
    """base**exponent; a number too large to hold exactly is refused.

    (An unevaluated huge power is no protection: any later SymPy operation
    may evaluate it.)
    """
    if base.is_number and exponent.is_number and _huge(base, exponent):
        raise InputError(f"the number {_short(base)}^{_short(exponent)} is too large to work "
                         f"with exactly (more than {MAX_BITS:,} bits)")
    return sp.Pow(base, exponent)


def _huge(base: sp.Expr, exponent: sp.Expr) -> bool:
    """Would base**exponent need more than MAX_BITS bits?  Unsure counts as yes."""
    try:
        size = sp.N(sp.log(sp.Abs(base) + 2, 2) * sp.Abs(exponent), 15)
        return not size.is_finite or size > MAX_BITS
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        return True


def factorial(value: sp.Expr) -> sp.Expr:
    """value!, refused when value is a number too large to compute exactly."""
    if value.is_number and (not value.is_finite or sp.N(value, 15) > MAX_FACTORIAL):
        raise InputError(f"{_short(value)}! is too large to work with exactly "
                         f"(over {MAX_FACTORIAL:,}!)")
    return sp.factorial(value)


MAX_ZETA = 1_000      # ζ(2k) is evaluated through the Bernoulli number B_2k


def gamma(value: sp.Expr) -> sp.Expr:
    """Γ(value): SymPy evaluates Γ at an integer as a factorial, so a number
    too large for that is refused like the factorial."""
    if value.is_number and (not value.is_finite or sp.N(sp.Abs(value), 15) > MAX_FACTORIAL):
        raise InputError(f"Γ({_short(value)}) is too large to work with exactly "
                         f"(over Γ({MAX_FACTORIAL:,}))")
    return sp.gamma(value)


def zeta(value: sp.Expr) -> sp.Expr:
    """ζ(value): SymPy evaluates ζ at an even integer through a Bernoulli
    number, so a number too large for that is refused."""
    if value.is_number and (not value.is_finite or sp.N(sp.Abs(value), 15) > MAX_ZETA):
        raise InputError(f"ζ({_short(value)}) is too large to work with exactly "
                         f"(over ζ({MAX_ZETA:,}))")
    return sp.zeta(value)


def _short(value: sp.Expr) -> str:
    """A short text for any value, even a number too long to print."""
    if value.is_Integer and abs(value.p).bit_length() > 1000:
        return f"(a number of about {abs(value.p).bit_length() * 30103 // 100000:,} digits)"
    try:
        text = sp.sstr(value)
    except ValueError:
        return "(a very large number)"
    return text if len(text) <= 24 else text[:10] + "…" + text[-10:]




def as_expr(value) -> sp.Basic:
    """A SymPy object for a value that already is one, or a Python integer.
    Never text: nothing a file holds is ever sympified."""
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return sp.Integer(value)
    raise TypeError(f"not an expression: {type(value).__name__}")
