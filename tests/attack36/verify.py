#!/usr/bin/env python3
"""Check every attack-36 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Values are compared relative to max(1, |a|, |b|) with tolerance 10^-40;
values from numerical derivatives with tolerance 10^-20 (first derivatives: central quotients
with h = 10^-30; a derivative is taken only where the two one-sided quotients agree to 10^-10
relatively, else it is None, a kink, and None agrees only with None), 10^-12 for second
derivatives (nested quotients, 10^-15 outside and 10^-30 inside), and mpmath's own `diff` for the
mixed partial. Integer pairs (sums, powers, Newton's numbers) use exact Fractions. Vectors: every
size n from 1 to 5, random rational entries; index pairs: every k in [1, n] for n = 1..30. Each
true step must hold at every point tried of its domain (declared flags, prose assumptions, every
case's condition, with its closed ends); each false step must differ at one point at least of
that domain. Shared (unmarked) steps are checked too ("extra"), on their own domains. File check:
twins identical but for the marked line, one mark, in the false twin only; every YAML twin loads
with yaml.safe_load. SHOW=1 prints where each false step fails."""
import json, os, random
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, asinh
M.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -40
DTOL = mpf(10) ** -20
D2TOL = mpf(10) ** -12
RNG = random.Random(36)
H1 = mpf(10) ** -30

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

def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def rpos(): return mpf(RNG.randint(1, 60)) / RNG.randint(1, 9)
def rfr(): return Fr(RNG.randint(-30, 30), RNG.randint(1, 7))
def sig(t): return 1 / (1 + exp(-t))
def sgn(t): return mpf(0) if t == 0 else (mpf(1) if t > 0 else mpf(-1))
LADDER = [mpf(v) for v in ("-30", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9", "0",
                           "1e-12", "0.4", "0.5", "1", "2", "3.1", "12.5", "30")]
REALS = LADDER + [rnz() for _ in range(14)]
POS = [v for v in REALS if v > 0] + [rpos() for _ in range(6)] + [mpf(1)]
UNIT = [mpf(k) / 40 for k in range(1, 40)] + [mpf("1e-9"), 1 - mpf("1e-9"), mpf(1) / 2] + \
       [mpf(RNG.randint(1, 999)) / 1000 for _ in range(8)]

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)
CHECKED = []

def check(name, lhs, tr, fa, pts, tol=None, extra=(), min_pts=3):
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
        try:
            tv = tr(*p)
        except (ZeroDivisionError, ValueError):
            tv = None
        if not close(l, tv, tol):
            problem(f"{name}: true twin differs at {p}: {l} vs {tv}")
            return
        if bad is None:
            try:
                fv = fa(*p)
            except (ZeroDivisionError, ValueError):
                fv = None
            if fv is not None and not close(l, fv, tol):
                bad = p
    if n_def < min_pts:
        problem(f"{name}: only {n_def} points defined")
    if bad is None:
        problem(f"{name}: false twin never differs")
    elif SHOW:
        print(f"{name}: false differs at {[M.nstr(v, 8) if isinstance(v, M.mpf) else v for v in bad][:6]}")
    for what, ok in extra:
        if not ok():
            problem(f"{name}: shared step fails ({what})")
    CHECKED.append(name)

def allclose(pts, f, g, tol=None):
    n = 0
    for p in pts:
        try:
            a = f(*p)
        except (ZeroDivisionError, ValueError):
            continue
        if a is None:
            continue
        n += 1
        if not close(a, g(*p), tol):
            print("   at", p, a, g(*p))
            return False
    return n >= 1

def vec(n): return [rnz() for _ in range(n)]

# ---------------- A  optimisation
def en_f(w, a, lam, mu): return (w - a) ** 2 / 2 + lam * abs(w) + mu / 2 * w ** 2
PA1 = [(w, a, lam, mu) for w in POS for a in REALS[::2] for lam, mu in ((1, 1), (mpf("0.3"), 2), (rpos(), rpos()))]
PA1n = [(-w, a, lam, mu) for w, a, lam, mu in PA1]
check("elastic_net_slope_sign_factor", lambda w, a, lam, mu: deriv(lambda t: en_f(t, a, lam, mu), w),
      lambda w, a, lam, mu: (1 + mu) * w - a + lam * sgn(w), lambda w, a, lam, mu: (1 + mu) * w - a + lam * sgn(a),
      PA1, DTOL,
      [("w > 0 first step", lambda: allclose(PA1, lambda w, a, lam, mu: deriv(lambda t: en_f(t, a, lam, mu), w),
                                             lambda w, a, lam, mu: w - a + lam + mu * w, DTOL)),
       ("w < 0 steps", lambda: allclose(PA1n, lambda w, a, lam, mu: deriv(lambda t: en_f(t, a, lam, mu), w),
                                        lambda w, a, lam, mu: w - a - lam + mu * w, DTOL)
        and allclose(PA1n, lambda w, a, lam, mu: w - a - lam + mu * w,
                     lambda w, a, lam, mu: (1 + mu) * w - a + lam * sgn(w)))])

