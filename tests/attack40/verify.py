#!/usr/bin/env python3
"""Check every attack-40 pair independently of derive-ce (no derive-ce code is imported or run).

mpmath at 60 digits; derivatives and gradients by mpmath's `diff` (one coordinate at a time for a
gradient); integers exactly, n from 0 to 40 (sums and products written out term by term); matrices
and vectors as mpmath matrices of random rationals at sizes 1 to 4 (several draws per size, and
symmetric draws where a misreading or special point needs them). Values are compared relative to
max(1, |a|, |b|) (entry by entry for matrices) with tolerance 10^-35. For each pair, on the domain
the file gives the slipped line under a careful reading of the docs:
  - the true step equals the expression it is compared with at every point tried;
  - the false step differs from it at one point at least (for the three refusal pairs: the false
    step as the docs' refusal message reads it, e.g. `1/2x` as 1/(2x), `1e-3` as (e − 3));
  - under the MISREADING named in the README, the false step holds at every point tried: a reader
    that makes that misreading proves it;
  - each special point named in the README is one where false and true agree;
  - shared (unmarked) steps hold on their own domain ("extra").
File check: twins identical but for the marked line, one mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in notes), in the false twin only, and one `=` (brace depth 0, before
any remark) on the marked line. SHOW=1 prints where each false step fails."""
import json, os, random
import mpmath as M
from mpmath import mpf, exp, ln, sin, cos, sqrt, pi, e as EULER
M.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -35
RNG = random.Random(40)

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, M.matrix) or isinstance(b, M.matrix):
        if not (isinstance(a, M.matrix) and isinstance(b, M.matrix)):
            return False
        if (a.rows, a.cols) != (b.rows, b.cols):
            return False
        return all(close(a[i, j], b[i, j], tol) for i in range(a.rows) for j in range(a.cols))
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

def d(f, x, n=1):
    return M.diff(f, x, n)
def sgn(v): return mpf(M.sign(v))
def rq(): return mpf(RNG.randint(-40, 40)) / RNG.randint(1, 9)
def rnz():
    while True:
        v = rq()
        if v != 0: return v
def rpos(): return mpf(RNG.randint(1, 60)) / RNG.randint(1, 9)
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
NNEG = [(mpf(n),) for n in range(0, 41)]

# matrices
def rmat(r, c): return M.matrix([[rq() for _ in range(c)] for _ in range(r)])
def rsym(n):
    B = rmat(n, n); return (B + B.T) / 2
def rinv(n):
    while True:
        A = rmat(n, n)
        if M.det(A) != 0: return A
def tr(A): return sum(A[i, i] for i in range(A.rows))
def ones(n): return M.matrix([[1] for _ in range(n)])
def had(a, b): return M.matrix([[a[i, j] * b[i, j] for j in range(a.cols)] for i in range(a.rows)])
def sc(m): return m[0, 0] if isinstance(m, M.matrix) else m   # a 1×1 product is a number
SIZES = [1, 2, 3, 4]
def inst(make, per=4, sizes=SIZES): return [make(n) for n in sizes for _ in range(per)]

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

def check(name, points, lhs, tr_, fa, mis=None, special=(), extra=(), min_pts=3):
    """mis = (points, misread lhs, false step under the misreading): they must agree everywhere."""
    n_def = 0; bad = None
    for p in points:
        l = ev(lhs, p)
        if l is None:
            continue
        n_def += 1
        tv = ev(tr_, p)
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
        if not close(ev(tr_, p), ev(fa, p)):
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

# ---------------- A  SymPy's conventions vs the reader's
check("sqrt_square_quartic_abs", R1,
      lambda x: sqrt((x ** 2 - 1) ** 2),
      lambda x: abs(x ** 2 - 1),
      lambda x: x ** 2 - 1,
      mis=(R1, lambda x: x ** 2 - 1, lambda x: x ** 2 - 1),  # sqrt(a^2) = a, the base taken nonnegative
      special=pts([v for v in REALS if abs(v) >= 1]))
