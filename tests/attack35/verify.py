#!/usr/bin/env python3
"""Check every attack-35 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Values are compared relative to max(1, |a|, |b|) with tolerance 10^-40;
values that come from numerical derivatives with tolerance 10^-20 (first derivatives: central
quotients with h = 10^-30; a derivative is taken only where the two one-sided quotients agree to
10^-20, else it is None, a kink, and None agrees only with None) or 10^-12 (second derivatives:
nested quotients, 10^-15 outside and 10^-30 inside). Integer pairs (sums, products, centred
sums) use exact Fractions. Vectors and matrices: every size n from 1 to 4 (or 5), random
rational entries, every index assignment. Each true step must hold at every point tried of its
domain (declared flags, prose assumptions, every case's condition, with its closed ends); each
false step must differ at one point at least of that domain. Shared (unmarked) steps are checked
too ("extra"), on their own domains. File check: twins identical but for the marked line, one
mark, in the false twin only; every YAML twin loads with yaml.safe_load. SHOW=1 prints where
each false step fails."""
import json, math, os, random
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, tan, tanh, cosh, sinh
M.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -40
DTOL = mpf(10) ** -20
D2TOL = mpf(10) ** -12
RNG = random.Random(35)
H1 = mpf(10) ** -30
PI = M.pi

def close(a, b, tol=None):
    tol = TOL if tol is None else tol
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, Fr) and isinstance(b, Fr):
        return a == b
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

def deriv(f, x, H=H1, tol=DTOL):
    try:
        f0, fl, fr = f(x), f(x - H), f(x + H)
    except (ZeroDivisionError, ValueError):
        return None
    if f0 is None or fl is None or fr is None:
        return None
    l = (f0 - fl) / H; r = (fr - f0) / H
    if abs(l - r) > mpf(10) ** -10 * max(1, abs(l)):
        return None
    return (fr - fl) / (2 * H)
def deriv2(f, x):
    return deriv(lambda t: deriv(f, t, mpf(10) ** -30), x, mpf(10) ** -15, D2TOL)
def pd(f, vec, i):
    """partial derivative of f(list) in coordinate i."""
    def g(t):
        w = list(vec); w[i] = t; return f(w)
    return deriv(g, vec[i])

def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def rpos(): return mpf(RNG.randint(1, 60)) / RNG.randint(1, 9)
def rfr(): return Fr(RNG.randint(-30, 30), RNG.randint(1, 7))
def sig(t): return 1 / (1 + exp(-t))
LADDER = [mpf(v) for v in ("-30", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9", "0",
                           "1e-12", "0.4", "1", "2", "3.1", "12.5", "30")]
REALS = LADDER + [rnz() for _ in range(15)]

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)
CHECKED = []

def check(name, lhs, tr, fa, pts, tol=None, extra=()):
    """lhs, tr, fa: functions of a point (a tuple); the true step must agree with lhs at every
    point where lhs is defined; the false step must differ at one point at least."""
    n_def = 0; bad = None
    for p in pts:
        try:
            l = lhs(*p)
        except (ZeroDivisionError, ValueError):
            continue
        if l is None:
            continue
        n_def += 1
        if not close(l, tr(*p), tol):
            problem(f"{name}: true twin differs at {p}: {l} vs {tr(*p)}")
            return
        if bad is None:
            try:
                fv = fa(*p)
            except (ZeroDivisionError, ValueError):
                fv = None
            if not close(l, fv, tol):
                bad = p
    if n_def < 3:
        problem(f"{name}: only {n_def} points defined")
    if bad is None:
        problem(f"{name}: false twin never differs")
    elif SHOW:
        print(f"{name}: false differs at {[M.nstr(v, 8) if isinstance(v, M.mpf) else v for v in bad][:6]}")
    for what, ok in extra:
        if not ok():
            problem(f"{name}: shared step fails ({what})")
    CHECKED.append(name)

def vec(n): return [rnz() for _ in range(n)]
def mat(n): return [[rnz() / 4 for _ in range(n)] for _ in range(n)]