def ridge_L(w, x, y, lam): return sum((w * xi - yi) ** 2 for xi, yi in zip(x, y)) / 2 + lam / 2 * w ** 2
PA2 = [(w, vec(n), vec(n), lam) for n in range(1, 6) for w in REALS[::3] for lam in (1, mpf("0.25"), rpos())]
check("ridge_slope_penalty_outside_sum", lambda w, x, y, lam: deriv(lambda t: ridge_L(t, x, y, lam), w),
      lambda w, x, y, lam: w * (sum(v ** 2 for v in x) + lam) - sum(a * b for a, b in zip(x, y)),
      lambda w, x, y, lam: w * (sum(v ** 2 for v in x) + len(x) * lam) - sum(a * b for a, b in zip(x, y)),
      PA2, DTOL,
      [("sum form", lambda: allclose(PA2, lambda w, x, y, lam: deriv(lambda t: ridge_L(t, x, y, lam), w),
                                     lambda w, x, y, lam: sum((w * a - b) * a for a, b in zip(x, y)) + lam * w, DTOL))])

LAM = mpf(10) ** -3
st = lambda a: sgn(a) * max(abs(a) - LAM, 0)
PA3 = [(a,) for a in REALS] + [(s * LAM * f,) for s in (1, -1) for f in (mpf(1), mpf("0.5"), mpf("0.999"), mpf("1e-6"), mpf("1.001"), mpf(3))]
check("soft_threshold_small_penalty", st, lambda a: a - max(-LAM, min(a, LAM)), lambda a: a - LAM * sgn(a), PA3, None,
      [("soft-thresholding minimises 1/2 (w - a)^2 + lambda |w| (not a claim)",
        lambda: all(0.5 * (st(a) - a) ** 2 + LAM * abs(st(a)) <= 0.5 * (w - a) ** 2 + LAM * abs(w) + mpf(10) ** -60
                    for (a,) in PA3 for w in (st(a) + mpf(10) ** -5, st(a) - mpf(10) ** -5, mpf(0), a)))])

def r1_L(w, x, y, lam): return (w * x - y) ** 2 / 2 + lam / 2 * w ** 2
PA4 = [(w, x, y, lam) for w in REALS[::4] for x in REALS[::3] for y in (mpf(-2), mpf(0), mpf("3.5"))
       for lam in (mpf(1), mpf("0.01"), rpos())]
check("md_ridge_second_order_condition", lambda w, x, y, lam: deriv2(lambda t: r1_L(t, x, y, lam), w),
      lambda w, x, y, lam: x ** 2 + lam, lambda w, x, y, lam: x + lam, PA4, D2TOL,
      [("dL/dw", lambda: allclose(PA4, lambda w, x, y, lam: deriv(lambda t: r1_L(t, x, y, lam), w),
                                  lambda w, x, y, lam: (w * x - y) * x + lam * w, DTOL)),
       ("d/dw of the slope", lambda: allclose(PA4, lambda w, x, y, lam: deriv(lambda t: (t * x - y) * x + lam * t, w),
                                              lambda w, x, y, lam: x ** 2 + lam, DTOL)),
       ("w-hat is stationary (not a claim)", lambda: allclose(PA4, lambda w, x, y, lam: deriv(lambda t: r1_L(t, x, y, lam), x * y / (x ** 2 + lam)),
                                                              lambda w, x, y, lam: 0, DTOL))])