check("md_power_of_power_even_inner", R1,
      lambda x: (x ** 2) ** (mpf(3) / 2),
      lambda x: abs(x) ** 3,
      lambda x: x ** 3,
      mis=(R1, lambda x: x ** (2 * mpf(3) / 2), lambda x: x ** 3),  # (x^a)^b = x^{ab}
      special=pts([v for v in REALS if v >= 0]))
check("md_exp_half_log_square", pts(NZ),
      lambda x: exp(ln(x ** 2) / 2),
      lambda x: abs(x),
      lambda x: x,
      mis=(pts(NZ), lambda x: x, lambda x: x),  # ln(x^2) = 2 ln x, then exp(ln x) = x
      special=pts(POS))
W3 = [v for v in REALS if -3 < v < 3]
check("arccos_cos_symmetric_window", pts(W3),
      lambda x: M.acos(cos(x)),
      lambda x: abs(x),
      lambda x: x,
      mis=(pts(W3), lambda x: x, lambda x: x),  # arccos(cos x) = x, the inverse taken as an identity
      special=pts([v for v in W3 if v >= 0]))
check("md_log_ten_derivative_base", pts(POS),
      lambda x: d(lambda t: M.log(t, 10), x),
      lambda x: 1 / (x * ln(10)),
      lambda x: 1 / x,
      mis=(pts(POS), lambda x: d(ln, x), lambda x: 1 / x))  # \log_{10} read as the natural \log
check("exp_squared_power_not_iterate", R1,
      lambda x: d(lambda t: exp(t) ** 2, x),
      lambda x: 2 * exp(2 * x),
      lambda x: exp(x) * exp(exp(x)),
      mis=(R1, lambda x: d(lambda t: exp(exp(t)), x), lambda x: exp(x) * exp(exp(x))))  # exp^2 = exp∘exp
UNIT = [v for v in REALS if -1 <= v <= 1]
check("md_inverse_cos_plus_inverse_sin", pts(UNIT),
      lambda x: M.acos(x) + M.asin(x),
      lambda x: pi / 2,
      lambda x: 1 / cos(x) + 1 / sin(x),
      mis=(pts([v for v in UNIT if v != 0]), lambda x: 1 / cos(x) + 1 / sin(x),
           lambda x: 1 / cos(x) + 1 / sin(x)))  # f^{-1} read as the reciprocal 1/f

# ---------------- B  letters that are operators or constants
check("sum_index_named_e", NNEG,
      lambda n: sum(mpf(k) for k in range(1, int(n) + 1)),
      lambda n: n * (n + 1) / 2,
      lambda n: EULER * n,
      mis=(NNEG, lambda n: sum(EULER for k in range(1, int(n) + 1)), lambda n: EULER * n),  # body's e read as Euler's e
      special=[(mpf(0),)])
check("md_sum_index_i_squared", NNEG,
      lambda n: sum(mpf(k) ** 2 for k in range(1, int(n) + 1)),
      lambda n: n * (n + 1) * (2 * n + 1) / 6,
      lambda n: -n,
      mis=(NNEG, lambda n: sum(mpf(-1) for k in range(1, int(n) + 1)), lambda n: -n),  # i the imaginary unit, i^2 = -1
      special=[(mpf(0),)])
check("delta_x_is_one_name", R2,   # (x, Δx)
      lambda x, D: d(lambda t: t * D, x),
      lambda x, D: D,
      lambda x, D: 2 * D,
      mis=(R2, lambda x, De: d(lambda t: t * De * t, x), lambda x, De: 2 * De * x),  # Δx read as Δ·x
      special=[(mpf(3), mpf(0)), (mpf(-1), mpf(0))])
check("md_varepsilon_small_not_zero", pts(NZ),
      lambda eps: ((1 + eps) ** 2 - 1) / eps,
      lambda eps: 2 + eps,
      lambda eps: mpf(2),
      mis=(pts(NZ), lambda eps: ((1 + 2 * eps) - 1) / eps, lambda eps: mpf(2)))  # ε small: ε² dropped
