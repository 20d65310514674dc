#!/usr/bin/env python3
"""Check every attack-18 pair independently of derive-ce (mpmath at 50 digits, sums as
loops, matrices as nested lists). For each pair: the true step (LHS = TRUE) at many
points in its domain (negative, tiny, far), and the false step (LHS = FALSE) unequal at
some point of the same domain. Prints `verified N pairs; problems: K`."""
import itertools, json, os, random
import mpmath as M
from mpmath import mpf, pi, sqrt, ln, exp, sin, cos, tan, sinh, cosh, tanh, atan, asin, acos, asinh, atanh, floor, ceil, binomial, factorial, fabs
M.mp.dps = 100   # 50 digits asked; 100 so that a 10^-40 relative slip is still seen
HERE = os.path.dirname(os.path.abspath(__file__))
R = [mpf(v) for v in ("-1e8", "-1000", "-7.3", "-1.5", "-0.9", "-0.3", "-1e-7", "1e-7", "0.4", "0.8", "1.7", "3.1", "12.5", "1e5", "1e8")]
MID = [v for v in R if abs(v) <= 40]      # for hyperbolic identities (values still exact in mpmath, just cheaper)
I = list(range(-16, 31)) + [100, 961, 1000]
cot = lambda x: 1 / tan(x); sec = lambda x: 1 / cos(x); csc = lambda x: 1 / sin(x)
acot = lambda x: pi / 2 - atan(x)          # values in (0, pi), as docs/format.md
asec = lambda x: acos(1 / x); acsc = lambda x: asin(1 / x)
sig = lambda t: 1 / (1 + exp(-t))
cbrt = lambda v: M.sign(v) * M.cbrt(fabs(v))
D = lambda f, x, n=1: M.diff(f, x, n)
def close(a, b):
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= mpf(10) ** -70 * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts):
    PAIRS[name] = (lhs, tr, fa, pts)
one = lambda f: (lambda p: f(*p))
P1 = lambda xs: [(x,) for x in xs]
P2 = lambda xs, ys: [(x, y) for x in xs for y in ys]

# A
pair("arcsec_minus_two", one(lambda: asec(-2)), one(lambda: 2 * pi / 3), one(lambda: -pi / 3), [()])
pair("arccsc_minus_two", one(lambda: acsc(-2)), one(lambda: -pi / 6), one(lambda: 7 * pi / 6), [()])
pair("arcsin_sin_second_branch", one(lambda x: asin(sin(x))), one(lambda x: pi - x), one(lambda x: x - pi),
     P1([pi / 2 + mpf(k) / 7 * pi for k in range(1, 7)] + [pi / 2 + mpf("1e-9"), 3 * pi / 2 - mpf("1e-9")]))
