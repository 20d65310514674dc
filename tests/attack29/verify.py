#!/usr/bin/env python3
"""Check every attack-29 pair independently of derive-ce.

Scalars: mpmath at 250 digits, tolerance 10^-200 relative (10^-50 where a derivative is taken by
difference quotients with h = 10^-60). A derivative at a point is taken only where it exists: the
one-sided quotients must agree to 10^-40 and the function must be continuous there, else it is
"undefined" (None); a side whose formula divides by zero, or a `cases` where no row holds, is
undefined too; two undefined values agree, an undefined and a defined one differ.
Integer sums and products, decimals, percents and the exact-cancellation steps are exact
(Fractions), written as loops: a range whose upper bound is below its lower bound is empty
(sum 0, product 1). Vectors / matrices: mpmath matrices of random rationals at sizes 1..5.
Each true step (LHS = TRUE) must hold at every point tried of its domain (the declared flags and
the case conditions); each false step must differ at one point at least of its domain (`fpts`
where its case is wider than the true twin's). Shared (unmarked) steps are checked too (extra).
Also checks the twins' files: identical but for the marked line, one mark, YAML loads.
SHOW=1 prints where each false step fails."""
import json, math, os, random, sys
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, pi
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -50
RNG = random.Random(29)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, Fr)) and isinstance(b, (int, Fr)):
        return a == b
    if isinstance(a, M.matrix) or isinstance(b, M.matrix):
        if not (isinstance(a, M.matrix) and isinstance(b, M.matrix)):
            return False
        if (a.rows, a.cols) != (b.rows, b.cols):
            return False
        scale = max([mpf(1)] + [abs(a[i, j]) for i in range(a.rows) for j in range(a.cols)])
        return all(abs(a[i, j] - b[i, j]) <= tol * scale for i in range(a.rows) for j in range(a.cols))
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None, fpts=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra, None if fpts is None else list(fpts))

SM = [mpf(v) for v in ("-1e9", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "0.4", "1", "2", "3.1", "12.5", "1e3", "1e9")]
POS = [v for v in SM if v > 0]
NZ = [v for v in SM if v != 0]
def rq(): return Fr(RNG.randint(-9, 9), RNG.randint(1, 5))
def mq(q): return mpf(q.numerator) / q.denominator
def rvec(n): return M.matrix([mq(rq()) for _ in range(n)])
def rmat(a, b): return M.matrix([[mq(rq()) for _ in range(b)] for _ in range(a)])
def sgn(v): return 0 if v == 0 else (1 if v > 0 else -1)
H = mpf(10) ** -60
def deriv(f, x):
    """f'(x) where it exists (continuous, one-sided quotients agree), else None."""
    try:
        f0, fl, fr = f(x), f(x - H), f(x + H)
    except (ZeroDivisionError, ValueError):
        return None
    if f0 is None or fl is None or fr is None:
        return None
    l = (f0 - fl) / H; r = (fr - f0) / H
    if abs(l - r) > mpf(10) ** -40 * max(1, abs(l)):
        return None
    return (fr - fl) / (2 * H)
def deriv2(f, x):
    h = mpf(10) ** -50
    return (f(x + h) - 2 * f(x) + f(x - h)) / h ** 2
def safe(f):
    def g(*a):
        try:
            return f(*a)
        except ZeroDivisionError:
            return None
    return g
def S(lo, hi, f): return sum((f(k) for k in range(lo, hi + 1)), Fr(0))
def Pr(lo, hi, f):
    r = Fr(1)
    for k in range(lo, hi + 1): r *= f(k)
    return r
def mS(lo, hi, f): return sum((f(k) for k in range(lo, hi + 1)), mpf(0))
def mP(lo, hi, f):
    r = mpf(1)
    for k in range(lo, hi + 1): r *= f(k)
    return r
FX = [Fr(-7, 3), Fr(-1), Fr(-1, 10 ** 9), Fr(1, 10 ** 12), Fr(2, 7), Fr(1), Fr(5, 2), Fr(10 ** 9 + 7)]