ph = lambda r, d: d ** 2 * (sqrt(1 + (r / d) ** 2) - 1)
PA5 = [(r, d) for r in REALS for d in (mpf(1), mpf("0.1"), mpf(3), rpos(), rpos())]
check("md_pseudo_huber_slope", lambda r, d: deriv(lambda t: ph(t, d), r),
      lambda r, d: r / sqrt(1 + r ** 2 / d ** 2), lambda r, d: r / sqrt(1 + r ** 2 / d), PA5, DTOL,
      [("chain rule row", lambda: allclose(PA5, lambda r, d: deriv(lambda t: ph(t, d), r),
                                           lambda r, d: d ** 2 / (2 * sqrt(1 + r ** 2 / d ** 2)) * 2 * r / d ** 2, DTOL))])

nwf = lambda x: x ** 3 - 2 * x - 5
nwfp = lambda x: 3 * x ** 2 - 2
check("md_newton_step_numbers", lambda: 2 - Fr(nwf(2)) / nwfp(2), lambda: Fr(21, 10), lambda: Fr(19, 10), [()],
      min_pts=1,
      extra=[("f'(x)", lambda: allclose([(x,) for x in REALS], lambda x: deriv(nwf, x), nwfp, DTOL)),
             ("arithmetic row", lambda: 2 - Fr(nwf(2)) / nwfp(2) == 2 - Fr(8 - 4 - 5, 12 - 2))])

# ---------------- B  information theory
Hb = lambda p: -p * ln(p) - (1 - p) * ln(1 - p)
PB1 = [(p,) for p in UNIT]
check("binary_entropy_slope_logit", lambda p: deriv(Hb, p), lambda p: -ln(p / (1 - p)), lambda p: ln(p / (1 - p)),
      PB1, DTOL,
      [("expanded", lambda: allclose(PB1, lambda p: deriv(Hb, p), lambda p: -ln(p) - 1 + ln(1 - p) + 1, DTOL)),
       ("difference", lambda: allclose(PB1, lambda p: -ln(p) - 1 + ln(1 - p) + 1, lambda p: ln(1 - p) - ln(p)))])

logit = lambda q: ln(q / (1 - q))
check("logit_sigmoid_roundtrip", lambda p: sig(logit(p)), lambda p: p, lambda p: 1 - p, PB1, None,
      [("exp form", lambda: allclose(PB1, lambda p: sig(logit(p)), lambda p: 1 / (1 + exp(-ln(p / (1 - p)))))),
       ("ratio form", lambda: allclose(PB1, lambda p: sig(logit(p)), lambda p: 1 / (1 + (1 - p) / p)))])

def smax(z):
    s = sum(exp(v) for v in z); return [exp(v) / s for v in z]
PB3 = [(vec(n),) for n in range(1, 6) for _ in range(6)] + [([mpf(0)] * n,) for n in range(1, 6)]
check("kl_softmax_to_uniform", lambda z: sum(pk * ln(pk / (mpf(1) / len(z))) for pk in smax(z)),
      lambda z: ln(len(z)) + sum(pk * ln(pk) for pk in smax(z)),
      lambda z: len(z) * ln(len(z)) + sum(pk * ln(pk) for pk in smax(z)), PB3, None,
      [("split sum", lambda: allclose(PB3, lambda z: sum(pk * ln(pk / (mpf(1) / len(z))) for pk in smax(z)),
                                      lambda z: sum(pk * ln(len(z)) for pk in smax(z)) + sum(pk * ln(pk) for pk in smax(z))))])

PB4 = [(y, z) for y in REALS[::2] + [mpf(0), mpf(1), mpf("0.5")] for z in REALS[::2]]
bce = lambda y, z: -y * ln(sig(z)) - (1 - y) * ln(1 - sig(z))
check("md_bce_logit_softplus_form", bce, lambda y, z: ln(1 + exp(z)) - y * z, lambda y, z: ln(1 + exp(z)) - (1 - y) * z,
      PB4, mpf(10) ** -30,
      [("first row", lambda: allclose(PB4, bce, lambda y, z: y * ln(1 + exp(-z)) + (1 - y) * (z + ln(1 + exp(-z))), mpf(10) ** -30)),
       ("second row", lambda: allclose(PB4, bce, lambda y, z: ln(1 + exp(-z)) + (1 - y) * z, mpf(10) ** -30))])

PB5 = [(s,) for s in POS]
ge = lambda s: ln(2 * M.pi * M.e * s ** 2) / 2
check("md_gaussian_entropy_log_scale", ge, lambda s: ln(2 * M.pi) / 2 + mpf(1) / 2 + ln(s),
      lambda s: ln(2 * M.pi) / 2 + mpf(1) / 2 + 2 * ln(s), PB5, None,
      [("first row", lambda: allclose(PB5, ge, lambda s: ln(2 * M.pi) / 2 + ln(M.e) / 2 + ln(s ** 2) / 2))])

