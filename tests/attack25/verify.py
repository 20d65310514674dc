#!/usr/bin/env python3
"""Check every attack-25 pair independently of derive-ce.

Scalars: mpmath at 250 digits, tolerance 10^-200 relative (10^-60 where a derivative is taken
by mpmath.diff or a gradient by central differences with h = 10^-50, whose error is ~10^-100).
Integer steps in exact Python integers / Fractions (sums as loops: an empty range sums to 0).
Vectors / matrices: mpmath matrices of random rationals at sizes 1..6 (every written dimension
is 1 or a size name, so 6 is past all of them), with every size name varied independently.
Each true step (LHS = TRUE) must hold at every point tried of its domain (case ends exactly,
tiny and huge values the domain allows, negative values for plain reals); each false step must
differ at one point at least of the same domain. SHOW=1 prints where each false step fails.
Also checks the twins' files: identical but for the marked line, one mark, YAML loads."""
import json, math, os, random, sys, re
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, tan, atan, tanh, cosh, sinh, pi
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -60
RNG = random.Random(25)

def close(a, b, tol=TOL):
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
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra)

SM = [mpf(v) for v in ("-1e12", "-1e7", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "1e-9", "0.4", "1", "2", "3.1", "12.5", "1e3", "1e7")]
POS = [v for v in SM if v > 0]
NEG = [v for v in SM if v < 0]
def rq(): return mpf(RNG.randint(-9, 9)) / RNG.randint(1, 5)
def rvec(n): return M.matrix([rq() for _ in range(n)])
def rmat(a, b): return M.matrix([[rq() for _ in range(b)] for _ in range(a)])
def T(A): return A.T
def col1(n): return M.matrix([mpf(1)] * n)
def one(v):  # 1x1 matrix -> scalar
    return v[0, 0] if isinstance(v, M.matrix) else v
def dot(x, y): return sum((x[i] * y[i] for i in range(x.rows)), mpf(0))
def trace(A): return sum((A[i, i] for i in range(A.rows)), mpf(0))
def diag(v):
    D = M.zeros(v.rows, v.rows)
    for i in range(v.rows): D[i, i] = v[i]
    return D
def fro(A): return sqrt(sum((A[i, j] ** 2 for i in range(A.rows) for j in range(A.cols)), mpf(0)))
def emap(f, v): return M.matrix([[f(v[i, j]) for j in range(v.cols)] for i in range(v.rows)])
H = mpf(10) ** -50
def numgrad(f, X):
    G = M.zeros(X.rows, X.cols)
    for i in range(X.rows):
        for j in range(X.cols):
            Xp = X.copy(); Xm = X.copy()
            Xp[i, j] += H; Xm[i, j] -= H
            G[i, j] = (f(Xp) - f(Xm)) / (2 * H)
    return G
def numjac_denominator(F, x):  # J[i, j] = d F_j / d x_i
    n = x.rows; m = F(x).rows
    J = M.zeros(n, m)
    for i in range(n):
        xp = x.copy(); xm = x.copy(); xp[i] += H; xm[i] -= H
        d = (F(xp) - F(xm)) / (2 * H)
        for j in range(m): J[i, j] = d[j]
    return J
def nonsingular(A): return abs(M.det(A)) > mpf(10) ** -30
def sizes2(maxn=6):
    return [(a, b) for a in range(1, maxn + 1) for b in range(1, maxn + 1)]
def sig(t): return 1 / (1 + exp(-t))
I = lambda n: M.eye(n)

# ---------------- A
pts = []
for n in range(1, 7):
    for _ in range(3): pts.append((rvec(n), rvec(n), rmat(n, n)))
pair("bilinear_grad_transpose", lambda x, y, A: numgrad(lambda X: one(T(X) * A * y), x),
     lambda x, y, A: A * y, lambda x, y, A: T(A) * y, pts, DTOL)

pts = []
for n in range(1, 7):
    for _ in range(3):
        A = rmat(n, n)
        if nonsingular(A): pts.append((A,))