pair("arctan_sum_negative", one(lambda x: atan(x) + atan(1 / x)), one(lambda x: -pi / 2), one(lambda x: pi / 2), P1([v for v in R if v < 0]))
pair("arccot_square_derivative", one(lambda x: D(lambda t: acot(t ** 2), x)), one(lambda x: -2 * x / (1 + x ** 4)), one(lambda x: 2 * x / (1 + x ** 4)), P1([v for v in R if abs(v) < 1e6] + [mpf(0)]))
pair("arccos_negative_argument", one(lambda x: acos(-x)), one(lambda x: pi - acos(x)), one(lambda x: pi / 2 - acos(x)), P1([v for v in R if -1 < v < 1]))
pair("arsinh_log_form", one(asinh), one(lambda x: ln(x + sqrt(x ** 2 + 1))), one(lambda x: ln(sqrt(x ** 2 + 1) - x)), P1(R))
pair("artanh_log_half", one(atanh), one(lambda x: ln((1 + x) / (1 - x)) / 2), one(lambda x: ln((1 + x) / (1 - x))), P1([v for v in R if -1 < v < 1]))
pair("arcsec_derivative_negative", one(lambda x: D(asec, x)), one(lambda x: -1 / (x * sqrt(x ** 2 - 1))), one(lambda x: 1 / (x * sqrt(x ** 2 - 1))), P1([v for v in R if -1e6 < v < -1]))
pair("arccot_reciprocal_negative", one(acot), one(lambda x: pi + atan(1 / x)), one(lambda x: atan(1 / x)), P1([v for v in R if v < 0]))
# B
pair("cosh_of_sum", one(lambda x, y: cosh(x + y)), one(lambda x, y: cosh(x) * cosh(y) + sinh(x) * sinh(y)), one(lambda x, y: cosh(x) * cosh(y) - sinh(x) * sinh(y)), P2(MID, MID))
pair("sin_triple_power", one(lambda x: sin(3 * x)), one(lambda x: 3 * sin(x) - 4 * sin(x) ** 3), one(lambda x: 3 * sin(x) - 4 * sin(x) ** 2), P1(R))
pair("tanh_double", one(lambda x: tanh(2 * x)), one(lambda x: 2 * tanh(x) / (1 + tanh(x) ** 2)), one(lambda x: 2 * tanh(x) / (1 - tanh(x) ** 2)), P1(R))
pair("sinh_triple_sign", one(lambda x: sinh(3 * x)), one(lambda x: 3 * sinh(x) + 4 * sinh(x) ** 3), one(lambda x: 3 * sinh(x) - 4 * sinh(x) ** 3), P1(MID))
pair("cosh_double_sinh", one(lambda x: cosh(2 * x)), one(lambda x: 1 + 2 * sinh(x) ** 2), one(lambda x: 1 - 2 * sinh(x) ** 2), P1(MID))
pair("csc_shift_far_pi", one(lambda x: csc(x + 10 ** 6 * pi)), one(csc), one(lambda x: -csc(x)), P1(R))
# C
pair("cube_root_tiny_scale", one(lambda x: cbrt(x ** 3 * mpf(10) ** -15)), one(lambda x: x / 10 ** 5), one(lambda x: x / 10 ** 5 + mpf(10) ** -13), P1(R))
pair("cube_root_binomial_sign", one(lambda x: cbrt(x ** 3 + 3 * x ** 2 + 3 * x + 1) / 10 ** 5), one(lambda x: (x + 1) / 10 ** 5), one(lambda x: fabs(x + 1) / 10 ** 5), P1(R))
pair("fourth_root_abs_scale", one(lambda x: M.root(x ** 4, 4) * mpf(10) ** -5), one(lambda x: fabs(x) / 10 ** 5), one(lambda x: x / 10 ** 5), P1(R))
pair("sqrt_conjugate", one(lambda x: sqrt(x ** 2 + 1) - x), one(lambda x: 1 / (sqrt(x ** 2 + 1) + x)), one(lambda x: 1 / (2 * x + 1 / (2 * x))), P1([v for v in R if abs(v) < 1e6]))
pair("sqrt_big_offset", one(lambda x: sqrt(x ** 2 + mpf(10) ** 12)), one(lambda x: 10 ** 6 * sqrt(1 + x ** 2 / mpf(10) ** 12)), one(lambda x: 10 ** 6 + x ** 2 / (2 * 10 ** 6)), P1(R))
# D
pair("log_square_abs_two", one(lambda x: M.log(8 * x ** 2, 2)), one(lambda x: 3 + 2 * M.log(fabs(x), 2)), one(lambda x: 3 + M.log(fabs(x), 2)), P1(R))
pair("log_product_negatives", one(lambda x, y: ln(x * y)), one(lambda x, y: ln(-x) + ln(-y)), one(lambda x, y: ln(-x) - ln(-y)), P2([v for v in R if v < 0], [v for v in R if v < 0]))
# E
pair("min_via_abs_half", one(lambda x: min(x, 1 - x)), one(lambda x: mpf(1) / 2 - fabs(x - mpf(1) / 2)), one(lambda x: mpf(1) / 2 - fabs(x + mpf(1) / 2)), P1(R + [mpf(1) / 2]))
pair("floor_neg_integer_points", one(lambda x: floor(-x)), one(lambda x: -ceil(x)), one(lambda x: -floor(x) - 1), P1(R + [mpf(k) for k in I]))
pair("floor_ceil_half_integer", one(lambda n: floor(mpf(n) / 2) + ceil(mpf(n) / 2)), one(lambda n: n), one(lambda n: 2 * floor(mpf(n) / 2) + 1), P1(I))
def abs3(x):
    if -1 < x < 1: return 2
    return 2 * x if x >= 1 else -2 * x
