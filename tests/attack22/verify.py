#!/usr/bin/env python3
"""Check every attack-22 pair independently of derive-ce: mpmath at 100 digits, sums and
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

from mpmath import atan, acos, cbrt, sinh, asinh, rgamma, log
E = M.e
def D1(f, x, direction=0):
    return M.diff(f, x, 1, direction=direction)
def joint(left, right, x0, claim):
    """derivative at a joint: both one-sided slopes (of the pieces, extended) must equal claim."""
    return close(D(left, x0), claim) and close(D(right, x0), claim)
RV = [mpf(v) for v in ("-1e8", "-1000", "-7.3", "-1.5", "-1", "-0.5", "-1e-7", "-1e-9", "0", "1e-9", "1e-7", "0.4", "1", "3.1", "12.5", "1e3", "1e8")]
INTS = list(range(-20, 41)) + [99, 100, 1000]
NN = [n for n in INTS if n >= 0]
NPOS = [n for n in INTS if n >= 1]

# A branches and domains
pair("gudermannian_arccos_branch", lambda t: asin(tanh(t)), lambda t: 2 * atan(exp(t)) - pi / 2, lambda t: acos(1 / cosh(t)), P1(RV))
extra("gudermannian_arccos_branch", lambda t: asin(tanh(t)), lambda t: atan(sinh(t)), P1(RV))
XPOS = [v for v in RV if v > 0]
def hp(f):   # arcsin / arccos near +-1 lose digits: evaluate at 300 digits
    def g(*a):
        with M.workdps(300):
            return +f(*a)
    return g
pair("half_angle_arctan_arccos_sign", hp(lambda x, y: atan(y / x)), hp(lambda x, y: asin(y / sqrt(x * x + y * y))),
     hp(lambda x, y: acos(x / sqrt(x * x + y * y))), P2(XPOS, RV))
extra("half_angle_arctan_arccos_sign", lambda x, y: atan(y / x), lambda x, y: 2 * atan(y / (sqrt(x * x + y * y) + x)), P2(XPOS, RV))
pair("log1p_exp_difference", lambda x: ln(1 + exp(x)) - ln(1 + exp(-x)), lambda x: x, lambda x: fabs(x), P1([v for v in RV if abs(v) < 1e4]))
rcbrt = lambda v: M.sign(v) * cbrt(fabs(v))
pair("cube_root_of_shifted_cube", lambda x: rcbrt(x ** 3 - 3 * x ** 2 + 3 * x - 1), lambda x: x - 1, lambda x: fabs(x - 1), P1(RV))
pair("neg_base_odd_power", lambda n, x: (-x) ** (2 * n + 1), lambda n, x: -x ** (2 * n + 1), lambda n, x: (-1) ** n * x ** (2 * n + 1),
     P2(list(range(0, 12)), [v for v in RV if abs(v) < 1e4]))
# B integer-valued
pair("ceil_third_lattice", lambda n: -((-n) // 3), lambda n: (n + 2) // 3, lambda n: n // 3 + 1, P1(NPOS))
pair("bits_floor_log2", lambda n: (n.bit_length() - 1) + 1, lambda n: n.bit_length(), lambda n: (n - 1).bit_length(), P1(NPOS + [1023, 1024, 1025]))
pair("neg_one_floor_half_lattice", lambda n: mpf(-1) ** (n // 2), lambda n: cos(pi * n / 2) + sin(pi * n / 2),
     lambda n: cos(pi * n / 2) - sin(pi * n / 2), P1(INTS))
def rclose(a, b): return abs(a - b) < mpf(10) ** -80
extra("neg_one_floor_half_lattice", lambda n: mpf(-1) ** (n // 2), lambda n: mpf(-1) ** (n * (n - 1) // 2), P1(INTS))
pair("binom_even_half_n0", lambda n: S(lambda k: binomial(n, 2 * k), 0, n // 2), lambda n: (mpf(2) ** n + binomial(0, n)) / 2,
     lambda n: mpf(2) ** (n - 1), P1(NN))
pair("factorial_double_ratio", lambda n: factorial(2 * n) / factorial(n), lambda n: mpf(2) ** n * Pr(lambda k: mpf(2 * k - 1), 1, n),
     lambda n: mpf(2) ** n * Pr(lambda k: mpf(2 * k + 1), 1, n), P1(NN))
extra("factorial_double_ratio", lambda n: factorial(2 * n) / factorial(n), lambda n: factorial(n) * binomial(2 * n, n), P1(NN))
# C sums and products
pair("telescoping_reciprocal_shift", lambda n: S(lambda k: mpf(1) / (k * (k - 1)), 2, n), lambda n: 1 - mpf(1) / n,
     lambda n: 1 - mpf(1) / (n + 1), P1(NPOS))
extra("telescoping_reciprocal_shift", lambda n: S(lambda k: mpf(1) / (k * (k - 1)), 2, n), lambda n: S(lambda k: mpf(1) / (k * (k + 1)), 1, n - 1), P1(NPOS))
_r = random.Random(22)
VEC = [(n, rv(_r, n + 1), rv(_r, n + 1)) for n in range(0, 8) for _ in range(3)]   # index 1..n used; slot 0 unused
pair("double_sum_dependent_reorder", lambda n, a, b: S(lambda i: S(lambda j: a[i] * b[j], i, n), 1, n),
     lambda n, a, b: S(lambda j: b[j] * S(lambda i: a[i], 1, j), 1, n), lambda n, a, b: S(lambda j: b[j] * S(lambda i: a[i], 1, j - 1), 1, n), VEC)
pair("product_zero_factor_min", lambda n: Pr(lambda k: mpf(k - 3), 1, n), lambda n: (-1) ** n * 2 * rgamma(3 - n),
     lambda n: Pr(lambda k: mpf(k - 3), 1, min(n, 2)), P1(NN))
DIK = [(n, i, k) for n in range(1, 7) for i in range(1, n + 1) for k in range(1, n + 1)]
pair("delta_off_diagonal_sum", lambda n, i, k: S(lambda j: ind(i == j) * (1 - ind(j == k)), 1, n), lambda n, i, k: 1 - ind(i == k),
     lambda n, i, k: 1, DIK)
DI = [(n, i) for n in range(1, 12) for i in range(1, n + 1)]
pair("sum_min_with_index", lambda n, i: S(lambda k: mpf(min(k, i)), 1, n), lambda n, i: mpf(i * (2 * n - i + 1)) / 2,
     lambda n, i: mpf(i * (2 * n - i - 1)) / 2, DI)
pair("sum_from_n_to_2n", lambda n: S(lambda k: mpf(k), n, 2 * n), lambda n: mpf(3 * n * (n + 1)) / 2, lambda n: mpf(3 * n * n + n) / 2, P1(NN))
# D derivatives
XY = P2([v for v in RV if abs(v) < 1e4], [mpf(-2), mpf("-1e-7"), mpf(0), mpf("0.3"), mpf(5)])
pair("partial_through_defined_name", lambda x, y: D(lambda t: t * y + t * t, x), lambda x, y: y + 2 * x, lambda x, y: 2 * x, XY)
pair("derivative_max_tangent_line", lambda x: D(lambda t: max(t * t, 2 * t - 1), x), lambda x: 2 * x, lambda x: max(2 * x, 2),
     P1([v for v in RV if abs(v) < 1e4] + [mpf(1), 1 - E9, 1 + E9]))
pw = lambda t: t * t if t <= 1 else 2 * t - 1
def pw_d(x):
    if x == 1:
        return None
    return D(pw, x)
XPW = [v for v in RV if abs(v) < 1e4] + [1 - E9, 1 + E9, mpf(2)]
pair("piecewise_smooth_join_slope", lambda x: D(pw, x), lambda x: 2 * x if x <= 1 else mpf(2), lambda x: 2 * x if x <= 1 else 2 * x - 1, P1(XPW))
JOINT_OK = joint(lambda t: t * t, lambda t: 2 * t - 1, mpf(1), mpf(2))
VX = [(n, j, rv(_r, n + 1)) for n in range(1, 6) for j in range(1, n + 1)]
def dsum(n, j, x):
    def f(t):
        xx = list(x); xx[j] = t
        s = S(lambda k: xx[k], 1, n)
        return S(lambda i: xx[i] * s, 1, n)
    return D(f, x[j])
pair("indexed_partial_of_product_sum", dsum, lambda n, j, x: 2 * S(lambda k: x[k], 1, n), lambda n, j, x: S(lambda k: x[k], 1, n) + x[j], VX)
XYNZ = [p for p in XY if p[0] != 0 or p[1] != 0]
pair("mixed_partial_defined_radius", lambda x, y: M.diff(lambda a, b: sqrt(a * a + b * b), (x, y), (1, 1)),
     lambda x, y: -x * y / (x * x + y * y) ** mpf(1.5), lambda x, y: -x * y / (x * x + y * y),
     [p for p in P2([mpf(-2), mpf("-0.5"), mpf("0.3"), mpf(1), mpf(7)], [mpf(-3), mpf("0.2"), mpf(1), mpf(4)])])
XLR = [v for v in RV if abs(v) != 1 and abs(v) < 1e4] + [1 + E9, 1 - E9, -1 + E9]
pair("derivative_log_abs_ratio", lambda x: D(lambda t: ln(fabs((t - 1) / (t + 1))), x), lambda x: 2 / (x * x - 1), lambda x: 2 / (1 - x * x), P1(XLR))
# E numerics
h8 = mpf(10) ** -8
pair("expm1_tiny_cancellation", lambda: exp(h8) - 1 - h8, lambda: 2 * exp(h8 / 2) * sinh(h8 / 2) - h8, lambda: mpf(10) ** -16 / 2, [()])
pair("square_near_one_tiny", lambda: (1 + mpf(10) ** -30) ** 2 - 1, lambda: 2 * mpf(10) ** -30 + mpf(10) ** -60, lambda: 2 * mpf(10) ** -30, [()])
pair("sigmoid_far_tail", lambda: 1 - 1 / (1 + exp(-50)), lambda: 1 / (1 + exp(50)), lambda: exp(-50), [()])
pair("log_ratio_near_one", lambda: ln(mpf(10) ** 12 + 1) - ln(mpf(10) ** 12), lambda: ln(1 + mpf(10) ** -12), lambda: mpf(10) ** -12, [()])
pair("cosh_tiny_minus_one", lambda: cosh(mpf(10) ** -6) - 1, lambda: 2 * sinh(5 * mpf(10) ** -7) ** 2, lambda: mpf(10) ** -12 / 2, [()])
pair("square_huge_cancellation", lambda: (mpf(10) ** 20 + 1) ** 2 - mpf(10) ** 40, lambda: 2 * mpf(10) ** 20 + 1, lambda: 2 * mpf(10) ** 20, [()])
# F matrices (random rationals, sizes 1..4)
MS = []
for seed in range(12):
    r = random.Random(1000 + seed); n = 1 + seed % 4; m = 1 + (seed * 7) % 4
    MS.append(dict(n=n, m=m, A=rm(r, n, n), B=rm(r, n, n), C=rm(r, n, n), R=rm(r, m, n), x=rv(r, n), b=rv(r, n), bm=rv(r, m), v=rv(r, n), a=rv(r, n)))
MP = [(d,) for d in MS]
add = lambda a, b: [p + q for p, q in zip(a, b)]
madd = lambda A, B: [add(p, q) for p, q in zip(A, B)]
sc = lambda c, a: [c * p for p in a]
pair("quadform_plus_linear_gradient", lambda d: grad(lambda x: dot(x, mv(d["A"], x)) + dot(d["b"], mv(d["A"], x)), d["x"]),
     lambda d: add(mv(madd(d["A"], T(d["A"])), d["x"]), mv(T(d["A"]), d["b"])), lambda d: add(mv(madd(d["A"], T(d["A"])), d["x"]), mv(d["A"], d["b"])), MP)
pair("trace_transpose_three", lambda d: tr(mm(mm(d["A"], T(d["B"])), d["C"])), lambda d: tr(mm(mm(T(d["C"]), d["B"]), T(d["A"]))),
     lambda d: tr(mm(mm(T(d["C"]), T(d["B"])), T(d["A"]))), MP)
pair("det_negated_parity", lambda d: det([[-p for p in row] for row in d["A"]]), lambda d: (-1) ** d["n"] * det(d["A"]), lambda d: -det(d["A"]), MP)
pair("residual_norm_gradient", lambda d: grad(lambda x: dot(add(mv(d["R"], x), sc(-1, d["bm"])), add(mv(d["R"], x), sc(-1, d["bm"]))), d["x"]),
     lambda d: sc(2, mv(T(d["R"]), add(mv(d["R"], d["x"]), sc(-1, d["bm"])))), lambda d: mv(T(d["R"]), add(mv(d["R"], d["x"]), sc(-1, d["bm"]))), MP)
def mgrad(f, A):
    out = []
    for i in range(len(A)):
        row = []
        for j in range(len(A)):
            def h(t, i=i, j=j):
                AA = [list(r) for r in A]; AA[i][j] = t; return f(AA)
            row.append(D(h, A[i][j]))
        out.append(row)
    return out
MPI = [p for p in MP if det(p[0]["A"]) != 0]
pair("log_abs_det_gradient", lambda d: mgrad(lambda X: ln(fabs(det(X))), d["A"]), lambda d: T(inv(d["A"])), lambda d: inv(d["A"]), MPI)
pair("hadamard_trace_elements", lambda d: tr(mm(T(d["A"]), had(d["B"], d["C"]))),
     lambda d: sum(d["A"][i][j] * d["B"][i][j] * d["C"][i][j] for i in range(d["n"]) for j in range(d["n"])),
     lambda d: sum(d["A"][j][i] * d["B"][i][j] * d["C"][i][j] for i in range(d["n"]) for j in range(d["n"])), MP)
outer = lambda a, b: [[p * q for q in b] for p in a]
pair("outer_product_trace", lambda d: tr(mm(outer(d["a"], d["b"]), d["C"])), lambda d: dot(d["b"], mv(d["C"], d["a"])),
     lambda d: dot(d["a"], mv(d["C"], d["b"])), MP)
def smx(z):
    e = [exp(t) for t in z]; s = sum(e); return [t / s for t in e]
def vjp(d, sign):
    s = smx(d["x"]); sv = dot(s, d["v"])
    return [s[i] * d["v"][i] + sign * s[i] * sv for i in range(d["n"])]
pair("softmax_vjp_vector", lambda d: grad(lambda z: dot(d["v"], smx(z)), d["x"]), lambda d: vjp(d, -1), lambda d: vjp(d, 1), MP)
# H letters (YAML)
pair("e_declared_base_derivative", lambda e, x: D(lambda t: e ** t, x), lambda e, x: e ** x * ln(e), lambda e, x: e ** x,
     P2([mpf("1e-9"), mpf("0.5"), mpf(2), E, mpf(3), mpf(1000)], [mpf(-3), mpf(0), mpf("0.7"), mpf(5)]))
pair("d_as_scalar_factor", lambda d, x: D(lambda t: (d * t) ** 2, x), lambda d, x: 2 * d * d * x, lambda d, x: 2 * d * x,
     P2([mpf(-2), mpf(0), mpf("0.5"), mpf(1), mpf(3)], [mpf(-1), mpf(0), mpf("0.3"), mpf(4)]))
pair("i_as_sum_index_squares", lambda n: S(lambda i: mpf(i * i), 1, n), lambda n: mpf(n * (n + 1) * (2 * n + 1)) / 6, lambda n: mpf(-n), P1(NN))
# G / H / B notes
PU = [mpf(v) for v in ("1e-9", "1e-4", "0.1", "0.5", "0.9", "1", "1.5", "7", "1e6")]
pair("md_focal_loss_gamma_two", lambda p: D(lambda t: -(1 - t) ** 2 * ln(t), p), lambda p: 2 * (1 - p) * ln(p) - (1 - p) ** 2 / p,
     lambda p: 2 * (1 - p) * ln(p) + (1 - p) ** 2 / p, P1(PU))
hub = lambda r: r * r / 2 if fabs(r) <= 1 else fabs(r) - mpf(1) / 2
def hub_d(r):
    if fabs(r) == 1:   # joint: one-sided slopes of both pieces
        s = M.sign(r)
        assert joint(lambda t: t * t / 2, lambda t: s * t - mpf(1) / 2, r, s)
        return s
    return D(hub, r)
RH = [v for v in RV if v < -1] + [mpf(-1) - E9]
pair("md_huber_derivative_cases", hub_d, lambda r: mpf(-1), lambda r: mpf(1), P1(RH))
extra("md_huber_derivative_cases", hub_d, lambda r: mpf(1), P1([v for v in RV if v > 1] + [1 + E9]))
extra("md_huber_derivative_cases", hub_d, lambda r: r, P1([v for v in RV if -1 <= v <= 1] + [mpf(-1), mpf(1), 1 - E9, -1 + E9]))
pair("md_softplus_sigmoid", lambda x: D(lambda t: ln(1 + exp(t)), x), lambda x: 1 / (1 + exp(-x)), lambda x: 1 / (1 - exp(-x)), P1([v for v in RV if abs(v) < 1e4 and v != 0]))
extra("md_softplus_sigmoid", lambda x: D(lambda t: ln(1 + exp(t)), x), lambda x: exp(x) / (1 + exp(x)), P1([v for v in RV if abs(v) < 1e4]))
elu = lambda t: t if t > 0 else exp(t) - 1
def elu_d(x):
    if x == 0:
        assert joint(lambda t: exp(t) - 1, lambda t: t, x, mpf(1))
        return mpf(1)
    return D(elu, x)
pair("md_elu_derivative_cases", elu_d, lambda x: exp(x), lambda x: exp(x) - 1, P1([v for v in RV if v <= 0 and v > -1e4]))
extra("md_elu_derivative_cases", elu_d, lambda x: mpf(1), P1([v for v in RV if v > 0]))
VN = [(n, j, rv(_r, n + 1)) for n in range(1, 7) for j in range(1, n + 1)]
mean = lambda n, x: S(lambda k: x[k], 1, n) / n
def var_dj(n, j, x):
    def f(t):
        xx = list(x); xx[j] = t; mu = mean(n, xx); return S(lambda k: (xx[k] - mu) ** 2, 1, n) / n
    return D(f, x[j])
pair("md_variance_gradient_element", var_dj, lambda n, j, x: mpf(2) / n * (x[j] - mean(n, x)),
     lambda n, j, x: (mpf(2) / (n - 1) if n > 1 else mpf(10) ** 9) * (x[j] - mean(n, x)) + (0 if n > 1 else 1), VN)
WB = [(n, w, b, rv(_r, n + 1), rv(_r, n + 1)) for n in range(1, 6) for w in (mpf(-2), mpf("0.5")) for b in (mpf(0), mpf("1.3"))]
def mse_db(n, w, b, x, y):
    return D(lambda t: S(lambda i: (w * x[i] + t - y[i]) ** 2, 1, n) / n, b)
pair("md_mse_bias_gradient", mse_db, lambda n, w, b, x, y: 2 * S(lambda i: w * x[i] + b - y[i], 1, n) / n,
     lambda n, w, b, x, y: S(lambda i: w * x[i] + b - y[i], 1, n) / n, WB)
BX = P2([mpf(-3), mpf("-0.5"), mpf(0), mpf("1e-9"), mpf(1), mpf(4)], [v for v in RV if abs(v) < 100])
pair("md_align_swish_beta", lambda be, x: D(lambda t: t * sig(be * t), x), lambda be, x: sig(be * x) + be * x * sig(be * x) * (1 - sig(be * x)),
     lambda be, x: sig(be * x) + x * sig(be * x) * (1 - sig(be * x)), BX)
extra("md_align_swish_beta", lambda be, x: D(lambda t: t * sig(be * t), x), lambda be, x: sig(be * x) + x * D(lambda t: sig(be * t), x), BX)
VS = [(n, rv(_r, n + 1)) for n in range(1, 8) for _ in range(3)]
pair("md_variance_shortcut", lambda n, x: S(lambda k: (x[k] - mean(n, x)) ** 2, 1, n) / n,
     lambda n, x: S(lambda k: x[k] ** 2, 1, n) / n - mean(n, x) ** 2,
     lambda n, x: (S(lambda k: x[k] ** 2, 1, n) / (n - 1) if n > 1 else mpf(10) ** 9) - mean(n, x) ** 2, VS)
extra("md_variance_shortcut", lambda n, x: S(lambda k: (x[k] - mean(n, x)) ** 2, 1, n) / n,
      lambda n, x: S(lambda k: x[k] ** 2, 1, n) / n - 2 * mean(n, x) / n * S(lambda k: x[k], 1, n) + mean(n, x) ** 2, VS)
sqh = lambda y, z: max(mpf(0), 1 - y * z) ** 2
def sqh_d(y, z):
    if y * z == 1:
        assert joint(lambda t: (1 - y * t) ** 2, lambda t: mpf(0), z, mpf(0))
        return mpf(0)
    return D(lambda t: sqh(y, t), z)
YZ = P2([mpf(-2), mpf(-1), mpf("0.5"), mpf(1), mpf(3)], [v for v in RV if abs(v) < 100] + [mpf(2), mpf(-2)])
pair("md_squared_hinge_cases", sqh_d, lambda y, z: -2 * y * (1 - y * z), lambda y, z: -2 * (1 - y * z), [p for p in YZ if p[0] * p[1] < 1])
extra("md_squared_hinge_cases", sqh_d, lambda y, z: mpf(0), [p for p in YZ if p[0] * p[1] >= 1])
pair("md_alternating_index_i", lambda n: S(lambda i: mpf((-1) ** i * i), 1, n), lambda n: (-1) ** n * ceil(mpf(n) / 2),
     lambda n: (-1) ** n * floor(mpf(n) / 2), P1(NN))
extra("md_alternating_index_i", lambda n: S(lambda i: mpf((-1) ** i * i), 1, n), lambda n: mpf((-1) ** n * (2 * n + 1) - 1) / 4, P1(NN))
pair("md_prime_second_derivative", lambda x: D(lambda t: t * exp(t), x, 2), lambda x: (x + 2) * exp(x), lambda x: (x + 1) * exp(x), P1([v for v in RV if abs(v) < 1e4]))
extra("md_prime_second_derivative", lambda x: D(lambda t: t * exp(t), x, 2), lambda x: D(lambda t: (t + 1) * exp(t), x), P1([v for v in RV if abs(v) < 1e4]))
pair("md_binom_partial_sum_n0", lambda n: S(lambda k: binomial(n, k), 1, n), lambda n: mpf(2) ** n - 1, lambda n: mpf(2) ** n - min(n, 1), P1(NN))
def ln_dj(n, j, x):
    def f(t):
        xx = list(x); xx[j] = t; mu = mean(n, xx); return S(lambda k: (xx[k] - mu) * xx[k], 1, n)
    return D(f, x[j])
pair("md_layernorm_mean_partial", ln_dj, lambda n, j, x: 2 * (x[j] - mean(n, x)), lambda n, j, x: 2 * x[j] - mean(n, x), VN)

def eq(a, b):
    if isinstance(a, list):
        return len(a) == len(b) and all(eq(p, q) for p, q in zip(a, b))
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
    if not JOINT_OK:
        problems.append("piecewise_smooth_join_slope: one-sided slopes differ at the joint")
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
