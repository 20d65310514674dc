#!/usr/bin/env python3
"""Check every attack-28 pair independently of derive-ce.

Scalars: mpmath at 250 digits, tolerance 10^-200 relative (10^-50 where a derivative is taken by
central differences with h = 10^-60). A derivative at a point is taken only where it exists: the
one-sided quotients must agree to 10^-40, else it is "undefined" (None); a formula that divides by
zero there is undefined too; two undefined values agree, an undefined and a defined one differ.
Number spellings (percents, decimals) and integer sums are exact Fractions; sums are loops, a
range whose upper bound is below its lower bound is empty (sum 0), the usual convention (not
Karr's, under which md_triangle_peel_first_row_n0's false twin would hold at n = 0).
Vectors: random rationals at sizes 1..6.
Each true step (LHS = TRUE) must hold at every point tried of its domain (the assumptions and case
conditions in force, as a careful reader reads the notes); each false step must differ at one
point at least of its domain (for a false twin whose row condition was changed, the domain of the
changed condition). Shared (unmarked) steps are checked too (extra).
Also checks the twins' files: identical but for the marked line, one mark, YAML loads.
SHOW=1 prints where each false step fails."""
import json, math, os, random, sys
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln, log, exp, tan, atan, cosh, sin, cos, pi
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -50
RNG = random.Random(28)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, Fr)) and isinstance(b, (int, Fr)):
        return a == b
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None, fpts=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra, None if fpts is None else list(fpts))

SM = [mpf(v) for v in ("-1e9", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "0.4", "1", "2", "3.1", "12.5", "1e3", "1e9")]
POS = [v for v in SM if v > 0]
MID = [v for v in SM if abs(v) < 1e4]          # where exp(±x) stays tame
def sgn(v): return 0 if v == 0 else (1 if v > 0 else -1)
H = mpf(10) ** -60
def deriv(f, x):
    """f'(x) where it exists (one-sided quotients agree), else None."""
    try:
        l = (f(x) - f(x - H)) / H; r = (f(x + H) - f(x)) / H
    except (ZeroDivisionError, ValueError):
        return None
    if abs(l - r) > mpf(10) ** -40 * max(1, abs(l)):
        return None
    return (f(x + H) - f(x - H)) / (2 * H)
def safe(f):
    def g(*a):
        try:
            return f(*a)
        except ZeroDivisionError:
            return None
    return g
def allclose(pairs, tol=TOL):
    return all(close(a, b, tol) for a, b in pairs)

# ---------------- A
pair("md_in_general_any_real", lambda x: sqrt(x * x + 2 * x + 1), lambda x: abs(x + 1), lambda x: x + 1,
     [(x,) for x in SM],
     extra=lambda: allclose([(sqrt(x * x), x) for x in POS] +
                            [(deriv(lambda t: sqrt(t * t + 2 * t + 1), x), 1) for x in POS], DTOL))
AB = [(a, b) for a in SM for b in (mpf(-3), mpf(0), mpf("0.5"), mpf(7))]
pair("md_more_generally_no_letter", lambda a, b: sqrt(a * a * b * b), lambda a, b: abs(a * b),
     lambda a, b: a * abs(b), AB,
     extra=lambda: allclose([(sqrt(a * a * b), a * sqrt(b)) for a in POS for b in POS]))
pair("md_now_let_any_then_again", lambda z: max(z, 0) - max(-z, 0), lambda z: z, lambda z: abs(z),
     [(z,) for z in SM],
     extra=lambda: allclose([(max(z, 0), z) for z in SM if z >= 0] +
                            [(max(z, 0) + max(-z, 0), z) for z in SM if z >= 0]))
XZ = [(x, z) for x in POS for z in SM if z >= 0]
pair("md_second_letter_shares_cue", lambda x, z: sqrt(z * z + 2 * z * x + x * x), lambda x, z: z + x,
     lambda x, z: abs(z - x) + 2 * z, XZ)
XY = [(x, y) for x in POS for y in SM]
pair("md_widening_names_other_letter", lambda x, y: sqrt(x * x * y * y), lambda x, y: x * abs(y),
     lambda x, y: abs(x) * y, XY, extra=lambda: allclose([(sqrt(x * x), x) for x in POS]))
pair("md_for_all_positive_assumes", lambda x: sqrt(x * x - 2 * x + 1) - sqrt(x * x), lambda x: abs(x - 1) - x,
     lambda x: -1, [(x,) for x in POS + [mpf("0.5"), mpf("0.999")]])

# ---------------- B
pair("md_given_that_after_display", lambda x: sqrt(x * x + 2 * x + 1), lambda x: x + 1, lambda x: abs(x) + 1,
     [(x,) for x in SM + [mpf("-0.3")] if x >= -1])
