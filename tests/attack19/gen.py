#!/usr/bin/env python3
"""Write the attack-19 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))
NN = "symbols:\n  n: {integer: true, nonnegative: true}\n"
NP = "symbols:\n  n: {integer: true, positive: true}\n"
NI = "symbols:\n  n: {integer: true}\n"

# ---- A branches, principal roots, quadrants
pair("cos_arctan_quotient_negative", "A", r"""steps:
  - '\cos\left(\tan^{-1} \frac{y}{x}\right)'
cases:
  - when: x < 0
    steps:
      - @@'= \frac{-x}{\sqrt{x^2 + y^2}}'@@'= \frac{x}{\sqrt{x^2 + y^2}}'@@
""")
pair("arccos_double_angle_negative", "A", r"""steps:
  - '\cos^{-1}(2x^2 - 1)'
cases:
  - when: -1 < x < 0
    steps:
      - @@'= 2\pi - 2\cos^{-1} x'@@'= 2\cos^{-1} x'@@
""")
pair("cube_root_product_reals", "A", r"""steps:
  - '\sqrt[3]{x} \sqrt[3]{y}'
  - @@'= \sqrt[3]{x y}'@@'= \sqrt[3]{|x y|}'@@
""")
pair("power_three_halves_square", "A", r"""steps:
  - '(x^2)^{3/2}'
  - @@'= |x|^3'@@'= x^3'@@
""")
pair("log_ten_half_power", "A", r"""steps:
  - '10^{\frac{1}{2} \log_{10}(x^2)}'
  - @@'= |x|'@@'= x'@@
""")
pair("sqrt_square_difference_ordered", "A", r"""steps:
  - '\sqrt{x^2 - 2xy + y^2}'
cases:
  - when: x < y
    steps:
      - @@'= y - x'@@'= x - y'@@
""")
# ---- B floor / ceil / sign / max / gamma sign
pair("ceil_third_integer", "B", NI + r"""steps:
  - '\lceil \frac{n}{3} \rceil'
  - @@'= \lfloor \frac{n + 2}{3} \rfloor'@@'= \lfloor \frac{n}{3} \rfloor + 1'@@
""")
pair("frac_part_closed_left", "B", r"""steps:
  - 'x - \lfloor x \rfloor'
cases:
  - when: -1 \le x < 0
    steps:
      - @@'= x + 1'@@'= x - \lceil x \rceil + 1'@@
""")
pair("floor_minus_ceil_boundary", "B", r"""steps:
  - '\lfloor x \rfloor - \lceil x \rceil'
cases:
  - when: 1 \le x < 2
    steps:
      - @@'= \begin{cases} 0 & x = 1 \\ -1 & \text{otherwise} \end{cases}'@@'= -1'@@
""")
pair("min_times_sign", "B", r"""steps:
  - '\min(x, 0) \operatorname{sign}(x)'
  - @@'= -\min(x, 0)'@@'= \min(x, 0)'@@
""")
pair("gamma_negative_half", "B", r"""steps:
  - '\Gamma\left(-\frac{1}{2}\right)'
  - @@'= -2\sqrt{\pi}'@@'= 2\sqrt{\pi}'@@
""")
# ---- C gamma / binomial / factorial
pair("central_binom_product_at_zero", "C", NN + r"""steps:
  - '\prod_{k=1}^{n} \frac{2k - 1}{2k}'
  - @@'= \frac{1}{4^n} \binom{2n}{n}'@@'= \frac{1}{2^{2n - 1}} \binom{2n - 1}{n}'@@
""")
pair("binom_sixty_exact", "C", r"""steps:
  - '\binom{60}{30}'
  - @@'= 118264581564861424'@@'= 118264581564861425'@@
""")
pair("gamma_ratio_shift", "C", r"""symbols:
  x: {positive: true}
steps:
  - '\frac{\Gamma(x + 2)}{\Gamma(x)}'
  - @@'= x^2 + x'@@'= (x + 1)^2 - 1'@@
""")
# ---- D sums and products
pair("sum_difference_count_at_zero", "D", NN + r"""steps:
  - '\sum_{k=1}^{n} 1 - \sum_{k=1}^{n-1} 1'
  - @@'= \min(n, 1)'@@'= 1'@@
""")
pair("double_sum_gap_weights", "D", NN + r"""steps:
  - '\sum_{i=1}^{n} \sum_{j=i+1}^{n} (j - i)'
  - @@'= \binom{n + 1}{3}'@@'= \binom{n}{3}'@@
""")
pair("kronecker_double_sum_square", "D", r"""symbols:
  n: {integer: true, positive: true}
  x: vector
steps:
  - '\sum_{i=1}^{n} \sum_{j=1}^{n} \delta_{ij} x_i x_j'
  - @@'= \sum_{k=1}^{n} x_k^2'@@'= \left(\sum_{k=1}^{n} x_k\right)^2'@@
