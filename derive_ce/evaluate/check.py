"""The second reading of a step: both sides evaluated on concrete instances.

One Evaluator per file scope (kept by the worker process): it compiles each
expression once, draws each case's instances once, and keeps every
expression's value at every instance, so a chain's neighbours are compared
from cached values and each step is evaluated once per instance.
"""

from __future__ import annotations

import math
import re
import zlib
from fractions import Fraction
from dataclasses import dataclass, field, replace

import lark
import mpmath

from derive_ce.errors import InputError
from derive_ce.evaluate import numbers as num
from derive_ce.evaluate.instances import Instance, Plan, at_ends, plans, shaped
from derive_ce.evaluate.latex import compile_expression, compile_relation
from derive_ce.evaluate.numbers import NotDifferentiable, Undefined, Unsupported
from derive_ce.evaluate.runtime import Env
from derive_ce.evaluate.scope import Scope

DIGITS, CONFIRM = 50, 100
SLACK = 20                      # digits a true identity may lose (cancellation, differences)
MIN_AGREE = 2                   # instances that must agree for a cross-check to count
FAR_DIGITS = 12                 # integers written up to 10^12 set how far huge sizes go
_MEMO_LIMIT = 64
_evaluators: dict = {}


@dataclass
class Outcome:
    """`agree` (at `instances`), `differ` (at `point`: left, right), `kink`
    (not differentiable at `point`), or `unchecked` (with the reason)."""
    kind: str
    instances: int = 0
    reason: str = ""
    point: dict = field(default_factory=dict)
    left: str = ""
    right: str = ""


def cross_check(task) -> Outcome:
    """Evaluate task.a and task.b (document.Math) under task.when.  An error
    of the evaluator itself is an outcome too (`unchecked`, with its name):
    it never stops the step, and never passes in silence."""
    try:
        return _cross_check(task)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError,
            OverflowError) as exc:
        return Outcome("unchecked", reason=f"the evaluator failed ({type(exc).__name__}: {exc})")


def _cross_check(task) -> Outcome:
    return _evaluator(task.scope).compare(task.a, task.b, tuple(task.when))


def check_at(task, point: dict, gap: str = "") -> Outcome:
    """Both sides of task at one given point (another reading's counterexample):
    `differ` (confirmed at CONFIRM digits), `agree` (equal there: exactly, or
    within a tolerance finer than `gap`, the difference the other reading found),
    or `unchecked` (cannot say, with the reason).

    `point` holds plain data only: a name (`"n"`, `"x"`) or an element
    (`("L", (3,))`) to an int, a string (`"3/7"`, `"1.5e-3"`) or a float.
    Every variable the step reads must be in it (or set by the case's
    conditions): nothing is drawn."""
    try:
        return _evaluator(task.scope).at(task.a, task.b, tuple(task.when), point, gap)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError,
            OverflowError) as exc:
        return Outcome("unchecked", reason=f"the evaluator failed ({type(exc).__name__}: {exc})")


def _evaluator(spec) -> "Evaluator":
    evaluator = _evaluators.get(spec)
    if evaluator is None:
        if len(_evaluators) >= _MEMO_LIMIT:
            _evaluators.clear()
        evaluator = _evaluators[spec] = Evaluator(spec)
    return evaluator


