import os, sys
OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)
def q(s): return "'" + s.replace("'", "''") + "'"
P = []
def pair(name, true, false, pre=(), symbols=None, defs=None, cls=""):
    P.append(dict(name=name, true=true, false=false, pre=list(pre), symbols=symbols, defs=defs, cls=cls))
def render(p, which):
    L = ['title: "%s (%s twin)"' % (p["name"], which)]
    if p["symbols"]:
        L.append("symbols:")
        for k, v in p["symbols"].items(): L.append("  %s: %s" % (k, v))
    if p["defs"]:
        L.append("definitions:")
        for k, v in p["defs"].items(): L.append("  %s: %s" % (k, q(v)))
    L.append("steps:")
    for s in p["pre"]: L.append("  - " + q(s))
    line = p["true"] if which == "true" else p["false"]
    L.append("  - " + q(line) + ("   # expect: failed" if which == "false" else ""))
    return "\n".join(L) + "\n"
POS = "{positive: true}"; NN = "{nonnegative: true}"; PI = "{integer: true, positive: true}"
INT = "{integer: true}"; NNI = "{integer: true, nonnegative: true}"; FN = "function"

# ---- class A: inverse-function superscripts on reciprocal trig (neighbours of attack16 §1)
pair("arcsec_superscript", r"\sec^{-1}(2) = \frac{\pi}{3}", r"\sec^{-1}(2) = \cos(2)", cls="A fn-superscript")
pair("arccot_superscript", r"\cot^{-1}(1) = \frac{\pi}{4}", r"\cot^{-1}(1) = \tan(1)", cls="A fn-superscript")
pair("arccsc_superscript", r"\csc^{-1}(2) = \frac{\pi}{6}", r"\csc^{-1}(2) = \sin(2)", cls="A fn-superscript")
pair("sin_minus_two_power", r"\sin^{2}(x) + \cos^{2}(x) = 1", r"\sin^{-2}(x) \sin^{2}(x) = \arcsin(x)^{-2} \sin(x)^2", cls="A fn-superscript")
pair("arsinh_superscript", r"\sinh^{-1}(x) = \ln(x + \sqrt{x^2 + 1})", r"\sinh^{-1}(x) = \ln(x + \sqrt{x^2 - 1})", cls="A fn-superscript")
pair("tan_inverse_power_after", r"\tan^{-1}(x)^2 = \arctan(x)^2", r"\tan^{-1}(x)^2 = \frac{1}{\tan(x)^2}", cls="A fn-superscript")
pair("cos_squared_arg_power", r"\cos^2 x^2 = \cos(x^2)^2", r"\cos^2 x^2 = \cos(x)^4", cls="A fn-superscript")
pair("ln_squared_vs_ln_of_square", r"\ln^2 x = \ln(x) \ln(x)", r"\ln^2 x = 2\ln(x)", symbols={"x": POS}, cls="A fn-superscript")

# ---- class B: typographic variants
pair("unicode_minus_exponent", "e^{−x} e^{x} = 1", "e^{−x} e^{x} = e^{2x}", cls="B typography")
pair("caret_minus_unbraced", r"2^{-1} = \frac{1}{2}", r"2^-1 = -2", cls="B typography")
pair("slash_left_assoc", r"8/4/2 = 1", r"8/4/2 = 4", cls="B typography")
pair("div_left_assoc", r"12 \div 3 \cdot 2 = 8", r"12 \div 3 \cdot 2 = 2", cls="B typography")
pair("tower_power_braced", r"2^{2^{3}} = 256", r"2^{2^{3}} = 64", cls="B typography")
pair("thin_negative_space_power", r"\left(\frac{x}{2}\right)^{\!2} = \frac{x^2}{4}", r"\left(\frac{x}{2}\right)^{\!2} = \frac{x^2}{2}", cls="B typography")
pair("dfrac_tfrac_mix", r"\dfrac{1}{\tfrac{1}{x} + \tfrac{1}{y}} = \frac{xy}{x + y}", r"\dfrac{1}{\tfrac{1}{x} + \tfrac{1}{y}} = x + y", symbols={"x, y": POS}, cls="B typography")
pair("lvert_rvert_abs", r"\lvert x \rvert^2 = x^2", r"\lvert x \rvert = x", cls="B typography")
pair("times_vs_cdot", r"(x + 1) \times (x - 1) = x^2 - 1", r"(x + 1) \times (x - 1) = x^2 + 1", cls="B typography")
pair("unicode_pi_constant", r"\sin(π) + x = x", r"\cos(π) + x = x + 1", cls="B typography")
pair("unicode_cdot_sqrt", r"√4 · x = 2x", r"√4 · x = 4x", cls="B typography")
pair("operatorname_exp", r"\operatorname{exp}(\ln 3) = 3", r"\operatorname{exp}(\ln 3) = e", cls="B typography")
pair("mathrm_e_euler", r"\mathrm{e}^{\ln 2} = 2", r"\mathrm{e}^{\ln 2} = \ln 2", cls="B typography")
pair("frac_digits_then_letter", r"\frac12x + \frac12x = x", r"\frac12x + \frac12x = \frac{1}{x}", cls="B typography")
pair("sqrt_power_outside", r"\sqrt{x}^{2} = x", r"\sqrt{x}^{2} = |x|", symbols={"x": POS}, cls="B typography")

