#!/usr/bin/env python3
"""Check every attack-31 pair independently of derive-ce (attack 30's conventions).

Scalars: mpmath at 250 digits, tolerance 10^-200 relative (10^-50 where a derivative is taken by
difference quotients with h = 10^-120). A derivative at a point is taken only where it exists: the
function must be defined at the point and the two one-sided quotients must agree to 10^-40, else it
is "undefined" (None); two undefined values agree, an undefined and a defined one differ.
Piecewise-linear identities in |.|, max, min are checked exactly with Fractions. Vectors: mpmath
vectors of random rationals at sizes 1..5, every (i, j) pair of indices.
Each true step (LHS = TRUE) must hold at every point tried of its domain (the stated assumptions in
force, the case conditions in force on that line); each false step must differ at one point at
least of that same domain. Shared (unmarked) steps are checked too (extra). Also checks the twins'
files: identical but for the marked line, exactly one mark, on the false twin only.
SHOW=1 prints where each false step fails."""
import json, math, os, random
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, sinh, cosh, tanh, pi
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -50
RNG = random.Random(31)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, Fr)) and isinstance(b, (int, Fr)):
        return a == b
    a = mpf(a.numerator) / a.denominator if isinstance(a, Fr) else M.mpmathify(a)
    b = mpf(b.numerator) / b.denominator if isinstance(b, Fr) else M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra)

SM = [mpf(v) for v in ("-1e9", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "0.4", "1", "2", "3.1", "12.5", "1e3", "1e9")]
POS = [v for v in SM if v > 0]
NZ = [v for v in SM if v != 0]
EX = [x for x in SM if abs(x) < 1e6]
SMALL = [x for x in EX if abs(x) < 30]
def rq(): return Fr(RNG.randint(-9, 9), RNG.randint(1, 5))
def mq(q): return mpf(q.numerator) / q.denominator
def sgn(v): return 0 if v == 0 else (1 if v > 0 else -1)
H = mpf(10) ** -120
def deriv(f, x):
    """f'(x) where it exists (defined, one-sided quotients agree), else None."""
    try:
        f0, fl, fr = f(x), f(x - H), f(x + H)
    except (ZeroDivisionError, ValueError):
        return None
    if f0 is None or fl is None or fr is None:
        return None
    l = (f0 - fl) / H; r = (fr - f0) / H
    if abs(l - r) > mpf(10) ** -40 * max(1, abs(l)):
        return None
    return (fr - fl) / (2 * H)
def dall(f, g, xs):  # f' = g at every x of xs
    return all(close(deriv(f, x), g(x), DTOL) for x in xs)
FQ = [Fr(v) for v in ("-1000000", "-7", "-2", "-1.5", "-1", "-0.999", "-0.5", "-0.000001", "0", "0.000001",
                      "0.3", "0.5", "0.999", "1", "1.000001", "1.5", "2", "7", "1000000")]
XY = [(mq(rq()), mq(rq())) for _ in range(20)] + [(mpf(2), mpf(1)), (mpf(0), mpf(0)), (mpf(-3), mpf(5))]

# ---------------- A  rows that begin with `=` and carry their own condition
def cube_sum(x, i, j):
    def f(s):
        y = list(x); y[j] = s
        return y[i] ** 3 + sum(y, mpf(0))
    return deriv(f, x[j])
VIJ = [([mq(rq()) for _ in range(n)], i, j) for n in range(1, 6) for _ in range(2) for i in range(n) for j in range(n)]
VIJ = [p for p in VIJ if p[0][p[1]] != 0] + [([mpf(2), mpf(-3)], 0, 1), ([mpf(2), mpf(-3)], 1, 1)]
pair("md_row_cond_delta_cube", cube_sum, lambda x, i, j: mpf(1), lambda x, i, j: 3 * x[i] ** 2 + 1,
     [p for p in VIJ if p[1] != p[2]], DTOL,
     extra=lambda: all(close(cube_sum(x, i, j), 3 * x[i] ** 2 + 1, DTOL) for x, i, j in VIJ if i == j))