PP = [(x, T) for x in POS[:10] for T in POS[:8]]
check("t_declared_power", PP,
      lambda x, T: d(lambda t: t ** T, x),
      lambda x, T: T * x ** (T - 1),
      lambda x, T: mpf(1),
      mis=(PP, lambda x, T: d(lambda t: t, x), lambda x, T: mpf(1)),  # x^T read as a transpose of a scalar: x
      special=[(x, mpf(1)) for x in POS[:5]])
XD = [(x, dd) for x in REALS[::2] for dd in POS[:6]]
check("d_declared_operator_still_derivative", XD,
      lambda x, dd: d(lambda t: dd * t ** 2, x),
      lambda x, dd: 2 * dd * x,
      lambda x, dd: dd * x,
      mis=([(x, dd) for x, dd in XD if x != 0], lambda x, dd: dd / (dd * x) * (dd * x ** 2),
           lambda x, dd: dd * x),  # \frac{d}{dx} read as the quotient d/(d·x)
      special=[(mpf(0), dd) for dd in POS[:4]])
check("md_delta_w_one_name", R2,   # (w, δw)
      lambda w, D: d(lambda t: t ** 2 * D, w),
      lambda w, D: 2 * w * D,
      lambda w, D: 3 * w * D,
      mis=(R2, lambda w, de: d(lambda t: t ** 2 * de * t, w), lambda w, de: 3 * w * de * w),  # δw read as δ·w
      special=[(mpf(0), mpf(5)), (mpf(2), mpf(0))])

# ---------------- C  matrix calculus
AB = inst(lambda n: (rmat(n, n), rmat(n, n)))
check("md_transpose_product_order_square", AB,
      lambda A, B: (A * B).T,
      lambda A, B: B.T * A.T,
      lambda A, B: A.T * B.T,
      mis=([p for p in AB if p[0].rows == 1], lambda A, B: (A * B).T, lambda A, B: A.T * B.T),  # sizes sampled at 1 only (numbers commute)
      special=[(A, A) for A, _ in AB[:6]] + [p for p in AB if p[0].rows == 1])
AI = inst(lambda n: (rinv(n),))
AS = inst(lambda n: (rsym(n),))
AS = [p for p in AS if M.det(p[0]) != 0]
check("inverse_transpose_not_inverse", AI,
      lambda A: M.inverse(A).T,
      lambda A: M.inverse(A.T),
      lambda A: M.inverse(A),
      mis=(AS, lambda A: M.inverse(A).T, lambda A: M.inverse(A)),  # A taken symmetric
      special=AS[:6] + [p for p in AI if p[0].rows == 1])
XYZ = inst(lambda n: (rmat(n, 1), rmat(n, 1), rmat(n, 1)))
check("md_hadamard_moves_inside_inner", XYZ,
      lambda x, y, z: sc(x.T * had(y, z)),
      lambda x, y, z: sc(had(x, y).T * z),
      lambda x, y, z: sc(x.T * y) * sc(ones(z.rows).T * z),
      mis=([p for p in XYZ if p[0].rows == 1], lambda x, y, z: sc(x.T * had(y, z)),
           lambda x, y, z: sc(x.T * y) * sc(ones(z.rows).T * z)),  # ⊙ and · taken alike: holds at size 1
      special=[p for p in XYZ if p[0].rows == 1])
check("md_det_negated_matrix_parity", AI,
      lambda A: M.det(-A),
      lambda A: (-1) ** A.rows * M.det(A),
      lambda A: -M.det(A),
      mis=([p for p in AI if p[0].rows % 2 == 1], lambda A: M.det(-A), lambda A: -M.det(A)),  # det(cA) = c det A (size taken odd / 1)
      special=[p for p in AI if p[0].rows % 2 == 1])
XS = inst(lambda n: (rmat(n, 1),), sizes=[1, 2, 3, 4, 5, 7])
check("ones_inner_product_size", XS,
      lambda x: sc(ones(x.rows).T * (x + ones(x.rows))),
      lambda x: sc(ones(x.rows).T * x) + x.rows,
      lambda x: sc(ones(x.rows).T * x) + 1,
      mis=(XS, lambda x: sc(ones(x.rows).T * x) + 1, lambda x: sc(ones(x.rows).T * x) + 1),  # 1_n^T 1_n read as the number 1·1
      special=[p for p in XS if p[0].rows == 1])
