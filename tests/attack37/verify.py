#!/usr/bin/env python3
"""Check every attack-37 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 60 digits (derivatives by mpmath's `diff`, which works at raised precision; partial
and mixed derivatives the same way). Values are compared relative to max(1, |a|, |b|) with
tolerance 10^-35. Sums, products and vectors of integers or rationals use exact Fractions:
sizes n from 1 (0 where the notes let n be 0) to 14, vectors at every size from 1 to 6 with
random rational entries, every index value in its range. For each pair, on the domain the file
states (declared flags, prose assumptions):
  - the true step equals the step before it (the left side) at every point tried;
  - the false step differs from it at one point at least;
  - the false step equals the MISREADING named in the README at every point tried (so the
    false twin is exactly what that misreading of the notation gives);
  - each special point named in the README is one where false and true agree;
  - shared (unmarked) steps hold on their domain ("extra").
File check: twins identical but for the marked line, one mark, in the false twin only; every
YAML twin loads with yaml.safe_load. SHOW=1 prints where each false step fails."""
import json, os, random
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, tanh, cosh, pi
M.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -35
RNG = random.Random(37)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (Fr, int)) and isinstance(b, (Fr, int)):
        return Fr(a) == Fr(b)
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
def rfr(): return Fr(RNG.randint(-30, 30), RNG.randint(1, 7))
def sig(t): return 1 / (1 + exp(-t))
def sgn(t): return mpf(0) if t == 0 else (mpf(1) if t > 0 else mpf(-1))
LADDER = [mpf(v) for v in ("-12", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9", "0",
                           "1e-12", "0.4", "0.5", "1", "2", "3.1", "7.5", "12")]
REALS = LADDER + [rnz() for _ in range(14)]
NZ = [v for v in REALS if v != 0]
POS = [v for v in REALS if v > 0] + [rpos() for _ in range(6)] + [mpf(1)]
R1 = [(x,) for x in REALS]
R2 = [(x, y) for x in LADDER[::2] + [mpf(1), mpf(0)] for y in LADDER[1::2] + [mpf(1), mpf(0)]] + \
     [(rnz(), rnz()) for _ in range(10)]

PROBLEMS = []
def problem(msg):
    PROBLEMS.append(msg); print("PROBLEM:", msg)
CHECKED = []

def ev(f, p):
    try:
        return f(*p)
    except (ZeroDivisionError, ValueError):
        return None

def check(name, pts, lhs, tr, fa, mis, special=(), extra=(), tol=TOL, min_pts=3):
    n_def = 0; bad = None; n_mis = 0
    for p in pts:
        l = ev(lhs, p)
        if l is None:
            continue
        n_def += 1
        tv = ev(tr, p)
        if not close(l, tv, tol):
            problem(f"{name}: true twin differs at {p}: {l} vs {tv}")
            return
        fv = ev(fa, p)
        mv = ev(mis, p)
        n_mis += fv is not None and mv is not None
        if fv is not None and mv is not None and not close(fv, mv, tol):
            problem(f"{name}: false twin is not the misreading at {p}: {fv} vs {mv}")
        if bad is None and fv is not None and not close(l, fv, tol):
            bad = p
    if n_def < min_pts or n_mis < min_pts:
        problem(f"{name}: only {n_def} points defined, {n_mis} compared with the misreading")
    if bad is None:
        problem(f"{name}: false twin never differs")
    elif SHOW:
        print(f"{name}: false differs at {[M.nstr(v, 8) if isinstance(v, M.mpf) else v for v in bad][:6]}")
    for p in special:
        if not close(ev(tr, p), ev(fa, p), tol):
            problem(f"{name}: special point {p} is not one where false = true")
    for what, f1, f2, pp in extra:
        for p in pp:
            a = ev(f1, p)
            if a is None:
                continue
            if not close(a, ev(f2, p), tol):
                problem(f"{name}: shared step fails ({what}) at {p}")
                break
    CHECKED.append(name)

# ---------------- A
check("operatorname_d_operator", R1,
      lambda x: d(lambda t: t ** 2 * sin(t), x),
      lambda x: 2 * x * sin(x) + x ** 2 * cos(x),
      lambda x: x * sin(x),
      lambda x: (x ** 2 * sin(x)) / x,          # d / (d x) times the bracket
      special=[(mpf(0),)])