sq_cb = lambda t: t * t + abs(t) ** 3
pair("md_aligned_lone_lhs_qquad_for", lambda x: deriv(sq_cb, x), lambda x: 2 * x + 3 * x * x,
     lambda x: 2 * x - 3 * x * x, [(x,) for x in EX if x > 0], DTOL,
     extra=lambda: dall(sq_cb, lambda x: 2 * x - 3 * x * x, [x for x in EX if x < 0]))
fsq = lambda t: max(t * t, 1)
XS3 = EX + [mpf("-1.0001"), mpf("0.9999"), mpf("-0.9999"), mpf("1.0001")]
pair("md_split_three_if", lambda x: deriv(fsq, x), lambda x: 2 * x, lambda x: -2 * x,
     [(x,) for x in XS3 if x < -1], DTOL,
     extra=lambda: dall(fsq, lambda x: 2 * x, [x for x in XS3 if x > 1])
     and dall(fsq, lambda x: 0, [x for x in XS3 if -1 < x < 1]))
d01 = lambda x: abs(x - 1) + abs(x)
pair("md_eqnarray_whenever_unless", d01, lambda x: Fr(1), lambda x: 2 * x - 1, [(x,) for x in FQ if 0 <= x <= 1],
     extra=lambda: all(d01(x) == 2 * x - 1 for x in FQ if x >= 1) and all(d01(x) == 1 - 2 * x for x in FQ if not x > 0))
l1a = lambda t: ln(1 + abs(t))
pair("md_bracket_aligned_paren_if_then_plain", lambda x: deriv(l1a, x), lambda x: 1 / (x - 1), lambda x: 1 / (1 - x),
     [(x,) for x in EX if x < 0], DTOL,
     extra=lambda: dall(l1a, lambda x: 1 / (1 + x), [x for x in EX if x > 0])
     and dall(l1a, lambda x: -1 / (1 - x), [x for x in EX if x < 0]))
rc = lambda t: max(t, 0) ** 3
pair("md_mathfence_closed_joints", lambda t: deriv(rc, t), lambda t: mpf(0), lambda t: 3 * t * t,
     [(t,) for t in EX if t <= 0], DTOL, extra=lambda: dall(rc, lambda t: 3 * t * t, [t for t in EX if t >= 0]))
sr = lambda t: (t - 2) * max(t - 2, 0)
XS2 = EX + [mpf("2.0001"), mpf("1.9999"), mpf("2.5")]
pair("tex_align_quad_conditions", lambda x: deriv(sr, x), lambda x: 2 * (x - 2), lambda x: mpf(0),
     [(x,) for x in XS2 if x > 2], DTOL, extra=lambda: dall(sr, lambda x: 0, [x for x in XS2 if x < 2]))

# ---------------- B  whys and remarks holding math
pair("md_sanity_check_remark", lambda x: (x + 1) ** 2 - 1, lambda x: x * (x + 2), lambda x: x * x, [(x,) for x in SM],
     extra=lambda: all(close((x + 1) ** 2 - 1, x * x + 2 * x) for x in SM))
lq = lambda t: ln(t * t + 1)
pair("md_quad_bar_why_rightarrow", lambda x: deriv(lq, x), lambda x: 2 * x / (x * x + 1), lambda x: x / (x * x + 1),
     [(x,) for x in EX], DTOL)
es = lambda t: exp(sin(t))
pair("md_ampamp_using_since_implies", lambda x: deriv(es, x), lambda x: exp(sin(x)) * cos(x),
     lambda x: -exp(sin(x)) * cos(x), [(x,) for x in EX], DTOL,
     extra=lambda: all(close(deriv(es, x), exp(sin(x)) * deriv(sin, x), DTOL) for x in EX))
pair("md_remark_as_x_to_zero", lambda x: sinh(x) * cosh(x), lambda x: (exp(2 * x) - exp(-2 * x)) / 4,
     lambda x: (exp(2 * x) - exp(-2 * x)) / 2, [(x,) for x in EX],
     extra=lambda: all(close(sinh(x) * cosh(x), sinh(2 * x) / 2) for x in EX))
