#!/usr/bin/env python3
"""Check every attack-21 pair independently of derive-ce: mpmath at 100 digits, sums and
products as loops (empty ranges 0 / 1), derivatives by mpmath.diff, matrices as nested lists
of random rationals (sizes 1-4, gradients and Hessians by mpmath.diff entry by entry).
For each pair: the true step (LHS = TRUE) at every point of its stated domain (negative,
tiny, far, boundary and integer points), and the false step (LHS = FALSE) unequal at one
point at least of the same domain. Prints `verified N pairs; problems: K`."""
import json, os, random
import mpmath as M
from mpmath import mpf, pi, sqrt, ln, exp, sin, cos, tan, tanh, cosh, asin, floor, ceil, binomial, factorial, fabs, gamma, erf
M.mp.dps = 100
HERE = os.path.dirname(os.path.abspath(__file__))
R = [mpf(v) for v in ("-1e8", "-1e6", "-1000", "-7.3", "-4", "-1.5", "-1", "-0.9", "-0.5", "-0.3", "-1e-7", "-1e-9", "0",
                      "1e-9", "1e-7", "0.4", "0.5", "0.8", "1", "1.7", "2", "3.1", "4", "12.5", "1e5", "1e6", "1e8")]
RNZ = [v for v in R if v != 0]
RPOS = [v for v in R if v > 0]
MID = [v for v in R if abs(v) <= 40]
I = list(range(-16, 31)) + [99, 100, 101, 961, 1000]
NN = [n for n in I if 0 <= n <= 60]
NPOS = [n for n in NN if n >= 1]
E9 = mpf("1e-9")
sgn = lambda v: M.sign(v)
sig = lambda t: 1 / (1 + exp(-t))
D = lambda f, x, n=1: M.diff(f, x, n)
S = lambda f, lo, hi: sum((f(k) for k in range(lo, hi + 1)), mpf(0))
Pr = lambda f, lo, hi: M.fprod([f(k) for k in range(lo, hi + 1)]) if hi >= lo else mpf(1)
ind = lambda c: 1 if c else 0
def close(a, b):
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= mpf(10) ** -90 * max(1, abs(a), abs(b))


