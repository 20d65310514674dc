#!/usr/bin/env python3
"""Check every attack-24 pair independently of derive-ce: mpmath at 250 digits (tolerance 10^-200
relative, so the 10^-66 ... 10^-160 differences of class C count), sums as loops (empty ranges give 0),
derivatives by mpmath.diff (the irrational joint by the slopes of both pieces), integer floors by
Python integers (math.isqrt, //, Fractions), matrices as mpmath matrices of random rationals at sizes
1-8 and 1-12 where a size turns at 10, plus hand-made instances (x^T y = 0, singular A).
For each pair the true step (LHS = TRUE) must hold at every point of its stated domain (case
conditions with their closed ends, symbol flags), and the false step (LHS = FALSE) must differ at
one point at least of the same domain. Prints `verified N pairs; problems: K`; SHOW=1 prints where
each false step fails."""
import json, math, os, random, sys
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, asin
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # for the Pell numbers
TOL = mpf(10) ** -200
def fl(v):
    if isinstance(v, (int, Fr)):
        return math.floor(v)
    r = M.nint(v)
    return int(r) if abs(v - r) < mpf(10) ** -150 else int(M.floor(v))
def ce(v):
    return -fl(-v)
def sgn(v): return 0 if v == 0 else (1 if v > 0 else -1)
def eq(a, b):
    if isinstance(a, (int, Fr)) and isinstance(b, (int, Fr)):
        return a == b
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= TOL * max(1, abs(a), abs(b))
SM = [mpf(v) for v in ("-25", "-12.5", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9", "0", "1e-9", "0.4", "1", "2", "3.1", "12.5", "1e3")]
PAIRS = {}
def pair(name, lhs, tr, fa, pts): PAIRS[name] = (lhs, tr, fa, list(pts))
RNG = random.Random(24)
def rq(): return mpf(RNG.randint(-9, 9)) / RNG.randint(1, 5)
def rvec(n): return M.matrix([rq() for _ in range(n)])
def rmat(a, b, sym=False):
    A = M.matrix([[rq() for _ in range(b)] for _ in range(a)])
    if sym:
        A = A + A.T
    return A
dotv = lambda x, y: sum((x[i] * y[i] for i in range(x.rows)), mpf(0))
tr = lambda A: sum((A[i, i] for i in range(A.rows)), mpf(0))
det = lambda A: M.det(A)
def kron(A, B):
    n, m = A.rows, B.rows
    K = M.zeros(n * m, n * m)
    for i in range(n):
        for j in range(n):
            for p in range(m):
                for q in range(m):
                    K[i * m + p, j * m + q] = A[i, j] * B[p, q]
    return K

# ---------------- A
pts = [(x,) for x in SM if x * x <= 4] + [(mpf(2),), (mpf(-2),), (2 - mpf(10) ** -12,)]
pair("floor_quarter_square_end", lambda x: min(1, fl(x * x / 4)), lambda x: fl(x * x / 4), lambda x: 0, pts)
XY = [(x, y) for x in SM for y in SM if x > 0 and y > 0 and x * y >= 1] + [(mpf(2), mpf("0.5")), (mpf(1), mpf(1)), (mpf(4), mpf("0.25") + mpf(10) ** -15)]
pair("ceil_hyperbola_end", lambda x, y: ce(1 - 1 / (x * y)), lambda x, y: sgn(x * y - 1), lambda x, y: 1, XY)
L2 = ln(2)
pts = [(x,) for x in SM if x >= 0 and exp(x) <= 2] + [(L2,), (L2 - mpf(10) ** -12,)]
pair("floor_exp_two_end", lambda x: fl(exp(x)), lambda x: 1 + fl(exp(x) / 2), lambda x: 1, pts)
XYZ = [(x, y, z) for x in SM[2:14:2] for y in SM[3:14:2] for z in SM[2:15:3] if x + y <= z] + [(mpf(1), mpf(2), mpf(3)), (mpf("0.4"), mpf("-1.5"), mpf("-1.1"))]
pair("sign_three_var_end", lambda x, y, z: sgn(z - x - y), lambda x, y, z: sgn(z - x - y) ** 2, lambda x, y, z: 1, XYZ)
pts = [(n, i, i + d) for n in range(1, 6) for i in range(1, n + 1) for d in (mpf(0), mpf(10) ** -9, mpf("0.5"), 1 - mpf(10) ** -9)]
pair("ceil_index_real_end", lambda n, i, x: ce(x) - i, lambda n, i, x: ce(x - i), lambda n, i, x: 1, pts)
pts = [(x,) for x in SM] + [(mpf(1),), (mpf(-1),), (1 - mpf(10) ** -12,), (1 + mpf(10) ** -12,)]
pair("otherwise_row_closed_end", lambda x: 0 if x * x < 1 else 1, lambda x: fl(min(x * x, 1)), lambda x: ce(max(x * x - 1, 0) / (x * x + 1)), pts)
XY2 = [(x, y) for x in SM if x > 0 for y in SM if 0 <= y <= x] + [(mpf("3.1"), mpf("3.1")), (mpf("1e-9"), mpf("1e-9"))]
pair("nested_open_closed_ratio", lambda x, y: fl(y / x), lambda x, y: fl(y / x) ** 2, lambda x, y: 0, XY2)
# ---------------- B (exact integers)
NS = list(range(0, 200)) + [10 ** 6 + 3, 10 ** 9 + 7, 10 ** 12 + 1, 3999 ** 2, 4000 ** 2 - 1, 4000 ** 2, 10 ** 8 - 1]
pair("floor_sqrt_relative_far", lambda n: math.isqrt(n), lambda n: math.isqrt((2 * n + 1) // 2),
     lambda n: math.isqrt(n * (10 ** 7 + 1) // 10 ** 7), [(n,) for n in NS])
P_, Q_ = gen.PELL_P, gen.PELL_Q
assert P_ * P_ - 2 * Q_ * Q_ == 1 and Q_ > 10 ** 13
pair("pell_convergent_beatty", lambda n: math.isqrt(2 * n * n), lambda n: math.isqrt(2 * n * n), lambda n: P_ * n // Q_,
     [(n,) for n in list(range(1, 300)) + [10 ** 6 + 3, 10 ** 9 + 7, 10 ** 12 + 1, Q_ - 1, Q_, Q_ + 1]])
# the true step: isqrt(2n^2) = floor(n sqrt 2) by definition (both sides are the same integer); check
# that floor(n sqrt2) = isqrt(2n^2) against mpmath once
assert all(int(M.floor(n * sqrt(2))) == math.isqrt(2 * n * n) for n in (1, 7, 99, 10 ** 9 + 7, Q_))
def flnk5(k): return fl(ln(k) / 5)
CUM = [0]
for k in range(1, 301):
    CUM.append(CUM[-1] + flnk5(k))
pair("sum_floor_log_tail", lambda n: CUM[n], lambda n: sum(flnk5(k) for k in range(149, n + 1)), lambda n: 0, [(n,) for n in range(1, 301)])
pts = [(n, m, k) for n in range(1, 40) for m in range(1, 8) for k in range(1, 8)] + [(1599, 40, 40), (1600, 40, 40), (10 ** 6 + 3, 41, 57), (4919, 41, 120)]
pair("nested_floor_three_sizes", lambda n, m, k: (n // m) // k, lambda n, m, k: n // (m * k),
     lambda n, m, k: (n + (m // 40) * (k // 40)) // (m * k), pts)
# golden: floor(k phi) = (k + isqrt(5 k^2)) // 2 exactly; floor(1.6180339887 k) by integers
def gphi(k): return (k + math.isqrt(5 * k * k)) // 2
def gT(k): return k + (math.isqrt(5 * k * k) - k) // 2
def gF(k): return 16180339887 * k // 10 ** 10
first = next(k for k in range(1, 10 ** 7) if gphi(k) != gF(k))
assert int(M.floor(first * (1 + sqrt(5)) / 2)) == gphi(first)
SL = {}; s1 = s2 = s3 = 0
for k in range(1, first + 2):
    s1 += gphi(k); s2 += gT(k); s3 += gF(k)
    if k <= 100 or k >= first - 1:
        SL[k] = (s1, s2, s3)
pair("golden_beatty_sum", lambda n: SL[n][0], lambda n: SL[n][1], lambda n: SL[n][2], [(n,) for n in sorted(SL)])
NS2 = list(range(1, 2000)) + [10 ** 6 + 3, 10 ** 9 + 7, 10 ** 12 + 1]
pair("mod_square_residue", lambda n: n * n - 1000 * (n * n // 1000), lambda n: n * n - 1000 * ((2 * n * n + 1) // 2000),
     lambda n: n * n - 1000 * ((n * n + 5) // 1000), [(n,) for n in NS2])
def ceil_sqrt(a):   # ceil of sqrt of a nonnegative integer
    r = math.isqrt(a); return r if r * r == a else r + 1
pair("ceil_sqrt_square_window", lambda n: ceil_sqrt(n * n + 2 * n), lambda n: n + 1,
     lambda n: ceil_sqrt(n * n + 2 * n - (n * n // 10 ** 9) * n), [(n,) for n in list(range(1, 300)) + [44721, 44722, 10 ** 5, 10 ** 6 + 3]])
# ---------------- C
E2 = exp(2)
pts = [(x,) for x in SM if 3 <= x <= 12] + [(mpf(3),), (mpf(12),), (E2,), (E2 + mpf("0.005"),), (mpf("7.39"),), (mpf(10),)]
pair("bump_mid_interval", lambda x: abs(x - 3) + abs(x - 12), lambda x: 9, lambda x: 9 + max(0, 1 - 10 ** 4 * (x - E2) ** 2), pts)
pts = [(mpf(v),) for v in ("10", "12.5", "100", "399", "450", "500", "599.5", "1000", "1e8")]
pair("inverse_power_mid_window", lambda x: (x ** 50 + 1) / x ** 50, lambda x: 1 + x ** -50,
     lambda x: 1 + x ** -50 + max(0, 100 - abs(x - 500)) / x ** 60, pts)
E300 = exp(300)
def tele(n): return sum((Fr(1, k * (k + 1)) for k in range(1, n + 1)), Fr(0))
pair("telescoping_tail_factorial", lambda n: tele(n), lambda n: 1 - Fr(1, n + 1),
     lambda n: 1 - mpf(1) / (n + 1) + (n // 97) / E300, [(n,) for n in list(range(1, 40)) + [96, 97, 98, 300]])
R150 = sqrt(150)
pts = [(x,) for x in SM if -20 <= x <= 20] + [(mpf(20),), (mpf(-20),), (R150,), (-R150,), (R150 + mpf("1e-5"),)]
pair("gauss_tail_middle", lambda x: exp(-x * x) * (1 + exp(x * x)), lambda x: 1 + exp(-x * x),
     lambda x: 1 + exp(-x * x) + exp(-x * x) * max(0, mpf("0.01") - abs(x * x - 150)), pts)
# ---------------- D (instances: tuples of matrices)
def vec_pts(k=2, sizes=range(1, 9)):
    out = [tuple(rvec(n) for _ in range(k)) for n in sizes for _ in range(3)]
    out.append((M.matrix([1, 2, 0]), M.matrix([2, -1, 5])))   # orthogonal
    out.append((M.matrix([0]), M.matrix([3])))
    return out
VP = vec_pts()
pair("sign_dot_orthogonal", lambda x, y: sgn(dotv(x, y)) ** 2, lambda x, y: sgn(dotv(x, y) ** 2), lambda x, y: 1, VP)
AP = [(rmat(n, n),) for n in range(1, 9) for _ in range(3)] + [(M.matrix([[1, 2], [2, 4]]),), (M.matrix([[0]]),)]
pair("sign_gram_singular", lambda A: sgn(det(A.T * A)), lambda A: sgn(det(A)) ** 2, lambda A: 1, AP)
KP = [(rmat(n, n), rmat(m, m)) for n in range(1, 5) for m in range(1, 5)]
pair("kron_det_exponents", lambda A, B: det(kron(A, B)), lambda A, B: det(A) ** B.rows * det(B) ** A.rows,
     lambda A, B: det(A) ** A.rows * det(B) ** B.rows, KP)
TP = [(rmat(n, n, True), rmat(n, n, True), rmat(n, n)) for n in range(1, 9) for _ in range(2)]
pair("trace_three_symmetric_swap", lambda A, B, C: tr(A * B * C), lambda A, B, C: tr(B * A * C.T), lambda A, B, C: tr(B * A * C), TP)
EK = int(M.floor(exp(sqrt(5)))); assert EK == 9 and int(M.ceil(exp(sqrt(5)))) == 10
NP = [(rvec(n),) for n in range(1, 13) for _ in range(2)]
pair("norm_sum_hidden_bound", lambda x: dotv(x, x), lambda x: sum((x[i] ** 2 for i in range(x.rows)), mpf(0)),
     lambda x: sum((x[i] ** 2 for i in range(min(x.rows, EK))), mpf(0)), NP)
def mgrad(f, X):
    G = M.zeros(X.rows, X.cols)
    for i in range(X.rows):
        for j in range(X.cols):
            def h(t, i=i, j=j):
                Y = X.copy(); Y[i, j] = t; return f(Y)
            G[i, j] = M.diff(h, X[i, j])
    return G
def meq(A, B): return all(eq(A[i, j], B[i, j]) for i in range(A.rows) for j in range(A.cols))
GP = [(rmat(n, n), rmat(n, n)) for n in range(1, 5) for _ in range(2)]
PAIRS["grad_trace_gram_swap"] = ("M", lambda X, B: mgrad(lambda Y: tr(Y.T * B.T * B * Y), X), lambda X, B: 2 * B.T * B * X, lambda X, B: 2 * B * B.T * X, GP)
had = lambda x, y: M.matrix([x[i] * y[i] for i in range(x.rows)])
pair("hadamard_norm_product", lambda x, y: dotv(had(x, y), had(x, y)), lambda x, y: dotv(had(x, x), had(y, y)), lambda x, y: dotv(x, y) ** 2, VP)
RP = [(rvec(n), rvec(n)) for n in range(1, 13) for _ in range(2)]
def rank1det(u, v): return det(u * v.T)
pair("rank_one_det_size_gap", rank1det, lambda u, v: dotv(u, v) if u.rows == 1 else 0,
     lambda u, v: dotv(u, v) if u.rows == 1 else (0 if u.rows < 10 else dotv(u, v) ** u.rows), RP)
pair("projection_orthogonal_sign", lambda x, y: abs(dotv(x, y)) * dotv(x, y), lambda x, y: sgn(dotv(x, y)) * dotv(x, y) ** 2,
     lambda x, y: sgn(dotv(x, y)) * dotv(x, y) ** 2 + 1 - sgn(dotv(x, y)) ** 2, VP)
# ---------------- E
S2 = sqrt(2)
def fj(t): return t * t if t < S2 else 2 * S2 * t - 2
def dfj(x):   # slopes of both pieces must agree (at the joint too)
    l = M.diff(lambda t: t * t, x); r = M.diff(lambda t: 2 * S2 * t - 2, x)
    if x < S2: return l
    if x > S2: return r
    assert eq(l, r); return l
pts = [(x,) for x in SM] + [(S2,), (mpf("1.41421356"),), (mpf("1.414213561"),), (S2 - mpf(10) ** -12,)]
pair("joint_irrational_derivative", dfj, lambda x: 2 * min(x, S2), lambda x: 2 * x if x < mpf("1.41421356") else 2 * S2, pts)
def pidx(n, j, xs):
    return M.diff(lambda t: sum((min(i, EK) * (t if i == j else xs[i - 1]) ** 2 for i in range(1, n + 1)), mpf(0)), xs[j - 1])
pts = [(n, j, [rq() for _ in range(n)]) for n in range(1, 13) for j in range(1, n + 1)]
pts = [p for p in pts if p[2][p[1] - 1] != 0] + [(12, 11, [mpf(1)] * 12)]
pair("partial_index_weight_cap", pidx, lambda n, j, xs: 2 * min(j, EK) * xs[j - 1], lambda n, j, xs: 2 * j * xs[j - 1], pts)
pts = [(mpf(10) ** -9,), (mpf("1e-7"),), (mpf("0.4"),), (mpf(3),), (mpf("1e3"),)]
pair("third_derivative_abs_cube", lambda x: M.diff(lambda t: t * t * abs(t) + t ** 3, x, 3), lambda x: 12, lambda x: 12 + fl(mpf(10) ** -9 / x), pts)
pts = [(x,) for x in SM]
pair("chain_defined_logsquare", lambda x: M.diff(lambda t: ln(1 + sin(t) ** 2), x),
     lambda x: 2 * sin(x) * cos(x) / (1 + sin(x) ** 2), lambda x: 2 * sin(x) * cos(x) / (1 + cos(x) ** 2), pts)
# ---------------- G
pts = [(x,) for x in SM if x > 0] + [(M.e,)]
pair("e_as_variable_log", lambda e: ln(e ** 2), lambda e: 2 * ln(e), lambda e: 2, pts)
pair("i_as_variable_square", lambda i: i * i + 1, lambda i: (i - 1) ** 2 + 2 * i, lambda i: 0, [(x,) for x in SM])
pts = [(x,) for x in SM if -0.5 < x < 0.5 and x != 0] + [(mpf("0.49"),), (mpf("-0.3"),)]
pair("sin_inverse_derivative", lambda x: M.diff(asin, x), lambda x: 1 / sqrt(1 - x * x), lambda x: -cos(x) / sin(x) ** 2, pts)
pts = [(x,) for x in SM if x > 0 and x != 1]
pair("ln_squared_derivative", lambda x: M.diff(lambda t: ln(t) ** 2, x), lambda x: 2 * ln(x) / x, lambda x: 1 / (x * ln(x)), pts)
AB = [(a, b) for a in SM[::2] for b in SM[1::2]]
pair("bar_name_distinct", lambda a, b: (a - (a + b) / 2) ** 2 + (b - (a + b) / 2) ** 2, lambda a, b: (a - b) ** 2 / 2, lambda a, b: (a - b) ** 2 / 4, AB)
# ---------------- F notes
pts = [(x,) for x in SM if x >= 0]
pair("md_ceil_ratio_closed_zero", lambda x: ce(x / (x + 1)), lambda x: sgn(x), lambda x: 1, pts)
pts = [(x,) for x in SM if x * x >= 1] + [(mpf(1),), (mpf(-1),), (1 + mpf(10) ** -12,)]
pair("md_otherwise_unit_disc", lambda x: fl(min(x * x, 1)), lambda x: 1, lambda x: ce(min(x * x - 1, 1)), pts)
PAIRS["md_otherwise_unit_disc_first_row"] = None  # the first row is checked in EXTRA below
pts = [(n, j, [rq() for _ in range(n)]) for n in range(1, 8) for j in range(1, n + 1)]
pts = [p for p in pts if p[2][p[1] - 1] != 0]
pair("md_mean_square_missing_n", lambda n, j, xs: M.diff(lambda t: sum(((t if i == j else xs[i - 1]) ** 2 for i in range(1, n + 1)), mpf(0)) / n, xs[j - 1]),
     lambda n, j, xs: 2 * xs[j - 1] / n, lambda n, j, xs: 2 * xs[j - 1], pts)
sig = lambda t: 1 / (1 + exp(-t))
bce = lambda y, z: -y * ln(sig(z)) - (1 - y) * ln(1 - sig(z))
pts = [(w, x, y) for w in SM[2:12:3] for x in SM[3:13:3] for y in (mpf(0), mpf("0.3"), mpf(1))]
pair("md_two_derivations_bce", lambda w, x, y: M.diff(lambda t: bce(y, t * x), w), lambda w, x, y: (sig(w * x) - y) * x,
     lambda w, x, y: (y - sig(w * x)) * x, pts)
pair("md_definition_after_use_cube", lambda x: M.diff(lambda t: (t ** 3 + 1) ** 2, x), lambda x: 6 * x * x * (x ** 3 + 1), lambda x: 6 * x * x * (x ** 3 - 1), [(x,) for x in SM])
pair("md_hyperbola_floor", lambda x, y: fl(1 / (x * y)), lambda x, y: fl(1 / (x * y)) ** 3, lambda x, y: 0, XY)
def smx(zs): s = sum(exp(z) for z in zs); return [exp(z) / s for z in zs]
def ce_grad(n, j, zs, ys):
    return M.diff(lambda t: -sum(ys[i] * ln(smx([t if k == j - 1 else zs[k] for k in range(n)])[i]) for i in range(n)), zs[j - 1])
pts = []
for n in range(1, 6):
    for j in range(1, n + 1):
        zs = [rq() for _ in range(n)]; ys = [mpf(RNG.randint(0, 5)) for _ in range(n)]
        s = sum(ys); ys = [mpf(1) / n] * n if s == 0 else [v / s for v in ys]
        pts.append((n, j, zs, ys))
pts.append((2, 2, [mpf(1), mpf(0)], [mpf(1), mpf(0)]))
pair("md_softmax_index_swap", ce_grad, lambda n, j, zs, ys: smx(zs)[j - 1] - ys[j - 1], lambda n, j, zs, ys: smx(zs)[j - 1] - ys[0], pts)
def cdiv(a, b): return -((-a) // b)
pts = [(n, m, k) for n in range(1, 40) for m in range(1, 8) for k in range(1, 8)] + [(901, 30, 30), (900, 30, 30), (1802, 31, 58)]
pair("md_floor_two_sizes", lambda n, m, k: cdiv(cdiv(n, m), k), lambda n, m, k: cdiv(n, m * k),
     lambda n, m, k: cdiv(n - (m // 30) * (k // 30), m * k), pts)
L3 = ln(3)
pts = [(x,) for x in SM if x >= 0 and exp(x) <= 3] + [(L2,), (L3,), (L3 - mpf(10) ** -12,), (L2 - mpf(10) ** -12,)]
pair("md_exp_window_floor", lambda x: fl(exp(x)), lambda x: 1 + fl(x / L2) + fl(exp(x) / 3), lambda x: 1 + fl(x / L2), pts)
pair("md_variance_factor", lambda a, b: ((a - (a + b) / 2) ** 2 + (b - (a + b) / 2) ** 2) / 2, lambda a, b: (a - b) ** 2 / 4, lambda a, b: (a - b) ** 2 / 2, AB)
pts = [(d, r) for d in SM if d > 0 for r in SM if abs(r) <= d] + [(mpf(2), mpf(2)), (mpf(2), mpf(-2)), (mpf("0.4"), mpf("0.4"))]
pair("md_huber_closed_end", lambda d, r: fl(abs(r) / d), lambda d, r: fl(abs(r) / d) ** 2, lambda d, r: 0, pts)
def fsq(n):   # floor(n + 1/2 - 1/(8n) + n/10^8) by Fractions
    return math.floor(Fr(n) + Fr(1, 2) - Fr(1, 8 * n) + Fr(n, 10 ** 8))
pair("md_sqrt_floor_far", lambda n: math.isqrt(n * n + n), lambda n: n, fsq, [(n,) for n in list(range(1, 300)) + [10 ** 6 + 3, 5 * 10 ** 7 + 1, 10 ** 9 + 7]])
del PAIRS["md_otherwise_unit_disc_first_row"]
EXTRA = [("md_otherwise_unit_disc row 1", lambda x: fl(min(x * x, 1)), lambda x: 0, [(x,) for x in SM if x * x < 1] + [(1 - mpf(10) ** -12,)]),
         ("md_exp_window_floor: x >= 0 gives floor(e^x) >= 1", lambda x: 1, lambda x: min(1, fl(exp(x))), [(mpf(0),), (mpf("0.4"),)])]

def show(p):
    return "(" + ", ".join(M.nstr(v, 12) if isinstance(v, M.mpf) else (("vec/mat %dx%d" % (v.rows, v.cols)) if isinstance(v, M.matrix) else (str(v) if not isinstance(v, list) else "list[%d]" % len(v))) for v in p) + ")"

def main():
    classes = json.load(open(os.path.join(HERE, "classes.json")))
    problems = []
    for name in classes:
        if name not in PAIRS:
            problems.append("%s: not checked" % name); continue
        ent = PAIRS[name]
        if ent[0] == "M":
            _, lhs, t, f, pts = ent; e = meq
        else:
            lhs, t, f, pts = ent; e = eq
        if not pts:
            problems.append("%s: no points" % name); continue
        bt = [p for p in pts if not e(lhs(*p), t(*p))]
        if bt:
            problems.append("%s: TRUE step fails at %s" % (name, show(bt[0])))
        bf = [p for p in pts if not e(lhs(*p), f(*p))]
        if not bf:
            problems.append("%s: FALSE step holds at every point" % name)
        elif os.environ.get("SHOW"):
            print("%-34s false at %d/%d points, e.g. %s" % (name, len(bf), len(pts), show(bf[0])))
    for name, l, r, pts in EXTRA:
        if any(not eq(l(*p), r(*p)) for p in pts):
            problems.append("%s: other row fails" % name)
    for name in PAIRS:
        if name not in classes:
            problems.append("%s: checked but not generated" % name)
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
