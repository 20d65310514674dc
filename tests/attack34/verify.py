#!/usr/bin/env python3
"""Check every attack-34 pair independently of derive-ce (no derive-ce code is imported or run).

Scalars: mpmath at 100 digits (more where a step cancels far out: up to 1500 digits for
softplus at x = 1000), values compared relative to max(1, |a|, |b|) with tolerance 10^-45 unless
a pair states its own (the near-equal pairs of class C use 10^-80 or 10^-120 at 150-200 digits,
well below their false twins' gaps and far above rounding). Complex values count (ln of a
negative number is mpmath's principal complex log), so ln x + ln y with x, y < 0 differs from
ln(xy). Derivatives: central difference quotients with h = 10^-25 (second derivatives nested,
10^-20 outside, 10^-40 inside) at 100 digits, tolerance 10^-12 relative; a derivative is taken
only where the two one-sided quotients agree to 10^-12 (else None: a kink), and None agrees only
with None. Matrices: mpmath matrices with random rational entries at every size from 1 to 4 (both
sizes of a rectangular X from 1 to 3 each), S symmetric positive definite as B B^T + I, gradients
entry by entry by the same quotients. Integer steps: exact Fractions and math.comb/factorial at
every size in a range starting at the smallest the declarations allow (n = 0 for nonnegative).
Each true step must hold at every point tried of its domain (flags, cases, prose assumptions and
conditions); each false step must differ at one point at least of that same domain. Shared
(unmarked) steps are checked as well (extra). File check: twins identical but for the marked line,
one mark, in the false twin only; every YAML twin loads with yaml.safe_load. SHOW=1 prints where
each false step fails."""
import json, math, os, random
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, tanh, cosh, sinh
M.mp.dps = 100
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -45
DTOL = mpf(10) ** -12
RNG = random.Random(34)
H1 = mpf(10) ** -25

def close(a, b, tol=None):
    tol = TOL if tol is None else tol
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, M.matrix) or isinstance(b, M.matrix):
        if a.rows != b.rows or a.cols != b.cols:
            return False
        return all(close(a[i, j], b[i, j], tol) for i in range(a.rows) for j in range(a.cols))
    if isinstance(a, Fr) and isinstance(b, Fr):
        return a == b
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

def deriv(f, x, H=H1):
    try:
        f0, fl, fr = f(x), f(x - H), f(x + H)
    except (ZeroDivisionError, ValueError):
        return None
    if f0 is None or fl is None or fr is None:
        return None
    l = (f0 - fl) / H; r = (fr - f0) / H
    if abs(l - r) > DTOL * max(1, abs(l)):
        return None
    return (fr - fl) / (2 * H)
def deriv2(f, x):
    return deriv(lambda t: deriv(f, t, mpf(10) ** -40), x, mpf(10) ** -20)

def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def rpos(): return mpf(RNG.randint(1, 60)) / RNG.randint(1, 9)
def sig(t): return 1 / (1 + exp(-t))
LADDER = [mpf(v) for v in ("-300", "-40", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9", "0",
                           "1e-12", "0.4", "1", "2", "3.1", "12.5", "40", "300")]
REALS = LADDER + [rnz() for _ in range(20)]

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)

def check(name, lhs, tr, fa, pts, tol=None, extra=()):
    """lhs, tr, fa: functions of a point (a tuple); True must agree with lhs at every point where
    lhs is defined; False must differ at one point at least."""
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
        if bad is None and not close(l, fa(*p), tol):
            bad = p
    if n_def < 3:
        problem(f"{name}: only {n_def} points defined")
    if bad is None:
        problem(f"{name}: false twin never differs")
    elif SHOW:
        print(f"{name}: false differs at {[M.nstr(v, 8) if not isinstance(v, (list, M.matrix)) else '...' for v in bad]}")
    for k, (what, ok) in enumerate(extra):
        if not ok():
            problem(f"{name}: shared step fails ({what})")
    CHECKED.append(name)
CHECKED = []