def rz(n): return [mpf(RNG.randint(-9, 9)) / RNG.randint(1, 4) for _ in range(n)]
def softmax(z):
    e = [exp(v) for v in z]; s = sum(e)
    return [v / s for v in e]
def sm_partial(z, i, j):
    def f(t):
        w = list(z); w[j] = t
        return softmax(w)[i]
    return deriv(f, z[j])
ZIJ = [(rz(n), i, j) for n in range(1, 6) for i in range(n) for j in range(n)]
OFF = [p for p in ZIJ if p[1] != p[2]]
def quot_off(z, i, j):
    s = sum(exp(v) for v in z); return -exp(z[i]) * exp(z[j]) / s ** 2
pair("md_where_i_neq_j_softmax", sm_partial, lambda z, i, j: -softmax(z)[i] * softmax(z)[j],
     lambda z, i, j: softmax(z)[i] * (1 - softmax(z)[j]), OFF, DTOL,
     extra=lambda: allclose([(sm_partial(z, i, j), quot_off(z, i, j)) for z, i, j in OFF], DTOL))
pair("md_valid_for_interval_arctan", lambda x: atan((1 + x) / (1 - x)), lambda x: pi / 4 + atan(x),
     lambda x: atan(x) - 3 * pi / 4, [(x,) for x in (mpf("1e-12"), mpf("0.1"), mpf("0.4"), mpf("0.5"), mpf("0.999"))])
pair("md_provided_nonzero_log_abs", lambda x: deriv(lambda t: ln(abs(t)), x), lambda x: 1 / x, lambda x: 1 / abs(x),
     [(x,) for x in SM if x != 0], DTOL)
pair("md_remark_code_uses_softplus", lambda x: ln(1 + exp(x)), lambda x: max(x, 0) + ln(1 + exp(-abs(x))),
     lambda x: x + ln(1 + exp(-abs(x))), [(x,) for x in SM])

# ---------------- C
pair("md_align_whenever", lambda x: sqrt(x * x - 2 * x + 1), lambda x: x - 1, lambda x: x - 1,
     [(x,) for x in SM if x >= 1], fpts=[(x,) for x in SM + [mpf("0.5")] if x >= 0],
     extra=lambda: allclose([(sqrt(x * x + 2 * x + 1), abs(x + 1)) for x in SM]))
pair("md_align_provided_that", lambda x: (x ** 4) ** (mpf(1) / 4), lambda x: x, lambda x: x,
     [(x,) for x in POS], fpts=[(x,) for x in SM if x != 0],
     extra=lambda: allclose([((x ** 4) ** (mpf(1) / 4), -x) for x in SM if x < 0]))
pair("md_align_unless", lambda x: sgn(x) ** 2, lambda x: 1, lambda x: 1,
     [(x,) for x in SM if x != 0], fpts=[(x,) for x in SM if x >= 0],
     extra=lambda: allclose([(sgn(x) * abs(x), x) for x in SM]))
pair("yaml_why_for_all", lambda x: sqrt(x * x), lambda x: abs(x), lambda x: x, [(x,) for x in SM])
pair("md_align_if_in_parens", lambda x: sqrt(x * x + 1 / x ** 2 - 2), lambda x: abs(x - 1 / x), lambda x: x - 1 / x,
     [(x,) for x in POS + [mpf("0.5")]],
     extra=lambda: allclose([(sqrt(x * x + 1 / x ** 2 + 2), x + 1 / x) for x in POS]))
pair("md_align_since_mentions_relation", lambda x: sqrt((x + 1) ** 2), lambda x: abs(x + 1), lambda x: x + 1,
     [(x,) for x in SM], extra=lambda: allclose([(sqrt(x * x + 2 * x + 1), sqrt((x + 1) ** 2)) for x in SM]))

# ---------------- D  (exact)
pc = lambda s: Fr(s) / 100
pair("percent_decimal_discount", lambda: 200 * (1 - pc("12.5")), lambda: Fr(175), lambda: Fr("187.5"), [()],
     extra=lambda: 200 * (1 - pc("12.5")) == 200 * Fr("0.875"))
pair("percent_of_percent", lambda: pc(5) * pc(5), lambda: pc("0.25"), lambda: pc("2.5"), [()],
     extra=lambda: pc(5) * pc(5) == Fr(1, 400))
XS = [Fr(1, 7), Fr(1), Fr(3, 2), Fr(10 ** 6)]
pair("percent_in_powers", lambda x: (1 + pc(20)) ** 2 * x ** int(pc(100)), lambda x: Fr("1.44") * x,
     lambda x: Fr("1.4") * x, [(x,) for x in XS], extra=lambda: pc(100) == 1)
pair("decimal_point_one_plus_point_two", lambda: Fr("0.1") + Fr("0.2"), lambda: Fr("0.3"),
     lambda: Fr("0.30000000000000004"), [()])