# ---------------- A  empty ranges
NN = range(0, 16)
pair("pow2_shift_closed_n0", lambda n: S(1, n - 1, lambda k: Fr(2) ** k), lambda n: max(Fr(2) ** n - 2, 0),
     lambda n: Fr(2) ** n - 2, [(n,) for n in NN],
     extra=lambda: all(S(1, n - 1, lambda k: Fr(2) ** k) == 2 * S(0, n - 2, lambda k: Fr(2) ** k) for n in NN))
XC = [mpf("0.3"), mpf("-1.7"), mpf("2.9"), mpf("1e-6"), mpf(5), mpf("-40.1")]
pair("md_cos_double_product_peel_n0", lambda n, x: mP(0, n - 1, lambda k: cos(2 ** k * x)),
     lambda n, x: sin(2 ** n * x) / (2 ** n * sin(x)), lambda n, x: cos(x) * mP(1, n - 1, lambda k: cos(2 ** k * x)),
     [(n, x) for n in range(0, 9) for x in XC], mpf(10) ** -180)
tj = lambda j: Fr(1, j * (j - 1))
pair("dependent_bound_peel_i_eq_n", lambda n, i: S(i + 1, n, tj), lambda n, i: Fr(1, i) - Fr(1, n),
     lambda n, i: Fr(1, i * (i + 1)) + S(i + 2, n, tj), [(n, i) for n in range(1, 12) for i in range(1, n + 1)])
altb = lambda n: S(0, n, lambda k: (-1) ** k * k * math.comb(n, k))
pair("md_alternating_binomial_n1", altb, lambda n: -1 if n == 1 else 0, lambda n: 0, [(n,) for n in NN],
     extra=lambda: all(altb(n) == -n * S(0, n - 1, lambda m: (-1) ** m * math.comb(n - 1, m)) for n in NN))

# ---------------- B  bound bookkeeping
pair("sum_k_le_j_from_zero", lambda n, j: S(0, min(j, n), lambda k: Fr(2) ** k), lambda n, j: Fr(2) ** (j + 1) - 1,
     lambda n, j: Fr(2) ** (j + 1) - 2, [(n, j) for n in range(1, 10) for j in range(1, n + 1)])
pair("declared_range_names_index", lambda n: S(1, n, lambda i: S(1, i, lambda j: Fr(j, i))), lambda n: Fr(n * (n + 3), 4),
     lambda n: Fr(n * (n + 1), 2) * S(1, n, lambda i: Fr(1, i)), [(n,) for n in range(1, 14)])
def tri(x): return sum((x[k] * x[m] for k in range(len(x)) for m in range(k, len(x))), Fr(0))
def tri_d(x, j):  # exact: central difference of a quadratic with step 1
    xp = list(x); xm = list(x); xp[j] += 1; xm[j] -= 1
    return (tri(xp) - tri(xm)) / 2
VP = [([rq() for _ in range(n)], j) for n in range(1, 7) for _ in range(3) for j in range(n)]
pair("sum_upper_triangle_partial", tri_d, lambda x, j: sum(x[:j + 1], Fr(0)) + sum(x[j:], Fr(0)),
     lambda x, j: sum(x[:j], Fr(0)) + sum(x[j:], Fr(0)), VP)
pair("md_sum_le_bounds", lambda n: S(1, n, lambda k: Fr(1, k * (k + 1))), lambda n: Fr(n, n + 1), lambda n: Fr(n - 1, n),
     [(n,) for n in range(1, 16)])

# ---------------- C  numbers and words
pair("decimal_float_repr", lambda x: Fr(1, 10) * x + Fr(2, 10) * x, lambda x: Fr(3, 10) * x,
     lambda x: Fr("0.30000000000000004") * x, [(x,) for x in FX])
pair("md_thin_space_power", lambda y: 2 ** 20 * y, lambda y: 1048576 * y, lambda y: 1048567 * y, [(y,) for y in FX])
pair("md_percent_discount", lambda p: p * (1 - Fr(20, 100)) * (1 + Fr(25, 100)), lambda p: p, lambda p: Fr(105, 100) * p,
     [(p,) for p in FX])
XR = [Fr(-2), Fr(-1, 10 ** 9), Fr(0), Fr(1, 10 ** 9), Fr(1, 2), Fr(1) - Fr(1, 10 ** 9), Fr(1), Fr(1) + Fr(1, 10 ** 9), Fr(3)]
pair("cases_and_or_endpoint", lambda x: 0 if (x < 0 or x > 1) else x, lambda x: x if (0 <= x and x <= 1) else 0,
     lambda x: x if (0 < x and x < 1) else 0, [(x,) for x in XR])