""")
pair("indicator_single_index", "D", NP + r"""steps:
  - '\sum_{k=1}^{n} \mathbb{1}[k = 3]'
  - @@'= \min(\max(n - 2, 0), 1)'@@'= 1'@@
""")
pair("symmetric_shift_square", "D", NN + r"""steps:
  - '\sum_{k=-n}^{n} (k + 1)^2'
  - @@'= \frac{(n + 1)(n + 2)(2n + 3)}{6} + \frac{(n - 1) n (2n - 1)}{6}'@@'= \frac{(n + 1)(n + 2)(2n + 3)}{6} + \frac{n (n + 1)(2n + 1)}{6}'@@
""")
pair("subscript_reflected_index", "D", r"""symbols:
  x: vector
steps:
  - '\sum_{k=1}^{3} x_k x_{4-k}'
  - @@'= 2 x_1 x_3 + x_2^2'@@'= x_1 x_3 + x_2^2'@@
""")
pair("alternating_sum_ceil", "D", "# Alternating sum of the first n integers\n\nLet $n$ be a positive integer.\n\n" + r"""$$ \sum_{k=1}^{n} (-1)^k k $$

$$ @@= (-1)^n \left\lceil \frac{n}{2} \right\rceil $$@@= (-1)^n \left\lfloor \frac{n}{2} \right\rfloor $$@@
""", "md")
pair("nested_product_triangle", "D", NN + r"""steps:
  - '\prod_{i=1}^{n} \prod_{j=1}^{i} 2'
  - @@'= 2^{n(n+1)/2}'@@'= 2^{n(n-1)/2}'@@
""")
# ---- E derivatives
pair("abs_cubed_second_derivative", "E", r"""steps:
  - '\frac{d^2}{dx^2} |x|^3'
  - @@'= 6|x|'@@'= 6x'@@
""")
pair("min_square_one_derivative", "E", r"""steps:
  - '\frac{d}{dx} \min(x^2, 1)'
cases:
  - when: -1 < x < 1
    steps:
      - @@'= 2x'@@'= 2|x|'@@
""")
pair("gaussian_third_derivative", "E", "# Third derivative of a Gaussian bump\n\n" + r"""$$ \frac{d^3}{dx^3} e^{-x^2} $$

$$ @@= (12x - 8x^3) e^{-x^2} $$@@= (8x^3 - 12x) e^{-x^2} $$@@
""", "md")
pair("leibniz_fifth_derivative", "E", r"""steps:
  - '\frac{d^{5}}{dx^{5}} x e^{2x}'
  - @@'= (32x + 80) e^{2x}'@@'= (32x + 160) e^{2x}'@@
""")
pair("weight_matrix_partial_indices", "E", r"""symbols:
  W: matrix
  x: vector
  i, j: {kind: index, range: [1, n]}
definitions:
  y_k: \sum_{j=1}^{n} W_{k,j} x_j
  L: \sum_{k=1}^{n} y_k^2
steps:
  - '\frac{\partial L}{\partial W_{i,j}}'
  - @@'= 2 y_i x_j'@@'= 2 y_j x_i'@@
""")
pair("partial_product_one_factor", "E", r"""symbols:
  x: vector
steps:
  - '\frac{\partial}{\partial x_3} \prod_{k=1}^{4} x_k'
  - @@'= x_1 x_2 x_4'@@'= x_1 x_2 x_3'@@
""")
pair("chain_three_defined_names", "E", r"""definitions:
  u: x^2 + 1
  v: \ln u
  f: v^3
steps:
  - '\frac{df}{dx}'
  - @@'= \frac{6x \left(\ln(x^2 + 1)\right)^2}{x^2 + 1}'@@'= \frac{3x \left(\ln(x^2 + 1)\right)^2}{x^2 + 1}'@@
""")
pair("implicit_function_product", "E", r"""symbols:
  y: function
steps:
  - '\frac{d}{dx} x y(x)^2'
  - @@'= y(x)^2 + 2x y(x) y''(x)'@@'= y(x)^2 + 2x y''(x)'@@
""")
pair("floor_times_x_derivative", "E", r"""steps:
  - '\frac{d}{dx} x \lfloor x \rfloor'
cases:
  - when: 2 < x < 3
    steps:
      - @@'= 2'@@'= \lfloor x \rfloor + x'@@
""")
# ---- F case splits, boundaries
pair("nested_cases_abs_product", "F", r"""steps:
  - '\sqrt{x^2 y^2}'
cases:
  - when: x < 0
    cases:
      - when: y > 0
        steps:
          - @@'= -x y'@@'= x y'@@