yA2 = lambda t: t ** 3 * exp(t)
check("rm_d_leibniz_defined", R1,
      lambda x: d(yA2, x),
      lambda x: (3 * x ** 2 + x ** 3) * exp(x),
      lambda x: x ** 2 * exp(x),
      lambda x: yA2(x) / x,                      # ({\rm d} y) / ({\rm d} x) = y / x
      special=[(mpf(0),), (mpf(-2),)])
fA3 = lambda x, y: x ** 3 * y ** 2
check("mixed_partial_thin_space", R2,
      lambda x, y: M.diff(fA3, (x, y), (1, 1)),
      lambda x, y: 6 * x ** 2 * y,
      lambda x, y: 6 * x * y ** 2,
      lambda x, y: M.diff(fA3, (x, y), (2, 0)),  # both differentials read as x
      special=[(mpf(0), mpf(3)), (mpf(1), mpf(1)), (mpf(2), mpf(2))])
gA4 = lambda t: t ** 5 + sin(t)
check("md_superscript_order_three", R1,
      lambda x: d(gA4, x, 3),
      lambda x: 60 * x ** 2 - cos(x),
      lambda x: (x ** 5 + sin(x)) ** 3,
      lambda x: gA4(x) ** 3,                     # ^{(3)} read as a cube
      extra=[("g'", lambda x: d(gA4, x), lambda x: 5 * x ** 4 + cos(x), R1)])
hA5 = lambda t: t ** 3 * exp(-t)
check("md_prime_prime_superscript", R1,
      lambda t: d(hA5, t, 2),
      lambda t: (6 * t - 6 * t ** 2 + t ** 3) * exp(-t),
      lambda t: (3 * t ** 2 - t ** 3) * exp(-t),
      lambda t: d(hA5, t, 1),                    # ^{\prime\prime} read as one prime
      special=[(mpf(0),)],
      extra=[("h'", lambda t: d(hA5, t), lambda t: (3 * t ** 2 - t ** 3) * exp(-t), R1)])
yA6 = lambda t: sqrt(1 + t ** 2)
check("md_text_d_over_leibniz", R1,
      lambda x: d(yA6, x),
      lambda x: x / sqrt(1 + x ** 2),
      lambda x: sqrt(1 + x ** 2) / x,
      lambda x: yA6(x) / x)                      # {\text{d} y \over \text{d} x} = y / x

# ---------------- B
check("sin_squared_unbraced_double_angle", R1,
      lambda x: sin(2 * x) ** 2,
      lambda x: (1 - cos(4 * x)) / 2,
      lambda x: x * sin(2) ** 2,
      lambda x: sin(2) ** 2 * x,                 # the argument taken as the digit 2 alone
      special=[(mpf(0),)])
check("cos_argument_stops_at_sin", R1,
      lambda x: cos(2 * x) * sin(x),
      lambda x: (sin(3 * x) - sin(x)) / 2,
      lambda x: cos(2 * x * sin(x)),
      lambda x: cos(2 * x * sin(x)))             # cos's argument runs over \sin x
check("sigmoid_bracket_product", R1,
      lambda x: sig(x) * (1 - sig(x)),
      lambda x: exp(-x) / (1 + exp(-x)) ** 2,
      lambda x: 1 / (1 + exp(-x * (1 - 1 / (1 + exp(-x))))),
      lambda x: sig(x * (1 - sig(x))),           # sigma applied to (x)(1 - sigma(x))
      extra=[("sigma'", lambda x: d(sig, x), lambda x: sig(x) * (1 - sig(x)), R1)])
check("tanh_squared_not_iterate", R1,
      lambda x: 1 - tanh(x) ** 2,
      lambda x: 1 / cosh(x) ** 2,
      lambda x: 1 - tanh(tanh(x)),
      lambda x: 1 - tanh(tanh(x)),               # tanh^2 read as tanh composed with itself
      special=[(mpf(0),)],
      extra=[("tanh'", lambda x: d(tanh, x), lambda x: 1 - tanh(x) ** 2, R1)])
check("md_text_sign_times_abs", R1,
      lambda x: sgn(x) * abs(x),
      lambda x: x,
      lambda x: sgn(x),
      lambda x: sgn(x * abs(x)),                 # sign applied to (x)|x|
      special=[(mpf(0),), (mpf(1),), (mpf(-1),)])