# ---------------- D  kinks and jumps
DX = [mpf(v) for v in ("-3", "-1e-9", "0", "1e-9", "0.5", "1", "1.0000001", "2", "7.5")]
mx2 = lambda t: max(t * t, t)
pair("max_square_kinks", lambda x: deriv(mx2, x), lambda x: 2 * x, lambda x: 2 * x,
     [(x,) for x in DX if x > 1], DTOL, fpts=[(x,) for x in DX if x >= 1],
     extra=lambda: all(close(deriv(mx2, x), 2 * x, DTOL) for x in DX if x < 0)
     and all(close(deriv(mx2, x), 1, DTOL) for x in DX if 0 < x < 1))
pair("md_abs_minus_square_derivative", lambda x: deriv(lambda t: (abs(t) - t) ** 2, x),
     lambda x: 2 * (abs(x) - x) * (sgn(x) - 1), lambda x: 2 * (abs(x) - x) * (1 - sgn(x)), [(x,) for x in DX + SM], DTOL)
gj = lambda t: t if t < 1 else t + 1
pair("jump_equal_slopes", lambda x: deriv(gj, x), lambda x: 1, lambda x: 1,
     [(x,) for x in DX if x > 1], DTOL, fpts=[(x,) for x in DX if x >= 1],
     extra=lambda: all(close(deriv(gj, x), 1, DTOL) for x in DX if x < 1))
SX = [mpf(v) for v in ("-3", "-1", "-0.2", "0.5", "2", "3.5", "4", "5", "6", "9.6", "-7")]
pair("md_abs_sine_derivative", lambda x: deriv(lambda t: abs(sin(t)), x), lambda x: -cos(x), lambda x: sgn(x) * cos(x),
     [(x,) for x in SX if sin(x) < 0], DTOL,
     extra=lambda: all(close(deriv(lambda t: abs(sin(t)), x), cos(x), DTOL) for x in SX if sin(x) > 0))
XY = [(x, y) for x in (mpf(-3), mpf("-0.2"), mpf(0), mpf(2)) for y in (mpf(-3), mpf(0), mpf("0.5"), mpf(2))]
pair("max_plus_min_partial", lambda x, y: deriv(lambda t: max(t, y) + min(t, y), x), lambda x, y: 1,
     lambda x, y: sgn(x - y) ** 2, XY, DTOL)

# ---------------- E  derivatives through definitions
EX = [x for x in SM if abs(x) < 1e6]
pair("du_written_in_u", lambda x: deriv(ln, x * x + 1), lambda x: 1 / (x * x + 1), lambda x: 2 * x / (x * x + 1),
     [(x,) for x in EX], DTOL)
pair("second_derivative_by_name", lambda x: deriv2(lambda s: s ** 3, sin(x)), lambda x: 6 * sin(x),
     lambda x: 6 * sin(x) * cos(x) ** 2 - 3 * sin(x) ** 2 * sin(x), [(x,) for x in EX], mpf(10) ** -40)
def sqsum(W, x): z = W * x; return sum((z[k] ** 2 for k in range(z.rows)), mpf(0))
def gradj(W, x, j):
    xp = x.copy(); xm = x.copy(); xp[j] += H; xm[j] -= H
    return (sqsum(W, xp) - sqsum(W, xm)) / (2 * H)
WX = [(rmat(n, n), rvec(n), j) for n in range(1, 6) for _ in range(2) for j in range(n)]
pair("md_partial_through_family", gradj, lambda W, x, j: 2 * (W.T * (W * x))[j], lambda W, x, j: 2 * (W * (W * x))[j],
     WX, DTOL)
qf = lambda t: (t * t + 1) ** 3
pair("md_second_derivative_defined", lambda x: deriv2(qf, x), lambda x: 6 * (x * x + 1) ** 2 + 24 * x * x * (x * x + 1),
     lambda x: 6 * (x * x + 1) ** 2 + 12 * x * x * (x * x + 1), [(x,) for x in EX if abs(x) < 1e4], mpf(10) ** -40,
     extra=lambda: all(close(deriv(qf, x), 6 * x * (x * x + 1) ** 2, DTOL) for x in EX if abs(x) < 1e4))

