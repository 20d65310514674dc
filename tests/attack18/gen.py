#!/usr/bin/env python3
"""Write the attack-18 twin pairs. Each pair is a YAML body in which exactly one
line reads `@@TRUE@@FALSE@@`: the true twin gets TRUE, the false twin FALSE + the mark."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, body)
def pair(name, cls, body):
    P.append((name, cls, body))

# ---- A inverse functions and branches
pair("arcsec_minus_two", "A", r"""steps:
  - '\sec^{-1}(-2)'
  - @@'= \frac{2\pi}{3}'@@'= -\frac{\pi}{3}'@@
""")
pair("arcsin_sin_second_branch", "A", r"""steps:
  - '\sin^{-1}(\sin x)'
cases:
  - when: \frac{\pi}{2} < x < \frac{3\pi}{2}
    steps:
      - @@'= \pi - x'@@'= x - \pi'@@
""")
pair("arctan_sum_negative", "A", r"""steps:
  - '\tan^{-1} x + \tan^{-1} \frac{1}{x}'
cases:
  - when: x < 0
    steps:
      - @@'= -\frac{\pi}{2}'@@'= \frac{\pi}{2}'@@
""")
pair("arccot_square_derivative", "A", r"""steps:
  - '\frac{d}{dx} \cot^{-1}(x^2)'
  - @@'= -\frac{2x}{1 + x^4}'@@'= \frac{2x}{1 + x^4}'@@
""")
pair("arccos_negative_argument", "A", r"""steps:
  - '\cos^{-1}(-x)'
cases:
  - when: -1 < x < 1
    steps:
      - @@'= \pi - \cos^{-1} x'@@'= \frac{\pi}{2} - \cos^{-1} x'@@
""")
pair("arsinh_log_form", "A", r"""steps:
  - '\sinh^{-1} x'
  - @@'= \ln\left(x + \sqrt{x^2 + 1}\right)'@@'= \ln\left(\sqrt{x^2 + 1} - x\right)'@@
""")
pair("artanh_log_half", "A", r"""steps:
  - '\tanh^{-1} x'
cases:
  - when: -1 < x < 1
    steps:
      - @@'= \frac{1}{2} \ln \frac{1 + x}{1 - x}'@@'= \ln \frac{1 + x}{1 - x}'@@
""")
pair("arcsec_derivative_negative", "A", r"""steps:
  - '\frac{d}{dx} \sec^{-1} x'
cases:
  - when: x < -1
    steps:
      - @@'= -\frac{1}{x \sqrt{x^2 - 1}}'@@'= \frac{1}{x \sqrt{x^2 - 1}}'@@
""")
pair("arccot_reciprocal_negative", "A", r"""steps:
  - '\cot^{-1} x'
cases:
  - when: x < 0
    steps:
      - @@'= \pi + \tan^{-1} \frac{1}{x}'@@'= \tan^{-1} \frac{1}{x}'@@
""")
# ---- B trig / hyperbolic identities
pair("cosh_of_sum", "B", r"""steps:
  - '\cosh(x + y)'
  - @@'= \cosh x \cosh y + \sinh x \sinh y'@@'= \cosh x \cosh y - \sinh x \sinh y'@@
""")
pair("sin_triple_power", "B", r"""steps:
  - '\sin 3x'
  - @@'= 3\sin x - 4\sin^3 x'@@'= 3\sin x - 4\sin^2 x'@@
""")
pair("tanh_double", "B", r"""steps:
  - '\tanh 2x'
  - @@'= \frac{2\tanh x}{1 + \tanh^2 x}'@@'= \frac{2\tanh x}{1 - \tanh^2 x}'@@
""")
pair("sinh_triple_sign", "B", r"""steps:
  - '\sinh 3x'
  - @@'= 3\sinh x + 4\sinh^3 x'@@'= 3\sinh x - 4\sinh^3 x'@@
""")
pair("cosh_double_sinh", "B", r"""steps:
  - '\cosh 2x'
  - @@'= 1 + 2\sinh^2 x'@@'= 1 - 2\sinh^2 x'@@
""")
pair("csc_shift_far_pi", "B", r"""steps:
  - '\csc(x + 10^{6} \pi)'
  - @@'= \csc x'@@'= -\csc x'@@
""")
# ---- C roots and constants far out
pair("cube_root_tiny_scale", "C", r"""steps:
  - '\sqrt[3]{x^3 \cdot 10^{-15}}'
  - @@'= \frac{x}{10^5}'@@'= \frac{x}{10^5} \left(1 + 10^{-13}\right)'@@