ABS = inst(lambda n: (rsym(n), rmat(n, n)))
check("trace_transpose_dot_elements", AB,
      lambda A, B: sum(A[i, j] * B[i, j] for i in range(A.rows) for j in range(A.cols)),
      lambda A, B: tr(A.T * B),
      lambda A, B: tr(A * B),
      mis=(ABS, lambda A, B: sum(A[i, j] * B[i, j] for i in range(A.rows) for j in range(A.cols)),
           lambda A, B: tr(A * B)),  # A taken symmetric
      special=ABS[:6] + [p for p in AB if p[0].rows == 1])
def grad(f, x):
    n = x.rows
    out = M.matrix(n, 1)
    for k in range(n):
        def g(t, k=k):
            y = x.copy(); y[k, 0] = t; return f(y)
        out[k, 0] = d(g, x[k, 0])
    return out
XA = inst(lambda n: (rmat(n, 1), rmat(n, n)), per=3)
XAS = inst(lambda n: (rmat(n, 1), rsym(n)), per=2)
check("md_trace_outer_gradient", XA,
      lambda x, A: grad(lambda y: tr(y * y.T * A), x),
      lambda x, A: (A + A.T) * x,
      lambda x, A: 2 * A * x,
      mis=(XAS, lambda x, A: grad(lambda y: tr(y * y.T * A), x), lambda x, A: 2 * A * x),  # A taken symmetric
      special=XAS[:4] + [p for p in XA if p[0].rows == 1])

# ---------------- D  sums and products
XV = [(rmat(n, 1),) for n in range(1, 7) for _ in range(3)]
def offdiag(x):
    n = x.rows
    return sum(x[i, 0] * x[j, 0] for i in range(n) for j in range(n) if j != i)
check("sum_off_diagonal_pairs_square", XV,
      offdiag,
      lambda x: sum(x[k, 0] for k in range(x.rows)) ** 2 - sum(x[k, 0] ** 2 for k in range(x.rows)),
      lambda x: sum(x[k, 0] for k in range(x.rows)) ** 2,
      mis=(XV, lambda x: sum(x[i, 0] * x[j, 0] for i in range(x.rows) for j in range(x.rows)),
           lambda x: sum(x[k, 0] for k in range(x.rows)) ** 2),  # the condition j ≠ i dropped
      special=[(M.matrix(n, 1),) for n in (1, 2, 3)])
check("md_nested_sum_same_letter", NNEG,
      lambda n: sum(sum(mpf(k2) for k2 in range(1, 4)) for k in range(1, int(n) + 1)),
      lambda n: 6 * n,
      lambda n: 3 * n * (n + 1) / 2,
      mis=(NNEG, lambda n: sum(sum(mpf(k) for k2 in range(1, 4)) for k in range(1, int(n) + 1)),
           lambda n: 3 * n * (n + 1) / 2),  # the inner k read as the outer k
      special=[(mpf(0),), (mpf(3),)])
def prodk(n):
    p = mpf(1)
    for k in range(2, int(n) + 1):
        p *= mpf(k) / (k - 1)
    return p
check("prod_telescope_from_two_n0", NNEG,
      prodk,
      lambda n: max(n, mpf(1)),
      lambda n: n,
      mis=(NNEG, lambda n: n / 1, lambda n: n),  # telescoped to n/1 at every n, the empty range forgotten
      special=NNEG[1:])
NXS = [(mpf(n), x) for n in range(0, 9) for x in LADDER[::3] + [rnz(), rnz()]]
check("sum_index_shadows_free_x", NXS,
      lambda n, x: x ** 2 + sum(mpf(k) for k in range(1, int(n) + 1)),
      lambda n, x: x ** 2 + n * (n + 1) / 2,
      lambda n, x: x ** 2 + n * x,
      mis=(NXS, lambda n, x: x ** 2 + sum(x for k in range(1, int(n) + 1)), lambda n, x: x ** 2 + n * x),  # the free x put into the body
      special=[(mpf(n), mpf(n + 1) / 2) for n in range(0, 9)])