""")
pair("piecewise_gap_row_zero", "F", r"""steps:
  - '\begin{cases} 1 & x > 0 \\ -1 & x < 0 \\ 0 & \text{otherwise} \end{cases}'
  - @@'= \operatorname{sign}(x)'@@'= \operatorname{sign}(x) + 1 - |\operatorname{sign}(x)|'@@
""")
pair("piecewise_row_order_tie", "F", r"""steps:
  - '\begin{cases} x^2 & x \le 1 \\ 2x & x \ge 1 \end{cases}'
cases:
  - when: x \ge 1
    steps:
      - @@'= \begin{cases} 1 & x = 1 \\ 2x & \text{otherwise} \end{cases}'@@'= 2x'@@
""")
# ---- G assumptions
pair("integer_sin_half_pi_square", "G", NI + r"""steps:
  - '\sin^2 \frac{\pi n}{2}'
  - @@'= \frac{1 - (-1)^n}{2}'@@'= \frac{1 + (-1)^n}{2}'@@
""")
pair("integer_neg_one_pronic", "G", NP + r"""steps:
  - '(-1)^{n(n+1)}'
  - @@'= 1'@@'= (-1)^n'@@
""")
pair("integer_sin_shift", "G", "# A shifted sine at integers\n\nLet $n$ be a positive integer.\n\n" + r"""$$ \sin\left(\pi n + \frac{\pi}{2}\right) $$

$$ @@= (-1)^n $$@@= 1 $$@@
""", "md")
# ---- H numbers
pair("near_cancel_square_constant", "H", r"""steps:
  - '(1 + 10^{-20})^{2} - 1'
  - @@'= 2 \cdot 10^{-20} + 10^{-40}'@@'= 2 \cdot 10^{-20}'@@
""")
pair("decimal_float_artifact", "H", r"""steps:
  - '0.1 \cdot 3'
  - @@'= 0.3'@@'= 0.30000000000000004'@@
""")
pair("sqrt_huge_conjugate", "H", r"""steps:
  - '\sqrt{10^{40} + 1} - 10^{20}'
  - @@'= \frac{1}{\sqrt{10^{40} + 1} + 10^{20}}'@@'= \frac{1}{2 \cdot 10^{20}}'@@
""")
pair("tiny_shift_symbolic_square", "H", r"""steps:
  - '(x + 10^{-20})^2 - x^2'
  - @@'= 2 \cdot 10^{-20} x + 10^{-40}'@@'= 2 \cdot 10^{-20} x'@@
""")
pair("exp_huge_ratio", "H", r"""steps:
  - '\frac{e^{1000} + 1}{e^{1000}}'
  - @@'= 1 + e^{-1000}'@@'= 1'@@
""")
# ---- I notation
pair("ln_implicit_product", "I", r"""symbols:
  x: {positive: true}
steps:
  - '\ln 2x'
  - @@'= \ln 2 + \ln x'@@'= x \ln 2'@@
""")
pair("cos_squared_double_arg", "I", "# Power reduction\n\n" + r"""$$ \cos^2 2x $$

$$ @@= \frac{1 + \cos 4x}{2} $$@@= \frac{1 + \cos 2x}{2} $$@@
""", "md")
pair("e_power_unbraced", "I", r"""steps:
  - 'e^2x'
  - @@'= x e^{2}'@@'= e^{2x}'@@
""")
pair("power_e_derivative", "I", r"""symbols:
  x: {positive: true}
steps:
  - '\frac{d}{dx} x^e'
  - @@'= e x^{e - 1}'@@'= x^e'@@
""")
pair("sin_arctan_odd", "A", "# Sine of an arctangent\n\n" + r"""$$ \sin\left(\tan^{-1} x\right) $$

$$ @@= \frac{x}{\sqrt{1 + x^2}} $$@@= \frac{|x|}{\sqrt{1 + x^2}} $$@@
""", "md")
pair("max_minus_min_abs", "B", "# Spread of two numbers\n\n" + r"""$$ \max(x, y) - \min(x, y) $$

$$ @@= |x - y| $$@@= x - y $$@@
""", "md")
pair("gamma_five_halves", "C", "# Gamma at five halves\n\n" + r"""$$ \Gamma\left(\frac{5}{2}\right) $$

