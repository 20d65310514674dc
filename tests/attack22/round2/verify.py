#!/usr/bin/env python3
"""Check every attack-22 round-2 pair independently of derive-ce: mpmath at 100 digits, sums and
products as loops (empty ranges 0 / 1), derivatives by mpmath.diff, matrices as nested lists
of random rationals (sizes 1-4, gradients and Hessians by mpmath.diff entry by entry).
For each pair: the true step (LHS = TRUE) at every point of its stated domain (negative,
tiny, far, boundary and integer points), and the false step (LHS = FALSE) unequal at one
point at least of the same domain. Prints `verified N pairs; problems: K`."""
import json, os, random
import mpmath as M
from mpmath import mpf, pi, sqrt, ln, exp, sin, cos, tan, tanh, cosh, asin, floor, ceil, binomial, factorial, fabs, gamma, erf
M.mp.dps = 100
HERE = os.path.dirname(os.path.abspath(__file__))
R = [mpf(v) for v in ("-1e8", "-1e6", "-1000", "-7.3", "-4", "-1.5", "-1", "-0.9", "-0.5", "-0.3", "-1e-7", "-1e-9", "0",
                      "1e-9", "1e-7", "0.4", "0.5", "0.8", "1", "1.7", "2", "3.1", "4", "12.5", "1e5", "1e6", "1e8")]
RNZ = [v for v in R if v != 0]
RPOS = [v for v in R if v > 0]
MID = [v for v in R if abs(v) <= 40]
I = list(range(-16, 31)) + [99, 100, 101, 961, 1000]
NN = [n for n in I if 0 <= n <= 60]
NPOS = [n for n in NN if n >= 1]
E9 = mpf("1e-9")
sgn = lambda v: M.sign(v)
sig = lambda t: 1 / (1 + exp(-t))
D = lambda f, x, n=1: M.diff(f, x, n)
S = lambda f, lo, hi: sum((f(k) for k in range(lo, hi + 1)), mpf(0))
Pr = lambda f, lo, hi: M.fprod([f(k) for k in range(lo, hi + 1)]) if hi >= lo else mpf(1)
ind = lambda c: 1 if c else 0
def close(a, b):
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= mpf(10) ** -90 * max(1, abs(a), abs(b))