pair("det_gradient_inverse_transpose", lambda A: numgrad(M.det, A),
     lambda A: M.det(A) * T(A ** -1), lambda A: M.det(A) * A ** -1, pts, DTOL)

pts = [(rvec(n), rvec(n), rmat(n, n), rmat(n, n)) for n in range(1, 7) for _ in range(3)]
pair("bilinear_transpose_order", lambda x, y, A, B: one(T(A * B * x) * y),
     lambda x, y, A, B: one(T(x) * T(B) * T(A) * y), lambda x, y, A, B: one(T(x) * T(A) * T(B) * y), pts)

def softmax(z):
    m = max(z[i] for i in range(z.rows))
    e = [exp(z[i] - m) for i in range(z.rows)]
    s = sum(e)
    return M.matrix([v / s for v in e])
pts = [(rvec(n) * 3,) for n in range(1, 7) for _ in range(3)] + [(M.matrix([mpf(300), mpf(-5), mpf(0)]),)]
pair("softmax_jacobian_diag_order", lambda z: numjac_denominator(softmax, z),
     lambda z: diag(softmax(z)) * (I(z.rows) - col1(z.rows) * T(softmax(z))),
     lambda z: (I(z.rows) - col1(z.rows) * T(softmax(z))) * diag(softmax(z)), pts, DTOL)

pts = []
for N, d in sizes2():
    for lam in (mpf("1e-9"), mpf("0.7"), mpf(5), mpf("1e6")):
        pts.append((rmat(N, d), rvec(d), rvec(N), lam))
def ridge_loss(X, w, y, lam):
    r = X * w - y; N = X.rows
    return dot(r, r) / (2 * N) + lam / 2 * dot(w, w)
pair("ridge_mean_scale", lambda X, w, y, lam: numgrad(lambda W: ridge_loss(X, W, y, lam), w),
     lambda X, w, y, lam: T(X) * (X * w - y) / X.rows + lam * w,
     lambda X, w, y, lam: (T(X) * (X * w - y) + lam * w) / X.rows, pts, DTOL)

pts = [(rmat(N, d), rvec(d), rvec(N)) for N, d in sizes2() for _ in range(1)]
def logi_loss(X, w, y):
    s = emap(sig, X * w); N = X.rows
    return -sum(y[i] * ln(s[i]) for i in range(N)) - sum((1 - y[i]) * ln(1 - s[i]) for i in range(N))
def logi_mid(X, w, y): return T(X) * (emap(sig, X * w) - y)
def logi_true(X, w, y):
    N = X.rows; s = emap(sig, X * w)
    return T(X) * diag(y) * (s - col1(N)) + T(X) * diag(col1(N) - y) * s
def logi_false(X, w, y):
    N = X.rows; s = emap(sig, X * w)
    return T(X) * diag(y) * (s - col1(N)) + T(X) * diag(col1(N) - y) * (col1(N) - s)
pair("logistic_grad_diag_form", logi_mid, logi_true, logi_false, pts, TOL,
     extra=lambda: all(close(numgrad(lambda W: logi_loss(X, W, y), w), logi_mid(X, w, y), DTOL) for X, w, y in pts[:20]))

pts = [(rmat(n, n), rmat(n, n)) for n in range(1, 7) for _ in range(3)]
pair("frobenius_trace_order", lambda A, B: fro(A * B) ** 2,
     lambda A, B: trace(T(A) * A * B * T(B)), lambda A, B: trace(T(A) * A * T(B) * B), pts)

pts = []
for n in range(1, 7):
    for _ in range(3):
        A = rmat(n, n)
        if nonsingular(A): pts.append((A, rvec(n), rvec(n)))
pair("det_lemma_transpose", lambda A, u, v: M.det(A + u * T(v)),
     lambda A, u, v: M.det(A) * (1 + one(T(v) * A ** -1 * u)),
     lambda A, u, v: M.det(A) * (1 + one(T(u) * A ** -1 * v)), pts)