check("md_inner_sum_starts_at_outer", NNEG,
      lambda n: sum(mpf(j) for i in range(1, int(n) + 1) for j in range(i, int(n) + 1)),
      lambda n: n * (n + 1) * (2 * n + 1) / 6,
      lambda n: n ** 2 * (n + 1) / 2,
      mis=(NNEG, lambda n: sum(mpf(j) for i in range(1, int(n) + 1) for j in range(1, int(n) + 1)),
           lambda n: n ** 2 * (n + 1) / 2),  # the inner sum read from 1
      special=[(mpf(0),), (mpf(1),)])
NZV = [(mpf(n), rmat(n, 1)) for n in range(1, 7) for _ in range(3)]
def soft(z):
    s = sum(exp(z[k, 0]) for k in range(z.rows))
    return [exp(z[j, 0]) / s for j in range(z.rows)]
check("md_softmax_centred_unbounded_sum", NZV,
      lambda n, z: sum(p - 1 / n for p in soft(z)),
      lambda n, z: mpf(0),
      lambda n, z: 1 - 1 / n,
      mis=(NZV, lambda n, z: sum(soft(z)) - 1 / n, lambda n, z: 1 - 1 / n),  # the j-free term 1/n taken once, not n times
      special=[p for p in NZV if p[0] == 1])
def geo(n, empty=1):
    return sum((mpf(2) ** (k - 1) if k > 1 else mpf(empty)) for k in range(1, int(n) + 1))
check("md_geometric_via_empty_product", NNEG,
      lambda n: geo(n),
      lambda n: 2 ** n - 1,
      lambda n: 2 ** n - 2,
      mis=(NNEG[1:], lambda n: geo(n, 0), lambda n: 2 ** n - 2))  # the empty product (k = 1) read as 0

# ---------------- E  one notes file, several derivations
R4 = [(rnz(), rnz(), rq(), rq()) for _ in range(20)] + [(mpf(2), mpf(2), mpf(1), mpf(3))]
def Ew(w, x, b, y): return (w * x + b - y) ** 2 / 2
check("md_similarly_gradient_by_input", R4,
      lambda w, x, b, y: d(lambda t: Ew(w, t, b, y), x),
      lambda w, x, b, y: (w * x + b - y) * w,
      lambda w, x, b, y: (w * x + b - y) * x,
      mis=(R4, lambda w, x, b, y: d(lambda t: Ew(t, x, b, y), w), lambda w, x, b, y: (w * x + b - y) * x),  # the row joined to ∂E/∂w
      special=[(v, v, mpf(1), mpf(2)) for v in (mpf(-2), mpf(3))],
      extra=[("∂E/∂w", lambda w, x, b, y: d(lambda t: Ew(t, x, b, y), w),
              lambda w, x, b, y: (w * x + b - y) * x, R4)])
check("md_positive_lemma_heading_scope", R1,
      lambda x: d(lambda t: t * sqrt(t ** 2), x),
      lambda x: 2 * abs(x),
      lambda x: 2 * x,
      mis=(pts(POS), lambda x: d(lambda t: t * sqrt(t ** 2), x), lambda x: 2 * x),  # x > 0 carried past the heading
      special=pts([v for v in REALS if v >= 0]),
      extra=[("lemma, x > 0", lambda x: d(lambda t: sqrt(t ** 2), x), lambda x: mpf(1), pts(POS))])
check("md_otherwise_signed_square_sum", pts(NONPOS),
      lambda x: x * abs(x) + x ** 2,
      lambda x: mpf(0),
      lambda x: 2 * x ** 2,
      mis=(pts(POS), lambda x: x * abs(x) + x ** 2, lambda x: 2 * x ** 2),  # x > 0 carried into "Otherwise"
      special=[(mpf(0),)],
      extra=[("case x > 0", lambda x: x * abs(x) + x ** 2, lambda x: 2 * x ** 2, pts(POS))])
check("md_system_values_do_not_leak", R2,
      lambda x, y: d(lambda t: t ** 2 * y, x),
      lambda x, y: 2 * x * y,
      lambda x, y: 2 * x,
      mis=([(x, mpf(1)) for x in REALS], lambda x, y: d(lambda t: t ** 2 * y, x), lambda x, y: 2 * x),  # y = 1 from the system
      special=[(x, mpf(1)) for x in LADDER])
