#!/usr/bin/env python3
"""Check every attack-19 pair independently of derive-ce: mpmath at 100 digits, sums and
products as loops, derivatives by mpmath.diff, matrices as nested lists of random rationals.
For each pair: the true step (LHS = TRUE) at every point of its stated domain (negative,
tiny, far, boundary and integer points), and the false step (LHS = FALSE) unequal at one
point at least of the same domain. Also checks that each pair's files exist (YAML or MD).
Prints `verified N pairs; problems: K`."""
import json, os, random
import mpmath as M
from mpmath import mpf, pi, sqrt, ln, exp, sin, cos, tan, tanh, atan, acos, floor, ceil, binomial, factorial, fabs, gamma, erf
M.mp.dps = 100
HERE = os.path.dirname(os.path.abspath(__file__))
R = [mpf(v) for v in ("-1e8", "-1000", "-7.3", "-1.5", "-1", "-0.9", "-0.5", "-0.3", "-1e-7", "0", "1e-7",
                      "0.4", "0.5", "0.8", "1", "1.7", "2", "3.1", "12.5", "1e5", "1e8")]
RNZ = [v for v in R if v != 0]
MID = [v for v in R if abs(v) <= 40]
I = list(range(-16, 31)) + [99, 100, 101, 961, 1000]
NN = [n for n in I if 0 <= n <= 60]
NPOS = [n for n in NN if n >= 1]
sgn = lambda v: M.sign(v)
cbrt = lambda v: sgn(v) * M.cbrt(fabs(v))
sig = lambda t: 1 / (1 + exp(-t))
D = lambda f, x, n=1: M.diff(f, x, n)
S = lambda f, lo, hi: sum((f(k) for k in range(lo, hi + 1)), mpf(0))
Pr = lambda f, lo, hi: M.fprod([f(k) for k in range(lo, hi + 1)]) if hi >= lo else mpf(1)
def close(a, b):
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= mpf(10) ** -(90 if M.mp.dps <= 100 else M.mp.dps - 100) * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, dps=100):
    PAIRS[name] = (lhs, tr, fa, pts, dps)
P1 = lambda xs: [(x,) for x in xs]
P2 = lambda xs, ys: [(x, y) for x in xs for y in ys]
E9 = mpf("1e-9")

# A
pair("cos_arctan_quotient_negative", lambda x, y: cos(atan(y / x)), lambda x, y: -x / sqrt(x * x + y * y),
     lambda x, y: x / sqrt(x * x + y * y), P2([v for v in R if v < 0], R))
pair("arccos_double_angle_negative", lambda x: acos(2 * x * x - 1), lambda x: 2 * pi - 2 * acos(x), lambda x: 2 * acos(x),
     P1([v for v in R if -1 < v < 0] + [-1 + E9, -E9]))
pair("cube_root_product_reals", lambda x, y: cbrt(x) * cbrt(y), lambda x, y: cbrt(x * y), lambda x, y: cbrt(fabs(x * y)), P2(R, R))
pair("power_three_halves_square", lambda x: (x * x) ** (mpf(3) / 2), lambda x: fabs(x) ** 3, lambda x: x ** 3, P1(R))
pair("log_ten_half_power", lambda x: mpf(10) ** (M.log(x * x, 10) / 2), lambda x: fabs(x), lambda x: x, P1(RNZ))
pair("sqrt_square_difference_ordered", lambda x, y: sqrt(x * x - 2 * x * y + y * y), lambda x, y: y - x, lambda x, y: x - y,
     [(x, y) for x in R for y in R if x < y])
pair("sin_arctan_odd", lambda x: sin(atan(x)), lambda x: x / sqrt(1 + x * x), lambda x: fabs(x) / sqrt(1 + x * x), P1(R))
# B
pair("ceil_third_integer", lambda n: ceil(mpf(n) / 3), lambda n: floor(mpf(n + 2) / 3), lambda n: floor(mpf(n) / 3) + 1, P1(I))
pair("frac_part_closed_left", lambda x: x - floor(x), lambda x: x + 1, lambda x: x - ceil(x) + 1,
     P1([mpf(-1), -1 + E9, mpf("-0.7"), mpf("-0.5"), mpf("-0.1"), -E9]))
pair("floor_minus_ceil_boundary", lambda x: floor(x) - ceil(x), lambda x: 0 if x == 1 else -1, lambda x: -1,
     P1([mpf(1), 1 + E9, mpf("1.3"), mpf("1.5"), 2 - E9]))