# ---------------- A  matrices
def rmat(r, c): return M.matrix([[rnz() for _ in range(c)] for _ in range(r)])
def rvec(n): return rmat(n, 1)
def sc(m): return m[0, 0] if isinstance(m, M.matrix) else m
def T(m): return m.T
def grad_vec(f, x):
    g = M.matrix(x.rows, 1)
    for i in range(x.rows):
        def fi(t, i=i):
            y = x.copy(); y[i, 0] = t; return f(y)
        g[i, 0] = deriv(fi, x[i, 0])
    return g
def grad_mat(f, W):
    g = M.matrix(W.rows, W.cols)
    for i in range(W.rows):
        for j in range(W.cols):
            def fij(t, i=i, j=j):
                V = W.copy(); V[i, j] = t; return f(V)
            g[i, j] = deriv(fij, W[i, j])
    return g
def nsq(v): return sum(v[i, 0] ** 2 for i in range(v.rows))
def trace(m): return sum(m[i, i] for i in range(m.rows))
def had(a, b): return M.matrix([[a[i, j] * b[i, j] for j in range(a.cols)] for i in range(a.rows)])
def eye(n): return M.eye(n)

VA = [(rvec(n), rvec(n)) for n in range(1, 5) for _ in range(3)]
fA1 = lambda a: (lambda x: sc(T(a) * x) ** 2)
check("grad_squared_linear_form_order", lambda a, x: grad_vec(fA1(a), x),
      lambda a, x: 2 * a * T(a) * x, lambda a, x: 2 * x * T(a) * a, VA, DTOL,
      [("2(a^T x)a", lambda: all(close(grad_vec(fA1(a), x), 2 * sc(T(a) * x) * a, DTOL) for a, x in VA))])

WA = [(rmat(n, n), rvec(n), rvec(n)) for n in range(1, 5) for _ in range(3)]
fA2 = lambda x, y: (lambda W: nsq(W * x - y) / 2)
check("grad_weight_outer_transpose", lambda W, x, y: grad_mat(fA2(x, y), W),
      lambda W, x, y: (W * x - y) * T(x), lambda W, x, y: x * T(W * x - y), WA, DTOL)

XA = [(rvec(n),) for n in range(1, 5) for _ in range(3)]
fA3 = lambda x: nsq(x) ** 2
check("grad_fourth_power_norm_hadamard", lambda x: grad_vec(fA3, x), lambda x: 4 * nsq(x) * x,
      lambda x: 4 * had(had(x, x), x), XA, DTOL,
      [("4(x^T x)x", lambda: all(close(grad_vec(fA3, x), 4 * sc(T(x) * x) * x, DTOL) for (x,) in XA))])

BA = [(rmat(n, n), rvec(n), rvec(n)) for n in range(1, 5) for _ in range(3)]
check("md_bilinear_trace_rotation", lambda A, x, y: sc(T(x) * A * y), lambda A, x, y: trace(A * y * T(x)),
      lambda A, x, y: trace(A * x * T(y)), BA, None,
      [("tr(y x^T A)", lambda: all(close(sc(T(x) * A * y), trace(y * T(x) * A)) for A, x, y in BA))])

def spd(n):
    B = rmat(n, n); return B * T(B) + eye(n)
GA = [(spd(n), rvec(n), rvec(n)) for n in range(1, 5) for _ in range(3)]
fA5 = lambda S, x: (lambda mu: -sc(T(x - mu) * M.inverse(S) * (x - mu)) / 2)
check("md_gaussian_mean_score_spd", lambda S, x, mu: grad_vec(fA5(S, x), mu),
      lambda S, x, mu: M.inverse(S) * (x - mu), lambda S, x, mu: trace(M.inverse(S)) * (x - mu), GA, DTOL,
      [("(S^-1 + S^-T)/2 (x - mu)", lambda: all(close(grad_vec(fA5(S, x), mu),
        (M.inverse(S) + T(M.inverse(S))) * (x - mu) / 2, DTOL) for S, x, mu in GA))])

