"""Numeric sampling: compare two expressions at random points of their domain.

Every point respects the symbols' assumptions and every condition of the
branch, including conditions on symbols the step does not mention and
`\\sum_c y_c = 1`.  Sizes are drawn independently for each size symbol, from
1 up to 14; reals over magnitudes 10⁻³ … 10³ on a log scale (every third
far, 10⁷ … 10¹², or tiny, 10⁻¹² … 10⁻⁷), with both
signs, plus 0, ±1 and points just inside the bounds of the conditions.
Unknown functions get one concrete function per point, the same on both
sides.  Values are exact rationals, both sides are evaluated at 30 digits
and agree when they differ by less than 10⁻²⁵ of the larger side or of the
largest term that cancels; a mismatch counts only when it stands at 60
digits (10⁻⁵⁵), at a precision SymPy could reach.  A step without symbols is
decided at 60 digits, and never counts as `numeric`.
"""

from __future__ import annotations

import functools
import math
import random
import zlib
from dataclasses import dataclass, field

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from derive_ce.decide.context import Context
from derive_ce.decide.magnitude import as_expr
from derive_ce.decide.scope import element_label

POINTS = 12
MIN_POINTS = 6
MAX_TRIES = 80
DIGITS = 30
CONFIRM_DIGITS = 60
SHOWN_DIGITS = 100           # exact values that differ are shown with up to this many digits
SMALL_SIZES = (1, 2, 3, 4, 5, 6)
LARGE_SIZES = (12, 13, 14)
SPECIAL = (0, 1, -1)
MAGNITUDE = (-3.0, 3.0)       # log10 of the magnitudes of reals
FAR = (7.0, 12.0)             # log10 of the far reals (and tiny ones, 10⁻¹² … 10⁻⁷)
REACH = 60.0                  # how far the step's own constants may widen it (log10)
MAX_SIZE = 64                 # sizes go past integer constants up to this one
MAX_HUGE = 10**6              # and, for a size that only scales (no sum, power, factorial
                              # of it), past integer constants up to this one
SWEEP_RUN = 16                # sizes 1 … 16 are each drawn when a step has a size
MAX_SWEEP_POINTS = 48         # at most this many points for the sweep of sizes
LATTICE = 9999991             # a prime: no sample lies on a decimal or binary lattice