pts = [(rmat(n, n), rmat(n, n), rmat(n, n)) for n in range(1, 7) for _ in range(3)]
pair("trace_grad_sandwich", lambda X, A, B: numgrad(lambda Y: trace(A * Y * B), X),
     lambda X, A, B: T(A) * T(B), lambda X, A, B: T(B) * T(A), pts, DTOL)

pts = [(rvec(n), rvec(n)) for n in range(1, 7) for _ in range(3)]
pair("outer_frobenius_norm", lambda x, y: fro(x * T(y)),
     lambda x, y: sqrt(dot(x, x)) * sqrt(dot(y, y)), lambda x, y: abs(dot(x, y)), pts)

def symm(n):
    A = rmat(n, n); return (A + T(A)) / 2
pts = [(symm(n), rmat(n, n), rvec(n)) for n in range(1, 7) for _ in range(3)]
pair("md_symmetric_word_scope", lambda A, B, x: numgrad(lambda X: one(T(X) * B * X), x),
     lambda A, B, x: (B + T(B)) * x, lambda A, B, x: 2 * B * x, pts, DTOL,
     extra=lambda: all(close(numgrad(lambda X: one(T(X) * A * X), x), 2 * A * x, DTOL) for A, B, x in pts))

pts = [(rmat(n, n), rvec(n), rvec(n)) for n in range(1, 7) for _ in range(3)]
def half_sq(W, x, y):
    r = W * x - y; return dot(r, r) / 2
pair("md_frobenius_gradient_outer", lambda W, x, y: numgrad(lambda V: half_sq(V, x, y), W),
     lambda W, x, y: (W * x - y) * T(x), lambda W, x, y: x * T(W * x - y), pts, DTOL)

def hessian(f, w):
    d = w.rows; Hm = M.zeros(d, d); h = mpf(10) ** -40
    for i in range(d):
        for j in range(d):
            def at(si, sj):
                v = w.copy(); v[i] += si * h; v[j] += sj * h; return f(v)
            Hm[i, j] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h)
    return Hm
pts = [(rmat(N, d), rvec(d), rvec(N)) for N, d in sizes2(5)]
def sqloss(X, w, y):
    r = X * w - y; return dot(r, r)
pair("md_lsq_hessian_frobenius", lambda X, w, y: hessian(lambda v: sqloss(X, v, y), w),
     lambda X, w, y: 2 * T(X) * X, lambda X, w, y: 2 * fro(X) ** 2 * I(X.cols), pts, DTOL)

def spd(n):
    B = rmat(n, n); return B * T(B) + I(n)
pts = [(spd(n),) for n in range(1, 7) for _ in range(3)]
pair("md_logdet_pd_gradient", lambda A: numgrad(lambda Y: ln(M.det(Y)), A),
     lambda A: A ** -1, lambda A: I(A.rows) / M.det(A), pts, DTOL)

# ---------------- B
pair("log_base_swap", lambda x: ln(x) / ln(2) * (ln(10) / ln(x)), lambda x: ln(10) / ln(2), lambda x: ln(2) / ln(10),
     [(x,) for x in POS if x != 1] + [(1 + mpf(10) ** -30,)])

def cbrt(x): return M.sign(x) * M.cbrt(abs(x))
def p53(x): return M.sign(x) * abs(x) ** (mpf(5) / 3)
pair("five_thirds_power_derivative", lambda x: M.diff(p53, x), lambda x: mpf(5) / 3 * cbrt(x * x),
     lambda x: (5 * x / (3 * cbrt(abs(x)))) if x != 0 else M.nan, [(x,) for x in SM if abs(x) < 1e6], DTOL)

pair("minus_one_power_precedence", lambda n: -(Fr(1) ** n) + Fr(-1) ** (2 * n), lambda n: 0, lambda n: Fr(-1) ** n + 1,
     [(n,) for n in range(-12, 13)])