PB6 = [(e,) for e in UNIT]
mi = lambda e: Hb(mpf(1) / 2) - Hb(e)
check("md_bsc_mutual_information", mi,
      lambda e: ln(2) + e * ln(e) + ln(1 - e) - e * ln(1 - e), lambda e: ln(2) + e * ln(e) + e * ln(1 - e), PB6, None,
      [("first row", lambda: allclose(PB6, mi, lambda e: ln(2) + e * ln(e) + (1 - e) * ln(1 - e)))])

# ---------------- C  algebra
PC1 = [(mpf(2),)] + [(2 + v,) for v in POS] + [(mpf(2) + mpf(k) / 7,) for k in range(1, 20)]
PC1a = [(mpf(1),)] + [(1 + mpf(k) / 41,) for k in range(1, 41)] + [(2 - mpf("1e-9"),)]
PC1all = PC1 + PC1a + [(v,) for v in REALS if v < 1]
dn = lambda a: sqrt(a - 2 * sqrt(a - 1))
check("denest_radical_two_sides", dn, lambda a: sqrt(a - 1) - 1, lambda a: 1 - sqrt(a - 1), PC1, mpf(10) ** -30,
      [("square form (every a, complex where a < 1)", lambda: allclose(PC1all, dn, lambda a: sqrt((sqrt(a - 1) - 1) ** 2), mpf(10) ** -30)),
       ("1 <= a < 2", lambda: allclose(PC1a, dn, lambda a: 1 - sqrt(a - 1), mpf(10) ** -30))])

PC2 = [(x, a, b) for x in REALS[::2] for a in REALS[1::3] for b in REALS[2::3] if a != b]
check("partial_fractions_two_poles", lambda x, a, b: 1 / ((x - a) * (x - b)),
      lambda x, a, b: (1 / (x - a) - 1 / (x - b)) / (a - b), lambda x, a, b: 1 / (x - a) - 1 / (x - b), PC2, mpf(10) ** -35,
      [("combined", lambda: allclose(PC2, lambda x, a, b: 1 / ((x - a) * (x - b)),
                                     lambda x, a, b: ((x - b) - (x - a)) / ((a - b) * (x - a) * (x - b)), mpf(10) ** -35))])

PC3 = [(mpf(0),)] + [(x,) for x in POS]
rr = lambda x: 1 / (sqrt(x + 1) - sqrt(x))
check("rationalise_root_difference", rr, lambda x: sqrt(x + 1) + sqrt(x), lambda x: sqrt(x + 1) - sqrt(x), PC3, mpf(10) ** -35,
      [("conjugate", lambda: allclose(PC3, rr, lambda x: (sqrt(x + 1) + sqrt(x)) / ((sqrt(x + 1) - sqrt(x)) * (sqrt(x + 1) + sqrt(x))), mpf(10) ** -35)),
       ("denominator 1", lambda: allclose(PC3, rr, lambda x: (sqrt(x + 1) + sqrt(x)) / ((x + 1) - x), mpf(10) ** -35))])

PC4 = [(n, x, y) for n in range(1, 9) for x, y in [(Fr(0), Fr(0)), (Fr(1), Fr(1)), (Fr(0), Fr(3))] + [(rfr(), rfr()) for _ in range(6)]]
check("difference_of_powers_sum", lambda n, x, y: x ** n - y ** n,
      lambda n, x, y: (x - y) * sum(x ** k * y ** (n - 1 - k) for k in range(n)),
      lambda n, x, y: (x - y) * sum(x ** k * y ** k for k in range(n)), PC4)

def cbrt(v): return sgn(v) * abs(v) ** (mpf(1) / 3)
PC5 = [(x,) for x in REALS]
check("md_rational_exponent_negative_base", lambda x: (sqrt(x ** 2)) ** 3, lambda x: abs(x) ** 3, lambda x: x ** 3, PC5, None,
      [("(x^2)^(3/2) = (sqrt(x^2))^3", lambda: allclose(PC5, lambda x: M.power(x ** 2, mpf(3) / 2), lambda x: sqrt(x ** 2) ** 3)),
       ("real cube root", lambda: allclose(PC5, lambda x: cbrt(x ** 3) ** 2, lambda x: x ** 2, mpf(10) ** -35))])