PX = [(p, x) for p in (Fr(-3), Fr(1, 2), Fr(40)) for x in (Fr(-7), Fr(0), Fr(100, 3), Fr(250))]
pair("md_thirds_and_letter_percent", lambda: 1 - Fr(1, 3), lambda: Fr(2, 3), lambda: Fr("0.6666666666666666"), [()],
     extra=lambda: all(p * (1 + x / 100) * (1 - x / 100) == p - p * x * x / 10000 for p, x in PX))

# ---------------- E
PP = [mpf(v) for v in ("1e-9", "0.3", "1", "2", "7.5", "1e6")]
pair("exp_half_log_positive", lambda x, y: exp(ln(x * x * y) / 2 - ln(sqrt(y))), lambda x, y: x,
     lambda x, y: x / sqrt(y), [(x, y) for x in PP for y in PP])
pair("log_base_change_four_two", lambda x: log(x, 4) + log(x, 2), lambda x: log(x * sqrt(x), 2),
     lambda x: log(x * sqrt(x), 4), [(x,) for x in PP],
     extra=lambda: allclose([(log(x, 4) + log(x, 2), ln(x) / (2 * ln(2)) + ln(x) / ln(2)) for x in PP]))
pair("sum_cubes_square_half", lambda n: sum(Fr(k) ** 3 for k in range(1, n + 1)),
     lambda n: (Fr(n * (n + 1), 2)) ** 2, lambda n: Fr(n * n * (n + 1) ** 2, 2), [(n,) for n in range(0, 15)])
pair("power_log_swap_base", lambda x, y: x ** log(y, 2), lambda x, y: y ** log(x, 2), lambda x, y: y ** ln(x),
     [(x, y) for x in PP for y in PP],
     extra=lambda: allclose([(x ** log(y, 2), mpf(2) ** (log(x, 2) * log(y, 2))) for x in PP for y in PP]))

# ---------------- F  (exact; empty ranges are empty)
def S(lo, hi, f): return sum((f(k) for k in range(lo, hi + 1)), Fr(0))
NN = [(n,) for n in range(0, 13)]
pair("double_sum_swap_dependent", lambda n: S(1, n, lambda i: S(1, i, lambda j: Fr(j, i))),
     lambda n: S(1, n, lambda j: S(j, n, lambda i: Fr(j, i))),
     lambda n: S(1, n, lambda j: S(1, j, lambda i: Fr(j, i))), NN)
pair("pairs_below_count", lambda n: S(1, n, lambda j: S(1, j - 1, lambda i: 1)), lambda n: Fr(n * (n - 1), 2),
     lambda n: Fr(n * (n + 1), 2), NN)
def rv(n): return [Fr(RNG.randint(-9, 9), RNG.randint(1, 5)) for _ in range(n)]
VP = [(rv(n), rv(n)) for n in range(1, 7) for _ in range(3)]
pair("vector_double_sum_swap", lambda a, b: S(1, len(a), lambda i: S(i, len(a), lambda j: a[i - 1] * b[j - 1])),
     lambda a, b: S(1, len(a), lambda j: S(1, j, lambda i: a[i - 1] * b[j - 1])),
     lambda a, b: S(1, len(a), lambda j: S(j, len(a), lambda i: a[i - 1] * b[j - 1])), VP)
NP = [(n,) for n in range(1, 13)]
pair("harmonic_swap_collapse", lambda n: S(1, n, lambda k: S(k, n, lambda j: Fr(1, j))), lambda n: Fr(n),
     lambda n: S(1, n, lambda j: Fr(n - j + 1, j)), NP,
     extra=lambda: all(S(1, n, lambda k: S(k, n, lambda j: Fr(1, j))) == S(1, n, lambda j: S(1, j, lambda k: Fr(1, j)))
                       for (n,) in NP))
pair("md_triangle_peel_first_row_n0", lambda n: S(1, n, lambda i: S(1, i, lambda j: 1)), lambda n: Fr(n * (n + 1), 2),
     lambda n: 1 + S(2, n, lambda i: S(1, i, lambda j: 1)), NN)

# ---------------- G
def sig(t): return 1 / (1 + exp(-t))
def ell(z, y): return y * ln(1 + exp(-z)) + (1 - y) * ln(1 + exp(z))   # = -y ln σ - (1-y) ln(1-σ), stably
YZ = [(z, y) for z in MID for y in (mpf(0), mpf("0.3"), mpf("0.5"), mpf(2), mpf(-1))]
DIAG = [p for p in ZIJ if p[1] == p[2]]
pair("md_softmax_jacobian_otherwise", sm_partial, lambda z, i, j: -softmax(z)[i] * softmax(z)[j],
     lambda z, i, j: -softmax(z)[i] * (1 - softmax(z)[j]), OFF, DTOL,
     extra=lambda: allclose([(sm_partial(z, i, j), quot_off(z, i, j)) for z, i, j in OFF] +
                            [(sm_partial(z, i, i), softmax(z)[i] * (1 - softmax(z)[i])) for z, i, _ in DIAG] +
                            [(sm_partial(z, i, i), (exp(z[i]) * sum(exp(v) for v in z) - exp(z[i]) ** 2) /
                              sum(exp(v) for v in z) ** 2) for z, i, _ in DIAG], DTOL))