pair("power_tower_right_assoc", lambda n: 2 ** (3 ** n), lambda n: 8 ** (3 ** (n - 1)), lambda n: 8 ** n,
     [(n,) for n in range(1, 10)])

def ndig(n): return len(str(n))
def ceil_log10(m):  # smallest k >= 0 with 10^k >= m, m >= 1
    k = 0
    while 10 ** k < m: k += 1
    return k
def ceil_log10_eps(n):  # ceil(log10 n + 10^-12), decided at 250 digits (never within 10^-200 of an integer here)
    v = M.log10(n) + mpf(10) ** -12
    assert abs(v - M.nint(v)) > mpf(10) ** -200
    return int(M.ceil(v))
pair("decimal_digits_ceiling", ndig, lambda n: ceil_log10(n + 1), ceil_log10_eps,
     [(n,) for n in list(range(1, 2000)) + [10 ** k + d for k in range(3, 13) for d in (-1, 0, 1)]])

pair("md_arccos_derivative_notes", lambda x: M.diff(M.acos, x), lambda x: -1 / sqrt(1 - x * x),
     lambda x: sin(x) / cos(x) ** 2,
     [(x,) for x in [mpf(v) for v in ("-0.999999", "-0.5", "-1e-9", "0", "1e-12", "0.3", "0.9", "0.999999999")]], DTOL)

def binom(n, k): return math.comb(n, k)
pair("md_binomial_second_moment", lambda n: sum(k * k * binom(n, k) for k in range(0, n + 1)),
     lambda n: n * (n + 1) * Fr(2) ** (n - 2), lambda n: n * n * Fr(2) ** (n - 1), [(n,) for n in range(1, 40)])

# ---------------- C
pair("sqrt_product_both_negative", lambda a, b: M.sqrt(a * b), lambda a, b: M.sqrt(-a) * M.sqrt(-b),
     lambda a, b: M.sqrt(M.mpc(a)) * M.sqrt(M.mpc(b)), [(a, b) for a in NEG for b in NEG])

pair("arctan_reciprocal_negative", lambda x: atan(1 / x), lambda x: -pi / 2 - atan(x), lambda x: pi / 2 - atan(x),
     [(x,) for x in NEG])

XY = [(x, y) for x in POS for y in POS if x * y > 1] + [(mpf(2), mpf("0.5") + mpf(10) ** -12), (mpf(1e7), mpf("1e-7") * (1 + mpf(10) ** -9))]
pair("arctan_sum_branch", lambda x, y: atan(x) + atan(y), lambda x, y: pi + atan((x + y) / (1 - x * y)),
     lambda x, y: atan((x + y) / (1 - x * y)), XY)

XT = [(pi / 2 + mpf(10) ** -12,), (pi / 2 + mpf("0.3"),), (pi,), (mpf(4),), (3 * pi / 2 - mpf(10) ** -12,), (mpf("2.5"),)]
pair("arctan_tan_shift", lambda x: atan(tan(x)), lambda x: x - pi, lambda x: x, XT)

pair("md_log_square_negative", lambda x: ln(x * x), lambda x: 2 * ln(-x), lambda x: ln(-x) ** 2, [(x,) for x in NEG],
     extra=lambda: all(close(ln(x * x), 2 * ln(x)) for x in POS))

# ---------------- D
def dv(x): return M.diff(lambda t: ln(t * t + 1), x)
pair("defined_chain_two_levels", dv, lambda x: 2 * x / (x * x + 1), lambda x: 1 / (x * x + 1),
     [(x,) for x in SM if abs(x) < 1e6], DTOL,
     extra=lambda: all(close(dv(x), (1 / (x * x + 1)) * 2 * x, DTOL) for x in SM if abs(x) < 1e6))

