#!/usr/bin/env python3
"""Check every attack-27 pair independently of derive-ce.

Scalars: mpmath at 250 digits, tolerance 10^-200 relative (10^-50 where a derivative is taken by
difference quotients). A first derivative is taken only where it exists: the one-sided quotients
(h = 10^-60) must agree to 10^-40, else it is "undefined" (None); higher and mixed derivatives (only
of smooth functions here) by central differences (h = 10^-40 for second, 10^-30 for third order).
A side whose formula divides by zero is undefined; two undefined values agree, an undefined and a
defined one differ. Sums and products over integers are exact (Fractions) and written as loops: a
range whose upper bound is below its lower bound is empty (sum 0, product 1), the usual convention
(not Karr's, under which some false twins here would hold).
Vectors / matrices: mpmath matrices of random rationals at sizes 1..5, every size name varied
independently (symmetric = (B + B^T)/2, positive definite = B B^T + I).
Each true step must hold at every point tried of its domain (its assumptions and case or row
conditions); each false step must differ at one point at least of its own domain (for a false twin
whose condition became a why, or became wider, the domain it then claims). Shared (unmarked) steps
are checked too (extra). Also checks the twins' files: identical but for the marked line, one mark,
YAML loads. SHOW=1 prints where each false step fails."""
import json, math, os, random, sys
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, tanh, sin, cos, pi, erf
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -50
RNG = random.Random(27)

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
    a = M.mpmathify(a.numerator) / a.denominator if isinstance(a, Fr) else M.mpmathify(a)
    b = M.mpmathify(b.numerator) / b.denominator if isinstance(b, Fr) else M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None, fpts=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra, None if fpts is None else list(fpts))

SM = [mpf(v) for v in ("-1e9", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "0.4", "1", "2", "3.1", "12.5", "1e3", "1e9")]
POS = [v for v in SM if v > 0]
def rq(): return mpf(RNG.randint(-9, 9)) / RNG.randint(1, 5)
def rfr(): return Fr(RNG.randint(-9, 9), RNG.randint(1, 5))
def rvec(n): return M.matrix([rq() for _ in range(n)])
def rmat(a, b): return M.matrix([[rq() for _ in range(b)] for _ in range(a)])
def rpd(n):
    B = rmat(n, n); return B * B.T + M.eye(n)
def T(A): return A.T
def one(v): return v[0, 0] if isinstance(v, M.matrix) else v
def dot(x, y): return sum((x[i] * y[i] for i in range(x.rows)), mpf(0))
def trace(A): return sum((A[i, i] for i in range(A.rows)), mpf(0))
def fro2(A): return sum((A[i, j] ** 2 for i in range(A.rows) for j in range(A.cols)), mpf(0))
def had(x, y): return M.matrix([[x[i, j] * y[i, j] for j in range(x.cols)] for i in range(x.rows)])
def sgn(v): return 0 if v == 0 else (1 if v > 0 else -1)
H = mpf(10) ** -60
def numgrad(f, X):
    G = M.zeros(X.rows, X.cols)
    for i in range(X.rows):
        for j in range(X.cols):
            Xp = X.copy(); Xm = X.copy(); Xp[i, j] += H; Xm[i, j] -= H
            G[i, j] = (f(Xp) - f(Xm)) / (2 * H)
    return G
def deriv(f, x):
    """f'(x) where it exists (one-sided quotients agree), else None."""
    try:
        l = (f(x) - f(x - H)) / H; r = (f(x + H) - f(x)) / H
    except (ZeroDivisionError, ValueError):
        return None
    if abs(l - r) > mpf(10) ** -40 * max(1, abs(l)):
        return None
    return (f(x + H) - f(x - H)) / (2 * H)
H2 = mpf(10) ** -40
def d2(f, x): return (f(x + H2) - 2 * f(x) + f(x - H2)) / H2 ** 2
H3 = mpf(10) ** -30
def d3(f, x): return (f(x + 2 * H3) - 2 * f(x + H3) + 2 * f(x - H3) - f(x - 2 * H3)) / (2 * H3 ** 3)
def dxy(f, x, y): return (f(x + H2, y + H2) - f(x + H2, y - H2) - f(x - H2, y + H2) + f(x - H2, y - H2)) / (4 * H2 ** 2)
def safe(f):
    def g(*a):
        try:
            return f(*a)
        except ZeroDivisionError:
            return None
    return g
def S(lo, hi, f): return sum((f(k) for k in range(lo, hi + 1)), Fr(0))
def P(lo, hi, f):
    r = Fr(1)
    for k in range(lo, hi + 1): r *= f(k)
    return r

