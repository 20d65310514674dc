#!/usr/bin/env python3
"""Check every attack-33 pair independently of derive-ce (attack 32's conventions).

Scalars: mpmath at 60 digits, tolerance 10^-45 relative for values; derivatives by central
difference quotients with h = 10^-20 (tolerance 10^-15 relative), taken only where the function
is defined and the two one-sided quotients agree to 10^-12 (else "undefined", None: a kink or a
jump); two undefined values agree, an undefined and a defined one differ. Partial derivatives by
an element of a vector move that element alone; second partials are nested quotients (h = 10^-20
outside, 10^-40 inside, at 100 digits). Vectors: random rationals at sizes 1..5, every index
assignment allowed by the step's case. Each true step (LHS = TRUE) must hold at every point tried
of its domain (declared flags, stated assumptions, the case's conditions, a row's own condition,
and for an unconditioned row after conditioned ones, the last row's case); each false step must
differ at one point at least of that same domain. Shared (unmarked) steps are checked too
(extra). Exact arithmetic (the update rule's numbers) uses Fractions. The file check: twins
identical but for the marked line, one mark, in the false twin only; every YAML twin loads with
yaml.safe_load. SHOW=1 prints where each false step fails."""
import os, random
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos
M.mp.dps = 100
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -45
DTOL = mpf(10) ** -15
RNG = random.Random(33)
H1 = mpf(10) ** -20
H2 = mpf(10) ** -40

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra)

def deriv(f, x, H=H1):
    try:
        f0, fl, fr = f(x), f(x - H), f(x + H)
    except (ZeroDivisionError, ValueError):
        return None
    if f0 is None or fl is None or fr is None:
        return None
    l = (f0 - fl) / H; r = (fr - f0) / H
    if abs(l - r) > mpf(10) ** -12 * max(1, abs(l)):
        return None
    return (fr - fl) / (2 * H)
def dvec(F, v, k, H=H1):
    def g(t):
        w = list(v); w[k] = t; return F(w)
    return deriv(g, v[k], H)
def d2vec(F, v, a, b):
    return dvec(lambda w: dvec(F, w, b, H2), v, a, H1)
def rq(): return mpf(RNG.randint(-30, 30)) / RNG.randint(1, 7)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def vec(n): return [rnz() for _ in range(n)]
def sig(t): return 1 / (1 + exp(-t))
def sm(z):
    m = max(z); e = [exp(t - m) for t in z]; s = sum(e); return [x / s for x in e]
def ind(c): return 1 if c else 0
def prod(xs):
    r = mpf(1)
    for x in xs: r *= x
    return r
SM = [mpf(v) for v in ("-300", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "1e-12", "0.4", "1", "2", "3.1", "12.5", "40", "300")]
REALS = SM + [rnz() for _ in range(20)]

# ---------------- A
XS = [(vec(n),) for n in range(1, 6) for _ in range(3)]
fnorm = lambda x: sqrt(sum(t ** 4 for t in x))
def a1_lhs(x): return sum(x[j] * dvec(fnorm, x, j) for j in range(len(x)))
pair("euler_homogeneous_defined_norm", a1_lhs, lambda x: 2 * fnorm(x), lambda x: 2 * len(x) * fnorm(x), XS, DTOL,
     extra=lambda: all(close(a1_lhs(x), sum(x[j] * 2 * x[j] ** 3 / fnorm(x) for j in range(len(x))), DTOL)
                       and close(2 * fnorm(x) ** 2 / fnorm(x), 2 * fnorm(x)) for (x,) in XS))
rr = lambda x: sqrt(sum(t ** 2 for t in x))
def a2_lhs(x): return sum(d2vec(rr, x, i, i) for i in range(len(x)))
pair("md_laplacian_of_norm", a2_lhs, lambda x: (len(x) - 1) / rr(x), lambda x: mpf(len(x) - 1) / (len(x) * rr(x)), XS,
     mpf(10) ** -12,
     extra=lambda: all(close(a2_lhs(x), sum(1 / rr(x) - x[i] ** 2 / rr(x) ** 3 for i in range(len(x))), mpf(10) ** -12)
                       and close(len(x) / rr(x) - rr(x) ** 2 / rr(x) ** 3, (len(x) - 1) / rr(x)) for (x,) in XS))
