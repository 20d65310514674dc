#!/usr/bin/env python3
"""Check every attack-26 pair independently of derive-ce.

Scalars: mpmath at 250 digits, tolerance 10^-200 relative (10^-50 where a derivative is taken by
central differences with h = 10^-60). A derivative at a point is taken only where it exists: the
one-sided quotients (h = 10^-60) must agree to 10^-40, else it is "undefined" (None); a side whose
formula is 0/0 or divides by zero there is undefined too; two undefined values agree, an undefined
and a defined one differ. Sums and products over integers are exact (Fractions) and written as
loops: a range whose upper bound is below its lower bound is empty (sum 0, product 1), the usual
convention (not Karr's, under which some false twins here would hold).
Vectors / matrices: mpmath matrices of random rationals at sizes 1..5, every size name varied
independently (symmetric = (B + B^T)/2, positive definite = B B^T + I).
Each true step (LHS = TRUE) must hold at every point tried of its domain; each false step must
differ at one point at least of its domain (for a false twin whose condition was turned into a
why, the domain without the condition). Shared (unmarked) steps are checked too (extra).
Also checks the twins' files: identical but for the marked line, one mark, YAML loads.
SHOW=1 prints where each false step fails."""
import json, math, os, random, sys
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, tan, tanh, sin, cos, pi
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -50
RNG = random.Random(26)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, Fr)) and isinstance(b, (int, Fr)):
        return a == b
    if isinstance(a, M.matrix) or isinstance(b, M.matrix):
        if not (isinstance(a, M.matrix) and isinstance(b, M.matrix)):
            return False
        if (a.rows, a.cols) != (b.rows, b.cols):
            return False
        scale = max([mpf(1)] + [abs(a[i, j]) for i in range(a.rows) for j in range(a.cols)])
        return all(abs(a[i, j] - b[i, j]) <= tol * scale for i in range(a.rows) for j in range(a.cols))
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None, fpts=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra, None if fpts is None else list(fpts))

SM = [mpf(v) for v in ("-1e9", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "0.4", "1", "2", "3.1", "12.5", "1e3", "1e9")]
POS = [v for v in SM if v > 0]
def rq(): return mpf(RNG.randint(-9, 9)) / RNG.randint(1, 5)
def rvec(n): return M.matrix([rq() for _ in range(n)])
def rmat(a, b): return M.matrix([[rq() for _ in range(b)] for _ in range(a)])
def rsym(n):
    B = rmat(n, n); return (B + B.T) / 2
def rpd(n):
    B = rmat(n, n); return B * B.T + M.eye(n)
def T(A): return A.T
def one(v): return v[0, 0] if isinstance(v, M.matrix) else v
def dot(x, y): return sum((x[i] * y[i] for i in range(x.rows)), mpf(0))
def trace(A): return sum((A[i, i] for i in range(A.rows)), mpf(0))
def fro2(A): return sum((A[i, j] ** 2 for i in range(A.rows) for j in range(A.cols)), mpf(0))
def sgn(v): return 0 if v == 0 else (1 if v > 0 else -1)
H = mpf(10) ** -60
def numgrad(f, X):
    G = M.zeros(X.rows, X.cols)
    for i in range(X.rows):
        for j in range(X.cols):
            Xp = X.copy(); Xm = X.copy(); Xp[i, j] += H; Xm[i, j] -= H
            G[i, j] = (f(Xp) - f(Xm)) / (2 * H)
    return G
def deriv(f, x):
    """f'(x) where it exists (one-sided quotients agree), else None."""
    try:
        l = (f(x) - f(x - H)) / H; r = (f(x + H) - f(x)) / H
    except (ZeroDivisionError, ValueError):
        return None
    if abs(l - r) > mpf(10) ** -40 * max(1, abs(l)):
        return None
    return (f(x + H) - f(x - H)) / (2 * H)
def safe(f):
    def g(*a):
        try:
            return f(*a)
        except ZeroDivisionError:
            return None
    return g