class Evaluator:
    def __init__(self, spec):
        self.scope = Scope(spec)
        self.seed = zlib.crc32(repr(spec).encode())
        self.compiled: dict = {}
        self.instances: dict = {}
        self.values: dict = {}
        self._bounds: frozenset | None = None
        self.fine = False

    # -- the pieces, each made once ----------------------------------------
    def compare(self, a, b, when: tuple) -> Outcome:
        try:
            ints = self._integers([(a, "chain"), (b, "chain")] + [(m, "relation") for m in when])
            summary = _constants([a.text, b.text] + [m.text for m in when])
            # a constant past 10^{±20} (`2 + 10^{-40}`) differs below the 50-digit
            # tolerance: every instance is then also compared at CONFIRM digits
            self.fine = max(summary[2], 1 / summary[1]) > 1e20
            left, right = self._compiled(a, ints), self._compiled(b, ints)
            conditions = [self._condition(m, ints) for m in when]
        except Unsupported as exc:
            return Outcome("unchecked", reason=str(exc))
        except (InputError, lark.exceptions.LarkError, RecursionError):
            return Outcome("unchecked", reason="the evaluator cannot read this step")
        agreed, skipped = 0, []
        drawn = plans(*summary)
        if any(op in ("LE", "GE") for _, op, _, _, _ in conditions):
            drawn += (at_ends(len(drawn)),)
        for first in drawn:
            for plan in (first,) + tuple(replace(first, retry=n) for n in (1, 2, 3)):
                found = self._at(a, b, left, right, when, ints, plan, conditions)
                if isinstance(found, Outcome):
                    return found
                if found is True:
                    agreed += 1
                    break
                skipped.append(found)
                if "more than" in found:
                    break
        if agreed >= MIN_AGREE:
            return Outcome("agree", agreed)
        reason = skipped[0] if skipped else "no instance"
        return Outcome("unchecked", agreed, reason=f"only {agreed} instance"
                       f"{'s' if agreed != 1 else ''} could be evaluated: {reason}")

    def at(self, a, b, when: tuple, point: dict, gap: str = "") -> Outcome:
        """Both sides at a given point (see check_at). Where the point leaves
        out a real this reading needs (the other reading lost it: SymPy sums
        `Σ_k C(n,k) x^k (-x)^{n-k}` to 0, with no x and wrong at n = 0), the
        point is completed with drawn values, three times: `differ` if any
        completion differs, `agree` if all agree."""
        found = self._at_point(a, b, when, point, gap)
        if found.kind != "unchecked" or not found.reason.endswith(_MISSING):
            return found
        completed = [self._at_point(a, b, when, point, gap, Plan(n, (1,), (-1.0, 1.0), retry=n))
                     for n in (0, 2, 3)]
        differ = next((c for c in completed if c.kind == "differ"), None)
        if differ is not None:
            return differ
        if all(c.kind == "agree" for c in completed):
            return completed[0]
        return found

    def _at_point(self, a, b, when: tuple, point: dict, gap: str = "",
                  completion: Plan | None = None) -> Outcome:
        try:
            ints = self._integers([(a, "chain"), (b, "chain")] + [(m, "relation") for m in when])
            left, right = self._compiled(a, ints), self._compiled(b, ints)
            conditions = [self._condition(m, ints) for m in when]
            with mpmath.workdps(CONFIRM + 10):
                inst = _AtPoint(self.scope, point, self._ranges(ints), completion)
                found, why = shaped(lambda attempt: inst, conditions, tries=1)
            if found is None:
                return Outcome("unchecked", reason=f"at that point, {why}")
            values = {digits: [_evaluated(compiled, inst, digits) for compiled in (left, right)]
                      for digits in (DIGITS, CONFIRM)}
        except (Unsupported, Undefined, NotDifferentiable) as exc:
            return Outcome("unchecked", reason=f"at that point: {exc}")
        except (InputError, lark.exceptions.LarkError, RecursionError):
            return Outcome("unchecked", reason="the evaluator cannot read this step")
        except (ArithmeticError, ValueError, MemoryError) as exc:
            return Outcome("unchecked", reason=f"at that point: {exc or type(exc).__name__}")
        shown = _point(inst)
        (lhs, rhs), (fine_l, fine_r) = values[DIGITS], values[CONFIRM]
        with mpmath.workdps(CONFIRM):
            pair = _pair(fine_l[0], fine_r[0])
        if _close(fine_l, fine_r, CONFIRM):
            if num.exact(fine_l[0]) and num.exact(fine_r[0]):
                return Outcome("agree", 1, point=shown, left=pair[0], right=pair[1])
            if not gap or mpmath.mpf(gap) <= 10 * _tolerance(fine_l, fine_r, CONFIRM):
                return Outcome("unchecked", point=shown, reason="the difference found there "
                               "is below what the evaluator resolves")
            return Outcome("agree", 1, point=shown, left=pair[0], right=pair[1])
        if _vanishing(lhs, rhs, fine_l, fine_r):
            return Outcome("unchecked", point=shown, reason="the difference there goes "
                           "with the precision (rounding)")
        return Outcome("differ", point=shown, left=pair[0], right=pair[1])

    def _at(self, a, b, left, right, when, ints, plan, conditions):
        """True where both sides agree at the plan's instance, an Outcome that
        settles the step, or why this instance does not count."""
        inst, why = self._instance(when, ints, plan, conditions)
        if inst is None:
            return why
        try:
            lhs = self._value(a, left, inst, ints)
            rhs = self._value(b, right, inst, ints)
        except NotDifferentiable as exc:
            return Outcome("kink", reason=f"not differentiable in {exc.variable} at "
                           f"{_shown(exc.at)}", point=_point(inst))
        except Undefined as exc:
            return f"undefined there ({exc})"
        except Unsupported as exc:
            if "more than" in str(exc) or plan.far:
                return str(exc)         # a far instance that cannot be evaluated is skipped
            return Outcome("unchecked", reason=str(exc))
        if _close(lhs, rhs, DIGITS) and not self.fine:
            return True
        found = self._confirmed(left, right, inst, lhs, rhs)
        if found is _UNSTABLE:
            return "a side's value changes with the precision there (rounding): skipped"
        if found is not None:
            return Outcome("differ", point=_point(inst, self.read), left=found[0], right=found[1])
        return True

    def _compiled(self, math, ints):
        key = (math.text, math.syntax, ints)
        if key not in self.compiled:
            if math.syntax == "expr":
                from derive_ce.evaluate.plain import compile_plain
                self.compiled[key] = compile_plain(math, self.scope, ints)
            else:
                self.compiled[key] = compile_expression(math.text, self.scope, ints, math.line)
        return self.compiled[key]

    def _condition(self, math, ints):
        key = ("when", math.text, ints)
        if key not in self.compiled:
            self.compiled[key] = compile_relation(math.text, self.scope, ints, math.line)
        return self.compiled[key]

    def _instance(self, when, ints, plan, conditions):
        key = (tuple(m.text for m in when), ints, plan)
        if key not in self.instances:
            def make(attempt):
                return Instance(self.scope, f"{self.seed}|{attempt}", plan, self._ranges(ints),
                                ints | self._defined_bounds())
            try:
                with mpmath.workdps(DIGITS):
                    self.instances[key] = shaped(make, conditions)
            except Unsupported as exc:
                self.instances[key] = (None, str(exc))
        return self.instances[key]

    def _ranges(self, ints):
        def ranges(name):
            key = ("range", name, ints)
            if key not in self.compiled:
                lo, hi = self.scope.ranges[name]
                self.compiled[key] = tuple(self._compiled(m, ints) for m in (lo, hi))
            return self.compiled[key]
        return ranges

    def _value(self, math, compiled, inst, ints):
        key = (math.text, math.syntax, ints, id(inst))
        if key not in self.values:
            try:
                self.values[key] = _evaluated(compiled, inst, DIGITS)
            except (Undefined, Unsupported, NotDifferentiable) as exc:
                self.values[key] = exc
            except (ArithmeticError, ValueError, MemoryError) as exc:
                self.values[key] = Undefined(str(exc) or type(exc).__name__)
        found = self.values[key]
        if isinstance(found, Exception):
            raise found
        return found

    def _confirmed(self, left, right, inst, lhs=None, rhs=None):
        """The values at CONFIRM digits when they still differ, else None.
        A difference that shrinks with the precision (`\\sin(2\\pi) x` is
        10⁻⁴⁷ at 50 digits and 10⁻⁹⁷ at 100) is rounding, not a difference:
        an exact zero is never a counterexample."""
        try:
            inst.shown = []
            values = [_evaluated(compiled, inst, CONFIRM) for compiled in (left, right)]
        except (Undefined, Unsupported, NotDifferentiable, ArithmeticError, ValueError,
                MemoryError):
            return None
        finally:
            self.read = set(inst.shown or ())
            inst.shown = None
        if _close(values[0], values[1], CONFIRM):
            return None
        if lhs is not None and rhs is not None and _vanishing(lhs, rhs, values[0], values[1]):
            return None
        if lhs is not None and rhs is not None and not (
                _close(lhs, values[0], DIGITS) and _close(rhs, values[1], DIGITS)):
            # a side that is not the same number at 50 and at 100 digits (1 − σ(247)
            # is 10⁻¹⁰⁷, lost at both): neither value is a counterexample
            return _UNSTABLE
        with mpmath.workdps(CONFIRM):
            return _pair(values[0][0], values[1][0])

    def _defined_bounds(self) -> frozenset:
        """Letters in the bounds of the definitions' sums (a defined `S` that
        sums to n): with the step's own, they are never drawn huge."""
        if self._bounds is None:
            from derive_ce.read.latex.parser import parse
            found: set = set()
            for definition in self.scope.spec.definitions:
                if definition.body.syntax == "latex":
                    try:
                        found |= _bound_letters(parse(definition.body.text, "chain"))
                    except (InputError, lark.exceptions.LarkError, RecursionError):
                        continue
            self._bounds = frozenset(found)
        return self._bounds

    def _integers(self, maths) -> frozenset:
        """Names that must be whole numbers: declared integers, names in the
        declared ranges, and letters in the bounds of a sum."""
        found = set(self.scope.range_names())
        from derive_ce.read.latex.parser import parse
        for math, start in maths:
            if math.syntax == "latex":
                found |= _bound_letters(parse(math.text, start, math.line))
        return frozenset(n for n in found if self.scope.kind(n) == "scalar")