# ---------------- A  backward passes
def att_p(z, d):
    s = sum(exp(zm / sqrt(d)) for zm in z)
    return [exp(zk / sqrt(d)) / s for zk in z]
def att_o(z, v, d): return sum(pk * vk for pk, vk in zip(att_p(z, d), v))
PA1 = [(n, d, vec(n), vec(n), i) for n in range(1, 5) for d in (1, 2, 3, 7, 64) for _ in range(2) for i in range(n)]
check("attention_scaled_readout_logit", lambda n, d, z, v, i: pd(lambda zz: att_o(zz, v, d), z, i),
      lambda n, d, z, v, i: att_p(z, d)[i] / sqrt(d) * (v[i] - att_o(z, v, d)),
      lambda n, d, z, v, i: att_p(z, d)[i] / d * (v[i] - att_o(z, v, d)), PA1, DTOL,
      [("sum of dp_j/dz_i", lambda: all(close(pd(lambda zz: att_o(zz, v, d), z, i),
                                              sum(v[j] * pd(lambda zz: att_p(zz, d)[j], z, i) for j in range(n)), DTOL)
                                        for n, d, z, v, i in PA1)),
       ("delta form", lambda: all(close(pd(lambda zz: att_o(zz, v, d), z, i),
                                        sum(v[j] * att_p(z, d)[j] * ((1 if i == j else 0) - att_p(z, d)[i]) / sqrt(d)
                                            for j in range(n)), DTOL) for n, d, z, v, i in PA1))])

def res_u(W, x, r): return sum(W[r][k] * x[k] for k in range(len(x)))
def res_sum(W, x): return sum(x[r] + tanh(res_u(W, x, r)) for r in range(len(x)))
PA2 = [(n, mat(n), vec(n), j) for n in range(1, 5) for _ in range(3) for j in range(n)]
check("residual_tanh_column_sum", lambda n, W, x, j: pd(lambda xx: res_sum(W, xx), x, j),
      lambda n, W, x, j: 1 + sum((1 - tanh(res_u(W, x, i)) ** 2) * W[i][j] for i in range(n)),
      lambda n, W, x, j: n + sum((1 - tanh(res_u(W, x, i)) ** 2) * W[i][j] for i in range(n)), PA2, DTOL,
      [("delta form", lambda: all(close(pd(lambda xx: res_sum(W, xx), x, j),
                                        sum((1 if i == j else 0) + (1 - tanh(res_u(W, x, i)) ** 2) * W[i][j] for i in range(n)), DTOL)
                                  for n, W, x, j in PA2))])

def bce(U, x, w, c, t):
    n = len(x)
    h = [tanh(sum(U[r][l] * x[l] for l in range(n))) for r in range(n)]
    z = sum(w[k] * h[k] for k in range(n)) + c
    return -t * ln(sig(z)) - (1 - t) * ln(1 - sig(z)), z, h
def bce_z(U, x, w, c): return bce(U, x, w, c, 0)[1]
def dU(f, U, a, b):
    def g(s):
        V = [row[:] for row in U]; V[a][b] = s; return f(V)
    return deriv(g, U[a][b])
PA3 = [(n, mat(n), vec(n), vec(n), rq(), rq() / 10, a, b) for n in range(1, 4) for _ in range(2)
       for a in range(n) for b in range(n)]
check("bce_tanh_hidden_weight_element", lambda n, U, x, w, c, t, a, b: dU(lambda V: bce(V, x, w, c, t)[0], U, a, b),
      lambda n, U, x, w, c, t, a, b: (lambda L, z, h: (sig(z) - t) * w[a] * (1 - h[a] ** 2) * x[b])(*bce(U, x, w, c, t)),
      lambda n, U, x, w, c, t, a, b: (lambda L, z, h: (sig(z) - t) * w[a] * h[a] * (1 - h[a]) * x[b])(*bce(U, x, w, c, t)),
      PA3, DTOL,
      [("(sigma(z) - t) dz/dU", lambda: all(close(dU(lambda V: bce(V, x, w, c, t)[0], U, a, b),
                                                  (sig(bce(U, x, w, c, t)[1]) - t) * dU(lambda V: bce_z(V, x, w, c), U, a, b), DTOL)
                                            for n, U, x, w, c, t, a, b in PA3))])

