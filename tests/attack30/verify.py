#!/usr/bin/env python3
"""Check every attack-30 pair independently of derive-ce.

Scalars: mpmath at 250 digits, tolerance 10^-200 relative (10^-50 where a derivative is taken by
difference quotients with h = 10^-120). A derivative at a point is taken only where it exists: the
function must be defined at the point and the two one-sided quotients must agree to 10^-40
(a jump makes them huge, a kink makes them differ), else it is "undefined" (None); a side whose
formula divides by zero, or a `cases` where no row holds, is undefined too; two undefined values
agree, an undefined and a defined one differ.
Integer sums and products, decimals, percents, the narrow bump and the integer caps are exact
(Fractions / ints), written as loops: a range whose upper bound is below its lower bound is empty
(sum 0, product 1). Vectors: mpmath vectors of random rationals at sizes 1..5.
Each true step (LHS = TRUE) must hold at every point tried of its domain (the declared flags, the
stated assumptions in force, the case conditions); each false step must differ at one point at
least of its domain (`fpts` where its case is wider than the true twin's). Shared (unmarked)
steps are checked too (extra). Also checks the twins' files: identical but for the marked line,
one mark, YAML loads. SHOW=1 prints where each false step fails."""
import json, math, os, random, sys
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, sin, cos, pi
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -50
RNG = random.Random(30)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, Fr)) and isinstance(b, (int, Fr)):
        return a == b
    a = mpf(a.numerator) / a.denominator if isinstance(a, Fr) else M.mpmathify(a)
    b = mpf(b.numerator) / b.denominator if isinstance(b, Fr) else M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None, fpts=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra, None if fpts is None else list(fpts))

SM = [mpf(v) for v in ("-1e9", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "0.4", "1", "2", "3.1", "12.5", "1e3", "1e9")]
POS = [v for v in SM if v > 0]
NZ = [v for v in SM if v != 0]
EX = [x for x in SM if abs(x) < 1e6]
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
def S(lo, hi, f): return sum((f(k) for k in range(lo, hi + 1)), Fr(0))
def Pr(lo, hi, f):
    r = Fr(1)
    for k in range(lo, hi + 1): r *= f(k)
    return r
def mS(lo, hi, f): return sum((f(k) for k in range(lo, hi + 1)), mpf(0))
FX = [Fr(-7, 3), Fr(-1), Fr(-1, 10 ** 9), Fr(1, 10 ** 12), Fr(2, 7), Fr(1), Fr(5, 2), Fr(10 ** 9 + 7)]
fl = lambda q: q.numerator // q.denominator if isinstance(q, Fr) else int(M.floor(q))

# ---------------- A  empty ranges and bounds
NI = [(n, i) for n in range(1, 13) for i in range(1, n + 1)]
odd = lambda k: Fr(2 * k - 1)
pair("tail_peel_last_i_eq_n", lambda n, i: S(i + 1, n, odd), lambda n, i: Fr(n * n - i * i),
     lambda n, i: (2 * n - 1) + S(i + 1, n - 1, odd), NI)
pair("prod_from_three_n1", lambda n: Pr(3, n, Fr), lambda n: Fr(math.factorial(max(n, 2)), 2),
     lambda n: Fr(math.factorial(n), 2), [(n,) for n in range(1, 16)])
# k declared in [2, n]: \sum_{k < j} runs from 2 to min(j - 1, n)
pair("sum_k_lt_j_declared_from_2", lambda n, j: S(2, min(j - 1, n), lambda k: Fr(2) ** k),
     lambda n, j: max(Fr(2) ** j - 4, 0), lambda n, j: Fr(2) ** j - 4, NI)
# j declared in [i, n]: inside \sum_{i=1}^{n}, j runs from that sum's i to n
pair("declared_range_lower_names_index", lambda n: S(1, n, lambda i: S(i, n, lambda j: Fr(1, j))), lambda n: Fr(n),
     lambda n: n * S(1, n, lambda m: Fr(1, m)), [(n,) for n in range(1, 14)])
om = lambda k: 1 - Fr(1, k * k)
pair("md_prod_one_minus_inverse_square_n1", lambda n: Pr(2, n, om), lambda n: Fr(n + 1, 2 * n),
     lambda n: Fr(3, 4) * Pr(3, n, om), [(n,) for n in range(1, 16)])

# ---------------- B  reading numbers and words
pair("percent_exponent", lambda x: x ** (mpf(50) / 100) * x ** (mpf(25) / 100), lambda x: x ** (mpf(3) / 4),
     lambda x: x ** (mpf(1) / 8), [(x,) for x in POS])