def _bound_letters(tree) -> set[str]:
    from derive_ce.read import names
    found = set()
    for bigop in tree.find_data("bigop"):
        for bounds in (c for c in bigop.children if isinstance(c, lark.Tree) and c.data == "bounds"):
            for part in bounds.children:
                own = {names.tree_name(c) for c in part.children
                       if isinstance(c, lark.Tree) and c.data in ("name", "styled")}
                for symbol in part.find_data("symbol"):
                    if len(symbol.children) == 1:
                        try:
                            found.add(names.tree_name(symbol.children[0]))
                        except InputError:
                            continue
                found -= own
    return found


_NUMBER = re.compile(r"(?<![A-Za-z_^])([0-9]+(?:\.[0-9]+)?)")
_POWER = re.compile(r"10\s*\^\s*\{\s*(-?[0-9]+)\s*\}")
# roots of a variable: `\sqrt{`, `\sqrt[3]{`, `^{1/3}`, `^{\frac{1}{3}}`, `^{0.5}`
_ROOTS = (re.compile(r"\\sqrt\s*\[\s*([2-9])\s*\]"), re.compile(r"\\sqrt\s*(?!\[)()"),
          re.compile(r"\^\s*\{?\s*1\s*/\s*([2-9])"), re.compile(r"\^\s*\{\s*\\[dt]?frac\s*\{?\s*1\s*\}?\s*\{?\s*([2-9])"),
          re.compile(r"\^\s*\{\s*0?\.5\s*\}()"))