# ---------------- A
pts = [(rvec(n), rmat(n, n)) for n in range(1, 6) for _ in range(3)]
pair("md_redeclared_any_square", lambda x, A: numgrad(lambda v: one(T(v) * A * v), x),
     lambda x, A: (A + T(A)) * x, lambda x, A: 2 * A * x, pts, DTOL,
     extra=lambda: all(close(numgrad(lambda v: one(T(v) * S * v), x), 2 * S * x, DTOL)
                       for n in range(1, 6) for x, S in [(rvec(n), rsym(n))]))

pts = [(rmat(m, n),) for m in range(1, 6) for n in range(1, 6) for _ in range(2)]
pair("md_gram_det_redeclared_shape", lambda A: M.det(M.eye(A.cols) + T(A) * A),
     lambda A: M.det(M.eye(A.rows) + A * T(A)),
     lambda A: M.det(M.eye(A.cols) + T(A) * A) - M.det(T(A) * A) + M.det(A * T(A)), pts,
     extra=lambda: all(close(M.det(T(A) * A), M.det(A * T(A))) for n in range(1, 6) for A in [rmat(n, n)]))
# (the false line is det(AᵀA) = det(AAᵀ): written as LHS' = LHS - det(AᵀA) + det(AAᵀ), it differs iff they do)

SQ = lambda t: sqrt(t * t)
pair("md_positive_scope_sqrt_derivative", lambda x: deriv(SQ, x), safe(lambda x: x / abs(x)), lambda x: 1,
     [(x,) for x in SM], DTOL,
     extra=lambda: all(close(deriv(SQ, x), 1, DTOL) for x in POS))

pair("md_assumption_after_display", lambda a: sqrt(a * a + 2 * a + 1) - sqrt(a * a - 2 * a + 1),
     lambda a: a + 1 - abs(a - 1), lambda a: (a + 1) - (a - 1), [(a,) for a in SM if a >= 0] + [(mpf(1) / 3,)])

pair("md_several_displays_positive", lambda x: abs(x - 1) + abs(x + 1), lambda x: x + 1 + abs(x - 1),
     lambda x: 2 * x, [(x,) for x in POS],
     extra=lambda: all(close(sqrt(x * x), x) and close(abs(x + 1), x + 1) for x in POS))

pts = [(rvec(n), rsym(n)) for n in range(1, 6) for _ in range(4)]
pair("md_pd_then_symmetric", lambda x, A: sqrt(one(T(x) * A * x) ** 2), lambda x, A: abs(one(T(x) * A * x)),
     lambda x, A: one(T(x) * A * x), pts,
     extra=lambda: all(close(sqrt(one(T(x) * P * x) ** 2), one(T(x) * P * x)) for n in range(1, 6) for x, P in [(rvec(n), rpd(n))]))

pts = [(rvec(n), rvec(n), rmat(n, n)) for n in range(1, 6) for _ in range(3)]
pair("derivations_own_symmetric", lambda x, y, A: one(T(x) * A * y), lambda x, y, A: one(T(y) * T(A) * x),
     lambda x, y, A: one(T(y) * A * x), pts,
     extra=lambda: all(close(one(T(x) * S * y), one(T(y) * S * x)) for n in range(1, 6) for x, y, S in [(rvec(n), rvec(n), rsym(n))]))

pts = [(rmat(n, n),) for n in range(1, 6) for _ in range(3)]
pair("derivations_own_size", lambda A: M.det(3 * A), lambda A: 3 ** A.rows * M.det(A), lambda A: 9 * M.det(A),
     pts,
     extra=lambda: all(close(M.det(3 * A), 9 * M.det(A)) for A in [rmat(2, 2) for _ in range(5)]))

pair("derivations_own_nonnegative", lambda a: max(a, 0), lambda a: (a + abs(a)) / 2, lambda a: a, [(a,) for a in SM],
     extra=lambda: all(close(max(a, 0), a) for a in SM if a >= 0))