def drop_y(u, m, v, q): return sum(v[r] * m[r] / (1 - q) * sig(u[r]) for r in range(len(u)))
QS = [mpf(0), mpf("0.5"), mpf("0.1"), mpf("-2"), mpf("2"), mpf("0.999"), mpf(7) / 3]
PA4 = [(n, vec(n), [mpf(RNG.choice([0, 1])) for _ in range(n)], vec(n), q, i) for n in range(1, 5) for q in QS
       for i in range(n)]
PA4 = [p for p in PA4 if p[2][p[5]] == 1] + [p for p in PA4 if p[2][p[5]] == 0][:5]
check("dropout_mask_inverted_scale", lambda n, u, m, v, q, i: pd(lambda uu: drop_y(uu, m, v, q), u, i),
      lambda n, u, m, v, q, i: v[i] * m[i] / (1 - q) * sig(u[i]) * (1 - sig(u[i])),
      lambda n, u, m, v, q, i: v[i] * m[i] / (1 - q) ** 2 * sig(u[i]) * (1 - sig(u[i])), PA4, DTOL,
      [("indicator sum", lambda: all(close(pd(lambda uu: drop_y(uu, m, v, q), u, i),
                                           sum(v[j] * m[j] / (1 - q) * sig(u[j]) * (1 - sig(u[j])) * (1 if i == j else 0)
                                               for j in range(n)), DTOL) for n, u, m, v, q, i in PA4)),
       ("real masks too", lambda: all(close(pd(lambda uu: drop_y(uu, m, v, q), u, i),
                                            v[i] * m[i] / (1 - q) * sig(u[i]) * (1 - sig(u[i])), DTOL)
                                      for n, u, m, v, q, i in [(2, vec(2), vec(2), vec(2), mpf("0.3"), 1)]))])

def rms(x): return sqrt(sum(t ** 2 for t in x) / len(x))
PA5 = [(n, vec(n), i, j) for n in range(1, 5) for _ in range(2) for i in range(n) for j in range(n)]
check("md_rmsnorm_jacobian_delta", lambda n, x, i, j: pd(lambda xx: xx[i] / rms(xx), x, j),
      lambda n, x, i, j: (1 if i == j else 0) / rms(x) - x[i] * x[j] / (n * rms(x) ** 3),
      lambda n, x, i, j: (1 if i == j else 0) / rms(x) - x[i] * x[j] / rms(x) ** 3, PA5, DTOL,
      [("quotient rule row", lambda: all(close(pd(lambda xx: xx[i] / rms(xx), x, j),
                                               (1 if i == j else 0) / rms(x) - x[i] / rms(x) ** 2 * pd(rms, x, j), DTOL)
                                         for n, x, i, j in PA5))])

PA6 = [(a, w, x) for a, w, x in [(rq(), rq(), rq()) for _ in range(30)] + [(mpf(1), mpf(2), mpf("0.5"))]]
yh = lambda a, w: (lambda t: sig(w * sig(a * t)))
check("md_two_sigmoid_units_chain", lambda a, w, x: deriv(yh(a, w), x),
      lambda a, w, x: (lambda h, y: y * (1 - y) * w * h * (1 - h) * a)(sig(a * x), sig(w * sig(a * x))),
      lambda a, w, x: (lambda h, y: y * (1 - y) * w * h * (1 - h))(sig(a * x), sig(w * sig(a * x))), PA6, DTOL,
      [("dh/dx row", lambda: all(close(deriv(yh(a, w), x),
                                       sig(w * sig(a * x)) * (1 - sig(w * sig(a * x))) * w * deriv(lambda t: sig(a * t), x), DTOL)
                                 for a, w, x in PA6))])