def _root_degree(texts) -> int:
    r"""The highest root written (2 for `\sqrt{x}`, 3 for `x^{1/3}`; 1 for none):
    `\cos(\sqrt[3]{x}/10^4)` turns where x is (10^4)^3, past the far reals."""
    degree = 1
    for text in texts:
        for pattern in _ROOTS:
            for match in pattern.finditer(text):
                degree = max(degree, int(match.group(1) or 2))
    return degree


def _constants(texts) -> tuple[int, float, float, float, int]:
    """(largest integer, smallest and largest magnitudes written in the texts,
    the log10 of where a root of a variable meets the largest: 0 for none, and
    the largest integer written, up to 10^FAR_DIGITS)."""
    integers, magnitudes, far = [0], [], [0]
    for text in texts:
        for match in _NUMBER.finditer(text):
            value = float(match.group(1))
            if value:
                magnitudes.append(value)
            if "." not in match.group(1) and len(match.group(1)) < 7:
                integers.append(int(match.group(1)))
            elif "." not in match.group(1) and len(match.group(1)) <= FAR_DIGITS:
                far.append(int(match.group(1)))
        for match in _POWER.finditer(text):
            magnitudes.append(10.0 ** max(-30, min(30, int(match.group(1)))))
            if 0 < int(match.group(1)) < 7:         # `n / 10^{4}`: sizes past 10⁴ too
                integers.append(10 ** int(match.group(1)))
            elif 7 <= int(match.group(1)) <= FAR_DIGITS:
                far.append(10 ** int(match.group(1)))
    largest = max(magnitudes, default=1.0)
    degree = _root_degree(texts)
    smallest = min(magnitudes, default=1.0)
    scale = max(largest, 1 / smallest)      # `\sqrt{x}/10^6` and `x^{1/3} \cdot 10^{-4}` alike
    turn = min(60.0, degree * math.log10(scale)) if degree > 1 and scale > 1e3 else 0.0
    # sizes count terms up to 10⁴; an integer that counts none is also drawn past
    # the largest integer written (`\lfloor n/10^{6} \rfloor` turns at 10⁶)
    return (min(max(integers), 10_000), smallest, largest, turn, max(integers + far))


def _close(left, right, digits: int) -> bool:
    (a, _), (b, _) = left, right
    if num.exact(a) and num.exact(b):
        return a == b
    with mpmath.workdps(digits + 10):
        return abs(num.real(a) - num.real(b)) <= _tolerance(left, right, digits)


