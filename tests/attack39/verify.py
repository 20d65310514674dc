#!/usr/bin/env python3
"""Check every attack-39 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 60 digits; derivatives by mpmath's `diff`, partials by differentiating one argument,
n-th derivatives at each integer order n = 0..8; integers exactly (floors and ceilings of exact
fractions), n from -40 to 40 (or 0 to 40 where n is nonnegative). The infinite series is summed
by mpmath's `nsum`. Values are compared relative to max(1, |a|, |b|) with tolerance 10^-35. For
each pair, on the domain the file gives the slipped line under a careful reading of the docs:
  - the true step equals the expression it is compared with at every point tried;
  - the false step differs from it at one point at least;
  - under the MISREADING named in the README, the false step holds at every point tried: a reader
    that makes that misreading proves it;
  - each special point named in the README is one where false and true agree;
  - shared (unmarked) steps hold on their own domain ("extra").
File check: twins identical but for the marked line, one mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in notes), in the false twin only, and one `=` (brace depth 0, before
any remark) on the marked line. SHOW=1 prints where each false step fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, exp, ln, sin, cos, cosh, pi
M.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -35
RNG = random.Random(39)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

def d(f, x, n=1):
    return M.diff(f, x, n)
def sgn(v): return mpf(M.sign(v))
def fl(v): return M.floor(v)
def ce(v): return M.ceil(v)
def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
LADDER = [mpf(v) for v in ("-12", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9", "0",
                           "1e-12", "0.4", "0.5", "1", "2", "3.1", "7.5", "12")]
REALS = LADDER + [rnz() for _ in range(14)]
NZ = [v for v in REALS if v != 0]
POS = [v for v in REALS if v > 0]
NEG = [v for v in REALS if v < 0]
NONPOS = [v for v in REALS if v <= 0]
def pts(vals): return [(v,) for v in vals]
R1 = pts(REALS)
R2 = [(x, y) for x in LADDER[::2] + [mpf(1), mpf(0)] for y in LADDER[1::2] + [mpf(1), mpf(0)]] + \
     [(rnz(), rnz()) for _ in range(12)]
INT = [(mpf(n),) for n in range(-40, 41)]
NAT = [(mpf(n),) for n in range(0, 41)]
NNEG = [(mpf(n),) for n in range(0, 41)]
NX = [(mpf(n), x) for n in range(0, 9) for x in LADDER[::3] + [rnz(), rnz()]]

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
        print(f"{name}: false differs at {[M.nstr(v, 8) if isinstance(v, M.mpf) else v for v in bad]}")
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

def alt(n): return mpf(-1) ** int(n)

# ---------------- A  integer arithmetic
check("alt_squares_unbracketed_minus_one", NNEG,
      lambda n: sum(alt(k + 1) * k ** 2 for k in range(1, int(n) + 1)),
      lambda n: alt(n + 1) * n * (n + 1) / 2,
      lambda n: -(mpf(1) ** (n + 1)) * n * (n + 1) / 2,
      mis=(NNEG, lambda n: alt(n + 1) * n * (n + 1) / 2, lambda n: alt(n + 1) * n * (n + 1) / 2),  # -1^{n+1} read (-1)^{n+1}
      special=[(mpf(n),) for n in range(0, 41, 2)])
check("floor_half_either_sign", INT,
      lambda n: fl(n / 2),
      lambda n: n / 2 - (1 - alt(n)) / 4,
      lambda n: abs(n) / 2 - (1 - alt(n)) / 4,
      mis=(NNEG, lambda n: fl(n / 2), lambda n: abs(n) / 2 - (1 - alt(n)) / 4),  # n taken nonnegative (n = 2m + r, m >= 0)
      special=NNEG)
check("md_cos_odd_multiple_of_pi", INT,
      lambda n: cos((2 * n + 1) * pi) * alt(n),
      lambda n: alt(n + 1),
      lambda n: mpf(-1),
      mis=([(mpf(n),) for n in range(-40, 41, 2)], lambda n: cos((2 * n + 1) * pi) * alt(n), lambda n: mpf(-1)),  # (-1)^n taken as 1: n read as even beside the 2n
      special=[(mpf(n),) for n in range(-40, 41, 2)])
check("md_alternating_ones_floor_minus_ceil", NNEG,
      lambda n: sum(alt(k) for k in range(1, int(n) + 1)),
      lambda n: fl(n / 2) - ce(n / 2),
      lambda n: fl(n / 2) - n / 2,
      mis=(NNEG, lambda n: fl(n / 2) - n / 2, lambda n: fl(n / 2) - n / 2),  # \lceil n/2 \rceil read as n/2
      special=[(mpf(n),) for n in range(0, 41, 2)])
check("ceil_half_not_symmetric", INT,
      lambda n: ce(n / 2),
      lambda n: n / 2 + (1 - alt(n)) / 4,
      lambda n: sgn(n) * fl((abs(n) + 1) / 2),
      mis=(INT, lambda n: sgn(n) * ce(abs(n) / 2), lambda n: sgn(n) * fl((abs(n) + 1) / 2)),  # ceiling taken as symmetric: ceil(n/2) = sign(n) ceil(|n|/2)
      special=NNEG + [(mpf(n),) for n in range(-40, 0, 2)])
check("md_floor_of_negated_third", INT,
      lambda n: fl(-n / 3),
      lambda n: -ce(n / 3),
      lambda n: -fl(n / 3),
      mis=(INT, lambda n: -fl(n / 3), lambda n: -fl(n / 3)),  # floor taken as odd (truncation): floor(-v) = -floor(v)
      special=[(mpf(n),) for n in range(-39, 40, 3)])

# ---------------- B  derivative notations
def y3e2(t): return t ** 3 * exp(2 * t)
check("md_dfrac_second_derivative_at_one", R1,
      lambda x: d(y3e2, mpf(1), 2),
      lambda x: 22 * exp(2),
      lambda x: (6 * x + 12 * x ** 2 + 4 * x ** 3) * exp(2 * x),
      mis=(R1, lambda x: d(y3e2, x, 2) * 1, lambda x: (6 * x + 12 * x ** 2 + 4 * x ** 3) * exp(2 * x)),  # (1) read as a factor
      special=[(mpf(1),)])
check("md_tfrac_mixed_partial", R2,
      lambda x, y: d(lambda s: d(lambda t: exp(s * t), y), x),
      lambda x, y: (1 + x * y) * exp(x * y),
      lambda x, y: y ** 2 * exp(x * y),
      mis=(R2, lambda x, y: d(lambda s: exp(s * y), x, 2), lambda x, y: y ** 2 * exp(x * y)),  # \partial x \partial y read as \partial x^2
      special=[(mpf(0), mpf(1)), (mpf(0), mpf(-1)), (mpf(3) / 2, mpf(2))])
check("dot_x_is_its_own_name", R2,
      lambda x, xd: d(lambda t: t ** 2 * xd, x),
      lambda x, xd: 2 * x * xd,
      lambda x, xd: 3 * x ** 2,
      mis=(R2, lambda x, xd: d(lambda t: t ** 2 * t, x), lambda x, xd: 3 * x ** 2),  # \dot{x} read as x
      special=[(mpf(0), mpf(5)), (mpf(2), mpf(3))])
check("dn_mathrm_order_n_sign", NX,
      lambda n, x: d(lambda t: t * exp(-t), x, int(n)),
      lambda n, x: alt(n) * (x - n) * exp(-x),
      lambda n, x: (x - n) * exp(-x),
      mis=([(n, x) for n, x in NX if int(n) % 2 == 0], lambda n, x: d(lambda t: t * exp(-t), x, int(n)),
           lambda n, x: (x - n) * exp(-x)),  # n taken even ((-1)^n dropped)
      special=[(mpf(n), mpf(3)) for n in (0, 2, 4, 6)] + [(mpf(1), mpf(1)), (mpf(3), mpf(3))])
check("md_leibniz_at_named_point", R2,
      lambda x, a: d(lambda t: t ** 3, a),
      lambda x, a: 3 * a ** 2,
      lambda x, a: 3 * a * x ** 2,
      mis=(R2, lambda x, a: d(lambda t: t ** 3, x) * a, lambda x, a: 3 * a * x ** 2),  # (a) read as a factor
      special=[(mpf(0), mpf(0)), (mpf(2), mpf(0)), (mpf(1), mpf(1)), (mpf(-2), mpf(4))])
check("partial_subscript_operators_stacked", R2,
      lambda x, y: d(lambda s: d(lambda t: s ** 3 * t ** 2, y), x),
      lambda x, y: 6 * x ** 2 * y,
      lambda x, y: 3 * x ** 2 * y ** 2,
      mis=(R2, lambda x, y: d(lambda s: s ** 3 * y ** 2, x), lambda x, y: 3 * x ** 2 * y ** 2),  # the inner \partial_y dropped
      special=[(mpf(0), mpf(5)), (mpf(3), mpf(2)), (mpf(5), mpf(0))])

# ---------------- C  prose that gives values
check("md_colon_equals_row_defines", R1,
      lambda x: d(lambda t: t * (t ** 2 + 1), x),
      lambda x: 3 * x ** 2 + 1,
      lambda x: x ** 2 + 1,
      mis=(R2, lambda x, u: d(lambda t: t * u, x), lambda x, u: u),  # := not read: u a free letter
      special=[(mpf(0),)])
check("md_take_in_why_column", R1,
      lambda x: d(lambda t: t * exp(t ** 2), x),
      lambda x: (1 + 2 * x ** 2) * exp(x ** 2),
      lambda x: exp(x ** 2),
      mis=(R2, lambda x, v: d(lambda t: t * v, x), lambda x, v: v),  # "take v = …" in the why not read
      special=[(mpf(0),)],
      extra=[("first row", lambda x: d(lambda t: exp(t ** 2), x), lambda x: 2 * x * exp(x ** 2), R1)])
check("md_shortintertext_set", R1,
      lambda x: d(lambda t: t * sin(t), x),
      lambda x: sin(x) + x * cos(x),
      lambda x: sin(x),
      mis=(R2, lambda x, w: d(lambda t: t * w, x), lambda x, w: w),  # "Set $w = …$" in \shortintertext not read
      special=[(mpf(0),), (pi / 2,)],
      extra=[("first row", lambda x: d(sin, x), lambda x: cos(x), R1)])
check("md_list_item_defines_value", R1,
      lambda x: d(lambda t: t * (3 * t - 1), x),
      lambda x: 6 * x - 1,
      lambda x: 3 * x - 1,
      mis=(R2, lambda x, q: d(lambda t: t * q, x), lambda x, q: q),  # the list item not read: q a free letter
      special=[(mpf(0),)])
check("md_denote_after_use", R1,
      lambda x: d(lambda t: exp(t) * sin(t), x),
      lambda x: exp(x) * (sin(x) + cos(x)),
      lambda x: exp(x) * sin(x),
      mis=(R2, lambda x, s: d(lambda t: exp(t) * s, x), lambda x, s: exp(x) * s),  # "denote" after use not read
      special=[(pi / 2,), (-pi / 2,)])
check("def_text_key_operatorname_use", R1,
      lambda x: d(lambda t: t * (t ** 2 + 1), x),
      lambda x: 3 * x ** 2 + 1,
      lambda x: x ** 2 + 1,
      mis=(R2, lambda x, g: d(lambda t: t * g, x), lambda x, g: g),  # \operatorname{gain} not the defined \text{gain}
      special=[(mpf(0),)])

# ---------------- D  conditions and cases
check("md_leqslant_closed_case", pts(NONPOS),
      lambda x: (abs(x) + x) / 2 + sgn(x),
      lambda x: sgn(x),
      lambda x: mpf(-1),
      mis=(pts(NEG), lambda x: (abs(x) + x) / 2 + sgn(x), lambda x: mpf(-1)),  # \leqslant read as <
      special=pts(NEG))
def step1(x): return mpf(1) if x >= 0 else mpf(0)
def step1_strict(x): return mpf(1) if x > 0 else (mpf(0) if x < 0 else None)
check("md_array_cases_geqslant", R1,
      step1,
      lambda x: ce((1 + sgn(x)) / 2),
      lambda x: (1 + sgn(x)) / 2,
      mis=(R1, step1_strict, lambda x: (1 + sgn(x)) / 2),  # \geqslant read as >: no row at 0, undefined there
      special=pts(NZ))
def bump(x): return mpf(0) if (x < -1 or x > 1) else 1 - x ** 2
def bump_and(x): return mpf(0) if (x < -1 and x > 1) else 1 - x ** 2
check("cases_or_outside_interval", R1,
      bump,
      lambda x: max(mpf(0), 1 - x ** 2),
      lambda x: 1 - x ** 2,
      mis=(R1, bump_and, lambda x: 1 - x ** 2),  # "or" read as "and": the first row never holds
      special=pts([v for v in REALS if -1 <= v <= 1]))
def quad(x, y): return x ** 2 if (x > 0 and y > 0) else mpf(0)
check("cases_and_second_condition", R2,
      quad,
      lambda x, y: max(x, mpf(0)) ** 2 * fl((1 + sgn(y)) / 2),
      lambda x, y: max(x, mpf(0)) ** 2,
      mis=(R2, lambda x, y: x ** 2 if x > 0 else mpf(0), lambda x, y: max(x, mpf(0)) ** 2),  # the second condition dropped
      special=[(x, y) for x, y in R2 if y > 0 or x <= 0])
check("md_for_every_real_widens", R1,
      lambda x: x * sgn(x),
      lambda x: abs(x),
      lambda x: x,
      mis=(pts(POS), lambda x: x * sgn(x), lambda x: x),  # x > 0 carried past "for every real x"
      special=pts([v for v in REALS if v >= 0]),
      extra=[("x > 0 claim", lambda x: x * sgn(x), lambda x: x, pts(POS))])
def gap(x): return (x ** 2 - x) / x if x != 0 else mpf(0)
check("md_array_cases_ne_removable", R1,
      gap,
      lambda x: x - abs(sgn(x)),
      lambda x: x - 1,
      mis=(R1, lambda x: x - 1, lambda x: x - 1),  # the first row taken as the whole (simplified, the \ne row dropped)
      special=pts(NZ))

# ---------------- E  layout
check("md_row_over_two_lines_leading_minus", R1,
      lambda x: x ** 2 + 2 * x + 1 - (x + 1) ** 2 + x,
      lambda x: x,
      lambda x: -x ** 2 - x - 1,
      mis=(R1, lambda x: -(x + 1) ** 2 + x, lambda x: -x ** 2 - x - 1),  # the second line read as a row of its own
      special=[(mpf(-1),)])
check("md_tag_not_a_factor", R1,
      lambda x: 2 * x / (x ** 2 + 1),
      lambda x: 2 * x / (x ** 2 + 1),
      lambda x: 6 * x / (x ** 2 + 1),
      mis=(R1, lambda x: 2 * x / (x ** 2 + 1) * 3, lambda x: 6 * x / (x ** 2 + 1)),  # \tag{3} read as a factor 3
      special=[(mpf(0),)],
      extra=[("first row", lambda x: d(lambda t: ln(t ** 2 + 1), x), lambda x: 2 * x / (x ** 2 + 1), R1)])
check("md_percent_comment_hides_term", R1,
      lambda x: d(lambda t: t ** 3 + t, x),
      lambda x: 3 * x ** 2 + 1,
      lambda x: 3 * x ** 2 + 2 * x + 1,
      mis=(R1, lambda x: d(lambda t: t ** 3 + t ** 2 + t, x), lambda x: 3 * x ** 2 + 2 * x + 1),  # % not a comment
      special=[(mpf(0),)])
check("md_html_comment_definition_ignored", R2,
      lambda x, u: d(lambda t: t * u, x),
      lambda x, u: u,
      lambda x, u: 3 * x ** 2,
      mis=(R1, lambda x: d(lambda t: t * t ** 2, x), lambda x: 3 * x ** 2),  # the commented "let u = x^2" read
      special=[(mpf(1), mpf(3)), (mpf(0), mpf(0))])
check("text_paren_number_is_why", R1,
      lambda x: d(lambda t: sin(t ** 2), x),
      lambda x: 2 * x * cos(x ** 2),
      lambda x: x * cos(x ** 2),
      mis=(R1, lambda x: d(lambda t: sin(t ** 2), x), lambda x: x * cos(x ** 2) * 2),  # \text{(2)} read as a factor 2
      special=[(mpf(0),), (M.sqrt(pi / 2),)])
check("md_intertext_point_is_no_case", R1,
      lambda x: -2 * sin(2 * x),
      lambda x: -4 * sin(x) * cos(x),
      lambda x: mpf(0),
      mis=([(mpf(0),)] * 3, lambda x: -2 * sin(2 * x), lambda x: mpf(0)),  # "at $x = 0$" read as the case x = 0
      special=[(mpf(0),), (pi / 2,), (pi,)],
      extra=[("first row", lambda x: d(lambda t: cos(2 * t), x), lambda x: -2 * sin(2 * x), R1)])

# ---------------- F  numbers and symbols
check("thin_space_thousands_not_product", R1,
      lambda x: x / 2500,
      lambda x: mpf(4) / 10000 * x,
      lambda x: mpf(1) / 1000 * x,
      mis=(R1, lambda x: x / (2 * 500), lambda x: mpf(1) / 1000 * x),  # 2\,500 read as 2·500
      special=[(mpf(0),)])
check("md_percent_sign_not_comment", R1,
      lambda x: d(lambda t: mpf(1) / 8 * t ** 2, x),
      lambda x: x / 4,
      lambda x: 25 * x,
      mis=(R1, lambda x: d(lambda t: mpf(25) / 2 * t ** 2, x), lambda x: 25 * x),  # \% dropped
      special=[(mpf(0),)])
check("infinite_cos_series_alternating", R1,
      lambda x: M.nsum(lambda k: (-1) ** int(k) * x ** (2 * k) / M.factorial(2 * k), [0, M.inf]),
      lambda x: cos(x),
      lambda x: cosh(x),
      mis=(R1, lambda x: M.nsum(lambda k: x ** (2 * k) / M.factorial(2 * k), [0, M.inf]), lambda x: cosh(x)),  # (-1)^k read as 1
      special=[(mpf(0),)])
check("md_thin_space_decimal_trailing_group", R1,
      lambda x: d(lambda t: mpf(1) / 4 * t ** 4, x),
      lambda x: x ** 3,
      lambda x: mpf(0),
      mis=(R1, lambda x: d(lambda t: mpf(1) / 4 * 0 * t ** 4, x), lambda x: mpf(0)),  # 0.250\,000 read as 0.250·000
      special=[(mpf(0),)])
check("md_over_inside_braces_scope", R1,
      lambda x: d(lambda t: t ** 2 + t ** 3 / 3, x),
      lambda x: 2 * x + x ** 2,
      lambda x: (2 * x + 3 * x ** 2) / 3,
      mis=(R1, lambda x: d(lambda t: (t ** 2 + t ** 3) / 3, x), lambda x: (2 * x + 3 * x ** 2) / 3),  # \over takes the whole bracket
      special=[(mpf(0),)])
check("unicode_minus_one_superscript", pts(NZ),
      lambda x: d(lambda t: t ** 2 * t ** -1, x),
      lambda x: mpf(1),
      lambda x: 3 * x ** 2,
      mis=(R1, lambda x: d(lambda t: t ** 2 * t, x), lambda x: 3 * x ** 2),  # ⁻¹ read as ¹
      special=[(1 / M.sqrt(3),), (-1 / M.sqrt(3),)])

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
if set(CHECKED) - set(classes):
    problem(f"checked but not in classes.json: {set(CHECKED) - set(classes)}")
print(f"verified {len(classes)} pairs; problems: {len(PROBLEMS)}")
