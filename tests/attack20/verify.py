#!/usr/bin/env python3
"""Check every attack-20 pair independently of derive-ce: mpmath at 100 digits, sums and
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

PAIRS = {}
def pair(name, lhs, tr, fa, pts):
    PAIRS[name] = (lhs, tr, fa, pts)
P1 = lambda xs: [(x,) for x in xs]
P2 = lambda xs, ys: [(x, y) for x in xs for y in ys]

# N
pair("constant_letter_power_derivative", lambda a, x: D(lambda t: a ** t, x), lambda a, x: a ** x * ln(a), lambda a, x: x * a ** (x - 1),
     P2([mpf("0.3"), mpf(2), mpf("7.5")], MID))
def _xs3(s):
    r = random.Random(s); return [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(3)]
XS3 = [_xs3(s) for s in range(5)]
pair("subscript_scalars_vs_sum", lambda s: S(lambda k: XS3[s][k - 1], 1, 3) - XS3[s][1], lambda s: XS3[s][0] + XS3[s][2],
     lambda s: XS3[s][0] + XS3[s][1], P1(range(5)))
pair("letter_before_bracket_product", lambda x, y: y * (x + 1) ** 2 - y * (x - 1) ** 2, lambda x, y: 4 * x * y, lambda x, y: 4 * x, P2(MID, MID))
pair("prime_at_shifted_point", lambda x: D(lambda t: t ** 3 - t, x + 1), lambda x: 3 * (x + 1) ** 2 - 1, lambda x: 3 * x ** 2 - 1, P1(MID))
pair("ln_unbraced_digit_letter", lambda x: exp(ln(3 * x)), lambda x: 3 * x, lambda x: mpf(3) ** x, P1([v for v in RPOS if v < 1e6]))
pair("log_base_unbraced_argument", lambda x: M.log(8 * x, 2), lambda x: 3 + M.log(x, 2), lambda x: 3 * x, P1(RPOS))
# G
pair("integer_cos_pi_n_squared", lambda n: cos(pi * n * n), lambda n: (-1) ** n, lambda n: 1, P1(I))
pair("nonnegative_sign_square", lambda x: sgn(x) ** 2, lambda x: sgn(x), lambda x: 1, P1([v for v in R if v >= 0]))
pair("floor_reciprocal_closed_one", lambda x: floor(1 / x), lambda x: 1 - sgn(x - 1), lambda x: 0,
     P1([mpf(1), 1 + E9, mpf("1.7"), mpf(2), mpf("12.5"), mpf("1e8")]))
pair("floor_tiny_offset_ratio", lambda x: floor((x + mpf(10) ** -7) / x), lambda x: 1 + floor(mpf(10) ** -7 / x), lambda x: 1, P1(RPOS + [mpf("3e-8")]))
pw_far = lambda x: 0 if x < 10 ** 7 else 1
pair("floor_saturating_ratio_far", lambda x: floor(2 * x / (x + mpf(10) ** 7)), pw_far, lambda x: 0,
     P1(RPOS + [mpf(10) ** 7 - E9, mpf(10) ** 7, mpf(10) ** 7 + E9, mpf("1e20")]))
# S
pair("binomial_squares_sum", lambda n: S(lambda k: binomial(n, k) ** 2, 0, n), lambda n: binomial(2 * n, n),
     lambda n: binomial(2 * n, n - 1) if n >= 1 else mpf(0), P1(NN))
pair("dependent_upper_double_i", lambda n: S(lambda i: S(lambda j: 1, i, 2 * i), 1, n), lambda n: mpf(n * (n + 3)) / 2,
     lambda n: mpf(n * (n + 1)) / 2, P1(NN))
DT = [(n, i, k) for n in range(1, 6) for i in range(1, n + 1) for k in range(1, n + 1)]
pair("delta_chain_truncated_range", lambda n, i, k: S(lambda j: ind(i == j) * ind(j == k), 1, n - 1),
     lambda n, i, k: ind(i == k) - ind(i == n) * ind(k == n), lambda n, i, k: ind(i == k), DT)
IJ = [(n, j) for n in range(1, 8) for j in range(1, n + 1)]
pair("indicator_shifted_index_count", lambda n, j: S(lambda k: ind(k == j + 1), 1, n), lambda n, j: 1 - ind(j == n), lambda n, j: 1, IJ)
XC = [v for v in MID if sin(v) != 0 and abs(v) >= 1e-7] + [mpf("0.3")]
pair("cos_doubling_product", lambda n, x: Pr(lambda k: cos(mpf(2) ** k * x), 0, n - 1),
     lambda n, x: sin(mpf(2) ** n * x) / (mpf(2) ** n * sin(x)), lambda n, x: sin(mpf(2) ** n * x) / (mpf(2) ** (n + 1) * sin(x)),
     P2(range(0, 12), XC))
# D
pair("third_mixed_partial", lambda x, y: M.diff(lambda a, b: a ** 3 * b ** 2, (x, y), (2, 1)), lambda x, y: 12 * x * y,
     lambda x, y: 12 * x * x * y, P2(MID[::3], MID[::3]))
pair("abs_times_sin_derivative", lambda x: D(lambda t: fabs(t) * sin(t), x), lambda x: sgn(x) * sin(x) + fabs(x) * cos(x),
     lambda x: fabs(sin(x)) + fabs(x) * cos(x), P1([v for v in MID if abs(v) > 1e-6]))
pair("second_derivative_defined_names", lambda x: D(lambda t: exp(t * t), x, 2), lambda x: (2 + 4 * x * x) * exp(x * x),
     lambda x: (2 + 2 * x * x) * exp(x * x), P1([v for v in MID if abs(v) < 10]))
def hess(n, i, j, s):
    r = random.Random(s); x = [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)]
    def f(a, b):
        xx = list(x); xx[i] = a
        if i != j: xx[j] = b
        else: xx[i] = a + b - x[i]
        return sum(v ** 3 for v in xx)
    h = M.diff(f, (x[i], x[j]), (1, 1))
    return h, 6 * x[i] * ind(i == j), 6 * x[i]
HS = [hess(n, i, j, 7 * n + i + 3 * j) for n in (1, 2, 3) for i in range(n) for j in range(n)]
pair("hessian_family_delta", lambda k: HS[k][0], lambda k: HS[k][1], lambda k: HS[k][2], P1(range(len(HS))))
pwj = lambda t: t * t if t < 1 else 2 * t - 1
def pwj_d(x):   # at the join: continuous, and the one-sided slopes of both rows agree there
    if x != 1: return D(pwj, x)
    l, r = D(lambda t: t * t, x), D(lambda t: 2 * t - 1, x)
    assert close(1 * 1, 2 * 1 - 1) and close(l, r)
    return l
pair("piecewise_join_derivative", pwj_d,
     lambda x: 2 * min(x, 1), lambda x: 2 * x, P1([v for v in MID if abs(v - 1) > 1e-6] + [mpf(1)]))
pair("tenth_derivative_sin", lambda x: D(lambda t: sin(2 * t), x, 10), lambda x: -1024 * sin(2 * x), lambda x: 1024 * sin(2 * x), P1(MID))
pair("smooth_abs_near_kink", lambda x: D(lambda t: sqrt(t * t + mpf(10) ** -12), x), lambda x: x / sqrt(x * x + mpf(10) ** -12),
     lambda x: sgn(x), P1(MID))
# F
pair("binomial_negative_half_top", lambda: binomial(mpf(-1) / 2, 3), lambda: mpf(-5) / 16, lambda: mpf(5) / 16, [()])
pair("arcsin_cos_second_half", lambda x: asin(cos(x)), lambda x: x - 3 * pi / 2, lambda x: pi / 2 - x,
     P1([pi + E9, mpf(4), mpf(5), mpf("6.2"), 2 * pi - E9, 3 * pi / 2]))
pair("gamma_reflection_negative", lambda x: gamma(x) * gamma(1 - x), lambda x: pi / sin(pi * x), lambda x: pi / fabs(sin(pi * x)),
     P1([-1 + E9, mpf("-0.9"), mpf("-0.5"), mpf("-0.3"), -E9]))
pair("cos_tiny_half_angle", lambda: cos(mpf(10) ** -9), lambda: 1 - 2 * sin(5 * mpf(10) ** -10) ** 2, lambda: 1 - 5 * mpf(10) ** -19, [()])
pair("floor_quadratic_ratio_small_n", lambda n: floor(mpf(n * n + 1) / (n + 1)), lambda n: n - 1 + floor(mpf(2) / (n + 1)),
     lambda n: n - 1, P1(NN + [99, 100, 1000]))
pair("log_abs_derivative", lambda x: D(lambda t: ln(fabs(t)), x), lambda x: 1 / x, lambda x: 1 / fabs(x), P1([v for v in MID if abs(v) > 1e-6]))
pair("gamma_half_integer_symbolic", lambda n: gamma(n + mpf(1) / 2), lambda n: factorial(2 * n) * sqrt(pi) / (mpf(4) ** n * factorial(n)),
     lambda n: factorial(2 * n) * sqrt(pi) / (mpf(2) ** n * factorial(n)), P1(NN))
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
SZ = [1, 2, 3, 4, 2, 3]
def lse(k):
    r = random.Random(100 + k); x = rv(r, SZ[k]); Z = sum(exp(v) for v in x)
    return grad(lambda xx: ln(sum(exp(v) for v in xx)), x), [exp(v) / Z for v in x], [exp(v) for v in x]
pair("logsumexp_gradient_vector", lambda k: lse(k)[0], lambda k: lse(k)[1], lambda k: lse(k)[2], P1(range(6)))
def trab(k):
    r = random.Random(200 + k); n = SZ[k]; A = rm(r, n, n); B = rm(r, n, n)
    return tr(mm(T(A), B)), sum(A[i][j] * B[i][j] for i in range(n) for j in range(n)), sum(A[i][j] * B[j][i] for i in range(n) for j in range(n))
pair("trace_transpose_product_elements", lambda k: trab(k)[0], lambda k: trab(k)[1], lambda k: trab(k)[2], P1(range(6)))
def frob(k):
    r = random.Random(300 + k); n, m = [(1, 1), (2, 3), (3, 2), (2, 2), (4, 1)][k]; A = rm(r, n, m); B = rm(r, n, m)
    AB = had(A, B)
    return sum(v * v for row in AB for v in row), tr(mm(T(had(A, A)), had(B, B))), tr(mm(T(AB), had(A, A)))
pair("frobenius_hadamard_trace", lambda k: frob(k)[0], lambda k: frob(k)[1], lambda k: frob(k)[2], P1(range(5)))
def ng(k):
    r = random.Random(400 + k); n = SZ[k]; x = rv(r, n); a = rv(r, n)
    if all(p == q for p, q in zip(x, a)): x[0] += 1
    d = [p - q for p, q in zip(x, a)]; nd = nrm(d)
    return grad(lambda xx: nrm([p - q for p, q in zip(xx, a)]), x), [v / nd for v in d], [v / nd ** 2 for v in d]
pair("norm_gradient_unsquared", lambda k: ng(k)[0], lambda k: ng(k)[1], lambda k: ng(k)[2], P1(range(6)))
def sg(k):
    r = random.Random(500 + k); N, d = [(1, 1), (2, 3), (3, 2), (4, 4), (3, 1)][k]; X = rm(r, N, d); w = rv(r, d)
    s = [sig(v) for v in mv(X, w)]
    return (grad(lambda ww: sum(sig(v) for v in mv(X, ww)), w), mv(T(X), [p * (1 - p) for p in s]), mv(T(X), [p * p for p in s]))
pair("sigmoid_sum_gradient", lambda k: sg(k)[0], lambda k: sg(k)[1], lambda k: sg(k)[2], P1(range(5)))
def hq(k):
    r = random.Random(600 + k); n = SZ[k]; x = rv(r, n)
    if all(v == 0 for v in x): x[0] = mpf(1)
    nn = dot(x, x)
    H = hessian(lambda xx: dot(xx, xx) ** 2 / 4, x)
    return ([v for row in H for v in row], [nn * ind(i == j) + 2 * x[i] * x[j] for i in range(n) for j in range(n)],
            [nn * ind(i == j) + x[i] * x[j] for i in range(n) for j in range(n)])
pair("hessian_quartic_norm", lambda k: hq(k)[0], lambda k: hq(k)[1], lambda k: hq(k)[2], P1(range(6)))
def ds(k):
    r = random.Random(700 + k); n = SZ[k]; A = rm(r, n, n)
    return det([[2 * v for v in row] for row in A]), mpf(2) ** n * det(A), 2 * det(A)
pair("det_scaled_size", lambda k: ds(k)[0], lambda k: ds(k)[1], lambda k: ds(k)[2], P1(range(6)))
def itp(k):
    r = random.Random(800 + k); n = SZ[k]
    while True:
        A = rm(r, n, n); B = rm(r, n, n)
        if det(A) != 0 and det(B) != 0: break
    fl = lambda X: [v for row in X for v in row]
    return fl(T(inv(mm(A, B)))), fl(mm(T(inv(A)), T(inv(B)))), fl(mm(T(inv(B)), T(inv(A))))
pair("inverse_transpose_product_order", lambda k: itp(k)[0], lambda k: itp(k)[1], lambda k: itp(k)[2], P1(range(6)))
def kmp(k):
    r = random.Random(900 + k); n, m = [(1, 1), (2, 3), (3, 2), (2, 2), (1, 3)][k]
    A, C, B, Dm = rm(r, n, n), rm(r, n, n), rm(r, m, m), rm(r, m, m)
    fl = lambda X: [v for row in X for v in row]
    return fl(mm(kron(A, B), kron(C, Dm))), fl(kron(mm(A, C), mm(B, Dm))), fl(kron(mm(C, A), mm(B, Dm)))
pair("kron_mixed_product_order", lambda k: kmp(k)[0], lambda k: kmp(k)[1], lambda k: kmp(k)[2], P1(range(5)))
def dbh(k):
    r = random.Random(1000 + k); n = SZ[k]; x, y, z = rv(r, n), rv(r, n), rv(r, n)
    return sum(x[i] * y[i] * z[i] for i in range(n)), sum(x[i] * y[i] * z[i] for i in range(n)), dot(x, y) * sum(z)
DBH = [dbh(k) for k in range(6)]
pair("diag_bilinear_hadamard", lambda k: DBH[k][0], lambda k: DBH[k][1], lambda k: DBH[k][2], P1(range(6)))
# M (notes)
def aff(w, x, b):
    z = w * x + b
    return D(lambda t: sig(t * x + b), w), sig(z) * (1 - sig(z)) * x, sig(z) * (1 - sig(z)) * w
pair("md_where_affine_sigmoid", lambda w, x, b: aff(w, x, b)[0], lambda w, x, b: aff(w, x, b)[1], lambda w, x, b: aff(w, x, b)[2],
     [(w, x, b) for w in MID[::4] for x in MID[::5] for b in (mpf(-1), mpf("0.5"))])
pair("md_align_logcosh", lambda x: D(lambda t: ln(cosh(t)), x), lambda x: 1 - 2 / (exp(2 * x) + 1), lambda x: 1 - 2 / (exp(2 * x) - 1),
     P1([v for v in MID if v != 0]))
pair("md_otherwise_relu_boundary", lambda x: (x + fabs(x)) / 2, lambda x: 0, lambda x: 1 + sgn(x), P1([v for v in R if v <= 0]))
pair("md_positive_power_swap", lambda x: x ** ln(2), lambda x: mpf(2) ** ln(x), lambda x: mpf(2) ** M.log(x, 2), P1(RPOS))
pair("md_floor_half_sum", lambda n: S(lambda k: floor(mpf(k) / 2), 1, n), lambda n: floor(mpf(n * n) / 4), lambda n: ceil(mpf(n * n) / 4), P1(NPOS))
pair("md_math_fence_gamma_thirds", lambda: gamma(mpf(1) / 3) * gamma(mpf(2) / 3), lambda: 2 * pi / sqrt(3), lambda: pi / sqrt(3), [()])
pair("md_softplus_second_derivative", lambda x: D(lambda t: ln(1 + exp(t)), x, 2), lambda x: sig(x) * (1 - sig(x)),
     lambda x: sig(x) * (1 - sig(-x)), P1(MID))
pair("md_prime_after_bracket", lambda x: D(lambda t: t / (t * t + 1), x), lambda x: (1 - x * x) / (x * x + 1) ** 2,
     lambda x: (x * x - 1) / (x * x + 1) ** 2, P1(MID))
pair("md_function_named_alone", lambda t: D(lambda u: u * exp(-u), t), lambda t: exp(-t) - t * exp(-t), lambda t: exp(-t) + t * exp(-t), P1(MID))
pair("md_interval_floor_case", lambda x: floor(x) + floor(-x), lambda x: -ceil(x), lambda x: -1,
     P1([mpf(0), E9, mpf("0.3"), mpf("0.5"), mpf("0.9"), 1 - E9]))
pair("md_telescoping_product", lambda n: Pr(lambda k: 1 - mpf(1) / (k * k), 2, n), lambda n: mpf(n + 1) / (2 * n),
     lambda n: mpf(n + 2) / (2 * n + 2), P1(NPOS))
pair("md_gaussian_log_density_mean", lambda x, mu, s: D(lambda m: ln(exp(-(x - m) ** 2 / (2 * s * s)) / (s * sqrt(2 * pi))), mu),
     lambda x, mu, s: (x - mu) / s ** 2, lambda x, mu, s: (mu - x) / s ** 2,
     [(x, mu, s) for x in MID[::5] for mu in (mpf(-1), mpf("0.5"), mpf(3)) for s in (mpf("0.5"), mpf(2))])
pair("md_bracket_display_huge_difference", lambda: ((mpf(10) ** 20 + 1) ** 2 - (mpf(10) ** 20 - 1) ** 2) / 4, lambda: mpf(10) ** 20,
     lambda: mpf(10) ** 20 + 1, [()])
pair("md_positive_sqrt_log_derivative", lambda x: D(lambda t: sqrt(t) * ln(t), x), lambda x: (ln(x) + 2) / (2 * sqrt(x)),
     lambda x: (ln(x) + 1) / (2 * sqrt(x)), P1([v for v in RPOS if 1e-6 < v < 1e6]))
pair("md_step_function_cases", lambda x: 1 if x > 0 else 0, lambda x: max(sgn(x), 0), lambda x: (1 + sgn(x)) / 2, P1(R))
def ent(n, s):
    r = random.Random(1100 + 10 * n + s); z = rv(r, n); Z = sum(exp(v) for v in z); p = [exp(v) / Z for v in z]
    return sum(q * ln(q) for q in p), sum(q * v for q, v in zip(p, z)) - ln(Z), sum(q * v for q, v in zip(p, z)) - ln(Z) / n
EN = [ent(n, s) for n in (1, 2, 3, 5) for s in range(2)]
pair("md_let_family_entropy", lambda k: EN[k][0], lambda k: EN[k][1], lambda k: EN[k][2], P1(range(len(EN))))
pair("md_blockquote_binomial_moment", lambda n: S(lambda k: binomial(n, k) * k * k, 0, n), lambda n: n * (n + 1) * mpf(2) ** (n - 2),
     lambda n: n * n * mpf(2) ** (n - 1), P1(NPOS))
pair("md_aligned_log_ratio", lambda x: D(lambda t: ln((1 + t) / (1 - t)), x), lambda x: 2 / (1 - x * x), lambda x: 2 / (1 + x * x),
     P1([v for v in R if -1 < v < 1] + [-1 + mpf("1e-3"), 1 - mpf("1e-3")]))
pair("md_otherwise_after_two_cases", lambda x: sgn(x) ** 2, lambda x: 0, lambda x: 1, P1([mpf(0)]))
def ridge(w, x, b, y, lam):
    L = lambda ww: (ww * x + b - y) ** 2 / 2 + lam / 2 * ww * ww
    yh = w * x + b
    return D(L, w), (yh - y) * x + lam * w, (yh - y) * x + lam / 2 * w
RD = [ridge(w, x, b, y, lam) for w in MID[::5] for x in (mpf(-2), mpf("0.7")) for b in (mpf(0), mpf(1)) for y in (mpf(-1), mpf(3)) for lam in (mpf("0.5"), mpf(2))]
pair("md_where_two_definitions_ridge", lambda k: RD[k][0], lambda k: RD[k][1], lambda k: RD[k][2], P1(range(len(RD))))

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
        if all(eq(lhs(*p), fa(*p)) for p in pts):
            problems.append("%s: FALSE step holds at every point" % name)
    for name in PAIRS:
        if name not in classes:
            problems.append("%s: checked but not generated" % name)
    # the middle row of md_let_family_entropy (sum p ln p = sum p (z - ln sum e^z)), which derive-ce failed
    # at z = (0, 1, 323.4): the sides cancel ~140 digits, so check there at 600 digits
    M.mp.dps = 600
    for z in ([mpf(0), mpf(1), mpf("323.4")], [mpf(-5), mpf(2), mpf(700)], [mpf("0.5")]):
        Z = sum(exp(v) for v in z); p = [exp(v) / Z for v in z]
        a = sum(q * ln(q) for q in p); b = sum(q * (v - ln(Z)) for q, v in zip(p, z))
        if abs(a - b) > mpf(10) ** -500 * max(1, abs(a)):
            problems.append("md_let_family_entropy: middle row fails at %s" % z)
    M.mp.dps = 100
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