check("md_sin_x_squared_unbraced", R1,
      lambda x: d(lambda t: sin(t ** 2), x),
      lambda x: 2 * x * cos(x ** 2),
      lambda x: 2 * sin(x) * cos(x),
      lambda x: d(lambda t: sin(t) ** 2, x),     # \sin x^{2} read as (\sin x)^2
      special=[(mpf(0),)])

# ---------------- C
check("ln_ten_power_times_x", [(x,) for x in POS],
      lambda x: ln(10 ** 3 * 10 ** mpf(-3) * x),
      lambda x: ln(x),
      lambda x: 3 * (1 - x) * ln(10),
      lambda x: ln(10 ** 3 * mpf(10) ** (-3 * x)),   # 10^{-3}x read as 10^{-3x}
      special=[(mpf(1),)])
check("tower_power_right_assoc", R1,
      lambda x: ln(mpf(2) ** (mpf(3) ** x)) / ln(2),
      lambda x: mpf(3) ** x,
      lambda x: 3 * x,
      lambda x: ln((mpf(2) ** 3) ** x) / ln(2),      # 2^{3^{x}} read as (2^3)^x
      special=[(mpf(1),)])
def bil(a, b, W):
    return sum(a[i] * W[i][j] * b[j] for i in range(2) for j in range(2))
PC3 = []
for _ in range(12):
    a = [rq(), rq()]; b = [rq(), rq()]; W = [[rq(), rq()], [rq(), rq()]]
    PC3.append((a, b, W))
PC3.append(([mpf(1), mpf(0)], [mpf(2), mpf(3)], [[mpf(1), mpf(2)], [mpf(3), mpf(4)]]))
def dW21(a, b, W):
    def F(t):
        V = [row[:] for row in W]; V[1][0] = t
        return bil(a, b, V)
    return d(F, W[1][0])
check("matrix_element_two_digit_subscript", PC3,
      dW21,
      lambda a, b, W: a[1] * b[0],
      lambda a, b, W: mpf(0),
      lambda a, b, W: mpf(0),                    # W_{21} read as a name of its own
      special=[([mpf(1), mpf(0)], [mpf(2), mpf(3)], [[mpf(1), mpf(2)], [mpf(3), mpf(4)]])])
check("sample_label_product_derivative", R2,
      lambda x, x2: d(lambda t: x2 * t ** 2, x),
      lambda x, x2: 2 * x * x2,
      lambda x, x2: 4 * x ** 3,
      lambda x, x2: d(lambda t: t ** 2 * t ** 2, x),   # x^{(2)} read as x^2
      special=[(mpf(0), mpf(5))])
fC5 = lambda t: 1 / sqrt(2 * pi) * exp(-t ** 2 / 2)
fC5m = lambda t: 1 / sqrt(2 * pi) * exp(-t ** 2) / 2
check("md_gaussian_exponent_over_two", R1,
      lambda x: d(fC5, x),
      lambda x: -x / sqrt(2 * pi) * exp(-x ** 2 / 2),
      lambda x: -x / sqrt(2 * pi) * exp(-x ** 2),
      lambda x: d(fC5m, x),                      # e^{-x^2/2} read as e^{-x^2} / 2
      special=[(mpf(0),)])
PC6 = []
for n in range(0, 7):
    for _ in range(3):
        PC6.append((n, [rq() for _ in range(n)], rq(), rpos()))
PC6.append((1, [mpf(2)], mpf(2), mpf(3)))
def c6_lhs(n, x, mu, s):
    return d(lambda m: sum(((xk - m) / s) ** 2 for xk in x) if n else mpf(0), mu)
check("md_hat_family_mean_shift", PC6,
      c6_lhs,
      lambda n, x, mu, s: -2 / s ** 2 * sum((xk - mu for xk in x), mpf(0)),
      lambda n, x, mu, s: mpf(0),
      lambda n, x, mu, s: mpf(0),                # \hat{x}_k taken apart from its definition
      special=[(0, [], mpf(1), mpf(1)), (1, [mpf(2)], mpf(2), mpf(3))])

# ---------------- D
check("half_x_times_half_over_x", [(x,) for x in NZ],
      lambda x: mpf(1) / 2 * x * (1 / (2 * x)),
      lambda x: mpf(1) / 4,
      lambda x: 1 / (4 * x ** 2),
      lambda x: 1 / (2 * x) * (1 / (2 * x)),     # \frac12 x read as \frac{1}{2x}
      special=[(mpf(1),), (mpf(-1),)])