# ---------------- A  prose assumptions
NZ = [(x,) for x in SM if x != 0]
pair("md_nonzero_is_not_positive", lambda x: abs(x) / x, lambda x: x / abs(x), lambda x: 1, NZ)
pair("md_here_nonnegative_ceiling", lambda x: M.ceil(x / (x + 1)), lambda x: sgn(x), lambda x: 1,
     [(x,) for x in SM if x >= 0])
pair("md_since_a_positive_not_b", lambda a, b: sqrt(a * a * b * b), lambda a, b: a * abs(b), lambda a, b: a * b,
     [(a, b) for a in POS for b in SM])
pair("md_in_general_ends_scope", lambda x: sqrt(x ** 6), lambda x: abs(x) ** 3, lambda x: x ** 3, [(x,) for x in SM],
     extra=lambda: all(close(sqrt(x ** 6), x ** 3) for x in POS))
GE = [(x,) for x in SM if x >= -1] + [(mpf(-1),), (mpf("-0.25"),)]
pair("md_given_that_after_display", lambda x: sqrt(x * x + 2 * x + 1) + sqrt(x * x), lambda x: x + 1 + abs(x),
     lambda x: 2 * x + 1, GE)
pair("md_now_let_any_real", lambda z: max(z, -z), lambda z: abs(z), lambda z: z, [(z,) for z in SM],
     extra=lambda: all(close(max(z, -z), z) for z in SM if z >= 0))

# ---------------- B  row conditions vs whys
R2 = lambda x: sqrt(x * x - 2 * x + 1)
pair("md_align_whenever_wider", R2, lambda x: x - 1, lambda x: x - 1,
     [(x,) for x in SM if x >= 1], fpts=[(x,) for x in SM if x >= 0],
     extra=lambda: all(close(R2(x), abs(x - 1)) for x in SM))
pair("md_comma_condition_nonzero", lambda x: x / abs(x), lambda x: 1, lambda x: 1,
     [(x,) for x in SM if x > 0], fpts=NZ,
     extra=lambda: all(close(x / abs(x), -1) for x in SM if x < 0))
pair("md_align_unless_not_if", lambda x: abs(x) / x, lambda x: -1, lambda x: -1,
     [(x,) for x in SM if x < 0], fpts=[(x,) for x in SM if x > 0],   # "unless x < 0": x >= 0 (x = 0 undefined)
     extra=lambda: all(close(sgn(x) * abs(x), x) for x in SM))
XA = lambda t: t * sqrt(t * t)
DX = SM + [mpf("1e-30"), mpf("-1e-30")]
pair("md_align_paren_why_not_condition", lambda x: deriv(XA, x), lambda x: 2 * x, lambda x: 2 * x,
     [(x,) for x in DX if x > 0], DTOL, fpts=[(x,) for x in DX],
     extra=lambda: all(close(deriv(XA, x), 2 * sqrt(x * x), DTOL) for x in DX))
pair("yaml_why_since_positive_case_closed", lambda x: max(x, 0) + sgn(x), lambda x: x + sgn(x) ** 2, lambda x: x + 1,
     [(x,) for x in SM if x >= 0],
     extra=lambda: all(close(max(x, 0) + sgn(x), x + sgn(x)) for x in SM if x >= 0))

# ---------------- C  special letters
def energy(m, I, v, w): return m * v * v / 2 + I * w * w / 2
EP = [(m, I, v, w) for m in (mpf("0.5"), mpf(3)) for I in (mpf("0.2"), mpf(7)) for v in (mpf(-2), mpf(0), mpf("1.5"))
      for w in (mpf(-3), mpf("0.7"))]
def euler_lhs(m, I, v, w):
    return v * deriv(lambda t: energy(m, I, t, w), v) + w * deriv(lambda t: energy(m, I, v, t), w)
pair("energy_inertia_scalar_I", euler_lhs, lambda m, I, v, w: 2 * energy(m, I, v, w),
     lambda m, I, v, w: energy(m, I, v, w), EP, DTOL,
     extra=lambda: all(close(euler_lhs(*p), p[0] * p[2] ** 2 + p[1] * p[3] ** 2, DTOL) for p in EP))
NN = [(n,) for n in range(1, 16)]
pair("index_named_e_binomial", lambda n: S(1, n, lambda e: e * math.comb(n, e)), lambda n: Fr(n * 2 ** (n - 1)),
     lambda n: Fr(n * 2 ** n), NN,
     extra=lambda: all(S(1, n, lambda e: e * math.comb(n, e)) == n * S(1, n, lambda e: math.comb(n - 1, e - 1)) for n in range(1, 16)))
