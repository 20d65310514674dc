#!/usr/bin/env python3
"""Check every attack-23 pair independently of derive-ce: mpmath at 100 digits (200 for the far
sigmoid), sums and products as loops (empty ranges give 0 / 1), derivatives by mpmath.diff (at a
joint by the slopes of both pieces), integer floors by Python integers, matrices as nested lists of
random rationals at sizes 1-8 (1-20 where a size turns at 16), gradients entry by entry.
For each pair the true step (LHS = TRUE) must hold at every point of its stated domain (case
conditions with their closed ends, symbol flags), and the false step (LHS = FALSE) must differ at
one point at least of the same domain. Other rows of the true twins are checked too (EXTRA).
Prints `verified N pairs; problems: K`; SHOW=1 prints where each false step fails."""
import json, math, os, random
import mpmath as M
from mpmath import mpf, pi, sqrt, ln, exp, cos, tanh, floor, ceil, binomial, factorial, fabs
M.mp.dps = 100
HERE = os.path.dirname(os.path.abspath(__file__))
SM = [mpf(v) for v in ("-7.3", "-1.5", "-1", "-0.5", "-1e-7", "0", "1e-9", "0.4", "1", "3.1", "12.5")]
RV = [mpf(v) for v in ("-1e8", "-1000", "-7.3", "-1.5", "-1", "-0.5", "-1e-7", "-1e-9", "0", "1e-9", "1e-7", "0.4", "1", "3.1", "12.5", "1e3", "1e8")]
POS = [mpf(v) for v in ("1e-9", "1e-7", "0.3", "0.5", "1", "1.7", "4", "12.5", "1e3")]
sgn = lambda v: M.sign(v)
D = lambda f, x, n=1: M.diff(f, x, n)
S = lambda f, lo, hi: sum((f(k) for k in range(lo, hi + 1)), mpf(0))
def close(a, b, tol=mpf(10) ** -90):
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))
PAIRS, EXTRA = {}, []
def pair(name, lhs, tr, fa, pts): PAIRS[name] = (lhs, tr, fa, pts)
def extra(name, lhs, rhs, pts): EXTRA.append((name, lhs, rhs, pts))
P1 = lambda xs: [(x,) for x in xs]
C0 = [()]

# vectors / matrices
RNG = random.Random(23)
def rv(n, r=RNG): return [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)]
def rm(a, b, r=RNG): return [rv(b, r) for _ in range(a)]
T = lambda A: [list(row) for row in zip(*A)]
mm = lambda A, B: [[sum((A[i][k] * B[k][j] for k in range(len(B))), mpf(0)) for j in range(len(B[0]))] for i in range(len(A))]
dot = lambda a, b: sum((p * q for p, q in zip(a, b)), mpf(0))
tr = lambda A: sum((A[i][i] for i in range(len(A))), mpf(0))
det = lambda A: M.det(M.matrix(A))
eye = lambda n: [[mpf(int(i == j)) for j in range(n)] for i in range(n)]
outer = lambda a, b: [[p * q for q in b] for p in a]
add = lambda A, B: [[p + q for p, q in zip(r, s)] for r, s in zip(A, B)]
scal = lambda c, A: [[c * p for p in r] for r in A]
def inv(A): return [list(M.inverse(M.matrix(A)).tolist()[i]) for i in range(len(A))] if len(A) > 1 else [[1 / A[0][0]]]
def grad(f, x):
    out = []
    for i in range(len(x)):
        def h(t, i=i):
            xx = list(x); xx[i] = t; return f(xx)
        out.append(D(h, x[i]))
    return out
def mgrad(f, A):
    return [[D(lambda t, i=i, j=j: f([[t if (p, q) == (i, j) else A[p][q] for q in range(len(A[0]))] for p in range(len(A))]), A[i][j])
             for j in range(len(A[0]))] for i in range(len(A))]