# ---- class C: real powers of negative symbols (odd denominators)
pair("symbol_cube_root_odd", r"x^{1/3} = \sqrt[3]{x}", r"x^{1/3} = |x|^{1/3}", cls="C real-powers")
pair("symbol_two_thirds", r"x^{2/3} = \sqrt[3]{x^2}", r"x^{2/3} = -\sqrt[3]{x^2}", cls="C real-powers")
pair("symbol_three_fifths", r"x^{3/5} = \sqrt[5]{x}^3", r"x^{3/5} = \sqrt[5]{|x|}^3", cls="C real-powers")
pair("decimal_exponent_root", r"x^{0.5} x^{0.5} = x", r"x^{0.5} x^{0.5} = |x|", symbols={"x": POS}, cls="C real-powers")
pair("neg_base_reduced_exponent", r"(-8)^{2/3} = 4", r"(-8)^{2/3} = -4", cls="C real-powers")

# ---- class D: domains / declarations
pair("nonneg_sign_at_zero", r"\operatorname{sign}(x)^2 = \operatorname{sign}(x)", r"\operatorname{sign}(x) = 1", symbols={"x": NN}, cls="D domains")
pair("integer_floor_negative_odd", r"\lfloor \frac{n}{2} \rfloor + \lceil \frac{n}{2} \rceil = n", r"\lfloor \frac{n}{2} \rfloor = \operatorname{sign}(n) \lfloor \frac{|n|}{2} \rfloor", symbols={"n": INT}, cls="D domains")
pair("integer_abs_negative", r"|n|^2 = n^2", r"|n| = n", symbols={"n": INT}, cls="D domains")
pair("nonneg_int_alt_binom_n0", r"\sum_{k=0}^{n} (-1)^k \binom{n}{k} = 0^n", r"\sum_{k=0}^{n} (-1)^k \binom{n}{k} = 0", symbols={"n": NNI}, cls="D domains")
pair("sqrt_product_real", r"\sqrt{x}\sqrt{y} = \sqrt{xy}", r"\sqrt{x}\sqrt{y} = \sqrt{xy}", symbols={"x": POS}, cls="D domains")
pair("nonneg_tiny_shift_abs", r"\sqrt{(x + e^{-9})^2} = x + e^{-9}", r"\sqrt{(x - e^{-9})^2} = x - e^{-9}", symbols={"x": NN}, cls="D domains")
pair("integer_binom_negative", r"\binom{n}{2} = \frac{n(n-1)}{2}", r"\binom{n}{2} = \frac{|n|(|n|-1)}{2}", symbols={"n": INT}, cls="D domains")
pair("integer_power_neg_one_negative", r"(-1)^{n} = (-1)^{-n}", r"(-1)^{n} = (-1)^{|n| + 1}", symbols={"n": INT}, cls="D domains")

# ---- class E: sampling blind spots
pair("poly_roots_integer", r"\lfloor \frac{1}{(n^2 - 30n + 226)^2 + 1} \rfloor = \lfloor \frac{1}{(n^2 - 30n + 226)^2 + 2} \rfloor", r"\lfloor \frac{1}{(n^2 - 30n + 221)^2 + 1} \rfloor = 0", symbols={"n": PI}, cls="E sampling")
pair("near_integer_below", r"\lfloor x + \frac{1}{10^6 + 1} \rfloor \ge 0 + \lfloor x \rfloor", r"\lfloor x + \frac{1}{10^6 + 1} \rfloor = \lfloor x \rfloor", cls="E sampling")
pair("floor_plus_floor_neg_at_integers", r"\lfloor x \rfloor + \lfloor -x \rfloor = \lfloor x \rfloor - \lceil x \rceil", r"\lfloor x \rfloor + \lfloor -x \rfloor = -1", cls="E sampling")
pair("hidden_scale_sinh", r"\min(x, \sinh(e^3)) = \frac{x + \sinh(e^3) - |x - \sinh(e^3)|}{2}", r"\min(x, \sinh(e^3)) = x", cls="E sampling")
pair("hidden_tiny_tanh", r"\max(x, 1 - \tanh(9)) = \frac{x + 1 - \tanh(9) + |x - 1 + \tanh(9)|}{2}", r"\max(x, 1 - \tanh(9)) = x", symbols={"x": POS}, cls="E sampling")
pair("hidden_size_pi_power", r"\min(n, \lfloor \pi^6 \rfloor) = \frac{n + 961 - |n - 961|}{2}", r"\min(n, \lfloor \pi^6 \rfloor) = n", symbols={"n": PI}, cls="E sampling")
pair("narrow_quadratic_window", r"\begin{cases} 1 & x^2 - 5x + 6.2499 < 0 \\ 0 & \text{otherwise} \end{cases} = \begin{cases} 1 & |x - 2.5| < 0.01 \\ 0 & \text{otherwise} \end{cases}", r"\begin{cases} 1 & x^2 - 5x + 6.2499 < 0 \\ 0 & \text{otherwise} \end{cases} = 0", cls="E sampling")
pair("sign_window_pi", r"\operatorname{sign}(x - \pi) = \operatorname{sign}(x - \pi)", r"\lfloor x - \pi \rfloor = \lfloor x - 3.1416 \rfloor", cls="E sampling")
pair("large_integer_digits", r"\lfloor \log_{10}(n) \rfloor \cdot 0 = 0", r"\lfloor \frac{\ln(n)}{\ln(10) \cdot 3} \rfloor = 0", symbols={"n": PI}, cls="E sampling")
pair("cos_product_rare", r"\lfloor \cos(\frac{2\pi n}{7}) \cos(\frac{2 \pi n}{11}) \rfloor \ge -1", r"\lfloor \cos(\frac{2\pi n}{7}) \cos(\frac{2\pi n}{11}) \rfloor = \lfloor \cos(\frac{2\pi n}{7}) \rfloor", symbols={"n": PI}, cls="E sampling")
pair("factorial_growth_threshold", r"\min(n!, 10^{6}) = \frac{n! + 10^6 - |n! - 10^6|}{2}", r"\min(n!, 2^{20}) = n!", symbols={"n": PI}, cls="E sampling")