lc = lambda t: ln(abs(t ** 3))
pair("md_for_condition_by_ref", lambda x: deriv(lc, x), lambda x: 3 / x, lambda x: 1 / x, [(x,) for x in NZ if abs(x) < 1e6],
     DTOL, extra=lambda: all(close(deriv(lc, x), deriv(lambda t: 3 * ln(abs(t)), x), DTOL) for x in NZ if abs(x) < 1e6))
xx = lambda t: t ** t
pair("md_bar_sanity_check_point", lambda x: deriv(xx, x), lambda x: x ** x * (ln(x) + 1), lambda x: x ** x,
     [(x,) for x in POS if x < 100], DTOL)

# ---------------- C  case splits in prose
AB = [(a, b) for a in (mpf(-3), mpf("-0.5"), mpf(0), mpf(1), mpf(2)) for b in (mpf(-7), mpf(0), mpf(1), mpf("0.3"), mpf(5))]
pair("md_case_b1_closed_by_in_general", lambda a, b: (a + b) ** 3 - (a - b) ** 3, lambda a, b: 6 * a * a * b + 2 * b ** 3,
     lambda a, b: 6 * a * a + 2, AB,
     extra=lambda: all(close((a + 1) ** 3, a ** 3 + 3 * a * a + 3 * a + 1) for a in SM))
xm = lambda t: t * max(t, 0)
pair("md_when_comma_otherwise", lambda x: deriv(xm, x), lambda x: 2 * x, lambda x: mpf(0), [(x,) for x in EX if x >= 0], DTOL,
     extra=lambda: dall(xm, lambda x: 0, [x for x in EX if x < 0]))
def dpx(x, y): return deriv(lambda s: abs(s) * abs(y), x)
XYN = [(x, y) for x in EX for y in EX if x != 0]
pair("md_prose_case_row_condition_nested", dpx, lambda x, y: y, lambda x, y: -y, [(x, y) for x, y in XYN if x < 0 and y < 0], DTOL,
     extra=lambda: all(close(dpx(x, y), -abs(y), DTOL) for x, y in XYN if x < 0)
     and all(close(dpx(x, y), abs(y), DTOL) for x, y in XYN if x > 0))
pair("md_new_derivation_closes_case", lambda a, b: a * a - b * b, lambda a, b: (a - b) * (a + b), lambda a, b: (a - b) ** 2, AB,
     extra=lambda: all(close((b + b) ** 2, 4 * b * b) and close(4 * b * b, 4 * b * b) for b in SM))
dd = lambda t: abs(t - 1) + abs(t + 1)
XS4 = EX + [mpf("0.9999"), mpf("-0.9999"), mpf("1.0001"), mpf("-1.0001")]
pair("md_numbered_cases_chain_cond", lambda x: deriv(dd, x), lambda x: mpf(0), lambda x: mpf(2),
     [(x,) for x in XS4 if -1 < x < 1], DTOL,
     extra=lambda: dall(dd, lambda x: 2, [x for x in XS4 if x > 1]) and dall(dd, lambda x: -2, [x for x in XS4 if x < -1]))
AZ = [(a, z) for a in (mpf("0.25"), mpf("0.9"), mpf(1), mpf(2), mpf(-1), mpf(0)) for z in SM]
pair("md_for_a_cases_then_heading", lambda a, z: max(z, a * z), lambda a, z: ((1 + a) * z + abs(1 - a) * abs(z)) / 2,
     lambda a, z: ((1 + a) * z + (1 - a) * abs(z)) / 2, AZ,
     extra=lambda: all(close(deriv(lambda s: max(s, a * s), z), 1 if z > 0 else a, DTOL)
                       for a in (mpf("0.25"), mpf("0.9")) for z in EX if z != 0))