# V (nested lists)
def rv(r, n): return [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)]
def rm(r, a, b): return [rv(r, b) for _ in range(a)]
T = lambda A: [list(row) for row in zip(*A)]
mm = lambda A, B: [[sum(A[i][k] * B[k][j] for k in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]
mv = lambda A, x: [sum(A[i][j] * x[j] for j in range(len(x))) for i in range(len(A))]
dot = lambda a, b: sum(p * q for p, q in zip(a, b))
nrm = lambda a: sqrt(dot(a, a))
tr = lambda A: sum(A[i][i] for i in range(len(A)))
had = lambda A, B: [[a * b for a, b in zip(r, s)] for r, s in zip(A, B)]
inv = lambda A: [list(row) for row in M.inverse(M.matrix(A)).tolist()]
det = lambda A: M.det(M.matrix(A))
def kron(A, B):
    n, m = len(A), len(B)
    return [[A[i // m][j // m] * B[i % m][j % m] for j in range(n * m)] for i in range(n * m)]
def grad(f, x):
    out = []
    for i in range(len(x)):
        def h(t, i=i):
            xx = list(x); xx[i] = t; return f(xx)
        out.append(D(h, x[i]))
    return out
def hessian(f, x):
    n = len(x); H = []
    for i in range(n):
        row = []
        for j in range(n):
            def h(a, b, i=i, j=j):
                xx = list(x); xx[i] = xx[i] + a; xx[j] = xx[j] + b; return f(xx)
            row.append(M.diff(h, (0, 0), (1, 1)))
        H.append(row)
    return H

PAIRS = {}
EXTRA = []   # (name, lhs, rhs, pts): middle rows of the true twins, must hold
def pair(name, lhs, tr, fa, pts):
    PAIRS[name] = (lhs, tr, fa, pts)
def extra(name, lhs, rhs, pts):
    EXTRA.append((name, lhs, rhs, pts))
P1 = lambda xs: [(x,) for x in xs]
P2 = lambda xs, ys: [(x, y) for x in xs for y in ys]
P3 = lambda xs, ys, zs: [(x, y, z) for x in xs for y in ys for z in zs]
SM = [mpf(v) for v in ("-7.3", "-1.5", "-0.5", "-1e-7", "0", "1e-9", "0.4", "1", "3.1", "12.5")]
POS = [mpf(v) for v in ("1e-9", "1e-7", "0.3", "0.5", "1", "1.7", "4", "12.5", "1e3")]
U01 = [mpf(v) for v in ("1e-9", "1e-4", "0.1", "0.3", "0.5", "0.77", "0.99", "0.999999999")]
ND = list(range(0, 9))   # derivative orders checked by mpmath.diff
Phi = lambda t: (1 + erf(t / sqrt(2))) / 2

# L machine-learning gradients
pair("logistic_pm_label_gradient", lambda w, x, y: D(lambda u: ln(1 + exp(-y * u * x)), w),
     lambda w, x, y: -y * x / (1 + exp(y * w * x)), lambda w, x, y: -y * x / (1 + exp(-y * w * x)),
     P3(SM[::2], SM[1::2], [mpf(-1), mpf(1), mpf("0.3"), mpf(0)]))
pair("kl_gaussian_mean_gradient",
     lambda a, b, s, t: D(lambda u: ln(t / s) + (s * s + (u - b) ** 2) / (2 * t * t) - mpf(1) / 2, a),
     lambda a, b, s, t: (a - b) / t ** 2, lambda a, b, s, t: (a - b) / (2 * t ** 2),
     [(a, b, s, t) for a in SM[::3] for b in (mpf(-1), mpf(2)) for s in POS[::3] for t in POS[1::3]])
pair("kl_bernoulli_derivative", lambda p, q: D(lambda u: u * ln(u / q) + (1 - u) * ln((1 - u) / (1 - q)), p),
     lambda p, q: ln(p / q) - ln((1 - p) / (1 - q)), lambda p, q: ln(p / q) + ln((1 - p) / (1 - q)),
     P2(U01[1:-1], U01))
pair("silu_second_derivative", lambda x: D(lambda t: t * sig(t), x, 2),
     lambda x: sig(x) * (1 - sig(x)) * (2 + x * (1 - 2 * sig(x))), lambda x: sig(x) * (1 - sig(x)) * (2 - x * (1 - 2 * sig(x))),
     P1(MID))
pair("gelu_erf_second_derivative", lambda x: D(lambda t: t * Phi(t), x, 2),
     lambda x: (2 - x * x) * exp(-x * x / 2) / sqrt(2 * pi), lambda x: (2 - x * x) * exp(-x * x / 2) / sqrt(pi), P1(MID))
# C case splits
stair = lambda x: 0 if x < 1 else (1 if x < 2 else 2)
XS0 = [mpf(0), E9, mpf("0.5"), 1 - E9, mpf(1), 1 + E9, mpf("1.7"), 2 - E9, mpf(2), 2 + E9, mpf(3), mpf("12.5"), mpf("1e8")]
pair("cases_floor_staircase_closed", stair, lambda x: min(floor(x), 2), lambda x: min(ceil(x - 1), 2), P1(XS0))
clamp = lambda x: -1 if x <= -1 else (1 if x >= 1 else x)
XC = R + [mpf(-1) - E9, mpf(-1) + E9, 1 - E9, 1 + E9]
pair("cases_otherwise_clamp", clamp, lambda x: (fabs(x + 1) - fabs(x - 1)) / 2, lambda x: (x + 1 - fabs(x - 1)) / 2, P1(XC))
jump = lambda x: x + 1 if x <= 0 else x * x
pair("cases_jump_closed_end", jump, lambda x: x * x if x > 0 else x + 1, lambda x: x + 1 if x < 0 else x * x, P1(R))
# S sums and products
pair("prod_superfactorial_dependent", lambda n: Pr(lambda k: Pr(lambda j: mpf(j), 1, k), 1, n),
     lambda n: Pr(lambda k: mpf(k) ** (n + 1 - k), 1, n), lambda n: Pr(lambda k: mpf(k) ** (n - k), 1, n), P1(NN))
DT = [(n, i, k) for n in range(1, 7) for i in range(1, n + 1) for k in range(1, n + 1)]
pair("sum_delta_dependent_upper", lambda n, i, k: S(lambda j: ind(j == k), 1, i),
     lambda n, i, k: ind(k <= i), lambda n, i, k: ind(k < i), DT)
pair("sum_alternating_squares_2n", lambda n: S(lambda k: (-1) ** k * k * k, 1, 2 * n), lambda n: mpf(n * (2 * n + 1)),
     lambda n: mpf(n * (2 * n - 1)), P1(NN))
# D derivatives
XD = [v for v in MID if abs(v - 1) > 0.05 and abs(v) < 10]
pair("dn_reciprocal_one_minus_x", lambda n, x: D(lambda t: 1 / (1 - t), x, n), lambda n, x: factorial(n) / (1 - x) ** (n + 1),
     lambda n, x: factorial(n) / (1 - x) ** n, P2(ND, XD))
pair("dn_sin_scaled_shift", lambda n, a, x: D(lambda t: sin(a * t), x, n), lambda n, a, x: a ** n * sin(a * x + n * pi / 2),
     lambda n, a, x: a ** n * sin(a * x - n * pi / 2), P3(ND, [mpf(-2), mpf("0.5"), mpf(3)], SM))
pair("dn_x_squared_exp", lambda n, x: D(lambda t: t * t * exp(t), x, n), lambda n, x: (x * x + 2 * n * x + n * (n - 1)) * exp(x),
     lambda n, x: (x * x + 2 * n * x + n * (n + 1)) * exp(x), P2(ND, SM))
pair("mixed_partial_gaussian_ratio", lambda x, y: M.diff(lambda a, b: exp(-a * a * b), (x, y), (1, 1)),
     lambda x, y: (2 * x ** 3 * y - 2 * x) * exp(-x * x * y), lambda x, y: (2 * x ** 3 * y + 2 * x) * exp(-x * x * y), P2(SM, SM))
XY = [p for p in P2(SM, SM) if p[0] != 0 or p[1] != 0]
pair("laplacian_log_radius", lambda x, y: D(lambda t: ln(t * t + y * y), x, 2) + D(lambda t: ln(x * x + t * t), y, 2),
     lambda x, y: 0, lambda x, y: 4 * (y * y - x * x) / (x * x + y * y) ** 2, XY)
def kink_d(x):   # at 0 both pieces (x^3 and 0) have slope 0 and meet
    if x == 0:
        assert close(D(lambda t: t ** 3, x), 0); return mpf(0)
    return D(lambda t: max(t ** 3, 0), x)
pair("kink_cubic_relu_derivative", kink_d, lambda x: 3 * max(x, 0) ** 2, lambda x: 3 * x * x, P1(MID))
# F special functions, tiny differences
T15 = mpf(10) ** -15
pair("tan_near_quarter_pi", lambda: tan(pi / 4 + T15), lambda: (1 + tan(T15)) / (1 - tan(T15)), lambda: 1 + 2 * T15, [()])
pair("log_huge_two_exponentials", lambda: ln(exp(30) + exp(-30)), lambda: 30 + ln(1 + exp(-60)), lambda: mpf(30), [()])
T20 = mpf(10) ** -20
pair("gamma_tiny_argument", lambda: gamma(T20), lambda: gamma(1 + T20) / T20, lambda: 1 / T20, [()])
pair("arctan_far_argument", lambda: M.atan(1 / T20), lambda: pi / 2 - M.atan(T20), lambda: pi / 2, [()])
G9 = mpf(10) ** 9
pair("rational_tiny_difference", lambda: 1 / (G9 - 1) - 1 / G9, lambda: 1 / (G9 ** 2 - G9), lambda: 1 / G9 ** 2, [()])
# V vectors and matrices
SZ = [1, 2, 3, 4, 2, 3]
def wls(k):
    r = random.Random(100 + k); m, d = [(1, 1), (2, 3), (3, 2), (4, 4), (3, 1), (2, 2)][k]
    X, Dm, w, y = rm(r, m, d), rm(r, m, m), rv(r, d), rv(r, m)
    res = lambda ww: [p - q for p, q in zip(mv(X, ww), y)]
    f = lambda ww: dot(res(ww), mv(Dm, res(ww))) / 2
    DD = [[Dm[i][j] + Dm[j][i] for j in range(m)] for i in range(m)]
    return grad(f, w), [v / 2 for v in mv(T(X), mv(DD, res(w)))], mv(T(X), mv(Dm, res(w)))
pair("weighted_lsq_nonsymmetric_gradient", lambda k: wls(k)[0], lambda k: wls(k)[1], lambda k: wls(k)[2], P1(range(6)))
def att(k):
    r = random.Random(200 + k); n = SZ[k]; K, q, v = rm(r, n, n), rv(r, n), rv(r, n); tau = mpf(r.randint(1, 9)) / 4
    return grad(lambda qq: dot(v, mv(K, qq)) / tau, q), [e / tau for e in mv(T(K), v)], [e / tau for e in mv(K, v)]
pair("attention_score_transpose", lambda k: att(k)[0], lambda k: att(k)[1], lambda k: att(k)[2], P1(range(6)))
def sce(k):
    r = random.Random(300 + k); n = SZ[k]; z, y = rv(r, n), rv(r, n)
    f = lambda zz: ln(sum(exp(v) for v in zz)) * sum(y) - dot(y, zz)
    Z = sum(exp(v) for v in z); p = [exp(v) / Z for v in z]
    return grad(f, z), [sum(y) * a - b for a, b in zip(p, y)], [a - b for a, b in zip(p, y)]
pair("softmax_ce_unnormalised_targets", lambda k: sce(k)[0], lambda k: sce(k)[1], lambda k: sce(k)[2], P1(range(6)))
def fpt(k):
    r = random.Random(400 + k); n = SZ[k]; A, B = rm(r, n, n), rm(r, n, n)
    AB = mm(A, B)
    return (sum(v * v for row in AB for v in row), tr(mm(mm(T(A), A), mm(B, T(B)))), tr(mm(mm(T(A), A), mm(T(B), B))))
pair("frobenius_product_trace_order", lambda k: fpt(k)[0], lambda k: fpt(k)[1], lambda k: fpt(k)[2], P1(range(6)))
def bil(k):
    r = random.Random(500 + k); n = SZ[k]; x, a, b = rv(r, n), rv(r, n), rv(r, n)
    ax, bx = dot(a, x), dot(b, x)
    return (grad(lambda xx: dot(a, xx) * dot(b, xx), x), [bx * p + ax * q for p, q in zip(a, b)], [ax * p + bx * q for p, q in zip(a, b)])
pair("bilinear_product_gradient", lambda k: bil(k)[0], lambda k: bil(k)[1], lambda k: bil(k)[2], P1(range(6)))
def lseh(k):
    r = random.Random(600 + k); n = SZ[k]; x = rv(r, n); e = [exp(v) for v in x]; Z = sum(e)
    H = hessian(lambda xx: ln(sum(exp(v) for v in xx)), x)
    fl = lambda X: [v for row in X for v in row]
    return (fl(H), [ind(i == j) * e[i] / Z - e[i] * e[j] / Z ** 2 for i in range(n) for j in range(n)],
            [ind(i == j) * e[i] / Z + e[i] * e[j] / Z ** 2 for i in range(n) for j in range(n)])
pair("logsumexp_hessian", lambda k: lseh(k)[0], lambda k: lseh(k)[1], lambda k: lseh(k)[2], P1(range(6)))
# M Markdown notes
WXB = [(w, x, b, y) for w in SM[::3] for x in (mpf(-2), mpf("0.7")) for b in (mpf(0), mpf(1)) for y in (mpf(0), mpf(1), mpf("0.3"))]
def smb(w, x, b, y):
    s = sig(w * x + b)
    return D(lambda u: (sig(w * x + u) - y) ** 2 / 2, b), (s - y) * (s - s * s), (s - y) * (1 - s * s), (s - y) * s * (1 - s)
pair("md_sigmoid_mse_bias", lambda *a: smb(*a)[0], lambda *a: smb(*a)[1], lambda *a: smb(*a)[2], WXB)
extra("md_sigmoid_mse_bias", lambda *a: smb(*a)[0], lambda *a: smb(*a)[3], WXB)
pair("md_kl_gaussian_scale", lambda a, b, s, t: D(lambda u: ln(t / u) + (u * u + (a - b) ** 2) / (2 * t * t) - mpf(1) / 2, s),
     lambda a, b, s, t: -1 / s + s / t ** 2, lambda a, b, s, t: -1 / s + s / (2 * t ** 2),
     [(a, b, s, t) for a in SM[::3] for b in (mpf(-1), mpf(2)) for s in POS for t in POS[1::3]])
pair("md_tanh_sigmoid_gate", lambda x: D(lambda t: tanh(t) * sig(t), x),
     lambda x: (1 - tanh(x) ** 2) * sig(x) + tanh(x) * sig(x) * (1 - sig(x)),
     lambda x: (1 + tanh(x) ** 2) * sig(x) + tanh(x) * sig(x) * (1 - sig(x)), P1(MID))
extra("md_tanh_sigmoid_gate", lambda x: D(lambda t: tanh(t) * sig(t), x),
      lambda x: (1 - tanh(x) ** 2) * sig(x) + tanh(x) * D(sig, x), P1(MID))
XNEG = [v for v in R if v < 0] + [mpf(-1), mpf(-2), mpf(-4), -1 - E9, -1 + E9]
pair("md_otherwise_min_floor", lambda x: min(floor(x), 0), lambda x: floor(x), lambda x: ceil(x) - 1, P1(XNEG))
extra("md_otherwise_min_floor", lambda x: min(floor(x), 0), lambda x: 0, P1([v for v in R if v >= 0]))
pair("md_dn_let_nonnegative", lambda n, x: D(lambda t: t * exp(-t), x, n), lambda n, x: (-1) ** n * (x - n) * exp(-x),
     lambda n, x: (-1) ** n * (x + n) * exp(-x), P2(ND, SM))
pair("md_sum_dependent_triangle", lambda n: S(lambda i: S(lambda j: mpf(j), i, n), 1, n), lambda n: mpf(n * (n + 1) * (2 * n + 1)) / 6,
     lambda n: mpf(n * (n + 1) * (n + 2)) / 6, P1(NPOS))
extra("md_sum_dependent_triangle", lambda n: S(lambda i: S(lambda j: mpf(j), i, n), 1, n), lambda n: S(lambda j: mpf(j * j), 1, n), P1(NPOS))
pair("md_sum_one_over_n_empty", lambda n: S(lambda k: mpf(1) / n, 1, n), lambda n: min(n, 1), lambda n: 1, P1(NN))
pair("md_gamma_duplication", lambda x: gamma(x) * gamma(x + mpf(1) / 2), lambda x: mpf(2) ** (1 - 2 * x) * sqrt(pi) * gamma(2 * x),
     lambda x: mpf(2) ** (1 - x) * sqrt(pi) * gamma(2 * x), P1(POS + [mpf(50), mpf(100)]))
pair("md_pow_near_one", lambda: (1 + mpf(10) ** -10) ** (mpf(10) ** 10), lambda: exp(mpf(10) ** 10 * ln(1 + mpf(10) ** -10)),
     lambda: M.e, [()])
pair("md_align_mixed_partial_log", lambda x, y: M.diff(lambda a, b: ln(a * a + b * b), (x, y), (1, 1)),
     lambda x, y: -4 * x * y / (x * x + y * y) ** 2, lambda x, y: 4 * x * y / (x * x + y * y) ** 2, XY)
extra("md_align_mixed_partial_log", lambda x, y: M.diff(lambda a, b: ln(a * a + b * b), (x, y), (1, 1)),
      lambda x, y: D(lambda a: 2 * y / (a * a + y * y), x), XY)
def ssq_d(x):   # at 1 both pieces +-(x-1)^2 have slope 0
    if x == 1:
        return mpf(0)
    return D(lambda t: (t - 1) * fabs(t - 1), x)
pair("md_cases_signed_square_derivative", ssq_d, lambda x: 2 * (1 - x), lambda x: 2 * (x - 1), P1([v for v in R if v < 1] + [1 - E9]))
extra("md_cases_signed_square_derivative", ssq_d, lambda x: 2 * (x - 1), P1([v for v in R if v >= 1] + [mpf(1), 1 + E9]))
AB = P2(SM, [mpf(-3), mpf(0), mpf("0.4"), mpf(20)])
pair("md_two_class_softmax", lambda a, b: exp(a) / (exp(a) + exp(b)), lambda a, b: 1 / (1 + exp(b - a)), lambda a, b: 1 / (1 + exp(a - b)), AB)
extra("md_two_class_softmax", lambda a, b: exp(a) / (exp(a) + exp(b)), lambda a, b: 1 / (1 + exp(b) * exp(-a)), AB)

def eq(a, b):
    if isinstance(a, list):
        return len(a) == len(b) and all(close(p, q) for p, q in zip(a, b))
    return close(a, b)

def main():
    classes = json.load(open(os.path.join(HERE, "classes.json")))
    problems = []
    for name in sorted(classes):
        if name not in PAIRS:
            problems.append("%s: no check" % name); continue
        ext = [e for e in ("yaml", "md") if os.path.exists(os.path.join(HERE, "%s.true.%s" % (name, e)))]
        if not ext or not os.path.exists(os.path.join(HERE, "%s.false.%s" % (name, ext[0]))):
            problems.append("%s: files missing" % name)
        lhs, tr_, fa, pts = PAIRS[name]
        bad_true = [p for p in pts if not eq(lhs(*p), tr_(*p))]
        if bad_true:
            problems.append("%s: TRUE step fails at %s" % (name, [M.nstr(v, 8) if not isinstance(v, int) else v for v in bad_true[0]]))
        bad_false = [p for p in pts if not eq(lhs(*p), fa(*p))]
        if not bad_false:
            problems.append("%s: FALSE step holds at every point" % name)
        elif os.environ.get("SHOW"):
            print("%-40s false at %d/%d points, e.g. %s" % (name, len(bad_false), len(pts), [M.nstr(v, 6) if not isinstance(v, int) else v for v in bad_false[0]]))
    for name, lhs, rhs, pts in EXTRA:
        bad = [p for p in pts if not eq(lhs(*p), rhs(*p))]
        if bad:
            problems.append("%s: middle/other row fails at %s" % (name, [M.nstr(v, 8) if not isinstance(v, int) else v for v in bad[0]]))
    for name in PAIRS:
        if name not in classes:
            problems.append("%s: checked but not generated" % name)
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
