#!/usr/bin/env python3
"""Check every attack-48 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 80 digits. Each pair is written here as its chain of steps, one Python function per
line of the file (the true twin's chain, every line), plus the false twin's slipped line.
Derivatives are taken by mpmath's `diff` (by a real, or by one element of a vector; a function's
derivative at an inner argument, f'(x^2), is also taken by `diff`), never from the closed forms in
the files; sums are written out term by term; vectors of sizes 1 to 6 (and n = 0 where the file
lets n be 0). Reals run over a ladder from -12 to 12 (with 0, +-0.001, 1/2, 1) and random
rationals, restricted to the file's domain (x > 0, 0 < q < 1, a case's side of a kink). Values
are compared relative to max(1, |a|, |b|) with tolerance 10^-30. For each pair:
  - every step of the true chain equals the step before it at every point tried, and so does
    every step of the file's other cases ("extra" chains);
  - the false twin's slipped line differs from the line before it at one point at least;
  - at each special point named in the README (x = 0, x = 1/2, x = 1, x = e, t = pi/4, n = 0,
    n = 1, n = 2, lambda = 0, alpha = 1, k = n, a zero residual, an accent equal to its letter),
    the slipped line's false value equals its true value;
  - where a misreading is named in the README (`\choose` read as `\over`, `\log_{1 \over 2}` read
    as `\log_2`, `log x^3` read as (log x)^3, an accented letter read as the plain letter), the
    false line holds against the line before it, both read so, at every point tried.
File check: twins identical but for the marked line, one mark, in the false twin only, at the
line's end, and one `=` (brace depth 0) on the marked line. SHOW=1 prints where each false step
fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, exp, ln, sqrt, pi, tanh, cosh, sinh, erf, sin, cos
M.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -30
RNG = random.Random(48)

class D(dict):
    __getattr__ = dict.__getitem__

def close(a, b, tol=TOL):
    if a is None or b is None:
        return False
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def rpos(): return mpf(RNG.randint(1, 40)) / RNG.randint(1, 9)
def V(n, f=rq): return [f() for _ in range(n)]
LADDER = [mpf(v) for v in ("-12", "-7.3", "-3", "-2", "-1.5", "-1", "-0.5", "-0.001", "0",
                           "0.001", "0.4", "0.5", "1", "2", "3", "3.1", "7.5", "12")]
POS = [v for v in LADDER if v > 0]
NEG = [v for v in LADDER if v < 0]
def lad(lst=LADDER):
    """the ladder in turn, then random rationals of the same sign set"""
    def g(d):
        if d._t < len(lst):
            return lst[d._t]
        while True:
            v = rq()
            if (min(lst) <= v <= max(lst)) and ((v > 0) == (lst[0] > 0) or min(lst) < 0 < max(lst)):
                if v != 0 or 0 in lst:
                    return v
    return g

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

def pd(f, p, key, i=None, order=1):
    """d f(p) / d p[key] (or its element i)."""
    x0 = p[key] if i is None else p[key][i]
    def g(t):
        q = D(p)
        if i is None:
            q[key] = t
        else:
            v = list(p[key]); v[i] = t; q[key] = v
        return f(q)
    return M.diff(g, x0, order)

def der(f, u): return M.diff(f, u)  # f'(u) of a one-argument function, by diff

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)
CHECKED = []

def ev(f, p):
    try:
        v = f(p)
        if isinstance(v, M.mpc):
            if abs(v.imag) > TOL * max(1, abs(v)):
                return None
            v = v.real
        return v
    except (ZeroDivisionError, ValueError, OverflowError):
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

def check(name, pts, fns, k, false, special=(), extra=(), misread=None):
    """fns: the true chain, line by line; fns[k] is the slipped line; false its false value.
    misread: (previous line as misread, false line as misread), equal at every point."""
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
        a, b = ev(fns[k], p), ev(false, p)
        if not close(a, b):
            problem(f"{name}: special point {dict(p)} is not one where false = true ({a} vs {b})")
    if misread is not None:
        holds(name, "false line under the misreading", pts, list(misread))
    for what, pp, ff in extra:
        holds(name, what, pp, ff)
    CHECKED.append(name)

def cs(xs, ys): return sum(a * b for a, b in zip(xs, ys))
def sq(xs): return sum(a * a for a in xs)
def sig(t): return 1 / (1 + exp(-t))
def binom2(n): return mpf(n * (n - 1)) / 2

# ================= A  capitalised words as one name; products of letters that are meant
def _a1():
    z = lambda q: q.w * q.x + q.b
    fns = [lambda p: pd(lambda q: (z(q) - q.y) ** 2, p, "w"),
           lambda p: 2 * (z(p) - p.y) * p.x,
           lambda p: 2 * p.w * p.x ** 2 + 2 * (p.b - p.y) * p.x]
    g = dict(w=lambda d: rq(), x=lad(), b=lambda d: rq(), y=lambda d: rq())
    check("md_cost_word_chain_factor", P(30, **g), fns, 1, lambda p: 2 * (z(p) - p.y),
          P(6, **dict(g, x=1)))
_a1()

def _a2():
    yh = lambda q: q.w * q.x + q.b
    fns = [lambda p: pd(lambda q: (q.y - yh(q)) ** 2, p, "b"),
           lambda p: -2 * (p.y - yh(p)), lambda p: 2 * (p.w * p.x + p.b - p.y)]
    g = dict(w=lambda d: rq(), x=lad(), b=lambda d: rq())
    check("md_loss_word_hat_y_bias_sign", P(30, **g, y=lambda d: rq()), fns, 1,
          lambda p: 2 * (p.y - yh(p)), P(6, **g, y=lambda d: d.w * d.x + d.b))
_a2()

def _a3():
    A = lambda q: q.x ** 2
    B = lambda q: sin(q.x)
    fns = [lambda p: pd(lambda q: A(q) * B(q), p, "x"),
           lambda p: 2 * p.x * B(p) + A(p) * cos(p.x),
           lambda p: 2 * p.x * sin(p.x) + p.x ** 2 * cos(p.x)]
    check("md_product_AB_of_defined_letters", P(30, x=lad()), fns, 1, lambda p: 2 * p.x * B(p),
          P(1, x=0))
_a3()

def _a4():
    E = lambda q: sum((q.w * x - y) ** 2 for x, y in zip(q.x, q.y)) / 2
    fns = [lambda p: pd(E, p, "w"),
           lambda p: sum((p.w * x - y) * x for x, y in zip(p.x, p.y)),
           lambda p: p.w * sq(p.x) - cs(p.x, p.y)]
    g = dict(n=size(1, 6), x=lambda d: V(d.n), w=lambda d: rq())
    check("md_error_word_sum_half_kept", P(30, **g, y=lambda d: V(d.n)), fns, 1,
          lambda p: sum((p.w * x - y) * x for x, y in zip(p.x, p.y)) / 2,
          P(6, **g, y=lambda d: [d.w * x for x in d.x]))
_a4()

def _a5():
    fns = [lambda p: pd(lambda q: q.M * q.g * q.t ** 2, p, "t"),
           lambda p: 2 * p.M * p.g * p.t, lambda p: 2 * p.t * p.g * p.M]
    g = dict(M=lambda d: rq(), g=lambda d: rq())
    check("mgt_letters_product_yaml", P(30, **g, t=lad()), fns, 1, lambda p: p.M * p.g * p.t,
          P(4, **g, t=0))
_a5()

def _a6():
    fns = [lambda p: pd(lambda q: q.k * q.x ** 2 / 2 + q.x ** 4, p, "x"),
           lambda p: p.k * p.x + 4 * p.x ** 3, lambda p: p.x * (p.k + 4 * p.x ** 2)]
    g = dict(x=lad())
    check("md_energy_word_function_head", P(30, **g, k=lambda d: rnz()), fns, 1,
          lambda p: p.k * p.x / 2 + 4 * p.x ** 3, P(6, **g, k=0))
_a6()

# ================= B  function names without their backslash; letters side by side
def _b1():
    fns = [lambda p: pd(lambda q: exp(q.x ** 2), p, "x"),
           lambda p: 2 * p.x * exp(p.x ** 2), lambda p: 2 * p.x * exp(p.x ** 2)]
    check("md_exp_plain_square_argument", P(30, x=lad()), fns, 1, lambda p: exp(p.x ** 2),
          P(1, x=mpf(1) / 2))
_b1()

def _b2():
    l = lambda q: 2 * q.x
    n = lambda q: q.x ** 2
    fns = [lambda p: pd(lambda q: l(q) * n(q) * q.x, p, "x"),
           lambda p: pd(lambda q: 2 * q.x ** 4, p, "x"),
           lambda p: 8 * p.x ** 3, lambda p: 2 * p.x * 4 * p.x ** 2]
    check("md_letters_l_n_defined_product", P(30, x=lad()), fns, 2, lambda p: 2 * p.x ** 3,
          P(1, x=0))
_b2()

def _b3():
    small = [v for v in LADDER if abs(v) <= 3]
    fns = [lambda p: pd(lambda q: cosh(q.x ** 3) - sinh(q.x ** 3), p, "x"),
           lambda p: 3 * p.x ** 2 * sinh(p.x ** 3) - 3 * p.x ** 2 * cosh(p.x ** 3),
           lambda p: -3 * p.x ** 2 * exp(-p.x ** 3)]
    check("md_cosh_minus_sinh_plain_cube", P(30, x=lad(small)), fns, 1,
          lambda p: 3 * p.x ** 2 * cosh(p.x ** 3) - 3 * p.x ** 2 * sinh(p.x ** 3), P(1, x=0))
_b3()

def _b4():
    fns = [lambda p: pd(lambda q: ln(q.x ** 3), p, "x"),
           lambda p: 3 * p.x ** 2 / p.x ** 3, lambda p: 3 / p.x]
    fal = lambda p: 3 * ln(p.x) ** 2 / p.x
    pts = P(30, x=lad(POS))
    check("md_log_plain_cube_argument", pts, fns, 1, fal, P(1, x=+M.e),
          misread=(lambda p: pd(lambda q: ln(q.x) ** 3, p, "x"), fal))
_b4()

def _b5():
    fns = [lambda p: pd(lambda q: ln(q.x) / q.x, p, "x"),
           lambda p: (1 - ln(p.x)) / p.x ** 2, lambda p: 1 / p.x ** 2 - ln(p.x) / p.x ** 2]
    check("md_ln_plain_over_x_sign", P(30, x=lad(POS)), fns, 1,
          lambda p: (1 + ln(p.x)) / p.x ** 2, P(1, x=1))
_b5()

def _b6():
    fns = [lambda p: pd(lambda q: q.x * exp(-q.x ** 2), p, "x"),
           lambda p: exp(-p.x ** 2) - 2 * p.x ** 2 * exp(-p.x ** 2),
           lambda p: (1 - 2 * p.x ** 2) * exp(-p.x ** 2)]
    check("exp_bracket_plain_gaussian_yaml", P(30, x=lad()), fns, 1,
          lambda p: exp(-p.x ** 2) - 2 * p.x * exp(-p.x ** 2), P(1, x=0) + P(1, x=1))
_b6()

# ================= C  \over, \choose in superscripts and subscripts; primes; doubled braces
def _c1():
    fns = [lambda p: pd(lambda q: q.x ** (mpf(-1) / 2), p, "x"),
           lambda p: -p.x ** (mpf(-3) / 2) / 2, lambda p: -1 / (2 * p.x * sqrt(p.x))]
    check("md_over_exponent_negative_half", P(30, x=lad(POS)), fns, 1,
          lambda p: -p.x ** (mpf(-1) / 2) / 2, P(1, x=1))
_c1()

def _c2():
    fns = [lambda p: pd(lambda q: ln(q.x) / ln(mpf(1) / 2), p, "x"),
           lambda p: 1 / (p.x * ln(mpf(1) / 2)), lambda p: -1 / (p.x * ln(2))]
    fal = lambda p: 1 / (p.x * ln(2))
    check("md_over_in_log_base_subscript", P(30, x=lad(POS)), fns, 1, fal,
          misread=(lambda p: pd(lambda q: ln(q.x) / ln(2), p, "x"), fal))
_c2()

def _c3():
    fns = [lambda p: pd(lambda q: q.x ** binom2(q.n), p, "x"),
           lambda p: mpf(p.n * (p.n - 1)) / (2 * p.x) * p.x ** binom2(p.n),
           lambda p: mpf(p.n * (p.n - 1)) / 2 * p.x ** (mpf(p.n * (p.n - 1)) / 2 - 1)]
    fal = lambda p: mpf(p.n) / (2 * p.x) * p.x ** binom2(p.n)
    g = dict(x=lad(POS))
    fal_mis = lambda p: mpf(p.n) / (2 * p.x) * p.x ** (mpf(p.n) / 2)
    check("md_choose_power_of_x", P(40, **g, n=size(1, 8)), fns, 1, fal, P(6, **g, n=2),
          misread=(lambda p: pd(lambda q: q.x ** (mpf(q.n) / 2), p, "x"), fal_mis))
_c3()

def _c4():
    f = lambda u: ln(1 + u ** 2)
    fns = [lambda p: pd(lambda q: f(q.x ** 2), p, "x"),
           lambda p: 2 * p.x * der(f, p.x ** 2), lambda p: 4 * p.x ** 3 / (1 + p.x ** 4)]
    check("md_curly_prime_inner_square", P(30, x=lad()), fns, 1, lambda p: der(f, p.x ** 2),
          P(1, x=mpf(1) / 2))
_c4()

def _c5():
    fns = [lambda p: pd(lambda q: sig(q.x ** 2), p, "x"),
           lambda p: 2 * p.x * der(sig, p.x ** 2),
           lambda p: 2 * p.x * exp(-p.x ** 2) / (1 + exp(-p.x ** 2)) ** 2]
    check("unicode_prime_sigmoid_of_square_yaml", P(30, x=lad()), fns, 1,
          lambda p: der(sig, p.x ** 2), P(1, x=mpf(1) / 2))
_c5()

def _c6():
    fns = [lambda p: pd(lambda q: q.x ** 2 * exp(-q.x), p, "x"),
           lambda p: 2 * p.x * exp(-p.x) - p.x ** 2 * exp(-p.x),
           lambda p: p.x * (2 - p.x) * exp(-p.x)]
    check("md_mathtype_braces_product_sign", P(30, x=lad()), fns, 1,
          lambda p: 2 * p.x * exp(-p.x) + p.x ** 2 * exp(-p.x), P(1, x=0))
_c6()

# ================= D  x^(...) exponents; equations side by side; \limits
def _d1():
    h = mpf(3) / 2
    fns = [lambda p: pd(lambda q: q.x ** 3 * q.x ** (-h), p, "x"),
           lambda p: 3 * p.x ** 2 * p.x ** (-h) - h * p.x ** 3 * p.x ** (-mpf(5) / 2),
           lambda p: h * sqrt(p.x), lambda p: h * p.x ** (-mpf(1) / 2) * p.x]
    check("md_paren_exponent_product_half", P(30, x=lad(POS)), fns, 2, lambda p: h * p.x,
          P(1, x=1))
_d1()

def _d2():
    fns = [lambda p: pd(lambda q: exp(-q.x ** 2 / 2), p, "x"),
           lambda p: -p.x * exp(-p.x ** 2 / 2), lambda p: -p.x * exp(-p.x ** 2 / 2)]
    check("md_paren_exponent_gaussian_half", P(30, x=lad()), fns, 1,
          lambda p: -2 * p.x * exp(-p.x ** 2 / 2), P(1, x=0))
_d2()

def _d3():
    fns = [lambda p: pd(lambda q: (q.w * q.x - q.y) ** 2 + q.lam * q.w ** 2, p, "w"),
           lambda p: 2 * (p.w * p.x - p.y) * p.x + 2 * p.lam * p.w,
           lambda p: 2 * (p.x ** 2 + p.lam) * p.w - 2 * p.x * p.y]
    g = dict(w=lambda d: rnz(), x=lad(), y=lambda d: rq())
    check("md_side_by_side_word_names", P(30, **g, lam=lambda d: rnz()), fns, 1,
          lambda p: 2 * (p.w * p.x - p.y) * p.x + p.lam * p.w, P(6, **g, lam=0))
_d3()

def _d4():
    fns = [lambda p: pd(lambda q: cos(q.t) * sin(q.t), p, "t"),
           lambda p: -sin(p.t) * sin(p.t) + cos(p.t) * cos(p.t),
           lambda p: cos(p.t) ** 2 - sin(p.t) ** 2, lambda p: cos(2 * p.t)]
    check("md_side_by_side_cos_sin_letters", P(30, t=lad()), fns, 2,
          lambda p: sin(p.t) ** 2 - cos(p.t) ** 2, P(1, t=pi / 4))
_d4()

def _d5():
    fns = [lambda p: sum(2 * k + 1 for k in range(0, p.n)),
           lambda p: 2 * sum(k for k in range(0, p.n)) + p.n,
           lambda p: p.n * (p.n - 1) + p.n, lambda p: p.n ** 2]
    check("md_sum_limits_odd_numbers_off_by_one", P(10, n=size(0, 9)), fns, 2,
          lambda p: p.n * (p.n + 1) + p.n, P(1, n=0))
_d5()

def _d6():
    fns = [lambda p: pd(lambda q: sum(v ** 3 for v in q.x), p, "x", p.i),
           lambda p: sum(3 * v ** 2 * (k == p.i) for k, v in enumerate(p.x)),
           lambda p: 3 * p.x[p.i] ** 2, lambda p: 3 * p.x[p.i] * p.x[p.i]]
    g = dict(x=lambda d: V(d.n), i=idx())
    check("sum_limits_cube_delta_yaml", P(30, **g, n=size(1, 6)), fns, 2,
          lambda p: 3 * sq(p.x), P(6, **g, n=1))
_d6()

# ================= E  events and arg max beside checked links; accented names
def _e1():
    LL = lambda q: q.y * ln(q.q) + (1 - q.y) * ln(1 - q.q)
    fns = [lambda p: pd(LL, p, "q"),
           lambda p: p.y / p.q - (1 - p.y) / (1 - p.q),
           lambda p: (p.y - p.q) / (p.q * (1 - p.q))]
    g = dict(q=lambda d: mpf(RNG.randint(1, 98)) / 99)
    check("md_event_row_then_bernoulli_slope", P(30, **g, y=lambda d: rq()), fns, 1,
          lambda p: p.y / p.q + (1 - p.y) / (1 - p.q), P(6, **g, y=1))
_e1()

def _e2():
    fns = [lambda p: pd(lambda q: (q.th - q.thh) ** 2, p, "th"),
           lambda p: 2 * (p.th - p.thh), lambda p: 2 * p.th - 2 * p.thh,
           lambda p: -2 * (p.thh - p.th)]
    g = dict(th=lad())
    check("md_hat_theta_dropped_once", P(30, **g, thh=lambda d: rnz()), fns, 2,
          lambda p: 2 * p.th - 2 * p.th, P(6, **g, thh=lambda d: d.th))
_e2()

def _e3():
    fns = [lambda p: pd(lambda q: q.x ** 2 * q.xb, p, "x"),
           lambda p: 2 * p.x * p.xb, lambda p: 2 * p.xb * p.x]
    fal = lambda p: 3 * p.x ** 2
    g = dict(x=lad())
    check("md_bar_x_is_not_x", P(30, **g, xb=lambda d: rnz()), fns, 1, fal,
          P(6, **dict(g, x=0), xb=lambda d: rnz()) + P(6, **g, xb=lambda d: 3 * d.x / 2),
          misread=(lambda p: pd(lambda q: q.x ** 2 * q.x, p, "x"), fal))
_e3()

def _e4():
    yt = lambda q: 2 * q.y - 1
    fns = [lambda p: pd(lambda q: ln(1 + exp(-yt(q) * q.z)), p, "z"),
           lambda p: -yt(p) * exp(-yt(p) * p.z) / (1 + exp(-yt(p) * p.z)),
           lambda p: -(2 * p.y - 1) / (1 + exp((2 * p.y - 1) * p.z))]
    fal = lambda p: -p.y * exp(-yt(p) * p.z) / (1 + exp(-yt(p) * p.z))
    g = dict(z=lad())
    check("md_tilde_y_label_logistic", P(30, **g, y=lambda d: rq()), fns, 1, fal,
          P(6, **g, y=1),
          misread=(lambda p: pd(lambda q: ln(1 + exp(-q.y * q.z)), p, "z"),
                   lambda p: -p.y * exp(-p.y * p.z) / (1 + exp(-p.y * p.z))))
_e4()

def _e5():
    xb = lambda q: (q.x1 + q.x2) / 2
    fns = [lambda p: pd(lambda q: (q.x1 - xb(q)) ** 2, p, "x1"),
           lambda p: 2 * (p.x1 - xb(p)) * (1 - mpf(1) / 2),
           lambda p: p.x1 - xb(p), lambda p: (p.x1 - p.x2) / 2]
    g = dict(x1=lad())
    check("bar_x_mean_of_two_yaml", P(30, **g, x2=lambda d: rq()), fns, 2,
          lambda p: 2 * (p.x1 - xb(p)), P(6, **g, x2=lambda d: d.x1))
_e5()

def _e6():
    LL = lambda q: q.k * ln(q.p) + (q.n - q.k) * ln(1 - q.p)
    fns = [lambda p: pd(LL, p, "p", order=2),
           lambda p: -p.k / p.p ** 2 - (p.n - p.k) / (1 - p.p) ** 2,
           lambda p: -(p.k * (1 - p.p) ** 2 + (p.n - p.k) * p.p ** 2) / (p.p ** 2 * (1 - p.p) ** 2)]
    g = dict(p=lambda d: mpf(RNG.randint(1, 98)) / 99, k=lambda d: rq())
    check("md_argmax_row_then_curvature", P(30, **g, n=lambda d: rq()), fns, 1,
          lambda p: -p.k / p.p ** 2 + (p.n - p.k) / (1 - p.p) ** 2,
          P(6, **g, n=lambda d: d.k))
_e6()

# ================= F  engine: hyperbolic and activation slopes at far points; kinks
def _f1():
    fns = [lambda p: pd(lambda q: tanh(q.x ** 3), p, "x"),
           lambda p: 3 * p.x ** 2 * (1 - tanh(p.x ** 3) ** 2),
           lambda p: 3 * p.x ** 2 / cosh(p.x ** 3) ** 2]
    check("tanh_cube_sign_saturates_yaml", P(30, x=lad()), fns, 1,
          lambda p: 3 * p.x ** 2 * (tanh(p.x ** 3) ** 2 - 1), P(1, x=0))
_f1()

def _f2():
    G = lambda q: q.x / 2 * (1 + erf(q.x / sqrt(2)))
    fns = [lambda p: pd(G, p, "x"),
           lambda p: (1 + erf(p.x / sqrt(2))) / 2 + p.x / sqrt(2 * pi) * exp(-p.x ** 2 / 2),
           lambda p: mpf(1) / 2 + erf(p.x / sqrt(2)) / 2 + p.x * exp(-p.x ** 2 / 2) / sqrt(2 * pi)]
    check("md_gelu_slope_gaussian_term", P(30, x=lad()), fns, 1,
          lambda p: (1 + erf(p.x / sqrt(2))) / 2 + 1 / sqrt(2 * pi) * exp(-p.x ** 2 / 2),
          P(1, x=1))
_f2()

def _f3():
    fns = [lambda p: pd(lambda q: q.x / (1 + exp(-q.x)), p, "x"),
           lambda p: 1 / (1 + exp(-p.x)) + p.x * exp(-p.x) / (1 + exp(-p.x)) ** 2,
           lambda p: (1 + exp(-p.x) + p.x * exp(-p.x)) / (1 + exp(-p.x)) ** 2]
    check("swish_slope_sign_far_yaml", P(30, x=lad()), fns, 1,
          lambda p: 1 / (1 + exp(-p.x)) - p.x * exp(-p.x) / (1 + exp(-p.x)) ** 2, P(1, x=0))
_f3()

def _f4():
    sp = lambda x: ln(1 + exp(x))
    fns = [lambda p: pd(lambda q: q.x * tanh(sp(q.x)), p, "x"),
           lambda p: tanh(sp(p.x)) + p.x * exp(p.x) / (1 + exp(p.x)) * (1 - tanh(sp(p.x)) ** 2),
           lambda p: tanh(sp(p.x)) + p.x * exp(p.x) / ((1 + exp(p.x)) * cosh(sp(p.x)) ** 2)]
    check("md_mish_slope_sigmoid_factor", P(30, x=lad()), fns, 1,
          lambda p: tanh(sp(p.x)) + p.x * (1 - tanh(sp(p.x)) ** 2), P(1, x=0))
_f4()

def _f5():
    g = lambda q: q.x if q.x > 0 else q.a * q.x
    up = [lambda p: pd(g, p, "x"), lambda p: pd(lambda q: q.x, p, "x"), lambda p: mpf(1)]
    lo = [lambda p: pd(g, p, "x"), lambda p: pd(lambda q: q.a * q.x, p, "x"), lambda p: p.a]
    check("leaky_relu_slope_wrong_side_yaml", P(30, x=lad(POS), a=lambda d: rnz()), up, 2,
          lambda p: p.a, P(6, x=lad(POS), a=1),
          [("x < 0", P(30, x=lad(NEG), a=lambda d: rnz()), lo)])
_f5()

def _f6():
    lo = [lambda p: pd(lambda q: abs(q.x) * exp(q.x), p, "x"),
          lambda p: pd(lambda q: -q.x * exp(q.x), p, "x"),
          lambda p: -(1 + p.x) * exp(p.x)]
    up = [lambda p: pd(lambda q: abs(q.x) * exp(q.x), p, "x"),
          lambda p: pd(lambda q: q.x * exp(q.x), p, "x"), lambda p: (1 + p.x) * exp(p.x)]
    check("md_abs_times_exp_negative_side", P(30, x=lad(NEG)), lo, 2,
          lambda p: (1 + p.x) * exp(p.x), P(1, x=-1),
          [("x > 0", P(30, x=lad(POS)), up)])
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
        sum(1 for l in t if l.startswith("$$") or l.startswith("&=") or "&=" in l)
    if nsteps < 3:
        problem(f"{name}: only {nsteps} steps")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