FS = [(sin, cos, lambda t: -sin(t)), (exp, exp, exp), (lambda t: t ** 3 + t, lambda t: 3 * t * t + 1, lambda t: 6 * t)]
XY2 = [(x, y) for x in (mpf(-2), mpf("-0.5"), mpf(0), mpf("0.7"), mpf(3)) for y in (mpf(-1), mpf(0), mpf("0.4"), mpf(2))]
pair("abstract_mixed_partial", lambda k, x, y: M.diff(lambda a, b: FS[k][0](a * b), (x, y), (1, 1)),
     lambda k, x, y: FS[k][1](x * y) + x * y * FS[k][2](x * y), lambda k, x, y: x * y * FS[k][2](x * y),
     [(k, x, y) for k in range(3) for x, y in XY2], DTOL)

pair("second_derivative_prime_defined", lambda x: M.diff(lambda t: t ** 3 * ln(t), x, 2),
     lambda x: 6 * x * ln(x) + 5 * x, lambda x: 6 * x * ln(x) + 3 * x, [(x,) for x in POS if x < 1e6 and x > 1e-10], DTOL)

pair("second_derivative_arctan_inverse", lambda x: M.diff(atan, x, 2), lambda x: -2 * x / (1 + x * x) ** 2,
     lambda x: 2 * cos(x) / sin(x) ** 3, [(x,) for x in SM if abs(x) < 1e6 and x != 0], DTOL)

GS = [(exp, exp), (sin, cos), (lambda t: t * t - 2, lambda t: 2 * t)]
pair("abstract_chain_square",
     lambda k, m, x: M.diff(lambda t: FS[k][0](GS[m][0](t) ** 2), x),
     lambda k, m, x: 2 * GS[m][0](x) * GS[m][1](x) * FS[k][1](GS[m][0](x) ** 2),
     lambda k, m, x: 2 * GS[m][0](x) * GS[m][1](x) * FS[k][1](GS[m][0](x)),
     [(k, m, x) for k in range(3) for m in range(3) for x in (mpf(-1.5), mpf(0), mpf("0.3"), mpf(2))], DTOL)

pair("md_leibniz_second_at_zero", lambda: M.diff(lambda t: sqrt(1 + t * t), 0, 2), lambda: 1, lambda: 0, [()], DTOL)

def r_(x, y): return sqrt(x * x + y * y)
XY3 = [(x, y) for x in (mpf(-3), mpf("-0.2"), mpf(0), mpf("1e-3"), mpf(2)) for y in (mpf(-1), mpf("0.5"), mpf(4)) if (x, y) != (0, 0)]
pair("md_partial_defined_after", lambda x, y: M.diff(r_, (x, y), (1, 1)), lambda x, y: -x * y / r_(x, y) ** 3,
     lambda x, y: -x * y / r_(x, y) ** 2, XY3, DTOL,
     extra=lambda: all(close(M.diff(r_, (x, y), (1, 0)), x / r_(x, y), DTOL) for x, y in XY3))

# ---------------- E
pair("ramanujan_floor", lambda: int(M.floor(exp(pi * sqrt(163)))), lambda: 640320 ** 3 + 743, lambda: 640320 ** 3 + 744, [()],
     extra=lambda: 0 < 640320 ** 3 + 744 - exp(pi * sqrt(163)) < mpf(10) ** -11)

def fl_direct(v): return int(M.floor(v))
TX = [(x,) for x in [mpf(v) for v in ("0", "1e-12", "0.5", "1", "10", "46", "47", "50", "100", "250")]]
pair("floor_tanh_far", lambda x: fl_direct(tanh(x)), lambda x: fl_direct(tanh(x) ** 2),
     lambda x: fl_direct(tanh(x) + mpf(10) ** -40), TX)
# beyond x = 250 (past 250 digits): 0 <= tanh x < 1 exactly, so both floors of the true step stay 0.

SX = [(mpf(10) ** 6 + mpf(10) ** -9,), (mpf("2e6"),), (mpf("1e9"),), (mpf("1e12"),), (mpf("1e30"),)]
def sqrt_minus_x(x):  # cancels up to 60 digits at x = 10^30: computed at 700
    with M.workdps(700):
        return +(sqrt(x * x + 1) - x)
