"""Concrete instances: a value for every symbol a step can name.

Values are drawn lazily and deterministically: the value of `x`, of `L_3`
or of the size `n` in instance k depends only on the file's seed, k and the
name, so every step of a file sees the same instance, in any order, in any
process.  Reals are not on a decimal lattice (60 random digits), at
magnitudes that reach the step's own constants; sizes run from 1 to past
every integer constant in the step; indices are drawn in their declared
ranges.  A case's conditions then shape the instance: `\\gamma = i` gives
γ the value of i, `y = x` gives y the value of x, `\\sum_c y_c = 1` is
solved for one of its variables, `n > 20` draws n from 21 up, `x < 10^{-6}`
draws x below it, and whatever is left is checked (an attempt that fails a
condition is drawn again).  Declared flags always hold.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from fractions import Fraction

import mpmath
from mpmath import mpf

from derive_ce.evaluate import numbers as num
from derive_ce.evaluate.numbers import Undefined, Unsupported, whole
from derive_ce.evaluate.runtime import Env

ATTEMPTS = 24
FAR = (7.0, 12.0)           # log10 of the far reals (and -12 … -7 of the tiny ones)


@dataclass(frozen=True)
class Plan:
    """How instance `number` draws: its sizes, the log10 range of its reals,
    and whether plain reals sit at 0 (where kinks are)."""
    number: int
    sizes: tuple[int, ...]
    magnitudes: tuple[float, float]
    zeros: bool = False
    retry: int = 0          # drawn again (1: every real positive; 2, 3: other values)
    sign: int = 0           # 1: reals positive, -1: negative where allowed, 0: either
    far: bool = False       # far or tiny reals: an instance where a side overflows or
                            # is not finite does not count (it is skipped, never failed)
    huge: tuple[int, ...] = ()      # sizes for integers that count no terms (not in
                                    # a sum's bounds nor a range): far past the constants
    ends: bool = False      # a closed condition (`x \le y`, `x \ge 2`) met with equality


def at_ends(number: int) -> Plan:
    r"""An instance at a case's closed ends: `\operatorname{sign}(y - x) = 1`
    under x ≤ y slips only where x = y, which no draw meets."""
    return Plan(number, (1, 2, 3), (-1.0, 1.0), ends=True)


def plans(largest_integer: int, smallest: float, largest: float,
          turn: float = 0.0, far_integer: int = 0) -> tuple[Plan, ...]:
    """Ten instances: size 1; small sizes; small sizes with small reals;
    sizes past every integer constant with large positive reals (the step's
    own constants set how small and how large); plain reals at 0; moderate
    sizes; small sizes with large negative reals (so both far sides of a
    large constant are reached every time); then far reals, 10^7 … 10^12
    positive and negative, and tiny ones, 10^-12 … 10^-7, each past the
    step's own scale (`\\lfloor \\ln(1 + x^2)/32 \\rfloor = 0` fails only from
    x ≈ 9·10^6 on); in the two far ones an integer that counts no terms is
    drawn at 2, 3, 7 or 10 times past the step's integers (`\\cos(n/1000) > 0`
    fails only from n = 1571); and where a root of a variable meets a large
    constant, two more just past where they turn (`\\cos(\\sqrt{x}/10^6)` at 10^{12})."""
    low = -3.0 if smallest >= 1e-3 else max(-9.0, _log10(smallest) - 1)
    high = 3.0 if largest <= 1e3 else min(9.0, _log10(largest) + 1)
    big = max(12, largest_integer + 1)
    past = max(big, far_integer + 1)        # an integer that counts no terms goes past all
    far = (max(FAR[0], high + 1.0), max(FAR[1], high + 4.0))
    tiny = (min(-FAR[1], low - 4.0), min(-FAR[0], low - 1.0))
    return (Plan(0, (1,), (-1.0, 1.0)),
            Plan(1, (2, 3, 4, 5), (-1.0, 1.0)),
            Plan(2, (2, 3, 4), (low, low + 1.5)),
            Plan(3, (big, big + 1, big + 2), (high - 1.5, high), sign=1),
            Plan(4, (1, 2, 3), (-1.0, 1.0), zeros=True),
            Plan(5, (3, 4, 6), (-0.5, 0.5)),
            Plan(6, (2, 5), (high - 1.5, high), sign=-1),
            Plan(7, (2, 3), far, sign=1, far=True, huge=(2 * past + 1, 10 * past + 1)),
            Plan(8, (3, 4), far, sign=-1, far=True, huge=(3 * past + 2, 7 * past + 3)),
            Plan(9, (1, 2, 3), tiny, far=True)) + (
            (Plan(10, (2, 3), (turn + 0.1, turn + 0.7), sign=1, far=True),
             Plan(11, (2, 3), (turn + 0.7, turn + 1.5), sign=1, far=True)) if turn > far[0] else ())


def _log10(value: float) -> float:
    return float(mpmath.log10(value))


class Instance:
    def __init__(self, scope, seed: str, plan: Plan, ranges, counted: frozenset = frozenset()):
        self.scope = scope
        self.counted = counted      # names that count terms: never drawn huge
        self.seed = seed
        self.plan = plan
        self.ranges = ranges        # index name -> (lo, hi) closures
        self.fixed: dict = {}       # values set by the case's conditions
        self.drawn: dict = {}
        self.reads: list | None = None      # the reals read (to solve an equality)
        self.shown: list | None = None      # every value read (for a counterexample)

    def _rng(self, key) -> random.Random:
        salt = f"{self.plan.number}" + (f"/{self.plan.retry}" if self.plan.retry > 1 else "")
        return random.Random(zlib.crc32(f"{self.seed}|{salt}|{key!r}".encode()))

    def real(self, key):
        if self.reads is not None:
            self.reads.append(key)
        if self.shown is not None:
            self.shown.append(key)
        if key in self.fixed:
            return self.fixed[key]
        if key not in self.drawn:
            self.drawn[key] = self._draw_real(key)
        return self.drawn[key]

    def _draw_real(self, key):
        rng = self._rng(key)
        sign = self.scope.sign(key[1])
        if self.plan.zeros and not key[2] and sign != "positive" and not self.plan.retry:
            return 0
        value = _rational(rng) if self.plan.ends else _magnitude(rng, *self.plan.magnitudes)
        if sign in ("positive", "nonnegative") or self.plan.retry == 1 or self.plan.sign == 1:
            return value
        if self.plan.sign == 0 and rng.random() < 0.5:
            return value
        return -value

    def size(self, name: str) -> int:
        key = ("n", name)
        if self.shown is not None:
            self.shown.append(key)
        if key in self.fixed:
            return self.fixed[key]
        if key not in self.drawn:
            rng = self._rng(key)
            huge = self.plan.huge and name not in self.counted
            size = rng.choice(self.plan.huge if huge else self.plan.sizes)
            sign = self.scope.sign(name)
            if sign == "nonnegative":
                size -= 1
            elif sign != "positive" and self.scope.integer(name):
                size = rng.choice((size, -size, size - 1, 1 - size))
            self.drawn[key] = size
        return self.drawn[key]

    def index(self, name: str, env) -> int:
        key = ("i", name)
        if self.shown is not None:
            self.shown.append(key)
        if key in self.fixed:
            return self.fixed[key]
        if key not in self.drawn:
            self.drawn[key] = None          # a range that names itself
            lo, hi = self.ranges(name)
            start, stop = whole(lo(env.fresh({}))), whole(hi(env.fresh({})))
            if start > stop:
                raise Undefined(f"the range of `{name}` is empty")
            self.drawn[key] = self._rng(key).randint(start, stop)
        if self.drawn[key] is None:
            raise Unsupported(f"the range of `{name}` refers to itself")
        return self.drawn[key]

    def value(self, key, env):
        kind = key[0]
        if kind == "r":
            return self.real(key)
        if kind == "n":
            return self.size(key[1])
        return self.index(key[1], env)

    def fix(self, key, value) -> None:
        if key[0] in ("n", "i"):
            value = whole(value)
        elif key[0] == "r":
            sign = self.scope.sign(key[1])
            if (sign == "positive" and num.compare(value, 0) <= 0) or \
                    (sign == "nonnegative" and num.compare(value, 0) < 0):
                raise Undefined("a condition against a declared sign")
        self.fixed[key] = value


def _rational(rng: random.Random) -> Fraction:
    r"""An exact positive rational below 143: at a closed end `y - x` is then exactly 0, so
    `\operatorname{sign}(y - x)` and `\max(x, y)` are decided there."""
    return Fraction(rng.randrange(1, 1000), rng.choice((7, 11, 13, 17, 97, 101)))


def _magnitude(rng: random.Random, low: float, high: float) -> mpf:
    """10^u with u uniform in [low, high], with 60 random digits: no lattice."""
    digits = "".join(str(rng.randrange(10)) for _ in range(60))
    lead = rng.uniform(low, high)
    with mpmath.workdps(80):        # the same value whatever precision it is first read at
        return +mpmath.power(10, mpf(f"{lead:.8f}{digits}"))


# -- a case's conditions ----------------------------------------------------------

def shaped(make, conditions, tries: int = ATTEMPTS):
    """An instance where every condition holds, or the reason there is none.

    make(attempt) gives a fresh instance; conditions are compiled relations
    (left, op, right, left reference, right reference)."""
    from derive_ce.evaluate.latex import RELATIONS
    reason = "no instance satisfies the case's conditions"
    for attempt in range(tries):
        inst = make(attempt)
        env = Env(inst)
        try:
            for condition in conditions:
                _apply(inst, env, condition)
            env = Env(inst)
            if all(RELATIONS[op](_compared(left(env), right(env)))
                   for left, op, right, _, _ in conditions):
                return inst, ""
        except Undefined as exc:
            reason = f"no instance satisfies the case's conditions ({exc})"
        except (ArithmeticError, ValueError, ZeroDivisionError):
            continue
    return None, reason


def _compared(a, b) -> int:
    """compare(), with an equality solved numerically counted as equal."""
    if not (num.exact(a) and num.exact(b)):
        x, y = num.real(a), num.real(b)
        if abs(x - y) <= mpf(10) ** (10 - mpmath.mp.dps) * max(mpf(1), abs(x), abs(y)):
            return 0
    return num.compare(a, b)


def _apply(inst, env, condition) -> None:
    left, op, right, left_ref, right_ref = condition
    target, other, op = (left_ref, right, op) if left_ref is not None else \
        (right_ref, left, _FLIP[op]) if right_ref is not None else (None, None, op)
    if target is None:
        if op == "EQ":
            _solve(inst, env, left, right)
        return
    key = target(env)
    if op == "EQ":
        inst.fix(key, other(env))
    elif op in ("LE", "GE") and inst.plan.ends:
        inst.fix(key, other(env))          # the case's closed end
    elif op in ("LT", "GT", "LE", "GE"):
        _bounded(inst, env, key, op, other(env))


_FLIP = {"EQ": "EQ", "NEQ": "NEQ", "LT": "GT", "GT": "LT", "LE": "GE", "GE": "LE"}


def _bounded(inst, env, key, op, bound) -> None:
    """Draw the variable again on the condition's side of the bound."""
    rng = inst._rng(("bound", key, op))
    if key[0] == "n":
        bound = num.normal(bound)
        low = (num.floor(bound) + 1) if op == "GT" else num.ceil(bound) if op == "GE" else None
        high = (num.ceil(bound) - 1) if op == "LT" else num.floor(bound) if op == "LE" else None
        current = inst.size(key[1])
        if low is not None and current < low:
            inst.fix(key, low + rng.randrange(4))
        elif high is not None and current > high:
            inst.fix(key, high - rng.randrange(4))
        return
    if key[0] != "r":
        return
    current = inst.real(key)
    value = num.real(bound)
    gap = max(mpf(1), abs(value)) * _magnitude(rng, -3.0, 0.5)
    sign = inst.scope.sign(key[1])
    if op in ("GT", "GE") and num.compare(current, bound) <= 0:
        inst.fix(key, value + gap)
    elif op in ("LT", "LE") and num.compare(current, bound) >= 0:
        if sign in ("positive", "nonnegative") and value > 0:
            inst.fix(key, value * _magnitude(rng, -3.0, -0.01))       # inside (0, bound)
        else:
            inst.fix(key, value - gap)


def _solve(inst, env, left, right) -> None:
    """`\\sum_c y_c = 1`: one variable it reads is solved for."""
    inst.reads = []
    try:
        left(env)
        right(env)
        keys = [k for k in inst.reads if k not in inst.fixed]
    finally:
        inst.reads = None
    if not keys:
        return
    key = keys[-1]
    start = num.real(inst.real(key))

    def gap(t):
        inst.fixed[key] = t
        return num.real(num.sub(left(Env(inst)), right(Env(inst))))
    try:
        with mpmath.workdps(60):
            found = mpmath.findroot(gap, start, solver="secant", tol=mpf(10) ** -50)
    except (ValueError, ZeroDivisionError, Undefined) as exc:
        inst.fixed.pop(key, None)
        raise Undefined("an equality that could not be solved") from exc
    inst.fixed.pop(key, None)
    inst.fix(key, num.normal(found))