PC6 = [(x, a, b, c) for x in REALS[::3] for a in [v for v in REALS[::2] if v != 0] + [mpf(1)] for b in (mpf(0), mpf(2), mpf(-3.5)) for c in (mpf(0), mpf(1), mpf(-2))]
q = lambda x, a, b, c: a * x ** 2 + b * x + c
check("md_complete_square_parameter", q, lambda x, a, b, c: a * (x + b / (2 * a)) ** 2 + (4 * a * c - b ** 2) / (4 * a),
      lambda x, a, b, c: a * (x + b / (2 * a)) ** 2 + (4 * a * c - b ** 2) / 4, PC6, mpf(10) ** -35,
      [("factor a", lambda: allclose(PC6, q, lambda x, a, b, c: a * (x ** 2 + b / a * x) + c, mpf(10) ** -35)),
       ("square", lambda: allclose(PC6, q, lambda x, a, b, c: a * (x + b / (2 * a)) ** 2 - b ** 2 / (4 * a) + c, mpf(10) ** -35))])

# ---------------- D  derivative notations
PD1 = [(x, y) for x in REALS[::2] + [mpf(1)] for y in REALS[1::2] if abs(x * y) < 400]
f_d1 = lambda x, y: x ** 2 * y ** 3 + sin(x * y)
check("mixed_partial_product_rule", lambda x, y: M.diff(f_d1, (x, y), (1, 1)),
      lambda x, y: 6 * x * y ** 2 + cos(x * y) - x * y * sin(x * y),
      lambda x, y: 6 * x * y ** 2 + cos(x * y) - y * sin(x * y), PD1, DTOL,
      [("d/dy first", lambda: allclose(PD1, lambda x, y: M.diff(f_d1, (x, y), (0, 1)),
                                       lambda x, y: 3 * x ** 2 * y ** 2 + x * cos(x * y), DTOL)),
       ("d/dx of it", lambda: allclose(PD1, lambda x, y: M.diff(lambda s: 3 * s ** 2 * y ** 2 + s * cos(s * y), x),
                                       lambda x, y: 6 * x * y ** 2 + cos(x * y) - x * y * sin(x * y), DTOL))])

PD2 = [(x * r, r) for r in (mpf(1), mpf("0.3"), mpf(5), rpos()) for x in [mpf(k) / 20 for k in range(-19, 20)] + [1 / sqrt(2), -1 / sqrt(2)]]
yc = lambda x, r: sqrt(r ** 2 - x ** 2)
check("implicit_circle_slope", lambda x, r: deriv(lambda t: yc(t, r), x), lambda x, r: -x / yc(x, r),
      lambda x, r: -yc(x, r) / x, PD2, DTOL,
      [("chain rule row", lambda: allclose(PD2, lambda x, r: deriv(lambda t: yc(t, r), x), lambda x, r: -2 * x / (2 * sqrt(r ** 2 - x ** 2)), DTOL))])

PD3 = [(x, xd, m, k) for x in REALS[::3] for xd in REALS[1::3] for m, k in ((mpf(1), mpf(1)), (mpf(2), mpf("0.5")), (rnz(), rnz()))]
Lag = lambda x, xd, m, k: m * xd ** 2 / 2 - k * x ** 2 / 2
check("md_lagrangian_dot_names", lambda x, xd, m, k: deriv(lambda t: Lag(t, xd, m, k), x),
      lambda x, xd, m, k: -k * x, lambda x, xd, m, k: -k * xd, PD3, DTOL,
      [("dL/d xdot", lambda: allclose(PD3, lambda x, xd, m, k: deriv(lambda t: Lag(x, t, m, k), xd), lambda x, xd, m, k: m * xd, DTOL)),
       ("dL/d xdot middle", lambda: allclose(PD3, lambda x, xd, m, k: deriv(lambda t: m * t ** 2 / 2, xd), lambda x, xd, m, k: m * xd, DTOL)),
       ("dL/dx middle", lambda: allclose(PD3, lambda x, xd, m, k: deriv(lambda t: Lag(t, xd, m, k), x),
                                          lambda x, xd, m, k: deriv(lambda t: -k * t ** 2 / 2, x), DTOL))])