def a3_lhs(z): return sum(dvec(lambda w: sm(w)[i], z, i) for i in range(len(z)))
pair("softmax_jacobian_trace", a3_lhs, lambda z: 1 - sum(p ** 2 for p in sm(z)),
     lambda z: len(z) - sum(p ** 2 for p in sm(z)), XS, DTOL,
     extra=lambda: all(close(a3_lhs(z), sum(p * (1 - p) for p in sm(z)), DTOL)
                       and close(sum(p * (1 - p) for p in sm(z)), sum(sm(z)) - sum(p ** 2 for p in sm(z))) for (z,) in XS))
cube = lambda x: sum(x) ** 3
def a4_lhs(x): return sum(d2vec(cube, x, i, j) for i in range(len(x)) for j in range(len(x)))
pair("double_sum_mixed_partials_cube", a4_lhs, lambda x: 6 * len(x) ** 2 * sum(x), lambda x: 6 * len(x) * sum(x),
     XS, mpf(10) ** -12,
     extra=lambda: all(close(a4_lhs(x), sum(6 * sum(x) for i in x for j in x), mpf(10) ** -12) for (x,) in XS))
sq = lambda x: sum(t ** 2 for t in x)
def a5_lhs(x): return prod(dvec(sq, x, j) for j in range(len(x)))
pair("product_of_partials_by_index", a5_lhs, lambda x: 2 ** len(x) * prod(x), lambda x: 2 * len(x) * prod(x), XS, DTOL,
     extra=lambda: all(close(a5_lhs(x), prod(2 * t for t in x), DTOL) for (x,) in XS))
def a6_lhs(x): return sum(dvec(lambda w, i=i: w[i] * sq(w), x, i) for i in range(len(x)))
pair("divergence_of_scaled_position", a6_lhs, lambda x: (len(x) + 2) * sq(x), lambda x: 3 * len(x) * sq(x), XS, DTOL,
     extra=lambda: all(close(a6_lhs(x), sum(sq(x) + 2 * x[i] ** 2 for i in range(len(x))), DTOL) for (x,) in XS))

# ---------------- B
def cclip(t): return t ** 2 if abs(t) <= 1 else 2 * abs(t) - 1
B1X = [mpf(-1)] + [x for x in REALS if x < -1]
pair("smooth_clip_left_boundary", lambda x: deriv(cclip, x), lambda x: mpf(-2), lambda x: 2 * x, B1X, DTOL,
     extra=lambda: close(deriv(cclip, mpf(1)), 2, DTOL) and all(close(deriv(cclip, x), 2 * x, DTOL) for x in REALS if -1 < x < 1))
def hh(t): return 1 - t if t < 1 else mpf(0)
B2X = [mpf("0.999") + mpf(k) / 500000 for k in range(1, 1000)]
pair("hinge_pair_tiny_window", lambda x: hh(x) + hh(2 - x), lambda x: abs(1 - x), lambda x: 1 - x, B2X,
     extra=lambda: all(close(hh(x) + hh(2 - x), 1 - x) for x in REALS if x < mpf("0.999")))
def relu6(t): return mpf(0) if t < 0 else (t if t <= 6 else mpf(6))
B3X = [mpf(k) / 7 for k in range(0, 43)]
r6 = lambda x: relu6(x) - relu6(x - 6)
pair("md_relu6_prose_cases", r6, lambda x: x, lambda x: 12 - x, B3X,
     extra=lambda: all(close(r6(x), 0) for x in REALS if x >= 12 or x < 0)
     and all(close(r6(x), 12 - x) for x in [mpf(6) + mpf(k) / 7 for k in range(0, 43)]))
def lrelu(a): return lambda t: t if t > 0 else a * t
B4P = [(x, a) for x in REALS if x != 0 for a in (mpf(1) / 100, mpf(1) / 3, mpf(2))]
odd = lambda x, a: lrelu(a)(x) - lrelu(a)(-x)
pair("leaky_relu_odd_part_sides", odd, lambda x, a: x - a * abs(x), lambda x, a: x + a * abs(x),
     [p for p in B4P if p[0] < 0],
     extra=lambda: all(close(odd(x, a), (1 + a) * x) for x, a in B4P)
     and all(close(odd(x, a), x + a * abs(x)) for x, a in B4P if x > 0))