# ---------------- F  letters
pair("e_declared_positive", lambda e: ln(e ** 2), lambda e: 2 * ln(e), lambda e: 2, [(e,) for e in POS])
pair("index_i_square", lambda i: (i + 1) ** 2 - 2 * i, lambda i: i * i + 1, lambda i: 0, [(i,) for i in range(1, 30)])
pair("md_d_as_variable", lambda d, x: deriv(lambda t: d * t * t, x), lambda d, x: 2 * d * x, lambda d, x: 2 * x,
     [(d, x) for d in POS if d < 1e6 for x in EX], DTOL)
pair("md_sum_index_i", lambda n: S(1, n, lambda i: Fr(i * i)), lambda n: Fr(n * (n + 1) * (2 * n + 1), 6), lambda n: -n,
     [(n,) for n in range(1, 20)])

# ---------------- G  sampling traps
pair("binom_sum_truncated_20", lambda n: S(0, n, lambda k: math.comb(n, k)), lambda n: 2 ** n,
     lambda n: S(0, 20, lambda k: math.comb(n, k)), [(n,) for n in range(1, 60)])
TX = [mpf(v) for v in ("1e-15", "1e-9", "9.99e-8", "1e-7", "1.01e-7", "1e-3", "0.5", "3", "1e12")]
pair("log_clip_tiny", lambda x: ln(max(x, mpf(10) ** -7)), lambda x: max(ln(x), -7 * ln(10)), lambda x: ln(x),
     [(x,) for x in TX])
WW = [Fr(-5), Fr(0), Fr(3), Fr(300001, 100000), Fr(300005, 100000), Fr(30001, 10000), Fr(30002, 10000), Fr(10 ** 6)]
pair("md_narrow_window_abs", lambda x: abs(x - 3) + abs(x - Fr(30001, 10000)),
     lambda x: max(abs(2 * x - Fr(60001, 10000)), Fr(1, 10000)), lambda x: abs(2 * x - Fr(60001, 10000)), [(x,) for x in WW])
pair("cancellation_square_1e20", lambda x: (x + 10 ** 20) ** 2 - 10 ** 40, lambda x: 2 * 10 ** 20 * x + x * x,
     lambda x: 2 * 10 ** 20 * x, [(x,) for x in FX + [Fr(0)]])
GX = [Fr(-10 ** 7), Fr(-3), Fr(0), Fr(9999), Fr(10 ** 4), Fr(10 ** 4 + 1), Fr(2 * 10 ** 4), Fr(10 ** 9)]
pair("md_saturating_far", lambda x: min(x, 10 ** 4) + max(x - 10 ** 4, 0), lambda x: x, lambda x: min(x, 10 ** 4),
     [(x,) for x in GX])

# ---------------- H  declared facts inside cases
LX = [mpf(v) for v in ("1e-12", "0.001", "0.5", "0.999999")]
pair("positive_log_case", lambda x: ln(x) + abs(ln(x)), lambda x: 0, lambda x: 2 * ln(x), [(x,) for x in LX],
     extra=lambda: all(close(ln(x) + abs(ln(x)), 2 * ln(x)) for x in (mpf(1), mpf(2), mpf("1e9"))))