check("slash_chain_left_assoc", [(x,) for x in NZ],
      lambda x: x ** 3 / 2 / x,
      lambda x: x ** 2 / 2,
      lambda x: x ** 4 / 2,
      lambda x: x ** 3 / (2 / x),                # a/b/c read as a/(b/c)
      special=[(mpf(1),), (mpf(-1),)])
check("bigl_bracket_power", R1,
      lambda x: (x + 1) ** 2 - x ** 2,
      lambda x: 2 * x + 1,
      lambda x: x + 1 - x ** 2,
      lambda x: x + 1 ** 2 - x ** 2,             # \bigr) loses the group: the power on 1
      special=[(mpf(0),)])
check("left_brace_grouping", R1,
      lambda x: 3 * (x - (2 - (x + 1))),
      lambda x: 6 * x - 3,
      lambda x: 4 * x - 1,
      lambda x: 3 * x - (2 - (x + 1)),           # \left\{ \right\} not a group
      special=[(mpf(1),)])
check("md_big_bracket_cube", R1,
      lambda x: d(lambda t: (t ** 2 + 1) ** 3, x),
      lambda x: 6 * x * (x ** 2 + 1) ** 2,
      lambda x: 2 * x,
      lambda x: d(lambda t: t ** 2 + 1 ** 3, x), # \Big] loses the group: the cube on 1
      special=[(mpf(0),)])
check("md_thin_space_thousands", R1,
      lambda x: d(lambda t: 1000 * t ** 2 + t, x),
      lambda x: 2000 * x + 1,
      lambda x: mpf(1),
      lambda x: d(lambda t: 1 * 0 * t ** 2 + t, x),  # 1\,000 read as 1 times 000
      special=[(mpf(0),)])

# ---------------- E  (exact integers)
NS = [(n,) for n in range(1, 15)]
def S(f, lo, hi): return sum((Fr(f(k)) for k in range(lo, hi + 1)), Fr(0))
check("sum_limits_plus_outside", NS,
      lambda n: S(lambda k: k * k, 1, n) + 1,
      lambda n: Fr(n * (n + 1) * (2 * n + 1), 6) + 1,
      lambda n: Fr(n * (n + 1) * (2 * n + 1), 6) + n,
      lambda n: S(lambda k: k * k + 1, 1, n),    # the + 1 taken into the body
      special=[(1,)])
check("nested_lower_bound_outer", NS,
      lambda n: sum((S(lambda j: j, i, n) for i in range(1, n + 1)), Fr(0)),
      lambda n: Fr(n * (n + 1) * (2 * n + 1), 6),
      lambda n: Fr(n * n * (n + 1), 2),
      lambda n: sum((S(lambda j: j, 1, n) for i in range(1, n + 1)), Fr(0)),  # inner from 1
      special=[(1,)])
PE3 = []
for n in range(1, 7):
    for _ in range(3):
        PE3.append((n, [rfr() for _ in range(n)], [rfr() for _ in range(n)]))
check("sum_pair_comma_product", PE3,
      lambda n, x, y: sum((x[i] * y[j] for i in range(n) for j in range(n)), Fr(0)),
      lambda n, x, y: sum(x, Fr(0)) * sum(y, Fr(0)),
      lambda n, x, y: sum((x[k] * y[k] for k in range(n)), Fr(0)),
      lambda n, x, y: sum((x[i] * y[i] for i in range(n)), Fr(0)),  # i, j one index pair i = j
      special=[(1, [Fr(3)], [Fr(-2)])])
check("md_displaystyle_minus_n_outside", NS,
      lambda n: S(lambda k: 2 * k, 1, n) - n,
      lambda n: Fr(n * n),
      lambda n: Fr(n),
      lambda n: S(lambda k: 2 * k - n, 1, n),    # the - n taken into the body
      special=[(1,)])
check("md_sum_bracket_power_inside", [(n,) for n in range(0, 15)],
      lambda n: S(lambda k: (2 * k - 1) ** 2, 1, n),
      lambda n: Fr(n * (2 * n - 1) * (2 * n + 1), 3),
      lambda n: Fr(n ** 4),
      lambda n: S(lambda k: 2 * k - 1, 1, n) ** 2,  # the square taken outside the sum
      special=[(1,), (0,)])
