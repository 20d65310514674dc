#!/usr/bin/env python3
"""Check every attack-42 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
line of the file (the true twin's chain, every line), plus the false twin's slipped line.
Derivatives are taken by mpmath's `diff` (one element at a time), never from the closed forms in
the files; sums are written out term by term; vectors (samples, logits, features) of sizes 1 to 6
and matrices of sizes 1 to 4 hold random rationals. Values are compared relative to
max(1, |a|, |b|) with tolerance 10^-30. For each pair, on the domain its file states (its
assumptions and, in a case, the case's condition, sampled as the expression linear in a letter
plus or minus a positive t):
  - every step of the true chain equals the step before it at every point tried, and so does
    every step of the other cases of the file ("extra" chains);
  - the false twin's slipped line differs from the line before it at one point at least;
  - at each special point named in the README (x = 0, x = 1, n = 1, a case's boundary, a
    symmetric matrix, a probability read as independent of the logits, ...), the slipped line's
    false value equals its true value.
Undefined quantities (`p_i` in the two refusal pairs) are given the meaning a reader gives them
(p = softmax(o)); the special point is the misreading (p independent of o, so dp/do = 0).
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

# ================= A  a quantity at each sample
def _a1():
    J = lambda q: sum((q.w * x + q.b - y) ** 2 for x, y in zip(q.x, q.y)) / (2 * q.n)
    fns = [lambda p: pd(J, p, "w"),
           lambda p: sum((p.w * x + p.b - y) * x for x, y in zip(p.x, p.y)) / p.n,
           lambda p: sum((p.w * x + p.b - y) * x for x, y in zip(p.x, p.y)) / p.n,
           lambda p: p.w / p.n * sq(p.x) + p.b / p.n * sum(p.x) - cs(p.x, p.y) / p.n]
    fal = lambda p: p.w / p.n * sq(p.x) + p.b * sum(p.x) - cs(p.x, p.y) / p.n
    g = dict(x=lambda d: V(d.n), y=lambda d: V(d.n), w=lambda d: rq(), b=lambda d: rnz())
    check("sample_prediction_weight_grad_means", P(30, **g, n=size(1, 6)), fns, 3, fal,
          P(6, **g, n=1))
_a1()

def _a2():
    J = lambda q: sum((q.w * x + q.b - y) ** 2 for x, y in zip(q.x, q.y)) / (2 * q.n)
    r = lambda p: [p.w * x + p.b - y for x, y in zip(p.x, p.y)]
    fns = [lambda p: pd(J, p, "b"), lambda p: sum(r(p)) / p.n,
           lambda p: sum(p.w * x + p.b - y for x, y in zip(p.x, p.y)) / p.n,
           lambda p: p.b + sum(p.w * x - y for x, y in zip(p.x, p.y)) / p.n]
    fal = lambda p: p.b / p.n + sum(p.w * x - y for x, y in zip(p.x, p.y)) / p.n
    g = dict(x=lambda d: V(d.n), y=lambda d: V(d.n), w=lambda d: rq(), b=lambda d: rnz())
    check("md_sample_two_families_bias_grad", P(30, **g, n=size(1, 6)), fns, 3, fal,
          P(6, **g, n=1))
_a2()

def _a3():
    fns = [lambda p: pd(lambda q: (q.w * q.x1 + q.b - q.y1) ** 2, p, "w"),
           lambda p: 2 * (p.w * p.x1 + p.b - p.y1) * p.x1,
           lambda p: 2 * (p.w * p.x1 + p.b - p.y1) * p.x1,
           lambda p: 2 * p.w * p.x1 ** 2 + 2 * (p.b - p.y1) * p.x1]
    fal = lambda p: 2 * (p.w * p.x1 + p.b - p.y1)
    g = dict(w=lambda d: rq(), b=lambda d: rq(), y1=lambda d: rq())
    check("md_sample_family_at_first_sample", P(30, **g, x1=lambda d: rq()), fns, 2, fal,
          P(6, **g, x1=1))
_a3()

def _a4():
    L = lambda q: sum((q.w * x + q.b - y) ** 2 for x, y in zip(q.x, q.y))
    fns = [lambda p: pd(L, p, "w"),
           lambda p: 2 * sum((p.w * x + p.b - y) * x for x, y in zip(p.x, p.y)),
           lambda p: 2 * sum((p.w * x + p.b - y) * x for x, y in zip(p.x, p.y)),
           lambda p: 2 * p.w * sq(p.x) + 2 * sum((p.b - y) * x for x, y in zip(p.x, p.y))]
    fal = lambda p: mpf(0)
    g = dict(x=lambda d: V(d.n), w=lambda d: rq(), b=lambda d: rq())
    check("sample_label_k_summed_over_j", P(30, **g, n=size(1, 6), y=lambda d: V(d.n)), fns, 1,
          fal, P(6, **g, n=size(1, 6), y=lambda d: [d.w * x + d.b for x in d.x]))
_a4()

def _a5():
    L = lambda q: sum((q.w * xs + q.b * xf - y) ** 2 for xs, xf, y in zip(q.xs, q.xf, q.y))
    yh = lambda p: [p.w * xs + p.b * xf - y for xs, xf, y in zip(p.xs, p.xf, p.y)]
    fns = [lambda p: pd(L, p, "b"),
           lambda p: 2 * cs(yh(p), p.xf), lambda p: 2 * cs(yh(p), p.xf),
           lambda p: 2 * p.w * cs(p.xs, p.xf) + 2 * p.b * sq(p.xf) - 2 * cs(p.y, p.xf)]
    fal = lambda p: 2 * cs(yh(p), p.xs)
    g = dict(y=lambda d: V(d.n), w=lambda d: rq(), b=lambda d: rq(), xf=lambda d: V(d.n))
    check("md_sample_family_beside_feature_element",
          P(30, **g, n=size(1, 6), xs=lambda d: V(d.n)), fns, 1, fal,
          P(6, **g, n=size(1, 6), xs=lambda d: list(d.xf)))
_a5()

def _a6():
    L = lambda q: sum(y * ln(sig(q.w * x + q.b)) + (1 - y) * ln(1 - sig(q.w * x + q.b))
                      for x, y in zip(q.x, q.y))
    a = lambda p: [sig(p.w * x + p.b) for x in p.x]
    fns = [lambda p: -pd(L, p, "w"),
           lambda p: -sum((y * (1 - ai) - (1 - y) * ai) * x for x, y, ai in zip(p.x, p.y, a(p))),
           lambda p: sum((ai - y) * x for x, y, ai in zip(p.x, p.y, a(p))),
           lambda p: sum((sig(p.w * x + p.b) - y) * x for x, y in zip(p.x, p.y))]
    fal = lambda p: sum(ai - y for y, ai in zip(p.y, a(p)))
    g = dict(y=lambda d: V(d.n), w=lambda d: rsmall(), b=lambda d: rsmall())
    check("md_sample_logit_then_activation", P(30, **g, n=size(1, 6), x=lambda d: V(d.n, rsmall)),
          fns, 2, fal, P(6, **g, n=size(1, 6), x=lambda d: [mpf(1)] * d.n))
_a6()

# ================= B  subscripted function names
def _b1():
    h = lambda q: sig(q.t0 + q.t1 * q.x)
    E = lambda p: exp(-p.t0 - p.t1 * p.x)
    fns = [lambda p: pd(h, p, "t1"), lambda p: p.x * E(p) / (1 + E(p)) ** 2,
           lambda p: p.x * h(p) * (1 - h(p)), lambda p: p.x * h(p) - p.x * h(p) ** 2]
    fal = lambda p: h(p) * (1 - h(p))
    g = dict(t0=lambda d: rsmall(), t1=lambda d: rsmall())
    check("md_h_theta_alone_slope_theta1", P(30, **g, x=lambda d: rsmall()), fns, 2, fal,
          P(6, **g, x=1))
_b1()

def _b2():
    J = lambda q: sum((q.t0 + q.t1 * x - y) ** 2 for x, y in zip(q.x, q.y)) / (2 * q.m)
    fns = [lambda p: pd(J, p, "t0"),
           lambda p: sum(p.t0 + p.t1 * x - y for x, y in zip(p.x, p.y)) / p.m,
           lambda p: sum(p.t0 + p.t1 * x - y for x, y in zip(p.x, p.y)) / p.m,
           lambda p: p.t0 + sum(p.t1 * x - y for x, y in zip(p.x, p.y)) / p.m]
    fal = lambda p: sum((p.t0 + p.t1 * x - y) * x for x, y in zip(p.x, p.y)) / p.m
    g = dict(y=lambda d: V(d.m), t0=lambda d: rq(), t1=lambda d: rq())
    check("md_h_braced_theta_cost_intercept", P(30, **g, m=size(1, 6), x=lambda d: V(d.m)), fns,
          1, fal, P(6, **g, m=size(1, 6), x=lambda d: [mpf(1)] * d.m))
_b2()

def _b3():
    f = lambda q: exp(q.x) / (exp(q.x) + q.N)
    fns = [lambda p: pd(f, p, "x"),
           lambda p: (exp(p.x) * (exp(p.x) + p.N) - exp(p.x) * exp(p.x)) / (exp(p.x) + p.N) ** 2,
           lambda p: p.N * exp(p.x) / (exp(p.x) + p.N) ** 2, lambda p: f(p) * (1 - f(p))]
    fal = lambda p: exp(p.x) / (exp(p.x) + p.N) ** 2
    check("md_f_N_named_alone_slope", P(30, x=lambda d: rsmall(), N=lambda d: pos()), fns, 2, fal,
          P(6, x=lambda d: rsmall(), N=1))
_b3()

def _b4():
    J = lambda q: sum((q.w * x + q.b - y) ** 2 for x, y in zip(q.x, q.y)) / (2 * q.m)
    fns = [lambda p: pd(J, p, "b"),
           lambda p: sum(p.w * x + p.b - y for x, y in zip(p.x, p.y)) / p.m,
           lambda p: p.w / p.m * sum(p.x) + p.b - sum(p.y) / p.m,
           lambda p: p.b + sum(p.w * x - y for x, y in zip(p.x, p.y)) / p.m]
    fal = lambda p: p.w / p.m * sum(p.x) + p.b / p.m - sum(p.y) / p.m
    g = dict(x=lambda d: V(d.m), y=lambda d: V(d.m), w=lambda d: rq(), b=lambda d: rnz())
    check("md_J_two_letters_alone_bias", P(30, **g, m=size(1, 6)), fns, 2, fal, P(6, **g, m=1))
_b4()

def _b5():
    fx = lambda t: t ** 2
    fns = [lambda p: pd(lambda q: q.f1 * q.x ** 2 + fx(q.x), p, "x"),
           lambda p: 2 * p.f1 * p.x + M.diff(fx, p.x),
           lambda p: 2 * p.f1 * p.x + 2 * p.x, lambda p: 2 * p.x * (p.f1 + 1)]
    fal = lambda p: 4 * p.x
    check("md_subscript_makes_another_name", P(30, x=lambda d: rnz(), f1=lambda d: rq()), fns, 3,
          fal, P(6, x=lambda d: rq(), f1=1))
_b5()

def _b6():
    h = lambda q: sig(q.t0 + q.t1 * q.x)
    E = lambda p: exp(-p.t0 - p.t1 * p.x)
    fns = [lambda p: pd(h, p, "x"), lambda p: p.t1 * E(p) / (1 + E(p)) ** 2,
           lambda p: p.t1 * h(p) * (1 - h(p)), lambda p: p.t1 * h(p) - p.t1 * h(p) ** 2]
    fal = lambda p: h(p) * (1 - h(p))
    g = dict(t0=lambda d: rsmall(), x=lambda d: rsmall())
    check("md_h_theta_head_at_sample", P(30, **g, t1=lambda d: rsmall()), fns, 2, fal,
          P(6, **g, t1=1))
_b6()

# ================= C  implications
def _c1():
    fns = [lambda p: pd(lambda q: ln(1 + exp(q.x)), p, "x"), lambda p: exp(p.x) / (1 + exp(p.x)),
           lambda p: 1 / (1 + exp(-p.x))]
    check("md_arrow_carries_softplus_chain", P(30, x=lambda d: rsmall()), fns, 1,
          lambda p: 1 / (1 + exp(p.x)), P(1, x=0))
_c1()

def _c2():
    fns = [lambda p: pd(lambda q: (q.w - q.a) ** 2 + 4 * q.w, p, "w"),
           lambda p: 2 * (p.w - p.a) + 4, lambda p: 2 * p.w - 2 * p.a + 4,
           lambda p: 2 * (p.w - p.a + 2)]
    fal = lambda p: 2 * p.w - p.a + 4
    check("md_arrow_solving_after_chain", P(30, w=lambda d: rq(), a=lambda d: rnz()), fns, 2, fal,
          P(6, w=lambda d: rq(), a=0))
    # the solving row: 2(w - a + 2) = 0 has the root w = a - 2
    for a in (mpf(-3), mpf(0), mpf(5) / 2):
        if not close(fns[3](D(w=a - 2, a=a)), 0):
            problem("md_arrow_solving_after_chain: the root is wrong")
_c2()

def _c3():
    g = lambda x: x * exp(x)
    chain = [lambda p: M.diff(g, p.x), lambda p: pd(lambda q: q.x * exp(q.x), p, "x"),
             lambda p: exp(p.x) + p.x * exp(p.x), lambda p: (1 + p.x) * exp(p.x)]
    imp = [lambda p: M.diff(g, p.x) / exp(p.x), lambda p: 1 + p.x]
    pts = P(30, x=lambda d: rsmall())
    check("md_arrow_other_left_side", pts, imp, 1, lambda p: (1 + p.x) * exp(p.x), P(1, x=0),
          [("main chain", pts, chain)])
_c3()

def _c4():
    s = lambda x: 1 / (1 + exp(-x))
    fns = [lambda p: M.diff(s, p.x), lambda p: exp(-p.x) / (1 + exp(-p.x)) ** 2,
           lambda p: s(p.x) * (1 - s(p.x)), lambda p: s(p.x) - s(p.x) ** 2]
    check("md_iff_chain_sigmoid_slope", P(30, x=lambda d: rsmall()), fns, 2,
          lambda p: s(p.x) * (1 - s(-p.x)), P(1, x=0))
_c4()

def _c5():
    fns = [lambda p: pd(lambda q: q.x ** 2 * ln(q.x), p, "x"),
           lambda p: 2 * p.x * ln(p.x) + p.x ** 2 / p.x, lambda p: 2 * p.x * ln(p.x) + p.x,
           lambda p: p.x * (2 * ln(p.x) + 1)]
    check("md_arrow_row_ends_x_squared_log", P(30, x=lambda d: pos()), fns, 2,
          lambda p: 2 * p.x * ln(p.x) + 1, P(1, x=1))
_c5()

def _c6():
    fns = [lambda p: M.diff(tanh, p.x), lambda p: pd(lambda q: tanh(q.x), p, "x"),
           lambda p: 1 / cosh(p.x) ** 2, lambda p: 1 - tanh(p.x) ** 2, lambda p: 1 - tanh(p.x) ** 2]
    check("md_arrow_tanh_earlier_link", P(30, x=lambda d: rsmall()), fns, 2,
          lambda p: 1 / cosh(p.x), P(1, x=0))
_c6()

# ================= D  a new head in a definition's chain; conditions in prose
def _d1():
    fns = [lambda p: pd(lambda q: ln(1 + exp(q.x)), p, "x"), lambda p: exp(p.x) / (1 + exp(p.x)),
           lambda p: 1 / (1 + exp(-p.x)), lambda p: 1 - 1 / (1 + exp(p.x))]
    check("md_softplus_middle_head", P(30, x=lambda d: rsmall()), fns, 3,
          lambda p: 1 / (1 + exp(p.x)), P(1, x=0))
_d1()

def _d2():
    fns = [lambda p: pd(lambda q: sig(q.z), p, "z"), lambda p: exp(-p.z) / (1 + exp(-p.z)) ** 2,
           lambda p: sig(p.z) * (1 - sig(p.z)), lambda p: sig(p.z) - sig(p.z) ** 2]
    check("md_sigmoid_middle_head", P(30, z=lambda d: rsmall()), fns, 2,
          lambda p: sig(p.z) ** 2, P(1, z=0))
_d2()

def ce_chain(last):
    loss = lambda q: -sum(y * ln(pk) for y, pk in zip(q.y, sm(q.z)))
    return [lambda p: pd(loss, p, "z", p.i),
            lambda p: -pd(lambda q: sum(y * (zk - ln(S(q.z))) for y, zk in zip(q.y, q.z)), p, "z",
                          p.i),
            lambda p: -p.y[p.i] + sm(p.z)[p.i] * sum(p.y), last]
def onehotish(d):
    v = V(d.n); v[-1] = 1 - sum(v[:-1]); return v

def _d3():
    fns = ce_chain(lambda p: sm(p.z)[p.i] - p.y[p.i])
    check("md_assuming_one_hot_runs_on",
          P(30, n=size(1, 6), z=lambda d: V(d.n), y=onehotish, i=idx()), fns, 3,
          lambda p: p.y[p.i] - sm(p.z)[p.i],
          P(6, n=size(1, 6), z=lambda d: V(d.n), y=lambda d: sm(d.z), i=idx()))
_d3()

def _d45(name):
    fns = ce_chain(lambda p: sm(p.z)[p.i] * sum(p.y) - p.y[p.i])
    check(name, P(30, n=size(1, 6), z=lambda d: V(d.n), y=lambda d: V(d.n), i=idx()), fns, 3,
          lambda p: sm(p.z)[p.i] - p.y[p.i],
          P(6, n=size(1, 6), z=lambda d: V(d.n), y=onehotish, i=idx()))
_d45("md_assuming_finished_sentence")
_d45("md_condition_before_heading")

def _d6():
    loss = lambda q: -sum((y + c) * ln(pk) for y, c, pk in zip(q.y, q.c, sm(q.z)))
    pi = lambda p: sm(p.z)[p.i]
    fns = [lambda p: pd(loss, p, "z", p.i),
           lambda p: -p.y[p.i] - p.c[p.i] + pi(p) * sum(y + c for y, c in zip(p.y, p.c)),
           lambda p: -p.y[p.i] - p.c[p.i] + pi(p) * sum(p.y) + pi(p) * sum(p.c),
           lambda p: 2 * pi(p) - p.y[p.i] - p.c[p.i]]
    fal = lambda p: 2 * pi(p) - p.y[p.i] + p.c[p.i]
    def c0(d):  # a target vector summing to 1 with c_i = 0
        v = onehotish(d)
        if d.n == 1:
            return v
        v[d.i] = 0; j = (d.i + 1) % d.n; v[j] = 1 - (sum(v) - v[j]); return v
    check("md_two_conditions_two_targets",
          P(30, n=size(1, 6), z=lambda d: V(d.n), y=onehotish, c=onehotish, i=idx()), fns, 3, fal,
          P(6, n=size(2, 6), z=lambda d: V(d.n), y=onehotish, i=idx(), c=c0))
_d6()

# ================= E  cases on an expression linear in a letter
def _e1():
    def H(q):
        r = q.w * q.x - 2 * q.y
        return r ** 2 / 2 if abs(r) <= q.dl else q.dl * (abs(r) - q.dl / 2)
    up = [lambda p: pd(H, p, "w"),
          lambda p: pd(lambda q: q.dl * (q.w * q.x - 2 * q.y - q.dl / 2), p, "w"),
          lambda p: p.x * p.dl]
    lo = [lambda p: pd(H, p, "w"),
          lambda p: pd(lambda q: q.dl * (2 * q.y - q.w * q.x - q.dl / 2), p, "w"),
          lambda p: -p.x * p.dl]
    fal = lambda p: (p.w * p.x - 2 * p.y) * p.x
    g = dict(w=lambda d: rq(), x=lambda d: rq(), dl=lambda d: pos(), t=lambda d: pos())
    check("huber_residual_two_y_upper_tail",
          P(30, **g, y=lambda d: (d.w * d.x - d.dl - d.t) / 2), up, 2, fal,
          P(6, **g, y=lambda d: (d.w * d.x - d.dl) / 2),
          [("lower tail", P(30, **g, y=lambda d: (d.w * d.x + d.dl + d.t) / 2), lo)])
_e1()

def _e2():
    G = lambda q: 0 if q.w * q.x - 3 * q.y <= 0 else (q.w * q.x - 3 * q.y) ** 2
    neg = [lambda p: pd(G, p, "w"), lambda p: mpf(0)]
    posc = [lambda p: pd(G, p, "w"), lambda p: pd(lambda q: (q.w * q.x - 3 * q.y) ** 2, p, "w"),
            lambda p: 2 * p.x * (p.w * p.x - 3 * p.y), lambda p: 2 * p.w * p.x ** 2 - 6 * p.x * p.y]
    fal = lambda p: 2 * p.x * (p.w * p.x - 3 * p.y)
    g = dict(w=lambda d: rq(), x=lambda d: rnz(), t=lambda d: pos())
    check("relu_square_minus_three_y", P(30, **g, y=lambda d: (d.w * d.x + d.t) / 3), neg, 1, fal,
          P(6, **g, y=lambda d: d.w * d.x / 3),
          [("w x - 3 y > 0", P(30, **g, y=lambda d: (d.w * d.x - d.t) / 3), posc)])
_e2()

def _e3():
    def H(p):
        r = p.w * p.x - p.y
        return r ** 2 / 2 if abs(r) <= p.dl else p.dl * (abs(r) - p.dl / 2)
    up = [H, lambda p: p.dl * (abs(p.w * p.x - p.y) - p.dl / 2),
          lambda p: p.dl * (p.w * p.x - p.y) - p.dl ** 2 / 2]
    lo = [H, lambda p: p.dl * (abs(p.w * p.x - p.y) - p.dl / 2),
          lambda p: p.dl * (p.y - p.w * p.x) - p.dl ** 2 / 2]
    fal = lambda p: (p.w * p.x - p.y) ** 2 / 2
    g = dict(w=lambda d: rq(), x=lambda d: rq(), dl=lambda d: pos(),
             t=lambda d: 0 if d._t % 5 == 0 else pos())
    check("md_huber_value_boundary_included", P(30, **g, y=lambda d: d.w * d.x - d.dl - d.t), up, 1,
          fal, P(6, **g, y=lambda d: d.w * d.x - d.dl),
          [("w x - y <= -delta", P(30, **g, y=lambda d: d.w * d.x + d.dl + d.t), lo)])
_e3()

def _e4():
    def E(q):
        r = q.w * q.x - q.y
        return 0 if abs(r) <= q.ep else abs(r) - q.ep
    lo = [lambda p: pd(E, p, "w"), lambda p: pd(lambda q: q.y - q.w * q.x - q.ep, p, "w"),
          lambda p: -p.x]
    up = [lambda p: pd(E, p, "w"), lambda p: pd(lambda q: q.w * q.x - q.y - q.ep, p, "w"),
          lambda p: p.x]
    mid = [lambda p: pd(E, p, "w"), lambda p: 0 * p.x, lambda p: mpf(0)]
    g = dict(w=lambda d: rq(), x=lambda d: rq(), ep=lambda d: pos(), t=lambda d: pos())
    check("eps_insensitive_lower_tail", P(30, **g, y=lambda d: d.w * d.x + d.ep + d.t), lo, 2,
          lambda p: p.x, P(6, **dict(g, x=0), y=lambda d: d.w * d.x + d.ep + d.t),
          [("upper tail", P(30, **g, y=lambda d: d.w * d.x - d.ep - d.t), up),
           ("middle", P(30, **g, y=lambda d: d.w * d.x - d.ep * (2 * RNG.random() - 1) * mpf("0.9")),
            mid)])
_e4()

def _e5():
    K = lambda q: (2 * q.y - q.w * q.x - 1) ** 2 if 2 * q.y - q.w * q.x > 1 else 0
    act = [lambda p: pd(K, p, "w"), lambda p: pd(lambda q: (2 * q.y - q.w * q.x - 1) ** 2, p, "w"),
           lambda p: -2 * p.x * (2 * p.y - p.w * p.x - 1), lambda p: 2 * p.x * (p.w * p.x + 1 - 2 * p.y)]
    ina = [lambda p: pd(K, p, "w"), lambda p: mpf(0)]
    g = dict(w=lambda d: rq(), x=lambda d: rnz(), t=lambda d: pos())
    check("squared_hinge_two_y_active", P(30, **g, y=lambda d: (d.w * d.x + 1 + d.t) / 2), act, 2,
          lambda p: mpf(0), P(6, **g, y=lambda d: (d.w * d.x + 1) / 2),
          [("2 y - w x < 1", P(30, **g, y=lambda d: (d.w * d.x + 1 - d.t) / 2), ina)])
_e5()

def _e6():
    def Q(q):
        r = q.w * q.x - q.y
        return (r - 1) ** 2 if r > 1 else (r + 1) ** 2 if r < -1 else 0
    lo = [lambda p: pd(Q, p, "w"), lambda p: pd(lambda q: (q.w * q.x - q.y + 1) ** 2, p, "w"),
          lambda p: 2 * p.x * (p.w * p.x - p.y + 1), lambda p: 2 * p.w * p.x ** 2 - 2 * p.x * p.y + 2 * p.x]
    up = [lambda p: pd(Q, p, "w"), lambda p: pd(lambda q: (q.w * q.x - q.y - 1) ** 2, p, "w"),
          lambda p: 2 * p.x * (p.w * p.x - p.y - 1)]
    g = dict(w=lambda d: rq(), x=lambda d: rq(), t=lambda d: pos())
    check("md_dead_zone_square_lower_tail", P(30, **g, y=lambda d: d.w * d.x + 1 + d.t), lo, 2,
          lambda p: 2 * p.x * (p.w * p.x - p.y - 1),
          P(6, **dict(g, x=0), y=lambda d: d.w * d.x + 1 + d.t),
          [("w x - y > 1", P(30, **g, y=lambda d: d.w * d.x - 1 - d.t), up)])
_e6()

# ================= F  undefined quantities, constant brackets, matrix products
def _f1():
    fns = [lambda p: pd(lambda q: sum(pk * ok ** 2 for pk, ok in zip(q.p, q.o)), p, "o", p.i),
           lambda p: sum(0 * ok ** 2 + 2 * pk * ok * (k == p.i)
                         for k, (pk, ok) in enumerate(zip(p.p, p.o))),
           lambda p: sum(2 * pk * ok * (k == p.i) for k, (pk, ok) in enumerate(zip(p.p, p.o))),
           lambda p: 2 * p.p[p.i] * p.o[p.i]]
    fal = lambda p: 2 * cs(p.p, p.o)
    g = dict(o=lambda d: V(d.n), p=lambda d: V(d.n), i=idx())
    check("declared_vector_elements_independent", P(30, **g, n=size(1, 6)), fns, 3, fal,
          P(6, **g, n=1))
_f1()

def dp(p):  # d p_i / d o_i with p = softmax(o); 0 where p is misread as independent of o
    return 0 if p.get("indep") else pd(lambda q: sm(q.o)[q.i], p, "o", p.i)

def _f2():
    fns = [lambda p: pd(lambda q: sq(q.o), p, "o", p.i),
           lambda p: sum(2 * ok * (k == p.i) for k, ok in enumerate(p.o)), lambda p: 2 * p.o[p.i]]
    g = dict(o=lambda d: V(d.n), i=idx())
    check("undefined_probability_derivative_refused", P(30, **g, n=size(2, 6)), fns, 2,
          lambda p: 2 * p.o[p.i] + dp(p), P(6, **g, n=size(1, 6), indep=True))
_f2()

def _f3():
    L = lambda q: sum((o - t) ** 2 for o, t in zip(q.o, q.t)) / 2
    fns = [lambda p: pd(L, p, "o", p.i),
           lambda p: pd(lambda q: (q.o[q.i] - q.t[q.i]) ** 2 / 2, p, "o", p.i),
           lambda p: p.o[p.i] - p.t[p.i], lambda p: -(p.t[p.i] - p.o[p.i])]
    g = dict(o=lambda d: V(d.n), t=lambda d: V(d.n), i=idx())
    check("md_undefined_probability_in_chain", P(30, **g, n=size(2, 6)), fns, 3,
          lambda p: p.o[p.i] - p.t[p.i] - dp(p), P(6, **g, n=size(1, 6), indep=True))
_f3()

def _f4():
    fns = [lambda p: pd(lambda q: (q.tau + 2) * (q.y - q.w * q.x) ** 2, p, "w"),
           lambda p: -2 * p.x * (p.tau + 2) * (p.y - p.w * p.x),
           lambda p: 2 * p.x * (p.tau + 2) * (p.w * p.x - p.y),
           lambda p: 2 * (p.tau + 2) * (p.w * p.x ** 2 - p.x * p.y)]
    g = dict(w=lambda d: rq(), x=lambda d: rnz(), y=lambda d: rq())
    check("constant_bracket_times_square", P(30, **g, tau=lambda d: rq()), fns, 1,
          lambda p: mpf(0), P(6, **g, tau=-2))
_f4()

def _f5():
    fns = [lambda p: pd(lambda q: (1 - q.tau) * sum(q.w * x - y for x, y in zip(q.x, q.y)), p, "w"),
           lambda p: (1 - p.tau) * sum(p.x), lambda p: sum(p.x) - p.tau * sum(p.x)]
    g = dict(n=size(1, 6), x=lambda d: V(d.n, rnz), y=lambda d: V(d.n), w=lambda d: rq())
    check("md_constant_bracket_times_sum", P(30, **g, tau=lambda d: rq()), fns, 1,
          lambda p: mpf(0), P(6, **g, tau=1))
_f5()

def _f6():
    def T(q):
        G, W, K = q.G, q.W, q.K
        return sum(G[i, j] * W[i, c] * K[j, c] for i in range(G.rows) for j in range(G.rows)
                   for c in range(K.cols))
    fns = [lambda p: pd(T, p, "W", (p.a, p.b)),
           lambda p: sum(p.G[p.a, j] * p.K[j, p.b] for j in range(p.n)),
           lambda p: sum(p.K[j, p.b] * p.G[p.a, j] for j in range(p.n)),
           lambda p: (p.G * p.K)[p.a, p.b]]
    fal = lambda p: (p.G.T * p.K)[p.a, p.b]
    g = dict(n=size(1, 4), h=lambda d: RNG.randint(1, 4), K=lambda d: rmat(d.n, d.h),
             W=lambda d: rmat(d.n, d.h), a=idx(), b=idx("h"))
    check("matrix_product_element_order", P(30, **g, G=lambda d: rmat(d.n, d.n)), fns, 3, fal,
          P(8, **g, G=lambda d: rsym(d.n)))
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
