#!/usr/bin/env python3
"""Check every attack-43 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
line of the file (the true twin's chain, every line), plus the false twin's slipped line.
Derivatives are taken by mpmath's `diff` (one real, one element or one matrix entry at a time),
never from the closed forms in the files; sums and products are written out term by term with
the empty range giving 0 (a sum) or 1 (a product); sizes run over 0 or 1 to 6 as the file
declares them, vectors and matrices of sizes 1 to 4 hold random rationals. Values are compared
relative to max(1, |a|, |b|) with tolerance 10^-30. For each pair, on the domain its file states
(its assumptions and, in a case, the case's condition: points are drawn inside it):
  - every step of the true chain equals the step before it at every point tried, and so does
    every step of the other cases of the file ("extra" chains);
  - the false twin's slipped line differs from the line before it at one point at least;
  - at each special point named in the README (n = 0, n = 1, x = 0, x = 1, a case's boundary,
    a symmetric matrix, ...), the slipped line's false value equals its true value;
  - where the README names a misreading (SymPy's Karr convention for an empty range, a bound
    read as n, a tiny term dropped, a definition not read, a tag read as a factor, i read as the
    imaginary unit, ...), the false line holds under it at every point tried.
File check: twins identical but for the marked line, one mark, in the false twin only, at the
line's end, and one `=` (brace depth 0) on the marked line. SHOW=1 prints where each false step
fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, exp, ln, sqrt, pi, sin, cos
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
NOSPECIAL = set()

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
    if special is None:
        NOSPECIAL.add(name)  # the README says: no special point; a misreading is checked instead
    elif not special:
        problem(f"{name}: no special point")
    for p in (special or ()):
        if not close(ev(fns[k], p), ev(false, p)):
            problem(f"{name}: special point {dict(p)} is not one where false = true")
    for what, pp, ff in extra:
        holds(name, what, pp, ff)
    CHECKED.append(name)


def cs(xs, ys): return sum(a * b for a, b in zip(xs, ys))
def sq(xs): return sum(a * a for a in xs)
def pos(): return mpf(RNG.randint(1, 40)) / RNG.randint(1, 9)

MISREAD = set()
def misread(name, what, pts, prev, false):
    """Under the misreading `what`, the line before the slip reads as prev(p): false holds there."""
    n = 0
    for p in pts:
        try:
            a, b = prev(p), false(p)
        except (ZeroDivisionError, ValueError):
            continue
        n += 1
        if not close(a, b):
            problem(f"{name}: under the misreading ({what}) false does not hold at "
                    f"{ {k: v for k, v in p.items() if k != '_t'} }: {a} vs {b}")
            return
    if n < 3:
        problem(f"{name}: misreading checked at {n} points only")
    MISREAD.add(name)

def rsum(f, lo, hi):
    """A sum over lo..hi, empty (0) when hi < lo."""
    return sum((f(k) for k in range(lo, hi + 1)), mpf(0))
def karr(f, lo, hi):
    """SymPy's Karr convention: sum_{lo}^{hi} = -sum_{hi+1}^{lo-1} when hi < lo."""
    if hi >= lo - 1:
        return rsum(f, lo, hi)
    return -rsum(f, hi + 1, lo - 1)
def reals(count, f=rq): return lambda d: f()
XS = [mpf(v) for v in ("-12", "-7.3", "-3", "-2", "-1.5", "-1", "-0.5", "-0.001", "0", "0.001",
                       "0.4", "0.5", "1", "2", "3", "3.1", "7.5", "12")]
def xs(extra=(), cond=lambda x: True, n_rand=20):
    vals = list(XS) + [mpf(v) for v in extra] + [rq() for _ in range(n_rand)]
    return [D(_t=t, x=v) for t, v in enumerate(vals) if cond(v)]
def dx(f, p, order=1):
    return M.diff(lambda t: f(D(p, x=t)), p.x, order)
def cbrt(v): return M.sign(v) * abs(v) ** (mpf(1) / 3)
NS = lambda lo, hi: [D(_t=t, n=v) for t, v in enumerate(range(lo, hi + 1))]