""")
pair("cube_root_binomial_sign", "C", r"""steps:
  - '\frac{\sqrt[3]{x^3 + 3x^2 + 3x + 1}}{10^5}'
  - @@'= \frac{x + 1}{10^5}'@@'= \frac{|x + 1|}{10^5}'@@
""")
pair("fourth_root_abs_scale", "C", r"""steps:
  - '\sqrt[4]{x^4} \cdot 10^{-5}'
  - @@'= \frac{|x|}{10^5}'@@'= \frac{x}{10^5}'@@
""")
pair("sqrt_big_offset", "C", r"""steps:
  - '\sqrt{x^2 + 10^{12}}'
  - @@'= 10^6 \sqrt{1 + \frac{x^2}{10^{12}}}'@@'= 10^6 + \frac{x^2}{2 \cdot 10^6}'@@
""")
# ---- D logs with signs
pair("log_square_abs_two", "D", r"""steps:
  - '\log_2(8 x^2)'
  - @@'= 3 + 2\log_2 |x|'@@'= 3 + \log_2 |x|'@@
""")
# ---- E abs / max / floor at breakpoints
pair("min_via_abs_half", "E", r"""steps:
  - '\min(x, 1 - x)'
  - @@'= \frac{1}{2} - \left|x - \frac{1}{2}\right|'@@'= \frac{1}{2} - \left|x + \frac{1}{2}\right|'@@
""")
pair("floor_neg_integer_points", "E", r"""steps:
  - '\lfloor -x \rfloor'
  - @@'= -\lceil x \rceil'@@'= -\lfloor x \rfloor - 1'@@
""")
pair("floor_ceil_half_integer", "E", r"""symbols:
  n: {integer: true}
steps:
  - '\lfloor \frac{n}{2} \rfloor + \lceil \frac{n}{2} \rceil'
  - @@'= n'@@'= 2\lfloor \frac{n}{2} \rfloor + 1'@@
""")
pair("abs_sum_three_regions", "E", r"""steps:
  - '|x - 1| + |x + 1|'
cases:
  - when: -1 < x < 1
    steps:
      - '= 2'
  - when: x \ge 1
    steps:
      - '= 2x'
  - when: x \le -1
    steps:
      - @@'= -2x'@@'= 2x + 4'@@