# ---------------- B
pts = [(rvec(n), rvec(n), rvec(n)) for n in range(1, 6) for _ in range(3)]
pair("dot_not_associative", lambda x, y, z: dot(x, y) * z, lambda x, y, z: z * one(T(y) * x),
     lambda x, y, z: x * dot(y, z), pts)
pts = [(rvec(n), rvec(n), rmat(n, n)) for n in range(1, 6) for _ in range(3)]
pair("dot_adjoint", lambda x, y, A: dot(x, A * y), lambda x, y, A: dot(T(A) * x, y), lambda x, y, A: dot(A * x, y), pts)
pts = [(rsym(n), rsym(n), rmat(n, n)) for n in range(1, 6) for _ in range(3)]
pair("trace_symmetric_noncyclic", lambda A, B, C: trace(A * B * C), lambda A, B, C: trace(A * T(C) * B),
     lambda A, B, C: trace(A * C * B), pts)
pts = [(rmat(n, n), rmat(n, n)) for n in range(1, 6) for _ in range(3)]
pair("trace_transpose_pair", lambda A, B: trace(T(A) * B), lambda A, B: trace(T(B) * A), lambda A, B: trace(T(B) * T(A)), pts)
pair("frobenius_sum_cross", lambda A, B: fro2(A + B), lambda A, B: fro2(A) + 2 * trace(T(A) * B) + fro2(B),
     lambda A, B: fro2(A) + 2 * trace(A * B) + fro2(B), pts)
pts = [(rvec(n), rmat(n, n)) for n in range(1, 6) for _ in range(3)]
pair("norm_Ax_gram_order", lambda x, A: fro2(A * x), lambda x, A: one(T(x) * T(A) * A * x),
     lambda x, A: one(T(x) * A * T(A) * x), pts)
def cross(x, y): return M.matrix([x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]])
pts = [(rvec(3), rvec(3)) for _ in range(8)]
pair("cross_product_lagrange", lambda x, y: fro2(cross(x, y)) + dot(x, y) ** 2, lambda x, y: fro2(x) * fro2(y),
     lambda x, y: 2 * dot(x, y) ** 2, pts)
pts = [(rvec(n), rvec(n)) for n in range(1, 6) for _ in range(3)]
pair("md_dot_square_outer", lambda x, y: dot(x, y) ** 2, lambda x, y: one(T(x) * (y * T(y)) * x),
     lambda x, y: fro2(x) * fro2(y), pts,
     extra=lambda: all(close(dot(x, y) ** 2, one(T(x) * y) * one(T(y) * x)) for x, y in pts))

# ---------------- C  (exact; empty ranges are empty)
def S(lo, hi, f): return sum((f(k) for k in range(lo, hi + 1)), Fr(0))
def P(lo, hi, f):
    r = Fr(1)
    for k in range(lo, hi + 1): r *= f(k)
    return r
XP = [Fr(1, 3), Fr(1), Fr(3, 2), Fr(2)]
pair("prod_peel_first_n0", lambda n, x: P(1, n, lambda k: 1 + x ** (2 ** k)),
     lambda n, x: P(0, n, lambda k: 1 + x ** (2 ** k)) / (1 + x),
     lambda n, x: (1 + x ** 2) * P(2, n, lambda k: 1 + x ** (2 ** k)),
     [(n, x) for n in range(0, 7) for x in XP])
AR = [Fr(-3), Fr(-1), Fr(-1, 2), Fr(0), Fr(2, 7), Fr(1), Fr(5)]
pair("binom_peel_last_n0", lambda n, a: S(1, n, lambda k: math.comb(n, k) * a ** k),
     lambda n, a: (1 + a) ** n - 1, lambda n, a: a ** n + S(1, n - 1, lambda k: math.comb(n, k) * a ** k),
     [(n, a) for n in range(0, 12) for a in AR])