# ================= A  ranges and bounds
def _a1():
    fns = [lambda p: rsum(lambda k: 2 * k - 1, 3, p.n),
           lambda p: rsum(lambda j: 2 * j + 3, 1, p.n - 2),
           lambda p: max(p.n ** 2 - 4, 0),
           lambda p: max(p.n - 2, 0) * (p.n + 2)]
    fal = lambda p: mpf(p.n ** 2 - 4)
    check("shifted_odd_sum_from_three_empty", NS(1, 9), fns, 2, fal, NS(2, 9))
    misread("shifted_odd_sum_from_three_empty", "Karr's convention for the empty range",
            NS(1, 9), lambda p: karr(lambda j: 2 * j + 3, 1, p.n - 2), fal)
_a1()

def _a2():
    H = lambda n: rsum(lambda k: mpf(1) / k, 1, n)
    fns = [lambda p: rsum(lambda k: mpf(1) / k - mpf(1) / (k + 1), 1, p.n),
           lambda p: H(p.n) - rsum(lambda j: mpf(1) / j, 2, p.n + 1),
           lambda p: 1 - mpf(1) / (p.n + 1), lambda p: mpf(p.n) / (p.n + 1)]
    fal = lambda p: H(p.n) - rsum(lambda j: mpf(1) / j, 2, p.n)
    check("telescoping_shift_upper_bound", NS(0, 8), fns, 1, fal, NS(0, 0))
_a2()

def _a3():
    fns = [lambda p: rsum(lambda k: k, p.n, 2 * p.n), lambda p: rsum(lambda j: p.n + j, 0, p.n),
           lambda p: p.n * (p.n + 1) + mpf(p.n * (p.n + 1)) / 2,
           lambda p: mpf(3 * p.n * (p.n + 1)) / 2]
    fal = lambda p: rsum(lambda j: p.n + j, 1, p.n)
    check("shifted_sum_n_to_2n_lower_bound", NS(0, 8), fns, 1, fal, NS(0, 0))
_a3()

def _a4():
    fns = [lambda p: rsum(lambda i: rsum(lambda j: j, 1, i), 1, p.n),
           lambda p: rsum(lambda i: mpf(i * (i + 1)) / 2, 1, p.n),
           lambda p: mpf(p.n * (p.n + 1) * (p.n + 2)) / 6]
    fal = lambda p: rsum(lambda i: mpf(p.n * (p.n + 1)) / 2, 1, p.n)
    check("md_inner_bound_outer_index", NS(1, 8), fns, 1, fal, NS(1, 1))
    misread("md_inner_bound_outer_index", "the inner bound i read as n", NS(1, 8),
            lambda p: rsum(lambda i: rsum(lambda j: j, 1, p.n), 1, p.n), fal)
_a4()

def _a5():
    fns = [lambda p: rsum(lambda k: k, 0, p.n - 1), lambda p: rsum(lambda k: k, 1, p.n - 1),
           lambda p: mpf(p.n * (p.n - 1)) / 2, lambda p: mpf(p.n ** 2 - p.n) / 2]
    fal = lambda p: mpf(p.n * (p.n + 1)) / 2
    check("md_sum_below_n_from_zero", NS(0, 8), fns, 2, fal, NS(0, 0))
    misread("md_sum_below_n_from_zero", "the upper bound n - 1 read as n", NS(0, 8),
            lambda p: rsum(lambda k: k, 1, p.n), fal)
_a5()

def _a6():
    fns = [lambda p: rsum(lambda j: 2 * j - 1, 1, p.n), lambda p: 2 * rsum(lambda j: j, 1, p.n) - p.n,
           lambda p: p.n * (p.n + 1) - p.n, lambda p: p.n ** 2]
    fal = lambda p: 2 * rsum(lambda j: j, 1, p.n) - 1
    check("md_declared_range_odd_sum", NS(1, 8), fns, 1, fal, NS(1, 1))
    misread("md_declared_range_odd_sum", "the j-free term -1 taken once, not n times", NS(1, 8),
            lambda p: rsum(lambda j: 2 * j, 1, p.n) - 1, fal)
_a6()

# ================= B  numbers and words as typeset
def _b1():
    c = mpf(10) ** -6
    fns = [lambda p: dx(lambda q: 2 * 10 ** 3 * q.x ** 2 + c * q.x, p),
           lambda p: 4 * 10 ** 3 * p.x + c, lambda p: 4000 * p.x + mpf(1) / 1000000]
    fal = lambda p: 4 * 10 ** 3 * p.x
    check("sci_notation_tiny_term_kept", xs((1e6, -1e9, 1e-9)), fns, 1, fal, None)
    misread("sci_notation_tiny_term_kept", "the term 10^{-6} x dropped as negligible", xs(),
            lambda p: dx(lambda q: 2 * 10 ** 3 * q.x ** 2, p), fal)