pair("float_square_repr", lambda x: Fr(11, 10) ** 2 * x, lambda x: Fr(121, 100) * x,
     lambda x: Fr("1.2100000000000002") * x, [(x,) for x in FX])
XR = [Fr(v) for v in ("-2", "0", "1", "1.5", "2", "2.5", "3", "3.0000001", "3.5", "100")]
pair("cases_or_and_precedence", lambda x: 1 if (x > 3 or (x > 1 and x < 2)) else 0,
     lambda x: 1 if 1 < x < 2 else (1 if x > 3 else 0), lambda x: 1 if 1 < x < 2 else 0, [(x,) for x in XR])
pair("md_thin_space_decimal", lambda x: x / 64, lambda x: Fr("0.015625") * x, lambda x: Fr("0.015652") * x,
     [(x,) for x in FX])
pair("md_percent_denominator", lambda y: y / Fr(125, 100), lambda y: Fr(4, 5) * y, lambda y: Fr(75, 100) * y,
     [(y,) for y in FX])
UX = [Fr(v) for v in ("-5", "0", "1", "1.5", "2", "2.0000001", "3", "1000000")]
pair("md_unless_whenever", lambda x: abs(x - 2) + x, lambda x: 2 * x - 2, lambda x: 2 * x - 2,
     [(x,) for x in UX if x >= 2], fpts=[(x,) for x in UX if x >= 0],
     extra=lambda: all(abs(x - 2) + x == 2 for x in UX if not x > 2))

# ---------------- C  kinks and jumps
CX = [mpf(v) for v in ("-1e6", "-3", "-1", "-0.5", "-1e-9", "0", "1e-9", "0.5", "1", "1.5", "2", "7.5", "1e6")]
rsq = lambda t: max(t, 0) ** 2
pair("relu_square_closed_end", lambda x: deriv(rsq, x), lambda x: 0, lambda x: 2 * min(x, 0),
     [(x,) for x in CX if x <= 0], DTOL, extra=lambda: all(close(deriv(rsq, x), 2 * x, DTOL) for x in CX if x > 0))
mtl = lambda t: min(t * t, 2 * t - 1)
pair("min_tangent_line", lambda x: deriv(mtl, x), lambda x: 2, lambda x: min(2 * x, 2), [(x,) for x in CX], DTOL)
stair = lambda t: M.floor(t) * t * t + M.ceil(t) * t
SX = [mpf(v) for v in ("1.0001", "1.3", "1.9999", "2.0001", "2.5", "2.9999")]
pair("md_staircase_floor_ceil", lambda x: deriv(stair, x), lambda x: 4 * x + 3, lambda x: 6 * x + 2,
     [(x,) for x in SX if 2 < x < 3], DTOL,
     extra=lambda: all(close(deriv(stair, x), 2 * x + 2, DTOL) for x in SX if 1 < x < 2))
pair("sign_times_square_pseudo_kink", lambda x: deriv(lambda t: sgn(t) * t * t, x), lambda x: 2 * abs(x),
     lambda x: 2 * x * sgn(x) + sgn(x) ** 2 - 1, [(x,) for x in CX], DTOL)
pair("md_abs_three_halves", lambda x: deriv(lambda t: abs(t) ** (mpf(3) / 2), x),
     lambda x: mpf(3) / 2 * sgn(x) * sqrt(abs(x)), lambda x: mpf(3) / 2 * sqrt(abs(x)), [(x,) for x in CX], DTOL)

# ---------------- D  derivatives by a defined name, chain rule
WXBT = [tuple(mq(rq()) for _ in range(4)) for _ in range(12)] + [(mpf(2), mpf(3), mpf(-1), mpf("0.5"))]
pair("partial_by_defined_z", lambda w, x, b, t: deriv(lambda zz: (zz - t) ** 2, w * x + b),
     lambda w, x, b, t: 2 * (w * x + b - t), lambda w, x, b, t: 2 * x * (w * x + b - t), WXBT, DTOL)
pair("chain_through_function_defs", lambda x: deriv(lambda t: sin(t) ** 3, x), lambda x: 3 * sin(x) ** 2 * cos(x),
     lambda x: 3 * cos(x) ** 2, [(x,) for x in EX], DTOL,
     extra=lambda: all(close(deriv(lambda t: sin(t) ** 3, x), deriv(lambda s: s ** 3, sin(x)) * deriv(sin, x), DTOL)
                       for x in EX))