# ---------------- B  probability and statistics
PB1 = [(n, [rfr() for _ in range(n)], [rfr() for _ in range(n)]) for n in range(1, 7) for _ in range(4)]
def mean(v): return sum(v, Fr(0)) / len(v)
check("centred_cross_product_sum", lambda n, x, y: sum((x[i] - mean(x)) * (y[i] - mean(y)) for i in range(n)),
      lambda n, x, y: sum(x[i] * y[i] for i in range(n)) - mean(x) * sum(y),
      lambda n, x, y: sum(x[i] * y[i] for i in range(n)) - mean(x) * mean(y), PB1, None,
      [("expanded", lambda: all(sum((x[i] - mean(x)) * (y[i] - mean(y)) for i in range(n)) ==
                                sum(x[i] * y[i] for i in range(n)) - mean(y) * sum(x) - mean(x) * sum(y) + n * mean(x) * mean(y)
                                for n, x, y in PB1))])

def Flse(z, T): return T * ln(sum(exp(zj / T) for zj in z))
PB2 = [(n, vec(n), T) for n in range(1, 5) for T in (mpf(1), mpf("0.5"), mpf(3), mpf("0.07"), rpos()) for _ in range(2)]
check("lse_temperature_slope", lambda n, z, T: deriv(lambda t: Flse(z, t), T),
      lambda n, z, T: ln(sum(exp(zj / T) for zj in z)) - sum(zk * exp(zk / T) for zk in z) / (T * sum(exp(zj / T) for zj in z)),
      lambda n, z, T: ln(sum(exp(zj / T) for zj in z)) - sum(zk * exp(zk / T) for zk in z) / sum(exp(zj / T) for zj in z),
      PB2, DTOL,
      [("quotient row", lambda: all(close(deriv(lambda t: Flse(z, t), T),
                                          ln(sum(exp(zj / T) for zj in z)) + T * sum(exp(zk / T) * (-zk / T ** 2) for zk in z)
                                          / sum(exp(zj / T) for zj in z), DTOL) for n, z, T in PB2))])

PB3 = [(n, vec(n), lam) for n in range(1, 5) for lam in (mpf(1), mpf("0.3"), mpf(4), rpos()) for _ in range(2)]
ellP = lambda x: (lambda lam: sum(xi * ln(lam) - lam for xi in x))
check("poisson_score_sample_mean", lambda n, x, lam: deriv(ellP(x), lam),
      lambda n, x, lam: n * (sum(x) / n - lam) / lam, lambda n, x, lam: n * (sum(x) / n - lam) / lam ** 2, PB3, DTOL,
      [("termwise", lambda: all(close(deriv(ellP(x), lam), sum(xi / lam - 1 for xi in x), DTOL) for n, x, lam in PB3))])

ellE = lambda n, x: (lambda lam: n * ln(lam) - lam * sum(x))
check("md_exponential_rate_score", lambda n, x, lam: deriv(ellE(n, x), lam),
      lambda n, x, lam: n * (1 / lam - sum(x) / n), lambda n, x, lam: n / lam * (1 / lam - sum(x) / n), PB3, DTOL,
      [("n/lambda - sum", lambda: all(close(deriv(ellE(n, x), lam), n / lam - sum(x), DTOL) for n, x, lam in PB3))])

PB5 = [(n, vec(n), mu, tau) for n in range(1, 5) for tau in (mpf(1), mpf("0.2"), mpf(5), rpos()) for mu in (rq(),)
       for _ in range(2)]
ellG = lambda n, x, mu: (lambda tau: n / 2 * ln(tau) - tau / 2 * sum((xi - mu) ** 2 for xi in x))
check("md_gaussian_precision_score", lambda n, x, mu, tau: deriv(ellG(n, x, mu), tau),
      lambda n, x, mu, tau: (n / tau - sum((xi - mu) ** 2 for xi in x)) / 2,
      lambda n, x, mu, tau: (n / tau - tau * sum((xi - mu) ** 2 for xi in x)) / 2, PB5, DTOL,
      [("first display", lambda: all(close(deriv(ellG(n, x, mu), tau), n / (2 * tau) - sum((xi - mu) ** 2 for xi in x) / 2, DTOL)
                                     for n, x, mu, tau in PB5))])