# ---- class F: derivatives (chain rule through abstract functions etc.)
pair("chain_abstract_square_arg", r"\frac{d}{dx} f(x^2) = 2x f'(x^2)", r"\frac{d}{dx} f(x^2) = 2x f'(x)", symbols={"f": FN}, cls="F derivatives")
pair("chain_abstract_scaled", r"\frac{d}{dx} f(2x) = 2 f'(2x)", r"\frac{d}{dx} f(2x) = f'(2x)", symbols={"f": FN}, cls="F derivatives")
pair("chain_abstract_second_order", r"\frac{d^2}{dx^2} f(3x) = 9 f''(3x)", r"\frac{d^2}{dx^2} f(3x) = 3 f''(3x)", symbols={"f": FN}, cls="F derivatives")
pair("chain_two_abstract", r"\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)", r"\frac{d}{dx} f(g(x)) = f'(x) g'(x)", symbols={"f, g": FN}, cls="F derivatives")
pair("defined_prime_at_expression", r"g'(\sin x) = 2 \sin x", r"g'(\sin x) = 2 \sin x \cos x", defs={"g(t)": "t^2"}, cls="F derivatives")
pair("defined_composite_derivative", r"\frac{d}{dx} g(\sin x) = 2 \sin x \cos x", r"\frac{d}{dx} g(\sin x) = 2 \sin x", defs={"g(t)": "t^2"}, cls="F derivatives")
pair("partial_two_arg_abstract_diag", r"\frac{d}{dx} (f(x) g(x)) = f'(x) g(x) + f(x) g'(x)", r"\frac{d}{dx} (f(x) g(x)) = f'(x) g'(x)", symbols={"f, g": FN}, cls="F derivatives")
pair("partial_subscript_squared", r"\partial_x \partial_y (x^2 y^3) = 6 x y^2", r"\partial_x \partial_y (x^2 y^3) = 6 x^2 y", cls="F derivatives")
pair("partial_sub_power", r"\frac{\partial^2}{\partial x^2} x^3 y = 6 x y", r"\partial_x^2 (x^3 y) = 9 x^4 y^2", cls="F derivatives")
pair("symbolic_order_derivative", r"\frac{d^{3}}{dx^{3}} e^{2x} = 8 e^{2x}", r"\frac{d^{n}}{dx^{n}} e^{2x} = 2 n e^{2x}", symbols={"n": PI}, cls="F derivatives")
pair("derivative_sin_of_square", r"\frac{d}{dx} \sin x^2 = 2x \cos x^2", r"\frac{d}{dx} \sin x^2 = 2 \sin x \cos x", cls="F derivatives")
pair("prime_of_defined_at_number", r"h'(2) = 12", r"h'(2) = 8", defs={"h(t)": "t^3"}, cls="F derivatives")
pair("derivative_inverse_trig", r"\frac{d}{dx} \tan^{-1}(x) = \frac{1}{1 + x^2}", r"\frac{d}{dx} \tan^{-1}(x) = -\frac{1 + \tan(x)^2}{\tan(x)^2}", cls="F derivatives")
pair("derivative_wrt_sum_index_clash", r"\frac{\partial}{\partial x_j} \sum_{k=1}^{n} x_k^2 = 2 x_j", r"\frac{\partial}{\partial x_j} \sum_{k=1}^{n} x_k^2 = 2 \sum_{k=1}^{n} x_k", symbols={"n": PI, "x": "vector", "j, k": "{kind: index, range: [1, n]}"}, cls="F derivatives")
pair("derivative_abstract_inverse_like", r"\frac{d}{dx} \frac{1}{f(x)} = -\frac{f'(x)}{f(x)^2}", r"\frac{d}{dx} \frac{1}{f(x)} = \frac{1}{f'(x)}", symbols={"f": FN}, cls="F derivatives")

# ---- class G: definitions (substitution capture)
pair("def_swap_arguments", r"h(y, x) = y - x", r"h(y, x) = 0", defs={"h(x, y)": "x - y"}, cls="G definitions")
pair("def_param_is_free_symbol", r"g(y) = 2y", r"g(y) = y", defs={"g(x)": "x + y"}, cls="G definitions")
pair("def_three_cycle", r"k(z, x, y) = z + 2x + 3y", r"k(z, x, y) = x + 2y + 3z", defs={"k(x, y, z)": "x + 2y + 3z"}, cls="G definitions")
pair("def_family_shifted_index", r"p_{m+1} = (m+1)^2", r"p_{m+1} = m^2 + 1", symbols={"m": PI}, defs={"p_k": "k^2"}, cls="G definitions")
pair("def_name_then_function_param", r"F(2) = 4 + a", r"F(2) = 2 + a", defs={"a": "3", "F(t)": "t^2 + a"}, cls="G definitions")

