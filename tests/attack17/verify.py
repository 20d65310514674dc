# Run: python3 tests/attack17/verify.py (needs mpmath).  Independent check of every pair (outside the repo): the true twin holds at many points,
# the false twin fails at a witness point.  mpmath at 60 digits; sums by loops.
from mpmath import mp, mpf, sqrt, sin, cos, tan, atan, asin, acos, asinh, exp, log, pi, e, erf, sinh, cosh, tanh, sech, floor, ceil, sign, diff, factorial, binomial, nsum, inf, cbrt, root, fabs
import itertools, math
mp.dps = 60
R = [mpf(v) for v in ("-1000", "-7.3", "-2", "-1", "-0.5", "-1e-6", "0", "1e-6", "0.3", "1", "2.5", "3.1415", "3.14159", "7", "1000", "1e8")]
POS = [v for v in R if v > 0]; NN = [v for v in R if v >= 0]
I = list(range(-16, 31)) + [100, 961, 1000, 1024]
PI_ = [n for n in I if n > 0]; NNI = [n for n in I if n >= 0]
def ok(v): return abs(v) < mpf(10) ** -40 * (1 + 0)
def rc(x, q): # real odd root x^(1/q)
    return sign(x) * fabs(x) ** (mpf(1) / q)
f = lambda u: sin(u) + u**3 / 7; g = lambda u: exp(u / 3) + u
def S(lo, hi, fn): return sum((fn(k) for k in range(lo, hi + 1)), mpf(0))
def Pr(lo, hi, fn):
    p = mpf(1)
    for k in range(lo, hi + 1): p *= fn(k)
    return p
def pc(*rows):  # piecewise: (value, cond)
    for v, c in rows:
        if c: return v
def dn(fun, x, n): return diff(fun, x, n)
V = {}
def v(name, dom, t, fl, wit):
    V[name] = (dom, t, fl, wit)