PE6 = []
for n in range(1, 7):
    for i in range(1, n + 1):
        PE6.append((n, i, [rfr() for _ in range(n)]))
check("md_sum_all_but_one", PE6,
      lambda n, i, x: sum((x[j - 1] for j in range(1, n + 1) if j != i), Fr(0)),
      lambda n, i, x: sum(x, Fr(0)) - x[i - 1],
      lambda n, i, x: sum(x, Fr(0)),
      lambda n, i, x: sum((x[j - 1] for j in range(1, n + 1)), Fr(0)),  # j \neq i dropped
      special=[(2, 1, [Fr(0), Fr(5)])])

# ---------------- F
check("md_display_broken_midexpression", R1,
      lambda x: d(lambda t: t ** 3 - 3 * t, x),
      lambda x: 3 * (x ** 2 - 1),
      lambda x: 3 * x ** 2,
      lambda x: 3 * x ** 2,                      # the row's second source line dropped
      extra=[("first row", lambda x: d(lambda t: t ** 3 - 3 * t, x), lambda x: 3 * x ** 2 - 3, R1)])
check("md_align_tag_nonumber", R1,
      lambda x: 2 * x * sin(x) + x ** 2 * cos(x),
      lambda x: x * (2 * sin(x) + x * cos(x)),
      lambda x: 2 * x * (2 * sin(x) + x * cos(x)),
      lambda x: (2 * x * sin(x) + x ** 2 * cos(x)) * 2,  # \tag{2} read as a factor 2
      special=[(mpf(0),)],
      extra=[("tagged row", lambda x: d(lambda t: t ** 2 * sin(t), x), lambda x: 2 * x * sin(x) + x ** 2 * cos(x), R1)])
check("md_github_escaped_subscript", R2,
      lambda x, x1: d(lambda t: x1 * t ** 2, x),
      lambda x, x1: 2 * x1 * x,
      lambda x, x1: 3 * x ** 2,
      lambda x, x1: d(lambda t: t * 1 * t ** 2, x),  # x\_1 read as x times 1
      special=[(mpf(0), mpf(4))])
check("md_tex_comment_hides_term", R1,
      lambda x: d(lambda t: t ** 3 + 5 * t, x),
      lambda x: 3 * x ** 2 + 5,
      lambda x: 3 * x ** 2 + 7,
      lambda x: d(lambda t: t ** 3 + 2 * t + 5 * t, x))  # the % line read as math
check("md_cancel_term_still_there", R1,
      lambda x: d(lambda t: t ** 2 - t, x),
      lambda x: 2 * x - 1,
      lambda x: -3 * x ** 2,
      lambda x: d(lambda t: t ** 2 * (-t), x),   # \cancel{- x} read as a factor (- x)
      special=[(mpf(-1),), (mpf(1) / 3,)])
check("md_operator_bracket_cdot_next_line", R1,
      lambda x: d(lambda t: t ** 2, x) * exp(x),
      lambda x: 2 * x * exp(x),
      lambda x: (2 * x + x ** 2) * exp(x),
      lambda x: d(lambda t: t ** 2 * exp(t), x), # the operator run over the line's \cdot e^{x}
      special=[(mpf(0),)])

# ---------------- files
import yaml
classes = json.load(open(os.path.join(HERE, "classes.json")))
for name in classes:
    if name not in CHECKED:
        problem(f"{name}: not checked")
    ext = "md" if os.path.exists(os.path.join(HERE, f"{name}.true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1:
        problem(f"{name}: twins differ in {len(diff)} lines")
    elif mark not in f[diff[0]] or sum(l.count(mark) for l in f) != 1 or any(mark in l for l in t):
        problem(f"{name}: mark misplaced")
    if ext == "yaml":
        for tw in (t, f):
            dd = yaml.safe_load("\n".join(tw))
            if not (isinstance(dd, dict) and "steps" in dd):
                problem(f"{name}: YAML shape")
    if diff:
        depth = 0; eqs = 0
        for ch in f[diff[0]].split("<!--")[0].split("  # expect")[0]:
            depth += (ch == "{") - (ch == "}")
            eqs += ch == "=" and depth == 0
        if eqs != 1:
            problem(f"{name}: more than one step on the marked line")
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