_b1()

def _b2():
    fns = [lambda p: min(p.x, 5000) + abs(p.x - 5000), lambda p: max(p.x, 5000),
           lambda p: (p.x + 5000 + abs(p.x - 5000)) / 2]
    fal = lambda p: mpf(5000)
    pts = xs((4999.5, 5000, 5000.5, 7000, 12000, 1e6, -1e6))
    check("min_plus_bar_far_constant", pts, fns, 1, fal, [p for p in pts if p.x <= 5000])
_b2()

def _b3():
    r = mpf(105) / 100
    fns = [lambda p: p.x * (1 + mpf(5) / 100) ** 2, lambda p: p.x * r ** 2,
           lambda p: mpf(11025) / 10000 * p.x, lambda p: 441 * p.x / 400]
    check("md_percent_compounded_twice", xs(), fns, 2, lambda p: mpf(11) / 10 * p.x, xs((), lambda x: x == 0, 0))
_b3()

def _b4():
    fns = [lambda p: dx(lambda q: (2 + mpf(1) / 2) * q.x ** 2, p),
           lambda p: 2 * (2 + mpf(1) / 2) * p.x, lambda p: 5 * p.x, lambda p: 10 * p.x / 2]
    typeset = lambda p: mpf(5) / 2 * p.x      # 2\frac{1}{2} as printed: 5/2
    algebra = lambda p: 2 * (mpf(1) / 2) * p.x  # 2 times 1/2
    sp = xs((), lambda x: x == 0, 0)
    check("mixed_number_half_factor_lost", xs(), fns, 2, typeset, sp)
    check("mixed_number_half_factor_lost", xs(), fns, 2, algebra, sp)
_b4()

def _b5():
    T = mpf(1000)
    fns = [lambda p: p.x - T if p.x > T else mpf(0), lambda p: max(p.x - T, 0),
           lambda p: (p.x - T + abs(p.x - T)) / 2]
    pts = xs((999.5, 1000, 1000.5, 1500, 10 ** 5, -10 ** 5))
    check("md_cases_text_if_past_thousand", pts, fns, 1, lambda p: mpf(0),
          [p for p in pts if p.x <= T])
_b5()

def _b6():
    fns = [lambda p: dx(lambda q: q.x ** 2 / 1000000, p), lambda p: 2 * p.x / 1000000,
           lambda p: 2 * mpf(10) ** -6 * p.x]
    fal = lambda p: 2 * p.x / 1000
    check("md_thin_space_million_divisor", xs(), fns, 1, fal, xs((), lambda x: x == 0, 0))
    misread("md_thin_space_million_divisor", "1\\,000\\,000 read as 1000 (a group lost)", xs(),
            lambda p: dx(lambda q: q.x ** 2 / 1000, p), fal)
_b6()

# ================= C  kinks, jumps and domains
def _c1():
    fns = [lambda p: dx(lambda q: q.x * abs(q.x), p), lambda p: 2 * abs(p.x),
           lambda p: 2 * sqrt(p.x ** 2)]
    pts = xs()
    check("md_x_abs_x_slope_everywhere", pts, fns, 1, lambda p: 2 * p.x,
          [p for p in pts if p.x >= 0])
_c1()

def _c2():
    f0 = lambda p: dx(lambda q: M.sign(q.x) * q.x ** 2, p)
    neg = xs((), lambda x: x < 0)
    fns = [f0, lambda p: dx(lambda q: -q.x ** 2, p), lambda p: -2 * p.x, lambda p: 2 * abs(p.x)]
    check("sign_square_negative_branch", neg, fns, 2, lambda p: 2 * p.x,
          [D(_t=0, x=mpf(0))], [("case x > 0", xs((), lambda x: x > 0),
                                [f0, lambda p: 2 * p.x, lambda p: 2 * abs(p.x)])])
_c2()