pair("abs_sum_three_regions", one(lambda x: fabs(x - 1) + fabs(x + 1)), one(lambda x: -2 * x), one(lambda x: 2 * x + 4), P1([v for v in R if v <= -1] + [mpf(-1)]))
# F (sums as loops)
S = lambda f, lo, hi: sum((f(k) for k in range(lo, hi + 1)), mpf(0))
Pr = lambda f, lo, hi: M.fprod([f(k) for k in range(lo, hi + 1)]) if hi >= lo else mpf(1)
NP = [n for n in I if n >= 1 and n <= 120]
pair("odd_sum_shifted", one(lambda n: S(lambda k: 2 * k + 1, 0, n - 1)), one(lambda n: S(lambda k: 2 * k - 1, 1, n)), one(lambda n: S(lambda k: 2 * k + 1, 1, n)), P1(NP))
pair("telescoping_from_two", one(lambda n: S(lambda k: mpf(1) / (k * (k - 1)), 2, n)), one(lambda n: 1 - mpf(1) / n), one(lambda n: mpf(n) / (n + 1)), P1(NP))
pair("weighted_power_sum", one(lambda n: S(lambda k: k * mpf(2) ** k, 1, n)), one(lambda n: (n - 1) * mpf(2) ** (n + 1) + 2), one(lambda n: (n - 1) * mpf(2) ** n + 2), P1(NP))
pair("product_ratio_shift", one(lambda n: Pr(lambda k: mpf(k + 2) / k, 1, n)), one(lambda n: mpf((n + 1) * (n + 2)) / 2), one(lambda n: mpf(n * (n + 1)) / 2), P1(NP))
pair("central_binom_ratio", one(lambda n: binomial(2 * n, n) / binomial(2 * n - 2, n - 1)), one(lambda n: mpf(2 * (2 * n - 1)) / n), one(lambda n: mpf(2 * (2 * n + 1)) / (n + 1)), P1(NP))
pair("double_factorial_odd", one(lambda n: factorial(2 * n) / (mpf(2) ** n * factorial(n))), one(lambda n: Pr(lambda k: 2 * k - 1, 1, n)), one(lambda n: Pr(lambda k: 2 * k + 1, 1, n)), P1([0] + NP))
pair("vandermonde_squares", one(lambda n: S(lambda k: binomial(n, k) ** 2, 0, n)), one(lambda n: binomial(2 * n, n)), one(lambda n: binomial(2 * n, n - 1)), P1(NP))
pair("binom_large_n_ratio", one(lambda: binomial(400, 200) / binomial(400, 199)), one(lambda: mpf(201) / 200), one(lambda: mpf(200) / 199), [()])
# G
pair("piecewise_first_row_wins", one(lambda x: x if x > 0 else (-x if x > -1 else 0)), one(fabs), one(lambda x: -x), P1([v for v in R if 0 < v < 1]))
pair("log_unit_interval_sign", one(ln), one(lambda x: -fabs(ln(x))), one(lambda x: fabs(ln(x))), P1([v for v in R if 0 < v < 1]))
pair("abs_one_minus_square", one(lambda x: fabs(x ** 2 - 1)), one(lambda x: 1 - x ** 2), one(lambda x: x ** 2 - 1), P1([v for v in R if -1 < v < 1] + [mpf(0)]))
pair("sqrt_sin_lower_half", one(lambda x: sqrt(1 - cos(x) ** 2)), one(lambda x: -sin(x)), one(sin), P1([pi + k * pi / 9 for k in range(1, 9)]))
pair("max_square_closed_interval", one(lambda x: max(x, x ** 2)), one(lambda x: x), one(lambda x: x ** 2), P1([v for v in R if 0 < v < 1] + [mpf(0), mpf(1)]))
# H
pair("log_sigmoid_derivative", one(lambda x: D(lambda t: ln(sig(t)), x)), one(lambda x: 1 - sig(x)), one(sig), P1([v for v in R if abs(v) < 1e4]))
pair("softplus_derivative", one(lambda x: D(lambda t: ln(1 + exp(t)), x)), one(sig), one(lambda x: sig(-x)), P1([v for v in R if abs(v) < 1e4]))
pair("sigmoid_second_derivative", one(lambda x: D(sig, x, 2)), one(lambda x: sig(x) * (1 - sig(x)) * (1 - 2 * sig(x))), one(lambda x: sig(x) * (1 - sig(x)) * (2 * sig(x) - 1)), P1([v for v in R if abs(v) < 50]))
pair("swish_derivative", one(lambda x: D(lambda t: t * sig(t), x)), one(lambda x: sig(x) + x * sig(x) * (1 - sig(x))), one(lambda x: sig(x) + x * sig(x) ** 2), P1([v for v in R if abs(v) < 1e4]))
# dL/du with L = sin(u) + u^2, u held as the variable, then u = x^2
pair("partial_by_defined_name", one(lambda x: D(lambda u: sin(u) + u ** 2, x ** 2)), one(lambda x: cos(x ** 2) + 2 * x ** 2), one(lambda x: 2 * x * cos(x ** 2) + 4 * x * x ** 2), P1([v for v in R if abs(v) < 1e4]))
pair("partial_declared_constant", one(lambda x, y: D(lambda t: t ** 2 * y + exp(t * y), x)), one(lambda x, y: 2 * x * y + y * exp(x * y)), one(lambda x, y: 2 * x * y + x * exp(x * y)), P2(MID[::3], MID[::3]))
pair("mixed_partial_cubic", one(lambda x, y: M.diff(lambda a, b: a ** 3 * b ** 2, (x, y), (1, 1))), one(lambda x, y: 6 * x ** 2 * y), one(lambda x, y: 6 * x * y ** 2), P2(MID[::2], MID[::2]))
# I
def bce(y, z): return -(y * ln(sig(z)) + (1 - y) * ln(sig(-z)))   # 1 - sig(z) = sig(-z), stable far out
pair("bce_logit_gradient", one(lambda y, z: D(lambda t: bce(y, t), z)), one(lambda y, z: sig(z) - y), one(lambda y, z: y - sig(z)), P2([mpf(0), mpf(1), mpf("0.3"), mpf(-2), mpf("45.2")], MID + [mpf("123.44")]))
def lse_case(n, i, seed):
    rnd = random.Random(seed); z = [mpf(rnd.uniform(-5, 5)) for _ in range(n)]
    def F(t):
        zz = list(z); zz[i] = t
        return ln(sum(exp(v) for v in zz))
    p = lambda k: exp(z[k]) / sum(exp(v) for v in z)
    return D(F, z[i]), p(i), p(i) * (1 - p(i))
