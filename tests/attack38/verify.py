#!/usr/bin/env python3
"""Check every attack-38 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 60 digits; derivatives by mpmath's `diff` (raised precision), partials by differentiating
one argument. Values are compared relative to max(1, |a|, |b|) with tolerance 10^-35. Vectors (the
softmax and mean pairs) are tried at every size n from 1 to 6 with random rational entries and
every index value in its range. For each pair, on the domain the notes give the slipped line under
a careful reading (its case, its section's assumption, the reals otherwise):
  - the true step equals the step it is compared with at every point tried;
  - the false step differs from it at one point at least;
  - under the WRONG rewrite named in the README (a misread left side, a misread scope or case),
    the false step holds at every point tried: so a reader that makes that rewrite proves it;
  - each special point named in the README is one where false and true agree;
  - shared (unmarked) steps hold on their own domain ("extra").
File check: twins identical but for the marked line, one mark `<!-- expect: failed -->`, in the
false twin only, and one `=` (brace depth 0, before any `&&` remark) on the marked line; the
plain-text notes (class C) hold no `$`. SHOW=1 prints where each false step fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, sqrt, ln, exp
M.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -35
RNG = random.Random(38)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

def d(f, x, n=1):
    return M.diff(f, x, n)

def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def rpos(): return mpf(RNG.randint(1, 60)) / RNG.randint(1, 9)
def sig(t): return 1 / (1 + exp(-t))
LADDER = [mpf(v) for v in ("-12", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9", "0",
                           "1e-12", "0.4", "0.5", "1", "2", "3.1", "7.5", "12")]
REALS = LADDER + [rnz() for _ in range(14)]
NZ = [v for v in REALS if v != 0]
POS = [v for v in REALS if v > 0] + [rpos() for _ in range(6)]
NEG = [v for v in REALS if v < 0]
NONPOS = [v for v in REALS if v <= 0]
NONNEG = [v for v in REALS if v >= 0]
R1 = [(x,) for x in REALS]
def pts(vals): return [(v,) for v in vals]
R2 = [(x, y) for x in LADDER[::2] + [mpf(1), mpf(0)] for y in LADDER[1::2] + [mpf(1), mpf(0)]] + \
     [(rnz(), rnz()) for _ in range(12)]
R3 = [(rq(), rq(), rq()) for _ in range(30)] + [(mpf(0), mpf(2), mpf(-1)), (mpf(1), mpf(0), mpf(3))]

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)
CHECKED = []

def ev(f, p):
    try:
        v = f(*p)
        if isinstance(v, M.mpc):
            return None
        return v
    except (ZeroDivisionError, ValueError):
        return None

def check(name, points, lhs, tr, fa, mis=None, special=(), extra=(), min_pts=3):
    """mis = (points, misread lhs, false step under the misreading): they must agree everywhere."""
    n_def = 0; bad = None
    for p in points:
        l = ev(lhs, p)
        if l is None:
            continue
        n_def += 1
        tv = ev(tr, p)
        if not close(l, tv):
            problem(f"{name}: true twin differs at {p}: {l} vs {tv}")
            return
        fv = ev(fa, p)
        if bad is None and fv is not None and not close(l, fv):
            bad = p
    if n_def < min_pts:
        problem(f"{name}: only {n_def} points defined")
    if bad is None:
        problem(f"{name}: false twin never differs")
    elif SHOW:
        print(f"{name}: false differs at {[M.nstr(v, 8) if isinstance(v, M.mpf) else v for v in bad][:6]}")
    if mis is None:
        problem(f"{name}: no misreading given")
    else:
        mpts, ml, mf = mis
        n_mis = 0
        for p in mpts:
            a, b = ev(ml, p), ev(mf, p)
            if a is None or b is None:
                continue
            n_mis += 1
            if not close(a, b):
                problem(f"{name}: under the misreading the false step fails at {p}: {a} vs {b}")
                break
        if n_mis < min_pts:
            problem(f"{name}: misreading compared at {n_mis} points only")
    for p in special:
        if not close(ev(tr, p), ev(fa, p)):
            problem(f"{name}: special point {p} is not one where false = true")
    for what, f1, f2, pp in extra:
        n = 0
        for p in pp:
            a = ev(f1, p)
            if a is None:
                continue
            n += 1
            if not close(a, ev(f2, p)):
                problem(f"{name}: shared step fails ({what}) at {p}")
                break
        if n < min_pts:
            problem(f"{name}: shared step ({what}) tried at {n} points only")
    CHECKED.append(name)

# ---------------- A  a function named alone
# g(x) = x^3, g_0 a constant of its own
check("md_bare_g_subscript_constant", R2,
      lambda x, g0: d(lambda t: g0 * t ** 2, x),
      lambda x, g0: 2 * g0 * x,
      lambda x, g0: 5 * x ** 4,
      mis=(R2, lambda x, g0: d(lambda t: t ** 3 * t ** 2, x), lambda x, g0: 5 * x ** 4),  # g_0 read as g(x)
      special=[(mpf(0), mpf(7))])
# f(x) = x^2, g(t) = e^t
check("md_two_functions_two_letters", R2,
      lambda x, t: d(lambda s: x ** 2 * exp(s), t),
      lambda x, t: x ** 2 * exp(t),
      lambda x, t: mpf(0),
      mis=(R2, lambda x, t: d(lambda s: x ** 2 * exp(x), t), lambda x, t: mpf(0)),  # g alone read as g(x)
      special=[(mpf(0), mpf(2))],
      extra=[("f g = x^2 g", lambda x, t: d(lambda s: x ** 2 * exp(s), t),
              lambda x, t: d(lambda s: x ** 2 * exp(s), t), R2)])
check("md_sigmoid_defined_after_use", R1,
      lambda x: d(lambda t: t * sig(t), x),
      lambda x: sig(x) + x * sig(x) * (1 - sig(x)),
      lambda x: sig(x),
      mis=(R2, lambda x, s: d(lambda t: t * s, x), lambda x, s: s),  # sigma a plain letter
      special=[(mpf(0),)])
def a4_mis(x): return d(lambda t: sig(t) * (1 - t), x)
check("md_sigma_bracket_holds_more", R1,
      lambda x: d(lambda t: sig(1 - t), x),
      lambda x: -exp(x - 1) / (1 + exp(x - 1)) ** 2,
      lambda x: (1 - x) * exp(-x) / (1 + exp(-x)) ** 2 - 1 / (1 + exp(-x)),
      mis=(R1, a4_mis,                                  # sigma(1 - x) read as sigma(x)(1 - x)
           lambda x: (1 - x) * exp(-x) / (1 + exp(-x)) ** 2 - 1 / (1 + exp(-x))))
fbar = mpf(3)  # f(0) with f(x) = x^2 + 3
check("md_bar_f_is_another_name", R1,
      lambda x: d(lambda t: t * fbar, x),
      lambda x: fbar,
      lambda x: 3 * x ** 2 + 3,
      mis=(R1, lambda x: d(lambda t: t * (t ** 2 + 3), x), lambda x: 3 * x ** 2 + 3),  # \bar{f} read as f(x)
      special=[(mpf(0),)])

# ---------------- B  primes and orders
check("md_prime_bracket_after_exp", R1,
      lambda x: exp(x) * d(lambda t: t ** 2, x),
      lambda x: 2 * x * exp(x),
      lambda x: (2 * x + x ** 2) * exp(x),
      mis=(R1, lambda x: d(lambda t: exp(t) * t ** 2, x), lambda x: (2 * x + x ** 2) * exp(x)),  # prime on the product
      special=[(mpf(0),)])
check("md_prime_on_value_name", R1,
      lambda x: d(lambda t: (t ** 2) ** 3, x),
      lambda x: 6 * x ** 5,
      lambda x: 3 * x ** 4,
      mis=(R1, lambda x: 3 * (x ** 2) ** 2 * 1, lambda x: 3 * x ** 4),  # u' read as du/du = 1
      special=[(mpf(0),), (mpf(1) / 2,)],
      extra=[("3u^2 u'", lambda x: d(lambda t: (t ** 2) ** 3, x),
              lambda x: 3 * (x ** 2) ** 2 * (2 * x), R1)])
check("md_triple_prime_quartic", R1,
      lambda x: d(lambda t: t ** 4, x, 3),
      lambda x: 24 * x,
      lambda x: 12 * x ** 2,
      mis=(R1, lambda x: d(lambda t: t ** 4, x, 2), lambda x: 12 * x ** 2),  # ''' read as ''
      special=[(mpf(0),), (mpf(2),)],
      extra=[("f''", lambda x: d(lambda t: t ** 4, x, 2), lambda x: 12 * x ** 2, R1)])
check("md_unicode_double_prime_quintic", R1,
      lambda t: d(lambda s: s ** 5, t, 2),
      lambda t: 20 * t ** 3,
      lambda t: 5 * t ** 4,
      mis=(R1, lambda t: d(lambda s: s ** 5, t, 1), lambda t: 5 * t ** 4),  # ′′ read as one prime
      special=[(mpf(0),), (mpf(4),)],
      extra=[("h′", lambda t: d(lambda s: s ** 5, t), lambda t: 5 * t ** 4, R1)])
check("md_bracket_double_prime", R1,
      lambda x: d(lambda t: t ** 4, x, 2),
      lambda x: 12 * x ** 2,
      lambda x: 4 * x ** 3,
      mis=(R1, lambda x: d(lambda t: t ** 4, x, 1), lambda x: 4 * x ** 3),  # '' read as '
      special=[(mpf(0),), (mpf(3),)])

# ---------------- C  plain text
check("md_plain_square_then_letter", R2,
      lambda x, y: d(lambda t: t ** 2 * y, x),
      lambda x, y: 2 * x * y,
      lambda x, y: 2 * y * x ** (2 * y - 1) if x > 0 else None,
      mis=([(x, y) for x, y in R2 if x > 0],
           lambda x, y: d(lambda t: t ** (2 * y), x), lambda x, y: 2 * y * x ** (2 * y - 1)),  # x²y read x^(2y)
      special=[(mpf(2), mpf(1)), (mpf(7.5), mpf(1))])
check("md_plain_dot_before_square", R2,
      lambda x, y: d(lambda s: x * s ** 2, y),
      lambda x, y: 2 * x * y,
      lambda x, y: 2 * x ** 2 * y,
      mis=(R2, lambda x, y: d(lambda s: (x * s) ** 2, y), lambda x, y: 2 * x ** 2 * y),  # x·y² read (x·y)²
      special=[(mpf(0), mpf(3)), (mpf(1), mpf(3))])
check("md_plain_paren_exponent_then_dot", R1,
      lambda x: d(lambda t: exp(-t) * t, x),
      lambda x: (1 - x) * exp(-x),
      lambda x: -2 * x * exp(-x ** 2),
      mis=(R1, lambda x: d(lambda t: exp(-t * t), x), lambda x: -2 * x * exp(-x ** 2)))  # ^(−x)·x one exponent
check("md_plain_dydx_defined_prose", R1,
      lambda x: d(lambda t: t ** 3 + t, x),
      lambda x: 3 * x ** 2 + 1,
      lambda x: x ** 2 + 1,
      mis=(pts(NZ), lambda x: (x ** 3 + x) / x, lambda x: x ** 2 + 1),  # dy/dx read d·y/(d·x) = y/x
      special=[(mpf(0),)])
check("md_plain_subscript_two_coefficient", R2,
      lambda x, x2: d(lambda t: x2 * t ** 2, x),
      lambda x, x2: 2 * x2 * x,
      lambda x, x2: 6 * x ** 2,
      mis=(R2, lambda x, x2: d(lambda t: t * 2 * t ** 2, x), lambda x, x2: 6 * x ** 2),  # x₂ read as x·2
      special=[(mpf(0), mpf(5))])

# ---------------- D  definitions in prose  (vectors: sizes 1..6, every index)
def softmax(z): 
    m = [exp(v) for v in z]; s = sum(m); return [v / s for v in m]
check("md_where_after_display_linear", R3,
      lambda w, x, b: d(lambda s: s * (s * x + b), w),
      lambda w, x, b: (w * x + b) + w * x,
      lambda w, x, b: w * x + b,
      mis=(R3, lambda w, x, z: d(lambda s: s * z, w), lambda w, x, z: z),  # z a plain letter
      special=[(mpf(2), mpf(0), mpf(5)), (mpf(0), mpf(3), mpf(1))])
PV = []
for n in range(1, 7):
    for i in range(n):
        for _ in range(2):
            PV.append((n, i, [rq() for _ in range(n)], [rq() for _ in range(n)]))
def dzi(f, n, i, z):
    def F(t):
        zz = list(z); zz[i] = t; return f(zz)
    return d(F, z[i])
check("md_let_family_log_softmax", PV,
      lambda n, i, z, y: dzi(lambda zz: ln(softmax(zz)[i]), n, i, z),
      lambda n, i, z, y: 1 - softmax(z)[i],
      lambda n, i, z, y: mpf(0),
      mis=(PV, lambda n, i, z, y: mpf(0), lambda n, i, z, y: mpf(0)),  # p_i a plain name: its derivative 0
      special=[(1, 0, [mpf(3)], [mpf(0)]), (1, 0, [mpf(-2)], [mpf(0)])])
check("md_noun_phrase_mean_centring", PV,
      lambda n, j, x, y: dzi(lambda xx: xx[j] - sum(xx) / n, n, j, x),
      lambda n, j, x, y: 1 - mpf(1) / n,
      lambda n, j, x, y: mpf(1),
      mis=(PV, lambda n, j, x, y: dzi(lambda xx: xx[j] - y[0], n, j, x), lambda n, j, x, y: mpf(1)))  # mu a plain letter
check("md_note_that_is_no_definition", R2,
      lambda x, w: d(lambda t: (w * t) ** 2, x),
      lambda x, w: 2 * w ** 2 * x,
      lambda x, w: 2 * x,
      mis=(R2, lambda x, w: d(lambda t: (1 * t) ** 2, x), lambda x, w: 2 * x),  # w := 1
      special=[(mpf(3), mpf(1)), (mpf(3), mpf(-1)), (mpf(0), mpf(5))])
check("md_where_list_hat_after_comma", R3,
      lambda w, x, y: d(lambda s: (s * x - y) ** 2, w),
      lambda w, x, y: 2 * x * (w * x - y),
      lambda w, x, y: mpf(0),
      mis=(R3, lambda w, x, y: d(lambda s: (w * x - y) ** 2 * 0 + (mpf(7) - y) ** 2, w),  # \hat{y} a plain letter
           lambda w, x, y: mpf(0)),
      special=[(mpf(2), mpf(0), mpf(1)), (mpf(2), mpf(3), mpf(6))])

# ---------------- E  assumptions and cases
check("md_heading_ends_positive_side", R1,
      lambda x: d(lambda t: abs(t) ** 3, x),
      lambda x: 3 * x * abs(x),
      lambda x: 3 * x ** 2,
      mis=(pts(POS), lambda x: d(lambda t: abs(t) ** 3, x), lambda x: 3 * x ** 2),  # x > 0 carried past the heading
      special=[(mpf(0),), (mpf(2),)],
      extra=[("|x|^3 = x^3 for x > 0", lambda x: abs(x) ** 3, lambda x: x ** 3, pts(POS))])
check("md_unicode_ge_then_otherwise", pts(NEG),
      lambda x: (abs(x) + x) / 2,
      lambda x: mpf(0),
      lambda x: x,
      mis=(pts(NONNEG), lambda x: (abs(x) + x) / 2, lambda x: x),  # Otherwise read as x ≥ 0
      special=[(mpf(0),)],
      extra=[("case x ≥ 0", lambda x: (abs(x) + x) / 2, lambda x: x, pts(NONNEG))])
check("md_unicode_neq_case_abs", pts(NZ),
      lambda x: x ** 2 / abs(x),
      lambda x: abs(x),
      lambda x: x,
      mis=(pts(POS), lambda x: x ** 2 / abs(x), lambda x: x),  # ≠ 0 read as > 0
      special=[(mpf(2),)])
check("md_either_sign_after_let_positive", pts(NZ),
      lambda x: d(lambda t: t * abs(t), x),
      lambda x: 2 * abs(x),
      lambda x: 2 * x,
      mis=(pts(POS), lambda x: d(lambda t: t * abs(t), x), lambda x: 2 * x),  # x > 0 not ended by "either sign"
      special=[(mpf(3),)],
      extra=[("slope for x > 0", lambda x: d(lambda t: t * abs(t), x), lambda x: 2 * x, pts(POS))])
PE5 = []
for n in range(1, 7):
    for i in range(n):
        for _ in range(2):
            PE5.append((n, i, [rq() for _ in range(n)], [rq() for _ in range(n)]))
def onehotish(n):
    y = [rq() for _ in range(n)]
    y[-1] = 1 - sum(y[:-1]); return y
PE5s = [(n, i, [rq() for _ in range(n)], onehotish(n)) for n in range(1, 7) for i in range(n)]
def ce(z, y): return -sum(yk * ln(pk) for yk, pk in zip(y, softmax(z)))
check("md_one_hot_condition_one_derivation", PE5,
      lambda n, i, z, y: dzi(lambda zz: ce(zz, y), n, i, z),
      lambda n, i, z, y: softmax(z)[i] * sum(y) - y[i],
      lambda n, i, z, y: softmax(z)[i] - y[i],
      mis=(PE5s, lambda n, i, z, y: dzi(lambda zz: ce(zz, y), n, i, z),  # sum y = 1 carried past the heading
           lambda n, i, z, y: softmax(z)[i] - y[i]),
      special=[(2, 0, [mpf(1), mpf(2)], [mpf(3), mpf(-2)]), (1, 0, [mpf(5)], [mpf(1)])],
      extra=[("one-hot chain", lambda n, i, z, y: dzi(lambda zz: ce(zz, y), n, i, z),
              lambda n, i, z, y: softmax(z)[i] - y[i], PE5s)])
check("md_unicode_le_case_nonpositive", pts(NONPOS),
      lambda x: sqrt(x ** 2),
      lambda x: -x,
      lambda x: x,
      mis=(pts(NONNEG), lambda x: sqrt(x ** 2), lambda x: x),  # ≤ read as ≥
      special=[(mpf(0),)])

# ---------------- F  layout
check("md_row_condition_does_not_leak", pts(NZ),
      lambda x: d(lambda t: t * abs(t), x),
      lambda x: 2 * abs(x),
      lambda x: -2 * x,
      mis=(pts(NEG), lambda x: d(lambda t: t * abs(t), x), lambda x: -2 * x),  # the row above's x < 0 carried on
      special=[(mpf(-3),)],
      extra=[("x ≥ 0 row", lambda x: d(lambda t: abs(t) ** 3, x), lambda x: 3 * x ** 2, pts(NONNEG)),
             ("x < 0 row", lambda x: d(lambda t: abs(t) ** 3, x), lambda x: -3 * x ** 2, pts(NEG))])
check("md_because_row_between", R1,
      lambda x: 2 * x / (x ** 2 + 1),
      lambda x: 2 * x - 2 * x ** 3 / (x ** 2 + 1),
      lambda x: 2 * x,
      mis=(R1, lambda x: d(lambda t: t ** 2 + 1, x), lambda x: 2 * x),  # the \because row taken into the chain
      special=[(mpf(0),)],
      extra=[("first row", lambda x: d(lambda t: ln(t ** 2 + 1), x), lambda x: 2 * x / (x ** 2 + 1), R1),
             ("because row", lambda x: d(lambda t: t ** 2 + 1, x), lambda x: 2 * x, R1)])
check("md_ampamp_check_remark", R1,
      lambda x: 3 * x ** 2 - 3,
      lambda x: 3 * (x - 1) * (x + 1),
      lambda x: mpf(0),
      mis=([(mpf(1),)] * 3, lambda x: 3 * x ** 2 - 3, lambda x: mpf(0)),  # the remark read as the case x = 1
      special=[(mpf(1),), (mpf(-1),)],
      extra=[("first row", lambda x: d(lambda t: t ** 3 - 3 * t, x), lambda x: 3 * x ** 2 - 3, R1)])
check("md_intertext_defines_name", R1,
      lambda x: d(lambda t: t * t ** 2, x),
      lambda x: 3 * x ** 2,
      lambda x: x ** 2,
      mis=(R2, lambda x, u: d(lambda t: t * u, x), lambda x, u: u),  # u a plain letter
      special=[(mpf(0),)],
      extra=[("first row", lambda x: d(lambda t: t ** 2, x), lambda x: 2 * x, R1)])
check("md_text_row_defines_name", R1,
      lambda x: d(lambda t: t * 3 * t, x),
      lambda x: 6 * x,
      lambda x: 3 * x,
      mis=(R2, lambda x, z: d(lambda t: t * z, x), lambda x, z: z),  # z a plain letter
      special=[(mpf(0),)])

check("md_quad_bar_why_holds_equation", R1,
      lambda x: exp(x ** 2) * d(lambda t: t ** 2, x),
      lambda x: 2 * x * exp(x ** 2),
      lambda x: x + x,
      mis=(R1, lambda x: d(lambda t: t ** 2, x), lambda x: x + x),  # the why after \quad | taken into the chain
      special=[(mpf(0),)],
      extra=[("first row", lambda x: d(lambda t: exp(t ** 2), x), lambda x: exp(x ** 2) * 2 * x, R1)])

# ---------------- files
classes = json.load(open(os.path.join(HERE, "classes.json")))
MARK = "<!-- expect: failed -->"
for name, cls in classes.items():
    if name not in CHECKED:
        problem(f"{name}: not checked")
    t = open(os.path.join(HERE, f"{name}.true.md")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.md")).read().split("\n")
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1:
        problem(f"{name}: twins differ in {len(diff)} lines")
        continue
    if MARK not in f[diff[0]] or sum(l.count(MARK) for l in f) != 1 or any(MARK in l for l in t):
        problem(f"{name}: mark misplaced")
    for tw in (t, f):
        line = tw[diff[0]].split("<!--")[0].split("&&")[0]
        depth = 0; eqs = 0
        for ch in line:
            depth += (ch == "{") - (ch == "}")
            eqs += ch == "=" and depth == 0
        if eqs != 1:
            problem(f"{name}: {eqs} steps on the marked line")
    if cls == "C" and any("$" in l for l in t + f):
        problem(f"{name}: plain-text notes hold a $")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