# ---- class H: sums / products
pair("sum_shadow_declared_index", r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}", r"\sum_{i=1}^{n} i = n i", symbols={"n": PI, "i": "{kind: index, range: [1, n]}"}, cls="H sums")
pair("sum_outer_factor_same_letter", r"i \sum_{i=1}^{n} 1 = n i", r"i \sum_{i=1}^{n} 1 = \sum_{i=1}^{n} i", symbols={"n": PI, "i": "{kind: index, range: [1, n]}"}, cls="H sums")
pair("sum_floor_upper_bound", r"\sum_{k=1}^{\lfloor n/2 \rfloor} 1 = \lfloor \frac{n}{2} \rfloor", r"\sum_{k=1}^{\lfloor n/2 \rfloor} 1 = \frac{n}{2}", symbols={"n": PI}, cls="H sums")
pair("sum_alternating_odd_top", r"\sum_{k=0}^{2n} (-1)^k = 1", r"\sum_{k=0}^{2n+1} (-1)^k = 1", symbols={"n": NNI}, cls="H sums")
pair("sum_telescoping_fraction", r"\sum_{k=1}^{n} \frac{1}{k(k+1)} = 1 - \frac{1}{n+1}", r"\sum_{k=1}^{n} \frac{1}{k(k+1)} = 1 - \frac{1}{n}", symbols={"n": PI}, cls="H sums")
pair("product_from_zero", r"\prod_{k=0}^{n} k = 0", r"\prod_{k=1}^{n} k = 0", symbols={"n": PI}, cls="H sums")
pair("infinite_geometric_half", r"\sum_{k=0}^{\infty} \frac{1}{2^k} = 2", r"\sum_{k=0}^{\infty} \frac{1}{2^k} = 1", cls="H sums")
pair("infinite_geometric_divergent", r"\sum_{k=0}^{\infty} \left(\frac{x}{x^2 + 1}\right)^k = \frac{x^2 + 1}{x^2 - x + 1}", r"\sum_{k=0}^{\infty} x^k = \frac{1}{1 - x}", cls="H sums")
pair("basel", r"\sum_{k=1}^{\infty} \frac{1}{k^2} = \frac{\pi^2}{6}", r"\sum_{k=1}^{\infty} \frac{1}{k^2} = \frac{\pi^2}{8}", cls="H sums")
pair("alternating_harmonic", r"\sum_{k=1}^{\infty} \frac{(-1)^{k+1}}{k} = \ln 2", r"\sum_{k=1}^{\infty} \frac{(-1)^{k+1}}{k} = \ln 3", cls="H sums")
pair("exp_series", r"\sum_{k=0}^{\infty} \frac{x^k}{k!} = e^x", r"\sum_{k=1}^{\infty} \frac{x^k}{k!} = e^x", cls="H sums")
pair("sum_index_in_bound_shadow", r"\sum_{k=1}^{n} \sum_{j=1}^{k} 1 = \frac{n(n+1)}{2}", r"\sum_{k=1}^{n} \sum_{k=1}^{k} 1 = n^2", symbols={"n": PI}, cls="H sums")
pair("prod_ratio_telescoping", r"\prod_{k=1}^{n} \frac{k+1}{k} = n + 1", r"\prod_{k=1}^{n} \frac{k+1}{k} = n", symbols={"n": PI}, cls="H sums")
pair("sum_geometric_removable", r"\sum_{k=0}^{n} 2^k = 2^{n+1} - 1", r"\sum_{k=0}^{n} 2^k = 2^{n+1}", symbols={"n": NNI}, cls="H sums")
pair("sum_negative_upper_integer", r"\sum_{k=1}^{m} 1 = \max(m, 0)", r"\sum_{k=1}^{m} 1 = m", symbols={"m": INT}, cls="H sums")

# ---- class I: special functions
pair("erf_odd", r"\operatorname{erf}(-x) = -\operatorname{erf}(x)", r"\operatorname{erf}(-x) = \operatorname{erf}(x)", cls="I special")
pair("erf_far_saturation", r"\operatorname{erf}(x)^2 \le 1 + 0 \cdot x", r"\lfloor \operatorname{erf}(x) \rfloor = 0", symbols={"x": POS}, cls="I special")
pair("asin_plus_acos", r"\arcsin(x) + \arccos(x) = \frac{\pi}{2}", r"\arcsin(x) - \arccos(x) = \frac{\pi}{2}", cls="I special")
pair("arctan_sum_positive", r"\arctan(x) + \arctan(\frac{1}{x}) = \frac{\pi}{2}", r"\arctan(x) + \arctan(\frac{1}{x}) = \frac{\pi}{4}", symbols={"x": POS}, cls="I special")
pair("cosh_sinh_identity", r"\cosh^2 x - \sinh^2 x = 1", r"\cosh^2 x + \sinh^2 x = 1", cls="I special")
pair("sech_definition", r"\operatorname{sech}^2(x) = 1 - \tanh^2(x)", r"\operatorname{sech}^2(x) = \tanh^2(x) - 1", cls="I special")
pair("log_base_e_subscript", r"\log_e x = \ln x", r"\log_e x = \log_{10} x", symbols={"x": POS}, cls="I special")
pair("log_two_of_eight", r"\log_2 8 = 3", r"\log_2 8 = 4", cls="I special")
pair("arcsin_sin_far", r"\arcsin(\sin(x)) = \arcsin(\sin(x))", r"\arcsin(\sin(x)) = x", cls="I special")
pair("tanh_via_exp", r"\tanh(x) = 1 - \frac{2}{e^{2x} + 1}", r"\tanh(x) = 1 - \frac{2}{e^{2x} - 1}", cls="I special")