pair("md_index_i_alternating_squares", lambda n: S(1, n, lambda i: (-1) ** i * i * i),
     lambda n: Fr((-1) ** n * n * (n + 1), 2), lambda n: Fr((-1) ** (n + 1) * n * (n + 1), 2), NN)
def rdist(n):  # random rationals (of either sign) summing to 1
    v = [rfr() for _ in range(n - 1)]
    return v + [1 - sum(v, Fr(0))]
PIS = [(rdist(n),) for n in range(1, 7) for _ in range(4)]
pair("pi_as_distribution_gini", lambda p: sum((x * (1 - x) for x in p), Fr(0)), lambda p: 1 - sum((x * x for x in p), Fr(0)),
     lambda p: 1 - sum(p, Fr(0)) ** 2, PIS,
     extra=lambda: all(sum((x * (1 - x) for x in q), Fr(0)) == sum(q, Fr(0)) - sum((x * x for x in q), Fr(0))
                       for n in range(1, 7) for q in [[rfr() for _ in range(n)]]))
DP = [(d, x) for d in range(1, 7) for x in SM if abs(x) < 1e4]
pair("md_d_dimension_and_operator", lambda d, x: deriv(lambda t: t ** d / d, x), lambda d, x: x ** (d - 1),
     lambda d, x: x ** (d - 1) / d, DP, DTOL)

# ---------------- D  sums and products with symbolic bounds (exact)
pair("sum_reversed_bounds_max", lambda m, n: S(m, n, lambda k: 2 * k + 1), lambda m, n: Fr(max(0, (n + 1) ** 2 - m * m)),
     lambda m, n: Fr((n + 1) ** 2 - m * m), [(m, n) for m in range(0, 10) for n in range(0, 10)])
XR = [Fr(-3), Fr(-1), Fr(-1, 2), Fr(0), Fr(2, 7), Fr(1), Fr(5)]
tri = lambda n, x: S(1, n, lambda i: S(1, i, lambda j: x ** j))
pair("md_swap_dependent_double_sum", tri, lambda n, x: S(1, n, lambda j: (n - j + 1) * x ** j),
     lambda n, x: S(1, n, lambda j: (n - j) * x ** j), [(n, x) for n in range(1, 10) for x in XR],
     extra=lambda: all(tri(n, x) == S(1, n, lambda j: S(j, n, lambda i: x ** j)) for n in range(1, 10) for x in XR))
VX = [([rfr() for _ in range(n)],) for n in range(1, 7) for _ in range(4)]
offd = lambda x: sum((x[i] * x[j] for i in range(len(x)) for j in range(len(x)) if j != i), Fr(0))
pair("square_of_sum_off_diagonal", lambda x: sum(x, Fr(0)) ** 2, lambda x: sum((v * v for v in x), Fr(0)) + offd(x),
     lambda x: sum((v * v for v in x), Fr(0)) + 2 * offd(x), VX,
     extra=lambda: all(sum(x, Fr(0)) ** 2 == sum((a * b for a in x for b in x), Fr(0)) for (x,) in VX))
tp = lambda lo, n: P(lo, n, lambda k: 1 - Fr(1, k * k))
pair("md_prod_peel_from_two_n1", lambda n: tp(2, n), lambda n: Fr(n + 1, 2 * n), lambda n: Fr(3, 4) * tp(3, n),
     [(n,) for n in range(1, 15)])
pair("declared_dependent_range_tetrahedral", lambda n: S(1, n, lambda i: S(1, i, lambda j: j)),
     lambda n: Fr(n * (n + 1) * (n + 2), 6), lambda n: Fr(n * (n + 1) * (2 * n + 1), 6), NN,
     extra=lambda: all(S(1, n, lambda i: S(1, i, lambda j: j)) == S(1, n, lambda i: Fr(i * (i + 1), 2)) for n in range(1, 16)))

# ---------------- E  derivative notation
FS = [sin, lambda t: exp(t / 3) + t ** 3, lambda t: 1 / (1 + t * t)]
XS = [mpf(v) for v in ("-2.5", "-0.3", "0", "0.7", "1", "4.2")]
pair("second_derivative_inner_scale", lambda k, x: d2(lambda t: FS[k](2 * t), x), lambda k, x: 4 * d2(FS[k], 2 * x),
     lambda k, x: 2 * d2(FS[k], 2 * x), [(k, x) for k in range(3) for x in XS], DTOL)