RA = [(rmat(N, d), rvec(N), rpos()) for N in range(1, 4) for d in range(1, 4) for _ in range(2)]
def ridge_l(X, y, lam): return M.inverse(T(X) * X + lam * eye(X.cols)) * T(X) * y
def ridge_pt(X, y, lam): return T(X) * M.inverse(X * T(X) + lam * eye(X.rows)) * y
check("md_ridge_push_through_size_one", ridge_l,
      lambda X, y, lam: (T(X) * (y - X * M.inverse(T(X) * X + lam * eye(X.cols)) * T(X) * y)) / lam,
      lambda X, y, lam: (T(X) * y) / (lam + sum(X[i, j] ** 2 for i in range(X.rows) for j in range(X.cols))),
      RA, mpf(10) ** -40,
      [("push-through", lambda: all(close(ridge_l(X, y, l), ridge_pt(X, y, l), mpf(10) ** -40) for X, y, l in RA))])

# ---------------- B  part of the domain
P1 = [(x,) for x in REALS]
check("arcosh_of_cosh_abs", lambda x: M.acosh(cosh(x)), lambda x: abs(x), lambda x: x, P1, mpf(10) ** -40,
      [("ln form", lambda: all(close(M.acosh(cosh(x)), ln(cosh(x) + sqrt(cosh(x) ** 2 - 1)), mpf(10) ** -40)
                                and close(M.acosh(cosh(x)), ln(cosh(x) + abs(sinh(x))), mpf(10) ** -40) for (x,) in P1
                                if abs(x) > mpf(10) ** -5))])
# (near x = 0 the sqrt(cosh^2 - 1) form loses digits at 100; it is exact at higher precision)
P2 = [(x, y) for x in REALS for y in REALS[:12] + [rnz() for _ in range(4)] if x * y > 0]
check("ln_product_same_sign", lambda x, y: ln(x * y), lambda x, y: ln(abs(x)) + ln(abs(y)),
      lambda x, y: ln(x) + ln(y), P2, None,
      [("ln|xy|", lambda: all(close(ln(x * y), ln(abs(x * y))) for x, y in P2))])
P3 = [(n, x) for n in range(0, 9) for x in REALS if abs(x) < 100]
check("sqrt_even_power_integer", lambda n, x: sqrt(x ** (2 * n)), lambda n, x: abs(x) ** n,
      lambda n, x: x ** n, P3, None,
      [("|x^n|", lambda: all(close(sqrt(x ** (2 * n)), abs(x ** n)) for n, x in P3))])
PI = M.pi
C1 = [(-PI / 2 + PI * mpf(k) / 40,) for k in range(1, 40)] + [(-PI / 2 + mpf(10) ** -9,), (PI / 2 - mpf(10) ** -9,)]
C2 = [(PI / 2 + PI * mpf(k) / 40,) for k in range(1, 40)] + [(PI / 2 + mpf(10) ** -9,), (3 * PI / 2 - mpf(10) ** -9,)]
check("sqrt_one_minus_sine_branches", lambda x: sqrt(1 - sin(x) ** 2), lambda x: -cos(x), lambda x: cos(x), C2,
      mpf(10) ** -30,
      [("first case cos x", lambda: all(close(sqrt(1 - sin(x) ** 2), cos(x), mpf(10) ** -30) for (x,) in C1))])
P5 = [(x, y) for x in REALS if x > 0 for y in REALS if y != 0]
check("md_sqrt_quotient_one_letter_positive", lambda x, y: sqrt(x / y ** 2), lambda x, y: sqrt(x) / abs(y),
      lambda x, y: sqrt(x) / y, P5, None,
      [("sqrt/sqrt", lambda: all(close(sqrt(x / y ** 2), sqrt(x) / sqrt(y ** 2)) for x, y in P5))])
P6 = [(x,) for x in REALS if x < 0]
check("md_log_square_two_sides", lambda x: ln(x ** 2), lambda x: 2 * ln(-x), lambda x: 2 * ln(x), P6, None,
      [("x > 0 case", lambda: all(close(ln(x ** 2), 2 * ln(x)) for x in REALS if x > 0))])

# ---------------- C  near-equal
def hp(f, dps):
    def g(*a):
        with M.workdps(dps):
            return +f(*[+v for v in a])
    return g