pair("partial_by_name_rest_held", lambda x: deriv(lambda p: p + x, x * x), lambda x: 1, lambda x: 1 + 1 / (2 * x),
     [(x,) for x in NZ if abs(x) < 1e6], DTOL)
pair("md_du_sqrt_prose", lambda x: deriv(sqrt, x * x + 1), lambda x: 1 / (2 * sqrt(x * x + 1)),
     lambda x: x / sqrt(x * x + 1), [(x,) for x in EX], DTOL)
wv = lambda t: exp(2 * t) ** 2 + exp(2 * t)
DXS = [x for x in EX if abs(x) < 50]
pair("md_chain_two_prose_defs", lambda x: deriv(wv, x), lambda x: 4 * exp(4 * x) + 2 * exp(2 * x),
     lambda x: 4 * exp(4 * x) + exp(2 * x), [(x,) for x in DXS], DTOL,
     extra=lambda: all(close(deriv(wv, x), deriv(lambda v: v * v + v, exp(2 * x)) * deriv(lambda t: exp(2 * t), x), DTOL)
                       and close(deriv(wv, x), (2 * exp(2 * x) + 1) * 2 * exp(2 * x), DTOL) for x in DXS))

# ---------------- E  letters that are also constants or operators
pair("sum_index_e", lambda n: mS(1, n, lambda e: mpf(e)), lambda n: mpf(n * (n + 1)) / 2, lambda n: n * M.e,
     [(n,) for n in range(1, 25)])
pair("declared_i_euler", lambda i: exp(i * pi) * exp(-pi), lambda i: exp(pi * (i - 1)), lambda i: -exp(-pi),
     [(i,) for i in POS if i < 1e6])
pair("declared_Gamma_product", lambda G, n: G * (n + 1), lambda G, n: G * n + G, lambda G, n: mpf(math.factorial(n)),
     [(G, n) for G in POS for n in range(1, 8)])
pair("md_e_declared_elasticity", lambda e, x: deriv(lambda ee: ee * ee * x, e), lambda e, x: 2 * e * x,
     lambda e, x: 0, [(e, x) for e in POS if e < 1e6 for x in EX], DTOL)
sd = lambda t: mS(1, 3, lambda d: d * t ** d)
pair("md_sum_index_d", lambda x: deriv(sd, x), lambda x: 1 + 4 * x + 9 * x * x, lambda x: 1 + 2 * x + 3 * x * x,
     [(x,) for x in EX], DTOL,
     extra=lambda: all(close(deriv(sd, x), mS(1, 3, lambda d: d * d * x ** (d - 1)), DTOL) for x in EX))

# ---------------- F  sampling traps
e5 = Fr(1, 10 ** 5)
BX = [Fr(-3), Fr(0), Fr(1), Fr(2), Fr(2) + Fr(1, 10 ** 6), Fr(2) - Fr(9, 10 ** 6), Fr(2) + e5, Fr(3), Fr(10 ** 9)]
pair("narrow_bump_1e5", lambda x: max(Fr(0), e5 - abs(x - 2)), lambda x: e5 - abs(x - 2) if abs(x - 2) < e5 else Fr(0),
     lambda x: Fr(0), [(x,) for x in BX])
LX = SM + [mpf("7e10"), mpf("-8e10"), mpf("1e12"), mpf("-1e12")]
pair("log_cap_far", lambda x: min(ln(1 + x * x), 50), lambda x: ln(min(1 + x * x, exp(50))), lambda x: ln(1 + x * x),
     [(x,) for x in LX])
pair("min_size_product_504", lambda n: min(n, 7 * 8 * 9), lambda n: Fr(n + 504 - abs(n - 504), 2), lambda n: n,
     [(n,) for n in list(range(1, 40)) + list(range(495, 520)) + [10 ** 6]])
t30 = mpf(10) ** -30
pair("md_power_tiny_exponent_shift", lambda x: x ** (x + t30), lambda x: x ** x * x ** t30, lambda x: x ** x,
     [(x,) for x in POS if x < 1e6])
pair("md_sum_min_100", lambda n: S(1, n, lambda k: Fr(min(k, 100))),
     lambda n: Fr(n * (n + 1), 2) if n <= 100 else Fr(100 * n - 4950), lambda n: Fr(n * (n + 1), 2),
     [(n,) for n in range(1, 260)])

# ---------------- G  assumptions in prose
pair("md_widened_even_root", lambda t: sqrt(t ** 6), lambda t: abs(t) ** 3, lambda t: t ** 3, [(t,) for t in SM],
     extra=lambda: all(close(sqrt(t ** 6), t ** 3) for t in POS))
