#!/usr/bin/env python3
"""Check every attack-47 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
line of the file (the true twin's chain, every line that is checked), plus the false twin's
slipped line. Derivatives are taken by mpmath's `diff` (one element at a time, second
derivatives by `diff(f, x, 2)`), never from the closed forms in the files; sums are written out
term by term; vectors of sizes 1 to 6 and matrices of sizes 1 to 4 hold random rationals. A letter
stated through its log (`\\ln L = body`) is L = exp(body), and its log is taken of that value.
Values are compared relative to max(1, |a|, |b|) with tolerance 10^-30. For each pair, on the
domain its file states (its assumptions and, in a case, the case's condition, sampled as the
bound plus or minus t >= 0, a closed end at t = 0 included):
  - every step of the true chain equals the step before it at every point tried, and so does
    every chain of the other derivations or cases of the file ("extra" chains);
  - the false twin's slipped line differs from the line before it at one point at least;
  - at each special point named in the README, the slipped line's false value equals its true
    value.
Rows the documented reading leaves not checked (`\\ln L = …` stating L, the equations after
"Equate … to $0$", a chain's final `= 0` there) are not written as steps here.
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

def colv(n): return M.matrix([[rq()] for _ in range(n)])
def nrm2(v): return sum(v[i, 0] ** 2 for i in range(v.rows))
def dot(u, v): return sum(u[i, 0] * v[i, 0] for i in range(u.rows))
def tpos(d): return 0 if d._t % 5 == 0 else pos()  # t >= 0: the closed end at t = 0 included
def th(p): return pos() if RNG.random() < 0.5 else 1 / pos()

# ================= A  a letter stated through its log
def Lab(q): return exp(q.a * ln(q.th) - q.b * q.th)   # ln L = a ln(theta) - b theta
gA = dict(a=lambda d: rq(), th=lambda d: pos())

def _a1():
    fns = [lambda p: pd(lambda q: ln(Lab(q)), p, "th"), lambda p: p.a / p.th - p.b,
           lambda p: (p.a - p.b * p.th) / p.th, lambda p: p.a / p.th - p.b * p.th / p.th]
    check("md_ln_L_two_params_slope", P(30, **gA, b=lambda d: rq()), fns, 2,
          lambda p: (p.a - p.th) / p.th, P(6, **gA, b=1))
_a1()

def _a2():
    L = lambda q: q.th ** 3 * exp(-2 * q.th)
    der = [lambda p: pd(lambda q: ln(L(q)), p, "th"), lambda p: 3 / p.th - 2,
           lambda p: (3 - 2 * p.th) / p.th]
    fns = [lambda p: ln(L(p)), lambda p: 3 * ln(p.th) - 2 * p.th]
    pts = P(30, th=lambda d: pos())
    check("md_log_L_defined_before_is_claim", pts, fns, 1, lambda p: ln(p.th) - 2 * p.th,
          P(1, th=1), [("derivative", pts, der)])
_a2()

def _a3():
    der = [lambda p: pd(lambda q: ln(Lab(q)), p, "th"), lambda p: p.a / p.th - p.b]
    fns = [lambda p: ln(Lab(p) ** 2), lambda p: 2 * p.a * ln(p.th) - 2 * p.b * p.th]
    pts = P(30, **gA, b=lambda d: rq())
    check("md_ln_L_then_log_of_L_squared", pts, fns, 1,
          lambda p: p.a * ln(p.th) - p.b * p.th,
          P(6, **gA, b=lambda d: d.a * ln(d.th) / d.th), [("derivative", pts, der)])
_a3()

def _a4():
    der = [lambda p: pd(lambda q: ln(Lab(q)), p, "th"), lambda p: p.a / p.th - p.b]
    fns = [lambda p: ln(2 * Lab(p)), lambda p: ln(2) + p.a * ln(p.th) - p.b * p.th]
    pts = P(30, **gA, b=lambda d: rq())
    check("md_ln_L_then_log_of_2L", pts, fns, 1,
          lambda p: 2 * p.a * ln(p.th) - 2 * p.b * p.th,
          P(6, **gA, b=lambda d: (d.a * ln(d.th) - ln(2)) / d.th), [("derivative", pts, der)])
_a4()

def _a5():
    L = lambda q: exp(-ln(q.s) - (q.x - q.mu) ** 2 / (2 * q.s ** 2))
    fns = [lambda p: pd(lambda q: ln(L(q)), p, "mu"), lambda p: (p.x - p.mu) / p.s ** 2,
           lambda p: p.x / p.s ** 2 - p.mu / p.s ** 2]
    g = dict(mu=lambda d: rq(), s=lambda d: pos())
    check("md_ln_L_gaussian_mean_sign", P(30, **g, x=lambda d: rq()), fns, 1,
          lambda p: (p.mu - p.x) / p.s ** 2, P(6, **g, x=lambda d: d.mu))
_a5()

def _a6():
    L = lambda q: q.th ** q.s * exp(-q.m * q.th)
    fns = [lambda p: pd(lambda q: ln(L(q)), p, "th"),
           lambda p: pd(lambda q: q.s * ln(q.th) - q.m * q.th, p, "th"),
           lambda p: p.s / p.th - p.m, lambda p: (p.s - p.m * p.th) / p.th]
    g = dict(s=lambda d: rq(), m=lambda d: rq())
    check("log_of_defined_L_poisson_yaml", P(30, **g, th=lambda d: pos()), fns, 2,
          lambda p: p.s / p.th - p.m * p.th, P(6, **g, th=1))
_a6()

def _a7():
    body = lambda p: p.a * ln(p.th) - p.b * p.th
    der = [lambda p: pd(lambda q: q.a * ln(q.th) - q.b * q.th, p, "th"), lambda p: p.a / p.th - p.b,
           lambda p: (p.a - p.b * p.th) / p.th]
    # the stating row: L := exp(body), so ln L = body; the false row is a claim about a free L
    fns = [body, lambda p: ln(exp(body(p)))]
    pts = P(30, **gA, b=lambda d: rq(), L=lambda d: rnz())
    check("md_ln_L_squared_states_nothing", pts, fns, 1, lambda p: ln(p.L ** 2),
          P(6, **gA, b=lambda d: rq(), L=lambda d: exp((d.a * ln(d.th) - d.b * d.th) / 2)),
          [("slope", pts, der)])
_a7()

def _a8():
    body = lambda p: 3 * ln(p.th) - 2 * p.th
    der = [lambda p: M.diff(lambda t: 3 * ln(t) - 2 * t, p.th, 2), lambda p: -3 / p.th ** 2,
           lambda p: M.diff(lambda t: 3 / t - 2, p.th)]
    fns = [body, lambda p: ln(exp(body(p)))]
    pts = P(30, th=lambda d: pos(), L=lambda d: pos())
    check("md_ln_2L_states_nothing", pts, fns, 1, lambda p: ln(2 * p.L),
          P(6, th=lambda d: pos(), L=lambda d: exp(3 * ln(d.th) - 2 * d.th) / 2),
          [("second slope", pts, der)])
_a8()

# ================= B  equate to 0, equating coefficients, the end of solving
def _b1():
    fns = [lambda p: (p.x + p.a) ** 2, lambda p: (p.x + p.a) * (p.x + p.a),
           lambda p: p.x ** 2 + 2 * p.a * p.x + p.a ** 2, lambda p: p.x * (p.x + 2 * p.a) + p.a ** 2]
    check("md_equate_coefficients_is_no_solving", P(30, x=lambda d: rq(), a=lambda d: rq()), fns,
          3, lambda p: p.x * (p.x + p.a) + p.a ** 2, P(6, x=lambda d: rq(), a=0))
_b1()

def _b2():
    f = lambda w: (w - 3) ** 2 + w ** 3
    first = [lambda p: M.diff(f, p.w), lambda p: 2 * (p.w - 3) + 3 * p.w ** 2,
             lambda p: 3 * p.w ** 2 + 2 * p.w - 6]  # the last: the equation set to 0, rewritten
    fns = [lambda p: M.diff(f, p.w, 2), lambda p: 2 + 6 * p.w, lambda p: 2 * (1 + 3 * p.w)]
    pts = P(30, w=lambda d: rq())
    check("md_equate_to_zero_then_second_derivative", pts, fns, 2,
          lambda p: 2 * (1 + p.w), P(1, w=0), [("first derivative", pts, first)])
_b2()

def _b3():
    L = lambda q: sum((q.w * x - y) ** 2 for x, y in zip(q.x, q.y))
    fns = [lambda p: pd(L, p, "w"), lambda p: 2 * sum((p.w * x - y) * x for x, y in zip(p.x, p.y))]
    g = dict(n=size(1, 6), y=lambda d: V(d.n), w=lambda d: rq())
    check("md_equate_gradient_to_zero_links_checked", P(30, **g, x=lambda d: V(d.n)), fns, 1,
          lambda p: 2 * sum(p.w * x - y for x, y in zip(p.x, p.y)),
          P(6, **g, x=lambda d: [mpf(1)] * d.n))
_b3()

def _b4():
    first = [lambda p: M.diff(lambda w: (w - 3) ** 2, p.w), lambda p: 2 * (p.w - 3)]
    fns = [lambda p: (p.w - 3) ** 2, lambda p: p.w ** 2 - 6 * p.w + 9]
    pts = P(30, w=lambda d: rq())
    check("md_next_paragraph_ends_solving", pts, fns, 1, lambda p: p.w ** 2 - 3 * p.w + 9,
          P(1, w=0), [("slope", pts, first)])
_b4()

def _b5():
    first = [lambda p: M.diff(lambda x: x ** 3 - 12 * x, p.x), lambda p: 3 * p.x ** 2 - 12]
    fns = [lambda p: p.x ** 3 - 12 * p.x, lambda p: p.x * (p.x ** 2 - 12),
           lambda p: p.x * (p.x - 2 * sqrt(3)) * (p.x + 2 * sqrt(3))]
    pts = P(30, x=lambda d: rq())
    check("md_heading_ends_solving", pts, fns, 1, lambda p: p.x ** 2 * (p.x - 12),
          P(2, x=pick([mpf(0), mpf(1)])), [("slope", pts, first)])
    for x in (mpf(2), mpf(-2)):  # the solved equations have the roots +-2
        if not (close(3 * x ** 2 - 12, 0) and close(x ** 2, 4)):
            problem("md_heading_ends_solving: roots")
_b5()

# ================= C  bold letters, declared vectors
def _c1():
    fns = [lambda p: nrm2(p.x + p.y), lambda p: sc((p.x + p.y).T * (p.x + p.y)),
           lambda p: nrm2(p.x) + 2 * dot(p.x, p.y) + nrm2(p.y),
           lambda p: nrm2(p.x) + 2 * sc(p.x.T * p.y) + nrm2(p.y)]
    g = dict(n=size(1, 6), x=lambda d: colv(d.n))
    check("bold_norm_of_sum_cross_term", P(30, **g, y=lambda d: colv(d.n)), fns, 2,
          lambda p: nrm2(p.x) + dot(p.x, p.y) + nrm2(p.y), P(6, **g, y=lambda d: 0 * colv(d.n)))
_c1()

def _c2():
    f = lambda q: nrm2(q.X * q.w - q.y) / 2
    fns = [lambda p: grad(f, p, "w"), lambda p: p.X.T * (p.X * p.w - p.y),
           lambda p: p.X.T * p.X * p.w - p.X.T * p.y]
    g = dict(N=size(1, 4), d=lambda d: RNG.randint(1, 4), X=lambda d: rmat(d.N, d.d),
             w=lambda d: colv(d.d))
    check("bold_least_squares_gradient_term_dropped", P(30, **g, y=lambda d: colv(d.N)), fns, 2,
          lambda p: p.X.T * p.X * p.w, P(6, **g, y=lambda d: 0 * colv(d.N)))
_c2()

def _c3():
    f = lambda q: sc(q.x.T * q.A * q.x)
    fns = [lambda p: grad(f, p, "x"), lambda p: (p.A + p.A.T) * p.x,
           lambda p: p.A * p.x + p.A.T * p.x]
    g = dict(n=size(1, 4), x=lambda d: colv(d.n))
    check("md_bold_quadratic_form_gradient", P(30, **g, A=lambda d: rmat(d.n, d.n)), fns, 1,
          lambda p: 2 * p.A * p.x, P(6, **g, A=lambda d: rsym(d.n)))
_c3()

def _c4():
    f = lambda q: q.lam / 2 * nrm2(q.w)
    fns = [lambda p: grad(f, p, "w"), lambda p: p.lam / 2 * 2 * p.w, lambda p: p.lam * p.w]
    g = dict(d=size(1, 6), w=lambda d: colv(d.d))
    check("md_bold_weight_decay_half", P(30, **g, lam=lambda d: rnz()), fns, 2,
          lambda p: p.lam / 2 * p.w, P(6, **g, lam=0))
_c4()

def _c5():
    fns = [lambda p: sc(M.matrix([[1] * p.n]) * p.x) / p.n,
           lambda p: sum(p.x[j, 0] for j in range(p.n)) / p.n,
           lambda p: sum(p.x[j, 0] for j in range(p.n)) / p.n]
    g = dict(x=lambda d: colv(d.n))
    check("bold_ones_mean_one_over_n", P(30, **g, n=size(1, 6)), fns, 1,
          lambda p: sum(p.x[j, 0] for j in range(p.n)), P(6, **g, n=1))
_c5()

def _c6():
    fns = [lambda p: pd(lambda q: (q.w * q.x + q.b - q.y) ** 2, p, "w"),
           lambda p: 2 * p.x * (p.w * p.x + p.b - p.y),
           lambda p: 2 * p.x * (p.w * p.x + p.b - p.y)]
    g = dict(w=lambda d: rq(), b=lambda d: rq(), y=lambda d: rq())
    check("md_bold_scalar_weight_chain", P(30, **g, x=lambda d: rq()), fns, 1,
          lambda p: 2 * (p.w * p.x + p.b - p.y), P(6, **g, x=1))
_c6()

# ================= D  a function head after a defined name; functions named alone
def _d1():
    f = lambda t: t * exp(-2 * t)
    fns = [lambda p: M.diff(f, p.t), lambda p: exp(-2 * p.t) - 2 * p.t * exp(-2 * p.t),
           lambda p: (1 - 2 * p.t) * exp(-2 * p.t)]
    check("md_head_after_name_exp_decay", P(30, t=lambda d: rsmall()), fns, 2,
          lambda p: (1 - p.t) * exp(-2 * p.t), P(1, t=0))
_d1()

def _d2():
    g = lambda x: x ** 3 - 3 * x
    first = [lambda p: M.diff(g, p.x), lambda p: 3 * p.x ** 2 - 3]
    fns = [lambda p: M.diff(g, p.x, 2), lambda p: M.diff(lambda x: 3 * x ** 2 - 3, p.x),
           lambda p: 6 * p.x]
    pts = P(30, x=lambda d: rq())
    check("md_head_after_name_second_derivative", pts, fns, 2, lambda p: 3 * p.x, P(1, x=0),
          [("dy/dx", pts, first)])
_d2()

def _d3():
    ell = lambda q: -ln(q.s) - (q.x - q.mu) ** 2 / (2 * q.s ** 2)
    fns = [lambda p: pd(ell, p, "mu"), lambda p: (p.x - p.mu) / p.s ** 2,
           lambda p: p.x / p.s ** 2 - p.mu / p.s ** 2]
    g = dict(mu=lambda d: rq(), x=lambda d: rq())
    check("md_ell_mu_sigma_alone_by_mu", P(30, **g, s=lambda d: pos()), fns, 2,
          lambda p: p.x / p.s ** 2 - p.mu, P(6, **g, s=1))
_d3()

def _d4():
    phi = lambda q: q.al * exp(-q.be * q.x)
    fns = [lambda p: pd(phi, p, "be"), lambda p: -p.al * p.x * exp(-p.be * p.x),
           lambda p: -p.x * phi(p)]
    g = dict(al=lambda d: rnz(), be=lambda d: rsmall())
    check("md_phi_alpha_beta_alone_by_beta", P(30, **g, x=lambda d: rsmall()), fns, 1,
          lambda p: -p.al * exp(-p.be * p.x), P(6, **g, x=1))
_d4()

def _d5():
    ell = lambda q: q.k * ln(q.lam) - q.lam
    fns = [lambda p: pd(ell, p, "lam"), lambda p: p.k / p.lam - 1, lambda p: (p.k - p.lam) / p.lam]
    g = dict(lam=lambda d: pos())
    check("md_ell_lambda_alone_poisson", P(30, **g, k=lambda d: rq()), fns, 1,
          lambda p: 1 / p.lam - 1, P(6, **g, k=1))
_d5()

def _d6():
    ell = lambda q: -ln(q.s) - (q.x - q.mu) ** 2 / (2 * q.s ** 2)
    fns = [lambda p: M.diff(lambda m: ell(D(p, mu=m)), p.mu, 2),
           lambda p: pd(lambda q: (q.x - q.mu) / q.s ** 2, p, "mu"), lambda p: -1 / p.s ** 2]
    g = dict(mu=lambda d: rq(), x=lambda d: rq())
    check("ell_mu_sigma_second_by_mu_yaml", P(30, **g, s=lambda d: pos()), fns, 2,
          lambda p: -1 / p.s, P(6, **g, s=1))
_d6()

# ================= E  several-letter subscripts beside matrix elements
def _e1():
    h = lambda q: 1 / (1 + exp(-(q.w * q.x + q.b)))
    E = lambda p: exp(-(p.w * p.x + p.b))
    fns = [lambda p: pd(h, p, "b"), lambda p: E(p) / (1 + E(p)) ** 2,
           lambda p: h(p) * (1 - h(p))]
    g = dict(w=lambda d: rsmall(), b=lambda d: rsmall())
    check("md_h_wb_logistic_by_b", P(30, **g, x=lambda d: rsmall()), fns, 2,
          lambda p: p.x * h(p) * (1 - h(p)), P(6, **g, x=1))
_e1()

def _e2():
    T = lambda q: sum(q.h[k, l] * q.x[l] for k in range(q.n) for l in range(q.n))
    fns = [lambda p: pd(T, p, "h", (p.i, p.j)),
           lambda p: sum((l == p.j) * p.x[l] for l in range(p.n)), lambda p: p.x[p.j]]
    g = dict(n=size(1, 6), h=lambda d: rmat(d.n, d.n), x=lambda d: V(d.n), i=idx())
    check("md_h_ij_matrix_element_index_swap", P(30, **g, j=idx()), fns, 2,
          lambda p: p.x[p.i], P(6, **g, j=lambda d: d.i))
_e2()

def _e3():
    J = lambda q: sum((q.w * x + q.b - y) ** 2 for x, y in zip(q.x, q.y)) / (2 * q.m)
    fns = [lambda p: pd(J, p, "b"),
           lambda p: sum(p.w * x + p.b - y for x, y in zip(p.x, p.y)) / p.m,
           lambda p: sum(p.w * x + p.b - y for x, y in zip(p.x, p.y)) / p.m,
           lambda p: p.b + sum(p.w * x - y for x, y in zip(p.x, p.y)) / p.m]
    g = dict(x=lambda d: V(d.m), y=lambda d: V(d.m), w=lambda d: rq(), b=lambda d: rq())
    check("md_h_wb_at_samples_mean_by_b", P(30, **g, m=size(1, 6)), fns, 2,
          lambda p: sum(p.w * x + p.b - y for x, y in zip(p.x, p.y)), P(6, **g, m=1))
_e3()

def _e4():
    T = lambda q: sum(q.x[k] * q.h[k, l] * q.y[l] for k in range(q.n) for l in range(q.n))
    fns = [lambda p: pd(T, p, "h", (p.i, p.j)),
           lambda p: sum(p.x[k] * (k == p.i) * (l == p.j) * p.y[l]
                         for k in range(p.n) for l in range(p.n)),
           lambda p: p.x[p.i] * p.y[p.j]]
    g = dict(n=size(1, 6), h=lambda d: rmat(d.n, d.n), x=lambda d: V(d.n), i=idx(), j=idx())
    check("matrix_h_bilinear_element_swap", P(30, **g, y=lambda d: V(d.n)), fns, 2,
          lambda p: p.x[p.j] * p.y[p.i], P(6, **g, y=lambda d: list(d.x)))
_e4()

def _e5():
    h = lambda q: ln(1 + exp(q.w * q.x + q.b))
    U = lambda p: exp(p.w * p.x + p.b)
    fns = [lambda p: pd(h, p, "w"), lambda p: p.x * U(p) / (1 + U(p)),
           lambda p: p.x / (1 + exp(-(p.w * p.x + p.b)))]
    g = dict(w=lambda d: rsmall(), b=lambda d: rsmall())
    check("md_h_wb_softplus_alone_by_w", P(30, **g, x=lambda d: rsmall()), fns, 1,
          lambda p: U(p) / (1 + U(p)), P(6, **g, x=1))
_e5()

# ================= F  piecewise rows on a case's closed end; tanh / cosh of cubic arguments
def _f1():
    pw = lambda p: p.x ** 2 - 4 if p.x <= 2 else 4 * p.x - 8
    up = [pw, lambda p: 4 * p.x - 8, lambda p: 4 * (p.x - 2)]
    lo = [pw, lambda p: p.x ** 2 - 4, lambda p: (p.x - 2) * (p.x + 2)]
    check("piecewise_row_on_closed_end_ge_two", P(30, t=tpos, x=lambda d: 2 + d.t), up, 1,
          lambda p: p.x ** 2 - 4, P(1, x=2), [("x < 2", P(30, t=lambda d: pos(), x=lambda d: 2 - d.t), lo)])
_f1()

def _f2():
    pw = lambda p: exp(p.x) if p.x >= 0 else 1 + p.x
    le = [pw, lambda p: 1 + p.x]
    gt = [pw, lambda p: exp(p.x)]
    check("md_piecewise_row_on_closed_end_le_zero", P(30, t=tpos, x=lambda d: -d.t), le, 1,
          lambda p: exp(p.x), P(1, x=0), [("x > 0", P(30, x=lambda d: pos()), gt)])
_f2()

FAR = [mpf(v) for v in ("-9.5", "-3", "-1.2", "-0.7", "-0.01", "0", "0.003", "0.5", "1", "1.3",
                         "2", "4.4", "12")]
def xs(d): return FAR[d._t % len(FAR)] if d._t < len(FAR) else rsmall()

def _f3():
    fns = [lambda p: M.diff(lambda x: tanh(x ** 3), p.x), lambda p: 3 * p.x ** 2 * (1 - tanh(p.x ** 3) ** 2),
           lambda p: 3 * p.x ** 2 / cosh(p.x ** 3) ** 2]
    check("tanh_of_cube_slope_yaml", P(30, x=xs), fns, 1,
          lambda p: p.x ** 2 * (1 - tanh(p.x ** 3) ** 2), P(1, x=0))
_f3()

def _f4():
    fns = [lambda p: M.diff(lambda x: cosh(x ** 3 - x), p.x),
           lambda p: M.sinh(p.x ** 3 - p.x) * (3 * p.x ** 2 - 1),
           lambda p: (3 * p.x ** 2 - 1) * (exp(p.x ** 3 - p.x) - exp(p.x - p.x ** 3)) / 2]
    check("md_cosh_of_cubic_minus_x_slope", P(30, x=xs), fns, 1,
          lambda p: 3 * p.x ** 2 * M.sinh(p.x ** 3 - p.x), P(3, x=pick([mpf(1), mpf(-1), mpf(0)])))
_f4()

def _f5():
    T = lambda x: tanh(x ** 3)
    fns = [lambda p: M.diff(lambda x: x * T(x), p.x),
           lambda p: T(p.x) + p.x * 3 * p.x ** 2 * (1 - T(p.x) ** 2),
           lambda p: T(p.x) + 3 * p.x ** 3 * (1 - T(p.x) ** 2)]
    check("x_tanh_of_cube_product_rule", P(30, x=xs), fns, 2,
          lambda p: T(p.x) + 3 * p.x ** 2 * (1 - T(p.x) ** 2), P(2, x=pick([mpf(0), mpf(1)])))
_f5()

def _f6():
    fns = [lambda p: M.diff(lambda x: ln(cosh(x ** 3)), p.x),
           lambda p: 3 * p.x ** 2 * M.sinh(p.x ** 3) / cosh(p.x ** 3),
           lambda p: 3 * p.x ** 2 * tanh(p.x ** 3)]
    check("md_log_cosh_of_cube_slope", P(30, x=xs), fns, 2,
          lambda p: p.x ** 2 * tanh(p.x ** 3), P(1, x=0))
_f6()

def _f7():
    fns = [lambda p: M.diff(lambda x: cosh(x ** 3) ** 2, p.x),
           lambda p: 2 * cosh(p.x ** 3) * M.sinh(p.x ** 3) * 3 * p.x ** 2,
           lambda p: 3 * p.x ** 2 * M.sinh(2 * p.x ** 3)]
    check("cosh_squared_of_cube_slope_yaml", P(30, x=xs), fns, 2,
          lambda p: 6 * p.x ** 2 * M.sinh(2 * p.x ** 3), P(1, x=0))
_f7()

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