PB6 = [(n, vec(n), th) for n in range(1, 5) for th in (mpf(0), mpf("0.5"), mpf(-2), rq()) for _ in range(2)]
ellL = lambda x: (lambda th: sum(xi * th - exp(th) for xi in x))
check("md_poisson_log_rate_curvature", lambda n, x, th: deriv2(ellL(x), th),
      lambda n, x, th: -n * exp(th), lambda n, x, th: -n * exp(2 * th), PB6, D2TOL,
      [("first derivative", lambda: all(close(deriv(ellL(x), th), sum(x) - n * exp(th), DTOL) for n, x, th in PB6)),
       ("d/dtheta of it", lambda: all(close(deriv2(ellL(x), th), deriv(lambda t: sum(x) - n * exp(t), th), D2TOL)
                                      for n, x, th in PB6))])

# ---------------- C  series and products
RS = [Fr(v) for v in (0, -1, 2, -3)] + [Fr(1, 2), Fr(-2, 3), Fr(5, 3)] + [rfr() for _ in range(6)]
PC1 = [(n, r) for n in range(0, 13) for r in RS if r != 1]
check("geometric_from_one_ratio_cases", lambda n, r: sum((r ** k for k in range(1, n + 1)), Fr(0)),
      lambda n, r: r * (1 - r ** n) / (1 - r), lambda n, r: (1 - r ** n) / (1 - r), PC1, None,
      [("r - r^(n+1)", lambda: all(sum((r ** k for k in range(1, n + 1)), Fr(0)) == (r - r ** (n + 1)) / (1 - r) for n, r in PC1)),
       ("r = 1", lambda: all(sum((Fr(1) ** k for k in range(1, n + 1)), Fr(0)) == n for n in range(0, 13)))])
N0 = [(n,) for n in range(0, 31)]
N1 = [(n,) for n in range(1, 31)]
check("cubes_shift_boundary_term", lambda n: Fr(sum((k + 1) ** 3 for k in range(0, n))),
      lambda n: Fr(sum(k ** 3 for k in range(1, n + 1))), lambda n: Fr(sum(k ** 3 for k in range(1, n))), N0,
      extra=[("from 0 and closed form", lambda: all(sum(k ** 3 for k in range(1, n + 1)) == sum(k ** 3 for k in range(0, n + 1))
                                                    == Fr(n * n * (n + 1) ** 2, 4) for (n,) in N0))])
def prodF(it):
    p = Fr(1)
    for v in it: p *= v
    return p
check("product_reciprocal_k_k2_telescope", lambda n: prodF(1 + Fr(1, k * (k + 2)) for k in range(1, n + 1)),
      lambda n: Fr(2 * (n + 1), n + 2), lambda n: Fr(n + 7, 6), N1,
      extra=[("rows", lambda: all(prodF(1 + Fr(1, k * (k + 2)) for k in range(1, n + 1)) ==
                                   prodF(Fr((k + 1) ** 2, k * (k + 2)) for k in range(1, n + 1)) ==
                                   prodF(Fr(k + 1, k) for k in range(1, n + 1)) * prodF(Fr(k + 1, k + 2) for k in range(1, n + 1)) ==
                                   (n + 1) * Fr(2, n + 2) for (n,) in N1))])
check("squares_shift_down_count", lambda n: Fr(sum(k * k for k in range(1, n + 1))),
      lambda n: Fr(sum(k * k for k in range(0, n)) + 2 * sum(range(0, n)) + n),
      lambda n: Fr(sum(k * k for k in range(0, n)) + 2 * sum(range(0, n)) + 1), N1,
      extra=[("shift and closed form", lambda: all(sum(k * k for k in range(1, n + 1)) == sum((k + 1) ** 2 for k in range(0, n))
                                                   == Fr(n * (n + 1) * (2 * n + 1), 6) for (n,) in N1))])
PC5 = [(mpf(v),) for v in ("0", "0.5", "-0.5", "0.9", "-0.9", "0.01", "-0.3", "0.75")]
def kser(r, K=4000): return sum(k * r ** k for k in range(1, K))
def gser(r, K=4000): return sum(r ** k for k in range(0, K))
if True:
    check("md_series_derivative_ratio", lambda r: kser(r),
          lambda r: r / (1 - r) ** 2, lambda r: r / (1 - r ** 2), PC5, mpf(10) ** -30,
          [("r d/dr geometric", lambda: all(close(kser(r), r * deriv(gser, r), mpf(10) ** -15)
                                            and close(r * deriv(lambda t: 1 / (1 - t), r), r / (1 - r) ** 2, mpf(10) ** -20)
                                            for (r,) in PC5))])