pair("md_restated_after_widening", lambda z: (abs(z) + z) / 2, lambda z: max(z, 0), lambda z: z, [(z,) for z in SM],
     extra=lambda: all(close(max(z, 0), z) and close(sqrt(z * z), z) for z in SM if z >= 0))
AB = [(a, b) for a in (mpf(-3), mpf("-0.5"), mpf(0), mpf(2)) for b in (mpf(-7), mpf(0), mpf("0.3"), mpf(5))]
pair("md_where_ab_positive_section", lambda a, b: sqrt(a * a * b * b), lambda a, b: abs(a * b), lambda a, b: a * b, AB,
     extra=lambda: all(close(ln(a * b), ln(a) + ln(b)) for a in POS for b in POS))
pair("md_code_uses_form_for", lambda x: (x + abs(x)) / 2, lambda x: max(x, 0), lambda x: x, [(x,) for x in SM])
UV = [(u, v) for u in SM for v in POS]
pair("md_now_any_real_one_letter", lambda u, v: sqrt(u * u * v * v), lambda u, v: abs(u) * v, lambda u, v: u * v, UV,
     extra=lambda: all(close(sqrt(u * u * v * v), u * v) for u, v in UV if u >= 0))

# ---------------- H  notes layouts
def qn(x): return sum((t * t for t in x), mpf(0))
def dxi(x, i, j):
    def f(s):
        y = list(x); y[j] = s
        return y[i] * qn(y)
    return deriv(f, x[j])
VIJ = [([mq(rq()) for _ in range(n)], i, j) for n in range(1, 6) for _ in range(2) for i in range(n) for j in range(n)]
pair("md_if_otherwise_delta", dxi, lambda x, i, j: 2 * x[i] * x[j], lambda x, i, j: 2 * x[i] * x[j] + qn(x),
     [p for p in VIJ if p[1] != p[2]], DTOL,
     extra=lambda: all(close(dxi(x, i, j), qn(x) + 2 * x[i] ** 2, DTOL) for x, i, j in VIJ if i == j))
c3 = lambda t: abs(t + 1) ** 3
GX = [x for x in SM + [mpf(-1), mpf("-0.999")] if x >= -1]
pair("md_given_that_after_display", lambda x: deriv(c3, x), lambda x: 3 * (x + 1) ** 2,
     lambda x: 3 * (x + 1) ** 2 * sgn(x), [(x,) for x in GX], DTOL)
x2a = lambda t: t * t * abs(t)
pair("md_ampamp_since_for", lambda x: deriv(x2a, x), lambda x: -3 * x * x, lambda x: 3 * x * x,
     [(x,) for x in EX if x < 0], DTOL, extra=lambda: all(close(deriv(x2a, x), 3 * x * abs(x), DTOL) for x in EX))
pair("md_heading_closes_cases", lambda x: abs(x) + x, lambda x: 2 * max(x, 0), lambda x: 0, [(x,) for x in SM],
     extra=lambda: all(close(deriv(abs, x), sgn(x), DTOL) for x in EX if x != 0))
pair("md_similarly_closes_case", lambda t: max(t, 0) * t, lambda t: t * t * (1 + sgn(t)) / 2, lambda t: 0,
     [(t,) for t in SM],
     extra=lambda: all(close(deriv(lambda s: max(s, 0), t), 1 if t > 0 else 0, DTOL) for t in EX if t != 0))

# ---------------- run
classes = json.load(open(os.path.join(HERE, "classes.json")))
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
assert set(classes) == set(PAIRS), (set(classes) ^ set(PAIRS))
import yaml
for name in sorted(PAIRS):
    lhs, tr, fa, pts, tol, extra, fpts = PAIRS[name]
    for p in pts:
        if not close(lhs(*p), tr(*p), tol):
            bad(f"{name}: true step differs at {p!s:.200}"); break
    witness = None
    for p in (pts if fpts is None else fpts):
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
        print(f"{name}: false at {str(witness)[:160]}")
    ext = "md" if os.path.exists(os.path.join(HERE, name + ".true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1 or mark not in f[diff[0]] or sum(mark in l for l in f) != 1 or any(mark in l for l in t):
        bad(f"{name}: twins are not identical but for one marked line")
    if ext == "yaml":
        for txt in (t, f):
            d = yaml.safe_load("\n".join(txt))
            if not isinstance(d, dict) or "steps" not in d:
                bad(f"{name}: YAML does not load as a derivation")
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