class _Draws(random.Random):
    """The random source of one comparison, with the step's own scale: reals
    reach the magnitudes of its constants and conditions (10⁻⁶ in a case, 2000
    in a `\\min`), sizes go past its integer constants (`\\binom{n}{15}`)."""

    def __init__(self, seed: int, exprs) -> None:
        super().__init__(seed)
        self.kept: list = []        # points where the sides agreed: (a, b, reals, full point)
        hidden = _hidden_constants(exprs)
        numbers = [abs(n) for e in exprs for n in e.atoms(sp.Number)
                   if n.is_real and n.is_finite and n != 0] + [abs(n) for n in hidden.values() if n != 0]
        signed = sorted({n for e in exprs for n in e.atoms(sp.Number)
                         if n.is_real and n.is_finite}, key=abs)[:24]
        gaps = [abs(a - b) for i, a in enumerate(signed) for b in signed[i + 1:] if a != b]
        logs = [math.log10(n) for n in map(float, numbers + gaps) if 0 < n < math.inf]
        self.count = 0
        self.calls = 0
        self.scales = sorted({round(x, 3) for x in logs if 2 <= abs(x) <= REACH})
        top = max([x for x in self.scales if x > 0], default=0.0)
        self.far = (max(FAR[0], top + 1.0), max(FAR[1], top + 4.0))    # past the step's own scale
        self.derived = _scales_from_constants(exprs, self.scales, numbers)
        self.roots = _root_turns(exprs, self.scales)
        self.extra = 0
        # the step's own breakpoints: a piecewise `x < -1 or x > 1`, a `\max(x, -3)`
        # differ only on one side of a constant, so both sides of each are drawn
        cuts = {n for e in exprs for r in e.atoms(sp.core.relational.Relational, sp.Min, sp.Max, sp.Abs)
                for n in r.atoms(sp.Number) if n.is_real and n.is_finite}
        cuts |= {hidden[arg] for e in exprs
                 for r in e.atoms(sp.core.relational.Relational, sp.Min, sp.Max, sp.Abs)
                 for arg in r.args if arg in hidden}
        cuts |= _cuts_inside_steps(exprs, hidden)
        self.cuts = sorted(cuts | {sp.Integer(0)}, key=lambda n: (abs(n), n))[:24] \
            if cuts else []
        self.exact = _exact_points(exprs)
        beyond = sorted({int(n) + k for n in numbers if n.is_Integer and
                         LARGE_SIZES[-1] <= n < MAX_SIZE for k in (1, 2)})
        self.large = LARGE_SIZES + tuple(beyond)
        # every size in a run of small ones, and at, around and twice each integer
        # the step mentions or computes (`n = 11`, `\frac{n}{2^4 + 1}` holds 1/17):
        # a slip that shows only at n = 17, or at multiples of 9, is met
        mentioned = {v for e in exprs for r in e.atoms(sp.Rational) for v in (abs(r.p), r.q)}
        sweep = set(range(1, SWEEP_RUN + 1))
        for c in mentioned:
            if 1 <= c <= MAX_SIZE:
                sweep |= {c - 1, c, c + 1, 2 * c}
        self.sweep = _computed_sizes(exprs, hidden) + sorted(v for v in sweep if 1 <= v <= MAX_SIZE)
        # `\lfloor n^2 / 20000 \rfloor = 0` fails only from n = 142: a size that
        # only scales is also drawn past the step's larger integers (20001)
        # and at 2, 10 and 3 times them (`\cos(n/1000) > 0` fails from n = 1571), in turn
        # (past the largest first: `\lfloor n/10^{6} \rfloor` beside `\lfloor n/500 \rfloor`
        # turns only there, and the budget may end before the later draws)
        scaled = sorted((c for c in mentioned if LARGE_SIZES[-1] <= c <= MAX_HUGE), reverse=True)
        self.huge = list(dict.fromkeys(f(c) for f in (lambda c: c + 1, lambda c: 2 * c + 1,
                                                      lambda c: 10 * c + 1, lambda c: 3 * c + 2)
                                       for c in scaled))
        self.huge_turn = 0
        self.unsafe = _counted(exprs)

    def real(self, cuts: bool = True) -> tuple[int, sp.Rational]:
        """A sign and a magnitude: every third draw far (10⁷ … 10¹², or
        further past the step's largest constant; twice) or tiny (10⁻¹² …
        10⁻⁷; once), in turn; the others mostly 10⁻³ … 10³; where the step has
        breakpoints (constants in a condition, a max/min or |·|), every second
        draw lies just above or just below one of them, in turn; and (every
        second or fourth draw) within a factor 10 of one of the step's own
        scales (a constant, or the gap between two, from 10² up or 10⁻² down:
        2000, 10⁻⁶, 2.01 − 2), in turn above and below it, with either sign."""
        self.calls += 1
        if self.calls % 3 == 0:         # every third: far, far, tiny, in turn (the others
            k = self.calls // 3         # keep their own order of cuts and scales), spread
            low, high = self.far if k % 3 else (-FAR[1], -FAR[0])      # over the decades
            spread = (k * 0.6180339887 + self.uniform(0, 0.1)) % 1.0
            return self.choice((1, -1)), irregular(10 ** (low + (high - low) * spread))
        self.count += 1
        if cuts and self.cuts and self.count % 2 == 1:
            k = self.count // 2
            cut = self.cuts[(k // 2) % len(self.cuts)]
            side = 1 if k % 2 == 0 else -1
            value = float(cut) + side * 10 ** self.uniform(-2, 1.5) * max(1.0, abs(float(cut)))
            small = [x for x in self.scales if x < 0]
            if small and (k // 2) % 3 == 1:                # a window `|x - 3.7| < 10^{-4}` around it
                value = float(cut) + side * 10 ** (small[(k // 6) % len(small)] - self.uniform(0.05, 1))
            return (1 if value >= 0 else -1), irregular(abs(value))
        if self.scales and self.count % (4 if self.cuts else 2) == 0:
            k = self.count // (4 if self.cuts else 2) - 1
            centre = self.scales[k % len(self.scales)]
            turn = (k // len(self.scales)) % 4
            offset = self.uniform(0.05, 1) * (1 if turn in (0, 2) else -1)
            return (1 if turn < 2 else -1), irregular(10 ** (centre + offset))
        if self.roots and self.count % 3 == 2:     # past where a root meets a constant
            k = self.count // 3
            centre, degree = self.roots[k % len(self.roots)]
            spread = (0.1 + (k // len(self.roots)) * 0.6180339887 + self.uniform(0, 0.05)) % 1.0
            return self.choice((1, -1)), irregular(10 ** (centre + 0.05 + spread * degree / 2))
        if self.derived:
            self.extra += 1
            if self.extra % 2 == 1:
                return self._derived_scale()
        return self.choice((1, -1)), irregular(10 ** self.uniform(*MAGNITUDE))

    def _derived_scale(self) -> tuple[int, sp.Rational]:
        """Every other draw that is not at a cut or one of the step's own scales: at a
        scale derived from its constants (`_scales_from_constants`), the farthest
        first, above it, then in turn below it and with the other sign."""
        k = self.extra // 2
        centre = self.derived[k % len(self.derived)]
        turn = (k // len(self.derived)) % 4
        offset = self.uniform(0.05, 1) * (1 if turn in (0, 2) else -1)
        return (1 if turn < 2 else -1), irregular(10 ** (centre + offset))


# -- the step's computed constants as sizes, scales, cuts and points ------------
# (attack 17: `\min(n, 5!)`, `x^2/20!`, `\max(\ln x, -70)`, `\lfloor x - \pi \rfloor`)

MAX_COMPUTED_SIZE = 10_000    # sizes at a computed constant (`10 \cdot 10`, `5!`) up to this


def _computed_sizes(exprs, hidden: dict) -> list[int]:
    r"""Sizes at and beside the integers the step computes beyond the sweep
    (`\min(n, 10 \cdot 10)` holds 100, `\lceil 100\pi \rceil` 315) and at the
    thresholds of a logarithm of a size (`\ln(n)/(3 \ln 10)` turns at e^{6.9} = 1000):
    first in the sweep, so each is drawn."""
    values = {sp.Integer(v) for e in exprs for r in e.atoms(sp.Rational) for v in (abs(r.p), r.q)}
    values |= {abs(h) for h in hidden.values()}
    values |= {sp.Integer(round(math.exp(t))) for t in _log_thresholds(exprs)
               if 0 < t < math.log(MAX_COMPUTED_SIZE)}
    sizes: set = set()
    for v in values:
        if MAX_SIZE < v <= MAX_COMPUTED_SIZE:
            low = int(math.floor(v))
            sizes |= {low - 1, low, low + 1, low + 2}
    return sorted(sizes)[:24]


def _scales_from_constants(exprs, scales: list, numbers) -> list:
    r"""Scales where a constant factor stops hiding a term: `x^2/10^{40}` turns at
    10^{20} (a root), `|x|/e^{30}` at e^{30} (a reciprocal), and behind a logarithm
    `\max(\ln x, -70)` at e^{-70} (both sides of it)."""
    derived: set = set()
    # a power of a variable turns where the constant beside it does: `x^2` at
    # half the constant's decades, `\sqrt{x}` at twice (`\cos(\sqrt{x}/10^4)` at 10^8)
    factors = {-1.0, 0.5, -0.5, 1 / 3, -1 / 3}
    for e in exprs:
        for power in e.atoms(sp.Pow):
            exp = power.exp
            if power.base.free_symbols and exp.is_Rational and exp != 0 and abs(exp) <= 6:
                factors |= {float(1 / exp), float(-1 / exp)}
    for s in scales:
        derived |= {round(f * s, 3) for f in factors}
    thresholds = _log_thresholds(exprs)
    if any(log.free_symbols for e in exprs for log in e.atoms(sp.log)):
        thresholds |= {float(n) for n in numbers}
    for v in thresholds:
        if 2 <= abs(v) <= REACH / math.log10(math.e):
            t = abs(v) * math.log10(math.e)
            derived |= {round(t, 3), round(-t, 3), round(t - 1, 3), round(-t - 1, 3)}
    derived -= set(scales)
    # the farthest first: a draw of few points meets the scale that hides the most
    return sorted((x for x in derived if 2 <= abs(x) <= REACH), key=lambda x: (-abs(x), -x))


def _root_turns(exprs, scales: list) -> list:
    r"""(log10 of x, degree) where a root of x meets one of the step's large
    scales: `\cos(\sqrt[4]{x}/10^4)` turns only past x = 10^{16}; drawn above
    it, spread over half the degree's decades (the argument then spans 1 … 10^{1/2})."""
    degrees = {int(1 / p.exp) for e in exprs for p in e.atoms(sp.Pow)
               if p.base.free_symbols and p.exp.is_Rational and p.exp.p == 1 and 2 <= p.exp.q <= 9}
    return sorted({(round(abs(s) * k, 3), k) for s in scales for k in degrees
                   if 2 <= abs(s) and abs(s) * k <= REACH}, reverse=True)


def _log_thresholds(exprs) -> set:
    r"""Values t where a logarithm's term turns: `\ln(n) / (3 \ln 10)` is 1 at
    ln n = 3 ln 10, so t = 1/c and 2/c for the constant factor c of a log."""
    found: set = set()
    for e in exprs:
        for log in e.atoms(sp.log):
            if not log.free_symbols:
                continue
            for m in e.atoms(sp.Mul):
                if log in m.args:
                    c = m / log
                    if c.is_number and c.is_real and c != 0:
                        found |= {1 / abs(float(c)), 2 / abs(float(c))}
    return found


def _cuts_inside_steps(exprs, hidden: dict) -> set:
    r"""Breakpoints of floors, ceilings and signs: the constants added to their
    argument (`\lfloor x - \pi \rfloor` turns at π, `\lfloor x - 3.2 \rfloor` at 3.2)."""
    cuts: set = set()
    for e in exprs:
        for f in e.atoms(sp.floor, sp.ceiling, sp.sign, sp.Heaviside):
            for term in sp.Add.make_args(f.args[0]):
                if term.is_Number and term.is_real and term.is_finite:
                    cuts.add(-term)
                elif term in hidden:
                    cuts.add(-hidden[term])
                elif -term in hidden:
                    cuts.add(hidden[-term])
    return cuts


def _exact_points(exprs) -> list:
    """Exact points where a floor, ceiling or sign turns: the constants added to
    its argument (pi, e and their simple multiples, rationals), with both signs: at x = pi, `\\lfloor x - \\pi \\rfloor` is 0 while `\\lfloor x - 3.2 \\rfloor`
    is -1; at x = 6.3, `\\lceil x - 2\\pi \\rceil` is 1 while `\\lceil x - 6.3 \\rceil` is 0."""
    points: set = set()
    for e in exprs:
        for f in e.atoms(sp.floor, sp.ceiling, sp.sign, sp.Heaviside):
            for term in sp.Add.make_args(f.args[0]):
                if not term.free_symbols and term.is_real and (
                        term.is_Rational or term.has(sp.pi, sp.E)) and sp.count_ops(term) <= 3:
                    points |= {term, -term}
    points.discard(sp.Integer(0))
    return sorted(points, key=sp.default_sort_key)[:12]


def _zero_one_points(a, b, free, ranges, ctx, rng, meeting: tuple | None = None) -> Sampled | None:
    """Each real symbol alone at 0 while the others are drawn (nonzero), then at
    each of the step's exact points (`_exact_points`): `x \\operatorname{sign}(y)` against
    cases on `y \\ge 0` differ only at y = 0 with x != 0, `\\lceil x - 2\\pi \\rceil` and
    `\\lceil x - 6.3 \\rceil` only on (2pi, 6.3]."""
    reals = sorted((s for s in free if not s.is_integer and s.is_real and s not in ranges),
                   key=str)
    tries = []
    for symbol in reals[:4]:
        if _fits(symbol, 0):
            tries += [(symbol, sp.Integer(0))] * (3 if len(reals) > 1 else 1)
        tries += [(symbol, v) for v in getattr(rng, "exact", ()) if _fits_sign(symbol, v)]
    tries += _closed_ends(ctx.constraints, set(reals))
    return _tried(a, b, free, ranges, ctx, rng, tries, 100, meeting=meeting)


def _tried(a, b, free, ranges, ctx, rng, tries: list, offset: int,
           result: Sampled | None = None, meeting: tuple | None = None) -> Sampled | None:
    """Each (symbol, value) in turn, the rest drawn (a value may name the
    others: x = y at a closed end): the first difference, else None; the
    points that held are counted in `result` where given, and the piecewise
    branches they meet in `meeting` = (branches, met) where given (a branch
    `|w x - y| \\le \\epsilon` under the case `w x - y \\ge \\epsilon` holds only at
    the case's closed end)."""
    for attempt, (symbol, value) in enumerate(tries, start=1):
        point = _point(free - {symbol}, ranges, rng, attempt + offset)
        if point is None:
            continue
        point[symbol] = value.xreplace(point)
        found = _try_point(a, b, point, ctx, rng, ranges)
        if found is not None and found.outcome == "differ":
            return found
        if found is not None and result is not None:
            result.points += 1
            _tally(result, point, found.point, ranges)
        if found is not None and meeting is not None:
            _meet(meeting[0], {**point, **(found.point or {})}, meeting[1])
    return None


def _closed_ends(constraints, reals: set) -> list:
    r"""The end of a case's closed interval, as a point: under `x \le 2` (x
    shifted to 2 − t with t ≥ 0, tried at t = 0) or the second link of
    `0 \le x \le 1`, x = 1.  A step that slips only at its case's boundary
    (`\operatorname{sign}(x) = -1` for x ≤ 0) was numeric: 0 was drawn
    only by chance, and a closed end never."""
    ends = []
    for relation in constraints:
        if isinstance(relation, (sp.Le, sp.Ge)):
            for symbol, bound in ((relation.lhs, relation.rhs), (relation.rhs, relation.lhs)):
                if symbol in reals and bound.is_number and bound.is_real \
                        and _fits_sign(symbol, bound):
                    ends.append((symbol, bound))
            ends += _moving_ends(relation, reals)
    return ends


def _moving_ends(relation, reals: set) -> list:
    r"""The closed end of a relation between variables, as a symbol set to an
    expression in the others: under `x \le y`, x = y (the others drawn after).
    `\operatorname{sign}(y - x) = 1` for x ≤ y slips only on that line, which
    two independent draws never meet."""
    diff = relation.lhs - relation.rhs
    ends = []
    for symbol in sorted(diff.free_symbols & reals, key=str):
        slope = sp.diff(diff, symbol)
        rest = sp.expand(diff - slope * symbol)
        if not slope.is_number or slope == 0 or rest.has(symbol) or not rest.free_symbols:
            continue
        end = sp.expand(-rest / slope)
        signed = symbol.is_positive or symbol.is_negative or symbol.is_nonnegative \
            or symbol.is_nonpositive
        if signed and not _fits_sign(symbol, end) or (signed and end.is_positive is None
                                                       and end.is_negative is None):
            continue
        ends.append((symbol, end))
    return ends


def _series_outside(a, b, free, ranges, ctx, rng) -> Sampled | None:
    r"""An infinite series SymPy sums only where it converges (`\sum_{k=0}^\infty x^k` is
    `1/(1-x)` for |x| < 1, else the divergent sum): its region is where the side
    exists, never a case to sample within.  A point of the step's domain outside
    it makes the step unknown, with the region to state."""
    regions = []
    for expr in (a, b):
        for pw in expr.atoms(sp.Piecewise):
            diverging = [c for v, c in pw.args if any(
                any(lim.has(sp.oo, -sp.oo) for lim in s.limits[0][1:]) for s in v.atoms(sp.Sum))]
            if diverging:
                region = sp.Or(*(c for v, c in pw.args if c not in diverging))
                series = next(s for v, c in pw.args if c in diverging for s in v.atoms(sp.Sum))
                regions.append((region, series))
    if not regions:
        return None
    reals = {s for s in free if s not in ranges and not s.is_integer}
    for attempt in range(1, 4 * POINTS):
        point = _point(free, ranges, rng, attempt)
        if point is None or not _holds(ctx.constraints, point, integers_only=True):
            continue
        try:
            point.update(_draw(reals, ctx.constraints, point, rng))
            if not _holds(ctx.constraints, point, integers_only=False):
                continue
            for region, series in regions:
                if region.xreplace(point) == sp.false:
                    at = ", ".join(f"{k} = {sp.sstr(sp.N(v, 6))}" for k, v in sorted(point.items(), key=str)
                                   if k in region.free_symbols)
                    var, lo, hi = series.limits[0]
                    k = sp.Symbol("k")
                    shown = f"Σ_{{k={sp.sstr(lo)}}}^{{{sp.sstr(hi)}}} {sp.sstr(series.function.xreplace({var: k}))}"
                    return Sampled("unknown", reason=f"the series `{shown}` converges "
                                   f"only where `{sp.sstr(region)}`, and not at {at}, which the "
                                   "step allows: state where it converges (a `when:` condition "
                                   "or the symbol's domain) to check it")
        except (TypeError, ValueError, ArithmeticError, AttributeError):
            continue
    return None


def _counted(exprs) -> set:
    """Symbols that count terms or digits: in a sum's or product's bounds, an
    exponent, a factorial, binomial or gamma; they are not drawn huge."""
    found: set = set()
    for e in exprs:
        for power in e.atoms(sp.Pow):
            found |= power.exp.free_symbols
        for big in e.atoms(sp.Sum, sp.Product):
            found |= {t for limit in big.limits for v in limit[1:] for t in v.free_symbols}
        for func in e.atoms(sp.factorial, sp.binomial, sp.gamma, sp.RisingFactorial,
                            sp.FallingFactorial, sp.factorial2, sp.zeta):
            found |= func.free_symbols
    return found


def _hidden_constants(exprs, limit: int = 200) -> dict:
    """Constant subexpressions that are not plain numbers (`e^{e^e}`, `\\sqrt{2}`,
    `\\pi^4`) with their values: scales and breakpoints the literals hide."""
    found: dict = {}
    seen = 0
    for e in exprs:
        for sub in sp.preorder_traversal(e):
            seen += 1
            if seen > limit:
                return found
            if isinstance(sub, sp.Expr) and not sub.is_Number and sub.is_number and sub not in found:
                try:
                    value = sp.N(sub, 15)
                except Exception:       # noqa: BLE001 - a constant that does not evaluate
                    continue
                if value.is_Float and value.is_finite:
                    number = sp.Rational(str(value))
                    if number != 0 and 1e-60 < abs(float(number)) < 1e60:
                        found[sub] = number
    return found


def irregular(value: float) -> sp.Rational:
    """value as a rational off every decimal lattice (a prime denominator),
    about 9 significant digits: sin(10⁸ π x) and ⌊10⁸ x⌋ are never special."""
    if value == 0:
        return sp.Integer(0)
    shift = max(0, 9 - int(math.floor(math.log10(abs(value) * LATTICE))))
    denominator = LATTICE * 10 ** shift
    return sp.Rational(round(value * denominator), denominator)


@dataclass
class Sampled:
    """`equal` (with the number of points), `differ` (with the point), `constant`
    (equal to 60 digits, no symbols), or `unknown`."""
    outcome: str
    points: int = 0
    point: dict | None = None
    left: object = None
    right: object = None
    reason: str = ""
    sizes: dict = field(default_factory=dict)      # size symbol -> values drawn
    reals: list = field(default_factory=list)      # |values| of reals drawn (nonzero)
    at: dict | None = None      # differ: the point as plain data, for the evaluator (plain())

    def ranges(self) -> str:
        """Over which values the points agreed, for the `numeric` message."""
        parts = [f"{name} ∈ {{{_listed(sorted(v))}}}"
                 for name, v in sorted(self.sizes.items())]
        if self.reals:
            parts.append(f"reals of magnitude {min(self.reals):.1e} … {max(self.reals):.1e}, "
                         "both signs, 0 and ±1 where allowed")
        return "; ".join(parts)


def compare(a: sp.Expr, b: sp.Expr, ranges: dict, ctx: Context) -> Sampled:
    rng = _Draws(zlib.crc32(sp.srepr((a, b)).encode()),
                 [a, b, *ctx.constraints, *(as_expr(v) for v in ctx.late.values())])
    free = _free(a) | _free(b) | _condition_symbols(ctx)
    if not free and not (a.atoms(AppliedUndef, sp.Indexed) or b.atoms(AppliedUndef, sp.Indexed)):
        return _constant(a, b)
    outside = _series_outside(a, b, free, ranges, ctx, rng)
    if outside is not None:
        return outside
    result = Sampled("equal")
    tries = 0
    indices = _ordered_indices(free, ranges)
    sized = [t for t in free | {t for i in indices for v in ranges[i] for t in v.free_symbols}
             if t.is_integer and t not in ranges]
    target = min(len(rng.sweep), MAX_SWEEP_POINTS) + POINTS // 2 if sized else POINTS
    branches = _branches(a, b)
    met: set = set()
    while result.points < target and tries < max(MAX_TRIES, 3 * target):
        tries += 1
        point = _point(free, ranges, rng, tries)
        if point is None:
            continue
        found = _try_point(a, b, point, ctx, rng, ranges)
        if found is None:
            continue
        if found.outcome == "differ":
            return found
        result.points += 1
        _tally(result, point, found.point, ranges)
        _meet(branches, {**point, **(found.point or {})}, met)
    if result.points >= MIN_POINTS:
        zero = _zero_one_points(a, b, free, ranges, ctx, rng, (branches, met))
        if zero is not None:
            return zero
        turned = _turning_points(a, b, free, ranges, ctx, rng, result)
        if turned is not None:
            return turned
        celled = _cells(a, b, free, ranges, ctx, rng, result, branches, met)
        if celled is not None:
            return celled
        missed = [cond for cond in branches if cond not in met]
        if missed:
            return Sampled("unknown", result.points, reason=f"the case `{sp.sstr(missed[0])}` of a "
                           "piecewise was never met by a sampled point: a condition this rare is "
                           "not checked by sampling")
        certified = _certified(rng, ctx)
        if certified is not None:
            return certified
        turning = _integer_turns(a, b)
        if turning:
            return Sampled("unknown", result.points, reason=turning)
        return _nonzero_constant(a, b, result)
    return Sampled("unknown", result.points, reason=f"only {result.points} of {tries} sampled "
                   "points could be evaluated (the rest fell outside the domain or the "
                   "conditions)")


_SWITCHING = (sp.Abs, sp.Max, sp.Min, sp.sign, sp.Heaviside, sp.floor, sp.ceiling, sp.frac,
              sp.Piecewise)
MAX_CELL_POINTS = 48          # points placed at and between a step's breakpoints, per step
_SCAN = sorted({0.0} | {sign * 10 ** (k / 8) for k in range(-48, 49) for sign in (1, -1)})


def _cells(a, b, free, ranges, ctx, rng, result: Sampled, branches: list = (),
           met: set | None = None) -> Sampled | None:
    r"""A step with |·|, max, min, sign, a floor or cases (or a case with a
    nonlinear condition) is tried along a line through a point that held: each
    real in turn moves, the others stay, and the places where a piece switches
    (`x - 3` in |x − 3|, `1 - 10^4 (x - e^2)^2` in a max, x² − 4 in `when: x^2 \le 4`,
    the integers a floor's argument crosses) are solved for; the sides are
    compared exactly at each such place (x = 2 under x² ≤ 4) and between two
    neighbouring ones (a bump 0.02 wide at e², a joint written 1.41421356
    against √2), where the difference is also computed to certain digits.
    Random draws meet none of these. A piecewise case that a point here meets
    (the inside of a bump 2·10⁻⁵ wide) is counted in `met`."""
    pieces = a.atoms(*_SWITCHING) | b.atoms(*_SWITCHING)
    relations = [c for c in ctx.constraints if isinstance(c, sp.core.relational.Relational)]
    nonlinear = [r for r in relations if any(sp.degree(r.lhs - r.rhs, s) != 1 if
                                             (r.lhs - r.rhs).is_polynomial(s) else True
                                             for s in _free(r.lhs - r.rhs))]
    if not (pieces or nonlinear) or not rng.kept:
        return None
    switches, levels = set(), set()
    for f in pieces:
        if isinstance(f, (sp.Abs, sp.sign, sp.Heaviside)):
            switches.add(f.args[0])
        elif isinstance(f, (sp.Max, sp.Min)):
            switches |= {u - v for i, u in enumerate(f.args) for v in f.args[i + 1:]}
        elif isinstance(f, sp.Piecewise):
            switches |= {r.lhs - r.rhs for _, cond in f.args
                         for r in cond.atoms(sp.core.relational.Relational)}
        else:
            levels.add(f.args[0])
    switches |= {r.lhs - r.rhs for r in relations}
    base = min(rng.kept, key=_reach)[3]          # the nearest point that held
    reals = sorted((s for s in free if s in base and not s.is_integer and s not in ranges),
                   key=str)[:3]
    tried = 0
    for symbol in reals:
        others = {k: v for k, v in base.items() if k != symbol}
        roots: list = []
        for switch in switches | {u - k for u in levels for k in _levels(u, base)}:
            g = switch.xreplace(others)
            if g.free_symbols == {symbol}:
                roots += _real_roots(g, symbol)
        places = _places(roots)
        for value in places:
            if tried >= MAX_CELL_POINTS:
                return None
            if not _fits_value(symbol, value):
                continue
            tried += 1
            point = {**others, symbol: value}
            found = _try_point(a, b, point, ctx, rng, ranges)
            if found is not None and found.outcome == "differ":
                return found
            if found is not None:
                certain = _certainly_different(a.xreplace(point), b.xreplace(point), point, ctx)
                if certain is not None:
                    return certain
                result.points += 1
                if met is not None:
                    _meet(branches, {**point, **(found.point or {})}, met)
    return None


def _levels(u, base) -> list:
    """The integers a floor's argument crosses near a point that held, and 0, ±1."""
    try:
        here = math.floor(float(sp.N(u.xreplace(base), 20)))
    except (TypeError, ValueError, OverflowError):
        return [0, 1, -1]
    return sorted({0, 1, -1, here - 1, here, here + 1, here + 2})


def _real_roots(g, symbol) -> list:
    """Where g (of one real) is 0: exactly for a polynomial or what SymPy solves
    at once, else where its sign changes on a grid from 10⁻⁶ to 10⁶ (both
    signs), to 60 digits."""
    try:
        if g.is_polynomial(symbol) and 0 < sp.degree(g, symbol) <= 6:
            poly = sp.Poly(g, symbol)
            if poly.domain.is_ZZ or poly.domain.is_QQ:
                return [r for r in poly.real_roots() if r.is_real]
            with mpmath.workdps(60):                # e² in a coefficient: to 55 digits
                coefficients = [mpmath.mpf(str(sp.N(c, 60))) for c in poly.all_coeffs()]
                found = mpmath.polyroots(coefficients, maxsteps=200, extraprec=60)
                return [sp.Rational(mpmath.nstr(mpmath.re(r), 55)) for r in found
                        if abs(mpmath.im(r)) <= mpmath.mpf(10) ** -40 * max(1, abs(r))]
    except (sp.PolynomialError, ValueError, TypeError, NotImplementedError, ArithmeticError,
            mpmath.libmp.NoConvergence):
        pass
    if sp.count_ops(g) <= 12:
        from derive_ce.decide.equivalence import OutOfTime, deadline
        try:
            with deadline(0.5):
                found = [r for r in sp.solve(g, symbol) if r.is_real]
            if found:
                return found
        except (OutOfTime, NotImplementedError, ValueError, TypeError, AttributeError,
                RecursionError, sp.PolynomialError):
            pass
    def f(x):           # by substitution and evalf: no code generated from the step
        value = g.xreplace({symbol: sp.Float(mpmath.nstr(x, 70), 70)}).evalf(mpmath.mp.dps)
        if not value.is_real or not value.is_finite:
            raise ValueError("not a real number there")
        return mpmath.mpf(str(value))
    roots, previous = [], None
    with mpmath.workdps(30):
        for x in _SCAN:
            try:
                value = f(mpmath.mpf(x))
            except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                previous = None
                continue
            if previous is not None and value * previous[1] < 0:
                try:
                    with mpmath.workdps(60):
                        root = mpmath.findroot(f, (previous[0], mpmath.mpf(x)), solver="anderson")
                    roots.append(sp.Rational(mpmath.nstr(root, 55)))
                except (ValueError, ZeroDivisionError, TypeError, ArithmeticError):
                    pass
            previous = (mpmath.mpf(x), value)
    return roots[:16]


def _places(roots: list) -> list:
    """Each root, and a point between each two neighbouring roots."""
    keyed = []
    for r in roots:
        try:
            keyed.append((float(sp.N(r, 30)), r))
        except (TypeError, ValueError):
            continue
    keyed.sort(key=lambda kv: kv[0])
    places, seen = [], set()
    for value, root in keyed:
        if value not in seen:
            seen.add(value)
            places.append(root)
    between = []
    for (x, r), (y, q) in zip(keyed, keyed[1:]):
        if y > x:
            between.append(sp.Rational(mpmath.nstr((mpmath.mpf(str(sp.N(r, 60))) +
                                                    mpmath.mpf(str(sp.N(q, 60)))) / 2, 55)))
    return places + between


def _fits_value(symbol, value) -> bool:
    try:
        return _fits_sign(symbol, value) and not (symbol.is_nonzero and value == 0)
    except TypeError:
        return False


def certain_difference(diff) -> sp.Float | None:
    r"""A constant's value where it is computed alike at two precisions far
    apart (40 and 80 digits, then 150 and 300): a true difference keeps its
    digits, rounding does not (a true step's difference is noise that shrinks
    with the precision).  None where the two do not agree to 10 digits, or where
    the value is 0.  `\ln(e^{100} + e^{-100}) - 100` is 1.4·10⁻⁸⁷."""
    if diff == 0 or not isinstance(diff, sp.Basic) or diff.free_symbols \
            or diff.atoms(AppliedUndef, sp.Indexed):
        return None
    for low, high in ((40, 80), (150, 300)):
        try:
            first, again = (diff.evalf(p, maxn=p) for p in (low, high))
        except (TypeError, ValueError, ArithmeticError, AttributeError, NotImplementedError,
                RecursionError, MemoryError):
            return None
        if not (first.is_Number and again.is_Number) or first.has(sp.nan, sp.zoo):
            return None
        if again != 0 and first != 0 and abs(first - again) <= abs(again) * sp.Float("1e-10", 30):
            return again
    return None


def _certainly_different(left, right, point: dict, ctx) -> Sampled | None:
    """Two sides at a point, as a `differ` shown with the digits that tell them
    apart, where certain_difference finds their difference; None otherwise.
    Not at a point drawn as floats (_inexact): a float's rounding is the same at
    every precision, so it would pass for a difference."""
    if any(isinstance(v, sp.Float) for v in point.values()):
        return None
    found = certain_difference(left - right)
    if found is None:
        return None
    scale = max(abs(sp.N(left, 15)), abs(sp.N(right, 15)), 1)
    digits = int(min(CERTIFIED_DIGITS, 30 + max(0, -math.log10(abs(float(found) / float(scale))))))
    values = [_value(side, {}, digits + 10) for side in (left, right)]
    if None in values:
        return None
    return Sampled("differ", 1, point=_shown(point, ctx), left=values[0], right=values[1],
                   at=plain(point, ctx))


def _integer_turns(a, b) -> str:
    r"""Why agreement at sampled points decides nothing: a floor, ceiling,
    fractional part or remainder of an integer turns at places no sampling is
    sure to meet (`\lfloor n \sqrt{2} \rfloor` and `\lfloor 1393 n / 985 \rfloor`
    agree up to n = 985; `\lfloor P n / Q \rfloor` against `\lfloor n \sqrt{2}
    \rfloor` up to n ≈ 2·10¹³).  Such a step is proved or not decided, never
    numeric; a difference found still fails it.  "" where there is none."""
    for f in (a.atoms(sp.floor, sp.ceiling, sp.frac, sp.Mod) | b.atoms(sp.floor, sp.ceiling,
                                                                     sp.frac, sp.Mod)):
        integers = sorted((s for s in _free(f) if s.is_integer), key=str)
        if integers:
            return (f"agreement at sampled points decides nothing here: `{sp.sstr(f)}` turns "
                    f"at values of the integer `{integers[0]}` that no sampling is sure to "
                    "meet (a floor, ceiling or remainder of an integer is proved, or not "
                    "decided); SymPy could not prove it")
    return ""


FAR_SIZES = (10**6 + 3, 10**9 + 7, 10**12 + 1)   # where a floor of a size that only scales
TURNS = 24                                      # is also tried; turns of a linear floor tried


def _turning_points(a, b, free, ranges, ctx, rng, result: Sampled) -> Sampled | None:
    r"""An integer that only scales (no sum, power or factorial counts with it),
    inside a floor or a ceiling, at the first TURNS places where each such floor
    turns (`\lfloor n/e^{12} \rfloor` turns at ⌈k e^{12}⌉, and differs from
    `\lfloor n/162755 \rfloor` first at k = 5, n = 813774) and far out
    (`\lfloor \sqrt{n^2 + 2n + 10^{-9} n^2} \rfloor` leaves n from 31623 on):
    places no draw of sizes meets."""
    steps = [f for e in (a, b) for f in e.atoms(sp.floor, sp.ceiling, sp.frac)]
    integers = sorted((s for s in free if s.is_integer and s not in ranges
                       and s not in rng.unsafe
                       and not any(s in v.free_symbols for bounds in ranges.values()
                                   for v in bounds)), key=str)
    for symbol in integers:
        values: set = set()
        for f in steps:
            inside = f.args[0]
            if inside.free_symbols != {symbol}:
                continue
            values |= set(FAR_SIZES)
            slope = sp.diff(inside, symbol)
            if not (slope.is_number and slope != 0 and (inside - slope * symbol).is_number):
                continue
            start = inside.xreplace({symbol: 1})
            try:
                first = math.floor(float(start))
                for k in range(first, first + TURNS):
                    at = float((k - (start - slope)) / slope)
                    if abs(at) < 10**15:
                        values |= {math.ceil(at) - 1, math.ceil(at)}
            except (TypeError, ValueError, OverflowError):
                continue
        tries = [(symbol, sp.Integer(v)) for v in sorted(values) if _fits(symbol, v)]
        found = _tried(a, b, free, ranges, ctx, rng, tries, 300, result)
        if found is not None:
            return found
    return None


def _condition_symbols(ctx: Context) -> set:
    symbols = {s for c in ctx.constraints for s in _free(c)}
    for total, value in ctx.late.items():
        symbols |= _free(total) | _free(as_expr(value))
    return symbols


def _listed(values: list) -> str:
    """Sizes as shown: all of them up to 24, else the first 16, a count, the last 4."""
    if len(values) <= 24:
        return ", ".join(map(str, values))
    return ", ".join(map(str, values[:16])) + f", … ({len(values) - 20} more) …, " \
        + ", ".join(map(str, values[-4:]))


def _tally(result: Sampled, integers: dict, reals: dict, ranges: dict) -> None:
    for symbol, value in integers.items():
        if symbol not in ranges:
            result.sizes.setdefault(sp.sstr(symbol), set()).add(int(value))
    result.reals += [abs(float(v)) for v in reals.values() if v != 0 and v.is_real]


def _constant(a, b) -> Sampled:
    """No symbols: the two numbers compared at 60 digits."""
    exact = [side.doit() for side in (a, b)]
    if all(side.is_Rational for side in exact):
        if exact[0] == exact[1]:
            return Sampled("constant", 1, reason="the two numbers are equal")
        digits = _telling_digits(*exact)
        return Sampled("differ", 1, point={}, left=_value(exact[0], {}, digits),
                       right=_value(exact[1], {}, digits), at={})
    left, right = (_value(side, {}, CONFIRM_DIGITS, strict=True) for side in exact)
    if left is None or right is None:
        return Sampled("unknown", reason="neither side could be evaluated to a number")
    if _close(left, right, max(abs(left), abs(right)), CONFIRM_DIGITS):
        return Sampled("constant", 1, reason=f"the two numbers agree to {CONFIRM_DIGITS - 5} digits")
    return Sampled("differ", 1, point={}, left=left, right=right, at={})


def _branches(a, b) -> list:
    """The conditions of the piecewise cases of a step that bound a region
    (`\\sin x > 0.9999`, `|x - 3.7| < 10^{-4}`); equalities (`x = 0`) are points."""
    found = []
    for pw in (a.atoms(sp.Piecewise) | b.atoms(sp.Piecewise)):
        for _value_, cond in pw.args:
            if cond in (sp.true, sp.false) or cond.atoms(sp.Eq) or cond in found:
                continue
            if cond.atoms(AppliedUndef, sp.Indexed, sp.Sum, sp.Product, sp.Derivative):
                continue
            if cond.free_symbols and all(t.is_integer for t in cond.free_symbols):
                continue                                   # sizes are swept
            found.append(cond)
    return found


def _meet(branches: list, values: dict, met: set) -> None:
    for cond in branches:
        if cond in met:
            continue
        try:
            if cond.xreplace(values) is sp.true:
                met.add(cond)
        except (TypeError, ValueError, ArithmeticError, RecursionError):
            met.add(cond)                                  # not decidable here: not held against


CERTIFIED_POINTS = 4           # points where the difference is computed to a certain value
CERTIFIED_REACH = 10**4        # at points no farther out (e^{2x} at x = 10^{10} has no digits to keep)
CERTIFIED_DIGITS = 240         # a certain difference is shown with up to this many digits


def _reach(entry) -> sp.Expr:
    """How far out a kept point lies: its largest |value|."""
    values = [abs(v) for v in entry[3].values() if getattr(v, "is_number", False)]
    return max(values, default=sp.Integer(0))


def _certified(rng, ctx) -> Sampled | None:
    r"""A difference too small for any tolerance, computed on its own
    (certain_difference: alike at two precisions far apart, where a true
    step's rounding noise is not): `\ln(e^x + e^{-x}) = x` under
    x ≥ 100 differs by 1.4·10⁻⁸⁷ at x = 100, below the digits the sides are
    compared at.  Tried at the case's closed ends and exact points (drawn
    last), and at the smallest and the largest point drawn."""
    kept = rng.kept
    if not kept:
        return None
    near = [entry for entry in kept if _reach(entry) <= CERTIFIED_REACH]
    if not near:
        return None
    by_size = sorted(near, key=_reach)
    chosen: list = []
    for entry in [*(e for e in kept[-2:] if _reach(e) <= CERTIFIED_REACH), by_size[0],
                  by_size[-1]]:
        if all(entry is not c for c in chosen):
            chosen.append(entry)
    for a1, b1, rest, full in chosen[:CERTIFIED_POINTS]:
        try:
            certain = _certainly_different(a1.xreplace(rest), b1.xreplace(rest), full, ctx)
        except (TypeError, ValueError, ArithmeticError, AttributeError, RecursionError):
            continue
        if certain is not None:
            return certain
    return None


def _nonzero_constant(a, b, result: Sampled) -> Sampled:
    """`x + \\sqrt{10^{80}+1} - 10^{40} = x`: the sides differ by a constant
    (5·10⁻⁴¹) that no sample resolves next to 10⁴⁰; it is computed on its own,
    with precision guaranteed, and a nonzero difference is a counterexample."""
    diff = a - b
    if diff == 0 or diff.free_symbols or diff.atoms(AppliedUndef, sp.Indexed) or not diff.is_number:
        return result
    value = _value(diff, {}, CONFIRM_DIGITS, strict=True)
    if value is None or abs(value) < mpmath.mpf(10) ** -(2 * CONFIRM_DIGITS):
        return result
    return Sampled("differ", 1, point={"constant_difference": sp.Float(str(value.real), 15)},
                   left=value, right=mpmath.mpc(0))


def _free(expr) -> set:
    """Free symbols, without the labels of vectors and matrices."""
    labels = {base.label for base in expr.atoms(sp.IndexedBase)}
    return {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s not in labels}


def _point(free, ranges, rng, attempt) -> dict | None:
    """Integers: each size drawn on its own (every fourth point all large),
    then the indices in their ranges."""
    point: dict = {}
    indices = _ordered_indices(free, ranges)
    sizes = free | {t for s in indices for v in ranges[s] for t in v.free_symbols}
    large = getattr(rng, "large", LARGE_SIZES)
    pool = (large, SMALL_SIZES + large, SMALL_SIZES, SMALL_SIZES)[attempt % 4]
    sweep = getattr(rng, "sweep", ())
    for turn, symbol in enumerate(sorted(sizes, key=str)):
        if symbol.is_integer and symbol not in ranges:
            if sweep and 1 <= attempt <= min(len(sweep), MAX_SWEEP_POINTS):   # first: the sweep, in turn
                size = sweep[(attempt - 1 + 5 * turn) % len(sweep)]
            elif attempt % 2 == 0 and getattr(rng, "huge", ()) and symbol not in rng.unsafe \
                    and not any(symbol in v.free_symbols for b in ranges.values() for v in b):
                size = rng.huge[rng.huge_turn % len(rng.huge)]
                rng.huge_turn += 1
            else:
                size = rng.choice(pool)
            point[symbol] = size_value(symbol, size, rng)
    for index in indices:
        lo, hi = (v.xreplace(point) for v in ranges[index])
        if not (lo.is_Integer and hi.is_Integer) or lo > hi:
            return None
        point[index] = sp.Integer(rng.randint(int(lo), int(hi)))
    return point


def _ordered_indices(free, ranges):
    pending = {s for s in free if s in ranges}
    for s in list(pending):
        pending |= _deps(s, ranges)
    return sorted(pending, key=lambda s: (len(_deps(s, ranges)), str(s)))


def _deps(symbol, ranges):
    return {t for v in ranges[symbol] for t in v.free_symbols if t in ranges}


def size_value(symbol, size, rng) -> sp.Integer:
    """A concrete size for an integer symbol, its sign respected."""
    if symbol.is_positive:
        return sp.Integer(size)
    if symbol.is_nonnegative:
        return sp.Integer(size - 1)
    if symbol.is_negative:
        return sp.Integer(-size)
    return sp.Integer(rng.choice((size, -size, size - 1, 1 - size)))


def _draw(atoms, constraints, known: dict, rng) -> dict:
    """Values for atoms; an atom bounded by another (x > y) is drawn after it."""
    values: dict = {}
    pending = sorted(atoms, key=str)
    while pending:
        ready = [a for a in pending if _bounds(a, constraints, {**known, **values}) is not None]
        for atom in ready or pending[:1]:
            low, high = _bounds(atom, constraints, {**known, **values}) or (None, None)
            values[atom] = _within(atom, low, high, rng)
        pending = [a for a in pending if a not in values]
    return values


def _bounds(atom, constraints, known: dict):
    """(low, high) from the conditions, None while a bound waits for a value."""
    low = high = None
    for c in constraints:
        if not isinstance(c, (sp.Gt, sp.Ge, sp.Lt, sp.Le)):
            continue
        if c.lhs == atom:
            bound, above = c.rhs.xreplace(known), isinstance(c, (sp.Gt, sp.Ge))
        elif c.rhs == atom:
            bound, above = c.lhs.xreplace(known), isinstance(c, (sp.Lt, sp.Le))
        else:
            continue
        if not bound.is_number:
            return None
        if not bound.is_real:
            continue
        if above:
            low = bound if low is None else sp.Max(low, bound)
        else:
            high = bound if high is None else sp.Min(high, bound)
    return low, high


def _magnitude(rng) -> sp.Rational:
    if isinstance(rng, _Draws):
        return rng.real(cuts=False)[1]     # a gap from a bound, not a position
    return irregular(10 ** rng.uniform(*MAGNITUDE))


def _within(atom, low, high, rng) -> sp.Expr:
    """A value in (low, high): often just inside a bound, else anywhere."""
    if low is None and high is not None and (atom.is_positive or atom.is_nonnegative):
        low = sp.Integer(0)
    if high is None and low is not None and (atom.is_negative or atom.is_nonpositive):
        high = sp.Integer(0)
    if low is None and high is None:
        return _real(atom, rng)
    if low is not None and high is not None:
        if low >= high:
            return low
        near = irregular(10 ** rng.uniform(-6, 0)) / 2
        share = rng.choice((near, 1 - near, irregular(rng.uniform(0.001, 0.999))))
        return low + (high - low) * share
    gap = _magnitude(rng)
    return low + gap if low is not None else high - gap


def _real(symbol, rng) -> sp.Expr:
    exact = [v for v in getattr(rng, "exact", None) or () if _fits_sign(symbol, v)]
    if exact and rng.random() < 0.25:
        return rng.choice(exact)
    if rng.random() < 0.15:
        allowed = [v for v in SPECIAL if _fits(symbol, v)]
        if allowed:
            return sp.Integer(rng.choice(allowed))
    sign, magnitude = rng.real() if isinstance(rng, _Draws) else \
        (rng.choice((1, -1)), _magnitude(rng))
    if symbol.is_positive or symbol.is_nonnegative:
        return magnitude
    if symbol.is_negative or symbol.is_nonpositive:
        return -magnitude
    if symbol.is_real is not True:
        return sign * magnitude + sp.I * sign * _magnitude(rng) * rng.choice((1, -1))
    return sign * magnitude


def _fits_sign(symbol, value) -> bool:
    """An exact point (pi, -3.2) allowed by the symbol's sign."""
    return not ((symbol.is_positive or symbol.is_nonnegative) and value.is_negative
                or (symbol.is_negative or symbol.is_nonpositive) and value.is_positive
                or symbol.is_integer)


def _fits(symbol, value: int) -> bool:
    return not ((symbol.is_positive and value <= 0) or (symbol.is_negative and value >= 0)
                or (symbol.is_nonnegative and value < 0) or (symbol.is_nonpositive and value > 0)
                or (symbol.is_nonzero and value == 0))


def _try_point(a, b, point, ctx, rng, ranges=None) -> Sampled | None:
    if not _holds(ctx.constraints, point, integers_only=True):
        return None
    functions = _functions(a.atoms(AppliedUndef) | b.atoms(AppliedUndef), rng)
    try:
        a1, b1 = (_concrete(e.xreplace(point), functions) for e in (a, b))
        late = [(_concrete(t.xreplace(point), {}), as_expr(v).xreplace(point))
                for t, v in ctx.late.items()]
        constraints = [_concrete(c.xreplace(point), {}) for c in ctx.constraints]
    except (ValueError, TypeError, ArithmeticError, NotImplementedError, AttributeError):
        return None
    atoms = set()
    for expr in [a1, b1, *constraints, *(t for pair in late for t in pair)]:
        atoms |= _free(expr) | expr.atoms(sp.Indexed)
    rest = _inexact(a1 + b1, _draw(atoms, constraints, point, rng), FLOAT_DIGITS)
    if not _satisfied(late, rest):
        return None
    full = {**{k: v.xreplace(rest) if v.free_symbols else v for k, v in point.items()}, **rest}
    if not _holds(constraints, full, integers_only=False):
        return None
    found = _compare_at(a1, b1, rest, _shown(full, ctx))
    if found is not None and found.outcome == "equal":
        found.point = rest
        if len(rng.kept) < 200:
            rng.kept.append((a1, b1, rest, full))
    if found is not None and found.outcome == "differ":     # the simplest such point
        from derive_ce.decide.slip import shrink
        found.at = plain(full, ctx)
        moved = {k: v for k, v in full.items() if k in point and point[k].free_symbols}
        found = shrink.sampled(found, a, b, {**point, **moved}, rest, functions, ctx,
                               ranges or {})
    return found


def plain(point: dict, ctx: Context) -> dict | None:
    """A point as plain data (evaluate/check.py's check_at reads it): a symbol's
    name, or (vector name, indices) for an element, to an int or an exact
    rational as text; a symbol a condition shifted (`x < 1` read as x = 1 - t)
    under its own name.  None where a value or an index is not a number."""
    found: dict = {}
    for atom, value in point.items():
        if atom in ctx.origins:
            name, expr = ctx.origins[atom]
            key, value = name, expr.xreplace({atom: value})
        elif isinstance(atom, sp.Indexed):
            if not all(i.is_Integer for i in atom.indices):
                return None
            key = (str(atom.base.label), tuple(int(i) for i in atom.indices))
        elif isinstance(atom, sp.Symbol):
            key = atom.name
        else:
            return None
        value = sp.nsimplify(value) if isinstance(value, sp.Float) else value
        if value.is_Integer:
            found[key] = int(value)
        elif value.is_Rational:
            found[key] = f"{value.p}/{value.q}"
        elif value.is_number and value.is_real:
            found[key] = sp.sstr(sp.N(value, 60))
        else:
            return None
    return found


def _satisfied(late: list, values: dict) -> bool:
    """`\\sum_c y_c = 1` made to hold: one element it is linear in takes the rest."""
    for total, value in late:
        for atom in sorted(total.atoms(sp.Indexed) | _free(total), key=str, reverse=True):
            coeff = sp.diff(total, atom)
            if coeff.is_number and coeff != 0 and atom in values:
                miss = (total - value).xreplace(values)
                if not miss.is_number:
                    return False
                values[atom] = values[atom] - miss / coeff
                break
        else:
            return False
    return True


def _concrete(expr, functions: dict):
    """Finite sums and products expanded, unknown functions made concrete."""
    expr = _finite(expr).doit()
    for func, replacement in functions.items():
        expr = expr.replace(func, replacement)
    return expr.doit() if functions else expr


def _finite(expr):
    """Sums and products with number bounds written out term by term, the
    outermost index first (an inner bound may depend on it: Σ_j Σ_{k≤j})."""
    if isinstance(expr, (sp.Sum, sp.Product)):
        *inner, (var, lo, hi) = expr.limits
        if lo.is_Integer and hi.is_Integer:
            body = type(expr)(expr.function, *inner) if inner else expr.function
            terms = [_finite(body.xreplace({var: sp.Integer(k)}))
                     for k in range(int(lo), int(hi) + 1)]
            return sp.Add(*terms) if isinstance(expr, sp.Sum) else sp.Mul(*terms)
    if not expr.args:
        return expr
    args = [_finite(a) for a in expr.args]
    return expr if all(x is y for x, y in zip(args, expr.args)) else expr.func(*args)


def _functions(applied, rng) -> dict:
    """One concrete function per unknown function, shared by both sides."""
    arity = {a.func: len(a.args) for a in applied}
    return {func: concrete_function(arity[func], rng) for func in sorted(arity, key=str)}


def concrete_function(arity: int, rng) -> sp.Lambda:
    """c0 + Σ c_k t_k + Σ d_k t_k² + e sin(Σ g_k t_k) + h e^{κ Σ t_k} (+ m t_1 t_2),
    |κ| ≤ 1/2, with coefficients drawn from rng."""
    def coefficient():
        return sp.Rational(rng.randint(-2000, 2000), 1000)
    ts = [sp.Dummy(f"t{k}") for k in range(arity)]
    total = sum(ts, sp.Integer(0))
    body = coefficient() + sum(coefficient() * t + coefficient() * t**2 for t in ts)
    body += coefficient() * sp.sin(sum(coefficient() * t for t in ts))
    body += coefficient() * sp.exp(coefficient() / 4 * total)
    if arity > 1:
        body += coefficient() * ts[0] * ts[1]
    return sp.Lambda(tuple(ts), body)


def _holds(constraints, point: dict, integers_only: bool) -> bool:
    for constraint in constraints:
        value = constraint.xreplace(point)
        if value in (sp.true, sp.false):
            if value is sp.false:
                return False
            continue
        if integers_only:
            continue
        try:
            if not bool(value):
                return False
        except TypeError:
            return False
    return True


def _compare_at(a, b, values, shown) -> Sampled | None:
    if _rounding_step(a, b, values):
        return None
    exact = _exact(a, values), _exact(b, values)
    if all(v is not None for v in exact):      # both sides exact: no tolerance at all
        if exact[0] == exact[1]:
            return Sampled("equal", 1)
        digits = _telling_digits(*exact)                                # (1 + 10^{-30})² − 1
        return Sampled("differ", 1, point=shown, left=_value(exact[0], {}, digits),
                       right=_value(exact[1], {}, digits))
    if _far_hyperbolic(a, b, values):
        return None
    extra = _fine_digits(a, b)
    guard = _guard_digits(a, b) + _exponential_digits(_exponent_spread(a, b, values))
    for digits, strict in ((DIGITS + extra, False), (CONFIRM_DIGITS + extra, True)):
        left, right = (_value(side, values, digits + guard, strict) for side in (a, b))
        if left is None or right is None:
            return None
        if _close(left, right, max(abs(left), abs(right)), digits):
            return Sampled("equal", 1)
        if _close(left, right, _scale(a, b, values, left, right), digits):
            return Sampled("equal", 1)
    return _steady(a, b, values, digits + guard, (left, right), shown)


def _steady(a, b, values, digits: int, found: tuple, shown) -> Sampled | None:
    r"""A difference stands only where each side keeps its value at twice the
    digits: a cancellation inside a factor, which the terms' scale does not
    show (Σ p_i (z_i − \ln Σ_j e^{z_j}) at z = (0, 1, 323.4) cancels 140
    digits), gave values wrong from the third digit, and a true step failed.
    An unsteady side is computed at twice the digits again, up to 8 times;
    a side that never settles leaves the point out."""
    for _ in range(3):
        more = 2 * digits
        again = tuple(_value(side, values, more) for side in (a, b))
        if None in again:
            return None
        steady = all(_close(old, new, max(abs(old), abs(new)), digits)
                     for old, new in zip(found, again))
        if _close(*again, max(abs(again[0]), abs(again[1])), more):
            return Sampled("equal", 1)
        if steady:
            return Sampled("differ", 1, point=shown, left=found[0], right=found[1])
        found, digits = again, more
    return None


@functools.lru_cache(maxsize=256)      # per step, not per point
def _fine_digits(a, b) -> int:
    r"""Digits past the usual that the step's own numbers ask for: a factor
    `2 + 10^{-40}` (the rational 20…01/10^{40}) differs from 2 in the 41st
    digit, below a 30-digit comparison, so the comparison carries the digits
    of the step's longest numerator or denominator past 15."""
    decades = [max(len(str(abs(n.p))), len(str(n.q))) - 1
               for n in a.atoms(sp.Rational) | b.atoms(sp.Rational)]
    return min(200, max(0, max(decades, default=0) - 15))


_ILL_CONDITIONED = (sp.gamma, sp.loggamma, sp.polygamma, sp.beta, sp.lowergamma,
                    sp.uppergamma, sp.zeta)


@functools.lru_cache(maxsize=256)      # per step, not per point
def _guard_digits(a, b) -> int:
    r"""Digits computed past those compared, for a step with Γ and its kin:
    SymPy's evalf rounds Γ's argument to the working precision, and Γ(x)
    magnifies that error x·ln x times, so Γ(3.2·10^{10}) is right to 48 of
    60 digits (`\frac{\Gamma(x+2)}{\Gamma(x)} = x^2 + x` was a
    disagreement); 25 more digits cover arguments to 10^{22}."""
    return 25 if a.has(*_ILL_CONDITIONED) or b.has(*_ILL_CONDITIONED) else 0


HYPERBOLIC_BOUND = 10.0 ** 3
_HYPERBOLIC = (sp.sinh, sp.cosh, sp.tanh, sp.csch, sp.sech, sp.coth)


def _far_hyperbolic(a, b, values) -> bool:
    r"""A hyperbolic function's irrational argument past HYPERBOLIC_BOUND at the
    point, where tanh is ±1 to 868 digits and the point tells nothing a nearer
    one does not.  Such points are skipped: evaluated as exponentials, a sum
    that cancels there (\frac{1}{2}(1 + \tanh u) with u = \sqrt{2/\pi}(x + 0.044715
    x^3), at u = -3.7·10^4) made SymPy's evalf raise its precision to the size
    of u, recomputing u's π and e for seconds (attack41: the tanh-form GELU slope
    timed out at x = -1.5·10^{10}).  A rational argument is computed exactly
    and kept (cosh(2.3·10^{10}) is evaluated to its digits)."""
    for atom in a.atoms(*_HYPERBOLIC) | b.atoms(*_HYPERBOLIC):
        try:
            argument = atom.args[0].xreplace(values)
            if argument.is_number and not argument.is_Rational \
                    and abs(float(sp.re(argument))) > HYPERBOLIC_BOUND:
                return True
        except OverflowError:
            return True
        except (TypeError, ValueError, ArithmeticError, RecursionError):
            continue
    return False


def _exponent_spread(a, b, values) -> float:
    """The largest |Re| of an exponential's argument at the point."""
    worst = 0.0
    for atom in a.atoms(sp.exp) | b.atoms(sp.exp):
        try:
            power = atom.args[0].xreplace(values)
            if power.is_number:
                worst = max(worst, abs(float(sp.re(power))))
        except (TypeError, ValueError, ArithmeticError, RecursionError, OverflowError):
            continue
    return worst


def _exponential_digits(worst: float) -> int:
    r"""Digits computed past those compared where the step's exponentials lie
    far apart at the point: in a softmax at z = (0, 1, 323.4) the small terms
    sit 140 digits below e^{323.4}, and ln p_3 = ln(1 − 10^{-140}) is 0 below
    that precision. SymPy's evalf, strict or not, returned the same wrong value
    at 30, 60 and 120 digits, and a true step failed."""
    if worst < 20:
        return 0
    return 400 if not math.isfinite(worst) else min(400, int(worst / math.log(10)) + 10)


def _rounding_step(a, b, values) -> bool:
    r"""A floor, ceiling or sign whose argument is within rounding of its step
    at the point but not exactly on it (`\lfloor \operatorname{erf}(699) \rfloor`: erf is
    1 − 10^{-212000}): its value there cannot be trusted, so the point is skipped."""
    for f in a.atoms(sp.floor, sp.ceiling) | b.atoms(sp.floor, sp.ceiling):
        arg = f.args[0]
        if not arg.free_symbols & set(values) and arg.free_symbols:
            continue
        try:
            if arg.xreplace(values).is_Rational:
                continue
        except (TypeError, ValueError, ArithmeticError, RecursionError):
            continue
        value = _value(arg, values, CONFIRM_DIGITS)
        if value is None:
            continue
        with mpmath.workdps(CONFIRM_DIGITS + 10):
            if abs(value.imag) == 0 and abs(value.real - mpmath.nint(value.real)) \
                    <= mpmath.mpf(10) ** (10 - CONFIRM_DIGITS) * max(1, abs(value.real)):
                return True
    return False


EXACT_BITS = 100_000       # an exact power larger than this is not written out


def _exact(expr, values) -> sp.Rational | None:
    """The exact rational value at the point, when the side is rational there.
    A power whose exponent is a variable is written out only where the exponent is
    an integer there and the result is not huge: x^x at x = 12345/7 was SymPy
    computing an exact power for seconds (attack28 drills: d/dx x^x timed out)."""
    try:
        for power in expr.atoms(sp.exp):      # e^{x ln x} becomes x^x when x is a number
            if power.args[0].free_symbols and power.args[0].xreplace(values) != 0:
                return None
        for power in expr.atoms(sp.Pow):
            if not power.exp.free_symbols:
                continue
            exponent, base = power.exp.xreplace(values), power.base.xreplace(values)
            if not exponent.is_Integer:
                return None
            if base.is_number and abs(int(exponent)) * max(1.0, math.log2(abs(float(base)) + 1)) \
                    > EXACT_BITS:
                return None
        value = expr.xreplace(values)
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        return None
    return value if value.is_Rational else None


def _scale(a, b, values, left, right):
    """The largest term of either side: what a true identity may cancel."""
    scale = max(abs(left), abs(right))
    for side in (a, b):
        for term in sp.Add.make_args(side):
            value = _value(term, values, 15)
            if value is not None:
                scale = max(scale, abs(value))
    return scale


FLOAT_DIGITS = 1000       # past every precision compared at (at most about 500 digits)


def _inexact(expr, values: dict, digits: int) -> dict:
    """The point's rationals as floats of `digits` + 30 digits where a variable sits
    in an exponent over a variable base (x^x, e^{x ln x}): SymPy turns e^{r ln r}
    into r^r and computes that power exactly, for seconds at r = 12345/7 (attack28:
    d/dx x^x timed out). Integers (sizes, indices) stay exact."""
    risky = set()
    for power in expr.atoms(sp.Pow):
        if power.exp.free_symbols and power.base.free_symbols:
            risky |= power.exp.free_symbols | power.base.free_symbols
    for power in expr.atoms(sp.exp):
        if power.args[0].has(sp.log) and power.args[0].free_symbols:
            risky |= power.args[0].free_symbols
    if not risky:
        return values
    return {k: sp.Float(v, digits + 30) if k in risky and v.is_Rational and not v.is_Integer
            else v for k, v in values.items()}


def _value(expr, values, digits, strict: bool = False) -> mpmath.mpc | None:
    """The value at `digits` digits; strict: None unless SymPy reached them
    (a mismatch counts only between values known to that precision)."""
    try:
        number = sp.N(_reciprocals(expr).xreplace(_inexact(expr, values, digits)), digits,
                      strict=strict)
        real, imag = number.as_real_imag()
        with mpmath.workdps(digits + 10):
            value = mpmath.mpc(mpmath.mpf(str(real)), mpmath.mpf(str(imag)))
    except (TypeError, ValueError, ArithmeticError, AttributeError, RecursionError):
        return None
    if not (mpmath.isfinite(value.real) and mpmath.isfinite(value.imag)):
        return None
    return value


def _sinh(a):
    return (sp.exp(a) - sp.exp(-a)) / 2


def _cosh(a):
    return (sp.exp(a) + sp.exp(-a)) / 2


_RECIPROCAL = {sp.csc: lambda a: 1 / sp.sin(a), sp.sec: lambda a: 1 / sp.cos(a),
               sp.cot: lambda a: sp.cos(a) / sp.sin(a),
               sp.sinh: _sinh, sp.cosh: _cosh, sp.tanh: lambda a: _sinh(a) / _cosh(a),
               sp.csch: lambda a: 1 / _sinh(a), sp.sech: lambda a: 1 / _cosh(a),
               sp.coth: lambda a: _cosh(a) / _sinh(a)}


@functools.lru_cache(maxsize=512)      # per side, not per point and precision
def _reciprocals(expr):
    r"""csc, sec, cot as quotients of sin and cos, and the hyperbolic functions
    in exponentials, whose digits SymPy's evalf keeps far out: its csc(2.3·10^10)
    is right to 25 of 30 digits (`\frac{1}{\sin x} = \csc x` failed), its
    cosh(5·10^10) to 24 (`\cosh 2x = 1 + 2\sinh^2 x` was a disagreement)."""
    if not expr.has(*_RECIPROCAL):
        return expr
    return expr.replace(lambda e: type(e) in _RECIPROCAL, lambda e: _RECIPROCAL[type(e)](e.args[0]))


def _close(x, y, scale, digits: int) -> bool:
    with mpmath.workdps(digits + 10):
        return abs(x - y) <= mpmath.mpf(10) ** (5 - digits) * scale


def _shown(point: dict, ctx: Context) -> dict:
    shown = {}
    for atom, value in point.items():
        if atom in ctx.origins:
            name, expr = ctx.origins[atom]
            shown[name] = expr.xreplace({atom: value})
        else:
            shown[_label(atom)] = value
    return shown


def _label(atom) -> str:
    if isinstance(atom, sp.Indexed):
        return element_label(str(atom.base), atom.indices)
    return sp.sstr(atom)


def evidence(result: Sampled) -> dict:
    """The counterexample as plain data: the point and both values, as text
    (exact where the shrinker found them exact)."""
    if isinstance(result.left, sp.Basic):
        from derive_ce.decide.slip.shrink import text
        left, right = text(result.left), text(result.right)
    else:
        left, right = _pair(result.left, result.right)
    return {"point": {k: _number(v) for k, v in result.point.items()},
            "left": left, "right": right}


def describe(result: Sampled) -> str:
    found = evidence(result)
    items = list(found["point"].items())
    shown = ", ".join(f"{k} = {v}" for k, v in items[:12])
    more = f", … ({len(items) - 12} more)" if len(items) > 12 else ""
    where = f"at {shown}{more}: " if items else ""
    return f"{where}left = {found['left']}, right = {found['right']}"


def _telling_digits(x: sp.Rational, y: sp.Rational) -> int:
    """Digits that tell two different exact rationals apart (at most CERTIFIED_DIGITS)."""
    top = max(abs(x), abs(y))
    if top == 0 or x == y:
        return DIGITS
    relative = abs(x - y) / top
    return int(min(CERTIFIED_DIGITS, 20 + max(0, -math.floor(math.log10(float(relative)))
                                              if relative > 1e-300 else CERTIFIED_DIGITS)))


def _pair(left, right) -> tuple[str, str]:
    """Both values with enough digits to tell them apart (10 to SHOWN_DIGITS)."""
    for digits in (10, 20, 40, 60, SHOWN_DIGITS, CERTIFIED_DIGITS):
        shown = _complex(left, digits), _complex(right, digits)
        if shown[0] != shown[1]:
            return shown
    return shown


def _complex(value, digits: int) -> str:
    if abs(value.imag) <= 1e-12 * max(1, abs(value.real)):
        return mpmath.nstr(value.real, digits)
    return f"{mpmath.nstr(value.real, 6)}{'+' if value.imag >= 0 else '-'}" \
           f"{mpmath.nstr(abs(value.imag), 6)}i"


def _number(value) -> str:
    if isinstance(value, sp.Rational) and not value.is_Integer and value.q > 1000:
        return f"{float(value):.6g}"
    return str(value)