def sqh(t): return (1 - t) ** 2 if t < 1 else mpf(0)
B5X = [1 - mpf(10) ** -6 + mpf(k) * mpf(10) ** -6 / 97 for k in range(1, 97)]
pair("squared_hinge_tiny_margin", lambda t: deriv(sqh, t, mpf(10) ** -30), lambda t: 2 * (t - 1), lambda t: mpf(0),
     B5X, DTOL, extra=lambda: all(close(deriv(sqh, t), 0, DTOL) for t in REALS if t > 1))

# ---------------- C
ZJ = [(vec(n), j) for n in range(1, 6) for _ in range(2) for j in range(n)]
lse = lambda z: ln(sum(exp(t) for t in z))
pair("family_used_at_its_sum_index", lambda z, j: ln(sm(z)[j]) + lse(z), lambda z, j: z[j],
     lambda z, j: lse(z) - ln(len(z)), ZJ)
C2P = [(vec(n), vec(n), i) for n in range(1, 6) for _ in range(2) for i in range(n)]
def c2_lhs(x, y, i): return dvec(lambda w: sum(x[j] * w[i] ** 2 for j in range(len(x))), y, i)
pair("two_index_family_transposed", c2_lhs, lambda x, y, i: 2 * y[i] * sum(x), lambda x, y, i: 2 * y[i] * x[i], C2P, DTOL,
     extra=lambda: all(close(c2_lhs(x, y, i), dvec(lambda w: w[i] ** 2 * sum(x), y, i), DTOL) for x, y, i in C2P))
def c3_lhs(z, t): return dvec(lambda w: sum(sig(u) for u in w), z, t)
pair("sigmoid_family_gamma_summed", c3_lhs, lambda z, t: sig(z[t]) * (1 - sig(z[t])),
     lambda z, t: sum(sig(u) * (1 - sig(u)) for u in z), ZJ, DTOL,
     extra=lambda: all(close(c3_lhs(z, t), sum(sig(z[g]) * (1 - sig(z[g])) * ind(g == t) for g in range(len(z))), DTOL)
                       for z, t in ZJ))
C5P = [([vec(K) for _ in range(N)], r, c, y) for N in range(1, 4) for K in range(1, 5)
       for r in range(N) for c in range(K) for y in range(K)]
def c5_lhs(Z, r, c, y):
    def F(row): return ln(sm(row)[y])
    return dvec(F, Z[r], c)
pair("rowwise_softmax_family_p_ry", c5_lhs, lambda Z, r, c, y: ind(c == y) - sm(Z[r])[c],
     lambda Z, r, c, y: ind(c == y) - sm(Z[r])[y], C5P, DTOL)
ent = lambda z: -sum(p * ln(p) for p in sm(z))
def c4_lhs(z, j): return dvec(ent, z, j)
def c4_true(z, j):
    p = sm(z); return -p[j] * (ln(p[j]) - sum(q * ln(q) for q in p))
pair("md_entropy_family_index_summed", c4_lhs, c4_true, lambda z, j: -sm(z)[j] * ln(sm(z)[j]), ZJ, DTOL,
     extra=lambda: all(close(c4_lhs(z, j), -sum((1 + ln(sm(z)[i])) * sm(z)[i] * (ind(i == j) - sm(z)[j])
                                                for i in range(len(z))), DTOL) for z, j in ZJ))

# ---------------- D
XIJ = [(vec(n), i, j) for n in range(1, 6) for _ in range(2) for i in range(n) for j in range(n)]
def d1_lhs(x, i, j): return dvec(lambda w: w[i] ** 2 * sum(w), x, j)
pair("md_split_quad_index_rows_then_plain", d1_lhs, lambda x, i, j: x[i] * x[i], lambda x, i, j: x[i] * x[j],
     [p for p in XIJ if p[1] != p[2]], DTOL,
     extra=lambda: all(close(d1_lhs(x, i, j), 2 * x[i] * sum(x) + x[i] ** 2 if i == j else x[i] ** 2, DTOL)
                       for x, i, j in XIJ))
ssp = lambda x: ln(1 + exp(2 * abs(x)))
pair("md_goal_then_when_rows_then_plain", lambda x: deriv(ssp, x), lambda x: -2 / (1 + exp(2 * x)),
     lambda x: 2 / (1 + exp(-2 * x)), [x for x in REALS if x < 0], DTOL,
     extra=lambda: all(close(deriv(ssp, x), 2 * exp(2 * x) / (1 + exp(2 * x)) if x > 0 else
                             -2 * exp(-2 * x) / (1 + exp(-2 * x)), DTOL) for x in REALS if abs(x) < 100))