check("md_adding_two_results_row_continues", R1,
      lambda x: -2 * sin(x) * cos(x),
      lambda x: -sin(2 * x),
      lambda x: mpf(0),
      mis=(R1, lambda x: 2 * sin(x) * cos(x) + (-2 * sin(x) * cos(x)), lambda x: mpf(0)),  # the row read as the sum of both chains
      special=[(mpf(0),), (pi / 2,), (pi,)],
      extra=[("d sin^2", lambda x: d(lambda t: sin(t) ** 2, x), lambda x: 2 * sin(x) * cos(x), R1),
             ("d cos^2", lambda x: d(lambda t: cos(t) ** 2, x), lambda x: -2 * sin(x) * cos(x), R1)])
check("derivations_case_does_not_leak", pts(NZ),
      lambda x: abs(x) / x,
      lambda x: sgn(x),
      lambda x: mpf(1),
      mis=(pts(POS), lambda x: abs(x) / x, lambda x: mpf(1)),  # the first derivation's case x > 0 carried over
      special=pts(POS),
      extra=[("case x > 0", lambda x: abs(x) / x, lambda x: mpf(1), pts(POS))])

# ---------------- F  numbers written two ways
check("slash_half_x_refused", pts(NZ),
      lambda x: d(lambda t: t ** 2 / 4, x),
      lambda x: x / 2,
      lambda x: 1 / (2 * x),                       # `1/2x` as TeX's juxtaposition reads it
      mis=(pts(NZ), lambda x: x / 2, lambda x: (mpf(1) / 2) * x),  # left to right: (1/2)·x
      special=[(mpf(1),), (mpf(-1),)])
XY = [(x, y) for x, y in R2 if y != 0]
check("md_x_over_2y_refused", XY,
      lambda x, y: d(lambda t: t ** 2 / (4 * y), x),
      lambda x, y: x / (2 * y),
      lambda x, y: x / 2 * y,                      # `x/2y` left to right: (x/2)·y
      mis=(XY, lambda x, y: x / (2 * y), lambda x, y: x / (2 * y)),  # juxtaposition first: x/(2y)
      special=[(x, mpf(1)) for x in LADDER] + [(x, mpf(-1)) for x in LADDER])
check("exp_minus_square_precedence", R1,
      lambda x: d(lambda t: exp(-t ** 2), x),
      lambda x: -2 * x * exp(-x ** 2),
      lambda x: 2 * x * exp(x ** 2),
      mis=(R1, lambda x: d(lambda t: exp((-t) ** 2), x), lambda x: 2 * x * exp(x ** 2)),  # -x^2 read as (-x)^2
      special=[(mpf(0),)])
check("md_spaced_frac_half_then_square", pts(NZ),
      lambda x: d(lambda t: t ** 2 / 2, x),
      lambda x: x,
      lambda x: -1 / x ** 3,
      mis=(pts(NZ), lambda x: d(lambda t: 1 / (2 * t ** 2), x), lambda x: -1 / x ** 3))  # \frac 1 2 x^{2} read as 1/(2x^2)
FL = mpf(repr(3 * 0.1 ** 3))
check("md_decimal_cube_exact", R1,
      lambda x: d(lambda t: (t / 10) ** 3, x),
      lambda x: mpf(3) / 1000 * x ** 2,
      lambda x: mpf("0.003000000000000001") * x ** 2,
      mis=(R1, lambda x: FL * x ** 2, lambda x: mpf("0.003000000000000001") * x ** 2),  # binary floats: 3·0.1³ printed
      special=[(mpf(0),)])
check("scientific_e_notation_refused", R1,
      lambda x: x / 1000,
      lambda x: mpf(10) ** -3 * x,
      lambda x: (1 * EULER - 3) * x,               # `1e-3` as the docs say it would read: e − 3
      mis=(R1, lambda x: x / 1000, lambda x: mpf("1e-3") * x),  # read as code's 0.001
      special=[(mpf(0),)])

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