""")
# ---- F sums, binomials, factorials
pair("telescoping_from_two", "F", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\sum_{k=2}^{n} \frac{1}{k(k - 1)}'
  - @@'= 1 - \frac{1}{n}'@@'= \frac{n}{n + 1}'@@
""")
pair("weighted_power_sum", "F", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\sum_{k=1}^{n} k 2^{k}'
  - @@'= (n - 1) 2^{n+1} + 2'@@'= (n - 1) 2^{n} + 2'@@
""")
pair("product_ratio_shift", "F", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\prod_{k=1}^{n} \frac{k + 2}{k}'
  - @@'= \frac{(n + 1)(n + 2)}{2}'@@'= \frac{n (n + 1)}{2}'@@
""")
pair("central_binom_ratio", "F", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\frac{\binom{2n}{n}}{\binom{2n-2}{n-1}}'
  - @@'= \frac{2(2n - 1)}{n}'@@'= \frac{2(2n + 1)}{n + 1}'@@
""")
pair("double_factorial_odd", "F", r"""symbols:
  n: {integer: true, nonnegative: true}
steps:
  - '\frac{(2n)!}{2^n n!}'
  - @@'= \prod_{k=1}^{n} (2k - 1)'@@'= \prod_{k=1}^{n} (2k + 1)'@@
""")
pair("vandermonde_squares", "F", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\sum_{k=0}^{n} \binom{n}{k}^2'
  - @@'= \binom{2n}{n}'@@'= \binom{2n}{n - 1}'@@
""")
pair("binom_large_n_ratio", "F", r"""steps:
  - '\frac{\binom{400}{200}}{\binom{400}{199}}'
  - @@'= \frac{201}{200}'@@'= \frac{200}{199}'@@
""")
# ---- G cases: overlapping / chained conditions
pair("piecewise_first_row_wins", "G", r"""steps:
  - '\begin{cases} x & x > 0 \\ -x & x > -1 \\ 0 & \text{otherwise} \end{cases}'
cases:
  - when: 0 < x < 1
    steps:
      - @@'= |x|'@@'= -x'@@
""")
pair("log_unit_interval_sign", "G", r"""steps:
  - '\ln x'
cases:
  - when: 0 < x < 1
    steps:
      - @@'= -|\ln x|'@@'= |\ln x|'@@
""")
pair("sqrt_sin_lower_half", "G", r"""steps:
  - '\sqrt{1 - \cos^2 x}'
cases:
  - when: \pi < x < 2\pi
    steps:
      - @@'= -\sin x'@@'= \sin x'@@
""")
# ---- H derivatives of defined names, partials
pair("log_sigmoid_derivative", "H", r"""definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - '\frac{d}{dx} \ln \sigma(x)'
  - @@'= 1 - \sigma(x)'@@'= \sigma(x)'@@
""")
pair("softplus_derivative", "H", r"""definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
  \mathrm{softplus}(t): \ln(1 + e^{t})
steps:
  - '\frac{d}{dx} \mathrm{softplus}(x)'
  - @@'= \sigma(x)'@@'= \sigma(-x)'@@
""")
pair("sigmoid_second_derivative", "H", r"""definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - '\frac{d^2}{dx^2} \sigma(x)'
  - @@'= \sigma(x) (1 - \sigma(x)) (1 - 2\sigma(x))'@@'= \sigma(x) (1 - \sigma(x)) (2\sigma(x) - 1)'@@
""")
pair("swish_derivative", "H", r"""definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - '\frac{d}{dx} x \sigma(x)'
  - @@'= \sigma(x) + x \sigma(x) (1 - \sigma(x))'@@'= \sigma(x) + x \sigma(x)^2'@@
""")
pair("partial_by_defined_name", "H", r"""definitions:
  u: x^2
  L: \sin(u) + u^2
steps:
  - '\frac{\partial L}{\partial u}'
  - @@'= \cos(u) + 2u'@@'= 2x \cos(u) + 4x u'@@
""")
pair("partial_declared_constant", "H", r"""symbols:
  y: {real: true}
steps:
  - '\frac{\partial}{\partial x} \left(x^2 y + e^{x y}\right)'
  - @@'= 2 x y + y e^{x y}'@@'= 2 x y + x e^{x y}'@@
""")
pair("mixed_partial_cubic", "H", r"""symbols:
  x, y: {real: true}
steps:
  - '\frac{\partial^2}{\partial x \partial y} x^3 y^2'
  - @@'= 6 x^2 y'@@'= 6 x y^2'@@
""")
# ---- I ML losses
pair("bce_logit_gradient", "I", r"""symbols:
  y, z: {real: true}
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
  \text{L}: -\left(y \ln \sigma(z) + (1 - y) \ln(1 - \sigma(z))\right)
steps:
  - '\frac{\partial \text{L}}{\partial z}'
  - @@'= \sigma(z) - y'@@'= y - \sigma(z)'@@
""")
pair("logsumexp_gradient", "I", r"""symbols:
  z: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
definitions:
  p_k: \frac{e^{z_k}}{\sum_{j=1}^{n} e^{z_j}}
steps:
  - '\frac{\partial}{\partial z_i} \ln \sum_{j=1}^{n} e^{z_j}'
  - @@'= p_i'@@'= p_i (1 - p_i)'@@
""")
# ---- J vectors and matrices
pair("quadratic_form_nonsymmetric", "J", r"""symbols:
  x: {kind: vector, size: n}
  B: {kind: matrix, shape: [n, n]}
steps:
  - '\nabla_x x^\top B x'
  - @@'= (B + B^\top) x'@@'= 2 B x'@@
""")
pair("norm_gradient", "J", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\nabla_x \|x\|'
  - @@'= \frac{x}{\|x\|}'@@'= \frac{x}{\|x\|^2}'@@
""")
pair("trace_transpose_slip", "J", r"""symbols:
  A, B: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(A B)'
  - @@'= \operatorname{tr}(B A)'@@'= \operatorname{tr}(A^\top B)'@@
""")
pair("least_squares_square_matrix", "J", r"""symbols:
  x, b: {kind: vector, size: n}
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\nabla_x \frac{1}{2} \|A x - b\|^2'
  - @@'= A^\top (A x - b)'@@'= A (A x - b)'@@
""")
pair("symmetric_form_diagonal", "J", r"""symbols:
  x: {kind: vector, size: n}
  A: {kind: matrix, shape: [n, n], symmetric: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - 'x^\top A x'
  - @@'= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} x_i x_j'@@'= \sum_{i=1}^{n} A_{i,i} x_i^2'@@
""")
pair("squared_projection_gradient", "J", r"""symbols:
  x, a: {kind: vector, size: n}
steps:
  - '\nabla_x (a^\top x)^2'
  - @@'= 2 (a^\top x) a'@@'= 2 (a^\top x) x'@@
""")

# ---- K added probes (tolerance, half-integers, far sigmoid, n = 0)
pair("floor_half_integer_round", "E", r"""steps:
  - '\lfloor x + \frac{1}{2} \rfloor'
  - @@'= -\lceil -x - \frac{1}{2} \rceil'@@'= \lceil x - \frac{1}{2} \rceil'@@
""")
pair("log_one_minus_sigmoid_derivative", "H", r"""definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - '\frac{d}{dz} \ln(1 - \sigma(z))'
  - @@'= -\sigma(z)'@@'= \sigma(z) - 1'@@
""")
pair("alt_sum_sign_at_zero", "F", r"""symbols:
  n: {integer: true, nonnegative: true}
steps:
  - '\sum_{k=1}^{n} (-1)^k'
  - @@'= \frac{(-1)^n - 1}{2}'@@'= \frac{(-1)^n - \operatorname{sign}(n)}{2}'@@
""")
pair("cos_far_period_tiny_shift", "C", r"""steps:
  - '\cos(10^{20} \pi + x)'
  - @@'= \cos x'@@'= \cos\left(x + \frac{\pi}{10^{20}}\right)'@@
""")
pair("cube_root_relative_slip", "C", r"""steps:
  - '\frac{\sqrt[3]{8x}}{10^5}'
  - @@'= \frac{2\sqrt[3]{x}}{10^5}'@@'= \frac{2.0000000000001 \sqrt[3]{x}}{10^5}'@@
""")
pair("hessian_nonsymmetric", "J", r"""symbols:
  x: {kind: vector, size: n}
  B: {kind: matrix, shape: [n, n]}
steps:
  - '\nabla^2_x \frac{1}{2} x^\top B x'
  - @@'= \frac{1}{2} (B + B^\top)'@@'= B'@@
""")
pair("piecewise_overlap_chained_rows", "G", r"""steps:
  - '\begin{cases} 1 & 0 < x < 2 \\ 2 & 1 < x < 3 \\ 0 & \text{otherwise} \end{cases}'
cases:
  - when: 1 < x < 2
    steps:
      - @@'= 1'@@'= 2'@@
""")
pair("log_tiny_argument", "C", r"""steps:
  - '\ln\left(1 + 10^{-40} x^2\right)'
  - @@'= \ln\left(10^{40} + x^2\right) - 40 \ln 10'@@'= 10^{-40} x^2'@@
""")
pair("sum_doubling_range_negative", "F", r"""symbols:
  n: {integer: true}
steps:
  - '\sum_{k=n}^{2n} 1'
  - @@'= \max(n + 1, 0)'@@'= n + 1'@@
""")
pair("cube_root_shift_relative", "C", r"""steps:
  - '\sqrt[3]{8x + 16}'
  - @@'= 2\sqrt[3]{x + 2}'@@'= \left(2 + 10^{-40}\right) \sqrt[3]{x + 2}'@@
""")
pair("softplus_slope_far_case", "H", r"""steps:
  - '\frac{d}{dx} \ln(1 + e^{x})'
cases:
  - when: x > 50
    steps:
      - @@'= \frac{1}{1 + e^{-x}}'@@'= 1'@@
""")

if __name__ == "__main__":
    for f in os.listdir(HERE):
        if f.endswith(".true.yaml") or f.endswith(".false.yaml"):
            os.remove(os.path.join(HERE, f))
    classes = {}
    for name, cls, body in P:
        classes[name] = cls
        n = body.count("@@") 
        assert n == 3, name
        m = re.search(r"@@(.*?)@@(.*?)@@", body)
        t = body[:m.start()] + m.group(1) + body[m.end():]
        f = body[:m.start()] + m.group(2) + "   # expect: failed" + body[m.end():]
        for kind, text in (("true", t), ("false", f)):
            with open(os.path.join(HERE, "%s.%s.yaml" % (name, kind)), "w") as fh:
                fh.write('title: "%s (%s twin)"\n' % (name, kind) + text)
    json.dump(classes, open(os.path.join(HERE, "classes.json"), "w"), indent=1, sort_keys=True)
    print(len(P), "pairs")