# A
v("arcsec_superscript", None, lambda: acos(mpf(1)/2) - pi/3, lambda: acos(mpf(1)/2) - cos(2), [()])
v("arccot_superscript", None, lambda: atan(1) - pi/4, lambda: atan(1) - tan(1), [()])
v("arccsc_superscript", None, lambda: asin(mpf(1)/2) - pi/6, lambda: asin(mpf(1)/2) - sin(2), [()])
v("arsinh_superscript", R, lambda x: asinh(x) - log(x + sqrt(x*x+1)), lambda x: asinh(x) - log(x + sqrt(x*x-1)), [(mpf(0),)])
v("tan_inverse_power_after", R, lambda x: 0, lambda x: atan(x)**2 - 1/tan(x)**2, [(mpf(1),)])
v("cos_squared_arg_power", R, lambda x: 0, lambda x: cos(x*x)**2 - cos(x)**4, [(mpf(1),)])
v("ln_squared_vs_ln_of_square", POS, lambda x: log(x)**2 - log(x)*log(x), lambda x: log(x)**2 - 2*log(x), [(mpf(3),)])
# B
v("unicode_minus_exponent", R[:14], lambda x: exp(-x)*exp(x) - 1, lambda x: 1 - exp(2*x), [(mpf(1),)])
v("caret_minus_unbraced", None, lambda: mpf(2)**-1 - mpf(1)/2, lambda: mpf(2)**-1 + 2, [()])
v("slash_left_assoc", None, lambda: mpf(8)/4/2 - 1, lambda: mpf(8)/4/2 - 4, [()])
v("div_left_assoc", None, lambda: mpf(12)/3*2 - 8, lambda: mpf(12)/3*2 - 2, [()])
v("tower_power_braced", None, lambda: 2**(2**3) - 256, lambda: 2**(2**3) - 64, [()])
v("thin_negative_space_power", R, lambda x: (x/2)**2 - x*x/4, lambda x: (x/2)**2 - x*x/2, [(mpf(1),)])
v("dfrac_tfrac_mix", [(a, b) for a in POS for b in POS], lambda x, y: 1/(1/x + 1/y) - x*y/(x+y), lambda x, y: 1/(1/x+1/y) - x - y, [(mpf(1), mpf(1))])
v("lvert_rvert_abs", R, lambda x: abs(x)**2 - x*x, lambda x: abs(x) - x, [(mpf(-1),)])
v("times_vs_cdot", R, lambda x: (x+1)*(x-1) - (x*x-1), lambda x: (x+1)*(x-1) - (x*x+1), [(mpf(0),)])
v("unicode_pi_constant", R, lambda x: sin(pi), lambda x: cos(pi) - 1, [(mpf(0),)])
v("unicode_cdot_sqrt", R, lambda x: sqrt(4)*x - 2*x, lambda x: sqrt(4)*x - 4*x, [(mpf(1),)])
v("operatorname_exp", None, lambda: exp(log(3)) - 3, lambda: exp(log(3)) - e, [()])
v("mathrm_e_euler", None, lambda: exp(log(2)) - 2, lambda: exp(log(2)) - log(2), [()])
v("frac_digits_then_letter", [x for x in R if x != 0], lambda x: x/2 + x/2 - x, lambda x: x/2 + x/2 - 1/x, [(mpf(2),)])
v("sqrt_power_outside", R, lambda x: sqrt(mp.mpc(x))**2 - x, lambda x: sqrt(mp.mpc(x))**2 - abs(x), [(mpf(-1),)])
# C (real convention for odd denominators; x^{0.5} = x^{1/2} principal)
v("symbol_cube_root_odd", R, lambda x: rc(x, 3) - cbrt(x) if x >= 0 else rc(x, 3) - (-cbrt(-x)), lambda x: rc(x, 3) - fabs(x)**(mpf(1)/3), [(mpf(-1),)])
v("symbol_two_thirds", R, lambda x: rc(x, 3)**2 - rc(x*x, 3), lambda x: rc(x, 3)**2 + rc(x*x, 3), [(mpf(1),)])
v("symbol_three_fifths", R, lambda x: rc(x, 5)**3 - rc(x, 5)**3, lambda x: rc(x, 5)**3 - fabs(x)**(mpf(3)/5), [(mpf(-1),)])
v("decimal_exponent_root", R, lambda x: sqrt(mp.mpc(x))*sqrt(mp.mpc(x)) - x, lambda x: sqrt(mp.mpc(x))**2 - abs(x), [(mpf(-1),)])
v("neg_base_reduced_exponent", None, lambda: rc(mpf(-8), 3)**2 - 4, lambda: rc(mpf(-8), 3)**2 + 4, [()])
# D
v("nonneg_sign_at_zero", NN, lambda x: sign(x)**2 - sign(x), lambda x: sign(x) - 1, [(mpf(0),)])
v("integer_floor_negative_odd", I, lambda n: floor(mpf(n)/2) + ceil(mpf(n)/2) - n, lambda n: floor(mpf(n)/2) - sign(n)*floor(mpf(abs(n))/2), [(-1,)])
v("integer_abs_negative", I, lambda n: abs(n)**2 - n*n, lambda n: abs(n) - n, [(-1,)])
v("nonneg_int_alt_binom_n0", NNI[:25], lambda n: S(0, n, lambda k: (-1)**k*binomial(n, k)) - (1 if n == 0 else 0), lambda n: S(0, n, lambda k: (-1)**k*binomial(n, k)), [(0,)])
v("nonneg_tiny_shift_abs", NN, lambda x: sqrt((x+exp(-9))**2) - (x+exp(-9)), lambda x: sqrt((x-exp(-9))**2) - (x-exp(-9)), [(mpf(0),)])
v("integer_binom_negative", I, lambda n: binomial(n, 2) - mpf(n)*(n-1)/2, lambda n: binomial(n, 2) - mpf(abs(n))*(abs(n)-1)/2, [(-1,)])
v("integer_power_neg_one_negative", I, lambda n: (-1)**n - (-1)**(-n), lambda n: (-1)**n - (-1)**(abs(n)+1), [(0,)])
# E
v("poly_roots_integer", PI_, lambda n: floor(1/mpf((n*n-30*n+226)**2+1)) - floor(1/mpf((n*n-30*n+226)**2+2)), lambda n: floor(1/mpf((n*n-30*n+221)**2+1)), [(13,)])
v("near_integer_below", R, lambda x: floor(x+1) - floor(x) - 1, lambda x: floor(x + 1/mpf(10**6+1)) - floor(x), [(mpf("-1e-7"),)])
v("floor_plus_floor_neg_at_integers", R, lambda x: floor(x)+floor(-x) - (floor(x)-ceil(x)), lambda x: floor(x)+floor(-x)+1, [(mpf(0),)])
mn = lambda a, b: a if a < b else b; mx = lambda a, b: a if a > b else b
v("hidden_scale_sinh", R, lambda x: mn(x, sinh(exp(3))) - (x + sinh(exp(3)) - abs(x - sinh(exp(3))))/2, lambda x: mn(x, sinh(exp(3))) - x, [(mpf("1e9"),)])
v("hidden_tiny_tanh", POS, lambda x: mx(x, 1-tanh(9)) - (x + 1 - tanh(9) + abs(x - 1 + tanh(9)))/2, lambda x: mx(x, 1-tanh(9)) - x, [(mpf("1e-9"),)])
v("hidden_size_pi_power", PI_, lambda n: mn(n, floor(pi**6)) - (n + 961 - abs(n-961))/mpf(2), lambda n: mn(n, floor(pi**6)) - n, [(1000,)])
v("narrow_quadratic_window", R + [mpf("2.5")], lambda x: pc((1, x*x-5*x+mpf("6.2499") < 0), (0, True)) - pc((1, abs(x-mpf("2.5")) < mpf("0.01")), (0, True)), lambda x: pc((1, x*x-5*x+mpf("6.2499") < 0), (0, True)), [(mpf("2.5"),)])
v("sign_window_pi", R, lambda x: 0, lambda x: floor(x-pi) - floor(x-mpf("3.1416")), [(mpf("3.141599"),)])
v("large_integer_digits", PI_, lambda n: floor(log(n)/(log(10)*3)) - floor(log(n)/log(1000)), lambda n: floor(log(n)/(log(10)*3)), [(1024,)])
v("factorial_growth_threshold", PI_[:20], lambda n: mn(factorial(n), 10**6) - (factorial(n) + 10**6 - abs(factorial(n) - 10**6))/2, lambda n: mn(factorial(n), 2**20) - factorial(n), [(10,)])
# F
D = lambda fun, x, n=1: diff(fun, x, n)
v("chain_abstract_square_arg", R[1:14], lambda x: D(lambda t: f(t*t), x) - 2*x*D(f, x*x), lambda x: D(lambda t: f(t*t), x) - 2*x*D(f, x), [(mpf(2),)])
v("chain_abstract_scaled", R[1:14], lambda x: D(lambda t: f(2*t), x) - 2*D(f, 2*x), lambda x: D(lambda t: f(2*t), x) - D(f, 2*x), [(mpf(0),)])
v("chain_abstract_second_order", R[1:14], lambda x: D(lambda t: f(3*t), x, 2) - 9*D(f, 3*x, 2), lambda x: D(lambda t: f(3*t), x, 2) - 3*D(f, 3*x, 2), [(mpf(1),)])
v("chain_two_abstract", R[1:14], lambda x: D(lambda t: f(g(t)), x) - D(f, g(x))*D(g, x), lambda x: D(lambda t: f(g(t)), x) - D(f, x)*D(g, x), [(mpf(1),)])
v("defined_prime_at_expression", R, lambda x: 2*sin(x) - 2*sin(x), lambda x: 2*sin(x) - 2*sin(x)*cos(x), [(mpf(1),)])
v("defined_composite_derivative", R[1:14], lambda x: D(lambda t: sin(t)**2, x) - 2*sin(x)*cos(x), lambda x: D(lambda t: sin(t)**2, x) - 2*sin(x), [(mpf(1),)])
v("partial_two_arg_abstract_diag", R[1:14], lambda x: D(lambda t: f(t)*g(t), x) - (D(f, x)*g(x) + f(x)*D(g, x)), lambda x: D(lambda t: f(t)*g(t), x) - D(f, x)*D(g, x), [(mpf(1),)])
v("partial_subscript_squared", [(a, b) for a in R[2:12] for b in R[2:12]], lambda x, y: diff(lambda a, b: a*a*b**3, (x, y), (1, 1)) - 6*x*y*y, lambda x, y: 6*x*y*y - 6*x*x*y, [(mpf(1), mpf(-1))])
v("partial_sub_power", [(a, b) for a in R[2:12] for b in R[2:12]], lambda x, y: diff(lambda a: a**3*y, x, 2) - 6*x*y, lambda x, y: diff(lambda a: a**3*y, x, 2) - 9*x**4*y*y, [(mpf(1), mpf(1))])
v("symbolic_order_derivative", [(n, x) for n in range(1, 7) for x in R[2:12]], lambda n, x: D(lambda t: exp(2*t), x, n) - 2**n*exp(2*x), lambda n, x: D(lambda t: exp(2*t), x, n) - 2*n*exp(2*x), [(3, mpf(0))])
v("derivative_sin_of_square", R[1:14], lambda x: D(lambda t: sin(t*t), x) - 2*x*cos(x*x), lambda x: D(lambda t: sin(t*t), x) - 2*sin(x)*cos(x), [(mpf(1),)])
v("prime_of_defined_at_number", None, lambda: D(lambda t: t**3, 2) - 12, lambda: D(lambda t: t**3, 2) - 8, [()])
v("derivative_inverse_trig", R[1:14], lambda x: D(atan, x) - 1/(1+x*x), lambda x: D(atan, x) + (1+tan(x)**2)/tan(x)**2, [(mpf(1),)])
v("derivative_wrt_sum_index_clash", [(n, j) for n in range(1, 6) for j in range(1, n+1)], lambda n, j: 2*(j+0.5) - 2*(j+0.5), lambda n, j: 2*(j+mpf(0.5)) - 2*S(1, n, lambda k: k+mpf(0.5)), [(2, 1)])
v("derivative_abstract_inverse_like", R[1:14], lambda x: D(lambda t: 1/(f(t)+3), x) + D(f, x)/(f(x)+3)**2, lambda x: D(lambda t: 1/(f(t)+3), x) - 1/D(f, x), [(mpf(1),)])
# G
hh = lambda a, b: a - b; kk = lambda a, b, c: a + 2*b + 3*c
v("def_swap_arguments", [(a, b) for a in R[2:12] for b in R[2:12]], lambda x, y: hh(y, x) - (y - x), lambda x, y: hh(y, x), [(mpf(0), mpf(1))])
v("def_param_is_free_symbol", R, lambda y: (y + y) - 2*y, lambda y: (y + y) - y, [(mpf(1),)])
v("def_three_cycle", [(a, b, c) for a in R[3:8] for b in R[3:8] for c in R[3:8]], lambda x, y, z: kk(z, x, y) - (z + 2*x + 3*y), lambda x, y, z: kk(z, x, y) - (x + 2*y + 3*z), [(mpf(0), mpf(0), mpf(1))])
v("def_family_shifted_index", PI_, lambda m: (m+1)**2 - (m+1)**2, lambda m: (m+1)**2 - (m*m+1), [(1,)])
v("def_name_then_function_param", None, lambda: (4 + 3) - (4 + 3), lambda: (4 + 3) - (2 + 3), [()])
# H
v("sum_shadow_declared_index", [(n, i) for n in range(1, 20) for i in range(1, n+1)], lambda n, i: S(1, n, lambda k: k) - n*(n+1)/mpf(2), lambda n, i: S(1, n, lambda k: k) - n*i, [(2, 1)])
v("sum_outer_factor_same_letter", [(n, i) for n in range(1, 20) for i in range(1, n+1)], lambda n, i: i*S(1, n, lambda k: 1) - n*i, lambda n, i: i*S(1, n, lambda k: 1) - S(1, n, lambda k: k), [(2, 1)])
v("sum_floor_upper_bound", PI_, lambda n: S(1, n//2, lambda k: 1) - floor(mpf(n)/2), lambda n: S(1, n//2, lambda k: 1) - mpf(n)/2, [(1,)])
v("sum_alternating_odd_top", NNI, lambda n: S(0, 2*n, lambda k: (-1)**k) - 1, lambda n: S(0, 2*n+1, lambda k: (-1)**k) - 1, [(0,)])
v("sum_telescoping_fraction", PI_, lambda n: S(1, n, lambda k: mpf(1)/(k*(k+1))) - (1 - mpf(1)/(n+1)), lambda n: S(1, n, lambda k: mpf(1)/(k*(k+1))) - (1 - mpf(1)/n), [(1,)])
v("product_from_zero", PI_, lambda n: Pr(0, n, lambda k: k), lambda n: Pr(1, n, lambda k: k), [(1,)])
v("infinite_geometric_half", None, lambda: nsum(lambda k: 1/mpf(2)**k, [0, inf]) - 2, lambda: nsum(lambda k: 1/mpf(2)**k, [0, inf]) - 1, [()])
v("infinite_geometric_divergent", R[1:15], lambda x: 1/(1 - x/(x*x+1)) - (x*x+1)/(x*x-x+1), lambda x: "diverges" if abs(x) >= 1 else 0, [(mpf(2),)])
v("basel", None, lambda: nsum(lambda k: 1/k**2, [1, inf]) - pi**2/6, lambda: pi**2/6 - pi**2/8, [()])
v("alternating_harmonic", None, lambda: nsum(lambda k: (-1)**(k+1)/k, [1, inf]) - log(2), lambda: log(2) - log(3), [()])
v("exp_series", R[2:12], lambda x: nsum(lambda k: x**k/factorial(k), [0, inf]) - exp(x), lambda x: nsum(lambda k: x**k/factorial(k), [1, inf]) - exp(x), [(mpf(1),)])
v("sum_index_in_bound_shadow", PI_, lambda n: S(1, n, lambda k: S(1, k, lambda j: 1)) - n*(n+1)/mpf(2), lambda n: S(1, n, lambda k: S(1, k, lambda j: 1)) - n*n, [(2,)])
v("prod_ratio_telescoping", PI_, lambda n: Pr(1, n, lambda k: mpf(k+1)/k) - (n+1), lambda n: Pr(1, n, lambda k: mpf(k+1)/k) - n, [(1,)])
v("sum_geometric_removable", [n for n in NNI if n <= 100], lambda n: S(0, n, lambda k: mpf(2)**k) - (2**(n+1) - 1), lambda n: S(0, n, lambda k: mpf(2)**k) - 2**(n+1), [(0,)])
v("sum_negative_upper_integer", I, lambda m: S(1, m, lambda k: 1) - max(m, 0), lambda m: S(1, m, lambda k: 1) - m, [(-1,)])
v("series_scaled_divergent", R[1:15], lambda x: 1/(1 - x/(x*x+1)) - (x*x+1)/(x*x-x+1), lambda x: "diverges" if abs(2*x) >= 1 else 0, [(mpf(1),)])
v("series_positive_divergent", POS, lambda x: 1/(1 - x/(x+1)) - (x+1), lambda x: "diverges" if x >= 1 else 0, [(mpf(2),)])
# I
v("erf_odd", R, lambda x: erf(-x) + erf(x), lambda x: erf(-x) - erf(x), [(mpf(1),)])
v("erf_far_saturation", POS, lambda x: floor(erf(x)) if x < 30 else (0 if mp.erfc(x) > 0 else 1), lambda x: floor(erf(x) + exp(-x*x)), [(mpf(1),)])
v("asin_plus_acos", R, lambda x: asin(x) + acos(x) - pi/2, lambda x: asin(x) - acos(x) - pi/2, [(mpf(0),)])
v("arctan_sum_positive", POS, lambda x: atan(x) + atan(1/x) - pi/2, lambda x: atan(x) + atan(1/x) - pi/4, [(mpf(1),)])
v("cosh_sinh_identity", R[1:14], lambda x: cosh(x)**2 - sinh(x)**2 - 1, lambda x: cosh(x)**2 + sinh(x)**2 - 1, [(mpf(1),)])
v("sech_definition", R[1:15], lambda x: sech(x)**2 - (1 - tanh(x)**2), lambda x: sech(x)**2 - (tanh(x)**2 - 1), [(mpf(0),)])
v("log_base_e_subscript", POS, lambda x: log(x)/log(e) - log(x), lambda x: log(x) - log(x)/log(10), [(mpf(2),)])
v("log_two_of_eight", None, lambda: log(8)/log(2) - 3, lambda: log(8)/log(2) - 4, [()])
v("arcsin_sin_far", R, lambda x: 0, lambda x: asin(sin(x)) - x, [(mpf(2),)])
v("tanh_via_exp", R[1:15], lambda x: tanh(x) - (1 - 2/(exp(2*x)+1)), lambda x: tanh(x) - (1 - 2/(exp(2*x)-1)), [(mpf(1),)])
# J
v("pi_declared_symbol", POS, lambda p: p + 1 - 1 - p, lambda p: sin(p), [(mpf(1),)])
v("e_declared_exp_one", POS, lambda E: 0, lambda E: exp(1) - E, [(mpf(1),)])
v("gamma_declared_scalar", [(G, n) for G in POS for n in range(1, 6)], lambda G, n: G*(n+1) - (n*G + G), lambda G, n: G*(n+1) - factorial(n), [(mpf(1), 1)])
v("i_declared_index_power", [n for n in PI_ if n <= 100], lambda n: S(1, n, lambda i: mpf(2)**i) - (2**(n+1) - 2), lambda n: S(1, n, lambda i: mpf(2)**i) - (2**(n+1) - 1), [(1,)])
v("E_not_euler", R, lambda E: E**2 - E*E, lambda E: (mp.mpc(E))**log(2) - 2, [(mpf(1),)])
v("ell_vs_l", [(a, b) for a in R[3:8] for b in R[3:8]], lambda a, b: 0, lambda a, b: a - b, [(mpf(0), mpf(1))])
# M
v("dn_operator_pull_out_x", [(n, x) for n in range(1, 6) for x in R[2:12]], lambda n, x: D(lambda t: t**(n+1), x, n) - factorial(n+1)*x, lambda n, x: D(lambda t: t**(n+1), x, n) - x*D(lambda t: t**n, x, n), [(1, mpf(1))])
for nm in ("dn_mathrm_operator_pull_out_x", "dn_quotient_defined_name"): V[nm] = V["dn_operator_pull_out_x"]
v("dn_order_above_degree", [(n, x) for n in range(1, 6) for x in R[2:12]], lambda n, x: D(lambda t: t**n, x, n+1), lambda n, x: D(lambda t: t**n, x, n+1) - factorial(n), [(1, mpf(1))])
v("dn_even_order_power", [(n, x) for n in range(1, 4) for x in R[2:12]], lambda n, x: D(lambda t: t**(2*n), x, 2*n) - factorial(2*n), lambda n, x: D(lambda t: t**(2*n), x, 2*n) - factorial(2*n)*x, [(1, mpf(2))])
v("dn_order_k_exp_t", [(k, x) for k in range(1, 6) for x in R[2:12]], lambda k, x: D(exp, x, k) - exp(x), lambda k, x: D(exp, x, k) - k*exp(x), [(2, mpf(0))])
v("dn_order_sum_index", R[2:12], lambda x: sum(D(lambda t: t**3, x, k) for k in (1, 2, 3)) - (3*x*x + 6*x + 6), lambda x: sum(D(lambda t: t**3, x, k) for k in (1, 2, 3)) - (3*x*x + 6*x), [(mpf(0),)])
for nm, c in (("hidden_size_tower", 256), ("hidden_size_factorial", 120), ("hidden_size_ceil_pi", int(ceil(100*pi))), ("hidden_size_product", 100), ("hidden_size_floor_exp", int(floor(exp(5))))):
    v(nm, PI_, lambda n: 0, (lambda c: lambda n: min(n, c) - n)(c), [(1000,)])
v("hidden_size_sum_bound", PI_, lambda n: floor(mpf(n)/S(1, 20, lambda k: k)) - floor(mpf(n)/210), lambda n: floor(mpf(n)/S(1, 20, lambda k: k)), [(210,)])
v("hidden_scale_factorial", R, lambda x: floor(x*x/factorial(20)) - floor(x*x/2432902008176640000), lambda x: floor(x*x/factorial(20)), [(mpf("1e10"),)])
v("hidden_scale_exp_thirty", R, lambda x: floor(abs(x)/exp(30)) - floor(abs(x)*exp(-30)), lambda x: floor(abs(x)/exp(30)), [(mpf("1e14"),)])
v("scale_square_root_of_constant", R, lambda x: floor(x*x/mpf(10)**40) - floor((x/mpf(10)**20)**2), lambda x: floor(x*x/mpf(10)**40), [(mpf("1e21"),)])
v("tiny_scale_through_log", POS, lambda x: 0, lambda x: mx(log(x), -70) - log(x), [(mpf("1e-35"),)])
v("cases_comma_rows", R, lambda x: pc((1, x > 0), (0, True)) - mx(sign(x), 0), lambda x: pc((1, x > 0), (0, True)) - sign(x), [(mpf(-1),)])
# K (cases: value under the branch condition)
v("case_chain_condition", [x for x in R if 0 < x < 1], lambda x: floor(x) + ceil(x) - 1, lambda x: floor(x) + ceil(x), [(mpf("0.3"),)])
v("case_square_condition_negatives", [x for x in R if x*x < 1], lambda x: floor(x*x) + floor(x) - floor(x), lambda x: floor(x*x) + floor(x), [(mpf("-0.5"),)])
v("case_even_substitution", I, lambda m: (-1)**(2*m) + 1 - 2, lambda m: (-1)**(2*m) + 1, [(1,)])
v("case_odd_substitution", I, lambda m: cos(pi*(2*m+1)) + 1, lambda m: cos(pi*(2*m+1)) - 1, [(1,)])
v("case_nested_interval", [x for x in R if 1 < x < 2] + [mpf("1.5")], lambda x: floor(x) - 1, lambda x: floor(x) - 2, [(mpf("1.5"),)])
v("case_condition_on_expression_neq", [x for x in R if x > 1], lambda x: abs(x-1)/(x-1) - 1, lambda x: abs(x-1)/(x-1) + 1, [(mpf(2),)])
v("case_ge_boundary_value", [x for x in R if x <= 2], lambda x: mx(x, 2) - 2, lambda x: mx(x, 2) - 2 - (x - 2), [(mpf(1),)])
v("cases_piecewise_gap_sign", R, lambda x: pc((1, x > 0), (0, x == 0), (-1, True)) - sign(x), lambda x: pc((1, x >= 0), (-1, True)) - sign(x), [(mpf(0),)])
v("cases_condition_other_symbol_zero", [(a, b) for a in R[3:10] for b in R[3:10]], lambda x, y: pc((x, y > 0), (0, y == 0), (-x, True)) - x*sign(y), lambda x, y: pc((x, y >= 0), (-x, True)) - x*sign(y), [(mpf(1), mpf(0))])
v("cases_rows_reordered_overlap", R, lambda x: pc((x*x, x < 1), (x, x < 2), (2, True)) - pc((x*x, x < 1), (x, 1 <= x < 2), (2, True)), lambda x: pc((x*x, x < 1), (x, x < 2), (2, True)) - pc((x, x < 2), (x*x, x < 1), (2, True)), [(mpf(-1),)])
# L (notes): the slipped row under the notes' own meaning
v("md_prose_assumption_leaks_section", R, lambda y: sqrt((y-3)**2) - abs(y-3), lambda y: sqrt((y-3)**2) - (y-3), [(mpf(0),)])
v("md_redefinition_second_section", R[1:15], lambda x: D(lambda t: t**3, x) - 3*x*x, lambda x: D(lambda t: t**3, x) - 2*x, [(mpf(1),)])
v("md_positive_integer_prose_lemma", I, lambda m: S(1, m, lambda k: 1) - max(m, 0), lambda m: S(1, m, lambda k: 1) - m, [(-1,)])
v("md_aligned_env", [(a, b) for a in R[3:10] for b in R[3:10]], lambda a, b: (a+b)**2 - (a-b)**2 - (2*a*b + 2*a*b), lambda a, b: 4*a*b - (2*a*b + 2*b), [(mpf(0), mpf(1))])
v("md_bracket_display", R, lambda x: (x+1)**3 - (x**3 + 3*x*x + 3*x + 1), lambda x: (x+1)**3 - (x**3 + 3*x*x + 3*x + 3), [(mpf(0),)])
v("md_otherwise_two_cases", [x for x in R if 0 <= x <= 1], lambda x: mn(mx(x, 0), 1) - x, lambda x: mn(mx(x, 0), 1) - (1 - x), [(mpf(1),)])
v("md_where_definition_after_use", R[1:15], lambda x: D(lambda t: sin(t*t), x) - 2*x*cos(x*x), lambda x: D(lambda t: sin(t*t), x) - cos(x*x), [(mpf(1),)])
v("md_similarly_new_chain", R, lambda x: D(cos, x) + sin(x), lambda x: D(cos, x) - sin(x), [(mpf(1),)])
v("md_trailing_condition_row", [x for x in R if x < 0], lambda x: abs(x) + x, lambda x: abs(x) - x, [(mpf(-1),)])
v("md_tag_and_label", R, lambda x: (x-2)*(x+2) - (x*x-4), lambda x: (x-2)*(x+2) - (x*x+4), [(mpf(0),)])
v("md_unicode_minus_notes", R, lambda x: (x-1)*(x+1) - (x*x-1), lambda x: (x-1)*(x+1) - (x*x+1), [(mpf(0),)])
v("md_math_code_fence", R, lambda x: (x+2)**2 - (x*x+4*x+4), lambda x: (x+2)**2 - (x*x+4*x+2), [(mpf(0),)])
v("md_redefined_sigmoid_tanh", R[1:15], lambda x: D(tanh, x) - (1 - tanh(x)**2), lambda x: D(tanh, x) - tanh(x)*(1 - tanh(x)), [(mpf(1),)])
v("md_redefined_name_let", R, lambda x: (3*x)**2 - 9*x*x, lambda x: (3*x)**2 - 4*x*x, [(mpf(1),)])
v("md_let_point_value_ignored", None, lambda: S(1, -1, lambda k: 1) - 0, lambda: S(1, -1, lambda k: 1) - (-1), [()])
v("md_case_closed_by_heading", R, lambda x: 0, lambda x: abs(x) + 2 - (x + 2), [(mpf(-1),)])

v("defined_symbolic_order_label", [(n, x) for n in range(1, 6) for x in R[2:12]], lambda n, x: D(lambda t: exp(2*t), x, n) - 2**n*exp(2*x), lambda n, x: D(lambda t: exp(2*t), x, n) - exp(2*n*x), [(2, mpf(1))])
v("dn_letter_fraction_sine", [(m, x) for m in range(1, 7) for x in R[2:12]], lambda m, x: D(sin, x, m) - sin(x + m*pi/2), lambda m, x: D(sin, x, m) - sin(x)/x**m, [(1, mpf(1))])
v("window_between_pi_and_constant", R, lambda x: floor(x-pi) + 1 - floor(x-pi+1), lambda x: floor(x-pi) - floor(x-mpf("3.2")), [(mpf("3.15"),)])
v("zero_only_with_other_zero", [(a, b) for a in R[3:10] for b in R[3:10]], lambda x, y: x*sign(y)**2 - x*abs(sign(y)), lambda x, y: x*sign(y)**2 - x, [(mpf(1), mpf(0))])
v("dn_two_digit_order", R[2:12], lambda x: factorial(11)*x - factorial(11)*x, lambda x: factorial(11)*x - x*factorial(10), [(mpf(1),)])
v("dn_two_digit_order_exp", R[2:12], lambda x: 2**12*exp(2*x) - 4096*exp(2*x), lambda x: 2**12*exp(2*x) - exp(2*x)/x**12, [(mpf(1),)])
import json, os
names = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "classes.json")))
bad = []
for nm in names:
    if nm not in V: bad.append(("unverified", nm)); continue
    dom, t, fl, wit = V[nm]
    pts = [()] if dom is None else [p if isinstance(p, tuple) else (p,) for p in dom]
    for p in pts:
        r = t(*p)
        if isinstance(r, str) or abs(r) > mpf(10)**-25 * (1 + 0):
            bad.append(("true twin off", nm, p, r)); break
    for p in wit:
        r = fl(*p)
        if not (isinstance(r, str) or abs(r) > mpf(10)**-20):
            bad.append(("false twin holds at witness", nm, p, r))
print("verified %d pairs; problems: %d" % (len(names) - sum(1 for b in bad if b[0] == "unverified"), len(bad)))
for b in bad: print(b)