# ---- class J: names that mean two things
pair("pi_declared_symbol", r"\pi + 1 - 1 = \pi", r"\sin(\pi) = 0", symbols={"pi": POS}, cls="J names")
pair("e_declared_exp_one", r"\exp(1) + e = e + \exp(1)", r"\exp(1) = e", symbols={"e": POS}, cls="J names")
pair("gamma_declared_scalar", r"\Gamma (n + 1) = n \Gamma + \Gamma", r"\Gamma (n + 1) = n!", symbols={"Gamma": POS, "n": PI}, cls="J names")
pair("i_declared_index_power", r"\sum_{i=1}^{n} 2^i = 2^{n+1} - 2", r"\sum_{i=1}^{n} 2^i = 2^{n+1} - 1", symbols={"n": PI}, cls="J names")
pair("E_not_euler", r"E^{2} = E E", r"E^{\ln 2} = 2", cls="J names")
pair("ell_vs_l", r"\ell + l = l + \ell", r"\ell - l = 0", cls="J names")

# ---- class K: piecewise / cases in YAML
P[:] = [p for p in P if p["name"] not in ("sqrt_product_real", "cos_product_rare", "sin_minus_two_power")]
for p in P:
    if p["name"] == "erf_far_saturation":
        p["true"] = r"\lfloor \operatorname{erf}(x) \rfloor = 0"; p["false"] = r"\lfloor \operatorname{erf}(x) + e^{-x^2} \rfloor = 0"
    if p["name"] == "near_integer_below":
        p["true"] = r"\lfloor x + 1 \rfloor = \lfloor x \rfloor + 1"
    if p["name"] == "large_integer_digits":
        p["true"] = r"\lfloor \frac{\ln(n)}{\ln(10) \cdot 3} \rfloor = \lfloor \frac{\ln(n)}{\ln(1000)} \rfloor"


# ---- fixes of my own first draft (both twins were true)
for p in P:
    if p["name"] == "decimal_exponent_root":
        p["symbols"] = None
    if p["name"] == "sqrt_power_outside":
        p["symbols"] = None
    if p["name"] == "symbolic_order_derivative":
        p["true"] = r"\frac{d^{n}}{dx^{n}} e^{2x} = 2^n e^{2x}"; p["false"] = r"\frac{d^{n}}{dx^{n}} e^{2x} = 2 n e^{2x}"

# ---- class M: symbolic derivative order (\frac{d^n}{dx^n})
pair("dn_operator_pull_out_x", r"\frac{d^{n}}{dx^{n}} x^{n+1} = (n+1)! \, x", r"\frac{d^{n}}{dx^{n}} x^{n+1} = x \frac{d^{n}}{dx^{n}} x^{n}", symbols={"n": PI}, cls="M symbolic-order")
pair("dn_mathrm_operator_pull_out_x", r"\frac{\mathrm{d}^{n}}{\mathrm{d}x^{n}} x^{n+1} = (n+1)! \, x", r"\frac{\mathrm{d}^{n}}{\mathrm{d}x^{n}} x^{n+1} = x \frac{\mathrm{d}^{n}}{\mathrm{d}x^{n}} x^{n}", symbols={"n": PI}, cls="M symbolic-order")
pair("dn_quotient_defined_name", r"\frac{d^{n} y}{dx^{n}} = (n+1)! \, x", r"\frac{d^{n} y}{dx^{n}} = x \frac{d^{n}}{dx^{n}} x^{n}", symbols={"n": PI}, defs={"y": "x^{n+1}"}, cls="M symbolic-order")
pair("dn_order_above_degree", r"\frac{d^{n+1}}{dx^{n+1}} x^{n} = 0", r"\frac{d^{n+1}}{dx^{n+1}} x^{n} = n!", symbols={"n": PI}, cls="M symbolic-order")
pair("dn_even_order_power", r"\frac{d^{2n}}{dx^{2n}} x^{2n} = (2n)!", r"\frac{d^{2n}}{dx^{2n}} x^{2n} = (2n)! \, x", symbols={"n": PI}, cls="M symbolic-order")
pair("dn_order_k_exp_t", r"\frac{d^{k}}{dt^{k}} e^{t} = e^{t}", r"\frac{d^{k}}{dt^{k}} e^{t} = k e^{t}", symbols={"k": PI}, cls="M symbolic-order")
pair("dn_order_sum_index", r"\sum_{k=1}^{3} \frac{d^{k}}{dx^{k}} x^3 = 3x^2 + 6x + 6", r"\sum_{k=1}^{3} \frac{d^{k}}{dx^{k}} x^3 = 3x^2 + 6x", cls="M symbolic-order")