fl = lambda q: q.numerator // q.denominator
ce = lambda q: -((-q.numerator) // q.denominator)
pair("integer_floor_ceil_case", lambda n: fl(Fr(n, 2)) + ce(Fr(n, 2)), lambda n: n, lambda n: 2 * fl(Fr(n, 2)),
     [(n,) for n in range(21, 60)])
HX = [Fr(-3), Fr(-1, 10 ** 9), Fr(0), Fr(1, 10 ** 9), Fr(2)]
pair("md_cases_overlap_first_row", lambda x: 1 if x >= 0 else (0 if x <= 0 else None), lambda x: 0 if x < 0 else 1,
     lambda x: Fr(1 + sgn(x), 2), [(x,) for x in HX])
TY = [Fr(1, 10 ** 12), Fr(1, 10 ** 7), Fr(4, 10 ** 7), Fr(5, 10 ** 7), Fr(9, 10 ** 7), Fr(999999, 10 ** 12)]
pair("positive_tiny_floor_round", lambda x: fl(10 ** 6 * x), lambda x: ce(10 ** 6 * x) - 1,
     lambda x: fl(10 ** 6 * x + Fr(1, 2)), [(x,) for x in TY])

# ---------------- I  notes layouts
rsq = lambda t: sqrt(t * t + 2 * t + 1)
pair("md_goal_prose_cases", lambda x: deriv(rsq, x), lambda x: -1, lambda x: 1, [(x,) for x in SM if x < -1], DTOL,
     extra=lambda: all(close(deriv(rsq, x), 1, DTOL) for x in SM if x > -1))
ZY = [(z, y) for z in (mpf(-30), mpf(-1), mpf(0), mpf("0.7"), mpf(12)) for y in (mpf(-2), mpf(0), mpf("0.3"), mpf(1))]
pair("md_definition_continuation", lambda z, y: ln(1 + exp(z)) - z * y, lambda z, y: ln(1 + exp(-z)) + (1 - y) * z,
     lambda z, y: ln(1 + exp(-z)) + (y - 1) * z, ZY,
     extra=lambda: all(close(ln(1 + exp(z)) - z * y, z + ln(1 + exp(-z)) - z * y) for z, y in ZY))
cub = lambda n: S(1, n, lambda k: Fr(k ** 3))
pair("md_for_n_equals_cases", lambda: cub(4), lambda: 100, lambda: 36 + 3 ** 3, [()],
     extra=lambda: all(cub(n) == Fr(n * n * (n + 1) ** 2, 4) for n in range(1, 30)) and cub(3) == 36)
pair("md_sanity_check_why", lambda x: deriv(lambda t: ln(1 + exp(t)), x), lambda x: exp(x) / (1 + exp(x)),
     lambda x: 1 / (1 + exp(x)), [(x,) for x in EX if abs(x) < 100], DTOL)
pair("md_drills_independent", lambda u: deriv(lambda t: t / (1 + t * t), u), lambda u: (1 - u * u) / (1 + u * u) ** 2,
     lambda u: (1 + 3 * u * u) / (1 + u * u) ** 2, [(u,) for u in EX], DTOL,
     extra=lambda: all(close(deriv(lambda t: t * exp(t), x), (x + 1) * exp(x), DTOL)
                       and close(deriv(lambda t: cos(t) ** 2, x), -sin(2 * x), DTOL) for x in EX if abs(x) < 100))
pair("md_align_ampamp_whys", lambda x: deriv(lambda t: t ** t, x), lambda x: x ** x * (ln(x) + 1),
     lambda x: x ** (x - 1) * (x * ln(x) + 1), [(x,) for x in POS if x < 100], DTOL,
     extra=lambda: all(close(deriv(lambda t: t ** t, x), exp(x * ln(x)) * (ln(x) + 1), DTOL) for x in POS if x < 100))

# ---------------- run
classes = json.load(open(os.path.join(HERE, "classes.json")))
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
assert set(classes) == set(PAIRS), (set(classes) ^ set(PAIRS))
import yaml
for name in sorted(PAIRS):
    lhs, tr, fa, pts, tol, extra, fpts = PAIRS[name]
    for p in pts:
        if not close(lhs(*p), tr(*p), tol):
            bad(f"{name}: true step differs at {p!s:.200}"); break
    witness = None
    for p in (pts if fpts is None else fpts):
        try:
            same = close(lhs(*p), fa(*p), tol)
        except Exception:
            same = True
        if not same:
            witness = p; break
    if extra is not None and not extra():
        bad(f"{name}: a shared (unmarked) step of the twins does not hold")
    if witness is None:
        bad(f"{name}: false step never differs")
    elif SHOW:
        print(f"{name}: false at {str(witness)[:160]}")
    ext = "md" if os.path.exists(os.path.join(HERE, name + ".true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1 or mark not in f[diff[0]] or sum(mark in l for l in f) != 1 or any(mark in l for l in t):
        bad(f"{name}: twins are not identical but for one marked line")
    if ext == "yaml":
        for txt in (t, f):
            d = yaml.safe_load("\n".join(txt))
            if not isinstance(d, dict) or "steps" not in d:
                bad(f"{name}: YAML does not load as a derivation")
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