# V (nested lists)
def rv(r, n): return [mpf(r.randint(-9, 9)) / r.randint(1, 5) for _ in range(n)]
def rm(r, a, b): return [rv(r, b) for _ in range(a)]
T = lambda A: [list(row) for row in zip(*A)]
mm = lambda A, B: [[sum(A[i][k] * B[k][j] for k in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]
mv = lambda A, x: [sum(A[i][j] * x[j] for j in range(len(x))) for i in range(len(A))]
dot = lambda a, b: sum(p * q for p, q in zip(a, b))
nrm = lambda a: sqrt(dot(a, a))
tr = lambda A: sum(A[i][i] for i in range(len(A)))
had = lambda A, B: [[a * b for a, b in zip(r, s)] for r, s in zip(A, B)]
inv = lambda A: [list(row) for row in M.inverse(M.matrix(A)).tolist()]
det = lambda A: M.det(M.matrix(A))
def kron(A, B):
    n, m = len(A), len(B)
    return [[A[i // m][j // m] * B[i % m][j % m] for j in range(n * m)] for i in range(n * m)]
def grad(f, x):
    out = []
    for i in range(len(x)):
        def h(t, i=i):
            xx = list(x); xx[i] = t; return f(xx)
        out.append(D(h, x[i]))
    return out
def hessian(f, x):
    n = len(x); H = []
    for i in range(n):
        row = []
        for j in range(n):
            def h(a, b, i=i, j=j):
                xx = list(x); xx[i] = xx[i] + a; xx[j] = xx[j] + b; return f(xx)
            row.append(M.diff(h, (0, 0), (1, 1)))
        H.append(row)
    return H

PAIRS = {}
EXTRA = []   # (name, lhs, rhs, pts): middle rows of the true twins, must hold
def pair(name, lhs, tr, fa, pts):
    PAIRS[name] = (lhs, tr, fa, pts)
def extra(name, lhs, rhs, pts):
    EXTRA.append((name, lhs, rhs, pts))
P1 = lambda xs: [(x,) for x in xs]
P2 = lambda xs, ys: [(x, y) for x in xs for y in ys]
P3 = lambda xs, ys, zs: [(x, y, z) for x in xs for y in ys for z in zs]
SM = [mpf(v) for v in ("-7.3", "-1.5", "-0.5", "-1e-7", "0", "1e-9", "0.4", "1", "3.1", "12.5")]
POS = [mpf(v) for v in ("1e-9", "1e-7", "0.3", "0.5", "1", "1.7", "4", "12.5", "1e3")]
U01 = [mpf(v) for v in ("1e-9", "1e-4", "0.1", "0.3", "0.5", "0.77", "0.99", "0.999999999")]
ND = list(range(0, 9))   # derivative orders checked by mpmath.diff
Phi = lambda t: (1 + erf(t / sqrt(2))) / 2


from mpmath import sinh
E = M.e
def joint(left, right, x0, claim):
    """derivative at a joint: both one-sided slopes (of the pieces, extended) must equal claim."""
    return close(D(left, x0), claim) and close(D(right, x0), claim)
RV = [mpf(v) for v in ("-1e8", "-1000", "-7.3", "-1.5", "-1", "-0.5", "-1e-7", "-1e-9", "0", "1e-9", "1e-7", "0.4", "1", "3.1", "12.5", "1e3", "1e8")]
_r = random.Random(2222)
MS = []
for seed in range(16):
    r = random.Random(5000 + seed); n = 1 + seed % 6
    MS.append(dict(n=n, A=rm(r, n, n), B=rm(r, n, n), X=rm(r, n, 4), x=rv(r, n)))
MP = [(d,) for d in MS]
sc = lambda c, A: [[c * p for p in row] for row in A]
madd = lambda A, B: [[p + q for p, q in zip(r, s)] for r, s in zip(A, B)]
def dett(A):
    return det(A) if len(A) else mpf(1)
pair("r2_gram_det_four_columns", lambda d: dett(mm(T(d["X"]), d["X"])), lambda d: dett(sc(2, mm(T(d["X"]), d["X"]))) / 16, lambda d: mpf(0), MP)
pair("r2_trace_abab_commuting", lambda d: tr(mm(mm(d["A"], d["B"]), mm(d["A"], d["B"]))), lambda d: tr(mm(mm(d["B"], d["A"]), mm(d["B"], d["A"]))),
     lambda d: tr(mm(mm(d["A"], d["A"]), mm(d["B"], d["B"]))), MP)
pair("r2_norm_ax_symmetric_only", lambda d: dot(mv(d["A"], d["x"]), mv(d["A"], d["x"])), lambda d: dot(d["x"], mv(mm(T(d["A"]), d["A"]), d["x"])),
     lambda d: dot(d["x"], mv(mm(d["A"], d["A"]), d["x"])), MP)
pair("r2_det_sym_part", lambda d: det(madd(d["A"], T(d["A"]))), lambda d: det(madd(T(d["A"]), d["A"])), lambda d: mpf(2) ** d["n"] * det(d["A"]), MP)
pair("r2_hessian_quadform_nonsym", lambda d: hessian(lambda x: dot(x, mv(d["A"], x)), d["x"]), lambda d: madd(d["A"], T(d["A"])), lambda d: sc(2, d["A"]), MP)
DNM = [(n, m, i) for n in range(1, 7) for m in range(1, 7) for i in range(1, n + 1)]
pair("r2_delta_two_ranges", lambda n, m, i: S(lambda j: ind(i == j), 1, m), lambda n, m, i: ind(i <= m), lambda n, m, i: 1, DNM)
pair("r2_md_delta_two_ranges_notes", lambda n, m, i: S(lambda j: ind(i == j), 1, m), lambda n, m, i: ind(i <= m), lambda n, m, i: 1,
     [p for p in DNM if p[1] <= p[0]])
def fsq(n):
    v = 10 ** 30 * n * n + 2 * 10 ** 15 * n
    return mpf(M.isqrt(v) if hasattr(M, "isqrt") else __import__("math").isqrt(v))
pair("r2_floor_sqrt_float_trap", fsq, lambda n: mpf(10 ** 15 * n), lambda n: mpf(10 ** 15 * n + 1), P1(list(range(1, 60)) + [10 ** 6, 10 ** 12]))
c12 = mpf(10) ** -12
f_sr = lambda t: max(t - c12, 0) ** 2
def sr_d(x):
    if x == c12:
        assert joint(lambda t: (t - c12) ** 2, lambda t: mpf(0), x, mpf(0))
        return mpf(0)
    return D(f_sr, x)
pair("r2_shifted_relu_square_slope", sr_d, lambda x: 2 * max(x - c12, 0), lambda x: 2 * max(x, 0) - 2 * c12,
     P1(RV + [c12, c12 / 2, 2 * c12, c12 * (1 - E9), c12 * (1 + E9), mpf('1e-15'), mpf('-1e-15')]))
pair("r2_md_trace_abab_notes", lambda d: tr(mm(mm(d["A"], d["B"]), mm(T(d["A"]), T(d["B"])))),
     lambda d: tr(mm(mm(T(d["A"]), T(d["B"])), mm(d["A"], d["B"]))), lambda d: tr(mm(mm(d["A"], T(d["A"])), mm(d["B"], T(d["B"])))), MP)
extra("r2_md_trace_abab_notes", lambda d: tr(mm(mm(d["A"], d["B"]), mm(T(d["A"]), T(d["B"])))),
      lambda d: tr(mm(mm(T(d["B"]), d["A"]), mm(d["B"], T(d["A"])))), MP)

def eq(a, b):
    if isinstance(a, list):
        return len(a) == len(b) and all(eq(p, q) for p, q in zip(a, b))
    return close(a, b)

def main():
    classes = json.load(open(os.path.join(HERE, "classes.json")))
    problems = []
    for name in sorted(classes):
        if name not in PAIRS:
            problems.append("%s: no check" % name); continue
        ext = [e for e in ("yaml", "md") if os.path.exists(os.path.join(HERE, "%s.true.%s" % (name, e)))]
        if not ext or not os.path.exists(os.path.join(HERE, "%s.false.%s" % (name, ext[0]))):
            problems.append("%s: files missing" % name)
        lhs, tr_, fa, pts = PAIRS[name]
        bad_true = [p for p in pts if not eq(lhs(*p), tr_(*p))]
        if bad_true:
            problems.append("%s: TRUE step fails at %s" % (name, [M.nstr(v, 8) if not isinstance(v, int) else v for v in bad_true[0]]))
        bad_false = [p for p in pts if not eq(lhs(*p), fa(*p))]
        if not bad_false:
            problems.append("%s: FALSE step holds at every point" % name)
        elif os.environ.get("SHOW"):
            print("%-40s false at %d/%d points, e.g. %s" % (name, len(bad_false), len(pts), [M.nstr(v, 6) if not isinstance(v, int) else v for v in bad_false[0]]))
    for name, lhs, rhs, pts in EXTRA:
        bad = [p for p in pts if not eq(lhs(*p), rhs(*p))]
        if bad:
            problems.append("%s: middle/other row fails at %s" % (name, [M.nstr(v, 8) if not isinstance(v, int) else v for v in bad[0]]))
    for name in PAIRS:
        if name not in classes:
            problems.append("%s: checked but not generated" % name)
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