QR = [Fr(1) + Fr(1, 10 ** 12), Fr(3, 2), Fr(2), Fr(10)]
pair("geometric_shifted_closed_form", lambda n, q: S(1, n - 1, lambda k: q ** k),
     lambda n, q: q * S(0, n - 2, lambda k: q ** k), lambda n, q: (q ** n - q) / (q - 1),
     [(n, q) for n in range(0, 12) for q in QR])
AP = [Fr(1, 10 ** 9), Fr(1, 2), Fr(1), Fr(7, 3), Fr(10 ** 6)]
tel = lambda a: (lambda k: Fr(1) / (k + a) - Fr(1) / (k + 1 + a))
pair("md_telescoping_peel_n0", lambda n, a: S(1, n, tel(a)), lambda n, a: 1 / (1 + a) - 1 / (n + 1 + a),
     lambda n, a: 1 / (1 + a) - 1 / (2 + a) + S(2, n, tel(a)), [(n, a) for n in range(0, 12) for a in AP])
pair("md_weighted_geometric_n0", lambda n, r: S(0, n - 1, lambda k: (k + 1) * r ** k),
     lambda n, r: (1 - (n + 1) * r ** n + n * r ** (n + 1)) / (1 - r) ** 2,
     lambda n, r: 1 + S(1, n - 1, lambda k: (k + 1) * r ** k), [(n, r) for n in range(0, 12) for r in QR])

# ---------------- D
DX = SM + [mpf("1e-30"), mpf("-1e-30")]
pair("abs_times_sign_derivative", lambda x: deriv(lambda t: abs(t) * sgn(t), x), lambda x: 1, lambda x: sgn(x) ** 2,
     [(x,) for x in DX], DTOL)
AX = [(x, a) for a in (mpf(-2), mpf(0), mpf("0.5"), mpf(3)) for x in (a, a - 1, a + mpf("1e-9"), a - 7, a + 2, mpf(0), mpf(1))]
pair("abs_shift_derivative_sign", lambda x, a: deriv(lambda t: abs(t - a), x), safe(lambda x, a: (x - a) / abs(x - a)),
     lambda x, a: sgn(x - a), AX, DTOL)
XY = [(x, y) for x in (mpf(-3), mpf("-0.2"), mpf(0), mpf("1e-9"), mpf(2)) for y in (mpf(-1), mpf(0), mpf("0.5"), mpf(4))]
pair("radial_cube_partial", lambda x, y: deriv(lambda t: (t * t + y * y) ** mpf(1.5), x),
     lambda x, y: 3 * x * sqrt(x * x + y * y), safe(lambda x, y: 3 * x * x * sqrt(1 + y * y / (x * x))), XY, DTOL)
pair("md_relu_derivative_half", lambda x: deriv(lambda t: max(0, t), x), safe(lambda x: max(0, x) / x),
     lambda x: (1 + sgn(x)) / mpf(2), [(x,) for x in DX], DTOL)
def hfun(t): return t * t if t >= 1 else t
def hprime(x): return 2 * x if x > 1 else (1 if x < 1 else None)
PX = [(x,) for x in DX + [mpf(1), mpf("0.75"), mpf("0.9"), mpf("1.0001"), mpf("0.5")]]
pair("md_piecewise_joint_derivative", lambda x: deriv(hfun, x), hprime, lambda x: max(1, 2 * x), PX, DTOL)

# ---------------- E
def softmax(z):
    e = [exp(z[i]) for i in range(z.rows)]; s = sum(e)
    return [v / s for v in e]
def sm_partial(z, i, j):
    def f(t):
        w = z.copy(); w[j] = t
        return softmax(w)[i]
    return (f(z[j] + H) - f(z[j] - H)) / (2 * H)
SMP = [(rvec(n) * 2, i, j) for n in range(1, 5) for i in range(n) for j in range(n)]
pair("md_align_condition_softmax", sm_partial, lambda z, i, j: -softmax(z)[i] * softmax(z)[j],
     lambda z, i, j: -softmax(z)[i] * softmax(z)[j], [p for p in SMP if p[1] != p[2]], DTOL, fpts=SMP,
     extra=lambda: all(close(sm_partial(z, i, i), softmax(z)[i] * (1 - softmax(z)[i]), DTOL) for z, i, j in SMP))