$$ @@= \frac{3\sqrt{\pi}}{4} $$@@= \frac{3\sqrt{\pi}}{2} $$@@
""", "md")
# ---- J matrices
pair("trace_outer_product", "J", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
steps:
  - '\operatorname{tr}(x y^\top)'
  - @@'= x^\top y'@@'= \|x\| \|y\|'@@
""")
pair("norm_squared_difference", "J", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
steps:
  - '\|x - y\|^2'
  - @@'= \|x\|^2 - 2 x^\top y + \|y\|^2'@@'= \|x\|^2 - x^\top y + \|y\|^2'@@
""")
pair("ridge_gradient", "J", r"""symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
definitions:
  L: \frac{1}{2} \|X w - y\|^2 + \frac{\lambda}{2} \|w\|^2
steps:
  - '\nabla_{w} L'
  - @@'= X^\top (X w - y) + \lambda w'@@'= X^\top (X w - y) + 2 \lambda w'@@
""")
pair("kron_trace", "J", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [m, m]}
steps:
  - '\operatorname{tr}(A \otimes B)'
  - @@'= \operatorname{tr}(A) \operatorname{tr}(B)'@@'= \operatorname{tr}(A) + \operatorname{tr}(B)'@@
""")
# ---- K ML derivations
pair("tanh_via_sigmoid_derivative", "K", "# tanh through the sigmoid\n\nLet $\\sigma(t) = \\frac{1}{1 + e^{-t}}$.\n\n" + r"""$$ \frac{d}{dx} \tanh x $$

$$ @@= 4 \sigma(2x) (1 - \sigma(2x)) $$@@= 2 \sigma(2x) (1 - \sigma(2x)) $$@@
""", "md")
pair("gelu_derivative", "K", r"""definitions:
  \Phi(t): \frac{1}{2} \left(1 + \operatorname{erf}\left(\frac{t}{\sqrt{2}}\right)\right)
  \mathrm{gelu}(t): t \Phi(t)
steps:
  - '\frac{d}{dx} \mathrm{gelu}(x)'
  - @@'= \Phi(x) + \frac{x}{\sqrt{2\pi}} e^{-x^2/2}'@@'= \Phi(x) - \frac{x}{\sqrt{2\pi}} e^{-x^2/2}'@@
""")
pair("layernorm_centered_gradient", "K", r"""symbols:
  x: vector
  j: {kind: index, range: [1, n]}
definitions:
  \mu: \frac{1}{n} \sum_{i=1}^{n} x_i
steps:
  - '\frac{\partial}{\partial x_j} \sum_{k=1}^{n} (x_k - \mu)^2'
  - @@'= 2 (x_j - \mu)'@@'= 2 (x_j - \mu) \left(1 - \frac{1}{n}\right)'@@
""")
pair("logsumexp_shift_count", "K", r"""symbols:
  z: vector
  n: {integer: true, positive: true}
steps:
  - '\ln \sum_{k=1}^{n} e^{z_k}'
  - @@'= m + \ln \sum_{k=1}^{n} e^{z_k - m}'@@'= m + \ln \sum_{k=1}^{n} e^{z_k - m} - \ln n'@@
""")
pair("softmax_temperature_gradient", "K", r"""symbols:
  z: vector
  T: {positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  p_k: \frac{e^{z_k / T}}{\sum_{j=1}^{n} e^{z_j / T}}
steps:
  - '\frac{\partial p_i}{\partial z_i}'
  - @@'= \frac{p_i (1 - p_i)}{T}'@@'= p_i (1 - p_i)'@@
""")
pair("softmax_jacobian_trace", "K", r"""symbols:
  z: vector
  n: {integer: true, positive: true}
definitions:
  p_k: \frac{e^{z_k}}{\sum_{j=1}^{n} e^{z_j}}
steps:
  - '\sum_{i=1}^{n} p_i (1 - p_i)'
  - @@'= 1 - \sum_{i=1}^{n} p_i^2'@@'= 1 - \frac{1}{n} \sum_{i=1}^{n} p_i'@@
""")
pair("tanh_second_derivative", "K", r"""steps:
  - '\frac{d^2}{dx^2} \tanh x'
  - @@'= -2 \tanh(x) (1 - \tanh^2 x)'@@'= 2 \tanh(x) (1 - \tanh^2 x)'@@
""")

def main():
    for f in os.listdir(HERE):
        if re.search(r"\.(true|false)\.(yaml|md)$", f):
            os.remove(os.path.join(HERE, f))
    classes = {}
    names = set()
    for name, cls, ext, body in P:
        assert name not in names, name
        names.add(name)
        m = re.search(r"@@(.*?)@@(.*?)@@", body)
        assert m and body.count("@@") == 3, name
        t, fa = m.group(1), m.group(2)
        mark = "   # expect: failed" if ext == "yaml" else " <!-- expect: failed -->"
        for tw, line in (("true", t), ("false", fa + mark)):
            text = body[:m.start()] + line + body[m.end():]
            if ext == "yaml":
                text = 'title: "%s (%s twin)"\n' % (name, tw) + text
            open(os.path.join(HERE, "%s.%s.%s" % (name, tw, ext)), "w").write(text)
        classes[name] = cls
    json.dump(classes, open(os.path.join(HERE, "classes.json"), "w"), indent=1, sort_keys=True)
    print("wrote %d pairs" % len(P))

if __name__ == "__main__":
    main()
