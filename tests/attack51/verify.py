#!/usr/bin/env python3
"""Check every attack-51 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
line of the file (the true twin's chain, every line), plus the false twin's slipped line.
Derivatives are taken by mpmath's `diff`, never from the closed forms in the files: a derivative
by a squared variable v = sigma^2 is taken in v itself (the function written in sqrt(v)), and the
documented reading (d/d sigma)/(2 sigma) is checked against it; gradients are taken entry by entry.
Sums and matrix products are written out; vectors and matrices have sizes 1 to 6 (matrices 1 to
4) with random rational entries. Values are compared relative to max(1, |a|, |b|) with tolerance
10^-30; complex values count (a logarithm of a negative number is mpmath's principal complex
logarithm, so 2 ln x differs from ln x^2 at x < 0). For each pair, on the domain its file states
(its assumptions and its case, respected in sampling):
  - every step of the true chain equals the step before it at every point tried, and so does
    every other chain of the file ("extra" chains: the other section, the other equation);
  - the false twin's slipped line differs from the line before it at one point at least;
  - at each special point named in the README, the slipped line's false value equals its true
    value; and where a misreading of the notation is named, the false line equals the misread
    value everywhere ("same" checks);
  - where the README says a stated domain or property is needed, the true chain's link differs
    outside it ("needed" checks).
File check: twins identical but for the marked line, one mark, in the false twin only, at the
line's end, and one `=` (brace depth 0) on the marked line. SHOW=1 prints where each false step
fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, exp, ln, sqrt, pi, sin, cos, atanh
M.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -30
RNG = random.Random(51)

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
def pos(): return mpf(RNG.randint(1, 40)) / RNG.randint(1, 9)
def rsmall(): return mpf(RNG.randint(-30, 30)) / RNG.randint(3, 9)
def rsnz():
    while True:
        v = rsmall()
        if v != 0: return v
def unit(): return mpf(RNG.randint(1, 98)) / 99          # (0, 1)
def sym1(): return mpf(RNG.randint(-97, 97)) / 98        # (-1, 1)

def P(count, **gens):
    out = []
    for t in range(count):
        d = D(); d["_t"] = t
        todo = list(gens.items())
        while todo:
            left = []
            for k, f in todo:
                try:
                    d[k] = f(d) if callable(f) else f
                except (KeyError, AttributeError):
                    left.append((k, f))
            assert len(left) < len(todo), left
            todo = left
        out.append(d)
    return out
def size(lo=1, hi=6): return lambda d: lo + d._t % (hi - lo + 1)

def pd(f, p, key, i=None, n=1):
    """d^n f(p) / d p[key]^n (or by entry i of a column matrix)."""
    x0 = p[key] if i is None else p[key][i, 0]
    def g(t):
        q = D(p)
        if i is None:
            q[key] = t
        else:
            v = p[key].copy(); v[i, 0] = t; q[key] = v
        return f(q)
    return M.diff(g, x0, n)

def gradv(f, p, key):
    x = p[key]
    out = M.matrix(x.rows, 1)
    for r in range(x.rows):
        out[r, 0] = pd(f, p, key, r)
    return out

def rmat(r, c): return M.matrix([[rq() for _ in range(c)] for _ in range(r)])
def rsym(n):
    B = rmat(n, n); return (B + B.T) / 2
def sc(m): return m[0, 0] if isinstance(m, M.matrix) else m
def tr(A): return sum(A[i, i] for i in range(A.rows))
def n2(v): return sc(v.T * v)

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)
CHECKED = []

def ev(f, p):
    try:
        return f(p)
    except (ZeroDivisionError, ValueError):
        return None

def show(p):
    return {k: (M.nstr(v, 6) if isinstance(v, (M.mpf, M.mpc)) else v) for k, v in p.items()
            if k != "_t" and not isinstance(v, M.matrix)}

def holds(name, what, pts, fns, min_pts=5):
    n_def = 0
    for p in pts:
        vals = [ev(f, p) for f in fns]
        if any(v is None for v in vals):
            continue
        n_def += 1
        for s in range(1, len(vals)):
            if not close(vals[s - 1], vals[s]):
                problem(f"{name}: {what}: step {s} differs from step {s - 1} at {show(p)}: "
                        f"{vals[s - 1]} vs {vals[s]}")
                return
    if n_def < min_pts:
        problem(f"{name}: {what}: only {n_def} points defined")

def check(name, pts, fns, k, false, special=(), extra=(), same=(), needed=()):
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
        print(f"{name}: false differs at", show(bad))
    for p in special:
        if not close(ev(fns[k], p), ev(false, p)):
            problem(f"{name}: special point {show(p)} is not one where false = true")
    for what, pp, ff in extra:
        holds(name, what, pp, ff)
    for what, pp, f1, f2 in same:   # a misreading: these two agree everywhere
        for p in pp:
            if not close(ev(f1, p), ev(f2, p)):
                problem(f"{name}: misreading '{what}' does not give the false value at {show(p)}")
                break
    for what, pp, f1, f2 in needed:  # a domain or property: outside it the link fails
        if all(close(ev(f1, p), ev(f2, p)) for p in pp):
            problem(f"{name}: '{what}' is not needed after all")
    CHECKED.append(name)

def dsq(f, p, key):
    """d f / d (key^2): f written in v = key^2 (key = sign * sqrt(v)), differentiated in v."""
    s = 1 if p[key] > 0 else -1
    def g(v):
        q = D(p); q[key] = s * sqrt(v); return f(q)
    return M.diff(g, p[key] ** 2)

def doc_sq(name, f, pts, key):
    """the documented reading (d/d key)/(2 key) agrees with the derivative in key^2"""
    for p in pts:
        if not close(pd(f, p, key) / (2 * p[key]), dsq(f, p, key)):
            problem(f"{name}: (d/d{key})/(2{key}) differs from d/d{key}^2 at {show(p)}")
            return

# ================= A  derivatives by a squared variable; second derivatives
def _a1():
    r = lambda p: (p.x - p.mu) ** 2
    L = lambda q: -ln(2 * pi * q.s ** 2) / 2 - (q.x - q.mu) ** 2 / (2 * q.s ** 2)
    fns = [lambda p: pd(L, p, "s", n=2),
           lambda p: pd(lambda q: -1 / q.s + (q.x - q.mu) ** 2 / q.s ** 3, p, "s"),
           lambda p: 1 / p.s ** 2 - 3 * r(p) / p.s ** 4,
           lambda p: (p.s ** 2 - 3 * r(p)) / p.s ** 4]
    fal = lambda p: -1 / (2 * p.s ** 2) + r(p) / (2 * p.s ** 4)
    g = dict(s=lambda d: pos(), x=lambda d: rq())
    check("gauss_second_derivative_by_sigma", P(30, **g, mu=lambda d: rq()), fns, 2, fal,
          P(6, **g, mu=lambda d: d.x - sqrt(mpf(3) / 7) * d.s),
          same=[("the first derivative by sigma^2", P(10, **g, mu=lambda d: rq()),
                 lambda p: dsq(L, p, "s"), fal)])
_a1()

def _a2():
    l = lambda q: -ln(q.s) - (q.x - q.mu) ** 2 / (2 * q.s ** 2)
    r = lambda p: (p.x - p.mu) ** 2
    fns = [lambda p: dsq(l, p, "s"), lambda p: pd(l, p, "s") / (2 * p.s),
           lambda p: (-1 / p.s + r(p) / p.s ** 3) / (2 * p.s),
           lambda p: (r(p) - p.s ** 2) / (2 * p.s ** 4)]
    fal = lambda p: 2 * p.s * pd(l, p, "s")
    g = dict(x=lambda d: rq(), mu=lambda d: rq())
    pts = P(30, **g, s=lambda d: pos())
    check("md_variance_grad_chain_factor_inverted", pts, fns, 1, fal,
          P(4, **g, s=mpf(1) / 2) + P(4, x=lambda d: rq(), s=lambda d: pos(),
                                      mu=lambda d: d.x - d.s))
    doc_sq("md_variance_grad_chain_factor_inverted", l, pts[:8], "s")
_a2()

def _a3():
    xh = lambda q: (q.x - q.mu) / sqrt(q.sb ** 2 + q.ep)
    fns = [lambda p: dsq(xh, p, "sb"),
           lambda p: -(p.x - p.mu) * (p.sb ** 2 + p.ep) ** (-mpf(3) / 2) / 2,
           lambda p: -(p.x - p.mu) / (2 * (p.sb ** 2 + p.ep) ** (mpf(3) / 2))]
    fal = lambda p: -(p.x - p.mu) * p.sb * (p.sb ** 2 + p.ep) ** (-mpf(3) / 2)
    g = dict(x=lambda d: rq(), mu=lambda d: rq(), ep=lambda d: pos())
    pts = P(30, **g, sb=lambda d: rnz())
    check("md_batchnorm_xhat_by_batch_variance", pts, fns, 1, fal,
          P(4, **g, sb=mpf(1) / 2) + P(4, x=lambda d: rq(), ep=lambda d: pos(), sb=lambda d: rnz(),
                                       mu=lambda d: d.x),
          same=[("the derivative by sigma_B", pts[:8], lambda p: pd(xh, p, "sb"), fal)])
    doc_sq("md_batchnorm_xhat_by_batch_variance", xh, pts[:8], "sb")
_a3()

def _a4():
    K = lambda q: (q.s ** 2 + q.mu ** 2 - 1 - ln(q.s ** 2)) / 2
    fns = [lambda p: dsq(K, p, "s"), lambda p: mpf(1) / 2 - 1 / (2 * p.s ** 2),
           lambda p: (p.s ** 2 - 1) / (2 * p.s ** 2)]
    fal = lambda p: p.s - 1 / p.s
    pts = P(30, s=lambda d: pos(), mu=lambda d: rq())
    check("vae_kl_term_by_variance", pts, fns, 1, fal,
          P(3, s=mpf(1) / 2, mu=lambda d: rq()) + P(3, s=1, mu=lambda d: rq()),
          same=[("the derivative by sigma", pts[:8], lambda p: pd(K, p, "s"), fal)])
    doc_sq("vae_kl_term_by_variance", K, pts[:8], "s")
_a4()

def _a5():
    f = lambda q: q.s ** 6 + q.a * q.s ** 2
    fns = [lambda p: pd(f, p, "s", n=2),
           lambda p: pd(lambda q: 6 * q.s ** 5 + 2 * q.a * q.s, p, "s"),
           lambda p: 30 * p.s ** 4 + 2 * p.a, lambda p: 2 * (15 * p.s ** 4 + p.a)]
    fal = lambda p: 3 * p.s ** 4 + p.a
    pts = P(30, s=lambda d: rq(), a=lambda d: rq())
    check("md_second_order_operator_by_sigma", pts, fns, 2, fal,
          P(6, s=lambda d: rq(), a=lambda d: -27 * d.s ** 4),
          same=[("the first derivative by sigma^2", P(10, s=lambda d: rnz(), a=lambda d: rq()),
                 lambda p: dsq(f, p, "s"), fal)])
_a5()

def _a6():
    g = lambda t: t ** 4
    fns = [lambda p: pd(lambda q: g(q.s), p, "s", n=2), lambda p: M.diff(g, p.s, 2),
           lambda p: 12 * p.s ** 2, lambda p: 3 * (2 * p.s) ** 2]
    fal = lambda p: 12 * p.s ** 4
    check("function_second_derivative_by_sigma", P(30, s=lambda d: rq()), fns, 2, fal,
          [D(s=mpf(0)), D(s=mpf(1)), D(s=mpf(-1))],
          same=[("g'' taken at sigma^2", P(10, s=lambda d: rq()),
                 lambda p: M.diff(g, p.s ** 2, 2), fal)])
_a6()

def _a7():
    L = lambda q: ln(q.s ** 2) + q.c / q.s ** 2
    fns = [lambda p: dsq(L, p, "s"), lambda p: 1 / p.s ** 2 - p.c / p.s ** 4,
           lambda p: (p.s ** 2 - p.c) / p.s ** 4]
    pts = P(30, s=lambda d: pos(), c=lambda d: rq())
    # read as the squared variable: (dL/d sigma^2) 2 sigma; read by sigma: (dL/d sigma) 2 sigma
    fal = lambda p: dsq(L, p, "s") * 2 * p.s
    check("variance_grad_bracketed_square_refused", pts, fns, 1, fal,
          P(3, s=mpf(1) / 2, c=lambda d: rq()) + P(3, s=lambda d: pos(), c=lambda d: d.s ** 2),
          needed=[("the by-sigma reading is false too", pts, fns[0],
                   lambda p: pd(L, p, "s") * 2 * p.s)])
_a7()

# ================= B  defined names with subscripts
def _b1():
    J = lambda q: (q.w * q.x + q.b - q.y) ** 2 / 2
    dJdz = lambda p: M.diff(lambda z: (z - p.y) ** 2 / 2, p.w * p.x + p.b)
    fns = [lambda p: pd(J, p, "w"), lambda p: dJdz(p) * p.x,
           lambda p: (p.w * p.x + p.b - p.y) * p.x, lambda p: (p.w * p.x + p.b - p.y) * p.x]
    g = dict(w=lambda d: rq(), b=lambda d: rq(), y=lambda d: rq())
    check("md_text_subscript_name_as_variable", P(30, **g, x=lambda d: rq()), fns, 1, dJdz,
          P(6, **g, x=1))
_b1()

def _b2():
    fns = [lambda p: pd(lambda q: (q.a + q.b) * (q.a - q.b), p, "b"),
           lambda p: (p.a - p.b) - (p.a + p.b), lambda p: -2 * p.b]
    fal = lambda p: (p.a + p.b) - (p.a - p.b)
    check("digit_subscripts_swapped_by_b", P(30, a=lambda d: rq(), b=lambda d: rq()), fns, 1, fal,
          P(6, a=lambda d: rq(), b=0))
_b2()

def _b3():
    Lz = lambda z, y: (z - y) ** 2 + 3 * z
    fns = [lambda p: M.diff(lambda z: Lz(z, p.y), p.w * p.u),
           lambda p: 2 * (p.w * p.u - p.y) + 3, lambda p: 2 * p.w * p.u - 2 * p.y + 3]
    fal = lambda p: 2 * (p.w * p.u - p.y) * p.u + 3 * p.u
    g = dict(w=lambda d: rq(), y=lambda d: rq())
    check("derivative_by_digit_subscripted_name", P(30, **g, u=lambda d: rq()), fns, 1, fal,
          P(6, **g, u=1),
          same=[("the derivative by w", P(10, **g, u=lambda d: rq()),
                 lambda p: pd(lambda q: Lz(q.w * q.u, q.y), p, "w"), fal)])
_b3()

def _b4():
    J = lambda q: q.lam * ln(1 + q.w ** 2)
    fns = [lambda p: pd(J, p, "w"), lambda p: 2 * p.lam * p.w / (1 + p.w ** 2),
           lambda p: p.lam * 2 * p.w / (p.w ** 2 + 1)]
    fal = lambda p: p.lam / (1 + p.w ** 2)
    check("md_mathrm_unbraced_subscript_penalty", P(30, w=lambda d: rq(), lam=lambda d: rnz()),
          fns, 1, fal, P(6, w=mpf(1) / 2, lam=lambda d: rq()))
_b4()

def _b5():
    fns = [lambda p: pd(lambda q: (q.w * q.x - q.y) ** 2 + q.lam * q.w ** 2, p, "w"),
           lambda p: 2 * p.x * (p.w * p.x - p.y) + 2 * p.lam * p.w,
           lambda p: 2 * (p.x ** 2 + p.lam) * p.w - 2 * p.x * p.y]
    fal = lambda p: 2 * p.x * (p.w * p.x - p.y) + 2 * p.lam * p.x * (p.w * p.x - p.y)
    g = dict(w=lambda d: rq(), x=lambda d: rq(), y=lambda d: rq())
    check("md_two_text_subscripts_one_letter", P(30, **g, lam=lambda d: rnz()), fns, 1, fal,
          P(6, **g, lam=0),
          same=[("both names read as the data term", P(10, **g, lam=lambda d: rq()),
                 lambda p: pd(lambda q: (1 + q.lam) * (q.w * q.x - q.y) ** 2, p, "w"), fal)])
_b5()

def _b6():
    h = lambda g: sin(3 * g)             # the parameter g, not the function g(x) = x^2
    fns = [lambda p: pd(lambda q: h(q.x ** 3), p, "x"),
           lambda p: 3 * cos(3 * p.x ** 3) * 3 * p.x ** 2, lambda p: 9 * p.x ** 2 * cos(3 * p.x ** 3)]
    fal = lambda p: 3 * cos(3 * p.x ** 3)
    check("md_parameter_named_like_function", P(30, x=lambda d: rsmall()), fns, 1, fal,
          [D(x=1 / sqrt(3)), D(x=-1 / sqrt(3)), D(x=M.cbrt(pi / 6))],
          needed=[("the parameter read as the function g", P(10, x=lambda d: rsnz()),
                   lambda p: pd(lambda q: sin(3 * (q.x ** 3) ** 2), p, "x"), fns[1])])
_b6()

# ================= C  TeX short forms and unbraced arguments
def _c1():
    fns = [lambda p: pd(lambda q: sqrt(q.x) * q.x, p, "x"),
           lambda p: p.x ** (-mpf(1) / 2) * p.x / 2 + sqrt(p.x), lambda p: mpf(3) / 2 * sqrt(p.x)]
    fal = lambda p: p.x ** (-mpf(1) / 2) / 2 + sqrt(p.x)
    check("md_half_power_unbraced_product_rule", P(30, x=lambda d: pos()), fns, 1, fal, [D(x=1)])
_c1()

def _c2():
    r2 = sqrt(2)
    fns = [lambda p: pd(lambda q: (2 * q.x) ** r2, p, "x"),
           lambda p: r2 * (2 * p.x) ** (r2 - 1) * 2, lambda p: 2 ** r2 * r2 * p.x ** (r2 - 1)]
    fal = lambda p: r2 * (2 * p.x) ** r2 * 2
    check("root_exponent_unbraced_power", P(30, x=lambda d: pos()), fns, 1, fal, [D(x=mpf(1) / 2)])
_c2()

def _c3():
    fns = [lambda p: pd(lambda q: q.x ** 2 / 2 + 3 * q.x / 2, p, "x"),
           lambda p: p.x + mpf(3) / 2, lambda p: (2 * p.x + 3) / 2]
    fal = lambda p: 2 * p.x + mpf(3) / 2
    check("md_frac_one_digit_args_times_x", P(30, x=lambda d: rq()), fns, 1, fal, [D(x=0)])
_c3()

def _c4():
    fns = [lambda p: pd(lambda q: exp(q.x / 2), p, "x"), lambda p: exp(p.x / 2) / 2,
           lambda p: sqrt(exp(p.x)) / 2]
    fal = lambda p: exp(p.x / 2)
    pts = P(30, x=lambda d: rsmall())
    # misreading: e^\frac{x}{2} as e^x / 2; then the goal is d/dx(e^x/2) and the false line e^x/2
    check("md_short_d_unbraced_frac_exponent", pts, fns, 1, fal,
          same=[("e^\\frac{x}{2} read as e^x/2", pts,
                 lambda p: pd(lambda q: exp(q.x) / 2, p, "x"), lambda p: exp(p.x) / 2)])
_c4()

def _c5():
    fns = [lambda p: pd(lambda q: q.x ** 2 * sin(q.x), p, "x"),
           lambda p: 2 * p.x * sin(p.x) + p.x ** 2 * cos(p.x),
           lambda p: p.x * (2 * sin(p.x) + p.x * cos(p.x))]
    fal = lambda p: 2 * p.x * sin(p.x)
    pts = P(30, x=lambda d: rsnz())
    check("md_short_d_rest_of_product", pts, fns, 1, fal, [D(x=0)],
          same=[("the operator applied to x^2 alone", pts,
                 lambda p: pd(lambda q: q.x ** 2, p, "x") * sin(p.x), fal)])
_c5()

def _c6():
    fns = [lambda p: pd(lambda q: (q.w * q.x + q.b - q.y) ** 2 / 2, p, "b"),
           lambda p: p.w * p.x + p.b - p.y, lambda p: p.b - (p.y - p.w * p.x)]
    fal = lambda p: (p.w * p.x + p.b - p.y) * p.x
    g = dict(w=lambda d: rq(), b=lambda d: rq(), y=lambda d: rq())
    check("short_partial_spaced_half_by_bias", P(30, **g, x=lambda d: rq()), fns, 1, fal,
          P(6, **g, x=1))
_c6()

# ================= D  notes prose
def _d1():
    f = lambda x: x * exp(-2 * x)
    fns = [lambda p: M.diff(f, p.x), lambda p: exp(-2 * p.x) - 2 * p.x * exp(-2 * p.x),
           lambda p: (1 - 2 * p.x) * exp(-2 * p.x)]
    fal = lambda p: (1 - p.x) * exp(-2 * p.x)
    check("md_coloneqq_display_definition", P(30, x=lambda d: rsmall()), fns, 2, fal, [D(x=0)])
_d1()

def _d2():
    g = lambda u: ln(1 + u ** 2)
    fns = [lambda p: M.diff(g, p.u), lambda p: 2 * p.u / (1 + p.u ** 2),
           lambda p: 2 * p.u / (p.u ** 2 + 1)]
    fal = lambda p: 1 / (1 + p.u ** 2)
    check("md_triangleq_display_definition", P(30, u=lambda d: rq()), fns, 1, fal,
          [D(u=mpf(1) / 2)])
_d2()

def _d3():
    h = lambda t: sqrt(1 + t ** 2)
    fns = [lambda p: M.diff(lambda t: t * h(t), p.t), lambda p: h(p.t) + p.t * p.t / h(p.t),
           lambda p: (1 + 2 * p.t ** 2) / h(p.t)]
    fal = lambda p: h(p.t) + p.t / h(p.t)
    check("md_stackrel_def_display_definition", P(30, t=lambda d: rq()), fns, 1, fal,
          [D(t=0), D(t=1)])
_d3()

def _d4():
    fns = [lambda p: pd(lambda q: q.x * sqrt((q.x - 1) ** 2), p, "x"),
           lambda p: pd(lambda q: q.x ** 2 - q.x, p, "x"), lambda p: 2 * p.x - 1,
           lambda p: p.x + (p.x - 1)]
    fal = lambda p: 2 * p.x
    check("md_condition_after_display_if", P(30, x=lambda d: 1 + pos()), fns, 2, fal,
          needed=[("x > 1", P(10, x=lambda d: 1 - pos()), fns[0], fns[1])])
_d4()

def _d5():
    fns = [lambda p: ln((1 + p.x) / (1 - p.x)), lambda p: ln(1 + p.x) - ln(1 - p.x),
           lambda p: 2 * atanh(p.x)]
    fal = lambda p: 2 * atanh(-p.x)
    check("md_suppose_open_range_log_odds", P(30, x=lambda d: sym1()), fns, 2, fal, [D(x=0)],
          needed=[("-1 < x < 1", P(10, x=lambda d: 1 + pos()), fns[0], fns[1])])
_d5()

def _d6():
    eq2 = [lambda p: pd(lambda q: q.x ** 2, p, "x"), lambda p: 2 * p.x, lambda p: p.x + p.x,
           lambda p: 4 * p.x / 2]
    eq1 = [lambda p: pd(lambda q: q.x ** 3, p, "x"), lambda p: 3 * p.x ** 2]
    fal = lambda p: 3 * p.x * p.x
    pts = P(30, x=lambda d: rq())
    check("md_text_and_row_continues_second", pts, eq2, 2, fal, [D(x=0), D(x=mpf(2) / 3)],
          extra=[("the first equation", pts, eq1)],
          same=[("the row read as continuing the first equation", pts, eq1[1], fal)])
_d6()

GS = [(lambda t: sin(t)), (lambda t: exp(t)), (lambda t: t ** 3 + 2), (lambda t: t ** 2 + 1)]
def _d7():
    G = lambda p: GS[p.G]
    fns = [lambda p: M.diff(lambda t: 1 / G(p)(t), p.x),
           lambda p: -M.diff(G(p), p.x) / G(p)(p.x) ** 2,
           lambda p: -M.diff(G(p), p.x) * G(p)(p.x) ** -2]
    fal = lambda p: -2 * p.x / G(p)(p.x) ** 2
    sec2 = [lambda p: M.diff(lambda t: 1 / (t ** 2 + 1), p.x), lambda p: -2 * p.x / (p.x ** 2 + 1) ** 2]
    check("md_later_G_reciprocal_rule", P(40, x=lambda d: rsmall(), G=lambda d: d._t % 4), fns, 1,
          fal, P(6, x=lambda d: rsmall(), G=3),
          extra=[("section 2", P(30, x=lambda d: rsmall()), sec2)])
_d7()

def _d8():
    fns = [lambda p: pd(lambda q: q.x ** 2 * exp(q.x), p, "x"),
           lambda p: exp(p.x) * M.diff(lambda t: t ** 2, p.x) + p.x ** 2 * M.diff(exp, p.x),
           lambda p: 2 * p.x * exp(p.x) + p.x ** 2 * exp(p.x), lambda p: p.x * (p.x + 2) * exp(p.x)]
    fal = lambda p: 2 * p.x * exp(p.x) + p.x ** 2
    check("md_euler_D_product_rule", P(30, x=lambda d: rsmall()), fns, 2, fal, [D(x=0)])
_d8()

# ================= E  domains
def _e1():
    sec2 = [lambda p: ln(p.x ** 2), lambda p: 2 * ln(abs(p.x))]
    sec1 = [lambda p: ln(p.x ** 2), lambda p: 2 * ln(p.x)]
    fal = lambda p: 2 * ln(p.x)
    check("md_log_square_positive_then_any_sign", P(30, x=lambda d: rnz()), sec2, 1, fal,
          P(6, x=lambda d: pos()), extra=[("section 1 (x > 0)", P(30, x=lambda d: pos()), sec1)])
_e1()

def _e2():
    fns = [lambda p: ln(p.a ** 2 / p.b), lambda p: 2 * ln(p.a) - ln(p.b),
           lambda p: ln(p.a ** 2) - ln(p.b)]
    fal = lambda p: 2 * ln(p.a) + ln(p.b)
    check("log_ratio_positive_sign_slip", P(30, a=lambda d: pos(), b=lambda d: pos()), fns, 1, fal,
          P(6, a=lambda d: pos(), b=1))
_e2()

def _e3():
    fns = [lambda p: ln(p.x ** 2 * p.y ** 2), lambda p: ln(p.x ** 2) + ln(p.y ** 2),
           lambda p: 2 * ln(abs(p.x * p.y))]
    fal = lambda p: 2 * ln(p.x) + 2 * ln(p.y)
    check("log_product_squares_no_sign", P(30, x=lambda d: rnz(), y=lambda d: rnz()), fns, 2, fal,
          P(6, x=lambda d: pos(), y=lambda d: pos()))
_e3()

def _e4():
    fns = [lambda p: sqrt(p.s ** 2 * p.t ** 2), lambda p: sqrt(p.s ** 2) * sqrt(p.t ** 2),
           lambda p: p.s * abs(p.t)]
    fal = lambda p: p.s * p.t
    check("md_root_of_squares_one_letter_positive", P(30, s=lambda d: pos(), t=lambda d: rq()), fns,
          2, fal, P(6, s=lambda d: pos(), t=lambda d: pos()),
          needed=[("s > 0", P(10, s=lambda d: -pos(), t=lambda d: pos()), fns[1], fns[2])])
_e4()

def _e5():
    fns = [lambda p: ln(p.p / (1 - p.p)), lambda p: ln(p.p) - ln(1 - p.p),
           lambda p: -ln(1 / p.p - 1)]
    fal = lambda p: ln(1 / p.p - 1)
    check("log_odds_case_unit_interval", P(30, p=lambda d: unit()), fns, 2, fal, [D(p=mpf(1) / 2)],
          needed=[("0 < p < 1", P(10, p=lambda d: 1 + pos()), fns[0], fns[1])])
_e5()

def _e6():
    r = lambda p: (p.x - p.mu) ** 2
    fns = [lambda p: ln(exp(-r(p) / (2 * p.s ** 2)) / sqrt(2 * pi * p.s ** 2)),
           lambda p: -ln(2 * pi * p.s ** 2) / 2 - r(p) / (2 * p.s ** 2),
           lambda p: -ln(2 * pi) / 2 - ln(p.s) - r(p) / (2 * p.s ** 2)]
    fal = lambda p: -ln(2 * pi) / 2 - 2 * ln(p.s) - r(p) / (2 * p.s ** 2)
    g = dict(x=lambda d: rsmall(), mu=lambda d: rsmall())
    check("md_gauss_log_density_root_half", P(30, **g, s=lambda d: pos()), fns, 2, fal,
          P(6, **g, s=1))
_e6()

# ================= F  matrices
def _f1():
    T = lambda A: A.T
    fns = [lambda p: T(p.A * p.B * p.C), lambda p: T(p.C) * T(p.A * p.B),
           lambda p: T(p.C) * T(p.B) * T(p.A), lambda p: T(p.B * p.C) * T(p.A)]
    fal = lambda p: T(p.C) * T(p.A) * T(p.B)
    g = dict(B=lambda d: rmat(d.n, d.n), C=lambda d: rmat(d.n, d.n))
    check("transpose_of_triple_product", P(30, n=size(1, 4), A=lambda d: rmat(d.n, d.n), **g), fns,
          2, fal, P(4, n=1, A=lambda d: rmat(1, 1), **g) +
          P(4, n=size(2, 4), A=lambda d: rmat(d.n, d.n), C=lambda d: rmat(d.n, d.n),
            B=lambda d: d.A.copy()))
_f1()

def _f2():
    rg = lambda p: range(p.n)
    fns = [lambda p: tr(p.A * p.B), lambda p: tr(p.B * p.A),
           lambda p: sum(p.A[i, j] * p.B[j, i] for i in rg(p) for j in rg(p)),
           lambda p: sum(p.B[j, i] * p.A[i, j] for j in rg(p) for i in rg(p))]
    fal = lambda p: sum(p.A[i, j] * p.B[i, j] for i in rg(p) for j in rg(p))
    g = dict(n=size(1, 4), A=lambda d: rmat(d.n, d.n))
    check("trace_of_product_by_elements", P(30, **g, B=lambda d: rmat(d.n, d.n)), fns, 2, fal,
          P(6, **g, B=lambda d: rsym(d.n)))
_f2()

def _f3():
    f = lambda q: sc(q.x.T * q.A * q.x) / 2 - sc(q.b.T * q.x)
    fns = [lambda p: gradv(f, p, "x"), lambda p: (p.A + p.A.T) * p.x / 2 - p.b,
           lambda p: p.A * p.x / 2 + p.A.T * p.x / 2 - p.b]
    fal = lambda p: p.A * p.x - p.b
    g = dict(n=size(1, 4), x=lambda d: rmat(d.n, 1), b=lambda d: rmat(d.n, 1))
    check("md_quadratic_with_linear_term_gradient", P(30, **g, A=lambda d: rmat(d.n, d.n)), fns, 1,
          fal, P(6, **g, A=lambda d: rsym(d.n)),
          needed=[("A not symmetric (2 A x is not the gradient)",
                   P(10, n=size(2, 4), x=lambda d: rmat(d.n, 1), b=lambda d: rmat(d.n, 1),
                     A=lambda d: rmat(d.n, d.n)), fns[1], fal)])
_f3()

def _f4():
    fns = [lambda p: n2(p.X * p.w - p.y), lambda p: sc((p.X * p.w - p.y).T * (p.X * p.w - p.y)),
           lambda p: sc(p.w.T * p.X.T * p.X * p.w) - 2 * sc(p.y.T * p.X * p.w) + sc(p.y.T * p.y),
           lambda p: n2(p.X * p.w) - 2 * sc(p.w.T * p.X.T * p.y) + n2(p.y)]
    fal = lambda p: sc(p.w.T * p.X.T * p.X * p.w) + 2 * sc(p.y.T * p.X * p.w) + sc(p.y.T * p.y)
    g = dict(N=size(1, 4), d=lambda d: RNG.randint(1, 4), X=lambda d: rmat(d.N, d.d),
             w=lambda d: rmat(d.d, 1))
    check("least_squares_norm_expansion_sign", P(30, **g, y=lambda d: rmat(d.N, 1)), fns, 2, fal,
          P(6, **g, y=lambda d: M.matrix(d.N, 1)))
_f4()

def _f5():
    fns = [lambda p: n2(p.A * p.x - p.b), lambda p: sc((p.A * p.x - p.b).T * (p.A * p.x - p.b)),
           lambda p: sc(p.x.T * p.A.T * p.A * p.x) - 2 * sc(p.b.T * p.A * p.x) + sc(p.b.T * p.b),
           lambda p: n2(p.A * p.x) - 2 * sc(p.x.T * p.A.T * p.b) + n2(p.b)]
    fal = lambda p: sc(p.x.T * p.A * p.A.T * p.x) - 2 * sc(p.b.T * p.A * p.x) + sc(p.b.T * p.b)
    g = dict(x=lambda d: rmat(d.n, 1), b=lambda d: rmat(d.n, 1))
    check("md_residual_norm_transpose_side", P(30, n=size(1, 4), A=lambda d: rmat(d.n, d.n), **g),
          fns, 2, fal, P(4, n=size(1, 4), A=lambda d: rsym(d.n), **g) +
          P(2, n=1, A=lambda d: rmat(1, 1), **g))
_f5()

def _f6():
    f = lambda q: sc(q.x.T * q.A * q.x)
    fns = [lambda p: gradv(f, p, "x"), lambda p: (p.A + p.A.T) * p.x, lambda p: 2 * p.A * p.x,
           lambda p: p.A * p.x + p.A * p.x]
    fal = lambda p: p.A * p.x
    g = dict(n=size(1, 4), A=lambda d: rsym(d.n))
    check("md_symmetric_quadratic_form_gradient", P(30, **g, x=lambda d: rmat(d.n, 1)), fns, 2, fal,
          P(4, **g, x=lambda d: M.matrix(d.n, 1)),
          needed=[("A symmetric", P(10, n=size(2, 4), A=lambda d: rmat(d.n, d.n),
                                    x=lambda d: rmat(d.n, 1)), fns[1], fns[2])])
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
    body = "\n".join(t)
    nsteps = body.count("\n  - ") + body.count("\n      - ") if ext == "yaml" else \
        sum(1 for l in t if l.startswith("$$") or l.startswith("="))
    if nsteps < 3:
        problem(f"{name}: only {nsteps} steps")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