pair("md_align_if_condition", lambda x: abs(x - 1) + abs(x + 1), lambda x: 2 * x, lambda x: 2 * x,
     [(x,) for x in SM if x > 1], fpts=[(x,) for x in SM],
     extra=lambda: all(close(abs(x - 1) + abs(x + 1), 2) for x in SM + [mpf(-1), mpf(1)] if -1 <= x <= 1))
pair("md_align_multiply_by_ex", lambda x: 1 / (1 + exp(-x)), lambda x: mpf(1) / 2 + tanh(x / 2) / 2,
     lambda x: mpf(1) / 2 + tanh(x) / 2, [(x,) for x in SM],
     extra=lambda: all(close(1 / (1 + exp(-x)), exp(x) / (exp(x) + 1)) for x in SM if abs(x) < 1e4))
pair("md_align_sign_nonzero", lambda x: sgn(x) ** 2, lambda x: 1, lambda x: 1,
     [(x,) for x in SM if x != 0], fpts=[(x,) for x in SM],
     extra=lambda: all(close(sgn(x) * abs(x), x) for x in SM))
pair("yaml_bar_why_not_condition", lambda x: sqrt(x * x - 2 * x + 1), lambda x: abs(x - 1), lambda x: x - 1, [(x,) for x in SM])

# ---------------- F
C2 = sqrt(2); PHI = (1 + sqrt(5)) / 2
pair("md_pell_power_near_integer", lambda: (1 + C2) ** 40, lambda: gen.Q40 - (C2 - 1) ** 40, lambda: mpf(gen.Q40), [()])
pair("md_root2_tower_order", lambda: (C2 ** C2) ** C2, lambda: C2 ** (C2 * C2), lambda: C2 ** (C2 ** C2), [()],
     extra=lambda: close((C2 ** C2) ** C2, 2))
th = pi / 7
pair("md_theta_pi7_tangents", lambda: tan(th) * tan(2 * th) * tan(4 * th), lambda: -sqrt(7), lambda: sqrt(7), [()],
     extra=lambda: close(tan(th) * tan(2 * th) * tan(3 * th), sqrt(7)))
pair("md_now_let_n_minus_one", lambda x: deriv(lambda t: t ** -1, x), lambda x: -1 / x ** 2, lambda x: -1 / x,
     [(x,) for x in POS if x < 1e6 and x > 1e-6], DTOL,
     extra=lambda: all(close(deriv(lambda t: t ** n, x), n * x ** (n - 1), DTOL)
                       for x in (mpf("0.3"), mpf(1), mpf("2.5"), mpf(40)) for n in (mpf(-2), mpf(0), mpf("0.5"), mpf(3), mpf("-1.7"))))
pair("md_golden_binet_fifty", lambda: PHI ** 50 / sqrt(5), lambda: gen.F50 + PHI ** -50 / sqrt(5), lambda: mpf(gen.F50), [()],
     extra=lambda: gen.F50 == 12586269025)
t12 = pi / 12
pair("md_theta_pi12_tan_cot", lambda: tan(t12) + 1 / tan(t12), lambda: mpf(4), lambda: 2 * sqrt(3), [()],
     extra=lambda: close(tan(t12) + 1 / tan(t12), 2 / sin(2 * t12)))

# ---------------- run
classes = json.load(open(os.path.join(HERE, "classes.json")))
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
assert set(classes) == set(PAIRS), (set(classes) ^ set(PAIRS))
for name in sorted(PAIRS):
    lhs, tr, fa, pts, tol, extra, fpts = PAIRS[name]
    for p in pts:
        if not close(lhs(*p), tr(*p), tol):
            bad(f"{name}: true step differs at {p!s:.200}"); break
    witness = None
    for p in (pts if fpts is None else fpts):
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
        import yaml
        for txt in (t, f): yaml.safe_load("\n".join(txt))
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
