#!/usr/bin/env python3
"""Check the attack-23 round-2 pairs without derive-ce (helpers of ../verify.py: mpmath at 100
digits, 250 for the far cases; floors of integers by Python integers; matrices and vectors as
random rationals at sizes 1-20). Prints `verified N pairs; problems: K`."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import verify as V
from verify import mpf, ln, exp, cos, pi, sqrt, floor, ceil, tanh, M, P1, hp, tr, T, rm, rv
V.PAIRS.clear(); V.EXTRA.clear()
V.HERE = os.path.dirname(os.path.abspath(__file__))
pair, extra = V.pair, V.extra
FAR = [mpf(v) for v in ("100", "100.000000001", "150", "300", "1e3", "1e8")]
NEAR = [mpf(v) for v in ("-1e3", "-7.3", "-1", "0", "1e-9", "0.4", "3.1", "99.999999999")]
pair("r2_logcosh_far_case", hp(lambda x: ln(exp(x) + exp(-x))), hp(lambda x: x + ln(1 + exp(-2 * x))), hp(lambda x: x), P1(FAR))
extra("r2_logcosh_far_case", hp(lambda x: ln(exp(x) + exp(-x))), hp(lambda x: ln(2 * M.cosh(x))), P1(NEAR))
def dlc(x):
    with M.workdps(400):
        return +M.diff(lambda u: ln(M.cosh(u)), x)
pair("r2_logcosh_slope_far_case", dlc, hp(lambda x: tanh(x), 400), lambda x: 1, P1(FAR[:4]))
extra("r2_logcosh_slope_far_case", dlc, hp(lambda x: tanh(x), 400), P1(NEAR))
MS = [rm(n, n) for n in range(1, 21)]
pair("r2_trace_transpose_sqrt_size", lambda A: tr(T(A)), lambda A: tr(A), lambda A: tr(A) * cos(pi * floor(sqrt(len(A)) / 3)), P1(MS))
XR = [mpf(v) for v in ("-7.3", "-1.5", "-0.5", "-0.4999999", "-1e-7", "0", "0.4", "0.49999995", "0.4999999", "0.5", "1", "2.4999996", "3.1", "1e6")]
pair("r2_floor_half_thin_window", lambda x: floor(x + mpf(1) / 2), lambda x: floor(2 * x) - floor(x),
     lambda x: floor(x + mpf(1000001) / 2000000), P1(XR))
def flog10(n):   # floor(log10 n) exactly
    return len(str(n)) - 1
NL = list(range(1, 100)) + [99999, 10 ** 5, 999999, 10 ** 6, 10 ** 6 + 1, 10 ** 10]
pair("r2_floor_log10_hidden", lambda n: flog10(n) // 5, lambda n: flog10(n) // 5, lambda n: n // 10 ** 6, P1(NL))
assert all(int(floor(M.log10(mpf(n)) / 5)) == flog10(n) // 5 for n in NL)
CE10 = int(ceil(exp(10)))
assert CE10 == 22027
NE = list(range(1, 100)) + [22026, 22027, 44052, 44053, 44054, 10 ** 7]
pair("r2_md_floor_ceil_e_ten", lambda n: n // CE10, lambda n: (n + 22027) // 22027 - 1, lambda n: int(floor(mpf(n) / exp(10))), P1(NE))
extra("r2_md_floor_ceil_e_ten", lambda n: n // CE10, lambda n: n // 22027, P1(NE))
VS = [rv(n) for n in range(1, 21)]
pair("r2_vector_sum_sqrt_size", lambda x: V.dot(x, x), lambda x: sum(v * v for v in x),
     lambda x: sum(v * v for v in x) * (1 - floor(sqrt(len(x)) / 3)), P1(VS))
if __name__ == "__main__":
    V.main()