# ---------------- D  chains across displays, prose, headings
lor = lambda t: t / (1 + t * t)
pair("md_now_paragraph_then_equals", lambda x: deriv(lor, x), lambda x: (1 - x * x) / (1 + x * x) ** 2,
     lambda x: (1 + x * x) / (1 + x * x) ** 2, [(x,) for x in EX], DTOL,
     extra=lambda: dall(lor, lambda x: ((1 + x * x) - 2 * x * x) / (1 + x * x) ** 2, EX))
WXY = [tuple(mq(rq()) for _ in range(3)) for _ in range(15)] + [(mpf(1), mpf(2), mpf(3))]
dw = lambda w, x, y: deriv(lambda s: (s * x - y) ** 2, w)
pair("md_lone_lhs_align_rows", dw, lambda w, x, y: 2 * w * x * x - 2 * x * y, lambda w, x, y: 2 * w * x * x - 2 * y, WXY, DTOL,
     extra=lambda: all(close(dw(w, x, y), 2 * (w * x - y) * x, DTOL) for w, x, y in WXY))
pair("md_goal_after_definition_hence", lambda x: deriv(lambda t: sin(3 * t), x), lambda x: 3 * cos(3 * x),
     lambda x: sin(3 * x), [(x,) for x in EX], DTOL)
g2 = lambda t: exp(t * t)
pair("md_heading_then_equals_row", lambda x: 2 * x * exp(x * x), lambda x: 2 * x * exp(x * x), lambda x: 2 * exp(x * x),
     [(x,) for x in SMALL], extra=lambda: dall(g2, lambda x: 2 * x * exp(x * x), SMALL))
q4 = lambda t: t ** 4 + t ** 2
pair("md_which_gives_inline_dollars", lambda x: deriv(q4, x), lambda x: 2 * x * (2 * x * x + 1),
     lambda x: 2 * x * (2 * x * x + 2), [(x,) for x in EX], DTOL, extra=lambda: dall(q4, lambda x: 4 * x ** 3 + 2 * x, EX))
pair("md_goal_after_chain_wrong_attach", lambda x: deriv(lambda t: sin(t * t), x), lambda x: 2 * x * cos(x * x),
     lambda x: -2 * x * sin(x * x), [(x,) for x in SMALL], DTOL,
     extra=lambda: dall(lambda t: cos(t * t), lambda x: -2 * x * sin(x * x), SMALL))

# ---------------- E  several derivations in one file
sech = lambda t: 1 / cosh(t)
coth = lambda t: cosh(t) / sinh(t)
pair("md_three_facts_lone_goals", lambda x: deriv(sech, x), lambda x: -sech(x) * tanh(x), lambda x: 1 - coth(x) ** 2,
     [(x,) for x in SMALL if x != 0], DTOL,
     extra=lambda: dall(tanh, lambda x: 1 - tanh(x) ** 2, SMALL) and dall(coth, lambda x: 1 - coth(x) ** 2, [x for x in SMALL if x != 0]))
pair("md_system_then_heading_identity", lambda x, y: (x + y) ** 2 - (x - y) ** 2, lambda x, y: 4 * x * y,
     lambda x, y: 4 * x + 4 * y - 4, XY)
pair("md_set_zero_then_next_derivative", lambda x: deriv(lambda t: 2 * t - 4, x), lambda x: mpf(2), lambda x: x,
     [(x,) for x in EX], DTOL, extra=lambda: dall(lambda t: t * t - 4 * t + 7, lambda x: 2 * x - 4, EX))
pair("md_implies_then_heading_goal", lambda x: deriv(lambda t: 3 * t * t - 3, x), lambda x: 6 * x, lambda x: mpf(6),
     [(x,) for x in EX], DTOL, extra=lambda: dall(lambda t: t ** 3 - 3 * t, lambda x: 3 * x * x - 3, EX))
sig = lambda t: 1 / (1 + exp(-t))
pair("md_sigma_lemma_then_main", lambda z: deriv(lambda t: ln(sig(t)), z), lambda z: 1 - sig(z),
     lambda z: sig(z) * (1 - sig(z)), [(z,) for z in SMALL], DTOL, extra=lambda: dall(sig, lambda z: sig(z) * (1 - sig(z)), SMALL))