# ---- class E (more): constants hidden from the size and scale samplers
for nm, c in (("hidden_size_tower", r"2^{2^{3}}"), ("hidden_size_factorial", r"5!"), ("hidden_size_ceil_pi", r"\lceil 100 \pi \rceil"),
              ("hidden_size_product", r"10 \cdot 10"), ("hidden_size_floor_exp", r"\lfloor e^{5} \rfloor")):
    pair(nm, r"\min(n, %s) = \min(%s, n)" % (c, c), r"\min(n, %s) = n" % c, symbols={"n": PI}, cls="E sampling")
pair("hidden_size_sum_bound", r"\lfloor \frac{n}{\sum_{k=1}^{20} k} \rfloor = \lfloor \frac{n}{210} \rfloor", r"\lfloor \frac{n}{\sum_{k=1}^{20} k} \rfloor = 0", symbols={"n": PI}, cls="E sampling")
pair("hidden_scale_factorial", r"\lfloor \frac{x^2}{20!} \rfloor = \lfloor \frac{x^2}{2432902008176640000} \rfloor", r"\lfloor \frac{x^2}{20!} \rfloor = 0", cls="E sampling")
pair("hidden_scale_exp_thirty", r"\lfloor \frac{|x|}{e^{30}} \rfloor = \lfloor |x| e^{-30} \rfloor", r"\lfloor \frac{|x|}{e^{30}} \rfloor = 0", cls="E sampling")
pair("scale_square_root_of_constant", r"\lfloor \frac{x^2}{10^{40}} \rfloor = \lfloor (\frac{x}{10^{20}})^2 \rfloor", r"\lfloor \frac{x^2}{10^{40}} \rfloor = 0", cls="E sampling")
pair("tiny_scale_through_log", r"\max(\ln(x), -70) = \max(-70, \ln(x))", r"\max(\ln(x), -70) = \ln(x)", symbols={"x": POS}, cls="E sampling")

# ---- class H (more): divergent series sampled only where they converge
pair("series_scaled_divergent", r"\sum_{k=0}^{\infty} \left(\frac{x}{x^2 + 1}\right)^k = \frac{x^2 + 1}{x^2 - x + 1}", r"\sum_{k=0}^{\infty} (2x)^k = \frac{1}{1 - 2x}", cls="H sums")
pair("series_positive_divergent", r"\sum_{k=0}^{\infty} \left(\frac{x}{x + 1}\right)^k = x + 1", r"\sum_{k=0}^{\infty} x^k = \frac{1}{1 - x}", symbols={"x": POS}, cls="H sums")

# ---- class K (more): commas in cases rows
pair("cases_comma_rows", r"\begin{cases} 1, & x > 0 \\ 0, & \text{otherwise} \end{cases} = \max(\operatorname{sign}(x), 0)", r"\begin{cases} 1, & x > 0 \\ 0, & \text{otherwise} \end{cases} = \operatorname{sign}(x)", cls="K cases")

pair("defined_symbolic_order_label", r"g^{(n)}(x) = 2^n e^{2x}", r"g^{(n)}(x) = g(n x)", symbols={"n": PI}, defs={"g(t)": "e^{2t}"}, cls="M symbolic-order")
pair("dn_letter_fraction_sine", r"\frac{d^{m}}{dx^{m}} \sin(x) = \sin(x + \frac{m \pi}{2})", r"\frac{d^{m}}{dx^{m}} \sin(x) = \frac{\sin(x)}{x^m} d^{m-1}", symbols={"m": PI}, cls="M symbolic-order")
RECLS = {"N series": ["infinite_geometric_half", "infinite_geometric_divergent", "basel", "alternating_harmonic", "exp_series", "series_scaled_divergent", "series_positive_divergent"],
         "O hidden constants": ["hidden_scale_sinh", "hidden_tiny_tanh", "hidden_size_pi_power", "large_integer_digits", "factorial_growth_threshold", "hidden_size_tower", "hidden_size_factorial", "hidden_size_ceil_pi", "hidden_size_product", "hidden_size_floor_exp", "hidden_size_sum_bound", "hidden_scale_factorial", "hidden_scale_exp_thirty", "scale_square_root_of_constant", "tiny_scale_through_log"]}
for c, names in RECLS.items():
    for p in P:
        if p["name"] in names: p["cls"] = c

pair("window_between_pi_and_constant", r"\lfloor x - \pi \rfloor + 1 = \lfloor x - \pi + 1 \rfloor", r"\lfloor x - \pi \rfloor = \lfloor x - 3.2 \rfloor", cls="E sampling")
pair("zero_only_with_other_zero", r"x \operatorname{sign}(y)^2 = x |\operatorname{sign}(y)|", r"x \operatorname{sign}(y)^2 = x", cls="E sampling")