def d3_lhs(x, i, j): return dvec(lambda w: w[i] * w[j], x, j)
pair("md_align_ampamp_for_index_rows", d3_lhs, lambda x, i, j: x[i] * (1 + ind(i == j)), lambda x, i, j: 2 * x[i],
     [p for p in XIJ if p[1] != p[2]], DTOL,
     extra=lambda: all(close(d3_lhs(x, i, j), 2 * x[j] if i == j else x[i], DTOL) for x, i, j in XIJ))
def d4_lhs(x, i, j): return dvec(lambda w: abs(w[i]) ** 3, x, j)
pair("md_prose_index_case_with_sign_rows", d4_lhs, lambda x, i, j: 3 * x[i] * abs(x[i]), lambda x, i, j: 3 * x[i] ** 2,
     [p for p in XIJ if p[1] == p[2] and p[0][p[1]] < 0], DTOL,
     extra=lambda: all(close(d4_lhs(x, i, j), 0 if i != j else (3 * x[i] ** 2 if x[i] > 0 else -3 * x[i] ** 2), DTOL)
                       for x, i, j in XIJ))

# ---------------- E
pair("why_for_is_no_condition", lambda x: sqrt(x ** 2 + 2 * x + 1), lambda x: max(x + 1, -x - 1), lambda x: x + 1,
     [(x,) for x in REALS], extra=lambda: all(close(sqrt(x ** 2 + 2 * x + 1), abs(x + 1)) for x in REALS))
s22 = lambda x: sin(2 * x) ** 2
pair("why_key_substitution_check_at", lambda x: deriv(s22, x), lambda x: 2 * sin(4 * x), lambda x: 4 * sin(2 * x),
     [(x,) for x in REALS], DTOL,
     extra=lambda: all(close(deriv(s22, x), 2 * sin(2 * x) * cos(2 * x) * 2, DTOL) for x in REALS))
lsn = lambda z: ln(sig(-z))
E3X = [z for z in REALS if abs(z) < 100]
pair("md_align_whys_with_equations", lambda z: deriv(lsn, z), lambda z: -sig(z), lambda z: sig(z) - 1, E3X, DTOL,
     extra=lambda: all(close(deriv(lsn, z), -deriv(sig, -z) / sig(-z), DTOL) and close(deriv(sig, -z) / sig(-z), 1 - sig(-z), DTOL)
                       and close(1 - sig(-z), sig(z)) for z in E3X))
E4P = [(x, y) for x in REALS[:16] for y in REALS[16:]]
def e4_lhs(x, y, s): return sqrt(x ** 2) * sqrt(y ** 2)
# the true twin's row holds under its condition (if x y > 0); the false twin's why (`since |x y| = x y`)
# states no condition, so its row is claimed for every x, y (s: whether the condition holds)
pair("md_condition_paren_if_vs_since", e4_lhs, lambda x, y, s: x * y if s else e4_lhs(x, y, s), lambda x, y, s: x * y,
     [(x, y, x * y > 0) for x, y in E4P],
     extra=lambda: all(close(sqrt(x ** 2) * sqrt(y ** 2), abs(x * y)) for x, y in E4P))

# ---------------- F
F1P = [(w, x, y) for w, x, y in zip(REALS[:12], REALS[12:24], REALS[24:36])]
Lq = lambda x, y: (lambda w: (w * x - y) ** 2 / 2)
pair("md_update_rule_then_curvature", lambda w, x, y: deriv(lambda v: deriv(Lq(x, y), v, H2), w),
     lambda w, x, y: x ** 2, lambda w, x, y: (w * x - y) * x ** 2, [p for p in F1P if abs(p[0]) < 100 and abs(p[1]) < 100],
     mpf(10) ** -12, extra=lambda: all(close(deriv(Lq(x, y), w), (w * x - y) * x, DTOL) for w, x, y in F1P))
pair("md_assignment_then_arithmetic", lambda: Fr(3, 2) - Fr(1, 4) * 4, lambda: Fr(1, 2), lambda: Fr(1, 4), [()])
F3X = [x for x in REALS if abs(x) < 100]
pair("md_because_row_between", lambda x: ln(x ** 2 * exp(x)), lambda x: 2 * ln(abs(x)) + x, lambda x: 2 * ln(x) + x,
     F3X, extra=lambda: all(close(ln(x ** 2 * exp(x)), ln(x ** 2) + ln(exp(x))) and close(ln(exp(x)), x) for x in F3X))