MX = lambda x, y: x * x * y ** 3 + sin(x * y)
XY = [(x, y) for x in XS for y in XS]
pair("mixed_partial_product_term", lambda x, y: dxy(MX, x, y), lambda x, y: 6 * x * y * y + cos(x * y) - x * y * sin(x * y),
     lambda x, y: 6 * x * y * y - x * y * sin(x * y), XY, DTOL)
def spread(v):
    n = v.rows; mu = sum(v) / n
    return sum(((v[i] - mu) ** 2 for i in range(n)), mpf(0))
def part_j(v, j):
    def f(t):
        w = v.copy(); w[j] = t
        return spread(w)
    return deriv(f, v[j])
VJ = [(rvec(n), j) for n in range(1, 6) for j in range(n) for _ in range(2)]
mean = lambda v: sum(v) / v.rows
pair("md_partial_element_through_mean", part_j, lambda v, j: 2 * (v[j] - mean(v)),
     lambda v, j: 2 * (v[j] - mean(v)) * (1 - mpf(1) / v.rows), VJ, DTOL,
     extra=lambda: all(close(part_j(v, j), sum((2 * (v[i] - mean(v)) * ((1 if i == j else 0) - mpf(1) / v.rows)
                                                 for i in range(v.rows)), mpf(0)), DTOL) for v, j in VJ))
G0 = lambda t: t * t * exp(t)
pair("md_third_derivative_primes", lambda x: d3(G0, x), lambda x: (x * x + 6 * x + 6) * exp(x),
     lambda x: (x * x + 6 * x + 2) * exp(x), [(x,) for x in XS], DTOL,
     extra=lambda: all(close(d3(G0, x), deriv(lambda t: (t * t + 4 * t + 2) * exp(t), x), DTOL)
                       and close(d2(G0, x), (x * x + 4 * x + 2) * exp(x), DTOL) for x in XS))
YL = lambda t: ln(t * t + 1)
pair("two_definitions_second_derivative", lambda x: d2(YL, x), lambda x: (2 - 2 * x * x) / (x * x + 1) ** 2,
     lambda x: (2 - 2 * x * x) / (x * x + 1), [(x,) for x in XS + [mpf(-1), mpf(3)]], DTOL,
     extra=lambda: all(close(d2(YL, x), deriv(lambda t: 2 * t / (t * t + 1), x), DTOL) for x in XS)
     and close(d2(YL, mpf(0)), 2, DTOL))

# ---------------- F  numbers
FX = [(x,) for x in (Fr(-7, 3), Fr(0), Fr(1), Fr(10 ** 9), Fr(1, 10 ** 12))]
pair("decimal_sum_exact", lambda x: (Fr(1, 10) + Fr(2, 10)) * x, lambda x: Fr(3, 10) * x,
     lambda x: Fr(30000000000000004, 10 ** 17) * x, FX)
pair("md_percent_rise_fall", lambda p: p * (1 + Fr(20, 100)) * (1 - Fr(20, 100)), lambda p: Fr(96, 100) * p,
     lambda p: p, [(p,) for p in (Fr(1, 3), Fr(1), Fr(250), Fr(10 ** 9))])
XP = [x for x in POS if 1e-9 < x < 1e6]
pair("exponent_minus_half", lambda x: deriv(sqrt, x), lambda x: x ** mpf(-0.5) / 2, lambda x: x ** -1 / 2,
     [(x,) for x in XP], DTOL)
cbrt = lambda t: sgn(t) * abs(t) ** (mpf(1) / 3)
pair("real_cube_root_of_cube", lambda x: cbrt(x ** 3 - 3 * x ** 2 + 3 * x - 1), lambda x: x - 1, lambda x: abs(x - 1),
     [(x,) for x in SM], mpf(10) ** -150)
CE = lambda p, y: -y * ln(p) - (1 - y) * ln(1 - p)
PY = [(p, y) for p in (mpf("1e-9"), mpf("0.1"), mpf("0.5"), mpf("0.93")) for y in (mpf(0), mpf(1), mpf("0.3"), mpf(-2))]
pair("md_ml_log_is_natural", lambda p, y: deriv(lambda t: CE(t, y), p), lambda p, y: (p - y) / (p * (1 - p)),
     lambda p, y: (p - y) / (p * (1 - p) * ln(10)), PY, DTOL)

# ---------------- G  matrix calculus
GP = [(rmat(n, m), rmat(n, n)) for n in range(1, 5) for m in range(1, 5) for _ in range(2)]
pair("grad_trace_quadratic_matrix", lambda X, A: numgrad(lambda Y: trace(T(Y) * A * Y), X), lambda X, A: (A + T(A)) * X,
     lambda X, A: 2 * A * X, GP, DTOL)