pair("dn_two_digit_order", r"\frac{d^{10}}{dx^{10}} x^{11} = 11! \, x", r"\frac{d^{10}}{dx^{10}} x^{11} = x \frac{d^{10}}{dx^{10}} x^{10}", cls="M symbolic-order")
pair("dn_two_digit_order_exp", r"\frac{d^{12}}{dx^{12}} e^{2x} = 4096 e^{2x}", r"\frac{d^{12}}{dx^{12}} e^{2x} = \frac{d^{11}}{x^{12}} e^{2x}", cls="M symbolic-order")

RAW = []  # (name, ext, template with @@ for the slipped line, true, false, cls)
def raw(name, ext, tpl, true, false, cls):
    RAW.append(dict(name=name, ext=ext, tpl=tpl, true=true, false=false, cls=cls))

# ---- class K: YAML cases
raw("case_chain_condition", "yaml", """steps:
  - '\\lfloor x \\rfloor + \\lceil x \\rceil'
cases:
  - when: 0 < x < 1
    steps:
@@
""", "      - '= 1'", "      - '= 0'   # expect: failed", "K cases")
raw("case_square_condition_negatives", "yaml", """steps:
  - '\\lfloor x^2 \\rfloor + \\lfloor x \\rfloor'
cases:
  - when: x^2 < 1
    steps:
@@
""", "      - '= \\lfloor x \\rfloor'", "      - '= 0'   # expect: failed", "K cases")
raw("case_even_substitution", "yaml", """symbols:
  m: {integer: true}
  n: {integer: true}
steps:
  - '(-1)^n + 1'
cases:
  - when: n = 2m
    steps:
@@
""", "      - '= 2'", "      - '= 0'   # expect: failed", "K cases")
raw("case_odd_substitution", "yaml", """symbols:
  m: {integer: true}
  n: {integer: true}
steps:
  - '\\cos(\\pi n)'
cases:
  - when: n = 2m + 1
    steps:
@@
""", "      - '= -1'", "      - '= 1'   # expect: failed", "K cases")
raw("case_nested_interval", "yaml", """steps:
  - '\\lfloor x \\rfloor'
cases:
  - when: x > 1
    cases:
      - when: x < 2
        steps:
@@
      - when: x \\ge 2
        steps:
          - '= \\lfloor x \\rfloor'
""", "          - '= 1'", "          - '= 2'   # expect: failed", "K cases")
raw("case_condition_on_expression_neq", "yaml", """steps:
  - '\\frac{|x - 1|}{x - 1}'
cases:
  - when: x - 1 > 0
    steps:
@@
""", "      - '= 1'", "      - '= -1'   # expect: failed", "K cases")
raw("case_ge_boundary_value", "yaml", """steps:
  - '\\max(x, 2) - 2'
cases:
  - when: x \\le 2
    steps:
@@
""", "      - '= 0'", "      - '= x - 2'   # expect: failed", "K cases")
raw("cases_piecewise_gap_sign", "yaml", """steps:
@@
""", "  - '\\begin{cases} 1 & x > 0 \\\\ 0 & x = 0 \\\\ -1 & x < 0 \\end{cases} = \\operatorname{sign}(x)'",
     "  - '\\begin{cases} 1 & x \\ge 0 \\\\ -1 & x < 0 \\end{cases} = \\operatorname{sign}(x)'   # expect: failed", "K cases")
raw("cases_condition_other_symbol_zero", "yaml", """steps:
@@
""", "  - '\\begin{cases} x & y > 0 \\\\ 0 & y = 0 \\\\ -x & y < 0 \\end{cases} = x \\operatorname{sign}(y)'",
     "  - '\\begin{cases} x & y \\ge 0 \\\\ -x & y < 0 \\end{cases} = x \\operatorname{sign}(y)'   # expect: failed", "K cases")
raw("cases_rows_reordered_overlap", "yaml", """steps:
@@
""", "  - '\\begin{cases} x^2 & x < 1 \\\\ x & x < 2 \\\\ 2 & \\text{otherwise} \\end{cases} = \\begin{cases} x^2 & x < 1 \\\\ x & 1 \\le x < 2 \\\\ 2 & x \\ge 2 \\end{cases}'",
     "  - '\\begin{cases} x^2 & x < 1 \\\\ x & x < 2 \\\\ 2 & \\text{otherwise} \\end{cases} = \\begin{cases} x & x < 2 \\\\ x^2 & x < 1 \\\\ 2 & \\text{otherwise} \\end{cases}'   # expect: failed", "K cases")