def _c3():
    g = lambda q: q.x ** 2 if q.x < 1 else 2 * q.x + 5
    f0 = lambda p: dx(g, p)
    left = xs((0.999, 0.9), lambda x: x < 1)
    check("md_jump_piecewise_left_slope", left, [f0, lambda p: 2 * p.x, lambda p: p.x + p.x], 1,
          lambda p: mpf(2), [D(_t=0, x=mpf(1))],
          [("case x > 1", xs((1.001, 1.5), lambda x: x > 1), [f0, lambda p: mpf(2)])])
_c3()

def _c4():
    f0 = lambda p: dx(lambda q: cbrt(q.x), p)
    neg = xs((), lambda x: x < 0)
    fns = [f0, lambda p: 1 / (3 * cbrt(p.x ** 2)), lambda p: cbrt(p.x) / (3 * p.x)]
    check("cube_root_negative_slope", neg, fns, 1, lambda p: -1 / (3 * cbrt(p.x ** 2)), None,
          [("case x > 0", xs((), lambda x: x > 0),
            [f0, lambda p: p.x ** (-mpf(2) / 3) / 3, lambda p: cbrt(p.x) / (3 * p.x)])])
    misread("cube_root_negative_slope", "the slope of an odd function taken odd (sign of x)", neg,
            lambda p: M.sign(p.x) / (3 * cbrt(p.x ** 2)), lambda p: -1 / (3 * cbrt(p.x ** 2)))
_c4()

def _c5():
    pos_ = xs((), lambda x: x > 0)
    fns = [lambda p: dx(lambda q: q.x ** q.x, p), lambda p: dx(lambda q: exp(q.x * ln(q.x)), p),
           lambda p: p.x ** p.x * (ln(p.x) + 1), lambda p: p.x ** p.x * ln(p.x) + p.x ** p.x]
    check("md_x_to_x_slope", pos_, fns, 2, lambda p: p.x * p.x ** (p.x - 1),
          [D(_t=0, x=mpf(1))])
_c5()

def _c6():
    f0 = lambda p: sqrt(p.x ** 2) / p.x
    neg = xs((), lambda x: x < 0)
    check("sqrt_square_over_x_cases", neg, [f0, lambda p: -p.x / p.x, lambda p: mpf(-1)], 1,
          lambda p: p.x / p.x, None,
          [("case x > 0", xs((), lambda x: x > 0), [f0, lambda p: p.x / p.x, lambda p: mpf(1)])])
    misread("sqrt_square_over_x_cases", "the root of a square read as its base", neg,
            lambda p: p.x / p.x, lambda p: p.x / p.x)
_c6()

# ================= D  names that mean two things
def _d1():
    pts = [D(_t=t, x=rq(), e=pos()) for t in range(30)]
    fns = [lambda p: dx(lambda q: q.e ** q.x, p), lambda p: p.e ** p.x * ln(p.e),
           lambda p: ln(p.e) * p.e ** p.x]
    check("declared_e_base_slope", pts, fns, 1, lambda p: p.e ** p.x,
          [D(_t=t, x=rq(), e=M.e) for t in range(5)])
_d1()

def _d2():
    pts = [D(_t=t, x=v, u=v ** 2) for t, v in enumerate(XS + [rq() for _ in range(20)])]
    fns = [lambda p: M.diff(sin, p.u), lambda p: cos(p.u), lambda p: cos(p.x ** 2)]
    fal = lambda p: 2 * p.x * cos(p.u)
    check("derivative_by_defined_name_no_chain", pts, fns, 1, fal,
          [D(_t=0, x=mpf(1) / 2, u=mpf(1) / 4)])
    misread("derivative_by_defined_name_no_chain", "d/du taken as d/dx (the chain rule applied)",
            pts, lambda p: dx(lambda q: sin(q.x ** 2), p), fal)
_d2()

def _d3():
    u = lambda q: q.x ** 3 + q.x
    fns = [lambda p: dx(lambda q: u(q) ** 2, p), lambda p: 2 * u(p) * dx(u, p),
           lambda p: 2 * (p.x ** 3 + p.x) * (3 * p.x ** 2 + 1)]
    check("md_prime_on_value", xs(), fns, 1, lambda p: 2 * u(p), [D(_t=0, x=mpf(0))])
_d3()

def _d4():
    pts = [D(_t=t, w=rq(), x=rq(), y=rq()) for t in range(30)]
    fns = [lambda p: pd(lambda q: (q.w * q.x - q.y) ** 2 / 2, p, "w"),
           lambda p: (p.w * p.x - p.y) * p.x, lambda p: p.w * p.x ** 2 - p.x * p.y]
    check("md_energy_E_defined", pts, fns, 1, lambda p: p.w * p.x - p.y,
          [D(_t=t, w=rq(), x=mpf(1), y=rq()) for t in range(5)])