sp = lambda s: (lambda x: ln(1 + exp(s * x)))
pair("md_no_dollars_update_then_slope", lambda x: deriv(sp(-1), x), lambda x: -1 / (1 + exp(x)),
     lambda x: -1 / (1 + exp(-x)), E3X, DTOL,
     extra=lambda: all(close(deriv(sp(1), x), exp(x) / (1 + exp(x)), DTOL) for x in E3X))

# ---------------- G
G1X = [x for x in REALS if mpf(10) ** -6 < abs(x) < 10 ** 6]
glog = lambda x: sqrt(x ** 2) * deriv(lambda t: ln(t ** 2), x)
pair("md_any_nonzero_real_widens", glog, lambda x: 2 * M.sign(x), lambda x: mpf(2), G1X,
     DTOL, extra=lambda: all(close(glog(x), 2, DTOL) for x in G1X if x > 0)
     and all(close(glog(x), abs(x) * 2 / x, DTOL) for x in G1X))
YP = [(vec(n), vec(n), j) for n in range(1, 6) for _ in range(2) for j in range(n)]
def ce(y): return lambda z: -sum(yk * ln(pk) for yk, pk in zip(y, sm(z)))
def onehot_y(n):
    y = vec(n); y[-1] = 1 - sum(y[:-1]); return y
pair("md_onehot_for_earlier_derivation", lambda z, y, j: dvec(ce(y), z, j), lambda z, y, j: sm(z)[j] * sum(y) - y[j],
     lambda z, y, j: sm(z)[j] - y[j], YP, DTOL,
     extra=lambda: all(close(dvec(ce(y), z, i), sm(z)[i] * sum(y) - y[i], DTOL) and close(sm(z)[i] * sum(y) - y[i], sm(z)[i] - y[i])
                       for z, _, i in YP for y in [onehot_y(len(z))]))
pair("derivations_positive_then_real", lambda x: ln(x ** 4), lambda x: 4 * ln(abs(x)), lambda x: 4 * ln(x), REALS,
     extra=lambda: all(close(ln(x ** 4), 4 * ln(x)) for x in REALS if x > 0))
ssg = lambda u: u / (1 + abs(u))
pair("md_more_generally_softsign", lambda u: deriv(ssg, u), lambda u: 1 / (1 + abs(u)) ** 2, lambda u: 1 / (1 + u) ** 2,
     REALS + [mpf(0)], DTOL, extra=lambda: all(close(deriv(ssg, u), 1 / (1 + u) ** 2, DTOL) for u in REALS if u > 0))

# ---------------- run
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
import json, yaml
classes = json.load(open(os.path.join(HERE, "classes.json")))
if set(classes) != set(PAIRS):
    bad(f"classes.json and verify.py disagree: {sorted(set(classes) ^ set(PAIRS))}")
for name in sorted(PAIRS):
    lhs, tru, fa, pts, tol, extra = PAIRS[name]
    pts = [p if isinstance(p, tuple) else (p,) for p in pts]
    if not pts:
        bad(f"{name}: no points"); continue
    for p in pts:
        if not close(lhs(*p), tru(*p), tol):
            bad(f"{name}: true step differs at {str(p)[:200]}"); break
    witness = None
    for p in pts:
        try:
            same = close(lhs(*p), fa(*p), tol)
        except Exception:
            same = True
        if not same:
            witness = p; break
    if extra is not None and not extra():
        bad(f"{name}: a shared (unmarked) step of the twins does not hold")
    if witness is None:
        bad(f"{name}: false step never differs")
    elif SHOW:
        print(f"{name}: false at {str(witness)[:160]}")
    ext = "md" if os.path.exists(os.path.join(HERE, name + ".true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1 or mark not in f[diff[0]] or sum(mark in l for l in f) != 1 or any(mark in l for l in t):
        bad(f"{name}: twins are not identical but for one marked line")
    if ext == "yaml":
        for txt in (t, f):
            d = yaml.safe_load("\n".join(txt))
            if not isinstance(d, dict) or not ("steps" in d or "derivations" in d):
                bad(f"{name}: YAML does not load as a derivation")
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
