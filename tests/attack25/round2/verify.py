#!/usr/bin/env python3
"""Check the attack-25 round-2 pairs without derive-ce (same rules as ../verify.py): mpmath at 250
digits, determinants of random rationals exactly in Fractions, sizes 1..7, spectral norm as the
square root of the largest eigenvalue of MᵀM. SHOW=1 prints where each false step fails."""
import json, math, os, random, sys
from fractions import Fraction as Fr
import mpmath as M
from mpmath import mpf, sqrt, ln
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -200
DTOL = mpf(10) ** -60
RNG = random.Random(2525)
def close(a, b, tol=TOL):
    if isinstance(a, (int, Fr)) and isinstance(b, (int, Fr)):
        return a == b
    if isinstance(a, M.matrix):
        scale = max([mpf(1)] + [abs(a[i, j]) for i in range(a.rows) for j in range(a.cols)])
        return (a.rows, a.cols) == (b.rows, b.cols) and all(abs(a[i, j] - b[i, j]) <= tol * scale for i in range(a.rows) for j in range(a.cols))
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))
PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None): PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra)
def rqf(): return Fr(RNG.randint(-9, 9), RNG.randint(1, 5))
def rq(): return mpf(RNG.randint(-9, 9)) / RNG.randint(1, 5)
def rvec(n): return M.matrix([rq() for _ in range(n)])
def rmat(n): return M.matrix([[rq() for _ in range(n)] for _ in range(n)])

def spectral(Mx):
    ev = M.eigsy(Mx.T * Mx)[0]
    return sqrt(max(ev[i] for i in range(len(ev))))
pair("spectral_norm_scaled_identity", lambda n: spectral(3 * M.eye(n)), lambda n: mpf(3), lambda n: 3 * sqrt(n),
     [(n,) for n in range(1, 13)], mpf(10) ** -150)

pair("one_norm_elements", lambda x: sum(abs(x[i]) for i in range(x.rows)), lambda x: sum(abs(x[i]) for i in range(x.rows)),
     lambda x: sqrt(sum(x[i] ** 2 for i in range(x.rows))), [(rvec(n),) for n in range(1, 8) for _ in range(3)])
# (the left side is the definition of the 1-norm; the check that matters is that the false step differs)

def fdet(A):
    A = [row[:] for row in A]; n = len(A); d = Fr(1)
    for c in range(n):
        p = next((r for r in range(c, n) if A[r][c] != 0), None)
        if p is None: return Fr(0)
        if p != c: A[c], A[p] = A[p], A[c]; d = -d
        d *= A[c][c]
        for r in range(c + 1, n):
            f = A[r][c] / A[c][c]
            for k in range(c, n): A[r][k] -= f * A[c][k]
    return d
E = Fr(1, 10 ** 20)
def eye(n): return [[Fr(int(i == j)) for j in range(n)] for i in range(n)]
def add(A, B, a=1, b=1): return [[a * A[i][j] + b * B[i][j] for j in range(len(A))] for i in range(len(A))]
def mul(A, B): n = len(A); return [[sum(A[i][k] * B[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
def tr(A): return sum(A[i][i] for i in range(len(A)))
DP = []
for n in range(1, 8):
    for _ in range(3):
        DP.append(([[rqf() for _ in range(n)] for _ in range(n)],))
DP.append(([[Fr(0), Fr(1), Fr(0)], [Fr(0), Fr(0), Fr(1)], [Fr(1), Fr(0), Fr(0)]],))  # det 1, tr 0, tr(A^2) 0
pair("det_perturbation_third_order", lambda A: fdet(add(eye(len(A)), A, 1, E)),
     lambda A: E ** len(A) * fdet(add(eye(len(A)), A, 1 / E, 1)),
     lambda A: 1 + E * tr(A) + E * E * (tr(A) ** 2 - tr(mul(A, A))) / 2, DP)

H = mpf(10) ** -50
def numgrad(f, x):
    G = M.zeros(x.rows, 1)
    for i in range(x.rows):
        xp = x.copy(); xm = x.copy(); xp[i] += H; xm[i] -= H
        G[i] = (f(xp) - f(xm)) / (2 * H)
    return G
def quad(A, x): return (x.T * A * x)[0, 0]
QP = [(rmat(n), rvec(n)) for n in range(1, 7) for _ in range(3)]
def symm(A): return (A + A.T) / 2
pair("md_symmetric_redeclared", lambda A, x: numgrad(lambda y: quad(A, y), x), lambda A, x: (A + A.T) * x,
     lambda A, x: 2 * A * x, QP, DTOL,
     extra=lambda: all(close(numgrad(lambda y: quad(symm(A), y), x), 2 * symm(A) * x, DTOL) for A, x in QP))

IP = []
for n in range(1, 7):
    for _ in range(3):
        A, B = rmat(n), rmat(n)
        if abs(M.det(A)) > 1e-20 and abs(M.det(B)) > 1e-20: IP.append((A, B))
pair("md_invertible_transpose_inverse", lambda A, B: ((A * B).T) ** -1, lambda A, B: (A ** -1).T * (B ** -1).T,
     lambda A, B: (B ** -1).T * (A ** -1).T, IP)

def rhs_wide(x):  # the true step's own cancellation (x + sqrt(x^2+1) ~ 1/(2|x|)) needs digits past 250
    with M.workdps(700):
        return +ln(x + sqrt(x * x + 1))
XS = [(-(mpf(10) ** 12) - mpf(10) ** -9,), (mpf("-3.7e12"),), (mpf("-1e15"),), (mpf("-1e30"),), (mpf("-1e60"),)]
pair("arsinh_far_negative", lambda x: M.asinh(x), rhs_wide, lambda x: -ln(-2 * x) - 1 / (4 * x * x), XS)

classes = json.load(open(os.path.join(HERE, "classes.json")))
assert set(classes) == set(PAIRS)
problems = 0
for name in sorted(PAIRS):
    lhs, trf, fa, pts, tol, extra = PAIRS[name]
    wit = None
    for p in pts:
        l = lhs(*p)
        if not close(l, trf(*p), tol):
            problems += 1; print("PROBLEM: true step differs", name); break
        if wit is None and not close(l, fa(*p), tol): wit = p
    if extra is not None and not extra():
        problems += 1; print("PROBLEM: shared step", name)
    if wit is None:
        problems += 1; print("PROBLEM: false never differs", name)
    elif SHOW:
        print(name, "false at", str(wit)[:150].replace("\n", " "))
    ext = "md" if os.path.exists(os.path.join(HERE, name + ".true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    d = [i for i in range(len(t)) if t[i] != f[i]]
    if len(t) != len(f) or len(d) != 1 or mark not in f[d[0]] or sum(mark in l for l in f) != 1:
        problems += 1; print("PROBLEM: twins", name)
print(f"verified {len(PAIRS)} pairs; problems: {problems}")