def rinv(n):
    while True:
        X = rmat(n, n)
        if M.det(X) != 0:
            return X
LD = [(rinv(n),) for n in range(1, 6) for _ in range(3)]
pair("grad_logdet_general_vs_spd", lambda X: numgrad(lambda Y: ln(abs(M.det(Y))), X), lambda X: T(X ** -1),
     lambda X: X ** -1, LD, DTOL,
     extra=lambda: all(close(numgrad(lambda Y: ln(M.det(Y)), Q), Q ** -1, DTOL) for n in range(1, 6) for Q in [rpd(n)]))
XYV = [(rvec(n), rvec(n)) for n in range(1, 6) for _ in range(3)]
pair("md_diag_quadratic_hadamard", lambda x, y: one(T(x) * M.diag([y[i] for i in range(y.rows)]) * x),
     lambda x, y: one(T(y) * had(x, x)), lambda x, y: one(T(had(x, y)) * had(x, y)), XYV)
XV = [(rvec(n),) for n in range(1, 6) for _ in range(3)]
OI = lambda x: x * T(x) - M.eye(x.rows)
pair("frobenius_outer_minus_identity", lambda x: fro2(OI(x)), lambda x: one(T(x) * x) ** 2 - 2 * one(T(x) * x) + x.rows,
     lambda x: (one(T(x) * x) - 1) ** 2, XV,
     extra=lambda: all(close(fro2(OI(x)), trace(T(OI(x)) * OI(x))) for (x,) in XV))
ONES = lambda n: M.matrix([1] * n)
CEN = lambda x: (M.eye(x.rows) - ONES(x.rows) * T(ONES(x.rows)) / x.rows) * x
pair("md_centering_ones_vector", lambda x: fro2(CEN(x)), lambda x: one(T(x) * x) - one(T(ONES(x.rows)) * x) ** 2 / x.rows,
     lambda x: one(T(x) * x) - one(T(ONES(x.rows)) * x) ** 2 / x.rows ** 2, XV)

# ---------------- H  piecewise and special functions
HX = [(x,) for x in POS + [mpf(3), mpf("2.5"), mpf(7)]]
pair("ceil_minus_floor_at_integers", lambda x: M.ceil(x) - M.floor(x), lambda x: -M.floor(-x) - M.floor(x), lambda x: 1, HX)
pair("md_min_of_three_multiples", lambda x: min(x, 2 * x, 3 * x), lambda x: x + 2 * min(0, x), lambda x: x, [(x,) for x in SM])
SP = lambda t: ln(1 + exp(t))
SIG = lambda t: 1 / (1 + exp(-t))
SX = [(x,) for x in SM if abs(x) < 1e4]
pair("md_softplus_derivative_sigmoid", lambda x: deriv(SP, x), SIG, lambda x: SIG(-x), SX, DTOL,
     extra=lambda: all(close(deriv(SP, x), exp(x) / (1 + exp(x)), DTOL) for (x,) in SX))
TX = [(x,) for x in (mpf("40.5"), mpf(41), mpf(60), mpf(100), mpf(1000))]
pair("tanh_far_not_one", tanh, lambda x: 1 - 2 / (exp(2 * x) + 1), lambda x: 1, TX,
     extra=lambda: all(close(tanh(x), (1 - exp(-2 * x)) / (1 + exp(-2 * x))) for (x,) in TX))
PHI = lambda t: (1 + erf(t / sqrt(2))) / 2
pair("md_normal_cdf_erf_derivative", lambda x: deriv(PHI, x), lambda x: exp(-x * x / 2) / sqrt(2 * pi),
     lambda x: exp(-x * x / 2) / sqrt(pi), [(x,) for x in SM if abs(x) < 100], DTOL)

# ---------------- run
classes = json.load(open(os.path.join(HERE, "classes.json")))
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
assert set(classes) == set(PAIRS), (set(classes) ^ set(PAIRS))
for name in sorted(PAIRS):
    lhs, tr, fa, pts, tol, extra, fpts = PAIRS[name]
    for p in pts:
        try:
            ok = close(lhs(*p), tr(*p), tol)
        except Exception as ex:
            ok = False; print("  exception", name, ex)
        if not ok:
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
        import yaml
        for txt in (t, f):
            d = yaml.safe_load("\n".join(txt))
            if not isinstance(d, dict):
                bad(f"{name}: YAML is not a mapping")
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