def _tolerance(left, right, digits: int):
    """How far apart two values at `digits` digits may be and still agree."""
    (a, scale_a), (b, scale_b) = left, right
    scale = max(num.real(scale_a), num.real(scale_b), abs(num.real(a)), abs(num.real(b)))
    with mpmath.workdps(digits + 10):
        return mpmath.mpf(10) ** (SLACK - digits) * num.real(scale) \
            + mpmath.mpf(10) ** (-digits)     # a derivative's step error where a piece joins


def _vanishing(lhs, rhs, left, right) -> bool:
    """The difference at CONFIRM digits is below 10^-(CONFIRM - DIGITS - SLACK)
    of the one at DIGITS: it went with the precision, so it is rounding."""
    if num.exact(lhs[0]) and num.exact(rhs[0]) and num.exact(left[0]) and num.exact(right[0]):
        return False
    with mpmath.workdps(CONFIRM + 10):
        coarse = abs(num.real(lhs[0]) - num.real(rhs[0]))
        fine = abs(num.real(left[0]) - num.real(right[0]))
        return coarse > 0 and fine < coarse * mpmath.mpf(10) ** (SLACK + DIGITS - CONFIRM)


def _shown(value) -> str:
    if isinstance(value, (int,)) or num.exact(value):
        return str(value)
    return mpmath.nstr(num.real(value), 12)


def _pair(left, right) -> tuple[str, str]:
    """The two values with as many digits as it takes to tell them apart."""
    for digits in (12, 20, 40, 60, 100):
        both = num.exact(left) and num.exact(right)
        shown = tuple(str(v) if both else mpmath.nstr(num.real(v), digits) for v in (left, right))
        if shown[0] != shown[1]:
            return shown
    return shown


def _evaluated(compiled, inst, digits: int) -> tuple:
    """(value, scale) of a compiled side at the instance, at `digits` digits:
    the scale is the largest term added on the way, what a true identity may
    cancel."""
    with mpmath.workdps(digits):
        env = Env(inst)
        value = compiled(env)
        return value, max(env.work[1], abs(num.real(value)))


_UNSTABLE = object()     # a difference found, but a side's value moved with the precision


_MISSING = "is not in the point"


class _AtPoint(Instance):
    """An instance that holds a given point and draws nothing: a real
    outside the point (and not set by a condition) cannot be evaluated, unless
    the instance completes the point (`completion`: how it draws those reals)."""

    def __init__(self, scope, point: dict, ranges, completion: Plan | None = None):
        super().__init__(scope, "point", completion or Plan(0, (1,), (0.0, 0.0)), ranges)
        self.completing = completion is not None
        for name, value in point.items():
            value = _plain_number(value)
            if isinstance(name, tuple):
                base, indices = name
                self.fixed[("r", base, tuple(int(i) for i in indices))] = value
                continue
            self.fixed[("r", name, ())] = value
            if isinstance(value, int):
                self.fixed[("n", name)] = value
                self.fixed[("i", name)] = value
        self.given = frozenset(self.fixed)

    def real(self, key):
        if key not in self.fixed and not self.completing:
            raise Unsupported(f"`{_label(key)}` {_MISSING}")
        return super().real(key)

    def size(self, name: str) -> int:
        if ("n", name) not in self.fixed:
            raise Unsupported(f"`{name}` is not in the point (or not a whole number there)")
        return super().size(name)

    def index(self, name: str, env) -> int:
        if ("i", name) not in self.fixed:
            raise Unsupported(f"`{name}` is not in the point (or not a whole number there)")
        return super().index(name, env)

    def fix(self, key, value) -> None:
        if key not in self.given:       # a condition sets what the point leaves out
            super().fix(key, value)


def _label(key) -> str:
    return key[1] if len(key) < 3 or not key[2] else f"{key[1]}_{','.join(map(str, key[2]))}"


def _plain_number(value):
    """An int, an exact Fraction (`"3/7"`, `"0.25"`) or an mpf (`"1.5e-300"`, a float)."""
    if isinstance(value, bool):
        raise ValueError("a truth value is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return num.normal(mpmath.mpf(value))
    text = str(value).strip()
    try:
        return num.normal(Fraction(text))
    except ValueError:
        return num.normal(mpmath.mpf(text))


def _point(inst, read=None) -> dict:
    values = {**inst.drawn, **inst.fixed}
    shown = {}
    for key, value in sorted(values.items(), key=lambda kv: repr(kv[0])):
        if value is None or (read is not None and key not in read):
            continue
        if key[0] == "r":
            label = key[1] if not key[2] else f"{key[1]}_{','.join(map(str, key[2]))}"
        elif key[0] in ("n", "i"):
            label = key[1]
        else:
            continue
        shown[label] = _shown(value)
    return shown
