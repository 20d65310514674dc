#!/usr/bin/env python3
"""Check every attack-41 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
line of the file (the true twin's chain, from its first step to its last, every line), plus the
false twin's slipped line. Derivatives, gradients and Hessians are taken by mpmath's `diff` (one
element of a vector or matrix at a time), never from the closed forms written in the files; sums
are written out term by term; vectors of sizes 1 to 6 and matrices of sizes 1 to 4 hold random
rationals (several draws per size). Values are compared relative to max(1, |a|, |b|) (entry by
entry for matrices) with tolerance 10^-30. For each pair, on the domain its file states (its
assumptions and, in a case, the case's condition):
  - every step of the true chain equals the step before it at every point tried, and so does
    every step of the other cases of the file ("extra" chains);
  - the false twin's slipped line differs from the line before it at one point at least;
  - at each special point named in the README (n = 1, size 1, T = 1, beta = 1, a symmetric
    matrix, epsilon = 0, x = 0, ...), the slipped line's false value equals its true value: careless
    sampling that stays there passes the false twin.
File check: twins identical but for the marked line, one mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in notes), in the false twin only, and one `=` (brace depth 0, before
any remark) on the marked line. SHOW=1 prints where each false step fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, exp, ln, sqrt, pi, tanh, cosh, erf
M.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -30
RNG = random.Random(41)

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
        for k, f in gens.items():
            d[k] = f(d) if callable(f) else f
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

# ================= A  softmax, log-softmax, cross-entropy
def _ce():
    def loss(q): return -q.c * ln(sm(q.z, q.T)[q.g])
    f0 = lambda p: pd(loss, p, "z", p.i)
    f1 = lambda p: -p.c * pd(lambda q: q.z[q.g] / q.T - ln(S(q.z, q.T)), p, "z", p.i)
    e_i = lambda p: exp(p.z[p.i] / p.T)
    eq = [f0, f1,
          lambda p: -p.c * (1 / p.T - e_i(p) / (p.T * S(p.z, p.T))),
          lambda p: p.c / p.T * (sm(p.z, p.T)[p.i] - 1),
          lambda p: p.c * (sm(p.z, p.T)[p.i] - 1) / p.T]
    ne = [f0, f1,
          lambda p: -p.c * (0 - e_i(p) / (p.T * S(p.z, p.T))),
          lambda p: p.c / p.T * e_i(p) / S(p.z, p.T),
          lambda p: p.c * sm(p.z, p.T)[p.i] / p.T]
    fal = lambda p: p.c * sm(p.z, p.T)[p.i]
    def two(d):
        i = RNG.randrange(d.n); g = RNG.randrange(d.n - 1); return (i, g if g < i else g + 1)
    ptsne = P(30, n=size(2, 6), z=lambda d: V(d.n), T=lambda d: rpos(), c=lambda d: rpos(),
              ig=two, i=lambda d: d.ig[0], g=lambda d: d.ig[1])
    ptseq = P(24, n=size(1, 6), z=lambda d: V(d.n), T=lambda d: rpos(), c=lambda d: rpos(),
              i=idx(), g=lambda d: d.i)
    spec = P(6, n=size(2, 4), z=lambda d: V(d.n), T=1, c=lambda d: rpos(), i=0, g=1)
    check("ce_weighted_temperature_cases", ptsne, ne, 4, fal, spec, [("case gamma = i", ptseq, eq)])
_ce()

def _focal():
    pp = lambda p: sig(p.x)
    F = lambda q: -(1 - sig(q.x)) ** q.gm * ln(sig(q.x))
    fns = [lambda p: pd(F, p, "x"),
           lambda p: p.gm * (1 - pp(p)) ** (p.gm - 1) * pp(p) * (1 - pp(p)) * ln(pp(p)) - (1 - pp(p)) ** p.gm * (pp(p) * (1 - pp(p)) / pp(p)),
           lambda p: p.gm * pp(p) * (1 - pp(p)) ** p.gm * ln(pp(p)) - (1 - pp(p)) ** (p.gm + 1),
           lambda p: (1 - pp(p)) ** p.gm * (p.gm * pp(p) * ln(pp(p)) - (1 - pp(p))),
           lambda p: (1 - pp(p)) ** p.gm * (p.gm * pp(p) * ln(pp(p)) + pp(p) - 1)]
    fal = lambda p: (1 - pp(p)) ** p.gm * (p.gm * ln(pp(p)) - (1 - pp(p)))
    G = [mpf(0), mpf("0.5"), mpf(1), mpf(2), mpf("3.7"), mpf(5)]
    pts = P(54, x=pick(LADDER), gm=lambda d: G[d._t % 6])
    spec = P(8, x=pick(LADDER[::2]), gm=0)
    check("md_focal_loss_logit_slope", pts, fns, 3, fal, spec)
_focal()

def _vjp():
    Pp = lambda p: sm(p.z)
    def F(q): return sum(q.g[j] * sm(q.z)[j] for j in range(q.n))
    def rest(p, excl): return sum(p.g[j] * Pp(p)[j] for j in range(p.n) if not (excl and j == p.i))
    fns = [lambda p: pd(F, p, "z", p.i),
           lambda p: p.g[p.i] * Pp(p)[p.i] * (1 - Pp(p)[p.i]) - sum(p.g[j] * Pp(p)[j] * Pp(p)[p.i] for j in range(p.n) if j != p.i),
           lambda p: p.g[p.i] * Pp(p)[p.i] - p.g[p.i] * Pp(p)[p.i] ** 2 - Pp(p)[p.i] * rest(p, True),
           lambda p: p.g[p.i] * Pp(p)[p.i] - Pp(p)[p.i] * rest(p, False),
           lambda p: Pp(p)[p.i] * (p.g[p.i] - rest(p, False))]
    fal = lambda p: p.g[p.i] * Pp(p)[p.i] - Pp(p)[p.i] * rest(p, True)
    pts = P(30, n=size(1, 6), z=lambda d: V(d.n), g=lambda d: V(d.n), i=idx())
    def zero_gi(d):
        g = V(d.n); g[d.i] = mpf(0); return g
    spec = P(8, n=size(1, 6), z=lambda d: V(d.n), i=idx(), g=zero_gi)
    check("md_softmax_vjp_split_diagonal", pts, fns, 3, fal, spec)
_vjp()

def _lset():
    e_i = lambda p: exp(p.z[p.i] / p.T)
    fns = [lambda p: pd(lambda q: q.T * ln(S(q.z, q.T)), p, "z", p.i),
           lambda p: p.T * pd(lambda q: ln(S(q.z, q.T)), p, "z", p.i),
           lambda p: p.T * ((1 / p.T) * e_i(p)) / S(p.z, p.T),
           lambda p: e_i(p) / S(p.z, p.T),
           lambda p: 1 / sum(exp((zj - p.z[p.i]) / p.T) for zj in p.z)]
    fal = lambda p: e_i(p) / (p.T * S(p.z, p.T))
    pts = P(30, n=size(1, 6), z=lambda d: V(d.n), T=lambda d: rpos(), i=idx())
    spec = P(6, n=size(1, 6), z=lambda d: V(d.n), T=1, i=idx())
    check("lse_temperature_gradient_cancel", pts, fns, 3, fal, spec)
_lset()

def _bcew():
    s = lambda p: sig(p.x)
    L = lambda q: -q.w * q.y * ln(sig(q.x)) - (1 - q.y) * ln(1 - sig(q.x))
    ds = lambda p: s(p) * (1 - s(p))
    fns = [lambda p: pd(L, p, "x"),
           lambda p: -p.w * p.y * ds(p) / s(p) + (1 - p.y) * ds(p) / (1 - s(p)),
           lambda p: -p.w * p.y * (1 - s(p)) + (1 - p.y) * s(p),
           lambda p: -p.w * p.y + p.w * p.y * s(p) + s(p) - p.y * s(p),
           lambda p: s(p) * (p.w * p.y + 1 - p.y) - p.w * p.y,
           lambda p: s(p) * (1 + (p.w - 1) * p.y) - p.w * p.y]
    fal = lambda p: s(p) - p.w * p.y
    pts = P(40, x=pick(LADDER), y=lambda d: rq(), w=lambda d: rq())
    spec = P(6, x=pick(LADDER[1::3]), y=lambda d: rq(), w=1) + P(6, x=pick(LADDER[::3]), y=0, w=lambda d: rq())
    check("md_bce_pos_weight_gradient", pts, fns, 4, fal, spec)
_bcew()

def _smT():
    pr = lambda p, k: sm(p.z, p.T)[k]
    e = lambda p, k: exp(p.z[k] / p.T)
    Sq = lambda p: S(p.z, p.T) ** 2
    eq = [lambda p: pd(lambda q: sm(q.z, q.T)[q.i], p, "z", p.i),
          lambda p: ((1 / p.T) * e(p, p.i) * S(p.z, p.T) - e(p, p.i) * (1 / p.T) * e(p, p.i)) / Sq(p),
          lambda p: (1 / p.T) * (pr(p, p.i) - pr(p, p.i) ** 2),
          lambda p: pr(p, p.i) * (1 - pr(p, p.i)) / p.T]
    ne = [lambda p: pd(lambda q: sm(q.z, q.T)[q.i], p, "z", p.j),
          lambda p: -(e(p, p.i) * (1 / p.T) * e(p, p.j)) / Sq(p),
          lambda p: -pr(p, p.i) * pr(p, p.j) / p.T]
    fal = lambda p: -pr(p, p.i) * pr(p, p.j)
    def two(d):
        i = RNG.randrange(d.n); j = RNG.randrange(d.n - 1); return (i, j if j < i else j + 1)
    ptsne = P(30, n=size(2, 6), z=lambda d: V(d.n), T=lambda d: rpos(), ij=two, i=lambda d: d.ij[0], j=lambda d: d.ij[1])
    ptseq = P(24, n=size(1, 6), z=lambda d: V(d.n), T=lambda d: rpos(), i=idx(), j=lambda d: d.i)
    spec = P(6, n=size(2, 5), z=lambda d: V(d.n), T=1, i=0, j=1)
    check("md_softmax_temperature_jacobian_otherwise", ptsne, ne, 2, fal, spec, [("case i = j", ptseq, eq)])
_smT()

def _ent():
    Pp = lambda p: sm(p.z)
    H = lambda q: -sum(v * ln(v) for v in sm(q.z))
    plnp = lambda p: sum(v * ln(v) for v in Pp(p))
    fns = [lambda p: pd(H, p, "z", p.i),
           lambda p: -sum((ln(Pp(p)[k]) + 1) * pd(lambda q, k=k: sm(q.z)[k], p, "z", p.i) for k in range(p.n)),
           lambda p: -sum((ln(Pp(p)[k]) + 1) * (Pp(p)[k] * (k == p.i) - Pp(p)[k] * Pp(p)[p.i]) for k in range(p.n)),
           lambda p: -Pp(p)[p.i] * ln(Pp(p)[p.i]) - Pp(p)[p.i] + Pp(p)[p.i] * plnp(p) + Pp(p)[p.i] * sum(Pp(p)),
           lambda p: -Pp(p)[p.i] * ln(Pp(p)[p.i]) + Pp(p)[p.i] * plnp(p),
           lambda p: -Pp(p)[p.i] * (ln(Pp(p)[p.i]) + H(p))]
    fal = lambda p: -Pp(p)[p.i] * ln(Pp(p)[p.i]) - Pp(p)[p.i] * plnp(p)
    pts = P(30, n=size(1, 6), z=lambda d: V(d.n, rsmall), i=idx())
    spec = P(5, n=1, z=lambda d: V(1), i=0)
    check("softmax_entropy_gradient_sign", pts, fns, 4, fal, spec)
_ent()

def _lse3():
    fns = [lambda p: pd(lambda q: ln(exp(q.a) + exp(q.b) + exp(q.c)), p, "a"),
           lambda p: exp(p.a) / (exp(p.a) + exp(p.b) + exp(p.c)),
           lambda p: 1 / (1 + exp(p.b - p.a) + exp(p.c - p.a)),
           lambda p: 1 / (1 + exp(-p.a) * (exp(p.b) + exp(p.c))),
           lambda p: 1 / (1 + exp(ln(exp(p.b) + exp(p.c)) - p.a))]
    fal = lambda p: 1 / (1 + exp(p.a - p.b) + exp(p.c - p.a))
    pts = P(40, a=pick(LADDER), b=lambda d: rq(), c=lambda d: rq())
    spec = P(8, a=pick(LADDER[::2]), b=lambda d: d.a, c=lambda d: rq())
    check("md_three_logit_lse_slope", pts, fns, 2, fal, spec)
_lse3()

# ================= B  normalisation layers
def _lnvar():
    mu = lambda p: mean(p.x)
    s2 = lambda p: sum(v ** 2 for v in p.x)
    fns = [lambda p: sum((v - mu(p)) ** 2 for v in p.x) / p.n + p.eps,
           lambda p: sum(v ** 2 - 2 * mu(p) * v + mu(p) ** 2 for v in p.x) / p.n + p.eps,
           lambda p: s2(p) / p.n - 2 * mu(p) / p.n * sum(p.x) + mu(p) ** 2 + p.eps,
           lambda p: s2(p) / p.n - 2 * mu(p) ** 2 + mu(p) ** 2 + p.eps,
           lambda p: s2(p) / p.n - mu(p) ** 2 + p.eps,
           lambda p: s2(p) / p.n - sum(p.x) ** 2 / p.n ** 2 + p.eps]
    fal = lambda p: s2(p) / p.n - p.n * mu(p) ** 2 + p.eps
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), eps=lambda d: rpos() / 1000)
    spec = P(6, n=1, x=lambda d: V(1), eps=lambda d: rpos() / 1000)
    check("layernorm_variance_eps_by_sums", pts, fns, 4, fal, spec)
_lnvar()

def _bnsum():
    mu = lambda p: mean(p.x)
    s = lambda p: sqrt(sum((v - mu(p)) ** 2 for v in p.x) / p.n + p.eps)
    xh = lambda p: [(v - mu(p)) / s(p) for v in p.x]
    gb = lambda p: mean(p.g)
    c = lambda p: sum(g * h for g, h in zip(p.g, xh(p))) / p.n
    fns = [lambda p: sum((1 / s(p)) * (p.g[j] - gb(p) - xh(p)[j] * c(p)) for j in range(p.n)),
           lambda p: (1 / s(p)) * (sum(p.g) - p.n * gb(p) - c(p) * sum(xh(p))),
           lambda p: -c(p) / s(p) * sum(xh(p)),
           lambda p: -c(p) / s(p) ** 2 * (sum(p.x) - p.n * mu(p)),
           lambda p: mpf(0)]
    fal = lambda p: (1 / s(p)) * (sum(p.g) - gb(p) - c(p) * sum(xh(p)))
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), g=lambda d: V(d.n), eps=lambda d: rpos() / 100)
    spec = P(6, n=1, x=lambda d: V(1), g=lambda d: V(1), eps=lambda d: rpos() / 100)
    check("md_batchnorm_input_grad_sums_to_zero", pts, fns, 1, fal, spec)
_bnsum()

def _rms():
    inner = lambda q: sum(v ** 2 for v in q.x) / q.n + q.eps
    r = lambda q: sqrt(inner(q))
    s2 = lambda p: sum(v ** 2 for v in p.x)
    fns = [lambda p: pd(r, p, "x", p.j),
           lambda p: 1 / (2 * r(p)) * pd(inner, p, "x", p.j),
           lambda p: 1 / (2 * r(p)) * (2 * p.x[p.j] / p.n),
           lambda p: p.x[p.j] / (p.n * r(p)),
           lambda p: p.x[p.j] / sqrt(p.n ** 2 * inner(p)),
           lambda p: p.x[p.j] / sqrt(p.n * s2(p) + p.n ** 2 * p.eps)]
    fal = lambda p: p.x[p.j] / sqrt(p.n * s2(p) + p.n * p.eps)
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), eps=lambda d: rpos() / 10, j=idx())
    spec = P(6, n=1, x=lambda d: V(1), eps=lambda d: rpos() / 10, j=0)
    check("rmsnorm_scale_grad_eps", pts, fns, 5, fal, spec)
_rms()

def _csq():
    mu = lambda p: mean(p.x)
    sqf = lambda q: (q.x[q.i] - mean(q.x)) ** 2
    lin = lambda q: q.x[q.i] - mean(q.x)
    eq = [lambda p: pd(sqf, p, "x", p.j),
          lambda p: 2 * (p.x[p.i] - mu(p)) * pd(lin, p, "x", p.j),
          lambda p: 2 * (p.x[p.i] - mu(p)) * (1 - mpf(1) / p.n),
          lambda p: mpf(2) * (p.n - 1) / p.n * (p.x[p.i] - mu(p))]
    ne = [eq[0], eq[1], lambda p: -mpf(2) / p.n * (p.x[p.i] - mu(p))]
    fal = lambda p: 2 * (p.x[p.i] - mu(p))
    def two(d):
        i = RNG.randrange(d.n); j = RNG.randrange(d.n - 1); return (i, j if j < i else j + 1)
    ptseq = P(30, n=size(1, 6), x=lambda d: V(d.n), i=idx(), j=lambda d: d.i)
    ptsne = P(24, n=size(2, 6), x=lambda d: V(d.n), ij=two, i=lambda d: d.ij[0], j=lambda d: d.ij[1])
    spec = P(6, n=1, x=lambda d: V(1), i=0, j=0)
    check("md_centred_square_grad_cases", ptseq, eq, 3, fal, spec, [("Otherwise (i != j)", ptsne, ne)])
_csq()

def _bng():
    def parts(q):
        mu = mean(q.x); v = sum((a - mu) ** 2 for a in q.x) / q.n
        return mu, v, [(a - mu) / sqrt(v + q.eps) for a in q.x]
    L = lambda q: sum((q.gm * h + q.be - t) ** 2 for h, t in zip(parts(q)[2], q.t)) / 2
    xh = lambda p: parts(p)[2]
    txh = lambda p: sum(t * h for t, h in zip(p.t, xh(p)))
    fns = [lambda p: pd(L, p, "gm"),
           lambda p: sum((p.gm * h + p.be - t) * h for h, t in zip(xh(p), p.t)),
           lambda p: p.gm * sum(h ** 2 for h in xh(p)) + p.be * sum(xh(p)) - txh(p),
           lambda p: p.gm * sum(h ** 2 for h in xh(p)) - txh(p),
           lambda p: p.gm * sum((a - parts(p)[0]) ** 2 / (parts(p)[1] + p.eps) for a in p.x) - txh(p),
           lambda p: p.gm * p.n * parts(p)[1] / (parts(p)[1] + p.eps) - txh(p)]
    fal = lambda p: p.gm * p.n - txh(p)
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), t=lambda d: V(d.n), eps=lambda d: rpos() / 10,
            gm=lambda d: rq(), be=lambda d: rq())
    def distinct(d):
        return [mpf(k) + rq() / 100 for k in range(d.n)]
    spec = P(6, n=size(2, 5), x=distinct, t=lambda d: V(d.n), eps=0, gm=lambda d: rq(), be=lambda d: rq())
    check("batchnorm_gamma_grad_eps", pts, fns, 5, fal, spec)
_bng()

def _rmsout():
    s2 = lambda p: sum(v ** 2 for v in p.x)
    r = lambda p: sqrt(s2(p) / p.n + p.eps)
    fns = [lambda p: sum((v / r(p)) ** 2 for v in p.x) / p.n,
           lambda p: sum(v ** 2 / r(p) ** 2 for v in p.x) / p.n,
           lambda p: s2(p) / (p.n * r(p) ** 2),
           lambda p: s2(p) / (s2(p) + p.n * p.eps),
           lambda p: 1 - p.n * p.eps / (s2(p) + p.n * p.eps)]
    fal = lambda p: s2(p) / (s2(p) + p.eps)
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), eps=lambda d: rpos())
    spec = P(6, n=1, x=lambda d: V(1), eps=lambda d: rpos())
    check("md_rmsnorm_output_mean_square", pts, fns, 3, fal, spec)
_rmsout()

def _wcl():
    mu = lambda p: mean(p.x)
    c = lambda p, k: p.x[k] - mu(p)
    L = lambda q: sum(q.w[k] * (q.x[k] - mean(q.x)) ** 2 for k in range(q.n))
    fns = [lambda p: pd(L, p, "x", p.j),
           lambda p: sum(2 * p.w[k] * c(p, k) * pd(lambda q, k=k: q.x[k] - mean(q.x), p, "x", p.j) for k in range(p.n)),
           lambda p: sum(2 * p.w[k] * c(p, k) * ((k == p.j) - mpf(1) / p.n) for k in range(p.n)),
           lambda p: 2 * p.w[p.j] * c(p, p.j) - mpf(2) / p.n * sum(p.w[k] * c(p, k) for k in range(p.n)),
           lambda p: 2 * p.w[p.j] * (p.x[p.j] - mu(p)) - mpf(2) / p.n * sum(p.w[k] * (p.x[k] - mu(p)) for k in range(p.n))]
    fal = lambda p: 2 * p.w[p.j] * c(p, p.j) - mpf(2) / p.n * p.w[p.j] * c(p, p.j)
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), w=lambda d: V(d.n), j=idx())
    spec = P(6, n=1, x=lambda d: V(1), w=lambda d: V(1), j=0)
    check("weighted_centred_loss_grad", pts, fns, 3, fal, spec)
_wcl()

# ================= C  activations
def _gelut():
    A3 = mpf("0.044715"); B3 = mpf("0.134145"); c = sqrt(2 / pi)
    u = lambda q: c * (q.x + A3 * q.x ** 3)
    g = lambda q: q.x * (1 + tanh(u(q))) / 2
    fns = [lambda p: pd(g, p, "x"),
           lambda p: (1 + tanh(u(p))) / 2 + p.x / 2 * pd(lambda q: tanh(u(q)), p, "x"),
           lambda p: (1 + tanh(u(p))) / 2 + p.x / 2 * (1 - tanh(u(p)) ** 2) * pd(u, p, "x"),
           lambda p: (1 + tanh(u(p))) / 2 + p.x / 2 * (1 - tanh(u(p)) ** 2) * c * (1 + B3 * p.x ** 2),
           lambda p: (1 + tanh(u(p))) / 2 + sqrt(2) * p.x * (1 + B3 * p.x ** 2) / (2 * sqrt(pi) * cosh(u(p)) ** 2)]
    fal = lambda p: (1 + tanh(u(p))) / 2 + p.x / 2 * (1 - tanh(u(p)) ** 2) * c * (1 + A3 * p.x ** 2)
    pts = P(len(LADDER) + 10, x=lambda d: LADDER[d._t] if d._t < len(LADDER) else rq() / 4)
    check("md_gelu_tanh_slope", pts, fns, 3, fal, [D(x=mpf(0))])
_gelut()

def _spinv():
    s = lambda p: ln(1 + exp(p.b * p.x)) / p.b
    fns = [lambda p: ln(exp(p.b * s(p)) - 1) / p.b,
           lambda p: ln(exp(ln(1 + exp(p.b * p.x))) - 1) / p.b,
           lambda p: ln(1 + exp(p.b * p.x) - 1) / p.b,
           lambda p: ln(exp(p.b * p.x)) / p.b,
           lambda p: p.x]
    fal = lambda p: ln(exp(p.b * ln(1 + exp(p.b * p.x))) - 1) / p.b
    B = [mpf("0.25"), mpf("0.5"), mpf(1), mpf(2), mpf("3.5"), mpf(5)]
    pts = P(54, x=pick(LADDER), b=lambda d: B[d._t % 6])
    spec = P(8, x=pick(LADDER[1::2]), b=1)
    check("softplus_beta_inverse_roundtrip", pts, fns, 1, fal, spec)
_spinv()

def _spd():
    fns = [lambda p: pd(lambda q: ln(1 + exp(q.b * q.x)) / q.b, p, "x"),
           lambda p: (1 / p.b) * (p.b * exp(p.b * p.x) / (1 + exp(p.b * p.x))),
           lambda p: exp(p.b * p.x) / (1 + exp(p.b * p.x)),
           lambda p: 1 / (1 + exp(-p.b * p.x)),
           lambda p: 1 - 1 / (1 + exp(p.b * p.x))]
    fal = lambda p: 1 / (1 + exp(-p.x))
    pts = P(40, x=pick(LADDER), b=lambda d: rpos())
    spec = P(6, x=pick(LADDER[::3]), b=1) + [D(x=mpf(0), b=mpf(3))]
    check("md_softplus_beta_slope", pts, fns, 3, fal, spec)
_spd()

def _elu():
    elu = lambda q: q.x if q.x > 0 else q.al * (exp(q.x) - 1)
    pos = [lambda p: pd(elu, p, "x"), lambda p: pd(lambda q: q.x, p, "x"), lambda p: mpf(1)]
    neg = [lambda p: pd(elu, p, "x"),
           lambda p: pd(lambda q: q.al * (exp(q.x) - 1), p, "x"),
           lambda p: p.al * exp(p.x),
           lambda p: p.al * (exp(p.x) - 1) + p.al,
           lambda p: elu(p) + p.al]
    fal = lambda p: elu(p) + 1
    NEG = [v for v in LADDER if v < 0]; POS = [v for v in LADDER if v > 0]
    ptsn = P(30, x=pick(NEG), al=lambda d: rpos())
    ptsp = P(20, x=pick(POS), al=lambda d: rpos())
    spec = P(6, x=pick(NEG), al=1)
    check("elu_slope_via_output", ptsn, neg, 4, fal, spec, [("case x > 0", ptsp, pos)])
_elu()

def _swish():
    s = lambda p: sig(p.b * p.x)
    f = lambda q: q.x * sig(q.b * q.x)
    fns = [lambda p: pd(f, p, "x"),
           lambda p: s(p) + p.x * p.b * s(p) * (1 - s(p)),
           lambda p: s(p) + p.b * p.x * s(p) - p.b * p.x * s(p) ** 2,
           lambda p: p.b * f(p) + s(p) - p.b * f(p) * s(p),
           lambda p: p.b * f(p) + s(p) * (1 - p.b * f(p))]
    fal = lambda p: p.b * f(p) + s(p) * (1 - f(p))
    pts = P(40, x=pick(LADDER), b=lambda d: rq())
    spec = P(8, x=pick(LADDER[::2]), b=1)
    check("md_swish_beta_slope_via_output", pts, fns, 4, fal, spec)
_swish()

def _hsig():
    def pw(x):
        if x <= -3: return mpf(0)
        if x < 3: return (x + 3) / 6
        return mpf(1)
    fns = [lambda p: min(mpf(1), max(mpf(0), (p.x + 3) / 6)),
           lambda p: pw(p.x),
           lambda p: (max(mpf(0), p.x + 3) - max(mpf(0), p.x - 3)) / 6,
           lambda p: (abs(p.x + 3) - abs(p.x - 3)) / 12 + mpf(1) / 2]
    fal = lambda p: (abs(p.x + 3) - abs(p.x - 3)) / 6 + mpf(1) / 2
    pts = P(len(LADDER) + 12, x=lambda d: LADDER[d._t] if d._t < len(LADDER) else rq())
    check("md_hard_sigmoid_pieces_and_bars", pts, fns, 3, fal, [D(x=mpf(0))])
_hsig()

def _gelu_odd():
    Phi = lambda t: (1 + erf(t / sqrt(2))) / 2
    gelu = lambda t: t * Phi(t)
    E = lambda p: erf(p.x / sqrt(2))
    fns = [lambda p: gelu(p.x) - gelu(-p.x),
           lambda p: p.x * Phi(p.x) + p.x * Phi(-p.x),
           lambda p: p.x / 2 * (1 + E(p)) + p.x / 2 * (1 - E(p)),
           lambda p: p.x / 2 * 2,
           lambda p: p.x]
    fal = lambda p: p.x / 2 * (1 + E(p)) + p.x / 2 * (1 + E(p))
    pts = P(len(LADDER) + 10, x=lambda d: LADDER[d._t] if d._t < len(LADDER) else rq())
    check("gelu_erf_odd_part", pts, fns, 2, fal, [D(x=mpf(0))])
_gelu_odd()

# ================= D  losses and regularisers
def _huber():
    r = lambda q: q.w * q.x - q.y
    H = lambda q: r(q) ** 2 / 2 if abs(r(q)) <= q.dl else q.dl * (abs(r(q)) - q.dl / 2)
    f0 = lambda p: pd(H, p, "w")
    up = [f0, lambda p: pd(lambda q: q.dl * (q.w * q.x - q.y - q.dl / 2), p, "w"), lambda p: p.x * p.dl]
    lo = [f0, lambda p: pd(lambda q: q.dl * (q.y - q.w * q.x - q.dl / 2), p, "w"), lambda p: -p.x * p.dl]
    mid = [f0, lambda p: pd(lambda q: (q.w * q.x - q.y) ** 2 / 2, p, "w"),
           lambda p: (p.w * p.x - p.y) * p.x, lambda p: p.w * p.x ** 2 - p.x * p.y]
    fal = lambda p: p.dl
    allp = P(400, w=lambda d: rq(), x=lambda d: rnz(), y=lambda d: rq(), dl=lambda d: rpos() / 2)
    sel = lambda cond: [p for p in allp if cond(r(p), p.dl)]
    ptsu = sel(lambda rr, dl: rr > dl * (1 + mpf(10) ** -6))
    ptsl = sel(lambda rr, dl: rr < -dl * (1 + mpf(10) ** -6))
    ptsm = sel(lambda rr, dl: abs(rr) < dl * (1 - mpf(10) ** -6))
    spec = [D(w=mpf(5), x=mpf(1), y=mpf(1), dl=mpf(1)), D(w=mpf(9), x=mpf(1), y=mpf(-2), dl=mpf(3))]
    check("huber_linear_residual_regions", ptsu, up, 2, fal, spec,
          [("case r < -delta", ptsl, lo), ("case |r| < delta", ptsm, mid)])
_huber()

def _sqh():
    L = lambda q: max(mpf(0), 1 - q.t * q.w * q.x) ** 2 + q.lm / 2 * q.w ** 2
    act = [lambda p: pd(L, p, "w"),
           lambda p: p.lm * p.w + pd(lambda q: (1 - q.t * q.w * q.x) ** 2, p, "w"),
           lambda p: -2 * p.t * p.x * (1 - p.t * p.w * p.x) + p.lm * p.w,
           lambda p: 2 * p.t ** 2 * p.x ** 2 * p.w - 2 * p.t * p.x + p.lm * p.w]
    oth = [act[0], lambda p: p.lm * p.w]
    fal = lambda p: -2 * p.x * (1 - p.t * p.w * p.x) + p.lm * p.w
    allp = P(200, w=lambda d: rq() / 3, t=lambda d: rq() / 3, x=lambda d: rq() / 3, lm=lambda d: rpos())
    pa = [p for p in allp if p.t * p.w * p.x < 1 - mpf(10) ** -6]
    po = [p for p in allp if p.t * p.w * p.x > 1 + mpf(10) ** -6]
    spec = [D(w=rq() / 10, t=mpf(1), x=rq() / 10, lm=rpos()) for _ in range(6)]
    spec = [p for p in spec if p.t * p.w * p.x < 1]
    check("md_squared_hinge_decay_label", pa, act, 2, fal, spec, [("Otherwise", po, oth)])
_sqh()

def _klsm():
    a = lambda p: sm(p.u); Su = lambda p: S(p.u); Sv = lambda p: S(p.v)
    b = lambda p: sm(p.v)
    au_v = lambda p: sum(ak * (uk - vk) for ak, uk, vk in zip(a(p), p.u, p.v))
    fns = [lambda p: sum(ak * ln(ak / bk) for ak, bk in zip(a(p), b(p))),
           lambda p: sum(ak * (uk - vk - ln(Su(p)) + ln(Sv(p))) for ak, uk, vk in zip(a(p), p.u, p.v)),
           lambda p: au_v(p) + (ln(Sv(p)) - ln(Su(p))) * sum(a(p)),
           lambda p: au_v(p) + ln(Sv(p)) - ln(Su(p)),
           lambda p: sum(ak * uk for ak, uk in zip(a(p), p.u)) - sum(ak * vk for ak, vk in zip(a(p), p.v)) + ln(Sv(p) / Su(p))]
    fal = lambda p: au_v(p) - ln(Sv(p)) + ln(Su(p))
    pts = P(30, n=size(1, 6), u=lambda d: V(d.n), v=lambda d: V(d.n))
    spec = P(6, n=size(1, 6), u=lambda d: V(d.n), v=lambda d: list(d.u))
    check("kl_softmax_pair_lse_form", pts, fns, 3, fal, spec)
_klsm()

def _bent():
    p_ = lambda q: sig(q.x)
    H = lambda q: -p_(q) * ln(p_(q)) - (1 - p_(q)) * ln(1 - p_(q))
    fns = [lambda p: pd(H, p, "x"),
           lambda p: (-ln(p_(p)) - 1 + ln(1 - p_(p)) + 1) * pd(p_, p, "x"),
           lambda p: ln((1 - p_(p)) / p_(p)) * p_(p) * (1 - p_(p)),
           lambda p: ln(exp(-p.x)) * p_(p) * (1 - p_(p)),
           lambda p: -p.x * p_(p) * (1 - p_(p)),
           lambda p: -p.x * exp(-p.x) / (1 + exp(-p.x)) ** 2]
    fal = lambda p: ln(exp(p.x)) * p_(p) * (1 - p_(p))
    pts = P(len(LADDER) + 10, x=lambda d: LADDER[d._t] if d._t < len(LADDER) else rq())
    check("md_bernoulli_entropy_logit_slope", pts, fns, 3, fal, [D(x=mpf(0))])
_bent()

def _enet():
    L = lambda q: sum((q.w * xk - yk) ** 2 for xk, yk in zip(q.x, q.y)) / 2 + q.al * abs(q.w) + q.be / 2 * q.w ** 2
    sxr = lambda p: sum((p.w * xk - yk) * xk for xk, yk in zip(p.x, p.y))
    sx2 = lambda p: sum(xk ** 2 for xk in p.x)
    sxy = lambda p: sum(xk * yk for xk, yk in zip(p.x, p.y))
    f0 = lambda p: pd(L, p, "w")
    pos = [f0, lambda p: sxr(p) + p.al + p.be * p.w, lambda p: p.w * (sx2(p) + p.be) - sxy(p) + p.al]
    neg = [f0, lambda p: sxr(p) - p.al + p.be * p.w, lambda p: p.w * (sx2(p) + p.be) - sxy(p) - p.al]
    fal = lambda p: p.w * (sx2(p) + p.be) - sxy(p) + p.al
    gen = dict(n=size(1, 6), x=lambda d: V(d.n), y=lambda d: V(d.n), al=lambda d: rpos(), be=lambda d: rpos())
    pn = P(30, w=lambda d: -rpos(), **gen)
    pp = P(24, w=lambda d: rpos(), **gen)
    spec = P(6, w=lambda d: -rpos(), n=size(1, 6), x=lambda d: V(d.n), y=lambda d: V(d.n), al=0, be=lambda d: rpos())
    check("elastic_net_negative_side_sum", pn, neg, 2, fal, spec, [("case w > 0", pp, pos)])
_enet()

def _mse():
    xb = lambda p: mean(p.x)
    L = lambda q: sum((q.w * xk + q.b - yk) ** 2 for xk, yk in zip(q.x, q.y)) / q.n
    sx2 = lambda p: sum(v ** 2 for v in p.x)
    sxy = lambda p: sum(a * b for a, b in zip(p.x, p.y))
    fns = [lambda p: pd(L, p, "w"),
           lambda p: mpf(2) / p.n * sum((p.w * xk + p.b - yk) * xk for xk, yk in zip(p.x, p.y)),
           lambda p: mpf(2) / p.n * (p.w * sx2(p) + p.b * sum(p.x) - sxy(p)),
           lambda p: 2 * p.w / p.n * sx2(p) + 2 * p.b * xb(p) - mpf(2) / p.n * sxy(p),
           lambda p: mpf(2) / p.n * sum(xk * (p.w * xk - yk) for xk, yk in zip(p.x, p.y)) + 2 * p.b * xb(p)]
    fal = lambda p: 2 * p.w / p.n * sx2(p) + 2 * p.b / p.n * xb(p) - mpf(2) / p.n * sxy(p)
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), y=lambda d: V(d.n), w=lambda d: rq(), b=lambda d: rnz())
    spec = P(6, n=1, x=lambda d: V(1), y=lambda d: V(1), w=lambda d: rq(), b=lambda d: rq())
    check("md_mse_weight_grad_means", pts, fns, 3, fal, spec)
_mse()

def _pinball():
    r = lambda q: q.y - q.w * q.x
    L = lambda q: max(q.tau * r(q), (q.tau - 1) * r(q))
    f0 = lambda p: pd(L, p, "w")
    pos = [f0, lambda p: pd(lambda q: q.tau * (q.y - q.w * q.x), p, "w"), lambda p: -p.tau * p.x]
    neg = [f0, lambda p: pd(lambda q: (q.tau - 1) * (q.y - q.w * q.x), p, "w"),
           lambda p: (p.tau - 1) * (-p.x), lambda p: (1 - p.tau) * p.x]
    fal = lambda p: p.tau * p.x
    allp = P(200, w=lambda d: rq(), x=lambda d: rnz(), y=lambda d: rq(), tau=lambda d: rpos() / 5)
    pn = [p for p in allp if r(p) < -mpf(10) ** -6]
    pp = [p for p in allp if r(p) > mpf(10) ** -6]
    spec = [D(w=mpf(2), x=mpf(3), y=mpf(1), tau=mpf(1) / 2), D(w=mpf(-1), x=mpf(-5), y=mpf(-7), tau=mpf(1) / 2)]
    check("pinball_loss_weight_grad_sides", pn, neg, 3, fal, spec, [("case y - w x > 0", pp, pos)])
_pinball()

# ================= E  matrix and vector calculus
MS = [1, 2, 3, 4]
def _ridge():
    L = lambda q: fro2(q.X * q.w - q.y) / (2 * q.N) + q.lm / 2 * fro2(q.w)
    XtX = lambda p: p.X.T * p.X
    fns = [lambda p: grad(L, p, "w"),
           lambda p: (mpf(1) / p.N) * (p.X.T * (p.X * p.w - p.y)) + p.lm * p.w,
           lambda p: (mpf(1) / p.N) * (XtX(p) * p.w - p.X.T * p.y) + p.lm * p.w,
           lambda p: (mpf(1) / p.N) * (XtX(p) * p.w) + p.lm * p.w - (mpf(1) / p.N) * (p.X.T * p.y),
           lambda p: ((mpf(1) / p.N) * XtX(p) + p.lm * eye(p.p)) * p.w - (mpf(1) / p.N) * (p.X.T * p.y)]
    fal = lambda p: (mpf(1) / p.N) * ((XtX(p) + p.lm * eye(p.p)) * p.w) - (mpf(1) / p.N) * (p.X.T * p.y)
    pts = P(24, N=lambda d: MS[d._t % 4], p=lambda d: MS[(d._t // 4) % 4], X=lambda d: rmat(d.N, d.p),
            w=lambda d: rmat(d.p, 1), y=lambda d: rmat(d.N, 1), lm=lambda d: rpos())
    pts = [q for q in pts if q.N != 1 or True]
    spec = P(4, N=1, p=lambda d: MS[d._t], X=lambda d: rmat(1, d.p), w=lambda d: rmat(d.p, 1),
             y=lambda d: rmat(1, 1), lm=lambda d: rpos())
    check("ridge_mean_gradient_lambda_inside", pts, fns, 4, fal, spec)
_ridge()

def _logit_sq():
    L = lambda q: sum(ln(1 + exp(v)) for v in (q.X * q.w)) - sc(q.y.T * q.X * q.w)
    sg = lambda p: emap(sig, p.X * p.w)
    fns = [lambda p: grad(L, p, "w"),
           lambda p: p.X.T * sg(p) - p.X.T * p.y,
           lambda p: p.X.T * sg(p) - (p.y.T * p.X).T,
           lambda p: p.X.T * (sg(p) - p.y)]
    fal = lambda p: p.X * (sg(p) - p.y)
    pts = P(16, n=lambda d: MS[d._t % 4], X=lambda d: rmat(d.n, d.n) / 4, w=lambda d: rmat(d.n, 1) / 4,
            y=lambda d: rmat(d.n, 1))
    spec = P(8, n=lambda d: MS[d._t % 4], X=lambda d: rsym(d.n), w=lambda d: rmat(d.n, 1) / 4, y=lambda d: rmat(d.n, 1))
    check("md_logistic_gradient_square_design", pts, fns, 3, fal, spec)
_logit_sq()

def _maha():
    f = lambda q: sc((q.x - q.m).T * q.A * (q.x - q.m))
    f1 = lambda q: sc(q.x.T * q.A * q.x - q.m.T * q.A * q.x - q.x.T * q.A * q.m + q.m.T * q.A * q.m)
    S_ = lambda p: p.A + p.A.T
    fns = [lambda p: grad(f, p, "x"), lambda p: grad(f1, p, "x"),
           lambda p: S_(p) * p.x - p.A.T * p.m - p.A * p.m,
           lambda p: S_(p) * p.x - S_(p) * p.m,
           lambda p: S_(p) * (p.x - p.m)]
    fal = lambda p: S_(p) * p.x - 2 * (p.A * p.m)
    pts = P(16, n=lambda d: MS[d._t % 4], A=lambda d: rmat(d.n, d.n), x=lambda d: rmat(d.n, 1), m=lambda d: rmat(d.n, 1))
    spec = P(8, n=lambda d: MS[d._t % 4], A=lambda d: rsym(d.n), x=lambda d: rmat(d.n, 1), m=lambda d: rmat(d.n, 1))
    check("quadratic_form_about_centre_gradient", pts, fns, 2, fal, spec)
_maha()

def _attn():
    def F(q):
        return sum(q.G[i, j] * sum(q.Q[i, m] * q.K[j, m] for m in range(q.h)) / sqrt(q.h)
                   for i in range(q.n) for j in range(q.n))
    fns = [lambda p: pd(F, p, "Q", (p.a, p.b)),
           lambda p: 1 / sqrt(p.h) * sum(p.G[i, j] * pd(lambda q, i=i, j=j: sum(q.Q[i, m] * q.K[j, m] for m in range(q.h)), p, "Q", (p.a, p.b))
                                         for i in range(p.n) for j in range(p.n)),
           lambda p: 1 / sqrt(p.h) * sum(p.G[p.a, j] * p.K[j, p.b] for j in range(p.n)),
           lambda p: 1 / sqrt(p.h) * (p.G * p.K)[p.a, p.b]]
    fal = lambda p: 1 / sqrt(p.h) * sum(p.G[j, p.a] * p.K[j, p.b] for j in range(p.n))
    gen = dict(n=lambda d: MS[d._t % 4], h=lambda d: MS[(d._t // 4) % 4], Q=lambda d: rmat(d.n, d.h),
               K=lambda d: rmat(d.n, d.h))
    pts = P(20, **gen, G=lambda d: rmat(d.n, d.n), a=idx("n"), b=idx("h"))
    spec = P(8, **gen, G=lambda d: rsym(d.n), a=idx("n"), b=idx("h"))
    check("attention_query_grad_elements", pts, fns, 2, fal, spec)
_attn()

def _lsq():
    f = lambda q: fro2(q.X * q.w - q.y) / 2
    f1 = lambda q: sc(q.w.T * q.X.T * q.X * q.w - 2 * q.y.T * q.X * q.w + q.y.T * q.y) / 2
    fns = [lambda p: grad(f, p, "w"), lambda p: grad(f1, p, "w"),
           lambda p: (2 * (p.X.T * p.X * p.w) - 2 * (p.X.T * p.y)) / 2,
           lambda p: p.X.T * p.X * p.w - p.X.T * p.y,
           lambda p: p.X.T * (p.X * p.w - p.y)]
    fal = lambda p: (2 * (p.X.T * p.X * p.w) - p.X.T * p.y) / 2
    gen = dict(N=lambda d: MS[d._t % 4], p=lambda d: MS[(d._t // 4) % 4], X=lambda d: rmat(d.N, d.p), w=lambda d: rmat(d.p, 1))
    pts = P(20, **gen, y=lambda d: rmat(d.N, 1))
    spec = P(8, **gen, y=lambda d: M.matrix(d.N, 1))
    check("md_least_squares_expand_half", pts, fns, 2, fal, spec)
_lsq()

def _mridge():
    F = lambda q: fro2(q.X * q.W - q.Y) / 2 + q.lm / 2 * fro2(q.W)
    F1 = lambda q: tr((q.X * q.W - q.Y).T * (q.X * q.W - q.Y)) / 2
    fns = [lambda p: grad(F, p, "W"),
           lambda p: p.lm * p.W + grad(F1, p, "W"),
           lambda p: p.X.T * (p.X * p.W - p.Y) + p.lm * p.W,
           lambda p: p.X.T * p.X * p.W + p.lm * p.W - p.X.T * p.Y,
           lambda p: (p.X.T * p.X + p.lm * eye(p.p)) * p.W - p.X.T * p.Y]
    fal = lambda p: p.W * (p.X.T * p.X + p.lm * eye(p.p)) - p.X.T * p.Y
    gen = dict(N=lambda d: MS[d._t % 4], p=lambda d: MS[(d._t // 4) % 4])
    pts = P(16, **gen, X=lambda d: rmat(d.N, d.p), W=lambda d: rmat(d.p, d.p), Y=lambda d: rmat(d.N, d.p), lm=lambda d: rpos())
    spec = P(4, N=lambda d: MS[d._t], p=1, X=lambda d: rmat(d.N, 1), W=lambda d: rmat(1, 1), Y=lambda d: rmat(d.N, 1), lm=lambda d: rpos())
    check("matrix_ridge_grad_order", pts, fns, 4, fal, spec)
_mridge()

def _hessq():
    f = lambda q: sc(q.x.T * q.A * q.x) / 2 + fro2(q.x)
    fns = [lambda p: hess(f, p, "x"),
           lambda p: hess(lambda q: sc(q.x.T * q.A * q.x), p, "x") / 2 + hess(lambda q: fro2(q.x), p, "x"),
           lambda p: (p.A + p.A.T) / 2 + 2 * eye(p.n),
           lambda p: (p.A + p.A.T + 4 * eye(p.n)) / 2]
    fal = lambda p: p.A + 2 * eye(p.n)
    pts = P(12, n=lambda d: MS[d._t % 4], A=lambda d: rmat(d.n, d.n), x=lambda d: rmat(d.n, 1))
    spec = P(8, n=lambda d: MS[d._t % 4], A=lambda d: rsym(d.n), x=lambda d: rmat(d.n, 1))
    check("md_hessian_quadratic_plus_norm", pts, fns, 2, fal, spec)
_hessq()

# ================= F  probability and estimation with sums
def _gscale():
    ss = lambda p: sum((v - p.mu) ** 2 for v in p.x)
    ell = lambda q: -mpf(q.n) / 2 * ln(2 * pi * q.s ** 2) - sum((v - q.mu) ** 2 for v in q.x) / (2 * q.s ** 2)
    fns = [lambda p: pd(ell, p, "s"),
           lambda p: -mpf(p.n) / 2 * (4 * pi * p.s / (2 * pi * p.s ** 2)) + ss(p) / p.s ** 3,
           lambda p: -p.n / p.s + ss(p) / p.s ** 3,
           lambda p: (ss(p) - p.n * p.s ** 2) / p.s ** 3,
           lambda p: (sum(v ** 2 for v in p.x) - 2 * p.mu * sum(p.x) + p.n * p.mu ** 2 - p.n * p.s ** 2) / p.s ** 3]
    fal = lambda p: (ss(p) - p.s ** 2) / p.s ** 3
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), s=lambda d: rpos(), mu=lambda d: rq())
    spec = P(6, n=1, x=lambda d: V(1), s=lambda d: rpos(), mu=lambda d: rq())
    check("md_gaussian_scale_score_by_sums", pts, fns, 3, fal, spec)
_gscale()

def _pois():
    fns = [lambda p: pd(lambda q: sum(xk * q.th - tk * exp(q.th) for xk, tk in zip(q.x, q.t)), p, "th"),
           lambda p: sum(xk - tk * exp(p.th) for xk, tk in zip(p.x, p.t)),
           lambda p: sum(p.x) - exp(p.th) * sum(p.t),
           lambda p: sum(xk - tk for xk, tk in zip(p.x, p.t)) - (exp(p.th) - 1) * sum(p.t)]
    fal = lambda p: sum(p.x) - p.n * exp(p.th)
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), t=lambda d: V(d.n, rpos), th=lambda d: rq() / 4)
    spec = P(6, n=size(1, 6), x=lambda d: V(d.n), t=lambda d: [mpf(1)] * d.n, th=lambda d: rq() / 4)
    check("poisson_exposure_log_rate_score", pts, fns, 2, fal, spec)
_pois()

def _shift():
    mu = lambda p: mean(p.x)
    ss = lambda p: sum((v - mu(p)) ** 2 for v in p.x)
    fns = [lambda p: sum((v - p.c) ** 2 for v in p.x),
           lambda p: sum(((v - mu(p)) + (mu(p) - p.c)) ** 2 for v in p.x),
           lambda p: ss(p) + 2 * (mu(p) - p.c) * sum(v - mu(p) for v in p.x) + p.n * (mu(p) - p.c) ** 2,
           lambda p: ss(p) + p.n * (mu(p) - p.c) ** 2,
           lambda p: sum(v ** 2 for v in p.x) - p.n * mu(p) ** 2 + p.n * (mu(p) - p.c) ** 2]
    fal = lambda p: ss(p) + (mu(p) - p.c) ** 2
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n), c=lambda d: rq())
    spec = P(4, n=1, x=lambda d: V(1), c=lambda d: rq()) + P(4, n=size(2, 5), x=lambda d: V(d.n), c=lambda d: mean(d.x))
    check("md_shifted_sum_squares_decomposition", pts, fns, 3, fal, spec)
_shift()

def _gmm():
    E = lambda q, j: exp(q.a[j] - (q.x - q.m[j]) ** 2 / 2)
    Ssum = lambda q: sum(E(q, j) for j in range(q.K))
    r = lambda p: E(p, p.i) / Ssum(p)
    fns = [lambda p: pd(lambda q: ln(Ssum(q)), p, "m", p.i),
           lambda p: 1 / Ssum(p) * E(p, p.i) * (p.x - p.m[p.i]),
           lambda p: E(p, p.i) * (p.x - p.m[p.i]) / Ssum(p),
           lambda p: r(p) * (p.x - p.m[p.i]),
           lambda p: r(p) * p.x - r(p) * p.m[p.i]]
    fal = lambda p: p.x - p.m[p.i]
    pts = P(30, K=size(1, 6), a=lambda d: V(d.K, rsmall), m=lambda d: V(d.K, rsmall), x=lambda d: rsmall(), i=idx("K"))
    spec = P(6, K=1, a=lambda d: V(1), m=lambda d: V(1), x=lambda d: rq(), i=0)
    check("gmm_mean_score_responsibility", pts, fns, 3, fal, spec)
_gmm()

def _resp():
    E = lambda p: [exp(a - (p.x - m) ** 2) for a, m in zip(p.a, p.m)]
    r = lambda p: [e / sum(E(p)) for e in E(p)]
    rm = lambda p: sum(rk * mk for rk, mk in zip(r(p), p.m))
    fns = [lambda p: sum(rk * (p.x - mk) for rk, mk in zip(r(p), p.m)),
           lambda p: p.x * sum(r(p)) - rm(p),
           lambda p: p.x * (sum(E(p)) / sum(E(p))) - rm(p),
           lambda p: p.x - rm(p),
           lambda p: -sum(rk * (mk - p.x) for rk, mk in zip(r(p), p.m))]
    fal = lambda p: p.K * p.x - rm(p)
    pts = P(30, K=size(1, 6), a=lambda d: V(d.K, rsmall), m=lambda d: V(d.K, rsmall), x=lambda d: rsmall())
    spec = P(4, K=1, a=lambda d: V(1), m=lambda d: V(1), x=lambda d: rq()) + \
           P(4, K=size(2, 5), a=lambda d: V(d.K, rsmall), m=lambda d: V(d.K, rsmall), x=0)
    check("md_responsibility_weighted_residual", pts, fns, 3, fal, spec)
_resp()

def _bern():
    pp = lambda p: sig(p.th)
    ll = lambda q: sum(yk * ln(sig(q.th)) + (1 - yk) * ln(1 - sig(q.th)) for yk in q.y)
    fns = [lambda p: pd(ll, p, "th"),
           lambda p: sum(yk * (1 - pp(p)) - (1 - yk) * pp(p) for yk in p.y),
           lambda p: sum(yk - pp(p) for yk in p.y),
           lambda p: sum(p.y) - p.n * pp(p),
           lambda p: p.n * (sum(p.y) / p.n - pp(p))]
    fal = lambda p: sum(p.y) - pp(p)
    pts = P(30, n=size(1, 6), y=lambda d: V(d.n), th=lambda d: rq())
    spec = P(6, n=1, y=lambda d: V(1), th=lambda d: rq())
    check("bernoulli_logit_score_sum", pts, fns, 3, fal, spec)
_bern()

def _cat():
    q_ = lambda p: sm(p.a)
    ell = lambda q: sum(ck * ln(qk) for ck, qk in zip(q.c, sm(q.a)))
    fns = [lambda p: pd(ell, p, "a", p.i),
           lambda p: sum(p.c[k] * pd(lambda q, k=k: q.a[k] - ln(S(q.a)), p, "a", p.i) for k in range(p.K)),
           lambda p: p.c[p.i] - sum(ck * q_(p)[p.i] for ck in p.c),
           lambda p: p.c[p.i] - q_(p)[p.i] * sum(p.c),
           lambda p: p.c[p.i] * (1 - q_(p)[p.i]) - q_(p)[p.i] * sum(p.c[k] for k in range(p.K) if k != p.i)]
    fal = lambda p: p.c[p.i] - q_(p)[p.i]
    pts = P(30, K=size(1, 6), a=lambda d: V(d.K), c=lambda d: V(d.K, rpos), i=idx("K"))
    def norm(d):
        c = V(d.K, rpos); s = sum(c); return [v / s for v in c]
    spec = P(6, K=size(1, 6), a=lambda d: V(d.K), c=norm, i=idx("K"))
    check("md_categorical_counts_logit_score", pts, fns, 3, fal, spec)
_cat()

def _pair():
    mu = lambda p: mean(p.x)
    s2 = lambda p: sum(v ** 2 for v in p.x)
    fns = [lambda p: sum((a - b) ** 2 for a in p.x for b in p.x),
           lambda p: sum(a ** 2 - 2 * a * b + b ** 2 for a in p.x for b in p.x),
           lambda p: 2 * p.n * s2(p) - 2 * sum(p.x) ** 2,
           lambda p: 2 * p.n * (s2(p) - p.n * mu(p) ** 2),
           lambda p: 2 * p.n * sum((v - mu(p)) ** 2 for v in p.x)]
    fal = lambda p: 2 * s2(p) - 2 * sum(p.x) ** 2
    pts = P(30, n=size(1, 6), x=lambda d: V(d.n))
    spec = P(6, n=1, x=lambda d: V(1))
    check("md_pairwise_squared_differences", pts, fns, 2, fal, spec)
_pair()

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
    if nsteps < 4:
        problem(f"{name}: only {nsteps} steps")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