check("md_product_one_plus_inverse", lambda n: prodF(1 + Fr(1, k) for k in range(1, n + 1)),
      lambda n: Fr(n + 1), lambda n: Fr(2 ** n), N1,
      extra=[("factorial ratio", lambda: all(prodF(Fr(k + 1, k) for k in range(1, n + 1)) == Fr(math.factorial(n + 1), math.factorial(n))
                                             for (n,) in N1))])

# ---------------- D  case splits
PXY = [(x, y) for x in REALS[:18] for y in REALS[:18]] + [(mpf(2), mpf(2)), (mpf(-2), mpf(2)), (mpf(0), mpf(0))]
absum = lambda x, y: abs(x + y) + abs(x - y)
check("abs_sum_four_regions", absum, lambda x, y: 2 * y, lambda x, y: 2 * abs(x), [p for p in PXY if p[1] >= abs(p[0])], None,
      [("x >= |y|", lambda: all(close(absum(x, y), (x + y) + (x - y)) and close(absum(x, y), 2 * x) for x, y in PXY if x >= abs(y))),
       ("-x >= |y|", lambda: all(close(absum(x, y), -(x + y) - (x - y)) and close(absum(x, y), -2 * x) for x, y in PXY if -x >= abs(y))),
       ("-y >= |x|", lambda: all(close(absum(x, y), -(x + y) + (x - y)) and close(absum(x, y), -2 * y) for x, y in PXY if -y >= abs(x))),
       ("y >= |x| row", lambda: all(close(absum(x, y), (x + y) + (y - x)) for x, y in PXY if y >= abs(x)))])
fpw = lambda t: t ** 2 if t <= 1 else 2 * t - 1
PD2 = [(x,) for x in REALS if x > 1] + [(mpf(1) + mpf(10) ** -9,), (mpf("1.5"),)]
check("piecewise_slope_at_and_past_joint", lambda x: deriv(fpw, x), lambda x: mpf(2), lambda x: 2 * x, PD2, DTOL,
      [("x < 1", lambda: all(close(deriv(fpw, x), 2 * x, DTOL) for x in REALS if x < 1 - mpf(10) ** -20)),
       ("x = 1 (a C1 joint)", lambda: close(deriv(fpw, mpf(1)), 2, DTOL))])
rsq = lambda x, y: sqrt(x ** 2 * y ** 2)
check("root_squared_product_nested_signs", rsq, lambda x, y: x * y, lambda x, y: -x * y,
      [p for p in PXY if p[0] < 0 and p[1] <= 0], None,
      [("|xy|, |x||y|", lambda: all(close(rsq(x, y), abs(x * y)) and close(rsq(x, y), abs(x) * abs(y)) for x, y in PXY)),
       ("x >= 0", lambda: all(close(rsq(x, y), x * abs(y)) for x, y in PXY if x >= 0)),
       ("x >= 0, y >= 0", lambda: all(close(rsq(x, y), x * y) for x, y in PXY if x >= 0 and y >= 0)),
       ("x >= 0, y < 0", lambda: all(close(rsq(x, y), -x * y) for x, y in PXY if x >= 0 and y < 0)),
       ("x < 0", lambda: all(close(rsq(x, y), -x * abs(y)) for x, y in PXY if x < 0)),
       ("x < 0, y > 0", lambda: all(close(rsq(x, y), -x * y) for x, y in PXY if x < 0 and y > 0))])
ramp = lambda t: (t + abs(t)) ** 2
check("md_squared_ramp_otherwise", lambda x: deriv(ramp, x), lambda x: mpf(0), lambda x: 8 * x,
      [(x,) for x in REALS if x < 0], DTOL,
      [("x >= 0 rows", lambda: all(close(deriv(ramp, x), deriv(lambda t: 4 * t ** 2, x), DTOL) and close(deriv(ramp, x), 8 * x, DTOL)
                                   for x in REALS if x >= 0))])
