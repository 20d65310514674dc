#!/usr/bin/env python3
"""Check the attack-24 round-2 pairs without derive-ce, as ../verify.py does (mpmath at 250 digits,
integers exactly, matrices of random rationals plus hand-made singular / orthogonal instances)."""
import json, math, os, random, sys
import mpmath as M
from mpmath import mpf, sqrt, exp, ln, pi
M.mp.dps = 250
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from verify import fl, ce, sgn, eq, SM, rq, rvec, rmat, dotv
PAIRS = {}
def pair(name, lhs, tr, fa, pts): PAIRS[name] = (lhs, tr, fa, list(pts))
HP = 100 * pi
pts = [(x,) for x in SM] + [(HP,), (HP + mpf("0.0005"),), (-HP,)]
pair("window_near_hundred_pi", lambda x: sqrt(x * x), lambda x: abs(x), lambda x: abs(x) + max(0, mpf("1e-3") - abs(x - HP)), pts)
AP = [(rmat(n, m),) for n in range(1, 6) for m in range(1, 6)] + [(M.matrix([[1, 2], [2, 4]]),)]
pair("sign_gram_wide", lambda A: sgn(M.det(A.T * A)), lambda A: sgn(M.det(A.T * A)) ** 2, lambda A: 1, AP)
def fs(a_num, a_den):   # floor(sqrt(a_num / a_den)) for a rational >= 0
    return math.isqrt(a_num // a_den)
CUM = {}; s1 = s2 = s3 = 0; first = None
for k in range(1, 200001):
    a = math.isqrt(k); b = fs(3 * k + 1, 3); c = fs(k * (10 ** 5 + 1), 10 ** 5)
    s1 += a; s2 += b; s3 += c
    if first is None and c != a: first = k
    if k <= 100 or (first and k <= first + 2 and k >= first - 2):
        CUM[k] = (s1, s2, s3)
    if first and k > first + 2: break
pair("sum_floor_sqrt_past_term_limit", lambda n: CUM[n][0], lambda n: CUM[n][1], lambda n: CUM[n][2], [(n,) for n in sorted(CUM)])
L2 = ln(2)
pts = [(x,) for x in SM if x >= 0 and exp(x) >= 2] + [(L2,), (L2 + mpf(10) ** -12,), (ln(3),)]
pair("md_otherwise_exp_end", lambda x: fl(exp(x)), lambda x: max(2, fl(exp(x))), lambda x: fl(exp(x)) - fl(1 / (exp(x) - 1)), pts)
pts = [(n, m) for n in range(1, 200) for m in range(1, 80)] + [(69, 70), (139, 70), (10 ** 6 + 3, 71)]
pair("two_sizes_past_seventy", lambda n, m: n // m, lambda n, m: (2 * n + 1) // (2 * m), lambda n, m: (n + m // 70) // m, pts)
XY = [(x, y) for x in SM for y in SM if x > 0 and y > 0 and x * y >= 1] + [(mpf(2), mpf("0.5")), (mpf(1), mpf(1))]
pair("floor_hyperbola_yaml", lambda x, y: fl(1 / (x * y)), lambda x, y: fl(1 / (x * y)) ** 3, lambda x, y: 0, XY)
pts = [(x, y) for x in SM for y in SM if x * x + y * y <= 1] + [(mpf("0.6"), mpf("0.8")), (mpf(1), mpf(0)), (mpf(0), mpf(-1))]
pair("floor_unit_disc_end", lambda x, y: fl(x * x + y * y), lambda x, y: fl(x * x + y * y) ** 2, lambda x, y: 0, pts)
VP = [(rvec(n), rvec(n)) for n in range(1, 9) for _ in range(3)] + [(M.matrix([1, 2, 0]), M.matrix([2, -1, 5]))]
pair("ceil_dot_orthogonal", lambda x, y: ce(abs(dotv(x, y)) / (abs(dotv(x, y)) + 1)), lambda x, y: sgn(abs(dotv(x, y))), lambda x, y: 1, VP)

def main():
    classes = json.load(open(os.path.join(HERE, "classes.json")))
    problems = []
    for name in classes:
        if name not in PAIRS:
            problems.append("%s: not checked" % name); continue
        lhs, t, f, pts = PAIRS[name]
        if [p for p in pts if not eq(lhs(*p), t(*p))]:
            problems.append("%s: TRUE step fails" % name)
        bf = [p for p in pts if not eq(lhs(*p), f(*p))]
        if not bf:
            problems.append("%s: FALSE step holds at every point" % name)
        elif os.environ.get("SHOW"):
            print("%-34s false at %d/%d points" % (name, len(bf), len(pts)))
    for p in problems:
        print("PROBLEM", p)
    print("verified %d pairs; problems: %d" % (len(classes), len(problems)))

if __name__ == "__main__":
    main()