pair("min_times_sign", lambda x: min(x, 0) * sgn(x), lambda x: -min(x, 0), lambda x: min(x, 0), P1(R))
pair("max_minus_min_abs", lambda x, y: max(x, y) - min(x, y), lambda x, y: fabs(x - y), lambda x, y: x - y, P2(R, R))
pair("gamma_negative_half", lambda: gamma(mpf(-1) / 2), lambda: -2 * sqrt(pi), lambda: 2 * sqrt(pi), [()])
# C
pair("gamma_five_halves", lambda: gamma(mpf(5) / 2), lambda: 3 * sqrt(pi) / 4, lambda: 3 * sqrt(pi) / 2, [()])
pair("central_binom_product_at_zero", lambda n: Pr(lambda k: mpf(2 * k - 1) / (2 * k), 1, n),
     lambda n: binomial(2 * n, n) / mpf(4) ** n, lambda n: binomial(2 * n - 1, n) / mpf(2) ** (2 * n - 1), P1(NN))
pair("binom_sixty_exact", lambda: mpf(M.binomial(60, 30)), lambda: mpf(118264581564861424), lambda: mpf(118264581564861425), [()])
pair("gamma_ratio_shift", lambda x: gamma(x + 2) / gamma(x), lambda x: x * x + x, lambda x: (x + 1) ** 2 - 1, P1([v for v in R if 0 < v < 1e6]))
# D
pair("sum_difference_count_at_zero", lambda n: S(lambda k: 1, 1, n) - S(lambda k: 1, 1, n - 1), lambda n: min(n, 1), lambda n: 1, P1(NN))
pair("double_sum_gap_weights", lambda n: S(lambda i: S(lambda j: j - i, i + 1, n), 1, n), lambda n: binomial(n + 1, 3),
     lambda n: binomial(n, 3), P1(NN))
def kd(n, seed):
    r = random.Random(seed); return [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)]
XS = [(n, s) for n in (1, 2, 3, 5) for s in range(3)]
pair("kronecker_double_sum_square", lambda n, s: S(lambda i: S(lambda j: (1 if i == j else 0) * kd(n, s)[i - 1] * kd(n, s)[j - 1], 1, n), 1, n),
     lambda n, s: S(lambda k: kd(n, s)[k - 1] ** 2, 1, n), lambda n, s: S(lambda k: kd(n, s)[k - 1], 1, n) ** 2, XS)
pair("indicator_single_index", lambda n: S(lambda k: 1 if k == 3 else 0, 1, n), lambda n: min(max(n - 2, 0), 1), lambda n: 1, P1(NPOS))
pair("symmetric_shift_square", lambda n: S(lambda k: (k + 1) ** 2, -n, n),
     lambda n: mpf((n + 1) * (n + 2) * (2 * n + 3)) / 6 + mpf((n - 1) * n * (2 * n - 1)) / 6,
     lambda n: mpf((n + 1) * (n + 2) * (2 * n + 3)) / 6 + mpf(n * (n + 1) * (2 * n + 1)) / 6, P1(NN))
X3 = [kd(3, s) for s in range(5)]
pair("subscript_reflected_index", lambda s: S(lambda k: X3[s][k - 1] * X3[s][4 - k - 1], 1, 3),
     lambda s: 2 * X3[s][0] * X3[s][2] + X3[s][1] ** 2, lambda s: X3[s][0] * X3[s][2] + X3[s][1] ** 2, P1(range(5)))
pair("alternating_sum_ceil", lambda n: S(lambda k: (-1) ** k * k, 1, n), lambda n: (-1) ** n * ceil(mpf(n) / 2),
     lambda n: (-1) ** n * floor(mpf(n) / 2), P1(NPOS))