bump = lambda x: x * exp(-x ** 2)
PD4 = [(x,) for x in REALS if abs(x) < 13]
check("md_prime_second_derivative_bump", lambda x: deriv2(bump, x), lambda x: (4 * x ** 3 - 6 * x) * exp(-x ** 2),
      lambda x: (4 * x ** 3 - 2 * x) * exp(-x ** 2), PD4, D2TOL,
      [("f'", lambda: allclose(PD4, lambda x: deriv(bump, x), lambda x: exp(-x ** 2) - 2 * x ** 2 * exp(-x ** 2), DTOL)
        and allclose(PD4, lambda x: exp(-x ** 2) - 2 * x ** 2 * exp(-x ** 2), lambda x: (1 - 2 * x ** 2) * exp(-x ** 2))),
       ("f'' row", lambda: allclose(PD4, lambda x: deriv2(bump, x), lambda x: -4 * x * exp(-x ** 2) - 2 * x * (1 - 2 * x ** 2) * exp(-x ** 2), D2TOL))])

PD5 = [(x, a) for x in REALS for a in (mpf(1), mpf("0.2"), mpf(4), rpos())]
check("md_inverse_sinh_scaled_argument", lambda x, a: deriv(lambda t: asinh(t / a), x), lambda x, a: 1 / sqrt(a ** 2 + x ** 2),
      lambda x, a: 1 / (a * sqrt(a ** 2 + x ** 2)), PD5, DTOL,
      [("chain rule row", lambda: allclose(PD5, lambda x, a: deriv(lambda t: asinh(t / a), x), lambda x, a: 1 / sqrt(1 + x ** 2 / a ** 2) / a, DTOL))])

yr = lambda x: ln(1 + exp(2 * x))
PD6 = [(x,) for x in REALS if abs(x) < 20]
check("md_second_derivative_at_point", lambda: deriv2(yr, mpf(0)), lambda: mpf(1), lambda: mpf(2), [()], D2TOL,
      [("dy/dx", lambda: allclose(PD6, lambda x: deriv(yr, x), lambda x: 2 * exp(2 * x) / (1 + exp(2 * x)), DTOL)),
       ("d2y/dx2", lambda: allclose(PD6, lambda x: deriv2(yr, x), lambda x: 4 * exp(2 * x) / (1 + exp(2 * x)) ** 2, D2TOL)),
       ("at 0", lambda: close(deriv2(yr, mpf(0)), 4 * exp(0) / (1 + exp(0)) ** 2, D2TOL))], min_pts=1)

# ---------------- E  YAML format limits
tk = lambda x: abs(x - 1) + abs(x + 1)
PE1 = [(mpf(-1),)] + [(mpf(k) / 20,) for k in range(-19, 20)] + [(1 - mpf("1e-9"),)]
check("nested_cases_two_kinks_result", tk, lambda x: mpf(2), lambda x: -2 * x, PE1, None,
      [("x >= 1", lambda: allclose([(x,) for x in POS if x >= 1] + [(mpf(1),)], tk, lambda x: 2 * x)),
       ("x < 1 step", lambda: allclose([(x,) for x in REALS if x < 1], tk, lambda x: (1 - x) + abs(x + 1))),
       ("-1 <= x < 1 step", lambda: allclose(PE1, tk, lambda x: (1 - x) + (x + 1))),
       ("x < -1", lambda: allclose([(x,) for x in REALS if x < -1], tk, lambda x: -2 * x))])

g2 = lambda u, v: u ** 2 * v
PE2 = [(x,) for x in REALS]
check("two_argument_definition_swapped", lambda x: g2(x, 2) - g2(2, x), lambda x: 2 * x * (x - 2), lambda x: 2 * x * (2 - x), PE2,
      None, [("expanded", lambda: allclose(PE2, lambda x: g2(x, 2) - g2(2, x), lambda x: x ** 2 * 2 - 4 * x))])

PE3 = [(x,) for x in REALS if x != 0]
check("derivations_own_positive_symbol", lambda x: ln(x ** 2), lambda x: 2 * ln(abs(x)), lambda x: 2 * ln(x), PE3, None,
      [("positive base", lambda: allclose([(x,) for x in POS], lambda x: ln(x ** 3), lambda x: 3 * ln(x)))])

e4 = lambda x: x ** 3 * exp(-x)
PE4 = [(x,) for x in REALS]
check("expr_steps_between_latex", lambda x: deriv(e4, x), lambda x: x ** 2 * (3 - x) * exp(-x), lambda x: x ** 2 * (x - 3) * exp(-x),
      PE4, DTOL, [("latex row", lambda: allclose(PE4, lambda x: deriv(e4, x), lambda x: 3 * x ** 2 * exp(-x) - x ** 3 * exp(-x), DTOL))])