PC1 = [(mpf(v),) for v in ("40.0001", "41", "45.5", "60", "100", "333.3", "1000")] + [(40 + rpos(),) for _ in range(5)]
with M.workdps(1500):
    check("softplus_tail_case_far", hp(lambda x: ln(1 + exp(x)) - x, 1500),
          hp(lambda x: -ln(exp(x) / (1 + exp(x))), 1500), hp(lambda x: exp(-x), 1500), PC1, mpf(10) ** -80,
          [("ln(1 + e^-x)", lambda: all(close(ln(1 + exp(x)) - x, ln(1 + exp(-x)), mpf(10) ** -80) for (x,) in PC1)),
           ("- ln(e^x)", lambda: all(close(ln(1 + exp(x)) - x, ln(1 + exp(x)) - ln(exp(x)), mpf(10) ** -80)
                                    for x in REALS))])
PC2 = [(mpf(a), mpf(b)) for a, b in (("40", "0"), ("36", "0.5"), ("35.01", "0"), ("-3", "-40"), ("100", "-100"),
                                     ("1e7", "9999950"), ("-1e6", "-1000100"))]
with M.workdps(200):
    check("logaddexp_gap_far", lambda a, b: ln(exp(a) + exp(b)), lambda a, b: max(a, b) + ln(1 + exp(-abs(a - b))),
          lambda a, b: a + exp(b - a), PC2, mpf(10) ** -120,
          [("a + ln(1 + e^(b-a))", lambda: all(close(ln(exp(a) + exp(b)), a + ln(1 + exp(b - a)), mpf(10) ** -120)
                                               for a, b in PC2))])
    check("machin_vs_convergent", lambda x: PI * x, lambda x: 4 * (M.atan(mpf(1) / 2) + M.atan(mpf(1) / 3)) * x,
          lambda x: mpf(245850922) / 78256779 * x, P1, mpf(10) ** -120,
          [("Machin", lambda: all(close(PI * x, 4 * (4 * M.atan(mpf(1) / 5) - M.atan(mpf(1) / 239)) * x, mpf(10) ** -120)
                                  for (x,) in P1))])
    check("ramanujan_58_near_integer", lambda y: exp(PI) ** sqrt(58) * y, lambda y: exp(PI * sqrt(58)) * y,
          lambda y: (mpf(396) ** 4 - 104) * y, P1, mpf(10) ** -120)
E = exp(1)
check("md_e_series_24_terms", lambda x: x * M.nsum(lambda k: 1 / M.factorial(k), [0, M.inf]), lambda x: x * exp(1),
      lambda x: x * sum(mpf(1) / math.factorial(k) for k in range(25)), P1, None,
      [("x e", lambda: all(close(x * M.nsum(lambda k: 1 / M.factorial(k), [0, M.inf]), x * E) for (x,) in P1))])
PC6 = [(mpf(v),) for v in ("40.0001", "41", "45.5", "60", "100", "300")] + [(40 + rpos(),) for _ in range(5)]
with M.workdps(200):
    check("md_logcosh_far", lambda x: ln(cosh(x)), lambda x: x + ln((1 + exp(-2 * x)) / 2), lambda x: x - ln(2),
          PC6, mpf(10) ** -120,
          [("two forms, every x", lambda: all(close(ln(cosh(x)), ln((exp(x) + exp(-x)) / 2), mpf(10) ** -120) and
                                             close(ln(cosh(x)), x - ln(2) + ln(1 + exp(-2 * x)), mpf(10) ** -120)
                                             for x in REALS))])