# ---- class L: notes
raw("md_prose_assumption_leaks_section", "md", """# Part one

For $x > 0$ we have

$$ \\sqrt{x^2} $$

$$ = x $$

# Part two

For every real $y$,

$$ \\sqrt{(y - 3)^2} $$

@@
""", "$$ = |y - 3| $$", "$$ = y - 3 $$ <!-- expect: failed -->", "L notes")
raw("md_redefinition_second_section", "md", """# First

Let $f(x) = x^2$.

$$ \\frac{d}{dx} f(x) $$

$$ = 2x $$

# Second

Now let $f(x) = x^3$.

$$ \\frac{d}{dx} f(x) $$

@@
""", "$$ = 3x^2 $$", "$$ = 2x $$ <!-- expect: failed -->", "L notes")
raw("md_positive_integer_prose_lemma", "md", """# Lemma

Let $n$ be a positive integer.

$$ \\sum_{k=1}^{n} 1 $$

$$ = n $$

# General sums

For any integer $m$ (it may be negative),

$$ \\sum_{k=1}^{m} 1 $$

@@
""", "$$ = \\max(m, 0) $$", "$$ = m $$ <!-- expect: failed -->", "L notes")
raw("md_aligned_env", "md", """# Squares

$$
\\begin{aligned}
(a + b)^2 - (a - b)^2 &= 4ab + 0 \\\\
@@
\\end{aligned}
$$
""", "&= 2ab + 2ab", "&= 2ab + 2b % <!-- expect: failed -->", "L notes")
raw("md_bracket_display", "md", """# Cubes

\\[ (x + 1)^3 \\]

@@
""", "\\[ = x^3 + 3x^2 + 3x + 1 \\]", "\\[ = x^3 + 3x^2 + 3x + 3 \\] <!-- expect: failed -->", "L notes")
raw("md_otherwise_two_cases", "md", """# Clipping

$$ \\min(\\max(x, 0), 1) $$

If $x < 0$:

$$ = 0 $$

If $x > 1$:

$$ = 1 $$

Otherwise:

@@
""", "$$ = x $$", "$$ = 1 - x $$ <!-- expect: failed -->", "L notes")
raw("md_where_definition_after_use", "md", """# Chain rule

$$ \\frac{d u}{d x} $$

@@

where $u = \\sin(x^2)$.
""", "$$ = 2x \\cos(x^2) $$", "$$ = \\cos(x^2) $$ <!-- expect: failed -->", "L notes")
raw("md_similarly_new_chain", "md", """# Derivatives

$$ \\frac{d}{dx} \\sin(x) $$

$$ = \\cos(x) $$

Similarly,

$$ \\frac{d}{dx} \\cos(x) $$

@@
""", "$$ = -\\sin(x) $$", "$$ = \\sin(x) $$ <!-- expect: failed -->", "L notes")
raw("md_trailing_condition_row", "md", """# Absolute value

$$ |x| = x, \\quad x > 0 $$

@@
""", "$$ |x| = -x, \\quad x < 0 $$", "$$ |x| = x, \\quad x < 0 $$ <!-- expect: failed -->", "L notes")
raw("md_tag_and_label", "md", """# Tagged

$$ (x - 2)(x + 2) \\tag{1} $$

@@
""", "$$ = x^2 - 4 \\label{eq:two} $$", "$$ = x^2 + 4 \\label{eq:two} $$ <!-- expect: failed -->", "L notes")
raw("md_unicode_minus_notes", "md", """# Unicode

$$ (x − 1)(x + 1) $$

@@
""", "$$ = x² − 1 $$", "$$ = x² + 1 $$ <!-- expect: failed -->", "L notes")
raw("md_math_code_fence", "md", """# Fenced

```math
(x + 2)^2
```

@@
""", "```math\n= x^2 + 4x + 4\n```", "```math\n= x^2 + 4x + 2 % <!-- expect: failed -->\n```", "L notes")

raw("md_redefined_sigmoid_tanh", "md", """# Sigmoid

The sigmoid is $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.

$$ \\sigma'(x) $$

$$ = \\sigma(x)(1 - \\sigma(x)) $$

# Tanh variant

Here the activation is $\\sigma(x) = \\tanh(x)$.

$$ \\sigma'(x) $$

@@
""", "$$ = 1 - \\sigma(x)^2 $$", "$$ = \\sigma(x)(1 - \\sigma(x)) $$ <!-- expect: failed -->", "L notes")
raw("md_redefined_name_let", "md", """# Lemma

Let $z = 2x$.

$$ z^2 $$

$$ = 4x^2 $$

# Other

Now let $z = 3x$.

$$ z^2 $$

@@
""", "$$ = 9x^2 $$", "$$ = 4x^2 $$ <!-- expect: failed -->", "L notes")
raw("md_let_point_value_ignored", "md", """# Power rule

Let $n$ be a positive integer.

$$ \\frac{d}{dx} x^{n} $$

$$ = n x^{n-1} $$

# Another lemma

Let $n = -1$.

$$ \\sum_{k=1}^{n} 1 $$

@@
""", "$$ = 0 $$", "$$ = n $$ <!-- expect: failed -->", "L notes")
raw("md_case_closed_by_heading", "md", """# Absolute value

$$ |x| + 1 $$

If $x > 0$:

$$ = x + 1 $$

# Another

$$ |x| + 2 $$

@@
""", "$$ = |x| + 2 $$", "$$ = x + 2 $$ <!-- expect: failed -->", "L notes")

for p in P:
    for w in ("true", "false"):
        open(os.path.join(OUT, "%s.%s.yaml" % (p["name"], w)), "w").write(render(p, w))
for r in RAW:
    for w in ("true", "false"):
        body = r["tpl"].replace("@@", r[w])
        if r["ext"] == "yaml":
            body = 'title: "%s (%s twin)"\n' % (r["name"], w) + body
        open(os.path.join(OUT, "%s.%s.%s" % (r["name"], w, r["ext"])), "w").write(body)
import json
json.dump({**{p["name"]: p["cls"] for p in P}, **{r["name"]: r["cls"] for r in RAW}}, open(os.path.join(OUT, "classes.json"), "w"), indent=0)
print(len(P) + len(RAW), "pairs")