gap = lambda x: (lambda y: (max(x, y) - y) ** 2)
PD5 = [(x, y) for x, y in PXY if x <= y]
check("md_cases_sharing_their_edge", lambda x, y: deriv(gap(x), y), lambda x, y: mpf(0), lambda x, y: -2 * (x - y), PD5, DTOL,
      [("case 1, x >= y", lambda: all(close(deriv(gap(x), y), -2 * (x - y), DTOL) for x, y in PXY if x >= y)),
       ("the shared edge", lambda: all(deriv(gap(x), x) is not None for x in REALS))])
fpw2 = lambda t: t ** 2 if t < 1 else 2 * t - 1
check("md_piecewise_value_closed_side", fpw2, lambda x: x ** 2, lambda x: 2 * x - 1,
      [(x,) for x in REALS if x <= 1] + [(mpf(1),)], None,
      [("otherwise", lambda: all(close(fpw2(x), 2 * x - 1) for x in REALS if x > 1))])

# ---------------- E  trigonometric and hyperbolic identities
PE1 = [(x,) for x in (mpf(v) for v in ("0", "0.5", "-0.5", "0.99", "-0.999999", "1e-9", "0.3"))] + [(rq() / 41,) for _ in range(8)]
check("tan_of_arcsin_open_interval", lambda x: tan(M.asin(x)), lambda x: x / sqrt(1 - x ** 2), lambda x: x / (1 - x ** 2), PE1, None,
      [("sin/cos row", lambda: all(close(tan(M.asin(x)), sin(M.asin(x)) / cos(M.asin(x))) for (x,) in PE1))])
PE2 = [(x,) for x in (mpf(v) for v in ("1", "1.000001", "1.5", "2", "10", "300"))] + [(1 + rpos(),) for _ in range(6)]
check("sinh_of_arcosh_from_one", lambda x: sinh(M.acosh(x)), lambda x: sqrt(x ** 2 - 1), lambda x: sqrt(x - 1), PE2, mpf(10) ** -30,
      [("cosh^2 row", lambda: all(close(sinh(M.acosh(x)), sqrt(cosh(M.acosh(x)) ** 2 - 1), mpf(10) ** -30) for (x,) in PE2))])
PE3 = [(-2 * PI * mpf(k) / 40,) for k in range(1, 41)] + [(-mpf(10) ** -9,)]
check("half_angle_sine_negative_side", lambda x: sin(x / 2), lambda x: -sqrt((1 - cos(x)) / 2), lambda x: sqrt((1 - cos(x)) / 2),
      PE3, mpf(10) ** -30,
      [("0 <= x <= 2pi", lambda: all(close(sin(x / 2), sqrt((1 - cos(x)) / 2), mpf(10) ** -30)
                                     for x in [2 * PI * mpf(k) / 40 for k in range(0, 41)]))])
sec = lambda t: 1 / cos(t)
PE4 = [(x,) for x in REALS if abs(x) < 20 and abs(cos(x)) > mpf(10) ** -3]
check("secant_slope_cos_power", lambda x: deriv(sec, x), lambda x: sin(x) / cos(x) ** 2, lambda x: sin(x) / cos(x ** 2), PE4, DTOL,
      [("sec tan", lambda: all(close(deriv(sec, x), sec(x) * tan(x), DTOL) for (x,) in PE4))])
PE5 = [(x,) for x in REALS]
check("md_cos_twice_arctan", lambda x: cos(2 * M.atan(x)), lambda x: (1 - x ** 2) / (1 + x ** 2),
      lambda x: (1 - x ** 2) / sqrt(1 + x ** 2), PE5, mpf(10) ** -60,
      [("double angle rows", lambda: all(close(cos(2 * M.atan(x)), cos(M.atan(x)) ** 2 - sin(M.atan(x)) ** 2, mpf(10) ** -60) and
                                         close(cos(2 * M.atan(x)), 1 / (1 + x ** 2) - x ** 2 / (1 + x ** 2), mpf(10) ** -60) for (x,) in PE5))])