rp = lambda x, y: max(x, 0) * max(y, 0)
PE5 = [(x, y) for x in POS for y in [mpf(0)] + [v for v in REALS if v < 0]]
PE5p = [(x, y) for x in POS for y in POS]
check("nested_relu_product_result", lambda x, y: deriv(lambda t: rp(t, y), x), lambda x, y: mpf(0), lambda x, y: y, PE5, DTOL,
      [("x > 0 steps", lambda: allclose(PE5 + PE5p, lambda x, y: deriv(lambda t: rp(t, y), x), lambda x, y: deriv(lambda t: t * max(y, 0), x), DTOL)
        and allclose(PE5 + PE5p, lambda x, y: deriv(lambda t: rp(t, y), x), lambda x, y: max(y, 0), DTOL)),
       ("y > 0 result", lambda: allclose(PE5p, lambda x, y: max(y, 0), lambda x, y: y)),
       ("x < 0", lambda: allclose([(-x, y) for x, y in PE5 + PE5p], lambda x, y: deriv(lambda t: rp(t, y), x), lambda x, y: 0, DTOL))])

PE6 = [(n, k) for n in range(1, 31) for k in range(1, n + 1)]
check("index_range_shifted_sum", lambda n, k: Fr(sum(j - k for j in range(k, n + 1))), lambda n, k: Fr((n - k) * (n - k + 1), 2),
      lambda n, k: Fr((n - k) * (n - k - 1), 2), PE6, None,
      [("shifted", lambda: all(sum(j - k for j in range(k, n + 1)) == sum(range(0, n - k + 1)) for n, k in PE6))])

# ---------------- F  notes layouts
PF = [(x,) for x in REALS]
qf = lambda x: x / (1 + x ** 2)
check("md_numbered_list_quotient", lambda x: deriv(qf, x), lambda x: (1 - x ** 2) / (1 + x ** 2) ** 2,
      lambda x: (1 - x ** 2) / (1 + x ** 2), PF + [(mpf(1),), (mpf(-1),)], DTOL,
      [("quotient rule row", lambda: allclose(PF, lambda x: deriv(qf, x), lambda x: ((1 + x ** 2) - x * 2 * x) / (1 + x ** 2) ** 2, DTOL))])

ss = lambda x: x / (1 + abs(x))
check("md_equation_aligned_softsign", lambda x: deriv(ss, x), lambda x: 1 / (1 + abs(x)) ** 2, lambda x: 1 / (1 + x) ** 2, PF, DTOL,
      [("sgn row", lambda: allclose(PF, lambda x: deriv(ss, x), lambda x: ((1 + abs(x)) - x * sgn(x)) / (1 + abs(x)) ** 2, DTOL))])

rr2 = lambda x: mpf(0) if x < 0 else x ** 2
PF3 = [(mpf(0),)] + [(x,) for x in REALS if x < 0]
check("md_left_brace_array_piecewise", lambda x: deriv(rr2, x), lambda x: mpf(0), lambda x: 2 * x, PF3, DTOL,
      [("x > 0", lambda: allclose([(x,) for x in POS], lambda x: deriv(rr2, x), lambda x: 2 * x, DTOL))])

PF4 = [(z, xb, s) for z in REALS[::2] for xb in (mpf(0), mpf("1.5"), rnz()) for s in (mpf(1), mpf("0.3"), mpf(4), rpos())]
yh = lambda z, xb, s: ((z - xb) / s) ** 2
check("md_hat_bar_tilde_names", lambda z, xb, s: deriv(lambda t: yh(t, xb, s), z), lambda z, xb, s: 2 * (z - xb) / s ** 2,
      lambda z, xb, s: 2 * (z - xb) / s, PF4, DTOL,
      [("chain row", lambda: allclose(PF4, lambda z, xb, s: deriv(lambda t: yh(t, xb, s), z), lambda z, xb, s: 2 * ((z - xb) / s) / s, DTOL))])