LS = [lse_case(n, i, 10 * n + i) for n in (1, 2, 3, 5) for i in range(n)]
pair("logsumexp_gradient", one(lambda k: LS[k][0]), one(lambda k: LS[k][1]), one(lambda k: LS[k][2]), P1(range(len(LS))))
# J matrices: plain lists, gradients by mpmath differentiation of each entry
def rv(rnd, n): return [mpf(rnd.randint(-9, 9)) / rnd.randint(1, 5) for _ in range(n)]
def rm(rnd, n, sym=False):
    A = [rv(rnd, n) for _ in range(n)]
    if sym: A = [[(A[i][j] + A[j][i]) / 2 for j in range(n)] for i in range(n)]
    return A
mv = lambda A, x: [sum(A[i][j] * x[j] for j in range(len(x))) for i in range(len(A))]
T = lambda A: [list(r) for r in zip(*A)]
dot = lambda a, b: sum(p * q for p, q in zip(a, b))
mm = lambda A, B: [[sum(A[i][k] * B[k][j] for k in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]
tr = lambda A: sum(A[i][i] for i in range(len(A)))
def grad(f, x):
    out = []
    for i in range(len(x)):
        def g(t, i=i):
            y = list(x); y[i] = t
            return f(y)
        out.append(D(g, x[i]))
    return out
vec_close = lambda a, b: all(close(p, q) for p, q in zip(a, b))
def inst(k):
    rnd = random.Random(1000 + k); n = [1, 2, 3, 4, 3, 2][k]
    return n, rnd
def matpair(name, lhs, tr_, fa):
    PAIRS[name] = ("M", lhs, tr_, fa)
def mp_quad(k):
    n, r = inst(k); x = rv(r, n); B = rm(r, n); return x, B
matpair("quadratic_form_nonsymmetric", lambda k: (lambda x, B: grad(lambda y: dot(y, mv(B, y)), x))(*mp_quad(k)),
        lambda k: (lambda x, B: [a + b for a, b in zip(mv(B, x), mv(T(B), x))])(*mp_quad(k)),
        lambda k: (lambda x, B: [2 * a for a in mv(B, x)])(*mp_quad(k)))
def mp_x(k):
    n, r = inst(k); return rv(r, n) if any(rv(random.Random(k), 1)) else None
def xnz(k):
    n, r = inst(k); x = rv(r, n)
    return x if any(x) else [mpf(1)] * n
matpair("norm_gradient", lambda k: grad(lambda y: sqrt(dot(y, y)), xnz(k)), lambda k: [v / sqrt(dot(xnz(k), xnz(k))) for v in xnz(k)], lambda k: [v / dot(xnz(k), xnz(k)) for v in xnz(k)])
def AB(k):
    n, r = inst(k); return rm(r, n), rm(r, n)
matpair("trace_transpose_slip", lambda k: [tr(mm(*AB(k)))], lambda k: [tr(mm(AB(k)[1], AB(k)[0]))], lambda k: [tr(mm(T(AB(k)[0]), AB(k)[1]))])
def Axb(k):
    n, r = inst(k); return rm(r, n), rv(r, n), rv(r, n)
def ls_loss(A, b):
    return lambda y: sum(v ** 2 for v in [p - q for p, q in zip(mv(A, y), b)]) / 2
matpair("least_squares_square_matrix", lambda k: (lambda A, x, b: grad(ls_loss(A, b), x))(*Axb(k)),
        lambda k: (lambda A, x, b: mv(T(A), [p - q for p, q in zip(mv(A, x), b)]))(*Axb(k)),
        lambda k: (lambda A, x, b: mv(A, [p - q for p, q in zip(mv(A, x), b)]))(*Axb(k)))
def xAs(k):
    n, r = inst(k); return rv(r, n), rm(r, n, sym=True)
matpair("symmetric_form_diagonal", lambda k: (lambda x, A: [dot(x, mv(A, x))])(*xAs(k)),
        lambda k: (lambda x, A: [sum(A[i][j] * x[i] * x[j] for i in range(len(x)) for j in range(len(x)))])(*xAs(k)),
        lambda k: (lambda x, A: [sum(A[i][i] * x[i] ** 2 for i in range(len(x)))])(*xAs(k)))
matpair("trace_outer_norm", lambda k: [tr([[a * b for b in xnz(k)] for a in xnz(k)])], lambda k: [dot(xnz(k), xnz(k))], lambda k: [sqrt(dot(xnz(k), xnz(k)))])
def xa(k):
    n, r = inst(k); return rv(r, n), rv(r, n)
matpair("squared_projection_gradient", lambda k: (lambda x, a: grad(lambda y: dot(a, y) ** 2, x))(*xa(k)),
        lambda k: (lambda x, a: [2 * dot(a, x) * v for v in a])(*xa(k)),
        lambda k: (lambda x, a: [2 * dot(a, x) * v for v in x])(*xa(k)))

# K added probes
pair("floor_half_integer_round", one(lambda x: floor(x + mpf(1) / 2)), one(lambda x: -ceil(-x - mpf(1) / 2)), one(lambda x: ceil(x - mpf(1) / 2)), P1(R + [mpf(k) / 2 for k in range(-9, 10)]))
pair("log_one_minus_sigmoid_derivative", one(lambda z: D(lambda t: ln(sig(-t)), z)), one(lambda z: -sig(z)), one(lambda z: sig(z) - 1), P1([v for v in R if abs(v) < 1e4] + [mpf("123.44")]))
pair("alt_sum_sign_at_zero", one(lambda n: S(lambda k: (-1) ** k, 1, n)), one(lambda n: mpf((-1) ** n - 1) / 2), one(lambda n: mpf((-1) ** n - M.sign(n)) / 2), P1([n for n in I if 0 <= n <= 120]))

pair("cos_far_period_tiny_shift", one(lambda x: cos(mpf(10) ** 20 * pi + x)), one(cos), one(lambda x: cos(x + pi / mpf(10) ** 20)), P1([v for v in R if abs(v) < 1e6]))
pair("cube_root_relative_slip", one(lambda x: cbrt(8 * x) / 10 ** 5), one(lambda x: 2 * cbrt(x) / 10 ** 5), one(lambda x: mpf("2.0000000000001") * cbrt(x) / 10 ** 5), P1(R))
def xB(k):
    n, r = inst(k); return rv(r, n), rm(r, n)
def hess(f, x):
    return [[M.diff(lambda a, b, i=i, j=j: f([a if t == i else (b if t == j else x[t]) for t in range(len(x))]) if i != j else f([a if t == i else x[t] for t in range(len(x))]), (x[i], x[j]), (1, 1)) if i != j else M.diff(lambda a, i=i: f([a if t == i else x[t] for t in range(len(x))]), x[i], 2) for j in range(len(x))] for i in range(len(x))]
flat = lambda A: [v for r in A for v in r]
matpair("hessian_nonsymmetric", lambda k: (lambda x, B: flat(hess(lambda y: dot(y, mv(B, y)) / 2, x)))(*xB(k)),
        lambda k: (lambda x, B: flat([[(B[i][j] + B[j][i]) / 2 for j in range(len(x))] for i in range(len(x))]))(*xB(k)),
        lambda k: (lambda x, B: flat(B))(*xB(k)))
pair("piecewise_overlap_chained_rows", one(lambda x: 1 if 0 < x < 2 else (2 if 1 < x < 3 else 0)), one(lambda x: 1), one(lambda x: 2), P1([1 + mpf(k) / 10 for k in range(1, 10)] + [1 + mpf("1e-9"), 2 - mpf("1e-9")]))
pair("log_tiny_argument", one(lambda x: ln(1 + mpf(10) ** -40 * x ** 2)), one(lambda x: ln(mpf(10) ** 40 + x ** 2) - 40 * ln(10)), one(lambda x: mpf(10) ** -40 * x ** 2), P1([v for v in R if abs(v) > 1e-3]))
pair("sum_doubling_range_negative", one(lambda n: S(lambda k: 1, n, 2 * n)), one(lambda n: max(n + 1, 0)), one(lambda n: n + 1), P1(I))
pair("cube_root_shift_relative", one(lambda x: cbrt(8 * x + 16)), one(lambda x: 2 * cbrt(x + 2)), one(lambda x: (2 + mpf(10) ** -40) * cbrt(x + 2)), P1(R))
pair("softplus_slope_far_case", one(lambda x: D(lambda t: ln(1 + exp(t)), x)), one(sig), one(lambda x: 1), P1([50 + mpf("1e-7"), mpf("50.4"), mpf(51), mpf(62.5), mpf(120), mpf(1000)]))

def main():
    names = json.load(open(os.path.join(HERE, "classes.json")))
    problems = []
    for name in names:
        if name not in PAIRS:
            problems.append(name + ": no check"); continue
        c = PAIRS[name]
        if c[0] == "M":
            _, lhs, tr_, fa = c
            ks = range(6)
            ok = all(vec_close(lhs(k), tr_(k)) for k in ks)
            bad = any(not vec_close(lhs(k), fa(k)) for k in ks)
        else:
            lhs, tr_, fa, pts = c
            ok, bad = True, False
            for p in pts:
                a = lhs(p)
                if not close(a, tr_(p)):
                    ok = False; problems.append("%s: true twin differs at %s" % (name, [M.nstr(v, 8) for v in p]))
                    break
                try:
                    if not close(a, fa(p)):
                        bad = True
                except (ZeroDivisionError, ValueError):
                    pass   # the false side is undefined here: not counted as a witness
        if not ok and c[0] == "M":
            problems.append(name + ": true twin differs")
        if not bad:
            problems.append(name + ": false twin never differs")
    print("verified %d pairs; problems: %d" % (len(names) - len(problems), len(problems)))
    for p in problems:
        print("  " + p)

if __name__ == "__main__":
    main()