PE6 = [(x,) for x in REALS if x != 0]
check("md_csc_of_arctan_sign", lambda x: 1 / sin(M.atan(x)), lambda x: sqrt(1 + x ** 2) / x,
      lambda x: sqrt(1 + x ** 2) / abs(x), PE6, mpf(10) ** -60)

# ---------------- F  notes layouts
PF = [(x,) for x in REALS]
check("md_aligned_row_spacing", lambda x: deriv(lambda t: t ** 2 * exp(-t), x), lambda x: x * (2 - x) * exp(-x),
      lambda x: x * (2 + x) * exp(-x), PF, DTOL,
      [("first row", lambda: all(close(deriv(lambda t: t ** 2 * exp(-t), x), 2 * x * exp(-x) - x ** 2 * exp(-x), DTOL) for (x,) in PF))])
check("md_intertext_between_rows", lambda x: deriv(lambda t: ln(t ** 2 + 1), x), lambda x: 2 * x / (x ** 2 + 1),
      lambda x: 2 * x ** 2 / (x ** 2 + 1), PF, DTOL,
      [("first row", lambda: all(close(deriv(lambda t: ln(t ** 2 + 1), x), 1 / (x ** 2 + 1) * deriv(lambda t: t ** 2 + 1, x), DTOL)
                                 for (x,) in PF))])
PF3 = [(x,) for x in REALS if abs(x) < 13]
eu = lambda t: exp(t ** 2 - 2 * t)
check("md_numbered_definition_referenced", lambda x: deriv(eu, x), lambda x: 2 * (x - 1) * exp(x ** 2 - 2 * x),
      lambda x: 2 * (x - 1) * exp(x ** 2), PF3, DTOL,
      [("e^u (2x - 2)", lambda: all(close(deriv(eu, x), eu(x) * (2 * x - 2), DTOL) for (x,) in PF3))])
check("md_heading_after_implication", lambda x: deriv(lambda t: t ** 3 - 3 * t, x), lambda x: 3 * (x - 1) * (x + 1),
      lambda x: 3 * (x - 1) ** 2, PF, DTOL,
      [("3x^2 - 3", lambda: all(close(deriv(lambda t: t ** 3 - 3 * t, x), 3 * x ** 2 - 3, DTOL) for (x,) in PF))])
PF5 = [(x, y) for x in REALS[:15] for y in REALS[:15]] + [(mpf(2), mpf(2))]
pf = lambda y: (lambda t: t ** 2 * y - cos(t * y))
check("md_partial_shorthand_unicode", lambda x, y: deriv(pf(y), x), lambda x, y: y * (2 * x + sin(x * y)),
      lambda x, y: x * (2 * y + sin(x * y)), PF5, DTOL,
      [("first display", lambda: all(close(deriv(pf(y), x), 2 * x * y + y * sin(x * y), DTOL) for x, y in PF5))])
PF6 = [(x,) for x in REALS if x > 0] + [(mpf(1),)]
check("md_chain_resumed_after_paragraph", lambda x: deriv(lambda t: t * ln(t) - t, x), lambda x: ln(x), lambda x: x * ln(x),
      PF6, DTOL,
      [("first display", lambda: all(close(deriv(lambda t: t * ln(t) - t, x), ln(x) + x * (1 / x) - 1, DTOL) for (x,) in PF6))])

# ---------------- files
import yaml
classes = json.load(open(os.path.join(HERE, "classes.json")))
for name in classes:
    if name not in CHECKED:
        problem(f"{name}: not checked")
    ext = "md" if os.path.exists(os.path.join(HERE, f"{name}.true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1:
        problem(f"{name}: twins differ in {len(diff)} lines")
    elif mark not in f[diff[0]] or sum(l.count(mark) for l in f) != 1 or any(mark in l for l in t):
        problem(f"{name}: mark misplaced")
    if ext == "yaml":
        for tw in (t, f):
            d = yaml.safe_load("\n".join(tw))
            if not (isinstance(d, dict) and "steps" in d):
                problem(f"{name}: YAML shape")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