_d4()

def _d5():
    pts = [D(_t=t, n=1 + t % 6, i=1 + RNG.randrange(1 + t % 6), x=rsmall()) for t in range(30)]
    fns = [lambda p: dx(lambda q: exp(q.i * q.x), p, 2), lambda p: p.i ** 2 * exp(p.i * p.x),
           lambda p: p.i * p.i * exp(p.i * p.x)]
    fal = lambda p: -exp(p.i * p.x)
    check("index_i_second_derivative", pts, fns, 1, fal, None)
    misread("index_i_second_derivative", "i read as the imaginary unit in the coefficient i^2",
            pts, lambda p: M.mpc(0, 1) ** 2 * exp(p.i * p.x), fal)
_d5()

def _d6():
    pts = [D(_t=t, w=w, x=x, y=rq(), yh=w * x) for t, (w, x) in
           enumerate((rq(), rq()) for _ in range(30))]
    fns = [lambda p: pd(lambda q: (q.yh - q.y) ** 2, p, "yh"), lambda p: 2 * (p.yh - p.y),
           lambda p: 2 * (p.w * p.x - p.y)]
    fal = lambda p: 2 * (p.yh - p.y) * p.x
    check("md_partial_by_defined_hat", pts, fns, 1, fal,
          [D(_t=t, w=w, x=mpf(1), y=rq(), yh=w) for t, w in enumerate(rq() for _ in range(5))])
    misread("md_partial_by_defined_hat", "the derivative by w instead of by y-hat", pts,
            lambda p: pd(lambda q: (q.w * q.x - q.y) ** 2, p, "w"), fal)
_d6()