pair("md_bce_soft_label_otherwise", lambda z, y: deriv(lambda t: ell(t, y), z), lambda z, y: sig(z) - y,
     lambda z, y: sig(z), [p for p in YZ if p[1] != 1], DTOL,
     extra=lambda: allclose([(deriv(lambda t: ell(t, y), z), -y * (1 - sig(z)) + (1 - y) * sig(z)) for z, y in YZ] +
                            [(deriv(lambda t: ell(t, 1), z), sig(z) - 1) for z in MID], DTOL))
def ce_partial(z, g, i):
    def f(t):
        w = list(z); w[i] = t
        return -ln(softmax(w)[g])
    return deriv(f, z[i])
ZGI = [(rz(n), g, i) for n in range(1, 6) for g in range(n) for i in range(n)]
pair("softmax_ce_cases_sign", ce_partial, lambda z, g, i: softmax(z)[i], lambda z, g, i: -softmax(z)[i],
     [p for p in ZGI if p[1] != p[2]], DTOL,
     extra=lambda: allclose([(ce_partial(z, g, i), -deriv(lambda t: (t if g == i else z[g]) -
                              ln(sum(exp(t if k == i else z[k]) for k in range(len(z)))), z[i])) for z, g, i in ZGI] +
                            [(ce_partial(z, i, i), softmax(z)[i] - 1) for z, g, i in ZGI if g == i], DTOL))
pair("md_sigmoid_derivative_cosh", lambda x: deriv(sig, x), lambda x: 1 / (4 * cosh(x / 2) ** 2),
     lambda x: 1 / (4 * cosh(x) ** 2), [(x,) for x in MID], DTOL,
     extra=lambda: allclose([(deriv(sig, x), exp(-x) / (1 + exp(-x)) ** 2) for x in MID] +
                            [(deriv(sig, x), sig(x) * (1 - sig(x))) for x in MID], DTOL))

# ---------------- H
pair("md_drills_quotient_sign", lambda x: deriv(lambda t: t / (1 + t * t), x), lambda x: (1 - x * x) / (1 + x * x) ** 2,
     lambda x: (x * x - 1) / (1 + x * x) ** 2, [(x,) for x in MID], DTOL,
     extra=lambda: allclose([(deriv(lambda t: sin(t * t), x), 2 * x * cos(x * x)) for x in MID if abs(x) < 30] +
                            [(deriv(lambda t: t * t * exp(-t), x), x * exp(-x) * (2 - x)) for x in MID] +
                            [(deriv(lambda t: ln(1 + exp(2 * t)), x), 2 * exp(2 * x) / (1 + exp(2 * x))) for x in MID], DTOL))
pair("md_primed_rows_factor", lambda x: deriv(lambda t: (1 + t * t) ** -3, x), lambda x: -6 * x / (1 + x * x) ** 4,
     lambda x: -3 * x / (1 + x * x) ** 4, [(x,) for x in MID], DTOL,
     extra=lambda: allclose([(deriv(lambda t: ln(1 + t * t), x), 2 * x / (1 + x * x)) for x in MID] +
                            [(deriv(lambda t: sqrt(1 + t * t), x), x / sqrt(1 + x * x)) for x in MID], DTOL))
pair("drills_derivations_quotient", lambda x: deriv(lambda t: exp(t) / (1 + exp(t)), x),
     lambda x: exp(x) / (1 + exp(x)) ** 2, lambda x: exp(2 * x) / (1 + exp(x)) ** 2, [(x,) for x in MID], DTOL,
     extra=lambda: allclose([(deriv(lambda t: t ** t, x), x ** x * (ln(x) + 1)) for x in POS if x < 1e4] +
                            [(deriv(lambda t: exp(t * ln(t)), x), x ** x * (ln(x) + 1)) for x in POS if x < 1e4] +
                            [(deriv(lambda t: t ** 3 * sin(t), x), 3 * x * x * sin(x) + x ** 3 * cos(x)) for x in MID], DTOL))

# ---------------- run
classes = json.load(open(os.path.join(HERE, "classes.json")))
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
assert set(classes) == set(PAIRS), (set(classes) ^ set(PAIRS))
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
        import yaml
        for txt in (t, f):
            d = yaml.safe_load("\n".join(txt))
            if not isinstance(d, dict):
                bad(f"{name}: YAML is not a mapping")
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
