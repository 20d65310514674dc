#!/usr/bin/env python3
"""Check every attack-49 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
expression of the file (the true twin's chain, every expression), plus the false twin's slipped
expression. Derivatives are taken by mpmath's `diff` (one variable or one matrix entry at a time),
never from the closed forms in the files; sums, traces and matrix products are written out;
vectors of sizes 1 to 6 and matrices of sizes 1 to 4 hold random rationals; expectations are
computed on random discrete distributions of 1 to 6 atoms. Values are compared relative to
max(1, |a|, |b|) with tolerance 10^-30. For each pair, on the domain its file states (lambda > 0,
sigma > 0 beside sqrt(2 pi), n a positive integer, x != -1 where a denominator is 1 + x):
  - every step of the true chain equals the step before it at every point tried, and so does
    every other chain of the file ("extra" chains, e.g. the first section of a two-section note);
  - the false twin's slipped expression differs from the expression before it at one point at
    least;
  - at each special point named in the README (x = 0, x = 1/2, n = 1, a symmetric matrix, A = B,
    w = 0, ...), the slipped expression's false value equals its true value;
  - where the README names a misreading that makes the false line true (`x^{2}(1 + x)'` read as
    the prime of the whole product, `\exp^{2}(x)` read as e^2 times x, `\exp^2 x` read as
    exp(x^2)), the false value equals the misread value of the line before it at every point.
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

from mpmath import sin, cos, e as E_

def misread_check(name, pts, false, misread_prev):
    """The false value equals the misread value of the line before it, at every point."""
    for p in pts:
        a, b = ev(false, p), ev(misread_prev, p)
        if a is None or b is None:
            continue
        if not close(a, b):
            problem(f"{name}: the misreading does not make the false line true at {dict(p)}")
            return

def d1(f, x0): return M.diff(f, x0)
def xs(count=30, **more):
    return P(count, x=lambda d: LADDER[d._t % len(LADDER)] if d._t < len(LADDER) else rq(), **more)
def notm1(pts): return [p for p in pts if p.x != -1]
def dist(d):
    """A random discrete distribution: atoms and probabilities."""
    k = 1 + d._t % 6
    a = [rq() for _ in range(k)]
    w = [rpos() for _ in range(k)]
    s = sum(w)
    return (a, [v / s for v in w])
def EX(d, f): a, pr = d.X; return sum(q * f(v) for v, q in zip(a, pr))

# ================= A  a chain of inner functions
def _a1():
    fns = [lambda p: d1(lambda x: 1 + exp(x ** 2), p.x),
           lambda p: d1(lambda t: 1 + t, exp(p.x ** 2)) * d1(lambda m: exp(m), p.x ** 2)
                     * d1(lambda x: x ** 2, p.x),
           lambda p: 1 * exp(p.x ** 2) * 2 * p.x,
           lambda p: 2 * p.x * exp(p.x ** 2)]
    small = P(30, x=lambda d: mpf(RNG.randint(-30, 30)) / 10)
    check("md_chain_three_links_square_inner", small, fns, 2, lambda p: 1 * exp(p.x ** 2),
          [D(x=mpf(1) / 2)])
_a1()

def _a2():
    t = lambda m: exp(2 * m)
    fns = [lambda p: 1 + t(2), lambda p: 1 + t(2), lambda p: 1 + exp(4), lambda p: 1 + exp(2) * exp(2)]
    check("md_chain_head_at_number_breaks_chain", xs(), fns, 2, lambda p: 1 + exp(-2 * p.x),
          [D(x=mpf(-2))])
    # the misreading: t(2) read as the chain's value t = e^{2 m(x)} = e^{-2x}
    misread_check("md_chain_head_at_number_breaks_chain", xs(),
                  lambda p: 1 + exp(-2 * p.x), lambda p: 1 + t(-p.x))
_a2()

def _a3():
    fns = [lambda p: d1(lambda x: sin(3 * x), p.x),
           lambda p: d1(sin, 3 * p.x) * d1(lambda x: 3 * x, p.x),
           lambda p: cos(3 * p.x) * 3, lambda p: 3 * cos(3 * p.x)]
    check("md_chain_primed_heads_own_arguments", xs(), fns, 2, lambda p: cos(3 * p.x),
          [D(x=pi / 6)])
_a3()

def _a4():
    first = [lambda p: d1(lambda x: 1 + exp(-x), p.x),
             lambda p: d1(lambda t: 1 + t, exp(-p.x)) * d1(exp, -p.x) * d1(lambda x: -x, p.x),
             lambda p: -exp(-p.x)]
    fns = [lambda p: d1(lambda x: (2 * x) ** 3, p.x),
           lambda p: d1(lambda u: u ** 3, 2 * p.x) * d1(lambda x: 2 * x, p.x),
           lambda p: 3 * (2 * p.x) ** 2 * 2, lambda p: 24 * p.x ** 2]
    check("md_two_chains_two_sections", xs(), fns, 2, lambda p: 3 * (2 * p.x) ** 2,
          [D(x=mpf(0))], extra=[("first section", xs(), first)])
_a4()

def _a5():
    fns = [lambda p: d1(lambda x: ln(x ** 2 + 1), p.x),
           lambda p: d1(ln, p.x ** 2 + 1) * d1(lambda x: x ** 2 + 1, p.x),
           lambda p: 1 / (p.x ** 2 + 1) * 2 * p.x, lambda p: 2 * p.x / (p.x ** 2 + 1)]
    check("md_chain_head_written_again_log", xs(), fns, 2, lambda p: 1 / (p.x ** 2 + 1) * p.x,
          [D(x=mpf(0))])
_a5()

def _a6():
    fns = [lambda p: d1(lambda x: 1 + exp(-x), p.x),
           lambda p: d1(lambda t: 1 + t, exp(-p.x)) * d1(exp, -p.x) * d1(lambda x: -x, p.x),
           lambda p: 1 * exp(-p.x) * (-1), lambda p: -exp(-p.x), lambda p: -1 / exp(p.x)]
    check("md_chain_docs_example_exponent_sign", xs(), fns, 3, lambda p: -exp(p.x),
          [D(x=mpf(0))])
_a6()

# ================= B  row breaks; expectations
def _b1():
    fns = [lambda p: d1(lambda x: x ** 2 * exp(x), p.x),
           lambda p: 2 * p.x * exp(p.x) + p.x ** 2 * exp(p.x),
           lambda p: (p.x ** 2 + 2 * p.x) * exp(p.x), lambda p: p.x * (p.x + 2) * exp(p.x)]
    check("md_aligned_row_breaks_product_rule", xs(), fns, 2,
          lambda p: (p.x ** 2 + p.x) * exp(p.x), [D(x=mpf(0))])
_b1()

def _b2():
    q = lambda x: (1 + x ** 2) ** 2
    fns = [lambda p: d1(lambda x: x / (1 + x ** 2), p.x),
           lambda p: ((1 + p.x ** 2) - 2 * p.x ** 2) / q(p.x),
           lambda p: (1 - p.x ** 2) / q(p.x), lambda p: (1 - p.x) * (1 + p.x) / q(p.x)]
    check("md_align_spaced_row_breaks_quotient", xs(), fns, 2,
          lambda p: (1 + p.x ** 2) / q(p.x), [D(x=mpf(0))])
_b2()

def _b3():
    fns = [lambda p: d1(lambda x: ln(1 + x ** 2), p.x),
           lambda p: 1 / (1 + p.x ** 2) * d1(lambda x: 1 + x ** 2, p.x),
           lambda p: 2 * p.x / (1 + p.x ** 2), lambda p: 2 * p.x * (1 + p.x ** 2) ** -1]
    check("md_split_row_breaks_log_chain", xs(), fns, 2, lambda p: 1 / (1 + p.x ** 2),
          [D(x=mpf(1) / 2)])
_b3()

def _mv(d):  # mean and variance of the distribution
    m = EX(d, lambda v: v); return m, EX(d, lambda v: v * v) - m * m

def _b4():
    g = dict(X=dist, c=lambda d: rq(), m=lambda d: _mv(d)[0], s=lambda d: _mv(d)[1])
    fns = [lambda p: EX(p, lambda v: v * v) - 2 * p.c * EX(p, lambda v: v) + p.c ** 2,
           lambda p: p.s + p.m ** 2 - 2 * p.c * p.m + p.c ** 2,
           lambda p: p.s + (p.m - p.c) ** 2, lambda p: p.s + (p.c - p.m) ** 2]
    check("md_expectation_bracket_then_bias_square", P(30, **g), fns, 2,
          lambda p: p.s + (p.m + p.c) ** 2, P(6, **dict(g, c=0)))
_b4()

def _b5():
    g = dict(X=dist, t=lambda d: rq(), m=lambda d: EX(d, lambda v: v),
             v=lambda d: EX(d, lambda u: u * u))
    fns = [lambda p: pd(lambda q: q.t ** 2 * q.v + q.t * q.m, p, "t"),
           lambda p: 2 * p.t * p.v + p.m, lambda p: p.m + 2 * p.t * p.v,
           lambda p: EX(p, lambda u: u) + 2 * p.t * EX(p, lambda u: u * u)]
    check("md_expectation_round_after_moment_slope", P(30, **g), fns, 2,
          lambda p: p.m + 2 * p.v, P(6, **dict(g, t=1)))
_b5()

def _b6():
    g = dict(X=dist, c=lambda d: rq(), m=lambda d: EX(d, lambda v: v),
             v=lambda d: EX(d, lambda u: u * u))
    first = [lambda p: EX(p, lambda u: u * u) - 2 * p.c * EX(p, lambda u: u) + p.c ** 2,
             lambda p: p.v - 2 * p.c * p.m + p.c ** 2]
    fns = [lambda p: pd(lambda q: q.v - 2 * q.c * q.m + q.c ** 2, p, "c"),
           lambda p: 2 * p.c - 2 * p.m, lambda p: 2 * (p.c - p.m)]
    check("md_expectation_subscript_then_point_slope", P(30, **g), fns, 1,
          lambda p: 2 * p.c - p.m, P(6, **dict(g, m=0)), extra=[("expectation row", P(30, **g), first)])
_b6()

# ================= C  primes after a bracket
def _c1():
    den = lambda x: 1 + exp(-x ** 2)
    fns = [lambda p: d1(lambda x: 1 / den(x), p.x),
           lambda p: (d1(lambda x: mpf(1), p.x) * den(p.x) - 1 * d1(den, p.x)) / den(p.x) ** 2,
           lambda p: (0 + 2 * p.x * exp(-p.x ** 2)) / den(p.x) ** 2,
           lambda p: 2 * p.x * exp(-p.x ** 2) / den(p.x) ** 2]
    check("md_curly_prime_bracket_logistic_square", xs(), fns, 2,
          lambda p: (0 + exp(-p.x ** 2)) / den(p.x) ** 2, [D(x=mpf(1) / 2)])
_c1()

def _c2():
    fns = [lambda p: d1(lambda x: x ** 2 / (1 + x), p.x),
           lambda p: (d1(lambda x: x ** 2, p.x) * (1 + p.x) - p.x ** 2 * d1(lambda x: 1 + x, p.x))
                     / (1 + p.x) ** 2,
           lambda p: (2 * p.x * (1 + p.x) - p.x ** 2) / (1 + p.x) ** 2,
           lambda p: (p.x ** 2 + 2 * p.x) / (1 + p.x) ** 2]
    fal = lambda p: -p.x ** 2 / (1 + p.x) ** 2
    check("md_bracket_prime_quotient_term_dropped", notm1(xs()), fns, 2, fal, [D(x=mpf(0))])
    # misreading: the prime in x^{2}(1 + x)' taken over the whole product x^2 (1 + x)
    misread_check("md_bracket_prime_quotient_term_dropped", notm1(xs()), fal,
                  lambda p: (d1(lambda x: x ** 2, p.x) * (1 + p.x)
                             - d1(lambda x: x ** 2 * (1 + x), p.x)) / (1 + p.x) ** 2)
_c2()

def _c3():
    fns = [lambda p: d1(lambda x: sin(x) * cos(x), p.x),
           lambda p: d1(sin, p.x) * cos(p.x) + sin(p.x) * d1(cos, p.x),
           lambda p: cos(p.x) ** 2 - sin(p.x) ** 2, lambda p: cos(2 * p.x)]
    check("md_curly_primes_after_sin_and_cos", xs(), fns, 2,
          lambda p: cos(p.x) ** 2 + sin(p.x) ** 2, [D(x=mpf(0))])
_c3()

def _c4():
    fns = [lambda p: M.diff(lambda x: x ** 3 * exp(x), p.x, 2),
           lambda p: d1(lambda x: 3 * x ** 2 * exp(x) + x ** 3 * exp(x), p.x),
           lambda p: 6 * p.x * exp(p.x) + 3 * p.x ** 2 * exp(p.x) + 3 * p.x ** 2 * exp(p.x)
                     + p.x ** 3 * exp(p.x),
           lambda p: (p.x ** 3 + 6 * p.x ** 2 + 6 * p.x) * exp(p.x)]
    check("md_double_prime_bracket_cube_exp", xs(), fns, 3,
          lambda p: (p.x ** 3 + 3 * p.x ** 2 + 6 * p.x) * exp(p.x), [D(x=mpf(0))])
_c4()

def _c5():
    den = lambda x: 1 + x ** 2
    fns = [lambda p: d1(lambda x: 1 / den(x), p.x),
           lambda p: (d1(lambda x: mpf(1), p.x) * den(p.x) - 1 * d1(den, p.x)) / den(p.x) ** 2,
           lambda p: (0 - 2 * p.x) / den(p.x) ** 2, lambda p: -2 * p.x / den(p.x) ** 2]
    check("md_curly_prime_one_reciprocal_square", xs(), fns, 2,
          lambda p: (0 + 2 * p.x) / den(p.x) ** 2, [D(x=mpf(0))])
_c5()

def _c6():
    u = exp; v = lambda x: 1 + x ** 2
    up = lambda x: d1(u, x); vp = lambda x: d1(v, x)
    fns = [lambda p: d1(lambda x: u(x) / v(x), p.x),
           lambda p: (up(p.x) * v(p.x) - u(p.x) * vp(p.x)) / v(p.x) ** 2,
           lambda p: (exp(p.x) * (1 + p.x ** 2) - 2 * p.x * exp(p.x)) / (1 + p.x ** 2) ** 2,
           lambda p: exp(p.x) * (1 - p.x) ** 2 / (1 + p.x ** 2) ** 2]
    check("md_quotient_rule_values_swapped", xs(), fns, 1,
          lambda p: (u(p.x) * vp(p.x) - up(p.x) * v(p.x)) / v(p.x) ** 2, [D(x=mpf(1))])
_c6()

# ================= D  sigmoid in the prose; sigma a standard deviation
def _d1():
    fns = [lambda p: d1(sig, p.x), lambda p: sig(p.x) * (1 - sig(p.x)),
           lambda p: exp(-p.x) / (1 + exp(-p.x)) ** 2, lambda p: exp(p.x) / (1 + exp(p.x)) ** 2]
    check("md_sigmoid_prose_slope_in_itself", xs(), fns, 2,
          lambda p: exp(-p.x) / (1 + exp(p.x)) ** 2, [D(x=mpf(0))])
_d1()

def _d2():
    s2 = lambda x: sig(x ** 2)
    fns = [lambda p: d1(s2, p.x), lambda p: d1(sig, p.x ** 2) * 2 * p.x,
           lambda p: 2 * p.x * s2(p.x) * (1 - s2(p.x)),
           lambda p: 2 * p.x * exp(-p.x ** 2) / (1 + exp(-p.x ** 2)) ** 2]
    check("md_sigmoid_heading_of_square_chain", xs(), fns, 2,
          lambda p: s2(p.x) * (1 - s2(p.x)), [D(x=mpf(1) / 2)])
_d2()

def _d3():
    fns = [lambda p: d1(sig, p.x), lambda p: exp(-p.x) / (1 + exp(-p.x)) ** 2,
           lambda p: 1 / (exp(p.x) + 2 + exp(-p.x)), lambda p: 1 / (4 * cosh(p.x / 2) ** 2)]
    check("md_sigmoid_only_primed_half_angle", xs(), fns, 3,
          lambda p: 1 / (4 * cosh(p.x) ** 2), [D(x=mpf(0))])
_d3()

def _d4():
    first = [lambda p: d1(sig, p.x), lambda p: sig(p.x) * (1 - sig(p.x)),
             lambda p: exp(-p.x) / (1 + exp(-p.x)) ** 2]
    fns = [lambda p: ln(1 / (p.s * sqrt(2 * pi))), lambda p: -ln(p.s * sqrt(2 * pi)),
           lambda p: -ln(2 * pi * p.s ** 2) / 2, lambda p: -ln(p.s) - ln(2 * pi) / 2]
    check("md_sigmoid_section_then_gaussian_sigma", P(30, s=lambda d: rpos()), fns, 2,
          lambda p: -ln(2 * pi * p.s) / 2, [D(s=mpf(1))], extra=[("sigmoid section", xs(), first)])
_d4()

def _d5():
    g = dict(w=lambda d: rq(), x=lambda d: rq())
    fns = [lambda p: -pd(lambda q: ln(sig(q.w * q.x)), p, "w"),
           lambda p: -d1(sig, p.w * p.x) * p.x / sig(p.w * p.x),
           lambda p: -(1 - sig(p.w * p.x)) * p.x, lambda p: (sig(p.w * p.x) - 1) * p.x]
    check("md_sigmoid_unit_log_loss_slope", P(30, **g), fns, 2,
          lambda p: -(1 - sig(p.w * p.x)), P(6, **dict(g, x=1)))
_d5()

def _d6():
    fns = [lambda p: d1(lambda z: ln(1 - sig(z)), p.x), lambda p: -d1(sig, p.x) / (1 - sig(p.x)),
           lambda p: -sig(p.x), lambda p: -1 / (1 + exp(-p.x))]
    check("md_sigma_is_the_sigmoid_log_complement", xs(), fns, 2,
          lambda p: -(1 - sig(p.x)), [D(x=mpf(0))])
_d6()

# ================= E  calligraphic words; \exp^{...}
def _e1():
    g = dict(l=lambda d: rpos(), y=lambda d: rq())
    LL = lambda q: q.y * ln(q.l) - q.l
    fns = [lambda p: pd(LL, p, "l"), lambda p: p.y / p.l - 1, lambda p: (p.y - p.l) / p.l,
           lambda p: p.y * p.l ** -1 - 1]
    check("md_mathcal_LL_poisson_slope", P(30, **g), fns, 2,
          lambda p: (p.y - p.l) / p.l ** 2, P(6, **dict(g, l=1)))
_e1()

def _e2():
    g = dict(x=lambda d: V(d.n), mu=lambda d: rq())
    NLL = lambda q: sum((v - q.mu) ** 2 for v in q.x) / 2
    fns = [lambda p: pd(NLL, p, "mu"), lambda p: sum(p.mu - v for v in p.x),
           lambda p: p.n * p.mu - sum(p.x), lambda p: p.n * (p.mu - sum(p.x) / p.n)]
    check("md_mathcal_NLL_mean_sum", P(30, **g, n=size(1, 6)), fns, 2,
          lambda p: p.mu - sum(p.x), P(6, **g, n=1))
_e2()

def _e3():
    fns = [lambda p: d1(lambda x: exp(-x ** 2 / 2), p.x), lambda p: -p.x * exp(-p.x ** 2 / 2),
           lambda p: -p.x * exp(-p.x ** 2 / 2), lambda p: -p.x / exp(p.x ** 2 / 2)]
    check("md_exp_superscript_no_argument_gauss", xs(), fns, 2,
          lambda p: -exp(-p.x ** 2 / 2), [D(x=mpf(1))])
_e3()

def _e4():
    fns = [lambda p: d1(lambda x: exp(x) ** 2, p.x), lambda p: 2 * exp(p.x) * exp(p.x),
           lambda p: 2 * exp(2 * p.x), lambda p: 2 * exp(p.x) ** 2]
    fal = lambda p: E_ ** 2
    check("md_exp_squared_applied_is_power", xs(), fns, 1, fal, [D(x=1 - ln(2) / 2)])
    # misreading: \exp^{2}(x) read as e^2 times (x)
    misread_check("md_exp_squared_applied_is_power", xs(), fal, lambda p: d1(lambda x: E_ ** 2 * x, p.x))
_e4()

def _e5():
    fns = [lambda p: d1(lambda x: exp(x) ** 2, p.x), lambda p: 2 * exp(p.x) * exp(p.x),
           lambda p: 2 * exp(2 * p.x)]
    fal = lambda p: 2 * p.x * exp(p.x ** 2)
    root = M.findroot(lambda x: 2 * exp(2 * x) - 2 * x * exp(x ** 2), 1.5)
    check("md_exp_squared_bare_argument_is_power", xs(), fns, 1, fal, [D(x=root)])
    # misreading: \exp^2 x read as exp(x^2)
    misread_check("md_exp_squared_bare_argument_is_power", xs(), fal,
                  lambda p: d1(lambda x: exp(x ** 2), p.x))
_e5()

def _e6():
    q = lambda x: 1 + exp(-x ** 2)
    fns = [lambda p: d1(lambda x: q(x) ** -1, p.x),
           lambda p: 2 * p.x * q(p.x) ** -2 * exp(-p.x ** 2),
           lambda p: 2 * p.x * exp(-p.x ** 2) / q(p.x) ** 2,
           lambda p: 2 * p.x / (exp(p.x ** 2) + 2 + exp(-p.x ** 2))]
    check("md_exp_superscript_closing_bracket_logistic", xs(), fns, 2,
          lambda p: exp(-p.x ** 2) / q(p.x) ** 2, [D(x=mpf(1) / 2)])
_e6()

# ================= F  matrix calculus with declared sizes
def col(n): return rmat(n, 1)

def _f1():
    g = dict(n=size(1, 4), w=lambda d: col(d.n), y=lambda d: col(d.n))
    L = lambda q: fro2(q.X * q.w - q.y) / 2
    fns = [lambda p: grad(L, p, "w"), lambda p: p.X.T * (p.X * p.w - p.y),
           lambda p: p.X.T * p.X * p.w - p.X.T * p.y]
    check("square_design_half_squared_error_gradient", P(24, **g, X=lambda d: rmat(d.n, d.n)), fns, 1,
          lambda p: p.X * (p.X * p.w - p.y), P(6, **g, X=lambda d: rsym(d.n)))
_f1()

def _f2():
    g = dict(n=size(1, 4), A=lambda d: rmat(d.n, d.n), x=lambda d: col(d.n))
    fns = [lambda p: (p.A * p.B * p.x).T, lambda p: p.x.T * (p.A * p.B).T,
           lambda p: p.x.T * p.B.T * p.A.T, lambda p: (p.B * p.x).T * p.A.T]
    check("transpose_of_product_times_vector", P(24, **g, B=lambda d: rmat(d.n, d.n)), fns, 2,
          lambda p: p.x.T * p.A.T * p.B.T, P(6, **g, B=lambda d: d.A))
_f2()

def _f3():
    g = dict(n=size(1, 4), X=lambda d: rmat(d.n, d.n))
    fns = [lambda p: grad(lambda q: tr(q.A * q.X), p, "X"), lambda p: p.A.T,
           lambda p: grad(lambda q: tr(q.X.T * q.A.T), p, "X")]
    check("trace_gradient_transpose", P(24, **g, A=lambda d: rmat(d.n, d.n)), fns, 1,
          lambda p: p.A, P(6, **g, A=lambda d: rsym(d.n)))
_f3()

def _f4():
    g = dict(n=size(1, 4), x=lambda d: col(d.n), y=lambda d: col(d.n))
    fns = [lambda p: grad(lambda q: sc(q.x.T * q.A * q.y), p, "x"), lambda p: p.A * p.y,
           lambda p: (p.y.T * p.A.T).T]
    check("bilinear_form_gradient_first_argument", P(24, **g, A=lambda d: rmat(d.n, d.n)), fns, 1,
          lambda p: p.A.T * p.y, P(6, **g, A=lambda d: rsym(d.n)))
_f4()

def _f5():
    g = dict(N=size(1, 4), d=lambda d: RNG.randint(1, 4), X=lambda d: rmat(d.N, d.d),
             y=lambda d: col(d.N), lam=lambda d: rpos())
    F = lambda q: fro2(q.X * q.w - q.y) + q.lam * fro2(q.w)
    fns = [lambda p: grad(F, p, "w"), lambda p: 2 * p.X.T * (p.X * p.w - p.y) + 2 * p.lam * p.w,
           lambda p: 2 * p.X.T * p.X * p.w - 2 * p.X.T * p.y + 2 * p.lam * p.w]
    check("ridge_gradient_penalty_factor", P(24, **g, w=lambda d: col(d.d)), fns, 1,
          lambda p: 2 * p.X.T * (p.X * p.w - p.y) + p.lam * p.w,
          P(6, **g, w=lambda d: M.matrix(d.d, 1)))
_f5()

def _f6():
    g = dict(n=size(1, 4), A=lambda d: rmat(d.n, d.n))
    fns = [lambda p: tr(p.A.T * p.B), lambda p: tr(p.B.T * p.A),
           lambda p: sum(p.A[i, j] * p.B[i, j] for i in range(p.n) for j in range(p.n)),
           lambda p: tr(p.A * p.B.T)]
    check("trace_transpose_product_elements", P(24, **g, B=lambda d: rmat(d.n, d.n)), fns, 2,
          lambda p: sum(p.A[i, j] * p.B[j, i] for i in range(p.n) for j in range(p.n)),
          P(6, **g, B=lambda d: rsym(d.n)))
_f6()

# ---------------- files
import re
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
    nsteps = body.count("\n  - ") if ext == "yaml" else \
        sum(1 for l in t if l.startswith("$$") or re.search(r"&\s*=", l))
    if nsteps < 3:
        problem(f"{name}: only {nsteps} steps")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