# ================= E  matrix calculus
def _e1():
    g = dict(N=lambda d: 1 + d._t % 4, d=lambda d: 1 + (d._t // 4) % 4,
             X=lambda d: rmat(d.N, d.d), w=lambda d: rmat(d.d, 1))
    L = lambda q: fro2(q.X * q.w - q.y) / 2
    fns = [lambda p: grad(L, p, "w"), lambda p: p.X.T * (p.X * p.w - p.y),
           lambda p: p.X.T * p.X * p.w - p.X.T * p.y]
    fal = lambda p: 2 * p.X.T * (p.X * p.w - p.y)
    check("least_squares_half_gradient", P(24, **g, y=lambda d: rmat(d.N, 1)), fns, 1, fal,
          P(6, **g, y=lambda d: d.X * d.w))
_e1()

def _e2():
    g = dict(N=lambda d: 1 + d._t % 4, d=lambda d: 1 + (d._t // 4) % 4,
             X=lambda d: rmat(d.N, d.d), w=lambda d: rmat(d.d, 1), y=lambda d: rmat(d.N, 1))
    L = lambda q: fro2(q.X * q.w - q.y) + q.lam * fro2(q.w)
    fns = [lambda p: grad(L, p, "w"), lambda p: 2 * p.X.T * (p.X * p.w - p.y) + 2 * p.lam * p.w,
           lambda p: 2 * (p.X.T * p.X + p.lam * eye(p.d)) * p.w - 2 * p.X.T * p.y]
    fal = lambda p: 2 * p.X.T * (p.X * p.w - p.y) + p.lam * p.w
    check("ridge_penalty_gradient_two", P(24, **g, lam=lambda d: rnz()), fns, 1, fal,
          P(6, **g, lam=0))
_e2()

def _e3():
    g = dict(n=lambda d: 1 + d._t % 4, x=lambda d: rmat(d.n, 1), y=lambda d: rmat(d.n, 1))
    fns = [lambda p: grad(lambda q: sc(q.x.T * q.A * q.y), p, "y"), lambda p: p.A.T * p.x,
           lambda p: (p.x.T * p.A).T]
    check("bilinear_gradient_second_argument", P(24, **g, A=lambda d: rmat(d.n, d.n)), fns, 1,
          lambda p: p.A * p.x, P(6, **g, A=lambda d: rsym(d.n)) + P(2, **dict(g, n=1), A=lambda d: rmat(1, 1)))
_e3()

def _e4():
    g = dict(n=lambda d: 1 + d._t % 4, A=lambda d: rmat(d.n, d.n), X=lambda d: rmat(d.n, d.n))
    fns = [lambda p: grad(lambda q: tr(q.A * q.X * q.B), p, "X"), lambda p: p.A.T * p.B.T,
           lambda p: (p.B * p.A).T]
    check("trace_sandwich_gradient_order", P(24, **g, B=lambda d: rmat(d.n, d.n)), fns, 1,
          lambda p: p.B.T * p.A.T, P(6, **g, B=lambda d: d.A.copy()))
_e4()

def _e5():
    g = dict(n=lambda d: 1 + d._t % 4, X=lambda d: rmat(d.n, d.n), W=lambda d: rmat(d.n, d.n),
             Y=lambda d: rmat(d.n, d.n))
    fns = [lambda p: grad(lambda q: fro2(q.X * q.W - q.Y) / 2, p, "W"),
           lambda p: p.X.T * (p.X * p.W - p.Y), lambda p: p.X.T * p.X * p.W - p.X.T * p.Y]
    check("frobenius_least_squares_matrix_grad", P(24, **g), fns, 1,
          lambda p: (p.X * p.W - p.Y).T * p.X, P(4, **dict(g, n=1)))
_e5()

def _e6():
    g = dict(n=lambda d: 1 + d._t % 4, x=lambda d: rmat(d.n, 1))
    fns = [lambda p: fro2(p.x * p.y.T), lambda p: tr(p.y * p.x.T * p.x * p.y.T),
           lambda p: sc(p.x.T * p.x) * sc(p.y.T * p.y), lambda p: fro2(p.x) * fro2(p.y)]
    check("outer_product_frobenius_norm", P(24, **g, y=lambda d: rmat(d.n, 1)), fns, 2,
          lambda p: sc(p.x.T * p.y) ** 2,
          P(6, **g, y=lambda d: 2 * d.x) + P(3, **dict(g, n=1), y=lambda d: rmat(1, 1)))
_e6()

def _e7():
    g = dict(n=lambda d: 1 + d._t % 4, x=lambda d: rmat(d.n, 1), b=lambda d: rmat(d.n, 1))
    f = lambda q: sc(q.x.T * q.A * q.x) - sc(q.b.T * q.x)
    fns = [lambda p: grad(f, p, "x"), lambda p: (p.A + p.A.T) * p.x - p.b,
           lambda p: p.A * p.x + p.A.T * p.x - p.b]
    check("md_quadratic_form_linear_term", P(24, **g, A=lambda d: rmat(d.n, d.n)), fns, 1,
          lambda p: 2 * p.A * p.x - p.b, P(6, **g, A=lambda d: rsym(d.n)))
_e7()

# ================= F  notes layouts
def _f1():
    fns = [lambda p: dx(lambda q: q.x ** 2 * sin(q.x), p),
           lambda p: 2 * p.x * sin(p.x) + p.x ** 2 * cos(p.x),
           lambda p: p.x * (2 * sin(p.x) + p.x * cos(p.x)),
           lambda p: p.x ** 2 * cos(p.x) + 2 * p.x * sin(p.x)]
    check("md_align_why_column_factor", xs(), fns, 2,
          lambda p: p.x * (2 * sin(p.x) + cos(p.x)), [D(_t=0, x=mpf(0)), D(_t=1, x=mpf(1))])
_f1()

def _f2():
    s, c = (lambda p: sin(p.x)), (lambda p: cos(p.x))
    fns = [lambda p: dx(lambda q: q.x ** 2 * sin(q.x), p),
           lambda p: 2 * p.x * s(p) + p.x ** 2 * c(p), lambda p: p.x * (2 * s(p) + p.x * c(p))]
    fal = lambda p: 2 * p.x * s(p)
    check("md_definition_after_use", xs(), fns, 1, fal, [D(_t=0, x=mpf(0))])
    misread("md_definition_after_use", "s and c free constants (the later definition not read)",
            xs(), lambda p: M.diff(lambda t: t ** 2 * sin(p.x), p.x), fal)
_f2()

def _f3():
    def pts(same, count=30):
        out = []
        for t in range(count):
            n = (2 if not same else 1) + t % (5 if not same else 6)
            i = RNG.randrange(n)
            j = i if same else RNG.choice([k for k in range(n) if k != i])
            out.append(D(_t=t, n=n, i=i, j=j, x=V(n)))
        return out
    f0 = lambda p: pd(lambda q: q.x[q.i] ** 2 * q.x[q.j], p, "x", p.j)
    fns = [f0, lambda p: 3 * p.x[p.i] ** 2, lambda p: 3 * p.x[p.j] ** 2]
    sp = pts(True, 6)
    for p in sp:
        p.x[p.i] = mpf(0)
    check("md_if_equal_otherwise_product", pts(True), fns, 1, lambda p: p.x[p.i] ** 2, sp,
          [("otherwise (i != j)", pts(False), [f0, lambda p: p.x[p.i] ** 2])])
_f3()

def _f4():
    goal = lambda p: abs(p.x) + p.x
    check("md_goal_then_cases_ramp", xs((), lambda x: x < 0), [goal, lambda p: -p.x + p.x,
          lambda p: mpf(0)], 1, lambda p: 2 * p.x, [D(_t=0, x=mpf(0))],
          [("case x > 0", xs((), lambda x: x > 0), [goal, lambda p: 2 * p.x])])
    misread("md_goal_then_cases_ramp", "the second case read on from the first case's chain",
            xs((), lambda x: x < 0), lambda p: 2 * p.x, lambda p: 2 * p.x)
_f4()

def _f5():
    fns = [lambda p: dx(lambda q: (q.x ** 3 + 2) ** 2, p),
           lambda p: 2 * (p.x ** 3 + 2) * 3 * p.x ** 2, lambda p: 6 * p.x ** 5 + 12 * p.x ** 2,
           lambda p: 6 * p.x ** 2 * (p.x ** 3 + 2)]
    fal = lambda p: 3 * p.x ** 5 + 6 * p.x ** 2
    check("md_tag_numbers_and_period", xs(), fns, 2, fal, [D(_t=0, x=mpf(0))])
    misread("md_tag_numbers_and_period", "\\tag{2} read as a factor 2 of its row", xs(),
            lambda p: 2 * (p.x ** 3 + 2) * 3 * p.x ** 2 / 2, fal)
_f5()

def _f6():
    fns = [lambda p: dx(lambda q: q.x ** 2 * sin(q.x), p),
           lambda p: 2 * p.x * sin(p.x) + p.x ** 2 * cos(p.x),
           lambda p: 2 * p.x * sin(p.x) + p.x ** 2 * cos(p.x)]
    fal = lambda p: 2 * p.x * sin(p.x)
    check("md_inline_definition_list", xs(), fns, 1, fal, [D(_t=0, x=mpf(0))])
    misread("md_inline_definition_list", "v a free constant (the second definition of the list "
            "not read)", xs(), lambda p: M.diff(lambda t: t ** 2 * sin(p.x), p.x), fal)
_f6()

def _f7():
    g1 = lambda p: max(p.x, 0) * p.x
    g2 = lambda p: min(p.x, 0) * p.x
    check("md_similarly_closes_cases", xs((), lambda x: x >= 0), [g2, lambda p: mpf(0)], 1,
          lambda p: p.x ** 2, [D(_t=0, x=mpf(0))],
          [("second group, x < 0", xs((), lambda x: x < 0), [g2, lambda p: p.x ** 2]),
           ("first group, x > 0", xs((), lambda x: x > 0), [g1, lambda p: p.x ** 2]),
           ("first group, otherwise", xs((), lambda x: x <= 0), [g1, lambda p: mpf(0)])])
    misread("md_similarly_closes_cases", "the second group nested in the first's Otherwise "
            "(x <= 0 and x >= 0: x = 0)", [D(_t=t, x=mpf(0)) for t in range(3)],
            lambda p: g2(p), lambda p: p.x ** 2)
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
    body = "\n".join(t)
    nsteps = body.count("\n  - ") + body.count("\n      - ") if ext == "yaml" else \
        sum(1 for l in t if l.startswith("$$") or l.startswith("&=") or "&=" in l)
    if nsteps < 3:
        problem(f"{name}: only {nsteps} steps")
CHECKED_SET = set(CHECKED)
for name in sorted(NOSPECIAL - MISREAD):
    problem(f"{name}: no special point and no misreading checked")
if CHECKED_SET - set(classes):
    problem(f"checked but not in classes.json: {CHECKED_SET - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