# ---------------- A case boundaries
X_LE_Y = [(x, y) for x in SM for y in SM if x <= y]
pair("case_sign_closed_end", lambda x, y: fabs(y - x) + (y - x), lambda x, y: 2 * (y - x), lambda x, y: 2 * (y - x) + 1 - sgn(y - x), X_LE_Y)
extra("case_sign_closed_end", lambda x, y: fabs(y - x) + (y - x), lambda x, y: 0, [(x, y) for x in SM for y in SM if x > y])
ABC = [(a, b, c) for a in SM for b in SM for c in SM if a <= b <= c] + [(mpf(0), mpf(1), 1 + mpf("1e-13"))]
pair("case_chain_sliver", lambda a, b, c: max(a, min(b, c)), lambda a, b, c: b, lambda a, b, c: b + min(0, c - b - mpf(10) ** -12), ABC)
extra("case_chain_sliver", lambda a, b, c: max(a, min(b, c)), lambda a, b, c: max(a, c), [(a, b, c) for a in SM for b in SM for c in SM if b > c])
IJ = [(n, i, j) for n in range(1, 9) for i in range(1, n + 1) for j in range(1, n + 1)]
pair("index_case_count", lambda n, i, j: S(lambda k: 1, i, j), lambda n, i, j: j - i + 1, lambda n, i, j: j - i + sgn(j - i), [p for p in IJ if p[1] <= p[2]])
extra("index_case_count", lambda n, i, j: S(lambda k: 1, i, j), lambda n, i, j: 0, [p for p in IJ if p[1] > p[2]])
pair("size_case_min_three", lambda n: S(lambda k: min(k, 3), 1, n), lambda n: 3 * n - 3, lambda n: 3 * n - 3 + 3 // n, P1(list(range(3, 61)) + [1000]))
extra("size_case_min_three", lambda n: S(lambda k: min(k, 3), 1, n), lambda n: mpf(n * (n + 1)) / 2, P1([1, 2]))
NC = lambda x, y: max(x, y) - min(x, y)
pair("nested_case_corner", NC, lambda x, y: y - x, lambda x, y: y - x + 1 - sgn(x + y) ** 2, [(x, y) for x in SM for y in SM if x >= 0 and y >= x])
extra("nested_case_corner", NC, lambda x, y: x - y, [(x, y) for x in SM for y in SM if x >= 0 and y < x])
extra("nested_case_corner", NC, lambda x, y: fabs(x - y), [(x, y) for x in SM for y in SM if x < 0])

# ---------------- C integers
CE12 = int(ceil(exp(12)))
assert CE12 == 162755 == 5 * 32551
NF = list(range(1, 200)) + [162754, 162755, 813773, 813774, 813775, 10 ** 7, 10 ** 9 + 12345]
pair("floor_ceil_e_twelve", lambda n: n // CE12, lambda n: (n // 5) // 32551, lambda n: int(floor(mpf(n) / exp(12))), P1(NF))
extra("floor_ceil_e_twelve", lambda n: n // CE12, lambda n: n // 162755, P1(NF))
B9 = 10 ** 9
NB = list(range(1, 100)) + [B9 - 1, B9, B9 + 1, B9 + 2, 2 * B9 + 3, 10 ** 12]
pair("floor_near_one_billion", lambda n: (B9 * n) // (B9 + 1), lambda n: n - (-(-n // (B9 + 1))), lambda n: n - 1, P1(NB))
NT = list(range(0, 100)) + [9998, 9999, 10000, 19999, 20000, 123456]
pair("neg_one_floor_ten_thousand", lambda n: (-1) ** (n // 10 ** 4), lambda n: cos(pi * (n // 10 ** 4)),
     lambda n: (-1) ** ((n + 1) // 10 ** 4), P1(NT))
NS = list(range(0, 100)) + [31622, 31623, 10 ** 5]
pair("floor_sqrt_pronic_far", lambda n: math.isqrt(n * n + 2 * n), lambda n: n,
     lambda n: int(floor(sqrt(mpf(n) ** 2 * (1 + mpf(10) ** -9) + 2 * n))), P1(NS))
NN = list(range(0, 41))
pair("catalan_binom_n0", lambda n: binomial(2 * n, n) - binomial(2 * n, n + 1), lambda n: factorial(2 * n) / (factorial(n) * factorial(n + 1)),
     lambda n: mpf(2) / (n + 1) * binomial(2 * n - 1, n), P1(NN))
extra("catalan_binom_n0", lambda n: binomial(2 * n, n) - binomial(2 * n, n + 1), lambda n: binomial(2 * n, n) / (n + 1), P1(NN))
assert binomial(-1, 0) == 1

# ---------------- E tiny relative
t = mpf(10)
pair("sqrt_tiny_conjugate", lambda: sqrt(1 + t ** -40) - 1, lambda: t ** -40 / (sqrt(1 + t ** -40) + 1), lambda: 5 * t ** -41, C0)
pair("log1p_third_order", lambda: ln(1 + t ** -30), lambda: ln(t ** 30 + 1) - 30 * ln(10), lambda: t ** -30 - 5 * t ** -61, C0)
pair("tanh_far_complement", lambda: 1 - tanh(40), lambda: 2 / (exp(80) + 1), lambda: 2 * exp(-80), C0)
def hp(f, d=250):
    def g(*a):
        with M.workdps(d):
            return +f(*a)
    return g
sig = lambda u: 1 / (1 + exp(-u))
pair("sigmoid_gap_tanh", hp(lambda: sig(100) - sig(-100)), hp(lambda: tanh(50)), hp(lambda: 1 - 2 * exp(-100)), C0)
pair("cube_expansion_tiny", lambda: (1 + t ** -20) ** 3, lambda: 1 + 3 * t ** -20 + 3 * t ** -40 + t ** -60, lambda: 1 + 3 * t ** -20 + 3 * t ** -40, C0)
pair("asinh_far_log", lambda: ln(t ** 20 + sqrt(t ** 40 + 1)), lambda: 20 * ln(10) + ln(2) + ln((1 + sqrt(1 + t ** -40)) / 2),
     lambda: 20 * ln(10) + ln(2), C0)

# ---------------- F derivatives
R2 = random.Random(5)
NJX = [(n, j, rv(n, R2)) for n in range(1, 9) for j in range(1, n + 1)]
def pmw(n, j, x):
    def f(tt):
        xx = list(x); xx[j - 1] = tt
        return S(lambda k: min(k, 3) * xx[k - 1] ** 2, 1, n)
    return D(f, x[j - 1])
pair("partial_min_weight_sum", pmw, lambda n, j, x: 2 * min(j, 3) * x[j - 1], lambda n, j, x: 2 * j * x[j - 1], NJX)
def rsq(x, y):
    if x == y:   # joint: slopes of both pieces (0 and (x - y)^2) at x = y
        assert D(lambda u: (u - y) ** 2, x) == 0
        return mpf(0)
    return D(lambda u: (max(u, y) - y) ** 2, x)
XGY = [(x, y) for x in SM for y in SM if x >= y] + [(y + mpf("1e-10"), y) for y in SM]
pair("relu_square_between_vars", rsq, lambda x, y: 2 * (x - y), lambda x, y: 2 * max(x - y, mpf(10) ** -9), XGY)
extra("relu_square_between_vars", rsq, lambda x, y: 0, [(x, y) for x in SM for y in SM if x < y])
MID = [v for v in RV if abs(v) <= 20]
f3 = lambda x: D(lambda u: u ** 2 * exp(2 * u), x, 3)
pair("third_derivative_product", f3, lambda x: 4 * exp(2 * x) * (2 * x ** 2 + 6 * x + 3), lambda x: 4 * exp(2 * x) * (2 * x ** 2 + 6 * x + 2), P1(MID))
extra("third_derivative_product", f3, lambda x: exp(2 * x) * (8 * x ** 2 + 24 * x + 12), P1(MID))
R3 = random.Random(7)
CH = [(n, j, rv(n, R3), rv(n, R3), b) for n in range(1, 6) for j in range(1, n + 1) for b in (mpf(0), mpf("-1.5"), mpf(2))]
def chl(n, j, w, x, b):
    def L(wj):
        ww = list(w); ww[j - 1] = wj
        return S(lambda k: ln(1 + exp(ww[k - 1] * x[k - 1] + b)), 1, n)
    return D(L, w[j - 1])
zj = lambda n, j, w, x, b: w[j - 1] * x[j - 1] + b
pair("chain_defined_index_softplus", chl, lambda n, j, w, x, b: x[j - 1] / (1 + exp(-zj(n, j, w, x, b))),
     lambda n, j, w, x, b: w[j - 1] / (1 + exp(-zj(n, j, w, x, b))), CH)
pair("log2_cube_derivative", lambda x: D(lambda u: ln(u ** 3) / ln(2), x), lambda x: 3 / (x * ln(2)), lambda x: 3 / x, P1(POS))

# ---------------- vectors and matrices
R4 = random.Random(11)
VS = lambda sizes, k=2: [rv(n, R4) for n in sizes for _ in range(k)]
V8 = VS(range(1, 9))
pair("det_lemma_size_one", lambda x: det(add(eye(len(x)), outer(x, x))), lambda x: 1 + dot(x, x),
     lambda x: 1 + tr(outer(x, x)) + det(outer(x, x)), P1(V8))
pair("outer_trace_log2_size", lambda x: tr(outer(x, x)), lambda x: dot(x, x),
     lambda x: (1 + (len(x).bit_length() - 1) // 4) * dot(x, x), P1(VS(range(1, 21), 1)))
M8 = [rm(n, n, R4) for n in range(1, 9) for _ in range(2)]
pair("trace_square_not_square_trace", lambda A: tr(mm(A, A)), lambda A: sum(A[i][j] * A[j][i] for i in range(len(A)) for j in range(len(A))),
     lambda A: tr(A) ** 2, P1(M8))
XY = [(rv(n, R4), rv(n, R4)) for n in range(1, 9) for _ in range(3)]
n_ = len
def lag_t(x, y): return sum(((x[i] * y[j] - x[j] * y[i]) ** 2 for i in range(n_(x)) for j in range(i + 1, n_(x))), mpf(0))
def lag_f(x, y): return sum((fabs(x[i] * y[j] - x[j] * y[i]) for i in range(n_(x)) for j in range(i + 1, n_(x))), mpf(0)) ** 2
pair("lagrange_identity_abs_n3", lambda x, y: dot(x, x) * dot(y, y) - dot(x, y) ** 2, lag_t, lag_f, XY)
pair("l1_square_mixed_signs", lambda x: sum(fabs(v) for v in x) ** 2,
     lambda x: dot(x, x) + 2 * sum((fabs(x[i] * x[j]) for i in range(n_(x)) for j in range(i + 1, n_(x))), mpf(0)),
     lambda x: dot(x, x) + 2 * fabs(sum((x[i] * x[j] for i in range(n_(x)) for j in range(i + 1, n_(x))), mpf(0))), P1(V8))
XY0 = XY + [([mpf(1), mpf(0)], [mpf(0), mpf(3)]), ([mpf(0)], [mpf(2)])]
pair("sign_inner_square", lambda x, y: sgn(dot(x, y)) ** 2, lambda x, y: sgn(dot(x, y) ** 2), lambda x, y: 1, XY0)
M8s = M8 + [[[mpf(1), mpf(2)], [mpf(2), mpf(4)]]]
pair("abs_det_gram_tiny", lambda A: fabs(det(A)), lambda A: sqrt(det(mm(T(A), A))),
     lambda A: sqrt(det(add(mm(T(A), A), scal(mpf(10) ** -30, eye(len(A)))))), P1(M8s))
M5 = [A for A in (rm(n, n, R4) for n in range(1, 6) for _ in range(2)) if det(A) != 0]
pair("det_gradient_two_by_two_only", lambda A: mgrad(det, A), lambda A: scal(det(A), T(inv(A))),
     lambda A: add(scal(tr(A), eye(len(A))), scal(-1, T(A))), P1(M5))
X3 = [rm(n, 3, R4) for n in range(1, 9)]
pair("literal_shape_min_columns", lambda X: tr(mm(T(X), X)), lambda X: sum(X[i][j] ** 2 for i in range(len(X)) for j in range(3)),
     lambda X: sum(X[i][j] ** 2 for i in range(len(X)) for j in range(min(len(X), 3))), P1(X3))
E2 = int(ceil(exp(2)))
assert E2 == 8
M12 = [rm(n, n, R4) for n in range(1, 13)]
pair("frobenius_min_hidden_eight", lambda A: tr(mm(T(A), A)), lambda A: sum(A[i][j] ** 2 for i in range(len(A)) for j in range(len(A))),
     lambda A: sum(A[i][j] ** 2 for i in range(len(A)) for j in range(min(len(A), E2))), P1(M12))
PQ = XY
pol = lambda p, q: sum((p[a] * (q[a] - dot(p, q)) for a in range(len(p))), mpf(0))
pair("pi_policy_vector", pol, lambda p, q: dot(p, q) * (1 - sum(p)), lambda p, q: 0, PQ)
extra("pi_policy_vector", pol, lambda p, q: dot(p, q) - dot(p, q) * sum(p), PQ)
pair("e_vector_gradient", lambda e, x: grad(lambda xx: dot(e, xx) ** 2, x), lambda e, x: [2 * dot(e, x) * v for v in e],
     lambda e, x: [2 * dot(e, x) for v in e], XY)

# ---------------- notes
R5 = random.Random(13)
def softmax(z):
    m = [exp(v) for v in z]; s = sum(m); return [v / s for v in m]
SMX = [(n, i, j, rv(n, R5)) for n in range(1, 6) for i in range(1, n + 1) for j in range(1, n + 1)]
dpz = lambda n, i, j, z: D(lambda t: softmax([t if k == j - 1 else z[k] for k in range(n)])[i - 1], z[j - 1])
pair("md_softmax_jacobian_offdiag", dpz, lambda n, i, j, z: -softmax(z)[i - 1] * softmax(z)[j - 1], lambda n, i, j, z: -softmax(z)[j - 1] ** 2,
     [p for p in SMX if p[1] != p[2]])
extra("md_softmax_jacobian_offdiag", dpz, lambda n, i, j, z: softmax(z)[i - 1] * (int(i == j) - softmax(z)[j - 1]), SMX)
extra("md_softmax_jacobian_offdiag", dpz, lambda n, i, j, z: softmax(z)[i - 1] * (1 - softmax(z)[i - 1]), [p for p in SMX if p[1] == p[2]])
ZY = [(z, y) for z in MID for y in SM]
bce = lambda z, y: D(lambda u: -y * ln(sig(u)) - (1 - y) * ln(1 - sig(u)), z)
pair("md_bce_logit_labels", hp(bce), lambda z, y: sig(z) - y, lambda z, y: sig(z) - y ** 2, ZY)
extra("md_bce_logit_labels", hp(bce), lambda z, y: -y * (1 - sig(z)) + (1 - y) * sig(z), ZY)
WXBT = [(w, x, b, tt) for w in (mpf(-1), mpf("0.5")) for x in SM for b in (mpf(0), mpf(2)) for tt in (mpf(1), mpf(-3))]
pair("md_mse_two_derivations", lambda w, x, b, tt: D(lambda u: (w * x + u - tt) ** 2 / 2, b), lambda w, x, b, tt: w * x + b - tt,
     lambda w, x, b, tt: (w * x + b - tt) * x, WXBT)
extra("md_mse_two_derivations", lambda w, x, b, tt: D(lambda u: (u * x + b - tt) ** 2 / 2, w), lambda w, x, b, tt: (w * x + b - tt) * x, WXBT)
hub = lambda r, d: min(fabs(r), d) ** 2 / 2 + d * (fabs(r) - min(fabs(r), d))
def dhub(r, d):
    if fabs(r) == d:  # joint: both pieces' slopes
        a = D(lambda u: u ** 2 / 2, r); b = D(lambda u: d * (fabs(u) - d / 2), r)
        assert close(a, b)
        return a
    return D(lambda u: hub(u, d), r)
RD = [(r, d) for d in POS for r in SM + [d, -d, d * 2, -d * 2, d / 2]]
pair("md_huber_delta_cases", dhub, lambda r, d: r, lambda r, d: r / d, [(r, d) for r, d in RD if fabs(r) <= d])
extra("md_huber_delta_cases", dhub, lambda r, d: d, [(r, d) for r, d in RD if r > d])
extra("md_huber_delta_cases", dhub, lambda r, d: -d, [(r, d) for r, d in RD if r < -d])
AL = [mpf(v) for v in ("1e-9", "1e-4", "0.3", "0.5", "0.999")]
lk = lambda x, a: D(lambda u: max(u, a * u), x)
pair("md_leaky_relu_alpha_floor", lk, lambda x, a: a, lambda x, a: max(a, mpf(10) ** -3), [(x, a) for x in SM if x < 0 for a in AL])
extra("md_leaky_relu_alpha_floor", lk, lambda x, a: 1, [(x, a) for x in SM if x > 0 for a in AL])
EPS = mpf(10) ** -30
mu = lambda x: sum(x) / len(x)
var = lambda x: sum((v - mu(x)) ** 2 for v in x) / len(x)
LNX = [(j, x) for x in VS(range(1, 7)) + [[mpf(2)] * 3] for j in range(1, len(x) + 1)]
def lnd(j, x):
    return D(lambda u: sqrt(var([u if k == j - 1 else x[k] for k in range(len(x))]) + EPS), x[j - 1])
def lnf(j, x):
    v = var(x)
    return (x[j - 1] - mu(x)) / (len(x) * sqrt(v)) if v != 0 else M.nan
pair("md_layernorm_eps_scale", lnd, lambda j, x: (x[j - 1] - mu(x)) / (len(x) * sqrt(var(x) + EPS)), lnf, LNX)
pair("md_definition_after_use", lambda x: D(lambda u: u ** 2 * exp(-u), x), lambda x: (2 * x - x ** 2) * exp(-x), lambda x: (2 * x + x ** 2) * exp(-x), P1(MID))
AB = [(a, b) for a in SM for b in SM if a >= b]
lae = lambda a, b: ln(exp(a) + exp(b))
pair("md_align_logaddexp", lae, lambda a, b: max(a, b) + ln(1 + exp(-fabs(a - b))), lambda a, b: max(a, b) + exp(-fabs(a - b)) * ln(2), AB)
extra("md_align_logaddexp", lae, lambda a, b: a + ln(1 + exp(b - a)), AB)
nrm = lambda v: sqrt(dot(v, v))
XYnz = [(x, y) for x, y in XY if dot(x, x) != 0 and dot(y, y) != 0]
pair("md_cosine_similarity_gradient", lambda x, y: grad(lambda xx: dot(xx, y) / (nrm(xx) * nrm(y)), x),
     lambda x, y: [y[i] / (nrm(x) * nrm(y)) - dot(x, y) * x[i] / (nrm(x) ** 3 * nrm(y)) for i in range(len(x))],
     lambda x, y: [y[i] / (nrm(x) * nrm(y)) - dot(x, y) * x[i] / (nrm(x) ** 2 * nrm(y)) for i in range(len(x))], XYnz)
NM = list(range(1, 100)) + [999999, 10 ** 6, 2 ** 20 - 1, 2 ** 20, 2 ** 21, 10 ** 9]
pair("md_floor_two_to_twenty", lambda n: n // 2 ** 20, lambda n: (n // 1024) // 1024, lambda n: n // 10 ** 6, P1(NM))
pair("md_log1p_eps_second_order", lambda: ln(1 + t ** -40), lambda: 2 * ln(sqrt(1 + t ** -40)), lambda: t ** -40 - t ** -80 / 2, C0)
hs = lambda x, y: (fabs(x - y) + x + y) / 2
pair("md_half_sum_abs_diagonal", hs, lambda x, y: y, lambda x, y: y * sgn(y - x) ** 2, X_LE_Y)
extra("md_half_sum_abs_diagonal", hs, lambda x, y: x, [(x, y) for x in SM for y in SM if x > y])

r6 = lambda x: D(lambda u: min(max(u, 0), 6), x)
X6 = [mpf(v) for v in ("1e-9", "0.5", "1", "4.9", "5", "5.000000001", "5.5", "5.999999999")]
pair("md_relu6_inner_case", r6, lambda x: 1, lambda x: ceil(x / 5), P1(X6))
extra("md_relu6_inner_case", r6, lambda x: 0, P1([mpf(v) for v in ("6.000000001", "7", "1e3")]))
sg1 = lambda: D(sig, 60)
pair("md_sigmoid_slope_far", sg1, lambda: exp(-60) / (1 + exp(-60)) ** 2, lambda: exp(-60), C0)
extra("md_sigmoid_slope_far", hp(sg1), hp(lambda: sig(60) * (1 - sig(60))), C0)
NP = list(range(0, 100)) + [499, 500, 998, 999, 1000, 1998, 1999, 2000, 10 ** 6 - 1]
pair("md_parity_of_block", lambda n: (1 - (-1) ** (n // 500)) // 2, lambda n: n // 500 - 2 * (n // 1000), lambda n: n // 500 - 2 * (n // 999), P1(NP))

def eq(a, b):
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(eq(p, q) for p, q in zip(a, b))
    if isinstance(b, list):
        return False
    a, b = M.mpmathify(a), M.mpmathify(b)
    if M.isnan(a) or M.isnan(b):
        return False
    return close(a, b)
def show(p):
    out = []
    for v in p:
        out.append(M.nstr(v, 6) if isinstance(v, M.mpf) else ("[%d items]" % len(v) if isinstance(v, list) else v))
    return out

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
        if not pts:
            problems.append("%s: no points" % name); continue
        if pts is C0:   # constants: relative comparison at 250 digits
            lhs, tr_, fa = hp(lhs), hp(tr_), hp(fa)
            e = lambda a, b: abs(a - b) <= mpf(10) ** -90 * max(abs(a), abs(b))
        else:
            e = eq
        bad_true = [p for p in pts if not e(lhs(*p), tr_(*p))]
        if bad_true:
            problems.append("%s: TRUE step fails at %s" % (name, show(bad_true[0])))
        bad_false = [p for p in pts if not e(lhs(*p), fa(*p))]
        if not bad_false:
            problems.append("%s: FALSE step holds at every point" % name)
        elif os.environ.get("SHOW"):
            print("%-36s false at %d/%d points, e.g. %s" % (name, len(bad_false), len(pts), show(bad_false[0])))
    for name, lhs, rhs, pts in EXTRA:
        bad = [p for p in pts if not eq(lhs(*p), rhs(*p))]
        if bad:
            problems.append("%s: middle/other row fails at %s" % (name, show(bad[0])))
    for name in PAIRS:
        if name not in classes:
            problems.append("%s: checked but not generated" % name)
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
