#!/usr/bin/env python3
"""Check every attack-45 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
line of the file (the true twin's chain, every line), plus the false twin's slipped line.
Derivatives are taken by mpmath's `diff` (one variable or element at a time, also for the primes
u', v', g'), never from the closed forms in the files; sums are written out term by term (empty
ranges are empty: Python's range); vectors (logits, targets, features, samples) have sizes 1 to 6
and matrices 1 to 4, holding random rationals. Values are compared relative to max(1, |a|, |b|)
with tolerance 10^-30. For each pair, on the domain its file states (flags: positive,
nonnegative, integer; an index in [1, n]; each case's condition, a closed case also sampled on
its end, an "Otherwise" on the point where the rows meet; Sum y = 1 sampled by solving for the
last target):
  - every step of the true chain equals the step before it at every point tried, and so does
    every step of the other cases and chains of the file ("extra" chains);
  - the false twin's slipped line differs from the line before it at one point at least;
  - at each special point named in the README (x = 0, x = 1, n = 1, i = 1, a boundary, a
    parameter at 1 or 0, a symmetric matrix, a far sample where an approximation holds to 30
    digits), the slipped line's false value equals its true value.
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

def check(name, pts, fns, k, false, special=(), extra=()):
    """fns: the true chain, line by line; fns[k] is the slipped line; false its false value."""
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
    if not special:
        problem(f"{name}: no special point")
    for p in special:
        if not close(ev(fns[k], p), ev(false, p)):
            problem(f"{name}: special point {dict(p)} is not one where false = true")
    for what, pp, ff in extra:
        holds(name, what, pp, ff)
    CHECKED.append(name)


def cs(xs, ys): return sum(a * b for a, b in zip(xs, ys))
def sq(xs): return sum(a * a for a in xs)
def pos(): return mpf(RNG.randint(1, 40)) / RNG.randint(1, 9)
from mpmath import sinh, sign, floor, ceil
def pm(lo=-12, hi=12):
    return lambda d: mpf(RNG.randint(lo * 9, hi * 9)) / RNG.randint(1, 9)
def ones(n): return [mpf(1)] * n

# ================= A  function names
def _a1():
    fns = [lambda p: pd(lambda q: sig(q.z), p, "z"),
           lambda p: exp(-p.z) / (1 + exp(-p.z)) ** 2,
           lambda p: sig(p.z) * (1 - sig(p.z)),
           lambda p: sig(p.z) - sig(p.z) ** 2]
    check("md_sigmoid_first_head_slope", P(30, z=pm()), fns, 1,
          lambda p: exp(p.z) / (1 + exp(-p.z)) ** 2, P(2, z=0),
          [("definition chain", P(20, z=pm()), [lambda p: sig(p.z), lambda p: 1 / (1 + exp(-p.z))])])
_a1()

def _a2():
    u = lambda q: ln(1 + exp(q.x))
    fns = [lambda p: pd(lambda q: exp(u(q)), p, "x"),
           lambda p: exp(u(p)) * pd(u, p, "x"),
           lambda p: (1 + exp(p.x)) * exp(p.x) / (1 + exp(p.x)),
           lambda p: exp(p.x)]
    check("md_softplus_first_head_inside_exp", P(30, x=pm()), fns, 2,
          lambda p: (1 + exp(p.x)) / (1 + exp(p.x)), P(2, x=0))
_a2()

def _a3():
    f = lambda q: q.a * q.t ** 2 + q.b * q.t
    fns = [lambda p: pd(f, p, "a"), lambda p: pd(f, p, "a"),
           lambda p: p.t ** 2, lambda p: p.t * p.t]
    g = dict(a=lambda d: rnz(), b=lambda d: rq())
    check("md_f_ab_comma_subscript_by_a", P(30, **g, t=lambda d: rnz()), fns, 2,
          lambda p: 2 * p.a * p.t, P(4, **g, t=0) + P(4, **g, t=lambda d: 2 * d.a))
_a3()

def _a4():
    L = lambda q: sum((q.w * x + q.b - y) ** 2 for x, y in zip(q.x, q.y)) / 2
    h = lambda p, x: p.w * x + p.b
    fns = [lambda p: pd(L, p, "w"),
           lambda p: sum((h(p, x) - y) * x for x, y in zip(p.x, p.y)),
           lambda p: sum((p.w * x + p.b - y) * x for x, y in zip(p.x, p.y)),
           lambda p: p.w * sq(p.x) + sum((p.b - y) * x for x, y in zip(p.x, p.y))]
    fal = lambda p: sum(h(p, x) - y for x, y in zip(p.x, p.y))
    g = dict(n=size(1, 6), y=lambda d: V(d.n), w=lambda d: rq(), b=lambda d: rq())
    check("md_h_wb_inside_sample_sum", P(30, **g, x=lambda d: V(d.n)), fns, 1, fal,
          P(6, **g, x=lambda d: ones(d.n)))
_a4()

def _a5():
    ell = lambda q: -ln(q.s) - (q.x - q.mu) ** 2 / (2 * q.s ** 2)
    fns = [lambda p: pd(ell, p, "s"),
           lambda p: -1 / p.s + (p.x - p.mu) ** 2 / p.s ** 3,
           lambda p: ((p.x - p.mu) ** 2 - p.s ** 2) / p.s ** 3]
    fal = lambda p: -1 / p.s + (p.x - p.mu) ** 2 / (2 * p.s ** 3)
    g = dict(s=lambda d: rpos(), mu=lambda d: rq())
    check("md_ell_mu_sigma_alone_by_sigma", P(30, **g, x=lambda d: rq()), fns, 1, fal,
          P(6, **g, x=lambda d: d.mu))
_a5()

def _a6():
    fns = [lambda p: pd(lambda q: q.al ** 3 - 2 * q.al, p, "al"),
           lambda p: 3 * p.al ** 2 - 2,
           lambda p: 3 * (p.al - 1) * (p.al + 1) + 1]
    check("md_phi_alpha_alone_slope", P(30, al=pm()), fns, 1,
          lambda p: 3 * p.al ** 2 - 2 * p.al, P(2, al=1))
_a6()

def _a7():
    T = lambda q: sum(q.A[i, k] * (q.x[k] + 1) ** 2 for i in range(q.n) for k in range(q.n))
    fns = [lambda p: pd(T, p, "x", p.j),
           lambda p: sum(2 * p.A[i, p.j] * (p.x[p.j] + 1) for i in range(p.n)),
           lambda p: 2 * (p.x[p.j] + 1) * sum(p.A[i, p.j] for i in range(p.n))]
    fal = lambda p: sum(2 * p.A[p.j, i] * (p.x[p.j] + 1) for i in range(p.n))
    g = dict(n=size(1, 4), x=lambda d: V(d.n), j=idx())
    check("md_matrix_element_before_bracket", P(30, **g, A=lambda d: rmat(d.n, d.n)), fns, 1, fal,
          P(8, **g, A=lambda d: rsym(d.n)))
_a7()

# ================= B  piecewise functions under cases that touch a boundary
def _b1():
    s = lambda p: p.c if p.x >= 0 else -p.c
    ge = [lambda p: s(p) + p.x, lambda p: p.c + p.x, lambda p: p.x + p.c]
    lt = [lambda p: s(p) + p.x, lambda p: p.x - p.c]
    g = dict(c=lambda d: rnz())
    xs = lambda d: 0 if d._t % 4 == 0 else rpos()
    check("jump_closed_case_value_on_boundary", P(30, **g, x=xs), ge, 1,
          lambda p: p.x - p.c, P(6, x=xs, c=0),
          [("x < 0", P(30, **g, x=lambda d: -rpos()), lt)])
_b1()

def _b2():
    r = lambda p: p.x ** 2 + p.c * p.x if p.x >= 0 else p.x ** 2
    le = [lambda p: r(p) + 1, lambda p: p.x ** 2 + 1, lambda p: 1 + p.x ** 2]
    gt = [lambda p: r(p) + 1, lambda p: p.x ** 2 + p.c * p.x + 1]
    g = dict(c=lambda d: rnz())
    xs = lambda d: 0 if d._t % 4 == 0 else -rpos()
    check("le_case_against_ge_row", P(30, **g, x=xs), le, 1,
          lambda p: p.x ** 2 + p.c * p.x + 1, P(4, **g, x=0) + P(4, x=xs, c=0),
          [("x > 0", P(30, **g, x=lambda d: rpos()), gt)])
_b2()

def _b3():
    R = lambda p: p.w * p.x - 2 * p.y
    h = lambda p: (R(p) - p.c) ** 2 if R(p) > p.c else mpf(0)
    ge = [h, lambda p: (R(p) - p.c) ** 2, lambda p: R(p) ** 2 - 2 * p.c * R(p) + p.c ** 2]
    lt = [h, lambda p: mpf(0)]
    g = dict(w=lambda d: rq(), x=lambda d: rq(), c=lambda d: rpos())
    check("two_variable_closed_end_square_lost",
          P(30, **g, t=lambda d: 0 if d._t % 4 == 0 else rpos(),
            y=lambda d: (d.w * d.x - d.c - d.t) / 2), ge, 1,
          lambda p: R(p) - p.c,
          P(4, **g, y=lambda d: (d.w * d.x - d.c) / 2) + P(4, **g, y=lambda d: (d.w * d.x - d.c - 1) / 2),
          [("w x - 2 y < c", P(30, **g, y=lambda d: (d.w * d.x - d.c + rpos()) / 2), lt)])
_b3()

def _b4():
    f = lambda p: 2 * p.x - 1 if p.x > 1 else p.x ** 2
    ge = [f, lambda p: 2 * p.x - 1, lambda p: 2 * (p.x - 1) + 1]
    lt = [f, lambda p: p.x ** 2]
    check("md_ge_case_rows_gt_le", P(30, x=lambda d: 1 if d._t % 4 == 0 else 1 + rpos()), ge, 1,
          lambda p: p.x ** 2, P(2, x=1), [("x < 1", P(30, x=lambda d: 1 - rpos()), lt)])
_b4()

def _b5():
    R = lambda p: p.w * p.x - p.y
    f = lambda p: R(p) + p.a if R(p) >= 1 else R(p)
    ge = [f, lambda p: R(p) + p.a, lambda p: p.a - p.y + p.w * p.x]
    lt = [f, R]
    g = dict(w=lambda d: rq(), x=lambda d: rq())
    t0 = lambda d: 0 if d._t % 4 == 0 else rpos()
    check("md_jump_two_variable_closed_end",
          P(30, **g, a=lambda d: rnz(), t=t0, y=lambda d: d.w * d.x - 1 - d.t), ge, 1, R,
          P(6, **g, a=0, t=t0, y=lambda d: d.w * d.x - 1 - d.t),
          [("w x - y < 1", P(30, **g, a=lambda d: rnz(), y=lambda d: d.w * d.x - 1 + rpos()), lt)])
_b5()

def _b6():
    f = lambda p: p.x ** 2 - 3 if p.x >= 2 else 2 * p.x - 3
    gt = [f, lambda p: p.x ** 2 - 3]
    oth = [f, lambda p: 2 * p.x - 3, lambda p: 2 * (p.x - 2) + 1]
    check("md_otherwise_holds_the_boundary", P(30, x=lambda d: 2 if d._t % 4 == 0 else 2 - rpos()),
          oth, 1, lambda p: p.x ** 2 - 3, P(1, x=0) + P(1, x=2),
          [("x > 2", P(30, x=lambda d: 2 + rpos()), gt)])
_b6()

# ================= C  far samples and special functions
def _c1():
    u = lambda p: sqrt(2 / pi) * (p.x + mpf("0.044715") * p.x ** 3)
    fns = [lambda p: p.x / 2 * (1 + tanh(u(p))),
           lambda p: p.x / 2 * 2 * exp(u(p)) / (exp(u(p)) + exp(-u(p))),
           lambda p: p.x * exp(u(p)) / (exp(u(p)) + exp(-u(p))),
           lambda p: p.x / (1 + exp(-2 * u(p)))]
    check("gelu_tanh_form_as_sigmoid", P(40, x=pm()), fns, 3,
          lambda p: p.x / (1 + exp(-u(p))), P(1, x=0))
_c1()

def _c2():
    D = lambda p: exp(2 * p.x) + 2 * exp(p.x) + 2
    fns = [lambda p: p.x * tanh(ln(1 + exp(p.x))),
           lambda p: p.x * ((1 + exp(p.x)) ** 2 - 1) / ((1 + exp(p.x)) ** 2 + 1),
           lambda p: p.x * (exp(2 * p.x) + 2 * exp(p.x)) / D(p),
           lambda p: p.x - 2 * p.x / D(p)]
    check("md_mish_is_not_x", P(40, x=pm()), fns, 2, lambda p: p.x,
          P(1, x=0) + P(1, x=60) + P(1, x=200))
_c2()

def _c3():
    fns = [lambda p: pd(lambda q: erf(q.a * q.x), p, "x"),
           lambda p: 2 * p.a / sqrt(pi) * exp(-p.a ** 2 * p.x ** 2),
           lambda p: 2 * p.a / (sqrt(pi) * exp(p.a ** 2 * p.x ** 2))]
    check("erf_scaled_slope", P(30, a=lambda d: rpos(), x=lambda d: rsmall()), fns, 1,
          lambda p: 2 / sqrt(pi) * exp(-p.a ** 2 * p.x ** 2), P(4, a=1, x=lambda d: rsmall()))
_c3()

def _c4():
    fns = [lambda p: ln(exp(p.a) + exp(p.b)),
           lambda p: ln(exp(p.a) * (1 + exp(p.b - p.a))),
           lambda p: p.a + ln(1 + exp(p.b - p.a)),
           lambda p: p.b + ln(1 + exp(p.a - p.b))]
    g = dict(a=pm(-30, 30))
    far = lambda d: [mpf(10) ** 9, -mpf(10) ** 9, mpf(3) * 10 ** 5][d._t % 3]
    check("md_logsumexp_shift_sign", P(30, **g, b=pm(-30, 30)) + P(6, a=far, b=lambda d: -d.a / 2),
          fns, 2, lambda p: p.a + ln(1 + exp(p.a - p.b)), P(4, **g, b=lambda d: d.a))
_c4()

def _c5():
    fns = [lambda p: ln(1 + exp(p.be * p.x)) / p.be,
           lambda p: ln(exp(p.be * p.x) * (exp(-p.be * p.x) + 1)) / p.be,
           lambda p: p.x + ln(1 + exp(-p.be * p.x)) / p.be]
    g = dict(x=pm(-40, 40))
    check("softplus_beta_large_x_form", P(30, **g, be=lambda d: rpos()), fns, 2,
          lambda p: p.x + ln(1 + exp(-p.be * p.x)), P(4, **g, be=1))
_c5()

def _c6():
    fns = [lambda p: ln(sig(p.x)), lambda p: -ln(1 + exp(-p.x)),
           lambda p: p.x - ln(1 + exp(p.x)), lambda p: p.x - ln(exp(p.x) + 1)]
    check("md_log_sigmoid_is_not_x", P(30, x=pm()), fns, 2, lambda p: p.x,
          P(1, x=-100) + P(1, x=-1000))
_c6()

def _c7():
    fns = [lambda p: pd(lambda q: q.a * tanh(q.b * q.x), p, "x"),
           lambda p: p.a * p.b * (1 - tanh(p.b * p.x) ** 2),
           lambda p: p.a * p.b / cosh(p.b * p.x) ** 2]
    g = dict(a=lambda d: rpos(), x=pm(-5, 5))
    check("scaled_tanh_slope", P(30, **g, b=lambda d: rpos()), fns, 1,
          lambda p: p.a * (1 - tanh(p.b * p.x) ** 2), P(4, **g, b=1))
_c7()

def _c8():
    fns = [lambda p: pd(lambda q: M.cosh(q.x ** 3), p, "x"),
           lambda p: sinh(p.x ** 3) * 3 * p.x ** 2,
           lambda p: mpf(3) / 2 * p.x ** 2 * (exp(p.x ** 3) - exp(-p.x ** 3))]
    check("md_cosh_of_cube_slope", P(30, x=pm(-3, 3)), fns, 1,
          lambda p: sinh(p.x ** 3) * p.x ** 2, P(1, x=0))
_c8()

# ================= D  sums and vectors
def onehot_y(d):
    y = V(d.n)
    y[-1] = 1 - sum(y[:-1])
    return y

def _d1():
    CE = lambda q: -sum(y * ln(pk) for y, pk in zip(q.y, sm(q.z, q.tau)))
    p_ = lambda p: sm(p.z, p.tau)[p.i]
    fns = [lambda p: pd(CE, p, "z", p.i),
           lambda p: (p_(p) * sum(p.y) - p.y[p.i]) / p.tau,
           lambda p: (p_(p) - p.y[p.i]) / p.tau,
           lambda p: p_(p) / p.tau - p.y[p.i] / p.tau]
    g = dict(n=size(1, 6), z=lambda d: V(d.n), i=idx())
    check("log_softmax_temperature_one_hot_sum", P(30, **g, tau=lambda d: rpos(), y=onehot_y), fns, 2,
          lambda p: p_(p) - p.y[p.i], P(6, **g, tau=1, y=onehot_y),
          [("before the case, any targets", P(30, **g, tau=lambda d: rpos(), y=lambda d: V(d.n)),
            fns[:2])])
_d1()

def _d2():
    F = lambda q: sum((q.x[q.i] - q.x[j]) ** 2 for j in range(q.n) if j != q.i)
    oth = lambda p: sum(p.x[j] for j in range(p.n) if j != p.i)
    fns = [lambda p: pd(F, p, "x", p.i),
           lambda p: 2 * sum(p.x[p.i] - p.x[j] for j in range(p.n) if j != p.i),
           lambda p: 2 * (p.n - 1) * p.x[p.i] - 2 * oth(p),
           lambda p: 2 * p.n * p.x[p.i] - 2 * sum(p.x)]
    fal = lambda p: 2 * p.n * p.x[p.i] - 2 * oth(p)
    g = dict(n=size(1, 6), i=idx())
    def x0(d):
        v = V(d.n); v[d.i] = mpf(0); return v
    check("pairwise_sum_j_ne_i_off_by_one", P(30, **g, x=lambda d: V(d.n, rnz)), fns, 2, fal,
          P(6, **g, x=x0))
_d2()

def _d3():
    F = lambda q: sum((w * x) ** 2 for w, x in zip(q.w, q.x))
    fns = [lambda p: pd(F, p, "w", p.k),
           lambda p: sum(2 * p.w[i] * p.x[i] ** 2 * (1 if i == p.k else 0) for i in range(p.n)),
           lambda p: 2 * p.w[p.k] * p.x[p.k] ** 2,
           lambda p: 2 * p.x[p.k] * p.w[p.k] * p.x[p.k]]
    fal = lambda p: 2 * p.w[p.k] * p.x[p.k]
    g = dict(n=size(1, 6), w=lambda d: V(d.n, rnz), k=idx())
    def x1(d):
        v = V(d.n); v[d.k] = mpf(1); return v
    check("sample_label_is_sum_index", P(30, **g, x=lambda d: V(d.n, rnz)), fns, 2, fal,
          P(6, **g, x=x1))
_d3()

def _d4():
    dl = lambda a, b: 1 if a == b else 0
    fns = [lambda p: sum(pd(lambda q, i=i: sm(q.z)[i], p, "z", p.j) for i in range(p.n)),
           lambda p: sum(sm(p.z)[i] * (dl(i, p.j) - sm(p.z)[p.j]) for i in range(p.n)),
           lambda p: sm(p.z)[p.j] - sm(p.z)[p.j] * sum(sm(p.z)),
           lambda p: sm(p.z)[p.j] * (1 - sum(sm(p.z)))]
    fal = lambda p: sum(sm(p.z)[i] * (1 - sm(p.z)[p.j]) for i in range(p.n))
    check("md_softmax_jacobian_column_delta", P(30, n=size(1, 6), z=lambda d: V(d.n), j=idx()), fns,
          1, fal, P(4, n=1, z=lambda d: V(1), j=0))
_d4()

def _d5():
    CE = lambda q: -sum(y * ln(pk) for y, pk in zip(q.y, sm(q.z)))
    fns = [lambda p: pd(CE, p, "z", p.i),
           lambda p: -p.y[p.i] + sm(p.z)[p.i] * sum(p.y),
           lambda p: sm(p.z)[p.i] - p.y[p.i],
           lambda p: -(p.y[p.i] - sm(p.z)[p.i])]
    g = dict(n=size(1, 6), z=lambda d: V(d.n), i=idx())
    check("md_one_hot_stated_after_display", P(30, **g, y=onehot_y), fns, 2,
          lambda p: p.y[p.i] - sm(p.z)[p.i], P(6, **g, y=lambda d: sm(d.z)))
_d5()

def _d6():
    L = lambda q: -ln(sm(q.z, q.tau)[q.ga])
    ne = [lambda p: pd(L, p, "z", p.i),
          lambda p: (sm(p.z, p.tau)[p.i] - (1 if p.ga == p.i else 0)) / p.tau,
          lambda p: sm(p.z, p.tau)[p.i] / p.tau]
    eq = [lambda p: pd(L, p, "z", p.i),
          lambda p: (sm(p.z, p.tau)[p.i] - (1 if p.ga == p.i else 0)) / p.tau,
          lambda p: (sm(p.z, p.tau)[p.i] - 1) / p.tau]
    fal = lambda p: sm(p.z, p.tau)[p.ga] / p.tau
    g = dict(n=size(2, 6), i=idx(), tau=lambda d: rpos(),
             ga=lambda d: (d.i + 1 + RNG.randrange(d.n - 1)) % d.n)
    def zsame(d):
        v = V(d.n); v[d.ga] = v[d.i]; return v
    check("indicator_target_temperature_cases", P(30, **g, z=lambda d: V(d.n)), ne, 2, fal,
          P(6, **g, z=zsame),
          [("gamma = i", P(30, n=size(1, 6), i=idx(), tau=lambda d: rpos(), ga=lambda d: d.i,
                           z=lambda d: V(d.n)), eq)])
_d6()

# ================= E  notes layouts
def _e1():
    c1 = [lambda p: pd(lambda q: q.x * exp(2 * q.x), p, "x"),
          lambda p: exp(2 * p.x) + 2 * p.x * exp(2 * p.x), lambda p: (1 + 2 * p.x) * exp(2 * p.x)]
    c2 = [lambda p: pd(lambda q: q.x * exp(-2 * q.x), p, "x"),
          lambda p: exp(-2 * p.x) - 2 * p.x * exp(-2 * p.x), lambda p: (1 - 2 * p.x) * exp(-2 * p.x)]
    check("md_align_two_chains_em_break_tags", P(30, x=pm(-5, 5)), c2, 2,
          lambda p: (1 + 2 * p.x) * exp(-2 * p.x), P(1, x=0),
          [("first chain", P(30, x=pm(-5, 5)), c1)])
_e1()

def _e2():
    u = lambda q: q.x ** 2
    v = lambda q: exp(3 * q.x)
    fns = [lambda p: pd(lambda q: u(q) * v(q), p, "x"),
           lambda p: pd(u, p, "x") * v(p) + u(p) * pd(v, p, "x"),
           lambda p: 2 * p.x * exp(3 * p.x) + 3 * p.x ** 2 * exp(3 * p.x),
           lambda p: p.x * (2 + 3 * p.x) * exp(3 * p.x)]
    check("md_set_comma_side_by_side", P(30, x=pm(-5, 5)), fns, 2,
          lambda p: 2 * p.x * exp(3 * p.x) + p.x ** 2 * exp(3 * p.x), P(1, x=0))
_e2()

def _e3():
    fns = [lambda p: pd(lambda q: M.sin(q.x ** 2), p, "x"),
           lambda p: M.cos(p.x ** 2) * 2 * p.x,
           lambda p: 2 * p.x * M.cos(p.x ** 2),
           lambda p: 2 * p.x * M.cos(p.x ** 2)]
    check("md_why_column_with_substitution", P(30, x=pm(-5, 5)), fns, 2,
          lambda p: 2 * p.x ** 2 * M.cos(p.x ** 2), P(1, x=0) + P(1, x=1))
_e3()

def _e4():
    gf = lambda q: M.sin(3 * q.x)
    fns = [lambda p: pd(lambda q: gf(q) ** 2, p, "x"),
           lambda p: 2 * gf(p) * pd(gf, p, "x"),
           lambda p: 6 * M.sin(3 * p.x) * M.cos(3 * p.x),
           lambda p: 3 * M.sin(6 * p.x)]
    check("md_function_defined_after_use", P(30, x=pm(-5, 5)), fns, 2,
          lambda p: 2 * M.sin(3 * p.x) * M.cos(3 * p.x), P(1, x=0))
_e4()

def _e5():
    fns = [lambda p: pd(lambda q: q.x / (1 + q.x ** 2), p, "x"),
           lambda p: ((1 + p.x ** 2) - 2 * p.x ** 2) / (1 + p.x ** 2) ** 2,
           lambda p: (1 - p.x ** 2) / (1 + p.x ** 2) ** 2,
           lambda p: (1 - p.x) * (1 + p.x) / (1 + p.x ** 2) ** 2]
    check("md_two_align_blocks_one_chain", P(30, x=pm()), fns, 2,
          lambda p: (1 + p.x ** 2) / (1 + p.x ** 2) ** 2, P(1, x=0))
_e5()

def _e6():
    fns = [lambda p: pd(lambda q: (3 * q.x) ** 2, p, "x"),
           lambda p: 2 * (3 * p.x) * 3, lambda p: 18 * p.x]
    check("md_side_by_side_displays_chain_factor", P(30, x=lambda d: rnz()), fns, 1,
          lambda p: 2 * (3 * p.x), P(1, x=0))
_e6()

def _e7():
    a = lambda q: M.cos(q.t)
    b = lambda q: M.sin(q.t)
    fns = [lambda p: pd(lambda q: a(q) * b(q), p, "t"),
           lambda p: pd(a, p, "t") * b(p) + a(p) * pd(b, p, "t"),
           lambda p: M.cos(p.t) ** 2 - M.sin(p.t) ** 2,
           lambda p: M.cos(2 * p.t)]
    check("md_semicolon_list_primes", P(30, t=pm(-5, 5)), fns, 2,
          lambda p: M.cos(p.t) ** 2 + M.sin(p.t) ** 2, P(1, t=0) + P(1, t=+pi))
_e7()

# ================= F  YAML: definitions with parameters, cases, domains, ranges
def _f1():
    fns = [lambda p: sign(p.x) ** 2 * exp(p.x), lambda p: sign(p.x) * exp(p.x),
           lambda p: sign(p.x) * exp(p.x)]
    check("sign_squared_nonnegative_edge",
          P(30, x=lambda d: 0 if d._t % 5 == 0 else rpos()), fns, 1, lambda p: exp(p.x),
          P(6, x=lambda d: rpos()))
_f1()

def _f2():
    S = lambda a, b: sum(mpf(k) ** 2 for k in range(a, b + 1))
    fns = [lambda p: S(1, p.n), lambda p: 1 + S(2, p.n),
           lambda p: mpf(p.n) * (p.n + 1) * (2 * p.n + 1) / 6]
    check("split_first_and_last_term_n_one", P(12, n=size(1, 12)), fns, 1,
          lambda p: 1 + p.n ** 2 + S(2, p.n - 1), P(11, n=size(2, 12)))
_f2()

def _f3():
    qf = lambda a, b, s, t: a * s ** 2 + b * s * t
    fns = [lambda p: pd(lambda q: qf(q.a, q.b, q.x + 1, 2 * q.y), p, "y"),
           lambda p: pd(lambda q: q.a * (q.x + 1) ** 2 + 2 * q.b * (q.x + 1) * q.y, p, "y"),
           lambda p: 2 * p.b * (p.x + 1), lambda p: 2 * p.b * p.x + 2 * p.b]
    g = dict(a=lambda d: rq(), y=lambda d: rq())
    check("two_argument_definition_at_expressions", P(30, **g, b=lambda d: rnz(), x=lambda d: rq()),
          fns, 2, lambda p: p.b * (p.x + 1),
          P(4, **g, b=lambda d: rnz(), x=-1) + P(4, **g, b=0, x=lambda d: rq()))
_f3()

def _f4():
    le = [lambda p: p.x * abs(ln(p.x)), lambda p: -p.x * ln(p.x), lambda p: p.x * ln(1 / p.x)]
    gt = [lambda p: p.x * abs(ln(p.x)), lambda p: p.x * ln(p.x)]
    check("abs_log_case_closed_at_one",
          P(30, x=lambda d: 1 if d._t % 5 == 0 else mpf(RNG.randint(1, 999)) / 1000), le, 1,
          lambda p: p.x * ln(p.x), P(1, x=1), [("x > 1", P(30, x=lambda d: 1 + rpos()), gt)])
_f4()

def _f5():
    F = lambda q: sum((k + 1) * q.x[k] ** 2 for k in range(q.n))
    fns = [lambda p: pd(F, p, "x", p.i),
           lambda p: sum(2 * (k + 1) * p.x[k] * (1 if k == p.i else 0) for k in range(p.n)),
           lambda p: 2 * (p.i + 1) * p.x[p.i],
           lambda p: 2 * p.x[p.i] * (p.i + 1)]
    g = dict(n=size(1, 6), x=lambda d: V(d.n, rnz))
    check("index_weighted_squares_low_edge", P(30, **g, i=idx()), fns, 2,
          lambda p: 2 * p.x[p.i], P(6, **g, i=0))
_f5()

def _f6():
    fns = [lambda p: ceil(p.x + p.m) - p.m, lambda p: ceil(p.x), lambda p: -floor(-p.x)]
    g = dict(m=lambda d: mpf(RNG.randint(-20, 20)))
    check("ceil_shift_by_integer",
          P(40, **g, x=lambda d: mpf(RNG.randint(-9, 9)) if d._t % 3 == 0 else rq()), fns, 1,
          lambda p: floor(p.x) + 1, P(6, **g, x=lambda d: rq() + mpf(1) / 7))
_f6()

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
    # the chain must be long: at least four steps in the file's main chain
    body = "\n".join(t)
    nsteps = body.count("\n  - ") + body.count("\n      - ") if ext == "yaml" else \
        sum(1 for l in t if l.startswith("$$") or l.startswith("&=") or "&=" in l)
    if nsteps < 3:
        problem(f"{name}: only {nsteps} steps")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