# ---------------- D  integers
ND = [(n,) for n in range(0, 41)]
check("alternating_linear_sum_ceil", lambda n: Fr(sum((-1) ** k * k for k in range(n + 1))),
      lambda n: Fr((-1) ** n * (-(-n // 2))), lambda n: Fr((-1) ** n * n, 2), ND)
NR = [(n, r) for n in range(0, 13) for r in range(0, 13)]
check("hockey_stick_unordered", lambda n, r: Fr(sum(math.comb(k, r) for k in range(r, n + 1))),
      lambda n, r: Fr(math.comb(n + 1, r + 1)), lambda n, r: Fr(math.comb(n, r + 1) + 1), NR)
FX = sorted(set([Fr(k, 6) for k in range(-30, 31)] + [Fr(k) + Fr(1, 3) for k in range(-5, 6)] +
                [Fr(RNG.randint(-10 ** 6, 10 ** 6), RNG.choice([7, 11, 13, 101, 997])) for _ in range(40)]))
fl, ce = math.floor, math.ceil
check("hermite_floor_thirds", lambda x: Fr(fl(x) + fl(x + Fr(1, 3)) + fl(x + Fr(2, 3))), lambda x: Fr(fl(3 * x)),
      lambda x: Fr(fl(x) + fl(x + Fr(1, 3)) + ce(x - Fr(1, 3))), [(x,) for x in FX])
f_ = math.factorial
N1 = [(n,) for n in range(1, 25)]
check("odd_product_factorial_ratio", lambda n: Fr(math.prod(2 * k - 1 for k in range(1, n + 1))),
      lambda n: Fr(f_(2 * n - 1), 2 ** (n - 1) * f_(n - 1)), lambda n: Fr(f_(2 * n - 1), f_(n - 1)), N1,
      extra=[("(2n)!/(2^n n!)", lambda: all(Fr(math.prod(2 * k - 1 for k in range(1, n + 1))) == Fr(f_(2 * n), 2 ** n * f_(n))
                                          for (n,) in N1))])
N0 = [(n,) for n in range(0, 25)]
check("md_k_times_factorial_telescope", lambda n: Fr(sum(k * f_(k) for k in range(1, n + 1))),
      lambda n: Fr(f_(n + 1) - 1), lambda n: Fr(f_(n + 1) - f_(n)), N0,
      extra=[("telescoped terms", lambda: all(sum(k * f_(k) for k in range(1, n + 1)) ==
                                              sum(f_(k + 1) - f_(k) for k in range(1, n + 1)) for (n,) in N0))])
check("md_reversed_sum_count_terms", lambda n: Fr(sum(range(n + 1))), lambda n: Fr(n * (n + 1), 2),
      lambda n: Fr(n * n, 2), N0,
      extra=[("pairing", lambda: all(Fr(sum(range(n + 1))) == Fr(sum(k + (n - k) for k in range(n + 1)), 2)
                                     == Fr(sum(n for k in range(n + 1)), 2) for (n,) in N0))])

# ---------------- E  special functions
sp = lambda t: ln(1 + exp(t))
mish = lambda t: t * tanh(sp(t))
PE = [(x,) for x in REALS if abs(x) <= 50]
check("mish_derivative_chain", lambda x: deriv(mish, x), lambda x: tanh(sp(x)) + x * sig(x) / cosh(sp(x)) ** 2,
      lambda x: tanh(sp(x)) + x / cosh(sp(x)) ** 2, PE, DTOL,
      [("chain row", lambda: all(close(deriv(mish, x), tanh(sp(x)) + x * (1 - tanh(sp(x)) ** 2) * deriv(sp, x), DTOL)
                                 for (x,) in PE))])
hsw = lambda t: t * min(max(t + 3, 0), 6) / 6
PH = [(mpf(-3) + mpf(k) / 7,) for k in range(1, 42)] + [(mpf(-3) + mpf(10) ** -9,), (mpf(3) - mpf(10) ** -9,)]
check("hardswish_middle_slope", lambda x: deriv(hsw, x), lambda x: (2 * x + 3) / 6, lambda x: (x + 3) / 6, PH, DTOL,
      [("x > 3", lambda: all(close(deriv(hsw, x), 1, DTOL) for x in REALS if x > 3)),
       ("x < -3", lambda: all(close(deriv(hsw, x), 0, DTOL) for x in REALS if x < -3))])
PY = [(mpf(v),) for v in ("-0.999999", "-0.9", "-0.5", "-0.1", "1e-9", "0", "0.25", "0.7", "0.99", "0.999999")]
check("erfinv_derivative", lambda y: deriv(M.erfinv, y), lambda y: sqrt(PI) / 2 * exp(M.erfinv(y) ** 2),
      lambda y: sqrt(PI) / 2 * exp(-M.erfinv(y) ** 2), PY, DTOL,
      [("reciprocal row", lambda: all(close(deriv(M.erfinv, y), 1 / (2 / sqrt(PI) * exp(-M.erfinv(y) ** 2)), DTOL)
                                      for (y,) in PY))])
PG = [(s, x, mu) for s in [mpf(v) for v in ("1e-3", "0.3", "1", "2.5", "40")] + [rpos() for _ in range(3)]
      for x, mu in [(rq(), rq()) for _ in range(4)] + [(mpf(1), mpf(1))]]
ell = lambda x, mu: (lambda s: -ln(s) - (x - mu) ** 2 / (2 * s ** 2))
check("md_gaussian_loglik_scale_curvature", lambda s, x, mu: deriv2(ell(x, mu), s),
      lambda s, x, mu: 1 / s ** 2 - 3 * (x - mu) ** 2 / s ** 4, lambda s, x, mu: 1 / s ** 2 - (x - mu) ** 2 / s ** 4,
      [p for p in PG if p[0] > mpf("0.1")], mpf(10) ** -8,
      [("first derivative", lambda: all(close(deriv(ell(x, mu), s), -1 / s + (x - mu) ** 2 / s ** 3, DTOL)
                                        for s, x, mu in PG))])
lc = lambda t: ln(cosh(t))
PL = [(x,) for x in REALS if abs(x) <= 50]
check("md_logcosh_curvature_expanded", lambda x: deriv2(lc, x), lambda x: 4 / (exp(x) + exp(-x)) ** 2,
      lambda x: 2 / (exp(2 * x) + exp(-2 * x)), PL, mpf(10) ** -8,
      [("tanh rows", lambda: all(close(deriv2(lc, x), deriv(tanh, x), mpf(10) ** -8) and
                                 close(deriv(tanh, x), 1 - tanh(x) ** 2, DTOL) for (x,) in PL))])
ls = lambda t: ln(sig(t))
check("md_log_sigmoid_curvature", lambda x: deriv2(ls, x), lambda x: -sig(x) * (1 - sig(x)), lambda x: -sig(x) ** 2,
      PL, mpf(10) ** -8,
      [("first derivative", lambda: all(close(deriv(ls, x), 1 - sig(x), DTOL) for (x,) in PL)),
       ("d/dx (1 - sigma)", lambda: all(close(deriv2(ls, x), deriv(lambda t: 1 - sig(t), x), mpf(10) ** -8) for (x,) in PL))])

# ---------------- F  layouts
cub = lambda t: t ** 3 + 3 * t ** 2 + 3 * t + 1
PF = [(x,) for x in REALS if abs(x) <= 50]
check("md_multline_broken_row", lambda x: deriv(cub, x), lambda x: 3 * x ** 2 + 6 * x + 3,
      lambda x: 3 * x ** 2 + 5 * x + 3, PF, DTOL)
pr = lambda t: t * exp(t ** 2)
PF2 = [(x,) for x in REALS if abs(x) <= 12.5]
check("md_tag_label_trailing_punct", lambda x: deriv(pr, x), lambda x: (1 + 2 * x ** 2) * exp(x ** 2),
      lambda x: (1 + x ** 2) * exp(x ** 2), PF2, DTOL,
      [("row (1)", lambda: all(close(deriv(pr, x), exp(x ** 2) + x * 2 * x * exp(x ** 2), DTOL) for (x,) in PF2))])
N2 = [(n,) for n in range(2, 40)]
check("md_for_n_ge_2_telescope", lambda n: sum(Fr(1, k * k - 1) for k in range(2, n + 1)),
      lambda n: Fr(1, 2) * (1 + Fr(1, 2) - Fr(1, n) - Fr(1, n + 1)), lambda n: Fr(1, 2) * (1 - Fr(1, n + 1)), N2,
      extra=[("partial fractions", lambda: all(sum(Fr(1, k * k - 1) for k in range(2, n + 1)) ==
                                               Fr(1, 2) * sum(Fr(1, k - 1) - Fr(1, k + 1) for k in range(2, n + 1)) for (n,) in N2)),
             ("n = 1 too", lambda: Fr(1, 2) * (1 + Fr(1, 2) - 1 - Fr(1, 2)) == 0)])
PAB = [(a, b, x, y) for a, b, x, y in [(rq(), rq(), rq(), rq()) for _ in range(30)]]
sq = lambda a, b, x, y: (a * x + b * y) ** 2
check("md_similarly_second_partial", lambda a, b, x, y: deriv(lambda t: sq(a, t, x, y), b),
      lambda a, b, x, y: 2 * y * (a * x + b * y), lambda a, b, x, y: 2 * x * (a * x + b * y), PAB, DTOL,
      [("d/da", lambda: all(close(deriv(lambda t: sq(t, b, x, y), a), 2 * x * (a * x + b * y), DTOL) for a, b, x, y in PAB))])
fsin = lambda t: sin(t) ** 2
check("md_where_after_use_chain", lambda x: deriv(fsin, x), lambda x: sin(2 * x), lambda x: 2 * sin(x), PF, DTOL,
      [("2 u cos x", lambda: all(close(deriv(fsin, x), 2 * sin(x) * cos(x), DTOL) for (x,) in PF))])
ex = lambda t: (max(abs(t), 1) - 1) ** 2
PO = [(mpf(k) / 8,) for k in range(-8, 9)] + [(mpf(1) - mpf(10) ** -9,), (mpf(-1) + mpf(10) ** -9,)]
check("md_otherwise_between_two_sides", lambda x: deriv(ex, x), lambda x: mpf(0), lambda x: 2 * (x - 1), PO, DTOL,
      [("x > 1", lambda: all(close(deriv(ex, x), 2 * (x - 1), DTOL) for x in REALS if x > 1)),
       ("x < -1", lambda: all(close(deriv(ex, x), 2 * (x + 1), DTOL) for x in REALS if x < -1))])

# ---------------- G
la = lambda t: ln(abs(t ** 2 - 1))
PG1 = [(x,) for x in REALS if abs(abs(x) - 1) > mpf(10) ** -3 and abs(x) <= 50]
check("log_abs_quadratic_derivative", lambda x: deriv(la, x), lambda x: 2 * x / (x ** 2 - 1),
      lambda x: 2 * x / abs(x ** 2 - 1), PG1, DTOL,
      [("sign row", lambda: all(close(deriv(la, x), 2 * x * M.sign(x ** 2 - 1) / abs(x ** 2 - 1), DTOL) for (x,) in PG1))])
PMM = [(a, b) for a in REALS[:24] for b in REALS[:24]]
mm = lambda a, b: max(a, b) * min(a, b)
check("max_times_min_partial", lambda a, b: deriv(lambda t: mm(t, b), a), lambda a, b: b, lambda a, b: min(a, b),
      PMM, DTOL,
      [("d/da (ab)", lambda: all(close(deriv(lambda t: mm(t, b), a), deriv(lambda t: t * b, a), DTOL) for a, b in PMM))])
PT = [(t0, t1, x, y) for t0, t1, x, y in [(rq(), rq(), rq(), rq()) for _ in range(30)]]
J = lambda t0, t1, x, y: (t0 + t1 * x - y) ** 2 / 2
check("md_head_names_theta_variables", lambda t0, t1, x, y: deriv(lambda t: J(t0, t, x, y), t1),
      lambda t0, t1, x, y: (t0 + t1 * x - y) * x, lambda t0, t1, x, y: t0 + t1 * x - y, PT, DTOL,
      [("product row", lambda: all(close(deriv(lambda t: J(t0, t, x, y), t1),
                                         (t0 + t1 * x - y) * deriv(lambda t: t0 + t * x - y, t1), DTOL) for t0, t1, x, y in PT))])
check("md_typographic_prime_defined_after", lambda x: deriv(sig, x), lambda x: sig(x) * (1 - sig(x)),
      lambda x: sig(x) ** 2, PF, DTOL,
      [("e^-x form", lambda: all(close(deriv(sig, x), exp(-x) / (1 + exp(-x)) ** 2, DTOL) for (x,) in PF))])

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
            assert isinstance(d, dict) and "steps" in d, name
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