WXBY = [tuple(mq(rq()) for _ in range(4)) for _ in range(15)] + [(mpf(1), mpf(2), mpf(3), mpf(-1))]
Lf = lambda w, x, b, y: (w * x + b - y) ** 2
pair("md_second_gradient_b", lambda w, x, b, y: deriv(lambda s: Lf(w, x, s, y), b), lambda w, x, b, y: 2 * (w * x + b - y),
     lambda w, x, b, y: 2 * (w * x + b - y) * x, WXBY, DTOL,
     extra=lambda: all(close(deriv(lambda s: Lf(s, x, b, y), w), 2 * (w * x + b - y) * x, DTOL) for w, x, b, y in WXBY))

# ---------------- F  prose definitions and assumptions
uu = lambda t: t * t + 1
pair("md_where_def_after_use", lambda x: deriv(lambda t: sqrt(uu(t)), x), lambda x: x / sqrt(uu(x)),
     lambda x: 1 / (2 * sqrt(uu(x))), [(x,) for x in EX], DTOL)
pair("md_where_s_sigmoid_after", lambda z: deriv(lambda t: ln(sig(t) / (1 - sig(t))), z), lambda z: mpf(1), lambda z: mpf(0),
     [(z,) for z in SMALL], DTOL)
pair("md_here_positive_section", lambda a: max(a, -a), lambda a: abs(a), lambda a: a, [(a,) for a in SM],
     extra=lambda: all(close(max(a, -a), a) for a in POS))
pair("md_integer_stays_sections", lambda n: cos(pi * n), lambda n: mpf(-1) ** n, lambda n: mpf(1),
     [(n,) for n in range(-6, 10)], mpf(10) ** -150, extra=lambda: all(abs(cos(2 * pi * n) - 1) < mpf(10) ** -150 for n in range(1, 20)))
pair("md_valid_for_case_no_leak", lambda t: min(t, 1) * t, lambda t: t * (t + 1 - abs(t - 1)) / 2, lambda t: t,
     [(t,) for t in FQ], extra=lambda: all(max(t, 1) == t for t in FQ if t >= 1))
pair("md_where_list_after_chain", lambda x: (x + 1) ** 2 - (x - 1) ** 2, lambda x: 4 * x, lambda x: 2 * x, [(x,) for x in FQ],
     extra=lambda: all((x + 1) ** 2 - (x - 1) ** 2 == ((x + 1) - (x - 1)) * ((x + 1) + (x - 1)) for x in FQ))

# ---------------- run
classes = json.load(open(os.path.join(HERE, "classes.json")))
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
assert set(classes) == set(PAIRS), (set(classes) ^ set(PAIRS))
for name in sorted(PAIRS):
    lhs, tr, fa, pts, tol, extra = PAIRS[name]
    if not pts:
        bad(f"{name}: no points"); continue
    for p in pts:
        if not close(lhs(*p), tr(*p), tol):
            bad(f"{name}: true step differs at {p!s:.200}"); break
    witness = None
    for p in pts:
        try:
            same = close(lhs(*p), fa(*p), tol)
        except Exception:
            same = True
        if not same:
            witness = p; break
    if extra is not None and not extra():
        bad(f"{name}: a shared (unmarked) step of the twins does not hold")
    if witness is None:
        bad(f"{name}: false step never differs")
    elif SHOW:
        print(f"{name}: false at {str(tuple(M.nstr(v, 8) if isinstance(v, M.mpf) else v for v in witness))[:160]}")
    ext = "tex" if os.path.exists(os.path.join(HERE, name + ".true.tex")) else "md"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "% expect: failed" if ext == "tex" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1 or not f[diff[0]].endswith(mark) or sum(mark in l for l in f) != 1 \
            or any(mark in l for l in t):
        bad(f"{name}: twins are not identical but for one marked line")
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
