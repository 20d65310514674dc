"""Concrete numbers: exact where they can be (int, Fraction), else mpmath mpf.

Integers stay integers (sizes, indices, binomials, factorials), rationals
written in the file stay exact, and everything a real touches is an mpf at
the working precision.  A value outside the reals (ln of a negative number,
a division by zero) raises Undefined: that instance is outside the domain.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
from mpmath import mpf

from derive_ce.memo import Kept

MAX_BITS = 200_000            # an exact power larger than this goes to mpf
MAX_FACTORIAL = 5_000
MAX_EXPONENT = mpf(10) ** 15      # e^x beyond this is not held (e^{e^x} at a far x)


class Undefined(Exception):
    """The expression has no real value at this instance (outside its domain)."""


class Unsupported(Exception):
    """A construct the evaluator does not evaluate; the reason is the message."""


class NotDifferentiable(Exception):
    """A derivative at a kink or a jump: the one-sided derivatives differ."""

    def __init__(self, variable: str, at):
        super().__init__(variable)
        self.variable = variable
        self.at = at


# `type(x) is mpf` first: an isinstance check against Fraction (an ABC) of an mpf
# takes ABCMeta's slow path, and mpfs are most of what these see.

def exact(value) -> bool:
    if type(value) is mpf:
        return False
    return isinstance(value, (int, Fraction))


def real(value) -> mpf:
    """The value as an mpf at the working precision."""
    if type(value) is mpf:
        return value
    if isinstance(value, Fraction):
        return mpf(value.numerator) / value.denominator
    if isinstance(value, mpf):
        return value
    if isinstance(value, int):
        return mpf(value)
    if isinstance(value, mpmath.mpc):
        if value.imag == 0:
            return value.real
        raise Undefined("a complex value")
    return mpf(value)


def normal(value):
    """Fractions with denominator 1 as ints; mpf must be finite and real."""
    kind = type(value)
    if kind is mpf:
        if not mpmath.isfinite(value):
            raise Undefined("an infinite value")
        return value
    if kind is int:
        return value
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else value
    if isinstance(value, mpmath.mpc):
        if value.imag != 0:
            raise Undefined("a complex value")
        value = value.real
    if isinstance(value, mpf) and not mpmath.isfinite(value):
        raise Undefined("an infinite value")
    return value


def whole(value) -> int:
    """An integer value (an index, a bound, a size); refused otherwise."""
    value = normal(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, mpf) and value == mpmath.floor(value) and abs(value) < 10 ** 9:
        return int(value)
    raise Unsupported("an index or a bound that is not a whole number")


def add(a, b):
    return normal(a + b)


def sub(a, b):
    return normal(a - b)


def mul(a, b):
    return normal(a * b)


def div(a, b):
    if b == 0:
        raise Undefined("a division by zero")
    if exact(a) and exact(b):
        return normal(Fraction(a) / Fraction(b))
    return normal(real(a) / real(b))


def power(base, exponent):
    exponent = normal(exponent)
    base = normal(base)
    if isinstance(exponent, int):
        if base == 0 and exponent < 0:
            raise Undefined("zero to a negative power")
        if exact(base):
            if abs(exponent) * max(_bits(base), 1) > MAX_BITS:
                return normal(real(base) ** exponent)
            return normal(Fraction(base) ** exponent)
        return normal(base ** exponent)
    if isinstance(exponent, Fraction) and base < 0:
        if exponent.denominator % 2 == 0:
            raise Undefined("an even root of a negative number")
        root = -(real(-base) ** (mpf(1) / exponent.denominator))      # (-8)^{1/3} = -2
        return normal(root ** exponent.numerator)
    if base < 0:
        raise Undefined("a negative number to a real power")
    if base == 0:
        if real(exponent) > 0:
            return 0
        raise Undefined("zero to a power that is not positive")
    if abs(real(exponent)) * abs(mpmath.ln(real(base))) > MAX_EXPONENT:
        raise Undefined("a value too large to hold (a power past e^(10^15))")
    return normal(mpmath.power(real(base), real(exponent)))


def _bits(value) -> int:
    if isinstance(value, Fraction):
        return max(abs(value.numerator).bit_length(), value.denominator.bit_length())
    return abs(value).bit_length()


def root(value, order):
    order = normal(order)
    if isinstance(order, int) and order % 2 == 1 and value < 0:
        return normal(-(real(-value) ** (mpf(1) / order)))
    if value < 0:
        raise Undefined("an even root of a negative number")
    if exact(value) and order == 2:
        exact_root = _exact_sqrt(Fraction(value))
        if exact_root is not None:
            return exact_root
    return normal(mpmath.root(real(value), real(order)) if isinstance(order, int)
                  else mpmath.power(real(value), 1 / real(order)))


def _exact_sqrt(value: Fraction):
    top, bottom = math.isqrt(value.numerator), math.isqrt(value.denominator)
    if top * top == value.numerator and bottom * bottom == value.denominator:
        return normal(Fraction(top, bottom))
    return None


def factorial(value):
    value = normal(value)
    if isinstance(value, int):
        if value < 0:
            raise Undefined("the factorial of a negative integer")
        if value > MAX_FACTORIAL:
            raise Unsupported("a factorial too large to evaluate")
        return math.factorial(value)
    return normal(mpmath.gamma(real(value) + 1))


def binomial(top, bottom):
    top, bottom = normal(top), normal(bottom)
    if isinstance(top, int) and isinstance(bottom, int):
        if bottom < 0:
            return 0
        if top >= 0:
            return math.comb(top, bottom) if bottom <= top else 0
        if bottom > MAX_FACTORIAL:
            raise Unsupported("a binomial too large to evaluate")
        out = 1
        for i in range(bottom):
            out *= top - i
        return out // math.factorial(bottom)
    return normal(mpmath.binomial(real(top), real(bottom)))


def compare(a, b) -> int:
    """-1, 0 or 1, exactly where both are exact."""
    a, b = normal(a), normal(b)
    if exact(a) and exact(b):
        return (a > b) - (a < b)
    x, y = real(a), real(b)
    return (x > y) - (x < y)


def decide(a, b) -> int:
    """compare() where the answer changes a value (a case's condition, a sign,
    a floor): a near tie of inexact values cannot be told apart at the
    working precision (sin π is -1e-50, not 0), so it is Undefined there."""
    a, b = normal(a), normal(b)
    if exact(a) and exact(b):
        return (a > b) - (a < b)
    x, y = real(a), real(b)
    if abs(x - y) <= mpf(10) ** (15 - mpmath.mp.dps) * max(mpf(1), abs(x), abs(y)):
        raise Undefined("a tie that cannot be told apart numerically")
    return (x > y) - (x < y)


# -- elementary functions, with their real domains ----------------------------

def _log(x):
    if compare(x, 0) <= 0:
        raise Undefined("the logarithm of a number that is not positive")
    if x == 1:
        return 0
    return mpmath.ln(real(x))


def _sqrt(x):
    return root(x, 2)


def _in(low, high, name, open_=False):
    def check(x):
        v = real(x)
        if v < low or v > high or (open_ and (v == low or v == high)):
            raise Undefined(f"{name} outside its domain")
        return v
    return check


def _asin(x):
    return mpmath.asin(_in(-1, 1, "arcsin")(x))


def _acos(x):
    return mpmath.acos(_in(-1, 1, "arccos")(x))


def _acosh(x):
    if real(x) < 1:
        raise Undefined("arcosh outside its domain")
    return mpmath.acosh(real(x))


def _atanh(x):
    return mpmath.atanh(_in(-1, 1, "artanh", True)(x))


def _nonzero(func):
    def wrapped(x):
        value = func(real(x))
        if value == 0:
            raise Undefined("a pole")
        return 1 / value
    return wrapped


def _tan(x):
    c = mpmath.cos(real(x))
    if c == 0:
        raise Undefined("a pole of tan")
    return mpmath.sin(real(x)) / c


def _cot(x):
    s = mpmath.sin(real(x))
    if s == 0:
        raise Undefined("a pole of cot")
    return mpmath.cos(real(x)) / s


def _coth(x):
    if x == 0:
        raise Undefined("a pole of coth")
    return 1 / mpmath.tanh(real(x))


def _sign(x):
    return decide(x, 0)


def _exp(x):
    if x == 0:
        return 1
    if abs(real(x)) > MAX_EXPONENT:
        raise Undefined("a value too large to hold (e to a power past 10^15)")
    return mpmath.exp(real(x))


def _zero_fixed(func):
    def wrapped(x):
        return 0 if x == 0 else func(real(x))
    return wrapped


def _gamma(x):
    if exact(x) and x == int(x) and x <= 0:
        raise Undefined("a pole of the gamma function")
    try:
        return mpmath.gamma(real(x))
    except ValueError as exc:           # a pole reached inexactly
        raise Undefined("a pole of the gamma function") from exc


def _zeta(x):
    if x == 1:
        raise Undefined("the pole of the zeta function")
    return mpmath.zeta(real(x))


def _of_reciprocal(func):
    """x ↦ func(1/x): arcsec x = arccos(1/x), …"""
    def wrapped(x):
        return func(div(1, x))
    return wrapped


FUNCTIONS = {
    "ln": _log, "log": _log, "exp": _exp,
    "sin": _zero_fixed(mpmath.sin), "cos": lambda x: 1 if x == 0 else mpmath.cos(real(x)),
    "tan": _tan, "cot": _cot, "sec": _nonzero(mpmath.cos), "csc": _nonzero(mpmath.sin),
    "sinh": _zero_fixed(mpmath.sinh), "cosh": lambda x: 1 if x == 0 else mpmath.cosh(real(x)),
    "tanh": _zero_fixed(mpmath.tanh), "coth": _coth,
    "sech": _nonzero(mpmath.cosh), "csch": _nonzero(mpmath.sinh),
    "arcsin": _asin, "arccos": _acos, "arctan": _zero_fixed(mpmath.atan),
    "arsinh": _zero_fixed(mpmath.asinh), "arcsinh": _zero_fixed(mpmath.asinh),
    "arcosh": _acosh, "arccosh": _acosh, "artanh": _atanh, "arctanh": _atanh,
    "gamma": _gamma, "zeta": _zeta,
    "erfinv": lambda x: mpmath.erfinv(_in(-1, 1, "erf⁻¹", True)(x)),
    # `\cot^{-1}` …: the principal branches, as the symbolic reading takes them
    # (decide/build/functions.py): arccot x = π/2 − arctan x, in (0, π)
    "arccot": lambda x: mpmath.pi / 2 - (0 if x == 0 else mpmath.atan(real(x))),
    "arcsec": _of_reciprocal(_acos), "arccsc": _of_reciprocal(_asin),
    "arcoth": _of_reciprocal(_atanh), "arsech": _of_reciprocal(_acosh),
    "arcsch": _of_reciprocal(_zero_fixed(mpmath.asinh)),
    "erf": _zero_fixed(mpmath.erf), "sgn": _sign, "sign": _sign, "sqrt": _sqrt, "abs": lambda x: abs(normal(x)),
}
INVERSES = {"sin": "arcsin", "cos": "arccos", "tan": "arctan", "sinh": "arsinh",
            "cosh": "arcosh", "tanh": "artanh", "exp": "ln", "ln": "exp", "erf": "erfinv",
            "cot": "arccot", "sec": "arcsec", "csc": "arccsc", "coth": "arcoth",
            "sech": "arsech", "csch": "arcsch"}


def apply(name: str, *args):
    if name in ("max", "min"):
        best = args[0]
        for other in args[1:]:
            if (compare(other, best) > 0) == (name == "max") and compare(other, best) != 0:
                best = other
        return normal(best)
    if len(args) != 1:
        raise Unsupported(f"`{name}` with {len(args)} arguments")
    x = normal(args[0])
    kind = type(x)
    if kind is mpf:
        key = (name, x._mpf_, mpmath.mp._prec_rounding[0], mpmath.mp._prec_rounding[1])
    elif kind is int or kind is Fraction:
        key = (name, kind, x, mpmath.mp._prec_rounding[0], mpmath.mp._prec_rounding[1])
    else:
        return normal(FUNCTIONS[name](x))
    return _applied.get(key, lambda: normal(FUNCTIONS[name](x)))


# A function's value depends on its argument and the working precision alone
# (and the rounding mode), and the same ones recur: the unmoved terms of a sum
# at the three points of a numeric derivative, the softmax's normaliser for each
# class.  The values (ints, Fractions, mpfs: immutable) are kept; what raises is
# raised again each time.
_applied = Kept(100_000)


def floor(x):
    return _rounded(x, math.floor, mpmath.floor)


def ceil(x):
    return _rounded(x, math.ceil, mpmath.ceil)


def _rounded(x, exact, inexact):
    """⌊x⌋ or ⌈x⌉: exact values exactly; an inexact one only away from a near
    tie with an integer (decide() refuses that instance)."""
    x = normal(x)
    if isinstance(x, int):
        return x
    if isinstance(x, Fraction):
        return exact(x)
    decide(x, mpmath.nint(x))
    return int(inexact(x))


def constant(name: str):
    return +mpmath.e if name == "e" else +mpmath.pi