PF5 = [(u, t) for u in REALS[::2] for t in (mpf(0), mpf(1), mpf("0.5"), rnz(), rnz())] + [(mpf(0), mpf("0.5"))]
Eo = lambda u, t: (t - sig(u)) ** 2 / 2
check("md_substituting_tagged_equations", lambda u, t: deriv(lambda s: Eo(s, t), u),
      lambda u, t: (sig(u) - t) * sig(u) * (1 - sig(u)), lambda u, t: (t - sig(u)) * sig(u) * (1 - sig(u)), PF5, DTOL,
      [("chain rule", lambda: allclose(PF5, lambda u, t: deriv(lambda s: Eo(s, t), u),
                                        lambda u, t: deriv(lambda o: (t - o) ** 2 / 2, sig(u)) * deriv(sig, u), DTOL)),
       ("sigmoid slope", lambda: allclose(PF5, lambda u, t: deriv(lambda s: Eo(s, t), u),
                                          lambda u, t: -(t - sig(u)) * sig(u) * (1 - sig(u)), DTOL))])

PF6 = [(x,) for x in POS if x < 20] + [(mpf(1),)]
xx = lambda x: x ** x
check("md_hence_we_obtain_power", lambda x: deriv(xx, x), lambda x: x ** x * (ln(x) + 1), lambda x: x ** x * ln(x) + 1, PF6, DTOL,
      [("exp form", lambda: allclose(PF6, lambda x: deriv(xx, x), lambda x: deriv(lambda t: exp(t * ln(t)), x), DTOL)),
       ("exp derivative", lambda: allclose(PF6, lambda x: deriv(xx, x), lambda x: exp(x * ln(x)) * (ln(x) + 1), DTOL))])

# ---------------- special points: where each false twin is right (as the README says)
h = mpf(1) / 2
SPECIAL = [
    ("elastic a > 0", lambda: close((1 + 2) * 3 - 5 + 7 * sgn(mpf(3)), (1 + 2) * 3 - 5 + 7 * sgn(mpf(5)))),
    ("ridge n = 1", lambda: all(close(w * (x[0] ** 2 + lam) - x[0] * y[0], w * (x[0] ** 2 + 1 * lam) - x[0] * y[0]) for w, x, y, lam in PA2 if len(x) == 1)),
    ("soft threshold outside the window", lambda: all(close(st(a), a - LAM * sgn(a)) for (a,) in PA3 if abs(a) >= LAM or a == 0)),
    ("entropy p = 1/2", lambda: close(-ln(h / (1 - h)), ln(h / (1 - h)))),
    ("roundtrip p = 1/2", lambda: close(h, 1 - h)),
    ("KL n = 1", lambda: close(ln(1), 1 * ln(1))),
    ("bce y = 1/2", lambda: all(close(ln(1 + exp(z)) - h * z, ln(1 + exp(z)) - (1 - h) * z) for z in REALS)),
    ("bsc eps = 1/2", lambda: close(ln(2) + h * ln(h) + ln(1 - h) - h * ln(1 - h), ln(2) + h * ln(h) + h * ln(1 - h))),
    ("denest a = 2", lambda: close(sqrt(1) - 1, 1 - sqrt(1))),
    ("rationalise x = 0", lambda: close(sqrt(1) + 0, sqrt(1) - 0)),
    ("powers n = 1", lambda: all((x - y) * 1 == (x - y) * 1 for n, x, y in PC4 if n == 1)),
    ("circle |x| = r/sqrt2", lambda: close(-(1 / sqrt(2)) / yc(1 / sqrt(2), mpf(1)), -yc(1 / sqrt(2), mpf(1)) / (1 / sqrt(2)))),
    ("two kinks x = -1", lambda: close(tk(mpf(-1)), -2 * mpf(-1))),
    ("relu y = 0", lambda: close(deriv(lambda t: rp(t, mpf(0)), mpf(2)), mpf(0))),
    ("shifted sum k = n", lambda: all(Fr((n - k) * (n - k + 1), 2) == Fr((n - k) * (n - k - 1), 2) for n, k in PE6 if k == n)),
    ("softsign x >= 0", lambda: all(close(1 / (1 + abs(x)) ** 2, 1 / (1 + x) ** 2) for x in POS)),
    ("ramp x = 0", lambda: close(deriv(rr2, mpf(0)), 2 * 0, DTOL)),
    ("power x = 1", lambda: close(mpf(1) * (0 + 1), 1 * 0 + 1)),
    ("sigmoid unit t = o", lambda: close((sig(mpf(1)) - sig(mpf(1))), (sig(mpf(1)) - sig(mpf(1))))),
]
for what, ok in SPECIAL:
    if not ok():
        problem(f"special point claim fails: {what}")

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
            if not (isinstance(d, dict) and ("steps" in d or "derivations" in d)):
                problem(f"{name}: YAML shape")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