pair("sqrt_cancellation_far", sqrt_minus_x, lambda x: 1 / (sqrt(x * x + 1) + x),
     lambda x: 1 / (2 * x) - 1 / (8 * x ** 3), SX)

pair("arctan_complement_tiny", lambda: pi / 2 - atan(mpf(10) ** 20), lambda: atan(mpf(10) ** -20), lambda: mpf(10) ** -20, [()])

pair("sine_tiny_floor", lambda: int(M.floor(mpf(10) ** 61 * (mpf(10) ** -20 - sin(mpf(10) ** -20)))), lambda: 1, lambda: 0, [()])

sys.path.insert(0, HERE)
import gen
PHI = (1 + sqrt(5)) / 2
pair("md_golden_power_near_integer", lambda: PHI ** 150, lambda: gen.L150 - PHI ** -150, lambda: mpf(gen.L150), [()])

# ---------------- F
pair("md_align_why_columns", lambda x: M.diff(lambda t: ln(cosh(t)), x), lambda x: 1 - 2 / (exp(2 * x) + 1),
     lambda x: 1 - 2 / (exp(x) + 1), [(x,) for x in SM if abs(x) < 1e4], DTOL,
     extra=lambda: all(close(M.diff(lambda t: ln(cosh(t)), x), sinh(x) / cosh(x), DTOL) for x in SM if abs(x) < 1e4))

def ceil_q(x):  # ceil(x / (|x| + 1)) exactly for Fractions
    return math.ceil(x / (abs(x) + 1))
FX = [Fr(v) for v in (-10**12, -7, -1, Fr(-1, 3), Fr(-1, 10**12), 0, Fr(1, 10**12), Fr(1, 2), 1, 9, 10**12)]
pair("md_otherwise_closed_zero", ceil_q, lambda x: 0, lambda x: 1 + (0 if x == 0 else (1 if x > 0 else -1)),
     [(x,) for x in FX if x <= 0], extra=lambda: all(ceil_q(x) == 1 for x in FX if x > 0))

ABUT = [(a, b, u, t) for a in (mpf(-2), mpf("0.5")) for b in (mpf(0), mpf("1.5")) for u in (mpf(-3), mpf(0), mpf(1), mpf("2.5"), mpf("1e-9")) for t in (mpf(-1), mpf(2))]
def J_(a, b, u, t): return (a * u * u + b * u - t) ** 2 / 2
pair("md_similarly_second_coefficient", lambda a, b, u, t: M.diff(lambda s: J_(a, s, u, t), b), lambda a, b, u, t: (a * u * u + b * u - t) * u,
     lambda a, b, u, t: (a * u * u + b * u - t) * u * u, ABUT, DTOL,
     extra=lambda: all(close(M.diff(lambda s: J_(s, b, u, t), a), (a * u * u + b * u - t) * u * u, DTOL) for a, b, u, t in ABUT))

ZY = [(z, y) for z in (mpf(-40), mpf(-2), mpf(0), mpf("0.3"), mpf(5), mpf(60)) for y in (mpf(-1), mpf(0), mpf(1), mpf("2.5"))]
def ell(z, y): return ln(1 + exp(-y * z))
pair("md_where_logistic_loss", lambda z, y: -y * exp(-y * z) / (1 + exp(-y * z)), lambda z, y: -y / (1 + exp(y * z)),
     lambda z, y: -y / (1 + exp(-y * z)), ZY,
     extra=lambda: all(close(M.diff(lambda t: ell(t, y), z), -y * exp(-y * z) / (1 + exp(-y * z)), DTOL) for z, y in ZY))

pair("md_prose_positive_scope", lambda x: sqrt(x * x), lambda x: -x, lambda x: x, [(x,) for x in NEG],
     extra=lambda: all(close(sqrt(x * x), x) for x in POS))

