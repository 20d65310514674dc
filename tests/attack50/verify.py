#!/usr/bin/env python3
"""Check every attack-50 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
expression of the file (the true twin's chain, every expression), plus the false twin's slipped
expression. Derivatives are taken by mpmath's `diff` (never from the closed forms in the files):
a derivative by sigma^2 is `diff` in the variable t = sigma^2 itself (the function written in t),
a second derivative is `diff(..., 2)`, a chain rule's factors (`t'(m(x))`, `m'(x)`, `g'(x)`) are
each `diff` of their own function; sums are written out term by term over vectors of sizes 1-6
holding random rationals. Values are compared relative to max(1, |a|, |b|) with tolerance 10^-30.
For each pair, on the domain its file states (sigma > 0, epsilon > 0, lambda > 0, 0 < p < 1, a
size n >= 1):
  - every step of the true chain equals the step before it at every point tried, and so does
    every other chain of the file ("extra" chains: the other derivation of a YAML file, the later
    section of a note);
  - the false twin's slipped expression differs from the expression before it at one point at
    least;
  - at each special point named in the README (x = 0, sigma = 1/2, h = exp, ...), the slipped
    expression's false value equals its true value;
  - where a misreading is named in the README ("misread"), the false value equals the misread
    value of the expression before it at every point (the misreading makes the false line true);
  - for the three notes whose condition is stated in the prose (E1-E3), the true chain breaks
    somewhere outside the condition (complex values count), so the condition is needed.
Abstract functions (class F, section 1) are random smooth functions (a sine, a square and a line
with random coefficients; an inner cubic with a sine), drawn afresh at every point.
File check: twins identical but for the marked line, one mark, in the false twin only, at the
line's end, and one `=` (brace depth 0) on the marked line. SHOW=1 prints where each false step
fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, exp, ln, sqrt, pi, tanh, cosh, erf
M.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -30
RNG = random.Random(42)

class D(dict):
    __getattr__ = dict.__getitem__

def close(a, b, tol=TOL):
    if a is None or b is None:
        return False
    if isinstance(a, M.matrix) or isinstance(b, M.matrix):
        if not (isinstance(a, M.matrix) and isinstance(b, M.matrix)):
            return False
        if (a.rows, a.cols) != (b.rows, b.cols):
            return False
        return all(close(a[i, j], b[i, j], tol) for i in range(a.rows) for j in range(a.cols))
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def rpos(): return mpf(RNG.randint(1, 40)) / RNG.randint(1, 9)
def rsmall(): return mpf(RNG.randint(-30, 30)) / RNG.randint(3, 9)
def V(n, f=rq): return [f() for _ in range(n)]
LADDER = [mpf(v) for v in ("-12", "-7.3", "-3", "-2", "-1.5", "-1", "-0.5", "-0.001", "0",
                           "0.001", "0.4", "0.5", "1", "2", "3", "3.1", "7.5", "12")]
def pick(lst): return lambda d: lst[d._t % len(lst)]

def P(count, **gens):
    out = []
    for t in range(count):
        d = D(); d["_t"] = t
        todo = list(gens.items())
        while todo:  # a generator may use keys given after it
            left = []
            for k, f in todo:
                try:
                    d[k] = f(d) if callable(f) else f
                except KeyError:
                    left.append((k, f))
            assert len(left) < len(todo), left
            todo = left
        out.append(d)
    return out
def size(lo=1, hi=6): return lambda d: lo + d._t % (hi - lo + 1)
def idx(key="n"): return lambda d: RNG.randrange(d[key])

def sig(t): return 1 / (1 + exp(-t))
def S(z, T=1): return sum(exp(v / T) for v in z)
def sm(z, T=1):
    s = S(z, T); return [exp(v / T) / s for v in z]
def mean(x): return sum(x) / len(x)

def pd(f, p, key, i=None):
    """d f(p) / d p[key] (or its element i: an int for a list, a pair for a matrix)."""
    if i is None:
        x0 = p[key]
    elif isinstance(i, tuple):
        x0 = p[key][i[0], i[1]]
    else:
        x0 = p[key][i]
    def g(t):
        q = D(p)
        if i is None:
            q[key] = t
        elif isinstance(i, tuple):
            m = p[key].copy(); m[i[0], i[1]] = t; q[key] = m
        else:
            v = list(p[key]); v[i] = t; q[key] = v
        return f(q)
    return M.diff(g, x0)

def grad(f, p, key):
    A = p[key]
    out = M.matrix(A.rows, A.cols)
    for r in range(A.rows):
        for c in range(A.cols):
            out[r, c] = pd(f, p, key, (r, c))
    return out

def hess(f, p, key):
    x = p[key]; n = x.rows
    H = M.matrix(n, n)
    for a in range(n):
        for b in range(n):
            if a == b:
                def g(t, a=a):
                    q = D(p); y = x.copy(); y[a, 0] = t; q[key] = y; return f(q)
                H[a, b] = M.diff(g, x[a, 0], 2)
            else:
                def g2(s, t, a=a, b=b):
                    q = D(p); y = x.copy(); y[a, 0] = s; y[b, 0] = t; q[key] = y; return f(q)
                H[a, b] = M.diff(g2, (x[a, 0], x[b, 0]), (1, 1))
    return H

def rmat(r, c): return M.matrix([[rq() for _ in range(c)] for _ in range(r)])
def rsym(n):
    B = rmat(n, n); return (B + B.T) / 2
def sc(m): return m[0, 0] if isinstance(m, M.matrix) else m
def eye(n): return M.eye(n)
def tr(A): return sum(A[i, i] for i in range(A.rows))
def fro2(A): return sum(A[i, j] ** 2 for i in range(A.rows) for j in range(A.cols))
def emap(f, v): return M.matrix([[f(v[i, j]) for j in range(v.cols)] for i in range(v.rows)])

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)
CHECKED = []

def ev(f, p):
    try:
        v = f(p)
        if isinstance(v, M.mpc):
            return None
        return v
    except (ZeroDivisionError, ValueError):
        return None

def holds(name, what, pts, fns, min_pts=5):
    n_def = 0
    for p in pts:
        vals = [ev(f, p) for f in fns]
        if any(v is None for v in vals):
            continue
        n_def += 1
        for s in range(1, len(vals)):
            if not close(vals[s - 1], vals[s]):
                problem(f"{name}: {what}: step {s} differs from step {s - 1} at "
                        f"{ {k: v for k, v in p.items() if k != '_t'} }: {vals[s - 1]} vs {vals[s]}")
                return
    if n_def < min_pts:
        problem(f"{name}: {what}: only {n_def} points defined")


def check(name, pts, fns, k, false, special=(), extra=(), misread=None, outside=None):
    """fns: the true chain; fns[k] is the slipped expression; false its false value.
    misread: (previous expression as misread, false expression as misread), equal everywhere.
    outside: (points outside the stated condition, the chain with complex values allowed), where
    the true chain must break somewhere."""
    holds(name, "true chain", pts, fns)
    bad = None
    for p in pts:
        a, b = ev(fns[k - 1], p), ev(false, p)
        if a is not None and b is not None and not close(a, b):
            bad = p; break
    if bad is None:
        problem(f"{name}: false twin never differs")
    elif SHOW:
        print(f"{name}: false differs at", {kk: (M.nstr(v, 6) if isinstance(v, M.mpf) else v)
                                            for kk, v in bad.items() if kk != '_t'})
    if not special and misread is None:
        problem(f"{name}: no special point and no misreading")
    for p in special:
        if not close(ev(fns[k], p), ev(false, p)):
            problem(f"{name}: special point {dict(p)} is not one where false = true")
    if misread is not None:
        n_ok = 0
        for p in pts:
            a, b = ev(misread[0], p), ev(misread[1], p)
            if a is None or b is None:
                continue
            n_ok += 1
            if not close(a, b):
                problem(f"{name}: the misreading does not make the false line true at {dict(p)}")
                break
        if n_ok < 5:
            problem(f"{name}: misreading checked at {n_ok} points only")
    if outside is not None:
        broke = False
        opts, ofns = outside
        for p in opts:
            vals = []
            for f in ofns:
                try:
                    vals.append(M.mpmathify(f(p)))
                except (ZeroDivisionError, ValueError):
                    vals.append(None)
            for s in range(1, len(vals)):
                a, b = vals[s - 1], vals[s]
                if a is not None and b is not None and abs(a - b) > TOL * max(1, abs(a), abs(b)):
                    broke = True
        if not broke:
            problem(f"{name}: the stated condition is not needed")
    for what, pp, ff in extra:
        holds(name, what, pp, ff)
    CHECKED.append(name)

def cs(xs, ys): return sum(a * b for a, b in zip(xs, ys))
def sq(xs): return sum(a * a for a in xs)
def pos(): return mpf(RNG.randint(1, 40)) / RNG.randint(1, 9)
def d1(f, x0, n=1): return M.diff(f, x0, n)
def clog(z): return M.log(M.mpc(z))  # principal branch, complex allowed

# ================= A  a first derivative by a squared variable
def _a1():
    S = lambda p: sum((x - p.mu) ** 2 for x in p.x)
    Lt = lambda p, t: p.n / mpf(2) * ln(2 * pi * t) + S(p) / (2 * t)
    fns = [lambda p: d1(lambda t: Lt(p, t), p.s ** 2),
           lambda p: p.n / (2 * p.s ** 2) - S(p) / (2 * p.s ** 4),
           lambda p: (p.n * p.s ** 2 - S(p)) / (2 * p.s ** 4)]
    fal = lambda p: p.n / p.s - S(p) / p.s ** 3
    g = dict(n=size(1, 6), x=lambda d: V(d.n), mu=lambda d: rq())
    # the documented reading (dL/dsigma)/(2 sigma) agrees with the derivative in t = sigma^2
    ex = [lambda p: d1(lambda t: Lt(p, t), p.s ** 2),
          lambda p: d1(lambda s: Lt(p, s ** 2), p.s) / (2 * p.s)]
    check("gauss_nll_variance_grad", P(30, **g, s=lambda d: rpos()), fns, 1, fal,
          P(6, **g, s=mpf(1) / 2),
          extra=[("chain rule through sigma^2", P(12, **g, s=lambda d: rpos()), ex)],
          misread=(lambda p: d1(lambda s: Lt(p, s ** 2), p.s), fal))
_a1()

def _a2():
    r = lambda p: (p.x - p.mu) ** 2
    L = lambda p, s: ln(s ** 2) + r(p) / s ** 2
    Lt = lambda p, t: ln(t) + r(p) / t
    fns = [lambda p: d1(lambda s: L(p, s), p.s, 2),
           lambda p: -2 / p.s ** 2 + 6 * r(p) / p.s ** 4,
           lambda p: (6 * r(p) - 2 * p.s ** 2) / p.s ** 4]
    fal = lambda p: 1 / p.s ** 2 - r(p) / p.s ** 4
    grad = [lambda p: d1(lambda t: Lt(p, t), p.s ** 2),
            lambda p: 1 / p.s ** 2 - r(p) / p.s ** 4,
            lambda p: (p.s ** 2 - r(p)) / p.s ** 4]
    g = dict(x=lambda d: rq(), mu=lambda d: rq(), s=lambda d: rpos())
    sp = P(4, s=lambda d: [mpf(1), mpf(2), mpf(1) / 3, mpf(5)][d._t], x=lambda d: rq(),
           mu=lambda d: d.x - sqrt(mpf(3) / 7) * d.s)
    check("variance_curvature_beside_gradient", P(30, **g), fns, 1, fal, sp,
          extra=[("derivation 'by the variance'", P(30, **g), grad)],
          misread=(lambda p: d1(lambda t: Lt(p, t), p.s ** 2), fal))
_a2()

def _a3():
    gf = lambda t: ln(1 + t) + t ** 2
    fns = [lambda p: d1(gf, p.s ** 2),
           lambda p: 1 / (1 + p.s ** 2) + 2 * p.s ** 2,
           lambda p: d1(gf, p.s ** 2)]
    fal = lambda p: 2 * p.s / (1 + p.s ** 2) + 4 * p.s ** 3
    check("function_of_variance_prime", P(30, s=lambda d: rq()), fns, 1, fal,
          P(1, s=mpf(1) / 2),
          misread=(lambda p: d1(lambda s: gf(s ** 2), p.s), fal))
_a3()

def _a4():
    r = lambda p: (p.x - p.mu) ** 2
    lt = lambda p, t: ln(t) / 2 + r(p) / (2 * t)
    ls = lambda p, s: ln(s ** 2) / 2 + r(p) / (2 * s ** 2)
    fns = [lambda p: d1(lambda t: lt(p, t), p.s ** 2),
           lambda p: 1 / (2 * p.s ** 2) - r(p) / (2 * p.s ** 4),
           lambda p: (p.s ** 2 - r(p)) / (2 * p.s ** 4)]
    fal = lambda p: -1 / p.s ** 2 + 3 * r(p) / p.s ** 4
    g = dict(x=lambda d: rq(), mu=lambda d: rq(), s=lambda d: rpos())
    sp = P(4, s=lambda d: [mpf(1), mpf(2), mpf(1) / 3, mpf(5)][d._t], x=lambda d: rq(),
           mu=lambda d: d.x - sqrt(mpf(3) / 7) * d.s)
    check("md_ell_variance_not_second_order", P(30, **g), fns, 1, fal, sp,
          misread=(lambda p: d1(lambda s: ls(p, s), p.s, 2), fal))
_a4()

def _a5():
    S = lambda p: sum((x - p.mu) * c for x, c in zip(p.x, p.c))
    f = lambda p, t: sum((x - p.mu) * c / sqrt(t + p.eps) for x, c in zip(p.x, p.c))
    fns = [lambda p: d1(lambda t: f(p, t), p.s ** 2),
           lambda p: -(p.s ** 2 + p.eps) ** (-mpf(3) / 2) * S(p) / 2,
           lambda p: -S(p) / (2 * (p.s ** 2 + p.eps) ** (mpf(3) / 2))]
    fal = lambda p: -p.s * (p.s ** 2 + p.eps) ** (-mpf(3) / 2) * S(p)
    g = dict(n=size(1, 6), x=lambda d: V(d.n), c=lambda d: V(d.n, rnz), mu=lambda d: rq(),
             eps=lambda d: rpos() / 100)
    check("md_batchnorm_variance_half", P(30, **g, s=lambda d: rnz()), fns, 1, fal,
          P(6, **g, s=mpf(1) / 2),
          misread=(lambda p: d1(lambda s: f(p, s ** 2), p.s), fal))
_a5()

# ================= B  names with a word or a digit below them
def _b1():
    fns = [lambda p: d1(lambda w: (w * p.x - p.y) ** 2 + p.lam * w ** 2, p.w),
           lambda p: 2 * p.x * (p.w * p.x - p.y) + 2 * p.lam * p.w,
           lambda p: 2 * (p.x ** 2 + p.lam) * p.w - 2 * p.x * p.y]
    fal = lambda p: 2 * p.x * (p.w * p.x - p.y)
    g = dict(x=lambda d: rq(), y=lambda d: rq(), w=lambda d: rnz())
    check("text_subscript_data_plus_reg", P(30, **g, lam=lambda d: rnz()), fns, 1, fal,
          P(6, **g, lam=0),
          misread=(lambda p: d1(lambda w: (w * p.x - p.y) ** 2 + 7, p.w), fal))
_b1()

def _b2():
    J = lambda q: q.lam / 2 * sq(q.w)
    fns = [lambda p: pd(J, p, "w", p.i), lambda p: p.lam * p.w[p.i],
           lambda p: p.lam / 2 * 2 * p.w[p.i]]
    fal = lambda p: p.lam / 2 * p.w[p.i]
    g = dict(n=size(1, 6), w=lambda d: V(d.n, rnz), i=idx())
    check("mathrm_subscript_reg_weight", P(30, **g, lam=lambda d: rnz()), fns, 1, fal,
          P(6, **g, lam=0))
_b2()

def _b3():
    fns = [lambda p: d1(lambda y: (y ** 2 + y) ** 2, p.y),
           lambda p: 2 * (p.y ** 2 + p.y) * (2 * p.y + 1),
           lambda p: 2 * (p.y ** 2 + p.y) * (2 * p.y + 1),
           lambda p: 2 * p.y * (p.y + 1) * (2 * p.y + 1)]
    fal = lambda p: 2 * (p.y ** 2 + p.y)
    # misread: x_1 a free letter X (its value y^2 only where the line is compared)
    check("digit_subscript_defined_x1", P(30, y=lambda d: rq()), fns, 1, fal, P(2, y=0),
          misread=(lambda p: d1(lambda y: (p.y ** 2 + y) ** 2, p.y), fal))
_b3()

def _b4():
    z1 = lambda p, w1=None: (p.w1 if w1 is None else w1) * p.x + p.b1
    def L(p, w1):
        a1 = tanh(z1(p, w1)); z2 = p.w2 * a1 + p.b2
        return (z2 - p.y) ** 2 / 2
    z2 = lambda p: p.w2 * tanh(z1(p)) + p.b2
    dLdz2 = lambda p: d1(lambda Z: (Z - p.y) ** 2 / 2, z2(p))
    fns = [lambda p: d1(lambda w1: L(p, w1), p.w1),
           lambda p: dLdz2(p) * p.w2 * (1 - tanh(z1(p)) ** 2) * p.x,
           lambda p: (z2(p) - p.y) * p.w2 * (1 - tanh(z1(p)) ** 2) * p.x]
    fal = lambda p: dLdz2(p) * p.w2 * p.x
    g = dict(w1=lambda d: rsmall(), x=lambda d: rsmall(), w2=lambda d: rq(), b2=lambda d: rq(),
             y=lambda d: rq())
    check("partial_by_defined_z2_chain", P(30, **g, b1=lambda d: rsmall()), fns, 1, fal,
          P(6, **g, b1=lambda d: -d.w1 * d.x))
_b4()

def _b5():
    Lz = lambda Z1, Z2: ln(exp(Z1) + exp(Z2)) - Z1
    fns = [lambda p: d1(lambda Z: Lz(p.a * p.x, Z), p.b * p.x),
           lambda p: exp(p.b * p.x) / (exp(p.a * p.x) + exp(p.b * p.x)),
           lambda p: 1 / (1 + exp(p.a * p.x - p.b * p.x)),
           lambda p: 1 / (1 + exp((p.a - p.b) * p.x))]
    fal = lambda p: exp(p.a * p.x) / (exp(p.a * p.x) + exp(p.b * p.x))
    g = dict(a=lambda d: rsmall(), x=lambda d: rsmall())
    check("two_logits_partial_z2", P(30, **g, b=lambda d: rsmall()), fns, 1, fal,
          P(6, **g, b=lambda d: d.a))
_b5()

def _b6():
    fns = [lambda p: d1(lambda x: p.G * x ** 2 + x ** 3, p.x),
           lambda p: 2 * p.G * p.x + 3 * p.x ** 2, lambda p: p.x * (2 * p.G + 3 * p.x)]
    fal = lambda p: 2 * p.x + 3 * p.x ** 2
    g = dict(x=lambda d: rnz())
    # misread: g_{1} read as g(1) = 1^3 = 1
    check("function_digit_subscript_g1", P(30, **g, G=lambda d: rq()), fns, 1, fal,
          P(6, **g, G=1), misread=(lambda p: d1(lambda x: 1 ** 3 * x ** 2 + x ** 3, p.x), fal))
_b6()

# ================= C  TeX's short operator; the operator with d declared
def _c1():
    fns = [lambda p: d1(lambda x: x ** 3 + 2 * x, p.x), lambda p: 3 * p.x ** 2 + 2,
           lambda p: p.x * 3 * p.x + 2]
    fal = lambda p: p.x ** 2 + 2
    check("short_frac_d_cubic", P(30, x=lambda d: rnz()), fns, 1, fal, P(2, x=0),
          misread=(lambda p: (p.x ** 3 + 2 * p.x) / p.x, fal))
_c1()

def _c2():
    fns = [lambda p: d1(lambda w: (w * p.x - p.y) ** 2, p.w),
           lambda p: 2 * p.x * (p.w * p.x - p.y), lambda p: 2 * p.w * p.x ** 2 - 2 * p.x * p.y]
    fal = lambda p: 2 * (p.w * p.x - p.y)
    g = dict(w=lambda d: rq(), y=lambda d: rq())
    check("short_frac_partial_square", P(30, **g, x=lambda d: rq()), fns, 1, fal, P(6, **g, x=1))
_c2()

def _c3():
    fns = [lambda p: d1(lambda w: sum((w * x) ** 2 for x in p.x) / (2 * p.d), p.w),
           lambda p: p.w / p.d * sq(p.x), lambda p: sum(p.w * x ** 2 for x in p.x) / p.d]
    fal = lambda p: p.w / (2 * p.d) * sq(p.x)
    g = dict(d=size(1, 6), x=lambda d: V(d.d, rnz))
    # misread: d/(d w) as the quotient of letters, 1/w times the rest
    check("declared_dimension_d_operator", P(30, **g, w=lambda d: rnz()), fns, 1, fal,
          P(6, **g, w=0), misread=(lambda p: sum((p.w * x) ** 2 for x in p.x) / (2 * p.d) / p.w,
                                   fal))
_c3()

def _c4():
    fns = [lambda p: d1(lambda x: exp(M.sin(x)), p.x), lambda p: M.cos(p.x) * exp(M.sin(p.x)),
           lambda p: exp(M.sin(p.x)) * M.cos(p.x)]
    check("md_short_frac_d_exp_sine", P(30, x=lambda d: rq()), fns, 1,
          lambda p: exp(M.sin(p.x)), P(1, x=0))
_c4()

def _c5():
    fns = [lambda p: d1(lambda w: ln(1 + exp(-w * p.x)), p.w),
           lambda p: -p.x * exp(-p.w * p.x) / (1 + exp(-p.w * p.x)),
           lambda p: -p.x / (1 + exp(p.w * p.x))]
    fal = lambda p: p.x * exp(-p.w * p.x) / (1 + exp(-p.w * p.x))
    check("md_short_frac_partial_logistic", P(30, w=lambda d: rsmall(), x=lambda d: rsmall()),
          fns, 1, fal, P(4, w=lambda d: rq(), x=0))
_c5()

# ================= D  a function's parameter named like another defined function
mfun = lambda x: -x
tfun = lambda u: exp(2 * u)            # t(m) = e^{2m}: m is t's own parameter
tmis = lambda u: exp(2 * mfun(u))      # misread: the body's m taken as the function m
def _d1():
    fns = [lambda p: d1(tfun, p.x), lambda p: 2 * tfun(p.x), lambda p: 2 * exp(2 * p.x),
           lambda p: 2 * exp(p.x) * exp(p.x)]
    check("param_shadow_exp_slope", P(30, x=lambda d: rq()), fns, 1, lambda p: -2 * tfun(p.x),
          misread=(lambda p: d1(tmis, p.x), lambda p: -2 * tmis(p.x)))
_d1()

def _d2():
    fns = [lambda p: d1(lambda x: tfun(mfun(x)), p.x),
           lambda p: d1(tfun, mfun(p.x)) * d1(mfun, p.x),
           lambda p: 2 * exp(-2 * p.x) * (-1), lambda p: -2 * exp(-2 * p.x)]
    check("param_shadow_at_inner_point", P(30, x=lambda d: rq()), fns, 2,
          lambda p: 2 * exp(2 * p.x) * (-1), P(1, x=0))
_d2()

def _d3():
    fns = [lambda p: d1(lambda x: tfun(1) * x ** 2, p.x), lambda p: 2 * p.x * tfun(1),
           lambda p: 2 * p.x * exp(2), lambda p: 2 * exp(2) * p.x]
    fal = lambda p: 2 * p.x * exp(-2)
    check("param_shadow_at_number", P(30, x=lambda d: rnz()), fns, 2, fal, P(1, x=0),
          misread=(lambda p: 2 * p.x * tmis(1), fal))
_d3()

def _d4():
    u = lambda x: x ** 2 + 1
    v = lambda s: ln(s)
    fns = [lambda p: d1(lambda x: v(u(x)), p.x), lambda p: d1(v, u(p.x)) * d1(u, p.x),
           lambda p: 2 * p.x / (p.x ** 2 + 1), lambda p: 2 * p.x * (p.x ** 2 + 1) ** -1]
    check("param_shadow_log_inner", P(30, x=lambda d: rq()), fns, 2,
          lambda p: 1 / (p.x ** 2 + 1), P(1, x=mpf(1) / 2))
_d4()

def _d5():
    gs = lambda x: M.sin(x)
    hg = lambda s: s ** 2 + s
    fns = [lambda p: d1(lambda x: hg(gs(x)), p.x), lambda p: d1(hg, gs(p.x)) * d1(gs, p.x),
           lambda p: (2 * M.sin(p.x) + 1) * M.cos(p.x), lambda p: M.sin(2 * p.x) + M.cos(p.x)]
    check("param_shadow_sine_square", P(30, x=lambda d: rq()), fns, 2,
          lambda p: 2 * M.sin(p.x) + 1, P(1, x=0))
_d5()

# ================= E  prose around a display
def _e1():
    fns = [lambda p: d1(lambda q: sqrt(q ** 2 * (1 - q) ** 2), p.p),
           lambda p: d1(lambda q: q * (1 - q), p.p), lambda p: 1 - 2 * p.p,
           lambda p: (1 - p.p) - p.p]
    inside = lambda d: mpf(RNG.randint(1, 98)) / 99 + mpf(1) / 997
    check("md_condition_after_display_root", P(30, p=inside), fns, 2, lambda p: 2 * p.p - 1,
          P(1, p=mpf(1) / 2), outside=(P(6, p=lambda d: [mpf(-2), mpf(3), mpf(-1) / 3][d._t % 3]), fns))
_e1()

def _e2():
    fns = [lambda p: d1(lambda l: l * clog(l ** 2), p.l),
           lambda p: d1(lambda l: 2 * l * clog(l), p.l),
           lambda p: 2 * ln(p.l) + 2, lambda p: 2 * (ln(p.l) + 1)]
    fal = lambda p: 2 * ln(p.l) + 2 * p.l
    def ev_real(f):
        return lambda p: M.re(f(p)) if abs(M.im(f(p))) < TOL else None
    fr = [ev_real(fns[0]), ev_real(fns[1]), fns[2], fns[3]]
    check("md_sign_bound_after_display_log", P(30, l=lambda d: rpos()), fr, 2, fal,
          P(1, l=1), outside=(P(6, l=lambda d: [mpf(-2), mpf(-1) / 3, mpf(-5)][d._t % 3]),
                              fns[:2] + [lambda p: 2 * clog(p.l) + 2, lambda p: 2 * (clog(p.l) + 1)]))
_e2()

def _e3():
    c = lambda f: (lambda p: M.re(f(p)) if abs(M.im(f(p))) < TOL else None)
    raw = [lambda p: clog(p.p ** 3 * (1 - p.p) ** 2),
           lambda p: 3 * clog(p.p) + 2 * clog(1 - p.p),
           lambda p: clog(p.p) + 2 * clog(p.p * (1 - p.p))]
    inside = lambda d: mpf(RNG.randint(1, 98)) / 99 + mpf(1) / 997
    check("md_let_range_before_log_likelihood", P(30, p=inside), [c(f) for f in raw], 1,
          lambda p: 2 * ln(p.p) + 3 * ln(1 - p.p), P(1, p=mpf(1) / 2),
          outside=(P(3, p=lambda d: [mpf(-2), mpf(3), mpf(-1) / 2][d._t]), raw))
_e3()

def _e4():
    ch, sh = M.cosh, M.sinh
    fns = [lambda p: d1(tanh, p.x), lambda p: d1(lambda x: sh(x) / ch(x), p.x),
           lambda p: (ch(p.x) * d1(sh, p.x) - sh(p.x) * d1(ch, p.x)) / ch(p.x) ** 2,
           lambda p: (ch(p.x) ** 2 - sh(p.x) ** 2) / ch(p.x) ** 2,
           lambda p: 1 - tanh(p.x) ** 2]
    check("md_euler_D_tanh_quotient", P(30, x=lambda d: rq()), fns, 3,
          lambda p: (ch(p.x) ** 2 + sh(p.x) ** 2) / ch(p.x) ** 2, P(1, x=0))
_e4()

def _e5():
    ch, sh = M.cosh, M.sinh
    fns = [lambda p: d1(tanh, p.x), lambda p: d1(lambda x: sh(x) / ch(x), p.x),
           lambda p: (ch(p.x) ** 2 - sh(p.x) ** 2) / ch(p.x) ** 2,
           lambda p: 1 / ch(p.x) ** 2, lambda p: M.sech(p.x) ** 2]
    check("md_proof_end_mark_sech", P(30, x=lambda d: rq()), fns, 4,
          lambda p: M.sech(p.x), P(1, x=0))
_e5()

def _e6():
    fns = [lambda p: d1(M.cosh, p.x), lambda p: M.sinh(p.x),
           lambda p: (exp(p.x) - exp(-p.x)) / 2, lambda p: exp(p.x) - M.cosh(p.x)]
    first = [lambda p: d1(M.sinh, p.x), lambda p: M.cosh(p.x)]
    check("md_text_and_two_slopes_continued", P(30, x=lambda d: rq()), fns, 2,
          lambda p: (exp(-p.x) - exp(p.x)) / 2, P(1, x=0),
          extra=[("the first equation of the row", P(20, x=lambda d: rq()), first)])
_e6()

# ================= F  a definition in a later section does not reach back
def rfun():
    a = [rnz() / 3 for _ in range(4)]
    return lambda u: a[0] * M.sin(a[1] * u) + a[2] * u ** 2 + a[3] * u
def rinner():
    c = [rsmall() / 2 for _ in range(4)]
    return lambda x: c[0] + c[1] * x + c[2] * x ** 2 + c[3] * M.sin(x)

def _f1():
    fns = [lambda p: d1(lambda x: p.h(p.g(x)), p.x),
           lambda p: d1(p.h, p.g(p.x)) * d1(p.g, p.x),
           lambda p: d1(p.g, p.x) * d1(p.h, p.g(p.x))]
    fal = lambda p: exp(p.g(p.x)) * d1(p.g, p.x)
    g = dict(x=lambda d: rsmall(), g=lambda d: rinner())
    sec2 = [lambda p: d1(lambda x: exp(x ** 2), p.x), lambda p: d1(exp, p.x ** 2) * 2 * p.x,
            lambda p: 2 * p.x * exp(p.x ** 2)]
    check("md_later_h_exp_general_chain", P(30, **g, h=lambda d: rfun()), fns, 1, fal,
          P(6, **g, h=lambda d: exp), extra=[("section 2", P(20, x=lambda d: rsmall()), sec2)])
_f1()

def _f2():
    fns = [lambda p: d1(lambda x: exp(p.g(x)), p.x),
           lambda p: d1(p.g, p.x) * exp(p.g(p.x)), lambda p: exp(p.g(p.x)) * d1(p.g, p.x)]
    fal = lambda p: M.cos(p.x) * exp(p.g(p.x))
    sec2 = [lambda p: d1(lambda x: M.sin(x) ** 2, p.x),
            lambda p: 2 * M.sin(p.x) * d1(M.sin, p.x), lambda p: 2 * M.sin(p.x) * M.cos(p.x)]
    check("md_later_g_sine_inner", P(30, x=lambda d: rsmall(), g=lambda d: rinner()), fns, 1,
          fal, P(6, x=lambda d: rsmall(), g=lambda d: M.sin),
          extra=[("section 2", P(20, x=lambda d: rq()), sec2)])
_f2()

def _f3():
    fns = [lambda p: d1(lambda x: p.F(2 * x), p.x), lambda p: 2 * d1(p.F, 2 * p.x),
           lambda p: d1(p.F, 2 * p.x) * 2]
    fal = lambda p: 24 * p.x ** 2
    sec2 = [lambda p: d1(lambda x: (x + 1) ** 3, p.x), lambda p: 3 * (p.x + 1) ** 2,
            lambda p: 3 * p.x ** 2 + 6 * p.x + 3]
    check("md_later_F_cube_doubled", P(30, x=lambda d: rsmall(), F=lambda d: rfun()), fns, 1,
          fal, P(6, x=lambda d: rsmall(), F=lambda d: (lambda t: t ** 3)),
          extra=[("section 2", P(20, x=lambda d: rq()), sec2)])
_f3()

def _f4():
    fns = [lambda p: d1(lambda x: p.f(x) * exp(x), p.x),
           lambda p: d1(p.f, p.x) * exp(p.x) + p.f(p.x) * exp(p.x),
           lambda p: exp(p.x) * (p.f(p.x) + d1(p.f, p.x))]
    fal = lambda p: (2 * p.x + p.x ** 2) * exp(p.x)
    sec2 = [lambda p: d1(lambda x: x ** 2 * exp(x), p.x),
            lambda p: (p.x ** 2 + 2 * p.x) * exp(p.x), lambda p: p.x * (p.x + 2) * exp(p.x)]
    check("md_later_f_square_product_rule", P(30, x=lambda d: rsmall(), f=lambda d: rfun()),
          fns, 1, fal, P(6, x=lambda d: rsmall(), f=lambda d: (lambda t: t ** 2)),
          extra=[("section 2", P(20, x=lambda d: rq()), sec2)])
_f4()

def _f5():
    u = lambda x: 3 * x ** 2
    fns = [lambda p: d1(lambda x: u(x) ** 3, p.x), lambda p: 3 * u(p.x) ** 2 * d1(u, p.x),
           lambda p: 3 * u(p.x) ** 2 * 6 * p.x, lambda p: 18 * p.x * u(p.x) ** 2]
    check("md_same_section_value_after_use", P(30, x=lambda d: rq()), fns, 2,
          lambda p: 3 * u(p.x) ** 2 * 6, P(1, x=1))
_f5()

# ---------------- files
classes = json.load(open(os.path.join(HERE, "classes.json")))
MARKS = {"yaml": "# expect: failed", "md": "<!-- expect: failed -->"}
for name, cls in classes.items():
    if name not in CHECKED:
        problem(f"{name}: not checked")
    ext = "md" if os.path.exists(os.path.join(HERE, f"{name}.true.md")) else "yaml"
    MARK = MARKS[ext]
    t = open(os.path.join(HERE, f"{name}.true.{ext}"), encoding="utf-8").read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}"), encoding="utf-8").read().split("\n")
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1:
        problem(f"{name}: twins differ in {len(diff)} lines")
        continue
    if MARK not in f[diff[0]] or sum(l.count(MARK) for l in f) != 1 or any(MARK in l for l in t):
        problem(f"{name}: mark misplaced")
    if not f[diff[0]].rstrip().endswith(MARK):
        problem(f"{name}: mark not at the end of its line")
    for tw in (t, f):
        line = tw[diff[0]]
        line = line.split("<!--")[0] if ext == "md" else line.split(" #")[0]
        line = line.split("&&")[0].split("\\quad |")[0]
        depth = 0; eqs = 0
        for ch in line:
            depth += (ch == "{") - (ch == "}")
            eqs += ch == "=" and depth == 0
        if eqs != 1:
            problem(f"{name}: {eqs} steps on the marked line")
    # the chain must be long: at least three expressions in the file's chain
    body = "\n".join(t)
    nsteps = body.count("\n  - ") + body.count("\n      - ") if ext == "yaml" else \
        sum(1 for l in t if l.startswith("$$") and l.strip() != "$$" or l.startswith("=")
            or "&=" in l)
    if nsteps < 3:
        problem(f"{name}: only {nsteps} steps")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