pair("nested_product_triangle", lambda n: Pr(lambda i: Pr(lambda j: 2, 1, i), 1, n), lambda n: mpf(2) ** (n * (n + 1) // 2),
     lambda n: mpf(2) ** (n * (n - 1) // 2), P1(NN))
# E
pair("abs_cubed_second_derivative", lambda x: D(lambda t: fabs(t) ** 3, x, 2), lambda x: 6 * fabs(x), lambda x: 6 * x,
     P1([v for v in R if abs(v) < 1e6 and v != 0]))
pair("min_square_one_derivative", lambda x: D(lambda t: min(t * t, 1), x), lambda x: 2 * x, lambda x: 2 * fabs(x),
     P1([v for v in R if -1 < v < 1] + [-1 + mpf("1e-3"), 1 - mpf("1e-3")]))
pair("gaussian_third_derivative", lambda x: D(lambda t: exp(-t * t), x, 3), lambda x: (12 * x - 8 * x ** 3) * exp(-x * x),
     lambda x: (8 * x ** 3 - 12 * x) * exp(-x * x), P1(MID))
pair("leibniz_fifth_derivative", lambda x: D(lambda t: t * exp(2 * t), x, 5), lambda x: (32 * x + 80) * exp(2 * x),
     lambda x: (32 * x + 160) * exp(2 * x), P1(MID))
def wcase(n, i, j, seed):
    r = random.Random(seed)
    W = [[mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)] for _ in range(n)]
    x = [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)]
    def L(t):
        WW = [list(row) for row in W]; WW[i][j] = t
        return sum(sum(WW[k][l] * x[l] for l in range(n)) ** 2 for k in range(n))
    y = [sum(W[k][l] * x[l] for l in range(n)) for k in range(n)]
    return D(L, W[i][j]), 2 * y[i] * x[j], 2 * y[j] * x[i]
WC = [wcase(n, i, j, 100 * n + 10 * i + j) for n in (1, 2, 3) for i in range(n) for j in range(n)]
pair("weight_matrix_partial_indices", lambda k: WC[k][0], lambda k: WC[k][1], lambda k: WC[k][2], P1(range(len(WC))))
X4 = [kd(4, 10 + s) for s in range(5)] + [[mpf(1), mpf(2), mpf(3), mpf(5)]]
def pp(s):
    x = X4[s]
    return D(lambda t: x[0] * x[1] * t * x[3], x[2])
pair("partial_product_one_factor", pp, lambda s: X4[s][0] * X4[s][1] * X4[s][3], lambda s: X4[s][0] * X4[s][1] * X4[s][2], P1(range(6)))
pair("chain_three_defined_names", lambda x: D(lambda t: ln(t * t + 1) ** 3, x), lambda x: 6 * x * ln(x * x + 1) ** 2 / (x * x + 1),
     lambda x: 3 * x * ln(x * x + 1) ** 2 / (x * x + 1), P1([v for v in R if abs(v) < 1e6]))
# y a concrete smooth function, chosen independently
yf = lambda t: sin(t) + t ** 3 / 7 + mpf(1) / 3
yp = lambda t: cos(t) + 3 * t ** 2 / 7
pair("implicit_function_product", lambda x: D(lambda t: t * yf(t) ** 2, x), lambda x: yf(x) ** 2 + 2 * x * yf(x) * yp(x),
     lambda x: yf(x) ** 2 + 2 * x * yp(x), P1(MID))
pair("floor_times_x_derivative", lambda x: D(lambda t: t * floor(t), x), lambda x: 2, lambda x: floor(x) + x,
     P1([2 + mpf("1e-3"), mpf("2.5"), mpf("2.9"), 3 - mpf("1e-3")]))
# F
pair("nested_cases_abs_product", lambda x, y: sqrt(x * x * y * y), lambda x, y: -x * y, lambda x, y: x * y,
     P2([v for v in R if v < 0], [v for v in R if v > 0]))
pw3 = lambda x: 1 if x > 0 else (-1 if x < 0 else 0)
pair("piecewise_gap_row_zero", pw3, lambda x: sgn(x), lambda x: sgn(x) + 1 - fabs(sgn(x)), P1(R))
pair("piecewise_row_order_tie", lambda x: x * x if x <= 1 else 2 * x, lambda x: 1 if x == 1 else 2 * x, lambda x: 2 * x,
     P1([v for v in R if v >= 1] + [1 + E9]))
# G
pair("integer_sin_half_pi_square", lambda n: sin(pi * n / 2) ** 2, lambda n: (1 - (-1) ** n) / mpf(2), lambda n: (1 + (-1) ** n) / mpf(2), P1(I))
pair("integer_neg_one_pronic", lambda n: mpf(-1) ** (n * (n + 1)), lambda n: 1, lambda n: (-1) ** n, P1([n for n in I if n >= 1]))
pair("integer_sin_shift", lambda n: sin(pi * n + pi / 2), lambda n: (-1) ** n, lambda n: 1, P1([n for n in I if n >= 1]))
# H
T20 = lambda: mpf(10) ** -20
pair("near_cancel_square_constant", lambda: (1 + T20()) ** 2 - 1, lambda: 2 * T20() + T20() ** 2, lambda: 2 * T20(), [()])
pair("decimal_float_artifact", lambda: mpf(1) / 10 * 3, lambda: mpf(3) / 10, lambda: mpf("0.30000000000000004"), [()])
pair("sqrt_huge_conjugate", lambda: sqrt(mpf(10) ** 40 + 1) - mpf(10) ** 20, lambda: 1 / (sqrt(mpf(10) ** 40 + 1) + mpf(10) ** 20),
     lambda: 1 / (2 * mpf(10) ** 20), [()], dps=1200)
pair("tiny_shift_symbolic_square", lambda x: (x + T20()) ** 2 - x ** 2, lambda x: 2 * T20() * x + T20() ** 2, lambda x: 2 * T20() * x, P1(R), dps=1200)
pair("exp_huge_ratio", lambda: (exp(1000) + 1) / exp(1000), lambda: 1 + exp(-1000), lambda: mpf(1), [()], dps=1200)
# I
pair("ln_implicit_product", lambda x: ln(2 * x), lambda x: ln(2) + ln(x), lambda x: x * ln(2), P1([v for v in R if v > 0]))
pair("cos_squared_double_arg", lambda x: cos(2 * x) ** 2, lambda x: (1 + cos(4 * x)) / 2, lambda x: (1 + cos(2 * x)) / 2, P1(R))
pair("e_power_unbraced", lambda x: exp(2) * x, lambda x: x * exp(2), lambda x: exp(2 * x), P1(R))   # TeX: e^2x is e^2 . x
pair("power_e_derivative", lambda x: D(lambda t: t ** M.e, x), lambda x: M.e * x ** (M.e - 1), lambda x: x ** M.e,
     P1([v for v in R if 0 < v < 1e6 and v > 1e-6]))
# J (nested lists)
def rv(r, n): return [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)]
def rm(r, a, b): return [rv(r, b) for _ in range(a)]
T = lambda A: [list(row) for row in zip(*A)]
mv = lambda A, x: [sum(A[i][j] * x[j] for j in range(len(x))) for i in range(len(A))]
dot = lambda a, b: sum(p * q for p, q in zip(a, b))
nrm = lambda a: sqrt(dot(a, a))
tr = lambda A: sum(A[i][i] for i in range(len(A)))
def kron(A, B):
    n, m = len(A), len(B)
    return [[A[i // m][j // m] * B[i % m][j % m] for j in range(n * m)] for i in range(n * m)]
SZ = [1, 2, 3, 4, 2, 3]
def vv(k):
    r = random.Random(500 + k); n = SZ[k]; return rv(r, n), rv(r, n)
pair("trace_outer_product", lambda k: tr([[a * b for b in vv(k)[1]] for a in vv(k)[0]]), lambda k: dot(*vv(k)),
     lambda k: nrm(vv(k)[0]) * nrm(vv(k)[1]), P1(range(6)))
pair("norm_squared_difference", lambda k: nrm([a - b for a, b in zip(*vv(k))]) ** 2,
     lambda k: nrm(vv(k)[0]) ** 2 - 2 * dot(*vv(k)) + nrm(vv(k)[1]) ** 2,
     lambda k: nrm(vv(k)[0]) ** 2 - dot(*vv(k)) + nrm(vv(k)[1]) ** 2, P1(range(6)))
def ridge(k):
    r = random.Random(700 + k); N, d = [(1, 1), (2, 3), (3, 2), (4, 4), (3, 1)][k]
    X = rm(r, N, d); w = rv(r, d); y = rv(r, N); lam = mpf(r.randint(1, 9)) / 4
    def L(ww): return nrm([a - b for a, b in zip(mv(X, ww), y)]) ** 2 / 2 + lam / 2 * nrm(ww) ** 2
    g = []
    for i in range(d):
        def h(t, i=i):
            ww = list(w); ww[i] = t; return L(ww)
        g.append(D(h, w[i]))
    res = [a - b for a, b in zip(mv(X, w), y)]
    base = mv(T(X), res)
    return g, [a + lam * b for a, b in zip(base, w)], [a + 2 * lam * b for a, b in zip(base, w)]
RG = [ridge(k) for k in range(5)]
vclose = lambda a, b: all(close(p, q) for p, q in zip(a, b))
pair("ridge_gradient", lambda k: RG[k][0], lambda k: RG[k][1], lambda k: RG[k][2], P1(range(5)))
def kr(k):
    r = random.Random(900 + k); n, m = [(1, 1), (2, 3), (3, 2), (2, 2)][k]
    return rm(r, n, n), rm(r, m, m)
pair("kron_trace", lambda k: tr(kron(*kr(k))), lambda k: tr(kr(k)[0]) * tr(kr(k)[1]), lambda k: tr(kr(k)[0]) + tr(kr(k)[1]), P1(range(4)))
# K
pair("tanh_via_sigmoid_derivative", lambda x: D(tanh, x), lambda x: 4 * sig(2 * x) * (1 - sig(2 * x)),
     lambda x: 2 * sig(2 * x) * (1 - sig(2 * x)), P1(MID))
Phi = lambda t: (1 + erf(t / sqrt(2))) / 2
pair("gelu_derivative", lambda x: D(lambda t: t * Phi(t), x), lambda x: Phi(x) + x / sqrt(2 * pi) * exp(-x * x / 2),
     lambda x: Phi(x) - x / sqrt(2 * pi) * exp(-x * x / 2), P1(MID))
def ln_case(n, j, seed):
    x = kd(n, seed)
    def F(t):
        xx = list(x); xx[j] = t; mu = sum(xx) / n
        return sum((v - mu) ** 2 for v in xx)
    mu = sum(x) / n
    return D(F, x[j]), 2 * (x[j] - mu), 2 * (x[j] - mu) * (1 - mpf(1) / n)
LN = [ln_case(n, j, 30 + n) for n in (1, 2, 3, 5) for j in range(n)]
# at n = 1 both sides are 0; the false twin must differ for some n >= 2
pair("layernorm_centered_gradient", lambda k: LN[k][0], lambda k: LN[k][1], lambda k: LN[k][2], P1(range(len(LN))))
def lse(n, s, m):
    z = kd(n, 60 + s)
    return ln(sum(exp(v) for v in z)), m + ln(sum(exp(v - m) for v in z)), m + ln(sum(exp(v - m) for v in z)) - ln(n)
LSE = [lse(n, s, m) for n in (1, 2, 4) for s in range(2) for m in (mpf(0), mpf("-3.5"), mpf(40))]
pair("logsumexp_shift_count", lambda k: LSE[k][0], lambda k: LSE[k][1], lambda k: LSE[k][2], P1(range(len(LSE))))
def smt(n, i, Tt, seed):
    z = kd(n, seed)
    def p(t):
        zz = list(z); zz[i] = t
        return exp(zz[i] / Tt) / sum(exp(v / Tt) for v in zz)
    pi_ = p(z[i])
    return D(p, z[i]), pi_ * (1 - pi_) / Tt, pi_ * (1 - pi_)
SMT = [smt(n, i, Tt, 70 + n) for n in (1, 2, 3) for i in range(n) for Tt in (mpf("0.5"), mpf(1), mpf(3))]
pair("softmax_temperature_gradient", lambda k: SMT[k][0], lambda k: SMT[k][1], lambda k: SMT[k][2], P1(range(len(SMT))))
def sjt(n, s):
    z = kd(n, 80 + s); Z = sum(exp(v) for v in z); p = [exp(v) / Z for v in z]
    return sum(q * (1 - q) for q in p), 1 - sum(q * q for q in p), 1 - sum(p) / n
SJT = [sjt(n, s) for n in (1, 2, 3, 6) for s in range(2)]
pair("softmax_jacobian_trace", lambda k: SJT[k][0], lambda k: SJT[k][1], lambda k: SJT[k][2], P1(range(len(SJT))))
pair("tanh_second_derivative", lambda x: D(tanh, x, 2), lambda x: -2 * tanh(x) * (1 - tanh(x) ** 2),
     lambda x: 2 * tanh(x) * (1 - tanh(x) ** 2), P1(MID))

def eq(a, b):
    if isinstance(a, list):
        return vclose(a, b)
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
        lhs, tr_, fa, pts, dps = PAIRS[name]
        M.mp.dps = dps   # cancellations (10^40 against 1, e^-1000) need more than 100 digits
        bad_true = [p for p in pts if not eq(lhs(*p), tr_(*p))]
        if bad_true:
            problems.append("%s: TRUE step fails at %s" % (name, [M.nstr(v, 8) if not isinstance(v, int) else v for v in bad_true[0]]))
        if all(eq(lhs(*p), fa(*p)) for p in pts):
            problems.append("%s: FALSE step holds at every point" % name)
        M.mp.dps = 100
    for name in PAIRS:
        if name not in classes:
            problems.append("%s: checked but not generated" % name)
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