def lsm_partial(z, i, j):
    def f(t):
        w = z.copy(); w[j] = t
        return ln(exp(w[i]) / sum(exp(w[k]) for k in range(w.rows)))
    return M.diff(f, z[j])
def smv(z): return softmax(z)
SMP = [(rvec(n) * 2, i, j) for n in range(1, 6) for i in range(n) for j in range(n)]
pair("md_let_softmax_log_partial", lsm_partial, lambda z, i, j: (1 if i == j else 0) - smv(z)[j],
     lambda z, i, j: (1 if i == j else 0) - smv(z)[i], SMP, DTOL)

TT = [(t,) for t in POS if t < 1e6] + [(M.e,)]
pair("md_equation_tags_two", lambda t: M.diff(lambda s: s ** (1 / s), t), lambda t: t ** (1 / t) * (1 - ln(t)) / t ** 2,
     lambda t: t ** (1 / t) * (ln(t) - 1) / t ** 2, [p for p in TT if p[0] > 1e-10], DTOL,
     extra=lambda: all(close(M.diff(lambda s: s ** s, t), t ** t * (ln(t) + 1), DTOL) for (t,) in TT if 1e-10 < t < 100))

# ---------------- G
def zpz(n, x):
    return sum(math.comb(n, k) * x ** k * (-x) ** (n - k) for k in range(0, n + 1))
pair("zero_power_zero_binomial", zpz, lambda n, x: Fr(0) ** n, lambda n, x: 0,
     [(n, x) for n in range(0, 9) for x in (Fr(-7), Fr(-1, 3), Fr(0), Fr(1, 10**12), Fr(5, 2), Fr(10**12))])

def sgn(v): return 0 if v == 0 else (1 if v > 0 else -1)
GX = [Fr(v) for v in (0, Fr(1, 10**12), Fr(1, 3), 1, Fr(7, 2), 10**12)]
pair("sign_square_closed_zero", lambda x: sgn(x) ** 2, lambda x: math.ceil(x / (x + 1)), lambda x: 1, [(x,) for x in GX])

def karr(n): return sum(1 for k in range(n, 2 * n - 3 + 1))
pair("karr_empty_sum_n1", karr, lambda n: max(n - 2, 0), lambda n: n - 2, [(n,) for n in range(1, 60)])

FX2 = [Fr(v) for v in (-10**12, -3, Fr(-5, 2), -1, Fr(-1, 10**12), 0, Fr(1, 10**12), Fr(1, 2), 2, Fr(73, 10), 10**12 + Fr(1, 3))]
pair("floor_plus_floor_negative", lambda x: math.floor(x) + math.floor(-x), lambda x: -math.ceil(x - math.floor(x)),
     lambda x: -1, [(x,) for x in FX2])

# ---------------- run
classes = json.load(open(os.path.join(HERE, "classes.json")))
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
assert set(classes) == set(PAIRS), (set(classes) ^ set(PAIRS))
for name in sorted(PAIRS):
    lhs, tr, fa, pts, tol, extra = PAIRS[name]
    ok_true = True; witness = None
    for p in pts:
        l = lhs(*p)
        if not close(l, tr(*p), tol):
            ok_true = False; bad(f"{name}: true step differs at {p!s:.200}"); break
        if witness is None:
            try:
                fv = fa(*p)
                same = close(l, fv, tol)
            except Exception:
                same = True
            if not same:
                witness = p
    if extra is not None and not extra():
        bad(f"{name}: a shared (unmarked) step of the twins does not hold")
    if witness is None:
        bad(f"{name}: false step never differs")
    elif SHOW:
        print(f"{name}: false at {str(witness)[:160]}")
    # file checks
    ext = "md" if os.path.exists(os.path.join(HERE, name + ".true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1 or mark not in f[diff[0]] or sum(mark in l for l in f) != 1 or any(mark in l for l in t):
        bad(f"{name}: twins are not identical but for one marked line")
    if ext == "yaml":
        import yaml
        for txt in (t, f): yaml.safe_load("\n".join(txt))
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
